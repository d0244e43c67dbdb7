/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The character helpers the segmenter, the boilerplate classifier and the
 * tokenizer share (syn-chars-private.h), on valid and broken UTF-8.
 */
#define G_LOG_DOMAIN "syn-test"

#include "config.h"

#include <string.h>

#include "syn-chars-private.h"

/* Reads @text forwards, then backwards, and checks that both see the
 * characters @expected (0 terminated) with the same boundaries. */
static void
check_both_ways (const char     *text,
                 const gunichar *expected)
{
  gsize len = strlen (text), n = 0, pos;
  gsize starts[64];

  for (pos = 0; pos < len; n++)
    {
      g_assert_cmpuint (n, <, G_N_ELEMENTS (starts));
      starts[n] = pos;
      g_assert_cmphex (syn_char_at (text, pos, len, &pos), ==, expected[n]);
      g_assert_cmpuint (pos, <=, len);
    }
  g_assert_cmphex (expected[n], ==, 0);

  for (pos = len; pos > 0;)
    {
      gunichar ch = syn_char_before (text, 0, pos, &pos);

      g_assert_cmpuint (n, >, 0);
      n--;
      g_assert_cmphex (ch, ==, expected[n]);
      g_assert_cmpuint (pos, ==, starts[n]);
    }
  g_assert_cmpuint (n, ==, 0);
}

static void
test_valid (void)
{
  const gunichar expected[] = { 'G', 0x00FC, 'n', 0x2019, 0x20AC, 0x1F600, '.', 0 };

  check_both_ways ("G\xC3\xBCn\xE2\x80\x99\xE2\x82\xAC\xF0\x9F\x98\x80.", expected);
}

/* Every byte that starts no complete character is one U+FFFD, whichever
 * way the text is read: a stray continuation byte, a truncated sequence,
 * an overlong form, a lead byte at the very end. */
static void
test_invalid (void)
{
  const gunichar stray[] = { 'a', SYN_CHAR_INVALID, 'b', 0 };
  const gunichar truncated[] = { 'a', SYN_CHAR_INVALID, SYN_CHAR_INVALID, ' ', 'b', 0 };
  const gunichar overlong[] = { SYN_CHAR_INVALID, SYN_CHAR_INVALID, 'x', 0 };
  const gunichar lead_at_end[] = { 'o', 'k', SYN_CHAR_INVALID, 0 };

  check_both_ways ("a\x80" "b", stray);
  check_both_ways ("a\xE2\x80 b", truncated);
  check_both_ways ("\xC0\xAFx", overlong);
  check_both_ways ("ok\xE2", lead_at_end);
}

/* Neither helper reads outside the range it is given. */
static void
test_range (void)
{
  const char *text = "\xC3\xA9t\xC3\xA9";
  gsize at;

  /* the range ends inside "é": its first byte alone is broken */
  g_assert_cmphex (syn_char_at (text, 3, 4, &at), ==, SYN_CHAR_INVALID);
  g_assert_cmpuint (at, ==, 4);
  /* the range starts inside "é": its last byte alone is broken */
  g_assert_cmphex (syn_char_before (text, 1, 2, &at), ==, SYN_CHAR_INVALID);
  g_assert_cmpuint (at, ==, 1);
  /* nothing before the start */
  g_assert_cmphex (syn_char_before (text, 2, 2, &at), ==, 0);
  g_assert_cmpuint (at, ==, 2);
  g_assert_cmphex (syn_char_before (text, 0, 5, &at), ==, 0x00E9);
  g_assert_cmpuint (at, ==, 3);
}

/* What may close a sentence after its full stop: quotation marks of
 * English, German and French, brackets, a footnote's asterisk. */
static void
test_closers (void)
{
  const gunichar closers[] = { '"', '\'', ')', ']', '}', '*', 0x2019, 0x201D,
                               0x201C, 0x2018, 0x00BB, 0x00AB, 0x203A, 0x2039,
                               0x300D, 0x300F, 0xFF09 };
  const gunichar others[] = { '(', '[', '.', ',', 'a', 0x201E, 0x201A, ' ',
                              SYN_CHAR_INVALID, 0 };

  for (guint i = 0; i < G_N_ELEMENTS (closers); i++)
    g_assert_true (syn_char_is_closer (closers[i]));
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    g_assert_false (syn_char_is_closer (others[i]));
}

/* Spaces, including the invisible ones pasted text carries between words. */
static void
test_spaces (void)
{
  const gunichar spaces[] = { ' ', '\t', '\n', '\r', '\f', '\v', 0, 0x00A0, 0x2009, 0x3000,
                              0x200B, 0xFEFF };
  const gunichar others[] = { 'a', '.', '_', 0x00AD, 0x2019, SYN_CHAR_INVALID };

  for (guint i = 0; i < G_N_ELEMENTS (spaces); i++)
    g_assert_true (syn_char_is_space (spaces[i]));
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    g_assert_false (syn_char_is_space (others[i]));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/chars/valid", test_valid);
  g_test_add_func ("/core/chars/invalid", test_invalid);
  g_test_add_func ("/core/chars/range", test_range);
  g_test_add_func ("/core/chars/spaces", test_spaces);
  g_test_add_func ("/core/chars/closers", test_closers);

  return g_test_run ();
}
