/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Benchmark of the alignment core (issue 3): time and peak memory for
 * growing inputs. Not a test: it prints figures and fails only when the
 * alignment cannot be computed.
 *
 *   bench-align [SEEDS_DIR]      (or SYN_BENCH_SEEDS=SEEDS_DIR)
 *
 * Cases, each run in a child process so that its peak resident size
 * (getrusage ru_maxrss) is its own:
 *  - the seed articles (*.txt of SEEDS_DIR), when given: the whole
 *    pipeline (segment, classify, align, compare) after loading, best of
 *    several runs;
 *  - synthetic news: 5, 50 sources × 200 sentences, and 2 × 20,000
 *    sentences, generated here with a fixed-seed PRNG: one story told by
 *    every source, each reworded (synonyms, dropped and added words),
 *    with paragraphs moved, sentences split and merged, sentences of its
 *    own and site furniture.
 * With the word-vector table built (or $SYNOPSIS_WORD_VECTORS), every
 * case uses it as the program does, and its first use (mapping, check,
 * the first lookups) is measured on its own.
 */
#define G_LOG_DOMAIN "syn-bench"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "syn-core.h"
#include "syn-vectors.h"

/* ---------------------------------------------------------------- the PRNG */

typedef struct {
  guint64 state;
} Rng;

