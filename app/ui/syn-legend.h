/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SYN_TYPE_LEGEND (syn_legend_get_type ())

G_DECLARE_FINAL_TYPE (SynLegend, syn_legend, SYN, LEGEND, GtkWidget)

/* What each mark of the comparison view means, each shown as it looks;
 * @compact: the marks on words and passages only, in one line of samples
 * and names (as many as fit), explanations on hover. */
GtkWidget *syn_legend_new (gboolean compact);

G_END_DECLS
