/* SPDX-License-Identifier: GPL-3.0-or-later
 * PLACEHOLDER until the extractor lands (not to be committed to a landing). */
#define G_LOG_DOMAIN "syn-web"

#include "config.h"

#include <string.h>

#include "syn-html.h"

struct _SynWebPage {
  char *text;
  gsize len;
  GArray *blocks;
};

G_DEFINE_QUARK (syn-html-error-quark, syn_html_error)

gboolean
syn_html_sniff (const guint8 *data,
                gsize         len)
{
  return len > 5 && g_ascii_strncasecmp ((const char *) data, "<html", 5) == 0;
}

SynWebPage *
syn_html_extract (const guint8  *data,
                  gsize          len,
                  const char    *charset,
                  const char    *url,
                  GError       **error)
{
  g_set_error_literal (error, SYN_HTML_ERROR, SYN_HTML_ERROR_INVALID, "not yet");
  return NULL;
}

void
syn_web_page_free (SynWebPage *self)
{
  if (self == NULL)
    return;
  g_free (self->text);
  g_array_unref (self->blocks);
  g_free (self);
}

const char *
syn_web_page_get_text (const SynWebPage *self,
                       gsize            *len)
{
  if (len)
    *len = self->len;
  return self->text;
}

const SynWebBlock *
syn_web_page_get_blocks (const SynWebPage *self,
                         guint            *n_blocks)
{
  *n_blocks = self->blocks->len;
  return (const SynWebBlock *) (gpointer) self->blocks->data;
}

const char *syn_web_page_get_headline (const SynWebPage *self) { return NULL; }
const char *syn_web_page_get_site (const SynWebPage *self) { return NULL; }
const char *syn_web_page_get_byline (const SynWebPage *self) { return NULL; }
const char *syn_web_page_get_published (const SynWebPage *self) { return NULL; }
const char *syn_web_page_get_url (const SynWebPage *self) { return NULL; }
const char *syn_web_page_get_language (const SynWebPage *self) { return NULL; }
const char *syn_web_page_get_encoding (const SynWebPage *self) { return "UTF-8"; }
