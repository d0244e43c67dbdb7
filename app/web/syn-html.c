/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The article a web page holds.
 *
 * A news page is a story wrapped in furniture: menus, share bars, cookie
 * notices, teasers for other stories, comments, footers. The method here
 * reads the page once into a flat list of text blocks (a paragraph, a
 * heading, a list item, a caption: whatever the markup sets apart as a
 * block), each knowing the element that holds it and how much of its text
 * sits inside links. Then it decides, in four steps:
 *
 *  1. Furniture by name. Elements the markup itself calls furniture (nav,
 *     aside, footer, header, forms' controls) and elements whose class or
 *     id says so (comment, share, related, cookie, newsletter, promo, ad,
 *     sidebar, …) are set aside — unless they hold the article itself: an
 *     <article>, <main>, itemprop=articleBody, or the element that holds
 *     most of the page's JSON-LD articleBody, and everything around those,
 *     is never furniture.
 *  2. Prose and noise. A block is prose when it reads like sentences: long
 *     enough, ending in sentence punctuation, with little of it in links.
 *     Everything else is noise (link lists, labels, buttons). When the page
 *     carries a JSON-LD articleBody, blocks whose words it repeats count as
 *     prose too: the publisher has told us what the story is. A short
 *     paragraph alone between link lines is a teaser for another story
 *     (title link, summary, title link…): a story's paragraphs come in runs.
 *  3. The root. Every element scores the prose below it minus half its
 *     noise (teasers count as noise here); the best-scoring element is the
 *     article's root. A parent wins over its child exactly when what it adds
 *     is more prose than noise, so a story cut in two by an advert is taken
 *     whole, while a page wrapper that adds menus and teasers loses. The
 *     root's siblings that are nearly all prose join it (a story cut into
 *     boxes by pictures).
 *  4. The edges. Inside, blocks mostly made of links are dropped; short
 *     blocks (datelines, labels, "Advertisement") are kept only between
 *     prose, and headings only when prose follows them, as a reader skips a
 *     label at the end of a story but not a subhead inside it. Captions,
 *     credits and bylines around the root are kept apart, as ASIDE blocks.
 *
 * When the classes hide everything (a wrapper called "has-sidebar"), the
 * steps run again trusting the tags alone. Metadata come from JSON-LD
 * first, then Open Graph and article: meta tags, then the markup. The
 * character set is settled before libxml2 sees the page, which it then
 * parses as UTF-8 (with <noscript> sections removed, as a browser running
 * scripts shows nothing of them).
 */
#define G_LOG_DOMAIN "syn-web"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "syn-html.h"

/* How far into the page a <meta charset> is looked for. */
#define CHARSET_SNIFF_BYTES 4096
/* A JSON-LD script larger or deeper than this is not read. */
#define JSON_LD_MAX_BYTES   (1024 * 1024)
#define JSON_LD_MAX_DEPTH   48

struct _SynWebPage {
  char   *text;
  gsize   len;
  GArray *blocks;
  char   *headline;
  char   *site;
  char   *byline;
  char   *published;
  char   *url;
  char   *language;
  char   *encoding;
};

G_DEFINE_QUARK (syn-html-error-quark, syn_html_error)

/* ------------------------------------------------------------ sniffing */

static const char * const leading_tags[] = {
  "!doctype", "html", "head", "body", "meta", "title", "link", "script",
  "style", "base", "div", "p", "table", "h1", "article",
};

static gsize
skip_bom (const guint8 *data,
          gsize         len)
{
  return len >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF ? 3 : 0;
}

/* TRUE when @p starts one of the tags a page opens with, followed by a
 * character that ends a tag name. */
static gboolean
starts_leading_tag (const guint8 *p,
                    gsize         len)
{
  for (guint i = 0; i < G_N_ELEMENTS (leading_tags); i++)
    {
      gsize n = strlen (leading_tags[i]);

      if (len > n + 1 && p[0] == '<'
          && g_ascii_strncasecmp ((const char *) p + 1, leading_tags[i], n) == 0
          && (g_ascii_isspace (p[n + 1]) || p[n + 1] == '>' || p[n + 1] == '/'))
        return TRUE;
    }
  return FALSE;
}

gboolean
syn_html_sniff (const guint8 *data,
                gsize         len)
{
  gsize i;

  g_return_val_if_fail (data != NULL || len == 0, FALSE);

  i = skip_bom (data, len);
  for (;;)
    {
      while (i < len && g_ascii_isspace (data[i]))
        i++;
      if (len - i >= 4 && memcmp (data + i, "<!--", 4) == 0)
        {
          gsize j = i + 4;

          while (j + 3 <= len && memcmp (data + j, "-->", 3) != 0)
            j++;
          if (j + 3 > len)
            return FALSE;
          i = j + 3;
          continue;
        }
      if (len - i >= 5 && memcmp (data + i, "<?xml", 5) == 0)
        {
          const guint8 *end = memchr (data + i, '>', len - i);

          if (end == NULL)
            return FALSE;
          i = (gsize) (end - data) + 1;
          continue;
        }
      break;
    }
  return starts_leading_tag (data + i, len - i);
}

/* ----------------------------------------------------- character sets */

/* Windows-1252's 0x80–0x9F; the five bytes it leaves undefined read as the
 * C1 controls of the same value, as browsers do. */
