/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Passage kinds (title, body, boilerplate), on pages written for these tests.
 */
#define G_LOG_DOMAIN "syn-test"

#include "config.h"

#include <string.h>

#include "syn-boilerplate.h"
#include "syn-segment.h"

/* Segments and classifies @text; checks every passage against @expected,
 * written "kind: text" (NULL terminated). */
static void
check_kinds (const char        *text,
             SynSegmentUnit     unit,
             const char *const *expected)
{
  gsize len = strlen (text);
  g_autoptr(GArray) segs = syn_segment_text (text, len, unit);
  guint n = g_strv_length ((char **) expected);

  syn_classify_passages (text, len, segs);
  for (guint i = 0; i < segs->len && i < n; i++)
    {
      const SynSegment *s = &g_array_index (segs, SynSegment, i);
      g_autofree char *got = g_strdup_printf ("%s: %.*s", syn_passage_kind_to_string (s->kind),
                                              (int) (s->end - s->start), text + s->start);

      g_assert_cmpstr (got, ==, expected[i]);
    }
  g_assert_cmpuint (segs->len, ==, n);
}

#define CHECK(text, ...) \
  G_STMT_START { \
    const char *const exp_[] = { __VA_ARGS__, NULL }; \
    check_kinds ((text), SYN_SEGMENT_SENTENCE, exp_); \
  } G_STMT_END

static void
test_empty (void)
{
  g_autoptr(GArray) segs = syn_segment_text ("", 0, SYN_SEGMENT_SENTENCE);

  syn_classify_passages ("", 0, segs);
  g_assert_cmpuint (segs->len, ==, 0);
}

static void
test_title (void)
{
  CHECK ("Lighthouse keeper retires after forty years\n\n"
         "The keeper of the Skerry light retired on Friday. He had served since 1984.\n",
         "title: Lighthouse keeper retires after forty years",
         "body: The keeper of the Skerry light retired on Friday.",
         "body: He had served since 1984.");
}

static void
test_no_title (void)
{
  /* A text that opens with a sentence, or with a question, has no title. */
  CHECK ("The keeper retired on Friday.\n\nHe had served since 1984.\n",
         "body: The keeper retired on Friday.",
         "body: He had served since 1984.");
  CHECK ("Who will keep the light now?\nNobody knows yet.\n",
         "body: Who will keep the light now?",
         "body: Nobody knows yet.");
}

static void
test_timestamps (void)
{
  CHECK (" updated 2023-04-17 HomeWorldSport\n"
         "Lighthouse keeper retires after forty years\n\n"
         "\xc2\xa0" "3 hours ago\n"
         "The keeper retired on Friday. He had served since 1984.\n\n"
         "Published: April 17, 2023 9:40 a.m. ET\n"
         "vor 2 Stunden\n",
         "boilerplate: updated 2023-04-17 HomeWorldSport",
         "title: Lighthouse keeper retires after forty years",
         "boilerplate: 3 hours ago",
         "body: The keeper retired on Friday.",
         "body: He had served since 1984.",
         "boilerplate: Published: April 17, 2023 9:40 a.m. ET",
         "boilerplate: vor 2 Stunden");
}

static void
test_byline (void)
{
  /* A byline above the headline is furniture; a sentence that starts with
   * "By" is not. */
  CHECK ("By Jane Roe and Tom Doe, Island Gazette\n"
         "Lighthouse keeper retires after forty years\n\n"
         "By the end of the week the light was dark. Photo: Island Gazette\n\n"
         "Photo: Tom Doe/Island Gazette\n",
         "boilerplate: By Jane Roe and Tom Doe, Island Gazette",
         "title: Lighthouse keeper retires after forty years",
         "body: By the end of the week the light was dark.",
         "body: Photo: Island Gazette",
         "boilerplate: Photo: Tom Doe/Island Gazette");
}

static void
test_dated_headline (void)
{
  /* A headline with a date in it is still a headline. */
  CHECK ("Ferry strike to end on March 3\n\nCrews agreed to return to work.\n",
         "title: Ferry strike to end on March 3",
         "body: Crews agreed to return to work.");
}

static void
test_prompts (void)
{
  CHECK ("Lighthouse keeper retires after forty years\n\n"
         "The old lighthouse\n"
         "Spread the love\n\n"
         "The keeper retired on Friday. He had served since 1984.\n\n"
         "Share this:\nFacebook\nTwitter\n\n"
         "Villagers plan a party for him in June.\n\n"
         "Leave a Reply\n\n"
         "Your email address will not be published. Required fields are marked *\n",
         "title: Lighthouse keeper retires after forty years",
         "boilerplate: The old lighthouse",
         "boilerplate: Spread the love",
         "body: The keeper retired on Friday.",
         "body: He had served since 1984.",
         "boilerplate: Share this:",
         "boilerplate: Facebook",
         "boilerplate: Twitter",
         "body: Villagers plan a party for him in June.",
         "boilerplate: Leave a Reply",
         "boilerplate: Your email address will not be published.",
         "boilerplate: Required fields are marked *");
}

