/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "syn-decode.h"

G_BEGIN_DECLS

/* Reads @file read-only (it is never written to) and decodes it. Errors are
 * in G_IO_ERROR or SYN_DECODE_ERROR and their messages name the file, ready
 * to show: "“notes.pdf” is not a text file". */
SynDecoded *syn_load_file (GFile         *file,
                           GCancellable  *cancellable,
                           GError       **error);

G_END_DECLS
