/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SYN_TYPE_MARKED_LABEL (syn_marked_label_get_type ())

G_DECLARE_FINAL_TYPE (SynMarkedLabel, syn_marked_label, SYN, MARKED_LABEL, GtkWidget)

/* @attrs: the marks as Pango attributes (syn_marks_add_attributes());
 * @dotted: guint pairs, byte ranges of @text to underline with dots. */
GtkWidget *syn_marked_label_new (const char    *text,
                                 PangoAttrList *attrs,
                                 GArray        *dotted);

void        syn_marked_label_set      (SynMarkedLabel *self,
                                       const char     *text,
                                       PangoAttrList  *attrs,
                                       GArray         *dotted);
const char *syn_marked_label_get_text (SynMarkedLabel *self);

G_END_DECLS
