/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The main window as a user meets it, under Xvfb: the sample on start, one
 * column per source, files that cannot be read named in a toast while the
 * others open, a file changed or deleted on disk, the segment unit setting,
 * export, drop, recent comparisons, the filters' keys, 200 sources, pages
 * pasted, dropped and added from the web, and the window freed once
 * closed. A screenshot of the real window is kept with the test logs.
 *
 * The assertions read what is on screen (labels that are mapped), not
 * the window's private state.
 */
#define G_LOG_DOMAIN "test-window"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gstdio.h>

#include "syn-application.h"
#include "syn-compat.h"
#include "syn-print.h"
#include "syn-comparison-view.h"
#include "syn-window.h"
#include "syn-test-files.h"
#include "syn-test-slowdown.h"
#include "syn-test-ui.h"

/* Long enough for a slow CI machine; a hang fails instead of blocking. */

static SynApplication *app;

static void
spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

/* What the user sees */

static void
collect_labels (GtkWidget *widget,
                GString   *out)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (GTK_IS_LABEL (widget))
    {
      g_string_append (out, gtk_label_get_text (GTK_LABEL (widget)));
      g_string_append_c (out, '\n');
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, out);
}

/* Every mapped label's text in @widget, one per line. */
static char *
visible_text (GtkWidget *widget)
{
  GString *out = g_string_new (NULL);

  collect_labels (widget, out);
  return g_string_free (out, FALSE);
}

typedef struct {
  GtkWidget  *widget;
  const char *text;
} ShowsText;

static gboolean
shows_text (gpointer data)
{
  ShowsText *s = data;
  g_autofree char *text = visible_text (s->widget);

  return strstr (text, s->text) != NULL;
}

static void
wait_for_text (GtkWidget  *widget,
               const char *text)
{
  ShowsText s = { widget, text };
  g_autofree char *what = g_strdup_printf ("“%s” to be shown", text);

  syn_test_wait_until (shows_text, &s, what);
}

static gboolean
hides_text (gpointer data)
{
  return !shows_text (data);
}

static void
wait_for_no_text (GtkWidget  *widget,
                  const char *text)
{
  ShowsText s = { widget, text };
  g_autofree char *what = g_strdup_printf ("“%s” to be gone", text);

  syn_test_wait_until (hides_text, &s, what);
}

static guint
count_type (GtkWidget  *widget,
            GType       type)
{
  guint n = 0;

  if (!gtk_widget_get_visible (widget))
    return 0;
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return 1;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_type (child, type);
  return n;
}

/* The columns of the comparison view: SynArticleColumn widgets, shown or
 * scrolled to the side. */
static guint
count_columns (SynWindow *window)
{
  GtkWidget *view = syn_window_get_view (window);
  /* Registered when the first column is made. */
  GType type = g_type_from_name ("SynArticleColumn");

  if (type == G_TYPE_INVALID || !gtk_widget_get_mapped (view))
    return 0;
  return count_type (view, type);
}

typedef struct {
  SynWindow *window;
  guint      n;
} ColumnCount;

static gboolean
has_columns (gpointer data)
{
  ColumnCount *c = data;

  return !syn_comparison_get_busy (syn_window_get_comparison (c->window)) &&
         count_columns (c->window) == c->n;
}

static void
wait_for_columns (SynWindow *window,
                  guint      n)
{
  ColumnCount c = { window, n };
  g_autofree char *what = g_strdup_printf ("%u columns", n);

  syn_test_wait_until (has_columns, &c, what);
}

static const char *
window_subtitle (SynWindow *window)
{
  AdwHeaderBar *header = NULL;
  GtkWidget *title;

  for (GtkWidget *w = gtk_widget_get_first_child (GTK_WIDGET (window)); w != NULL && header == NULL; )
    {
      if (ADW_IS_HEADER_BAR (w))
        header = ADW_HEADER_BAR (w);
      else if (gtk_widget_get_first_child (w) != NULL)
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != NULL && gtk_widget_get_next_sibling (w) == NULL)
            w = gtk_widget_get_parent (w);
          if (w != NULL)
            w = gtk_widget_get_next_sibling (w);
        }
    }
  g_assert_nonnull (header);
  title = adw_header_bar_get_title_widget (header);
  g_assert_true (ADW_IS_WINDOW_TITLE (title));
  g_assert_cmpstr (adw_window_title_get_title (ADW_WINDOW_TITLE (title)), ==, "Synopsis");
  return adw_window_title_get_subtitle (ADW_WINDOW_TITLE (title));
}

/* Fixtures: files written for each test in a temporary directory */

typedef struct {
  char *dir;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->dir = syn_test_make_dir ("synopsis-window-XXXXXX");
}

static void
close_all_windows (void)
{
  GList *windows;

  while ((windows = gtk_application_get_windows (GTK_APPLICATION (app))) != NULL)
    gtk_window_destroy (GTK_WINDOW (windows->data));
  spin (50);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  close_all_windows ();
  syn_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static GFile *
write_file (Fixture    *fixture,
            const char *name,
            const char *contents,
            gssize      len)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, len, &error);
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

static const char story_a[] =
  "Bridge reopens after repairs\n\n"
  "The Elm Street bridge reopened on Monday after six weeks of repairs. "
  "Crews replaced 40 metres of railing. \"It is safer than ever,\" said the city engineer.\n";
static const char story_b[] =
  "Elm Street bridge open again\n\n"
  "After six weeks of repairs the Elm Street bridge reopened on Monday. "
  "Workers replaced 45 metres of railing. \"It is safer than it has ever been,\" the city engineer said.\n";
static const char story_c[] =
  "Bridge back in service\n\n"
  "The city engineer said the bridge is safer than ever. It reopened Monday.\n";

static SynWindow *
new_window (void)
{
  SynWindow *window = syn_window_new (app);

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static char *
screenshot_path (const char *name)
{
  const char *dir = g_getenv ("SYN_SCREENSHOT_DIR");
  g_autofree char *logs = g_test_build_filename (G_TEST_BUILT, "..", "meson-logs", NULL);

  if (dir == NULL)
    dir = g_file_test (logs, G_FILE_TEST_IS_DIR) ? logs : g_test_get_dir (G_TEST_BUILT);
  return g_build_filename (dir, name, NULL);
}

/* Renders @widget (a window, a dialog) as it is on screen to a PNG kept
 * with the test logs. */
static void
save_screenshot (gpointer    widget,
                 const char *name)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = screenshot_path (name);
  GskRenderer *renderer;
  int width, height;

  syn_test_wait_frames (widget, 5);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_cmpint (gdk_texture_get_width (texture), ==, width);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Screenshot: %s (%d×%d)", path, width, height);
}

/* Tests */

