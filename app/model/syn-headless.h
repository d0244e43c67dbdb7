/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "syn-export.h"

G_BEGIN_DECLS

/* The headless export behind `synopsis --export=…`: loads @paths, compares
 * them and writes the export to @output (NULL: standard output; a file is
 * replaced atomically). Nothing is written when a file cannot be read.
 * Returns the exit status; messages go to standard error. */
int syn_headless_export (const char * const *paths,
                         SynExportFormat     format,
                         SynSegmentUnit      unit,
                         const char         *output);

G_END_DECLS
