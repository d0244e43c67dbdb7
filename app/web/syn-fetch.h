/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SYN_FETCH_ERROR (syn_fetch_error_quark ())

typedef enum {
  SYN_FETCH_ERROR_INVALID_URI,    /* not an http(s) address */
  SYN_FETCH_ERROR_NETWORK,        /* no network, connection refused or reset */
  SYN_FETCH_ERROR_HOST_NOT_FOUND, /* DNS */
  SYN_FETCH_ERROR_TLS,            /* certificate or handshake */
  SYN_FETCH_ERROR_HTTP,           /* the server answered with a 4xx/5xx status */
  SYN_FETCH_ERROR_REDIRECTS,      /* a redirect loop, or too many redirects */
  SYN_FETCH_ERROR_TIMEOUT,        /* no answer, or not all of it, in time */
  SYN_FETCH_ERROR_TOO_LARGE,      /* the page is over the size cap */
  SYN_FETCH_ERROR_NOT_A_PAGE,     /* a PDF, an image, … instead of HTML or text */
} SynFetchError;

/* Defaults: 30 s for the whole transfer, 16 MB, 10 redirects. */
#define SYN_FETCH_DEFAULT_TIMEOUT_SECONDS 30
#define SYN_FETCH_DEFAULT_MAX_BYTES       (16 * 1024 * 1024)
#define SYN_FETCH_MAX_REDIRECTS           10

typedef struct {
  guint timeout_seconds;  /* 0: the default */
  gsize max_bytes;        /* 0: the default */
} SynFetchOptions;

/* A page as it arrived. */
typedef struct {
  GBytes    *body;          /* decoded (gzip etc. undone), never over the cap */
  char      *uri;           /* the address asked for, as given */
  char      *final_uri;     /* where the page came from after redirects, normalised
                             * ("http://host/" for "http://host"), a password hidden */
  char      *content_type;  /* "text/html", "application/xhtml+xml" or "text/plain",
                             * lower case, without parameters; NULL when the server
                             * named no type: sniff the body */
  char      *charset;       /* the Content-Type's charset parameter as sent, or NULL */
  GDateTime *retrieved;     /* when the answer came (UTC) */
} SynFetched;

/* Called from the fetching thread (not the main thread) as bytes arrive:
 * @received so far, growing with each call, the last call's equal to the
 * body's size; @total from Content-Length, or 0 when unknown (no length, or
 * a compressed body whose length on the wire is not the page's). Not called
 * when the body is empty. Return FALSE to cancel: syn_fetch() then fails
 * with G_IO_ERROR_CANCELLED. */
typedef gboolean (*SynFetchProgressFunc) (gsize    received,
                                          gsize    total,
                                          gpointer user_data);

GQuark      syn_fetch_error_quark (void);

/* TRUE for an http: or https: address that can be fetched. */
gboolean    syn_fetch_is_web_uri  (const char             *uri);

/* Fetches @uri with libsoup 3, blocking: meant for a worker thread (the
 * model's GTask) or the headless export. Redirects are followed (the final
 * address recorded), a clear user agent is sent, the whole transfer must end
 * within the time limit and the body stay under the size cap. Only HTML,
 * XHTML and plain text are accepted. Nothing is written to disk.
 *
 * Threads: call it from any thread, several at once; each call makes its own
 * libsoup session (and, for its time limit, one short-lived thread of its
 * own), and shares nothing with other calls. It needs no main loop. Cancel
 * @cancellable from any thread. Needs glib-networking at run time for https.
 *
 * Errors are SYN_FETCH_ERROR, or G_IO_ERROR_CANCELLED when @cancellable was
 * cancelled or @progress returned FALSE. Every message (cancelling's too) is
 * a translated phrase that does not name the address and reads after it, the
 * caller putting the address, quoted, in front:
 *
 *   g_strdup_printf ("“%s” %s", uri, error->message)
 *   → “https://example.org/a” could not be fetched: the server answered 404 Not Found
 *   → “https://example.org/b.pdf” is a PDF document, not a web page
 *   → “ftp://example.org/” is not a web address: only http and https …
 *
 * It starts in lower case and ends without a full stop; mark the format
 * string for translation in the caller ("“%s” %s" with a translator comment)
 * so word order can change. */
SynFetched *syn_fetch             (const char             *uri,
                                   const SynFetchOptions  *options,
                                   SynFetchProgressFunc    progress,
                                   gpointer                user_data,
                                   GCancellable           *cancellable,
                                   GError                **error);
void        syn_fetched_free      (SynFetched             *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SynFetched, syn_fetched_free)

G_END_DECLS
