/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Sources that are not plain text files, through the model: a saved web
 * page opens as the article it holds (by its content, whatever its name),
 * a page fetched from an address likewise, and a comparison mixing them
 * with text files aligns them as it would the text. What a reader notices
 * is asserted: the column is named by the outlet, the headline is the
 * title, captions are dimmed, the share bar is gone, the story's
 * paragraphs correspond across versions, and a page that fails is named
 * while the others open. The export says where each source came from and,
 * for extracted text, carries the text its offsets refer to.
 *
 * The pages are served by a SoupServer of our own on 127.0.0.1, in a thread
 * of its own, while the model's worker fetches them.
 */
#define G_LOG_DOMAIN "syn-test-sources"

#include "config.h"

#include <string.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "syn-headless.h"
#include "syn-model.h"
#include "syn-test-files.h"
#include "syn-test-passages.h"
#include "syn-test-server.h"

#define TIMEOUT_S 30

#define HEADLINE "Ferry service to Gullet Island resumes after storm"

#define PARAGRAPH_1 \
  "The ferry to Gullet Island sailed again on Tuesday, four days after the storm " \
  "closed the harbour at Harbourton."
#define PARAGRAPH_2 \
  "Captain Rosa Imber said the first crossing carried 85 passengers and a load of " \
  "drinking water for the island's school."
#define PARAGRAPH_3 \
  "The council expects the causeway to stay closed until the end of the month while " \
  "engineers inspect its foundations."

#define CAPTION "The ferry Maud Allen leaves Harbourton on Tuesday morning. Photo: Ivo Brandt"

/* A news page as a site serves it: the story among its furniture. */
static const char page_html[] =
  "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
  "<title>" HEADLINE " | The Harbourton Herald</title>\n"
  "<meta property=\"og:site_name\" content=\"The Harbourton Herald\">\n"
  "<meta property=\"og:title\" content=\"" HEADLINE "\">\n"
  "<meta property=\"article:published_time\" content=\"2024-03-12T08:30:00Z\">\n"
  "<meta name=\"author\" content=\"Nell Carrow\">\n"
  "</head><body>\n"
  "<nav class=\"site-nav\"><ul><li><a href=\"/\">Home</a></li><li><a href=\"/news\">News</a></li>"
  "<li><a href=\"/sport\">Sport</a></li><li><a href=\"/weather\">Weather</a></li></ul></nav>\n"
  "<div class=\"cookie-banner\">We use cookies to improve your experience. <a href=\"/cookies\">"
  "Accept all cookies</a></div>\n"
  "<main><article>\n<h1>" HEADLINE "</h1>\n"
  "<p class=\"byline\">By Nell Carrow</p>\n"
  "<div class=\"share-bar\"><a href=\"#\">Share on Facebook</a> <a href=\"#\">Share on X</a> "
  "<a href=\"#\">Email this story</a></div>\n"
  "<figure><img src=\"ferry.jpg\" alt=\"\"><figcaption>" CAPTION "</figcaption></figure>\n"
  "<p>" PARAGRAPH_1 "</p>\n<p>" PARAGRAPH_2 "</p>\n<p>" PARAGRAPH_3 "</p>\n"
  "</article></main>\n"
  "<section class=\"comments\"><h2>Leave a comment</h2><p>You must be logged in to post a comment.</p></section>\n"
  "<aside class=\"related\"><h2>Related stories</h2><ul>"
  "<li><a href=\"/a\">Storm closes Harbourton causeway</a></li>"
  "<li><a href=\"/b\">Island school to reopen next week</a></li></ul></aside>\n"
  "<footer><p>© 2024 The Harbourton Herald. All rights reserved.</p></footer>\n"
  "</body></html>\n";

/* The same story told by another outlet, as a text file. */
static const char story_txt[] =
  "Gullet Island ferry back in service\n\n"
  "The ferry to Gullet Island sailed again on Tuesday, four days after the storm closed "
  "the harbour at Harbourton.\n\n"
  "Captain Rosa Imber said the first crossing carried 85 passengers and a load of drinking "
  "water for the island's school.\n\n"
  "The council expects the causeway to stay closed until the end of the month while "
  "engineers inspect its foundations.\n";

/* A page with nothing to read. */
static const char empty_page_html[] =
  "<!DOCTYPE html><html><head><title></title></head><body><nav><a href=\"/\">Home</a></nav>"
  "</body></html>";

/* ------------------------------------------------------------ helpers */

typedef struct {
  char *dir;
} Fixture;

static void
write_file (Fixture    *fixture,
            const char *name,
            const char *contents)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static GFile *
