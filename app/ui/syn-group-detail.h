/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "syn-model.h"

G_BEGIN_DECLS

#define SYN_TYPE_GROUP_DETAIL (syn_group_detail_get_type ())

G_DECLARE_FINAL_TYPE (SynGroupDetail, syn_group_detail, SYN, GROUP_DETAIL, GtkWidget)

/* The selected group's versions stacked, one row per source in column
 * order, with word-level marks and how many sources carry it. */
GtkWidget *syn_group_detail_new        (void);
/* Shows @group of @comparison; with @group NULL, @passage alone (a
 * passage no other source carries). Both NULL: empty. */
void       syn_group_detail_show       (SynGroupDetail *self,
                                        SynComparison  *comparison,
                                        SynGroup       *group,
                                        SynPassage     *passage);
/* The heading shown, for tests: "In 4 of 5 sources". */
const char *syn_group_detail_get_heading (SynGroupDetail *self);
guint       syn_group_detail_get_n_rows  (SynGroupDetail *self);

G_END_DECLS
