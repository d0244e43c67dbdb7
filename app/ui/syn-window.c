/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The main window: one comparison, its header bar and menus, and what the
 * window shows of the comparison. How files reach the window (the Open
 * dialog, recent comparisons, drag and drop) and leave it (export) is in
 * syn-window-files.c; web pages and pasted text, in syn-window-web.c.
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

#include "syn-a11y.h"
#include "syn-compat.h"
#include "syn-model.h"
#include "syn-settings.h"
#include "syn-window-private.h"

#define SAMPLES_PATH "/io/github/synopsis_app/Synopsis/samples/"

/* The size of the first window ever, where the screen has room for it. */
#define FIRST_WIDTH  1400
#define FIRST_HEIGHT 900

G_DEFINE_FINAL_TYPE (SynWindow, syn_window, ADW_TYPE_APPLICATION_WINDOW)

/* Operations started from the window: what to do when they finish. */
typedef enum {
  OP_OPEN,
  OP_ADD,
  OP_RELOAD,
  OP_REMOVE,
  OP_PASTE,
} WindowOp;

typedef struct {
  SynWindow *self;
  WindowOp   kind;
  GPtrArray *files;   /* GFile asked for (open, add) */
  gboolean   fetches; /* some of them are web addresses */
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

char *
_syn_window_file_display_name (GFile *file)
{
  g_autofree char *basename = NULL;
  g_autofree char *parse_name = NULL;
  g_autofree char *uri = g_file_get_uri (file);

  /* A web page is known by its address: its last part says little. */
  if (syn_fetch_is_web_uri (uri))
    return g_steal_pointer (&uri);
  basename = g_file_get_basename (file);
  if (basename != NULL)
    return g_filename_display_name (basename);
  parse_name = g_file_get_parse_name (file);
  return g_steal_pointer (&parse_name);
}

/* The folder of a saved comparison as GNOME apps show it in a subtitle:
 * the home folder as "~". */
static char *
dup_folder_name (GFile *file)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *path = parent ? g_file_get_path (parent) : NULL;
  const char *home = g_get_home_dir ();
  gsize home_len = strlen (home);

  if (parent == NULL)
    return g_strdup ("");
  if (path == NULL)
    return g_file_get_parse_name (parent);
  if (g_str_has_prefix (path, home) && (path[home_len] == '\0' || path[home_len] == G_DIR_SEPARATOR))
    {
      g_autofree char *rest = g_filename_display_name (path + home_len);

      return g_strconcat ("~", rest, NULL);
    }
  return g_filename_display_name (path);
}

/* What the sources are, for a comparison that is no saved file's. */
static char *
dup_sources_summary (SynWindow *self,
                     guint      n)
{
  if (n == 0 && self->n_pending > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Reading %u source…", "Reading %u sources…",
                                         self->n_opening), self->n_opening);
  if (n == 0)
    return g_strdup ("");
  if (self->shows_sample)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Sample comparison, %u source",
                                         "Sample comparison, %u sources", n), n);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u source", "%u sources", n), n);
}

/* As GNOME apps name a document: a saved comparison by its file, the
 * folder below; unsaved corrections by a "•" before the title (and
 * "Unsaved" below when there is no file yet). Otherwise the window is
 * the application's, with what it compares below. */
