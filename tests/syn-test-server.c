/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "syn-test-server"

#include "config.h"

#include "syn-test-server.h"

struct _SynTestServer
{
  GThread            *thread;
  GMainContext       *context;
  GMainLoop          *loop;
  SoupServer         *server;
  SoupServerCallback  handler;
  gpointer            user_data;
  GTlsCertificate    *certificate;
  char               *base;
  char               *tls_base;
  GMutex              mutex;
  GCond               cond;
  gboolean            ready;
};

/* libsoup 3.2's listener never frees the sockets it accepts (fixed in
 * 3.4.0). A note of them is kept, so that the leak checker counts them as
 * reachable instead of failing the test for libsoup, and goes on checking
 * everything else. (It also leaks its address when asked for it, which is
 * why the listening sockets are made here.) */
static GPtrArray *accepted_sockets;
G_LOCK_DEFINE_STATIC (accepted_sockets);

static void
request_started_cb (SoupServer        *soup_server,
                    SoupServerMessage *msg,
                    gpointer           user_data)
{
  G_LOCK (accepted_sockets);
  if (accepted_sockets == NULL)
    accepted_sockets = g_ptr_array_new ();
  g_ptr_array_add (accepted_sockets, soup_server_message_get_socket (msg));
  G_UNLOCK (accepted_sockets);
}

/* Loopback, IPv4, a port the system picks: nothing outside can reach it. */
static guint16
listen_on_loopback (SoupServer              *server,
                    SoupServerListenOptions  options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                                            G_SOCKET_PROTOCOL_TCP, &error);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any_port = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;

  g_assert_no_error (error);
  g_assert_true (g_socket_bind (socket, any_port, FALSE, &error));
  g_assert_true (g_socket_listen (socket, &error));
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  g_assert_true (soup_server_listen_socket (server, socket, options, &error));
  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

static void
make_server (SynTestServer *self)
{
  self->server = soup_server_new ("server-header", "syn-test ",
                                  "tls-certificate", self->certificate,
                                  NULL);
  soup_server_add_handler (self->server, NULL, self->handler, self->user_data, NULL);
  g_signal_connect (self->server, "request-started", G_CALLBACK (request_started_cb), NULL);

  self->base = g_strdup_printf ("http://127.0.0.1:%u", listen_on_loopback (self->server, 0));
  if (self->certificate != NULL)
    self->tls_base = g_strdup_printf ("https://127.0.0.1:%u",
                                      listen_on_loopback (self->server, SOUP_SERVER_LISTEN_HTTPS));
}

static gpointer
server_thread (gpointer data)
{
  SynTestServer *self = data;

  /* Everything the server makes belongs to its own context. */
  g_main_context_push_thread_default (self->context);

  g_mutex_lock (&self->mutex);
  make_server (self);
  self->ready = TRUE;
  g_cond_signal (&self->cond);
  g_mutex_unlock (&self->mutex);

  g_main_loop_run (self->loop);

  soup_server_disconnect (self->server);
  g_clear_object (&self->server);
  /* Let the closed connections' last callbacks run. */
  while (g_main_context_iteration (self->context, FALSE))
    ;
  g_main_context_pop_thread_default (self->context);
  return NULL;
}

SynTestServer *
syn_test_server_start (SoupServerCallback  handler,
                       gpointer            user_data,
                       GTlsCertificate    *certificate)
{
  SynTestServer *self = g_new0 (SynTestServer, 1);

  self->handler = handler;
  self->user_data = user_data;
  self->certificate = certificate ? g_object_ref (certificate) : NULL;
  g_mutex_init (&self->mutex);
  g_cond_init (&self->cond);
  self->context = g_main_context_new ();
  self->loop = g_main_loop_new (self->context, FALSE);
  self->thread = g_thread_new ("syn-test-server", server_thread, self);

  g_mutex_lock (&self->mutex);
  while (!self->ready)
    g_cond_wait (&self->cond, &self->mutex);
  g_mutex_unlock (&self->mutex);
  return self;
}

static gboolean
quit_cb (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

void
syn_test_server_stop (SynTestServer *self)
{
  g_main_context_invoke (self->context, quit_cb, self->loop);
  g_thread_join (self->thread);
  g_main_loop_unref (self->loop);
  g_main_context_unref (self->context);
  g_clear_object (&self->certificate);
  g_free (self->base);
  g_free (self->tls_base);
  g_mutex_clear (&self->mutex);
  g_cond_clear (&self->cond);
  g_free (self);
}

const char *
syn_test_server_get_base (SynTestServer *self)
{
  return self->base;
}

const char *
syn_test_server_get_tls_base (SynTestServer *self)
{
  return self->tls_base;
}

char *
syn_test_server_dup_url (SynTestServer *self,
                         const char    *path)
{
  return g_strconcat (self->base, path, NULL);
}

GMainContext *
syn_test_server_get_context (SynTestServer *self)
{
  return self->context;
}
