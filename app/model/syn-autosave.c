/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Never losing what was done by hand.
 *
 * A comparison with unsaved changes (corrections, notes, columns renamed
 * or moved: SynComparison:modified) is written whole, a few seconds after
 * each one, to a file of its own in the user's data directory, in the
 * saved-comparison format (syn-saved.c): what a crash leaves behind is a
 * comparison that opens as any other. The file is written to a temporary
 * name and renamed, so a kill in the middle leaves the previous copy whole.
 * It goes away when nothing is left unsaved, and when the window closes as
 * the user chose; so a file that remains belongs to a process that died.
 * Which one died is told by a lock, not by a process id: the writer holds
 * an flock() on a file beside its copy ("NAME.lock") for as long as it
 * runs, and the system drops it however the process ends. A copy whose
 * lock can be taken is an orphan, offered back on the next start. (Process
 * ids would not do: in a Flatpak sandbox each run has its own, often the
 * same small number.) The delay batches a burst of corrections into one
 * write.
 */
#define G_LOG_DOMAIN "syn-model"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <sys/file.h>
#include <unistd.h>

#include "syn-autosave.h"

struct _SynAutosave
{
  SynComparison *comparison;
  char          *path;
  char          *lock_path;
  int            lock_fd;       /* held while we run, or -1 */
  guint          delay_ms;
  guint          timeout_id;
  gboolean       written;
};

char *
syn_autosave_dup_default_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "synopsis", "autosave", NULL);
}

static void
remove_file (SynAutosave *self)
{
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->written)
    g_unlink (self->path);
  self->written = FALSE;
}