static guint
n_sample_texts (void)
{
  g_auto(GStrv) names = g_resources_enumerate_children ("/io/github/synopsis_app/Synopsis/samples/",
                                                        G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

  g_assert_nonnull (names);
  return g_strv_length (names);
}

static void
test_sample (Fixture       *fixture,
             gconstpointer  data)
{
  SynWindow *window = new_window ();
  guint n = n_sample_texts ();
  g_autofree char *subtitle = g_strdup_printf ("Sample comparison, %u sources", n);
  g_autofree char *text = NULL;

  g_assert_cmpuint (n, >=, 3);
  syn_window_show_sample (window);
  wait_for_columns (window, n);

  g_assert_cmpstr (window_subtitle (window), ==, subtitle);
  g_assert_true (syn_window_is_disposable (window));
  text = visible_text (GTK_WIDGET (window));
  g_assert_nonnull (strstr (text, "sample-1.txt"));
  g_assert_nonnull (strstr (text, "Harbourton"));
}

static void
test_bad_file_named (Fixture       *fixture,
                     gconstpointer  data)
{
  SynWindow *window = new_window ();
  GFile *files[2];

  files[0] = write_file (fixture, "good.txt", story_a, -1);
  files[1] = write_file (fixture, "photo.bin", "GIF89a\0\0\1\0\0\0binary", 19);

  syn_window_open_files (window, files, 2);
  wait_for_columns (window, 1);
  /* The loader's reason, naming the file. */
  wait_for_text (GTK_WIDGET (window), "“photo.bin”");
  g_assert_false (syn_window_is_disposable (window));

  g_object_unref (files[0]);
  g_object_unref (files[1]);
}

/* A file read as Windows-1252 and a file that cannot be read: both are
 * said at once, neither notice waiting behind the other. */
static void
test_notices_together (Fixture       *fixture,
                       gconstpointer  data)
{
  SynWindow *window = new_window ();
  GFile *files[3];

  files[0] = write_file (fixture, "a.txt", story_a, -1);
  /* "café" in Windows-1252: not UTF-8 */
  files[1] = write_file (fixture, "legacy.txt",
                         "Bridge reopens after repairs\n\nThe Elm Street bridge reopened on Monday, "
                         "the caf\xe9 owners said.\n", -1);
  files[2] = write_file (fixture, "photo.bin", "GIF89a\0\0\1\0\0\0binary", 19);

  syn_window_open_files (window, files, G_N_ELEMENTS (files));
  wait_for_columns (window, 2);
  wait_for_text (GTK_WIDGET (window), "“photo.bin”");
  wait_for_text (GTK_WIDGET (window), "“legacy.txt” is not UTF-8: it was read as Windows-1252");
  g_assert_true (shows_text (&(ShowsText) { GTK_WIDGET (window), "“photo.bin”" }));

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    g_object_unref (files[i]);
}

static void
test_bad_files_named (Fixture       *fixture,
                      gconstpointer  data)
{
  SynWindow *window = new_window ();
  g_autofree char *subdir = g_build_filename (fixture->dir, "a folder", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "gone.txt", NULL);
  GFile *files[5];
  GtkWindow *dialog = NULL;
  g_autofree char *details = NULL;

  g_mkdir (subdir, 0700);
  files[0] = write_file (fixture, "a.txt", story_a, -1);
  files[1] = write_file (fixture, "b.txt", story_b, -1);
  files[2] = write_file (fixture, "notes.bin", "\x7f" "ELF\0\0\0\0", 8);
  files[3] = g_file_new_for_path (subdir);
  files[4] = g_file_new_for_path (missing);

  syn_window_open_files (window, files, G_N_ELEMENTS (files));
  wait_for_columns (window, 2);
  wait_for_text (GTK_WIDGET (window), "“notes.bin”, “a folder” and “gone.txt” could not be opened");

  /* Details give each reason. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-failures", NULL);
  spin (100);
#if !ADW_CHECK_VERSION (1, 5, 0)
  for (GList *l = gtk_window_list_toplevels (); l != NULL; l = g_list_delete_link (l, l))
    if (ADW_IS_MESSAGE_DIALOG (l->data))
      dialog = l->data;
  g_assert_nonnull (dialog);
  details = g_strdup (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)));
  gtk_window_destroy (dialog);
#else
  (void) dialog;
  details = visible_text (GTK_WIDGET (window));
#endif
  g_assert_nonnull (strstr (details, "“notes.bin”"));
  g_assert_nonnull (strstr (details, "“a folder”"));
  g_assert_nonnull (strstr (details, "“gone.txt”"));

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    g_object_unref (files[i]);
}

static void
test_nothing_readable (Fixture       *fixture,
                       gconstpointer  data)
{
  SynWindow *window = new_window ();
  g_autofree char *missing = g_build_filename (fixture->dir, "nowhere.txt", NULL);
  GFile *files[2];

  files[0] = write_file (fixture, "image.bin", "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
  files[1] = g_file_new_for_path (missing);

  syn_window_open_files (window, files, 2);
  /* No empty comparison: a page that says why. */
  wait_for_text (GTK_WIDGET (window), "Nothing Could Be Opened");
  wait_for_text (GTK_WIDGET (window), "“image.bin”");
  wait_for_text (GTK_WIDGET (window), "“nowhere.txt”");
  g_assert_cmpuint (count_columns (window), ==, 0);

  g_object_unref (files[0]);
  g_object_unref (files[1]);
}

static gboolean
unit_is_line (gpointer data)
{
  SynComparison *comparison = data;

  return syn_comparison_get_segment_unit (comparison) == SYN_SEGMENT_LINE &&
         !syn_comparison_get_busy (comparison);
}

static void
test_segment_unit (Fixture       *fixture,
                   gconstpointer  data)
{
  SynWindow *window = new_window ();
  GSettings *settings = syn_application_get_settings (app);
  g_autoptr(GVariant) state = NULL;
  g_autofree char *unit = NULL;

  syn_window_show_sample (window);
  wait_for_columns (window, n_sample_texts ());

  g_action_group_activate_action (G_ACTION_GROUP (app), "segment-unit", g_variant_new_string ("line"));
  unit = g_settings_get_string (settings, "segment-unit");
  g_assert_cmpstr (unit, ==, "line");
  state = g_action_group_get_action_state (G_ACTION_GROUP (app), "segment-unit");
  g_assert_cmpstr (g_variant_get_string (state, NULL), ==, "line");
  /* The open comparison re-aligns by lines. */
  syn_test_wait_until (unit_is_line, syn_window_get_comparison (window), "the comparison to use lines");

  g_settings_reset (settings, "segment-unit");
}

static gboolean
is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static void
test_finalized_after_close (Fixture       *fixture,
                            gconstpointer  data)
{
  SynWindow *window = new_window ();
  GFile *files[2];

  files[0] = write_file (fixture, "a.txt", story_a, -1);
  files[1] = write_file (fixture, "b.txt", story_b, -1);

  syn_window_show_sample (window);
  wait_for_columns (window, n_sample_texts ());
  /* Closed while a load is under way: it is cancelled, nothing leaks. */
  syn_window_open_files (window, files, 2);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_destroy (GTK_WINDOW (window));
  syn_test_wait_until (is_null, &window, "the window to be finalized");

  g_object_unref (files[0]);
  g_object_unref (files[1]);
}

static gboolean
comparison_idle (gpointer data)
{
  return !syn_comparison_get_busy (data);
}

static void
test_changed_on_disk (Fixture       *fixture,
                      gconstpointer  data)
{
  SynWindow *window = new_window ();
  SynComparison *comparison = syn_window_get_comparison (window);
  g_autoptr(SynArticle) first = NULL;
  GFile *files[3];
  gsize len;

  files[0] = write_file (fixture, "first.txt", story_a, -1);
  files[1] = write_file (fixture, "second.txt", story_b, -1);
  files[2] = write_file (fixture, "third.txt", story_c, -1);
  syn_window_open_files (window, files, 3);
  wait_for_columns (window, 3);

  /* Changed: a banner names it and offers to reload. */
  g_object_unref (write_file (fixture, "first.txt", story_c, -1));
  wait_for_text (GTK_WIDGET (window), "“first.txt” changed on disk");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.reload", NULL);
  syn_test_wait_until (comparison_idle, comparison, "the reload");
  spin (50);
  syn_test_wait_until (comparison_idle, comparison, "the reload");
  first = g_list_model_get_item (syn_comparison_get_articles (comparison), 0);
  g_assert_cmpstr (syn_article_get_text (first, &len), ==, story_c);
  wait_for_no_text (GTK_WIDGET (window), "changed on disk");

  /* Deleted: its text stays, and the banner says so. */
  g_file_delete (files[1], NULL, NULL);
  wait_for_text (GTK_WIDGET (window), "“second.txt” was deleted or moved");
  g_assert_cmpuint (count_columns (window), ==, 3);

  /* Both at once: both are named. */
  g_object_unref (write_file (fixture, "third.txt", story_a, -1));
  wait_for_text (GTK_WIDGET (window), "“third.txt” changed on disk; “second.txt” was deleted or moved");

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    g_object_unref (files[i]);
}

static void
test_export (Fixture       *fixture,
             gconstpointer  data)
{
  SynWindow *window = new_window ();
  g_autofree char *json_path = g_build_filename (fixture->dir, "out.json", NULL);
  g_autofree char *text_path = g_build_filename (fixture->dir, "out.txt", NULL);
  g_autoptr(GFile) json = g_file_new_for_path (json_path);
  g_autoptr(GFile) text = g_file_new_for_path (text_path);
  g_autofree char *contents = NULL;
  GFile *files[2];

  files[0] = write_file (fixture, "a.txt", story_a, -1);
  files[1] = write_file (fixture, "b.txt", story_b, -1);
  syn_window_open_files (window, files, 2);
  wait_for_columns (window, 2);

  syn_window_export_to (window, json);
  wait_for_text (GTK_WIDGET (window), "Exported to “out.json”");
  g_assert_true (g_file_get_contents (json_path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "\"synopsis-comparison\""));
  g_clear_pointer (&contents, g_free);

  syn_window_export_to (window, text);
  wait_for_text (GTK_WIDGET (window), "Exported to “out.txt”");
  g_assert_true (g_file_get_contents (text_path, &contents, NULL, NULL));
  g_assert_null (strstr (contents, "\"synopsis-comparison\""));
  g_assert_nonnull (strstr (contents, "Elm Street"));
  g_clear_pointer (&contents, g_free);

  /* Never over a compared file. */
  syn_window_export_to (window, files[1]);
  wait_for_text (GTK_WIDGET (window), "“b.txt” is one of the compared files");
  spin (200);
  g_assert_true (g_file_load_contents (files[1], NULL, &contents, NULL, NULL, NULL));
  g_assert_cmpstr (contents, ==, story_b);

  g_object_unref (files[0]);
  g_object_unref (files[1]);
}

/* Export → Report: a file named .html gets the report. */
static void
test_export_report (Fixture       *fixture,
                    gconstpointer  data)
{
  SynWindow *window = new_window ();
  g_autofree char *path = g_build_filename (fixture->dir, "report.html", NULL);
  g_autoptr(GFile) report = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  GFile *files[2];

  files[0] = write_file (fixture, "a.txt", story_a, -1);
  files[1] = write_file (fixture, "b.txt", story_b, -1);
  syn_window_open_files (window, files, 2);
  wait_for_columns (window, 2);

  syn_window_export_to (window, report);
  wait_for_text (GTK_WIDGET (window), "Exported to “report.html”");
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "<!DOCTYPE html>"));
  g_assert_nonnull (strstr (contents, "class=\"synoptic\""));
  g_assert_nonnull (strstr (contents, "[1]\xc2\xa0" "a.txt"));
  g_assert_nonnull (strstr (contents, "[2]\xc2\xa0" "b.txt"));
  g_object_unref (files[0]);
  g_object_unref (files[1]);
}

