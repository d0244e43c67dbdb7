/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The loader on everything that may be dropped on a window: each encoding,
 * and each kind of file that is not text, with the message the user sees.
 * Every file is written by the test into a temporary folder.
 */
#define G_LOG_DOMAIN "test-loader"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "fuzz-checks.h"
#include "syn-loader.h"
#include "syn-test-files.h"


static SynDecoded *
load_path (const char  *path,
           GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return syn_load_file (file, NULL, error);
}

static void
assert_refused (const char *path,
                GQuark      domain,
                int         code,
                const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SynDecoded) d = load_path (path, &error);

  g_assert_null (d);
  g_assert_error (error, domain, code);
  g_assert_cmpstr (error->message, ==, message);
}

/* ------------------------------------------------------------ encodings */

static void
test_encodings (SynTestFiles  *f,
                gconstpointer  data)
{
  const struct {
    const char *name;
    const char *bytes;
    gsize       len;
    const char *encoding;
    gboolean    fallback;
    const char *text;
    gsize       first_disk;  /* where the text starts on disk */
  } cases[] = {
    { "plain.txt", "Caf\xC3\xA9.\r\nNext.", 13, "UTF-8", FALSE, "Café.\r\nNext.", 0 },
    { "bom.txt", "\xEF\xBB\xBF" "One.\rTwo.", 12, "UTF-8", FALSE, "One.\rTwo.", 3 },
    { "le.txt", "\xFF\xFE" "H\0i\0\x0D\0\x0A\0", 10, "UTF-16LE", FALSE, "Hi\r\n", 2 },
    { "be.txt", "\xFE\xFF" "\0H\0\xE9", 6, "UTF-16BE", FALSE, "Hé", 2 },
    { "old.txt", "Caf\xE9 \x93ok\x94", 9, "WINDOWS-1252", TRUE, "Café “ok”", 0 },
    { "empty.txt", "", 0, "UTF-8", FALSE, "", 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = syn_test_files_write (f, cases[i].name, cases[i].bytes, cases[i].len);
      g_autoptr(GError) error = NULL;
      g_autoptr(SynDecoded) d = load_path (path, &error);
      gsize len;

      g_assert_no_error (error);
      g_assert_cmpstr (syn_decoded_get_encoding (d), ==, cases[i].encoding);
      g_assert_cmpint (syn_decoded_is_fallback (d), ==, cases[i].fallback);
      g_assert_cmpstr (syn_decoded_get_text (d, &len), ==, cases[i].text);
      g_assert_cmpuint (syn_decoded_get_disk_length (d), ==, cases[i].len);
      g_assert_cmpuint (syn_decoded_to_disk_offset (d, 0), ==, len ? cases[i].first_disk : cases[i].len);
      g_assert_cmpuint (syn_decoded_to_disk_offset (d, len), ==, cases[i].len);
    }
}

/* /proc files say their size is 0: the read does not trust the size. */
static void
test_size_lies (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SynDecoded) d = NULL;

  if (!g_file_test ("/proc/self/status", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no /proc");
      return;
    }
  d = load_path ("/proc/self/status", &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (syn_decoded_get_text (d, NULL), "Name:"));
}

/* ------------------------------------------------------------- refusals */

static void
test_binary (SynTestFiles  *f,
             gconstpointer  data)
{
  const char pdf[] = "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<<>>\nstream\n\x78\x9C\x00\x03";
  const char png[] = "\x89PNG\r\n\x1A\n\0\0\0\rIHDR";
  g_autofree char *pdf_path = syn_test_files_write (f, "notes.pdf", pdf, sizeof pdf - 1);
  g_autofree char *png_path = syn_test_files_write (f, "photo.png", png, sizeof png - 1);

  assert_refused (pdf_path, SYN_DECODE_ERROR, SYN_DECODE_ERROR_BINARY, "“notes.pdf” is not a text file");
  assert_refused (png_path, SYN_DECODE_ERROR, SYN_DECODE_ERROR_BINARY, "“photo.png” is not a text file");
}

static void
test_missing (SynTestFiles  *f,
              gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "x.txt", NULL);
  g_autofree char *in_missing_dir = g_build_filename (f->dir, "gone", "y.txt", NULL);

  assert_refused (path, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "“x.txt” could not be found");
  assert_refused (in_missing_dir, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "“y.txt” could not be found");
}

