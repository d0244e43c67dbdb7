/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Column widths. Reading comfort wants 60 to 75 characters a line; seeing
 * every source at once wants narrow columns. The strip gives each column
 * an equal share of the width, between a readable minimum (about 36
 * characters, a newspaper column) and a comfortable maximum (about 72); the bands take what is
 * left up to a point, and past that the columns sit centred. A column the
 * reader resized keeps its width. With many sources the minimum wins and
 * the strip, inside a horizontal scroller, scrolls. "Fit all" trades
 * comfort for the overview: the minimum drops to a narrow column, so that
 * every source is on screen whenever the window leaves each that much.
 *
 * Only the columns in (or next to) the visible part of the scroller are
 * mapped and allocated: a text view lays out its visible lines when it is
 * allocated and draws them in every frame, whether or not the scroller
 * clips it away, so two hundred sources would otherwise cost two hundred
 * columns of layout and drawing.
 *
 * While a column is dragged by its header, a bar in the accent colour
 * stands in the gap where it would land (syn_column_strip_set_drop_gap).
 */
#define G_LOG_DOMAIN "syn-ui"

#include "config.h"

#include "syn-column-strip.h"

#define MIN_CHARS         36
#define MAX_CHARS         72
#define RESIZE_MIN_WIDTH  220
#define FIT_MIN_WIDTH     180
#define GUTTER_MIN        40
#define GUTTER_MAX        96
#define MARKER_WIDTH      4

struct _SynColumnStrip
{
  GtkWidget  parent_instance;

  GPtrArray *columns;   /* SynArticleColumn */
  GPtrArray *bands;     /* SynConnectorBands, columns->len - 1 of them */
  GArray    *widths;    /* int: set by the reader, or -1 */
  GArray    *allocated; /* int: the last allocated widths */
  GArray    *positions; /* int: where each column starts, allocated or not */
  gboolean   fit;
  int        resize_start;
  GtkAdjustment *hadjustment;
  double     placed_value;     /* the adjustment when columns were placed */
  double     placed_page_size;
  GtkWidget *marker;           /* where a dragged column would land */
  int        drop_gap;         /* that gap, 0 to columns->len, or -1 */
};

G_DEFINE_FINAL_TYPE (SynColumnStrip, syn_column_strip, GTK_TYPE_WIDGET)

static void
column_limits (SynColumnStrip *self,
               int            *min_width,
               int            *max_width)
{
  SynArticleView *view;

  *min_width = 320;
  *max_width = 560;
  if (self->columns->len == 0)
    return;
  view = syn_article_column_get_view (g_ptr_array_index (self->columns, 0));
  *min_width = syn_article_view_width_for_chars (view, MIN_CHARS);
  *max_width = MAX (*min_width, syn_article_view_width_for_chars (view, MAX_CHARS));
  if (self->fit)
    *min_width = MIN (*min_width, FIT_MIN_WIDTH);
}

static void
syn_column_strip_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  SynColumnStrip *self = SYN_COLUMN_STRIP (widget);
  int min_width, max_width;

  *minimum = *natural = 0;
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      column_limits (self, &min_width, &max_width);
      for (guint i = 0; i < self->columns->len; i++)
        {
          int w = g_array_index (self->widths, int, i);

          *minimum += w >= 0 ? w : min_width;
          *natural += w >= 0 ? w : max_width;
        }
      *minimum += self->bands->len * GUTTER_MIN;
      *natural += self->bands->len * GUTTER_MAX;
      return;
    }

  /* Columns are alike: the first one speaks for all. */
  if (self->columns->len > 0)
    gtk_widget_measure (g_ptr_array_index (self->columns, 0), orientation, -1, minimum, natural, NULL, NULL);
}

static void
place_child (GtkWidget *child,
             int        x,
             int        width,
             int        height,
             double     visible_from,
             double     visible_to)
{
  gboolean shown = x + width > visible_from && x < visible_to;

  gtk_widget_set_child_visible (child, shown);
  if (shown)
    gtk_widget_size_allocate (child, &(GtkAllocation) { x, 0, width, height }, -1);
}

/* The middle of gap @gap: between two columns, or just inside the
 * strip's first or last column (its very edge may be under the
 * scroller's edge or scrollbar). */
