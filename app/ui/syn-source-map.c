/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The overview of all sources, for when there are more than the window
 * shows. Each source is a bar as tall as the map; each passage a stripe
 * at its place in the text (by characters, so it needs no layout and is
 * the same whether or not the column is on screen), coloured by what it
 * is to the comparison: shared as told elsewhere, reworded, in conflict
 * (a number or quotation that disagrees) or only in this source. The
 * part of each text its column shows is outlined, and the bars of the
 * columns in view are lighter, so the map answers "where am I, and where
 * do the sources differ" at a glance; a click goes there.
 *
 * The stripes are worked out once per comparison and painted once per
 * size and style into a render node that every frame reuses: two long
 * texts have ten thousand of them, which as separate rectangles cost the
 * cairo renderer some 10 ms a frame, while a scroll only moves the
 * outline of the part shown.
 *
 * For the keyboard and screen readers each bar is also a button laid over
 * it: invisible but for its focus ring, named by its source and described
 * by its counts ("Source 3 of 5: The Post" — "31 passages: 2 in conflict,
 * 3 only here"). Tab reaches them, the arrows move between them, and Enter
 * gives that source's column the focus. The pointer passes through them
 * to the map, which scrubs.
 */
#define G_LOG_DOMAIN "syn-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "syn-marks.h"
#include "syn-article-column.h"
#include "syn-source-map.h"

#define BAR      8
#define GAP      4
#define PADDING  6
#define MIN_MARK 1.5f

typedef enum {
  KIND_SHARED,
  KIND_REWORDED,
  KIND_CONFLICT,
  KIND_UNIQUE,
} Kind;

typedef struct {
  float top;      /* fractions of the text */
  float bottom;
  Kind  kind;
} Stripe;

typedef struct {
  SynArticleView *view;
  GtkAdjustment  *adjustment;
  GArray         *stripes;
  GtkWidget      *button;
} Bar;

struct _SynSourceMap
{
  GtkWidget               parent_instance;

  GArray                 *bars;      /* Bar */
  GtkAdjustment          *hadjustment;
  SynSourceMapVisibleFunc visible_func;
  gpointer                visible_data;
  int                     drag_column;
  double                  drag_x;
  double                  drag_y;
  GskRenderNode          *stripes;   /* cached, or NULL */
  int                     stripes_width;
  int                     stripes_height;
  int                     stripes_scale;
};

G_DEFINE_FINAL_TYPE (SynSourceMap, syn_source_map, GTK_TYPE_WIDGET)

enum {
  POSITION_ACTIVATED,
  COLUMN_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
has_conflict (SynPassage *passage)
{
  guint n = 0;
  const SynDivergence *divergences = syn_passage_get_divergences (passage, &n);

  for (guint i = 0; i < n; i++)
    if (divergences[i].kind == SYN_DIVERGENCE_NUMBER || divergences[i].kind == SYN_DIVERGENCE_QUOTE)
      return TRUE;
  return FALSE;
}

static GArray *
make_stripes (SynArticleView *view)
{
  GArray *stripes = g_array_new (FALSE, FALSE, sizeof (Stripe));
  int total = gtk_text_buffer_get_char_count (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)));

  for (guint i = 0; total > 0 && i < syn_article_view_get_n_spans (view); i++)
    {
      const SynSpan *span = syn_article_view_get_span (view, i);
      Stripe stripe;

      if (span->boilerplate || (span->group < 0 && !span->unique))
        continue;
      stripe.top = (float) span->start / total;
      stripe.bottom = (float) span->end / total;
      if (span->unique)
        stripe.kind = KIND_UNIQUE;
      else if (has_conflict (span->passage))
        stripe.kind = KIND_CONFLICT;
      else if (span->divergent)
        stripe.kind = KIND_REWORDED;
      else
        stripe.kind = KIND_SHARED;
      g_array_append_val (stripes, stripe);
    }
  return stripes;
}

