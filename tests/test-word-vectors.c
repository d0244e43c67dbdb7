/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The word-vector table and what it changes in the word marks: a tiny
 * table written here, in the format data/vectors/make-word-vectors.py
 * writes; its reader, and its refusal of damaged tables; the language
 * guess that decides which sources it serves; and paraphrases marked as
 * changed where genuine additions stay added, in English only.
 */
#define G_LOG_DOMAIN "syn-test"

#include "config.h"

#include <math.h>
#include <string.h>

#include "syn-diverge.h"
#include "syn-language.h"
#include "syn-word-vectors.h"

#define DIMS 4

typedef struct {
  const char *word;
  gint8       q[DIMS];
} Entry;

/* Sorted bytewise, as the converter sorts them. "staff" and "workers" are
 * alike (cosine 0.99), "thanked" like neither; "arbeiter" and "personal"
 * (German) are alike too, for the language test. */
static const Entry entries[] = {
  { "arbeiter", { 90, 40, 0, 0 } },
  { "personal", { 88, 45, 5, 0 } },
  { "staff",    { 0, 0, 100, 30 } },
  { "thanked",  { 100, -100, 0, 0 } },
  { "workers",  { 0, 5, 98, 35 } },
};

static void
put_u32 (GByteArray *out,
         guint32     v)
{
  v = GUINT32_TO_LE (v);
  g_byte_array_append (out, (const guint8 *) &v, 4);
}

static GByteArray *
make_table (void)
{
  GByteArray *out = g_byte_array_new ();
  GString *pool = g_string_new (NULL);
  guint32 offsets[G_N_ELEMENTS (entries)];

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      offsets[i] = (guint32) pool->len;
      g_string_append_len (pool, entries[i].word, (gssize) strlen (entries[i].word) + 1);
    }
  g_byte_array_append (out, (const guint8 *) "SYNWVEC\0", 8);
  put_u32 (out, 1);
  put_u32 (out, G_N_ELEMENTS (entries));
  put_u32 (out, DIMS);
  put_u32 (out, (guint32) pool->len);
  put_u32 (out, 0);
  put_u32 (out, 0);
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    put_u32 (out, offsets[i]);
  /* rows in reverse word order, so that a reader ignoring them fails */
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    put_u32 (out, G_N_ELEMENTS (entries) - 1 - i);
  for (guint i = G_N_ELEMENTS (entries); i-- > 0;)
    {
      double norm = 0;
      union { float f; guint32 u; } scale;

      for (guint k = 0; k < DIMS; k++)
        norm += (double) entries[i].q[k] * entries[i].q[k];
      scale.f = (float) (1.0 / sqrt (norm));
      put_u32 (out, scale.u);
    }
  for (guint i = G_N_ELEMENTS (entries); i-- > 0;)
    g_byte_array_append (out, (const guint8 *) entries[i].q, DIMS);
  g_byte_array_append (out, (const guint8 *) pool->str, (guint) pool->len);
  g_string_free (pool, TRUE);
  return out;
}

static SynWordVectors *
vectors_from (const GByteArray *table,
              gsize             len)
{
  g_autoptr(GBytes) bytes = g_bytes_new (table->data, len);
  return syn_word_vectors_new (bytes);
}

