/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How a comparison changes. The core computes a SynAlignment from the texts
 * in one go, and aligning 20 sources takes long enough that the interface
 * must not wait for it; so every change (load, add, remove, reload, a new
 * segment unit) is an operation that reads files and aligns in a worker
 * thread, then installs the result on the main thread at once.
 *
 * Operations run one at a time, in the order they were asked for, each
 * starting from what the previous one left: a source added while a
 * re-alignment runs is not lost. What an operation reads from the model
 * (which articles, their texts) it copies when it starts, so the worker
 * never touches a GObject; and the comparison's "epoch" tells a finished
 * worker whether the comparison was replaced under it (load_texts, a new
 * load), in which case its result is dropped.
 *
 * Installing makes new SynPassage and SynGroup objects for the alignment
 * (linear in the passages), keeps the SynArticle objects of sources that
 * stay, and emits items-changed on each list: once per article for its
 * passages, once for the groups, and only over the range that changed for
 * the articles.
 */
#define G_LOG_DOMAIN "syn-model"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "syn-comparison.h"
#include "syn-export-html.h"
#include "syn-export-json.h"
#include "syn-loader.h"
#include "syn-model-enums.h"
#include "syn-model-private.h"
#include "syn-saved.h"

/* Of an operation's progress, the part that reading files stands for. */
#define READ_SHARE 0.1
/* Report progress in steps no finer than this. */
#define PROGRESS_STEP 0.01

typedef enum {
  OP_LOAD,
  OP_ADD,
  OP_REMOVE,
  OP_RELOAD,
  OP_REALIGN,
  OP_MOVE,
} OpKind;

/* One source of the alignment an operation computes. */
typedef struct {
  SynArticle *article;   /* the article it already is, or NULL: a new source */
  GFile      *file;      /* to read (new, or reloaded), or NULL */
  char       *name;      /* a new source's name (for a file, found by the worker) */
  char       *label;     /* the name the user gave it, from a saved comparison */
  SynSource  *source;    /* what the worker read, the article's current text,
                          * or a new source given in memory */
  GError     *error;     /* why it could not read it */
  gboolean    read;      /* @source is what @file holds now */
  /* A source of a saved comparison: read with it, not from @file. */
  gboolean    from_saved;
  GFile      *home;      /* where it was read from before it was saved */
  gboolean    home_missing;
  gboolean    home_changed;
} Entry;

typedef struct {
  OpKind          kind;
  guint           serial;
  guint           epoch;
  SynComparison  *self;         /* not owned: the outer task holds it */
  GPtrArray      *files;        /* GFile, for load and add */
  GPtrArray      *sources;      /* SynSource, for add (in memory) */
  char           *source_name;  /* the name of the one source in @sources */
  SynArticle     *target;       /* for remove and reload */
  GArray         *entries;      /* Entry, set when the operation starts */
  SynSegmentUnit  unit;
  GCancellable   *cancellable;  /* ours; the caller's cancels it */
  GCancellable   *user_cancellable;
  gulong          cancelled_id;
  GSource        *progress_source;
  gint            progress_permille;  /* written by the worker */
  double          last_reported;      /* worker only */
  SynAlignment   *alignment;    /* the worker's result */
  GPtrArray      *failures;     /* GError */
  GFile          *saved_file;   /* load: the comparison opened was a saved one */
  gboolean        saved_unit;   /* load: @unit is the saved comparison's */
  GArray         *constraints;  /* SynConstraint: the corrections to keep */
  GArray         *order;        /* guint: the places of the articles kept,
                                 * in the order the present state puts them */
  SynEdits       *saved_edits;  /* load: the saved comparison's edits */
} Op;

struct _SynComparison
{
  GObject         parent_instance;

  GListStore     *articles;
  GListStore     *groups;
  SynAlignment   *alignment;
  SynSegmentUnit  unit;
  double          progress;
  GFile          *file;         /* the saved comparison it is, or NULL */
  SynEdits       *edits;        /* corrections made by hand, with their history */
  gboolean        modified;     /* edits made since it was loaded or saved */
  gboolean        applying_names; /* undo or redo renames: not a step of its own */
  gboolean       *by_hand;      /* per segment: held in its group by a link made by hand */

  GQueue          queue;        /* GTask, waiting */
  GTask          *current;      /* running */
  guint           epoch;
  guint           next_serial;
};

G_DEFINE_FINAL_TYPE (SynComparison, syn_comparison, G_TYPE_OBJECT)

G_DEFINE_QUARK (syn-comparison-error-quark, syn_comparison_error)

enum {
  PROP_0,
  PROP_ARTICLES,
  PROP_GROUPS,
  PROP_SEGMENT_UNIT,
  PROP_BUSY,
  PROP_PROGRESS,
  PROP_FILE,
  PROP_MODIFIED,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

enum {
  ALIGNED,
  ARTICLE_CHANGED,
  EDITS_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void start_next (SynComparison *self);

/* Operations */

static void
entry_clear (gpointer data)
{
  Entry *entry = data;

  g_clear_object (&entry->article);
  g_clear_object (&entry->file);
  g_clear_pointer (&entry->name, g_free);
  g_clear_pointer (&entry->label, g_free);
  g_clear_pointer (&entry->source, syn_source_unref);
  g_clear_error (&entry->error);
  g_clear_object (&entry->home);
}

static void
op_free (gpointer data)
{
  Op *op = data;

  if (op->cancelled_id != 0)
    g_cancellable_disconnect (op->user_cancellable, op->cancelled_id);
  if (op->progress_source != NULL)
    {
      g_source_destroy (op->progress_source);
      g_source_unref (op->progress_source);
    }
  g_clear_object (&op->user_cancellable);
  g_clear_object (&op->cancellable);
  g_clear_pointer (&op->files, g_ptr_array_unref);
  g_clear_pointer (&op->sources, g_ptr_array_unref);
  g_clear_pointer (&op->source_name, g_free);
  g_clear_object (&op->target);
  g_clear_pointer (&op->entries, g_array_unref);
  g_clear_pointer (&op->alignment, syn_alignment_unref);
  g_clear_pointer (&op->failures, g_ptr_array_unref);
  g_clear_object (&op->saved_file);
  g_clear_pointer (&op->constraints, g_array_unref);
  g_clear_pointer (&op->order, g_array_unref);
  g_clear_pointer (&op->saved_edits, syn_edits_free);
  g_free (op);
}

static void
user_cancelled_cb (GCancellable *user_cancellable,
                   GCancellable *ours)
{
  g_cancellable_cancel (ours);
}

static GTask *
op_new (SynComparison       *self,
        OpKind               kind,
        GCancellable        *cancellable,
        gpointer             source_tag,
        GAsyncReadyCallback  callback,
        gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  Op *op = g_new0 (Op, 1);

  op->kind = kind;
  op->self = self;
  op->serial = ++self->next_serial;
  op->cancellable = g_cancellable_new ();
  op->failures = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  if (cancellable != NULL)
    {
      op->user_cancellable = g_object_ref (cancellable);
      op->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (user_cancelled_cb),
                                                g_object_ref (op->cancellable), g_object_unref);
    }

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, op, op_free);
  /* Whether it was cancelled in time is for us to say: once installed, a
   * result is reported as such. */
  g_task_set_check_cancellable (task, FALSE);
  return task;
}

static Op *
task_op (GTask *task)
{
  return g_task_get_task_data (task);
}

