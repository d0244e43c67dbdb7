/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "syn-model.h"

G_BEGIN_DECLS

#define SYN_TYPE_ARTICLE_VIEW (syn_article_view_get_type ())

G_DECLARE_FINAL_TYPE (SynArticleView, syn_article_view, SYN, ARTICLE_VIEW, GtkTextView)

/* One passage as shown: buffer character offsets (the text view also holds
 * emblems, so they are not the article's byte offsets) and where it is. */
/* Which passages a filter keeps; the rest are hidden. */
typedef enum {
  SYN_FILTER_ALL,
  SYN_FILTER_REWORDED,   /* groups worded differently, and nothing more */
  SYN_FILTER_CONFLICTS,  /* groups where a number, date or quotation disagrees */
  SYN_FILTER_ADDED,      /* passages one source alone has, or adds content to */
} SynFilter;

typedef struct {
  SynPassage *passage;
  int         start;
  int         end;
  int         group;      /* index in the comparison's groups, or -1 */
  guint       support;    /* sources carrying it (1 for a unique passage) */
  guint       unique : 1;
  guint       boilerplate : 1;
  guint       title : 1;
  guint       divergent : 1;
  guint       category : 2;  /* SynGroupCategory of its group */
  guint       filtered : 1;  /* hidden by the filter (and so collapsed) */
  guint       opened : 1;    /* kept despite the filter: its fold was opened */
  guint       kept : 1;      /* what the filter asks for (a title is shown
                              * under any filter, but not always kept) */
  guint       collapsed : 1;
  guint       by_hand : 1;    /* held in its group by a link made by hand */
} SynSpan;

GtkWidget     *syn_article_view_new               (void);

/* Shows @article (NULL: nothing), one of @n_sources compared. */
void           syn_article_view_set_article       (SynArticleView *self,
                                                   SynArticle     *article,
                                                   guint           n_sources);
SynArticle    *syn_article_view_get_article       (SynArticleView *self);
guint          syn_article_view_get_n_sources     (SynArticleView *self);

guint          syn_article_view_get_n_spans       (SynArticleView *self);
const SynSpan *syn_article_view_get_span          (SynArticleView *self,
                                                   guint           index);
/* The span holding buffer offset @offset, or -1. */
int            syn_article_view_find_span         (SynArticleView *self,
                                                   int             offset);

/* The span's vertical extent in buffer coordinates, from a cache that is
 * refreshed only when the layout changes. FALSE when it is collapsed. */
gboolean       syn_article_view_get_span_extent   (SynArticleView *self,
                                                   guint           index,
                                                   float          *y,
                                                   float          *height);

/* Marks the spans of the selected group (@spans, @n_spans) and the focused
 * one (-1 for none). They are drawn under the text, not tagged, so this
 * costs a redraw and no layout. */
void           syn_article_view_set_selection     (SynArticleView *self,
                                                   const guint    *spans,
                                                   guint           n_spans,
                                                   int             focus);

gboolean       syn_article_view_span_is_selected  (SynArticleView *self,
                                                   guint           index);
int            syn_article_view_get_focus         (SynArticleView *self);

/* Hidden boilerplate collapses, and so does what the filter does not keep. */
void           syn_article_view_set_filter        (SynArticleView *self,
                                                   gboolean        show_boilerplate,
                                                   SynFilter       filter);
/* Runs of passages the filter hides fold into a thin line under the
 * paragraph before them ("⋯ 6 passages agree"); a click on it opens it.
 * How many fold lines there are, and fold @index's spans, count and
 * extent (buffer coordinates). */
guint          syn_article_view_get_n_folds       (SynArticleView *self);
gboolean       syn_article_view_get_fold          (SynArticleView *self,
                                                   guint           index,
                                                   guint          *first_span,
                                                   guint          *n_hidden,
                                                   GdkRectangle   *area);
/* The fold line that directly follows span @index (nothing shown between
 * them), or -1; and what fold @index says ("⋯ 6 passages agree"). */
int            syn_article_view_get_fold_after    (SynArticleView *self,
                                                   guint           index);
char          *syn_article_view_dup_fold_text     (SynArticleView *self,
                                                   guint           index);
/* Shows the passages fold @index hides, until the filter changes. */
void           syn_article_view_open_fold         (SynArticleView *self,
                                                   guint           index);
/* Is the span kept by the current filter (not collapsed)? */
gboolean       syn_article_view_span_is_shown     (SynArticleView *self,
                                                   guint           index);

/* Highlights every case-insensitive match of @needle (NULL or "" clears);
 * returns how many. */
guint          syn_article_view_search            (SynArticleView *self,
                                                   const char     *needle);
guint          syn_article_view_get_n_matches     (SynArticleView *self);
/* Marks match @index as the current one (-1: none) and scrolls to it. */
void           syn_article_view_set_current_match (SynArticleView *self,
                                                   int             index);
/* The span holding the current match, or -1. */
int            syn_article_view_get_current_match_span (SynArticleView *self);

/* Scrolls so that the span's top is @y pixels below the top of the
 * visible area (where possible). */
void           syn_article_view_scroll_span_to    (SynArticleView *self,
                                                   guint           index,
                                                   float           y);
/* Where the span's top is now, relative to the top of the visible area. */
float          syn_article_view_get_span_view_y   (SynArticleView *self,
                                                   guint           index);
/* Scrolls the span into view if it is not (a quarter down the view);
 * returns where its top will stand, relative to the top of the view. */
float          syn_article_view_reveal_span       (SynArticleView *self,
                                                   guint           index);

/* The first span at least partly in view, or -1. */
int            syn_article_view_get_first_visible_span (SynArticleView *self);
/* The spans [*first, *end) that may be on screen, found without walking
 * the others: drawing and hit tests look only at these. */
void           syn_article_view_get_visible_spans (SynArticleView *self,
                                                   guint          *first,
                                                   guint          *end);

/* Width in pixels for @n_chars average characters of the text, margins
 * included: for a comfortable line length. */
int            syn_article_view_width_for_chars   (SynArticleView *self,
                                                   guint           n_chars);

G_END_DECLS
