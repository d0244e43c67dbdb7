/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTypes for the core's plain enums (app/core/syn-types.h), so the model can
 * use them in properties and GSettings can bind them. The nicks are the
 * core's own strings ("sentence", "body", "number", …).
 */
#pragma once

#include <glib-object.h>

#include "syn-types.h"

G_BEGIN_DECLS

#define SYN_TYPE_SEGMENT_UNIT    (syn_segment_unit_get_type ())
#define SYN_TYPE_PASSAGE_KIND    (syn_passage_kind_get_type ())
#define SYN_TYPE_DIVERGENCE_KIND (syn_divergence_kind_get_type ())

GType syn_segment_unit_get_type    (void) G_GNUC_CONST;
GType syn_passage_kind_get_type    (void) G_GNUC_CONST;
GType syn_divergence_kind_get_type (void) G_GNUC_CONST;

G_END_DECLS
