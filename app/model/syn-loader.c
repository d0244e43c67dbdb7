/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading a source file, whatever gets dropped on the window.
 *
 * Only read access is ever asked for (g_file_read()), so no mistake here can
 * change a file. What the file is gets settled before it is opened: a folder
 * or a pipe would make a read fail or block forever, and a 300 MB log would
 * be read in full only to be refused. The read itself is bounded by the same
 * limit, because the size can lie (/proc files say 0) or change under us.
 * Each refusal becomes one sentence that names the file, because the window
 * shows it in a toast and the export prints it as it is.
 */
#define G_LOG_DOMAIN "syn-model"

#include "config.h"

#include <glib/gi18n.h>

#include "syn-fetch.h"
#include "syn-html.h"
#include "syn-loader.h"

/* One read call at most this much, so cancelling is noticed quickly. */
#define READ_CHUNK (1024 * 1024)

char *
syn_loader_dup_display_name (GFile *file)
{
  g_autofree char *base = NULL;
  g_autofree char *uri = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  /* An address is its own best name: a URL's last part says little. */
  uri = g_file_get_uri (file);
  if (syn_fetch_is_web_uri (uri))
    return g_steal_pointer (&uri);

  base = g_file_get_basename (file);
  if (base == NULL)
    return g_file_get_parse_name (file);
  return g_filename_display_name (base);
}

static guint
limit_in_mb (void)
{
  return (guint) (SYN_DECODE_MAX_BYTES / (1024 * 1024));
}

static void
set_too_large (GError     **error,
               const char  *name)
{
  g_set_error (error, SYN_DECODE_ERROR, SYN_DECODE_ERROR_TOO_LARGE,
               _("“%s” is larger than %u MB, the limit for one source"),
               name, limit_in_mb ());
}

/* Turns GIO's error into a sentence naming the file, keeping its code. */
static void
propagate_io_error (GError     **error,
                    GError      *io_error,
                    const char  *name)
{
  if (io_error->domain != G_IO_ERROR)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("“%s” cannot be read: %s"), name, io_error->message);
      g_error_free (io_error);
      return;
    }

  switch (io_error->code)
    {
    case G_IO_ERROR_CANCELLED:
      g_propagate_error (error, io_error);
      return;
    case G_IO_ERROR_NOT_FOUND:
      g_set_error (error, G_IO_ERROR, io_error->code, _("“%s” could not be found"), name);
      break;
    case G_IO_ERROR_PERMISSION_DENIED:
      g_set_error (error, G_IO_ERROR, io_error->code,
                   _("“%s” cannot be read: permission denied"), name);
      break;
    case G_IO_ERROR_IS_DIRECTORY:
      g_set_error (error, G_IO_ERROR, io_error->code,
                   _("“%s” is a folder, not a text file"), name);
      break;
    default:
      g_set_error (error, G_IO_ERROR, io_error->code,
                   _("“%s” cannot be read: %s"), name, io_error->message);
      break;
    }
  g_error_free (io_error);
}

static void
propagate_decode_error (GError     **error,
                        GError      *decode_error,
                        const char  *name)
{
  if (g_error_matches (decode_error, SYN_DECODE_ERROR, SYN_DECODE_ERROR_TOO_LARGE))
    set_too_large (error, name);
  else if (g_error_matches (decode_error, SYN_DECODE_ERROR, SYN_DECODE_ERROR_BINARY))
    g_set_error (error, SYN_DECODE_ERROR, SYN_DECODE_ERROR_BINARY,
                 _("“%s” is not a text file"), name);
  else
    g_set_error (error, decode_error->domain, decode_error->code,
                 _("“%s” cannot be read as text"), name);
  g_error_free (decode_error);
}

