/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The detail pane: the selected group's versions one above the other, so
 * the wording of four or five sources can be compared word by word without
 * moving the eyes across columns. Each row carries the same marks as the
 * columns; "changed" words get their dotted underline drawn over the label
 * (Pango has no dotted underline), which is why a row's text sits in a
 * small wrapper widget that draws after its label.
 */
#define G_LOG_DOMAIN "syn-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "syn-a11y.h"
#include "syn-article-column.h"
#include "syn-group-detail.h"
#include "syn-marked-label.h"
#include "syn-marks.h"

struct _SynGroupDetail
{
  GtkWidget  parent_instance;

  GtkWidget *box;
  GtkLabel  *heading;
  GtkLabel  *subheading;
  GtkWidget *rows;
  GPtrArray *pool;      /* row boxes, in order */
  GtkLabel  *absent;
  GtkWidget *close_button;
  guint      n_rows;
};

G_DEFINE_FINAL_TYPE (SynGroupDetail, syn_group_detail, GTK_TYPE_WIDGET)

/* A version's row: a box that takes the keyboard focus itself (a plain
 * box only passes it on to its children, and labels take none), so that
 * Tab reaches each version and a screen reader reads its label. */
#define SYN_TYPE_DETAIL_ROW (syn_detail_row_get_type ())
G_DECLARE_FINAL_TYPE (SynDetailRow, syn_detail_row, SYN, DETAIL_ROW, GtkBox)

struct _SynDetailRow
{
  GtkBox parent_instance;
};

G_DEFINE_FINAL_TYPE (SynDetailRow, syn_detail_row, GTK_TYPE_BOX)

static gboolean
syn_detail_row_focus (GtkWidget        *widget,
                      GtkDirectionType  direction)
{
  if (gtk_widget_is_focus (widget))
    return FALSE;
  return gtk_widget_grab_focus (widget);
}

static void
syn_detail_row_class_init (SynDetailRowClass *klass)
{
  GTK_WIDGET_CLASS (klass)->focus = syn_detail_row_focus;
  gtk_widget_class_set_accessible_role (GTK_WIDGET_CLASS (klass), GTK_ACCESSIBLE_ROLE_LIST_ITEM);
}

static void
syn_detail_row_init (SynDetailRow *self)
{
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
}

typedef struct {
  guint added;
  guint changed;
  guint number;
  guint quote;
} Counts;

/* Appends @passage's text to @text with its marks in @attrs/@dotted. */
static void
append_passage (GString       *text,
                PangoAttrList *attrs,
                GArray        *dotted,
                SynPassage    *passage,
                Counts        *counts)
{
  gsize len, base = text->len, start = syn_passage_get_start (passage);
  const char *p = syn_passage_peek_text (passage, &len);
  guint n_div;
  const SynDivergence *divs = syn_passage_get_divergences (passage, &n_div);
  gboolean emphasis;

  if (text->len > 0)
    {
      g_string_append (text, " … ");
      base = text->len;
    }
  g_string_append_len (text, p, len);
  emphasis = syn_marks_emphasise_added (passage);
  for (guint i = 0; i < n_div; i++)
    {
      guint s = base + (divs[i].start - start), e = base + (divs[i].end - start);
      SynMark mark = syn_marks_for_divergence (divs[i].kind);

      if (divs[i].start < start || divs[i].end > start + len)
        continue;
      syn_marks_add_attributes (attrs, mark, s, e);
      if (mark == SYN_MARK_ADDED && emphasis)
        syn_marks_add_attributes (attrs, SYN_MARK_EMPHASIS, s, e);
      if (mark == SYN_MARK_CHANGED)
        {
          g_array_append_val (dotted, s);
          g_array_append_val (dotted, e);
        }
      counts->added += divs[i].kind == SYN_DIVERGENCE_ADDED;
      counts->changed += divs[i].kind == SYN_DIVERGENCE_CHANGED;
      counts->number += divs[i].kind == SYN_DIVERGENCE_NUMBER;
      counts->quote += divs[i].kind == SYN_DIVERGENCE_QUOTE;
    }
}

/* A version as a screen reader says it: its source, then its marks, as
 * a label; its words as the description. */
