/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How alike are two passages?
 *
 * Rewrites of one news story share few words per sentence, and many of the
 * words they share say nothing: "the", "said", "Biden" are in half of the
 * article. What tells two passages apart is what they share that is rare
 * in the comparison: "Peskov", "100000", "Geneva", "sanctions". So each
 * passage becomes a tf-idf vector — a feature's weight grows with its
 * count in the passage (1 + ln tf) and with how few of all the compared
 * passages, across all sources, carry it (ln (N / df) + 0.1) — and two
 * passages are as similar as the cosine of their vectors. The aligner
 * also asks how much of a passage another covers (the share of its
 * squared weight on shared features): a piece of a split sentence is
 * covered by the whole even when their cosine is low.
 *
 * Which features? The normaliser (syn_tokenize()) has already folded case,
 * accents, quotes, hyphenation, numbers and dates, British and American
 * spelling and honorifics; a feature is the stem (syn_stem()) of each
 * normalised word. A second channel of 4-byte pieces of each word ("^word$"),
 * which match across inflections and compounds the stemmer misses, can be
 * mixed in (GRAM_MIX); measured, it loses on the seeds and ties on DEplain
 * (tests/eval/NOTES.md), so it is off and its vectors are not even built.
 * The code stays, one constant away, to repeat the measurement when the
 * normaliser or the data change.
 */
#define G_LOG_DOMAIN "syn-core"

#include "config.h"

#include <math.h>
#include <string.h>

#include "syn-normalize.h"
#include "syn-similarity-private.h"
#include "syn-token-cache-private.h"

/* The gram channel: 4-byte pieces of "^word$"; words of two bytes or
 * fewer, and numbers, count whole. GRAM_MIX is its share of the
 * similarity: 0, by the figures above, so its vectors are not built; set
 * it to repeat the measurement. */
#define GRAM_BYTES 4
#define GRAM_WHOLE_BYTES 2
#define GRAM_MIX 0.0

/* An open-addressing map from 64-bit feature hashes to dense ids. */
typedef struct {
  guint64 *keys;
  guint32 *ids;
  gsize    mask;
  guint    n;
} IdMap;

static void
id_map_init (IdMap *map)
{
  map->mask = 1023;
  map->keys = g_new0 (guint64, map->mask + 1);
  map->ids = g_new (guint32, map->mask + 1);
  map->n = 0;
}

static void
id_map_clear (IdMap *map)
{
  g_clear_pointer (&map->keys, g_free);
  g_clear_pointer (&map->ids, g_free);
}

static guint32 id_map_lookup (IdMap *map, guint64 key);

static void
id_map_grow (IdMap *map)
{
  IdMap old = *map;

  map->mask = old.mask * 2 + 1;
  map->keys = g_new0 (guint64, map->mask + 1);
  map->ids = g_new (guint32, map->mask + 1);
  for (gsize i = 0; i <= old.mask; i++)
    {
      if (old.keys[i] != 0)
        {
          gsize j = (gsize) (old.keys[i] * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15) >> 20) & map->mask;

          while (map->keys[j] != 0)
            j = (j + 1) & map->mask;
          map->keys[j] = old.keys[i];
          map->ids[j] = old.ids[i];
        }
    }
  id_map_clear (&old);
}

/* Returns the dense id of @key, giving it the next one when it is new.
 * Key 0 is reserved for empty slots. */
static guint32
id_map_lookup (IdMap   *map,
               guint64  key)
{
  gsize j;

  if (key == 0)
    key = 1;
  if ((map->n + 1) * 2 > map->mask)
    id_map_grow (map);
  j = (gsize) (key * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15) >> 20) & map->mask;
  while (map->keys[j] != 0)
    {
      if (map->keys[j] == key)
        return map->ids[j];
      j = (j + 1) & map->mask;
    }
  map->keys[j] = key;
  map->ids[j] = map->n;
  return map->n++;
}

static guint64
hash_bytes (guint64     seed,
            const char *s,
            gsize       len)
{
  guint64 h = G_GUINT64_CONSTANT (0xcbf29ce484222325) ^ seed;

  for (gsize i = 0; i < len; i++)
    {
      h ^= (guchar) s[i];
      h *= G_GUINT64_CONSTANT (0x100000001b3);
    }
  return h;
}