/* Runs a poppler tool; its standard output, or NULL when it is missing. */
static char *
run_poppler (const char * const *argv)
{
  g_autofree char *program = g_find_program_in_path (argv[0]);
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  if (program == NULL)
    return NULL;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* @n sources, long enough for several pages. */
static GFile **
write_long_sources (Fixture *fixture,
                    guint    n)
{
  GFile **files = g_new0 (GFile *, n + 1);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GString) text = g_string_new ("Inquiry into the harbour wall repairs\n\n");
      g_autofree char *name = g_strdup_printf ("Harbour Gazette %u.txt", i + 1);

      for (guint k = 0; k < 60; k++)
        g_string_append_printf (text, "Item %u of the inquiry finds that the %s council paid %u pounds "
                                "for work on section %u of the wall. ",
                                k + 1, k % 4 == 0 ? "district" : "harbour",
                                k % 7 == 3 && i == 2 ? 9999 : 100 * (k + 1), k + 1);
      g_string_append_printf (text, "\n\nOnly version %u ends with this remark about the weather.\n", i + 1);
      files[i] = write_file (fixture, name, text->str, -1);
    }
  return files;
}

/* Print → Print to File: a landscape PDF, one column per source, every
 * page headed by the sources' names; @data is how many sources (more than
 * four: the compact table). */
static void
test_print_to_pdf (Fixture       *fixture,
                   gconstpointer  data)
{
  const guint n = GPOINTER_TO_UINT (data);
  SynWindow *window = new_window ();
  g_autofree char *base = g_strdup_printf ("print-%u-sources", n);
  g_autofree char *pdf_name = g_strconcat (base, ".pdf", NULL);
  g_autofree char *pdf = screenshot_path (pdf_name);
  g_autofree char *png_root = screenshot_path (base);
  g_autofree GFile **files = write_long_sources (fixture, n);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_auto(GStrv) accels = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *info = NULL;
  gsize len = 0;
  int n_pages = 0;

  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.print");
  g_assert_true (g_strv_contains ((const char * const *) accels, "<Control>p"));

  syn_window_open_files (window, files, n);
  wait_for_columns (window, n);

  g_remove (pdf);
  operation = syn_print_operation_new (syn_window_get_comparison (window));
  g_assert_nonnull (operation);
  gtk_print_operation_set_export_filename (operation, pdf);
  g_assert_cmpint (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT,
                                            GTK_WINDOW (window), &error), ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
  g_object_get (operation, "n-pages", &n_pages, NULL);
  g_assert_cmpint (n_pages, >, 1);

  g_assert_true (g_file_get_contents (pdf, &contents, &len, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_test_message ("printed: %s, %d pages, %" G_GSIZE_FORMAT " bytes", pdf, n_pages, len);

  info = run_poppler ((const char *[]) { "pdfinfo", pdf, NULL });
  if (info == NULL)
    {
      g_test_message ("poppler-utils missing: pages and text not checked");
      return;
    }
  {
    g_auto(GStrv) lines = g_strsplit (info, "\n", -1);
    int width = 0, height = 0, pages = 0;

    for (guint i = 0; lines[i] != NULL; i++)
      {
        sscanf (lines[i], "Pages: %d", &pages);
        sscanf (lines[i], "Page size: %d x %d", &width, &height);
      }
    g_assert_cmpint (pages, ==, n_pages);
    /* Landscape: wider than tall. */
    g_assert_cmpint (width, >, height);
  }
  for (int page = 1; page <= n_pages; page++)
    {
      g_autofree char *number = g_strdup_printf ("%d", page);
      g_autofree char *text = run_poppler ((const char *[]) { "pdftotext", "-f", number, "-l", number,
                                                              "-layout", pdf, "-", NULL });
      g_autofree char *page_of = g_strdup_printf ("Page %d of %d", page, n_pages);

      g_assert_nonnull (strstr (text, page_of));
      for (guint i = 0; i < n; i++)
        {
          g_autofree char *name = g_strdup_printf ("Gazette %u", i + 1);
          g_assert_nonnull (strstr (text, name));
        }
    }
  {
    g_autofree char *text = run_poppler ((const char *[]) { "pdftotext", "-layout", pdf, "-", NULL });
    g_autofree char *pngs = NULL;

    g_assert_nonnull (strstr (text, n > 2 ? "9999" : "Only version 2 ends"));
    g_assert_nonnull (strstr (text, n == 5 ? "Only version 5 ends" : "Only version 1 ends"));
    /* For people to look at, beside the test logs: print-1.png, … */
    pngs = run_poppler ((const char *[]) { "pdftoppm", "-png", "-r", "60", pdf, png_root, NULL });
  }
  for (guint i = 0; i < n; i++)
    g_object_unref (files[i]);
}

static gboolean
is_saved_comparison (gpointer data)
{
  return syn_saved_sniff_file (G_FILE (data), NULL);
}

static gboolean
is_unmodified (gpointer data)
{
  return !syn_comparison_get_modified (data);
}

/* Save, then Ctrl+S again to the same file without asking; the saved
 * comparison is remembered as itself, reopens in a window with the texts
 * it saved once the files are gone, and says which files changed since;
 * Reload reads the one still there (the other keeps its text). */
static void
test_save_and_reopen (Fixture       *fixture,
                      gconstpointer  data)
{
  SynWindow *window = new_window ();
  SynWindow *reopened;
  GSettings *settings = syn_application_get_settings (app);
  g_autofree char *saved_path = g_build_filename (fixture->dir, "story.synopsis", NULL);
  g_autoptr(GFile) saved = g_file_new_for_path (saved_path);
  g_autofree char *saved_uri = g_file_get_uri (saved);
  g_autoptr(GVariant) recent = NULL;
  g_autoptr(GVariant) latest = NULL;
  g_autoptr(GString) export_before = NULL;
  g_autoptr(GString) export_after = NULL;
  g_autofree const char **uris = NULL;
  GFile *files[2];

  g_settings_reset (settings, "recent-comparisons");
  files[0] = write_file (fixture, "a.txt", story_a, -1);
  files[1] = write_file (fixture, "b.txt", story_b, -1);
  syn_window_open_files (window, files, 2);
  wait_for_columns (window, 2);

  syn_window_save_to (window, saved);
  wait_for_text (GTK_WIDGET (window), "Saved as “story.synopsis”");
  save_screenshot (window, "window-saved.png");
  export_before = syn_comparison_export (syn_window_get_comparison (window), SYN_EXPORT_JSON);
  g_assert_true (g_file_equal (syn_comparison_get_file (syn_window_get_comparison (window)), saved));

  /* Save again: to the same file, no dialog. */
  g_assert_true (g_file_replace_contents (saved, "x", 1, NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  syn_test_wait_until (is_saved_comparison, saved, "the comparison to be saved again");

  recent = g_settings_get_value (settings, "recent-comparisons");
  latest = g_variant_get_child_value (recent, 0);
  uris = g_variant_get_strv (latest, NULL);
  g_assert_cmpuint (g_strv_length ((char **) uris), ==, 1);
  g_assert_cmpstr (uris[0], ==, saved_uri);

  /* The sources go away, one changes its mind first: the saved texts open. */
  g_assert_true (g_file_delete (files[1], NULL, NULL));
  g_object_unref (write_file (fixture, "a.txt", story_c, -1));
  gtk_widget_activate_action_variant (GTK_WIDGET (window), "win.open-recent", latest);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 2);
  reopened = SYN_WINDOW (gtk_application_get_windows (GTK_APPLICATION (app))->data);
  wait_for_columns (reopened, 2);
  wait_for_text (GTK_WIDGET (reopened), "Elm Street");
  wait_for_text (GTK_WIDGET (reopened), "“a.txt” changed since the comparison was saved");
  wait_for_text (GTK_WIDGET (reopened), "“b.txt” was deleted or moved");
  save_screenshot (reopened, "window-reopened.png");
  export_after = syn_comparison_export (syn_window_get_comparison (reopened), SYN_EXPORT_JSON);
  g_assert_cmpstr (export_after->str, ==, export_before->str);
  g_assert_false (syn_comparison_get_modified (syn_window_get_comparison (reopened)));

  /* Reload rather than keep the saved text: the file as it is now, which
   * the saved comparison does not hold, so there is something to save */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (reopened), "win.reload", NULL));
  wait_for_text (GTK_WIDGET (reopened), "Bridge back in service");
  g_assert_true (syn_comparison_get_modified (syn_window_get_comparison (reopened)));
  /* saved with the new text, it closes without asking */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (reopened), "win.save", NULL));
  syn_test_wait_until (is_unmodified, syn_window_get_comparison (reopened), "the reloaded comparison to be saved");

  g_object_unref (files[0]);
  g_object_unref (files[1]);
}

/* A damaged saved comparison is named with the reason, and never over a
 * compared file. */
static void
test_save_refusals (Fixture       *fixture,
                    gconstpointer  data)
{
  SynWindow *window = new_window ();
  g_autofree char *contents = NULL;
  GFile *files[2];
  GFile *damaged;

  files[0] = write_file (fixture, "a.txt", story_a, -1);
  files[1] = write_file (fixture, "b.txt", story_b, -1);
  syn_window_open_files (window, files, 2);
  wait_for_columns (window, 2);

  syn_window_save_to (window, files[0]);
  wait_for_text (GTK_WIDGET (window), "“a.txt” is one of the compared files");
  spin (200);
  g_assert_true (g_file_load_contents (files[0], NULL, &contents, NULL, NULL, NULL));
  g_assert_cmpstr (contents, ==, story_a);

  damaged = write_file (fixture, "cut.synopsis", "{\n  \"format\" : \"synopsis-saved-comparison\",\n  \"vers", -1);
  syn_window_add_files (window, &damaged, 1);
  wait_for_text (GTK_WIDGET (window), "“cut.synopsis” is a damaged saved comparison");
  g_assert_cmpuint (count_columns (window), ==, 2);

  g_object_unref (damaged);
  g_object_unref (files[0]);
  g_object_unref (files[1]);
}

