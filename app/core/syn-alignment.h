/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "syn-align.h"

G_BEGIN_DECLS

/* The result of comparing several texts: their passages, the clusters of
 * corresponding passages and the divergences inside them. Immutable and
 * reference counted, so it can be handed from a worker thread to the UI. */
typedef struct _SynAlignment SynAlignment;

/* Segments, classifies, aligns and compares @n_sources texts (copied).
 * A source's hints, when it has any, settle the kind of the passages that
 * start inside them: a TITLE hint makes its passages the headline (and no
 * other passage of that source is one), BOILERPLATE dims them; passages in
 * BODY hints keep what the classifier found, except that they are never
 * taken for the headline.
 * Returns NULL only when @progress cancelled. */
SynAlignment        *syn_alignment_compute               (const SynSourceText *sources,
                                                          guint                n_sources,
                                                          SynSegmentUnit       unit,
                                                          SynProgressFunc      progress,
                                                          gpointer             user_data);
/* The same, keeping @constraints (corrections made by hand, see
 * syn_align_constrain()). */
SynAlignment        *syn_alignment_compute_constrained   (const SynSourceText *sources,
                                                          guint                n_sources,
                                                          SynSegmentUnit       unit,
                                                          const SynConstraint *constraints,
                                                          guint                n_constraints,
                                                          SynProgressFunc      progress,
                                                          gpointer             user_data);
SynAlignment        *syn_alignment_ref                   (SynAlignment        *self);
void                 syn_alignment_unref                 (SynAlignment        *self);

SynSegmentUnit       syn_alignment_get_unit              (SynAlignment        *self);
guint                syn_alignment_get_n_sources         (SynAlignment        *self);
const char          *syn_alignment_get_text              (SynAlignment        *self,
                                                          guint                source,
                                                          gsize               *len);
const SynSegment    *syn_alignment_get_segments          (SynAlignment        *self,
                                                          guint               *n_segments);
/* The passages of one source, in text order. */
const SynSegment    *syn_alignment_get_source_segments   (SynAlignment        *self,
                                                          guint                source,
                                                          guint               *first,
                                                          guint               *n_segments);
const SynCluster    *syn_alignment_get_clusters          (SynAlignment        *self,
                                                          guint               *n_clusters);
const SynDivergence *syn_alignment_get_divergences       (SynAlignment        *self,
                                                          guint               *n_divergences);
/* The divergences inside one passage, sorted by start. */
const SynDivergence *syn_alignment_get_segment_divergences (SynAlignment      *self,
                                                          guint                segment,
                                                          guint               *n_divergences);
/* The source's headline (a TITLE passage), or NULL. Free with g_free(). */
char                *syn_alignment_dup_title             (SynAlignment        *self,
                                                          guint                source);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SynAlignment, syn_alignment_unref)

G_END_DECLS
