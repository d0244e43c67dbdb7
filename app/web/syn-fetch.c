/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Fetching one web page, blocking, for a worker thread or the headless export.
 *
 * A session per call. libsoup 3.2 lets any thread send, but a session must be
 * configured in the thread that made it; a fresh one per fetch obeys that
 * wherever the caller runs, costs little next to the request itself, and
 * forgets everything when the page has come: its cookie jar lives in memory
 * only (a site that sets a cookie and redirects back to itself, as consent
 * walls do, then works), and there is no cache and no HSTS store, so nothing
 * reaches the disk.
 *
 * Redirects by hand (SOUP_MESSAGE_NO_REDIRECT): we count the hops ourselves,
 * refuse a jump to anything but http(s), and call it a loop when one address
 * comes round a third time (the cookie dance visits an address twice; a real
 * loop goes on for ever, so nothing is lost by waiting for a third visit).
 *
 * Time. libsoup's timeout bounds each wait on the socket, not the transfer: a
 * server that sends a byte a second, headers included, never trips it. So a
 * watchdog thread sleeps until the deadline and then cancels the cancellable
 * that every call of the fetch uses; the caller's cancellable is chained into
 * the same one, and the watchdog's flag tells a timeout from a cancel.
 *
 * Size. A Content-Length over the cap is refused before a byte of the body is
 * read; otherwise the bytes are counted as they arrive, after the content
 * decoder (kept on, as libsoup sets it up), so a small gzip body that inflates
 * past the cap is stopped there too.
 *
 * Stopping early. Closing a libsoup body stream reads the rest of the body,
 * to keep the connection alive — for ever, for an endless body — and so does
 * dropping the last reference. A stream we give up on is closed with a
 * cancellable that is already cancelled.
 *
 * Messages follow the quoted address, as the header explains.
 */
#define G_LOG_DOMAIN "syn-web"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <libsoup/soup.h>

#include "syn-fetch.h"

#define USER_AGENT "Synopsis/" PACKAGE_VERSION \
  " (comparative reading; +https://github.com/synopsis-app/synopsis)"
#define ACCEPT "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1"
#define READ_CHUNK (64 * 1024)
/* An address reached this often is a loop (see above). */
#define LOOP_VISITS 3

G_DEFINE_QUARK (syn-fetch-error-quark, syn_fetch_error)

/* ------------------------------------------------------------- addresses */

static gboolean
is_web_guri (GUri *uri)
{
  const char *scheme = g_uri_get_scheme (uri);
  const char *host = g_uri_get_host (uri);

  return (g_strcmp0 (scheme, "http") == 0 || g_strcmp0 (scheme, "https") == 0)
         && host != NULL && *host != '\0';
}

static GUri *
parse_web_uri (const char *uri)
{
  g_autoptr(GUri) parsed = g_uri_parse (uri, SOUP_HTTP_URI_FLAGS, NULL);

  if (parsed == NULL || !is_web_guri (parsed))
    return NULL;
  return g_steal_pointer (&parsed);
}

gboolean
syn_fetch_is_web_uri (const char *uri)
{
  g_autoptr(GUri) parsed = NULL;

  if (uri == NULL)
    return FALSE;
  parsed = parse_web_uri (uri);
  return parsed != NULL;
}

/* ------------------------------------------------------------- the clock */

/* Cancels @cancellable at the deadline unless stopped first. */
typedef struct {
  GMutex        mutex;
  GCond         cond;
  gboolean      stopped;
  gboolean      fired;
  gint64        deadline;
  GCancellable *cancellable;
  GThread      *thread;
} Watchdog;

static gpointer
watchdog_thread (gpointer data)
{
  Watchdog *dog = data;
  gboolean fire;

  g_mutex_lock (&dog->mutex);
  while (!dog->stopped && g_get_monotonic_time () < dog->deadline)
    g_cond_wait_until (&dog->cond, &dog->mutex, dog->deadline);
  fire = dog->fired = !dog->stopped;
  g_mutex_unlock (&dog->mutex);

  /* Outside the lock: cancelling runs handlers we do not control. */
  if (fire)
    g_cancellable_cancel (dog->cancellable);
  return NULL;
}