/* Feature ids of one node before weighting, one entry per occurrence. */
typedef struct {
  GArray *ids;      /* guint32 */
  guint  *first;    /* n_nodes + 1 */
} Occurrences;

/* The n-grams of "^norm$", over bytes: cheaper than over characters, and
 * as good for matching, since both sides are cut the same way. */
static void
add_grams (IdMap      *map,
           GArray     *out,
           const char *norm,
           gboolean    whole)
{
  gsize len = strlen (norm), padded = len + 2;
  guint32 id;

#define PADDED(p) ((p) == 0 ? '^' : (p) == padded - 1 ? '$' : norm[(p) - 1])
  if (whole || padded <= GRAM_BYTES)
    {
      guint64 h = G_GUINT64_CONSTANT (0xcbf29ce484222325) ^ 2;

      for (gsize p = 0; p < padded; p++)
        h = (h ^ (guchar) PADDED (p)) * G_GUINT64_CONSTANT (0x100000001b3);
      id = id_map_lookup (map, h);
      g_array_append_val (out, id);
      return;
    }
  for (gsize i = 0; i + GRAM_BYTES <= padded; i++)
    {
      guint64 h = G_GUINT64_CONSTANT (0xcbf29ce484222325) ^ 2;

      for (gsize p = i; p < i + GRAM_BYTES; p++)
        h = (h ^ (guchar) PADDED (p)) * G_GUINT64_CONSTANT (0x100000001b3);
      id = id_map_lookup (map, h);
      g_array_append_val (out, id);
    }
#undef PADDED
}

static void
collect_node (GArray              *tokens,
              IdMap               *word_map,
              IdMap               *gram_map,
              GArray              *word_ids,
              GArray              *gram_ids)
{
  for (guint i = 0; i < tokens->len; i++)
    {
      const SynToken *t = &g_array_index (tokens, SynToken, i);
      g_autofree char *stem = NULL;
      guint32 id;

      if (t->norm == NULL || t->norm[0] == '\0')
        continue;
      stem = syn_stem (t->norm);
      id = id_map_lookup (word_map, hash_bytes (1, stem, strlen (stem)));
      g_array_append_val (word_ids, id);
      if (GRAM_MIX > 0)
        add_grams (gram_map, gram_ids, t->norm,
                   (t->flags & SYN_TOKEN_NUMBER) != 0 || strlen (t->norm) <= GRAM_WHOLE_BYTES);
    }
}

/* Turns occurrence lists into sorted, tf-idf weighted vectors. The
 * occurrences are first bucketed by feature (a counting sort), then dealt
 * back to their nodes in feature order: every node's list comes out sorted
 * without sorting any, in time linear in the occurrences. */
static void
weigh (guint          n_nodes,
       guint          n_ids,
       const GArray  *occ,
       const guint   *occ_first,
       guint        **first_out,
       SynFeature   **feats_out,
       float        **norm_out,
       guint        **df_out)
{
  const guint32 *ids = (const guint32 *) (gconstpointer) occ->data;
  guint total = occ->len;
  guint *df = g_new0 (guint, n_ids + 1);
  guint *id_first = g_new0 (guint, n_ids + 2);
  guint *by_id = g_new (guint, total + 1);
  guint *fill = g_new0 (guint, n_nodes + 1);
  double *idf = g_new (double, n_ids + 1);
  double *sq = g_new0 (double, n_nodes + 1);
  guint *first = g_new0 (guint, n_nodes + 1);
  SynFeature *scratch = g_new (SynFeature, total + 1);
  SynFeature *feats;
  float *norm = g_new0 (float, n_nodes + 1);
  guint n = 0;

  /* by feature: the nodes holding it, in node order, repeated per use */
  for (guint i = 0; i < total; i++)
    id_first[ids[i] + 1]++;
  for (guint f = 0; f < n_ids; f++)
    id_first[f + 1] += id_first[f];
  {
    g_autofree guint *pos = g_memdup2 (id_first, (n_ids + 1) * sizeof (guint));

    for (guint v = 0; v < n_nodes; v++)
      for (guint i = occ_first[v]; i < occ_first[v + 1]; i++)
        by_id[pos[ids[i]]++] = v;
  }

  for (guint f = 0; f < n_ids; f++)
    {
      for (guint i = id_first[f]; i < id_first[f + 1]; i++)
        if (i == id_first[f] || by_id[i] != by_id[i - 1])
          df[f]++;
      idf[f] = df[f] > 0 ? log ((double) n_nodes / df[f]) + 0.1 : 0;
    }

  /* dealt back: node v's features land in scratch[occ_first[v]...] */
  for (guint f = 0; f < n_ids; f++)
    for (guint i = id_first[f]; i < id_first[f + 1];)
      {
        guint v = by_id[i], j = i;
        double w;

        while (j < id_first[f + 1] && by_id[j] == v)
          j++;
        w = j - i == 1 ? idf[f] : (1.0 + log ((double) (j - i))) * idf[f];
        scratch[occ_first[v] + fill[v]].id = f;
        scratch[occ_first[v] + fill[v]].weight = (float) w;
        fill[v]++;
        sq[v] += w * w;
        i = j;
      }

  feats = g_new (SynFeature, total + 1);
  for (guint v = 0; v < n_nodes; v++)
    {
      first[v] = n;
      memcpy (feats + n, scratch + occ_first[v], fill[v] * sizeof (SynFeature));
      n += fill[v];
      norm[v] = (float) sqrt (sq[v]);
    }
  first[n_nodes] = n;

  g_free (id_first);
  g_free (by_id);
  g_free (fill);
  g_free (idf);
  g_free (sq);
  g_free (scratch);
  *first_out = first;
  *feats_out = feats;
  *norm_out = norm;
  if (df_out != NULL)
    *df_out = df;
  else
    g_free (df);
}

