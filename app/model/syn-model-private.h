/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the model's classes share among themselves: constructors and setters
 * that only SynComparison calls. Not for the interface.
 */
#pragma once

#include "syn-alignment.h"
#include "syn-article.h"
#include "syn-group.h"
#include "syn-passage.h"

G_BEGIN_DECLS

/* The name to show for @file (blocking I/O: call it from a worker). */
char       *_syn_dup_display_name       (GFile        *file);
/* Takes @source; @name NULL: the file's display name. */
SynArticle *_syn_article_new            (GFile        *file,
                                         const char   *name,
                                         SynSource    *source);
/* Takes @source: the text read again; clears file-changed and file-missing. */
void        _syn_article_set_source     (SynArticle   *self,
                                         SynSource    *source);
/* Replaces the passages with @passages (a new alignment's, @source being
 * the article's index there), detaching the old ones. */
void        _syn_article_set_passages   (SynArticle   *self,
                                         SynAlignment *alignment,
                                         guint         source,
                                         SynPassage  **passages,
                                         guint         n_passages);
/* Says the file changed or went away before the article was made (a
 * saved comparison's source whose file is not what was saved). */
void        _syn_article_set_file_state (SynArticle   *self,
                                         gboolean      missing,
                                         gboolean      changed);
/* Stops watching the file (the article left the comparison). */
void        _syn_article_unwatch        (SynArticle   *self);

SynPassage *_syn_passage_new            (SynAlignment *alignment,
                                         guint         segment,
                                         SynArticle   *article,
                                         guint         index);
guint       _syn_passage_get_segment    (SynPassage   *self);
void        _syn_passage_set_group      (SynPassage   *self,
                                         SynGroup     *group);
void        _syn_passage_detach         (SynPassage   *self);
void        _syn_passage_set_linked_by_hand (SynPassage *self,
                                             gboolean    by_hand);
/* The sentence syn_passage_dup_explanation() returns, from its parts:
 * @here and @other are the two wordings (@other may be NULL), @other_name
 * the counterpart's source, @agreeing the sources that carry @other and
 * @others how many other sources the group has. */
char       *_syn_explain_divergence     (SynDivergenceKind  kind,
                                         const char        *here,
                                         const char        *other,
                                         const char        *other_name,
                                         guint              agreeing,
                                         guint              others);

/* @by_segment maps each segment of @alignment to its passage. */
SynGroup   *_syn_group_new              (SynAlignment *alignment,
                                         guint         cluster,
                                         SynPassage  **by_segment);
/* The member passage that is @segment of the alignment, or NULL. */
SynPassage *_syn_group_find_segment     (SynGroup     *self,
                                         guint         segment);

G_END_DECLS
