/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Finding a passage the way a reader does: by a few of its words.
 */
#pragma once

#include <string.h>

#include "syn-model.h"

/* The first passage of @article whose text holds @needle, or NULL. The
 * article keeps it. */
static inline SynPassage *
syn_test_find_passage (SynArticle *article,
                       const char *needle)
{
  GListModel *passages = syn_article_get_passages (article);

  for (guint i = 0; i < g_list_model_get_n_items (passages); i++)
    {
      g_autoptr(SynPassage) passage = g_list_model_get_item (passages, i);
      g_autofree char *text = syn_passage_dup_text (passage);

      if (strstr (text, needle) != NULL)
        return passage;
    }
  return NULL;
}

/* The same in the @index-th article of @comparison; fails the test when
 * there is none. */
static inline SynPassage *
syn_test_passage (SynComparison *comparison,
                  guint          index,
                  const char    *needle)
{
  g_autoptr(SynArticle) article = g_list_model_get_item (syn_comparison_get_articles (comparison), index);
  SynPassage *passage;

  g_assert_nonnull (article);
  passage = syn_test_find_passage (article, needle);
  g_assert_nonnull (passage);
  return passage;
}
