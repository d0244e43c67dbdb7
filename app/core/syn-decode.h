/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "syn-types.h"

G_BEGIN_DECLS

#define SYN_DECODE_ERROR (syn_decode_error_quark ())

typedef enum {
  SYN_DECODE_ERROR_BINARY,     /* NUL bytes or other binary content */
  SYN_DECODE_ERROR_TOO_LARGE,  /* over SYN_DECODE_MAX_BYTES */
  SYN_DECODE_ERROR_INVALID,    /* cannot be decoded at all */
} SynDecodeError;

/* The documented limit for one source. */
#define SYN_DECODE_MAX_BYTES (64 * 1024 * 1024)

typedef struct _SynDecoded SynDecoded;

GQuark      syn_decode_error_quark      (void);

/* Decodes a file's bytes: UTF-8 (with or without BOM), UTF-16 with a BOM,
 * else Windows-1252. Line ends are kept as they are (CR, LF, CRLF). The
 * error messages are sentences without the file name ("is not a text
 * file"); the caller names the file. */
SynDecoded *syn_decode                  (const guint8      *data,
                                         gsize              len,
                                         GError           **error);
void        syn_decoded_free            (SynDecoded        *self);
const char *syn_decoded_get_text        (const SynDecoded  *self,
                                         gsize             *len);
/* "UTF-8", "UTF-16LE", "UTF-16BE" or "WINDOWS-1252" */
const char *syn_decoded_get_encoding    (const SynDecoded  *self);
/* TRUE when the text was not valid UTF-8 and Windows-1252 was assumed. */
gboolean    syn_decoded_is_fallback     (const SynDecoded  *self);
/* Maps an offset into the decoded text to the same place in the bytes on disk. */
gsize       syn_decoded_to_disk_offset  (const SynDecoded  *self,
                                         gsize              offset);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SynDecoded, syn_decoded_free)

G_END_DECLS
