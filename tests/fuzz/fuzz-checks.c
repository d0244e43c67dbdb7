/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The properties every stage of the core must keep on any input at all.
 *
 * A fuzzer finds crashes by itself (ASan and UBSan turn memory errors and
 * undefined behaviour into crashes), but a stage can also go wrong quietly:
 * an offset past the end, passages out of order, a cluster that does not
 * list its own members, JSON that a script cannot read. Each check below
 * states the stage's contract from its header and aborts when the result
 * breaks it, so the fuzzer reports quiet damage as loudly as a crash. The
 * checks are written against the public headers only, not the internals, so
 * they stay true whatever method a stage uses.
 */
#define G_LOG_DOMAIN "syn-fuzz"

#include "config.h"

#include <math.h>
#include <string.h>

#include "fuzz-checks.h"
#include "syn-core.h"
#include "syn-export-json.h"
#include "syn-vectors.h"

/* The most sources the aligner targets cut from one input. */
#define MAX_SOURCES 12

/* What sources are cut at in the aligner's and the export's input. */
#define SOURCE_SEPARATOR 0x1E

void
syn_fuzz_init (void)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING | G_LOG_FATAL_MASK);
  /* the word vectors too, where the build has them, as the program does */
  syn_vectors_install ();
}

/* ---------------------------------------------------------------- decode */

/* What Windows-1252 byte @byte is, asked of iconv rather than of the
 * decoder's own table (iconv knows no character for the five undefined
 * bytes: they are the C1 controls of the same value). */
static gunichar
cp1252_reference (guint8 byte)
{
  static gunichar table[256];
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      for (guint b = 0; b < 256; b++)
        {
          char in = (char) b;
          g_autofree char *out = g_convert (&in, 1, "UTF-8", "WINDOWS-1252", NULL, NULL, NULL);

          table[b] = out != NULL ? g_utf8_get_char (out) : b;
        }
      g_once_init_leave (&done, 1);
    }
  return table[byte];
}

static guint
unit_at (const guint8 *p,
         gboolean      big_endian)
{
  return big_endian ? (guint) p[0] << 8 | p[1] : (guint) p[1] << 8 | p[0];
}

/* The character decoded at @disk matches what the bytes there say. */
static void
check_character (const SynDecoded *d,
                 const char       *at,
                 const guint8     *data,
                 gsize             size,
                 gsize             disk)
{
  const char *encoding = syn_decoded_get_encoding (d);
  gunichar c = g_utf8_get_char (at);
  gsize n = (gsize) (g_utf8_next_char (at) - at);

  g_assert_cmpuint (disk, <, size);
  if (g_str_equal (encoding, "UTF-8"))
    {
      if (c == 0xFFFD && at[n] == '\0' &&
          (disk + n > size || memcmp (at, data + disk, n) != 0))
        {
          /* The last character, cut short on disk. */
          g_assert_cmpuint (size - disk, <, 4);
          g_assert_cmpuint (g_utf8_get_char_validated ((const char *) data + disk, (gssize) (size - disk)),
                            ==, (gunichar) -2);
          return;
        }
      g_assert_cmpuint (disk + n, <=, size);
      g_assert_cmpmem (at, n, data + disk, n);
    }
  else if (g_str_equal (encoding, "WINDOWS-1252"))
    g_assert_cmpuint (c, ==, cp1252_reference (data[disk]));
  else
    {
      gboolean be = g_str_equal (encoding, "UTF-16BE");
      guint unit;

      g_assert_true (be || g_str_equal (encoding, "UTF-16LE"));
      if (disk + 1 >= size)
        {
          g_assert_cmpuint (c, ==, 0xFFFD);  /* the odd last byte */
          return;
        }
      unit = unit_at (data + disk, be);
      if (c >= 0x10000)
        g_assert_cmpuint (c, ==, 0x10000 + ((unit - 0xD800) << 10) +
                                 (unit_at (data + disk + 2, be) - 0xDC00));
      else if (c != 0xFFFD || (unit < 0xD800 || unit >= 0xE000))
        g_assert_cmpuint (c, ==, unit);
    }
}

