/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "syn-comparison.h"

G_BEGIN_DECLS

/* Keeps a copy of a comparison with unsaved corrections on disk, so that a
 * crash or a killed process loses nothing (see syn-autosave.c). */
typedef struct _SynAutosave SynAutosave;

/* Where autosaves go: g_get_user_data_dir()/synopsis/autosave. */
char        *syn_autosave_dup_default_dir (void);

/* Watches @comparison: a few seconds (@delay_ms) after each correction, while
 * it has unsaved ones, writes it (atomically) to a file of its own in @dir
 * (NULL: the default); removes the file once it has none (saved, undone,
 * or another comparison loaded). */
SynAutosave *syn_autosave_new             (SynComparison *comparison,
                                           const char    *dir,
                                           guint          delay_ms);
/* Stops, and removes the file: the window closed as the user chose. */
void         syn_autosave_free            (SynAutosave   *self);
/* Stops, and leaves the file for the next start to offer back. */
void         syn_autosave_detach          (SynAutosave   *self);
/* The file it writes (which may not exist yet). */
const char  *syn_autosave_get_path        (SynAutosave   *self);
/* Writes now when there is something unsaved; FALSE on failure. */
gboolean     syn_autosave_write_now       (SynAutosave   *self,
                                           GError       **error);

/* The autosaves in @dir (NULL: the default) left by processes that are no
 * longer running, newest first: comparisons to offer back. A GPtrArray of
 * GFile, maybe empty. */
GPtrArray   *syn_autosave_find_orphans    (const char    *dir);
/* Removes an orphan (restored, or discarded) and what marks it. */
void         syn_autosave_delete_orphan   (GFile         *file);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SynAutosave, syn_autosave_free)

G_END_DECLS
