/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Segmentation into passages, on texts written for these tests.
 */
#define G_LOG_DOMAIN "syn-test"

#include "config.h"

#include <string.h>

#include "syn-segment.h"
#include "syn-test-slowdown.h"

/* Segments @text and checks the passages are exactly @expected (NULL
 * terminated), that each passage's offsets select that text, and that no
 * passage starts or ends with white space. */
static void
check_passages (const char         *text,
                SynSegmentUnit      unit,
                const char *const  *expected)
{
  gsize len = strlen (text);
  g_autoptr(GArray) segs = syn_segment_text (text, len, unit);
  guint n = g_strv_length ((char **) expected);

  for (guint i = 0; i < segs->len && i < n; i++)
    {
      const SynSegment *s = &g_array_index (segs, SynSegment, i);
      g_autofree char *got = g_strndup (text + s->start, s->end - s->start);

      g_assert_cmpuint (s->start, <, s->end);
      g_assert_cmpuint (s->end, <=, len);
      g_assert_cmpint (s->kind, ==, SYN_PASSAGE_BODY);
      g_assert_cmpint (s->cluster, ==, -1);
      g_assert_cmpstr (got, ==, expected[i]);
    }
  g_assert_cmpuint (segs->len, ==, n);
}

#define CHECK(text, unit, ...) \
  G_STMT_START { \
    const char *const exp_[] = { __VA_ARGS__, NULL }; \
    check_passages ((text), (unit), exp_); \
  } G_STMT_END

static void
test_empty (void)
{
  const char *blank[] = { "", " ", "\n", "\r\n\r\n", " \t \n \r \xc2\xa0 \n", NULL };

  for (guint i = 0; blank[i] != NULL; i++)
    for (SynSegmentUnit u = SYN_SEGMENT_SENTENCE; u <= SYN_SEGMENT_PARAGRAPH; u++)
      {
        g_autoptr(GArray) segs = syn_segment_text (blank[i], strlen (blank[i]), u);
        g_assert_cmpuint (segs->len, ==, 0);
      }
  {
    g_autoptr(GArray) segs = syn_segment_text (NULL, 0, SYN_SEGMENT_SENTENCE);
    g_assert_cmpuint (segs->len, ==, 0);
  }
}

static void
test_sentences (void)
{
  CHECK ("The ferry left at noon. It reached the island by two! Was anyone hurt? No one was.",
         SYN_SEGMENT_SENTENCE,
         "The ferry left at noon.", "It reached the island by two!",
         "Was anyone hurt?", "No one was.");
}

static void
test_abbreviations (void)
{
  CHECK ("Mr. Okafor met Dr. Lund and Gen. Ruiz on Jan. 4 in St. Paul. "
         "The vote is set for Dec. 12 at the U.S. Capitol. "
         "It was filed as No. 17 Harbor Road. "
         "Both men flew to the U.S. The talks then began.",
         SYN_SEGMENT_SENTENCE,
         "Mr. Okafor met Dr. Lund and Gen. Ruiz on Jan. 4 in St. Paul.",
         "The vote is set for Dec. 12 at the U.S. Capitol.",
         "It was filed as No. 17 Harbor Road.",
         "Both men flew to the U.S.",
         "The talks then began.");
}

static void
test_initials (void)
{
  CHECK ("Senator Maria T. Alvarez spoke first. Then J. R. Okoro replied. "
         "The plan needs vitamin C. Doctors agree.",
         SYN_SEGMENT_SENTENCE,
         "Senator Maria T. Alvarez spoke first.",
         "Then J. R. Okoro replied.",
         "The plan needs vitamin C.",
         "Doctors agree.");
}

static void
test_dateline (void)
{
  CHECK ("DOVER, Del. (AP) \xe2\x80\x94 The harbor reopened on Tuesday. Crews worked overnight.\n\n"
         "PORTLAND, Ore. (Reuters) - Rain fell again. Roads were closed.",
         SYN_SEGMENT_SENTENCE,
         "DOVER, Del. (AP) \xe2\x80\x94 The harbor reopened on Tuesday.",
         "Crews worked overnight.",
         "PORTLAND, Ore. (Reuters) - Rain fell again.",
         "Roads were closed.");
}

