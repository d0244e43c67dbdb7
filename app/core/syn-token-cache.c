/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tokenizing a passage (syn_tokenize(): normalisation, quotation marks,
 * number and spelling forms) is not cheap: done once by the aligner for
 * every body passage and again by the word comparison for every grouped
 * one, it was a sixth of the work of comparing the seed articles. So a
 * comparison made in one go keeps each passage's tokens from the first
 * reading for the second. The cache holds an array per passage, made on
 * first use and shared by reference (GArray is reference counted), until
 * the comparison is done. The price is memory, the tokens of every
 * passage at once: about 1.5 KB a sentence (2 × 20,000 sentences peak at
 * 119 MB instead of 54 MB, fifty sources of 200 at 85 MB instead of 66).
 */
#define G_LOG_DOMAIN "syn-core"

#include "config.h"

#include "syn-token-cache-private.h"

struct _SynTokenCache {
  const SynSourceText *sources;
  const GArray        *segments;
  guint                n_segments;
  GArray             **tokens;   /* per segment, or NULL until asked */
};

SynTokenCache *
syn_token_cache_new (const SynSourceText *sources,
                     const GArray        *segments)
{
  SynTokenCache *self = g_new0 (SynTokenCache, 1);

  self->sources = sources;
  self->segments = segments;
  self->n_segments = segments->len;
  self->tokens = g_new0 (GArray *, segments->len + 1);
  return self;
}

/* The tokens of passage @segment, owned by the cache: take a reference to
 * keep them longer. */
GArray *
syn_token_cache_get (SynTokenCache *self,
                     guint          segment)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (segment < self->n_segments, NULL);

  if (self->tokens[segment] == NULL)
    {
      const SynSegment *seg = &g_array_index (self->segments, SynSegment, segment);

      self->tokens[segment] = syn_tokenize (self->sources[seg->source].text, seg->start, seg->end);
    }
  return self->tokens[segment];
}

void
syn_token_cache_free (SynTokenCache *self)
{
  if (self == NULL)
    return;
  /* the segments may be gone already: only their count is read here */
  for (guint i = 0; i < self->n_segments; i++)
    g_clear_pointer (&self->tokens[i], g_array_unref);
  g_free (self->tokens);
  g_free (self);
}
