/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One article as a column of text: a read-only GtkTextView whose buffer
 * holds the article's text exactly (original paragraphs and all), with
 * tags for passages and word-level divergences.
 *
 * Why a text view and not a list of labels: a text view lays out only what
 * is on screen and revalidates only the lines whose tags change, so marking
 * a selection touches a few lines instead of re-measuring the article; it
 * also gives text selection and copying for free. What tags cannot express
 * is drawn in snapshot_layer(): the gutter bar beside every passage (shared,
 * unique, selected) and the dotted underline of changed words, both for the
 * visible part only.
 *
 * Positions: the core speaks in byte offsets into the article's text; the
 * buffer in character offsets, and it also holds one child anchor (the
 * emblem) before each number and quotation conflict; the emblem's widget
 * is made only near the visible area. Offsets are converted
 * once, when the article is shown, and kept in SynSpan and Mark. The
 * vertical extent of each passage is computed when asked for and cached
 * in buffer coordinates until the layout changes (the adjustment's
 * "changed"): exact near the visible area, elsewhere estimated from the
 * line heights the text view keeps, so that nothing here makes it lay out
 * lines off screen. Drawing and hit tests find the passages on screen by
 * binary search rather than walking the article.
 */
#define G_LOG_DOMAIN "syn-ui"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "syn-a11y.h"
#include "syn-article-view.h"
#include "syn-marks.h"

#define GUTTER_X      5.0f
#define GUTTER_WIDTH  3.0f
#define LEFT_MARGIN   18
#define RIGHT_MARGIN  14
#define MAX_MATCHES   5000

/* A fold line: the hidden spans first..last (some between may be shown, in
 * the same paragraph) and the paragraph it follows. */
typedef struct {
  guint first;
  guint last;
  guint n_hidden;
  int   line;
} Fold;

typedef struct {
  int                  start;
  int                  end;
  guint                span;
  const SynDivergence *divergence;
} Mark;

/* The emblem before a number or quotation conflict. Its anchor stays in
 * the buffer; its widget exists only while it is near the visible area:
 * GtkTextView lays out again, at every allocation, each line that holds
 * a child widget, which with hundreds of emblems costs seconds. */
typedef struct {
  GtkTextChildAnchor  *anchor;
  int                  offset;
  SynPassage          *passage;
  const SynDivergence *divergence;
  GtkWidget           *widget;
} Emblem;

/* A span's vertical extent, computed when asked for and kept until the
 * lines move (generation). Exact (from the laid-out line) near the visible
 * area; elsewhere estimated from the heights GtkTextView keeps per line,
 * which costs no Pango layout. The exact place within its lines is kept
 * until the lines themselves change (layout_generation): the text view
 * moves lines as it lays out others, and then only the lines' tops, which
 * cost no layout, need reading again. */
typedef struct {
  float    y;
  float    height;
  float    start_dy;   /* exact: below the top of the line it starts in */
  float    end_dy;     /* exact: below the top of the line it ends in */
  guint    generation;
  guint    layout_generation;
  guint    valid : 1;
  guint    exact : 1;
} Extent;

typedef struct {
  int start;
  int end;
} Range;

struct _SynArticleView
{
  GtkTextView       parent_instance;

  SynArticle       *article;
  guint             n_sources;
  GtkTextBuffer    *buffer;
  GtkTextTag       *tags[SYN_N_MARKS];

  GArray           *spans;        /* SynSpan */
  GArray           *marks;        /* Mark, sorted by start */
  GArray           *emblems;      /* Emblem, sorted by offset */
  guint             emblems_tick;
  GArray           *extents;      /* Extent, one per span */
  guint             generation;   /* of the line positions extents were taken from */
  guint             layout_generation;  /* of the lines' own layout */
  int               allocated_width;
  int               allocated_height;
  int               page_chars;   /* 0: not known for this size and style */

  GArray           *selected;     /* guint: spans tagged SELECTED */
  int               focus;

  GArray           *matches;      /* Range */
  int               current_match;

  gboolean          show_boilerplate;
  SynFilter         filter;
  GArray           *folds;        /* Fold */
  GArray           *blank_lines;  /* Range: blank lines after a blank line, hidden */

  GtkAdjustment    *vadjustment;
  GtkTextMark      *scroll_mark;
  gboolean          building;
  gboolean          placing_caret;
  guint             caret_idle;
};

G_DEFINE_FINAL_TYPE (SynArticleView, syn_article_view, GTK_TYPE_TEXT_VIEW)

enum {
  SPAN_ACTIVATED,
  FOLD_OPENED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Byte to character offsets: checkpoints every 512 bytes, so a lookup
 * walks at most one stretch of text. */
typedef struct {
  const char *text;
  gsize       len;
  GArray     *bytes;   /* gsize, at character boundaries */
  GArray     *chars;   /* glong */
} OffsetMap;

static void
offset_map_init (OffsetMap  *map,
                 const char *text,
                 gsize       len)
{
  const char *p = text;
  glong chars = 0;
  gsize next = 0;

  map->text = text;
  map->len = len;
  map->bytes = g_array_new (FALSE, FALSE, sizeof (gsize));
  map->chars = g_array_new (FALSE, FALSE, sizeof (glong));
  while ((gsize) (p - text) < len)
    {
      gsize at = p - text;

      if (at >= next)
        {
          g_array_append_val (map->bytes, at);
          g_array_append_val (map->chars, chars);
          next = at + 512;
        }
      p = g_utf8_next_char (p);
      chars++;
    }
}

static void
offset_map_clear (OffsetMap *map)
{
  g_clear_pointer (&map->bytes, g_array_unref);
  g_clear_pointer (&map->chars, g_array_unref);
}

static glong
offset_map_lookup (OffsetMap *map,
                   gsize      byte)
{
  guint lo = 0, hi = map->bytes->len;
  gsize at;

  byte = MIN (byte, map->len);
  if (hi == 0)
    return 0;
  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (map->bytes, gsize, mid) <= byte)
        lo = mid;
      else
        hi = mid;
    }
  at = g_array_index (map->bytes, gsize, lo);
  return g_array_index (map->chars, glong, lo) + g_utf8_pointer_to_offset (map->text + at, map->text + byte);
}

/* How many emblems sit before byte @byte (at it too, when @inclusive). */
static guint
count_anchors (GArray   *anchors,
               gsize     byte,
               gboolean  inclusive)
{
  guint lo = 0, hi = anchors->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      gsize a = g_array_index (anchors, gsize, mid);

      if (a < byte || (inclusive && a == byte))
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static int
map_start (OffsetMap *map,
           GArray    *anchors,
           gsize      byte)
{
  return offset_map_lookup (map, byte) + count_anchors (anchors, byte, TRUE);
}

static int
map_end (OffsetMap *map,
         GArray    *anchors,
         gsize     byte)
{
  return offset_map_lookup (map, byte) + count_anchors (anchors, byte, FALSE);
}

static void
apply_tag (SynArticleView *self,
           SynMark         mark,
           int             start,
           int             end)
{
  GtkTextIter a, b;

  gtk_text_buffer_get_iter_at_offset (self->buffer, &a, start);
  gtk_text_buffer_get_iter_at_offset (self->buffer, &b, end);
  gtk_text_buffer_apply_tag (self->buffer, self->tags[mark], &a, &b);
}

static void
remove_tag (SynArticleView *self,
            SynMark         mark,
            int             start,
            int             end)
{
  GtkTextIter a, b;

  gtk_text_buffer_get_iter_at_offset (self->buffer, &a, start);
  gtk_text_buffer_get_iter_at_offset (self->buffer, &b, end);
  gtk_text_buffer_remove_tag (self->buffer, self->tags[mark], &a, &b);
}

static void
remove_tag_everywhere (SynArticleView *self,
                       SynMark         mark)
{
  GtkTextIter a, b;

  gtk_text_buffer_get_bounds (self->buffer, &a, &b);
  gtk_text_buffer_remove_tag (self->buffer, self->tags[mark], &a, &b);
}

/* Lines moved: every cached extent is stale. */
static void
invalidate_extents (SynArticleView *self)
{
  self->generation++;
}

/* Lines were laid out anew (width, tags, emblems): so is every place
 * within a line. */
static void
invalidate_layout (SynArticleView *self)
{
  self->layout_generation++;
  invalidate_extents (self);
}

static void
clear_emblems (SynArticleView *self)
{
  for (guint i = 0; i < self->emblems->len; i++)
    {
      Emblem *emblem = &g_array_index (self->emblems, Emblem, i);

      if (emblem->widget != NULL)
        gtk_text_view_remove (GTK_TEXT_VIEW (self), emblem->widget);
      g_object_unref (emblem->anchor);
    }
  g_array_set_size (self->emblems, 0);
}

static void
clear_content (SynArticleView *self)
{
  for (guint i = 0; i < self->spans->len; i++)
    g_object_unref (g_array_index (self->spans, SynSpan, i).passage);
  g_array_set_size (self->spans, 0);
  g_array_set_size (self->marks, 0);
  clear_emblems (self);
  g_array_set_size (self->extents, 0);
  g_array_set_size (self->selected, 0);
  g_array_set_size (self->matches, 0);
  g_array_set_size (self->blank_lines, 0);
  self->focus = -1;
  self->current_match = -1;
  invalidate_layout (self);
}

static gboolean
is_conflict (const SynDivergence *d)
{
  return d->kind == SYN_DIVERGENCE_NUMBER || d->kind == SYN_DIVERGENCE_QUOTE;
}

/* The byte offsets of the emblems: one before each conflict. */
static GArray *
collect_anchors (GListModel *passages)
{
  GArray *anchors = g_array_new (FALSE, FALSE, sizeof (gsize));
  guint n = g_list_model_get_n_items (passages);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SynPassage) passage = g_list_model_get_item (passages, i);
      guint n_div;
      const SynDivergence *divs = syn_passage_get_divergences (passage, &n_div);

      for (guint j = 0; j < n_div; j++)
        if (is_conflict (&divs[j]))
          {
            gsize last = anchors->len ? g_array_index (anchors, gsize, anchors->len - 1) : G_MAXSIZE;

            if (last != divs[j].start)
              g_array_append_val (anchors, divs[j].start);
          }
    }
  return anchors;
}

