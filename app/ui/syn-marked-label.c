/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A wrapping label whose text carries the comparison's marks: Pango
 * attributes for tints, weights and underlines, plus the dotted underline of
 * changed words, which Pango cannot draw and this widget draws after the
 * label, from the label's own layout.
 */
#define G_LOG_DOMAIN "syn-ui"

#include "config.h"

#include "syn-marked-label.h"
#include "syn-marks.h"

struct _SynMarkedLabel
{
  GtkWidget  parent_instance;
  GtkWidget *label;
  GArray    *dotted;  /* guint pairs: byte start, end */
};

G_DEFINE_FINAL_TYPE (SynMarkedLabel, syn_marked_label, GTK_TYPE_WIDGET)

static void
syn_marked_label_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  SynMarkedLabel *self = SYN_MARKED_LABEL (widget);
  PangoLayout *layout = gtk_label_get_layout (GTK_LABEL (self->label));
  const SynPalette *palette = syn_marks_get_palette ();
  const char *text = pango_layout_get_text (layout);
  int ox, oy;

  gtk_widget_snapshot_child (widget, self->label, snapshot);
  gtk_label_get_layout_offsets (GTK_LABEL (self->label), &ox, &oy);
  for (guint i = 0; i + 1 < self->dotted->len; i += 2)
    {
      guint start = g_array_index (self->dotted, guint, i);
      guint end = g_array_index (self->dotted, guint, i + 1);
      float x0 = 0, x1 = 0, line_bottom = -1;

      for (const char *p = text + start; p < text + end; p = g_utf8_next_char (p))
        {
          PangoRectangle r;

          pango_layout_index_to_pos (layout, p - text, &r);
          if (PANGO_PIXELS (r.y + r.height) != line_bottom)
            {
              if (line_bottom >= 0)
                syn_marks_snapshot_dotted (snapshot, x0 + ox, x1 + ox, line_bottom + oy - 2,
                                           &palette->changed_line);
              line_bottom = PANGO_PIXELS (r.y + r.height);
              x0 = PANGO_PIXELS (MIN (r.x, r.x + r.width));
            }
          if (!g_unichar_isspace (g_utf8_get_char (p)))
            x1 = PANGO_PIXELS (MAX (r.x, r.x + r.width));
        }
      if (line_bottom >= 0)
        syn_marks_snapshot_dotted (snapshot, x0 + ox, x1 + ox, line_bottom + oy - 2, &palette->changed_line);
    }
}

static void
syn_marked_label_dispose (GObject *object)
{
  SynMarkedLabel *self = SYN_MARKED_LABEL (object);

  g_clear_pointer (&self->label, gtk_widget_unparent);
  g_clear_pointer (&self->dotted, g_array_unref);

  G_OBJECT_CLASS (syn_marked_label_parent_class)->dispose (object);
}

static void
syn_marked_label_class_init (SynMarkedLabelClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = syn_marked_label_dispose;
  GTK_WIDGET_CLASS (klass)->snapshot = syn_marked_label_snapshot;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static void
syn_marked_label_init (SynMarkedLabel *self)
{
  self->dotted = g_array_new (FALSE, FALSE, sizeof (guint));
  self->label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (self->label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (self->label), 0);
  gtk_label_set_selectable (GTK_LABEL (self->label), FALSE);
  /* A comfortable line, not the width of the window. */
  gtk_label_set_max_width_chars (GTK_LABEL (self->label), 120);
  gtk_widget_set_parent (self->label, GTK_WIDGET (self));
}

GtkWidget *
syn_marked_label_new (const char    *text,
                      PangoAttrList *attrs,
                      GArray        *dotted)
{
  SynMarkedLabel *self = g_object_new (SYN_TYPE_MARKED_LABEL, NULL);

  syn_marked_label_set (self, text, attrs, dotted);
  return GTK_WIDGET (self);
}

void
syn_marked_label_set (SynMarkedLabel *self,
                      const char     *text,
                      PangoAttrList  *attrs,
                      GArray         *dotted)
{
  g_return_if_fail (SYN_IS_MARKED_LABEL (self));

  gtk_label_set_text (GTK_LABEL (self->label), text);
  gtk_label_set_attributes (GTK_LABEL (self->label), attrs);
  g_array_set_size (self->dotted, 0);
  if (dotted != NULL)
    g_array_append_vals (self->dotted, dotted->data, dotted->len);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char *
syn_marked_label_get_text (SynMarkedLabel *self)
{
  g_return_val_if_fail (SYN_IS_MARKED_LABEL (self), NULL);

  return gtk_label_get_text (GTK_LABEL (self->label));
}
