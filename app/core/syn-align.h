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

G_END_DECLS
