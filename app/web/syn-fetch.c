/* SPDX-License-Identifier: GPL-3.0-or-later
 * PLACEHOLDER until the fetcher lands (not to be committed to a landing). */
#define G_LOG_DOMAIN "syn-web"

#include "config.h"

#include "syn-fetch.h"

G_DEFINE_QUARK (syn-fetch-error-quark, syn_fetch_error)

gboolean
syn_fetch_is_web_uri (const char *uri)
{
  return uri != NULL && (g_str_has_prefix (uri, "http://") || g_str_has_prefix (uri, "https://"));
}

SynFetched *
syn_fetch (const char             *uri,
           const SynFetchOptions  *options,
           SynFetchProgressFunc    progress,
           gpointer                user_data,
           GCancellable           *cancellable,
           GError                **error)
{
  g_set_error_literal (error, SYN_FETCH_ERROR, SYN_FETCH_ERROR_NETWORK, "not yet");
  return NULL;
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
