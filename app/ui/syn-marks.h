/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The marks the comparison view puts on text, in one place so the columns,
 * the detail pane and the legend look the same: text tags, their colours for
 * light, dark and high-contrast styles, and the drawing helpers for what a
 * tag cannot express (dotted underlines, the passage gutter).
 */
#pragma once

#include <gtk/gtk.h>

#include "syn-model.h"

G_BEGIN_DECLS

/* Tags in priority order: a later tag wins over an earlier one. */
typedef enum {
  SYN_MARK_BODY,          /* the whole text: spacing */
  SYN_MARK_HIDDEN,        /* extra blank lines, hidden furniture, what a filter leaves out */
  SYN_MARK_TITLE,
  SYN_MARK_BOILERPLATE,
  SYN_MARK_UNIQUE,        /* a passage no other source carries */
  SYN_MARK_SELECTED,      /* the passages of the selected group (the columns */
  SYN_MARK_FOCUS,         /* draw these two, labels use the attributes) */
  SYN_MARK_CHANGED,
  SYN_MARK_ADDED,
  SYN_MARK_EMPHASIS,      /* added words where they are few: semibold */
  SYN_MARK_NUMBER,
  SYN_MARK_QUOTE,
  SYN_MARK_SEARCH,
  SYN_MARK_SEARCH_CURRENT,
  SYN_MARK_DIMMED,        /* filtered out: faded, its marks switched off */
  SYN_MARK_FOLD,          /* a paragraph a fold line follows: room below it */
  SYN_N_MARKS
} SynMark;

/* The room a fold line ("⋯ 6 passages agree") takes below a paragraph. */
#define SYN_MARKS_FOLD_HEIGHT 30

typedef struct {
  GdkRGBA text;
  GdkRGBA view_bg;
  GdkRGBA dim_text;
  GdkRGBA boilerplate;
  GdkRGBA unique;
  GdkRGBA selected;
  GdkRGBA focus;
  GdkRGBA changed;
  GdkRGBA changed_line;
  GdkRGBA added;
  GdkRGBA number;
  GdkRGBA number_line;
  GdkRGBA quote;
  GdkRGBA quote_line;
  GdkRGBA search;
  GdkRGBA search_current;
  GdkRGBA gutter_shared;
  GdkRGBA gutter_unique;
  GdkRGBA gutter_selected;
  GdkRGBA band;
  GdkRGBA band_edge;
  GdkRGBA band_divergent;
  GdkRGBA band_selected;
  GdkRGBA band_selected_edge;
} SynPalette;

/* The palette for the current style (light or dark, high contrast). */
const SynPalette *syn_marks_get_palette     (void);

/* Creates the SYN_N_MARKS tags in @table (in priority order) and keeps
 * their colours in step with the style; returns them in @tags. */
void              syn_marks_create_tags     (GtkTextTagTable  *table,
                                             GtkTextTag      **tags);

/* Sets the colours of @tags from the current palette. */
void              syn_marks_update_tags     (GtkTextTag      **tags);

SynMark           syn_marks_for_divergence  (SynDivergenceKind kind);

/* Whether @passage's added words are few enough to be set semibold too. */
gboolean          syn_marks_emphasise_added (SynPassage       *passage);

/* A dotted underline from @x0 to @x1 at baseline-ish @y. */
void              syn_marks_snapshot_dotted (GtkSnapshot      *snapshot,
                                             float             x0,
                                             float             x1,
                                             float             y,
                                             const GdkRGBA    *color);

/* Pango attributes equivalent to the tag for @mark, for labels. */
void              syn_marks_add_attributes  (PangoAttrList    *attrs,
                                             SynMark           mark,
                                             guint             start,
                                             guint             end);

/* Icon names for the number and quote emblems (in the app's resources). */
const char       *syn_marks_icon_name       (SynDivergenceKind kind);

/* Calls @callback (with @owner as its user data) whenever the palette
 * changes: the style went dark or light, or high contrast. */
void              syn_marks_watch_style     (GObject          *owner,
                                             GCallback         callback);

G_END_DECLS
