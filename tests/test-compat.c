/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The compatibility unit (app/ui/syn-compat.c): which dialogs, banner and
 * style sheet handling it picks for the GTK and libadwaita it was built
 * against, and that what it builds works. Most of it needs no display, so
 * the Flatpak build, which runs without one against the newest libraries,
 * checks the new paths; the banner needs a display and is skipped without.
 */
#define G_LOG_DOMAIN "syn-test"

#include "config.h"

#include <string.h>

#include "syn-compat.h"

static gboolean have_display;

/* The type names the unit should pick, from the versions of the headers
 * the tests were built with (the same as the unit's). */
static const char *
expected_alert (void)
{
  return ADW_MINOR_VERSION >= 5 ? "AdwAlertDialog" : "AdwMessageDialog";
}

static const char *
expected_about (void)
{
  return ADW_MINOR_VERSION >= 5 ? "AdwAboutDialog" : "AdwAboutWindow";
}

/* Alerts are AdwAlertDialog from libadwaita 1.5, and answer through a
 * "response" signal either way, which is what the window connects to. */
static void
test_alert_type (void)
{
  GType type = syn_compat_alert_type ();
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);

  g_assert_cmpstr (g_type_name (type), ==, expected_alert ());
  g_assert_cmpuint (g_signal_lookup ("response", type), !=, 0);
  g_assert_nonnull (g_object_class_find_property (G_OBJECT_CLASS (klass), "heading"));
  g_assert_nonnull (g_object_class_find_property (G_OBJECT_CLASS (klass), "body"));
}

/* The About dialog is made with g_object_new() and the properties below
 * (syn-application.c): the type picked must have each, or the dialog would
 * not open. */
static void
test_about_type (void)
{
  const char *properties[] = {
    "application-name", "application-icon", "developer-name", "version", "comments",
    "developers", "copyright", "license-type", "translator-credits",
  };
  GType type = syn_compat_about_type ();
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);

  g_assert_cmpstr (g_type_name (type), ==, expected_about ());
  for (guint i = 0; i < G_N_ELEMENTS (properties); i++)
    g_assert_nonnull (g_object_class_find_property (G_OBJECT_CLASS (klass), properties[i]));
}

/* app.shortcuts: ours before libadwaita 1.8; from 1.8 libadwaita's own,
 * which ours must never replace. */
static void
test_shortcuts_action (void)
{
  g_autoptr(GtkApplication) app = gtk_application_new ("io.github.synopsis_app.Test", G_APPLICATION_DEFAULT_FLAGS);
  g_autoptr(GtkApplication) later = gtk_application_new ("io.github.synopsis_app.Test2", G_APPLICATION_DEFAULT_FLAGS);
  g_autoptr(GSimpleAction) theirs = g_simple_action_new ("shortcuts", NULL);

  syn_compat_add_shortcuts_action (app);
  g_assert_cmpint (g_action_map_lookup_action (G_ACTION_MAP (app), "shortcuts") != NULL, ==,
                   ADW_MINOR_VERSION < 8);

  /* As a libadwaita of 1.8 or later running under an older build. */
  g_action_map_add_action (G_ACTION_MAP (later), G_ACTION (theirs));
  syn_compat_add_shortcuts_action (later);
  g_assert_true (g_action_map_lookup_action (G_ACTION_MAP (later), "shortcuts") == G_ACTION (theirs));
}

static GtkFileFilter *
new_filter (const char *name,
            const char *suffix)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_suffix (filter, suffix);
  return filter;
}

/* GtkFileDialog needs no display; GtkFileChooserNative (GTK 4.8) does. */
static gboolean
can_make_file_dialogs (void)
{
  if (have_display || GTK_MINOR_VERSION >= 10)
    return TRUE;
  g_test_skip ("GtkFileChooserNative needs a display");
  return FALSE;
}

static void
assert_common (GObject    *dialog,
               const char *title,
               const char *accept_label)
{
  g_autofree char *shown_title = NULL;
  g_autofree char *shown_accept = NULL;
  gboolean modal;

  g_assert_cmpstr (G_OBJECT_TYPE_NAME (dialog), ==,
                   GTK_MINOR_VERSION >= 10 ? "GtkFileDialog" : "GtkFileChooserNative");
  g_object_get (dialog, "title", &shown_title, "accept-label", &shown_accept, "modal", &modal, NULL);
  g_assert_cmpstr (shown_title, ==, title);
  g_assert_cmpstr (shown_accept, ==, accept_label);
  g_assert_true (modal);
}

