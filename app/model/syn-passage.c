/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "syn-model"

#include "config.h"

#include <glib/gi18n.h>

#include "syn-model-enums.h"
#include "syn-model-private.h"

/* A passage is a view onto one segment of an alignment: it keeps the
 * alignment alive and reads offsets, kind and divergences from it, so
 * thousands of passages cost a few words each. */
struct _SynPassage
{
  GObject       parent_instance;

  SynAlignment *alignment;
  SynArticle   *article;   /* not owned: the article owns us; NULL once detached */
  SynGroup     *group;     /* not owned: the group owns us and clears this */
  guint         segment;
  guint         index;
  gboolean      by_hand;   /* a link made by hand holds it in its group */
};

G_DEFINE_FINAL_TYPE (SynPassage, syn_passage, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ARTICLE,
  PROP_INDEX,
  PROP_START,
  PROP_END,
  PROP_KIND,
  PROP_TEXT,
  PROP_GROUP,
  PROP_UNIQUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The longest quotation of a text shown in an explanation, in characters. */
#define SNIPPET_MAX_CHARS 60

static const SynSegment *
get_segment (SynPassage *self)
{
  const SynSegment *segments = syn_alignment_get_segments (self->alignment, NULL);
  return &segments[self->segment];
}

static void
syn_passage_finalize (GObject *object)
{
  SynPassage *self = (SynPassage *) object;

  g_clear_pointer (&self->alignment, syn_alignment_unref);

  G_OBJECT_CLASS (syn_passage_parent_class)->finalize (object);
}

static void
syn_passage_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  SynPassage *self = SYN_PASSAGE (object);

  switch (prop_id)
    {
    case PROP_ARTICLE:
      g_value_set_object (value, self->article);
      break;
    case PROP_INDEX:
      g_value_set_uint (value, self->index);
      break;
    case PROP_START:
      g_value_set_uint64 (value, syn_passage_get_start (self));
      break;
    case PROP_END:
      g_value_set_uint64 (value, syn_passage_get_end (self));
      break;
    case PROP_KIND:
      g_value_set_enum (value, syn_passage_get_kind (self));
      break;
    case PROP_TEXT:
      g_value_take_string (value, syn_passage_dup_text (self));
      break;
    case PROP_GROUP:
      g_value_set_object (value, self->group);
      break;
    case PROP_UNIQUE:
      g_value_set_boolean (value, syn_passage_is_unique (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
syn_passage_class_init (SynPassageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = syn_passage_finalize;
  object_class->get_property = syn_passage_get_property;

  properties[PROP_ARTICLE] =
    g_param_spec_object ("article", NULL, NULL, SYN_TYPE_ARTICLE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_INDEX] =
    g_param_spec_uint ("index", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_START] =
    g_param_spec_uint64 ("start", NULL, NULL, 0, G_MAXUINT64, 0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_END] =
    g_param_spec_uint64 ("end", NULL, NULL, 0, G_MAXUINT64, 0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, SYN_TYPE_PASSAGE_KIND, SYN_PASSAGE_BODY,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_GROUP] =
    g_param_spec_object ("group", NULL, NULL, SYN_TYPE_GROUP,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_UNIQUE] =
    g_param_spec_boolean ("unique", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
syn_passage_init (SynPassage *self)
{
}

SynPassage *
_syn_passage_new (SynAlignment *alignment,
                  guint         segment,
                  SynArticle   *article,
                  guint         index)
{
  SynPassage *self = g_object_new (SYN_TYPE_PASSAGE, NULL);

  self->alignment = syn_alignment_ref (alignment);
  self->segment = segment;
  self->article = article;
  self->index = index;
  return self;
}

guint
_syn_passage_get_segment (SynPassage *self)
{
  return self->segment;
}

void
_syn_passage_set_group (SynPassage *self,
                        SynGroup   *group)
{
  if (self->group == group)
    return;
  self->group = group;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GROUP]);
}

void
_syn_passage_set_linked_by_hand (SynPassage *self,
                                 gboolean    by_hand)
{
  self->by_hand = by_hand;
}

gboolean
syn_passage_is_linked_by_hand (SynPassage *self)
{
  g_return_val_if_fail (SYN_IS_PASSAGE (self), FALSE);
  return self->by_hand;
}

void
_syn_passage_detach (SynPassage *self)
{
  if (self->article == NULL)
    return;
  self->article = NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARTICLE]);
}

SynArticle *
syn_passage_get_article (SynPassage *self)
{
  g_return_val_if_fail (SYN_IS_PASSAGE (self), NULL);
  return self->article;
}

guint
syn_passage_get_index (SynPassage *self)
{
  g_return_val_if_fail (SYN_IS_PASSAGE (self), 0);
  return self->index;
}

gsize
syn_passage_get_start (SynPassage *self)
{
  g_return_val_if_fail (SYN_IS_PASSAGE (self), 0);
  return get_segment (self)->start;
}

gsize
syn_passage_get_end (SynPassage *self)
{
  g_return_val_if_fail (SYN_IS_PASSAGE (self), 0);
  return get_segment (self)->end;
}

SynPassageKind
syn_passage_get_kind (SynPassage *self)
{
  g_return_val_if_fail (SYN_IS_PASSAGE (self), SYN_PASSAGE_BODY);
  return get_segment (self)->kind;
}

const char *
syn_passage_peek_text (SynPassage *self,
                       gsize      *len)
{
  const SynSegment *segment;
  const char *text;

  g_return_val_if_fail (SYN_IS_PASSAGE (self), NULL);

  segment = get_segment (self);
  text = syn_alignment_get_text (self->alignment, segment->source, NULL);
  if (len != NULL)
    *len = segment->end - segment->start;
  return text + segment->start;
}

char *
syn_passage_dup_text (SynPassage *self)
{
  const char *text;
  gsize len;

  g_return_val_if_fail (SYN_IS_PASSAGE (self), NULL);

  text = syn_passage_peek_text (self, &len);
  return g_strndup (text, len);
}

SynGroup *
syn_passage_get_group (SynPassage *self)
{
  g_return_val_if_fail (SYN_IS_PASSAGE (self), NULL);
  return self->group;
}

gboolean
syn_passage_is_unique (SynPassage *self)
{
  g_return_val_if_fail (SYN_IS_PASSAGE (self), FALSE);
  return self->group == NULL && get_segment (self)->kind == SYN_PASSAGE_BODY;
}

const SynDivergence *
syn_passage_get_divergences (SynPassage *self,
                             guint      *n_divergences)
{
  g_return_val_if_fail (SYN_IS_PASSAGE (self), NULL);
  return syn_alignment_get_segment_divergences (self->alignment, self->segment, n_divergences);
}

SynPassage *
syn_passage_get_counterpart (SynPassage          *self,
                             const SynDivergence *divergence)
{
  g_return_val_if_fail (SYN_IS_PASSAGE (self), NULL);
  g_return_val_if_fail (divergence != NULL, NULL);

  if (divergence->counterpart < 0 || self->group == NULL)
    return NULL;
  return _syn_group_find_segment (self->group, (guint) divergence->counterpart);
}

/* Words quoted in an explanation: on one line, and not too long. */
static char *
dup_snippet (const char *text,
             gsize       start,
             gsize       end)
{
  g_autofree char *raw = g_utf8_make_valid (text + start, end - start);
  g_autofree char *flat = g_strdup (g_strstrip (g_strdelimit (raw, "\r\n\t", ' ')));

  if (g_utf8_strlen (flat, -1) <= SNIPPET_MAX_CHARS)
    return g_steal_pointer (&flat);
  else
    {
      g_autofree char *cut = g_utf8_substring (flat, 0, SNIPPET_MAX_CHARS - 1);
      return g_strconcat (cut, "…", NULL);
    }
}

static char *
dup_other_snippet (SynPassage          *self,
                   const SynDivergence *d)
{
  const SynSegment *segments;
  guint n_segments;

  if (d->counterpart < 0 || d->other_end <= d->other_start)
    return NULL;
  segments = syn_alignment_get_segments (self->alignment, &n_segments);
  g_assert ((guint) d->counterpart < n_segments);
  return dup_snippet (syn_alignment_get_text (self->alignment, segments[d->counterpart].source, NULL),
                      d->other_start, d->other_end);
}

char *
_syn_explain_divergence (SynDivergenceKind  kind,
                         const char        *here,
                         const char        *other,
                         const char        *other_name,
                         guint              agreeing,
                         guint              others)
{
  switch (kind)
    {
    case SYN_DIVERGENCE_ADDED:
      if (others == 0)
        return g_strdup (_("Found in no other source"));
      /* Translators: words that only this version of a passage has */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Missing from %u other source",
                                           "Missing from %u other sources", others),
                              others);

    case SYN_DIVERGENCE_CHANGED:
      if (other == NULL && other_name == NULL)
        return g_strdup (_("Worded differently in another source"));
      if (other == NULL)
        /* Translators: %s is the name of another source (a file name) */
        return g_strdup_printf (_("Worded differently in %s"), other_name);
      if (other_name == NULL)
        /* Translators: the words of one version of a passage, then another's */
        return g_strdup_printf (_("“%s” here; “%s” in another source"), here, other);
      /* Translators: the words of one version, another's, and the other's source (a file name) */
      return g_strdup_printf (_("“%s” here; “%s” in %s"), here, other, other_name);

    case SYN_DIVERGENCE_NUMBER:
      agreeing = MAX (agreeing, 1);
      if (other == NULL)
        return g_strdup (_("A different number in another source"));
      /* Translators: a number or date here, and the value other sources give:
       * "Jan. 12 here; Jan. 10 in 3 other sources" */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%s here; %s in %u other source",
                                           "%s here; %s in %u other sources", agreeing),
                              here, other, agreeing);

    case SYN_DIVERGENCE_QUOTE:
      agreeing = MAX (agreeing, 1);
      if (other == NULL)
        return g_strdup (_("Quoted differently in another source"));
      /* Translators: the words of a quotation here, and as other sources quote it */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Quoted as “%s” here; “%s” in %u other source",
                                           "Quoted as “%s” here; “%s” in %u other sources", agreeing),
                              here, other, agreeing);

    default:
      g_return_val_if_reached (NULL);
    }
}

char *
syn_passage_dup_explanation (SynPassage          *self,
                             const SynDivergence *divergence)
{
  const char *text;
  g_autofree char *here = NULL;
  g_autofree char *other = NULL;
  SynPassage *counterpart;
  const char *other_name = NULL;
  guint others = 0;

  g_return_val_if_fail (SYN_IS_PASSAGE (self), NULL);
  g_return_val_if_fail (divergence != NULL, NULL);

  text = syn_alignment_get_text (self->alignment, get_segment (self)->source, NULL);
  here = dup_snippet (text, divergence->start, divergence->end);
  other = dup_other_snippet (self, divergence);
  counterpart = syn_passage_get_counterpart (self, divergence);
  if (counterpart != NULL && counterpart->article != NULL)
    other_name = syn_article_get_name (counterpart->article);
  if (self->group != NULL)
    others = syn_group_get_support (self->group) - 1;

  return _syn_explain_divergence (divergence->kind, here, other, other_name,
                                  divergence->agreeing, others);
}
