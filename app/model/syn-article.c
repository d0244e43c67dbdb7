/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "syn-model"

#include "config.h"

#include "syn-fetch.h"
#include "syn-model-private.h"

/* File monitors report a save as a burst of events (changed, changed,
 * done; or deleted then created for an atomic replace): wait this long
 * after the last one before telling anyone. */
#define SETTLE_MS 150

struct _SynArticle
{
  GObject       parent_instance;

  GFile        *file;
  char         *name;
  char         *custom_name;     /* the name the user gave, or NULL */
  char         *title;
  SynSource    *source;
  GPtrArray    *passage_array;   /* SynPassage, owned */
  GListStore   *passages;
  guint         n_unique;
  guint         n_shared;
  guint         n_boilerplate;

  GFileMonitor *monitor;
  guint         settle_id;
  guint         file_missing : 1;
  guint         file_changed : 1;
};

G_DEFINE_FINAL_TYPE (SynArticle, syn_article, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FILE,
  PROP_NAME,
  PROP_TITLE,
  PROP_ENCODING,
  PROP_FALLBACK_ENCODING,
  PROP_TEXT,
  PROP_PASSAGES,
  PROP_N_PASSAGES,
  PROP_N_UNIQUE,
  PROP_N_SHARED,
  PROP_N_BOILERPLATE,
  PROP_FILE_MISSING,
  PROP_FILE_CHANGED,
  PROP_CUSTOM_NAME,
  N_PROPS
};

