/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one place that asks which GTK and libadwaita Synopsis was built
 * against. Debian 12 has GTK 4.8 and libadwaita 1.2; the GNOME SDK has
 * what replaced their dialogs since, and deprecates the old ones. Each
 * function below picks the newest way the build's libraries offer, so a
 * newer platform gets its own dialogs (inside the window, through the
 * portal) with no deprecated call, and Debian 12 keeps working:
 *
 *  - alerts and the About dialog: AdwAlertDialog and AdwAboutDialog from
 *    libadwaita 1.5, AdwMessageDialog and AdwAboutWindow before;
 *  - Keyboard Shortcuts: libadwaita's own AdwShortcutsDialog from 1.8, a
 *    GtkShortcutsWindow before;
 *  - file dialogs: GtkFileDialog from GTK 4.10, GtkFileChooserNative before;
 *  - a point in another widget's coordinates: gtk_widget_compute_point()
 *    from GTK 4.10, gtk_widget_translate_coordinates() before;
 *  - style sheets: @media queries from GTK 4.20 (also asked of the GTK
 *    running), gtk_css_provider_load_from_string() from 4.12;
 *  - announcements to a screen reader: gtk_accessible_announce() from GTK
 *    4.14, none before.
 *
 * The choice is made when building: the old API is not compiled against
 * the new library, so deprecations cannot creep back into feature code.
 * tests/test-compat.c checks the choices and what needs no display.
 */
#define G_LOG_DOMAIN "syn-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "syn-compat.h"

/* Alerts and dialogs */

GType
syn_compat_alert_type (void)
{
#if ADW_CHECK_VERSION (1, 5, 0)
  return ADW_TYPE_ALERT_DIALOG;
#else
  return ADW_TYPE_MESSAGE_DIALOG;
#endif
}

GtkWidget *
syn_compat_alert_new (GtkWindow  *parent,
                      const char *heading,
                      const char *body)
{
#if ADW_CHECK_VERSION (1, 5, 0)
  return GTK_WIDGET (adw_alert_dialog_new (heading, body));
#else
  return adw_message_dialog_new (parent, heading, body);
#endif
}

#if ADW_CHECK_VERSION (1, 5, 0)
#define ALERT(w)         ADW_ALERT_DIALOG (w)
#define alert_call(name) adw_alert_dialog_##name
#else
#define ALERT(w)         ADW_MESSAGE_DIALOG (w)
#define alert_call(name) adw_message_dialog_##name
#endif

void
syn_compat_alert_add_response (GtkWidget  *alert,
                               const char *id,
                               const char *label)
{
  alert_call (add_response) (ALERT (alert), id, label);
}

void
syn_compat_alert_set_response_enabled (GtkWidget  *alert,
                                       const char *id,
                                       gboolean    enabled)
{
  alert_call (set_response_enabled) (ALERT (alert), id, enabled);
}

gboolean
syn_compat_alert_get_response_enabled (GtkWidget  *alert,
                                       const char *id)
{
  return alert_call (get_response_enabled) (ALERT (alert), id);
}

void
syn_compat_alert_set_response_appearance (GtkWidget             *alert,
                                          const char            *id,
                                          AdwResponseAppearance  appearance)
{
  alert_call (set_response_appearance) (ALERT (alert), id, appearance);
}

void
syn_compat_alert_set_default_response (GtkWidget  *alert,
                                       const char *id)
{
  alert_call (set_default_response) (ALERT (alert), id);
}

void
syn_compat_alert_set_close_response (GtkWidget  *alert,
                                     const char *id)
{
  alert_call (set_close_response) (ALERT (alert), id);
}

void
syn_compat_alert_set_extra_child (GtkWidget *alert,
                                  GtkWidget *child)
{
  alert_call (set_extra_child) (ALERT (alert), child);
}

GType
syn_compat_about_type (void)
{
#if ADW_CHECK_VERSION (1, 5, 0)
  return ADW_TYPE_ABOUT_DIALOG;
#else
  return ADW_TYPE_ABOUT_WINDOW;
#endif
}

