/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Where the word-vector table comes from: a file mapped into memory, so
 * that only the pages a comparison looks up are ever read (the kernel
 * shares them between windows, and drops them under pressure as it would
 * a file's cache). $SYNOPSIS_WORD_VECTORS names another file ("" for
 * none); else the table installed with the program is used, or the one
 * in the build tree for an uninstalled run.
 */
#define G_LOG_DOMAIN "syn-model"

#include "config.h"

#include "syn-vectors.h"

#define TABLE_NAME "word-vectors.bin"

static SynWordVectors *
map_table (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GMappedFile) file = g_mapped_file_new (path, FALSE, &error);
  g_autoptr(GBytes) bytes = NULL;

  if (file == NULL)
    {
      g_debug ("No word vectors at %s: %s", path, error->message);
      return NULL;
    }
  bytes = g_mapped_file_get_bytes (file);
  g_debug ("Word vectors: %s", path);
  return syn_word_vectors_new (bytes);
}

static SynWordVectors *
load_vectors (void)
{
  const char *path = g_getenv ("SYNOPSIS_WORD_VECTORS");
  SynWordVectors *vectors;

  if (path != NULL)
    return *path != '\0' ? map_table (path) : NULL;
  vectors = map_table (PKGDATADIR G_DIR_SEPARATOR_S TABLE_NAME);
#ifdef WORD_VECTORS_UNINSTALLED
  if (vectors == NULL)
    vectors = map_table (WORD_VECTORS_UNINSTALLED);
#endif
  return vectors;
}

void
syn_vectors_install (void)
{
  syn_word_vectors_set_loader (load_vectors);
}