static const gunichar cp1252_high[32] = {
  0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
  0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

static char *
decode_cp1252 (const guint8 *data,
               gsize         len)
{
  GString *out = g_string_sized_new (len + len / 8 + 1);

  for (gsize i = 0; i < len; i++)
    {
      guint8 b = data[i];

      if (b < 0x80)
        g_string_append_c (out, (char) b);
      else
        g_string_append_unichar (out, b < 0xA0 ? cp1252_high[b - 0x80] : b);
    }
  return g_string_free (out, FALSE);
}

/* The name a label stands for, as the WHATWG encoding standard maps the
 * common ones; NULL for a label to ignore. @in_page: the label is the
 * page's own (<meta>), not the HTTP header's. */
static char *
normalize_charset (const char *label,
                   gsize       len,
                   gboolean    in_page)
{
  g_autofree char *name = g_ascii_strdown (label, (gssize) len);

  g_strstrip (name);
  if (*name == '\0')
    return NULL;
  if (g_str_equal (name, "utf-8") || g_str_equal (name, "utf8") || g_str_equal (name, "unicode-1-1-utf-8"))
    return g_strdup ("UTF-8");
  /* a page cannot be UTF-16 and say so in ASCII: browsers read UTF-8 */
  if (in_page && (g_str_has_prefix (name, "utf-16") || g_str_equal (name, "unicode")))
    return g_strdup ("UTF-8");
  if (g_str_equal (name, "iso-8859-1") || g_str_equal (name, "latin1") || g_str_equal (name, "l1")
      || g_str_equal (name, "us-ascii") || g_str_equal (name, "ascii") || g_str_equal (name, "cp1252")
      || g_str_equal (name, "windows-1252") || g_str_equal (name, "x-cp1252") || g_str_equal (name, "iso8859-1")
      || g_str_equal (name, "iso_8859-1"))
    return g_strdup ("WINDOWS-1252");
  if (g_str_equal (name, "gb2312") || g_str_equal (name, "gbk") || g_str_equal (name, "x-gbk"))
    return g_strdup ("GB18030");
  if (g_str_equal (name, "shift_jis") || g_str_equal (name, "sjis") || g_str_equal (name, "x-sjis"))
    return g_strdup ("SHIFT_JIS");
  for (const char *p = name; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_' && *p != '.' && *p != ':')
      return NULL;
  return g_ascii_strup (name, -1);
}

/* The charset a <meta> near the start declares: <meta charset="x"> or
 * <meta http-equiv="Content-Type" content="text/html; charset=x">. Both
 * carry "charset" followed by "=", which is what is looked for, inside a
 * <meta> tag. */
static char *
sniff_meta_charset (const guint8 *data,
                    gsize         len)
{
  gsize n = MIN (len, CHARSET_SNIFF_BYTES);
  const char *p = (const char *) data;
  const char *end = p + n;

  while (p < end)
    {
      const char *tag = memchr (p, '<', (gsize) (end - p));
      const char *close;

      if (tag == NULL || end - tag < 6)
        break;
      p = tag + 1;
      if (g_ascii_strncasecmp (p, "meta", 4) != 0)
        continue;
      close = memchr (p, '>', (gsize) (end - p));
      if (close == NULL)
        close = end;
      for (const char *q = p; q + 7 < close; q++)
        {
          if (g_ascii_strncasecmp (q, "charset", 7) != 0)
            continue;
          q += 7;
          while (q < close && g_ascii_isspace (*q))
            q++;
          if (q >= close || *q != '=')
            continue;
          q++;
          while (q < close && (g_ascii_isspace (*q) || *q == '"' || *q == '\''))
            q++;
          {
            const char *v = q;

            while (q < close && !g_ascii_isspace (*q) && *q != '"' && *q != '\'' && *q != ';' && *q != '/')
              q++;
            if (q > v)
              return normalize_charset (v, (gsize) (q - v), TRUE);
          }
        }
      p = close;
    }
  return NULL;
}

/* UTF-8 with every NUL made a space: libxml2 stops at a NUL. */
static char *
clean_utf8 (char  *text,
            gsize  len)
{
  for (char *p = memchr (text, '\0', len); p != NULL; p = memchr (p, '\0', len - (gsize) (p - text)))
    *p = ' ';
  return text;
}

static char *
try_convert (const guint8 *data,
             gsize         len,
             const char   *charset,
             gsize        *out_len)
{
  if (g_ascii_strcasecmp (charset, "UTF-8") == 0)
    {
      if (!g_utf8_validate_len ((const char *) data, len, NULL))
        return NULL;
      *out_len = len;
      return g_strndup ((const char *) data, len);
    }
  if (g_ascii_strcasecmp (charset, "WINDOWS-1252") == 0)
    {
      char *out = decode_cp1252 (data, len);

      *out_len = strlen (out);
      return out;
    }
  return g_convert ((const char *) data, (gssize) len, "UTF-8", charset, NULL, out_len, NULL);
}

/* The page as UTF-8, and the charset it was read in (@encoding). */
static char *
decode_page (const guint8  *data,
             gsize          len,
             const char    *charset,
             char         **encoding,
             gsize         *out_len)
{
  g_autofree char *header = NULL;
  g_autofree char *meta = NULL;
  char *text = NULL;

  if (len >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF)
    {
      *encoding = g_strdup ("UTF-8");
      text = g_utf8_make_valid ((const char *) data + 3, (gssize) len - 3);
      *out_len = strlen (text);
      return text;
    }
  if (len >= 2 && ((data[0] == 0xFF && data[1] == 0xFE) || (data[0] == 0xFE && data[1] == 0xFF)))
    {
      const char *from = data[0] == 0xFF ? "UTF-16LE" : "UTF-16BE";

      text = g_convert ((const char *) data + 2, (gssize) ((len - 2) & ~(gsize) 1), "UTF-8", from,
                        NULL, out_len, NULL);
      if (text != NULL)
        {
          *encoding = g_strdup (from);
          return clean_utf8 (text, *out_len);
        }
    }

  if (charset != NULL)
    header = normalize_charset (charset, strlen (charset), FALSE);
  if (header != NULL && (text = try_convert (data, len, header, out_len)) != NULL)
    {
      *encoding = g_steal_pointer (&header);
      return clean_utf8 (text, *out_len);
    }
  meta = sniff_meta_charset (data, len);
  if (meta != NULL && (text = try_convert (data, len, meta, out_len)) != NULL)
    {
      *encoding = g_steal_pointer (&meta);
      return clean_utf8 (text, *out_len);
    }
  if ((text = try_convert (data, len, "UTF-8", out_len)) != NULL)
    {
      *encoding = g_strdup ("UTF-8");
      return clean_utf8 (text, *out_len);
    }
  *encoding = g_strdup ("WINDOWS-1252");
  text = decode_cp1252 (data, len);
  *out_len = strlen (text);
  return clean_utf8 (text, *out_len);
}

/* Finds @needle (lower case ASCII) in @hay ignoring case. */
static char *
find_ascii_nocase (char       *hay,
                   char       *end,
                   const char *needle)
{
  gsize n = strlen (needle);

  for (char *p = hay; p + n <= end; p++)
    {
      p = memchr (p, '<', (gsize) (end - p));
      if (p == NULL || p + n > end)
        return NULL;
      /* the character after "<" rules out nearly every tag at once */
      if (g_ascii_tolower (p[1]) == needle[1] && g_ascii_strncasecmp (p, needle, n) == 0)
        return p;
    }
  return NULL;
}

/* Removes <noscript> sections from the page. A browser running scripts
 * reads them as raw text and shows nothing; libxml2 2.9 parses their
 * content as markup, and a tracking <iframe> inside one can swallow the
 * rest of the page. Returns the new length. */
static gsize
strip_noscript (char  *text,
                gsize  len)
{
  char *end = text + len;
  char *out = text;
  char *p = text;

  for (;;)
    {
      char *open = find_ascii_nocase (p, end, "<noscript");
      char *close = open != NULL ? find_ascii_nocase (open, end, "</noscript") : NULL;
      char *after = close != NULL ? memchr (close, '>', (gsize) (end - close)) : NULL;

      if (after == NULL)
        break;
      memmove (out, p, (gsize) (open - p));
      out += open - p;
      p = after + 1;
    }
  memmove (out, p, (gsize) (end - p));
  out += end - p;
  *out = '\0';
  return (gsize) (out - text);
}

/* ------------------------------------------------------------ elements */

/* What an element's class and id say about it. */
enum {
  HINT_NEGATIVE  = 1 << 0,  /* furniture by its name */
  HINT_POSITIVE  = 1 << 1,  /* "article", "content", "story", … */
  HINT_ASIDE     = 1 << 2,  /* a caption, a credit, a byline */
  HINT_FURNITURE = 1 << 3,  /* furniture by its tag */
  HINT_ARTICLE   = 1 << 4,  /* <article>, <main>, itemprop=articleBody */
  HINT_PROTECTED = 1 << 5,  /* holds the article: never furniture */
  HINT_BYLINE    = 1 << 6,  /* names the author */
  HINT_CAPTION   = 1 << 7,  /* a caption or a credit, even in a <span> */
};

/* Elements are numbered in document order, parents before their children,
 * so that an element's descendants are the indices from its own to its
 * @last: every question about ancestors is then a comparison, and every sum
 * over a subtree one backward pass, however deep the page nests. */
typedef struct {
  xmlNode *node;
  guint    parent;          /* the parent element's index, 0 for none */
  guint    last;            /* the index of its last descendant (itself if none) */
  guint    tags;            /* TAG_ flags */
  guint    hints;
  double   prose;
  double   noise;
  guint    guide;           /* characters of blocks that JSON-LD repeats */
} Element;

static const char * const negative_words[] = {
  "ad", "ads", "adslot", "adunit", "advert", "advertisement", "advertising", "banner",
  "breadcrumb", "breadcrumbs", "comment", "comments", "commentlist", "consent",
  "cookie", "cookies", "disqus", "dfp", "footer", "gdpr", "masthead", "menu",
  "modal", "more", "mostread", "nav", "navbar", "navigation", "newsletter",
  "outbrain", "pagination", "pager", "popular", "popup", "promo", "promotion",
  "recommended", "recommendations", "related", "reply", "respond", "rss",
  "share", "sharing", "sharebar", "sidebar", "signup", "skip", "social",
  "sponsor", "sponsored", "subscribe", "subscription", "taboola", "tags",
  "toolbar", "trending", "header", "login", "signin", "print",
  "overlay", "bio", "follow", "sr", "visually", "offscreen",
  "paywall", "jump", "tools", "utility", "rail", "teaser", "teasers", "cta",
  "discussion", "sign", "recirc", "donate", "donation", "kommentare",
  "commentaires", "comentarios",
};

static const char * const positive_words[] = {
  "article", "articlebody", "body", "content", "entry", "main", "post",
  "story", "text", "prose", "blog",
};

static const char * const aside_words[] = {
  "byline", "author", "dateline", "date", "timestamp", "time", "published",
};

static const char * const caption_words[] = {
  "caption", "credit", "credits", "photographer", "figcaption",
};

static void
add_words (GHashTable         *table,
           const char * const *words,
           guint               n,
           guint               hint)
{
  for (guint i = 0; i < n; i++)
    {
      guint hints = GPOINTER_TO_UINT (g_hash_table_lookup (table, words[i]));

      g_hash_table_insert (table, (gpointer) words[i], GUINT_TO_POINTER (hints | hint));
    }
}

/* The hints one lower-case word of a class or id gives. */
static guint
word_hints (const char *word)
{
  static GHashTable *table;
  static gsize done = 0;
  static const char * const byline_words[] = { "byline", "author" };

  if (g_once_init_enter (&done))
    {
      table = g_hash_table_new (g_str_hash, g_str_equal);
      add_words (table, negative_words, G_N_ELEMENTS (negative_words), HINT_NEGATIVE);
      add_words (table, positive_words, G_N_ELEMENTS (positive_words), HINT_POSITIVE);
      add_words (table, aside_words, G_N_ELEMENTS (aside_words), HINT_ASIDE);
      add_words (table, caption_words, G_N_ELEMENTS (caption_words), HINT_ASIDE | HINT_CAPTION);
      add_words (table, byline_words, G_N_ELEMENTS (byline_words), HINT_BYLINE);
      g_once_init_leave (&done, 1);
    }
  return GPOINTER_TO_UINT (g_hash_table_lookup (table, word));
}

/* Reads a class or id attribute word by word ("article-body__text" is
 * "article", "body", "text"; "commentList" is "comment", "list"). */
static guint
hints_of_names (const char *names)
{
  char word[32];
  gsize n = 0;
  guint hints = 0;

  for (const char *p = names;; p++)
    {
      gboolean upper = g_ascii_isupper (*p) && n > 0 && g_ascii_islower (p[-1]);

      if (!g_ascii_isalnum (*p) || upper)
        {
          if (n > 0 && n < sizeof word)
            {
              word[n] = '\0';
              hints |= word_hints (word);
            }
          n = 0;
          if (*p == '\0')
            break;
          if (!upper)
            continue;
        }
      if (n < sizeof word)
        word[n] = g_ascii_tolower (*p);
      n++;
    }
  return hints;
}

static char *
attr (const xmlNode *node,
      const char    *name)
{
  xmlChar *v = xmlGetNoNsProp (node, (const xmlChar *) name);
  char *copy = v != NULL ? g_strdup ((const char *) v) : NULL;

  xmlFree (v);
  return copy;
}

/* What a tag is, looked up once per element. */
enum {
  TAG_SKIP      = 1 << 0,   /* content a reader never sees */
  TAG_BLOCK     = 1 << 1,   /* starts and ends a block of text */
  TAG_FURNITURE = 1 << 2,   /* nav, aside, footer, header, menu */
  TAG_LINK      = 1 << 3,
  TAG_PRE       = 1 << 4,
  TAG_QUOTE     = 1 << 5,
  TAG_HEADING   = 1 << 6,
  TAG_BR        = 1 << 7,
  TAG_ARTICLE   = 1 << 8,   /* article, main */
  TAG_FIGURE    = 1 << 9,   /* figure, figcaption, caption */
  TAG_INLINE    = 1 << 10,  /* a, span, strong, b: never a byline by itself */
  TAG_PAGE      = 1 << 11,  /* html, body */
  TAG_PARAGRAPH = 1 << 12,
  TAG_ITEM      = 1 << 13,  /* li, dd, dt */
  TAG_H1        = 1 << 14,
  TAG_TIME      = 1 << 15,
  TAG_CAPTION   = 1 << 16,  /* figcaption, caption */
  TAG_META      = 1 << 17,  /* what the metadata pass reads: meta, link, */
  TAG_HEAD_LINK = 1 << 18,  /* title, script */
  TAG_TITLE     = 1 << 19,
  TAG_SCRIPT    = 1 << 20,
};

static const struct {
  const char *name;
  guint       flags;
} tag_table[] = {
  { "script", TAG_SKIP | TAG_SCRIPT }, { "meta", TAG_META }, { "link", TAG_HEAD_LINK }, { "style", TAG_SKIP }, { "noscript", TAG_SKIP },
  { "template", TAG_SKIP }, { "svg", TAG_SKIP }, { "math", TAG_SKIP },
  { "iframe", TAG_SKIP }, { "object", TAG_SKIP }, { "embed", TAG_SKIP },
  { "canvas", TAG_SKIP }, { "select", TAG_SKIP }, { "textarea", TAG_SKIP },
  { "button", TAG_SKIP }, { "input", TAG_SKIP }, { "head", TAG_SKIP },
  { "video", TAG_SKIP }, { "audio", TAG_SKIP }, { "map", TAG_SKIP },
  { "dialog", TAG_SKIP }, { "title", TAG_SKIP | TAG_TITLE },
  { "nav", TAG_BLOCK | TAG_FURNITURE }, { "aside", TAG_BLOCK | TAG_FURNITURE },
  { "footer", TAG_BLOCK | TAG_FURNITURE }, { "header", TAG_BLOCK | TAG_FURNITURE },
  { "menu", TAG_BLOCK | TAG_FURNITURE },
  { "a", TAG_LINK | TAG_INLINE }, { "span", TAG_INLINE }, { "strong", TAG_INLINE },
  { "b", TAG_INLINE }, { "br", TAG_BR }, { "time", TAG_TIME },
  { "pre", TAG_BLOCK | TAG_PRE }, { "blockquote", TAG_BLOCK | TAG_QUOTE },
  { "h1", TAG_BLOCK | TAG_HEADING | TAG_H1 }, { "h2", TAG_BLOCK | TAG_HEADING },
  { "h3", TAG_BLOCK | TAG_HEADING }, { "h4", TAG_BLOCK | TAG_HEADING },
  { "h5", TAG_BLOCK | TAG_HEADING }, { "h6", TAG_BLOCK | TAG_HEADING },
  { "article", TAG_BLOCK | TAG_ARTICLE }, { "main", TAG_BLOCK | TAG_ARTICLE },
  { "figure", TAG_BLOCK | TAG_FIGURE }, { "figcaption", TAG_BLOCK | TAG_FIGURE | TAG_CAPTION },
  { "caption", TAG_BLOCK | TAG_FIGURE | TAG_CAPTION },
  { "html", TAG_BLOCK | TAG_PAGE }, { "body", TAG_BLOCK | TAG_PAGE },
  { "p", TAG_BLOCK | TAG_PARAGRAPH },
  { "li", TAG_BLOCK | TAG_ITEM }, { "dd", TAG_BLOCK | TAG_ITEM }, { "dt", TAG_BLOCK | TAG_ITEM },
  { "address", TAG_BLOCK }, { "center", TAG_BLOCK }, { "details", TAG_BLOCK },
  { "div", TAG_BLOCK }, { "dl", TAG_BLOCK }, { "fieldset", TAG_BLOCK },
  { "form", TAG_BLOCK }, { "hgroup", TAG_BLOCK }, { "hr", TAG_BLOCK },
  { "legend", TAG_BLOCK }, { "ol", TAG_BLOCK }, { "ul", TAG_BLOCK },
  { "section", TAG_BLOCK }, { "summary", TAG_BLOCK }, { "table", TAG_BLOCK },
  { "tbody", TAG_BLOCK }, { "td", TAG_BLOCK }, { "tfoot", TAG_BLOCK },
  { "th", TAG_BLOCK }, { "thead", TAG_BLOCK }, { "tr", TAG_BLOCK },
  { "picture", TAG_BLOCK }, { "img", TAG_BLOCK },
};

/* libxml2's HTML parser gives tag names in lower case. */
static guint
tag_flags (const xmlNode *node)
{
  static GHashTable *table;
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      table = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < G_N_ELEMENTS (tag_table); i++)
        g_hash_table_insert (table, (gpointer) tag_table[i].name, GUINT_TO_POINTER (tag_table[i].flags));
      g_once_init_leave (&done, 1);
    }
  return node->name != NULL ? GPOINTER_TO_UINT (g_hash_table_lookup (table, node->name)) : 0;
}