static GtkWidget *
make_emblem (SynPassage          *passage,
             const SynDivergence *divergence)
{
  GtkWidget *image = gtk_image_new_from_icon_name (syn_marks_icon_name (divergence->kind));
  g_autofree char *explanation = syn_passage_dup_explanation (passage, divergence);

  gtk_image_set_pixel_size (GTK_IMAGE (image), 12);
  gtk_widget_add_css_class (image, "syn-emblem");
  gtk_widget_add_css_class (image, divergence->kind == SYN_DIVERGENCE_NUMBER ? "number" : "quote");
  gtk_widget_set_tooltip_text (image, explanation);
  gtk_widget_set_margin_end (image, 2);
  syn_a11y_label_emblem (image, passage, divergence);
  return image;
}

/* Inserts the text with an emblem anchor at each byte of @anchors. */
static void
insert_text (SynArticleView *self,
             const char     *text,
             gsize           len,
             GArray         *anchors,
             GPtrArray      *anchor_objects)
{
  GtkTextIter end;
  gsize prev = 0;

  gtk_text_buffer_get_end_iter (self->buffer, &end);
  for (guint i = 0; i < anchors->len; i++)
    {
      gsize at = g_array_index (anchors, gsize, i);

      gtk_text_buffer_insert (self->buffer, &end, text + prev, at - prev);
      g_ptr_array_add (anchor_objects, gtk_text_buffer_create_child_anchor (self->buffer, &end));
      prev = at;
    }
  gtk_text_buffer_insert (self->buffer, &end, text + prev, len - prev);
}

static void
add_span (SynArticleView *self,
          SynPassage     *passage,
          OffsetMap      *map,
          GArray         *anchors)
{
  SynGroup *group = syn_passage_get_group (passage);
  SynPassageKind kind = syn_passage_get_kind (passage);
  SynSpan span = { 0, };
  Extent extent = { 0, };

  span.passage = g_object_ref (passage);
  span.start = map_start (map, anchors, syn_passage_get_start (passage));
  span.end = map_end (map, anchors, syn_passage_get_end (passage));
  span.group = group != NULL ? (int) syn_group_get_index (group) : -1;
  span.support = group != NULL ? syn_group_get_support (group) : 1;
  span.unique = syn_passage_is_unique (passage);
  span.boilerplate = kind == SYN_PASSAGE_BOILERPLATE;
  span.title = kind == SYN_PASSAGE_TITLE;
  span.divergent = group != NULL && syn_group_is_divergent (group);
  span.category = group != NULL ? syn_group_get_category (group) : SYN_GROUP_SAME;
  span.by_hand = syn_passage_is_linked_by_hand (passage);
  g_array_append_val (self->spans, span);
  g_array_append_val (self->extents, extent);
}

static void
add_marks (SynArticleView *self,
           guint           span_index,
           OffsetMap      *map,
           GArray         *anchors,
           GPtrArray      *anchor_objects)
{
  SynPassage *passage = g_array_index (self->spans, SynSpan, span_index).passage;
  guint n_div;
  const SynDivergence *divs = syn_passage_get_divergences (passage, &n_div);

  for (guint j = 0; j < n_div; j++)
    {
      Mark mark = { 0, };

      mark.start = map_start (map, anchors, divs[j].start);
      mark.end = map_end (map, anchors, divs[j].end);
      mark.span = span_index;
      mark.divergence = &divs[j];
      if (is_conflict (&divs[j]))
        {
          guint k = count_anchors (anchors, divs[j].start, FALSE);

          /* Several conflicts at one byte share the first one's emblem. */
          if (k < anchor_objects->len && g_array_index (anchors, gsize, k) == divs[j].start &&
              g_ptr_array_index (anchor_objects, k) != NULL)
            {
              Emblem emblem = { g_object_ref (g_ptr_array_index (anchor_objects, k)), mark.start - 1, passage,
                                &divs[j], NULL };

              g_array_append_val (self->emblems, emblem);
              g_ptr_array_index (anchor_objects, k) = NULL;
            }
        }
      g_array_append_val (self->marks, mark);
    }
}

static int
compare_marks (gconstpointer a,
               gconstpointer b)
{
  const Mark *ma = a, *mb = b;

  return ma->start != mb->start ? ma->start - mb->start : ma->end - mb->end;
}

/* Runs of blank lines shrink to one: the seeds carry up to four in a row,
 * which reads as a hole in the column. The text stays in the buffer; the
 * lines are hidden with everything else a filter hides (apply_filter()),
 * by the one tag: GtkTextView takes a line for wholly hidden only when no
 * hiding tag ends within it, and a second tag ending where a hidden
 * paragraph starts would leave that paragraph standing as an empty line. */
static void
find_blank_lines (SynArticleView *self)
{
  GtkTextIter iter;
  int blank_run = 0;

  gtk_text_buffer_get_start_iter (self->buffer, &iter);
  do
    {
      GtkTextIter line_end = iter;
      gboolean blank = TRUE;

      if (!gtk_text_iter_ends_line (&line_end))
        gtk_text_iter_forward_to_line_end (&line_end);
      for (GtkTextIter c = iter; gtk_text_iter_compare (&c, &line_end) < 0; gtk_text_iter_forward_char (&c))
        if (!g_unichar_isspace (gtk_text_iter_get_char (&c)))
          {
            blank = FALSE;
            break;
          }
      blank_run = blank ? blank_run + 1 : 0;
      /* Hide a blank line that follows a blank line, or opens the text. */
      if (blank && (blank_run > 1 || gtk_text_iter_get_line (&iter) == blank_run - 1))
        {
          GtkTextIter next = iter;
          Range *last = self->blank_lines->len > 0 ?
                        &g_array_index (self->blank_lines, Range, self->blank_lines->len - 1) : NULL;

          gtk_text_iter_forward_line (&next);
          if (last != NULL && last->end == gtk_text_iter_get_offset (&iter))
            last->end = gtk_text_iter_get_offset (&next);
          else
            g_array_append_val (self->blank_lines, ((Range) { gtk_text_iter_get_offset (&iter),
                                                              gtk_text_iter_get_offset (&next) }));
        }
    }
  while (gtk_text_iter_forward_line (&iter));
}

static void
tag_spans (SynArticleView *self)
{
  GtkTextIter a, b;

  gtk_text_buffer_get_bounds (self->buffer, &a, &b);
  gtk_text_buffer_apply_tag (self->buffer, self->tags[SYN_MARK_BODY], &a, &b);

  for (guint i = 0; i < self->spans->len; i++)
    {
      const SynSpan *span = &g_array_index (self->spans, SynSpan, i);

      if (span->title)
        apply_tag (self, SYN_MARK_TITLE, span->start, span->end);
      else if (span->boilerplate)
        apply_tag (self, SYN_MARK_BOILERPLATE, span->start, span->end);
      else if (span->unique)
        apply_tag (self, SYN_MARK_UNIQUE, span->start, span->end);
    }
  for (guint i = 0, decided_span = G_MAXUINT, emphasis = FALSE; i < self->marks->len; i++)
    {
      const Mark *mark = &g_array_index (self->marks, Mark, i);
      SynMark tag = syn_marks_for_divergence (mark->divergence->kind);

      apply_tag (self, tag, mark->start, mark->end);
      if (tag != SYN_MARK_ADDED)
        continue;
      /* Marks come span by span: decide once per span. */
      if (decided_span != mark->span)
        {
          decided_span = mark->span;
          emphasis = syn_marks_emphasise_added (g_array_index (self->spans, SynSpan, mark->span).passage);
        }
      if (emphasis)
        apply_tag (self, SYN_MARK_EMPHASIS, mark->start, mark->end);
    }
}

static int
compare_emblems (gconstpointer a,
                 gconstpointer b)
{
  return ((const Emblem *) a)->offset - ((const Emblem *) b)->offset;
}

/* The first emblem at or after character @offset. */
static guint
first_emblem_from (SynArticleView *self,
                   int             offset)
{
  guint lo = 0, hi = self->emblems->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (self->emblems, Emblem, mid).offset < offset)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* At most how many characters a page of the view shows, from the font's
 * metrics: kept per size, since asking Pango for them shapes a sample. */
