/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A comparison view in a window of its own, as the view's and the
 * accessibility tests use it: texts we write, loaded, shown and then torn
 * down, checking that the view lets go of the comparison.
 */
#pragma once

#include <string.h>
#include <gtk/gtk.h>

#include "syn-comparison-view.h"
#include "syn-model.h"
#include "syn-test-ui.h"

typedef struct {
  GtkWidget         *window;
  SynComparisonView *view;
  SynComparison     *comparison;
} SynTestView;

/* Compares @texts (named @names) in a @width × @height window titled
 * @title (or untitled), shown and drawn a few frames. */
static inline void
syn_test_view_load (SynTestView        *fixture,
                    const char         *title,
                    const char * const *names,
                    const char * const *texts,
                    guint               n_texts,
                    int                 width,
                    int                 height)
{
  g_autoptr(GError) error = NULL;

  fixture->comparison = syn_comparison_new ();
  g_assert_true (syn_comparison_load_texts (fixture->comparison, names, texts, n_texts, &error));
  g_assert_no_error (error);

  fixture->window = gtk_window_new ();
  if (title != NULL)
    gtk_window_set_title (GTK_WINDOW (fixture->window), title);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), width, height);
  fixture->view = SYN_COMPARISON_VIEW (syn_comparison_view_new ());
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->view));
  syn_comparison_view_set_comparison (fixture->view, fixture->comparison);
  gtk_window_present (GTK_WINDOW (fixture->window));
  syn_test_wait_frames (fixture->window, 4);
}

static inline gboolean
syn_test_view_is_freed (gpointer data)
{
  return *(gpointer *) data == NULL;
}

/* The view goes with the window, and lets go of the comparison. */
static inline void
syn_test_view_tear_down (SynTestView *fixture)
{
  g_object_add_weak_pointer (G_OBJECT (fixture->view), (gpointer *) &fixture->view);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  syn_test_wait_until (syn_test_view_is_freed, &fixture->view, "the view to be freed");
  g_assert_finalize_object (fixture->comparison);
}

static inline int
syn_test_view_compare_names (gconstpointer a,
                             gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Compares the real versions of one story kept beside the checkout (or in
 * $SYN_SEEDS_DIR), in file name order, as syn_test_view_load() does, and
 * returns how many. They stay outside the project: where this machine
 * lacks them the test is skipped and 0 returned. */
static inline guint
syn_test_view_load_seeds (SynTestView *fixture,
                          const char  *title,
                          int          width,
                          int          height)
{
  g_autofree char *dir = g_strdup (g_getenv ("SYN_SEEDS_DIR"));
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) listing = NULL;
  const char *entry;

  if (dir == NULL)
    dir = g_test_build_filename (G_TEST_DIST, "..", "..", "shared", "seeds", NULL);
  listing = g_dir_open (dir, 0, NULL);
  if (listing == NULL)
    {
      g_test_skip ("No seed articles on this machine (SYN_SEEDS_DIR)");
      return 0;
    }
  while ((entry = g_dir_read_name (listing)) != NULL)
    if (g_str_has_suffix (entry, ".txt"))
      g_ptr_array_add (names, g_strdup (entry));
  g_ptr_array_sort (names, syn_test_view_compare_names);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, g_ptr_array_index (names, i), NULL);
      char *text = NULL;

      g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
      g_ptr_array_add (texts, text);
    }
  if (names->len < 2)
    {
      g_test_skip ("Fewer than two seed articles");
      return 0;
    }
  syn_test_view_load (fixture, title, (const char * const *) names->pdata, (const char * const *) texts->pdata,
                      names->len, width, height);
  return names->len;
}

/* The span of @column whose passage contains @needle; fails the test when
 * there is none. */
static inline guint
syn_test_view_find_span (SynTestView *fixture,
                         guint        column,
                         const char  *needle)
{
  SynArticleView *view = syn_comparison_view_get_article_view (fixture->view, column);

  for (guint i = 0; i < syn_article_view_get_n_spans (view); i++)
    {
      g_autofree char *text = syn_passage_dup_text (syn_article_view_get_span (view, i)->passage);

      if (strstr (text, needle) != NULL)
        return i;
    }
  g_error ("No passage with “%s” in column %u", needle, column);
  return 0;
}
