/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Printing a comparison. Paper has no scroll bars and no tooltips, so the
 * printout is the synoptic table of the report (syn_report_rows()): one row
 * per group and per passage only one source has, one column per source,
 * the word-level marks as background colours, and on every page a header
 * with the sources' names over their columns. Pages are landscape: four
 * columns of prose still read well across an A4 or Letter sheet; beyond
 * four sources the type gets smaller and the table compact.
 *
 * Each cell is a PangoLayout with attributes for its marks. The layouts are
 * measured once the page size is known (begin-print), rows are put on pages
 * whole, and each page is drawn from its rows (draw-page). A row taller
 * than a page (a long paragraph in many narrow columns) is cut at the page's
 * foot: rare with sentences, and better than splitting a row whose cells
 * would no longer line up.
 *
 * The operation keeps the alignment it was made from, so a re-alignment
 * while the print dialog is open does not change what is printed.
 */
#define G_LOG_DOMAIN "syn-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "syn-export-html.h"
#include "syn-print.h"

/* Sources that still get wide columns and normal type. */
#define WIDE_MAX_SOURCES 4
/* Points: inside a cell, between the header and the table, the width of
 * the group numbers' column. */
#define PAD 3.0
#define GAP 6.0
#define NUMBER_WIDTH 30.0

typedef struct {
  SynAlignment         *alignment;
  GPtrArray            *names;     /* char *, one per source */
  char                 *title;
  GArray               *rows;      /* gint, see syn_report_rows() */
  guint                 n_sources;
  PangoFontDescription *font;
  PangoFontDescription *bold;
  /* Set by begin-print, from the page size: */
  double                column_width;
  double                header_height;
  double                body_height;
  GArray               *heights;   /* double, one per row */
  GArray               *pages;     /* guint: each page's first row, then rows->len */
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_clear_pointer (&job->alignment, syn_alignment_unref);
  g_clear_pointer (&job->names, g_ptr_array_unref);
  g_clear_pointer (&job->rows, g_array_unref);
  g_clear_pointer (&job->heights, g_array_unref);
  g_clear_pointer (&job->pages, g_array_unref);
  g_clear_pointer (&job->font, pango_font_description_free);
  g_clear_pointer (&job->bold, pango_font_description_free);
  g_free (job->title);
  g_free (job);
}

/* ------------------------------------------------------------- layouts */

typedef struct {
  guint16 red, green, blue;
} Colour;

/* The report's print colours: light, and distinct in grey too. */
static Colour
mark_colour (SynDivergenceKind kind)
{
  switch (kind)
    {
    case SYN_DIVERGENCE_NUMBER: return (Colour) { 0xfbfb, 0xd3d3, 0x8d8d };
    case SYN_DIVERGENCE_QUOTE: return (Colour) { 0xd9d9, 0xcccc, 0xf5f5 };
    case SYN_DIVERGENCE_ADDED: return (Colour) { 0xc9c9, 0xecec, 0xd6d6 };
    case SYN_DIVERGENCE_CHANGED:
    default: return (Colour) { 0xffff, 0xf1f1, 0xa8a8 };
    }
}

static void
insert_attr (PangoAttrList  *attrs,
             PangoAttribute *attr,
             gsize           start,
             gsize           end)
{
  attr->start_index = (guint) start;
  attr->end_index = (guint) end;
  pango_attr_list_insert (attrs, attr);
}

/* Appends the passage @segment to @text, with its marks in @attrs. */
static void
append_passage (Job           *job,
                GString       *text,
                PangoAttrList *attrs,
                guint          segment)
{
  const SynSegment *seg = &syn_alignment_get_segments (job->alignment, NULL)[segment];
  const char *source_text = syn_alignment_get_text (job->alignment, seg->source, NULL);
  guint n_divs;
  const SynDivergence *divs = syn_alignment_get_segment_divergences (job->alignment, segment, &n_divs);
  gsize base;

  if (text->len > 0)
    g_string_append_c (text, ' ');
  base = text->len;
  g_string_append_len (text, source_text + seg->start, (gssize) (seg->end - seg->start));
  if (seg->kind == SYN_PASSAGE_TITLE)
    insert_attr (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD), base, text->len);
  for (guint i = 0; i < n_divs; i++)
    {
      Colour c = mark_colour (divs[i].kind);
      gsize start = base + MAX (divs[i].start, seg->start) - seg->start;
      gsize end = base + MIN (divs[i].end, seg->end) - seg->start;

      insert_attr (attrs, pango_attr_background_new (c.red, c.green, c.blue), start, end);
      if (divs[i].kind == SYN_DIVERGENCE_NUMBER)
        insert_attr (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD), start, end);
    }
}

static PangoLayout *
new_layout (Job                  *job,
            GtkPrintContext      *context,
            PangoFontDescription *font,
            double                width)
{
  PangoLayout *layout = gtk_print_context_create_pango_layout (context);

  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, pango_units_from_double (MAX (width, 1.0)));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  return layout;
}

