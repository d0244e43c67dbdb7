/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The main window: one comparison, its header bar and menus, and the ways
 * files reach it (the Open dialog, drag and drop, the command line, recent
 * comparisons).
 *
 * Reading and aligning happen in the model's worker thread; the window only
 * starts operations and shows their progress, so it never freezes, even
 * with hundreds of sources. Every operation takes the window's GCancellable,
 * which is cancelled when the window closes. What goes wrong is told in the
 * user's terms: each file that could not be read is named in a toast while
 * the readable ones open; when none could be read the window says so
 * instead of showing an empty comparison; a file that changes on disk gets
 * a banner offering to reload it, and the text read before stays on screen
 * whatever happens to the file.
 */
#define G_LOG_DOMAIN "syn-ui"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n.h>

#include "syn-comparison-view.h"
#include "syn-model.h"
#include "syn-window.h"

#define SAMPLES_PATH "/io/github/synopsis_app/Synopsis/samples/"
#define MAX_RECENT 10
/* Seconds a toast about a failure stays: long enough to read a file name. */
#define FAILURE_TOAST_TIMEOUT 10

struct _SynWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template children */
  AdwToastOverlay      *toast_overlay;
  GtkBox               *main_box;
  AdwHeaderBar         *header_bar;
  AdwWindowTitle       *window_title;
  GtkStack             *stack;
  AdwStatusPage        *empty_page;
  GtkSpinner           *spinner;
  GtkProgressBar       *loading_progress;
  GtkProgressBar       *progress_bar;
  SynComparisonView    *view;
  GtkRevealer          *drop_revealer;
  GtkLabel             *drop_label;
  GMenu                *recent_menu;
  GMenu                *recent_place;
  GMenu                *remove_section;

  /* "Changed on disk": an AdwBanner, or a GtkActionBar before libadwaita 1.3 */
  GtkWidget            *banner;
  GtkLabel             *banner_label;
  GtkButton            *banner_button;
  gboolean              banner_reloads;

  GSettings            *settings;
  SynComparison        *comparison;
  GCancellable         *cancellable;
  GHashTable           *noticed;          /* SynArticle whose encoding was noticed */
  GStrv                 failure_messages; /* for the "Details" of the last toast */
  guint                 n_pending;        /* operations started and not finished */
  guint                 n_opening;        /* files asked for by the last open */
  gboolean              shows_sample;     /* the untouched sample */
  gboolean              in_dispose;
};

G_DEFINE_FINAL_TYPE (SynWindow, syn_window, ADW_TYPE_APPLICATION_WINDOW)

/* Operations started from the window: what to do when they finish. */
typedef enum {
  OP_OPEN,
  OP_ADD,
  OP_RELOAD,
  OP_REMOVE,
} WindowOp;

typedef struct {
  SynWindow *self;
  WindowOp   kind;
  GPtrArray *files;   /* GFile asked for (open, add) */
} OpData;

static void update_state (SynWindow *self);

static void
op_data_free (OpData *data)
{
  g_clear_pointer (&data->files, g_ptr_array_unref);
  g_object_unref (data->self);
  g_free (data);
}

static OpData *
op_data_new (SynWindow  *self,
             WindowOp    kind,
             GFile     **files,
             guint       n_files)
{
  OpData *data = g_new0 (OpData, 1);

  data->self = g_object_ref (self);
  data->kind = kind;
  if (files != NULL)
    {
      data->files = g_ptr_array_new_full (n_files, g_object_unref);
      for (guint i = 0; i < n_files; i++)
        g_ptr_array_add (data->files, g_object_ref (files[i]));
    }
  return data;
}

static guint
n_articles (SynWindow *self)
{
  return g_list_model_get_n_items (syn_comparison_get_articles (self->comparison));
}

/* Names and titles */

static char *
file_display_name (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *parse_name = NULL;

  if (basename != NULL)
    return g_filename_display_name (basename);
  parse_name = g_file_get_parse_name (file);
  return g_steal_pointer (&parse_name);
}

static void
update_title (SynWindow *self)
{
  guint n = n_articles (self);
  g_autofree char *subtitle = NULL;
  g_autofree char *window_title = NULL;

  if (n == 0 && self->n_pending > 0)
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Reading %u file…", "Reading %u files…",
                                             self->n_opening), self->n_opening);
  else if (n == 0)
    subtitle = g_strdup ("");
  else if (self->shows_sample)
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Sample comparison, %u source",
                                             "Sample comparison, %u sources", n), n);
  else
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u source", "%u sources", n), n);

  adw_window_title_set_subtitle (self->window_title, subtitle);
  if (n > 0)
    window_title = g_strdup_printf (_("%s — Synopsis"), subtitle);
  gtk_window_set_title (GTK_WINDOW (self), n > 0 ? window_title : _("Synopsis"));
}

/* What the window shows: the comparison, the first load, or why nothing. */

static gboolean
is_busy (SynWindow *self)
{
  return self->n_pending > 0 || syn_comparison_get_busy (self->comparison);
}

static void
update_page (SynWindow *self)
{
  gboolean busy = is_busy (self);
  const char *page;

  if (n_articles (self) > 0)
    page = "comparison";
  else if (busy)
    page = "loading";
  else
    page = "empty";

  gtk_stack_set_visible_child_name (self->stack, page);
  gtk_spinner_set_spinning (self->spinner, busy && g_str_equal (page, "loading"));
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), busy && g_str_equal (page, "comparison"));
}

