/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Corrections made by hand in the window: link, unlink, split, merge, a
 * note on a group, undo and redo (the model keeps them: syn-comparison.h),
 * and the question a window with unsaved corrections asks when it closes.
 *
 * Linking and merging need a second passage: the window enters a picking
 * state, says so in a toast, and takes the next passage clicked in another
 * column, or the one the keyboard moved to when Enter is pressed. Escape
 * leaves it. The passage a correction applies to is the selected one; a
 * right click selects the passage under the pointer before the menu opens
 * (syn-article-view.c), so the menu's corrections apply to it.
 */
#define G_LOG_DOMAIN "syn-ui"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "syn-compat.h"
#include "syn-model.h"
#include "syn-window-private.h"

/* How long after a correction its copy is written: a burst of them makes
 * one write. */
#define AUTOSAVE_DELAY_MS 3000

static SynPassage *
selected_passage (SynWindow *self)
{
  SynPassage *passage = syn_comparison_view_get_selected_passage (self->view);

  if (passage == NULL)
    _syn_window_add_toast (self, _("Select a passage first: click it, or move to it with the arrow keys"), 5);
  return passage;
}

/* Picking the second passage */

/* libadwaita 1.2 crashes when a toast is dismissed before its entrance
 * animation ends (a quick Ctrl+K then Escape): a toast is dismissed once it
 * has been up this long. */
#define TOAST_MIN_SHOWN_US (G_USEC_PER_SEC * 3 / 4)

typedef struct {
  AdwToast *toast;
  GWeakRef  window;
} LateDismissal;

static gboolean
dismiss_late_cb (gpointer data)
{
  LateDismissal *late = data;
  g_autoptr(SynWindow) window = g_weak_ref_get (&late->window);

  if (window != NULL && !window->in_dispose)
    adw_toast_dismiss (late->toast);
  return G_SOURCE_REMOVE;
}

static void
late_dismissal_free (gpointer data)
{
  LateDismissal *late = data;

  g_object_unref (late->toast);
  g_weak_ref_clear (&late->window);
  g_free (late);
}

static void
dismiss_pick_toast (SynWindow *self)
{
  gint64 shown = g_get_monotonic_time () - self->pick_toast_since;
  LateDismissal *late;

  if (self->pick_toast == NULL)
    return;
  if (shown >= TOAST_MIN_SHOWN_US)
    adw_toast_dismiss (self->pick_toast);
  else
    {
      late = g_new0 (LateDismissal, 1);
      late->toast = g_object_ref (self->pick_toast);
      g_weak_ref_init (&late->window, self);
      g_timeout_add_full (G_PRIORITY_DEFAULT, (guint) ((TOAST_MIN_SHOWN_US - shown) / 1000) + 1,
                          dismiss_late_cb, late, late_dismissal_free);
    }
  g_clear_weak_pointer (&self->pick_toast);
}

static void
set_picking (SynWindow  *self,
             SynPassage *from,
             gboolean    merge)
{
  g_set_object (&self->pick_from, from);
  self->pick_merge = merge;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.pick-confirm", from != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.pick-cancel", from != NULL);
  dismiss_pick_toast (self);
  if (from != NULL)
    {
      AdwToast *toast = adw_toast_new (merge ? _("Pick a passage of the group to merge with: click it, or move to it and press Enter. Escape cancels.")
                                             : _("Pick the passage to link with in another column: click it, or move to it and press Enter. Escape cancels."));

      adw_toast_set_timeout (toast, 0);
      g_set_weak_pointer (&self->pick_toast, toast);
      self->pick_toast_since = g_get_monotonic_time ();
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
}

/* Completes the link or merge with @target; FALSE (still picking) when
 * @target cannot be the other end. */
static gboolean
finish_pick (SynWindow  *self,
             SynPassage *target,
             gboolean    explain)
{
  g_autoptr(SynPassage) from = NULL;
  gboolean done;

  if (self->pick_from == NULL)
    return FALSE;
  if (target == NULL || target == self->pick_from)
    {
      /* a click elsewhere (the menu that started the pick) says nothing */
      if (explain)
        _syn_window_add_toast (self, _("Move to the other passage first: Alt+Right or Alt+Left for another column, "
                                     "Down or Up for its passages"), 5);
      return FALSE;
    }
  if (!self->pick_merge && syn_passage_get_article (target) == syn_passage_get_article (self->pick_from))
    {
      _syn_window_add_toast (self, _("Pick a passage in another column"), 3);
      return FALSE;
    }
  from = g_object_ref (self->pick_from);
  set_picking (self, NULL, FALSE);
  done = self->pick_merge ? syn_comparison_merge_groups (self->comparison, from, target)
                          : syn_comparison_link_passages (self->comparison, from, target);
  if (!done)
    _syn_window_add_toast (self, _("These passages are already in one group"), 3);
  return TRUE;
}

