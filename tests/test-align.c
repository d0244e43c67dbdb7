/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The aligner (syn-align.c) on texts written for these tests: versions of
 * an invented story about a flooded bridge. Passages are cut here, one per
 * line, so that these tests depend on the aligner and the normaliser only:
 * a line starting with "# " is a headline, with "~ " site furniture.
 */
#define G_LOG_DOMAIN "syn-test"

#include "config.h"

#include <string.h>

#include "syn-align.h"
#include "syn-diverge.h"
#include "syn-token-cache-private.h"

typedef struct {
  guint           n_sources;
  SynSourceText  *sources;
  GArray         *segments;
  GArray         *clusters;
} Fixture;

/* Cuts @texts into one passage per non-empty line, sorted by (source,
 * start) as syn_align() expects. */
static void
fixture_init (Fixture            *f,
              const char * const *texts,
              guint               n)
{
  f->n_sources = n;
  f->sources = g_new0 (SynSourceText, n + 1);
  f->segments = g_array_new (FALSE, FALSE, sizeof (SynSegment));
  f->clusters = NULL;
  for (guint s = 0; s < n; s++)
    {
      const char *text = texts[s];
      gsize len = strlen (text), i = 0;

      f->sources[s].text = text;
      f->sources[s].len = len;
      while (i < len)
        {
          gsize end = i;
          SynSegment seg = { s, i, 0, SYN_PASSAGE_BODY, -1 };

          while (end < len && text[end] != '\n')
            end++;
          if (end > i)
            {
              if (g_str_has_prefix (text + i, "# "))
                seg.kind = SYN_PASSAGE_TITLE;
              else if (g_str_has_prefix (text + i, "~ "))
                seg.kind = SYN_PASSAGE_BOILERPLATE;
              seg.end = end;
              g_array_append_val (f->segments, seg);
            }
          i = end + 1;
        }
    }
}

static void
fixture_clear (Fixture *f)
{
  g_clear_pointer (&f->clusters, g_array_unref);
  g_clear_pointer (&f->segments, g_array_unref);
  g_clear_pointer (&f->sources, g_free);
}

static void
fixture_align (Fixture *f)
{
  f->clusters = syn_align (f->sources, f->n_sources, f->segments, NULL, NULL);
  g_assert_nonnull (f->clusters);
}

/* The segment of @source whose text starts with @prefix. */
static guint
find (Fixture    *f,
      guint       source,
      const char *prefix)
{
  for (guint i = 0; i < f->segments->len; i++)
    {
      const SynSegment *seg = &g_array_index (f->segments, SynSegment, i);

      if (seg->source == source &&
          strncmp (f->sources[source].text + seg->start, prefix, strlen (prefix)) == 0)
        return i;
    }
  g_error ("no passage of source %u starts with “%s”", source, prefix);
  return G_MAXUINT;
}

static gint
cluster_of (Fixture    *f,
            guint       source,
            const char *prefix)
{
  return g_array_index (f->segments, SynSegment, find (f, source, prefix)).cluster;
}

static void
assert_together (Fixture    *f,
                 guint       s1,
                 const char *p1,
                 guint       s2,
                 const char *p2)
{
  gint c1 = cluster_of (f, s1, p1), c2 = cluster_of (f, s2, p2);

  if (c1 < 0 || c1 != c2)
    g_error ("“%s” (source %u, cluster %d) and “%s” (source %u, cluster %d) should correspond",
             p1, s1, c1, p2, s2, c2);
}

/* Every invariant of the result, whatever the input. */
static void
assert_consistent (Fixture *f)
{
  for (guint c = 0; c < f->clusters->len; c++)
    {
      const SynCluster *cl = &g_array_index (f->clusters, SynCluster, c);
      g_autoptr(GHashTable) sources = g_hash_table_new (NULL, NULL);

      g_assert_cmpuint (cl->n_segments, >=, 2);
      g_assert_cmpfloat (cl->score, >=, 0.0);
      g_assert_cmpfloat (cl->score, <=, 1.0);
      for (guint k = 0; k < cl->n_segments; k++)
        {
          const SynSegment *seg = &g_array_index (f->segments, SynSegment, cl->segments[k]);

          if (k > 0)
            g_assert_cmpuint (cl->segments[k - 1], <, cl->segments[k]);
          g_assert_cmpint (seg->cluster, ==, (gint) c);
          g_assert_cmpint (seg->kind, !=, SYN_PASSAGE_BOILERPLATE);
          g_hash_table_add (sources, GUINT_TO_POINTER (seg->source + 1));
        }
      g_assert_cmpuint (cl->support, ==, g_hash_table_size (sources));
      g_assert_cmpuint (cl->support, >=, 2);
    }
  for (guint i = 0; i < f->segments->len; i++)
    {
      const SynSegment *seg = &g_array_index (f->segments, SynSegment, i);

      g_assert_cmpint (seg->cluster, >=, -1);
      g_assert_cmpint (seg->cluster, <, (gint) f->clusters->len);
    }
}