/* Settles what the file is before it is opened. */
static gboolean
check_file_info (GFile         *file,
                 const char    *name,
                 goffset       *size,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  GError *local_error = NULL;

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                            G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    {
      propagate_io_error (error, local_error, name);
      return FALSE;
    }

  /* A folder on the way that we may not enter leaves the attributes unset:
   * GLib 2.76+ warns on reading them, and opening the file then tells why. */
  if (!g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_TYPE))
    {
      *size = 0;
      return TRUE;
    }

  switch (g_file_info_get_file_type (info))
    {
    case G_FILE_TYPE_REGULAR:
      break;
    case G_FILE_TYPE_UNKNOWN:
      /* GIO says so when it may not look (a folder on the way that we may
       * not enter): opening the file then tells why. */
      break;
    case G_FILE_TYPE_DIRECTORY:
    case G_FILE_TYPE_MOUNTABLE:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   _("“%s” is a folder, not a text file"), name);
      return FALSE;
    case G_FILE_TYPE_SYMBOLIC_LINK:
      /* Links are followed: only a dangling one is reported as a link. */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("“%s” could not be found: it is a link to nothing"), name);
      return FALSE;
    case G_FILE_TYPE_SPECIAL:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("“%s” is a device, pipe or socket, not a text file"), name);
      return FALSE;
    case G_FILE_TYPE_SHORTCUT:
    default:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("“%s” is not a text file"), name);
      return FALSE;
    }

  *size = g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE)
            ? g_file_info_get_size (info) : 0;
  if (*size > SYN_DECODE_MAX_BYTES)
    {
      set_too_large (error, name);
      return FALSE;
    }
  return TRUE;
}

/* Reads at most SYN_DECODE_MAX_BYTES + 1 bytes: one more says "too large". */
static guint8 *
read_bounded (GInputStream  *stream,
              gsize          size_hint,
              gsize         *len,
              GCancellable  *cancellable,
              GError       **error)
{
  gsize capacity = MIN (size_hint, (gsize) SYN_DECODE_MAX_BYTES) + 1;
  g_autofree guint8 *data = g_malloc (capacity);
  gsize total = 0;

  for (;;)
    {
      gssize n;

      if (total == capacity)
        {
          if (capacity > SYN_DECODE_MAX_BYTES)
            break;
          capacity = MIN (capacity * 2, (gsize) SYN_DECODE_MAX_BYTES + 1);
          data = g_realloc (data, capacity);
        }
      n = g_input_stream_read (stream, data + total, MIN (capacity - total, READ_CHUNK),
                               cancellable, error);
      if (n < 0)
        return NULL;
      if (n == 0)
        break;
      total += (gsize) n;
    }
  *len = total;
  return g_steal_pointer (&data);
}

/* The file's bytes, at most SYN_DECODE_MAX_BYTES of them; NULL with the
 * error set, naming the file, when it cannot be read. */
static guint8 *
load_bytes (GFile         *file,
            const char    *name,
            gsize         *len,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autofree guint8 *data = NULL;
  GError *local_error = NULL;
  goffset size = 0;

  if (!check_file_info (file, name, &size, cancellable, error))
    return NULL;

  stream = g_file_read (file, cancellable, &local_error);
  if (stream != NULL)
    data = read_bounded (G_INPUT_STREAM (stream), (gsize) MAX (size, 0), len,
                         cancellable, &local_error);
  if (data == NULL)
    {
      propagate_io_error (error, local_error, name);
      return NULL;
    }
  g_input_stream_close (G_INPUT_STREAM (stream), NULL, NULL);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  if (*len > SYN_DECODE_MAX_BYTES)
    {
      set_too_large (error, name);
      return NULL;
    }
  return g_steal_pointer (&data);
}

static SynDecoded *
decode_bytes (guint8      *data,
              gsize        len,
              const char  *name,
              GError     **error)
{
  GError *local_error = NULL;
  SynDecoded *decoded = syn_decode_take (data, len, &local_error);

  if (decoded == NULL)
    propagate_decode_error (error, local_error, name);
  return decoded;
}

