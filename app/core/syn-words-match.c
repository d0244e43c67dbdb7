/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Linking the words of two versions of one passage, the way a person
 * aligning words by hand would: first the words both versions share in
 * the same order, then the words that merely moved ("said Biden" / "Biden
 * said"), and last what is left between two pairs. Words on both sides of
 * such a gap say the same thing differently ("impartial ruling" / "just
 * verdict"); words facing nothing are added.
 *
 * 1. The ordered chain: a maximum-weight common subsequence (dynamic
 *    programming, as xdiff's LCS but weighted). Identical norms weigh
 *    most, equal stems less, near spellings (edit distance within 30 %,
 *    or one part of a compound) less again; function words weigh little,
 *    so the chain follows the content words. Passages too long for one
 *    table are first cut at words that occur once in each version
 *    (patience anchors).
 * 2. Moved words: remaining content words with the same norm, stem or a
 *    near spelling, nearest relative position first, with the function
 *    words beside them, since a moved phrase moves whole; also words split
 *    or joined differently ("buildup" / "build up"), an abbreviation and
 *    the words it abbreviates ("EU" / "European Union"; never a function
 *    word, so the pronoun "us" stays itself), and the days of a date
 *    written in another order.
 * 3. Gaps: a number facing a number of its kind in a short gap is a
 *    NUMBER. Every other open word is judged by a small logistic model of
 *    "left unaligned by people" over features of the word, its gap and
 *    the two versions as wholes (the F_* list below), fitted on human word
 *    alignments: below its threshold a word facing words is CHANGED, one
 *    facing nothing MINOR (no counterpart, too slight to be a divergence).
 *    A lone article facing nothing is always MINOR; punctuation is not
 *    judged (syn-diverge.c lets it go with its words).
 * 4. Shared leftovers: a run of two or more words that both versions
 *    still leave added, in the same order, is linked as moved: "have
 *    been" beside a reworded verb on either side of a shared clause is
 *    said by both (the chain could take only one side of the clause, and
 *    function words move only beside a moved content word). A lone
 *    shared "the" or "with" is left alone: it belongs to different
 *    phrases as often as not.
 * 5. Meaning: for English versions, when a word-vector table is at hand
 *    (GloVe, syn-word-vectors.c), content words still added or merely
 *    facing a gap are linked one to one to the open content words of the
 *    other version most alike in meaning, best pairs first, when their
 *    cosine reaches SIMILAR_MIN ("troops" / "soldiers"): a paraphrase is
 *    CHANGED, not added. Function words are left to the gap model:
 *    their vectors are all alike, and linking them undid true additions.
 *
 * Each step is at most quadratic in the words of one passage; nothing here
 * compares passages with each other. The figures behind the model, and
 * what was tried and dropped: tests/eval/NOTES.md.
 */
#define G_LOG_DOMAIN "syn-core"

#include "config.h"

#include <math.h>
#include <string.h>

#include "syn-normalize.h"
#include "syn-words-match-private.h"

#define W_CONTENT 200
#define W_STEM    180
#define W_FUZZY   120
#define W_STOP     30
#define W_STOP_STEM 20
#define W_PUNCT    10

/* Cells of the DP table filled in one go (4 MB of scores). */
#define DP_LIMIT   (1u << 20)
/* Words on either side of a gap beyond which facing numbers are not taken
 * for the same fact. */
#define NUMBER_GAP 5
/* Pairs examined for moved words. */
#define MOVE_LIMIT (1u << 24)

/* function words and punctuation */
static inline gboolean
is_stop (const SynWord *w)
{
  return (w->flags & (SYN_TOKEN_STOPWORD | SYN_WORD_PUNCT)) != 0;
}

static inline gboolean
is_number (const SynWord *w)
{
  return (w->flags & SYN_TOKEN_NUMBER) != 0;
}

/* a word proper: neither punctuation nor a dropped word */
static inline gboolean
is_proper (const SynWord *w)
{
  return w->cls != 0 && (w->flags & SYN_WORD_PUNCT) == 0;
}

/* The edit distance, or some value above @limit as soon as every path
 * exceeds it. */
static guint
edit_distance (const char *a,
               guint       la,
               const char *b,
               guint       lb,
               guint       limit)
{
  guint row[65];

  g_assert (lb < G_N_ELEMENTS (row));
  for (guint j = 0; j <= lb; j++)
    row[j] = j;
  for (guint i = 1; i <= la; i++)
    {
      guint diag = row[0], low;

      row[0] = low = i;
      for (guint j = 1; j <= lb; j++)
        {
          guint up = row[j];
          guint best = diag + (a[i - 1] != b[j - 1]);

          best = MIN (best, up + 1);
          best = MIN (best, row[j - 1] + 1);
          diag = up;
          row[j] = best;
          low = MIN (low, best);
        }
      /* a row's least entry never decreases below */
      if (low > limit)
        return low;
    }
  return row[lb];
}

/* "bashir" in "al-bashir", "denominational" in "non-denominational" */
static gboolean
is_part_of (const SynWord *part,
            const SynWord *whole)
{
  if ((whole->flags & SYN_TOKEN_COMPOUND) == 0 || part->len < 3 || part->len >= whole->len)
    return FALSE;
  return memcmp (whole->norm, part->norm, part->len) == 0 ||
         memcmp (whole->norm + whole->len - part->len, part->norm, part->len) == 0;
}

static gboolean
fuzzy_equal (const SynWord *a,
             const SynWord *b)
{
  guint longer, d;

  if (a->len < 4 || b->len < 4 || ((a->flags | b->flags) & (SYN_TOKEN_NUMBER | SYN_TOKEN_STOPWORD)) != 0)
    return FALSE;
  /* every way below to be alike but a compound's tail starts alike */
  if (a->norm[0] != b->norm[0] && ((a->flags | b->flags) & SYN_TOKEN_COMPOUND) == 0)
    return FALSE;
  if (is_part_of (a, b) || is_part_of (b, a))
    return TRUE;
  {
    guint cp = 0, shorter = MIN (a->len, b->len);
    while (cp < shorter && a->norm[cp] == b->norm[cp])
      cp++;
    /* one family: expiration / expiring, explanation / explain */
    if (cp >= 5 && cp * 5 >= shorter * 3)
      return TRUE;
  }
  if (a->norm[0] != b->norm[0] || a->len > 64 || b->len > 64 ||
      (a->len > b->len ? a->len - b->len : b->len - a->len) > 3)
    return FALSE;
  longer = MAX (a->len, b->len);
  d = edit_distance (a->norm, a->len, b->norm, b->len, longer * 3 / 10);
  return d * 10 <= longer * 3;
}

/* Whether a word can weigh anything against a different word: a content
 * word long enough to have spelling variants (see fuzzy_equal()). */
static inline gboolean
may_be_variant (const SynWord *w)
{
  return w->cls != 0 && w->len >= 4 &&
         (w->flags & (SYN_WORD_PUNCT | SYN_TOKEN_STOPWORD | SYN_TOKEN_NUMBER)) == 0;
}

static guint
weight (const SynWord *a,
        const SynWord *b)
{
  gboolean stop;

  if (a->cls == 0 || b->cls == 0)
    return 0;
  /* Most pairs: two different words. Only a content word's variant can
   * weigh anything then (the same as the full rules below). */
  if (a->cls != b->cls && a->stem != b->stem)
    {
      if (((a->flags | b->flags) & (SYN_WORD_PUNCT | SYN_TOKEN_STOPWORD | SYN_TOKEN_NUMBER)) != 0)
        return 0;
      return fuzzy_equal (a, b) ? W_FUZZY : 0;
    }
  if (((a->flags | b->flags) & SYN_WORD_PUNCT) != 0)
    return a->cls == b->cls ? W_PUNCT : 0;
  stop = is_stop (a) || is_stop (b);
  if (a->cls == b->cls)
    return stop ? W_STOP : W_CONTENT;
  if (is_number (a) || is_number (b))
    return 0;
  if (a->stem == b->stem)
    return stop ? W_STOP_STEM : W_STEM;
  if (!stop && fuzzy_equal (a, b))
    return W_FUZZY;
  return 0;
}

static void
link_words (SynWordLink     *la,
            SynWordLink     *lb,
            guint            i,
            guint            j,
            SynWordLinkKind  kind)
{
  la[i].kind = kind;
  la[i].first = la[i].last = j;
  lb[j].kind = kind;
  lb[j].first = lb[j].last = i;
}

/* ---------------------------------------------------------------- chain */

/* The maximum-weight common subsequence of a[a0:a1] and b[b0:b1], linked
 * as SAME. */
static void
chain_dp (const SynWord *a,
          guint          a0,
          guint          a1,
          const SynWord *b,
          guint          b0,
          guint          b1,
          SynWordLink   *la,
          SynWordLink   *lb)
{
  guint m = a1 - a0, n = b1 - b0, cols = n + 1;
  g_autofree guint32 *score = NULL;
  g_autofree guint8 *w = NULL;
  g_autofree gboolean *variant = NULL;
  guint i, j;

  if (m == 0 || n == 0)
    return;
  score = g_new0 (guint32, (gsize) (m + 1) * cols);
  w = g_new (guint8, (gsize) m * n);
  variant = g_new (gboolean, n);
  for (j = 0; j < n; j++)
    variant[j] = may_be_variant (&b[b0 + j]);
  for (i = 1; i <= m; i++)
    {
      const SynWord *x = &a[a0 + i - 1];
      gboolean x_variant = may_be_variant (x);

      for (j = 1; j <= n; j++)
        {
          const SynWord *y = &b[b0 + j - 1];
          guint32 best = MAX (score[(i - 1) * cols + j], score[i * cols + j - 1]);
          guint8 wij;

          /* most pairs are two different words, which weigh nothing
           * unless both may be spelling variants (as weight() says) */
          if (x->cls == y->cls || x->stem == y->stem)
            wij = (guint8) weight (x, y);
          else
            wij = x_variant && variant[j - 1] && fuzzy_equal (x, y) ? W_FUZZY : 0;

          w[(i - 1) * n + j - 1] = wij;
          if (wij > 0)
            best = MAX (best, score[(i - 1) * cols + j - 1] + wij);
          score[i * cols + j] = best;
        }
    }

  i = m, j = n;
  while (i > 0 && j > 0)
    {
      guint8 wij = w[(i - 1) * n + j - 1];
      guint32 s = score[i * cols + j];

      if (wij > 0 && s == score[(i - 1) * cols + j - 1] + wij)
        {
          link_words (la, lb, a0 + i - 1, b0 + j - 1, SYN_WORD_LINK_SAME);
          i--, j--;
        }
      else if (s == score[(i - 1) * cols + j])
        i--;
      else
        j--;
    }
}

typedef struct {
  guint count_a, count_b;
  guint pos_a, pos_b;
} Occurrence;

/* Patience anchors: content words that occur once in each version, kept
 * where they form the longest increasing run; the DP then fills the
 * stretches between them that are small enough. */
static void
chain_patience (const SynWord *a,
                guint          m,
                const SynWord *b,
                guint          n,
                SynWordLink   *la,
                SynWordLink   *lb)
{
  g_autoptr(GHashTable) occ = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_autoptr(GArray) pairs = g_array_new (FALSE, FALSE, sizeof (guint) * 2);
  g_autofree guint *tails = NULL, *prev = NULL, *chain = NULL;
  guint n_tails = 0, n_chain = 0, pa = 0, pb = 0;

  for (guint i = 0; i < m; i++)
    {
      Occurrence *o;

      if (a[i].cls == 0 || is_stop (&a[i]))
        continue;
      o = g_hash_table_lookup (occ, GUINT_TO_POINTER (a[i].cls));
      if (o == NULL)
        g_hash_table_insert (occ, GUINT_TO_POINTER (a[i].cls), (o = g_new0 (Occurrence, 1)));
      o->count_a++, o->pos_a = i;
    }
  for (guint j = 0; j < n; j++)
    {
      Occurrence *o = g_hash_table_lookup (occ, GUINT_TO_POINTER (b[j].cls));

      if (o != NULL)
        o->count_b++, o->pos_b = j;
    }
  for (guint i = 0; i < m; i++)
    {
      Occurrence *o = a[i].cls != 0 ? g_hash_table_lookup (occ, GUINT_TO_POINTER (a[i].cls)) : NULL;

      if (o != NULL && o->count_a == 1 && o->count_b == 1)
        {
          guint p[2] = { i, o->pos_b };
          g_array_append_val (pairs, p);
        }
    }

  /* longest increasing subsequence of the b positions */
  tails = g_new (guint, pairs->len + 1);
  prev = g_new (guint, pairs->len + 1);
  for (guint k = 0; k < pairs->len; k++)
    {
      guint jb = ((guint *) (gpointer) pairs->data)[2 * k + 1];
      guint lo = 0, hi = n_tails;

      while (lo < hi)
        {
          guint mid = (lo + hi) / 2;
          if (((guint *) (gpointer) pairs->data)[2 * tails[mid] + 1] < jb)
            lo = mid + 1;
          else
            hi = mid;
        }
      prev[k] = lo > 0 ? tails[lo - 1] : G_MAXUINT;
      tails[lo] = k;
      if (lo == n_tails)
        n_tails++;
    }
  chain = g_new (guint, n_tails + 1);
  for (guint k = n_tails > 0 ? tails[n_tails - 1] : G_MAXUINT; k != G_MAXUINT; k = prev[k])
    chain[n_chain++] = k;

  for (guint c = n_chain; c-- > 0;)
    {
      guint ia = ((guint *) (gpointer) pairs->data)[2 * chain[c]];
      guint jb = ((guint *) (gpointer) pairs->data)[2 * chain[c] + 1];

      if ((gsize) (ia - pa) * (jb - pb) <= DP_LIMIT)
        chain_dp (a, pa, ia, b, pb, jb, la, lb);
      link_words (la, lb, ia, jb, SYN_WORD_LINK_SAME);
      pa = ia + 1, pb = jb + 1;
    }
  if ((gsize) (m - pa) * (n - pb) <= DP_LIMIT)
    chain_dp (a, pa, m, b, pb, n, la, lb);
}

/* ---------------------------------------------------------------- moved */

static void
extend_phrase (const SynWord *a,
               guint          m,
               const SynWord *b,
               guint          n,
               SynWordLink   *la,
               SynWordLink   *lb,
               guint          i,
               guint          j)
{
  for (guint k = 1; k <= i && k <= j; k++)
    {
      if (la[i - k].kind != SYN_WORD_LINK_NONE || lb[j - k].kind != SYN_WORD_LINK_NONE ||
          weight (&a[i - k], &b[j - k]) == 0)
        break;
      link_words (la, lb, i - k, j - k, SYN_WORD_LINK_MOVED);
    }
  for (guint k = 1; i + k < m && j + k < n; k++)
    {
      if (la[i + k].kind != SYN_WORD_LINK_NONE || lb[j + k].kind != SYN_WORD_LINK_NONE ||
          weight (&a[i + k], &b[j + k]) == 0)
        break;
      link_words (la, lb, i + k, j + k, SYN_WORD_LINK_MOVED);
    }
}

typedef enum {
  BY_NORM,
  BY_STEM,
  BY_SPELLING,
} MoveRule;

static gboolean
moved_equal (const SynWord *a,
             const SynWord *b,
             MoveRule       rule)
{
  switch (rule)
    {
    case BY_NORM:
      return a->cls == b->cls;
    case BY_STEM:
      return a->stem == b->stem && !is_number (a) && !is_number (b);
    case BY_SPELLING:
    default:
      return fuzzy_equal (a, b);
    }
}

static void
match_moved (const SynWord *a,
             guint          m,
             const SynWord *b,
             guint          n,
             SynWordLink   *la,
             SynWordLink   *lb,
             MoveRule       rule)
{
  for (guint i = 0; i < m; i++)
    {
      guint best = G_MAXUINT;
      guint64 best_dist = G_MAXUINT64;

      if (la[i].kind != SYN_WORD_LINK_NONE || a[i].cls == 0 || is_stop (&a[i]))
        continue;
      for (guint j = 0; j < n; j++)
        {
          guint64 dist;

          if (lb[j].kind != SYN_WORD_LINK_NONE || is_stop (&b[j]))
            continue;
          if (!moved_equal (&a[i], &b[j], rule))
            continue;
          /* nearest relative position */
          dist = (guint64) i * n > (guint64) j * m ? (guint64) i * n - (guint64) j * m
                                                    : (guint64) j * m - (guint64) i * n;
          if (dist < best_dist)
            best = j, best_dist = dist;
        }
      if (best != G_MAXUINT)
        {
          link_words (la, lb, i, best, SYN_WORD_LINK_MOVED);
          extend_phrase (a, m, b, n, la, lb, i, best);
        }
    }
}

/* "buildup" against "build up", "5million" against "5 million" */
static void
match_split (const SynWord *a,
             guint          m,
             const SynWord *b,
             guint          n,
             SynWordLink   *la,
             SynWordLink   *lb)
{
  for (guint i = 0; i < m; i++)
    {
      if (la[i].kind != SYN_WORD_LINK_NONE || a[i].len < 4 || is_stop (&a[i]))
        continue;
      for (guint j = 0; j + 1 < n; j++)
        {
          const SynWord *x = &b[j], *y = &b[j + 1];

          if (lb[j].kind != SYN_WORD_LINK_NONE || lb[j + 1].kind != SYN_WORD_LINK_NONE ||
              x->len == 0 || y->len == 0 || x->len + y->len != a[i].len ||
              memcmp (a[i].norm, x->norm, x->len) != 0 ||
              memcmp (a[i].norm + x->len, y->norm, y->len) != 0)
            continue;
          la[i].kind = SYN_WORD_LINK_MOVED;
          la[i].first = j, la[i].last = j + 1;
          lb[j].kind = lb[j + 1].kind = SYN_WORD_LINK_MOVED;
          lb[j].first = lb[j].last = lb[j + 1].first = lb[j + 1].last = i;
          break;
        }
    }
}

/* Whether the @k words of @w from @j on are open content words whose
 * initials spell @letters ("united states" for "us"). */
static gboolean
spells_initials (const SynWord     *w,
                 const SynWordLink *l,
                 guint              j,
                 const char        *letters,
                 guint              k)
{
  for (guint t = 0; t < k; t++)
    {
      const SynWord *x = &w[j + t];

      if (l[j + t].kind != SYN_WORD_LINK_NONE || !is_proper (x) || is_stop (x) || is_number (x) ||
          x->norm[0] != letters[t])
        return FALSE;
    }
  return TRUE;
}

/* An abbreviation against the words it abbreviates: "EU" / "European
 * Union", "Nato" / "North Atlantic Treaty Organization". Only a content
 * word of two to five letters, so that the pronoun "us" or "who" never
 * stands for a name; the country "US" or "U.S.", which the tokenizer
 * writes "usa" to keep it apart from the pronoun, also stands for "United
 * States". */
static void
match_initials (const SynWord *a,
                guint          m,
                const SynWord *b,
                guint          n,
                SynWordLink   *la,
                SynWordLink   *lb)
{
  for (guint i = 0; i < m; i++)
    {
      const SynWord *x = &a[i];
      guint k = x->len;
      gboolean letters = k >= 2 && k <= 5;

      for (guint c = 0; letters && c < k; c++)
        letters = g_ascii_isalpha (x->norm[c]);
      if (la[i].kind != SYN_WORD_LINK_NONE || !letters || is_stop (x) || is_number (x))
        continue;
      for (int form = 0; form < 2 && la[i].kind == SYN_WORD_LINK_NONE; form++)
        {
          if (form == 1)
            {
              if (strcmp (x->norm, "usa") != 0)
                break;
              k = 2;
            }
          for (guint j = 0; j + k <= n; j++)
            {
              if (!spells_initials (b, lb, j, x->norm, k))
                continue;
              la[i] = (SynWordLink) { SYN_WORD_LINK_MOVED, j, j + k - 1 };
              for (guint t = 0; t < k; t++)
                lb[j + t] = (SynWordLink) { SYN_WORD_LINK_MOVED, i, i };
              break;
            }
        }
    }
}

/* ---------------------------------------------------------------- numbers */

static gboolean
same_number_kind (const SynWord *a,
                  const SynWord *b)
{
  return ((a->flags ^ b->flags) & SYN_TOKEN_DATE) == 0;
}

/* The nearest word proper beside @i (skipping punctuation), or G_MAXUINT. */
static guint
beside (const SynWord *w,
        guint          n,
        guint          i,
        int            dir)
{
  for (guint k = i; dir < 0 ? k > 0 : k + 1 < n;)
    {
      k = dir < 0 ? k - 1 : k + 1;
      if ((w[k].flags & SYN_WORD_PUNCT) == 0)
        return k;
    }
  return G_MAXUINT;
}

/* A date or amount written in another order ("10 January" / "Jan. 12"):
 * an unlinked number beside a linked part of the same date faces the
 * unlinked number beside that part's counterpart. */
static void
pair_date_parts (const SynWord *a,
                 guint          m,
                 const SynWord *b,
                 guint          n,
                 SynWordLink   *la,
                 SynWordLink   *lb)
{
  for (guint i = 0; i < m; i++)
    {
      if (la[i].kind != SYN_WORD_LINK_NONE || !is_number (&a[i]))
        continue;
      for (int da = -1; da <= 1 && la[i].kind == SYN_WORD_LINK_NONE; da += 2)
        {
          guint k = beside (a, m, i, da);
          guint l;

          if (k == G_MAXUINT || !is_number (&a[k]) ||
              (la[k].kind != SYN_WORD_LINK_SAME && la[k].kind != SYN_WORD_LINK_MOVED))
            continue;
          l = la[k].first;
          for (int db = -1; db <= 1; db += 2)
            {
              guint j = beside (b, n, l, db);

              if (j != G_MAXUINT && lb[j].kind == SYN_WORD_LINK_NONE && is_number (&b[j]) &&
                  same_number_kind (&a[i], &b[j]))
                {
                  link_words (la, lb, i, j, SYN_WORD_LINK_NUMBER);
                  break;
                }
            }
        }
    }
}

/* ---------------------------------------------------------------- gaps */

/* Not (yet) linked to a counterpart: the words a gap decision is about. */
static inline gboolean
is_open (const SynWordLink *l)
{
  return l->kind == SYN_WORD_LINK_NONE || l->kind == SYN_WORD_LINK_CHANGED || l->kind == SYN_WORD_LINK_MINOR;
}

static inline gboolean
is_anchor (const SynWordLink *l)
{
  return l->kind == SYN_WORD_LINK_SAME || l->kind == SYN_WORD_LINK_MOVED;
}

typedef struct {
  guint from, to;      /* the gap: words [from, to) */
  guint first, last;   /* open words, or first == G_MAXUINT */
  guint content;       /* of which content words */
  guint function;      /* of which function words */
  guint numbers;       /* of the content words, numbers */
} GapSide;

static void
gap_side (const SynWord     *w,
          const SynWordLink *l,
          guint              from,
          guint              to,
          GapSide           *side)
{
  *side = (GapSide) { from, to, G_MAXUINT, 0, 0, 0, 0 };
  for (guint i = from; i < to; i++)
    {
      if (!is_open (&l[i]) || w[i].cls == 0)
        continue;
      side->first = MIN (side->first, i);
      side->last = i;
      if ((w[i].flags & SYN_WORD_PUNCT) != 0)
        continue;
      if (is_stop (&w[i]))
        side->function++;
      else
        side->content++;
      side->numbers += is_number (&w[i]);
    }
}

/* A gap holding numbers only, on both sides ("in 2014 after" / "in 2015
 * after"): whatever bounds it, nothing but the other number can stand in
 * a number's place. */
static gboolean
numbers_only (const GapSide *sa,
              const GapSide *sb)
{
  return sa->numbers > 0 && sb->numbers > 0 &&
         sa->numbers == sa->content + sa->function && sb->numbers == sb->content + sb->function;
}

/* English and German articles: a function word that belongs to the noun
 * after it, so that "the Senate" and "Senate" say the same. */
static gboolean
is_article (const SynWord *w)
{
  static const char * const articles[] = {
    "a", "an", "the", "der", "das", "den", "dem", "des",
    "ein", "eine", "einen", "einem", "einer", "eines",
  };

  if ((w->flags & SYN_TOKEN_STOPWORD) == 0 || w->len > 5)
    return FALSE;
  for (guint k = 0; k < G_N_ELEMENTS (articles); k++)
    {
      if (strcmp (w->norm, articles[k]) == 0)
        return TRUE;
    }
  return FALSE;
}

enum {
  F_FUNCTION,      /* a function word */
  F_ARTICLE,       /* an article */
  F_ALONE,         /* the other side of the gap has no word */
  F_OUTNUMBERED,   /* the counting rule: what the other side cannot account for */
  F_LOG_OTHER,     /* log (1 + words on the other side) */
  F_BALANCE,       /* (own - other) / (own + other + 1) words */
  F_LOG_DISTANCE,  /* log (1 + tokens to the nearest word both versions share) */
  F_EDGE,          /* the gap opens or closes the passage */
  F_UNMATCHED,     /* a content word facing function words only */
  F_LONE_ARTICLE,  /* an article in a gap side of function words only */
  F_LENGTH_RATIO,  /* log ((own words + 1) / (other version's words + 1)) */
  F_SHARED,        /* the share of this version's words linked to the other */
  F_POSITION,      /* how far (in relative position) the other version's open words are from the gap's */
  N_FEATURES
};

/* Weights of a logistic model of "left unaligned by people who align
 * words by hand", fitted on the MultiMWA development sets (news
 * translations and Simple Wikipedia together, one model, cross-validated:
 * see tests/eval/NOTES.md); the threshold is folded into the bias. */
static const double added_bias = -4.167;
static const double added_weights[N_FEATURES] = {
  [F_FUNCTION] = 0.607,
  [F_ARTICLE] = -0.384,
  [F_ALONE] = 1.455,
  [F_OUTNUMBERED] = 0.590,
  [F_LOG_OTHER] = 1.350,
  [F_BALANCE] = 1.484,
  [F_LOG_DISTANCE] = 0.556,
  [F_EDGE] = -0.143,
  [F_UNMATCHED] = 0.634,
  [F_LONE_ARTICLE] = -1.249,
  [F_LENGTH_RATIO] = 1.621,
  [F_SHARED] = 2.042,
  [F_POSITION] = 2.129,
};

/* What the gap model knows of one version as a whole: its words proper
 * (neither punctuation nor dropped), how many of them are linked, and
 * the relative positions of those still open. Open words stay open while
 * gaps are judged (ADDED, CHANGED and MINOR are all open), so this is
 * computed once, after the numbers are paired. */
typedef struct {
  const SynWord *w;
  guint         *rank;      /* per word: rank among the words proper, or G_MAXUINT */
  guint          n_proper;
  guint          n_linked;  /* words proper linked in order or moved */
  double        *open_pos;  /* relative positions of the open words proper, ascending */
  guint          n_open;
} VersionView;

static double
relative_position (const VersionView *v,
                   guint              rank)
{
  return v->n_proper > 1 ? (double) rank / (v->n_proper - 1) : 0.0;
}

static void
version_view_init (VersionView       *v,
                   const SynWord     *w,
                   const SynWordLink *l,
                   guint              n)
{
  *v = (VersionView) { w, g_new (guint, n + 1), 0, 0, NULL, 0 };
  for (guint i = 0; i < n; i++)
    {
      v->rank[i] = G_MAXUINT;
      if (!is_proper (&w[i]))
        continue;
      v->rank[i] = v->n_proper++;
      if (is_anchor (&l[i]))
        v->n_linked++;
    }
  v->open_pos = g_new (double, v->n_proper + 1);
  for (guint i = 0; i < n; i++)
    {
      if (v->rank[i] != G_MAXUINT && is_open (&l[i]))
        v->open_pos[v->n_open++] = relative_position (v, v->rank[i]);
    }
}

static void
version_view_clear (VersionView *v)
{
  g_clear_pointer (&v->rank, g_free);
  g_clear_pointer (&v->open_pos, g_free);
}

/* The distance from @pos to the nearest open word of @v, or 1. */
static double
nearest_open (const VersionView *v,
              double             pos)
{
  guint lo = 0, hi = v->n_open;
  double best = 1.0;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      if (v->open_pos[mid] < pos)
        lo = mid + 1;
      else
        hi = mid;
    }
  if (lo < v->n_open)
    best = MIN (best, v->open_pos[lo] - pos);
  if (lo > 0)
    best = MIN (best, pos - v->open_pos[lo - 1]);
  return best;
}

/* For every word of the gap @side of @l (@n words), how many words away
 * the nearest word linked in order or moved is (or @n): the gap is
 * bounded by such words, unless it opens or closes the version. */
static void
anchor_distances (const SynWordLink *l,
                  guint              n,
                  const GapSide     *side,
                  guint             *distance)
{
  guint d = side->from > 0 ? 1 : n;

  for (guint i = side->from; i < side->to; i++)
    {
      if (is_anchor (&l[i]))
        d = 0;
      distance[i - side->from] = d;
      d = MIN (d + 1, n);
    }
  d = side->to < n ? 1 : n;
  for (guint i = side->to; i-- > side->from;)
    {
      if (is_anchor (&l[i]))
        d = 0;
      distance[i - side->from] = MIN (distance[i - side->from], d);
      d = MIN (d + 1, n);
    }
}

/* The features of open word @i of version @view, in a gap whose sides
 * are @self and @other, @distance words from the nearest word both
 * versions share; @them is the other version, whose open words are
 * @position away from this side's (gap_position()). */
static void
gap_features (const VersionView *view,
              const VersionView *them,
              guint              i,
              const GapSide     *self,
              const GapSide     *other,
              guint              distance,
              double             position,
              gboolean           edge,
              double            *x)
{
  const SynWord *w = view->w;
  guint own = self->content + self->function;
  guint theirs = other->content + other->function;
  gboolean function = is_stop (&w[i]);
  gboolean outnumbered;

  if (theirs == 0)
    outnumbered = TRUE;
  else if (function)
    outnumbered = self->function > other->function;
  else
    outnumbered = other->content == 0 || self->content >= other->content + 2;

  x[F_FUNCTION] = function;
  x[F_ARTICLE] = is_article (&w[i]);
  x[F_ALONE] = theirs == 0;
  x[F_OUTNUMBERED] = outnumbered;
  x[F_LOG_OTHER] = log1p ((double) theirs);
  x[F_BALANCE] = ((double) own - (double) theirs) / (own + theirs + 1);
  x[F_LOG_DISTANCE] = log1p ((double) distance);
  x[F_EDGE] = edge;
  x[F_UNMATCHED] = !function && theirs > 0 && other->content == 0;
  x[F_LONE_ARTICLE] = x[F_ARTICLE] && self->content == 0;
  x[F_LENGTH_RATIO] = log ((view->n_proper + 1.0) / (them->n_proper + 1.0));
  x[F_SHARED] = (double) view->n_linked / MAX (view->n_proper, 1);
  x[F_POSITION] = position;
}

static gboolean
is_added (const double *x)
{
  double z = added_bias;

  /* An article alone in a gap that faces nothing belongs to its noun
   * ("the Senate" / "Senate"): people align it so in nearly nine cases
   * in ten, however much else the versions share. */
  if (x[F_LONE_ARTICLE] && x[F_ALONE])
    return FALSE;
  for (guint k = 0; k < N_FEATURES; k++)
    z += added_weights[k] * x[k];
  return z >= 0;
}

/* The open words of one side of a gap: ADDED, CHANGED (other words stand
 * in their place), or MINOR (nothing stands in their place, yet they are
 * too slight to tell). Punctuation is never judged by itself: it faces
 * what the other side has, and goes with the words beside it. */
/* How close, in relative position, the other version @them has an open
 * word to one of the open words of gap side @self: 1 when it has none.
 * Taken for the whole side, so that its words are judged alike. */
static double
gap_position (const VersionView *view,
              const VersionView *them,
              const SynWordLink *l,
              const GapSide     *self)
{
  double best = 1.0;

  for (guint i = self->from; i < self->to; i++)
    {
      if (view->rank[i] != G_MAXUINT && is_open (&l[i]))
        best = MIN (best, nearest_open (them, relative_position (view, view->rank[i])));
    }
  return best;
}

static void
decide_side (const VersionView *view,
             const VersionView *them,
             SynWordLink       *l,
             guint              n,
             const GapSide     *self,
             const GapSide     *other,
             gboolean           edge)
{
  const SynWord *w = view->w;
  gboolean facing = other->content + other->function > 0;
  g_autofree guint *distance = NULL;
  double position;

  if (self->first == G_MAXUINT)
    return;
  distance = g_new (guint, self->to - self->from);
  anchor_distances (l, n, self, distance);
  position = gap_position (view, them, l, self);
  for (guint i = self->first; i <= self->last; i++)
    {
      double x[N_FEATURES];

      if (!is_open (&l[i]) || w[i].cls == 0)
        continue;
      if ((w[i].flags & SYN_WORD_PUNCT) == 0)
        {
          gap_features (view, them, i, self, other, distance[i - self->from], position, edge, x);
          if (is_added (x))
            {
              l[i] = (SynWordLink) { SYN_WORD_LINK_NONE, 0, 0 };
              continue;
            }
        }
      if (facing)
        l[i] = (SynWordLink) { SYN_WORD_LINK_CHANGED, other->first, other->last };
      else if ((w[i].flags & SYN_WORD_PUNCT) == 0)
        l[i] = (SynWordLink) { SYN_WORD_LINK_MINOR, 0, 0 };
      else
        l[i] = (SynWordLink) { SYN_WORD_LINK_NONE, 0, 0 };
    }
}

/* Numbers facing numbers of the same kind (dates, counts), in order. */
static void
pair_numbers (const SynWord *a,
              guint          a0,
              guint          a1,
              const SynWord *b,
              guint          b0,
              guint          b1,
              SynWordLink   *la,
              SynWordLink   *lb)
{
  for (guint i = a0; i < a1; i++)
    {
      if (la[i].kind != SYN_WORD_LINK_NONE || !is_number (&a[i]))
        continue;
      for (guint j = b0; j < b1; j++)
        {
          if (lb[j].kind == SYN_WORD_LINK_NONE && is_number (&b[j]) && same_number_kind (&a[i], &b[j]))
            {
              link_words (la, lb, i, j, SYN_WORD_LINK_NUMBER);
              b0 = j + 1;
              break;
            }
        }
    }
}

typedef struct {
  const SynWord *a, *b;
  guint          m, n;
  SynWordLink       *la, *lb;
  VersionView    va, vb;  /* set for JUDGE */
} Pair;

typedef enum {
  NUMBERS,   /* pair the numbers facing each other */
  JUDGE,     /* judge the open words */
} GapStep;

/* Gap words [a0, a1) of a against [b0, b1) of b. @anchored: the gap is
 * bounded by a content word, so that what faces each other in it may be
 * taken for the same fact. @edge: the gap opens or closes the versions. */
static void
pair_gap (Pair     *pair,
          GapStep   step,
          guint     a0,
          guint     a1,
          guint     b0,
          guint     b1,
          gboolean  anchored,
          gboolean  edge)
{
  GapSide sa, sb;

  gap_side (pair->a, pair->la, a0, a1, &sa);
  gap_side (pair->b, pair->lb, b0, b1, &sb);
  if (step == NUMBERS)
    {
      if ((anchored || numbers_only (&sa, &sb)) &&
          sa.content + sa.function <= NUMBER_GAP && sb.content + sb.function <= NUMBER_GAP)
        pair_numbers (pair->a, a0, a1, pair->b, b0, b1, pair->la, pair->lb);
      return;
    }
  decide_side (&pair->va, &pair->vb, pair->la, pair->m, &sa, &sb, edge);
  decide_side (&pair->vb, &pair->va, pair->lb, pair->n, &sb, &sa, edge);
}

/* Every gap between two consecutive links of the ordered chain. */
static void
pair_gaps (Pair    *pair,
           GapStep  step)
{
  guint pa = 0, pb = 0;
  gboolean left_content = FALSE;

  for (guint i = 0; i < pair->m; i++)
    {
      gboolean content;

      if (pair->la[i].kind != SYN_WORD_LINK_SAME)
        continue;
      content = !is_stop (&pair->a[i]);
      pair_gap (pair, step, pa, i, pb, pair->la[i].first, left_content || content, pa == 0);
      pa = i + 1, pb = pair->la[i].first + 1;
      left_content = content;
    }
  pair_gap (pair, step, pa, pair->m, pb, pair->n, left_content, TRUE);
}

/* ---------------------------------------------------------------- meaning */

/* How alike (the cosine of their vectors) two words must be for one to be
 * taken for the other's paraphrase. Chosen on the MultiMWA news
 * translations (mtref-dev), checked on both of its halves and on Simple
 * Wikipedia: from 0.6 down, links between genuinely added words and
 * words merely of the same field ("police" / "officials") cost more
 * additions than they save paraphrases; above 0.75 few links remain. */
#define SIMILAR_MIN 0.7

/* Whether word @w, linked by @l, may still be linked by meaning: a
 * content word with a vector that nothing of the other version repeats. */
static inline gboolean
may_reword (const SynWord     *w,
            const SynWordLink *l)
{
  return w->vec.q != NULL && !is_stop (w) && !is_number (w) &&
         (l->kind == SYN_WORD_LINK_NONE || l->kind == SYN_WORD_LINK_CHANGED);
}

typedef struct {
  guint  i, j;
  double similarity;
} Similar;

static int
compare_similar (gconstpointer a,
                 gconstpointer b)
{
  const Similar *x = a, *y = b;

  if (x->similarity != y->similarity)
    return x->similarity > y->similarity ? -1 : 1;
  if (x->i != y->i)
    return x->i < y->i ? -1 : 1;
  return (x->j > y->j) - (x->j < y->j);
}

/* Links the words the steps above left added to the words of the other
 * version closest in meaning, one to one, best pairs first, where their
 * vectors are alike enough (SIMILAR_MIN): a paraphrase is CHANGED. */
static void
match_similar (const SynWord  *a,
               guint           m,
               const SynWord  *b,
               guint           n,
               SynWordVectors *vectors,
               SynWordLink    *la,
               SynWordLink    *lb)
{
  g_autoptr(GArray) pairs = g_array_new (FALSE, FALSE, sizeof (Similar));
  g_autofree guint8 *used_a = g_new0 (guint8, m + 1);
  g_autofree guint8 *used_b = g_new0 (guint8, n + 1);

  for (guint i = 0; i < m; i++)
    {
      if (!may_reword (&a[i], &la[i]))
        continue;
      for (guint j = 0; j < n; j++)
        {
          Similar s = { i, j, 0 };

          if (!may_reword (&b[j], &lb[j]) ||
              (la[i].kind != SYN_WORD_LINK_NONE && lb[j].kind != SYN_WORD_LINK_NONE))
            continue;
          s.similarity = syn_word_vectors_cosine (vectors, &a[i].vec, &b[j].vec);
          if (s.similarity >= SIMILAR_MIN)
            g_array_append_val (pairs, s);
        }
    }
  g_array_sort (pairs, compare_similar);
  for (guint k = 0; k < pairs->len; k++)
    {
      const Similar *s = &g_array_index (pairs, Similar, k);

      if (used_a[s->i] || used_b[s->j])
        continue;
      used_a[s->i] = used_b[s->j] = TRUE;
      link_words (la, lb, s->i, s->j, SYN_WORD_LINK_CHANGED);
    }
}

/* The length of the run of words proper left added from a[i] and b[j]
 * on that reads the same in both. */
static guint
shared_run (const SynWord     *a,
            guint              m,
            const SynWord     *b,
            guint              n,
            const SynWordLink *la,
            const SynWordLink *lb,
            guint              i,
            guint              j)
{
  guint k = 0;

  while (i + k < m && j + k < n && is_proper (&a[i + k]) && a[i + k].cls == b[j + k].cls &&
         la[i + k].kind == SYN_WORD_LINK_NONE && lb[j + k].kind == SYN_WORD_LINK_NONE)
    k++;
  return k;
}

/* Words both versions leave added, in the same order ("has been" / "has
 * been" where the chain took other words): both versions say them, so
 * neither added them. Two words at least: a lone "the" or "of" left on
 * both sides belongs to different phrases as often as not. */
static void
match_shared_runs (const SynWord *a,
                   guint          m,
                   const SynWord *b,
                   guint          n,
                   SynWordLink   *la,
                   SynWordLink   *lb)
{
  for (guint i = 0; i + 1 < m; i++)
    {
      if (la[i].kind != SYN_WORD_LINK_NONE || !is_proper (&a[i]))
        continue;
      for (guint j = 0; j + 1 < n; j++)
        {
          guint run = shared_run (a, m, b, n, la, lb, i, j);

          if (run < 2)
            continue;
          for (guint k = 0; k < run; k++)
            link_words (la, lb, i + k, j + k, SYN_WORD_LINK_MOVED);
          break;
        }
    }
}

void
syn_words_match (const SynWord  *a,
                 guint           m,
                 const SynWord  *b,
                 guint           n,
                 SynWordVectors *vectors,
                 SynWordLink    *la,
                 SynWordLink    *lb)
{
  memset (la, 0, sizeof (SynWordLink) * m);
  memset (lb, 0, sizeof (SynWordLink) * n);

  if ((gsize) m * n <= DP_LIMIT)
    chain_dp (a, 0, m, b, 0, n, la, lb);
  else
    chain_patience (a, m, b, n, la, lb);

  if ((gsize) m * n <= MOVE_LIMIT)
    {
      match_moved (a, m, b, n, la, lb, BY_NORM);
      match_moved (a, m, b, n, la, lb, BY_STEM);
      match_moved (a, m, b, n, la, lb, BY_SPELLING);
      match_split (a, m, b, n, la, lb);
      match_split (b, n, a, m, lb, la);
      match_initials (a, m, b, n, la, lb);
      match_initials (b, n, a, m, lb, la);
    }
  pair_date_parts (a, m, b, n, la, lb);

  {
    Pair pair = { a, b, m, n, la, lb, { 0, }, { 0, } };

    /* numbers first, so that the judged words see every pair of them */
    pair_gaps (&pair, NUMBERS);
    version_view_init (&pair.va, a, la, m);
    version_view_init (&pair.vb, b, lb, n);
    pair_gaps (&pair, JUDGE);
    version_view_clear (&pair.va);
    version_view_clear (&pair.vb);
  }
  if ((gsize) m * n <= MOVE_LIMIT)
    match_shared_runs (a, m, b, n, la, lb);
  if (vectors != NULL && (gsize) m * n <= MOVE_LIMIT)
    match_similar (a, m, b, n, vectors, la, lb);
}
