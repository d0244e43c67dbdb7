/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The `.synopsis` reader's fuzz check. A saved comparison comes from disk,
 * so it may be damaged, foreign or hostile: the reader must refuse any of
 * that with a SYN_SAVED_ERROR and never crash, warn or leak. What it
 * accepts must be safe to compare (the texts, hints and manual edits go
 * straight to the aligner, so they are aligned here, and the exports that
 * list the edits and notes are written) and must survive being saved again:
 * written and read back, it is the same, byte for byte.
 */
#define G_LOG_DOMAIN "syn-fuzz"

#include "config.h"

#include <string.h>

#include "fuzz-checks.h"
#include "syn-export-html.h"
#include "syn-export-json.h"
#include "syn-saved.h"

/* The exports of a comparison with corrections: each names the passages
 * of every correction and note, which the file may put anywhere. */
static void
check_exports (SynSaved     *saved,
               SynAlignment *alignment)
{
  guint n = syn_saved_get_n_sources (saved);
  g_autofree SynExportSource *sources = g_new0 (SynExportSource, n + 1);
  g_autofree SynReportSource *report = g_new0 (SynReportSource, n + 1);
  SynReportEdits edits;
  g_autoptr(GString) json = NULL;
  g_autoptr(GString) text = NULL;
  g_autoptr(GString) html = NULL;

  for (guint i = 0; i < n; i++)
    {
      const SynSavedSource *source = syn_saved_get_source (saved, i);

      sources[i].path = source->path;
      syn_source_describe (source->source, &sources[i]);
      report[i].name = source->name;
      report[i].path = source->path;
      report[i].source = source->source;
    }
  edits.constraints = syn_saved_get_constraints (saved, &edits.n_constraints);
  edits.notes = syn_saved_get_notes (saved, &edits.n_notes);
  json = syn_export_with_edits (alignment, sources, SYN_EXPORT_JSON, &edits);
  g_assert_true (g_utf8_validate (json->str, (gssize) json->len, NULL));
  g_assert_true ((edits.n_constraints > 0) == (strstr (json->str, "\n  \"edits\" : [") != NULL));
  text = syn_export_with_edits (alignment, sources, SYN_EXPORT_TEXT, &edits);
  g_assert_true (g_utf8_validate (text->str, (gssize) text->len, NULL));
  html = syn_export_html_with_edits (alignment, report, &edits);
  g_assert_true (g_utf8_validate (html->str, (gssize) html->len, NULL));
}

/* What the file holds is safe to compare: the texts and hints go straight
 * to the aligner, and the corrections to the constraints it keeps. */
static void
check_alignable (SynSaved *saved)
{
  guint n = syn_saved_get_n_sources (saved), n_cons;
  g_autofree SynSourceText *texts = g_new0 (SynSourceText, n + 1);
  const SynConstraint *cons = syn_saved_get_constraints (saved, &n_cons);
  g_autoptr(SynAlignment) alignment = NULL;

  for (guint i = 0; i < n; i++)
    {
      SynSource *source = syn_saved_get_source (saved, i)->source;

      texts[i].text = syn_source_get_text (source, &texts[i].len);
      texts[i].hints = syn_source_get_hints (source, &texts[i].n_hints);
    }
  alignment = syn_alignment_compute_constrained (texts, n, syn_saved_get_unit (saved), cons, n_cons, NULL, NULL);
  g_assert_nonnull (alignment);
  g_assert_cmpuint (syn_alignment_get_n_sources (alignment), ==, n);
  check_exports (saved, alignment);
}

void
syn_fuzz_check_saved (const guint8 *data,
                      gsize         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SynSaved) saved = syn_saved_read ((const char *) data, size, &error);
  g_autoptr(SynSaved) again = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GBytes) rewritten = NULL;

  if (saved == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == SYN_SAVED_ERROR);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (syn_saved_get_n_sources (saved), >, 0);
  check_alignable (saved);

  written = syn_saved_write (saved);
  g_assert_true (syn_saved_sniff (g_bytes_get_data (written, NULL), g_bytes_get_size (written)));
  again = syn_saved_read (g_bytes_get_data (written, NULL), g_bytes_get_size (written), &error);
  g_assert_no_error (error);
  rewritten = syn_saved_write (again);
  g_assert_true (g_bytes_equal (written, rewritten));
}
