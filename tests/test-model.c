/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The model without a display: loading texts and files, what the objects
 * say about each other, re-alignment, cancellation and file monitoring.
 * The alignment core improves independently, so these tests check what any
 * sound alignment of our texts gives (a sentence all three versions share
 * verbatim is one group; a sentence only one has is unique) and the
 * model's own invariants, not the core's exact choices.
 */
#define G_LOG_DOMAIN "syn-test-model"

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "syn-model.h"
#include "syn-model-private.h"
#include "syn-test-files.h"

/* Three reports of one invented event: a sentence moved, a number changed,
 * a sentence only the second has, and a share prompt under the third. */
static const char *story_names[] = { "gazette.txt", "herald.txt", "courier.txt" };
static const char *story_texts[] = {
  "Bridge Reopens After Storm Repairs\n"
  "\n"
  "RIVERTON — The Old Mill Bridge reopened to traffic on Monday morning after three weeks of repairs.\n"
  "\n"
  "Crews replaced 120 metres of railing damaged in the January storm. "
  "The mayor thanked residents for their patience. "
  "\"We rebuilt it stronger than before,\" she said.\n"
  "\n"
  "The bridge carries about 9,000 vehicles a day.\n",

  "Old Mill Bridge Open Again\n"
  "\n"
  "RIVERTON — The Old Mill Bridge reopened to traffic on Monday morning after three weeks of repairs.\n"
  "\n"
  "The mayor thanked residents for their patience. "
  "Crews replaced 150 metres of railing damaged in the January storm. "
  "\"We rebuilt it stronger than before,\" she said.\n"
  "\n"
  "The bridge carries about 9,000 vehicles a day. "
  "Local bakeries had complained about losing their morning customers during the closure.\n",

  "Repairs Finished on Old Mill Bridge\n"
  "\n"
  "The Old Mill Bridge reopened to traffic on Monday morning after three weeks of repairs.\n"
  "\n"
  "Crews replaced 120 metres of railing damaged in the January storm. "
  "\"We rebuilt it stronger than before,\" the mayor said, thanking residents for their patience.\n"
  "\n"
  "About 9,000 vehicles cross the bridge every day.\n"
  "\n"
  "Share this article\n",
};

#define TIMEOUT_S 20

static SynComparison *
new_story_comparison (void)
{
  SynComparison *comparison = syn_comparison_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (syn_comparison_load_texts (comparison, story_names, story_texts,
                                            G_N_ELEMENTS (story_texts), &error));
  g_assert_no_error (error);
  return comparison;
}

static SynArticle *
get_article (SynComparison *comparison,
             guint          i)
{
  g_autoptr(SynArticle) article = g_list_model_get_item (syn_comparison_get_articles (comparison), i);
  return article;   /* the list keeps it alive */
}

static SynPassage *
find_passage (SynArticle *article,
              const char *needle)
{
  GListModel *passages = syn_article_get_passages (article);

  for (guint i = 0; i < g_list_model_get_n_items (passages); i++)
    {
      g_autoptr(SynPassage) passage = g_list_model_get_item (passages, i);
      g_autofree char *text = syn_passage_dup_text (passage);

      if (strstr (text, needle) != NULL)
        return passage;
    }
  return NULL;
}

