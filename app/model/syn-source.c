/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A source as it was read, whatever it came from. The rest of the model
 * deals in one kind of thing — a text with passages — so what differs
 * between a text file, a saved page, a fetched page and a pasted selection
 * is settled here, once: which text is compared, whether its offsets still
 * point into a file on disk, and what the page said about itself.
 */
#define G_LOG_DOMAIN "syn-model"

#include "config.h"

#include <string.h>

#include "syn-html.h"
#include "syn-source.h"

struct _SynSource
{
  SynOrigin   origin;
  SynDecoded *decoded;   /* plain text: the mapping to the bytes on disk */
  SynWebPage *page;      /* extracted from HTML */
  GArray     *hints;     /* SynKindHint */
  /* Extracted text made again from a saved comparison (no page): */
  char       *text;
  gsize       len;
  char       *encoding;
  char       *site;
  char       *byline;
  char       *published;
  char       *language;
  char       *headline;
  char       *url;
  char       *sha256;
  GDateTime  *retrieved;
  char       *retrieved_iso;
};

const char *
syn_origin_to_string (SynOrigin origin)
{
  switch (origin)
    {
    case SYN_ORIGIN_FILE:
      return "file";
    case SYN_ORIGIN_URL:
      return "url";
    case SYN_ORIGIN_CLIPBOARD:
      return "clipboard";
    case SYN_ORIGIN_SAMPLE:
      return "sample";
    default:
      g_return_val_if_reached ("file");
    }
}

static void
source_clear (gpointer data)
{
  SynSource *self = data;

  g_clear_pointer (&self->decoded, syn_decoded_free);
  g_clear_pointer (&self->page, syn_web_page_free);
  g_clear_pointer (&self->hints, g_array_unref);
  g_clear_pointer (&self->retrieved, g_date_time_unref);
  g_free (self->retrieved_iso);
  g_free (self->url);
  g_free (self->sha256);
  g_free (self->text);
  g_free (self->encoding);
  g_free (self->site);
  g_free (self->byline);
  g_free (self->published);
  g_free (self->language);
  g_free (self->headline);
}

SynSource *
syn_source_new_text (SynOrigin   origin,
                     SynDecoded *decoded,
                     const char *url)
{
  SynSource *self;

  g_return_val_if_fail (decoded != NULL, NULL);

  self = g_atomic_rc_box_new0 (SynSource);
  self->origin = origin;
  self->decoded = decoded;
  self->url = g_strdup (url);
  return self;
}

static SynPassageKind
block_kind (SynWebBlockKind kind)
{
  switch (kind)
    {
    case SYN_WEB_BLOCK_HEADLINE:
      return SYN_PASSAGE_TITLE;
    case SYN_WEB_BLOCK_ASIDE:
      return SYN_PASSAGE_BOILERPLATE;
    case SYN_WEB_BLOCK_BODY:
    default:
      return SYN_PASSAGE_BODY;
    }
}

static GArray *
hints_from_blocks (const SynWebPage *page)
{
  guint n_blocks;
  const SynWebBlock *blocks = syn_web_page_get_blocks (page, &n_blocks);
  GArray *hints = g_array_sized_new (FALSE, FALSE, sizeof (SynKindHint), n_blocks);

  for (guint i = 0; i < n_blocks; i++)
    {
      SynKindHint hint = { blocks[i].start, blocks[i].end, block_kind (blocks[i].kind) };

      g_array_append_val (hints, hint);
    }
  return hints;
}

SynSource *
syn_source_new_page (SynOrigin      origin,
                     const guint8  *data,
                     gsize          len,
                     const char    *charset,
                     const char    *url,
                     GError       **error)
{
  SynSource *self;
  SynWebPage *page;

  g_return_val_if_fail (data != NULL || len == 0, NULL);

  page = syn_html_extract (data, len, charset, url, error);
  if (page == NULL)
    return NULL;

  self = g_atomic_rc_box_new0 (SynSource);
  self->origin = origin;
  self->page = page;
  self->hints = hints_from_blocks (page);
  self->url = g_strdup (syn_web_page_get_url (page) ? syn_web_page_get_url (page) : url);
  return self;
}

/* On a character boundary of @text (@len bytes, valid UTF-8). */
static gboolean
is_boundary (const char *text,
             gsize       len,
             gsize       offset)
{
  return offset == len || (offset < len && ((guchar) text[offset] & 0xC0) != 0x80);
}

static gboolean
check_hints (const char        *text,
             gsize              len,
             const SynKindHint *hints,
             guint              n_hints)
{
  gsize last_end = 0;

  for (guint i = 0; i < n_hints; i++)
    {
      if (hints[i].start < last_end || hints[i].end < hints[i].start || hints[i].end > len ||
          !is_boundary (text, len, hints[i].start) || !is_boundary (text, len, hints[i].end) ||
          (guint) hints[i].kind > SYN_PASSAGE_BOILERPLATE)
        return FALSE;
      last_end = hints[i].end;
    }
  return TRUE;
}

