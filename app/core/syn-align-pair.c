/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Aligning two sources: chains of beads.
 *
 * Between two versions of one text, correspondences mostly keep their
 * order; a rewrite moves a paragraph now and then. Order is the strongest
 * evidence there is for a weak match ("Und ist traurig." resembles a
 * hundred sentences, but only one sits between two sentences already
 * matched), yet a plain monotone alignment (Gale and Church, vecalign)
 * loses every paragraph that moved. So a pair's alignment is a set of
 * chains. A bead is one candidate correspondence, one passage against one
 * or against a run of up to four neighbours (a split or a merge), worth
 * its similarity minus a threshold, more for bigger beads. A chain is a
 * sequence of beads increasing on both sides; a bead that directly
 * continues its predecessor earns a bonus, so a weak bead inside a run of
 * strong ones is taken and an isolated one is not. The best chain is a
 * weighted longest increasing subsequence (a Fenwick tree of prefix
 * maxima, O(beads log n)); it is taken, then every other chain still
 * disjoint from it and worth enough (a moved paragraph makes its own),
 * and the search runs again on what is left, a few times.
 *
 * A passage left alone next to a group then joins it when the group's
 * other side covers most of it. What is left between two groups of the
 * backbone (the longest run of groups in order on both sides) is filled
 * in order by what is around it, by a small monotone programme over
 * coverage, or else by derivation (syn-align-derive.c). Headlines are
 * matched with headlines only, one to one.
 */
#define G_LOG_DOMAIN "syn-core"

#include "config.h"

#include <string.h>

#include "syn-align-pair-private.h"

/* The thresholds below were tuned on the development sets only (the seeds
 * with a proxy annotation, DEplain dev, MultiMWA dev), and chosen inside
 * ranges where the figures hardly move, not at a peak. Similarities are
 * the cosines of syn-similarity.c. */

/* A bead is worth (similarity - BEAD_THRESHOLD), weighted up by
 * BEAD_SIZE_WEIGHT per passage beyond two; continuing the previous bead
 * of its chain on both sides adds CONTINUATION_BONUS. A chain is taken
 * when worth at least CHAIN_MIN_VALUE, so that a bead on its own needs a
 * similarity of 0.45, one in a run 0.15 less. */
#define BEAD_THRESHOLD      0.35
#define BEAD_SIZE_WEIGHT    0.5
#define CONTINUATION_BONUS  0.2
#define CHAIN_MIN_VALUE     0.1
#define CHAIN_ROUNDS        3

/* A piece of a split must be covered this much by the one passage it came
 * from, and be at least this close to its own best match there. */
#define PIECE_MIN_COVER     0.3
#define PIECE_NEAR_BEST     0.8

/* Attaching a left-alone neighbour to a group. */
#define ATTACH_MIN_COVER    0.3
#define ATTACH_MIN_GAIN     0.0
#define ATTACH_ROUNDS       8

/* Filling the gap between two neighbouring groups. */
#define GAP_OPEN_COST       0.3
#define GAP_MIN_COVER       0.2
#define GAP_ONE_MIN_SIM     0.1
#define GAP_MAX_PASSAGES    64
#define GAP_MIN_PIECE       0.01

/* A lone one-to-one group that crosses the order of the others, and is
 * no closer than this, is taken apart before the gaps are filled. */
#define DISSOLVE_MAX_SIM    0.5

/* Headlines of one story share little: any shared word will do. */
#define TITLE_MIN_SIM       0.05

typedef struct {
  guint  a;          /* first node of each run */
  guint  b;
  guint8 p;          /* run lengths */
  guint8 q;
  float  sim;
  double w;          /* worth on its own */
  double value;      /* of the best chain ending here */
  gint   pred;       /* previous bead of that chain, or -1 */
} Bead;


/* ------------------------------------------------------------- node sums */

static void
prepare_nodes (SynPairState *st)
{
  SynAligner *al = st->al;
  guint n = al->n_nodes;

  st->norm2 = (double (*)[2]) g_new0 (double, (gsize) 2 * (n + 1));
  st->near = (double (*)[SYN_PAIR_MAX_RUN - 1][2]) g_new0 (double, (gsize) 2 * (SYN_PAIR_MAX_RUN - 1) * (n + 1));
  st->run_len = g_new0 (guint8, n + 1);
  for (guint v = 0; v < n; v++)
    {
      syn_vectors_norms2 (al->vectors, v, st->norm2[v]);
      st->run_len[v] = 1;
      for (guint d = 1; d < SYN_PAIR_MAX_RUN; d++)
        {
          if (!syn_aligner_adjacent (al, v + d - 1, v + d) || al->node_title[v])
            break;
          syn_vectors_dots (al->vectors, v, v + d, st->near[v][d - 1]);
          st->run_len[v] = (guint8) (d + 1);
        }
    }
}

/* The squared norms of the sum of the run of @len nodes from @v. */
static void
run_norm2 (const SynPairState *st,
           guint               v,
           guint               len,
           double              out[2])
{
  out[0] = out[1] = 0;
  for (guint i = 0; i < len; i++)
    {
      out[0] += st->norm2[v + i][0];
      out[1] += st->norm2[v + i][1];
      for (guint j = i + 1; j < len; j++)
        {
          out[0] += 2 * st->near[v + i][j - i - 1][0];
          out[1] += 2 * st->near[v + i][j - i - 1][1];
        }
    }
}

/* ------------------------------------------------------------------ beads */

static double
bead_worth (double sim,
            guint  p,
            guint  q)
{
  return (sim - BEAD_THRESHOLD) * (1 + BEAD_SIZE_WEIGHT * (p + q - 2));
}

