/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "syn-types.h"

G_BEGIN_DECLS

typedef enum {
  SYN_TOKEN_NUMBER   = 1 << 0,  /* a number, amount or part of a date */
  SYN_TOKEN_QUOTED   = 1 << 1,  /* inside quotation marks */
  SYN_TOKEN_STOPWORD = 1 << 2,  /* a function word (the, of, der, und, ...) */
} SynTokenFlags;

typedef struct {
  gsize  start;   /* byte offsets into the text given to syn_tokenize() */
  gsize  end;
  char  *norm;    /* matching form: case, compatibility forms and accents folded,
                     quotes/dashes/hyphenation unified, numbers and month names
                     canonical, British spellings mapped to American,
                     honorifics dropped (norm == "" then) */
  guint  flags;   /* SynTokenFlags */
  gint   quote;   /* index of the quotation within the passage, or -1 */
} SynToken;

/* Words and numbers of text[start:end] (punctuation is not a token), with
 * offsets into @text. Free with g_array_unref(): the array clears each norm. */
GArray *syn_tokenize        (const char *text,
                             gsize       start,
                             gsize       end);

/* The matching form of one word (see SynToken.norm). */
char   *syn_normalize_word  (const char *word,
                             gssize      len);

/* A light stem of a normalised word, for paraphrase-robust matching. */
char   *syn_stem            (const char *norm);

G_END_DECLS
