/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "syn-alignment.h"
#include "syn-export.h"
#include "syn-article.h"
#include "syn-group.h"
#include "syn-passage.h"
#include "syn-saved.h"

G_BEGIN_DECLS

#define SYN_TYPE_COMPARISON (syn_comparison_get_type ())
#define SYN_COMPARISON_ERROR (syn_comparison_error_quark ())

typedef enum {
  SYN_COMPARISON_ERROR_NO_TEXT,  /* none of the files could be read */
} SynComparisonError;

G_DECLARE_FINAL_TYPE (SynComparison, syn_comparison, SYN, COMPARISON, GObject)

/* Several articles compared: the core's SynAlignment wrapped in GObjects
 * for the interface. Articles and groups are GListModels that emit
 * items-changed whenever the comparison is (re)loaded or re-aligned.
 *
 * Reading and aligning run in a worker thread. Operations (load, add,
 * remove, reload, a new segment unit) are queued and run one after the
 * other, each on the result of the one before; the comparison stays as it
 * was until an operation completes, then changes at once and emits
 * #SynComparison::aligned. An operation keeps the comparison alive until
 * it completes; cancel the GCancellable given to it to stop it early. Once
 * cancelled from the main thread, an operation no longer changes the
 * comparison and completes with G_IO_ERROR_CANCELLED.
 *
 * Signals:
 * - aligned (): a new alignment is in place (articles, passages and groups
 *   are all updated).
 * - article-changed (SynArticle *article): @article's file changed on disk or
 *   was deleted (see syn_article_get_file_changed() and
 *   syn_article_get_file_missing()); offer syn_comparison_reload_async().
 *
 * Properties: articles, groups (GListModel, read-only), segment-unit
 * (SynSegmentUnit; changing it re-aligns), busy (an operation is under
 * way), progress (0..1 of the running operation, notified on the main
 * thread), file (the saved comparison it is, or NULL).
 *
 * Saved comparisons (`.synopsis`, told by their content) may be among the
 * files given to load and add: each stands for the sources it holds, with
 * the texts it saved. Loaded on its own, a saved comparison also brings its
 * segment unit and becomes the comparison's file; its sources whose files
 * changed or went away since are marked file-changed or file-missing at
 * once (and #SynComparison::article-changed is not emitted for them: look
 * at the articles after the load). */

GQuark          syn_comparison_error_quark   (void);

SynComparison  *syn_comparison_new           (void);

/* A GListModel of SynArticle, in the order the sources were given. */
GListModel     *syn_comparison_get_articles  (SynComparison  *self);
/* A GListModel of SynGroup, ordered by their first passage (the first
 * article's reading order, then the next article's for groups it lacks). */
GListModel     *syn_comparison_get_groups    (SynComparison  *self);
/* The core's result, or NULL when nothing is loaded. */
SynAlignment   *syn_comparison_get_alignment (SynComparison  *self);

SynSegmentUnit  syn_comparison_get_segment_unit (SynComparison *self);
/* Re-aligns in the background when articles are loaded. */
void            syn_comparison_set_segment_unit (SynComparison *self,
                                                 SynSegmentUnit unit);
gboolean        syn_comparison_get_busy      (SynComparison  *self);
double          syn_comparison_get_progress  (SynComparison  *self);

/* Replaces the comparison with @n_texts texts given in memory (UTF-8), at
 * once: for the built-in sample and for tests. Operations under way are
 * cancelled. Fails (and changes nothing) when a text is not text. */
gboolean        syn_comparison_load_texts    (SynComparison       *self,
                                              const char * const  *names,
                                              const char * const  *texts,
                                              guint                n_texts,
                                              GError             **error);

/* Replaces the comparison with the readable ones of @files (earlier
 * operations still queued are cancelled). Those that cannot be read are
 * reported by _finish() in @failures, one GError each whose message names
 * the file. When none can be read, the comparison is left as it was and
 * _finish() fails with SYN_COMPARISON_ERROR_NO_TEXT. */
