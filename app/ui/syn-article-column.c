/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "syn-ui"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "syn-article-column.h"
#include "syn-a11y.h"

struct _SynArticleColumn
{
  GtkWidget          parent_instance;

  GtkWidget         *header;
  GtkLabel          *number_label;
  GtkLabel          *title_label;
  GtkLabel          *detail_label;
  GtkLabel          *counts_label;
  GtkMenuButton     *rename_button;
  GtkEntry          *rename_entry;
  GtkWidget         *move_left_button;
  GtkWidget         *move_right_button;
  GtkScrolledWindow *scroller;
  SynArticleView    *view;
  SynArticle        *article;
  guint              number;
  guint              n_sources;
};

G_DEFINE_FINAL_TYPE (SynArticleColumn, syn_article_column, GTK_TYPE_WIDGET)

static void
syn_article_column_dispose (GObject *object)
{
  SynArticleColumn *self = SYN_ARTICLE_COLUMN (object);

  if (self->article != NULL)
    g_signal_handlers_disconnect_by_data (self->article, self);
  g_clear_object (&self->article);
  if (self->rename_button != NULL)
    gtk_menu_button_popdown (self->rename_button);
  gtk_widget_dispose_template (GTK_WIDGET (object), SYN_TYPE_ARTICLE_COLUMN);

  G_OBJECT_CLASS (syn_article_column_parent_class)->dispose (object);
}

static void update_labels (SynArticleColumn *self);

static void
rename_shown_cb (SynArticleColumn *self)
{
  const char *custom = self->article ? syn_article_get_custom_name (self->article) : NULL;

  gtk_editable_set_text (GTK_EDITABLE (self->rename_entry), custom != NULL ? custom : "");
  if (self->article != NULL)
    gtk_entry_set_placeholder_text (self->rename_entry, syn_article_get_name (self->article));
  gtk_widget_grab_focus (GTK_WIDGET (self->rename_entry));
}

/* Enter names the source; an empty name gives it back its own. */
static void
rename_activate_cb (SynArticleColumn *self)
{
  if (self->article != NULL)
    syn_article_set_custom_name (self->article, gtk_editable_get_text (GTK_EDITABLE (self->rename_entry)));
  gtk_menu_button_popdown (self->rename_button);
}

/* The columns are built anew once the source has moved: the popover
 * closes first, so that its grab goes with it. */
static void
move_clicked_cb (SynArticleColumn *self)
{
  gtk_menu_button_popdown (self->rename_button);
}

/* A column is dragged by its header to another place (the comparison
 * view drops it). What travels is the column itself; its number and
 * name, on a card of their own, follow the pointer, and the column fades
 * meanwhile. The card is an opaque widget rather than a picture of the
 * header: the header has no background of its own, and where no
 * compositor blends a translucent drag icon it would show as a black
 * block. */
static GdkContentProvider *
drag_prepare_cb (SynArticleColumn *self,
                 double            x,
                 double            y,
                 GtkDragSource    *source)
{
  if (self->article == NULL)
    return NULL;
  return gdk_content_provider_new_typed (SYN_TYPE_ARTICLE_COLUMN, self);
}

static GtkWidget *
drag_card (SynArticleColumn *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *number = gtk_label_new (gtk_label_get_text (self->number_label));
  GtkWidget *name = gtk_label_new (gtk_label_get_text (self->title_label));

  gtk_widget_add_css_class (box, "syn-drag-card");
  gtk_widget_add_css_class (number, "syn-source-badge");
  gtk_widget_add_css_class (name, "heading");
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (name), 32);
  gtk_box_append (GTK_BOX (box), number);
  gtk_box_append (GTK_BOX (box), name);
  return box;
}

static void
drag_begin_cb (SynArticleColumn *self,
               GdkDrag          *drag,
               GtkDragSource    *source)
{
  GtkWidget *icon = gtk_drag_icon_get_for_drag (drag);

  gtk_drag_icon_set_child (GTK_DRAG_ICON (icon), drag_card (self));
  gdk_drag_set_hotspot (drag, -12, -12);
  gtk_menu_button_popdown (self->rename_button);
  gtk_widget_add_css_class (GTK_WIDGET (self), "syn-dragged");
}

static void
drag_end_cb (SynArticleColumn *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self), "syn-dragged");
}

