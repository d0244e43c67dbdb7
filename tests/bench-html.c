/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Benchmark of the article extractor (issue 9: a 1 MB page in 30 ms on one
 * core). Not a test: it prints figures and fails only when a page cannot be
 * extracted.
 *
 *   bench-html [PAGES_DIR]      (or SYN_BENCH_PAGES=PAGES_DIR)
 *
 * Cases:
 *  - a generated news page of about 1 MB, built here with a fixed-seed
 *    PRNG: a story of a few hundred paragraphs with subheads, figures and
 *    adverts between them, and around it the furniture a news site carries
 *    (menus, share bars, a cookie notice, related lists, a long comment
 *    section, JSON-LD, a footer); min and median of 21 runs;
 *  - every *.html of PAGES_DIR when given (the saved pages of the
 *    evaluation kit): each page's best of 5 runs, then the min, median and
 *    max over the pages, and the time of the largest page.
 *
 * Times are the thread's CPU time (CLOCK_THREAD_CPUTIME_ID), which other
 * work on a shared machine disturbs less than the wall clock.
 */
#define G_LOG_DOMAIN "syn-bench"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "syn-html.h"

#define RUNS_GENERATED 21
#define RUNS_PER_PAGE  5
#define TARGET_BYTES   (1024 * 1024)

typedef struct {
  guint64 state;
} Rng;

