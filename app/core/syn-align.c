/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Which passage corresponds to which, across any number of sources?
 *
 * Five rewrites of one story, or fifty, or a book and its simplified
 * edition: the budget is close to linear in the number of passages, so no
 * sentence is ever compared with every other. Four stages:
 *
 * 1. Candidates. Each passage (headlines apart, furniture left out) is a
 *    tf-idf vector over word stems (syn-similarity.c). Through an inverted
 *    index, a passage walks the posting lists of its rarest stems only,
 *    each list capped, adding up the weight it shares with the passages of
 *    other sources; its best few in each other source become candidate
 *    edges, and a confident edge lends one to its diagonal neighbours.
 * 2. Pairs. Each pair of sources is aligned on its own (syn-align-pair.c):
 *    chains of beads that keep order yet let moved paragraphs survive,
 *    with splits and merges, then the gaps between groups filled. A pair
 *    yields links: passages, or runs of neighbours, that correspond.
 * 3. Clusters. The links of all pairs are merged, strongest first, by
 *    union-find. A merge is refused when it would join two passages of one
 *    source that are neither a run brought in by a split nor together in
 *    one link (at most SYN_ALIGN_MAX_SKIP apart), or clusters that would
 *    hang together less than CLUSTER_MIN_LINKAGE on average, so that one
 *    loose link cannot chain two sentences through a third source. A
 *    one-to-one link that nothing else holds is kept whatever its score:
 *    the pair stage took it for its place.
 * 4. Consensus. A passage no pair took that resembles, a little, every
 *    member of one cluster and nothing else as much (a machine-translated
 *    rewrite shares too little with any one version) joins that cluster.
 *
 * Order independence is built in: sources are ranked by a hash of their
 * text before any work, and every sort and tie follows that order, so the
 * same texts give the same groups however they are passed. A cluster's
 * score is 1 - exp(-sim / 0.25) of its links' mean similarity. Figures on
 * the development sets: tests/eval/NOTES.md.
 */
#define G_LOG_DOMAIN "syn-core"

#include "config.h"

#include <math.h>
#include <string.h>

#include "syn-align-private.h"

/* Candidate generation (stage 1). */
#define CANDIDATE_WORDS        12    /* rarest stems walked per passage */
#define POSTING_CAP            64    /* longest posting list walked (at least 4 per source) */
#define CANDIDATES_PER_SOURCE  3
#define CANDIDATE_RATIO        0.5   /* a runner-up within this share of the best */
#define NEIGHBOUR_MIN_SIM      0.3   /* a confident edge lends its neighbours an edge */

/* Clustering (stages 3 and 4), tuned on the development sets. */
#define CLUSTER_MIN_LINKAGE    0.15
#define CONSENSUS_MIN_MEAN     0.15
#define CONSENSUS_AGREE_SIM    0.1
#define CONSENSUS_MARGIN       1.25

gboolean
syn_aligner_report (SynAligner *self,
                    double      fraction)
{
  if (self->cancelled)
    return FALSE;
  if (self->progress != NULL &&
      !self->progress (self->progress_base + self->progress_span * CLAMP (fraction, 0, 1),
                       self->user_data))
    self->cancelled = TRUE;
  return !self->cancelled;
}

static void
stage (SynAligner *self,
       double      base,
       double      span)
{
  self->progress_base = base;
  self->progress_span = span;
}

/* ------------------------------------------------------------------ nodes */

typedef struct {
  guint   index;
  guint64 hash;
  gsize   len;
} SourceKey;

static int
cmp_source_key (gconstpointer a,
                gconstpointer b)
{
  const SourceKey *x = a, *y = b;

  if (x->hash != y->hash)
    return x->hash < y->hash ? -1 : 1;
  if (x->len != y->len)
    return x->len < y->len ? -1 : 1;
  return (x->index > y->index) - (x->index < y->index);
}

static guint64
hash_text (const char *text,
           gsize       len)
{
  guint64 h = G_GUINT64_CONSTANT (0xcbf29ce484222325);

  for (gsize i = 0; i < len; i++)
    {
      h ^= (guchar) text[i];
      h *= G_GUINT64_CONSTANT (0x100000001b3);
    }
  return h;
}

