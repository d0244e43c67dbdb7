/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "syn-types.h"

G_BEGIN_DECLS

/* Longest passage, in bytes, before a runaway sentence is cut (at a space). */
#define SYN_SEGMENT_MAX_BYTES 4096

/* Splits @text (UTF-8, @len bytes, may hold CR, CRLF or LF line ends) into
 * passages. Returns a GArray of SynSegment with source 0, cluster -1 and kind
 * BODY (syn_classify_passages() sets the other kinds). Passages never hold
 * leading or trailing white space; blank text yields an empty array. */
GArray *syn_segment_text (const char     *text,
                          gsize           len,
                          SynSegmentUnit  unit);

G_END_DECLS
