/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Derivation: filling a gap between two groups by what each passage of
 * one side comes from.
 *
 * When the passages between two groups of a pair's backbone are not said,
 * in order, by what is around them, each passage of the source with the
 * shorter passages (a child) is taken as derived from one unit of the
 * other side — a parent passage, a run of up to DERIVE_MAX_RUN of them,
 * the group before the gap or the group after it — or from nothing. A
 * unit is worth to a child the share of the child's weight it holds
 * (asymmetric containment), minus DERIVE_MIN_COVER.
 *
 * Units are taken in order, yet a unit may take children that are not
 * neighbours: up to DERIVE_MAX_SKIP children may stand between two of its
 * own. That is how a simplification writes ("So fangen Märchen an."
 * inserted between two pieces of one sentence), and how an outlet merges
 * two sentences that were not neighbours. The programme runs in four
 * phases: what each parent holds of each child (a bit mask of the child's
 * features); a forward pass over the children, keeping the best placement
 * that ends with each child in each unit and the best that ends at or
 * before each parent; the trace-back from the best end; and the groups.
 * It costs O(children × parents × DERIVE_MAX_SKIP); gaps of more than
 * DERIVE_MAX_CELLS are left alone, so the stage stays near-linear.
 */
#define G_LOG_DOMAIN "syn-core"

#include "config.h"

#include "syn-align-pair-private.h"

/* A child derives from a unit worth (cover - DERIVE_MIN_COVER), where
 * cover is how much of its weight the unit holds; a unit is opened, for
 * DERIVE_OPEN_COST (plus DERIVE_RUN_COST for each further passage of a run
 * of parents), by a child it covers at least DERIVE_OPEN_COVER; each child
 * passed over inside a unit costs DERIVE_SKIP_COST, and at most
 * DERIVE_MAX_SKIP are passed over in a row. Tuned with the thresholds of
 * syn-align-pair.c. */
#define DERIVE_MIN_COVER    0.2
#define DERIVE_OPEN_COVER   0.6
#define DERIVE_OPEN_COST    0.2
#define DERIVE_RUN_COST     0.2
#define DERIVE_SKIP_COST    0.5
#define DERIVE_MAX_SKIP     SYN_ALIGN_MAX_SKIP
#define DERIVE_MAX_RUN      2
#define DERIVE_MAX_CELLS    65536

#define NONE (-G_MAXDOUBLE)

/* How much of a child an item holds: the bits of the child's features it
 * holds, and the squared weight beyond 64 features. */
typedef struct {
  guint64 mask;
  float   rest;
} Held;

/* Units: 0 is the group before the gap; 1 + s × DERIVE_MAX_RUN + (r - 1)
 * the run of r parents from parent s; the last, the group after. A unit
 * ends at a parent position: 0 for the group before, s + r for a run. */
#define UNIT_BEFORE 0

typedef struct {
  SynPairState     *st;
  const SynPairGap *gap;
  guint             n;             /* children */
  guint             m;             /* parents */
  guint             n_units;       /* m × DERIVE_MAX_RUN + 2 */
  guint             unit_after;    /* n_units - 1 */
  guint             n_pos;         /* parent positions 0..m */
  Held             *held;          /* (m + 2) × n: item 0 the group before,
                                    * 1..m the parents, m + 1 the group after */
  guint8           *free_run;      /* per parent: the longest run of free parents from it */

  /* the forward pass, row j for child j */
  double           *in_unit;       /* n × n_units: the best placement whose last
                                    * child is j, in unit u */
  gint8            *in_unit_from;  /* how many rows up that unit's previous child
                                    * is; 0: j opens the unit; -1: no placement */
  /* row j + 1 once child j is placed */
  double           *ends_at;       /* (n + 1) × n_pos: the best placement whose last
                                    * unit ends at parent position e */
  gint             *ends_at_unit;  /* that unit; -1: carried from the row above
                                    * (child j from nothing); -2: nothing placed */
  double           *upto;          /* (n + 1) × n_pos: the best of ends_at over
                                    * positions 0..e, and never below 0 */
  gint             *upto_pos;      /* the position it ends at */

  gint             *assign;        /* per child: its unit, or -1 */
} Derivation;

static void
derivation_clear (Derivation *d)
{
  g_free (d->held);
  g_free (d->free_run);
  g_free (d->in_unit);
  g_free (d->in_unit_from);
  g_free (d->ends_at);
  g_free (d->ends_at_unit);
  g_free (d->upto);
  g_free (d->upto_pos);
  g_free (d->assign);
}

