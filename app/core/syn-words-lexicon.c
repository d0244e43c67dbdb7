/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The lexicon is a handful of short closed lists, merged at first use into
 * one open-addressing hash table keyed by the folded word, so that the
 * tokenizer pays a single probe per word whatever it asks. The lists are
 * deliberately small: open classes (spelling families such as -our/-or or
 * -ise/-ize) are rules in syn-normalize.c, and only words no rule can reach
 * are listed here.
 */
#define G_LOG_DOMAIN "syn-core"

#include "config.h"

#include <string.h>

#include "syn-words-lexicon-private.h"

typedef struct {
  const char *word;
  const char *value;
} Pair;

static const char * const english_stopwords[] = {
  "a", "about", "above", "after", "again", "against", "all", "also", "although",
  "am", "amid", "among", "an", "and", "any", "are", "as", "at", "be", "because",
  "been", "before", "being", "below", "between", "both", "but", "by", "can",
  "cannot", "could", "did", "do", "does", "doing", "down", "during", "each",
  "either", "ever", "every", "few", "for", "from", "further", "had", "has",
  "have", "having", "he", "her", "here", "hers", "herself", "him", "himself",
  "his", "how", "however", "i", "if", "in", "into", "is", "it", "its", "itself",
  "just", "may", "me", "might", "more", "most", "much", "must", "my", "myself",
  "neither", "no", "nor", "not", "now", "of", "off", "on", "once", "only",
  "onto", "or", "other", "our", "ours", "ourselves", "out", "over", "own",
  "per", "same", "shall", "she", "should", "since", "so", "some", "such",
  "than", "that", "the", "their", "theirs", "them", "themselves", "then",
  "there", "these", "they", "this", "those", "though", "through", "thus", "to",
  "too", "toward", "under", "unless", "until", "up", "upon", "us", "very",
  "via", "was", "we", "were", "what", "when", "where", "whereas", "whether",
  "which", "while", "who", "whom", "whose", "why", "will", "with", "within",
  "without", "would", "yet", "you", "your", "yours", "yourself", "'s", "not",
  "it's", "there's",
};

/* German function words, folded (für -> fur). Words that are also common
 * English content words (war, man, hat, die, nun, bin) are left out. */
static const char * const german_stopwords[] = {
  "aber", "alle", "allem", "allen", "aller", "alles", "als", "am", "an",
  "andere", "anderen", "anderer", "anderes", "auch", "auf", "aus", "bei",
  "bis", "bist", "da", "damit", "dann", "das", "dass", "dem", "den", "denn",
  "der", "des", "dessen", "deshalb", "dies", "diese", "diesem", "diesen",
  "dieser", "dieses", "doch", "dort", "du", "durch", "ein", "eine", "einem",
  "einen", "einer", "eines", "er", "es", "euer", "fur", "gegen", "habe",
  "haben", "hatte", "hatten", "hier", "ich", "ihm", "ihn", "ihnen", "ihr",
  "ihre", "ihrem", "ihren", "ihrer", "ihres", "im", "indem", "ins", "ist",
  "jede", "jedem", "jeden", "jeder", "jedes", "jetzt", "kann", "kein", "keine",
  "konnen", "mich", "mir", "mit", "muss", "mussen", "nach", "nicht", "noch",
  "nur", "ob", "oder", "ohne", "sehr", "sein", "seine", "seinem", "seinen",
  "seiner", "seines", "sich", "sie", "sind", "soll", "sollen", "sondern",
  "uber", "um", "und", "uns", "unser", "unter", "vom", "von", "vor", "wahrend",
  "waren", "weil", "welche", "welchem", "welchen", "welcher", "welches",
  "wenn", "werden", "wer", "wie", "wieder", "wir", "wird", "wo", "wurde",
  "wurden", "zu", "zum", "zur", "zwar", "zwischen",
};

static const Pair months[] = {
  { "january", "january" }, { "february", "february" }, { "march", "march" },
  { "april", "april" }, { "may", "may" }, { "june", "june" }, { "july", "july" },
  { "august", "august" }, { "september", "september" }, { "october", "october" },
  { "november", "november" }, { "december", "december" },
  /* German */
  { "januar", "january" }, { "janner", "january" }, { "februar", "february" },
  { "marz", "march" }, { "mai", "may" }, { "juni", "june" }, { "juli", "july" },
  { "oktober", "october" }, { "dezember", "december" },
};

/* A weekday is part of a date: Thursday against Friday is a fact that
 * disagrees, not a rewording. */
