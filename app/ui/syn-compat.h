/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What differs between the GTK and libadwaita versions Synopsis runs on
 * (GTK 4.8 and libadwaita 1.2 in Debian 12, up to the GNOME SDK), in one
 * place: feature code calls these and never asks for a version itself.
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Dialogs: AdwAlertDialog, AdwAboutDialog and their like, inside the window
 * from libadwaita 1.5; windows of their own before. */

/* An alert with a heading, a body and responses: an AdwAlertDialog, or an
 * AdwMessageDialog (transient for @parent) before libadwaita 1.5. Both emit
 * "response" with the response's id; it is not shown until presented. */
GType      syn_compat_alert_type                   (void);
GtkWidget *syn_compat_alert_new                    (GtkWindow              *parent,
                                                    const char             *heading,
                                                    const char             *body);
void       syn_compat_alert_add_response           (GtkWidget              *alert,
                                                    const char             *id,
                                                    const char             *label);
void       syn_compat_alert_set_response_enabled   (GtkWidget              *alert,
                                                    const char             *id,
                                                    gboolean                enabled);
gboolean   syn_compat_alert_get_response_enabled   (GtkWidget              *alert,
                                                    const char             *id);
void       syn_compat_alert_set_response_appearance (GtkWidget             *alert,
                                                    const char             *id,
                                                    AdwResponseAppearance   appearance);
void       syn_compat_alert_set_default_response   (GtkWidget              *alert,
                                                    const char             *id);
void       syn_compat_alert_set_close_response     (GtkWidget              *alert,
                                                    const char             *id);
void       syn_compat_alert_set_extra_child        (GtkWidget              *alert,
                                                    GtkWidget              *child);

/* The type of the About dialog: AdwAboutDialog, or AdwAboutWindow before
 * libadwaita 1.5 (the same properties). */
GType      syn_compat_about_type                   (void);

/* Shows a dialog made here (an alert, an About dialog) over @parent. */
void       syn_compat_dialog_present               (GtkWidget              *dialog,
                                                    GtkWindow              *parent);
/* Gives @focus the keyboard focus in a presented dialog. */
void       syn_compat_dialog_set_focus             (GtkWidget              *dialog,
                                                    GtkWidget              *focus);
/* Whether @window shows a dialog inside it (libadwaita 1.5 and later):
 * keys pressed then are meant for the dialog, not for what is behind it.
 * Always FALSE before 1.5, where dialogs are windows with their own keys. */
gboolean   syn_compat_window_shows_dialog          (GtkWindow              *window);

/* Keyboard Shortcuts: libadwaita 1.8 and later show shortcuts-dialog.ui
 * from the resources in an app.shortcuts action of their own; before, this
 * adds an app.shortcuts that shows shortcuts-window.ui instead. Call from
 * the application's startup, after the parent class's. */
void       syn_compat_add_shortcuts_action         (GtkApplication         *app);

/* A banner across the window with a title and one or two buttons: a
 * GtkActionBar on every version, as AdwBanner (libadwaita 1.3) holds one
 * button only. @clicked or @other_clicked is called with @user_data (only)
 * when the main or the other button is clicked. Hidden at first. */
GtkWidget *syn_compat_banner_new                   (GCallback               clicked,
                                                    GCallback               other_clicked,
                                                    gpointer                user_data);
GType      syn_compat_banner_type                  (void);
/* Reveals the banner saying @title (plain text) with @button_label (with a
 * mnemonic) on its main button and, unless NULL, @other_label on the other
 * (hidden when NULL). */
void       syn_compat_banner_show                  (GtkWidget              *banner,
                                                    const char             *title,
                                                    const char             *button_label,
                                                    const char             *other_label);
void       syn_compat_banner_hide                  (GtkWidget              *banner);
gboolean   syn_compat_banner_get_revealed          (GtkWidget              *banner);

/* File dialogs, through the portal when there is one: GtkFileDialog from
 * GTK 4.10, GtkFileChooserNative before. The callback gets @parent as its
 * source object; each _finish() returns NULL with an error when the user
 * cancelled or @cancellable was cancelled. */

/* Several files to open, offering @filters (GtkFileFilter, the first chosen
 * at first). */
void        syn_compat_open_files_async            (GtkWindow              *parent,
                                                    const char             *title,
                                                    const char             *accept_label,
                                                    GListModel             *filters,
                                                    GCancellable           *cancellable,
                                                    GAsyncReadyCallback     callback,
                                                    gpointer                user_data);
/* The files chosen (GFile). */
GListModel *syn_compat_open_files_finish           (GtkWindow              *parent,
                                                    GAsyncResult           *result,
                                                    GError                **error);
/* A file to save to, offering @initial_name and, if not NULL, @filter. */
void        syn_compat_save_file_async             (GtkWindow              *parent,
                                                    const char             *title,
                                                    const char             *accept_label,
                                                    const char             *initial_name,
                                                    GtkFileFilter          *filter,
                                                    GCancellable           *cancellable,
                                                    GAsyncReadyCallback     callback,
                                                    gpointer                user_data);
GFile      *syn_compat_save_file_finish            (GtkWindow              *parent,
                                                    GAsyncResult           *result,
                                                    GError                **error);
/* The dialog the two above show, not yet shown: a GtkFileDialog or a
 * GtkFileChooserNative. Both have the properties "title", "accept-label" and
 * "modal"; the file dialog's "filters" and "default-filter" are the
 * chooser's "filters" and "filter". For tests. */
GObject    *syn_compat_file_dialog_new             (gboolean                save,
                                                    GtkWindow              *parent,
                                                    const char             *title,
                                                    const char             *accept_label,
                                                    const char             *initial_name,
                                                    GListModel             *filters,
                                                    GtkFileFilter          *filter);

/* Geometry */

/* @point of @widget in @target's coordinates, FALSE when they share no
 * ancestor: gtk_widget_compute_point() (GTK 4.10) with the old API's
 * answer on GTK 4.8. */
gboolean   syn_compat_widget_compute_point         (GtkWidget              *widget,
                                                    GtkWidget              *target,
                                                    const graphene_point_t *point,
                                                    graphene_point_t       *out_point);

/* Style sheets */

/* Whether GTK applies @media queries in style sheets, matched against each
 * provider's own preferences (GTK 4.20 and later, built and running). */
gboolean   syn_compat_css_has_media_queries        (void);
/* Loads @css (a NUL-terminated style sheet) into @provider. */
void       syn_compat_css_provider_load            (GtkCssProvider         *provider,
                                                    const char             *css);
/* What @provider's media queries match: the style manager's dark and high
 * contrast. Does nothing where there are no media queries. */
void       syn_compat_css_provider_set_preferences (GtkCssProvider         *provider,
                                                    gboolean                dark,
                                                    gboolean                high_contrast);

/* Accessibility */

/* Has a screen reader say @message now, on behalf of @accessible:
 * gtk_accessible_announce() from GTK 4.14. Before, GTK cannot, and this
 * does nothing: the description the caller sets is what is read. */
void       syn_compat_accessible_announce          (GtkAccessible          *accessible,
                                                    const char             *message);

G_END_DECLS
