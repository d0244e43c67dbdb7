/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The report (`--export=html`): the page an editor opens in a browser,
 * prints or mails. What they rely on: it opens anywhere (HTML that
 * libxml2's HTML parser reads without a single error), it leaves nothing
 * out (every source, every conflict, every group as a row of the table),
 * the conflicts come first, and text from a source can never become markup
 * (a source that holds `<script>` shows those characters, and the page has
 * no script). The same report comes from the command line, from the files
 * or from a saved comparison of them. When Chromium is installed, the
 * report is rendered to a PNG kept with the test logs.
 */
#define G_LOG_DOMAIN "syn-test-report"

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <libxml/HTMLparser.h>
#include <libxml/xpath.h>

#include "syn-export-html.h"
#include "syn-headless.h"
#include "syn-model.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

/* Three versions of a story of our own: a figure and a quotation differ,
 * each version has a sentence of its own. */
static const char *const story[] = {
  "Floods close the Marrow valley road\n\n"
  "Officials said 1,200 residents had left their homes in the Marrow valley by Monday night. "
  "The mayor called the flood \"the worst this valley has seen in a lifetime\" on Monday. "
  "Repairs to the road will take at least two weeks, engineers said. "
  "Schools in the valley stay closed until further notice.\n",

  "Marrow valley road closed by floods\n\n"
  "Officials said 1,200 residents had left their homes in the Marrow valley by Monday night. "
  "The mayor called the flood \"the worst this valley has seen in a lifetime\" on Monday. "
  "Repairs to the road will take at least two weeks, engineers said. "
  "Volunteers filled sandbags outside the town hall all afternoon.\n",

  "Floods shut the Marrow valley road\n\n"
  "Officials said 2,100 residents had left their homes in the Marrow valley by Monday night. "
  "The mayor called the flood \"the worst the valley has known in living memory\" on Monday. "
  "Repairs to the road will take at least two weeks, engineers said. "
  "A rescue boat was sent up from the coast.\n",
};

static const char *const story_names[] = { "Valley Post", "Marrow Courier", "Coast Daily" };

static SynSource *
make_source (const char *text)
{
  g_autoptr(GError) error = NULL;
  SynDecoded *decoded = syn_decode ((const guint8 *) text, strlen (text), &error);
  g_autofree char *sha256 = NULL;
  SynSource *source;

  g_assert_no_error (error);
  source = syn_source_new_text (SYN_ORIGIN_FILE, decoded, NULL);
  sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
  syn_source_set_sha256 (source, sha256);
  return source;
}

typedef struct {
  GPtrArray    *sources;  /* SynSource */
  SynAlignment *alignment;
  GString      *html;
} Report;

static void
report_clear (Report *report)
{
  g_clear_pointer (&report->sources, g_ptr_array_unref);
  g_clear_pointer (&report->alignment, syn_alignment_unref);
  if (report->html != NULL)
    g_string_free (g_steal_pointer (&report->html), TRUE);
}

static void
make_report (Report             *report,
             const char * const *texts,
             const char * const *names,
             guint               n)
{
  g_autofree SynSourceText *input = g_new0 (SynSourceText, n + 1);
  g_autofree SynReportSource *described = g_new0 (SynReportSource, n + 1);

  report->sources = g_ptr_array_new_with_free_func ((GDestroyNotify) syn_source_unref);
  for (guint i = 0; i < n; i++)
    {
      SynSource *source = make_source (texts[i]);

      g_ptr_array_add (report->sources, source);
      input[i].text = syn_source_get_text (source, &input[i].len);
      described[i].name = names[i];
      described[i].path = names[i];
      described[i].source = source;
    }
  report->alignment = syn_alignment_compute (input, n, SYN_SEGMENT_SENTENCE, NULL, NULL);
  report->html = syn_export_html (report->alignment, described);
}

/* ------------------------------------------------------------ parsing */

typedef struct {
  guint    n_errors;
  GString *messages;
} Errors;

#if LIBXML_VERSION >= 21200
static void
parse_error_cb (void           *data,
                const xmlError *error)
#else
static void
parse_error_cb (void     *data,
                xmlError *error)
#endif
{
  Errors *errors = data;

  errors->n_errors++;
  g_string_append_printf (errors->messages, "line %d: %s", error->line,
                          error->message ? error->message : "?\n");
}

/* @html as libxml2's HTML parser reads it, failing the test on any error
 * or warning it reports. */
static xmlDoc *
parse_html (const char *html,
            gsize       len)
{
  Errors errors = { 0, g_string_new (NULL) };
  htmlParserCtxtPtr context = htmlNewParserCtxt ();
  xmlDoc *doc;

#if LIBXML_VERSION >= 21300
  xmlCtxtSetErrorHandler (context, parse_error_cb, &errors);
#else
  xmlSetStructuredErrorFunc (&errors, parse_error_cb);
#endif
  doc = htmlCtxtReadMemory (context, html, (int) len, "report.html", "UTF-8", 0);
#if LIBXML_VERSION < 21300
  xmlSetStructuredErrorFunc (NULL, NULL);
#endif
  htmlFreeParserCtxt (context);
  if (errors.n_errors > 0)
    g_error ("the report does not parse cleanly:\n%s", errors.messages->str);
  g_string_free (errors.messages, TRUE);
  g_assert_nonnull (doc);
  return doc;
}

static double
xpath_number (xmlDoc     *doc,
              const char *expression)
{
  xmlXPathContext *context = xmlXPathNewContext (doc);
  xmlXPathObject *result = xmlXPathEvalExpression ((const xmlChar *) expression, context);
  double value;

  g_assert_nonnull (result);
  value = xmlXPathCastToNumber (result);
  xmlXPathFreeObject (result);
  xmlXPathFreeContext (context);
  return value;
}

static char *
xpath_string (xmlDoc     *doc,
              const char *expression)
{
  xmlXPathContext *context = xmlXPathNewContext (doc);
  xmlXPathObject *result = xmlXPathEvalExpression ((const xmlChar *) expression, context);
  xmlChar *value;
  char *copy;

  g_assert_nonnull (result);
  value = xmlXPathCastToString (result);
  copy = g_strdup ((const char *) value);
  xmlFree (value);
  xmlXPathFreeObject (result);
  xmlXPathFreeContext (context);
  return copy;
}

static guint
count (xmlDoc     *doc,
       const char *what)
{
  g_autofree char *expression = g_strdup_printf ("count(%s)", what);

  return (guint) xpath_number (doc, expression);
}

/* The text of the conflicts' part of the page, white space folded. */
static char *
conflicts_text (xmlDoc *doc)
{
  return xpath_string (doc, "normalize-space(//div[@id='conflicts'])");
}

/* -------------------------------------------------------------- tests */

static guint
count_unique_rows (SynAlignment *alignment)
{
  guint n_segs, n = 0;
  const SynSegment *segs = syn_alignment_get_segments (alignment, &n_segs);

  for (guint i = 0; i < n_segs; i++)
    n += segs[i].cluster < 0 && segs[i].kind != SYN_PASSAGE_BOILERPLATE;
  return n;
}

static void
test_complete (void)
{
  Report report = { 0 };
  g_autoptr(xmlDoc) doc = NULL;
  g_autofree char *conflicts = NULL;
  guint n_clusters, n_divs, n_conflicting = 0;
  const SynDivergence *divs;
  const SynSegment *segs;

  make_report (&report, story, story_names, G_N_ELEMENTS (story));
  doc = parse_html (report.html->str, report.html->len);

  /* Every source, described and heading a column. */
  g_assert_cmpuint (count (doc, "//dl[@class='source']"), ==, G_N_ELEMENTS (story));
  for (guint i = 0; i < G_N_ELEMENTS (story_names); i++)
    {
      g_autofree char *column = g_strdup_printf ("//table[@class='synoptic']/thead/tr/th[%u]", i + 2);
      g_autofree char *header = xpath_string (doc, column);
      g_autofree char *checksum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, story[i], -1);

      g_assert_nonnull (strstr (header, story_names[i]));
      g_assert_nonnull (strstr (report.html->str, checksum));
    }

  /* Every group is a row, and so is every passage only one source has. */
  syn_alignment_get_clusters (report.alignment, &n_clusters);
  g_assert_cmpuint (n_clusters, >, 0);
  g_assert_cmpuint (count (doc, "//table[@class='synoptic']/tbody/tr[contains(@class,'group')]"), ==, n_clusters);
  g_assert_cmpuint (count_unique_rows (report.alignment), ==, 3);
  g_assert_cmpuint (count (doc, "//table[@class='synoptic']/tbody/tr[contains(@class,'unique')]"), ==, 3);

  /* Every number and quotation that differs is among the conflicts, with
   * both its wordings. */
  conflicts = conflicts_text (doc);
  divs = syn_alignment_get_divergences (report.alignment, &n_divs);
  segs = syn_alignment_get_segments (report.alignment, NULL);
  for (guint i = 0; i < n_divs; i++)
    {
      const char *text = syn_alignment_get_text (report.alignment, segs[divs[i].segment].source, NULL);
      g_autofree char *here = NULL;

      if (divs[i].kind != SYN_DIVERGENCE_NUMBER && divs[i].kind != SYN_DIVERGENCE_QUOTE)
        continue;
      n_conflicting++;
      here = g_strndup (text + divs[i].start, divs[i].end - divs[i].start);
      g_assert_nonnull (strstr (conflicts, here));
    }
  g_assert_cmpuint (n_conflicting, >=, 2);
  g_assert_nonnull (strstr (conflicts, "1,200"));
  g_assert_nonnull (strstr (conflicts, "2,100"));
  g_assert_nonnull (strstr (conflicts, "in living memory"));
  /* Each wording with every source that gives it. */
  {
    g_autofree char *side = xpath_string (doc, "normalize-space(//ol[@class='conflicts']/li"
                                          "[contains(., '2,100')]//div[@class='side']"
                                          "[contains(., '1,200')]/p)");

    g_assert_nonnull (strstr (side, "Valley Post"));
    g_assert_nonnull (strstr (side, "Marrow Courier"));
    g_assert_null (strstr (side, "Coast Daily"));
  }
  /* One entry per disagreement, not per passage that has it. */
  g_assert_cmpuint (count (doc, "//ol[@class='conflicts']/li"), ==, 2);
  g_assert_cmpuint (count (doc, "//ul[@class='figures']/li"), ==, 0);
  /* …and the conflicts come before everything else. */
  g_assert_true (strstr (report.html->str, "id=\"conflicts\"") < strstr (report.html->str, "id=\"sources\""));
  g_assert_true (strstr (report.html->str, "id=\"sources\"") < strstr (report.html->str, "class=\"synoptic\""));

  /* Word-level marks are kept in the table. */
  g_assert_cmpuint (count (doc, "//table//span[contains(@class,'number')]"), >=, 1);
  g_assert_cmpuint (count (doc, "//table//span[contains(@class,'quote')]"), >=, 1);

  /* Self-contained: no script, nothing to fetch. */
  g_assert_cmpuint (count (doc, "//script|//link|//img|//iframe|//*[@src]"), ==, 0);
  g_assert_null (strstr (report.html->str, "http://"));
  g_assert_null (strstr (report.html->str, "https://"));
  report_clear (&report);
}