static const Pair weekdays[] = {
  { "monday", "monday" }, { "tuesday", "tuesday" }, { "wednesday", "wednesday" },
  { "thursday", "thursday" }, { "friday", "friday" }, { "saturday", "saturday" },
  { "sunday", "sunday" },
  /* German */
  { "montag", "monday" }, { "dienstag", "tuesday" }, { "mittwoch", "wednesday" },
  { "donnerstag", "thursday" }, { "freitag", "friday" }, { "samstag", "saturday" },
  { "sonnabend", "saturday" }, { "sonntag", "sunday" },
};

static const Pair month_abbrevs[] = {
  { "jan", "january" }, { "feb", "february" }, { "mar", "march" },
  { "apr", "april" }, { "jun", "june" }, { "jul", "july" }, { "aug", "august" },
  { "sep", "september" }, { "sept", "september" }, { "oct", "october" },
  { "okt", "october" }, { "nov", "november" }, { "dec", "december" },
  { "dez", "december" },
};

/* "one" is left out: it is far more often a pronoun than a count. */
static const Pair number_words[] = {
  { "two", "2" }, { "three", "3" }, { "four", "4" }, { "five", "5" },
  { "six", "6" }, { "seven", "7" }, { "eight", "8" }, { "nine", "9" },
  { "ten", "10" }, { "eleven", "11" }, { "twelve", "12" }, { "thirteen", "13" },
  { "fourteen", "14" }, { "fifteen", "15" }, { "sixteen", "16" },
  { "seventeen", "17" }, { "eighteen", "18" }, { "nineteen", "19" },
  { "twenty", "20" }, { "thirty", "30" }, { "forty", "40" }, { "fifty", "50" },
  { "sixty", "60" }, { "seventy", "70" }, { "eighty", "80" }, { "ninety", "90" },
  { "hundred", "hundred" }, { "thousand", "thousand" }, { "million", "million" },
  { "billion", "billion" }, { "trillion", "trillion" }, { "dozen", "12" },
  { "hundreds", "hundreds" }, { "thousands", "thousands" },
  { "millions", "millions" }, { "billions", "billions" },
  /* German */
  { "zwei", "2" }, { "drei", "3" }, { "vier", "4" }, { "funf", "5" },
  { "sechs", "6" }, { "sieben", "7" }, { "neun", "9" }, { "zehn", "10" },
  { "zwolf", "12" }, { "hundert", "hundred" }, { "tausend", "thousand" },
  { "millionen", "million" }, { "mio", "million" }, { "milliarde", "billion" },
  { "milliarden", "billion" }, { "mrd", "billion" },
};

static const char * const honorifics[] = {
  "mr", "mrs", "ms", "mx", "messrs", "mme", "mlle",
};

static const char * const honorifics_cap[] = {
  "dr", "sir", "dame", "miss", "herr", "frau",
};

static const Pair title_abbrevs[] = {
  { "sen", "senator" }, { "rep", "representative" }, { "gov", "governor" },
  { "gen", "general" }, { "lt", "lieutenant" }, { "col", "colonel" },
  { "sgt", "sergeant" }, { "capt", "captain" }, { "cmdr", "commander" },
  { "adm", "admiral" }, { "pres", "president" }, { "supt", "superintendent" },
  { "prof", "professor" }, { "rev", "reverend" }, { "atty", "attorney" },
};

/* Variants no rule in syn-normalize.c reaches. */
static const Pair spellings[] = {
  { "towards", "toward" }, { "afterwards", "afterward" },
  { "backwards", "backward" }, { "forwards", "forward" },
  { "upwards", "upward" }, { "downwards", "downward" },
  { "onwards", "onward" }, { "amongst", "among" }, { "whilst", "while" },
  { "learnt", "learned" }, { "spelt", "spelled" }, { "burnt", "burned" },
  { "dreamt", "dreamed" }, { "leapt", "leaped" }, { "spoilt", "spoiled" },
  { "programme", "program" }, { "programmes", "programs" },
  { "defence", "defense" }, { "defences", "defenses" },
  { "offence", "offense" }, { "offences", "offenses" },
  { "licence", "license" }, { "licences", "licenses" },
  { "pretence", "pretense" }, { "practise", "practice" },
  { "practised", "practiced" }, { "practising", "practicing" },
  { "grey", "gray" }, { "greys", "grays" }, { "tyre", "tire" },
  { "tyres", "tires" }, { "jewellery", "jewelry" }, { "aluminium", "aluminum" },
  { "plough", "plow" }, { "ploughs", "plows" }, { "sceptic", "skeptic" },
  { "sceptics", "skeptics" }, { "sceptical", "skeptical" },
  { "scepticism", "skepticism" }, { "mould", "mold" }, { "moulds", "molds" },
  { "smoulder", "smolder" }, { "smouldering", "smoldering" },
  { "ageing", "aging" }, { "judgement", "judgment" },
  { "judgements", "judgments" }, { "acknowledgement", "acknowledgment" },
  { "enrolment", "enrollment" }, { "enrol", "enroll" }, { "fulfil", "fulfill" },
  { "fulfilment", "fulfillment" }, { "skilful", "skillful" },
  { "wilful", "willful" }, { "instalment", "installment" },
  { "cheque", "check" }, { "cheques", "checks" }, { "draught", "draft" },
  { "storey", "story" }, { "storeys", "stories" }, { "kerb", "curb" },
  { "pyjamas", "pajamas" }, { "cosy", "cozy" }, { "gaol", "jail" },
  { "manoeuvre", "maneuver" }, { "manoeuvres", "maneuvers" },
  { "manoeuvred", "maneuvered" }, { "adviser", "advisor" },
  { "advisers", "advisors" }, { "percent", "percent" }, { "%", "percent" },
  { "n't", "not" }, { "ok", "okay" },
};