void            syn_comparison_load_async    (SynComparison        *self,
                                              GFile               **files,
                                              guint                 n_files,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
/* @failures (optional, may be set even on error): a GPtrArray of GError. */
gboolean        syn_comparison_load_finish   (SynComparison        *self,
                                              GAsyncResult         *result,
                                              GPtrArray           **failures,
                                              GError              **error);

/* Adds the readable ones of @files after the current articles, as load. */
void            syn_comparison_add_files_async  (SynComparison       *self,
                                                 GFile              **files,
                                                 guint                n_files,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
gboolean        syn_comparison_add_files_finish (SynComparison       *self,
                                                 GAsyncResult        *result,
                                                 GPtrArray          **failures,
                                                 GError             **error);

/* Adds @source, a text given in memory (pasted), as a new article called
 * @name after the current ones, and re-aligns. */
void            syn_comparison_add_source_async  (SynComparison       *self,
                                                  SynSource           *source,
                                                  const char          *name,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
gboolean        syn_comparison_add_source_finish (SynComparison       *self,
                                                  GAsyncResult        *result,
                                                  GError             **error);

/* Moves @article to column @position (counted without it; past the end:
 * last) of the order wanted (the one shown, unless a move is under way),
 * keeping every source and the names given; the comparison is aligned
 * again, which the order of the sources does not change. The move is a
 * step of the undo history at once (see below); the articles take their
 * new order when the alignment is installed. */
void            syn_comparison_move_article_async    (SynComparison       *self,
                                                      SynArticle          *article,
                                                      guint                position,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
gboolean        syn_comparison_move_article_finish   (SynComparison       *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);

/* Takes @article out of the comparison and re-aligns the others. */
void            syn_comparison_remove_article_async  (SynComparison       *self,
                                                      SynArticle          *article,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
gboolean        syn_comparison_remove_article_finish (SynComparison       *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);

/* Reads @article's file again (NULL: every article whose file changed) and
 * re-aligns. An article whose file cannot be read keeps its text and is
 * reported in @failures; when no article could be re-read, _finish() fails
 * with SYN_COMPARISON_ERROR_NO_TEXT. */
void            syn_comparison_reload_async  (SynComparison       *self,
                                              SynArticle          *article,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gboolean        syn_comparison_reload_finish (SynComparison       *self,
                                              GAsyncResult        *result,
                                              GPtrArray          **failures,
                                              GError             **error);

/* The comparison in the headless export's formats (see syn-export.h), its
 * offsets referring to the files as they are on disk; NULL when nothing is
 * loaded. Built-in texts are named by their names. */
GString        *syn_comparison_export        (SynComparison       *self,
                                              SynExportFormat      format);

/* The comparison as a saved comparison's file (see syn-saved.h and
 * README.md), or NULL when nothing is loaded. */
GBytes         *syn_comparison_save_to_bytes (SynComparison       *self);
/* Writes it to @file atomically (a temporary file renamed over it); on
 * success #SynComparison:file becomes @file. */
void            syn_comparison_save_async    (SynComparison       *self,
                                              GFile               *file,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gboolean        syn_comparison_save_finish   (SynComparison       *self,
                                              GAsyncResult        *result,
                                              GError             **error);
/* The saved comparison this one was opened from or last saved to, or NULL
 * (#SynComparison:file). Loading other files makes it NULL. */
GFile          *syn_comparison_get_file      (SynComparison       *self);

/* Corrections made by hand (see syn-align-constrain.c). Each is one step
 * of the undo history, makes the comparison modified, and (but for notes)
 * re-aligns in the background: the groups change when #SynComparison::aligned
 * is emitted. #SynComparison::edits-changed is emitted at once. They
 * return FALSE, changing nothing, when the edit makes no sense (a passage
 * of a former alignment, a link within one group or one article).
 * Properties: modified (the corrections are not those of the file the
 * comparison was opened from or last saved to, or of a new comparison:
 * none; undoing back to them makes it FALSE again; a saved comparison's
 * source added, removed or read again also makes it TRUE, until it is
 * saved), can-undo, can-redo. Renaming a column (an article's
 * custom-name) and moving one (syn_comparison_move_article_async()) are
 * steps of the undo history too, with the same groups; undoing a move
 * aligns again to put the column back. */

/* Moves @passage out of its group into @target's (another article's). */
gboolean        syn_comparison_link_passages  (SynComparison       *self,
                                               SynPassage          *passage,
                                               SynPassage          *target);
/* Takes @passage out of its group: it stands alone. */
gboolean        syn_comparison_unlink_passage (SynComparison       *self,
                                               SynPassage          *passage);
/* Cuts @passage's group in two before @passage's article: the passages of
 * the articles before it form one group, the others another. */
gboolean        syn_comparison_split_group    (SynComparison       *self,
                                               SynPassage          *passage);
/* Joins the groups (or lone passages) @a and @b belong to. */
gboolean        syn_comparison_merge_groups   (SynComparison       *self,
                                               SynPassage          *a,
                                               SynPassage          *b);
/* A note on @group, or NULL; an empty @text removes it. */
const char     *syn_comparison_get_group_note (SynComparison       *self,
                                               SynGroup            *group);
gboolean        syn_comparison_set_group_note (SynComparison       *self,
                                               SynGroup            *group,
                                               const char          *text);
/* Whether a link made by hand holds @passage in its group. */
gboolean        syn_comparison_passage_is_linked_by_hand (SynComparison *self,
                                                          SynPassage    *passage);
/* The corrections and notes as they are now, for exports. */
const SynConstraint *syn_comparison_get_edits (SynComparison       *self,
                                               guint               *n_edits);
const SynNote  *syn_comparison_get_notes      (SynComparison       *self,
                                               guint               *n_notes);
gboolean        syn_comparison_get_modified   (SynComparison       *self);
gboolean        syn_comparison_can_undo       (SynComparison       *self);
gboolean        syn_comparison_can_redo       (SynComparison       *self);
gboolean        syn_comparison_undo           (SynComparison       *self);
gboolean        syn_comparison_redo           (SynComparison       *self);
/* The comparison was opened from a copy kept of unsaved work (an
 * autosave): it is no saved file's, and its corrections are yet to save. */
void            syn_comparison_mark_unsaved   (SynComparison       *self);

G_END_DECLS
