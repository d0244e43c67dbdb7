/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bench-repaint: what one frame costs the toolkit alone on this machine,
 * as a floor under bench-view's figures. Not a test: it prints figures.
 *
 *   bench-repaint [WIDTHxHEIGHT]
 *
 * A 1600 × 1000 window holds one area (by default the whole window) that
 * changes colour at every frame, so that GTK repaints all of it and sends
 * it to the X server, with nothing else to draw: no text, no widgets. It
 * reports the main thread's CPU time per frame over 300 frames, and the
 * frame rate. Run it under the same Xvfb and GSK_RENDERER as bench-view.
 */
#define G_LOG_DOMAIN "bench-repaint"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <gtk/gtk.h>

#define WARM_FRAMES  30
#define FRAMES       300

typedef struct {
  guint   frames;
  double  cpu_start;
  gint64  time_start;
  gboolean done;
} Repaint;

/* The main thread's CPU time, in seconds. */
static double
thread_cpu (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void
draw_cb (GtkDrawingArea *area,
         cairo_t        *cr,
         int             width,
         int             height,
         gpointer        user_data)
{
  Repaint *repaint = user_data;

  cairo_set_source_rgb (cr, repaint->frames % 2 ? 1.0 : 0.98, 1.0, 1.0);
  cairo_paint (cr);
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  Repaint *repaint = user_data;

  repaint->frames++;
  if (repaint->frames == WARM_FRAMES)
    {
      repaint->cpu_start = thread_cpu ();
      repaint->time_start = g_get_monotonic_time ();
    }
  else if (repaint->frames == WARM_FRAMES + FRAMES)
    {
      double seconds = (g_get_monotonic_time () - repaint->time_start) / 1e6;

      printf ("%d × %d px repainted, renderer %s: %.2f ms of main-thread CPU per frame, %.1f frames per second\n",
              gtk_widget_get_width (widget), gtk_widget_get_height (widget),
              G_OBJECT_TYPE_NAME (gtk_native_get_renderer (gtk_widget_get_native (widget))),
              (thread_cpu () - repaint->cpu_start) * 1000 / FRAMES, FRAMES / seconds);
      repaint->done = TRUE;
      return G_SOURCE_REMOVE;
    }
  gtk_widget_queue_draw (widget);
  return G_SOURCE_CONTINUE;
}

int
main (int   argc,
      char *argv[])
{
  Repaint repaint = { 0, };
  GtkWidget *window, *area;
  int width = -1, height = -1;

  if (argc > 2 || (argc == 2 && sscanf (argv[1], "%dx%d", &width, &height) != 2))
    {
      fprintf (stderr, "usage: bench-repaint [WIDTHxHEIGHT]\n");
      return 2;
    }
  gtk_init ();
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1600, 1000);
  area = gtk_drawing_area_new ();
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_cb, &repaint, NULL);
  if (width > 0)
    {
      gtk_widget_set_size_request (area, width, height);
      gtk_widget_set_halign (area, GTK_ALIGN_CENTER);
      gtk_widget_set_valign (area, GTK_ALIGN_CENTER);
    }
  gtk_window_set_child (GTK_WINDOW (window), area);
  gtk_widget_add_tick_callback (area, tick_cb, &repaint, NULL);
  gtk_window_present (GTK_WINDOW (window));
  while (!repaint.done)
    g_main_context_iteration (NULL, TRUE);
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