/* Open: the title and button asked for, and the filters in their order. */
static void
test_open_dialog (void)
{
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr(GtkFileFilter) text = new_filter ("Text Files", "txt");
  g_autoptr(GtkFileFilter) saved = new_filter ("Saved Comparisons", "synopsis");
  g_autoptr(GObject) dialog = NULL;
  g_autoptr(GListModel) offered = NULL;

  if (!can_make_file_dialogs ())
    return;
  g_list_store_append (filters, text);
  g_list_store_append (filters, saved);
  dialog = syn_compat_file_dialog_new (FALSE, NULL, "Open Files to Compare", "_Open", NULL,
                                       G_LIST_MODEL (filters), NULL);
  assert_common (dialog, "Open Files to Compare", "_Open");

  g_object_get (dialog, "filters", &offered, NULL);
  g_assert_nonnull (offered);
  g_assert_cmpuint (g_list_model_get_n_items (offered), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GtkFileFilter) want = g_list_model_get_item (G_LIST_MODEL (filters), i);
      g_autoptr(GtkFileFilter) got = g_list_model_get_item (offered, i);

      g_assert_true (got == want);
    }
  /* Several files at once, where the chooser says so. */
  if (g_object_class_find_property (G_OBJECT_GET_CLASS (dialog), "select-multiple") != NULL)
    {
      gboolean multiple;

      g_object_get (dialog, "select-multiple", &multiple, NULL);
      g_assert_true (multiple);
    }
}

/* Save: the name offered and the one filter, chosen. */
static void
test_save_dialog (void)
{
  g_autoptr(GtkFileFilter) saved = new_filter ("Saved Comparisons", "synopsis");
  g_autoptr(GObject) dialog = NULL;
  g_autoptr(GtkFileFilter) chosen = NULL;
  g_autofree char *name = NULL;
  gboolean is_chooser;

  if (!can_make_file_dialogs ())
    return;
  dialog = syn_compat_file_dialog_new (TRUE, NULL, "Save the Comparison", "_Save", "Storm surge.synopsis",
                                       NULL, saved);
  assert_common (dialog, "Save the Comparison", "_Save");

  is_chooser = g_object_class_find_property (G_OBJECT_GET_CLASS (dialog), "initial-name") == NULL;
  g_object_get (dialog, is_chooser ? "filter" : "default-filter", &chosen, NULL);
  g_assert_true (chosen == saved);
  if (!is_chooser)
    {
      g_object_get (dialog, "initial-name", &name, NULL);
      g_assert_cmpstr (name, ==, "Storm surge.synopsis");
    }
}

/* Style sheets */

static void
count_error_cb (GtkCssProvider *provider,
                GtkCssSection  *section,
                const GError   *error,
                guint          *n_errors)
{
  (*n_errors)++;
}

#define DARK_RULE          ".syn-emblem { color: rgb(255,190,111); }"
#define HIGH_CONTRAST_RULE ".syn-emblem { outline-width: 2px; }"
#define PLAIN_RULE         ".syn-plain { color: rgb(198,70,0); }"

/* The sheets as syn-style.c wraps them, where media queries are used. */
static GtkCssProvider *
new_media_provider (guint *n_errors)
{
  GtkCssProvider *provider = gtk_css_provider_new ();

  g_signal_connect (provider, "parsing-error", G_CALLBACK (count_error_cb), n_errors);
  syn_compat_css_provider_load (provider,
                                PLAIN_RULE "\n"
                                "@media (prefers-color-scheme: dark) {\n" DARK_RULE "\n}\n"
                                "@media (prefers-contrast: more) {\n" HIGH_CONTRAST_RULE "\n}\n");
  return provider;
}

/* The unit says media queries work exactly where GTK reads them: if it
 * said so on a GTK that does not, the dark style would be lost with a
 * warning at every start; if it did not say so where GTK does, libadwaita
 * would warn that style-dark.css is deprecated. */
static void
test_media_queries (void)
{
  guint n_errors = 0;
  g_autoptr(GtkCssProvider) provider = new_media_provider (&n_errors);
  g_autofree char *css = gtk_css_provider_to_string (provider);

  g_assert_cmpint (syn_compat_css_has_media_queries (), ==, n_errors == 0);
  g_assert_cmpint (syn_compat_css_has_media_queries (), ==, GTK_MINOR_VERSION >= 20);
  /* Rules outside a query apply either way. */
  g_assert_nonnull (strstr (css, ".syn-plain"));
}

static gboolean
applies (GtkCssProvider *provider,
         const char     *property)
{
  g_autofree char *css = gtk_css_provider_to_string (provider);

  return strstr (css, property) != NULL;
}

/* The dark rules apply while the style manager is dark, the high contrast
 * ones while it is in high contrast, and only then. */
