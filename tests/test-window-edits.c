/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Corrections made by hand in the window (syn-window-edits.c): linking by
 * picking the other passage, Escape leaving the pick, undo; closing with
 * unsaved corrections asks (Cancel keeps the window, Discard closes it and
 * drops the autosave); a column moved is undone and redone as the
 * headers, the detail pane and the title show; a comparison a crash
 * left behind is offered back and restored. The texts are an invented
 * story about a closed bridge.
 */
#define G_LOG_DOMAIN "test-window-edits"

#include "config.h"

#include <string.h>
#include <time.h>
#include <utime.h>
#include <glib/gstdio.h>

#include "syn-application.h"
#include "syn-article-column.h"
#include "syn-comparison-view-private.h"
#include "syn-model.h"
#include "syn-window.h"
#include "syn-test-files.h"
#include "syn-test-ui.h"
#include "syn-test-passages.h"

static SynApplication *app;

static const char *names[] = { "gazette.txt", "herald.txt" };
static const char *texts[] = {
  "The council closed the old river bridge on Monday morning. "
  "Engineers found deep cracks in two of its stone pillars.\n\n"
  "Shops near the water reported very few customers all week.\n\n"
  "A free ferry will carry passengers until the repairs are finished.\n",

  "The old river bridge was closed by the council on Monday morning. "
  "Deep cracks were found by engineers in two stone pillars.\n\n"
  "Bakers on the quay sold out of bread before noon.\n\n"
  "Passengers can take a free ferry until the repairs are finished.\n",
};

static void
spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
is_idle (gpointer data)
{
  return !syn_comparison_get_busy (data);
}

static void
wait_idle (SynComparison *comparison)
{
  syn_test_wait_until (is_idle, comparison, "the comparison to be aligned");
}


static gboolean
shops_with_bakers (SynComparison *comparison)
{
  SynGroup *group = syn_passage_get_group (syn_test_passage (comparison, 0, "Shops"));

  return group != NULL && group == syn_passage_get_group (syn_test_passage (comparison, 1, "Bakers"));
}

static SynWindow *
new_window (void)
{
  SynWindow *window = syn_window_new (app);
  g_autoptr(GError) error = NULL;

  g_assert_true (syn_comparison_load_texts (syn_window_get_comparison (window), names, texts, 2, &error));
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));
  syn_test_wait_frames (window, 2);
  return window;
}

static void
select_passage (SynWindow  *window,
                SynPassage *p)
{
  syn_comparison_view_select_passage (SYN_COMPARISON_VIEW (syn_window_get_view (window)), p);
}

/* Link "Shops" (gazette) to "Bakers" (herald) as a user does: select,
 * Link With…, move to the other passage, Enter. */