void
syn_compat_dialog_present (GtkWidget *dialog,
                           GtkWindow *parent)
{
#if ADW_CHECK_VERSION (1, 5, 0)
  adw_dialog_present (ADW_DIALOG (dialog), GTK_WIDGET (parent));
#else
  gtk_window_set_transient_for (GTK_WINDOW (dialog), parent);
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_present (GTK_WINDOW (dialog));
#endif
}

void
syn_compat_dialog_set_focus (GtkWidget *dialog,
                             GtkWidget *focus)
{
#if ADW_CHECK_VERSION (1, 5, 0)
  adw_dialog_set_focus (ADW_DIALOG (dialog), focus);
#else
  gtk_window_set_focus (GTK_WINDOW (dialog), focus);
#endif
}

gboolean
syn_compat_window_shows_dialog (GtkWindow *window)
{
#if ADW_CHECK_VERSION (1, 5, 0)
  return ADW_IS_APPLICATION_WINDOW (window) &&
         adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)) != NULL;
#else
  return FALSE;
#endif
}

/* Keyboard Shortcuts */

#if !ADW_CHECK_VERSION (1, 8, 0)
/* The same list as shortcuts-dialog.ui in a GtkShortcutsWindow, made the
 * window's help overlay (which is how its shortcuts named by action find
 * their accelerators) when first asked for, rather than for every window
 * as GtkApplication does with gtk/help-overlay.ui. */
static void
shortcuts_activated (GSimpleAction *action,
                     GVariant      *param,
                     gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (app);
  GtkApplicationWindow *window;

  if (!GTK_IS_APPLICATION_WINDOW (parent))
    return;
  window = GTK_APPLICATION_WINDOW (parent);
  if (gtk_application_window_get_help_overlay (window) == NULL)
    {
      g_autofree char *path = g_strconcat (g_application_get_resource_base_path (G_APPLICATION (app)),
                                           "/shortcuts-window.ui", NULL);
      g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (path);

      gtk_application_window_set_help_overlay (window,
                                               GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder,
                                                                                             "shortcuts_window")));
    }
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
}

static const GActionEntry shortcuts_action[] = {
  { "shortcuts", shortcuts_activated },
};
#endif

void
syn_compat_add_shortcuts_action (GtkApplication *app)
{
#if !ADW_CHECK_VERSION (1, 8, 0)
  /* libadwaita 1.8 and later add their own, also when running under a
   * build against an older one. */
  if (g_action_map_lookup_action (G_ACTION_MAP (app), "shortcuts") == NULL)
    g_action_map_add_action_entries (G_ACTION_MAP (app), shortcuts_action,
                                     G_N_ELEMENTS (shortcuts_action), app);
#endif
}

/* The banner */

/* libadwaita's AdwBanner (1.3 and later) holds one button, as the HIG
 * wants of a banner; a file changed since it was saved asks for two
 * choices (keep the saved text or reload), as GNOME editors offer for a
 * file changed on disk, so the banner is a bar of its own on every
 * version: a GtkActionBar, which libadwaita 1.2 already styles. */

GType
syn_compat_banner_type (void)
{
  return GTK_TYPE_ACTION_BAR;
}

static GtkWidget *
banner_button_new (GCallback clicked,
                   gpointer  user_data)
{
  GtkWidget *button = gtk_button_new_with_mnemonic ("");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  if (clicked != NULL)
    g_signal_connect_swapped (button, "clicked", clicked, user_data);
  return button;
}

GtkWidget *
syn_compat_banner_new (GCallback clicked,
                       GCallback other_clicked,
                       gpointer  user_data)
{
  GtkWidget *banner = gtk_action_bar_new ();
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *button = banner_button_new (clicked, user_data);
  GtkWidget *other = banner_button_new (other_clicked, user_data);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_action_bar_set_center_widget (GTK_ACTION_BAR (banner), label);
  /* packed from the end: the main choice last, as in dialogs */
  gtk_action_bar_pack_end (GTK_ACTION_BAR (banner), button);
  gtk_action_bar_pack_end (GTK_ACTION_BAR (banner), other);
  gtk_widget_set_visible (other, FALSE);
  gtk_action_bar_set_revealed (GTK_ACTION_BAR (banner), FALSE);
  g_object_set_data (G_OBJECT (banner), "syn-banner-button", button);
  g_object_set_data (G_OBJECT (banner), "syn-banner-other-button", other);
  return banner;
}

