/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Turning a file's bytes into text without losing the way back.
 *
 * People compare what they have: pages saved by a browser (UTF-8, sometimes
 * with a BOM), documents from Windows (UTF-16 with a BOM, or the old
 * Windows-1252 code page) and, by mistake, PDFs and images. The order of the
 * tests follows how much each signal can be trusted: a BOM is a declaration,
 * so it decides first; then strict UTF-8, because text in any 8-bit code page
 * almost never happens to be valid UTF-8 once it holds a non-ASCII letter;
 * then Windows-1252, which assigns a character to every byte, so it can never
 * fail and never drops a byte (the five bytes it leaves undefined become the
 * C1 controls of the same value, as browsers do). Printable Latin-1 reads
 * the same in it, so that case is covered as well. A UTF-8 BOM followed by bytes that are
 * not UTF-8 falls back the same way: the file is damaged, and the fallback
 * shows every byte rather than hiding some behind U+FFFD. One damage is
 * common enough to be told apart: UTF-8 text (with a non-ASCII character,
 * so that it is known to be UTF-8) cut short in the middle of its last
 * character, which ends in one U+FFFD instead of turning the whole file
 * into mojibake.
 *
 * Binary files are recognised by what text never holds: a NUL byte (U+0000
 * in UTF-16), or control characters (C0 other than tab, line ends, form
 * feed, escape and the DOS end-of-file mark; DEL; C1) in more than one
 * character in 32. Compressed or executable data has about one such byte in
 * ten; a log with colour escapes or a page with a stray control has almost
 * none.
 *
 * Every stage after this one works on the decoded UTF-8, yet exports and
 * highlights must point at the file on disk. For UTF-8 the two differ only by
 * the BOM. For the other encodings each decoded character comes from a known
 * number of disk bytes (one in Windows-1252; two in UTF-16, four for a
 * surrogate pair, which is exactly the characters that take four bytes in
 * UTF-8), so the position on disk is a count of the characters before it.
 * Counting from the start would make each lookup O(n); keeping a pair of
 * offsets for every character would cost eight bytes per character. So a
 * checkpoint (text offset, disk offset) is kept every CHECKPOINT_SPACING
 * bytes of text: the nearest one is found by division and the rest counted,
 * which is O(1) per lookup and 3 % extra memory at most.
 */
#define G_LOG_DOMAIN "syn-core"

#include "config.h"

#include <string.h>

#include "syn-decode.h"

#define CHECKPOINT_SPACING 256

/* Offsets are kept in 32 bits: the text grows at most threefold. */
G_STATIC_ASSERT ((guint64) SYN_DECODE_MAX_BYTES * 3 + 4 < G_MAXUINT32);

typedef enum {
  MAP_IDENTITY,   /* UTF-8: disk = BOM + offset */
  MAP_ONE_BYTE,   /* Windows-1252: one disk byte per character */
  MAP_UTF16,      /* two disk bytes per character, four for U+10000 and up */
} MapKind;

typedef struct {
  guint32 text;
  guint32 disk;
} Checkpoint;

struct _SynDecoded
{
  char       *text;
  gsize       len;
  const char *encoding;
  MapKind     map;
  gsize       bom;
  gsize       disk_len;
  Checkpoint *checkpoints;
  gsize       n_checkpoints;
};

G_DEFINE_QUARK (syn-decode-error-quark, syn_decode_error)

