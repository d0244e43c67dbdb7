/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Main-loop helpers shared by the UI tests: they wait the way a user does,
 * for something to appear or for frames to be drawn, never by sleeping.
 */
#define G_LOG_DOMAIN "syn-test"

#include "config.h"

#include <unistd.h>

#include "syn-test-files.h"
#include "syn-test-ui.h"
#include "syn-window.h"

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

static GTestDBus *test_bus;
static char *test_home;

SynApplication *
syn_test_application_init (int    *argc,
                           char ***argv)
{
  static const char * const xdg_vars[] = {
    "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME",
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *display = NULL;
  SynApplication *app;

  /* The user's recent files, settings and autosaves stay untouched:
   * everything the application saves goes to a directory of the test's
   * own (the data directories stay, for the icon theme). */
  test_home = syn_test_make_dir ("synopsis-test-home-XXXXXX");
  for (guint i = 0; i < G_N_ELEMENTS (xdg_vars); i++)
    {
      g_autofree char *dir = g_build_filename (test_home, xdg_vars[i], NULL);

      g_setenv (xdg_vars[i], dir, TRUE);
    }
  g_test_init (argc, argv, NULL);

  /* A private session bus: GtkApplication wants one, and the tests must
   * not talk to (or be the unique instance on) the user's. */
  display = g_strdup (g_getenv ("DISPLAY"));
  test_bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (test_bus);
  /* GTestDBus unsets DISPLAY, which the window needs. */
  if (display != NULL)
    g_setenv ("DISPLAY", display, TRUE);

  app = syn_application_new ();
  g_type_ensure (SYN_TYPE_WINDOW);
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  return app;
}

void
syn_test_application_done (SynApplication *app)
{
  g_object_unref (app);
  /* libadwaita's settings keep the bus connection for good, so
   * g_test_dbus_down() (and so unreffing the bus) would wait for it in
   * vain: stop the daemon and leave the rest to the exit. */
  g_test_dbus_stop (test_bus);
  syn_test_remove_tree (test_home);
  g_clear_pointer (&test_home, g_free);
}