static int
cmp_u64 (gconstpointer a,
         gconstpointer b)
{
  guint64 x = *(const guint64 *) a, y = *(const guint64 *) b;
  return (x > y) - (x < y);
}

/* Lists each node's word features by rarity: (df, id) packed in 64 bits
 * sort in that order. */
static void
sort_by_rarity (SynVectors *self)
{
  guint total = self->word_first[self->n_nodes];
  g_autofree guint64 *keys = g_new (guint64, total + 1);

  self->rare = g_new (guint32, total + 1);
  for (guint i = 0; i < total; i++)
    keys[i] = ((guint64) self->word_df[self->words[i].id] << 32) | self->words[i].id;
  for (guint v = 0; v < self->n_nodes; v++)
    qsort (keys + self->word_first[v], self->word_first[v + 1] - self->word_first[v],
           sizeof (guint64), cmp_u64);
  for (guint i = 0; i < total; i++)
    self->rare[i] = (guint32) (keys[i] & 0xffffffff);
}

SynVectors *
syn_vectors_new (const SynSourceText *sources,
                 const GArray        *segments,
                 const guint         *nodes,
                 guint                n_nodes,
                 SynTokenCache       *tokens)
{
  SynVectors *self = g_new0 (SynVectors, 1);
  g_autoptr(GArray) word_occ = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr(GArray) gram_occ = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autofree guint *word_occ_first = g_new0 (guint, n_nodes + 1);
  g_autofree guint *gram_occ_first = g_new0 (guint, n_nodes + 1);
  IdMap word_map, gram_map;

  id_map_init (&word_map);
  id_map_init (&gram_map);
  self->n_nodes = n_nodes;
  self->gram_mix = GRAM_MIX;

  for (guint v = 0; v < n_nodes; v++)
    {
      const SynSegment *seg = &g_array_index (segments, SynSegment, nodes[v]);
      g_autoptr(GArray) own = tokens == NULL ? syn_tokenize (sources[seg->source].text, seg->start, seg->end) : NULL;

      word_occ_first[v] = word_occ->len;
      gram_occ_first[v] = gram_occ->len;
      collect_node (own != NULL ? own : syn_token_cache_get (tokens, nodes[v]),
                    &word_map, &gram_map, word_occ, gram_occ);
    }
  word_occ_first[n_nodes] = word_occ->len;
  gram_occ_first[n_nodes] = gram_occ->len;

  self->n_word_ids = word_map.n;
  weigh (n_nodes, word_map.n, word_occ, word_occ_first,
         &self->word_first, &self->words, &self->word_norm, &self->word_df);
  self->n_gram_ids = gram_map.n;
  weigh (n_nodes, gram_map.n, gram_occ, gram_occ_first,
         &self->gram_first, &self->grams, &self->gram_norm, NULL);
  id_map_clear (&word_map);
  id_map_clear (&gram_map);

  sort_by_rarity (self);

  return self;
}

