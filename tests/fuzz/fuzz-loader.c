/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The loader's fuzz check: the input is written to a file and read back
 * through syn_load_file(), which must agree with decoding the bytes
 * directly: the same text and encoding, or the same refusal, named.
 */
#define G_LOG_DOMAIN "syn-fuzz"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gstdio.h>

#include "fuzz-checks.h"
#include "syn-loader.h"

static char *loader_path;

void
syn_fuzz_loader_cleanup (void)
{
  if (loader_path != NULL)
    g_unlink (loader_path);
  g_clear_pointer (&loader_path, g_free);
}

static const char *
scratch_path (void)
{
  if (loader_path == NULL)
    {
      g_autoptr(GError) error = NULL;
      int fd = g_file_open_tmp ("syn-fuzz-loader-XXXXXX.txt", &loader_path, &error);

      g_assert_no_error (error);
      g_close (fd, NULL);
    }
  return loader_path;
}

/* Rewritten in place, without the fsync g_file_set_contents() may do: the
 * loader cannot tell the difference, and the fuzzer runs much faster. */
static void
write_scratch (const char   *path,
               const guint8 *data,
               gsize         size)
{
  FILE *f = g_fopen (path, "wb");

  g_assert_nonnull (f);
  g_assert_cmpuint (fwrite (data, 1, size, f), ==, size);
  g_assert_cmpint (fclose (f), ==, 0);
}

void
syn_fuzz_check_loader (const guint8 *data,
                       gsize         size)
{
  const char *path = scratch_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) direct_error = NULL;
  g_autoptr(SynDecoded) loaded = NULL;
  g_autoptr(SynDecoded) direct = syn_decode (data, size, &direct_error);
  g_autofree char *name = syn_loader_dup_display_name (file);

  write_scratch (path, data, size);
  loaded = syn_load_file (file, NULL, &error);
  if (direct == NULL)
    {
      g_assert_null (loaded);
      g_assert_error (error, direct_error->domain, direct_error->code);
      g_assert_nonnull (strstr (error->message, name));
      return;
    }
  g_assert_no_error (error);
  g_assert_cmpstr (syn_decoded_get_text (loaded, NULL), ==, syn_decoded_get_text (direct, NULL));
  g_assert_cmpstr (syn_decoded_get_encoding (loaded), ==, syn_decoded_get_encoding (direct));
  g_assert_cmpuint (syn_decoded_get_disk_length (loaded), ==, size);
}