static void
make_nodes (SynAligner *self)
{
  guint n_segs = self->segments->len;
  g_autofree SourceKey *keys = g_new0 (SourceKey, self->n_sources + 1);
  g_autofree guint *seg_first = g_new0 (guint, self->n_sources + 1);
  guint n = 0;

  for (guint s = 0; s < self->n_sources; s++)
    {
      keys[s].index = s;
      keys[s].hash = hash_text (self->sources[s].text, self->sources[s].len);
      keys[s].len = self->sources[s].len;
    }
  qsort (keys, self->n_sources, sizeof (SourceKey), cmp_source_key);

  /* segments are sorted by (source, start): find each source's range */
  for (guint i = 0; i < n_segs; i++)
    {
      const SynSegment *seg = &g_array_index (self->segments, SynSegment, i);
      g_assert (seg->source < self->n_sources);
      seg_first[seg->source + 1]++;
    }
  for (guint s = 0; s < self->n_sources; s++)
    seg_first[s + 1] += seg_first[s];

  self->node_seg = g_new (guint, n_segs + 1);
  self->node_src = g_new (guint, n_segs + 1);
  self->node_title = g_new (gboolean, n_segs + 1);
  self->src_first = g_new0 (guint, self->n_sources + 1);
  for (guint r = 0; r < self->n_sources; r++)
    {
      guint s = keys[r].index;

      self->src_first[r] = n;
      for (guint i = seg_first[s]; i < seg_first[s + 1]; i++)
        {
          const SynSegment *seg = &g_array_index (self->segments, SynSegment, i);

          if (seg->kind == SYN_PASSAGE_BOILERPLATE)
            continue;
          self->node_seg[n] = i;
          self->node_src[n] = r;
          self->node_title[n] = seg->kind == SYN_PASSAGE_TITLE;
          n++;
        }
    }
  self->src_first[self->n_sources] = n;
  self->n_nodes = n;
}

/* ------------------------------------------------------------- candidates */

typedef struct {
  guint node;
  float weight;
} Posting;

typedef struct {
  guint  *first;     /* n_word_ids + 1 */
  Posting *postings;
} Index;

static void
index_build (Index            *index,
             const SynVectors *vec)
{
  guint total = vec->word_first[vec->n_nodes];
  g_autofree guint *fill = g_new0 (guint, vec->n_word_ids + 1);

  index->first = g_new0 (guint, vec->n_word_ids + 2);
  index->postings = g_new (Posting, total + 1);
  for (guint i = 0; i < total; i++)
    index->first[vec->words[i].id + 1]++;
  for (guint f = 0; f < vec->n_word_ids; f++)
    index->first[f + 1] += index->first[f];
  for (guint v = 0; v < vec->n_nodes; v++)
    {
      for (guint i = vec->word_first[v]; i < vec->word_first[v + 1]; i++)
        {
          guint f = vec->words[i].id;
          Posting *p = &index->postings[index->first[f] + fill[f]++];

          p->node = v;
          p->weight = vec->words[i].weight;
        }
    }
}

static void
index_clear (Index *index)
{
  g_clear_pointer (&index->first, g_free);
  g_clear_pointer (&index->postings, g_free);
}

static float
word_weight (const SynVectors *vec,
             guint             v,
             guint32           id)
{
  guint lo = vec->word_first[v], hi = vec->word_first[v + 1];

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (vec->words[mid].id < id)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo < vec->word_first[v + 1] && vec->words[lo].id == id ? vec->words[lo].weight : 0;
}

static int
cmp_edge_nodes (gconstpointer a,
                gconstpointer b)
{
  const SynEdge *x = a, *y = b;

  if (x->a != y->a)
    return x->a < y->a ? -1 : 1;
  return (x->b > y->b) - (x->b < y->b);
}

static void
add_edge (GArray *edges,
          guint   u,
          guint   v)
{
  SynEdge e = { MIN (u, v), MAX (u, v), 0, { 0, 0 }, { -1, -1 } };
  g_array_append_val (edges, e);
}

/* Candidate generation. For each node, the accumulated weight of the rare
 * words it shares with nodes of other sources, walking the posting lists
 * of its rarest words only, and never a list longer than a cap: the cost
 * is bounded by nodes × words kept × cap, not by nodes². The best few of
 * each other source become candidate edges. */