file_in (Fixture    *fixture,
         const char *name)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

  return g_file_new_for_path (path);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = syn_test_make_dir ("syn-sources-XXXXXX");
  write_file (fixture, "ferry.html", page_html);
  write_file (fixture, "story.txt", story_txt);
  /* A saved page without the usual name, and text with an .html name. */
  write_file (fixture, "ferry-page", page_html);
  write_file (fixture, "notes.html", "Notes on the ferry: <b> marks bold text in HTML.\n");
  write_file (fixture, "empty.html", empty_page_html);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  syn_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static void
result_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static gboolean
timeout_cb (gpointer user_data)
{
  g_error ("timed out waiting for the comparison");
  return G_SOURCE_REMOVE;
}

static void
wait_for (GAsyncResult **result)
{
  guint id = g_timeout_add_seconds (TIMEOUT_S, timeout_cb, NULL);

  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (id);
}

/* Loads @files and returns the failures; asserts the load succeeded. */
static GPtrArray *
load (SynComparison  *comparison,
      GFile         **files,
      guint           n_files)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *failures = NULL;

  syn_comparison_load_async (comparison, files, n_files, NULL, result_cb, &result);
  wait_for (&result);
  g_assert_true (syn_comparison_load_finish (comparison, result, &failures, &error));
  g_assert_no_error (error);
  return failures;
}

static SynArticle *
article_at (SynComparison *comparison,
            guint          i)
{
  g_autoptr(SynArticle) article = g_list_model_get_item (syn_comparison_get_articles (comparison), i);

  g_assert_nonnull (article);
  return article;  /* the list holds it */
}

static void
assert_grouped_with (SynPassage *a,
                     SynPassage *b)
{
  g_assert_nonnull (a);
  g_assert_nonnull (b);
  g_assert_nonnull (syn_passage_get_group (a));
  g_assert_true (syn_passage_get_group (a) == syn_passage_get_group (b));
}

/* ------------------------------------------------------------ saved pages */

/* A saved page is read as the article it holds and aligns with the text. */
static void
test_saved_page (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(SynComparison) comparison = syn_comparison_new ();
  g_autoptr(GFile) page = file_in (fixture, "ferry.html");
  g_autoptr(GFile) story = file_in (fixture, "story.txt");
  GFile *files[] = { page, story };
  g_autoptr(GPtrArray) failures = load (comparison, files, 2);
  SynArticle *web = article_at (comparison, 0);
  SynArticle *text = article_at (comparison, 1);
  const char *extracted;
  SynPassage *caption;

  g_assert_cmpuint (failures->len, ==, 0);
  g_assert_cmpint (syn_article_get_origin (web), ==, SYN_ORIGIN_FILE);
  g_assert_true (syn_source_is_extracted (syn_article_get_source (web)));
  g_assert_null (syn_article_get_decoded (web));
  g_assert_cmpstr (syn_article_get_label (web), ==, "The Harbourton Herald");
  g_assert_cmpstr (syn_article_get_published (web), ==, "2024-03-12T08:30:00Z");
  g_assert_cmpstr (syn_article_get_title (web), ==, HEADLINE);
  /* the text file is still known by its name, and not extracted */
  g_assert_cmpstr (syn_article_get_label (text), ==, "story.txt");
  g_assert_false (syn_source_is_extracted (syn_article_get_source (text)));

  /* the furniture is gone, the caption is kept but dimmed */
  extracted = syn_article_get_text (web, NULL);
  g_assert_null (strstr (extracted, "Share on Facebook"));
  g_assert_null (strstr (extracted, "cookies"));
  g_assert_null (strstr (extracted, "Related stories"));
  g_assert_null (strstr (extracted, "logged in to post"));
  g_assert_null (strstr (extracted, "All rights reserved"));
  g_assert_null (strstr (extracted, "<p>"));
  caption = syn_test_find_passage (web, "leaves Harbourton on Tuesday morning");
  g_assert_nonnull (caption);
  g_assert_cmpint (syn_passage_get_kind (caption), ==, SYN_PASSAGE_BOILERPLATE);

  /* the story's sentences correspond to the text file's */
  assert_grouped_with (syn_test_find_passage (web, "sailed again on Tuesday"),
                       syn_test_find_passage (text, "sailed again on Tuesday"));
  assert_grouped_with (syn_test_find_passage (web, "85 passengers"), syn_test_find_passage (text, "85 passengers"));
  assert_grouped_with (syn_test_find_passage (web, "inspect its foundations"),
                       syn_test_find_passage (text, "inspect its foundations"));
  g_assert_cmpuint (syn_article_get_n_unique (web), ==, 0);
}

