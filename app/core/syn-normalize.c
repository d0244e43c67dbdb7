/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Normalisation for matching. Two versions of a story rarely differ only
 * where they really differ: one outlet writes "Jan. 10" and another
 * "January 10", one "organisation" and another "organization", one
 * "Mr Biden" and another "Biden", one curly quotes and another straight
 * ones. A comparison that saw those as differences would bury the real
 * ones, so every word gets a matching form ("norm") in which such
 * variants coincide, while the display keeps the original bytes: a token
 * is a norm plus the byte span it came from.
 *
 * The method is a single left-to-right pass over the UTF-8 text, which
 * keeps it linear and lets the aligner tokenize tens of thousands of
 * sentences in a fraction of a second. Plain ASCII letters take a fast
 * path; anything else is decomposed to its compatibility form (NFKD),
 * lower-cased and stripped of combining accents one character at a time,
 * so any valid UTF-8 is accepted and invalid bytes simply separate words.
 * Word-internal marks decide what a word is: an apostrophe between letters
 * (Russia’s) stays inside the word and a possessive 's is dropped, a
 * hyphen between letters joins the parts (build-up -> buildup, the form a
 * rewrite that writes "buildup" uses), separators between digits make one
 * number whose value is then written canonically (100,000 -> 100000,
 * 10th -> 10, 5m -> 5million), and dots between single letters make an
 * initialism (U.S. -> us).
 *
 * Spelling variants are handled as families, not as lists: a rule maps
 * every word of the family to one form (-ise/-ize, -yse/-yze, -our/-or,
 * -tre/-ter, -lled/-led, -ogue/-og). A rule only has to be safe from
 * merging two different words; it does not have to produce the American
 * word, since both variants pass through it. That is why -ise -> -ize may
 * apply to "rise" (there is no "rize" to confuse it with), while -our ->
 * -or is limited to known stems ("four" must not become "for").
 *
 * Some decisions need the neighbouring words, so they are taken once the
 * words of the range are known: a month abbreviation is a month only as
 * "Jan." or next to a number, "Dr" is dropped only before a capitalised
 * name, "Mr" before any name. Quotation marks are tracked during the same
 * pass with the flanking rule (an opening mark is followed by a word and
 * preceded by space or punctuation, a closing one the reverse), which
 * tells the straight quotes apart and keeps apostrophes out; a closing
 * mark with no opening one means the range began inside a quotation, as
 * the second sentence of a quoted paragraph does.
 */
#define G_LOG_DOMAIN "syn-core"

#include "config.h"

#include <string.h>

#include "syn-chars-private.h"
#include "syn-normalize.h"
#include "syn-words-lexicon-private.h"

/* ------------------------------------------------------------ characters */

