/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The corrections made by hand and their history. A state is small (a few
 * constraints and notes), so undo keeps whole states rather than inverse
 * operations: a step back restores the state before the step, whatever
 * the step was, and the aligner computes its groups again from it.
 *
 * The order of the columns is part of a state as well, so that a column
 * moved is put back by undo as a rename is. Everything a state holds
 * names a source by its place as shown (the comparison's articles), in
 * every state of the history alike; a state's order says where it puts
 * each of those places. Moving a column changes only the present state's
 * order; once the comparison shows the sources in that order (it must
 * align them again), syn_edits_reorder_sources() renumbers every state to
 * the new places, so that a state undo brings back finds its corrections,
 * notes and names on the right sources, and wants its own order back.
 *
 * Each state carries a number no other state of any SynEdits has, kept
 * when it moves between the present and the histories. Whether the
 * comparison holds unsaved work is then whether the present state is the
 * one that was saved (or opened): undoing back to it, or redoing forward
 * to it, makes the comparison clean again, as GNOME editors do.
 */
#define G_LOG_DOMAIN "syn-model"

#include "config.h"

#include <string.h>

#include "syn-edits.h"

typedef struct {
  GArray *constraints;   /* SynConstraint */
  GArray *notes;         /* SynNote */
  GPtrArray *names;      /* char *, the name given to each source by place, NULL for none */
  GArray *order;         /* guint: the places, in the order this state puts
                          * them; a place past its end (a source added
                          * later) follows, in place order */
  guint64 id;            /* this state's number; 0 in none */
} State;

struct _SynEdits
{
  State      now;
  GPtrArray *undo;   /* State *, the last is the latest */
  GPtrArray *redo;
  guint64    saved;  /* the id of the state a file holds; 0: none */
};

/* Unique across every SynEdits (saved comparisons are read on worker
 * threads), so that a number kept for a save that finishes later never
 * matches another comparison's state. */
static guint64
new_state_id (void)
{
  static gint last;

  return (guint64) (guint) g_atomic_int_add (&last, 1) + 1;
}

static void
note_clear (gpointer data)
{
  g_free (((SynNote *) data)->text);
}

static void
state_init (State *state)
{
  state->constraints = g_array_new (FALSE, FALSE, sizeof (SynConstraint));
  state->notes = g_array_new (FALSE, FALSE, sizeof (SynNote));
  g_array_set_clear_func (state->notes, note_clear);
  state->names = g_ptr_array_new_with_free_func (g_free);
  state->order = g_array_new (FALSE, FALSE, sizeof (guint));
  state->id = new_state_id ();
}

static void
state_clear (State *state)
{
  g_clear_pointer (&state->constraints, g_array_unref);
  g_clear_pointer (&state->notes, g_array_unref);
  g_clear_pointer (&state->names, g_ptr_array_unref);
  g_clear_pointer (&state->order, g_array_unref);
}

static State *
state_copy (const State *from)
{
  State *to = g_new0 (State, 1);

  state_init (to);
  g_array_append_vals (to->constraints, from->constraints->data, from->constraints->len);
  for (guint i = 0; i < from->notes->len; i++)
    {
      SynNote note = g_array_index (from->notes, SynNote, i);

      note.text = g_strdup (note.text);
      g_array_append_val (to->notes, note);
    }
  for (guint i = 0; i < from->names->len; i++)
    g_ptr_array_add (to->names, g_strdup (g_ptr_array_index (from->names, i)));
  g_array_append_vals (to->order, from->order->data, from->order->len);
  to->id = from->id;
  return to;
}

static void
state_free (gpointer data)
{
  state_clear (data);
  g_free (data);
}

SynEdits *
syn_edits_new (void)
{
  SynEdits *self = g_new0 (SynEdits, 1);

  state_init (&self->now);
  self->undo = g_ptr_array_new_with_free_func (state_free);
  self->redo = g_ptr_array_new_with_free_func (state_free);
  /* nothing yet, which is what every new comparison starts from */
  self->saved = self->now.id;
  return self;
}

void
syn_edits_free (SynEdits *self)
{
  if (self == NULL)
    return;
  state_clear (&self->now);
  g_ptr_array_unref (self->undo);
  g_ptr_array_unref (self->redo);
  g_free (self);
}

const SynConstraint *
syn_edits_get_constraints (SynEdits *self,
                           guint    *n_constraints)
{
  *n_constraints = self->now.constraints->len;
  return (const SynConstraint *) (gpointer) self->now.constraints->data;
}

const SynNote *
syn_edits_get_notes (SynEdits *self,
                     guint    *n_notes)
{
  *n_notes = self->now.notes->len;
  return (const SynNote *) (gpointer) self->now.notes->data;
}

gboolean
syn_edits_is_empty (SynEdits *self)
{
  return self->now.constraints->len == 0 && self->now.notes->len == 0;
}

void
syn_edits_checkpoint (SynEdits *self)
{
  g_ptr_array_add (self->undo, state_copy (&self->now));
  g_ptr_array_set_size (self->redo, 0);
  self->now.id = new_state_id ();
}

/* Whether @x and @y name the same passage, as the present passages say. */
static gboolean
same_passage (const SynPassageRef *x,
              const SynPassageRef *y,
              const SynSegment    *segments,
              guint                n_segments)
{
  if (x->source != y->source)
    return FALSE;
  if (x->start == y->start)
    return TRUE;
  return syn_align_find_passage (segments, n_segments, x) >= 0 &&
         syn_align_find_passage (segments, n_segments, x) == syn_align_find_passage (segments, n_segments, y);
}

void
syn_edits_add (SynEdits            *self,
               const SynConstraint *constraint,
               const SynSegment    *segments,
               guint                n_segments)
{
  GArray *all = self->now.constraints;

  for (guint i = all->len; i-- > 0;)
    {
      const SynConstraint *old = &g_array_index (all, SynConstraint, i);

      if ((same_passage (&old->a, &constraint->a, segments, n_segments) &&
           same_passage (&old->b, &constraint->b, segments, n_segments)) ||
          (same_passage (&old->a, &constraint->b, segments, n_segments) &&
           same_passage (&old->b, &constraint->a, segments, n_segments)))
        g_array_remove_index (all, i);
    }
  g_array_append_val (all, *constraint);
}

void
syn_edits_set_note (SynEdits            *self,
                    const SynPassageRef *ref,
                    const char          *text,
                    const SynSegment    *segments,
                    guint                n_segments)
{
  GArray *notes = self->now.notes;
  SynNote note;

  for (guint i = notes->len; i-- > 0;)
    if (same_passage (&g_array_index (notes, SynNote, i).ref, ref, segments, n_segments))
      g_array_remove_index (notes, i);
  if (text == NULL || *text == '\0')
    return;
  note.ref = *ref;
  note.text = g_strdup (text);
  g_array_append_val (notes, note);
}

gboolean
syn_edits_lookup_name (SynEdits    *self,
                       guint        source,
                       const char **name)
{
  if (source >= self->now.names->len)
    return FALSE;
  *name = g_ptr_array_index (self->now.names, source);
  return TRUE;
}

void
syn_edits_set_name (SynEdits   *self,
                    guint       source,
                    const char *name)
{
  if (source >= self->now.names->len)
    g_ptr_array_set_size (self->now.names, source + 1);
  g_free (g_ptr_array_index (self->now.names, source));
  g_ptr_array_index (self->now.names, source) = g_strdup (name);
}

void
syn_edits_take_names (SynEdits          *self,
                      const char *const *names,
                      guint              n_names)
{
  g_ptr_array_set_size (self->now.names, 0);
  for (guint i = 0; i < n_names; i++)
    g_ptr_array_add (self->now.names, g_strdup (names[i]));
}

gboolean
syn_edits_can_undo (SynEdits *self)
{
  return self->undo->len > 0;
}

gboolean
syn_edits_can_redo (SynEdits *self)
{
  return self->redo->len > 0;
}

/* Moves the present state onto @to and takes the last of @from. */
static gboolean
step (SynEdits  *self,
      GPtrArray *from,
      GPtrArray *to)
{
  State *next;

  if (from->len == 0)
    return FALSE;
  g_ptr_array_add (to, state_copy (&self->now));
  next = g_ptr_array_steal_index (from, from->len - 1);
  state_clear (&self->now);
  self->now = *next;
  g_free (next);
  return TRUE;
}

gboolean
syn_edits_undo (SynEdits *self)
{
  return step (self, self->undo, self->redo);
}

gboolean
syn_edits_redo (SynEdits *self)
{
  return step (self, self->redo, self->undo);
}

void
syn_edits_clear (SynEdits *self)
{
  g_array_set_size (self->now.constraints, 0);
  g_array_set_size (self->now.notes, 0);
  g_ptr_array_set_size (self->now.names, 0);
  g_array_set_size (self->now.order, 0);
  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  self->now.id = new_state_id ();
}

static gboolean
renumber (SynPassageRef *ref,
          guint          gone)
{
  if (ref->source == gone)
    return FALSE;
  if (ref->source > gone)
    ref->source--;
  return TRUE;
}

void
syn_edits_drop_source (SynEdits *self,
                       guint     source)
{
  GArray *cons = self->now.constraints, *notes = self->now.notes;
  guint before = cons->len + notes->len;

  for (guint i = cons->len; i-- > 0;)
    {
      SynConstraint *c = &g_array_index (cons, SynConstraint, i);
      gboolean keep_a = renumber (&c->a, source), keep_b = renumber (&c->b, source);

      if (!keep_a || !keep_b)
        g_array_remove_index (cons, i);
    }
  for (guint i = notes->len; i-- > 0;)
    if (!renumber (&g_array_index (notes, SynNote, i).ref, source))
      g_array_remove_index (notes, i);
  if (source < self->now.names->len)
    g_ptr_array_remove_index (self->now.names, source);
  for (guint i = self->now.order->len; i-- > 0;)
    {
      guint *place = &g_array_index (self->now.order, guint, i);

      if (*place == source)
        g_array_remove_index (self->now.order, i);
      else if (*place > source)
        (*place)--;
    }
  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  /* corrections lost with the source: no longer what was saved */
  if (cons->len + notes->len != before)
    self->now.id = new_state_id ();
}

guint64
syn_edits_get_state (SynEdits *self)
{
  return self->now.id;
}

void
syn_edits_set_saved_state (SynEdits *self,
                           guint64   state)
{
  self->saved = state;
}

gboolean
syn_edits_is_saved (SynEdits *self)
{
  return self->saved != 0 && self->now.id == self->saved;
}

/* The order @state puts @n_sources sources in: the places its order
 * names, then the others by place. */
static void
state_get_order (const State *state,
                 guint        n_sources,
                 guint       *order)
{
  g_autofree gboolean *taken = g_new0 (gboolean, n_sources + 1);
  guint k = 0;

  for (guint i = 0; i < state->order->len; i++)
    {
      guint place = g_array_index (state->order, guint, i);

      if (place < n_sources && !taken[place])
        {
          taken[place] = TRUE;
          order[k++] = place;
        }
    }
  for (guint place = 0; place < n_sources; place++)
    if (!taken[place])
      order[k++] = place;
}

gboolean
syn_edits_get_order (SynEdits *self,
                     guint     n_sources,
                     guint    *order)
{
  gboolean moved = FALSE;

  state_get_order (&self->now, n_sources, order);
  for (guint k = 0; k < n_sources; k++)
    moved |= order[k] != k;
  return moved;
}

void
syn_edits_move_source (SynEdits *self,
                       guint     source,
                       guint     to,
                       guint     n_sources)
{
  g_autofree guint *order = g_new (guint, n_sources + 1);
  guint from = 0;

  g_return_if_fail (source < n_sources);

  state_get_order (&self->now, n_sources, order);
  while (order[from] != source)
    from++;
  to = MIN (to, n_sources - 1);
  if (from < to)
    memmove (order + from, order + from + 1, (to - from) * sizeof (guint));
  else
    memmove (order + to + 1, order + to, (from - to) * sizeof (guint));
  order[to] = source;
  g_array_set_size (self->now.order, 0);
  g_array_append_vals (self->now.order, order, n_sources);
}

/* Renumbers @state for sources shown at new places: @new_place[p] is
 * where the source at @p went. */
static void
reorder_state (State       *state,
               const guint *new_place,
               guint        n_sources)
{
  g_autofree guint *order = g_new (guint, n_sources + 1);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < state->constraints->len; i++)
    {
      SynConstraint *c = &g_array_index (state->constraints, SynConstraint, i);

      c->a.source = c->a.source < n_sources ? new_place[c->a.source] : c->a.source;
      c->b.source = c->b.source < n_sources ? new_place[c->b.source] : c->b.source;
    }
  for (guint i = 0; i < state->notes->len; i++)
    {
      SynNote *note = &g_array_index (state->notes, SynNote, i);

      if (note->ref.source < n_sources)
        note->ref.source = new_place[note->ref.source];
    }
  /* a name the state did not know (a source added since) becomes none */
  g_ptr_array_set_size (names, MAX (state->names->len, n_sources));
  for (guint p = 0; p < state->names->len; p++)
    g_ptr_array_index (names, p < n_sources ? new_place[p] : p) = g_steal_pointer (&g_ptr_array_index (state->names, p));
  g_ptr_array_unref (state->names);
  state->names = g_steal_pointer (&names);
  /* the order it wants, whole, so that it still means the same sources */
  state_get_order (state, n_sources, order);
  g_array_set_size (state->order, n_sources);
  for (guint k = 0; k < n_sources; k++)
    g_array_index (state->order, guint, k) = new_place[order[k]];
}