static void
test_quotes (void)
{
  /* Closing quotation marks stay with the sentence they close, whether the
   * full stop is inside or outside them; a lower-case word after "!" or "?"
   * inside a quotation continues the sentence. */
  CHECK ("\xe2\x80\x9cWe will rebuild.\xe2\x80\x9d The mayor left. "
         "She called it \xe2\x80\x9c" "a fresh start\xe2\x80\x9d. Nobody objected. "
         "\"It is over,\" he said. \"Go home.\" They did. "
         "\xe2\x80\x9c" "Enough!\xe2\x80\x9d shouted a farmer. "
         "\xe2\x80\x9cWhy now?\xe2\x80\x9d asked another.",
         SYN_SEGMENT_SENTENCE,
         "\xe2\x80\x9cWe will rebuild.\xe2\x80\x9d",
         "The mayor left.",
         "She called it \xe2\x80\x9c" "a fresh start\xe2\x80\x9d.",
         "Nobody objected.",
         "\"It is over,\" he said.",
         "\"Go home.\"",
         "They did.",
         "\xe2\x80\x9c" "Enough!\xe2\x80\x9d shouted a farmer.",
         "\xe2\x80\x9cWhy now?\xe2\x80\x9d asked another.");
}

static void
test_dashes (void)
{
  /* A dash after a sentence-final mark continues the sentence; dashes inside
   * a sentence never split it. */
  CHECK ("The bridge \xe2\x80\x94 closed since May \xe2\x80\x94 opens today. "
         "\xe2\x80\x9c" "At last!\xe2\x80\x9d \xe2\x80\x94 said the ferryman. "
         "Tolls rise \xe2\x80\x93 slightly \xe2\x80\x93 next year.",
         SYN_SEGMENT_SENTENCE,
         "The bridge \xe2\x80\x94 closed since May \xe2\x80\x94 opens today.",
         "\xe2\x80\x9c" "At last!\xe2\x80\x9d \xe2\x80\x94 said the ferryman.",
         "Tolls rise \xe2\x80\x93 slightly \xe2\x80\x93 next year.");
}

static void
test_headlines (void)
{
  /* Lines without final punctuation are passages of their own. */
  CHECK ("Storm closes harbor as crews race to repair pier\n\n\n"
         "Fishing boats in the bay\n"
         "Share this\n\n"
         "The harbor closed on Monday. It may reopen soon.\n"
         "Related\n"
         "weather desk\n"
         "Rain expected through the weekend\n",
         SYN_SEGMENT_SENTENCE,
         "Storm closes harbor as crews race to repair pier",
         "Fishing boats in the bay",
         "Share this",
         "The harbor closed on Monday.",
         "It may reopen soon.",
         "Related",
         "weather desk",
         "Rain expected through the weekend");
}

static void
test_paragraph_breaks (void)
{
  /* A blank line always ends a passage, even without punctuation; a line
   * that obviously runs on (a comma, then a lower-case word) is joined. */
  CHECK ("The council met on Monday and\n\nvoted to close the pier\n"
         "The inspectors wrote that the pier, the ramp,\n"
         "and the old crane were unsafe. Repairs start soon.",
         SYN_SEGMENT_SENTENCE,
         "The council met on Monday and",
         "voted to close the pier",
         "The inspectors wrote that the pier, the ramp,\n"
         "and the old crane were unsafe.",
         "Repairs start soon.");
}

static void
test_wrapped_prose (void)
{
  /* Hard-wrapped text: the lines of a paragraph are joined, sentences are
   * found across line ends, a short heading stays apart. */
  CHECK ("Harbor Notes\n\n"
         "The harbor master said on Monday that the old pier would close for\n"
         "repairs. Fishing boats will moor at the new quay until the work is\n"
         "done, which may take until the spring, the board said. Mr.\n"
         "Lindqvist, who runs the ferry, said the timetable would not change\n"
         "at all.\n",
         SYN_SEGMENT_SENTENCE,
         "Harbor Notes",
         "The harbor master said on Monday that the old pier would close for\nrepairs.",
         "Fishing boats will moor at the new quay until the work is\n"
         "done, which may take until the spring, the board said.",
         "Mr.\nLindqvist, who runs the ferry, said the timetable would not change\nat all.");
}

static void
test_mt_artefacts (void)
{
  /* Machine translation leaves full stops inside sentences. A reader takes
   * a full stop followed by a lower-case word, or by a comma, as debris
   * inside one sentence, and a full stop followed by a capitalised word as
   * the end of one: that is the rule applied here. */
  CHECK ("The plan was approved, said a city official. of the harbor board. "
         "speaking to reporters on Friday. "
         "It was signed by the mayor. , Ana Ruiz. "
         "Boats may not enter the harbor. Ferries.",
         SYN_SEGMENT_SENTENCE,
         "The plan was approved, said a city official. of the harbor board. "
         "speaking to reporters on Friday.",
         "It was signed by the mayor. , Ana Ruiz.",
         "Boats may not enter the harbor.",
         "Ferries.");
}

