/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * File → Print (Ctrl+P): the comparison on paper, or in a PDF through the
 * print dialog's "Print to File" (see syn-print.c for the pages). The
 * dialog runs without blocking the window (in a Flatpak it is the print
 * portal's), and the settings chosen in it are offered again next time.
 * The "Export a report" action lives here too: both hand the comparison
 * over to someone, and both need a comparison to be loaded.
 */
#define G_LOG_DOMAIN "syn-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "syn-print.h"
#include "syn-window-private.h"

#define SETTINGS_KEY "syn-print-settings"
/* The running operation, held until the next one or the window goes. */
#define OPERATION_KEY "syn-print-operation"

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               SynWindow               *self)
{
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR && !self->in_dispose)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *message = NULL;

      gtk_print_operation_get_error (operation, &error);
      message = g_strdup_printf (_("Could not print: %s"), error ? error->message : _("unknown error"));
      _syn_window_add_toast (self, message, SYN_WINDOW_FAILURE_TOAST_TIMEOUT);
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    g_object_set_data_full (G_OBJECT (self), SETTINGS_KEY,
                            g_object_ref (gtk_print_operation_get_print_settings (operation)),
                            g_object_unref);
}

static void
print_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  SynWindow *self = SYN_WINDOW (widget);
  GtkPrintOperation *operation = syn_print_operation_new (self->comparison);
  GtkPrintSettings *settings = g_object_get_data (G_OBJECT (self), SETTINGS_KEY);
  g_autoptr(GError) error = NULL;

  if (operation == NULL)
    return;
  if (settings != NULL)
    gtk_print_operation_set_print_settings (operation, settings);
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), self, 0);
  g_object_set_data_full (G_OBJECT (self), OPERATION_KEY, operation, g_object_unref);
  /* The result comes with "done", once the dialog and the printing are over. */
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, GTK_WINDOW (self),
                               &error) == GTK_PRINT_OPERATION_RESULT_ERROR && error != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not print: %s"), error->message);

      _syn_window_add_toast (self, message, SYN_WINDOW_FAILURE_TOAST_TIMEOUT);
    }
}

static void
update_print_actions (SynWindow *self)
{
  gboolean loaded = syn_comparison_get_alignment (self->comparison) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print", loaded);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-report", loaded);
}

void
_syn_window_init_print (SynWindow *self)
{
  g_signal_connect_object (self->comparison, "aligned", G_CALLBACK (update_print_actions), self,
                           G_CONNECT_SWAPPED);
  update_print_actions (self);
}

void
_syn_window_class_init_print (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_activated);
}