static void
bar_clear (gpointer data)
{
  Bar *bar = data;

  g_clear_object (&bar->view);
  g_clear_object (&bar->adjustment);
  g_clear_pointer (&bar->stripes, g_array_unref);
  g_clear_pointer (&bar->button, gtk_widget_unparent);
}

static void
disconnect_all (SynSourceMap *self)
{
  for (guint i = 0; i < self->bars->len; i++)
    g_signal_handlers_disconnect_by_data (g_array_index (self->bars, Bar, i).adjustment, self);
  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_data (self->hadjustment, self);
}

static void
watch (SynSourceMap  *self,
       GtkAdjustment *adjustment)
{
  g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (gtk_widget_queue_draw), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (adjustment, "changed", G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
}

static const GdkRGBA *
stripe_color (const SynPalette *palette,
              Kind              kind)
{
  switch (kind)
    {
    case KIND_UNIQUE:
      return &palette->gutter_unique;
    case KIND_CONFLICT:
      return &palette->number;
    case KIND_REWORDED:
      return &palette->changed_line;
    case KIND_SHARED:
    default:
      return &palette->gutter_shared;
    }
}

static void
snapshot_viewport (GtkSnapshot       *snapshot,
                   const Bar         *bar,
                   const SynPalette  *palette,
                   float              x,
                   float              top,
                   float              height)
{
  double upper = gtk_adjustment_get_upper (bar->adjustment);
  float y0, y1, widths[4] = { 1.5f, 1.5f, 1.5f, 1.5f };
  GdkRGBA edge = palette->text;
  GdkRGBA edges[4];
  GskRoundedRect outline;

  if (upper <= 0)
    return;
  y0 = top + height * gtk_adjustment_get_value (bar->adjustment) / upper;
  y1 = top + height * (gtk_adjustment_get_value (bar->adjustment) + gtk_adjustment_get_page_size (bar->adjustment)) / upper;
  edge.alpha = 0.6f;
  for (guint i = 0; i < 4; i++)
    edges[i] = edge;
  gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (x - 2, y0, BAR + 4, MAX (y1 - y0, 4)), 2);
  gtk_snapshot_append_border (snapshot, &outline, widths, edges);
}

static void
draw_stripes (SynSourceMap     *self,
              cairo_t          *cr,
              const SynPalette *palette,
              float             top,
              float             height)
{
  for (guint c = 0; c < self->bars->len; c++)
    {
      const Bar *bar = &g_array_index (self->bars, Bar, c);
      float x = PADDING + c * (BAR + GAP);

      for (guint i = 0; i < bar->stripes->len; i++)
        {
          const Stripe *stripe = &g_array_index (bar->stripes, Stripe, i);
          GdkRGBA color = *stripe_color (palette, stripe->kind);

          /* Rewording is the common case: it stays in the background so
           * that conflicts and additions stand out. */
          if (stripe->kind == KIND_REWORDED)
            color.alpha *= 0.45f;
          /* A hairline between passages, where they are tall enough. */
          cairo_rectangle (cr, x + 1, top + stripe->top * height, BAR - 2,
                           MAX ((stripe->bottom - stripe->top) * height - 1, MIN_MARK));
          gdk_cairo_set_source_rgba (cr, &color);
          cairo_fill (cr);
        }
    }
}

static void
syn_source_map_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  SynSourceMap *self = SYN_SOURCE_MAP (widget);

  for (guint c = 0; c < self->bars->len; c++)
    {
      GtkWidget *button = g_array_index (self->bars, Bar, c).button;

      /* GTK wants a child measured before it is allocated */
      gtk_widget_measure (button, GTK_ORIENTATION_HORIZONTAL, -1, NULL, NULL, NULL, NULL);
      gtk_widget_size_allocate (button,
                                &(GtkAllocation) { PADDING + c * (BAR + GAP) - GAP / 2, PADDING / 2,
                                                   BAR + GAP, MAX (height - PADDING, 0) },
                                -1);
    }
}