static void
update_busy (SynComparison *self,
             gboolean       was_busy)
{
  if (was_busy != syn_comparison_get_busy (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
set_progress (SynComparison *self,
              double         progress)
{
  if (self->progress == progress)
    return;
  self->progress = progress;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
}

static void
enqueue (SynComparison *self,
         GTask         *task)
{
  gboolean was_busy = syn_comparison_get_busy (self);

  g_queue_push_tail (&self->queue, task);
  start_next (self);
  update_busy (self, was_busy);
}

/* Drops everything under way: what it would install is out of date. */
static void
supersede (SynComparison *self)
{
  gboolean was_busy = syn_comparison_get_busy (self);
  GTask *task;

  self->epoch++;
  if (self->current != NULL)
    g_cancellable_cancel (task_op (self->current)->cancellable);
  while ((task = g_queue_pop_head (&self->queue)) != NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                               _("Replaced by another comparison"));
      g_object_unref (task);
    }
  update_busy (self, was_busy);
}

/* Progress travels from the worker to the main thread through one source
 * per operation, made ready by the worker: no allocation per report, and
 * nothing left behind once the operation is over. */

static gboolean
progress_dispatch (GSource     *source,
                   GSourceFunc  callback,
                   gpointer     user_data)
{
  g_source_set_ready_time (source, -1);
  return callback (user_data);
}

static GSourceFuncs progress_funcs = {
  .dispatch = progress_dispatch,
};

static gboolean
progress_cb (gpointer data)
{
  Op *op = data;

  set_progress (op->self, g_atomic_int_get (&op->progress_permille) / 1000.0);
  return G_SOURCE_CONTINUE;
}

static void
report_progress (Op     *op,
                 double  fraction)
{
  if (fraction < op->last_reported + PROGRESS_STEP && fraction < 1.0)
    return;
  op->last_reported = fraction;
  g_atomic_int_set (&op->progress_permille, (gint) (CLAMP (fraction, 0.0, 1.0) * 1000));
  g_source_set_ready_time (op->progress_source, 0);
}

static gboolean
align_progress_cb (double   fraction,
                   gpointer user_data)
{
  Op *op = user_data;

  if (g_cancellable_is_cancelled (op->cancellable))
    return FALSE;
  report_progress (op, READ_SHARE + (1.0 - READ_SHARE) * fraction);
  return TRUE;
}

/* The worker */

typedef struct {
  Op    *op;
  guint  done;
  guint  n_files;
} ReadProgress;

/* A page arriving moves the bar within its file's share of the reading. */
static gboolean
fetch_progress_cb (gsize    received,
                   gsize    total,
                   gpointer user_data)
{
  ReadProgress *read = user_data;
  double part = total > 0 ? MIN (1.0, (double) received / (double) total) : 0.5;

  if (g_cancellable_is_cancelled (read->op->cancellable))
    return FALSE;
  report_progress (read->op, READ_SHARE * (read->done + part) / read->n_files);
  return TRUE;
}

static guint
read_entries (Op *op)
{
  ReadProgress read = { op, 0, 0 };
  guint n_read = 0;

  for (guint i = 0; i < op->entries->len; i++)
    {
      Entry *entry = &g_array_index (op->entries, Entry, i);

      read.n_files += entry->file != NULL && !entry->from_saved;
    }

  for (guint i = 0; i < op->entries->len; i++)
    {
      Entry *entry = &g_array_index (op->entries, Entry, i);
      SynSource *source;

      if (entry->file == NULL || entry->from_saved)
        {
          n_read += entry->article == NULL && entry->source != NULL;
          continue;
        }
      /* an article whose file cannot be read again keeps the text it had */
      source = syn_load_source (entry->file, NULL, fetch_progress_cb, &read, op->cancellable, &entry->error);
      if (source != NULL)
        {
          g_clear_pointer (&entry->source, syn_source_unref);
          entry->source = source;
          entry->read = TRUE;
          if (entry->article == NULL)
            entry->name = _syn_dup_display_name (entry->file);
          n_read++;
        }
      report_progress (op, READ_SHARE * ++read.done / read.n_files);
    }
  return n_read;
}

/* The entries a saved comparison stands for: its sources, each marked
 * when its file changed or went away since it was saved. */
static void
append_saved (GArray   *entries,
              SynSaved *saved,
              Op       *op)
{
  for (guint i = 0; i < syn_saved_get_n_sources (saved); i++)
    {
      const SynSavedSource *source = syn_saved_get_source (saved, i);
      Entry entry = { 0 };

      entry.from_saved = TRUE;
      entry.source = syn_source_ref (source->source);
      entry.name = g_strdup (source->name);
      entry.label = g_strdup (source->label);
      if (source->uri != NULL)
        entry.home = g_file_new_for_uri (source->uri);
      entry.home_changed = !syn_saved_source_matches (source, &entry.home_missing, op->cancellable);
      g_array_append_val (entries, entry);
    }
}

/* A saved comparison opened on its own brings its corrections. */
static void
take_saved_edits (Op       *op,
                  SynSaved *saved)
{
  const SynConstraint *cons;
  const SynNote *notes;
  guint n_cons, n_notes;

  cons = syn_saved_get_constraints (saved, &n_cons);
  notes = syn_saved_get_notes (saved, &n_notes);
  g_clear_pointer (&op->saved_edits, syn_edits_free);
  op->saved_edits = syn_edits_new ();
  g_array_set_size (op->constraints, 0);
  for (guint i = 0; i < n_cons; i++)
    {
      g_array_append_val (op->constraints, cons[i]);
      syn_edits_add (op->saved_edits, &cons[i], NULL, 0);
    }
  for (guint i = 0; i < n_notes; i++)
    syn_edits_set_note (op->saved_edits, &notes[i].ref, notes[i].text, NULL, 0);
}

/* Opens the saved comparisons among the new files (by their content, not
 * their names) in place: each stands for the sources it holds. One that
 * cannot be read is a failure like a file that cannot be. */
static void
expand_saved (Op *op)
{
  g_autoptr(GArray) entries = NULL;

  if (op->kind != OP_LOAD && op->kind != OP_ADD)
    return;
  entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  g_array_set_clear_func (entries, entry_clear);
  for (guint i = 0; i < op->entries->len; i++)
    {
      Entry *entry = &g_array_index (op->entries, Entry, i);
      g_autoptr(SynSaved) saved = NULL;
      g_autofree char *name = NULL;

      if (entry->article != NULL || entry->file == NULL ||
          !syn_saved_file_claims (entry->file, op->cancellable))
        {
          g_array_append_vals (entries, entry, 1);
          memset (entry, 0, sizeof *entry);
          continue;
        }
      name = _syn_dup_display_name (entry->file);
      saved = syn_saved_load_file (entry->file, name, op->cancellable, &entry->error);
      if (saved == NULL)
        {
          /* Reported as a failure, and not read again as a text. */
          entry->from_saved = TRUE;
          g_array_append_vals (entries, entry, 1);
          memset (entry, 0, sizeof *entry);
          continue;
        }
      /* Opened on its own, the comparison is the saved one, unit included. */
      if (op->kind == OP_LOAD && op->files->len == 1)
        {
          op->saved_file = g_object_ref (entry->file);
          op->unit = syn_saved_get_unit (saved);
          op->saved_unit = TRUE;
          take_saved_edits (op, saved);
        }
      append_saved (entries, saved, op);
    }
  g_array_unref (op->entries);
  op->entries = g_steal_pointer (&entries);
}

static void
set_no_text_error (Op      *op,
                   GError **error)
{
  guint n_files = 0;

  for (guint i = 0; i < op->entries->len; i++)
    n_files += g_array_index (op->entries, Entry, i).file != NULL;

  if (op->kind == OP_RELOAD)
    g_set_error (error, SYN_COMPARISON_ERROR, SYN_COMPARISON_ERROR_NO_TEXT,
                 g_dngettext (GETTEXT_PACKAGE,
                              "The file could not be read again",
                              "None of the %u files could be read again", n_files),
                 n_files);
  else
    g_set_error (error, SYN_COMPARISON_ERROR, SYN_COMPARISON_ERROR_NO_TEXT,
                 g_dngettext (GETTEXT_PACKAGE,
                              "The file could not be opened",
                              "None of the %u files could be opened", n_files),
                 n_files);
}

static void
worker (GTask        *inner,
        gpointer      source_object,
        gpointer      task_data,
        GCancellable *cancellable)
{
  Op *op = task_data;
  g_autofree SynSourceText *texts = NULL;
  guint n_texts = 0;
  guint n_read;

  expand_saved (op);
  texts = g_new0 (SynSourceText, op->entries->len + 1);
  n_read = read_entries (op);

  if (g_cancellable_is_cancelled (op->cancellable))
    {
      g_task_return_new_error (inner, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Cancelled"));
      return;
    }
  if (n_read == 0 && (op->kind == OP_LOAD || op->kind == OP_ADD || op->kind == OP_RELOAD))
    {
      GError *error = NULL;

      set_no_text_error (op, &error);
      g_task_return_error (inner, error);
      return;
    }

  for (guint i = 0; i < op->entries->len; i++)
    {
      Entry *entry = &g_array_index (op->entries, Entry, i);

      /* A new file that could not be read is left out; an article whose
       * file could not be read again keeps the text it had. */
      if (entry->source == NULL)
        continue;
      texts[n_texts].text = syn_source_get_text (entry->source, &texts[n_texts].len);
      texts[n_texts].hints = syn_source_get_hints (entry->source, &texts[n_texts].n_hints);
      n_texts++;
    }

  if (n_texts > 0)
    {
      op->alignment = syn_alignment_compute_constrained (texts, n_texts, op->unit,
                                                         (const SynConstraint *) (gpointer) op->constraints->data,
                                                         op->constraints->len, align_progress_cb, op);
      if (op->alignment == NULL)
        {
          g_task_return_new_error (inner, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Cancelled"));
          return;
        }
    }
  report_progress (op, 1.0);
  g_task_return_boolean (inner, TRUE);
}

/* Installing an alignment */

static void notify_edits (SynComparison *self);
static void set_modified (SynComparison *self,
                          gboolean       modified);
static void realign (SynComparison *self);

/* Whether the present state puts the articles in another order than the
 * one shown: an alignment must bring them there. */
static gboolean
order_wanted_differs (SynComparison *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->articles));
  g_autofree guint *order = g_new (guint, n + 1);

  return syn_edits_get_order (self->edits, n, order);
}

/* The passages a link made by hand holds in their group. */
static void
mark_by_hand (SynComparison  *self,
              SynAlignment   *alignment,
              SynPassage    **by_segment)
{
  const SynSegment *segs;
  const SynConstraint *cons;
  guint n_segs = 0, n_cons;

  g_clear_pointer (&self->by_hand, g_free);
  if (alignment == NULL)
    return;
  segs = syn_alignment_get_segments (alignment, &n_segs);
  self->by_hand = g_new0 (gboolean, n_segs + 1);
  cons = syn_edits_get_constraints (self->edits, &n_cons);
  for (guint i = 0; i < n_cons; i++)
    {
      gint a, b;

      if (cons[i].kind != SYN_CONSTRAINT_MUST_LINK)
        continue;
      a = syn_align_find_passage (segs, n_segs, &cons[i].a);
      b = syn_align_find_passage (segs, n_segs, &cons[i].b);
      if (a >= 0 && b >= 0 && a != b && segs[a].cluster >= 0 && segs[a].cluster == segs[b].cluster)
        self->by_hand[a] = self->by_hand[b] = TRUE;
    }
  for (guint i = 0; i < n_segs; i++)
    _syn_passage_set_linked_by_hand (by_segment[i], self->by_hand[i]);
}

/* A new comparison: its own edits (a saved one's) or none, and nothing
 * to save yet. */
static void
reset_edits (SynComparison *self,
             SynEdits      *edits)
{
  syn_edits_free (self->edits);
  self->edits = edits != NULL ? edits : syn_edits_new ();
  syn_edits_set_saved_state (self->edits, syn_edits_get_state (self->edits));
  set_modified (self, FALSE);
  notify_edits (self);
}

static void
article_changed_on_disk_cb (SynArticle    *article,
                            SynComparison *self)
{
  g_signal_emit (self, signals[ARTICLE_CHANGED], 0, article);
}

static void edited (SynComparison *self,
                    gboolean       constraints_changed);

/* A column renamed by the user: a step of the undo history, as a
 * correction is, but with the same groups. */
static void
article_renamed_cb (SynArticle    *article,
                    GParamSpec    *pspec,
                    SynComparison *self)
{
  const char *name = syn_article_get_custom_name (article);
  const char *before = NULL;
  guint index;

  if (self->applying_names || !g_list_store_find (self->articles, article, &index))
    return;
  if (syn_edits_lookup_name (self->edits, index, &before) && g_strcmp0 (before, name) == 0)
    return;
  syn_edits_checkpoint (self->edits);
  syn_edits_set_name (self->edits, index, name);
  edited (self, FALSE);
}

/* The names of @articles are those of the present state: they came with
 * them (a saved comparison, a source added) or were given here. */
static void
take_names (SynComparison *self,
            GPtrArray     *articles)
{
  g_autofree const char **names = g_new0 (const char *, articles->len + 1);

  for (guint i = 0; i < articles->len; i++)
    names[i] = syn_article_get_custom_name (g_ptr_array_index (articles, i));
  syn_edits_take_names (self->edits, names, articles->len);
}

/* Undo or redo gave the articles the names of another state. */
static void
apply_names (SynComparison *self)
{
  GListModel *articles = G_LIST_MODEL (self->articles);

  self->applying_names = TRUE;
  for (guint i = 0; i < g_list_model_get_n_items (articles); i++)
    {
      g_autoptr(SynArticle) article = g_list_model_get_item (articles, i);
      const char *name;

      if (syn_edits_lookup_name (self->edits, i, &name))
        syn_article_set_custom_name (article, name);
    }
  self->applying_names = FALSE;
}

/* Replaces the articles, touching only the range that differs: adding a
 * source reports one insertion, removing one a single removal. */
static void
splice_articles (SynComparison *self,
                 GPtrArray     *articles)
{
  GListModel *model = G_LIST_MODEL (self->articles);
  guint old_n = g_list_model_get_n_items (model);
  guint new_n = articles->len;
  guint prefix = 0, suffix = 0;

  while (prefix < old_n && prefix < new_n)
    {
      g_autoptr(SynArticle) old = g_list_model_get_item (model, prefix);
      if (old != g_ptr_array_index (articles, prefix))
        break;
      prefix++;
    }
  while (suffix < old_n - prefix && suffix < new_n - prefix)
    {
      g_autoptr(SynArticle) old = g_list_model_get_item (model, old_n - 1 - suffix);
      if (old != g_ptr_array_index (articles, new_n - 1 - suffix))
        break;
      suffix++;
    }
  if (prefix == old_n && prefix == new_n)
    return;
  g_list_store_splice (self->articles, prefix, old_n - prefix - suffix,
                       articles->pdata + prefix, new_n - prefix - suffix);
}

static void
leave_articles (SynComparison *self,
                GPtrArray     *staying)
{
  GListModel *model = G_LIST_MODEL (self->articles);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SynArticle) article = g_list_model_get_item (model, i);

      if (staying != NULL && g_ptr_array_find (staying, article, NULL))
        continue;
      g_signal_handlers_disconnect_by_func (article, article_changed_on_disk_cb, self);
      g_signal_handlers_disconnect_by_func (article, article_renamed_cb, self);
      _syn_article_unwatch (article);
      _syn_article_set_passages (article, NULL, 0, NULL, 0);
    }
}

