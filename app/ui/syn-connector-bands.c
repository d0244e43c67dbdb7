/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The bands between two neighbouring columns: one from each passage's
 * vertical extent on the left to its counterpart's on the right. Parallel
 * bands mean the two sources tell the story in the same order; a band
 * that crosses others marks a passage one of them moved.
 *
 * Drawing stays cheap and readable whatever the drift: only bands with an
 * end on screen are drawn (each column finds its passages on screen by a
 * binary search), their extents come from each article view's cache, and
 * all of one kind are filled as one path, so that a fan of overlapping
 * bands is as light as one band rather than a black block. The gutter also resizes the column on its
 * left when dragged, and a click on a band selects its group.
 */
#define G_LOG_DOMAIN "syn-ui"

#include "config.h"

#include "syn-compat.h"
#include "syn-connector-bands.h"
#include "syn-marks.h"

#define CLICK_SLOP 4.0

struct _SynConnectorBands
{
  GtkWidget       parent_instance;

  SynArticleView *left;
  SynArticleView *right;
  GtkAdjustment  *left_adjustment;
  GtkAdjustment  *right_adjustment;
  GArray         *links;
  int             selected_group;
  double          drag_x;
  double          drag_y;
};

G_DEFINE_FINAL_TYPE (SynConnectorBands, syn_connector_bands, GTK_TYPE_WIDGET)

enum {
  RESIZE_BEGIN,
  RESIZE_UPDATE,
  GROUP_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct {
  float left_top;
  float left_bottom;
  float right_top;
  float right_bottom;
} BandGeometry;

/* The y offset of a view's buffer coordinates in this widget's. */
static gboolean
view_offset (SynConnectorBands *self,
             SynArticleView    *view,
             float             *offset,
             float             *top)
{
  int wx, wy;
  graphene_point_t point;

  if (!syn_compat_widget_compute_point (GTK_WIDGET (view), GTK_WIDGET (self), &GRAPHENE_POINT_INIT (0, 0), &point))
    return FALSE;
  *top = point.y;
  gtk_text_view_buffer_to_window_coords (GTK_TEXT_VIEW (view), GTK_TEXT_WINDOW_WIDGET, 0, 0, &wx, &wy);
  *offset = *top + wy;
  return TRUE;
}

static gboolean
band_geometry (SynConnectorBands *self,
               const SynBandLink *link,
               float              left_offset,
               float              right_offset,
               BandGeometry      *geometry)
{
  float ly, lh, ry, rh;

  if (link->left >= syn_article_view_get_n_spans (self->left) ||
      link->right >= syn_article_view_get_n_spans (self->right) ||
      !syn_article_view_get_span_extent (self->left, link->left, &ly, &lh) ||
      !syn_article_view_get_span_extent (self->right, link->right, &ry, &rh))
    return FALSE;
  geometry->left_top = ly + left_offset;
  geometry->left_bottom = ly + lh + left_offset;
  geometry->right_top = ry + right_offset;
  geometry->right_bottom = ry + rh + right_offset;
  return TRUE;
}

static void
band_path (cairo_t            *cr,
           const BandGeometry *g,
           double              width)
{
  double mid = width / 2;

  cairo_move_to (cr, 0, g->left_top);
  cairo_curve_to (cr, mid, g->left_top, mid, g->right_top, width, g->right_top);
  cairo_line_to (cr, width, g->right_bottom);
  cairo_curve_to (cr, mid, g->right_bottom, mid, g->left_bottom, 0, g->left_bottom);
  cairo_close_path (cr);
}

static void
band_edges (cairo_t            *cr,
            const BandGeometry *g,
            double              width)
{
  double mid = width / 2;

  cairo_move_to (cr, 0, g->left_top);
  cairo_curve_to (cr, mid, g->left_top, mid, g->right_top, width, g->right_top);
  cairo_move_to (cr, 0, g->left_bottom);
  cairo_curve_to (cr, mid, g->left_bottom, mid, g->right_bottom, width, g->right_bottom);
}

/* The passages on screen in either column, as span ranges. */
typedef struct {
  guint left_first;
  guint left_end;
  guint right_first;
  guint right_end;
} OnScreen;

static void
on_screen (SynConnectorBands *self,
           OnScreen          *screen)
{
  syn_article_view_get_visible_spans (self->left, &screen->left_first, &screen->left_end);
  syn_article_view_get_visible_spans (self->right, &screen->right_first, &screen->right_end);
}

/* Only bands with an end on screen are drawn or hit: a band that merely
 * crosses the gap, from a passage above one column to one below the
 * other, tells nothing the reader can follow, and when the texts have
 * drifted apart there are thousands of them. */
static gboolean
link_on_screen (const SynBandLink *link,
                const OnScreen    *screen)
{
  return (link->left >= screen->left_first && link->left < screen->left_end) ||
         (link->right >= screen->right_first && link->right < screen->right_end);
}

static void
fill_and_stroke (cairo_t       *cr,
                 GArray        *bands,
                 double         width,
                 const GdkRGBA *fill,
                 const GdkRGBA *edge,
                 double         line_width)
{
  if (bands->len == 0)
    return;
  /* One path, filled once: where bands overlap (a fan of them towards a
   * passage far off) the colour is that of one band, never darker. */
  cairo_new_path (cr);
  for (guint i = 0; i < bands->len; i++)
    band_path (cr, &g_array_index (bands, BandGeometry, i), width);
  gdk_cairo_set_source_rgba (cr, fill);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_WINDING);
  cairo_fill (cr);
  for (guint i = 0; i < bands->len; i++)
    band_edges (cr, &g_array_index (bands, BandGeometry, i), width);
  gdk_cairo_set_source_rgba (cr, edge);
  cairo_set_line_width (cr, line_width);
  cairo_stroke (cr);
}