static void
link_by_hand (SynWindow *window)
{
  SynComparison *comparison = syn_window_get_comparison (window);

  select_passage (window, syn_test_passage (comparison, 0, "Shops"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.link-passage", NULL);
  select_passage (window, syn_test_passage (comparison, 1, "Bakers"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.pick-confirm", NULL));
  wait_idle (comparison);
}

static void
test_link_undo (void)
{
  SynWindow *window = new_window ();
  SynComparison *comparison = syn_window_get_comparison (window);

  g_assert_false (shops_with_bakers (comparison));

  /* Escape leaves the pick: moving to a passage then links nothing */
  select_passage (window, syn_test_passage (comparison, 0, "Shops"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.link-passage", NULL);
  /* at once, as a quick Ctrl+K, Escape: the toast goes a little later */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.pick-cancel", NULL);
  select_passage (window, syn_test_passage (comparison, 1, "Bakers"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.pick-confirm", NULL);
  wait_idle (comparison);
  g_assert_false (shops_with_bakers (comparison));
  g_assert_false (syn_comparison_get_modified (comparison));

  link_by_hand (window);
  g_assert_true (shops_with_bakers (comparison));
  g_assert_true (syn_passage_is_linked_by_hand (syn_test_passage (comparison, 1, "Bakers")));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  wait_idle (comparison);
  g_assert_false (shops_with_bakers (comparison));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  wait_idle (comparison);
  g_assert_true (shops_with_bakers (comparison));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The question asked on closing, whichever kind of dialog it is. */
static GObject *
find_question (SynWindow  *window,
               const char *heading)
{
#if ADW_CHECK_VERSION (1, 5, 0)
  AdwDialog *dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));

  if (dialog != NULL && ADW_IS_ALERT_DIALOG (dialog) &&
      g_strcmp0 (adw_alert_dialog_get_heading (ADW_ALERT_DIALOG (dialog)), heading) == 0)
    return G_OBJECT (dialog);
#else
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  (void) window;
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data) &&
        g_strcmp0 (adw_message_dialog_get_heading (l->data), heading) == 0)
      return l->data;
#endif
  return NULL;
}

typedef struct {
  SynWindow  *window;
  const char *heading;
} Question;

static gboolean
question_shown (gpointer data)
{
  Question *q = data;
  return find_question (q->window, q->heading) != NULL;
}

static const char *
question_body (GObject *dialog)
{
#if ADW_CHECK_VERSION (1, 5, 0)
  return adw_alert_dialog_get_body (ADW_ALERT_DIALOG (dialog));
#else
  return adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog));
#endif
}

/* Answers question @heading, once asked; its body, if @body is given. */
static void
answer_read (SynWindow   *window,
             const char  *heading,
             const char  *response,
             char       **body)
{
  Question q = { window, heading };
  GObject *dialog;

  syn_test_wait_until (question_shown, &q, heading);
  dialog = find_question (window, heading);
  if (body != NULL)
    *body = g_strdup (question_body (dialog));
#if ADW_CHECK_VERSION (1, 5, 0)
  g_signal_emit_by_name (dialog, "response", response);
  adw_dialog_force_close (ADW_DIALOG (dialog));
#else
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), response);
  gtk_window_destroy (GTK_WINDOW (dialog));
#endif
  spin (50);
}

static void
answer (SynWindow  *window,
        const char *heading,
        const char *response)
{
  answer_read (window, heading, response, NULL);
}

/* How many copies the autosave directory holds. */
static guint
count_copies (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    n += g_str_has_suffix (name, ".synopsis");
  return n;
}

typedef struct {
  const char *dir;
  guint       n;
} Copies;

static gboolean
has_copies (gpointer data)
{
  Copies *c = data;
  return count_copies (c->dir) == c->n;
}

static void
test_close_asks (void)
{
  g_autoptr(SynWindow) window = g_object_ref (new_window ());
  SynComparison *comparison = syn_window_get_comparison (window);
  g_autofree char *dir = syn_autosave_dup_default_dir ();
  guint n_windows, n_copies;

  /* nothing corrected: it closes at once */
  {
    SynWindow *plain = new_window ();

    n_windows = g_list_length (gtk_application_get_windows (GTK_APPLICATION (app)));
    gtk_window_close (GTK_WINDOW (plain));
    spin (50);
    g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, n_windows - 1);
  }

  n_copies = count_copies (dir);
  link_by_hand (window);
  g_assert_true (syn_comparison_get_modified (comparison));
  /* a few seconds later, a copy of the unsaved corrections */
  syn_test_wait_until (has_copies, &(Copies) { dir, n_copies + 1 }, "the autosave");

  gtk_window_close (GTK_WINDOW (window));
  answer (window, "Save Changes?", "cancel");
  g_assert_nonnull (gtk_window_get_application (GTK_WINDOW (window)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));

  gtk_window_close (GTK_WINDOW (window));
  answer (window, "Save Changes?", "discard");
  g_assert_null (gtk_window_get_application (GTK_WINDOW (window)));
  /* discarded: no copy to offer back */
  g_assert_cmpuint (count_copies (dir), ==, n_copies);
}


