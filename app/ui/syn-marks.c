/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Why the marks look the way they do. A reader scans five rewrites of one
 * story for what differs, so the text must stay the loudest thing on the
 * screen: every mark is a tint over the text, never a colour of the text
 * itself, and the strength of a mark follows its weight for the reader.
 * Words only this source has ("added") are on a green tint; where a passage
 * has only a few of them they are semibold too — one added clause in an
 * otherwise shared sentence is what the eye should find, while in a
 * rewritten passage half its words are added and bold would make a wall.
 * Words worded differently ("changed") get only a faint tint and a dotted
 * underline — soft, because rewrites reword almost everything. Without
 * colour, added words still read as a box, changed ones by their dots. Numbers and
 * quotations that disagree are facts at stake: each has its own colour, its
 * own underline (double for numbers, wavy for quotations) and an emblem
 * before it, so the cue survives without colour. Passages no other source
 * carries share the green of "added", as a faint tint and a dashed gutter
 * bar. Colours come from the GNOME palette, tuned separately for the dark
 * style, and strengthened for high contrast.
 */
#define G_LOG_DOMAIN "syn-ui"

#include "config.h"

#include <adwaita.h>

#include "syn-marks.h"

typedef struct {
  const char *text;
  const char *view_bg;
  const char *dim_text;
  const char *boilerplate;
  const char *unique;
  const char *selected;
  const char *focus;
  const char *changed;
  const char *changed_line;
  const char *added;
  const char *number;
  const char *number_line;
  const char *quote;
  const char *quote_line;
  const char *search;
  const char *search_current;
  const char *gutter_shared;
  const char *gutter_unique;
  const char *gutter_selected;
  const char *band;
  const char *band_edge;
  const char *band_divergent;
  const char *band_selected;
  const char *band_selected_edge;
} PaletteSpec;

static const PaletteSpec light_spec = {
  .text               = "rgba(0,0,6,0.80)",
  .view_bg            = "#ffffff",
  .dim_text           = "rgba(0,0,6,0.28)",
  .boilerplate        = "rgba(0,0,6,0.45)",
  .unique             = "rgba(143,240,164,0.12)",
  .selected           = "rgba(53,132,228,0.10)",
  .focus              = "rgba(53,132,228,0.20)",
  .changed            = "rgba(153,193,241,0.22)",
  .changed_line       = "rgba(28,113,216,0.75)",
  .added              = "rgba(87,227,137,0.30)",
  .number             = "rgba(255,163,72,0.40)",
  .number_line        = "#c64600",
  .quote              = "rgba(220,138,221,0.38)",
  .quote_line         = "#813d9c",
  .search             = "rgba(246,211,45,0.70)",
  .search_current     = "rgba(255,120,0,0.60)",
  .gutter_shared      = "rgba(0,0,6,0.14)",
  .gutter_unique      = "#2ec27e",
  .gutter_selected    = "#3584e4",
  .band               = "rgba(0,0,6,0.07)",
  .band_edge          = "rgba(0,0,6,0.18)",
  .band_divergent     = "rgba(0,0,6,0.11)",
  .band_selected      = "rgba(53,132,228,0.28)",
  .band_selected_edge = "rgba(28,113,216,0.80)",
};

static const PaletteSpec dark_spec = {
  .text               = "#ffffff",
  .view_bg            = "#1e1e1e",
  .dim_text           = "rgba(255,255,255,0.30)",
  .boilerplate        = "rgba(255,255,255,0.45)",
  .unique             = "rgba(46,194,126,0.12)",
  .selected           = "rgba(53,132,228,0.18)",
  .focus              = "rgba(53,132,228,0.32)",
  .changed            = "rgba(53,132,228,0.20)",
  .changed_line       = "rgba(153,193,241,0.85)",
  .added              = "rgba(38,162,105,0.42)",
  .number             = "rgba(230,97,0,0.42)",
  .number_line        = "#ffbe6f",
  .quote              = "rgba(145,65,172,0.50)",
  .quote_line         = "#dc8add",
  .search             = "rgba(229,165,10,0.55)",
  .search_current     = "rgba(255,120,0,0.70)",
  .gutter_shared      = "rgba(255,255,255,0.16)",
  .gutter_unique      = "#33d17a",
  .gutter_selected    = "#62a0ea",
  .band               = "rgba(255,255,255,0.06)",
  .band_edge          = "rgba(255,255,255,0.18)",
  .band_divergent     = "rgba(255,255,255,0.10)",
  .band_selected      = "rgba(53,132,228,0.40)",
  .band_selected_edge = "rgba(153,193,241,0.90)",
};