static GtkDropTarget *
find_drop_target (SynWindow *window)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        return GTK_DROP_TARGET (controller);
    }
  return NULL;
}

static void
drop_files (SynWindow *window,
            GFile     *a,
            GFile     *b)
{
  GtkDropTarget *target = find_drop_target (window);
  /* The boxed GdkFileList owns its files. */
  GSList *list = g_slist_append (g_slist_append (NULL, g_object_ref (a)), g_object_ref (b));
  GValue value = G_VALUE_INIT;
  gboolean handled = FALSE;

  g_assert_nonnull (target);
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, list);
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &handled);
  g_assert_true (handled);
  g_value_unset (&value);
}

static void
drag_enter (SynWindow *window)
{
  GdkDragAction action = 0;

  g_signal_emit_by_name (find_drop_target (window), "enter", 10.0, 10.0, &action);
  g_assert_cmpint (action, ==, GDK_ACTION_COPY);
}

/* A saved comparison dropped on the sample, with another file: its sources
 * open beside the file's, with the texts it saved. */
static void
test_drop_saved (Fixture       *fixture,
                 gconstpointer  data)
{
  SynWindow *window = new_window ();
  g_autoptr(SynComparison) before = syn_comparison_new ();
  g_autofree char *saved_path = g_build_filename (fixture->dir, "pair.synopsis", NULL);
  g_autoptr(GBytes) bytes = NULL;
  const char * const names[] = { "a.txt", "b.txt" };
  const char * const texts[] = { story_a, story_b };
  GFile *saved, *extra;

  g_assert_true (syn_comparison_load_texts (before, names, texts, 2, NULL));
  bytes = syn_comparison_save_to_bytes (before);
  saved = write_file (fixture, "pair.synopsis", g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes));
  extra = write_file (fixture, "c.txt", story_c, -1);

  syn_window_show_sample (window);
  wait_for_columns (window, n_sample_texts ());
  drop_files (window, saved, extra);
  wait_for_columns (window, 3);
  g_assert_cmpstr (window_subtitle (window), ==, "3 sources");
  wait_for_text (GTK_WIDGET (window), "Elm Street");
  wait_for_text (GTK_WIDGET (window), "c.txt");

  g_object_unref (saved);
  g_object_unref (extra);
}

static void
test_drop (Fixture       *fixture,
           gconstpointer  data)
{
  SynWindow *window = new_window ();
  GFile *files[4];

  files[0] = write_file (fixture, "a.txt", story_a, -1);
  files[1] = write_file (fixture, "b.txt", story_b, -1);
  files[2] = write_file (fixture, "c.txt", story_c, -1);
  files[3] = write_file (fixture, "d.txt", story_a, -1);

  syn_window_show_sample (window);
  wait_for_columns (window, n_sample_texts ());
  /* While dragging, the window says what a drop will do. */
  drag_enter (window);
  wait_for_text (GTK_WIDGET (window), "Drop the files or links to compare them");
  /* Onto the sample: a new comparison of the dropped files. */
  drop_files (window, files[0], files[1]);
  wait_for_columns (window, 2);
  g_assert_cmpstr (window_subtitle (window), ==, "2 sources");
  /* Onto a comparison: added to it. */
  drag_enter (window);
  wait_for_text (GTK_WIDGET (window), "Drop the files or links to add them to this comparison");
  save_screenshot (window, "window-drop.png");
  drop_files (window, files[2], files[3]);
  wait_for_columns (window, 4);
  g_assert_cmpstr (window_subtitle (window), ==, "4 sources");

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    g_object_unref (files[i]);
}

static void
test_remove_and_recent (Fixture       *fixture,
                        gconstpointer  data)
{
  SynWindow *window = new_window ();
  GSettings *settings = syn_application_get_settings (app);
  g_autoptr(GVariant) recent = NULL;
  g_autoptr(GVariant) first = NULL;
  GFile *files[3];

  g_settings_reset (settings, "recent-comparisons");
  files[0] = write_file (fixture, "a.txt", story_a, -1);
  files[1] = write_file (fixture, "b.txt", story_b, -1);
  files[2] = write_file (fixture, "c.txt", story_c, -1);
  syn_window_open_files (window, files, 3);
  wait_for_columns (window, 3);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.remove-source", "u", 1);
  wait_for_columns (window, 2);
  wait_for_text (GTK_WIDGET (window), "c.txt");
  g_assert_cmpstr (window_subtitle (window), ==, "2 sources");

  /* The files are among the desktop's recent files... */
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *uri = g_file_get_uri (files[i]);

      g_assert_true (gtk_recent_manager_has_item (gtk_recent_manager_get_default (), uri));
    }
  /* ...and both sets are remembered, the latest first, and reopen. */
  recent = g_settings_get_value (settings, "recent-comparisons");
  g_assert_cmpuint (g_variant_n_children (recent), ==, 2);
  first = g_variant_get_child_value (recent, 1);
  g_assert_cmpuint (g_variant_n_children (first), ==, 3);
  gtk_widget_activate_action_variant (GTK_WIDGET (window), "win.open-recent", first);
  /* The window shows the user's files, so the set opens in a new window. */
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 2);
  wait_for_columns (SYN_WINDOW (gtk_application_get_windows (GTK_APPLICATION (app))->data), 3);

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    g_object_unref (files[i]);
}

/* The menu's filters are the view's, and the choice is remembered. */
static void
test_filters (Fixture       *fixture,
              gconstpointer  data)
{
  GSettings *settings = syn_application_get_settings (app);
  SynWindow *window = new_window ();
  GObject *view = G_OBJECT (syn_window_get_view (window));
  g_autoptr(GVariant) state = NULL;
  gboolean value;

  syn_window_show_sample (window);
  wait_for_columns (window, n_sample_texts ());

  g_action_group_activate_action (G_ACTION_GROUP (window), "divergent-only", NULL);
  g_object_get (view, "divergent-only", &value, NULL);
  g_assert_true (value);
  g_assert_true (g_settings_get_boolean (settings, "divergent-only"));
  state = g_action_group_get_action_state (G_ACTION_GROUP (window), "divergent-only");
  g_assert_true (g_variant_get_boolean (state));

  g_action_group_activate_action (G_ACTION_GROUP (window), "show-boilerplate", NULL);
  g_object_get (view, "show-boilerplate", &value, NULL);
  g_assert_false (value);
  g_assert_false (g_settings_get_boolean (settings, "show-boilerplate"));

  g_action_group_activate_action (G_ACTION_GROUP (window), "unique-only", NULL);
  g_object_get (view, "unique-only", &value, NULL);
  g_assert_true (value);

  g_settings_reset (settings, "divergent-only");
  g_settings_reset (settings, "show-boilerplate");
}

static GtkWidget *
find_action_button (GtkWidget  *widget,
                    const char *action_name)
{
  if (GTK_IS_ACTIONABLE (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_action_button (child, action_name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_unlocked (gpointer data)
{
  return !syn_comparison_view_get_scroll_together (data);
}

/* The header bar's toggle unlocks the columns, and the next window
 * remembers it. */
static void
test_scroll_together_kept (Fixture       *fixture,
                           gconstpointer  data)
{
  GSettings *settings = syn_application_get_settings (app);
  SynWindow *window = new_window (), *next;
  GtkWidget *button = find_action_button (GTK_WIDGET (window), "win.scroll-together");

  syn_window_show_sample (window);
  wait_for_columns (window, n_sample_texts ());
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_mapped (button));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "Scroll Columns Together");
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)));
  g_assert_true (syn_comparison_view_get_scroll_together (SYN_COMPARISON_VIEW (syn_window_get_view (window))));

  /* What a click on the toggle does (a button activated shows itself
   * pressed for a moment first). */
  g_assert_true (gtk_widget_activate (button));
  syn_test_wait_until (is_unlocked, syn_window_get_view (window), "the columns to be unlocked");
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)));
  g_assert_false (syn_comparison_view_get_scroll_together (SYN_COMPARISON_VIEW (syn_window_get_view (window))));
  g_assert_false (g_settings_get_boolean (settings, "scroll-together"));

  next = new_window ();
  g_assert_false (syn_comparison_view_get_scroll_together (SYN_COMPARISON_VIEW (syn_window_get_view (next))));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (find_action_button (GTK_WIDGET (next),
                                                                                       "win.scroll-together"))));
  g_settings_reset (settings, "scroll-together");
}

/* The size the user gives a window is what the next one opens with. */
static void
test_size_kept (Fixture       *fixture,
                gconstpointer  data)
{
  GSettings *settings = syn_application_get_settings (app);
  SynWindow *window = new_window ();
  SynWindow *second;
  int width, height;

  gtk_window_set_default_size (GTK_WINDOW (window), 1010, 710);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1010);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 710);

  second = syn_window_new (app);
  gtk_window_get_default_size (GTK_WINDOW (second), &width, &height);
  g_assert_cmpint (width, ==, 1010);
  g_assert_cmpint (height, ==, 710);
  /* One window's size does not change the other's. */
  gtk_window_set_default_size (GTK_WINDOW (second), 900, 650);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 1010);

  gtk_window_destroy (GTK_WINDOW (second));
  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
}

/* The first window ever (no size kept yet) uses the screen: 1400×900 where
 * that fits with room for panels, less on a smaller screen. */