static int
page_chars (SynArticleView     *self,
            const GdkRectangle *visible)
{
  PangoFontMetrics *metrics;
  int char_width, line_height;

  if (self->page_chars > 0)
    return self->page_chars;
  metrics = pango_context_get_metrics (gtk_widget_get_pango_context (GTK_WIDGET (self)), NULL, NULL);
  /* narrow letters and tight lines: an upper bound */
  char_width = MAX (PANGO_PIXELS (pango_font_metrics_get_approximate_char_width (metrics)) / 2, 1);
  line_height = MAX (PANGO_PIXELS (pango_font_metrics_get_height (metrics)), 1);
  pango_font_metrics_unref (metrics);
  self->page_chars = (visible->width / char_width + 1) * (visible->height / line_height + 1);
  return self->page_chars;
}

/* The character offsets of the lines from @pages pages above the visible
 * area to @pages pages below it. Lines the text view has not laid out yet
 * take no height, so right after the text is shown "a page below" would
 * be the end of the text: the range is also bounded by what that many
 * pages can show. */
static void
lines_around_view (SynArticleView *self,
                   double          pages,
                   int            *start,
                   int            *end)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GdkRectangle visible;
  GtkTextIter iter;
  int top, most;

  gtk_text_view_get_visible_rect (view, &visible);
  most = (int) (pages * page_chars (self, &visible));
  gtk_text_view_get_line_at_y (view, &iter, visible.y, NULL);
  top = gtk_text_iter_get_offset (&iter);
  gtk_text_view_get_line_at_y (view, &iter, visible.y - pages * visible.height, NULL);
  *start = MAX (gtk_text_iter_get_offset (&iter), top - most);
  gtk_text_view_get_line_at_y (view, &iter, visible.y + (1 + pages) * visible.height, NULL);
  gtk_text_iter_forward_line (&iter);
  *end = MIN (gtk_text_iter_get_offset (&iter), top + most + page_chars (self, &visible));
}

/* Emblems within a page of the visible area get their widgets; those more
 * than three pages away lose them, so scrolling back and forth a little
 * does not make and unmake them. */
static void
update_emblems (SynArticleView *self)
{
  int start, end, keep_start, keep_end;
  gboolean changed = FALSE;

  if (self->emblems->len == 0 || gtk_widget_get_height (GTK_WIDGET (self)) <= 0)
    return;
  lines_around_view (self, 1, &start, &end);
  lines_around_view (self, 3, &keep_start, &keep_end);
  for (guint i = 0; i < self->emblems->len; i++)
    {
      Emblem *emblem = &g_array_index (self->emblems, Emblem, i);

      if (emblem->widget != NULL && (emblem->offset < keep_start || emblem->offset >= keep_end))
        {
          gtk_text_view_remove (GTK_TEXT_VIEW (self), emblem->widget);
          emblem->widget = NULL;
          changed = TRUE;
        }
    }
  for (guint i = first_emblem_from (self, start); i < self->emblems->len; i++)
    {
      Emblem *emblem = &g_array_index (self->emblems, Emblem, i);

      if (emblem->offset >= end)
        break;
      if (emblem->widget != NULL)
        continue;
      emblem->widget = make_emblem (emblem->passage, emblem->divergence);
      gtk_text_view_add_child_at_anchor (GTK_TEXT_VIEW (self), emblem->widget, emblem->anchor);
      changed = TRUE;
    }
  /* an emblem widens its line, which may wrap anew */
  if (changed)
    invalidate_layout (self);
}

static gboolean
emblems_tick_cb (GtkWidget     *widget,
                 GdkFrameClock *clock,
                 gpointer       user_data)
{
  SynArticleView *self = SYN_ARTICLE_VIEW (widget);

  self->emblems_tick = 0;
  update_emblems (self);
  return G_SOURCE_REMOVE;
}

/* At the start of the next frame, before it is laid out. */
static void
queue_emblems (SynArticleView *self)
{
  if (self->emblems_tick == 0 && self->emblems->len > 0)
    self->emblems_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), emblems_tick_cb, NULL, NULL);
}

static void apply_filter (SynArticleView *self);

static void
rebuild (SynArticleView *self)
{
  g_autoptr(GArray) anchors = NULL;
  g_autoptr(GPtrArray) anchor_objects = NULL;
  GListModel *passages;
  OffsetMap map;
  const char *text;
  gsize len;
  guint n;

  self->building = TRUE;
  clear_content (self);
  gtk_text_buffer_set_text (self->buffer, "", 0);
  if (self->article == NULL)
    {
      self->building = FALSE;
      return;
    }

  text = syn_article_get_text (self->article, &len);
  passages = syn_article_get_passages (self->article);
  n = g_list_model_get_n_items (passages);
  anchors = collect_anchors (passages);
  /* The buffer owns the anchors; this only indexes them. */
  anchor_objects = g_ptr_array_new ();
  insert_text (self, text, len, anchors, anchor_objects);

  offset_map_init (&map, text, len);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SynPassage) passage = g_list_model_get_item (passages, i);

      add_span (self, passage, &map, anchors);
      add_marks (self, i, &map, anchors, anchor_objects);
    }
  offset_map_clear (&map);
  g_array_sort (self->marks, compare_marks);
  g_array_sort (self->emblems, compare_emblems);

  tag_spans (self);
  find_blank_lines (self);
  apply_filter (self);
  self->building = FALSE;
  queue_emblems (self);
}

/* The span after @index that is not collapsed, or the end of the text. */
static int
hidden_range_end (SynArticleView *self,
                  guint           index)
{
  const SynSpan *span = &g_array_index (self->spans, SynSpan, index);
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_offset (self->buffer, &iter, span->end);
  while (!gtk_text_iter_is_end (&iter) && g_unichar_isspace (gtk_text_iter_get_char (&iter)))
    gtk_text_iter_forward_char (&iter);
  return gtk_text_iter_get_offset (&iter);
}

/* Whether everything on @iter's line before it is hidden already (or
 * there is nothing before it). The spans of a line are collapsed in
 * order, each hidden range running on to the next, so one look back to
 * where the hidden run begins tells. */
static gboolean
hidden_to_line_start (SynArticleView    *self,
                      const GtkTextIter *iter)
{
  GtkTextIter run = *iter;
  int line_start;

  if (gtk_text_iter_starts_line (iter))
    return TRUE;
  if (!gtk_text_iter_backward_char (&run) || !gtk_text_iter_has_tag (&run, self->tags[SYN_MARK_HIDDEN]))
    return FALSE;
  line_start = gtk_text_iter_get_offset (iter) - gtk_text_iter_get_line_offset (iter);
  if (!gtk_text_iter_starts_tag (&run, self->tags[SYN_MARK_HIDDEN]))
    gtk_text_iter_backward_to_tag_toggle (&run, self->tags[SYN_MARK_HIDDEN]);
  return gtk_text_iter_get_offset (&run) <= line_start;
}

/* Hidden text takes its paragraph break along when it fills whole lines,
 * and the space before it when it ends a paragraph, so the text around
 * it closes up without running paragraphs together. A paragraph of
 * several hidden sentences is whole lines too, once its last sentence
 * is hidden: left behind, its break would stand as two empty lines
 * under the fold, a gap growing with every such paragraph. */
static void
collapse_span (SynArticleView *self,
               guint           index)
{
  const SynSpan *span = &g_array_index (self->spans, SynSpan, index);
  GtkTextIter start;

  gtk_text_buffer_get_iter_at_offset (self->buffer, &start, span->start);
  while (!gtk_text_iter_starts_line (&start))
    {
      GtkTextIter prev = start;
      gunichar c;

      gtk_text_iter_backward_char (&prev);
      c = gtk_text_iter_get_char (&prev);
      if (!g_unichar_isspace (c) || c == '\n' || c == '\r')
        break;
      start = prev;
    }
  if (hidden_to_line_start (self, &start))
    apply_tag (self, SYN_MARK_HIDDEN, gtk_text_iter_get_offset (&start), hidden_range_end (self, index));
  else
    apply_tag (self, SYN_MARK_HIDDEN, gtk_text_iter_get_offset (&start), span->end);
}

static gboolean
span_kept (SynArticleView *self,
           const SynSpan  *span)
{
  switch (self->filter)
    {
    case SYN_FILTER_REWORDED:
      return span->group >= 0 && span->category == SYN_GROUP_REWORDED;
    case SYN_FILTER_CONFLICTS:
      return span->group >= 0 && span->category == SYN_GROUP_CONFLICT;
    case SYN_FILTER_ADDED:
      return span->unique || (span->group >= 0 && span->category == SYN_GROUP_EXTRA);
    case SYN_FILTER_ALL:
    default:
      return TRUE;
    }
}

/* Each run of filtered spans folds under the paragraph holding the last
 * span shown before it; runs that fold under one paragraph (sentences
 * hidden inside it) make one fold. A run with nothing shown above it
 * folds under nothing: titles are always shown, so that is rare. */