/* The attributes the walk reads, found in one pass over them. */
typedef struct {
  const char *klass;
  const char *id;
  const char *itemprop;
  const char *rel;
  const char *role;
  const char *style;
  const char *aria_hidden;
  gboolean    hidden;
} Attrs;

static void
read_attrs (const xmlNode *node,
            Attrs         *attrs)
{
  memset (attrs, 0, sizeof *attrs);
  for (const xmlAttr *a = node->properties; a != NULL; a = a->next)
    {
      const char *name = (const char *) a->name;
      const char *value = a->children != NULL && a->children->content != NULL
                          ? (const char *) a->children->content : "";

      /* the first letter settles most names (href, src, alt…) at once */
      switch (name[0])
        {
        case 'c':
          if (g_str_equal (name, "class"))
            attrs->klass = value;
          break;
        case 'i':
          if (g_str_equal (name, "id"))
            attrs->id = value;
          else if (g_str_equal (name, "itemprop"))
            attrs->itemprop = value;
          break;
        case 'r':
          if (g_str_equal (name, "rel"))
            attrs->rel = value;
          else if (g_str_equal (name, "role"))
            attrs->role = value;
          break;
        case 's':
          if (g_str_equal (name, "style"))
            attrs->style = value;
          break;
        case 'a':
          if (g_str_equal (name, "aria-hidden"))
            attrs->aria_hidden = value;
          break;
        case 'h':
          if (g_str_equal (name, "hidden"))
            attrs->hidden = TRUE;
          break;
        default:
          break;
        }
    }
}

static gboolean
value_is (const char *value,
          const char *expected)
{
  return value != NULL && g_ascii_strcasecmp (value, expected) == 0;
}

static gboolean
is_hidden (const Attrs *attrs)
{
  char style[256];
  gsize n = 0;

  if (attrs->hidden || value_is (attrs->aria_hidden, "true"))
    return TRUE;
  if (attrs->style == NULL)
    return FALSE;
  for (const char *p = attrs->style; *p && n < sizeof style - 1; p++)
    if (!g_ascii_isspace (*p))
      style[n++] = g_ascii_tolower (*p);
  style[n] = '\0';
  return strstr (style, "display:none") != NULL || strstr (style, "visibility:hidden") != NULL;
}

/* A class that hides the element by itself: "hidden", "is-hidden",
 * "d-none" (while "field-label-hidden" hides only a label inside). */
static gboolean
has_hiding_class (const char *klass)
{
  static const char * const hiding[] = { "hidden", "is-hidden", "d-none", "hide", "invisible" };
  g_auto(GStrv) tokens = NULL;

  if (klass == NULL
      || (strstr (klass, "hid") == NULL && strstr (klass, "none") == NULL && strstr (klass, "invisible") == NULL))
    return FALSE;
  tokens = g_strsplit_set (klass, " \t\n\r\f", -1);
  for (guint i = 0; tokens[i] != NULL; i++)
    for (guint j = 0; j < G_N_ELEMENTS (hiding); j++)
      if (g_ascii_strcasecmp (tokens[i], hiding[j]) == 0)
        return TRUE;
  return FALSE;
}

static guint
hints_of (guint        tags,
          const Attrs *attrs)
{
  guint hints = 0;

  if (attrs->klass != NULL)
    hints |= hints_of_names (attrs->klass);
  if (has_hiding_class (attrs->klass))
    hints |= HINT_NEGATIVE;
  if (attrs->id != NULL)
    hints |= hints_of_names (attrs->id);
  if (attrs->itemprop != NULL && strstr (attrs->itemprop, "articleBody") != NULL)
    hints |= HINT_ARTICLE;
  else if (attrs->itemprop != NULL && strstr (attrs->itemprop, "author") != NULL)
    hints |= HINT_BYLINE | HINT_ASIDE;
  if (value_is (attrs->rel, "author"))
    hints |= HINT_BYLINE | HINT_ASIDE;
  if ((tags & TAG_FURNITURE) != 0 || value_is (attrs->role, "navigation")
      || value_is (attrs->role, "complementary") || value_is (attrs->role, "contentinfo"))
    hints |= HINT_FURNITURE;
  if ((tags & TAG_ARTICLE) != 0 || value_is (attrs->role, "main"))
    hints |= HINT_ARTICLE;
  if ((tags & TAG_FIGURE) != 0)
    hints |= HINT_ASIDE;
  /* the page itself is never furniture, whatever its classes say */
  if ((tags & TAG_PAGE) != 0)
    hints = 0;
  /* an author's link inside a paragraph is the paragraph's, not a byline;
   * a caption in a <span> is a caption */
  if ((tags & TAG_INLINE) != 0 && (hints & HINT_CAPTION) == 0)
    hints &= ~(guint) (HINT_ASIDE | HINT_BYLINE);
  return hints;
}

/* -------------------------------------------------------------- blocks */

typedef enum {
  KIND_TEXT,      /* a div's or a cell's own text */
  KIND_PARAGRAPH,
  KIND_HEADING,
  KIND_ITEM,
  KIND_QUOTE,
  KIND_PRE,
  KIND_ASIDE,
} Kind;

typedef struct {
  gsize    start;       /* into Walk.text */
  gsize    end;
  guint    chars;
  guint    link_chars;
  guint    stops;       /* sentence-ending punctuation */
  guint    element;     /* index into Walk.elements of the block's owner */
  guint    aside;       /* the innermost caption-like ancestor, or 0 */
  Kind     kind;
  gboolean furniture;   /* inside furniture (step 1) */
  guint    prose;       /* LINES, SENTENCE or PROSE */
  gboolean teaser;      /* short prose alone between links: not for the root */
  gboolean guided;      /* JSON-LD's articleBody repeats it */
} Block;

typedef struct {
  GString *text;        /* every block's text, back to back */
  GArray  *blocks;
  GArray  *elements;
  /* the block being read */
  gsize    start;
  guint    chars;
  guint    link_chars;
  guint    stops;
  gboolean space;       /* white space seen since the last character */
  guint    breaks;      /* <br> seen since the last character */
  /* where the walk is */
  guint    in_link;
  guint    in_pre;
  guint    in_quote;
  GArray  *asides;      /* caption-like ancestors, innermost last (Element indices) */
  guint    in_heading;
  GPtrArray *owners;    /* block-level ancestors, innermost last (Element indices) */
  /* what the markup says besides the text */
  char    *h1;
  char    *byline;
  char    *time;
} Walk;


static guint
element_index (const xmlNode *node)
{
  return GPOINTER_TO_UINT (node->_private) - 1;
}

static Element *
walk_element (Walk  *w,
              guint  index)
{
  return &g_array_index (w->elements, Element, index);
}

static Kind
kind_of_owner (Walk          *w,
               const Element *owner)
{
  if (w->in_heading > 0)
    return KIND_HEADING;
  if (w->in_pre > 0)
    return KIND_PRE;
  if (w->in_quote > 0)
    return KIND_QUOTE;
  if ((owner->tags & TAG_PARAGRAPH) != 0)
    return KIND_PARAGRAPH;
  if ((owner->tags & TAG_ITEM) != 0)
    return KIND_ITEM;
  return KIND_TEXT;
}

/* Ends the block being read, if it holds any text. */
static void
flush (Walk *w)
{
  Block block = { 0 };
  guint owner;

  w->space = FALSE;
  w->breaks = 0;
  if (w->chars == 0)
    {
      g_string_truncate (w->text, w->start);
      return;
    }
  owner = GPOINTER_TO_UINT (g_ptr_array_index (w->owners, w->owners->len - 1));
  block.start = w->start;
  block.end = w->text->len;
  block.chars = w->chars;
  block.link_chars = w->link_chars;
  block.stops = w->stops;
  block.element = owner;
  block.kind = kind_of_owner (w, walk_element (w, owner));
  block.aside = w->asides->len > 0 ? g_array_index (w->asides, guint, w->asides->len - 1) : 0;
  g_array_append_val (w->blocks, block);
  w->start = w->text->len;
  w->chars = w->link_chars = w->stops = 0;
}

static gboolean
is_stop (gunichar c)
{
  return c == '.' || c == '!' || c == '?' || c == 0x3002 || c == 0xFF01 || c == 0xFF1F
         || c == 0x2026 || c == 0x0964 || c == 0x061F || c == 0x06D4;
}

