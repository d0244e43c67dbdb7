/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "syn-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "syn-legend.h"
#include "syn-marked-label.h"
#include "syn-marks.h"

typedef enum {
  SWATCH_NONE,
  SWATCH_SHARED,
  SWATCH_UNIQUE,
  SWATCH_SELECTED,
  SWATCH_BANDS,
} SwatchKind;

/* A small drawing of a gutter bar or of bands, as the view draws them. */
#define SYN_TYPE_LEGEND_SWATCH (syn_legend_swatch_get_type ())
G_DECLARE_FINAL_TYPE (SynLegendSwatch, syn_legend_swatch, SYN, LEGEND_SWATCH, GtkWidget)

struct _SynLegendSwatch
{
  GtkWidget  parent_instance;
  SwatchKind kind;
};

G_DEFINE_FINAL_TYPE (SynLegendSwatch, syn_legend_swatch, GTK_TYPE_WIDGET)

static void
snapshot_bands (GtkSnapshot      *snapshot,
                const SynPalette *palette,
                float             w,
                float             h)
{
  cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, w, h));
  /* Two bands that cross: a passage that moved. */
  const float bands[2][4] = { { 1, 7, h - 8, h - 1 }, { h - 8, h - 1, 1, 7 } };

  for (guint i = 0; i < 2; i++)
    {
      cairo_move_to (cr, 0, bands[i][0]);
      cairo_curve_to (cr, w / 2, bands[i][0], w / 2, bands[i][2], w, bands[i][2]);
      cairo_line_to (cr, w, bands[i][3]);
      cairo_curve_to (cr, w / 2, bands[i][3], w / 2, bands[i][1], 0, bands[i][1]);
      cairo_close_path (cr);
      gdk_cairo_set_source_rgba (cr, i == 0 ? &palette->band_selected : &palette->band_divergent);
      cairo_fill (cr);
    }
  cairo_destroy (cr);
}

static void
syn_legend_swatch_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  SynLegendSwatch *self = SYN_LEGEND_SWATCH (widget);
  const SynPalette *palette = syn_marks_get_palette ();
  float w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);
  float x = w / 2 - 1.5f;

  switch (self->kind)
    {
    case SWATCH_SHARED:
      gtk_snapshot_append_color (snapshot, &palette->gutter_shared, &GRAPHENE_RECT_INIT (x, 1, 3, h - 2));
      break;
    case SWATCH_SELECTED:
      gtk_snapshot_append_color (snapshot, &palette->gutter_selected, &GRAPHENE_RECT_INIT (x - 1, 1, 5, h - 2));
      break;
    case SWATCH_UNIQUE:
      for (float y = 1; y < h - 1; y += 7)
        gtk_snapshot_append_color (snapshot, &palette->gutter_unique,
                                   &GRAPHENE_RECT_INIT (x, y, 3, MIN (4, h - 1 - y)));
      break;
    case SWATCH_BANDS:
      snapshot_bands (snapshot, palette, w, h);
      break;
    case SWATCH_NONE:
    default:
      break;
    }
}

static void
syn_legend_swatch_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  *minimum = *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 28 : 20;
}

static void
syn_legend_swatch_class_init (SynLegendSwatchClass *klass)
{
  GTK_WIDGET_CLASS (klass)->snapshot = syn_legend_swatch_snapshot;
  GTK_WIDGET_CLASS (klass)->measure = syn_legend_swatch_measure;
}

static void
syn_legend_swatch_init (SynLegendSwatch *self)
{
}

static GtkWidget *
swatch_new (SwatchKind kind)
{
  SynLegendSwatch *self = g_object_new (SYN_TYPE_LEGEND_SWATCH, NULL);

  self->kind = kind;
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
  return GTK_WIDGET (self);
}

#define COMPACT_SPACING 18

struct _SynLegend
{
  GtkWidget  parent_instance;
  GtkWidget *grid;      /* a GtkGrid; when compact, the items are children */
  guint      n_rows;
  gboolean   compact;
};