static void
test_lookup (void)
{
  g_autoptr(GByteArray) table = make_table ();
  g_autoptr(SynWordVectors) vectors = vectors_from (table, table->len);
  g_autoptr(GError) error = NULL;
  SynWordVector staff, workers, thanked, none;

  g_assert_true (syn_word_vectors_check (vectors, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (syn_word_vectors_get_size (vectors), ==, G_N_ELEMENTS (entries));
  g_assert_cmpuint (syn_word_vectors_get_dimensions (vectors), ==, DIMS);
  g_assert_true (syn_word_vectors_lookup (vectors, "staff", &staff));
  g_assert_true (syn_word_vectors_lookup (vectors, "workers", &workers));
  g_assert_true (syn_word_vectors_lookup (vectors, "thanked", &thanked));
  /* before the first word, after the last, between two */
  g_assert_false (syn_word_vectors_lookup (vectors, "aardvark", &none));
  g_assert_false (syn_word_vectors_lookup (vectors, "zebra", &none));
  g_assert_false (syn_word_vectors_lookup (vectors, "station", &none));
  g_assert_cmpfloat (syn_word_vectors_cosine (vectors, &staff, &workers), >, 0.95);
  g_assert_cmpfloat (syn_word_vectors_cosine (vectors, &staff, &staff), >, 0.999);
  g_assert_cmpfloat (fabs (syn_word_vectors_cosine (vectors, &staff, &thanked)), <, 0.1);
}

/* A damaged table is refused with a reason, and finds no word. */
static void
assert_refused (GByteArray *table,
                gsize       len)
{
  g_autoptr(SynWordVectors) vectors = vectors_from (table, len);
  g_autoptr(GError) error = NULL;
  SynWordVector v;

  g_assert_false (syn_word_vectors_check (vectors, &error));
  g_assert_error (error, SYN_WORD_VECTORS_ERROR, SYN_WORD_VECTORS_ERROR_INVALID);
  g_assert_false (syn_word_vectors_lookup (vectors, "staff", &v));
  g_assert_cmpuint (syn_word_vectors_get_size (vectors), ==, 0);
}

static void
test_damaged (void)
{
  g_autoptr(GByteArray) table = make_table ();
  gsize pool_at = table->len - 1;

  /* truncated anywhere: in the header, in the vectors, by one byte */
  assert_refused (table, 0);
  assert_refused (table, 20);
  assert_refused (table, table->len / 2);
  assert_refused (table, table->len - 1);

  /* another version of the format */
  table->data[8] = 2;
  assert_refused (table, table->len);
  table->data[8] = 1;

  /* the last word not ended */
  table->data[pool_at] = 'x';
  assert_refused (table, table->len);
  table->data[pool_at] = '\0';

  /* a row beyond the table */
  table->data[32 + 4 * G_N_ELEMENTS (entries)] = 200;
  assert_refused (table, table->len);
  table->data[32 + 4 * G_N_ELEMENTS (entries)] = G_N_ELEMENTS (entries) - 1;

  /* words out of order: "arbeiter" after "personal" */
  table->data[32] = table->data[36];
  assert_refused (table, table->len);

  /* not a table at all */
  memcpy (table->data, "GIF89a\0\0", 8);
  assert_refused (table, table->len);
}

static void
test_language (void)
{
  static const struct {
    const char *text;
    const char *code;
  } cases[] = {
    { "The minister said that the plan would be ready by the end of the year.", "en" },
    { "Der Minister sagte, dass der Plan bis zum Ende des Jahres fertig sein wird.", "de" },
    { "Le ministre a dit que le plan serait prêt pour la fin de l'année.", "fr" },
    { "El ministro dijo que el plan estará listo para el final del año.", "es" },
    { "Il ministro ha detto che il piano sarà pronto per la fine dell'anno.", "it" },
    { "De minister zei dat het plan aan het eind van het jaar klaar zal zijn.", "nl" },
    { "O ministro disse que o plano estará pronto até ao fim do ano.", "pt" },
    { "", NULL },
    { "2014 – 2015", NULL },
    { "Geneva", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpstr (syn_language_guess (cases[i].text, strlen (cases[i].text)), ==, cases[i].code);
  /* only the length given is read */
  g_assert_null (syn_language_guess ("Geneva and the rest of it", 6));
}

/* The kind and text of each divergence of @a against @b (one group of
 * two passages), as "kind:text" lines. */
static char *
marks (const char *a,
       const char *b)
{
  SynSourceText sources[2] = { { a, strlen (a), NULL, 0 }, { b, strlen (b), NULL, 0 } };
  SynSegment seg[2] = { { 0, 0, strlen (a), SYN_PASSAGE_BODY, 0 }, { 1, 0, strlen (b), SYN_PASSAGE_BODY, 0 } };
  guint members[2] = { 0, 1 };
  SynCluster cluster = { members, 2, 2, 1.0 };
  g_autoptr(GArray) segments = g_array_new (FALSE, FALSE, sizeof (SynSegment));
  g_autoptr(GArray) clusters = g_array_new (FALSE, FALSE, sizeof (SynCluster));
  g_autoptr(GArray) divergences = NULL;
  GString *out = g_string_new (NULL);

  g_array_append_vals (segments, seg, 2);
  g_array_append_val (clusters, cluster);
  divergences = syn_diverge (sources, 2, segments, clusters);
  for (guint i = 0; i < divergences->len; i++)
    {
      const SynDivergence *d = &g_array_index (divergences, SynDivergence, i);
      const char *text = sources[g_array_index (segments, SynSegment, d->segment).source].text;

      g_string_append_printf (out, "%s:%.*s\n", syn_divergence_kind_to_string (d->kind),
                              (int) (d->end - d->start), text + d->start);
    }
  return g_string_free (out, FALSE);
}

/* The process's table: the tiny one, or (in the subprocess of
 * test_damaged_default()) the same cut short by a byte. */
static SynWordVectors *
load_test_table (void)
{
  g_autoptr(GByteArray) table = make_table ();
  return vectors_from (table, table->len - (g_test_subprocess () ? 1 : 0));
}

/* "workers" and "staff" say the same: neither is added, and what only
 * one version says ("thanked") still is. Without the table both are
 * added (they face each other across the moved "at the plant"). */
static void
test_paraphrase (void)
{
  g_autofree char *english = marks ("The minister praised the workers and the engineers at the plant.",
                                    "The minister praised the staff at the plant and thanked the engineers.");
  g_autofree char *names = marks ("The minister praised the Workers and the engineers at the plant.",
                                  "The minister praised the Staff at the plant and thanked the engineers.");
  g_autofree char *german = marks ("Der Minister lobte die Arbeiter und die Ingenieure im Werk.",
                                   "Der Minister lobte das Personal im Werk und dankte den Ingenieuren.");

  g_assert_nonnull (syn_word_vectors_get_default ());
  g_assert_cmpstr (english, ==,
                   "added:the\n"
                   "changed:workers\n"
                   "added:and\n"
                   "changed:staff\n"
                   "added:and thanked the\n");
  /* capitalised inside a sentence, a word is taken for a name, and two
   * names are not one said otherwise, however alike their vectors */
  g_assert_cmpstr (names, ==,
                   "added:the Workers and\n"
                   "added:Staff\n"
                   "added:and thanked the\n");
  /* another language keeps the marks of spelling alone */
  g_assert_nonnull (strstr (german, "added:Arbeiter"));
  g_assert_null (strstr (german, "changed:Arbeiter"));
}

/* A damaged table is refused once, with a warning saying why, and the
 * words are then matched by spelling alone. */
static void
test_damaged_default (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *english = NULL;

      g_test_expect_message ("syn-core", G_LOG_LEVEL_WARNING, "*cannot be used*truncated or damaged*");
      english = marks ("The minister praised the workers and the engineers at the plant.",
                       "The minister praised the staff at the plant and thanked the engineers.");
      g_test_assert_expected_messages ();
      g_assert_null (syn_word_vectors_get_default ());
      g_assert_cmpstr (english, ==,
                       "added:the workers and\n"
                       "added:staff\n"
                       "added:and thanked the\n");
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  syn_word_vectors_set_loader (load_test_table);

  g_test_add_func ("/core/word-vectors/lookup", test_lookup);
  g_test_add_func ("/core/word-vectors/damaged", test_damaged);
  g_test_add_func ("/core/word-vectors/paraphrase", test_paraphrase);
  g_test_add_func ("/core/word-vectors/damaged-default", test_damaged_default);
  g_test_add_func ("/core/language/guess", test_language);

  return g_test_run ();
}
