/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Corrections made by hand in the model (SynComparison): link, unlink,
 * split, merge and notes; that they survive a re-alignment (another unit,
 * one more source, a source moved to another column); undo and redo, of
 * moves too; a save and reopen that keeps them; the
 * autosave that a killed process leaves, and restoring it. The
 * texts are an invented story about a closed bridge.
 */
#define G_LOG_DOMAIN "syn-test"

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "syn-autosave.h"
#include "syn-comparison.h"
#include "syn-headless.h"
#include "syn-test-passages.h"

static const char *names[] = { "gazette.txt", "herald.txt", "courier.txt" };
static const char *texts[] = {
  "The council closed the old river bridge on Monday morning. "
  "Engineers found deep cracks in two of its stone pillars.\n\n"
  "Shops near the water reported very few customers all week.\n\n"
  "A free ferry will carry passengers until the repairs are finished.\n",

  "The old river bridge was closed by the council on Monday morning. "
  "Deep cracks were found by engineers in two stone pillars.\n\n"
  "Bakers on the quay sold out of bread before noon.\n\n"
  "Passengers can take a free ferry until the repairs are finished.\n",

  "On Monday morning the council shut the old river bridge. "
  "Two stone pillars had deep cracks, engineers said.\n\n"
  "A free ferry now carries passengers while repairs go on.\n",
};

static void
wait_idle (SynComparison *comparison)
{
  while (syn_comparison_get_busy (comparison))
    g_main_context_iteration (NULL, TRUE);
}


static gboolean
together (SynComparison *comparison,
          guint          a,
          const char    *needle_a,
          guint          b,
          const char    *needle_b)
{
  SynGroup *ga = syn_passage_get_group (syn_test_passage (comparison, a, needle_a));

  return ga != NULL && ga == syn_passage_get_group (syn_test_passage (comparison, b, needle_b));
}

static SynComparison *
new_comparison (guint n)
{
  SynComparison *comparison = syn_comparison_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (syn_comparison_load_texts (comparison, names, texts, n, &error));
  g_assert_no_error (error);
  return comparison;
}

/* Shops (gazette) and bakers (herald) linked by hand; the ferry of the
 * herald unlinked from the gazette's. */
static void
make_edits (SynComparison *comparison)
{
  g_assert_false (together (comparison, 0, "Shops", 1, "Bakers"));
  g_assert_true (together (comparison, 0, "A free ferry", 1, "Passengers can"));

  g_assert_true (syn_comparison_link_passages (comparison, syn_test_passage (comparison, 0, "Shops"),
                                               syn_test_passage (comparison, 1, "Bakers")));
  g_assert_true (syn_comparison_get_modified (comparison));
  wait_idle (comparison);
  g_assert_true (syn_comparison_unlink_passage (comparison, syn_test_passage (comparison, 1, "Passengers can")));
  wait_idle (comparison);
}

static void
assert_edits_hold (SynComparison *comparison)
{
  g_assert_true (together (comparison, 0, "Shops", 1, "Bakers"));
  g_assert_true (syn_comparison_passage_is_linked_by_hand (comparison, syn_test_passage (comparison, 0, "Shops")));
  g_assert_false (syn_comparison_passage_is_linked_by_hand (comparison, syn_test_passage (comparison, 0, "A free")));
  g_assert_false (together (comparison, 0, "A free ferry", 1, "Passengers can"));
}

static void
test_realign (void)
{
  g_autoptr(SynComparison) comparison = new_comparison (2);
  g_autoptr(SynSource) courier = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  SynDecoded *decoded;

  make_edits (comparison);
  assert_edits_hold (comparison);

  syn_comparison_set_segment_unit (comparison, SYN_SEGMENT_PARAGRAPH);
  wait_idle (comparison);
  assert_edits_hold (comparison);
  syn_comparison_set_segment_unit (comparison, SYN_SEGMENT_SENTENCE);
  wait_idle (comparison);
  assert_edits_hold (comparison);

  decoded = syn_decode ((const guint8 *) texts[2], strlen (texts[2]), NULL);
  courier = syn_source_new_text (SYN_ORIGIN_SAMPLE, decoded, NULL);
  syn_comparison_add_source_async (comparison, courier, names[2], NULL, NULL, NULL);
  wait_idle (comparison);
  g_assert_cmpuint (g_list_model_get_n_items (syn_comparison_get_articles (comparison)), ==, 3);
  assert_edits_hold (comparison);
}