void
syn_edits_reorder_sources (SynEdits    *self,
                           const guint *order,
                           guint        n_sources)
{
  g_autofree guint *new_place = g_new (guint, n_sources + 1);
  gboolean moved = FALSE;

  for (guint k = 0; k < n_sources; k++)
    {
      new_place[order[k]] = k;
      moved |= order[k] != k;
    }
  /* nothing to renumber, and what a state does not know stays unknown */
  if (!moved)
    return;
  reorder_state (&self->now, new_place, n_sources);
  for (guint i = 0; i < self->undo->len; i++)
    reorder_state (g_ptr_array_index (self->undo, i), new_place, n_sources);
  for (guint i = 0; i < self->redo->len; i++)
    reorder_state (g_ptr_array_index (self->redo, i), new_place, n_sources);
}

static gboolean
ref_equal (const SynPassageRef *x,
           const SynPassageRef *y)
{
  return x->source == y->source && x->start == y->start && x->end == y->end;
}

gboolean
syn_edits_constraints_equal (const SynConstraint *a,
                             guint                n_a,
                             const SynConstraint *b,
                             guint                n_b)
{
  if (n_a != n_b)
    return FALSE;
  for (guint i = 0; i < n_a; i++)
    if (a[i].kind != b[i].kind || !ref_equal (&a[i].a, &b[i].a) || !ref_equal (&a[i].b, &b[i].b))
      return FALSE;
  return TRUE;
}

char *
syn_edits_dup_excerpt (SynAlignment        *alignment,
                       const SynPassageRef *ref,
                       guint                max_chars)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *span = NULL;
  const char *text;
  gboolean space = FALSE;
  guint n = 0;
  gsize len;

  if (ref->source >= syn_alignment_get_n_sources (alignment))
    return NULL;
  text = syn_alignment_get_text (alignment, ref->source, &len);
  if (ref->start > ref->end || ref->end > len)
    return NULL;
  /* a passage named by a file may start inside a character */
  span = g_utf8_make_valid (text + ref->start, (gssize) (ref->end - ref->start));
  for (const char *p = span; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (g_ascii_isspace (*p))
        {
          space = out->len > 0;
          continue;
        }
      if (n + (space ? 1 : 0) >= max_chars)
        {
          g_string_append (out, "…");
          break;
        }
      if (space)
        {
          g_string_append_c (out, ' ');
          n++;
        }
      space = FALSE;
      g_string_append_unichar (out, g_utf8_get_char (p));
      n++;
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}
