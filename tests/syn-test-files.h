/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A private folder for a test's files, made fresh and removed whole, and
 * the fixture that gives each test of a binary its own.
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

/* A fixture: the folder of one test, made before it and removed after.
 * Register with SYN_TEST_ADD_WITH_FILES (path, "syn-unit-XXXXXX", func). */
typedef struct {
  char *dir;
} SynTestFiles;

static inline void
syn_test_files_set_up (SynTestFiles  *f,
                       gconstpointer  template)
{
  f->dir = syn_test_make_dir (template);
}

static inline void
syn_test_files_tear_down (SynTestFiles  *f,
                          gconstpointer  template)
{
  syn_test_remove_tree (f->dir);
  g_free (f->dir);
}

#define SYN_TEST_ADD_WITH_FILES(path, template, func) \
  g_test_add (path, SynTestFiles, template, syn_test_files_set_up, func, syn_test_files_tear_down)

/* Writes @len bytes of @bytes (-1: up to the NUL) to the file @name in
 * the test's folder; returns the file's path. */
static inline char *
syn_test_files_write (SynTestFiles *f,
                      const char   *name,
                      const char   *bytes,
                      gssize        len)
{
  char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, bytes, len, &error);
  g_assert_no_error (error);
  return path;
}