static void
generate_candidates (SynAligner *self)
{
  const SynVectors *vec = self->vectors;
  guint n = self->n_nodes;
  guint keep = (guint) CANDIDATES_PER_SOURCE;
  guint max_words = (guint) CANDIDATE_WORDS;
  double ratio = CANDIDATE_RATIO;
  guint cap = MAX ((guint) POSTING_CAP, 4 * self->n_sources);
  g_autofree float *acc = g_new0 (float, n + 1);
  g_autofree guint *touched = g_new (guint, n + 1);
  g_autofree guint *best = g_new (guint, (gsize) self->n_sources * keep + 1);
  g_autofree guint *n_best = g_new0 (guint, self->n_sources + 1);
  Index index;
  guint n_titles = 0;

  index_build (&index, vec);
  self->edges = g_array_new (FALSE, FALSE, sizeof (SynEdge));

  for (guint v = 0; v < n; v++)
    {
      guint n_touched = 0, used = 0;

      if (v % 512 == 0 && !syn_aligner_report (self, (double) v / n))
        break;
      for (guint i = vec->word_first[v]; i < vec->word_first[v + 1] && used < max_words; i++)
        {
          guint32 f = vec->rare[i];
          guint df = index.first[f + 1] - index.first[f];
          float wv;

          if (df < 2)
            continue;
          if (df > cap)
            break;
          used++;
          wv = word_weight (vec, v, f);
          for (guint k = index.first[f]; k < index.first[f + 1]; k++)
            {
              guint u = index.postings[k].node;

              if (self->node_src[u] == self->node_src[v] || self->node_title[u] != self->node_title[v])
                continue;
              if (acc[u] == 0)
                touched[n_touched++] = u;
              acc[u] += wv * index.postings[k].weight;
            }
        }

      /* keep the best few per other source; on a tie the passage touched
       * first stays, an order fixed by the canonical numbering */
      for (guint i = 0; i < n_touched; i++)
        {
          guint u = touched[i], r = self->node_src[u];
          guint *slot = best + (gsize) r * keep;
          guint m = n_best[r], j;

          if (m == keep && acc[slot[m - 1]] >= acc[u])
            continue;
          if (m < keep)
            n_best[r]++;
          for (j = MIN (m, keep - 1); j > 0 && acc[slot[j - 1]] < acc[u]; j--)
            slot[j] = slot[j - 1];
          slot[j] = u;
        }
      /* the runners-up only when close to the best: with many sources,
       * most passages have one clear counterpart in each */
      for (guint i = 0; i < n_touched; i++)
        {
          guint u = touched[i], r = self->node_src[u];
          const guint *slot = best + (gsize) r * keep;

          for (guint j = 0; j < n_best[r] && acc[slot[j]] >= ratio * acc[slot[0]]; j++)
            add_edge (self->edges, v, slot[j]);
          n_best[r] = 0;
        }
      for (guint i = 0; i < n_touched; i++)
        acc[touched[i]] = 0;

      n_titles += self->node_title[v];
    }
  index_clear (&index);

  /* headlines are few: compare every pair of them */
  if (n_titles <= 256)
    {
      for (guint v = 0; v < n; v++)
        for (guint u = v + 1; u < n && self->node_title[v]; u++)
          if (self->node_title[u] && self->node_src[u] != self->node_src[v])
            add_edge (self->edges, v, u);
    }
}

/* Adds the diagonal neighbours of confident edges: when a and b
 * correspond, a's successor and b's successor are worth scoring even if
 * they share no rare word (short sentences of long parallel documents).
 * Confident: the best edge of one of its nodes, and alike enough. */
static void
add_neighbour_candidates (SynAligner *self)
{
  guint len = self->edges->len;
  g_autofree float *best = g_new0 (float, self->n_nodes + 1);

  for (guint i = 0; i < len; i++)
    {
      const SynEdge *e = &g_array_index (self->edges, SynEdge, i);

      best[e->a] = MAX (best[e->a], e->sim);
      best[e->b] = MAX (best[e->b], e->sim);
    }
  for (guint i = 0; i < len; i++)
    {
      SynEdge e = g_array_index (self->edges, SynEdge, i);

      if (e.sim < NEIGHBOUR_MIN_SIM || (e.sim < best[e.a] && e.sim < best[e.b]))
        continue;
      if (syn_aligner_adjacent (self, e.a, e.a + 1) && syn_aligner_adjacent (self, e.b, e.b + 1))
        add_edge (self->edges, e.a + 1, e.b + 1);
      if (e.a > 0 && e.b > 0 && syn_aligner_adjacent (self, e.a, e.a - 1) &&
          syn_aligner_adjacent (self, e.b, e.b - 1))
        add_edge (self->edges, e.a - 1, e.b - 1);
    }
}

/* One stable counting pass: @from's edges into @to, ordered by node a
 * (@by_a) or b. @first holds n_nodes + 1 counters. */
