/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "syn-alignment.h"
#include "syn-export.h"
#include "syn-edits.h"

G_BEGIN_DECLS

/* "synopsis-comparison" version 1 (see README.md), written with json-glib:
 * byte offsets refer to the files as they are on disk. */
GString  *syn_export_json       (SynAlignment          *alignment,
                                 const SynExportSource *sources);

/* The JSON export or the text listing (syn_export_text()); NULL for
 * SYN_EXPORT_SYNOPSIS, which is a comparison's and not an alignment's
 * (see syn_comparison_save_to_bytes()), and for SYN_EXPORT_HTML, which
 * needs the sources themselves (see syn_export_html()). */
GString  *syn_export            (SynAlignment          *alignment,
                                 const SynExportSource *sources,
                                 SynExportFormat        format);

/* The same, ending with the corrections made by hand and the notes in
 * @edits (NULL: none): in the JSON export, the members "edits" and
 * "notes" (see README.md), each left out when empty; in the text listing,
 * a last part with a line for each. */
GString  *syn_export_with_edits (SynAlignment          *alignment,
                                 const SynExportSource *sources,
                                 SynExportFormat        format,
                                 const SynReportEdits  *edits);

/* @root as JSON text, two spaces an indent, ending in a new line, with
 * fractions in their shortest form ("0.609", not json-glib 1.6's
 * "0.60899999999999999"). */
GString  *_syn_json_to_string   (JsonNode              *root);

G_END_DECLS