static gboolean
pick_clicked_idle (gpointer data)
{
  SynWindow *self = data;

  if (self->pick_from != NULL)
    finish_pick (self, syn_comparison_view_get_selected_passage (self->view), FALSE);
  return G_SOURCE_REMOVE;
}

/* A click selects the passage (the view handles it); the pick follows once
 * it has. */
static void
pick_released_cb (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  SynWindow       *self)
{
  if (self->pick_from != NULL)
    g_idle_add_full (G_PRIORITY_DEFAULT, pick_clicked_idle, g_object_ref (self), g_object_unref);
}

static void
pick_confirm_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  SynWindow *self = SYN_WINDOW (widget);

  finish_pick (self, syn_comparison_view_get_selected_passage (self->view), TRUE);
}

static void
pick_cancel_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  set_picking (SYN_WINDOW (widget), NULL, FALSE);
}

/* The corrections */

static void
link_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  SynWindow *self = SYN_WINDOW (widget);
  SynPassage *passage = selected_passage (self);

  if (passage != NULL)
    set_picking (self, passage, g_str_equal (action_name, "win.merge-groups"));
}

static void
unlink_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  SynWindow *self = SYN_WINDOW (widget);
  SynPassage *passage = selected_passage (self);

  if (passage != NULL && !syn_comparison_unlink_passage (self->comparison, passage))
    _syn_window_add_toast (self, _("This passage is in no group"), 3);
}

static void
split_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  SynWindow *self = SYN_WINDOW (widget);
  SynPassage *passage = selected_passage (self);

  if (passage != NULL && !syn_comparison_split_group (self->comparison, passage))
    _syn_window_add_toast (self, _("Split a group at a passage of its second column or later"), 5);
}

static void
note_response_cb (GtkWidget  *dialog,
                  const char *response,
                  GtkEditable *entry)
{
  SynWindow *self = g_object_get_data (G_OBJECT (dialog), "syn-window");
  SynGroup *group = g_object_get_data (G_OBJECT (dialog), "syn-group");

  if (g_str_equal (response, "save") && self != NULL)
    syn_comparison_set_group_note (self->comparison, group, gtk_editable_get_text (entry));
}

static void
note_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  SynWindow *self = SYN_WINDOW (widget);
  SynPassage *passage = selected_passage (self);
  SynGroup *group;
  GtkWidget *dialog, *entry;
  const char *note;

  if (passage == NULL)
    return;
  if ((group = syn_passage_get_group (passage)) == NULL)
    {
      _syn_window_add_toast (self, _("Notes go on groups: this passage is in none"), 3);
      return;
    }
  note = syn_comparison_get_group_note (self->comparison, group);
  dialog = syn_compat_alert_new (GTK_WINDOW (self), _("Note on This Group"),
                            _("Saved with the comparison and shown in the report. Leave it empty to remove it."));
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), note != NULL ? note : "");
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  syn_compat_alert_set_extra_child (dialog, entry);
  syn_compat_alert_add_response (dialog, "cancel", _("_Cancel"));
  syn_compat_alert_add_response (dialog, "save", _("_Save Note"));
  syn_compat_alert_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  syn_compat_alert_set_default_response (dialog, "save");
  syn_compat_alert_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "syn-group", g_object_ref (group), g_object_unref);
  g_object_set_data (G_OBJECT (dialog), "syn-window", self);
  g_signal_connect (dialog, "response", G_CALLBACK (note_response_cb), entry);
  syn_compat_dialog_present (dialog, GTK_WINDOW (self));
}

static void
undo_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  SynWindow *self = SYN_WINDOW (widget);

  set_picking (self, NULL, FALSE);
  if (g_str_equal (action_name, "win.undo"))
    syn_comparison_undo (self->comparison);
  else
    syn_comparison_redo (self->comparison);
}

static void
update_edit_actions (SynWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean loaded = syn_comparison_get_alignment (self->comparison) != NULL;

  gtk_widget_action_set_enabled (widget, "win.undo", syn_comparison_can_undo (self->comparison));
  gtk_widget_action_set_enabled (widget, "win.redo", syn_comparison_can_redo (self->comparison));
  gtk_widget_action_set_enabled (widget, "win.link-passage", loaded);
  gtk_widget_action_set_enabled (widget, "win.unlink-passage", loaded);
  gtk_widget_action_set_enabled (widget, "win.split-group", loaded);
  gtk_widget_action_set_enabled (widget, "win.merge-groups", loaded);
  gtk_widget_action_set_enabled (widget, "win.group-note", loaded);
}