/* A comment prompt in the middle of the article (a widget between two
 * paragraphs) is furniture alone: the story after it stays. At the end,
 * with a comment form under it, it still takes the form along. */
static void
test_comment_prompt_inside (void)
{
  CHECK ("Lighthouse keeper retires after forty years\n\n"
         "The keeper retired on Friday. He had served since 1984.\n\n"
         "Villagers plan a party for him in June.\n\n"
         "Leave a Comment\n\n"
         "The keeper said he would miss the view from the lamp room every evening.\n\n"
         "His successor, a former fisherman from the island, starts work next month.\n\n"
         "Leave a Reply\n\n"
         "Your email address will not be published.\n\n"
         "What a lovely story about a devoted keeper and his long years of service.\n",
         "title: Lighthouse keeper retires after forty years",
         "body: The keeper retired on Friday.",
         "body: He had served since 1984.",
         "body: Villagers plan a party for him in June.",
         "boilerplate: Leave a Comment",
         "body: The keeper said he would miss the view from the lamp room every evening.",
         "body: His successor, a former fisherman from the island, starts work next month.",
         "boilerplate: Leave a Reply",
         "boilerplate: Your email address will not be published.",
         "boilerplate: What a lovely story about a devoted keeper and his long years of service.");
  /* one short line after it is not the story going on */
  CHECK ("Storm hits coast\n\n"
         "The storm arrived at dawn. Roofs were torn off. Power failed.\n\n"
         "Comments\n\n"
         "Great report, thanks.\n",
         "title: Storm hits coast",
         "body: The storm arrived at dawn.",
         "body: Roofs were torn off.",
         "body: Power failed.",
         "boilerplate: Comments",
         "boilerplate: Great report, thanks.");
}

static void
test_related_list (void)
{
  /* Everything from a "Related" heading to the end: the teasers under it
   * are whole sentences about other stories, with section labels and
   * outlet names. */
  CHECK ("Lighthouse keeper retires after forty years\n\n"
         "The keeper retired on Friday. He had served since 1984.\n\n"
         "Villagers plan a party for him in June.\n\n"
         "Related\n"
         "coastwatch\n\n"
         "Ferry fares to rise in autumn\n\n"
         "The ferry company said fares would rise by five percent. Pensioners are exempt.\n"
         "TRAVEL\n"
         "Island Gazette\n",
         "title: Lighthouse keeper retires after forty years",
         "body: The keeper retired on Friday.",
         "body: He had served since 1984.",
         "body: Villagers plan a party for him in June.",
         "boilerplate: Related",
         "boilerplate: coastwatch",
         "boilerplate: Ferry fares to rise in autumn",
         "boilerplate: The ferry company said fares would rise by five percent.",
         "boilerplate: Pensioners are exempt.",
         "boilerplate: TRAVEL",
         "boilerplate: Island Gazette");
  CHECK ("Storm hits coast\n\n"
         "The storm arrived at dawn. Roofs were torn off. Power failed.\n\n"
         "More stories from the coast\n"
         "Harbor wall to be rebuilt\n",
         "title: Storm hits coast",
         "body: The storm arrived at dawn.",
         "body: Roofs were torn off.",
         "body: Power failed.",
         "boilerplate: More stories from the coast",
         "boilerplate: Harbor wall to be rebuilt");
}

static void
test_related_word (void)
{
  /* The word "related" inside a story is no heading; nor is a heading
   * before the story has begun a reason to drop the story. */
  CHECK ("Storm hits coast\n\n"
         "The storm arrived at dawn. Related damage was found inland.\n\n"
         "Officials said the losses were related to the high tide.\n\n"
         "Related coverage was broadcast all day. Roofs were torn off.\n",
         "title: Storm hits coast",
         "body: The storm arrived at dawn.",
         "body: Related damage was found inland.",
         "body: Officials said the losses were related to the high tide.",
         "body: Related coverage was broadcast all day.",
         "body: Roofs were torn off.");
  CHECK ("Related\n\nStorm hits coast\n\nThe storm arrived at dawn. Roofs were torn off.\n",
         "boilerplate: Related",
         "title: Storm hits coast",
         "body: The storm arrived at dawn.",
         "body: Roofs were torn off.");
}

static void
test_captions (void)
{
  CHECK ("Storm hits coast\n\n"
         "The storm arrived at dawn. Roofs were torn off.\n\n"
         "Waves break over the harbor wall (Coast Guard via AP) (AP)\n\n"
         "Power failed across the island (Getty Images)\n\n"
         "Crews worked through the night. (Photo: Island Gazette)\n\n"
         "The ferry will run again on Monday, the company (SFC) said.\n",
         "title: Storm hits coast",
         "body: The storm arrived at dawn.",
         "body: Roofs were torn off.",
         "boilerplate: Waves break over the harbor wall (Coast Guard via AP) (AP)",
         "boilerplate: Power failed across the island (Getty Images)",
         "body: Crews worked through the night.",
         "boilerplate: (Photo: Island Gazette)",
         "body: The ferry will run again on Monday, the company (SFC) said.");
}