static void
set_empty_description (SynWindow          *self,
                       const char * const *messages)
{
  g_autoptr(GString) markup = g_string_new (NULL);

  if (messages == NULL || messages[0] == NULL)
    {
      adw_status_page_set_icon_name (self->empty_page, "document-open-symbolic");
      adw_status_page_set_title (self->empty_page, _("Nothing to Compare"));
      g_string_append (markup, _("Open two or more versions of a text to read them side by side, "
                                 "or drop their files here."));
    }
  else
    {
      adw_status_page_set_icon_name (self->empty_page, "dialog-warning-symbolic");
      adw_status_page_set_title (self->empty_page, _("No File Could Be Opened"));
      for (guint i = 0; messages[i] != NULL; i++)
        {
          g_autofree char *escaped = g_markup_escape_text (messages[i], -1);

          if (i > 0)
            g_string_append_c (markup, '\n');
          g_string_append (markup, escaped);
        }
    }
  adw_status_page_set_description (self->empty_page, markup->str);
}

/* Toasts */

/* Toast and banner titles are Pango markup: file names must be escaped. */
static AdwToast *
new_toast (const char *title,
           guint       timeout)
{
  g_autofree char *markup = g_markup_escape_text (title, -1);
  AdwToast *toast = adw_toast_new (markup);

  adw_toast_set_timeout (toast, timeout);
  return toast;
}

static void
add_toast (SynWindow  *self,
           const char *title,
           guint       timeout)
{
  AdwToast *toast = new_toast (title, timeout);

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* "“a.pdf”", "“a.pdf” and “b.bin”", "“a.pdf”, “b.bin” and “c.zip”", or for
 * more, the first three and a count. */
static char *
quoted_names (GPtrArray *names)
{
  g_autoptr(GString) list = g_string_new (NULL);
  guint shown = names->len <= 3 ? names->len : 3;

  for (guint i = 0; i < shown; i++)
    {
      g_autofree char *quoted = g_strdup_printf (_("“%s”"), (char *) g_ptr_array_index (names, i));

      if (i > 0)
        /* Translators: between file names in a list, and before the last one */
        g_string_append (list, i + 1 == shown && shown == names->len ? _(" and ") : _(", "));
      g_string_append (list, quoted);
    }
  if (shown < names->len)
    {
      guint more = names->len - shown;

      /* Translators: after a list of file names: how many more */
      g_string_append_printf (list, g_dngettext (GETTEXT_PACKAGE, " and %u other file",
                                                 " and %u other files", more), more);
    }
  return g_string_free (g_steal_pointer (&list), FALSE);
}

/* The files of @data that are not among the articles now: those that failed. */
static GPtrArray *
failed_names (SynWindow *self,
              OpData    *data)
{
  GListModel *articles = syn_comparison_get_articles (self->comparison);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; data->files != NULL && i < data->files->len; i++)
    {
      GFile *file = g_ptr_array_index (data->files, i);
      gboolean found = FALSE;

      for (guint j = 0; j < g_list_model_get_n_items (articles) && !found; j++)
        {
          g_autoptr(SynArticle) article = g_list_model_get_item (articles, j);
          GFile *article_file = syn_article_get_file (article);

          found = article_file != NULL && g_file_equal (article_file, file);
        }
      if (!found)
        g_ptr_array_add (names, file_display_name (file));
    }
  return names;
}

/* Each file that could not be read is named: alone, the toast carries the
 * reason; several are named together, with the reasons in "Details". */
static void
report_failures (SynWindow *self,
                 OpData    *data,
                 GPtrArray *failures)
{
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (failures == NULL || failures->len == 0)
    return;

  for (guint i = 0; i < failures->len; i++)
    g_strv_builder_add (builder, ((GError *) g_ptr_array_index (failures, i))->message);
  g_clear_pointer (&self->failure_messages, g_strfreev);
  self->failure_messages = g_strv_builder_end (builder);

  if (failures->len == 1)
    {
      add_toast (self, self->failure_messages[0], FAILURE_TOAST_TIMEOUT);
      return;
    }

  names = failed_names (self, data);
  if (names->len == failures->len)
    {
      g_autofree char *list = quoted_names (names);

      /* Translators: the argument names files: "“a.pdf” and 2 other files" */
      title = g_strdup_printf (_("%s could not be opened"), list);
    }
  else
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u file could not be opened",
                                          "%u files could not be opened", failures->len),
                             failures->len);

  toast = new_toast (title, FAILURE_TOAST_TIMEOUT);
  adw_toast_set_button_label (toast, _("_Details"));
  adw_toast_set_action_name (toast, "win.show-failures");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
show_failures_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  SynWindow *self = SYN_WINDOW (widget);
  g_autofree char *body = NULL;

  if (self->failure_messages == NULL)
    return;
  body = g_strjoinv ("\n", self->failure_messages);

#if ADW_CHECK_VERSION (1, 5, 0)
  {
    AdwDialog *dialog = adw_alert_dialog_new (_("Files Not Opened"), body);

    adw_alert_dialog_add_response (ADW_ALERT_DIALOG (dialog), "close", _("_Close"));
    adw_dialog_present (dialog, GTK_WIDGET (self));
  }
