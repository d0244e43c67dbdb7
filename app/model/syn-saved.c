/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A saved comparison: the `.synopsis` file.
 *
 * What makes a comparison is its texts, so a saved one holds every text as
 * it was compared, not a reference to where it came from: it reopens the
 * same when a file has changed since, a web page is gone, or the file is
 * opened on another machine. Alignment is a function of the texts, the
 * hints a web page gave and the segment unit, so those are kept and the
 * groups computed again on opening; manual edits (links, unlinks, splits,
 * merges) are kept beside them as the constraints the aligner honours
 * (syn-align-constrain.c), each passage named by source and byte range, and
 * notes likewise by the passage of the group they are anchored to. Their
 * lists were in the format from its first version, always empty; version 2
 * fills them, and a comparison without edits is still written as version 1
 * so that older builds open it.
 *
 * Each source also keeps how its text relates to the bytes it came from,
 * so that exports of the reopened comparison give the same offsets on disk:
 * for a text file its encoding, whether it began with a BOM and its length
 * (the mapping depends on the characters only; see
 * syn_decoded_new_mapped()); for a page the extractor's hints and what the
 * page said of itself. The SHA-256 of the bytes read tells, on opening,
 * whether the file still holds what was compared.
 *
 * The reader trusts nothing: the file may be damaged, of another kind, or
 * written by a later version. Every member is type-checked before use (a
 * wrong type would be a critical warning in json-glib), nesting is bounded
 * and the file must end where its object does before the parser sees the
 * text (see check_shape()), and texts and hints are validated by the
 * constructors they go to. Each refusal is one phrase a user can act on.
 */
#define G_LOG_DOMAIN "syn-model"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "syn-export-json.h"
#include "syn-saved.h"

/* Deeper nesting than the format ever has is refused before parsing, so a
 * hostile file cannot exhaust the parser's stack. */
#define MAX_DEPTH 16
/* How far into the file the format string must appear (it comes first). */
#define SNIFF_BYTES 256
/* A saved comparison holds its texts: at most this many sources' worth. */
#define MAX_FILE_BYTES ((goffset) SYN_DECODE_MAX_BYTES * 16)

struct _SynSaved
{
  SynSegmentUnit  unit;
  GArray         *sources;  /* SynSavedSource */
  GArray         *constraints;  /* SynConstraint */
  GArray         *notes;        /* SynNote */
};

G_DEFINE_QUARK (syn-saved-error-quark, syn_saved_error)

static void
saved_source_clear (gpointer data)
{
  SynSavedSource *source = data;

  g_clear_pointer (&source->source, syn_source_unref);
  g_clear_pointer (&source->name, g_free);
  g_clear_pointer (&source->path, g_free);
  g_clear_pointer (&source->uri, g_free);
  g_clear_pointer (&source->label, g_free);
}

static void
saved_note_clear (gpointer data)
{
  g_free (((SynNote *) data)->text);
}

SynSaved *
syn_saved_new (SynSegmentUnit unit)
{
  SynSaved *self = g_new0 (SynSaved, 1);

  self->unit = unit;
  self->sources = g_array_new (FALSE, TRUE, sizeof (SynSavedSource));
  g_array_set_clear_func (self->sources, saved_source_clear);
  self->constraints = g_array_new (FALSE, FALSE, sizeof (SynConstraint));
  self->notes = g_array_new (FALSE, FALSE, sizeof (SynNote));
  g_array_set_clear_func (self->notes, saved_note_clear);
  return self;
}

void
syn_saved_free (SynSaved *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->sources);
  g_array_unref (self->constraints);
  g_array_unref (self->notes);
  g_free (self);
}

void
syn_saved_add_constraint (SynSaved            *self,
                          const SynConstraint *constraint)
{
  g_return_if_fail (self != NULL && constraint != NULL);
  g_array_append_val (self->constraints, *constraint);
}

