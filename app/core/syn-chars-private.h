/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading characters out of UTF-8 that may not be valid, for the stages
 * that scan text byte by byte (the segmenter, the boilerplate classifier,
 * the tokenizer): private to the core. A byte that does not start a
 * complete, valid character is a character of its own, U+FFFD, so that
 * a scan always moves on and never mistakes a broken sequence for a
 * letter, a space or a mark.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SYN_CHAR_INVALID 0xFFFD

/* The character at @pos (< @end); *@next is the position after it. */
static inline gunichar
syn_char_at (const char *text,
             gsize       pos,
             gsize       end,
             gsize      *next)
{
  guchar b = (guchar) text[pos];
  gunichar c;

  if (b < 0x80)
    {
      *next = pos + 1;
      return b;
    }
  c = g_utf8_get_char_validated (text + pos, (gssize) (end - pos));
  if (c == (gunichar) -1 || c == (gunichar) -2)
    {
      *next = pos + 1;
      return SYN_CHAR_INVALID;
    }
  *next = pos + (gsize) g_utf8_skip[b];
  return c;
}

/* The character that ends at @pos, looking no further back than @start;
 * *@prev is the position where it starts. 0 when @pos <= @start. */
static inline gunichar
syn_char_before (const char *text,
                 gsize       start,
                 gsize       pos,
                 gsize      *prev)
{
  gsize q, next;
  gunichar c;

  if (pos <= start)
    {
      *prev = pos;
      return 0;
    }
  q = pos - 1;
  while (q > start && pos - q < 4 && ((guchar) text[q] & 0xC0) == 0x80)
    q--;
  c = syn_char_at (text, q, pos, &next);
  if (next != pos)
    {
      /* the last byte ends no character: it is one of its own */
      *prev = pos - 1;
      return SYN_CHAR_INVALID;
    }
  *prev = q;
  return c;
}

/* White space, also the invisible characters that stand for none in
 * pasted text (zero-width space, byte-order mark), and NUL. */
static inline gboolean
syn_char_is_space (gunichar ch)
{
  if (ch < 0x80)
    return ch == ' ' || (ch >= '\t' && ch <= '\r') || ch == 0;
  return ch == 0x200B || ch == 0xFEFF || g_unichar_isspace (ch);
}

/* Closing quotation marks and brackets, the German, French and CJK ones
 * too, and the asterisk of a footnote: what may follow the end of a
 * sentence before the sentence is over. */
static inline gboolean
syn_char_is_closer (gunichar ch)
{
  switch (ch)
    {
    case '"': case '\'': case ')': case ']': case '}': case '*':
    case 0x2019: case 0x201D: case 0x00BB: case 0x203A: case 0x201C: case 0x2018:
    case 0x00AB: case 0x2039: case 0x300D: case 0x300F: case 0xFF09:
      return TRUE;
    default:
      return FALSE;
    }
}

G_END_DECLS