/* Windows-1252's 0x80–0x9F; the rest of the upper half is Latin-1. */
static const gunichar cp1252_high[32] = {
  0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
  0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

static inline gboolean
is_control (gunichar c)
{
  if (c < 0x20)
    return c != '\t' && c != '\n' && c != '\v' && c != '\f' && c != '\r' &&
           c != 0x1A && c != 0x1B;
  return c >= 0x7F && c <= 0x9F;
}

/* More than a couple of control characters, and more than one in 32. */
static gboolean
looks_binary (gsize n_controls,
              gsize n_chars)
{
  return n_controls > 2 + n_chars / 32;
}

static gboolean
set_binary_error (GError **error)
{
  g_set_error_literal (error, SYN_DECODE_ERROR, SYN_DECODE_ERROR_BINARY,
                       "is not a text file");
  return FALSE;
}

/* ------------------------------------------------------------ building */

typedef struct {
  char   *out;
  gsize   len;
  GArray *checkpoints;
  gsize   next_checkpoint;
  gsize   n_controls;
  gsize   n_chars;
  gboolean nul;
} Builder;

static void
builder_init (Builder *b,
              gsize    capacity)
{
  b->out = g_malloc (capacity + 1);
  b->len = 0;
  b->checkpoints = g_array_sized_new (FALSE, FALSE, sizeof (Checkpoint),
                                      (guint) (capacity / CHECKPOINT_SPACING + 1));
  b->next_checkpoint = 0;
  b->n_controls = 0;
  b->n_chars = 0;
  b->nul = FALSE;
}

/* Appends @c, which starts at @disk in the bytes on disk. */
static inline void
builder_put (Builder  *b,
             gunichar  c,
             gsize     disk)
{
  if (b->len >= b->next_checkpoint)
    {
      Checkpoint cp = { (guint32) b->len, (guint32) disk };

      g_array_append_val (b->checkpoints, cp);
      b->next_checkpoint += CHECKPOINT_SPACING;
    }
  if (c == 0)
    b->nul = TRUE;
  if (is_control (c))
    b->n_controls++;
  b->n_chars++;
  b->len += (gsize) g_unichar_to_utf8 (c, b->out + b->len);
}

static void
builder_clear (Builder *b)
{
  g_clear_pointer (&b->out, g_free);
  g_clear_pointer (&b->checkpoints, g_array_unref);
}

static SynDecoded *
builder_finish (Builder    *b,
                MapKind     map,
                const char *encoding,
                gsize       bom,
                gsize       disk_len,
                GError    **error)
{
  SynDecoded *self;

  if (b->nul || looks_binary (b->n_controls, b->n_chars))
    {
      builder_clear (b);
      set_binary_error (error);
      return NULL;
    }

  self = g_new0 (SynDecoded, 1);
  b->out = g_realloc (b->out, b->len + 1);
  b->out[b->len] = '\0';
  self->text = g_steal_pointer (&b->out);
  self->len = b->len;
  self->map = map;
  self->encoding = encoding;
  self->bom = bom;
  self->disk_len = disk_len;
  self->n_checkpoints = b->checkpoints->len;
  self->checkpoints = (Checkpoint *) (gpointer) g_array_free (g_steal_pointer (&b->checkpoints), FALSE);
  return self;
}

/* ---------------------------------------------------------- encodings */

static SynDecoded *
decode_cp1252 (const guint8  *data,
               gsize          len,
               gsize          bom,
               GError       **error)
{
  Builder b;

  if (memchr (data + bom, 0, len - bom) != NULL)
    {
      set_binary_error (error);
      return NULL;
    }
  builder_init (&b, (len - bom) * 3);
  for (gsize i = bom; i < len; i++)
    {
      guint8 byte = data[i];
      gunichar c = byte >= 0x80 && byte < 0xA0 ? cp1252_high[byte - 0x80] : byte;

      builder_put (&b, c, i);
    }
  return builder_finish (&b, MAP_ONE_BYTE, "WINDOWS-1252", bom, len, error);
}

static inline guint
read_unit (const guint8 *p,
           gboolean      big_endian)
{
  return big_endian ? (guint) p[0] << 8 | p[1] : (guint) p[1] << 8 | p[0];
}

static SynDecoded *
decode_utf16 (const guint8  *data,
              gsize          len,
              gboolean       big_endian,
              GError       **error)
{
  Builder b;
  gsize i = 2;

  /* Each 2-byte unit gives at most 3 bytes of UTF-8, a pair 4 for 4. */
  builder_init (&b, (len / 2) * 3 + 3);
  while (i + 1 < len)
    {
      guint unit = read_unit (data + i, big_endian);
      gunichar c = unit;
      gsize step = 2;

      if (unit >= 0xD800 && unit < 0xDC00 && i + 3 < len)
        {
          guint low = read_unit (data + i + 2, big_endian);

          if (low >= 0xDC00 && low < 0xE000)
            {
              c = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
              step = 4;
            }
        }
      if (c >= 0xD800 && c < 0xE000)
        c = 0xFFFD;  /* a lone surrogate */
      builder_put (&b, c, i);
      i += step;
    }
  if (i < len)
    builder_put (&b, 0xFFFD, i);  /* an odd byte at the end */
  return builder_finish (&b, MAP_UTF16, big_endian ? "UTF-16BE" : "UTF-16LE", 2, len, error);
}

/* Controls in valid UTF-8: C0 and DEL as bytes, C1 as 0xC2 0x80–0x9F. */
static gboolean
utf8_looks_binary (const guint8 *p,
                   gsize         len)
{
  gsize n_controls = 0, n_chars = 0;

  for (gsize i = 0; i < len; i++)
    {
      guint8 byte = p[i];

      if ((byte & 0xC0) == 0x80)
        continue;
      n_chars++;
      if (byte < 0x80)
        n_controls += is_control (byte);
      else if (byte == 0xC2 && i + 1 < len && p[i + 1] < 0xA0)
        n_controls++;
    }
  return looks_binary (n_controls, n_chars);
}

/* Whether the @n bytes at @p begin a UTF-8 character and stop before its
 * end: a file cut short (a download broken off, `head -c`) mid-character. */
static gboolean
is_cut_character (const guint8 *p,
                  gsize         n)
{
  return n > 0 && n < 4 && g_utf8_get_char_validated ((const char *) p, (gssize) n) == (gunichar) -2;
}

static gboolean
has_non_ascii (const guint8 *p,
               gsize         n)
{
  for (gsize i = 0; i < n; i++)
    if (p[i] >= 0x80)
      return TRUE;
  return FALSE;
}

/* Takes @owned (may be NULL: @data is then copied when needed). */
static SynDecoded *
decode (guint8        *owned,
        const guint8  *data,
        gsize          len,
        GError       **error)
{
  g_autofree guint8 *owned_data = owned;
  SynDecoded *self;
  const char *valid_end;
  gsize bom = 0, cut = 0, text_len;

  if (data == NULL)
    data = (const guint8 *) "";  /* empty: no pointer arithmetic on NULL */

  if (len > SYN_DECODE_MAX_BYTES)
    {
      g_set_error (error, SYN_DECODE_ERROR, SYN_DECODE_ERROR_TOO_LARGE,
                   "is larger than %u MB, the limit for one source",
                   (guint) (SYN_DECODE_MAX_BYTES / (1024 * 1024)));
      return NULL;
    }

  if (len >= 2 && data[0] == 0xFF && data[1] == 0xFE)
    return decode_utf16 (data, len, FALSE, error);
  if (len >= 2 && data[0] == 0xFE && data[1] == 0xFF)
    return decode_utf16 (data, len, TRUE, error);
  if (len >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF)
    bom = 3;

  if (memchr (data + bom, 0, len - bom) != NULL)
    {
      set_binary_error (error);
      return NULL;
    }
  if (!g_utf8_validate_len ((const char *) data + bom, len - bom, &valid_end))
    {
      gsize valid = (gsize) ((const guint8 *) valid_end - data);

      if (!is_cut_character (data + valid, len - valid) || !has_non_ascii (data + bom, valid - bom))
        return decode_cp1252 (data, len, bom, error);
      cut = len - valid;
    }
  if (utf8_looks_binary (data + bom, len - bom - cut))
    {
      set_binary_error (error);
      return NULL;
    }

  self = g_new0 (SynDecoded, 1);
  self->map = MAP_IDENTITY;
  self->encoding = "UTF-8";
  self->bom = bom;
  self->disk_len = len;
  text_len = len - bom - cut;
  self->len = text_len + (cut > 0 ? 3 : 0);
  if (owned_data != NULL)
    {
      /* In place: the BOM moved out, room made for the terminating NUL. */
      memmove (owned_data, owned_data + bom, text_len);
      self->text = g_realloc (g_steal_pointer (&owned_data), self->len + 1);
    }
  else
    {
      self->text = g_malloc (self->len + 1);
      memcpy (self->text, data + bom, text_len);
    }
  /* A character cut short is one U+FFFD: it starts where the cut bytes
   * start on disk, so the identity map still holds. */
  if (cut > 0)
    memcpy (self->text + text_len, "\xEF\xBF\xBD", 3);
  self->text[self->len] = '\0';
  return self;
}

SynDecoded *
syn_decode (const guint8  *data,
            gsize          len,
            GError       **error)
{
  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return decode (NULL, data, len, error);
}

SynDecoded *
syn_decode_take (guint8  *data,
                 gsize    len,
                 GError **error)
{
  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return decode (data, data, len, error);
}

void
syn_decoded_free (SynDecoded *self)
{
  if (self == NULL)
    return;
  g_free (self->text);
  g_free (self->checkpoints);
  g_free (self);
}

const char *
syn_decoded_get_text (const SynDecoded *self,
                      gsize            *len)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (len != NULL)
    *len = self->len;
  return self->text;
}