/* ------------------------------------------------------------------ texts */

static const char story[] =
  "# Flood closes the old river bridge in Marlow\n"
  "The old river bridge in Marlow was closed on Tuesday after floodwater undermined its eastern pier.\n"
  "Engineers found a crack nearly two metres long in the stonework during a morning inspection.\n"
  "Mayor Clara Voss said the bridge would stay shut until divers could examine the foundations.\n"
  "About 12,000 vehicles cross the bridge every day, according to the county roads office.\n"
  "Buses will be diverted through the industrial estate, adding twenty minutes to most journeys.\n"
  "The river peaked at 4.2 metres overnight, its highest level since the winter of 1998.\n"
  "Residents of the low-lying Quay Street were told to move their cars to higher ground.\n"
  "A temporary footbridge for pedestrians is expected to open by the weekend.\n";

/* The same paragraphs, a different order: the traffic paragraph moved up,
 * the river level moved to the end. Reworded lightly. */
static const char story_reordered[] =
  "# Marlow river bridge shut by flood\n"
  "About 12,000 vehicles use the bridge daily, the county roads office said.\n"
  "Buses are being diverted through the industrial estate, adding twenty minutes to most journeys.\n"
  "The old river bridge in Marlow was closed on Tuesday after floodwater undermined its eastern pier.\n"
  "Engineers found a crack of almost two metres in the stonework during a morning inspection.\n"
  "Mayor Clara Voss said the bridge would remain shut until divers examine the foundations.\n"
  "Residents of the low-lying Quay Street were asked to move their cars to higher ground.\n"
  "A temporary footbridge for pedestrians should open by the weekend.\n"
  "The river peaked at 4.2 metres overnight, its highest level since the winter of 1998.\n";

/* The inspection sentence split in two; the diversion and delay sentences
 * of the original merged from two into one elsewhere (see story_merged). */
static const char story_split[] =
  "# Flood closes the old river bridge in Marlow\n"
  "The old river bridge in Marlow was closed on Tuesday after floodwater undermined its eastern pier.\n"
  "Engineers inspected the bridge on Tuesday morning.\n"
  "They found a crack nearly two metres long in the stonework.\n"
  "Mayor Clara Voss said the bridge would stay shut until divers could examine the foundations.\n"
  "About 12,000 vehicles cross the bridge every day, according to the county roads office.\n"
  "Buses will be diverted through the industrial estate, adding twenty minutes to most journeys.\n"
  "The river peaked at 4.2 metres overnight, its highest level since the winter of 1998.\n"
  "Residents of the low-lying Quay Street were told to move their cars to higher ground.\n"
  "A temporary footbridge for pedestrians is expected to open by the weekend.\n";

static const char story_two_sentences[] =
  "# Bridge in Marlow closed\n"
  "The old river bridge in Marlow was closed on Tuesday after floodwater undermined its eastern pier.\n"
  "Engineers found a crack nearly two metres long in the stonework during a morning inspection.\n"
  "Mayor Clara Voss said the bridge would stay shut until divers could examine the foundations.\n"
  "About 12,000 vehicles cross the bridge every day.\n"
  "The county roads office said buses will be diverted through the industrial estate, adding twenty minutes to most journeys.\n"
  "The river peaked at 4.2 metres overnight, its highest level since the winter of 1998.\n";

static const char story_one_sentence[] =
  "# Bridge in Marlow closed\n"
  "The old river bridge in Marlow was closed on Tuesday after floodwater undermined its eastern pier.\n"
  "Engineers found a crack nearly two metres long in the stonework during a morning inspection.\n"
  "Mayor Clara Voss said the bridge would stay shut until divers could examine the foundations.\n"
  "About 12,000 vehicles cross the bridge every day, and buses will be diverted through the industrial estate, adding twenty minutes to most journeys, the county roads office said.\n"
  "The river peaked at 4.2 metres overnight, its highest level since the winter of 1998.\n";

