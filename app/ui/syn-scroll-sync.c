/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Scrolling the columns together.
 *
 * Meld keeps its panes in step by mapping the scrolled pane's position
 * through the diff: it takes a line a fixed part of the way down the
 * pane, finds the chunk (or the stretch between chunks) that holds it and
 * how far into it the line is, and scrolls each other pane so that the
 * same fraction of the corresponding chunk stands on the same line. The
 * mapping is piecewise linear and continuous, so the other panes glide
 * rather than jump; a stretch that only one pane has maps onto the single
 * point between its neighbours, so the other panes wait while the reader
 * passes through it.
 *
 * Here the chunks are the alignment's groups. For the column the reader
 * scrolls (the driver) and each other column, the pairs of passages of
 * one group form the fixed points: a passage's top maps onto its
 * counterpart's top, its bottom onto the bottom, the stretch between two
 * paired passages (unique passages, blank lines) onto the stretch between
 * their counterparts, and the ends of the texts onto each other. Sources
 * that tell the story in another order make the pairs cross, and a
 * crossing pair would make the other column run backwards for a moment
 * and then jump ahead. So only pairs in the same order in both columns are
 * kept: the longest such chain (a longest increasing subsequence, by span
 * index), which makes the mapping monotonic — scrolling down only ever
 * scrolls the others down. A moved passage then is not level, and the
 * connector bands show where it went. The one exception is the selected
 * group: its pair is always kept (the chain is the longest one through
 * it), so that what the reader clicked stays level while they scroll.
 *
 * The reference line is a third of the way down, where the eye reads,
 * moving to the top in the first third of a page and to the bottom in
 * the last two thirds (as Meld's does), so that the beginnings of the
 * texts show together, and so do their ends. While the selected passage
 * is on screen the line is that passage, and it blends back to the usual
 * line over the page after it leaves, so the levels never jump.
 *
 * Only the driver drives. It is the column the reader last scrolled,
 * clicked, focused or pressed a key in (seen in the capture phase, before
 * the scroller acts), or one the view scrolls itself. Values set here are
 * not taken for the reader's, and the other columns' own adjustments
 * (a text view correcting its estimated line heights, an animation that
 * levels a selection) never drive. When a column's size or height
 * changes, the others follow again in the next frame.
 *
 * The mapping is not symmetric: a column waiting beside a passage only the
 * driver has, or one whose passages were left out of the chain, is not
 * where the mapping from it would put the driver. So a new driver (the
 * reader moves to another column with a click, the wheel or Alt+Right)
 * would pull every other column to a new place the moment it moved, and
 * the reader would lose theirs. Instead the others keep their places when
 * the driver changes: each keeps the offset between where it is and where
 * the new driver's mapping puts it, and lets the offset go linearly over
 * the next page the driver scrolls, so that they glide onto the mapping.
 * Levelling a selection drops the offsets: what the reader picked is level.
 *
 * Only the columns in sideways view (and laid out) follow. The others would
 * have to lay out their new lines at every step for nobody to see; they
 * catch up when the strip scrolls them into view. A column out of view
 * that is to lead (Alt+Right to it) first follows like the others once it
 * is in view and laid out, and only then leads: its place out of view was
 * stale, and the others would have jumped to it.
 *
 * The cost of a step is a binary search over the kept pairs of each other
 * column in view, reading passage extents the views cache (estimated away
 * from the screen): no layout beyond the lines near it.
 */
#define G_LOG_DOMAIN "syn-ui"

#include "config.h"

#include <math.h>

#include "syn-scroll-sync.h"

/* A third of the way down. */
#define REFERENCE (1.0 / 3.0)

/* How long a column shown to lead waits to be laid out first. */
#define MAX_WAIT_FRAMES 10

typedef struct {
  SynScrollSync      *sync;
  guint               index;
  SynArticleView     *view;
  GtkAdjustment      *adjustment;
  GtkWidget          *scroller;
  GtkEventController *input;
  GtkEventController *focus;
  GArray             *first_of_group;   /* int per group: its first span here, or -1 */
  double              offset;           /* its place kept from the mapping's, when the driver changed */
  gboolean            behind;           /* out of sideways view, it has not followed */
} Column;

typedef struct {
  guint a;
  guint b;
} Pair;

struct _SynScrollSync
{
  GtkWidget *owner;
  GPtrArray *columns;       /* Column */
  GPtrArray *pairs;         /* GArray of Pair per (driver, other), or NULL */
  gboolean   enabled;
  int        driver;
  int        next_driver;   /* to lead once it has caught up, or -1 */
  guint      next_waited;   /* frames it has been waiting for that */
  int        selection_column;
  int        selection_span;
  int        selection_group;
  gboolean   syncing;
  guint      tick;

  /* Where the driver was when the others' offsets were taken. */
  double     offsets_at;
  gboolean   has_offsets;

  SynScrollSyncVisibleFunc visible_func;
  gpointer                 visible_data;
};

static Column *
column_at (SynScrollSync *self,
           guint          index)
{
  return g_ptr_array_index (self->columns, index);
}

/* Pairing ---------------------------------------------------------------- */

static GArray *
first_of_group (Column *column)
{
  guint n = syn_article_view_get_n_spans (column->view);

  if (column->first_of_group != NULL)
    return column->first_of_group;
  column->first_of_group = g_array_new (FALSE, FALSE, sizeof (int));
  for (guint s = 0; s < n; s++)
    {
      const SynSpan *span = syn_article_view_get_span (column->view, s);
      int none = -1;

      if (span->group < 0 || span->collapsed)
        continue;
      while (column->first_of_group->len <= (guint) span->group)
        g_array_append_val (column->first_of_group, none);
      if (g_array_index (column->first_of_group, int, span->group) < 0)
        g_array_index (column->first_of_group, int, span->group) = s;
    }
  return column->first_of_group;
}

static int
first_span_of (Column *column,
               int     group)
{
  GArray *first = first_of_group (column);

  if (group < 0 || (guint) group >= first->len)
    return -1;
  return g_array_index (first, int, group);
}

/* The selected group's passage in @column: the selected one itself in its
 * own column, else the column's first of the group. */
static int
selected_span_in (SynScrollSync *self,
                  Column        *column)
{
  if (self->selection_group < 0)
    return -1;
  if ((int) column->index == self->selection_column)
    return self->selection_span;
  return first_span_of (column, self->selection_group);
}

/* The longest chain of @candidates (increasing in a) that also increases
 * in b: patience sorting, O(n log n). */
static GArray *
increasing_chain (GArray *candidates)
{
  guint n = candidates->len, length = 0;
  g_autofree guint *tails = g_new (guint, n + 1);
  g_autofree guint *previous = g_new (guint, n + 1);
  GArray *chain = g_array_sized_new (FALSE, FALSE, sizeof (Pair), n);

  for (guint i = 0; i < n; i++)
    {
      guint b = g_array_index (candidates, Pair, i).b, low = 0, high = length;

      while (low < high)
        {
          guint mid = (low + high) / 2;

          if (g_array_index (candidates, Pair, tails[mid]).b < b)
            low = mid + 1;
          else
            high = mid;
        }
      previous[i] = low > 0 ? tails[low - 1] : G_MAXUINT;
      tails[low] = i;
      length = MAX (length, low + 1);
    }
  g_array_set_size (chain, length);
  for (guint k = length, i = length > 0 ? tails[length - 1] : 0; k > 0; k--, i = previous[i])
    g_array_index (chain, Pair, k - 1) = g_array_index (candidates, Pair, i);
  return chain;
}

/* The pairs of passages that hold @a and @b level, in order in both. A
 * pair that crosses the selected group's is left out, so that the chain
 * goes through it. */
static GArray *
compute_pairs (SynScrollSync *self,
               Column        *a,
               Column        *b)
{
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Pair));
  int forced_a = selected_span_in (self, a), forced_b = selected_span_in (self, b);
  gboolean forced = forced_a >= 0 && forced_b >= 0;

  for (guint s = 0; s < syn_article_view_get_n_spans (a->view); s++)
    {
      const SynSpan *span = syn_article_view_get_span (a->view, s);
      int t;
      Pair pair;

      if (span->collapsed || (t = first_span_of (b, span->group)) < 0)
        continue;
      if (forced && (int) s != forced_a &&
          !(((int) s < forced_a && t < forced_b) || ((int) s > forced_a && t > forced_b)))
        continue;
      if (forced && (int) s == forced_a)
        t = forced_b;
      pair.a = s;
      pair.b = t;
      g_array_append_val (candidates, pair);
    }
  return increasing_chain (candidates);
}

