/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Saved comparisons (`.synopsis`): what a user relies on when they save a
 * comparison and open it later, elsewhere. The reopened comparison must be
 * the same — its export equal byte for byte to the one before saving, the
 * columns named and ordered as they were, the segment unit kept — also when
 * the source files have been deleted since, or changed (then the saved text
 * stays on screen and the article says its file changed). A damaged file, a
 * file from a newer version and a file of another kind are each refused
 * with their own sentence naming the file, and the comparison on screen and
 * the file itself are left as they were. Every text encoding the loader
 * reads is saved so that offsets on disk come out the same.
 */
#define G_LOG_DOMAIN "syn-test-saved"

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "fuzz-checks.h"
#include "syn-model.h"
#include "syn-test-files.h"

#define TIMEOUT_S 30

/* Two versions of a short story of our own, in the encodings people have. */
static const char first_txt[] =
  "Harbourton bridge to reopen on Friday\n\n"
  "The bridge over the Gullet will reopen on Friday after three weeks of repairs, the "
  "council said. Engineers replaced 120 metres of railing.\n\n"
  "\"We are grateful for the town's patience,\" said Mayor Ada Quill.\n";

static const char second_txt[] =
  "Gullet bridge reopens Friday\r\n\r\n"
  "The bridge over the Gullet reopens on Friday after repairs lasting three weeks, the "
  "council said. Engineers replaced 150 metres of railing.\r\n\r\n"
  "\"We thank the town for its patience,\" Mayor Ada Quill said.\r\n";

typedef struct {
  char *dir;
} Fixture;

static char *
path_in (Fixture    *fixture,
         const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

static GFile *
file_in (Fixture    *fixture,
         const char *name)
{
  g_autofree char *path = path_in (fixture, name);

  return g_file_new_for_path (path);
}

static void
write_bytes (Fixture    *fixture,
             const char *name,
             const char *data,
             gssize      len)
{
  g_autofree char *path = path_in (fixture, name);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, len, &error);
  g_assert_no_error (error);
}

static char *
read_file (Fixture    *fixture,
           const char *name,
           gsize      *len)
{
  g_autofree char *path = path_in (fixture, name);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, len, &error);
  g_assert_no_error (error);
  return contents;
}

/* UTF-16LE with a BOM, from ASCII and Latin-1 text. */
static GBytes *
utf16le (const char *text)
{
  g_autofree gunichar2 *units = g_utf8_to_utf16 (text, -1, NULL, NULL, NULL);
  GByteArray *out = g_byte_array_new ();
  static const guint8 bom[] = { 0xFF, 0xFE };

  g_byte_array_append (out, bom, 2);
  for (gunichar2 *u = units; *u != 0; u++)
    {
      guint8 pair[] = { *u & 0xFF, *u >> 8 };

      g_byte_array_append (out, pair, 2);
    }
  return g_byte_array_free_to_bytes (out);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GBytes) wide = utf16le ("Bridge works finish early\n\nThe Gullet bridge is ready on Friday, "
                                    "said Mayor Ada Quill. 120 metres of railing are new.\n");

  fixture->dir = syn_test_make_dir ("syn-saved-XXXXXX");
  write_bytes (fixture, "first.txt", first_txt, -1);
  write_bytes (fixture, "second.txt", second_txt, -1);
  /* A BOM, and Windows-1252 (“é” and curly quotes as single bytes). */
  write_bytes (fixture, "bom.txt", "\xEF\xBB\xBF" "Bridge to reopen\n\nThe caf\xC3\xA9 by the bridge "
               "reopens with it on Friday, said Ada Quill.\n", -1);
  write_bytes (fixture, "legacy.txt", "Bridge reopens\n\nThe caf\xE9 by the bridge reopens on Friday, "
               "\x93we are ready\x94, said Ada Quill.\n", -1);
  write_bytes (fixture, "wide.txt", g_bytes_get_data (wide, NULL), (gssize) g_bytes_get_size (wide));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  syn_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

