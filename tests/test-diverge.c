/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Word-level divergences inside one group of passages, on versions of
 * sentences written for these tests: what must be marked (added, changed,
 * number and quotation conflicts) and what must not (case, punctuation,
 * spelling variants, number formats, moved words).
 */
#define G_LOG_DOMAIN "syn-test"

#include "config.h"

#include <string.h>

#include "syn-diverge.h"

typedef struct {
  guint          n_sources;
  SynSourceText  sources[48];
  GArray        *segments;     /* SynSegment */
  GArray        *clusters;     /* SynCluster */
  GArray        *divergences;  /* SynDivergence */
} Group;

static void
cluster_clear (gpointer data)
{
  g_free (((SynCluster *) data)->segments);
}

/* One group holding every passage of every source; a source's passages
 * are its lines. */
static Group *
group_new (const char * const *texts)
{
  Group *g = g_new0 (Group, 1);
  SynCluster cluster = { NULL, 0, 0, 1.0 };

  g->segments = g_array_new (FALSE, FALSE, sizeof (SynSegment));
  g->clusters = g_array_new (FALSE, TRUE, sizeof (SynCluster));
  g_array_set_clear_func (g->clusters, cluster_clear);
  for (guint s = 0; texts[s] != NULL; s++)
    {
      const char *text = texts[s];
      gsize len = strlen (text), i = 0;

      g_assert_cmpuint (s, <, G_N_ELEMENTS (g->sources));
      g->sources[s].text = text;
      g->sources[s].len = len;
      g->n_sources++;
      while (i < len)
        {
          gsize e = i;
          SynSegment seg = { s, i, 0, SYN_PASSAGE_BODY, 0 };

          while (e < len && text[e] != '\n')
            e++;
          seg.end = e;
          g_array_append_val (g->segments, seg);
          i = e + 1;
        }
    }
  cluster.n_segments = g->segments->len;
  cluster.support = g->n_sources;
  cluster.segments = g_new (guint, cluster.n_segments);
  for (guint k = 0; k < cluster.n_segments; k++)
    cluster.segments[k] = k;
  g_array_append_val (g->clusters, cluster);
  g->divergences = syn_diverge (g->sources, g->n_sources, g->segments, g->clusters);
  return g;
}

static void
group_free (Group *g)
{
  g_array_unref (g->segments);
  g_array_unref (g->clusters);
  g_array_unref (g->divergences);
  g_free (g);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Group, group_free)

static const SynDivergence *
divergence (const Group *g,
            guint        i)
{
  g_assert_cmpuint (i, <, g->divergences->len);
  return &g_array_index (g->divergences, SynDivergence, i);
}

static char *
span_text (const Group *g,
           guint        segment,
           gsize        start,
           gsize        end)
{
  const SynSegment *seg = &g_array_index (g->segments, SynSegment, segment);
  return g_strndup (g->sources[seg->source].text + start, end - start);
}

/* The divergences as "source:kind:text" lines, with the counterpart's
 * text after "=" for the kinds that have one. */