static void
test_directory (SynTestFiles  *f,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "logs", NULL);
  g_autofree char *link = g_build_filename (f->dir, "link-to-logs", NULL);

  g_assert_cmpint (g_mkdir (path, 0755), ==, 0);
  g_assert_cmpint (symlink (path, link), ==, 0);
  assert_refused (path, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, "“logs” is a folder, not a text file");
  assert_refused (link, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                  "“link-to-logs” is a folder, not a text file");
}

static void
test_links (SynTestFiles  *f,
            gconstpointer  data)
{
  g_autofree char *target = syn_test_files_write (f, "real.txt", "Real text.", 10);
  g_autofree char *link = g_build_filename (f->dir, "link.txt", NULL);
  g_autofree char *dangling = g_build_filename (f->dir, "dangling.txt", NULL);
  g_autofree char *nowhere = g_build_filename (f->dir, "nowhere.txt", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SynDecoded) d = NULL;

  g_assert_cmpint (symlink (target, link), ==, 0);
  g_assert_cmpint (symlink (nowhere, dangling), ==, 0);
  d = load_path (link, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (syn_decoded_get_text (d, NULL), ==, "Real text.");
  g_clear_error (&error);
  g_clear_pointer (&d, syn_decoded_free);
  d = load_path (dangling, &error);
  g_assert_null (d);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "“dangling.txt” could not be found"));
}

/* A pipe would block a read forever: it is refused without being opened. */
static void
test_special (SynTestFiles  *f,
              gconstpointer  data)
{
  g_autofree char *fifo = g_build_filename (f->dir, "pipe.txt", NULL);

  g_assert_cmpint (mkfifo (fifo, 0644), ==, 0);
  assert_refused (fifo, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                  "“pipe.txt” is a device, pipe or socket, not a text file");
  assert_refused ("/dev/null", G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                  "“null” is a device, pipe or socket, not a text file");
  if (g_file_test ("/dev/zero", G_FILE_TEST_EXISTS))
    assert_refused ("/dev/zero", G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                    "“zero” is a device, pipe or socket, not a text file");
}

/* A file far over the limit is refused from its size alone: reading a
 * 200 GB sparse file would take minutes, refusing it takes no time. */
static void
test_too_large (SynTestFiles  *f,
                gconstpointer  data)
{
  g_autofree char *big = g_build_filename (f->dir, "big.log", NULL);
  g_autofree char *just_over = g_build_filename (f->dir, "just-over.txt", NULL);
  gint64 t0;
  int fd;

  fd = g_open (big, O_WRONLY | O_CREAT, 0644);
  g_assert_cmpint (fd, >=, 0);
  if (ftruncate (fd, (off_t) 200 * 1024 * 1024 * 1024) != 0)
    g_assert_cmpint (ftruncate (fd, (off_t) 300 * 1024 * 1024), ==, 0);
  g_close (fd, NULL);
  fd = g_open (just_over, O_WRONLY | O_CREAT, 0644);
  g_assert_cmpint (ftruncate (fd, (off_t) SYN_DECODE_MAX_BYTES + 1), ==, 0);
  g_close (fd, NULL);

  t0 = g_get_monotonic_time ();
  assert_refused (big, SYN_DECODE_ERROR, SYN_DECODE_ERROR_TOO_LARGE,
                  "“big.log” is larger than 64 MB, the limit for one source");
  assert_refused (just_over, SYN_DECODE_ERROR, SYN_DECODE_ERROR_TOO_LARGE,
                  "“just-over.txt” is larger than 64 MB, the limit for one source");
  g_assert_cmpint (g_get_monotonic_time () - t0, <, 2 * G_USEC_PER_SEC);
}

/* Exactly the limit opens. */
static void
test_at_limit (SynTestFiles  *f,
               gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "limit.txt", NULL);
  gsize n = SYN_DECODE_MAX_BYTES;
  g_autofree char *bytes = g_malloc (n);
  g_autoptr(GError) error = NULL;
  g_autoptr(SynDecoded) d = NULL;
  gsize len;

  for (gsize i = 0; i < n; i++)
    bytes[i] = "All work and no play.\n"[i % 22];
  g_file_set_contents (path, bytes, (gssize) n, &error);
  g_assert_no_error (error);
  d = load_path (path, &error);
  g_assert_no_error (error);
  syn_decoded_get_text (d, &len);
  g_assert_cmpuint (len, ==, n);
}