static void
test_undo_redo (void)
{
  g_autoptr(SynComparison) comparison = new_comparison (2);

  g_assert_false (syn_comparison_can_undo (comparison));
  make_edits (comparison);
  g_assert_true (syn_comparison_can_undo (comparison));
  g_assert_false (syn_comparison_can_redo (comparison));

  g_assert_true (syn_comparison_undo (comparison));   /* the unlink */
  wait_idle (comparison);
  g_assert_true (together (comparison, 0, "A free ferry", 1, "Passengers can"));
  g_assert_true (together (comparison, 0, "Shops", 1, "Bakers"));
  g_assert_true (syn_comparison_undo (comparison));   /* the link */
  wait_idle (comparison);
  g_assert_false (together (comparison, 0, "Shops", 1, "Bakers"));
  g_assert_false (syn_comparison_can_undo (comparison));
  g_assert_false (syn_comparison_undo (comparison));

  g_assert_true (syn_comparison_redo (comparison));
  g_assert_true (syn_comparison_redo (comparison));
  wait_idle (comparison);
  assert_edits_hold (comparison);
  g_assert_false (syn_comparison_can_redo (comparison));
}

static SynArticle *
article_at (SynComparison *comparison,
            guint          column)
{
  g_autoptr(SynArticle) article = g_list_model_get_item (syn_comparison_get_articles (comparison), column);

  return article;
}

/* A source moved to another column (the header's Move buttons, or a
 * drag): the links, the unlink and a note stay with their passages. The
 * move is a step of its own: undo puts the gazette back first, with its
 * corrections, then takes back the note and the unlink; redo brings all
 * three back, the gazette last again. */
static void
test_move_source (void)
{
  g_autoptr(SynComparison) comparison = new_comparison (3);
  GListModel *articles = syn_comparison_get_articles (comparison);
  g_autoptr(SynArticle) gazette = g_list_model_get_item (articles, 0);
  g_autoptr(SynArticle) last = NULL;
  SynGroup *group;

  make_edits (comparison);
  group = syn_passage_get_group (syn_test_passage (comparison, 0, "A free ferry"));
  g_assert_true (syn_comparison_set_group_note (comparison, group, "Who pays for the ferry?"));
  syn_comparison_move_article_async (comparison, gazette, 2, NULL, NULL, NULL);
  wait_idle (comparison);
  last = g_list_model_get_item (articles, 2);
  g_assert_true (last == gazette);

  g_assert_true (together (comparison, 2, "Shops", 0, "Bakers"));
  g_assert_true (syn_comparison_passage_is_linked_by_hand (comparison, syn_test_passage (comparison, 2, "Shops")));
  g_assert_false (together (comparison, 2, "A free ferry", 0, "Passengers can"));
  group = syn_passage_get_group (syn_test_passage (comparison, 2, "A free ferry"));
  g_assert_cmpstr (syn_comparison_get_group_note (comparison, group), ==, "Who pays for the ferry?");

  g_assert_true (syn_comparison_undo (comparison));   /* the move */
  wait_idle (comparison);
  g_assert_true (article_at (comparison, 0) == gazette);
  g_assert_true (together (comparison, 0, "Shops", 1, "Bakers"));
  g_assert_false (together (comparison, 0, "A free ferry", 1, "Passengers can"));
  group = syn_passage_get_group (syn_test_passage (comparison, 0, "A free ferry"));
  g_assert_cmpstr (syn_comparison_get_group_note (comparison, group), ==, "Who pays for the ferry?");

  g_assert_true (syn_comparison_undo (comparison));   /* the note */
  g_assert_true (syn_comparison_undo (comparison));   /* the unlink */
  wait_idle (comparison);
  g_assert_true (together (comparison, 0, "A free ferry", 1, "Passengers can"));
  g_assert_true (together (comparison, 0, "Shops", 1, "Bakers"));

  for (guint i = 0; i < 3; i++)
    g_assert_true (syn_comparison_redo (comparison));
  g_assert_false (syn_comparison_can_redo (comparison));
  wait_idle (comparison);
  g_assert_true (article_at (comparison, 2) == gazette);
  g_assert_false (together (comparison, 2, "A free ferry", 0, "Passengers can"));
  group = syn_passage_get_group (syn_test_passage (comparison, 2, "A free ferry"));
  g_assert_cmpstr (syn_comparison_get_group_note (comparison, group), ==, "Who pays for the ferry?");
}

