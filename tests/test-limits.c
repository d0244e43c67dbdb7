/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Limits that keep Synopsis alive (issue 5): a 10 MB line without
 * punctuation, 200 sources at once, and files that vanish, change or turn
 * into something else while they are open.
 *
 * The times here are limits, not benchmarks: generous bounds that only a
 * runaway (quadratic work, a hang, a frozen main loop) would cross. They
 * are stretched under AddressSanitizer, which makes everything slower.
 */
#define G_LOG_DOMAIN "test-limits"

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "syn-comparison.h"
#include "syn-core.h"
#include "syn-test-slowdown.h"
#include "syn-test-files.h"

/* The documented limits. */
#define LONG_LINE_BYTES (10 * 1024 * 1024)
#define LONG_LINE_SECONDS 10
#define N_MANY_SOURCES 200
/* Longest the main loop may stall while 200 sources load: a frozen window. */
#define MAX_STALL_MS 1000

/* ------------------------------------------------------------ long line */

/* @n bytes of words without any punctuation or line end. */
static char *
make_long_line (gsize n)
{
  static const char *words[] = { "lorem", "ipsum", "dolor", "sit", "amet", "straße", "naïve", "ŝtono" };
  GString *s = g_string_sized_new (n + 16);
  guint i = 0;

  while (s->len < n)
    {
      g_string_append (s, words[i++ % G_N_ELEMENTS (words)]);
      g_string_append_c (s, ' ');
    }
  while (s->len > n || (s->len > 0 && ((guchar) s->str[s->len - 1] & 0xC0) == 0x80) ||
         s->str[s->len - 1] == ' ')
    g_string_truncate (s, s->len - 1);
  return g_string_free (s, FALSE);
}

/* Passages in order, within the cap, and covering every byte of the text
 * but the white space between them. */
static void
assert_sane_cuts (const char *text,
                  gsize       len,
                  GArray     *segs,
                  gsize       cap)
{
  gsize pos = 0;

  g_assert_cmpuint (segs->len, >=, len / cap);
  for (guint i = 0; i < segs->len; i++)
    {
      const SynSegment *s = &g_array_index (segs, SynSegment, i);

      for (; pos < s->start; pos++)
        g_assert_true (g_ascii_isspace (text[pos]));
      g_assert_cmpuint (s->end, >, s->start);
      g_assert_cmpuint (s->end - s->start, <=, cap);
      g_assert_true (g_utf8_validate_len (text + s->start, s->end - s->start, NULL));
      pos = s->end;
    }
  for (; pos < len; pos++)
    g_assert_true (g_ascii_isspace (text[pos]));
}

static void
check_long_line (const char *text,
                 gsize       len)
{
  for (SynSegmentUnit unit = SYN_SEGMENT_SENTENCE; unit <= SYN_SEGMENT_PARAGRAPH; unit++)
    {
      gint64 t0 = g_get_monotonic_time ();
      g_autoptr(GArray) segs = syn_segment_text (text, len, unit);
      double seconds = (g_get_monotonic_time () - t0) / (double) G_USEC_PER_SEC;

      g_test_message ("%s: %u passages in %.2f s", syn_segment_unit_to_string (unit), segs->len, seconds);
      g_assert_cmpfloat (seconds, <, LONG_LINE_SECONDS * syn_test_slowdown ());
      assert_sane_cuts (text, len, segs,
                        unit == SYN_SEGMENT_SENTENCE ? SYN_SEGMENT_MAX_BYTES : SYN_SEGMENT_MAX_LINE_BYTES);
    }
}

static void
test_long_line (void)
{
  gsize len = LONG_LINE_BYTES;
  g_autofree char *text = make_long_line (len);

  len = strlen (text);
  g_assert_cmpuint (len, >, LONG_LINE_BYTES - 16);
  check_long_line (text, len);
}

/* Not even a space to cut at: cut anyway, between characters. */
static void
test_long_word (void)
{
  gsize len = LONG_LINE_BYTES;
  g_autofree char *text = g_malloc (len + 1);

  for (gsize i = 0; i < len; i += 2)
    memcpy (text + i, "é", 2);  /* two bytes each: cuts must fall between */
  text[len] = '\0';
  check_long_line (text, len);
}

