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

/* As syn_headless_export(), @unit NULL meaning "not given": a saved
 * comparison's unit then, else sentences. @format may be
 * SYN_EXPORT_SYNOPSIS: the inputs are written as a saved comparison. */
int syn_headless_run    (const char * const    *paths,
                         SynExportFormat        format,
                         const SynSegmentUnit  *unit,
                         const char            *output);

G_END_DECLS