/* Moves undone and redone quicker than the alignment that shows them: the
 * columns end in the order of the state reached, and its corrections go
 * with them. */
static void
test_move_undo_at_once (void)
{
  g_autoptr(SynComparison) comparison = new_comparison (3);
  g_autoptr(SynArticle) gazette = g_object_ref (article_at (comparison, 0));
  g_autoptr(SynArticle) courier = g_object_ref (article_at (comparison, 2));

  make_edits (comparison);
  g_assert_true (syn_comparison_can_undo (comparison));
  /* the gazette last, undone while it is being aligned */
  syn_comparison_move_article_async (comparison, gazette, 2, NULL, NULL, NULL);
  g_assert_true (syn_comparison_get_busy (comparison));
  g_assert_true (syn_comparison_undo (comparison));
  wait_idle (comparison);
  g_assert_true (article_at (comparison, 0) == gazette);
  g_assert_true (article_at (comparison, 2) == courier);
  assert_edits_hold (comparison);

  /* redone, then the courier first on top of it, then that undone */
  g_assert_true (syn_comparison_redo (comparison));
  syn_comparison_move_article_async (comparison, courier, 0, NULL, NULL, NULL);
  g_assert_true (syn_comparison_undo (comparison));
  wait_idle (comparison);
  g_assert_true (article_at (comparison, 2) == gazette);
  g_assert_true (article_at (comparison, 0) != courier);
  g_assert_true (together (comparison, 2, "Shops", 0, "Bakers"));
  g_assert_false (together (comparison, 2, "A free ferry", 0, "Passengers can"));

  /* a move to where it is already is no step */
  syn_comparison_move_article_async (comparison, gazette, 7, NULL, NULL, NULL);
  wait_idle (comparison);
  g_assert_true (syn_comparison_can_redo (comparison));
}

/* Undoing back to no corrections leaves nothing to save (no question on
 * closing, no unsaved mark); redoing makes it unsaved again. */
static void
test_undo_to_clean (void)
{
  g_autoptr(SynComparison) comparison = new_comparison (2);

  g_assert_false (syn_comparison_get_modified (comparison));
  make_edits (comparison);
  g_assert_true (syn_comparison_get_modified (comparison));
  g_assert_true (syn_comparison_undo (comparison));
  g_assert_true (syn_comparison_get_modified (comparison));
  g_assert_true (syn_comparison_undo (comparison));
  wait_idle (comparison);
  g_assert_false (syn_comparison_get_modified (comparison));
  g_assert_true (syn_comparison_redo (comparison));
  g_assert_true (syn_comparison_get_modified (comparison));
  g_assert_true (syn_comparison_undo (comparison));
  g_assert_false (syn_comparison_get_modified (comparison));
  wait_idle (comparison);
}

/* Renaming a column is a step like a correction: undo gives the old name
 * back to the same column, wherever it moved since, and undoing back to
 * the start leaves nothing to save. */