static void
label_row (GtkWidget  *row,
           guint       number,
           SynArticle *article,
           const char *marks,
           const char *text)
{
  g_autofree char *label = NULL;

  if (marks != NULL)
    /* Translators: a version in the detail pane, for a screen reader:
     * "Source 2, The Times: Number differs: 42 here; 38 in 2 other sources." */
    label = g_strdup_printf (_("Source %u, %s: %s"), number, syn_article_column_name_article (article), marks);
  else
    /* Translators: a version in the detail pane with no marks: "Source 2, The Times: no differences" */
    label = g_strdup_printf (_("Source %u, %s: no differences"), number,
                             syn_article_column_name_article (article));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                  -1);
}

/* Rows are kept and refilled: a selection then costs no new widgets. */
static void
set_row (SynGroupDetail *self,
         guint           number,
         SynArticle     *article,
         const char     *text,
         PangoAttrList  *attrs,
         GArray         *dotted,
         const char     *marks)
{
  g_autofree char *number_text = g_strdup_printf ("%u", number);
  GtkWidget *row, *badge, *name, *label;

  if (self->n_rows == self->pool->len)
    {
      row = g_object_new (SYN_TYPE_DETAIL_ROW, "orientation", GTK_ORIENTATION_HORIZONTAL, "spacing", 10, NULL);
      badge = gtk_label_new (NULL);
      label = syn_marked_label_new ("", NULL, NULL);
      gtk_widget_set_valign (badge, GTK_ALIGN_START);
      gtk_widget_add_css_class (badge, "syn-source-badge");
      gtk_widget_add_css_class (label, "syn-detail-text");
      /* The full width: every version wraps at the same edge, most on one
       * line, so the eye runs down the stack word by word. */
      gtk_widget_set_halign (label, GTK_ALIGN_FILL);
      gtk_widget_set_hexpand (label, TRUE);
      /* the source's name, as its column header gives it */
      name = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (name), 14);
      gtk_label_set_max_width_chars (GTK_LABEL (name), 14);
      gtk_widget_set_valign (name, GTK_ALIGN_START);
      gtk_widget_add_css_class (name, "dim-label");
      gtk_widget_add_css_class (name, "syn-detail-source");
      gtk_box_append (GTK_BOX (row), badge);
      gtk_box_append (GTK_BOX (row), name);
      gtk_box_append (GTK_BOX (row), label);
      gtk_widget_add_css_class (row, "syn-detail-row");
      gtk_box_insert_child_after (GTK_BOX (self->rows), row,
                                  self->pool->len > 0 ? g_ptr_array_index (self->pool, self->pool->len - 1) : NULL);
      g_ptr_array_add (self->pool, row);
    }
  row = g_ptr_array_index (self->pool, self->n_rows);
  badge = gtk_widget_get_first_child (row);
  name = gtk_widget_get_next_sibling (badge);
  label = gtk_widget_get_last_child (row);
  /* The number and name are the column's; the file is on hover. */
  gtk_label_set_text (GTK_LABEL (badge), number_text);
  gtk_label_set_text (GTK_LABEL (name), syn_article_column_name_article (article));
  gtk_widget_set_tooltip_text (name, syn_article_get_name (article));
  gtk_widget_set_tooltip_text (badge, syn_article_get_name (article));
  syn_marked_label_set (SYN_MARKED_LABEL (label), text, attrs, dotted);
  label_row (row, number, article, marks, text);
  gtk_widget_set_visible (row, TRUE);
  self->n_rows++;
}

/* One line for the sources that lack the group: "Not in 2, 4". */
static void
set_absent (SynGroupDetail *self,
            GArray         *numbers)
{
  g_autoptr(GString) list = g_string_new (NULL);
  g_autofree char *text = NULL;

  for (guint i = 0; i < numbers->len; i++)
    g_string_append_printf (list, "%s%u", i > 0 ? ", " : "", g_array_index (numbers, guint, i));
  /* Translators: %s is a list of source numbers, "2, 4" */
  text = g_strdup_printf (_("Not in %s"), list->str);
  gtk_label_set_text (self->absent, text);
  gtk_widget_set_visible (GTK_WIDGET (self->absent), numbers->len > 0);
}