static void
test_first_size (Fixture       *fixture,
                 gconstpointer  data)
{
  GSettings *settings = syn_application_get_settings (app);
  GListModel *monitors = gdk_display_get_monitors (gdk_display_get_default ());
  g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, 0);
  GdkRectangle geometry;
  g_autoptr(GVariant) user_width = NULL;
  SynWindow *window;
  int width, height;

  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
  window = syn_window_new (app);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  gdk_monitor_get_geometry (monitor, &geometry);
  g_assert_cmpint (width, ==, MIN (1400, geometry.width - 64));
  g_assert_cmpint (height, ==, MIN (900, geometry.height - 96));
  g_assert_cmpint (width, <=, geometry.width);
  g_assert_cmpint (height, <=, geometry.height);
  /* Not written until the user sizes the window; kept from then on. */
  user_width = g_settings_get_user_value (settings, "window-width");
  g_assert_null (user_width);
  gtk_window_set_default_size (GTK_WINDOW (window), width - 10, height);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, width - 10);

  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
}

static void
test_application_reuses_sample (Fixture       *fixture,
                                gconstpointer  data)
{
  SynWindow *window = new_window ();
  GFile *files[2];

  files[0] = write_file (fixture, "a.txt", story_a, -1);
  files[1] = write_file (fixture, "b.txt", story_b, -1);
  syn_window_show_sample (window);
  wait_for_columns (window, n_sample_texts ());

  /* The untouched sample gives way to the files... */
  g_assert_true (syn_application_open_files (app, files, 2) == window);
  wait_for_columns (window, 2);
  /* ...which are not replaced by the next ones. */
  g_assert_true (syn_application_open_files (app, files, 1) != window);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 2);

  g_object_unref (files[0]);
  g_object_unref (files[1]);
}

static void
test_cancel_loading (Fixture       *fixture,
                     gconstpointer  data)
{
  SynWindow *window = new_window ();
  guint n = n_sample_texts ();
  GFile *files[2];

  files[0] = write_file (fixture, "a.txt", story_a, -1);
  files[1] = write_file (fixture, "b.txt", story_b, -1);
  syn_window_show_sample (window);
  wait_for_columns (window, n);

  syn_window_open_files (window, files, 2);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.cancel-loading", NULL);
  syn_test_wait_until (comparison_idle, syn_window_get_comparison (window), "the cancelled load");
  spin (200);
  /* What was shown stays. */
  g_assert_cmpuint (count_columns (window), ==, n);
  g_assert_true (syn_window_is_disposable (window));

  /* And the window still opens files afterwards. */
  syn_window_open_files (window, files, 2);
  wait_for_columns (window, 2);

  g_object_unref (files[0]);
  g_object_unref (files[1]);
}

static GMenuModel *
find_submenu (GMenuModel *menu,
              const char *label)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *item_label = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);
      GMenuModel *found;

      if (section != NULL && (found = find_submenu (section, label)) != NULL)
        return found;
      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &item_label) &&
          g_str_equal (item_label, label))
        return g_menu_model_get_item_link (menu, i, G_MENU_LINK_SUBMENU);
    }
  return NULL;
}

static GMenuModel *
primary_menu (SynWindow *window)
{
  GtkWidget *w = GTK_WIDGET (window);

  /* The header bar's primary menu button. */
  while (w != NULL)
    {
      if (GTK_IS_MENU_BUTTON (w) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (w)))
        return gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (w));
      if (gtk_widget_get_first_child (w) != NULL)
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != NULL && gtk_widget_get_next_sibling (w) == NULL)
            w = gtk_widget_get_parent (w);
          if (w != NULL)
            w = gtk_widget_get_next_sibling (w);
        }
    }
  return NULL;
}

/* "Remove Source" lists the sources by name; an underscore in a name is
 * shown, not taken for a mnemonic. */
static void
test_remove_menu (Fixture       *fixture,
                  gconstpointer  data)
{
  SynWindow *window = new_window ();
  g_autoptr(GMenuModel) remove = NULL;
  g_autofree char *label = NULL;
  g_autofree char *action = NULL;
  GMenuModel *menu;
  GFile *files[2];

  files[0] = write_file (fixture, "first_version.txt", story_a, -1);
  files[1] = write_file (fixture, "second.txt", story_b, -1);
  syn_window_open_files (window, files, 2);
  wait_for_columns (window, 2);

  menu = primary_menu (window);
  g_assert_nonnull (menu);
  remove = find_submenu (menu, "_Remove Source");
  g_assert_nonnull (remove);
  g_assert_cmpint (g_menu_model_get_n_items (remove), ==, 1);
  {
    g_autoptr(GMenuModel) section = g_menu_model_get_item_link (remove, 0, G_MENU_LINK_SECTION);

    g_assert_cmpint (g_menu_model_get_n_items (section), ==, 2);
    g_assert_true (g_menu_model_get_item_attribute (section, 0, G_MENU_ATTRIBUTE_LABEL, "s", &label));
    g_assert_cmpstr (label, ==, "first__version.txt");
    g_assert_true (g_menu_model_get_item_attribute (section, 0, G_MENU_ATTRIBUTE_ACTION, "s", &action));
    g_assert_cmpstr (action, ==, "win.remove-source");
  }

  g_object_unref (files[0]);
  g_object_unref (files[1]);
}

/* Between two dispatches of a 10 ms timer: how long the main loop was
 * busy elsewhere (layout, drawing, installing a comparison). */
typedef struct {
  gint64 last;
  gint64 longest;
} Stall;

static gboolean
stall_tick_cb (gpointer data)
{
  Stall *stall = data;
  gint64 now = g_get_monotonic_time ();

  if (stall->last > 0)
    stall->longest = MAX (stall->longest, now - stall->last);
  stall->last = now;
  return G_SOURCE_CONTINUE;
}

static void
test_many_sources (Fixture       *fixture,
                   gconstpointer  data)
{
  SynWindow *window = new_window ();
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  Stall stall = { 0 };
  guint id;
  gint64 start;

  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *name = g_strdup_printf ("version-%03u.txt", i);
      g_autofree char *text = g_strdup_printf ("%s\nVersion %u adds its own sentence number %u.\n",
                                               i % 3 == 0 ? story_a : i % 3 == 1 ? story_b : story_c,
                                               i, i * 7);

      g_ptr_array_add (files, write_file (fixture, name, text, -1));
    }

  id = g_timeout_add (10, stall_tick_cb, &stall);
  start = g_get_monotonic_time ();
  syn_window_open_files (window, (GFile **) files->pdata, files->len);
  /* While it loads, the window answers: the loading page is drawn. */
  syn_test_wait_frames (window, 3);
  /* "Reading 200 sources…" while it loads, then "200 sources". */
  wait_for_no_text (GTK_WIDGET (window), "Reading");
  wait_for_text (GTK_WIDGET (window), "200 sources");
  syn_test_wait_frames (window, 3);
  g_source_remove (id);

  g_test_message ("200 sources: %.2f s to the comparison; longest main loop stall %.0f ms",
                  (g_get_monotonic_time () - start) / 1e6, stall.longest / 1e3);
  g_assert_cmpuint (g_list_model_get_n_items (syn_comparison_get_articles (syn_window_get_comparison (window))),
                    ==, 200);
  /* A frozen window stalls for seconds; installing 200 columns at once
   * takes a moment, not that (longer under AddressSanitizer). */
  g_assert_cmpfloat (stall.longest, <, 2 * G_USEC_PER_SEC * syn_test_slowdown ());
}

static void
test_screenshot (Fixture       *fixture,
                 gconstpointer  data)
{
  SynWindow *window = new_window ();

  gtk_window_set_default_size (GTK_WINDOW (window), 1600, 1000);
  syn_window_show_sample (window);
  wait_for_columns (window, n_sample_texts ());
  save_screenshot (window, "window-sample.png");
}

/* Sources from the web and the clipboard */

/* A news page of our own, as a browser puts it on the clipboard. */
static const char herald_page[] =
  "<!DOCTYPE html>\n"
  "<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
  "<title>Elm Street bridge reopens | The Harbourton Herald</title>\n"
  "<meta property=\"og:site_name\" content=\"The Harbourton Herald\">\n"
  "<meta property=\"og:title\" content=\"Elm Street bridge reopens after repairs\">\n"
  "<meta property=\"article:published_time\" content=\"2026-03-02T08:30:00Z\">\n"
  "</head><body>\n"
  "<nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/news\">News</a></li>"
  "<li><a href=\"/sport\">Sport</a></li></ul></nav>\n"
  "<article>\n"
  "<h1>Elm Street bridge reopens after repairs</h1>\n"
  "<p>The Elm Street bridge reopened on Monday after six weeks of repairs, the city said in a statement.</p>\n"
  "<p>Crews replaced 40 metres of railing and laid a new deck. \"It is safer than ever,\" said the city "
  "engineer, who walked across it with the mayor.</p>\n"
  "<p>Buses returned to the route at noon, and traffic was back to normal by the evening rush.</p>\n"
  "</article>\n"
  "<footer><p>&copy; 2026 The Harbourton Herald. All rights reserved.</p></footer>\n"
  "</body></html>\n";

#define HERALD_URL "https://harbourton-herald.example/news/elm-street-bridge"

static GdkContentProvider *
provider_for (const char   *mime_type,
              gconstpointer data,
              gsize         len)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, len);

  return gdk_content_provider_new_for_bytes (mime_type, bytes);
}

/* Copies @text as plain text, with @html and the page's address when
 * given, as Firefox does (its address in UTF-16). */