/* Whether a file is a page is told by its content, not its name. */
static void
test_sniffed_by_content (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(SynComparison) comparison = syn_comparison_new ();
  g_autoptr(GFile) page = file_in (fixture, "ferry-page");
  g_autoptr(GFile) notes = file_in (fixture, "notes.html");
  GFile *files[] = { page, notes };
  g_autoptr(GPtrArray) failures = load (comparison, files, 2);
  SynArticle *web = article_at (comparison, 0);
  SynArticle *text = article_at (comparison, 1);

  g_assert_cmpuint (failures->len, ==, 0);
  g_assert_true (syn_source_is_extracted (syn_article_get_source (web)));
  g_assert_cmpstr (syn_article_get_label (web), ==, "The Harbourton Herald");
  g_assert_false (syn_source_is_extracted (syn_article_get_source (text)));
  g_assert_nonnull (strstr (syn_article_get_text (text, NULL), "<b> marks bold"));
}

/* A page with nothing to read is named; the others open. */
static void
test_page_without_text (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(SynComparison) comparison = syn_comparison_new ();
  g_autoptr(GFile) empty = file_in (fixture, "empty.html");
  g_autoptr(GFile) story = file_in (fixture, "story.txt");
  GFile *files[] = { empty, story };
  g_autoptr(GPtrArray) failures = load (comparison, files, 2);
  const GError *failure;

  g_assert_cmpuint (g_list_model_get_n_items (syn_comparison_get_articles (comparison)), ==, 1);
  g_assert_cmpuint (failures->len, ==, 1);
  failure = g_ptr_array_index (failures, 0);
  g_assert_cmpstr (failure->message, ==, "“empty.html” is a web page without readable text");
}

/* ------------------------------------------------------------ the server */

static void
serve_cb (SoupServer        *server,
          SoupServerMessage *msg,
          const char        *path,
          GHashTable        *query,
          gpointer           user_data)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

  if (g_str_equal (path, "/ferry"))
    {
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "text/html; charset=utf-8", SOUP_MEMORY_STATIC,
                                        page_html, strlen (page_html));
    }
  else if (g_str_equal (path, "/old-address"))
    {
      soup_message_headers_replace (headers, "Location", "/ferry");
      soup_server_message_set_status (msg, SOUP_STATUS_MOVED_PERMANENTLY, NULL);
    }
  else
    soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
}

static GFile *
url_file (SynTestServer *server,
          const char    *path)
{
  g_autofree char *uri = syn_test_server_dup_url (server, path);

  return g_file_new_for_uri (uri);
}

/* ------------------------------------------------------------ addresses */

/* Pages fetched by address open beside files; a missing one is named. */
static void
test_fetched_pages (Fixture       *fixture,
                    gconstpointer  data)
{
  SynTestServer *server = syn_test_server_start (serve_cb, NULL, NULL);
  g_autoptr(SynComparison) comparison = syn_comparison_new ();
  g_autoptr(GFile) page = url_file (server, "/old-address");
  g_autoptr(GFile) missing = url_file (server, "/gone");
  g_autoptr(GFile) story = file_in (fixture, "story.txt");
  GFile *files[] = { page, missing, story };
  g_autoptr(GPtrArray) failures = load (comparison, files, 3);
  g_autofree char *final = syn_test_server_dup_url (server, "/ferry");
  g_autofree char *missing_uri = g_file_get_uri (missing);
  SynArticle *web;
  const GError *failure;

  g_assert_cmpuint (g_list_model_get_n_items (syn_comparison_get_articles (comparison)), ==, 2);
  web = article_at (comparison, 0);
  g_assert_cmpint (syn_article_get_origin (web), ==, SYN_ORIGIN_URL);
  g_assert_cmpstr (syn_article_get_label (web), ==, "The Harbourton Herald");
  /* the address after the redirect is recorded */
  g_assert_cmpstr (syn_article_get_url (web), ==, final);
  g_assert_nonnull (syn_source_get_retrieved (syn_article_get_source (web)));
  assert_grouped_with (syn_test_find_passage (web, "85 passengers"),
                       syn_test_find_passage (article_at (comparison, 1), "85 passengers"));

  g_assert_cmpuint (failures->len, ==, 1);
  failure = g_ptr_array_index (failures, 0);
  g_assert_nonnull (strstr (failure->message, missing_uri));
  g_assert_nonnull (strstr (failure->message, "404"));
  syn_test_server_stop (server);
}

/* ------------------------------------------------------------ the export */

static JsonObject *
source_object (JsonObject *root,
               guint       i)
{
  return json_array_get_object_element (json_object_get_array_member (root, "sources"), i);
}

