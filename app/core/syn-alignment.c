/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pipeline, in the order of its stages: segment each source into
 * passages (syn-segment.c), mark headlines and site furniture
 * (syn-boilerplate.c), group corresponding passages across all sources
 * (syn-align.c), then find what differs inside each group (syn-diverge.c).
 * The result is frozen into one reference-counted SynAlignment so a worker
 * thread can compute it and hand it to the interface as it is.
 */
#define G_LOG_DOMAIN "syn-core"

#include "config.h"

#include <string.h>

#include "syn-alignment.h"
#include "syn-boilerplate.h"
#include "syn-diverge.h"
#include "syn-segment.h"
#include "syn-token-cache-private.h"

struct _SynAlignment
{
  SynSegmentUnit  unit;
  guint           n_sources;
  char          **texts;
  gsize          *lengths;
  guint          *source_first;   /* n_sources + 1 entries: segment ranges */
  GArray         *segments;       /* SynSegment */
  GArray         *clusters;       /* SynCluster */
  GArray         *divergences;    /* SynDivergence, by (segment, start) */
  guint          *div_first;      /* n_segments + 1 entries */
};

static void
alignment_clear (gpointer data)
{
  SynAlignment *self = data;

  for (guint i = 0; i < self->n_sources; i++)
    g_free (self->texts[i]);
  g_free (self->texts);
  g_free (self->lengths);
  g_free (self->source_first);
  g_free (self->div_first);
  g_clear_pointer (&self->segments, g_array_unref);
  g_clear_pointer (&self->clusters, g_array_unref);
  g_clear_pointer (&self->divergences, g_array_unref);
}

static void
index_divergences (SynAlignment *self)
{
  guint n = self->segments->len;

  self->div_first = g_new0 (guint, n + 1);
  for (guint i = 0; i < self->divergences->len; i++)
    {
      const SynDivergence *d = &g_array_index (self->divergences, SynDivergence, i);
      g_assert (d->segment < n);
      self->div_first[d->segment + 1]++;
    }
  for (guint i = 0; i < n; i++)
    self->div_first[i + 1] += self->div_first[i];
}

/* The hint holding @offset, or NULL; @hint walks forward with the passages. */
static const SynKindHint *
find_hint (const SynSourceText *source,
           guint               *hint,
           gsize                offset)
{
  while (*hint < source->n_hints && source->hints[*hint].end <= offset)
    (*hint)++;
  if (*hint < source->n_hints && source->hints[*hint].start <= offset)
    return &source->hints[*hint];
  return NULL;
}

/* The origin knows the page's structure better than the text rules guess it;
 * the rules still dim furniture the extractor kept inside the story. */
static void
apply_hints (const SynSourceText *source,
             GArray              *segments)
{
  guint hint = 0;

  for (guint i = 0; i < segments->len; i++)
    {
      SynSegment *seg = &g_array_index (segments, SynSegment, i);
      const SynKindHint *h = find_hint (source, &hint, seg->start);

      if (h != NULL && h->kind != SYN_PASSAGE_BODY)
        seg->kind = h->kind;
      else if (seg->kind == SYN_PASSAGE_TITLE)
        seg->kind = SYN_PASSAGE_BODY;
    }
}

static GArray *
segment_sources (SynAlignment        *self,
                 const SynSourceText *sources)
{
  GArray *all = g_array_new (FALSE, FALSE, sizeof (SynSegment));

  self->source_first = g_new0 (guint, self->n_sources + 1);
  for (guint s = 0; s < self->n_sources; s++)
    {
      g_autoptr(GArray) one = syn_segment_text (self->texts[s], self->lengths[s], self->unit);

      syn_classify_passages (self->texts[s], self->lengths[s], one);
      if (sources[s].n_hints > 0)
        apply_hints (&sources[s], one);
      for (guint i = 0; i < one->len; i++)
        g_array_index (one, SynSegment, i).source = s;
      self->source_first[s] = all->len;
      g_array_append_vals (all, one->data, one->len);
    }
  self->source_first[self->n_sources] = all->len;
  return all;
}

SynAlignment *
syn_alignment_compute (const SynSourceText *sources,
                       guint                n_sources,
                       SynSegmentUnit       unit,
                       SynProgressFunc      progress,
                       gpointer             user_data)
{
  return syn_alignment_compute_constrained (sources, n_sources, unit, NULL, 0, progress, user_data);
}

