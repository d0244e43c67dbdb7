/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Which passage corresponds to which, across any number of sources?
 *
 * (Essay to be completed with measured figures.)
 */
#define G_LOG_DOMAIN "syn-core"

#include "config.h"

#include <math.h>
#include <string.h>

#include "syn-align.h"
#include "syn-similarity.h"

/* Tunables: a development aid, read once. */
static double
tune (const char *name,
      double      fallback)
{
  g_autofree char *var = g_strconcat ("SYN_TUNE_", name, NULL);
  const char *val = g_getenv (var);

  return val != NULL ? g_ascii_strtod (val, NULL) : fallback;
}

typedef struct {
  guint a;      /* nodes, a < b, in different sources */
  guint b;
  float sim;
  float adj;    /* sim with the neighbourhood bonus */
} Edge;

/* A decision of the pairwise stage: passages of one source that correspond
 * to passages of another (one to one, or a split or merge). */
typedef struct {
  guint *nodes;
  guint  n_nodes;
  double score;
} Link;

typedef struct {
  const SynSourceText *sources;
  GArray              *segments;
  guint                n_sources;

  /* Nodes: the passages that take part (all but boilerplate), numbered by
   * source in a canonical order that depends on the texts only, then by
   * position, so that every later tie is broken the same way whatever the
   * order in which the files were given. */
  guint                n_nodes;
  guint               *node_seg;     /* node -> segment index */
  guint               *node_src;     /* node -> canonical source rank */
  gboolean            *node_title;
  guint               *src_first;    /* canonical rank -> first node; n_sources + 1 */

  SynVectors          *vectors;
  GArray              *edges;        /* Edge, sorted by (a, b) */
  GArray              *links;        /* Link */

  SynProgressFunc      progress;
  gpointer             user_data;
  double               progress_base;
  double               progress_span;
  gboolean             cancelled;
} Aligner;

static gboolean
report (Aligner *self,
        double   fraction)
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
stage (Aligner *self,
       double   base,
       double   span)
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
make_nodes (Aligner *self)
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

/* Two nodes are neighbours when they follow each other in one source,
 * boilerplate in between not counting, and are of the same class. */
static gboolean
adjacent (Aligner *self,
          guint    u,
          guint    v)
{
  if (u >= self->n_nodes || v >= self->n_nodes || (v != u + 1 && u != v + 1))
    return FALSE;
  return self->node_src[u] == self->node_src[v] && self->node_title[u] == self->node_title[v];
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
  const Edge *x = a, *y = b;

  if (x->a != y->a)
    return x->a < y->a ? -1 : 1;
  return (x->b > y->b) - (x->b < y->b);
}

static void
add_edge (GArray *edges,
          guint   u,
          guint   v)
{
  Edge e = { MIN (u, v), MAX (u, v), 0, 0 };
  g_array_append_val (edges, e);
}

/* Candidate generation. For each node, the accumulated weight of the rare
 * words it shares with nodes of other sources, walking the posting lists
 * of its rarest words only, and never a list longer than a cap: the cost
 * is bounded by nodes × words kept × cap, not by nodes². The best few of
 * each other source become candidate edges. */
