/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "synopsis"

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "syn-application.h"
#include "syn-vectors.h"

/* Appends @value to the comma-separated list in the environment variable
 * @name. */
static void
append_to_env (const char *name,
               const char *value)
{
  const char *old = g_getenv (name);
  g_autofree char *list = old != NULL && *old != '\0' ? g_strconcat (old, ",", value, NULL) : g_strdup (value);

  g_setenv (name, list, TRUE);
}

/* Without a GPU render node, GTK's GL renderer runs in software (llvmpipe),
 * which for a window of wrapped text is slower to start, slower to scroll
 * and twice as heavy as GTK's cairo renderer (measured under Xvfb: 0.40 s
 * and 200 MB to the first frame against 0.30 s and 122 MB; 50–68 ms against
 * 16 ms a frame scrolling twenty columns). So ask for cairo there, unless
 * the user chose a renderer; and switch GL off altogether, which GDK would
 * otherwise still set up (to pick the window's visual on X11): 45 ms of a
 * 0.22 s start under Xvfb, and Mesa's DRI3 complaints on stderr. The switch
 * is GDK_DISABLE=gl from GTK 4.16, GDK_DEBUG=gl-disable before. */
static void
prefer_cairo_without_gpu (void)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (g_getenv ("GSK_RENDERER") != NULL)
    return;
  dir = g_dir_open ("/dev/dri", 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      if (g_str_has_prefix (name, "renderD"))
        return;
    }
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  if (gtk_get_major_version () > 4 || gtk_get_minor_version () >= 16)
    append_to_env ("GDK_DISABLE", "gl");
  else
    append_to_env ("GDK_DEBUG", "gl-disable");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SynApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  prefer_cairo_without_gpu ();
  syn_vectors_install ();
  app = syn_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
