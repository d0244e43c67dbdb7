/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "syn-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "syn-core.h"
#include "syn-loader.h"
#include "syn-window.h"

struct _SynWindow
{
  AdwApplicationWindow  parent_instance;

  GtkBox               *columns;
};

G_DEFINE_FINAL_TYPE (SynWindow, syn_window, ADW_TYPE_APPLICATION_WINDOW)

static const char * const sample_names[] = { "sample-1.txt", "sample-2.txt", "sample-3.txt" };

static void
clear_columns (SynWindow *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->columns))) != NULL)
    gtk_box_remove (self->columns, child);
}

static void
add_column (SynWindow  *self,
            const char *name,
            const char *text,
            gsize       len)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title = gtk_label_new (name);
  GtkWidget *body = gtk_label_new (NULL);
  g_autofree char *copy = g_strndup (text, len);

  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_text (GTK_LABEL (body), copy);
  gtk_label_set_wrap (GTK_LABEL (body), TRUE);
  gtk_label_set_xalign (GTK_LABEL (body), 0);
  gtk_label_set_selectable (GTK_LABEL (body), TRUE);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), body);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_hexpand (scroller, TRUE);
  gtk_widget_set_size_request (scroller, 280, -1);
  gtk_box_append (self->columns, scroller);
}

void
syn_window_open_files (SynWindow  *self,
                       GFile     **files,
                       guint       n_files)
{
  g_return_if_fail (SYN_IS_WINDOW (self));

  clear_columns (self);
  for (guint i = 0; i < n_files; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SynDecoded) decoded = syn_load_file (files[i], NULL, &error);
      g_autofree char *name = g_file_get_basename (files[i]);
      const char *text;
      gsize len;

      if (decoded == NULL)
        {
          g_message ("%s", error->message);
          continue;
        }
      text = syn_decoded_get_text (decoded, &len);
      add_column (self, name, text, len);
    }
}

void
syn_window_show_sample (SynWindow *self)
{
  g_return_if_fail (SYN_IS_WINDOW (self));

  clear_columns (self);
  for (guint i = 0; i < G_N_ELEMENTS (sample_names); i++)
    {
      g_autofree char *path = g_strdup_printf ("/io/github/synopsis_app/Synopsis/samples/%s", sample_names[i]);
      g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, NULL);
      gsize len;
      const char *text = g_bytes_get_data (bytes, &len);

      add_column (self, sample_names[i], text, len);
    }
}

static void
syn_window_class_init (SynWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/synopsis_app/Synopsis/syn-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SynWindow, columns);
}

static void
syn_window_init (SynWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

SynWindow *
syn_window_new (SynApplication *application)
{
  return g_object_new (SYN_TYPE_WINDOW, "application", application, NULL);
}