static void
count_edges_into (const SynEdge *from,
                  SynEdge       *to,
                  guint          n,
                  guint         *first,
                  guint          n_nodes,
                  gboolean       by_a)
{
  memset (first, 0, (n_nodes + 1) * sizeof (guint));
  for (guint i = 0; i < n; i++)
    first[(by_a ? from[i].a : from[i].b) + 1]++;
  for (guint v = 0; v < n_nodes; v++)
    first[v + 1] += first[v];
  for (guint i = 0; i < n; i++)
    to[first[by_a ? from[i].a : from[i].b]++] = from[i];
}

/* Sorts @edges by (a, b) as g_array_sort() with cmp_edge_nodes() would,
 * equal edges keeping their order, in linear time: two stable counting
 * passes, on b and then on a. Edges are the largest array of the
 * aligner (fifty sources make millions), where a comparison sort costs a
 * tenth of the whole comparison. */
static void
sort_edges_by_nodes (GArray *edges,
                     guint   n_nodes)
{
  SynEdge *e = (SynEdge *) (gpointer) edges->data;
  guint n = edges->len;
  g_autofree SynEdge *tmp = NULL;
  g_autofree guint *first = NULL;

  if (n < 2)
    return;
  tmp = g_new (SynEdge, n);
  first = g_new (guint, n_nodes + 1);
  count_edges_into (e, tmp, n, first, n_nodes, FALSE);
  count_edges_into (tmp, e, n, first, n_nodes, TRUE);
}

static void
dedupe_and_score_edges (SynAligner *self,
                        guint    from)
{
  SynEdge *e = (SynEdge *) (gpointer) self->edges->data;
  guint n = 0;

  sort_edges_by_nodes (self->edges, self->n_nodes);
  for (guint i = 0; i < self->edges->len; i++)
    {
      if (n > 0 && e[n - 1].a == e[i].a && e[n - 1].b == e[i].b)
        {
          if (e[i].cover[0] >= 0)
            e[n - 1] = e[i];
          continue;
        }
      e[n++] = e[i];
    }
  g_array_set_size (self->edges, n);

  /* edges are sorted by their first node: spread it out once for all */
  {
    g_autoptr(SynScatter) scatter = syn_scatter_new (self->vectors);
    guint scattered = G_MAXUINT;

    for (guint i = 0; i < n; i++)
      {
        double d[2], c[2];

        if (i % 4096 == 0 && !syn_aligner_report (self, (double) i / n))
          break;
        if (e[i].cover[0] >= 0)
          continue;
        if (scattered != e[i].a)
          {
            if (scattered != G_MAXUINT)
              syn_scatter_clear (scatter, self->vectors, scattered);
            scattered = e[i].a;
            syn_scatter_set (scatter, self->vectors, scattered);
          }
        e[i].sim = (float) syn_scatter_compare (scatter, self->vectors, e[i].a, e[i].b, d, c);
        e[i].dot[0] = (float) d[0];
        e[i].dot[1] = (float) d[1];
        e[i].cover[0] = (float) c[0];
        e[i].cover[1] = (float) c[1];
      }
  }
}

/* ------------------------------------------------------------- clustering */

static void
link_clear (gpointer data)
{
  SynLink *link = data;
  g_free (link->nodes);
}

typedef struct {
  guint  *parent;
  GArray **members;   /* per root: guint nodes, sorted */
  double *score_sum;
  guint  *n_links;
} Clusters;

static guint
find_root (Clusters *c,
           guint     v)
{
  while (c->parent[v] != v)
    {
      c->parent[v] = c->parent[c->parent[v]];
      v = c->parent[v];
    }
  return v;
}

static int
cmp_link (gconstpointer a,
          gconstpointer b)
{
  const SynLink *x = a, *y = b;

  if (x->score != y->score)
    return x->score > y->score ? -1 : 1;
  if (x->nodes[0] != y->nodes[0])
    return x->nodes[0] < y->nodes[0] ? -1 : 1;
  if (x->n_nodes != y->n_nodes)
    return x->n_nodes < y->n_nodes ? -1 : 1;
  for (guint i = 1; i < x->n_nodes; i++)
    if (x->nodes[i] != y->nodes[i])
      return x->nodes[i] < y->nodes[i] ? -1 : 1;
  return 0;
}

int
syn_aligner_cmp_node (gconstpointer a,
                      gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;
  return (x > y) - (x < y);
}

/* How alike the passages of one source in cluster @p are to those of
 * another source in cluster @q. */