static void
watchdog_start (Watchdog     *dog,
                guint         seconds,
                GCancellable *cancellable)
{
  g_mutex_init (&dog->mutex);
  g_cond_init (&dog->cond);
  dog->stopped = FALSE;
  dog->fired = FALSE;
  dog->deadline = g_get_monotonic_time () + (gint64) seconds * G_USEC_PER_SEC;
  dog->cancellable = cancellable;
  dog->thread = g_thread_new ("syn-fetch-clock", watchdog_thread, dog);
}

/* Returns whether the deadline passed first. */
static gboolean
watchdog_stop (Watchdog *dog)
{
  gboolean fired;

  g_mutex_lock (&dog->mutex);
  dog->stopped = TRUE;
  g_cond_signal (&dog->cond);
  g_mutex_unlock (&dog->mutex);
  g_thread_join (dog->thread);

  fired = dog->fired;
  g_mutex_clear (&dog->mutex);
  g_cond_clear (&dog->cond);
  return fired;
}

static gboolean
watchdog_fired (Watchdog *dog)
{
  gboolean fired;

  g_mutex_lock (&dog->mutex);
  fired = dog->fired;
  g_mutex_unlock (&dog->mutex);
  return fired;
}

/* ------------------------------------------------------------- one fetch */

typedef struct {
  const char           *asked;
  guint                 timeout_seconds;
  gsize                 max_bytes;
  SynFetchProgressFunc  progress;
  gpointer              user_data;
  GCancellable         *user_cancellable;
  gulong                chain_id;
  GCancellable         *cancellable;  /* the user's and the clock's */
  Watchdog              watchdog;
  SoupSession          *session;
  GUri                 *current;      /* the address last asked */
  gboolean              answered;     /* the last answer's headers came */
} Fetch;

/* Every message below follows a quoted web address (see syn-fetch.h). */

static void
set_cancelled (GError **error)
{
  /* Translators: follows a quoted web address, like every message here */
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("was not fetched: cancelled"));
}

static void
set_timeout (Fetch   *f,
             GError **error)
{
  if (f->answered)
    g_set_error (error, SYN_FETCH_ERROR, SYN_FETCH_ERROR_TIMEOUT,
                 ngettext ("could not be fetched: the whole page did not arrive within %u second",
                           "could not be fetched: the whole page did not arrive within %u seconds",
                           f->timeout_seconds),
                 f->timeout_seconds);
  else
    g_set_error (error, SYN_FETCH_ERROR, SYN_FETCH_ERROR_TIMEOUT,
                 ngettext ("could not be fetched: the server did not answer within %u second",
                           "could not be fetched: the server did not answer within %u seconds",
                           f->timeout_seconds),
                 f->timeout_seconds);
}

/* "16 MB", or "64 kB" for the small limits tests set. */
static char *
format_limit (gsize bytes)
{
  /* A limit fits a guint (see fetch_begin). */
  guint n = (guint) bytes;

  if (n >= 1024 * 1024)
    return g_strdup_printf (_("%u MB"), n / (1024 * 1024));
  if (n >= 1024)
    return g_strdup_printf (_("%u kB"), n / 1024);
  return g_strdup_printf (ngettext ("%u byte", "%u bytes", n), n);
}

static void
set_too_large (Fetch   *f,
               GError **error)
{
  g_autofree char *limit = format_limit (f->max_bytes);

  /* Translators: %s is a size, e.g. "16 MB" */
  g_set_error (error, SYN_FETCH_ERROR, SYN_FETCH_ERROR_TOO_LARGE,
               _("could not be fetched: the page is larger than %s, the limit for one source"),
               limit);
}

static void
set_network_error (GError     **error,
                   const char  *reason)
{
  /* Translators: %s is why, e.g. "the network is unreachable" */
  g_set_error (error, SYN_FETCH_ERROR, SYN_FETCH_ERROR_NETWORK,
               _("could not be fetched: %s"), reason);
}