static void
generate_candidates (Aligner *self)
{
  const SynVectors *vec = self->vectors;
  guint n = self->n_nodes;
  guint keep = (guint) tune ("KEEP", 3);
  guint max_words = (guint) tune ("MAXWORDS", 12);
  guint cap = MAX ((guint) tune ("CAP", 64), 4 * self->n_sources);
  g_autofree float *acc = g_new0 (float, n + 1);
  g_autofree guint *touched = g_new (guint, n + 1);
  g_autofree guint *best = g_new (guint, (gsize) self->n_sources * keep + 1);
  g_autofree guint *n_best = g_new0 (guint, self->n_sources + 1);
  Index index;
  guint n_titles = 0;

  index_build (&index, vec);
  self->edges = g_array_new (FALSE, FALSE, sizeof (Edge));

  for (guint v = 0; v < n; v++)
    {
      guint n_touched = 0, used = 0;

      if (v % 512 == 0 && !report (self, (double) v / n))
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

      /* keep the best few per other source (touched is in node order,
       * hence by source: a tie keeps the earlier node) */
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
      for (guint i = 0; i < n_touched; i++)
        {
          guint u = touched[i], r = self->node_src[u];

          for (guint j = 0; j < n_best[r]; j++)
            add_edge (self->edges, v, best[(gsize) r * keep + j]);
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

/* Adds the diagonal neighbours of every edge: when a and b correspond, a's
 * successor and b's successor are worth scoring even if they share no rare
 * word (short sentences of long parallel documents). */
static void
add_neighbour_candidates (Aligner *self)
{
  guint len = self->edges->len;

  for (guint i = 0; i < len; i++)
    {
      Edge e = g_array_index (self->edges, Edge, i);

      if (e.sim < tune ("NBSEED", 0.3))
        continue;
      if (e.a + 1 < self->n_nodes && e.b + 1 < self->n_nodes &&
          adjacent (self, e.a, e.a + 1) && adjacent (self, e.b, e.b + 1))
        add_edge (self->edges, e.a + 1, e.b + 1);
      if (e.a > 0 && e.b > 0 && adjacent (self, e.a, e.a - 1) && adjacent (self, e.b, e.b - 1))
        add_edge (self->edges, e.a - 1, e.b - 1);
    }
}

static void
dedupe_and_score_edges (Aligner *self,
                        guint    from)
{
  Edge *e = (Edge *) (gpointer) self->edges->data;
  guint n = 0;

  g_array_sort (self->edges, cmp_edge_nodes);
  for (guint i = 0; i < self->edges->len; i++)
    {
      if (n > 0 && e[n - 1].a == e[i].a && e[n - 1].b == e[i].b)
        {
          if (e[i].sim > e[n - 1].sim)
            e[n - 1] = e[i];
          continue;
        }
      e[n++] = e[i];
    }
  g_array_set_size (self->edges, n);
  for (guint i = 0; i < n; i++)
    {
      if (i % 4096 == 0 && !report (self, (double) i / n))
        return;
      if (e[i].sim == 0)
        e[i].sim = (float) syn_vectors_similarity (self->vectors, e[i].a, e[i].b);
    }
}

static const Edge *
find_edge (Aligner *self,
           guint    u,
           guint    v)
{
  Edge key = { MIN (u, v), MAX (u, v), 0, 0 };

  return bsearch (&key, self->edges->data, self->edges->len, sizeof (Edge), cmp_edge_nodes);
}

static float
edge_sim (Aligner *self,
          guint    u,
          guint    v)
{
  const Edge *e = find_edge (self, u, v);
  return e != NULL ? e->sim : 0;
}

/* ---------------------------------------------------------- pairwise stage */

/* The neighbourhood bonus: sentences of a moved paragraph keep their order
 * inside it, so a pair whose predecessors (or successors) correspond too is
 * more likely right. It settles short or generic sentences that match
 * several others about equally. */
static void
add_neighbourhood_bonus (Aligner *self)
{
  Edge *e = (Edge *) (gpointer) self->edges->data;
  double beta = tune ("BETA", 0.15);

  for (guint i = 0; i < self->edges->len; i++)
    {
      float before = 0, after = 0;

      if (adjacent (self, e[i].a, e[i].a - 1) && adjacent (self, e[i].b, e[i].b - 1))
        before = edge_sim (self, e[i].a - 1, e[i].b - 1);
      if (e[i].b + 1 < self->n_nodes && adjacent (self, e[i].a, e[i].a + 1) &&
          adjacent (self, e[i].b, e[i].b + 1))
        after = edge_sim (self, e[i].a + 1, e[i].b + 1);
      e[i].adj = e[i].sim + (float) (beta * MAX (before, after));
    }
}

static int
cmp_edge_adj (gconstpointer a,
              gconstpointer b)
{
  const Edge *x = *(const Edge * const *) a, *y = *(const Edge * const *) b;

  if (x->adj != y->adj)
    return x->adj > y->adj ? -1 : 1;
  return cmp_edge_nodes (x, y);
}

typedef struct {
  GArray *a;    /* guint nodes of the lower source, sorted */
  GArray *b;    /* of the higher source */
  double  score;
} Group;

typedef struct {
  guint  node;
  guint  partner;
  gint   group;    /* the partner's group, or -1: a new one */
  double cover;
} Attachment;

static int
cmp_attachment (gconstpointer a,
                gconstpointer b)
{
  const Attachment *x = a, *y = b;

  if (x->cover != y->cover)
    return x->cover > y->cover ? -1 : 1;
  if (x->node != y->node)
    return x->node < y->node ? -1 : 1;
  return (x->partner > y->partner) - (x->partner < y->partner);
}

static double
group_similarity (Aligner     *self,
                  const Group *g)
{
  return syn_vectors_set_similarity (self->vectors,
                                     (const guint *) (gconstpointer) g->a->data, g->a->len,
                                     (const guint *) (gconstpointer) g->b->data, g->b->len);
}

/* Tries to add @x, a neighbour of the group's passages on its side, to the
 * group: it must be mostly covered by the other side, and the group as a
 * whole must not grow less alike. */
static gboolean
try_attach (Aligner          *self,
            Group            *g,
            const Attachment *att,
            guint             src_a)
{
  gboolean on_a = self->node_src[att->node] == src_a;
  GArray *grow = on_a ? g->a : g->b;
  guint first = g_array_index (grow, guint, 0);
  guint last = g_array_index (grow, guint, grow->len - 1);
  gboolean at_end = att->node == last + 1 && adjacent (self, last, att->node);
  double with;

  if (!at_end && !(att->node + 1 == first && adjacent (self, first, att->node)))
    return FALSE;
  if (at_end)
    g_array_append_val (grow, att->node);
  else
    g_array_prepend_val (grow, att->node);
  with = group_similarity (self, g);
  if (with < g->score + tune ("GAIN", 0.0))
    {
      if (at_end)
        g_array_set_size (grow, grow->len - 1);
      else
        g_array_remove_index (grow, 0);
      return FALSE;
    }
  g->score = with;
  return TRUE;
}

static Group *
new_group (GArray *groups,
           guint   a,
           guint   b,
           double  score,
           gint   *group_of)
{
  Group g;

  group_of[a] = (gint) groups->len;
  group_of[b] = (gint) groups->len;
  g.a = g_array_new (FALSE, FALSE, sizeof (guint));
  g.b = g_array_new (FALSE, FALSE, sizeof (guint));
  g_array_append_val (g.a, a);
  g_array_append_val (g.b, b);
  g.score = score;
  g_array_append_val (groups, g);
  return &g_array_index (groups, Group, groups->len - 1);
}

/* Splits and merges. A passage left alone that is mostly said by a
 * passage of the other source is part of it: the other half of a sentence
 * split in two, or of two merged into one. The pieces of a long sentence
 * split in three each resemble it too little for the one-to-one stage, but
 * each is covered by it. Coverage, not cosine, decides here: a new group
 * needs a passage well covered by a free one; a passage joins an existing
 * group when it is next to the group's passages on its side and the group
 * does not grow less alike. Runs to a fixed point, since each passage
 * attached makes its own neighbour a candidate. */
static void
attach_neighbours (Aligner *self,
                   GArray  *edges,
                   guint    first,
                   guint    last,
                   GArray  *groups,
                   gint    *group_of)
{
  g_autoptr(GArray) cands = g_array_new (FALSE, FALSE, sizeof (Attachment));
  guint src_a = self->node_src[g_array_index (edges, Edge, first).a];
  double min_cover = tune ("COVER", 0.3);
  double seed_cover = tune ("SEEDCOVER", 0.5);
  double seed_sim = tune ("SEEDSIM", 0.2);
  gboolean changed = TRUE;

  while (changed)
    {
      changed = FALSE;
      g_array_set_size (cands, 0);
      for (guint i = first; i < last; i++)
        {
          const Edge *e = &g_array_index (edges, Edge, i);

          for (guint side = 0; side < 2; side++)
            {
              guint x = side ? e->b : e->a, y = side ? e->a : e->b;
              Attachment att;

              if (group_of[x] != -1 || self->node_title[x])
                continue;
              att.node = x;
              att.partner = y;
              if (group_of[y] == -1)
                {
                  if (e->sim < seed_sim)
                    continue;
                  att.group = -1;
                  att.cover = syn_vectors_coverage (self->vectors, &y, 1, x);
                  if (att.cover < seed_cover)
                    continue;
                }
              else
                {
                  Group *g = &g_array_index (groups, Group, group_of[y]);
                  GArray *other = side ? g->a : g->b;

                  att.group = group_of[y];
                  att.cover = syn_vectors_coverage (self->vectors,
                                                    (const guint *) (gconstpointer) other->data,
                                                    other->len, x);
                  if (att.cover < min_cover)
                    continue;
                }
              g_array_append_val (cands, att);
            }
        }
      g_array_sort (cands, cmp_attachment);
      for (guint i = 0; i < cands->len; i++)
        {
          const Attachment *att = &g_array_index (cands, Attachment, i);

          if (group_of[att->node] != -1)
            continue;
          if (att->group == -1)
            {
              if (group_of[att->partner] != -1)
                continue;
              if (self->node_src[att->node] == src_a)
                new_group (groups, att->node, att->partner,
                           syn_vectors_similarity (self->vectors, att->node, att->partner), group_of);
              else
                new_group (groups, att->partner, att->node,
                           syn_vectors_similarity (self->vectors, att->node, att->partner), group_of);
              changed = TRUE;
            }
          else if (try_attach (self, &g_array_index (groups, Group, att->group), att, src_a))
            {
              group_of[att->node] = att->group;
              changed = TRUE;
            }
        }
    }
}

/* Aligns one pair of sources, from their edges [first, last) of @edges. */
static void
align_pair (Aligner *self,
            GArray  *edges,
            guint    first,
            guint    last,
            gint    *group_of)
{
  g_autoptr(GPtrArray) order = g_ptr_array_sized_new (last - first);
  g_autoptr(GArray) groups = g_array_new (FALSE, FALSE, sizeof (Group));
  double threshold = tune ("THRESH", 0.4);
  double title_threshold = tune ("TTHRESH", 0.05);

  for (guint i = first; i < last; i++)
    g_ptr_array_add (order, &g_array_index (edges, Edge, i));
  g_ptr_array_sort (order, cmp_edge_adj);

  /* one to one, strongest first */
  for (guint i = 0; i < order->len; i++)
    {
      const Edge *e = g_ptr_array_index (order, i);

      if (group_of[e->a] != -1 || group_of[e->b] != -1)
        continue;
      if (e->adj < (self->node_title[e->a] ? title_threshold : threshold))
        continue;
      new_group (groups, e->a, e->b, e->sim, group_of);
    }

  attach_neighbours (self, edges, first, last, groups, group_of);

  for (guint i = 0; i < groups->len; i++)
    {
      Group *g = &g_array_index (groups, Group, i);
      Link link;

      link.n_nodes = g->a->len + g->b->len;
      link.nodes = g_new (guint, link.n_nodes);
      memcpy (link.nodes, g->a->data, g->a->len * sizeof (guint));
      memcpy (link.nodes + g->a->len, g->b->data, g->b->len * sizeof (guint));
      link.score = g->score;
      g_array_append_val (self->links, link);
      for (guint j = 0; j < g->a->len; j++)
        group_of[g_array_index (g->a, guint, j)] = -1;
      for (guint j = 0; j < g->b->len; j++)
        group_of[g_array_index (g->b, guint, j)] = -1;
      g_array_unref (g->a);
      g_array_unref (g->b);
    }
}

static void
link_clear (gpointer data)
{
  Link *link = data;
  g_free (link->nodes);
}

static void
align_pairs (Aligner *self)
{
  g_autofree gint *partner = g_new (gint, self->n_nodes + 1);
  g_autoptr(GArray) pair_edges = NULL;
  guint n = self->edges->len;
  guint i = 0;

  for (guint v = 0; v <= self->n_nodes; v++)
    partner[v] = -1;
  self->links = g_array_new (FALSE, FALSE, sizeof (Link));
  g_array_set_clear_func (self->links, link_clear);

  /* edges are sorted by (a, b) and nodes by source: regroup them by pair
   * of sources, keeping (a, b) order inside each */
  pair_edges = g_array_sized_new (FALSE, FALSE, sizeof (Edge), n);
  {
    g_autofree guint *pair_key = g_new (guint, n + 1);
    g_autofree guint *order = g_new (guint, n + 1);
    guint n_pairs = self->n_sources * self->n_sources;
    g_autofree guint *count = g_new0 (guint, n_pairs + 1);

    for (guint k = 0; k < n; k++)
      {
        const Edge *e = &g_array_index (self->edges, Edge, k);
        pair_key[k] = self->node_src[e->a] * self->n_sources + self->node_src[e->b];
        count[pair_key[k] + 1]++;
      }
    for (guint p = 0; p < n_pairs; p++)
      count[p + 1] += count[p];
    for (guint k = 0; k < n; k++)
      order[count[pair_key[k]]++] = k;
    for (guint k = 0; k < n; k++)
      g_array_append_val (pair_edges, g_array_index (self->edges, Edge, order[k]));
  }

  {
    while (i < n)
      {
        const Edge *e = &g_array_index (pair_edges, Edge, i);
        guint key = self->node_src[e->a] * self->n_sources + self->node_src[e->b];
        guint j = i;

        while (j < n)
          {
            const Edge *f = &g_array_index (pair_edges, Edge, j);
            if (self->node_src[f->a] * self->n_sources + self->node_src[f->b] != key)
              break;
            j++;
          }
        align_pair (self, pair_edges, i, j, partner);
        if (!report (self, (double) j / n))
          return;
        i = j;
      }
  }
}

/* ------------------------------------------------------------- clustering */

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
  const Link *x = a, *y = b;

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

static int
cmp_node (gconstpointer a,
          gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;
  return (x > y) - (x < y);
}

/* How alike the passages of one source in cluster @p are to those of
 * another source in cluster @q. */
static double
source_similarity (Aligner     *self,
                   const guint *p,
                   guint        n_p,
                   const guint *q,
                   guint        n_q)
{
  if (n_p == 1 && n_q == 1)
    return syn_vectors_similarity (self->vectors, p[0], q[0]);
  return syn_vectors_set_similarity (self->vectors, p, n_p, q, n_q);
}

/* The mean similarity between the sources of two clusters (each given as
 * its sorted members). */
static double
linkage (Aligner *self,
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

/* May the clusters of the link's nodes be merged? Several passages of one
 * source may share a cluster only as a run of neighbours brought in by a
 * split or merge; and the merged clusters must hang together on average,
 * so that one loose link does not chain two different sentences. */
static gboolean
may_merge (Aligner    *self,
           Clusters   *c,
           const Link *link,
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
  g_array_sort (merged, cmp_node);
  for (guint i = 0; i + 1 < merged->len; i++)
    {
      guint u = g_array_index (merged, guint, i), v = g_array_index (merged, guint, i + 1);

      if (self->node_src[u] != self->node_src[v])
        continue;
      if (!adjacent (self, u, v))
        return FALSE;
      if (!split && find_root (c, u) != find_root (c, v))
        return FALSE;
    }

  for (guint i = 0; i < roots->len; i++)
    for (guint j = i + 1; j < roots->len; j++)
      {
        guint n_pairs;

        sum += linkage (self, c->members[GPOINTER_TO_UINT (g_ptr_array_index (roots, i))],
                        c->members[GPOINTER_TO_UINT (g_ptr_array_index (roots, j))], &n_pairs);
        pairs += n_pairs;
      }
  return pairs == 0 || sum / pairs >= tune ("LINKAGE", 0.15);
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
  g_array_sort (c->members[keep], cmp_node);
  c->score_sum[keep] += score;
  c->n_links[keep]++;
}

/* Merges the pairwise links into clusters across all sources, strongest
 * link first. */
static void
cluster_links (Aligner  *self,
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
      const Link *link = &g_array_index (self->links, Link, i);

      if (i % 1024 == 0 && !report (self, (double) i / self->links->len))
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
emit_clusters (Aligner  *self,
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
      guint64 seen_lo = 0;
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
      qsort (cluster.segments, cluster.n_segments, sizeof (guint), cmp_node);
      (void) seen_lo;
      cluster.support = g_hash_table_size (seen);
      cluster.score = confidence (c->n_links[o->root] > 0
                                  ? c->score_sum[o->root] / c->n_links[o->root] : 0);
      g_array_append_val (out, cluster);
    }
  return out;
}

static void
aligner_clear (Aligner *self)
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
  Aligner self = { 0 };
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
  if (!report (&self, 0))
    goto out;
  self.vectors = syn_vectors_new (sources, segments, self.node_seg, self.n_nodes);

  stage (&self, 0.2, 0.3);
  generate_candidates (&self);
  if (self.cancelled)
    goto out;
  dedupe_and_score_edges (&self, 0);
  add_neighbour_candidates (&self);
  dedupe_and_score_edges (&self, 0);
  add_neighbourhood_bonus (&self);

  stage (&self, 0.5, 0.3);
  align_pairs (&self);
  if (self.cancelled)
    goto out;

  stage (&self, 0.8, 0.2);
  cluster_links (&self, &clusters);
  if (self.cancelled)
    goto out;
  out = emit_clusters (&self, &clusters);
  if (!report (&self, 1.0))
    g_clear_pointer (&out, g_array_unref);

out:
  clusters_clear (&clusters, self.n_nodes);
  aligner_clear (&self);
  if (out == NULL)
    for (guint i = 0; i < segments->len; i++)
      g_array_index (segments, SynSegment, i).cluster = -1;
  return out;
}
