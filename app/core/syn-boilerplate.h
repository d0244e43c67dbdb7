/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "syn-types.h"

G_BEGIN_DECLS

/* Sets the kind of each passage of one source: the headline becomes TITLE,
 * site furniture (share and comment prompts, "Related" lists and their
 * teasers, relative timestamps, "Source link", ...) BOILERPLATE; the rest
 * stays BODY. @segments holds that source's passages in text order. */
void syn_classify_passages (const char *text,
                            gsize       len,
                            GArray     *segments);

G_END_DECLS
