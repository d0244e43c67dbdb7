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

/* The documented limit for one source: 64 MB on disk. */
#define SYN_DECODE_MAX_BYTES (64 * 1024 * 1024)

typedef struct _SynDecoded SynDecoded;

GQuark      syn_decode_error_quark      (void);

/* Decodes a file's bytes: UTF-8 (with or without BOM), UTF-16LE or UTF-16BE
 * with a BOM, else Windows-1252 (a UTF-8 BOM followed by bytes that are not
 * UTF-8 also falls back; UTF-8 cut short in its last character stays UTF-8,
 * that character read as U+FFFD). The BOM is not part of the text. Line
 * ends are kept as they are (CR, LF, CRLF). An empty file is an empty text.
 *
 * Fails with SYN_DECODE_ERROR_BINARY for NUL bytes (U+0000 in UTF-16) or a
 * high share of control characters, SYN_DECODE_ERROR_TOO_LARGE over
 * SYN_DECODE_MAX_BYTES. The error messages are phrases without the file name
 * ("is not a text file"); the caller names the file. */
SynDecoded *syn_decode                  (const guint8      *data,
                                         gsize              len,
                                         GError           **error);
/* As syn_decode(), taking @data (g_malloc()ed, @len bytes): UTF-8 without a
 * BOM is then used in place, without a copy. @data is freed on error. */
SynDecoded *syn_decode_take             (guint8            *data,
                                         gsize              len,
                                         GError           **error);
/* Rebuilds what syn_decode() made of a file from the text it gave and how
 * the bytes were read — @encoding as syn_decoded_get_encoding() gave it,
 * whether they began with a BOM, and their length on disk — without the
 * bytes: for a comparison saved with its texts and reopened when the files
 * are gone. The mapping to the disk offsets is the same as the original's,
 * since it depends on the characters only. Fails with
 * SYN_DECODE_ERROR_INVALID when @text is not valid UTF-8 without NUL bytes,
 * @encoding is unknown, or the sizes are impossible (over the limit, or
 * smaller than the text needs). */
SynDecoded *syn_decoded_new_mapped      (const char        *text,
                                         gsize              len,
                                         const char        *encoding,
                                         gboolean           bom,
                                         gsize              disk_len,
                                         GError           **error);
void        syn_decoded_free            (SynDecoded        *self);

/* The decoded text: valid UTF-8 without NUL bytes, NUL-terminated. */
const char *syn_decoded_get_text        (const SynDecoded  *self,
                                         gsize             *len);
/* "UTF-8", "UTF-16LE", "UTF-16BE" or "WINDOWS-1252" */
const char *syn_decoded_get_encoding    (const SynDecoded  *self);
/* TRUE when the text was not valid UTF-8 and Windows-1252 was assumed. */
gboolean    syn_decoded_is_fallback     (const SynDecoded  *self);
/* TRUE when the bytes began with a byte order mark (not part of the text). */
gboolean    syn_decoded_has_bom         (const SynDecoded  *self);
/* The size of the bytes on disk that were decoded. */
gsize       syn_decoded_get_disk_length (const SynDecoded  *self);
/* Maps an offset into the decoded text to the same place in the bytes on
 * disk: the text's start maps past the BOM, its end to the disk length, and
 * an offset inside a character to where that character starts on disk.
 * Offsets past the end are clamped. O(1) per call (a short scan from the
 * nearest checkpoint, at most a few hundred bytes). */
gsize       syn_decoded_to_disk_offset  (const SynDecoded  *self,
                                         gsize              offset);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SynDecoded, syn_decoded_free)

G_END_DECLS