static double
source_similarity (SynAligner    *self,
                   const guint *p,
                   guint        n_p,
                   const guint *q,
                   guint        n_q)
{
  if (n_p == 1 && n_q == 1)
    {
      SynEdge key = { MIN (p[0], q[0]), MAX (p[0], q[0]), 0, { 0, 0 }, { 0, 0 } };
      const SynEdge *e = bsearch (&key, self->edges->data, self->edges->len, sizeof (SynEdge),
                                  cmp_edge_nodes);

      return e != NULL ? e->sim : syn_vectors_similarity (self->vectors, p[0], q[0]);
    }
  return syn_vectors_set_similarity (self->vectors, p, n_p, q, n_q);
}

/* The mean similarity between the sources of two clusters (each given as
 * its sorted members). */
static double
linkage (SynAligner *self,
         GArray  *p,
         GArray  *q,
         guint   *pairs)
{
  const guint *pm = (const guint *) (gconstpointer) p->data;
  const guint *qm = (const guint *) (gconstpointer) q->data;
  double sum = 0;

  *pairs = 0;
  for (guint i = 0; i < p->len;)
    {
      guint i2 = i;

      while (i2 < p->len && self->node_src[pm[i2]] == self->node_src[pm[i]])
        i2++;
      for (guint j = 0; j < q->len;)
        {
          guint j2 = j;

          while (j2 < q->len && self->node_src[qm[j2]] == self->node_src[qm[j]])
            j2++;
          if (self->node_src[pm[i]] != self->node_src[qm[j]])
            {
              sum += source_similarity (self, pm + i, i2 - i, qm + j, j2 - j);
              (*pairs)++;
            }
          j = j2;
        }
      i = i2;
    }
  return sum;
}

static gboolean
in_link (const SynLink *link,
         guint          v)
{
  return bsearch (&v, link->nodes, link->n_nodes, sizeof (guint), syn_aligner_cmp_node) != NULL;
}

/* May the clusters of the link's nodes be merged? Several passages of one
 * source may share a cluster only as a run of neighbours brought in by a
 * split or merge; and the merged clusters must hang together on average,
 * so that one loose link does not chain two different sentences. */
static gboolean
may_merge (SynAligner   *self,
           Clusters   *c,
           const SynLink *link,
           GPtrArray  *roots)
{
  gboolean split = FALSE;
  g_autoptr(GArray) merged = g_array_new (FALSE, FALSE, sizeof (guint));
  double sum = 0;
  guint pairs = 0;

  for (guint i = 0; i + 1 < link->n_nodes; i++)
    if (self->node_src[link->nodes[i]] == self->node_src[link->nodes[i + 1]])
      split = TRUE;

  for (guint i = 0; i < roots->len; i++)
    {
      GArray *m = c->members[GPOINTER_TO_UINT (g_ptr_array_index (roots, i))];
      g_array_append_vals (merged, m->data, m->len);
    }
  g_array_sort (merged, syn_aligner_cmp_node);
  for (guint i = 0; i + 1 < merged->len; i++)
    {
      guint u = g_array_index (merged, guint, i), v = g_array_index (merged, guint, i + 1);

      if (self->node_src[u] != self->node_src[v] || find_root (c, u) == find_root (c, v))
        continue;
      if (syn_aligner_adjacent (self, u, v) && split)
        continue;
      /* passages apart: the pair stage vouches for them only together */
      if (v - u > SYN_ALIGN_MAX_SKIP + 1 || self->node_title[u] || self->node_title[v] ||
          !in_link (link, u) || !in_link (link, v))
        return FALSE;
    }

  /* headlines are one per source and correspond by position in the page */
  if (self->node_title[link->nodes[0]])
    return TRUE;

  /* one passage against one, neither yet linked to anything else: such a
   * link chains nothing, and the pair stage took it for its place between
   * two groups when not for its words; a split or merge still has to hang
   * together */
  if (link->n_nodes == 2 && merged->len == 2)
    return TRUE;

  for (guint i = 0; i < roots->len; i++)
    for (guint j = i + 1; j < roots->len; j++)
      {
        guint n_pairs;

        sum += linkage (self, c->members[GPOINTER_TO_UINT (g_ptr_array_index (roots, i))],
                        c->members[GPOINTER_TO_UINT (g_ptr_array_index (roots, j))], &n_pairs);
        pairs += n_pairs;
      }
  return pairs == 0 || sum / pairs >= CLUSTER_MIN_LINKAGE;
}