enum {
  CHANGED_ON_DISK,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
detach_passages (SynArticle *self)
{
  for (guint i = 0; i < self->passage_array->len; i++)
    _syn_passage_detach (g_ptr_array_index (self->passage_array, i));
}

static void
syn_article_dispose (GObject *object)
{
  SynArticle *self = (SynArticle *) object;

  _syn_article_unwatch (self);
  if (self->passage_array != NULL)
    {
      detach_passages (self);
      g_ptr_array_set_size (self->passage_array, 0);
    }
  if (self->passages != NULL)
    g_list_store_remove_all (self->passages);

  G_OBJECT_CLASS (syn_article_parent_class)->dispose (object);
}

static void
syn_article_finalize (GObject *object)
{
  SynArticle *self = (SynArticle *) object;

  g_clear_object (&self->file);
  g_clear_object (&self->passages);
  g_clear_pointer (&self->passage_array, g_ptr_array_unref);
  g_clear_pointer (&self->source, syn_source_unref);
  g_free (self->name);
  g_free (self->custom_name);
  g_free (self->title);

  G_OBJECT_CLASS (syn_article_parent_class)->finalize (object);
}

static void
syn_article_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  SynArticle *self = SYN_ARTICLE (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_CUSTOM_NAME:
      g_value_set_string (value, self->custom_name);
      break;
    case PROP_ENCODING:
      g_value_set_string (value, syn_article_get_encoding (self));
      break;
    case PROP_FALLBACK_ENCODING:
      g_value_set_boolean (value, syn_article_get_fallback_encoding (self));
      break;
    case PROP_TEXT:
      g_value_set_string (value, syn_article_get_text (self, NULL));
      break;
    case PROP_PASSAGES:
      g_value_set_object (value, self->passages);
      break;
    case PROP_N_PASSAGES:
      g_value_set_uint (value, self->passage_array->len);
      break;
    case PROP_N_UNIQUE:
      g_value_set_uint (value, self->n_unique);
      break;
    case PROP_N_SHARED:
      g_value_set_uint (value, self->n_shared);
      break;
    case PROP_N_BOILERPLATE:
      g_value_set_uint (value, self->n_boilerplate);
      break;
    case PROP_FILE_MISSING:
      g_value_set_boolean (value, self->file_missing);
      break;
    case PROP_FILE_CHANGED:
      g_value_set_boolean (value, self->file_changed);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
syn_article_class_init (SynArticleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = syn_article_dispose;
  object_class->finalize = syn_article_finalize;
  object_class->get_property = syn_article_get_property;

  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ENCODING] =
    g_param_spec_string ("encoding", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_FALLBACK_ENCODING] =
    g_param_spec_boolean ("fallback-encoding", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PASSAGES] =
    g_param_spec_object ("passages", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_N_PASSAGES] =
    g_param_spec_uint ("n-passages", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_N_UNIQUE] =
    g_param_spec_uint ("n-unique", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_N_SHARED] =
    g_param_spec_uint ("n-shared", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_N_BOILERPLATE] =
    g_param_spec_uint ("n-boilerplate", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_FILE_MISSING] =
    g_param_spec_boolean ("file-missing", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_FILE_CHANGED] =
    g_param_spec_boolean ("file-changed", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_CUSTOM_NAME] =
    g_param_spec_string ("custom-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The file changed or went away; emitted once per burst of events, after
   * file-changed and file-missing are up to date. */
  signals[CHANGED_ON_DISK] =
    g_signal_new ("changed-on-disk",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
syn_article_init (SynArticle *self)
{
  self->passage_array = g_ptr_array_new_with_free_func (g_object_unref);
  self->passages = g_list_store_new (SYN_TYPE_PASSAGE);
}

static void
set_file_state (SynArticle *self,
                gboolean    missing,
                gboolean    changed)
{
  g_object_freeze_notify (G_OBJECT (self));
  if (self->file_missing != !!missing)
    {
      self->file_missing = !!missing;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE_MISSING]);
    }
  if (self->file_changed != !!changed)
    {
      self->file_changed = !!changed;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE_CHANGED]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

static gboolean
settle_cb (gpointer data)
{
  SynArticle *self = data;
  gboolean exists;

  self->settle_id = 0;
  /* Ask the file system rather than trusting the last event: an atomic
   * save is a deletion followed by a creation. */
  exists = g_file_query_exists (self->file, NULL);
  set_file_state (self, !exists, exists || self->file_changed);
  g_signal_emit (self, signals[CHANGED_ON_DISK], 0);
  return G_SOURCE_REMOVE;
}

static void
monitor_changed_cb (GFileMonitor      *monitor,
                    GFile             *file,
                    GFile             *other_file,
                    GFileMonitorEvent  event,
                    SynArticle        *self)
{
  switch (event)
    {
    case G_FILE_MONITOR_EVENT_CHANGED:
    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
    case G_FILE_MONITOR_EVENT_DELETED:
    case G_FILE_MONITOR_EVENT_CREATED:
    case G_FILE_MONITOR_EVENT_MOVED:
    case G_FILE_MONITOR_EVENT_RENAMED:
    case G_FILE_MONITOR_EVENT_MOVED_IN:
    case G_FILE_MONITOR_EVENT_MOVED_OUT:
    case G_FILE_MONITOR_EVENT_UNMOUNTED:
      break;
    case G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED:
    case G_FILE_MONITOR_EVENT_PRE_UNMOUNT:
    default:
      return;
    }
  g_clear_handle_id (&self->settle_id, g_source_remove);
  self->settle_id = g_timeout_add (SETTLE_MS, settle_cb, self);
}

static void
watch (SynArticle *self)
{
  g_autoptr(GError) error = NULL;

  self->monitor = g_file_monitor_file (self->file, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
  if (self->monitor == NULL)
    {
      /* Not every file system can be watched; the text is all we need. */
      g_debug ("Not watching %s: %s", self->name, error->message);
      return;
    }
  g_signal_connect_object (self->monitor, "changed", G_CALLBACK (monitor_changed_cb), self, 0);
}

void
_syn_article_set_file_state (SynArticle *self,
                             gboolean    missing,
                             gboolean    changed)
{
  set_file_state (self, missing, changed);
}

void
_syn_article_unwatch (SynArticle *self)
{
  g_clear_handle_id (&self->settle_id, g_source_remove);
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
}

char *
_syn_dup_display_name (GFile *file)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *uri = g_file_get_uri (file);

  /* A web page is known by its address. */
  if (syn_fetch_is_web_uri (uri))
    return g_steal_pointer (&uri);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME,
                            G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info != NULL)
    return g_strdup (g_file_info_get_display_name (info));
  basename = g_file_get_basename (file);
  return g_filename_display_name (basename ? basename : "");
}

SynArticle *
_syn_article_new (GFile      *file,
                  const char *name,
                  SynSource  *source)
{
  SynArticle *self = g_object_new (SYN_TYPE_ARTICLE, NULL);

  g_assert (file != NULL || name != NULL);
  g_assert (source != NULL);

  self->file = file ? g_object_ref (file) : NULL;
  self->name = name ? g_strdup (name) : _syn_dup_display_name (file);
  self->source = source;
  /* Only files on disk can change under us; a fetched page is what it was. */
  if (self->file != NULL && syn_source_get_origin (source) == SYN_ORIGIN_FILE)
    watch (self);
  return self;
}

void
_syn_article_set_source (SynArticle *self,
                         SynSource  *source)
{
  const char *old_encoding = syn_article_get_encoding (self);
  gboolean old_fallback = syn_article_get_fallback_encoding (self);

  g_assert (source != NULL);

  g_object_freeze_notify (G_OBJECT (self));
  g_clear_handle_id (&self->settle_id, g_source_remove);
  syn_source_unref (g_steal_pointer (&self->source));
  self->source = source;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
  if (g_strcmp0 (old_encoding, syn_article_get_encoding (self)) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENCODING]);
  if (old_fallback != syn_article_get_fallback_encoding (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FALLBACK_ENCODING]);
  set_file_state (self, FALSE, FALSE);
  g_object_thaw_notify (G_OBJECT (self));
}

static void
set_count (SynArticle *self,
           guint      *field,
           guint       value,
           guint       prop_id)
{
  if (*field == value)
    return;
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
set_title (SynArticle *self,
           char       *title)
{
  if (g_strcmp0 (self->title, title) == 0)
    {
      g_free (title);
      return;
    }
  g_free (self->title);
  self->title = title;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

void
_syn_article_set_passages (SynArticle   *self,
                           SynAlignment *alignment,
                           guint         source,
                           SynPassage  **passages,
                           guint         n_passages)
{
  guint old_n = self->passage_array->len;
  guint n_unique = 0, n_shared = 0, n_boilerplate = 0;

  for (guint i = 0; i < n_passages; i++)
    {
      n_unique += syn_passage_is_unique (passages[i]);
      n_shared += syn_passage_get_group (passages[i]) != NULL;
      n_boilerplate += syn_passage_get_kind (passages[i]) == SYN_PASSAGE_BOILERPLATE;
    }

  g_object_freeze_notify (G_OBJECT (self));
  detach_passages (self);
  g_ptr_array_set_size (self->passage_array, 0);
  for (guint i = 0; i < n_passages; i++)
    g_ptr_array_add (self->passage_array, g_object_ref (passages[i]));
  g_list_store_splice (self->passages, 0, old_n, (gpointer *) passages, n_passages);

  if (old_n != n_passages)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PASSAGES]);
  set_count (self, &self->n_unique, n_unique, PROP_N_UNIQUE);
  set_count (self, &self->n_shared, n_shared, PROP_N_SHARED);
  set_count (self, &self->n_boilerplate, n_boilerplate, PROP_N_BOILERPLATE);
  set_title (self, alignment ? syn_alignment_dup_title (alignment, source) : NULL);
  g_object_thaw_notify (G_OBJECT (self));
}

GFile *
syn_article_get_file (SynArticle *self)
{
  g_return_val_if_fail (SYN_IS_ARTICLE (self), NULL);
  return self->file;
}

const char *
syn_article_get_name (SynArticle *self)
{
  g_return_val_if_fail (SYN_IS_ARTICLE (self), NULL);
  return self->name;
}

const char *
syn_article_get_title (SynArticle *self)
{
  g_return_val_if_fail (SYN_IS_ARTICLE (self), NULL);
  return self->title;
}

const char *
syn_article_get_encoding (SynArticle *self)
{
  g_return_val_if_fail (SYN_IS_ARTICLE (self), NULL);
  return self->source ? syn_source_get_encoding (self->source) : NULL;
}

gboolean
syn_article_get_fallback_encoding (SynArticle *self)
{
  g_return_val_if_fail (SYN_IS_ARTICLE (self), FALSE);
  return self->source ? syn_source_is_fallback (self->source) : FALSE;
}

const char *
syn_article_get_text (SynArticle *self,
                      gsize      *len)
{
  g_return_val_if_fail (SYN_IS_ARTICLE (self), NULL);
  return syn_source_get_text (self->source, len);
}

const SynDecoded *
syn_article_get_decoded (SynArticle *self)
{
  g_return_val_if_fail (SYN_IS_ARTICLE (self), NULL);
  return syn_source_get_decoded (self->source);
}

SynSource *
syn_article_get_source (SynArticle *self)
{
  g_return_val_if_fail (SYN_IS_ARTICLE (self), NULL);
  return self->source;
}

SynOrigin
syn_article_get_origin (SynArticle *self)
{
  g_return_val_if_fail (SYN_IS_ARTICLE (self), SYN_ORIGIN_FILE);
  return syn_source_get_origin (self->source);
}

const char *
syn_article_get_site (SynArticle *self)
{
  g_return_val_if_fail (SYN_IS_ARTICLE (self), NULL);
  return syn_source_get_site (self->source);
}

const char *
syn_article_get_published (SynArticle *self)
{
  g_return_val_if_fail (SYN_IS_ARTICLE (self), NULL);
  return syn_source_get_published (self->source);
}

const char *
syn_article_get_url (SynArticle *self)
{
  g_return_val_if_fail (SYN_IS_ARTICLE (self), NULL);
  return syn_source_get_url (self->source);
}

const char *
syn_article_get_label (SynArticle *self)
{
  const char *site;

  g_return_val_if_fail (SYN_IS_ARTICLE (self), NULL);

  if (self->custom_name != NULL)
    return self->custom_name;
  site = syn_source_get_site (self->source);
  return site != NULL ? site : self->name;
}

const char *
syn_article_get_custom_name (SynArticle *self)
{
  g_return_val_if_fail (SYN_IS_ARTICLE (self), NULL);
  return self->custom_name;
}

void
syn_article_set_custom_name (SynArticle *self,
                             const char *name)
{
  g_autofree char *stripped = NULL;

  g_return_if_fail (SYN_IS_ARTICLE (self));

  /* a name of blanks is no name: the column goes back to its own */
  stripped = name != NULL ? g_strstrip (g_strdup (name)) : NULL;
  if (stripped != NULL && stripped[0] == '\0')
    g_clear_pointer (&stripped, g_free);
  if (g_strcmp0 (self->custom_name, stripped) == 0)
    return;
  g_free (self->custom_name);
  self->custom_name = g_steal_pointer (&stripped);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CUSTOM_NAME]);
}

