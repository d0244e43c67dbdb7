/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "syn-model"

#include "config.h"

#include "syn-diverge.h"
#include "syn-model-private.h"

struct _SynGroup
{
  GObject       parent_instance;

  SynPassage  **members;       /* owned, by (article, start) as the core sorts them */
  guint         n_members;
  guint         index;
  guint         support;
  guint         n_divergences;
  SynGroupCategory category;
  double        score;
  GListStore   *passages;      /* made on first request */
};

G_DEFINE_FINAL_TYPE (SynGroup, syn_group, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PASSAGES,
  PROP_N_PASSAGES,
  PROP_INDEX,
  PROP_SCORE,
  PROP_SUPPORT,
  PROP_N_DIVERGENCES,
  PROP_DIVERGENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
syn_group_dispose (GObject *object)
{
  SynGroup *self = (SynGroup *) object;

  for (guint i = 0; i < self->n_members; i++)
    {
      _syn_passage_set_group (self->members[i], NULL);
      g_object_unref (self->members[i]);
    }
  g_clear_pointer (&self->members, g_free);
  self->n_members = 0;
  g_clear_object (&self->passages);

  G_OBJECT_CLASS (syn_group_parent_class)->dispose (object);
}

static void
syn_group_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  SynGroup *self = SYN_GROUP (object);

  switch (prop_id)
    {
    case PROP_PASSAGES:
      g_value_set_object (value, syn_group_get_passages (self));
      break;
    case PROP_N_PASSAGES:
      g_value_set_uint (value, self->n_members);
      break;
    case PROP_INDEX:
      g_value_set_uint (value, self->index);
      break;
    case PROP_SCORE:
      g_value_set_double (value, self->score);
      break;
    case PROP_SUPPORT:
      g_value_set_uint (value, self->support);
      break;
    case PROP_N_DIVERGENCES:
      g_value_set_uint (value, self->n_divergences);
      break;
    case PROP_DIVERGENT:
      g_value_set_boolean (value, self->n_divergences > 0);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
syn_group_class_init (SynGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = syn_group_dispose;
  object_class->get_property = syn_group_get_property;

  properties[PROP_PASSAGES] =
    g_param_spec_object ("passages", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_N_PASSAGES] =
    g_param_spec_uint ("n-passages", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_INDEX] =
    g_param_spec_uint ("index", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SCORE] =
    g_param_spec_double ("score", NULL, NULL, 0.0, 1.0, 0.0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SUPPORT] =
    g_param_spec_uint ("support", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_N_DIVERGENCES] =
    g_param_spec_uint ("n-divergences", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_DIVERGENT] =
    g_param_spec_boolean ("divergent", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
syn_group_init (SynGroup *self)
{
}

/* When is added content "extra", something a reader would want pointed
 * out, rather than the residue of a rewording? The core marks as ADDED
 * every word no other version has, and a free rewording leaves many such
 * words scattered through a sentence ("will speak by telephone at the
 * request of"), while what a reader cares about is a piece of
 * information only one source gives: a clause or a phrase that stands
 * on its own ("with room for four hundred pupils from the northern
 * villages", "in an interview broadcast on state television").
 *
 * So the measure is the longest single run of added words (see
 * syn_diverge_added_run_words()), counted in content words: function
 * words carry no information of their own and numbers do. A run needs
 * EXTRA_MIN_CONTENT_WORDS of them. Five is about a clause: a news
 * sentence runs to some twenty words, half of them content words, and
 * the smallest part of it that says something new (a subject or object
 * with a verb and a qualifier: "Putin has maintained troops there",
 * "bilateral tensions rise over a build-up") holds about half of those.
 * An adjective, a date, a title or an attribution ("the official said")
 * stays below it; a phrase of four content words ("Moscow's demand for
 * security guarantees") is borderline and is left to the word marks,
 * which show it in any case. The length of the passage does not enter:
 * a clause added to a long sentence is as much news as one added to a
 * short sentence. */
#define EXTRA_MIN_CONTENT_WORDS 5

static gboolean
adds_content (SynPassage *passage)
{
  const SynDivergence *divergences;
  const char *text;
  gsize len, start = syn_passage_get_start (passage);
  guint n;

  divergences = syn_passage_get_divergences (passage, &n);
  text = syn_passage_peek_text (passage, &len);
  /* the divergences' offsets are in the article's text */
  return syn_diverge_added_run_words (text - start, start, start + len, divergences, n) >=
         EXTRA_MIN_CONTENT_WORDS;
}

static SynGroupCategory
classify (SynGroup *self)
{
  SynGroupCategory category = SYN_GROUP_SAME;

  for (guint i = 0; i < self->n_members; i++)
    {
      const SynDivergence *divergences;
      guint n;

      divergences = syn_passage_get_divergences (self->members[i], &n);
      for (guint d = 0; d < n; d++)
        if (divergences[d].kind == SYN_DIVERGENCE_NUMBER || divergences[d].kind == SYN_DIVERGENCE_QUOTE)
          return SYN_GROUP_CONFLICT;
      if (n > 0 && category == SYN_GROUP_SAME)
        category = SYN_GROUP_REWORDED;
      if (n > 0 && adds_content (self->members[i]))
        category = SYN_GROUP_EXTRA;
    }
  return category;
}

SynGroup *
_syn_group_new (SynAlignment *alignment,
                guint         cluster,
                SynPassage  **by_segment)
{
  const SynCluster *clusters = syn_alignment_get_clusters (alignment, NULL);
  const SynCluster *c = &clusters[cluster];
  SynGroup *self = g_object_new (SYN_TYPE_GROUP, NULL);

  self->index = cluster;
  self->support = c->support;
  self->score = CLAMP (c->score, 0.0, 1.0);
  self->n_members = c->n_segments;
  self->members = g_new (SynPassage *, MAX (c->n_segments, 1));
  for (guint i = 0; i < c->n_segments; i++)
    {
      guint n_divergences = 0;

      self->members[i] = g_object_ref (by_segment[c->segments[i]]);
      _syn_passage_set_group (self->members[i], self);
      syn_alignment_get_segment_divergences (alignment, c->segments[i], &n_divergences);
      self->n_divergences += n_divergences;
    }
  self->category = classify (self);
  return self;
}

SynPassage *
_syn_group_find_segment (SynGroup *self,
                         guint     segment)
{
  for (guint i = 0; i < self->n_members; i++)
    if (_syn_passage_get_segment (self->members[i]) == segment)
      return self->members[i];
  return NULL;
}

GListModel *
syn_group_get_passages (SynGroup *self)
{
  g_return_val_if_fail (SYN_IS_GROUP (self), NULL);

  if (self->passages == NULL)
    {
      self->passages = g_list_store_new (SYN_TYPE_PASSAGE);
      g_list_store_splice (self->passages, 0, 0, (gpointer *) self->members, self->n_members);
    }
  return G_LIST_MODEL (self->passages);
}

guint
syn_group_get_n_passages (SynGroup *self)
{
  g_return_val_if_fail (SYN_IS_GROUP (self), 0);
  return self->n_members;
}

guint
syn_group_get_index (SynGroup *self)
{
  g_return_val_if_fail (SYN_IS_GROUP (self), 0);
  return self->index;
}

double
syn_group_get_score (SynGroup *self)
{
  g_return_val_if_fail (SYN_IS_GROUP (self), 0.0);
  return self->score;
}

guint
syn_group_get_support (SynGroup *self)
{
  g_return_val_if_fail (SYN_IS_GROUP (self), 0);
  return self->support;
}

SynPassage *
syn_group_get_passage_for_article (SynGroup   *self,
                                   SynArticle *article,
                                   guint      *n_passages)
{
  SynPassage *first = NULL;
  guint n = 0;

  g_return_val_if_fail (SYN_IS_GROUP (self), NULL);
  g_return_val_if_fail (SYN_IS_ARTICLE (article), NULL);

  for (guint i = 0; i < self->n_members; i++)
    {
      if (syn_passage_get_article (self->members[i]) != article)
        continue;
      if (first == NULL)
        first = self->members[i];
      n++;
    }
  if (n_passages != NULL)
    *n_passages = n;
  return first;
}

guint
syn_group_get_n_divergences (SynGroup *self)
{
  g_return_val_if_fail (SYN_IS_GROUP (self), 0);
  return self->n_divergences;
}

gboolean
syn_group_is_divergent (SynGroup *self)
{
  g_return_val_if_fail (SYN_IS_GROUP (self), FALSE);
  return self->n_divergences > 0;
}

SynGroupCategory
syn_group_get_category (SynGroup *self)
{
  g_return_val_if_fail (SYN_IS_GROUP (self), SYN_GROUP_SAME);
  return self->category;
}
