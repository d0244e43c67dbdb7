/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The article extractor on pages we wrote (tests/pages/): what a reader
 * would notice — the story's paragraphs there and in order, the page's
 * furniture gone, captions kept apart, the metadata a column header shows,
 * and text in other languages and character sets read correctly. Also the
 * fuzz target's check on its seed corpus (tests/fuzz/corpus/html/) and on
 * every input it crashed on (tests/regressions/html/).
 */
#define G_LOG_DOMAIN "syn-test"

#include "config.h"

#include <string.h>

#include "fuzz-checks.h"
#include "syn-html.h"

static SynWebPage *
extract_page (const char *name,
              const char *charset,
              const char *url)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "pages", name, NULL);
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  SynWebPage *page;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &data, &len, &error));
  g_assert_no_error (error);
  page = syn_html_extract ((const guint8 *) data, len, charset, url, &error);
  g_assert_no_error (error);
  g_assert_nonnull (page);
  return page;
}

/* The blocks of @kind, each as a string. */
static GPtrArray *
blocks_of (const SynWebPage *page,
           SynWebBlockKind   kind)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  const char *text = syn_web_page_get_text (page, NULL);
  guint n = 0;
  const SynWebBlock *blocks = syn_web_page_get_blocks (page, &n);

  for (guint i = 0; i < n; i++)
    if (blocks[i].kind == kind)
      g_ptr_array_add (out, g_strndup (text + blocks[i].start, blocks[i].end - blocks[i].start));
  return out;
}

/* The index of the first block of @kind that starts with @prefix, or -1. */
static int
find_block (GPtrArray  *blocks,
            const char *prefix)
{
  for (guint i = 0; i < blocks->len; i++)
    if (g_str_has_prefix (blocks->pdata[i], prefix))
      return (int) i;
  return -1;
}

static void
assert_nowhere (const SynWebPage *page,
                const char       *phrase)
{
  const char *text = syn_web_page_get_text (page, NULL);

  if (strstr (text, phrase) != NULL)
    g_error ("“%s” should have been left out:\n%s", phrase, text);
}

/* The text's own promises: valid UTF-8, blocks in order inside it,
 * separated by blank lines, no block empty or with white space at its ends,
 * the headline first. */
static void
assert_well_formed (const SynWebPage *page)
{
  gsize len = 0;
  const char *text = syn_web_page_get_text (page, &len);
  guint n = 0;
  const SynWebBlock *blocks = syn_web_page_get_blocks (page, &n);

  g_assert_true (g_utf8_validate (text, (gssize) len, NULL));
  g_assert_cmpuint (strlen (text), ==, len);
  g_assert_cmpuint (n, >, 0);
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpuint (blocks[i].start, <, blocks[i].end);
      g_assert_cmpuint (blocks[i].end, <=, len);
      g_assert_false (g_ascii_isspace (text[blocks[i].start]));
      g_assert_false (g_ascii_isspace (text[blocks[i].end - 1]));
      if (i > 0)
        {
          g_assert_cmpuint (blocks[i].start, ==, blocks[i - 1].end + 2);
          g_assert_cmpmem (text + blocks[i - 1].end, 2, "\n\n", 2);
        }
      if (blocks[i].kind == SYN_WEB_BLOCK_HEADLINE)
        g_assert_cmpuint (i, ==, 0);
    }
  g_assert_cmpuint (blocks[0].start, ==, 0);
  g_assert_cmpuint (blocks[n - 1].end, ==, len);
}

static void
test_news_story (void)
{
  g_autoptr(SynWebPage) page = extract_page ("news.html", NULL, NULL);
  g_autoptr(GPtrArray) body = blocks_of (page, SYN_WEB_BLOCK_BODY);
  const char *story[] = {
    "The old harbour bridge opened to traffic again on Saturday,",
    "Hundreds of residents gathered at dawn",
    "A longer repair than planned",
    "The work was expected to take eleven months,",
    "“We had to rebuild the foundations from the seabed up,”",
    "The final bill came to £41 million,",
    "It feels like the town has its heart back.",
    "Shopkeepers on Quay Street said",
  };

  assert_well_formed (page);
  /* every paragraph, the subhead and the quotation, in order, one block each */
  g_assert_cmpuint (body->len, ==, G_N_ELEMENTS (story));
  for (guint i = 0; i < G_N_ELEMENTS (story); i++)
    g_assert_cmpint (find_block (body, story[i]), ==, i);
  /* a paragraph stays one line, its white space collapsed */
  g_assert_cmpstr (body->pdata[0], ==,
                   "The old harbour bridge opened to traffic again on Saturday, two years after "
                   "engineers closed it when cracks were found in its northern pier.");
}

