/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "syn-types.h"

G_BEGIN_DECLS

/* Longest sentence passage, in bytes, before a runaway sentence is cut (at a
 * space when there is one in its second half). */
#define SYN_SEGMENT_MAX_BYTES 4096

/* Longest line or paragraph passage (units line and paragraph): lines are
 * kept whole up to here, so a one-sentence-per-line corpus stays one passage
 * per line, yet a 10 MB line cannot become one passage. */
#define SYN_SEGMENT_MAX_LINE_BYTES (16 * SYN_SEGMENT_MAX_BYTES)

/* Splits @text (UTF-8, @len bytes, may hold CR, CRLF or LF line ends) into
 * passages. Returns a GArray of SynSegment with source 0, cluster -1 and kind
 * BODY (syn_classify_passages() sets the other kinds). Passages never hold
 * leading or trailing white space; blank text yields an empty array.
 *
 * Units: %SYN_SEGMENT_SENTENCE, sentences (Pango's Unicode boundaries
 * corrected for news text; a line without final punctuation, such as a
 * headline, is a passage of its own; a blank line always ends a passage);
 * %SYN_SEGMENT_LINE, one passage per non-blank line;
 * %SYN_SEGMENT_PARAGRAPH, one passage per block of lines between blank lines.
 *
 * Invalid UTF-8 and NUL bytes never crash it; they are treated as symbols. */
GArray *syn_segment_text (const char     *text,
                          gsize           len,
                          SynSegmentUnit  unit);

G_END_DECLS