static void
test_escaping (void)
{
  const char *const texts[] = {
    "Harbour news\n\n"
    "The council met on Tuesday & agreed the <b>budget</b> for 2026. "
    "A stray \x01 control byte sits here. "
    "Someone had written <script>alert('one')</script> on the notice board. "
    "Members voted \"yes\" by a wide margin.\n",

    "Harbour news\n\n"
    "The council met on Tuesday & agreed the <b>budget</b> for 2026. "
    "Members voted \"yes\" by a wide margin. "
    "<img src=x onerror=alert(2)> was in the minutes.\n",
  };
  const char *const names[] = { "<script>alert('name')</script>", "a\"b&c" };
  Report report = { 0 };
  g_autoptr(xmlDoc) doc = NULL;
  g_autofree char *body = NULL;

  make_report (&report, texts, names, G_N_ELEMENTS (texts));
  doc = parse_html (report.html->str, report.html->len);

  /* No markup came through: no script, no image, no <b>… */
  g_assert_cmpuint (count (doc, "//script|//img|//b"), ==, 0);
  g_assert_null (strstr (report.html->str, "<script"));
  g_assert_null (strstr (report.html->str, "<img"));
  /* …but the reader sees the characters as the sources have them. */
  body = xpath_string (doc, "string(//body)");
  g_assert_nonnull (strstr (body, "<script>alert('name')</script>"));
  g_assert_nonnull (strstr (body, "<script>alert('one')</script>"));
  g_assert_nonnull (strstr (body, "<img src=x onerror=alert(2)>"));
  g_assert_nonnull (strstr (body, "a\"b&c"));
  g_assert_nonnull (strstr (body, "Tuesday & agreed the <b>budget</b>"));
  /* A control character HTML forbids is replaced, not passed on. */
  g_assert_null (memchr (report.html->str, '\x01', report.html->len));
  g_assert_nonnull (strstr (body, "stray \xef\xbf\xbd control"));
  report_clear (&report);
}

