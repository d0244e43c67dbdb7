/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A strict JSON reader for checking the export, and the export's schema.
 *
 * The export is written by hand (syn-export.c), so its escaping is exactly
 * the kind of code that breaks on odd input: a control character, a quote,
 * a byte that is not UTF-8. Checking it with the writer's own assumptions
 * would prove nothing, so this is an independent reader of RFC 8259 with no
 * leniency: no trailing commas, no raw control characters in strings, valid
 * UTF-8 only, \u escapes with proper surrogate pairs, numbers by the grammar,
 * nothing after the value, and a nesting limit so it cannot overflow.
 */
#define G_LOG_DOMAIN "syn-fuzz"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "fuzz-checks.h"

#define MAX_DEPTH 64

typedef struct {
  const char *p;
  const char *start;
  const char *end;
  GError    **error;
} Reader;

static gboolean
fail (Reader     *r,
      const char *what)
{
  if (r->error != NULL && *r->error == NULL)
    g_set_error (r->error, G_MARKUP_ERROR, G_MARKUP_ERROR_PARSE, "%s at byte %" G_GSIZE_FORMAT,
                 what, (gsize) (r->p - r->start));
  return FALSE;
}

static void
skip_space (Reader *r)
{
  while (r->p < r->end && (*r->p == ' ' || *r->p == '\t' || *r->p == '\n' || *r->p == '\r'))
    r->p++;
}

static gboolean
expect_word (Reader     *r,
             const char *word)
{
  gsize n = strlen (word);

  if ((gsize) (r->end - r->p) < n || memcmp (r->p, word, n) != 0)
    return fail (r, "unknown literal");
  r->p += n;
  return TRUE;
}

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

static gboolean
read_hex4 (Reader *r,
           guint  *value)
{
  *value = 0;
  if (r->end - r->p < 4)
    return fail (r, "short \\u escape");
  for (int i = 0; i < 4; i++)
    {
      int h = hex_value (r->p[i]);

      if (h < 0)
        return fail (r, "bad \\u escape");
      *value = *value << 4 | (guint) h;
    }
  r->p += 4;
  return TRUE;
}

static gboolean
read_escape (Reader  *r,
             GString *out)
{
  char c = *r->p++;
  guint u, low;

  switch (c)
    {
    case '"': g_string_append_c (out, '"'); return TRUE;
    case '\\': g_string_append_c (out, '\\'); return TRUE;
    case '/': g_string_append_c (out, '/'); return TRUE;
    case 'b': g_string_append_c (out, '\b'); return TRUE;
    case 'f': g_string_append_c (out, '\f'); return TRUE;
    case 'n': g_string_append_c (out, '\n'); return TRUE;
    case 'r': g_string_append_c (out, '\r'); return TRUE;
    case 't': g_string_append_c (out, '\t'); return TRUE;
    case 'u':
      if (!read_hex4 (r, &u))
        return FALSE;
      if (u >= 0xDC00 && u < 0xE000)
        return fail (r, "lone low surrogate");
      if (u >= 0xD800 && u < 0xDC00)
        {
          if (r->end - r->p < 2 || r->p[0] != '\\' || r->p[1] != 'u')
            return fail (r, "lone high surrogate");
          r->p += 2;
          if (!read_hex4 (r, &low) || low < 0xDC00 || low >= 0xE000)
            return fail (r, "bad surrogate pair");
          u = 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00);
        }
      g_string_append_unichar (out, u);
      return TRUE;
    default:
      return fail (r, "bad escape");
    }
}

static gboolean
read_string (Reader   *r,
             GString  *out)
{
  r->p++;  /* the opening quote */
  for (;;)
    {
      const char *run = r->p;

      while (r->p < r->end && *r->p != '"' && *r->p != '\\' && (guchar) *r->p >= 0x20)
        r->p++;
      if (!g_utf8_validate (run, r->p - run, NULL))
        return fail (r, "string is not UTF-8");
      g_string_append_len (out, run, r->p - run);
      if (r->p >= r->end)
        return fail (r, "unterminated string");
      if (*r->p == '"')
        {
          r->p++;
          return TRUE;
        }
      if ((guchar) *r->p < 0x20)
        return fail (r, "raw control character in string");
      r->p++;  /* backslash */
      if (r->p >= r->end)
        return fail (r, "unterminated escape");
      if (!read_escape (r, out))
        return FALSE;
    }
}