static gboolean
is_space (gunichar c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0xA0
         || c == 0x200B || c == 0xFEFF || c == 0x2028 || c == 0x2029;
}

/* Appends a text node's characters, white space collapsed. The text is
 * valid UTF-8 (libxml2 was given UTF-8): ASCII takes the short way. */
static void
append_text (Walk       *w,
             const char *s)
{
  const char *p = s;

  while (*p != '\0')
    {
      guint8 byte = (guint8) *p;
      gunichar c = byte < 0x80 ? byte : g_utf8_get_char (p);
      gsize n = byte < 0x80 ? 1 : (gsize) g_utf8_skip[byte];
      guint characters;

      if (is_space (c))
        {
          if (w->in_pre > 0 && c == '\n' && w->chars > 0)
            w->breaks = MAX (w->breaks, 1);
          else
            w->space = TRUE;
          p += n;
          continue;
        }
      if (G_UNLIKELY (w->space || w->breaks > 0))
        {
          if (w->breaks >= 2 && w->in_pre == 0)
            flush (w);
          else if (w->chars > 0 && w->breaks > 0)
            g_string_append_c (w->text, '\n');
          else if (w->chars > 0)
            g_string_append_c (w->text, ' ');
          w->space = FALSE;
          w->breaks = 0;
        }
      characters = 1;
      if (n == 1)
        {
          /* a run of printable ASCII goes in at once */
          const char *q = p;

          while ((guint8) *q > ' ' && (guint8) *q < 0x80)
            {
              w->stops += *q == '.' || *q == '!' || *q == '?';
              q++;
            }
          if (q > p)
            n = (gsize) (q - p);
          characters = (guint) n;
        }
      else
        w->stops += is_stop (c);
      g_string_append_len (w->text, p, (gssize) n);
      p += n;
      w->chars += characters;
      if (w->in_link > 0)
        w->link_chars += characters;
    }
}

static void
note_markup (Walk          *w,
             const xmlNode *node,
             guint          tags,
             guint          hints)
{
  if (w->h1 == NULL && (tags & TAG_H1) != 0)
    {
      xmlChar *content = xmlNodeGetContent (node);

      w->h1 = g_strdup ((const char *) content);
      xmlFree (content);
    }
  if (w->byline == NULL && (hints & HINT_BYLINE) != 0)
    {
      xmlChar *content = xmlNodeGetContent (node);

      if (content != NULL && xmlStrlen (content) < 200)
        w->byline = g_strdup ((const char *) content);
      xmlFree (content);
    }
  if (w->time == NULL && (tags & TAG_TIME) != 0)
    w->time = attr (node, "datetime");
}

/* Returns FALSE when the element's content is not read. */
static gboolean
enter (Walk    *w,
       xmlNode *node)
{
  Element element = { node, 0, 0, 0, 0, 0, 0, 0 };
  Attrs attrs;
  guint tags, hints;

  if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
    {
      if (node->content != NULL)
        append_text (w, (const char *) node->content);
      return FALSE;
    }
  if (node->type != XML_ELEMENT_NODE)
    return FALSE;
  tags = tag_flags (node);
  if ((tags & TAG_SKIP) != 0)
    return FALSE;
  if ((tags & TAG_BR) != 0)
    {
      if (w->chars > 0)
        w->breaks++;
      return FALSE;
    }
  read_attrs (node, &attrs);
  if (is_hidden (&attrs))
    return FALSE;

  hints = hints_of (tags, &attrs);
  note_markup (w, node, tags, hints);
  /* a caption is a block of its own, even in inline markup */
  if ((hints & HINT_CAPTION) != 0)
    tags |= TAG_BLOCK;
  element.tags = tags;
  element.hints = hints;
  element.parent = node->parent != NULL && node->parent->type == XML_ELEMENT_NODE && node->parent->_private != NULL
                   ? element_index (node->parent) : 0;
  g_array_append_val (w->elements, element);
  node->_private = GUINT_TO_POINTER (w->elements->len);

  if ((tags & TAG_BLOCK) != 0)
    {
      flush (w);
      g_ptr_array_add (w->owners, GUINT_TO_POINTER (w->elements->len - 1));
    }
  w->in_link += (tags & TAG_LINK) != 0;
  w->in_pre += (tags & TAG_PRE) != 0;
  w->in_quote += (tags & TAG_QUOTE) != 0;
  w->in_heading += (tags & TAG_HEADING) != 0;
  if ((hints & HINT_ASIDE) != 0)
    {
      guint index = w->elements->len - 1;

      g_array_append_val (w->asides, index);
    }
  return TRUE;
}

static void
leave (Walk    *w,
       xmlNode *node)
{
  Element *el;

  if (node->type != XML_ELEMENT_NODE || node->_private == NULL)
    return;
  el = walk_element (w, element_index (node));
  el->last = w->elements->len - 1;
  if ((el->tags & TAG_BLOCK) != 0)
    {
      flush (w);
      g_ptr_array_set_size (w->owners, w->owners->len - 1);
    }
  w->in_link -= (el->tags & TAG_LINK) != 0;
  w->in_pre -= (el->tags & TAG_PRE) != 0;
  w->in_quote -= (el->tags & TAG_QUOTE) != 0;
  w->in_heading -= (el->tags & TAG_HEADING) != 0;
  if ((el->hints & HINT_ASIDE) != 0)
    g_array_set_size (w->asides, w->asides->len - 1);
}

/* Reads the tree depth-first without recursion: pages can nest deeper than
 * the stack would like. */
static void
walk_tree (Walk    *w,
           xmlNode *root)
{
  xmlNode *node = root;

  for (;;)
    {
      if (enter (w, node) && node->children != NULL)
        {
          node = node->children;
          continue;
        }
      leave (w, node);
      while (node != root && node->next == NULL)
        {
          node = node->parent;
          leave (w, node);
        }
      if (node == root)
        break;
      node = node->next;
    }
  flush (w);
  walk_element (w, 0)->last = w->elements->len - 1;
}

static void
walk_init (Walk *w)
{
  Element top = { NULL, 0, 0, 0, 0, 0, 0, 0 };

  memset (w, 0, sizeof *w);
  w->text = g_string_new (NULL);
  w->blocks = g_array_new (FALSE, FALSE, sizeof (Block));
  w->elements = g_array_new (FALSE, FALSE, sizeof (Element));
  w->owners = g_ptr_array_new ();
  w->asides = g_array_new (FALSE, FALSE, sizeof (guint));
  /* element 0 stands for the document, owner of text outside any block */
  g_array_append_val (w->elements, top);
  g_ptr_array_add (w->owners, GUINT_TO_POINTER (0));
}

static void
walk_clear (Walk *w)
{
  g_string_free (w->text, TRUE);
  g_array_unref (w->blocks);
  g_array_unref (w->elements);
  g_ptr_array_unref (w->owners);
  g_array_unref (w->asides);
  g_free (w->h1);
  g_free (w->byline);
  g_free (w->time);
}

/* A <figcaption> is a caption whatever its length. A class that says
 * "caption", "credit" or "author" names a caption or a byline only when
 * what it holds is short: "author-jane-doe" on a whole
 * <article> is a theme's way of naming the post's author. */
#define ASIDE_MAX_CHARS 400

static void
settle_asides (Walk *w)
{
  g_autofree guint *chars = g_new0 (guint, w->elements->len);

  for (guint i = 0; i < w->blocks->len; i++)
    {
      const Block *b = &g_array_index (w->blocks, Block, i);

      chars[b->aside] += b->chars;
    }
  for (guint i = 0; i < w->blocks->len; i++)
    {
      Block *b = &g_array_index (w->blocks, Block, i);

      if (b->aside != 0 && (chars[b->aside] <= ASIDE_MAX_CHARS || (walk_element (w, b->aside)->tags & TAG_CAPTION) != 0))
        b->kind = KIND_ASIDE;
    }
}

/* The element index of @index's parent element, or 0. */
static guint
parent_of (Walk  *w,
           guint  index)
{
  return walk_element (w, index)->parent;
}

/* --------------------------------------------------------- the guide */

/* JSON-LD's articleBody, as a set of hashed word pairs: a block the
 * publisher repeats there is the story. Pairs rather than single words so
 * that common words alone do not match. */

static guint
word_hash (const char *p,
           const char *end)
{
  guint h = 5381;

  for (; p < end; p++)
    h = h * 33 + (guint8) g_ascii_tolower (*p);
  return h;
}

/* Calls @fn on each pair of consecutive words of @text. */
static void
for_each_pair (const char *text,
               gsize       len,
               void      (*fn) (guint hash, gpointer data),
               gpointer    data)
{
  const char *p = text;
  const char *end = text + len;
  guint previous = 0;
  gboolean have_previous = FALSE;

  while (p < end)
    {
      const char *w;

      while (p < end && !(g_ascii_isalnum (*p) || (guint8) *p >= 0x80))
        p++;
      w = p;
      while (p < end && (g_ascii_isalnum (*p) || (guint8) *p >= 0x80))
        p++;
      if (p == w)
        break;
      {
        guint h = word_hash (w, p);

        if (have_previous)
          fn (previous * 31 + h, data);
        previous = h;
        have_previous = TRUE;
      }
    }
}

static void
add_pair_cb (guint    hash,
             gpointer data)
{
  g_hash_table_add (data, GUINT_TO_POINTER (hash | 1));
}

typedef struct {
  GHashTable *pairs;
  guint       seen;
  guint       found;
} PairCount;

static void
count_pair_cb (guint    hash,
               gpointer data)
{
  PairCount *count = data;

  count->seen++;
  count->found += g_hash_table_contains (count->pairs, GUINT_TO_POINTER (hash | 1));
}

/* ----------------------------------------------------------- deciding */

static double
link_density (const Block *b)
{
  return b->chars > 0 ? (double) b->link_chars / b->chars : 0;
}

/* How much a block reads like sentences: PROSE when long, or ending in a
 * stop, and not links; SENTENCE for a short line ending in a stop (a line of
 * dialogue, a one-line paragraph). */
enum {
  LINES = 0,
  SENTENCE = 1,
  PROSE = 2,
};

/* What may follow a sentence's stop: quotes, brackets. */
static gboolean
is_closer (gunichar c)
{
  return c == '"' || c == '\'' || c == ')' || c == ']' || c == 0x201D || c == 0x2019
         || c == 0x00BB || c == 0x300D || c == 0x300F || c == 0xFF09;
}