static void
set_clipboard (SynWindow  *window,
               const char *html,
               const char *text,
               const char *url)
{
  GdkContentProvider *providers[3];
  g_autoptr(GdkContentProvider) provider = NULL;
  g_autofree gunichar2 *url16 = NULL;
  glong url16_len = 0;
  guint n = 0;

  if (html != NULL)
    providers[n++] = provider_for ("text/html", html, strlen (html));
  if (text != NULL)
    providers[n++] = provider_for ("text/plain;charset=utf-8", text, strlen (text));
  if (url != NULL)
    {
      url16 = g_utf8_to_utf16 (url, -1, NULL, &url16_len, NULL);
      providers[n++] = provider_for ("text/x-moz-url-priv", url16, url16_len * sizeof (gunichar2));
    }
  provider = gdk_content_provider_new_union (providers, n);
  gdk_clipboard_set_content (gtk_widget_get_clipboard (GTK_WIDGET (window)), provider);
}

static SynArticle *
nth_article (SynWindow *window,
             guint      i)
{
  return g_list_model_get_item (syn_comparison_get_articles (syn_window_get_comparison (window)), i);
}

static SynWindow *
window_with_two_files (Fixture *fixture)
{
  SynWindow *window = new_window ();
  GFile *files[2];

  files[0] = write_file (fixture, "a.txt", story_a, -1);
  files[1] = write_file (fixture, "b.txt", story_b, -1);
  syn_window_open_files (window, files, 2);
  wait_for_columns (window, 2);
  g_object_unref (files[0]);
  g_object_unref (files[1]);
  return window;
}

/* Ctrl+V with a page copied from a browser: a new column, named by the
 * outlet, holding the story (not the markup), the page's address kept. */
static void
test_paste_html (Fixture       *fixture,
                 gconstpointer  data)
{
  SynWindow *window = window_with_two_files (fixture);
  g_autoptr(SynArticle) pasted = NULL;
  const char *text;

  set_clipboard (window, herald_page, "Elm Street bridge reopens after repairs", HERALD_URL);
  g_assert_false (shows_text (&(ShowsText) { GTK_WIDGET (window), "The Harbourton Herald" }));
  if (!syn_test_press_keys (GTK_WINDOW (window), "ctrl+v"))
    return;
  wait_for_columns (window, 3);
  /* the column is named by the outlet, with the date under it */
  wait_for_text (GTK_WIDGET (window), "The Harbourton Herald");
  wait_for_text (GTK_WIDGET (window), "2 Mar 2026");
  save_screenshot (window, "window-paste.png");

  pasted = nth_article (window, 2);
  g_assert_cmpint (syn_article_get_origin (pasted), ==, SYN_ORIGIN_CLIPBOARD);
  g_assert_cmpstr (syn_article_get_url (pasted), ==, HERALD_URL);
  g_assert_nonnull (syn_source_get_retrieved (syn_article_get_source (pasted)));
  text = syn_article_get_text (pasted, NULL);
  g_assert_nonnull (strstr (text, "Crews replaced 40 metres of railing"));
  g_assert_null (strstr (text, "<p>"));
  g_assert_null (strstr (text, "All rights reserved"));
}

/* Plain text becomes a source of its own, named as pasted; a second one
 * is told apart. */
static void
test_paste_text (Fixture       *fixture,
                 gconstpointer  data)
{
  SynWindow *window = window_with_two_files (fixture);
  g_autoptr(SynArticle) pasted = NULL;

  set_clipboard (window, NULL, story_c, NULL);
  if (!syn_test_press_keys (GTK_WINDOW (window), "ctrl+v"))
    return;
  wait_for_columns (window, 3);
  wait_for_text (GTK_WIDGET (window), "Pasted Text");
  pasted = nth_article (window, 2);
  g_assert_cmpint (syn_article_get_origin (pasted), ==, SYN_ORIGIN_CLIPBOARD);
  g_assert_cmpstr (syn_article_get_text (pasted, NULL), ==, story_c);
  g_assert_null (syn_article_get_url (pasted));

  /* The menu's item does the same. */
  set_clipboard (window, NULL, "The bridge reopened on Monday. Crews replaced the railing.\n", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.paste-source", NULL);
  wait_for_columns (window, 4);
  wait_for_text (GTK_WIDGET (window), "Pasted Text 2");
  g_assert_cmpstr (window_subtitle (window), ==, "4 sources");
}

/* What is pasted on the sample starts a comparison of its own. */
static void
test_paste_on_sample (Fixture       *fixture,
                      gconstpointer  data)
{
  SynWindow *window = new_window ();
  g_autoptr(SynArticle) pasted = NULL;

  syn_window_show_sample (window);
  wait_for_columns (window, n_sample_texts ());
  set_clipboard (window, NULL, story_a, NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.paste-source", NULL);
  wait_for_columns (window, 1);
  g_assert_cmpstr (window_subtitle (window), ==, "1 source");
  pasted = nth_article (window, 0);
  g_assert_cmpstr (syn_article_get_name (pasted), ==, "Pasted Text");
  g_assert_false (syn_window_is_disposable (window));
}

/* An empty clipboard is said to be so. */
static void
test_paste_nothing (Fixture       *fixture,
                    gconstpointer  data)
{
  SynWindow *window = window_with_two_files (fixture);

  set_clipboard (window, NULL, "  \n\t\n", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.paste-source", NULL);
  wait_for_text (GTK_WIDGET (window), "The clipboard holds no text to add");
  g_assert_cmpuint (count_columns (window), ==, 2);
}

static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

typedef struct {
  GtkEditable *editable;
  const char  *text;
} EditableText;

static gboolean
editable_has_text (gpointer data)
{
  EditableText *e = data;

  return g_strcmp0 (gtk_editable_get_text (e->editable), e->text) == 0;
}

static gboolean
has_article_with_text (gpointer data)
{
  SynWindow *window = data;
  GListModel *articles = syn_comparison_get_articles (syn_window_get_comparison (window));

  if (syn_comparison_get_busy (syn_window_get_comparison (window)))
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (articles); i++)
    {
      g_autoptr(SynArticle) article = g_list_model_get_item (articles, i);

      if (strstr (syn_article_get_text (article, NULL), "second clipboard") != NULL)
        return TRUE;
    }
  return FALSE;
}

/* Ctrl+V in the search entry pastes into the entry, and only there. */
static void
test_paste_into_search (Fixture       *fixture,
                        gconstpointer  data)
{
  SynWindow *window = window_with_two_files (fixture);
  GtkWidget *entry;

  g_assert_true (gtk_widget_activate_action (syn_window_get_view (window), "view.search", NULL));
  entry = find_widget (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY);
  g_assert_nonnull (entry);
  set_clipboard (window, NULL, "railing", NULL);
  if (!syn_test_press_keys (GTK_WINDOW (window), "ctrl+v"))
    return;
  syn_test_wait_until (editable_has_text, &(EditableText) { GTK_EDITABLE (entry), "railing" },
                       "the search entry to take the pasted text");

  /* Out of the entry, the same keys add a source: the one pasted now, and
   * nothing from the paste into the entry before it. */
  set_clipboard (window, NULL, "A second clipboard text: the bridge is open again.\n", NULL);
  gtk_window_set_focus (GTK_WINDOW (window), NULL);
  syn_test_press_keys (GTK_WINDOW (window), "ctrl+v");
  syn_test_wait_until (has_article_with_text, window, "the second paste to be added");
  g_assert_cmpuint (count_columns (window), ==, 3);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "railing");
}

static gboolean
first_column_has_focus (gpointer data)
{
  SynWindow *window = data;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
  GType type = g_type_from_name ("SynArticleView");

  return type != G_TYPE_INVALID && focus != NULL && focus == find_widget (GTK_WIDGET (window), type);
}

/* The keyboard starts in the first column, as in Meld, so that the arrows
 * and Page Down read the text at once; a paste there still adds a source
 * (the read-only text view took the keys and did nothing). */
static void
test_focus_starts_in_column (Fixture       *fixture,
                             gconstpointer  data)
{
  SynWindow *window = window_with_two_files (fixture);

  syn_test_wait_until (first_column_has_focus, window, "the first column to have the keyboard");
  set_clipboard (window, NULL, "A second clipboard text: the bridge is open again.\n", NULL);
  if (!syn_test_press_keys (GTK_WINDOW (window), "ctrl+v"))
    return;
  syn_test_wait_until (has_article_with_text, window, "the paste to be added");
  g_assert_cmpuint (count_columns (window), ==, 3);
  /* made anew, the columns keep the keyboard */
  syn_test_wait_until (first_column_has_focus, window, "the first column to keep the keyboard");
}

/* The dialog of "Add from the Web", wherever libadwaita puts it. */
static GtkWidget *
web_dialog (SynWindow *window)
{
#if ADW_CHECK_VERSION (1, 5, 0)
  return GTK_WIDGET (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)));
#else
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) && gtk_window_get_transient_for (toplevel) == GTK_WINDOW (window) &&
          gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return GTK_WIDGET (toplevel);
    }
  return NULL;
#endif
}

static gboolean
web_dialog_shown (gpointer data)
{
  return web_dialog (data) != NULL;
}

static gboolean
web_dialog_gone (gpointer data)
{
  return web_dialog (data) == NULL;
}

static gboolean
add_enabled (GtkWidget *dialog)
{
  return syn_compat_alert_get_response_enabled (dialog, "add");
}