/* The header's title widget, as a user reads it. */
static AdwWindowTitle *
header_title (SynWindow *window)
{
  GtkWidget *w = GTK_WIDGET (window);

  /* depth first down to the header bar */
  while (w != NULL && !ADW_IS_HEADER_BAR (w))
    {
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
  g_assert_nonnull (w);
  return ADW_WINDOW_TITLE (adw_header_bar_get_title_widget (ADW_HEADER_BAR (w)));
}

static void
assert_title (SynWindow  *window,
              const char *title,
              const char *subtitle)
{
  AdwWindowTitle *header = header_title (window);

  g_assert_cmpstr (adw_window_title_get_title (header), ==, title);
  if (subtitle != NULL)
    g_assert_cmpstr (adw_window_title_get_subtitle (header), ==, subtitle);
}

static guint
n_windows (void)
{
  return g_list_length (gtk_application_get_windows (GTK_APPLICATION (app)));
}

/* Undoing the only correction leaves nothing to save: the title loses
 * its mark and the window closes without asking. */
static void
test_undo_closes (void)
{
  SynWindow *window = new_window ();
  SynComparison *comparison = syn_window_get_comparison (window);
  guint n = n_windows ();

  assert_title (window, "Synopsis", "2 sources");
  link_by_hand (window);
  assert_title (window, "• Synopsis", "Unsaved, 2 sources");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  wait_idle (comparison);
  g_assert_false (syn_comparison_get_modified (comparison));
  assert_title (window, "Synopsis", "2 sources");
  gtk_window_close (GTK_WINDOW (window));
  spin (50);
  g_assert_cmpuint (n_windows (), ==, n - 1);
}

static gboolean
is_saved_as (gpointer data)
{
  SynWindow *window = data;
  const char *want = g_object_get_data (data, "syn-test-name");
  GFile *file = syn_comparison_get_file (syn_window_get_comparison (window));
  g_autofree char *name = file ? g_file_get_basename (file) : NULL;

  return g_strcmp0 (name, want) == 0 && !syn_comparison_get_modified (syn_window_get_comparison (window));
}

static void
save_as (SynWindow  *window,
         const char *dir,
         const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_object_set_data_full (G_OBJECT (window), "syn-test-name", g_strdup (name), g_free);
  syn_window_save_to (window, file);
  syn_test_wait_until (is_saved_as, window, name);
}

/* The title names the saved file, its folder below, and marks unsaved
 * corrections with "•"; back at the saved state, the mark goes and the
 * window closes without asking. Save As and opening rename it. */
static void
test_title_names_file (void)
{
  g_autoptr(SynWindow) window = g_object_ref (new_window ());
  SynComparison *comparison = syn_window_get_comparison (window);
  g_autofree char *dir = g_dir_make_tmp ("syn-title-XXXXXX", NULL);
  g_autofree char *folder = g_str_has_prefix (dir, g_get_home_dir ())
                            ? g_strconcat ("~", dir + strlen (g_get_home_dir ()), NULL) : g_strdup (dir);
  g_autofree char *path = g_build_filename (dir, "bridge.synopsis", NULL);
  g_autofree char *copy = g_build_filename (dir, "bridge copy.synopsis", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  SynWindow *opened;
  guint n;

  link_by_hand (window);
  save_as (window, dir, "bridge.synopsis");
  assert_title (window, "bridge.synopsis", folder);
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "bridge.synopsis"));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  wait_idle (comparison);
  assert_title (window, "• bridge.synopsis", folder);
  gtk_window_close (GTK_WINDOW (window));
  answer (window, "Save Changes?", "cancel");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  wait_idle (comparison);
  assert_title (window, "bridge.synopsis", folder);

  save_as (window, dir, "bridge copy.synopsis");
  assert_title (window, "bridge copy.synopsis", folder);

  /* opened in a window of its own: named, nothing to save */
  opened = syn_window_new (app);
  syn_window_open_files (opened, &file, 1);
  gtk_window_present (GTK_WINDOW (opened));
  wait_idle (syn_window_get_comparison (opened));
  syn_test_wait_frames (opened, 2);
  assert_title (opened, "bridge.synopsis", folder);
  gtk_window_destroy (GTK_WINDOW (opened));

  /* at the saved state: closes at once */
  n = n_windows ();
  gtk_window_close (GTK_WINDOW (window));
  spin (50);
  g_assert_cmpuint (n_windows (), ==, n - 1);
  g_unlink (path);
  g_unlink (copy);
  g_rmdir (dir);
}