SynDecoded *
syn_load_file_as (GFile         *file,
                  const char    *name,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autofree char *display_name = NULL;
  guint8 *data;
  gsize len = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (name == NULL)
    name = display_name = syn_loader_dup_display_name (file);

  data = load_bytes (file, name, &len, cancellable, error);
  if (data == NULL)
    return NULL;
  return decode_bytes (data, len, name, error);
}

static void
propagate_page_error (GError     **error,
                      GError      *page_error,
                      const char  *name)
{
  if (g_error_matches (page_error, SYN_HTML_ERROR, SYN_HTML_ERROR_NO_ARTICLE))
    g_set_error (error, SYN_HTML_ERROR, SYN_HTML_ERROR_NO_ARTICLE,
                 _("“%s” is a web page without readable text"), name);
  else
    g_set_error (error, page_error->domain, page_error->code,
                 _("“%s” cannot be read as a web page: %s"), name, page_error->message);
  g_error_free (page_error);
}

/* A web page (by its content) becomes the article it holds, anything else
 * the text it is. */
static SynSource *
source_from_bytes (SynOrigin    origin,
                   guint8      *data,
                   gsize        len,
                   const char  *charset,
                   const char  *url,
                   const char  *name,
                   GError     **error)
{
  /* What was read, to tell later whether the file still holds it. */
  g_autofree char *sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, len);
  GError *local_error = NULL;
  SynDecoded *decoded;
  SynSource *source;

  if (!syn_html_sniff (data, len))
    {
      decoded = decode_bytes (data, len, name, error);
      source = decoded ? syn_source_new_text (origin, decoded, url) : NULL;
    }
  else
    {
      source = syn_source_new_page (origin, data, len, charset, url, &local_error);
      g_free (data);
      if (source == NULL)
        propagate_page_error (error, local_error, name);
    }
  if (source != NULL)
    syn_source_set_sha256 (source, sha256);
  return source;
}

static SynSource *
load_url (const char            *uri,
          const char            *name,
          SynFetchProgressFunc   progress,
          gpointer               user_data,
          GCancellable          *cancellable,
          GError               **error)
{
  g_autoptr(SynFetched) fetched = NULL;
  GError *local_error = NULL;
  SynSource *source;
  gsize len;
  guint8 *body;

  fetched = syn_fetch (uri, NULL, progress, user_data, cancellable, &local_error);
  if (fetched == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, local_error);
      else
        {
          /* Translators: a web address, then why it could not be fetched
           * ("could not be fetched: the server answered 404 Not Found") */
          g_set_error (error, local_error->domain, local_error->code,
                       _("“%s” %s"), name, local_error->message);
          g_error_free (local_error);
        }
      return NULL;
    }

  body = g_bytes_unref_to_data (g_steal_pointer (&fetched->body), &len);
  source = source_from_bytes (SYN_ORIGIN_URL, body, len, fetched->charset,
                              fetched->final_uri ? fetched->final_uri : uri, name, error);
  if (source != NULL)
    syn_source_set_retrieved (source, fetched->retrieved);
  return source;
}

static gboolean
is_web_file (GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);

  return syn_fetch_is_web_uri (uri);
}

SynSource *
syn_load_source (GFile                 *file,
                 const char            *name,
                 SynFetchProgressFunc   progress,
                 gpointer               user_data,
                 GCancellable          *cancellable,
                 GError               **error)
{
  g_autofree char *display_name = NULL;
  guint8 *data;
  gsize len = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (name == NULL)
    name = display_name = syn_loader_dup_display_name (file);

  if (is_web_file (file))
    {
      g_autofree char *uri = g_file_get_uri (file);

      return load_url (uri, name, progress, user_data, cancellable, error);
    }

  data = load_bytes (file, name, &len, cancellable, error);
  if (data == NULL)
    return NULL;
  return source_from_bytes (SYN_ORIGIN_FILE, data, len, NULL, NULL, name, error);
}

SynDecoded *
syn_load_file (GFile         *file,
               GCancellable  *cancellable,
               GError       **error)
{
  return syn_load_file_as (file, NULL, cancellable, error);
}