/* Irregular inflections, mapped to a base form the stemmer then reduces. */
static const Pair irregulars[] = {
  { "is", "be" }, { "are", "be" }, { "was", "be" }, { "were", "be" },
  { "am", "be" }, { "been", "be" }, { "being", "be" },
  { "has", "have" }, { "had", "have" }, { "having", "have" },
  { "does", "do" }, { "did", "do" }, { "done", "do" }, { "doing", "do" },
  { "said", "say" }, { "says", "say" }, { "went", "go" }, { "gone", "go" },
  { "goes", "go" }, { "made", "make" }, { "men", "man" }, { "women", "woman" },
  { "children", "child" }, { "took", "take" }, { "taken", "take" },
  { "gave", "give" }, { "given", "give" }, { "came", "come" }, { "got", "get" },
  { "gotten", "get" }, { "told", "tell" }, { "knew", "know" }, { "known", "know" },
  { "thought", "think" }, { "saw", "see" }, { "seen", "see" },
  { "found", "find" }, { "held", "hold" }, { "brought", "bring" },
  { "began", "begin" }, { "begun", "begin" }, { "kept", "keep" },
  { "met", "meet" }, { "ran", "run" }, { "sent", "send" }, { "spoke", "speak" },
  { "spoken", "speak" }, { "stood", "stand" }, { "won", "win" },
  { "lost", "lose" }, { "paid", "pay" }, { "led", "lead" }, { "felt", "feel" },
  { "became", "become" }, { "built", "build" }, { "bought", "buy" },
  { "caught", "catch" }, { "chose", "choose" }, { "chosen", "choose" },
  { "fell", "fall" }, { "fallen", "fall" }, { "grew", "grow" },
  { "grown", "grow" }, { "meant", "mean" }, { "rose", "rise" },
  { "risen", "rise" }, { "sold", "sell" }, { "struck", "strike" },
  { "taught", "teach" }, { "wrote", "write" }, { "written", "write" },
  { "broke", "break" }, { "broken", "break" }, { "drove", "drive" },
  { "driven", "drive" }, { "flew", "fly" }, { "flown", "fly" },
  { "shot", "shoot" }, { "sought", "seek" }, { "fought", "fight" },
  { "understood", "understand" }, { "wore", "wear" }, { "worn", "wear" },
  { "hid", "hide" }, { "hidden", "hide" }, { "fled", "flee" },
  { "lay", "lie" }, { "lain", "lie" }, { "slept", "sleep" },
  { "spent", "spend" }, { "lent", "lend" }, { "dealt", "deal" },
  { "forgot", "forget" }, { "forgotten", "forget" }, { "ate", "eat" },
  { "eaten", "eat" }, { "threw", "throw" }, { "thrown", "throw" },
  { "drew", "draw" }, { "drawn", "draw" }, { "sang", "sing" }, { "sung", "sing" },
  { "swore", "swear" }, { "sworn", "swear" }, { "tore", "tear" },
  { "torn", "tear" }, { "woke", "wake" }, { "woken", "wake" },
  { "mice", "mouse" }, { "feet", "foot" }, { "teeth", "tooth" },
  { "lives", "life" }, { "wives", "wife" }, { "knives", "knife" },
  { "leaves", "leaf" }, { "halves", "half" }, { "analyses", "analysis" },
  { "crises", "crisis" }, { "theses", "thesis" }, { "data", "datum" },
  { "media", "medium" }, { "criteria", "criterion" }, { "phenomena", "phenomenon" },
  { "better", "good" }, { "best", "good" }, { "worse", "bad" }, { "worst", "bad" },
  { "larger", "large" }, { "largest", "large" }, { "bigger", "big" },
  { "biggest", "big" },
};

