/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by syn-window.c (the comparison and what the window shows of it),
 * syn-window-files.c (how files reach the window and leave it: the Open
 * dialog, recent comparisons, drag and drop, export) and syn-window-web.c
 * (web addresses, the clipboard and dropped text).
 */
#pragma once

#include "syn-autosave.h"
#include "syn-comparison-view.h"
#include "syn-window.h"

G_BEGIN_DECLS

struct _SynWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template children */
  AdwToastOverlay      *toast_overlay;
  GtkBox               *main_box;
  AdwHeaderBar         *header_bar;
  AdwWindowTitle       *window_title;
  GtkStack             *stack;
  AdwStatusPage        *empty_page;
  GtkSpinner           *spinner;
  GtkProgressBar       *loading_progress;
  GtkProgressBar       *progress_bar;
  SynComparisonView    *view;
  GtkRevealer          *drop_revealer;
  GtkLabel             *drop_label;
  GMenu                *recent_menu;
  GMenu                *recent_place;
  GMenu                *remove_section;

  /* "Changed on disk" (see syn_compat_banner_new()) */
  GtkWidget            *banner;
  gboolean              banner_reloads;
  char                 *banner_title;     /* what it says, or NULL */
  char                 *banner_dismissed; /* a title dismissed or kept: not shown again */

  GSettings            *settings;
  SynComparison        *comparison;
  GCancellable         *cancellable;
  GStrv                 failure_messages; /* for the "Details" of the last toast */
  AdwToast             *fetch_toast;      /* "Fetching…", with Cancel; not owned */
  guint                 n_pending;        /* operations started and not finished */
  guint                 n_fetching;       /* of them, those fetching web pages */
  guint                 n_opening;        /* files asked for by the last open */
  gboolean              shows_sample;     /* the untouched sample */
  gboolean              in_dispose;
  int                   first_width;      /* the size chosen when none was kept, */
  int                   first_height;     /* or -1 once the user changed it */

  /* syn-window-edits.c */
  SynPassage           *pick_from;        /* linking or merging it: picking the other end */
  gboolean              pick_merge;
  AdwToast             *pick_toast;       /* "Pick the passage…"; weak */
  gint64                pick_toast_since; /* when it was shown */
  gboolean              close_confirmed;  /* "Discard" was chosen */
  gboolean              close_after_save;
  SynAutosave          *autosave;
  GFile                *restoring;        /* the autosave being opened */
};

/* Seconds a toast about a failure stays: long enough to read a file name. */
#define SYN_WINDOW_FAILURE_TOAST_TIMEOUT 10

/* syn-window.c */
void  _syn_window_add_toast             (SynWindow      *self,
                                         const char     *title,
                                         guint           timeout);
char *_syn_window_file_display_name     (GFile          *file);
/* The header's title and subtitle, and the window's title: the saved
 * file and its folder, unsaved corrections marked. */
void  _syn_window_update_title          (SynWindow      *self);
/* Adds @source, read in memory (pasted, dropped), as a new article. */
void  _syn_window_add_source            (SynWindow      *self,
                                         SynSource      *source,
                                         const char     *name);

/* syn-window-files.c */
/* Menu labels take "_" as a mnemonic mark: file names keep theirs. */
char *_syn_window_escape_mnemonics      (const char     *text);
/* Remembers the files of the comparison shown among the recent ones. */
void  _syn_window_remember_comparison   (SynWindow      *self);
/* The drop target and the recent comparisons menu. */
void  _syn_window_init_files            (SynWindow      *self);
/* win.open, win.add-source, win.open-recent, win.export */
void  _syn_window_class_init_files      (GtkWidgetClass *widget_class);
/* The compared article read from @file (by any name of it), or NULL. */
SynArticle *_syn_window_find_source_file (SynWindow     *self,
                                          GFile         *file);

/* syn-window-save.c */
/* Keeps win.save and win.save-as enabled when there is something to save. */
void  _syn_window_init_save             (SynWindow      *self);
/* win.save, win.save-as */
void  _syn_window_class_init_save       (GtkWidgetClass *widget_class);

/* syn-window-print.c */
/* Keeps win.print and win.export-report enabled when a comparison is loaded. */
void  _syn_window_init_print            (SynWindow      *self);
/* win.print */
void  _syn_window_class_init_print      (GtkWidgetClass *widget_class);
/* syn-window-edits.c */
/* Keeps the correction actions in step with the comparison; asks before
 * closing with corrections not saved. */
void  _syn_window_init_edits            (SynWindow      *self);
void  _syn_window_dispose_edits         (SynWindow      *self);
/* win.link-passage, win.unlink-passage, win.split-group, win.merge-groups,
 * win.group-note, win.undo, win.redo, win.pick-confirm, win.pick-cancel */
void  _syn_window_class_init_edits      (GtkWidgetClass *widget_class);

/* syn-window-web.c */
/* Adds dropped text: web addresses (one per line) are fetched, other text
 * becomes a source of its own. FALSE when there is nothing to add. */
gboolean _syn_window_drop_text          (SynWindow      *self,
                                         const char     *text);
/* win.add-from-web, win.paste-source and its keys */
void  _syn_window_class_init_web        (GtkWidgetClass *widget_class);

G_END_DECLS
