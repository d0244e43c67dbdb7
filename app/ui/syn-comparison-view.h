/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SynComparisonView: the articles of a SynComparison side by side, one
 * column per source in its own order and paragraphs, with aligned passages,
 * word-level divergences, counterparts on selection, connector bands between
 * neighbouring columns, a detail pane for the selected group, filters and
 * search across all columns.
 *
 * Widget actions (with their keys, see syn_comparison_view_class_init()):
 *   view.next-divergence      F8, Alt+Down (window-wide)
 *   view.previous-divergence  Shift+F8, Alt+Up (window-wide)
 *   view.next-passage         J (window-wide), Down (when a column has focus)
 *   view.previous-passage     K (window-wide), Up (when a column has focus)
 *   view.clear-selection      Escape (window-wide)
 *   view.search               Ctrl+F (window-wide)
 *   view.show-legend
 *   view.scroll-together      (a property action)
 *   view.next-column          Alt+Right (window-wide)
 *   view.previous-column      Alt+Left (window-wide)
 *   view.fit-columns          Ctrl+0 (window-wide; a property action)
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Declared by the model (app/model/syn-comparison.h, syn-group.h,
 * syn-passage.h); repeated here so embedding needs only this header. */
typedef struct _SynComparison SynComparison;
typedef struct _SynGroup SynGroup;
typedef struct _SynPassage SynPassage;

#define SYN_TYPE_COMPARISON_VIEW (syn_comparison_view_get_type ())

G_DECLARE_FINAL_TYPE (SynComparisonView, syn_comparison_view, SYN, COMPARISON_VIEW, GtkWidget)

GtkWidget     *syn_comparison_view_new                  (void);

SynComparison *syn_comparison_view_get_comparison       (SynComparisonView *self);
void           syn_comparison_view_set_comparison       (SynComparisonView *self,
                                                         SynComparison     *comparison);

/* The selected group of corresponding passages, or NULL. */
SynGroup      *syn_comparison_view_get_selected_group   (SynComparisonView *self);
void           syn_comparison_view_set_selected_group   (SynComparisonView *self,
                                                         SynGroup          *group);

/* Selects @passage (NULL: clears) as a click on it would: its group's
 * passages are marked in every column and brought level with it. */
void           syn_comparison_view_select_passage       (SynComparisonView *self,
                                                         SynPassage        *passage);
/* The passage selected by click or keyboard, or NULL. */
SynPassage    *syn_comparison_view_get_selected_passage (SynComparisonView *self);

/* Filters. divergent-only (groups reworded, nothing more), conflicts-only
 * (a number, date or quotation disagrees) and unique-only (what one source
 * alone has or adds) exclude each other: setting one clears the others.
 * Hiding collapses, it never removes text. */
gboolean       syn_comparison_view_get_show_boilerplate (SynComparisonView *self);
void           syn_comparison_view_set_show_boilerplate (SynComparisonView *self,
                                                         gboolean           show_boilerplate);
gboolean       syn_comparison_view_get_divergent_only   (SynComparisonView *self);
void           syn_comparison_view_set_divergent_only   (SynComparisonView *self,
                                                         gboolean           divergent_only);
gboolean       syn_comparison_view_get_conflicts_only   (SynComparisonView *self);
void           syn_comparison_view_set_conflicts_only   (SynComparisonView *self,
                                                         gboolean           conflicts_only);
gboolean       syn_comparison_view_get_unique_only      (SynComparisonView *self);
void           syn_comparison_view_set_unique_only      (SynComparisonView *self,
                                                         gboolean           unique_only);

/* Whether scrolling one column scrolls the others to the corresponding
 * passages (the default). */
gboolean       syn_comparison_view_get_scroll_together  (SynComparisonView *self);
void           syn_comparison_view_set_scroll_together  (SynComparisonView *self,
                                                         gboolean           scroll_together);

/* Whether the columns narrow so that all are in view (Ctrl+0). */
gboolean       syn_comparison_view_get_fit_columns      (SynComparisonView *self);
void           syn_comparison_view_set_fit_columns      (SynComparisonView *self,
                                                         gboolean           fit_columns);

G_END_DECLS