static void
add_bead (SynPairState *st,
          GArray       *beads,
          guint         a,
          guint         p,
          guint         b,
          guint         q,
          double        sim)
{
  Bead bead = { a, b, (guint8) p, (guint8) q, (float) sim, 0, 0, -1 };

  if (sim < BEAD_THRESHOLD - CONTINUATION_BONUS)
    return;
  bead.w = bead_worth (sim, p, q);
  g_array_append_val (beads, bead);
}

static int
cmp_edge_nodes (gconstpointer x,
                gconstpointer y)
{
  const SynEdge *a = x, *b = y;

  if (a->a != b->a)
    return a->a < b->a ? -1 : 1;
  return (a->b > b->b) - (a->b < b->b);
}

/* The edge between @u and @v among a pair's edges (sorted by nodes). */
static SynEdge *
pair_edge (SynEdge *edges,
           guint    n_edges,
           guint    u,
           guint    v)
{
  SynEdge key = { MIN (u, v), MAX (u, v), 0, { 0, 0 }, { 0, 0 } };

  return bsearch (&key, edges, n_edges, sizeof (SynEdge), cmp_edge_nodes);
}

/* How much of @x, one end of @e, the other end covers; computed once. */
static double
edge_cover (SynAligner *al,
            SynEdge    *e,
            guint       x)
{
  guint k = x == e->a ? 0 : 1;

  if (e->cover[k] < 0)
    e->cover[k] = (float) syn_vectors_cover (al->vectors, k == 0 ? e->b : e->a, x);
  return e->cover[k];
}

/* The beads around one edge: the pair itself, and one passage of either
 * side against each run of neighbours of the other that holds the edge's
 * passage. Every piece of a run must be a candidate of the one passage,
 * mostly said by it, with nothing much better to pair with in its
 * source: a split, not a neighbour that happens to share a name. */
static void
beads_of_edge (SynPairState *st,
               SynEdge      *edges,
               guint         n_edges,
               SynEdge      *e,
               GArray       *beads)
{
  SynAligner *al = st->al;

  add_bead (st, beads, e->a, 1, e->b, 1, e->sim);
  if (al->node_title[e->a])
    return;

  for (guint side = 0; side < 2; side++)
    {
      guint one = side ? e->b : e->a;
      guint many = side ? e->a : e->b;
      double cross[2 * SYN_PAIR_MAX_RUN - 1][2];
      gboolean shares[2 * SYN_PAIR_MAX_RUN - 1];
      SynEdge *pieces[2 * SYN_PAIR_MAX_RUN - 1];
      guint lo = many, hi = many, n_shares = 0;

      /* the edge itself must be a piece: near the best of its passage */
      if (e->sim < PIECE_NEAR_BEST * st->best_sim[many])
        continue;

      /* the window of neighbours of @many: [lo, hi] */
      while (lo > 0 && many - lo < SYN_PAIR_MAX_RUN - 1 && syn_aligner_adjacent (al, lo - 1, lo))
        lo--;
      while (hi - many < SYN_PAIR_MAX_RUN - 1 && syn_aligner_adjacent (al, hi, hi + 1))
        hi++;
      for (guint v = lo; v <= hi; v++)
        {
          guint k = v - many + SYN_PAIR_MAX_RUN - 1;
          SynEdge *f = v == many ? e : pair_edge (edges, n_edges, one, v);

          pieces[k] = f;
          shares[k] = f != NULL && f->sim >= PIECE_NEAR_BEST * st->best_sim[v];
          if (shares[k])
            {
              cross[k][0] = f->dot[0];
              cross[k][1] = f->dot[1];
              n_shares++;
            }
        }
      if (n_shares < 2)
        continue;
      /* only then the costlier test of coverage */
      for (guint v = lo; v <= hi; v++)
        {
          guint k = v - many + SYN_PAIR_MAX_RUN - 1;

          if (shares[k] && edge_cover (al, pieces[k], v) < PIECE_MIN_COVER)
            {
              shares[k] = FALSE;
              n_shares--;
            }
        }
      if (n_shares < 2 || !shares[SYN_PAIR_MAX_RUN - 1])
        continue;

      for (guint len = 2; len <= SYN_PAIR_MAX_RUN; len++)
        for (guint start = MAX (lo, many + 1 >= len ? many + 1 - len : 0); start <= many; start++)
          {
            double dot[2] = { 0, 0 }, n_run[2];
            gboolean ok = start + len - 1 <= hi;
            double sim;

            for (guint i = 0; ok && i < len; i++)
              {
                guint k = start + i - many + SYN_PAIR_MAX_RUN - 1;

                ok = shares[k];
                if (ok)
                  {
                    dot[0] += cross[k][0];
                    dot[1] += cross[k][1];
                  }
              }
            if (!ok)
              continue;
            run_norm2 (st, start, len, n_run);
            sim = syn_vectors_mix_cosine (al->vectors, dot, st->norm2[one], n_run);
            if (side == 0)
              add_bead (st, beads, one, 1, start, len, sim);
            else
              add_bead (st, beads, start, len, one, 1, sim);
          }
    }
}

static int
cmp_bead_position (gconstpointer x,
                   gconstpointer y)
{
  const Bead *a = x, *b = y;

  if (a->a != b->a)
    return a->a < b->a ? -1 : 1;
  if (a->b != b->b)
    return a->b < b->b ? -1 : 1;
  if (a->p != b->p)
    return a->p < b->p ? -1 : 1;
  return (a->q > b->q) - (a->q < b->q);
}

static void
dedupe_beads (GArray *beads)
{
  Bead *bd = (Bead *) (gpointer) beads->data;
  guint n = 0;

  g_array_sort (beads, cmp_bead_position);
  for (guint i = 0; i < beads->len; i++)
    if (n == 0 || cmp_bead_position (&bd[n - 1], &bd[i]) != 0)
      bd[n++] = bd[i];
  g_array_set_size (beads, n);
}