/* Takes the lock that says the copy's writer is running. */
static gboolean
take_lock (SynAutosave  *self,
           GError      **error)
{
  if (self->lock_fd >= 0)
    return TRUE;
  self->lock_fd = g_open (self->lock_path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (self->lock_fd < 0 || flock (self->lock_fd, LOCK_EX | LOCK_NB) != 0)
    {
      int saved_errno = errno;

      if (self->lock_fd >= 0)
        close (self->lock_fd);
      self->lock_fd = -1;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "%s: %s", self->lock_path, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

static void
drop_lock (SynAutosave *self,
           gboolean     remove)
{
  if (self->lock_fd < 0)
    return;
  if (remove)
    g_unlink (self->lock_path);
  close (self->lock_fd);
  self->lock_fd = -1;
}

gboolean
syn_autosave_write_now (SynAutosave  *self,
                        GError      **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *dir = NULL;

  g_return_val_if_fail (self != NULL, FALSE);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (!syn_comparison_get_modified (self->comparison) ||
      (bytes = syn_comparison_save_to_bytes (self->comparison)) == NULL)
    return TRUE;
  dir = g_path_get_dirname (self->path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "%s: %s", dir, g_strerror (saved_errno));
      return FALSE;
    }
  if (!take_lock (self, error))
    return FALSE;
  /* a temporary file renamed over the last copy */
  if (!g_file_set_contents_full (self->path, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes),
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, error))
    return FALSE;
  self->written = TRUE;
  return TRUE;
}

static gboolean
timeout_cb (gpointer data)
{
  SynAutosave *self = data;
  g_autoptr(GError) error = NULL;

  self->timeout_id = 0;
  if (!syn_autosave_write_now (self, &error))
    g_warning ("Could not keep a copy of the unsaved comparison: %s", error->message);
  return G_SOURCE_REMOVE;
}

/* After a correction, an undo, or a re-alignment that changed the texts. */
static void
changed_cb (SynAutosave *self)
{
  if (!syn_comparison_get_modified (self->comparison))
    {
      remove_file (self);
      return;
    }
  if (self->timeout_id == 0)
    {
      self->timeout_id = g_timeout_add (self->delay_ms, timeout_cb, self);
      g_source_set_static_name (g_main_context_find_source_by_id (NULL, self->timeout_id),
                                "[syn] autosave");
    }
}

SynAutosave *
syn_autosave_new (SynComparison *comparison,
                  const char    *dir,
                  guint          delay_ms)
{
  static gint counter;
  SynAutosave *self;
  g_autofree char *default_dir = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (SYN_IS_COMPARISON (comparison), NULL);

  if (dir == NULL)
    dir = default_dir = syn_autosave_dup_default_dir ();
  name = g_strdup_printf ("%ld-%d-%08x.synopsis", (long) getpid (), g_atomic_int_add (&counter, 1),
                          g_random_int ());
  self = g_new0 (SynAutosave, 1);
  self->comparison = g_object_ref (comparison);
  self->path = g_build_filename (dir, name, NULL);
  self->lock_path = g_strconcat (self->path, ".lock", NULL);
  self->lock_fd = -1;
  self->delay_ms = delay_ms;
  g_signal_connect_swapped (comparison, "edits-changed", G_CALLBACK (changed_cb), self);
  g_signal_connect_swapped (comparison, "notify::modified", G_CALLBACK (changed_cb), self);
  g_signal_connect_swapped (comparison, "aligned", G_CALLBACK (changed_cb), self);
  return self;
}

void
syn_autosave_free (SynAutosave *self)
{
  if (self == NULL)
    return;
  drop_lock (self, TRUE);
  remove_file (self);
  g_signal_handlers_disconnect_by_data (self->comparison, self);
  g_object_unref (self->comparison);
  g_free (self->path);
  g_free (self->lock_path);
  g_free (self);
}

void
syn_autosave_detach (SynAutosave *self)
{
  if (self == NULL)
    return;
  /* the copy and its lock file stay; the lock itself goes with the fd */
  drop_lock (self, FALSE);
  self->written = FALSE;
  syn_autosave_free (self);
}

const char *
syn_autosave_get_path (SynAutosave *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->path;
}

/* Whether the process that wrote @path is gone: nobody holds its lock
 * (this process's own copies hold theirs on other descriptors, which
 * flock() tells apart). */
static gboolean
is_orphan (const char *path)
{
  g_autofree char *lock_path = g_strconcat (path, ".lock", NULL);
  int fd = g_open (lock_path, O_RDWR | O_CLOEXEC, 0);
  gboolean free_lock;

  if (fd < 0)
    return errno == ENOENT;
  free_lock = flock (fd, LOCK_EX | LOCK_NB) == 0;
  close (fd);
  return free_lock;
}

void
syn_autosave_delete_orphan (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *lock_path = NULL;

  g_return_if_fail (path != NULL);
  lock_path = g_strconcat (path, ".lock", NULL);
  g_unlink (path);
  g_unlink (lock_path);
}

typedef struct {
  GFile  *file;
  gint64  mtime;
} Found;

static int
cmp_newest (gconstpointer a,
            gconstpointer b)
{
  const Found *x = a, *y = b;
  return (x->mtime < y->mtime) - (x->mtime > y->mtime);
}

GPtrArray *
syn_autosave_find_orphans (const char *dir)
{
  g_autofree char *default_dir = NULL;
  g_autoptr(GDir) handle = NULL;
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (Found));
  GPtrArray *out = g_ptr_array_new_with_free_func (g_object_unref);
  const char *name;

  if (dir == NULL)
    dir = default_dir = syn_autosave_dup_default_dir ();
  if ((handle = g_dir_open (dir, 0, NULL)) == NULL)
    return out;
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = NULL;
      GStatBuf st;
      Found f;

      if (!g_str_has_suffix (name, ".synopsis"))
        continue;
      path = g_build_filename (dir, name, NULL);
      if (!is_orphan (path) || g_stat (path, &st) != 0)
        continue;
      f.file = g_file_new_for_path (path);
      f.mtime = (gint64) st.st_mtime;
      g_array_append_val (found, f);
    }
  g_array_sort (found, cmp_newest);
  for (guint i = 0; i < found->len; i++)
    g_ptr_array_add (out, g_array_index (found, Found, i).file);
  return out;
}
