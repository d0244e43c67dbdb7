/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The normaliser on sentences written for these tests: each rule, the
 * tokens' offsets and flags, and quotation marks of every style.
 */
#define G_LOG_DOMAIN "syn-test"

#include "config.h"

#include <string.h>

#include "syn-normalize.h"

static GArray *
tokenize (const char *text)
{
  return syn_tokenize (text, 0, strlen (text));
}

/* The norms of @text's tokens, joined by spaces ("" norms shown as "_"). */
static char *
norms (const char *text)
{
  g_autoptr(GArray) tokens = tokenize (text);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < tokens->len; i++)
    {
      const SynToken *t = &g_array_index (tokens, SynToken, i);

      if (i > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, t->norm[0] != '\0' ? t->norm : "_");
    }
  return g_string_free (out, FALSE);
}

static void
assert_norms (const char *text,
              const char *expected)
{
  g_autofree char *got = norms (text);
  g_assert_cmpstr (got, ==, expected);
}

static void
assert_same_norms (const char *a,
                   const char *b)
{
  g_autofree char *na = norms (a);
  g_autofree char *nb = norms (b);
  g_assert_cmpstr (na, ==, nb);
}

static void
assert_word (const char *word,
             const char *expected)
{
  g_autofree char *got = syn_normalize_word (word, -1);
  g_assert_cmpstr (got, ==, expected);
}

static const SynToken *
token (GArray *tokens,
       guint   i)
{
  g_assert_cmpuint (i, <, tokens->len);
  return &g_array_index (tokens, SynToken, i);
}

static void
test_case_and_accents (void)
{
  assert_word ("Élysée", "elysee");
  assert_word ("ÜBER", "uber");
  assert_word ("Straße", "strasse");
  assert_word ("ﬁnancial", "financial");     /* ligature: compatibility form */
  assert_word ("Øresund", "oresund");
  assert_word ("Łódź", "lodz");
  assert_word ("ＵＮＩＣＯＤＥ", "unicode");    /* full-width forms */
  assert_same_norms ("Café Crème", "cafe creme");
  assert_same_norms ("NAÏVE Résumé", "naive resume");
}

static void
test_quotes_and_dashes (void)
{
  /* punctuation is no token, whatever its style */
  assert_same_norms ("“Peace,” he said — twice.", "\"Peace,\" he said - twice.");
  assert_same_norms ("«Paix» – dit-il", "\"Paix\" - dit-il");
  assert_norms ("2010–2015", "2010 2015");
  assert_norms ("Kyiv—Moscow", "kyiv moscow");
}

static void
test_hyphenation (void)
{
  g_autoptr(GArray) tokens = tokenize ("a build-up and a build‐up");

  assert_word ("build-up", "buildup");
  assert_word ("buildup", "buildup");
  assert_word ("co\xc2\xadoperation", "cooperation");   /* soft hyphen */
  g_assert_cmpuint (tokens->len, ==, 5);
  g_assert_cmpstr (token (tokens, 1)->norm, ==, "buildup");
  g_assert_true (token (tokens, 1)->flags & SYN_TOKEN_COMPOUND);
  g_assert_cmpstr (token (tokens, 4)->norm, ==, "buildup");
  /* a hyphen between numbers is a range, not a word */
  assert_norms ("won 2-1", "won 2 1");
}

static void
test_numbers (void)
{
  g_autoptr(GArray) tokens = tokenize ("About 100,000 troops, not 10,000.");

  assert_word ("100,000", "100000");
  assert_word ("100000", "100000");
  assert_word ("1.000.000", "1000000");
  assert_word ("1,000,000", "1000000");
  assert_word ("3,5", "3.5");
  assert_word ("2.50", "2.5");
  assert_word ("47.40", "47.4");
  assert_word ("007", "7");
  assert_word ("10th", "10");
  assert_word ("21st", "21");
  assert_word ("5m", "5million");
  assert_word ("1990s", "1990s");
  assert_word ("ten", "10");
  assert_word ("Twelve", "12");

  g_assert_cmpuint (tokens->len, ==, 5);
  g_assert_cmpstr (token (tokens, 1)->norm, ==, "100000");
  g_assert_true (token (tokens, 1)->flags & SYN_TOKEN_NUMBER);
  g_assert_cmpstr (token (tokens, 4)->norm, ==, "10000");
  g_assert_false (token (tokens, 2)->flags & SYN_TOKEN_NUMBER);
  g_assert_false (token (tokens, 1)->flags & SYN_TOKEN_DATE);
  /* the final dot is no decimal point */
  g_assert_cmpuint (token (tokens, 4)->end, ==, strlen ("About 100,000 troops, not 10,000"));
}