static gboolean
read_number (Reader *r,
             double *value)
{
  const char *s = r->p;
  g_autofree char *copy = NULL;

  if (r->p < r->end && *r->p == '-')
    r->p++;
  if (r->p >= r->end || !g_ascii_isdigit (*r->p))
    return fail (r, "bad number");
  if (*r->p == '0')
    r->p++;
  else
    while (r->p < r->end && g_ascii_isdigit (*r->p))
      r->p++;
  if (r->p < r->end && *r->p == '.')
    {
      r->p++;
      if (r->p >= r->end || !g_ascii_isdigit (*r->p))
        return fail (r, "bad fraction");
      while (r->p < r->end && g_ascii_isdigit (*r->p))
        r->p++;
    }
  if (r->p < r->end && (*r->p == 'e' || *r->p == 'E'))
    {
      r->p++;
      if (r->p < r->end && (*r->p == '+' || *r->p == '-'))
        r->p++;
      if (r->p >= r->end || !g_ascii_isdigit (*r->p))
        return fail (r, "bad exponent");
      while (r->p < r->end && g_ascii_isdigit (*r->p))
        r->p++;
    }
  copy = g_strndup (s, r->p - s);
  *value = g_ascii_strtod (copy, NULL);
  return TRUE;
}

static SynJson *read_value (Reader *r, guint depth);

static SynJson *
new_node (SynJsonType type)
{
  SynJson *json = g_new0 (SynJson, 1);

  json->type = type;
  if (type == SYN_JSON_ARRAY || type == SYN_JSON_OBJECT)
    json->items = g_ptr_array_new_with_free_func ((GDestroyNotify) syn_json_free);
  if (type == SYN_JSON_OBJECT)
    json->keys = g_ptr_array_new_with_free_func (g_free);
  return json;
}

/* Reads the members of an array or object after its opening bracket. */
static gboolean
read_members (Reader  *r,
              SynJson *json,
              char     close,
              guint    depth)
{
  r->p++;
  skip_space (r);
  if (r->p < r->end && *r->p == close)
    {
      r->p++;
      return TRUE;
    }
  for (;;)
    {
      SynJson *item;

      skip_space (r);
      if (json->type == SYN_JSON_OBJECT)
        {
          g_autoptr(GString) key = g_string_new (NULL);

          if (r->p >= r->end || *r->p != '"')
            return fail (r, "expected a key");
          if (!read_string (r, key))
            return FALSE;
          skip_space (r);
          if (r->p >= r->end || *r->p != ':')
            return fail (r, "expected ':'");
          r->p++;
          g_ptr_array_add (json->keys, g_string_free (g_steal_pointer (&key), FALSE));
        }
      item = read_value (r, depth + 1);
      if (item == NULL)
        return FALSE;
      g_ptr_array_add (json->items, item);
      skip_space (r);
      if (r->p < r->end && *r->p == ',')
        {
          r->p++;
          continue;
        }
      if (r->p < r->end && *r->p == close)
        {
          r->p++;
          return TRUE;
        }
      return fail (r, "expected ',' or a closing bracket");
    }
}

static SynJson *
read_value (Reader *r,
            guint   depth)
{
  g_autoptr(SynJson) json = NULL;

  if (depth > MAX_DEPTH)
    {
      fail (r, "nested too deep");
      return NULL;
    }
  skip_space (r);
  if (r->p >= r->end)
    {
      fail (r, "expected a value");
      return NULL;
    }
  switch (*r->p)
    {
    case '{':
    case '[':
      json = new_node (*r->p == '{' ? SYN_JSON_OBJECT : SYN_JSON_ARRAY);
      if (!read_members (r, json, *r->p == '{' ? '}' : ']', depth))
        return NULL;
      break;
    case '"':
      {
        GString *s = g_string_new (NULL);

        json = new_node (SYN_JSON_STRING);
        if (!read_string (r, s))
          {
            g_string_free (s, TRUE);
            return NULL;
          }
        json->string_len = s->len;
        json->string = g_string_free (s, FALSE);
      }
      break;
    case 't':
    case 'f':
      json = new_node (SYN_JSON_BOOLEAN);
      json->boolean = *r->p == 't';
      if (!expect_word (r, json->boolean ? "true" : "false"))
        return NULL;
      break;
    case 'n':
      json = new_node (SYN_JSON_NULL);
      if (!expect_word (r, "null"))
        return NULL;
      break;
    default:
      json = new_node (SYN_JSON_NUMBER);
      if (!read_number (r, &json->number))
        return NULL;
      break;
    }
  return g_steal_pointer (&json);
}