static void
merge_roots (Clusters  *c,
             GPtrArray *roots,
             double     score)
{
  guint keep = GPOINTER_TO_UINT (g_ptr_array_index (roots, 0));

  for (guint i = 1; i < roots->len; i++)
    {
      guint r = GPOINTER_TO_UINT (g_ptr_array_index (roots, i));

      c->parent[r] = keep;
      g_array_append_vals (c->members[keep], c->members[r]->data, c->members[r]->len);
      g_clear_pointer (&c->members[r], g_array_unref);
      c->score_sum[keep] += c->score_sum[r];
      c->n_links[keep] += c->n_links[r];
    }
  g_array_sort (c->members[keep], syn_aligner_cmp_node);
  c->score_sum[keep] += score;
  c->n_links[keep]++;
}

/* Merges the pairwise links into clusters across all sources, strongest
 * link first. */
static void
cluster_links (SynAligner *self,
               Clusters *c)
{
  g_autoptr(GPtrArray) roots = g_ptr_array_new ();

  c->parent = g_new (guint, self->n_nodes + 1);
  c->members = g_new0 (GArray *, self->n_nodes + 1);
  c->score_sum = g_new0 (double, self->n_nodes + 1);
  c->n_links = g_new0 (guint, self->n_nodes + 1);
  for (guint v = 0; v < self->n_nodes; v++)
    {
      c->parent[v] = v;
      c->members[v] = g_array_new (FALSE, FALSE, sizeof (guint));
      g_array_append_val (c->members[v], v);
    }

  g_array_sort (self->links, cmp_link);
  for (guint i = 0; i < self->links->len; i++)
    {
      const SynLink *link = &g_array_index (self->links, SynLink, i);

      if (i % 1024 == 0 && !syn_aligner_report (self, (double) i / self->links->len))
        return;
      g_ptr_array_set_size (roots, 0);
      for (guint j = 0; j < link->n_nodes; j++)
        {
          guint r = find_root (c, link->nodes[j]);
          gboolean seen = FALSE;

          for (guint k = 0; k < roots->len && !seen; k++)
            seen = GPOINTER_TO_UINT (g_ptr_array_index (roots, k)) == r;
          if (!seen)
            g_ptr_array_add (roots, GUINT_TO_POINTER (r));
        }
      if (roots->len < 2)
        {
          c->score_sum[GPOINTER_TO_UINT (g_ptr_array_index (roots, 0))] += link->score;
          c->n_links[GPOINTER_TO_UINT (g_ptr_array_index (roots, 0))]++;
          continue;
        }
      if (may_merge (self, c, link, roots))
        merge_roots (c, roots, link->score);
    }
}

typedef struct {
  guint  node;
  guint  root;
  double sum;
  guint  strong;
} Vote;

static int
cmp_vote_key (gconstpointer x,
              gconstpointer y)
{
  const Vote *a = x, *b = y;

  if (a->node != b->node)
    return a->node < b->node ? -1 : 1;
  return (a->root > b->root) - (a->root < b->root);
}

static int
cmp_vote_sum (gconstpointer x,
              gconstpointer y)
{
  const Vote *a = x, *b = y;

  if (a->sum != b->sum)
    return a->sum > b->sum ? -1 : 1;
  return cmp_vote_key (x, y);
}

static guint
count_sources (SynAligner *self,
               GArray     *members)
{
  guint n = 0;

  for (guint i = 0; i < members->len; i++)
    if (i == 0 || self->node_src[g_array_index (members, guint, i)] !=
                  self->node_src[g_array_index (members, guint, i - 1)])
      n++;
  return n;
}

static gboolean
has_source (SynAligner *self,
            GArray     *members,
            guint       src)
{
  for (guint i = 0; i < members->len; i++)
    if (self->node_src[g_array_index (members, guint, i)] == src)
      return TRUE;
  return FALSE;
}

/* The consensus of several sources. A passage that no pairwise alignment
 * took (a machine-translated rewrite resembles each other version only a
 * little) may still resemble, a little, every member of one cluster and
 * nothing else: it joins that cluster when its mean similarity to the
 * cluster's sources is high enough, at least two members agree, and no
 * other passage of its source is a better candidate. */