const char *
syn_decoded_get_encoding (const SynDecoded *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->encoding;
}

gboolean
syn_decoded_is_fallback (const SynDecoded *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->map == MAP_ONE_BYTE;
}

gboolean
syn_decoded_has_bom (const SynDecoded *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->bom > 0;
}

gsize
syn_decoded_get_disk_length (const SynDecoded *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->disk_len;
}

/* The length of the UTF-8 sequence @lead starts (the text is valid). */
static inline gsize
sequence_length (guchar lead)
{
  if (lead < 0x80)
    return 1;
  if (lead < 0xE0)
    return 2;
  if (lead < 0xF0)
    return 3;
  return 4;
}

gsize
syn_decoded_to_disk_offset (const SynDecoded *self,
                            gsize             offset)
{
  const Checkpoint *cp;
  const char *p, *end;
  gsize disk, i;

  g_return_val_if_fail (self != NULL, 0);

  if (offset >= self->len)
    return self->disk_len;
  if (self->map == MAP_IDENTITY)
    {
      while (offset > 0 && ((guchar) self->text[offset] & 0xC0) == 0x80)
        offset--;
      return self->bom + offset;
    }

  /* Checkpoint i sits at the first character boundary at or after
   * i * CHECKPOINT_SPACING, so it is i or the one before. */
  i = MIN (offset / CHECKPOINT_SPACING, self->n_checkpoints - 1);
  while (i > 0 && self->checkpoints[i].text > offset)
    i--;
  cp = &self->checkpoints[i];

  disk = cp->disk;
  p = self->text + cp->text;
  end = self->text + offset;
  while (p < end)
    {
      gsize n = sequence_length ((guchar) *p);

      if (p + n > end)
        break;  /* inside a character: where it starts */
      disk += self->map == MAP_ONE_BYTE ? 1 : (n == 4 ? 4 : 2);
      p += n;
    }
  return disk;
}

