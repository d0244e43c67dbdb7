/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Passage kinds: the headline, the story, and the site furniture around it.
 *
 * A page saved as text carries more than the story: share and comment
 * prompts, timestamps, photo captions with their credits, "Related" feeds
 * of other stories, "Source link". None of it is what the outlets have in
 * common, and aligned it would only add false "unique" passages, so it is
 * marked BOILERPLATE (kept, shown dimmed, left out of alignment). Since a
 * real story sentence marked so would vanish from the comparison, every rule
 * here errs towards BODY: it needs a strong, local signal, and the signals
 * are read the way a human editor reads a page.
 *
 * - What a passage says: the fixed phrases of web furniture ("Spread the
 *   love", "Leave a Reply", "Your email address will not be published.",
 *   "Source link"), in English and the commonest European languages, matched
 *   whole (after case, quotes and surrounding punctuation are normalised),
 *   and a few phrases that only furniture contains ("find more stories",
 *   "sign up for our newsletter"). Single words ("Share", "Print") count only
 *   when they stand alone on a line.
 *
 * - What a passage is made of: a line that is nothing but a date or a
 *   relative time ("6 days ago", "Updated Dec. 30, 2021 10:15 a.m. ET"), at
 *   most two other words beside it; a line of symbols ("___"); a line that
 *   ends in a photo credit ("(AP)", "(Getty Images)", "(AP Photo/...)") with
 *   no full stop before it, which is a caption; and contributor lines ("The
 *   Associated Press contributed to this report.", "With reports from
 *   Reuters, AP and AFP"). Those are credits about how the story was made,
 *   not part of it: an annotator marking site furniture marks them, and they
 *   differ between outlets that share every sentence of the story.
 *
 * - Where a passage is: a heading such as "Related" or "More stories", or a
 *   comment section's "Leave a Comment", standing alone on a line after the
 *   story has begun, opens a section that runs to the end of the page: the
 *   teasers under it are whole sentences about other stories, and only
 *   their position tells them apart. A comment prompt is also found in the
 *   middle of a page (a widget placed between paragraphs): when what
 *   follows it is the story going on (COMMENT_STORY_SENTENCES sentences
 *   before any furniture) rather than a comment form, only the prompt is
 *   furniture. In pages laid out in blank-line
 *   separated paragraphs, the short unpunctuated lines between the headline
 *   and the first sentence of the story (captions, bylines, kickers) and
 *   after its last sentence (tags, outlet names) are furniture too. That
 *   layout rule is skipped for text without blank lines, such as a corpus
 *   with one sentence per line, where a short line is content.
 *
 * The headline is the first line that is not furniture, provided it looks
 * like one: a whole line of two to thirty words without a final full stop,
 * comma or colon. A text that opens with a sentence has no title.
 */
#define G_LOG_DOMAIN "syn-core"

#include "config.h"

#include <string.h>

#include "syn-boilerplate.h"
#include "syn-chars-private.h"

/* Sentences of story after a comment prompt that show it stands in the
 * middle of the article, not at the head of the comments. */
#define COMMENT_STORY_SENTENCES 2

/* Passages longer than this are never furniture; it also bounds the work. */
#define SHORT_BYTES 400

/* What the later passes need to know of a passage: a few bits each, since
 * a pathological text may have millions of passages. */
typedef struct {
  guint n_words;
  guint line_start : 1;     /* nothing but space before it on its line */
  guint line_end : 1;       /* nothing but space after it on its line */
  guint after_blank : 1;    /* a blank line (or the text start) before it */
  guint ends_full_stop : 1; /* . ! ? … before closing quotes and brackets */
  guint ends_open : 1;      /* , ; : - – — : the line goes on */
  guint has_alnum : 1;
} Info;

/* The normalised text of a short passage, and of its first line when it
 * has several; only ever held for the passage at hand. */
typedef struct {
  char *norm;
  char *head;
} Names;

/* ------------------------------------------------------------ phrases */

/* Whole passages, anywhere. */
static const char *const prompts[] = {
  /* share */
  "spread the love", "share this", "share this article", "share this story",
  "share this post", "share this page", "share the story", "share on facebook",
  "share on twitter", "share on whatsapp", "share on linkedin", "share via email",
  "share via e-mail", "click to share on facebook", "click to share on twitter",
  "like this", "copy link", "copy url", "artikel teilen", "diesen artikel teilen",
  "partager cet article", "condividi questo articolo",
  /* comments */
  "leave a reply", "leave a comment", "leave your comment", "leave a reply cancel reply",
  "cancel reply", "post comment", "post a comment", "add a comment", "no comments",
  "join the conversation", "join the discussion", "show comments", "view comments",
  "your email address will not be published",
  "your email address will not be published. required fields are marked",
  "required fields are marked", "you must be logged in to post a comment",
  "kommentar schreiben", "kommentar verfassen", "laisser un commentaire",
  "deja un comentario", "lascia un commento",
  /* links and navigation */
  "source link", "skip to content", "skip to main content", "read more",
  "continue reading", "read full article", "read the full story", "read the full article",
  "click here", "back to top", "sign up", "sign in", "log in", "subscribe now",
  "load more", "show more", "view more", "see more", "next article",
  "previous article", "sponsored content", "paid content", "weiterlesen",
  "mehr lesen", "lire la suite", "leer más",
  NULL
};

/* Whole lines only: single words that could be content inside a paragraph. */
static const char *const line_prompts[] = {
  "share", "shares", "tweet", "email", "e-mail", "print", "facebook", "twitter",
  "whatsapp", "linkedin", "pinterest", "reddit", "telegram", "like", "loading",
  "comments", "comment", "source", "advertisement", "advertisements", "ad",
  "sponsored", "subscribe", "newsletter", "home", "menu", "search", "close",
  "top", "more", "next", "previous", "teilen", "kommentare", "anzeige",
  "werbung", "partager", "commentaires", "publicité", "compartir",
  "comentarios", "publicidad", "condividi",
  NULL
};

/* Headings that open a section of other stories or of comments. */
static const char *const section_headings[] = {
  "related", "related articles", "related article", "related stories",
  "related story", "related posts", "related news", "related content",
  "related coverage", "related links", "related topics", "related reading",
  "related videos", "more stories", "more news", "more articles",
  "more on this story", "more on this topic", "more like this", "more to read",
  "read next", "read also", "also read", "see also", "you may also like",
  "you might also like", "you may like", "you may be interested in",
  "recommended", "recommended for you", "recommended stories",
  "recommended articles", "most popular", "most read", "most viewed",
  "popular stories", "trending", "trending now", "trending stories",
  "latest news", "latest stories", "top stories", "what to read next",
  "up next", "in other news", "around the web", "from the web",
  "sponsored stories", "promoted stories", "editor's picks", "don't miss",
  "leave a reply", "leave a comment", "comments", "post a comment",
  "add a comment", "join the conversation", "join the discussion",
  "mehr zum thema", "weitere artikel", "weitere nachrichten", "lesen sie auch",
  "das könnte sie auch interessieren", "auch interessant", "meistgelesen",
  "kommentare", "à lire aussi", "a lire aussi", "lire aussi",
  "sur le même sujet", "articles similaires", "commentaires",
  "noticias relacionadas", "te puede interesar", "artículos relacionados",
  "comentarios", "potrebbe interessarti", "articoli correlati",
  NULL
};

static const char *const section_prefixes[] = {
  "more from ", "more in ", "more stories from ", "more news from ",
  "other stories", "mehr aus ", "mehr von ", "plus de ", "más de ",
  NULL
};

/* Phrases that only furniture contains (whole lines). */
static const char *const furniture_phrases[] = {
  "find more stories", "more stories from where you live", "sign up for our",
  "sign up to our", "subscribe to our", "follow us on", "click here to",
  "download our app", "download the app", "was originally published",
  "originally appeared on", "originally published on", "all rights reserved",
  "this material may not be published", "may not be published, broadcast",
  "have a news tip", "send us a tip", "let us know in the comments",
  "reuse this content", "image source", "photo credit", "©",
  "alle rechte vorbehalten", "tous droits réservés", "todos los derechos reservados",
  NULL
};

enum {
  PHRASE_PROMPT = 1 << 0,
  PHRASE_LINE_PROMPT = 1 << 1,
  PHRASE_HEADING = 1 << 2,
};

static GHashTable *phrases;   /* normalised phrase -> PHRASE_ flags */

static void
add_phrases (const char *const *list,
             guint              flag)
{
  for (guint i = 0; list[i] != NULL; i++)
    {
      guint old = GPOINTER_TO_UINT (g_hash_table_lookup (phrases, list[i]));

      g_hash_table_insert (phrases, (gpointer) list[i], GUINT_TO_POINTER (old | flag));
    }
}

static gboolean
is_phrase (const char *s,
           guint       flag)
{
  return (GPOINTER_TO_UINT (g_hash_table_lookup (phrases, s)) & flag) != 0;
}

static gboolean
has_prefix_in (const char        *s,
               const char *const *list)
{
  for (guint i = 0; list[i] != NULL; i++)
    if (g_str_has_prefix (s, list[i]))
      return TRUE;
  return FALSE;
}

static gboolean
contains_any (const char        *s,
              const char *const *list)
{
  for (guint i = 0; list[i] != NULL; i++)
    if (strstr (s, list[i]) != NULL)
      return TRUE;
  return FALSE;
}

/* ------------------------------------------------------------ patterns */

typedef enum {
  RE_RELATIVE_TIME,
  RE_DATE,
  RE_TIME,
  RE_CREDIT,
  RE_CONTRIBUTOR,
  RE_INLINE_LINK,
  RE_COMMENT_COUNT,
  RE_BYLINE,
  N_RE
} Pattern;

static const char *const pattern_sources[N_RE] = {
  /* "6 days ago", "vor 3 Tagen", "il y a 2 heures", "hace 5 días", "yesterday" */
  [RE_RELATIVE_TIME] = ("^(?:(?:updated|published|posted|last updated)\\s+)?(?:about\\s+|around\\s+|over\\s+|almost\\s+)?"
    "(?:\\d+|an?|one|two|three|four|five|six|seven|few)\\s+"
    "(?:sec(?:ond)?s?|min(?:ute)?s?|h(?:ou)?rs?|days?|weeks?|months?|years?)\\s+ago$"
    "|^vor\\s+(?:\\d+|einer|einem|zwei|drei)\\s+(?:sekunden?|minuten?|stunden?|tag(?:en)?|wochen?|monat(?:en)?|jahr(?:en)?)$"
    "|^il y a\\s+\\d+\\s+(?:minutes?|heures?|jours?|semaines?|mois|ans?)$"
    "|^hace\\s+\\d+\\s+(?:minutos?|horas?|días?|semanas?|meses|años?)$"
    "|^(?:just now|yesterday)$"),
  /* one word of a date: 2021-12-30, 30.12.2021, 12/30/21, a month name */
  [RE_DATE] = ("^(?:\\d{4}-\\d{1,2}-\\d{1,2}(?:t[\\d:.]+z?)?|\\d{1,2}[./]\\d{1,2}[./]\\d{2,4}"
    "|jan(?:uary|uar)?|feb(?:ruary|ruar)?|mar(?:ch)?|märz|apr(?:il)?|may|mai|june?|juni"
    "|july?|juli|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|okt(?:ober)?|nov(?:ember)?"
    "|dec(?:ember)?|dez(?:ember)?)\\.?,?$"),
  /* the other words a dateline may hold */
  [RE_TIME] = ("^(?:\\d{1,4}(?:st|nd|rd|th)?[.,]?|\\d{1,2}[:h]\\d{2}(?::\\d{2})?(?:am|pm)?,?|[ap]\\.?m\\.?,?"
    "|date[d:]?|updated:?|published:?|posted:?|last|modified:?|on|at|by|et|est|edt|gmt|utc|bst"
    "|cet|cest|pst|pdt|[|•·—–-]|stand:?|aktualisiert:?|veröffentlicht:?|am|um|uhr|publié|mis|à|jour"
    "|le|(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?[.,]?"
    "|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)$"),
  /* a caption or picture credit at the end of a passage */
  [RE_CREDIT] = ("\\((?:[^()]*[\\s/])?(?:ap|afp|reuters|getty|getty images|epa|efe|dpa|ansa|anp|pa|pa media|pa wire"
    "|bloomberg|xinhua|tass|sputnik|anadolu|shutterstock|istock|alamy|photo|photos|foto|fotos"
    "|image|images|picture|pictures|bild|file|handout|via|credit|courtesy|wikimedia|keystone|imago)"
    "(?:[\\s/:,.;][^()]*)?\\)$"),
  /* contributor and source lines */
  [RE_CONTRIBUTOR] = ("contributed (?:to )?(?:this|the) (?:report|story|article)"
    "|^\\(?(?:with )?(?:additional )?(?:reports?|reporting) (?:from|by)\\b"
    "|^\\(?(?:writing|editing|edited|written|compiled) by\\b"
    "|^(?:sources?|quellen?|image source|photo credit|credits?|photos?|fotos?|images?|pictures?|captions?):"
    "|^mit (?:material|informationen) (?:von|der|des)\\b|^mit agenturmaterial"),
  /* "Read more: ...", "Related: ..." */
  [RE_INLINE_LINK] = ("^(?:read more|read also|also read|related|see also|watch|listen|more|lesen sie auch"
    "|mehr dazu|mehr zum thema|lire aussi|à lire aussi|leer más|lee también)\\s*[:|»›>]\\s*\\S"),
  [RE_COMMENT_COUNT] = ("^\\d+\\s+(?:comments?|kommentare?|commentaires?|comentarios?)$"),
  /* "By Jane Roe and John Doe, Island Gazette": names after "By" */
  [RE_BYLINE] = ("^by\\s+\\p{Lu}[\\p{L}.'-]*(?:,?\\s+(?:\\p{Lu}[\\p{L}.'-]*|and|&|in|for|of|the))*$"),
};

static GRegex *patterns[N_RE];

static void
ensure_patterns (void)
{
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      for (guint i = 0; i < N_RE; i++)
        {
          g_autoptr(GError) error = NULL;

          patterns[i] = g_regex_new (pattern_sources[i], G_REGEX_CASELESS, 0, &error);
          g_assert_no_error (error);
        }
      phrases = g_hash_table_new (g_str_hash, g_str_equal);
      add_phrases (prompts, PHRASE_PROMPT);
      add_phrases (line_prompts, PHRASE_LINE_PROMPT);
      add_phrases (section_headings, PHRASE_HEADING);
      g_once_init_leave (&once, 1);
    }
}