static void
snapshot_bands (SynConnectorBands *self,
                cairo_t           *cr,
                float              left_offset,
                float              right_offset,
                double             top)
{
  const SynPalette *palette = syn_marks_get_palette ();
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  g_autoptr(GArray) plain = g_array_new (FALSE, FALSE, sizeof (BandGeometry));
  g_autoptr(GArray) divergent = g_array_new (FALSE, FALSE, sizeof (BandGeometry));
  g_autoptr(GArray) selected = g_array_new (FALSE, FALSE, sizeof (BandGeometry));
  OnScreen screen;

  on_screen (self, &screen);
  for (guint i = 0; i < self->links->len; i++)
    {
      const SynBandLink *link = &g_array_index (self->links, SynBandLink, i);
      BandGeometry g;

      if (!link_on_screen (link, &screen) || !band_geometry (self, link, left_offset, right_offset, &g) ||
          MAX (g.left_bottom, g.right_bottom) < top || MIN (g.left_top, g.right_top) > height)
        continue;
      if (link->group >= 0 && link->group == self->selected_group)
        g_array_append_val (selected, g);
      else
        g_array_append_val (link->divergent ? divergent : plain, g);
    }
  fill_and_stroke (cr, plain, width, &palette->band, &palette->band_edge, 1);
  fill_and_stroke (cr, divergent, width, &palette->band_divergent, &palette->band_edge, 1);
  /* The selected group's bands go over the others. */
  fill_and_stroke (cr, selected, width, &palette->band_selected, &palette->band_selected_edge, 1.25);
}

static void
syn_connector_bands_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  SynConnectorBands *self = SYN_CONNECTOR_BANDS (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  float left_offset, right_offset, left_top, right_top, top;
  cairo_t *cr;

  if (self->links == NULL || self->links->len == 0 ||
      !view_offset (self, self->left, &left_offset, &left_top) ||
      !view_offset (self, self->right, &right_offset, &right_top))
    return;
  /* Below the column headers only. */
  top = MAX (left_top, right_top);
  if (top >= height)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, top, width, height - top));
  cairo_rectangle (cr, 0, top, width, height - top);
  cairo_clip (cr);
  /* Every scroll step redraws the bands on screen, and rasterising their
   * curves was a seventh of a step's time with twenty columns. Half a
   * pixel of flattening and cairo's faster antialiasing halve that, with
   * no difference to see at this size. */
  cairo_set_tolerance (cr, 0.5);
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_FAST);
  snapshot_bands (self, cr, left_offset, right_offset, top);
  cairo_destroy (cr);
}

int
syn_connector_bands_group_at (SynConnectorBands *self,
                              double             x,
                              double             y)
{
  float left_offset, right_offset, left_top, right_top;
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  OnScreen screen;
  double t, s;

  g_return_val_if_fail (SYN_IS_CONNECTOR_BANDS (self), -1);

  if (self->links == NULL || width <= 0 ||
      !view_offset (self, self->left, &left_offset, &left_top) ||
      !view_offset (self, self->right, &right_offset, &right_top))
    return -1;
  /* The curves ease in and out; smoothstep is close enough to pick. */
  t = CLAMP (x / width, 0, 1);
  s = t * t * (3 - 2 * t);
  on_screen (self, &screen);
  for (guint i = 0; i < self->links->len; i++)
    {
      const SynBandLink *link = &g_array_index (self->links, SynBandLink, i);
      BandGeometry g;
      double band_top, band_bottom;

      if (!link_on_screen (link, &screen) || !band_geometry (self, link, left_offset, right_offset, &g))
        continue;
      band_top = g.left_top + (g.right_top - g.left_top) * s;
      band_bottom = g.left_bottom + (g.right_bottom - g.left_bottom) * s;
      if (y >= band_top && y <= band_bottom)
        return link->group;
    }
  return -1;
}

