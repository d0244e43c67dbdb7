/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The report: a comparison as one HTML page an editor can read, print or
 * attach to a mail.
 *
 * What a reader needs first is where the sources contradict each other, so
 * the page opens with the conflicts. Two kinds come from the alignment: a
 * number or a quotation that differs between passages the aligner put in
 * one group (divergences of kind number and quote). Each such disagreement
 * is recorded once per passage that carries it, so the divergences of one
 * group are gathered into conflicts: the distinct wordings ("sides"), each
 * with the sources that give it and one passage quoted in context. A third
 * kind the alignment cannot see: two sources giving different figures in
 * sentences that are not each other's versions ("100,000 troops" in one
 * passage, "175,000 troops" in a sentence only one source has). Those are
 * found by reading every figure with the word that follows it (skipping
 * names and function words: "100,000 Russian soldiers" is about soldiers)
 * and listing the words that come with different figures in different
 * sources. That is a hint, not a verdict, and the page says so.
 *
 * Then come the sources (what each said of itself, and the SHA-256 of the
 * bytes read, so a reader can tell the copy compared), a summary of what
 * they share, and the whole comparison as a synoptic table: one row per
 * group and one per passage only one source has, one column per source.
 * The rows follow the reading order of every source at once: the first
 * source's passages in order, then each other source's passages merged in
 * after the last row that source was seen in, so a passage only one source
 * has sits where that source has it. Site furniture is left out.
 *
 * The page is self-contained: inline CSS with light and dark colours
 * (prefers-color-scheme) and print rules (landscape, colours kept, header
 * row repeated), no script, nothing fetched. Every text that comes from a
 * source or a path is escaped, and characters HTML forbids are replaced.
 *
 * Manual links and notes (a saved comparison's edits and notes) have their
 * place in the summary (the section with id "edits": how many corrections,
 * then each one with the passages it names and links to their groups, and
 * each note with a link to its group), and a group linked by hand or
 * annotated says so in its row header, the note in full. Without any, the
 * summary says the alignment is the aligner's alone.
 */
#define G_LOG_DOMAIN "syn-model"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "syn-export-html.h"
#include "syn-model-private.h"
#include "syn-normalize.h"

/* Figures: how many words after a figure to look for what it counts, and
 * how many words with differing figures to list at most. */
#define FIGURE_LOOKAHEAD 3
#define MAX_FIGURES 12
/* Sources named in full in a list; more are given by number. */
#define MAX_NAMED 6
/* Nested marks deeper than this are flattened (a quote holds changed words;
 * nothing nests deeper). */
#define MAX_DEPTH 8

static const char report_css[] =
  ":root{color-scheme:light dark;--bg:#fff;--fg:#1e1e1e;--dim:#5e5c64;--line:#d0d0d4;"
  "--head:#f3f3f5;--card:#f8f8fa;--num:#fbd38d;--quote:#c6b3f0;--chg:#fff1a8;"
  "--add:#b7e4c7;--uniq:#e4f0fb;--link:#1a5fb4}\n"
  "@media (prefers-color-scheme:dark){:root{--bg:#1e1e22;--fg:#e8e8ea;--dim:#a8a8b0;"
  "--line:#46464e;--head:#2a2a30;--card:#26262c;--num:#8a5a00;--quote:#553d8c;"
  "--chg:#5c5417;--add:#1f5a36;--uniq:#1d3147;--link:#8fc1ff}}\n"
  "*{box-sizing:border-box}\n"
  "body{margin:0 auto;max-width:1600px;padding:1rem 1.5rem 3rem;background:var(--bg);"
  "color:var(--fg);font:15px/1.45 Cantarell,'Noto Sans','Segoe UI',sans-serif}\n"
  "a{color:var(--link)}\n"
  "h1{font-size:1.5rem;margin:.2rem 0}\n"
  "h2{font-size:1.2rem;margin:1.6rem 0 .5rem;border-bottom:1px solid var(--line)}\n"
  "h3{font-size:1rem;margin:1rem 0 .4rem}\n"
  ".sub,.note,.who,.what small{color:var(--dim)}\n"
  ".sub{margin:.1rem 0 .3rem}\n"
  ".nav a{margin-right:1rem}\n"
  "ol.conflicts,ul.figures{list-style:none;padding:0;margin:0}\n"
  ".conflict{border:1px solid var(--line);border-radius:6px;background:var(--card);"
  "padding:.4rem .7rem;margin:.4rem 0;break-inside:avoid}\n"
  ".what{margin:.1rem 0 .3rem;font-weight:600}\n"
  ".sides{display:grid;grid-template-columns:repeat(auto-fit,minmax(22rem,1fr));gap:.3rem 1rem}\n"
  ".side blockquote{margin:.1rem 0 .2rem;padding-left:.6rem;border-left:3px solid var(--line)}\n"
  ".who{margin:0;font-size:.9rem}\n"
  ".value{font-weight:700}\n"
  ".m,ins{color:inherit;text-decoration:none;border-radius:2px;padding:0 1px}\n"
  ".m.number{background:var(--num);font-weight:600}\n"
  ".m.quote{background:var(--quote)}\n"
  ".m.changed{background:var(--chg)}\n"
  "ins.added{background:var(--add)}\n"
  ".m.quote .m,.m.quote ins{box-shadow:inset 0 -2px var(--quote)}\n"
  "dl.source{display:grid;grid-template-columns:9rem 1fr;gap:0 .8rem;margin:.2rem 0 .8rem;"
  "padding:.4rem .7rem;border:1px solid var(--line);border-radius:6px;background:var(--card);"
  "break-inside:avoid}\n"
  "dl.source dt{color:var(--dim)}dl.source dd{margin:0;overflow-wrap:anywhere}\n"
  "dl.source dt.name{grid-column:1/-1;color:var(--fg);font-weight:700}\n"
  "code{font-size:.85em}\n"
  "table{border-collapse:collapse;width:100%}\n"
  "th,td{border:1px solid var(--line);padding:.3rem .45rem;vertical-align:top;text-align:left}\n"
  "thead th{background:var(--head);position:sticky;top:0}\n"
  "table.summary{width:auto}table.summary td{text-align:right}\n"
  "table.synoptic{table-layout:fixed;font-size:.9rem}\n"
  "table.synoptic th,table.synoptic td{overflow-wrap:anywhere}\n"
  "table.synoptic col.n{width:4.2rem}\n"
  "table.synoptic tbody th{font-weight:400;color:var(--dim);font-size:.8rem}\n"
  "tr.unique td.has{background:var(--uniq)}\n"
  "td.missing{background:repeating-linear-gradient(135deg,transparent 0 6px,var(--head) 6px 12px)}\n"
  "tr.title td{font-weight:700}\n"
  ".legend span{margin-right:1rem}\n"
  ".hand{font-style:italic;color:var(--fg)}\n"
  "@media print{@page{size:landscape;margin:12mm}\n"
  ":root{--bg:#fff;--fg:#000;--dim:#444;--line:#999;--head:#eee;--card:#fff;--num:#fbd38d;"
  "--quote:#d9ccf5;--chg:#fff1a8;--add:#c9ecd6;--uniq:#eef5fc;--link:#000}\n"
  "body{max-width:none;padding:0;font-size:10pt}.nav{display:none}table.synoptic{font-size:8.5pt}\n"
  "*{print-color-adjust:exact;-webkit-print-color-adjust:exact}\n"
  "thead{display:table-header-group}thead th{position:static}tr{break-inside:avoid}\n"
  "h2{break-after:avoid}}\n";

/* ---------------------------------------------------------------- writing */

/* @text[0:len] as HTML text: the five special characters escaped, and
 * characters HTML does not allow (controls, noncharacters) replaced. */
static void
append_escaped (GString    *out,
                const char *text,
                gsize       len)
{
  g_autofree char *valid = NULL;
  const char *p, *end;

  if (!g_utf8_validate (text, (gssize) len, NULL))
    {
      valid = g_utf8_make_valid (text, (gssize) len);
      text = valid;
      len = strlen (valid);
    }
  for (p = text, end = text + len; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      switch (c)
        {
        case '&': g_string_append (out, "&amp;"); break;
        case '<': g_string_append (out, "&lt;"); break;
        case '>': g_string_append (out, "&gt;"); break;
        case '"': g_string_append (out, "&quot;"); break;
        case '\'': g_string_append (out, "&#39;"); break;
        case '\t': case '\n': case '\r': g_string_append_c (out, ' '); break;
        default:
          if (c < 0x20 || (c >= 0x7f && c < 0xa0) || (c >= 0xfdd0 && c <= 0xfdef) ||
              (c & 0xfffe) == 0xfffe)
            g_string_append (out, "\xef\xbf\xbd");
          else
            g_string_append_len (out, p, g_utf8_next_char (p) - p);
        }
    }
}

static void
append_text (GString    *out,
             const char *text)
{
  if (text != NULL)
    append_escaped (out, text, strlen (text));
}

/* <tag class="klass">text</tag>, the text escaped. */
static void
append_element (GString    *out,
                const char *tag,
                const char *klass,
                const char *text)
{
  if (klass != NULL)
    g_string_append_printf (out, "<%s class=\"%s\">", tag, klass);
  else
    g_string_append_printf (out, "<%s>", tag);
  append_text (out, text);
  g_string_append_printf (out, "</%s>", tag);
}

/* Runs of white space folded into one space, ends trimmed: how a value is
 * compared and shown. */
static char *
dup_folded (const char *text,
            gsize       len)
{
  g_autofree char *valid = g_utf8_make_valid (text, (gssize) len);
  g_auto(GStrv) words = g_strsplit_set (g_strstrip (valid), " \t\r\n", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (words[i][0] == '\0')
        continue;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, words[i]);
    }
  return g_string_free (out, FALSE);
}