/* The button labelled @label (mnemonic marks aside) on screen in @widget. */
static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (!gtk_widget_get_mapped (widget))
    return NULL;
  if (GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (gtk_button_get_label (GTK_BUTTON (widget)), "_", -1);
      g_autofree char *plain = g_strjoinv ("", parts);

      if (g_str_equal (plain, label))
        return widget;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
first_reloaded (gpointer data)
{
  g_autoptr(SynArticle) first = g_list_model_get_item (syn_comparison_get_articles (data), 0);

  return !syn_comparison_get_busy (data) && !syn_article_get_file_changed (first);
}

/* A saved comparison whose files changed since: the banner names them and
 * offers both choices. Keep Saved Text takes the banner away and nothing
 * else (the saved texts stay, nothing to save), also once the comparison
 * is aligned again; another file changing brings it back, and Reload reads
 * the files. */
static void
test_keep_saved_text (Fixture       *fixture,
                      gconstpointer  data)
{
  SynWindow *window = new_window ();
  SynWindow *reopened = new_window ();
  SynComparison *comparison = syn_window_get_comparison (reopened);
  g_autofree char *saved_path = g_build_filename (fixture->dir, "three.synopsis", NULL);
  g_autoptr(GFile) saved = g_file_new_for_path (saved_path);
  g_autoptr(SynArticle) first = NULL;
  GtkWidget *keep;
  GFile *files[3];

  files[0] = write_file (fixture, "a.txt", story_a, -1);
  files[1] = write_file (fixture, "b.txt", story_b, -1);
  files[2] = write_file (fixture, "c.txt", story_c, -1);
  syn_window_open_files (window, files, 3);
  wait_for_columns (window, 3);
  syn_window_save_to (window, saved);
  syn_test_wait_until (is_saved_comparison, saved, "the comparison to be saved");
  g_object_unref (write_file (fixture, "a.txt", story_c, -1));
  g_object_unref (write_file (fixture, "b.txt", story_a, -1));

  syn_window_open_files (reopened, &saved, 1);
  wait_for_columns (reopened, 3);
  wait_for_text (GTK_WIDGET (reopened), "“a.txt” and “b.txt” changed since the comparison was saved: "
                                        "the saved texts are shown");
  g_assert_nonnull (find_button (GTK_WIDGET (reopened), "Reload"));
  keep = find_button (GTK_WIDGET (reopened), "Keep Saved Text");
  g_assert_nonnull (keep);
  save_screenshot (reopened, "window-keep-saved-text.png");

  gtk_widget_activate (keep);
  wait_for_no_text (GTK_WIDGET (reopened), "changed since");
  first = g_list_model_get_item (syn_comparison_get_articles (comparison), 0);
  g_assert_cmpstr (syn_article_get_text (first, NULL), ==, story_a);
  g_assert_false (syn_comparison_get_modified (comparison));
  /* aligned again (another unit): the answer holds */
  syn_comparison_set_segment_unit (comparison, SYN_SEGMENT_LINE);
  syn_test_wait_until (comparison_idle, comparison, "the new alignment");
  spin (100);
  g_assert_null (find_button (GTK_WIDGET (reopened), "Keep Saved Text"));

  /* another file changes: the banner is back, naming all three */
  g_object_unref (write_file (fixture, "c.txt", story_b, -1));
  wait_for_text (GTK_WIDGET (reopened), "“a.txt”, “b.txt” and “c.txt” changed since the comparison was saved");
  gtk_widget_activate (find_button (GTK_WIDGET (reopened), "Reload"));
  syn_test_wait_until (first_reloaded, comparison, "the reload");
  g_clear_object (&first);
  first = g_list_model_get_item (syn_comparison_get_articles (comparison), 0);
  g_assert_cmpstr (syn_article_get_text (first, NULL), ==, story_c);
  wait_for_no_text (GTK_WIDGET (reopened), "changed since");

  /* the texts read again are not saved: saved, no copy of unsaved work is
   * left for the next tests to be offered */
  g_assert_true (syn_comparison_get_modified (comparison));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (reopened), "win.save", NULL));
  syn_test_wait_until (is_unmodified, comparison, "the reloaded comparison to be saved");
  /* the unit is the user's setting: the next tests start from the default */
  g_settings_reset (syn_application_get_settings (app), "segment-unit");
  syn_test_wait_until (comparison_idle, comparison, "the alignment by sentence");
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    g_object_unref (files[i]);
}

/* Opens "Add from the Web", types @addresses and says whether Add is
 * enabled. */
static GtkWidget *
open_web_dialog (SynWindow  *window,
                 const char *addresses)
{
  GtkWidget *dialog, *view;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-from-web", NULL);
  syn_test_wait_until (web_dialog_shown, window, "the Add from the Web dialog");
  dialog = web_dialog (window);
  view = find_widget (dialog, GTK_TYPE_TEXT_VIEW);
  g_assert_nonnull (view);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), addresses, -1);
  return dialog;
}

static void
click_add (SynWindow *window,
           GtkWidget *dialog)
{
  GtkWidget *add = find_button (dialog, "Add");

  g_assert_nonnull (add);
  g_assert_true (gtk_widget_is_sensitive (add));
  gtk_widget_activate (add);
  syn_test_wait_until (web_dialog_gone, window, "the dialog to close");
}

/* A port on 127.0.0.1 that is bound but does not listen: connections to
 * it are refused. */
static GSocket *
refusing_socket (guint16 *port)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any_port = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  GSocket *socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);

  g_assert_no_error (error);
  g_socket_bind (socket, any_port, FALSE, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  *port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  return socket;
}

/* The dialog names the line that is not an address and adds only when all
 * are; an address that cannot be fetched is named by it. */
static void
test_add_from_web (Fixture       *fixture,
                   gconstpointer  data)
{
  SynWindow *window = window_with_two_files (fixture);
  guint16 port;
  g_autoptr(GSocket) refusing = refusing_socket (&port);
  g_autofree char *address = g_strdup_printf ("http://127.0.0.1:%u/news/story", port);
  g_autofree char *both = g_strdup_printf ("%s\nharbourton-herald.example/news\n", address);
  GtkWidget *dialog;

  dialog = open_web_dialog (window, both);
  wait_for_text (dialog, "Line 2 is not a web address (http:// or https://): “harbourton-herald.example/news”");
  g_assert_false (add_enabled (dialog));
  g_assert_false (gtk_widget_is_sensitive (find_button (dialog, "Add")));
  save_screenshot (dialog, "window-add-from-web.png");

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (find_widget (dialog, GTK_TYPE_TEXT_VIEW))),
                            address, -1);
  wait_for_no_text (dialog, "is not a web address");
  g_assert_true (add_enabled (dialog));
  click_add (window, dialog);

  /* The address is fetched, fails, and is named; the comparison stays. */
  wait_for_text (GTK_WIDGET (window), address);
  syn_test_wait_until (comparison_idle, syn_window_get_comparison (window), "the fetch to end");
  g_assert_cmpuint (count_columns (window), ==, 2);
}

static gboolean
add_is_enabled (gpointer data)
{
  return add_enabled (data);
}

/* Addresses on the clipboard are offered in the dialog, ready to add. */
static void
test_add_from_web_offers_clipboard (Fixture       *fixture,
                                    gconstpointer  data)
{
  SynWindow *window = window_with_two_files (fixture);
  const char *addresses = "https://harbourton-herald.example/news/1\nhttps://harbourton-herald.example/news/2";
  g_autofree char *shown = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  GtkWidget *dialog;

  set_clipboard (window, NULL, addresses, NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-from-web", NULL);
  syn_test_wait_until (web_dialog_shown, window, "the Add from the Web dialog");
  dialog = web_dialog (window);
  syn_test_wait_until (add_is_enabled, dialog, "the copied addresses to be offered");
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (find_widget (dialog, GTK_TYPE_TEXT_VIEW)));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (shown, ==, addresses);
  /* Selected: what the user types replaces them. */
  g_assert_true (gtk_text_buffer_get_has_selection (buffer));

  gtk_widget_activate (find_button (dialog, "Cancel"));
  syn_test_wait_until (web_dialog_gone, window, "the dialog to close");
  g_assert_cmpuint (count_columns (window), ==, 2);
}

/* A fetch that gets no answer is cancelled from its toast, at once. */
static void
test_cancel_fetch (Fixture       *fixture,
                   gconstpointer  data)
{
  SynWindow *window = window_with_two_files (fixture);
  g_autoptr(GSocketListener) silent = g_socket_listener_new ();
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any_port = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *address = NULL;
  GtkWidget *cancel;
  gint64 start;

  /* It listens, so connections are made, and never accepts or answers. */
  g_socket_listener_add_address (silent, any_port, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL, &bound,
                                 &error);
  g_assert_no_error (error);
  address = g_strdup_printf ("http://127.0.0.1:%u/slow",
                             g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));

  click_add (window, open_web_dialog (window, address));
  wait_for_text (GTK_WIDGET (window), "Fetching 1 page…");
  save_screenshot (window, "window-fetching.png");
  cancel = find_button (GTK_WIDGET (window), "Cancel");
  g_assert_nonnull (cancel);
  start = g_get_monotonic_time ();
  gtk_widget_activate (cancel);
  syn_test_wait_until (comparison_idle, syn_window_get_comparison (window), "the cancelled fetch");
  g_assert_cmpfloat ((g_get_monotonic_time () - start) / 1e6, <, 5 * syn_test_slowdown ());
  wait_for_no_text (GTK_WIDGET (window), "Fetching 1 page…");
  g_assert_cmpuint (count_columns (window), ==, 2);
  g_assert_false (shows_text (&(ShowsText) { GTK_WIDGET (window), address }));
}