static void
forget_stripes (SynSourceMap *self)
{
  g_clear_pointer (&self->stripes, gsk_render_node_unref);
}

/* The stripes of every bar, painted when the size or style changed. The
 * same render node is handed to every frame. A cairo node records what is
 * drawn into it and plays it back whenever it is rendered, so thousands of
 * stripes would be filled again at every frame the map is drawn in (each
 * scroll step); the stripes are painted into an image once instead, and
 * the node only paints that image. */
static GskRenderNode *
stripes_node (SynSourceMap *self,
              float         top,
              float         height)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int widget_height = gtk_widget_get_height (GTK_WIDGET (self));
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  cairo_surface_t *image;
  cairo_t *cr;

  if (self->stripes != NULL && self->stripes_width == width && self->stripes_height == widget_height &&
      self->stripes_scale == scale)
    return self->stripes;
  forget_stripes (self);
  image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, widget_height * scale);
  cairo_surface_set_device_scale (image, scale, scale);
  cr = cairo_create (image);
  draw_stripes (self, cr, syn_marks_get_palette (), top, height);
  cairo_destroy (cr);

  self->stripes = gsk_cairo_node_new (&GRAPHENE_RECT_INIT (0, 0, width, widget_height));
  cr = gsk_cairo_node_get_draw_context (self->stripes);
  cairo_set_source_surface (cr, image, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (image);
  self->stripes_width = width;
  self->stripes_height = widget_height;
  self->stripes_scale = scale;
  return self->stripes;
}

static void
syn_source_map_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  SynSourceMap *self = SYN_SOURCE_MAP (widget);
  const SynPalette *palette = syn_marks_get_palette ();
  float top = PADDING, height = gtk_widget_get_height (widget) - 2 * PADDING;

  if (height <= 0 || gtk_widget_get_width (widget) <= 0)
    return;
  for (guint c = 0; c < self->bars->len; c++)
    {
      gboolean visible = self->visible_func != NULL && self->visible_func (c, self->visible_data);
      GdkRGBA background = palette->text;

      background.alpha = visible ? 0.16f : 0.06f;
      gtk_snapshot_append_color (snapshot, &background,
                                 &GRAPHENE_RECT_INIT (PADDING + c * (BAR + GAP), top, BAR, height));
    }
  gtk_snapshot_append_node (snapshot, stripes_node (self, top, height));
  for (guint c = 0; c < self->bars->len; c++)
    if (self->visible_func != NULL && self->visible_func (c, self->visible_data))
      snapshot_viewport (snapshot, &g_array_index (self->bars, Bar, c), palette, PADDING + c * (BAR + GAP), top,
                         height);
  for (guint c = 0; c < self->bars->len; c++)
    gtk_widget_snapshot_child (widget, g_array_index (self->bars, Bar, c).button, snapshot);
}