static void
build_folds (SynArticleView *self)
{
  int shown = -1;

  g_array_set_size (self->folds, 0);
  remove_tag_everywhere (self, SYN_MARK_FOLD);
  for (guint i = 0; i < self->spans->len;)
    {
      const SynSpan *span = &g_array_index (self->spans, SynSpan, i);
      Fold fold = { i, i, 0, 0 };
      GtkTextIter iter;

      if (!span->filtered)
        {
          if (!span->collapsed)
            shown = (int) i;
          i++;
          continue;
        }
      for (; i < self->spans->len && g_array_index (self->spans, SynSpan, i).collapsed; i++)
        if (g_array_index (self->spans, SynSpan, i).filtered)
          fold.last = i, fold.n_hidden++;
      if (shown < 0)
        continue;
      gtk_text_buffer_get_iter_at_offset (self->buffer, &iter,
                                          MAX (g_array_index (self->spans, SynSpan, shown).end - 1, 0));
      fold.line = gtk_text_iter_get_line (&iter);
      if (self->folds->len > 0 && g_array_index (self->folds, Fold, self->folds->len - 1).line == fold.line)
        {
          Fold *prev = &g_array_index (self->folds, Fold, self->folds->len - 1);

          prev->last = fold.last;
          prev->n_hidden += fold.n_hidden;
          continue;
        }
      g_array_append_val (self->folds, fold);
      {
        GtkTextIter start = iter, end = iter;

        gtk_text_iter_set_line_offset (&start, 0);
        if (!gtk_text_iter_ends_line (&end))
          gtk_text_iter_forward_to_line_end (&end);
        gtk_text_buffer_apply_tag (self->buffer, self->tags[SYN_MARK_FOLD], &start, &end);
      }
    }
}

static void
apply_filter (SynArticleView *self)
{
  remove_tag_everywhere (self, SYN_MARK_HIDDEN);
  for (guint i = 0; i < self->blank_lines->len; i++)
    apply_tag (self, SYN_MARK_HIDDEN, g_array_index (self->blank_lines, Range, i).start,
               g_array_index (self->blank_lines, Range, i).end);

  for (guint i = 0; i < self->spans->len; i++)
    {
      SynSpan *span = &g_array_index (self->spans, SynSpan, i);

      /* titles stay, so that every column still says what it is */
      span->kept = span_kept (self, span);
      span->filtered = !span->title && !span->boilerplate && !span->opened && !span->kept;
      span->collapsed = (span->boilerplate && !self->show_boilerplate) || span->filtered;
      if (span->collapsed)
        collapse_span (self, i);
    }
  build_folds (self);
  invalidate_layout (self);
  /* Hidden text changes the lines' heights. GtkTextView measures them
   * again in an idle, or when it is allocated; a key press is handled
   * inside a frame, before its layout, so the idle comes too late and,
   * without a resize, GtkTextView would measure them while drawing:
   * the scrollbar, whose range that changes, would then be drawn
   * without an allocation. */
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* Within a page of the visible area lines are laid out (or soon will
 * be), so positions there are taken exactly. */
static void
near_rect (SynArticleView *self,
           GdkRectangle   *near)
{
  gtk_text_view_get_visible_rect (GTK_TEXT_VIEW (self), near);
  near->y -= near->height;
  near->height *= 3;
}

/* How far into its line @iter stands, by characters (0 to 1): where a line
 * is not laid out, that is the best guess at where in it a sentence is. */
static float
line_fraction (const GtkTextIter *iter,
               gboolean           after)
{
  int n = gtk_text_iter_get_chars_in_line (iter);

  return n > 0 ? MIN ((gtk_text_iter_get_line_offset (iter) + (after ? 1 : 0)) / (float) n, 1) : 0;
}

static void
compute_extent (SynArticleView     *self,
                guint               index,
                const GdkRectangle *near)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  const SynSpan *span = &g_array_index (self->spans, SynSpan, index);
  Extent *extent = &g_array_index (self->extents, Extent, index);
  GtkTextIter a, b;
  GdkRectangle ra, rb;
  int ay, ah, by, bh;

  extent->generation = self->generation;
  extent->valid = !span->collapsed && span->end > span->start;
  if (!extent->valid)
    return;
  gtk_text_buffer_get_iter_at_offset (self->buffer, &a, span->start);
  gtk_text_buffer_get_iter_at_offset (self->buffer, &b, span->end - 1);
  /* The line heights GtkTextView keeps cost no layout (a line it has not
   * laid out yet has none); a position inside a line costs laying it out. */
  gtk_text_view_get_line_yrange (view, &a, &ay, &ah);
  gtk_text_view_get_line_yrange (view, &b, &by, &bh);
  if (extent->exact && extent->layout_generation != self->layout_generation)
    extent->exact = FALSE;
  if (!extent->exact && (by + bh < near->y || ay > near->y + near->height))
    {
      extent->y = ay + ah * line_fraction (&a, FALSE);
      extent->height = MAX (by + bh * line_fraction (&b, TRUE) - extent->y, 1);
      return;
    }
  if (!extent->exact)
    {
      gtk_text_view_get_iter_location (view, &a, &ra);
      gtk_text_view_get_iter_location (view, &b, &rb);
      extent->start_dy = ra.y - ay;
      extent->end_dy = rb.y + rb.height - by;
      extent->exact = TRUE;
      extent->layout_generation = self->layout_generation;
    }
  extent->y = ay + extent->start_dy;
  extent->height = MAX (by + extent->end_dy - extent->y, 1);
}

/* The span's extent, computed if the layout changed since, or if it was
 * estimated and has come near the visible area. */
static const Extent *
span_extent (SynArticleView     *self,
             guint               index,
             const GdkRectangle *near)
{
  Extent *extent = &g_array_index (self->extents, Extent, index);

  if (extent->generation != self->generation ||
      (extent->valid && !extent->exact && extent->y + extent->height >= near->y &&
       extent->y <= near->y + near->height))
    compute_extent (self, index, near);
  return extent;
}

/* The first span whose first line ends below @y (@bottom) or starts
 * below it (!@bottom). Line positions never decrease from one span to the
 * next, hidden or not, so a binary search finds it. */
static guint
span_by_line (SynArticleView *self,
              int             y,
              gboolean        bottom)
{
  guint lo = 0, hi = self->spans->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      GtkTextIter iter;
      int top, height;

      gtk_text_buffer_get_iter_at_offset (self->buffer, &iter, g_array_index (self->spans, SynSpan, mid).start);
      gtk_text_view_get_line_yrange (GTK_TEXT_VIEW (self), &iter, &top, &height);
      if ((bottom ? top + height : top) <= y)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* The spans [*first, *end) that may reach into @area (buffer
 * coordinates): the only ones drawing has to look at. */
static void
spans_in_area (SynArticleView     *self,
               const GdkRectangle *area,
               guint              *first,
               guint              *end)
{
  GdkRectangle near;

  near_rect (self, &near);
  *first = span_by_line (self, area->y, TRUE);
  *end = span_by_line (self, area->y + area->height, FALSE);
  /* A span seldom runs on from an earlier paragraph; a few steps back
   * find those that do. */
  for (guint k = 0; k < 4 && *first > 0; k++)
    {
      const Extent *extent = span_extent (self, *first - 1, &near);

      if (extent->valid && extent->y + extent->height <= area->y)
        break;
      (*first)--;
    }
  *end = MAX (*end, *first);
}

static gboolean
span_is_selected (SynArticleView *self,
                  guint           index)
{
  for (guint k = 0; k < self->selected->len; k++)
    if (g_array_index (self->selected, guint, k) == index)
      return TRUE;
  return FALSE;
}

/* The span's background, one rounded box per display line it covers. */
static void
snapshot_span_background (SynArticleView *self,
                          GtkSnapshot    *snapshot,
                          guint           index,
                          const GdkRGBA  *color)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  const SynSpan *span = &g_array_index (self->spans, SynSpan, index);
  GtkTextIter iter, end;

  gtk_text_buffer_get_iter_at_offset (self->buffer, &iter, span->start);
  gtk_text_buffer_get_iter_at_offset (self->buffer, &end, span->end);
  while (gtk_text_iter_compare (&iter, &end) < 0)
    {
      GtkTextIter next = iter, last;
      GdkRectangle first_rect, last_rect;
      float x0, x1;

      /* To the start of the next display line: unlike a line's end, that
       * position is never ambiguous at a wrap. */
      if (!gtk_text_view_forward_display_line (view, &next) || gtk_text_iter_compare (&next, &end) > 0 ||
          gtk_text_iter_compare (&next, &iter) <= 0)
        next = end;
      last = next;
      gtk_text_iter_backward_char (&last);
      /* The space a line wraps at is not part of the highlight. */
      while (gtk_text_iter_compare (&last, &iter) > 0 && g_unichar_isspace (gtk_text_iter_get_char (&last)))
        gtk_text_iter_backward_char (&last);
      gtk_text_view_get_iter_location (view, &iter, &first_rect);
      gtk_text_view_get_iter_location (view, &last, &last_rect);
      x0 = first_rect.x - 2;
      x1 = last_rect.x + last_rect.width + 2;
      if (x1 > x0 && last_rect.y == first_rect.y)
        {
          GskRoundedRect box;

          gsk_rounded_rect_init_from_rect (&box, &GRAPHENE_RECT_INIT (x0, first_rect.y, x1 - x0, first_rect.height),
                                           3);
          gtk_snapshot_push_rounded_clip (snapshot, &box);
          gtk_snapshot_append_color (snapshot, color, &box.bounds);
          gtk_snapshot_pop (snapshot);
        }
      iter = next;
    }
}