/* The whole pipeline on a 10 MB line beside an ordinary text. */
static void
test_long_line_compared (void)
{
  g_autofree char *line = make_long_line (LONG_LINE_BYTES);
  const char *other = "Lorem ipsum dolor sit amet.\n\nA second paragraph, unrelated.\n";
  SynSourceText texts[2] = { { line, strlen (line) }, { other, strlen (other) } };
  gint64 t0 = g_get_monotonic_time ();
  g_autoptr(SynAlignment) a = syn_alignment_compute (texts, 2, SYN_SEGMENT_SENTENCE, NULL, NULL);
  double seconds = (g_get_monotonic_time () - t0) / (double) G_USEC_PER_SEC;
  guint first, n;

  g_test_message ("aligned in %.2f s", seconds);
  g_assert_nonnull (a);
  syn_alignment_get_source_segments (a, 0, &first, &n);
  g_assert_cmpuint (n, >=, LONG_LINE_BYTES / SYN_SEGMENT_MAX_BYTES);
  g_assert_cmpfloat (seconds, <, 6 * LONG_LINE_SECONDS * syn_test_slowdown ());
}

/* ------------------------------------------------------------ model */

/* A file of the test's folder, as the model opens it. */
static GFile *
write_file (SynTestFiles *f,
            const char   *name,
            const char   *bytes,
            gssize        len)
{
  g_autofree char *path = syn_test_files_write (f, name, bytes, len);

  return g_file_new_for_path (path);
}

static void
result_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  *(GAsyncResult **) data = g_object_ref (result);
}

static gboolean
give_up_cb (gpointer data)
{
  g_error ("timed out");
  return G_SOURCE_REMOVE;
}

typedef struct {
  gint64 last;
  gint64 max_gap;
} Heartbeat;

/* Ticks every 10 ms on the main loop; a gap means the loop was blocked. */
static gboolean
heartbeat_cb (gpointer data)
{
  Heartbeat *h = data;
  gint64 now = g_get_monotonic_time ();

  h->max_gap = MAX (h->max_gap, now - h->last);
  h->last = now;
  return G_SOURCE_CONTINUE;
}

/* Iterates the main loop until *@result is set, measuring its stalls. */
static gint64
run_until (GAsyncResult **result,
           guint          timeout_s)
{
  Heartbeat h = { g_get_monotonic_time (), 0 };
  guint beat = g_timeout_add (10, heartbeat_cb, &h);
  guint give_up = g_timeout_add_seconds (timeout_s, give_up_cb, NULL);

  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (beat);
  g_source_remove (give_up);
  heartbeat_cb (&h);
  return h.max_gap / 1000;
}

static gboolean
has_failure (GPtrArray  *failures,
             const char *text)
{
  for (guint i = 0; failures != NULL && i < failures->len; i++)
    if (strstr (((GError *) g_ptr_array_index (failures, i))->message, text) != NULL)
      return TRUE;
  return FALSE;
}

static SynArticle *
get_article (SynComparison *comparison,
             guint          i)
{
  g_autoptr(SynArticle) article = g_list_model_get_item (syn_comparison_get_articles (comparison), i);

  return article;  /* the comparison keeps it */
}

/* 200 sources, some of them bad: the good ones open, each bad one is named,
 * and the main loop never stalls (the window would freeze). */