static void
style_changed_cb (SynSourceMap *self)
{
  forget_stripes (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
syn_source_map_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  SynSourceMap *self = SYN_SOURCE_MAP (widget);

  *minimum = *natural = 0;
  if (orientation == GTK_ORIENTATION_HORIZONTAL && self->bars->len > 0)
    *minimum = *natural = 2 * PADDING + self->bars->len * (BAR + GAP) - GAP;
}

int
syn_source_map_column_at (SynSourceMap *self,
                          double        x)
{
  int column;

  g_return_val_if_fail (SYN_IS_SOURCE_MAP (self), -1);

  /* Between two bars counts as the nearer one: the bars are thin. */
  column = (int) ((x - PADDING + GAP / 2.0) / (BAR + GAP));
  if (x < 0 || column < 0 || (guint) column >= self->bars->len)
    return -1;
  return column;
}

static void
activate_at (SynSourceMap *self,
             int           column,
             double        y)
{
  double height = gtk_widget_get_height (GTK_WIDGET (self)) - 2 * PADDING;

  if (column < 0 || height <= 0)
    return;
  g_signal_emit (self, signals[POSITION_ACTIVATED], 0, (guint) column, CLAMP ((y - PADDING) / height, 0, 1));
}

static void
drag_begin_cb (SynSourceMap *self,
               double        x,
               double        y)
{
  self->drag_column = syn_source_map_column_at (self, x);
  self->drag_x = x;
  self->drag_y = y;
  activate_at (self, self->drag_column, y);
}

/* Dragging along a bar scrubs through that source. */
static void
drag_update_cb (SynSourceMap *self,
                double        dx,
                double        dy)
{
  activate_at (self, self->drag_column, self->drag_y + dy);
}

static gboolean
query_tooltip_cb (SynSourceMap *self,
                  int           x,
                  int           y,
                  gboolean      keyboard,
                  GtkTooltip   *tooltip)
{
  int column = syn_source_map_column_at (self, x);
  SynArticle *article;
  g_autofree char *text = NULL;

  if (column < 0 || (article = syn_article_view_get_article (g_array_index (self->bars, Bar, column).view)) == NULL)
    return FALSE;
  /* Translators: a source in the overview: its number and name */
  text = g_strdup_printf (_("%d · %s"), column + 1, syn_article_column_name_article (article));
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
syn_source_map_dispose (GObject *object)
{
  SynSourceMap *self = SYN_SOURCE_MAP (object);

  disconnect_all (self);
  g_array_set_size (self->bars, 0);
  g_clear_object (&self->hadjustment);
  forget_stripes (self);

  G_OBJECT_CLASS (syn_source_map_parent_class)->dispose (object);
}

static void
syn_source_map_finalize (GObject *object)
{
  g_array_unref (SYN_SOURCE_MAP (object)->bars);

  G_OBJECT_CLASS (syn_source_map_parent_class)->finalize (object);
}

static void
syn_source_map_class_init (SynSourceMapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = syn_source_map_dispose;
  object_class->finalize = syn_source_map_finalize;
  widget_class->snapshot = syn_source_map_snapshot;
  widget_class->measure = syn_source_map_measure;
  widget_class->size_allocate = syn_source_map_size_allocate;

  signals[POSITION_ACTIVATED] =
    g_signal_new ("position-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_DOUBLE);
  /* A bar's button was activated (Enter, Space): go to that column. */
  signals[COLUMN_ACTIVATED] =
    g_signal_new ("column-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_css_name (widget_class, "synsourcemap");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
syn_source_map_init (SynSourceMap *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();

  self->bars = g_array_new (FALSE, TRUE, sizeof (Bar));
  g_array_set_clear_func (self->bars, bar_clear);
  self->drag_column = -1;
  g_signal_connect_swapped (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect_swapped (drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "pointer");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Overview of all sources"), -1);
  syn_marks_watch_style (G_OBJECT (self), G_CALLBACK (style_changed_cb));
}

static void
button_clicked_cb (GtkWidget    *button,
                   SynSourceMap *self)
{
  g_signal_emit (self, signals[COLUMN_ACTIVATED], 0,
                 GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "syn-column")));
}

/* "31 passages: 2 reworded, 1 in conflict, 3 only here" */
static char *
describe_stripes (GArray *stripes)
{
  guint n[KIND_UNIQUE + 1] = { 0, };
  g_autofree char *passages = NULL;
  g_autofree char *reworded = NULL;
  g_autofree char *conflicts = NULL;
  g_autofree char *unique = NULL;

  for (guint i = 0; i < stripes->len; i++)
    n[g_array_index (stripes, Stripe, i).kind]++;
  passages = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u passage", "%u passages", stripes->len),
                              stripes->len);
  reworded = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u reworded", "%u reworded", n[KIND_REWORDED]),
                              n[KIND_REWORDED]);
  conflicts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u in conflict", "%u in conflict", n[KIND_CONFLICT]),
                               n[KIND_CONFLICT]);
  unique = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u only here", "%u only here", n[KIND_UNIQUE]),
                            n[KIND_UNIQUE]);
  /* Translators: a source in the overview, for a screen reader:
   * "31 passages: 2 reworded, 1 in conflict, 3 only here" */
  return g_strdup_printf (_("%s: %s, %s, %s"), passages, reworded, conflicts, unique);
}

