/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Which language a text is in, from its function words.
 *
 * Every language has a few dozen short words that make up a third of any
 * text in it ("the", "of", "was"; "der", "und", "ist"); most belong to
 * one language only. Counting them over the first words of a text tells
 * the languages apart with a wide margin after a sentence or two, which
 * is all Synopsis asks: whether the English word vectors may be used, and
 * whether the sources are in different languages. A text with too few of
 * them, or whose two likeliest languages are close, is not guessed.
 *
 * The lists hold frequent words that are rare in the other languages
 * listed; a word two languages share ("de", "a", "que") counts for both,
 * so it does not tip the balance between them.
 */
#define G_LOG_DOMAIN "syn-core"

#include "config.h"

#include <string.h>

#include "syn-language.h"

/* words read at most: enough for a verdict, cheap on a long article */
#define MAX_WORDS   2000
/* hits the likeliest language needs, and its lead over the next: half
 * as many again ("dit" is Dutch for "this", and French for "said") */
#define MIN_HITS    2

typedef struct {
  const char        *code;
  const char * const words[48];
} Profile;

static const Profile profiles[] = {
  { "en", { "the", "and", "of", "to", "is", "was", "that", "with", "for", "it",
            "he", "she", "they", "this", "have", "has", "had", "were", "been",
            "which", "from", "but", "not", "by", "are", "would", "their", "said",
            "will", "an", "at", "his", "her", "who", "its", "there", "what",
            "we", "you", "after", "also", "or", NULL } },
  { "de", { "der", "die", "und", "das", "ist", "nicht", "mit", "sich", "auf",
            "für", "dem", "den", "ein", "eine", "einer", "auch", "wird", "sind",
            "war", "wurde", "werden", "hat", "bei", "nach", "aus", "sie", "ich",
            "wir", "von", "zu", "im", "dass", "oder", "aber", "noch", "über",
            "nur", "einen", "vom", "zum", "zur", NULL } },
  { "fr", { "le", "les", "et", "des", "du", "une", "est", "qui", "dans", "pour",
            "pas", "sur", "au", "aux", "avec", "ce", "cette", "sont", "ont",
            "été", "elle", "nous", "vous", "mais", "plus", "ses", "leur", "être",
            "fait", "aussi", "comme", "même", "ces", "lui", "où", "sa", "je",
            "qu", "avait", "était", "il", NULL } },
  { "es", { "el", "los", "las", "del", "y", "es", "por", "con", "para", "una",
            "está", "están", "pero", "como", "más", "fue", "sus", "al", "lo",
            "hay", "muy", "también", "cuando", "desde", "este", "esta", "sido",
            "ya", "su", "que", "se", "han", "porque", "sin", "ser", "entre",
            "sobre", "todo", "años", "hasta", NULL } },
  { "it", { "il", "di", "che", "è", "della", "dei", "delle", "degli", "gli",
            "per", "non", "sono", "nel", "nella", "alla", "anche", "come", "ma",
            "più", "questo", "questa", "hanno", "stato", "dal", "sul", "ha",
            "si", "tra", "ci", "una", "del", "al", "essere", "loro", "nei",
            "dopo", "anni", "ancora", "quando", "perché", NULL } },
  { "nl", { "het", "een", "van", "niet", "op", "te", "dat", "zijn", "voor",
            "met", "worden", "wordt", "werd", "maar", "ook", "aan", "bij",
            "naar", "om", "er", "heeft", "hebben", "deze", "dit", "uit", "nog",
            "geen", "wel", "hij", "zij", "wat", "kan", "dan", "toen", "door",
            "over", "de", "en", "is", "ze", NULL } },
  { "pt", { "o", "os", "do", "da", "dos", "das", "em", "não", "uma", "com",
            "são", "foi", "mais", "ao", "aos", "na", "nas", "no", "ele", "ela",
            "seu", "sua", "também", "pelo", "pela", "isso", "muito", "já",
            "ainda", "um", "que", "se", "para", "por", "como", "mas", "ou",
            "quando", "está", "entre", NULL } },
};

G_STATIC_ASSERT (G_N_ELEMENTS (profiles) <= 31);

/* word -> bit set of the profiles that list it */
static gpointer
build_table (gpointer data)
{
  GHashTable *table = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint p = 0; p < G_N_ELEMENTS (profiles); p++)
    {
      for (guint k = 0; profiles[p].words[k] != NULL; k++)
        {
          const char *w = profiles[p].words[k];
          guint bits = GPOINTER_TO_UINT (g_hash_table_lookup (table, w));

          g_hash_table_insert (table, (gpointer) w, GUINT_TO_POINTER (bits | (1u << p)));
        }
    }
  return table;
}

static GHashTable *
stopword_table (void)
{
  static GOnce once = G_ONCE_INIT;
  return g_once (&once, build_table, NULL);
}

static void
count_word (GHashTable *table,
            const char *word,
            guint      *hits)
{
  guint bits = GPOINTER_TO_UINT (g_hash_table_lookup (table, word));

  for (guint p = 0; bits != 0; p++, bits >>= 1)
    hits[p] += bits & 1;
}

const char *
syn_language_guess (const char *text,
                    gsize       len)
{
  GHashTable *table = stopword_table ();
  guint hits[G_N_ELEMENTS (profiles)] = { 0, };
  char word[16];
  gsize w = 0, i = 0;
  guint words = 0, best = 0, second = 0, best_p = 0;
  gboolean overlong = FALSE;

  g_return_val_if_fail (text != NULL || len == 0, NULL);

  while (words < MAX_WORDS)
    {
      gunichar c = i < len ? g_utf8_get_char_validated (text + i, (gssize) (len - i)) : 0;
      gsize step = c == (gunichar) -1 || c == (gunichar) -2 || i >= len ? 1 : (gsize) g_utf8_skip[(guchar) text[i]];

      if (i < len && c != (gunichar) -1 && c != (gunichar) -2 && g_unichar_isalpha (c))
        {
          char buf[6];
          gint n = g_unichar_to_utf8 (g_unichar_tolower (c), buf);

          if (w + (gsize) n < sizeof word)
            memcpy (word + w, buf, (gsize) n), w += (gsize) n;
          else
            overlong = TRUE;
        }
      else if (w > 0 || overlong)
        {
          word[w] = '\0';
          if (!overlong)
            count_word (table, word, hits);
          words++;
          w = 0, overlong = FALSE;
        }
      if (i >= len)
        break;
      i += step;
    }

  for (guint p = 0; p < G_N_ELEMENTS (profiles); p++)
    {
      if (hits[p] > best)
        second = best, best = hits[p], best_p = p;
      else if (hits[p] > second)
        second = hits[p];
    }
  if (best < MIN_HITS || 2 * best < 3 * second)
    return NULL;
  return profiles[best_p].code;
}
