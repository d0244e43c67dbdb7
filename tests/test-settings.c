/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The application's settings with and without an installed schema: where
 * it is missing the program must run, on settings kept in memory, and
 * say so once, instead of aborting.
 */
#define G_LOG_DOMAIN "syn-test"

#include "config.h"

#include "syn-settings.h"

/* The test environment installs the build tree's schema
 * (GSETTINGS_SCHEMA_DIR): the settings are the schema's, no warning. */
static void
test_installed (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *unit = NULL;

  g_assert_nonnull (source);
  schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  g_assert_nonnull (schema);
  settings = syn_settings_new ();
  unit = g_settings_get_string (settings, "segment-unit");
  g_assert_cmpstr (unit, ==, "sentence");
}

/* The system's schema folder, when it has schemas but not ours. */
static GSettingsSchemaSource *
system_source_without_ours (void)
{
  const char *dirs[] = { "/usr/share/glib-2.0/schemas", "/usr/local/share/glib-2.0/schemas" };

  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autoptr(GSettingsSchemaSource) source = g_settings_schema_source_new_from_directory (dirs[i], NULL,
                                                                                            FALSE, NULL);
      g_autoptr(GSettingsSchema) ours = NULL;

      if (source == NULL)
        continue;
      ours = g_settings_schema_source_lookup (source, APP_ID, FALSE);
      if (ours == NULL)
        return g_steal_pointer (&source);
    }
  return NULL;
}

/* No schema: one warning, then settings with the schema's defaults that
 * every part of the program shares, and that leave the real backend alone. */
static void
test_missing (void)
{
  g_autoptr(GSettings) app = NULL;
  g_autoptr(GSettings) window = NULL;
  g_autoptr(GSettings) installed = syn_settings_new ();
  g_autofree char *unit = NULL;
  g_autofree char *installed_unit = NULL;
  g_autoptr(GSettingsSchemaSource) other = NULL;

  g_test_expect_message ("syn-ui", G_LOG_LEVEL_WARNING, "*" APP_ID " is not installed*");
  app = syn_settings_new_from_source (NULL);
  g_test_assert_expected_messages ();

  g_assert_cmpint (g_settings_get_int (app, "window-width"), ==, 1200);
  g_assert_true (g_settings_get_boolean (app, "show-boilerplate"));
  g_assert_true (g_settings_is_writable (app, "segment-unit"));
  g_assert_true (g_settings_set_string (app, "segment-unit", "line"));

  /* a second one (a window's) says nothing more, and sees the change;
   * fatal-warnings would end the test on a second warning */
  window = syn_settings_new_from_source (NULL);
  unit = g_settings_get_string (window, "segment-unit");
  g_assert_cmpstr (unit, ==, "line");

  installed_unit = g_settings_get_string (installed, "segment-unit");
  g_assert_cmpstr (installed_unit, ==, "sentence");

  /* a schema source with other schemas but not ours is no different */
  other = system_source_without_ours ();
  if (other != NULL)
    {
      g_autoptr(GSettings) settings = syn_settings_new_from_source (other);
      g_autofree char *other_unit = g_settings_get_string (settings, "segment-unit");

      g_assert_cmpstr (other_unit, ==, "line");
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ui/settings/installed", test_installed);
  g_test_add_func ("/ui/settings/missing", test_missing);

  return g_test_run ();
}