static void
propagate_io_error (GError **error,
                    GError  *io_error)
{
  switch (io_error->code)
    {
    case G_IO_ERROR_CONNECTION_REFUSED:
      set_network_error (error, _("the server refused the connection"));
      break;
    case G_IO_ERROR_NETWORK_UNREACHABLE:
      set_network_error (error, _("the network is unreachable"));
      break;
    case G_IO_ERROR_HOST_UNREACHABLE:
      set_network_error (error, _("the server is unreachable"));
      break;
    case G_IO_ERROR_CONNECTION_CLOSED:  /* also G_IO_ERROR_BROKEN_PIPE */
    case G_IO_ERROR_PARTIAL_INPUT:
      set_network_error (error, _("the connection broke off before the whole page arrived"));
      break;
    default:
      set_network_error (error, io_error->message);
      break;
    }
}

static void
propagate_tls_error (GError **error,
                     GError  *tls_error)
{
  const char *reason;

  switch (tls_error->code)
    {
    case G_TLS_ERROR_BAD_CERTIFICATE:
      reason = _("could not be fetched: the site’s security certificate is not valid");
      break;
    case G_TLS_ERROR_UNAVAILABLE:
      reason = _("could not be fetched: secure connections are not available "
                 "(is glib-networking installed?)");
      break;
    default:
      reason = _("could not be fetched: no secure connection could be made");
      break;
    }
  g_set_error_literal (error, SYN_FETCH_ERROR, SYN_FETCH_ERROR_TLS, reason);
}

static void
propagate_resolver_error (GError     **error,
                          GError      *resolver_error,
                          const char  *host)
{
  if (resolver_error->code == G_RESOLVER_ERROR_TEMPORARY_FAILURE)
    g_set_error (error, SYN_FETCH_ERROR, SYN_FETCH_ERROR_HOST_NOT_FOUND,
                 _("could not be fetched: the name “%s” could not be looked up "
                   "(is the computer online?)"), host);
  else
    g_set_error (error, SYN_FETCH_ERROR, SYN_FETCH_ERROR_HOST_NOT_FOUND,
                 _("could not be fetched: no server is known by the name “%s”"), host);
}