#else
  {
    GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Files Not Opened"), body);

    adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
    gtk_window_present (GTK_WINDOW (dialog));
  }
#endif
}

/* Windows-1252 is a guess: say so once per article. */
static void
notice_encodings (SynWindow *self)
{
  GListModel *articles = syn_comparison_get_articles (self->comparison);

  for (guint i = 0; i < g_list_model_get_n_items (articles); i++)
    {
      g_autoptr(SynArticle) article = g_list_model_get_item (articles, i);
      g_autofree char *message = NULL;

      if (!syn_article_get_fallback_encoding (article) ||
          g_hash_table_contains (self->noticed, article))
        continue;
      g_hash_table_add (self->noticed, g_object_ref (article));
      message = g_strdup_printf (_("“%s” is not UTF-8: it was read as Windows-1252"),
                                 syn_article_get_name (article));
      add_toast (self, message, FAILURE_TOAST_TIMEOUT);
    }
}

/* Menu labels take "_" as a mnemonic mark: file names keep theirs. */
static char *
escape_mnemonics (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, "_", -1);

  return g_strjoinv ("__", parts);
}

/* Recent comparisons: sets of files, newest first, in the settings; each
 * file also goes to the desktop's recent files. */

static char *
describe_recent (const char * const *uris)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  guint n = g_strv_length ((char **) uris);
  g_autofree char *shown = NULL;

  for (guint i = 0; i < n && i < 3; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (uris[i]);

      g_ptr_array_add (names, file_display_name (file));
    }
  g_ptr_array_add (names, NULL);
  shown = g_strjoinv (_(", "), (char **) names->pdata);
  if (n <= 3)
    return g_steal_pointer (&shown);
  /* Translators: file names, then how many more files */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s and %u more", "%s and %u more", n - 3),
                          shown, n - 3);
}

static void
rebuild_recent_menu (SynWindow *self)
{
  g_autoptr(GVariant) recent = g_settings_get_value (self->settings, "recent-comparisons");
  GVariantIter iter;
  GVariant *child;

  g_menu_remove_all (self->recent_menu);
  g_variant_iter_init (&iter, recent);
  while ((child = g_variant_iter_next_value (&iter)) != NULL)
    {
      g_autofree const char **uris = g_variant_get_strv (child, NULL);
      g_autofree char *label = describe_recent (uris);
      g_autofree char *escaped = escape_mnemonics (label);
      g_autoptr(GMenuItem) item = g_menu_item_new (escaped, NULL);

      g_menu_item_set_action_and_target_value (item, "win.open-recent", child);
      g_menu_append_item (self->recent_menu, item);
      g_variant_unref (child);
    }
  if (g_menu_model_get_n_items (G_MENU_MODEL (self->recent_menu)) == 0)
    g_menu_append (self->recent_menu, _("No Recent Comparisons"), "win.no-recent");
}

static void
recent_changed_cb (SynWindow *self)
{
  rebuild_recent_menu (self);
}

static void
remember_comparison (SynWindow *self)
{
  GListModel *articles = syn_comparison_get_articles (self->comparison);
  GtkRecentManager *manager = gtk_recent_manager_get_default ();
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) uris = NULL;
  g_autoptr(GVariant) old = NULL;
  GVariantBuilder recent;
  GVariantIter iter;
  GVariant *child;
  guint kept = 1;

  for (guint i = 0; i < g_list_model_get_n_items (articles); i++)
    {
      g_autoptr(SynArticle) article = g_list_model_get_item (articles, i);
      GFile *file = syn_article_get_file (article);
      g_autofree char *uri = NULL;

      if (file == NULL)
        continue;
      uri = g_file_get_uri (file);
      gtk_recent_manager_add_item (manager, uri);
      g_strv_builder_add (builder, uri);
    }
  uris = g_strv_builder_end (builder);
  if (uris[0] == NULL)
    return;

  old = g_settings_get_value (self->settings, "recent-comparisons");
  g_variant_builder_init (&recent, G_VARIANT_TYPE ("aas"));
  g_variant_builder_add (&recent, "^as", uris);
  g_variant_iter_init (&iter, old);
  while ((child = g_variant_iter_next_value (&iter)) != NULL)
    {
      g_autofree const char **old_uris = g_variant_get_strv (child, NULL);

      if (kept < MAX_RECENT && !g_strv_equal ((const char * const *) old_uris,
                                              (const char * const *) uris))
        {
          g_variant_builder_add_value (&recent, child);
          kept++;
        }
      g_variant_unref (child);
    }
  g_settings_set_value (self->settings, "recent-comparisons", g_variant_builder_end (&recent));
}

/* The Remove Source menu, one item per article. */

static void
rebuild_remove_menu (SynWindow *self)
{
  GListModel *articles = syn_comparison_get_articles (self->comparison);
  guint n = g_list_model_get_n_items (articles);

  g_menu_remove_all (self->remove_section);
  for (guint i = 0; n > 1 && i < n; i++)
    {
      g_autoptr(SynArticle) article = g_list_model_get_item (articles, i);
      g_autofree char *label = escape_mnemonics (syn_article_get_name (article));
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target_value (item, "win.remove-source", g_variant_new_uint32 (i));
      g_menu_append_item (self->remove_section, item);
    }
  if (n <= 1)
    g_menu_append (self->remove_section, _("Only One Source Left"), "win.no-remove");
}

