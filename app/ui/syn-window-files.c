/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How files reach a window and leave it. The Open dialog takes several
 * files at once and goes through the portal when there is one (see
 * syn_compat_open_files_async()). A new
 * comparison opens in this window when it shows nothing of the user's (the
 * untouched sample, or nothing), else in a new window, as a document
 * application does; files dropped on a comparison are added to it, and the
 * window says which will happen before the user lets go. Recent comparisons
 * are sets of files, kept in the settings; each file also goes to the
 * desktop's recent files. Export writes JSON or a text report atomically,
 * and never over one of the compared files: Synopsis opens its inputs
 * read-only and this is the one place it writes.
 */
#define G_LOG_DOMAIN "syn-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "syn-compat.h"
#include "syn-model.h"
#include "syn-window-private.h"

#define MAX_RECENT 10

char *
_syn_window_escape_mnemonics (const char *text)
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

      g_ptr_array_add (names, _syn_window_file_display_name (file));
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
      g_autofree char *escaped = _syn_window_escape_mnemonics (label);
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

void
_syn_window_remember_comparison (SynWindow *self)
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

  /* A saved comparison is remembered as itself: it reopens with its texts. */
  if (syn_comparison_get_file (self->comparison) != NULL)
    {
      g_autofree char *uri = g_file_get_uri (syn_comparison_get_file (self->comparison));

      gtk_recent_manager_add_item (manager, uri);
      g_strv_builder_add (builder, uri);
      articles = NULL;
    }
  for (guint i = 0; articles != NULL && i < g_list_model_get_n_items (articles); i++)
    {
      g_autoptr(SynArticle) article = g_list_model_get_item (articles, i);
      GFile *file = syn_article_get_file (article);
      g_autofree char *uri = NULL;

      if (file == NULL)
        continue;
      uri = g_file_get_uri (file);
      /* The desktop's recent files are files, not web pages. */
      if (g_file_is_native (file))
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
              GAsyncResult    *result,
              FilesChosenFunc  func)
{
  g_autoptr(GListModel) model = syn_compat_open_files_finish (GTK_WINDOW (self), result, NULL);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; model != NULL && i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (files, g_list_model_get_item (model, i));
  if (files->len > 0 && !self->in_dispose)
    func (self, (GFile **) files->pdata, files->len);
}

static void
chosen_to_open_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  files_chosen (SYN_WINDOW (object), result, open_comparison);
}

static void
chosen_to_add_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  files_chosen (SYN_WINDOW (object), result, syn_window_add_files);
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
  gtk_file_filter_add_mime_type (text, "application/x-synopsis");
  gtk_file_filter_add_suffix (text, "synopsis");
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  g_list_store_append (filters, text);
  g_list_store_append (filters, all);
  return filters;
}

static void
choose_files (SynWindow           *self,
              const char          *title,
              const char          *accept_label,
              GAsyncReadyCallback  callback)
{
  g_autoptr(GListStore) filters = make_filters ();

  syn_compat_open_files_async (GTK_WINDOW (self), title, accept_label, G_LIST_MODEL (filters),
                               self->cancellable, callback, NULL);
}

static void
open_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  choose_files (SYN_WINDOW (widget), _("Open Files to Compare"), _("_Open"), chosen_to_open_cb);
}

static void
add_source_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  choose_files (SYN_WINDOW (widget), _("Add Sources"), _("_Add"), chosen_to_add_cb);
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

