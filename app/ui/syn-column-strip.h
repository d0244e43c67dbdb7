/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "syn-article-column.h"
#include "syn-connector-bands.h"

G_BEGIN_DECLS

#define SYN_TYPE_COLUMN_STRIP (syn_column_strip_get_type ())

G_DECLARE_FINAL_TYPE (SynColumnStrip, syn_column_strip, SYN, COLUMN_STRIP, GtkWidget)

/* The columns side by side with connector bands between them. Columns are
 * as wide as a comfortable line (about 70 characters) where the space
 * allows, never narrower than a readable minimum (the strip then scrolls
 * sideways), and resizable by dragging the bands on their right. */
GtkWidget         *syn_column_strip_new          (void);
void               syn_column_strip_set_hadjustment (SynColumnStrip *self,
                                                     GtkAdjustment  *hadjustment);
void               syn_column_strip_remove_all   (SynColumnStrip    *self);
/* Appends @column, with @bands (NULL for the first column) on its left. */
void               syn_column_strip_append       (SynColumnStrip    *self,
                                                  SynArticleColumn  *column,
                                                  SynConnectorBands *bands);
guint              syn_column_strip_get_n_columns (SynColumnStrip   *self);
SynArticleColumn  *syn_column_strip_get_column   (SynColumnStrip    *self,
                                                  guint              index);
/* The bands between column @index and @index + 1. */
SynConnectorBands *syn_column_strip_get_bands    (SynColumnStrip    *self,
                                                  guint              index);
/* Sets column @index to @width pixels (-1: automatic). */
void               syn_column_strip_set_column_width (SynColumnStrip *self,
                                                      guint           index,
                                                      int             width);
int                syn_column_strip_get_column_width (SynColumnStrip *self,
                                                      guint           index);
gboolean           syn_column_strip_get_column_extent (SynColumnStrip *self,
                                                       guint           index,
                                                       int            *x,
                                                       int            *width);
/* Whether columns narrow (down to a legible minimum) to fit the window. */
gboolean           syn_column_strip_get_fit      (SynColumnStrip    *self);
void               syn_column_strip_set_fit      (SynColumnStrip    *self,
                                                  gboolean           fit);
/* Dragging a column to another place: which gap the pointer is nearest
 * (0 before the first column, n after the last), and the bar that shows
 * it (-1: none). */
int                syn_column_strip_gap_at       (SynColumnStrip    *self,
                                                  double             x);
void               syn_column_strip_set_drop_gap (SynColumnStrip    *self,
                                                  int                gap);
int                syn_column_strip_get_drop_gap (SynColumnStrip    *self);

G_END_DECLS
