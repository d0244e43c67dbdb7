/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The comparison view: what a reader sees. One column per source in its
 * own order, connector bands between neighbouring columns, a detail pane
 * with the selected group's versions stacked, and a slim bar with the
 * filters, navigation, search and the legend.
 *
 * Selection is the centre of it. Selecting a passage (a click, the
 * keyboard, the API) marks its group's passages in every column and
 * scrolls each column so that its counterpart stands level with the chosen
 * passage — the eye moves straight across. The selection is drawn under
 * the text rather than tagged, so it costs each column a redraw and no
 * relayout; scrolling goes through a mark per column.
 *
 * The view keeps, per group, the (column, span) pairs that carry it, built
 * once per alignment from the spans of each column; bands, navigation and
 * selection all read from that table.
 *
 * Scrolling one column scrolls the others to the corresponding passages
 * (syn-scroll-sync.c) unless the reader unlocks them. Every source stays
 * in reach however many there are: sideways scrolling by Shift+wheel and
 * touchpad, Alt+Left/Right from column to column, an overview of all
 * sources at the right (syn-source-map.c) and a fit-all (Ctrl+0). Its
 * keys are window-wide, so they work whatever has the focus.
 */
#define G_LOG_DOMAIN "syn-ui"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "syn-a11y.h"
#include "syn-article-column.h"
#include "syn-column-strip.h"
#include "syn-compat.h"
#include "syn-comparison-view-private.h"
#include "syn-language.h"
#include "syn-legend.h"
#include "syn-marks.h"
#include "syn-model.h"
#include "syn-scroll-sync.h"
#include "syn-source-map.h"

#define DETAIL_HEIGHT     210
#define DETAIL_MIN_HEIGHT 120
#define MAX_SCROLL_TRIES  20
#define MAX_PLACING_FRAMES 60
#define PLACE_HELD_FRAMES 4

typedef struct {
  guint column;
  guint span;
} Member;

struct _SynComparisonView
{
  GtkWidget          parent_instance;

  /* Template children */
  GtkWidget         *main_box;
  GtkLabel          *status_label;
  GtkToggleButton   *all_button;
  GtkToggleButton   *divergent_button;
  GtkToggleButton   *unique_button;
  GtkToggleButton   *conflicts_button;
  GtkLabel          *language_label;
  GtkToggleButton   *search_button;
  GtkMenuButton     *legend_button;
  GtkSearchBar      *search_bar;
  GtkSearchEntry    *search_entry;
  GtkLabel          *match_label;
  GtkPaned          *paned;
  GtkScrolledWindow *hscroller;
  SynColumnStrip    *strip;
  SynSourceMap      *source_map;
  SynGroupDetail    *detail;
  GtkWidget         *footer;

  SynComparison     *comparison;
  GtkSizeGroup      *header_group;
  GPtrArray         *views;        /* SynArticleView, one per column */
  GPtrArray         *members;      /* GArray of Member, one per group */

  int                anchor_column;
  int                anchor_span;
  SynGroup          *selected_group;

  gboolean           show_boilerplate;
  gboolean           divergent_only;
  gboolean           unique_only;
  gboolean           conflicts_only;

  int                current_match;
  int                match_column;    /* the current match's, or -1 */
  int                match_in_column; /* ... its index there */
  guint              match_tick;      /* scrolling to it once its column is on screen */
  guint              match_frames;
  int                search_column;   /* the column the search was opened from, or -1 */
  guint              n_matches;
  char              *last_needle;
  gboolean           paned_moved;
  gboolean           placing_paned;
  gboolean           allocating;
  guint              level_tick;
  gboolean           level_reveal;
  int                resume_column;   /* where a closed search left the reader, */
  int                resume_span;     /* for j and k to go on from, or -1 */
  gulong             layout_handler;   /* on the frame clock */
  guint              detail_tick;
  gint64             detail_frame;
  guint              restore_tick;
  GArray            *places;
  gboolean           syncing_filters;
  SynScrollSync     *sync;
  int                focus_pending;   /* column to focus once it is on screen */
  gboolean           focus_soft;      /* ... unless the reader has gone elsewhere by then */
  int                scroll_pending;  /* column to scroll once it is on screen */
  int                scroll_pending_span;
  guint              scroll_tries;
  guint              scroll_held;     /* frames it has stood there, its height unchanged */
  double             scroll_upper;
  guint              placing_tick;
  guint              placing_frames;
  GtkDropTarget     *drop_target;     /* a column being dragged over the strip */
  double             drop_x;          /* the pointer, in the visible part */
  guint              drop_tick;       /* scrolling while it rests near an edge */
};

G_DEFINE_FINAL_TYPE (SynComparisonView, syn_comparison_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_COMPARISON,
  PROP_SELECTED_GROUP,
  PROP_SHOW_BOILERPLATE,
  PROP_DIVERGENT_ONLY,
  PROP_UNIQUE_ONLY,
  PROP_CONFLICTS_ONLY,
  PROP_SCROLL_TOGETHER,
  PROP_FIT_COLUMNS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static SynArticleView *
view_at (SynComparisonView *self,
         guint              column)
{
  return g_ptr_array_index (self->views, column);
}

static const SynSpan *
span_at (SynComparisonView *self,
         guint              column,
         guint              span)
{
  return syn_article_view_get_span (view_at (self, column), span);
}

static GArray *
members_of (SynComparisonView *self,
            int                group)
{
  if (group < 0 || (guint) group >= self->members->len)
    return NULL;
  return g_ptr_array_index (self->members, group);
}

/* Selection ------------------------------------------------------------- */

static void
mark_selection (SynComparisonView *self,
                int                group)
{
  GArray *members = members_of (self, group);
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint c = 0; c < self->views->len; c++)
    {
      int focus = (int) c == self->anchor_column ? self->anchor_span : -1;

      g_array_set_size (spans, 0);
      for (guint i = 0; members != NULL && i < members->len; i++)
        if (g_array_index (members, Member, i).column == c)
          g_array_append_val (spans, g_array_index (members, Member, i).span);
      if (focus >= 0 && spans->len == 0)
        g_array_append_val (spans, focus);
      syn_article_view_set_selection (view_at (self, c), (guint *) spans->data, spans->len, focus);
    }
  for (guint c = 0; c + 1 < self->views->len; c++)
    syn_connector_bands_set_selected_group (syn_column_strip_get_bands (self->strip, c), group);
}

/* What a screen reader hears of each column: the chosen passage in its
 * own column (said at once, when @announce), the first counterpart in the
 * others (for when the reader moves there), else that it has none, and
 * the column's counts. */
static void
describe_columns (SynComparisonView *self,
                  gboolean           announce)
{
  int group = self->anchor_column >= 0 ? span_at (self, self->anchor_column, self->anchor_span)->group : -1;
  GArray *members = members_of (self, group);

  for (guint c = 0; c < self->views->len; c++)
    {
      int span = (int) c == self->anchor_column ? self->anchor_span : -1;

      for (guint i = 0; span < 0 && members != NULL && i < members->len; i++)
        if (g_array_index (members, Member, i).column == c)
          span = g_array_index (members, Member, i).span;
      syn_a11y_update_view (view_at (self, c), span, self->anchor_column >= 0,
                            announce && (int) c == self->anchor_column);
    }
}

static void level_columns (SynComparisonView *self, int group, gboolean reveal);

static gboolean
level_tick_cb (GtkWidget     *widget,
               GdkFrameClock *clock,
               gpointer       user_data)
{
  SynComparisonView *self = SYN_COMPARISON_VIEW (widget);

  self->level_tick = 0;
  if (self->anchor_column >= 0)
    level_columns (self, span_at (self, self->anchor_column, self->anchor_span)->group, self->level_reveal);
  return G_SOURCE_REMOVE;
}

/* Scrolls each other column's passage of the anchor's group (@members)
 * to @y below its top; the first of a column's passages is the one. */
static void
scroll_counterparts_to (SynComparisonView *self,
                        GArray            *members,
                        float              y)
{
  int done_column = -1;

  for (guint i = 0; members != NULL && i < members->len; i++)
    {
      const Member *m = &g_array_index (members, Member, i);

      if ((int) m->column == self->anchor_column || (int) m->column == done_column)
        continue;
      done_column = m->column;
      syn_article_view_scroll_span_to (view_at (self, m->column), m->span, y);
    }
}

/* Narrows [@lowest, @highest] to the heights in @view's window at which
 * passage @span's top can stand, the text scrolled anywhere it can be. */
static void
reachable (SynArticleView *view,
           guint           span,
           float          *lowest,
           float          *highest)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  double value = gtk_adjustment_get_value (adjustment);
  double top = value + syn_article_view_get_span_view_y (view, span);
  double last = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);
  float y, height;

  if (!syn_article_view_get_span_extent (view, span, &y, &height))
    return;
  *lowest = MAX (*lowest, top - MAX (last, gtk_adjustment_get_lower (adjustment)));
  *highest = MIN (*highest, top - gtk_adjustment_get_lower (adjustment));
}

/* Brings each column's counterpart level with the anchor passage. Before
 * the columns have a size there is no level to bring them to: then it
 * waits for the first frame. */
static void
level_columns (SynComparisonView *self,
               int                group,
               gboolean           reveal)
{
  GArray *members = members_of (self, group);
  float y;

  if (self->anchor_column < 0)
    return;
  if (gtk_widget_get_height (GTK_WIDGET (view_at (self, self->anchor_column))) <= 0)
    {
      if (self->level_tick == 0)
        self->level_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), level_tick_cb, NULL, NULL);
      return;
    }
  if (reveal)
    y = syn_article_view_reveal_span (view_at (self, self->anchor_column), self->anchor_span);
  else
    y = syn_article_view_get_span_view_y (view_at (self, self->anchor_column), self->anchor_span);
  if (members == NULL)
    return;
  /* A passage near the start of its text cannot come further down than
   * its text's top allows (nor one near the end further up): the height
   * they are levelled at is one every column can reach, the nearest to
   * where the chosen passage stands. */
  {
    float lowest = -G_MAXFLOAT, highest = G_MAXFLOAT;

    reachable (view_at (self, self->anchor_column), self->anchor_span, &lowest, &highest);
    for (guint i = 0; i < members->len; i++)
      {
        const Member *m = &g_array_index (members, Member, i);

        if ((int) m->column != self->anchor_column)
          reachable (view_at (self, m->column), m->span, &lowest, &highest);
      }
    if (lowest <= highest && (y < lowest || y > highest))
      {
        y = CLAMP (y, lowest, highest);
        syn_article_view_scroll_span_to (view_at (self, self->anchor_column), self->anchor_span, y);
      }
  }
  scroll_counterparts_to (self, members, y);
}

