/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "syn-model"

#include "config.h"

#include <glib/gi18n.h>

#include "syn-loader.h"

static void
prefix_error_with_name (GError **error,
                        GFile   *file)
{
  g_autofree char *name = g_file_get_parse_name (file);
  g_prefix_error (error, _("“%s”: "), name);
}

SynDecoded *
syn_load_file (GFile         *file,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autofree char *data = NULL;
  gsize len = 0;
  SynDecoded *decoded;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (!g_file_load_contents (file, cancellable, &data, &len, NULL, error))
    return NULL;
  decoded = syn_decode ((const guint8 *) data, len, error);
  if (decoded == NULL)
    prefix_error_with_name (error, file);
  return decoded;
}