void
syn_fuzz_check_decode (const guint8 *data,
                       gsize         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) take_error = NULL;
  g_autoptr(SynDecoded) d = syn_decode (data, size, &error);
  g_autoptr(SynDecoded) taken = syn_decode_take (g_memdup2 (data, size), size, &take_error);
  const char *text;
  gsize len, prev;

  if (d == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == SYN_DECODE_ERROR);
      g_assert_true (error->code == SYN_DECODE_ERROR_BINARY ||
                     error->code == SYN_DECODE_ERROR_TOO_LARGE);
      g_assert_null (taken);
      g_assert_error (take_error, error->domain, error->code);
      return;
    }
  g_assert_no_error (error);
  g_assert_no_error (take_error);

  text = syn_decoded_get_text (d, &len);
  g_assert_true (g_utf8_validate_len (text, len, NULL));
  g_assert_cmpint (text[len], ==, '\0');
  g_assert_cmpstr (syn_decoded_get_text (taken, NULL), ==, text);
  g_assert_cmpstr (syn_decoded_get_encoding (taken), ==, syn_decoded_get_encoding (d));
  g_assert_cmpuint (syn_decoded_get_disk_length (d), ==, size);

  /* The map: from past the BOM to the end of the file, never backwards. */
  prev = syn_decoded_to_disk_offset (d, 0);
  if (!syn_decoded_has_bom (d))
    g_assert_cmpuint (prev, ==, len == 0 ? size : 0);
  for (gsize o = 0; o < len; o = (gsize) (g_utf8_next_char (text + o) - text))
    {
      gsize disk = syn_decoded_to_disk_offset (d, o);

      g_assert_cmpuint (disk, >=, prev);
      check_character (d, text + o, data, size, disk);
      for (gsize inside = o + 1; inside < len && (text[inside] & 0xC0) == 0x80; inside++)
        g_assert_cmpuint (syn_decoded_to_disk_offset (d, inside), ==, disk);
      prev = disk;
    }
  g_assert_cmpuint (syn_decoded_to_disk_offset (d, len), ==, size);
  g_assert_cmpuint (syn_decoded_to_disk_offset (d, len + 1), ==, size);
}

/* --------------------------------------------------------------- segment */

static gsize
unit_cap (SynSegmentUnit unit)
{
  return unit == SYN_SEGMENT_SENTENCE ? SYN_SEGMENT_MAX_BYTES : SYN_SEGMENT_MAX_LINE_BYTES;
}

static gboolean
is_ascii_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static void
check_segments (const char     *text,
                gsize           len,
                const GArray   *segments,
                SynSegmentUnit  unit,
                gboolean        utf8)
{
  gsize prev_end = 0;

  for (guint i = 0; i < segments->len; i++)
    {
      const SynSegment *s = &g_array_index (segments, SynSegment, i);

      g_assert_cmpuint (s->start, <, s->end);
      g_assert_cmpuint (s->end, <=, len);
      g_assert_cmpuint (s->start, >=, prev_end);
      g_assert_cmpuint (s->end - s->start, <=, unit_cap (unit));
      g_assert_false (is_ascii_space (text[s->start]));
      g_assert_false (is_ascii_space (text[s->end - 1]));
      g_assert_cmpint (s->cluster, ==, -1);
      if (utf8)
        g_assert_true (g_utf8_validate_len (text + s->start, s->end - s->start, NULL));
      prev_end = s->end;
    }
}

/* The decoded text of @data, or NULL when it is not text. */
static SynDecoded *
decode_or_null (const guint8 *data,
                gsize         size)
{
  return syn_decode (data, size, NULL);
}