static void
set_selected_group_object (SynComparisonView *self,
                           int                group)
{
  g_autoptr(SynGroup) object = NULL;

  if (group >= 0 && self->comparison != NULL)
    object = g_list_model_get_item (syn_comparison_get_groups (self->comparison), group);
  if (object == self->selected_group)
    return;
  g_set_object (&self->selected_group, object);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_GROUP]);
}

/* The detail pane keeps its height as the window grows, until the reader
 * drags the handle; then the handle stays where it was put. */
static gboolean
place_detail (SynComparisonView *self)
{
  int height = gtk_widget_get_height (GTK_WIDGET (self->paned));
  int position;

  /* A paned with one child shown has no handle to place. */
  if (self->paned_moved || height <= 0 || !gtk_widget_get_visible (GTK_WIDGET (self->detail)))
    return FALSE;
  /* Room for every version, up to two fifths of the window (the columns
   * come first, and the rest scrolls); at least a fifth of a tall window. */
  {
    int natural = 0;

    gtk_widget_measure (GTK_WIDGET (self->detail), GTK_ORIENTATION_VERTICAL,
                        gtk_widget_get_width (GTK_WIDGET (self->paned)), NULL, &natural, NULL, NULL);
    position = height - CLAMP (MAX (natural, height / 5), DETAIL_MIN_HEIGHT, MAX (DETAIL_HEIGHT, height * 2 / 5));
  }
  if (position == gtk_paned_get_position (self->paned))
    return FALSE;
  self->placing_paned = TRUE;
  gtk_paned_set_position (self->paned, position);
  self->placing_paned = FALSE;
  return TRUE;
}

static void
paned_position_cb (SynComparisonView *self)
{
  /* The paned moves its handle itself while it is allocated; only a move
   * outside an allocation is the reader's. */
  if (!self->placing_paned && !self->allocating && gtk_widget_get_height (GTK_WIDGET (self->paned)) > 0)
    self->paned_moved = TRUE;
}

static void
level_after_layout_cb (GdkFrameClock     *clock,
                       SynComparisonView *self)
{
  g_clear_signal_handler (&self->layout_handler, clock);
  if (self->anchor_column >= 0)
    level_columns (self, span_at (self, self->anchor_column, self->anchor_span)->group, TRUE);
}

/* The detail pane shows while something is selected; otherwise a one-line
 * footer takes its place, and the columns its height. The pane opening
 * shortens the columns, so they are levelled again once laid out in this
 * frame (the frame clock repeats its layout phase for the scrolling), with
 * the chosen passage kept in view. */
static void
update_detail (SynComparisonView *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  SynPassage *passage = NULL;
  gboolean open;

  if (self->anchor_column >= 0)
    passage = span_at (self, self->anchor_column, self->anchor_span)->passage;
  syn_group_detail_show (self->detail, self->comparison, self->selected_group, passage);
  open = passage != NULL;
  if (open == gtk_widget_get_visible (GTK_WIDGET (self->detail)))
    return;
  gtk_widget_set_visible (GTK_WIDGET (self->detail), open);
  gtk_widget_set_visible (self->footer, !open);
  if (open && clock != NULL && self->layout_handler == 0)
    self->layout_handler = g_signal_connect_object (clock, "layout", G_CALLBACK (level_after_layout_cb), self,
                                                    G_CONNECT_AFTER);
}

static gboolean
update_detail_cb (GtkWidget     *widget,
                  GdkFrameClock *clock,
                  gpointer       user_data)
{
  SynComparisonView *self = SYN_COMPARISON_VIEW (widget);

  /* The frame that paints the columns goes first. */
  if (gdk_frame_clock_get_frame_counter (clock) <= self->detail_frame + 1)
    return G_SOURCE_CONTINUE;
  self->detail_tick = 0;
  update_detail (self);
  return G_SOURCE_REMOVE;
}

/* The detail pane follows in the frame after the columns: re-wrapping a
 * version per source costs more than everything else a selection does,
 * and the columns are what the reader is looking at. A tick callback,
 * not an idle, so that a busy frame clock cannot starve it. */
static void
queue_detail (SynComparisonView *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (clock == NULL)
    {
      update_detail (self);
      return;
    }
  self->detail_frame = gdk_frame_clock_get_frame_counter (clock);
  if (self->detail_tick == 0)
    self->detail_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), update_detail_cb, NULL, NULL);
}

static void
select_span (SynComparisonView *self,
             int                column,
             int                span,
             gboolean           reveal)
{
  const SynSpan *s = NULL;
  int group = -1;

  self->anchor_column = column;
  self->anchor_span = span;
  self->level_reveal = reveal;
  self->resume_column = self->resume_span = -1;
  if (column >= 0)
    {
      s = span_at (self, column, span);
      group = s->group;
    }
  if (self->sync != NULL)
    {
      /* The chosen passage's column leads; the others level with it. */
      if (column >= 0)
        syn_scroll_sync_set_driver (self->sync, column);
      syn_scroll_sync_set_selection (self->sync, column, span);
    }
  mark_selection (self, group);
  describe_columns (self, TRUE);
  level_columns (self, group, reveal);
  set_selected_group_object (self, group);
  queue_detail (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.clear-selection", column >= 0);
}

static void
clear_selection (SynComparisonView *self)
{
  select_span (self, -1, -1, FALSE);
}

static void
span_activated_cb (SynComparisonView *self,
                   guint              span,
                   SynArticleView    *view)
{
  guint column;

  if (g_ptr_array_find (self->views, view, &column))
    select_span (self, column, span, FALSE);
}

static void
band_group_activated_cb (SynComparisonView *self,
                         int                group)
{
  g_autoptr(SynGroup) object = NULL;

  if (self->comparison == NULL)
    return;
  object = g_list_model_get_item (syn_comparison_get_groups (self->comparison), group);
  syn_comparison_view_set_selected_group (self, object);
}

/* Navigation ------------------------------------------------------------ */

typedef gboolean (*SpanFilter) (SynComparisonView *self,
                                guint              column,
                                guint              span);

static gboolean
is_passage_stop (SynComparisonView *self,
                 guint              column,
                 guint              span)
{
  const SynSpan *s = span_at (self, column, span);

  return !s->boilerplate && syn_article_view_span_is_shown (view_at (self, column), span);
}

static SynFilter current_filter (SynComparisonView *self);

static gboolean
is_divergence_stop (SynComparisonView *self,
                    guint              column,
                    guint              span)
{
  const SynSpan *s = span_at (self, column, span);

  /* A passage only one source carries is the largest divergence of all;
   * under a filter, only what it asks for (not the titles it shows). */
  return is_passage_stop (self, column, span) && (s->divergent || s->unique) &&
         (current_filter (self) == SYN_FILTER_ALL || s->kept);
}

/* The column holding the window's focus widget. Asked of the root, not of
 * the widget: a window that is not the active one (a dialog over it, the
 * moment before the window manager's focus arrives) still knows where
 * its focus is, and a key press can reach it then. */
static int
focused_column (SynComparisonView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  for (guint c = 0; focus != NULL && c < self->views->len; c++)
    if (focus == GTK_WIDGET (view_at (self, c)))
      return c;
  return -1;
}

/* Steps through the column the reader is in (the one with the keyboard
 * focus, else the selection's, else the first): from the selected passage,
 * or from the top of what the column shows. */
static void
step (SynComparisonView *self,
      int                direction,
      SpanFilter         filter)
{
  int focused = focused_column (self);
  int column, n, span, from_group = -1;

  if (self->views->len == 0)
    return;
  column = focused >= 0 ? focused : MAX (self->anchor_column, 0);
  n = syn_article_view_get_n_spans (view_at (self, column));
  if (column == self->anchor_column)
    {
      span = self->anchor_span;
      from_group = span_at (self, column, span)->group;
    }
  /* After a search, from the passage of the match it went to. */
  else if (column == self->resume_column && self->resume_span >= 0 && self->resume_span < n)
    span = self->resume_span - direction;
  else
    {
      span = syn_article_view_get_first_visible_span (view_at (self, column));
      span = span < 0 ? (direction > 0 ? -1 : n) : span - direction;
    }
  for (span += direction; span >= 0 && span < n; span += direction)
    {
      /* Several passages of one group in a row count as one stop. */
      if (filter == is_divergence_stop && from_group >= 0 && span_at (self, column, span)->group == from_group)
        continue;
      if (filter (self, column, span))
        {
          select_span (self, column, span, TRUE);
          return;
        }
    }
  gtk_widget_error_bell (GTK_WIDGET (self));
}

/* view.move-source((column, position)): a column to another place. */
static void
move_source_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SynComparisonView *self = SYN_COMPARISON_VIEW (widget);
  g_autoptr(SynArticle) article = NULL;
  int column, position;

  g_variant_get (parameter, "(ii)", &column, &position);
  if (self->comparison == NULL || column < 0 || position < 0)
    return;
  article = g_list_model_get_item (syn_comparison_get_articles (self->comparison), column);
  if (article != NULL)
    syn_comparison_move_article_async (self->comparison, article, position, NULL, NULL, NULL);
}

/* Dropping a column dragged by its header (syn-article-column.c). The
 * strip shows the gap where it would land; the drop moves the source
 * there through view.move-source, as the header's Move Left/Right do,
 * so that the order is kept and saved the same way. A gap either side
 * of the dragged column itself would leave it where it is: no bar. */
#define DROP_EDGE   64   /* pixels from the scroller's edge that scroll it */
#define DROP_SPEED  18   /* pixels a frame at the very edge */

static int
dragged_column (SynComparisonView *self,
                GtkDropTarget     *target)
{
  const GValue *value = gtk_drop_target_get_value (target);
  guint index;

  if (value == NULL || !G_VALUE_HOLDS (value, SYN_TYPE_ARTICLE_COLUMN) ||
      !g_ptr_array_find (self->views, syn_article_column_get_view (g_value_get_object (value)), &index))
    return -1;
  return (int) index;
}

static void
show_drop_gap (SynComparisonView *self,
               GtkDropTarget     *target,
               double             x)
{
  int gap = syn_column_strip_gap_at (self->strip, x);
  int from = dragged_column (self, target);

  if (from >= 0 && (gap == from || gap == from + 1))
    gap = -1;
  syn_column_strip_set_drop_gap (self->strip, gap);
}