static void
test_german (void)
{
  CHECK ("Am 3. Oktober feiert die Stadt. Sie wird ihren 200. Geburtstag feiern. "
         "Dr. Weber sprach z. B. \xc3\xbc" "ber die Br\xc3\xbc" "cke Nr. 4. Danach gab es Musik.",
         SYN_SEGMENT_SENTENCE,
         "Am 3. Oktober feiert die Stadt.",
         "Sie wird ihren 200. Geburtstag feiern.",
         "Dr. Weber sprach z. B. \xc3\xbc" "ber die Br\xc3\xbc" "cke Nr. 4.",
         "Danach gab es Musik.");
}

static void
test_line_unit (void)
{
  /* One passage per non-blank line, whatever its punctuation. */
  CHECK ("Der Hafen ist zu. Die Boote bleiben drau\xc3\x9f" "en.\n"
         "Eine Zeile ohne Punkt\n"
         "\n"
         "   \n"
         "  Noch eine Zeile.  \n"
         "Related\n",
         SYN_SEGMENT_LINE,
         "Der Hafen ist zu. Die Boote bleiben drau\xc3\x9f" "en.",
         "Eine Zeile ohne Punkt",
         "Noch eine Zeile.",
         "Related");
}

static void
test_paragraph_unit (void)
{
  CHECK ("First line of a block.\nIts second line.\n\n\n"
         "  A second block.  \n \n"
         "Third block\nwith two lines",
         SYN_SEGMENT_PARAGRAPH,
         "First line of a block.\nIts second line.",
         "A second block.",
         "Third block\nwith two lines");
}

static void
test_line_ends (void)
{
  /* LF, CRLF and CR give the same passages, at their own offsets. */
  const char *lf = "Harbor reopens\n\nThe pier is safe. Boats are back.\nRelated\n";
  const char *crlf = "Harbor reopens\r\n\r\nThe pier is safe. Boats are back.\r\nRelated\r\n";
  const char *cr = "Harbor reopens\r\rThe pier is safe. Boats are back.\rRelated\r";

  for (SynSegmentUnit u = SYN_SEGMENT_SENTENCE; u <= SYN_SEGMENT_LINE; u++)
    {
      const char *const *exp;
      const char *const sentences[] = { "Harbor reopens", "The pier is safe.", "Boats are back.", "Related", NULL };
      const char *const lines[] = { "Harbor reopens", "The pier is safe. Boats are back.", "Related", NULL };

      exp = u == SYN_SEGMENT_SENTENCE ? sentences : lines;
      check_passages (lf, u, exp);
      check_passages (crlf, u, exp);
      check_passages (cr, u, exp);
    }
  CHECK ("One\r\nTwo\r\n\r\nThree", SYN_SEGMENT_PARAGRAPH, "One\r\nTwo", "Three");
}

static void
test_offsets (void)
{
  /* Offsets are bytes into the text as given, multi-byte characters and
   * surrounding no-break spaces included. */
  const char *text = "\xc2\xa0\xc2\xa0" "Caf\xc3\xa9s reopen. \xe2\x80\x9cGood,\xe2\x80\x9d said Zo\xc3\xab.\xc2\xa0\n";
  g_autoptr(GArray) segs = syn_segment_text (text, strlen (text), SYN_SEGMENT_SENTENCE);

  g_assert_cmpuint (segs->len, ==, 2);
  g_assert_cmpuint (g_array_index (segs, SynSegment, 0).start, ==, 4);
  g_assert_cmpuint (g_array_index (segs, SynSegment, 0).end, ==, 4 + strlen ("Caf\xc3\xa9s reopen."));
  g_assert_cmpuint (g_array_index (segs, SynSegment, 1).start, ==, 4 + strlen ("Caf\xc3\xa9s reopen. "));
  g_assert_cmpuint (g_array_index (segs, SynSegment, 1).end, ==, strlen (text) - 3);
}