/* Two sources give different figures for one thing in sentences that are
 * not each other's versions: the alignment cannot see it, the report
 * still lists it among the conflicts, with both sentences. */
static void
test_figures (void)
{
  const char *const texts[] = {
    "Storm reaches the coast\n\n"
    "The storm reached the coast early on Sunday. "
    "Rescue teams sent 40 boats to the flooded villages. "
    "Power was cut in the harbour district.\n",

    "Storm hits coast\n\n"
    "The storm reached the coast early on Sunday. "
    "Power was cut in the harbour district. "
    "By the evening the navy had 65 boats searching the bay, a spokesman said.\n",
  };
  const char *const names[] = { "Shore Herald", "Bay Times" };
  Report report = { 0 };
  g_autoptr(xmlDoc) doc = NULL;
  g_autofree char *figure = NULL;

  make_report (&report, texts, names, G_N_ELEMENTS (texts));
  doc = parse_html (report.html->str, report.html->len);
  g_assert_cmpuint (count (doc, "//ul[@class='figures']/li"), ==, 1);
  figure = xpath_string (doc, "normalize-space(//ul[@class='figures']/li)");
  g_assert_nonnull (strstr (figure, "40 or 65 boats"));
  g_assert_nonnull (strstr (figure, "Rescue teams sent 40 boats"));
  g_assert_nonnull (strstr (figure, "the navy had 65 boats searching"));
  /* A figure both give alike ("Sunday" is no figure) is not listed. */
  g_assert_null (strstr (figure, "coast"));
  report_clear (&report);
}

