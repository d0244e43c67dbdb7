/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Segmentation into passages.
 *
 * Sentences come from Pango's implementation of the Unicode sentence
 * boundaries (UAX #29), which knows every script and every kind of
 * punctuation, and which already keeps "U.S. and" or "Jan. 10 in" together
 * because a lower-case word follows. What it cannot know is what a reader of
 * news knows, so its boundaries are corrected in three places:
 *
 * - Line structure. Text taken from web pages puts each paragraph, headline,
 *   caption and label on a line of its own, and most of those lines have no
 *   final punctuation: to Pango a headline and the paragraph under it would
 *   be one sentence. So line ends are decided first: a blank line always ends
 *   a passage; a single line break ends one too, unless the line obviously
 *   runs on (it has several words, no final punctuation, and ends in a
 *   comma, or in a lower-case word with another after the break), or the
 *   whole document is hard-wrapped prose (most lines end mid-sentence at a
 *   similar width), in which case full-width lines run on. Each run of lines that belong
 *   together is a chunk, and only chunks are given to Pango.
 *
 * - Abbreviations. After "Mr." "Dr." "Gen." a capitalised name follows, after
 *   "No." "Jan." a number, after "Del." in a dateline an "(AP)": none of these
 *   is a sentence end, but Pango sees a full stop followed by a capital and
 *   breaks. Titles, number prefixes and months before a number are always
 *   joined; weaker abbreviations (U.S., state abbreviations, Inc., Jr., a.m.)
 *   and initials ("Antony J. Blinken") are joined unless the next word is one
 *   that typically opens a sentence ("The", "He", "But", ...), which is how a
 *   reader tells "in the U.S. The talks" from "the U.S. Embassy".
 *
 * - Continuations. A word in lower case after "?" "!" or a closing quotation
 *   ("Stop!" he said) continues the sentence. Likewise after a full stop, as
 *   UAX #29 already says; this also covers machine-translation debris such as
 *   "said a senior official. of the administration.", which a human reader
 *   takes as one garbled sentence, not three.
 *
 * Cost is linear: Pango runs on windows of at most WINDOW_BYTES, each window
 * starting where the last undecided sentence of the previous one began, and a
 * sentence longer than SYN_SEGMENT_MAX_BYTES (a runaway without punctuation)
 * is cut at a space, so a window always moves on by at least half its size.
 * Pango is given a sanitised copy of each window in which line ends inside a
 * chunk become spaces and any invalid byte becomes '?', byte for byte, so the
 * character-indexed attributes map back to exact byte offsets of the text.
 */
#define G_LOG_DOMAIN "syn-core"

#include "config.h"

#include <string.h>

#include <pango/pango.h>

#include "syn-chars-private.h"
#include "syn-segment.h"

#define WINDOW_BYTES (8 * SYN_SEGMENT_MAX_BYTES)

typedef struct {
  gsize start;
  gsize end;
} Span;

typedef struct {
  gsize    start;      /* trimmed, excluding the line end */
  gsize    end;
  guint    n_chars;
  guint    n_words;
  gboolean blank;
  gboolean ends_final;   /* . ! ? … before any closing quotes or brackets */
  gboolean ends_open;    /* , ; - – — ( : the sentence obviously goes on */
  gboolean ends_colon;
  gboolean starts_lower; /* the first word is all lower case */
  gboolean ends_lower;   /* so is the last */
} Line;

typedef struct {
  const char   *text;
  gsize         len;
  GArray       *out;      /* SynSegment */
  char         *buf;      /* WINDOW_BYTES + 1: the sanitised window */
  PangoLogAttr *attrs;    /* WINDOW_BYTES + 1 */
  guint8       *starts;   /* WINDOW_BYTES + 1: Pango's sentence starts */
  GArray       *pieces;   /* Span */
} Segmenter;

/* ------------------------------------------------------------ characters */

static gboolean
is_opener (gunichar ch)
{
  switch (ch)
    {
    case '"': case '\'': case '(': case '[': case '{':
    case 0x2018: case 0x201C: case 0x201E: case 0x201A: case 0x00AB: case 0x2039:
    case 0x300C: case 0x300E: case 0xFF08:
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
is_final (gunichar ch)
{
  switch (ch)
    {
    case '.': case '!': case '?': case 0x2026: case 0x203C: case 0x2047:
    case 0x2048: case 0x2049: case 0x3002: case 0xFF01: case 0xFF1F: case 0xFF0E:
    case 0x0964: case 0x06D4: case 0x061F:
      return TRUE;
    default:
      return FALSE;
    }
}

static void
trim (const char *text,
      gsize      *start,
      gsize      *end)
{
  gsize s = *start, e = *end;

  while (s < e)
    {
      gsize next;

      if (!syn_char_is_space (syn_char_at (text, s, e, &next)))
        break;
      s = next;
    }
  while (e > s)
    {
      gsize prev;

      if (!syn_char_is_space (syn_char_before (text, s, e, &prev)))
        break;
      e = prev;
    }
  *start = s;
  *end = e;
}

/* ------------------------------------------------------------ passages */

static void
emit (Segmenter *self,
      gsize      start,
      gsize      end)
{
  SynSegment seg = { 0, 0, 0, SYN_PASSAGE_BODY, -1 };

  trim (self->text, &start, &end);
  if (start >= end)
    return;
  seg.start = start;
  seg.end = end;
  g_array_append_val (self->out, seg);
}

/* Where to cut a passage that must end by @limit: at the last white space in
 * the second half, else at the last character boundary. */
static gsize
find_cut (const char *text,
          gsize       start,
          gsize       limit)
{
  gsize p;

  for (p = limit; p > start + (limit - start) / 2; p--)
    if (text[p] == ' ' || text[p] == '\t' || text[p] == '\n' || text[p] == '\r')
      return p;
  p = limit;
  while (p > start + 1 && ((guchar) text[p] & 0xC0) == 0x80)
    p--;
  return p;
}

/* Emits [@start, @end), cut into pieces of at most @cap bytes. */
static void
emit_capped (Segmenter *self,
             gsize      start,
             gsize      end,
             gsize      cap)
{
  trim (self->text, &start, &end);
  while (end - start > cap)
    {
      gsize cut = find_cut (self->text, start, start + cap);

      emit (self, start, cut);
      start = cut;
      trim (self->text, &start, &end);
    }
  emit (self, start, end);
}

/* ------------------------------------------------------------ words */

/* A word: the run of non-space characters from @pos, without the opening
 * and closing punctuation around it. */
typedef struct {
  gsize start;
  gsize end;
  gsize core_start;   /* without leading openers */
  gsize core_end;     /* without trailing closers and , ; : */
} Word;

static gboolean
word_at (const char *text,
         gsize       pos,
         gsize       end,
         Word       *w)
{
  gsize next;

  while (pos < end)
    {
      if (!syn_char_is_space (syn_char_at (text, pos, end, &next)))
        break;
      pos = next;
    }
  if (pos >= end)
    return FALSE;
  w->start = pos;
  while (pos < end)
    {
      if (syn_char_is_space (syn_char_at (text, pos, end, &next)))
        break;
      pos = next;
    }
  w->end = pos;
  w->core_start = w->start;
  while (w->core_start < w->end)
    {
      if (!is_opener (syn_char_at (text, w->core_start, w->end, &next)))
        break;
      w->core_start = next;
    }
  w->core_end = w->end;
  while (w->core_end > w->core_start)
    {
      gsize prev;
      gunichar ch = syn_char_before (text, w->core_start, w->core_end, &prev);

      if (!syn_char_is_closer (ch) && !is_final (ch) && ch != ',' && ch != ';' && ch != ':')
        break;
      w->core_end = prev;
    }
  return TRUE;
}

/* The word ending at @pos (after trailing space is skipped). */
static gboolean
word_before (const char *text,
             gsize       start,
             gsize       pos,
             Word       *w)
{
  gsize s, prev;

  while (pos > start)
    {
      if (!syn_char_is_space (syn_char_before (text, start, pos, &prev)))
        break;
      pos = prev;
    }
  if (pos <= start)
    return FALSE;
  s = pos;
  while (s > start)
    {
      if (syn_char_is_space (syn_char_before (text, start, s, &prev)))
        break;
      s = prev;
    }
  return word_at (text, s, pos, w) && w->end == pos;
}

static gboolean
word_is (const char *text,
         gsize       start,
         gsize       end,
         const char *const *list)
{
  gsize n = end - start;

  for (guint i = 0; list[i] != NULL; i++)
    if (strlen (list[i]) == n && memcmp (list[i], text + start, n) == 0)
      return TRUE;
  return FALSE;
}

/* The first letter of a word decides its case; "iPhone" counts as upper. */
static gboolean
word_is_lower (const char *text,
               gsize       start,
               gsize       end)
{
  gboolean any = FALSE;

  while (start < end)
    {
      gsize next;
      gunichar ch = syn_char_at (text, start, end, &next);

      if (g_unichar_isupper (ch))
        return FALSE;
      if (g_unichar_islower (ch))
        any = TRUE;
      else if (!any && g_unichar_isalnum (ch))
        return FALSE;
      start = next;
    }
  return any;
}

static gunichar
first_char (const char *text,
            gsize       start,
            gsize       end)
{
  gsize next;

  return start < end ? syn_char_at (text, start, end, &next) : 0;
}

/* ------------------------------------------------------------ abbreviations */

/* Never the end of a sentence when a capital, a digit or a bracket follows. */
static const char *const titles[] = {
  "Mr", "Mrs", "Ms", "Mx", "Dr", "Prof", "Sen", "Rep", "Gov", "Gen", "Lt",
  "Col", "Capt", "Cpt", "Sgt", "Adm", "Maj", "Brig", "Cmdr", "Cdr", "Cpl",
  "Pvt", "Rev", "Hon", "Pres", "Messrs", "Mmes", "Msgr", "Supt", "Det",
  "Insp", "Amb", "Atty", "Fr", "Hr", "Sra", "Mme", "Mlle", "Hrn", "v", "vs",
  "Nr", "bzw", "ca", "vgl", "sog", "inkl", "zzgl", "Abs",
  NULL
};

/* Never the end of a sentence when a number follows. */
static const char *const number_prefixes[] = {
  "No", "Nos", "no", "Nr", "Vol", "vol", "Art", "Fig", "fig", "p", "pp",
  "Ch", "ch", "Sec", "sec", "Para", "Abs", "Bd", "Jan", "Feb", "Mar", "Apr",
  "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Okt", "Dez",
  "Ziff", "Kap", "S",
  NULL
};

/* Usually not the end of a sentence: joined unless a typical sentence
 * opener follows. */
static const char *const weak_abbreviations[] = {
  "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct",
  "Nov", "Dec", "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla",
  "Ga", "Ill", "Ind", "Kan", "Kans", "Ky", "La", "Md", "Mass", "Mich", "Minn",
  "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore", "Pa", "Penn", "Tenn",
  "Tex", "Va", "Vt", "Wash", "Wis", "Wyo", "Inc", "Corp", "Co", "Ltd",
  "Bros", "Jr", "Sr", "Esq", "St", "Ste", "Mt", "Ft", "Ave", "Blvd", "Rd",
  "Univ", "Dept", "Assn", "Gov", "approx", "est", "Ref", "Str",
  NULL
};

/* Words that typically open a sentence: after a weak abbreviation they say
 * the abbreviation ended one. */
static const char *const openers[] = {
  "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "But",
  "And", "Or", "So", "Yet", "Nor", "In", "On", "At", "By", "For", "From",
  "With", "Without", "To", "Of", "As", "After", "Before", "When", "While",
  "If", "Although", "Though", "Because", "Since", "Until", "Unless", "There",
  "Here", "Then", "Now", "This", "That", "These", "Those", "His", "Her",
  "Its", "Their", "Our", "My", "Your", "Some", "Many", "Most", "Several",
  "All", "Both", "Each", "Every", "No", "Not", "One", "Two", "Three",
  "Meanwhile", "However", "Still", "Also", "Later", "Earlier", "Last",
  "Next", "Despite", "During", "Under", "Over", "Among", "What", "Who",
  "Why", "How", "Where", "Which", "Yes", "Officials", "Police", "Such",
  "Der", "Die", "Das", "Ein", "Eine", "Er", "Sie", "Es", "Wir", "Ich",
  "Aber", "Und", "Doch", "Dann", "Im", "Am", "Auf", "Mit", "Bei", "Nach",
  "Vor", "Seit", "Als", "Wenn", "Diese", "Dieser", "Dieses", "Le", "La",
  "Les", "Il", "Elle", "El", "Los", "Las",
  NULL
};

static const char *const months[] = {
  "January", "February", "March", "April", "May", "June", "July", "August",
  "September", "October", "November", "December", "Januar", "Februar",
  "März", "Juni", "Juli", "Oktober", "Dezember", "Jan", "Feb", "Mar", "Apr",
  "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Okt", "Dez",
  NULL
};

/* Words before an ordinal number in German ("am 1. Mai", "seinen 100.
 * Geburtstag"), where a capitalised noun follows the full stop. */
static const char *const ordinal_cues[] = {
  "am", "im", "zum", "vom", "beim", "dem", "den", "der", "des", "die", "das",
  "zur", "seinen", "seinem", "seiner", "ihren", "ihrem", "ihrer", "ab", "bis",
  "jeden", "jedem", "jeder", "ersten", "zweiten",
  NULL
};

/* "U.S", "a.m", "z.B", "D.C": single letters (or pairs) joined by dots. */
static gboolean
is_dotted (const char *text,
           gsize       start,
           gsize       end)
{
  guint run = 0, dots = 0;

  for (gsize p = start; p < end; p++)
    {
      if (text[p] == '.')
        {
          if (run == 0)
            return FALSE;
          dots++;
          run = 0;
        }
      else if (g_ascii_isalpha (text[p]) && run < 2)
        run++;
      else
        return FALSE;
    }
  return dots > 0 && run > 0;
}

static gboolean
is_initial (const char *text,
            gsize       start,
            gsize       end)
{
  gsize next;

  return start < end && g_unichar_isupper (syn_char_at (text, start, end, &next)) &&
         next == end;
}

static gboolean
is_digits (const char *text,
           gsize       start,
           gsize       end,
           guint       max)
{
  if (start >= end || end - start > max)
    return FALSE;
  for (gsize p = start; p < end; p++)
    if (!g_ascii_isdigit (text[p]))
      return FALSE;
  return TRUE;
}

/* Whether the boundary between two pieces (A ends at @a_end, B starts at
 * @b_start, both trimmed) is a false one that a reader would not make. */
static gboolean
should_join (const char *text,
             gsize       a_start,
             gsize       a_end,
             gsize       b_start,
             gsize       b_end)
{
  Word next, last, prev;
  gsize tok_start, tok_end;
  gunichar b0, bw;
  gboolean upper, digit, bracket, prev_named;

  if (a_start >= a_end || b_start >= b_end || !word_at (text, b_start, b_end, &next))
    return FALSE;

  /* "Stop!" he said. -- a lower-case word continues the sentence. */
  if (word_is_lower (text, next.core_start, next.core_end))
    return TRUE;

  if (text[a_end - 1] != '.' || !word_before (text, a_start, a_end, &last))
    return FALSE;
  tok_start = last.core_start;
  tok_end = a_end - 1;            /* the abbreviation without its full stop */
  if (tok_end <= tok_start || last.end != a_end)
    return FALSE;

  b0 = first_char (text, b_start, b_end);
  bw = first_char (text, next.core_start, next.core_end);
  bracket = b0 == '(' || b0 == '[';
  digit = g_unichar_isdigit (bw);
  upper = g_unichar_isupper (bw);

  if (word_is (text, tok_start, tok_end, titles) && (upper || digit || bracket))
    return TRUE;
  if (digit && word_is (text, tok_start, tok_end, number_prefixes))
    return TRUE;

  /* German ordinals: "am 1. Januar", "seinen 100. Geburtstag". */
  if (upper && is_digits (text, tok_start, tok_end, 3))
    return word_is (text, next.core_start, next.core_end, months) ||
           (word_before (text, a_start, last.start, &prev) &&
            word_is (text, prev.core_start, prev.core_end, ordinal_cues));

  /* Letters with full stops in a row: "J. R. Okoro", "z. B. die". */
  if (tok_end - tok_start <= 2 && next.core_end - next.core_start <= 2 &&
      next.end > next.start && text[next.end - 1] == '.' &&
      g_utf8_strlen (text + tok_start, (gssize) (tok_end - tok_start)) == 1 &&
      g_utf8_strlen (text + next.core_start, (gssize) (next.core_end - next.core_start)) == 1)
    return TRUE;

  prev_named = FALSE;
  if (is_initial (text, tok_start, tok_end))
    {
      /* An initial belongs to a name: a capitalised word or another initial
       * before it, or nothing at all (a piece that is only "J."). */
      if (!word_before (text, a_start, last.start, &prev))
        prev_named = TRUE;
      else
        {
          gunichar p0 = first_char (text, prev.core_start, prev.core_end);
          prev_named = g_unichar_isupper (p0);
        }
      if (!prev_named)
        return FALSE;
    }
  else if (!is_dotted (text, tok_start, tok_end) &&
           !word_is (text, tok_start, tok_end, weak_abbreviations))
    return FALSE;

  /* A dateline: "WILMINGTON, Del. (AP) --". */
  if (bracket)
    return TRUE;
  if (!upper)
    return FALSE;
  return !word_is (text, next.core_start, next.core_end, openers);
}

/* ------------------------------------------------------------ sentences */

/* Copies [@start, @end) into the window buffer, line ends and NUL as spaces
 * and invalid bytes as '?', keeping every byte where it is. */
static void
sanitise_window (Segmenter *self,
                 gsize      start,
                 gsize      end)
{
  gsize n = end - start;
  const char *p;
  char *buf = self->buf;

  memcpy (buf, self->text + start, n);
  buf[n] = '\0';
  for (gsize i = 0; i < n; i++)
    if (buf[i] == '\n' || buf[i] == '\r' || buf[i] == '\0' || buf[i] == '\f' || buf[i] == '\v')
      buf[i] = ' ';
  p = buf;
  while (!g_utf8_validate (p, (gssize) (n - (gsize) (p - buf)), &p))
    {
      *(char *) p = '?';
      p++;
    }
}

/* UAX #29 breaks sentences only after a terminator or a paragraph
 * separator. Plain ASCII without . ! ? has neither (line ends inside a chunk
 * are spaces to Pango), so a runaway line need not be analysed at all. */
static gboolean
may_break (const char *text,
           gsize       start,
           gsize       end)
{
  for (gsize p = start; p < end; p++)
    {
      guchar c = (guchar) text[p];

      if (c >= 0x80 || c == '.' || c == '!' || c == '?')
        return TRUE;
    }
  return FALSE;
}

/* Whether a sentence of Pango may start at @pos of the window, counted
 * from its start, whatever comes before @pos: a lower-case ASCII letter
 * after a space, a lower-case ASCII word and a space. */
static gboolean
is_neutral (const char *buf,
            gsize       pos)
{
  gsize p;

  if (pos < 3 || !g_ascii_islower (buf[pos]) || buf[pos - 1] != ' ' ||
      !g_ascii_islower (buf[pos - 2]))
    return FALSE;
  for (p = pos - 2; p > 0 && g_ascii_islower (buf[p - 1]); p--)
    ;
  return p > 0 && buf[p - 1] == ' ';
}

/* Pango's sentence starts of the sanitised window of @n bytes into
 * self->starts, one per character; returns the number of characters.
 *
 * Pango costs some hundred instructions a character, and most of a
 * window cannot hold a sentence boundary: UAX #29 breaks only after a
 * terminator (or a paragraph separator, which is not ASCII). So Pango only
 * sees the stretches around terminators and non-ASCII characters, each cut
 * at neutral places: the start of a lower-case word that follows another
 * lower-case word. There, Pango's sentence and word states are the same
 * whatever preceded (the previous word was a lower-case letter run and a
 * space: no terminator pending, no word rule looking further back), so a
 * stretch analysed on its own gets exactly the boundaries it gets within
 * the whole window, except the start Pango always reports at its first
 * character, which is dropped. */
static glong
mark_sentence_starts (Segmenter *self,
                      gsize      n)
{
  const char *buf = self->buf;
  gsize safe_byte = 0, hot_byte = 0;
  glong safe_char = 0, hot_char = 0, c = 0;
  gboolean hot = FALSE;

  for (gsize i = 0; i <= n; i++)
    {
      guchar b = i < n ? (guchar) buf[i] : 0;
      gboolean at_end = i == n;

      if (!at_end && (b & 0xC0) == 0x80)
        continue;   /* inside a character */

      if (at_end || is_neutral (buf, i))
        {
          if (hot)
            {
              glong len = c - hot_char;

              pango_get_log_attrs (buf + hot_byte, (int) (i - hot_byte), -1, NULL,
                                   self->attrs, (int) len + 1);
              for (glong k = 1; k < len; k++)
                self->starts[hot_char + k] = self->attrs[k].is_sentence_start;
              hot = FALSE;
            }
          safe_byte = i;
          safe_char = c;
        }
      if (at_end)
        break;

      self->starts[c] = 0;
      if (!hot && (b >= 0x80 || b == '.' || b == '!' || b == '?'))
        {
          hot = TRUE;
          hot_byte = safe_byte;
          hot_char = safe_char;
        }
      c++;
    }
  self->starts[c] = 0;
  return c;
}

/* Pango's sentences in [@start, @end), corrected, into self->pieces. */
static void
find_pieces (Segmenter *self,
             gsize      start,
             gsize      end)
{
  gsize n = end - start;
  glong n_chars;
  gsize byte = 0, piece_start = 0;
  const char *p;

  g_array_set_size (self->pieces, 0);
  if (!may_break (self->text, start, end))
    {
      Span s = { start, end };

      trim (self->text, &s.start, &s.end);
      if (s.start < s.end)
        g_array_append_val (self->pieces, s);
      return;
    }

  sanitise_window (self, start, end);
  n_chars = mark_sentence_starts (self, n);

  p = self->buf;
  for (glong i = 0; i <= n_chars; i++)
    {
      /* Sentences are cut at their starts, so that nothing between the end
       * of one and the start of the next (only space, by UAX #29) is lost. */
      if (i > 0 && (i == n_chars || self->starts[i]) && byte > piece_start)
        {
          Span s = { start + piece_start, start + byte };

          trim (self->text, &s.start, &s.end);
          if (s.start < s.end)
            {
              Span *prev = self->pieces->len > 0 ?
                &g_array_index (self->pieces, Span, self->pieces->len - 1) : NULL;

              if (prev != NULL && should_join (self->text, prev->start, prev->end, s.start, s.end))
                prev->end = s.end;
              else
                g_array_append_val (self->pieces, s);
            }
          piece_start = byte;
        }
      if (i < n_chars)
        {
          const char *next = g_utf8_next_char (p);
          byte += (gsize) (next - p);
          p = next;
        }
    }
}

/* The end of a window that cannot reach @end of its chunk: at a space. */
static gsize
window_end (const char *text,
            gsize       pos,
            gsize       limit)
{
  for (gsize p = limit; p > pos + WINDOW_BYTES / 2; p--)
    if (text[p] == ' ' || text[p] == '\t' || text[p] == '\n' || text[p] == '\r')
      return p;
  while (limit > pos + 1 && ((guchar) text[limit] & 0xC0) == 0x80)
    limit--;
  return limit;
}

/* Sentences of one chunk: a run of lines that belong together. */
static void
segment_chunk (Segmenter *self,
               gsize      start,
               gsize      end)
{
  gsize pos = start;

  trim (self->text, &pos, &end);
  while (pos < end)
    {
      gboolean last = end - pos <= WINDOW_BYTES;
      gsize wend = last ? end : window_end (self->text, pos, pos + WINDOW_BYTES);
      guint n;
      Span tail;

      find_pieces (self, pos, wend);
      n = self->pieces->len;
      for (guint i = 0; i + (last ? 0 : 1) < n; i++)
        {
          Span *s = &g_array_index (self->pieces, Span, i);
          emit_capped (self, s->start, s->end, SYN_SEGMENT_MAX_BYTES);
        }
      if (last || n == 0)
        break;

      /* The last sentence may go on past the window: decide it in the next
       * one, but cut now what is surely a runaway. */
      tail = g_array_index (self->pieces, Span, n - 1);
      pos = tail.start;
      while (wend - pos > SYN_SEGMENT_MAX_BYTES)
        {
          gsize cut = find_cut (self->text, pos, pos + SYN_SEGMENT_MAX_BYTES);

          emit (self, pos, cut);
          pos = cut;
          trim (self->text, &pos, &end);
        }
    }
}

/* ------------------------------------------------------------ lines */

static void
describe_line (const char *text,
               Line       *line)
{
  gsize s = line->start, e = line->end, p;
  gboolean in_word = FALSE;
  Word first, last;
  gunichar ch;

  trim (text, &s, &e);
  line->start = s;
  line->end = e;
  line->blank = s >= e;
  if (line->blank)
    return;

  for (p = s; p < e;)
    {
      guchar b = (guchar) text[p];
      gboolean space;

      /* most text is ASCII: no decoding there */
      if (b < 0x80)
        {
          space = b == ' ' || (b >= '\t' && b <= '\r') || b == 0;
          p++;
        }
      else
        {
          space = syn_char_is_space (syn_char_at (text, p, e, &p));
        }
      line->n_chars++;
      if (!space && !in_word)
        line->n_words++;
      in_word = !space;
    }

  for (p = e; p > s;)
    {
      gsize prev;

      if (!syn_char_is_closer (syn_char_before (text, s, p, &prev)))
        break;
      p = prev;
    }
  if (p > s)
    {
      gsize prev;

      ch = syn_char_before (text, s, p, &prev);
      line->ends_final = is_final (ch);
      line->ends_colon = ch == ':' || ch == 0xFF1A;
      ch = syn_char_before (text, s, e, &prev);
      line->ends_open = ch == ',' || ch == ';' || ch == '-' || ch == 0x2013 ||
                        ch == 0x2014 || ch == '(' || ch == 0x3001 || ch == 0xFF0C;
    }
  if (word_at (text, s, e, &first))
    line->starts_lower = word_is_lower (text, first.core_start, first.core_end);
  if (word_before (text, s, e, &last))
    line->ends_lower = word_is_lower (text, last.core_start, last.core_end);
}

/* The line at *@pos, without its line end (CR, LF or CRLF); moves *@pos
 * past it. Lines are read one at a time, never stored: a text of ten million
 * line ends costs no memory. */
static gboolean
next_line (const char *text,
           gsize       len,
           gsize      *pos,
           Line       *line)
{
  gsize i = *pos;

  if (i >= len)
    return FALSE;
  memset (line, 0, sizeof *line);
  line->start = i;
  while (i < len && text[i] != '\n' && text[i] != '\r')
    i++;
  line->end = i;
  if (i < len && text[i] == '\r' && i + 1 < len && text[i + 1] == '\n')
    i += 2;
  else if (i < len)
    i++;
  *pos = i;
  describe_line (text, line);
  return TRUE;
}

#define WIDTH_BINS 256

/* Hard-wrapped prose: most lines that have a successor end mid-sentence at
 * nearly the same width. Returns that width, or 0. One pass, widths counted
 * in bins (anything wider than a wrapped line shares the last one). */
static guint
wrap_width (const char *text,
            gsize       len)
{
  guint all[WIDTH_BINS] = { 0, }, inner_w[WIDTH_BINS] = { 0, };
  guint n_all = 0, inner = 0, open = 0, full = 0, width = 0, seen = 0;
  gsize pos = 0;
  Line cur, next;
  gboolean have = next_line (text, len, &pos, &cur);

  while (have)
    {
      gboolean have_next = next_line (text, len, &pos, &next);

      if (!cur.blank)
        {
          all[MIN (cur.n_chars, WIDTH_BINS - 1)]++;
          n_all++;
          if (have_next && !next.blank)
            {
              inner_w[MIN (cur.n_chars, WIDTH_BINS - 1)]++;
              inner++;
              if (!cur.ends_final)
                open++;
            }
        }
      cur = next;
      have = have_next;
    }
  if (n_all < 4 || inner < 3 || open * 2 < inner)
    return 0;

  /* The 90th percentile of the line widths. */
  for (width = 0; width < WIDTH_BINS; width++)
    {
      seen += all[width];
      if (seen > n_all * 9 / 10)
        break;
    }
  if (width < 30 || width > 120)
    return 0;
  for (guint w = 0; w < WIDTH_BINS; w++)
    if (w * 10 >= width * 6 && w <= width + 10)
      full += inner_w[w];
  return full * 4 >= inner * 3 ? width : 0;
}

/* Whether the break after @l (followed by @n in the same block) only wraps
 * a sentence that goes on. */
static gboolean
runs_on (const Line *l,
         const Line *n,
         guint       width)
{
  if (l->ends_final || l->ends_colon)
    return width > 0 && l->n_chars * 10 >= width * 6;
  if (width > 0)
    return l->n_chars * 10 >= width * 6;
  return l->n_words >= 4 && (l->ends_open || (l->ends_lower && n->starts_lower));
}

/* Runs of lines that belong together, in order: sentence chunks, lines or
 * paragraphs. */
static void
segment_lines (Segmenter      *self,
               SynSegmentUnit  unit)
{
  guint width = unit == SYN_SEGMENT_SENTENCE ? wrap_width (self->text, self->len) : 0;
  gsize pos = 0, run_start = 0, run_end = 0;
  gboolean open_run = FALSE;
  Line cur, next;
  gboolean have = next_line (self->text, self->len, &pos, &cur);

  while (have)
    {
      gboolean have_next = next_line (self->text, self->len, &pos, &next);

      if (!cur.blank)
        {
          gboolean goes_on;

          if (!open_run)
            run_start = cur.start;
          open_run = TRUE;
          run_end = cur.end;

          goes_on = have_next && !next.blank;
          if (goes_on && unit == SYN_SEGMENT_SENTENCE)
            goes_on = runs_on (&cur, &next, width);
          else if (unit == SYN_SEGMENT_LINE)
            goes_on = FALSE;

          if (!goes_on)
            {
              if (unit == SYN_SEGMENT_SENTENCE)
                segment_chunk (self, run_start, run_end);
              else
                emit_capped (self, run_start, run_end, SYN_SEGMENT_MAX_LINE_BYTES);
              open_run = FALSE;
            }
        }
      cur = next;
      have = have_next;
    }
}

GArray *
syn_segment_text (const char     *text,
                  gsize           len,
                  SynSegmentUnit  unit)
{
  Segmenter self = { 0, };

  g_return_val_if_fail (text != NULL || len == 0, NULL);

  self.text = text;
  self.len = len;
  self.out = g_array_new (FALSE, FALSE, sizeof (SynSegment));
  if (len == 0)
    return self.out;

  if (unit != SYN_SEGMENT_LINE && unit != SYN_SEGMENT_PARAGRAPH)
    unit = SYN_SEGMENT_SENTENCE;
  if (unit == SYN_SEGMENT_SENTENCE)
    {
      self.buf = g_malloc (WINDOW_BYTES + 1);
      self.attrs = g_new (PangoLogAttr, WINDOW_BYTES + 1);
      self.starts = g_malloc (WINDOW_BYTES + 1);
      self.pieces = g_array_new (FALSE, FALSE, sizeof (Span));
    }
  segment_lines (&self, unit);
  g_free (self.buf);
  g_free (self.attrs);
  g_free (self.starts);
  if (self.pieces != NULL)
    g_array_unref (self.pieces);
  return self.out;
}
