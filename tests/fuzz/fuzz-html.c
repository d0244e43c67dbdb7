/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The article extractor's fuzz check (target "html"), apart from the core's
 * checks because it needs the web layer. The input's first byte picks the
 * character set the "HTTP header" gives (none, a common one, a rare one,
 * one iconv does not know); the rest is the page.
 *
 * Whatever the page, the extractor either fails with SYN_HTML_ERROR or
 * keeps its header's promises: valid UTF-8 text, NUL-terminated; blocks in
 * order, covering the text from its first byte to its last, separated by
 * blank lines, none empty or padded; the headline only first; metadata
 * valid UTF-8 on one line; the same result when asked twice.
 */
#define G_LOG_DOMAIN "syn-fuzz"

#include "config.h"

#include <string.h>

#include "fuzz-checks.h"
#include "syn-html.h"

static const char * const header_charsets[] = {
  NULL, "utf-8", "windows-1252", "ISO-8859-2", "shift_jis", "utf-16le",
  "x-no-such-charset", "", "koi8-r",
};

static void
check_metadata (const char *value)
{
  if (value == NULL)
    return;
  g_assert_true (g_utf8_validate (value, -1, NULL));
  g_assert_cmpuint (strlen (value), >, 0);
  g_assert_null (strchr (value, '\n'));
}

static void
check_page (const SynWebPage *page)
{
  gsize len = 0;
  const char *text = syn_web_page_get_text (page, &len);
  guint n = 0;
  const SynWebBlock *blocks = syn_web_page_get_blocks (page, &n);
  const char *url = syn_web_page_get_url (page);

  g_assert_nonnull (text);
  g_assert_true (g_utf8_validate (text, (gssize) len, NULL));
  g_assert_cmpuint (strlen (text), ==, len);
  /* a page with nothing to read is an error, not an empty page */
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (blocks[0].start, ==, 0);
  g_assert_cmpuint (blocks[n - 1].end, ==, len);
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpuint (blocks[i].start, <, blocks[i].end);
      g_assert_cmpuint (blocks[i].end, <=, len);
      g_assert_false (g_ascii_isspace (text[blocks[i].start]));
      g_assert_false (g_ascii_isspace (text[blocks[i].end - 1]));
      g_assert_true (blocks[i].kind == SYN_WEB_BLOCK_BODY || blocks[i].kind == SYN_WEB_BLOCK_ASIDE
                     || (blocks[i].kind == SYN_WEB_BLOCK_HEADLINE && i == 0));
      if (i > 0)
        {
          g_assert_cmpuint (blocks[i].start, ==, blocks[i - 1].end + 2);
          g_assert_true (text[blocks[i - 1].end] == '\n' && text[blocks[i - 1].end + 1] == '\n');
        }
    }
  check_metadata (syn_web_page_get_headline (page));
  check_metadata (syn_web_page_get_site (page));
  check_metadata (syn_web_page_get_byline (page));
  check_metadata (syn_web_page_get_published (page));
  check_metadata (syn_web_page_get_language (page));
  check_metadata (url);
  g_assert_nonnull (syn_web_page_get_encoding (page));
  if (url != NULL)
    g_assert_true (g_str_has_prefix (url, "http://") || g_str_has_prefix (url, "https://"));
}

void
syn_fuzz_check_html (const guint8 *data,
                     gsize         size)
{
  const char *charset = size > 0 ? header_charsets[data[0] % G_N_ELEMENTS (header_charsets)] : NULL;
  const guint8 *page_data = size > 0 ? data + 1 : data;
  gsize page_size = size > 0 ? size - 1 : 0;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) error_again = NULL;
  g_autoptr(SynWebPage) page = NULL;
  g_autoptr(SynWebPage) again = NULL;

  (void) syn_html_sniff (page_data, page_size);
  page = syn_html_extract (page_data, page_size, charset, "https://news.example.org/a/b?c=d", &error);
  if (page == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == SYN_HTML_ERROR);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return;
    }
  g_assert_no_error (error);
  check_page (page);

  again = syn_html_extract (page_data, page_size, charset, "https://news.example.org/a/b?c=d", &error_again);
  g_assert_nonnull (again);
  g_assert_cmpstr (syn_web_page_get_text (again, NULL), ==, syn_web_page_get_text (page, NULL));
}