const SynConstraint *
syn_saved_get_constraints (SynSaved *self,
                           guint    *n_constraints)
{
  g_return_val_if_fail (self != NULL && n_constraints != NULL, NULL);
  *n_constraints = self->constraints->len;
  return (const SynConstraint *) (gpointer) self->constraints->data;
}

void
syn_saved_add_note (SynSaved            *self,
                    const SynPassageRef *ref,
                    const char          *text)
{
  SynNote note;

  g_return_if_fail (self != NULL && ref != NULL && text != NULL);
  note.ref = *ref;
  note.text = g_strdup (text);
  g_array_append_val (self->notes, note);
}

const SynNote *
syn_saved_get_notes (SynSaved *self,
                     guint    *n_notes)
{
  g_return_val_if_fail (self != NULL && n_notes != NULL, NULL);
  *n_notes = self->notes->len;
  return (const SynNote *) (gpointer) self->notes->data;
}

void
syn_saved_add_source (SynSaved   *self,
                      SynSource  *source,
                      const char *name,
                      const char *path,
                      const char *uri)
{
  SynSavedSource saved = { 0 };

  g_return_if_fail (self != NULL);
  g_return_if_fail (source != NULL);
  g_return_if_fail (name != NULL && path != NULL);

  saved.source = syn_source_ref (source);
  saved.name = g_strdup (name);
  saved.path = g_strdup (path);
  saved.uri = g_strdup (uri);
  g_array_append_val (self->sources, saved);
}

void
syn_saved_set_last_label (SynSaved   *self,
                          const char *label)
{
  SynSavedSource *last;

  g_return_if_fail (self != NULL);
  g_return_if_fail (self->sources->len > 0);

  last = &g_array_index (self->sources, SynSavedSource, self->sources->len - 1);
  g_free (last->label);
  last->label = g_strdup (label);
}

SynSegmentUnit
syn_saved_get_unit (SynSaved *self)
{
  g_return_val_if_fail (self != NULL, SYN_SEGMENT_SENTENCE);
  return self->unit;
}

guint
syn_saved_get_n_sources (SynSaved *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->sources->len;
}

const SynSavedSource *
syn_saved_get_source (SynSaved *self,
                      guint     index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->sources->len, NULL);
  return &g_array_index (self->sources, SynSavedSource, index);
}

/* Writing */

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

static void
add_hints (JsonBuilder *builder,
           SynSource   *source)
{
  guint n;
  const SynKindHint *hints = syn_source_get_hints (source, &n);

  json_builder_set_member_name (builder, "hints");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "start");
      json_builder_add_int_value (builder, (gint64) hints[i].start);
      json_builder_set_member_name (builder, "end");
      json_builder_add_int_value (builder, (gint64) hints[i].end);
      add_string (builder, "kind", syn_passage_kind_to_string (hints[i].kind));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/* How a text file's bytes were read: the mapping of offsets to disk. */
static void
add_disk (JsonBuilder      *builder,
          const SynDecoded *decoded)
{
  json_builder_set_member_name (builder, "disk");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "bom");
  json_builder_add_boolean_value (builder, syn_decoded_has_bom (decoded));
  json_builder_set_member_name (builder, "length");
  json_builder_add_int_value (builder, (gint64) syn_decoded_get_disk_length (decoded));
  json_builder_end_object (builder);
}

