/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "syn-types.h"

G_BEGIN_DECLS

typedef enum {
  SYN_TOKEN_NUMBER   = 1 << 0,  /* a number, amount or part of a date */
  SYN_TOKEN_QUOTED   = 1 << 1,  /* inside quotation marks */
  SYN_TOKEN_STOPWORD = 1 << 2,  /* a function word (the, of, der, und, ...) */
  SYN_TOKEN_COMPOUND = 1 << 3,  /* joined from hyphenated parts (build-up) */
  SYN_TOKEN_DATE     = 1 << 4,  /* a month name, or a day or year beside one */
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
 * offsets into @text. Quotations are found within the range only: a range
 * that closes a quotation it did not open is quoted from its start, and one
 * left open at its end stays quoted to its end. Any bytes are accepted;
 * invalid UTF-8 separates words. Free with g_array_unref(): the array clears
 * each norm. */
GArray *syn_tokenize        (const char *text,
                             gsize       start,
                             gsize       end);

/* The matching form of one word (see SynToken.norm), without the context
 * syn_tokenize() uses (month abbreviations need a final dot here: "Jan."). */
char   *syn_normalize_word  (const char *word,
                             gssize      len);

/* A light stem of a normalised word, for paraphrase-robust matching:
 * English inflections (and the commonest German endings) removed,
 * irregular forms mapped to their base ("was" -> "be"). */
char   *syn_stem            (const char *norm);

/* Whether @norm is an English or German function word. */
gboolean syn_is_stopword    (const char *norm);

G_END_DECLS