/* A re-alignment detaches the passage being linked: start again. */
static void
aligned_cb (SynWindow *self)
{
  if (self->pick_from != NULL && syn_passage_get_article (self->pick_from) == NULL)
    set_picking (self, NULL, FALSE);
  update_edit_actions (self);
}

/* Closing with corrections not saved */

static void
close_response_cb (GtkWidget  *dialog,
                   const char *response,
                   SynWindow  *self)
{
  if (g_str_equal (response, "discard"))
    {
      /* the copy goes now, whoever still holds the window */
      g_clear_pointer (&self->autosave, syn_autosave_free);
      self->close_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
  else if (g_str_equal (response, "save"))
    {
      /* closes once saved (see modified_cb); a cancelled file chooser
       * leaves the window open */
      self->close_after_save = TRUE;
      gtk_widget_activate_action (GTK_WIDGET (self), "win.save", NULL);
    }
  g_object_unref (self);
}

static gboolean
close_request_cb (SynWindow *self)
{
  GtkWidget *dialog;

  if (self->close_confirmed || !syn_comparison_get_modified (self->comparison))
    return FALSE;
  dialog = syn_compat_alert_new (GTK_WINDOW (self), _("Save Changes?"),
                            _("The changes made to this comparison have not been saved. "
                              "If you close without saving, they will be lost."));
  syn_compat_alert_add_response (dialog, "cancel", _("_Cancel"));
  syn_compat_alert_add_response (dialog, "discard", _("_Discard"));
  syn_compat_alert_add_response (dialog, "save", _("_Save"));
  syn_compat_alert_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  syn_compat_alert_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  syn_compat_alert_set_default_response (dialog, "save");
  syn_compat_alert_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (close_response_cb), g_object_ref (self));
  syn_compat_dialog_present (dialog, GTK_WINDOW (self));
  return TRUE;
}

static void
modified_cb (SynWindow *self)
{
  gboolean modified = syn_comparison_get_modified (self->comparison);

  if (modified)
    self->close_confirmed = FALSE;
  else if (self->close_after_save)
    {
      self->close_after_save = FALSE;
      gtk_window_close (GTK_WINDOW (self));
    }
}

/* Restoring what a crash left */

/* The restored comparison is nobody's file: it keeps its corrections to
 * save, and its own copy replaces the one it came from. */
static void
restored_cb (SynWindow *self)
{
  g_autoptr(GFile) from = NULL;
  g_autoptr(GError) error = NULL;

  if (self->restoring == NULL || self->autosave == NULL || syn_comparison_get_file (self->comparison) == NULL ||
      !g_file_equal (syn_comparison_get_file (self->comparison), self->restoring))
    return;
  from = g_steal_pointer (&self->restoring);
  syn_comparison_mark_unsaved (self->comparison);
  if (syn_autosave_write_now (self->autosave, &error))
    syn_autosave_delete_orphan (from);
  else
    g_warning ("Could not keep a copy of the restored comparison: %s", error->message);
}

static void
restore_response_cb (GtkWidget  *dialog,
                     const char *response,
                     SynWindow  *self)
{
  GPtrArray *orphans = g_object_get_data (G_OBJECT (dialog), "syn-orphans");

  if (g_str_equal (response, "restore"))
    {
      SynWindow *window = self;
      GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

      if (!syn_window_is_disposable (self) && app != NULL)
        window = syn_window_new (SYN_APPLICATION (app));
      g_set_object (&window->restoring, orphans->pdata[0]);
      syn_window_open_files (window, (GFile **) &orphans->pdata[0], 1);
      gtk_window_present (GTK_WINDOW (window));
    }
  else if (g_str_equal (response, "discard"))
    for (guint i = 0; i < orphans->len; i++)
      syn_autosave_delete_orphan (orphans->pdata[i]);
  g_object_unref (self);
}

/* What a copy holds: the whole comparison as it was (syn-autosave.c),
 * which is what a reader changed by hand and did not save. Restore opens
 * the latest copy; the others stay for the next start, Discard deletes
 * them all. */