/* Everything the model promises about itself, whatever the alignment. */
static void
assert_consistent (SynComparison *comparison)
{
  GListModel *articles = syn_comparison_get_articles (comparison);
  GListModel *groups = syn_comparison_get_groups (comparison);
  guint n_grouped = 0, n_members = 0;

  for (guint a = 0; a < g_list_model_get_n_items (articles); a++)
    {
      g_autoptr(SynArticle) article = g_list_model_get_item (articles, a);
      GListModel *passages = syn_article_get_passages (article);
      gsize len;
      const char *text = syn_article_get_text (article, &len);
      guint n_unique = 0, n_shared = 0, n_boilerplate = 0;
      gsize previous_end = 0;

      g_assert_nonnull (syn_article_get_name (article));
      g_assert_cmpstr (syn_article_get_encoding (article), ==, "UTF-8");
      g_assert_cmpuint (g_list_model_get_n_items (passages), ==, syn_article_get_n_passages (article));

      for (guint i = 0; i < g_list_model_get_n_items (passages); i++)
        {
          g_autoptr(SynPassage) passage = g_list_model_get_item (passages, i);
          g_autofree char *passage_text = syn_passage_dup_text (passage);
          gsize start = syn_passage_get_start (passage);
          gsize end = syn_passage_get_end (passage);
          SynGroup *group = syn_passage_get_group (passage);
          const SynDivergence *divergences;
          guint n_divergences;

          g_assert_true (syn_passage_get_article (passage) == article);
          g_assert_cmpuint (syn_passage_get_index (passage), ==, i);
          g_assert_cmpuint (start, <, end);
          g_assert_cmpuint (end, <=, len);
          g_assert_cmpuint (start, >=, previous_end);
          previous_end = end;
          g_assert_cmpmem (passage_text, strlen (passage_text), text + start, end - start);

          n_unique += syn_passage_is_unique (passage);
          n_shared += group != NULL;
          n_boilerplate += syn_passage_get_kind (passage) == SYN_PASSAGE_BOILERPLATE;
          if (group != NULL)
            {
              guint n_here = 0;
              SynPassage *first = syn_group_get_passage_for_article (group, article, &n_here);

              g_assert_cmpint (syn_passage_get_kind (passage), !=, SYN_PASSAGE_BOILERPLATE);
              g_assert_nonnull (first);
              g_assert_cmpuint (n_here, >=, 1);
              g_assert_cmpuint (syn_passage_get_index (first), <=, i);
            }

          divergences = syn_passage_get_divergences (passage, &n_divergences);
          for (guint d = 0; d < n_divergences; d++)
            {
              g_autofree char *explanation = syn_passage_dup_explanation (passage, &divergences[d]);

              g_assert_nonnull (group);
              g_assert_cmpuint (divergences[d].start, >=, start);
              g_assert_cmpuint (divergences[d].end, <=, end);
              g_assert_nonnull (explanation);
              g_assert_cmpstr (explanation, !=, "");
            }
        }
      g_assert_cmpuint (n_unique, ==, syn_article_get_n_unique (article));
      g_assert_cmpuint (n_shared, ==, syn_article_get_n_shared (article));
      g_assert_cmpuint (n_boilerplate, ==, syn_article_get_n_boilerplate (article));
      n_grouped += n_shared;
    }

  for (guint g = 0; g < g_list_model_get_n_items (groups); g++)
    {
      g_autoptr(SynGroup) group = g_list_model_get_item (groups, g);
      GListModel *passages = syn_group_get_passages (group);
      g_autoptr(GHashTable) sources = g_hash_table_new (NULL, NULL);
      guint n_divergences = 0;
      guint last_article = 0;

      g_assert_cmpuint (syn_group_get_index (group), ==, g);
      g_assert_cmpuint (g_list_model_get_n_items (passages), ==, syn_group_get_n_passages (group));
      g_assert_cmpuint (syn_group_get_n_passages (group), >=, 1);
      g_assert_cmpfloat (syn_group_get_score (group), >=, 0.0);
      g_assert_cmpfloat (syn_group_get_score (group), <=, 1.0);

      for (guint i = 0; i < g_list_model_get_n_items (passages); i++)
        {
          g_autoptr(SynPassage) passage = g_list_model_get_item (passages, i);
          SynArticle *article = syn_passage_get_article (passage);
          guint position = G_MAXUINT;
          guint n_here = 0;
          SynPassage *first;

          g_assert_true (syn_passage_get_group (passage) == group);
          g_assert_true (g_list_store_find (G_LIST_STORE (articles), article, &position));
          /* Ordered by article, then by position in the article; an
           * article's passages follow its first one. */
          g_assert_cmpuint (position, >=, last_article);
          last_article = position;
          first = syn_group_get_passage_for_article (group, article, &n_here);
          g_assert_cmpuint (syn_passage_get_index (first), <=, syn_passage_get_index (passage));
          g_hash_table_add (sources, article);
          syn_passage_get_divergences (passage, &n_here);
          n_divergences += n_here;
          n_members++;
        }
      g_assert_cmpuint (syn_group_get_support (group), ==, g_hash_table_size (sources));
      g_assert_cmpuint (syn_group_get_n_divergences (group), ==, n_divergences);
      g_assert_cmpint (syn_group_is_divergent (group), ==, n_divergences > 0);
    }
  g_assert_cmpuint (n_members, ==, n_grouped);
}

static void
test_load_texts (void)
{
  g_autoptr(SynComparison) comparison = new_story_comparison ();
  GListModel *articles = syn_comparison_get_articles (comparison);
  SynPassage *opening[3];
  SynPassage *bakeries;
  SynGroup *group;

  g_assert_cmpuint (g_list_model_get_n_items (articles), ==, 3);
  g_assert_nonnull (syn_comparison_get_alignment (comparison));
  g_assert_false (syn_comparison_get_busy (comparison));
  for (guint i = 0; i < 3; i++)
    {
      SynArticle *article = get_article (comparison, i);

      g_assert_cmpstr (syn_article_get_name (article), ==, story_names[i]);
      g_assert_null (syn_article_get_file (article));
      g_assert_cmpstr (syn_article_get_text (article, NULL), ==, story_texts[i]);
      g_assert_cmpuint (syn_article_get_n_passages (article), >=, 5);
      opening[i] = find_passage (article, "reopened to traffic on Monday morning");
      g_assert_nonnull (opening[i]);
    }
  assert_consistent (comparison);

  /* The sentence all three share word for word is one group of three. */
  group = syn_passage_get_group (opening[0]);
  g_assert_nonnull (group);
  g_assert_true (syn_passage_get_group (opening[1]) == group);
  g_assert_true (syn_passage_get_group (opening[2]) == group);
  g_assert_cmpuint (syn_group_get_support (group), ==, 3);
  g_assert_true (syn_group_get_passage_for_article (group, get_article (comparison, 1), NULL) == opening[1]);

  /* Only the second version mentions the bakeries. */
  bakeries = find_passage (get_article (comparison, 1), "bakeries");
  g_assert_nonnull (bakeries);
  g_assert_null (syn_passage_get_group (bakeries));
  g_assert_true (syn_passage_is_unique (bakeries));
  g_assert_cmpuint (syn_article_get_n_unique (get_article (comparison, 1)), >=, 1);

  g_assert_finalize_object (g_steal_pointer (&comparison));
}