static void
test_news_furniture (void)
{
  g_autoptr(SynWebPage) page = extract_page ("news.html", NULL, NULL);
  const char *furniture[] = {
    "We use cookies",             /* the cookie banner */
    "Accept all",
    "Weather",                    /* the navigation */
    "Share on Facebook",          /* the share bar */
    "Advertisement",
    "Related stories",            /* the related list */
    "Ferry timetable cut",
    "Two years of detours",       /* the comments */
    "Walked across with my grandchildren",
    "Post comment",
    "All rights reserved",        /* the footer */
    "Privacy",
  };

  for (guint i = 0; i < G_N_ELEMENTS (furniture); i++)
    assert_nowhere (page, furniture[i]);
}

static void
test_news_caption (void)
{
  g_autoptr(SynWebPage) page = extract_page ("news.html", NULL, NULL);
  g_autoptr(GPtrArray) asides = blocks_of (page, SYN_WEB_BLOCK_ASIDE);
  g_autoptr(GPtrArray) body = blocks_of (page, SYN_WEB_BLOCK_BODY);
  int caption = find_block (asides, "Cyclists were the first across the restored span");

  /* the caption and its credit are kept, apart from the story */
  g_assert_cmpint (caption, >=, 0);
  g_assert_cmpint (find_block (asides, "Photo: Ines Calloway"), ==, caption + 1);
  g_assert_cmpint (find_block (body, "Cyclists"), ==, -1);
  g_assert_cmpint (find_block (body, "Photo:"), ==, -1);
}

static void
test_news_metadata (void)
{
  g_autoptr(SynWebPage) page = extract_page ("news.html", NULL, "https://courier.example.org/x?utm=1");
  g_autoptr(GPtrArray) headline = blocks_of (page, SYN_WEB_BLOCK_HEADLINE);
  g_autoptr(GPtrArray) body = blocks_of (page, SYN_WEB_BLOCK_BODY);

  g_assert_cmpstr (syn_web_page_get_headline (page), ==, "Harbour bridge reopens after two-year repair");
  g_assert_cmpuint (headline->len, ==, 1);
  g_assert_cmpstr (headline->pdata[0], ==, "Harbour bridge reopens after two-year repair");
  /* the <h1> is the headline block, not a body block too */
  g_assert_cmpint (find_block (body, "Harbour bridge reopens"), ==, -1);
  /* Open Graph's site name is the outlet's own */
  g_assert_cmpstr (syn_web_page_get_site (page), ==, "The Coastal Courier");
  /* JSON-LD's authors, both of them */
  g_assert_cmpstr (syn_web_page_get_byline (page), ==, "Mara Lindqvist, Tom Okafor");
  g_assert_cmpstr (syn_web_page_get_published (page), ==, "2026-03-14T08:30:00Z");
  /* the canonical link, made absolute against where the page came from */
  g_assert_cmpstr (syn_web_page_get_url (page), ==, "https://courier.example.org/news/harbour-bridge-reopens");
  g_assert_cmpstr (syn_web_page_get_language (page), ==, "en-GB");
  g_assert_cmpstr (syn_web_page_get_encoding (page), ==, "UTF-8");
}

/* What the metadata say when they say it badly: an address as the site's
 * name, a placeholder date, an escaped headline, a byline with its date. */