static inline gboolean
is_word_char (gunichar c)
{
  if (c < 0x80)
    return g_ascii_isalnum (c);
  if (c == SYN_CHAR_INVALID)
    return FALSE;
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

static inline gboolean
is_letter (gunichar c)
{
  if (c < 0x80)
    return g_ascii_isalpha (c);
  return c != SYN_CHAR_INVALID && (g_unichar_isalpha (c) || g_unichar_ismark (c));
}

static inline gboolean
is_digit (gunichar c)
{
  return c < 0x80 ? g_ascii_isdigit (c) : g_unichar_isdigit (c);
}

static inline gboolean
is_apostrophe (gunichar c)
{
  return c == '\'' || c == 0x2019 || c == 0x02BC || c == 0x00B4;
}

static inline gboolean
is_hyphen (gunichar c)
{
  return c == '-' || c == 0x2010 || c == 0x2011 || c == 0x00AD;
}

/* Scripts written without spaces: one token per character. */
static inline gboolean
is_ideograph (gunichar c)
{
  return (c >= 0x3040 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0x20000 && c <= 0x2FFFF);
}

static inline gboolean
is_accent (gunichar c)
{
  return (c >= 0x0300 && c <= 0x036F) || (c >= 0x1AB0 && c <= 0x1AFF) ||
         (c >= 0x1DC0 && c <= 0x1DFF) || (c >= 0x20D0 && c <= 0x20FF) ||
         (c >= 0xFE20 && c <= 0xFE2F);
}

/* Letters NFKD leaves whole but a reader takes for plain ones. */
static const char *
fold_special (gunichar c)
{
  switch (c)
    {
    case 0x00DF: case 0x1E9E: return "ss";
    case 0x00F8: case 0x00D8: return "o";
    case 0x0142: case 0x0141: return "l";
    case 0x0111: case 0x0110: case 0x00F0: case 0x00D0: return "d";
    case 0x00E6: case 0x00C6: return "ae";
    case 0x0153: case 0x0152: return "oe";
    case 0x00FE: case 0x00DE: return "th";
    case 0x0131: return "i";
    case 0x03C2: return "\xcf\x83";  /* final sigma: σ */
    default: return NULL;
    }
}

static void
fold_char (GString  *buf,
           gunichar  c)
{
  gunichar d[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
  const char *special;
  gsize n;

  if (c < 0x80)
    {
      g_string_append_c (buf, g_ascii_tolower ((char) c));
      return;
    }
  if (is_apostrophe (c))
    {
      g_string_append_c (buf, '\'');
      return;
    }
  if (c == 0x00AD)
    return;
  if (is_hyphen (c))
    {
      g_string_append_c (buf, '-');
      return;
    }
  if ((special = fold_special (c)) != NULL)
    {
      g_string_append (buf, special);
      return;
    }
  n = g_unichar_fully_decompose (c, TRUE, d, G_N_ELEMENTS (d));
  for (gsize i = 0; i < n; i++)
    {
      if (is_accent (d[i]))
        continue;
      if ((special = fold_special (d[i])) != NULL)
        g_string_append (buf, special);
      else
        g_string_append_unichar (buf, g_unichar_tolower (d[i]));
    }
}

/* ------------------------------------------------------------ spelling */

static gboolean
ends_with (const GString *s,
           const char    *suffix)
{
  gsize n = strlen (suffix);
  return s->len >= n && memcmp (s->str + s->len - n, suffix, n) == 0;
}

static gboolean
is_ascii_word (const GString *s)
{
  for (gsize i = 0; i < s->len; i++)
    {
      if (s->str[i] < 'a' || s->str[i] > 'z')
        return FALSE;
    }
  return s->len > 0;
}

/* -our words that lose their u in American spelling (with any prefix or
 * suffix: unfavourable, neighbourhood); "four", "hour", "tour" are not. */
static const char * const our_stems[] = {
  "colour", "favour", "honour", "labour", "neighbour", "behaviour", "harbour",
  "humour", "rumour", "vigour", "flavour", "savour", "endeavour", "armour",
  "odour", "parlour", "saviour", "splendour", "tumour", "valour", "vapour",
  "clamour", "candour", "ardour", "rancour", "rigour", "fervour", "demeanour",
  "glamour", "succour", "dolour", "enamour", "arbour", "clangour", "tremour",
  "harbour", "mould",
};

static void
americanize_our (GString *s)
{
  const char *p = s->str;

  while ((p = strstr (p, "our")) != NULL)
    {
      gsize head = (gsize) (p - s->str) + 3;

      for (gsize i = 0; i < G_N_ELEMENTS (our_stems); i++)
        {
          gsize n = strlen (our_stems[i]);

          if (head >= n && memcmp (s->str + head - n, our_stems[i], n) == 0)
            {
              g_string_erase (s, (gssize) head - 2, 1);
              return;
            }
        }
      p += 3;
    }
}

/* organise, organisation, analyse: the s of the suffix becomes z. */
static void
americanize_ise (GString *s)
{
  static const char * const suffixes[] = {
    "isations", "isation", "isers", "iser", "ising", "ised", "ises", "ise",
    "ysing", "ysed", "yses", "yser", "yse",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      gsize n = strlen (suffixes[i]);

      if (s->len >= n + 2 && ends_with (s, suffixes[i]))
        {
          s->str[s->len - n + 1] = 'z';
          return;
        }
    }
}

/* centre -> center, kilometres -> kilometers, centred -> centered */
static void
americanize_tre (GString *s)
{
  static const char * const stems[] = {
    "cent", "theat", "met", "lit", "fib", "calib", "sab", "somb", "spect",
    "lust", "meag", "och", "goit", "mit", "nit", "reconnoit", "scept",
    "sepulch", "accout", "saltpet",
  };
  static const struct { const char *british, *american; } endings[] = {
    { "re", "er" }, { "res", "ers" }, { "red", "ered" }, { "ring", "ering" },
  };

  for (gsize e = 0; e < G_N_ELEMENTS (endings); e++)
    {
      gsize en = strlen (endings[e].british);

      if (!ends_with (s, endings[e].british))
        continue;
      for (gsize i = 0; i < G_N_ELEMENTS (stems); i++)
        {
          gsize n = strlen (stems[i]);

          if (s->len >= n + en &&
              memcmp (s->str + s->len - en - n, stems[i], n) == 0)
            {
              g_string_truncate (s, s->len - en);
              g_string_append (s, endings[e].american);
              return;
            }
        }
    }
}

/* travelled, cancelling, counsellor, marvellous: one l in American. The
 * rule also thins words that have two l's everywhere ("called"), which is
 * harmless: both spellings of every word still meet. */
static void
americanize_ll (GString *s)
{
  static const char * const suffixes[] = {
    "lled", "lling", "ller", "llers", "llor", "llors", "llous", "llously",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      gsize n = strlen (suffixes[i]);

      if (s->len >= n + 2 && ends_with (s, suffixes[i]))
        {
          char before = s->str[s->len - n - 1];

          if (before == 'e' || before == 'a')
            g_string_erase (s, (gssize) (s->len - n), 1);
          return;
        }
    }
}

/* catalogue -> catalog, dialogues -> dialogs */
static void
americanize_ogue (GString *s)
{
  static const struct { const char *british, *american; } endings[] = {
    { "ogue", "og" }, { "ogues", "ogs" }, { "ogued", "oged" }, { "oguing", "oging" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (endings); i++)
    {
      if (s->len > strlen (endings[i].british) + 1 && ends_with (s, endings[i].british))
        {
          g_string_truncate (s, s->len - strlen (endings[i].british));
          g_string_append (s, endings[i].american);
          return;
        }
    }
}

/* paediatric, anaemia, oestrogen: the Greek and Latin digraphs. */
static void
americanize_digraphs (GString *s)
{
  static const struct { const char *british, *american; } parts[] = {
    { "paed", "ped" }, { "anaem", "anem" }, { "haem", "hem" },
    { "aesth", "esth" }, { "leukaem", "leukem" }, { "clopaed", "cloped" },
    { "archaeo", "archeo" }, { "palaeo", "paleo" }, { "oestro", "estro" },
    { "oesoph", "esoph" }, { "foetus", "fetus" }, { "foetal", "fetal" },
    { "diarrhoea", "diarrhea" }, { "gynaeco", "gyneco" }, { "caesium", "cesium" },
    { "mediaev", "mediev" }, { "coeliac", "celiac" }, { "oedema", "edema" },
  };

  if (strchr (s->str, 'e') == NULL)
    return;
  for (gsize i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      const char *p = strstr (s->str, parts[i].british);

      if (p != NULL)
        {
          gssize at = p - s->str;

          g_string_erase (s, at, (gssize) strlen (parts[i].british));
          g_string_insert (s, at, parts[i].american);
          return;
        }
    }
}

static gboolean
has_pair (const GString *s,
          char           x,
          char           y,
          gsize          from)
{
  for (gsize i = from; i + 1 < s->len; i++)
    {
      if (s->str[i] == x && s->str[i + 1] == y)
        return TRUE;
    }
  return FALSE;
}

/* Maps @s to its American form; returns the lexicon entry of the result,
 * or NULL. Words of the lexicon take none of the rules. */
static const SynLexiconEntry *
americanize (GString *s)
{
  const SynLexiconEntry *e = syn_lexicon_lookup (s->str, s->len);
  gsize tail;
  char last;

  if (e != NULL)
    {
      if ((e->classes & SYN_LEXICON_SPELLING) == 0)
        return e;
      g_string_assign (s, e->value);
      return syn_lexicon_lookup (s->str, s->len);
    }
  if (s->len < 4 || !is_ascii_word (s))
    return NULL;

  /* cheap tests first: most words end in none of the families */
  tail = s->len > 9 ? s->len - 9 : 0;
  last = s->str[s->len - 1];
  if (has_pair (s, 'o', 'u', 0))
    americanize_our (s);
  if (has_pair (s, 'i', 's', tail) || has_pair (s, 'y', 's', tail))
    americanize_ise (s);
  if ((last == 'e' || last == 's' || last == 'd' || last == 'g') && has_pair (s, 'r', last == 'g' ? 'i' : 'e', tail))
    americanize_tre (s);
  if (has_pair (s, 'l', 'l', tail))
    americanize_ll (s);
  if (has_pair (s, 'g', 'u', tail))
    americanize_ogue (s);
  if (has_pair (s, 'a', 'e', 0) || has_pair (s, 'o', 'e', 0))
    americanize_digraphs (s);
  return syn_lexicon_lookup (s->str, s->len);
}

/* ------------------------------------------------------------ numbers */

static const char *
number_suffix (const char *suffix)
{
  static const struct { const char *suffix, *value; } map[] = {
    { "st", "" }, { "nd", "" }, { "rd", "" }, { "th", "" },
    { "m", "million" }, { "mn", "million" }, { "mln", "million" },
    { "bn", "billion" }, { "b", "billion" }, { "bln", "billion" },
    { "k", "thousand" }, { "tn", "trillion" }, { "pc", "percent" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (map); i++)
    {
      if (strcmp (suffix, map[i].suffix) == 0)
        return map[i].value;
    }
  return suffix;
}

/* 100,000 and 100000; 1.000.000 (German thousands); 3,5 (German decimal);
 * 07 and 7; 2.50 and 2.5. Times and dates with ':' or '/' stay as written. */
static void
canon_number (GString *s)
{
  g_autoptr(GString) out = g_string_sized_new (s->len + 8);
  gsize n = 0, n_dot = 0, n_comma = 0, last_sep = 0, digits_after = 0;
  char dec = 0;
  const char *suffix;
  gboolean in_frac = FALSE;

  while (n < s->len && (g_ascii_isdigit (s->str[n]) || strchr (".,:/", s->str[n]) != NULL))
    {
      if (s->str[n] == '.')
        n_dot++, last_sep = n;
      else if (s->str[n] == ',')
        n_comma++, last_sep = n;
      n++;
    }
  if (memchr (s->str, ':', n) != NULL || memchr (s->str, '/', n) != NULL)
    return;
  if (n_dot + n_comma > 0)
    digits_after = n - last_sep - 1;
  if (n_dot > 0 && n_comma > 0)
    dec = s->str[last_sep];
  else if (n_comma == 1 && digits_after != 3)
    dec = ',';
  else if (n_dot == 1)
    dec = '.';

  for (gsize i = 0; i < n; i++)
    {
      char c = s->str[i];

      if (c == dec && !in_frac)
        {
          g_string_append_c (out, '.');
          in_frac = TRUE;
        }
      else if (g_ascii_isdigit (c))
        {
          if (!in_frac && c == '0' && out->len == 0 && i + 1 < n && g_ascii_isdigit (s->str[i + 1]))
            continue;   /* leading zero */
          g_string_append_c (out, c);
        }
    }
  if (in_frac)
    {
      while (out->str[out->len - 1] == '0')
        g_string_truncate (out, out->len - 1);
      if (out->str[out->len - 1] == '.')
        g_string_truncate (out, out->len - 1);
    }
  if (out->len == 0)
    g_string_append_c (out, '0');
  suffix = number_suffix (s->str + n);
  g_string_append (out, suffix);
  g_string_assign (s, out->str);
}

/* ------------------------------------------------------------ words */

/* Turns the folded characters of one word into its norm. @flags gets
 * SYN_TOKEN_COMPOUND and SYN_TOKEN_NUMBER. */
static const SynLexiconEntry *
finish_norm (GString *s,
             guint   *flags)
{
  gsize w = 0;

  if (s->len > 2 && ends_with (s, "'s"))
    g_string_truncate (s, s->len - 2);
  if (strcmp (s->str, "n't") == 0)
    g_string_assign (s, "not");

  /* drop apostrophes (o'brien, don't), hyphens (build-up) and the dots of
   * initialisms (u.s.); keep the separators of numbers */
  for (gsize r = 0; r < s->len; r++)
    {
      char c = s->str[r];

      if (c == '\'')
        continue;
      if (c == '-')
        {
          *flags |= SYN_TOKEN_COMPOUND;
          continue;
        }
      if ((c == '.' || c == ',' || c == ':' || c == '/') &&
          !(w > 0 && g_ascii_isdigit (s->str[w - 1]) && r + 1 < s->len && g_ascii_isdigit (s->str[r + 1])))
        continue;
      s->str[w++] = c;
    }
  g_string_truncate (s, w);

  if (s->len > 0 && g_ascii_isdigit (s->str[0]))
    {
      canon_number (s);
      *flags |= SYN_TOKEN_NUMBER;
      return NULL;
    }
  /* the article's form follows the next word, not the meaning */
  if (strcmp (s->str, "an") == 0)
    g_string_truncate (s, 1);
  return americanize (s);
}

/* Folds text[s:e] (any characters; punctuation other than apostrophes,
 * hyphens and number separators is dropped) and finishes it. */
static const SynLexiconEntry *
normalize_span (GString    *buf,
                const char *text,
                gsize       s,
                gsize       e,
                guint      *flags)
{
  gsize i = s;

  g_string_set_size (buf, e - s);
  for (i = s; i < e; i++)
    {
      guchar b = (guchar) text[i];

      if (b >= 'A' && b <= 'Z')
        buf->str[i - s] = (char) (b + ('a' - 'A'));
      else if ((b >= 'a' && b <= 'z') || (b >= '0' && b <= '9'))
        buf->str[i - s] = (char) b;
      else
        break;
    }
  /* plain letters and digits (most words): done */
  if (i == e)
    return finish_norm (buf, flags);

  g_string_truncate (buf, i - s);
  while (i < e)
    {
      guchar b = (guchar) text[i];

      if (b < 0x80)
        {
          if (b >= 'A' && b <= 'Z')
            g_string_append_c (buf, (char) (b + ('a' - 'A')));
          else if (g_ascii_isalnum (b))
            g_string_append_c (buf, (char) b);
          else if (b == '\'' || b == '-' || b == '.' || b == ',' || b == ':' || b == '/')
            g_string_append_c (buf, (char) b);
          i++;
        }
      else
        {
          gsize next;
          gunichar c = syn_char_at (text, i, e, &next);

          if (is_word_char (c) || is_apostrophe (c) || is_hyphen (c))
            fold_char (buf, c);
          i = next;
        }
    }
  return finish_norm (buf, flags);
}

/* ------------------------------------------------------------ tokenizer */

typedef struct {
  const SynLexiconEntry *entry;   /* lexicon entry of the norm, or NULL */
  guint                  cap : 1; /* starts with a capital */
  guint                  dot : 1; /* directly followed by '.' */
} TokenInfo;

typedef struct {
  const char *text;
  gsize       start;
  gsize       end;
  GArray     *out;        /* SynToken */
  GArray     *info;       /* TokenInfo, parallel to out */
  GString    *buf;

  gint        n_quotes;
  gint        dq;         /* open double quotation, or -1 */
  gunichar    dq_mark;    /* the mark that opened it */
  gint        sq;         /* open single quotation (outside a double one), or -1 */
  guint       sq_first;   /* its first token */
  guint       free_from;  /* first token after the last closed quotation */
} Tokenizer;

static void
token_clear (gpointer data)
{
  SynToken *t = data;
  g_free (t->norm);
}

static void
emit (Tokenizer             *tk,
      gsize                  s,
      gsize                  e,
      guint                  flags,
      gboolean               cap,
      const SynLexiconEntry *entry)
{
  SynToken t = { s, e, NULL, flags, -1 };
  TokenInfo info = { entry, cap, e < tk->end && tk->text[e] == '.' };

  t.norm = g_strndup (tk->buf->str, tk->buf->len);
  if (tk->dq >= 0)
    t.quote = tk->dq;
  else if (tk->sq >= 0)
    t.quote = tk->sq;
  if (t.quote >= 0)
    t.flags |= SYN_TOKEN_QUOTED;
  g_array_append_val (tk->out, t);
  g_array_append_val (tk->info, info);
}

/* Finds the end of the word starting at @pos: letters, digits and marks,
 * joined by an apostrophe between letters, a hyphen after a letter, number
 * separators between digits, or the dots of an initialism. */
static gsize
scan_word (Tokenizer *tk,
           gsize      pos)
{
  const char *text = tk->text;
  gsize p = pos, next, run = 0;
  gunichar c, last = 0;

  c = syn_char_at (text, p, tk->end, &next);
  if (is_ideograph (c))
    return next;

  for (;;)
    {
      gunichar after;
      gsize next2;

      while (p < tk->end)
        {
          c = syn_char_at (text, p, tk->end, &next);
          if (!is_word_char (c) || is_ideograph (c))
            break;
          last = c;
          run++;
          p = next;
        }
      if (p >= tk->end || next >= tk->end)
        break;
      c = syn_char_at (text, p, tk->end, &next);
      after = syn_char_at (text, next, tk->end, &next2);
      if (!is_word_char (after) || is_ideograph (after))
        break;
      if (is_apostrophe (c) && is_letter (last) && is_letter (after))
        ;
      else if (is_hyphen (c) && is_letter (last))
        ;
      else if ((c == '.' || c == ',' || c == ':' || c == '/') && is_digit (last) && is_digit (after))
        ;
      else if (c == '.' && run == 1 && is_letter (last) && is_letter (after) &&
               (next2 >= tk->end || !is_word_char (syn_char_at (text, next2, tk->end, &next2))))
        ;   /* U.S., e.g. */
      else
        break;
      p = next;
      run = 0;
    }
  return p;
}

static void
word (Tokenizer *tk,
      gsize      s,
      gsize      e)
{
  guint flags = 0;
  gsize next;
  gunichar first = syn_char_at (tk->text, s, e, &next);
  const SynLexiconEntry *entry = normalize_span (tk->buf, tk->text, s, e, &flags);

  /* "US" and "U.S." are the country, not the pronoun */
  if (tk->buf->len == 2 && strcmp (tk->buf->str, "us") == 0 && tk->text[s] == 'U' &&
      (tk->text[s + 1] == 'S' || tk->text[s + 1] == '.'))
    {
      g_string_assign (tk->buf, "usa");
      entry = NULL;
    }
  emit (tk, s, e, flags, first < 0x80 ? g_ascii_isupper (first) : g_unichar_isupper (first), entry);
}

static void
quote_all_since_free (Tokenizer *tk)
{
  gint index;

  if (tk->out->len <= tk->free_from)
    return;
  index = tk->n_quotes++;
  for (guint i = tk->free_from; i < tk->out->len; i++)
    {
      SynToken *t = &g_array_index (tk->out, SynToken, i);
      t->flags |= SYN_TOKEN_QUOTED;
      t->quote = index;
    }
  tk->free_from = tk->out->len;
}

static void
open_double (Tokenizer *tk,
             gunichar   mark)
{
  tk->dq = tk->n_quotes++;
  tk->dq_mark = mark;
}

static void
close_double (Tokenizer *tk)
{
  tk->dq = -1;
  tk->free_from = tk->out->len;
}

/* Which marks may close a quotation opened by @open. */
static gboolean
closes (gunichar open,
        gunichar mark)
{
  switch (open)
    {
    case '"':    return mark == '"' || mark == 0x201D || mark == 0x201C;
    case 0x201C: return mark == 0x201D || mark == '"' || mark == 0x201C;
    case 0x201E: return mark == 0x201C || mark == 0x201D || mark == '"';
    case 0x00AB: return mark == 0x00BB || mark == '"';
    case 0x00BB: return mark == 0x00AB || mark == '"';
    case '`':    return mark == '\'' || mark == '"' || mark == 0x201D;
    default:     return FALSE;
    }
}

static void
double_mark (Tokenizer *tk,
             gunichar   mark,
             gboolean   left,
             gboolean   right)
{
  if (tk->sq >= 0)
    return;   /* nested in a single quotation */
  if (tk->dq >= 0)
    {
      if (!closes (tk->dq_mark, mark))
        return;
      if (mark == 0x201C && tk->dq_mark == 0x201C && !(right && !left))
        return;
      close_double (tk);
      /* "a "b: the first quotation never closed; this mark opens another */
      if (mark == '"' && left && !right)
        open_double (tk, mark);
      return;
    }

  switch (mark)
    {
    case '"':
      if (left)
        open_double (tk, mark);
      else if (right)
        quote_all_since_free (tk);
      break;
    case 0x201C:   /* “ opens, or closes a German „ quotation begun earlier */
    case 0x00AB:
      if (right && !left)
        quote_all_since_free (tk);
      else
        open_double (tk, mark);
      break;
    case 0x201E:
    case '`':
      open_double (tk, mark);
      break;
    case 0x201D:   /* ” closes, or opens in the Swedish style */
    case 0x00BB:   /* » closes, or opens in the German style */
    case '\'':     /* '' of tokenized text */
      if (left && !right)
        open_double (tk, mark);
      else
        quote_all_since_free (tk);
      break;
    default:
      break;
    }
}

static void
single_mark (Tokenizer *tk,
             gunichar   mark,
             gboolean   left,
             gboolean   right)
{
  if (tk->dq >= 0)
    return;   /* nested in a double quotation */
  if (tk->sq < 0)
    {
      if ((mark == 0x2018 || mark == '\'' || mark == 0x2039 || mark == 0x201A) && left && !right)
        {
          tk->sq = tk->n_quotes++;
          tk->sq_first = tk->out->len;
        }
      return;
    }
  if ((mark == 0x2019 || mark == '\'' || mark == 0x203A || mark == 0x2018) && right)
    {
      tk->sq = -1;
      tk->free_from = tk->out->len;
    }
}

/* Handles the punctuation at @pos; returns where to continue. */
static gsize
punctuation (Tokenizer *tk,
             gunichar   c,
             gsize      pos,
             gsize      next)
{
  gunichar prev, after;
  gsize next2 = next, mark_end = next, before;
  gboolean left, right;

  if (c == '%')
    {
      g_string_assign (tk->buf, "percent");
      emit (tk, pos, next, 0, FALSE, syn_lexicon_lookup (tk->buf->str, tk->buf->len));
      return next;
    }
  if (c != '"' && c != '\'' && c != '`' && c < 0x00AB)
    return next;

  after = next < tk->end ? syn_char_at (tk->text, next, tk->end, &next2) : 0;
  /* '' and `` of tokenized text are double quotes */
  if ((c == '\'' || c == '`') && after == c)
    {
      mark_end = next2;
      after = mark_end < tk->end ? syn_char_at (tk->text, mark_end, tk->end, &next2) : 0;
    }
  else if (is_apostrophe (c) && (after == 's' || after == 'S') &&
           syn_char_is_space (syn_char_before (tk->text, tk->start, pos, &before)))
    {
      /* the clitic 's of tokenized text ("china 's") */
      gunichar after2 = next2 < tk->end ? syn_char_at (tk->text, next2, tk->end, &next2) : 0;

      if (!is_word_char (after2))
        {
          gsize e = next + 1;

          g_string_assign (tk->buf, "'s");
          emit (tk, pos, e, 0, FALSE, syn_lexicon_lookup (tk->buf->str, tk->buf->len));
          return e;
        }
    }

  prev = syn_char_before (tk->text, tk->start, pos, &before);
  left = !syn_char_is_space (after) && (syn_char_is_space (prev) || !is_word_char (prev));
  right = !syn_char_is_space (prev) && (syn_char_is_space (after) || !is_word_char (after));

  if (mark_end != next || c == '"' || c == 0x201C || c == 0x201D || c == 0x201E ||
      c == 0x00AB || c == 0x00BB)
    double_mark (tk, c, left, right);
  else if (c == '\'' || c == 0x2018 || c == 0x2019 || c == 0x2039 || c == 0x203A || c == 0x201A)
    single_mark (tk, c, left, right);
  return mark_end;
}

static void
finish_quotes (Tokenizer *tk)
{
  /* a single mark that never closed was an apostrophe ('90s) */
  if (tk->sq >= 0)
    {
      for (guint i = tk->sq_first; i < tk->out->len; i++)
        {
          SynToken *t = &g_array_index (tk->out, SynToken, i);
          t->flags &= ~(guint) SYN_TOKEN_QUOTED;
          t->quote = -1;
        }
      tk->n_quotes--;
      tk->sq = -1;
    }
}

static gboolean
is_numeral (const Tokenizer *tk,
            guint            i,
            guint            j)
{
  const SynToken *a, *b;

  if (j >= tk->out->len)
    return FALSE;
  a = &g_array_index (tk->out, SynToken, MIN (i, j));
  b = &g_array_index (tk->out, SynToken, MAX (i, j));
  /* next to each other: "Jan. 10", "10 January", "May 5," */
  if (b->start - a->end > 3)
    return FALSE;
  return g_ascii_isdigit (g_array_index (tk->out, SynToken, j).norm[0]);
}

static void
set_norm (SynToken   *t,
          const char *norm)
{
  g_free (t->norm);
  t->norm = g_strdup (norm);
}

/* The day and year beside a month name are parts of a date. */
static void
mark_dates (Tokenizer *tk)
{
  for (guint i = 0; i < tk->out->len; i++)
    {
      if ((g_array_index (tk->out, SynToken, i).flags & SYN_TOKEN_DATE) == 0 ||
          !g_ascii_isalpha (g_array_index (tk->out, SynToken, i).norm[0]))
        continue;
      /* "10 January", "January 10, 2022" */
      if (i > 0 && is_numeral (tk, i, i - 1))
        g_array_index (tk->out, SynToken, i - 1).flags |= SYN_TOKEN_DATE;
      for (guint j = i; j + 1 < tk->out->len && j < i + 2 && is_numeral (tk, j, j + 1); j++)
        g_array_index (tk->out, SynToken, j + 1).flags |= SYN_TOKEN_DATE;
    }
}

/* The decisions that need the neighbours (see the essay above). */
static void
resolve_context (Tokenizer *tk)
{
  for (guint i = 0; i < tk->out->len; i++)
    {
      SynToken *t = &g_array_index (tk->out, SynToken, i);
      const TokenInfo *info = &g_array_index (tk->info, TokenInfo, i);
      const SynLexiconEntry *e = info->entry;
      gboolean near_number = is_numeral (tk, i, i + 1) || (i > 0 && is_numeral (tk, i, i - 1));
      const TokenInfo *next = i + 1 < tk->info->len ? &g_array_index (tk->info, TokenInfo, i + 1) : NULL;

      if (e == NULL)
        continue;
      if ((e->classes & SYN_LEXICON_HONORIFIC) != 0 && next != NULL)
        {
          set_norm (t, "");
          continue;
        }
      if ((e->classes & SYN_LEXICON_HONORIFIC_CAP) != 0 && info->cap && next != NULL && next->cap)
        {
          set_norm (t, "");
          continue;
        }
      if ((e->classes & SYN_LEXICON_NUMBER) != 0)
        {
          set_norm (t, e->value);
          t->flags |= SYN_TOKEN_NUMBER;
          continue;
        }
      if ((e->classes & SYN_LEXICON_MONTH) != 0 &&
          (near_number || !(e->classes & SYN_LEXICON_STOPWORD)) &&
          (near_number || strcmp (e->word, "march") != 0))
        {
          set_norm (t, e->value);
          t->flags |= SYN_TOKEN_NUMBER | SYN_TOKEN_DATE;
          continue;
        }
      if ((e->classes & SYN_LEXICON_WEEKDAY) != 0)
        {
          set_norm (t, e->value);
          t->flags |= SYN_TOKEN_NUMBER | SYN_TOKEN_DATE;
          continue;
        }
      if ((e->classes & SYN_LEXICON_MONTH_ABBREV) != 0 &&
          (info->cap || near_number) && (info->dot || near_number))
        {
          set_norm (t, e->value);
          t->flags |= SYN_TOKEN_NUMBER | SYN_TOKEN_DATE;
          continue;
        }
      if ((e->classes & SYN_LEXICON_TITLE_ABBREV) != 0 && info->cap && info->dot)
        {
          set_norm (t, e->value);
          continue;
        }
      if ((e->classes & SYN_LEXICON_STOPWORD) != 0)
        t->flags |= SYN_TOKEN_STOPWORD;
    }
}

GArray *
syn_tokenize (const char *text,
              gsize       start,
              gsize       end)
{
  Tokenizer tk = { 0, };
  gsize pos = start;

  g_return_val_if_fail (text != NULL || start == end, NULL);
  g_return_val_if_fail (start <= end, NULL);

  tk.text = text;
  tk.start = start;
  tk.end = end;
  tk.out = g_array_sized_new (FALSE, TRUE, sizeof (SynToken), (guint) MIN ((end - start) / 5 + 1, 4096));
  g_array_set_clear_func (tk.out, token_clear);
  tk.info = g_array_sized_new (FALSE, TRUE, sizeof (TokenInfo), tk.out->len);
  tk.buf = g_string_sized_new (64);
  tk.dq = tk.sq = -1;

  while (pos < end)
    {
      gsize next;
      gunichar c = syn_char_at (text, pos, end, &next);

      if (is_word_char (c))
        {
          gsize e = scan_word (&tk, pos);

          word (&tk, pos, e);
          pos = e;
        }
      else
        pos = punctuation (&tk, c, pos, next);
    }
  finish_quotes (&tk);
  resolve_context (&tk);
  mark_dates (&tk);

  g_array_unref (tk.info);
  g_string_free (tk.buf, TRUE);
  return tk.out;
}

char *
syn_normalize_word (const char *word,
                    gssize      len)
{
  g_autoptr(GString) buf = g_string_sized_new (32);
  const SynLexiconEntry *e;
  guint flags = 0;
  gboolean dot;

  g_return_val_if_fail (word != NULL, NULL);

  if (len < 0)
    len = (gssize) strlen (word);
  dot = len > 0 && word[len - 1] == '.';
  e = normalize_span (buf, word, 0, (gsize) len, &flags);
  if (e != NULL)
    {
      if ((e->classes & (SYN_LEXICON_HONORIFIC | SYN_LEXICON_HONORIFIC_CAP)) != 0)
        g_string_truncate (buf, 0);
      else if ((e->classes & (SYN_LEXICON_NUMBER | SYN_LEXICON_MONTH)) != 0)
        g_string_assign (buf, e->value);
      else if ((e->classes & (SYN_LEXICON_MONTH_ABBREV | SYN_LEXICON_TITLE_ABBREV)) != 0 && dot)
        g_string_assign (buf, e->value);
    }
  return g_string_free (g_steal_pointer (&buf), FALSE);
}

gboolean
syn_is_stopword (const char *norm)
{
  const SynLexiconEntry *e;

  g_return_val_if_fail (norm != NULL, FALSE);

  e = syn_lexicon_lookup (norm, strlen (norm));
  return e != NULL && (e->classes & SYN_LEXICON_STOPWORD) != 0;
}

/* ------------------------------------------------------------ stemmer */

static inline gboolean
is_vowel (char c)
{
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

static gboolean
has_vowel (const char *w,
           gsize       n)
{
  for (gsize i = 0; i < n; i++)
    {
      if (is_vowel (w[i]))
        return TRUE;
    }
  return FALSE;
}

static inline gboolean
stem_ends (const char *w,
           gsize       n,
           const char *suffix)
{
  gsize k = strlen (suffix);
  return n >= k && memcmp (w + n - k, suffix, k) == 0;
}

static gsize
undouble (const char *w,
          gsize       n)
{
  if (n >= 3 && w[n - 1] == w[n - 2] && !is_vowel (w[n - 1]) &&
      w[n - 1] != 'l' && w[n - 1] != 's' && w[n - 1] != 'z' && g_ascii_isalpha (w[n - 1]))
    return n - 1;
  return n;
}

/* Porter's first step, lightly: plurals and -ed/-ing/-ly, then the
 * commonest German endings (-en, -er, -em, -ern) on long words, then a
 * final e or y, so that "make", "makes", "making" share "mak". */
static gsize
stem_suffixes (char  *w,
               gsize  n)
{
  if (n <= 3 || g_ascii_isdigit (w[0]))
    {
      /* "use" as "used", "age" as "aged" */
      if (n == 3 && w[2] == 'e' && !is_vowel (w[1]) && !syn_is_stopword (w) && memcmp (w, "one", 3) != 0)
        return 2;
      return n;
    }

  if (stem_ends (w, n, "sses"))
    n -= 2;
  else if (stem_ends (w, n, "ies") && n > 4)
    n -= 2, w[n - 1] = 'y';
  else if (stem_ends (w, n, "es") && n > 4 &&
           (strchr ("sxz", w[n - 3]) != NULL || stem_ends (w, n, "ches") || stem_ends (w, n, "shes")))
    n -= 2;
  else if (w[n - 1] == 's' && w[n - 2] != 's' && w[n - 2] != 'u' && w[n - 2] != 'i' &&
           !(n == 4 && memcmp (w, "news", 4) == 0))
    n -= 1;

  if (stem_ends (w, n, "ied") && n > 4)
    n -= 2, w[n - 1] = 'y';
  else if (stem_ends (w, n, "eed"))
    n -= 1;
  else if (stem_ends (w, n, "ed") && n > 3 && has_vowel (w, n - 2))
    n = undouble (w, n - 2);
  else if (stem_ends (w, n, "ing") && n > 4 && has_vowel (w, n - 3))
    n = undouble (w, n - 3);

  if (stem_ends (w, n, "ly") && n > 5)
    n -= 2;

  if (stem_ends (w, n, "ern") && n >= 7)
    n -= 3;
  else if ((stem_ends (w, n, "en") || stem_ends (w, n, "er") || stem_ends (w, n, "em")) && n >= 6)
    n -= 2;

  if (n > 3 && w[n - 1] == 'e')
    n--;
  if (n > 2 && w[n - 1] == 'y')
    w[n - 1] = 'i';
  return n;
}

char *
syn_stem (const char *norm)
{
  const SynLexiconEntry *irregular;
  gsize len;
  char *w;

  g_return_val_if_fail (norm != NULL, NULL);

  len = strlen (norm);
  irregular = syn_lexicon_lookup_irregular (norm, len);
  if (irregular != NULL)
    {
      norm = irregular->value;
      len = strlen (norm);
    }
  w = g_strndup (norm, len);
  w[stem_suffixes (w, len)] = '\0';
  return w;
}