static void
test_runaway (void)
{
  /* Thousands of words without punctuation are cut at a space, in pieces of
   * at most SYN_SEGMENT_MAX_BYTES that cover every word. */
  GString *s = g_string_new ("Short one. Then ");
  g_autoptr(GArray) segs = NULL;
  gsize covered = 0;

  for (guint i = 0; i < 3000; i++)
    g_string_append_printf (s, "word%u ", i);
  g_string_append (s, "end. Last one.");
  segs = syn_segment_text (s->str, s->len, SYN_SEGMENT_SENTENCE);

  g_assert_cmpuint (segs->len, >, 4);
  g_assert_cmpuint (g_array_index (segs, SynSegment, 0).end, ==, strlen ("Short one."));
  for (guint i = 0; i < segs->len; i++)
    {
      const SynSegment *seg = &g_array_index (segs, SynSegment, i);

      g_assert_cmpuint (seg->end - seg->start, <=, SYN_SEGMENT_MAX_BYTES);
      g_assert_true (seg->start == 0 || s->str[seg->start - 1] == ' ');
      g_assert_true (seg->end == s->len || s->str[seg->end] == ' ');
      g_assert_cmpuint (seg->start, >=, covered);
      covered = seg->end;
    }
  g_assert_cmpstr (s->str + g_array_index (segs, SynSegment, segs->len - 1).start, ==, "Last one.");
  g_string_free (s, TRUE);
}

static gsize
count_words (const char *text,
             gsize       start,
             gsize       end)
{
  gsize n = 0;

  for (gsize i = start; i < end; i++)
    if (text[i] != ' ' && (i == start || text[i - 1] == ' '))
      n++;
  return n;
}

static void
test_huge_line (void)
{
  /* Issue 5: one 10 MB line without punctuation is segmented within 10 s
   * (in practice well under one second), in every unit, nothing lost. */
  const gsize size = 10 * 1024 * 1024;
  char *text = g_malloc (size + 1);
  const char *words[] = { "harbor", "ferry", "pier", "quay", "tide", "crane", "boat" };
  gsize p = 0, total = 0;
  guint k = 0;

  while (p < size)
    {
      const char *w = words[k++ % G_N_ELEMENTS (words)];
      gsize n = MIN (strlen (w), size - p);

      memcpy (text + p, w, n);
      p += n;
      if (p < size)
        text[p++] = ' ';
    }
  text[size] = '\0';
  total = count_words (text, 0, size);

  for (SynSegmentUnit u = SYN_SEGMENT_SENTENCE; u <= SYN_SEGMENT_PARAGRAPH; u++)
    {
      gint64 t0 = g_get_monotonic_time ();
      g_autoptr(GArray) segs = syn_segment_text (text, size, u);
      double seconds = (g_get_monotonic_time () - t0) / 1e6;
      gsize words_seen = 0, max = u == SYN_SEGMENT_SENTENCE ? SYN_SEGMENT_MAX_BYTES
                                                             : SYN_SEGMENT_MAX_LINE_BYTES;

      g_test_message ("unit %s: %u passages in %.3f s",
                      syn_segment_unit_to_string (u), segs->len, seconds);
      g_assert_cmpfloat (seconds, <, 10.0 * syn_test_slowdown ());
      for (guint i = 0; i < segs->len; i++)
        {
          const SynSegment *seg = &g_array_index (segs, SynSegment, i);

          g_assert_cmpuint (seg->end - seg->start, <=, max);
          words_seen += count_words (text, seg->start, seg->end);
        }
      g_assert_cmpuint (words_seen, ==, total);
    }
  g_free (text);
}

static void
test_long_paragraph (void)
{
  /* A paragraph far longer than the analysis window: every sentence is
   * found whole, wherever the windows end. */
  GString *s = g_string_new (NULL);
  g_autoptr(GArray) segs = NULL;

  for (guint i = 0; i < 6000; i++)
    g_string_append_printf (s, "Ship %u docked at pier %u on Jan. %u. ", i, i % 7, i % 28 + 1);
  segs = syn_segment_text (s->str, s->len, SYN_SEGMENT_SENTENCE);

  g_assert_cmpuint (segs->len, ==, 6000);
  for (guint i = 0; i < segs->len; i++)
    {
      const SynSegment *seg = &g_array_index (segs, SynSegment, i);
      g_autofree char *want = g_strdup_printf ("Ship %u docked at pier %u on Jan. %u.", i, i % 7, i % 28 + 1);

      g_assert_cmpuint (seg->end - seg->start, ==, strlen (want));
      g_assert_true (memcmp (s->str + seg->start, want, strlen (want)) == 0);
    }
  g_string_free (s, TRUE);
}

