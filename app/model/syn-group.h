/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "syn-article.h"
#include "syn-passage.h"

G_BEGIN_DECLS

#define SYN_TYPE_GROUP (syn_group_get_type ())

G_DECLARE_FINAL_TYPE (SynGroup, syn_group, SYN, GROUP, GObject)

/* What a reader cares about in a group, by priority: a disagreeing fact
 * outweighs added content, which outweighs mere wording. */
typedef enum {
  SYN_GROUP_SAME,      /* no divergence at all */
  SYN_GROUP_REWORDED,  /* wording only */
  SYN_GROUP_EXTRA,     /* one source adds substantial content */
  SYN_GROUP_CONFLICT,  /* a number, date or quotation disagrees */
} SynGroupCategory;

/* One aligned row: the passages that correspond to each other across the
 * articles of a comparison. A group holds its passages; a passage points
 * back to its group for as long as the group lives. */

/* A GListModel of SynPassage ordered by article, then by position in the
 * article (an article can bring several passages: a sentence split in two). */
GListModel *syn_group_get_passages            (SynGroup   *self);
guint       syn_group_get_n_passages          (SynGroup   *self);
/* Its position in the comparison's groups. */
guint       syn_group_get_index               (SynGroup   *self);
/* The core's confidence, 0 to 1. */
double      syn_group_get_score               (SynGroup   *self);
/* How many distinct articles carry it. */
guint       syn_group_get_support             (SynGroup   *self);
/* The first of @article's passages in the group, or NULL; @n_passages
 * (optional) receives how many of its passages the group holds, which
 * follow the first one in syn_group_get_passages(). */
SynPassage *syn_group_get_passage_for_article (SynGroup   *self,
                                               SynArticle *article,
                                               guint      *n_passages);
/* The divergences inside all its passages. */
guint       syn_group_get_n_divergences       (SynGroup   *self);
/* TRUE when any of its passages diverges from the others. */
gboolean    syn_group_is_divergent            (SynGroup   *self);
SynGroupCategory syn_group_get_category       (SynGroup   *self);

G_END_DECLS