/* The banner for files changed or deleted on disk */

static void
show_banner (SynWindow  *self,
             const char *title,
             const char *button_label)
{
#if ADW_CHECK_VERSION (1, 3, 0)
  g_autofree char *markup = g_markup_escape_text (title, -1);

  adw_banner_set_title (ADW_BANNER (self->banner), markup);
  adw_banner_set_button_label (ADW_BANNER (self->banner), button_label);
  adw_banner_set_revealed (ADW_BANNER (self->banner), TRUE);
#else
  gtk_label_set_text (self->banner_label, title);
  gtk_button_set_label (self->banner_button, button_label);
  gtk_action_bar_set_revealed (GTK_ACTION_BAR (self->banner), TRUE);
#endif
}

static void
hide_banner (SynWindow *self)
{
#if ADW_CHECK_VERSION (1, 3, 0)
  adw_banner_set_revealed (ADW_BANNER (self->banner), FALSE);
#else
  gtk_action_bar_set_revealed (GTK_ACTION_BAR (self->banner), FALSE);
#endif
}

static void
update_banner (SynWindow *self)
{
  GListModel *articles = syn_comparison_get_articles (self->comparison);
  g_autoptr(GPtrArray) changed = g_ptr_array_new ();
  g_autoptr(GPtrArray) missing = g_ptr_array_new ();
  g_autofree char *changed_clause = NULL;
  g_autofree char *missing_clause = NULL;
  g_autofree char *title = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (articles); i++)
    {
      g_autoptr(SynArticle) article = g_list_model_get_item (articles, i);

      if (syn_article_get_file_missing (article))
        g_ptr_array_add (missing, (gpointer) syn_article_get_name (article));
      else if (syn_article_get_file_changed (article))
        g_ptr_array_add (changed, (gpointer) syn_article_get_name (article));
    }

  self->banner_reloads = changed->len > 0;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reload", changed->len > 0);
  if (changed->len == 1)
    changed_clause = g_strdup_printf (_("“%s” changed on disk"), (char *) changed->pdata[0]);
  else if (changed->len > 1)
    changed_clause = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u file changed on disk",
                                                   "%u files changed on disk", changed->len),
                                      changed->len);
  if (missing->len == 1)
    missing_clause = g_strdup_printf (_("“%s” was deleted or moved: its text stays open here"),
                                      (char *) missing->pdata[0]);
  else if (missing->len > 1)
    missing_clause = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "%u file was deleted or moved: its text stays open here",
                                                   "%u files were deleted or moved: their texts stay open here",
                                                   missing->len), missing->len);
  if (changed_clause != NULL && missing_clause != NULL)
    /* Translators: two sentences about files on disk, joined */
    title = g_strdup_printf (_("%s; %s"), changed_clause, missing_clause);
  else
    title = g_strdup (changed_clause != NULL ? changed_clause : missing_clause);

  if (title == NULL)
    hide_banner (self);
  else
    show_banner (self, title, self->banner_reloads ? _("_Reload") : _("_Dismiss"));
}

static void start_reload (SynWindow *self);

static void
banner_button_cb (SynWindow *self)
{
  if (self->banner_reloads)
    start_reload (self);
  else
    hide_banner (self);
}

static void
create_banner (SynWindow *self)
{
#if ADW_CHECK_VERSION (1, 3, 0)
  self->banner = adw_banner_new ("");
  g_signal_connect_swapped (self->banner, "button-clicked", G_CALLBACK (banner_button_cb), self);
#else
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *button = gtk_button_new_with_mnemonic ("");

  self->banner = gtk_action_bar_new ();
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_action_bar_set_center_widget (GTK_ACTION_BAR (self->banner), label);
  gtk_action_bar_pack_end (GTK_ACTION_BAR (self->banner), button);
  gtk_action_bar_set_revealed (GTK_ACTION_BAR (self->banner), FALSE);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (banner_button_cb), self);
  self->banner_label = GTK_LABEL (label);
  self->banner_button = GTK_BUTTON (button);
#endif
  gtk_box_insert_child_after (self->main_box, self->banner, GTK_WIDGET (self->header_bar));
}

/* The state of everything that follows the comparison */

static void
update_state (SynWindow *self)
{
  guint n = n_articles (self);
  GtkWidget *widget = GTK_WIDGET (self);

  update_page (self);
  update_title (self);
  gtk_widget_action_set_enabled (widget, "win.add-source", n > 0);
  gtk_widget_action_set_enabled (widget, "win.remove-source", n > 1);
  gtk_widget_action_set_enabled (widget, "win.export", syn_comparison_get_alignment (self->comparison) != NULL);
  gtk_widget_action_set_enabled (widget, "win.cancel-loading", is_busy (self));
}

static void
aligned_cb (SynWindow *self)
{
  rebuild_remove_menu (self);
  update_banner (self);
  update_state (self);
}

static void
busy_changed_cb (SynWindow *self)
{
  update_state (self);
}

static void
article_changed_cb (SynWindow *self)
{
  update_banner (self);
}

/* Operations */

static void
begin_op (SynWindow *self)
{
  self->n_pending++;
  update_state (self);
}

