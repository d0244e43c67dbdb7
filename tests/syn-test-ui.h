/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "syn-application.h"

G_BEGIN_DECLS

/* How long a UI test waits for anything before it fails. */
#define SYN_TEST_TIMEOUT_SECONDS 60

typedef gboolean (*SynTestPredicate) (gpointer data);

/* Runs the main loop until @predicate holds; fails the test, naming
 * @what, after SYN_TEST_TIMEOUT_SECONDS. */
void syn_test_wait_until  (SynTestPredicate  predicate,
                           gpointer          data,
                           const char       *what);

/* Lets @widget (a GtkWidget) lay out and draw @n frames. */
void syn_test_wait_frames (gpointer          widget,
                           guint             n);

/* Presses @keys (xdotool's names: "ctrl+v") on the keyboard of the X
 * server, as a user does: the focused widget of @window gets them first,
 * then the window's own keys. Skips the test and returns FALSE where that
 * cannot be done (not X11, no xdotool). */
gboolean syn_test_press_keys (GtkWindow  *window,
                              const char *keys);

/* g_test_init() for a test of the application: the user's data, settings
 * and autosaves stay untouched (every XDG_*_HOME points into a folder of
 * the test's own), GtkApplication gets a private session bus, and the
 * application is registered, non-unique. */
SynApplication *syn_test_application_init (int    *argc,
                                           char ***argv);
/* Frees the application, stops the bus, removes the folder. */
void            syn_test_application_done (SynApplication *app);

G_END_DECLS