/* The versions of @article in @group, or FALSE when it has none. */
static gboolean
add_versions (SynGroupDetail *self,
              guint           number,
              SynGroup       *group,
              SynArticle     *article,
              Counts         *counts)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();
  g_autoptr(GArray) dotted = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GString) marks = g_string_new (NULL);
  GListModel *passages = syn_group_get_passages (group);
  guint n_here = 0;
  SynPassage *first = syn_group_get_passage_for_article (group, article, &n_here);
  guint position = 0;

  if (first == NULL)
    return FALSE;
  /* The article's passages follow the first one in the group's list. */
  for (guint i = 0; i < g_list_model_get_n_items (passages); i++)
    {
      g_autoptr(SynPassage) p = g_list_model_get_item (passages, i);

      if (p == first)
        {
          position = i;
          break;
        }
    }
  for (guint i = position; i < position + n_here; i++)
    {
      g_autoptr(SynPassage) p = g_list_model_get_item (passages, i);
      g_autofree char *passage_marks = syn_a11y_describe_marks (p);

      append_passage (text, attrs, dotted, p, counts);
      if (passage_marks != NULL)
        g_string_append_printf (marks, "%s%s", marks->len > 0 ? " " : "", passage_marks);
    }
  set_row (self, number, article, text->str, attrs, dotted, marks->len > 0 ? marks->str : NULL);
  return TRUE;
}

static char *
describe_counts (const Counts *counts)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (counts->number > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u number differs",
                                                          "%u numbers differ", counts->number),
                                             counts->number));
  if (counts->quote > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u quotation differs",
                                                          "%u quotations differ", counts->quote),
                                             counts->quote));
  if (counts->added > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u addition",
                                                          "%u additions", counts->added),
                                             counts->added));
  if (counts->changed > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u rewording",
                                                          "%u rewordings", counts->changed),
                                             counts->changed));
  if (parts->len == 0)
    return g_strdup (_("Worded alike"));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

static void
clear_rows (SynGroupDetail *self)
{
  for (guint i = 0; i < self->pool->len; i++)
    gtk_widget_set_visible (g_ptr_array_index (self->pool, i), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->absent), FALSE);
  self->n_rows = 0;
}

static void
show_group (SynGroupDetail *self,
            SynComparison  *comparison,
            SynGroup       *group)
{
  GListModel *articles = syn_comparison_get_articles (comparison);
  guint n = g_list_model_get_n_items (articles);
  g_autofree char *heading = NULL;
  g_autofree char *subheading = NULL;
  Counts counts = { 0, };
  g_autoptr(GArray) absent = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SynArticle) article = g_list_model_get_item (articles, i);
      guint number = i + 1;

      if (!add_versions (self, number, group, article, &counts))
        g_array_append_val (absent, number);
    }
  set_absent (self, absent);
  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "In %u of %u source", "In %u of %u sources", n),
                             syn_group_get_support (group), n);
  subheading = describe_counts (&counts);
  gtk_label_set_text (self->heading, heading);
  gtk_label_set_text (self->subheading, subheading);
}

static void
show_unique (SynGroupDetail *self,
             SynComparison  *comparison,
             SynPassage     *passage)
{
  GListModel *articles = syn_comparison_get_articles (comparison);
  SynArticle *article = syn_passage_get_article (passage);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();
  g_autoptr(GArray) dotted = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *marks = NULL;
  guint number = 0;
  Counts counts = { 0, };

  if (article == NULL)
    return;
  for (guint i = 0; i < g_list_model_get_n_items (articles); i++)
    {
      g_autoptr(SynArticle) a = g_list_model_get_item (articles, i);

      if (a == article)
        number = i + 1;
    }
  append_passage (text, attrs, dotted, passage, &counts);
  marks = syn_a11y_describe_marks (passage);
  set_row (self, number, article, text->str, attrs, dotted, marks);
  if (syn_passage_get_kind (passage) == SYN_PASSAGE_BOILERPLATE)
    {
      gtk_label_set_text (self->heading, _("Site furniture"));
      gtk_label_set_text (self->subheading, _("Left out of the comparison"));
    }
  else
    {
      gtk_label_set_text (self->heading, _("Only in this source"));
      gtk_label_set_text (self->subheading, _("No other source carries this passage"));
    }
}

/* The pane says what its heading says: who carries the passage and how
 * the versions differ. */
static void
describe (SynGroupDetail *self)
{
  const char *subheading = gtk_label_get_text (self->subheading);
  g_autofree char *text = NULL;

  if (subheading[0] != '\0')
    /* Translators: the detail pane's heading and subheading, for a screen reader */
    text = g_strdup_printf (_("%s: %s"), gtk_label_get_text (self->heading), subheading);
  else
    text = g_strdup (gtk_label_get_text (self->heading));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
}