static gboolean
end_op (OpData  *data,
        GError  *error)
{
  SynWindow *self = data->self;

  g_assert (self->n_pending > 0);
  self->n_pending--;
  if (self->in_dispose || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      if (!self->in_dispose)
        update_state (self);
      return FALSE;
    }
  update_state (self);
  return TRUE;
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  OpData *data = user_data;
  SynWindow *self = data->self;
  g_autoptr(GPtrArray) failures = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (data->kind == OP_OPEN)
    ok = syn_comparison_load_finish (SYN_COMPARISON (object), result, &failures, &error);
  else if (data->kind == OP_ADD)
    ok = syn_comparison_add_files_finish (SYN_COMPARISON (object), result, &failures, &error);
  else
    ok = syn_comparison_reload_finish (SYN_COMPARISON (object), result, &failures, &error);

  if (end_op (data, error))
    {
      if (ok && data->kind != OP_RELOAD)
        {
          if (data->kind == OP_OPEN)
            self->shows_sample = FALSE;
          remember_comparison (self);
        }
      if (failures != NULL && failures->len > 0)
        report_failures (self, data, failures);
      else if (!ok)
        add_toast (self, error->message, FAILURE_TOAST_TIMEOUT);
      if (n_articles (self) == 0)
        set_empty_description (self, (const char * const *) self->failure_messages);
      notice_encodings (self);
      update_banner (self);
      update_state (self);
    }
  op_data_free (data);
}

void
syn_window_open_files (SynWindow  *self,
                       GFile     **files,
                       guint       n_files)
{
  g_return_if_fail (SYN_IS_WINDOW (self));
  g_return_if_fail (files != NULL || n_files == 0);

  g_clear_pointer (&self->failure_messages, g_strfreev);
  set_empty_description (self, NULL);
  self->n_opening = n_files;
  begin_op (self);
  syn_comparison_load_async (self->comparison, files, n_files, self->cancellable,
                             loaded_cb, op_data_new (self, OP_OPEN, files, n_files));
}

void
syn_window_add_files (SynWindow  *self,
                      GFile     **files,
                      guint       n_files)
{
  g_return_if_fail (SYN_IS_WINDOW (self));
  g_return_if_fail (files != NULL || n_files == 0);

  self->shows_sample = FALSE;
  begin_op (self);
  syn_comparison_add_files_async (self->comparison, files, n_files, self->cancellable,
                                  loaded_cb, op_data_new (self, OP_ADD, files, n_files));
}

static void
start_reload (SynWindow *self)
{
  hide_banner (self);
  begin_op (self);
  syn_comparison_reload_async (self->comparison, NULL, self->cancellable,
                               loaded_cb, op_data_new (self, OP_RELOAD, NULL, 0));
}

static void
removed_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  OpData *data = user_data;
  g_autoptr(GError) error = NULL;

  gboolean ok = syn_comparison_remove_article_finish (SYN_COMPARISON (object), result, &error);

  if (end_op (data, error))
    {
      if (ok)
        remember_comparison (data->self);
      else
        add_toast (data->self, error->message, FAILURE_TOAST_TIMEOUT);
    }
  op_data_free (data);
}

/* The sample: every text under the samples resource, in name order. */

static int
compare_names (const void *a,
               const void *b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

void
syn_window_show_sample (SynWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = NULL;
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr(GPtrArray) data = g_ptr_array_new ();
  guint n;

  g_return_if_fail (SYN_IS_WINDOW (self));

  names = g_resources_enumerate_children (SAMPLES_PATH, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (names == NULL)
    {
      g_critical ("The sample is missing from the resources: %s", error->message);
      return;
    }
  n = g_strv_length (names);
  qsort (names, n, sizeof (char *), compare_names);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *path = g_strconcat (SAMPLES_PATH, names[i], NULL);
      GBytes *bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

      /* Resource data is NUL-terminated. */
      g_ptr_array_add (texts, bytes);
      g_ptr_array_add (data, (gpointer) g_bytes_get_data (bytes, NULL));
    }

  g_clear_pointer (&self->failure_messages, g_strfreev);
  if (!syn_comparison_load_texts (self->comparison, (const char * const *) names,
                                  (const char * const *) data->pdata, n, &error))
    {
      g_critical ("The sample could not be loaded: %s", error->message);
      return;
    }
  self->shows_sample = TRUE;
  update_state (self);
}

gboolean
syn_window_is_disposable (SynWindow *self)
{
  g_return_val_if_fail (SYN_IS_WINDOW (self), FALSE);

  return self->n_pending == 0 && (self->shows_sample || n_articles (self) == 0);
}

SynComparison *
syn_window_get_comparison (SynWindow *self)
{
  g_return_val_if_fail (SYN_IS_WINDOW (self), NULL);

  return self->comparison;
}

GtkWidget *
syn_window_get_view (SynWindow *self)
{
  g_return_val_if_fail (SYN_IS_WINDOW (self), NULL);

  return GTK_WIDGET (self->view);
}

/* Opening from the window: here when it shows nothing of the user's, else
 * in a new window, as a document application does. */
static void
open_comparison (SynWindow  *self,
                 GFile     **files,
                 guint       n_files)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (syn_window_is_disposable (self) || !SYN_IS_APPLICATION (app))
    syn_window_open_files (self, files, n_files);
  else
    {
      SynWindow *window = syn_window_new (SYN_APPLICATION (app));

      syn_window_open_files (window, files, n_files);
      gtk_window_present (GTK_WINDOW (window));
    }
}

/* The Open dialog: several files at once; portal-friendly. */