static guint
unit_start (guint u)
{
  return (u - 1) / DERIVE_MAX_RUN;
}

static guint
unit_len (guint u)
{
  return (u - 1) % DERIVE_MAX_RUN + 1;
}

/* ------------------------------------------------------------ what parents hold */

/* The nodes of item @k: a group beside the gap (its parent side), or one
 * parent passage (@single). */
static const guint *
item_nodes (const Derivation *d,
            GArray           *groups,
            guint             k,
            guint            *single,
            guint            *len)
{
  const SynPairGap *gap = d->gap;
  const SynPairGroup *g;
  GArray *nodes;

  if (k > 0 && k <= d->m)
    {
      *single = gap->parent_lo + k - 1;
      *len = 1;
      return single;
    }
  if ((k == 0 ? gap->before : gap->after) == -1)
    return NULL;
  g = &g_array_index (groups, SynPairGroup, k == 0 ? gap->before : gap->after);
  nodes = gap->child_is_b ? g->a : g->b;
  *len = nodes->len;
  return (const guint *) (gconstpointer) nodes->data;
}

static void
hold_parents (Derivation *d,
              GArray     *groups)
{
  SynAligner *al = d->st->al;
  SynScatter *scatter = d->st->scatter;

  d->held = g_new0 (Held, (gsize) (d->m + 2) * d->n);
  for (guint k = 0; k < d->m + 2; k++)
    {
      guint single, len;
      const guint *list = item_nodes (d, groups, k, &single, &len);

      if (list == NULL)
        continue;
      for (guint i = 0; i < len; i++)
        syn_scatter_set (scatter, al->vectors, list[i]);
      for (guint j = 0; j < d->n; j++)
        {
          Held *h = &d->held[k * d->n + j];
          double rest = 0;

          h->mask = syn_scatter_mask (scatter, al->vectors, d->gap->child_lo + j, &rest);
          h->rest = (float) rest;
        }
      for (guint i = 0; i < len; i++)
        syn_scatter_clear (scatter, al->vectors, list[i]);
    }
}

/* A run of parents must be neighbours, none of them in a group yet. */
static void
find_free_runs (Derivation *d)
{
  const SynPairState *st = d->st;
  guint p_lo = d->gap->parent_lo;

  d->free_run = g_new0 (guint8, d->m + 1);
  for (guint s = 0; s < d->m; s++)
    {
      guint r = 0;

      while (r < MIN (MIN ((guint) st->run_len[p_lo + s], d->m - s), DERIVE_MAX_RUN) &&
             st->group_of[p_lo + s + r] == -1)
        r++;
      d->free_run[s] = (guint8) r;
    }
}

/* -------------------------------------------------------------- forward pass */

/* What unit @u holds of child @j, or FALSE when it cannot take children. */
static gboolean
unit_holds (const Derivation *d,
            guint             j,
            guint             u,
            guint64          *mask,
            double           *rest)
{
  const Held *held = d->held;
  guint n = d->n;

  *mask = 0;
  *rest = 0;
  if (u == UNIT_BEFORE || u == d->unit_after)
    {
      guint k = u == UNIT_BEFORE ? 0 : d->m + 1;

      if ((u == UNIT_BEFORE ? d->gap->before : d->gap->after) == -1)
        return FALSE;
      *mask = held[k * n + j].mask;
      *rest = held[k * n + j].rest;
      return TRUE;
    }
  if (unit_len (u) > d->free_run[unit_start (u)])
    return FALSE;
  for (guint i = 0; i < unit_len (u); i++)
    {
      const Held *h = &held[(unit_start (u) + 1 + i) * n + j];

      *mask |= h->mask;
      *rest = MAX (*rest, h->rest);
    }
  return TRUE;
}

/* The best placement before child @j that unit @u may start from at @j:
 * the group before takes the first children (passing over the ones before
 * at a cost), the group after follows anything, a parent unit follows
 * the best placement ending before its first parent if @j covers it well
 * enough to open it. */
static double
unit_opening (const Derivation *d,
              guint             j,
              guint             u,
              double            worth)
{
  const double *upto = d->upto + (gsize) j * d->n_pos;

  if (u == UNIT_BEFORE)
    return j <= DERIVE_MAX_SKIP ? -DERIVE_SKIP_COST * j : NONE;
  if (u == d->unit_after)
    return upto[d->m];
  if (worth + DERIVE_MIN_COVER >= DERIVE_OPEN_COVER)
    return upto[unit_start (u)] - DERIVE_OPEN_COST - DERIVE_RUN_COST * (unit_len (u) - 1);
  return NONE;
}