void
_syn_window_update_title (SynWindow *self)
{
  GFile *file = syn_comparison_get_file (self->comparison);
  gboolean modified = syn_comparison_get_modified (self->comparison);
  guint n = n_articles (self);
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *window_title = NULL;

  if (file != NULL && n > 0)
    {
      name = _syn_window_file_display_name (file);
      subtitle = dup_folder_name (file);
    }
  else
    {
      g_autofree char *sources = dup_sources_summary (self, n);

      name = g_strdup (_("Synopsis"));
      /* Translators: the subtitle of a window whose corrections were never
       * saved; %s says what it compares ("3 sources") */
      subtitle = modified && n > 0 ? g_strdup_printf (_("Unsaved, %s"), sources) : g_steal_pointer (&sources);
    }
  /* Translators: the title of a window with unsaved corrections */
  title = modified && n > 0 ? g_strdup_printf (_("• %s"), name) : g_strdup (name);

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  if (file != NULL && n > 0)
    window_title = g_strdup_printf (_("%s — Synopsis"), title);
  else if (n > 0)
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

  /* The comparison replaces the loading page at once: a fade would only
   * keep the reader from what they opened. */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "loading") == 0)
    gtk_stack_set_visible_child_full (self->stack, page, GTK_STACK_TRANSITION_TYPE_NONE);
  else
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
                                 "drop their files or links here, or paste them."));
    }
  else
    {
      adw_status_page_set_icon_name (self->empty_page, "dialog-warning-symbolic");
      adw_status_page_set_title (self->empty_page, _("Nothing Could Be Opened"));
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

void
_syn_window_add_toast (SynWindow  *self,
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
        g_ptr_array_add (names, _syn_window_file_display_name (file));
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
      _syn_window_add_toast (self, self->failure_messages[0], SYN_WINDOW_FAILURE_TOAST_TIMEOUT);
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

  toast = new_toast (title, SYN_WINDOW_FAILURE_TOAST_TIMEOUT);
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
  GtkWidget *dialog;

  if (self->failure_messages == NULL)
    return;
  body = g_strjoinv ("\n", self->failure_messages);

  dialog = syn_compat_alert_new (GTK_WINDOW (self), _("Files Not Opened"), body);
  syn_compat_alert_add_response (dialog, "close", _("_Close"));
  syn_compat_dialog_present (dialog, GTK_WINDOW (self));
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
      g_autofree char *label = _syn_window_escape_mnemonics (syn_article_get_name (article));
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target_value (item, "win.remove-source", g_variant_new_uint32 (i));
      g_menu_append_item (self->remove_section, item);
    }
  if (n <= 1)
    g_menu_append (self->remove_section, _("Only One Source Left"), "win.no-remove");
}

/* The banner for files changed or deleted on disk */

/* Up to three names in a list ("“a”, “b” and “c”"); NULL for more, which
 * are counted instead. */
static char *
join_names (GPtrArray *names)
{
  g_autofree char *list = NULL;

  if (names->len == 0 || names->len > 3)
    return NULL;
  list = g_strdup_printf (_("“%s”"), (char *) names->pdata[0]);
  for (guint i = 1; i < names->len; i++)
    {
      g_autofree char *quoted = g_strdup_printf (_("“%s”"), (char *) names->pdata[i]);
      char *longer = i + 1 < names->len
        /* Translators: a list of file names, not the last two */
        ? g_strdup_printf (_("%s, %s"), list, quoted)
        /* Translators: the last two file names of a list */
        : g_strdup_printf (_("%s and %s"), list, quoted);

      g_free (list);
      list = longer;
    }
  return g_steal_pointer (&list);
}

/* What the banner says of @changed (names), or NULL when none changed. A
 * saved comparison shows the texts it saved until the user reloads. */
static char *
dup_changed_clause (GPtrArray *changed,
                    gboolean   saved)
{
  g_autofree char *names = join_names (changed);
  guint n = changed->len;

  if (n == 0)
    return NULL;
  if (saved && names != NULL)
    /* Translators: %s names one to three files */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%s changed since the comparison was saved: the saved text is shown",
                                         "%s changed since the comparison was saved: the saved texts are shown",
                                         n), names);
  if (saved)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u file changed since the comparison was saved: "
                                         "the saved text is shown",
                                         "%u files changed since the comparison was saved: "
                                         "the saved texts are shown", n), n);
  if (names != NULL)
    /* Translators: %s names one to three files */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s changed on disk", "%s changed on disk", n),
                            names);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u file changed on disk",
                                       "%u files changed on disk", n), n);
}