/* The effective capabilities of this process (0 where there is no /proc). */
static guint64
effective_capabilities (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, "\nCapEff:")) == NULL)
    return 0;
  return g_ascii_strtoull (line + strlen ("\nCapEff:"), NULL, 16);
}

#define CAP_DAC_OVERRIDE_BIT (G_GUINT64_CONSTANT (1) << 1)
#define CAP_DAC_READ_SEARCH_BIT (G_GUINT64_CONSTANT (1) << 2)
#define CAP_SETUID_BIT (G_GUINT64_CONSTANT (1) << 7)

/* Root with its capabilities reads anything: the child then becomes
 * "nobody". Root without them (a build sandbox) is refused like anyone. */
static gboolean
child_drops_to_nobody (void)
{
  return geteuid () == 0 && (effective_capabilities () & CAP_SETUID_BIT) != 0;
}

static gboolean
can_be_denied (void)
{
  return geteuid () != 0 || child_drops_to_nobody () ||
         (effective_capabilities () & (CAP_DAC_OVERRIDE_BIT | CAP_DAC_READ_SEARCH_BIT)) == 0;
}

/* Run as the test's child. The paths come from the parent through the
 * environment. */
static void
permission_child (void)
{
  const char *file = g_getenv ("SYN_TEST_UNREADABLE");
  const char *in_locked = g_getenv ("SYN_TEST_IN_LOCKED");

  if (child_drops_to_nobody ())
    {
      g_assert_cmpint (setgid (65534), ==, 0);
      g_assert_cmpint (setuid (65534), ==, 0);
    }
  assert_refused (file, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                  "“y.txt” cannot be read: permission denied");
  assert_refused (in_locked, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                  "“inside.txt” cannot be read: permission denied");
}

static void
test_permission_denied (SynTestFiles  *f,
                        gconstpointer  data)
{
  g_autofree char *file = NULL;
  g_autofree char *locked = g_build_filename (f->dir, "locked", NULL);
  g_autofree char *in_locked = g_build_filename (locked, "inside.txt", NULL);

  if (g_test_subprocess ())
    {
      /* the child's own folder, while it still may: it gives up its
       * rights, and could not remove it afterwards */
      syn_test_remove_tree (f->dir);
      permission_child ();
      return;
    }
  if (!can_be_denied ())
    {
      g_test_skip ("root that cannot drop its rights reads any file");
      return;
    }
  g_assert_cmpint (g_chmod (f->dir, 0755), ==, 0);
  file = syn_test_files_write (f, "y.txt", "secret", 6);
  g_assert_cmpint (g_chmod (file, 0000), ==, 0);
  g_assert_cmpint (g_mkdir (locked, 0755), ==, 0);
  g_file_set_contents (in_locked, "hidden", 6, NULL);
  g_assert_cmpint (g_chmod (locked, 0000), ==, 0);

  g_setenv ("SYN_TEST_UNREADABLE", file, TRUE);
  g_setenv ("SYN_TEST_IN_LOCKED", in_locked, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  g_unsetenv ("SYN_TEST_UNREADABLE");
  g_unsetenv ("SYN_TEST_IN_LOCKED");
}

static void
test_cancelled (SynTestFiles  *f,
                gconstpointer  data)
{
  g_autofree char *path = syn_test_files_write (f, "a.txt", "Some text.", 10);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SynDecoded) d = NULL;

  g_cancellable_cancel (cancellable);
  d = syn_load_file (file, cancellable, &error);
  g_assert_null (d);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* A name that is not UTF-8 still gives a message that is. */
static void
test_bad_file_name (SynTestFiles  *f,
                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "caf\xE9.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SynDecoded) d = NULL;

  g_file_set_contents (path, "\0\0\0\0", 4, NULL);
  d = load_path (path, &error);
  g_assert_error (error, SYN_DECODE_ERROR, SYN_DECODE_ERROR_BINARY);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_nonnull (strstr (error->message, "is not a text file"));

  /* Named as given (the export names files by the path typed). */
  {
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(GError) named_error = NULL;
    g_autoptr(SynDecoded) n = syn_load_file_as (file, "docs/café.pdf", NULL, &named_error);

    g_assert_null (n);
    g_assert_cmpstr (named_error->message, ==, "“docs/café.pdf” is not a text file");
  }
}

/* ---------------------------------------------------------- untouched */

typedef struct {
  GBytes         *bytes;
  struct stat     st;
} Snapshot;

static void
snapshot (const char *path,
          Snapshot   *s)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize len;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  s->bytes = g_bytes_new (contents, len);
  g_assert_cmpint (g_stat (path, (GStatBuf *) &s->st), ==, 0);
}