/* Places child @j in unit @u: the best of opening the unit with it and
 * continuing the unit's last child, a few rows up. */
static void
place_child (Derivation *d,
             guint       j,
             guint       u)
{
  SynAligner *al = d->st->al;
  guint c = d->gap->child_lo + j, U = d->n_units;
  double norm2 = d->st->norm2[c][0];
  double rest, worth, best;
  guint64 mask;
  gint8 from = -1;

  d->in_unit[(gsize) j * U + u] = NONE;
  d->in_unit_from[(gsize) j * U + u] = -1;
  if (!unit_holds (d, j, u, &mask, &rest) || norm2 <= 0)
    return;
  worth = (syn_vectors_mask_weight (al->vectors, c, mask) + rest) / norm2 - DERIVE_MIN_COVER;

  best = unit_opening (d, j, u, worth);
  if (best != NONE)
    from = 0;
  for (guint up = 1; up <= DERIVE_MAX_SKIP + 1 && up <= j; up++)
    {
      double prev = d->in_unit[(gsize) (j - up) * U + u];

      if (prev > NONE && prev - DERIVE_SKIP_COST * (up - 1) > best)
        {
          best = prev - DERIVE_SKIP_COST * (up - 1);
          from = (gint8) up;
        }
    }
  if (best == NONE)
    return;
  d->in_unit[(gsize) j * U + u] = best + worth;
  d->in_unit_from[(gsize) j * U + u] = from;
}

static void
forward_row (Derivation *d,
             guint       j)
{
  guint P = d->n_pos;
  const double *ends_before = d->ends_at + (gsize) j * P;
  double *ends = d->ends_at + (gsize) (j + 1) * P;
  gint *ends_unit = d->ends_at_unit + (gsize) (j + 1) * P;
  double *upto = d->upto + (gsize) (j + 1) * P;
  gint *upto_pos = d->upto_pos + (gsize) (j + 1) * P;
  gboolean taken = d->st->group_of[d->gap->child_lo + j] != -1;

  for (guint e = 0; e < P; e++)
    {
      ends[e] = ends_before[e];
      ends_unit[e] = -1;
    }

  for (guint u = 0; u < d->n_units; u++)
    {
      double v;
      guint e;

      if (taken)
        {
          d->in_unit[(gsize) j * d->n_units + u] = NONE;
          d->in_unit_from[(gsize) j * d->n_units + u] = -1;
          continue;
        }
      place_child (d, j, u);
      v = d->in_unit[(gsize) j * d->n_units + u];
      /* a run past the last parent never takes a child: no position */
      if (v == NONE || u == d->unit_after)
        continue;
      e = u == UNIT_BEFORE ? 0 : unit_start (u) + unit_len (u);
      if (v > ends[e])
        {
          ends[e] = v;
          ends_unit[e] = (gint) u;
        }
    }

  upto[0] = ends[0] < 0 ? 0 : ends[0];   /* the empty placement is always there */
  upto_pos[0] = 0;
  for (guint e = 1; e < P; e++)
    {
      upto[e] = ends[e] > upto[e - 1] ? ends[e] : upto[e - 1];
      upto_pos[e] = ends[e] > upto[e - 1] ? (gint) e : upto_pos[e - 1];
    }
}

static void
forward_pass (Derivation *d)
{
  gsize rows = (gsize) (d->n + 1) * d->n_pos;

  d->in_unit = g_new (double, (gsize) d->n * d->n_units);
  d->in_unit_from = g_new (gint8, (gsize) d->n * d->n_units);
  d->ends_at = g_new (double, rows);
  d->ends_at_unit = g_new (gint, rows);
  d->upto = g_new (double, rows);
  d->upto_pos = g_new (gint, rows);

  /* row 0: nothing placed yet */
  for (guint e = 0; e < d->n_pos; e++)
    {
      d->ends_at[e] = e == 0 ? 0 : NONE;
      d->ends_at_unit[e] = e == 0 ? -2 : -1;
      d->upto[e] = 0;
      d->upto_pos[e] = 0;
    }
  for (guint j = 0; j < d->n; j++)
    forward_row (d, j);
}

/* ---------------------------------------------------------------- trace-back */

/* Where the best placement ends: its last unit anywhere, or the group
 * after the gap followed by a few children from nothing. Returns its
 * value; sets the row and either the unit or (@unit -1) the position. */
