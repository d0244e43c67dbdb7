/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The dark and high-contrast style sheets, which AdwApplication no longer
 * loads for us (see syn-style.c).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Applies styles/dark.css and styles/high-contrast.css to the default
 * display whenever the style manager is dark or in high contrast. Call
 * once GTK is initialised, after AdwApplication has loaded style.css. */
void syn_style_init (void);

G_END_DECLS
