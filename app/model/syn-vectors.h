/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "syn-core.h"

G_BEGIN_DECLS

/* Makes the installed word-vector table the one comparisons use for
 * English text (see syn_word_vectors_set_loader()): the file is mapped on
 * the first comparison that needs it, not now. Where there is no table,
 * words are matched by their spelling alone. */
void syn_vectors_install (void);

G_END_DECLS
