/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bench-view: how light a comparison is to open, to leave alone and to
 * use (issue 10, "Long texts stay light"). Not a test: it prints figures.
 *
 *   bench-view [--idle] [--wheel] [--verbose] [--events N] FILE…
 *
 * It opens FILE… in a real window (an X11 display: Xvfb will do, with
 * GSK_RENDERER=cairo for the figures of the issue) and reports
 *
 * - the time from start to the window's first frame, and to the first
 *   frame that shows the comparison;
 * - the CPU time (getrusage) the process used in the 10 s after the
 *   window's first frame; with --idle nothing is pressed meanwhile, so
 *   this is the cost of leaving the comparison alone;
 * - for N events (wheel steps, j, k, F8 and clicks on passages in the
 *   first column, in turn), the latency from sending the event to the end
 *   of the next frame the window paints (the frame clock's "after-paint"
 *   after the event reached the window): min, median, 95th percentile
 *   and maximum, per kind and over all, and how many took longer than a
 *   frame (16 ms); the time the frame that answered spent in each phase
 *   (update, layout, paint: the last holds drawing); and the main thread's CPU time from the event reaching
 *   the window to that frame painted, which other processes on a busy
 *   machine do not stretch as they do the latency. Without --idle the events start as soon as the
 *   comparison is shown, while the text views still lay out. With
 *   --wheel all events are wheel steps down (the columns locked, as
 *   they are by default: the twenty-source figure). With
 *   --verbose each event is listed with its latency, the main thread's
 *   CPU time and the phases of the frame that answered it, and so is
 *   every frame longer than 16 ms.
 *
 * tests/bench-repaint gives the floor under these figures: what a frame
 * costs GTK alone on the same display.
 *
 * The events are real: a thread writes them, one at a time, to an xdotool
 * process, which sends them through the X server like a user's, so the
 * figure includes the time an event waits while the main loop is busy.
 */
#define G_LOG_DOMAIN "bench-view"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>
#include <gtk/gtk.h>
#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

#include "syn-article-view.h"
#include "syn-compat.h"
#include "syn-test-ui.h"
#include "syn-window.h"

#define CPU_WINDOW_US (10 * G_USEC_PER_SEC)
#define FRAME_US      16000
#define GAP_US        300000
#define WAIT_US       (2 * G_USEC_PER_SEC)

typedef enum {
  KIND_WHEEL,
  KIND_KEY,
  KIND_CLICK,
  N_KINDS
} Kind;

static const char * const kind_names[N_KINDS] = { "wheel step", "key (j/k/F8)", "click" };

/* A frame's phases, as the frame clock runs them. */
typedef enum {
  PHASE_UPDATE,
  PHASE_LAYOUT,
  PHASE_PAINT,
  N_PHASES
} Phase;

static const char * const phase_names[N_PHASES] = { "update", "layout", "paint" };

typedef struct {
  Kind        kind;
  const char *command;   /* for xdotool; %s: the window, %d %d: a point */
  double      y;         /* for a click: how far down the column */
} Step;

/* One round; j and k then F8 always move the selection, and the two
 * clicks land on different passages, so every event changes the view. */
static const Step script[] = {
  { KIND_WHEEL, "click 5", 0 },
  { KIND_KEY, "key j", 0 },
  { KIND_WHEEL, "click 5", 0 },
  { KIND_CLICK, "click 1", 0.3 },
  { KIND_KEY, "key k", 0 },
  { KIND_WHEEL, "click 4", 0 },
  { KIND_KEY, "key F8", 0 },
  { KIND_CLICK, "click 1", 0.7 },
  { KIND_WHEEL, "click 5", 0 },
  { KIND_WHEEL, "click 5", 0 },
};

