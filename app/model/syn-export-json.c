/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The JSON export, built as a json-glib tree and written by its generator:
 * no JSON is put together by hand, so escaping is json-glib's and a reader
 * never meets a malformed file. The schema is the one the evaluation kit
 * reads: format "synopsis-comparison", version 1; members come in a fixed
 * order (format, version, sources, passages, groups, divergences), as they
 * always have.
 *
 * One thing is done after the generator: json-glib 1.6 prints a double with
 * 17 significant digits, so a score of 0.609 reads 0.60899999999999999. The
 * value is the same to any parser, but people read these files too, so
 * each number with a fraction is rewritten in the shortest form that reads
 * back as the same double (where a newer json-glib does that already, the
 * pass changes nothing). The same pass escapes the one control character
 * json-glib 1.6 lets through (U+001F).
 *
 * The corrections made by hand and the notes (a saved comparison's, or
 * the window's) come last, as two additive members, "edits" and "notes",
 * left out when there are none so that every other export stays as it
 * was. A correction is what the aligner was told: a "link" (the two
 * passages belong in one group) or an "unlink" (they belong in different
 * groups); linking, merging, unlinking and splitting in the window each
 * record one or more of them. Each names its passages twice: where they
 * were when the correction was made (source and byte range, on disk like
 * every offset here) and, in "passages", the ids of the passages that hold
 * them now, which can differ after a change of segment unit. The text
 * listing ends with the same, one line each, the passages quoted.
 */
#define G_LOG_DOMAIN "syn-model"

#include "config.h"

#include <string.h>

#include "syn-export-json.h"

/* The shortest "%.Ng" that reads back as @d, with a ".0" kept on whole
 * numbers so a fraction still looks like one. */
static void
append_shortest (GString *out,
                 double   d)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  for (int digits = 1; digits <= 17; digits++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", digits);
      g_ascii_formatd (buf, sizeof buf, format, d);
      if (g_ascii_strtod (buf, NULL) == d)
        break;
    }
  g_string_append (out, buf);
  if (strpbrk (buf, ".eEni") == NULL)
    g_string_append (out, ".0");
}

/* Copies the string at @p (its opening quote) to @out and returns what
 * follows it. json-glib 1.6 leaves U+001F unescaped, which JSON forbids in
 * a string: every control character goes out escaped. */
static const char *
copy_string (GString    *out,
             const char *p,
             const char *end)
{
  g_string_append_c (out, *p++);
  while (p < end && *p != '"')
    {
      if (*p == '\\' && p + 1 < end)
        {
          g_string_append_len (out, p, 2);
          p += 2;
        }
      else if ((guchar) *p < 0x20)
        g_string_append_printf (out, "\\u%04x", (guchar) *p++);
      else
        g_string_append_c (out, *p++);
    }
  if (p < end)
    g_string_append_c (out, *p++);
  return p;
}

/* Copies @json, shortening the numbers that have a fraction or an
 * exponent; strings are copied as they are. */
static GString *
shorten_numbers (const char *json,
                 gsize       len)
{
  GString *out = g_string_sized_new (len + 1);
  const char *p = json, *end = json + len;

  while (p < end)
    {
      if (*p == '"')
        p = copy_string (out, p, end);
      else if (*p == '-' || g_ascii_isdigit (*p))
        {
          const char *q = p + 1;

          while (q < end && (g_ascii_isdigit (*q) || strchr (".eE+-", *q) != NULL))
            q++;
          if (memchr (p, '.', q - p) != NULL || memchr (p, 'e', q - p) != NULL ||
              memchr (p, 'E', q - p) != NULL)
            append_shortest (out, g_ascii_strtod (p, NULL));
          else
            g_string_append_len (out, p, q - p);
          p = q;
        }
      else
        g_string_append_c (out, *p++);
    }
  return out;
}

GString *
_syn_json_to_string (JsonNode *root)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *json = NULL;
  gsize len = 0;
  GString *out;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  json = json_generator_to_data (generator, &len);
  out = shorten_numbers (json, len);
  g_string_append_c (out, '\n');
  return out;
}