enum { LIGHT, DARK, LIGHT_HC, DARK_HC, N_PALETTES };

static SynPalette palettes[N_PALETTES];

static void
parse_color (GdkRGBA    *rgba,
             const char *spec,
             gboolean    high_contrast)
{
  if (!gdk_rgba_parse (rgba, spec))
    g_assert_not_reached ();
  /* High contrast: tints twice as strong, lines opaque. */
  if (high_contrast)
    rgba->alpha = MIN (1.0, rgba->alpha * 2.0);
}

static void
build_palette (SynPalette        *palette,
               const PaletteSpec *spec,
               gboolean           hc)
{
  parse_color (&palette->text, spec->text, FALSE);
  parse_color (&palette->view_bg, spec->view_bg, FALSE);
  parse_color (&palette->dim_text, spec->dim_text, hc);
  parse_color (&palette->boilerplate, spec->boilerplate, hc);
  parse_color (&palette->unique, spec->unique, hc);
  parse_color (&palette->selected, spec->selected, hc);
  parse_color (&palette->focus, spec->focus, hc);
  parse_color (&palette->changed, spec->changed, hc);
  parse_color (&palette->changed_line, spec->changed_line, hc);
  parse_color (&palette->added, spec->added, hc);
  parse_color (&palette->number, spec->number, hc);
  parse_color (&palette->number_line, spec->number_line, hc);
  parse_color (&palette->quote, spec->quote, hc);
  parse_color (&palette->quote_line, spec->quote_line, hc);
  parse_color (&palette->search, spec->search, hc);
  parse_color (&palette->search_current, spec->search_current, hc);
  parse_color (&palette->gutter_shared, spec->gutter_shared, hc);
  parse_color (&palette->gutter_unique, spec->gutter_unique, hc);
  parse_color (&palette->gutter_selected, spec->gutter_selected, hc);
  parse_color (&palette->band, spec->band, hc);
  parse_color (&palette->band_edge, spec->band_edge, hc);
  parse_color (&palette->band_divergent, spec->band_divergent, hc);
  parse_color (&palette->band_selected, spec->band_selected, hc);
  parse_color (&palette->band_selected_edge, spec->band_selected_edge, hc);
}

const SynPalette *
syn_marks_get_palette (void)
{
  static gsize initialized = 0;
  AdwStyleManager *manager = adw_style_manager_get_default ();
  guint which;

  if (g_once_init_enter (&initialized))
    {
      build_palette (&palettes[LIGHT], &light_spec, FALSE);
      build_palette (&palettes[DARK], &dark_spec, FALSE);
      build_palette (&palettes[LIGHT_HC], &light_spec, TRUE);
      build_palette (&palettes[DARK_HC], &dark_spec, TRUE);
      g_once_init_leave (&initialized, 1);
    }

  which = adw_style_manager_get_dark (manager) ? DARK : LIGHT;
  if (adw_style_manager_get_high_contrast (manager))
    which += LIGHT_HC;
  return &palettes[which];
}

static const char * const mark_names[SYN_N_MARKS] = {
  "syn-body",
  "syn-hidden",
  "syn-title",
  "syn-boilerplate",
  "syn-unique",
  "syn-selected",
  "syn-focus",
  "syn-changed",
  "syn-added",
  "syn-emphasis",
  "syn-number",
  "syn-quote",
  "syn-search",
  "syn-search-current",
  "syn-dimmed",
  "syn-fold",
};

