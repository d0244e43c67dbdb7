/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The headless export's text listing, and the names of the formats. The
 * JSON export is the model's (syn-export-json.c): json-glib writes it, and
 * the core stays GLib and Pango only.
 */
#define G_LOG_DOMAIN "syn-core"

#include "config.h"

#include <string.h>

#include "syn-export.h"

gboolean
syn_export_format_from_string (const char      *str,
                               SynExportFormat *format)
{
  g_return_val_if_fail (format != NULL, FALSE);

  if (g_strcmp0 (str, "json") == 0)
    *format = SYN_EXPORT_JSON;
  else if (g_strcmp0 (str, "text") == 0)
    *format = SYN_EXPORT_TEXT;
  else if (g_strcmp0 (str, "synopsis") == 0)
    *format = SYN_EXPORT_SYNOPSIS;
  else if (g_strcmp0 (str, "html") == 0)
    *format = SYN_EXPORT_HTML;
  else
    return FALSE;
  return TRUE;
}

/* ------------------------------------------------------------------ text */

static void
append_flat (GString    *out,
             const char *text,
             gsize       len)
{
  gboolean space = FALSE;

  /* One line per passage: fold runs of white space into one space. */
  for (gsize i = 0; i < len; i++)
    {
      if (g_ascii_isspace (text[i]))
        space = TRUE;
      else
        {
          if (space)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_c (out, text[i]);
        }
    }
}

static void
append_segment_line (GString      *out,
                     SynAlignment *alignment,
                     guint         index,
                     const char   *mark)
{
  const SynSegment *seg = &syn_alignment_get_segments (alignment, NULL)[index];
  const char *text = syn_alignment_get_text (alignment, seg->source, NULL);

  g_string_append_printf (out, "  %s [%u] ", mark, seg->source + 1);
  append_flat (out, text + seg->start, seg->end - seg->start);
  g_string_append_c (out, '\n');
}

GString *
syn_export_text (SynAlignment          *alignment,
                 const SynExportSource *sources)
{
  guint n_sources, n_segs, n_clusters;
  const SynSegment *segs;
  const SynCluster *clusters;
  GString *out;

  g_return_val_if_fail (alignment != NULL, NULL);

  n_sources = syn_alignment_get_n_sources (alignment);
  segs = syn_alignment_get_segments (alignment, &n_segs);
  clusters = syn_alignment_get_clusters (alignment, &n_clusters);
  out = g_string_new (NULL);

  for (guint s = 0; s < n_sources; s++)
    {
      g_autofree char *title = syn_alignment_dup_title (alignment, s);
      g_string_append_printf (out, "[%u] %s%s%s\n", s + 1, sources[s].path,
                              title ? " — " : "", title ? title : "");
    }
  /* The marks below, explained once: scripts skip the line, people need it. */
  g_string_append (out, "Legend: = worded as in the group's other sources, ~ worded differently, "
                   "+ only in this source; score: how sure the aligner is that a group's "
                   "passages correspond (0 to 1)\n");

  /* Walk the first source's order, printing each group when one of its
   * passages comes up, then the passages no other source carries. */
  for (guint i = 0; i < n_segs; i++)
    {
      const SynSegment *seg = &segs[i];
      const SynCluster *c;

      if (seg->kind == SYN_PASSAGE_BOILERPLATE)
        continue;
      if (seg->cluster < 0)
        {
          g_string_append_printf (out, "\n— only in [%u]\n", seg->source + 1);
          append_segment_line (out, alignment, i, "+");
          continue;
        }
      c = &clusters[seg->cluster];
      if (c->segments[0] != i)  /* sorted: the group's first passage */
        continue;
      g_string_append_printf (out, "\n— in %u of %u sources (score %.2f)\n",
                              c->support, n_sources, c->score);
      for (guint j = 0; j < c->n_segments; j++)
        {
          guint n_divs;
          syn_alignment_get_segment_divergences (alignment, c->segments[j], &n_divs);
          append_segment_line (out, alignment, c->segments[j], n_divs ? "~" : "=");
        }
    }
  return out;
}