static void
ask_restore (SynWindow *self,
             GPtrArray *orphans)
{
  GtkWidget *dialog;
  g_autofree char *body = NULL;

  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Synopsis closed before the changes to a comparison were saved. "
                                       "A copy was kept with its texts, the passages you linked or "
                                       "separated, your notes, and the names and order of its columns.",
                                       "Synopsis closed before the changes to %u comparisons were saved. "
                                       "A copy of each was kept with its texts, the passages you linked "
                                       "or separated, your notes, and the names and order of its columns. "
                                       "Restore opens the latest, the others are offered next time; "
                                       "Discard deletes them all.",
                                       orphans->len),
                          orphans->len);
  dialog = syn_compat_alert_new (GTK_WINDOW (self), _("Restore the Unsaved Comparison?"), body);
  syn_compat_alert_add_response (dialog, "later", _("_Not Now"));
  syn_compat_alert_add_response (dialog, "discard", _("_Discard"));
  syn_compat_alert_add_response (dialog, "restore", _("_Restore"));
  syn_compat_alert_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  syn_compat_alert_set_response_appearance (dialog, "restore", ADW_RESPONSE_SUGGESTED);
  syn_compat_alert_set_default_response (dialog, "restore");
  syn_compat_alert_set_close_response (dialog, "later");
  g_object_set_data_full (G_OBJECT (dialog), "syn-orphans", g_ptr_array_ref (orphans),
                          (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (restore_response_cb), g_object_ref (self));
  syn_compat_dialog_present (dialog, GTK_WINDOW (self));
}

/* Asked over the window, once it is on screen. */
static gboolean
ask_restore_idle (gpointer data)
{
  SynWindow *self = data;
  g_autoptr(GPtrArray) orphans = syn_autosave_find_orphans (NULL);

  if (orphans->len > 0 && !self->in_dispose)
    ask_restore (self, orphans);
  return G_SOURCE_REMOVE;
}

static void
mapped_cb (SynWindow *self)
{
  g_signal_handlers_disconnect_by_func (self, mapped_cb, NULL);
  g_idle_add_full (G_PRIORITY_LOW, ask_restore_idle, g_object_ref (self), g_object_unref);
}

void
syn_window_offer_restore (SynWindow *self)
{
  g_return_if_fail (SYN_IS_WINDOW (self));

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    mapped_cb (self);
  else
    g_signal_connect (self, "map", G_CALLBACK (mapped_cb), NULL);
}

void
_syn_window_init_edits (SynWindow *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *keys = gtk_shortcut_controller_new ();

  g_signal_connect_object (self->comparison, "aligned", G_CALLBACK (aligned_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->comparison, "edits-changed", G_CALLBACK (update_edit_actions), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->comparison, "notify::modified", G_CALLBACK (modified_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect (self, "close-request", G_CALLBACK (close_request_cb), NULL);
  g_signal_connect_object (self->comparison, "aligned", G_CALLBACK (restored_cb), self, G_CONNECT_SWAPPED);
  self->autosave = syn_autosave_new (self->comparison, NULL, AUTOSAVE_DELAY_MS);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect (click, "released", G_CALLBACK (pick_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->view), GTK_EVENT_CONTROLLER (click));

  /* Before the view's own Escape and the columns' keys, while picking only
   * (the actions are disabled otherwise, and the keys go on). */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("Escape"),
                                                          gtk_named_action_new ("win.pick-cancel")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("Return|KP_Enter"),
                                                          gtk_named_action_new ("win.pick-confirm")));
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  set_picking (self, NULL, FALSE);
  update_edit_actions (self);
}

void
_syn_window_dispose_edits (SynWindow *self)
{
  /* Closed as the user chose (saved, discarded, nothing to save): the copy
   * goes. Destroyed otherwise (the session ending): it stays, and is
   * offered back on the next start. */
  if (self->autosave != NULL && syn_comparison_get_modified (self->comparison) && !self->close_confirmed)
    {
      g_autoptr(GError) error = NULL;

      if (!syn_autosave_write_now (self->autosave, &error))
        g_warning ("Could not keep a copy of the unsaved comparison: %s", error->message);
      syn_autosave_detach (g_steal_pointer (&self->autosave));
    }
  g_clear_pointer (&self->autosave, syn_autosave_free);
  g_clear_object (&self->restoring);
  g_clear_object (&self->pick_from);
  g_clear_weak_pointer (&self->pick_toast);
}

void
_syn_window_class_init_edits (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.link-passage", NULL, link_activated);
  gtk_widget_class_install_action (widget_class, "win.merge-groups", NULL, link_activated);
  gtk_widget_class_install_action (widget_class, "win.unlink-passage", NULL, unlink_activated);
  gtk_widget_class_install_action (widget_class, "win.split-group", NULL, split_activated);
  gtk_widget_class_install_action (widget_class, "win.group-note", NULL, note_activated);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_activated);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, undo_activated);
  gtk_widget_class_install_action (widget_class, "win.pick-confirm", NULL, pick_confirm_activated);
  gtk_widget_class_install_action (widget_class, "win.pick-cancel", NULL, pick_cancel_activated);
}
