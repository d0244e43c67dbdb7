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
  GBytes    *body;
  char      *uri;           /* the address asked for */
  char      *final_uri;     /* after redirects */
  char      *content_type;  /* "text/html", without parameters */
  char      *charset;       /* from the Content-Type header, or NULL */
  GDateTime *retrieved;     /* when the answer came (UTC) */
} SynFetched;

/* Called from the fetching thread as bytes arrive: @received so far,
 * @total from Content-Length or 0 when unknown. Return FALSE to cancel. */
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
 * Errors are SYN_FETCH_ERROR or G_IO_ERROR_CANCELLED; messages are phrases
 * ready to follow the address: "could not be reached: the server answered
 * 404 Not Found". */
SynFetched *syn_fetch             (const char             *uri,
                                   const SynFetchOptions  *options,
                                   SynFetchProgressFunc    progress,
                                   gpointer                user_data,
                                   GCancellable           *cancellable,
                                   GError                **error);
void        syn_fetched_free      (SynFetched             *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SynFetched, syn_fetched_free)

G_END_DECLS