void
syn_vectors_free (SynVectors *self)
{
  if (self == NULL)
    return;
  g_free (self->word_first);
  g_free (self->words);
  g_free (self->word_norm);
  g_free (self->gram_first);
  g_free (self->grams);
  g_free (self->gram_norm);
  g_free (self->rare);
  g_free (self->word_df);
  g_free (self);
}

static double
dot (const SynFeature *a,
     guint             n_a,
     const SynFeature *b,
     guint             n_b)
{
  double sum = 0;
  guint i = 0, j = 0;

  while (i < n_a && j < n_b)
    {
      if (a[i].id < b[j].id)
        i++;
      else if (a[i].id > b[j].id)
        j++;
      else
        sum += (double) a[i++].weight * b[j++].weight;
    }
  return sum;
}

static double
channel_cosine (const guint      *first,
                const SynFeature *feats,
                const float      *norm,
                guint             a,
                guint             b)
{
  double d;

  if (norm[a] == 0 || norm[b] == 0)
    return 0;
  d = dot (feats + first[a], first[a + 1] - first[a], feats + first[b], first[b + 1] - first[b]);
  return d / ((double) norm[a] * norm[b]);
}

double
syn_vectors_similarity (const SynVectors *self,
                        guint             a,
                        guint             b)
{
  double w = channel_cosine (self->word_first, self->words, self->word_norm, a, b);
  double g = self->gram_mix > 0
             ? channel_cosine (self->gram_first, self->grams, self->gram_norm, a, b)
             : 0;

  return (1 - self->gram_mix) * w + self->gram_mix * g;
}

static int
cmp_feature (gconstpointer a,
             gconstpointer b)
{
  const SynFeature *x = a, *y = b;
  return (x->id > y->id) - (x->id < y->id);
}

/* The sum of the vectors of @n nodes, sorted by id; returns its length. */
static guint
sum_vectors (const guint      *first,
             const SynFeature *feats,
             const guint      *nodes,
             guint             n,
             GArray           *out,
             double           *norm)
{
  guint len = 0, k = 0;
  SynFeature *f;
  double sq = 0;

  g_array_set_size (out, 0);
  for (guint i = 0; i < n; i++)
    g_array_append_vals (out, feats + first[nodes[i]], first[nodes[i] + 1] - first[nodes[i]]);
  f = (SynFeature *) (gpointer) out->data;
  if (n > 1)
    qsort (f, out->len, sizeof (SynFeature), cmp_feature);
  for (guint i = 0; i < out->len; i++)
    {
      if (len > 0 && f[len - 1].id == f[i].id)
        f[len - 1].weight += f[i].weight;
      else
        f[len++] = f[i];
    }
  for (k = 0; k < len; k++)
    sq += (double) f[k].weight * f[k].weight;
  g_array_set_size (out, len);
  *norm = sqrt (sq);
  return len;
}

static double
set_cosine (const guint      *first,
            const SynFeature *feats,
            const guint      *a,
            guint             n_a,
            const guint      *b,
            guint             n_b)
{
  g_autoptr(GArray) va = g_array_new (FALSE, FALSE, sizeof (SynFeature));
  g_autoptr(GArray) vb = g_array_new (FALSE, FALSE, sizeof (SynFeature));
  double na, nb;
  guint la = sum_vectors (first, feats, a, n_a, va, &na);
  guint lb = sum_vectors (first, feats, b, n_b, vb, &nb);

  if (na == 0 || nb == 0)
    return 0;
  return dot ((SynFeature *) (gpointer) va->data, la, (SynFeature *) (gpointer) vb->data, lb) / (na * nb);
}

double
syn_vectors_set_similarity (const SynVectors *self,
                            const guint      *a,
                            guint             n_a,
                            const guint      *b,
                            guint             n_b)
{
  double w = set_cosine (self->word_first, self->words, a, n_a, b, n_b);
  double g = self->gram_mix > 0
             ? set_cosine (self->gram_first, self->grams, a, n_a, b, n_b)
             : 0;

  return (1 - self->gram_mix) * w + self->gram_mix * g;
}