/* Renaming a column of a saved comparison leaves something to save; Ctrl+Z
 * gives the name back and, at the saved state again, the window closes
 * without asking. */
static void
test_rename_undo (void)
{
  g_autoptr(SynWindow) window = g_object_ref (new_window ());
  SynComparison *comparison = syn_window_get_comparison (window);
  g_autofree char *dir = g_dir_make_tmp ("syn-rename-XXXXXX", NULL);
  g_autofree char *folder = g_str_has_prefix (dir, g_get_home_dir ())
                            ? g_strconcat ("~", dir + strlen (g_get_home_dir ()), NULL) : g_strdup (dir);
  g_autofree char *path = g_build_filename (dir, "ferry.synopsis", NULL);
  g_autoptr(SynArticle) herald = g_list_model_get_item (syn_comparison_get_articles (comparison), 1);
  guint n;

  save_as (window, dir, "ferry.synopsis");
  assert_title (window, "ferry.synopsis", folder);
  syn_article_set_custom_name (herald, "Evening Herald");
  assert_title (window, "• ferry.synopsis", folder);
  gtk_window_close (GTK_WINDOW (window));
  answer (window, "Save Changes?", "cancel");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpstr (syn_article_get_label (herald), ==, "herald.txt");
  assert_title (window, "ferry.synopsis", folder);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_cmpstr (syn_article_get_label (herald), ==, "Evening Herald");
  assert_title (window, "• ferry.synopsis", folder);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  wait_idle (comparison);

  n = n_windows ();
  gtk_window_close (GTK_WINDOW (window));
  spin (50);
  g_assert_cmpuint (n_windows (), ==, n - 1);
  g_unlink (path);
  g_rmdir (dir);
}

/* The first label under @widget with the style class @css_class. */
static GtkLabel *
find_label_with_class (GtkWidget  *widget,
                       const char *css_class)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, css_class))
    return GTK_LABEL (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_label_with_class (child, css_class);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The columns as their headers show them, number and name:
 * "1 gazette.txt | 2 herald.txt". */
static char *
shown_columns (SynWindow *window)
{
  SynComparisonView *view = SYN_COMPARISON_VIEW (syn_window_get_view (window));
  GString *shown = g_string_new (NULL);

  for (guint c = 0; c < syn_comparison_view_get_n_columns (view); c++)
    {
      GtkWidget *column = gtk_widget_get_ancestor (GTK_WIDGET (syn_comparison_view_get_article_view (view, c)),
                                                   SYN_TYPE_ARTICLE_COLUMN);

      g_string_append_printf (shown, "%s%s %s", c > 0 ? " | " : "",
                              gtk_label_get_text (find_label_with_class (column, "syn-source-badge")),
                              gtk_label_get_text (find_label_with_class (column, "heading")));
    }
  return g_string_free (shown, FALSE);
}

/* The rows of the detail pane, number and name, as shown_columns(). */
static void
append_detail_rows (GtkWidget *widget,
                    GString   *shown)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "syn-detail-source") &&
      gtk_widget_get_visible (gtk_widget_get_parent (widget)))
    g_string_append_printf (shown, "%s%s %s", shown->len > 0 ? " | " : "",
                            gtk_label_get_text (GTK_LABEL (gtk_widget_get_prev_sibling (widget))),
                            gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    append_detail_rows (child, shown);
}

static char *
shown_detail (SynWindow *window)
{
  SynComparisonView *view = SYN_COMPARISON_VIEW (syn_window_get_view (window));
  GString *shown = g_string_new (NULL);

  append_detail_rows (GTK_WIDGET (syn_comparison_view_get_detail (view)), shown);
  return g_string_free (shown, FALSE);
}

typedef struct {
  SynWindow  *window;
  const char *columns;
} Shown;

static gboolean
columns_shown (gpointer data)
{
  Shown *shown = data;
  g_autofree char *now = shown_columns (shown->window);

  return g_str_equal (now, shown->columns);
}

