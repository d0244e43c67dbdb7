/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "syn-align.h"
#include "syn-decode.h"
#include "syn-export.h"

G_BEGIN_DECLS

/* Where a source came from. */
typedef enum {
  SYN_ORIGIN_FILE,       /* a file on disk (plain text or a saved web page) */
  SYN_ORIGIN_URL,        /* a web page fetched from its address */
  SYN_ORIGIN_CLIPBOARD,  /* pasted */
  SYN_ORIGIN_SAMPLE,     /* a built-in text */
} SynOrigin;

/* One source as it was read: its text, how that text relates to the bytes
 * it came from, and what the page said about itself. Immutable and
 * reference counted, so a worker thread can make it and an article keep it.
 *
 * A plain-text file keeps its SynDecoded, whose offsets map back to the file
 * on disk. Text extracted from a web page (saved, fetched or pasted) is
 * "extracted": its offsets refer to the extracted text itself, and the page
 * tells which stretches are its headline and its captions (the hints). */
typedef struct _SynSource SynSource;

const char        *syn_origin_to_string       (SynOrigin         origin);

/* Takes @decoded. @url: where it came from (NULL for a file or the sample). */
SynSource         *syn_source_new_text        (SynOrigin         origin,
                                               SynDecoded       *decoded,
                                               const char       *url);
/* The article held in a web page's bytes (see syn_html_extract()); @charset
 * from the HTTP header or NULL, @url where the page came from or NULL.
 * Errors are SYN_HTML_ERROR with phrases that do not name the page. */
SynSource         *syn_source_new_page        (SynOrigin         origin,
                                               const guint8     *data,
                                               gsize             len,
                                               const char       *charset,
                                               const char       *url,
                                               GError          **error);

/* What a page said of itself, for syn_source_new_extracted(); each may be
 * NULL. */
typedef struct {
  const char *site;
  const char *byline;
  const char *published;
  const char *language;
  const char *headline;
} SynSourceMeta;

/* An extracted text made again from what a saved comparison keeps of it
 * (the page itself is not kept): @text (UTF-8), the kinds the page gave its
 * stretches, the character set it was read in, its address and what it said
 * of itself. Fails with SYN_DECODE_ERROR_INVALID when the text is not valid
 * UTF-8 without NUL bytes or the hints are not sorted, disjoint stretches
 * of it. */
SynSource         *syn_source_new_extracted   (SynOrigin            origin,
                                               const char          *text,
                                               gsize                len,
                                               const SynKindHint   *hints,
                                               guint                n_hints,
                                               const char          *encoding,
                                               const char          *url,
                                               const SynSourceMeta *meta,
                                               GError             **error);
/* What was pasted: @html (UTF-8, as browsers copy a selection) through the
 * extraction, else — or when the extraction finds no text — @text; @url the
 * page the browser said it was copied from, or NULL. Retrieved now. */
SynSource         *syn_source_new_pasted      (const char       *html,
                                               const char       *text,
                                               const char       *url,
                                               GError          **error);

SynSource         *syn_source_ref             (SynSource        *self);
void               syn_source_unref           (SynSource        *self);

SynOrigin          syn_source_get_origin      (SynSource        *self);
/* TRUE when the text was extracted from HTML: offsets refer to the text. */
gboolean           syn_source_is_extracted    (SynSource        *self);
/* The text: valid UTF-8, NUL-terminated. */
const char        *syn_source_get_text        (SynSource        *self,
                                               gsize            *len);
/* The mapping to the bytes on disk, or NULL when the text was extracted. */
const SynDecoded  *syn_source_get_decoded     (SynSource        *self);
/* The character set the bytes were read in: "UTF-8", "WINDOWS-1252", … */
const char        *syn_source_get_encoding    (SynSource        *self);
/* TRUE when a plain-text file was not UTF-8 and Windows-1252 was assumed. */
gboolean           syn_source_is_fallback     (SynSource        *self);
/* The kinds the page gave its stretches, sorted; NULL for plain text. */
const SynKindHint *syn_source_get_hints       (SynSource        *self,
                                               guint            *n_hints);

/* What the page says of itself; each NULL when unknown. */
const char        *syn_source_get_url         (SynSource        *self);
const char        *syn_source_get_site        (SynSource        *self);
const char        *syn_source_get_byline      (SynSource        *self);
const char        *syn_source_get_published   (SynSource        *self);
const char        *syn_source_get_language    (SynSource        *self);
const char        *syn_source_get_headline    (SynSource        *self);

/* When it was fetched (origin URL) or pasted, else NULL. */
GDateTime         *syn_source_get_retrieved   (SynSource        *self);
void               syn_source_set_retrieved   (SynSource        *self,
                                               GDateTime        *retrieved);

/* The SHA-256 of the bytes read (the file's, or the page's as fetched), in
 * lowercase hex; NULL for a text given in memory. Set by the loader. */
const char        *syn_source_get_sha256      (SynSource        *self);
void               syn_source_set_sha256      (SynSource        *self,
                                               const char       *sha256);

/* Fills what the export says of @self besides its path (pointers into
 * @self, valid while it lives). */
void               syn_source_describe        (SynSource        *self,
                                               SynExportSource  *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SynSource, syn_source_unref)

G_END_DECLS
