/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writers for the headless export. JSON is written by hand (GLib has no JSON
 * writer and the format is small and flat); the schema is the one the
 * evaluation kit reads: format "synopsis-comparison", version 1.
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
  else
    return FALSE;
  return TRUE;
}

static void
append_json_string (GString    *out,
                    const char *str,
                    gssize      len)
{
  const char *end = str + (len < 0 ? (gssize) strlen (str) : len);

  g_string_append_c (out, '"');
  for (const char *p = str; p < end; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, (char) c);
        }
    }
  g_string_append_c (out, '"');
}

static gsize
disk_offset (const SynExportSource *source,
             gsize                  offset)
{
  if (source->decoded == NULL)
    return offset;
  return syn_decoded_to_disk_offset (source->decoded, offset);
}

static void
append_field (GString    *out,
              const char *name,
              const char *value)
{
  if (value == NULL)
    return;
  g_string_append_printf (out, ", \"%s\": ", name);
  append_json_string (out, value, -1);
}

/* Version 1's additive fields: where a source came from and what the page
 * said of itself; for text that is not a file's, the text the offsets
 * refer to. */
static void
append_optional_fields (GString               *out,
                        SynAlignment          *alignment,
                        guint                  s,
                        const SynExportSource *source)
{
  append_field (out, "origin", source->origin);
  append_field (out, "url", source->url);
  append_field (out, "site", source->site);
  append_field (out, "byline", source->byline);
  append_field (out, "published", source->published);
  append_field (out, "language", source->language);
  append_field (out, "retrieved", source->retrieved);
  if (source->with_text)
    {
      gsize len;
      const char *text = syn_alignment_get_text (alignment, s, &len);

      g_string_append (out, ", \"text\": ");
      append_json_string (out, text, (gssize) len);
    }
}

static void
append_sources (GString               *out,
                SynAlignment          *alignment,
                const SynExportSource *sources)
{
  guint n = syn_alignment_get_n_sources (alignment);

  g_string_append (out, "  \"sources\": [");
  for (guint s = 0; s < n; s++)
    {
      g_autofree char *title = syn_alignment_dup_title (alignment, s);
      g_autofree char *base = g_path_get_basename (sources[s].path);

      g_string_append_printf (out, "%s\n    {\"id\": %u, \"path\": ", s ? "," : "", s);
      append_json_string (out, sources[s].path, -1);
      g_string_append (out, ", \"title\": ");
      append_json_string (out, title ? title : base, -1);
      g_string_append (out, ", \"encoding\": ");
      append_json_string (out, sources[s].encoding ? sources[s].encoding : "UTF-8", -1);
      append_optional_fields (out, alignment, s, &sources[s]);
      g_string_append_c (out, '}');
    }
  g_string_append (out, "\n  ],\n");
}

static void
append_passages (GString               *out,
                 SynAlignment          *alignment,
                 const SynExportSource *sources)
{
  guint n;
  const SynSegment *segs = syn_alignment_get_segments (alignment, &n);

  g_string_append (out, "  \"passages\": [");
  for (guint i = 0; i < n; i++)
    {
      const SynSegment *seg = &segs[i];
      const char *text = syn_alignment_get_text (alignment, seg->source, NULL);

      g_string_append_printf (out, "%s\n    {\"id\": %u, \"source\": %u, \"start\": %" G_GSIZE_FORMAT
                              ", \"end\": %" G_GSIZE_FORMAT ", \"kind\": \"%s\", \"text\": ",
                              i ? "," : "", i, seg->source,
                              disk_offset (&sources[seg->source], seg->start),
                              disk_offset (&sources[seg->source], seg->end),
                              syn_passage_kind_to_string (seg->kind));
      append_json_string (out, text + seg->start, (gssize) (seg->end - seg->start));
      g_string_append_c (out, '}');
    }
  g_string_append (out, "\n  ],\n");
}

static void
append_groups (GString      *out,
               SynAlignment *alignment)
{
  guint n;
  const SynCluster *clusters = syn_alignment_get_clusters (alignment, &n);

  g_string_append (out, "  \"groups\": [");
  for (guint i = 0; i < n; i++)
    {
      char score[G_ASCII_DTOSTR_BUF_SIZE];

      g_string_append_printf (out, "%s\n    {\"id\": %u, \"passages\": [", i ? "," : "", i);
      for (guint j = 0; j < clusters[i].n_segments; j++)
        g_string_append_printf (out, "%s%u", j ? ", " : "", clusters[i].segments[j]);
      g_ascii_formatd (score, sizeof score, "%.3f", clusters[i].score);
      g_string_append_printf (out, "], \"score\": %s}", score);
    }
  g_string_append (out, "\n  ],\n");
}

static void
append_divergences (GString               *out,
                    SynAlignment          *alignment,
                    const SynExportSource *sources)
{
  guint n;
  const SynDivergence *divs = syn_alignment_get_divergences (alignment, &n);
  const SynSegment *segs = syn_alignment_get_segments (alignment, NULL);

  g_string_append (out, "  \"divergences\": [");
  for (guint i = 0; i < n; i++)
    {
      const SynExportSource *src = &sources[segs[divs[i].segment].source];

      g_string_append_printf (out, "%s\n    {\"passage\": %u, \"start\": %" G_GSIZE_FORMAT
                              ", \"end\": %" G_GSIZE_FORMAT ", \"kind\": \"%s\"}",
                              i ? "," : "", divs[i].segment,
                              disk_offset (src, divs[i].start),
                              disk_offset (src, divs[i].end),
                              syn_divergence_kind_to_string (divs[i].kind));
    }
  g_string_append (out, "\n  ]\n");
}

GString *
syn_export_json (SynAlignment          *alignment,
                 const SynExportSource *sources)
{
  GString *out;

  g_return_val_if_fail (alignment != NULL, NULL);
  g_return_val_if_fail (sources != NULL || syn_alignment_get_n_sources (alignment) == 0, NULL);

  out = g_string_new ("{\n  \"format\": \"synopsis-comparison\",\n  \"version\": 1,\n");
  append_sources (out, alignment, sources);
  append_passages (out, alignment, sources);
  append_groups (out, alignment);
  append_divergences (out, alignment, sources);
  g_string_append (out, "}\n");
  return out;
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

GString *
syn_export (SynAlignment          *alignment,
            const SynExportSource *sources,
            SynExportFormat        format)
{
  if (format == SYN_EXPORT_TEXT)
    return syn_export_text (alignment, sources);
  return syn_export_json (alignment, sources);
}