/* A version with a sentence of its own and some site furniture. */
static const char story_furnished[] =
  "# Flood closes Marlow bridge\n"
  "~ Share this article\n"
  "The old river bridge in Marlow was closed on Tuesday after floodwater undermined its eastern pier.\n"
  "Engineers found a crack nearly two metres long in the stonework during a morning inspection.\n"
  "The bridge was built in 1871 by the engineer Thomas Pell and widened once, in 1932.\n"
  "Mayor Clara Voss said the bridge would stay shut until divers could examine the foundations.\n"
  "~ Sign up for our newsletter\n"
  "About 12,000 vehicles cross the bridge every day, according to the county roads office.\n"
  "The river peaked at 4.2 metres overnight, its highest level since the winter of 1998.\n"
  "~ Leave a comment\n";

static const char story_furnished_too[] =
  "# Marlow bridge shut after flood\n"
  "~ Share this article\n"
  "Floodwater undermined the eastern pier of the old river bridge in Marlow, which was closed on Tuesday.\n"
  "Mayor Clara Voss said the bridge would stay shut until divers could examine the foundations.\n"
  "About 12,000 vehicles cross the bridge every day, according to the county roads office.\n"
  "~ Sign up for our newsletter\n"
  "~ Leave a comment\n";

/* A plain-language version of story_plain_source: its sentences are
 * shorter, two of them come from one sentence of the original with a
 * sentence of explanation between them that no original sentence says. */
static const char story_plain_source[] =
  "The old river bridge in Marlow was closed on Tuesday after floodwater undermined its eastern pier.\n"
  "During a morning inspection, engineers found a crack nearly two metres long in the stonework, and divers from the county will examine the foundations on Friday.\n"
  "Mayor Clara Voss said the bridge would stay shut until the repairs are finished.\n"
  "About 12,000 vehicles cross the bridge every day, according to the county roads office.\n"
  "Buses will be diverted through the industrial estate, adding twenty minutes to most journeys.\n";

static const char story_plain[] =
  "The old bridge in Marlow is closed since Tuesday.\n"
  "Floodwater undermined its eastern pier.\n"
  "Engineers found a crack nearly two metres long in the stonework.\n"
  "This happens often with very old bridges.\n"
  "Divers from the county will examine the foundations on Friday.\n"
  "Mayor Clara Voss said the bridge would stay shut until the repairs are finished.\n"
  "About 12,000 vehicles cross the bridge every day.\n"
  "Buses will be diverted through the industrial estate.\n"
  "That adds twenty minutes to most journeys.\n";

/* ------------------------------------------------------------------ tests */

static void
test_identical (void)
{
  const char * const texts[] = { story, story };
  Fixture f;

  fixture_init (&f, texts, 2);
  fixture_align (&f);
  assert_consistent (&f);
  /* every passage corresponds one to one with its copy */
  g_assert_cmpuint (f.clusters->len, ==, f.segments->len / 2);
  for (guint c = 0; c < f.clusters->len; c++)
    {
      const SynCluster *cl = &g_array_index (f.clusters, SynCluster, c);
      const SynSegment *x, *y;

      g_assert_cmpuint (cl->n_segments, ==, 2);
      x = &g_array_index (f.segments, SynSegment, cl->segments[0]);
      y = &g_array_index (f.segments, SynSegment, cl->segments[1]);
      g_assert_cmpuint (x->source, ==, 0);
      g_assert_cmpuint (y->source, ==, 1);
      g_assert_cmpuint (x->start, ==, y->start);
      g_assert_cmpfloat (cl->score, >, 0.9);
    }
  fixture_clear (&f);
}

static void
test_reordered (void)
{
  const char * const texts[] = { story, story_reordered };
  Fixture f;

  fixture_init (&f, texts, 2);
  fixture_align (&f);
  assert_consistent (&f);
  assert_together (&f, 0, "About 12,000", 1, "About 12,000");
  assert_together (&f, 0, "Buses", 1, "Buses");
  assert_together (&f, 0, "The old river", 1, "The old river");
  assert_together (&f, 0, "Engineers", 1, "Engineers");
  assert_together (&f, 0, "Mayor", 1, "Mayor");
  assert_together (&f, 0, "Residents", 1, "Residents");
  assert_together (&f, 0, "A temporary", 1, "A temporary");
  assert_together (&f, 0, "The river peaked", 1, "The river peaked");
  assert_together (&f, 0, "# ", 1, "# ");
  fixture_clear (&f);
}