/* ----------------------------------------------------------------- chains */

/* A Fenwick tree of prefix maxima of chain values, by end position on the
 * second source. */
typedef struct {
  double *value;
  gint   *bead;
  guint   n;
} Fenwick;

static void
fenwick_init (Fenwick *f,
              guint    n)
{
  f->n = n;
  f->value = g_new (double, n + 1);
  f->bead = g_new (gint, n + 1);
  for (guint i = 0; i <= n; i++)
    {
      f->value[i] = 0;
      f->bead[i] = -1;
    }
}

static void
fenwick_clear (Fenwick *f)
{
  g_clear_pointer (&f->value, g_free);
  g_clear_pointer (&f->bead, g_free);
}

/* Records a chain of @value ending at position @pos (0-based). */
static void
fenwick_update (Fenwick *f,
                guint    pos,
                double   value,
                gint     bead)
{
  for (guint i = pos + 1; i <= f->n; i += i & (~i + 1))
    if (value > f->value[i])
      {
        f->value[i] = value;
        f->bead[i] = bead;
      }
}

/* The best chain ending at a position < @pos. */
static gint
fenwick_query (const Fenwick *f,
               guint          pos,
               double        *value)
{
  double best = 0;
  gint bead = -1;

  for (guint i = MIN (pos, f->n); i > 0; i -= i & (~i + 1))
    if (f->value[i] > best)
      {
        best = f->value[i];
        bead = f->bead[i];
      }
  *value = best;
  return bead;
}

/* Computes the best chain value ending at each bead of @beads (sorted by
 * position, so by first node on the first source). Beads touching a used
 * node (group_of != -1) are left out, with value 0. */
static void
chain_values (SynPairState *st,
              GArray       *beads,
              guint         first_b,
              guint         n_b)
{
  Bead *bd = (Bead *) (gpointer) beads->data;
  guint n = beads->len;
  g_autofree guint *by_end = g_new (guint, n + 1);
  g_autofree guint *end_first = NULL;
  guint first_a = n > 0 ? bd[0].a : 0, span_a = 0;
  Fenwick fen;
  guint next = 0;

  /* beads by last node on the first source (counting sort) */
  for (guint i = 0; i < n; i++)
    span_a = MAX (span_a, bd[i].a + bd[i].p - first_a);
  end_first = g_new0 (guint, span_a + 2);
  for (guint i = 0; i < n; i++)
    end_first[bd[i].a + bd[i].p - 1 - first_a + 1]++;
  for (guint k = 0; k < span_a; k++)
    end_first[k + 1] += end_first[k];
  {
    g_autofree guint *fill = g_new0 (guint, span_a + 1);
    for (guint i = 0; i < n; i++)
      {
        guint k = bd[i].a + bd[i].p - 1 - first_a;
        by_end[end_first[k] + fill[k]++] = i;
      }
  }

  fenwick_init (&fen, n_b);
  for (guint i = 0; i < n; i++)
    {
      Bead *cur = &bd[i];
      gboolean free_nodes = TRUE;
      double best;
      gint pred;

      /* every bead ending before this one starts is final: publish it */
      while (next < n && bd[by_end[next]].a + bd[by_end[next]].p - 1 < cur->a)
        {
          const Bead *done = &bd[by_end[next]];

          if (done->value > 0)
            fenwick_update (&fen, done->b + done->q - 1 - first_b, done->value, (gint) by_end[next]);
          next++;
        }

      cur->value = 0;
      cur->pred = -1;
      for (guint k = 0; k < cur->p && free_nodes; k++)
        free_nodes = st->group_of[cur->a + k] == -1;
      for (guint k = 0; k < cur->q && free_nodes; k++)
        free_nodes = st->group_of[cur->b + k] == -1;
      if (!free_nodes)
        continue;

      pred = fenwick_query (&fen, cur->b - first_b, &best);
      /* a bead that ends right before this one on both sides */
      if (cur->a > first_a)
        {
          guint k = cur->a - 1 - first_a;

          for (guint j = end_first[k]; j < end_first[k + 1]; j++)
            {
              const Bead *d = &bd[by_end[j]];

              if (d->b + d->q == cur->b && d->value != 0 && d->value + CONTINUATION_BONUS > best)
                {
                  best = d->value + CONTINUATION_BONUS;
                  pred = (gint) by_end[j];
                }
            }
        }
      cur->value = cur->w + best;
      cur->pred = best > 0 ? pred : -1;
    }
  fenwick_clear (&fen);
}

static int
cmp_bead_value (gconstpointer x,
                gconstpointer y,
                gpointer      data)
{
  const Bead *bd = data;
  guint a = *(const guint *) x, b = *(const guint *) y;

  if (bd[a].value != bd[b].value)
    return bd[a].value > bd[b].value ? -1 : 1;
  return (a > b) - (a < b);
}

SynPairGroup *
syn_pair_group_new (GArray *groups)
{
  SynPairGroup g = { g_array_new (FALSE, FALSE, sizeof (guint)),
                     g_array_new (FALSE, FALSE, sizeof (guint)), 0 };

  g_array_append_val (groups, g);
  return &g_array_index (groups, SynPairGroup, groups->len - 1);
}

void
syn_pair_group_add (SynPairState *st,
                    GArray       *groups,
                    gint          g,
                    gboolean      on_b,
                    guint         node)
{
  SynPairGroup *grp = &g_array_index (groups, SynPairGroup, g);
  GArray *side = on_b ? grp->b : grp->a;

  g_array_append_val (side, node);
  g_array_sort (side, syn_aligner_cmp_node);
  st->group_of[node] = g;
}