SynSource *
syn_source_new_extracted (SynOrigin            origin,
                          const char          *text,
                          gsize                len,
                          const SynKindHint   *hints,
                          guint                n_hints,
                          const char          *encoding,
                          const char          *url,
                          const SynSourceMeta *meta,
                          GError             **error)
{
  SynSource *self;

  g_return_val_if_fail (text != NULL || len == 0, NULL);
  g_return_val_if_fail (hints != NULL || n_hints == 0, NULL);

  if (text == NULL)
    text = "";
  if (memchr (text, 0, len) != NULL || !g_utf8_validate_len (text, len, NULL) ||
      !check_hints (text, len, hints, n_hints))
    {
      g_set_error_literal (error, SYN_DECODE_ERROR, SYN_DECODE_ERROR_INVALID,
                           "does not hold a text as Synopsis extracts it");
      return NULL;
    }

  self = g_atomic_rc_box_new0 (SynSource);
  self->origin = origin;
  self->text = g_strndup (text, len);
  self->len = len;
  self->hints = g_array_sized_new (FALSE, FALSE, sizeof (SynKindHint), n_hints);
  g_array_append_vals (self->hints, hints, n_hints);
  self->encoding = g_strdup (encoding ? encoding : "UTF-8");
  self->url = g_strdup (url);
  if (meta != NULL)
    {
      self->site = g_strdup (meta->site);
      self->byline = g_strdup (meta->byline);
      self->published = g_strdup (meta->published);
      self->language = g_strdup (meta->language);
      self->headline = g_strdup (meta->headline);
    }
  return self;
}

SynSource *
syn_source_new_pasted (const char  *html,
                       const char  *text,
                       const char  *url,
                       GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) page_error = NULL;
  SynSource *self = NULL;

  g_return_val_if_fail (html != NULL || text != NULL, NULL);

  /* Selected text is clipboard UTF-8 whatever the page's own <meta> says. */
  if (html != NULL)
    self = syn_source_new_page (SYN_ORIGIN_CLIPBOARD, (const guint8 *) html, strlen (html), "UTF-8", url,
                                text != NULL ? &page_error : error);
  /* A selection too short to hold an article is still what the user chose. */
  if (self == NULL && text != NULL)
    {
      SynDecoded *decoded = syn_decode ((const guint8 *) text, strlen (text), error);

      if (decoded == NULL)
        return NULL;
      self = syn_source_new_text (SYN_ORIGIN_CLIPBOARD, decoded, url);
    }
  if (self != NULL)
    syn_source_set_retrieved (self, now);
  return self;
}

SynSource *
syn_source_ref (SynSource *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return g_atomic_rc_box_acquire (self);
}

void
syn_source_unref (SynSource *self)
{
  g_return_if_fail (self != NULL);
  g_atomic_rc_box_release_full (self, source_clear);
}

SynOrigin
syn_source_get_origin (SynSource *self)
{
  g_return_val_if_fail (self != NULL, SYN_ORIGIN_FILE);
  return self->origin;
}

gboolean
syn_source_is_extracted (SynSource *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->decoded == NULL;
}

const char *
syn_source_get_text (SynSource *self,
                     gsize     *len)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->page != NULL)
    return syn_web_page_get_text (self->page, len);
  if (self->decoded == NULL)
    {
      if (len != NULL)
        *len = self->len;
      return self->text;
    }
  return syn_decoded_get_text (self->decoded, len);
}

const SynDecoded *
syn_source_get_decoded (SynSource *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->decoded;
}

const char *
syn_source_get_encoding (SynSource *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->page != NULL)
    return syn_web_page_get_encoding (self->page);
  if (self->decoded == NULL)
    return self->encoding;
  return syn_decoded_get_encoding (self->decoded);
}

gboolean
syn_source_is_fallback (SynSource *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->decoded != NULL && syn_decoded_is_fallback (self->decoded);
}

const SynKindHint *
syn_source_get_hints (SynSource *self,
                      guint     *n_hints)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (n_hints != NULL)
    *n_hints = self->hints ? self->hints->len : 0;
  if (self->hints == NULL || self->hints->len == 0)
    return NULL;
  return (const SynKindHint *) (gpointer) self->hints->data;
}

const char *
syn_source_get_url (SynSource *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->url;
}

#define PAGE_FIELD(self, getter, field) ((self)->page != NULL ? getter ((self)->page) : (self)->field)

const char *
syn_source_get_site (SynSource *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return PAGE_FIELD (self, syn_web_page_get_site, site);
}

const char *
syn_source_get_byline (SynSource *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return PAGE_FIELD (self, syn_web_page_get_byline, byline);
}

const char *
syn_source_get_published (SynSource *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return PAGE_FIELD (self, syn_web_page_get_published, published);
}

const char *
syn_source_get_language (SynSource *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return PAGE_FIELD (self, syn_web_page_get_language, language);
}

const char *
syn_source_get_headline (SynSource *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return PAGE_FIELD (self, syn_web_page_get_headline, headline);
}

GDateTime *
syn_source_get_retrieved (SynSource *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->retrieved;
}

void
syn_source_set_retrieved (SynSource *self,
                          GDateTime *retrieved)
{
  g_return_if_fail (self != NULL);

  g_clear_pointer (&self->retrieved, g_date_time_unref);
  g_clear_pointer (&self->retrieved_iso, g_free);
  if (retrieved == NULL)
    return;
  self->retrieved = g_date_time_ref (retrieved);
  self->retrieved_iso = g_date_time_format_iso8601 (retrieved);
}

const char *
syn_source_get_sha256 (SynSource *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->sha256;
}

void
syn_source_set_sha256 (SynSource  *self,
                       const char *sha256)
{
  g_return_if_fail (self != NULL);

  g_free (self->sha256);
  self->sha256 = g_strdup (sha256);
}

void
syn_source_describe (SynSource       *self,
                     SynExportSource *out)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (out != NULL);

  out->encoding = syn_source_get_encoding (self);
  out->decoded = self->decoded;
  out->origin = syn_origin_to_string (self->origin);
  out->url = self->url;
  out->site = syn_source_get_site (self);
  out->byline = syn_source_get_byline (self);
  out->published = syn_source_get_published (self);
  out->language = syn_source_get_language (self);
  out->retrieved = self->retrieved_iso;
  out->with_text = self->decoded == NULL;
}