void
syn_fuzz_check_segment (const guint8 *data,
                        gsize         size)
{
  g_autoptr(SynDecoded) d = decode_or_null (data, size);

  for (SynSegmentUnit unit = SYN_SEGMENT_SENTENCE; unit <= SYN_SEGMENT_PARAGRAPH; unit++)
    {
      /* The raw bytes too: the segmenter promises not to crash on NUL bytes
       * or invalid UTF-8. */
      g_autoptr(GArray) raw = syn_segment_text ((const char *) data, size, unit);

      check_segments ((const char *) data, size, raw, unit, FALSE);
      if (d != NULL)
        {
          gsize len;
          const char *text = syn_decoded_get_text (d, &len);
          g_autoptr(GArray) segs = syn_segment_text (text, len, unit);

          check_segments (text, len, segs, unit, TRUE);
          syn_classify_passages (text, len, segs);
          check_segments (text, len, segs, unit, TRUE);
          for (guint i = 0; i < segs->len; i++)
            {
              SynPassageKind kind = g_array_index (segs, SynSegment, i).kind;
              g_assert_true (kind == SYN_PASSAGE_BODY || kind == SYN_PASSAGE_TITLE ||
                             kind == SYN_PASSAGE_BOILERPLATE);
            }
        }
    }
}

/* ------------------------------------------------------------- normalize */

static void
check_tokens (const char *text,
              gsize       start,
              gsize       end)
{
  g_autoptr(GArray) tokens = syn_tokenize (text, start, end);
  gsize prev_end = start;

  for (guint i = 0; i < tokens->len; i++)
    {
      const SynToken *t = &g_array_index (tokens, SynToken, i);
      g_autofree char *word = NULL;

      g_assert_cmpuint (t->start, >=, prev_end);
      g_assert_cmpuint (t->start, <, t->end);
      g_assert_cmpuint (t->end, <=, end);
      g_assert_true (g_utf8_validate_len (text + t->start, t->end - t->start, NULL));
      g_assert_nonnull (t->norm);
      g_assert_true (g_utf8_validate (t->norm, -1, NULL));
      g_assert_cmpint (t->quote, >=, -1);
      if (t->norm[0] != '\0')
        {
          g_autofree char *stem = syn_stem (t->norm);
          g_assert_true (stem != NULL && g_utf8_validate (stem, -1, NULL));
        }
      word = syn_normalize_word (text + t->start, (gssize) (t->end - t->start));
      g_assert_true (word != NULL && g_utf8_validate (word, -1, NULL));
      prev_end = t->end;
    }
}

void
syn_fuzz_check_normalize (const guint8 *data,
                          gsize         size)
{
  g_autoptr(SynDecoded) d = decode_or_null (data, size);
  g_autoptr(GArray) segs = NULL;
  const char *text;
  gsize len;

  if (d == NULL)
    return;
  text = syn_decoded_get_text (d, &len);
  check_tokens (text, 0, len);

  /* As the aligner asks: one passage at a time. */
  segs = syn_segment_text (text, len, SYN_SEGMENT_SENTENCE);
  for (guint i = 0; i < segs->len; i++)
    check_tokens (text, g_array_index (segs, SynSegment, i).start,
                  g_array_index (segs, SynSegment, i).end);
}

/* ----------------------------------------------------------------- align */

/* Cuts @data at each record separator and decodes the pieces that are text. */
static GPtrArray *
cut_sources (const guint8 *data,
             gsize         size)
{
  GPtrArray *sources = g_ptr_array_new_with_free_func ((GDestroyNotify) syn_decoded_free);
  gsize start = 0;

  while (start <= size && sources->len < MAX_SOURCES)
    {
      const guint8 *sep = size > start ? memchr (data + start, SOURCE_SEPARATOR, size - start) : NULL;
      gsize end = sep != NULL ? (gsize) (sep - data) : size;
      SynDecoded *d = syn_decode (data + start, end - start, NULL);

      if (d != NULL)
        g_ptr_array_add (sources, d);
      start = end + 1;
    }
  return sources;
}

static SynSourceText *
source_texts (GPtrArray *decoded)
{
  SynSourceText *texts = g_new0 (SynSourceText, decoded->len + 1);

  for (guint i = 0; i < decoded->len; i++)
    texts[i].text = syn_decoded_get_text (g_ptr_array_index (decoded, i), &texts[i].len);
  return texts;
}