static char *
describe (const Group *g)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g->divergences->len; i++)
    {
      const SynDivergence *d = divergence (g, i);
      const SynSegment *seg = &g_array_index (g->segments, SynSegment, d->segment);
      g_autofree char *text = span_text (g, d->segment, d->start, d->end);

      g_string_append_printf (out, "%u:%s:%s", seg->source,
                              syn_divergence_kind_to_string (d->kind), text);
      if (d->kind == SYN_DIVERGENCE_NUMBER || d->kind == SYN_DIVERGENCE_QUOTE)
        {
          g_autofree char *other = span_text (g, (guint) d->counterpart, d->other_start, d->other_end);
          g_string_append_printf (out, "=%s/%u", other, d->agreeing);
        }
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

static void
assert_divergences (const char * const *texts,
                    const char         *expected)
{
  g_autoptr(Group) g = group_new (texts);
  g_autofree char *got = describe (g);

  g_assert_cmpstr (got, ==, expected);
}

static void
test_identical (void)
{
  const char *texts[] = {
    "The minister resigned on Friday.",
    "The minister resigned on Friday.",
    "The minister resigned on Friday.",
    NULL,
  };
  assert_divergences (texts, "");
}

/* Case, punctuation, spelling variants and number formats are no
 * divergence; nor is a word that only moved. */
static void
test_no_divergence (void)
{
  const char *formats[] = {
    "The organisation said on Jan. 10 that 100,000 people had left towards the border.",
    "the Organization said, on January 10, that 100000 people had left toward the border",
    NULL,
  };
  const char *quotes[] = {
    "Mr Biden said “we are ready” after the call.",
    "Biden said \"We are ready\" after the call.",
    NULL,
  };
  const char *moved[] = {
    "Biden said on Thursday the talks had failed.",
    "The talks had failed, Biden said on Thursday.",
    NULL,
  };
  const char *hyphens[] = {
    "A military build-up near the border alarmed Kyiv.",
    "A military buildup near the border alarmed Kyiv.",
    NULL,
  };
  /* a lone article belongs to its noun; a lone comma is punctuation */
  const char *articles[] = {
    "The senate approved a budget for the coming year.",
    "Senate approved a budget for the coming year.",
    NULL,
  };
  const char *commas[] = {
    "In the end, the plant closed in March.",
    "In the end the plant closed in March.",
    NULL,
  };

  assert_divergences (formats, "");
  assert_divergences (quotes, "");
  assert_divergences (moved, "");
  assert_divergences (hyphens, "");
  assert_divergences (articles, "");
  assert_divergences (commas, "");
}

static void
test_added (void)
{
  const char *texts[] = {
    "The minister resigned on Friday after a long scandal over party funds.",
    "The minister resigned on Friday.",
    NULL,
  };
  const char *clause[] = {
    "Protesters, most of them students from the capital, marched to parliament.",
    "Protesters marched to parliament.",
    NULL,
  };

  const char *quoted[] = {
    "The envoy told reporters in Kyiv “the support is firm” on Monday.",
    "The envoy said the support is firm on Monday.",
    NULL,
  };

  const char *near_copy[] = {
    "The company said its profits rose sharply in the third quarter of the year.",
    "The company said its profits rose in the third quarter.",
    NULL,
  };

  assert_divergences (texts, "0:added:after a long scandal over party funds\n");
  /* an inserted clause is marked with its commas */
  assert_divergences (clause, "0:added:, most of them students from the capital,\n");
  /* a quotation mark goes with the words it touches; the versions share
   * nearly every other word, so the four words facing "said" read as
   * what one version adds */
  assert_divergences (quoted, "0:added:told reporters in Kyiv\n1:changed:said\n");
  /* words one of two near copies adds, inside and at the end */
  assert_divergences (near_copy, "0:added:sharply\n0:added:of the year\n");
}

/* Words both versions leave without a counterpart, in the same order,
 * are said by both: "have been" beside a reworded verb on either side of
 * the shared clause is no addition. */
static void
test_shared_phrase (void)
{
  const char *texts[] = {
    "Fuel prices have been climbing for weeks, the ministry of energy said on Tuesday.",
    "The ministry of energy said on Tuesday that costs have been rising for weeks.",
    NULL,
  };

  /* the rule is one of order, not of English words: "sind wieder" */
  const char *german[] = {
    "Die Preise sind wieder gestiegen, teilte das Ministerium am Dienstag mit.",
    "Das Ministerium teilte am Dienstag mit, die Kosten sind wieder geklettert.",
    NULL,
  };

  assert_divergences (texts, "0:added:Fuel prices\n0:added:climbing\n"
                             "1:added:that costs\n1:added:rising\n");
  assert_divergences (german, "0:added:Preise\n0:added:gestiegen,\n"
                              "1:added:Kosten\n1:added:geklettert\n");
}

/* A phrase only one version has keeps its function words, even one the
 * other version also has elsewhere ("with"): a lone shared function word
 * belongs to different phrases as often as not. */
static void
test_added_function_words (void)
{
  const char *texts[] = {
    "The council approved the plan on Monday after a debate with the unions.",
    "With little warning, the council approved the plan on Monday.",
    NULL,
  };

  assert_divergences (texts, "0:added:after a debate with the unions\n"
                             "1:added:With little warning,\n");
}

/* An abbreviation is the name it abbreviates; the pronoun "us" is not
 * the United States. */
static void
test_abbreviations (void)
{
  const char *names[] = {
    "The US and the EU backed Nato on Friday.",
    "The United States and the European Union backed the North Atlantic Treaty Organization on Friday.",
    NULL,
  };
  const char *pronoun[] = {
    "The minister told us about the plan.",
    "The minister told United States officials about the plan.",
    NULL,
  };

  assert_divergences (names, "");
  assert_divergences (pronoun, "0:added:us\n1:added:United States officials\n");
}

static void
test_changed (void)
{
  const char *texts[] = {
    "The senate will reach a fair verdict on the evidence.",
    "The senate will reach an impartial ruling on the evidence.",
    NULL,
  };
  g_autoptr(Group) g = group_new (texts);
  g_autofree char *got = describe (g);
  const SynDivergence *d;
  g_autofree char *other = NULL;

  g_assert_cmpstr (got, ==, "0:changed:fair verdict\n1:changed:impartial ruling\n");
  d = divergence (g, 0);
  g_assert_cmpint (d->counterpart, ==, 1);
  other = span_text (g, 1, d->other_start, d->other_end);
  g_assert_cmpstr (other, ==, "impartial ruling");
}

static void
test_numbers (void)
{
  const char *two[] = {
    "Talks are due to start on Jan. 12 in Geneva with 10,000 delegates.",
    "Talks are due to start on January 10 in Geneva with 100,000 delegates.",
    NULL,
  };
  const char *kinds[] = {
    "That Dec. 7 call focused on troop movements.",
    "The two leaders held a video call that focused on troop movements.",
    NULL,
  };
  const char *far[] = {
    "Officials met in Geneva on Jan. 10, and the talks lasted for many hours into the night.",
    "An official told reporters on December 29 that the appeal came from Moscow.",
    NULL,
  };
  g_autoptr(Group) g = NULL;

  /* a day is not a count, and numbers far apart are not one fact */
  g = group_new (kinds);
  for (guint i = 0; i < g->divergences->len; i++)
    g_assert_cmpint (divergence (g, i)->kind, !=, SYN_DIVERGENCE_NUMBER);
  g_clear_pointer (&g, group_free);
  g = group_new (far);
  for (guint i = 0; i < g->divergences->len; i++)
    g_assert_cmpint (divergence (g, i)->kind, !=, SYN_DIVERGENCE_NUMBER);

  /* between two sources neither outvotes the other: both are marked */
  assert_divergences (two,
                      "0:number:Jan. 12=January 10/1\n"
                      "0:number:10,000=100,000/1\n"
                      "1:number:January 10=Jan. 12/1\n"
                      "1:number:100,000=10,000/1\n");
}

/* A year that changed is a number conflict, also where nothing but
 * function words bound it and where the new value is found elsewhere. */
static void
test_changed_year (void)
{
  const char *alone[] = {
    "In 2014 the firm opened a plant in the north.",
    "In 2015 the firm opened a plant in the north.",
    NULL,
  };
  const char *elsewhere[] = {
    "In 2014 the firm opened a plant in the north.\nIts sales doubled in 2015.",
    "In 2015 the firm opened a plant in the north.\nIts sales doubled in 2015.",
    NULL,
  };

  assert_divergences (alone,
                      "0:number:2014=2015/1\n"
                      "1:number:2015=2014/1\n");
  assert_divergences (elsewhere,
                      "0:number:2014=2015/1\n"
                      "1:number:2015=2014/1\n");
}

static void
test_number_vote (void)
{
  const char *texts[] = {
    "The summit opens on Jan. 10 in Vienna.",
    "The summit opens on January 10 in Vienna.",
    "The summit opens on Jan. 12 in Vienna.",
    "The summit opens on 10 January in Vienna.",
    NULL,
  };
  /* the odd one out names the value three others give; each of the
   * three is marked too, with the odd value, so both sides can be seen */
  assert_divergences (texts,
                      "0:number:Jan. 10=Jan. 12/1\n"
                      "1:number:January 10=Jan. 12/1\n"
                      "2:number:Jan. 12=10 January/3\n"
                      "3:number:10 January=Jan. 12/1\n");
}

static void
test_quotations (void)
{
  const char *altered[] = {
    "“We are ready for peace,” the minister told reporters.",
    "“We are prepared for war,” the minister told reporters.",
    NULL,
  };
  const char *excerpt[] = {
    "She called it “a fair and lasting peace for the whole region.”",
    "She promised “a fair and lasting peace.”",
    NULL,
  };

  assert_divergences (altered,
                      "0:quote:We are ready for peace=We are prepared for war/1\n"
                      "0:changed:ready\n"
                      "0:changed:peace\n"
                      "1:quote:We are prepared for war=We are ready for peace/1\n"
                      "1:changed:prepared\n"
                      "1:changed:war\n");
  /* a shorter excerpt of the same words is the same quotation */
  assert_divergences (excerpt, "0:changed:called\n0:added:it\n0:added:for the whole region\n1:changed:promised\n");
}

static void
test_quotation_vote (void)
{
  const char *texts[] = {
    "“Diplomacy is the only way forward,” the envoy said.",
    "“Diplomacy is the only way forward,” said the envoy.",
    "‘Diplomacy is the only path ahead,’ the envoy said.",
    NULL,
  };
  g_autoptr(Group) g = group_new (texts);
  guint quoted = 0;

  for (guint i = 0; i < g->divergences->len; i++)
    {
      const SynDivergence *d = divergence (g, i);
      guint source = g_array_index (g->segments, SynSegment, d->segment).source;

      if (d->kind != SYN_DIVERGENCE_QUOTE)
        continue;
      /* the altered one names the wording two others quote; each of the
       * two is marked with the altered wording, one source giving it */
      g_assert_cmpuint (d->agreeing, ==, source == 2 ? 2 : 1);
      quoted |= 1u << source;
    }
  g_assert_cmpuint (quoted, ==, 7);
}

/* Two passages of one source in a group are read as one version. */
static void
test_split_sentence (void)
{
  const char *texts[] = {
    "The dam burst on Monday.\nThe water flooded three villages.",
    "The dam burst on Monday and flooded three villages.",
    NULL,
  };
  g_autoptr(Group) g = group_new (texts);
  g_autofree char *got = describe (g);

  /* nothing of the second passage is taken for added */
  g_assert_cmpstr (got, ==, "0:added:water\n");
}

static void
test_spans (void)
{
  const char *texts[] = {
    "Heavy rain hit the coast.\nOfficials said 300 homes were damaged, and roads closed.",
    "Officials said 200 homes were damaged.\nHeavy rain hit the northern coast on Sunday.",
    "Heavy rains hit the coast. Officials said 300 homes were hit.",
    NULL,
  };
  g_autoptr(Group) g = group_new (texts);

  for (guint i = 0; i < g->divergences->len; i++)
    {
      const SynDivergence *d = divergence (g, i);
      const SynSegment *seg = &g_array_index (g->segments, SynSegment, d->segment);

      /* inside its passage, sorted by (segment, start) */
      g_assert_cmpuint (d->start, >=, seg->start);
      g_assert_cmpuint (d->end, <=, seg->end);
      g_assert_cmpuint (d->start, <, d->end);
      if (i > 0)
        {
          const SynDivergence *p = divergence (g, i - 1);
          g_assert_true (p->segment < d->segment || (p->segment == d->segment && p->start <= d->start));
        }
      if (d->counterpart >= 0)
        {
          const SynSegment *other = &g_array_index (g->segments, SynSegment, d->counterpart);

          g_assert_cmpuint (d->other_start, >=, other->start);
          g_assert_cmpuint (d->other_end, <=, other->end);
          g_assert_cmpuint (other->source, !=, seg->source);
        }
    }
}

/* The same divergences whatever the order of the sources. */
static void
test_order_independent (void)
{
  const char *forward[] = {
    "Rescuers pulled 12 people from the rubble on Tuesday, officials said.",
    "Officials said rescuers pulled 15 survivors from the rubble.",
    "On Tuesday rescuers pulled twelve people out of the collapsed building.",
    NULL,
  };
  const char *backward[] = { forward[2], forward[1], forward[0], NULL };
  g_autoptr(Group) a = group_new (forward);
  g_autoptr(Group) b = group_new (backward);
  g_autofree char *da = describe (a);
  g_autofree char *db = describe (b);
  g_auto(GStrv) la = g_strsplit (da, "\n", -1);
  g_auto(GStrv) lb = g_strsplit (db, "\n", -1);

  g_assert_cmpuint (g_strv_length (la), ==, g_strv_length (lb));
  for (guint i = 0; la[i] != NULL; i++)
    {
      /* renumber: source s of the forward group is 2 - s backward */
      if (la[i][0] != '\0')
        la[i][0] = (char) ('0' + 2 - (la[i][0] - '0'));
    }
  for (guint i = 0; la[i] != NULL; i++)
    g_assert_true (g_strv_contains ((const char * const *) lb, la[i]));
}

/* Many copies of one sentence are matched once: nothing diverges, and
 * the one source that differs is outvoted by all the copies. */
static void
test_many_copies (void)
{
  const char *texts[42] = { NULL, };
  g_autofree char *got = NULL;

  for (guint s = 0; s < 40; s++)
    texts[s] = "The minister said \"we will rebuild the bridge\" after 12 days of talks.";
  {
    g_autoptr(Group) g = group_new (texts);
    g_assert_cmpuint (g->divergences->len, ==, 0);
  }
  texts[17] = "The minister said \"we shall rebuild a bridge\" after 14 days of talks.";
  {
    g_autoptr(Group) g = group_new (texts);
    got = describe (g);
  }
  /* the odd one names the value the 39 copies give; each copy is marked
   * with the odd value, which one source gives */
  {
    g_autoptr(GString) expected = g_string_new (NULL);

    for (guint s = 0; s < 40; s++)
      if (s == 17)
        g_string_append (expected, "17:quote:we shall rebuild a bridge=we will rebuild the bridge/39\n"
                                   "17:number:14=12/39\n");
      else
        g_string_append_printf (expected, "%u:quote:we will rebuild the bridge=we shall rebuild a bridge/1\n"
                                          "%u:number:12=14/1\n", s, s);
    g_assert_cmpstr (got, ==, expected->str);
  }
}

/* A group of more distinct versions than are matched pair by pair: the
 * same divergences whatever the order of the sources, a word another
 * source has elsewhere is not added, and the odd number is outvoted. */
static const char * const large_group[] = {
  "Rescuers pulled 12 people from the rubble on Tuesday, officials said.",
  "Officials said rescuers pulled 12 survivors from the rubble.",
  "On Tuesday rescuers pulled twelve people out of the collapsed building.",
  "Rescuers pulled 12 people from the rubble of the building on Tuesday.",
  "Twelve people were pulled from the rubble by rescuers, officials said.",
  "Officials said 12 people had been pulled alive from the rubble.",
  "Rescue teams pulled 12 people from the rubble on Tuesday night.",
  "Rescuers working through the night pulled 12 people from the rubble.",
  "On Tuesday, officials said, rescuers pulled 15 people from the rubble.",
  "Rescuers pulled 12 people from the rubble, the fire brigade said.",
  "Rescuers pulled 12 people, including two children, from the rubble.",
  "From the rubble, rescuers pulled 12 people on Tuesday.",
  NULL,
};

static GHashTable *
renumbered (const char *described,
            const guint *source_of)
{
  g_auto(GStrv) lines = g_strsplit (described, "\n", -1);
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *rest = NULL;
      guint64 s;

      if (lines[i][0] == '\0')
        continue;
      s = g_ascii_strtoull (lines[i], &rest, 10);
      g_hash_table_add (set, g_strdup_printf ("%u%s", source_of[s], rest));
    }
  return set;
}

