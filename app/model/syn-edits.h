/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "syn-align.h"
#include "syn-alignment.h"

G_BEGIN_DECLS

/* A note a reader attached to a group, anchored to one of its passages so
 * that it follows the group through re-alignments. */
typedef struct {
  SynPassageRef  ref;
  char          *text;
} SynNote;

/* The corrections made by hand to one comparison (constraints for the
 * aligner, notes on groups, the names and order of its columns) with
 * their undo and redo history. */
typedef struct _SynEdits SynEdits;

SynEdits            *syn_edits_new             (void);
void                 syn_edits_free            (SynEdits            *self);

const SynConstraint *syn_edits_get_constraints (SynEdits            *self,
                                                guint               *n_constraints);
const SynNote       *syn_edits_get_notes       (SynEdits            *self,
                                                guint               *n_notes);
gboolean             syn_edits_is_empty        (SynEdits            *self);

/* Saves the present state for undo and forgets what could be redone: call
 * once before the changes that make one step. */
void                 syn_edits_checkpoint      (SynEdits            *self);
/* Appends @constraint, dropping an earlier one on the same two passages
 * (as @segments resolve them): the later correction wins. */
void                 syn_edits_add             (SynEdits            *self,
                                                const SynConstraint *constraint,
                                                const SynSegment    *segments,
                                                guint                n_segments);
/* Sets the note on the passage @ref resolves to; an empty or NULL @text
 * removes it. */
void                 syn_edits_set_note        (SynEdits            *self,
                                                const SynPassageRef *ref,
                                                const char          *text,
                                                const SynSegment    *segments,
                                                guint                n_segments);
/* The names given to the sources (columns), by place, are part of each
 * state, so that renaming is undone as corrections are. Whether the
 * present state knows source @source's name, and then the name (NULL for
 * none); a state from before a source was added does not know its name. */
gboolean             syn_edits_lookup_name     (SynEdits            *self,
                                                guint                source,
                                                const char         **name);
/* Names source @source @name (NULL: none); checkpoint first. */
void                 syn_edits_set_name        (SynEdits            *self,
                                                guint                source,
                                                const char          *name);
/* The names sources have now, when they come from elsewhere (a saved
 * comparison opened, a source added): no step, the state stays the same. */
void                 syn_edits_take_names      (SynEdits            *self,
                                                const char *const   *names,
                                                guint                n_names);
gboolean             syn_edits_can_undo        (SynEdits            *self);
gboolean             syn_edits_can_redo        (SynEdits            *self);
/* Steps back or forward; FALSE when there is nothing to do. */
gboolean             syn_edits_undo            (SynEdits            *self);
gboolean             syn_edits_redo            (SynEdits            *self);
/* Replaces everything, history included, with no edits. */
void                 syn_edits_clear           (SynEdits            *self);
/* Forgets what names source @source and renumbers the sources after it:
 * it left the comparison. The history goes too. */
void                 syn_edits_drop_source     (SynEdits            *self,
                                                guint                source);
/* The order of the sources (columns) is part of each state too, so that
 * moving one is undone as a rename is. Everything else names a source by
 * its place as shown. Fills @order with the places of the @n_sources
 * sources shown, in the order the present state puts them; TRUE when
 * that is not the order shown. */
gboolean             syn_edits_get_order       (SynEdits            *self,
                                                guint                n_sources,
                                                guint               *order);
/* Puts the source shown at @source at position @to (clamped) of the
 * present state's order, those between closing up behind it; checkpoint
 * first. */
void                 syn_edits_move_source     (SynEdits            *self,
                                                guint                source,
                                                guint                to,
                                                guint                n_sources);
/* The sources are shown in a new order (@order[k] is the place, before,
 * of the source now at @k, as syn_edits_get_order() gave it): every
 * state, in the whole history, follows them, so that each correction,
 * note and name stays with its source and each state keeps the order it
 * wants. A state that did not know a source's name (it was added after)
 * then knows it has none. */
void                 syn_edits_reorder_sources (SynEdits            *self,
                                                const guint         *order,
                                                guint                n_sources);
/* The present state, as a number that names it while it is in the
 * history (see syn_edits_set_saved_state()). */
guint64              syn_edits_get_state       (SynEdits            *self);
/* Says which state a file holds: the one syn_edits_get_state() gave when
 * it was written (or opened); 0 when no file holds any (work restored
 * from a crash). A new SynEdits is saved in its empty state. */
void                 syn_edits_set_saved_state (SynEdits            *self,
                                                guint64              state);
/* Whether the present state is the saved one: nothing to save, also after
 * undoing back to it. */
gboolean             syn_edits_is_saved        (SynEdits            *self);
/* TRUE when @a and @b hold the same constraints in the same order. */
gboolean             syn_edits_constraints_equal (const SynConstraint *a,
                                                  guint                n_a,
                                                  const SynConstraint *b,
                                                  guint                n_b);

/* The corrections and notes of a comparison as the exports take them. */
typedef struct {
  const SynConstraint *constraints;
  guint                n_constraints;
  const SynNote       *notes;
  guint                n_notes;
} SynReportEdits;

/* The words of the passage @ref names in @alignment, white space folded,
 * cut to @max_chars characters with "…"; NULL when @ref is outside it. */
char                *syn_edits_dup_excerpt     (SynAlignment        *alignment,
                                                const SynPassageRef *ref,
                                                guint                max_chars);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SynEdits, syn_edits_free)

G_END_DECLS
