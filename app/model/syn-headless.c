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
 *
 * A saved comparison among the inputs stands for the sources it holds, with
 * the texts it saved (a file changed since is named on standard error, and
 * the saved text compared); its segment unit applies unless --segment is
 * given. --export=synopsis writes the inputs as a saved comparison.
 */
#define G_LOG_DOMAIN "syn-model"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "syn-export-html.h"
#include "syn-export-json.h"
#include "syn-headless.h"
#include "syn-loader.h"
#include "syn-saved.h"

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

/* What the export is made of: the sources in order, with what the export
 * says of each. */
typedef struct {
  GPtrArray *sources;   /* SynSource */
  GPtrArray *paths;     /* char *, as the export names them */
  GPtrArray *names;     /* char *, the columns' names */
  GPtrArray *uris;      /* char *, where each was read, or NULL */
  GPtrArray *files;     /* GFile, the inputs, for check_output() */
  gboolean   have_unit;
  SynSegmentUnit unit;  /* a saved comparison's, when @have_unit */
  SynEdits  *edits;     /* the saved comparisons' corrections, or NULL */
} Inputs;

static void
inputs_clear (Inputs *in)
{
  g_clear_pointer (&in->sources, g_ptr_array_unref);
  g_clear_pointer (&in->edits, syn_edits_free);
  g_clear_pointer (&in->paths, g_ptr_array_unref);
  g_clear_pointer (&in->names, g_ptr_array_unref);
  g_clear_pointer (&in->uris, g_ptr_array_unref);
  g_clear_pointer (&in->files, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Inputs, inputs_clear)

static void
add_input (Inputs     *in,
           SynSource  *source,
           const char *path,
           const char *name,
           const char *uri)
{
  g_ptr_array_add (in->sources, source);
  g_ptr_array_add (in->paths, g_strdup (path));
  g_ptr_array_add (in->names, g_strdup (name));
  g_ptr_array_add (in->uris, g_strdup (uri));
}

/* A saved comparison stands for its sources, with the texts it saved. */
/* A saved comparison's corrections, its sources numbered after those
 * given before it. */
static void
take_edits (Inputs   *in,
            SynSaved *saved)
{
  guint first = in->sources->len, n_cons, n_notes;
  const SynConstraint *cons = syn_saved_get_constraints (saved, &n_cons);
  const SynNote *notes = syn_saved_get_notes (saved, &n_notes);

  if (n_cons + n_notes > 0 && in->edits == NULL)
    in->edits = syn_edits_new ();
  for (guint i = 0; i < n_cons; i++)
    {
      SynConstraint c = cons[i];

      c.a.source += first;
      c.b.source += first;
      syn_edits_add (in->edits, &c, NULL, 0);
    }
  for (guint i = 0; i < n_notes; i++)
    {
      SynPassageRef ref = notes[i].ref;

      ref.source += first;
      syn_edits_set_note (in->edits, &ref, notes[i].text, NULL, 0);
    }
}

static gboolean
add_saved (Inputs     *in,
           GFile      *file,
           const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SynSaved) saved = syn_saved_load_file (file, name, NULL, &error);

  if (saved == NULL)
    {
      print_error (error->message);
      return FALSE;
    }
  if (!in->have_unit)
    {
      in->have_unit = TRUE;
      in->unit = syn_saved_get_unit (saved);
    }
  take_edits (in, saved);
  for (guint i = 0; i < syn_saved_get_n_sources (saved); i++)
    {
      const SynSavedSource *source = syn_saved_get_source (saved, i);
      gboolean missing;

      if (!syn_saved_source_matches (source, &missing, NULL) && !missing)
        {
          g_autofree char *message =
            g_strdup_printf (_("“%s” changed since the comparison was saved: the saved text is compared"),
                             source->path);
          print_error (message);
        }
      add_input (in, syn_source_ref (source->source), source->path, source->name, source->uri);
    }
  return TRUE;
}

static gboolean
add_path (Inputs     *in,
          const char *path)
{
  GFile *file = g_file_new_for_commandline_arg (path);
  g_autofree char *name = g_filename_display_name (path);
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *column = syn_loader_dup_display_name (file);
  g_autoptr(GError) error = NULL;
  SynSource *source;

  g_ptr_array_add (in->files, file);
  if (syn_saved_file_claims (file, NULL))
    return add_saved (in, file, name);

  source = syn_load_source (file, name, NULL, NULL, NULL, &error);
  if (source == NULL)
    {
      print_error (error->message);
      return FALSE;
    }
  if (syn_source_is_fallback (source))
    print_fallback_notice (name);
  add_input (in, source, path, column, uri);
  return TRUE;
}

