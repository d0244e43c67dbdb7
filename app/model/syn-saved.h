/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "syn-source.h"
#include "syn-edits.h"

G_BEGIN_DECLS

#define SYN_SAVED_ERROR (syn_saved_error_quark ())

typedef enum {
  SYN_SAVED_ERROR_FOREIGN,   /* not a saved comparison: another kind of file */
  SYN_SAVED_ERROR_DAMAGED,   /* a saved comparison that cannot be read */
  SYN_SAVED_ERROR_NEWER,     /* saved by a later version of the format */
} SynSavedError;

/* The format's name, written first in every file (and matched by the MIME
 * type's magic), and the version this build writes and reads. */
#define SYN_SAVED_FORMAT  "synopsis-saved-comparison"
/* Version 2 added the manual edits and notes; a comparison without any is
 * still written as version 1, which every version reads. */
#define SYN_SAVED_VERSION 2

/* One source of a saved comparison: what was compared and where it came
 * from, enough to make the same SynSource again without the file. */
typedef struct {
  SynSource *source;
  char      *name;   /* the column's name */
  char      *path;   /* what exports call it: the path or address */
  char      *uri;    /* where it was read from, to read it again; NULL for
                      * a text given in memory */
  char      *label;  /* the name the user gave the column, or NULL */
} SynSavedSource;

/* A saved comparison (see README.md, "Saved comparisons"): its sources in
 * column order, the segment unit, and (from version 2) the manual edits,
 * as constraints for the aligner, and the notes on groups. */
typedef struct _SynSaved SynSaved;

GQuark                syn_saved_error_quark   (void);

SynSaved             *syn_saved_new           (SynSegmentUnit   unit);
void                  syn_saved_free          (SynSaved        *self);
/* @uri may be NULL. */
void                  syn_saved_add_source    (SynSaved        *self,
                                               SynSource       *source,
                                               const char      *name,
                                               const char      *path,
                                               const char      *uri);
/* The name the user gave the last source added (NULL: none). */
void                  syn_saved_set_last_label (SynSaved       *self,
                                                const char     *label);
SynSegmentUnit        syn_saved_get_unit      (SynSaved        *self);
guint                 syn_saved_get_n_sources (SynSaved        *self);
const SynSavedSource *syn_saved_get_source    (SynSaved        *self,
                                               guint            index);
/* The corrections made by hand, in the order they were made. */
void                  syn_saved_add_constraint (SynSaved            *self,
                                                const SynConstraint *constraint);
const SynConstraint  *syn_saved_get_constraints (SynSaved           *self,
                                                 guint              *n_constraints);
void                  syn_saved_add_note      (SynSaved            *self,
                                               const SynPassageRef *ref,
                                               const char          *text);
const SynNote        *syn_saved_get_notes     (SynSaved            *self,
                                               guint               *n_notes);

/* The file's contents, UTF-8 JSON. */
GBytes               *syn_saved_write         (SynSaved        *self);
/* Reads what syn_saved_write() wrote. Errors are SYN_SAVED_ERROR with
 * phrases that do not name the file ("is not a saved comparison"): the
 * caller names it. */
SynSaved             *syn_saved_read          (const char      *data,
                                               gsize            len,
                                               GError         **error);
/* TRUE when @data begins as a saved comparison does (its format string in
 * the first bytes), whatever the file's name. */
gboolean              syn_saved_sniff         (const guint8    *data,
                                               gsize            len);

/* Whether @file (a regular local file) begins as a saved comparison; reads
 * its first bytes only. Blocking. */
gboolean              syn_saved_sniff_file    (GFile           *file,
                                               GCancellable    *cancellable);
/* Whether @file is meant to be a saved comparison: it begins as one, or
 * its name ends in ".synopsis" (a regular local file), so that a file of
 * another kind named so is refused by syn_saved_load_file() rather than
 * compared as text. Blocking. */
gboolean              syn_saved_file_claims   (GFile           *file,
                                               GCancellable    *cancellable);
/* Reads and parses @file; messages name it as @name. Blocking. */
SynSaved             *syn_saved_load_file     (GFile           *file,
                                               const char      *name,
                                               GCancellable    *cancellable,
                                               GError         **error);
/* Whether the file at @uri still holds what @source was read from: FALSE
 * with @missing set when it is gone, FALSE when its SHA-256 differs.
 * Sources that were not read from a local file always match. Blocking. */
gboolean              syn_saved_source_matches (const SynSavedSource *source,
                                                gboolean             *missing,
                                                GCancellable         *cancellable);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SynSaved, syn_saved_free)

G_END_DECLS
