/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "syn-types.h"

G_BEGIN_DECLS

/* What a source's origin already knows about a stretch of its text: a web
 * page's headline, its captions and credits (see syn_alignment_compute()). */
typedef struct {
  gsize          start;   /* byte offsets into the text, end exclusive */
  gsize          end;
  SynPassageKind kind;
} SynKindHint;

typedef struct {
  const char        *text;     /* UTF-8 */
  gsize              len;
  const SynKindHint *hints;    /* sorted by start, not overlapping; may be NULL */
  guint              n_hints;
} SynSourceText;

/* Return FALSE to cancel. @fraction goes from 0 to 1. */
typedef gboolean (*SynProgressFunc) (double   fraction,
                                     gpointer user_data);

/* Groups corresponding passages across @n_sources sources. @segments holds
 * every passage of every source, sorted by (source, start); boilerplate is
 * never grouped. Sets each SynSegment.cluster and returns a GArray of
 * SynCluster (the array frees each cluster's segment list), or NULL when
 * @progress cancelled. Deterministic, and independent of the order of the
 * sources up to renumbering. */
GArray *syn_align (const SynSourceText *sources,
                   guint                n_sources,
                   GArray              *segments,
                   SynProgressFunc      progress,
                   gpointer             user_data);

typedef struct _SynTokenCache SynTokenCache;

/* syn_align(), reading the passages' tokens from @tokens (see
 * syn-token-cache-private.h), which the caller shares with later stages. */
GArray *syn_align_with_tokens (const SynSourceText *sources,
                               guint                n_sources,
                               GArray              *segments,
                               SynTokenCache       *tokens,
                               SynProgressFunc      progress,
                               gpointer             user_data);

/* A passage named by where it is, so that a constraint outlives the
 * segmentation it was made on: after a re-alignment (another unit, another
 * source) it stands for the passage of @source that holds @start. */
typedef struct {
  guint source;
  gsize start;   /* byte offsets into the source's text, end exclusive */
  gsize end;
} SynPassageRef;

typedef enum {
  SYN_CONSTRAINT_MUST_LINK,    /* the two passages end up in one group */
  SYN_CONSTRAINT_CANNOT_LINK,  /* they end up in different groups */
} SynConstraintKind;

/* A correction made by hand (see syn-align-constrain.c). */
typedef struct {
  SynConstraintKind kind;
  SynPassageRef     a;
  SynPassageRef     b;
} SynConstraint;

/* Reshapes @clusters, as syn_align() returned them for @segments, so that
 * they honour @constraints: each cannot-link takes its first passage out of
 * a group it shares with the second, then each must-link joins the two
 * passages' groups. Updates each SynSegment.cluster; returns the new
 * clusters (the old array is unreferenced). A constraint naming a passage
 * that is not there (a source index out of range) is ignored. */
GArray *syn_align_constrain (GArray              *segments,
                             GArray              *clusters,
                             const SynConstraint *constraints,
                             guint                n_constraints);

/* The segment @ref stands for among @n_segments @segments (sorted by
 * (source, start)), or -1 when its source has no passage there. */
gint    syn_align_find_passage (const SynSegment    *segments,
                                guint                n_segments,
                                const SynPassageRef *ref);

G_END_DECLS
