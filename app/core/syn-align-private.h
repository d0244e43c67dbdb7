/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared between the stages of the aligner (syn-align.c, syn-align-pair.c).
 */
#pragma once

#include "syn-align.h"
#include "syn-similarity-private.h"

G_BEGIN_DECLS

/* The most passages of one source a group may leave out between two of
 * its own (elaborations a simplification inserted). */
#define SYN_ALIGN_MAX_SKIP 4

/* A candidate correspondence between two nodes of different sources. */
typedef struct {
  guint a;          /* nodes, a < b */
  guint b;
  float sim;
  float dot[2];     /* per channel, to sum runs of passages without their vectors */
  float cover[2];   /* how much of a, of b, the other covers; < 0: not computed yet */
} SynEdge;

/* A decision of the pairwise stage: passages of one source that correspond
 * to passages of another (one to one, or a split or merge). */
typedef struct {
  guint *nodes;     /* sorted */
  guint  n_nodes;
  double score;     /* similarity of the two sides, 0..1 */
} SynLink;

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
  GArray              *edges;        /* SynEdge, sorted by (a, b) */
  GArray              *links;        /* SynLink */

  SynProgressFunc      progress;
  gpointer             user_data;
  double               progress_base;
  double               progress_span;
  gboolean             cancelled;
} SynAligner;

gboolean syn_aligner_report     (SynAligner  *self,
                                 double       fraction);

/* Orders node numbers (guint), for sorting and searching. */
int      syn_aligner_cmp_node   (gconstpointer a,
                                 gconstpointer b);

/* Two nodes are neighbours when they follow each other in one source,
 * boilerplate in between not counting, and are of the same class. */
static inline gboolean
syn_aligner_adjacent (const SynAligner *self,
                      guint             u,
                      guint             v)
{
  if (u >= self->n_nodes || v >= self->n_nodes || (v != u + 1 && u != v + 1))
    return FALSE;
  return self->node_src[u] == self->node_src[v] && self->node_title[u] == self->node_title[v];
}

/* Aligns each pair of sources from the candidate edges, appending SynLinks
 * to self->links (syn-align-pair.c). */
void     syn_aligner_align_pairs (SynAligner *self);

G_END_DECLS