/* ---------------------------------------------------------------- marks */

/* A stretch of a passage to wrap in an element. */
typedef struct {
  gsize       start;
  gsize       end;
  const char *tag;
  const char *klass;
  char       *title;  /* owned; NULL: none */
} Span;

static void
span_clear (gpointer data)
{
  g_free (((Span *) data)->title);
}

static void
open_span (GString    *out,
           const Span *span)
{
  g_string_append_printf (out, "<%s class=\"%s\"", span->tag, span->klass);
  if (span->title != NULL)
    {
      g_string_append (out, " title=\"");
      append_text (out, span->title);
      g_string_append_c (out, '"');
    }
  g_string_append_c (out, '>');
}

/* text[start:end] with @spans (sorted by start, wider first) as nested
 * elements. A span is clipped to the one it starts in, so the elements
 * always nest, whatever the spans. */
static void
append_spans (GString    *out,
              const char *text,
              gsize       start,
              gsize       end,
              Span       *spans,
              guint       n_spans)
{
  guint stack[MAX_DEPTH];
  guint depth = 0;
  gsize pos = start;

  for (guint i = 0; i <= n_spans; i++)
    {
      gsize next = i < n_spans ? CLAMP (spans[i].start, pos, end) : end;
      gsize limit;

      while (depth > 0 && spans[stack[depth - 1]].end <= next)
        {
          const Span *top = &spans[stack[--depth]];

          append_escaped (out, text + pos, top->end - pos);
          pos = top->end;
          g_string_append_printf (out, "</%s>", top->tag);
        }
      if (i == n_spans)
        break;
      append_escaped (out, text + pos, next - pos);
      pos = next;
      limit = depth > 0 ? spans[stack[depth - 1]].end : end;
      spans[i].end = MIN (spans[i].end, limit);
      if (spans[i].end <= pos || depth == MAX_DEPTH)
        continue;
      open_span (out, &spans[i]);
      stack[depth++] = i;
    }
  append_escaped (out, text + pos, end - pos);
}

/* ---------------------------------------------------------------- report */

typedef struct {
  SynAlignment          *alignment;
  const SynReportSource *sources;
  guint                  n_sources;
  const SynSegment      *segs;
  guint                  n_segs;
  const SynCluster      *clusters;
  guint                  n_clusters;
  GString               *out;
  const SynReportEdits  *edits;
  gboolean              *by_hand;   /* per cluster: a link made by hand holds it */
  const char           **notes;     /* per cluster: its note, or NULL */
} Report;

static const char *
segment_text (Report *r,
              guint   segment)
{
  return syn_alignment_get_text (r->alignment, r->segs[segment].source, NULL);
}

static void
append_source_name (Report *r,
                    guint   s)
{
  g_string_append_printf (r->out, "<span class=\"src\">[%u]\xc2\xa0", s + 1);
  append_text (r->out, r->sources[s].name);
  g_string_append (r->out, "</span>");
}

/* The sources flagged in @has, "[1] a, [3] c"; many by their numbers
 * alone, "12 sources: [1] [3] …", which the Sources part names. */
static void
append_source_list (Report       *r,
                    const guint8 *has)
{
  gboolean first = TRUE;
  guint n = 0;

  for (guint s = 0; s < r->n_sources; s++)
    n += has[s] != 0;
  if (n > MAX_NAMED)
    g_string_append_printf (r->out, g_dngettext (GETTEXT_PACKAGE, "%u source:", "%u sources:", n), n);
  for (guint s = 0; s < r->n_sources; s++)
    {
      if (!has[s])
        continue;
      if (n > MAX_NAMED)
        g_string_append_printf (r->out, " <a href=\"#s%u\">[%u]</a>", s + 1, s + 1);
      else
        {
          if (!first)
            g_string_append (r->out, ", ");
          append_source_name (r, s);
        }
      first = FALSE;
    }
}

