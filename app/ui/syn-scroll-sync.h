/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "syn-article-view.h"

G_BEGIN_DECLS

/* Keeps the columns of a comparison level while one of them scrolls: see
 * the essay at the top of syn-scroll-sync.c. Plain data owned by the
 * comparison view (@owner, whose frame clock it uses). */
typedef struct _SynScrollSync SynScrollSync;

SynScrollSync *syn_scroll_sync_new           (GtkWidget      *owner);
void           syn_scroll_sync_free          (SynScrollSync  *self);

/* The columns' article views, in order (each inside its own scroller). */
void           syn_scroll_sync_set_views     (SynScrollSync  *self,
                                              GPtrArray      *views);
void           syn_scroll_sync_set_enabled   (SynScrollSync  *self,
                                              gboolean        enabled);
gboolean       syn_scroll_sync_get_enabled   (SynScrollSync  *self);
/* The column whose scrolling the others follow (-1: none). The reader's
 * own input sets it; the view sets it when it scrolls a column itself. */
void           syn_scroll_sync_set_driver    (SynScrollSync  *self,
                                              int             column);
int            syn_scroll_sync_get_driver    (SynScrollSync  *self);
/* The same for a column the reader moved to (Alt+Right) rather than one
 * scrolled to a place: out of view, it follows until it is shown and only
 * then leads, so that the others keep their places. */
void           syn_scroll_sync_lead_when_shown (SynScrollSync *self,
                                                int            column);
/* The selected passage (-1, -1: none): its group stays level. */
void           syn_scroll_sync_set_selection (SynScrollSync  *self,
                                              int             column,
                                              int             span);
/* Which passages are shown changed (a filter): forget the pairings. */
void           syn_scroll_sync_invalidate    (SynScrollSync  *self);
/* Brings the other columns level with the driver now. */
void           syn_scroll_sync_follow        (SynScrollSync  *self);

/* Whether a column is in sideways view: only those follow. */
typedef gboolean (*SynScrollSyncVisibleFunc) (guint    column,
                                              gpointer user_data);
void           syn_scroll_sync_set_visible_func (SynScrollSync           *self,
                                                 SynScrollSyncVisibleFunc func,
                                                 gpointer                 user_data);
/* The strip scrolled sideways: columns now in view catch up (next frame). */
void           syn_scroll_sync_columns_moved (SynScrollSync  *self);

G_END_DECLS
