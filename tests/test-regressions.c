/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every input the fuzzers start from (tests/fuzz/corpus/<target>/) and every
 * input a fuzzer ever crashed on (tests/regressions/<target>/), run through
 * the same checks as the fuzz targets, in every ordinary build. A crash
 * fixed once stays fixed.
 */
#define G_LOG_DOMAIN "test-regressions"

#include "config.h"

#include <string.h>

#include "fuzz-checks.h"

typedef struct {
  const SynFuzzTarget *target;
  char                *path;
} Case;

static void
case_free (gpointer data)
{
  Case *c = data;

  g_free (c->path);
  g_free (c);
}

static void
run_case (gconstpointer data)
{
  const Case *c = data;
  g_autofree char *bytes = NULL;
  gsize len;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (c->path, &bytes, &len, &error);
  g_assert_no_error (error);
  c->target->check ((const guint8 *) bytes, len);
}

/* One test per file: /core/<kind>/<target>/<file>. */
static guint
add_cases (const SynFuzzTarget *target,
           const char          *kind,
           const char          *dir_path,
           GPtrArray           *keep)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL)
    return 0;
  while ((name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.' && !g_str_equal (name, "README.md"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  for (guint i = 0; i < names->len; i++)
    {
      Case *c = g_new0 (Case, 1);
      g_autofree char *test_path = NULL;

      c->target = target;
      c->path = g_build_filename (dir_path, g_ptr_array_index (names, i), NULL);
      test_path = g_strdup_printf ("/core/%s/%s/%s", kind, target->name,
                                   (const char *) g_ptr_array_index (names, i));
      g_test_add_data_func (test_path, c, run_case);
      g_ptr_array_add (keep, c);
    }
  return names->len;
}

/* The JSON reader the export is checked with rejects what is not JSON: a
 * lenient checker would let a broken export through. */
static void
test_json_reader (void)
{
  const char *good[] = {
    "{}", "[]", "0", "-0.5e+3", "\"\"", "null", " [true, false, null] ",
    "{\"a\": [1, {\"b\": \"\\u00e9\\ud83d\\ude00\\n\"}]}", "\"caf\xC3\xA9\"",
  };
  const char *bad[] = {
    "", "[1,]", "{\"a\":1,}", "[01]", "[1.]", "[.5]", "[+1]", "\"tab\there\"",
    "\"\xE9\"", "\"\\ud800\"", "\"\\udc00\"", "\"\\x41\"", "[1] [2]", "{a: 1}",
    "[\"unterminated]", "tru", "[1 2]", "{\"a\" 1}",
  };
  g_autoptr(GString) deep = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SynJson) json = syn_json_parse (good[i], strlen (good[i]), &error);

      g_assert_no_error (error);
      g_assert_nonnull (json);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SynJson) json = syn_json_parse (bad[i], strlen (bad[i]), &error);

      g_assert_null (json);
      g_assert_nonnull (error);
    }
  {
    const char *text = "{\"k\": \"\\u00e9\\ud83d\\ude00\"}";
    g_autoptr(SynJson) json = syn_json_parse (text, strlen (text), NULL);

    g_assert_nonnull (json);
    g_assert_cmpstr (syn_json_get (json, "k")->string, ==, "é😀");
  }

  /* Nesting is bounded: no stack overflow on hostile input. */
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  g_assert_null (syn_json_parse (deep->str, deep->len, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (case_free);
  guint n_targets, n_corpus = 0;
  const SynFuzzTarget *targets;
  int status;

  g_test_init (&argc, &argv, NULL);
  syn_fuzz_init ();
  g_test_add_func ("/core/fuzz/json-reader", test_json_reader);

  targets = syn_fuzz_core_targets (&n_targets);
  for (guint i = 0; i < n_targets; i++)
    {
      g_autofree char *corpus = g_test_build_filename (G_TEST_DIST, "fuzz", "corpus",
                                                       targets[i].name, NULL);
      g_autofree char *regressions = g_test_build_filename (G_TEST_DIST, "regressions",
                                                            targets[i].name, NULL);
      guint n = add_cases (&targets[i], "fuzz-corpus", corpus, cases);

      /* Each target has a seed corpus: an empty one would test nothing. */
      g_assert_cmpuint (n, >, 0);
      n_corpus += n;
      add_cases (&targets[i], "regressions", regressions, cases);
    }
  g_assert_cmpuint (n_corpus, >, 0);

  status = g_test_run ();
  return status;
}