static void
test_dates (void)
{
  g_autoptr(GArray) tokens = tokenize ("on Jan. 10, 2022");

  assert_same_norms ("on Jan. 10", "on January 10");
  assert_same_norms ("since Dec. 7", "since December 7");
  assert_same_norms ("by Sept. 30", "by September 30");
  assert_same_norms ("on the 10th of March", "on the 10 of March");
  assert_norms ("Feb 3", "february 3");

  g_assert_cmpuint (tokens->len, ==, 4);
  g_assert_cmpstr (token (tokens, 1)->norm, ==, "january");
  g_assert_true (token (tokens, 1)->flags & SYN_TOKEN_NUMBER);
  g_assert_true (token (tokens, 2)->flags & SYN_TOKEN_NUMBER);
  g_assert_true (token (tokens, 3)->flags & SYN_TOKEN_NUMBER);
  /* month, day and year are parts of one date */
  for (guint i = 1; i < 4; i++)
    g_assert_true (token (tokens, i)->flags & SYN_TOKEN_DATE);
  g_assert_false (token (tokens, 0)->flags & SYN_TOKEN_DATE);
  /* "Jan." spans the word, not its dot */
  g_assert_cmpuint (token (tokens, 1)->start, ==, 3);
  g_assert_cmpuint (token (tokens, 1)->end, ==, 6);
}

static void
test_month_words (void)
{
  g_autoptr(GArray) modal = tokenize ("You may go in March or may not");
  g_autoptr(GArray) date = tokenize ("Talks resume May 5");
  g_autoptr(GArray) name = tokenize ("Jan Novak said");

  g_assert_cmpstr (token (modal, 1)->norm, ==, "may");
  g_assert_false (token (modal, 1)->flags & SYN_TOKEN_NUMBER);
  g_assert_true (token (modal, 1)->flags & SYN_TOKEN_STOPWORD);
  g_assert_false (token (modal, 4)->flags & SYN_TOKEN_NUMBER);   /* March, alone */
  g_assert_true (token (date, 2)->flags & SYN_TOKEN_NUMBER);
  g_assert_false (token (date, 2)->flags & SYN_TOKEN_STOPWORD);
  /* a first name is no month */
  g_assert_cmpstr (token (name, 0)->norm, ==, "jan");
  g_assert_false (token (name, 0)->flags & SYN_TOKEN_NUMBER);
}

