/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The word matcher behind syn_diverge() (private to the core): links the
 * words of two versions of a passage.
 */
#pragma once

#include <glib.h>

#include "syn-word-vectors.h"

G_BEGIN_DECLS

/* SynWord.flags beyond SynTokenFlags: a punctuation mark, whose class is
 * SYN_WORD_PUNCT_CLASS | its character. */
#define SYN_WORD_PUNCT        (1u << 16)
#define SYN_WORD_PUNCT_CLASS  0x40000000u

typedef struct {
  const char *norm;     /* SynToken.norm */
  guint       len;      /* strlen (norm) */
  guint       cls;      /* equal norms, equal classes; 0: no matching form */
  guint       stem;     /* class of syn_stem (norm) */
  guint       flags;    /* SynTokenFlags */
  SynWordVector vec;    /* a content word's meaning (vec.q == NULL: unknown) */
} SynWord;

typedef enum {
  SYN_WORD_LINK_NONE,      /* no counterpart: added */
  SYN_WORD_LINK_SAME,      /* the same word (or a variant of it) in the same order */
  SYN_WORD_LINK_MOVED,     /* the same word elsewhere */
  SYN_WORD_LINK_CHANGED,   /* worded differently: other words stand in its place */
  SYN_WORD_LINK_NUMBER,    /* a different number stands in its place */
  SYN_WORD_LINK_MINOR,     /* no counterpart, but too slight to be a divergence */
} SynWordLinkKind;

typedef struct {
  SynWordLinkKind kind;
  guint       first;  /* the counterpart: words [first, last] of the other version */
  guint       last;
} SynWordLink;

/* Links every word of @a to @b and back: @la has @m entries, @lb @n.
 * With @vectors (the table the words' vec come from), words left
 * unmatched are linked to words of like meaning as CHANGED. */
void syn_words_match (const SynWord  *a,
                      guint           m,
                      const SynWord  *b,
                      guint           n,
                      SynWordVectors *vectors,
                      SynWordLink    *la,
                      SynWordLink    *lb);

G_END_DECLS