static void
check_clusters (SynAlignment *a)
{
  guint n_segs, n_clusters;
  const SynSegment *segs = syn_alignment_get_segments (a, &n_segs);
  const SynCluster *clusters = syn_alignment_get_clusters (a, &n_clusters);
  g_autofree guint *members = g_new0 (guint, n_clusters + 1);

  for (guint i = 0; i < n_segs; i++)
    {
      g_assert_cmpint (segs[i].cluster, >=, -1);
      g_assert_cmpint (segs[i].cluster, <, (gint) n_clusters);
      if (segs[i].kind == SYN_PASSAGE_BOILERPLATE)
        g_assert_cmpint (segs[i].cluster, ==, -1);
      if (segs[i].cluster >= 0)
        members[segs[i].cluster]++;
    }
  for (guint c = 0; c < n_clusters; c++)
    {
      const SynCluster *cl = &clusters[c];
      g_autoptr(GHashTable) sources = g_hash_table_new (NULL, NULL);

      g_assert_cmpuint (cl->n_segments, >=, 1);
      g_assert_cmpuint (cl->n_segments, ==, members[c]);
      g_assert_true (isfinite (cl->score) && cl->score >= 0 && cl->score <= 1);
      for (guint j = 0; j < cl->n_segments; j++)
        {
          g_assert_cmpuint (cl->segments[j], <, n_segs);
          g_assert_cmpint (segs[cl->segments[j]].cluster, ==, (gint) c);
          if (j > 0)
            g_assert_cmpuint (cl->segments[j - 1], <, cl->segments[j]);
          g_hash_table_add (sources, GUINT_TO_POINTER (segs[cl->segments[j]].source + 1));
        }
      g_assert_cmpuint (cl->support, ==, g_hash_table_size (sources));
    }
}

static void
check_divergences (SynAlignment *a)
{
  guint n_segs, n_divs;
  const SynSegment *segs = syn_alignment_get_segments (a, &n_segs);
  const SynDivergence *divs = syn_alignment_get_divergences (a, &n_divs);
  guint counted = 0;

  for (guint i = 0; i < n_divs; i++)
    {
      const SynDivergence *d = &divs[i];
      const SynSegment *s;

      g_assert_cmpuint (d->segment, <, n_segs);
      s = &segs[d->segment];
      g_assert_cmpint (s->cluster, >=, 0);
      g_assert_cmpuint (s->start, <=, d->start);
      g_assert_cmpuint (d->start, <=, d->end);
      g_assert_cmpuint (d->end, <=, s->end);
      g_assert_true (d->kind <= SYN_DIVERGENCE_QUOTE);
      if (i > 0)
        g_assert_true (divs[i - 1].segment < d->segment ||
                       (divs[i - 1].segment == d->segment && divs[i - 1].start <= d->start));
      g_assert_cmpint (d->counterpart, >=, -1);
      g_assert_cmpint (d->counterpart, <, (gint) n_segs);
      if (d->counterpart >= 0)
        {
          gsize other_len;

          syn_alignment_get_text (a, segs[d->counterpart].source, &other_len);
          g_assert_cmpuint (d->other_start, <=, d->other_end);
          g_assert_cmpuint (d->other_end, <=, other_len);
        }
    }
  for (guint i = 0; i < n_segs; i++)
    {
      guint n;
      const SynDivergence *mine = syn_alignment_get_segment_divergences (a, i, &n);

      for (guint j = 0; j < n; j++)
        g_assert_cmpuint (mine[j].segment, ==, i);
      counted += n;
    }
  g_assert_cmpuint (counted, ==, n_divs);
}

