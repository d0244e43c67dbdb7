/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Corrections made by hand, kept through every re-alignment.
 *
 * A reader who links two passages the aligner missed, or unlinks one it
 * joined by mistake, expects the correction to hold when the comparison is
 * aligned again: with another segment unit, with one more source. So the
 * corrections are not edits of one result but constraints on every result:
 * must-link and cannot-link pairs of passages, each passage named by its
 * source and byte range rather than by an index that a new segmentation
 * would reshuffle. A passage named that way stands, after a re-alignment,
 * for whichever new passage holds its first byte: a sentence linked by
 * hand is still linked inside its paragraph when the unit becomes
 * paragraphs.
 *
 * The aligner's clusters are computed as ever, then reshaped: first every
 * cannot-link takes its first passage out of the group it shares with the
 * second (alone: the rest of the group stays together), then every
 * must-link joins the two passages' groups whole. Cannot-links going first
 * lets one correction be "move this passage from that group to this one"
 * (unlink from the old members, link to a new one) and "split here"
 * (unlink each passage of one part, link them back together). Where two
 * corrections contradict each other through a chain of links, the links
 * win; the model drops an earlier constraint on the same pair itself.
 *
 * A group a must-link holds is as certain as a group can be: its score is
 * 1. A group that only lost members keeps the best score it came from.
 */
#define G_LOG_DOMAIN "syn-core"

#include "config.h"

#include <stdlib.h>

#include "syn-align.h"

static int
cmp_guint (const void *a,
           const void *b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;
  return (x > y) - (x < y);
}

gint
syn_align_find_passage (const SynSegment    *segments,
                        guint                n_segments,
                        const SynPassageRef *ref)
{
  guint lo = 0, hi = n_segments;

  /* the first passage after every passage of the source starting at or
   * before ref->start */
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      const SynSegment *seg = &segments[mid];

      if (seg->source < ref->source || (seg->source == ref->source && seg->start <= ref->start))
        lo = mid + 1;
      else
        hi = mid;
    }
  if (lo > 0 && segments[lo - 1].source == ref->source)
    return (gint) lo - 1;
  /* it starts before the source's first passage: that one, if it overlaps */
  if (lo < n_segments && segments[lo].source == ref->source && segments[lo].start < ref->end)
    return (gint) lo;
  return -1;
}

/* Every segment with @from as its label takes @to. */
static void
relabel (guint *label,
         guint  n,
         guint  from,
         guint  to)
{
  for (guint i = 0; i < n; i++)
    if (label[i] == from)
      label[i] = to;
}

typedef struct {
  guint  first;   /* its first segment: groups keep the aligner's order */
  guint  label;
} Order;

static int
cmp_order (gconstpointer a,
           gconstpointer b)
{
  const Order *x = a, *y = b;
  return (x->first > y->first) - (x->first < y->first);
}

static void
clear_cluster (gpointer data)
{
  g_free (((SynCluster *) data)->segments);
}