static void
test_large_group (void)
{
  guint n = g_strv_length ((char **) large_group);
  const char *backward[G_N_ELEMENTS (large_group)] = { NULL, };
  g_autofree guint *same = g_new (guint, n);
  g_autofree guint *reverse = g_new (guint, n);
  g_autoptr(Group) a = group_new (large_group);
  g_autoptr(Group) b = NULL;
  g_autofree char *da = describe (a);
  g_autofree char *db = NULL;
  g_autoptr(GHashTable) sa = NULL;
  g_autoptr(GHashTable) sb = NULL;
  GHashTableIter iter;
  gpointer key;

  for (guint s = 0; s < n; s++)
    {
      backward[s] = large_group[n - 1 - s];
      same[s] = s;
      reverse[s] = n - 1 - s;
    }
  b = group_new (backward);
  db = describe (b);
  sa = renumbered (da, same);
  sb = renumbered (db, reverse);
  g_assert_cmpuint (g_hash_table_size (sa), ==, g_hash_table_size (sb));
  g_hash_table_iter_init (&iter, sa);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_assert_true (g_hash_table_contains (sb, key));

  /* the odd number is outvoted by the eleven sources giving 12 */
  g_assert_nonnull (strstr (da, "8:number:15="));
  g_assert_nonnull (strstr (da, "/11\n"));
  /* "rubble" is everywhere; "children" only in one source */
  g_assert_null (strstr (da, "added:rubble"));
  g_assert_nonnull (strstr (da, "10:added:"));
  g_assert_nonnull (strstr (da, "children"));
}

