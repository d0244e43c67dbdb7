/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "syn-align.h"
#include "syn-normalize.h"

G_BEGIN_DECLS

/* SynTokenCache (declared in syn-align.h): the tokens of each passage of
 * a comparison, made once (syn_tokenize()) on first use and shared by the
 * stages that read them, the aligner's vectors and the word comparison. */

/* @sources and @segments must stay as they are while tokens are asked
 * for; the cache may be freed after them. */
SynTokenCache *syn_token_cache_new  (const SynSourceText *sources,
                                     const GArray        *segments);
GArray        *syn_token_cache_get  (SynTokenCache       *self,
                                     guint                segment);
void           syn_token_cache_free (SynTokenCache       *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SynTokenCache, syn_token_cache_free)

G_END_DECLS
