/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "syn-align.h"

G_BEGIN_DECLS

/* Word-level divergences inside each cluster: returns a GArray of
 * SynDivergence sorted by (segment, start, wider first). Differences of
 * case, punctuation, spelling variant or number format alone are none, and
 * words that merely moved are not ADDED. Spans never cross a passage. A
 * QUOTE span covers a whole quotation and may hold ADDED and CHANGED spans;
 * NUMBER and QUOTE carry the other value (counterpart, other_start,
 * other_end) and how many sources give it (agreeing), CHANGED the other
 * wording. The passages of one source in one cluster are read as one
 * version. Deterministic, and the same whatever the order of the sources. */
GArray *syn_diverge (const SynSourceText *sources,
                     guint                n_sources,
                     const GArray        *segments,
                     const GArray        *clusters);

/* syn_diverge(), reading the passages' tokens from @tokens, shared with
 * the stages before it. */
GArray *syn_diverge_with_tokens (const SynSourceText *sources,
                                 guint                n_sources,
                                 const GArray        *segments,
                                 const GArray        *clusters,
                                 SynTokenCache       *tokens);

/* How much one source adds in one passage, as a reader weighs it: the
 * most content words (numbers included, function words not) in any one
 * run of ADDED words in text[start:end], where added spans with nothing
 * but spaces and punctuation between them are one run. @divergences may
 * hold any spans; only the ADDED ones inside the range count. */
guint   syn_diverge_added_run_words (const char          *text,
                                     gsize                start,
                                     gsize                end,
                                     const SynDivergence *divergences,
                                     guint                n_divergences);

G_END_DECLS