static void
test_trivial_groups (void)
{
  const char *one[] = { "Only one source has this sentence.", NULL };
  const char *empty[] = { " — ", "Something.", NULL };   /* a passage with no word */
  g_autoptr(Group) g = group_new (one);
  g_autoptr(GArray) none = g_array_new (FALSE, FALSE, sizeof (SynCluster));
  g_autoptr(GArray) out = syn_diverge (g->sources, g->n_sources, g->segments, none);

  g_assert_cmpuint (g->divergences->len, ==, 0);
  g_assert_cmpuint (out->len, ==, 0);
  {
    g_autoptr(Group) e = group_new (empty);
    g_autofree char *got = describe (e);
    g_assert_cmpstr (got, ==, "1:added:Something.\n");
  }
}

/* The longest run of added words of source @source, in content words. */
static guint
added_run_words (const Group *g,
                 guint        source,
                 gsize        start,
                 gsize        end)
{
  g_autoptr(GArray) own = g_array_new (FALSE, FALSE, sizeof (SynDivergence));

  for (guint i = 0; i < g->divergences->len; i++)
    if (g_array_index (g->segments, SynSegment, divergence (g, i)->segment).source == source)
      g_array_append_val (own, *divergence (g, i));
  return syn_diverge_added_run_words (g->sources[source].text, start, MIN (end, g->sources[source].len),
                                      (const SynDivergence *) (gpointer) own->data, own->len);
}