/* ------------------------------------------------------------ rebuilding */

static gboolean
set_invalid_error (GError **error)
{
  g_set_error_literal (error, SYN_DECODE_ERROR, SYN_DECODE_ERROR_INVALID,
                       "does not hold a text as Synopsis decodes it");
  return FALSE;
}

/* The encodings syn_decode() names, as the static strings it uses. */
static gboolean
lookup_encoding (const char  *name,
                 const char **encoding,
                 MapKind     *map)
{
  static const struct { const char *name; MapKind map; } known[] = {
    { "UTF-8", MAP_IDENTITY },
    { "UTF-16LE", MAP_UTF16 },
    { "UTF-16BE", MAP_UTF16 },
    { "WINDOWS-1252", MAP_ONE_BYTE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    if (g_strcmp0 (name, known[i].name) == 0)
      {
        *encoding = known[i].name;
        *map = known[i].map;
        return TRUE;
      }
  return FALSE;
}

/* Replays the builder over @text: the disk position of each character is
 * what it takes on disk in @map, counted from the BOM. Returns the disk
 * position after the last character. */
static gsize
rebuild_checkpoints (SynDecoded *self)
{
  g_autoptr(GArray) checkpoints = g_array_new (FALSE, FALSE, sizeof (Checkpoint));
  gsize next = 0, disk = self->bom;

  for (const char *p = self->text; p < self->text + self->len; p = g_utf8_next_char (p))
    {
      gsize offset = (gsize) (p - self->text);

      if (offset >= next)
        {
          Checkpoint cp = { (guint32) offset, (guint32) disk };

          g_array_append_val (checkpoints, cp);
          next += CHECKPOINT_SPACING;
        }
      disk += self->map == MAP_ONE_BYTE ? 1 : (sequence_length ((guchar) *p) == 4 ? 4 : 2);
    }
  self->n_checkpoints = checkpoints->len;
  self->checkpoints = (Checkpoint *) (gpointer) g_array_free (g_steal_pointer (&checkpoints), FALSE);
  return disk;
}

SynDecoded *
syn_decoded_new_mapped (const char  *text,
                        gsize        len,
                        const char  *encoding,
                        gboolean     bom,
                        gsize        disk_len,
                        GError     **error)
{
  g_autoptr(SynDecoded) self = NULL;
  const char *name;
  MapKind map;
  gsize full, shortest;

  g_return_val_if_fail (text != NULL || len == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (text == NULL)
    text = "";
  if (!lookup_encoding (encoding, &name, &map) ||
      disk_len > SYN_DECODE_MAX_BYTES || len > (gsize) SYN_DECODE_MAX_BYTES * 3 ||
      memchr (text, 0, len) != NULL || !g_utf8_validate_len (text, len, NULL))
    {
      set_invalid_error (error);
      return NULL;
    }

  self = g_new0 (SynDecoded, 1);
  self->text = g_strndup (text, len);
  self->len = len;
  self->encoding = name;
  self->map = map;
  self->bom = map == MAP_UTF16 ? 2 : (bom ? 3 : 0);
  self->disk_len = disk_len;
  full = map == MAP_IDENTITY ? self->bom + len : rebuild_checkpoints (self);
  /* A last character cut short on disk became one U+FFFD: of three bytes in
   * UTF-8 from one to three on disk, of two in UTF-16 from an odd byte. */
  if (len >= 3 && memcmp (text + len - 3, "\xEF\xBF\xBD", 3) == 0 && map != MAP_ONE_BYTE)
    shortest = full - (map == MAP_IDENTITY ? 2 : 1);
  else
    shortest = full;
  if (disk_len < shortest || disk_len > full)
    {
      set_invalid_error (error);
      return NULL;
    }
  return g_steal_pointer (&self);
}
