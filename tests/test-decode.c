/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The decoder: every encoding Synopsis reads, what it refuses, and the map
 * from the decoded text back to the bytes on disk. Every byte string here is
 * written for the test.
 */
#define G_LOG_DOMAIN "test-decode"

#include "config.h"

#include <string.h>

#include "syn-decode.h"

#define DECODE_OK(bytes, len) decode_ok ((const guint8 *) (bytes), (len))

static SynDecoded *
decode_ok (const guint8 *bytes,
           gsize         len)
{
  g_autoptr(GError) error = NULL;
  SynDecoded *d = syn_decode (bytes, len, &error);

  g_assert_no_error (error);
  g_assert_nonnull (d);
  return d;
}

static void
assert_decode_error (const char *bytes,
                     gsize       len,
                     int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SynDecoded) d = syn_decode ((const guint8 *) bytes, len, &error);

  g_assert_null (d);
  g_assert_error (error, SYN_DECODE_ERROR, code);
}

/* Checks the decoded text against what the test expects, character by
 * character: @disk_starts[i] is where the i-th character starts on disk. */
static void
assert_map (const SynDecoded *d,
            const char       *expected,
            const gsize      *disk_starts,
            gsize             n_chars,
            gsize             disk_len)
{
  gsize len;
  const char *text = syn_decoded_get_text (d, &len);
  const char *p = text;

  g_assert_cmpstr (text, ==, expected);
  g_assert_cmpuint (len, ==, strlen (expected));
  g_assert_true (g_utf8_validate (text, (gssize) len, NULL));
  g_assert_cmpuint (g_utf8_strlen (text, (gssize) len), ==, n_chars);
  g_assert_cmpuint (syn_decoded_get_disk_length (d), ==, disk_len);

  for (gsize i = 0; i < n_chars; i++)
    {
      gsize offset = (gsize) (p - text);
      const char *next = g_utf8_next_char (p);

      g_assert_cmpuint (syn_decoded_to_disk_offset (d, offset), ==, disk_starts[i]);
      /* An offset inside a character maps to where it starts. */
      for (const char *q = p + 1; q < next; q++)
        g_assert_cmpuint (syn_decoded_to_disk_offset (d, (gsize) (q - text)), ==, disk_starts[i]);
      p = next;
    }
  g_assert_cmpuint (syn_decoded_to_disk_offset (d, len), ==, disk_len);
  g_assert_cmpuint (syn_decoded_to_disk_offset (d, len + 100), ==, disk_len);
}

static void
test_utf8 (void)
{
  const char *text = "Straße — “Quoted” 2024, naïve.\n";
  g_autoptr(SynDecoded) d = DECODE_OK (text, strlen (text));
  gsize len;

  g_assert_cmpstr (syn_decoded_get_encoding (d), ==, "UTF-8");
  g_assert_false (syn_decoded_is_fallback (d));
  g_assert_false (syn_decoded_has_bom (d));
  g_assert_cmpstr (syn_decoded_get_text (d, &len), ==, text);
  for (gsize i = 0; i <= len; i++)
    {
      gsize start = i;

      /* Inside a character: where it starts. */
      while (start < len && (text[start] & 0xC0) == 0x80)
        start--;
      g_assert_cmpuint (syn_decoded_to_disk_offset (d, i), ==, start);
    }
}

static void
test_utf8_bom (void)
{
  const char bytes[] = "\xEF\xBB\xBF" "Caf\xC3\xA9 au lait.";
  g_autoptr(SynDecoded) d = DECODE_OK (bytes, sizeof bytes - 1);
  gsize len;

  g_assert_cmpstr (syn_decoded_get_encoding (d), ==, "UTF-8");
  g_assert_true (syn_decoded_has_bom (d));
  g_assert_false (syn_decoded_is_fallback (d));
  g_assert_cmpstr (syn_decoded_get_text (d, &len), ==, "Café au lait.");
  g_assert_cmpuint (len, ==, sizeof bytes - 1 - 3);
  /* The BOM is not text, yet offsets still count it on disk. */
  for (gsize i = 0; i <= len; i++)
    if (i != 4)  /* inside "é" */
      g_assert_cmpuint (syn_decoded_to_disk_offset (d, i), ==, i + 3);
  g_assert_cmpuint (syn_decoded_to_disk_offset (d, 4), ==, 3 + 3);
}