static void
test_rename_undo (void)
{
  g_autoptr(SynComparison) comparison = new_comparison (3);
  GListModel *articles = syn_comparison_get_articles (comparison);
  g_autoptr(SynArticle) gazette = g_list_model_get_item (articles, 0);
  g_autoptr(SynArticle) second = g_list_model_get_item (articles, 1);

  syn_article_set_custom_name (second, "Evening Herald");
  g_assert_true (syn_comparison_get_modified (comparison));
  g_assert_true (syn_comparison_can_undo (comparison));
  syn_article_set_custom_name (gazette, "Morning Gazette");
  syn_comparison_move_article_async (comparison, gazette, 2, NULL, NULL, NULL);
  wait_idle (comparison);

  g_assert_true (syn_comparison_undo (comparison));   /* the move: the names stay */
  wait_idle (comparison);
  g_assert_true (article_at (comparison, 0) == gazette);
  g_assert_cmpstr (syn_article_get_custom_name (gazette), ==, "Morning Gazette");
  g_assert_true (syn_comparison_undo (comparison));
  g_assert_null (syn_article_get_custom_name (gazette));
  g_assert_cmpstr (syn_article_get_custom_name (second), ==, "Evening Herald");
  g_assert_true (syn_comparison_get_modified (comparison));
  g_assert_true (syn_comparison_undo (comparison));
  g_assert_null (syn_article_get_custom_name (second));
  g_assert_false (syn_comparison_get_modified (comparison));
  g_assert_false (syn_comparison_can_undo (comparison));

  g_assert_true (syn_comparison_redo (comparison));
  g_assert_cmpstr (syn_article_get_custom_name (second), ==, "Evening Herald");
  g_assert_null (syn_article_get_custom_name (gazette));
  g_assert_true (syn_comparison_get_modified (comparison));
  g_assert_true (syn_comparison_redo (comparison));
  g_assert_cmpstr (syn_article_get_custom_name (gazette), ==, "Morning Gazette");
  g_assert_true (syn_comparison_redo (comparison));
  g_assert_false (syn_comparison_can_redo (comparison));
  wait_idle (comparison);
  g_assert_true (article_at (comparison, 2) == gazette);
  g_assert_cmpstr (syn_article_get_custom_name (gazette), ==, "Morning Gazette");
  g_assert_cmpstr (syn_article_get_custom_name (second), ==, "Evening Herald");
}

static void
store_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static void
save_to (SynComparison *comparison,
         GFile         *file)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  syn_comparison_save_async (comparison, file, NULL, store_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (syn_comparison_save_finish (comparison, result, &error));
  g_assert_no_error (error);
}

/* The saved state is where undo and redo come back to clean, whether it
 * was saved in this session or opened; a note counts like a link. */