static GArray *
pairs_between (SynScrollSync *self,
               Column        *a,
               Column        *b)
{
  guint index = a->index * self->columns->len + b->index;

  if (g_ptr_array_index (self->pairs, index) == NULL)
    g_ptr_array_index (self->pairs, index) = compute_pairs (self, a, b);
  return g_ptr_array_index (self->pairs, index);
}

static void
forget_pairs (SynScrollSync *self)
{
  guint n = self->columns->len;

  g_ptr_array_set_size (self->pairs, 0);
  g_ptr_array_set_size (self->pairs, n * n);
  for (guint c = 0; c < n; c++)
    g_clear_pointer (&column_at (self, c)->first_of_group, g_array_unref);
}

/* Mapping ---------------------------------------------------------------- */

/* A passage's top and bottom in its adjustment's units (buffer
 * coordinates shifted by the text view's top margin). */
static gboolean
span_range (Column *column,
            guint   span,
            double *top,
            double *bottom)
{
  GdkRectangle visible;
  float y, height;

  if (!syn_article_view_get_span_extent (column->view, span, &y, &height))
    return FALSE;
  gtk_text_view_get_visible_rect (GTK_TEXT_VIEW (column->view), &visible);
  *top = y + (floor (gtk_adjustment_get_value (column->adjustment)) - visible.y);
  *bottom = *top + height;
  return TRUE;
}