/* Source @s's field @label as the report gives it ("" when it has none). */
static void
assert_field (xmlDoc     *doc,
              guint       s,
              const char *label,
              const char *expected)
{
  g_autofree char *expression =
    g_strdup_printf ("string(//dl[@id='s%u']/dt[.='%s']/following-sibling::dd[1])", s, label);
  g_autofree char *value = xpath_string (doc, expression);

  g_assert_cmpstr (value, ==, expected);
}

/* A source that tells the passage without the figure gives neither side
 * of the conflict. */
static void
test_silent_source (void)
{
  const char *const texts[] = {
    "Floods close the valley road\n\nOfficials said 1,200 residents had left their homes in the Marrow valley by Monday night.\n",
    "Floods close the valley road\n\nOfficials said 1,200 residents had left their homes in the Marrow valley by Monday night.\n",
    "Floods close the valley road\n\nOfficials said 2,100 residents had left their homes in the Marrow valley by Monday night.\n",
    "Floods close the valley road\n\nOfficials said many residents had left their homes in the Marrow valley by Monday night.\n",
  };
  const char *const names[] = { "Post", "Courier", "Daily", "Weekly" };
  Report report = { 0 };
  g_autoptr(xmlDoc) doc = NULL;
  g_autofree char *shared = NULL;
  g_autofree char *other = NULL;

  make_report (&report, texts, names, G_N_ELEMENTS (texts));
  doc = parse_html (report.html->str, report.html->len);
  g_assert_cmpuint (count (doc, "//ol[@class='conflicts']/li"), ==, 1);
  shared = xpath_string (doc, "normalize-space(//div[@class='side'][contains(., '1,200')]/p)");
  other = xpath_string (doc, "normalize-space(//div[@class='side'][contains(., '2,100')]/p)");
  g_assert_nonnull (strstr (shared, "Post"));
  g_assert_nonnull (strstr (shared, "Courier"));
  g_assert_nonnull (strstr (other, "Daily"));
  g_assert_null (strstr (shared, "Weekly"));
  g_assert_null (strstr (other, "Weekly"));
  report_clear (&report);
}

/* A page fetched from the web: the report says where, when, by whom and
 * by which outlet, beside a plain file that knows none of it. */