static void
test_undo_to_saved (void)
{
  g_autoptr(SynComparison) comparison = new_comparison (2);
  g_autoptr(SynComparison) reopened = syn_comparison_new ();
  g_autofree char *dir = g_dir_make_tmp ("syn-edits-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "story.synopsis", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  SynGroup *group;

  make_edits (comparison);
  save_to (comparison, file);
  g_assert_false (syn_comparison_get_modified (comparison));
  g_assert_true (syn_comparison_undo (comparison));
  g_assert_true (syn_comparison_get_modified (comparison));
  g_assert_true (syn_comparison_redo (comparison));
  g_assert_false (syn_comparison_get_modified (comparison));
  wait_idle (comparison);

  syn_comparison_load_async (reopened, &file, 1, NULL, NULL, NULL);
  wait_idle (reopened);
  g_assert_false (syn_comparison_get_modified (reopened));
  group = syn_passage_get_group (syn_test_passage (reopened, 0, "Shops"));
  g_assert_true (syn_comparison_set_group_note (reopened, group, "Checked with the harbour office."));
  g_assert_true (syn_comparison_get_modified (reopened));
  g_assert_true (syn_comparison_undo (reopened));
  g_assert_false (syn_comparison_get_modified (reopened));
  /* back before what was opened: unsaved again */
  g_assert_false (syn_comparison_can_undo (reopened));

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_split_merge (void)
{
  g_autoptr(SynComparison) comparison = new_comparison (3);

  g_assert_true (together (comparison, 0, "Engineers found", 1, "Deep cracks"));
  g_assert_true (together (comparison, 1, "Deep cracks", 2, "Two stone"));
  /* gazette | herald + courier */
  g_assert_true (syn_comparison_split_group (comparison, syn_test_passage (comparison, 1, "Deep cracks")));
  wait_idle (comparison);
  g_assert_false (together (comparison, 0, "Engineers found", 1, "Deep cracks"));
  g_assert_true (together (comparison, 1, "Deep cracks", 2, "Two stone"));

  g_assert_true (syn_comparison_merge_groups (comparison, syn_test_passage (comparison, 0, "Engineers found"),
                                              syn_test_passage (comparison, 2, "Two stone")));
  wait_idle (comparison);
  g_assert_true (together (comparison, 0, "Engineers found", 1, "Deep cracks"));
  g_assert_true (together (comparison, 1, "Deep cracks", 2, "Two stone"));
}

/* The report's summary counts the corrections, lists each with its
 * passages and gives the note; the group's row says it was linked by
 * hand. */
static void
assert_report_has_edits (GString *html)
{
  const char *edits = strstr (html->str, "id=\"edits\"");
  const char *link, *unlink;

  g_assert_nonnull (edits);
  g_assert_nonnull (strstr (edits, "Corrected by hand: 1 link"));
  link = strstr (edits, "<li class=\"link\"><span class=\"hand\">Linked by hand:</span>");
  g_assert_nonnull (link);
  g_assert_true (g_str_has_prefix (strstr (link, "“"), "“Shops near the water reported very few customers all week.”"));
  g_assert_nonnull (strstr (link, "“Bakers on the quay sold out of bread before noon.”"));
  unlink = strstr (edits, "<li class=\"unlink\"><span class=\"hand\">Kept apart by hand:</span>");
  g_assert_nonnull (unlink);
  g_assert_true (g_str_has_prefix (strstr (unlink, "“"), "“Passengers can take a free ferry"));
  g_assert_nonnull (strstr (unlink, "“A free ferry will carry passengers"));
  g_assert_nonnull (strstr (edits, "Two outlets describe the quay differently."));
  g_assert_nonnull (strstr (html->str, "linked by hand</span>"));
  g_string_free (html, TRUE);
}

/* The text of passage @id of a JSON export. */
static const char *
passage_text (JsonObject *root,
              JsonNode   *id)
{
  JsonArray *passages = json_object_get_array_member (root, "passages");

  g_assert_true (JSON_NODE_HOLDS_VALUE (id));
  return json_object_get_string_member (json_array_get_object_element (passages, json_node_get_int (id)),
                                        "text");
}

/* Whether the correction @edit is a @kind of the passages that begin
 * with @a and @b, in that order. */
static gboolean
is_edit (JsonObject *root,
         JsonObject *edit,
         const char *kind,
         const char *a,
         const char *b)
{
  JsonArray *ids = json_object_get_array_member (edit, "passages");

  return g_str_equal (json_object_get_string_member (edit, "kind"), kind) &&
         g_str_has_prefix (passage_text (root, json_array_get_element (ids, 0)), a) &&
         g_str_has_prefix (passage_text (root, json_array_get_element (ids, 1)), b);
}

/* The JSON export names each correction's passages and gives the note
 * with the group it is on; the text listing ends with them. */
static void
assert_exports_have_edits (GString *json,
                           GString *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root, *note;
  JsonArray *edits, *notes, *group;
  gboolean link = FALSE, unlink = FALSE, noted = FALSE;

  g_assert_true (json_parser_load_from_data (parser, json->str, (gssize) json->len, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  edits = json_object_get_array_member (root, "edits");
  g_assert_nonnull (edits);
  for (guint i = 0; i < json_array_get_length (edits); i++)
    {
      JsonObject *edit = json_array_get_object_element (edits, i);

      link |= is_edit (root, edit, "link", "Shops near the water", "Bakers on the quay");
      unlink |= is_edit (root, edit, "unlink", "Passengers can take", "A free ferry will");
      /* where the passages were, as offsets of the texts */
      g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (edit, "a"), "end"), >,
                       json_object_get_int_member (json_object_get_object_member (edit, "a"), "start"));
    }
  g_assert_true (link);
  g_assert_true (unlink);

  notes = json_object_get_array_member (root, "notes");
  g_assert_cmpuint (json_array_get_length (notes), ==, 1);
  note = json_array_get_object_element (notes, 0);
  g_assert_cmpstr (json_object_get_string_member (note, "text"), ==, "Two outlets describe the quay differently.");
  group = json_object_get_array_member (json_array_get_object_element (json_object_get_array_member (root, "groups"),
                                                                       json_object_get_int_member (note, "group")),
                                        "passages");
  for (guint i = 0; i < json_array_get_length (group); i++)
    noted |= g_str_has_prefix (passage_text (root, json_array_get_element (group, i)), "Bakers on the quay");
  g_assert_true (noted);

  g_assert_nonnull (strstr (text->str, "\n  link   [1] “Shops near the water reported very few customers all week.” "
                                       "with [2] “Bakers on the quay sold out of bread before noon.”\n"));
  g_assert_nonnull (strstr (text->str, "\n  unlink [2] “Passengers can take a free ferry"));
  g_assert_nonnull (strstr (text->str, ": Two outlets describe the quay differently.\n"));
}

static GString *
headless_export (const char      *path,
                 const char      *dir,
                 SynExportFormat  format)
{
  g_autofree char *out_path = g_build_filename (dir, "export", NULL);
  const char *paths[] = { path, NULL };
  g_autofree char *data = NULL;
  gsize len;

  g_assert_cmpint (syn_headless_run (paths, format, NULL, out_path), ==, 0);
  g_assert_true (g_file_get_contents (out_path, &data, &len, NULL));
  g_unlink (out_path);
  return g_string_new_len (data, (gssize) len);
}

static void
test_save_reopen (void)
{
  g_autoptr(SynComparison) comparison = new_comparison (3);
  g_autoptr(SynComparison) reopened = syn_comparison_new ();
  g_autofree char *dir = g_dir_make_tmp ("syn-edits-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "story.synopsis", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GString) before = NULL, after = NULL;
  g_autoptr(GError) error = NULL;
  SynGroup *group;

  make_edits (comparison);
  group = syn_passage_get_group (syn_test_passage (comparison, 0, "Shops"));
  g_assert_true (syn_comparison_set_group_note (comparison, group, "Two outlets describe the quay differently."));
  g_assert_cmpstr (syn_comparison_get_group_note (comparison, group), ==,
                   "Two outlets describe the quay differently.");

  bytes = syn_comparison_save_to_bytes (comparison);
  g_assert_nonnull (strstr (g_bytes_get_data (bytes, NULL), "\"version\" : 2"));
  g_assert_true (g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                          NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, &error));
  g_assert_no_error (error);

  syn_comparison_load_async (reopened, &file, 1, NULL, NULL, NULL);
  wait_idle (reopened);
  g_assert_false (syn_comparison_get_modified (reopened));
  assert_edits_hold (reopened);
  group = syn_passage_get_group (syn_test_passage (reopened, 1, "Bakers"));
  g_assert_cmpstr (syn_comparison_get_group_note (reopened, group), ==,
                   "Two outlets describe the quay differently.");
  before = syn_comparison_export (comparison, SYN_EXPORT_JSON);
  after = syn_comparison_export (reopened, SYN_EXPORT_JSON);
  g_assert_cmpstr (before->str, ==, after->str);

  assert_report_has_edits (syn_comparison_export (reopened, SYN_EXPORT_HTML));
  {
    g_autoptr(GString) text = syn_comparison_export (reopened, SYN_EXPORT_TEXT);
    g_autoptr(GString) json = headless_export (path, dir, SYN_EXPORT_JSON);

    assert_exports_have_edits (after, text);
    /* headless, from the saved file: the same export, corrections included */
    g_assert_cmpstr (json->str, ==, after->str);
    g_string_free (text, TRUE);
    text = headless_export (path, dir, SYN_EXPORT_TEXT);
    assert_exports_have_edits (json, text);
  }

  /* headless, from the saved file: the same corrections */
  {
    g_autofree char *out_path = g_build_filename (dir, "report.html", NULL);
    const char *paths[] = { path, NULL };
    g_autofree char *html = NULL;

    g_assert_cmpint (syn_headless_run (paths, SYN_EXPORT_HTML, NULL, out_path), ==, 0);
    g_assert_true (g_file_get_contents (out_path, &html, NULL, NULL));
    assert_report_has_edits (g_string_new (html));
    g_unlink (out_path);
  }

  g_unlink (path);
  g_rmdir (dir);
}

/* The child: corrects a comparison, waits for the copy to be written, and
 * is killed, as a crash or `kill -9` would end it. */
static void
autosave_child (void)
{
  g_autoptr(SynComparison) comparison = new_comparison (2);
  SynAutosave *autosave = syn_autosave_new (comparison, g_getenv ("SYN_TEST_AUTOSAVE_DIR"), 50);

  make_edits (comparison);
  while (!g_file_test (syn_autosave_get_path (autosave), G_FILE_TEST_EXISTS))
    g_main_context_iteration (NULL, TRUE);
  raise (SIGKILL);
}

static void
test_autosave_killed (void)
{
  const char *dir = g_getenv ("SYN_TEST_AUTOSAVE_DIR");
  g_autoptr(GPtrArray) orphans = NULL;
  g_autoptr(SynComparison) restored = syn_comparison_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *orphan_path = NULL;

  if (g_test_subprocess ())
    {
      autosave_child ();
      return;
    }
  g_test_trap_subprocess (NULL, 20 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();   /* killed, not exited */

  orphans = syn_autosave_find_orphans (dir);
  g_assert_cmpuint (orphans->len, ==, 1);
  orphan_path = g_file_get_path (orphans->pdata[0]);
  syn_comparison_load_async (restored, (GFile **) &orphans->pdata[0], 1, NULL, NULL, NULL);
  wait_idle (restored);
  syn_comparison_mark_unsaved (restored);
  g_assert_null (syn_comparison_get_file (restored));
  g_assert_true (syn_comparison_get_modified (restored));
  assert_edits_hold (restored);

  syn_autosave_delete_orphan (orphans->pdata[0]);
  g_assert_false (g_file_test (orphan_path, G_FILE_TEST_EXISTS));
}

/* A copy exists only while something is unsaved. */
static void
test_autosave_removed (void)
{
  g_autofree char *dir = g_dir_make_tmp ("syn-autosave-XXXXXX", NULL);
  g_autofree char *target = g_build_filename (dir, "saved.synopsis", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (target);
  g_autoptr(SynComparison) comparison = new_comparison (2);
  g_autoptr(GPtrArray) orphans = NULL;
  SynAutosave *autosave = syn_autosave_new (comparison, dir, 50);
  g_autofree char *path = g_strdup (syn_autosave_get_path (autosave));
  g_autoptr(GError) error = NULL;

  g_assert_true (syn_autosave_write_now (autosave, &error));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));   /* nothing to keep yet */
  make_edits (comparison);
  g_assert_true (syn_autosave_write_now (autosave, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  /* ours, and we are running: not an orphan */
  orphans = syn_autosave_find_orphans (dir);
  g_assert_cmpuint (orphans->len, ==, 0);

  syn_comparison_save_async (comparison, file, NULL, NULL, NULL);
  while (syn_comparison_get_modified (comparison))
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  g_assert_true (syn_comparison_unlink_passage (comparison, syn_test_passage (comparison, 0, "Engineers found")));
  wait_idle (comparison);
  g_assert_true (syn_autosave_write_now (autosave, &error));
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  syn_autosave_free (autosave);   /* the window closed: discarded */
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  g_unlink (target);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *autosave_dir = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  /* set before any thread runs; the killed child inherits it */
  if (g_getenv ("SYN_TEST_AUTOSAVE_DIR") == NULL)
    {
      autosave_dir = g_dir_make_tmp ("syn-autosave-XXXXXX", NULL);
      g_setenv ("SYN_TEST_AUTOSAVE_DIR", autosave_dir, TRUE);
    }
  g_test_add_func ("/model/edits/realign", test_realign);
  g_test_add_func ("/model/edits/undo-redo", test_undo_redo);
  g_test_add_func ("/model/edits/move-source", test_move_source);
  g_test_add_func ("/model/edits/move-undo-at-once", test_move_undo_at_once);
  g_test_add_func ("/model/edits/undo-to-clean", test_undo_to_clean);
  g_test_add_func ("/model/edits/undo-to-saved", test_undo_to_saved);
  g_test_add_func ("/model/edits/rename-undo", test_rename_undo);
  g_test_add_func ("/model/edits/split-merge", test_split_merge);
  g_test_add_func ("/model/edits/save-reopen", test_save_reopen);
  g_test_add_func ("/model/edits/autosave-killed", test_autosave_killed);
  g_test_add_func ("/model/edits/autosave-removed", test_autosave_removed);
  status = g_test_run ();
  if (autosave_dir != NULL)
    g_rmdir (autosave_dir);
  return status;
}
