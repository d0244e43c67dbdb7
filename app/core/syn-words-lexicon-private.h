/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Word lists behind the normaliser (private to the core): function words,
 * month and number names, honorifics and titles, British spellings, and the
 * irregular forms the stemmer cannot derive. Every lookup takes a folded
 * (lower-case, accent-free) word and is safe from any thread.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  SYN_LEXICON_STOPWORD      = 1 << 0,  /* English or German function word */
  SYN_LEXICON_HONORIFIC     = 1 << 1,  /* Mr, Mrs, Ms: dropped before any name */
  SYN_LEXICON_HONORIFIC_CAP = 1 << 2,  /* Dr, Sir, Herr: dropped before a capitalised word */
  SYN_LEXICON_MONTH         = 1 << 3,  /* a full month name (value: canonical name) */
  SYN_LEXICON_MONTH_ABBREV  = 1 << 4,  /* Jan, Sept: a month only as "Jan." or "Jan 10" */
  SYN_LEXICON_NUMBER        = 1 << 5,  /* number word (value: digits, or the word) */
  SYN_LEXICON_TITLE_ABBREV  = 1 << 6,  /* Sen., Gov.: value is the full title */
  SYN_LEXICON_SPELLING      = 1 << 7,  /* British or variant spelling (value: American) */
  SYN_LEXICON_IRREGULAR     = 1 << 8,  /* irregular inflection (value: base form) */
  SYN_LEXICON_WEEKDAY       = 1 << 9,  /* a day of the week (value: English name) */
} SynLexiconClass;

typedef struct {
  const char *word;
  guint       classes;    /* SynLexiconClass */
  const char *value;      /* replacement, or NULL */
} SynLexiconEntry;

/* The entry for @word (@len bytes, folded), or NULL. */
const SynLexiconEntry *syn_lexicon_lookup (const char *word,
                                        gsize       len);

/* The base form of an irregular inflection ("was" -> "be"), or NULL. */
const SynLexiconEntry *syn_lexicon_lookup_irregular (const char *word,
                                                  gsize       len);

G_END_DECLS
