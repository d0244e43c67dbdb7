/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The application's settings, also where its schema is not installed.
 *
 * g_settings_new() aborts the process when the schema is missing, which is
 * what a program started straight from the build tree meets
 * (`meson devenv -C _build synopsis` finds the build tree's schema). Then
 * the settings are made from the compiled schema built into the program,
 * on one memory backend shared by every GSettings of the process: the
 * application and its windows agree, and nothing is kept after it quits.
 * One warning says so.
 */
#define G_LOG_DOMAIN "syn-ui"

#include "config.h"

#include <glib/gstdio.h>
#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>

#include "syn-schema-resources.h"
#include "syn-settings.h"

#define BUILTIN_SCHEMA "/io/github/synopsis_app/Synopsis/schema/gschemas.compiled"

/* The schema built into the program. A schema source is only ever made
 * from a folder, so the compiled schema goes through a private one,
 * removed as soon as the source has read it. */
static GSettingsSchema *
load_builtin_schema (void)
{
  g_autoptr(GBytes) bytes = g_resource_lookup_data (syn_schema_get_resource (), BUILTIN_SCHEMA,
                                                    G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autoptr(GSettingsSchemaSource) source = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("synopsis-schema-XXXXXX", &error);
  g_autofree char *path = NULL;
  GSettingsSchema *schema = NULL;

  g_assert (bytes != NULL);
  if (dir == NULL)
    g_error ("No folder for the built-in settings schema: %s", error->message);
  path = g_build_filename (dir, "gschemas.compiled", NULL);
  if (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes), &error))
    source = g_settings_schema_source_new_from_directory (dir, NULL, FALSE, &error);
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, FALSE);
  g_unlink (path);
  g_rmdir (dir);
  if (schema == NULL)
    g_error ("The built-in settings schema cannot be read: %s",
             error != NULL ? error->message : "no " APP_ID " in it");
  return schema;
}

/* The settings from @source's schema, or (when @source is NULL or lacks
 * it) from the built-in one, in memory. */
GSettings *
syn_settings_new_from_source (GSettingsSchemaSource *source)
{
  static GSettingsSchema *builtin;
  static GSettingsBackend *memory;
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema != NULL)
    return g_settings_new_full (schema, NULL, NULL);

  if (g_once_init_enter (&builtin))
    {
      GSettingsSchema *loaded = load_builtin_schema ();

      memory = g_memory_settings_backend_new ();
      g_warning ("The settings schema %s is not installed: settings will not be kept "
                 "(from the build tree, run “meson devenv -C _build synopsis”)", APP_ID);
      g_once_init_leave (&builtin, loaded);
    }
  return g_settings_new_full (builtin, memory, NULL);
}

/* The settings every part of the application reads: what
 * g_settings_new (APP_ID) gives where the schema is installed. */
GSettings *
syn_settings_new (void)
{
  return syn_settings_new_from_source (g_settings_schema_source_get_default ());
}