static GArray *
build_clusters (GArray         *segments,
                const guint    *label,
                guint           n_labels,
                const double   *old_score,
                const guint    *old_label,
                const gboolean *held)
{
  guint n = segments->len;
  g_autofree guint *count = g_new0 (guint, n_labels + 1);
  g_autofree guint *first = g_new (guint, n_labels + 1);
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (Order));
  GArray *out = g_array_new (FALSE, TRUE, sizeof (SynCluster));

  g_array_set_clear_func (out, clear_cluster);
  for (guint i = n; i-- > 0;)
    {
      count[label[i]]++;
      first[label[i]] = i;
    }
  for (guint l = 0; l < n_labels; l++)
    if (count[l] >= 2)
      {
        Order o = { first[l], l };
        g_array_append_val (order, o);
      }
  g_array_sort (order, cmp_order);

  for (guint i = 0; i < n; i++)
    g_array_index (segments, SynSegment, i).cluster = -1;
  for (guint k = 0; k < order->len; k++)
    {
      guint l = g_array_index (order, Order, k).label;
      SynCluster c = { 0 };
      g_autoptr(GHashTable) sources = g_hash_table_new (NULL, NULL);
      gboolean by_hand = FALSE;

      c.segments = g_new (guint, count[l]);
      for (guint i = 0; i < n; i++)
        if (label[i] == l)
          {
            SynSegment *seg = &g_array_index (segments, SynSegment, i);

            c.segments[c.n_segments++] = i;
            seg->cluster = (gint) k;
            g_hash_table_add (sources, GUINT_TO_POINTER (seg->source + 1));
            by_hand |= held[i];
            if (old_label[i] != G_MAXUINT)
              c.score = MAX (c.score, old_score[old_label[i]]);
          }
      qsort (c.segments, c.n_segments, sizeof (guint), cmp_guint);
      c.support = g_hash_table_size (sources);
      if (by_hand)
        c.score = 1.0;
      g_array_append_val (out, c);
    }
  return out;
}

/* Labels are made dense, then the groups built from them. */
static GArray *
rebuild (GArray         *segments,
         GArray         *clusters,
         guint          *label,
         const guint    *old_label,
         const double   *old_score,
         const gboolean *held)
{
  g_autoptr(GHashTable) map = g_hash_table_new (NULL, NULL);
  GArray *out;

  for (guint i = 0; i < segments->len; i++)
    {
      gpointer v;

      if (!g_hash_table_lookup_extended (map, GUINT_TO_POINTER (label[i]), NULL, &v))
        {
          v = GUINT_TO_POINTER (g_hash_table_size (map));
          g_hash_table_insert (map, GUINT_TO_POINTER (label[i]), v);
        }
      label[i] = GPOINTER_TO_UINT (v);
    }
  out = build_clusters (segments, label, g_hash_table_size (map), old_score, old_label, held);
  g_array_unref (clusters);
  return out;
}

GArray *
syn_align_constrain (GArray              *segments,
                     GArray              *clusters,
                     const SynConstraint *constraints,
                     guint                n_constraints)
{
  guint n = segments->len;
  g_autofree guint *label = g_new (guint, n + 1);
  g_autofree guint *old_label = g_new (guint, n + 1);
  g_autofree double *old_score = g_new0 (double, clusters->len + 1);
  g_autofree gboolean *held = g_new0 (gboolean, n + 1);
  const SynSegment *segs = (const SynSegment *) (gpointer) segments->data;
  guint next_label;

  g_return_val_if_fail (constraints != NULL || n_constraints == 0, clusters);

  /* every passage gets a label: its group's, or one of its own */
  for (guint c = 0; c < clusters->len; c++)
    old_score[c] = g_array_index (clusters, SynCluster, c).score;
  for (guint i = 0; i < n; i++)
    {
      gint c = g_array_index (segments, SynSegment, i).cluster;

      old_label[i] = c >= 0 ? (guint) c : G_MAXUINT;
      label[i] = c >= 0 ? (guint) c : clusters->len + i;
    }
  next_label = clusters->len + n;

  for (int pass = 0; pass < 2; pass++)
    for (guint k = 0; k < n_constraints; k++)
      {
        const SynConstraint *con = &constraints[k];
        gint a, b;

        if ((pass == 0) != (con->kind == SYN_CONSTRAINT_CANNOT_LINK))
          continue;
        a = syn_align_find_passage (segs, n, &con->a);
        b = syn_align_find_passage (segs, n, &con->b);
        if (a < 0 || b < 0 || a == b)
          continue;
        if (con->kind == SYN_CONSTRAINT_CANNOT_LINK)
          {
            if (label[a] == label[b])
              label[a] = next_label++;
          }
        else
          {
            relabel (label, n, label[a], label[b]);
            held[a] = held[b] = TRUE;
          }
      }

  return rebuild (segments, clusters, label, old_label, old_score, held);
}
