/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A private folder for a test's files, made fresh and removed whole.
 */
#pragma once

#include <glib.h>
#include <glib/gstdio.h>

/* A new folder under the temporary directory, named after @template
 * ("syn-loader-XXXXXX"); fails the test when it cannot be made. */
static inline char *
syn_test_make_dir (const char *template)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp (template, &error);

  g_assert_no_error (error);
  return dir;
}

/* Removes @path and everything below it, also what a test made
 * unreadable; links are removed, never followed. */
static inline void
syn_test_remove_tree (const char *path)
{
  GDir *dir;

  g_chmod (path, 0700);
  dir = g_dir_open (path, 0, NULL);
  if (dir != NULL)
    {
      const char *name;

      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            syn_test_remove_tree (child);
          else
            g_unlink (child);
        }
      g_dir_close (dir);
    }
  g_rmdir (path);
}