static void
test_source_details (void)
{
  static const char page_text[] =
    "Floods close the Marrow valley road\n\n"
    "Officials said 1,200 residents had left their homes in the Marrow valley by Monday night. "
    "Repairs to the road will take at least two weeks, engineers said.\n";
  const SynSourceMeta meta = {
    "Valley Post", "Ada Quill & Tom Reed", "2026-03-02T08:15:00Z", "en", NULL,
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SynSource) page = syn_source_new_extracted (SYN_ORIGIN_URL, page_text, sizeof page_text - 1,
                                                        NULL, 0, "UTF-8",
                                                        "https://valley.example/news/floods?id=1&x=<2>",
                                                        &meta, &error);
  g_autoptr(SynSource) file = make_source (story[1]);
  g_autoptr(GDateTime) retrieved = g_date_time_new_utc (2026, 3, 2, 9, 30, 0);
  g_autoptr(SynAlignment) alignment = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  SynSourceText input[2];
  SynReportSource described[2] = {
    { "Valley Post", "https://valley.example/news/floods?id=1&x=<2>", page },
    { "Marrow Courier", "/home/me/courier.txt", file },
  };
  GString *html;

  g_assert_no_error (error);
  syn_source_set_retrieved (page, retrieved);
  memset (input, 0, sizeof input);
  input[0].text = syn_source_get_text (page, &input[0].len);
  input[1].text = syn_source_get_text (file, &input[1].len);
  alignment = syn_alignment_compute (input, 2, SYN_SEGMENT_SENTENCE, NULL, NULL);
  html = syn_export_html (alignment, described);
  doc = parse_html (html->str, html->len);

  assert_field (doc, 1, "Outlet", "Valley Post");
  assert_field (doc, 1, "Byline", "Ada Quill & Tom Reed");
  assert_field (doc, 1, "Published", "2026-03-02T08:15:00Z");
  assert_field (doc, 1, "Address", "https://valley.example/news/floods?id=1&x=<2>");
  assert_field (doc, 1, "Retrieved", "2026-03-02T09:30:00Z");
  assert_field (doc, 1, "Headline", "Floods close the Marrow valley road");
  /* The address is said once, not again as where it was read from. */
  assert_field (doc, 1, "Read from", "");
  /* A plain file: its path and checksum; no outlet it never named. */
  assert_field (doc, 2, "Read from", "/home/me/courier.txt");
  assert_field (doc, 2, "SHA-256", syn_source_get_sha256 (file));
  assert_field (doc, 2, "Outlet", "");
  g_string_free (html, TRUE);
}

/* ----------------------------------------------------------- headless */

typedef struct {
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("syn-report-XXXXXX", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (story); i++)
    {
      g_autofree char *name = g_strdup_printf ("story-%u.txt", i + 1);
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_file_set_contents (path, story[i], -1, &error);
      g_assert_no_error (error);
    }
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_remove (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

static char *
in_dir (Fixture    *fixture,
        const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

static GPtrArray *
story_paths (Fixture *fixture)
{
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < G_N_ELEMENTS (story); i++)
    {
      g_autofree char *name = g_strdup_printf ("story-%u.txt", i + 1);
      g_ptr_array_add (paths, in_dir (fixture, name));
    }
  g_ptr_array_add (paths, NULL);
  return paths;
}

static char *
read_report (const char *path,
             gsize      *len)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, len, &error);
  g_assert_no_error (error);
  return contents;
}

static void
test_headless (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) paths = story_paths (fixture);
  g_autofree char *output = in_dir (fixture, "report.html");
  g_autofree char *saved = in_dir (fixture, "story.synopsis");
  g_autofree char *from_saved = in_dir (fixture, "from-saved.html");
  const char *saved_inputs[] = { saved, NULL };
  g_autofree char *html = NULL;
  g_autofree char *html_saved = NULL;
  g_autofree char *conflicts = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(xmlDoc) doc_saved = NULL;
  gsize len, len_saved;

  /* synopsis --export=html --output=report.html story-*.txt */
  g_assert_cmpint (syn_headless_run ((const char * const *) paths->pdata, SYN_EXPORT_HTML, NULL, output), ==, 0);
  html = read_report (output, &len);
  doc = parse_html (html, len);
  g_assert_cmpuint (count (doc, "//dl[@class='source']"), ==, G_N_ELEMENTS (story));
  for (guint i = 0; i < G_N_ELEMENTS (story); i++)
    g_assert_nonnull (strstr (html, g_ptr_array_index (paths, i)));
  conflicts = conflicts_text (doc);
  g_assert_nonnull (strstr (conflicts, "2,100"));

  /* The same from a saved comparison of the files, once they are gone. */
  g_assert_cmpint (syn_headless_run ((const char * const *) paths->pdata, SYN_EXPORT_SYNOPSIS, NULL, saved), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (story); i++)
    g_assert_cmpint (g_remove (g_ptr_array_index (paths, i)), ==, 0);
  g_assert_cmpint (syn_headless_run (saved_inputs, SYN_EXPORT_HTML, NULL, from_saved), ==, 0);
  html_saved = read_report (from_saved, &len_saved);
  doc_saved = parse_html (html_saved, len_saved);
  g_assert_cmpstr (html_saved, ==, html);
}

