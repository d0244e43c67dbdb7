/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `synopsis --export=…`: the comparison without a window, for scripts.
 *
 * The contract is strict because scripts cannot read a half-right answer:
 * every file (or web address) is read first, and if any cannot be read, each one is
 * named on standard error with the reason, nothing goes to standard output
 * and the exit status is 1. Only when all are text is the comparison
 * computed and written, in one piece: to standard output, or to --output
 * through g_file_replace_contents(), which writes a temporary file and
 * renames it, so a reader never sees half an export and a failure leaves
 * the old file as it was. --output may never name one of the inputs (by
 * another path, a link or a hard link included): that would destroy what is
 * being compared.
 */
#define G_LOG_DOMAIN "syn-model"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "syn-headless.h"
#include "syn-loader.h"

static void
print_error (const char *message)
{
  g_printerr ("synopsis: %s\n", message);
}

static gboolean
write_output (GFile    *output,
              GString  *data,
              GError  **error)
{
  if (output == NULL)
    {
      if (fwrite (data->str, 1, data->len, stdout) != data->len || fflush (stdout) != 0)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                               _("Could not write to standard output"));
          return FALSE;
        }
      return TRUE;
    }

  return g_file_replace_contents (output, data->str, data->len, NULL, FALSE,
                                  G_FILE_CREATE_NONE, NULL, NULL, error);
}

/* The file's identity on disk (device and inode), following links; NULL
 * when it does not exist. */
static char *
dup_file_id (GFile *file)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_ID_FILE,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);

  if (info == NULL)
    return NULL;
  return g_strdup (g_file_info_get_attribute_string (info, G_FILE_ATTRIBUTE_ID_FILE));
}

static gboolean
is_same_file (GFile      *a,
              const char *a_id,
              GFile      *b)
{
  g_autofree char *b_id = NULL;

  if (g_file_equal (a, b))
    return TRUE;
  if (a_id == NULL)
    return FALSE;
  b_id = dup_file_id (b);
  return b_id != NULL && g_str_equal (a_id, b_id);
}

/* Refuses an --output that is one of the inputs. */
static gboolean
check_output (GFile      *output,
              const char *output_path,
              GPtrArray  *inputs)
{
  g_autofree char *output_id = dup_file_id (output);

  for (guint i = 0; i < inputs->len; i++)
    {
      if (is_same_file (output, output_id, g_ptr_array_index (inputs, i)))
        {
          g_autofree char *name = g_filename_display_name (output_path);
          g_autofree char *message =
            g_strdup_printf (_("“%s” is one of the files compared: the export would "
                               "overwrite it; choose another output file"), name);
          print_error (message);
          return FALSE;
        }
    }
  return TRUE;
}

static void
print_fallback_notice (const char *name)
{
  g_autofree char *message =
    g_strdup_printf (_("“%s” is not valid UTF-8: it was read as Windows-1252"), name);
  print_error (message);
}

int
syn_headless_export (const char * const *paths,
                     SynExportFormat     format,
                     SynSegmentUnit      unit,
                     const char         *output)
{
  guint n = paths ? g_strv_length ((char **) paths) : 0;
  g_autoptr(GPtrArray) loaded = g_ptr_array_new_with_free_func ((GDestroyNotify) syn_source_unref);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GFile) output_file = NULL;
  g_autofree SynSourceText *texts = g_new0 (SynSourceText, n + 1);
  g_autofree SynExportSource *sources = g_new0 (SynExportSource, n + 1);
  g_autoptr(SynAlignment) alignment = NULL;
  g_autoptr(GString) out = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (n == 0)
    {
      g_printerr ("%s\n", _("No files to compare: give one or more text files, web pages or addresses."));
      return 1;
    }

  for (guint i = 0; i < n; i++)
    {
      GFile *file = g_file_new_for_commandline_arg (paths[i]);
      g_autofree char *name = g_filename_display_name (paths[i]);
      g_autoptr(GError) local_error = NULL;
      SynSource *source;

      g_ptr_array_add (files, file);
      source = syn_load_source (file, name, NULL, NULL, NULL, &local_error);
      if (source == NULL)
        {
          print_error (local_error->message);
          status = 1;
          continue;
        }
      if (syn_source_is_fallback (source))
        print_fallback_notice (name);
      g_ptr_array_add (loaded, source);
      texts[i].text = syn_source_get_text (source, &texts[i].len);
      texts[i].hints = syn_source_get_hints (source, &texts[i].n_hints);
      sources[i].path = paths[i];
      syn_source_describe (source, &sources[i]);
    }

  if (output != NULL && !g_str_equal (output, "-"))
    {
      output_file = g_file_new_for_commandline_arg (output);
      if (!check_output (output_file, output, files))
        status = 1;
    }
  if (status != 0)
    return status;

  alignment = syn_alignment_compute (texts, n, unit, NULL, NULL);
  out = syn_export (alignment, sources, format);
  if (!write_output (output_file, out, &error))
    {
      print_error (error->message);
      return 1;
    }
  return 0;
}
