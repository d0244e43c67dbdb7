/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What differs inside each group of corresponding passages, word by word.
 *
 * A group holds passages of several sources; the passages one source
 * contributes (a sentence another outlet merged) are read as one version.
 * Every pair of versions is matched word by word (syn-words-match.c:
 * ordered chain, moved words, substitutions between the chain's links),
 * after normalisation (syn-normalize.c), so that case, punctuation,
 * spelling variants and number formats never count as a difference;
 * between sources in English (told by their function words,
 * syn-language.c) also by meaning, where the word-vector table is at
 * hand (syn-word-vectors.c), so that a paraphrase is not taken for an
 * addition. A word's verdict then combines what every other version
 * says of it:
 *
 * - some other version has the same word (in order or moved), or lacks
 *   it in a way too slight to tell (a lone article): nothing;
 * - otherwise, some version has other words in its place: CHANGED;
 * - otherwise: ADDED, the word is found in no other version.
 *
 * Numbers and quotations are facts one can get wrong, so they are judged
 * by vote rather than by "does anybody agree": a number standing where
 * other versions have a different number is a NUMBER conflict when more
 * sources carry another value than carry its own, and a quotation (found
 * in another version by the words linked into it) is a QUOTE divergence
 * when more sources quote it differently than word for word. The vote
 * decides which other value a mark names ("175,000 here; 100,000 in 3
 * other sources"); every side of a conflict is marked, the majority's as
 * well as the odd one out, so that both values can be seen and reached. A
 * quotation that is a contiguous part of the other (a shorter excerpt of
 * the same words) is the same quotation.
 *
 * Matching every pair costs the square of the group's size, which fifty
 * outlets (1,225 pairs a group) cannot afford. Versions worded alike to
 * the punctuation are matched once and stand for all their copies (200
 * copies of one article cost one version). A group of up to
 * FULL_PAIRS_MAX distinct versions still matches every pair; a larger
 * one matches each version with its PARTNERS most similar versions only
 * (shared content words, ties by content rank), enough to find a
 * counterpart for what it changed, and lets the whole group vote where a
 * vote needs everybody: a word some other source has anywhere is not
 * added (what ADDED means), a number's vote counts every source that has
 * the other value, and the quotations of versions not matched word by
 * word are paired by their stems and voted on like the others.
 *
 * Punctuation takes part in matching as the lightest of words, and goes
 * with the added words beside it, so that an added clause is marked with
 * its commas and brackets; but punctuation alone, like a run of function
 * words alone that merely stands in for other words, is never a
 * divergence. Spans are runs of consecutive words
 * of one verdict in one passage. Everything is computed from the
 * versions' contents alone, with ties broken by the versions' contents
 * rather than the order of the sources, so the result is deterministic
 * and the same whatever the order of the files.
 */
#define G_LOG_DOMAIN "syn-core"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "syn-diverge.h"
#include "syn-language.h"
#include "syn-normalize.h"
#include "syn-token-cache-private.h"
#include "syn-words-match-private.h"

/* Groups of up to this many distinct versions match every pair; larger
 * ones match each version with its PARTNERS closest versions. */
#define FULL_PAIRS_MAX 8
#define PARTNERS       4

typedef struct {
  guint segment;
  gsize start;
  gsize end;
} WordRef;

typedef struct {
  guint version;    /* the other version */
  guint word;       /* this version's number */
  guint partner;    /* the other version's number */
  guint weight;     /* how many sources it stands for */
} NumberLink;

/* A quotation of another version worded otherwise, for how many sources. */
typedef struct {
  guint version;
  guint quotation;
  guint weight;
} QuoteLink;

typedef struct {
  guint   first, last;  /* words of the version */
  guint   n_same;       /* other sources quoting it word for word */
  GArray *differ;       /* QuoteLink: quoting it otherwise */
} Quotation;

typedef struct {
  guint        source;
  guint        rank;          /* by content: breaks ties whatever the order of the sources */
  guint        mult;          /* sources with the same words (for a representative) */
  guint        hash;          /* of the word classes */
  GPtrArray   *token_arrays;  /* GArray of SynToken, one per passage */
  GArray      *words;         /* SynWord */
  GArray      *refs;          /* WordRef, parallel to words */
  guint       *quote_of;      /* per word: quotation index + 1, or 0 */
  GArray      *quotes;        /* Quotation */

  guint       *n_same;        /* per word: other versions with the same word */
  gint        *changed_by;    /* per word: a version with other words in its place, or -1 */
  SynWordLink *changed_link;
  GArray      *numbers;       /* NumberLink */
} Version;

/* Word classes of one cluster; the tables are emptied between clusters.
 * Also where the passages' tokens come from. */
typedef struct {
  GHashTable     *norms;   /* norm -> class */
  GHashTable     *stems;   /* stem (owned) -> class */
  GArray         *stem_of; /* guint: the stem class of norm class i + 1 */
  SynTokenCache  *tokens;  /* shared with the aligner, or NULL */
  SynWordVectors *vectors; /* for the sources in English, or NULL */
  guint8         *english; /* per source: in English */
} Classes;

/* A word proper: neither a dropped honorific nor punctuation. */
static inline gboolean
is_word (const SynWord *w)
{
  return w->cls != 0 && (w->flags & SYN_WORD_PUNCT) == 0;
}

static guint
class_of (GHashTable *table,
          const char *key,
          gboolean    owned)
{
  gpointer value;

  if (g_hash_table_lookup_extended (table, key, NULL, &value))
    {
      if (owned)
        g_free ((char *) key);
      return GPOINTER_TO_UINT (value);
    }
  value = GUINT_TO_POINTER (g_hash_table_size (table) + 1);
  g_hash_table_insert (table, (char *) key, value);
  return GPOINTER_TO_UINT (value);
}

static void
quotation_clear (gpointer data)
{
  Quotation *q = data;
  g_clear_pointer (&q->differ, g_array_unref);
}

static void
version_clear (Version *v)
{
  g_clear_pointer (&v->token_arrays, g_ptr_array_unref);
  g_clear_pointer (&v->words, g_array_unref);
  g_clear_pointer (&v->refs, g_array_unref);
  g_clear_pointer (&v->quote_of, g_free);
  g_clear_pointer (&v->quotes, g_array_unref);
  g_clear_pointer (&v->n_same, g_free);
  g_clear_pointer (&v->changed_by, g_free);
  g_clear_pointer (&v->changed_link, g_free);
  g_clear_pointer (&v->numbers, g_array_unref);
}

/* The class of a punctuation mark: quotation marks and dashes of every
 * style are one mark each. */
static guint
punctuation_class (gunichar c)
{
  switch (c)
    {
    case 0x201C: case 0x201D: case 0x201E: case 0x00AB: case 0x00BB: case '`':
      c = '"';
      break;
    case 0x2018: case 0x2019: case 0x201A: case 0x2039: case 0x203A:
      c = '\'';
      break;
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212:
      c = '-';
      break;
    default:
      break;
    }
  return SYN_WORD_PUNCT_CLASS | c;
}

static void
add_word (Version       *v,
          const SynWord *w,
          guint          segment,
          gsize          start,
          gsize          end)
{
  WordRef ref = { segment, start, end };

  g_array_append_val (v->words, *w);
  g_array_append_val (v->refs, ref);
}

/* Punctuation between words takes part in matching as the lightest of
 * words, so that an added clause is marked with its commas and brackets;
 * alone it is never a divergence. */
static void
add_punctuation (Version    *v,
                 const char *text,
                 gsize       from,
                 gsize       to,
                 guint       segment)
{
  gsize i = from;

  while (i < to)
    {
      const char *p = text + i;
      gunichar c = g_utf8_get_char_validated (p, (gssize) (to - i));
      gsize len = (c == (gunichar) -1 || c == (gunichar) -2) ? 1 : (gsize) g_utf8_skip[(guchar) *p];

      if (c != (gunichar) -1 && c != (gunichar) -2 && !g_unichar_isspace (c))
        {
          SynWord w = { "", 0, 0, 0, SYN_WORD_PUNCT, { NULL, 0 } };

          /* `` and '' of tokenized text are one mark */
          if ((c == '`' || c == '\'') && i + 1 < to && text[i + 1] == (char) c)
            len = 2, c = '"';
          w.cls = w.stem = punctuation_class (c);
          add_word (v, &w, segment, i, i + len);
        }
      i += len;
    }
}

/* A capitalised word inside a sentence: a name. Names are not linked by
 * meaning, since two people or places alike in the vectors ("Putin" /
 * "Medvedev") are not one said otherwise. */
static gboolean
is_name (const char     *text,
         const SynToken *tok,
         guint           index)
{
  gunichar c;

  if (index == 0)
    return FALSE;
  c = g_utf8_get_char_validated (text + tok->start, (gssize) (tok->end - tok->start));
  return c != (gunichar) -1 && c != (gunichar) -2 && g_unichar_isupper (c);
}

static void
add_passage (Version             *v,
             const SynSourceText *source,
             const SynSegment    *seg,
             guint                segment,
             Classes             *classes)
{
  GArray *tokens = classes->tokens != NULL
    ? g_array_ref (syn_token_cache_get (classes->tokens, segment))
    : syn_tokenize (source->text, seg->start, seg->end);
  gint last_quote = -1;
  gsize pos = seg->start;

  g_ptr_array_add (v->token_arrays, tokens);
  for (guint t = 0; t < tokens->len; t++)
    {
      const SynToken *tok = &g_array_index (tokens, SynToken, t);
      SynWord w = { tok->norm, (guint) strlen (tok->norm), 0, 0, tok->flags, { NULL, 0 } };

      add_punctuation (v, source->text, pos, tok->start, segment);
      pos = tok->end;
      if (w.len > 0)
        {
          guint known = g_hash_table_size (classes->norms);

          w.cls = class_of (classes->norms, tok->norm, FALSE);
          if (w.cls > known)
            {
              guint stem = class_of (classes->stems, syn_stem (tok->norm), TRUE);
              g_array_append_val (classes->stem_of, stem);
            }
          w.stem = g_array_index (classes->stem_of, guint, w.cls - 1);
          if (classes->vectors != NULL && classes->english[v->source] &&
              (w.flags & (SYN_TOKEN_STOPWORD | SYN_TOKEN_NUMBER)) == 0 &&
              !is_name (source->text, tok, t))
            syn_word_vectors_lookup (classes->vectors, w.norm, &w.vec);
        }
      if (tok->quote >= 0)
        {
          if (tok->quote != last_quote)
            {
              Quotation q = { v->words->len, v->words->len, 0, NULL };
              g_array_append_val (v->quotes, q);
              last_quote = tok->quote;
            }
          g_array_index (v->quotes, Quotation, v->quotes->len - 1).last = v->words->len;
        }
      add_word (v, &w, segment, tok->start, tok->end);
    }
  add_punctuation (v, source->text, pos, seg->end, segment);
}

static void
version_init (Version             *v,
              guint                source,
              const SynSourceText *sources,
              const GArray        *segments,
              const guint         *members,
              guint                n_members,
              Classes             *classes)
{
  guint n;

  memset (v, 0, sizeof *v);
  v->source = source;
  v->token_arrays = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  v->words = g_array_new (FALSE, FALSE, sizeof (SynWord));
  v->refs = g_array_new (FALSE, FALSE, sizeof (WordRef));
  v->quotes = g_array_new (FALSE, TRUE, sizeof (Quotation));
  g_array_set_clear_func (v->quotes, quotation_clear);
  v->numbers = g_array_new (FALSE, FALSE, sizeof (NumberLink));

  for (guint k = 0; k < n_members; k++)
    add_passage (v, &sources[source], &g_array_index (segments, SynSegment, members[k]),
                 members[k], classes);

  n = v->words->len;
  v->quote_of = g_new0 (guint, n + 1);
  for (guint q = 0; q < v->quotes->len; q++)
    {
      const Quotation *quote = &g_array_index (v->quotes, Quotation, q);
      for (guint i = quote->first; i <= quote->last; i++)
        v->quote_of[i] = q + 1;
    }
  v->n_same = g_new0 (guint, n + 1);
  v->changed_by = g_new (gint, n + 1);
  v->changed_link = g_new0 (SynWordLink, n + 1);
  for (guint i = 0; i < n; i++)
    v->changed_by[i] = -1;
}

/* ------------------------------------------------------------ verdicts */

static void
fold_links (Version           *self,
            const Version     *versions,
            guint              other,
            const SynWordLink *links)
{
  guint weight = versions[other].mult;

  for (guint i = 0; i < self->words->len; i++)
    {
      switch (links[i].kind)
        {
        case SYN_WORD_LINK_SAME:
        case SYN_WORD_LINK_MOVED:
        case SYN_WORD_LINK_MINOR:
          self->n_same[i] += weight;
          break;
        case SYN_WORD_LINK_CHANGED:
          if (self->changed_by[i] < 0 || versions[other].rank < versions[self->changed_by[i]].rank)
            {
              self->changed_by[i] = (gint) other;
              self->changed_link[i] = links[i];
            }
          break;
        case SYN_WORD_LINK_NUMBER:
          {
            NumberLink nl = { other, i, links[i].first, weight };
            g_array_append_val (self->numbers, nl);
          }
          break;
        case SYN_WORD_LINK_NONE:
        default:
          break;
        }
    }
}

/* The classes of the words proper of words [first, last] of @v. */
static GArray *
word_classes (const Version *v,
              guint          first,
              guint          last)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = first; i <= last && i < v->words->len; i++)
    {
      const SynWord *w = &g_array_index (v->words, SynWord, i);

      if (is_word (w))
        g_array_append_val (out, w->cls);
    }
  return out;
}