/* A string member; @value must be UTF-8 (a path that is not is made so). */
static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value,
            gssize       len)
{
  g_autofree char *valid = g_utf8_make_valid (value, len);

  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, valid);
}

static void
add_optional (JsonBuilder *builder,
              const char  *name,
              const char  *value)
{
  if (value != NULL)
    add_string (builder, name, value, -1);
}

static void
add_int (JsonBuilder *builder,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

static gsize
disk_offset (const SynExportSource *source,
             gsize                  offset)
{
  if (source->decoded == NULL)
    return offset;
  return syn_decoded_to_disk_offset (source->decoded, offset);
}

/* Version 1's additive fields come after the first ones: where a source
 * came from, what the page said of itself, and for text that is not a
 * file's, the text the offsets refer to. */
static void
add_source (JsonBuilder           *builder,
            SynAlignment          *alignment,
            guint                  s,
            const SynExportSource *source)
{
  g_autofree char *title = syn_alignment_dup_title (alignment, s);
  g_autofree char *base = g_path_get_basename (source->path);

  json_builder_begin_object (builder);
  add_int (builder, "id", s);
  add_string (builder, "path", source->path, -1);
  add_string (builder, "title", title ? title : base, -1);
  add_string (builder, "encoding", source->encoding ? source->encoding : "UTF-8", -1);
  add_optional (builder, "origin", source->origin);
  add_optional (builder, "url", source->url);
  add_optional (builder, "site", source->site);
  add_optional (builder, "byline", source->byline);
  add_optional (builder, "published", source->published);
  add_optional (builder, "language", source->language);
  add_optional (builder, "retrieved", source->retrieved);
  if (source->with_text)
    {
      gsize len;
      const char *text = syn_alignment_get_text (alignment, s, &len);

      add_string (builder, "text", text, (gssize) len);
    }
  json_builder_end_object (builder);
}

static void
add_passages (JsonBuilder           *builder,
              SynAlignment          *alignment,
              const SynExportSource *sources)
{
  guint n;
  const SynSegment *segs = syn_alignment_get_segments (alignment, &n);

  json_builder_set_member_name (builder, "passages");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      const SynSegment *seg = &segs[i];
      const char *text = syn_alignment_get_text (alignment, seg->source, NULL);

      json_builder_begin_object (builder);
      add_int (builder, "id", i);
      add_int (builder, "source", seg->source);
      add_int (builder, "start", (gint64) disk_offset (&sources[seg->source], seg->start));
      add_int (builder, "end", (gint64) disk_offset (&sources[seg->source], seg->end));
      add_string (builder, "kind", syn_passage_kind_to_string (seg->kind), -1);
      add_string (builder, "text", text + seg->start, (gssize) (seg->end - seg->start));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_groups (JsonBuilder  *builder,
            SynAlignment *alignment)
{
  guint n;
  const SynCluster *clusters = syn_alignment_get_clusters (alignment, &n);

  json_builder_set_member_name (builder, "groups");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      char score[G_ASCII_DTOSTR_BUF_SIZE];

      json_builder_begin_object (builder);
      add_int (builder, "id", i);
      json_builder_set_member_name (builder, "passages");
      json_builder_begin_array (builder);
      for (guint j = 0; j < clusters[i].n_segments; j++)
        json_builder_add_int_value (builder, clusters[i].segments[j]);
      json_builder_end_array (builder);
      /* Three decimals, rounded as the export always did. */
      g_ascii_formatd (score, sizeof score, "%.3f", clusters[i].score);
      json_builder_set_member_name (builder, "score");
      json_builder_add_double_value (builder, g_ascii_strtod (score, NULL));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_divergences (JsonBuilder           *builder,
                 SynAlignment          *alignment,
                 const SynExportSource *sources)
{
  guint n;
  const SynDivergence *divs = syn_alignment_get_divergences (alignment, &n);
  const SynSegment *segs = syn_alignment_get_segments (alignment, NULL);

  json_builder_set_member_name (builder, "divergences");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      const SynExportSource *src = &sources[segs[divs[i].segment].source];

      json_builder_begin_object (builder);
      add_int (builder, "passage", divs[i].segment);
      add_int (builder, "start", (gint64) disk_offset (src, divs[i].start));
      add_int (builder, "end", (gint64) disk_offset (src, divs[i].end));
      add_string (builder, "kind", syn_divergence_kind_to_string (divs[i].kind), -1);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/* The passage @ref names now, as a passage id, or null. */
static void
add_passage_id (JsonBuilder         *builder,
                SynAlignment        *alignment,
                const SynPassageRef *ref)
{
  guint n;
  const SynSegment *segs = syn_alignment_get_segments (alignment, &n);
  gint seg = syn_align_find_passage (segs, n, ref);

  if (seg >= 0)
    json_builder_add_int_value (builder, seg);
  else
    json_builder_add_null_value (builder);
}

/* Where the passage was when the correction was made, on disk. */
static void
add_span (JsonBuilder           *builder,
          const SynExportSource *sources,
          const SynPassageRef   *ref)
{
  add_int (builder, "source", ref->source);
  add_int (builder, "start", (gint64) disk_offset (&sources[ref->source], ref->start));
  add_int (builder, "end", (gint64) disk_offset (&sources[ref->source], ref->end));
}

static gboolean
ref_is_valid (SynAlignment        *alignment,
              const SynPassageRef *ref)
{
  gsize len;

  if (ref->source >= syn_alignment_get_n_sources (alignment))
    return FALSE;
  syn_alignment_get_text (alignment, ref->source, &len);
  return ref->start <= ref->end && ref->end <= len;
}

static void
add_edit (JsonBuilder           *builder,
          SynAlignment          *alignment,
          const SynExportSource *sources,
          const SynConstraint   *c)
{
  json_builder_begin_object (builder);
  add_string (builder, "kind", c->kind == SYN_CONSTRAINT_MUST_LINK ? "link" : "unlink", -1);
  json_builder_set_member_name (builder, "passages");
  json_builder_begin_array (builder);
  add_passage_id (builder, alignment, &c->a);
  add_passage_id (builder, alignment, &c->b);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "a");
  json_builder_begin_object (builder);
  add_span (builder, sources, &c->a);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "b");
  json_builder_begin_object (builder);
  add_span (builder, sources, &c->b);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
}

/* A note: the passage it is anchored to, the group that holds it now
 * (null: none), and its text. */
static void
add_note (JsonBuilder           *builder,
          SynAlignment          *alignment,
          const SynExportSource *sources,
          const SynNote         *note)
{
  guint n;
  const SynSegment *segs = syn_alignment_get_segments (alignment, &n);
  gint seg = syn_align_find_passage (segs, n, &note->ref);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "passage");
  add_passage_id (builder, alignment, &note->ref);
  json_builder_set_member_name (builder, "group");
  if (seg >= 0 && segs[seg].cluster >= 0)
    json_builder_add_int_value (builder, segs[seg].cluster);
  else
    json_builder_add_null_value (builder);
  add_span (builder, sources, &note->ref);
  add_string (builder, "text", note->text, -1);
  json_builder_end_object (builder);
}

static void
add_edits (JsonBuilder           *builder,
           SynAlignment          *alignment,
           const SynExportSource *sources,
           const SynReportEdits  *edits)
{
  if (edits->n_constraints > 0)
    {
      json_builder_set_member_name (builder, "edits");
      json_builder_begin_array (builder);
      for (guint i = 0; i < edits->n_constraints; i++)
        if (ref_is_valid (alignment, &edits->constraints[i].a) && ref_is_valid (alignment, &edits->constraints[i].b))
          add_edit (builder, alignment, sources, &edits->constraints[i]);
      json_builder_end_array (builder);
    }
  if (edits->n_notes > 0)
    {
      json_builder_set_member_name (builder, "notes");
      json_builder_begin_array (builder);
      for (guint i = 0; i < edits->n_notes; i++)
        if (ref_is_valid (alignment, &edits->notes[i].ref))
          add_note (builder, alignment, sources, &edits->notes[i]);
      json_builder_end_array (builder);
    }
}

static GString *
export_json (SynAlignment          *alignment,
             const SynExportSource *sources,
             const SynReportEdits  *edits)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  guint n;

  g_return_val_if_fail (alignment != NULL, NULL);
  g_return_val_if_fail (sources != NULL || syn_alignment_get_n_sources (alignment) == 0, NULL);

  n = syn_alignment_get_n_sources (alignment);
  json_builder_begin_object (builder);
  add_string (builder, "format", "synopsis-comparison", -1);
  add_int (builder, "version", 1);
  json_builder_set_member_name (builder, "sources");
  json_builder_begin_array (builder);
  for (guint s = 0; s < n; s++)
    add_source (builder, alignment, s, &sources[s]);
  json_builder_end_array (builder);
  add_passages (builder, alignment, sources);
  add_groups (builder, alignment);
  add_divergences (builder, alignment, sources);
  if (edits != NULL)
    add_edits (builder, alignment, sources, edits);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return _syn_json_to_string (root);
}

