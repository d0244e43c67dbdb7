/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "syn-alignment.h"
#include "syn-decode.h"

G_BEGIN_DECLS

typedef enum {
  SYN_EXPORT_JSON,
  SYN_EXPORT_TEXT,
  SYN_EXPORT_SYNOPSIS,  /* a saved comparison (the model's syn-saved.h) */
  SYN_EXPORT_HTML,      /* the report (the model's syn-export-html.h) */
} SynExportFormat;

/* What the export says of each source besides the alignment. */
typedef struct {
  const char       *path;      /* as the user gave it */
  const char       *encoding;  /* NULL: "UTF-8" */
  const SynDecoded *decoded;   /* maps offsets back to the bytes on disk; NULL: identity */
  /* Additive fields of version 1, each left out when NULL: */
  const char       *origin;    /* "file", "url", "clipboard", "sample" */
  const char       *url;
  const char       *site;
  const char       *byline;
  const char       *published;
  const char       *language;
  const char       *retrieved; /* ISO 8601 */
  gboolean          with_text; /* the text is not a file's: export it, offsets refer to it */
} SynExportSource;

/* "json", "text", "synopsis" or "html". The JSON export is written by the model
 * (syn-export-json.h), with json-glib. */
gboolean syn_export_format_from_string (const char            *str,
                                        SynExportFormat       *format);

/* A readable aligned listing for a terminal. */
GString *syn_export_text (SynAlignment          *alignment,
                          const SynExportSource *sources);

G_END_DECLS
