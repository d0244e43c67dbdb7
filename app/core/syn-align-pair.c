/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Aligning two sources: chains of beads.
 *
 * Between two versions of one text, correspondences mostly keep their
 * order: a rewrite moves a paragraph now and then, a simplification
 * almost never. Order is the strongest evidence there is for a weak match:
 * "Und ist traurig." resembles a hundred sentences, but only one of them
 * sits between the two sentences already matched on either side. Yet a
 * plain monotone alignment (Gale and Church's dynamic programme, or
 * vecalign's) loses every paragraph that moved.
 *
 * So the alignment of a pair of sources is a set of chains. A bead is one
 * candidate correspondence — one passage against one, or against a run of
 * two to four neighbours (a sentence split, or several merged) — worth its
 * similarity minus a threshold, more for bigger beads so that a split that
 * explains more text beats its best half. A chain is a sequence of beads
 * increasing on both sides; a bead that directly continues its
 * predecessor (the next passage on both sides) earns a bonus, so a weak
 * bead inside a run of strong ones is taken and an isolated weak bead is
 * not. The best chain is found as a weighted longest increasing
 * subsequence, with a Fenwick tree of prefix maxima: O(beads log n), not
 * the O(m n) of a full dynamic programme, since beads only exist where the
 * rare-word candidate generation put edges. The best chain is taken, then
 * every other chain still disjoint from it and worth enough — a moved
 * paragraph makes a chain of its own — and the search runs again on what
 * is left, a few times.
 *
 * A sentence split into more than four pieces, or pieces the beads missed,
 * are then attached one by one: a passage left alone next to a group's
 * passages joins the group when the group's other side covers most of it.
 *
 * What is left between two groups of the backbone (the longest run of
 * groups in order on both sides; a lone, weak group crossing it is a
 * chance resemblance and is taken apart first) is filled in order. Most
 * such gaps are said by what is around them: every passage of the longer
 * side goes to the group before, the group after, or a passage in
 * between, by a small monotone programme over coverage — except a passage
 * its place says nothing of, which is an elaboration of its own (a
 * simplification explains a word, a rewrite adds a sentence) and stays
 * alone even between two pieces of one group. When the gap as a whole is
 * not said by its surroundings, each passage of the source with the
 * shorter passages is taken as derived from the passage (or run of two)
 * of the other that best contains it — asymmetric containment, the share
 * of its weight the parent holds — or from nothing, in order, a parent
 * taking children that need not be neighbours: up to SYN_ALIGN_MAX_SKIP
 * passages may stand between two of them. That is how a simplification
 * writes ("So fangen Märchen an." inserted between two pieces of one
 * sentence), and how an outlet merges two sentences that were not
 * neighbours. The programme is O(children × parents) in a gap, and gaps
 * larger than a bound are left alone, so the stage stays near-linear.
 *
 * Headlines are matched with headlines only, one to one.
 */
#define G_LOG_DOMAIN "syn-core"

#include "config.h"

#include <math.h>
#include <string.h>

#include "syn-align-private.h"

/* The longest run of passages a bead holds on one side. */
#define MAX_RUN 4

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

/* Derivation in a gap that fill_one_gap() leaves alone: a child passage
 * derives from a parent unit worth (cover - DERIVE_MIN_COVER), where cover
 * is how much of its weight the unit holds; a unit is opened, for
 * DERIVE_OPEN_COST (plus DERIVE_RUN_COST for each further passage of a
 * run of parents), by a child it covers at least DERIVE_OPEN_COVER; each
 * child passed over inside a unit costs DERIVE_SKIP_COST, and at most
 * DERIVE_MAX_SKIP are passed over in a row. */
#define DERIVE_MIN_COVER    0.2
#define DERIVE_OPEN_COVER   0.6
#define DERIVE_OPEN_COST    0.2
#define DERIVE_RUN_COST     0.2
#define DERIVE_SKIP_COST    0.5
#define DERIVE_MAX_SKIP     SYN_ALIGN_MAX_SKIP
#define DERIVE_MAX_RUN      2
#define DERIVE_MAX_CELLS    65536

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

typedef struct {
  SynAligner *al;
  double     (*norm2)[2];              /* per node */
  double     (*near)[MAX_RUN - 1][2];  /* dot with the node d + 1 further */
  guint8      *run_len;                /* longest run of neighbours from each node */
  gint        *group_of;               /* per node, during one pair */
  double       tau;
  double       bonus;
  double       size_weight;
  double       min_chain;
  double       piece_cover;
  double       piece_best;
  float       *best_sim;               /* per node: best edge in this pair */
  SynScatter  *scatter;                /* one node spread out, for derive_gap() */
} PairState;

typedef struct {
  GArray *a;    /* guint nodes of the lower source, sorted */
  GArray *b;    /* of the higher source */
  double  score;
} Group;

/* ------------------------------------------------------------- node sums */

static void
prepare_nodes (PairState *st)
{
  SynAligner *al = st->al;
  guint n = al->n_nodes;

  st->norm2 = (double (*)[2]) g_new0 (double, (gsize) 2 * (n + 1));
  st->near = (double (*)[MAX_RUN - 1][2]) g_new0 (double, (gsize) 2 * (MAX_RUN - 1) * (n + 1));
  st->run_len = g_new0 (guint8, n + 1);
  for (guint v = 0; v < n; v++)
    {
      syn_vectors_norms2 (al->vectors, v, st->norm2[v]);
      st->run_len[v] = 1;
      for (guint d = 1; d < MAX_RUN; d++)
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
run_norm2 (const PairState *st,
           guint            v,
           guint            len,
           double           out[2])
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
bead_worth (const PairState *st,
            double           sim,
            guint            p,
            guint            q)
{
  return (sim - st->tau) * (1 + st->size_weight * (p + q - 2));
}

static void
add_bead (PairState *st,
          GArray    *beads,
          guint      a,
          guint      p,
          guint      b,
          guint      q,
          double     sim)
{
  Bead bead = { a, b, (guint8) p, (guint8) q, (float) sim, 0, 0, -1 };

  if (sim < st->tau - st->bonus)
    return;
  bead.w = bead_worth (st, sim, p, q);
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
beads_of_edge (PairState *st,
               SynEdge   *edges,
               guint      n_edges,
               SynEdge   *e,
               GArray    *beads)
{
  SynAligner *al = st->al;

  add_bead (st, beads, e->a, 1, e->b, 1, e->sim);
  if (al->node_title[e->a])
    return;

  for (guint side = 0; side < 2; side++)
    {
      guint one = side ? e->b : e->a;
      guint many = side ? e->a : e->b;
      double cross[2 * MAX_RUN - 1][2];
      gboolean shares[2 * MAX_RUN - 1];
      SynEdge *pieces[2 * MAX_RUN - 1];
      guint lo = many, hi = many, n_shares = 0;

      /* the edge itself must be a piece: near the best of its passage */
      if (e->sim < st->piece_best * st->best_sim[many])
        continue;

      /* the window of neighbours of @many: [lo, hi] */
      while (lo > 0 && many - lo < MAX_RUN - 1 && syn_aligner_adjacent (al, lo - 1, lo))
        lo--;
      while (hi - many < MAX_RUN - 1 && syn_aligner_adjacent (al, hi, hi + 1))
        hi++;
      for (guint v = lo; v <= hi; v++)
        {
          guint k = v - many + MAX_RUN - 1;
          SynEdge *f = v == many ? e : pair_edge (edges, n_edges, one, v);

          pieces[k] = f;
          shares[k] = f != NULL && f->sim >= st->piece_best * st->best_sim[v];
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
          guint k = v - many + MAX_RUN - 1;

          if (shares[k] && edge_cover (al, pieces[k], v) < st->piece_cover)
            {
              shares[k] = FALSE;
              n_shares--;
            }
        }
      if (n_shares < 2 || !shares[MAX_RUN - 1])
        continue;

      for (guint len = 2; len <= MAX_RUN; len++)
        for (guint start = MAX (lo, many + 1 >= len ? many + 1 - len : 0); start <= many; start++)
          {
            double dot[2] = { 0, 0 }, n_run[2];
            gboolean ok = start + len - 1 <= hi;
            double sim;

            for (guint i = 0; ok && i < len; i++)
              {
                guint k = start + i - many + MAX_RUN - 1;

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

static int
cmp_u32 (gconstpointer x,
         gconstpointer y)
{
  guint a = *(const guint *) x, b = *(const guint *) y;
  return (a > b) - (a < b);
}

/* Computes the best chain value ending at each bead of @beads (sorted by
 * position, so by first node on the first source). Beads touching a used
 * node (group_of != -1) are left out, with value 0. */
static void
chain_values (PairState *st,
              GArray    *beads,
              guint      first_b,
              guint      n_b)
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

              if (d->b + d->q == cur->b && d->value != 0 && d->value + st->bonus > best)
                {
                  best = d->value + st->bonus;
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

static Group *
new_group (GArray *groups)
{
  Group g = { g_array_new (FALSE, FALSE, sizeof (guint)),
              g_array_new (FALSE, FALSE, sizeof (guint)), 0 };

  g_array_append_val (groups, g);
  return &g_array_index (groups, Group, groups->len - 1);
}

static void
group_from_bead (PairState  *st,
                 GArray     *groups,
                 const Bead *bead)
{
  gint id = (gint) groups->len;
  Group *g = new_group (groups);

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
take_chains (PairState *st,
             GArray    *beads,
             GArray    *groups)
{
  Bead *bd = (Bead *) (gpointer) beads->data;
  g_autofree guint *order = g_new (guint, beads->len + 1);
  g_autoptr(GArray) chain = g_array_new (FALSE, FALSE, sizeof (guint));
  gboolean taken = FALSE;
  guint n = 0;

  for (guint i = 0; i < beads->len; i++)
    if (bd[i].value >= st->min_chain)
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
group_similarity (SynAligner  *al,
                  const Group *g)
{
  return syn_vectors_set_similarity (al->vectors,
                                     (const guint *) (gconstpointer) g->a->data, g->a->len,
                                     (const guint *) (gconstpointer) g->b->data, g->b->len);
}

static gboolean
try_attach (PairState        *st,
            Group            *g,
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
attach_neighbours (PairState     *st,
                   SynEdge       *edges,
                   guint          n_edges,
                   GArray        *groups)
{
  SynAligner *al = st->al;
  g_autoptr(GArray) cands = g_array_new (FALSE, FALSE, sizeof (Attachment));
  guint src_a = al->node_src[edges[0].a];
  double min_cover = ATTACH_MIN_COVER;
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
              Group *g;
              GArray *other, *mine;

              if (st->group_of[x] != -1 || st->group_of[y] == -1 || al->node_title[x])
                continue;
              g = &g_array_index (groups, Group, st->group_of[y]);
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
              if (att.cover >= min_cover)
                g_array_append_val (cands, att);
            }
        }
      g_array_sort (cands, cmp_attachment);
      for (guint i = 0; i < cands->len; i++)
        {
          const Attachment *att = &g_array_index (cands, Attachment, i);

          if (st->group_of[att->node] != -1)
            continue;
          if (try_attach (st, &g_array_index (groups, Group, att->group), att,
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
range_is_free (PairState *st,
               guint      lo,
               guint      hi)
{
  for (guint v = lo; v < hi; v++)
    if (st->group_of[v] != -1 && !st->al->node_title[v])
      return FALSE;
  return TRUE;
}

/* The run [lo, hi) of side "many" is distributed over the items of side
 * "few": item 0 is the group before the gap (g1, or none), items 1..m the
 * free passages few_lo..few_lo+m-1, item m+1 the group after it (g2, or
 * none). Every passage of the run goes, in order, to one item: a monotone
 * map, found by dynamic programming over (passage, item), worth the
 * coverage of each passage by its item, minus a cost for each new group
 * opened in the gap. Applied when the run is, on average, covered well
 * enough. */
static gboolean
fill_one_gap (PairState *st,
              GArray    *groups,
              gint       g1,
              gint       g2,
              gboolean   many_is_b,
              guint      many_lo,
              guint      many_hi,
              guint      few_lo,
              guint      few_hi)
{
  SynAligner *al = st->al;
  guint n = many_hi - many_lo, m = few_hi - few_lo, items = m + 2;
  g_autofree double *cov = g_new0 (double, (gsize) n * items + 1);
  g_autofree double *best = g_new (double, (gsize) (n + 1) * items + 1);
  g_autofree gint *from = g_new (gint, (gsize) (n + 1) * items + 1);
  g_autofree guint *item_of = g_new (guint, n + 1);
  double open_cost = GAP_OPEN_COST;
  double min_cover = GAP_MIN_COVER;
  double total = -G_MAXDOUBLE;
  guint end_item = 0, skipped = 0;

  if (n == 0 || (g1 == -1 && g2 == -1 && m == 0))
    return FALSE;
  /* the programme costs n × items²: a gap that large is no gap but texts
   * that do not correspond there */
  if (n > GAP_MAX_PASSAGES || items > GAP_MAX_PASSAGES)
    return FALSE;

  /* one passage left on each side, between two groups: the order alone
   * nearly decides that they correspond; a little shared vocabulary does */
  if (n == 1 && m == 1 && g1 != -1 && g2 != -1)
    {
      double sim = syn_vectors_similarity (al->vectors, many_lo, few_lo);

      if (sim >= GAP_ONE_MIN_SIM)
        {
          Bead bead = { MIN (many_lo, few_lo), MAX (many_lo, few_lo), 1, 1, (float) sim, 0, 0, -1 };
          group_from_bead (st, groups, &bead);
          return TRUE;
        }
      return FALSE;
    }

  for (guint k = 0; k < items; k++)
    {
      GArray *few = NULL;
      guint single;

      if (k == 0 || k == items - 1)
        {
          gint g = k == 0 ? g1 : g2;
          if (g == -1)
            continue;
          few = many_is_b ? g_array_index (groups, Group, g).a : g_array_index (groups, Group, g).b;
        }
      single = few_lo + k - 1;
      for (guint j = 0; j < n; j++)
        cov[j * items + k] = few != NULL
          ? syn_vectors_coverage (al->vectors, (const guint *) (gconstpointer) few->data, few->len, many_lo + j)
          : syn_vectors_coverage (al->vectors, &single, 1, many_lo + j);
    }

  /* best[j][k]: B[0..j) placed, the last on item k */
  for (guint x = 0; x < (n + 1) * items; x++)
    {
      best[x] = -G_MAXDOUBLE;
      from[x] = -1;
    }
  for (guint j = 0; j < n; j++)
    for (guint k = 0; k < items; k++)
      {
        gboolean usable = (k > 0 && k < items - 1) || (k == 0 ? g1 != -1 : g2 != -1);
        double here = -G_MAXDOUBLE;
        gint src = -1;

        if (!usable)
          continue;
        if (j == 0)
          here = (k == 0 || k == items - 1) ? 0 : -open_cost;
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
                double opened = (k == items - 1) ? 0 : open_cost;

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
  for (guint k = 0; k < items; k++)
    if (best[(n - 1) * items + k] > total)
      {
        total = best[(n - 1) * items + k];
        end_item = k;
      }
  if (total == -G_MAXDOUBLE)
    return FALSE;

  {
    double covered = 0;
    gint k = (gint) end_item;

    for (gint j = (gint) n - 1; j >= 0; j--)
      {
        item_of[j] = (guint) k;
        covered += cov[(guint) j * items + (guint) k];
        k = from[(guint) j * items + (guint) k];
      }
    if (covered / n < min_cover)
      return FALSE;
  }

  for (guint j = 0; j < n; j++)
    {
      guint k = item_of[j], v = many_lo + j;
      gint g;
      Group *grp;

      /* a passage its item does not speak of at all is an elaboration of
       * its own (a few in a row at most, so groups stay close-knit) */
      if (cov[j * items + k] < GAP_MIN_PIECE && skipped < SYN_ALIGN_MAX_SKIP)
        {
          skipped++;
          continue;
        }
      skipped = 0;
      if (k == 0)
        g = g1;
      else if (k == items - 1)
        g = g2;
      else if (st->group_of[few_lo + k - 1] != -1)
        g = st->group_of[few_lo + k - 1];
      else
        {
          guint f = few_lo + k - 1;

          g = (gint) groups->len;
          grp = new_group (groups);
          g_array_append_val (many_is_b ? grp->a : grp->b, f);
          st->group_of[f] = g;
        }
      grp = &g_array_index (groups, Group, g);
      g_array_append_val (many_is_b ? grp->b : grp->a, v);
      g_array_sort (many_is_b ? grp->b : grp->a, cmp_u32);
      st->group_of[v] = g;
    }
  for (guint j = 0; j < n; j++)
    if (st->group_of[many_lo + j] != -1)
      {
        Group *grp = &g_array_index (groups, Group, st->group_of[many_lo + j]);
        grp->score = group_similarity (al, grp);
      }
  return TRUE;
}

/* ------------------------------------------------------------- derivation */

/* How much of each child passage each parent item holds: the bits of the
 * child's features it holds, and the squared weight beyond 64 features. */
typedef struct {
  guint64 mask;
  float   rest;
} Held;

/* The gap [c_lo, c_hi) of the child side is distributed over the parent
 * side [p_lo, p_hi) and the groups on either side of the gap: each child
 * passage either derives from one parent unit (a passage, a run of up to
 * DERIVE_MAX_RUN neighbours, or the group before or after the gap) or
 * from none, in order. See the essay at the top. */
static void
derive_gap (PairState *st,
            GArray    *groups,
            gint       g1,
            gint       g2,
            gboolean   child_is_b,
            guint      c_lo,
            guint      c_hi,
            guint      p_lo,
            guint      p_hi)
{
  SynAligner *al = st->al;
  guint n = c_hi - c_lo, m = p_hi - p_lo;
  guint R = DERIVE_MAX_RUN, S = DERIVE_MAX_SKIP;
  guint U = m * R + 2, P = m + 1;          /* units; positions 0..m */
  guint unit_l = 0, unit_r = U - 1;
  double tau = DERIVE_MIN_COVER;
  double open_cost = DERIVE_OPEN_COST;
  double run_cost = DERIVE_RUN_COST;
  double skip_cost = DERIVE_SKIP_COST;
  double tau_open = DERIVE_OPEN_COVER;
  g_autofree Held *held = NULL;
  g_autofree double *A = NULL, *E = NULL, *PM = NULL;
  g_autofree gint8 *from = NULL;
  g_autofree gint *earg = NULL, *pmarg = NULL, *assign = NULL;
  g_autofree guint8 *run_max = NULL;
  SynScatter *scatter = st->scatter;
  const double NONE = -G_MAXDOUBLE;
  double total;
  gint row, pos, unit;

  if (n == 0 || (m == 0 && g1 == -1 && g2 == -1))
    return;
  if ((gsize) n * (m + 2) > DERIVE_MAX_CELLS)
    return;

  /* what each parent item holds of each child */
  held = g_new0 (Held, (gsize) (m + 2) * n);
  for (guint k = 0; k < m + 2; k++)
    {
      GArray *nodes = NULL;
      guint single = p_lo + k - 1;
      const guint *list;
      guint len;

      if (k == 0 || k == m + 1)
        {
          gint g = k == 0 ? g1 : g2;

          if (g == -1)
            continue;
          nodes = child_is_b ? g_array_index (groups, Group, g).a : g_array_index (groups, Group, g).b;
          list = (const guint *) (gconstpointer) nodes->data;
          len = nodes->len;
        }
      else
        {
          list = &single;
          len = 1;
        }
      for (guint i = 0; i < len; i++)
        syn_scatter_set (scatter, al->vectors, list[i]);
      for (guint j = 0; j < n; j++)
        {
          double rest = 0;

          held[k * n + j].mask = syn_scatter_mask (scatter, al->vectors, c_lo + j, &rest);
          held[k * n + j].rest = (float) rest;
        }
      for (guint i = 0; i < len; i++)
        syn_scatter_clear (scatter, al->vectors, list[i]);
    }

  run_max = g_new0 (guint8, m + 1);
  for (guint s = 0; s < m; s++)
    {
      guint r = 0;

      while (r < MIN (MIN ((guint) st->run_len[p_lo + s], m - s), R) && st->group_of[p_lo + s + r] == -1)
        r++;
      run_max[s] = (guint8) r;
    }

  A = g_new (double, (gsize) n * U);
  from = g_new (gint8, (gsize) n * U);
  E = g_new (double, (gsize) (n + 1) * P);
  earg = g_new (gint, (gsize) (n + 1) * P);
  PM = g_new (double, (gsize) (n + 1) * P);
  pmarg = g_new (gint, (gsize) (n + 1) * P);

  /* row 0 of E and PM: nothing placed yet */
  for (guint e = 0; e < P; e++)
    {
      E[e] = e == 0 ? 0 : NONE;
      earg[e] = e == 0 ? -2 : -1;
      PM[e] = 0;
      pmarg[e] = 0;
    }

  for (guint j = 0; j < n; j++)
    {
      guint c = c_lo + j;
      double norm2 = st->norm2[c][0];
      double *Ej = E + (gsize) (j + 1) * P, *PMj = PM + (gsize) (j + 1) * P;
      const double *PMp = PM + (gsize) j * P;
      gint *earg_j = earg + (gsize) (j + 1) * P;

      for (guint e = 0; e < P; e++)
        {
          Ej[e] = E[(gsize) j * P + e];
          earg_j[e] = -1;
        }

      for (guint u = 0; u < U; u++)
        {
          guint s = 0, r = 1, k;
          guint64 mask = 0;
          double rest = 0, sc, best = NONE;
          gint8 fr = -1;

          A[(gsize) j * U + u] = NONE;
          from[(gsize) j * U + u] = -1;
          if (st->group_of[c] != -1)
            continue;
          if (u == unit_l || u == unit_r)
            {
              if ((u == unit_l ? g1 : g2) == -1)
                continue;
              k = u == unit_l ? 0 : m + 1;
              mask = held[k * n + j].mask;
              rest = held[k * n + j].rest;
            }
          else
            {
              s = (u - 1) / R;
              r = (u - 1) % R + 1;
              if (r > run_max[s])
                continue;
              for (guint i = 0; i < r; i++)
                {
                  mask |= held[(s + 1 + i) * n + j].mask;
                  rest = MAX (rest, held[(s + 1 + i) * n + j].rest);
                }
            }
          if (norm2 <= 0)
            continue;
          sc = (syn_vectors_mask_weight (al->vectors, c, mask) + rest) / norm2 - tau;

          if (u == unit_l)
            {
              if (j <= S)
                {
                  best = -skip_cost * j;
                  fr = 0;
                }
            }
          else if (u == unit_r)
            {
              best = PMp[m];
              fr = 0;
            }
          else if (sc + tau >= tau_open)
            {
              best = PMp[s] - open_cost - run_cost * (r - 1);
              fr = 0;
            }
          for (guint d = 1; d <= S + 1 && d <= j; d++)
            {
              double prev = A[(gsize) (j - d) * U + u];

              if (prev > NONE && prev - skip_cost * (d - 1) > best)
                {
                  best = prev - skip_cost * (d - 1);
                  fr = (gint8) d;
                }
            }
          if (best == NONE)
            continue;
          A[(gsize) j * U + u] = best + sc;
          from[(gsize) j * U + u] = fr;

          if (u != unit_r)
            {
              guint e = u == unit_l ? 0 : s + r;

              if (A[(gsize) j * U + u] > Ej[e])
                {
                  Ej[e] = A[(gsize) j * U + u];
                  earg_j[e] = (gint) u;
                }
            }
        }

      PMj[0] = Ej[0];
      pmarg[(gsize) (j + 1) * P] = 0;
      if (PMj[0] < 0)
        PMj[0] = 0;   /* the empty placement is always there */
      for (guint e = 1; e < P; e++)
        {
          if (Ej[e] > PMj[e - 1])
            {
              PMj[e] = Ej[e];
              pmarg[(gsize) (j + 1) * P + e] = (gint) e;
            }
          else
            {
              PMj[e] = PMj[e - 1];
              pmarg[(gsize) (j + 1) * P + e] = pmarg[(gsize) (j + 1) * P + e - 1];
            }
        }
    }

  /* the best end: the last unit anywhere, or the group after the gap */
  total = PM[(gsize) n * P + m];
  row = (gint) n - 1;
  pos = pmarg[(gsize) n * P + m];
  unit = -1;
  for (guint j = n > S + 1 ? n - S - 1 : 0; j < n; j++)
    {
      double v = A[(gsize) j * U + unit_r];

      if (v > NONE && v - skip_cost * (n - 1 - j) > total)
        {
          total = v - skip_cost * (n - 1 - j);
          row = (gint) j;
          unit = (gint) unit_r;
        }
    }
  if (total <= 0)
    return;

  assign = g_new (gint, n);
  for (guint j = 0; j < n; j++)
    assign[j] = -1;
  /* trace back: in E (row, pos) when unit == -1, else in A (row, unit) */
  while (row >= 0)
    {
      if (unit == -1)
        {
          gint a = earg[(gsize) (row + 1) * P + pos];

          if (a == -2)
            break;
          if (a == -1)
            {
              row--;
              continue;
            }
          unit = a;
          continue;
        }
      else
        {
          gint8 fr = from[(gsize) row * U + unit];

          assign[row] = unit;
          if (fr > 0)
            {
              row -= fr;
              continue;
            }
          if (unit == (gint) unit_l)
            break;
          pos = unit == (gint) unit_r ? pmarg[(gsize) row * P + m]
                                      : pmarg[(gsize) row * P + ((guint) unit - 1) / R];
          row--;
          unit = -1;
        }
    }

  /* the groups */
  {
    g_autofree gint *group_of_unit = g_new (gint, U);

    for (guint u = 0; u < U; u++)
      group_of_unit[u] = -1;
    group_of_unit[unit_l] = g1;
    group_of_unit[unit_r] = g2;
    for (guint j = 0; j < n; j++)
      {
        gint u = assign[j];
        guint c = c_lo + j;
        Group *grp;

        if (u == -1)
          continue;
        if (group_of_unit[u] == -1)
          {
            guint s = ((guint) u - 1) / R, r = ((guint) u - 1) % R + 1;

            group_of_unit[u] = (gint) groups->len;
            grp = new_group (groups);
            for (guint i = 0; i < r; i++)
              {
                guint p = p_lo + s + i;

                g_array_append_val (child_is_b ? grp->a : grp->b, p);
                st->group_of[p] = group_of_unit[u];
              }
          }
        grp = &g_array_index (groups, Group, group_of_unit[u]);
        g_array_append_val (child_is_b ? grp->b : grp->a, c);
        g_array_sort (child_is_b ? grp->b : grp->a, cmp_u32);
        st->group_of[c] = group_of_unit[u];
      }
    for (guint u = 0; u < U; u++)
      if (group_of_unit[u] != -1)
        {
          Group *grp = &g_array_index (groups, Group, group_of_unit[u]);
          grp->score = group_similarity (al, grp);
        }
  }
}

static int
cmp_group_start (gconstpointer x,
                 gconstpointer y,
                 gpointer      data)
{
  GArray *groups = data;
  const Group *a = &g_array_index (groups, Group, *(const guint *) x);
  const Group *b = &g_array_index (groups, Group, *(const guint *) y);
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
continued (PairState   *st,
           const Group *g)
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
      const Group *g = &g_array_index (groups, Group, order[i]);
      guint b_first = g_array_index (g->b, guint, 0);
      guint a_first = g_array_index (g->a, guint, 0);
      guint lo = 0, hi = len;

      on_backbone[order[i]] = FALSE;
      /* the longest chain whose last group ends before this one on side b
       * (on side a the order sees to it) */
      while (lo < hi)
        {
          guint mid = (lo + hi) / 2;
          const Group *t = &g_array_index (groups, Group, order[tail[mid]]);

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
          const Group *t = &g_array_index (groups, Group, order[tail[lo]]);

          if (g_array_index (g->b, guint, g->b->len - 1) < g_array_index (t->b, guint, t->b->len - 1))
            tail[lo] = i;
        }
    }
  for (gint k = len > 0 ? (gint) tail[len - 1] : -1; k != -1; k = pred[k])
    on_backbone[order[k]] = TRUE;
}

/* The passages left alone between two groups of the backbone are what a
 * simplification or a rewrite said differently there: more pieces of the
 * same sentences, sentences that correspond without sharing much, and
 * sentences of their own. A lone, weak group that crosses the backbone is
 * taken apart first: in a text that keeps its order it is a chance
 * resemblance. Each gap is then filled by derive_gap(), from the source
 * with the shorter passages (or, one passage on each side, by order). */
static void
fill_gaps (PairState *st,
           GArray    *groups,
           guint      src_a,
           guint      src_b)
{
  SynAligner *al = st->al;
  guint n_groups = groups->len, n = 0;
  g_autofree guint *order = g_new (guint, n_groups + 1);
  g_autofree gboolean *on_backbone = g_new0 (gboolean, n_groups + 1);
  gboolean child_is_b = mean_features (al, src_b) <= mean_features (al, src_a);
  g_autofree guint *spine = g_new (guint, n_groups + 1);
  guint n_spine = 0;

  for (guint i = 0; i < n_groups; i++)
    if (!al->node_title[g_array_index (g_array_index (groups, Group, i).a, guint, 0)])
      order[n++] = i;
  g_qsort_with_data (order, (gint) n, sizeof (guint), cmp_group_start, groups);
  find_backbone (groups, order, n, on_backbone);

  for (guint i = 0; i < n; i++)
    {
      Group *g = &g_array_index (groups, Group, order[i]);

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

  for (guint i = 0; i <= n_spine; i++)
    {
      gint g1 = i > 0 ? (gint) spine[i - 1] : -1;
      gint g2 = i < n_spine ? (gint) spine[i] : -1;
      guint a_lo, a_hi, b_lo, b_hi;

      if (g1 != -1)
        {
          Group *a = &g_array_index (groups, Group, g1);
          a_lo = g_array_index (a->a, guint, a->a->len - 1) + 1;
          b_lo = g_array_index (a->b, guint, a->b->len - 1) + 1;
        }
      else
        {
          a_lo = al->src_first[src_a];
          b_lo = al->src_first[src_b];
        }
      if (g2 != -1)
        {
          Group *b = &g_array_index (groups, Group, g2);
          a_hi = g_array_index (b->a, guint, 0);
          b_hi = g_array_index (b->b, guint, 0);
        }
      else
        {
          a_hi = al->src_first[src_a + 1];
          b_hi = al->src_first[src_b + 1];
        }
      if (a_lo > a_hi || b_lo > b_hi)
        continue;
      while (a_lo < a_hi && al->node_title[a_lo])
        a_lo++;
      while (b_lo < b_hi && al->node_title[b_lo])
        b_lo++;
      /* the whole gap said, in order, by what is around it; else each
       * passage by what it derives from, or by nothing */
      if (range_is_free (st, a_lo, a_hi) && range_is_free (st, b_lo, b_hi))
        {
          gboolean filled;

          if (b_hi - b_lo >= a_hi - a_lo)
            filled = fill_one_gap (st, groups, g1, g2, TRUE, b_lo, b_hi, a_lo, a_hi);
          else
            filled = fill_one_gap (st, groups, g1, g2, FALSE, a_lo, a_hi, b_lo, b_hi);
          if (filled)
            continue;
        }
      if (child_is_b)
        derive_gap (st, groups, g1, g2, TRUE, b_lo, b_hi, a_lo, a_hi);
      else
        derive_gap (st, groups, g1, g2, FALSE, a_lo, a_hi, b_lo, b_hi);
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
match_titles (PairState     *st,
              SynEdge       *edges,
              guint          n_edges,
              GArray        *groups)
{
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  double threshold = TITLE_MIN_SIM;

  for (guint i = 0; i < n_edges; i++)
    if (st->al->node_title[edges[i].a] && edges[i].sim >= threshold)
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
emit_links (PairState *st,
            GArray    *groups)
{
  for (guint i = 0; i < groups->len; i++)
    {
      Group *g = &g_array_index (groups, Group, i);
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
      qsort (link.nodes, link.n_nodes, sizeof (guint), cmp_u32);
      link.score = CLAMP (g->score, 0, 1);
      g_array_append_val (st->al->links, link);
      for (guint j = 0; j < link.n_nodes; j++)
        st->group_of[link.nodes[j]] = -1;
      g_array_unref (g->a);
      g_array_unref (g->b);
    }
}

static void
align_pair (PairState     *st,
            SynEdge       *edges,
            guint          n_edges)
{
  SynAligner *al = st->al;
  g_autoptr(GArray) beads = g_array_new (FALSE, FALSE, sizeof (Bead));
  g_autoptr(GArray) groups = g_array_new (FALSE, FALSE, sizeof (Group));
  guint src_b = al->node_src[edges[0].b];
  guint iterations = (guint) CHAIN_ROUNDS;

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

  for (guint it = 0; it < iterations; it++)
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
  PairState st = { 0 };
  guint n = self->edges->len;
  guint n_pairs = self->n_sources * self->n_sources;
  g_autofree guint *count = g_new0 (guint, n_pairs + 1);
  g_autofree SynEdge *by_pair = g_new (SynEdge, n + 1);

  st.al = self;
  st.tau = BEAD_THRESHOLD;
  st.bonus = CONTINUATION_BONUS;
  st.size_weight = BEAD_SIZE_WEIGHT;
  st.min_chain = CHAIN_MIN_VALUE;
  st.piece_cover = PIECE_MIN_COVER;
  st.piece_best = PIECE_NEAR_BEST;
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