static void
syn_group_detail_dispose (GObject *object)
{
  SynGroupDetail *self = SYN_GROUP_DETAIL (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_pointer (&self->pool, g_ptr_array_unref);

  G_OBJECT_CLASS (syn_group_detail_parent_class)->dispose (object);
}

static void
syn_group_detail_class_init (SynGroupDetailClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = syn_group_detail_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "syngroupdetail");
  gtk_widget_class_set_accessible_role (GTK_WIDGET_CLASS (klass), GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
syn_group_detail_init (SynGroupDetail *self)
{
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *titles = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *close = gtk_button_new_from_icon_name ("window-close-symbolic");
  GtkWidget *scroller = gtk_scrolled_window_new ();

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  self->heading = GTK_LABEL (gtk_label_new (NULL));
  self->subheading = GTK_LABEL (gtk_label_new (NULL));
  self->rows = g_object_new (GTK_TYPE_BOX, "orientation", GTK_ORIENTATION_VERTICAL, "spacing", 8,
                             "accessible-role", GTK_ACCESSIBLE_ROLE_LIST, NULL);
  self->pool = g_ptr_array_new ();
  self->absent = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->absent, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->absent), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->absent), "syn-detail-absent");
  gtk_widget_set_visible (GTK_WIDGET (self->absent), FALSE);
  gtk_box_append (GTK_BOX (self->rows), GTK_WIDGET (self->absent));

  gtk_label_set_xalign (self->heading, 0);
  gtk_label_set_xalign (self->subheading, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->heading), "heading");
  gtk_widget_add_css_class (GTK_WIDGET (self->subheading), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (self->subheading), "dim-label");
  gtk_box_append (GTK_BOX (titles), GTK_WIDGET (self->heading));
  gtk_box_append (GTK_BOX (titles), GTK_WIDGET (self->subheading));
  gtk_widget_set_hexpand (titles, TRUE);

  gtk_widget_add_css_class (close, "flat");
  gtk_widget_add_css_class (close, "circular");
  gtk_widget_set_valign (close, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (close, _("Clear Selection"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (close), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Clear Selection"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (close), "view.clear-selection");

  gtk_box_append (GTK_BOX (header), titles);
  gtk_box_append (GTK_BOX (header), close);
  self->close_button = close;
  gtk_widget_add_css_class (header, "syn-detail-header");

  gtk_widget_add_css_class (self->rows, "syn-detail-rows");
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  /* asks for room for every version; the view gives what the window
   * allows (syn-comparison-view.c) and the rest scrolls */
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), self->rows);
  gtk_widget_set_vexpand (scroller, TRUE);

  gtk_box_append (GTK_BOX (self->box), header);
  gtk_box_append (GTK_BOX (self->box), scroller);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Every source’s version"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->rows), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Versions"), -1);
}

GtkWidget *
syn_group_detail_new (void)
{
  return g_object_new (SYN_TYPE_GROUP_DETAIL, NULL);
}

void
syn_group_detail_show (SynGroupDetail *self,
                       SynComparison  *comparison,
                       SynGroup       *group,
                       SynPassage     *passage)
{
  g_return_if_fail (SYN_IS_GROUP_DETAIL (self));
  g_return_if_fail (comparison == NULL || SYN_IS_COMPARISON (comparison));

  clear_rows (self);
  gtk_label_set_text (self->heading, _("No passage selected"));
  gtk_label_set_text (self->subheading, "");
  gtk_widget_set_visible (self->close_button, group != NULL || passage != NULL);
  if (comparison != NULL && group != NULL)
    show_group (self, comparison, group);
  else if (comparison != NULL && passage != NULL)
    show_unique (self, comparison, passage);
  describe (self);
}

const char *
syn_group_detail_get_heading (SynGroupDetail *self)
{
  g_return_val_if_fail (SYN_IS_GROUP_DETAIL (self), NULL);

  return gtk_label_get_text (self->heading);
}

guint
syn_group_detail_get_n_rows (SynGroupDetail *self)
{
  g_return_val_if_fail (SYN_IS_GROUP_DETAIL (self), 0);

  return self->n_rows;
}
