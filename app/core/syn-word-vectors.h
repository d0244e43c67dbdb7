/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A read-only table of word vectors (English GloVe, int8), for telling a
 * paraphrase ("troops" / "soldiers") from an added word. The core does no
 * file I/O: whoever owns the file (the model maps it) hands the bytes over,
 * and the table is checked on first use, not when it is handed over.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SYN_WORD_VECTORS_ERROR (syn_word_vectors_error_quark ())

typedef enum {
  SYN_WORD_VECTORS_ERROR_INVALID,  /* not a table, another version, or damaged */
} SynWordVectorsError;

GQuark syn_word_vectors_error_quark (void);

typedef struct _SynWordVectors SynWordVectors;

/* One word's vector: a direction in int8 and the factor that makes it a
 * unit vector. */
typedef struct {
  const gint8 *q;
  float        scale;
} SynWordVector;

/* Wraps @bytes, a table made by data/vectors/make-word-vectors.py (the
 * format is described there and in syn-word-vectors.c). Nothing is read
 * yet. */
SynWordVectors *syn_word_vectors_new        (GBytes               *bytes);
SynWordVectors *syn_word_vectors_ref        (SynWordVectors       *self);
void            syn_word_vectors_unref      (SynWordVectors       *self);

/* Checks the table's structure, once (later calls repeat the verdict).
 * A table that fails finds no word. Thread-safe. */
gboolean        syn_word_vectors_check      (SynWordVectors       *self,
                                             GError              **error);
guint           syn_word_vectors_get_size   (SynWordVectors       *self);
guint           syn_word_vectors_get_dimensions (SynWordVectors   *self);

/* The vector of @word (a normalised word, see syn_tokenize()), or FALSE
 * when the table does not have it or is damaged. */
gboolean        syn_word_vectors_lookup     (SynWordVectors       *self,
                                             const char           *word,
                                             SynWordVector        *vector);
/* The cosine similarity of two vectors of @self, -1 to 1. */
double          syn_word_vectors_cosine     (SynWordVectors       *self,
                                             const SynWordVector  *a,
                                             const SynWordVector  *b);

/* The table the divergences use for English text: @loader is called on
 * the first comparison that needs it (never before), from whatever thread
 * computes it, and may return NULL (no table: the words are then matched
 * by their spelling alone). Set once, before any comparison. */
typedef SynWordVectors *(*SynWordVectorsLoader) (void);

void            syn_word_vectors_set_loader (SynWordVectorsLoader  loader);
/* The loaded table when it passed its check, else NULL. Not a new
 * reference: the table lives as long as the process. */
SynWordVectors *syn_word_vectors_get_default (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SynWordVectors, syn_word_vectors_unref)

G_END_DECLS
