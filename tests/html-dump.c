/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * html-dump — a development tool, not a test: runs the article extractor on
 * a saved page and prints what it found, either as text with each block's
 * kind, or (--export) as a "synopsis-comparison" export with one passage per
 * block (HEADLINE as title, ASIDE as boilerplate), which ../shared/eval's
 * `score articles` reads. It lets the extractor be measured before the
 * model loads web pages itself.
 *
 *   html-dump [--export] PAGE.html [URL]
 */
#define G_LOG_DOMAIN "syn-html-dump"

#include "config.h"

#include <json-glib/json-glib.h>
#include <stdio.h>

#include "syn-html.h"

static const char *
kind_name (SynWebBlockKind kind)
{
  switch (kind)
    {
    case SYN_WEB_BLOCK_HEADLINE:
      return "title";
    case SYN_WEB_BLOCK_ASIDE:
      return "boilerplate";
    case SYN_WEB_BLOCK_BODY:
    default:
      return "body";
    }
}

static void
print_export (const SynWebPage *page,
              const char       *path)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *json = NULL;
  const char *text = syn_web_page_get_text (page, NULL);
  guint n = 0;
  const SynWebBlock *blocks = syn_web_page_get_blocks (page, &n);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "format");
  json_builder_add_string_value (b, "synopsis-comparison");
  json_builder_set_member_name (b, "version");
  json_builder_add_int_value (b, 1);
  json_builder_set_member_name (b, "sources");
  json_builder_begin_array (b);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_int_value (b, 0);
  json_builder_set_member_name (b, "path");
  json_builder_add_string_value (b, path);
  json_builder_set_member_name (b, "title");
  json_builder_add_string_value (b, syn_web_page_get_site (page) ? syn_web_page_get_site (page) : path);
  json_builder_set_member_name (b, "encoding");
  json_builder_add_string_value (b, syn_web_page_get_encoding (page));
  json_builder_end_object (b);
  json_builder_end_array (b);
  json_builder_set_member_name (b, "passages");
  json_builder_begin_array (b);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *piece = g_strndup (text + blocks[i].start, blocks[i].end - blocks[i].start);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_int_value (b, i);
      json_builder_set_member_name (b, "source");
      json_builder_add_int_value (b, 0);
      json_builder_set_member_name (b, "start");
      json_builder_add_int_value (b, (gint64) blocks[i].start);
      json_builder_set_member_name (b, "end");
      json_builder_add_int_value (b, (gint64) blocks[i].end);
      json_builder_set_member_name (b, "kind");
      json_builder_add_string_value (b, kind_name (blocks[i].kind));
      json_builder_set_member_name (b, "text");
      json_builder_add_string_value (b, piece);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "groups");
  json_builder_begin_array (b);
  json_builder_end_array (b);
  json_builder_set_member_name (b, "divergences");
  json_builder_begin_array (b);
  json_builder_end_array (b);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  json = json_generator_to_data (gen, NULL);
  puts (json);
}

static void
print_text (const SynWebPage *page)
{
  const char *text = syn_web_page_get_text (page, NULL);
  guint n = 0;
  const SynWebBlock *blocks = syn_web_page_get_blocks (page, &n);
  const char *fields[][2] = {
    { "headline", syn_web_page_get_headline (page) },
    { "site", syn_web_page_get_site (page) },
    { "byline", syn_web_page_get_byline (page) },
    { "published", syn_web_page_get_published (page) },
    { "url", syn_web_page_get_url (page) },
    { "language", syn_web_page_get_language (page) },
    { "encoding", syn_web_page_get_encoding (page) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    printf ("%-10s %s\n", fields[i][0], fields[i][1] ? fields[i][1] : "(none)");
  for (guint i = 0; i < n; i++)
    printf ("\n[%s] %.*s\n", kind_name (blocks[i].kind),
            (int) (blocks[i].end - blocks[i].start), text + blocks[i].start);
}

int
main (int   argc,
      char *argv[])
{
  gboolean export = argc > 1 && g_str_equal (argv[1], "--export");
  int first = export ? 2 : 1;
  g_autofree char *data = NULL;
  gsize len = 0;
  g_autoptr(GError) error = NULL;
  g_autoptr(SynWebPage) page = NULL;

  if (argc <= first)
    {
      fprintf (stderr, "usage: html-dump [--export] PAGE.html [URL]\n");
      return 2;
    }
  if (!g_file_get_contents (argv[first], &data, &len, &error))
    {
      fprintf (stderr, "html-dump: %s\n", error->message);
      return 1;
    }
  page = syn_html_extract ((const guint8 *) data, len, NULL, argc > first + 1 ? argv[first + 1] : NULL, &error);
  if (page == NULL)
    {
      fprintf (stderr, "html-dump: %s %s\n", argv[first], error->message);
      return 1;
    }
  if (export)
    print_export (page, argv[first]);
  else
    print_text (page);
  return 0;
}