/* How far to scroll this frame for a pointer @x pixels into the visible
 * part of the strip: faster the nearer the edge, nothing away from it. */
static double
edge_speed (GtkAdjustment *adjustment,
            double         x)
{
  double page = gtk_adjustment_get_page_size (adjustment);

  if (x < DROP_EDGE)
    return -DROP_SPEED * (DROP_EDGE - MAX (x, 0)) / DROP_EDGE;
  if (x > page - DROP_EDGE)
    return DROP_SPEED * (x - (page - DROP_EDGE)) / DROP_EDGE;
  return 0;
}

/* While the pointer rests near either edge of the visible part, the strip
 * scrolls on, frame by frame, so that a column can be carried to a place
 * off screen; the gap follows what passes under the pointer. */
static gboolean
drop_scroll_tick_cb (GtkWidget     *widget,
                     GdkFrameClock *clock,
                     gpointer       user_data)
{
  SynComparisonView *self = SYN_COMPARISON_VIEW (widget);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_hadjustment (self->hscroller);
  double speed = edge_speed (adjustment, self->drop_x);

  if (speed == 0 || self->drop_target == NULL)
    {
      self->drop_tick = 0;
      return G_SOURCE_REMOVE;
    }
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + speed);
  show_drop_gap (self, self->drop_target, gtk_adjustment_get_value (adjustment) + self->drop_x);
  return G_SOURCE_CONTINUE;
}

static void
stop_drop_scroll (SynComparisonView *self)
{
  if (self->drop_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->drop_tick);
  self->drop_tick = 0;
  self->drop_target = NULL;
}

static GdkDragAction
drop_motion_cb (SynComparisonView *self,
                double             x,
                double             y,
                GtkDropTarget     *target)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_hadjustment (self->hscroller);

  show_drop_gap (self, target, x);
  self->drop_target = target;
  self->drop_x = x - gtk_adjustment_get_value (adjustment);
  if (self->drop_tick == 0 && edge_speed (adjustment, self->drop_x) != 0)
    self->drop_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), drop_scroll_tick_cb, NULL, NULL);
  return GDK_ACTION_MOVE;
}

static void
drop_leave_cb (SynComparisonView *self)
{
  stop_drop_scroll (self);
  syn_column_strip_set_drop_gap (self->strip, -1);
}

static gboolean
drop_cb (SynComparisonView *self,
         const GValue      *value,
         double             x,
         double             y,
         GtkDropTarget     *target)
{
  int gap = syn_column_strip_gap_at (self->strip, x);
  guint from;

  stop_drop_scroll (self);
  syn_column_strip_set_drop_gap (self->strip, -1);
  if (!G_VALUE_HOLDS (value, SYN_TYPE_ARTICLE_COLUMN) || gap < 0 ||
      !g_ptr_array_find (self->views, syn_article_column_get_view (g_value_get_object (value)), &from))
    return FALSE;
  /* the gap counts the dragged column; the position does not */
  if (gap > (int) from)
    gap--;
  if (gap != (int) from)
    gtk_widget_activate_action (GTK_WIDGET (self), "view.move-source", "(ii)", (int) from, gap);
  return TRUE;
}

static void
add_drop_target (SynComparisonView *self)
{
  GtkDropTarget *target = gtk_drop_target_new (SYN_TYPE_ARTICLE_COLUMN, GDK_ACTION_MOVE);

  gtk_drop_target_set_preload (target, TRUE);
  g_signal_connect_object (target, "motion", G_CALLBACK (drop_motion_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (target, "leave", G_CALLBACK (drop_leave_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (target, "drop", G_CALLBACK (drop_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->strip), GTK_EVENT_CONTROLLER (target));
}

static void
next_divergence_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  step (SYN_COMPARISON_VIEW (widget), 1, is_divergence_stop);
}

static void
previous_divergence_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  step (SYN_COMPARISON_VIEW (widget), -1, is_divergence_stop);
}

static void
next_passage_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  step (SYN_COMPARISON_VIEW (widget), 1, is_passage_stop);
}

static void
previous_passage_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  step (SYN_COMPARISON_VIEW (widget), -1, is_passage_stop);
}

/* Enter opens the fold line after the selected passage (the next one
 * below it), or failing that the first one in view in the reader's
 * column: fold lines are drawn, not widgets, and this is their way in
 * from the keyboard. Not one above the selection while there is one
 * below: what it holds would push the selected passage out of view. */
static void
open_fold_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SynComparisonView *self = SYN_COMPARISON_VIEW (widget);
  int column = focused_column (self), fold = -1, first;
  SynArticleView *view;

  if (column < 0)
    column = self->anchor_column;
  if (column < 0)
    return;
  view = view_at (self, column);
  for (int span = self->anchor_span;
       column == self->anchor_column && fold < 0 && (guint) span < syn_article_view_get_n_spans (view); span++)
    fold = syn_article_view_get_fold_after (view, span);
  for (first = syn_article_view_get_first_visible_span (view);
       fold < 0 && first >= 0 && (guint) first < syn_article_view_get_n_spans (view); first++)
    fold = syn_article_view_get_fold_after (view, first);
  if (fold < 0)
    {
      gtk_widget_error_bell (widget);
      return;
    }
  syn_article_view_open_fold (view, fold);
}

static void
clear_selection_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  clear_selection (SYN_COMPARISON_VIEW (widget));
}

/* Across the columns ----------------------------------------------------- */

/* Scrolls the strip sideways so that column @column is in full view (or
 * its start, when it is wider than the view). */
static void
reveal_column (SynComparisonView *self,
               guint              column)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_hadjustment (self->hscroller);
  double value = gtk_adjustment_get_value (adjustment), page = gtk_adjustment_get_page_size (adjustment);
  int x, width;

  if (!syn_column_strip_get_column_extent (self->strip, column, &x, &width))
    return;
  /* Bands either side stay in view: they show where the column's
   * passages go. */
  x -= 24;
  width += 48;
  if (x + width > value + page)
    value = x + width - page;
  if (x < value)
    value = x;
  gtk_adjustment_set_value (adjustment, value);
}

/* Whether column @column is on screen, with a size: a column scrolled
 * into view is mapped and allocated when the strip next is. */
static gboolean
is_placed (SynComparisonView *self,
           int                column)
{
  GtkWidget *view = GTK_WIDGET (view_at (self, column));

  return gtk_widget_get_mapped (view) && gtk_widget_get_height (view) > 0;
}

/* Scrolls @view so that span @index stands @y pixels down, by where its
 * lines are estimated to be. A text view keeps a scroll to a mark until
 * it has laid out every line, which in a long text a column that only
 * came into view sideways may wait for long; for a jump from the
 * overview, the estimate is near enough, and it is exact once the lines
 * on screen are laid out. */
static void
scroll_to_estimate (SynArticleView *view,
                    guint           index,
                    double          y)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  GdkRectangle visible;
  float top, height;

  if (!syn_article_view_get_span_extent (view, index, &top, &height))
    return;
  gtk_text_view_get_visible_rect (GTK_TEXT_VIEW (view), &visible);
  /* The adjustment counts from above the text view's top margin. */
  gtk_adjustment_set_value (adjustment, top + (floor (gtk_adjustment_get_value (adjustment)) - visible.y) - y);
}

/* Is the reader typing (in the search entry, a rename)? */
static gboolean
typing (SynComparisonView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && GTK_IS_EDITABLE (focus);
}

/* Where the keyboard goes when the columns are made anew: into the column
 * it was in (or the first, when it was outside the comparison, as at
 * start-up), so that the arrows, Page Down and Space read the text at
 * once, as in Meld. Not while the reader types somewhere else. */
static int
column_to_focus (SynComparisonView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  int column = focused_column (self);

  if (column >= 0)
    return column;
  if (typing (self) || (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self))))
    return -1;
  return 0;
}

/* Does what waited for a column to come on screen (the focus, a
 * scroll) where it now is; TRUE while something still waits. */
static gboolean
place_pending (SynComparisonView *self)
{
  SynArticleView *view;

  if (self->focus_pending >= (int) self->views->len || self->scroll_pending >= (int) self->views->len)
    self->focus_pending = self->scroll_pending = -1;
  if (self->focus_pending >= 0 && is_placed (self, self->focus_pending))
    {
      if (!self->focus_soft || !typing (self))
        gtk_widget_grab_focus (GTK_WIDGET (view_at (self, self->focus_pending)));
      self->focus_pending = -1;
    }
  if (self->scroll_pending >= 0 && is_placed (self, self->scroll_pending))
    {
      double target;

      GtkAdjustment *adjustment;
      double upper;

      view = view_at (self, self->scroll_pending);
      adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
      upper = gtk_adjustment_get_upper (adjustment);
      target = gtk_widget_get_height (GTK_WIDGET (view)) / 3.0;
      /* Each frame lays out the lines the last estimate brought on
       * screen and corrects the estimates: a few rounds converge. The
       * text view goes on laying out the rest of the text in the
       * background, and lines above taking their real heights can carry
       * the passage away again: it is there once it has stayed there for
       * a few frames while the text's height held. */
      if (self->scroll_tries >= MAX_SCROLL_TRIES)
        self->scroll_pending = -1;
      else if (fabs (syn_article_view_get_span_view_y (view, self->scroll_pending_span) - target) > 1)
        {
          self->scroll_tries++;
          self->scroll_held = 0;
          scroll_to_estimate (view, self->scroll_pending_span, target);
        }
      else if (upper != self->scroll_upper)
        self->scroll_held = 0;
      else if (++self->scroll_held >= PLACE_HELD_FRAMES)
        self->scroll_pending = -1;
      self->scroll_upper = upper;
    }
  return self->focus_pending >= 0 || self->scroll_pending >= 0;
}

static gboolean
placing_tick_cb (GtkWidget     *widget,
                 GdkFrameClock *clock,
                 gpointer       user_data)
{
  SynComparisonView *self = SYN_COMPARISON_VIEW (widget);

  /* A tick callback asks for frame after frame: never for long. */
  if (place_pending (self) && ++self->placing_frames < MAX_PLACING_FRAMES)
    return G_SOURCE_CONTINUE;
  self->focus_pending = self->scroll_pending = -1;
  self->placing_tick = 0;
  return G_SOURCE_REMOVE;
}

static void
wait_for_placing (SynComparisonView *self)
{
  self->placing_frames = 0;
  if (self->placing_tick == 0)
    self->placing_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), placing_tick_cb, NULL, NULL);
}

