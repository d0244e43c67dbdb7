/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The application: one instance per session. Files named on the command
 * line, or sent by a second `synopsis FILE…`, open as a comparison in a
 * window; with no files the window shows the built-in sample. The headless
 * export (`--export=json|text`) is answered in handle_local_options(),
 * before GTK is initialised, so it never needs a display.
 */
#define G_LOG_DOMAIN "syn-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "syn-application.h"
#include "syn-compat.h"
#include "syn-headless.h"
#include "syn-settings.h"
#include "syn-style.h"
#include "syn-window.h"

struct _SynApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  GPtrArray      *pending_files;   /* GFile, from this process's command line */
};

G_DEFINE_FINAL_TYPE (SynApplication, syn_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "export", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Compare the files without a window and print the comparison (json or text), write a report (html) or save it (synopsis)"), N_("FORMAT") },
  { "segment", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Split texts into sentences (default), lines or paragraphs"), N_("UNIT") },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the export to FILE instead of standard output"), N_("FILE") },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, N_("[FILE…]") },
  { NULL }
};

SynApplication *
syn_application_new (void)
{
  return g_object_new (SYN_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/synopsis_app/Synopsis",
                       NULL);
}

GSettings *
syn_application_get_settings (SynApplication *self)
{
  g_return_val_if_fail (SYN_IS_APPLICATION (self), NULL);

  return self->settings;
}

static int
run_export (GVariantDict *options,
            const char   *format_name,
            const char  **files)
{
  SynExportFormat format;
  SynSegmentUnit unit = SYN_SEGMENT_SENTENCE;
  const char *unit_name = NULL;
  const char *output = NULL;
  gboolean unit_given;

  if (!syn_export_format_from_string (format_name, &format))
    {
      g_printerr (_("Unknown export format “%s”: use json, text, html or synopsis.\n"), format_name);
      return 1;
    }
  unit_given = g_variant_dict_lookup (options, "segment", "&s", &unit_name);
  if (unit_given && !syn_segment_unit_from_string (unit_name, &unit))
    {
      g_printerr (_("Unknown unit “%s”: use sentence, line or paragraph.\n"), unit_name);
      return 1;
    }
  g_variant_dict_lookup (options, "output", "^&ay", &output);
  /* Without --segment, a saved comparison keeps its own unit. */
  return syn_headless_run (files, format, unit_given ? &unit : NULL, output);
}

static int
syn_application_handle_local_options (GApplication *app,
                                      GVariantDict *options)
{
  SynApplication *self = SYN_APPLICATION (app);
  g_autofree const char **files = NULL;
  const char *format_name = NULL;
  g_autoptr(GError) error = NULL;

  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &files);

  if (g_variant_dict_lookup (options, "export", "&s", &format_name))
    return run_export (options, format_name, files);

  for (guint i = 0; files != NULL && files[i] != NULL; i++)
    g_ptr_array_add (self->pending_files, g_file_new_for_commandline_arg (files[i]));

  if (self->pending_files->len > 0)
    {
      /* Files go to the running instance when there is one. */
      if (!g_application_register (app, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      if (g_application_get_is_remote (app))
        {
          g_application_open (app, (GFile **) self->pending_files->pdata,
                              (int) self->pending_files->len, "");
          return 0;
        }
    }
  return -1;
}

/* A window that may show new files instead of what it shows: the only
 * window, when it shows the untouched sample or nothing. */
static SynWindow *
find_reusable_window (SynApplication *self)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  if (windows != NULL && windows->next == NULL &&
      SYN_IS_WINDOW (windows->data) &&
      syn_window_is_disposable (SYN_WINDOW (windows->data)))
    return SYN_WINDOW (windows->data);
  return NULL;
}

/* Once a run: comparisons whose corrections a crash left unsaved. */
static void
offer_restore (SynApplication *self,
               SynWindow      *window)
{
  static gboolean offered;

  if (offered)
    return;
  offered = TRUE;
  syn_window_offer_restore (window);
}

SynWindow *
syn_application_open_files (SynApplication  *self,
                            GFile          **files,
                            guint            n_files)
{
  SynWindow *window;

  g_return_val_if_fail (SYN_IS_APPLICATION (self), NULL);

  window = find_reusable_window (self);
  if (window == NULL)
    window = syn_window_new (self);
  syn_window_open_files (window, files, n_files);
  gtk_window_present (GTK_WINDOW (window));
  offer_restore (self, window);
  return window;
}

static void
syn_application_activate (GApplication *app)
{
  SynApplication *self = SYN_APPLICATION (app);
  GtkWindow *window;

  if (self->pending_files->len > 0)
    {
      g_autoptr(GPtrArray) files = g_steal_pointer (&self->pending_files);

      self->pending_files = g_ptr_array_new_with_free_func (g_object_unref);
      syn_application_open_files (self, (GFile **) files->pdata, files->len);
      return;
    }

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window == NULL)
    {
      window = GTK_WINDOW (syn_window_new (self));
      syn_window_show_sample (SYN_WINDOW (window));
    }
  gtk_window_present (window);
  offer_restore (self, SYN_WINDOW (window));
}

