/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The headless export's contract for bad input (issue 5): any file that
 * cannot be read as text gives exit status 1, its name and the reason on
 * standard error and nothing on standard output; decodable files give exit
 * status 0 and a JSON that names each source's encoding, with offsets into
 * the bytes on disk. --output is replaced atomically and never one of the
 * inputs; the inputs are never changed.
 *
 * The contract is about what a process prints and returns, so each case
 * runs syn_headless_export() in a child process (g_test_trap_subprocess())
 * and checks its exit status, standard output and standard error. The files
 * are written by the parent into a folder the child finds in the
 * environment.
 */
#define G_LOG_DOMAIN "test-headless"

#include "config.h"

#include <fcntl.h>
#include <locale.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "fuzz-checks.h"
#include "syn-headless.h"
#include "syn-test-files.h"

#define STORY \
  "Harbour Bridge Reopens\n\n" \
  "The Harbour Bridge reopened on Jan. 10 after storm repairs, officials said.\n" \
  "About 12,000 vehicles cross it each day.\n"

/* The same story in Windows-1252, with accents and curly quotes. */
#define STORY_1252 \
  "Harbour Bridge Reopens\r\n\r\n" \
  "The Harbour Bridge reopened on Jan. 10 after storm repairs, the caf\xE9 owner said.\r\n" \
  "\x93We are back,\x94 she said \x96 about 12,000 vehicles a day.\r\n"

static const char *
test_dir (void)
{
  const char *dir = g_getenv ("SYN_TEST_DIR");

  g_assert_nonnull (dir);
  return dir;
}

static char *
path_in (const char *name)
{
  return g_build_filename (test_dir (), name, NULL);
}

static void
write_file (const char *name,
            const char *bytes,
            gssize      len)
{
  g_autofree char *path = path_in (name);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, bytes, len, &error);
  g_assert_no_error (error);
}

static char *
encode_utf16 (const char *utf8,
              gboolean    big_endian,
              gsize      *len)
{
  gsize n = 0;
  g_autofree char *body = g_convert (utf8, -1, big_endian ? "UTF-16BE" : "UTF-16LE", "UTF-8",
                                     NULL, &n, NULL);
  char *out = g_malloc (n + 2);

  out[0] = big_endian ? '\xFE' : '\xFF';
  out[1] = big_endian ? '\xFF' : '\xFE';
  memcpy (out + 2, body, n);
  *len = n + 2;
  return out;
}

static void
make_test_dir (void)
{
  g_autofree char *dir = syn_test_make_dir ("syn-headless-XXXXXX");

  g_setenv ("SYN_TEST_DIR", dir, TRUE);
}

static void
remove_test_dir (void)
{
  syn_test_remove_tree (test_dir ());
  g_unsetenv ("SYN_TEST_DIR");
}