static const char *
mark_class (SynDivergenceKind kind)
{
  switch (kind)
    {
    case SYN_DIVERGENCE_ADDED: return "added";
    case SYN_DIVERGENCE_CHANGED: return "m changed";
    case SYN_DIVERGENCE_NUMBER: return "m number";
    case SYN_DIVERGENCE_QUOTE: return "m quote";
    default: g_return_val_if_reached ("m changed");
    }
}

/* The explanation a mark carries as its tooltip, as the window words it. */
static char *
dup_mark_title (Report              *r,
                const SynDivergence *d)
{
  const char *text = segment_text (r, d->segment);
  g_autofree char *here = dup_folded (text + d->start, d->end - d->start);
  g_autofree char *other = NULL;
  const char *other_name = NULL;
  gint cluster = r->segs[d->segment].cluster;
  guint others = cluster >= 0 ? r->clusters[cluster].support - 1 : 0;

  if (d->counterpart >= 0 && (guint) d->counterpart < r->n_segs)
    {
      const char *other_text = segment_text (r, (guint) d->counterpart);

      other_name = r->sources[r->segs[d->counterpart].source].name;
      if (d->other_end > d->other_start)
        other = dup_folded (other_text + d->other_start, d->other_end - d->other_start);
    }
  /* Long quotations make long tooltips: the words are in the page anyway. */
  if (d->kind == SYN_DIVERGENCE_QUOTE || d->kind == SYN_DIVERGENCE_ADDED)
    return _syn_explain_divergence (d->kind == SYN_DIVERGENCE_QUOTE ? SYN_DIVERGENCE_CHANGED : d->kind,
                                    NULL, NULL, other_name, d->agreeing, others);
  return _syn_explain_divergence (d->kind, here, other, other_name, d->agreeing, others);
}

/* A passage with its word-level marks. */
static void
append_marked_passage (Report *r,
                       guint   segment)
{
  const SynSegment *seg = &r->segs[segment];
  guint n_divs;
  const SynDivergence *divs = syn_alignment_get_segment_divergences (r->alignment, segment, &n_divs);
  g_autoptr(GArray) spans = g_array_sized_new (FALSE, FALSE, sizeof (Span), n_divs);

  g_array_set_clear_func (spans, span_clear);
  for (guint i = 0; i < n_divs; i++)
    {
      Span span = {
        divs[i].start, divs[i].end,
        divs[i].kind == SYN_DIVERGENCE_ADDED ? "ins" : "span",
        mark_class (divs[i].kind),
        dup_mark_title (r, &divs[i]),
      };
      g_array_append_val (spans, span);
    }
  append_spans (r->out, segment_text (r, segment), seg->start, seg->end,
                (Span *) (void *) spans->data, spans->len);
}

/* A passage with one stretch of it marked. */
static void
append_passage_with (Report     *r,
                     guint       segment,
                     gsize       start,
                     gsize       end,
                     const char *klass)
{
  const SynSegment *seg = &r->segs[segment];
  Span span = { start, end, "span", klass, NULL };

  append_spans (r->out, segment_text (r, segment), seg->start, seg->end, &span, 1);
}

/* ------------------------------------------------------------- conflicts */

/* One wording of a conflict: the sources that give it, and one passage
 * that does, to quote. */
typedef struct {
  char   *value;
  guint   segment;
  gsize   start;
  gsize   end;
  guint8 *has;
  gboolean other;   /* the wording the divergences are measured against */
} Side;

typedef struct {
  gint               cluster;
  SynDivergenceKind  kind;
  GPtrArray         *sides;
} Conflict;

static void
side_free (gpointer data)
{
  Side *side = data;

  g_free (side->value);
  g_free (side->has);
  g_free (side);
}

static void
conflict_free (gpointer data)
{
  Conflict *conflict = data;

  g_ptr_array_unref (conflict->sides);
  g_free (conflict);
}

static Side *
find_side (Conflict   *conflict,
           const char *value)
{
  for (guint i = 0; i < conflict->sides->len; i++)
    {
      Side *side = g_ptr_array_index (conflict->sides, i);

      if (g_str_equal (side->value, value))
        return side;
    }
  return NULL;
}

static void
add_side (Report     *r,
          Conflict   *conflict,
          char       *value,
          guint       segment,
          gsize       start,
          gsize       end)
{
  Side *side = find_side (conflict, value);

  if (side == NULL)
    {
      side = g_new0 (Side, 1);
      side->value = value;
      side->segment = segment;
      side->start = start;
      side->end = end;
      side->has = g_new0 (guint8, r->n_sources);
      g_ptr_array_add (conflict->sides, side);
    }
  else
    {
      g_free (value);
      /* Quote a passage of the article rather than of the page around it. */
      if (r->segs[side->segment].kind == SYN_PASSAGE_BOILERPLATE &&
          r->segs[segment].kind != SYN_PASSAGE_BOILERPLATE)
        {
          side->segment = segment;
          side->start = start;
          side->end = end;
        }
    }
  side->has[r->segs[segment].source] = 1;
}

/* The conflict of @cluster and @kind that already has one of the two
 * wordings, or a new one. */
static Conflict *
find_conflict (GPtrArray         *conflicts,
               gint               cluster,
               SynDivergenceKind  kind,
               const char        *here,
               const char        *other)
{
  Conflict *conflict;

  for (guint i = 0; i < conflicts->len; i++)
    {
      conflict = g_ptr_array_index (conflicts, i);
      if (conflict->cluster == cluster && conflict->kind == kind &&
          (find_side (conflict, here) != NULL || (other != NULL && find_side (conflict, other) != NULL)))
        return conflict;
    }
  conflict = g_new0 (Conflict, 1);
  conflict->cluster = cluster;
  conflict->kind = kind;
  conflict->sides = g_ptr_array_new_with_free_func (side_free);
  g_ptr_array_add (conflicts, conflict);
  return conflict;
}

/* Whether @s has a divergence of @kind in one of its passages in @cluster. */
static gboolean
source_diverges (Report            *r,
                 const SynCluster  *cluster,
                 guint              s,
                 SynDivergenceKind  kind)
{
  for (guint j = 0; j < cluster->n_segments; j++)
    {
      guint n;
      const SynDivergence *divs;

      if (r->segs[cluster->segments[j]].source != s)
        continue;
      divs = syn_alignment_get_segment_divergences (r->alignment, cluster->segments[j], &n);
      for (guint k = 0; k < n; k++)
        if (divs[k].kind == kind)
          return TRUE;
    }
  return FALSE;
}

/* Whether @segment's words hold @value's, in order, compared as the core
 * compares them (case, hyphens, number formats folded). */