static void
check_alignment (SynAlignment        *a,
                 const SynSourceText *texts,
                 guint                n_sources,
                 SynSegmentUnit       unit)
{
  guint n_segs, total = 0;
  const SynSegment *segs;

  g_assert_nonnull (a);
  g_assert_cmpuint (syn_alignment_get_n_sources (a), ==, n_sources);
  g_assert_cmpint (syn_alignment_get_unit (a), ==, unit);
  segs = syn_alignment_get_segments (a, &n_segs);
  for (guint s = 0; s < n_sources; s++)
    {
      gsize len;
      const char *text = syn_alignment_get_text (a, s, &len);
      guint first, n;
      const SynSegment *mine = syn_alignment_get_source_segments (a, s, &first, &n);
      g_autofree char *title = syn_alignment_dup_title (a, s);

      g_assert_cmpmem (text, len, texts[s].text, texts[s].len);
      g_assert_cmpuint (first, ==, total);
      g_assert_true (n == 0 || mine == segs + first);
      for (guint i = 0; i < n; i++)
        {
          g_assert_cmpuint (mine[i].source, ==, s);
          g_assert_cmpuint (mine[i].start, <, mine[i].end);
          g_assert_cmpuint (mine[i].end, <=, len);
          g_assert_true (i == 0 || mine[i - 1].end <= mine[i].start);
          g_assert_true (g_utf8_validate_len (text + mine[i].start, mine[i].end - mine[i].start, NULL));
        }
      g_assert_true (title == NULL || g_utf8_validate (title, -1, NULL));
      total += n;
    }
  g_assert_cmpuint (total, ==, n_segs);
  check_clusters (a);
  check_divergences (a);
}

/* Field by field: the structs have padding, which memcmp would read. */
static void
assert_same_alignment (SynAlignment *a,
                       SynAlignment *b)
{
  guint na, nb;
  const SynSegment *sa = syn_alignment_get_segments (a, &na);
  const SynSegment *sb = syn_alignment_get_segments (b, &nb);
  const SynCluster *ca, *cb;
  const SynDivergence *da, *db;

  g_assert_cmpuint (na, ==, nb);
  for (guint i = 0; i < na; i++)
    {
      g_assert_cmpuint (sa[i].source, ==, sb[i].source);
      g_assert_cmpuint (sa[i].start, ==, sb[i].start);
      g_assert_cmpuint (sa[i].end, ==, sb[i].end);
      g_assert_cmpint (sa[i].kind, ==, sb[i].kind);
      g_assert_cmpint (sa[i].cluster, ==, sb[i].cluster);
    }
  ca = syn_alignment_get_clusters (a, &na);
  cb = syn_alignment_get_clusters (b, &nb);
  g_assert_cmpuint (na, ==, nb);
  for (guint i = 0; i < na; i++)
    {
      g_assert_cmpmem (ca[i].segments, ca[i].n_segments * sizeof (guint),
                       cb[i].segments, cb[i].n_segments * sizeof (guint));
      g_assert_cmpuint (ca[i].support, ==, cb[i].support);
      g_assert_cmpfloat (ca[i].score, ==, cb[i].score);
    }
  da = syn_alignment_get_divergences (a, &na);
  db = syn_alignment_get_divergences (b, &nb);
  g_assert_cmpuint (na, ==, nb);
  for (guint i = 0; i < na; i++)
    {
      g_assert_cmpuint (da[i].segment, ==, db[i].segment);
      g_assert_cmpuint (da[i].start, ==, db[i].start);
      g_assert_cmpuint (da[i].end, ==, db[i].end);
      g_assert_cmpint (da[i].kind, ==, db[i].kind);
      g_assert_cmpint (da[i].counterpart, ==, db[i].counterpart);
      g_assert_cmpuint (da[i].other_start, ==, db[i].other_start);
      g_assert_cmpuint (da[i].other_end, ==, db[i].other_end);
      g_assert_cmpuint (da[i].agreeing, ==, db[i].agreeing);
    }
}