typedef void (*FilesChosenFunc) (SynWindow *self, GFile **files, guint n_files);

static void
files_chosen (SynWindow       *self,
              GListModel      *model,
              FilesChosenFunc  func)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; model != NULL && i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (files, g_list_model_get_item (model, i));
  if (files->len > 0 && !self->in_dispose)
    func (self, (GFile **) files->pdata, files->len);
}

static GListStore *
make_filters (void)
{
  GListStore *filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr(GtkFileFilter) text = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (text, _("Text Files"));
  gtk_file_filter_add_mime_type (text, "text/plain");
  gtk_file_filter_add_suffix (text, "txt");
  gtk_file_filter_add_suffix (text, "md");
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  g_list_store_append (filters, text);
  g_list_store_append (filters, all);
  return filters;
}

#if GTK_CHECK_VERSION (4, 10, 0)

static void
open_dialog_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(SynWindow) self = user_data;
  FilesChosenFunc func = g_object_steal_data (G_OBJECT (object), "syn-func");
  g_autoptr(GListModel) files = gtk_file_dialog_open_multiple_finish (GTK_FILE_DIALOG (object), result, NULL);

  files_chosen (self, files, func);
}

static void
choose_files (SynWindow       *self,
              const char      *title,
              const char      *accept_label,
              FilesChosenFunc  func)
{
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GListStore) filters = make_filters ();

  gtk_file_dialog_set_title (dialog, title);
  gtk_file_dialog_set_accept_label (dialog, accept_label);
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  g_object_set_data (G_OBJECT (dialog), "syn-func", func);
  gtk_file_dialog_open_multiple (dialog, GTK_WINDOW (self), self->cancellable,
                                 open_dialog_cb, g_object_ref (self));
}

#else

static void
open_native_response_cb (GtkNativeDialog *native,
                         int              response,
                         SynWindow       *self)
{
  FilesChosenFunc func = g_object_get_data (G_OBJECT (native), "syn-func");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (native));

      files_chosen (self, files, func);
    }
  gtk_native_dialog_destroy (native);
  g_object_unref (native);
  g_object_unref (self);
}

static void
choose_files (SynWindow       *self,
              const char      *title,
              const char      *accept_label,
              FilesChosenFunc  func)
{
  GtkFileChooserNative *native;
  g_autoptr(GListStore) filters = make_filters ();

  native = gtk_file_chooser_native_new (title, GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                        accept_label, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (native), TRUE);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (filters)); i++)
    {
      g_autoptr(GtkFileFilter) filter = g_list_model_get_item (G_LIST_MODEL (filters), i);

      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
    }
  g_object_set_data (G_OBJECT (native), "syn-func", func);
  g_signal_connect (native, "response", G_CALLBACK (open_native_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

#endif

static void
open_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  choose_files (SYN_WINDOW (widget), _("Open Files to Compare"), _("_Open"), open_comparison);
}

static void
add_source_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  choose_files (SYN_WINDOW (widget), _("Add Sources"), _("_Add"), syn_window_add_files);
}

static void
remove_source_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  SynWindow *self = SYN_WINDOW (widget);
  guint position = g_variant_get_uint32 (param);
  g_autoptr(SynArticle) article = g_list_model_get_item (syn_comparison_get_articles (self->comparison),
                                                         position);

  if (article == NULL)
    return;
  self->shows_sample = FALSE;
  begin_op (self);
  syn_comparison_remove_article_async (self->comparison, article, self->cancellable,
                                       removed_cb, op_data_new (self, OP_REMOVE, NULL, 0));
}

static void
open_recent_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  g_autofree const char **uris = g_variant_get_strv (param, NULL);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; uris[i] != NULL; i++)
    g_ptr_array_add (files, g_file_new_for_uri (uris[i]));
  if (files->len > 0)
    open_comparison (SYN_WINDOW (widget), (GFile **) files->pdata, files->len);
}

static void
show_sample_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  SynWindow *self = SYN_WINDOW (widget);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  SynWindow *window = self;

  if (!syn_window_is_disposable (self) && SYN_IS_APPLICATION (app))
    window = syn_window_new (SYN_APPLICATION (app));
  syn_window_show_sample (window);
  gtk_window_present (GTK_WINDOW (window));
}

static void
reload_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  start_reload (SYN_WINDOW (widget));
}

static void
cancel_loading_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  SynWindow *self = SYN_WINDOW (widget);

  /* Cancelled operations leave the comparison as it was; later ones get a
   * fresh cancellable. */
  g_cancellable_cancel (self->cancellable);
  g_object_unref (self->cancellable);
  self->cancellable = g_cancellable_new ();
}

/* Export: JSON or a text report, chosen by the file's extension, written
 * atomically and never over one of the compared files. */