SynAlignment *
syn_alignment_compute_constrained (const SynSourceText *sources,
                                   guint                n_sources,
                                   SynSegmentUnit       unit,
                                   const SynConstraint *constraints,
                                   guint                n_constraints,
                                   SynProgressFunc      progress,
                                   gpointer             user_data)
{
  g_autoptr(SynAlignment) self = NULL;
  g_autofree SynSourceText *views = NULL;
  g_autoptr(SynTokenCache) tokens = NULL;

  g_return_val_if_fail (sources != NULL || n_sources == 0, NULL);

  self = g_atomic_rc_box_new0 (SynAlignment);
  self->unit = unit;
  self->n_sources = n_sources;
  self->texts = g_new0 (char *, n_sources + 1);
  self->lengths = g_new0 (gsize, n_sources + 1);
  views = g_new0 (SynSourceText, n_sources + 1);
  for (guint s = 0; s < n_sources; s++)
    {
      self->texts[s] = g_strndup (sources[s].text, sources[s].len);
      self->lengths[s] = sources[s].len;
      views[s].text = self->texts[s];
      views[s].len = self->lengths[s];
    }

  self->segments = segment_sources (self, sources);
  /* the aligner and the word comparison read the same tokens */
  tokens = syn_token_cache_new (views, self->segments);
  self->clusters = syn_align_with_tokens (views, n_sources, self->segments, tokens, progress, user_data);
  if (self->clusters == NULL)
    return NULL;
  if (n_constraints > 0)
    self->clusters = syn_align_constrain (self->segments, self->clusters, constraints, n_constraints);
  self->divergences = syn_diverge_with_tokens (views, n_sources, self->segments, self->clusters, tokens);
  index_divergences (self);

  return g_steal_pointer (&self);
}

SynAlignment *
syn_alignment_ref (SynAlignment *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return g_atomic_rc_box_acquire (self);
}

void
syn_alignment_unref (SynAlignment *self)
{
  g_return_if_fail (self != NULL);
  g_atomic_rc_box_release_full (self, alignment_clear);
}

SynSegmentUnit
syn_alignment_get_unit (SynAlignment *self)
{
  g_return_val_if_fail (self != NULL, SYN_SEGMENT_SENTENCE);
  return self->unit;
}

guint
syn_alignment_get_n_sources (SynAlignment *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_sources;
}

const char *
syn_alignment_get_text (SynAlignment *self,
                        guint         source,
                        gsize        *len)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (source < self->n_sources, NULL);

  if (len != NULL)
    *len = self->lengths[source];
  return self->texts[source];
}

const SynSegment *
syn_alignment_get_segments (SynAlignment *self,
                            guint        *n_segments)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (n_segments != NULL)
    *n_segments = self->segments->len;
  return (const SynSegment *) (gpointer) self->segments->data;
}

const SynSegment *
syn_alignment_get_source_segments (SynAlignment *self,
                                   guint         source,
                                   guint        *first,
                                   guint        *n_segments)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (source < self->n_sources, NULL);

  if (first != NULL)
    *first = self->source_first[source];
  if (n_segments != NULL)
    *n_segments = self->source_first[source + 1] - self->source_first[source];
  if (self->segments->len == 0)
    return NULL;  /* no passages at all: the array has no storage */
  return &g_array_index (self->segments, SynSegment, self->source_first[source]);
}

const SynCluster *
syn_alignment_get_clusters (SynAlignment *self,
                            guint        *n_clusters)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (n_clusters != NULL)
    *n_clusters = self->clusters->len;
  return (const SynCluster *) (gpointer) self->clusters->data;
}

const SynDivergence *
syn_alignment_get_divergences (SynAlignment *self,
                               guint        *n_divergences)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (n_divergences != NULL)
    *n_divergences = self->divergences->len;
  return (const SynDivergence *) (gpointer) self->divergences->data;
}

const SynDivergence *
syn_alignment_get_segment_divergences (SynAlignment *self,
                                       guint         segment,
                                       guint        *n_divergences)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (segment < self->segments->len, NULL);

  if (n_divergences != NULL)
    *n_divergences = self->div_first[segment + 1] - self->div_first[segment];
  if (self->divergences->len == 0)
    return NULL;  /* none at all: the array has no storage */
  return &g_array_index (self->divergences, SynDivergence, self->div_first[segment]);
}

char *
syn_alignment_dup_title (SynAlignment *self,
                         guint         source)
{
  guint first, n;
  const SynSegment *segs;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (source < self->n_sources, NULL);

  segs = syn_alignment_get_source_segments (self, source, &first, &n);
  for (guint i = 0; i < n; i++)
    {
      if (segs[i].kind == SYN_PASSAGE_TITLE)
        return g_strndup (self->texts[source] + segs[i].start, segs[i].end - segs[i].start);
    }
  return NULL;
}