/* The changed number is a divergence, explained with both values. */
static void
test_number_explanation (void)
{
  g_autoptr(SynComparison) comparison = new_story_comparison ();
  SynPassage *crews = find_passage (get_article (comparison, 1), "Crews replaced 150");
  const SynDivergence *divergences;
  guint n_divergences;
  gboolean found = FALSE;
  gsize len;
  const char *text = syn_article_get_text (get_article (comparison, 1), &len);

  g_assert_nonnull (crews);
  g_assert_nonnull (syn_passage_get_group (crews));
  syn_alignment_get_divergences (syn_comparison_get_alignment (comparison), &n_divergences);
  g_assert_cmpuint (n_divergences, >, 0);
  g_assert_true (syn_group_is_divergent (syn_passage_get_group (crews)));

  divergences = syn_passage_get_divergences (crews, &n_divergences);
  for (guint i = 0; i < n_divergences; i++)
    {
      const SynDivergence *d = &divergences[i];
      g_autofree char *explanation = syn_passage_dup_explanation (crews, d);
      SynPassage *counterpart = syn_passage_get_counterpart (crews, d);

      if (d->kind != SYN_DIVERGENCE_NUMBER)
        continue;
      found = TRUE;
      g_assert_nonnull (g_strstr_len (text + d->start, d->end - d->start, "150"));
      g_assert_nonnull (counterpart);
      g_assert_true (syn_passage_get_group (counterpart) == syn_passage_get_group (crews));
      g_assert_true (syn_passage_get_article (counterpart) != get_article (comparison, 1));
      g_test_message ("explanation: %s", explanation);
      g_assert_nonnull (strstr (explanation, "150"));
      g_assert_nonnull (strstr (explanation, "120"));
      g_assert_nonnull (strstr (explanation, "2 other sources"));
    }
  g_assert_true (found);

  g_assert_finalize_object (g_steal_pointer (&comparison));
}

/* Each group is classified by what a reader cares about. */
static void
test_group_categories (void)
{
  static const char *names[] = { "north.txt", "south.txt" };
  static const char *texts[] = {
    "The council approved the new budget for the harbour district.\n\n"
    "Officials said the dredging work would finish before the autumn fishing season.\n\n"
    "The new school will open in the spring.\n\n"
    "The assembly hall seats 300 people.\n\n"
    "The final vote took place on Thursday after a long debate.\n\n"
    "The ferry to the island was cancelled because of the storm.\n\n"
    "The harbour master said the old pier would be rebuilt over two summers by a team of divers "
    "and engineers from the coast guard, who had surveyed it in March.\n",
    "The council approved the new budget for the harbour district.\n\n"
    "Officials said the dredging work would be completed before the autumn fishing season.\n\n"
    "The new school will open in the spring, with room for four hundred pupils from the northern villages.\n\n"
    "The assembly hall seats 350 people.\n\n"
    "The final vote took place on Friday after a long debate.\n\n"
    "The island ferry did not sail at all because of the storm, the operator told passengers.\n\n"
    "The harbour master said the old pier would be rebuilt over two summers by a team of divers "
    "and engineers from the coast guard, who had surveyed it in March and found its oak beams badly rotten "
    "below the waterline.\n",
  };
  static const struct { const char *needle; SynGroupCategory category; } expected[] = {
    { "council approved", SYN_GROUP_SAME },
    { "dredging work", SYN_GROUP_REWORDED },
    { "new school", SYN_GROUP_EXTRA },
    { "hall seats", SYN_GROUP_CONFLICT },
    { "final vote", SYN_GROUP_CONFLICT },
    /* freely reworded: half its words are new, but no piece of news */
    { "ferry", SYN_GROUP_REWORDED },
    /* a clause added to a long sentence: news, though a small part of it */
    { "harbour master", SYN_GROUP_EXTRA },
  };
  g_autoptr(SynComparison) comparison = syn_comparison_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (syn_comparison_load_texts (comparison, names, texts, G_N_ELEMENTS (texts), &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      SynPassage *passage = find_passage (get_article (comparison, 0), expected[i].needle);
      SynGroup *group;

      g_assert_nonnull (passage);
      group = syn_passage_get_group (passage);
      g_assert_nonnull (group);
      g_test_message ("%s: %d", expected[i].needle, syn_group_get_category (group));
      g_assert_cmpint (syn_group_get_category (group), ==, expected[i].category);
    }
  /* the weekday is explained like a number, with the other day */
  {
    SynPassage *vote = find_passage (get_article (comparison, 1), "final vote");
    const SynDivergence *divergences;
    guint n;
    gboolean found = FALSE;

    divergences = syn_passage_get_divergences (vote, &n);
    for (guint d = 0; d < n; d++)
      {
        g_autofree char *explanation = syn_passage_dup_explanation (vote, &divergences[d]);

        if (divergences[d].kind != SYN_DIVERGENCE_NUMBER)
          continue;
        found = TRUE;
        g_test_message ("explanation: %s", explanation);
        g_assert_nonnull (strstr (explanation, "Friday here"));
        g_assert_nonnull (strstr (explanation, "Thursday"));
      }
    g_assert_true (found);
  }
  g_assert_finalize_object (g_steal_pointer (&comparison));
}

typedef struct {
  guint position;
  guint removed;
  guint added;
  guint count;
} ItemsChanged;

static void
items_changed_cb (GListModel   *model,
                  guint         position,
                  guint         removed,
                  guint         added,
                  ItemsChanged *record)
{
  record->position = position;
  record->removed = removed;
  record->added = added;
  record->count++;
}

static void
count_cb (gpointer  instance,
          guint    *count)
{
  (*count)++;
}

static void
notify_count_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
set_flag_cb (gpointer  instance,
             gboolean *flag)
{
  *flag = TRUE;
}

static void
test_reload_texts (void)
{
  g_autoptr(SynComparison) comparison = syn_comparison_new ();
  ItemsChanged articles_changed = { 0 }, groups_changed = { 0 };
  g_autoptr(GError) error = NULL;
  guint n_aligned = 0;
  SynArticle *old_article;
  g_autoptr(SynPassage) old_passage = NULL;
  guint n_groups;

  g_signal_connect (syn_comparison_get_articles (comparison), "items-changed",
                    G_CALLBACK (items_changed_cb), &articles_changed);
  g_signal_connect (syn_comparison_get_groups (comparison), "items-changed",
                    G_CALLBACK (items_changed_cb), &groups_changed);
  g_signal_connect (comparison, "aligned", G_CALLBACK (count_cb), &n_aligned);

  g_assert_true (syn_comparison_load_texts (comparison, story_names, story_texts, 3, &error));
  g_assert_cmpuint (articles_changed.count, ==, 1);
  g_assert_cmpuint (articles_changed.position, ==, 0);
  g_assert_cmpuint (articles_changed.removed, ==, 0);
  g_assert_cmpuint (articles_changed.added, ==, 3);
  n_groups = g_list_model_get_n_items (syn_comparison_get_groups (comparison));
  g_assert_cmpuint (n_groups, >, 0);
  g_assert_cmpuint (groups_changed.count, ==, 1);
  g_assert_cmpuint (groups_changed.added, ==, n_groups);
  g_assert_cmpuint (n_aligned, ==, 1);

  old_article = get_article (comparison, 0);
  g_object_add_weak_pointer (G_OBJECT (old_article), (gpointer *) &old_article);
  old_passage = g_list_model_get_item (syn_article_get_passages (old_article), 0);

  g_assert_true (syn_comparison_load_texts (comparison, story_names + 1, story_texts + 1, 2, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (articles_changed.count, ==, 2);
  g_assert_cmpuint (articles_changed.position, ==, 0);
  g_assert_cmpuint (articles_changed.removed, ==, 3);
  g_assert_cmpuint (articles_changed.added, ==, 2);
  g_assert_cmpuint (groups_changed.count, ==, 2);
  g_assert_cmpuint (groups_changed.removed, ==, n_groups);
  g_assert_cmpuint (n_aligned, ==, 2);
  assert_consistent (comparison);

  /* The replaced article is gone, and a passage someone kept is detached. */
  g_assert_null (old_article);
  g_assert_null (syn_passage_get_article (old_passage));
  g_assert_null (syn_passage_get_group (old_passage));

  /* Text that is not text is refused, and nothing changes. */
  {
    const char *names[] = { "nul.txt" };
    const char *texts[] = { "\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f\x10\x11 binary" };

    g_assert_false (syn_comparison_load_texts (comparison, names, texts, 1, &error));
    g_assert_nonnull (error);
    g_assert_nonnull (strstr (error->message, "nul.txt"));
    g_clear_error (&error);
    g_assert_cmpuint (g_list_model_get_n_items (syn_comparison_get_articles (comparison)), ==, 2);
  }

  g_assert_finalize_object (g_steal_pointer (&comparison));
}

/* Files on disk */

typedef struct {
  char  *dir;
  GFile *files[4];
} Fixture;

static GFile *
write_file (Fixture    *fixture,
            const char *name,
            const char *data,
            gssize      len)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, data, len, &error));
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  static const char binary[] = "%PDF-1.4\n\0\0\0\x01\x02\x03 binary \0 stream";
  g_autofree char *missing = NULL;

  fixture->dir = syn_test_make_dir ("syn-test-model-XXXXXX");
  fixture->files[0] = write_file (fixture, story_names[0], story_texts[0], -1);
  fixture->files[1] = write_file (fixture, "report.pdf", binary, sizeof binary - 1);
  missing = g_build_filename (fixture->dir, "missing.txt", NULL);
  fixture->files[2] = g_file_new_for_path (missing);
  fixture->files[3] = write_file (fixture, story_names[1], story_texts[1], -1);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  syn_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  for (guint i = 0; i < G_N_ELEMENTS (fixture->files); i++)
    g_clear_object (&fixture->files[i]);
}