static void
attach_to_clusters (SynAligner *self,
                    Clusters   *c)
{
  g_autoptr(GArray) votes = g_array_new (FALSE, FALSE, sizeof (Vote));
  g_autoptr(GHashTable) taken = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree gint64 *keys = NULL;
  double min_mean = CONSENSUS_MIN_MEAN;
  double strong = CONSENSUS_AGREE_SIM;
  double margin = CONSENSUS_MARGIN;
  g_autofree double *second = NULL;
  g_autofree guint8 *seen = NULL;
  Vote *v;
  guint n = 0;

  for (guint i = 0; i < self->edges->len; i++)
    {
      const SynEdge *e = &g_array_index (self->edges, SynEdge, i);

      for (guint side = 0; side < 2; side++)
        {
          guint x = side ? e->b : e->a, y = side ? e->a : e->b;
          guint rx = find_root (c, x), ry = find_root (c, y);
          Vote vote = { x, ry, e->sim, e->sim >= strong };

          if (c->members[rx]->len > 1 || c->members[ry]->len < 2 || self->node_title[x])
            continue;
          g_array_append_val (votes, vote);
        }
    }
  g_array_sort (votes, cmp_vote_key);
  v = (Vote *) (gpointer) votes->data;
  for (guint i = 0; i < votes->len; i++)
    {
      if (n > 0 && v[n - 1].node == v[i].node && v[n - 1].root == v[i].root)
        {
          v[n - 1].sum += v[i].sum;
          v[n - 1].strong += v[i].strong;
        }
      else
        v[n++] = v[i];
    }
  g_array_set_size (votes, n);
  for (guint i = 0; i < n; i++)
    v[i].sum /= count_sources (self, c->members[v[i].root]);
  g_array_sort (votes, cmp_vote_sum);
  v = (Vote *) (gpointer) votes->data;

  /* the runner-up of each node: a node torn between two clusters is left
   * alone (votes are sorted best first, so the first seen is the best) */
  second = g_new0 (double, self->n_nodes + 1);
  seen = g_new0 (guint8, self->n_nodes + 1);
  for (guint i = 0; i < n; i++)
    {
      if (seen[v[i].node] == 1)
        second[v[i].node] = v[i].sum;
      seen[v[i].node] = (guint8) MIN (seen[v[i].node] + 1, 2);
    }

  /* best first; a node takes its best cluster only, and a cluster the best
   * node of each source only */
  keys = g_new (gint64, 2 * n + 1);
  for (guint i = 0; i < n; i++)
    {
      gint64 *node_key = &keys[2 * i], *slot_key = &keys[2 * i + 1];
      guint root;

      *node_key = -(gint64) v[i].node - 1;
      *slot_key = (gint64) v[i].root * self->n_sources + self->node_src[v[i].node];
      if (g_hash_table_contains (taken, node_key) || g_hash_table_contains (taken, slot_key))
        continue;
      g_hash_table_add (taken, node_key);
      g_hash_table_add (taken, slot_key);
      if (v[i].sum < min_mean || v[i].strong < 2 || v[i].sum < margin * second[v[i].node])
        continue;
      root = find_root (c, v[i].root);
      if (has_source (self, c->members[root], self->node_src[v[i].node]))
        continue;
      c->parent[v[i].node] = root;
      g_array_append_val (c->members[root], v[i].node);
      g_array_sort (c->members[root], syn_aligner_cmp_node);
      g_clear_pointer (&c->members[v[i].node], g_array_unref);
      c->score_sum[root] += v[i].sum;
      c->n_links[root]++;
    }
}

static void
clusters_clear (Clusters *c,
                guint     n)
{
  for (guint v = 0; v < n; v++)
    if (c->members != NULL && c->members[v] != NULL)
      g_array_unref (c->members[v]);
  g_free (c->members);
  g_free (c->parent);
  g_free (c->score_sum);
  g_free (c->n_links);
}

/* ----------------------------------------------------------------- output */

static void
cluster_clear (gpointer data)
{
  SynCluster *c = data;
  g_free (c->segments);
}

typedef struct {
  guint  first_segment;
  guint  root;
} OutOrder;

static int
cmp_out_order (gconstpointer a,
               gconstpointer b)
{
  const OutOrder *x = a, *y = b;
  return (x->first_segment > y->first_segment) - (x->first_segment < y->first_segment);
}

/* A confidence from the mean similarity of the links that made a cluster:
 * near 0.5 at the acceptance threshold, approaching 1 for near copies. */
static double
confidence (double mean_sim)
{
  return CLAMP (1.0 - exp (-mean_sim / 0.25), 0.0, 1.0);
}

