/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Corrections made by hand (syn-align-constrain.c) through the whole
 * pipeline: a must-link joins passages the aligner keeps apart, a
 * cannot-link separates passages it joins, and both still hold when the
 * comparison is aligned again with another unit or one more source. The
 * texts are an invented story about a closed bridge.
 */
#define G_LOG_DOMAIN "syn-test"

#include "config.h"

#include <string.h>

#include "syn-alignment.h"

static const char *text_a =
  "The council closed the old river bridge on Monday morning. "
  "Engineers found deep cracks in two of its stone pillars.\n\n"
  "Shops near the water reported very few customers all week.\n\n"
  "A free ferry will carry passengers until the repairs are finished.\n";

static const char *text_b =
  "The old river bridge was closed by the council on Monday morning. "
  "Deep cracks were found by engineers in two stone pillars.\n\n"
  "Bakers on the quay sold out of bread before noon.\n\n"
  "Passengers can take a free ferry until the repairs are finished.\n";

static const char *text_c =
  "On Monday morning the council shut the old river bridge. "
  "Two stone pillars had deep cracks, engineers said.\n\n"
  "A free ferry now carries passengers while repairs go on.\n";

/* The segment of @source holding the first byte of @needle. */
static SynPassageRef
ref_of (SynAlignment *al,
        guint         source,
        const char   *needle)
{
  gsize len;
  const char *text = syn_alignment_get_text (al, source, &len);
  const char *at = strstr (text, needle);
  SynPassageRef ref;

  g_assert_nonnull (at);
  ref.source = source;
  ref.start = (gsize) (at - text);
  ref.end = ref.start + strlen (needle);
  return ref;
}

static gint
cluster_of (SynAlignment        *al,
            const SynPassageRef *ref)
{
  const SynSegment *segs;
  guint n;

  segs = syn_alignment_get_segments (al, &n);
  for (guint i = 0; i < n; i++)
    if (segs[i].source == ref->source && segs[i].start <= ref->start && ref->start < segs[i].end)
      return segs[i].cluster;
  g_assert_not_reached ();
}

static SynAlignment *
compute (guint                n,
         SynSegmentUnit       unit,
         const SynConstraint *cons,
         guint                n_cons)
{
  const char *texts[] = { text_a, text_b, text_c };
  SynSourceText src[3] = { { 0 } };

  for (guint i = 0; i < n; i++)
    {
      src[i].text = texts[i];
      src[i].len = strlen (texts[i]);
    }
  return syn_alignment_compute_constrained (src, n, unit, cons, n_cons, NULL, NULL);
}

static void
check_held (SynAlignment        *al,
            const SynConstraint *cons)
{
  gint shops = cluster_of (al, &cons[0].a), bakers = cluster_of (al, &cons[0].b);
  gint ferry_a = cluster_of (al, &cons[1].a), ferry_b = cluster_of (al, &cons[1].b);
  const SynCluster *clusters;
  guint n;

  clusters = syn_alignment_get_clusters (al, &n);
  g_assert_cmpint (shops, >=, 0);
  g_assert_cmpint (shops, ==, bakers);
  g_assert_cmpfloat (clusters[shops].score, ==, 1.0);
  g_assert_true (ferry_a < 0 || ferry_a != ferry_b);
}

static void
test_constraints (void)
{
  g_autoptr(SynAlignment) plain = compute (2, SYN_SEGMENT_SENTENCE, NULL, 0);
  SynConstraint cons[2];

  cons[0].kind = SYN_CONSTRAINT_MUST_LINK;
  cons[0].a = ref_of (plain, 0, "Shops near the water");
  cons[0].b = ref_of (plain, 1, "Bakers on the quay");
  cons[1].kind = SYN_CONSTRAINT_CANNOT_LINK;
  cons[1].a = ref_of (plain, 0, "A free ferry");
  cons[1].b = ref_of (plain, 1, "Passengers can take");

  /* the aligner alone does the opposite of both corrections */
  g_assert_cmpint (cluster_of (plain, &cons[0].a), <, 0);
  g_assert_cmpint (cluster_of (plain, &cons[1].a), >=, 0);
  g_assert_cmpint (cluster_of (plain, &cons[1].a), ==, cluster_of (plain, &cons[1].b));

  {
    g_autoptr(SynAlignment) fixed = compute (2, SYN_SEGMENT_SENTENCE, cons, 2);
    g_autoptr(SynAlignment) paragraphs = compute (2, SYN_SEGMENT_PARAGRAPH, cons, 2);
    g_autoptr(SynAlignment) three = compute (3, SYN_SEGMENT_SENTENCE, cons, 2);

    check_held (fixed, cons);
    /* the untouched groups stay: the bridge sentences are still together */
    g_assert_cmpint (cluster_of (fixed, &(SynPassageRef) { 0, 0, 10 }), >=, 0);
    check_held (paragraphs, cons);
    check_held (three, cons);
    /* the third source's ferry sentence joined one side, not both */
    g_assert_cmpint (cluster_of (three, &cons[1].a), !=, cluster_of (three, &cons[1].b));
  }
}

/* A passage moved from one group to another: unlinked from its old
 * members, then linked to a new one. */
static void
test_move (void)
{
  g_autoptr(SynAlignment) plain = compute (3, SYN_SEGMENT_SENTENCE, NULL, 0);
  SynConstraint cons[3];
  SynPassageRef ferry_c = ref_of (plain, 2, "A free ferry now");

  cons[0] = (SynConstraint) { SYN_CONSTRAINT_CANNOT_LINK, ferry_c, ref_of (plain, 0, "A free ferry") };
  cons[1] = (SynConstraint) { SYN_CONSTRAINT_CANNOT_LINK, ferry_c, ref_of (plain, 1, "Passengers can take") };
  cons[2] = (SynConstraint) { SYN_CONSTRAINT_MUST_LINK, ferry_c, ref_of (plain, 0, "Engineers found") };
  g_assert_cmpint (cluster_of (plain, &ferry_c), ==, cluster_of (plain, &cons[0].b));

  {
    g_autoptr(SynAlignment) moved = compute (3, SYN_SEGMENT_SENTENCE, cons, 3);
    gint old = cluster_of (moved, &cons[0].b);

    g_assert_cmpint (cluster_of (moved, &ferry_c), ==, cluster_of (moved, &cons[2].b));
    /* the ferry group lost one member and kept the other two */
    g_assert_cmpint (old, >=, 0);
    g_assert_cmpint (old, ==, cluster_of (moved, &cons[1].b));
    g_assert_cmpint (old, !=, cluster_of (moved, &ferry_c));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/constrain/link-unlink", test_constraints);
  g_test_add_func ("/core/constrain/move", test_move);
  return g_test_run ();
}