static void
group_from_bead (SynPairState *st,
                 GArray       *groups,
                 const Bead   *bead)
{
  gint id = (gint) groups->len;
  SynPairGroup *g = syn_pair_group_new (groups);

  for (guint k = 0; k < bead->p; k++)
    {
      guint v = bead->a + k;
      g_array_append_val (g->a, v);
      st->group_of[v] = id;
    }
  for (guint k = 0; k < bead->q; k++)
    {
      guint v = bead->b + k;
      g_array_append_val (g->b, v);
      st->group_of[v] = id;
    }
  g->score = bead->sim;
}

/* Takes chains, best first, while they are worth it and disjoint from
 * those taken. Returns whether any was taken. */
static gboolean
take_chains (SynPairState *st,
             GArray       *beads,
             GArray       *groups)
{
  Bead *bd = (Bead *) (gpointer) beads->data;
  g_autofree guint *order = g_new (guint, beads->len + 1);
  g_autoptr(GArray) chain = g_array_new (FALSE, FALSE, sizeof (guint));
  gboolean taken = FALSE;
  guint n = 0;

  for (guint i = 0; i < beads->len; i++)
    if (bd[i].value >= CHAIN_MIN_VALUE)
      order[n++] = i;
  g_qsort_with_data (order, (gint) n, sizeof (guint), cmp_bead_value, bd);

  for (guint i = 0; i < n; i++)
    {
      gboolean free_nodes = TRUE;

      g_array_set_size (chain, 0);
      for (gint k = (gint) order[i]; k != -1 && free_nodes; k = bd[k].pred)
        {
          for (guint j = 0; j < bd[k].p && free_nodes; j++)
            free_nodes = st->group_of[bd[k].a + j] == -1;
          for (guint j = 0; j < bd[k].q && free_nodes; j++)
            free_nodes = st->group_of[bd[k].b + j] == -1;
          g_array_append_val (chain, k);
        }
      if (!free_nodes)
        continue;
      for (guint j = 0; j < chain->len; j++)
        group_from_bead (st, groups, &bd[g_array_index (chain, gint, j)]);
      taken = TRUE;
    }
  return taken;
}

/* --------------------------------------------------------------- attaching */

typedef struct {
  guint  node;
  guint  group;
  double cover;
} Attachment;

static int
cmp_attachment (gconstpointer x,
                gconstpointer y)
{
  const Attachment *a = x, *b = y;

  if (a->cover != b->cover)
    return a->cover > b->cover ? -1 : 1;
  if (a->node != b->node)
    return a->node < b->node ? -1 : 1;
  return (a->group > b->group) - (a->group < b->group);
}

static double
group_similarity (SynAligner         *al,
                  const SynPairGroup *g)
{
  return syn_vectors_set_similarity (al->vectors,
                                     (const guint *) (gconstpointer) g->a->data, g->a->len,
                                     (const guint *) (gconstpointer) g->b->data, g->b->len);
}

void
syn_pair_group_rescore (SynPairState *st,
                        GArray       *groups,
                        gint          g)
{
  SynPairGroup *grp = &g_array_index (groups, SynPairGroup, g);

  grp->score = group_similarity (st->al, grp);
}