static guint
prose_level (const Block *b,
             const char  *text)
{
  gsize len = b->end - b->start;
  const char *last;
  gboolean stop;

  if (link_density (b) > 0.5 || b->kind == KIND_HEADING || b->kind == KIND_ASIDE)
    return LINES;
  /* a long paragraph is prose even when its last sentence lost its stop */
  if ((b->chars >= 120 && b->stops > 0) || (b->chars >= 200 && link_density (b) <= 0.3))
    return PROSE;
  if (link_density (b) > 0.3)
    return LINES;
  last = g_utf8_find_prev_char (text + b->start, text + b->start + len);
  while (last != NULL && last > text + b->start && is_closer (g_utf8_get_char (last)))
    last = g_utf8_find_prev_char (text + b->start, last);
  stop = last != NULL && is_stop (g_utf8_get_char (last));
  if (stop && b->chars >= 40)
    return PROSE;
  /* a sentence that leads into a list or a quotation */
  if (last != NULL && g_utf8_get_char (last) == ':' && b->chars >= 60)
    return SENTENCE;
  return stop && b->chars >= 10 ? SENTENCE : LINES;
}

/* Step 1: furniture, unless it holds the article. */
static void
mark_furniture (Walk     *w,
                gboolean  trust_classes)
{
  g_autofree guint8 *furniture = g_new0 (guint8, w->elements->len);

  /* the nearest furniture or protected element above decides */
  for (guint e = 1; e < w->elements->len; e++)
    {
      const Element *el = walk_element (w, e);

      if ((el->hints & HINT_PROTECTED) != 0)
        furniture[e] = FALSE;
      else if ((el->hints & HINT_FURNITURE) != 0
               || (trust_classes && (el->hints & HINT_NEGATIVE) != 0 && (el->hints & HINT_ASIDE) == 0))
        furniture[e] = TRUE;
      else
        furniture[e] = furniture[el->parent];
    }
  for (guint i = 0; i < w->blocks->len; i++)
    {
      Block *b = &g_array_index (w->blocks, Block, i);

      b->furniture = furniture[b->element];
    }
}

/* Marks what holds the article, and everything around it, as protected:
 * the largest <article>/<main>/articleBody element by prose, and the
 * element holding most of the guided text. */
static void
protect (Walk *w,
         guint index)
{
  for (guint e = index; e != 0; e = parent_of (w, e))
    walk_element (w, e)->hints |= HINT_PROTECTED;
}

static void
clear_scores (Walk *w)
{
  for (guint e = 0; e < w->elements->len; e++)
    {
      Element *el = walk_element (w, e);

      el->prose = el->noise = 0;
      el->guide = 0;
    }
}

/* Adds every block's prose, noise and guided characters to the elements
 * above it (only blocks outside furniture when @skip_furniture). */
static void
score_elements (Walk     *w,
                gboolean  skip_furniture)
{
  clear_scores (w);
  for (guint i = 0; i < w->blocks->len; i++)
    {
      const Block *b = &g_array_index (w->blocks, Block, i);
      double prose = 0, noise = 0;
      Element *el;

      if (skip_furniture && b->furniture)
        continue;
      if (b->kind == KIND_ASIDE)
        noise = b->chars * 0.25;
      else if (b->teaser)
        noise = b->chars * 0.5;
      else if (b->prose == PROSE || b->guided)
        {
          prose = b->chars - b->link_chars;
          noise = b->link_chars;
        }
      else if (b->prose == SENTENCE)
        prose = 0.5 * (b->chars - b->link_chars);
      else if (link_density (b) > 0.5)
        noise = b->chars;
      else
        noise = b->chars * 0.5;
      el = walk_element (w, b->element);
      el->prose += prose;
      el->noise += noise;
      el->guide += b->guided ? b->chars : 0;
    }
  /* children come after their parents: one backward pass sums subtrees */
  for (guint e = w->elements->len - 1; e > 0; e--)
    {
      const Element *child = walk_element (w, e);
      Element *up = walk_element (w, child->parent);

      up->prose += child->prose;
      up->noise += child->noise;
      up->guide += child->guide;
    }
}

static guint
best_root (Walk *w)
{
  guint best = 0;
  double best_score = -1;

  for (guint e = 1; e < w->elements->len; e++)
    {
      const Element *el = walk_element (w, e);
      double score = el->prose - 0.5 * el->noise;

      if (el->prose > 0 && score > best_score)
        {
          best = e;
          best_score = score;
        }
    }
  return best;
}

static gboolean
inside (Walk  *w,
        guint  index,
        guint  root)
{
  return index >= root && index <= walk_element (w, root)->last;
}

/* Furniture phrases a page repeats between paragraphs. */
static gboolean
is_label (const char *text,
          gsize       len)
{
  static const char * const labels[] = {
    "advertisement", "advertising", "advert", "ad", "anzeige", "publicité", "publicidad", "pubblicità",
    "reklame", "share", "share this", "share this article", "read more", "continue reading",
    "story continues below", "story continues below advertisement", "sponsored",
    "related", "related articles", "related stories", "see also", "recommended",
  };
  g_autofree char *down = g_utf8_strdown (text, (gssize) len);

  g_strstrip (down);
  for (gsize n = strlen (down); n > 0 && strchr (":.…", down[n - 1]) != NULL; n--)
    down[n - 1] = '\0';
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (down, labels[i]))
      return TRUE;
  return FALSE;
}

typedef enum {
  KEEP_NO,
  KEEP_BODY,
  KEEP_ASIDE,
} Keep;

/* How far around the root captions and bylines are kept: up to the
 * largest element that adds no prose to it (the <article> around a story's
 * body, holding its figures and byline). */
static guint
caption_scope (Walk  *w,
               guint  root)
{
  double prose = walk_element (w, root)->prose;
  guint scope = root;

  for (guint e = parent_of (w, root); e != 0 && walk_element (w, e)->prose <= prose + 1; e = parent_of (w, e))
    scope = e;
  return scope;
}

/* Which of @children (siblings in document order) holds element @e, or 0. */
static guint
child_holding (Walk   *w,
               GArray *children,
               guint   e)
{
  guint lo = 0, hi = children->len;

  /* the last child that starts at or before @e */
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (children, guint, mid) <= e)
        lo = mid + 1;
      else
        hi = mid;
    }
  if (lo == 0)
    return 0;
  return inside (w, e, g_array_index (children, guint, lo - 1)) ? g_array_index (children, guint, lo - 1) : 0;
}

/* Which blocks make up the story: those inside the root, and those inside
 * a sibling of the root that reads as prose. A story's paragraphs are
 * sometimes cut into several boxes by pictures; a lone paragraph among
 * pictures looks like a teaser when the root is chosen, but as the root's
 * sibling it is plainly part of it. */
static guint8 *
story_blocks (Walk  *w,
              guint  root)
{
  guint n = w->blocks->len;
  guint8 *in_story = g_new0 (guint8, n + 1);
  guint parent = parent_of (w, root);
  g_autofree double *prose = g_new0 (double, w->elements->len);
  g_autofree double *noise = g_new0 (double, w->elements->len);
  g_autofree guint *sibling = g_new0 (guint, n + 1);
  g_autoptr(GArray) children = g_array_new (FALSE, FALSE, sizeof (guint));

  /* the root's parent's children, in order */
  for (guint e = parent + 1; parent != 0 && e <= walk_element (w, parent)->last; e = walk_element (w, e)->last + 1)
    g_array_append_val (children, e);
  for (guint i = 0; i < n; i++)
    {
      const Block *b = &g_array_index (w->blocks, Block, i);
      guint e = b->element, child;

      if (b->furniture)
        continue;
      if (inside (w, e, root))
        in_story[i] = TRUE;
      else if (parent != 0 && e != parent && inside (w, e, parent)
               && (child = child_holding (w, children, e)) != 0)
        {
          sibling[i] = child;
          if (b->prose != LINES && b->kind != KIND_ASIDE)
            prose[child] += b->chars - b->link_chars;
          noise[child] += b->kind == KIND_ASIDE ? 0 : b->prose != LINES ? b->link_chars : b->chars;
        }
    }
  for (guint i = 0; i < n; i++)
    if (sibling[i] != 0 && prose[sibling[i]] > 0 && noise[sibling[i]] * 4 <= prose[sibling[i]])
      in_story[i] = TRUE;
  return in_story;
}

/* Step 4: which blocks inside the root are kept. */
static void
decide_edges (Walk       *w,
              guint       root,
              Keep       *keep,
              const char *headline)
{
  guint scope = caption_scope (w, root);
  const char *text = w->text->str;
  guint n = w->blocks->len;
  g_autofree guint8 *in_story = story_blocks (w, root);
  g_autofree guint8 *prose_after = g_new0 (guint8, n + 1);
  gboolean before = FALSE;
  g_autofree guint8 *good = g_new0 (guint8, n);   /* 0 out, 1 short, 2 prose */
  gboolean headline_seen = FALSE;

  for (guint i = 0; i < n; i++)
    {
      const Block *b = &g_array_index (w->blocks, Block, i);
      gsize len = b->end - b->start;

      keep[i] = KEEP_NO;
      if (b->furniture)
        continue;
      if (b->kind == KIND_ASIDE && inside (w, b->element, scope))
        {
          keep[i] = KEEP_ASIDE;
          continue;
        }
      if (!in_story[i])
        continue;
      if (!headline_seen && headline != NULL && b->kind == KIND_HEADING
          && strlen (headline) == len && memcmp (headline, text + b->start, len) == 0)
        {
          headline_seen = TRUE;
          continue;
        }
      if (b->prose != LINES || b->guided)
        good[i] = 2;
      else if ((link_density (b) <= 0.5 || (b->chars >= 100 && b->stops > 0 && link_density (b) <= 0.7))
               && !is_label (text + b->start, len))
        good[i] = 1;
    }

  /* whether prose follows, before anything out of the story interrupts:
   * short blocks and captions do not */
  for (guint i = n; i-- > 0;)
    prose_after[i] = good[i] == 2 || (!(good[i] == 0 && keep[i] != KEEP_ASIDE && in_story[i]) && prose_after[i + 1]);

  /* short blocks between prose stay; headings stay when prose follows */
  for (guint i = 0; i < n; i++)
    {
      const Block *b = &g_array_index (w->blocks, Block, i);
      gboolean after = prose_after[i + 1];

      if (good[i] == 2)
        keep[i] = KEEP_BODY;
      else if (good[i] == 1 && ((b->kind == KIND_HEADING && after) || (before && after)))
        keep[i] = KEEP_BODY;
      else if (good[i] == 1 && (b->kind == KIND_ITEM || b->kind == KIND_QUOTE || b->kind == KIND_PRE) && before)
        keep[i] = KEEP_BODY;
      /* what a short block after this one sees before it */
      if (good[i] != 1 || keep[i] == KEEP_BODY)
        before = good[i] == 2 || keep[i] == KEEP_BODY;
    }
}

/* ----------------------------------------------------------- metadata */