/* Each passage of an extracted source is its slice of the source's text. */
static void
assert_offsets_into_text (JsonObject *root,
                          guint       source)
{
  const char *text = json_object_get_string_member (source_object (root, source), "text");
  JsonArray *passages = json_object_get_array_member (root, "passages");
  guint n_checked = 0;

  g_assert_nonnull (text);
  for (guint i = 0; i < json_array_get_length (passages); i++)
    {
      JsonObject *p = json_array_get_object_element (passages, i);
      gsize start = (gsize) json_object_get_int_member (p, "start");
      gsize end = (gsize) json_object_get_int_member (p, "end");
      const char *passage = json_object_get_string_member (p, "text");

      if ((guint) json_object_get_int_member (p, "source") != source)
        continue;
      g_assert_cmpuint (end, <=, strlen (text));
      g_assert_cmpmem (text + start, end - start, passage, strlen (passage));
      n_checked++;
    }
  g_assert_cmpuint (n_checked, >=, 4);
}

/* The headless export of a saved page, a fetched page and a text file. */
static void
test_export_fields (void)
{
  Fixture fixture = { NULL };
  SynTestServer *server = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *page_path = NULL;
  g_autofree char *story_path = NULL;
  g_autofree char *url = NULL;
  g_autofree char *out_path = NULL;
  JsonObject *root, *saved, *fetched, *text;

  if (g_test_subprocess ())
    {
      const char *paths[] = { g_getenv ("SYN_PAGE"), g_getenv ("SYN_URL"), g_getenv ("SYN_STORY"), NULL };

      exit (syn_headless_export (paths, SYN_EXPORT_JSON, SYN_SEGMENT_SENTENCE, g_getenv ("SYN_OUT")));
    }

  fixture_set_up (&fixture, NULL);
  page_path = g_build_filename (fixture.dir, "ferry.html", NULL);
  story_path = g_build_filename (fixture.dir, "story.txt", NULL);
  out_path = g_build_filename (fixture.dir, "export.json", NULL);
  server = syn_test_server_start (serve_cb, NULL, NULL);
  url = syn_test_server_dup_url (server, "/ferry");
  g_setenv ("SYN_PAGE", page_path, TRUE);
  g_setenv ("SYN_URL", url, TRUE);
  g_setenv ("SYN_STORY", story_path, TRUE);
  g_setenv ("SYN_OUT", out_path, TRUE);
  g_test_trap_subprocess (NULL, TIMEOUT_S * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  syn_test_server_stop (server);
  json_parser_load_from_file (parser, out_path, &error);
  g_assert_no_error (error);
  fixture_tear_down (&fixture, NULL);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==, "synopsis-comparison");
  g_assert_cmpint (json_object_get_int_member (root, "version"), ==, 1);

  saved = source_object (root, 0);
  g_assert_cmpstr (json_object_get_string_member (saved, "origin"), ==, "file");
  g_assert_cmpstr (json_object_get_string_member (saved, "site"), ==, "The Harbourton Herald");
  g_assert_cmpstr (json_object_get_string_member (saved, "title"), ==, HEADLINE);
  g_assert_cmpstr (json_object_get_string_member (saved, "published"), ==, "2024-03-12T08:30:00Z");
  g_assert_cmpstr (json_object_get_string_member (saved, "language"), ==, "en");
  assert_offsets_into_text (root, 0);

  fetched = source_object (root, 1);
  g_assert_cmpstr (json_object_get_string_member (fetched, "origin"), ==, "url");
  g_assert_cmpstr (json_object_get_string_member (fetched, "url"), ==, url);
  g_assert_true (json_object_has_member (fetched, "retrieved"));
  assert_offsets_into_text (root, 1);

  /* a plain text file keeps offsets into the file, and no copy of it */
  text = source_object (root, 2);
  g_assert_cmpstr (json_object_get_string_member (text, "origin"), ==, "file");
  g_assert_false (json_object_has_member (text, "text"));
  g_assert_false (json_object_has_member (text, "site"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/model/sources/saved-page", Fixture, NULL, fixture_set_up, test_saved_page, fixture_tear_down);
  g_test_add ("/model/sources/sniffed-by-content", Fixture, NULL, fixture_set_up, test_sniffed_by_content,
              fixture_tear_down);
  g_test_add ("/model/sources/page-without-text", Fixture, NULL, fixture_set_up, test_page_without_text,
              fixture_tear_down);
  g_test_add ("/model/sources/fetched-pages", Fixture, NULL, fixture_set_up, test_fetched_pages,
              fixture_tear_down);
  g_test_add_func ("/model/sources/export-fields", test_export_fields);

  return g_test_run ();
}