/* Turns what went wrong on the way (from libsoup or GIO) into our error. */
static void
propagate_transport_error (Fetch    *f,
                           GError  **error,
                           GError   *local)
{
  if (watchdog_fired (&f->watchdog)
      || g_error_matches (local, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    set_timeout (f, error);
  else if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    set_cancelled (error);
  else if (local->domain == G_RESOLVER_ERROR)
    propagate_resolver_error (error, local, g_uri_get_host (f->current));
  else if (local->domain == G_TLS_ERROR)
    propagate_tls_error (error, local);
  else if (local->domain == G_IO_ERROR)
    propagate_io_error (error, local);
  else if (local->domain == SOUP_SESSION_ERROR)
    set_network_error (error, _("the server’s answer could not be understood"));
  else
    set_network_error (error, local->message);
  g_error_free (local);
}

/* Gives up on a body without reading the rest of it (see above). */
static void
drop_stream (GInputStream *stream)
{
  g_autoptr(GCancellable) now = g_cancellable_new ();

  g_cancellable_cancel (now);
  g_input_stream_close (stream, now, NULL);
}

/* "404 Not Found": libsoup's phrase for the status (servers' own can be
 * anything, or absent under HTTP/2), theirs only for a status it does not
 * know, when it is short, printable UTF-8. */
static char *
describe_status (SoupMessage *msg)
{
  guint status = soup_message_get_status (msg);
  const char *phrase = soup_message_get_reason_phrase (msg);

  if (soup_status_get_phrase (status) != NULL
      && g_strcmp0 (soup_status_get_phrase (status), "Unknown Error") != 0)
    phrase = soup_status_get_phrase (status);
  if (phrase == NULL || *phrase == '\0' || strlen (phrase) > 80
      || !g_utf8_validate (phrase, -1, NULL))
    return g_strdup_printf ("%u", status);
  for (const char *p = phrase; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isprint (g_utf8_get_char (p)))
      return g_strdup_printf ("%u", status);
  return g_strdup_printf ("%u %s", status, phrase);
}

static gboolean
is_followed_redirect (guint status)
{
  switch (status)
    {
    case SOUP_STATUS_MOVED_PERMANENTLY:
    case SOUP_STATUS_FOUND:
    case SOUP_STATUS_SEE_OTHER:
    case SOUP_STATUS_TEMPORARY_REDIRECT:
    case SOUP_STATUS_PERMANENT_REDIRECT:
      return TRUE;
    default:
      return FALSE;
    }
}

/* Something a server sent, fit to be shown in a message: valid UTF-8 and at
 * most 100 characters. */
static char *
shorten (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  g_autofree char *start = NULL;

  if (g_utf8_strlen (valid, -1) <= 100)
    return g_steal_pointer (&valid);
  start = g_utf8_substring (valid, 0, 99);
  return g_strconcat (start, "…", NULL);
}

/* Where a redirect points, resolved against the address that answered. */
static GUri *
redirect_target (SoupMessage  *msg,
                 GError      **error)
{
  const char *location;
  g_autoptr(GUri) target = NULL;
  g_autofree char *status = NULL;

  location = soup_message_headers_get_one (soup_message_get_response_headers (msg), "Location");
  if (location == NULL || *location == '\0')
    {
      status = describe_status (msg);
      g_set_error (error, SYN_FETCH_ERROR, SYN_FETCH_ERROR_REDIRECTS,
                   _("could not be fetched: the server answered %s without saying where to"),
                   status);
      return NULL;
    }

  target = g_uri_parse_relative (soup_message_get_uri (msg), location, SOUP_HTTP_URI_FLAGS, NULL);
  if (target == NULL || !is_web_guri (target))
    {
      g_autofree char *shown = shorten (location);

      g_set_error (error, SYN_FETCH_ERROR, SYN_FETCH_ERROR_REDIRECTS,
                   _("could not be fetched: it redirects to “%s”, which is not a web address"),
                   shown);
      return NULL;
    }
  return g_steal_pointer (&target);
}

static SoupMessage *
new_request (GUri *uri)
{
  SoupMessage *msg = soup_message_new_from_uri (SOUP_METHOD_GET, uri);

  soup_message_headers_replace (soup_message_get_request_headers (msg), "Accept", ACCEPT);
  soup_message_add_flags (msg, SOUP_MESSAGE_NO_REDIRECT);
  return msg;
}

/* Counts a visit to @uri; FALSE when that makes it a loop. */
static gboolean
visit (GHashTable *visits,
       GUri       *uri)
{
  char *key = g_uri_to_string (uri);
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (visits, key)) + 1;

  g_hash_table_replace (visits, key, GUINT_TO_POINTER (n));
  return n < LOOP_VISITS;
}

/* Sends the request for f->current, following redirects (f->current
 * following them), and returns the body of the last answer, its message in
 * @out_msg. */
static GInputStream *
send_following_redirects (Fetch        *f,
                          SoupMessage **out_msg,
                          GError      **error)
{
  g_autoptr(GHashTable) visits = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint hops = 0;; hops++)
    {
      g_autoptr(SoupMessage) msg = NULL;
      g_autoptr(GInputStream) stream = NULL;
      GError *local = NULL;
      GUri *next;

      if (!visit (visits, f->current))
        {
          g_set_error_literal (error, SYN_FETCH_ERROR, SYN_FETCH_ERROR_REDIRECTS,
                               _("could not be fetched: its redirects go round in a loop"));
          return NULL;
        }

      msg = new_request (f->current);
      stream = soup_session_send (f->session, msg, f->cancellable, &local);
      if (stream == NULL)
        {
          propagate_transport_error (f, error, local);
          return NULL;
        }
      if (!is_followed_redirect (soup_message_get_status (msg)))
        {
          f->answered = TRUE;
          *out_msg = g_steal_pointer (&msg);
          return g_steal_pointer (&stream);
        }

      drop_stream (stream);
      next = redirect_target (msg, error);
      if (next == NULL)
        return NULL;
      g_uri_unref (f->current);
      f->current = next;
      if (hops == SYN_FETCH_MAX_REDIRECTS)
        {
          g_set_error (error, SYN_FETCH_ERROR, SYN_FETCH_ERROR_REDIRECTS,
                       ngettext ("could not be fetched: it was redirected more than %u time",
                                 "could not be fetched: it was redirected more than %u times",
                                 SYN_FETCH_MAX_REDIRECTS),
                       SYN_FETCH_MAX_REDIRECTS);
          return NULL;
        }
    }
}