static GArray *
emit_clusters (SynAligner *self,
               Clusters *c)
{
  GArray *out = g_array_new (FALSE, TRUE, sizeof (SynCluster));
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (OutOrder));

  g_array_set_clear_func (out, cluster_clear);
  for (guint v = 0; v < self->n_nodes; v++)
    {
      GArray *m = c->members[v];
      OutOrder o;

      if (c->parent[v] != v || m == NULL || m->len < 2)
        continue;
      o.root = v;
      o.first_segment = G_MAXUINT;
      for (guint i = 0; i < m->len; i++)
        o.first_segment = MIN (o.first_segment, self->node_seg[g_array_index (m, guint, i)]);
      g_array_append_val (order, o);
    }
  g_array_sort (order, cmp_out_order);

  for (guint k = 0; k < order->len; k++)
    {
      const OutOrder *o = &g_array_index (order, OutOrder, k);
      GArray *m = c->members[o->root];
      SynCluster cluster;
      g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

      cluster.n_segments = m->len;
      cluster.segments = g_new (guint, m->len);
      for (guint i = 0; i < m->len; i++)
        {
          guint node = g_array_index (m, guint, i);
          guint seg = self->node_seg[node];

          cluster.segments[i] = seg;
          g_array_index (self->segments, SynSegment, seg).cluster = (gint) k;
          g_hash_table_add (seen, GUINT_TO_POINTER (self->node_src[node] + 1));
        }
      qsort (cluster.segments, cluster.n_segments, sizeof (guint), syn_aligner_cmp_node);
      cluster.support = g_hash_table_size (seen);
      cluster.score = confidence (c->n_links[o->root] > 0
                                  ? c->score_sum[o->root] / c->n_links[o->root] : 0);
      g_array_append_val (out, cluster);
    }
  return out;
}

static void
aligner_clear (SynAligner *self)
{
  g_free (self->node_seg);
  g_free (self->node_src);
  g_free (self->node_title);
  g_free (self->src_first);
  g_clear_pointer (&self->vectors, syn_vectors_free);
  g_clear_pointer (&self->edges, g_array_unref);
  g_clear_pointer (&self->links, g_array_unref);
}

GArray *
syn_align (const SynSourceText *sources,
           guint                n_sources,
           GArray              *segments,
           SynProgressFunc      progress,
           gpointer             user_data)
{
  return syn_align_with_tokens (sources, n_sources, segments, NULL, progress, user_data);
}

GArray *
syn_align_with_tokens (const SynSourceText *sources,
                       guint                n_sources,
                       GArray              *segments,
                       SynTokenCache       *tokens,
                       SynProgressFunc      progress,
                       gpointer             user_data)
{
  SynAligner self = { 0 };
  Clusters clusters = { 0 };
  GArray *out = NULL;

  g_return_val_if_fail (sources != NULL || n_sources == 0, NULL);
  g_return_val_if_fail (segments != NULL, NULL);

  self.sources = sources;
  self.segments = segments;
  self.n_sources = n_sources;
  self.progress = progress;
  self.user_data = user_data;

  for (guint i = 0; i < segments->len; i++)
    g_array_index (segments, SynSegment, i).cluster = -1;

  make_nodes (&self);
  stage (&self, 0.0, 0.2);
  if (!syn_aligner_report (&self, 0))
    goto out;
  self.vectors = syn_vectors_new (sources, segments, self.node_seg, self.n_nodes, tokens);

  stage (&self, 0.2, 0.15);
  generate_candidates (&self);
  if (self.cancelled)
    goto out;
  stage (&self, 0.35, 0.1);
  dedupe_and_score_edges (&self, 0);
  add_neighbour_candidates (&self);
  stage (&self, 0.45, 0.05);
  dedupe_and_score_edges (&self, 0);
  if (self.cancelled)
    goto out;

  stage (&self, 0.5, 0.3);
  self.links = g_array_new (FALSE, FALSE, sizeof (SynLink));
  g_array_set_clear_func (self.links, link_clear);
  syn_aligner_align_pairs (&self);
  if (self.cancelled)
    goto out;

  stage (&self, 0.8, 0.2);
  cluster_links (&self, &clusters);
  if (self.cancelled)
    goto out;
  attach_to_clusters (&self, &clusters);
  out = emit_clusters (&self, &clusters);
  if (!syn_aligner_report (&self, 1.0))
    g_clear_pointer (&out, g_array_unref);

out:
  clusters_clear (&clusters, self.n_nodes);
  aligner_clear (&self);
  if (out == NULL)
    for (guint i = 0; i < segments->len; i++)
      g_array_index (segments, SynSegment, i).cluster = -1;
  return out;
}