static void
update_banner (SynWindow *self)
{
  GListModel *articles = syn_comparison_get_articles (self->comparison);
  gboolean saved = syn_comparison_get_file (self->comparison) != NULL;
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
  changed_clause = dup_changed_clause (changed, saved);
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

  /* What the user answered stays answered (a re-alignment calls here
   * too) until the banner would say something else: another file changed
   * or went, or a reload settled it. */
  if (title == NULL || g_strcmp0 (title, self->banner_dismissed) != 0)
    g_clear_pointer (&self->banner_dismissed, g_free);
  g_free (self->banner_title);
  self->banner_title = g_strdup (title);
  if (title == NULL || self->banner_dismissed != NULL)
    syn_compat_banner_hide (self->banner);
  else if (self->banner_reloads)
    /* a saved comparison's text can be kept: nothing to reload then */
    syn_compat_banner_show (self->banner, title, _("_Reload"), saved ? _("_Keep Saved Text") : NULL);
  else
    syn_compat_banner_show (self->banner, title, _("_Dismiss"), NULL);
  /* relabelled: named again for a screen reader */
  if (title != NULL && self->banner_dismissed == NULL)
    syn_a11y_name_controls (self->banner);
}

static void start_reload (SynWindow *self);

/* Dismiss, or Keep Saved Text: the banner goes, the texts shown stay. */
static void
dismiss_banner (SynWindow *self)
{
  g_free (self->banner_dismissed);
  self->banner_dismissed = g_strdup (self->banner_title);
  syn_compat_banner_hide (self->banner);
}

static void
banner_button_cb (SynWindow *self)
{
  if (self->banner_reloads)
    start_reload (self);
  else
    dismiss_banner (self);
}

static void
create_banner (SynWindow *self)
{
  self->banner = syn_compat_banner_new (G_CALLBACK (banner_button_cb), G_CALLBACK (dismiss_banner), self);
  gtk_box_insert_child_after (self->main_box, self->banner, GTK_WIDGET (self->header_bar));
}

/* The state of everything that follows the comparison */

static void
update_state (SynWindow *self)
{
  guint n = n_articles (self);
  GtkWidget *widget = GTK_WIDGET (self);

  update_page (self);
  _syn_window_update_title (self);
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

static void
fetch_toast_dismissed_cb (SynWindow *self)
{
  self->fetch_toast = NULL;
}

/* Fetching a page may take many seconds: while the comparison stays on
 * screen (the loading page has a Cancel button of its own), a toast says
 * so and offers to cancel. */
static void
begin_fetch (SynWindow *self,
             OpData    *data)
{
  g_autofree char *title = NULL;
  guint n_web = 0;

  for (guint i = 0; data->files != NULL && i < data->files->len; i++)
    {
      g_autofree char *uri = g_file_get_uri (g_ptr_array_index (data->files, i));

      n_web += syn_fetch_is_web_uri (uri);
    }
  if (n_web == 0)
    return;
  data->fetches = TRUE;
  self->n_fetching++;
  if (self->fetch_toast != NULL || n_articles (self) == 0)
    return;
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Fetching %u page…", "Fetching %u pages…", n_web),
                           n_web);
  self->fetch_toast = adw_toast_new (title);
  adw_toast_set_timeout (self->fetch_toast, 0);
  adw_toast_set_button_label (self->fetch_toast, _("_Cancel"));
  adw_toast_set_action_name (self->fetch_toast, "win.cancel-loading");
  g_signal_connect_object (self->fetch_toast, "dismissed", G_CALLBACK (fetch_toast_dismissed_cb), self,
                           G_CONNECT_SWAPPED);
  adw_toast_overlay_add_toast (self->toast_overlay, self->fetch_toast);
}

static void
end_fetch (SynWindow *self,
           OpData    *data)
{
  if (!data->fetches)
    return;
  g_assert (self->n_fetching > 0);
  if (--self->n_fetching == 0 && self->fetch_toast != NULL)
    adw_toast_dismiss (self->fetch_toast);
}