enum {
  PROP_0,
  PROP_COMPACT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SynLegend, syn_legend, GTK_TYPE_WIDGET)

static GtkWidget *
sample_new (const char *text,
            SynMark     mark,
            SwatchKind  swatch)
{
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();
  g_autoptr(GArray) dotted = g_array_new (FALSE, FALSE, sizeof (guint));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
  guint len = strlen (text);
  GtkWidget *label;

  syn_marks_add_attributes (attrs, mark, 0, len);
  if (mark == SYN_MARK_CHANGED)
    {
      guint zero = 0;

      g_array_append_val (dotted, zero);
      g_array_append_val (dotted, len);
    }
  if (mark == SYN_MARK_BOILERPLATE || mark == SYN_MARK_DIMMED)
    {
      const SynPalette *palette = syn_marks_get_palette ();
      const GdkRGBA *c = mark == SYN_MARK_BOILERPLATE ? &palette->boilerplate : &palette->dim_text;
      PangoAttribute *fg = pango_attr_foreground_new (c->red * 65535, c->green * 65535, c->blue * 65535);
      PangoAttribute *alpha = pango_attr_foreground_alpha_new (c->alpha * 65535);

      pango_attr_list_insert (attrs, fg);
      pango_attr_list_insert (attrs, alpha);
      if (mark == SYN_MARK_BOILERPLATE)
        pango_attr_list_insert (attrs, pango_attr_scale_new (0.88));
    }
  if (mark == SYN_MARK_SELECTED)
    {
      const GdkRGBA *c = &syn_marks_get_palette ()->focus;

      pango_attr_list_insert (attrs, pango_attr_background_new (c->red * 65535, c->green * 65535, c->blue * 65535));
      pango_attr_list_insert (attrs, pango_attr_background_alpha_new (c->alpha * 65535));
    }
  if (swatch != SWATCH_NONE)
    gtk_box_append (GTK_BOX (box), swatch_new (swatch));
  if (mark == SYN_MARK_NUMBER || mark == SYN_MARK_QUOTE)
    {
      /* a sample of the emblem, named by the label beside it: nothing to
       * say to a screen reader (GTK 4.8 would call it "GtkImage") */
      GtkWidget *emblem = g_object_new (GTK_TYPE_IMAGE,
                                        "icon-name", syn_marks_icon_name (mark == SYN_MARK_NUMBER
                                                                          ? SYN_DIVERGENCE_NUMBER
                                                                          : SYN_DIVERGENCE_QUOTE),
                                        "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                        NULL);

      gtk_image_set_pixel_size (GTK_IMAGE (emblem), 12);
      gtk_widget_add_css_class (emblem, "syn-emblem");
      gtk_widget_add_css_class (emblem, mark == SYN_MARK_NUMBER ? "number" : "quote");
      gtk_box_append (GTK_BOX (box), emblem);
    }
  label = syn_marked_label_new (text, attrs, dotted);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), label);
  return box;
}

