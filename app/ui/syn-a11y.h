/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "syn-article-view.h"

G_BEGIN_DECLS

/* What a screen reader says of the comparison: the sentences are built
 * here, from the same explanations the tooltips give, and set as the
 * widgets' accessible properties by the widgets themselves. */

/* "Number differs: 42 here; 38 in 2 other sources": a mark and what it
 * means, as its tooltip explains it. */
char *syn_a11y_describe_mark     (SynPassage          *passage,
                                  const SynDivergence *divergence);
/* Names a conflict's emblem by its mark and describes it as its tooltip. */
void  syn_a11y_label_emblem      (GtkWidget           *emblem,
                                  SynPassage          *passage,
                                  const SynDivergence *divergence);
/* The marks of @passage, one sentence after the other; NULL when it has
 * none. Conflicts come first: they matter most. */
char *syn_a11y_describe_marks    (SynPassage          *passage);
/* "Passage 4 of 31. In 3 of 5 sources, reworded. Number differs: …" —
 * span @index of @view, and the fold line that follows it, if any. */
char *syn_a11y_describe_span     (SynArticleView      *view,
                                  guint                index);
/* What a column's text says when nothing in it is selected: its counts. */
char *syn_a11y_describe_article  (SynArticleView      *view);

/* Sets @view's accessible description to its span @index, or with -1
 * to the article's counts, after saying that the passage selected in
 * another column is not in this one when @lacks_selection. When
 * @announce, it is also said at once where GTK can. */
void  syn_a11y_update_view       (SynArticleView      *view,
                                  int                  index,
                                  gboolean             lacks_selection,
                                  gboolean             announce);

/* Names what GTK 4.8 and libadwaita 1.2 misname or leave unnamed under
 * @root, as a screen reader receives it: a button with a mnemonic ("_Open
 * Open"), the arrow of a split button ("GtkMenuButton"), a search bar's
 * close button ("GtkImage"). Call again after relabelling a button. */
void  syn_a11y_name_controls     (GtkWidget           *root);

G_END_DECLS
