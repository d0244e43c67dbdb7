/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Private to the aligner: passages as weighted feature vectors, and the
 * similarities the aligner scores candidate correspondences with.
 */
#pragma once

#include "syn-align.h"
#include "syn-token-cache-private.h"

G_BEGIN_DECLS

/* A passage's vector: its features sorted by id, each with its weight. */
typedef struct {
  guint32 id;
  float   weight;
} SynFeature;

typedef struct {
  guint        n_nodes;      /* passages that take part, in the caller's order */
  /* word channel: stems of the passage's words */
  guint       *word_first;   /* n_nodes + 1 offsets into words */
  SynFeature  *words;
  float       *word_norm;    /* Euclidean norm of each node's word vector */
  /* gram channel: character n-grams of the normalised words */
  guint       *gram_first;
  SynFeature  *grams;
  float       *gram_norm;
  /* the word features of each node, rarest first, for candidate generation */
  guint32     *rare;         /* indexed like words */
  guint        n_word_ids;
  guint        n_gram_ids;
  guint       *word_df;      /* in how many nodes each word feature occurs */
  double       gram_mix;     /* share of the gram channel in the similarity */
} SynVectors;

/* Builds the vectors of segments @nodes[0..@n_nodes) (indices into
 * @segments). Weights are tf-idf with document frequencies counted over
 * these nodes: a word is worth more the fewer passages carry it. */
SynVectors *syn_vectors_new        (const SynSourceText *sources,
                                    const GArray        *segments,
                                    const guint         *nodes,
                                    guint                n_nodes,
                                    SynTokenCache       *tokens);
void        syn_vectors_free       (SynVectors          *self);

/* Cosine similarity of two nodes, mixing both channels; 0..1. */
double      syn_vectors_similarity (const SynVectors    *self,
                                    guint                a,
                                    guint                b);

/* The same, also giving the dot products per channel. */
double      syn_vectors_similarity_dots (const SynVectors *self,
                                         guint             a,
                                         guint             b,
                                         double            dot[2]);

/* The same for the sums of two sets of nodes (a passage against two
 * passages that split it, for example). */
double      syn_vectors_set_similarity (const SynVectors *self,
                                        const guint      *a,
                                        guint             n_a,
                                        const guint      *b,
                                        guint             n_b);

/* How much of node @b's weight the set @a covers (0..1): high when @b's
 * words are all found in @a, whatever else @a says. */
double      syn_vectors_coverage   (const SynVectors    *self,
                                    const guint         *a,
                                    guint                n_a,
                                    guint                b);

/* The dot products of two nodes' vectors, one per channel (word, gram),
 * and a node's squared norms: enough to get the cosine of sums of nodes
 * without building the sums (see syn_vectors_mix_cosine()). */
void        syn_vectors_dots       (const SynVectors    *self,
                                    guint                a,
                                    guint                b,
                                    double               dot[2]);
void        syn_vectors_norms2     (const SynVectors    *self,
                                    guint                a,
                                    double               norm2[2]);
/* How much of node @x's weight node @a covers, from the same parts. */
double      syn_vectors_cover      (const SynVectors    *self,
                                    guint                a,
                                    guint                x);
double      syn_vectors_mix_cosine (const SynVectors    *self,
                                    const double         dot[2],
                                    const double         norm2_a[2],
                                    const double         norm2_b[2]);

/* Comparing one node with many: its vector spread out over every feature,
 * so that each comparison walks the other vector only. */
typedef struct {
  float *word;
  float *gram;
} SynScatter;

SynScatter *syn_scatter_new     (const SynVectors *vectors);
void        syn_scatter_free    (SynScatter       *self);
void        syn_scatter_set     (SynScatter       *self,
                                 const SynVectors *vectors,
                                 guint             a);
void        syn_scatter_clear   (SynScatter       *self,
                                 const SynVectors *vectors,
                                 guint             a);
/* The similarity of the scattered node @a with @b, with the dot products
 * per channel and how much of a (cover[0]) and of b (cover[1]) the other
 * covers. */
double      syn_scatter_compare (const SynScatter *self,
                                 const SynVectors *vectors,
                                 guint             a,
                                 guint             b,
                                 double            dot[2],
                                 double            cover[2]);

/* Which features of node @x the scattered node (or nodes: several may be
 * scattered at once) holds: bit i for the i-th of x's first 64 features
 * (by id); the squared weight of those it holds beyond them is added to
 * @rest. Word channel only. */
guint64     syn_scatter_mask    (const SynScatter *self,
                                 const SynVectors *vectors,
                                 guint             x,
                                 double           *rest);
/* The squared weight of the features of @x that @mask marks. */
double      syn_vectors_mask_weight (const SynVectors *self,
                                     guint             x,
                                     guint64           mask);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SynVectors, syn_vectors_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SynScatter, syn_scatter_free)

G_END_DECLS