SynJson *
syn_json_parse (const char  *text,
                gsize        len,
                GError     **error)
{
  Reader r = { text, text, text + len, error };
  g_autoptr(SynJson) json = read_value (&r, 0);

  if (json == NULL)
    return NULL;
  skip_space (&r);
  if (r.p != r.end)
    {
      fail (&r, "text after the value");
      return NULL;
    }
  return g_steal_pointer (&json);
}

void
syn_json_free (SynJson *json)
{
  if (json == NULL)
    return;
  g_free (json->string);
  g_clear_pointer (&json->items, g_ptr_array_unref);
  g_clear_pointer (&json->keys, g_ptr_array_unref);
  g_free (json);
}

SynJson *
syn_json_get (const SynJson *object,
              const char    *key)
{
  if (object == NULL || object->type != SYN_JSON_OBJECT)
    return NULL;
  for (guint i = 0; i < object->keys->len; i++)
    if (g_str_equal (g_ptr_array_index (object->keys, i), key))
      return g_ptr_array_index (object->items, i);
  return NULL;
}

/* ---------------------------------------------------------------- schema */

#define REQUIRE(cond, ...) \
  G_STMT_START { \
    if (!(cond)) \
      { \
        g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT, __VA_ARGS__); \
        return FALSE; \
      } \
  } G_STMT_END

static gboolean
is_index (const SynJson *json,
          double         limit)
{
  return json != NULL && json->type == SYN_JSON_NUMBER && json->number >= 0 &&
         json->number < limit && json->number == (double) (guint64) json->number;
}

static gboolean
is_string (const SynJson *json)
{
  return json != NULL && json->type == SYN_JSON_STRING;
}

static gboolean
is_array (const SynJson *json)
{
  return json != NULL && json->type == SYN_JSON_ARRAY;
}

static gboolean
check_sources (const SynJson  *sources,
               guint           n_sources,
               GError        **error)
{
  REQUIRE (is_array (sources), "no sources array");
  REQUIRE (sources->items->len == n_sources, "%u sources, expected %u",
           sources->items->len, n_sources);
  for (guint i = 0; i < n_sources; i++)
    {
      const SynJson *s = g_ptr_array_index (sources->items, i);
      const SynJson *encoding = syn_json_get (s, "encoding");

      REQUIRE (is_index (syn_json_get (s, "id"), n_sources) &&
               syn_json_get (s, "id")->number == i, "source %u: bad id", i);
      REQUIRE (is_string (syn_json_get (s, "path")), "source %u: no path", i);
      REQUIRE (is_string (syn_json_get (s, "title")), "source %u: no title", i);
      REQUIRE (is_string (encoding), "source %u: no encoding", i);
      REQUIRE (g_str_equal (encoding->string, "UTF-8") || g_str_equal (encoding->string, "UTF-16LE") ||
               g_str_equal (encoding->string, "UTF-16BE") ||
               g_str_equal (encoding->string, "WINDOWS-1252"),
               "source %u: unknown encoding %s", i, encoding->string);
    }
  return TRUE;
}

static gboolean
check_passages (const SynJson  *passages,
                const gsize    *disk_lengths,
                guint           n_sources,
                GError        **error)
{
  double last_end = 0;
  guint last_source = 0;

  REQUIRE (is_array (passages), "no passages array");
  for (guint i = 0; i < passages->items->len; i++)
    {
      const SynJson *p = g_ptr_array_index (passages->items, i);
      const SynJson *kind = syn_json_get (p, "kind");
      double start, end;
      guint source;

      REQUIRE (is_index (syn_json_get (p, "id"), G_MAXUINT) &&
               syn_json_get (p, "id")->number == i, "passage %u: bad id", i);
      REQUIRE (is_index (syn_json_get (p, "source"), n_sources), "passage %u: bad source", i);
      source = (guint) syn_json_get (p, "source")->number;
      REQUIRE (is_index (syn_json_get (p, "start"), (double) disk_lengths[source] + 1) &&
               is_index (syn_json_get (p, "end"), (double) disk_lengths[source] + 1),
               "passage %u: offsets outside the file", i);
      start = syn_json_get (p, "start")->number;
      end = syn_json_get (p, "end")->number;
      REQUIRE (start < end, "passage %u: empty or reversed", i);
      REQUIRE (source > last_source || (source == last_source && start >= last_end) || i == 0,
               "passage %u: out of order", i);
      REQUIRE (source >= last_source, "passage %u: sources out of order", i);
      REQUIRE (is_string (kind) && (g_str_equal (kind->string, "title") ||
                                    g_str_equal (kind->string, "body") ||
                                    g_str_equal (kind->string, "boilerplate")),
               "passage %u: bad kind", i);
      REQUIRE (is_string (syn_json_get (p, "text")), "passage %u: no text", i);
      last_source = source;
      last_end = end;
    }
  return TRUE;
}