static double
interpolate (double position,
             double a0,
             double a1,
             double b0,
             double b1)
{
  if (b1 <= b0 || a1 <= a0)
    return b0;
  return b0 + (b1 - b0) * CLAMP ((position - a0) / (a1 - a0), 0, 1);
}

/* Both passages of a pair, in their adjustments' units. */
static gboolean
pair_range (Column     *a,
            Column     *b,
            const Pair *pair,
            double     *at,
            double     *ab,
            double     *bt,
            double     *bb)
{
  return span_range (a, pair->a, at, ab) && span_range (b, pair->b, bt, bb);
}

/* The first pair whose passage in @a ends below @position.
 * The pairs rise in both columns, so a binary search finds it, reading
 * the extents of a few pairs rather than of all above @position. */
static guint
first_pair_below (Column *a,
                  GArray *pairs,
                  double  position)
{
  guint lo = 0, hi = pairs->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2, k = mid;
      double at, ab;

      /* hidden passages have no extent: probe the next one shown */
      while (k < hi && !span_range (a, g_array_index (pairs, Pair, k).a, &at, &ab))
        k++;
      if (k < hi && ab <= position)
        lo = k + 1;
      else
        hi = mid;
    }
  return lo;
}

/* Where @position in @a corresponds to in @b. */
static double
map_position (Column *a,
              Column *b,
              GArray *pairs,
              double  position)
{
  double a0 = gtk_adjustment_get_lower (a->adjustment), b0 = gtk_adjustment_get_lower (b->adjustment);
  guint first = first_pair_below (a, pairs, position);

  /* The stretch starts at the last pair above. */
  for (guint k = first; k-- > 0;)
    {
      double at, ab, bt, bb;

      if (pair_range (a, b, &g_array_index (pairs, Pair, k), &at, &ab, &bt, &bb))
        {
          a0 = ab;
          b0 = bb;
          break;
        }
    }
  for (guint k = first; k < pairs->len; k++)
    {
      double at, ab, bt, bb;

      if (!pair_range (a, b, &g_array_index (pairs, Pair, k), &at, &ab, &bt, &bb))
        continue;
      /* Heights still estimated away from the screen may put the pair
       * above below this one: this one, nearer the screen, is the one
       * laid out, so the stretch between them closes up rather than this
       * pair being skipped (which would carry the column far off). */
      a0 = MIN (a0, at);
      b0 = MIN (b0, bt);
      if (position < at)
        return interpolate (position, a0, at, b0, bt);
      if (position < ab)
        return interpolate (position, at, ab, bt, bb);
      a0 = ab;
      b0 = bb;
    }
  return interpolate (position, a0, gtk_adjustment_get_upper (a->adjustment),
                      b0, gtk_adjustment_get_upper (b->adjustment));
}