static gboolean
check_status (SoupMessage  *msg,
              GError      **error)
{
  g_autofree char *status = NULL;

  if (SOUP_STATUS_IS_SUCCESSFUL (soup_message_get_status (msg)))
    return TRUE;
  status = describe_status (msg);
  /* Translators: %s is an HTTP status, e.g. "404 Not Found" (not translated) */
  g_set_error (error, SYN_FETCH_ERROR, SYN_FETCH_ERROR_HTTP,
               _("could not be fetched: the server answered %s"), status);
  return FALSE;
}

static gboolean
is_page_type (const char *type)
{
  return g_str_equal (type, "text/html")
         || g_str_equal (type, "application/xhtml+xml")
         || g_str_equal (type, "text/plain");
}

static gboolean
is_xml_type (const char *type)
{
  return g_str_equal (type, "application/xml") || g_str_equal (type, "text/xml")
         || g_str_has_suffix (type, "+xml");
}

static gboolean
is_archive_type (const char *type)
{
  static const char *const archives[] = {
    "application/zip", "application/gzip", "application/x-gzip", "application/x-tar",
    "application/x-bzip2", "application/x-xz", "application/x-7z-compressed",
    "application/vnd.rar", "application/x-rar-compressed", "application/zstd",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (archives); i++)
    if (g_str_equal (type, archives[i]))
      return TRUE;
  return FALSE;
}

static gboolean
is_office_type (const char *type)
{
  return g_str_equal (type, "application/msword")
         || g_str_equal (type, "application/rtf")
         || g_str_has_prefix (type, "application/vnd.ms-")
         || g_str_has_prefix (type, "application/vnd.openxmlformats-officedocument.")
         || g_str_has_prefix (type, "application/vnd.oasis.opendocument.");
}

/* Says what a page that is not one is, in words ("is a PDF document, not a
 * web page"): @type is lower case, without parameters. */
static void
set_not_a_page (GError     **error,
                const char  *type)
{
  const char *what;

  if (g_str_equal (type, "application/pdf"))
    what = _("is a PDF document, not a web page");
  else if (g_str_has_prefix (type, "image/"))
    what = _("is an image, not a web page");
  else if (g_str_has_prefix (type, "video/"))
    what = _("is a video, not a web page");
  else if (g_str_has_prefix (type, "audio/"))
    what = _("is a sound file, not a web page");
  else if (g_str_equal (type, "application/rss+xml") || g_str_equal (type, "application/atom+xml"))
    what = _("is a news feed, not a web page");
  else if (g_str_equal (type, "application/json") || g_str_has_suffix (type, "+json"))
    what = _("is JSON data, not a web page");
  else if (is_xml_type (type))
    what = _("is an XML document, not a web page");
  else if (is_archive_type (type))
    what = _("is a compressed archive, not a web page");
  else if (is_office_type (type))
    what = _("is an office document, not a web page");
  else if (g_str_equal (type, "application/octet-stream"))
    what = _("is a binary file, not a web page");
  else
    {
      g_autofree char *shown = shorten (type);

      /* Translators: %s is a media type, e.g. "text/css" */
      g_set_error (error, SYN_FETCH_ERROR, SYN_FETCH_ERROR_NOT_A_PAGE,
                   _("is of the type “%s”, not a web page"), shown);
      return;
    }
  g_set_error_literal (error, SYN_FETCH_ERROR, SYN_FETCH_ERROR_NOT_A_PAGE, what);
}