static gboolean
end_op (OpData  *data,
        GError  *error)
{
  SynWindow *self = data->self;

  g_assert (self->n_pending > 0);
  self->n_pending--;
  end_fetch (self, data);
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
  else if (data->kind == OP_PASTE)
    ok = syn_comparison_add_source_finish (SYN_COMPARISON (object), result, &error);
  else
    ok = syn_comparison_reload_finish (SYN_COMPARISON (object), result, &failures, &error);

  if (end_op (data, error))
    {
      if (ok && (data->kind == OP_OPEN || data->kind == OP_ADD))
        {
          if (data->kind == OP_OPEN)
            self->shows_sample = FALSE;
          _syn_window_remember_comparison (self);
        }
      if (failures != NULL && failures->len > 0)
        report_failures (self, data, failures);
      else if (!ok)
        _syn_window_add_toast (self, error->message, SYN_WINDOW_FAILURE_TOAST_TIMEOUT);
      if (n_articles (self) == 0)
        set_empty_description (self, (const char * const *) self->failure_messages);
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
  OpData *data;

  g_return_if_fail (SYN_IS_WINDOW (self));
  g_return_if_fail (files != NULL || n_files == 0);

  g_clear_pointer (&self->failure_messages, g_strfreev);
  set_empty_description (self, NULL);
  self->n_opening = n_files;
  begin_op (self);
  data = op_data_new (self, OP_OPEN, files, n_files);
  begin_fetch (self, data);
  syn_comparison_load_async (self->comparison, files, n_files, self->cancellable, loaded_cb, data);
}

void
syn_window_add_files (SynWindow  *self,
                      GFile     **files,
                      guint       n_files)
{
  OpData *data;

  g_return_if_fail (SYN_IS_WINDOW (self));
  g_return_if_fail (files != NULL || n_files == 0);

  self->shows_sample = FALSE;
  begin_op (self);
  data = op_data_new (self, OP_ADD, files, n_files);
  begin_fetch (self, data);
  syn_comparison_add_files_async (self->comparison, files, n_files, self->cancellable, loaded_cb, data);
}

void
_syn_window_add_source (SynWindow  *self,
                        SynSource  *source,
                        const char *name)
{
  /* What is pasted on the sample starts a comparison of its own. */
  if (self->shows_sample)
    {
      syn_comparison_load_texts (self->comparison, NULL, NULL, 0, NULL);
      self->n_opening = 1;
    }
  self->shows_sample = FALSE;
  begin_op (self);
  syn_comparison_add_source_async (self->comparison, source, name, self->cancellable,
                                   loaded_cb, op_data_new (self, OP_PASTE, NULL, 0));
}

static void
start_reload (SynWindow *self)
{
  syn_compat_banner_hide (self->banner);
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
        _syn_window_remember_comparison (data->self);
      else
        _syn_window_add_toast (data->self, error->message, SYN_WINDOW_FAILURE_TOAST_TIMEOUT);
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

/* Until the user has sized a window, the window takes a size that uses
 * the screen (side-by-side columns want width), leaving room for panels;
 * FALSE when a size is kept. */
static gboolean
choose_first_size (SynWindow *self)
{
  g_autoptr(GVariant) width = g_settings_get_user_value (self->settings, "window-width");
  g_autoptr(GVariant) height = g_settings_get_user_value (self->settings, "window-height");
  GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (self)));
  g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, 0);
  GdkRectangle geometry;

  if (width != NULL || height != NULL || monitor == NULL)
    return FALSE;
  gdk_monitor_get_geometry (monitor, &geometry);
  self->first_width = CLAMP (geometry.width - 64, 360, FIRST_WIDTH);
  self->first_height = CLAMP (geometry.height - 96, 294, FIRST_HEIGHT);
  gtk_window_set_default_size (GTK_WINDOW (self), self->first_width, self->first_height);
  return TRUE;
}