static gboolean
same_file (GFile *a,
           GFile *b)
{
  g_autoptr(GFileInfo) info_a = NULL;
  g_autoptr(GFileInfo) info_b = NULL;
  const char *id_a, *id_b;

  if (g_file_equal (a, b))
    return TRUE;
  /* Another name for the same file: a link, a bind mount. */
  info_a = g_file_query_info (a, G_FILE_ATTRIBUTE_ID_FILE, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  info_b = g_file_query_info (b, G_FILE_ATTRIBUTE_ID_FILE, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info_a == NULL || info_b == NULL)
    return FALSE;
  id_a = g_file_info_get_attribute_string (info_a, G_FILE_ATTRIBUTE_ID_FILE);
  id_b = g_file_info_get_attribute_string (info_b, G_FILE_ATTRIBUTE_ID_FILE);
  return id_a != NULL && g_strcmp0 (id_a, id_b) == 0;
}

static SynArticle *
find_source_file (SynWindow *self,
                  GFile     *file)
{
  GListModel *articles = syn_comparison_get_articles (self->comparison);

  for (guint i = 0; i < g_list_model_get_n_items (articles); i++)
    {
      g_autoptr(SynArticle) article = g_list_model_get_item (articles, i);
      GFile *source = syn_article_get_file (article);

      if (source != NULL && same_file (source, file))
        return article;
    }
  return NULL;
}

static void
exported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(SynWindow) self = user_data;
  GFile *target = G_FILE (object);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = file_display_name (target);
  g_autofree char *message = NULL;

  if (!g_file_replace_contents_finish (target, result, NULL, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->in_dispose)
        return;
      message = g_strdup_printf (_("Could not export to “%s”: %s"), name, error->message);
      add_toast (self, message, FAILURE_TOAST_TIMEOUT);
      return;
    }
  if (self->in_dispose)
    return;
  message = g_strdup_printf (_("Exported to “%s”"), name);
  add_toast (self, message, 5);
}

void
syn_window_export_to (SynWindow *self,
                      GFile     *target)
{
  g_autofree char *basename = NULL;
  g_autoptr(GString) out = NULL;
  g_autoptr(GBytes) bytes = NULL;
  SynExportFormat format = SYN_EXPORT_JSON;
  SynArticle *clash;

  g_return_if_fail (SYN_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (target));

  if ((clash = find_source_file (self, target)) != NULL)
    {
      g_autofree char *message =
        g_strdup_printf (_("“%s” is one of the compared files, and Synopsis never writes to them: "
                           "choose another name"), syn_article_get_name (clash));

      add_toast (self, message, FAILURE_TOAST_TIMEOUT);
      return;
    }

  basename = g_file_get_basename (target);
  if (basename != NULL && (g_str_has_suffix (basename, ".txt") || g_str_has_suffix (basename, ".text")))
    format = SYN_EXPORT_TEXT;
  out = syn_comparison_export (self->comparison, format);
  if (out == NULL)
    return;
  bytes = g_string_free_to_bytes (g_steal_pointer (&out));
  /* Written to a temporary file and renamed over the target: atomic. */
  g_file_replace_contents_bytes_async (target, bytes, NULL, FALSE, G_FILE_CREATE_NONE,
                                       self->cancellable, exported_cb, g_object_ref (self));
}

#if GTK_CHECK_VERSION (4, 10, 0)

static void
save_dialog_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(SynWindow) self = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (object), result, NULL);

  if (file != NULL && !self->in_dispose)
    syn_window_export_to (self, file);
}

#else

static void
save_native_response_cb (GtkNativeDialog *native,
                         int              response,
                         SynWindow       *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      if (file != NULL)
        syn_window_export_to (self, file);
    }
  gtk_native_dialog_destroy (native);
  g_object_unref (native);
  g_object_unref (self);
}

#endif

static void
export_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  SynWindow *self = SYN_WINDOW (widget);
  const char *title = _("Export the Comparison as JSON (.json) or a Text Report (.txt)");
  const char *name = _("comparison.json");

#if GTK_CHECK_VERSION (4, 10, 0)
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();

  gtk_file_dialog_set_title (dialog, title);
  gtk_file_dialog_set_accept_label (dialog, _("_Export"));
  gtk_file_dialog_set_initial_name (dialog, name);
  gtk_file_dialog_save (dialog, GTK_WINDOW (self), self->cancellable, save_dialog_cb, g_object_ref (self));
