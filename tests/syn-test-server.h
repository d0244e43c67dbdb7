/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A web server of the test's own, on 127.0.0.1 only, in a thread of its
 * own with its own main context: the code under test may block on it (the
 * fetcher) or fetch from a worker while the test's main loop runs.
 */
#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

typedef struct _SynTestServer SynTestServer;

/* Starts a server answering every request with @handler (called in the
 * server's thread). With @certificate, a second port speaks TLS. Returns
 * once it listens. */
SynTestServer *syn_test_server_start    (SoupServerCallback  handler,
                                         gpointer            user_data,
                                         GTlsCertificate    *certificate);
/* Stops it and frees it, once every connection is closed. */
void           syn_test_server_stop     (SynTestServer      *self);

/* "http://127.0.0.1:PORT" */
const char    *syn_test_server_get_base (SynTestServer      *self);
/* "https://127.0.0.1:PORT", or NULL without a certificate */
const char    *syn_test_server_get_tls_base (SynTestServer  *self);
/* The server thread's context, where a test may attach a source. */
GMainContext  *syn_test_server_get_context (SynTestServer   *self);
/* The base followed by @path: free it. */
char          *syn_test_server_dup_url  (SynTestServer      *self,
                                         const char         *path);

G_END_DECLS