static void
add_drag_source (SynArticleColumn *self)
{
  GtkDragSource *source = gtk_drag_source_new ();

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect_object (source, "prepare", G_CALLBACK (drag_prepare_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (source, "drag-begin", G_CALLBACK (drag_begin_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (source, "drag-end", G_CALLBACK (drag_end_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (self->header, GTK_EVENT_CONTROLLER (source));
}

static void
syn_article_column_class_init (SynArticleColumnClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = syn_article_column_dispose;

  g_type_ensure (SYN_TYPE_ARTICLE_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/synopsis_app/Synopsis/syn-article-column.ui");
  gtk_widget_class_bind_template_child (widget_class, SynArticleColumn, header);
  gtk_widget_class_bind_template_child (widget_class, SynArticleColumn, number_label);
  gtk_widget_class_bind_template_child (widget_class, SynArticleColumn, title_label);
  gtk_widget_class_bind_template_child (widget_class, SynArticleColumn, detail_label);
  gtk_widget_class_bind_template_child (widget_class, SynArticleColumn, counts_label);
  gtk_widget_class_bind_template_child (widget_class, SynArticleColumn, rename_button);
  gtk_widget_class_bind_template_child (widget_class, SynArticleColumn, rename_entry);
  gtk_widget_class_bind_template_child (widget_class, SynArticleColumn, move_left_button);
  gtk_widget_class_bind_template_child (widget_class, SynArticleColumn, move_right_button);
  gtk_widget_class_bind_template_callback (widget_class, rename_shown_cb);
  gtk_widget_class_bind_template_callback (widget_class, rename_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, move_clicked_cb);
  gtk_widget_class_bind_template_child (widget_class, SynArticleColumn, scroller);
  gtk_widget_class_bind_template_child (widget_class, SynArticleColumn, view);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "synarticlecolumn");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
syn_article_column_init (SynArticleColumn *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  syn_a11y_name_controls (GTK_WIDGET (self));
  add_drag_source (self);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
}

GtkWidget *
syn_article_column_new (void)
{
  return g_object_new (SYN_TYPE_ARTICLE_COLUMN, NULL);
}

static char *
describe_counts (SynArticle *article)
{
  guint n_passages = syn_article_get_n_passages (article) - syn_article_get_n_boilerplate (article);
  guint n_unique = syn_article_get_n_unique (article);
  g_autofree char *passages = NULL;
  gsize len;
  const char *text = syn_article_get_text (article, &len);
  gboolean blank = TRUE;

  /* an empty source says so, rather than "0 passages" */
  for (gsize i = 0; i < len && blank; i++)
    blank = g_ascii_isspace (text[i]);
  if (blank)
    return g_strdup (_("Empty: this source has no text"));
  passages = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u passage", "%u passages", n_passages),
                              n_passages);
  if (n_unique == 0)
    return g_steal_pointer (&passages);
  /* Translators: "12 passages · 3 only here" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %u only here", "%s · %u only here", n_unique),
                          passages, n_unique);
}

/* "30 Dec 2021" from what a page gives: an ISO 8601 date, with or
 * without its time; NULL when it cannot be read as one. */
static char *
format_published (const char *published)
{
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *midnight = NULL;

  if (published == NULL)
    return NULL;
  date = g_date_time_new_from_iso8601 (published, NULL);
  if (date == NULL && strlen (published) == 10)
    {
      midnight = g_strconcat (published, "T00:00:00Z", NULL);
      date = g_date_time_new_from_iso8601 (midnight, NULL);
    }
  if (date == NULL)
    return NULL;
  /* Translators: a publication date in a column header, see strftime(3) */
  return g_date_time_format (date, _("%-d %b %Y"));
}

const char *
syn_article_column_name_article (SynArticle *article)
{
  const char *title;

  g_return_val_if_fail (SYN_IS_ARTICLE (article), NULL);

  title = syn_article_get_title (article);
  if (syn_article_get_custom_name (article) != NULL || syn_article_get_site (article) != NULL)
    return syn_article_get_label (article);
  return title != NULL ? title : syn_article_get_name (article);
}

/* The line under the name: the outlet (when the name is not it) and the
 * date for a web page, the file's name (and date) otherwise; NULL when
 * there is nothing to add. The full path or address is in the tooltip. */
static char *
describe_origin (SynArticle *article)
{
  const char *site = syn_article_get_site (article);
  g_autofree char *date = format_published (syn_article_get_published (article));

  if (site == NULL)
    site = syn_article_get_name (article);
  if (site != NULL && g_strcmp0 (site, syn_article_column_name_article (article)) == 0)
    site = NULL;
  if (site != NULL && date != NULL)
    /* Translators: outlet (or file name) · publication date */
    return g_strdup_printf (_("%s · %s"), site, date);
  if (site != NULL)
    return g_strdup (site);
  return g_steal_pointer (&date);
}

/* Where it came from, in full: the file name or the page's address. */
static const char *
describe_location (SynArticle *article)
{
  const char *url = syn_article_get_url (article);

  if (syn_article_get_origin (article) != SYN_ORIGIN_FILE && url != NULL)
    return url;
  return syn_article_get_name (article);
}

/* For a screen reader the column is a group named by its place and its
 * source, and its text is named by the source: that is what is said as
 * the focus moves into a column (Alt+Left/Right). */
static void
update_accessible (SynArticleColumn *self,
                   const char       *name)
{
  /* Translators: a column for a screen reader: "Source 2 of 5: The Times" */
  g_autofree char *label = g_strdup_printf (_("Source %u of %u: %s"), self->number, self->n_sources, name);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
update_labels (SynArticleColumn *self)
{
  SynArticle *article = self->article;
  g_autofree char *origin = describe_origin (article);
  g_autofree char *tooltip = NULL;
  const char *title = syn_article_get_title (article);
  const char *name = syn_article_column_name_article (article);

  gtk_label_set_text (self->title_label, name);
  gtk_label_set_text (self->detail_label, origin != NULL ? origin : "");
  gtk_widget_set_visible (GTK_WIDGET (self->detail_label), origin != NULL);
  /* the headline when it is not the name, and where it came from */
  if (title != NULL && g_strcmp0 (title, name) != 0)
    tooltip = g_strdup_printf ("%s\n%s", title, describe_location (article));
  else
    tooltip = g_strdup (describe_location (article));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->title_label), tooltip);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->detail_label), describe_location (article));
  update_accessible (self, name);
}

void
syn_article_column_set_article (SynArticleColumn *self,
                                SynArticle       *article,
                                guint             number,
                                guint             n_sources)
{
  g_autofree char *number_text = NULL;
  g_autofree char *counts = NULL;

  g_return_if_fail (SYN_IS_ARTICLE_COLUMN (self));
  g_return_if_fail (SYN_IS_ARTICLE (article));

  if (self->article != article)
    {
      if (self->article != NULL)
        g_signal_handlers_disconnect_by_data (self->article, self);
      g_set_object (&self->article, article);
      g_signal_connect_swapped (article, "notify::custom-name", G_CALLBACK (update_labels), self);
    }
  self->number = number;
  self->n_sources = n_sources;
  number_text = g_strdup_printf ("%u", number);
  counts = describe_counts (article);
  gtk_label_set_text (self->number_label, number_text);
  gtk_label_set_text (self->counts_label, counts);
  update_labels (self);
  /* view.move-source((column, position)), columns counted from 0 */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->move_left_button), "(ii)",
                                    (int) number - 1, (int) number - 2);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->move_right_button), "(ii)",
                                    (int) number - 1, (int) number);
  gtk_widget_set_sensitive (self->move_left_button, number > 1);
  gtk_widget_set_sensitive (self->move_right_button, number < n_sources);
  syn_article_view_set_article (self->view, article, n_sources);
}

SynArticleView *
syn_article_column_get_view (SynArticleColumn *self)
{
  g_return_val_if_fail (SYN_IS_ARTICLE_COLUMN (self), NULL);

  return self->view;
}

GtkWidget *
syn_article_column_get_header (SynArticleColumn *self)
{
  g_return_val_if_fail (SYN_IS_ARTICLE_COLUMN (self), NULL);

  return self->header;
}

GtkAdjustment *
syn_article_column_get_vadjustment (SynArticleColumn *self)
{
  g_return_val_if_fail (SYN_IS_ARTICLE_COLUMN (self), NULL);

  return gtk_scrolled_window_get_vadjustment (self->scroller);
}
