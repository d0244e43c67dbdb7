/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "syn-core"

#include "config.h"

#include "syn-types.h"

const char *
syn_segment_unit_to_string (SynSegmentUnit unit)
{
  switch (unit)
    {
    case SYN_SEGMENT_LINE: return "line";
    case SYN_SEGMENT_PARAGRAPH: return "paragraph";
    case SYN_SEGMENT_SENTENCE:
    default: return "sentence";
    }
}

gboolean
syn_segment_unit_from_string (const char     *str,
                              SynSegmentUnit *unit)
{
  static const char * const names[] = { "sentence", "line", "paragraph" };

  g_return_val_if_fail (unit != NULL, FALSE);

  for (guint i = 0; str != NULL && i < G_N_ELEMENTS (names); i++)
    {
      if (g_str_equal (str, names[i]))
        {
          *unit = (SynSegmentUnit) i;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
syn_passage_kind_to_string (SynPassageKind kind)
{
  switch (kind)
    {
    case SYN_PASSAGE_TITLE: return "title";
    case SYN_PASSAGE_BOILERPLATE: return "boilerplate";
    case SYN_PASSAGE_BODY:
    default: return "body";
    }
}

const char *
syn_divergence_kind_to_string (SynDivergenceKind kind)
{
  switch (kind)
    {
    case SYN_DIVERGENCE_CHANGED: return "changed";
    case SYN_DIVERGENCE_NUMBER: return "number";
    case SYN_DIVERGENCE_QUOTE: return "quote";
    case SYN_DIVERGENCE_ADDED:
    default: return "added";
    }
}