static int
gap_middle (SynColumnStrip *self,
            guint           gap)
{
  guint n = self->positions->len;
  int left, right;

  g_assert (gap <= n && n > 0);
  if (gap == 0)
    return g_array_index (self->positions, int, 0) + 2 * MARKER_WIDTH;
  left = g_array_index (self->positions, int, gap - 1) + g_array_index (self->allocated, int, gap - 1);
  if (gap == n)
    return left - 2 * MARKER_WIDTH;
  right = g_array_index (self->positions, int, gap);
  return (left + right) / 2;
}

static void
place_marker (SynColumnStrip *self,
              int             width,
              int             height)
{
  gboolean shown = self->drop_gap >= 0 && (guint) self->drop_gap <= self->positions->len &&
                   self->positions->len > 0;
  int x;

  gtk_widget_set_child_visible (self->marker, shown);
  if (!shown)
    return;
  x = CLAMP (gap_middle (self, self->drop_gap) - MARKER_WIDTH / 2, 0, width - MARKER_WIDTH);
  gtk_widget_measure (self->marker, GTK_ORIENTATION_HORIZONTAL, -1, NULL, NULL, NULL, NULL);
  gtk_widget_size_allocate (self->marker, &(GtkAllocation) { x, 0, MARKER_WIDTH, height }, -1);
}

static void
syn_column_strip_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  SynColumnStrip *self = SYN_COLUMN_STRIP (widget);
  guint n = self->columns->len, n_auto = 0, n_gutters = self->bands->len;
  int min_width, max_width, fixed = 0, auto_width = 0, gutter = GUTTER_MIN, used, x;
  double visible_from, visible_to;

  if (n == 0)
    {
      gtk_widget_set_child_visible (self->marker, FALSE);
      return;
    }
  column_limits (self, &min_width, &max_width);
  for (guint i = 0; i < n; i++)
    {
      int w = g_array_index (self->widths, int, i);

      if (w >= 0)
        fixed += w;
      else
        n_auto++;
    }
  if (n_auto > 0)
    auto_width = CLAMP ((width - fixed - (int) n_gutters * GUTTER_MIN) / (int) n_auto, min_width, max_width);
  used = fixed + auto_width * n_auto;
  if (n_gutters > 0 && width - used > (int) n_gutters * GUTTER_MIN)
    gutter = MIN ((width - used) / (int) n_gutters, GUTTER_MAX);
  x = MAX (0, (width - used - (int) n_gutters * gutter) / 2);

  g_array_set_size (self->allocated, n);
  g_array_set_size (self->positions, n);
  visible_from = self->hadjustment != NULL ? gtk_adjustment_get_value (self->hadjustment) : 0;
  visible_to = self->hadjustment != NULL ? visible_from + gtk_adjustment_get_page_size (self->hadjustment) : width;
  self->placed_value = visible_from;
  self->placed_page_size = visible_to - visible_from;
  if (visible_to <= visible_from)
    visible_to = width;
  /* A column either side stays ready for the next scroll. */
  visible_from -= max_width;
  visible_to += max_width;
  for (guint i = 0; i < n; i++)
    {
      int w = g_array_index (self->widths, int, i);

      w = w >= 0 ? w : auto_width;
      g_array_index (self->allocated, int, i) = w;
      g_array_index (self->positions, int, i) = x;
      place_child (g_ptr_array_index (self->columns, i), x, w, height, visible_from, visible_to);
      x += w;
      if (i < n_gutters)
        {
          place_child (g_ptr_array_index (self->bands, i), x, gutter, height, visible_from, visible_to);
          x += gutter;
        }
    }
  place_marker (self, width, height);
}

static void
resize_begin_cb (SynColumnStrip    *self,
                 SynConnectorBands *bands)
{
  guint index;

  if (!g_ptr_array_find (self->bands, bands, &index))
    return;
  self->resize_start = index < self->allocated->len ? g_array_index (self->allocated, int, index) : -1;
}

static void
resize_update_cb (SynColumnStrip    *self,
                  double             dx,
                  SynConnectorBands *bands)
{
  guint index;

  if (self->resize_start < 0 || !g_ptr_array_find (self->bands, bands, &index))
    return;
  syn_column_strip_set_column_width (self, index, MAX (RESIZE_MIN_WIDTH, self->resize_start + (int) dx));
}

/* Scrolling sideways maps other columns. The scroller also reconfigures
 * the adjustment while it is being allocated, after the strip was: asking
 * for an allocation then would be lost (and GTK warns), and is only needed
 * when what is visible changed. */