static void
add_compact_item (SynLegend  *self,
                  GtkWidget  *sample,
                  const char *title,
                  const char *explanation)
{
  GtkWidget *item = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title_label = gtk_label_new (title);

  /* Sample and name in a row; the explanation on hover. */
  gtk_widget_set_valign (sample, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (title_label, "caption");
  gtk_widget_add_css_class (title_label, "dim-label");
  gtk_box_append (GTK_BOX (item), sample);
  gtk_box_append (GTK_BOX (item), title_label);
  gtk_widget_set_tooltip_text (item, explanation);
  gtk_widget_set_parent (item, GTK_WIDGET (self));
  self->n_rows++;
}

static void
add_row (SynLegend  *self,
         GtkWidget  *sample,
         const char *title,
         const char *explanation)
{
  GtkWidget *texts, *title_label, *explanation_label;

  if (self->compact)
    {
      add_compact_item (self, sample, title, explanation);
      return;
    }
  texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  title_label = gtk_label_new (title);
  explanation_label = gtk_label_new (explanation);
  gtk_label_set_xalign (GTK_LABEL (title_label), 0);
  gtk_label_set_xalign (GTK_LABEL (explanation_label), 0);
  gtk_label_set_wrap (GTK_LABEL (explanation_label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (explanation_label), 38);
  gtk_widget_add_css_class (title_label, "heading");
  gtk_widget_add_css_class (explanation_label, "caption");
  gtk_widget_add_css_class (explanation_label, "dim-label");
  gtk_box_append (GTK_BOX (texts), title_label);
  gtk_box_append (GTK_BOX (texts), explanation_label);
  gtk_widget_set_halign (sample, GTK_ALIGN_START);
  gtk_widget_set_valign (sample, GTK_ALIGN_CENTER);
  gtk_grid_attach (GTK_GRID (self->grid), sample, 0, self->n_rows, 1, 1);
  gtk_grid_attach (GTK_GRID (self->grid), texts, 1, self->n_rows, 1, 1);
  self->n_rows++;
}

static GtkWidget *
make_grid (void)
{
  GtkWidget *grid = gtk_grid_new ();

  gtk_grid_set_row_spacing (GTK_GRID (grid), 10);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 14);
  gtk_widget_set_margin_top (grid, 12);
  gtk_widget_set_margin_bottom (grid, 12);
  gtk_widget_set_margin_start (grid, 12);
  gtk_widget_set_margin_end (grid, 12);
  return grid;
}

static void
clear (SynLegend *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  self->grid = NULL;
  self->n_rows = 0;
}

static void
build (SynLegend *self)
{
  clear (self);
  if (!self->compact)
    {
      self->grid = make_grid ();
      gtk_widget_set_parent (self->grid, GTK_WIDGET (self));
    }

  /* The marks on words and passages, which a reader meets first: in the
   * compact legend, alone. */
  add_row (self, sample_new (_("added words"), SYN_MARK_ADDED, SWATCH_NONE),
           _("Added"), _("Words only this source has: green tint, bold where a passage has only a few"));
  add_row (self, sample_new (_("reworded"), SYN_MARK_CHANGED, SWATCH_NONE),
           _("Changed"), _("Said differently elsewhere: faint tint, dotted underline"));
  add_row (self, sample_new (_("Jan. 12"), SYN_MARK_NUMBER, SWATCH_NONE),
           _("Number differs"), _("A number, amount or date another source gives otherwise: double underline"));
  add_row (self, sample_new (_("“quoted”"), SYN_MARK_QUOTE, SWATCH_NONE),
           _("Quotation differs"), _("Quoted words that differ from the same quotation elsewhere: wavy underline"));
  add_row (self, sample_new (_("A sentence"), SYN_MARK_UNIQUE, SWATCH_UNIQUE),
           _("Only here"), _("A passage no other source carries: dashed green bar"));
  if (self->compact)
    return;
  add_row (self, sample_new (_("A sentence"), SYN_N_MARKS, SWATCH_SHARED),
           _("Shared"), _("A passage other sources carry too; the bar is fainter when fewer do"));
  add_row (self, sample_new (_("A sentence"), SYN_MARK_SELECTED, SWATCH_SELECTED),
           _("Selected"), _("The passage you chose and its counterparts in every column"));
  add_row (self, sample_new (_("Share this"), SYN_MARK_BOILERPLATE, SWATCH_NONE),
           _("Site furniture"), _("Share prompts, related links, captions: left out of the comparison"));
  add_row (self, swatch_new (SWATCH_BANDS),
           _("Bands"), _("Join corresponding passages of neighbouring columns; crossing bands show a passage that moved"));
}

static void
syn_legend_dispose (GObject *object)
{
  clear (SYN_LEGEND (object));

  G_OBJECT_CLASS (syn_legend_parent_class)->dispose (object);
}

static void
syn_legend_constructed (GObject *object)
{
  SynLegend *self = SYN_LEGEND (object);

  G_OBJECT_CLASS (syn_legend_parent_class)->constructed (object);

  build (self);
  /* The samples carry the palette's colours: rebuild when it changes. */
  syn_marks_watch_style (G_OBJECT (self), G_CALLBACK (build));
}

/* The compact legend is one line, however narrow: it shows the items that
 * fit, in order, and leaves out the rest (the full legend is a click away).
 * The full one is its grid. */
static void
syn_legend_measure (GtkWidget      *widget,
                    GtkOrientation  orientation,
                    int             for_size,
                    int            *minimum,
                    int            *natural,
                    int            *minimum_baseline,
                    int            *natural_baseline)
{
  SynLegend *self = SYN_LEGEND (widget);

  *minimum = *natural = 0;
  if (!self->compact)
    {
      if (self->grid != NULL)
        gtk_widget_measure (self->grid, orientation, for_size, minimum, natural, NULL, NULL);
      return;
    }
  for (GtkWidget *item = gtk_widget_get_first_child (widget); item != NULL;
       item = gtk_widget_get_next_sibling (item))
    {
      int item_min, item_nat;

      gtk_widget_measure (item, orientation, -1, &item_min, &item_nat, NULL, NULL);
      if (orientation == GTK_ORIENTATION_VERTICAL)
        {
          *minimum = MAX (*minimum, item_min);
          *natural = MAX (*natural, item_nat);
        }
      else
        *natural += item_nat + (*natural > 0 ? COMPACT_SPACING : 0);
    }
}

static GtkSizeRequestMode
syn_legend_get_request_mode (GtkWidget *widget)
{
  SynLegend *self = SYN_LEGEND (widget);

  /* The full legend's explanations wrap. */
  if (!self->compact && self->grid != NULL)
    return gtk_widget_get_request_mode (self->grid);
  return GTK_SIZE_REQUEST_CONSTANT_SIZE;
}

static void
syn_legend_size_allocate (GtkWidget *widget,
                          int        width,
                          int        height,
                          int        baseline)
{
  SynLegend *self = SYN_LEGEND (widget);
  gboolean fits = TRUE;
  int x = 0;

  if (!self->compact)
    {
      if (self->grid != NULL)
        gtk_widget_allocate (self->grid, width, height, baseline, NULL);
      return;
    }
  for (GtkWidget *item = gtk_widget_get_first_child (widget); item != NULL;
       item = gtk_widget_get_next_sibling (item))
    {
      int item_width;

      gtk_widget_measure (item, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &item_width, NULL, NULL);
      fits = fits && x + item_width <= width;
      gtk_widget_set_child_visible (item, fits);
      if (fits)
        gtk_widget_size_allocate (item, &(GtkAllocation) { x, 0, item_width, height }, baseline);
      x += item_width + COMPACT_SPACING;
    }
}

static void
syn_legend_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_COMPACT:
      g_value_set_boolean (value, SYN_LEGEND (object)->compact);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
syn_legend_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_COMPACT:
      SYN_LEGEND (object)->compact = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
syn_legend_class_init (SynLegendClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = syn_legend_dispose;
  object_class->constructed = syn_legend_constructed;
  object_class->get_property = syn_legend_get_property;
  object_class->set_property = syn_legend_set_property;
  GTK_WIDGET_CLASS (klass)->measure = syn_legend_measure;
  GTK_WIDGET_CLASS (klass)->size_allocate = syn_legend_size_allocate;
  GTK_WIDGET_CLASS (klass)->get_request_mode = syn_legend_get_request_mode;

  /* One line of the marks on words and passages, samples and names,
   * explanations on hover. */
  properties[PROP_COMPACT] =
    g_param_spec_boolean ("compact", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "synlegend");
}

static void
syn_legend_init (SynLegend *self)
{
}

GtkWidget *
syn_legend_new (gboolean compact)
{
  return g_object_new (SYN_TYPE_LEGEND, "compact", compact, NULL);
}