typedef struct {
  char *headline;
  char *site;
  char *byline;
  char *published;
  char *url;
  char *language;
  char *body;           /* JSON-LD articleBody */
  /* from meta tags */
  char *og_title;
  char *og_site;
  char *og_url;
  char *og_locale;
  char *meta_author;
  char *meta_date;
  char *meta_language;
  char *canonical;
  char *title;
  char *html_lang;
} Meta;

static void
meta_clear (Meta *m)
{
  char **fields[] = {
    &m->headline, &m->site, &m->byline, &m->published, &m->url, &m->language,
    &m->body, &m->og_title, &m->og_site, &m->og_url, &m->og_locale,
    &m->meta_author, &m->meta_date, &m->meta_language, &m->canonical,
    &m->title, &m->html_lang,
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    g_clear_pointer (fields[i], g_free);
}

/* The character a character reference at @p ("&amp;", "&#163;") stands
 * for, and its length in @len; 0 when @p is not one. JSON-LD is often
 * written with the page's escaping still in it. */
static gunichar
entity_at (const char *p,
           gsize      *len)
{
  static const struct { const char *name; gunichar c; } named[] = {
    { "&amp;", '&' }, { "&lt;", '<' }, { "&gt;", '>' }, { "&quot;", '"' },
    { "&apos;", '\'' }, { "&#39;", '\'' }, { "&nbsp;", 0xA0 },
  };
  const char *q;
  gunichar c = 0;
  gboolean hex;

  for (guint i = 0; i < G_N_ELEMENTS (named); i++)
    if (g_str_has_prefix (p, named[i].name))
      {
        *len = strlen (named[i].name);
        return named[i].c;
      }
  if (p[1] != '#')
    return 0;
  hex = p[2] == 'x' || p[2] == 'X';
  for (q = p + (hex ? 3 : 2); q - p < 10 && (hex ? g_ascii_isxdigit (*q) : g_ascii_isdigit (*q)); q++)
    c = c * (hex ? 16 : 10) + (guint) (hex ? g_ascii_xdigit_value (*q) : g_ascii_digit_value (*q));
  if (*q != ';' || q == p + (hex ? 3 : 2) || c == 0 || !g_unichar_validate (c))
    return 0;
  *len = (gsize) (q - p) + 1;
  return c;
}

/* Collapses white space, reads character references and trims; NULL when
 * nothing is left. */
static char *
tidy (const char *s)
{
  GString *out;
  gboolean space = FALSE;

  if (s == NULL || !g_utf8_validate (s, -1, NULL))
    return NULL;
  out = g_string_new (NULL);
  for (const char *p = s; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gsize entity_len = 0;

      if (c == '&' && (c = entity_at (p, &entity_len)) != 0)
        p += entity_len - 1;
      else if (c == 0)
        c = '&';

      if (g_unichar_isspace (c) || c == 0xA0)
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }
  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

static void
set_once (char       **field,
          const char  *value)
{
  if (*field == NULL)
    *field = tidy (value);
}

/* --- JSON-LD */

static const char * const article_types[] = {
  "Article", "NewsArticle", "BlogPosting", "ReportageNewsArticle",
  "AnalysisNewsArticle", "OpinionNewsArticle", "ReviewNewsArticle",
  "BackgroundNewsArticle", "LiveBlogPosting", "TechArticle", "Report",
  "ScholarlyArticle", "SocialMediaPosting", "Review", "Posting",
};

static gboolean
type_is_article (JsonObject *obj)
{
  JsonNode *type = json_object_get_member (obj, "@type");
  GList *items = NULL;
  gboolean found = FALSE;

  if (type == NULL)
    return FALSE;
  if (JSON_NODE_HOLDS_VALUE (type) && json_node_get_value_type (type) == G_TYPE_STRING)
    {
      const char *t = json_node_get_string (type);

      for (guint i = 0; i < G_N_ELEMENTS (article_types); i++)
        found |= g_str_equal (t, article_types[i]);
      return found;
    }
  if (!JSON_NODE_HOLDS_ARRAY (type))
    return FALSE;
  items = json_array_get_elements (json_node_get_array (type));
  for (GList *l = items; l; l = l->next)
    if (JSON_NODE_HOLDS_VALUE (l->data) && json_node_get_value_type (l->data) == G_TYPE_STRING)
      for (guint i = 0; i < G_N_ELEMENTS (article_types); i++)
        found |= g_str_equal (json_node_get_string (l->data), article_types[i]);
  g_list_free (items);
  return found;
}

static const char *
member_string (JsonObject *obj,
               const char *name)
{
  JsonNode *node = json_object_get_member (obj, name);

  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);
  return NULL;
}

/* A name: a string, or an object's "name". */
static char *
name_of (JsonNode *node)
{
  if (node == NULL)
    return NULL;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return tidy (json_node_get_string (node));
  if (JSON_NODE_HOLDS_OBJECT (node))
    return tidy (member_string (json_node_get_object (node), "name"));
  return NULL;
}

/* A name, or the names of an array's items joined by ", ". */
static char *
names_of (JsonNode *node)
{
  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      GString *out = g_string_new (NULL);

      for (guint i = 0; i < json_array_get_length (array) && i < 8; i++)
        {
          g_autofree char *name = name_of (json_array_get_element (array, i));

          if (name == NULL)
            continue;
          if (out->len > 0)
            g_string_append (out, ", ");
          g_string_append (out, name);
        }
      return g_string_free (out, out->len == 0);
    }
  return name_of (node);
}

/* The end of the JSON value that starts at @text ('{' or '['): its
 * matching bracket, strings skipped; NULL when it never closes or nests
 * deeper than JSON_LD_MAX_DEPTH (json-glib reads recursively, so a hostile
 * script could exhaust the stack). Whatever follows the value (a ";", a
 * second value, a wrapper's end) is left out: json-glib 1.6 leaks what it
 * read when a text holds more than one value. */
static char *
json_value_end (char *text)
{
  guint depth = 0;
  gboolean in_string = FALSE;

  for (char *p = text; *p; p++)
    {
      if (in_string)
        {
          if (*p == '\\' && p[1] != '\0')
            p++;
          else if (*p == '"')
            in_string = FALSE;
        }
      else if (*p == '"')
        in_string = TRUE;
      else if (*p == '{' || *p == '[')
        {
          if (++depth > JSON_LD_MAX_DEPTH)
            return NULL;
        }
      else if ((*p == '}' || *p == ']') && depth > 0 && --depth == 0)
        return p + 1;
    }
  return NULL;
}

static void
collect_objects (JsonNode  *node,
                 GPtrArray *objects)
{
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        collect_objects (json_array_get_element (array, i), objects);
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *obj = json_node_get_object (node);
      GList *members = json_object_get_values (obj);

      g_ptr_array_add (objects, obj);
      for (GList *l = members; l; l = l->next)
        collect_objects (l->data, objects);
      g_list_free (members);
    }
}

/* An object's publisher name, following an {"@id"} reference. */
static char *
publisher_name (JsonObject *article,
                GPtrArray  *objects)
{
  JsonNode *publisher = json_object_get_member (article, "publisher");
  char *name = names_of (publisher);
  const char *id;

  if (name != NULL || publisher == NULL || !JSON_NODE_HOLDS_OBJECT (publisher))
    return name;
  id = member_string (json_node_get_object (publisher), "@id");
  for (guint i = 0; id != NULL && i < objects->len; i++)
    {
      const char *other = member_string (objects->pdata[i], "@id");

      if (other != NULL && g_str_equal (other, id) && member_string (objects->pdata[i], "name"))
        return tidy (member_string (objects->pdata[i], "name"));
    }
  return NULL;
}

static void
read_article_object (Meta       *m,
                     JsonObject *obj,
                     GPtrArray  *objects)
{
  JsonNode *date = json_object_get_member (obj, "datePublished");
  JsonNode *lang = json_object_get_member (obj, "inLanguage");

  set_once (&m->headline, member_string (obj, "headline"));
  if (m->site == NULL)
    m->site = publisher_name (obj, objects);
  if (m->byline == NULL)
    m->byline = names_of (json_object_get_member (obj, "author"));
  if (date != NULL && JSON_NODE_HOLDS_VALUE (date) && json_node_get_value_type (date) == G_TYPE_STRING)
    set_once (&m->published, json_node_get_string (date));
  if (m->language == NULL)
    m->language = name_of (lang);
  if (m->body == NULL && member_string (obj, "articleBody") != NULL)
    m->body = g_strdup (member_string (obj, "articleBody"));
}

/* One <script type="application/ld+json">: malformed JSON is ignored. */
static void
read_json_ld (Meta       *m,
              const char *script)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GPtrArray) objects = NULL;
  g_autofree char *text = NULL;
  char *start, *end;

  if (script == NULL || strlen (script) > JSON_LD_MAX_BYTES || !g_utf8_validate (script, -1, NULL))
    return;
  text = g_strdup (script);
  /* raw line breaks inside strings are invalid JSON but common */
  for (char *p = text; *p; p++)
    if ((guint8) *p < 0x20)
      *p = ' ';
  /* the first value: wrappers such as <!-- --> or //<![CDATA[ //]]> and a
   * trailing ";" are left out */
  start = text + strcspn (text, "{[");
  while (g_str_has_prefix (start, "[CDATA["))
    start += 7 + strcspn (start + 7, "{[");
  if (*start == '\0' || (end = json_value_end (start)) == NULL)
    return;
  *end = '\0';
  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, start, -1, NULL) || json_parser_get_root (parser) == NULL)
    return;
  objects = g_ptr_array_new ();
  collect_objects (json_parser_get_root (parser), objects);
  /* the article with a body first, then any article, then the site */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < objects->len; i++)
      if (type_is_article (objects->pdata[i])
          && (pass == 1 || member_string (objects->pdata[i], "articleBody") != NULL))
        read_article_object (m, objects->pdata[i], objects);
  for (guint i = 0; i < objects->len; i++)
    {
      const char *type = member_string (objects->pdata[i], "@type");

      if (m->site == NULL && type != NULL && (g_str_equal (type, "WebSite") || g_str_equal (type, "NewsMediaOrganization")))
        set_once (&m->site, member_string (objects->pdata[i], "name"));
    }
}

/* --- meta tags and links */