/* Runs the main loop until *@result is set, or fails after TIMEOUT_S. */
static void
wait_for (GAsyncResult **result)
{
  gint64 deadline = g_get_monotonic_time () + TIMEOUT_S * G_USEC_PER_SEC;

  while (*result == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

static void
wait_idle (SynComparison *comparison)
{
  gint64 deadline = g_get_monotonic_time () + TIMEOUT_S * G_USEC_PER_SEC;

  while (syn_comparison_get_busy (comparison))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

static void
store_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* Loads @names (in the fixture) and returns the failures. */
static GPtrArray *
load_files (SynComparison  *comparison,
            Fixture        *fixture,
            const char    **names,
            GError        **error)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GAsyncResult) result = NULL;
  GPtrArray *failures = NULL;

  for (guint i = 0; names[i] != NULL; i++)
    g_ptr_array_add (files, file_in (fixture, names[i]));
  syn_comparison_load_async (comparison, (GFile **) files->pdata, files->len, NULL,
                             store_result_cb, &result);
  wait_for (&result);
  syn_comparison_load_finish (comparison, result, &failures, error);
  return failures;
}

static void
save (SynComparison *comparison,
      GFile         *file)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  syn_comparison_save_async (comparison, file, NULL, store_result_cb, &result);
  wait_for (&result);
  g_assert_true (syn_comparison_save_finish (comparison, result, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_equal (syn_comparison_get_file (comparison), file));
}

static SynArticle *
article_at (SynComparison *comparison,
            guint          i)
{
  g_autoptr(SynArticle) article = g_list_model_get_item (syn_comparison_get_articles (comparison), i);

  return article;  /* the comparison holds it */
}

static const char *all_sources[] = { "first.txt", "second.txt", "bom.txt", "legacy.txt", "wide.txt", NULL };

/* Saves a comparison of every encoding, reopens it, and compares. */
static SynComparison *
save_and_reopen (Fixture    *fixture,
                 GString   **json_before,
                 gboolean    delete_sources)
{
  g_autoptr(SynComparison) before = syn_comparison_new ();
  g_autoptr(SynComparison) after = syn_comparison_new ();
  g_autoptr(GFile) saved = file_in (fixture, "story.synopsis");
  const char *names[] = { "story.synopsis", NULL };
  g_autoptr(GPtrArray) failures = NULL;
  g_autoptr(GError) error = NULL;

  syn_comparison_set_segment_unit (before, SYN_SEGMENT_LINE);
  failures = load_files (before, fixture, all_sources, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (failures->len, ==, 0);
  g_clear_pointer (&failures, g_ptr_array_unref);
  *json_before = syn_comparison_export (before, SYN_EXPORT_JSON);
  save (before, saved);

  if (delete_sources)
    for (guint i = 0; all_sources[i] != NULL; i++)
      {
        g_autofree char *path = path_in (fixture, all_sources[i]);

        g_assert_cmpint (g_unlink (path), ==, 0);
      }

  failures = load_files (after, fixture, names, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (failures->len, ==, 0);
  return g_steal_pointer (&after);
}

static void
assert_same_comparison (SynComparison *after,
                        GString       *json_before)
{
  g_autoptr(GString) json_after = syn_comparison_export (after, SYN_EXPORT_JSON);
  GListModel *articles = syn_comparison_get_articles (after);

  /* The same columns in the same order, the same unit, the same export. */
  g_assert_cmpuint (g_list_model_get_n_items (articles), ==, 5);
  for (guint i = 0; all_sources[i] != NULL; i++)
    g_assert_cmpstr (syn_article_get_name (article_at (after, i)), ==, all_sources[i]);
  g_assert_cmpint (syn_comparison_get_segment_unit (after), ==, SYN_SEGMENT_LINE);
  g_assert_cmpstr (syn_article_get_encoding (article_at (after, 3)), ==, "WINDOWS-1252");
  g_assert_true (syn_article_get_fallback_encoding (article_at (after, 3)));
  g_assert_cmpstr (syn_article_get_encoding (article_at (after, 4)), ==, "UTF-16LE");
  g_assert_cmpstr (json_after->str, ==, json_before->str);
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GString) json_before = NULL;
  g_autoptr(SynComparison) after = save_and_reopen (fixture, &json_before, FALSE);
  g_autoptr(GFile) saved = file_in (fixture, "story.synopsis");

  assert_same_comparison (after, json_before);
  g_assert_true (g_file_equal (syn_comparison_get_file (after), saved));
  /* The files are as they were: nothing to tell. */
  for (guint i = 0; all_sources[i] != NULL; i++)
    {
      g_assert_false (syn_article_get_file_changed (article_at (after, i)));
      g_assert_false (syn_article_get_file_missing (article_at (after, i)));
    }
}

/* A name the user gave a column is saved and comes back; the file's own
 * name stays what it was. */
static void
test_custom_name (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(SynComparison) before = syn_comparison_new ();
  g_autoptr(SynComparison) after = syn_comparison_new ();
  g_autoptr(SynComparison) again = syn_comparison_new ();
  g_autoptr(GFile) saved = file_in (fixture, "named.synopsis");
  const char *names[] = { "named.synopsis", NULL };
  const char *sources[] = { "first.txt", "second.txt", NULL };
  g_autoptr(GPtrArray) failures = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  failures = load_files (before, fixture, sources, &error);
  g_assert_no_error (error);
  g_clear_pointer (&failures, g_ptr_array_unref);
  syn_article_set_custom_name (article_at (before, 1), "  Evening Gazette ");
  g_assert_cmpstr (syn_article_get_label (article_at (before, 1)), ==, "Evening Gazette");
  save (before, saved);

  failures = load_files (after, fixture, names, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (failures->len, ==, 0);
  g_assert_null (syn_article_get_custom_name (article_at (after, 0)));
  g_assert_cmpstr (syn_article_get_label (article_at (after, 0)), ==, "first.txt");
  g_assert_cmpstr (syn_article_get_custom_name (article_at (after, 1)), ==, "Evening Gazette");
  g_assert_cmpstr (syn_article_get_name (article_at (after, 1)), ==, "second.txt");
  g_assert_false (syn_comparison_get_modified (after));

  /* blanks remove it, and the file no longer holds the comparison shown */
  syn_article_set_custom_name (article_at (after, 1), "   ");
  g_assert_null (syn_article_get_custom_name (article_at (after, 1)));
  g_assert_cmpstr (syn_article_get_label (article_at (after, 1)), ==, "second.txt");
  g_assert_true (syn_comparison_get_modified (after));
  /* undone: the saved name again, nothing to save */
  g_assert_true (syn_comparison_undo (after));
  g_assert_cmpstr (syn_article_get_custom_name (article_at (after, 1)), ==, "Evening Gazette");
  g_assert_false (syn_comparison_get_modified (after));
  g_assert_true (syn_comparison_redo (after));
  g_assert_null (syn_article_get_custom_name (article_at (after, 1)));
  g_assert_true (syn_comparison_get_modified (after));
  save (after, saved);
  g_assert_false (syn_comparison_get_modified (after));

  /* a column moved is unsaved too */
  syn_comparison_move_article_async (after, article_at (after, 1), 0, NULL, store_result_cb, &result);
  wait_for (&result);
  g_assert_true (syn_comparison_move_article_finish (after, result, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (syn_article_get_name (article_at (after, 0)), ==, "second.txt");
  g_assert_true (syn_comparison_get_modified (after));
  /* and undone like a rename: the saved order again, nothing to save */
  g_assert_true (syn_comparison_undo (after));
  g_assert_false (syn_comparison_get_modified (after));
  wait_idle (after);
  g_assert_cmpstr (syn_article_get_name (article_at (after, 0)), ==, "first.txt");
  g_assert_cmpstr (syn_article_get_name (article_at (after, 1)), ==, "second.txt");
  g_assert_false (syn_comparison_get_modified (after));

  /* redone and saved at once, before the columns are shown in their new
   * order: the file holds the order redone, and nothing is left to save */
  g_assert_true (syn_comparison_redo (after));
  g_assert_true (syn_comparison_get_modified (after));
  save (after, saved);
  g_assert_false (syn_comparison_get_modified (after));
  wait_idle (after);
  g_assert_cmpstr (syn_article_get_name (article_at (after, 0)), ==, "second.txt");
  g_assert_false (syn_comparison_get_modified (after));
  g_clear_pointer (&failures, g_ptr_array_unref);
  failures = load_files (again, fixture, names, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (syn_article_get_name (article_at (again, 0)), ==, "second.txt");
  g_assert_cmpstr (syn_article_get_name (article_at (again, 1)), ==, "first.txt");
  g_assert_false (syn_comparison_get_modified (again));
}

static void
test_sources_deleted (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GString) json_before = NULL;
  g_autoptr(SynComparison) after = save_and_reopen (fixture, &json_before, TRUE);

  assert_same_comparison (after, json_before);
  for (guint i = 0; all_sources[i] != NULL; i++)
    g_assert_true (syn_article_get_file_missing (article_at (after, i)));
}

/* A file changed since: the saved text stays, the article says so, and a
 * reload reads what the file holds now. */
static void
test_source_changed (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(SynComparison) before = syn_comparison_new ();
  g_autoptr(SynComparison) after = syn_comparison_new ();
  g_autoptr(GFile) saved = file_in (fixture, "story.synopsis");
  const char *names[] = { "first.txt", "second.txt", NULL };
  const char *saved_names[] = { "story.synopsis", NULL };
  g_autoptr(GPtrArray) failures = NULL;
  g_autoptr(GPtrArray) reload_failures = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  SynArticle *first;

  g_ptr_array_unref (load_files (before, fixture, names, &error));
  g_assert_no_error (error);
  save (before, saved);
  write_bytes (fixture, "first.txt", "Harbourton bridge stays shut\n\nRepairs will take another month.\n", -1);

  failures = load_files (after, fixture, saved_names, &error);
  g_assert_no_error (error);
  first = article_at (after, 0);
  g_assert_true (syn_article_get_file_changed (first));
  g_assert_false (syn_comparison_get_modified (after));
  g_assert_false (syn_article_get_file_changed (article_at (after, 1)));
  g_assert_cmpstr (syn_article_get_text (first, NULL), ==, first_txt);

  syn_comparison_reload_async (after, NULL, NULL, store_result_cb, &result);
  wait_for (&result);
  g_assert_true (syn_comparison_reload_finish (after, result, &reload_failures, &error));
  g_assert_no_error (error);
  g_assert_false (syn_article_get_file_changed (first));
  /* the file still holds the old text: closing asks before losing the new */
  g_assert_true (syn_comparison_get_modified (after));
  g_assert_true (g_str_has_prefix (syn_article_get_text (first, NULL), "Harbourton bridge stays shut"));
}

/* A refused file: the comparison shown stays, the file is not touched, and
 * the failure names the file and says why. */
static void
assert_refused (Fixture    *fixture,
                const char *name,
                const char *contents,
                gint        code,
                const char *phrase)
{
  g_autoptr(SynComparison) comparison = syn_comparison_new ();
  const char *names[] = { "first.txt", "second.txt", NULL };
  const char *bad[] = { name, NULL };
  g_autoptr(GPtrArray) failures = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  gsize len;
  GError *failure;

  write_bytes (fixture, name, contents, -1);
  g_ptr_array_unref (load_files (comparison, fixture, names, &error));
  g_assert_no_error (error);

  failures = load_files (comparison, fixture, bad, &error);
  g_assert_error (error, SYN_COMPARISON_ERROR, SYN_COMPARISON_ERROR_NO_TEXT);
  g_assert_cmpuint (failures->len, ==, 1);
  failure = g_ptr_array_index (failures, 0);
  g_assert_error (failure, SYN_SAVED_ERROR, code);
  g_assert_nonnull (strstr (failure->message, name));
  g_assert_nonnull (strstr (failure->message, phrase));

  g_assert_cmpuint (g_list_model_get_n_items (syn_comparison_get_articles (comparison)), ==, 2);
  g_assert_null (syn_comparison_get_file (comparison));
  after = read_file (fixture, name, &len);
  g_assert_cmpstr (after, ==, contents);
}

static void
test_damaged (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(SynComparison) comparison = syn_comparison_new ();
  const char *names[] = { "first.txt", "second.txt", NULL };
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *cut = NULL;
  gsize len;

  g_ptr_array_unref (load_files (comparison, fixture, names, NULL));
  bytes = syn_comparison_save_to_bytes (comparison);
  len = g_bytes_get_size (bytes);
  /* Cut short in the middle, as a full disk or a broken copy leaves it. */
  cut = g_strndup (g_bytes_get_data (bytes, NULL), len / 2);
  assert_refused (fixture, "cut.synopsis", cut, SYN_SAVED_ERROR_DAMAGED,
                  "is a damaged saved comparison: it is cut short or garbled near line ");
  /* Valid JSON, but a source without its text. */
  assert_refused (fixture, "no-text.synopsis",
                  "{\"format\": \"synopsis-saved-comparison\", \"version\": 1, \"unit\": \"sentence\", "
                  "\"sources\": [{\"name\": \"a.txt\", \"path\": \"a.txt\", \"encoding\": \"UTF-8\"}]}",
                  SYN_SAVED_ERROR_DAMAGED, "source 1");
  /* Edits in a version that has none. */
  assert_refused (fixture, "edits.synopsis",
                  "{\"format\": \"synopsis-saved-comparison\", \"version\": 1, \"unit\": \"sentence\", "
                  "\"sources\": [{\"name\": \"a.txt\", \"path\": \"a.txt\", \"encoding\": \"UTF-8\", "
                  "\"text\": \"A text.\"}], \"edits\": [{\"link\": [0, 1e400]}]}",
                  SYN_SAVED_ERROR_DAMAGED, "edits and notes");
  /* Whole, then more: two files run together, or a copy over a longer one. */
  {
    g_autofree char *twice = g_strconcat (g_bytes_get_data (bytes, NULL), " [], \"notes\": []}\n", NULL);

    assert_refused (fixture, "more.synopsis", twice, SYN_SAVED_ERROR_DAMAGED, "something follows its end");
  }
}

static void
test_newer (Fixture       *fixture,
            gconstpointer  data)
{
  assert_refused (fixture, "future.synopsis",
                  "{\"format\": \"synopsis-saved-comparison\", \"version\": 3, \"unit\": \"clause\", "
                  "\"sources\": {}}",
                  SYN_SAVED_ERROR_NEWER, "newer version of Synopsis");
}

/* Other files are not saved comparisons, even when they are JSON. */
static void
test_foreign (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(SynComparison) comparison = syn_comparison_new ();
  const char *names[] = { "first.txt", "second.txt", NULL };
  g_autoptr(GString) export = NULL;
  g_autoptr(GError) error = NULL;
  static const guint8 png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13 };

  g_ptr_array_unref (load_files (comparison, fixture, names, NULL));
  export = syn_comparison_export (comparison, SYN_EXPORT_JSON);
  g_assert_null (syn_saved_read (export->str, export->len, &error));
  g_assert_error (error, SYN_SAVED_ERROR, SYN_SAVED_ERROR_FOREIGN);
  g_clear_error (&error);
  g_assert_null (syn_saved_read ((const char *) png, sizeof png, &error));
  g_assert_error (error, SYN_SAVED_ERROR, SYN_SAVED_ERROR_FOREIGN);
  g_clear_error (&error);
  g_assert_null (syn_saved_read (first_txt, strlen (first_txt), &error));
  g_assert_error (error, SYN_SAVED_ERROR, SYN_SAVED_ERROR_FOREIGN);
  g_clear_error (&error);
  /* JSON of another kind, run on: still not ours, rather than damaged */
  g_assert_null (syn_saved_read ("[1] [2]", 7, &error));
  g_assert_error (error, SYN_SAVED_ERROR, SYN_SAVED_ERROR_FOREIGN);
  g_assert_false (syn_saved_sniff ((const guint8 *) export->str, export->len));
  /* named as a saved comparison, it is refused as one, not compared as text */
  assert_refused (fixture, "export.synopsis", export->str, SYN_SAVED_ERROR_FOREIGN, "is not a saved comparison");
}

/* A page's text comes back with its hints and what it said of itself. */
static void
test_extracted_source (void)
{
  static const char text[] = "Bridge reopens\n\nThe bridge reopens on Friday.\n\nPhoto: Ivo Brandt";
  SynKindHint hints[] = {
    { 0, 14, SYN_PASSAGE_TITLE },
    { 16, 45, SYN_PASSAGE_BODY },
    { 47, sizeof text - 1, SYN_PASSAGE_BOILERPLATE },
  };
  SynSourceMeta meta = { "The Harbourton Herald", "Nell Carrow", "2024-03-12T08:30:00Z", "en", "Bridge reopens" };
  g_autoptr(SynSource) source = syn_source_new_extracted (SYN_ORIGIN_URL, text, sizeof text - 1, hints, 3,
                                                          "WINDOWS-1252", "https://herald.example/bridge",
                                                          &meta, NULL);
  g_autoptr(GDateTime) retrieved = g_date_time_new_utc (2024, 3, 12, 9, 15, 0);
  g_autoptr(SynSaved) saved = syn_saved_new (SYN_SEGMENT_PARAGRAPH);
  g_autoptr(SynSaved) read = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  const SynSavedSource *back;
  const SynKindHint *back_hints;
  guint n_hints;

  syn_source_set_retrieved (source, retrieved);
  syn_source_set_sha256 (source, "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
  syn_saved_add_source (saved, source, "herald.example", "https://herald.example/bridge",
                        "https://herald.example/bridge");
  bytes = syn_saved_write (saved);
  read = syn_saved_read (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  g_assert_cmpint (syn_saved_get_unit (read), ==, SYN_SEGMENT_PARAGRAPH);
  back = syn_saved_get_source (read, 0);
  g_assert_cmpstr (back->name, ==, "herald.example");
  g_assert_cmpint (syn_source_get_origin (back->source), ==, SYN_ORIGIN_URL);
  g_assert_true (syn_source_is_extracted (back->source));
  g_assert_cmpstr (syn_source_get_text (back->source, NULL), ==, text);
  g_assert_cmpstr (syn_source_get_site (back->source), ==, "The Harbourton Herald");
  g_assert_cmpstr (syn_source_get_byline (back->source), ==, "Nell Carrow");
  g_assert_cmpstr (syn_source_get_headline (back->source), ==, "Bridge reopens");
  g_assert_cmpstr (syn_source_get_encoding (back->source), ==, "WINDOWS-1252");
  g_assert_cmpstr (syn_source_get_url (back->source), ==, "https://herald.example/bridge");
  g_assert_cmpstr (syn_source_get_sha256 (back->source), ==, syn_source_get_sha256 (source));
  g_assert_true (g_date_time_equal (syn_source_get_retrieved (back->source), retrieved));
  back_hints = syn_source_get_hints (back->source, &n_hints);
  g_assert_cmpuint (n_hints, ==, 3);
  for (guint i = 0; i < n_hints; i++)
    {
      g_assert_cmpuint (back_hints[i].start, ==, hints[i].start);
      g_assert_cmpuint (back_hints[i].end, ==, hints[i].end);
      g_assert_cmpint (back_hints[i].kind, ==, hints[i].kind);
    }
}

/* The mapping made again from the text gives every offset on disk as the
 * original did, in every encoding and for text cut short. */
static void
test_mapping (void)
{
#define CASE(bytes) { bytes, sizeof bytes - 1 }
  static const struct { const char *bytes; gsize len; } cases[] = {
    CASE ("plain \xC3\xA9t\xC3\xA9"),
    CASE ("\xEF\xBB\xBF" "bom \xF0\x9F\x98\x80 text"),
    CASE ("caf\xE9 \x93quoted\x94 \x81"),
    CASE ("\xEF\xBB\xBF" "caf\xE9"),
    CASE ("\xFF\xFE" "a\0\x3D\xD8\x00\xDE" "b\0"),
    CASE ("\xFE\xFF" "\0a\0b\0"),
    CASE ("cut \xC3\xA9 \xE2\x82"),
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SynDecoded) original = syn_decode ((const guint8 *) cases[i].bytes, cases[i].len, NULL);
      g_autoptr(SynDecoded) rebuilt = NULL;
      g_autoptr(GError) error = NULL;
      gsize len;
      const char *text;

      g_assert_nonnull (original);
      text = syn_decoded_get_text (original, &len);
      rebuilt = syn_decoded_new_mapped (text, len, syn_decoded_get_encoding (original),
                                        syn_decoded_has_bom (original),
                                        syn_decoded_get_disk_length (original), &error);
      g_assert_no_error (error);
      g_assert_cmpstr (syn_decoded_get_text (rebuilt, NULL), ==, text);
      g_assert_cmpint (syn_decoded_is_fallback (rebuilt), ==, syn_decoded_is_fallback (original));
      for (gsize offset = 0; offset <= len + 1; offset++)
        g_assert_cmpuint (syn_decoded_to_disk_offset (rebuilt, offset), ==,
                          syn_decoded_to_disk_offset (original, offset));
    }
#undef CASE
}

/* Impossible sizes and unknown encodings are refused, not believed. */
static void
test_mapping_refused (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (syn_decoded_new_mapped ("abc", 3, "EBCDIC", FALSE, 3, &error));
  g_assert_error (error, SYN_DECODE_ERROR, SYN_DECODE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (syn_decoded_new_mapped ("abc", 3, "UTF-16LE", FALSE, 4, &error));
  g_assert_error (error, SYN_DECODE_ERROR, SYN_DECODE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (syn_decoded_new_mapped ("a\xFF" "c", 3, "UTF-8", FALSE, 3, &error));
  g_assert_error (error, SYN_DECODE_ERROR, SYN_DECODE_ERROR_INVALID);
}

/* Scores read as people write them: "0.609", not 0.60899999999999999. */
static void
test_export_numbers (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(SynComparison) comparison = syn_comparison_new ();
  const char *names[] = { "first.txt", "second.txt", NULL };
  g_autoptr(GString) json = NULL;
  guint n_scores = 0;

  g_ptr_array_unref (load_files (comparison, fixture, names, NULL));
  json = syn_comparison_export (comparison, SYN_EXPORT_JSON);
  for (const char *p = strstr (json->str, "\"score\" : "); p != NULL; p = strstr (p + 1, "\"score\" : "))
    {
      const char *value = p + strlen ("\"score\" : ");
      gsize digits = strspn (value, "0123456789.");
      g_autofree char *number = g_strndup (value, digits);

      g_assert_cmpuint (digits, <=, 5);
      g_assert_cmpfloat (g_ascii_strtod (number, NULL), >, 0.0);
      n_scores++;
    }
  g_assert_cmpuint (n_scores, >, 2);
}

/* Headless: --export=synopsis, then the JSON export of the saved file is
 * the JSON export of the files, even once they are gone. */
static void
test_headless (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *saved = path_in (fixture, "cli.synopsis");
  g_autofree char *json_files = path_in (fixture, "files.json");
  g_autofree char *json_saved = path_in (fixture, "saved.json");
  g_autofree char *first = path_in (fixture, "first.txt");
  g_autofree char *legacy = path_in (fixture, "legacy.txt");
  const char *inputs[] = { first, legacy, NULL };
  const char *saved_inputs[] = { saved, NULL };
  SynSegmentUnit line = SYN_SEGMENT_LINE;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *contents = NULL;
  gsize len;

  g_assert_cmpint (syn_headless_run (inputs, SYN_EXPORT_SYNOPSIS, &line, saved), ==, 0);
  g_assert_cmpint (syn_headless_run (inputs, SYN_EXPORT_JSON, &line, json_files), ==, 0);
  g_assert_cmpint (g_unlink (first), ==, 0);
  g_assert_cmpint (g_unlink (legacy), ==, 0);
  /* No --segment: the saved comparison's unit. */
  g_assert_cmpint (syn_headless_run (saved_inputs, SYN_EXPORT_JSON, NULL, json_saved), ==, 0);
  a = read_file (fixture, "files.json", &len);
  b = read_file (fixture, "saved.json", &len);
  g_assert_cmpstr (a, ==, b);
  contents = read_file (fixture, "cli.synopsis", &len);
  g_assert_true (g_str_has_prefix (contents, "{\n  \"format\" : \"synopsis-saved-comparison\",\n  \"version\" : 1,"));
}

/* The reader's fuzz check on its seeds and on every input a fuzzer found
 * (tests/regressions/saved/); a good seed must be accepted whole. */
static void
test_fuzz_corpus (void)
{
  const char *dirs[] = { "fuzz/corpus/saved", "regressions/saved" };
  g_autofree char *good = g_test_build_filename (G_TEST_DIST, "fuzz", "corpus", "saved",
                                                 "three-sources.synopsis", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(SynSaved) saved = NULL;
  g_autoptr(GError) error = NULL;
  guint n_inputs = 0;
  gsize len;

  for (guint d = 0; d < G_N_ELEMENTS (dirs); d++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, dirs[d], NULL);
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *file = g_build_filename (path, name, NULL);
          g_autofree char *data = NULL;

          if (g_str_has_suffix (name, ".md"))
            continue;
          g_file_get_contents (file, &data, &len, &error);
          g_assert_no_error (error);
          syn_fuzz_check_saved ((const guint8 *) data, len);
          n_inputs++;
        }
    }
  g_assert_cmpuint (n_inputs, >=, 8);

  g_file_get_contents (good, &contents, &len, &error);
  g_assert_no_error (error);
  saved = syn_saved_read (contents, len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (syn_saved_get_n_sources (saved), ==, 3);
  g_assert_cmpstr (syn_source_get_site (syn_saved_get_source (saved, 2)->source), ==, "The Harbourton Herald");

  /* the version 2 seed the fuzzer grows edits, notes and labels from */
  {
    g_autofree char *v2 = g_test_build_filename (G_TEST_DIST, "fuzz", "corpus", "saved", "edits-notes.synopsis", NULL);
    g_autofree char *v2_contents = NULL;
    g_autoptr(SynSaved) edited = NULL;
    guint n;

    g_file_get_contents (v2, &v2_contents, &len, &error);
    g_assert_no_error (error);
    edited = syn_saved_read (v2_contents, len, &error);
    g_assert_no_error (error);
    syn_saved_get_constraints (edited, &n);
    g_assert_cmpuint (n, ==, 3);
    syn_saved_get_notes (edited, &n);
    g_assert_cmpuint (n, ==, 2);
    g_assert_cmpstr (syn_saved_get_source (edited, 1)->label, ==, "Gazette — print");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/model/saved/round-trip", Fixture, NULL, fixture_set_up, test_round_trip, fixture_tear_down);
  g_test_add ("/model/saved/custom-name", Fixture, NULL, fixture_set_up, test_custom_name, fixture_tear_down);
  g_test_add ("/model/saved/sources-deleted", Fixture, NULL, fixture_set_up, test_sources_deleted, fixture_tear_down);
  g_test_add ("/model/saved/source-changed", Fixture, NULL, fixture_set_up, test_source_changed, fixture_tear_down);
  g_test_add ("/model/saved/damaged", Fixture, NULL, fixture_set_up, test_damaged, fixture_tear_down);
  g_test_add ("/model/saved/newer", Fixture, NULL, fixture_set_up, test_newer, fixture_tear_down);
  g_test_add ("/model/saved/foreign", Fixture, NULL, fixture_set_up, test_foreign, fixture_tear_down);
  g_test_add_func ("/model/saved/extracted-source", test_extracted_source);
  g_test_add_func ("/model/saved/mapping", test_mapping);
  g_test_add_func ("/model/saved/mapping-refused", test_mapping_refused);
  g_test_add ("/model/saved/export-numbers", Fixture, NULL, fixture_set_up, test_export_numbers, fixture_tear_down);
  g_test_add ("/model/saved/headless", Fixture, NULL, fixture_set_up, test_headless, fixture_tear_down);
  g_test_add_func ("/model/saved/fuzz-corpus", test_fuzz_corpus);

  return g_test_run ();
}
