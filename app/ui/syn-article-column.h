/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "syn-article-view.h"

G_BEGIN_DECLS

#define SYN_TYPE_ARTICLE_COLUMN (syn_article_column_get_type ())

G_DECLARE_FINAL_TYPE (SynArticleColumn, syn_article_column, SYN, ARTICLE_COLUMN, GtkWidget)

/* One column of the comparison: a header (number, headline, file name,
 * counts) over the article's text in its own vertical scroller. */
GtkWidget      *syn_article_column_new           (void);
void            syn_article_column_set_article   (SynArticleColumn *self,
                                                  SynArticle       *article,
                                                  guint             number,
                                                  guint             n_sources);
SynArticleView *syn_article_column_get_view      (SynArticleColumn *self);
GtkWidget      *syn_article_column_get_header    (SynArticleColumn *self);
GtkAdjustment  *syn_article_column_get_vadjustment (SynArticleColumn *self);

/* What a column calls its article, for whatever else names the source
 * (the detail pane): the name the user gave, else the outlet a web page
 * names, else the headline, else the file's name. */
const char     *syn_article_column_name_article  (SynArticle       *article);

G_END_DECLS