/* The usual reference line, in pixels from the top of the view. A text
 * less than two pages long sweeps it from top to bottom as it scrolls
 * (where the two ramps would overlap), and one that does not scroll
 * keeps it at the top. */
static double
syncpoint (GtkAdjustment *adjustment)
{
  double page = gtk_adjustment_get_page_size (adjustment);
  double range = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_lower (adjustment) - page;
  double from_top = gtk_adjustment_get_value (adjustment) - gtk_adjustment_get_lower (adjustment);
  double to_end = range - from_top;
  double point;

  if (page <= 0 || range <= 0)
    return 0;
  if (range < page)
    return CLAMP (from_top / range, 0, 1) * page;
  point = REFERENCE * MIN (1, from_top / (page * REFERENCE));
  if (to_end < page * (1 - REFERENCE))
    point += (1 - REFERENCE) * (1 - MAX (to_end, 0) / (page * (1 - REFERENCE)));
  return CLAMP (point, 0, 1) * page;
}

static double
reference_line (SynScrollSync *self,
                Column        *driver)
{
  double usual = syncpoint (driver->adjustment);
  double page = gtk_adjustment_get_page_size (driver->adjustment);
  double value = gtk_adjustment_get_value (driver->adjustment);
  int selected = selected_span_in (self, driver);
  double top, bottom, y, distance, weight;

  if (selected < 0 || page <= 0 || !span_range (driver, selected, &top, &bottom))
    return usual;
  y = top - value;
  distance = y < 0 ? -y : MAX (y - page, 0);
  weight = MIN (1, distance / page);
  return (1 - weight) * CLAMP (y, 0, page) + weight * usual;
}

/* Whether @column is in sideways view. With a visible func, by where the
 * strip is scrolled, not by whether the column is mapped: a column
 * scrolled into view is mapped only when the strip is next allocated,
 * after the tick in which the others follow, and it must follow in that
 * same tick or it would wait, out of place, for the driver to move. */
static gboolean
in_view (SynScrollSync *self,
         Column        *column)
{
  if (self->visible_func != NULL)
    return self->visible_func (column->index, self->visible_data);
  return gtk_widget_get_mapped (GTK_WIDGET (column->view));
}

static double
clamp_value (GtkAdjustment *adjustment,
             double         value)
{
  double highest = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);

  return CLAMP (value, gtk_adjustment_get_lower (adjustment), MAX (highest, gtk_adjustment_get_lower (adjustment)));
}

/* Where the mapping from @driver puts @other, reference @line at @position. */
static double
mapped_value (SynScrollSync *self,
              Column        *driver,
              Column        *other,
              double         position,
              double         line)
{
  return clamp_value (other->adjustment,
                      map_position (driver, other, pairs_between (self, driver, other), position) - line);
}

static void
drop_offsets (SynScrollSync *self)
{
  for (guint c = 0; c < self->columns->len; c++)
    column_at (self, c)->offset = 0;
  self->has_offsets = FALSE;
}