/* Reads the Content-Type: the type (lower case, NULL when the server sent
 * none: the caller sniffs) and the charset parameter. */
static gboolean
check_content_type (SoupMessage  *msg,
                    char        **out_type,
                    char        **out_charset,
                    GError      **error)
{
  g_autoptr(GHashTable) params = NULL;
  g_autofree char *type = NULL;
  const char *value;
  const char *charset;

  value = soup_message_headers_get_content_type (soup_message_get_response_headers (msg), &params);
  if (value == NULL)
    return TRUE;
  type = g_ascii_strdown (value, -1);
  if (!is_page_type (type))
    {
      set_not_a_page (error, type);
      return FALSE;
    }
  *out_type = g_steal_pointer (&type);
  charset = params != NULL ? g_hash_table_lookup (params, "charset") : NULL;
  if (charset != NULL && *charset != '\0')
    *out_charset = g_strdup (charset);
  return TRUE;
}

/* The body's size when the headers say it (0 when unknown). A length of an
 * encoded body is the size on the wire, not of the page: unknown too. */
static goffset
announced_length (SoupMessage *msg)
{
  SoupMessageHeaders *headers = soup_message_get_response_headers (msg);

  if (soup_message_headers_get_encoding (headers) != SOUP_ENCODING_CONTENT_LENGTH)
    return 0;
  if (soup_message_headers_get_one (headers, "Content-Encoding") != NULL)
    return 0;
  return soup_message_headers_get_content_length (headers);
}

static gboolean
check_announced_length (Fetch        *f,
                        SoupMessage  *msg,
                        GError      **error)
{
  SoupMessageHeaders *headers = soup_message_get_response_headers (msg);

  /* The wire size of an encoded body over the cap is over it decoded too,
   * or near enough that nobody would miss the page. */
  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH
      && (guint64) soup_message_headers_get_content_length (headers) > f->max_bytes)
    {
      set_too_large (f, error);
      return FALSE;
    }
  return TRUE;
}

/* Reads the body up to the cap, telling the progress callback as it goes. */
static GBytes *
read_body (Fetch         *f,
           GInputStream  *stream,
           gsize          total,
           GError       **error)
{
  g_autoptr(GByteArray) body = g_byte_array_sized_new (MIN (total, f->max_bytes) + 1);
  g_autofree guint8 *chunk = g_malloc (READ_CHUNK);

  for (;;)
    {
      /* One byte past the cap is enough to know it is over. */
      gsize want = MIN ((gsize) READ_CHUNK, f->max_bytes - body->len + 1);
      GError *local = NULL;
      gssize n = g_input_stream_read (stream, chunk, want, f->cancellable, &local);

      if (n < 0)
        {
          propagate_transport_error (f, error, local);
          return NULL;
        }
      if (n == 0)
        break;
      if ((gsize) n > f->max_bytes - body->len)
        {
          set_too_large (f, error);
          return NULL;
        }
      g_byte_array_append (body, chunk, (guint) n);
      if (f->progress != NULL && !f->progress (body->len, total, f->user_data))
        {
          set_cancelled (error);
          return NULL;
        }
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&body));
}

/* The page once the answer is accepted: checks, then the body. */
static SynFetched *
receive (Fetch         *f,
         SoupMessage   *msg,
         GInputStream  *stream,
         GError       **error)
{
  g_autoptr(SynFetched) page = g_new0 (SynFetched, 1);

  page->retrieved = g_date_time_new_now_utc ();
  if (!check_status (msg, error)
      || !check_content_type (msg, &page->content_type, &page->charset, error)
      || !check_announced_length (f, msg, error))
    return NULL;

  page->body = read_body (f, stream, (gsize) announced_length (msg), error);
  if (page->body == NULL)
    return NULL;
  page->uri = g_strdup (f->asked);
  page->final_uri = g_uri_to_string_partial (soup_message_get_uri (msg), G_URI_HIDE_PASSWORD);
  return g_steal_pointer (&page);
}

