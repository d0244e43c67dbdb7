/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "syn-alignment.h"
#include "syn-source.h"
#include "syn-edits.h"

G_BEGIN_DECLS

/* What the report says of one source. */
typedef struct {
  const char *name;    /* what the report calls it: the column's name */
  const char *path;    /* the path or address it was read from */
  SynSource  *source;  /* where it came from and what it said of itself; may be NULL */
} SynReportSource;

/* The comparison as one self-contained HTML5 page for people (the
 * report): its conflicts first, then the sources, a summary and the whole
 * comparison as a synoptic table. Inline CSS only, no scripts, nothing
 * fetched; every text from the sources is escaped. @sources has one entry
 * per source of @alignment. */
GString *syn_export_html (SynAlignment          *alignment,
                          const SynReportSource *sources);

/* The same, saying which groups were linked by hand and giving the notes,
 * in the summary and in their rows. @edits may be NULL. */
GString *syn_export_html_with_edits (SynAlignment          *alignment,
                                     const SynReportSource *sources,
                                     const SynReportEdits  *edits);

/* The rows of a synoptic table of @alignment, in the reading order of
 * every source at once: the first source's passages in order, each other
 * source's merged in after the last row it was seen in. A row is a gint:
 * a group (its cluster index, >= 0) or a passage no other source has
 * (-1 - its segment index). Site furniture has no row. */
GArray  *syn_report_rows (SynAlignment          *alignment);

G_END_DECLS