static gboolean
detail_is (gpointer data)
{
  Shown *shown = data;
  g_autofree char *detail = shown_detail (shown->window);

  return g_str_equal (detail, shown->columns);
}

/* Selects the gazette's cracks, shared by both sources: the detail pane
 * shows their versions in the order of the columns. */
static void
assert_detail_in_order (SynWindow  *window,
                        const char *columns)
{
  SynComparison *comparison = syn_window_get_comparison (window);
  g_autoptr(SynArticle) first = g_list_model_get_item (syn_comparison_get_articles (comparison), 0);
  gboolean gazette_first = g_str_equal (syn_article_get_name (first), "gazette.txt");

  select_passage (window, syn_test_passage (comparison, gazette_first ? 0 : 1, "Engineers found"));
  syn_test_wait_until (detail_is, &(Shown) { window, columns }, "the detail pane in the columns' order");
}

/* Moving a column is undone like a rename. Move Right on the gazette's
 * header (view.move-source, as its button) makes it the second column,
 * the headers and the detail pane numbered in the new order, and leaves
 * the saved comparison something to save; Ctrl+Z puts it back first and,
 * at the saved state again, the mark goes and closing does not ask;
 * Ctrl+Shift+Z moves it again. */
static void
test_move_undo (void)
{
  g_autoptr(SynWindow) window = g_object_ref (new_window ());
  SynComparison *comparison = syn_window_get_comparison (window);
  GtkWidget *view = GTK_WIDGET (syn_window_get_view (window));
  g_autofree char *dir = g_dir_make_tmp ("syn-move-XXXXXX", NULL);
  g_autofree char *folder = g_str_has_prefix (dir, g_get_home_dir ())
                            ? g_strconcat ("~", dir + strlen (g_get_home_dir ()), NULL) : g_strdup (dir);
  g_autofree char *path = g_build_filename (dir, "order.synopsis", NULL);
  g_autofree char *before = NULL;
  g_auto(GStrv) heads = NULL;
  g_autofree char *moved = NULL;
  guint n;

  save_as (window, dir, "order.synopsis");
  assert_title (window, "order.synopsis", folder);
  before = shown_columns (window);
  g_test_message ("shown: %s", before);
  assert_detail_in_order (window, before);
  /* "1 X | 2 Y" becomes "1 Y | 2 X" */
  heads = g_strsplit (before, " | ", -1);
  g_assert_cmpuint (g_strv_length (heads), ==, 2);
  moved = g_strdup_printf ("1 %s | 2 %s", heads[1] + 2, heads[0] + 2);

  g_assert_true (gtk_widget_activate_action (view, "view.move-source", "(ii)", 0, 1));
  assert_title (window, "• order.synopsis", folder);
  syn_test_wait_until (columns_shown, &(Shown) { window, moved }, "the gazette to be the second column");
  wait_idle (comparison);
  assert_detail_in_order (window, moved);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  assert_title (window, "order.synopsis", folder);
  syn_test_wait_until (columns_shown, &(Shown) { window, before }, "the gazette to be first again");
  wait_idle (comparison);
  assert_detail_in_order (window, before);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  assert_title (window, "• order.synopsis", folder);
  syn_test_wait_until (columns_shown, &(Shown) { window, moved }, "the move to be redone");
  wait_idle (comparison);
  g_assert_false (syn_comparison_can_redo (comparison));

  /* undone to the saved state: closes at once */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  syn_test_wait_until (columns_shown, &(Shown) { window, before }, "the move to be undone again");
  wait_idle (comparison);
  n = n_windows ();
  gtk_window_close (GTK_WINDOW (window));
  spin (50);
  g_assert_cmpuint (n_windows (), ==, n - 1);
  g_unlink (path);
  g_rmdir (dir);
}

static gboolean
is_modified (gpointer data)
{
  return syn_comparison_get_modified (data);
}