static void
syn_application_open (GApplication  *app,
                      GFile        **files,
                      int            n_files,
                      const char    *hint)
{
  syn_application_open_files (SYN_APPLICATION (app), files, (guint) n_files);
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GList *windows = g_list_copy_deep (gtk_application_get_windows (app), (GCopyFunc) g_object_ref, NULL);

  /* Closing the windows cancels what they are loading; the application
   * ends with the last one. A window with unsaved corrections asks first
   * (syn-window-edits.c) and stays if told to. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free_full (windows, g_object_unref);
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *param,
                 gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (app);
  const char *developers[] = { _("The Synopsis developers"), NULL };

  GtkWidget *about = g_object_new (syn_compat_about_type (),
                                   "application-name", _("Synopsis"),
                                   "application-icon", APP_ID,
                                   "developer-name", _("The Synopsis developers"),
                                   "version", PACKAGE_VERSION,
                                   "comments", _("Read several versions of a text side by side: "
                                                 "which sentence corresponds to which, and what differs."),
                                   "developers", developers,
                                   "copyright", _("© 2026 The Synopsis developers"),
                                   "license-type", GTK_LICENSE_GPL_3_0,
                                   "translator-credits", _("translator-credits"),
                                   NULL);

  syn_compat_dialog_present (about, parent);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "about", about_activated },
};

static const struct {
  const char *action;
  const char *accels[3];
} app_accels[] = {
  { "app.quit", { "<Control>q", NULL } },
  { "window.close", { "<Control>w", NULL } },
  { "win.open", { "<Control>o", NULL } },
  { "win.add-source", { "<Control><Shift>o", NULL } },
  { "win.add-from-web", { "<Control>l", NULL } },
  { "win.reload", { "<Control>r", NULL } },
  { "win.save", { "<Control>s", NULL } },
  { "win.save-as", { "<Control><Shift>s", NULL } },
  { "win.export", { "<Control>e", NULL } },
  { "win.print", { "<Control>p", NULL } },
  { "win.undo", { "<Control>z", NULL } },
  { "win.redo", { "<Control><Shift>z", NULL } },
  { "win.link-passage", { "<Control>k", NULL } },
  { "win.unlink-passage", { "<Control><Shift>k", NULL } },
  { "win.merge-groups", { "<Control>m", NULL } },
  { "win.split-group", { "<Control><Shift>m", NULL } },
  { "win.group-note", { "<Control><Shift>n", NULL } },
  { "win.divergent-only", { "<Control>d", NULL } },
  { "win.conflicts-only", { "<Control><Shift>d", NULL } },
  { "win.unique-only", { "<Control>u", NULL } },
  { "win.show-boilerplate", { "<Control>b", NULL } },
  { "app.shortcuts", { "<Control>question", "<Control>slash", NULL } },
};

static void
syn_application_startup (GApplication *app)
{
  SynApplication *self = SYN_APPLICATION (app);
  g_autoptr(GAction) segment_unit = NULL;

  G_APPLICATION_CLASS (syn_application_parent_class)->startup (app);
  syn_style_init ();

  self->settings = syn_settings_new ();

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  syn_compat_add_shortcuts_action (GTK_APPLICATION (app));
  /* Segment by: a stateful action whose state is the setting, so the menu's
   * radio items show it and every window re-aligns when it changes. */
  segment_unit = g_settings_create_action (self->settings, "segment-unit");
  g_action_map_add_action (G_ACTION_MAP (app), segment_unit);

  for (guint i = 0; i < G_N_ELEMENTS (app_accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), app_accels[i].action,
                                           app_accels[i].accels);
}

static void
syn_application_dispose (GObject *object)
{
  SynApplication *self = SYN_APPLICATION (object);

  g_clear_object (&self->settings);
  G_OBJECT_CLASS (syn_application_parent_class)->dispose (object);
}

static void
syn_application_finalize (GObject *object)
{
  SynApplication *self = SYN_APPLICATION (object);

  g_clear_pointer (&self->pending_files, g_ptr_array_unref);
  G_OBJECT_CLASS (syn_application_parent_class)->finalize (object);
}

static void
syn_application_class_init (SynApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = syn_application_dispose;
  object_class->finalize = syn_application_finalize;
  app_class->handle_local_options = syn_application_handle_local_options;
  app_class->startup = syn_application_startup;
  app_class->activate = syn_application_activate;
  app_class->open = syn_application_open;
}

static void
syn_application_init (SynApplication *self)
{
  self->pending_files = g_ptr_array_new_with_free_func (g_object_unref);
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Read several versions of a text side by side."));
}