static gboolean
segment_has_value (Report     *r,
                   guint       segment,
                   const char *value)
{
  const SynSegment *seg = &r->segs[segment];
  g_autoptr(GArray) words = syn_tokenize (segment_text (r, segment), seg->start, seg->end);
  g_autoptr(GArray) wanted = syn_tokenize (value, 0, strlen (value));

  if (wanted->len == 0)
    return FALSE;
  for (guint i = 0; i + wanted->len <= words->len; i++)
    {
      guint k = 0;

      while (k < wanted->len &&
             g_str_equal (g_array_index (words, SynToken, i + k).norm, g_array_index (wanted, SynToken, k).norm))
        k++;
      if (k == wanted->len)
        return TRUE;
    }
  return FALSE;
}

/* The core marks the wording that differs, not the one most sources share:
 * a source of the group with no such mark that has the shared wording
 * gives it too (one that words the passage without it says nothing). */
static void
add_silent_sources (Report   *r,
                    Conflict *conflict)
{
  const SynCluster *cluster = &r->clusters[conflict->cluster];
  Side *shared = NULL;

  for (guint i = 0; i < conflict->sides->len; i++)
    {
      Side *side = g_ptr_array_index (conflict->sides, i);

      if (side->other && shared != NULL)
        return;  /* measured against two wordings: which one is unclear */
      if (side->other)
        shared = side;
    }
  if (shared == NULL)
    return;
  for (guint j = 0; j < cluster->n_segments; j++)
    {
      guint s = r->segs[cluster->segments[j]].source;

      if (!source_diverges (r, cluster, s, conflict->kind) &&
          segment_has_value (r, cluster->segments[j], shared->value))
        shared->has[s] = 1;
    }
}

/* The numbers and quotations that differ inside groups, each once. */
static GPtrArray *
collect_conflicts (Report            *r,
                   SynDivergenceKind  kind)
{
  GPtrArray *conflicts = g_ptr_array_new_with_free_func (conflict_free);
  guint n;
  const SynDivergence *divs = syn_alignment_get_divergences (r->alignment, &n);

  for (guint i = 0; i < n; i++)
    {
      const SynDivergence *d = &divs[i];
      gint cluster = r->segs[d->segment].cluster;
      g_autofree char *here = NULL;
      g_autofree char *other = NULL;
      Conflict *conflict;

      if (d->kind != kind || cluster < 0)
        continue;
      here = dup_folded (segment_text (r, d->segment) + d->start, d->end - d->start);
      if (d->counterpart >= 0 && (guint) d->counterpart < r->n_segs && d->other_end > d->other_start)
        other = dup_folded (segment_text (r, (guint) d->counterpart) + d->other_start,
                            d->other_end - d->other_start);
      conflict = find_conflict (conflicts, cluster, kind, here, other);
      add_side (r, conflict, g_steal_pointer (&here), d->segment, d->start, d->end);
      if (other != NULL)
        {
          g_autofree char *key = g_strdup (other);

          add_side (r, conflict, g_steal_pointer (&other), (guint) d->counterpart,
                    d->other_start, d->other_end);
          find_side (conflict, key)->other = TRUE;
        }
    }
  for (guint i = 0; i < conflicts->len; i++)
    add_silent_sources (r, g_ptr_array_index (conflicts, i));
  return conflicts;
}

static void
append_sides (Report    *r,
              GPtrArray *sides,
              const char *klass)
{
  g_string_append (r->out, "<div class=\"sides\">");
  for (guint i = 0; i < sides->len; i++)
    {
      Side *side = g_ptr_array_index (sides, i);

      g_string_append (r->out, "<div class=\"side\"><p class=\"who\">");
      append_source_list (r, side->has);
      if (r->segs[side->segment].kind == SYN_PASSAGE_BOILERPLATE)
        g_string_append_printf (r->out, " · %s", _("in the page around the article"));
      g_string_append (r->out, "</p><blockquote>");
      append_passage_with (r, side->segment, side->start, side->end, klass);
      g_string_append (r->out, "</blockquote></div>");
    }
  g_string_append (r->out, "</div>");
}

/* "“100,000” or “175,000”": the values a number conflict is between. */
static void
append_values (Report    *r,
               GPtrArray *sides)
{
  for (guint i = 0; i < sides->len; i++)
    {
      Side *side = g_ptr_array_index (sides, i);

      if (i > 0)
        g_string_append_printf (r->out, " %s ", C_("report: one value or another", "or"));
      g_string_append (r->out, "“");
      append_element (r->out, "span", "value", side->value);
      g_string_append (r->out, "”");
    }
}

static void
append_conflict (Report   *r,
                 Conflict *conflict)
{
  g_string_append (r->out, "<li class=\"conflict\"><p class=\"what\">");
  if (conflict->kind == SYN_DIVERGENCE_NUMBER)
    append_values (r, conflict->sides);
  else
    g_string_append_printf (r->out, g_dngettext (GETTEXT_PACKAGE, "Quoted %u way", "Quoted %u ways",
                                                 conflict->sides->len),
                            conflict->sides->len);
  g_string_append_printf (r->out, " <small>· <a href=\"#g%d\">", conflict->cluster + 1);
  g_string_append_printf (r->out, _("group %d"), conflict->cluster + 1);
  g_string_append (r->out, "</a></small></p>");
  append_sides (r, conflict->sides, mark_class (conflict->kind));
  g_string_append (r->out, "</li>\n");
}

/* --------------------------------------------------------------- figures */

/* A figure found with the word after it, in one or more sources. */
typedef struct {
  char      *word;    /* as the first source that has it writes it */
  GPtrArray *values;  /* Side, value the figure's canonical form */
  GPtrArray *shown;   /* char *, each value as written */
  gboolean   in_body; /* some figure for the word is in the article itself */
} Figure;

static void
figure_free (gpointer data)
{
  Figure *figure = data;

  g_free (figure->word);
  g_ptr_array_unref (figure->values);
  g_ptr_array_unref (figure->shown);
  g_free (figure);
}

/* Only spaces between two words: no punctuation ends the phrase. */
static gboolean
spaces_only (const char *text,
             gsize       start,
             gsize       end)
{
  for (gsize i = start; i < end; i++)
    if (text[i] != ' ')
      return FALSE;
  return TRUE;
}

/* What the figure at @k counts: the first word after it, in the same
 * phrase, that is not a number, a function word or a name; or -1. */
static gint
counted_word (GArray     *tokens,
              guint       k,
              const char *text)
{
  for (guint j = k + 1; j < tokens->len && j <= k + FIGURE_LOOKAHEAD; j++)
    {
      const SynToken *t = &g_array_index (tokens, SynToken, j);
      const SynToken *before = &g_array_index (tokens, SynToken, j - 1);

      if (!spaces_only (text, before->end, t->start))
        return -1;

      if (t->flags & (SYN_TOKEN_NUMBER | SYN_TOKEN_DATE))
        return -1;
      if ((t->flags & SYN_TOKEN_STOPWORD) || t->norm[0] == '\0' ||
          g_unichar_isupper (g_utf8_get_char (text + t->start)))
        continue;
      return (gint) j;
    }
  return -1;
}