static void
test_restore (void)
{
  g_autofree char *dir = syn_autosave_dup_default_dir ();
  /* no lock beside it: its writer is gone */
  g_autofree char *name = g_strdup ("4242-0-00000000.synopsis");
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *older = g_build_filename (dir, "4241-0-00000000.synopsis", NULL);
  g_autoptr(GPtrArray) orphans = syn_autosave_find_orphans (NULL);
  g_autoptr(SynComparison) crashed = syn_comparison_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  g_autoptr(SynArticle) herald = NULL;
  g_autoptr(SynArticle) first = NULL;
  SynWindow *window;
  SynComparison *comparison;

  /* only the copies this test leaves: those of windows destroyed by the
   * tests before are gone */
  for (guint i = 0; i < orphans->len; i++)
    syn_autosave_delete_orphan (orphans->pdata[i]);

  /* what a crash leaves: a comparison with a link made by hand, and the
   * herald moved to the first column; and an hour older, another */
  g_assert_true (syn_comparison_load_texts (crashed, names, texts, 2, &error));
  bytes = syn_comparison_save_to_bytes (crashed);
  g_mkdir_with_parents (dir, 0700);
  g_assert_true (g_file_set_contents (older, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes),
                                      &error));
  g_assert_cmpint (g_utime (older, &(struct utimbuf) { time (NULL) - 3600, time (NULL) - 3600 }), ==, 0);
  g_clear_pointer (&bytes, g_bytes_unref);
  g_assert_true (syn_comparison_link_passages (crashed, syn_test_passage (crashed, 0, "Shops"),
                                               syn_test_passage (crashed, 1, "Bakers")));
  herald = g_list_model_get_item (syn_comparison_get_articles (crashed), 1);
  syn_comparison_move_article_async (crashed, herald, 0, NULL, NULL, NULL);
  while (syn_comparison_get_busy (crashed))
    g_main_context_iteration (NULL, TRUE);
  bytes = syn_comparison_save_to_bytes (crashed);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes),
                                      &error));

  window = syn_window_new (app);
  comparison = syn_window_get_comparison (window);
  gtk_window_present (GTK_WINDOW (window));
  syn_window_offer_restore (window);
  answer_read (window, "Restore the Unsaved Comparison?", "restore", &body);
  /* says what was kept, in a reader's words, and which is restored */
  g_test_message ("%s", body);
  g_assert_true (g_str_has_prefix (body, "Synopsis closed before the changes to 2 comparisons were saved."));
  g_assert_nonnull (strstr (body, "Restore opens the latest"));
  g_assert_nonnull (strstr (body, "the passages you linked or separated"));
  g_assert_nonnull (strstr (body, "your notes"));
  g_assert_nonnull (strstr (body, "the names and order of its columns"));
  g_assert_null (strstr (body, "corrections"));
  syn_test_wait_until (is_modified, comparison, "the restored comparison");
  wait_idle (comparison);

  first = g_list_model_get_item (syn_comparison_get_articles (comparison), 0);
  g_assert_cmpstr (syn_article_get_name (first), ==, "herald.txt");
  g_assert_true (syn_passage_get_group (syn_test_passage (comparison, 1, "Shops")) ==
                 syn_passage_get_group (syn_test_passage (comparison, 0, "Bakers")));
  g_assert_null (syn_comparison_get_file (comparison));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));   /* replaced by the window's own copy */
  /* the older one is offered next time */
  g_assert_true (g_file_test (older, G_FILE_TEST_EXISTS));
  g_unlink (older);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  app = syn_test_application_init (&argc, &argv);

  g_test_add_func ("/ui/edits/link-undo", test_link_undo);
  g_test_add_func ("/ui/edits/close-asks", test_close_asks);
  g_test_add_func ("/ui/edits/restore", test_restore);
  g_test_add_func ("/ui/edits/undo-closes", test_undo_closes);
  g_test_add_func ("/ui/edits/title-names-file", test_title_names_file);
  g_test_add_func ("/ui/edits/rename-undo", test_rename_undo);
  g_test_add_func ("/ui/edits/move-undo", test_move_undo);
  status = g_test_run ();

  syn_test_application_done (g_steal_pointer (&app));
  return status;
}