static void
test_runaway_unicode (void)
{
  /* A runaway line of non-ASCII words goes through Pango window by window:
   * every word is kept, no passage is longer than the cap, and every cut is
   * at a space. */
  GString *s = g_string_new (NULL);
  g_autoptr(GArray) segs = NULL;
  gsize words = 0, seen = 0;

  while (s->len < 300 * 1024)
    {
      g_string_append (s, "\xc3\xa9t\xc3\xa9 \xd0\xbc\xd0\xb8\xd1\x80 ");
      words += 2;
    }
  segs = syn_segment_text (s->str, s->len, SYN_SEGMENT_SENTENCE);
  for (guint i = 0; i < segs->len; i++)
    {
      const SynSegment *seg = &g_array_index (segs, SynSegment, i);

      g_assert_cmpuint (seg->end - seg->start, <=, SYN_SEGMENT_MAX_BYTES);
      g_assert_true (seg->start == 0 || s->str[seg->start - 1] == ' ');
      g_assert_true (g_utf8_validate (s->str + seg->start, (gssize) (seg->end - seg->start), NULL));
      seen += count_words (s->str, seg->start, seg->end);
    }
  g_assert_cmpuint (seen, ==, words);
  g_string_free (s, TRUE);
}

static void
test_many_lines (void)
{
  /* Hundreds of thousands of lines, blank or tiny: one passage per
   * non-blank line, and nothing from the blank ones. */
  GString *s = g_string_new (NULL);
  g_autoptr(GArray) blank = NULL;
  g_autoptr(GArray) lines = NULL;

  for (guint i = 0; i < 200000; i++)
    g_string_append (s, i % 2 ? "\r\n" : "\n");
  blank = syn_segment_text (s->str, s->len, SYN_SEGMENT_SENTENCE);
  g_assert_cmpuint (blank->len, ==, 0);

  g_string_truncate (s, 0);
  for (guint i = 0; i < 100000; i++)
    g_string_append (s, "Go.\n\n");
  for (SynSegmentUnit u = SYN_SEGMENT_SENTENCE; u <= SYN_SEGMENT_PARAGRAPH; u++)
    {
      g_clear_pointer (&lines, g_array_unref);
      lines = syn_segment_text (s->str, s->len, u);
      g_assert_cmpuint (lines->len, ==, 100000);
      g_assert_cmpuint (g_array_index (lines, SynSegment, 99999).start, ==, s->len - 5);
    }
  g_string_free (s, TRUE);
}

static void
test_hostile (void)
{
  /* Never valid in practice (the decoder guarantees UTF-8), never a crash:
   * invalid bytes, NUL bytes, lone continuation bytes, a truncated
   * character at the end. */
  const char text[] = "Bad \xff\xfe bytes. Mid\0dle NUL. \x80\x80 Lone. End \xe2\x80";
  gsize len = sizeof text - 1;

  for (SynSegmentUnit u = SYN_SEGMENT_SENTENCE; u <= SYN_SEGMENT_PARAGRAPH; u++)
    {
      g_autoptr(GArray) segs = syn_segment_text (text, len, u);
      gsize last = 0;

      g_assert_cmpuint (segs->len, >, 0);
      for (guint i = 0; i < segs->len; i++)
        {
          const SynSegment *seg = &g_array_index (segs, SynSegment, i);

          g_assert_cmpuint (seg->start, >=, last);
          g_assert_cmpuint (seg->start, <, seg->end);
          g_assert_cmpuint (seg->end, <=, len);
          last = seg->end;
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/segment/empty", test_empty);
  g_test_add_func ("/core/segment/sentences", test_sentences);
  g_test_add_func ("/core/segment/abbreviations", test_abbreviations);
  g_test_add_func ("/core/segment/initials", test_initials);
  g_test_add_func ("/core/segment/dateline", test_dateline);
  g_test_add_func ("/core/segment/quotes", test_quotes);
  g_test_add_func ("/core/segment/dashes", test_dashes);
  g_test_add_func ("/core/segment/headlines", test_headlines);
  g_test_add_func ("/core/segment/paragraph-breaks", test_paragraph_breaks);
  g_test_add_func ("/core/segment/wrapped-prose", test_wrapped_prose);
  g_test_add_func ("/core/segment/mt-artefacts", test_mt_artefacts);
  g_test_add_func ("/core/segment/german", test_german);
  g_test_add_func ("/core/segment/line-unit", test_line_unit);
  g_test_add_func ("/core/segment/paragraph-unit", test_paragraph_unit);
  g_test_add_func ("/core/segment/line-ends", test_line_ends);
  g_test_add_func ("/core/segment/offsets", test_offsets);
  g_test_add_func ("/core/segment/runaway", test_runaway);
  g_test_add_func ("/core/segment/long-paragraph", test_long_paragraph);
  g_test_add_func ("/core/segment/runaway-unicode", test_runaway_unicode);
  g_test_add_func ("/core/segment/huge-line", test_huge_line);
  g_test_add_func ("/core/segment/many-lines", test_many_lines);
  g_test_add_func ("/core/segment/hostile", test_hostile);

  return g_test_run ();
}
