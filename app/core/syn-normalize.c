/* SPDX-License-Identifier: GPL-3.0-or-later
 * SCAFFOLD: case folding only, until the real normaliser lands. */
#define G_LOG_DOMAIN "syn-core"

#include "config.h"

#include "syn-normalize.h"

static void
token_clear (gpointer data)
{
  SynToken *t = data;
  g_free (t->norm);
}

char *
syn_normalize_word (const char *word,
                    gssize      len)
{
  return g_utf8_casefold (word, len);
}

char *
syn_stem (const char *norm)
{
  return g_strdup (norm);
}

GArray *
syn_tokenize (const char *text,
              gsize       start,
              gsize       end)
{
  GArray *out = g_array_new (FALSE, TRUE, sizeof (SynToken));
  gsize i = start;

  g_array_set_clear_func (out, token_clear);
  while (i < end)
    {
      gsize s;

      while (i < end && !g_ascii_isalnum (text[i]) && !((guchar) text[i] & 0x80))
        i++;
      s = i;
      while (i < end && (g_ascii_isalnum (text[i]) || ((guchar) text[i] & 0x80)))
        i++;
      if (i > s)
        {
          SynToken t = { s, i, syn_normalize_word (text + s, (gssize) (i - s)), 0, -1 };
          g_array_append_val (out, t);
        }
    }
  return out;
}