/* The driver changed: every column in view keeps its place for now. */
static void
keep_places (SynScrollSync *self)
{
  Column *driver;
  double line, position;

  drop_offsets (self);
  if (!self->enabled || self->driver < 0 || (guint) self->driver >= self->columns->len)
    return;
  driver = column_at (self, self->driver);
  line = reference_line (self, driver);
  position = gtk_adjustment_get_value (driver->adjustment) + line;
  for (guint c = 0; c < self->columns->len; c++)
    {
      Column *other = column_at (self, c);

      if (other == driver || other->behind || !in_view (self, other))
        continue;
      other->offset = gtk_adjustment_get_value (other->adjustment) - mapped_value (self, driver, other, position, line);
      self->has_offsets = self->has_offsets || other->offset != 0;
    }
  self->offsets_at = gtk_adjustment_get_value (driver->adjustment);
}

/* How much of the kept offsets still holds: all of it where the driver
 * was when they were taken, none a page away. */
static double
offset_weight (SynScrollSync *self,
               Column        *driver)
{
  double page = gtk_adjustment_get_page_size (driver->adjustment);
  double moved = fabs (gtk_adjustment_get_value (driver->adjustment) - self->offsets_at);

  if (!self->has_offsets || page <= 0)
    return 0;
  return MAX (0, 1 - moved / page);
}

void
syn_scroll_sync_follow (SynScrollSync *self)
{
  Column *driver;
  double line, position, weight;
  gboolean settled = FALSE;

  g_return_if_fail (self != NULL);

  if (!self->enabled || self->syncing || self->driver < 0 || (guint) self->driver >= self->columns->len)
    return;
  driver = column_at (self, self->driver);
  line = reference_line (self, driver);
  position = gtk_adjustment_get_value (driver->adjustment) + line;
  weight = offset_weight (self, driver);
  if (weight == 0)
    drop_offsets (self);
  self->syncing = TRUE;
  for (guint c = 0; c < self->columns->len; c++)
    {
      Column *other = column_at (self, c);
      double target;

      if (other == driver)
        continue;
      if (!in_view (self, other))
        {
          other->behind = TRUE;
          other->offset = 0;
          continue;
        }
      target = mapped_value (self, driver, other, position, line) + weight * other->offset;
      target = round (clamp_value (other->adjustment, target));
      /* Just shown, its passages' places were partly estimated. */
      if ((int) c == self->next_driver)
        settled = !other->behind && fabs (target - gtk_adjustment_get_value (other->adjustment)) < 1;
      if (other->behind || fabs (target - gtk_adjustment_get_value (other->adjustment)) >= 0.5)
        gtk_adjustment_set_value (other->adjustment, target);
      other->behind = FALSE;
    }
  self->syncing = FALSE;
  if (self->next_driver < 0)
    return;
  /* It leads once it stands where the driver takes it, laid out: it
   * is given a few frames for that, as the lines shown are laid out. */
  self->next_waited++;
  if (settled || (!column_at (self, self->next_driver)->behind && self->next_waited > MAX_WAIT_FRAMES))
    {
      self->driver = self->next_driver;
      self->next_driver = -1;
      keep_places (self);
    }
  else if (self->next_waited < 6 * MAX_WAIT_FRAMES)
    syn_scroll_sync_columns_moved (self);
}

/* Signals ----------------------------------------------------------------- */

static gboolean
follow_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  SynScrollSync *self = user_data;

  self->tick = 0;
  syn_scroll_sync_follow (self);
  return G_SOURCE_REMOVE;
}

/* The others follow at the start of the next frame, before it is laid
 * out: the frame that shows the driver's new position shows theirs too.
 * Not at once, because the driver's value also changes while it is being
 * allocated (a scrolled window clamps it when a column grows or shrinks),
 * and moving the other columns then, after some of them were allocated
 * for this frame, leaves their scrollbars to be drawn unallocated. */
static void
value_changed_cb (GtkAdjustment *adjustment,
                  Column        *column)
{
  SynScrollSync *self = column->sync;

  if (!self->syncing && self->enabled && (int) column->index == self->driver && self->tick == 0)
    self->tick = gtk_widget_add_tick_callback (self->owner, follow_tick_cb, self, NULL);
}