typedef struct {
  GMutex      lock;
  GCond       cond;
  GMainLoop  *loop;
  GtkWindow  *window;
  guint       n_files;
  gint64      start;
  gint64      first_frame;
  gint64      shown_frame;
  struct rusage usage_at_frame;
  gboolean    cpu_done;
  double      cpu_seconds;

  /* the event in flight (under lock) */
  gint64      sent;
  gint64      arrived;
  gint64      painted;
  gint64      arrived_cpu;
  gint64      painted_cpu;
  gboolean    waiting;

  GArray     *latencies[N_KINDS];   /* double, ms */
  GArray     *waits;                /* double, ms: sent to reaching the window */
  GArray     *work;                 /* double, ms: main thread CPU, reaching to painted */
  GArray     *frames;               /* double, ms: a frame's update to paint */
  GArray     *phases[N_PHASES];     /* double, ms: the answering frame's update, layout, paint */
  gint64      frame_began;
  gint64      phase_ended[N_PHASES];
  guint       n_lost;
  int         xdotool_stdin;
  gulong      window_xid;
  int         column_x;
  int         column_y;
  int         column_height;
  gboolean    idle;
  gboolean    wheel_only;
  gboolean    verbose;
  guint       n_events;
} Bench;

static double
cpu_of (const struct rusage *u)
{
  return u->ru_utime.tv_sec + u->ru_stime.tv_sec + (u->ru_utime.tv_usec + u->ru_stime.tv_usec) / 1e6;
}