static gboolean
check_groups (const SynJson  *groups,
              const SynJson  *passages,
              GError        **error)
{
  guint n = passages->items->len;
  g_autofree gboolean *grouped = g_new0 (gboolean, n + 1);

  REQUIRE (is_array (groups), "no groups array");
  for (guint i = 0; i < groups->items->len; i++)
    {
      const SynJson *g = g_ptr_array_index (groups->items, i);
      const SynJson *members = syn_json_get (g, "passages");
      const SynJson *score = syn_json_get (g, "score");

      REQUIRE (is_index (syn_json_get (g, "id"), G_MAXUINT) &&
               syn_json_get (g, "id")->number == i, "group %u: bad id", i);
      REQUIRE (score != NULL && score->type == SYN_JSON_NUMBER &&
               score->number >= 0 && score->number <= 1, "group %u: bad score", i);
      REQUIRE (is_array (members) && members->items->len >= 1, "group %u: no passages", i);
      for (guint j = 0; j < members->items->len; j++)
        {
          const SynJson *m = g_ptr_array_index (members->items, j);
          guint id;
          const SynJson *kind;

          REQUIRE (is_index (m, n), "group %u: bad passage", i);
          id = (guint) m->number;
          REQUIRE (!grouped[id], "passage %u is in two groups", id);
          grouped[id] = TRUE;
          kind = syn_json_get (g_ptr_array_index (passages->items, id), "kind");
          REQUIRE (!g_str_equal (kind->string, "boilerplate"), "boilerplate passage %u grouped", id);
        }
    }
  return TRUE;
}

static gboolean
check_divergences (const SynJson  *divergences,
                   const SynJson  *passages,
                   GError        **error)
{
  REQUIRE (is_array (divergences), "no divergences array");
  for (guint i = 0; i < divergences->items->len; i++)
    {
      const SynJson *d = g_ptr_array_index (divergences->items, i);
      const SynJson *kind = syn_json_get (d, "kind");
      const SynJson *p;
      double start, end;

      REQUIRE (is_index (syn_json_get (d, "passage"), passages->items->len),
               "divergence %u: bad passage", i);
      p = g_ptr_array_index (passages->items, (guint) syn_json_get (d, "passage")->number);
      REQUIRE (is_index (syn_json_get (d, "start"), G_MAXUINT) &&
               is_index (syn_json_get (d, "end"), G_MAXUINT), "divergence %u: bad offsets", i);
      start = syn_json_get (d, "start")->number;
      end = syn_json_get (d, "end")->number;
      REQUIRE (syn_json_get (p, "start")->number <= start && start <= end &&
               end <= syn_json_get (p, "end")->number,
               "divergence %u: outside its passage", i);
      REQUIRE (is_string (kind) && (g_str_equal (kind->string, "added") ||
                                    g_str_equal (kind->string, "changed") ||
                                    g_str_equal (kind->string, "number") ||
                                    g_str_equal (kind->string, "quote")),
               "divergence %u: bad kind", i);
    }
  return TRUE;
}

gboolean
syn_json_check_export (const char   *text,
                       gsize         len,
                       const gsize  *disk_lengths,
                       guint         n_sources,
                       GError      **error)
{
  g_autoptr(SynJson) root = syn_json_parse (text, len, error);
  const SynJson *format, *version, *passages;

  if (root == NULL)
    return FALSE;
  REQUIRE (root->type == SYN_JSON_OBJECT, "not an object");
  format = syn_json_get (root, "format");
  version = syn_json_get (root, "version");
  REQUIRE (is_string (format) && g_str_equal (format->string, "synopsis-comparison"), "bad format");
  REQUIRE (version != NULL && version->type == SYN_JSON_NUMBER && version->number == 1, "bad version");
  passages = syn_json_get (root, "passages");
  return check_sources (syn_json_get (root, "sources"), n_sources, error) &&
         check_passages (passages, disk_lengths, n_sources, error) &&
         check_groups (syn_json_get (root, "groups"), passages, error) &&
         check_divergences (syn_json_get (root, "divergences"), passages, error);
}