static void
add_figure (Report     *r,
            GHashTable *figures,
            guint       segment,
            const SynToken *number,
            const SynToken *word)
{
  const char *text = segment_text (r, segment);
  g_autofree char *stem = syn_stem (word->norm);
  Figure *figure = g_hash_table_lookup (figures, stem);
  Conflict as_conflict;
  guint before;

  if (figure == NULL)
    {
      figure = g_new0 (Figure, 1);
      figure->word = g_strndup (text + word->start, word->end - word->start);
      figure->values = g_ptr_array_new_with_free_func (side_free);
      figure->shown = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (figures, g_steal_pointer (&stem), figure);
    }
  if (r->segs[segment].kind != SYN_PASSAGE_BOILERPLATE)
    figure->in_body = TRUE;
  as_conflict.sides = figure->values;
  before = figure->values->len;
  add_side (r, &as_conflict, g_strdup (number->norm), segment, number->start, number->end);
  if (figure->values->len > before)
    g_ptr_array_add (figure->shown, g_strndup (text + number->start, number->end - number->start));
}

static void
collect_segment_figures (Report     *r,
                         GHashTable *figures,
                         guint       segment)
{
  const SynSegment *seg = &r->segs[segment];
  const char *text = segment_text (r, segment);
  g_autoptr(GArray) tokens = syn_tokenize (text, seg->start, seg->end);

  for (guint k = 0; k < tokens->len; k++)
    {
      const SynToken *t = &g_array_index (tokens, SynToken, k);
      gint w;

      if ((t->flags & (SYN_TOKEN_NUMBER | SYN_TOKEN_DATE)) != SYN_TOKEN_NUMBER ||
          !g_ascii_isdigit (text[t->start]))
        continue;
      w = counted_word (tokens, k, text);
      if (w >= 0)
        add_figure (r, figures, segment, t, &g_array_index (tokens, SynToken, w));
    }
}

/* Different figures for one word, in different sources: some source that
 * gives the word a figure does not give it every one. */
static gboolean
figure_differs (Report *r,
                Figure *figure)
{
  if (figure->values->len < 2 || !figure->in_body)
    return FALSE;
  for (guint s = 0; s < r->n_sources; s++)
    {
      guint n = 0;

      for (guint i = 0; i < figure->values->len; i++)
        n += ((Side *) g_ptr_array_index (figure->values, i))->has[s];
      if (n > 0 && n < figure->values->len)
        return TRUE;
    }
  return FALSE;
}

static int
compare_figures (gconstpointer a,
                 gconstpointer b)
{
  const Figure *fa = *(Figure * const *) a;
  const Figure *fb = *(Figure * const *) b;

  return g_utf8_collate (fa->word, fb->word);
}

/* Whether every figure of @figure is in a group with a number conflict:
 * then the conflicts above show it already. */
static gboolean
figure_shown (Report    *r,
              Figure    *figure,
              GPtrArray *numbers)
{
  for (guint i = 0; i < figure->values->len; i++)
    {
      Side *side = g_ptr_array_index (figure->values, i);
      gint cluster = r->segs[side->segment].cluster;
      gboolean found = FALSE;

      for (guint j = 0; j < numbers->len && !found; j++)
        found = cluster >= 0 && ((Conflict *) g_ptr_array_index (numbers, j))->cluster == cluster;
      if (!found)
        return FALSE;
    }
  return TRUE;
}

static GPtrArray *
collect_figures (Report    *r,
                 GPtrArray *numbers)
{
  g_autoptr(GHashTable) figures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, figure_free);
  GPtrArray *differing = g_ptr_array_new_with_free_func (figure_free);
  GHashTableIter iter;
  gpointer key, value;

  /* The page around an article is read too (a teaser may give another
   * figure), but only for what the article itself gives a figure. */
  for (guint i = 0; i < r->n_segs; i++)
    collect_segment_figures (r, figures, i);

  g_hash_table_iter_init (&iter, figures);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (figure_differs (r, value) && !figure_shown (r, value, numbers))
      {
        g_hash_table_iter_steal (&iter);
        g_free (key);
        g_ptr_array_add (differing, value);
      }
  g_ptr_array_sort (differing, compare_figures);
  return differing;
}

static void
append_figure (Report *r,
               Figure *figure)
{
  g_string_append (r->out, "<li class=\"conflict figure\"><p class=\"what\">");
  for (guint i = 0; i < figure->shown->len; i++)
    {
      if (i > 0)
        g_string_append_printf (r->out, " %s ", C_("report: one value or another", "or"));
      append_element (r->out, "span", "value", g_ptr_array_index (figure->shown, i));
    }
  g_string_append_c (r->out, ' ');
  append_text (r->out, figure->word);
  g_string_append (r->out, "</p>");
  append_sides (r, figure->values, "m number");
  g_string_append (r->out, "</li>\n");
}

static void
append_conflicts (Report *r)
{
  g_autoptr(GPtrArray) numbers = collect_conflicts (r, SYN_DIVERGENCE_NUMBER);
  g_autoptr(GPtrArray) quotes = collect_conflicts (r, SYN_DIVERGENCE_QUOTE);
  g_autoptr(GPtrArray) figures = collect_figures (r, numbers);

  g_string_append_printf (r->out, "<div class=\"section\" id=\"conflicts\"><h2>%s</h2>\n", _("Conflicts"));
  if (numbers->len + quotes->len + figures->len == 0)
    g_string_append_printf (r->out, "<p>%s</p>\n",
                            _("No number or quotation differs between the sources."));

  if (numbers->len > 0)
    {
      g_string_append_printf (r->out, "<h3>%s</h3>\n<ol class=\"conflicts\">\n",
                              _("Numbers that differ in the same passage"));
      for (guint i = 0; i < numbers->len; i++)
        append_conflict (r, g_ptr_array_index (numbers, i));
      g_string_append (r->out, "</ol>\n");
    }
  if (figures->len > 0)
    {
      g_string_append_printf (r->out, "<h3>%s</h3>\n<p class=\"note\">%s</p>\n<ul class=\"figures\">\n",
                              _("Different figures for the same thing"),
                              _("Figures followed by the same word in different passages, aligned or not: "
                                "worth checking, not necessarily a contradiction."));
      for (guint i = 0; i < figures->len && i < MAX_FIGURES; i++)
        append_figure (r, g_ptr_array_index (figures, i));
      g_string_append (r->out, "</ul>\n");
    }
  if (quotes->len > 0)
    {
      g_string_append_printf (r->out, "<h3>%s</h3>\n<ol class=\"conflicts\">\n",
                              _("Quotations that differ"));
      for (guint i = 0; i < quotes->len; i++)
        append_conflict (r, g_ptr_array_index (quotes, i));
      g_string_append (r->out, "</ol>\n");
    }
  g_string_append (r->out, "</div>\n");
}

/* --------------------------------------------------------------- sources */

