/* SPDX-License-Identifier: GPL-3.0-or-later
 * SCAFFOLD: UTF-8 only, until the real decoder lands. */
#define G_LOG_DOMAIN "syn-core"

#include "config.h"

#include <string.h>

#include "syn-decode.h"

struct _SynDecoded
{
  char  *text;
  gsize  len;
};

G_DEFINE_QUARK (syn-decode-error-quark, syn_decode_error)

SynDecoded *
syn_decode (const guint8  *data,
            gsize          len,
            GError       **error)
{
  SynDecoded *self;

  if (memchr (data, 0, len) != NULL || !g_utf8_validate ((const char *) data, (gssize) len, NULL))
    {
      g_set_error_literal (error, SYN_DECODE_ERROR, SYN_DECODE_ERROR_BINARY, "is not a text file");
      return NULL;
    }
  self = g_new0 (SynDecoded, 1);
  self->text = g_strndup ((const char *) data, len);
  self->len = len;
  return self;
}

void
syn_decoded_free (SynDecoded *self)
{
  if (self == NULL)
    return;
  g_free (self->text);
  g_free (self);
}

const char *
syn_decoded_get_text (const SynDecoded *self,
                      gsize            *len)
{
  if (len != NULL)
    *len = self->len;
  return self->text;
}

const char *
syn_decoded_get_encoding (const SynDecoded *self)
{
  return "UTF-8";
}

gboolean
syn_decoded_is_fallback (const SynDecoded *self)
{
  return FALSE;
}

gsize
syn_decoded_to_disk_offset (const SynDecoded *self,
                            gsize             offset)
{
  return offset;
}