static void
snapshot_selection (SynArticleView *self,
                    GtkSnapshot    *snapshot,
                    GdkRectangle   *visible)
{
  const SynPalette *palette = syn_marks_get_palette ();
  GdkRectangle near;

  near_rect (self, &near);
  for (guint k = 0; k < self->selected->len; k++)
    {
      guint i = g_array_index (self->selected, guint, k);
      const Extent *extent = span_extent (self, i, &near);

      if (!extent->valid || extent->y + extent->height < visible->y || extent->y > visible->y + visible->height)
        continue;
      snapshot_span_background (self, snapshot, i, (int) i == self->focus ? &palette->focus : &palette->selected);
    }
}

/* A link made by hand: the bar becomes a bracket, which reads without
 * colour too. */
static void
snapshot_by_hand (GtkSnapshot   *snapshot,
                  const GdkRGBA *color,
                  float          y0,
                  float          y1)
{
  gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (GUTTER_X - 1, y0, GUTTER_WIDTH + 6, 2));
  gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (GUTTER_X - 1, y1 - 2, GUTTER_WIDTH + 6, 2));
  gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (GUTTER_X - 1, y0, 2, y1 - y0));
}

static void
snapshot_gutter (SynArticleView *self,
                 GtkSnapshot    *snapshot,
                 GdkRectangle   *visible)
{
  const SynPalette *palette = syn_marks_get_palette ();
  GdkRectangle near;
  guint first, end;

  near_rect (self, &near);
  spans_in_area (self, visible, &first, &end);
  for (guint i = first; i < end; i++)
    {
      const SynSpan *span = &g_array_index (self->spans, SynSpan, i);
      const Extent *extent = span_extent (self, i, &near);
      gboolean selected;
      float y0 = extent->y + 2, y1 = extent->y + extent->height - 2;

      if (!extent->valid || span->boilerplate || y1 < visible->y || y0 > visible->y + visible->height)
        continue;
      selected = span_is_selected (self, i);

      if (selected)
        gtk_snapshot_append_color (snapshot, &palette->gutter_selected,
                                   &GRAPHENE_RECT_INIT (GUTTER_X - 1, y0, GUTTER_WIDTH + 2, y1 - y0));
      else if (span->unique)
        /* Dashed: unique reads without colour too. */
        for (float y = y0; y < y1; y += 7)
          gtk_snapshot_append_color (snapshot, &palette->gutter_unique,
                                     &GRAPHENE_RECT_INIT (GUTTER_X, y, GUTTER_WIDTH, MIN (4, y1 - y)));
      else if (span->group >= 0)
        {
          GdkRGBA color = palette->gutter_shared;

          /* Fainter when fewer sources carry it. */
          if (self->n_sources > 2)
            color.alpha *= 0.45 + 0.55 * (span->support - 1) / (double) (self->n_sources - 1);
          gtk_snapshot_append_color (snapshot, &color,
                                     &GRAPHENE_RECT_INIT (GUTTER_X, y0, GUTTER_WIDTH, y1 - y0));
        }
      if (span->by_hand)
        snapshot_by_hand (snapshot, &palette->gutter_selected, y0, y1);
    }
}

/* Binary search: the first mark that ends after @offset. */
static guint
first_mark_after (SynArticleView *self,
                  int             offset)
{
  guint lo = 0, hi = self->marks->len;

  /* Marks are sorted by start and never overlap much; search by start
   * and step back over the few that still reach @offset. */
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (self->marks, Mark, mid).start < offset)
        lo = mid + 1;
      else
        hi = mid;
    }
  while (lo > 0 && g_array_index (self->marks, Mark, lo - 1).end > offset)
    lo--;
  return lo;
}

static void
snapshot_dotted_mark (SynArticleView *self,
                      GtkSnapshot    *snapshot,
                      const Mark     *mark,
                      const GdkRGBA  *color)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GtkTextIter iter;
  float x0 = 0, x1 = 0, line_y = -1;

  gtk_text_buffer_get_iter_at_offset (self->buffer, &iter, mark->start);
  for (int off = mark->start; off < mark->end; off++, gtk_text_iter_forward_char (&iter))
    {
      GdkRectangle r;

      gtk_text_view_get_iter_location (view, &iter, &r);
      if (r.y + r.height != line_y)
        {
          if (line_y >= 0)
            syn_marks_snapshot_dotted (snapshot, x0, x1, line_y - 2, color);
          line_y = r.y + r.height;
          x0 = r.x;
        }
      if (!g_unichar_isspace (gtk_text_iter_get_char (&iter)))
        x1 = r.x + r.width;
    }
  if (line_y >= 0)
    syn_marks_snapshot_dotted (snapshot, x0, x1, line_y - 2, color);
}

static void
snapshot_underlines (SynArticleView *self,
                     GtkSnapshot    *snapshot,
                     GdkRectangle   *visible)
{
  const SynPalette *palette = syn_marks_get_palette ();
  GtkTextIter top, bottom;
  int top_offset, bottom_offset;

  /* Whole lines: GTK 4.8 can abort ("byte index off the end of the
   * line") finding a point at the end of a wrapped line whose last
   * passages a filter hides. */
  gtk_text_view_get_line_at_y (GTK_TEXT_VIEW (self), &top, visible->y, NULL);
  gtk_text_view_get_line_at_y (GTK_TEXT_VIEW (self), &bottom, visible->y + visible->height, NULL);
  gtk_text_iter_forward_line (&bottom);
  top_offset = gtk_text_iter_get_offset (&top);
  bottom_offset = gtk_text_iter_get_offset (&bottom);

  for (guint i = first_mark_after (self, top_offset); i < self->marks->len; i++)
    {
      const Mark *mark = &g_array_index (self->marks, Mark, i);

      if (mark->start > bottom_offset)
        break;
      if (mark->divergence->kind != SYN_DIVERGENCE_CHANGED ||
          g_array_index (self->spans, SynSpan, mark->span).collapsed)
        continue;
      snapshot_dotted_mark (self, snapshot, mark, &palette->changed_line);
    }
}

static char *
fold_text (SynArticleView *self,
           guint           n)
{
  /* what the Conflicts filter hides agrees on every fact */
  if (self->filter == SYN_FILTER_CONFLICTS)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "⋯ %u passage agrees", "⋯ %u passages agree", n), n);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "⋯ %u passage hidden by the filter",
                                       "⋯ %u passages hidden by the filter", n), n);
}

static void
snapshot_folds (SynArticleView *self,
                GtkSnapshot    *snapshot,
                GdkRectangle   *visible)
{
  const SynPalette *palette = syn_marks_get_palette ();

  for (guint i = 0; i < self->folds->len; i++)
    {
      const Fold *fold = &g_array_index (self->folds, Fold, i);
      g_autoptr(PangoLayout) layout = NULL;
      g_autofree char *text = NULL;
      GdkRectangle area;
      int width, height;

      syn_article_view_get_fold (self, i, NULL, NULL, &area);
      if (area.y > visible->y + visible->height || area.y + area.height < visible->y)
        continue;
      text = fold_text (self, fold->n_hidden);
      layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
      pango_layout_get_pixel_size (layout, &width, &height);
      gtk_snapshot_append_color (snapshot, &palette->dim_text,
                                 &GRAPHENE_RECT_INIT (area.x, area.y + area.height / 2.0f,
                                                      8, 1));
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot,
                              &GRAPHENE_POINT_INIT (area.x + 12, area.y + (area.height - height) / 2.0f));
      gtk_snapshot_append_layout (snapshot, layout, &palette->dim_text);
      gtk_snapshot_restore (snapshot);
      if (area.x + 20 + width < area.x + area.width)
        gtk_snapshot_append_color (snapshot, &palette->dim_text,
                                   &GRAPHENE_RECT_INIT (area.x + 20 + width, area.y + area.height / 2.0f,
                                                        area.width - 20 - width, 1));
    }
}

static void
syn_article_view_snapshot_layer (GtkTextView      *view,
                                 GtkTextViewLayer  layer,
                                 GtkSnapshot      *snapshot)
{
  SynArticleView *self = SYN_ARTICLE_VIEW (view);
  GdkRectangle visible;

  if (self->article == NULL)
    return;
  gtk_text_view_get_visible_rect (view, &visible);
  if (layer == GTK_TEXT_VIEW_LAYER_BELOW_TEXT)
    {
      snapshot_gutter (self, snapshot, &visible);
      snapshot_selection (self, snapshot, &visible);
    }
  else
    {
      snapshot_underlines (self, snapshot, &visible);
      snapshot_folds (self, snapshot, &visible);
    }
}

/* A click on a fold line opens it (and is not a click on the text). */
static void
fold_pressed_cb (GtkGestureClick *gesture,
                 int              n_press,
                 double           x,
                 double           y,
                 SynArticleView  *self)
{
  int bx, by;

  gtk_text_view_window_to_buffer_coords (GTK_TEXT_VIEW (self), GTK_TEXT_WINDOW_WIDGET, (int) x, (int) y,
                                         &bx, &by);
  for (guint i = 0; i < self->folds->len; i++)
    {
      GdkRectangle area;

      syn_article_view_get_fold (self, i, NULL, NULL, &area);
      if (by >= area.y && by < area.y + area.height)
        {
          gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
          syn_article_view_open_fold (self, i);
          return;
        }
    }
}