static gboolean
matches (Pattern     p,
         const char *s)
{
  return g_regex_match (patterns[p], s, 0, NULL);
}

/* ------------------------------------------------------------ text */

static gboolean
is_edge_punct (gunichar ch)
{
  return ch == ':' || ch == '.' || ch == '|' || ch == '-' || ch == 0x2013 ||
         ch == 0x2014 || ch == 0x2022 || ch == 0x00B7 || ch == 0x00BB ||
         ch == 0x203A || ch == '>' || ch == '*' || ch == '#' || ch == '!' ||
         ch == 0x2026 || ch == '_' || ch == '~' || ch == '=';
}

/* Whether lower-casing ASCII with g_utf8_strdown() is plain ASCII
 * lower-casing in this locale (not so for "I" in Turkish). */
static gboolean
ascii_strdown_is_plain (void)
{
  static gsize plain = 0;

  if (g_once_init_enter (&plain))
    {
      g_autofree char *upper = g_strdup ("ABCDEFGHIJKLMNOPQRSTUVWXYZ");
      g_autofree char *lower = g_utf8_strdown (upper, -1);

      g_once_init_leave (&plain, g_str_equal (lower, "abcdefghijklmnopqrstuvwxyz") ? 2 : 1);
    }
  return plain == 2;
}