/* The CPU time of the calling thread, in microseconds. */
static gint64
thread_cpu (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static void
find_views (GtkWidget *widget,
            GPtrArray *views)
{
  if (SYN_IS_ARTICLE_VIEW (widget))
    g_ptr_array_add (views, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    find_views (child, views);
}

/* The first column with text in it, once every column has its article. */
static SynArticleView *
shown_view (Bench *bench)
{
  g_autoptr(GPtrArray) views = g_ptr_array_new ();

  find_views (GTK_WIDGET (bench->window), views);
  if (views->len < bench->n_files)
    return NULL;
  for (guint i = 0; i < views->len; i++)
    if (syn_article_view_get_n_spans (g_ptr_array_index (views, i)) == 0)
      return NULL;
  return g_ptr_array_index (views, 0);
}

static gboolean
input_cb (GtkEventControllerLegacy *controller,
          GdkEvent                 *event,
          Bench                    *bench)
{
  switch ((int) gdk_event_get_event_type (event))
    {
    case GDK_SCROLL:
    case GDK_BUTTON_PRESS:
    case GDK_KEY_PRESS:
      g_mutex_lock (&bench->lock);
      if (bench->waiting && bench->arrived == 0)
        {
          bench->arrived = g_get_monotonic_time ();
          bench->arrived_cpu = thread_cpu ();
        }
      g_mutex_unlock (&bench->lock);
      break;
    default:
      break;
    }
  return GDK_EVENT_PROPAGATE;
}

/* The end of the 10 s after the first frame: a timer, since a window
 * left alone may paint nothing then. */
static gboolean
cpu_timeout_cb (gpointer data)
{
  Bench *bench = data;
  struct rusage usage;

  if (!bench->cpu_done)
    {
      getrusage (RUSAGE_SELF, &usage);
      bench->cpu_seconds = cpu_of (&usage) - cpu_of (&bench->usage_at_frame);
      bench->cpu_done = TRUE;
    }
  return G_SOURCE_REMOVE;
}

static void
before_paint_cb (GdkFrameClock *clock,
                 Bench         *bench)
{
  bench->frame_began = g_get_monotonic_time ();
  for (guint k = 0; k < N_PHASES; k++)
    bench->phase_ended[k] = bench->frame_began;
}

/* Connected after GTK's own handlers: the end of a phase. */
static void
update_end_cb (GdkFrameClock *clock,
               Bench         *bench)
{
  bench->phase_ended[PHASE_UPDATE] = g_get_monotonic_time ();
}

static void
layout_end_cb (GdkFrameClock *clock,
               Bench         *bench)
{
  bench->phase_ended[PHASE_LAYOUT] = g_get_monotonic_time ();
}

static void
paint_end_cb (GdkFrameClock *clock,
              Bench         *bench)
{
  bench->phase_ended[PHASE_PAINT] = g_get_monotonic_time ();
}

static void
after_paint_cb (GdkFrameClock *clock,
                Bench         *bench)
{
  gint64 now = g_get_monotonic_time ();

  if (bench->shown_frame != 0 && bench->frame_began != 0)
    {
      double ms = (now - bench->frame_began) / 1000.0;

      g_array_append_val (bench->frames, ms);
      if (bench->verbose && ms > FRAME_US / 1000.0)
        printf ("    a frame of %.1f ms, %.3f s after the comparison was shown\n", ms,
                (now - bench->shown_frame) / 1e6);
    }

  if (bench->first_frame == 0)
    {
      bench->first_frame = now;
      getrusage (RUSAGE_SELF, &bench->usage_at_frame);
      g_timeout_add (CPU_WINDOW_US / 1000, cpu_timeout_cb, bench);
    }
  if (bench->shown_frame == 0 && shown_view (bench) != NULL)
    bench->shown_frame = now;
  g_mutex_lock (&bench->lock);
  if (bench->waiting && bench->arrived != 0 && bench->painted == 0)
    {
      gint64 from = bench->frame_began;

      bench->painted = now;
      bench->painted_cpu = thread_cpu ();
      /* A phase the frame did not run ends where the one before it did. */
      for (guint k = 0; k < N_PHASES; k++)
        {
          gint64 to = MAX (bench->phase_ended[k], from);
          double ms = (to - from) / 1000.0;

          g_array_append_val (bench->phases[k], ms);
          from = to;
        }
      g_cond_signal (&bench->cond);
    }
  g_mutex_unlock (&bench->lock);
}

static void
send_command (Bench      *bench,
              const char *command)
{
  g_autofree char *line = g_strconcat (command, "\n", NULL);
  gsize len = strlen (line);

  if (write (bench->xdotool_stdin, line, len) != (gssize) len)
    g_error ("xdotool stopped reading: %s", g_strerror (errno));
}

static gpointer
driver_thread (gpointer data)
{
  Bench *bench = data;

  for (guint i = 0; i < bench->n_events; i++)
    {
      const Step *step = &script[bench->wheel_only ? 0 : i % G_N_ELEMENTS (script)];
      g_autofree char *command = NULL;
      gint64 deadline;

      g_usleep (GAP_US);
      if (step->kind == KIND_CLICK)
        command = g_strdup_printf ("mousemove --window %lu %d %d %s", bench->window_xid, bench->column_x,
                                   bench->column_y + (int) (step->y * bench->column_height), step->command);
      else
        command = g_strdup (step->command);
      g_mutex_lock (&bench->lock);
      bench->sent = g_get_monotonic_time ();
      bench->arrived = bench->painted = 0;
      bench->waiting = TRUE;
      send_command (bench, command);
      deadline = bench->sent + WAIT_US;
      while (bench->painted == 0)
        if (!g_cond_wait_until (&bench->cond, &bench->lock, deadline))
          break;
      if (bench->painted != 0)
        {
          double ms = (bench->painted - bench->sent) / 1000.0;

          double wait = (bench->arrived - bench->sent) / 1000.0;
          double cpu = (bench->painted_cpu - bench->arrived_cpu) / 1000.0;

          g_array_append_val (bench->latencies[step->kind], ms);
          g_array_append_val (bench->waits, wait);
          g_array_append_val (bench->work, cpu);
        }
      else
        bench->n_lost++;
      if (bench->verbose && bench->painted != 0)
        {
          GArray *update = bench->phases[PHASE_UPDATE], *layout = bench->phases[PHASE_LAYOUT];
          GArray *paint = bench->phases[PHASE_PAINT];

          printf ("%3u %-30s %6.1f ms; main thread %5.1f ms; frame: update %4.1f, layout %4.1f, paint %4.1f ms%s\n",
                  i, command, (bench->painted - bench->sent) / 1000.0,
                  (bench->painted_cpu - bench->arrived_cpu) / 1000.0,
                  g_array_index (update, double, update->len - 1), g_array_index (layout, double, layout->len - 1),
                  g_array_index (paint, double, paint->len - 1), bench->arrived == 0 ? " (not received)" : "");
        }
      else if (bench->verbose)
        printf ("%3u %-30s (no frame)\n", i, command);
      bench->waiting = FALSE;
      g_mutex_unlock (&bench->lock);
    }
  g_main_loop_quit (bench->loop);
  return NULL;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
print_latencies (const char *name,
                 GArray     *values)
{
  guint n = values->len, slow = 0;
  double *v = (double *) (gpointer) values->data;

  if (n == 0)
    return;
  g_array_sort (values, compare_doubles);
  for (guint i = 0; i < n; i++)
    slow += v[i] > FRAME_US / 1000.0;
  printf ("  %-14s %4u events  min %6.1f  median %6.1f  p95 %6.1f  max %6.1f ms  over a frame: %u\n", name, n,
          v[0], v[n / 2], v[MIN (n - 1, (guint) (n * 0.95))], v[n - 1], slow);
}

/* Focus the window and put the pointer on the first column, then start
 * the events (after the idle 10 s with --idle). */
static gboolean
start_events_cb (gpointer data)
{
  Bench *bench = data;
  SynArticleView *view = shown_view (bench);
  g_autofree char *focus = NULL, *move = NULL;
  graphene_point_t point;
  double sx, sy;

  if (view == NULL || gtk_widget_get_width (GTK_WIDGET (view)) <= 0 || (bench->idle && !bench->cpu_done))
    return G_SOURCE_CONTINUE;
  if (!syn_compat_widget_compute_point (GTK_WIDGET (view), GTK_WIDGET (bench->window), &GRAPHENE_POINT_INIT (0, 0),
                                        &point))
    g_error ("The first column is not in the window");
  gtk_native_get_surface_transform (GTK_NATIVE (bench->window), &sx, &sy);
  bench->column_x = (int) (point.x + sx) + gtk_widget_get_width (GTK_WIDGET (view)) / 2;
  bench->column_y = (int) (point.y + sy);
  bench->column_height = gtk_widget_get_height (GTK_WIDGET (view));
  focus = g_strdup_printf ("windowfocus --sync %lu", bench->window_xid);
  move = g_strdup_printf ("mousemove --window %lu %d %d", bench->window_xid, bench->column_x,
                          bench->column_y + bench->column_height / 2);
  send_command (bench, focus);
  send_command (bench, move);
  g_thread_unref (g_thread_new ("driver", driver_thread, bench));
  return G_SOURCE_REMOVE;
}

static void
map_cb (GtkWidget *widget,
        Bench     *bench)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (widget));

  g_signal_connect (gdk_surface_get_frame_clock (surface), "before-paint", G_CALLBACK (before_paint_cb), bench);
  g_signal_connect (gdk_surface_get_frame_clock (surface), "after-paint", G_CALLBACK (after_paint_cb), bench);
  g_signal_connect_after (gdk_surface_get_frame_clock (surface), "update", G_CALLBACK (update_end_cb), bench);
  g_signal_connect_after (gdk_surface_get_frame_clock (surface), "layout", G_CALLBACK (layout_end_cb), bench);
  g_signal_connect_after (gdk_surface_get_frame_clock (surface), "paint", G_CALLBACK (paint_end_cb), bench);
#ifdef GDK_WINDOWING_X11
  if (GDK_IS_X11_SURFACE (surface))
    bench->window_xid = gdk_x11_surface_get_xid (surface);
#endif
}

static void
spawn_xdotool (Bench *bench)
{
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");
  g_autoptr(GError) error = NULL;
  const char *argv[] = { NULL, "-", NULL };

  if (xdotool == NULL)
    g_error ("bench-view sends its events through xdotool, which is not installed");
  argv[0] = xdotool;
  if (!g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL,
                                 &bench->xdotool_stdin, NULL, NULL, &error))
    g_error ("Could not start xdotool: %s", error->message);
}

