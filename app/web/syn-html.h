/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SYN_HTML_ERROR (syn_html_error_quark ())

typedef enum {
  SYN_HTML_ERROR_NO_ARTICLE,  /* the page holds no readable text at all */
  SYN_HTML_ERROR_INVALID,     /* cannot be parsed or decoded */
} SynHtmlError;

/* What a stretch of the extracted text is. */
typedef enum {
  SYN_WEB_BLOCK_HEADLINE,     /* the article's headline */
  SYN_WEB_BLOCK_BODY,         /* the story: paragraphs, subheads, list items, block quotes */
  SYN_WEB_BLOCK_ASIDE,        /* kept but not the story: captions, photo credits, bylines */
} SynWebBlockKind;

/* One block of the extracted text: byte offsets into it, end exclusive. */
typedef struct {
  gsize           start;
  gsize           end;
  SynWebBlockKind kind;
} SynWebBlock;

typedef struct _SynWebPage SynWebPage;

GQuark             syn_html_error_quark          (void);

/* TRUE when @data looks like an HTML document by its content, whatever its
 * file name: after a UTF-8 BOM, white space, comments and an <?xml?>
 * declaration, it opens with a doctype or one of the tags a page opens with
 * (<html>, <head>, <body>, <meta>, <title>, <div>, <p>, …). Text that only
 * mentions a tag later on is not HTML. */
gboolean           syn_html_sniff                (const guint8      *data,
                                                  gsize              len);

/* Extracts the article a web page holds: the headline, then the body blocks
 * in reading order, one block per paragraph, separated by blank lines
 * ("\n\n"); the page's navigation, ads, share bars, comments, related lists
 * and footers left out, captions and credits kept as ASIDE blocks.
 *
 * The character set comes from the BOM, then @charset (the HTTP header's,
 * or NULL), then <meta charset> / <meta http-equiv>, then UTF-8 when the
 * bytes are valid UTF-8, else Windows-1252. @url is where the page came from
 * (NULL when unknown); the canonical URL found in the page wins over it.
 *
 * Errors are SYN_HTML_ERROR, with phrases that do not name the page
 * ("holds no readable text"): the caller names it. */
SynWebPage        *syn_html_extract              (const guint8      *data,
                                                  gsize              len,
                                                  const char        *charset,
                                                  const char        *url,
                                                  GError           **error);
void               syn_web_page_free             (SynWebPage        *self);

/* The extracted text: valid UTF-8, NUL-terminated. White space inside a
 * block is collapsed to single spaces; a single <br> stays a line break
 * ("\n") inside its block, two or more end the block. */
const char        *syn_web_page_get_text         (const SynWebPage  *self,
                                                  gsize             *len);
/* Every block, in text order, covering all non-blank text. */
const SynWebBlock *syn_web_page_get_blocks       (const SynWebPage  *self,
                                                  guint             *n_blocks);

/* Metadata, each NULL when the page does not say: from JSON-LD (schema.org
 * NewsArticle and kin), Open Graph and article: meta tags, then the markup. */
const char        *syn_web_page_get_headline     (const SynWebPage  *self);
/* The outlet: "AP News", "The Independent". */
const char        *syn_web_page_get_site         (const SynWebPage  *self);
const char        *syn_web_page_get_byline       (const SynWebPage  *self);
/* As the page gives it, preferably ISO 8601 ("2021-12-30T10:02:00Z"). */
const char        *syn_web_page_get_published    (const SynWebPage  *self);
/* The canonical URL, else the @url given to syn_html_extract(). */
const char        *syn_web_page_get_url          (const SynWebPage  *self);
/* A BCP 47 tag from <html lang> or the metadata ("en", "de-DE"). */
const char        *syn_web_page_get_language     (const SynWebPage  *self);
/* The character set the bytes were read in: "UTF-8", "WINDOWS-1252", … */
const char        *syn_web_page_get_encoding     (const SynWebPage  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SynWebPage, syn_web_page_free)

G_END_DECLS