static gboolean
timeout_cb (gpointer data)
{
  g_error ("Timed out");
  return G_SOURCE_REMOVE;
}

static void
result_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  GAsyncResult **out = data;

  *out = g_object_ref (result);
}

/* Iterates the main context until *@done is set. */
static void
run_until (gpointer *done)
{
  guint timeout_id = g_timeout_add_seconds (TIMEOUT_S, timeout_cb, NULL);

  while (*done == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timeout_id);
}

static void
run_until_flag (gboolean *flag)
{
  guint timeout_id = g_timeout_add_seconds (TIMEOUT_S, timeout_cb, NULL);

  while (!*flag)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timeout_id);
}

static gboolean
failures_name (GPtrArray  *failures,
               const char *name)
{
  for (guint i = 0; i < failures->len; i++)
    if (strstr (((GError *) g_ptr_array_index (failures, i))->message, name) != NULL)
      return TRUE;
  return FALSE;
}

static void
test_load_files (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(SynComparison) comparison = syn_comparison_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) failures = NULL;
  g_autoptr(GError) error = NULL;
  ItemsChanged changed = { 0 };
  guint n_progress = 0;

  g_signal_connect (syn_comparison_get_articles (comparison), "items-changed",
                    G_CALLBACK (items_changed_cb), &changed);
  g_signal_connect (comparison, "notify::progress", G_CALLBACK (notify_count_cb), &n_progress);

  syn_comparison_load_async (comparison, fixture->files, 4, NULL, result_cb, &result);
  g_assert_true (syn_comparison_get_busy (comparison));
  /* Nothing changes until the operation completes. */
  g_assert_cmpuint (g_list_model_get_n_items (syn_comparison_get_articles (comparison)), ==, 0);
  run_until ((gpointer *) &result);

  g_assert_true (syn_comparison_load_finish (comparison, result, &failures, &error));
  g_assert_no_error (error);
  g_assert_false (syn_comparison_get_busy (comparison));
  g_assert_cmpfloat (syn_comparison_get_progress (comparison), ==, 1.0);
  g_assert_cmpuint (n_progress, >=, 1);

  /* The readable ones open, in order; each bad one is named. */
  g_assert_cmpuint (changed.count, ==, 1);
  g_assert_cmpuint (changed.added, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (syn_comparison_get_articles (comparison)), ==, 2);
  g_assert_true (g_file_equal (syn_article_get_file (get_article (comparison, 0)), fixture->files[0]));
  g_assert_true (g_file_equal (syn_article_get_file (get_article (comparison, 1)), fixture->files[3]));
  g_assert_cmpstr (syn_article_get_name (get_article (comparison, 0)), ==, story_names[0]);
  g_assert_cmpstr (syn_article_get_text (get_article (comparison, 1), NULL), ==, story_texts[1]);
  g_assert_cmpuint (failures->len, ==, 2);
  g_assert_true (failures_name (failures, "report.pdf"));
  g_assert_true (failures_name (failures, "missing.txt"));
  assert_consistent (comparison);

  /* The export names the files as they are on disk. */
  {
    g_autoptr(GString) json = syn_comparison_export (comparison, SYN_EXPORT_JSON);
    g_autofree char *path = g_file_get_path (fixture->files[3]);

    g_assert_nonnull (json);
    g_assert_nonnull (strstr (json->str, "\"synopsis-comparison\""));
    g_assert_nonnull (strstr (json->str, path));
    g_assert_null (strstr (json->str, "report.pdf"));
  }

  g_clear_object (&result);
  g_assert_finalize_object (g_steal_pointer (&comparison));
}