void
syn_marks_create_tags (GtkTextTagTable  *table,
                       GtkTextTag      **tags)
{
  for (guint i = 0; i < SYN_N_MARKS; i++)
    {
      tags[i] = gtk_text_tag_new (mark_names[i]);
      gtk_text_tag_table_add (table, tags[i]);
      g_object_unref (tags[i]);
    }

  g_object_set (tags[SYN_MARK_BODY], "pixels-inside-wrap", 6, "pixels-below-lines", 4, NULL);
  g_object_set (tags[SYN_MARK_HIDDEN], "invisible", TRUE, NULL);
  g_object_set (tags[SYN_MARK_FOLD], "pixels-below-lines", SYN_MARKS_FOLD_HEIGHT, NULL);
  g_object_set (tags[SYN_MARK_TITLE],
                "weight", PANGO_WEIGHT_BOLD,
                "scale", 1.15,
                "pixels-below-lines", 6,
                NULL);
  g_object_set (tags[SYN_MARK_BOILERPLATE], "scale", 0.88, NULL);
  g_object_set (tags[SYN_MARK_EMPHASIS], "weight", PANGO_WEIGHT_SEMIBOLD, NULL);
  g_object_set (tags[SYN_MARK_NUMBER], "underline", PANGO_UNDERLINE_DOUBLE, NULL);
  g_object_set (tags[SYN_MARK_QUOTE], "underline", PANGO_UNDERLINE_ERROR, NULL);
  g_object_set (tags[SYN_MARK_SEARCH_CURRENT], "underline", PANGO_UNDERLINE_SINGLE, NULL);
  syn_marks_update_tags (tags);
}

void
syn_marks_update_tags (GtkTextTag **tags)
{
  const SynPalette *p = syn_marks_get_palette ();

  g_object_set (tags[SYN_MARK_BOILERPLATE], "foreground-rgba", &p->boilerplate, NULL);
  g_object_set (tags[SYN_MARK_UNIQUE], "background-rgba", &p->unique, NULL);
  g_object_set (tags[SYN_MARK_SELECTED], "background-rgba", &p->selected, NULL);
  g_object_set (tags[SYN_MARK_FOCUS], "background-rgba", &p->focus, NULL);
  g_object_set (tags[SYN_MARK_CHANGED], "background-rgba", &p->changed, NULL);
  g_object_set (tags[SYN_MARK_ADDED], "background-rgba", &p->added, NULL);
  g_object_set (tags[SYN_MARK_NUMBER],
                "background-rgba", &p->number,
                "underline-rgba", &p->number_line,
                NULL);
  g_object_set (tags[SYN_MARK_QUOTE],
                "background-rgba", &p->quote,
                "underline-rgba", &p->quote_line,
                NULL);
  g_object_set (tags[SYN_MARK_SEARCH], "background-rgba", &p->search, NULL);
  g_object_set (tags[SYN_MARK_SEARCH_CURRENT], "background-rgba", &p->search_current, NULL);
  /* Dimmed text drops every tint under it: a tag cannot unset a colour,
   * so it paints the view's own background over them. */
  g_object_set (tags[SYN_MARK_DIMMED],
                "foreground-rgba", &p->dim_text,
                "background-rgba", &p->view_bg,
                "weight", PANGO_WEIGHT_NORMAL,
                "underline", PANGO_UNDERLINE_NONE,
                NULL);
}

SynMark
syn_marks_for_divergence (SynDivergenceKind kind)
{
  switch (kind)
    {
    case SYN_DIVERGENCE_ADDED:
      return SYN_MARK_ADDED;
    case SYN_DIVERGENCE_CHANGED:
      return SYN_MARK_CHANGED;
    case SYN_DIVERGENCE_NUMBER:
      return SYN_MARK_NUMBER;
    case SYN_DIVERGENCE_QUOTE:
      return SYN_MARK_QUOTE;
    default:
      g_return_val_if_reached (SYN_MARK_CHANGED);
    }
}

/* A third of the passage's text at most, in three runs at most. */
gboolean
syn_marks_emphasise_added (SynPassage *passage)
{
  guint n_div, n_runs = 0;
  const SynDivergence *divs = syn_passage_get_divergences (passage, &n_div);
  gsize len, added = 0;

  syn_passage_peek_text (passage, &len);
  for (guint i = 0; i < n_div; i++)
    if (divs[i].kind == SYN_DIVERGENCE_ADDED)
      {
        added += divs[i].end - divs[i].start;
        n_runs++;
      }
  return n_runs > 0 && n_runs <= 3 && added * 3 <= len;
}

