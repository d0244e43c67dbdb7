/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

GSettings *syn_settings_new             (void);
GSettings *syn_settings_new_from_source (GSettingsSchemaSource *source);

G_END_DECLS
