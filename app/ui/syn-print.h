/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "syn-model.h"

G_BEGIN_DECLS

/* A print operation that prints @comparison as it is now (later changes
 * do not reach it): landscape, the synoptic rows with one column per
 * source, the word-level marks kept, and on every page a header naming
 * the sources. Up to four sources get wide columns; more get a compact
 * table with group numbers. NULL when nothing is loaded. Run it with
 * gtk_print_operation_run(); "Print to File" gives a PDF. */
GtkPrintOperation *syn_print_operation_new (SynComparison *comparison);

G_END_DECLS