static void
adjustment_cb (SynColumnStrip *self)
{
  if (gtk_adjustment_get_value (self->hadjustment) != self->placed_value ||
      gtk_adjustment_get_page_size (self->hadjustment) != self->placed_page_size)
    gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
syn_column_strip_dispose (GObject *object)
{
  SynColumnStrip *self = SYN_COLUMN_STRIP (object);

  syn_column_strip_remove_all (self);
  g_clear_pointer (&self->marker, gtk_widget_unparent);
  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->hadjustment, adjustment_cb, self);
  g_clear_object (&self->hadjustment);

  G_OBJECT_CLASS (syn_column_strip_parent_class)->dispose (object);
}

static void
syn_column_strip_finalize (GObject *object)
{
  SynColumnStrip *self = SYN_COLUMN_STRIP (object);

  g_ptr_array_unref (self->columns);
  g_ptr_array_unref (self->bands);
  g_array_unref (self->widths);
  g_array_unref (self->allocated);
  g_array_unref (self->positions);

  G_OBJECT_CLASS (syn_column_strip_parent_class)->finalize (object);
}

static void
syn_column_strip_class_init (SynColumnStripClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = syn_column_strip_dispose;
  object_class->finalize = syn_column_strip_finalize;
  widget_class->measure = syn_column_strip_measure;
  widget_class->size_allocate = syn_column_strip_size_allocate;

  gtk_widget_class_set_css_name (widget_class, "syncolumnstrip");
}

static void
syn_column_strip_init (SynColumnStrip *self)
{
  self->columns = g_ptr_array_new ();
  self->bands = g_ptr_array_new ();
  self->widths = g_array_new (FALSE, FALSE, sizeof (int));
  self->allocated = g_array_new (FALSE, TRUE, sizeof (int));
  self->positions = g_array_new (FALSE, TRUE, sizeof (int));
  self->resize_start = -1;
  self->drop_gap = -1;
  /* a bar that neither takes the pointer nor asks for room */
  self->marker = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (self->marker, "syn-drop-marker");
  gtk_widget_set_can_target (self->marker, FALSE);
  gtk_widget_set_parent (self->marker, GTK_WIDGET (self));
  gtk_widget_set_child_visible (self->marker, FALSE);
}