static void
append_field (Report     *r,
              const char *label,
              const char *value,
              gboolean    code)
{
  if (value == NULL || value[0] == '\0')
    return;
  g_string_append (r->out, "<dt>");
  append_text (r->out, label);
  g_string_append (r->out, code ? "</dt><dd><code>" : "</dt><dd>");
  append_text (r->out, value);
  g_string_append (r->out, code ? "</code></dd>" : "</dd>");
}

static void
append_source (Report *r,
               guint   s)
{
  const SynReportSource *src = &r->sources[s];
  g_autofree char *title = syn_alignment_dup_title (r->alignment, s);
  g_autofree char *retrieved = NULL;
  SynSource *source = src->source;

  if (source != NULL && syn_source_get_retrieved (source) != NULL)
    retrieved = g_date_time_format_iso8601 (syn_source_get_retrieved (source));
  if (title == NULL && source != NULL)
    title = g_strdup (syn_source_get_headline (source));

  g_string_append_printf (r->out, "<dl class=\"source\" id=\"s%u\"><dt class=\"name\">", s + 1);
  append_source_name (r, s);
  g_string_append (r->out, "</dt>");
  append_field (r, _("Outlet"), source ? syn_source_get_site (source) : NULL, FALSE);
  append_field (r, _("Headline"), title, FALSE);
  append_field (r, _("Byline"), source ? syn_source_get_byline (source) : NULL, FALSE);
  append_field (r, _("Published"), source ? syn_source_get_published (source) : NULL, FALSE);
  append_field (r, _("Address"), source ? syn_source_get_url (source) : NULL, FALSE);
  if (source == NULL || g_strcmp0 (src->path, syn_source_get_url (source)) != 0)
    append_field (r, _("Read from"), src->path, FALSE);
  append_field (r, _("Retrieved"), retrieved, FALSE);
  append_field (r, _("Encoding"), source ? syn_source_get_encoding (source) : NULL, FALSE);
  append_field (r, _("SHA-256"), source ? syn_source_get_sha256 (source) : NULL, TRUE);
  g_string_append (r->out, "</dl>\n");
}

static void
append_sources (Report *r)
{
  g_string_append_printf (r->out, "<div class=\"section\" id=\"sources\"><h2>%s</h2>\n", _("Sources"));
  for (guint s = 0; s < r->n_sources; s++)
    append_source (r, s);
  g_string_append (r->out, "</div>\n");
}

/* --------------------------------------------------------------- summary */

typedef struct {
  guint all, most, some, divergent;
} GroupCounts;

static GroupCounts
count_groups (Report *r)
{
  GroupCounts counts = { 0, 0, 0, 0 };

  for (guint c = 0; c < r->n_clusters; c++)
    {
      guint support = r->clusters[c].support;

      if (support >= r->n_sources)
        counts.all++;
      else if (support * 2 > r->n_sources)
        counts.most++;
      else
        counts.some++;
    }
  for (guint i = 0; i < r->n_segs; i++)
    if (r->segs[i].cluster >= 0 && r->clusters[r->segs[i].cluster].segments[0] == i)
      {
        const SynCluster *c = &r->clusters[r->segs[i].cluster];

        for (guint j = 0; j < c->n_segments; j++)
          {
            guint n;

            syn_alignment_get_segment_divergences (r->alignment, c->segments[j], &n);
            if (n > 0)
              {
                counts.divergent++;
                break;
              }
          }
      }
  return counts;
}

static void
append_count_row (Report     *r,
                  const char *label,
                  guint       value)
{
  g_string_append (r->out, "<tr><th>");
  append_text (r->out, label);
  g_string_append_printf (r->out, "</th><td>%u</td></tr>\n", value);
}

static void
append_source_counts (Report *r)
{
  g_string_append_printf (r->out, "<table class=\"summary\"><thead><tr><th>%s</th><th>%s</th>"
                          "<th>%s</th><th>%s</th><th>%s</th></tr></thead><tbody>\n",
                          _("Source"), _("Passages"), _("Shared"), _("Only in this source"),
                          _("Site furniture left out"));
  for (guint s = 0; s < r->n_sources; s++)
    {
      guint first, n, shared = 0, unique = 0, furniture = 0;

      syn_alignment_get_source_segments (r->alignment, s, &first, &n);
      for (guint i = first; i < first + n; i++)
        {
          if (r->segs[i].kind == SYN_PASSAGE_BOILERPLATE)
            furniture++;
          else if (r->segs[i].cluster >= 0)
            shared++;
          else
            unique++;
        }
      g_string_append (r->out, "<tr><th>");
      append_source_name (r, s);
      g_string_append_printf (r->out, "</th><td>%u</td><td>%u</td><td>%u</td><td>%u</td></tr>\n",
                              shared + unique, shared, unique, furniture);
    }
  g_string_append (r->out, "</tbody></table>\n");
}

/* Which groups the corrections hold, and the notes' groups. */
static void
resolve_edits (Report *r)
{
  const SynReportEdits *e = r->edits;

  r->by_hand = g_new0 (gboolean, r->n_clusters + 1);
  r->notes = g_new0 (const char *, r->n_clusters + 1);
  if (e == NULL)
    return;
  for (guint i = 0; i < e->n_constraints; i++)
    {
      gint a = syn_align_find_passage (r->segs, r->n_segs, &e->constraints[i].a);
      gint b = syn_align_find_passage (r->segs, r->n_segs, &e->constraints[i].b);

      if (e->constraints[i].kind == SYN_CONSTRAINT_MUST_LINK && a >= 0 && b >= 0 &&
          r->segs[a].cluster >= 0 && r->segs[a].cluster == r->segs[b].cluster)
        r->by_hand[r->segs[a].cluster] = TRUE;
    }
  for (guint i = 0; i < e->n_notes; i++)
    {
      gint seg = syn_align_find_passage (r->segs, r->n_segs, &e->notes[i].ref);

      if (seg >= 0 && r->segs[seg].cluster >= 0)
        r->notes[r->segs[seg].cluster] = e->notes[i].text;
    }
}

/* One side of a correction: the source, the passage's first words and,
 * when it is in a group with a row, a link to that row. */
static void
append_edit_side (Report              *r,
                  const SynPassageRef *ref)
{
  g_autofree char *excerpt = syn_edits_dup_excerpt (r->alignment, ref, 80);
  gint seg = syn_align_find_passage (r->segs, r->n_segs, ref);

  append_source_name (r, ref->source);
  g_string_append (r->out, " “");
  append_text (r->out, excerpt);
  g_string_append (r->out, "”");
  if (seg >= 0 && r->segs[seg].cluster >= 0 && r->segs[seg].kind != SYN_PASSAGE_BOILERPLATE)
    {
      guint group = (guint) r->segs[seg].cluster + 1;

      g_string_append_printf (r->out, " (<a href=\"#g%u\">", group);
      g_string_append_printf (r->out, _("Group %u"), group);
      g_string_append (r->out, "</a>)");
    }
}

