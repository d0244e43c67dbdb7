/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "syn-model"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "syn-headless.h"
#include "syn-loader.h"

static gboolean
write_output (const char  *output,
              GString     *data,
              GError     **error)
{
  g_autoptr(GFile) file = NULL;

  if (output == NULL || g_str_equal (output, "-"))
    {
      if (fwrite (data->str, 1, data->len, stdout) != data->len || fflush (stdout) != 0)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                               _("Could not write to standard output"));
          return FALSE;
        }
      return TRUE;
    }

  file = g_file_new_for_commandline_arg (output);
  return g_file_replace_contents (file, data->str, data->len, NULL, FALSE,
                                  G_FILE_CREATE_NONE, NULL, NULL, error);
}

int
syn_headless_export (const char * const *paths,
                     SynExportFormat     format,
                     SynSegmentUnit      unit,
                     const char         *output)
{
  guint n = paths ? g_strv_length ((char **) paths) : 0;
  g_autoptr(GPtrArray) decoded = g_ptr_array_new_with_free_func ((GDestroyNotify) syn_decoded_free);
  g_autofree SynSourceText *texts = g_new0 (SynSourceText, n + 1);
  g_autofree SynExportSource *sources = g_new0 (SynExportSource, n + 1);
  g_autoptr(SynAlignment) alignment = NULL;
  g_autoptr(GString) out = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (n == 0)
    {
      g_printerr ("%s\n", _("No files to compare: give one or more text files."));
      return 1;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (paths[i]);
      g_autoptr(GError) local_error = NULL;
      SynDecoded *d = syn_load_file (file, NULL, &local_error);

      if (d == NULL)
        {
          g_printerr ("synopsis: %s\n", local_error->message);
          status = 1;
          continue;
        }
      g_ptr_array_add (decoded, d);
      texts[i].text = syn_decoded_get_text (d, &texts[i].len);
      sources[i].path = paths[i];
      sources[i].encoding = syn_decoded_get_encoding (d);
      sources[i].decoded = d;
    }
  if (status != 0)
    return status;

  alignment = syn_alignment_compute (texts, n, unit, NULL, NULL);
  out = syn_export (alignment, sources, format);
  if (!write_output (output, out, &error))
    {
      g_printerr ("synopsis: %s\n", error->message);
      return 1;
    }
  return 0;
}