/* What counts towards "adds substantial content": a clause of its own,
 * counted in content words, and not the odd word a rewording leaves
 * behind, however many of those there are. */
static void
test_added_run_words (void)
{
  const char *adjective[] = {
    "The ferry to the island was cancelled on Monday because of the storm.",
    "The old ferry to the island was cancelled on Monday because of the storm.",
    NULL,
  };
  const char *clause[] = {
    "The ferry to the island was cancelled on Monday because of the storm.",
    "The ferry to the island was cancelled on Monday because of the storm, leaving 200 "
    "campers stranded without fresh water.",
    NULL,
  };
  /* the same news, freely reworded: many words unmatched, none of them a
   * piece of information of its own */
  const char *reworded[] = {
    "The ferry to the island was cancelled on Monday because of the storm.",
    "On Monday the storm meant that the island ferry did not sail at all, the operator "
    "told passengers.",
    NULL,
  };
  const char *commas[] = {
    "The ferry was cancelled on Monday.",
    "The ferry, which carries mail, was cancelled on Monday, its owner confirmed.",
    NULL,
  };
  g_autoptr(Group) a = group_new (adjective);
  g_autoptr(Group) c = group_new (clause);
  g_autoptr(Group) r = group_new (reworded);
  g_autoptr(Group) m = group_new (commas);
  g_autofree char *described = describe (r);

  g_assert_cmpuint (added_run_words (a, 1, 0, G_MAXSIZE), ==, 1);
  g_assert_cmpuint (added_run_words (a, 0, 0, G_MAXSIZE), ==, 0);
  /* leaving, 200, campers, stranded, fresh, water */
  g_assert_cmpuint (added_run_words (c, 1, 0, G_MAXSIZE), ==, 6);
  g_test_message ("reworded:\n%s", described);
  g_assert_cmpuint (added_run_words (r, 1, 0, G_MAXSIZE), <, 5);
  /* two added spans apart are two runs; a range that holds neither counts nothing */
  g_assert_cmpuint (added_run_words (m, 1, 0, G_MAXSIZE), ==, 2);
  g_assert_cmpuint (added_run_words (m, 1, 0, strlen ("The ferry")), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/diverge/identical", test_identical);
  g_test_add_func ("/core/diverge/no-divergence", test_no_divergence);
  g_test_add_func ("/core/diverge/added", test_added);
  g_test_add_func ("/core/diverge/shared-phrase", test_shared_phrase);
  g_test_add_func ("/core/diverge/added-function-words", test_added_function_words);
  g_test_add_func ("/core/diverge/abbreviations", test_abbreviations);
  g_test_add_func ("/core/diverge/changed", test_changed);
  g_test_add_func ("/core/diverge/numbers", test_numbers);
  g_test_add_func ("/core/diverge/changed-year", test_changed_year);
  g_test_add_func ("/core/diverge/number-vote", test_number_vote);
  g_test_add_func ("/core/diverge/quotations", test_quotations);
  g_test_add_func ("/core/diverge/quotation-vote", test_quotation_vote);
  g_test_add_func ("/core/diverge/split-sentence", test_split_sentence);
  g_test_add_func ("/core/diverge/spans", test_spans);
  g_test_add_func ("/core/diverge/added-run-words", test_added_run_words);
  g_test_add_func ("/core/diverge/order-independent", test_order_independent);
  g_test_add_func ("/core/diverge/trivial-groups", test_trivial_groups);
  g_test_add_func ("/core/diverge/many-copies", test_many_copies);
  g_test_add_func ("/core/diverge/large-group", test_large_group);

  return g_test_run ();
}