/* In the child: runs the export on the files named (in the test folder). */
static G_NORETURN void
export_and_exit (const char *format,
                 const char *output,
                 ...)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *output_path = output ? path_in (output) : NULL;
  SynExportFormat fmt;
  const char *name;
  va_list args;

  g_assert_true (syn_export_format_from_string (format, &fmt));
  va_start (args, output);
  while ((name = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (paths, name[0] == '/' ? g_strdup (name) : path_in (name));
  va_end (args);
  g_ptr_array_add (paths, NULL);
  exit (syn_headless_export ((const char * const *) paths->pdata, fmt, SYN_SEGMENT_SENTENCE,
                             output_path));
}

static gboolean
run_child (void)
{
  g_test_trap_subprocess (NULL, 30 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  return TRUE;
}

/* ------------------------------------------------------------ bad files */

static void
test_bad_files (void)
{
  const char pdf[] = "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n\x78\x9C\x00\x01\x02";
  int fd;
  g_autofree char *big = NULL;
  g_autofree char *logs = NULL;

  if (g_test_subprocess ())
    export_and_exit ("json", NULL, "good.txt", "notes.pdf", "logs", "x.txt", "big.log", "empty.txt", NULL);

  make_test_dir ();
  write_file ("good.txt", STORY, -1);
  write_file ("notes.pdf", pdf, sizeof pdf - 1);
  write_file ("empty.txt", "", 0);
  logs = path_in ("logs");
  g_assert_cmpint (g_mkdir (logs, 0755), ==, 0);
  big = path_in ("big.log");
  fd = g_open (big, O_WRONLY | O_CREAT, 0644);
  g_assert_cmpint (ftruncate (fd, (off_t) 300 * 1024 * 1024), ==, 0);
  g_close (fd, NULL);

  run_child ();
  g_test_trap_assert_failed ();
  g_test_trap_assert_stdout_unmatched ("?*");  /* nothing at all */
  g_test_trap_assert_stderr ("*“*notes.pdf” is not a text file*");
  g_test_trap_assert_stderr ("*“*logs” is a folder, not a text file*");
  g_test_trap_assert_stderr ("*“*x.txt” could not be found*");
  g_test_trap_assert_stderr ("*“*big.log” is larger than 64 MB, the limit for one source*");
  g_test_trap_assert_stderr_unmatched ("*good.txt*");
  g_test_trap_assert_stderr_unmatched ("*empty.txt*");
  remove_test_dir ();
}

/* Exit status 1 exactly, for the text format too. */
static void
test_exit_status (void)
{
  if (g_test_subprocess ())
    export_and_exit ("text", NULL, "good.txt", "missing.txt", NULL);

  make_test_dir ();
  write_file ("good.txt", STORY, -1);
  run_child ();
  g_test_trap_assert_failed ();
  g_test_trap_assert_stdout_unmatched ("?*");
  g_test_trap_assert_stderr ("synopsis: “*missing.txt” could not be found\n");
  remove_test_dir ();
}

/* ------------------------------------------------------------ encodings */

typedef struct {
  const char *name;
  const char *encoding;
} Source;

static const Source sources[] = {
  { "utf8.txt", "UTF-8" },
  { "bom.txt", "UTF-8" },
  { "le.txt", "UTF-16LE" },
  { "be.txt", "UTF-16BE" },
  { "old.txt", "WINDOWS-1252" },
  { "empty.txt", "UTF-8" },
};

static void
write_sources (void)
{
  g_autofree char *le = NULL;
  g_autofree char *be = NULL;
  g_autofree char *bom = g_strconcat ("\xEF\xBB\xBF", STORY, NULL);
  gsize le_len, be_len;

  le = encode_utf16 ("Harbour Bridge Reopens\r\n\r\nThe bridge reopened on Jan. 10, "
                     "the café owner said. 😀 About 12,000 vehicles cross it.", FALSE, &le_len);
  be = encode_utf16 (STORY, TRUE, &be_len);
  write_file ("utf8.txt", STORY, -1);
  write_file ("bom.txt", bom, -1);
  write_file ("le.txt", le, (gssize) le_len);
  write_file ("be.txt", be, (gssize) be_len);
  write_file ("old.txt", STORY_1252, -1);
  write_file ("empty.txt", "", 0);
}

/* The passage's bytes on disk, decoded by iconv, are its text. */
static void
assert_passage_on_disk (const SynJson *passage,
                        GBytes        *disk,
                        const char    *encoding)
{
  gsize start = (gsize) syn_json_get (passage, "start")->number;
  gsize end = (gsize) syn_json_get (passage, "end")->number;
  const SynJson *text = syn_json_get (passage, "text");
  gsize size;
  const char *bytes = g_bytes_get_data (disk, &size);
  g_autofree char *decoded = NULL;
  gsize decoded_len = 0;

  g_assert_cmpuint (end, <=, size);
  decoded = g_convert (bytes + start, (gssize) (end - start), "UTF-8",
                       g_str_equal (encoding, "WINDOWS-1252") ? "CP1252" : encoding,
                       NULL, &decoded_len, NULL);
  g_assert_nonnull (decoded);
  g_assert_cmpmem (decoded, decoded_len, text->string, text->string_len);
}

static void
test_encodings (void)
{
  g_autofree char *out_path = NULL;
  g_autofree char *json = NULL;
  gsize json_len;
  g_autoptr(SynJson) root = NULL;
  g_autoptr(GError) error = NULL;
  gsize disk_lengths[G_N_ELEMENTS (sources)];
  GBytes *disk[G_N_ELEMENTS (sources)];
  const SynJson *list, *passages;

  if (g_test_subprocess ())
    export_and_exit ("json", "out.json", "utf8.txt", "bom.txt", "le.txt", "be.txt", "old.txt", "empty.txt", NULL);

  make_test_dir ();
  write_sources ();
  run_child ();
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout_unmatched ("?*");
  /* Windows-1252 was assumed: the user is told. */
  g_test_trap_assert_stderr ("*“*old.txt” is not valid UTF-8: it was read as Windows-1252*");
  g_test_trap_assert_stderr_unmatched ("*utf8.txt*");

  out_path = path_in ("out.json");
  g_file_get_contents (out_path, &json, &json_len, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    {
      g_autofree char *path = path_in (sources[i].name);
      g_autofree char *bytes = NULL;

      g_file_get_contents (path, &bytes, &disk_lengths[i], NULL);
      disk[i] = g_bytes_new_take (g_steal_pointer (&bytes), disk_lengths[i]);
    }
  if (!syn_json_check_export (json, json_len, disk_lengths, G_N_ELEMENTS (sources), &error))
    g_error ("%s", error->message);

  root = syn_json_parse (json, json_len, NULL);
  list = syn_json_get (root, "sources");
  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    g_assert_cmpstr (syn_json_get (g_ptr_array_index (list->items, i), "encoding")->string, ==,
                     sources[i].encoding);
  passages = syn_json_get (root, "passages");
  g_assert_cmpuint (passages->items->len, >, 10);
  for (guint i = 0; i < passages->items->len; i++)
    {
      const SynJson *p = g_ptr_array_index (passages->items, i);
      guint s = (guint) syn_json_get (p, "source")->number;

      g_assert_cmpuint (s, <, G_N_ELEMENTS (sources) - 1);  /* the empty file has none */
      assert_passage_on_disk (p, disk[s], sources[s].encoding);
      /* The BOM is not part of the first passage. */
      if (g_str_equal (sources[s].name, "bom.txt"))
        g_assert_cmpfloat (syn_json_get (p, "start")->number, >=, 3);
    }

  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    g_bytes_unref (disk[i]);
  remove_test_dir ();
}

/* To standard output: the JSON, and only it. */
static void
test_stdout (void)
{
  if (g_test_subprocess ())
    export_and_exit ("json", NULL, "le.txt", "utf8.txt", NULL);

  make_test_dir ();
  write_sources ();
  run_child ();
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("{\n  \"format\" : \"synopsis-comparison\",*\"encoding\" : \"UTF-16LE\"*}\n");
  g_test_trap_assert_stderr_unmatched ("?*");
  remove_test_dir ();
}

/* ------------------------------------------------------------ output */

typedef struct {
  GBytes      *bytes;
  struct stat  st;
} Snapshot;

static void
snapshot (const char *name,
          Snapshot   *s)
{
  g_autofree char *path = path_in (name);
  g_autofree char *contents = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  s->bytes = g_bytes_new (contents, len);
  g_assert_cmpint (g_stat (path, (GStatBuf *) &s->st), ==, 0);
}

static void
assert_unchanged (Snapshot *before,
                  Snapshot *after)
{
  g_assert_true (g_bytes_equal (before->bytes, after->bytes));
  g_assert_cmpint (before->st.st_ino, ==, after->st.st_ino);
  g_assert_cmpint (before->st.st_mtim.tv_sec, ==, after->st.st_mtim.tv_sec);
  g_assert_cmpint (before->st.st_mtim.tv_nsec, ==, after->st.st_mtim.tv_nsec);
  g_assert_cmpint (before->st.st_ctim.tv_sec, ==, after->st.st_ctim.tv_sec);
  g_assert_cmpint (before->st.st_ctim.tv_nsec, ==, after->st.st_ctim.tv_nsec);
  g_bytes_unref (before->bytes);
  g_bytes_unref (after->bytes);
}

/* --output naming an input, by the same path, another path, a symbolic
 * link or a hard link: refused, and the input is left as it was. */
static void
test_output_is_input (void)
{
  const char *outputs[] = { "a.txt", "sub/../a.txt", "link.txt", "hard.txt" };
  g_autofree char *a = NULL;
  g_autofree char *sub = NULL;
  g_autofree char *link_path = NULL;
  g_autofree char *hard = NULL;

  if (g_test_subprocess ())
    {
      const char *which = g_getenv ("SYN_TEST_OUTPUT");
      export_and_exit ("json", which, "a.txt", "b.txt", NULL);
    }

  make_test_dir ();
  write_file ("a.txt", STORY, -1);
  write_file ("b.txt", STORY_1252, -1);
  a = path_in ("a.txt");
  sub = path_in ("sub");
  link_path = path_in ("link.txt");
  hard = path_in ("hard.txt");
  g_assert_cmpint (g_mkdir (sub, 0755), ==, 0);
  g_assert_cmpint (symlink (a, link_path), ==, 0);
  g_assert_cmpint (link (a, hard), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (outputs); i++)
    {
      Snapshot before, after;
      g_autofree char *pattern = g_strdup_printf ("*“*%s” is one of the files compared*", outputs[i]);

      snapshot ("a.txt", &before);
      g_setenv ("SYN_TEST_OUTPUT", outputs[i], TRUE);
      g_usleep (20000);
      run_child ();
      g_test_trap_assert_failed ();
      g_test_trap_assert_stdout_unmatched ("?*");
      g_test_trap_assert_stderr (pattern);
      snapshot ("a.txt", &after);
      assert_unchanged (&before, &after);
    }
  g_unsetenv ("SYN_TEST_OUTPUT");
  remove_test_dir ();
}

/* An existing output is replaced by a new file renamed over it (a new
 * inode: readers never see half an export); a failed write leaves nothing. */
static void
test_output_atomic (void)
{
  struct stat before, after;
  g_autofree char *out = NULL;
  g_autofree char *contents = NULL;

  if (g_test_subprocess ())
    {
      const char *which = g_getenv ("SYN_TEST_OUTPUT");
      export_and_exit ("json", which, "a.txt", "b.txt", NULL);
    }

  make_test_dir ();
  write_file ("a.txt", STORY, -1);
  write_file ("b.txt", STORY_1252, -1);
  write_file ("out.json", "old export", -1);
  out = path_in ("out.json");
  g_assert_cmpint (g_stat (out, (GStatBuf *) &before), ==, 0);

  g_setenv ("SYN_TEST_OUTPUT", "out.json", TRUE);
  run_child ();
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout_unmatched ("?*");
  g_assert_cmpint (g_stat (out, (GStatBuf *) &after), ==, 0);
  g_assert_cmpint (before.st_ino, !=, after.st_ino);
  g_assert_true (g_file_get_contents (out, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "{\n  \"format\" : \"synopsis-comparison\""));

  /* A folder that does not exist: exit 1, a message, nothing written. */
  g_setenv ("SYN_TEST_OUTPUT", "no-such-dir/out.json", TRUE);
  run_child ();
  g_test_trap_assert_failed ();
  g_test_trap_assert_stdout_unmatched ("?*");
  g_test_trap_assert_stderr ("synopsis: *");
  g_unsetenv ("SYN_TEST_OUTPUT");
  remove_test_dir ();
}

/* The compared files are left exactly as they were. */
static void
test_inputs_untouched (void)
{
  Snapshot before[G_N_ELEMENTS (sources)], after[G_N_ELEMENTS (sources)];

  if (g_test_subprocess ())
    export_and_exit ("text", "listing.txt", "utf8.txt", "bom.txt", "le.txt", "be.txt", "old.txt", "empty.txt", NULL);

  make_test_dir ();
  write_sources ();
  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    snapshot (sources[i].name, &before[i]);
  g_usleep (20000);  /* so that a write would show in the times */
  run_child ();
  g_test_trap_assert_passed ();
  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    {
      snapshot (sources[i].name, &after[i]);
      assert_unchanged (&before[i], &after[i]);
    }
  remove_test_dir ();
}

int
main (int   argc,
      char *argv[])
{
  /* Messages are printed in the locale's charset: take one that has the
   * quotation marks the messages use. */
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/headless/bad-files", test_bad_files);
  g_test_add_func ("/model/headless/exit-status", test_exit_status);
  g_test_add_func ("/model/headless/encodings", test_encodings);
  g_test_add_func ("/model/headless/stdout", test_stdout);
  g_test_add_func ("/model/headless/output-is-input", test_output_is_input);
  g_test_add_func ("/model/headless/output-atomic", test_output_atomic);
  g_test_add_func ("/model/headless/inputs-untouched", test_inputs_untouched);

  return g_test_run ();
}