static void
test_split (void)
{
  const char * const texts[] = { story, story_split };
  Fixture f;
  gint c;

  fixture_init (&f, texts, 2);
  fixture_align (&f);
  assert_consistent (&f);
  assert_together (&f, 0, "Engineers found", 1, "Engineers inspected");
  assert_together (&f, 0, "Engineers found", 1, "They found");
  c = cluster_of (&f, 0, "Engineers found");
  g_assert_cmpuint (g_array_index (f.clusters, SynCluster, c).n_segments, ==, 3);
  /* its neighbours stay one to one */
  c = cluster_of (&f, 0, "Mayor");
  g_assert_cmpuint (g_array_index (f.clusters, SynCluster, c).n_segments, ==, 2);
  assert_together (&f, 0, "Mayor", 1, "Mayor");
  fixture_clear (&f);
}

static void
test_merged (void)
{
  const char * const texts[] = { story_two_sentences, story_one_sentence };
  Fixture f;
  gint c;

  fixture_init (&f, texts, 2);
  fixture_align (&f);
  assert_consistent (&f);
  assert_together (&f, 0, "About 12,000", 1, "About 12,000");
  assert_together (&f, 0, "The county roads office said buses", 1, "About 12,000");
  c = cluster_of (&f, 1, "About 12,000");
  g_assert_cmpuint (g_array_index (f.clusters, SynCluster, c).n_segments, ==, 3);
  assert_together (&f, 0, "The river peaked", 1, "The river peaked");
  fixture_clear (&f);
}

static void
test_unique (void)
{
  const char * const texts[] = { story, story_furnished };
  Fixture f;

  fixture_init (&f, texts, 2);
  fixture_align (&f);
  assert_consistent (&f);
  g_assert_cmpint (cluster_of (&f, 1, "The bridge was built in 1871"), ==, -1);
  assert_together (&f, 0, "Engineers", 1, "Engineers");
  assert_together (&f, 0, "Mayor", 1, "Mayor");
  fixture_clear (&f);
}

static void
test_boilerplate (void)
{
  const char * const texts[] = { story_furnished, story_furnished_too, story_furnished };
  Fixture f;

  fixture_init (&f, texts, 3);
  fixture_align (&f);
  assert_consistent (&f);
  /* the same furniture in every source, and still never grouped */
  for (guint s = 0; s < 3; s++)
    {
      g_assert_cmpint (cluster_of (&f, s, "~ Share"), ==, -1);
      g_assert_cmpint (cluster_of (&f, s, "~ Sign up"), ==, -1);
      g_assert_cmpint (cluster_of (&f, s, "~ Leave"), ==, -1);
    }
  assert_together (&f, 0, "Mayor", 1, "Mayor");
  assert_together (&f, 0, "Mayor", 2, "Mayor");
  fixture_clear (&f);
}

static void
test_titles (void)
{
  const char * const texts[] = { story, story_reordered, story_furnished };
  Fixture f;

  fixture_init (&f, texts, 3);
  fixture_align (&f);
  assert_consistent (&f);
  assert_together (&f, 0, "# ", 1, "# ");
  assert_together (&f, 0, "# ", 2, "# ");
  /* a headline groups with headlines only */
  {
    const SynCluster *cl = &g_array_index (f.clusters, SynCluster, cluster_of (&f, 0, "# "));

    for (guint k = 0; k < cl->n_segments; k++)
      g_assert_cmpint (g_array_index (f.segments, SynSegment, cl->segments[k]).kind, ==,
                       SYN_PASSAGE_TITLE);
  }
  fixture_clear (&f);
}

static void
test_many_sources (void)
{
  const char * const texts[] = { story, story_reordered, story_split, story_furnished, story };
  Fixture f;
  const SynCluster *cl;

  fixture_init (&f, texts, 5);
  fixture_align (&f);
  assert_consistent (&f);
  /* the mayor's sentence is in every version */
  cl = &g_array_index (f.clusters, SynCluster, cluster_of (&f, 0, "Mayor"));
  g_assert_cmpuint (cl->support, ==, 5);
  g_assert_cmpuint (cl->n_segments, ==, 5);
  assert_together (&f, 0, "Engineers found", 2, "They found");
  g_assert_cmpint (cluster_of (&f, 3, "The bridge was built"), ==, -1);
  fixture_clear (&f);
}

