/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "syn-article-view.h"

G_BEGIN_DECLS

#define SYN_TYPE_SOURCE_MAP (syn_source_map_get_type ())

G_DECLARE_FINAL_TYPE (SynSourceMap, syn_source_map, SYN, SOURCE_MAP, GtkWidget)

/* A compact overview of every source: one thin bar per column, its
 * passages marked top to bottom as shared, reworded, in conflict or only
 * there, with what each column shows outlined. A click (or a drag) on a
 * bar emits "position-activated" with the column and how far down; Enter
 * on a bar's button (the keyboard's way in) "column-activated". */
GtkWidget *syn_source_map_new          (void);
/* The columns' article views (each in its own vertical scroller); the
 * sideways adjustment, whose moves change which columns are in view, and
 * the function that says whether a column is. */
void       syn_source_map_set_views    (SynSourceMap *self,
                                        GPtrArray    *views);
void       syn_source_map_set_hadjustment (SynSourceMap  *self,
                                           GtkAdjustment *hadjustment);
typedef gboolean (*SynSourceMapVisibleFunc) (guint    column,
                                             gpointer user_data);
void       syn_source_map_set_visible_func (SynSourceMap           *self,
                                            SynSourceMapVisibleFunc func,
                                            gpointer                user_data);
/* The column under @x, or -1. */
int        syn_source_map_column_at    (SynSourceMap *self,
                                        double        x);

G_END_DECLS
