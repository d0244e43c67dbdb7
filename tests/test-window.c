/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The main window as a user meets it, under Xvfb: the sample on start, one
 * column per source, files that cannot be read named in a toast while the
 * others open, a file changed or deleted on disk, the segment unit setting,
 * export, drop, recent comparisons, 200 sources, and the window freed once
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
#include "syn-print.h"
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

/* Renders the window as it is on screen to a PNG kept with the test logs. */
static void
save_screenshot (SynWindow  *window,
                 const char *name)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = screenshot_path (name);
  GskRenderer *renderer;
  int width, height;

  syn_test_wait_frames (window, 5);
  width = gtk_widget_get_width (GTK_WIDGET (window));
  height = gtk_widget_get_height (GTK_WIDGET (window));
  paintable = gtk_widget_paintable_new (GTK_WIDGET (window));
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_cmpint (gdk_texture_get_width (texture), ==, width);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Screenshot of the window: %s (%d×%d)", path, width, height);
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
  wait_for_text (GTK_WIDGET (window), "No File Could Be Opened");
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

/* Save, then Ctrl+S again to the same file without asking; the saved
 * comparison is remembered as itself, reopens in a window with the texts
 * it saved once the files are gone, and says which files changed since. */
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
  wait_for_text (GTK_WIDGET (window), "Drop the files to compare them");
  /* Onto the sample: a new comparison of the dropped files. */
  drop_files (window, files[0], files[1]);
  wait_for_columns (window, 2);
  g_assert_cmpstr (window_subtitle (window), ==, "2 sources");
  /* Onto a comparison: added to it. */
  drag_enter (window);
  wait_for_text (GTK_WIDGET (window), "Drop the files to add them to this comparison");
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

int
main (int   argc,
      char *argv[])
{
  GTestDBus *bus;
  g_autoptr(GError) error = NULL;
  g_autofree char *display = NULL;
  g_autofree char *home = NULL;
  static const char * const xdg_vars[] = {
    "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME",
  };
  int status;

  /* The user's recent files and settings stay untouched: everything the
   * application saves goes to a directory of the test's own (the data
   * directories stay, for the icon theme). */
  home = syn_test_make_dir ("synopsis-test-home-XXXXXX");
  for (guint i = 0; i < G_N_ELEMENTS (xdg_vars); i++)
    {
      g_autofree char *dir = g_build_filename (home, xdg_vars[i], NULL);

      g_setenv (xdg_vars[i], dir, TRUE);
    }
  g_test_init (&argc, &argv, NULL);

  /* A private session bus: GtkApplication wants one, and the tests must
   * not talk to (or be the unique instance on) the user's. */
  display = g_strdup (g_getenv ("DISPLAY"));
  bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (bus);
  /* GTestDBus unsets DISPLAY, which the window needs. */
  if (display != NULL)
    g_setenv ("DISPLAY", display, TRUE);

  app = syn_application_new ();
  g_type_ensure (SYN_TYPE_WINDOW);
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

#define ADD(path, func) g_test_add ((path), Fixture, NULL, fixture_setup, (func), fixture_teardown)
  ADD ("/ui/window/sample", test_sample);
  ADD ("/ui/window/bad-file-named", test_bad_file_named);
  ADD ("/ui/window/bad-files-named", test_bad_files_named);
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
  ADD ("/ui/window/drop-saved", test_drop_saved);
  ADD ("/ui/window/drop", test_drop);
  ADD ("/ui/window/remove-and-recent", test_remove_and_recent);
  ADD ("/ui/window/filters", test_filters);
  ADD ("/ui/window/size-kept", test_size_kept);
  ADD ("/ui/window/first-size", test_first_size);
  ADD ("/ui/window/application-reuses-sample", test_application_reuses_sample);
  ADD ("/ui/window/cancel-loading", test_cancel_loading);
  ADD ("/ui/window/remove-menu", test_remove_menu);
  ADD ("/ui/window/many-sources", test_many_sources);
  ADD ("/ui/window/screenshot", test_screenshot);
  ADD ("/ui/window/shortcuts", test_shortcuts);
#undef ADD

  status = g_test_run ();

  close_all_windows ();
  g_clear_object (&app);
  /* libadwaita's settings keep the bus connection for good, so
   * g_test_dbus_down() (and so unreffing @bus) would wait for it in vain:
   * stop the daemon and leave the rest to the exit. */
  g_test_dbus_stop (bus);
  syn_test_remove_tree (home);
  return status;
}