/* Gives column @column the keyboard focus, scrolled into view. */
static void
focus_column (SynComparisonView *self,
              guint              column)
{
  GtkWidget *view = GTK_WIDGET (view_at (self, column));

  reveal_column (self, column);
  syn_scroll_sync_lead_when_shown (self->sync, column);
  if (gtk_widget_get_mapped (view))
    {
      gtk_widget_grab_focus (view);
      return;
    }
  self->focus_pending = column;
  self->focus_soft = FALSE;
  wait_for_placing (self);
}

static void
step_column (SynComparisonView *self,
             int                direction)
{
  int from = focused_column (self), to;

  if (from < 0)
    from = self->focus_pending >= 0 ? self->focus_pending : self->anchor_column;
  /* From outside the columns: the first (or last) is the next. */
  if (from < 0)
    to = direction > 0 ? 0 : (int) self->views->len - 1;
  else
    to = from + direction;
  if (to < 0 || to >= (int) self->views->len)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  focus_column (self, to);
}

static void
next_column_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  step_column (SYN_COMPARISON_VIEW (widget), 1);
}

static void
previous_column_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  step_column (SYN_COMPARISON_VIEW (widget), -1);
}

/* Shift+wheel, and a touchpad's sideways swipe, over the columns scroll
 * the strip sideways. Caught before the column under the pointer, which
 * would scroll (or swallow) it. */
static gboolean
sideways_scroll_cb (SynComparisonView        *self,
                    double                    dx,
                    double                    dy,
                    GtkEventControllerScroll *controller)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_hadjustment (self->hscroller);
  double delta, step = 1;

  if (state & GDK_SHIFT_MASK)
    delta = dx != 0 ? dx : dy;
  else if (fabs (dx) > fabs (dy))
    delta = dx;
  else
    return GDK_EVENT_PROPAGATE;
  /* A wheel's notch moves as far as GTK's own scrollers move for it. */
  if (gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL)
    step = pow (gtk_adjustment_get_page_size (adjustment), 2.0 / 3.0);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + delta * step);
  return GDK_EVENT_STOP;
}

/* The reader scrolls, clicks or presses a key among the columns: a
 * column still being placed (a jump from the overview settling while the
 * text is laid out) is theirs now. */
static gboolean
reader_input_cb (SynComparisonView *self,
                 GdkEvent          *event)
{
  switch ((int) gdk_event_get_event_type (event))
    {
    case GDK_SCROLL:
    case GDK_BUTTON_PRESS:
    case GDK_TOUCH_BEGIN:
    case GDK_KEY_PRESS:
      self->scroll_pending = -1;
      break;
    default:
      break;
    }
  return GDK_EVENT_PROPAGATE;
}

/* Is column @column (a part of it at least) in the strip's view? For the
 * overview's lighter bars. */
static gboolean
column_in_view (guint    column,
                gpointer user_data)
{
  SynComparisonView *self = user_data;
  GtkAdjustment *adjustment = gtk_scrolled_window_get_hadjustment (self->hscroller);
  double value = gtk_adjustment_get_value (adjustment);
  int x, width;

  return syn_column_strip_get_column_extent (self->strip, column, &x, &width) &&
         x + width > value && x < value + gtk_adjustment_get_page_size (adjustment);
}

/* The strip scrolled sideways, or its width changed: the columns that
 * came into view were not following the others while out of it. */
static void
strip_moved_cb (SynComparisonView *self)
{
  if (self->sync != NULL)
    syn_scroll_sync_columns_moved (self->sync);
}

/* A click on the overview: that source's column comes into view, scrolled
 * to the passage at that point of its text, and the others follow it. */
static void
map_position_cb (SynComparisonView *self,
                 guint              column,
                 double             fraction)
{
  SynArticleView *view;
  int total, span = -1;

  if (column >= self->views->len)
    return;
  view = view_at (self, column);
  total = gtk_text_buffer_get_char_count (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)));
  for (guint i = 0; i < syn_article_view_get_n_spans (view); i++)
    {
      const SynSpan *s = syn_article_view_get_span (view, i);

      if (s->collapsed)
        continue;
      if (span >= 0 && s->start > fraction * total)
        break;
      span = i;
    }
  reveal_column (self, column);
  syn_scroll_sync_set_driver (self->sync, column);
  if (span < 0)
    return;
  self->scroll_pending = column;
  self->scroll_pending_span = span;
  self->scroll_tries = 0;
  self->scroll_held = 0;
  self->scroll_upper = -1;
  if (place_pending (self))
    wait_for_placing (self);
}

/* Enter on a source in the overview: its column, with the focus. */
static void
map_column_cb (SynComparisonView *self,
               guint              column)
{
  if (column < self->views->len)
    focus_column (self, column);
}

typedef struct {
  const char *trigger;
  const char *action;
} Shortcut;

static GtkEventController *
window_shortcuts (const Shortcut    *shortcuts,
                  guint              n_shortcuts,
                  GtkPropagationPhase phase)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_GLOBAL);
  gtk_event_controller_set_propagation_phase (controller, phase);
  for (guint i = 0; i < n_shortcuts; i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_shortcut_trigger_parse_string (shortcuts[i].trigger),
                                                            gtk_named_action_new (shortcuts[i].action)));
  return controller;
}

/* Window-wide keys: wherever the focus is (nowhere at start-up, a column,
 * the header bar, a toolbar button, the search entry), these reach the
 * view. Most are taken before the focused widget sees them: the paned
 * around the columns would take F8 for its handle, which would make the
 * key the status line names do nothing while a column has the focus.
 * Escape, j and k come after, so that the search entry and popups keep
 * theirs. Down and Up stay with the columns (see add_view_shortcuts()):
 * elsewhere they move the focus. */
static void
add_window_shortcuts (SynComparisonView *self)
{
  static const Shortcut first[] = {
    { "F8|<Alt>Down", "view.next-divergence" },
    { "<Shift>F8|<Alt>Up", "view.previous-divergence" },
    { "<Control>f", "view.search" },
    { "<Alt>Right", "view.next-column" },
    { "<Alt>Left", "view.previous-column" },
    { "<Control>0", "view.fit-columns" },
  };
  static const Shortcut last[] = {
    { "Escape", "view.clear-selection" },
    { "j", "view.next-passage" },
    { "k", "view.previous-passage" },
  };
  GtkEventController *controller;

  gtk_widget_add_controller (GTK_WIDGET (self), window_shortcuts (first, G_N_ELEMENTS (first), GTK_PHASE_CAPTURE));
  gtk_widget_add_controller (GTK_WIDGET (self), window_shortcuts (last, G_N_ELEMENTS (last), GTK_PHASE_BUBBLE));

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "scroll", G_CALLBACK (sideways_scroll_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->hscroller), controller);

  controller = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "event", G_CALLBACK (reader_input_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->hscroller), controller);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SynComparisonView *self = SYN_COMPARISON_VIEW (widget);

  if (!gtk_search_bar_get_search_mode (self->search_bar))
    self->search_column = focused_column (self);
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* The full legend is made when first asked for: nothing of it is on
 * screen when the window first shows. */
static void
create_legend_popup (GtkMenuButton *button,
                     gpointer       user_data)
{
  GtkWidget *popover = gtk_popover_new ();

  gtk_popover_set_child (GTK_POPOVER (popover), syn_legend_new (FALSE));
  gtk_menu_button_set_popover (button, popover);
}

static void
show_legend_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  gtk_menu_button_popup (SYN_COMPARISON_VIEW (widget)->legend_button);
}

/* Search ---------------------------------------------------------------- */

static void
update_match_label (SynComparisonView *self)
{
  g_autofree char *text = NULL;
  const char *needle = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (needle[0] == '\0')
    text = g_strdup ("");
  else if (self->n_matches == 0)
    text = g_strdup (_("No matches"));
  else if (self->current_match < 0)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u match", "%u matches", self->n_matches),
                            self->n_matches);
  else
    /* Translators: "3 of 12" matches */
    text = g_strdup_printf (_("%d of %u"), self->current_match + 1, self->n_matches);
  gtk_label_set_text (self->match_label, text);
  /* heard where the reader is typing, and said at once where GTK can */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
  syn_compat_accessible_announce (GTK_ACCESSIBLE (self->search_entry), text);
}

static void
run_search (SynComparisonView *self,
            const char        *needle)
{
  if (g_strcmp0 (needle, self->last_needle) == 0)
    return;
  g_free (self->last_needle);
  self->last_needle = g_strdup (needle);
  self->n_matches = 0;
  self->current_match = -1;
  self->match_column = -1;
  for (guint c = 0; c < self->views->len; c++)
    self->n_matches += syn_article_view_search (view_at (self, c), needle);
  update_match_label (self);
}

static void
search_changed_cb (SynComparisonView *self)
{
  run_search (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

/* A text view that is not on screen cannot scroll to a match: a column
 * that comes into view sideways for one is scrolled to it once it is
 * there (a frame or two; never waited for long). */
static gboolean
match_tick_cb (GtkWidget     *widget,
               GdkFrameClock *clock,
               gpointer       user_data)
{
  SynComparisonView *self = SYN_COMPARISON_VIEW (widget);
  gboolean valid = self->match_column >= 0 && (guint) self->match_column < self->views->len;

  if (valid && !is_placed (self, self->match_column) && ++self->match_frames < MAX_PLACING_FRAMES)
    return G_SOURCE_CONTINUE;
  self->match_tick = 0;
  if (valid && is_placed (self, self->match_column) &&
      self->match_in_column < (int) syn_article_view_get_n_matches (view_at (self, self->match_column)))
    syn_article_view_set_current_match (view_at (self, self->match_column), self->match_in_column);
  return G_SOURCE_REMOVE;
}

/* Makes match @index (counted across all columns, column by column) the
 * current one, its column brought into view: with many sources it may be
 * far to the right. */
static void
go_to_match (SynComparisonView *self,
             int                index)
{
  int base = 0;

  for (guint c = 0; c < self->views->len; c++)
    {
      SynArticleView *view = view_at (self, c);
      int n = syn_article_view_get_n_matches (view);

      syn_article_view_set_current_match (view, index >= base && index < base + n ? index - base : -1);
      if (index >= base && index < base + n)
        {
          syn_scroll_sync_set_driver (self->sync, c);
          reveal_column (self, c);
          self->match_column = c;
          self->match_in_column = index - base;
          if (!is_placed (self, c) && self->match_tick == 0)
            {
              self->match_frames = 0;
              self->match_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), match_tick_cb, NULL, NULL);
            }
        }
      base += n;
    }
  self->current_match = index;
  update_match_label (self);
}