static void
test_media_preferences (void)
{
  guint n_errors = 0;
  g_autoptr(GtkCssProvider) provider = NULL;

  if (!syn_compat_css_has_media_queries ())
    {
      g_test_skip ("no media queries before GTK 4.20: syn-style.c adds a provider per sheet instead");
      return;
    }
  provider = new_media_provider (&n_errors);
  g_assert_cmpuint (n_errors, ==, 0);

  syn_compat_css_provider_set_preferences (provider, FALSE, FALSE);
  g_assert_false (applies (provider, "rgb(255,190,111)"));
  g_assert_false (applies (provider, "outline-width"));
  syn_compat_css_provider_set_preferences (provider, TRUE, FALSE);
  g_assert_true (applies (provider, "rgb(255,190,111)"));
  g_assert_false (applies (provider, "outline-width"));
  syn_compat_css_provider_set_preferences (provider, FALSE, TRUE);
  g_assert_false (applies (provider, "rgb(255,190,111)"));
  g_assert_true (applies (provider, "outline-width"));
  syn_compat_css_provider_set_preferences (provider, TRUE, TRUE);
  g_assert_true (applies (provider, "rgb(255,190,111)"));
  g_assert_true (applies (provider, "outline-width"));
}

/* The banner (display needed) */

static void
clicked_cb (guint *n_clicks)
{
  n_clicks[0]++;
}

static void
other_clicked_cb (guint *n_clicks)
{
  n_clicks[1]++;
}

/* The button labelled @label (as set, mnemonic and all) in @widget. */
static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), label) == 0)
        return child;
      if ((found = find_button (child, label)) != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type,
                 const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) &&
          (text == NULL || (GTK_IS_LABEL (child) && g_str_equal (gtk_label_get_text (GTK_LABEL (child)), text))))
        return child;
      if ((found = find_descendant (child, type, text)) != NULL)
        return found;
    }
  return NULL;
}

/* The title is shown as written (file names can hold "&" and "<"), each
 * button calls back its own, the other button shows only when asked for,
 * and hiding hides. */
static void
test_banner (void)
{
  const char *title = "“R&D <draft>.txt” changed on disk";
  guint n_clicks[2] = { 0, 0 };
  GtkWidget *banner;
  GtkWidget *button;
  GtkWidget *other;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }
  banner = g_object_ref_sink (syn_compat_banner_new (G_CALLBACK (clicked_cb), G_CALLBACK (other_clicked_cb),
                                                     n_clicks));
  /* AdwBanner holds one button only */
  g_assert_cmpstr (G_OBJECT_TYPE_NAME (banner), ==, "GtkActionBar");
  g_assert_false (syn_compat_banner_get_revealed (banner));

  syn_compat_banner_show (banner, title, "_Reload", "_Keep Saved Text");
  g_assert_true (syn_compat_banner_get_revealed (banner));
  g_assert_nonnull (find_descendant (banner, GTK_TYPE_LABEL, title));
  button = find_button (banner, "_Reload");
  other = find_button (banner, "_Keep Saved Text");
  g_assert_nonnull (button);
  g_assert_nonnull (other);
  g_assert_true (gtk_widget_get_visible (other));
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpuint (n_clicks[0], ==, 1);
  g_assert_cmpuint (n_clicks[1], ==, 0);
  g_signal_emit_by_name (other, "clicked");
  g_assert_cmpuint (n_clicks[0], ==, 1);
  g_assert_cmpuint (n_clicks[1], ==, 1);

  /* one choice: the other button goes */
  syn_compat_banner_show (banner, title, "_Dismiss", NULL);
  g_assert_nonnull (find_button (banner, "_Dismiss"));
  g_assert_false (gtk_widget_get_visible (other));

  syn_compat_banner_hide (banner);
  g_assert_false (syn_compat_banner_get_revealed (banner));
  g_assert_finalize_object (banner);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* The build sandbox has no locales: GTK would warn that it cannot set
   * the environment's, and nothing here depends on it. */
  gtk_disable_setlocale ();
  have_display = gtk_init_check ();

  g_test_add_func ("/ui/compat/alert-type", test_alert_type);
  g_test_add_func ("/ui/compat/about-type", test_about_type);
  g_test_add_func ("/ui/compat/shortcuts-action", test_shortcuts_action);
  g_test_add_func ("/ui/compat/open-dialog", test_open_dialog);
  g_test_add_func ("/ui/compat/save-dialog", test_save_dialog);
  g_test_add_func ("/ui/compat/media-queries", test_media_queries);
  g_test_add_func ("/ui/compat/media-preferences", test_media_preferences);
  g_test_add_func ("/ui/compat/banner", test_banner);
  return g_test_run ();
}