void
syn_fuzz_check_align (const guint8 *data,
                      gsize         size)
{
  g_autoptr(GPtrArray) decoded = cut_sources (data, size);
  g_autofree SynSourceText *texts = source_texts (decoded);

  for (SynSegmentUnit unit = SYN_SEGMENT_SENTENCE; unit <= SYN_SEGMENT_PARAGRAPH; unit++)
    {
      g_autoptr(SynAlignment) a = syn_alignment_compute (texts, decoded->len, unit, NULL, NULL);

      check_alignment (a, texts, decoded->len, unit);
      if (unit == SYN_SEGMENT_SENTENCE)
        {
          /* Deterministic: the same input gives the same result. */
          g_autoptr(SynAlignment) again = syn_alignment_compute (texts, decoded->len, unit, NULL, NULL);
          assert_same_alignment (a, again);
        }
    }
}

/* ---------------------------------------------------------------- export */

static void
check_json_passages (const GString    *json,
                     SynAlignment     *a,
                     GPtrArray        *decoded)
{
  g_autoptr(SynJson) root = syn_json_parse (json->str, json->len, NULL);
  const SynJson *passages = syn_json_get (root, "passages");
  guint n_segs;
  const SynSegment *segs = syn_alignment_get_segments (a, &n_segs);

  g_assert_nonnull (passages);
  g_assert_cmpuint (passages->items->len, ==, n_segs);
  for (guint i = 0; i < n_segs; i++)
    {
      const SynJson *p = g_ptr_array_index (passages->items, i);
      const SynDecoded *d = g_ptr_array_index (decoded, segs[i].source);
      const char *text = syn_alignment_get_text (a, segs[i].source, NULL);
      const SynJson *t = syn_json_get (p, "text");

      g_assert_cmpfloat (syn_json_get (p, "start")->number, ==,
                         (double) syn_decoded_to_disk_offset (d, segs[i].start));
      g_assert_cmpfloat (syn_json_get (p, "end")->number, ==,
                         (double) syn_decoded_to_disk_offset (d, segs[i].end));
      /* The text survives the escaping exactly. */
      g_assert_cmpmem (t->string, t->string_len, text + segs[i].start, segs[i].end - segs[i].start);
    }
}

void
syn_fuzz_check_export (const guint8 *data,
                       gsize         size)
{
  SynSegmentUnit unit = size > 0 ? (SynSegmentUnit) (data[0] % 3) : SYN_SEGMENT_SENTENCE;
  g_autoptr(GPtrArray) decoded = cut_sources (size > 0 ? data + 1 : data, size > 0 ? size - 1 : 0);
  g_autofree SynSourceText *texts = source_texts (decoded);
  g_autofree SynExportSource *sources = g_new0 (SynExportSource, decoded->len + 1);
  g_autofree gsize *disk_lengths = g_new0 (gsize, decoded->len + 1);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(SynAlignment) a = syn_alignment_compute (texts, decoded->len, unit, NULL, NULL);
  g_autoptr(GString) json = NULL;
  g_autoptr(GString) listing = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < decoded->len; i++)
    {
      const SynDecoded *d = g_ptr_array_index (decoded, i);

      /* Paths with characters the JSON must escape. */
      g_ptr_array_add (paths, g_strdup_printf ("dir \"%u\"\\source\t%u.txt", i, i));
      sources[i].path = g_ptr_array_index (paths, i);
      sources[i].encoding = syn_decoded_get_encoding (d);
      sources[i].decoded = d;
      disk_lengths[i] = syn_decoded_get_disk_length (d);
    }

  json = syn_export_json (a, sources);
  if (!syn_json_check_export (json->str, json->len, disk_lengths, decoded->len, &error))
    g_error ("invalid export: %s\n%s", error->message, json->str);
  check_json_passages (json, a, decoded);

  listing = syn_export_text (a, sources);
  g_assert_true (g_utf8_validate_len (listing->str, listing->len, NULL));
}

const SynFuzzTarget *
syn_fuzz_core_targets (guint *n_targets)
{
  static const SynFuzzTarget targets[] = {
    { "decode", syn_fuzz_check_decode },
    { "segment", syn_fuzz_check_segment },
    { "normalize", syn_fuzz_check_normalize },
    { "align", syn_fuzz_check_align },
    { "export", syn_fuzz_check_export },
  };

  *n_targets = G_N_ELEMENTS (targets);
  return targets;
}