static void
test_empty (void)
{
  g_autoptr(SynDecoded) empty = DECODE_OK (NULL, 0);
  g_autoptr(SynDecoded) bom_only = DECODE_OK ("\xEF\xBB\xBF", 3);
  g_autoptr(SynDecoded) utf16_bom_only = DECODE_OK ("\xFF\xFE", 2);
  gsize len = 1;

  g_assert_cmpstr (syn_decoded_get_text (empty, &len), ==, "");
  g_assert_cmpuint (len, ==, 0);
  g_assert_cmpstr (syn_decoded_get_encoding (empty), ==, "UTF-8");
  g_assert_cmpuint (syn_decoded_to_disk_offset (empty, 0), ==, 0);

  g_assert_cmpstr (syn_decoded_get_text (bom_only, &len), ==, "");
  g_assert_cmpuint (syn_decoded_to_disk_offset (bom_only, 0), ==, 3);

  g_assert_cmpstr (syn_decoded_get_text (utf16_bom_only, &len), ==, "");
  g_assert_cmpstr (syn_decoded_get_encoding (utf16_bom_only), ==, "UTF-16LE");
  g_assert_cmpuint (syn_decoded_to_disk_offset (utf16_bom_only, 0), ==, 2);
}

/* Encodes @utf8 as UTF-16 with a BOM, noting where each character starts. */
static GByteArray *
encode_utf16 (const char  *utf8,
              gboolean     big_endian,
              gsize      **disk_starts,
              gsize       *n_chars)
{
  GByteArray *out = g_byte_array_new ();
  const guint8 bom_le[] = { 0xFF, 0xFE }, bom_be[] = { 0xFE, 0xFF };
  glong n_units = 0;
  g_autofree gunichar2 *units = g_utf8_to_utf16 (utf8, -1, NULL, &n_units, NULL);
  gsize i = 0;

  g_byte_array_append (out, big_endian ? bom_be : bom_le, 2);
  *n_chars = (gsize) g_utf8_strlen (utf8, -1);
  *disk_starts = g_new0 (gsize, *n_chars + 1);
  for (glong u = 0; u < n_units; u++)
    {
      guint8 pair[2] = { units[u] & 0xFF, units[u] >> 8 };

      if (units[u] < 0xDC00 || units[u] >= 0xE000)  /* not the second of a pair */
        (*disk_starts)[i++] = out->len;
      if (big_endian)
        {
          guint8 tmp = pair[0];
          pair[0] = pair[1];
          pair[1] = tmp;
        }
      g_byte_array_append (out, pair, 2);
    }
  g_assert_cmpuint (i, ==, *n_chars);
  return out;
}

static void
check_utf16 (gboolean big_endian)
{
  const char *text = "Tag der Einheit: “Wir sind ein Volk” — 1990 ✓ 😀 é\r\nZweite Zeile\rdritte.";
  g_autofree gsize *starts = NULL;
  gsize n_chars;
  g_autoptr(GByteArray) bytes = encode_utf16 (text, big_endian, &starts, &n_chars);
  g_autoptr(SynDecoded) d = DECODE_OK (bytes->data, bytes->len);

  g_assert_cmpstr (syn_decoded_get_encoding (d), ==, big_endian ? "UTF-16BE" : "UTF-16LE");
  g_assert_false (syn_decoded_is_fallback (d));
  g_assert_true (syn_decoded_has_bom (d));
  assert_map (d, text, starts, n_chars, bytes->len);
}

static void
test_utf16le (void)
{
  check_utf16 (FALSE);
}

static void
test_utf16be (void)
{
  check_utf16 (TRUE);
}