/* What @row holds of source @s, or NULL when it has nothing there. */
static PangoLayout *
cell_layout (Job             *job,
             GtkPrintContext *context,
             gint             row,
             guint            s)
{
  const SynSegment *segs = syn_alignment_get_segments (job->alignment, NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  PangoAttrList *attrs = pango_attr_list_new ();
  PangoLayout *layout;

  if (row >= 0)
    {
      const SynCluster *cluster = &syn_alignment_get_clusters (job->alignment, NULL)[row];

      for (guint j = 0; j < cluster->n_segments; j++)
        if (segs[cluster->segments[j]].source == s)
          append_passage (job, text, attrs, cluster->segments[j]);
    }
  else if (segs[-1 - row].source == s)
    append_passage (job, text, attrs, (guint) (-1 - row));

  if (text->len == 0)
    {
      pango_attr_list_unref (attrs);
      return NULL;
    }
  layout = new_layout (job, context, job->font, job->column_width - 2 * PAD);
  pango_layout_set_text (layout, text->str, (int) text->len);
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  return layout;
}

/* "12 · 3/5": the group and how many sources carry it; "1/5" alone for a
 * passage only one source has. */
static PangoLayout *
number_layout (Job             *job,
               GtkPrintContext *context,
               gint             row)
{
  PangoLayout *layout = new_layout (job, context, job->font, NUMBER_WIDTH - 2 * PAD);
  g_autofree char *text = NULL;

  if (row >= 0)
    text = g_strdup_printf ("%d\n%u/%u", row + 1,
                            syn_alignment_get_clusters (job->alignment, NULL)[row].support, job->n_sources);
  else
    text = g_strdup_printf ("1/%u", job->n_sources);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int height = 0;

  if (layout != NULL)
    pango_layout_get_size (layout, NULL, &height);
  return pango_units_to_double (height);
}

static double
measure_row (Job             *job,
             GtkPrintContext *context,
             gint             row)
{
  g_autoptr(PangoLayout) number = number_layout (job, context, row);
  double height = layout_height (number);

  for (guint s = 0; s < job->n_sources; s++)
    {
      g_autoptr(PangoLayout) layout = cell_layout (job, context, row, s);

      height = MAX (height, layout_height (layout));
    }
  return height + 2 * PAD;
}

/* -------------------------------------------------------------- header */

static PangoLayout *
name_layout (Job             *job,
             GtkPrintContext *context,
             guint            s)
{
  PangoLayout *layout = new_layout (job, context, job->bold, job->column_width - 2 * PAD);
  g_autofree char *text = g_strdup_printf ("[%u] %s", s + 1, (const char *) g_ptr_array_index (job->names, s));

  pango_layout_set_text (layout, text, -1);
  return layout;
}

static PangoLayout *
title_layout (Job             *job,
              GtkPrintContext *context,
              int              page,
              int              n_pages)
{
  double width = gtk_print_context_get_width (context);
  PangoLayout *layout = new_layout (job, context, job->bold, width);
  g_autofree char *page_text = g_strdup_printf (_("Page %d of %d"), page + 1, n_pages);
  g_autofree char *text = g_strdup_printf ("%s\t%s", job->title, page_text);
  PangoTabArray *tabs = pango_tab_array_new_with_positions (1, FALSE, PANGO_TAB_LEFT,
                                                            pango_units_from_double (width * 0.85));

  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_MIDDLE);
  pango_layout_set_tabs (layout, tabs);
  pango_tab_array_free (tabs);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static double
names_height (Job             *job,
              GtkPrintContext *context)
{
  double height = 0;

  for (guint s = 0; s < job->n_sources; s++)
    {
      g_autoptr(PangoLayout) layout = name_layout (job, context, s);

      height = MAX (height, layout_height (layout));
    }
  return height + 2 * PAD;
}

/* ---------------------------------------------------------- pagination */

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                Job               *job)
{
  g_autoptr(PangoLayout) title = title_layout (job, context, 0, 1);
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  double used = 0;
  guint first = 0;

  job->column_width = (width - NUMBER_WIDTH) / MAX (job->n_sources, 1);
  job->header_height = layout_height (title) + GAP + names_height (job, context);
  job->body_height = MAX (height - job->header_height, 1.0);

  g_array_set_size (job->heights, 0);
  g_array_set_size (job->pages, 0);
  g_array_append_val (job->pages, first);
  for (guint i = 0; i < job->rows->len; i++)
    {
      double row_height = measure_row (job, context, g_array_index (job->rows, gint, i));

      g_array_append_val (job->heights, row_height);
      if (used > 0 && used + row_height > job->body_height)
        {
          g_array_append_val (job->pages, i);
          used = 0;
        }
      used += row_height;
    }
  g_array_append_val (job->pages, job->rows->len);
  gtk_print_operation_set_n_pages (operation, (int) job->pages->len - 1);
}

/* --------------------------------------------------------------- drawing */

static void
set_grey (cairo_t *cr,
          double   level)
{
  cairo_set_source_rgb (cr, level, level, level);
}