static void
chain_cancel_cb (GCancellable *cancellable,
                 gpointer      user_data)
{
  g_cancellable_cancel (G_CANCELLABLE (user_data));
}

static void
fetch_begin (Fetch                 *f,
             const SynFetchOptions *options,
             GCancellable          *cancellable)
{
  g_autoptr(SoupCookieJar) jar = soup_cookie_jar_new ();

  f->timeout_seconds = options != NULL && options->timeout_seconds > 0
                         ? options->timeout_seconds : SYN_FETCH_DEFAULT_TIMEOUT_SECONDS;
  f->max_bytes = options != NULL && options->max_bytes > 0
                   ? options->max_bytes : SYN_FETCH_DEFAULT_MAX_BYTES;
  f->max_bytes = MIN (f->max_bytes, (gsize) G_MAXUINT - 1);  /* a GByteArray's limit */

  f->cancellable = g_cancellable_new ();
  f->user_cancellable = cancellable;
  if (cancellable != NULL)
    f->chain_id = g_cancellable_connect (cancellable, G_CALLBACK (chain_cancel_cb),
                                         f->cancellable, NULL);
  watchdog_start (&f->watchdog, f->timeout_seconds, f->cancellable);

  /* libsoup's own timeout bounds each wait; the watchdog, the whole. */
  f->session = soup_session_new_with_options ("user-agent", USER_AGENT,
                                              "timeout", f->timeout_seconds,
                                              NULL);
  soup_session_add_feature (f->session, SOUP_SESSION_FEATURE (jar));
}

static void
fetch_end (Fetch *f)
{
  g_clear_object (&f->session);
  watchdog_stop (&f->watchdog);
  if (f->user_cancellable != NULL)
    g_cancellable_disconnect (f->user_cancellable, f->chain_id);
  g_clear_object (&f->cancellable);
  g_clear_pointer (&f->current, g_uri_unref);
}

SynFetched *
syn_fetch (const char             *uri,
           const SynFetchOptions  *options,
           SynFetchProgressFunc    progress,
           gpointer                user_data,
           GCancellable           *cancellable,
           GError                **error)
{
  g_autoptr(GUri) start = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GInputStream) stream = NULL;
  SynFetched *page = NULL;
  Fetch f = { .asked = uri, .progress = progress, .user_data = user_data };

  g_return_val_if_fail (uri != NULL, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  start = g_uri_parse (uri, SOUP_HTTP_URI_FLAGS, NULL);
  if (start == NULL)
    {
      g_set_error_literal (error, SYN_FETCH_ERROR, SYN_FETCH_ERROR_INVALID_URI,
                           _("is not a valid web address"));
      return NULL;
    }
  if (!is_web_guri (start))
    {
      g_set_error_literal (error, SYN_FETCH_ERROR, SYN_FETCH_ERROR_INVALID_URI,
                           _("is not a web address: only http and https addresses can be fetched"));
      return NULL;
    }
  if (g_cancellable_is_cancelled (cancellable))
    {
      set_cancelled (error);
      return NULL;
    }

  fetch_begin (&f, options, cancellable);
  f.current = g_steal_pointer (&start);
  stream = send_following_redirects (&f, &msg, error);
  if (stream != NULL)
    {
      page = receive (&f, msg, stream, error);
      drop_stream (stream);
    }
  fetch_end (&f);
  return page;
}

void
syn_fetched_free (SynFetched *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->body, g_bytes_unref);
  g_free (self->uri);
  g_free (self->final_uri);
  g_free (self->content_type);
  g_free (self->charset);
  g_clear_pointer (&self->retrieved, g_date_time_unref);
  g_free (self);
}