static void
test_metadata_fallbacks (void)
{
  const char markup[] =
    "<html><head>"
    "<meta property=\"og:site_name\" content=\"https://www.valleygazette.example\">"
    "<meta property=\"article:published_time\" content=\"2026-09-12T07:00:00Z\">"
    "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", "
    "\"headline\": \"Cheese fair returns &amp; grows &#8211; forty stalls\", "
    "\"datePublished\": \"0001-01-01T00:00:00Z\"}</script>"
    "</head><body><article>"
    "<div class=\"byline\">Posted by Ana Ruiz | 12 September 2026, 07:00</div>"
    "<p>Forty stalls have booked a place on the market square for the weekend, twice as many as last year.</p>"
    "</article></body></html>";
  g_autoptr(GError) error = NULL;
  g_autoptr(SynWebPage) page = syn_html_extract ((const guint8 *) markup, strlen (markup), NULL,
                                                 "https://www.valleygazette.example/news/1", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (syn_web_page_get_site (page), ==, "valleygazette.example");
  g_assert_cmpstr (syn_web_page_get_published (page), ==, "2026-09-12T07:00:00Z");
  g_assert_cmpstr (syn_web_page_get_headline (page), ==, "Cheese fair returns & grows – forty stalls");
  g_assert_cmpstr (syn_web_page_get_byline (page), ==, "Ana Ruiz");
  g_assert_cmpstr (syn_web_page_get_url (page), ==, "https://www.valleygazette.example/news/1");
}

static void
test_german (void)
{
  g_autoptr(SynWebPage) page = extract_page ("german.html", NULL, NULL);
  g_autoptr(GPtrArray) body = blocks_of (page, SYN_WEB_BLOCK_BODY);

  assert_well_formed (page);
  g_assert_cmpint (find_block (body, "Nach drei Jahren Bauzeit nimmt die Linie 7"), ==, 0);
  g_assert_cmpint (find_block (body, "Kostenlose Fahrten am Eröffnungstag"), ==, 2);
  g_assert_cmpint (find_block (body, "„Wir freuen uns, dass die Bauarbeiten"), ==, 4);
  g_assert_cmpuint (body->len, ==, 5);
  assert_nowhere (page, "Startseite");
  assert_nowhere (page, "Teilen");
  assert_nowhere (page, "Meistgelesen");
  assert_nowhere (page, "Impressum");
  g_assert_cmpstr (syn_web_page_get_headline (page), ==, "Neue Straßenbahnlinie fährt ab Montag");
  g_assert_cmpstr (syn_web_page_get_site (page), ==, "Stadtanzeiger Nordheim");
  /* the byline from the markup, without its "Von" */
  g_assert_cmpstr (syn_web_page_get_byline (page), ==, "Jonas Rau");
  g_assert_cmpstr (syn_web_page_get_published (page), ==, "2026-05-02");
  g_assert_cmpstr (syn_web_page_get_language (page), ==, "de-DE");
  g_assert_null (syn_web_page_get_url (page));
}

/* Summaries of other stories under their title links are not the story,
 * though they are sentences; the story's own paragraphs, cut apart by
 * pictures, are all of it. */
static void
test_teasers (void)
{
  g_autoptr(SynWebPage) page = extract_page ("teasers.html", NULL, NULL);
  g_autoptr(GPtrArray) body = blocks_of (page, SYN_WEB_BLOCK_BODY);

  assert_well_formed (page);
  g_assert_cmpuint (body->len, ==, 4);
  g_assert_cmpint (find_block (body, "Apple growers in the valley"), ==, 0);
  g_assert_cmpint (find_block (body, "Some farms lit braziers"), ==, 2);
  g_assert_cmpint (find_block (body, "Insurers expect claims"), ==, 3);
  assert_nowhere (page, "More from the valley");
  assert_nowhere (page, "Ferry crossing");
  assert_nowhere (page, "The last boat of the season");
  assert_nowhere (page, "youngest member");
}

static void
test_windows_1252 (void)
{
  g_autoptr(SynWebPage) page = extract_page ("cp1252.html", NULL, NULL);
  g_autoptr(GPtrArray) body = blocks_of (page, SYN_WEB_BLOCK_BODY);

  assert_well_formed (page);
  g_assert_cmpstr (syn_web_page_get_encoding (page), ==, "WINDOWS-1252");
  g_assert_cmpstr (syn_web_page_get_headline (page), ==, "Le marché couvert rouvre ses portes");
  g_assert_cmpuint (body->len, ==, 3);
  g_assert_cmpint (find_block (body, "Après dix-huit mois de travaux, le marché couvert de la place Saint-Éloi"), ==, 0);
  /* the bytes only Windows-1252 has, past Latin-1: ’ and — */
  g_assert_cmpint (find_block (body, "La rénovation a coûté 3,2 millions d’euros — une somme"), ==, 2);
  assert_nowhere (page, "Accueil");
}

static void
test_charset_from_header (void)
{
  g_autoptr(SynWebPage) page = extract_page ("header-charset.html", "windows-1251", NULL);
  g_autoptr(SynWebPage) guessed = extract_page ("header-charset.html", NULL, NULL);

  assert_well_formed (page);
  g_assert_cmpstr (syn_web_page_get_headline (page), ==, "Весенний паводок отступил");
  g_assert_nonnull (strstr (syn_web_page_get_text (page, NULL), "Уровень воды в реке за ночь снизился"));
  g_assert_cmpstr (syn_web_page_get_encoding (page), ==, "WINDOWS-1251");
  /* without the header nothing says Cyrillic: the bytes read as Windows-1252 */
  g_assert_cmpstr (syn_web_page_get_encoding (guessed), ==, "WINDOWS-1252");
  g_assert_null (strstr (syn_web_page_get_text (guessed, NULL), "Уровень"));
}

static void
test_charset_precedence (void)
{
  /* "é" in UTF-8 read under each rule */
  const char page[] =
    "<html><head><meta charset=\"windows-1252\"></head><body>"
    "<p>Le caf\xc3\xa9 du port ouvre d\xc3\xa8s six heures chaque matin, m\xc3\xaame le dimanche.</p>"
    "</body></html>";
  const char bom[] = "\xef\xbb\xbf<html><head><meta charset=\"windows-1252\"></head><body>"
    "<p>Le caf\xc3\xa9 du port ouvre d\xc3\xa8s six heures chaque matin, m\xc3\xaame le dimanche.</p>"
    "</body></html>";
  g_autoptr(SynWebPage) meta = syn_html_extract ((const guint8 *) page, strlen (page), NULL, NULL, NULL);
  g_autoptr(SynWebPage) header = syn_html_extract ((const guint8 *) page, strlen (page), "utf-8", NULL, NULL);
  g_autoptr(SynWebPage) marked = syn_html_extract ((const guint8 *) bom, strlen (bom), "iso-8859-1", NULL, NULL);

  /* <meta> wins over the bytes' own validity */
  g_assert_nonnull (strstr (syn_web_page_get_text (meta, NULL), "cafÃ©"));
  /* the header wins over <meta> */
  g_assert_nonnull (strstr (syn_web_page_get_text (header, NULL), "Le café du port"));
  /* the BOM wins over both */
  g_assert_nonnull (strstr (syn_web_page_get_text (marked, NULL), "Le café du port"));
  g_assert_cmpstr (syn_web_page_get_encoding (marked), ==, "UTF-8");
}

/* UTF-16 without a BOM, named by the header only: a <meta> could not say
 * so, but a server can. */
static void
test_charset_utf16_header (void)
{
  const char page[] = "<html><body><p>Der Fährverkehr wird am Montag wieder aufgenommen, sagte die Reederei.</p></body></html>";
  gsize len = 0;
  g_autofree char *utf16 = g_convert (page, -1, "UTF-16LE", "UTF-8", NULL, &len, NULL);
  g_autoptr(SynWebPage) web = syn_html_extract ((const guint8 *) utf16, len, "UTF-16LE", NULL, NULL);

  g_assert_nonnull (web);
  g_assert_nonnull (strstr (syn_web_page_get_text (web, NULL), "Der Fährverkehr wird am Montag"));
}

static void
test_sniff (void)
{
  const char *html[] = {
    "<!DOCTYPE html><html><body>x</body></html>",
    "<!doctype HTML>\n<title>x</title>",
    "\xef\xbb\xbf  <html lang=\"fr\">",
    "\n\n<!-- saved from url=(0042)https://example.org/ -->\n<html>",
    "<HEAD><TITLE>Old page</TITLE></HEAD>",
    "  <body class=\"x\">",
    "<?xml version=\"1.0\"?>\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\">",
    "<meta charset=\"utf-8\"><div>",
  };
  const char *not_html[] = {
    "",
    "The <b> tag makes text bold, and <html> starts a page.",
    "Dear editor, I read <html> in your column.",
    "<!-- a comment that never ends",
    "<htmlish>",
    "{\"html\": \"<html>\"}",
    "<b>bold</b> text is not a page",
  };

  for (guint i = 0; i < G_N_ELEMENTS (html); i++)
    if (!syn_html_sniff ((const guint8 *) html[i], strlen (html[i])))
      g_error ("should be HTML: %s", html[i]);
  for (guint i = 0; i < G_N_ELEMENTS (not_html); i++)
    if (syn_html_sniff ((const guint8 *) not_html[i], strlen (not_html[i])))
      g_error ("should not be HTML: %s", not_html[i]);
}

static void
test_malformed_json_ld (void)
{
  g_autoptr(SynWebPage) page = extract_page ("malformed-jsonld.html", NULL, "https://www.townlibrary.example/news/1");
  g_autoptr(GPtrArray) body = blocks_of (page, SYN_WEB_BLOCK_BODY);

  /* broken, too deep and ill-typed JSON-LD costs nothing but itself */
  assert_well_formed (page);
  g_assert_cmpuint (body->len, ==, 2);
  g_assert_cmpint (find_block (body, "The town library will stay open"), ==, 0);
  g_assert_cmpstr (syn_web_page_get_headline (page), ==, "Library extends opening hours");
  g_assert_null (syn_web_page_get_byline (page));
  /* no outlet named anywhere: the host stands for it */
  g_assert_cmpstr (syn_web_page_get_site (page), ==, "townlibrary.example");
  g_assert_cmpstr (syn_web_page_get_language (page), ==, "en");
}

/* JSON-LD as old pages wrap it, in a CDATA section behind comment marks,
 * with a semicolon after it. */
static void
test_wrapped_json_ld (void)
{
  const char markup[] =
    "<html><head><script type=\"application/ld+json\">//<![CDATA[\n"
    "{\"@type\": \"NewsArticle\", \"headline\": \"Ferry timetable changes on Monday\", "
    "\"author\": {\"@type\": \"Person\", \"name\": \"Wren Kade\"}};\n//]]></script></head><body>"
    "<p>The ferry timetable changes on Monday, when the winter service begins and boats leave every two hours.</p>"
    "</body></html>";
  g_autoptr(SynWebPage) page = syn_html_extract ((const guint8 *) markup, strlen (markup), NULL, NULL, NULL);

  g_assert_nonnull (page);
  g_assert_cmpstr (syn_web_page_get_headline (page), ==, "Ferry timetable changes on Monday");
  g_assert_cmpstr (syn_web_page_get_byline (page), ==, "Wren Kade");
}

static void
test_no_article (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "pages", "no-text.html", NULL);
  g_autofree char *data = NULL;
  gsize len = 0;
  const char *empty_pages[] = { "", "<html></html>", "   ", "<html><body><script>var a = 1;</script></body></html>" };

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SynWebPage) page = syn_html_extract ((const guint8 *) data, len, NULL, NULL, &error);

    g_assert_null (page);
    g_assert_error (error, SYN_HTML_ERROR, SYN_HTML_ERROR_NO_ARTICLE);
  }
  for (guint i = 0; i < G_N_ELEMENTS (empty_pages); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SynWebPage) page = syn_html_extract ((const guint8 *) empty_pages[i], strlen (empty_pages[i]),
                                                     NULL, NULL, &error);

      g_assert_null (page);
      g_assert_error (error, SYN_HTML_ERROR, SYN_HTML_ERROR_NO_ARTICLE);
    }
}