static void
draw_layout (cairo_t     *cr,
             PangoLayout *layout,
             double       x,
             double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static void
stroke_cell (cairo_t *cr,
             double   x,
             double   y,
             double   width,
             double   height)
{
  cairo_rectangle (cr, x, y, width, height);
  set_grey (cr, 0.6);
  cairo_set_line_width (cr, 0.5);
  cairo_stroke (cr);
}

static void
draw_header (Job             *job,
             GtkPrintContext *context,
             cairo_t         *cr,
             int              page)
{
  g_autoptr(PangoLayout) title = title_layout (job, context, page, (int) job->pages->len - 1);
  double y = layout_height (title) + GAP;
  double height = names_height (job, context);

  set_grey (cr, 0.0);
  draw_layout (cr, title, 0, 0);
  for (guint s = 0; s < job->n_sources; s++)
    {
      g_autoptr(PangoLayout) name = name_layout (job, context, s);
      double x = NUMBER_WIDTH + s * job->column_width;

      cairo_rectangle (cr, x, y, job->column_width, height);
      set_grey (cr, 0.92);
      cairo_fill (cr);
      set_grey (cr, 0.0);
      draw_layout (cr, name, x + PAD, y + PAD);
      stroke_cell (cr, x, y, job->column_width, height);
    }
}

static void
draw_row (Job             *job,
          GtkPrintContext *context,
          cairo_t         *cr,
          gint             row,
          double           y,
          double           height)
{
  g_autoptr(PangoLayout) number = number_layout (job, context, row);

  set_grey (cr, 0.35);
  draw_layout (cr, number, PAD, y + PAD);
  stroke_cell (cr, 0, y, NUMBER_WIDTH, height);
  for (guint s = 0; s < job->n_sources; s++)
    {
      g_autoptr(PangoLayout) cell = cell_layout (job, context, row, s);
      double x = NUMBER_WIDTH + s * job->column_width;

      cairo_rectangle (cr, x, y, job->column_width, height);
      if (cell == NULL)
        cairo_set_source_rgb (cr, 0.95, 0.95, 0.95);  /* not in this source */
      else if (row < 0)
        cairo_set_source_rgb (cr, 0.93, 0.96, 0.99);  /* only in this source */
      else
        cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_fill (cr);
      if (cell != NULL)
        {
          set_grey (cr, 0.0);
          draw_layout (cr, cell, x + PAD, y + PAD);
        }
      stroke_cell (cr, x, y, job->column_width, height);
    }
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              Job               *job)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  guint first = g_array_index (job->pages, guint, page);
  guint last = g_array_index (job->pages, guint, page + 1);
  double y = job->header_height;

  draw_header (job, context, cr, page);
  cairo_save (cr);
  cairo_rectangle (cr, 0, job->header_height, gtk_print_context_get_width (context), job->body_height);
  cairo_clip (cr);
  for (guint i = first; i < last; i++)
    {
      double height = g_array_index (job->heights, double, i);

      draw_row (job, context, cr, g_array_index (job->rows, gint, i), y, height);
      y += height;
    }
  cairo_restore (cr);
}

/* ------------------------------------------------------------------ api */

static Job *
job_new (SynComparison *comparison,
         SynAlignment  *alignment)
{
  Job *job = g_new0 (Job, 1);
  GListModel *articles = syn_comparison_get_articles (comparison);
  g_autofree char *headline = NULL;

  job->alignment = syn_alignment_ref (alignment);
  job->n_sources = syn_alignment_get_n_sources (alignment);
  job->names = g_ptr_array_new_with_free_func (g_free);
  for (guint s = 0; s < job->n_sources; s++)
    {
      g_autoptr(SynArticle) article = g_list_model_get_item (articles, s);

      g_ptr_array_add (job->names, g_strdup (article ? syn_article_get_label (article) : ""));
    }
  headline = syn_alignment_dup_title (alignment, 0);
  job->title = headline ? g_strdup_printf (_("Comparison: %s"), headline) : g_strdup (_("Comparison"));
  job->rows = syn_report_rows (alignment);
  job->font = pango_font_description_from_string (job->n_sources > WIDE_MAX_SOURCES ? "Sans 7" : "Sans 9");
  job->bold = pango_font_description_copy (job->font);
  pango_font_description_set_weight (job->bold, PANGO_WEIGHT_BOLD);
  job->heights = g_array_new (FALSE, FALSE, sizeof (double));
  job->pages = g_array_new (FALSE, FALSE, sizeof (guint));
  return job;
}

GtkPrintOperation *
syn_print_operation_new (SynComparison *comparison)
{
  SynAlignment *alignment;
  GtkPrintOperation *operation;
  g_autoptr(GtkPageSetup) setup = NULL;
  Job *job;

  g_return_val_if_fail (SYN_IS_COMPARISON (comparison), NULL);

  alignment = syn_comparison_get_alignment (comparison);
  if (alignment == NULL)
    return NULL;
  job = job_new (comparison, alignment);

  operation = gtk_print_operation_new ();
  setup = gtk_page_setup_new ();
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (operation, job->title);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), job);
  g_object_set_data_full (G_OBJECT (operation), "syn-print-job", job, job_free);
  return operation;
}