static void
test_utf16_damaged (void)
{
  /* "a", a lone high surrogate, "b", a lone low surrogate, "c", an odd byte. */
  const char bytes[] = "\xFF\xFE" "a\0" "\x00\xD8" "b\0" "\x00\xDC" "c\0" "d";
  const gsize starts[] = { 2, 4, 6, 8, 10, 12 };
  g_autoptr(SynDecoded) d = DECODE_OK (bytes, sizeof bytes - 1);

  assert_map (d, "a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c\xEF\xBF\xBD", starts, 6, sizeof bytes - 1);

  /* A high surrogate as the very last unit. */
  {
    const char tail[] = "\xFE\xFF" "\0x" "\xD8\x3D";
    const gsize tail_starts[] = { 2, 4 };
    g_autoptr(SynDecoded) t = DECODE_OK (tail, sizeof tail - 1);

    assert_map (t, "x\xEF\xBF\xBD", tail_starts, 2, sizeof tail - 1);
  }
}

static void
test_utf16_binary (void)
{
  assert_decode_error ("\xFF\xFE" "a\0" "\0\0" "b\0", 8, SYN_DECODE_ERROR_BINARY);
  assert_decode_error ("\xFE\xFF" "\0\x01\0\x02\0\x03\0\x04", 10, SYN_DECODE_ERROR_BINARY);
}

static void
test_cp1252 (void)
{
  /* Café “quoted” € 5 – naïve, in Windows-1252. */
  const char bytes[] = "Caf\xE9 \x93quoted\x94 \x80 5 \x96 na\xEFve.\r\n";
  const char *expected = "Café “quoted” € 5 – naïve.\r\n";
  gsize n = sizeof bytes - 1;
  g_autofree gsize *starts = g_new (gsize, n);
  g_autoptr(SynDecoded) d = DECODE_OK (bytes, n);

  for (gsize i = 0; i < n; i++)
    starts[i] = i;
  g_assert_cmpstr (syn_decoded_get_encoding (d), ==, "WINDOWS-1252");
  g_assert_true (syn_decoded_is_fallback (d));
  g_assert_false (syn_decoded_has_bom (d));
  assert_map (d, expected, starts, n, n);
}

static void
test_cp1252_every_byte (void)
{
  guint8 bytes[256 - 0x20];
  gsize starts[G_N_ELEMENTS (bytes)];
  g_autoptr(GString) expected = g_string_new (NULL);
  g_autoptr(SynDecoded) d = NULL;
  const gunichar high[32] = {
    0x20AC, 0x81, 0x201A, 0x192, 0x201E, 0x2026, 0x2020, 0x2021, 0x2C6, 0x2030, 0x160,
    0x2039, 0x152, 0x8D, 0x17D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x2DC, 0x2122, 0x161, 0x203A, 0x153, 0x9D, 0x17E, 0x178,
  };

  for (guint i = 0; i < G_N_ELEMENTS (bytes); i++)
    {
      guint b = i + 0x20;

      bytes[i] = (guint8) b;
      starts[i] = i;
      g_string_append_unichar (expected, b >= 0x80 && b < 0xA0 ? high[b - 0x80] : b);
    }
  d = DECODE_OK (bytes, sizeof bytes);
  g_assert_true (syn_decoded_is_fallback (d));
  assert_map (d, expected->str, starts, G_N_ELEMENTS (bytes), sizeof bytes);
}

static void
test_cp1252_after_bom (void)
{
  /* A UTF-8 BOM, then Windows-1252: the BOM is still not text. */
  const char bytes[] = "\xEF\xBB\xBF" "caf\xE9";
  const gsize starts[] = { 3, 4, 5, 6 };
  g_autoptr(SynDecoded) d = DECODE_OK (bytes, sizeof bytes - 1);

  g_assert_cmpstr (syn_decoded_get_encoding (d), ==, "WINDOWS-1252");
  g_assert_true (syn_decoded_is_fallback (d));
  g_assert_true (syn_decoded_has_bom (d));
  assert_map (d, "café", starts, 4, sizeof bytes - 1);
}

