/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "syn-model"

#include "config.h"

#include "syn-model-enums.h"

G_DEFINE_ENUM_TYPE (SynSegmentUnit, syn_segment_unit,
  G_DEFINE_ENUM_VALUE (SYN_SEGMENT_SENTENCE, "sentence"),
  G_DEFINE_ENUM_VALUE (SYN_SEGMENT_LINE, "line"),
  G_DEFINE_ENUM_VALUE (SYN_SEGMENT_PARAGRAPH, "paragraph"))

G_DEFINE_ENUM_TYPE (SynPassageKind, syn_passage_kind,
  G_DEFINE_ENUM_VALUE (SYN_PASSAGE_BODY, "body"),
  G_DEFINE_ENUM_VALUE (SYN_PASSAGE_TITLE, "title"),
  G_DEFINE_ENUM_VALUE (SYN_PASSAGE_BOILERPLATE, "boilerplate"))

G_DEFINE_ENUM_TYPE (SynDivergenceKind, syn_divergence_kind,
  G_DEFINE_ENUM_VALUE (SYN_DIVERGENCE_ADDED, "added"),
  G_DEFINE_ENUM_VALUE (SYN_DIVERGENCE_CHANGED, "changed"),
  G_DEFINE_ENUM_VALUE (SYN_DIVERGENCE_NUMBER, "number"),
  G_DEFINE_ENUM_VALUE (SYN_DIVERGENCE_QUOTE, "quote"))
