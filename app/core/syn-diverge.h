/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "syn-align.h"

G_BEGIN_DECLS

/* Word-level divergences inside each cluster: returns a GArray of
 * SynDivergence sorted by (segment, start). Differences of case,
 * punctuation, spelling variant or number format alone are none, and
 * words that merely moved are not ADDED. */
GArray *syn_diverge (const SynSourceText *sources,
                     guint                n_sources,
                     const GArray        *segments,
                     const GArray        *clusters);

G_END_DECLS
