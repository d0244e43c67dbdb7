/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Saving a comparison: File → Save (Ctrl+S) and Save As (Ctrl+Shift+S)
 * write a `.synopsis` file that holds every text as compared, so it reopens
 * the same when the files changed or are gone (see syn-saved.c). Save
 * writes to the file the comparison was opened from or last saved to, and
 * asks for a name only the first time. Writing is atomic (a temporary file
 * renamed over the target) and never over one of the compared files. A
 * saved comparison is remembered among the recent ones as itself, and
 * opening one brings back its segment unit, which the menu then shows.
 */
#define G_LOG_DOMAIN "syn-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "syn-compat.h"
#include "syn-model.h"
#include "syn-window-private.h"

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(SynWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  GFile *file;

  if (!syn_comparison_save_finish (SYN_COMPARISON (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->in_dispose)
        return;
      message = g_strdup_printf (_("Could not save the comparison: %s"), error->message);
      _syn_window_add_toast (self, message, SYN_WINDOW_FAILURE_TOAST_TIMEOUT);
      return;
    }
  if (self->in_dispose)
    return;
  file = syn_comparison_get_file (self->comparison);
  name = _syn_window_file_display_name (file);
  message = g_strdup_printf (_("Saved as “%s”"), name);
  _syn_window_add_toast (self, message, 5);
  _syn_window_remember_comparison (self);
}

void
syn_window_save_to (SynWindow *self,
                    GFile     *file)
{
  SynArticle *clash;

  g_return_if_fail (SYN_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if ((clash = _syn_window_find_source_file (self, file)) != NULL)
    {
      g_autofree char *message =
        g_strdup_printf (_("“%s” is one of the compared files, and Synopsis never writes to them: "
                           "choose another name"), syn_article_get_name (clash));

      _syn_window_add_toast (self, message, SYN_WINDOW_FAILURE_TOAST_TIMEOUT);
      return;
    }
  syn_comparison_save_async (self->comparison, file, self->cancellable, saved_cb, g_object_ref (self));
}

/* A name to offer: the saved file's, else the first headline's, else
 * "comparison". */
static char *
suggest_name (SynWindow *self)
{
  GListModel *articles = syn_comparison_get_articles (self->comparison);
  g_autoptr(SynArticle) first = g_list_model_get_item (articles, 0);
  const char *title = first ? syn_article_get_title (first) : NULL;
  g_autofree char *base = NULL;
  g_autoptr(GString) name = NULL;

  if (syn_comparison_get_file (self->comparison) != NULL)
    return g_file_get_basename (syn_comparison_get_file (self->comparison));
  base = g_utf8_substring (title ? title : _("comparison"), 0, 60);
  name = g_string_new (g_strstrip (base));
  /* No folder separators in a file name. */
  g_string_replace (name, "/", "-", 0);
  g_string_append (name, ".synopsis");
  return g_string_free (g_steal_pointer (&name), FALSE);
}

static GtkFileFilter *
make_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Saved Comparisons"));
  gtk_file_filter_add_mime_type (filter, "application/x-synopsis");
  gtk_file_filter_add_suffix (filter, "synopsis");
  return filter;
}

static void
target_chosen_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  SynWindow *self = SYN_WINDOW (object);
  g_autoptr(GFile) file = syn_compat_save_file_finish (GTK_WINDOW (self), result, NULL);

  if (file != NULL && !self->in_dispose)
    syn_window_save_to (self, file);
}

static void
choose_target (SynWindow *self)
{
  g_autoptr(GtkFileFilter) filter = make_filter ();
  g_autofree char *name = suggest_name (self);

  syn_compat_save_file_async (GTK_WINDOW (self), _("Save the Comparison"), _("_Save"), name, filter,
                              self->cancellable, target_chosen_cb, NULL);
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  SynWindow *self = SYN_WINDOW (widget);
  GFile *file = syn_comparison_get_file (self->comparison);

  if (file != NULL)
    syn_window_save_to (self, file);
  else
    choose_target (self);
}

static void
save_as_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  choose_target (SYN_WINDOW (widget));
}

static void
update_save_actions (SynWindow *self)
{
  gboolean can_save = syn_comparison_get_alignment (self->comparison) != NULL &&
                      !syn_comparison_get_busy (self->comparison);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save", can_save);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as", can_save);
}

/* A saved comparison opened with its own unit: the Segment By menu (the
 * setting) follows, so it shows what the window shows. */
static void
unit_changed_cb (SynWindow *self)
{
  SynSegmentUnit unit = syn_comparison_get_segment_unit (self->comparison);

  g_autofree char *current = g_settings_get_string (self->settings, "segment-unit");

  if (g_strcmp0 (current, syn_segment_unit_to_string (unit)) != 0)
    g_settings_set_string (self->settings, "segment-unit", syn_segment_unit_to_string (unit));
}

void
_syn_window_init_save (SynWindow *self)
{
  g_signal_connect_object (self->comparison, "aligned", G_CALLBACK (update_save_actions), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->comparison, "notify::busy", G_CALLBACK (update_save_actions), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->comparison, "notify::segment-unit", G_CALLBACK (unit_changed_cb), self,
                           G_CONNECT_SWAPPED);
  /* saved, saved as, opened, corrected, undone: the title names the file
   * and says whether it holds everything */
  g_signal_connect_object (self->comparison, "notify::file", G_CALLBACK (_syn_window_update_title), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->comparison, "notify::modified", G_CALLBACK (_syn_window_update_title), self,
                           G_CONNECT_SWAPPED);
  update_save_actions (self);
}

void
_syn_window_class_init_save (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_activated);
}