/* ------------------------------------------------------------ chromium */

/* Where pictures for people go: with the test logs (as the window's
 * screenshots), or SYN_SCREENSHOT_DIR. */
static char *
artefact_path (const char *name)
{
  const char *dir = g_getenv ("SYN_SCREENSHOT_DIR");
  g_autofree char *logs = g_test_build_filename (G_TEST_BUILT, "..", "meson-logs", NULL);

  if (dir == NULL)
    dir = g_file_test (logs, G_FILE_TEST_IS_DIR) ? logs : g_test_get_dir (G_TEST_BUILT);
  return g_build_filename (dir, name, NULL);
}

/* The report as a browser shows it, kept with the test logs (report.png,
 * report-dark.png). Only where Chromium is installed. */
static void
test_render (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *chromium = g_find_program_in_path ("chromium");
  g_autoptr(GPtrArray) paths = NULL;
  g_autofree char *output = NULL;
  g_autofree char *uri = NULL;
  const char *modes[] = { "report.png", "report-dark.png" };

  if (chromium == NULL)
    {
      g_test_skip ("chromium is not installed");
      return;
    }
  paths = story_paths (fixture);
  output = in_dir (fixture, "report.html");
  g_assert_cmpint (syn_headless_run ((const char * const *) paths->pdata, SYN_EXPORT_HTML, NULL, output), ==, 0);
  uri = g_filename_to_uri (output, NULL, NULL);

  for (guint m = 0; m < G_N_ELEMENTS (modes); m++)
    {
      g_autofree char *png = artefact_path (modes[m]);
      g_autofree char *shot = g_strdup_printf ("--screenshot=%s", png);
      g_autofree char *profile = in_dir (fixture, "profile");
      g_autofree char *user_data = g_strdup_printf ("--user-data-dir=%s", profile);
      g_autoptr(GError) error = NULL;
      g_autofree char *contents = NULL;
      gsize len = 0;
      int status = 0;
      g_autofree char *quoted = g_shell_quote (profile);
      g_autofree char *rm = g_strdup_printf ("rm -rf %s", quoted);
      const char *argv[] = {
        "timeout", "120", chromium, "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run", user_data, shot, "--window-size=1400,1000", uri,
        /* prefers-color-scheme: dark, as a dark desktop asks for it */
        m == 1 ? "--force-dark-mode" : NULL, NULL,
      };

      g_remove (png);
      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL |
                    G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, &error);
      g_assert_no_error (error);
      g_assert_true (g_spawn_check_wait_status (status, NULL));
      g_file_get_contents (png, &contents, &len, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (len, >, 8);
      g_assert_cmpmem (contents, 8, "\x89PNG\r\n\x1a\n", 8);
      g_test_message ("rendered: %s", png);
      /* Chromium leaves a profile behind: remove it before the directory. */
      g_spawn_command_line_sync (rm, NULL, NULL, NULL, NULL);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/report/complete", test_complete);
  g_test_add_func ("/model/report/escaping", test_escaping);
  g_test_add_func ("/model/report/figures", test_figures);
  g_test_add_func ("/model/report/source-details", test_source_details);
  g_test_add_func ("/model/report/silent-source", test_silent_source);
  g_test_add ("/model/report/headless", Fixture, NULL, fixture_set_up, test_headless, fixture_tear_down);
  g_test_add ("/model/report/render", Fixture, NULL, fixture_set_up, test_render, fixture_tear_down);

  return g_test_run ();
}