GListModel *
syn_article_get_passages (SynArticle *self)
{
  g_return_val_if_fail (SYN_IS_ARTICLE (self), NULL);
  return G_LIST_MODEL (self->passages);
}

guint
syn_article_get_n_passages (SynArticle *self)
{
  g_return_val_if_fail (SYN_IS_ARTICLE (self), 0);
  return self->passage_array->len;
}

guint
syn_article_get_n_unique (SynArticle *self)
{
  g_return_val_if_fail (SYN_IS_ARTICLE (self), 0);
  return self->n_unique;
}

guint
syn_article_get_n_shared (SynArticle *self)
{
  g_return_val_if_fail (SYN_IS_ARTICLE (self), 0);
  return self->n_shared;
}

guint
syn_article_get_n_boilerplate (SynArticle *self)
{
  g_return_val_if_fail (SYN_IS_ARTICLE (self), 0);
  return self->n_boilerplate;
}

gboolean
syn_article_get_file_missing (SynArticle *self)
{
  g_return_val_if_fail (SYN_IS_ARTICLE (self), FALSE);
  return self->file_missing;
}

gboolean
syn_article_get_file_changed (SynArticle *self)
{
  g_return_val_if_fail (SYN_IS_ARTICLE (self), FALSE);
  return self->file_changed;
}