static void
add_source (JsonBuilder          *builder,
            const SynSavedSource *saved)
{
  SynSource *source = saved->source;
  GDateTime *retrieved = syn_source_get_retrieved (source);
  g_autofree char *retrieved_iso = retrieved ? g_date_time_format_iso8601 (retrieved) : NULL;
  const char *text = syn_source_get_text (source, NULL);

  json_builder_begin_object (builder);
  add_string (builder, "name", saved->name);
  /* optional: a reader that does not know it keeps the column's own name */
  add_string (builder, "label", saved->label);
  add_string (builder, "path", saved->path);
  add_string (builder, "uri", saved->uri);
  add_string (builder, "origin", syn_origin_to_string (syn_source_get_origin (source)));
  add_string (builder, "url", syn_source_get_url (source));
  add_string (builder, "site", syn_source_get_site (source));
  add_string (builder, "byline", syn_source_get_byline (source));
  add_string (builder, "published", syn_source_get_published (source));
  add_string (builder, "language", syn_source_get_language (source));
  add_string (builder, "headline", syn_source_get_headline (source));
  add_string (builder, "retrieved", retrieved_iso);
  add_string (builder, "sha256", syn_source_get_sha256 (source));
  add_string (builder, "encoding", syn_source_get_encoding (source));
  if (syn_source_get_decoded (source) != NULL)
    add_disk (builder, syn_source_get_decoded (source));
  else
    add_hints (builder, source);
  add_string (builder, "text", text);
  json_builder_end_object (builder);
}

static void
add_ref (JsonBuilder         *builder,
         const char          *name,
         const SynPassageRef *ref)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "source");
  json_builder_add_int_value (builder, ref->source);
  json_builder_set_member_name (builder, "start");
  json_builder_add_int_value (builder, (gint64) ref->start);
  json_builder_set_member_name (builder, "end");
  json_builder_add_int_value (builder, (gint64) ref->end);
  json_builder_end_object (builder);
}