static void
join_articles (SynComparison *self,
               GPtrArray     *articles)
{
  for (guint i = 0; i < articles->len; i++)
    {
      SynArticle *article = g_ptr_array_index (articles, i);

      if (g_signal_handler_find (article, G_SIGNAL_MATCH_FUNC | G_SIGNAL_MATCH_DATA, 0, 0,
                                 NULL, article_changed_on_disk_cb, self) != 0)
        continue;
      g_signal_connect_object (article, "changed-on-disk",
                               G_CALLBACK (article_changed_on_disk_cb), self, 0);
      g_signal_connect_object (article, "notify::custom-name",
                               G_CALLBACK (article_renamed_cb), self, 0);
    }
}

/* Makes the objects for @alignment, whose sources are @articles in order
 * (@alignment is NULL when there are none), and puts them in place. */
static void
install (SynComparison *self,
         GPtrArray     *articles,
         SynAlignment  *alignment)
{
  g_autofree SynPassage **by_segment = NULL;
  g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_segments = 0, n_clusters = 0;

  g_assert (alignment == NULL || syn_alignment_get_n_sources (alignment) == articles->len);
  g_assert (alignment != NULL || articles->len == 0);

  if (alignment != NULL)
    {
      syn_alignment_get_segments (alignment, &n_segments);
      syn_alignment_get_clusters (alignment, &n_clusters);
    }
  by_segment = g_new0 (SynPassage *, n_segments + 1);
  for (guint s = 0; s < articles->len; s++)
    {
      guint first, n;

      syn_alignment_get_source_segments (alignment, s, &first, &n);
      for (guint i = 0; i < n; i++)
        by_segment[first + i] = _syn_passage_new (alignment, first + i,
                                                  g_ptr_array_index (articles, s), i);
    }
  for (guint c = 0; c < n_clusters; c++)
    g_ptr_array_add (groups, _syn_group_new (alignment, c, by_segment));
  mark_by_hand (self, alignment, by_segment);

  leave_articles (self, articles);
  g_clear_pointer (&self->alignment, syn_alignment_unref);
  self->alignment = alignment ? syn_alignment_ref (alignment) : NULL;

  for (guint s = 0; s < articles->len; s++)
    {
      guint first, n;

      syn_alignment_get_source_segments (alignment, s, &first, &n);
      _syn_article_set_passages (g_ptr_array_index (articles, s), alignment, s,
                                 by_segment + first, n);
    }
  for (guint i = 0; i < n_segments; i++)
    g_object_unref (by_segment[i]);

  join_articles (self, articles);
  take_names (self, articles);
  splice_articles (self, articles);
  g_list_store_splice (self->groups, 0, g_list_model_get_n_items (G_LIST_MODEL (self->groups)),
                       groups->pdata, groups->len);

  g_signal_emit (self, signals[ALIGNED], 0);
}

