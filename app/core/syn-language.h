/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The language of @text (its first few thousand words), as an ISO 639-1
 * code: "en", "de", "fr", "es", "it", "nl" or "pt"; NULL when the text is
 * too short to tell or in none of them. A static string. */
const char *syn_language_guess (const char *text,
                                gsize       len);

G_END_DECLS