static void
add_edits (JsonBuilder *builder,
           SynSaved    *self)
{
  json_builder_set_member_name (builder, "edits");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->constraints->len; i++)
    {
      const SynConstraint *c = &g_array_index (self->constraints, SynConstraint, i);

      json_builder_begin_object (builder);
      add_string (builder, "kind", c->kind == SYN_CONSTRAINT_MUST_LINK ? "link" : "unlink");
      add_ref (builder, "a", &c->a);
      add_ref (builder, "b", &c->b);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_notes (JsonBuilder *builder,
           SynSaved    *self)
{
  json_builder_set_member_name (builder, "notes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->notes->len; i++)
    {
      const SynNote *note = &g_array_index (self->notes, SynNote, i);

      json_builder_begin_object (builder);
      add_ref (builder, "passage", &note->ref);
      add_string (builder, "text", note->text);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

GBytes *
syn_saved_write (SynSaved *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  GString *out;

  g_return_val_if_fail (self != NULL, NULL);

  json_builder_begin_object (builder);
  add_string (builder, "format", SYN_SAVED_FORMAT);
  json_builder_set_member_name (builder, "version");
  /* without edits, the first version: every build opens it */
  json_builder_add_int_value (builder, self->constraints->len == 0 && self->notes->len == 0
                                       ? 1 : SYN_SAVED_VERSION);
  add_string (builder, "generator", "Synopsis " PACKAGE_VERSION);
  add_string (builder, "unit", syn_segment_unit_to_string (self->unit));
  json_builder_set_member_name (builder, "sources");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->sources->len; i++)
    add_source (builder, &g_array_index (self->sources, SynSavedSource, i));
  json_builder_end_array (builder);
  add_edits (builder, self);
  add_notes (builder, self);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  out = _syn_json_to_string (root);
  return g_string_free_to_bytes (out);
}

/* Reading */

gboolean
syn_saved_sniff (const guint8 *data,
                 gsize         len)
{
  gsize n = MIN (len, SNIFF_BYTES);
  const char *needle = "\"" SYN_SAVED_FORMAT "\"";
  gsize i = 0;

  g_return_val_if_fail (data != NULL || len == 0, FALSE);

  if (n >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    i = 3;
  while (i < n && g_ascii_isspace (data[i]))
    i++;
  if (i >= n || data[i] != '{')
    return FALSE;
  for (; i + strlen (needle) <= n; i++)
    if (memcmp (data + i, needle, strlen (needle)) == 0)
      return TRUE;
  return FALSE;
}

typedef enum {
  SHAPE_OK,
  SHAPE_TOO_DEEP,   /* arrays and objects nest deeper than allowed */
  SHAPE_TRAILING,   /* something follows the value that opens the file */
} Shape;

/* What the parser is spared. Nesting is bounded outside strings, so a
 * hostile file cannot exhaust the parser's stack; and nothing but white
 * space may follow the object that opens the file, because json-glib 1.6
 * reads what follows as a further statement and, when that one breaks
 * off, leaks the nodes it made of it ("{…} [], 1" leaks the array). */
static Shape
check_shape (const char *data,
             gsize       len,
             guint       max)
{
  guint depth = 0;
  gboolean in_string = FALSE, opened = FALSE;

  for (gsize i = 0; i < len; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (opened && depth == 0)
        {
          if (!g_ascii_isspace (c))
            return SHAPE_TRAILING;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          opened = TRUE;
          if (++depth > max)
            return SHAPE_TOO_DEEP;
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }
  return SHAPE_OK;
}

static gboolean
set_damaged (GError    **error,
             const char *why)
{
  /* The parser's messages may quote the file's bytes. */
  g_autofree char *valid = g_utf8_make_valid (why, -1);

  g_set_error (error, SYN_SAVED_ERROR, SYN_SAVED_ERROR_DAMAGED,
               _("is a damaged saved comparison: %s"), valid);
  return FALSE;
}

/* The parser's own words ("<data>:31:85: Parse error: scanner: …") mean
 * nothing to a user: they get what happened and the line, to look at. */
static gboolean
set_damaged_where (GError    **error,
                   const char *parser_message)
{
  g_autofree char *why = NULL;
  guint line = 0, column = 0;

  if (sscanf (parser_message, "<data>:%u:%u:", &line, &column) == 2 && line > 0)
    why = g_strdup_printf (_("it is cut short or garbled near line %u"), line);
  else
    why = g_strdup (_("it is cut short or garbled"));
  return set_damaged (error, why);
}

/* A member of @object of the given JSON type, or NULL. */
static JsonNode *
member_of_type (JsonObject *object,
                const char *name,
                GType       value_type)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != value_type)
    return NULL;
  return node;
}

/* An optional string: NULL when absent; FALSE when of another type or
 * not UTF-8. */
static gboolean
get_optional_string (JsonObject  *object,
                     const char  *name,
                     const char **value)
{
  JsonNode *node = json_object_get_member (object, name);

  *value = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (member_of_type (object, name, G_TYPE_STRING) == NULL)
    return FALSE;
  *value = json_node_get_string (node);
  return *value != NULL && g_utf8_validate (*value, -1, NULL);
}

static JsonArray *
get_array (JsonObject *object,
           const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static gboolean
origin_from_string (const char *str,
                    SynOrigin  *origin)
{
  for (SynOrigin o = SYN_ORIGIN_FILE; o <= SYN_ORIGIN_SAMPLE; o++)
    if (g_strcmp0 (str, syn_origin_to_string (o)) == 0)
      {
        *origin = o;
        return TRUE;
      }
  return FALSE;
}

static gboolean
kind_from_string (const char     *str,
                  SynPassageKind *kind)
{
  for (SynPassageKind k = SYN_PASSAGE_BODY; k <= SYN_PASSAGE_BOILERPLATE; k++)
    if (g_strcmp0 (str, syn_passage_kind_to_string (k)) == 0)
      {
        *kind = k;
        return TRUE;
      }
  return FALSE;
}

static gboolean
get_offset (JsonObject *object,
            const char *name,
            gsize      *value)
{
  JsonNode *node = member_of_type (object, name, G_TYPE_INT64);
  gint64 v;

  if (node == NULL)
    return FALSE;
  v = json_node_get_int (node);
  if (v < 0 || (guint64) v > (guint64) SYN_DECODE_MAX_BYTES * 4)
    return FALSE;
  *value = (gsize) v;
  return TRUE;
}

static GArray *
read_hints (JsonArray *array)
{
  g_autoptr(GArray) hints = g_array_new (FALSE, FALSE, sizeof (SynKindHint));

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *object;
      const char *kind = NULL;
      SynKindHint hint;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return NULL;
      object = json_node_get_object (node);
      if (!get_offset (object, "start", &hint.start) || !get_offset (object, "end", &hint.end) ||
          !get_optional_string (object, "kind", &kind) || !kind_from_string (kind, &hint.kind))
        return NULL;
      g_array_append_val (hints, hint);
    }
  return g_steal_pointer (&hints);
}

typedef struct {
  const char *name, *label, *path, *uri, *origin, *url, *retrieved, *sha256, *encoding, *text;
  SynSourceMeta meta;
} SourceFields;

static gboolean
read_fields (JsonObject   *object,
             SourceFields *f)
{
  return get_optional_string (object, "name", &f->name) && f->name != NULL &&
         get_optional_string (object, "label", &f->label) &&
         get_optional_string (object, "path", &f->path) && f->path != NULL &&
         get_optional_string (object, "uri", &f->uri) &&
         get_optional_string (object, "origin", &f->origin) &&
         get_optional_string (object, "url", &f->url) &&
         get_optional_string (object, "site", &f->meta.site) &&
         get_optional_string (object, "byline", &f->meta.byline) &&
         get_optional_string (object, "published", &f->meta.published) &&
         get_optional_string (object, "language", &f->meta.language) &&
         get_optional_string (object, "headline", &f->meta.headline) &&
         get_optional_string (object, "retrieved", &f->retrieved) &&
         get_optional_string (object, "sha256", &f->sha256) &&
         get_optional_string (object, "encoding", &f->encoding) && f->encoding != NULL &&
         get_optional_string (object, "text", &f->text) && f->text != NULL;
}

static gboolean
is_sha256 (const char *str)
{
  if (str == NULL || strlen (str) != 64)
    return FALSE;
  for (const char *p = str; *p != '\0'; p++)
    if (!g_ascii_isxdigit (*p))
      return FALSE;
  return TRUE;
}

/* A text file's text, with its mapping to the bytes on disk. */
static SynSource *
make_text_source (SynOrigin     origin,
                  SourceFields *f,
                  JsonObject   *disk)
{
  JsonNode *bom = member_of_type (disk, "bom", G_TYPE_BOOLEAN);
  SynDecoded *decoded;
  gsize length;

  if (bom == NULL || !get_offset (disk, "length", &length))
    return NULL;
  decoded = syn_decoded_new_mapped (f->text, strlen (f->text), f->encoding,
                                    json_node_get_boolean (bom), length, NULL);
  return decoded ? syn_source_new_text (origin, decoded, f->url) : NULL;
}

static SynSource *
make_extracted_source (SynOrigin     origin,
                       SourceFields *f,
                       JsonArray    *hint_array)
{
  g_autoptr(GArray) hints = hint_array ? read_hints (hint_array) : NULL;

  if (hint_array != NULL && hints == NULL)
    return NULL;
  return syn_source_new_extracted (origin, f->text, strlen (f->text),
                                   hints ? (SynKindHint *) (gpointer) hints->data : NULL,
                                   hints ? hints->len : 0, f->encoding, f->url, &f->meta, NULL);
}

static gboolean
read_source (SynSaved   *self,
             JsonNode   *node,
             guint       index,
             GError    **error)
{
  SourceFields f = { 0 };
  g_autoptr(SynSource) source = NULL;
  g_autoptr(GDateTime) retrieved = NULL;
  g_autofree char *why = NULL;
  JsonObject *object, *disk = NULL;
  JsonNode *disk_node;
  SynOrigin origin = SYN_ORIGIN_FILE;

  /* Translators: a source of a saved comparison, counted from 1 */
  why = g_strdup_printf (_("source %u is incomplete or invalid"), index + 1);
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return set_damaged (error, why);
  object = json_node_get_object (node);
  disk_node = json_object_get_member (object, "disk");
  if (disk_node != NULL && JSON_NODE_HOLDS_OBJECT (disk_node))
    disk = json_node_get_object (disk_node);
  if (!read_fields (object, &f) || (f.origin != NULL && !origin_from_string (f.origin, &origin)) ||
      (f.sha256 != NULL && !is_sha256 (f.sha256)) || (disk_node != NULL && disk == NULL))
    return set_damaged (error, why);
  if (f.retrieved != NULL && (retrieved = g_date_time_new_from_iso8601 (f.retrieved, NULL)) == NULL)
    return set_damaged (error, why);

  source = disk ? make_text_source (origin, &f, disk)
                : make_extracted_source (origin, &f, get_array (object, "hints"));
  if (source == NULL)
    return set_damaged (error, why);
  syn_source_set_retrieved (source, retrieved);
  syn_source_set_sha256 (source, f.sha256);
  syn_saved_add_source (self, source, f.name, f.path, f.uri);
  if (f.label != NULL)
    syn_saved_set_last_label (self, f.label);
  return TRUE;
}

/* The format and version, before anything else is trusted. */
static gboolean
check_header (JsonNode  *root,
              GError   **error)
{
  JsonObject *object;
  JsonNode *format, *version;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    goto foreign;
  object = json_node_get_object (root);
  format = member_of_type (object, "format", G_TYPE_STRING);
  if (format == NULL || g_strcmp0 (json_node_get_string (format), SYN_SAVED_FORMAT) != 0)
    goto foreign;
  version = member_of_type (object, "version", G_TYPE_INT64);
  if (version == NULL || json_node_get_int (version) < 1)
    return set_damaged (error, _("it has no valid version"));
  if (json_node_get_int (version) > SYN_SAVED_VERSION)
    {
      g_set_error (error, SYN_SAVED_ERROR, SYN_SAVED_ERROR_NEWER,
                   _("was saved by a newer version of Synopsis (format version %" G_GINT64_FORMAT
                     "); this version reads version %d: update Synopsis to open it"),
                   json_node_get_int (version), SYN_SAVED_VERSION);
      return FALSE;
    }
  return TRUE;

foreign:
  g_set_error_literal (error, SYN_SAVED_ERROR, SYN_SAVED_ERROR_FOREIGN,
                       _("is not a saved comparison"));
  return FALSE;
}

/* Version 1 has no edits or notes: their lists are empty or absent. */
static gboolean
is_empty_list (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node == NULL || (JSON_NODE_HOLDS_ARRAY (node) && json_array_get_length (json_node_get_array (node)) == 0);
}

/* A passage of one of the sources already read, inside its text. */
static gboolean
read_ref (SynSaved      *self,
          JsonObject    *object,
          const char    *name,
          SynPassageRef *ref)
{
  JsonNode *node = json_object_get_member (object, name);
  JsonObject *o;
  gsize source, len;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return FALSE;
  o = json_node_get_object (node);
  if (!get_offset (o, "source", &source) || !get_offset (o, "start", &ref->start) ||
      !get_offset (o, "end", &ref->end) || source >= self->sources->len || ref->start > ref->end)
    return FALSE;
  ref->source = (guint) source;
  syn_source_get_text (g_array_index (self->sources, SynSavedSource, source).source, &len);
  return ref->end <= len;
}

static gboolean
read_edits (SynSaved    *self,
            JsonObject  *object,
            GError     **error)
{
  JsonArray *edits = get_array (object, "edits");
  JsonArray *notes = get_array (object, "notes");

  if ((edits == NULL && json_object_has_member (object, "edits")) ||
      (notes == NULL && json_object_has_member (object, "notes")))
    return set_damaged (error, _("its edits or notes are not lists"));
  for (guint i = 0; edits != NULL && i < json_array_get_length (edits); i++)
    {
      JsonNode *node = json_array_get_element (edits, i);
      JsonObject *o = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      JsonNode *kind = o ? member_of_type (o, "kind", G_TYPE_STRING) : NULL;
      SynConstraint c;

      if (kind == NULL || !read_ref (self, o, "a", &c.a) || !read_ref (self, o, "b", &c.b))
        return set_damaged (error, _("one of its manual edits is not valid"));
      if (g_strcmp0 (json_node_get_string (kind), "link") == 0)
        c.kind = SYN_CONSTRAINT_MUST_LINK;
      else if (g_strcmp0 (json_node_get_string (kind), "unlink") == 0)
        c.kind = SYN_CONSTRAINT_CANNOT_LINK;
      else
        return set_damaged (error, _("one of its manual edits is not valid"));
      g_array_append_val (self->constraints, c);
    }
  for (guint i = 0; notes != NULL && i < json_array_get_length (notes); i++)
    {
      JsonNode *node = json_array_get_element (notes, i);
      JsonObject *o = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *text = NULL;
      SynPassageRef ref;

      if (o == NULL || !read_ref (self, o, "passage", &ref) || !get_optional_string (o, "text", &text) ||
          text == NULL)
        return set_damaged (error, _("one of its notes is not valid"));
      syn_saved_add_note (self, &ref, text);
    }
  return TRUE;
}

static SynSaved *
read_root (JsonObject  *object,
           GError     **error)
{
  g_autoptr(SynSaved) self = NULL;
  JsonNode *unit_node = member_of_type (object, "unit", G_TYPE_STRING);
  JsonArray *sources = get_array (object, "sources");
  SynSegmentUnit unit;

  if (unit_node == NULL || !syn_segment_unit_from_string (json_node_get_string (unit_node), &unit))
    {
      set_damaged (error, _("it names no valid segment unit"));
      return NULL;
    }
  if (sources == NULL || json_array_get_length (sources) == 0)
    {
      set_damaged (error, _("it holds no sources"));
      return NULL;
    }

  if (json_node_get_int (json_object_get_member (object, "version")) == 1 &&
      (!is_empty_list (object, "edits") || !is_empty_list (object, "notes")))
    {
      set_damaged (error, _("its edits and notes are not empty lists, as version 1 has them"));
      return NULL;
    }

  self = syn_saved_new (unit);
  for (guint i = 0; i < json_array_get_length (sources); i++)
    if (!read_source (self, json_array_get_element (sources, i), i, error))
      return NULL;
  if (!read_edits (self, object, error))
    return NULL;
  return g_steal_pointer (&self);
}

SynSaved *
syn_saved_read (const char  *data,
                gsize        len,
                GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) parse_error = NULL;
  JsonNode *root;
  Shape shape;

  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Not JSON at all, by its first character: another kind of file. */
  if (!syn_saved_sniff ((const guint8 *) data, len) && (len == 0 || memchr ("{[", data[0], 2) == NULL))
    {
      g_set_error_literal (error, SYN_SAVED_ERROR, SYN_SAVED_ERROR_FOREIGN,
                           _("is not a saved comparison"));
      return NULL;
    }
  shape = check_shape (data, len, MAX_DEPTH);
  if (shape != SHAPE_OK && !syn_saved_sniff ((const guint8 *) data, len))
    {
      g_set_error_literal (error, SYN_SAVED_ERROR, SYN_SAVED_ERROR_FOREIGN,
                           _("is not a saved comparison"));
      return NULL;
    }
  if (shape == SHAPE_TOO_DEEP)
    {
      set_damaged (error, _("it is not valid JSON"));
      return NULL;
    }
  if (shape == SHAPE_TRAILING)
    {
      set_damaged (error, _("something follows its end"));
      return NULL;
    }
  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, (gssize) len, &parse_error))
    {
      /* Cut short or garbled: damaged if it began as one of ours. */
      if (syn_saved_sniff ((const guint8 *) data, len))
        set_damaged_where (error, parse_error->message);
      else
        g_set_error_literal (error, SYN_SAVED_ERROR, SYN_SAVED_ERROR_FOREIGN,
                             _("is not a saved comparison"));
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (!check_header (root, error))
    return NULL;
  return read_root (json_node_get_object (root), error);
}

/* Files */

static gboolean
is_regular_local (GFile        *file,
                  goffset      *size,
                  GCancellable *cancellable)
{
  g_autoptr(GFileInfo) info = NULL;

  if (!g_file_is_native (file))
    return FALSE;
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, NULL);
  if (info == NULL || !g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_TYPE) ||
      g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    return FALSE;
  if (size != NULL)
    *size = g_file_info_get_size (info);
  return TRUE;
}