static gboolean
try_attach (SynPairState     *st,
            SynPairGroup     *g,
            const Attachment *att,
            gboolean          on_a)
{
  SynAligner *al = st->al;
  GArray *grow = on_a ? g->a : g->b;
  guint first = g_array_index (grow, guint, 0);
  guint last = g_array_index (grow, guint, grow->len - 1);
  gboolean at_end = att->node == last + 1 && syn_aligner_adjacent (al, last, att->node);
  double with;

  if (!at_end && !(att->node + 1 == first && syn_aligner_adjacent (al, first, att->node)))
    return FALSE;
  if (at_end)
    g_array_append_val (grow, att->node);
  else
    g_array_prepend_val (grow, att->node);
  with = group_similarity (al, g);
  if (with < g->score + ATTACH_MIN_GAIN)
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

/* A passage left alone next to a group's passages on its side, and mostly
 * said by the group's other side, joins the group. Runs to a fixed point
 * (or a few rounds), since each passage attached makes its own neighbour a
 * candidate. */
static void
attach_neighbours (SynPairState *st,
                   SynEdge      *edges,
                   guint         n_edges,
                   GArray       *groups)
{
  SynAligner *al = st->al;
  g_autoptr(GArray) cands = g_array_new (FALSE, FALSE, sizeof (Attachment));
  guint src_a = al->node_src[edges[0].a];
  gboolean changed = TRUE;

  for (guint round = 0; changed && round < ATTACH_ROUNDS; round++)
    {
      changed = FALSE;
      g_array_set_size (cands, 0);
      for (guint i = 0; i < n_edges; i++)
        {
          const SynEdge *e = &edges[i];

          for (guint side = 0; side < 2; side++)
            {
              guint x = side ? e->b : e->a, y = side ? e->a : e->b;
              Attachment att;
              SynPairGroup *g;
              GArray *other, *mine;

              if (st->group_of[x] != -1 || st->group_of[y] == -1 || al->node_title[x])
                continue;
              g = &g_array_index (groups, SynPairGroup, st->group_of[y]);
              other = side ? g->a : g->b;
              mine = side ? g->b : g->a;
              if (x + 1 != g_array_index (mine, guint, 0) &&
                  x != g_array_index (mine, guint, mine->len - 1) + 1)
                continue;
              att.node = x;
              att.group = (guint) st->group_of[y];
              att.cover = syn_vectors_coverage (al->vectors,
                                                (const guint *) (gconstpointer) other->data,
                                                other->len, x);
              if (att.cover >= ATTACH_MIN_COVER)
                g_array_append_val (cands, att);
            }
        }
      g_array_sort (cands, cmp_attachment);
      for (guint i = 0; i < cands->len; i++)
        {
          const Attachment *att = &g_array_index (cands, Attachment, i);

          if (st->group_of[att->node] != -1)
            continue;
          if (try_attach (st, &g_array_index (groups, SynPairGroup, att->group), att,
                          al->node_src[att->node] == src_a))
            {
              st->group_of[att->node] = (gint) att->group;
              changed = TRUE;
            }
        }
    }
}

/* ------------------------------------------------------------ gap filling */

static gboolean
range_is_free (SynPairState *st,
               guint         lo,
               guint         hi)
{
  for (guint v = lo; v < hi; v++)
    if (st->group_of[v] != -1 && !st->al->node_title[v])
      return FALSE;
  return TRUE;
}

/* One passage left on each side, between two groups: the order alone
 * nearly decides that they correspond; a little shared vocabulary does. */
static gboolean
fill_one_each (SynPairState     *st,
               GArray           *groups,
               const SynPairGap *gap)
{
  guint c = gap->child_lo, p = gap->parent_lo;
  double sim = syn_vectors_similarity (st->al->vectors, c, p);
  Bead bead = { MIN (c, p), MAX (c, p), 1, 1, (float) sim, 0, 0, -1 };

  if (sim < GAP_ONE_MIN_SIM)
    return FALSE;
  group_from_bead (st, groups, &bead);
  return TRUE;
}

/* How much each item of @gap covers each child: @n rows of @items, item
 * 0 the group before, 1..m the parents, m + 1 the group after. */
static double *
gap_coverage (SynPairState     *st,
              GArray           *groups,
              const SynPairGap *gap,
              guint             items)
{
  guint n = gap->child_hi - gap->child_lo;
  double *cov = g_new0 (double, (gsize) n * items + 1);

  for (guint k = 0; k < items; k++)
    {
      GArray *few = NULL;
      guint single = gap->parent_lo + k - 1;

      if (k == 0 || k == items - 1)
        {
          gint g = k == 0 ? gap->before : gap->after;
          const SynPairGroup *grp;

          if (g == -1)
            continue;
          grp = &g_array_index (groups, SynPairGroup, g);
          few = gap->child_is_b ? grp->a : grp->b;
        }
      for (guint j = 0; j < n; j++)
        cov[j * items + k] = few != NULL
          ? syn_vectors_coverage (st->al->vectors, (const guint *) (gconstpointer) few->data,
                                  few->len, gap->child_lo + j)
          : syn_vectors_coverage (st->al->vectors, &single, 1, gap->child_lo + j);
    }
  return cov;
}

/* best[j][k]: the worth of children 0..j placed in order, the last on item
 * k, and from[j][k] the item of child j - 1 then. */
static void
spread_programme (const SynPairGap *gap,
                  const double     *cov,
                  guint             n,
                  guint             items,
                  double           *best,
                  gint             *from)
{
  for (guint j = 0; j < n; j++)
    for (guint k = 0; k < items; k++)
      {
        gboolean usable = (k > 0 && k < items - 1) ||
                          (k == 0 ? gap->before != -1 : gap->after != -1);
        double here = -G_MAXDOUBLE;
        gint src = -1;

        best[j * items + k] = -G_MAXDOUBLE;
        from[j * items + k] = -1;
        if (!usable)
          continue;
        if (j == 0)
          here = (k == 0 || k == items - 1) ? 0 : -GAP_OPEN_COST;
        else
          {
            if (best[(j - 1) * items + k] > -G_MAXDOUBLE)
              {
                here = best[(j - 1) * items + k];
                src = (gint) k;
              }
            for (guint kk = 0; kk < k; kk++)
              {
                double v = best[(j - 1) * items + kk];
                double opened = (k == items - 1) ? 0 : GAP_OPEN_COST;

                if (v > -G_MAXDOUBLE && v - opened > here)
                  {
                    here = v - opened;
                    src = (gint) kk;
                  }
              }
          }
        if (here > -G_MAXDOUBLE)
          {
            best[j * items + k] = here + cov[j * items + k];
            from[j * items + k] = src;
          }
      }
}

/* The monotone map of children to items worth the most: @item_of gets
 * each child's item. FALSE when the children are, on average, covered
 * too little by theirs for the map to say anything. */
static gboolean
spread_in_order (const SynPairGap *gap,
                 const double     *cov,
                 guint             n,
                 guint             items,
                 guint            *item_of)
{
  g_autofree double *best = g_new (double, (gsize) n * items + 1);
  g_autofree gint *from = g_new (gint, (gsize) n * items + 1);
  double total = -G_MAXDOUBLE, covered = 0;
  guint end_item = 0;
  gint item;

  spread_programme (gap, cov, n, items, best, from);
  for (guint k = 0; k < items; k++)
    if (best[(n - 1) * items + k] > total)
      {
        total = best[(n - 1) * items + k];
        end_item = k;
      }
  if (total == -G_MAXDOUBLE)
    return FALSE;
  item = (gint) end_item;
  for (gint j = (gint) n - 1; j >= 0; j--)
    {
      item_of[j] = (guint) item;
      covered += cov[(guint) j * items + (guint) item];
      item = from[(guint) j * items + (guint) item];
    }
  return covered / n >= GAP_MIN_COVER;
}

/* Puts each child into the group of its item, a parent passage not in a
 * group yet opening one. A child its item does not speak of at all is an
 * elaboration of its own (a few in a row at most, so that groups stay
 * close-knit). */
static void
apply_spread (SynPairState     *st,
              GArray           *groups,
              const SynPairGap *gap,
              const double     *cov,
              guint             items,
              const guint      *item_of)
{
  guint n = gap->child_hi - gap->child_lo, skipped = 0;

  for (guint j = 0; j < n; j++)
    {
      guint k = item_of[j], parent = gap->parent_lo + k - 1;
      gint g;

      if (cov[j * items + k] < GAP_MIN_PIECE && skipped < SYN_ALIGN_MAX_SKIP)
        {
          skipped++;
          continue;
        }
      skipped = 0;
      if (k == 0)
        g = gap->before;
      else if (k == items - 1)
        g = gap->after;
      else if (st->group_of[parent] != -1)
        g = st->group_of[parent];
      else
        {
          g = (gint) groups->len;
          syn_pair_group_new (groups);
          syn_pair_group_add (st, groups, g, !gap->child_is_b, parent);
        }
      syn_pair_group_add (st, groups, g, gap->child_is_b, gap->child_lo + j);
    }
  for (guint j = 0; j < n; j++)
    if (st->group_of[gap->child_lo + j] != -1)
      syn_pair_group_rescore (st, groups, st->group_of[gap->child_lo + j]);
}

/* The children of @gap, in order, each go to one of the items of the
 * other side: the group before the gap, the free parent passages, the
 * group after it. The map is monotone, found by dynamic programming over
 * (child, item), worth the coverage of each child by its item, minus a
 * cost for each new group opened in the gap; it is applied when the
 * children are, on average, covered well enough. */
static gboolean
fill_one_gap (SynPairState     *st,
              GArray           *groups,
              const SynPairGap *gap)
{
  guint n = gap->child_hi - gap->child_lo, m = gap->parent_hi - gap->parent_lo;
  guint items = m + 2;
  g_autofree double *cov = NULL;
  g_autofree guint *item_of = NULL;

  if (n == 0 || (gap->before == -1 && gap->after == -1 && m == 0))
    return FALSE;
  /* the programme costs n × items²: a gap that large is no gap but texts
   * that do not correspond there */
  if (n > GAP_MAX_PASSAGES || items > GAP_MAX_PASSAGES)
    return FALSE;
  if (n == 1 && m == 1 && gap->before != -1 && gap->after != -1)
    return fill_one_each (st, groups, gap);

  cov = gap_coverage (st, groups, gap, items);
  item_of = g_new (guint, n + 1);
  if (!spread_in_order (gap, cov, n, items, item_of))
    return FALSE;
  apply_spread (st, groups, gap, cov, items, item_of);
  return TRUE;
}

static int
cmp_group_start (gconstpointer x,
                 gconstpointer y,
                 gpointer      data)
{
  GArray *groups = data;
  const SynPairGroup *a = &g_array_index (groups, SynPairGroup, *(const guint *) x);
  const SynPairGroup *b = &g_array_index (groups, SynPairGroup, *(const guint *) y);
  guint sa = g_array_index (a->a, guint, 0), sb = g_array_index (b->a, guint, 0);

  return (sa > sb) - (sa < sb);
}

/* The mean number of features of a source's passages: the source with
 * the shorter passages is the one derived from the other. */
static double
mean_features (SynAligner *al,
               guint       src)
{
  guint lo = al->src_first[src], hi = al->src_first[src + 1];

  if (hi == lo)
    return 0;
  return (double) (al->vectors->word_first[hi] - al->vectors->word_first[lo]) / (hi - lo);
}

/* Whether a one-to-one group is continued by another on both sides at
 * once, before or after it: a paragraph that moved, not a chance match. */
static gboolean
continued (SynPairState       *st,
           const SynPairGroup *g)
{
  SynAligner *al = st->al;
  guint a = g_array_index (g->a, guint, 0), b = g_array_index (g->b, guint, 0);

  if (a > 0 && b > 0 && syn_aligner_adjacent (al, a - 1, a) && syn_aligner_adjacent (al, b - 1, b) &&
      st->group_of[a - 1] != -1 && st->group_of[a - 1] == st->group_of[b - 1])
    return TRUE;
  return syn_aligner_adjacent (al, a, a + 1) && syn_aligner_adjacent (al, b, b + 1) &&
         st->group_of[a + 1] != -1 && st->group_of[a + 1] == st->group_of[b + 1];
}

/* The backbone of a pair's groups: the longest run of groups increasing on
 * both sides (@order holds the groups sorted by their first passage on
 * side a). Marks its members in @on_backbone. O(groups log groups). */
static void
find_backbone (GArray      *groups,
               const guint *order,
               guint        n,
               gboolean    *on_backbone)
{
  g_autofree guint *tail = g_new (guint, n + 1);     /* index into order of the best tail of each length */
  g_autofree gint *pred = g_new (gint, n + 1);
  guint len = 0;

  for (guint i = 0; i < n; i++)
    {
      const SynPairGroup *g = &g_array_index (groups, SynPairGroup, order[i]);
      guint b_first = g_array_index (g->b, guint, 0);
      guint a_first = g_array_index (g->a, guint, 0);
      guint lo = 0, hi = len;

      on_backbone[order[i]] = FALSE;
      /* the longest chain whose last group ends before this one on side b
       * (on side a the order sees to it) */
      while (lo < hi)
        {
          guint mid = (lo + hi) / 2;
          const SynPairGroup *t = &g_array_index (groups, SynPairGroup, order[tail[mid]]);

          if (g_array_index (t->b, guint, t->b->len - 1) < b_first &&
              g_array_index (t->a, guint, t->a->len - 1) < a_first)
            lo = mid + 1;
          else
            hi = mid;
        }
      pred[i] = lo > 0 ? (gint) tail[lo - 1] : -1;
      if (lo == len)
        tail[len++] = i;
      else
        {
          const SynPairGroup *t = &g_array_index (groups, SynPairGroup, order[tail[lo]]);

          if (g_array_index (g->b, guint, g->b->len - 1) < g_array_index (t->b, guint, t->b->len - 1))
            tail[lo] = i;
        }
    }
  for (gint k = len > 0 ? (gint) tail[len - 1] : -1; k != -1; k = pred[k])
    on_backbone[order[k]] = TRUE;
}

/* A lone, weak group off the backbone that nothing continues is a chance
 * resemblance in a text that keeps its order: it is taken apart. The
 * backbone's groups go to @spine, in order; returns how many. */
static guint
take_apart_crossing (SynPairState *st,
                     GArray       *groups,
                     const guint  *order,
                     guint         n,
                     guint        *spine)
{
  g_autofree gboolean *on_backbone = g_new0 (gboolean, groups->len + 1);
  guint n_spine = 0;

  find_backbone (groups, order, n, on_backbone);
  for (guint i = 0; i < n; i++)
    {
      SynPairGroup *g = &g_array_index (groups, SynPairGroup, order[i]);

      if (on_backbone[order[i]])
        spine[n_spine++] = order[i];
      else if (g->a->len + g->b->len <= 2 && g->score < DISSOLVE_MAX_SIM && !continued (st, g))
        {
          st->group_of[g_array_index (g->a, guint, 0)] = -1;
          st->group_of[g_array_index (g->b, guint, 0)] = -1;
          g_array_set_size (g->a, 0);
          g_array_set_size (g->b, 0);
        }
    }
  return n_spine;
}

/* The passages between groups @before and @after (-1: the start or the
 * end of the sources), headlines left out, as [lo, hi) on each side.
 * FALSE when the two groups overlap on a side. */
static gboolean
gap_bounds (SynPairState *st,
            GArray       *groups,
            gint          before,
            gint          after,
            const guint   src[2],
            guint         lo[2],
            guint         hi[2])
{
  SynAligner *al = st->al;

  for (guint side = 0; side < 2; side++)
    {
      if (before != -1)
        {
          const SynPairGroup *g = &g_array_index (groups, SynPairGroup, before);
          GArray *nodes = side ? g->b : g->a;

          lo[side] = g_array_index (nodes, guint, nodes->len - 1) + 1;
        }
      else
        lo[side] = al->src_first[src[side]];
      if (after != -1)
        {
          const SynPairGroup *g = &g_array_index (groups, SynPairGroup, after);

          hi[side] = g_array_index (side ? g->b : g->a, guint, 0);
        }
      else
        hi[side] = al->src_first[src[side] + 1];
    }
  if (lo[0] > hi[0] || lo[1] > hi[1])
    return FALSE;
  for (guint side = 0; side < 2; side++)
    while (lo[side] < hi[side] && al->node_title[lo[side]])
      lo[side]++;
  return TRUE;
}

/* The gap between @before and @after with its children on side b when
 * @child_is_b. */
static SynPairGap
gap_of (gint         before,
        gint         after,
        gboolean     child_is_b,
        const guint  lo[2],
        const guint  hi[2])
{
  guint c = child_is_b ? 1 : 0;
  SynPairGap gap = { before, after, child_is_b, lo[c], hi[c], lo[1 - c], hi[1 - c] };

  return gap;
}

/* The passages left alone between two groups of the backbone are what a
 * simplification or a rewrite said differently there: more pieces of the
 * same sentences, sentences that correspond without sharing much, and
 * sentences of their own. Crossing chance groups are taken apart first.
 * A gap whose passages are all free is then filled in order by what is
 * around it if it can be (fill_one_gap(), the longer side's passages as
 * children); else each passage of the source with the shorter passages
 * derives from what holds it, or from nothing (syn-align-derive.c). */
static void
fill_gaps (SynPairState *st,
           GArray       *groups,
           guint         src_a,
           guint         src_b)
{
  SynAligner *al = st->al;
  guint n_groups = groups->len, n = 0, n_spine;
  g_autofree guint *order = g_new (guint, n_groups + 1);
  gboolean child_is_b = mean_features (al, src_b) <= mean_features (al, src_a);
  g_autofree guint *spine = g_new (guint, n_groups + 1);
  const guint src[2] = { src_a, src_b };

  for (guint i = 0; i < n_groups; i++)
    if (!al->node_title[g_array_index (g_array_index (groups, SynPairGroup, i).a, guint, 0)])
      order[n++] = i;
  g_qsort_with_data (order, (gint) n, sizeof (guint), cmp_group_start, groups);
  n_spine = take_apart_crossing (st, groups, order, n, spine);

  for (guint i = 0; i <= n_spine; i++)
    {
      gint before = i > 0 ? (gint) spine[i - 1] : -1;
      gint after = i < n_spine ? (gint) spine[i] : -1;
      guint lo[2], hi[2];
      SynPairGap gap;

      if (!gap_bounds (st, groups, before, after, src, lo, hi))
        continue;
      if (range_is_free (st, lo[0], hi[0]) && range_is_free (st, lo[1], hi[1]))
        {
          gap = gap_of (before, after, hi[1] - lo[1] >= hi[0] - lo[0], lo, hi);
          if (fill_one_gap (st, groups, &gap))
            continue;
        }
      gap = gap_of (before, after, child_is_b, lo, hi);
      syn_pair_derive_gap (st, groups, &gap);
    }
}

/* ---------------------------------------------------------------- a pair */

static int
cmp_edge_sim (gconstpointer x,
              gconstpointer y)
{
  const SynEdge *a = *(SynEdge * const *) x, *b = *(SynEdge * const *) y;

  if (a->sim != b->sim)
    return a->sim > b->sim ? -1 : 1;
  if (a->a != b->a)
    return a->a < b->a ? -1 : 1;
  return (a->b > b->b) - (a->b < b->b);
}

/* Headlines go with headlines, one to one, most alike first. */
static void
match_titles (SynPairState *st,
              SynEdge      *edges,
              guint         n_edges,
              GArray       *groups)
{
  g_autoptr(GPtrArray) order = g_ptr_array_new ();

  for (guint i = 0; i < n_edges; i++)
    if (st->al->node_title[edges[i].a] && edges[i].sim >= TITLE_MIN_SIM)
      g_ptr_array_add (order, (gpointer) &edges[i]);
  g_ptr_array_sort (order, cmp_edge_sim);
  for (guint i = 0; i < order->len; i++)
    {
      const SynEdge *e = g_ptr_array_index (order, i);
      Bead bead = { e->a, e->b, 1, 1, e->sim, 0, 0, -1 };

      if (st->group_of[e->a] == -1 && st->group_of[e->b] == -1)
        group_from_bead (st, groups, &bead);
    }
}

static void
emit_links (SynPairState *st,
            GArray       *groups)
{
  for (guint i = 0; i < groups->len; i++)
    {
      SynPairGroup *g = &g_array_index (groups, SynPairGroup, i);
      SynLink link;

      if (g->a->len == 0 || g->b->len == 0)
        {
          g_array_unref (g->a);
          g_array_unref (g->b);
          continue;
        }
      link.n_nodes = g->a->len + g->b->len;
      link.nodes = g_new (guint, link.n_nodes);
      memcpy (link.nodes, g->a->data, g->a->len * sizeof (guint));
      memcpy (link.nodes + g->a->len, g->b->data, g->b->len * sizeof (guint));
      qsort (link.nodes, link.n_nodes, sizeof (guint), syn_aligner_cmp_node);
      link.score = CLAMP (g->score, 0, 1);
      g_array_append_val (st->al->links, link);
      for (guint j = 0; j < link.n_nodes; j++)
        st->group_of[link.nodes[j]] = -1;
      g_array_unref (g->a);
      g_array_unref (g->b);
    }
}

static void
align_pair (SynPairState *st,
            SynEdge      *edges,
            guint         n_edges)
{
  SynAligner *al = st->al;
  g_autoptr(GArray) beads = g_array_new (FALSE, FALSE, sizeof (Bead));
  g_autoptr(GArray) groups = g_array_new (FALSE, FALSE, sizeof (SynPairGroup));
  guint src_b = al->node_src[edges[0].b];

  match_titles (st, edges, n_edges, groups);

  for (guint i = 0; i < n_edges; i++)
    {
      st->best_sim[edges[i].a] = MAX (st->best_sim[edges[i].a], edges[i].sim);
      st->best_sim[edges[i].b] = MAX (st->best_sim[edges[i].b], edges[i].sim);
    }
  for (guint i = 0; i < n_edges; i++)
    if (!al->node_title[edges[i].a])
      beads_of_edge (st, edges, n_edges, &edges[i], beads);
  for (guint i = 0; i < n_edges; i++)
    st->best_sim[edges[i].a] = st->best_sim[edges[i].b] = 0;
  dedupe_beads (beads);

  for (guint it = 0; it < CHAIN_ROUNDS; it++)
    {
      chain_values (st, beads, al->src_first[src_b], al->src_first[src_b + 1] - al->src_first[src_b]);
      if (!take_chains (st, beads, groups))
        break;
    }

  attach_neighbours (st, edges, n_edges, groups);
  fill_gaps (st, groups, al->node_src[edges[0].a], src_b);
  emit_links (st, groups);
}

void
syn_aligner_align_pairs (SynAligner *self)
{
  SynPairState st = { 0 };
  guint n = self->edges->len;
  guint n_pairs = self->n_sources * self->n_sources;
  g_autofree guint *count = g_new0 (guint, n_pairs + 1);
  g_autofree SynEdge *by_pair = g_new (SynEdge, n + 1);

  st.al = self;
  st.best_sim = g_new0 (float, self->n_nodes + 1);
  st.scatter = syn_scatter_new (self->vectors);
  st.group_of = g_new (gint, self->n_nodes + 1);
  for (guint v = 0; v <= self->n_nodes; v++)
    st.group_of[v] = -1;
  prepare_nodes (&st);

  /* regroup the edges by pair of sources, keeping (a, b) order inside */
  for (guint k = 0; k < n; k++)
    {
      const SynEdge *e = &g_array_index (self->edges, SynEdge, k);
      count[self->node_src[e->a] * self->n_sources + self->node_src[e->b] + 1]++;
    }
  for (guint p = 0; p < n_pairs; p++)
    count[p + 1] += count[p];
  {
    g_autofree guint *fill = g_new0 (guint, n_pairs + 1);

    for (guint k = 0; k < n; k++)
      {
        const SynEdge *e = &g_array_index (self->edges, SynEdge, k);
        guint p = self->node_src[e->a] * self->n_sources + self->node_src[e->b];

        by_pair[count[p] + fill[p]++] = *e;
      }
  }

  for (guint p = 0; p < n_pairs; p++)
    {
      if (count[p + 1] > count[p])
        align_pair (&st, by_pair + count[p], count[p + 1] - count[p]);
      if (!syn_aligner_report (self, (double) count[p + 1] / MAX (n, 1)))
        break;
    }

  g_free (st.norm2);
  g_free (st.near);
  g_free (st.run_len);
  g_free (st.group_of);
  g_free (st.best_sim);
  syn_scatter_free (st.scatter);
}