static void
set_file (SynComparison *self,
          GFile         *file)
{
  if (self->file == file || (self->file != NULL && file != NULL && g_file_equal (self->file, file)))
    return;
  g_set_object (&self->file, file);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

/* A load makes the comparison the saved one it opened, or a new one. */
static void
take_saved (SynComparison *self,
            Op            *op)
{
  set_file (self, op->saved_file);
  if (op->saved_unit && self->unit != op->unit)
    {
      self->unit = op->unit;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEGMENT_UNIT]);
    }
}

static void
collect_failures (Op *op)
{
  for (guint i = 0; i < op->entries->len; i++)
    {
      Entry *entry = &g_array_index (op->entries, Entry, i);

      /* A file whose reading was cancelled did not fail. */
      if (entry->error != NULL && !g_error_matches (entry->error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_ptr_array_add (op->failures, g_steal_pointer (&entry->error));
    }
}

/* Turns the worker's entries into articles: reuses the ones that stay,
 * makes the new ones, and collects what could not be read. */
static GPtrArray *
take_entries (Op *op)
{
  GPtrArray *articles = g_ptr_array_new_with_free_func (g_object_unref);

  collect_failures (op);
  for (guint i = 0; i < op->entries->len; i++)
    {
      Entry *entry = &g_array_index (op->entries, Entry, i);

      if (entry->article != NULL)
        {
          if (entry->read)
            _syn_article_set_source (entry->article, g_steal_pointer (&entry->source));
          g_ptr_array_add (articles, g_object_ref (entry->article));
        }
      else if (entry->source != NULL)
        {
          SynArticle *article = _syn_article_new (entry->file ? entry->file : entry->home, entry->name,
                                                  g_steal_pointer (&entry->source));

          if (entry->home_missing || entry->home_changed)
            _syn_article_set_file_state (article, entry->home_missing, entry->home_changed);
          syn_article_set_custom_name (article, entry->label);
          g_ptr_array_add (articles, article);
        }
    }
  return articles;
}

static void
inner_done_cb (GObject      *source_object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Op *op = task_op (task);
  SynComparison *self = op->self;
  g_autoptr(GError) error = NULL;
  gboolean was_busy = syn_comparison_get_busy (self);

  g_assert (self->current == task);

  g_source_destroy (op->progress_source);
  g_clear_pointer (&op->progress_source, g_source_unref);

  /* Cancelled on this thread before we got here: whatever the worker
   * managed, the comparison must not change any more. */
  if (g_task_propagate_boolean (G_TASK (result), &error) &&
      (op->epoch != self->epoch || g_cancellable_is_cancelled (op->cancellable)))
    g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                         op->epoch != self->epoch ? _("Replaced by another comparison") : _("Cancelled"));
  if (error == NULL)
    {
      g_autoptr(GPtrArray) articles = take_entries (op);

      if (op->kind == OP_LOAD)
        {
          take_saved (self, op);
          reset_edits (self, g_steal_pointer (&op->saved_edits));
        }
      else
        {
          /* before install(), whose links by hand and names are by place */
          syn_edits_reorder_sources (self->edits, (const guint *) (gpointer) op->order->data, op->order->len);
          /* a source added, removed or read again: the saved file no
           * longer holds this comparison, whatever undo does (a column
           * moved is a step of the history: undo takes it back) */
          if (op->kind != OP_REALIGN && op->kind != OP_MOVE && self->file != NULL)
            {
              syn_edits_set_saved_state (self->edits, 0);
              set_modified (self, TRUE);
            }
        }
      install (self, articles, op->alignment);
      /* undone or redone while it ran: the order wanted is another */
      if (order_wanted_differs (self))
        realign (self);
      /* The worker's last report may not have been dispatched. */
      set_progress (self, 1.0);
    }
  else
    {
      collect_failures (op);
      /* a move cancelled, say: the columns must still come to the order
       * the present state has, which a save writes */
      if (op->epoch == self->epoch && order_wanted_differs (self))
        realign (self);
    }

  g_clear_object (&self->current);
  start_next (self);
  update_busy (self, was_busy);

  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/* Copies from the model what the operation starts from. */
static void
add_entry (Op         *op,
           SynArticle *article,
           GFile      *file)
{
  Entry entry = { 0 };

  entry.article = article ? g_object_ref (article) : NULL;
  entry.file = file ? g_object_ref (file) : NULL;
  /* the text it has, kept when reading @file again fails */
  if (article != NULL)
    entry.source = syn_source_ref (syn_article_get_source (article));
  g_array_append_val (op->entries, entry);
}

static gboolean
reloads (Op         *op,
         SynArticle *article)
{
  if (syn_article_get_file (article) == NULL)
    return FALSE;
  if (op->target != NULL)
    return article == op->target;
  return syn_article_get_file_changed (article);
}

static void
prepare_entries (SynComparison *self,
                 Op            *op)
{
  GListModel *model = G_LIST_MODEL (self->articles);
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func (g_object_unref);

  op->entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  g_array_set_clear_func (op->entries, entry_clear);

  if (op->kind != OP_LOAD)
    for (guint i = 0; i < g_list_model_get_n_items (model); i++)
      {
        SynArticle *article = g_list_model_get_item (model, i);

        if (op->kind == OP_REMOVE && article == op->target)
          g_object_unref (article);
        else
          g_ptr_array_add (kept, article);
      }
  /* in the order the present state puts them: a column moved, or a move
   * undone, takes its place here */
  g_assert (op->order == NULL || op->order->len == kept->len);
  for (guint k = 0; op->order != NULL && k < op->order->len; k++)
    {
      SynArticle *article = g_ptr_array_index (kept, g_array_index (op->order, guint, k));

      add_entry (op, article,
                 op->kind == OP_RELOAD && reloads (op, article) ? syn_article_get_file (article) : NULL);
    }
  if (op->files != NULL)
    for (guint i = 0; i < op->files->len; i++)
      add_entry (op, NULL, g_ptr_array_index (op->files, i));
  if (op->sources != NULL)
    for (guint i = 0; i < op->sources->len; i++)
      {
        Entry entry = { 0 };

        entry.source = syn_source_ref (g_ptr_array_index (op->sources, i));
        entry.name = g_strdup (op->source_name);
        g_array_append_val (op->entries, entry);
      }
}

static gboolean
nothing_to_do (SynComparison *self,
               Op            *op)
{
  if (op->kind == OP_RELOAD)
    {
      for (guint i = 0; i < op->entries->len; i++)
        if (g_array_index (op->entries, Entry, i).file != NULL)
          return FALSE;
      return TRUE;
    }
  if (op->kind == OP_REMOVE)
    return op->entries->len == g_list_model_get_n_items (G_LIST_MODEL (self->articles));
  return FALSE;
}

/* What the operation must keep of the corrections made by hand: all of
 * them, but those naming an article it takes out; and the order the
 * present state puts the articles in. The corrections name sources by
 * their places as shown, so those the worker takes are renumbered to the
 * places the articles will have; the edits themselves are renumbered once
 * they have them (inner_done_cb()). A load starts afresh. */
static void
take_constraints (SynComparison *self,
                  Op            *op)
{
  const SynConstraint *cons;
  g_autofree guint *new_place = NULL;
  guint n, n_cons, index;

  op->constraints = g_array_new (FALSE, FALSE, sizeof (SynConstraint));
  if (op->kind == OP_LOAD)
    return;
  n = g_list_model_get_n_items (G_LIST_MODEL (self->articles));
  if (op->kind == OP_REMOVE && g_list_store_find (self->articles, op->target, &index))
    {
      syn_edits_drop_source (self->edits, index);
      set_modified (self, !syn_edits_is_saved (self->edits));
      notify_edits (self);
      n--;
    }
  op->order = g_array_sized_new (FALSE, FALSE, sizeof (guint), n);
  g_array_set_size (op->order, n);
  syn_edits_get_order (self->edits, n, (guint *) (gpointer) op->order->data);
  new_place = g_new (guint, n + 1);
  for (guint k = 0; k < n; k++)
    new_place[g_array_index (op->order, guint, k)] = k;

  cons = syn_edits_get_constraints (self->edits, &n_cons);
  g_array_append_vals (op->constraints, cons, n_cons);
  for (guint i = 0; i < op->constraints->len; i++)
    {
      SynConstraint *c = &g_array_index (op->constraints, SynConstraint, i);

      c->a.source = c->a.source < n ? new_place[c->a.source] : c->a.source;
      c->b.source = c->b.source < n ? new_place[c->b.source] : c->b.source;
    }
}

static void
start_next (SynComparison *self)
{
  while (self->current == NULL && !g_queue_is_empty (&self->queue))
    {
      g_autoptr(GTask) inner = NULL;
      GTask *task = g_queue_pop_head (&self->queue);
      Op *op = task_op (task);

      if (g_cancellable_is_cancelled (op->cancellable))
        {
          g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Cancelled"));
          g_object_unref (task);
          continue;
        }

      op->epoch = self->epoch;
      op->unit = self->unit;
      take_constraints (self, op);
      prepare_entries (self, op);
      if (nothing_to_do (self, op))
        {
          g_task_return_boolean (task, TRUE);
          g_object_unref (task);
          continue;
        }

      self->current = task;
      set_progress (self, 0.0);
      op->progress_source = g_source_new (&progress_funcs, sizeof (GSource));
      g_source_set_callback (op->progress_source, progress_cb, op, NULL);
      g_source_set_static_name (op->progress_source, "[syn] comparison progress");
      g_source_attach (op->progress_source, g_task_get_context (task));

      inner = g_task_new (NULL, op->cancellable, inner_done_cb, g_object_ref (task));
      g_task_set_task_data (inner, op, NULL);
      g_task_set_check_cancellable (inner, FALSE);
      g_task_set_name (inner, "[syn] compare");
      g_task_run_in_thread (inner, worker);
    }
}

/* GObject */

static void
syn_comparison_dispose (GObject *object)
{
  SynComparison *self = (SynComparison *) object;

  /* Operations hold a reference: none is left when we get here. */
  g_assert (self->current == NULL);
  self->epoch++;

  if (self->articles != NULL)
    leave_articles (self, NULL);
  g_clear_object (&self->articles);
  g_clear_object (&self->groups);
  g_clear_pointer (&self->alignment, syn_alignment_unref);
  g_clear_object (&self->file);
  g_clear_pointer (&self->edits, syn_edits_free);
  g_clear_pointer (&self->by_hand, g_free);

  G_OBJECT_CLASS (syn_comparison_parent_class)->dispose (object);
}

static void
syn_comparison_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SynComparison *self = SYN_COMPARISON (object);

  switch (prop_id)
    {
    case PROP_ARTICLES:
      g_value_set_object (value, self->articles);
      break;
    case PROP_GROUPS:
      g_value_set_object (value, self->groups);
      break;
    case PROP_SEGMENT_UNIT:
      g_value_set_enum (value, self->unit);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, syn_comparison_get_busy (self));
      break;
    case PROP_PROGRESS:
      g_value_set_double (value, self->progress);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, syn_comparison_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, syn_comparison_can_redo (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
syn_comparison_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  SynComparison *self = SYN_COMPARISON (object);

  switch (prop_id)
    {
    case PROP_SEGMENT_UNIT:
      syn_comparison_set_segment_unit (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
syn_comparison_class_init (SynComparisonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = syn_comparison_dispose;
  object_class->get_property = syn_comparison_get_property;
  object_class->set_property = syn_comparison_set_property;

  properties[PROP_ARTICLES] =
    g_param_spec_object ("articles", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_GROUPS] =
    g_param_spec_object ("groups", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SEGMENT_UNIT] =
    g_param_spec_enum ("segment-unit", NULL, NULL, SYN_TYPE_SEGMENT_UNIT, SYN_SEGMENT_SENTENCE,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PROGRESS] =
    g_param_spec_double ("progress", NULL, NULL, 0.0, 1.0, 0.0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[ALIGNED] =
    g_signal_new ("aligned",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  signals[ARTICLE_CHANGED] =
    g_signal_new ("article-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, SYN_TYPE_ARTICLE);

  signals[EDITS_CHANGED] =
    g_signal_new ("edits-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
syn_comparison_init (SynComparison *self)
{
  self->articles = g_list_store_new (SYN_TYPE_ARTICLE);
  self->groups = g_list_store_new (SYN_TYPE_GROUP);
  self->unit = SYN_SEGMENT_SENTENCE;
  self->edits = syn_edits_new ();
  g_queue_init (&self->queue);
}

/* Public API */

SynComparison *
syn_comparison_new (void)
{
  return g_object_new (SYN_TYPE_COMPARISON, NULL);
}

GListModel *
syn_comparison_get_articles (SynComparison *self)
{
  g_return_val_if_fail (SYN_IS_COMPARISON (self), NULL);
  return G_LIST_MODEL (self->articles);
}

GListModel *
syn_comparison_get_groups (SynComparison *self)
{
  g_return_val_if_fail (SYN_IS_COMPARISON (self), NULL);
  return G_LIST_MODEL (self->groups);
}

SynAlignment *
syn_comparison_get_alignment (SynComparison *self)
{
  g_return_val_if_fail (SYN_IS_COMPARISON (self), NULL);
  return self->alignment;
}

SynSegmentUnit
syn_comparison_get_segment_unit (SynComparison *self)
{
  g_return_val_if_fail (SYN_IS_COMPARISON (self), SYN_SEGMENT_SENTENCE);
  return self->unit;
}

/* Whether an alignment waits that will take the unit, the corrections
 * and the order of the sources as they are when it starts. */
static gboolean
realign_queued (SynComparison *self)
{
  for (GList *l = self->queue.head; l != NULL; l = l->next)
    if (task_op (l->data)->kind == OP_REALIGN || task_op (l->data)->kind == OP_MOVE)
      return TRUE;
  return FALSE;
}

void
syn_comparison_set_segment_unit (SynComparison  *self,
                                 SynSegmentUnit  unit)
{
  g_return_if_fail (SYN_IS_COMPARISON (self));
  g_return_if_fail (unit <= SYN_SEGMENT_PARAGRAPH);

  if (self->unit == unit)
    return;
  self->unit = unit;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEGMENT_UNIT]);

  /* A queued re-alignment reads the unit when it starts. */
  if (realign_queued (self))
    return;
  if (g_list_model_get_n_items (G_LIST_MODEL (self->articles)) > 0 || syn_comparison_get_busy (self))
    enqueue (self, op_new (self, OP_REALIGN, NULL, syn_comparison_set_segment_unit, NULL, NULL));
}

gboolean
syn_comparison_get_busy (SynComparison *self)
{
  g_return_val_if_fail (SYN_IS_COMPARISON (self), FALSE);
  return self->current != NULL || !g_queue_is_empty (&self->queue);
}

double
syn_comparison_get_progress (SynComparison *self)
{
  g_return_val_if_fail (SYN_IS_COMPARISON (self), 0.0);
  return self->progress;
}

gboolean
syn_comparison_load_texts (SynComparison       *self,
                           const char * const  *names,
                           const char * const  *texts,
                           guint                n_texts,
                           GError             **error)
{
  g_autoptr(GPtrArray) articles = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree SynSourceText *sources = g_new0 (SynSourceText, n_texts + 1);
  g_autoptr(SynAlignment) alignment = NULL;

  g_return_val_if_fail (SYN_IS_COMPARISON (self), FALSE);
  g_return_val_if_fail (n_texts == 0 || (names != NULL && texts != NULL), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (guint i = 0; i < n_texts; i++)
    {
      SynDecoded *decoded = syn_decode ((const guint8 *) texts[i], strlen (texts[i]), error);
      SynSource *source;

      if (decoded == NULL)
        {
          g_prefix_error (error, _("“%s”: "), names[i]);
          return FALSE;
        }
      source = syn_source_new_text (SYN_ORIGIN_SAMPLE, decoded, NULL);
      sources[i].text = syn_source_get_text (source, &sources[i].len);
      g_ptr_array_add (articles, _syn_article_new (NULL, names[i], source));
    }

  supersede (self);
  if (n_texts > 0)
    alignment = syn_alignment_compute (sources, n_texts, self->unit, NULL, NULL);
  set_file (self, NULL);
  reset_edits (self, NULL);
  install (self, articles, alignment);
  return TRUE;
}

static GTask *
files_op_new (SynComparison        *self,
              OpKind                kind,
              GFile               **files,
              guint                 n_files,
              GCancellable         *cancellable,
              gpointer              source_tag,
              GAsyncReadyCallback   callback,
              gpointer              user_data)
{
  GTask *task = op_new (self, kind, cancellable, source_tag, callback, user_data);
  Op *op = task_op (task);

  op->files = g_ptr_array_new_full (n_files, g_object_unref);
  for (guint i = 0; i < n_files; i++)
    g_ptr_array_add (op->files, g_object_ref (files[i]));
  return task;
}

static gboolean
finish_with_failures (SynComparison  *self,
                      GAsyncResult   *result,
                      gpointer        source_tag,
                      GPtrArray     **failures,
                      GError        **error)
{
  GTask *task;

  g_return_val_if_fail (SYN_IS_COMPARISON (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, FALSE);

  task = G_TASK (result);
  if (failures != NULL)
    *failures = g_ptr_array_ref (task_op (task)->failures);
  return g_task_propagate_boolean (task, error);
}

void
syn_comparison_load_async (SynComparison        *self,
                           GFile               **files,
                           guint                 n_files,
                           GCancellable         *cancellable,
                           GAsyncReadyCallback   callback,
                           gpointer              user_data)
{
  g_return_if_fail (SYN_IS_COMPARISON (self));
  g_return_if_fail (files != NULL || n_files == 0);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  supersede (self);
  enqueue (self, files_op_new (self, OP_LOAD, files, n_files, cancellable,
                               syn_comparison_load_async, callback, user_data));
}

gboolean
syn_comparison_load_finish (SynComparison  *self,
                            GAsyncResult   *result,
                            GPtrArray     **failures,
                            GError        **error)
{
  return finish_with_failures (self, result, syn_comparison_load_async, failures, error);
}

void
syn_comparison_add_files_async (SynComparison        *self,
                                GFile               **files,
                                guint                 n_files,
                                GCancellable         *cancellable,
                                GAsyncReadyCallback   callback,
                                gpointer              user_data)
{
  g_return_if_fail (SYN_IS_COMPARISON (self));
  g_return_if_fail (files != NULL || n_files == 0);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  enqueue (self, files_op_new (self, OP_ADD, files, n_files, cancellable,
                               syn_comparison_add_files_async, callback, user_data));
}

gboolean
syn_comparison_add_files_finish (SynComparison  *self,
                                 GAsyncResult   *result,
                                 GPtrArray     **failures,
                                 GError        **error)
{
  return finish_with_failures (self, result, syn_comparison_add_files_async, failures, error);
}

void
syn_comparison_add_source_async (SynComparison       *self,
                                 SynSource           *source,
                                 const char          *name,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  GTask *task;
  Op *op;

  g_return_if_fail (SYN_IS_COMPARISON (self));
  g_return_if_fail (source != NULL);
  g_return_if_fail (name != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = op_new (self, OP_ADD, cancellable, syn_comparison_add_source_async, callback, user_data);
  op = task_op (task);
  op->sources = g_ptr_array_new_with_free_func ((GDestroyNotify) syn_source_unref);
  g_ptr_array_add (op->sources, syn_source_ref (source));
  op->source_name = g_strdup (name);
  enqueue (self, task);
}

gboolean
syn_comparison_add_source_finish (SynComparison  *self,
                                  GAsyncResult   *result,
                                  GError        **error)
{
  return finish_with_failures (self, result, syn_comparison_add_source_async, NULL, error);
}

void
syn_comparison_remove_article_async (SynComparison       *self,
                                     SynArticle          *article,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (SYN_IS_COMPARISON (self));
  g_return_if_fail (SYN_IS_ARTICLE (article));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = op_new (self, OP_REMOVE, cancellable, syn_comparison_remove_article_async, callback, user_data);
  task_op (task)->target = g_object_ref (article);
  enqueue (self, task);
}

/* A column moved by the user: a step of the undo history at once, as a
 * rename is; the alignment that shows it comes after. */
static void
move_in_edits (SynComparison *self,
               SynArticle    *article,
               guint          position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->articles));
  g_autofree guint *order = g_new (guint, n + 1);
  guint index, from = 0;

  if (!g_list_store_find (self->articles, article, &index))
    return;
  syn_edits_get_order (self->edits, n, order);
  while (order[from] != index)
    from++;
  /* where it is already: no step */
  if (from == MIN (position, n - 1))
    return;
  syn_edits_checkpoint (self->edits);
  syn_edits_move_source (self->edits, index, position, n);
  edited (self, FALSE);
}

void
syn_comparison_move_article_async (SynComparison       *self,
                                   SynArticle          *article,
                                   guint                position,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (SYN_IS_COMPARISON (self));
  g_return_if_fail (SYN_IS_ARTICLE (article));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = op_new (self, OP_MOVE, cancellable, syn_comparison_move_article_async, callback, user_data);
  move_in_edits (self, article, position);
  enqueue (self, task);
}

gboolean
syn_comparison_move_article_finish (SynComparison  *self,
                                    GAsyncResult   *result,
                                    GError        **error)
{
  return finish_with_failures (self, result, syn_comparison_move_article_async, NULL, error);
}

gboolean
syn_comparison_remove_article_finish (SynComparison  *self,
                                      GAsyncResult   *result,
                                      GError        **error)
{
  return finish_with_failures (self, result, syn_comparison_remove_article_async, NULL, error);
}

void
syn_comparison_reload_async (SynComparison       *self,
                             SynArticle          *article,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (SYN_IS_COMPARISON (self));
  g_return_if_fail (article == NULL || SYN_IS_ARTICLE (article));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = op_new (self, OP_RELOAD, cancellable, syn_comparison_reload_async, callback, user_data);
  task_op (task)->target = article ? g_object_ref (article) : NULL;
  enqueue (self, task);
}

gboolean
syn_comparison_reload_finish (SynComparison  *self,
                              GAsyncResult   *result,
                              GPtrArray     **failures,
                              GError        **error)
{
  return finish_with_failures (self, result, syn_comparison_reload_async, failures, error);
}

static char *
dup_export_path (SynArticle *article)
{
  GFile *file = syn_article_get_file (article);

  return file ? g_file_get_parse_name (file) : g_strdup (syn_article_get_name (article));
}

/* The report names each source as its column does. */
static GString *
export_report (SynComparison *self,
               GPtrArray     *paths)
{
  GListModel *articles = G_LIST_MODEL (self->articles);
  guint n = g_list_model_get_n_items (articles);
  g_autofree SynReportSource *sources = g_new0 (SynReportSource, n + 1);
  g_autoptr(GPtrArray) held = g_ptr_array_new_with_free_func (g_object_unref);
  SynReportEdits edits;

  for (guint i = 0; i < n; i++)
    {
      SynArticle *article = g_list_model_get_item (articles, i);

      g_ptr_array_add (held, article);
      sources[i].name = syn_article_get_label (article);
      sources[i].path = g_ptr_array_index (paths, i);
      sources[i].source = syn_article_get_source (article);
    }
  edits.constraints = syn_edits_get_constraints (self->edits, &edits.n_constraints);
  edits.notes = syn_edits_get_notes (self->edits, &edits.n_notes);
  return syn_export_html_with_edits (self->alignment, sources, &edits);
}

GString *
syn_comparison_export (SynComparison   *self,
                       SynExportFormat  format)
{
  GListModel *articles;
  guint n;
  g_autofree SynExportSource *sources = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  SynReportEdits edits;

  g_return_val_if_fail (SYN_IS_COMPARISON (self), NULL);

  if (self->alignment == NULL)
    return NULL;

  articles = G_LIST_MODEL (self->articles);
  n = g_list_model_get_n_items (articles);
  sources = g_new0 (SynExportSource, n + 1);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SynArticle) article = g_list_model_get_item (articles, i);
      char *path = dup_export_path (article);

      g_ptr_array_add (paths, path);
      sources[i].path = path;
      syn_source_describe (syn_article_get_source (article), &sources[i]);
    }
  if (format == SYN_EXPORT_SYNOPSIS)
    {
      g_autoptr(GBytes) bytes = syn_comparison_save_to_bytes (self);
      gsize len;
      const char *data = g_bytes_get_data (bytes, &len);

      return g_string_new_len (data, (gssize) len);
    }
  if (format == SYN_EXPORT_HTML)
    return export_report (self, paths);
  edits.constraints = syn_edits_get_constraints (self->edits, &edits.n_constraints);
  edits.notes = syn_edits_get_notes (self->edits, &edits.n_notes);
  return syn_export_with_edits (self->alignment, sources, format, &edits);
}

/* The corrections and notes, their sources numbered @new_place[p] for
 * the article shown at @p. */
static void
save_edits (SynComparison *self,
            SynSaved      *saved,
            const guint   *new_place,
            guint          n_sources)
{
  const SynConstraint *cons;
  const SynNote *notes;
  guint n_cons, n_notes;

  cons = syn_edits_get_constraints (self->edits, &n_cons);
  for (guint i = 0; i < n_cons; i++)
    {
      SynConstraint c = cons[i];

      c.a.source = c.a.source < n_sources ? new_place[c.a.source] : c.a.source;
      c.b.source = c.b.source < n_sources ? new_place[c.b.source] : c.b.source;
      syn_saved_add_constraint (saved, &c);
    }
  notes = syn_edits_get_notes (self->edits, &n_notes);
  for (guint i = 0; i < n_notes; i++)
    {
      SynPassageRef ref = notes[i].ref;

      ref.source = ref.source < n_sources ? new_place[ref.source] : ref.source;
      syn_saved_add_note (saved, &ref, notes[i].text);
    }
}

/* The file holds the present state, in the order it puts the sources:
 * a column just moved is saved in its new place even before the
 * alignment that shows it there is done. */
GBytes *
syn_comparison_save_to_bytes (SynComparison *self)
{
  GListModel *articles;
  g_autoptr(SynSaved) saved = NULL;
  g_autofree guint *order = NULL;
  g_autofree guint *new_place = NULL;
  guint n;

  g_return_val_if_fail (SYN_IS_COMPARISON (self), NULL);

  if (self->alignment == NULL)
    return NULL;
  articles = G_LIST_MODEL (self->articles);
  n = g_list_model_get_n_items (articles);
  order = g_new (guint, n + 1);
  new_place = g_new (guint, n + 1);
  syn_edits_get_order (self->edits, n, order);
  saved = syn_saved_new (self->unit);
  for (guint k = 0; k < n; k++)
    {
      g_autoptr(SynArticle) article = g_list_model_get_item (articles, order[k]);
      GFile *file = syn_article_get_file (article);
      g_autofree char *path = dup_export_path (article);
      g_autofree char *uri = file ? g_file_get_uri (file) : NULL;

      new_place[order[k]] = k;
      syn_saved_add_source (saved, syn_article_get_source (article), syn_article_get_name (article),
                            path, uri);
      if (syn_article_get_custom_name (article) != NULL)
        syn_saved_set_last_label (saved, syn_article_get_custom_name (article));
    }
  save_edits (self, saved, new_place, n);
  return syn_saved_write (saved);
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SynComparison *self = g_task_get_source_object (task);
  const guint64 *state = g_task_get_task_data (task);
  GError *error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (object), result, NULL, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  set_file (self, G_FILE (object));
  /* The file holds the corrections as they were when it was written:
   * those made while it was being written are still to save. */
  syn_edits_set_saved_state (self->edits, *state);
  set_modified (self, !syn_edits_is_saved (self->edits));
  g_task_return_boolean (task, TRUE);
}

void
syn_comparison_save_async (SynComparison       *self,
                           GFile               *file,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GBytes) bytes = NULL;
  GTask *task;

  g_return_if_fail (SYN_IS_COMPARISON (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, syn_comparison_save_async);
  g_task_set_task_data (task, g_memdup2 (&(guint64) { syn_edits_get_state (self->edits) }, sizeof (guint64)),
                        g_free);
  bytes = syn_comparison_save_to_bytes (self);
  if (bytes == NULL)
    {
      g_task_return_new_error (task, SYN_COMPARISON_ERROR, SYN_COMPARISON_ERROR_NO_TEXT,
                               _("There is nothing to save"));
      g_object_unref (task);
      return;
    }
  /* Written to a temporary file and renamed over the target: atomic. */
  g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE, G_FILE_CREATE_NONE,
                                       cancellable, saved_cb, task);
}

gboolean
syn_comparison_save_finish (SynComparison  *self,
                            GAsyncResult   *result,
                            GError        **error)
{
  g_return_val_if_fail (SYN_IS_COMPARISON (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

GFile *
syn_comparison_get_file (SynComparison *self)
{
  g_return_val_if_fail (SYN_IS_COMPARISON (self), NULL);
  return self->file;
}

/* Corrections made by hand */

static void
set_modified (SynComparison *self,
              gboolean       modified)
{
  if (self->modified == modified)
    return;
  self->modified = modified;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static void
notify_edits (SynComparison *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  g_signal_emit (self, signals[EDITS_CHANGED], 0);
}

static void
realign (SynComparison *self)
{
  if (!realign_queued (self))
    enqueue (self, op_new (self, OP_REALIGN, NULL, realign, NULL, NULL));
}

/* An edit is in place: the groups follow it (when it changed the
 * constraints) and the comparison has something to save. */
static void
edited (SynComparison *self,
        gboolean       constraints_changed)
{
  /* an undo back to the state saved or opened has nothing to save */
  set_modified (self, !syn_edits_is_saved (self->edits));
  notify_edits (self);
  if (constraints_changed)
    realign (self);
}

static const SynSegment *
current_segments (SynComparison *self,
                  guint         *n_segments)
{
  *n_segments = 0;
  return self->alignment ? syn_alignment_get_segments (self->alignment, n_segments) : NULL;
}

/* The passage as a constraint names it; FALSE when it is not one of the
 * present alignment's (a re-alignment detached it). */
static gboolean
ref_of (SynComparison *self,
        SynPassage    *passage,
        SynPassageRef *ref)
{
  const SynSegment *segs;
  guint n, seg;

  segs = current_segments (self, &n);
  if (passage == NULL || syn_passage_get_article (passage) == NULL)
    return FALSE;
  seg = _syn_passage_get_segment (passage);
  if (seg >= n || segs[seg].start != syn_passage_get_start (passage))
    return FALSE;
  ref->source = segs[seg].source;
  ref->start = segs[seg].start;
  ref->end = segs[seg].end;
  return TRUE;
}

static void
add_constraint (SynComparison     *self,
                SynConstraintKind  kind,
                SynPassage        *a,
                SynPassage        *b)
{
  SynConstraint c;
  const SynSegment *segs;
  guint n;

  c.kind = kind;
  if (!ref_of (self, a, &c.a) || !ref_of (self, b, &c.b))
    return;
  segs = current_segments (self, &n);
  syn_edits_add (self->edits, &c, segs, n);
}

/* Takes @passage out of its group: every other member of it, except those
 * of @keep (a group it is going to), gets a cannot-link. */
static void
unlink_from_group (SynComparison *self,
                   SynPassage    *passage,
                   SynGroup      *keep)
{
  SynGroup *group = syn_passage_get_group (passage);
  GListModel *members;

  if (group == NULL || group == keep)
    return;
  members = syn_group_get_passages (group);
  for (guint i = 0; i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(SynPassage) other = g_list_model_get_item (members, i);

      if (other != passage)
        add_constraint (self, SYN_CONSTRAINT_CANNOT_LINK, passage, other);
    }
}

gboolean
syn_comparison_link_passages (SynComparison *self,
                              SynPassage    *passage,
                              SynPassage    *target)
{
  SynPassageRef ra, rb;

  g_return_val_if_fail (SYN_IS_COMPARISON (self), FALSE);
  g_return_val_if_fail (SYN_IS_PASSAGE (passage) && SYN_IS_PASSAGE (target), FALSE);

  if (!ref_of (self, passage, &ra) || !ref_of (self, target, &rb) || ra.source == rb.source ||
      (syn_passage_get_group (passage) != NULL &&
       syn_passage_get_group (passage) == syn_passage_get_group (target)))
    return FALSE;
  syn_edits_checkpoint (self->edits);
  unlink_from_group (self, passage, syn_passage_get_group (target));
  add_constraint (self, SYN_CONSTRAINT_MUST_LINK, passage, target);
  edited (self, TRUE);
  return TRUE;
}

gboolean
syn_comparison_unlink_passage (SynComparison *self,
                               SynPassage    *passage)
{
  SynPassageRef ref;

  g_return_val_if_fail (SYN_IS_COMPARISON (self), FALSE);
  g_return_val_if_fail (SYN_IS_PASSAGE (passage), FALSE);

  if (!ref_of (self, passage, &ref) || syn_passage_get_group (passage) == NULL)
    return FALSE;
  syn_edits_checkpoint (self->edits);
  unlink_from_group (self, passage, NULL);
  edited (self, TRUE);
  return TRUE;
}

static guint
source_of (SynComparison *self,
           SynPassage    *passage)
{
  SynPassageRef ref = { 0 };

  ref_of (self, passage, &ref);
  return ref.source;
}

gboolean
syn_comparison_split_group (SynComparison *self,
                            SynPassage    *passage)
{
  SynGroup *group;
  GListModel *members;
  g_autoptr(GPtrArray) before = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) after = g_ptr_array_new_with_free_func (g_object_unref);
  guint at;

  g_return_val_if_fail (SYN_IS_COMPARISON (self), FALSE);
  g_return_val_if_fail (SYN_IS_PASSAGE (passage), FALSE);

  group = syn_passage_get_group (passage);
  if (group == NULL || syn_passage_get_article (passage) == NULL)
    return FALSE;
  /* the columns before the passage's stay; it and those after leave */
  at = source_of (self, passage);
  members = syn_group_get_passages (group);
  for (guint i = 0; i < g_list_model_get_n_items (members); i++)
    {
      SynPassage *p = g_list_model_get_item (members, i);

      g_ptr_array_add (source_of (self, p) < at ? before : after, p);
    }
  if (before->len == 0 || after->len == 0)
    return FALSE;

  syn_edits_checkpoint (self->edits);
  for (guint i = 0; i < after->len; i++)
    for (guint j = 0; j < before->len; j++)
      add_constraint (self, SYN_CONSTRAINT_CANNOT_LINK, after->pdata[i], before->pdata[j]);
  for (guint i = 1; i < after->len; i++)
    add_constraint (self, SYN_CONSTRAINT_MUST_LINK, after->pdata[i], after->pdata[0]);
  edited (self, TRUE);
  return TRUE;
}

gboolean
syn_comparison_merge_groups (SynComparison *self,
                             SynPassage    *a,
                             SynPassage    *b)
{
  SynPassageRef ra, rb;

  g_return_val_if_fail (SYN_IS_COMPARISON (self), FALSE);
  g_return_val_if_fail (SYN_IS_PASSAGE (a) && SYN_IS_PASSAGE (b), FALSE);

  if (!ref_of (self, a, &ra) || !ref_of (self, b, &rb) || a == b ||
      (syn_passage_get_group (a) != NULL && syn_passage_get_group (a) == syn_passage_get_group (b)))
    return FALSE;
  syn_edits_checkpoint (self->edits);
  add_constraint (self, SYN_CONSTRAINT_MUST_LINK, a, b);
  edited (self, TRUE);
  return TRUE;
}

/* The note anchored in @group, or -1. */
static gint
find_note (SynComparison *self,
           SynGroup      *group)
{
  const SynSegment *segs;
  const SynNote *notes;
  guint n_segs, n_notes;

  segs = current_segments (self, &n_segs);
  notes = syn_edits_get_notes (self->edits, &n_notes);
  for (guint i = 0; i < n_notes; i++)
    {
      gint seg = syn_align_find_passage (segs, n_segs, &notes[i].ref);

      if (seg >= 0 && segs[seg].cluster == (gint) syn_group_get_index (group))
        return (gint) i;
    }
  return -1;
}

const char *
syn_comparison_get_group_note (SynComparison *self,
                               SynGroup      *group)
{
  const SynNote *notes;
  guint n;
  gint i;

  g_return_val_if_fail (SYN_IS_COMPARISON (self), NULL);
  g_return_val_if_fail (SYN_IS_GROUP (group), NULL);

  i = find_note (self, group);
  notes = syn_edits_get_notes (self->edits, &n);
  return i >= 0 ? notes[i].text : NULL;
}

gboolean
syn_comparison_set_group_note (SynComparison *self,
                               SynGroup      *group,
                               const char    *text)
{
  g_autoptr(SynPassage) first = NULL;
  const SynSegment *segs;
  SynPassageRef ref;
  guint n;
  gint old;

  g_return_val_if_fail (SYN_IS_COMPARISON (self), FALSE);
  g_return_val_if_fail (SYN_IS_GROUP (group), FALSE);

  if (text != NULL && *text == '\0')
    text = NULL;
  if (g_strcmp0 (text, syn_comparison_get_group_note (self, group)) == 0)
    return FALSE;
  first = g_list_model_get_item (syn_group_get_passages (group), 0);
  if (first == NULL || !ref_of (self, first, &ref))
    return FALSE;

  syn_edits_checkpoint (self->edits);
  segs = current_segments (self, &n);
  /* the group's note may be anchored to another of its passages */
  while ((old = find_note (self, group)) >= 0)
    {
      const SynNote *notes = syn_edits_get_notes (self->edits, &n);
      SynPassageRef old_ref = notes[old].ref;

      segs = current_segments (self, &n);
      syn_edits_set_note (self->edits, &old_ref, NULL, segs, n);
    }
  segs = current_segments (self, &n);
  syn_edits_set_note (self->edits, &ref, text, segs, n);
  edited (self, FALSE);
  return TRUE;
}

gboolean
syn_comparison_passage_is_linked_by_hand (SynComparison *self,
                                          SynPassage    *passage)
{
  const SynSegment *segs;
  guint n, seg;

  g_return_val_if_fail (SYN_IS_COMPARISON (self), FALSE);
  g_return_val_if_fail (SYN_IS_PASSAGE (passage), FALSE);

  segs = current_segments (self, &n);
  seg = _syn_passage_get_segment (passage);
  return self->by_hand != NULL && seg < n && segs[seg].start == syn_passage_get_start (passage) &&
         syn_passage_get_article (passage) != NULL && self->by_hand[seg];
}

const SynConstraint *
syn_comparison_get_edits (SynComparison *self,
                          guint         *n_edits)
{
  g_return_val_if_fail (SYN_IS_COMPARISON (self), NULL);
  return syn_edits_get_constraints (self->edits, n_edits);
}

const SynNote *
syn_comparison_get_notes (SynComparison *self,
                          guint         *n_notes)
{
  g_return_val_if_fail (SYN_IS_COMPARISON (self), NULL);
  return syn_edits_get_notes (self->edits, n_notes);
}

gboolean
syn_comparison_get_modified (SynComparison *self)
{
  g_return_val_if_fail (SYN_IS_COMPARISON (self), FALSE);
  return self->modified;
}

gboolean
syn_comparison_can_undo (SynComparison *self)
{
  g_return_val_if_fail (SYN_IS_COMPARISON (self), FALSE);
  return syn_edits_can_undo (self->edits);
}

gboolean
syn_comparison_can_redo (SynComparison *self)
{
  g_return_val_if_fail (SYN_IS_COMPARISON (self), FALSE);
  return syn_edits_can_redo (self->edits);
}

/* Undo and redo restore a whole state; the groups are computed again only
 * when its constraints differ, or the order it puts the columns in. */
static gboolean
undo_or_redo (SynComparison *self,
              gboolean       (*step) (SynEdits *))
{
  g_autoptr(GArray) before = g_array_new (FALSE, FALSE, sizeof (SynConstraint));
  const SynConstraint *cons;
  guint n;

  cons = syn_edits_get_constraints (self->edits, &n);
  g_array_append_vals (before, cons, n);
  if (!step (self->edits))
    return FALSE;
  apply_names (self);
  cons = syn_edits_get_constraints (self->edits, &n);
  edited (self, !syn_edits_constraints_equal ((const SynConstraint *) (gpointer) before->data,
                                              before->len, cons, n) ||
                order_wanted_differs (self));
  return TRUE;
}

gboolean
syn_comparison_undo (SynComparison *self)
{
  g_return_val_if_fail (SYN_IS_COMPARISON (self), FALSE);
  return undo_or_redo (self, syn_edits_undo);
}

gboolean
syn_comparison_redo (SynComparison *self)
{
  g_return_val_if_fail (SYN_IS_COMPARISON (self), FALSE);
  return undo_or_redo (self, syn_edits_redo);
}

void
syn_comparison_mark_unsaved (SynComparison *self)
{
  g_return_if_fail (SYN_IS_COMPARISON (self));

  set_file (self, NULL);
  syn_edits_set_saved_state (self->edits, 0);
  set_modified (self, TRUE);
  notify_edits (self);
}