gboolean
syn_saved_sniff_file (GFile        *file,
                      GCancellable *cancellable)
{
  g_autoptr(GFileInputStream) stream = NULL;
  guint8 head[SNIFF_BYTES];
  gsize n = 0;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  /* A pipe or a device would block or never end: only regular files. */
  if (!is_regular_local (file, NULL, cancellable))
    return FALSE;
  stream = g_file_read (file, cancellable, NULL);
  if (stream == NULL ||
      !g_input_stream_read_all (G_INPUT_STREAM (stream), head, sizeof head, &n, cancellable, NULL))
    return FALSE;
  return syn_saved_sniff (head, n);
}

gboolean
syn_saved_file_claims (GFile        *file,
                       GCancellable *cancellable)
{
  g_autofree char *basename = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (syn_saved_sniff_file (file, cancellable))
    return TRUE;
  basename = g_file_get_basename (file);
  return basename != NULL && g_str_has_suffix (basename, ".synopsis") &&
         is_regular_local (file, NULL, cancellable);
}

SynSaved *
syn_saved_load_file (GFile         *file,
                     const char    *name,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;
  SynSaved *saved;
  goffset size = 0;
  gsize len = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (is_regular_local (file, &size, cancellable) && size > MAX_FILE_BYTES)
    {
      g_set_error (error, SYN_SAVED_ERROR, SYN_SAVED_ERROR_DAMAGED,
                   _("“%s” is too large for a saved comparison"), name);
      return NULL;
    }
  if (!g_file_load_contents (file, cancellable, &contents, &len, NULL, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("“%s” cannot be read: %s"), name, local_error->message);
      return NULL;
    }
  saved = syn_saved_read (contents, len, &local_error);
  if (saved == NULL)
    g_set_error (error, local_error->domain, local_error->code, "“%s” %s", name, local_error->message);
  return saved;
}