static void
read_meta_tag (Meta          *m,
               const xmlNode *node)
{
  g_autofree char *property = attr (node, "property");
  g_autofree char *name = attr (node, "name");
  g_autofree char *itemprop = attr (node, "itemprop");
  g_autofree char *equiv = attr (node, "http-equiv");
  g_autofree char *content = attr (node, "content");
  const char *key = property != NULL ? property : name != NULL ? name : itemprop;

  if (content == NULL)
    return;
  if (equiv != NULL && g_ascii_strcasecmp (equiv, "content-language") == 0)
    set_once (&m->meta_language, content);
  if (key == NULL)
    return;
  if (g_ascii_strcasecmp (key, "og:title") == 0 || g_ascii_strcasecmp (key, "twitter:title") == 0)
    set_once (&m->og_title, content);
  else if (g_ascii_strcasecmp (key, "og:site_name") == 0 || g_ascii_strcasecmp (key, "application-name") == 0)
    set_once (&m->og_site, content);
  else if (g_ascii_strcasecmp (key, "og:url") == 0)
    set_once (&m->og_url, content);
  else if (g_ascii_strcasecmp (key, "og:locale") == 0)
    set_once (&m->og_locale, content);
  else if (g_ascii_strcasecmp (key, "author") == 0 || g_ascii_strcasecmp (key, "article:author") == 0
           || g_ascii_strcasecmp (key, "byl") == 0 || g_ascii_strcasecmp (key, "dc.creator") == 0)
    {
      if (!g_str_has_prefix (content, "http"))
        set_once (&m->meta_author, content);
    }
  else if (g_ascii_strcasecmp (key, "article:published_time") == 0 || g_ascii_strcasecmp (key, "datePublished") == 0
           || g_ascii_strcasecmp (key, "pubdate") == 0 || g_ascii_strcasecmp (key, "publishdate") == 0
           || g_ascii_strcasecmp (key, "publish-date") == 0 || g_ascii_strcasecmp (key, "parsely-pub-date") == 0
           || g_ascii_strcasecmp (key, "dc.date") == 0 || g_ascii_strcasecmp (key, "dc.date.issued") == 0
           || g_ascii_strcasecmp (key, "date") == 0 || g_ascii_strcasecmp (key, "sailthru.date") == 0)
    set_once (&m->meta_date, content);
}

static void
read_head_node (Meta          *m,
                const xmlNode *node,
                guint          tags)
{
  if ((tags & TAG_META) != 0)
    read_meta_tag (m, node);
  else if ((tags & TAG_HEAD_LINK) != 0 && m->canonical == NULL)
    {
      g_autofree char *rel = attr (node, "rel");

      if (rel != NULL && g_ascii_strcasecmp (g_strstrip (rel), "canonical") == 0)
        m->canonical = attr (node, "href");
    }
  else if ((tags & TAG_TITLE) != 0 && m->title == NULL)
    {
      xmlChar *content = xmlNodeGetContent (node);

      m->title = tidy ((const char *) content);
      xmlFree (content);
    }
  else if ((tags & TAG_SCRIPT) != 0)
    {
      g_autofree char *type = attr (node, "type");

      if (type != NULL && g_ascii_strcasecmp (g_strstrip (type), "application/ld+json") == 0)
        {
          xmlChar *content = xmlNodeGetContent (node);

          read_json_ld (m, (const char *) content);
          xmlFree (content);
        }
    }
  else if ((tags & TAG_PAGE) != 0 && m->html_lang == NULL)
    m->html_lang = attr (node, "lang");
}

/* Every element of the tree, for its metadata, without recursion. */
static void
read_metadata (Meta    *m,
               xmlNode *root)
{
  xmlNode *node = root;

  while (node != NULL)
    {
      guint tags = node->type == XML_ELEMENT_NODE ? tag_flags (node) : 0;

      if (node->type == XML_ELEMENT_NODE)
        read_head_node (m, node, tags);
      if (node->type == XML_ELEMENT_NODE && node->children != NULL && (tags & TAG_SCRIPT) == 0)
        {
          node = node->children;
          continue;
        }
      while (node != root && node->next == NULL)
        node = node->parent;
      if (node == root)
        break;
      node = node->next;
    }
}

/* A URL made absolute against @base; NULL when it is not http(s). */
static char *
absolute_url (const char *href,
              const char *base)
{
  g_autofree char *tidied = tidy (href);
  g_autofree char *resolved = NULL;

  if (tidied == NULL)
    return NULL;
  if (base != NULL)
    resolved = g_uri_resolve_relative (base, tidied, G_URI_FLAGS_NONE, NULL);
  if (resolved == NULL && g_uri_is_valid (tidied, G_URI_FLAGS_NONE, NULL))
    resolved = g_strdup (tidied);
  if (resolved == NULL)
    return NULL;
  if (!g_str_has_prefix (resolved, "http://") && !g_str_has_prefix (resolved, "https://"))
    return NULL;
  return g_steal_pointer (&resolved);
}

/* "www.apnews.com" → "apnews.com". */
static char *
site_from_url (const char *url)
{
  g_autoptr(GUri) uri = url != NULL ? g_uri_parse (url, G_URI_FLAGS_NONE, NULL) : NULL;
  const char *host = uri != NULL ? g_uri_get_host (uri) : NULL;

  if (host == NULL || *host == '\0')
    return NULL;
  if (g_str_has_prefix (host, "www."))
    host += 4;
  return g_ascii_strdown (host, -1);
}

/* "Title | Site" or "Title - Site" → "Title". */
static char *
strip_site (const char *title,
            const char *site)
{
  static const char * const separators[] = { " | ", " - ", " – ", " — ", " :: ", " · " };
  const char *cut = NULL;

  if (title == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (separators); i++)
    {
      const char *p = g_strrstr (title, separators[i]);

      if (p != NULL && (cut == NULL || p > cut))
        cut = p;
    }
  if (cut == NULL)
    return g_strdup (title);
  /* only a short tail is the site's name; a long one is the title's own */
  if ((site != NULL && strstr (cut, site) != NULL) || g_utf8_strlen (cut, -1) <= 30)
    if (cut - title >= 15)
      return g_strndup (title, (gsize) (cut - title));
  return g_strdup (title);
}

/* "en_US" → "en-US". */
static char *
bcp47 (const char *tag)
{
  char *out = tidy (tag);
  gboolean valid;

  if (out == NULL)
    return NULL;
  g_strdelimit (out, "_", '-');
  if (strchr (out, ',') != NULL)
    *strchr (out, ',') = '\0';
  /* a language of two or three letters, then subtags */
  valid = g_ascii_isalpha (out[0]) && g_ascii_isalpha (out[1]) && !g_str_has_suffix (out, "-")
          && strstr (out, "--") == NULL;
  for (char *p = out; valid && *p; p++)
    valid = g_ascii_isalnum (*p) || *p == '-';
  if (!valid)
    g_clear_pointer (&out, g_free);
  return out;
}

/* The names in a byline, without "By" before them or the date, time and
 * links after them ("By Ana Ruiz | 3 May 2026, 10:02" → "Ana Ruiz"). */