SynArticle *
_syn_window_find_source_file (SynWindow *self,
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
  g_autofree char *name = _syn_window_file_display_name (target);
  g_autofree char *message = NULL;

  if (!g_file_replace_contents_finish (target, result, NULL, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->in_dispose)
        return;
      message = g_strdup_printf (_("Could not export to “%s”: %s"), name, error->message);
      _syn_window_add_toast (self, message, SYN_WINDOW_FAILURE_TOAST_TIMEOUT);
      return;
    }
  if (self->in_dispose)
    return;
  message = g_strdup_printf (_("Exported to “%s”"), name);
  _syn_window_add_toast (self, message, 5);
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

  if ((clash = _syn_window_find_source_file (self, target)) != NULL)
    {
      g_autofree char *message =
        g_strdup_printf (_("“%s” is one of the compared files, and Synopsis never writes to them: "
                           "choose another name"), syn_article_get_name (clash));

      _syn_window_add_toast (self, message, SYN_WINDOW_FAILURE_TOAST_TIMEOUT);
      return;
    }

  basename = g_file_get_basename (target);
  if (basename != NULL && (g_str_has_suffix (basename, ".txt") || g_str_has_suffix (basename, ".text")))
    format = SYN_EXPORT_TEXT;
  else if (basename != NULL && (g_str_has_suffix (basename, ".html") || g_str_has_suffix (basename, ".htm")))
    format = SYN_EXPORT_HTML;
  out = syn_comparison_export (self->comparison, format);
  if (out == NULL)
    return;
  bytes = g_string_free_to_bytes (g_steal_pointer (&out));
  /* Written to a temporary file and renamed over the target: atomic. */
  g_file_replace_contents_bytes_async (target, bytes, NULL, FALSE, G_FILE_CREATE_NONE,
                                       self->cancellable, exported_cb, g_object_ref (self));
}

static void
export_target_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  SynWindow *self = SYN_WINDOW (object);
  g_autoptr(GFile) file = syn_compat_save_file_finish (GTK_WINDOW (self), result, NULL);

  if (file != NULL && !self->in_dispose)
    syn_window_export_to (self, file);
}

/* The format follows the name's extension (see syn_window_export_to()). */
static void
open_export_dialog (SynWindow  *self,
                    const char *title,
                    const char *name)
{
  syn_compat_save_file_async (GTK_WINDOW (self), title, _("_Export"), name, NULL, self->cancellable,
                              export_target_cb, NULL);
}

static void
export_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  open_export_dialog (SYN_WINDOW (widget),
                      _("Export the Comparison as a Report (.html), JSON (.json) or Text (.txt)"),
                      _("comparison.json"));
}

static void
export_report_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  open_export_dialog (SYN_WINDOW (widget), _("Export a Report of the Comparison"), _("report.html"));
}

/* Drag and drop: files and links dropped on a comparison are added to it;
 * on the sample or an empty window they make a new comparison. The drop
 * overlay says which before the user lets go. */

static GdkDragAction
drop_enter_cb (GtkDropTarget *target,
               double         x,
               double         y,
               SynWindow     *self)
{
  gtk_label_set_text (self->drop_label, syn_window_is_disposable (self)
                      ? _("Drop the files or links to compare them")
                      : _("Drop the files or links to add them to this comparison"));
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
  GSList *list;
  g_autoptr(GPtrArray) files = g_ptr_array_new ();

  gtk_revealer_set_reveal_child (self->drop_revealer, FALSE);
  /* A link from a browser, when it comes without a URI list. */
  if (G_VALUE_HOLDS_STRING (value))
    return _syn_window_drop_text (self, g_value_get_string (value));

  list = g_value_get_boxed (value);
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
  /* Files first: a browser's link comes as a URI list too, which makes
   * files of its addresses (fetched like any web address). */
  GType types[] = { GDK_TYPE_FILE_LIST, G_TYPE_STRING };
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);

  gtk_drop_target_set_gtypes (target, types, G_N_ELEMENTS (types));

  g_signal_connect (target, "enter", G_CALLBACK (drop_enter_cb), self);
  g_signal_connect (target, "leave", G_CALLBACK (drop_leave_cb), self);
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

void
_syn_window_init_files (SynWindow *self)
{
  g_menu_append_submenu (self->recent_place, _("_Recent Comparisons"), G_MENU_MODEL (self->recent_menu));
  g_signal_connect_object (self->settings, "changed::recent-comparisons",
                           G_CALLBACK (recent_changed_cb), self, G_CONNECT_SWAPPED);
  rebuild_recent_menu (self);
  setup_drop_target (self);
}

void
_syn_window_class_init_files (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_activated);
  gtk_widget_class_install_action (widget_class, "win.add-source", NULL, add_source_activated);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "as", open_recent_activated);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_activated);
  gtk_widget_class_install_action (widget_class, "win.export-report", NULL, export_report_activated);
}