int
main (int   argc,
      char *argv[])
{
  Bench bench = { 0, };
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  char *test_argv[] = { argv[0], NULL };
  char **test_args = test_argv;
  int test_argc = 1;
  SynApplication *app;
  GtkEventController *input;
  GArray *all;

  bench.start = g_get_monotonic_time ();
  bench.n_events = 200;
  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--idle"))
        bench.idle = TRUE;
      else if (g_str_equal (argv[i], "--wheel"))
        bench.wheel_only = TRUE;
      else if (g_str_equal (argv[i], "--verbose"))
        bench.verbose = TRUE;
      else if (g_str_equal (argv[i], "--events") && i + 1 < argc)
        bench.n_events = (guint) atoi (argv[++i]);
      else
        g_ptr_array_add (files, g_file_new_for_commandline_arg (argv[i]));
    }
  if (files->len == 0)
    {
      fprintf (stderr, "usage: bench-view [--idle] [--wheel] [--verbose] [--events N] FILE…\n");
      return 2;
    }
  /* The settings as in the tests: in memory, with the schema built
   * beside this program. */
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  if (g_getenv ("GSETTINGS_SCHEMA_DIR") == NULL)
    {
      g_autofree char *dir = g_path_get_dirname (argv[0]);
      g_autofree char *schemas = g_build_filename (dir, "..", "data", NULL);

      g_setenv ("GSETTINGS_SCHEMA_DIR", schemas, TRUE);
    }
  app = syn_test_application_init (&test_argc, &test_args);
  /* A figure, not a test: a warning (no accessibility bus) is no failure. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK);
#ifdef GDK_WINDOWING_X11
  if (!GDK_IS_X11_DISPLAY (gdk_display_get_default ()))
#endif
    g_error ("bench-view needs an X11 display (Xvfb will do)");
  spawn_xdotool (&bench);

  g_mutex_init (&bench.lock);
  g_cond_init (&bench.cond);
  for (guint k = 0; k < N_KINDS; k++)
    bench.latencies[k] = g_array_new (FALSE, FALSE, sizeof (double));
  bench.waits = g_array_new (FALSE, FALSE, sizeof (double));
  bench.frames = g_array_new (FALSE, FALSE, sizeof (double));
  bench.work = g_array_new (FALSE, FALSE, sizeof (double));
  for (guint k = 0; k < N_PHASES; k++)
    bench.phases[k] = g_array_new (FALSE, FALSE, sizeof (double));
  bench.loop = g_main_loop_new (NULL, FALSE);
  bench.n_files = files->len;
  bench.window = GTK_WINDOW (syn_window_new (app));
  gtk_window_set_default_size (bench.window, 1600, 1000);
  g_signal_connect (bench.window, "map", G_CALLBACK (map_cb), &bench);
  input = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_propagation_phase (input, GTK_PHASE_CAPTURE);
  g_signal_connect (input, "event", G_CALLBACK (input_cb), &bench);
  gtk_widget_add_controller (GTK_WIDGET (bench.window), input);
  syn_window_open_files (SYN_WINDOW (bench.window), (GFile **) files->pdata, files->len);
  gtk_window_present (bench.window);
  g_timeout_add (50, start_events_cb, &bench);
  g_main_loop_run (bench.loop);
  /* Few events may end before the 10 s do. */
  while (!bench.cpu_done)
    g_main_context_iteration (NULL, TRUE);

  printf ("%u files; first frame %.3f s, comparison shown %.3f s after start\n", bench.n_files,
          (bench.first_frame - bench.start) / 1e6, (bench.shown_frame - bench.start) / 1e6);
  printf ("CPU in the 10 s after the first frame%s: %.2f s\n", bench.idle ? " (left alone)" : " (with the events)",
          bench.cpu_seconds);
  printf ("Latency from an event to the next frame painted%s:\n", bench.idle ? "" : " (from the comparison shown on)");
  all = g_array_new (FALSE, FALSE, sizeof (double));
  for (guint k = 0; k < N_KINDS; k++)
    {
      g_array_append_vals (all, bench.latencies[k]->data, bench.latencies[k]->len);
      print_latencies (kind_names[k], bench.latencies[k]);
    }
  print_latencies ("all", all);
  printf ("Of which the time until the event reached the window:\n");
  print_latencies ("all", bench.waits);
  printf ("Main thread CPU from an event reaching the window to the frame painted:\n");
  print_latencies ("all", bench.work);
  printf ("Frames (update, layout and paint) from the comparison shown on:\n");
  print_latencies ("frames", bench.frames);
  printf ("The frame that answered each event, by phase:\n");
  for (guint k = 0; k < N_PHASES; k++)
    print_latencies (phase_names[k], bench.phases[k]);
  if (bench.n_lost > 0)
    printf ("  %u events brought no frame within %d s\n", bench.n_lost, (int) (WAIT_US / G_USEC_PER_SEC));

  g_array_unref (all);
  g_array_unref (bench.waits);
  g_array_unref (bench.frames);
  g_array_unref (bench.work);
  for (guint k = 0; k < N_PHASES; k++)
    g_array_unref (bench.phases[k]);
  for (guint k = 0; k < N_KINDS; k++)
    g_array_unref (bench.latencies[k]);
  gtk_window_destroy (bench.window);
  g_main_loop_unref (bench.loop);
  close (bench.xdotool_stdin);
  syn_test_application_done (app);
  return 0;
}