/* Invalid UTF-8 of every kind goes to Windows-1252, never lost. */
static void
test_invalid_utf8 (void)
{
  const char *cases[] = {
    "truncated \xC3",                 /* a sequence cut short */
    "overlong \xC0\xAF slash",        /* an overlong form */
    "surrogate \xED\xA0\x80 here",    /* UTF-16 surrogates in UTF-8 */
    "beyond \xF4\x90\x80\x80 U+10FFFF",
    "stray \x80\x80 continuation",
    "UTF-8 Caf\xC3\xA9 and 1252 caf\xE9.",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gsize n = strlen (cases[i]);
      g_autoptr(SynDecoded) d = DECODE_OK (cases[i], n);
      gsize len;
      const char *text = syn_decoded_get_text (d, &len);

      g_assert_true (syn_decoded_is_fallback (d));
      g_assert_true (g_utf8_validate (text, (gssize) len, NULL));
      g_assert_cmpuint ((gsize) g_utf8_strlen (text, (gssize) len), ==, n);
      g_assert_cmpuint (syn_decoded_to_disk_offset (d, len), ==, n);
    }
}

/* UTF-8 cut short in its last character: still UTF-8, with one U+FFFD
 * standing for the bytes of the cut character. */
static void
test_cut_utf8 (void)
{
  const struct {
    const char *bytes;
    const char *text;
    gsize       bom;
  } cases[] = {
    { "Crème brûlée, caf\xC3", "Crème brûlée, caf\xEF\xBF\xBD", 0 },
    { "Price: 5 \xE2\x82\xAC or 6 \xE2\x82", "Price: 5 € or 6 \xEF\xBF\xBD", 0 },
    { "\xEF\xBB\xBF" "Smile \xF0\x9F\x98\x80 again \xF0\x9F\x98", "Smile 😀 again \xEF\xBF\xBD", 3 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gsize n = strlen (cases[i].bytes);
      g_autoptr(SynDecoded) d = DECODE_OK (cases[i].bytes, n);
      gsize len;
      const char *text = syn_decoded_get_text (d, &len);

      g_assert_cmpstr (syn_decoded_get_encoding (d), ==, "UTF-8");
      g_assert_false (syn_decoded_is_fallback (d));
      g_assert_cmpstr (text, ==, cases[i].text);
      /* Everything before maps as it is; the U+FFFD to where the cut
       * bytes start; the end to the end of the file. */
      g_assert_cmpuint (syn_decoded_to_disk_offset (d, len - 4), ==, cases[i].bom + len - 4);
      g_assert_cmpuint (syn_decoded_to_disk_offset (d, len - 3), ==, cases[i].bom + len - 3);
      g_assert_cmpuint (syn_decoded_to_disk_offset (d, len - 1), ==, cases[i].bom + len - 3);
      g_assert_cmpuint (syn_decoded_to_disk_offset (d, len), ==, n);
    }
}

static void
test_line_ends (void)
{
  const char *text = "one\r\ntwo\rthree\nfour\r\n\r\nfive";
  g_autoptr(SynDecoded) utf8 = DECODE_OK (text, strlen (text));
  g_autofree char *cp1252_bytes = g_strconcat (text, " \xE9", NULL);
  g_autoptr(SynDecoded) cp1252 = DECODE_OK (cp1252_bytes, strlen (cp1252_bytes));
  g_autofree gsize *starts = NULL;
  gsize n_chars;
  g_autoptr(GByteArray) utf16 = encode_utf16 (text, FALSE, &starts, &n_chars);
  g_autoptr(SynDecoded) d16 = DECODE_OK (utf16->data, utf16->len);
  g_autofree char *cp1252_expected = g_strconcat (text, " é", NULL);

  g_assert_cmpstr (syn_decoded_get_text (utf8, NULL), ==, text);
  g_assert_cmpstr (syn_decoded_get_text (cp1252, NULL), ==, cp1252_expected);
  g_assert_cmpstr (syn_decoded_get_text (d16, NULL), ==, text);
}

static void
test_binary (void)
{
  const char pdf[] = "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Length 9 >>\nstream\n\x78\x9C\x00\x01\x02";
  const char png[] = "\x89PNG\r\n\x1A\n\0\0\0\rIHDR\0\0\0\x10";
  const char elf[] = "\x7F" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x02\0\x3E\0";
  const char utf8_nul[] = "A text\0with a NUL.";
  guint8 controls[600];

  assert_decode_error (pdf, sizeof pdf - 1, SYN_DECODE_ERROR_BINARY);
  assert_decode_error (png, sizeof png - 1, SYN_DECODE_ERROR_BINARY);
  assert_decode_error (elf, sizeof elf - 1, SYN_DECODE_ERROR_BINARY);
  assert_decode_error (utf8_nul, sizeof utf8_nul - 1, SYN_DECODE_ERROR_BINARY);
  assert_decode_error ("\xEF\xBB\xBF" "a\0b", 6, SYN_DECODE_ERROR_BINARY);
  assert_decode_error ("caf\xE9\0", 5, SYN_DECODE_ERROR_BINARY);

  /* No NUL, but binary-looking: control bytes among text, in ASCII, in
   * Windows-1252 and as C1 controls in UTF-8. */
  for (guint i = 0; i < sizeof controls; i++)
    controls[i] = i % 8 == 0 ? (guint8) (1 + i % 7) : (guint8) ('a' + i % 26);
  assert_decode_error ((const char *) controls, sizeof controls, SYN_DECODE_ERROR_BINARY);
  controls[5] = 0xE9;
  assert_decode_error ((const char *) controls, sizeof controls, SYN_DECODE_ERROR_BINARY);
  assert_decode_error ("\x01\x02\x03", 3, SYN_DECODE_ERROR_BINARY);
  assert_decode_error ("ab\xC2\x81\xC2\x82\xC2\x83\xC2\x84", 10, SYN_DECODE_ERROR_BINARY);

  /* The message is a phrase for the caller to complete with the name. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SynDecoded) d = syn_decode ((const guint8 *) png, sizeof png - 1, &error);

    g_assert_null (d);
    g_assert_cmpstr (error->message, ==, "is not a text file");
  }
}

/* What real text holds now and then is not taken for binary. */
static void
test_controls_tolerated (void)
{
  g_autoptr(GString) log = g_string_new (NULL);
  const char *bell = "Ring\a the bell.\fNext page.\vTabbed\there.\x1A";
  g_autoptr(SynDecoded) d1 = NULL;
  g_autoptr(SynDecoded) d2 = NULL;

  for (guint i = 0; i < 200; i++)
    g_string_append_printf (log, "\x1B[3%um%04u\x1B[0m request served in %u ms\n", i % 8, i, i * 7 % 100);
  d1 = DECODE_OK (log->str, log->len);
  d2 = DECODE_OK (bell, strlen (bell));

  g_assert_cmpstr (syn_decoded_get_text (d1, NULL), ==, log->str);
  g_assert_cmpstr (syn_decoded_get_text (d2, NULL), ==, bell);
}

static void
test_too_large (void)
{
  gsize max = SYN_DECODE_MAX_BYTES;
  guint8 *big = g_malloc (max + 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(SynDecoded) over = NULL;
  g_autoptr(SynDecoded) at_limit = NULL;
  gsize len;

  /* Refused before a byte is looked at. */
  over = syn_decode (big, max + 1, &error);
  g_assert_null (over);
  g_assert_error (error, SYN_DECODE_ERROR, SYN_DECODE_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "64 MB"));
  g_clear_error (&error);

  /* Exactly the limit is accepted. */
  for (gsize i = 0; i < max; i++)
    big[i] = "lorem ipsum.\n"[i % 13];
  at_limit = syn_decode_take (big, max, &error);
  g_assert_no_error (error);
  g_assert_nonnull (syn_decoded_get_text (at_limit, &len));
  g_assert_cmpuint (len, ==, max);
  g_assert_cmpuint (syn_decoded_to_disk_offset (at_limit, max / 2), ==, max / 2);
}

static void
test_take (void)
{
  const char bom_text[] = "\xEF\xBB\xBF" "one two";
  g_autoptr(GError) error = NULL;
  g_autoptr(SynDecoded) d1 = syn_decode_take (g_memdup2 (bom_text, 10), 10, &error);
  g_autoptr(SynDecoded) d2 = syn_decode_take (g_memdup2 ("caf\xE9", 4), 4, &error);
  SynDecoded *bad;

  g_assert_no_error (error);
  g_assert_cmpstr (syn_decoded_get_text (d1, NULL), ==, "one two");
  g_assert_cmpuint (syn_decoded_to_disk_offset (d1, 0), ==, 3);
  g_assert_cmpstr (syn_decoded_get_text (d2, NULL), ==, "café");

  /* On error the bytes are freed too (valgrind and ASan would say). */
  bad = syn_decode_take (g_memdup2 ("\0\0\0", 3), 3, &error);
  g_assert_null (bad);
  g_assert_error (error, SYN_DECODE_ERROR, SYN_DECODE_ERROR_BINARY);
}

/* A long Windows-1252 and a long UTF-16 text, every offset checked against
 * a plain count, across many checkpoints. */
static void
test_long_map (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20240611);
  const guint8 alphabet[] = "abc de\xE9\x80\x93\x94\r\n.";
  gsize n = 100000;
  g_autofree guint8 *bytes = g_malloc (n);
  g_autofree gsize *starts = g_new (gsize, n);
  g_autoptr(GString) expected = g_string_new (NULL);
  g_autoptr(GString) utf8 = g_string_new (NULL);
  g_autoptr(SynDecoded) d = NULL;
  g_autoptr(SynDecoded) d16 = NULL;
  g_autoptr(GByteArray) utf16 = NULL;
  g_autofree gsize *starts16 = NULL;
  gsize n_chars16;
  const char *pieces[] = { "word ", "ü", "€", "😀", "\r\n", "𝄞", "—", "x" };

  for (gsize i = 0; i < n; i++)
    {
      bytes[i] = alphabet[g_rand_int_range (rand, 0, sizeof alphabet - 1)];
      starts[i] = i;
    }
  for (gsize i = 0; i < n; i++)
    {
      const gunichar high[] = { 0x20AC, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                                0, 0, 0, 0x201C, 0x201D };
      g_string_append_unichar (expected, bytes[i] >= 0x80 && bytes[i] < 0xA0
                                         ? high[bytes[i] - 0x80] : bytes[i]);
    }
  d = DECODE_OK (bytes, n);
  assert_map (d, expected->str, starts, n, n);

  for (guint i = 0; i < 30000; i++)
    g_string_append (utf8, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
  utf16 = encode_utf16 (utf8->str, TRUE, &starts16, &n_chars16);
  d16 = DECODE_OK (utf16->data, utf16->len);
  assert_map (d16, utf8->str, starts16, n_chars16, utf16->len);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/decode/utf8", test_utf8);
  g_test_add_func ("/core/decode/utf8-bom", test_utf8_bom);
  g_test_add_func ("/core/decode/empty", test_empty);
  g_test_add_func ("/core/decode/utf16le", test_utf16le);
  g_test_add_func ("/core/decode/utf16be", test_utf16be);
  g_test_add_func ("/core/decode/utf16-damaged", test_utf16_damaged);
  g_test_add_func ("/core/decode/utf16-binary", test_utf16_binary);
  g_test_add_func ("/core/decode/cp1252", test_cp1252);
  g_test_add_func ("/core/decode/cp1252-every-byte", test_cp1252_every_byte);
  g_test_add_func ("/core/decode/cp1252-after-bom", test_cp1252_after_bom);
  g_test_add_func ("/core/decode/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/core/decode/cut-utf8", test_cut_utf8);
  g_test_add_func ("/core/decode/line-ends", test_line_ends);
  g_test_add_func ("/core/decode/binary", test_binary);
  g_test_add_func ("/core/decode/controls-tolerated", test_controls_tolerated);
  g_test_add_func ("/core/decode/too-large", test_too_large);
  g_test_add_func ("/core/decode/take", test_take);
  g_test_add_func ("/core/decode/long-map", test_long_map);

  return g_test_run ();
}
