/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared between the files of the aligner's pairwise stage: the chains,
 * attaching and gaps (syn-align-pair.c) and derivation in a gap
 * (syn-align-derive.c).
 */
#pragma once

#include "syn-align-private.h"

G_BEGIN_DECLS

/* The longest run of passages a bead holds on one side. */
#define SYN_PAIR_MAX_RUN 4

/* What the stage keeps for all pairs: sums over each node and its
 * neighbours, computed once, and per-node scratch reset after each pair. */
typedef struct {
  SynAligner *al;
  double     (*norm2)[2];                       /* per node */
  double     (*near)[SYN_PAIR_MAX_RUN - 1][2];  /* dot with the node d + 1 further */
  guint8      *run_len;                         /* longest run of neighbours from each node */
  gint        *group_of;                        /* per node, during one pair; -1: none */
  float       *best_sim;                        /* per node: best edge in this pair */
  SynScatter  *scatter;                         /* one node spread out, for derivation */
} SynPairState;

/* A group of one pair in the making: passages of the lower source (a)
 * against passages of the higher one (b). */
typedef struct {
  GArray *a;      /* guint nodes, sorted */
  GArray *b;
  double  score;
} SynPairGroup;

/* The passages between two neighbouring groups of a pair's backbone. Each
 * child goes to one item of the other side or to none: the group before
 * the gap, a parent passage (or a run of them), or the group after. */
typedef struct {
  gint     before;       /* the group before the gap, or -1 */
  gint     after;        /* the group after it, or -1 */
  gboolean child_is_b;   /* the children are on side b of the groups */
  guint    child_lo;     /* the children: nodes [child_lo, child_hi) */
  guint    child_hi;
  guint    parent_lo;    /* the parents: nodes [parent_lo, parent_hi) */
  guint    parent_hi;
} SynPairGap;

/* Appends an empty group to @groups. The pointer lasts until the next. */
SynPairGroup *syn_pair_group_new     (GArray           *groups);

/* Puts @node into group @g, on side b when @on_b, keeping the side sorted. */
void          syn_pair_group_add     (SynPairState     *st,
                                      GArray           *groups,
                                      gint              g,
                                      gboolean          on_b,
                                      guint             node);

/* Scores group @g anew from the similarity of its two sides. */
void          syn_pair_group_rescore (SynPairState     *st,
                                      GArray           *groups,
                                      gint              g);

/* Fills @gap by derivation (syn-align-derive.c). */
void          syn_pair_derive_gap    (SynPairState     *st,
                                      GArray           *groups,
                                      const SynPairGap *gap);

G_END_DECLS