static void
search_next_cb (SynComparisonView *self)
{
  if (self->n_matches == 0)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  go_to_match (self, (self->current_match + 1) % self->n_matches);
}

static void
search_previous_cb (SynComparisonView *self)
{
  if (self->n_matches == 0)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  go_to_match (self, self->current_match <= 0 ? (int) self->n_matches - 1 : self->current_match - 1);
}

static void
stop_search_cb (SynComparisonView *self)
{
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

/* The search closed with the keyboard in it: the keyboard goes to the
 * column of the match the reader went to, else back to the column it
 * came from (or the first), so that the arrows and Page Down read on
 * there. Left to GTK, it lands on a column's rename button. */
static void
return_from_search (SynComparisonView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  int column = self->match_column >= 0 ? self->match_column : self->search_column;

  if (self->views->len == 0 || (focus != NULL && !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->search_bar))))
    return;
  focus_column (self, column >= 0 && (guint) column < self->views->len ? (guint) column : 0);
}

static void
search_mode_cb (SynComparisonView *self)
{
  if (!gtk_search_bar_get_search_mode (self->search_bar))
    {
      return_from_search (self);
      self->resume_column = self->match_column;
      self->resume_span = self->match_column >= 0 && (guint) self->match_column < self->views->len
                            ? syn_article_view_get_current_match_span (view_at (self, self->match_column))
                            : -1;
      run_search (self, NULL);
    }
  else
    search_changed_cb (self);
}

/* Filters --------------------------------------------------------------- */

static SynFilter
current_filter (SynComparisonView *self)
{
  if (self->divergent_only)
    return SYN_FILTER_REWORDED;
  if (self->conflicts_only)
    return SYN_FILTER_CONFLICTS;
  if (self->unique_only)
    return SYN_FILTER_ADDED;
  return SYN_FILTER_ALL;
}

static int focused_column (SynComparisonView *self);

/* The selected passage's place on screen before a filter changes what is
 * shown: in the column the reader is in where it has a copy (the column it
 * was chosen in may be far out of view), else where it was chosen. It
 * becomes the anchor. The height is where it stood, or a quarter down
 * when it was not on screen. */
static float
selection_place (SynComparisonView *self)
{
  int focused = focused_column (self), group;
  GArray *members;
  GdkRectangle visible;
  float y;

  group = span_at (self, self->anchor_column, self->anchor_span)->group;
  members = members_of (self, group);
  for (guint i = 0; focused >= 0 && focused != self->anchor_column && members != NULL && i < members->len; i++)
    {
      const Member *m = &g_array_index (members, Member, i);

      if ((int) m->column == focused)
        {
          self->anchor_column = focused;
          self->anchor_span = m->span;
          syn_scroll_sync_set_driver (self->sync, focused);
          syn_scroll_sync_set_selection (self->sync, focused, m->span);
          break;
        }
    }
  gtk_text_view_get_visible_rect (GTK_TEXT_VIEW (view_at (self, self->anchor_column)), &visible);
  y = syn_article_view_get_span_view_y (view_at (self, self->anchor_column), self->anchor_span);
  return y >= 0 && y < visible.height * 3 / 4 ? y : visible.height / 4.0f;
}

/* After a filter: the selected passage back at @y and its counterparts
 * level with it. The text views scroll to their passages once they have
 * laid the lines around them out again. */
static void
place_selection (SynComparisonView *self,
                 float              y)
{
  if (!syn_article_view_span_is_shown (view_at (self, self->anchor_column), self->anchor_span))
    return;
  syn_article_view_scroll_span_to (view_at (self, self->anchor_column), self->anchor_span, y);
  scroll_counterparts_to (self, members_of (self, span_at (self, self->anchor_column, self->anchor_span)->group), y);
}

static void
apply_filters (SynComparisonView *self)
{
  float selection_y = self->anchor_column >= 0 ? selection_place (self) : 0;

  for (guint c = 0; c < self->views->len; c++)
    syn_article_view_set_filter (view_at (self, c), self->show_boilerplate, current_filter (self));
  for (guint c = 0; c + 1 < self->views->len; c++)
    gtk_widget_queue_draw (GTK_WIDGET (syn_column_strip_get_bands (self->strip, c)));
  /* Collapsed passages pair with nothing. */
  syn_scroll_sync_invalidate (self->sync);
  /* The text above the selected passage has closed up or opened out:
   * it stays where it stood, level with its counterparts. */
  if (self->anchor_column >= 0)
    place_selection (self, selection_y);

  self->syncing_filters = TRUE;
  gtk_toggle_button_set_active (self->divergent_button, self->divergent_only);
  gtk_toggle_button_set_active (self->unique_button, self->unique_only);
  gtk_toggle_button_set_active (self->conflicts_button, self->conflicts_only);
  gtk_toggle_button_set_active (self->all_button, current_filter (self) == SYN_FILTER_ALL);
  self->syncing_filters = FALSE;
  describe_columns (self, FALSE);
}

/* A fold opened in one column: its passages pair with the others again. */
static void
fold_opened_cb (SynComparisonView *self)
{
  for (guint c = 0; c + 1 < self->views->len; c++)
    gtk_widget_queue_draw (GTK_WIDGET (syn_column_strip_get_bands (self->strip, c)));
  syn_scroll_sync_invalidate (self->sync);
  describe_columns (self, FALSE);
}

static void
filter_toggled_cb (SynComparisonView *self,
                   GtkToggleButton   *button)
{
  if (self->syncing_filters || !gtk_toggle_button_get_active (button))
    return;
  syn_comparison_view_set_divergent_only (self, button == self->divergent_button);
  syn_comparison_view_set_unique_only (self, button == self->unique_button);
  syn_comparison_view_set_conflicts_only (self, button == self->conflicts_button);
}

/* Building -------------------------------------------------------------- */

/* "23 passages shared: 5 same · 12 reworded · 2 with added content ·
 * 4 conflicts · 7 only in one source", the categories the filters use. */
static void
update_status (SynComparisonView *self)
{
  GListModel *groups, *articles;
  guint n_groups, n_unique = 0;
  guint n[SYN_GROUP_CONFLICT + 1] = { 0, };
  g_autofree char *shared = NULL;
  g_autofree char *same = NULL;
  g_autofree char *reworded = NULL;
  g_autofree char *extra = NULL;
  g_autofree char *conflicts = NULL;
  g_autofree char *unique = NULL;
  g_autofree char *text = NULL;

  if (self->comparison == NULL)
    {
      gtk_label_set_text (self->status_label, "");
      return;
    }
  groups = syn_comparison_get_groups (self->comparison);
  articles = syn_comparison_get_articles (self->comparison);
  n_groups = g_list_model_get_n_items (groups);
  for (guint i = 0; i < n_groups; i++)
    {
      g_autoptr(SynGroup) group = g_list_model_get_item (groups, i);

      n[syn_group_get_category (group)]++;
    }
  for (guint i = 0; i < g_list_model_get_n_items (articles); i++)
    {
      g_autoptr(SynArticle) article = g_list_model_get_item (articles, i);

      n_unique += syn_article_get_n_unique (article);
    }
  shared = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u passage shared", "%u passages shared", n_groups),
                            n_groups);
  same = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u same", "%u same", n[SYN_GROUP_SAME]),
                          n[SYN_GROUP_SAME]);
  reworded = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u reworded", "%u reworded", n[SYN_GROUP_REWORDED]),
                              n[SYN_GROUP_REWORDED]);
  extra = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u with added content", "%u with added content",
                                        n[SYN_GROUP_EXTRA]), n[SYN_GROUP_EXTRA]);
  conflicts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u conflict", "%u conflicts", n[SYN_GROUP_CONFLICT]),
                               n[SYN_GROUP_CONFLICT]);
  unique = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u only in one source", "%u only in one source",
                                         n_unique), n_unique);
  /* TRANSLATORS: the passages shared, then how they divide, then the unique ones */
  text = g_strdup_printf (_("%s: %s · %s · %s · %s · %s"), shared, same, reworded, extra, conflicts, unique);
  gtk_label_set_text (self->status_label, text);
  /* whole, where even two lines cut it short */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->status_label), text);
}

static const char *
language_name (const char *code)
{
  static const struct { const char *code; const char *name; } names[] = {
    { "en", N_("English") }, { "de", N_("German") }, { "fr", N_("French") }, { "es", N_("Spanish") },
    { "it", N_("Italian") }, { "nl", N_("Dutch") }, { "pt", N_("Portuguese") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (names[i].code, code))
      return _(names[i].name);
  return code;
}

typedef struct {
  const char *code;
  guint       count;
} LanguageCount;

static int
compare_language_counts (gconstpointer a,
                         gconstpointer b)
{
  const LanguageCount *x = a, *y = b;

  return x->count != y->count ? (x->count < y->count ? 1 : -1) : strcmp (x->code, y->code);
}

/* "2 sources are in German, 3 in English: only passages in the same
 * language are compared", or NULL when the sources told share one
 * language (a source too short to tell is left out). */
static char *
describe_languages (GListModel *articles)
{
  g_autoptr(GArray) counts = g_array_new (FALSE, FALSE, sizeof (LanguageCount));
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (articles); i++)
    {
      g_autoptr(SynArticle) article = g_list_model_get_item (articles, i);
      gsize len;
      const char *body = syn_article_get_text (article, &len);
      const char *code = syn_language_guess (body, len);
      guint k;

      if (code == NULL)
        continue;
      for (k = 0; k < counts->len && !g_str_equal (g_array_index (counts, LanguageCount, k).code, code); k++)
        ;
      if (k == counts->len)
        g_array_append_val (counts, ((LanguageCount) { code, 0 }));
      g_array_index (counts, LanguageCount, k).count++;
    }
  if (counts->len < 2)
    return NULL;
  g_array_sort (counts, compare_language_counts);
  for (guint k = 0; k < counts->len; k++)
    {
      const LanguageCount *c = &g_array_index (counts, LanguageCount, k);

      if (k == 0)
        g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u source is in %s", "%u sources are in %s",
                                                   c->count), c->count, language_name (c->code));
      else
        /* Translators: the next language in "2 sources are in German, 3 in English" */
        g_string_append_printf (text, _(", %u in %s"), c->count, language_name (c->code));
    }
  g_string_append (text, _(": only passages in the same language are compared"));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* "“a.txt” is not UTF-8: it was read as Windows-1252", one line for all
 * the sources so read, or NULL. */