/* splitmix64: small, fast, and the same sequence everywhere */
static guint64
rng_next (Rng *rng)
{
  guint64 z = (rng->state += G_GUINT64_CONSTANT (0x9E3779B97F4A7C15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
  return z ^ (z >> 31);
}

static guint
rng_below (Rng   *rng,
           guint  n)
{
  return n > 0 ? (guint) (rng_next (rng) % n) : 0;
}

static gboolean
rng_chance (Rng    *rng,
            double  p)
{
  return (double) (rng_next (rng) >> 11) / (double) (G_GUINT64_CONSTANT (1) << 53) < p;
}

/* ------------------------------------------------------------ a vocabulary */

static const char * const function_words[] = {
  "the", "of", "and", "to", "in", "a", "on", "for", "that", "with", "as",
  "by", "at", "from", "said", "was", "is", "has", "have", "will", "would",
  "their", "its", "after", "before", "while", "which", "who", "this",
};

static const char * const syllables[] = {
  "ba", "ker", "mon", "ti", "ra", "vel", "sun", "dor", "li", "ma", "pre",
  "sto", "gan", "fi", "ro", "tel", "nu", "ca", "den", "plo", "shi", "var",
  "quo", "bri", "lan", "te", "mus", "or", "zen", "hal",
};

#define N_WORDS 6000

typedef struct {
  char *words[N_WORDS];
} Vocabulary;

static void
vocabulary_init (Vocabulary *v,
                 Rng        *rng)
{
  for (guint i = 0; i < N_WORDS; i++)
    {
      GString *w = g_string_new (NULL);
      guint n = 2 + rng_below (rng, 3);

      for (guint k = 0; k < n; k++)
        g_string_append (w, syllables[rng_below (rng, G_N_ELEMENTS (syllables))]);
      g_string_append_printf (w, "%c", 'a' + (int) (i % 26));
      v->words[i] = g_string_free (w, FALSE);
    }
}

static void
vocabulary_clear (Vocabulary *v)
{
  for (guint i = 0; i < N_WORDS; i++)
    g_free (v->words[i]);
}

/* Content words follow a rough Zipf law: a few frequent, most rare. */
static guint
zipf_word (Rng *rng)
{
  double u = (double) (rng_next (rng) >> 11) / (double) (G_GUINT64_CONSTANT (1) << 53);

  return MIN ((guint) (N_WORDS * u * u * u), N_WORDS - 1);
}

/* --------------------------------------------------------------- the story */

typedef struct {
  GArray *words;   /* guint: < N_WORDS content, else function word + N_WORDS */
} Sentence;

static GArray *
make_sentence (Rng *rng)
{
  GArray *s = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n = 10 + rng_below (rng, 16);

  for (guint i = 0; i < n; i++)
    {
      guint w = rng_chance (rng, 0.4)
                ? N_WORDS + rng_below (rng, G_N_ELEMENTS (function_words))
                : zipf_word (rng);
      g_array_append_val (s, w);
    }
  return s;
}

/* One source's wording of a sentence: synonyms (another word), dropped
 * and added words, at the source's own rate. */
static GArray *
reword (Rng    *rng,
        GArray *base,
        double  rate)
{
  GArray *s = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < base->len; i++)
    {
      guint w = g_array_index (base, guint, i);

      if (rng_chance (rng, rate * 0.5))
        continue;
      if (rng_chance (rng, rate))
        w = w < N_WORDS ? (w * 7 + 13) % N_WORDS : w;
      g_array_append_val (s, w);
      if (rng_chance (rng, rate * 0.5))
        {
          guint extra = zipf_word (rng);
          g_array_append_val (s, extra);
        }
    }
  return s;
}

static void
append_sentence (GString          *out,
                 const Vocabulary *v,
                 GArray           *s,
                 gboolean          number)
{
  for (guint i = 0; i < s->len; i++)
    {
      guint w = g_array_index (s, guint, i);
      const char *word = w < N_WORDS ? v->words[w] : function_words[w - N_WORDS];

      if (i > 0)
        g_string_append_c (out, ' ');
      if (i == 0)
        {
          g_string_append_c (out, g_ascii_toupper (word[0]));
          g_string_append (out, word + 1);
        }
      else
        g_string_append (out, word);
      if (number && i == s->len / 2)
        g_string_append_printf (out, " %u,000", 10 + (w % 90));
    }
  g_string_append (out, ". ");
}

typedef struct {
  guint   n_sources;
  guint   n_sentences;
  double  reword_rate;
  double  move_rate;     /* chance that a paragraph is moved */
  guint64 seed;
} StorySpec;

/* Writes @spec->n_sources versions of one story of @spec->n_sentences
 * sentences. */
static char **
make_story (const StorySpec *spec)
{
  Rng rng = { spec->seed };
  Vocabulary v;
  GPtrArray *base = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  char **texts = g_new0 (char *, spec->n_sources + 1);
  /* site furniture inside the story; a "Related" list (whose teasers are
   * furniture too) only closes it */
  static const char * const furniture[] = {
    "Share this article", "6 days ago", "Sign up for our newsletter",
  };

  vocabulary_init (&v, &rng);
  for (guint i = 0; i < spec->n_sentences; i++)
    g_ptr_array_add (base, make_sentence (&rng));

  for (guint s = 0; s < spec->n_sources; s++)
    {
      GString *out = g_string_new (NULL);
      guint n_para = (spec->n_sentences + 3) / 4;
      g_autofree guint *order = g_new (guint, n_para);

      /* the headline, then paragraphs of four sentences, some moved */
      {
        g_autoptr(GArray) title = reword (&rng, g_ptr_array_index (base, 0), spec->reword_rate);
        append_sentence (out, &v, title, FALSE);
        g_string_truncate (out, out->len - 2);
        g_string_append (out, "\n\n");
      }
      for (guint p = 0; p < n_para; p++)
        order[p] = p;
      for (guint p = 0; p + 1 < n_para; p++)
        if (rng_chance (&rng, spec->move_rate))
          {
            guint q = p + 1 + rng_below (&rng, MIN (n_para - p - 1, 8));
            guint t = order[p];

            order[p] = order[q];
            order[q] = t;
          }

      for (guint p = 0; p < n_para; p++)
        {
          for (guint k = order[p] * 4; k < MIN (order[p] * 4 + 4, spec->n_sentences); k++)
            {
              g_autoptr(GArray) words = reword (&rng, g_ptr_array_index (base, k), spec->reword_rate);
              gboolean number = k % 5 == 0;

              if (rng_chance (&rng, 0.04))
                continue;                                   /* left out */
              if (rng_chance (&rng, 0.05) && words->len > 12)
                {
                  /* split in two */
                  g_autoptr(GArray) first = g_array_sized_new (FALSE, FALSE, sizeof (guint), words->len);
                  g_autoptr(GArray) second = g_array_sized_new (FALSE, FALSE, sizeof (guint), words->len);

                  g_array_append_vals (first, words->data, words->len / 2);
                  g_array_append_vals (second, &g_array_index (words, guint, words->len / 2),
                                       words->len - words->len / 2);
                  append_sentence (out, &v, first, number);
                  append_sentence (out, &v, second, FALSE);
                }
              else
                append_sentence (out, &v, words, number);
              if (rng_chance (&rng, 0.04))
                {
                  g_autoptr(GArray) own = make_sentence (&rng);  /* this source's own */
                  append_sentence (out, &v, own, FALSE);
                }
            }
          g_string_truncate (out, out->len - 1);
          g_string_append (out, "\n\n");
          if (rng_chance (&rng, 0.05))
            g_string_append_printf (out, "%s\n\n", furniture[rng_below (&rng, G_N_ELEMENTS (furniture))]);
        }
      if (rng_chance (&rng, 0.5))
        {
          g_autoptr(GArray) teaser = make_sentence (&rng);

          g_string_append (out, "Related\n\n");
          append_sentence (out, &v, teaser, FALSE);
          g_string_append (out, "\n\nSource link\n\nLeave a comment\n");
        }
      texts[s] = g_string_free (out, FALSE);
    }

  g_ptr_array_unref (base);
  vocabulary_clear (&v);
  return texts;
}

/* ------------------------------------------------------------ measurement */

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

typedef struct {
  double align_ms;      /* syn_align() alone */
  double total_ms;      /* the whole pipeline */
  guint  n_passages;
  guint  n_groups;
} Result;

/* Runs the pipeline on @texts; the alignment stage is timed on its own
 * from the segments the pipeline made. */
static gboolean
measure (char   **texts,
         guint    n,
         guint    repeat,
         Result  *res)
{
  g_autofree SynSourceText *sources = g_new0 (SynSourceText, n + 1);

  for (guint i = 0; i < n; i++)
    {
      sources[i].text = texts[i];
      sources[i].len = strlen (texts[i]);
    }
  res->total_ms = res->align_ms = G_MAXDOUBLE;
  for (guint r = 0; r < repeat; r++)
    {
      double t0 = now_ms (), t1, t2;
      g_autoptr(SynAlignment) al = syn_alignment_compute (sources, n, SYN_SEGMENT_SENTENCE, NULL, NULL);
      g_autoptr(GArray) segs = NULL;
      g_autoptr(GArray) clusters = NULL;
      const SynSegment *all;
      guint n_segs;

      t1 = now_ms ();
      if (al == NULL)
        return FALSE;
      all = syn_alignment_get_segments (al, &n_segs);
      segs = g_array_sized_new (FALSE, FALSE, sizeof (SynSegment), n_segs);
      g_array_append_vals (segs, all, n_segs);
      t2 = now_ms ();
      clusters = syn_align (sources, n, segs, NULL, NULL);
      res->align_ms = MIN (res->align_ms, now_ms () - t2);
      res->total_ms = MIN (res->total_ms, t1 - t0);
      res->n_passages = n_segs;
      res->n_groups = clusters->len;
    }
  return TRUE;
}

/* Runs one case in a child, so that the peak memory is the case's own. */
static gboolean
run_case (const char  *name,
          char       **(*make) (gpointer data, guint *n),
          gpointer     data,
          guint        repeat)
{
  int fds[2];
  pid_t pid;
  Result res = { 0 };
  struct rusage usage;
  int status = 0;
  ssize_t got;

  if (pipe (fds) != 0)
    return FALSE;
  fflush (stdout);
  pid = fork ();
  if (pid < 0)
    return FALSE;
  if (pid == 0)
    {
      guint n = 0;
      char **texts = make (data, &n);
      gboolean ok = texts != NULL && measure (texts, n, repeat, &res);

      if (write (fds[1], &res, sizeof res) != (ssize_t) sizeof res)
        ok = FALSE;
      g_strfreev (texts);
      _exit (ok ? 0 : 1);
    }
  close (fds[1]);
  got = read (fds[0], &res, sizeof res);
  close (fds[0]);
  if (wait4 (pid, &status, 0, &usage) < 0 || !WIFEXITED (status) ||
      WEXITSTATUS (status) != 0 || got != (ssize_t) sizeof res)
    {
      printf ("%-28s failed\n", name);
      return FALSE;
    }
  printf ("%-22s %6u passages %6u groups  align %8.2f ms  whole %8.2f ms  cpu %8.2f ms  peak %6.1f MB\n",
          name, res.n_passages, res.n_groups, res.align_ms, res.total_ms,
          (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
          (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0,
          usage.ru_maxrss / 1024.0);
  return TRUE;
}

/* The first use of the word-vector table, in a child of its own: the
 * time to map and check it and look a few words up, and the child's
 * peak resident size (the pages touched, not the table's size). */
static void
measure_first_use (void)
{
  static const char * const words[] = { "troops", "soldiers", "verdict", "ruling" };
  struct rusage usage;
  int status = 0;
  pid_t pid;

  fflush (stdout);
  pid = fork ();
  if (pid < 0)
    return;
  if (pid == 0)
    {
      double t0 = now_ms ();
      SynWordVectors *vectors = syn_word_vectors_get_default ();
      SynWordVector v;
      guint found = 0;

      for (guint i = 0; vectors != NULL && i < G_N_ELEMENTS (words); i++)
        found += syn_word_vectors_lookup (vectors, words[i], &v);
      if (vectors == NULL)
        printf ("%-22s none (words are matched by spelling alone)\n", "word vectors");
      else
        printf ("%-22s %6u words, first use (map, check, %u lookups) %6.2f ms\n",
                "word vectors", syn_word_vectors_get_size (vectors), found, now_ms () - t0);
      fflush (stdout);
      _exit (0);
    }
  if (wait4 (pid, &status, 0, &usage) >= 0)
    printf ("%-22s peak %6.1f MB after the first use\n", "", usage.ru_maxrss / 1024.0);
}

static int
cmp_strings (gconstpointer a,
             gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

static char **
make_seeds (gpointer data,
            guint   *n)
{
  const char *dir = data;
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  char **texts;
  const char *name;

  if (d == NULL)
    return NULL;
  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (name, ".txt"))
      g_ptr_array_add (names, g_build_filename (dir, name, NULL));
  g_ptr_array_sort (names, cmp_strings);
  texts = g_new0 (char *, names->len + 1);
  for (guint i = 0; i < names->len; i++)
    if (!g_file_get_contents (g_ptr_array_index (names, i), &texts[i], NULL, NULL))
      {
        g_strfreev (texts);
        return NULL;
      }
  *n = names->len;
  return names->len > 0 ? texts : (g_strfreev (texts), NULL);
}

/* With SYN_BENCH_DUMP=DIR, the synthetic sources are also written there,
 * to look at or to run the export on. */
static void
dump_texts (const StorySpec  *spec,
            char            **texts)
{
  const char *dir = g_getenv ("SYN_BENCH_DUMP");

  if (dir == NULL)
    return;
  for (guint i = 0; i < spec->n_sources; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s/syn-%ux%u-%02u.txt", dir, spec->n_sources,
                                               spec->n_sentences, i);
      g_file_set_contents (name, texts[i], -1, NULL);
    }
}

static char **
make_synthetic (gpointer data,
                guint   *n)
{
  const StorySpec *spec = data;
  char **texts = make_story (spec);

  *n = spec->n_sources;
  dump_texts (spec, texts);
  return texts;
}

int
main (int   argc,
      char *argv[])
{
  const char *seeds = argc > 1 ? argv[1] : g_getenv ("SYN_BENCH_SEEDS");
  const StorySpec specs[] = {
    { 5, 40, 0.25, 0.15, 1 },
    { 5, 200, 0.25, 0.15, 2 },
    { 50, 200, 0.25, 0.15, 3 },
    { 2, 20000, 0.15, 0.01, 4 },
  };
  gboolean ok = TRUE;

  printf ("alignment benchmark: align = syn_align() alone, whole = segment, classify, align and\n"
          "compare after loading (best of the runs, wall clock); cpu = all the case's runs and\n"
          "its text generation; peak = the case's ru_maxrss\n");
  syn_vectors_install ();
  measure_first_use ();
  if (seeds != NULL && g_file_test (seeds, G_FILE_TEST_IS_DIR))
    ok &= run_case ("seeds", make_seeds, (gpointer) seeds, 20);
  else
    printf ("%-28s skipped (pass the seeds' directory or set SYN_BENCH_SEEDS)\n", "seeds");

  for (guint i = 0; i < G_N_ELEMENTS (specs); i++)
    {
      g_autofree char *name = g_strdup_printf ("synthetic %u x %u", specs[i].n_sources, specs[i].n_sentences);

      ok &= run_case (name, make_synthetic, (gpointer) &specs[i], specs[i].n_sentences > 1000 ? 1 : 3);
    }
  return ok ? 0 : 1;
}