static void
test_spelling (void)
{
  static const char * const pairs[][2] = {
    { "organisation", "organization" }, { "organise", "organize" },
    { "organised", "organized" }, { "towards", "toward" },
    { "neighbour", "neighbor" }, { "neighbourhood", "neighborhood" },
    { "defence", "defense" }, { "realise", "realize" }, { "analysed", "analyzed" },
    { "colour", "color" }, { "unfavourable", "unfavorable" },
    { "centre", "center" }, { "kilometres", "kilometers" },
    { "centred", "centered" }, { "theatre", "theater" },
    { "travelled", "traveled" }, { "counsellor", "counselor" },
    { "catalogue", "catalog" }, { "paediatric", "pediatric" },
    { "programme", "program" }, { "grey", "gray" }, { "whilst", "while" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      g_autofree char *a = syn_normalize_word (pairs[i][0], -1);
      g_autofree char *b = syn_normalize_word (pairs[i][1], -1);
      g_assert_cmpstr (a, ==, b);
    }
}

/* The spelling rules must never merge two different words. */
static void
test_spelling_exceptions (void)
{
  static const char * const pairs[][2] = {
    { "four", "for" }, { "our", "or" }, { "hour", "hor" }, { "tour", "tor" },
    { "rise", "rice" }, { "devise", "device" }, { "advise", "advice" },
    { "acre", "acer" }, { "genre", "gener" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      g_autofree char *a = syn_normalize_word (pairs[i][0], -1);
      g_autofree char *b = syn_normalize_word (pairs[i][1], -1);
      g_assert_cmpstr (a, !=, b);
    }
  assert_word ("hour", "hour");
  assert_word ("four", "4");
  assert_word ("our", "our");
  assert_word ("flour", "flour");
}

static void
test_honorifics (void)
{
  g_autoptr(GArray) tokens = tokenize ("Mr. Biden met Dr Smith");

  assert_norms ("Mr Biden said", "_ biden said");
  assert_norms ("Mrs. Harris said", "_ harris said");
  assert_norms ("Ms Chen said", "_ chen said");
  assert_norms ("the Dr. Jones clinic", "the _ jones clinic");
  assert_norms ("Sen. Warren", "senator warren");
  g_assert_cmpuint (tokens->len, ==, 5);
  g_assert_cmpstr (token (tokens, 0)->norm, ==, "");
  g_assert_cmpstr (token (tokens, 3)->norm, ==, "");
  /* a doctor is dropped only before a name */
  assert_norms ("asked the dr about it", "asked the dr about it");
}

static void
test_possessives (void)
{
  assert_same_norms ("Russia’s border", "Russia's border");
  assert_same_norms ("Russia’s border", "Russia border");
  assert_norms ("the students’ union", "the students union");
  assert_norms ("O’Brien won", "obrien won");
  assert_norms ("they don't", "they dont");
  /* "US" and "U.S." are the country, "us" the pronoun */
  assert_norms ("the U.S. and US told us", "the usa and usa told us");
  assert_norms ("an apple a day", "a apple a day");
}

static void
test_offsets (void)
{
  const char *text = "« Zoë’s café », 12,5 km — Ünïcode.";
  g_autoptr(GArray) tokens = tokenize (text);
  static const char * const expected[] = { "Zoë’s", "café", "12,5", "km", "Ünïcode" };

  g_assert_cmpuint (tokens->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < tokens->len; i++)
    {
      const SynToken *t = token (tokens, i);
      g_autofree char *span = g_strndup (text + t->start, t->end - t->start);
      g_assert_cmpstr (span, ==, expected[i]);
    }
  g_assert_cmpstr (token (tokens, 2)->norm, ==, "12.5");
}

static void
test_range (void)
{
  const char *text = "First one. Second sentence here. Third.";
  gsize start = strlen ("First one. ");
  gsize end = start + strlen ("Second sentence here.");
  g_autoptr(GArray) tokens = syn_tokenize (text, start, end);

  g_assert_cmpuint (tokens->len, ==, 3);
  g_assert_cmpuint (token (tokens, 0)->start, ==, start);
  g_assert_cmpuint (token (tokens, 2)->end, ==, end - 1);
  g_assert_cmpstr (token (tokens, 2)->norm, ==, "here");
}

static void
test_stopwords (void)
{
  g_autoptr(GArray) tokens = tokenize ("The talks and der Vertrag und Biden");

  g_assert_true (token (tokens, 0)->flags & SYN_TOKEN_STOPWORD);
  g_assert_false (token (tokens, 1)->flags & SYN_TOKEN_STOPWORD);
  g_assert_true (token (tokens, 2)->flags & SYN_TOKEN_STOPWORD);
  g_assert_true (token (tokens, 3)->flags & SYN_TOKEN_STOPWORD);
  g_assert_false (token (tokens, 4)->flags & SYN_TOKEN_STOPWORD);
  g_assert_true (token (tokens, 5)->flags & SYN_TOKEN_STOPWORD);
  g_assert_false (token (tokens, 6)->flags & SYN_TOKEN_STOPWORD);
  g_assert_true (syn_is_stopword ("toward"));
  g_assert_false (syn_is_stopword ("war"));
}

/* Tokens inside quotation marks: flag and quotation index. */
static void
assert_quotes (const char *text,
               const char *expected)   /* per token: '.' unquoted, '0'..'9' index */
{
  g_autoptr(GArray) tokens = tokenize (text);
  GString *got = g_string_new (NULL);
  g_autofree char *str = NULL;

  for (guint i = 0; i < tokens->len; i++)
    {
      const SynToken *t = token (tokens, i);

      g_assert_cmpint (t->quote >= 0, ==, (t->flags & SYN_TOKEN_QUOTED) != 0);
      g_string_append_c (got, t->quote >= 0 ? (char) ('0' + t->quote) : '.');
    }
  str = g_string_free (got, FALSE);
  g_assert_cmpstr (str, ==, expected);
}

static void
test_quotations (void)
{
  assert_quotes ("He said “we will win” today", "..000.");
  assert_quotes ("He said \"we will win\" today", "..000.");
  assert_quotes ("Er sagte „wir siegen“ heute", "..00.");
  assert_quotes ("Il a dit « nous gagnerons » hier", "...00.");
  assert_quotes ("Er sagte »wir siegen« heute", "..00.");
  assert_quotes ("“One,” she said, “and two.”", "0..11");
  assert_quotes ("\"One,\" she said, \"and two.\"", "0..11");
  assert_quotes ("as `` tokenized '' text", ".0.");
  /* British single quotes, and apostrophes that are none */
  assert_quotes ("He called it ‘a farce’ on Russia’s TV", "...00...");
  assert_quotes ("Russia’s and Ukraine’s leaders", "....");
  assert_quotes ("the students’ union and the ’90s", "......");
  assert_quotes ("it was 'absurd' he said", "..0..");
}

static void
test_unbalanced_quotations (void)
{
  /* the second sentence of a quoted paragraph: quoted up to the mark */
  assert_quotes ("We are ready,” the minister said.", "000...");
  assert_quotes ("We are ready,\" the minister said.", "000...");
  /* a quotation running on into the next paragraph */
  assert_quotes ("He said: “We will not back down", "..00000");
  assert_quotes ("He said: \"We will not", "..000");
  /* a lone straight quote between spaces is nothing */
  assert_quotes ("a \" b", "..");
}

static void
test_stem (void)
{
  static const char * const families[][3] = {
    { "country", "countries", "country" },
    { "make", "makes", "making" },
    { "use", "used", "using" },
    { "carry", "carried", "carries" },
    { "is", "was", "were" },
    { "has", "had", "have" },
    { "evidence", "evidences", "evidence" },
    { "tax", "taxes", "tax" },
    { "run", "running", "runs" },
    { "member", "members", "member" },
    { "kind", "kinder", "kind" },         /* German plural */
  };

  for (gsize i = 0; i < G_N_ELEMENTS (families); i++)
    {
      g_autofree char *a = syn_stem (families[i][0]);
      g_autofree char *b = syn_stem (families[i][1]);
      g_autofree char *c = syn_stem (families[i][2]);

      g_assert_cmpstr (a, ==, b);
      g_assert_cmpstr (a, ==, c);
    }
  {
    g_autofree char *news = syn_stem ("news");
    g_autofree char *new = syn_stem ("new");
    g_autofree char *number = syn_stem ("100000");

    g_assert_cmpstr (news, !=, new);
    g_assert_cmpstr (number, ==, "100000");
  }
}

static void
test_any_bytes (void)
{
  /* invalid UTF-8 separates words; nothing is lost or read past the end */
  const char bad[] = "caf\xc3 ok \xff\xfe word\xe2\x80";
  g_autoptr(GArray) tokens = syn_tokenize (bad, 0, sizeof bad - 1);
  g_autoptr(GArray) empty = syn_tokenize ("", 0, 0);
  g_autoptr(GArray) ideographs = tokenize ("東京都 in Japan");
  g_autoptr(GString) longword = g_string_new (NULL);
  g_autoptr(GArray) one = NULL;

  g_assert_cmpuint (tokens->len, ==, 3);
  g_assert_cmpstr (token (tokens, 0)->norm, ==, "caf");
  g_assert_cmpstr (token (tokens, 2)->norm, ==, "word");
  g_assert_cmpuint (empty->len, ==, 0);
  /* scripts without spaces: one token per character */
  g_assert_cmpuint (ideographs->len, ==, 5);

  for (guint i = 0; i < 100000; i++)
    g_string_append (longword, "ab");
  one = syn_tokenize (longword->str, 0, longword->len);
  g_assert_cmpuint (one->len, ==, 1);
  g_assert_cmpuint (strlen (token (one, 0)->norm), ==, longword->len);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/normalize/case-and-accents", test_case_and_accents);
  g_test_add_func ("/core/normalize/quotes-and-dashes", test_quotes_and_dashes);
  g_test_add_func ("/core/normalize/hyphenation", test_hyphenation);
  g_test_add_func ("/core/normalize/numbers", test_numbers);
  g_test_add_func ("/core/normalize/dates", test_dates);
  g_test_add_func ("/core/normalize/month-words", test_month_words);
  g_test_add_func ("/core/normalize/spelling", test_spelling);
  g_test_add_func ("/core/normalize/spelling-exceptions", test_spelling_exceptions);
  g_test_add_func ("/core/normalize/honorifics", test_honorifics);
  g_test_add_func ("/core/normalize/possessives", test_possessives);
  g_test_add_func ("/core/normalize/offsets", test_offsets);
  g_test_add_func ("/core/normalize/range", test_range);
  g_test_add_func ("/core/normalize/stopwords", test_stopwords);
  g_test_add_func ("/core/normalize/quotations", test_quotations);
  g_test_add_func ("/core/normalize/unbalanced-quotations", test_unbalanced_quotations);
  g_test_add_func ("/core/normalize/stem", test_stem);
  g_test_add_func ("/core/normalize/any-bytes", test_any_bytes);

  return g_test_run ();
}
