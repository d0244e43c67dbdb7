/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The comparison view's parts, for tests that check what a reader sees.
 */
#pragma once

#include "syn-comparison-view.h"
#include "syn-article-view.h"
#include "syn-connector-bands.h"
#include "syn-group-detail.h"

G_BEGIN_DECLS

guint              syn_comparison_view_get_n_columns    (SynComparisonView *self);
SynArticleView    *syn_comparison_view_get_article_view (SynComparisonView *self,
                                                         guint              column);
SynConnectorBands *syn_comparison_view_get_bands        (SynComparisonView *self,
                                                         guint              index);
SynGroupDetail    *syn_comparison_view_get_detail       (SynComparisonView *self);
/* Runs a search as typing @text in the search bar would. */
void               syn_comparison_view_search           (SynComparisonView *self,
                                                         const char        *text);
guint              syn_comparison_view_get_n_matches    (SynComparisonView *self);
int                syn_comparison_view_get_current_match (SynComparisonView *self);
int                syn_comparison_view_get_column_width (SynComparisonView *self,
                                                         guint              column);

G_END_DECLS