static gboolean
ref_in_report (Report              *r,
               const SynPassageRef *ref)
{
  gsize len;

  if (ref->source >= r->n_sources)
    return FALSE;
  syn_alignment_get_text (r->alignment, ref->source, &len);
  return ref->start <= ref->end && ref->end <= len;
}

/* Every correction, in the order it was made, with the passages it
 * names: a reader checks each, not just how many there were. */
static void
append_edit_list (Report *r)
{
  const SynReportEdits *e = r->edits;

  if (e == NULL || e->n_constraints == 0)
    return;
  g_string_append (r->out, "<ol class=\"edits\">\n");
  for (guint i = 0; i < e->n_constraints; i++)
    {
      const SynConstraint *c = &e->constraints[i];
      gboolean link = c->kind == SYN_CONSTRAINT_MUST_LINK;

      if (!ref_in_report (r, &c->a) || !ref_in_report (r, &c->b))
        continue;
      g_string_append_printf (r->out, "<li class=\"%s\"><span class=\"hand\">%s</span> ",
                              link ? "link" : "unlink",
                              link ? _("Linked by hand:") : _("Kept apart by hand:"));
      append_edit_side (r, &c->a);
      /* TRANSLATORS: between the two passages of "Linked by hand: A with B" */
      g_string_append_printf (r->out, " %s ", link ? _("with") : _("from"));
      append_edit_side (r, &c->b);
      g_string_append (r->out, "</li>\n");
    }
  g_string_append (r->out, "</ol>\n");
}

static void
append_edits (Report *r)
{
  guint links = 0, unlinks = 0, n_notes = 0;

  for (guint i = 0; r->edits != NULL && i < r->edits->n_constraints; i++)
    {
      if (r->edits->constraints[i].kind == SYN_CONSTRAINT_MUST_LINK)
        links++;
      else
        unlinks++;
    }
  for (guint c = 0; c < r->n_clusters; c++)
    n_notes += r->notes[c] != NULL;
  g_string_append (r->out, "<div class=\"note\" id=\"edits\">");
  if (links + unlinks + n_notes == 0)
    {
      g_string_append_printf (r->out, "<p>%s</p></div>\n",
                              _("Manual links and notes: none. Every group was found by the aligner."));
      return;
    }
  g_string_append (r->out, "<p>");
  {
    g_autofree char *l = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u link", "%u links", links), links);
    g_autofree char *u = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u unlink", "%u unlinks", unlinks),
                                          unlinks);
    g_autofree char *n = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u note", "%u notes", n_notes), n_notes);

    /* TRANSLATORS: "Corrected by hand: 2 links, 1 unlink, 1 note." */
    g_string_append_printf (r->out, _("Corrected by hand: %s, %s, %s."), l, u, n);
  }
  g_string_append_printf (r->out, " %s</p>\n", _("Groups held by a link made by hand are marked “linked by hand” in the table."));
  append_edit_list (r);
  if (n_notes > 0)
    {
      g_string_append (r->out, "<ul class=\"notes\">\n");
      for (guint c = 0; c < r->n_clusters; c++)
        if (r->notes[c] != NULL)
          {
            g_string_append_printf (r->out, "<li><a href=\"#g%u\">", c + 1);
            g_string_append_printf (r->out, _("Group %u"), c + 1);
            g_string_append (r->out, "</a>: ");
            append_text (r->out, r->notes[c]);
            g_string_append (r->out, "</li>\n");
          }
      g_string_append (r->out, "</ul>\n");
    }
  g_string_append (r->out, "</div>\n");
}

static void
append_summary (Report *r)
{
  GroupCounts counts = count_groups (r);

  g_string_append_printf (r->out, "<div class=\"section\" id=\"summary\"><h2>%s</h2>\n", _("Summary"));
  g_string_append (r->out, "<table class=\"summary\"><tbody>\n");
  append_count_row (r, _("Passages in every source"), counts.all);
  append_count_row (r, _("Passages in most sources"), counts.most);
  append_count_row (r, _("Passages in some sources"), counts.some);
  append_count_row (r, _("Groups whose versions differ"), counts.divergent);
  g_string_append (r->out, "</tbody></table>\n");
  append_source_counts (r);
  append_edits (r);
  g_string_append (r->out, "</div>\n");
}

/* ------------------------------------------------------------- the table */

GArray *
syn_report_rows (SynAlignment *alignment)
{
  GQueue rows = G_QUEUE_INIT;
  guint n_sources, n_segs, n_clusters;
  const SynSegment *segs;
  g_autofree GList **placed = NULL;
  GArray *result;

  g_return_val_if_fail (alignment != NULL, NULL);

  n_sources = syn_alignment_get_n_sources (alignment);
  segs = syn_alignment_get_segments (alignment, &n_segs);
  syn_alignment_get_clusters (alignment, &n_clusters);
  placed = g_new0 (GList *, n_clusters + 1);
  for (guint s = 0; s < n_sources; s++)
    {
      guint first, n;
      GList *anchor = NULL;

      syn_alignment_get_source_segments (alignment, s, &first, &n);
      for (guint i = first; i < first + n; i++)
        {
          gint cluster = segs[i].cluster;
          gint row = cluster >= 0 ? cluster : -1 - (gint) i;

          if (segs[i].kind == SYN_PASSAGE_BOILERPLATE)
            continue;
          if (cluster >= 0 && placed[cluster] != NULL)
            {
              anchor = placed[cluster];
              continue;
            }
          /* After the passages other sources alone have there: each
           * source's own passages then stay together. */
          while ((anchor != NULL ? anchor->next : rows.head) != NULL &&
                 GPOINTER_TO_INT ((anchor != NULL ? anchor->next : rows.head)->data) < 0)
            anchor = anchor != NULL ? anchor->next : rows.head;
          g_queue_insert_after (&rows, anchor, GINT_TO_POINTER (row));
          anchor = anchor != NULL ? anchor->next : rows.head;
          if (cluster >= 0)
            placed[cluster] = anchor;
        }
    }
  result = g_array_sized_new (FALSE, FALSE, sizeof (gint), rows.length);
  for (GList *l = rows.head; l != NULL; l = l->next)
    {
      gint row = GPOINTER_TO_INT (l->data);
      g_array_append_val (result, row);
    }
  g_queue_clear (&rows);
  return result;
}

static void
append_group_cell (Report           *r,
                   const SynCluster *cluster,
                   guint             s)
{
  gboolean any = FALSE;

  for (guint j = 0; j < cluster->n_segments; j++)
    {
      guint segment = cluster->segments[j];

      if (r->segs[segment].source != s)
        continue;
      g_string_append (r->out, any ? " " : "<td class=\"has\">");
      append_marked_passage (r, segment);
      any = TRUE;
    }
  g_string_append (r->out, any ? "</td>" : "<td class=\"missing\"></td>");
}