static int
span_at_offset (SynArticleView *self,
                int             offset)
{
  guint lo = 0, hi = self->spans->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      const SynSpan *span = &g_array_index (self->spans, SynSpan, mid);

      if (span->end < offset)
        lo = mid + 1;
      else if (span->start > offset)
        hi = mid;
      else
        return mid;
    }
  return -1;
}

static void
mark_set_cb (SynArticleView *self,
             GtkTextIter    *location,
             GtkTextMark    *mark)
{
  int span;

  if (self->building || self->placing_caret || mark != gtk_text_buffer_get_insert (self->buffer) ||
      gtk_text_buffer_get_has_selection (self->buffer))
    return;
  span = span_at_offset (self, gtk_text_iter_get_offset (location));
  if (span >= 0 && !g_array_index (self->spans, SynSpan, span).collapsed)
    g_signal_emit (self, signals[SPAN_ACTIVATED], 0, (guint) span);
}

static char *
describe_span (SynArticleView *self,
               const SynSpan  *span)
{
  if (span->boilerplate)
    return g_strdup (_("Site furniture: left out of the comparison"));
  if (span->unique)
    return g_strdup (_("Only in this source"));
  if (span->group >= 0 && span->by_hand)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Linked by hand: in %u of %u source",
                                         "Linked by hand: in %u of %u sources", self->n_sources),
                            span->support, self->n_sources);
  if (span->group >= 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "In %u of %u source", "In %u of %u sources",
                                         self->n_sources),
                            span->support, self->n_sources);
  return NULL;
}

static gboolean
query_tooltip_cb (SynArticleView *self,
                  int             x,
                  int             y,
                  gboolean        keyboard,
                  GtkTooltip     *tooltip)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GtkTextIter iter;
  int bx, by, offset, span;
  GdkRectangle r;

  if (keyboard || self->article == NULL)
    return FALSE;
  gtk_text_view_window_to_buffer_coords (view, GTK_TEXT_WINDOW_WIDGET, x, y, &bx, &by);
  if (!gtk_text_view_get_iter_at_location (view, &iter, bx, by))
    return FALSE;
  offset = gtk_text_iter_get_offset (&iter);
  span = span_at_offset (self, offset);
  if (span < 0)
    return FALSE;

  /* In the gutter: what the bar means. */
  if (bx < LEFT_MARGIN)
    {
      g_autofree char *text = describe_span (self, &g_array_index (self->spans, SynSpan, span));

      gtk_tooltip_set_text (tooltip, text);
      return text != NULL;
    }

  for (guint i = first_mark_after (self, offset); i < self->marks->len; i++)
    {
      const Mark *mark = &g_array_index (self->marks, Mark, i);
      g_autofree char *text = NULL;

      if (mark->start > offset)
        break;
      if (offset >= mark->end)
        continue;
      text = syn_passage_dup_explanation (g_array_index (self->spans, SynSpan, mark->span).passage,
                                          mark->divergence);
      if (text == NULL)
        continue;
      gtk_text_view_get_iter_location (view, &iter, &r);
      gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_WIDGET, r.x, r.y, &r.x, &r.y);
      gtk_tooltip_set_tip_area (tooltip, &r);
      gtk_tooltip_set_text (tooltip, text);
      return TRUE;
    }
  return FALSE;
}

/* A right click first selects the passage under the pointer, so that the
 * menu's corrections apply to the passage the reader pointed at. */
static void
secondary_pressed_cb (GtkGestureClick *gesture,
                      int              n_press,
                      double           x,
                      double           y,
                      SynArticleView  *self)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GtkTextIter iter;
  int bx, by, span;

  gtk_text_view_window_to_buffer_coords (view, GTK_TEXT_WINDOW_WIDGET, (int) x, (int) y, &bx, &by);
  if (!gtk_text_view_get_iter_at_location (view, &iter, bx, by))
    return;
  span = span_at_offset (self, gtk_text_iter_get_offset (&iter));
  if (span >= 0 && !g_array_index (self->spans, SynSpan, span).collapsed &&
      (guint) span != (guint) self->focus)
    g_signal_emit (self, signals[SPAN_ACTIVATED], 0, (guint) span);
}

/* The corrections by hand, after Cut, Copy and Paste: the window's
 * actions (syn-window-edits.c). Undo and redo are Ctrl+Z and Ctrl+Shift+Z:
 * the text view's menu already names those keys for its own text. */
static void
add_edit_menu (SynArticleView *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) edits = g_menu_new ();
  GtkGesture *gesture = gtk_gesture_click_new ();

  g_menu_append (edits, _("_Link With…"), "win.link-passage");
  g_menu_append (edits, _("_Unlink From Group"), "win.unlink-passage");
  g_menu_append (edits, _("_Split Group Here"), "win.split-group");
  g_menu_append (edits, _("_Merge With Group…"), "win.merge-groups");
  g_menu_append (edits, _("Group _Note…"), "win.group-note");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (edits));
  gtk_text_view_set_extra_menu (GTK_TEXT_VIEW (self), G_MENU_MODEL (menu));

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_SECONDARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (gesture), GTK_PHASE_CAPTURE);
  g_signal_connect (gesture, "pressed", G_CALLBACK (secondary_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));
}

static void
adjustment_changed_cb (SynArticleView *self)
{
  invalidate_extents (self);
  queue_emblems (self);
}

static void
vadjustment_notify_cb (SynArticleView *self)
{
  GtkAdjustment *adj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self));

  if (adj == self->vadjustment)
    return;
  if (self->vadjustment != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->vadjustment, adjustment_changed_cb, self);
      g_signal_handlers_disconnect_by_func (self->vadjustment, queue_emblems, self);
    }
  g_set_object (&self->vadjustment, adj);
  if (adj != NULL)
    {
      g_signal_connect_object (adj, "changed", G_CALLBACK (adjustment_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (adj, "value-changed", G_CALLBACK (queue_emblems), self, G_CONNECT_SWAPPED);
    }
}

static void
style_changed_cb (SynArticleView *self)
{
  syn_marks_update_tags (self->tags);
  invalidate_layout (self);
  self->page_chars = 0;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
syn_article_view_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  SynArticleView *self = SYN_ARTICLE_VIEW (widget);

  GTK_WIDGET_CLASS (syn_article_view_parent_class)->size_allocate (widget, width, height, baseline);
  /* A text view is allocated again in most frames, at the same size. */
  if (width == self->allocated_width && height == self->allocated_height)
    return;
  if (width != self->allocated_width)
    invalidate_layout (self);
  self->page_chars = 0;
  self->allocated_width = width;
  self->allocated_height = height;
  queue_emblems (self);
}

static void
syn_article_view_dispose (GObject *object)
{
  SynArticleView *self = SYN_ARTICLE_VIEW (object);

  if (self->vadjustment != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->vadjustment, adjustment_changed_cb, self);
      g_signal_handlers_disconnect_by_func (self->vadjustment, queue_emblems, self);
    }
  g_clear_object (&self->vadjustment);
  g_clear_handle_id (&self->caret_idle, g_source_remove);
  if (self->emblems_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->emblems_tick);
  self->emblems_tick = 0;
  if (self->spans != NULL)
    clear_content (self);
  g_clear_object (&self->article);

  G_OBJECT_CLASS (syn_article_view_parent_class)->dispose (object);
}

static void
syn_article_view_finalize (GObject *object)
{
  SynArticleView *self = SYN_ARTICLE_VIEW (object);

  g_clear_pointer (&self->spans, g_array_unref);
  g_clear_pointer (&self->marks, g_array_unref);
  g_clear_pointer (&self->emblems, g_array_unref);
  g_clear_pointer (&self->extents, g_array_unref);
  g_clear_pointer (&self->selected, g_array_unref);
  g_clear_pointer (&self->matches, g_array_unref);
  g_clear_pointer (&self->folds, g_array_unref);
  g_clear_pointer (&self->blank_lines, g_array_unref);
  g_clear_object (&self->buffer);

  G_OBJECT_CLASS (syn_article_view_parent_class)->finalize (object);
}