/* The SHA-256 of @file's bytes, or NULL when it cannot be read. */
static char *
hash_file (GFile        *file,
           GCancellable *cancellable)
{
  g_autoptr(GFileInputStream) stream = g_file_read (file, cancellable, NULL);
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guint8 *buffer = g_malloc (64 * 1024);
  gssize n;

  if (stream == NULL)
    return NULL;
  while ((n = g_input_stream_read (G_INPUT_STREAM (stream), buffer, 64 * 1024, cancellable, NULL)) > 0)
    g_checksum_update (checksum, buffer, n);
  if (n < 0)
    return NULL;
  return g_strdup (g_checksum_get_string (checksum));
}

gboolean
syn_saved_source_matches (const SynSavedSource *saved,
                          gboolean             *missing,
                          GCancellable         *cancellable)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *sha256 = NULL;
  const char *expected;

  g_return_val_if_fail (saved != NULL, TRUE);

  *missing = FALSE;
  expected = syn_source_get_sha256 (saved->source);
  if (saved->uri == NULL || expected == NULL || syn_source_get_origin (saved->source) != SYN_ORIGIN_FILE)
    return TRUE;
  file = g_file_new_for_uri (saved->uri);
  if (!g_file_is_native (file))
    return TRUE;
  if (!g_file_query_exists (file, cancellable))
    {
      *missing = TRUE;
      return FALSE;
    }
  sha256 = hash_file (file, cancellable);
  return sha256 != NULL && g_ascii_strcasecmp (sha256, expected) == 0;
}
