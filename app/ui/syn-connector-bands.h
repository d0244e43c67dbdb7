/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "syn-article-view.h"

G_BEGIN_DECLS

#define SYN_TYPE_CONNECTOR_BANDS (syn_connector_bands_get_type ())

G_DECLARE_FINAL_TYPE (SynConnectorBands, syn_connector_bands, SYN, CONNECTOR_BANDS, GtkWidget)

/* A link between a passage of the left column and one of the right. */
typedef struct {
  guint    left;       /* span index in the left view */
  guint    right;      /* span index in the right view */
  int      group;
  gboolean divergent;
} SynBandLink;

GtkWidget *syn_connector_bands_new                (SynArticleView    *left,
                                                   GtkAdjustment     *left_adjustment,
                                                   SynArticleView    *right,
                                                   GtkAdjustment     *right_adjustment);
/* Takes @links (an array of SynBandLink). */
void       syn_connector_bands_set_links          (SynConnectorBands *self,
                                                   GArray            *links);
guint      syn_connector_bands_get_n_links        (SynConnectorBands *self);
void       syn_connector_bands_set_selected_group (SynConnectorBands *self,
                                                   int                group);
/* The group of the band under (@x, @y), or -1. */
int        syn_connector_bands_group_at           (SynConnectorBands *self,
                                                   double             x,
                                                   double             y);

G_END_DECLS
