/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Main-loop helpers shared by the UI tests: they wait the way a user does,
 * for something to appear or for frames to be drawn, never by sleeping.
 */
#define G_LOG_DOMAIN "syn-test"

#include "config.h"

#include "syn-test-ui.h"

static gboolean
timed_out_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

void
syn_test_wait_until (SynTestPredicate  predicate,
                     gpointer          data,
                     const char       *what)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (SYN_TEST_TIMEOUT_SECONDS, timed_out_cb, &timed_out);

  while (!predicate (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (timed_out)
    g_error ("Timed out waiting for %s", what);
  g_source_remove (id);
}

static gboolean
frames_done_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       data)
{
  guint *frames = data;

  if (*frames > 0)
    (*frames)--;
  return *frames > 0 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

static gboolean
no_frames_left (gpointer data)
{
  return *(guint *) data == 0;
}

void
syn_test_wait_frames (gpointer widget,
                      guint    n)
{
  guint frames = n;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_widget_add_tick_callback (widget, frames_done_cb, &frames, NULL);
  syn_test_wait_until (no_frames_left, &frames, "frames to be drawn");
}