/* The scroller's horizontal adjustment: what part of the strip is seen. */
void
syn_column_strip_set_hadjustment (SynColumnStrip *self,
                                  GtkAdjustment  *hadjustment)
{
  g_return_if_fail (SYN_IS_COLUMN_STRIP (self));

  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->hadjustment, adjustment_cb, self);
  g_set_object (&self->hadjustment, hadjustment);
  if (hadjustment != NULL)
    {
      g_signal_connect_object (hadjustment, "value-changed", G_CALLBACK (adjustment_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (hadjustment, "changed", G_CALLBACK (adjustment_cb), self, G_CONNECT_SWAPPED);
    }
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

GtkWidget *
syn_column_strip_new (void)
{
  return g_object_new (SYN_TYPE_COLUMN_STRIP, NULL);
}

void
syn_column_strip_remove_all (SynColumnStrip *self)
{
  g_return_if_fail (SYN_IS_COLUMN_STRIP (self));

  for (guint i = 0; i < self->columns->len; i++)
    gtk_widget_unparent (g_ptr_array_index (self->columns, i));
  for (guint i = 0; i < self->bands->len; i++)
    gtk_widget_unparent (g_ptr_array_index (self->bands, i));
  self->drop_gap = -1;
  g_ptr_array_set_size (self->columns, 0);
  g_ptr_array_set_size (self->bands, 0);
  g_array_set_size (self->widths, 0);
  g_array_set_size (self->allocated, 0);
  g_array_set_size (self->positions, 0);
}

void
syn_column_strip_append (SynColumnStrip    *self,
                         SynArticleColumn  *column,
                         SynConnectorBands *bands)
{
  int automatic = -1;

  g_return_if_fail (SYN_IS_COLUMN_STRIP (self));
  g_return_if_fail (SYN_IS_ARTICLE_COLUMN (column));
  g_return_if_fail ((bands == NULL) == (self->columns->len == 0));

  if (bands != NULL)
    {
      gtk_widget_set_parent (GTK_WIDGET (bands), GTK_WIDGET (self));
      g_ptr_array_add (self->bands, bands);
      g_signal_connect_object (bands, "resize-begin", G_CALLBACK (resize_begin_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (bands, "resize-update", G_CALLBACK (resize_update_cb), self, G_CONNECT_SWAPPED);
    }
  gtk_widget_set_parent (GTK_WIDGET (column), GTK_WIDGET (self));
  g_ptr_array_add (self->columns, column);
  g_array_append_val (self->widths, automatic);
  /* the marker is drawn last, over the columns */
  gtk_widget_insert_before (self->marker, GTK_WIDGET (self), NULL);
}

guint
syn_column_strip_get_n_columns (SynColumnStrip *self)
{
  g_return_val_if_fail (SYN_IS_COLUMN_STRIP (self), 0);

  return self->columns->len;
}

SynArticleColumn *
syn_column_strip_get_column (SynColumnStrip *self,
                             guint           index)
{
  g_return_val_if_fail (SYN_IS_COLUMN_STRIP (self), NULL);
  g_return_val_if_fail (index < self->columns->len, NULL);

  return g_ptr_array_index (self->columns, index);
}

SynConnectorBands *
syn_column_strip_get_bands (SynColumnStrip *self,
                            guint           index)
{
  g_return_val_if_fail (SYN_IS_COLUMN_STRIP (self), NULL);
  g_return_val_if_fail (index < self->bands->len, NULL);

  return g_ptr_array_index (self->bands, index);
}

void
syn_column_strip_set_column_width (SynColumnStrip *self,
                                   guint           index,
                                   int             width)
{
  g_return_if_fail (SYN_IS_COLUMN_STRIP (self));
  g_return_if_fail (index < self->columns->len);

  if (g_array_index (self->widths, int, index) == width)
    return;
  g_array_index (self->widths, int, index) = width;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

int
syn_column_strip_get_column_width (SynColumnStrip *self,
                                   guint           index)
{
  g_return_val_if_fail (SYN_IS_COLUMN_STRIP (self), -1);
  g_return_val_if_fail (index < self->allocated->len, -1);

  return g_array_index (self->allocated, int, index);
}

/* Where column @index starts in the strip and how wide it is, whether or
 * not it is on screen; FALSE before the strip is allocated. */
gboolean
syn_column_strip_get_column_extent (SynColumnStrip *self,
                                    guint           index,
                                    int            *x,
                                    int            *width)
{
  g_return_val_if_fail (SYN_IS_COLUMN_STRIP (self), FALSE);

  if (index >= self->positions->len)
    return FALSE;
  *x = g_array_index (self->positions, int, index);
  *width = g_array_index (self->allocated, int, index);
  return TRUE;
}

gboolean
syn_column_strip_get_fit (SynColumnStrip *self)
{
  g_return_val_if_fail (SYN_IS_COLUMN_STRIP (self), FALSE);

  return self->fit;
}

/* Narrow columns so that all fit, where they can; the widths the reader
 * dragged are given up for it. */
void
syn_column_strip_set_fit (SynColumnStrip *self,
                          gboolean        fit)
{
  g_return_if_fail (SYN_IS_COLUMN_STRIP (self));

  fit = !!fit;
  if (self->fit == fit)
    return;
  self->fit = fit;
  for (guint i = 0; fit && i < self->widths->len; i++)
    g_array_index (self->widths, int, i) = -1;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* The gap nearest to @x (in the strip's coordinates): 0 before the first
 * column, n after the last; a column's left half means the gap on its
 * left. -1 before the strip is allocated. */
int
syn_column_strip_gap_at (SynColumnStrip *self,
                         double          x)
{
  guint n;

  g_return_val_if_fail (SYN_IS_COLUMN_STRIP (self), -1);

  n = self->positions->len;
  if (n == 0)
    return -1;
  for (guint i = 0; i < n; i++)
    {
      int left = g_array_index (self->positions, int, i);
      int width = g_array_index (self->allocated, int, i);

      if (x < left + width / 2.0)
        return (int) i;
    }
  return (int) n;
}

/* Shows where a dragged column would land: a bar in gap @gap (as
 * syn_column_strip_gap_at() counts them), or none for -1. */
void
syn_column_strip_set_drop_gap (SynColumnStrip *self,
                               int             gap)
{
  g_return_if_fail (SYN_IS_COLUMN_STRIP (self));

  if (gap > (int) self->columns->len)
    gap = -1;
  if (self->drop_gap == gap)
    return;
  self->drop_gap = gap;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

int
syn_column_strip_get_drop_gap (SynColumnStrip *self)
{
  g_return_val_if_fail (SYN_IS_COLUMN_STRIP (self), -1);

  return self->drop_gap;
}