static gboolean
is_ascii_edge (char c)
{
  return c == ' ' || c == ':' || c == '.' || c == '|' || c == '-' || c == '>' ||
         c == '*' || c == '#' || c == '!' || c == '_' || c == '~' || c == '=';
}

/* normalise() for plain ASCII without NUL, byte for byte the same result. */
static char *
normalise_ascii (const char *text,
                 gsize       start,
                 gsize       end)
{
  char *out = g_malloc (end - start + 1);
  gsize len = 0, first = 0;
  gboolean space = FALSE;

  for (gsize i = start; i < end; i++)
    {
      char c = text[i];

      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f')
        {
          space = len > 0;
          continue;
        }
      if (space)
        out[len++] = ' ';
      space = FALSE;
      out[len++] = g_ascii_tolower (c);
    }
  while (first < len && is_ascii_edge (out[first]))
    first++;
  while (len > first && is_ascii_edge (out[len - 1]))
    len--;
  memmove (out, out + first, len - first);
  out[len - first] = '\0';
  return out;
}

/* Lower case, straight quotes, single spaces, no punctuation at the edges. */
static char *
normalise (const char *text,
           gsize       start,
           gsize       end)
{
  GString *s;
  g_autofree char *valid = NULL;
  gboolean space = FALSE;
  char *lower;
  const char *p;
  gsize i;

  for (i = start; i < end; i++)
    if ((guchar) text[i] >= 0x80 || text[i] == '\0')
      break;
  if (i == end && ascii_strdown_is_plain ())
    return normalise_ascii (text, start, end);

  s = g_string_sized_new (end - start);
  valid = g_utf8_make_valid (text + start, (gssize) (end - start));

  for (p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (g_unichar_isspace (ch) || ch == 0x200B || ch == 0xFEFF)
        {
          space = s->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (s, ' ');
      space = FALSE;
      if (ch == 0x2018 || ch == 0x2019 || ch == 0x02BC)
        ch = '\'';
      else if (ch == 0x201C || ch == 0x201D || ch == 0x201E)
        ch = '"';
      g_string_append_unichar (s, ch);
    }

  /* Punctuation at both edges. */
  lower = g_utf8_strdown (s->str, (gssize) s->len);
  g_string_free (s, TRUE);
  for (p = lower; *p != '\0';)
    {
      gunichar ch = g_utf8_get_char (p);

      if (!is_edge_punct (ch) && ch != ' ')
        break;
      p = g_utf8_next_char (p);
    }
  memmove (lower, p, strlen (p) + 1);
  for (gsize len = strlen (lower); len > 0;)
    {
      const char *last = g_utf8_find_prev_char (lower, lower + len);
      gunichar ch = g_utf8_get_char (last);

      if (!is_edge_punct (ch) && ch != ' ')
        break;
      len = (gsize) (last - lower);
      lower[len] = '\0';
    }
  return lower;
}

static gboolean
is_space_byte (char c)
{
  return c == ' ' || c == '\t' || c == '\f' || c == '\v';
}

static void
describe (const char *text,
          gsize       len,
          gsize       start,
          gsize       end,
          gsize       prev_end,
          Info       *info)
{
  gsize p = start;
  guint breaks = 0;
  gboolean in_word = FALSE;
  gunichar last = 0, before_closers = 0;

  /* The line breaks between the previous passage and this one. */
  while (p > prev_end)
    {
      char c = text[p - 1];

      if (c == '\n' || (c == '\r' && (p >= len || text[p] != '\n')))
        breaks++;
      p--;
    }
  info->line_start = prev_end == 0 || breaks > 0;
  info->after_blank = prev_end == 0 || breaks >= 2;

  /* Only white space after it on its line? */
  for (p = end; p < len;)
    {
      gunichar ch;
      gsize next;

      if (text[p] == '\n' || text[p] == '\r')
        break;
      if (is_space_byte (text[p]))
        {
          p++;
          continue;
        }
      ch = syn_char_at (text, p, len, &next);
      if (ch < 0x80 || !g_unichar_isspace (ch))
        break;
      p = next;
    }
  info->line_end = p >= len || text[p] == '\n' || text[p] == '\r';

  /* Words, the last characters, whether there is any letter or digit. */
  for (p = start; p < end;)
    {
      gunichar ch = syn_char_at (text, p, end, &p);
      gboolean space = syn_char_is_space (ch);

      if (!space && !in_word)
        info->n_words++;
      in_word = !space;
      if (!info->has_alnum && (ch < 0x80 ? g_ascii_isalnum (ch) : g_unichar_isalnum (ch)))
        info->has_alnum = TRUE;
      if (!syn_char_is_closer (ch) && !space)
        before_closers = ch;
      last = ch;
    }
  info->ends_full_stop = before_closers == '.' || before_closers == '!' ||
                         before_closers == '?' || before_closers == 0x2026 ||
                         before_closers == 0x3002;
  info->ends_open = last == ',' || last == ';' || last == ':' || last == '-' ||
                    last == 0x2013 || last == 0x2014;
}

static void
name_passage (const char *text,
              gsize       start,
              gsize       end,
              Names      *names)
{
  names->norm = end - start <= SHORT_BYTES ? normalise (text, start, end) : NULL;
  names->head = NULL;

  /* A paragraph passage may open with a heading line ("Related"). */
  for (gsize p = start; p < end && p < start + SHORT_BYTES; p++)
    if (text[p] == '\n' || text[p] == '\r')
      {
        names->head = normalise (text, start, p);
        break;
      }
}

static void
names_clear (Names *names)
{
  g_clear_pointer (&names->norm, g_free);
  g_clear_pointer (&names->head, g_free);
}

/* ------------------------------------------------------------ rules */

static gboolean
alone (const Info *info)
{
  return info->line_start && info->line_end;
}

/* A line that is only a date or a time, at most two other words beside. */
static gboolean
is_timestamp (const Info *info,
              const char *norm)
{
  g_auto(GStrv) words = NULL;
  guint dates = 0, others = 0;

  if (strpbrk (norm, "0123456789") == NULL)
    return matches (RE_RELATIVE_TIME, norm);
  if (matches (RE_RELATIVE_TIME, norm))
    return TRUE;
  if (info->n_words > 10)
    return FALSE;
  words = g_strsplit (norm, " ", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (words[i][0] == '\0')
        continue;
      if (matches (RE_DATE, words[i]))
        dates++;
      else if (!matches (RE_TIME, words[i]))
        others++;
    }
  return dates > 0 && others <= 2 && others < info->n_words;
}

/* Concatenated menu entries: "ContributorsPublishersAdvertisers". */
static gboolean
has_menu_word (const char *text,
               gsize       start,
               gsize       end)
{
  guint humps = 0;

  for (gsize p = start + 1; p < end; p++)
    {
      if (g_ascii_isspace (text[p]))
        humps = 0;
      else if (g_ascii_isupper (text[p]) && g_ascii_islower (text[p - 1]) && ++humps >= 2)
        return TRUE;
    }
  return FALSE;
}

static gboolean
is_breadcrumb (const char *norm)
{
  guint seps = 0;

  for (const char *p = norm; *p != '\0'; p++)
    if (*p == '|' || *p == '>' || g_str_has_prefix (p, "»") || g_str_has_prefix (p, "›"))
      seps++;
  return seps >= 2;
}

/* Whether RE_CONTRIBUTOR can match at all: most lines are spared it. */
static gboolean
may_credit (const char *n)
{
  return strchr (n, ':') != NULL || strstr (n, "contributed") != NULL ||
         strstr (n, "report") != NULL || strstr (n, " by") != NULL ||
         g_str_has_prefix (n, "mit ");
}

/* Furniture recognised from the passage alone. */
static gboolean
is_furniture (const char *text,
              gsize       start,
              gsize       end,
              const Info *info,
              const char *n)
{
  if (!info->has_alnum)
    return TRUE;
  if (n == NULL)
    return FALSE;
  if (is_phrase (n, PHRASE_PROMPT) || (g_ascii_isdigit (n[0]) && matches (RE_COMMENT_COUNT, n)))
    return TRUE;
  /* A passage that is only a picture credit: "(AP Photo/Evan Vucci)". */
  if (text[start] == '(' && info->n_words <= 8 && g_str_has_suffix (n, ")") &&
      matches (RE_CREDIT, n))
    return TRUE;
  if (!alone (info))
    return FALSE;
  if (is_phrase (n, PHRASE_LINE_PROMPT) ||
      (strpbrk (n, ":|>\xc2\xe2") != NULL && matches (RE_INLINE_LINK, n)))
    return TRUE;
  if (info->n_words > 40)
    return FALSE;
  if (contains_any (n, furniture_phrases) || (may_credit (n) && matches (RE_CONTRIBUTOR, n)))
    return TRUE;
  if (is_timestamp (info, n))
    return TRUE;
  if (info->n_words <= 10 && g_ascii_strncasecmp (text + start, "by ", 3) == 0)
    {
      g_autofree char *raw = g_utf8_make_valid (text + start, (gssize) (end - start));

      if (matches (RE_BYLINE, raw))
        return TRUE;
    }
  if (!info->ends_full_stop && g_str_has_suffix (n, ")") && matches (RE_CREDIT, n))
    return TRUE;
  if (info->n_words <= 12 && is_breadcrumb (n))
    return TRUE;
  return info->n_words <= 6 && !info->ends_full_stop && has_menu_word (text, start, end);
}

static gboolean
is_heading_text (const char *s)
{
  return is_phrase (s, PHRASE_HEADING) || has_prefix_in (s, section_prefixes) ||
         matches (RE_COMMENT_COUNT, s);
}

static gboolean
is_section_heading (const Info  *info,
                    const Names *names)
{
  if (names->head != NULL && info->line_start && strlen (names->head) < 60)
    return is_heading_text (names->head);
  if (names->norm == NULL || !alone (info) || info->n_words > 6)
    return FALSE;
  return is_heading_text (names->norm);
}

/* Headings of a comment section, as opposed to feeds of other stories. */
static const char *const comment_headings[] = {
  "leave a reply", "leave a comment", "comments", "post a comment", "add a comment",
  "join the conversation", "join the discussion", "kommentare", "commentaires",
  "comentarios", NULL
};

static gboolean
is_comment_heading (const Names *names)
{
  const char *s = names->head != NULL ? names->head : names->norm;

  return s != NULL && g_strv_contains (comment_headings, s);
}

/* Whether the story goes on after the comment prompt at @at: whole
 * sentences of some length come before any furniture (a comment form, a
 * feed heading). Comments under a form are never reached. */
static gboolean
story_goes_on (const char   *text,
               GArray       *segments,
               const Info   *info,
               guint         at)
{
  guint sentences = 0;

  for (guint j = at + 1; j < segments->len && sentences < COMMENT_STORY_SENTENCES; j++)
    {
      const SynSegment *seg = &g_array_index (segments, SynSegment, j);
      Names names;
      gboolean furniture;

      name_passage (text, seg->start, seg->end, &names);
      furniture = is_section_heading (&info[j], &names) ||
                  is_furniture (text, seg->start, seg->end, &info[j], names.norm);
      names_clear (&names);
      if (furniture)
        return FALSE;
      if (info[j].n_words >= 8 && info[j].ends_full_stop)
        sentences++;
    }
  return sentences >= COMMENT_STORY_SENTENCES;
}

static gboolean
is_headline (const Info *info,
             gsize       bytes)
{
  return alone (info) && info->has_alnum && !info->ends_open && !info->ends_full_stop &&
         info->n_words >= 2 && info->n_words <= 30 && bytes <= 300;
}

/* A short line without final punctuation: caption, byline, label, tag. */
static gboolean
is_label (const Info *info,
          guint       max_words)
{
  return alone (info) && !info->ends_full_stop && !info->ends_open &&
         info->n_words <= max_words;
}

void
syn_classify_passages (const char *text,
                       gsize       len,
                       GArray     *segments)
{
  guint n = segments->len;
  g_autofree Info *info = NULL;
  gboolean blank_lines = FALSE;
  guint body = 0, first = 0;
  gint title = -1;

  g_return_if_fail (text != NULL || len == 0);
  g_return_if_fail (segments != NULL);

  if (n == 0)
    return;
  ensure_patterns ();

  for (guint i = 0; i < n; i++)
    {
      const SynSegment *seg = &g_array_index (segments, SynSegment, i);

      g_return_if_fail (seg->start <= seg->end && seg->end <= len);
    }

  info = g_new0 (Info, n);
  for (guint i = 0; i < n; i++)
    {
      SynSegment *seg = &g_array_index (segments, SynSegment, i);
      gsize prev_end = i > 0 ? MIN (g_array_index (segments, SynSegment, i - 1).end, seg->start) : 0;

      describe (text, len, seg->start, seg->end, prev_end, &info[i]);
      if (i > 0 && info[i].after_blank)
        blank_lines = TRUE;
      seg->kind = SYN_PASSAGE_BODY;
    }

  /* Furniture by content, and sections of other stories or comments. */
  for (guint i = 0; i < n; i++)
    {
      SynSegment *seg = &g_array_index (segments, SynSegment, i);
      Names names;
      gboolean heading;

      name_passage (text, seg->start, seg->end, &names);
      heading = is_section_heading (&info[i], &names);
      if (heading && body >= 3 && !(is_comment_heading (&names) && story_goes_on (text, segments, info, i)))
        {
          for (guint j = i; j < n; j++)
            g_array_index (segments, SynSegment, j).kind = SYN_PASSAGE_BOILERPLATE;
          names_clear (&names);
          break;
        }
      if (heading || is_furniture (text, seg->start, seg->end, &info[i], names.norm))
        seg->kind = SYN_PASSAGE_BOILERPLATE;
      else
        body++;
      names_clear (&names);
    }

  /* The headline: the first line that is not furniture, if it looks like one. */
  for (first = 0; first < n; first++)
    if (g_array_index (segments, SynSegment, first).kind == SYN_PASSAGE_BODY)
      break;
  if (first < n)
    {
      SynSegment *seg = &g_array_index (segments, SynSegment, first);

      if (is_headline (&info[first], seg->end - seg->start))
        {
          seg->kind = SYN_PASSAGE_TITLE;
          title = (gint) first;
        }
    }

  /* Captions and bylines under the headline, tags after the story. */
  if (blank_lines)
    {
      for (guint i = title >= 0 ? (guint) title + 1 : 0; i < n; i++)
        {
          SynSegment *seg = &g_array_index (segments, SynSegment, i);

          if (seg->kind != SYN_PASSAGE_BODY)
            continue;
          if (!is_label (&info[i], 8))
            break;
          seg->kind = SYN_PASSAGE_BOILERPLATE;
        }
      for (guint i = n; i-- > 0;)
        {
          SynSegment *seg = &g_array_index (segments, SynSegment, i);

          if (seg->kind != SYN_PASSAGE_BODY)
            continue;
          if (!is_label (&info[i], 6))
            break;
          seg->kind = SYN_PASSAGE_BOILERPLATE;
        }
    }
}