static char *
clean_byline (char *byline)
{
  static const char * const prefixes[] = {
    "Posted by ", "Written by ", "Words by ", "By ", "by ", "BY ", "Von ", "von ", "Par ", "par ",
    "Por ", "por ", "Di ", "Door ",
  };
  static const char * const cuts[] = { " on ", " | ", " \xe2\x80\xa2 ", " \xc2\xb7 ", " - ", " \xe2\x80\x93 ", " \xe2\x80\x94 " };
  gsize n;

  if (byline == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    if (g_str_has_prefix (byline, prefixes[i]))
      {
        memmove (byline, byline + strlen (prefixes[i]), strlen (byline) - strlen (prefixes[i]) + 1);
        break;
      }
  /* names hold no digits: a digit starts the date */
  for (char *p = byline; *p; p++)
    if (g_ascii_isdigit (*p))
      {
        *p = '\0';
        break;
      }
  for (guint i = 0; i < G_N_ELEMENTS (cuts); i++)
    {
      char *cut = strstr (byline, cuts[i]);

      if (cut != NULL)
        *cut = '\0';
    }
  g_strchomp (byline);
  for (n = strlen (byline); n > 0 && strchr (",;:|-/(", byline[n - 1]) != NULL; n--)
    byline[n - 1] = '\0';
  g_strchomp (byline);
  if (g_str_has_suffix (byline, " on") || g_str_has_suffix (byline, " at"))
    byline[strlen (byline) - 3] = '\0';
  g_strchomp (byline);
  if (*byline == '\0' || g_utf8_strlen (byline, -1) > 120)
    {
      g_free (byline);
      return NULL;
    }
  return byline;
}

/* An outlet's name: not an address, a handle or the story's title. */
static gboolean
plausible_site (const char *site,
                const Meta *m)
{
  return site != NULL && strstr (site, "://") == NULL && !g_str_has_prefix (site, "www.") && site[0] != '@'
         && g_utf8_strlen (site, -1) <= 60 && g_strcmp0 (site, m->headline) != 0
         && g_strcmp0 (site, m->og_title) != 0 && g_strcmp0 (site, m->title) != 0;
}

/* A date that is not a placeholder ("0001-01-01T00:00:00Z"). */
static gboolean
plausible_date (const char *date)
{
  int year;

  if (date == NULL)
    return FALSE;
  if (!(g_ascii_isdigit (date[0]) && g_ascii_isdigit (date[1]) && g_ascii_isdigit (date[2])
        && g_ascii_isdigit (date[3])))
    return TRUE;
  year = (date[0] - '0') * 1000 + (date[1] - '0') * 100 + (date[2] - '0') * 10 + (date[3] - '0');
  return year >= 1900 && year <= 2200;
}

/* JSON-LD first, then meta tags, then the markup. */
static void
settle_metadata (SynWebPage *page,
                 Meta       *m,
                 Walk       *w,
                 const char *url)
{
  g_autofree char *h1 = tidy (w->h1);

  page->url = m->canonical != NULL ? absolute_url (m->canonical, url) : NULL;
  if (page->url == NULL && m->og_url != NULL)
    page->url = absolute_url (m->og_url, url);
  if (page->url == NULL && url != NULL)
    page->url = g_strdup (url);

  if (plausible_site (m->og_site, m))
    page->site = g_strdup (m->og_site);
  else if (plausible_site (m->site, m))
    page->site = g_strdup (m->site);
  else
    page->site = site_from_url (page->url);

  page->headline = g_strdup (m->headline);
  if (page->headline == NULL && h1 != NULL)
    page->headline = g_strdup (h1);
  if (page->headline == NULL)
    page->headline = strip_site (m->og_title != NULL ? m->og_title : m->title, page->site);

  page->byline = clean_byline (g_strdup (m->byline));
  if (page->byline == NULL)
    page->byline = clean_byline (g_strdup (m->meta_author));
  if (page->byline == NULL)
    page->byline = clean_byline (tidy (w->byline));

  if (plausible_date (m->published))
    page->published = g_strdup (m->published);
  else if (plausible_date (m->meta_date))
    page->published = g_strdup (m->meta_date);
  else
    {
      g_autofree char *time = tidy (w->time);

      page->published = plausible_date (time) ? g_steal_pointer (&time) : NULL;
    }

  page->language = bcp47 (m->html_lang);
  if (page->language == NULL)
    page->language = bcp47 (m->og_locale);
  if (page->language == NULL)
    page->language = bcp47 (m->language);
  if (page->language == NULL)
    page->language = bcp47 (m->meta_language);
}

/* --------------------------------------------------------- extraction */

static void
mark_prose (Walk       *w,
            const Meta *m)
{
  g_autoptr(GHashTable) pairs = NULL;

  if (m->body != NULL && strlen (m->body) >= 200)
    {
      pairs = g_hash_table_new (NULL, NULL);
      for_each_pair (m->body, strlen (m->body), add_pair_cb, pairs);
    }
  for (guint i = 0; i < w->blocks->len; i++)
    {
      Block *b = &g_array_index (w->blocks, Block, i);

      b->prose = prose_level (b, w->text->str);
      if (pairs != NULL && b->kind != KIND_ASIDE && link_density (b) <= 0.5)
        {
          PairCount count = { pairs, 0, 0 };

          for_each_pair (w->text->str + b->start, b->end - b->start, count_pair_cb, &count);
          b->guided = count.seen >= 3 && count.found * 10 >= count.seen * 7;
        }
    }
}

/* A short paragraph alone between link lines is a teaser for another
 * story (a title link, a summary, a title link…), not part of this one:
 * a story's paragraphs come in runs. */
#define TEASER_MAX_CHARS 250

static void
demote_teasers (Walk *w)
{
  guint n = w->blocks->len;
  g_autofree guint8 *alone = g_new0 (guint8, n + 1);
  g_autofree guint8 *prose_before = g_new0 (guint8, n + 1);  /* captions skipped */
  g_autofree guint8 *prose_after = g_new0 (guint8, n + 1);
  gboolean runs = FALSE;

  for (guint i = 1; i < n; i++)
    {
      const Block *b = &g_array_index (w->blocks, Block, i - 1);

      prose_before[i] = b->kind == KIND_ASIDE ? prose_before[i - 1] : b->prose != LINES;
    }
  for (guint i = n; i-- > 1;)
    {
      const Block *b = &g_array_index (w->blocks, Block, i);

      prose_after[i - 1] = b->kind == KIND_ASIDE ? prose_after[i] : b->prose != LINES;
    }
  for (guint i = 0; i < n; i++)
    {
      const Block *b = &g_array_index (w->blocks, Block, i);

      if (b->prose == LINES)
        continue;
      alone[i] = !b->guided && b->chars < TEASER_MAX_CHARS && !prose_before[i] && !prose_after[i];
      runs |= !alone[i];
    }
  /* a page whose only prose is one short paragraph: that is its story */
  for (guint i = 0; i < w->blocks->len; i++)
    g_array_index (w->blocks, Block, i).teaser = runs && alone[i];
}

/* The elements the markup or the publisher name as the article's. */
static void
protect_articles (Walk *w)
{
  guint best = 0, best_guided = 0;
  double best_prose = 0;
  guint guide_best = 0;

  score_elements (w, FALSE);
  for (guint e = 1; e < w->elements->len; e++)
    {
      const Element *el = walk_element (w, e);

      if ((el->hints & HINT_ARTICLE) != 0 && el->prose + 0.01 * el->noise > best_prose)
        {
          best = e;
          best_prose = el->prose + 0.01 * el->noise;
        }
    }
  if (best != 0)
    protect (w, best);
  /* the smallest element holding nearly all the guided text */
  guide_best = walk_element (w, 0)->guide;
  if (guide_best == 0)
    return;
  for (guint e = 1; e < w->elements->len; e++)
    {
      const Element *el = walk_element (w, e);

      if (el->guide * 10 >= guide_best * 8 && (best_guided == 0 || el->guide <= walk_element (w, best_guided)->guide))
        best_guided = e;
    }
  if (best_guided != 0)
    protect (w, best_guided);
}

static void
add_block (SynWebPage     *page,
           GString        *out,
           const char     *text,
           gsize           len,
           SynWebBlockKind kind)
{
  SynWebBlock block;

  if (out->len > 0)
    g_string_append (out, "\n\n");
  block.start = out->len;
  g_string_append_len (out, text, (gssize) len);
  block.end = out->len;
  block.kind = kind;
  g_array_append_val (page->blocks, block);
}

static void
debug_root (Walk     *w,
            guint     root,
            gboolean  trust_classes)
{
  const Element *el = walk_element (w, root);
  g_autofree char *klass = attr (el->node, "class");

  g_debug ("root <%s class=\"%s\">: prose %.0f, noise %.0f, %s", el->node->name,
           klass != NULL ? klass : "", el->prose, el->noise,
           trust_classes ? "classes trusted" : "tags alone");
}

/* Runs steps 2–4 once; returns the prose characters kept. */
static double
choose (Walk       *w,
        gboolean    trust_classes,
        Keep       *keep,
        const char *headline)
{
  guint root;
  double kept = 0;

  mark_furniture (w, trust_classes);
  score_elements (w, TRUE);
  root = best_root (w);
  if (root == 0)
    {
      for (guint i = 0; i < w->blocks->len; i++)
        keep[i] = KEEP_NO;
      return 0;
    }
  decide_edges (w, root, keep, headline);
  debug_root (w, root, trust_classes);
  for (guint i = 0; i < w->blocks->len; i++)
    if (keep[i] == KEEP_BODY)
      kept += g_array_index (w->blocks, Block, i).chars;
  return kept;
}

static void
emit (SynWebPage *page,
      Walk       *w,
      const Keep *keep)
{
  GString *out = g_string_new (NULL);

  if (page->headline != NULL)
    add_block (page, out, page->headline, strlen (page->headline), SYN_WEB_BLOCK_HEADLINE);
  for (guint i = 0; i < w->blocks->len; i++)
    {
      const Block *b = &g_array_index (w->blocks, Block, i);

      if (keep[i] != KEEP_NO)
        add_block (page, out, w->text->str + b->start, b->end - b->start,
                   keep[i] == KEEP_ASIDE ? SYN_WEB_BLOCK_ASIDE : SYN_WEB_BLOCK_BODY);
    }
  page->len = out->len;
  page->text = g_string_free (out, FALSE);
}

/* The total prose of the page, furniture or not. */
static double
page_prose (Walk *w)
{
  double prose = 0;

  for (guint i = 0; i < w->blocks->len; i++)
    {
      const Block *b = &g_array_index (w->blocks, Block, i);

      if (b->prose == PROSE)
        prose += b->chars;
    }
  return prose;
}

static gboolean
extract_article (SynWebPage *page,
                 Walk       *w,
                 const Meta *m)
{
  g_autofree Keep *keep = g_new0 (Keep, w->blocks->len + 1);
  g_autofree Keep *untrusting = NULL;
  double kept;

  mark_prose (w, m);
  demote_teasers (w);
  protect_articles (w);
  kept = choose (w, TRUE, keep, page->headline);
  /* the classes hid most of the story: trust the tags alone */
  if (kept < 0.3 * page_prose (w) || kept < 200)
    {
      untrusting = g_new0 (Keep, w->blocks->len + 1);
      if (choose (w, FALSE, untrusting, page->headline) > kept * 1.5)
        {
          g_free (keep);
          keep = g_steal_pointer (&untrusting);
        }
    }
  emit (page, w, keep);
  for (guint i = 0; i < page->blocks->len; i++)
    if (g_array_index (page->blocks, SynWebBlock, i).kind != SYN_WEB_BLOCK_HEADLINE)
      return TRUE;
  return FALSE;
}

SynWebPage *
syn_html_extract (const guint8  *data,
                  gsize          len,
                  const char    *charset,
                  const char    *url,
                  GError       **error)
{
  g_autoptr(SynWebPage) page = NULL;
  g_autofree char *text = NULL;
  gsize text_len = 0;
  htmlDocPtr doc;
  xmlNode *root;
  Meta meta = { 0 };
  Walk walk;
  gboolean found;

  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  page = g_new0 (SynWebPage, 1);
  page->blocks = g_array_new (FALSE, FALSE, sizeof (SynWebBlock));
  text = decode_page (data, len, charset, &page->encoding, &text_len);
  if (text_len > G_MAXINT)
    {
      g_set_error_literal (error, SYN_HTML_ERROR, SYN_HTML_ERROR_INVALID, _("it is larger than 2 GB"));
      return NULL;
    }
  text_len = strip_noscript (text, text_len);
  /* XML_PARSE_HUGE (HTML_PARSE_HUGE in libxml2 2.14, the same bit) lifts
   * libxml2's limit of 256 levels (to 2,048 from 2.14 on), which old pages
   * that never close their <font> or <div> tags pass, losing the rest of
   * the page; every pass here is linear in the page's size, however deep
   * it nests. */
  doc = htmlReadMemory (text, (int) text_len, NULL, "UTF-8",
                        HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING
                        | HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC | HTML_PARSE_COMPACT | XML_PARSE_HUGE);
  root = doc != NULL ? xmlDocGetRootElement (doc) : NULL;
  if (root == NULL)
    {
      if (doc != NULL)
        xmlFreeDoc (doc);
      g_set_error_literal (error, SYN_HTML_ERROR, SYN_HTML_ERROR_NO_ARTICLE, _("holds no readable text"));
      return NULL;
    }

  read_metadata (&meta, root);
  walk_init (&walk);
  walk_tree (&walk, root);
  settle_asides (&walk);
  settle_metadata (page, &meta, &walk, url);
  found = extract_article (page, &walk, &meta);
  walk_clear (&walk);
  meta_clear (&meta);
  xmlFreeDoc (doc);
  if (!found)
    {
      g_set_error_literal (error, SYN_HTML_ERROR, SYN_HTML_ERROR_NO_ARTICLE, _("holds no readable text"));
      return NULL;
    }
  return g_steal_pointer (&page);
}

void
syn_web_page_free (SynWebPage *self)
{
  if (self == NULL)
    return;
  g_free (self->text);
  g_array_unref (self->blocks);
  g_free (self->headline);
  g_free (self->site);
  g_free (self->byline);
  g_free (self->published);
  g_free (self->url);
  g_free (self->language);
  g_free (self->encoding);
  g_free (self);
}

const char *
syn_web_page_get_text (const SynWebPage *self,
                       gsize            *len)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (len != NULL)
    *len = self->len;
  return self->text;
}

const SynWebBlock *
syn_web_page_get_blocks (const SynWebPage *self,
                         guint            *n_blocks)
{
  g_return_val_if_fail (self != NULL, NULL);

  *n_blocks = self->blocks->len;
  return (const SynWebBlock *) (gpointer) self->blocks->data;
}

const char *
syn_web_page_get_headline (const SynWebPage *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->headline;
}

const char *
syn_web_page_get_site (const SynWebPage *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->site;
}

const char *
syn_web_page_get_byline (const SynWebPage *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->byline;
}

const char *
syn_web_page_get_published (const SynWebPage *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->published;
}

const char *
syn_web_page_get_url (const SynWebPage *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->url;
}

const char *
syn_web_page_get_language (const SynWebPage *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->language;
}

const char *
syn_web_page_get_encoding (const SynWebPage *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->encoding;
}