static void
test_many_sources (SynTestFiles  *f,
                   gconstpointer  data)
{
  g_autoptr(SynComparison) comparison = syn_comparison_new ();
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) failures = NULL;
  g_autoptr(GError) error = NULL;
  guint n_bad = 0;
  gint64 stall_ms, t0;

  for (guint i = 0; i < N_MANY_SOURCES; i++)
    {
      g_autofree char *name = g_strdup_printf ("source-%03u.txt", i);
      g_autoptr(GString) text = g_string_new (NULL);

      if (i % 25 == 7)
        {
          g_ptr_array_add (files, write_file (f, name, "\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16));
          n_bad++;
          continue;
        }
      g_string_append_printf (text, "Report number %u from the river town\n\n", i);
      for (guint j = 0; j < 30; j++)
        g_string_append_printf (text, "The council met on day %u and %s the plan for bridge %u. ",
                                j, (i + j) % 3 ? "approved" : "delayed", j * 7 + i % 5);
      g_ptr_array_add (files, write_file (f, name, text->str, (gssize) text->len));
    }

  t0 = g_get_monotonic_time ();
  syn_comparison_load_async (comparison, (GFile **) files->pdata, files->len, NULL, result_cb, &result);
  stall_ms = run_until (&result, 300);
  g_test_message ("200 sources in %.1f s; longest main-loop stall %" G_GINT64_FORMAT " ms",
                  (g_get_monotonic_time () - t0) / (double) G_USEC_PER_SEC, stall_ms);

  g_assert_true (syn_comparison_load_finish (comparison, result, &failures, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (failures->len, ==, n_bad);
  g_assert_true (has_failure (failures, "“source-007.txt” is not a text file"));
  g_assert_cmpuint (g_list_model_get_n_items (syn_comparison_get_articles (comparison)), ==,
                    N_MANY_SOURCES - n_bad);
  g_assert_cmpuint (g_list_model_get_n_items (syn_comparison_get_groups (comparison)), >, 0);
  g_assert_cmpint (stall_ms, <, MAX_STALL_MS * syn_test_slowdown ());
}

/* Deleted before its turn to be read: reported by name, the rest open. */
static void
test_vanishes_before_read (SynTestFiles  *f,
                           gconstpointer  data)
{
  g_autoptr(SynComparison) comparison = syn_comparison_new ();
  g_autoptr(GFile) a = write_file (f, "a.txt", "The bridge reopened on Tuesday. Traffic resumed.", -1);
  g_autoptr(GFile) b = write_file (f, "b.txt", "Traffic resumed as the bridge reopened Tuesday.", -1);
  g_autoptr(GFile) c = write_file (f, "c.txt", "It will be gone.", -1);
  GFile *files[] = { a, b, c };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) failures = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_delete (c, NULL, NULL));
  syn_comparison_load_async (comparison, files, 3, NULL, result_cb, &result);
  run_until (&result, 60);
  g_assert_true (syn_comparison_load_finish (comparison, result, &failures, &error));
  g_assert_cmpuint (failures->len, ==, 1);
  g_assert_true (has_failure (failures, "“c.txt” could not be found"));
  g_assert_cmpuint (g_list_model_get_n_items (syn_comparison_get_articles (comparison)), ==, 2);
}

/* A thread rewrites a file over and over while it is loaded: whichever
 * version is read, it is read whole (files are replaced by rename, as
 * editors save), and nothing crashes. */
typedef struct {
  char          *path;
  volatile gint  stop;
} Writer;

static gpointer
writer_thread (gpointer data)
{
  Writer *w = data;
  guint i = 0;

  while (!g_atomic_int_get (&w->stop))
    {
      g_autofree char *text = g_strdup_printf ("Version %u of the story. It keeps changing.\n", i++);
      g_file_set_contents (w->path, text, -1, NULL);
    }
  return NULL;
}

static void
test_changes_while_loading (SynTestFiles  *f,
                            gconstpointer  data)
{
  g_autoptr(GFile) a = write_file (f, "steady.txt", "Version 0 of the story. It keeps changing.\n", -1);
  g_autoptr(GFile) b = write_file (f, "moving.txt", "Version 0 of the story. It keeps changing.\n", -1);
  Writer w = { g_file_get_path (b), 0 };
  GThread *thread = g_thread_new ("writer", writer_thread, &w);

  for (guint round = 0; round < 20; round++)
    {
      g_autoptr(SynComparison) comparison = syn_comparison_new ();
      GFile *files[] = { a, b };
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GPtrArray) failures = NULL;
      g_autoptr(GError) error = NULL;
      const char *text;

      syn_comparison_load_async (comparison, files, 2, NULL, result_cb, &result);
      run_until (&result, 60);
      g_assert_true (syn_comparison_load_finish (comparison, result, &failures, &error));
      g_assert_cmpuint (failures->len, ==, 0);
      text = syn_article_get_text (get_article (comparison, 1), NULL);
      g_assert_true (g_str_has_prefix (text, "Version "));
      g_assert_true (g_str_has_suffix (text, " It keeps changing.\n"));
    }
  g_atomic_int_set (&w.stop, 1);
  g_thread_join (thread);
  g_free (w.path);
}

