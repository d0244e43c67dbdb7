/* SPDX-License-Identifier: GPL-3.0-or-later
 * SCAFFOLD: one passage per non-blank line, until the real segmenter lands. */
#define G_LOG_DOMAIN "syn-core"

#include "config.h"

#include "syn-segment.h"

GArray *
syn_segment_text (const char     *text,
                  gsize           len,
                  SynSegmentUnit  unit)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (SynSegment));
  gsize i = 0;

  while (i < len)
    {
      gsize s = i, e;

      while (i < len && text[i] != '\n' && text[i] != '\r')
        i++;
      e = i;
      while (s < e && g_ascii_isspace (text[s]))
        s++;
      while (e > s && g_ascii_isspace (text[e - 1]))
        e--;
      if (e > s)
        {
          SynSegment seg = { 0, s, e, SYN_PASSAGE_BODY, -1 };
          g_array_append_val (out, seg);
        }
      while (i < len && (text[i] == '\n' || text[i] == '\r'))
        i++;
    }
  return out;
}