static void
size_changed_cb (SynWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  /* Notified once for the first size itself, when the window is built. */
  if (width == self->first_width && height == self->first_height)
    return;
  self->first_width = self->first_height = -1;
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
}

static void
setup_settings (SynWindow *self)
{
  /* The size the user gave the window, read once: other windows resizing
   * later must not resize this one. A first size is written only once the
   * user changes it (a binding would write it at once). */
  if (choose_first_size (self))
    {
      g_signal_connect (self, "notify::default-width", G_CALLBACK (size_changed_cb), NULL);
      g_signal_connect (self, "notify::default-height", G_CALLBACK (size_changed_cb), NULL);
    }
  else
    {
      g_settings_bind (self->settings, "window-width", self, "default-width",
                       G_SETTINGS_BIND_DEFAULT | G_SETTINGS_BIND_GET_NO_CHANGES);
      g_settings_bind (self->settings, "window-height", self, "default-height",
                       G_SETTINGS_BIND_DEFAULT | G_SETTINGS_BIND_GET_NO_CHANGES);
    }
  g_settings_bind (self->settings, "window-maximized", self, "maximized",
                   G_SETTINGS_BIND_DEFAULT | G_SETTINGS_BIND_GET_NO_CHANGES);
  g_settings_bind (self->settings, "segment-unit", self->comparison, "segment-unit",
                   G_SETTINGS_BIND_GET);

  add_filter (self, "show-boilerplate", "show-boilerplate");
  add_filter (self, "divergent-only", "divergent-only");
  add_filter (self, "conflicts-only", NULL);
  add_filter (self, "unique-only", NULL);
  add_filter (self, "scroll-together", "scroll-together");
}

/* GObject */

static void
syn_window_dispose (GObject *object)
{
  SynWindow *self = SYN_WINDOW (object);

  self->in_dispose = TRUE;
  g_cancellable_cancel (self->cancellable);
  _syn_window_dispose_edits (self);
  if (self->comparison != NULL)
    g_signal_handlers_disconnect_by_data (self->comparison, self);
  if (self->fetch_toast != NULL)
    g_signal_handlers_disconnect_by_data (self->fetch_toast, self);
  self->fetch_toast = NULL;

  gtk_widget_dispose_template (GTK_WIDGET (self), SYN_TYPE_WINDOW);

  g_clear_object (&self->settings);
  g_clear_object (&self->comparison);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (syn_window_parent_class)->dispose (object);
}

static void
syn_window_finalize (GObject *object)
{
  SynWindow *self = SYN_WINDOW (object);

  g_clear_pointer (&self->failure_messages, g_strfreev);
  g_clear_pointer (&self->banner_title, g_free);
  g_clear_pointer (&self->banner_dismissed, g_free);
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

  _syn_window_class_init_files (widget_class);
  _syn_window_class_init_save (widget_class);
  _syn_window_class_init_print (widget_class);
  _syn_window_class_init_edits (widget_class);
  _syn_window_class_init_web (widget_class);
  gtk_widget_class_install_action (widget_class, "win.remove-source", "u", remove_source_activated);
  gtk_widget_class_install_action (widget_class, "win.show-sample", NULL, show_sample_activated);
  gtk_widget_class_install_action (widget_class, "win.reload", NULL, reload_activated);
  gtk_widget_class_install_action (widget_class, "win.cancel-loading", NULL, cancel_loading_activated);
  gtk_widget_class_install_action (widget_class, "win.show-failures", NULL, show_failures_activated);
}

static void
syn_window_init (SynWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  syn_a11y_name_controls (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->comparison = syn_comparison_new ();
  self->settings = syn_settings_new ();

  syn_comparison_view_set_comparison (self->view, self->comparison);

  create_banner (self);
  setup_settings (self);
  _syn_window_init_files (self);
  _syn_window_init_save (self);
  _syn_window_init_print (self);
  _syn_window_init_edits (self);

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