/* A column's height or size changed (laid out further, resized): its
 * passages moved under the reference line. The adjustment changes while
 * the column is allocated; the others follow in the next frame. */
static void
adjustment_changed_cb (GtkAdjustment *adjustment,
                       Column        *column)
{
  SynScrollSync *self = column->sync;

  if (self->enabled && self->driver >= 0 && self->tick == 0)
    self->tick = gtk_widget_add_tick_callback (self->owner, follow_tick_cb, self, NULL);
}

static gboolean
input_cb (GtkEventControllerLegacy *controller,
          GdkEvent                 *event,
          Column                   *column)
{
  switch ((int) gdk_event_get_event_type (event))
    {
    case GDK_SCROLL:
    case GDK_BUTTON_PRESS:
    case GDK_TOUCH_BEGIN:
    case GDK_KEY_PRESS:
      syn_scroll_sync_set_driver (column->sync, column->index);
      break;
    default:
      break;
    }
  return GDK_EVENT_PROPAGATE;
}

static void
focus_enter_cb (GtkEventControllerFocus *controller,
                Column                  *column)
{
  syn_scroll_sync_lead_when_shown (column->sync, column->index);
}

static Column *
column_new (SynScrollSync  *self,
            guint           index,
            SynArticleView *view)
{
  Column *column = g_new0 (Column, 1);

  column->sync = self;
  column->index = index;
  column->view = g_object_ref (view);
  column->adjustment = g_object_ref (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view)));
  column->scroller = gtk_widget_get_parent (GTK_WIDGET (view));
  g_signal_connect (column->adjustment, "value-changed", G_CALLBACK (value_changed_cb), column);
  g_signal_connect (column->adjustment, "changed", G_CALLBACK (adjustment_changed_cb), column);

  /* Seen before the scroller or the text view acts on it. */
  column->input = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_propagation_phase (column->input, GTK_PHASE_CAPTURE);
  g_signal_connect (column->input, "event", G_CALLBACK (input_cb), column);
  gtk_widget_add_controller (column->scroller, g_object_ref (column->input));
  column->focus = gtk_event_controller_focus_new ();
  g_signal_connect (column->focus, "enter", G_CALLBACK (focus_enter_cb), column);
  gtk_widget_add_controller (GTK_WIDGET (view), g_object_ref (column->focus));
  return column;
}

static void
column_free (gpointer data)
{
  Column *column = data;

  g_signal_handlers_disconnect_by_data (column->adjustment, column);
  g_signal_handlers_disconnect_by_data (column->input, column);
  g_signal_handlers_disconnect_by_data (column->focus, column);
  if (gtk_event_controller_get_widget (column->input) != NULL)
    gtk_widget_remove_controller (column->scroller, column->input);
  if (gtk_event_controller_get_widget (column->focus) != NULL)
    gtk_widget_remove_controller (GTK_WIDGET (column->view), column->focus);
  g_object_unref (column->input);
  g_object_unref (column->focus);
  g_object_unref (column->adjustment);
  g_object_unref (column->view);
  g_clear_pointer (&column->first_of_group, g_array_unref);
  g_free (column);
}

/* Public ------------------------------------------------------------------ */

/* Pairings are made when first needed: most slots stay empty. */
static void
pairs_free (gpointer data)
{
  if (data != NULL)
    g_array_unref (data);
}

SynScrollSync *
syn_scroll_sync_new (GtkWidget *owner)
{
  SynScrollSync *self = g_new0 (SynScrollSync, 1);

  self->owner = owner;
  self->columns = g_ptr_array_new_with_free_func (column_free);
  self->pairs = g_ptr_array_new_with_free_func (pairs_free);
  self->enabled = TRUE;
  self->driver = self->next_driver = -1;
  self->selection_column = self->selection_span = self->selection_group = -1;
  return self;
}