static GString *
make_saved (Inputs         *in,
            SynSegmentUnit  unit)
{
  g_autoptr(SynSaved) saved = syn_saved_new (unit);
  g_autoptr(GBytes) bytes = NULL;
  gsize len;
  const char *data;

  for (guint i = 0; i < in->sources->len; i++)
    syn_saved_add_source (saved, g_ptr_array_index (in->sources, i), g_ptr_array_index (in->names, i),
                          g_ptr_array_index (in->paths, i), g_ptr_array_index (in->uris, i));
  if (in->edits != NULL)
    {
      guint n_cons, n_notes;
      const SynConstraint *cons = syn_edits_get_constraints (in->edits, &n_cons);
      const SynNote *notes = syn_edits_get_notes (in->edits, &n_notes);

      for (guint i = 0; i < n_cons; i++)
        syn_saved_add_constraint (saved, &cons[i]);
      for (guint i = 0; i < n_notes; i++)
        syn_saved_add_note (saved, &notes[i].ref, notes[i].text);
    }
  bytes = syn_saved_write (saved);
  data = g_bytes_get_data (bytes, &len);
  return g_string_new_len (data, (gssize) len);
}

static GString *
make_report (Inputs       *in,
             SynAlignment *alignment)
{
  guint n = in->sources->len;
  g_autofree SynReportSource *sources = g_new0 (SynReportSource, n + 1);
  SynReportEdits edits = { 0 };

  for (guint i = 0; i < n; i++)
    {
      sources[i].name = g_ptr_array_index (in->names, i);
      sources[i].path = g_ptr_array_index (in->paths, i);
      sources[i].source = g_ptr_array_index (in->sources, i);
    }
  if (in->edits != NULL)
    {
      edits.constraints = syn_edits_get_constraints (in->edits, &edits.n_constraints);
      edits.notes = syn_edits_get_notes (in->edits, &edits.n_notes);
    }
  return syn_export_html_with_edits (alignment, sources, &edits);
}

static GString *
make_export (Inputs          *in,
             SynExportFormat  format,
             SynSegmentUnit   unit)
{
  guint n = in->sources->len;
  g_autofree SynSourceText *texts = g_new0 (SynSourceText, n + 1);
  g_autofree SynExportSource *sources = g_new0 (SynExportSource, n + 1);
  g_autoptr(SynAlignment) alignment = NULL;
  const SynConstraint *cons = NULL;
  guint n_cons = 0;

  for (guint i = 0; i < n; i++)
    {
      SynSource *source = g_ptr_array_index (in->sources, i);

      texts[i].text = syn_source_get_text (source, &texts[i].len);
      texts[i].hints = syn_source_get_hints (source, &texts[i].n_hints);
      sources[i].path = g_ptr_array_index (in->paths, i);
      syn_source_describe (source, &sources[i]);
    }
  if (in->edits != NULL)
    cons = syn_edits_get_constraints (in->edits, &n_cons);
  alignment = syn_alignment_compute_constrained (texts, n, unit, cons, n_cons, NULL, NULL);
  if (format == SYN_EXPORT_HTML)
    return make_report (in, alignment);
  if (in->edits != NULL)
    {
      SynReportEdits edits;

      edits.constraints = syn_edits_get_constraints (in->edits, &edits.n_constraints);
      edits.notes = syn_edits_get_notes (in->edits, &edits.n_notes);
      return syn_export_with_edits (alignment, sources, format, &edits);
    }
  return syn_export (alignment, sources, format);
}

int
syn_headless_run (const char * const    *paths,
                  SynExportFormat        format,
                  const SynSegmentUnit  *unit,
                  const char            *output)
{
  g_auto(Inputs) in = {
    g_ptr_array_new_with_free_func ((GDestroyNotify) syn_source_unref),
    g_ptr_array_new_with_free_func (g_free),
    g_ptr_array_new_with_free_func (g_free),
    g_ptr_array_new_with_free_func (g_free),
    g_ptr_array_new_with_free_func (g_object_unref),
    FALSE, SYN_SEGMENT_SENTENCE,
  };
  guint n = paths ? g_strv_length ((char **) paths) : 0;
  g_autoptr(GFile) output_file = NULL;
  g_autoptr(GString) out = NULL;
  g_autoptr(GError) error = NULL;
  SynSegmentUnit chosen;
  int status = 0;

  if (n == 0)
    {
      g_printerr ("%s\n", _("No files to compare: give one or more text files, web pages or addresses."));
      return 1;
    }

  for (guint i = 0; i < n; i++)
    if (!add_path (&in, paths[i]))
      status = 1;

  if (output != NULL && !g_str_equal (output, "-"))
    {
      output_file = g_file_new_for_commandline_arg (output);
      if (!check_output (output_file, output, in.files))
        status = 1;
    }
  if (status != 0)
    return status;

  /* The unit asked for, else a saved comparison's, else sentences. */
  chosen = unit != NULL ? *unit : in.have_unit ? in.unit : SYN_SEGMENT_SENTENCE;
  if (format == SYN_EXPORT_SYNOPSIS)
    out = make_saved (&in, chosen);
  else
    out = make_export (&in, format, chosen);
  if (!write_output (output_file, out, &error))
    {
      print_error (error->message);
      return 1;
    }
  return 0;
}

int
syn_headless_export (const char * const *paths,
                     SynExportFormat     format,
                     SynSegmentUnit      unit,
                     const char         *output)
{
  return syn_headless_run (paths, format, &unit, output);
}