static double
channel_coverage (const guint      *first,
                  const SynFeature *feats,
                  const float      *norm,
                  const guint      *a,
                  guint             n_a,
                  guint             b)
{
  g_autoptr(GArray) va = g_array_new (FALSE, FALSE, sizeof (SynFeature));
  const SynFeature *fb = feats + first[b];
  guint nb = first[b + 1] - first[b];
  const SynFeature *fa;
  double na, covered = 0;
  guint la, i = 0, j = 0;

  if (norm[b] == 0)
    return 0;
  la = sum_vectors (first, feats, a, n_a, va, &na);
  fa = (const SynFeature *) (gconstpointer) va->data;
  while (i < la && j < nb)
    {
      if (fa[i].id < fb[j].id)
        i++;
      else if (fa[i].id > fb[j].id)
        j++;
      else
        {
          covered += (double) fb[j].weight * fb[j].weight;
          i++;
          j++;
        }
    }
  return covered / ((double) norm[b] * norm[b]);
}

double
syn_vectors_coverage (const SynVectors *self,
                      const guint      *a,
                      guint             n_a,
                      guint             b)
{
  double w = channel_coverage (self->word_first, self->words, self->word_norm, a, n_a, b);
  double g = self->gram_mix > 0
             ? channel_coverage (self->gram_first, self->grams, self->gram_norm, a, n_a, b)
             : 0;

  return (1 - self->gram_mix) * w + self->gram_mix * g;
}

void
syn_vectors_dots (const SynVectors *self,
                  guint             a,
                  guint             b,
                  double            out[2])
{
  out[0] = dot (self->words + self->word_first[a], self->word_first[a + 1] - self->word_first[a],
                self->words + self->word_first[b], self->word_first[b + 1] - self->word_first[b]);
  out[1] = self->gram_mix > 0
           ? dot (self->grams + self->gram_first[a], self->gram_first[a + 1] - self->gram_first[a],
                  self->grams + self->gram_first[b], self->gram_first[b + 1] - self->gram_first[b])
           : 0;
}

void
syn_vectors_norms2 (const SynVectors *self,
                    guint             a,
                    double            out[2])
{
  out[0] = (double) self->word_norm[a] * self->word_norm[a];
  out[1] = (double) self->gram_norm[a] * self->gram_norm[a];
}

double
syn_vectors_mix_cosine (const SynVectors *self,
                        const double      d[2],
                        const double      na[2],
                        const double      nb[2])
{
  double w = na[0] > 0 && nb[0] > 0 ? d[0] / sqrt (na[0] * nb[0]) : 0;
  double g = na[1] > 0 && nb[1] > 0 ? d[1] / sqrt (na[1] * nb[1]) : 0;

  return (1 - self->gram_mix) * w + self->gram_mix * g;
}

static double
cover_dot (const SynFeature *a,
           guint             n_a,
           const SynFeature *x,
           guint             n_x)
{
  double sum = 0;
  guint i = 0, j = 0;

  while (i < n_a && j < n_x)
    {
      if (a[i].id < x[j].id)
        i++;
      else if (a[i].id > x[j].id)
        j++;
      else
        {
          sum += (double) x[j].weight * x[j].weight;
          i++;
          j++;
        }
    }
  return sum;
}

double
syn_vectors_cover (const SynVectors *self,
                   guint             a,
                   guint             x)
{
  double w = 0, g = 0;

  if (self->word_norm[x] > 0)
    w = cover_dot (self->words + self->word_first[a], self->word_first[a + 1] - self->word_first[a],
                   self->words + self->word_first[x], self->word_first[x + 1] - self->word_first[x])
        / ((double) self->word_norm[x] * self->word_norm[x]);
  if (self->gram_mix > 0 && self->gram_norm[x] > 0)
    g = cover_dot (self->grams + self->gram_first[a], self->gram_first[a + 1] - self->gram_first[a],
                   self->grams + self->gram_first[x], self->gram_first[x + 1] - self->gram_first[x])
        / ((double) self->gram_norm[x] * self->gram_norm[x]);
  return (1 - self->gram_mix) * w + self->gram_mix * g;
}

