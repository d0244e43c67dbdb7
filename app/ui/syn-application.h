/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SYN_TYPE_APPLICATION (syn_application_get_type ())

G_DECLARE_FINAL_TYPE (SynApplication, syn_application, SYN, APPLICATION, AdwApplication)

typedef struct _SynWindow SynWindow;

SynApplication *syn_application_new          (void);
/* The application's settings; NULL before startup. */
GSettings      *syn_application_get_settings (SynApplication  *self);
/* Opens @files as a comparison: in the only window when it shows nothing
 * of the user's (the untouched sample, or nothing), else in a new window.
 * Returns that window. */
SynWindow      *syn_application_open_files   (SynApplication  *self,
                                              GFile          **files,
                                              guint            n_files);

G_END_DECLS