static void
drag_begin_cb (SynConnectorBands *self,
               double             x,
               double             y)
{
  self->drag_x = x;
  self->drag_y = y;
  g_signal_emit (self, signals[RESIZE_BEGIN], 0);
}

static void
drag_update_cb (SynConnectorBands *self,
                double             dx,
                double             dy)
{
  if (ABS (dx) < CLICK_SLOP && ABS (dy) < CLICK_SLOP)
    return;
  g_signal_emit (self, signals[RESIZE_UPDATE], 0, dx);
}

static void
drag_end_cb (SynConnectorBands *self,
             double             dx,
             double             dy)
{
  int group;

  if (ABS (dx) >= CLICK_SLOP || ABS (dy) >= CLICK_SLOP)
    return;
  group = syn_connector_bands_group_at (self, self->drag_x, self->drag_y);
  if (group >= 0)
    g_signal_emit (self, signals[GROUP_ACTIVATED], 0, group);
}

static void
syn_connector_bands_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 24 : 0;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 48 : 0;
}

static void
syn_connector_bands_dispose (GObject *object)
{
  SynConnectorBands *self = SYN_CONNECTOR_BANDS (object);

  g_clear_object (&self->left);
  g_clear_object (&self->right);
  g_clear_object (&self->left_adjustment);
  g_clear_object (&self->right_adjustment);
  g_clear_pointer (&self->links, g_array_unref);

  G_OBJECT_CLASS (syn_connector_bands_parent_class)->dispose (object);
}

static void
syn_connector_bands_class_init (SynConnectorBandsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = syn_connector_bands_dispose;
  widget_class->snapshot = syn_connector_bands_snapshot;
  widget_class->measure = syn_connector_bands_measure;

  signals[RESIZE_BEGIN] =
    g_signal_new ("resize-begin", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[RESIZE_UPDATE] =
    g_signal_new ("resize-update", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_DOUBLE);
  signals[GROUP_ACTIVATED] =
    g_signal_new ("group-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);

  gtk_widget_class_set_css_name (widget_class, "synconnectorbands");
}

static void
syn_connector_bands_init (SynConnectorBands *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();

  self->selected_group = -1;
  g_signal_connect_swapped (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect_swapped (drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect_swapped (drag, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "col-resize");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), NULL);
}

GtkWidget *
syn_connector_bands_new (SynArticleView *left,
                         GtkAdjustment  *left_adjustment,
                         SynArticleView *right,
                         GtkAdjustment  *right_adjustment)
{
  SynConnectorBands *self;

  g_return_val_if_fail (SYN_IS_ARTICLE_VIEW (left), NULL);
  g_return_val_if_fail (SYN_IS_ARTICLE_VIEW (right), NULL);

  self = g_object_new (SYN_TYPE_CONNECTOR_BANDS, NULL);
  self->left = g_object_ref (left);
  self->right = g_object_ref (right);
  self->left_adjustment = g_object_ref (left_adjustment);
  self->right_adjustment = g_object_ref (right_adjustment);
  g_signal_connect_object (left_adjustment, "value-changed", G_CALLBACK (gtk_widget_queue_draw), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (right_adjustment, "value-changed", G_CALLBACK (gtk_widget_queue_draw), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (left_adjustment, "changed", G_CALLBACK (gtk_widget_queue_draw), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (right_adjustment, "changed", G_CALLBACK (gtk_widget_queue_draw), self,
                           G_CONNECT_SWAPPED);
  return GTK_WIDGET (self);
}

void
syn_connector_bands_set_links (SynConnectorBands *self,
                               GArray            *links)
{
  g_return_if_fail (SYN_IS_CONNECTOR_BANDS (self));

  g_clear_pointer (&self->links, g_array_unref);
  self->links = links;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
syn_connector_bands_get_n_links (SynConnectorBands *self)
{
  g_return_val_if_fail (SYN_IS_CONNECTOR_BANDS (self), 0);

  return self->links != NULL ? self->links->len : 0;
}

void
syn_connector_bands_set_selected_group (SynConnectorBands *self,
                                        int                group)
{
  g_return_if_fail (SYN_IS_CONNECTOR_BANDS (self));

  if (self->selected_group == group)
    return;
  self->selected_group = group;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