double
syn_vectors_similarity_dots (const SynVectors *self,
                             guint             a,
                             guint             b,
                             double            d[2])
{
  double na[2], nb[2];

  syn_vectors_dots (self, a, b, d);
  syn_vectors_norms2 (self, a, na);
  syn_vectors_norms2 (self, b, nb);
  return syn_vectors_mix_cosine (self, d, na, nb);
}

SynScatter *
syn_scatter_new (const SynVectors *vectors)
{
  SynScatter *self = g_new0 (SynScatter, 1);

  self->word = g_new0 (float, vectors->n_word_ids + 1);
  self->gram = g_new0 (float, vectors->n_gram_ids + 1);
  return self;
}

void
syn_scatter_free (SynScatter *self)
{
  if (self == NULL)
    return;
  g_free (self->word);
  g_free (self->gram);
  g_free (self);
}

void
syn_scatter_set (SynScatter       *self,
                 const SynVectors *v,
                 guint             a)
{
  for (guint i = v->word_first[a]; i < v->word_first[a + 1]; i++)
    self->word[v->words[i].id] = v->words[i].weight;
  for (guint i = v->gram_first[a]; i < v->gram_first[a + 1]; i++)
    self->gram[v->grams[i].id] = v->grams[i].weight;
}

void
syn_scatter_clear (SynScatter       *self,
                   const SynVectors *v,
                   guint             a)
{
  for (guint i = v->word_first[a]; i < v->word_first[a + 1]; i++)
    self->word[v->words[i].id] = 0;
  for (guint i = v->gram_first[a]; i < v->gram_first[a + 1]; i++)
    self->gram[v->grams[i].id] = 0;
}

static void
scatter_channel (const float      *dense,
                 const SynFeature *fb,
                 guint             n_b,
                 double           *dot_out,
                 double           *cover_a,
                 double           *cover_b)
{
  double d = 0, ca = 0, cb = 0;

  for (guint i = 0; i < n_b; i++)
    {
      float wa = dense[fb[i].id];

      if (wa != 0)
        {
          d += (double) wa * fb[i].weight;
          ca += (double) wa * wa;
          cb += (double) fb[i].weight * fb[i].weight;
        }
    }
  *dot_out = d;
  *cover_a = ca;
  *cover_b = cb;
}

double
syn_scatter_compare (const SynScatter *self,
                     const SynVectors *v,
                     guint             a,
                     guint             b,
                     double            dot_out[2],
                     double            cover[2])
{
  double ca[2], cb[2], na[2], nb[2];
  double mix = v->gram_mix;

  scatter_channel (self->word, v->words + v->word_first[b], v->word_first[b + 1] - v->word_first[b],
                   &dot_out[0], &ca[0], &cb[0]);
  scatter_channel (self->gram, v->grams + v->gram_first[b], v->gram_first[b + 1] - v->gram_first[b],
                   &dot_out[1], &ca[1], &cb[1]);
  syn_vectors_norms2 (v, a, na);
  syn_vectors_norms2 (v, b, nb);
  cover[0] = (1 - mix) * (na[0] > 0 ? ca[0] / na[0] : 0) + mix * (na[1] > 0 ? ca[1] / na[1] : 0);
  cover[1] = (1 - mix) * (nb[0] > 0 ? cb[0] / nb[0] : 0) + mix * (nb[1] > 0 ? cb[1] / nb[1] : 0);
  return syn_vectors_mix_cosine (v, dot_out, na, nb);
}

guint64
syn_scatter_mask (const SynScatter *self,
                  const SynVectors *v,
                  guint             x,
                  double           *rest)
{
  guint64 mask = 0;
  guint first = v->word_first[x], n = v->word_first[x + 1] - first;

  for (guint i = 0; i < n; i++)
    {
      const SynFeature *f = &v->words[first + i];

      if (self->word[f->id] == 0)
        continue;
      if (i < 64)
        mask |= G_GUINT64_CONSTANT (1) << i;
      else
        *rest += (double) f->weight * f->weight;
    }
  return mask;
}

double
syn_vectors_mask_weight (const SynVectors *self,
                         guint             x,
                         guint64           mask)
{
  const SynFeature *f = self->words + self->word_first[x];
  double sum = 0;

  while (mask != 0)
    {
      guint i = (guint) __builtin_ctzll (mask);

      sum += (double) f[i].weight * f[i].weight;
      mask &= mask - 1;
    }
  return sum;
}