void
syn_scroll_sync_free (SynScrollSync *self)
{
  if (self == NULL)
    return;
  if (self->tick != 0)
    gtk_widget_remove_tick_callback (self->owner, self->tick);
  g_ptr_array_unref (self->pairs);
  g_ptr_array_unref (self->columns);
  g_free (self);
}

void
syn_scroll_sync_set_views (SynScrollSync *self,
                           GPtrArray     *views)
{
  g_return_if_fail (self != NULL);

  g_ptr_array_set_size (self->pairs, 0);
  g_ptr_array_set_size (self->columns, 0);
  for (guint c = 0; views != NULL && c < views->len; c++)
    g_ptr_array_add (self->columns, column_new (self, c, g_ptr_array_index (views, c)));
  self->driver = self->next_driver = -1;
  self->selection_column = self->selection_span = self->selection_group = -1;
  forget_pairs (self);
}

void
syn_scroll_sync_set_enabled (SynScrollSync *self,
                             gboolean       enabled)
{
  g_return_if_fail (self != NULL);

  self->enabled = !!enabled;
  if (self->enabled && self->driver < 0 && self->columns->len > 0)
    self->driver = 0;
  drop_offsets (self);
  syn_scroll_sync_follow (self);
}

gboolean
syn_scroll_sync_get_enabled (SynScrollSync *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->enabled;
}

void
syn_scroll_sync_set_driver (SynScrollSync *self,
                            int            column)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (column < (int) self->columns->len);

  self->next_driver = -1;
  if (column == self->driver)
    return;
  self->driver = column;
  keep_places (self);
}

void
syn_scroll_sync_lead_when_shown (SynScrollSync *self,
                                 int            column)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (column < (int) self->columns->len);

  if (column == self->driver || column == self->next_driver)
    return;
  /* Out of view, it follows until it is in view and laid out. */
  if (column >= 0 && self->driver >= 0 && self->enabled &&
      (column_at (self, column)->behind || !in_view (self, column_at (self, column))))
    {
      column_at (self, column)->behind = TRUE;
      self->next_driver = column;
      self->next_waited = 0;
      syn_scroll_sync_columns_moved (self);
      return;
    }
  syn_scroll_sync_set_driver (self, column);
}

int
syn_scroll_sync_get_driver (SynScrollSync *self)
{
  g_return_val_if_fail (self != NULL, -1);

  return self->next_driver >= 0 ? self->next_driver : self->driver;
}

void
syn_scroll_sync_set_selection (SynScrollSync *self,
                               int            column,
                               int            span)
{
  int group = -1;

  g_return_if_fail (self != NULL);
  g_return_if_fail (column < (int) self->columns->len);

  if (column >= 0)
    {
      group = syn_article_view_get_span (column_at (self, column)->view, span)->group;
      /* It is levelled: no column keeps another place. */
      drop_offsets (self);
    }
  if (column == self->selection_column && span == self->selection_span && group == self->selection_group)
    return;
  self->selection_column = column;
  self->selection_span = span;
  self->selection_group = group;
  /* The chains go through the selected group. */
  g_ptr_array_set_size (self->pairs, 0);
  g_ptr_array_set_size (self->pairs, self->columns->len * self->columns->len);
}

void
syn_scroll_sync_invalidate (SynScrollSync *self)
{
  g_return_if_fail (self != NULL);

  forget_pairs (self);
  drop_offsets (self);
}

void
syn_scroll_sync_set_visible_func (SynScrollSync           *self,
                                  SynScrollSyncVisibleFunc func,
                                  gpointer                 user_data)
{
  g_return_if_fail (self != NULL);

  self->visible_func = func;
  self->visible_data = user_data;
}

void
syn_scroll_sync_columns_moved (SynScrollSync *self)
{
  g_return_if_fail (self != NULL);

  if (self->enabled && self->driver >= 0 && self->tick == 0)
    self->tick = gtk_widget_add_tick_callback (self->owner, follow_tick_cb, self, NULL);
}