/* Reading never changes a file: not its bytes, its modification or status
 * change time, its mode, its inode (no rename over it). */
static void
test_untouched (SynTestFiles  *f,
                gconstpointer  data)
{
  const char *names[] = { "u8.txt", "bom.txt", "old.txt", "le.txt", "ro.txt" };
  const char *contents[] = { "Plain text.\n", "\xEF\xBB\xBF" "BOM text.\r\n", "Caf\xE9.\r",
                             "\xFF\xFE" "o\0k\0", "Read-only file.\n" };
  const gsize lengths[] = { 12, 14, 6, 6, 16 };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = syn_test_files_write (f, names[i], contents[i], lengths[i]);
      Snapshot before, after;
      g_autoptr(SynDecoded) d = NULL;

      if (i == 4)
        g_assert_cmpint (g_chmod (path, 0444), ==, 0);
      snapshot (path, &before);
      g_usleep (20000);  /* so that a write would show in the times */
      d = load_path (path, NULL);
      g_assert_nonnull (d);
      snapshot (path, &after);
      g_assert_true (g_bytes_equal (before.bytes, after.bytes));
      g_assert_cmpint (before.st.st_mtim.tv_sec, ==, after.st.st_mtim.tv_sec);
      g_assert_cmpint (before.st.st_mtim.tv_nsec, ==, after.st.st_mtim.tv_nsec);
      g_assert_cmpint (before.st.st_ctim.tv_sec, ==, after.st.st_ctim.tv_sec);
      g_assert_cmpint (before.st.st_ctim.tv_nsec, ==, after.st.st_ctim.tv_nsec);
      g_assert_cmpuint (before.st.st_mode, ==, after.st.st_mode);
      g_assert_cmpuint (before.st.st_ino, ==, after.st.st_ino);
      g_bytes_unref (before.bytes);
      g_bytes_unref (after.bytes);
    }
}

/* --------------------------------------------------------- regressions */

static void
run_loader_check (gconstpointer data)
{
  const char *path = data;
  g_autofree char *bytes = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &bytes, &len, NULL));
  syn_fuzz_check_loader ((const guint8 *) bytes, len);
}

/* The loader's fuzz check on its seeds and on every input it crashed on. */
static void
add_fuzz_cases (GPtrArray *keep)
{
  const char *kinds[] = { "fuzz-corpus", "regressions" };

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autofree char *dir_path = k == 0
        ? g_test_build_filename (G_TEST_DIST, "fuzz", "corpus", "loader", NULL)
        : g_test_build_filename (G_TEST_DIST, "regressions", "loader", NULL);
      g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          char *path;
          g_autofree char *test_path = NULL;

          if (name[0] == '.' || g_str_equal (name, "README.md"))
            continue;
          path = g_build_filename (dir_path, name, NULL);
          test_path = g_strdup_printf ("/model/loader/%s/%s", kinds[k], name);
          g_test_add_data_func (test_path, path, run_loader_check);
          g_ptr_array_add (keep, path);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  int status;

  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) SYN_TEST_ADD_WITH_FILES (path, "syn-loader-XXXXXX", func)
  ADD ("/model/loader/encodings", test_encodings);
  g_test_add_func ("/model/loader/size-lies", test_size_lies);
  ADD ("/model/loader/binary", test_binary);
  ADD ("/model/loader/missing", test_missing);
  ADD ("/model/loader/directory", test_directory);
  ADD ("/model/loader/links", test_links);
  ADD ("/model/loader/special", test_special);
  ADD ("/model/loader/too-large", test_too_large);
  ADD ("/model/loader/at-limit", test_at_limit);
  ADD ("/model/loader/permission-denied", test_permission_denied);
  ADD ("/model/loader/cancelled", test_cancelled);
  ADD ("/model/loader/bad-file-name", test_bad_file_name);
  ADD ("/model/loader/untouched", test_untouched);
#undef ADD
  add_fuzz_cases (paths);

  status = g_test_run ();
  syn_fuzz_loader_cleanup ();
  return status;
}
