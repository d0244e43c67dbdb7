/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "syn-application.h"
#include "syn-comparison.h"

G_BEGIN_DECLS

#define SYN_TYPE_WINDOW (syn_window_get_type ())

G_DECLARE_FINAL_TYPE (SynWindow, syn_window, SYN, WINDOW, AdwApplicationWindow)

SynWindow     *syn_window_new            (SynApplication  *application);
/* Replaces what the window shows with a comparison of @files, read and
 * aligned in the background. Files that cannot be read are reported by
 * name while the others open. */
void           syn_window_open_files     (SynWindow       *self,
                                          GFile          **files,
                                          guint            n_files);
/* Adds @files as sources of the comparison shown. */
void           syn_window_add_files      (SynWindow       *self,
                                          GFile          **files,
                                          guint            n_files);
/* Shows the built-in sample comparison. */
void           syn_window_show_sample    (SynWindow       *self);
/* TRUE when the window shows nothing the user chose: the untouched sample,
 * or nothing at all. Such a window may be reused for files to open. */
gboolean       syn_window_is_disposable  (SynWindow       *self);
/* Writes the comparison to @target: a text report when its name ends in
 * .txt, else JSON. Refuses (with a toast) when @target is one of the
 * compared files. */
void           syn_window_export_to      (SynWindow       *self,
                                          GFile           *target);
/* Saves the comparison as a `.synopsis` file at @target, atomically;
 * refuses (with a toast) when @target is one of the compared files. */
void           syn_window_save_to        (SynWindow       *self,
                                          GFile           *target);
SynComparison *syn_window_get_comparison (SynWindow       *self);
/* Asks whether to restore the comparisons a crash or a killed process left
 * with unsaved corrections (see syn-autosave.h), when there are any. */
void           syn_window_offer_restore  (SynWindow       *self);
/* The widget showing the comparison. */
GtkWidget     *syn_window_get_view       (SynWindow       *self);

G_END_DECLS