void
syn_marks_snapshot_dotted (GtkSnapshot   *snapshot,
                           float          x0,
                           float          x1,
                           float          y,
                           const GdkRGBA *color)
{
  /* Round dots would need cairo; two-pixel squares every four pixels read
   * as dots at text size and stay on the GPU path. */
  for (float x = x0; x + 1.5f <= x1; x += 4.0f)
    gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x, y, 2.0f, 1.5f));
}

static void
insert_attr (PangoAttrList  *attrs,
             PangoAttribute *attr,
             guint           start,
             guint           end)
{
  attr->start_index = start;
  attr->end_index = end;
  pango_attr_list_insert (attrs, attr);
}

static void
insert_color (PangoAttrList *attrs,
              gboolean       background,
              const GdkRGBA *rgba,
              guint          start,
              guint          end)
{
  guint16 r = rgba->red * 65535, g = rgba->green * 65535, b = rgba->blue * 65535;
  guint16 a = rgba->alpha * 65535;

  if (background)
    {
      insert_attr (attrs, pango_attr_background_new (r, g, b), start, end);
      insert_attr (attrs, pango_attr_background_alpha_new (MAX (a, 1)), start, end);
    }
  else
    {
      insert_attr (attrs, pango_attr_underline_color_new (r, g, b), start, end);
    }
}

void
syn_marks_add_attributes (PangoAttrList *attrs,
                          SynMark        mark,
                          guint          start,
                          guint          end)
{
  const SynPalette *p = syn_marks_get_palette ();

  switch (mark)
    {
    case SYN_MARK_ADDED:
      insert_color (attrs, TRUE, &p->added, start, end);
      break;
    case SYN_MARK_EMPHASIS:
      insert_attr (attrs, pango_attr_weight_new (PANGO_WEIGHT_SEMIBOLD), start, end);
      break;
    case SYN_MARK_CHANGED:
      /* The dotted underline is drawn by the owner of the label. */
      insert_color (attrs, TRUE, &p->changed, start, end);
      break;
    case SYN_MARK_NUMBER:
      insert_color (attrs, TRUE, &p->number, start, end);
      insert_color (attrs, FALSE, &p->number_line, start, end);
      insert_attr (attrs, pango_attr_underline_new (PANGO_UNDERLINE_DOUBLE), start, end);
      break;
    case SYN_MARK_QUOTE:
      insert_color (attrs, TRUE, &p->quote, start, end);
      insert_color (attrs, FALSE, &p->quote_line, start, end);
      insert_attr (attrs, pango_attr_underline_new (PANGO_UNDERLINE_ERROR), start, end);
      break;
    case SYN_MARK_UNIQUE:
      insert_color (attrs, TRUE, &p->unique, start, end);
      break;
    case SYN_MARK_SEARCH:
      insert_color (attrs, TRUE, &p->search, start, end);
      break;
    case SYN_MARK_BODY:
    case SYN_MARK_HIDDEN:
    case SYN_MARK_TITLE:
    case SYN_MARK_BOILERPLATE:
    case SYN_MARK_SELECTED:
    case SYN_MARK_FOCUS:
    case SYN_MARK_SEARCH_CURRENT:
    case SYN_MARK_DIMMED:
    case SYN_MARK_FOLD:
    case SYN_N_MARKS:
    default:
      break;
    }
}

const char *
syn_marks_icon_name (SynDivergenceKind kind)
{
  switch (kind)
    {
    case SYN_DIVERGENCE_NUMBER:
      return "syn-number-conflict-symbolic";
    case SYN_DIVERGENCE_QUOTE:
      return "syn-quote-conflict-symbolic";
    case SYN_DIVERGENCE_ADDED:
    case SYN_DIVERGENCE_CHANGED:
    default:
      return NULL;
    }
}

void
syn_marks_watch_style (GObject   *owner,
                       GCallback  callback)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  g_signal_connect_object (manager, "notify::dark", callback, owner, G_CONNECT_SWAPPED);
  g_signal_connect_object (manager, "notify::high-contrast", callback, owner, G_CONNECT_SWAPPED);
}