static void
test_credits (void)
{
  /* Contributor lines say how the story was made, not what it says. */
  CHECK ("Storm hits coast\n\n"
         "The storm arrived at dawn. Roofs were torn off.\n\n"
         "Island Gazette reporters contributed to this report.\n\n"
         "With reports from AFP and Reuters\n"
         "Source link\n\n"
         "___\n",
         "title: Storm hits coast",
         "body: The storm arrived at dawn.",
         "body: Roofs were torn off.",
         "boilerplate: Island Gazette reporters contributed to this report.",
         "boilerplate: With reports from AFP and Reuters",
         "boilerplate: Source link",
         "boilerplate: ___");
  CHECK ("Storm hits coast\n\n"
         "The storm arrived at dawn. Reporters from three papers contributed photos.\n",
         "title: Storm hits coast",
         "body: The storm arrived at dawn.",
         "body: Reporters from three papers contributed photos.");
}

static void
test_local_prompts (void)
{
  CHECK ("Storm hits coast\n\n"
         "The storm arrived at dawn. Roofs were torn off.\n\n"
         "You can find more stories from your town at Local news.\n\n"
         "\n"
         "Leave a Comment\n",
         "title: Storm hits coast",
         "body: The storm arrived at dawn.",
         "body: Roofs were torn off.",
         "boilerplate: You can find more stories from your town at Local news.",
         "boilerplate: Leave a Comment");
}

static void
test_line_corpus (void)
{
  /* One sentence per line, no blank lines (a parallel corpus): short lines
   * without punctuation are content; only symbol lines are furniture, and a
   * first line is a title only when it reads like one. */
  const char *text =
    "Der Leuchtturm\n"
    "Der W\xc3\xa4rter geht in Rente.\n"
    "Er war vierzig Jahre dort:\n"
    "Tag und Nacht\n"
    "\xc2\xbb\n"
    "Hier.\n"
    "Gestern.\n"
    "Mehr Licht\n";
  const char *const exp[] = {
    "title: Der Leuchtturm",
    "body: Der W\xc3\xa4rter geht in Rente.",
    "body: Er war vierzig Jahre dort:",
    "body: Tag und Nacht",
    "boilerplate: \xc2\xbb",
    "body: Hier.",
    "body: Gestern.",
    "body: Mehr Licht",
    NULL
  };
  const char *const exp2[] = {
    "body: Wann kommt der neue W\xc3\xa4rter?",
    "body: Niemand wei\xc3\x9f es.",
    NULL
  };

  check_kinds (text, SYN_SEGMENT_LINE, exp);
  check_kinds ("Wann kommt der neue W\xc3\xa4rter?\nNiemand wei\xc3\x9f es.\n", SYN_SEGMENT_LINE, exp2);
}

static void
test_hostile (void)
{
  /* Offsets past the text are refused, not read. */
  const char *text = "Storm hits coast\n";
  g_autoptr(GArray) segs = g_array_new (FALSE, FALSE, sizeof (SynSegment));
  SynSegment bad = { 0, 5, 400, SYN_PASSAGE_BODY, -1 };

  g_array_append_val (segs, bad);
  g_test_expect_message ("syn-core", G_LOG_LEVEL_CRITICAL, "*seg->end <= len*");
  syn_classify_passages (text, strlen (text), segs);
  g_test_assert_expected_messages ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/boilerplate/empty", test_empty);
  g_test_add_func ("/core/boilerplate/title", test_title);
  g_test_add_func ("/core/boilerplate/no-title", test_no_title);
  g_test_add_func ("/core/boilerplate/timestamps", test_timestamps);
  g_test_add_func ("/core/boilerplate/byline", test_byline);
  g_test_add_func ("/core/boilerplate/dated-headline", test_dated_headline);
  g_test_add_func ("/core/boilerplate/prompts", test_prompts);
  g_test_add_func ("/core/boilerplate/comment-prompt-inside", test_comment_prompt_inside);
  g_test_add_func ("/core/boilerplate/related-list", test_related_list);
  g_test_add_func ("/core/boilerplate/related-word", test_related_word);
  g_test_add_func ("/core/boilerplate/captions", test_captions);
  g_test_add_func ("/core/boilerplate/credits", test_credits);
  g_test_add_func ("/core/boilerplate/local-prompts", test_local_prompts);
  g_test_add_func ("/core/boilerplate/line-corpus", test_line_corpus);
  g_test_add_func ("/core/boilerplate/hostile", test_hostile);

  return g_test_run ();
}