GString *
syn_export_json (SynAlignment          *alignment,
                 const SynExportSource *sources)
{
  return export_json (alignment, sources, NULL);
}

/* "[2] “Bakers on the quay…”" */
static void
append_quoted (GString             *out,
               SynAlignment        *alignment,
               const SynPassageRef *ref)
{
  g_autofree char *excerpt = syn_edits_dup_excerpt (alignment, ref, 60);

  g_string_append_printf (out, "[%u] “%s”", ref->source + 1, excerpt ? excerpt : "");
}

/* The listing's last part: each correction and note on a line. */
static void
append_text_edits (GString              *out,
                   SynAlignment         *alignment,
                   const SynReportEdits *edits)
{
  if (edits->n_constraints + edits->n_notes == 0)
    return;
  g_string_append (out, "\n— corrected by hand (link: the aligner keeps the two passages in one group; "
                   "unlink: in different groups)\n");
  for (guint i = 0; i < edits->n_constraints; i++)
    {
      const SynConstraint *c = &edits->constraints[i];

      if (!ref_is_valid (alignment, &c->a) || !ref_is_valid (alignment, &c->b))
        continue;
      g_string_append (out, c->kind == SYN_CONSTRAINT_MUST_LINK ? "  link   " : "  unlink ");
      append_quoted (out, alignment, &c->a);
      g_string_append (out, c->kind == SYN_CONSTRAINT_MUST_LINK ? " with " : " from ");
      append_quoted (out, alignment, &c->b);
      g_string_append_c (out, '\n');
    }
  for (guint i = 0; i < edits->n_notes; i++)
    {
      g_autofree char *text = NULL;

      if (!ref_is_valid (alignment, &edits->notes[i].ref))
        continue;
      /* one line, whatever the note holds */
      text = g_strdup (edits->notes[i].text);
      g_strdelimit (text, "\r\n\t", ' ');
      g_string_append (out, "  note   on the group of ");
      append_quoted (out, alignment, &edits->notes[i].ref);
      g_string_append_printf (out, ": %s\n", text);
    }
}

GString *
syn_export (SynAlignment          *alignment,
            const SynExportSource *sources,
            SynExportFormat        format)
{
  return syn_export_with_edits (alignment, sources, format, NULL);
}

GString *
syn_export_with_edits (SynAlignment          *alignment,
                       const SynExportSource *sources,
                       SynExportFormat        format,
                       const SynReportEdits  *edits)
{
  GString *out;

  g_return_val_if_fail (alignment != NULL, NULL);

  switch (format)
    {
    case SYN_EXPORT_TEXT:
      out = syn_export_text (alignment, sources);
      if (edits != NULL)
        append_text_edits (out, alignment, edits);
      return out;
    case SYN_EXPORT_JSON:
      return export_json (alignment, sources, edits);
    case SYN_EXPORT_SYNOPSIS:
    case SYN_EXPORT_HTML:
    default:
      return NULL;
    }
}
