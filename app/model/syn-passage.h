/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "syn-types.h"
#include "syn-article.h"

G_BEGIN_DECLS

#define SYN_TYPE_PASSAGE (syn_passage_get_type ())

G_DECLARE_FINAL_TYPE (SynPassage, syn_passage, SYN, PASSAGE, GObject)

typedef struct _SynGroup SynGroup;

/* One passage (a sentence, line or paragraph) of one article, as one
 * alignment found it. Passages are immutable; a re-alignment makes new ones
 * and detaches the old: their article and group become NULL. */

/* The article it belongs to; NULL once detached by a re-alignment. */
SynArticle          *syn_passage_get_article     (SynPassage *self);
/* Its position in the article's passages. */
guint                syn_passage_get_index       (SynPassage *self);
/* Byte offsets into the article's text, end exclusive. */
gsize                syn_passage_get_start       (SynPassage *self);
gsize                syn_passage_get_end         (SynPassage *self);
SynPassageKind       syn_passage_get_kind        (SynPassage *self);
/* The passage's text: not NUL-terminated, @len bytes. */
const char          *syn_passage_peek_text       (SynPassage *self,
                                                  gsize      *len);
char                *syn_passage_dup_text        (SynPassage *self);

/* The group of corresponding passages it belongs to, or NULL: no other
 * source carries it (or it is boilerplate, which is never grouped). */
SynGroup            *syn_passage_get_group       (SynPassage *self);
/* Whether a link made by hand holds it in its group (see
 * syn_comparison_link_passages()). */
gboolean            syn_passage_is_linked_by_hand (SynPassage *self);
/* A body passage that no other source carries. */
gboolean            syn_passage_is_unique        (SynPassage *self);

/* The word-level divergences inside this passage, sorted by start. Offsets
 * (start, end) are into this passage's article text; other_start and
 * other_end into the counterpart's article text. Valid as long as @self. */
const SynDivergence *syn_passage_get_divergences (SynPassage *self,
                                                  guint      *n_divergences);
/* The passage holding the other wording of @divergence, or NULL. */
SynPassage          *syn_passage_get_counterpart (SynPassage          *self,
                                                  const SynDivergence *divergence);
/* A sentence explaining @divergence for a tooltip, translated:
 * "Jan. 12 here; Jan. 10 in 3 other sources". Free with g_free(). */
char                *syn_passage_dup_explanation (SynPassage          *self,
                                                  const SynDivergence *divergence);

G_END_DECLS
