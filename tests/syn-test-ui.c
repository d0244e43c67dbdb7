/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Main-loop helpers shared by the UI tests: they wait the way a user does,
 * for something to appear or for frames to be drawn, never by sleeping.
 */
#define G_LOG_DOMAIN "syn-test"

#include "config.h"

#include <unistd.h>

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

/* The X window is found by the process and the title (GDK's X11 calls for
 * it are deprecated), focused, and the keys sent through XTEST: the path a
 * real key press takes, through the X server to GDK's event handling. */
gboolean
syn_test_press_keys (GtkWindow  *window,
                     const char *keys)
{
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");
  g_autofree char *pid = g_strdup_printf ("%d", (int) getpid ());
  g_autofree char *escaped = NULL;
  g_autofree char *title = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_return_val_if_fail (GTK_IS_WINDOW (window), FALSE);

  if (!g_str_equal (G_OBJECT_TYPE_NAME (gtk_widget_get_display (GTK_WIDGET (window))), "GdkX11Display") ||
      xdotool == NULL)
    {
      g_test_skip ("Keys are pressed through xdotool on X11");
      return FALSE;
    }
  syn_test_wait_frames (window, 2);
  escaped = g_regex_escape_string (gtk_window_get_title (window), -1);
  title = g_strconcat ("^", escaped, "$", NULL);
  {
    const char *argv[] = { xdotool, "search", "--all", "--onlyvisible", "--pid", pid, "--name", title,
                           "windowfocus", "--sync", "%1", "key", "--clearmodifiers", keys, NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, &err, &status, &error);
  }
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("xdotool could not press %s in “%s”: %s", keys, gtk_window_get_title (window), err);
  return TRUE;
}