#else
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (title, GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  g_signal_connect (native, "response", G_CALLBACK (save_native_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
#endif
}

/* Drag and drop: files dropped on a comparison are added to it; on the
 * sample or an empty window they make a new comparison. The drop overlay
 * says which before the user lets go. */

static GdkDragAction
drop_enter_cb (GtkDropTarget *target,
               double         x,
               double         y,
               SynWindow     *self)
{
  gtk_label_set_text (self->drop_label, syn_window_is_disposable (self)
                      ? _("Drop the files to compare them")
                      : _("Drop the files to add them to this comparison"));
  gtk_revealer_set_reveal_child (self->drop_revealer, TRUE);
  return GDK_ACTION_COPY;
}

static void
drop_leave_cb (GtkDropTarget *target,
               SynWindow     *self)
{
  gtk_revealer_set_reveal_child (self->drop_revealer, FALSE);
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         SynWindow     *self)
{
  GSList *list = g_value_get_boxed (value);
  g_autoptr(GPtrArray) files = g_ptr_array_new ();

  gtk_revealer_set_reveal_child (self->drop_revealer, FALSE);
  for (GSList *l = list; l != NULL; l = l->next)
    g_ptr_array_add (files, l->data);
  if (files->len == 0)
    return FALSE;

  if (syn_window_is_disposable (self))
    syn_window_open_files (self, (GFile **) files->pdata, files->len);
  else
    syn_window_add_files (self, (GFile **) files->pdata, files->len);
  return TRUE;
}

static void
setup_drop_target (SynWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect (target, "enter", G_CALLBACK (drop_enter_cb), self);
  g_signal_connect (target, "leave", G_CALLBACK (drop_leave_cb), self);
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

/* Filters are the view's, per window; the last choice is remembered for
 * the next window. */
static void
add_filter (SynWindow  *self,
            const char *name,
            const char *key)
{
  g_autoptr(GPropertyAction) action = g_property_action_new (name, self->view, name);

  if (key != NULL)
    g_settings_bind (self->settings, key, self->view, name,
                     G_SETTINGS_BIND_DEFAULT | G_SETTINGS_BIND_GET_NO_CHANGES);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (action));
}

static void
setup_settings (SynWindow *self)
{
  /* The size the user gave the window, read once: other windows resizing
   * later must not resize this one. */
  g_settings_bind (self->settings, "window-width", self, "default-width",
                   G_SETTINGS_BIND_DEFAULT | G_SETTINGS_BIND_GET_NO_CHANGES);
  g_settings_bind (self->settings, "window-height", self, "default-height",
                   G_SETTINGS_BIND_DEFAULT | G_SETTINGS_BIND_GET_NO_CHANGES);
  g_settings_bind (self->settings, "window-maximized", self, "maximized",
                   G_SETTINGS_BIND_DEFAULT | G_SETTINGS_BIND_GET_NO_CHANGES);
  g_settings_bind (self->settings, "segment-unit", self->comparison, "segment-unit",
                   G_SETTINGS_BIND_GET);

  add_filter (self, "show-boilerplate", "show-boilerplate");
  add_filter (self, "divergent-only", "divergent-only");
  add_filter (self, "unique-only", NULL);

  g_signal_connect_object (self->settings, "changed::recent-comparisons",
                           G_CALLBACK (recent_changed_cb), self, G_CONNECT_SWAPPED);
  rebuild_recent_menu (self);
}

/* GObject */

static void
syn_window_dispose (GObject *object)
{
  SynWindow *self = SYN_WINDOW (object);

  self->in_dispose = TRUE;
  g_cancellable_cancel (self->cancellable);
  if (self->comparison != NULL)
    g_signal_handlers_disconnect_by_data (self->comparison, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), SYN_TYPE_WINDOW);

  g_clear_object (&self->settings);
  g_clear_object (&self->comparison);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->noticed, g_hash_table_unref);

  G_OBJECT_CLASS (syn_window_parent_class)->dispose (object);
}

static void
syn_window_finalize (GObject *object)
{
  SynWindow *self = SYN_WINDOW (object);

  g_clear_pointer (&self->failure_messages, g_strfreev);
  G_OBJECT_CLASS (syn_window_parent_class)->finalize (object);
}

static void
syn_window_class_init (SynWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = syn_window_dispose;
  object_class->finalize = syn_window_finalize;

  g_type_ensure (SYN_TYPE_COMPARISON_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/synopsis_app/Synopsis/syn-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SynWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SynWindow, main_box);
  gtk_widget_class_bind_template_child (widget_class, SynWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, SynWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, SynWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, SynWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, SynWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, SynWindow, loading_progress);
  gtk_widget_class_bind_template_child (widget_class, SynWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, SynWindow, view);
  gtk_widget_class_bind_template_child (widget_class, SynWindow, drop_revealer);
  gtk_widget_class_bind_template_child (widget_class, SynWindow, drop_label);
  gtk_widget_class_bind_template_child (widget_class, SynWindow, recent_menu);
  gtk_widget_class_bind_template_child (widget_class, SynWindow, recent_place);
  gtk_widget_class_bind_template_child (widget_class, SynWindow, remove_section);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_activated);
  gtk_widget_class_install_action (widget_class, "win.add-source", NULL, add_source_activated);
  gtk_widget_class_install_action (widget_class, "win.remove-source", "u", remove_source_activated);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "as", open_recent_activated);
  gtk_widget_class_install_action (widget_class, "win.show-sample", NULL, show_sample_activated);
  gtk_widget_class_install_action (widget_class, "win.reload", NULL, reload_activated);
  gtk_widget_class_install_action (widget_class, "win.cancel-loading", NULL, cancel_loading_activated);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_activated);
  gtk_widget_class_install_action (widget_class, "win.show-failures", NULL, show_failures_activated);
}

static void
syn_window_init (SynWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->noticed = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  self->comparison = syn_comparison_new ();
  self->settings = g_settings_new (APP_ID);

  syn_comparison_view_set_comparison (self->view, self->comparison);

  g_menu_append_submenu (self->recent_place, _("_Recent Comparisons"), G_MENU_MODEL (self->recent_menu));
  create_banner (self);
  setup_drop_target (self);
  setup_settings (self);

  g_signal_connect_object (self->comparison, "aligned", G_CALLBACK (aligned_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->comparison, "article-changed", G_CALLBACK (article_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->comparison, "notify::busy", G_CALLBACK (busy_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_object_bind_property (self->comparison, "progress", self->progress_bar, "fraction", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->comparison, "progress", self->loading_progress, "fraction",
                          G_BINDING_SYNC_CREATE);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reload", FALSE);
  set_empty_description (self, NULL);
  update_state (self);
}

SynWindow *
syn_window_new (SynApplication *application)
{
  return g_object_new (SYN_TYPE_WINDOW, "application", application, NULL);
}