static void
article_changed_cb (SynComparison  *comparison,
                    SynArticle     *article,
                    SynArticle    **out)
{
  *out = article;
}

static void
wait_for_change (SynArticle **changed)
{
  guint give_up = g_timeout_add_seconds (30, give_up_cb, NULL);

  while (*changed == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (give_up);
}

/* While open, a file becomes binary, then empty, then goes: each reload
 * says what happened, and the comparison never loses the text it had. */
static void
test_turns_bad_while_open (SynTestFiles  *f,
                           gconstpointer  data)
{
  g_autoptr(SynComparison) comparison = syn_comparison_new ();
  const char *story = "The bridge reopened on Tuesday. Traffic resumed at noon.\n";
  g_autoptr(GFile) a = write_file (f, "a.txt", story, -1);
  g_autoptr(GFile) b = write_file (f, "b.txt", "Traffic resumed at noon as the bridge reopened.\n", -1);
  g_autofree char *path = g_file_get_path (a);
  GFile *files[] = { a, b };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) failures = NULL;
  g_autoptr(GError) error = NULL;
  SynArticle *changed = NULL;
  SynArticle *article;

  syn_comparison_load_async (comparison, files, 2, NULL, result_cb, &result);
  run_until (&result, 60);
  g_assert_true (syn_comparison_load_finish (comparison, result, NULL, &error));
  g_clear_object (&result);
  article = get_article (comparison, 0);
  g_signal_connect (comparison, "article-changed", G_CALLBACK (article_changed_cb), &changed);

  /* Binary now: the reload names it, the old text stays. */
  g_assert_true (g_file_set_contents (path, "\x7F" "ELF\x02\x01\x01\0\0\0", 10, NULL));
  wait_for_change (&changed);
  g_assert_true (syn_article_get_file_changed (article));
  syn_comparison_reload_async (comparison, article, NULL, result_cb, &result);
  run_until (&result, 60);
  g_assert_false (syn_comparison_reload_finish (comparison, result, &failures, &error));
  g_assert_true (has_failure (failures, "“a.txt” is not a text file"));
  g_assert_cmpstr (syn_article_get_text (article, NULL), ==, story);
  g_clear_object (&result);
  g_clear_pointer (&failures, g_ptr_array_unref);
  g_clear_error (&error);

  /* Empty now: an empty source, not an error. */
  changed = NULL;
  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  wait_for_change (&changed);
  syn_comparison_reload_async (comparison, article, NULL, result_cb, &result);
  run_until (&result, 60);
  g_assert_true (syn_comparison_reload_finish (comparison, result, &failures, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (syn_article_get_text (article, NULL), ==, "");
  g_assert_cmpuint (syn_article_get_n_passages (article), ==, 0);
  g_clear_object (&result);
  g_clear_pointer (&failures, g_ptr_array_unref);

  /* Gone: still listed, with the text it had. */
  changed = NULL;
  g_assert_cmpint (g_unlink (path), ==, 0);
  wait_for_change (&changed);
  g_assert_true (syn_article_get_file_missing (article));
  g_assert_cmpuint (g_list_model_get_n_items (syn_comparison_get_articles (comparison)), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/limits/long-line", test_long_line);
  g_test_add_func ("/model/limits/long-word", test_long_word);
  g_test_add_func ("/model/limits/long-line-compared", test_long_line_compared);
#define ADD(path, func) SYN_TEST_ADD_WITH_FILES (path, "syn-limits-XXXXXX", func)
  ADD ("/model/limits/many-sources", test_many_sources);
  ADD ("/model/limits/vanishes-before-read", test_vanishes_before_read);
  ADD ("/model/limits/changes-while-loading", test_changes_while_loading);
  ADD ("/model/limits/turns-bad-while-open", test_turns_bad_while_open);
#undef ADD

  return g_test_run ();
}