static void
test_line_breaks (void)
{
  const char markup[] =
    "<html><body><div class=\"poem\">"
    "The tide came in at seven, and the boats came home with it.<br>"
    "The gulls went quiet on the harbour wall as the light went down.<br><br>"
    "Nobody on the quay remembered a calmer evening in the whole long year."
    "</div></body></html>";
  g_autoptr(SynWebPage) page = syn_html_extract ((const guint8 *) markup, strlen (markup), NULL, NULL, NULL);
  g_autoptr(GPtrArray) body = NULL;

  g_assert_nonnull (page);
  body = blocks_of (page, SYN_WEB_BLOCK_BODY);
  /* one <br> breaks the line, two end the block */
  g_assert_cmpuint (body->len, ==, 2);
  g_assert_cmpstr (body->pdata[0], ==,
                   "The tide came in at seven, and the boats came home with it.\n"
                   "The gulls went quiet on the harbour wall as the light went down.");
}

static void
run_fuzz_case (gconstpointer data)
{
  g_autofree char *bytes = NULL;
  gsize len = 0;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (data, &bytes, &len, &error);
  g_assert_no_error (error);
  syn_fuzz_check_html ((const guint8 *) bytes, len);
}

/* One test per file: /web/html/<kind>/<file>. */
static guint
add_fuzz_cases (const char *kind,
                const char *dir_path,
                GPtrArray  *keep)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL)
    return 0;
  while ((name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.' && !g_str_equal (name, "README.md"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  for (guint i = 0; i < names->len; i++)
    {
      const char *file = names->pdata[i];
      g_autofree char *test_path = g_strdup_printf ("/web/html/%s/%s", kind, file);
      char *path = g_build_filename (dir_path, file, NULL);

      g_ptr_array_add (keep, path);
      g_test_add_data_func (test_path, path, run_fuzz_case);
    }
  return names->len;
}

/* An old page that never closes its tags nests deeper than libxml2's usual
 * limit of 256 levels: the paragraphs past it are read too. (1,000 levels:
 * libxml2 2.14 and later stop at 2,048 even so.) */
static void
test_deep_nesting (void)
{
  GString *markup = g_string_new ("<html><body>");
  g_autoptr(SynWebPage) page = NULL;
  g_autoptr(GPtrArray) body = NULL;

  for (guint i = 0; i < 500; i++)
    g_string_append_printf (markup, "<div><font size=\"2\"><p>Paragraph %u of a page whose tags are never closed, "
                            "as pages were written long ago.</p>", i);
  page = syn_html_extract ((const guint8 *) markup->str, markup->len, NULL, NULL, NULL);
  g_string_free (markup, TRUE);
  g_assert_nonnull (page);
  body = blocks_of (page, SYN_WEB_BLOCK_BODY);
  g_assert_cmpuint (body->len, ==, 500);
  g_assert_cmpint (find_block (body, "Paragraph 499 of a page"), ==, 499);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *corpus = NULL;
  g_autofree char *regressions = NULL;

  g_test_init (&argc, &argv, NULL);
  syn_fuzz_init ();

  g_test_add_func ("/web/html/news/story", test_news_story);
  g_test_add_func ("/web/html/news/furniture", test_news_furniture);
  g_test_add_func ("/web/html/news/caption", test_news_caption);
  g_test_add_func ("/web/html/news/metadata", test_news_metadata);
  g_test_add_func ("/web/html/metadata/fallbacks", test_metadata_fallbacks);
  g_test_add_func ("/web/html/german", test_german);
  g_test_add_func ("/web/html/teasers", test_teasers);
  g_test_add_func ("/web/html/charset/windows-1252", test_windows_1252);
  g_test_add_func ("/web/html/charset/header", test_charset_from_header);
  g_test_add_func ("/web/html/charset/precedence", test_charset_precedence);
  g_test_add_func ("/web/html/charset/utf-16-header", test_charset_utf16_header);
  g_test_add_func ("/web/html/sniff", test_sniff);
  g_test_add_func ("/web/html/json-ld/malformed", test_malformed_json_ld);
  g_test_add_func ("/web/html/json-ld/wrapped", test_wrapped_json_ld);
  g_test_add_func ("/web/html/no-article", test_no_article);
  g_test_add_func ("/web/html/line-breaks", test_line_breaks);
  g_test_add_func ("/web/html/deep-nesting", test_deep_nesting);

  corpus = g_test_build_filename (G_TEST_DIST, "fuzz", "corpus", "html", NULL);
  regressions = g_test_build_filename (G_TEST_DIST, "regressions", "html", NULL);
  /* the seed corpus is there: an empty one would test nothing */
  g_assert_cmpuint (add_fuzz_cases ("fuzz-corpus", corpus, keep), >, 0);
  add_fuzz_cases ("regressions", regressions, keep);
  return g_test_run ();
}