/* splitmix64: small, fast, and the same sequence everywhere */
static guint64
rng_next (Rng *rng)
{
  guint64 z = (rng->state += G_GUINT64_CONSTANT (0x9E3779B97F4A7C15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
  return z ^ (z >> 31);
}

static guint
rng_below (Rng   *rng,
           guint  n)
{
  return n > 0 ? (guint) (rng_next (rng) % n) : 0;
}

static const char * const words[] = {
  "harbour", "council", "bridge", "engineers", "residents", "said", "the", "of",
  "and", "to", "in", "a", "on", "for", "that", "with", "as", "by", "at", "from",
  "was", "is", "has", "have", "will", "would", "their", "its", "after", "before",
  "while", "which", "who", "this", "repair", "traffic", "budget", "survey",
  "pier", "timber", "divers", "mayor", "spokesperson", "report", "week", "year",
  "million", "town", "quay", "ferry", "shops", "visitors", "summer", "winter",
  "café", "Straße", "marché", "évènement", "naïve", "über",
};

static void
append_sentence (GString *out,
                 Rng     *rng,
                 guint    min_words,
                 guint    spread)
{
  guint n = min_words + rng_below (rng, spread);

  for (guint i = 0; i < n; i++)
    {
      const char *word = words[rng_below (rng, G_N_ELEMENTS (words))];

      if (i == 0)
        {
          g_string_append_c (out, g_ascii_toupper (word[0]));
          g_string_append (out, word + 1);
        }
      else
        {
          g_string_append_c (out, ' ');
          if (rng_below (rng, 9) == 0)
            g_string_append_printf (out, "<a href=\"/n/%u\">%s</a>", rng_below (rng, 9999), word);
          else
            g_string_append (out, word);
        }
      if (i + 1 < n && rng_below (rng, 8) == 0)
        g_string_append_c (out, ',');
    }
  g_string_append (out, ". ");
}

static void
append_link_list (GString    *out,
                  Rng        *rng,
                  const char *klass,
                  guint       n)
{
  g_string_append_printf (out, "<ul class=\"%s\">\n", klass);
  for (guint i = 0; i < n; i++)
    {
      g_string_append_printf (out, "<li><a href=\"/story/%u\">", rng_below (rng, 99999));
      append_sentence (out, rng, 4, 6);
      g_string_append (out, "</a></li>\n");
    }
  g_string_append (out, "</ul>\n");
}

static void
append_story (GString *out,
              Rng     *rng,
              gsize    until)
{
  g_string_append (out, "<article><h1>Harbour bridge reopens</h1>\n"
                        "<div class=\"byline\">By A. Writer</div>\n"
                        "<div class=\"share-bar\"><a href=\"#\">Share</a> <a href=\"#\">Post</a></div>\n"
                        "<div class=\"article-body\">\n");
  for (guint p = 0; out->len < until; p++)
    {
      if (p % 12 == 11)
        g_string_append (out, "<div class=\"ad-slot\"><span>Advertisement</span></div>\n");
      if (p % 20 == 19)
        {
          g_string_append (out, "<h2>");
          append_sentence (out, rng, 3, 4);
          g_string_append (out, "</h2>\n");
        }
      if (p % 30 == 29)
        g_string_append (out, "<figure><img src=\"x.jpg\"><figcaption>A caption. "
                              "<span class=\"credit\">Photo: Somebody</span></figcaption></figure>\n");
      g_string_append (out, "<p>");
      for (guint s = 0, n = 2 + rng_below (rng, 4); s < n; s++)
        append_sentence (out, rng, 8, 18);
      g_string_append (out, "</p>\n");
    }
  g_string_append (out, "</div></article>\n");
}

static void
append_comments (GString *out,
                 Rng     *rng,
                 gsize    until)
{
  g_string_append (out, "<section id=\"comments\" class=\"comments\"><h3>Comments</h3>\n");
  while (out->len < until)
    {
      g_string_append_printf (out, "<div class=\"comment\"><p class=\"comment-author\">reader%u</p><p>",
                              rng_below (rng, 9999));
      append_sentence (out, rng, 6, 20);
      g_string_append (out, "</p></div>\n");
    }
  g_string_append (out, "</section>\n");
}

/* About @size bytes of a news page: the story takes a third. */
static char *
generate_page (gsize  size,
               gsize *len)
{
  Rng rng = { 20260314 };
  GString *out = g_string_sized_new (size + 4096);

  g_string_append (out, "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                        "<title>Harbour bridge reopens | The Courier</title>"
                        "<meta property=\"og:site_name\" content=\"The Courier\">"
                        "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", "
                        "\"headline\": \"Harbour bridge reopens\", \"author\": {\"name\": \"A. Writer\"}}</script>"
                        "<style>body { margin: 0; }</style></head><body>\n"
                        "<div class=\"cookie-banner\"><p>We use cookies on this site.</p><button>OK</button></div>\n"
                        "<header><nav>");
  append_link_list (out, &rng, "menu", 40);
  g_string_append (out, "</nav></header><main>\n");
  append_story (out, &rng, size / 3);
  g_string_append (out, "<section class=\"related\"><h3>Related</h3>");
  append_link_list (out, &rng, "related-list", 60);
  g_string_append (out, "</section>\n");
  append_comments (out, &rng, size - 8192);
  g_string_append (out, "</main><footer>");
  append_link_list (out, &rng, "footer-links", 30);
  g_string_append (out, "</footer></body></html>\n");
  *len = out->len;
  return g_string_free (out, FALSE);
}

/* Milliseconds of this thread's CPU time: on a machine shared with other
 * work, the time the extraction itself takes on one core. */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (double) ts.tv_sec * 1000.0 + (double) ts.tv_nsec / 1e6;
}

static double
time_extract (const char *data,
              gsize       len)
{
  g_autoptr(GError) error = NULL;
  double start = cpu_ms ();
  g_autoptr(SynWebPage) page = syn_html_extract ((const guint8 *) data, len, NULL, NULL, &error);
  double end = cpu_ms ();

  if (page == NULL && !g_error_matches (error, SYN_HTML_ERROR, SYN_HTML_ERROR_NO_ARTICLE))
    g_error ("extraction failed: %s", error->message);
  return end - start;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof *values, compare_double);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

static void
bench_generated (void)
{
  gsize len = 0;
  g_autofree char *page = generate_page (TARGET_BYTES, &len);
  double times[RUNS_GENERATED];

  for (guint i = 0; i < RUNS_GENERATED; i++)
    times[i] = time_extract (page, len);
  median (times, RUNS_GENERATED);
  printf ("generated page, %.2f MB: min %.1f ms, median %.1f ms CPU (%d runs)\n",
          (double) len / (1024 * 1024), times[0], times[RUNS_GENERATED / 2], RUNS_GENERATED);
}

static void
bench_directory (const char *dir_path)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  g_autoptr(GArray) best = g_array_new (FALSE, FALSE, sizeof (double));
  const char *name;
  gsize largest = 0;
  double largest_time = 0;

  if (dir == NULL)
    {
      printf ("saved pages: %s not found, skipped\n", dir_path);
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autofree char *data = NULL;
      gsize len = 0;
      double min = G_MAXDOUBLE;

      if (!g_str_has_suffix (name, ".html"))
        continue;
      path = g_build_filename (dir_path, name, NULL);
      if (!g_file_get_contents (path, &data, &len, NULL))
        continue;
      for (guint i = 0; i < RUNS_PER_PAGE; i++)
        min = MIN (min, time_extract (data, len));
      g_array_append_val (best, min);
      if (len > largest)
        {
          largest = len;
          largest_time = min;
        }
    }
  if (best->len == 0)
    {
      printf ("saved pages: none in %s\n", dir_path);
      return;
    }
  {
    double *values = (double *) (gpointer) best->data;
    double mid = median (values, best->len);

    printf ("saved pages, %u: min %.1f ms, median %.1f ms, max %.1f ms CPU; largest (%.2f MB) %.1f ms\n",
            best->len, values[0], mid, values[best->len - 1],
            (double) largest / (1024 * 1024), largest_time);
  }
}

int
main (int   argc,
      char *argv[])
{
  const char *pages = argc > 1 ? argv[1] : g_getenv ("SYN_BENCH_PAGES");

  bench_generated ();
  if (pages != NULL)
    bench_directory (pages);
  return 0;
}