static int
cmp_strings (gconstpointer a,
             gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* The groups as sets of (text, start, end), which do not depend on the
 * numbering of sources or segments. */
static GPtrArray *
group_keys (Fixture *f)
{
  GPtrArray *keys = g_ptr_array_new_with_free_func (g_free);

  for (guint c = 0; c < f->clusters->len; c++)
    {
      const SynCluster *cl = &g_array_index (f->clusters, SynCluster, c);
      g_autoptr(GPtrArray) members = g_ptr_array_new_with_free_func (g_free);
      GString *key = g_string_new (NULL);

      for (guint k = 0; k < cl->n_segments; k++)
        {
          const SynSegment *seg = &g_array_index (f->segments, SynSegment, cl->segments[k]);

          g_ptr_array_add (members, g_strdup_printf ("%p:%zu:%zu", (gpointer) f->sources[seg->source].text,
                                                     seg->start, seg->end));
        }
      g_ptr_array_sort (members, cmp_strings);
      for (guint k = 0; k < members->len; k++)
        g_string_append_printf (key, "%s|", (char *) g_ptr_array_index (members, k));
      g_ptr_array_add (keys, g_string_free (key, FALSE));
    }
  g_ptr_array_sort (keys, cmp_strings);
  return keys;
}

static void
assert_same_groups (GPtrArray *a,
                    GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    g_assert_cmpstr (g_ptr_array_index (a, i), ==, g_ptr_array_index (b, i));
}

static void
test_order_independent (void)
{
  const char * const texts[] = { story, story_reordered, story_split, story_furnished, story_two_sentences };
  const guint perms[][5] = {
    { 0, 1, 2, 3, 4 }, { 4, 3, 2, 1, 0 }, { 2, 0, 4, 1, 3 }, { 1, 4, 0, 3, 2 }, { 3, 2, 1, 4, 0 },
  };
  g_autoptr(GPtrArray) reference = NULL;

  for (guint p = 0; p < G_N_ELEMENTS (perms); p++)
    {
      const char *permuted[5];
      g_autoptr(GPtrArray) keys = NULL;
      Fixture f;

      for (guint i = 0; i < 5; i++)
        permuted[i] = texts[perms[p][i]];
      fixture_init (&f, permuted, 5);
      fixture_align (&f);
      assert_consistent (&f);
      keys = group_keys (&f);
      g_assert_cmpuint (keys->len, >, 5);
      if (reference == NULL)
        reference = g_steal_pointer (&keys);
      else
        assert_same_groups (reference, keys);
      fixture_clear (&f);
    }
}

static void
test_deterministic (void)
{
  const char * const texts[] = { story, story_reordered, story_split, story_furnished };
  g_autoptr(GPtrArray) first = NULL;

  for (guint run = 0; run < 3; run++)
    {
      g_autoptr(GPtrArray) keys = NULL;
      Fixture f;

      fixture_init (&f, texts, 4);
      fixture_align (&f);
      keys = group_keys (&f);
      if (first == NULL)
        first = g_steal_pointer (&keys);
      else
        assert_same_groups (first, keys);
      fixture_clear (&f);
    }
}

/* Reading each passage's tokens once, for the aligner and the word
 * comparison alike, changes neither the groups nor the divergences. */
static void
test_shared_tokens (void)
{
  const char * const texts[] = { story, story_reordered, story_split, story_furnished };
  Fixture plain, shared;
  g_autoptr(GPtrArray) plain_keys = NULL;
  g_autoptr(GPtrArray) shared_keys = NULL;
  g_autoptr(SynTokenCache) tokens = NULL;
  g_autoptr(GArray) plain_divergences = NULL;
  g_autoptr(GArray) shared_divergences = NULL;

  fixture_init (&plain, texts, 4);
  fixture_align (&plain);
  fixture_init (&shared, texts, 4);
  tokens = syn_token_cache_new (shared.sources, shared.segments);
  shared.clusters = syn_align_with_tokens (shared.sources, shared.n_sources, shared.segments, tokens, NULL, NULL);
  g_assert_nonnull (shared.clusters);

  plain_keys = group_keys (&plain);
  shared_keys = group_keys (&shared);
  assert_same_groups (plain_keys, shared_keys);

  plain_divergences = syn_diverge (plain.sources, plain.n_sources, plain.segments, plain.clusters);
  shared_divergences = syn_diverge_with_tokens (shared.sources, shared.n_sources, shared.segments,
                                                shared.clusters, tokens);
  g_assert_cmpuint (plain_divergences->len, >, 0);
  g_assert_cmpuint (shared_divergences->len, ==, plain_divergences->len);
  for (guint i = 0; i < plain_divergences->len; i++)
    {
      const SynDivergence *a = &g_array_index (plain_divergences, SynDivergence, i);
      const SynDivergence *b = &g_array_index (shared_divergences, SynDivergence, i);

      g_assert_cmpuint (a->segment, ==, b->segment);
      g_assert_cmpuint (a->start, ==, b->start);
      g_assert_cmpuint (a->end, ==, b->end);
      g_assert_cmpint (a->kind, ==, b->kind);
    }

  fixture_clear (&shared);
  fixture_clear (&plain);
}

typedef struct {
  guint  calls;
  guint  cancel_at;
  double last;
} Progress;

static gboolean
progress_cb (double   fraction,
             gpointer user_data)
{
  Progress *p = user_data;

  g_assert_cmpfloat (fraction, >=, p->last);
  g_assert_cmpfloat (fraction, <=, 1.0);
  p->last = fraction;
  return ++p->calls < p->cancel_at;
}

static void
test_progress (void)
{
  const char * const texts[] = { story, story_reordered, story_split };
  Progress p = { 0, G_MAXUINT, 0 };
  Fixture f;

  fixture_init (&f, texts, 3);
  f.clusters = syn_align (f.sources, 3, f.segments, progress_cb, &p);
  g_assert_nonnull (f.clusters);
  g_assert_cmpuint (p.calls, >=, 3);
  g_assert_cmpfloat (p.last, ==, 1.0);
  fixture_clear (&f);
}

static void
test_cancel (void)
{
  const char * const texts[] = { story, story_reordered, story_split };

  /* cancelled at the first report, and at every later one */
  for (guint at = 1; at < 12; at++)
    {
      Progress p = { 0, at, 0 };
      Fixture f;

      fixture_init (&f, texts, 3);
      f.clusters = syn_align (f.sources, 3, f.segments, progress_cb, &p);
      if (p.calls >= at)
        {
          g_assert_null (f.clusters);
          for (guint i = 0; i < f.segments->len; i++)
            g_assert_cmpint (g_array_index (f.segments, SynSegment, i).cluster, ==, -1);
        }
      else
        g_assert_nonnull (f.clusters);
      fixture_clear (&f);
    }
}

static void
test_degenerate (void)
{
  const char * const one[] = { story };
  const char * const blank[] = { "", "\n\n", story };
  Fixture f;

  /* no sources */
  f.sources = NULL;
  f.segments = g_array_new (FALSE, FALSE, sizeof (SynSegment));
  f.clusters = syn_align (NULL, 0, f.segments, NULL, NULL);
  g_assert_nonnull (f.clusters);
  g_assert_cmpuint (f.clusters->len, ==, 0);
  fixture_clear (&f);

  /* one source: nothing to correspond with */
  fixture_init (&f, one, 1);
  fixture_align (&f);
  g_assert_cmpuint (f.clusters->len, ==, 0);
  fixture_clear (&f);

  /* empty sources beside a real one */
  fixture_init (&f, blank, 3);
  fixture_align (&f);
  g_assert_cmpuint (f.clusters->len, ==, 0);
  fixture_clear (&f);
}

/* A simplification splits a sentence and puts an explanation of its own
 * between the pieces: both pieces join the sentence they come from, and
 * the explanation stays alone, in either order of the sources. */
static void
test_derived_apart (void)
{
  for (guint order = 0; order < 2; order++)
    {
      const char * const texts[] = { order ? story_plain : story_plain_source,
                                     order ? story_plain_source : story_plain };
      guint plain = order ? 0 : 1, source = 1 - plain;
      Fixture f;
      gint c;

      fixture_init (&f, texts, 2);
      fixture_align (&f);
      assert_consistent (&f);
      assert_together (&f, source, "During a morning inspection", plain, "Engineers found");
      assert_together (&f, source, "During a morning inspection", plain, "Divers from the county");
      g_assert_cmpint (cluster_of (&f, plain, "This happens often"), ==, -1);
      c = cluster_of (&f, plain, "Engineers found");
      g_assert_cmpuint (g_array_index (f.clusters, SynCluster, c).n_segments, ==, 3);
      assert_together (&f, source, "The old river bridge", plain, "The old bridge");
      assert_together (&f, source, "Mayor", plain, "Mayor");
      assert_together (&f, source, "Buses will be diverted", plain, "Buses will be diverted");
      fixture_clear (&f);
    }
}

/* story_plain with five sentences of explanation, instead of one, between
 * the two pieces of the source's second sentence. */
static const char story_plain_far[] =
  "The old bridge in Marlow is closed since Tuesday.\n"
  "Floodwater undermined its eastern pier.\n"
  "Engineers found a crack nearly two metres long in the stonework.\n"
  "This happens often with very old bridges.\n"
  "Many of them were built two hundred years ago.\n"
  "Nobody then knew how high rivers could rise.\n"
  "Water slowly washes away the ground under them.\n"
  "Then the stones begin to move.\n"
  "Divers from the county will examine the foundations on Friday.\n"
  "Mayor Clara Voss said the bridge would stay shut until the repairs are finished.\n"
  "About 12,000 vehicles cross the bridge every day.\n"
  "Buses will be diverted through the industrial estate.\n"
  "That adds twenty minutes to most journeys.\n";

/* The most passages of one source apart that a group holds: two pieces
 * with the most explanations (SYN_ALIGN_MAX_SKIP, 4) between them. */
#define MAX_APART 5

/* How many pairs of passages of one source share a cluster; fails when
 * two of them are more than MAX_APART apart. */
static guint
count_same_source (Fixture *f)
{
  guint n = 0;

  for (guint c = 0; c < f->clusters->len; c++)
    {
      const SynCluster *cl = &g_array_index (f->clusters, SynCluster, c);

      for (guint k = 1; k < cl->n_segments; k++)
        {
          const SynSegment *a = &g_array_index (f->segments, SynSegment, cl->segments[k - 1]);
          const SynSegment *b = &g_array_index (f->segments, SynSegment, cl->segments[k]);

          if (a->source != b->source)
            continue;
          g_assert_cmpuint (cl->segments[k] - cl->segments[k - 1], <=, MAX_APART);
          n++;
        }
    }
  return n;
}

/* Passages of one source may share a group with a few explanations
 * between them, never far apart, however alike. */
static void
test_apart_bounded (void)
{
  const char * const near[] = { story_plain_source, story_plain };
  const char * const far[] = { story_plain_source, story_plain_far };
  Fixture f;

  /* one explanation between the pieces: they share the group */
  fixture_init (&f, near, 2);
  fixture_align (&f);
  assert_consistent (&f);
  g_assert_cmpuint (count_same_source (&f), >, 0);
  assert_together (&f, 1, "Engineers found", 1, "Divers from the county");
  fixture_clear (&f);

  /* five: more than a group may hold between two of its passages; the
   * first piece keeps its source sentence, the second does not join it */
  fixture_init (&f, far, 2);
  fixture_align (&f);
  assert_consistent (&f);
  count_same_source (&f);
  assert_together (&f, 0, "During a morning inspection", 1, "Engineers found");
  g_assert_cmpint (cluster_of (&f, 1, "Divers from the county"), !=,
                   cluster_of (&f, 1, "Engineers found"));
  fixture_clear (&f);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/align/identical", test_identical);
  g_test_add_func ("/core/align/reordered", test_reordered);
  g_test_add_func ("/core/align/split", test_split);
  g_test_add_func ("/core/align/merged", test_merged);
  g_test_add_func ("/core/align/unique", test_unique);
  g_test_add_func ("/core/align/derived-apart", test_derived_apart);
  g_test_add_func ("/core/align/apart-bounded", test_apart_bounded);
  g_test_add_func ("/core/align/boilerplate", test_boilerplate);
  g_test_add_func ("/core/align/titles", test_titles);
  g_test_add_func ("/core/align/many-sources", test_many_sources);
  g_test_add_func ("/core/align/order-independent", test_order_independent);
  g_test_add_func ("/core/align/deterministic", test_deterministic);
  g_test_add_func ("/core/align/shared-tokens", test_shared_tokens);
  g_test_add_func ("/core/align/progress", test_progress);
  g_test_add_func ("/core/align/cancel", test_cancel);
  g_test_add_func ("/core/align/degenerate", test_degenerate);

  return g_test_run ();
}
