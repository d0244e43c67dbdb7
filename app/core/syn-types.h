/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Plain data shared by every stage of the alignment core. The core uses GLib
 * (and Pango for text boundaries) only: no GIO, no GTK, no file I/O, no printing.
 *
 * All offsets are byte offsets into the decoded UTF-8 text of one source,
 * end exclusive. SynDecoded (syn-decode.h) maps them back to the file on disk.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  SYN_SEGMENT_SENTENCE,
  SYN_SEGMENT_LINE,
  SYN_SEGMENT_PARAGRAPH,
} SynSegmentUnit;

typedef enum {
  SYN_PASSAGE_BODY,
  SYN_PASSAGE_TITLE,
  SYN_PASSAGE_BOILERPLATE,
} SynPassageKind;

typedef enum {
  SYN_DIVERGENCE_ADDED,    /* words no other member of the group has */
  SYN_DIVERGENCE_CHANGED,  /* a counterpart exists, worded differently */
  SYN_DIVERGENCE_NUMBER,   /* a number, amount or date disagreeing with its counterpart */
  SYN_DIVERGENCE_QUOTE,    /* quoted words differing from the same quotation elsewhere */
} SynDivergenceKind;

/* One passage of one source. */
typedef struct {
  guint          source;   /* index of the source in the comparison */
  gsize          start;    /* byte offsets into the source's UTF-8 text */
  gsize          end;
  SynPassageKind kind;
  gint           cluster;  /* index into the clusters, or -1: no counterpart */
} SynSegment;

/* One aligned row: corresponding passages across sources. */
typedef struct {
  guint  *segments;        /* indices into the segments, sorted by (source, start) */
  guint   n_segments;
  guint   support;         /* how many distinct sources carry it */
  double  score;           /* confidence, 0..1 */
} SynCluster;

/* A word-level divergence inside a grouped passage. */
typedef struct {
  guint             segment;      /* index of the passage it is in */
  gsize             start;        /* byte offsets into that source's text */
  gsize             end;
  SynDivergenceKind kind;
  gint              counterpart;  /* segment holding the other wording, or -1 */
  gsize             other_start;  /* the other wording in the counterpart's source */
  gsize             other_end;    /* (other_start == other_end when there is none) */
  guint             agreeing;     /* for number/quote: sources that carry the other value */
} SynDivergence;

const char     *syn_segment_unit_to_string    (SynSegmentUnit     unit);
gboolean        syn_segment_unit_from_string  (const char        *str,
                                               SynSegmentUnit    *unit);
const char     *syn_passage_kind_to_string    (SynPassageKind     kind);
const char     *syn_divergence_kind_to_string (SynDivergenceKind  kind);

G_END_DECLS