void
syn_compat_banner_show (GtkWidget  *banner,
                        const char *title,
                        const char *button_label,
                        const char *other_label)
{
  GtkWidget *label = gtk_action_bar_get_center_widget (GTK_ACTION_BAR (banner));
  GtkButton *button = g_object_get_data (G_OBJECT (banner), "syn-banner-button");
  GtkButton *other = g_object_get_data (G_OBJECT (banner), "syn-banner-other-button");

  gtk_label_set_text (GTK_LABEL (label), title);
  gtk_button_set_label (button, button_label);
  if (other_label != NULL)
    gtk_button_set_label (other, other_label);
  gtk_widget_set_visible (GTK_WIDGET (other), other_label != NULL);
  gtk_action_bar_set_revealed (GTK_ACTION_BAR (banner), TRUE);
}

void
syn_compat_banner_hide (GtkWidget *banner)
{
  gtk_action_bar_set_revealed (GTK_ACTION_BAR (banner), FALSE);
}

gboolean
syn_compat_banner_get_revealed (GtkWidget *banner)
{
  return gtk_action_bar_get_revealed (GTK_ACTION_BAR (banner));
}

/* File dialogs */

GObject *
syn_compat_file_dialog_new (gboolean       save,
                            GtkWindow     *parent,
                            const char    *title,
                            const char    *accept_label,
                            const char    *initial_name,
                            GListModel    *filters,
                            GtkFileFilter *filter)
{
#if GTK_CHECK_VERSION (4, 10, 0)
  GtkFileDialog *dialog = gtk_file_dialog_new ();

  gtk_file_dialog_set_title (dialog, title);
  gtk_file_dialog_set_accept_label (dialog, accept_label);
  if (initial_name != NULL)
    gtk_file_dialog_set_initial_name (dialog, initial_name);
  if (filters != NULL)
    gtk_file_dialog_set_filters (dialog, filters);
  if (filter != NULL)
    gtk_file_dialog_set_default_filter (dialog, filter);
  return G_OBJECT (dialog);
#else
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (title, parent,
                                        save ? GTK_FILE_CHOOSER_ACTION_SAVE : GTK_FILE_CHOOSER_ACTION_OPEN,
                                        accept_label, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (native), !save);
  if (initial_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), initial_name);
  for (guint i = 0; filters != NULL && i < g_list_model_get_n_items (filters); i++)
    {
      g_autoptr(GtkFileFilter) each = g_list_model_get_item (filters, i);

      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), each);
    }
  if (filter != NULL)
    gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  return G_OBJECT (native);
#endif
}

#if GTK_CHECK_VERSION (4, 10, 0)

static void
files_opened_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  GListModel *files = gtk_file_dialog_open_multiple_finish (GTK_FILE_DIALOG (object), result, &error);

  if (files == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, files, g_object_unref);
}

static void
file_saved_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  GFile *file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (object), result, &error);

  if (file == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, file, g_object_unref);
}

static void
show_file_dialog (GObject   *dialog,
                  GtkWindow *parent,
                  GTask     *task)
{
  if (g_task_get_source_tag (task) == syn_compat_save_file_async)
    gtk_file_dialog_save (GTK_FILE_DIALOG (dialog), parent, g_task_get_cancellable (task),
                          file_saved_cb, task);
  else
    gtk_file_dialog_open_multiple (GTK_FILE_DIALOG (dialog), parent, g_task_get_cancellable (task),
                                   files_opened_cb, task);
  g_object_unref (dialog);
}

#else