static void
drop_string (SynWindow  *window,
             const char *text)
{
  GtkDropTarget *target = find_drop_target (window);
  GValue value = G_VALUE_INIT;
  gboolean handled = FALSE;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &handled);
  g_assert_true (handled);
  g_value_unset (&value);
}

/* A link dragged from a browser without a URI list is fetched; dragged
 * text is a source of its own. */
static void
test_drop_link (Fixture       *fixture,
                gconstpointer  data)
{
  SynWindow *window = window_with_two_files (fixture);
  guint16 port;
  g_autoptr(GSocket) refusing = refusing_socket (&port);
  g_autofree char *address = g_strdup_printf ("http://127.0.0.1:%u/dropped", port);

  drop_string (window, address);
  wait_for_text (GTK_WIDGET (window), address);
  drop_string (window, story_c);
  wait_for_columns (window, 3);
  wait_for_text (GTK_WIDGET (window), "Dropped Text");
}

/* The first window (of any application) that shows @text, or NULL. */
static GtkWindow *
find_window_showing (const char *text)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);
      ShowsText s = { GTK_WIDGET (window), text };

      if (shows_text (&s))
        return window;
    }
  return NULL;
}

static gboolean
some_window_shows (gpointer data)
{
  return find_window_showing (data) != NULL;
}

/* Keyboard Shortcuts from the main menu's action and its accelerator: an
 * AdwShortcutsDialog in the window with libadwaita 1.8, else a
 * GtkShortcutsWindow of its own. */
static void
test_shortcuts (Fixture       *fixture,
                gconstpointer  data)
{
  SynWindow *window = new_window ();
  g_auto(GStrv) accels = NULL;
  GtkWindow *shown;

  syn_window_show_sample (window);
  wait_for_columns (window, n_sample_texts ());
  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.shortcuts");
  g_assert_true (g_strv_contains ((const char * const *) accels, "<Control>question"));

  g_action_group_activate_action (G_ACTION_GROUP (app), "shortcuts", NULL);
  syn_test_wait_until (some_window_shows, (gpointer) "Export the Comparison", "the keyboard shortcuts to be shown");
  shown = find_window_showing ("Next Difference");
  g_assert_nonnull (shown);
#if ADW_CHECK_VERSION (1, 8, 0)
  g_assert_true (shown == GTK_WINDOW (window));
  adw_dialog_force_close (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)));
#else
  g_assert_true (shown != GTK_WINDOW (window));
  g_assert_true (gtk_window_get_transient_for (shown) == GTK_WINDOW (window));
  /* Accelerators of shortcuts named by their action are shown too: the
   * key cap of Ctrl+Q, app.quit's. */
  g_assert_nonnull (find_window_showing ("\nQ\n"));
  gtk_window_close (shown);
#endif
  syn_test_wait_until (hides_text, &(ShowsText) { GTK_WIDGET (shown), "Export the Comparison" },
              "the keyboard shortcuts to be closed");
}

/* Five versions of one long story, as a news site's rewrites are: most
 * sentences the same, some reworded, some disagreeing on a figure. */
static char *
story_version (guint version)
{
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, "Harbour crane gives way at the east quay (edition %u)\n\n", version + 1);
  for (guint p = 0; p < 24; p++)
    {
      g_string_append_printf (text, "At the hearing on day %u the port authority read out the log of shift %u. ",
                              p + 1, p + 7);
      if (version % 2 == 0)
        g_string_append_printf (text, "The crane on berth %u had been inspected in the spring. ", p + 2);
      else
        g_string_append_printf (text, "Inspectors had looked at the berth %u crane in the spring. ", p + 2);
      g_string_append_printf (text, "Witnesses said %u containers fell into the water that night. ",
                              p % 3 == 0 && version == 3 ? p + 40 : p + 12);
      g_string_append (text, "The union asked for the quay to stay closed until the inquiry ends.\n\n");
    }
  return g_string_free (text, FALSE);
}

typedef struct {
  SynComparisonView *view;
  gboolean           divergent;   /* Reworded (TRUE) or Conflicts */
} FilterChoice;

static gboolean
view_is_filtered (gpointer data)
{
  const FilterChoice *choice = data;

  return syn_comparison_view_get_divergent_only (choice->view) == choice->divergent &&
         syn_comparison_view_get_conflicts_only (choice->view) == !choice->divergent;
}

static gboolean
has_selection (gpointer data)
{
  return syn_comparison_view_get_selected_passage (data) != NULL;
}

/* Presses @keys and waits until the view's filter is the one they choose
 * and a few frames are drawn with it. */
static void
press_filter (SynWindow  *window,
              const char *keys,
              gboolean    divergent)
{
  FilterChoice choice = { SYN_COMPARISON_VIEW (syn_window_get_view (window)), divergent };

  g_assert_true (syn_test_press_keys (GTK_WINDOW (window), keys));
  syn_test_wait_until (view_is_filtered, &choice, keys);
  syn_test_wait_frames (window, 3);
}

/* F8, then Ctrl+D and Shift+Ctrl+D pressed for real, as a user switches
 * filters: the key is handled inside a frame, before its layout, and
 * the passages it hides change the columns' heights. GTK 4.8 warned
 * (fatally here) when the text views measured them while drawing. */
static void
test_filter_keys (Fixture       *fixture,
                  gconstpointer  data)
{
  GFile *files[5];
  SynWindow *window = new_window ();
  SynComparisonView *view = SYN_COMPARISON_VIEW (syn_window_get_view (window));

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *name = g_strdup_printf ("edition-%u.txt", i + 1);
      g_autofree char *text = story_version (i);

      files[i] = write_file (fixture, name, text, -1);
    }
  syn_window_open_files (window, files, G_N_ELEMENTS (files));
  wait_for_columns (window, G_N_ELEMENTS (files));
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    g_object_unref (files[i]);

  if (!syn_test_press_keys (GTK_WINDOW (window), "F8"))
    return;
  syn_test_wait_until (has_selection, view, "F8 to select a passage");
  for (guint round = 0; round < 2; round++)
    {
      press_filter (window, "ctrl+d", TRUE);
      press_filter (window, "ctrl+shift+d", FALSE);
    }
  g_settings_reset (syn_application_get_settings (app), "divergent-only");
  g_settings_reset (syn_application_get_settings (app), "conflicts-only");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  app = syn_test_application_init (&argc, &argv);

#define ADD(path, func) g_test_add ((path), Fixture, NULL, fixture_setup, (func), fixture_teardown)
  ADD ("/ui/window/sample", test_sample);
  ADD ("/ui/window/bad-file-named", test_bad_file_named);
  ADD ("/ui/window/bad-files-named", test_bad_files_named);
  ADD ("/ui/window/notices-together", test_notices_together);
  ADD ("/ui/window/nothing-readable", test_nothing_readable);
  ADD ("/ui/window/segment-unit", test_segment_unit);
  ADD ("/ui/window/finalized-after-close", test_finalized_after_close);
  ADD ("/ui/window/changed-on-disk", test_changed_on_disk);
  ADD ("/ui/window/export", test_export);
  ADD ("/ui/window/export-report", test_export_report);
  g_test_add ("/ui/window/print-to-pdf/wide", Fixture, GUINT_TO_POINTER (3), fixture_setup,
              test_print_to_pdf, fixture_teardown);
  g_test_add ("/ui/window/print-to-pdf/compact", Fixture, GUINT_TO_POINTER (5), fixture_setup,
              test_print_to_pdf, fixture_teardown);
  ADD ("/ui/window/save-and-reopen", test_save_and_reopen);
  ADD ("/ui/window/save-refusals", test_save_refusals);
  ADD ("/ui/window/keep-saved-text", test_keep_saved_text);
  ADD ("/ui/window/drop-saved", test_drop_saved);
  ADD ("/ui/window/drop", test_drop);
  ADD ("/ui/window/remove-and-recent", test_remove_and_recent);
  ADD ("/ui/window/filters", test_filters);
  ADD ("/ui/window/filter-keys", test_filter_keys);
  ADD ("/ui/window/scroll-together-kept", test_scroll_together_kept);
  ADD ("/ui/window/size-kept", test_size_kept);
  ADD ("/ui/window/first-size", test_first_size);
  ADD ("/ui/window/application-reuses-sample", test_application_reuses_sample);
  ADD ("/ui/window/cancel-loading", test_cancel_loading);
  ADD ("/ui/window/remove-menu", test_remove_menu);
  ADD ("/ui/window/many-sources", test_many_sources);
  ADD ("/ui/window/screenshot", test_screenshot);
  ADD ("/ui/window/shortcuts", test_shortcuts);
  ADD ("/ui/window/paste-html", test_paste_html);
  ADD ("/ui/window/paste-text", test_paste_text);
  ADD ("/ui/window/paste-into-search", test_paste_into_search);
  ADD ("/ui/window/focus-starts-in-column", test_focus_starts_in_column);
  ADD ("/ui/window/paste-on-sample", test_paste_on_sample);
  ADD ("/ui/window/paste-nothing", test_paste_nothing);
  ADD ("/ui/window/add-from-web", test_add_from_web);
  ADD ("/ui/window/add-from-web-offers-clipboard", test_add_from_web_offers_clipboard);
  ADD ("/ui/window/cancel-fetch", test_cancel_fetch);
  ADD ("/ui/window/drop-link", test_drop_link);
#undef ADD

  status = g_test_run ();

  close_all_windows ();
  syn_test_application_done (g_steal_pointer (&app));
  return status;
}