static char *
describe_encodings (GListModel *articles)
{
  g_autoptr(GString) names = g_string_new (NULL);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (articles); i++)
    {
      g_autoptr(SynArticle) article = g_list_model_get_item (articles, i);

      if (!syn_article_get_fallback_encoding (article))
        continue;
      /* Translators: a quoted file name, then the next in a list of them */
      g_string_append_printf (names, n > 0 ? _(", “%s”") : _("“%s”"), syn_article_get_name (article));
      n++;
    }
  if (n == 0)
    return NULL;
  /* Translators: %s is a quoted file name, or a list of them */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s is not UTF-8: it was read as Windows-1252",
                                       "%s are not UTF-8: they were read as Windows-1252", n), names->str);
}

/* Notices that stay while they hold, one line each, so that none hides
 * another (files that could not be read are the window's toasts). */
static void
update_notices (SynComparisonView *self)
{
  g_autofree char *languages = NULL;
  g_autofree char *encodings = NULL;
  g_autofree char *text = NULL;

  if (self->comparison != NULL)
    {
      languages = describe_languages (syn_comparison_get_articles (self->comparison));
      encodings = describe_encodings (syn_comparison_get_articles (self->comparison));
    }
  if (languages != NULL && encodings != NULL)
    text = g_strdup_printf ("%s\n%s", languages, encodings);
  else
    text = g_strdup (languages != NULL ? languages : encodings);
  gtk_label_set_text (self->language_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->language_label), text != NULL);
}

static void
add_view_shortcuts (SynArticleView *view)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  /* Capture: the text view would otherwise take arrows and letters. */
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("Down|j"),
                                                          gtk_named_action_new ("view.next-passage")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("Up|k"),
                                                          gtk_named_action_new ("view.previous-passage")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("Return|KP_Enter"),
                                                          gtk_named_action_new ("view.open-fold")));
  /* The text view, read-only, would swallow a paste: it adds a source. */
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>v|<Shift>Insert"),
                                                          gtk_named_action_new ("win.paste-source")));
  gtk_widget_add_controller (GTK_WIDGET (view), controller);
}

static GArray *
links_between (SynComparisonView *self,
               guint              left)
{
  GArray *links = g_array_new (FALSE, FALSE, sizeof (SynBandLink));

  for (guint g = 0; g < self->members->len; g++)
    {
      GArray *members = g_ptr_array_index (self->members, g);

      for (guint i = 0; i < members->len; i++)
        {
          const Member *a = &g_array_index (members, Member, i);

          if (a->column != left)
            continue;
          for (guint j = i + 1; j < members->len; j++)
            {
              const Member *b = &g_array_index (members, Member, j);
              SynBandLink link;

              if (b->column != left + 1)
                continue;
              link.left = a->span;
              link.right = b->span;
              link.group = g;
              link.divergent = span_at (self, left, a->span)->divergent;
              g_array_append_val (links, link);
            }
        }
    }
  return links;
}

static void
build_members (SynComparisonView *self,
               guint              n_groups)
{
  g_ptr_array_set_size (self->members, 0);
  for (guint g = 0; g < n_groups; g++)
    g_ptr_array_add (self->members, g_array_new (FALSE, FALSE, sizeof (Member)));
  for (guint c = 0; c < self->views->len; c++)
    {
      SynArticleView *view = view_at (self, c);

      for (guint s = 0; s < syn_article_view_get_n_spans (view); s++)
        {
          const SynSpan *span = syn_article_view_get_span (view, s);
          Member member = { c, s };

          if (span->group >= 0 && (guint) span->group < n_groups)
            g_array_append_val (g_ptr_array_index (self->members, span->group), member);
        }
    }
}

static void
rebuild (SynComparisonView *self)
{
  GListModel *articles;
  guint n;
  int refocus = column_to_focus (self);

  self->anchor_column = self->anchor_span = -1;
  set_selected_group_object (self, -1);
  if (self->detail_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->detail_tick);
  self->detail_tick = 0;
  update_detail (self);
  syn_scroll_sync_set_views (self->sync, NULL);
  syn_source_map_set_views (self->source_map, NULL);
  self->focus_pending = self->scroll_pending = -1;
  syn_column_strip_remove_all (self->strip);
  g_ptr_array_set_size (self->views, 0);
  g_ptr_array_set_size (self->members, 0);
  g_clear_object (&self->header_group);
  self->header_group = gtk_size_group_new (GTK_SIZE_GROUP_VERTICAL);

  if (self->comparison != NULL)
    {
      articles = syn_comparison_get_articles (self->comparison);
      n = g_list_model_get_n_items (articles);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(SynArticle) article = g_list_model_get_item (articles, i);
          SynArticleColumn *column = SYN_ARTICLE_COLUMN (syn_article_column_new ());
          SynArticleView *view = syn_article_column_get_view (column);
          SynConnectorBands *bands = NULL;

          syn_article_column_set_article (column, article, i + 1, n);
          syn_article_view_set_filter (view, self->show_boilerplate, current_filter (self));
          g_signal_connect_object (view, "span-activated", G_CALLBACK (span_activated_cb), self,
                                   G_CONNECT_SWAPPED);
          g_signal_connect_object (view, "fold-opened", G_CALLBACK (fold_opened_cb), self,
                                   G_CONNECT_SWAPPED);
          add_view_shortcuts (view);
          gtk_size_group_add_widget (self->header_group, syn_article_column_get_header (column));
          if (i > 0)
            {
              SynArticleColumn *prev = syn_column_strip_get_column (self->strip, i - 1);

              bands = SYN_CONNECTOR_BANDS (syn_connector_bands_new (syn_article_column_get_view (prev),
                                                                   syn_article_column_get_vadjustment (prev),
                                                                   view,
                                                                   syn_article_column_get_vadjustment (column)));
              g_signal_connect_object (bands, "group-activated", G_CALLBACK (band_group_activated_cb), self,
                                       G_CONNECT_SWAPPED);
            }
          syn_column_strip_append (self->strip, column, bands);
          g_ptr_array_add (self->views, view);
        }
      build_members (self, g_list_model_get_n_items (syn_comparison_get_groups (self->comparison)));
      syn_scroll_sync_set_views (self->sync, self->views);
      syn_source_map_set_views (self->source_map, self->views);
      for (guint c = 0; c + 1 < self->views->len; c++)
        syn_connector_bands_set_links (syn_column_strip_get_bands (self->strip, c), links_between (self, c));
    }

  if (refocus >= 0 && self->views->len > 0)
    {
      self->focus_pending = MIN (refocus, (int) self->views->len - 1);
      self->focus_soft = TRUE;
      wait_for_placing (self);
    }
  describe_columns (self, FALSE);
  /* One source needs no overview. */
  gtk_widget_set_visible (GTK_WIDGET (self->source_map), self->views->len > 1);
  update_status (self);
  update_notices (self);
  g_clear_pointer (&self->last_needle, g_free);
  self->n_matches = 0;
  self->current_match = -1;
  self->match_column = -1;
  if (gtk_search_bar_get_search_mode (self->search_bar))
    search_changed_cb (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.clear-selection", FALSE);
}

/* Where the reader was in one article: the passage at the top of its
 * column (by its offset in the text, which outlives a re-alignment) and
 * how far down the view it stood. */
typedef struct {
  SynArticle *article;
  gsize       offset;
  float       y;
  gboolean    anchor;
} Place;

static void
place_clear (gpointer data)
{
  g_clear_object (&((Place *) data)->article);
}

static GArray *
save_places (SynComparisonView *self)
{
  GArray *places = g_array_new (FALSE, TRUE, sizeof (Place));

  g_array_set_clear_func (places, place_clear);
  for (guint c = 0; c < self->views->len; c++)
    {
      SynArticleView *view = view_at (self, c);
      gboolean anchor = (int) c == self->anchor_column;
      int span = anchor ? self->anchor_span : syn_article_view_get_first_visible_span (view);
      Place place;

      if (span < 0 || gtk_widget_get_height (GTK_WIDGET (view)) <= 0)
        continue;
      place.article = g_object_ref (syn_article_view_get_article (view));
      place.offset = syn_passage_get_start (span_at (self, c, span)->passage);
      place.y = syn_article_view_get_span_view_y (view, span);
      place.anchor = anchor;
      g_array_append_val (places, place);
    }
  return places;
}

/* The span of @view whose passage starts at @offset, or the last before. */
static int
span_at_offset (SynArticleView *view,
                gsize           offset)
{
  int found = -1;

  for (guint i = 0; i < syn_article_view_get_n_spans (view); i++)
    {
      if (syn_passage_get_start (syn_article_view_get_span (view, i)->passage) > offset)
        break;
      found = i;
    }
  return found;
}

static gboolean
restore_places_cb (GtkWidget     *widget,
                   GdkFrameClock *clock,
                   gpointer       user_data)
{
  SynComparisonView *self = SYN_COMPARISON_VIEW (widget);
  int anchor_column = -1, anchor_span = -1;

  self->restore_tick = 0;
  for (guint p = 0; self->places != NULL && p < self->places->len; p++)
    {
      const Place *place = &g_array_index (self->places, Place, p);

      for (guint c = 0; c < self->views->len; c++)
        {
          SynArticleView *view = view_at (self, c);
          int span;

          if (syn_article_view_get_article (view) != place->article ||
              (span = span_at_offset (view, place->offset)) < 0)
            continue;
          syn_article_view_scroll_span_to (view, span, place->y);
          if (place->anchor)
            {
              anchor_column = c;
              anchor_span = span;
            }
        }
    }
  g_clear_pointer (&self->places, g_array_unref);
  if (anchor_column >= 0)
    select_span (self, anchor_column, anchor_span, FALSE);
  return G_SOURCE_REMOVE;
}

/* A re-alignment (a source added or removed, a file reloaded, another
 * segment unit) keeps the reader's place: each article that stays is
 * scrolled back to where it was, and the selected passage stays selected
 * if it is still there. */
static void
aligned_cb (SynComparisonView *self)
{
  g_clear_pointer (&self->places, g_array_unref);
  self->places = save_places (self);
  rebuild (self);
  if (self->places->len > 0 && self->restore_tick == 0)
    self->restore_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), restore_places_cb, NULL, NULL);
}

/* GObject --------------------------------------------------------------- */