static double
best_end (const Derivation *d,
          gint             *row,
          gint             *pos,
          gint             *unit)
{
  guint n = d->n, m = d->m, P = d->n_pos;
  double total = d->upto[(gsize) n * P + m];

  *row = (gint) n - 1;
  *pos = d->upto_pos[(gsize) n * P + m];
  *unit = -1;
  for (guint j = n > DERIVE_MAX_SKIP + 1 ? n - DERIVE_MAX_SKIP - 1 : 0; j < n; j++)
    {
      double v = d->in_unit[(gsize) j * d->n_units + d->unit_after];

      if (v > NONE && v - DERIVE_SKIP_COST * (n - 1 - j) > total)
        {
          total = v - DERIVE_SKIP_COST * (n - 1 - j);
          *row = (gint) j;
          *unit = (gint) d->unit_after;
        }
    }
  return total;
}

/* Walks back from the end: in ends_at (row, pos) while no unit is open,
 * else in in_unit (row, unit), recording each child's unit. */
static void
trace_back (Derivation *d,
            gint        row,
            gint        pos,
            gint        unit)
{
  guint P = d->n_pos;

  d->assign = g_new (gint, d->n);
  for (guint j = 0; j < d->n; j++)
    d->assign[j] = -1;
  while (row >= 0)
    {
      gint8 from;

      if (unit == -1)
        {
          unit = d->ends_at_unit[(gsize) (row + 1) * P + (guint) pos];
          if (unit == -2)
            break;
          if (unit == -1)
            row--;
          continue;
        }
      from = d->in_unit_from[(gsize) row * d->n_units + (guint) unit];
      d->assign[row] = unit;
      if (from > 0)
        {
          row -= from;
          continue;
        }
      if (unit == UNIT_BEFORE)
        break;
      pos = d->upto_pos[(gsize) row * P + (unit == (gint) d->unit_after ? d->m : unit_start ((guint) unit))];
      row--;
      unit = -1;
    }
}

/* -------------------------------------------------------------------- groups */

/* Opens the group of parent unit @u. */
static gint
open_unit (Derivation *d,
           GArray     *groups,
           guint       u)
{
  gint g = (gint) groups->len;

  syn_pair_group_new (groups);
  for (guint i = 0; i < unit_len (u); i++)
    syn_pair_group_add (d->st, groups, g, !d->gap->child_is_b,
                        d->gap->parent_lo + unit_start (u) + i);
  return g;
}

static void
build_groups (Derivation *d,
              GArray     *groups)
{
  g_autofree gint *group_of_unit = g_new (gint, d->n_units);

  for (guint u = 0; u < d->n_units; u++)
    group_of_unit[u] = -1;
  group_of_unit[UNIT_BEFORE] = d->gap->before;
  group_of_unit[d->unit_after] = d->gap->after;
  for (guint j = 0; j < d->n; j++)
    {
      gint u = d->assign[j];

      if (u == -1)
        continue;
      if (group_of_unit[u] == -1)
        group_of_unit[u] = open_unit (d, groups, (guint) u);
      syn_pair_group_add (d->st, groups, group_of_unit[u], d->gap->child_is_b,
                          d->gap->child_lo + j);
    }
  for (guint u = 0; u < d->n_units; u++)
    if (group_of_unit[u] != -1)
      syn_pair_group_rescore (d->st, groups, group_of_unit[u]);
}

void
syn_pair_derive_gap (SynPairState     *st,
                     GArray           *groups,
                     const SynPairGap *gap)
{
  Derivation d = { 0 };
  gint row, pos, unit;

  d.st = st;
  d.gap = gap;
  d.n = gap->child_hi - gap->child_lo;
  d.m = gap->parent_hi - gap->parent_lo;
  d.n_units = d.m * DERIVE_MAX_RUN + 2;
  d.unit_after = d.n_units - 1;
  d.n_pos = d.m + 1;
  if (d.n == 0 || (d.m == 0 && gap->before == -1 && gap->after == -1))
    return;
  if ((gsize) d.n * (d.m + 2) > DERIVE_MAX_CELLS)
    return;

  hold_parents (&d, groups);
  find_free_runs (&d);
  forward_pass (&d);
  if (best_end (&d, &row, &pos, &unit) > 0)
    {
      trace_back (&d, row, pos, unit);
      build_groups (&d, groups);
    }
  derivation_clear (&d);
}