static gboolean
contains (const GArray *haystack,
          const GArray *needle)
{
  if (needle->len > haystack->len)
    return FALSE;
  for (guint s = 0; s + needle->len <= haystack->len; s++)
    {
      if (memcmp (&g_array_index (haystack, guint, s), needle->data, sizeof (guint) * needle->len) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Whether the words of quotation @qa of @a are those of @qb of @b, or a
 * contiguous part of them, or the reverse. */
static gboolean
same_quotation (const Version *a,
                guint          qa,
                const Version *b,
                guint          qb)
{
  const Quotation *x = &g_array_index (a->quotes, Quotation, qa);
  const Quotation *y = &g_array_index (b->quotes, Quotation, qb);
  g_autoptr(GArray) cx = word_classes (a, x->first, x->last);
  g_autoptr(GArray) cy = word_classes (b, y->first, y->last);

  if (cx->len == 0 || cy->len == 0)
    return cx->len == cy->len;
  return contains (cx, cy) || contains (cy, cx);
}

static guint
content_length (const Version *v,
                guint          first,
                guint          last)
{
  guint n = 0;

  for (guint i = first; i <= last && i < v->words->len; i++)
    n += is_word (&g_array_index (v->words, SynWord, i));
  return n;
}

/* Quotation @q of @a has quotation @best of @b as its likeliest
 * counterpart, with @votes of its words linked there: when at least half
 * of the shorter quotation is linked, count @b as quoting the same words
 * or as quoting them differently. */
static void
record_counterpart (Version       *a,
                    guint          q,
                    const Version *b,
                    guint          b_index,
                    guint          best,
                    guint          votes)
{
  Quotation *quote = &g_array_index (a->quotes, Quotation, q);
  const Quotation *other = &g_array_index (b->quotes, Quotation, best);
  guint len_a, len_b;

  if (votes == 0)
    return;
  len_a = content_length (a, quote->first, quote->last);
  len_b = content_length (b, other->first, other->last);
  if (votes * 2 < MIN (len_a, len_b) || (votes < 2 && MIN (len_a, len_b) > 1))
    return;
  if (same_quotation (a, q, b, best))
    quote->n_same += b->mult;
  else
    {
      QuoteLink ql = { b_index, best, b->mult };

      if (quote->differ == NULL)
        quote->differ = g_array_new (FALSE, FALSE, sizeof (QuoteLink));
      g_array_append_val (quote->differ, ql);
    }
}

/* Finds, for each quotation of @a, the quotation of @b its words are
 * linked into, and records whether they are worded alike. */
static void
fold_quotations (Version           *a,
                 const Version     *b,
                 guint              b_index,
                 const SynWordLink *links)
{
  g_autofree guint *votes = NULL;

  if (a->quotes->len == 0 || b->quotes->len == 0)
    return;
  votes = g_new (guint, b->quotes->len);
  for (guint q = 0; q < a->quotes->len; q++)
    {
      Quotation *quote = &g_array_index (a->quotes, Quotation, q);
      guint best = 0, best_votes = 0;

      memset (votes, 0, sizeof (guint) * b->quotes->len);
      for (guint i = quote->first; i <= quote->last; i++)
        {
          if (links[i].kind != SYN_WORD_LINK_NONE && links[i].kind != SYN_WORD_LINK_MINOR &&
              is_word (&g_array_index (a->words, SynWord, i)) &&
              b->quote_of[links[i].first] != 0)
            votes[b->quote_of[links[i].first] - 1]++;
        }
      for (guint r = 0; r < b->quotes->len; r++)
        {
          if (votes[r] > best_votes)
            best = r, best_votes = votes[r];
        }
      record_counterpart (a, q, b, b_index, best, best_votes);
    }
}

/* In a bounded group, the quotations of two versions not matched word by
 * word: a quotation of @b is the counterpart of one of @a when enough of
 * its words share their stems, then voted on as fold_quotations() does,
 * so that every source of the group takes part in a quotation's vote. */
static void
fold_quotations_by_stem (Version       *a,
                         const Version *b,
                         guint          b_index)
{
  g_autofree guint *votes = NULL;

  if (a->quotes->len == 0 || b->quotes->len == 0)
    return;
  votes = g_new (guint, b->quotes->len);
  for (guint q = 0; q < a->quotes->len; q++)
    {
      Quotation *quote = &g_array_index (a->quotes, Quotation, q);
      guint best = 0, best_votes = 0;

      for (guint r = 0; r < b->quotes->len; r++)
        {
          const Quotation *other = &g_array_index (b->quotes, Quotation, r);

          votes[r] = 0;
          for (guint i = quote->first; i <= quote->last && i < a->words->len; i++)
            {
              const SynWord *w = &g_array_index (a->words, SynWord, i);

              if (!is_word (w))
                continue;
              for (guint j = other->first; j <= other->last && j < b->words->len; j++)
                {
                  if (g_array_index (b->words, SynWord, j).stem == w->stem)
                    {
                      votes[r]++;
                      break;
                    }
                }
            }
          if (votes[r] > best_votes)
            best = r, best_votes = votes[r];
        }
      record_counterpart (a, q, b, b_index, best, best_votes);
    }
}

/* ------------------------------------------------------------ spans */

typedef struct {
  GArray        *out;        /* SynDivergence */
  Version       *versions;
  guint          n_versions;
  const GArray  *segments;
  const guint   *present;    /* bounded groups: per word class, sources having it; else NULL */
} Emitter;

static const WordRef *
ref_at (const Version *v,
        guint          i)
{
  return &g_array_index (v->refs, WordRef, i);
}

/* The next word proper after (@dir = 1) or before (@dir = -1) word @i in
 * the same passage, within a few bytes, or G_MAXUINT. */
static guint
near_word (const Version *v,
           guint          i,
           int            dir)
{
  guint k = i;

  for (;;)
    {
      if ((dir < 0 && k == 0) || (dir > 0 && k + 1 >= v->words->len))
        return G_MAXUINT;
      k = dir > 0 ? k + 1 : k - 1;
      if (ref_at (v, k)->segment != ref_at (v, i)->segment)
        return G_MAXUINT;
      if (dir > 0 ? ref_at (v, k)->start - ref_at (v, i)->end > 3
                  : ref_at (v, i)->start - ref_at (v, k)->end > 3)
        return G_MAXUINT;
      if (is_word (&g_array_index (v->words, SynWord, k)))
        return k;
    }
}

/* Widens a number to the date or amount it is part of ("Jan. 12"). */
static void
number_extent (const Version *v,
               guint          i,
               guint         *first,
               guint         *last)
{
  guint k;

  *first = *last = i;
  while ((k = near_word (v, *first, -1)) != G_MAXUINT &&
         (g_array_index (v->words, SynWord, k).flags & SYN_TOKEN_NUMBER) != 0)
    *first = k;
  while ((k = near_word (v, *last, 1)) != G_MAXUINT &&
         (g_array_index (v->words, SynWord, k).flags & SYN_TOKEN_NUMBER) != 0)
    *last = k;
}

static void
emit (Emitter           *e,
      const Version     *v,
      guint              first,
      guint              last,
      SynDivergenceKind  kind,
      const Version     *other,
      guint              other_first,
      guint              other_last,
      guint              agreeing)
{
  SynDivergence d = { 0, };

  d.segment = ref_at (v, first)->segment;
  d.start = ref_at (v, first)->start;
  d.end = ref_at (v, last)->end;
  d.kind = kind;
  d.counterpart = -1;
  d.agreeing = agreeing;
  if (other != NULL)
    {
      /* the counterpart stays inside one passage of the other version */
      guint seg = ref_at (other, other_first)->segment;

      while (other_last > other_first && ref_at (other, other_last)->segment != seg)
        other_last--;
      d.counterpart = (gint) seg;
      d.other_start = ref_at (other, other_first)->start;
      d.other_end = ref_at (other, other_last)->end;
    }
  g_array_append_val (e->out, d);
}

static gboolean
is_content (const Version *v,
            guint          i)
{
  const SynWord *w = &g_array_index (v->words, SynWord, i);
  return is_word (w) && (w->flags & SYN_TOKEN_STOPWORD) == 0;
}

static void
trim_to_words (const Version *v,
               guint         *first,
               guint         *last)
{
  while (*first < *last && !is_word (&g_array_index (v->words, SynWord, *first)))
    (*first)++;
  while (*last > *first && !is_word (&g_array_index (v->words, SynWord, *last)))
    (*last)--;
}

/* ADDED and CHANGED runs: consecutive words of one verdict in one passage
 * (and, for CHANGED, facing the same version). */
static void
emit_words (Emitter       *e,
            const Version *v,
            const guint8  *verdict)
{
  guint n = v->words->len;

  for (guint i = 0; i < n;)
    {
      guint j = i, last = i;
      gboolean content = FALSE, words = FALSE;

      if (verdict[i] != 1 && verdict[i] != 2)
        {
          i++;
          continue;
        }
      while (j < n && ref_at (v, j)->segment == ref_at (v, i)->segment &&
             (verdict[j] == verdict[i] || g_array_index (v->words, SynWord, j).cls == 0) &&
             (verdict[i] != 2 || verdict[j] != 2 || v->changed_by[j] == v->changed_by[i]))
        {
          if (verdict[j] == verdict[i])
            {
              last = j;
              content |= is_content (v, j);
              words |= is_word (&g_array_index (v->words, SynWord, j));
            }
          j++;
        }
      if (content || (verdict[i] == 1 && words))
        {
          if (verdict[i] == 1)
            emit (e, v, i, last, SYN_DIVERGENCE_ADDED, NULL, 0, 0, 0);
          else
            {
              const Version *o = &e->versions[v->changed_by[i]];
              guint of = G_MAXUINT, ol = 0, f = i, l = last;

              for (guint k = i; k <= last; k++)
                {
                  if (verdict[k] == 2 && v->changed_by[k] == v->changed_by[i])
                    {
                      of = MIN (of, v->changed_link[k].first);
                      ol = MAX (ol, v->changed_link[k].last);
                    }
                }
              /* a changed wording is its words, not the punctuation around */
              trim_to_words (v, &f, &l);
              trim_to_words (o, &of, &ol);
              emit (e, v, f, l, SYN_DIVERGENCE_CHANGED, o, of, ol, 0);
            }
        }
      i = j;
    }
}

static void
emit_numbers (Emitter       *e,
              const Version *v)
{
  guint k = 0, covered = 0;

  /* numbers are grouped by word: the links were appended version by version */
  g_autoptr(GArray) sorted = g_array_copy (v->numbers);

  for (guint a = 1; a < sorted->len; a++)
    {
      NumberLink x = g_array_index (sorted, NumberLink, a);
      guint b = a;

      while (b > 0 && g_array_index (sorted, NumberLink, b - 1).word > x.word)
        {
          g_array_index (sorted, NumberLink, b) = g_array_index (sorted, NumberLink, b - 1);
          b--;
        }
      g_array_index (sorted, NumberLink, b) = x;
    }

  while (k < sorted->len)
    {
      guint word = g_array_index (sorted, NumberLink, k).word;
      guint end = k, best = k, best_count = 0, first, last, of, ol, total = 0;
      const NumberLink *pick;

      while (end < sorted->len && g_array_index (sorted, NumberLink, end).word == word)
        total += g_array_index (sorted, NumberLink, end++).weight;
      /* the value most other sources give instead */
      for (guint x = k; x < end; x++)
        {
          const NumberLink *nx = &g_array_index (sorted, NumberLink, x);
          guint cx = g_array_index (e->versions[nx->version].words, SynWord, nx->partner).cls;
          guint count = 0;

          for (guint y = k; y < end; y++)
            {
              const NumberLink *ny = &g_array_index (sorted, NumberLink, y);
              if (g_array_index (e->versions[ny->version].words, SynWord, ny->partner).cls == cx)
                count += ny->weight;
            }
          /* a bounded group matched a few partners: the whole group votes */
          if (e->present != NULL && cx != 0 && (cx & SYN_WORD_PUNCT_CLASS) == 0)
            count = MAX (count, e->present[cx]);
          if (count > best_count ||
              (count == best_count &&
               e->versions[nx->version].rank < e->versions[g_array_index (sorted, NumberLink, best).version].rank))
            best = x, best_count = count;
        }
      number_extent (v, word, &first, &last);
      /* one divergence per date or amount, not one per part */
      if (e->present != NULL)
        total = best_count;
      /* every side of a conflict is marked, the majority too */
      if (total > 0 && (first >= covered || covered == 0))
        {
          pick = &g_array_index (sorted, NumberLink, best);
          covered = last + 1;
          number_extent (&e->versions[pick->version], pick->partner, &of, &ol);
          emit (e, v, first, last, SYN_DIVERGENCE_NUMBER, &e->versions[pick->version], of, ol, best_count);
        }
      k = end;
    }
}

static void
emit_quotations (Emitter       *e,
                 const Version *v)
{
  for (guint q = 0; q < v->quotes->len; q++)
    {
      const Quotation *quote = &g_array_index (v->quotes, Quotation, q);
      guint best = 0, best_count = 0, total = 0;
      const QuoteLink *links;

      if (quote->differ == NULL)
        continue;
      links = (const QuoteLink *) (gpointer) quote->differ->data;
      for (guint x = 0; x < quote->differ->len; x++)
        total += links[x].weight;
      if (total == 0)
        continue;
      for (guint x = 0; x < quote->differ->len; x++)
        {
          const Version *vx = &e->versions[links[x].version];
          guint count = 0;

          for (guint y = 0; y < quote->differ->len; y++)
            {
              if (same_quotation (vx, links[x].quotation, &e->versions[links[y].version], links[y].quotation))
                count += links[y].weight;
            }
          if (count > best_count || (count == best_count && vx->rank < e->versions[links[best].version].rank))
            best = x, best_count = count;
        }
      {
        const Version *o = &e->versions[links[best].version];
        const Quotation *r = &g_array_index (o->quotes, Quotation, links[best].quotation);
        guint last = quote->last;

        while (last > quote->first && ref_at (v, last)->segment != ref_at (v, quote->first)->segment)
          last--;
        emit (e, v, quote->first, last, SYN_DIVERGENCE_QUOTE, o, r->first, r->last, best_count);
      }
    }
}

static gboolean
is_punctuation (const Version *v,
                guint          i)
{
  return (g_array_index (v->words, SynWord, i).flags & SYN_WORD_PUNCT) != 0;
}

/* The first token that is not punctuation after (@dir = 1) or before
 * (@dir = -1) token @i in its passage, through punctuation that differs
 * (verdict not 0), or G_MAXUINT. */
static guint
beyond_punctuation (const Version *v,
                    const guint8  *verdict,
                    guint          i,
                    int            dir)
{
  guint k = i;

  for (;;)
    {
      if ((dir < 0 && k == 0) || (dir > 0 && k + 1 >= v->words->len))
        return G_MAXUINT;
      k = dir > 0 ? k + 1 : k - 1;
      if (ref_at (v, k)->segment != ref_at (v, i)->segment)
        return G_MAXUINT;
      if (!is_punctuation (v, k))
        return k;
      if (verdict[k] == 0)
        return G_MAXUINT;
    }
}

/* Whether token @i touches the next (@dir = 1) or the previous (@dir =
 * -1) token, with no space between them. */
static gboolean
touches (const Version *v,
         guint          i,
         int            dir)
{
  guint k;

  if ((dir < 0 && i == 0) || (dir > 0 && i + 1 >= v->words->len))
    return FALSE;
  k = dir > 0 ? i + 1 : i - 1;
  if (ref_at (v, k)->segment != ref_at (v, i)->segment)
    return FALSE;
  return dir > 0 ? ref_at (v, k)->start == ref_at (v, i)->end
                 : ref_at (v, k)->end == ref_at (v, i)->start;
}

/* Quotation marks and brackets: they belong to the words they enclose. */
static gboolean
is_enclosing (const Version *v,
              guint          i)
{
  switch (g_array_index (v->words, SynWord, i).cls & ~SYN_WORD_PUNCT_CLASS)
    {
    case '"': case '\'': case '(': case ')': case '[': case ']': case '{': case '}':
      return TRUE;
    default:
      return FALSE;
    }
}

/* Punctuation that differs goes with the added words beside it, so that
 * an inserted clause is marked with its commas; but a quotation mark or
 * a bracket only goes with the words it touches ("he said “the …": the
 * opening mark is not the speaker's). Any other punctuation that differs
 * is left to the wording it faces, or to nothing: alone it is never a
 * divergence. */
static void
attach_punctuation (const Version *v,
                    guint8        *verdict)
{
  guint n = v->words->len;
  g_autofree guint8 *attach = g_new0 (guint8, n + 1);

  for (guint i = 0; i < n; i++)
    {
      if (verdict[i] == 0 || !is_punctuation (v, i))
        continue;
      for (int dir = -1; dir <= 1; dir += 2)
        {
          guint k = beyond_punctuation (v, verdict, i, dir);

          if (k == G_MAXUINT || verdict[k] != 1)
            continue;
          if (is_enclosing (v, i) && touches (v, i, -dir) && !touches (v, i, dir))
            continue;
          attach[i] = TRUE;
        }
    }
  for (guint i = 0; i < n; i++)
    {
      if (verdict[i] != 0 && is_punctuation (v, i))
        verdict[i] = attach[i] ? 1 : verdict[i] == 1 ? 0 : verdict[i];
    }
}

static void
emit_version (Emitter       *e,
              const Version *v)
{
  guint n = v->words->len;
  g_autofree guint8 *verdict = g_new0 (guint8, n + 1);

  /* 0: nothing, 1: added, 2: changed (numbers are judged apart) */
  for (guint i = 0; i < n; i++)
    {
      const SynWord *w = &g_array_index (v->words, SynWord, i);

      if (w->cls == 0 || v->n_same[i] > 0)
        continue;
      verdict[i] = v->changed_by[i] >= 0 ? 2 : 1;
    }
  for (guint k = 0; k < v->numbers->len; k++)
    verdict[g_array_index (v->numbers, NumberLink, k).word] = 0;
  attach_punctuation (v, verdict);

  emit_words (e, v, verdict);
  emit_numbers (e, v);
  emit_quotations (e, v);
}

/* ------------------------------------------------------------ clusters */

static int
compare_uint (gconstpointer a,
              gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;
  return (x > y) - (x < y);
}

static int
compare_versions (const Version *a,
                  const Version *b)
{
  guint n = MIN (a->words->len, b->words->len);

  for (guint i = 0; i < n; i++)
    {
      int c = strcmp (g_array_index (a->words, SynWord, i).norm,
                      g_array_index (b->words, SynWord, i).norm);
      if (c != 0)
        return c;
    }
  return (a->words->len > b->words->len) - (a->words->len < b->words->len);
}

static void
compare_pair (Version        *versions,
              guint           ia,
              guint           ib,
              SynWordVectors *vectors)
{
  Version *a = &versions[ia], *b = &versions[ib];
  guint m = a->words->len, n = b->words->len;
  g_autofree SynWordLink *la = g_new (SynWordLink, m + 1);
  g_autofree SynWordLink *lb = g_new (SynWordLink, n + 1);

  /* the same links whatever the order of the sources */
  if (compare_versions (a, b) <= 0)
    syn_words_match ((SynWord *) (gpointer) a->words->data, m,
                     (SynWord *) (gpointer) b->words->data, n, vectors, la, lb);
  else
    syn_words_match ((SynWord *) (gpointer) b->words->data, n,
                     (SynWord *) (gpointer) a->words->data, m, vectors, lb, la);
  fold_links (a, versions, ib, la);
  fold_links (b, versions, ia, lb);
  fold_quotations (a, b, ib, la);
  fold_quotations (b, a, ia, lb);
}

/* Versions with the same words and punctuation have the same verdicts. */
static guint
version_hash (const Version *v)
{
  guint h = 5381;

  for (guint i = 0; i < v->words->len; i++)
    h = h * 33 + g_array_index (v->words, SynWord, i).cls;
  return h ^ v->words->len;
}

static gboolean
same_words (const Version *a,
            const Version *b)
{
  if (a->hash != b->hash || a->words->len != b->words->len || a->quotes->len != b->quotes->len)
    return FALSE;
  for (guint i = 0; i < a->words->len; i++)
    {
      if (g_array_index (a->words, SynWord, i).cls != g_array_index (b->words, SynWord, i).cls)
        return FALSE;
    }
  /* The same words can be quoted differently (a quotation mark one
   * version lacks): a copy takes its representative's quotations too. */
  for (guint q = 0; q < a->quotes->len; q++)
    {
      const Quotation *qa = &g_array_index (a->quotes, Quotation, q);
      const Quotation *qb = &g_array_index (b->quotes, Quotation, q);

      if (qa->first != qb->first || qa->last != qb->last)
        return FALSE;
    }
  return TRUE;
}

/* The copies of a representative agree with it word for word. */
static void
agree_with_copies (Version *v)
{
  if (v->mult < 2)
    return;
  for (guint i = 0; i < v->words->len; i++)
    v->n_same[i] += v->mult - 1;
  for (guint q = 0; q < v->quotes->len; q++)
    g_array_index (v->quotes, Quotation, q).n_same += v->mult - 1;
}

static void
copy_verdicts (Version       *copy,
               const Version *rep)
{
  guint n = rep->words->len;

  memcpy (copy->n_same, rep->n_same, sizeof (guint) * n);
  memcpy (copy->changed_by, rep->changed_by, sizeof (gint) * n);
  memcpy (copy->changed_link, rep->changed_link, sizeof (SynWordLink) * n);
  g_array_set_size (copy->numbers, 0);
  g_array_append_vals (copy->numbers, rep->numbers->data, rep->numbers->len);
  for (guint q = 0; q < rep->quotes->len; q++)
    {
      const Quotation *from = &g_array_index (rep->quotes, Quotation, q);
      Quotation *to = &g_array_index (copy->quotes, Quotation, q);

      to->n_same = from->n_same;
      g_clear_pointer (&to->differ, g_array_unref);
      if (from->differ != NULL)
        to->differ = g_array_copy (from->differ);
    }
}

/* Per word class: how many sources of the group have the word. */
static guint *
count_present (const Version *versions,
               guint          n_versions,
               guint          n_classes)
{
  guint *present = g_new0 (guint, n_classes + 1);
  g_autofree guint *seen = g_new0 (guint, n_classes + 1);

  for (guint a = 0; a < n_versions; a++)
    {
      for (guint i = 0; i < versions[a].words->len; i++)
        {
          guint cls = g_array_index (versions[a].words, SynWord, i).cls;

          if (cls == 0 || cls > n_classes || seen[cls] == a + 1)
            continue;
          seen[cls] = a + 1;
          present[cls]++;
        }
    }
  return present;
}

/* In a bounded group, a word that some other source has (in whatever
 * place) is not added: ADDED means no other member has it, and moved
 * words are not ADDED. */
static void
agree_with_group (Version     *v,
                  const guint *present)
{
  for (guint i = 0; i < v->words->len; i++)
    {
      const SynWord *w = &g_array_index (v->words, SynWord, i);

      if (is_word (w) && present[w->cls] > 1)
        v->n_same[i] = MAX (v->n_same[i], present[w->cls] - 1);
    }
}

typedef struct {
  guint  version;
  double similarity;
  guint  rank;
} Candidate;

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *x = a, *y = b;

  if (x->similarity != y->similarity)
    return x->similarity > y->similarity ? -1 : 1;
  return (x->rank > y->rank) - (x->rank < y->rank);
}

/* The distinct content word classes of @v, sorted. */
static GArray *
content_classes (const Version *v)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n = 0;

  for (guint i = 0; i < v->words->len; i++)
    {
      const SynWord *w = &g_array_index (v->words, SynWord, i);

      if (is_word (w) && (w->flags & SYN_TOKEN_STOPWORD) == 0)
        g_array_append_val (out, w->cls);
    }
  g_array_sort (out, compare_uint);
  for (guint i = 0; i < out->len; i++)
    {
      if (n == 0 || g_array_index (out, guint, n - 1) != g_array_index (out, guint, i))
        g_array_index (out, guint, n++) = g_array_index (out, guint, i);
    }
  g_array_set_size (out, n);
  return out;
}

static double
jaccard (const GArray *x,
         const GArray *y)
{
  guint i = 0, j = 0, common = 0, total;

  while (i < x->len && j < y->len)
    {
      guint a = g_array_index (x, guint, i), b = g_array_index (y, guint, j);

      if (a == b)
        common++, i++, j++;
      else if (a < b)
        i++;
      else
        j++;
    }
  total = x->len + y->len - common;
  return total > 0 ? (double) common / total : 1.0;
}

/* A group of many distinct versions: each is matched word by word with
 * its PARTNERS most similar versions only (by shared content words, ties
 * by rank), so the cost grows linearly with the group, not with the
 * number of its pairs. */
static void
compare_partners (Version        *versions,
                  const guint    *distinct,
                  guint           n_distinct,
                  SynWordVectors *vectors)
{
  g_autoptr(GPtrArray) sets = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autofree guint8 *paired = g_new0 (guint8, (gsize) n_distinct * n_distinct);
  g_autofree Candidate *cand = g_new (Candidate, n_distinct);

  for (guint d = 0; d < n_distinct; d++)
    g_ptr_array_add (sets, content_classes (&versions[distinct[d]]));
  for (guint a = 0; a < n_distinct; a++)
    {
      guint n = 0;

      for (guint b = 0; b < n_distinct; b++)
        {
          if (b == a)
            continue;
          cand[n].version = b;
          cand[n].similarity = jaccard (g_ptr_array_index (sets, a), g_ptr_array_index (sets, b));
          cand[n].rank = versions[distinct[b]].rank;
          n++;
        }
      qsort (cand, n, sizeof (Candidate), compare_candidates);
      for (guint k = 0; k < MIN (n, PARTNERS); k++)
        {
          guint b = cand[k].version;
          paired[(gsize) MIN (a, b) * n_distinct + MAX (a, b)] = TRUE;
        }
    }
  for (guint a = 0; a < n_distinct; a++)
    for (guint b = a + 1; b < n_distinct; b++)
      {
        if (paired[(gsize) a * n_distinct + b])
          compare_pair (versions, distinct[a], distinct[b], vectors);
        else
          {
            fold_quotations_by_stem (&versions[distinct[a]], &versions[distinct[b]], distinct[b]);
            fold_quotations_by_stem (&versions[distinct[b]], &versions[distinct[a]], distinct[a]);
          }
      }
}

static void
rank_versions (Version *versions,
               guint    n)
{
  g_autofree guint *order = g_new (guint, n + 1);

  for (guint i = 0; i < n; i++)
    {
      guint j = i;

      while (j > 0 && compare_versions (&versions[order[j - 1]], &versions[i]) > 0)
        {
          order[j] = order[j - 1];
          j--;
        }
      order[j] = i;
    }
  for (guint r = 0; r < n; r++)
    versions[order[r]].rank = r;
}

static void
diverge_cluster (GArray              *out,
                 const SynSourceText *sources,
                 const GArray        *segments,
                 const SynCluster    *cluster,
                 Classes             *classes)
{
  g_autofree Version *versions = g_new0 (Version, cluster->n_segments);
  g_autofree guint *members = g_new (guint, cluster->n_segments);
  Emitter e;
  guint n_versions = 0;

  if (cluster->n_segments < 2)
    return;

  /* the cluster's passages are sorted by (source, start): one version per run */
  memcpy (members, cluster->segments, sizeof (guint) * cluster->n_segments);
  for (guint k = 0; k < cluster->n_segments;)
    {
      guint source = g_array_index (segments, SynSegment, members[k]).source;
      guint end = k;

      while (end < cluster->n_segments &&
             g_array_index (segments, SynSegment, members[end]).source == source)
        end++;
      version_init (&versions[n_versions++], source, sources, segments,
                    members + k, end - k, classes);
      k = end;
    }

  rank_versions (versions, n_versions);
  if (n_versions >= 2)
    {
      g_autofree guint *rep = g_new (guint, n_versions);
      g_autofree guint *distinct = g_new (guint, n_versions);
      g_autofree guint *present = NULL;
      guint n_distinct = 0;

      /* versions worded alike to the punctuation are matched once */
      for (guint a = 0; a < n_versions; a++)
        {
          versions[a].hash = version_hash (&versions[a]);
          versions[a].mult = 1;
          rep[a] = a;
          for (guint d = 0; d < n_distinct; d++)
            {
              if (same_words (&versions[distinct[d]], &versions[a]))
                {
                  rep[a] = distinct[d];
                  versions[distinct[d]].mult++;
                  break;
                }
            }
          if (rep[a] == a)
            distinct[n_distinct++] = a;
        }

      if (n_distinct <= FULL_PAIRS_MAX)
        {
          for (guint a = 0; a < n_distinct; a++)
            for (guint b = a + 1; b < n_distinct; b++)
              compare_pair (versions, distinct[a], distinct[b], classes->vectors);
        }
      else
        {
          present = count_present (versions, n_versions, g_hash_table_size (classes->norms));
          compare_partners (versions, distinct, n_distinct, classes->vectors);
        }

      for (guint d = 0; d < n_distinct; d++)
        {
          Version *v = &versions[distinct[d]];

          agree_with_copies (v);
          if (present != NULL)
            agree_with_group (v, present);
        }
      for (guint a = 0; a < n_versions; a++)
        {
          if (rep[a] != a)
            copy_verdicts (&versions[a], &versions[rep[a]]);
        }

      e.out = out;
      e.versions = versions;
      e.n_versions = n_versions;
      e.segments = segments;
      e.present = present;
      for (guint a = 0; a < n_versions; a++)
        emit_version (&e, &versions[a]);
    }

  /* the norms are the tokens' own strings: forget them with the tokens */
  g_hash_table_remove_all (classes->norms);
  g_hash_table_remove_all (classes->stems);
  g_array_set_size (classes->stem_of, 0);
  for (guint a = 0; a < n_versions; a++)
    version_clear (&versions[a]);
}

static int
compare_divergences (gconstpointer a,
                     gconstpointer b)
{
  const SynDivergence *x = a, *y = b;

  if (x->segment != y->segment)
    return x->segment < y->segment ? -1 : 1;
  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end > y->end ? -1 : 1;   /* the wider first */
  return (int) x->kind - (int) y->kind;
}

static int
compare_index (const void *a,
               const void *b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;
  return (x > y) - (x < y);
}

/* The word vectors are English: which sources they serve, and the table
 * (loaded here, on the first comparison that has a source in English). */
static void
find_english (const SynSourceText *sources,
              guint                n_sources,
              Classes             *classes)
{
  gboolean any = FALSE;

  classes->english = g_new0 (guint8, n_sources + 1);
  classes->vectors = NULL;
  for (guint s = 0; s < n_sources; s++)
    {
      classes->english[s] = g_strcmp0 (syn_language_guess (sources[s].text, sources[s].len), "en") == 0;
      any |= classes->english[s];
    }
  if (any)
    classes->vectors = syn_word_vectors_get_default ();
}

GArray *
syn_diverge (const SynSourceText *sources,
             guint                n_sources,
             const GArray        *segments,
             const GArray        *clusters)
{
  return syn_diverge_with_tokens (sources, n_sources, segments, clusters, NULL);
}

GArray *
syn_diverge_with_tokens (const SynSourceText *sources,
                         guint                n_sources,
                         const GArray        *segments,
                         const GArray        *clusters,
                         SynTokenCache       *tokens)
{
  GArray *out = g_array_new (FALSE, TRUE, sizeof (SynDivergence));
  Classes classes;

  g_return_val_if_fail (sources != NULL || n_sources == 0, out);
  g_return_val_if_fail (segments != NULL && clusters != NULL, out);

  classes.norms = g_hash_table_new (g_str_hash, g_str_equal);
  classes.stems = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  classes.stem_of = g_array_new (FALSE, FALSE, sizeof (guint));
  classes.tokens = tokens;
  find_english (sources, n_sources, &classes);

  for (guint c = 0; c < clusters->len; c++)
    {
      SynCluster cluster = g_array_index (clusters, SynCluster, c);
      g_autofree guint *sorted = g_memdup2 (cluster.segments, sizeof (guint) * cluster.n_segments);

      /* segments are sorted by (source, start), so are their indices */
      qsort (sorted, cluster.n_segments, sizeof (guint), compare_index);
      cluster.segments = sorted;
      diverge_cluster (out, sources, segments, &cluster, &classes);
    }
  g_hash_table_unref (classes.norms);
  g_hash_table_unref (classes.stems);
  g_array_unref (classes.stem_of);
  g_free (classes.english);
  g_array_sort (out, compare_divergences);
  return out;
}

/* Added content a reader would notice is a clause or a phrase of its
 * own, not the odd word a rewording leaves unmatched: the words of one
 * run are counted together, and a word of another verdict (or none)
 * between two added spans ends the run. Function words are not counted,
 * so that "the" and "of a" between content words give nothing. */
static int
compare_starts (gconstpointer a,
                gconstpointer b)
{
  const SynDivergence *x = a, *y = b;

  return x->start < y->start ? -1 : x->start > y->start;
}

static guint
content_words (const char *text,
               gsize       start,
               gsize       end)
{
  g_autoptr(GArray) tokens = syn_tokenize (text, start, end);
  guint n = 0;

  for (guint i = 0; i < tokens->len; i++)
    {
      const SynToken *t = &g_array_index (tokens, SynToken, i);

      n += t->norm[0] != '\0' && !(t->flags & SYN_TOKEN_STOPWORD);
    }
  return n;
}

static gboolean
only_punctuation (const char *text,
                  gsize       start,
                  gsize       end)
{
  g_autoptr(GArray) tokens = NULL;

  if (end <= start)
    return TRUE;
  tokens = syn_tokenize (text, start, end);
  return tokens->len == 0;
}

guint
syn_diverge_added_run_words (const char          *text,
                             gsize                start,
                             gsize                end,
                             const SynDivergence *divergences,
                             guint                n_divergences)
{
  g_autoptr(GArray) added = g_array_new (FALSE, FALSE, sizeof (SynDivergence));
  guint best = 0;

  g_return_val_if_fail (text != NULL || end <= start, 0);
  g_return_val_if_fail (divergences != NULL || n_divergences == 0, 0);

  for (guint i = 0; i < n_divergences; i++)
    if (divergences[i].kind == SYN_DIVERGENCE_ADDED && divergences[i].start >= start &&
        divergences[i].end <= end && divergences[i].start < divergences[i].end)
      g_array_append_val (added, divergences[i]);
  g_array_sort (added, compare_starts);
  for (guint i = 0; i < added->len;)
    {
      gsize run_start = g_array_index (added, SynDivergence, i).start;
      gsize run_end = g_array_index (added, SynDivergence, i).end;

      for (i++; i < added->len && only_punctuation (text, run_end, g_array_index (added, SynDivergence, i).start); i++)
        run_end = MAX (run_end, g_array_index (added, SynDivergence, i).end);
      best = MAX (best, content_words (text, run_start, run_end));
    }
  return best;
}