static void
syn_comparison_view_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  gtk_widget_measure (SYN_COMPARISON_VIEW (widget)->main_box, orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static void
syn_comparison_view_size_allocate (GtkWidget *widget,
                                   int        width,
                                   int        height,
                                   int        baseline)
{
  SynComparisonView *self = SYN_COMPARISON_VIEW (widget);

  self->allocating = TRUE;
  gtk_widget_allocate (self->main_box, width, height, baseline, NULL);
  /* Placing the handle needs the paned's height, and then a second pass.
   * A widget that asks for a new size during that pass (a column whose
   * scrollbar comes or goes as the pane moves) would not get it: GTK
   * forgets the request when this allocation returns, and the whole
   * comparison stays blank from then on. A third pass gives it; for the
   * widgets that asked for nothing it costs nothing. */
  if (place_detail (self))
    {
      gtk_widget_allocate (self->main_box, width, height, baseline, NULL);
      gtk_widget_allocate (self->main_box, width, height, baseline, NULL);
    }
  self->allocating = FALSE;
}

static void
syn_comparison_view_dispose (GObject *object)
{
  SynComparisonView *self = SYN_COMPARISON_VIEW (object);

  if (self->comparison != NULL)
    g_signal_handlers_disconnect_by_func (self->comparison, aligned_cb, self);
  if (self->level_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->level_tick);
  self->level_tick = 0;
  if (self->detail_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->detail_tick);
  self->detail_tick = 0;
  if (self->restore_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->restore_tick);
  self->restore_tick = 0;
  if (self->placing_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->placing_tick);
  self->placing_tick = 0;
  if (self->match_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->match_tick);
  self->match_tick = 0;
  stop_drop_scroll (self);
  g_clear_pointer (&self->places, g_array_unref);
  g_clear_pointer (&self->sync, syn_scroll_sync_free);
  g_clear_object (&self->comparison);
  g_clear_object (&self->selected_group);
  g_clear_object (&self->header_group);
  gtk_widget_dispose_template (GTK_WIDGET (self), SYN_TYPE_COMPARISON_VIEW);

  G_OBJECT_CLASS (syn_comparison_view_parent_class)->dispose (object);
}

static void
syn_comparison_view_finalize (GObject *object)
{
  SynComparisonView *self = SYN_COMPARISON_VIEW (object);

  g_ptr_array_unref (self->views);
  g_ptr_array_unref (self->members);
  g_free (self->last_needle);

  G_OBJECT_CLASS (syn_comparison_view_parent_class)->finalize (object);
}

static void
syn_comparison_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  SynComparisonView *self = SYN_COMPARISON_VIEW (object);

  switch (prop_id)
    {
    case PROP_COMPARISON:
      g_value_set_object (value, self->comparison);
      break;
    case PROP_SELECTED_GROUP:
      g_value_set_object (value, self->selected_group);
      break;
    case PROP_SHOW_BOILERPLATE:
      g_value_set_boolean (value, self->show_boilerplate);
      break;
    case PROP_DIVERGENT_ONLY:
      g_value_set_boolean (value, self->divergent_only);
      break;
    case PROP_UNIQUE_ONLY:
      g_value_set_boolean (value, self->unique_only);
      break;
    case PROP_CONFLICTS_ONLY:
      g_value_set_boolean (value, self->conflicts_only);
      break;
    case PROP_SCROLL_TOGETHER:
      g_value_set_boolean (value, syn_comparison_view_get_scroll_together (self));
      break;
    case PROP_FIT_COLUMNS:
      g_value_set_boolean (value, syn_column_strip_get_fit (self->strip));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
syn_comparison_view_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  SynComparisonView *self = SYN_COMPARISON_VIEW (object);

  switch (prop_id)
    {
    case PROP_COMPARISON:
      syn_comparison_view_set_comparison (self, g_value_get_object (value));
      break;
    case PROP_SELECTED_GROUP:
      syn_comparison_view_set_selected_group (self, g_value_get_object (value));
      break;
    case PROP_SHOW_BOILERPLATE:
      syn_comparison_view_set_show_boilerplate (self, g_value_get_boolean (value));
      break;
    case PROP_DIVERGENT_ONLY:
      syn_comparison_view_set_divergent_only (self, g_value_get_boolean (value));
      break;
    case PROP_UNIQUE_ONLY:
      syn_comparison_view_set_unique_only (self, g_value_get_boolean (value));
      break;
    case PROP_CONFLICTS_ONLY:
      syn_comparison_view_set_conflicts_only (self, g_value_get_boolean (value));
      break;
    case PROP_SCROLL_TOGETHER:
      syn_comparison_view_set_scroll_together (self, g_value_get_boolean (value));
      break;
    case PROP_FIT_COLUMNS:
      syn_comparison_view_set_fit_columns (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
syn_comparison_view_class_init (SynComparisonViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = syn_comparison_view_dispose;
  object_class->finalize = syn_comparison_view_finalize;
  object_class->get_property = syn_comparison_view_get_property;
  object_class->set_property = syn_comparison_view_set_property;
  widget_class->measure = syn_comparison_view_measure;
  widget_class->size_allocate = syn_comparison_view_size_allocate;

  properties[PROP_COMPARISON] =
    g_param_spec_object ("comparison", NULL, NULL,
                         SYN_TYPE_COMPARISON,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SELECTED_GROUP] =
    g_param_spec_object ("selected-group", NULL, NULL,
                         SYN_TYPE_GROUP,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SHOW_BOILERPLATE] =
    g_param_spec_boolean ("show-boilerplate", NULL, NULL,
                          TRUE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_DIVERGENT_ONLY] =
    g_param_spec_boolean ("divergent-only", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_UNIQUE_ONLY] =
    g_param_spec_boolean ("unique-only", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CONFLICTS_ONLY] =
    g_param_spec_boolean ("conflicts-only", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SCROLL_TOGETHER] =
    g_param_spec_boolean ("scroll-together", NULL, NULL,
                          TRUE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_FIT_COLUMNS] =
    g_param_spec_boolean ("fit-columns", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SYN_TYPE_COLUMN_STRIP);
  g_type_ensure (SYN_TYPE_SOURCE_MAP);
  g_type_ensure (SYN_TYPE_GROUP_DETAIL);
  g_type_ensure (SYN_TYPE_LEGEND);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/synopsis_app/Synopsis/syn-comparison-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SynComparisonView, main_box);
  gtk_widget_class_bind_template_child (widget_class, SynComparisonView, status_label);
  gtk_widget_class_bind_template_child (widget_class, SynComparisonView, all_button);
  gtk_widget_class_bind_template_child (widget_class, SynComparisonView, divergent_button);
  gtk_widget_class_bind_template_child (widget_class, SynComparisonView, unique_button);
  gtk_widget_class_bind_template_child (widget_class, SynComparisonView, conflicts_button);
  gtk_widget_class_bind_template_child (widget_class, SynComparisonView, language_label);
  gtk_widget_class_bind_template_child (widget_class, SynComparisonView, search_button);
  gtk_widget_class_bind_template_child (widget_class, SynComparisonView, legend_button);
  gtk_widget_class_bind_template_child (widget_class, SynComparisonView, search_bar);
  gtk_widget_class_bind_template_child (widget_class, SynComparisonView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SynComparisonView, match_label);
  gtk_widget_class_bind_template_child (widget_class, SynComparisonView, paned);
  gtk_widget_class_bind_template_child (widget_class, SynComparisonView, hscroller);
  gtk_widget_class_bind_template_child (widget_class, SynComparisonView, strip);
  gtk_widget_class_bind_template_child (widget_class, SynComparisonView, source_map);
  gtk_widget_class_bind_template_child (widget_class, SynComparisonView, detail);
  gtk_widget_class_bind_template_child (widget_class, SynComparisonView, footer);
  gtk_widget_class_bind_template_callback (widget_class, filter_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_next_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_previous_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, map_position_cb);
  gtk_widget_class_bind_template_callback (widget_class, map_column_cb);

  gtk_widget_class_install_action (widget_class, "view.next-divergence", NULL, next_divergence_action);
  gtk_widget_class_install_action (widget_class, "view.move-source", "(ii)", move_source_action);
  gtk_widget_class_install_action (widget_class, "view.previous-divergence", NULL, previous_divergence_action);
  gtk_widget_class_install_action (widget_class, "view.next-passage", NULL, next_passage_action);
  gtk_widget_class_install_action (widget_class, "view.previous-passage", NULL, previous_passage_action);
  gtk_widget_class_install_action (widget_class, "view.clear-selection", NULL, clear_selection_action);
  gtk_widget_class_install_action (widget_class, "view.open-fold", NULL, open_fold_action);
  gtk_widget_class_install_action (widget_class, "view.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "view.show-legend", NULL, show_legend_action);
  gtk_widget_class_install_property_action (widget_class, "view.show-boilerplate", "show-boilerplate");
  gtk_widget_class_install_property_action (widget_class, "view.divergent-only", "divergent-only");
  gtk_widget_class_install_property_action (widget_class, "view.conflicts-only", "conflicts-only");
  gtk_widget_class_install_property_action (widget_class, "view.unique-only", "unique-only");
  gtk_widget_class_install_property_action (widget_class, "view.scroll-together", "scroll-together");
  gtk_widget_class_install_property_action (widget_class, "view.fit-columns", "fit-columns");
  gtk_widget_class_install_action (widget_class, "view.next-column", NULL, next_column_action);
  gtk_widget_class_install_action (widget_class, "view.previous-column", NULL, previous_column_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, 0, "view.next-passage", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_j, 0, "view.next-passage", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, 0, "view.previous-passage", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_k, 0, "view.previous-passage", NULL);

  gtk_widget_class_set_css_name (widget_class, "syncomparisonview");
}

static void
syn_comparison_view_init (SynComparisonView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->views = g_ptr_array_new ();
  self->members = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  self->anchor_column = self->anchor_span = -1;
  self->resume_column = self->resume_span = -1;
  self->current_match = -1;
  self->match_column = self->search_column = -1;
  self->show_boilerplate = TRUE;
  self->sync = syn_scroll_sync_new (GTK_WIDGET (self));
  self->focus_pending = self->scroll_pending = -1;
  add_window_shortcuts (self);
  add_drop_target (self);
  syn_column_strip_set_hadjustment (self->strip, gtk_scrolled_window_get_hadjustment (self->hscroller));
  syn_source_map_set_hadjustment (self->source_map, gtk_scrolled_window_get_hadjustment (self->hscroller));
  syn_source_map_set_visible_func (self->source_map, column_in_view, self);
  syn_scroll_sync_set_visible_func (self->sync, column_in_view, self);
  g_signal_connect_object (gtk_scrolled_window_get_hadjustment (self->hscroller), "value-changed",
                           G_CALLBACK (strip_moved_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_scrolled_window_get_hadjustment (self->hscroller), "changed",
                           G_CALLBACK (strip_moved_cb), self, G_CONNECT_SWAPPED);
  gtk_menu_button_set_create_popup_func (self->legend_button, create_legend_popup, NULL, NULL);

  g_object_bind_property (self->search_button, "active", self->search_bar, "search-mode-enabled",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->search_bar, "notify::search-mode-enabled", G_CALLBACK (search_mode_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->paned, "notify::position", G_CALLBACK (paned_position_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.clear-selection", FALSE);
  syn_marks_watch_style (G_OBJECT (self), G_CALLBACK (gtk_widget_queue_draw));
  rebuild (self);
}

GtkWidget *
syn_comparison_view_new (void)
{
  return g_object_new (SYN_TYPE_COMPARISON_VIEW, NULL);
}

SynComparison *
syn_comparison_view_get_comparison (SynComparisonView *self)
{
  g_return_val_if_fail (SYN_IS_COMPARISON_VIEW (self), NULL);

  return self->comparison;
}

void
syn_comparison_view_set_comparison (SynComparisonView *self,
                                    SynComparison     *comparison)
{
  g_return_if_fail (SYN_IS_COMPARISON_VIEW (self));
  g_return_if_fail (comparison == NULL || SYN_IS_COMPARISON (comparison));

  if (self->comparison == comparison)
    return;
  if (self->comparison != NULL)
    g_signal_handlers_disconnect_by_func (self->comparison, aligned_cb, self);
  g_set_object (&self->comparison, comparison);
  if (comparison != NULL)
    g_signal_connect_object (comparison, "aligned", G_CALLBACK (aligned_cb), self, G_CONNECT_SWAPPED);
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPARISON]);
}

SynGroup *
syn_comparison_view_get_selected_group (SynComparisonView *self)
{
  g_return_val_if_fail (SYN_IS_COMPARISON_VIEW (self), NULL);

  return self->selected_group;
}

void
syn_comparison_view_set_selected_group (SynComparisonView *self,
                                        SynGroup          *group)
{
  GArray *members;
  const Member *choice = NULL;

  g_return_if_fail (SYN_IS_COMPARISON_VIEW (self));
  g_return_if_fail (group == NULL || SYN_IS_GROUP (group));

  if (group == NULL)
    {
      clear_selection (self);
      return;
    }
  members = members_of (self, syn_group_get_index (group));
  if (members == NULL || members->len == 0)
    return;
  /* Stay in the column the reader is in, if the group is there. */
  for (guint i = 0; i < members->len && choice == NULL; i++)
    if ((int) g_array_index (members, Member, i).column == self->anchor_column)
      choice = &g_array_index (members, Member, i);
  if (choice == NULL)
    choice = &g_array_index (members, Member, 0);
  select_span (self, choice->column, choice->span, TRUE);
}

void
syn_comparison_view_select_passage (SynComparisonView *self,
                                    SynPassage        *passage)
{
  SynArticle *article;

  g_return_if_fail (SYN_IS_COMPARISON_VIEW (self));
  g_return_if_fail (passage == NULL || SYN_IS_PASSAGE (passage));

  if (passage == NULL)
    {
      clear_selection (self);
      return;
    }
  article = syn_passage_get_article (passage);
  for (guint c = 0; c < self->views->len; c++)
    if (syn_article_view_get_article (view_at (self, c)) == article &&
        syn_passage_get_index (passage) < syn_article_view_get_n_spans (view_at (self, c)))
      {
        select_span (self, c, syn_passage_get_index (passage), TRUE);
        return;
      }
}

SynPassage *
syn_comparison_view_get_selected_passage (SynComparisonView *self)
{
  g_return_val_if_fail (SYN_IS_COMPARISON_VIEW (self), NULL);

  if (self->anchor_column < 0)
    return NULL;
  return span_at (self, self->anchor_column, self->anchor_span)->passage;
}

gboolean
syn_comparison_view_get_show_boilerplate (SynComparisonView *self)
{
  g_return_val_if_fail (SYN_IS_COMPARISON_VIEW (self), FALSE);

  return self->show_boilerplate;
}

void
syn_comparison_view_set_show_boilerplate (SynComparisonView *self,
                                          gboolean           show_boilerplate)
{
  g_return_if_fail (SYN_IS_COMPARISON_VIEW (self));

  show_boilerplate = !!show_boilerplate;
  if (self->show_boilerplate == show_boilerplate)
    return;
  self->show_boilerplate = show_boilerplate;
  apply_filters (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_BOILERPLATE]);
}

/* The three filters exclude each other: one set clears the others. */
static void
set_filter_flag (SynComparisonView *self,
                 gboolean          *flag,
                 gboolean           value)
{
  struct { gboolean *flag; guint prop; } flags[] = {
    { &self->divergent_only, PROP_DIVERGENT_ONLY },
    { &self->conflicts_only, PROP_CONFLICTS_ONLY },
    { &self->unique_only, PROP_UNIQUE_ONLY },
  };

  value = !!value;
  if (*flag == value)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (flags); i++)
    {
      gboolean want = flags[i].flag == flag ? value : (value ? FALSE : *flags[i].flag);

      if (*flags[i].flag == want)
        continue;
      *flags[i].flag = want;
      if (flags[i].flag != flag)
        g_object_notify_by_pspec (G_OBJECT (self), properties[flags[i].prop]);
    }
  apply_filters (self);
  for (guint i = 0; i < G_N_ELEMENTS (flags); i++)
    if (flags[i].flag == flag)
      g_object_notify_by_pspec (G_OBJECT (self), properties[flags[i].prop]);
}

gboolean
syn_comparison_view_get_divergent_only (SynComparisonView *self)
{
  g_return_val_if_fail (SYN_IS_COMPARISON_VIEW (self), FALSE);

  return self->divergent_only;
}

void
syn_comparison_view_set_divergent_only (SynComparisonView *self,
                                        gboolean           divergent_only)
{
  g_return_if_fail (SYN_IS_COMPARISON_VIEW (self));

  set_filter_flag (self, &self->divergent_only, divergent_only);
}

gboolean
syn_comparison_view_get_conflicts_only (SynComparisonView *self)
{
  g_return_val_if_fail (SYN_IS_COMPARISON_VIEW (self), FALSE);

  return self->conflicts_only;
}

void
syn_comparison_view_set_conflicts_only (SynComparisonView *self,
                                        gboolean           conflicts_only)
{
  g_return_if_fail (SYN_IS_COMPARISON_VIEW (self));

  set_filter_flag (self, &self->conflicts_only, conflicts_only);
}

gboolean
syn_comparison_view_get_unique_only (SynComparisonView *self)
{
  g_return_val_if_fail (SYN_IS_COMPARISON_VIEW (self), FALSE);

  return self->unique_only;
}

void
syn_comparison_view_set_unique_only (SynComparisonView *self,
                                     gboolean           unique_only)
{
  g_return_if_fail (SYN_IS_COMPARISON_VIEW (self));

  set_filter_flag (self, &self->unique_only, unique_only);
}

/* For tests ------------------------------------------------------------- */

guint
syn_comparison_view_get_n_columns (SynComparisonView *self)
{
  g_return_val_if_fail (SYN_IS_COMPARISON_VIEW (self), 0);

  return self->views->len;
}

SynArticleView *
syn_comparison_view_get_article_view (SynComparisonView *self,
                                      guint              column)
{
  g_return_val_if_fail (SYN_IS_COMPARISON_VIEW (self), NULL);
  g_return_val_if_fail (column < self->views->len, NULL);

  return view_at (self, column);
}

SynConnectorBands *
syn_comparison_view_get_bands (SynComparisonView *self,
                               guint              index)
{
  g_return_val_if_fail (SYN_IS_COMPARISON_VIEW (self), NULL);

  return syn_column_strip_get_bands (self->strip, index);
}

SynGroupDetail *
syn_comparison_view_get_detail (SynComparisonView *self)
{
  g_return_val_if_fail (SYN_IS_COMPARISON_VIEW (self), NULL);

  return self->detail;
}

void
syn_comparison_view_search (SynComparisonView *self,
                            const char        *text)
{
  g_return_if_fail (SYN_IS_COMPARISON_VIEW (self));

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  /* The entry reports changes after a delay; a test wants them now. */
  search_changed_cb (self);
}

guint
syn_comparison_view_get_n_matches (SynComparisonView *self)
{
  g_return_val_if_fail (SYN_IS_COMPARISON_VIEW (self), 0);

  return self->n_matches;
}

int
syn_comparison_view_get_current_match (SynComparisonView *self)
{
  g_return_val_if_fail (SYN_IS_COMPARISON_VIEW (self), -1);

  return self->current_match;
}

int
syn_comparison_view_get_column_width (SynComparisonView *self,
                                      guint              column)
{
  g_return_val_if_fail (SYN_IS_COMPARISON_VIEW (self), -1);

  return syn_column_strip_get_column_width (self->strip, column);
}

gboolean
syn_comparison_view_get_scroll_together (SynComparisonView *self)
{
  g_return_val_if_fail (SYN_IS_COMPARISON_VIEW (self), FALSE);

  return self->sync != NULL && syn_scroll_sync_get_enabled (self->sync);
}

/* Scrolling a column keeps the others level with it (see
 * syn-scroll-sync.c), or lets each column scroll on its own. */
void
syn_comparison_view_set_scroll_together (SynComparisonView *self,
                                         gboolean           scroll_together)
{
  g_return_if_fail (SYN_IS_COMPARISON_VIEW (self));

  scroll_together = !!scroll_together;
  if (self->sync == NULL || syn_scroll_sync_get_enabled (self->sync) == scroll_together)
    return;
  syn_scroll_sync_set_enabled (self->sync, scroll_together);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCROLL_TOGETHER]);
}

gboolean
syn_comparison_view_get_fit_columns (SynComparisonView *self)
{
  g_return_val_if_fail (SYN_IS_COMPARISON_VIEW (self), FALSE);

  return syn_column_strip_get_fit (self->strip);
}

/* Narrows the columns so that every source is in view where the window
 * allows (see syn-column-strip.c); off, they take a comfortable width. */
void
syn_comparison_view_set_fit_columns (SynComparisonView *self,
                                     gboolean           fit_columns)
{
  g_return_if_fail (SYN_IS_COMPARISON_VIEW (self));

  fit_columns = !!fit_columns;
  if (syn_column_strip_get_fit (self->strip) == fit_columns)
    return;
  syn_column_strip_set_fit (self->strip, fit_columns);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIT_COLUMNS]);
}
