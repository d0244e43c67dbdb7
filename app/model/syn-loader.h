/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "syn-decode.h"
#include "syn-fetch.h"
#include "syn-source.h"

G_BEGIN_DECLS

/* Reads @file read-only (it is never opened for writing) and decodes it
 * (see syn_decode()). The size is checked before anything is read, so a file
 * over SYN_DECODE_MAX_BYTES is refused at once, and the read stops there
 * should the file grow meanwhile. Folders, devices, pipes and sockets are
 * refused without being opened.
 *
 * Errors are G_IO_ERROR (NOT_FOUND, PERMISSION_DENIED, IS_DIRECTORY,
 * NOT_REGULAR_FILE, CANCELLED, …) or SYN_DECODE_ERROR (BINARY, TOO_LARGE);
 * their messages name the file and are ready to show: "“notes.pdf” is not a
 * text file". A cancelled load keeps GIO's message. */
SynDecoded *syn_load_file                (GFile         *file,
                                          GCancellable  *cancellable,
                                          GError       **error);

/* As syn_load_file(), naming the file @name in messages (for a command line,
 * the path as it was given). */
SynDecoded *syn_load_file_as             (GFile         *file,
                                          const char    *name,
                                          GCancellable  *cancellable,
                                          GError       **error);

/* Reads a source, whatever it is: a text file (as syn_load_file()), a saved
 * web page (HTML by its content: the article it holds is extracted), or an
 * http(s) address (@file from g_file_new_for_uri()), fetched (@progress, may
 * be NULL, reports the bytes as they arrive) and extracted. Blocking: call
 * it from a worker thread. @name as in syn_load_file_as(), may be NULL.
 *
 * Errors are as syn_load_file()'s, SYN_HTML_ERROR for a page without
 * readable text, and SYN_FETCH_ERROR for a page that could not be fetched;
 * every message names the file or address and says why. */
SynSource  *syn_load_source              (GFile                 *file,
                                          const char            *name,
                                          SynFetchProgressFunc   progress,
                                          gpointer               user_data,
                                          GCancellable          *cancellable,
                                          GError               **error);

/* The name syn_load_file() gives @file in its messages: its display name. */
char       *syn_loader_dup_display_name  (GFile         *file);

G_END_DECLS