static void
syn_article_view_class_init (SynArticleViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkTextViewClass *text_view_class = GTK_TEXT_VIEW_CLASS (klass);

  object_class->dispose = syn_article_view_dispose;
  object_class->finalize = syn_article_view_finalize;
  widget_class->size_allocate = syn_article_view_size_allocate;
  text_view_class->snapshot_layer = syn_article_view_snapshot_layer;

  /**
   * SynArticleView::span-activated:
   * @index: the span
   *
   * A passage was clicked (or the cursor put in it).
   */
  signals[SPAN_ACTIVATED] =
    g_signal_new ("span-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);

  /**
   * SynArticleView::fold-opened:
   *
   * A fold line was opened: passages the filter hid are shown.
   */
  signals[FOLD_OPENED] =
    g_signal_new ("fold-opened",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
syn_article_view_init (SynArticleView *self)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);

  self->spans = g_array_new (FALSE, TRUE, sizeof (SynSpan));
  self->marks = g_array_new (FALSE, TRUE, sizeof (Mark));
  self->emblems = g_array_new (FALSE, TRUE, sizeof (Emblem));
  self->extents = g_array_new (FALSE, TRUE, sizeof (Extent));
  self->selected = g_array_new (FALSE, FALSE, sizeof (guint));
  self->matches = g_array_new (FALSE, FALSE, sizeof (Range));
  self->folds = g_array_new (FALSE, FALSE, sizeof (Fold));
  self->blank_lines = g_array_new (FALSE, FALSE, sizeof (Range));
  self->focus = -1;
  self->current_match = -1;
  self->show_boilerplate = TRUE;
  self->generation = 1;

  self->buffer = gtk_text_buffer_new (NULL);
  gtk_text_buffer_set_enable_undo (self->buffer, FALSE);
  syn_marks_create_tags (gtk_text_buffer_get_tag_table (self->buffer), self->tags);
  {
    GtkTextIter start;

    gtk_text_buffer_get_start_iter (self->buffer, &start);
    self->scroll_mark = gtk_text_buffer_create_mark (self->buffer, "syn-scroll", &start, TRUE);
  }
  gtk_text_view_set_buffer (view, self->buffer);
  g_signal_connect_object (self->buffer, "mark-set", G_CALLBACK (mark_set_cb), self, G_CONNECT_SWAPPED);
  {
    GtkGesture *click = gtk_gesture_click_new ();

    /* before the text view moves the cursor */
    gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
    g_signal_connect (click, "pressed", G_CALLBACK (fold_pressed_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  }

  gtk_text_view_set_editable (view, FALSE);
  gtk_text_view_set_cursor_visible (view, FALSE);
  gtk_text_view_set_wrap_mode (view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (view, LEFT_MARGIN);
  gtk_text_view_set_right_margin (view, RIGHT_MARGIN);
  gtk_text_view_set_top_margin (view, 12);
  gtk_text_view_set_bottom_margin (view, 48);
  gtk_widget_add_css_class (GTK_WIDGET (self), "syn-article");
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
  g_signal_connect (self, "notify::vadjustment", G_CALLBACK (vadjustment_notify_cb), NULL);
  add_edit_menu (self);
  syn_marks_watch_style (G_OBJECT (self), G_CALLBACK (style_changed_cb));
}

GtkWidget *
syn_article_view_new (void)
{
  return g_object_new (SYN_TYPE_ARTICLE_VIEW, NULL);
}

void
syn_article_view_set_article (SynArticleView *self,
                              SynArticle     *article,
                              guint           n_sources)
{
  g_return_if_fail (SYN_IS_ARTICLE_VIEW (self));
  g_return_if_fail (article == NULL || SYN_IS_ARTICLE (article));

  g_set_object (&self->article, article);
  self->n_sources = n_sources;
  rebuild (self);
}

SynArticle *
syn_article_view_get_article (SynArticleView *self)
{
  g_return_val_if_fail (SYN_IS_ARTICLE_VIEW (self), NULL);

  return self->article;
}

guint
syn_article_view_get_n_sources (SynArticleView *self)
{
  g_return_val_if_fail (SYN_IS_ARTICLE_VIEW (self), 0);

  return self->n_sources;
}

guint
syn_article_view_get_n_spans (SynArticleView *self)
{
  g_return_val_if_fail (SYN_IS_ARTICLE_VIEW (self), 0);

  return self->spans->len;
}

const SynSpan *
syn_article_view_get_span (SynArticleView *self,
                           guint           index)
{
  g_return_val_if_fail (SYN_IS_ARTICLE_VIEW (self), NULL);
  g_return_val_if_fail (index < self->spans->len, NULL);

  return &g_array_index (self->spans, SynSpan, index);
}

int
syn_article_view_find_span (SynArticleView *self,
                            int             offset)
{
  g_return_val_if_fail (SYN_IS_ARTICLE_VIEW (self), -1);

  return span_at_offset (self, offset);
}

gboolean
syn_article_view_get_span_extent (SynArticleView *self,
                                  guint           index,
                                  float          *y,
                                  float          *height)
{
  const Extent *extent;
  GdkRectangle near;

  g_return_val_if_fail (SYN_IS_ARTICLE_VIEW (self), FALSE);
  g_return_val_if_fail (index < self->spans->len, FALSE);

  near_rect (self, &near);
  extent = span_extent (self, index, &near);
  *y = extent->y;
  *height = extent->height;
  return extent->valid;
}

/* The (hidden) caret at the start of the passage reached: a screen reader
 * reads the line at the caret when the column gets the focus, and reads
 * on from there. Placed once the frame is drawn, as moving it lays text
 * out; a caret already in the passage (a click) stays, a text the reader
 * selected stays selected, and GTK 4.8 keeps no caret in text a filter
 * folds away. */
static gboolean
place_caret_cb (gpointer user_data)
{
  SynArticleView *self = user_data;
  int index = self->focus >= 0 || self->selected->len == 0 ? self->focus
                                                           : (int) g_array_index (self->selected, guint, 0);
  const SynSpan *span;
  GtkTextIter iter;

  self->caret_idle = 0;
  if (index < 0 || self->spans == NULL || (guint) index >= self->spans->len
      || gtk_text_buffer_get_has_selection (self->buffer))
    return G_SOURCE_REMOVE;
  span = &g_array_index (self->spans, SynSpan, index);
  gtk_text_buffer_get_iter_at_mark (self->buffer, &iter, gtk_text_buffer_get_insert (self->buffer));
  /* already in it, where a click put it: a drag from there selects text */
  if (span->collapsed || (gtk_text_iter_get_offset (&iter) >= span->start
                          && gtk_text_iter_get_offset (&iter) < span->end))
    return G_SOURCE_REMOVE;
  gtk_text_buffer_get_iter_at_offset (self->buffer, &iter, span->start);
  /* not a click: the passage is already the one selected */
  self->placing_caret = TRUE;
  gtk_text_buffer_place_cursor (self->buffer, &iter);
  self->placing_caret = FALSE;
  return G_SOURCE_REMOVE;
}

void
syn_article_view_set_selection (SynArticleView *self,
                                const guint    *spans,
                                guint           n_spans,
                                int             focus)
{
  g_return_if_fail (SYN_IS_ARTICLE_VIEW (self));
  g_return_if_fail (focus < (int) self->spans->len);

  /* Drawn, not tagged: a selection changes no layout. */
  g_array_set_size (self->selected, 0);
  for (guint i = 0; i < n_spans; i++)
    if (spans[i] < self->spans->len)
      g_array_append_val (self->selected, spans[i]);
  self->focus = focus;
  /* the caret at the passage reached or, in another column, at the first
   * counterpart, which the column describes */
  if (self->caret_idle == 0 && (focus >= 0 || self->selected->len > 0))
    self->caret_idle = g_idle_add (place_caret_cb, self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
syn_article_view_span_is_selected (SynArticleView *self,
                                   guint           index)
{
  g_return_val_if_fail (SYN_IS_ARTICLE_VIEW (self), FALSE);

  return span_is_selected (self, index);
}

int
syn_article_view_get_focus (SynArticleView *self)
{
  g_return_val_if_fail (SYN_IS_ARTICLE_VIEW (self), -1);

  return self->focus;
}

void
syn_article_view_set_filter (SynArticleView *self,
                             gboolean        show_boilerplate,
                             SynFilter       filter)
{
  g_return_if_fail (SYN_IS_ARTICLE_VIEW (self));

  if (self->show_boilerplate == show_boilerplate && self->filter == filter)
    return;
  /* opened folds close again with a new filter */
  if (self->filter != filter)
    for (guint i = 0; i < self->spans->len; i++)
      g_array_index (self->spans, SynSpan, i).opened = FALSE;
  self->show_boilerplate = show_boilerplate;
  self->filter = filter;
  apply_filter (self);
}

guint
syn_article_view_get_n_folds (SynArticleView *self)
{
  g_return_val_if_fail (SYN_IS_ARTICLE_VIEW (self), 0);

  return self->folds->len;
}

gboolean
syn_article_view_get_fold (SynArticleView *self,
                           guint           index,
                           guint          *first_span,
                           guint          *n_hidden,
                           GdkRectangle   *area)
{
  const Fold *fold;

  g_return_val_if_fail (SYN_IS_ARTICLE_VIEW (self), FALSE);
  if (index >= self->folds->len)
    return FALSE;
  fold = &g_array_index (self->folds, Fold, index);
  if (first_span != NULL)
    *first_span = fold->first;
  if (n_hidden != NULL)
    *n_hidden = fold->n_hidden;
  if (area != NULL)
    {
      GtkTextIter iter;
      int y, height;

      /* the room the fold tag leaves below the paragraph's last line */
      gtk_text_buffer_get_iter_at_line (self->buffer, &iter, fold->line);
      if (!gtk_text_iter_ends_line (&iter))
        gtk_text_iter_forward_to_line_end (&iter);
      gtk_text_view_get_line_yrange (GTK_TEXT_VIEW (self), &iter, &y, &height);
      area->x = LEFT_MARGIN;
      area->width = MAX (gtk_widget_get_width (GTK_WIDGET (self)) - LEFT_MARGIN - RIGHT_MARGIN, 1);
      area->height = SYN_MARKS_FOLD_HEIGHT - 4;
      area->y = y + height - SYN_MARKS_FOLD_HEIGHT + 2;
    }
  return TRUE;
}

void
syn_article_view_open_fold (SynArticleView *self,
                            guint           index)
{
  const Fold *fold;

  g_return_if_fail (SYN_IS_ARTICLE_VIEW (self));
  g_return_if_fail (index < self->folds->len);

  fold = &g_array_index (self->folds, Fold, index);
  for (guint i = fold->first; i <= fold->last; i++)
    {
      SynSpan *span = &g_array_index (self->spans, SynSpan, i);

      if (span->filtered)
        span->opened = TRUE;
    }
  apply_filter (self);
  g_signal_emit (self, signals[FOLD_OPENED], 0);
}

int
syn_article_view_get_fold_after (SynArticleView *self,
                                 guint           index)
{
  guint lo = 0, hi;
  const Fold *fold;

  g_return_val_if_fail (SYN_IS_ARTICLE_VIEW (self), -1);
  g_return_val_if_fail (index < self->spans->len, -1);

  hi = self->folds->len;
  /* folds are in the order of their spans: the first one past @index */
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (self->folds, Fold, mid).first <= index)
        lo = mid + 1;
      else
        hi = mid;
    }
  if (lo == self->folds->len)
    return -1;
  fold = &g_array_index (self->folds, Fold, lo);
  for (guint i = index + 1; i < fold->first; i++)
    if (!g_array_index (self->spans, SynSpan, i).collapsed)
      return -1;
  return lo;
}

char *
syn_article_view_dup_fold_text (SynArticleView *self,
                                guint           index)
{
  g_return_val_if_fail (SYN_IS_ARTICLE_VIEW (self), NULL);
  g_return_val_if_fail (index < self->folds->len, NULL);

  return fold_text (self, g_array_index (self->folds, Fold, index).n_hidden);
}

gboolean
syn_article_view_span_is_shown (SynArticleView *self,
                                guint           index)
{
  const SynSpan *span;

  g_return_val_if_fail (SYN_IS_ARTICLE_VIEW (self), FALSE);
  g_return_val_if_fail (index < self->spans->len, FALSE);

  span = &g_array_index (self->spans, SynSpan, index);
  return !span->collapsed;
}

guint
syn_article_view_search (SynArticleView *self,
                         const char     *needle)
{
  GtkTextIter iter, match_start, match_end;

  g_return_val_if_fail (SYN_IS_ARTICLE_VIEW (self), 0);

  remove_tag_everywhere (self, SYN_MARK_SEARCH);
  remove_tag_everywhere (self, SYN_MARK_SEARCH_CURRENT);
  invalidate_layout (self);
  g_array_set_size (self->matches, 0);
  self->current_match = -1;
  if (needle == NULL || needle[0] == '\0')
    return 0;

  gtk_text_buffer_get_start_iter (self->buffer, &iter);
  while (self->matches->len < MAX_MATCHES &&
         gtk_text_iter_forward_search (&iter, needle,
                                       GTK_TEXT_SEARCH_CASE_INSENSITIVE | GTK_TEXT_SEARCH_TEXT_ONLY,
                                       &match_start, &match_end, NULL))
    {
      Range range = { gtk_text_iter_get_offset (&match_start), gtk_text_iter_get_offset (&match_end) };

      if (range.end == range.start)
        break;
      gtk_text_buffer_apply_tag (self->buffer, self->tags[SYN_MARK_SEARCH], &match_start, &match_end);
      g_array_append_val (self->matches, range);
      iter = match_end;
    }
  return self->matches->len;
}

guint
syn_article_view_get_n_matches (SynArticleView *self)
{
  g_return_val_if_fail (SYN_IS_ARTICLE_VIEW (self), 0);

  return self->matches->len;
}

int
syn_article_view_get_current_match_span (SynArticleView *self)
{
  g_return_val_if_fail (SYN_IS_ARTICLE_VIEW (self), -1);

  if (self->current_match < 0 || (guint) self->current_match >= self->matches->len)
    return -1;
  return span_at_offset (self, g_array_index (self->matches, Range, self->current_match).start);
}

void
syn_article_view_set_current_match (SynArticleView *self,
                                    int             index)
{
  GtkTextIter iter;
  const Range *range;

  g_return_if_fail (SYN_IS_ARTICLE_VIEW (self));
  g_return_if_fail (index < (int) self->matches->len);

  if (self->current_match >= 0)
    {
      range = &g_array_index (self->matches, Range, self->current_match);
      remove_tag (self, SYN_MARK_SEARCH_CURRENT, range->start, range->end);
    }
  self->current_match = index;
  invalidate_layout (self);
  if (index < 0)
    return;
  range = &g_array_index (self->matches, Range, index);
  apply_tag (self, SYN_MARK_SEARCH_CURRENT, range->start, range->end);
  /* Through the mark, as syn_article_view_scroll_span_to() does: the
   * heights of lines never laid out are guesses, and scrolling by them
   * landed a match above the view. */
  gtk_text_buffer_get_iter_at_offset (self->buffer, &iter, range->start);
  gtk_text_buffer_move_mark (self->buffer, self->scroll_mark, &iter);
  gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (self), self->scroll_mark, 0.2, FALSE, 0, 0);
}

/* Scrolling goes through a mark: the text view then lays out the lines
 * around it before it scrolls (and animates the scroll), where setting the
 * adjustment would trust heights it has only estimated so far. */
void
syn_article_view_scroll_span_to (SynArticleView *self,
                                 guint           index,
                                 float           y)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  const SynSpan *span;
  GdkRectangle rect, visible;
  GtkTextIter iter;
  double yalign = 0;

  g_return_if_fail (SYN_IS_ARTICLE_VIEW (self));
  g_return_if_fail (index < self->spans->len);

  span = &g_array_index (self->spans, SynSpan, index);
  if (span->collapsed)
    return;
  gtk_text_buffer_get_iter_at_offset (self->buffer, &iter, span->start);
  gtk_text_view_get_iter_location (view, &iter, &rect);
  gtk_text_view_get_visible_rect (view, &visible);
  if (visible.height > rect.height)
    yalign = CLAMP (y / (visible.height - rect.height), 0, 1);
  gtk_text_buffer_move_mark (self->buffer, self->scroll_mark, &iter);
  gtk_text_view_scroll_to_mark (view, self->scroll_mark, 0, TRUE, 0, yalign);
}

float
syn_article_view_get_span_view_y (SynArticleView *self,
                                  guint           index)
{
  float span_y = 0, span_height = 0;
  GdkRectangle visible;

  g_return_val_if_fail (SYN_IS_ARTICLE_VIEW (self), 0);
  g_return_val_if_fail (index < self->spans->len, 0);

  syn_article_view_get_span_extent (self, index, &span_y, &span_height);
  gtk_text_view_get_visible_rect (GTK_TEXT_VIEW (self), &visible);
  return span_y - visible.y;
}

float
syn_article_view_reveal_span (SynArticleView *self,
                              guint           index)
{
  float y, height, view_y, target;
  GdkRectangle visible;

  g_return_val_if_fail (SYN_IS_ARTICLE_VIEW (self), 0);
  g_return_val_if_fail (index < self->spans->len, 0);

  /* Lines on screen are laid out, so a passage that seems on screen is;
   * one off screen may have an estimated place, but it is off screen. */
  view_y = syn_article_view_get_span_view_y (self, index);
  if (!syn_article_view_get_span_extent (self, index, &y, &height))
    return view_y;
  gtk_text_view_get_visible_rect (GTK_TEXT_VIEW (self), &visible);
  if (view_y >= 0 && view_y + MIN (height, visible.height / 2) <= visible.height)
    return view_y;
  target = visible.height / 4;
  syn_article_view_scroll_span_to (self, index, target);
  return target;
}

int
syn_article_view_get_first_visible_span (SynArticleView *self)
{
  GdkRectangle visible, near;
  guint first, end;

  g_return_val_if_fail (SYN_IS_ARTICLE_VIEW (self), -1);

  gtk_text_view_get_visible_rect (GTK_TEXT_VIEW (self), &visible);
  near_rect (self, &near);
  spans_in_area (self, &visible, &first, &end);
  for (guint i = first; i < self->spans->len; i++)
    {
      const Extent *extent = span_extent (self, i, &near);

      if (extent->valid && extent->y + extent->height > visible.y)
        return i;
    }
  return -1;
}

void
syn_article_view_get_visible_spans (SynArticleView *self,
                                    guint          *first,
                                    guint          *end)
{
  GdkRectangle visible;

  g_return_if_fail (SYN_IS_ARTICLE_VIEW (self));

  gtk_text_view_get_visible_rect (GTK_TEXT_VIEW (self), &visible);
  spans_in_area (self, &visible, first, end);
}

int
syn_article_view_width_for_chars (SynArticleView *self,
                                  guint           n_chars)
{
  PangoContext *context;
  PangoFontMetrics *metrics;
  int char_width;

  g_return_val_if_fail (SYN_IS_ARTICLE_VIEW (self), 0);

  context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  metrics = pango_context_get_metrics (context, NULL, NULL);
  char_width = pango_font_metrics_get_approximate_char_width (metrics);
  pango_font_metrics_unref (metrics);
  return PANGO_PIXELS (char_width * (int) n_chars) + LEFT_MARGIN + RIGHT_MARGIN;
}