/* A source's button is named as its column is, and renamed with it. */
static void
name_button (GtkWidget  *button,
             GParamSpec *pspec,
             SynArticle *article)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "syn-column"));
  guint n_columns = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "syn-n-columns"));
  /* Translators: a column for a screen reader: "Source 2 of 5: The Times" */
  g_autofree char *label = g_strdup_printf (_("Source %u of %u: %s"), column + 1, n_columns,
                                            article != NULL ? syn_article_column_name_article (article) : "");

  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
article_renamed_cb (SynArticle *article,
                    GParamSpec *pspec,
                    GtkWidget  *button)
{
  name_button (button, pspec, article);
}

static GtkWidget *
make_button (SynSourceMap *self,
             guint         column,
             guint         n_columns,
             SynArticle   *article,
             GArray       *stripes)
{
  GtkWidget *button = gtk_button_new ();
  g_autofree char *description = describe_stripes (stripes);

  gtk_widget_add_css_class (button, "syn-map-bar");
  /* the pointer scrubs the map under it */
  gtk_widget_set_can_target (button, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  g_object_set_data (G_OBJECT (button), "syn-column", GUINT_TO_POINTER (column));
  g_object_set_data (G_OBJECT (button), "syn-n-columns", GUINT_TO_POINTER (n_columns));
  name_button (button, NULL, article);
  if (article != NULL)
    g_signal_connect_object (article, "notify::custom-name", G_CALLBACK (article_renamed_cb), button, 0);
  g_signal_connect_object (button, "clicked", G_CALLBACK (button_clicked_cb), self, 0);
  gtk_widget_set_parent (button, GTK_WIDGET (self));
  return button;
}

GtkWidget *
syn_source_map_new (void)
{
  return g_object_new (SYN_TYPE_SOURCE_MAP, NULL);
}

void
syn_source_map_set_views (SynSourceMap *self,
                          GPtrArray    *views)
{
  g_return_if_fail (SYN_IS_SOURCE_MAP (self));

  for (guint i = 0; i < self->bars->len; i++)
    g_signal_handlers_disconnect_by_data (g_array_index (self->bars, Bar, i).adjustment, self);
  g_array_set_size (self->bars, 0);
  for (guint c = 0; views != NULL && c < views->len; c++)
    {
      SynArticleView *view = g_ptr_array_index (views, c);
      Bar bar;

      bar.view = g_object_ref (view);
      bar.adjustment = g_object_ref (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view)));
      bar.stripes = make_stripes (view);
      bar.button = make_button (self, c, views->len, syn_article_view_get_article (view), bar.stripes);
      watch (self, bar.adjustment);
      g_array_append_val (self->bars, bar);
    }
  forget_stripes (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
syn_source_map_set_hadjustment (SynSourceMap  *self,
                                GtkAdjustment *hadjustment)
{
  g_return_if_fail (SYN_IS_SOURCE_MAP (self));

  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_data (self->hadjustment, self);
  g_set_object (&self->hadjustment, hadjustment);
  if (hadjustment != NULL)
    watch (self, hadjustment);
}

void
syn_source_map_set_visible_func (SynSourceMap           *self,
                                 SynSourceMapVisibleFunc func,
                                 gpointer                user_data)
{
  g_return_if_fail (SYN_IS_SOURCE_MAP (self));

  self->visible_func = func;
  self->visible_data = user_data;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