#define TABLE_BITS 11
#define TABLE_SIZE (1u << TABLE_BITS)

typedef struct {
  SynLexiconEntry entries[TABLE_SIZE];   /* word == NULL: empty slot */
} Table;

static guint32
hash_word (const char *word,
           gsize       len)
{
  guint32 h = 2166136261u;

  for (gsize i = 0; i < len; i++)
    h = (h ^ (guchar) word[i]) * 16777619u;
  return h;
}

static SynLexiconEntry *
find_slot (Table      *table,
           const char *word,
           gsize       len)
{
  guint32 i = hash_word (word, len) & (TABLE_SIZE - 1);

  for (;;)
    {
      SynLexiconEntry *e = &table->entries[i];

      if (e->word == NULL || (strncmp (e->word, word, len) == 0 && e->word[len] == '\0'))
        return e;
      i = (i + 1) & (TABLE_SIZE - 1);
    }
}

static void
add (Table      *table,
     const char *word,
     guint       classes,
     const char *value)
{
  SynLexiconEntry *e = find_slot (table, word, strlen (word));

  e->word = word;
  e->classes |= classes;
  if (value != NULL)
    {
      /* one value per word: the lists must not disagree */
      g_assert (e->value == NULL || strcmp (e->value, value) == 0);
      e->value = value;
    }
}

static void
add_words (Table              *table,
           const char * const *words,
           gsize               n,
           guint               classes)
{
  for (gsize i = 0; i < n; i++)
    add (table, words[i], classes, NULL);
}

static void
add_pairs (Table      *table,
           const Pair *pairs,
           gsize       n,
           guint       classes)
{
  for (gsize i = 0; i < n; i++)
    add (table, pairs[i].word, classes, pairs[i].value);
}

static Table *
build_table (void)
{
  Table *t = g_new0 (Table, 1);

  add_words (t, english_stopwords, G_N_ELEMENTS (english_stopwords), SYN_LEXICON_STOPWORD);
  add_words (t, german_stopwords, G_N_ELEMENTS (german_stopwords), SYN_LEXICON_STOPWORD);
  add_words (t, honorifics, G_N_ELEMENTS (honorifics), SYN_LEXICON_HONORIFIC);
  add_words (t, honorifics_cap, G_N_ELEMENTS (honorifics_cap), SYN_LEXICON_HONORIFIC_CAP);
  add_pairs (t, months, G_N_ELEMENTS (months), SYN_LEXICON_MONTH);
  add_pairs (t, month_abbrevs, G_N_ELEMENTS (month_abbrevs), SYN_LEXICON_MONTH_ABBREV);
  add_pairs (t, weekdays, G_N_ELEMENTS (weekdays), SYN_LEXICON_WEEKDAY);
  add_pairs (t, number_words, G_N_ELEMENTS (number_words), SYN_LEXICON_NUMBER);
  add_pairs (t, title_abbrevs, G_N_ELEMENTS (title_abbrevs), SYN_LEXICON_TITLE_ABBREV);
  add_pairs (t, spellings, G_N_ELEMENTS (spellings), SYN_LEXICON_SPELLING);
  /* irregulars share words with the stopwords ("was") but their value
   * (the base form) is for the stemmer only: kept apart below */
  return t;
}

static Table *
build_irregular_table (void)
{
  Table *t = g_new0 (Table, 1);

  add_pairs (t, irregulars, G_N_ELEMENTS (irregulars), SYN_LEXICON_IRREGULAR);
  return t;
}

static const SynLexiconEntry *
lookup_in (Table      *table,
           const char *word,
           gsize       len)
{
  const SynLexiconEntry *e;

  if (len == 0 || len > 24)
    return NULL;
  e = find_slot (table, word, len);
  return e->word != NULL ? e : NULL;
}

const SynLexiconEntry *
syn_lexicon_lookup (const char *word,
                    gsize       len)
{
  static Table *table;

  if (g_once_init_enter (&table))
    g_once_init_leave (&table, build_table ());
  return lookup_in (table, word, len);
}

const SynLexiconEntry *
syn_lexicon_lookup_irregular (const char *word,
                              gsize       len)
{
  static Table *table;

  if (g_once_init_enter (&table))
    g_once_init_leave (&table, build_irregular_table ());
  return lookup_in (table, word, len);
}