static void
native_response_cb (GtkNativeDialog *native,
                    int              response,
                    GTask           *task)
{
  GtkFileChooser *chooser = GTK_FILE_CHOOSER (native);
  GFile *file;

  if (response != GTK_RESPONSE_ACCEPT)
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s", _("No file was chosen"));
  else if (g_task_get_source_tag (task) != syn_compat_save_file_async)
    g_task_return_pointer (task, gtk_file_chooser_get_files (chooser), g_object_unref);
  else if ((file = gtk_file_chooser_get_file (chooser)) != NULL)
    g_task_return_pointer (task, file, g_object_unref);
  else
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s", _("No file was chosen"));
  gtk_native_dialog_destroy (native);
  g_object_unref (native);
  g_object_unref (task);
}

static void
show_file_dialog (GObject   *dialog,
                  GtkWindow *parent,
                  GTask     *task)
{
  g_signal_connect (dialog, "response", G_CALLBACK (native_response_cb), task);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

#endif

void
syn_compat_open_files_async (GtkWindow           *parent,
                             const char          *title,
                             const char          *accept_label,
                             GListModel          *filters,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  GTask *task = g_task_new (parent, cancellable, callback, user_data);

  g_task_set_source_tag (task, syn_compat_open_files_async);
  show_file_dialog (syn_compat_file_dialog_new (FALSE, parent, title, accept_label, NULL, filters, NULL),
                    parent, task);
}

GListModel *
syn_compat_open_files_finish (GtkWindow     *parent,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, parent), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
syn_compat_save_file_async (GtkWindow           *parent,
                            const char          *title,
                            const char          *accept_label,
                            const char          *initial_name,
                            GtkFileFilter       *filter,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  GTask *task = g_task_new (parent, cancellable, callback, user_data);

  g_task_set_source_tag (task, syn_compat_save_file_async);
  show_file_dialog (syn_compat_file_dialog_new (TRUE, parent, title, accept_label, initial_name, NULL, filter),
                    parent, task);
}

GFile *
syn_compat_save_file_finish (GtkWindow     *parent,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, parent), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Geometry */

gboolean
syn_compat_widget_compute_point (GtkWidget              *widget,
                                 GtkWidget              *target,
                                 const graphene_point_t *point,
                                 graphene_point_t       *out_point)
{
#if GTK_CHECK_VERSION (4, 10, 0)
  return gtk_widget_compute_point (widget, target, point, out_point);
#else
  double x, y;

  if (!gtk_widget_translate_coordinates (widget, target, point->x, point->y, &x, &y))
    return FALSE;
  graphene_point_init (out_point, (float) x, (float) y);
  return TRUE;
#endif
}

/* Style sheets */

gboolean
syn_compat_css_has_media_queries (void)
{
#if GTK_CHECK_VERSION (4, 20, 0)
  return gtk_get_major_version () > 4 || gtk_get_minor_version () >= 20;
#else
  return FALSE;
#endif
}

void
syn_compat_css_provider_load (GtkCssProvider *provider,
                              const char     *css)
{
#if GTK_CHECK_VERSION (4, 12, 0)
  gtk_css_provider_load_from_string (provider, css);
#else
  gtk_css_provider_load_from_data (provider, css, -1);
#endif
}

void
syn_compat_css_provider_set_preferences (GtkCssProvider *provider,
                                         gboolean        dark,
                                         gboolean        high_contrast)
{
#if GTK_CHECK_VERSION (4, 20, 0)
  /* A provider of our own does not follow the style manager by itself:
   * libadwaita sets these on its own providers only. */
  g_object_set (provider,
                "prefers-color-scheme", dark ? GTK_INTERFACE_COLOR_SCHEME_DARK
                                             : GTK_INTERFACE_COLOR_SCHEME_LIGHT,
                "prefers-contrast", high_contrast ? GTK_INTERFACE_CONTRAST_MORE
                                                  : GTK_INTERFACE_CONTRAST_NO_PREFERENCE,
                NULL);
#endif
}

/* Accessibility */

void
syn_compat_accessible_announce (GtkAccessible *accessible,
                                const char    *message)
{
  g_return_if_fail (GTK_IS_ACCESSIBLE (accessible));

  if (message == NULL || message[0] == '\0')
    return;
#if GTK_CHECK_VERSION (4, 14, 0)
  gtk_accessible_announce (accessible, message, GTK_ACCESSIBLE_ANNOUNCEMENT_PRIORITY_MEDIUM);
#endif
}