static void
test_load_nothing_readable (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(SynComparison) comparison = new_story_comparison ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) failures = NULL;
  g_autoptr(GError) error = NULL;

  syn_comparison_load_async (comparison, fixture->files + 1, 2, NULL, result_cb, &result);
  run_until ((gpointer *) &result);

  g_assert_false (syn_comparison_load_finish (comparison, result, &failures, &error));
  g_assert_error (error, SYN_COMPARISON_ERROR, SYN_COMPARISON_ERROR_NO_TEXT);
  g_assert_cmpuint (failures->len, ==, 2);
  /* What was open stays open. */
  g_assert_cmpuint (g_list_model_get_n_items (syn_comparison_get_articles (comparison)), ==, 3);

  g_clear_object (&result);
  g_assert_finalize_object (g_steal_pointer (&comparison));
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(SynComparison) comparison = new_story_comparison ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  ItemsChanged changed = { 0 };

  g_signal_connect (syn_comparison_get_articles (comparison), "items-changed",
                    G_CALLBACK (items_changed_cb), &changed);

  syn_comparison_load_async (comparison, fixture->files, 4, cancellable, result_cb, &result);
  g_cancellable_cancel (cancellable);
  run_until ((gpointer *) &result);

  g_assert_false (syn_comparison_load_finish (comparison, result, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (syn_comparison_get_busy (comparison));
  g_assert_cmpuint (changed.count, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (syn_comparison_get_articles (comparison)), ==, 3);

  g_clear_object (&result);
  g_assert_finalize_object (g_steal_pointer (&comparison));
}

typedef struct {
  GCancellable *cancellable;
  double        last;
  guint         count;
} ProgressRecord;

static void
cancel_on_progress_cb (SynComparison  *comparison,
                       GParamSpec     *pspec,
                       ProgressRecord *record)
{
  double progress = syn_comparison_get_progress (comparison);

  g_assert_cmpfloat (progress, >=, record->last);
  record->last = progress;
  record->count++;
  g_cancellable_cancel (record->cancellable);
}

/* Cancelled while it reads and aligns a large input: it stops, reports no
 * failure, and leaves the comparison as it was. */
static void
test_cancel_while_aligning (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(SynComparison) comparison = new_story_comparison ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) failures = NULL;
  g_autoptr(GError) error = NULL;
  GFile *files[4];
  ProgressRecord record = { cancellable, 0.0, 0 };

  for (guint f = 0; f < G_N_ELEMENTS (files); f++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autofree char *name = g_strdup_printf ("large-%u.txt", f);

      for (guint i = 0; i < 6000; i++)
        g_string_append_printf (text, "Inspectors counted %u rivets on span %u of the bridge%s. ",
                                i * 13 + f, i, i % 4 == f ? " yesterday" : "");
      files[f] = write_file (fixture, name, text->str, text->len);
    }
  g_signal_connect (comparison, "notify::progress", G_CALLBACK (cancel_on_progress_cb), &record);

  syn_comparison_load_async (comparison, files, G_N_ELEMENTS (files), cancellable, result_cb, &result);
  run_until ((gpointer *) &result);

  g_assert_false (syn_comparison_load_finish (comparison, result, &failures, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (failures->len, ==, 0);
  g_assert_cmpuint (record.count, >=, 1);
  g_assert_false (syn_comparison_get_busy (comparison));
  g_assert_cmpuint (g_list_model_get_n_items (syn_comparison_get_articles (comparison)), ==, 3);
  g_assert_null (syn_article_get_file (get_article (comparison, 0)));

  for (guint f = 0; f < G_N_ELEMENTS (files); f++)
    g_object_unref (files[f]);
  g_clear_object (&result);
  g_assert_finalize_object (g_steal_pointer (&comparison));
}

/* A later load replaces an earlier one still under way, and
 * load_texts replaces both. */
static void
test_supersede (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(SynComparison) comparison = syn_comparison_new ();
  g_autoptr(GAsyncResult) first = NULL;
  g_autoptr(GAsyncResult) second = NULL;
  g_autoptr(GError) error = NULL;

  syn_comparison_load_async (comparison, fixture->files, 1, NULL, result_cb, &first);
  syn_comparison_load_async (comparison, fixture->files + 3, 1, NULL, result_cb, &second);
  g_assert_true (syn_comparison_load_texts (comparison, story_names, story_texts, 3, &error));
  g_assert_no_error (error);
  run_until ((gpointer *) &first);
  run_until ((gpointer *) &second);

  g_assert_false (syn_comparison_load_finish (comparison, first, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_false (syn_comparison_load_finish (comparison, second, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (g_list_model_get_n_items (syn_comparison_get_articles (comparison)), ==, 3);
  g_assert_null (syn_article_get_file (get_article (comparison, 0)));

  g_clear_object (&first);
  g_clear_object (&second);
  g_assert_finalize_object (g_steal_pointer (&comparison));
}

/* A source moved to another column: the same articles (with the names
 * given) in the new order, and the same groups. */
static void
test_move (void)
{
  g_autoptr(SynComparison) comparison = new_story_comparison ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  SynArticle *gazette = get_article (comparison, 0);
  SynArticle *herald = get_article (comparison, 1);
  SynArticle *courier = get_article (comparison, 2);
  guint n_groups = g_list_model_get_n_items (syn_comparison_get_groups (comparison));

  syn_article_set_custom_name (courier, "The Courier");
  syn_comparison_move_article_async (comparison, courier, 0, NULL, result_cb, &result);
  run_until ((gpointer *) &result);
  g_assert_true (syn_comparison_move_article_finish (comparison, result, &error));
  g_assert_no_error (error);
  g_assert_true (get_article (comparison, 0) == courier);
  g_assert_true (get_article (comparison, 1) == gazette);
  g_assert_true (get_article (comparison, 2) == herald);
  g_assert_cmpstr (syn_article_get_label (courier), ==, "The Courier");
  g_assert_cmpuint (g_list_model_get_n_items (syn_comparison_get_groups (comparison)), ==, n_groups);
  assert_consistent (comparison);
  g_clear_object (&result);

  /* and back to the end */
  syn_comparison_move_article_async (comparison, courier, 5, NULL, result_cb, &result);
  run_until ((gpointer *) &result);
  g_assert_true (syn_comparison_move_article_finish (comparison, result, &error));
  g_assert_true (get_article (comparison, 2) == courier);
  g_assert_true (get_article (comparison, 0) == gazette);
  assert_consistent (comparison);
  g_clear_object (&result);
  g_assert_finalize_object (g_steal_pointer (&comparison));
}

static void
test_add_remove (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(SynComparison) comparison = syn_comparison_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) failures = NULL;
  g_autoptr(GError) error = NULL;
  ItemsChanged changed = { 0 };
  SynArticle *first, *second;
  GFile *add[] = { fixture->files[3], fixture->files[2] };

  g_assert_true (syn_comparison_load_texts (comparison, story_names, story_texts, 2, &error));
  first = get_article (comparison, 0);
  second = get_article (comparison, 1);
  g_signal_connect (syn_comparison_get_articles (comparison), "items-changed",
                    G_CALLBACK (items_changed_cb), &changed);

  /* Adding reports one insertion at the end; the articles that stay are
   * the same objects, with new passages. */
  syn_comparison_add_files_async (comparison, add, G_N_ELEMENTS (add), NULL, result_cb, &result);
  run_until ((gpointer *) &result);
  g_assert_true (syn_comparison_add_files_finish (comparison, result, &failures, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (failures->len, ==, 1);
  g_assert_true (failures_name (failures, "missing.txt"));
  g_assert_cmpuint (changed.count, ==, 1);
  g_assert_cmpuint (changed.position, ==, 2);
  g_assert_cmpuint (changed.removed, ==, 0);
  g_assert_cmpuint (changed.added, ==, 1);
  g_assert_true (get_article (comparison, 0) == first);
  g_assert_true (get_article (comparison, 1) == second);
  g_assert_cmpstr (syn_article_get_name (get_article (comparison, 2)), ==, story_names[1]);
  assert_consistent (comparison);
  g_clear_object (&result);

  /* Removing reports one removal where it was. */
  g_object_ref (first);
  syn_comparison_remove_article_async (comparison, first, NULL, result_cb, &result);
  run_until ((gpointer *) &result);
  g_assert_true (syn_comparison_remove_article_finish (comparison, result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed.count, ==, 2);
  g_assert_cmpuint (changed.position, ==, 0);
  g_assert_cmpuint (changed.removed, ==, 1);
  g_assert_cmpuint (changed.added, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (syn_comparison_get_articles (comparison)), ==, 2);
  g_assert_cmpuint (syn_article_get_n_passages (first), ==, 0);
  g_clear_object (&result);
  g_assert_finalize_object (first);
  assert_consistent (comparison);

  g_clear_object (&result);
  g_assert_finalize_object (g_steal_pointer (&comparison));
}

static void
test_segment_unit (void)
{
  g_autoptr(SynComparison) comparison = new_story_comparison ();
  SynArticle *article = get_article (comparison, 0);
  guint n_sentences = syn_article_get_n_passages (article);
  gboolean aligned = FALSE;
  SynSegmentUnit unit;

  g_signal_connect (comparison, "aligned", G_CALLBACK (set_flag_cb), &aligned);

  g_object_set (comparison, "segment-unit", SYN_SEGMENT_PARAGRAPH, NULL);
  g_object_get (comparison, "segment-unit", &unit, NULL);
  g_assert_cmpint (unit, ==, SYN_SEGMENT_PARAGRAPH);
  g_assert_true (syn_comparison_get_busy (comparison));
  run_until_flag (&aligned);

  g_assert_false (syn_comparison_get_busy (comparison));
  g_assert_true (get_article (comparison, 0) == article);
  g_assert_cmpuint (syn_alignment_get_unit (syn_comparison_get_alignment (comparison)), ==, SYN_SEGMENT_PARAGRAPH);
  g_assert_cmpuint (syn_article_get_n_passages (article), <, n_sentences);
  assert_consistent (comparison);

  g_assert_finalize_object (g_steal_pointer (&comparison));
}

/* The file monitor: a change offers a reload, a deletion keeps the text. */

static void
article_changed_cb (SynComparison  *comparison,
                    SynArticle     *article,
                    SynArticle    **out)
{
  *out = article;
}

static void
test_monitor (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(SynComparison) comparison = syn_comparison_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) failures = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (fixture->files[0]);
  GFile *files[] = { fixture->files[0], fixture->files[3] };
  SynArticle *changed = NULL;
  SynArticle *article;
  const char *edited = "Bridge Reopens\n\nThe Old Mill Bridge reopened on Tuesday.\n";

  syn_comparison_load_async (comparison, files, 2, NULL, result_cb, &result);
  run_until ((gpointer *) &result);
  g_assert_true (syn_comparison_load_finish (comparison, result, NULL, &error));
  g_clear_object (&result);
  article = get_article (comparison, 0);
  g_signal_connect (comparison, "article-changed", G_CALLBACK (article_changed_cb), &changed);

  g_assert_true (g_file_set_contents (path, edited, -1, &error));
  run_until ((gpointer *) &changed);
  g_assert_true (changed == article);
  g_assert_true (syn_article_get_file_changed (article));
  g_assert_false (syn_article_get_file_missing (article));
  g_assert_cmpstr (syn_article_get_text (article, NULL), ==, story_texts[0]);

  /* Reload every article whose file changed. */
  syn_comparison_reload_async (comparison, NULL, NULL, result_cb, &result);
  run_until ((gpointer *) &result);
  g_assert_true (syn_comparison_reload_finish (comparison, result, &failures, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (failures->len, ==, 0);
  g_clear_pointer (&failures, g_ptr_array_unref);
  g_clear_object (&result);
  g_assert_true (get_article (comparison, 0) == article);
  g_assert_cmpstr (syn_article_get_text (article, NULL), ==, edited);
  g_assert_false (syn_article_get_file_changed (article));
  assert_consistent (comparison);

  /* Deleted while open: the article stays, with its text. */
  changed = NULL;
  g_assert_cmpint (g_unlink (path), ==, 0);
  run_until ((gpointer *) &changed);
  g_assert_true (changed == article);
  g_assert_true (syn_article_get_file_missing (article));
  g_assert_cmpstr (syn_article_get_text (article, NULL), ==, edited);

  syn_comparison_reload_async (comparison, article, NULL, result_cb, &result);
  run_until ((gpointer *) &result);
  g_assert_false (syn_comparison_reload_finish (comparison, result, &failures, &error));
  g_assert_error (error, SYN_COMPARISON_ERROR, SYN_COMPARISON_ERROR_NO_TEXT);
  g_assert_cmpuint (failures->len, ==, 1);
  g_assert_true (failures_name (failures, story_names[0]));
  g_assert_cmpuint (g_list_model_get_n_items (syn_comparison_get_articles (comparison)), ==, 2);
  g_assert_cmpstr (syn_article_get_text (article, NULL), ==, edited);

  g_clear_object (&result);
  g_assert_finalize_object (g_steal_pointer (&comparison));
}

/* Many sources: every passage object is made, and the invariants hold. */
static void
test_many_sources (void)
{
  enum { N_SOURCES = 20, N_SENTENCES = 120 };
  static const char *subjects[] = { "The council", "A spokesperson", "The engineer", "Residents", "The contractor" };
  static const char *verbs[] = { "approved", "questioned", "reviewed", "praised", "delayed" };
  static const char *objects[] = { "the budget", "the new timetable", "the survey", "the design", "the final report" };
  g_autoptr(SynComparison) comparison = syn_comparison_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  guint total = 0;

  for (guint s = 0; s < N_SOURCES; s++)
    {
      GString *text = g_string_new (NULL);

      for (guint i = 0; i < N_SENTENCES; i++)
        {
          /* Every source tells sentence i; some skip or reword a few. */
          if ((i + s) % 17 == 0)
            continue;
          g_string_append_printf (text, "%s %s %s on day %u of project %u%s. ",
                                  subjects[i % 5], verbs[(i / 5) % 5], objects[(i / 25) % 5],
                                  i, i * 7 + 3, (i + s) % 11 == 0 ? " after a long debate" : "");
          if (i % 6 == 5)
            g_string_append (text, "\n\n");
        }
      g_ptr_array_add (names, g_strdup_printf ("source-%02u.txt", s));
      g_ptr_array_add (texts, g_string_free (text, FALSE));
    }

  g_assert_true (syn_comparison_load_texts (comparison, (const char * const *) names->pdata,
                                            (const char * const *) texts->pdata, N_SOURCES, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (syn_comparison_get_articles (comparison)), ==, N_SOURCES);
  for (guint s = 0; s < N_SOURCES; s++)
    total += syn_article_get_n_passages (get_article (comparison, s));
  g_assert_cmpuint (total, >, N_SOURCES * N_SENTENCES / 2);
  g_assert_cmpuint (g_list_model_get_n_items (syn_comparison_get_groups (comparison)), >, 0);
  assert_consistent (comparison);

  g_assert_finalize_object (g_steal_pointer (&comparison));
}

/* The explanation's wording, independent of what the core finds. */
static void
test_explanations (void)
{
  struct {
    SynDivergenceKind kind;
    const char *here, *other, *other_name;
    guint agreeing, others;
    const char *expected;
  } cases[] = {
    { SYN_DIVERGENCE_NUMBER, "Jan. 12", "Jan. 10", "b.txt", 3, 4, "Jan. 12 here; Jan. 10 in 3 other sources" },
    { SYN_DIVERGENCE_NUMBER, "120", "150", "b.txt", 1, 2, "120 here; 150 in 1 other source" },
    { SYN_DIVERGENCE_NUMBER, "120", "150", NULL, 0, 2, "120 here; 150 in 1 other source" },
    { SYN_DIVERGENCE_NUMBER, "120", NULL, NULL, 0, 2, "A different number in another source" },
    { SYN_DIVERGENCE_QUOTE, "a fine day", "a good day", "b.txt", 2, 2, "Quoted as “a fine day” here; “a good day” in 2 other sources" },
    { SYN_DIVERGENCE_CHANGED, "rebuilt", "repaired", "herald.txt", 1, 2, "“rebuilt” here; “repaired” in herald.txt" },
    { SYN_DIVERGENCE_CHANGED, "rebuilt", NULL, "herald.txt", 1, 2, "Worded differently in herald.txt" },
    { SYN_DIVERGENCE_ADDED, "on Monday", NULL, NULL, 0, 1, "Missing from 1 other source" },
    { SYN_DIVERGENCE_ADDED, "on Monday", NULL, NULL, 0, 4, "Missing from 4 other sources" },
    { SYN_DIVERGENCE_ADDED, "on Monday", NULL, NULL, 0, 0, "Found in no other source" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = _syn_explain_divergence (cases[i].kind, cases[i].here, cases[i].other,
                                                       cases[i].other_name, cases[i].agreeing,
                                                       cases[i].others);
      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

static void
test_enums (void)
{
  g_autoptr(GEnumClass) units = g_type_class_ref (SYN_TYPE_SEGMENT_UNIT);
  g_autoptr(GEnumClass) kinds = g_type_class_ref (SYN_TYPE_PASSAGE_KIND);
  g_autoptr(GEnumClass) divergences = g_type_class_ref (SYN_TYPE_DIVERGENCE_KIND);

  /* The nicks are the core's strings, which settings and exports use. */
  for (guint i = 0; i < units->n_values; i++)
    g_assert_cmpstr (units->values[i].value_nick, ==, syn_segment_unit_to_string (units->values[i].value));
  for (guint i = 0; i < kinds->n_values; i++)
    g_assert_cmpstr (kinds->values[i].value_nick, ==, syn_passage_kind_to_string (kinds->values[i].value));
  for (guint i = 0; i < divergences->n_values; i++)
    g_assert_cmpstr (divergences->values[i].value_nick, ==, syn_divergence_kind_to_string (divergences->values[i].value));
  g_assert_cmpuint (units->n_values, ==, 3);
  g_assert_cmpuint (kinds->n_values, ==, 3);
  g_assert_cmpuint (divergences->n_values, ==, 4);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/enums", test_enums);
  g_test_add_func ("/model/comparison/load-texts", test_load_texts);
  g_test_add_func ("/model/comparison/reload-texts", test_reload_texts);
  g_test_add_func ("/model/comparison/segment-unit", test_segment_unit);
  g_test_add_func ("/model/comparison/many-sources", test_many_sources);
  g_test_add_func ("/model/passage/number-explanation", test_number_explanation);
  g_test_add_func ("/model/passage/explanations", test_explanations);
  g_test_add_func ("/model/group/categories", test_group_categories);
  g_test_add_func ("/model/comparison/move", test_move);
  g_test_add ("/model/comparison/load-files", Fixture, NULL, fixture_set_up, test_load_files, fixture_tear_down);
  g_test_add ("/model/comparison/load-nothing-readable", Fixture, NULL, fixture_set_up, test_load_nothing_readable, fixture_tear_down);
  g_test_add ("/model/comparison/cancel", Fixture, NULL, fixture_set_up, test_cancel, fixture_tear_down);
  g_test_add ("/model/comparison/cancel-while-aligning", Fixture, NULL, fixture_set_up, test_cancel_while_aligning, fixture_tear_down);
  g_test_add ("/model/comparison/supersede", Fixture, NULL, fixture_set_up, test_supersede, fixture_tear_down);
  g_test_add ("/model/comparison/add-remove", Fixture, NULL, fixture_set_up, test_add_remove, fixture_tear_down);
  g_test_add ("/model/comparison/monitor", Fixture, NULL, fixture_set_up, test_monitor, fixture_tear_down);

  return g_test_run ();
}