static void
append_group_row (Report *r,
                  guint   c)
{
  const SynCluster *cluster = &r->clusters[c];
  gboolean title = r->segs[cluster->segments[0]].kind == SYN_PASSAGE_TITLE;

  g_string_append_printf (r->out, "<tr class=\"group%s\" id=\"g%u\"><th>%u<br>%u/%u",
                          title ? " title" : "", c + 1, c + 1, cluster->support, r->n_sources);
  if (r->by_hand[c])
    g_string_append_printf (r->out, "<br><span class=\"hand\">%s</span>", _("linked by hand"));
  if (r->notes[c] != NULL)
    {
      g_string_append (r->out, "<br><span class=\"hand\">");
      append_text (r->out, r->notes[c]);
      g_string_append (r->out, "</span>");
    }
  g_string_append (r->out, "</th>");
  for (guint s = 0; s < r->n_sources; s++)
    append_group_cell (r, cluster, s);
  g_string_append (r->out, "</tr>\n");
}

static void
append_unique_row (Report *r,
                   guint   segment)
{
  guint source = r->segs[segment].source;

  g_string_append_printf (r->out, "<tr class=\"unique%s\"><th>1/%u</th>",
                          r->segs[segment].kind == SYN_PASSAGE_TITLE ? " title" : "", r->n_sources);
  for (guint s = 0; s < r->n_sources; s++)
    {
      if (s != source)
        {
          g_string_append (r->out, "<td class=\"missing\"></td>");
          continue;
        }
      g_string_append (r->out, "<td class=\"has\">");
      append_marked_passage (r, segment);
      g_string_append (r->out, "</td>");
    }
  g_string_append (r->out, "</tr>\n");
}

static void
append_legend (Report *r)
{
  g_string_append_printf (r->out,
                          "<p class=\"legend note\"><span><span class=\"m number\">%s</span></span>"
                          "<span><span class=\"m quote\">%s</span></span>"
                          "<span><span class=\"m changed\">%s</span></span>"
                          "<span><ins class=\"added\">%s</ins></span>"
                          "<span>%s</span></p>\n",
                          _("a number or date that differs"), _("a quotation worded differently"),
                          _("words another source puts differently"), _("words no other source has"),
                          _("Rows are numbered by group, with how many sources carry them; "
                            "an empty hatched cell: the source does not have the passage."));
}

static void
append_table (Report *r)
{
  g_autoptr(GArray) rows = syn_report_rows (r->alignment);

  g_string_append_printf (r->out, "<div class=\"section\" id=\"comparison\"><h2>%s</h2>\n", _("The Whole Comparison"));
  append_legend (r);
  g_string_append (r->out, "<table class=\"synoptic\"><colgroup><col class=\"n\">");
  for (guint s = 0; s < r->n_sources; s++)
    g_string_append (r->out, "<col>");
  g_string_append (r->out, "</colgroup><thead><tr><th>#</th>");
  for (guint s = 0; s < r->n_sources; s++)
    {
      g_string_append (r->out, "<th>");
      append_source_name (r, s);
      g_string_append (r->out, "</th>");
    }
  g_string_append (r->out, "</tr></thead>\n<tbody>\n");
  for (guint i = 0; i < rows->len; i++)
    {
      gint row = g_array_index (rows, gint, i);

      if (row >= 0)
        append_group_row (r, (guint) row);
      else
        append_unique_row (r, (guint) (-1 - row));
    }
  g_string_append (r->out, "</tbody></table></div>\n");
}

/* ---------------------------------------------------------------- header */

static const char *
unit_phrase (SynSegmentUnit unit)
{
  switch (unit)
    {
    case SYN_SEGMENT_LINE: return _("compared line by line");
    case SYN_SEGMENT_PARAGRAPH: return _("compared paragraph by paragraph");
    case SYN_SEGMENT_SENTENCE:
    default: return _("compared sentence by sentence");
    }
}

static void
append_head (Report *r)
{
  g_autofree char *headline = r->n_sources > 0 ? syn_alignment_dup_title (r->alignment, 0) : NULL;
  g_autofree char *title = NULL;

  title = headline != NULL
    ? g_strdup_printf (_("Comparison: %s"), headline)
    : g_strdup (_("Comparison"));
  g_string_append (r->out, "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">\n"
                   "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                   "<meta name=\"color-scheme\" content=\"light dark\">\n"
                   "<meta name=\"generator\" content=\"Synopsis " PACKAGE_VERSION "\">\n<title>");
  append_text (r->out, title);
  g_string_append (r->out, "</title>\n<style>\n");
  g_string_append (r->out, report_css);
  g_string_append (r->out, "</style>\n</head>\n<body>\n<div class=\"head\"><h1>");
  append_text (r->out, title);
  g_string_append (r->out, "</h1><p class=\"sub\">");
  g_string_append_printf (r->out, g_dngettext (GETTEXT_PACKAGE, "%u source", "%u sources", r->n_sources),
                          r->n_sources);
  g_string_append (r->out, " · ");
  g_string_append_printf (r->out, g_dngettext (GETTEXT_PACKAGE, "%u group", "%u groups", r->n_clusters),
                          r->n_clusters);
  g_string_append (r->out, " · ");
  g_string_append (r->out, unit_phrase (syn_alignment_get_unit (r->alignment)));
  g_string_append_printf (r->out, "</p><div class=\"nav\"><a href=\"#conflicts\">%s</a><a href=\"#sources\">%s</a>"
                          "<a href=\"#summary\">%s</a><a href=\"#comparison\">%s</a></div></div>\n",
                          _("Conflicts"), _("Sources"), _("Summary"), _("The Whole Comparison"));
}

GString *
syn_export_html (SynAlignment          *alignment,
                 const SynReportSource *sources)
{
  return syn_export_html_with_edits (alignment, sources, NULL);
}

GString *
syn_export_html_with_edits (SynAlignment          *alignment,
                            const SynReportSource *sources,
                            const SynReportEdits  *edits)
{
  Report r = { 0 };

  g_return_val_if_fail (alignment != NULL, NULL);
  g_return_val_if_fail (sources != NULL || syn_alignment_get_n_sources (alignment) == 0, NULL);

  r.alignment = alignment;
  r.sources = sources;
  r.n_sources = syn_alignment_get_n_sources (alignment);
  r.segs = syn_alignment_get_segments (alignment, &r.n_segs);
  r.clusters = syn_alignment_get_clusters (alignment, &r.n_clusters);
  r.out = g_string_sized_new (64 * 1024);
  r.edits = edits;
  resolve_edits (&r);

  append_head (&r);
  g_string_append (r.out, "<div class=\"report\">\n");
  append_conflicts (&r);
  append_sources (&r);
  append_summary (&r);
  append_table (&r);
  g_string_append (r.out, "</div>\n</body>\n</html>\n");
  g_free (r.by_hand);
  g_free (r.notes);
  return r.out;
}
