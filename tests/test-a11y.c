/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The comparison as a screen reader presents it, under Xvfb with GTK's
 * test accessibility backend (GTK_A11Y=test): three versions of a story we
 * wrote (a cost that disagrees, a sentence only one has, passages all
 * three share). Keys are pressed for real (xdotool), and what a screen
 * reader would read is asserted on the accessible objects: the columns'
 * names and roles, the description that follows the passage reached, the
 * conflict emblems, the detail pane's list of versions, the overview's
 * buttons, the fold lines opened from the keyboard, every icon-only button
 * named, and Tab going round the whole view without a dead end.
 */
#define G_LOG_DOMAIN "test-a11y"

#include "config.h"

#include <string.h>
#include <adwaita.h>

#include "syn-article-column.h"
#include "syn-comparison-view-private.h"
#include "syn-source-map.h"
#include "syn-model.h"
#include "syn-style.h"
#include "syn-test-ui.h"
#include "syn-test-view.h"

#define TITLE "synopsis-test-a11y"

static const char *gazette =
  "Riverside library reopens after flood repairs\n"
  "\n"
  "The Riverside public library reopened its doors on Monday after eight months of repairs.\n"
  "\n"
  "Workers replaced four thousand books that were soaked when the river burst its banks in March.\n"
  "\n"
  "The reading room now has new oak shelves and a lift to the upper floor.\n"
  "\n"
  "The repairs cost 2.4 million pounds, paid for by the county council.\n"
  "\n"
  "Volunteers carried the rescued maps and letters back to the archive by hand.\n"
  "\n"
  "Story hours for children will start again next week.\n";

static const char *herald =
  "Flooded Riverside library opens again\n"
  "\n"
  "The Riverside public library reopened its doors on Monday after eight months of repairs.\n"
  "\n"
  "Workers replaced four thousand books that were soaked when the river burst its banks in March.\n"
  "\n"
  "The reading room now has new oak shelves and a lift to the upper floor.\n"
  "\n"
  "The repairs cost 3.1 million pounds, paid for by the county council.\n"
  "\n"
  "Volunteers carried the rescued maps and letters back to the archive by hand.\n"
  "\n"
  "A small café is to open in the basement in the autumn.\n"
  "\n"
  "Story hours for children will start again next week.\n";

static const char *echo =
  "Riverside library back after the flood\n"
  "\n"
  "The Riverside public library reopened its doors on Monday after eight months of repairs.\n"
  "\n"
  "Workers replaced four thousand books that were soaked when the river burst its banks in March.\n"
  "\n"
  "The reading room now has new oak shelves and a lift to the upper floor.\n"
  "\n"
  "The repairs cost 2.4 million pounds, paid for by the county council.\n"
  "\n"
  "Volunteers carried the rescued maps and letters back to the archive by hand.\n"
  "\n"
  "Story hours for children will start again next week.\n";

typedef SynTestView Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const char * const names[] = { "gazette.txt", "herald.txt", "echo.txt" };
  const char * const texts[] = { gazette, herald, echo };

  syn_test_view_load (fixture, TITLE, names, texts, G_N_ELEMENTS (texts), 1400, 900);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  syn_test_view_tear_down (fixture);
}

/* Helpers */

/* A string property as a screen reader gets it. GTK's testing API has no
 * getter: asked to check a value it cannot have, it returns the real one. */
static char *
dup_property (gpointer              accessible,
              GtkAccessibleProperty property)
{
  char *value = gtk_test_accessible_check_property (GTK_ACCESSIBLE (accessible), property, "\x01");

  g_assert_nonnull (value);
  return value;
}

static void
assert_property_contains (gpointer              accessible,
                          GtkAccessibleProperty property,
                          const char           *needle)
{
  g_autofree char *value = dup_property (accessible, property);

  if (strstr (value, needle) == NULL)
    g_error ("The accessible %s of %s is “%s”, without “%s”",
             property == GTK_ACCESSIBLE_PROPERTY_LABEL ? "label" : "description",
             G_OBJECT_TYPE_NAME (accessible), value, needle);
}

static SynArticleView *
view_at (Fixture *fixture,
         guint    column)
{
  return syn_comparison_view_get_article_view (fixture->view, column);
}

static GtkWidget *
focus_of (Fixture *fixture)
{
  return gtk_root_get_focus (GTK_ROOT (fixture->window));
}

typedef struct {
  Fixture   *fixture;
  GtkWidget *widget;
} FocusOn;

static gboolean
has_focus (gpointer data)
{
  FocusOn *on = data;

  return focus_of (on->fixture) == on->widget;
}

static gboolean
selection_is (gpointer data)
{
  gpointer *pair = data;

  return syn_comparison_view_get_selected_passage (pair[0]) == pair[1];
}

/* Presses @keys and waits until passage @expected is selected. */
static void
press_until_selected (Fixture    *fixture,
                      const char *keys,
                      SynPassage *expected,
                      const char *what)
{
  gpointer pair[2] = { fixture->view, expected };

  g_assert_true (syn_test_press_keys (GTK_WINDOW (fixture->window), keys));
  syn_test_wait_until (selection_is, pair, what);
}

static void
collect (GtkWidget *widget,
         GType      type,
         GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, type, found);
}

/* Tests */

/* Each column is a group named by its place and source; its text is named
 * by the source and, before anything is selected, says what it holds. */
static void
test_columns (Fixture       *fixture,
              gconstpointer  data)
{
  static const char * const names[] = {
    "Source 1 of 3: Riverside library reopens after flood repairs",
    "Source 2 of 3: Flooded Riverside library opens again",
    "Source 3 of 3: Riverside library back after the flood",
  };

  for (guint c = 0; c < 3; c++)
    {
      SynArticleView *view = view_at (fixture, c);
      GtkWidget *column = gtk_widget_get_ancestor (GTK_WIDGET (view), SYN_TYPE_ARTICLE_COLUMN);

      gtk_test_accessible_assert_role (GTK_ACCESSIBLE (column), GTK_ACCESSIBLE_ROLE_GROUP);
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (column), GTK_ACCESSIBLE_PROPERTY_LABEL, names[c]);
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                           strchr (names[c], ':') + 2);
      gtk_test_accessible_assert_role (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_ROLE_TEXT_BOX);
      assert_property_contains (view, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "1 in conflict");
    }
  /* The Herald's café is only there. */
  assert_property_contains (view_at (fixture, 1), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                            "8 passages, 1 in conflict, 1 only here");
  assert_property_contains (view_at (fixture, 0), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                            "7 passages, 1 in conflict, 0 only here");
}

/* j, k and F8 pressed for real: the column's description follows the
 * passage reached, with the tooltip's own explanation of each mark. */
static void
test_description_follows_keys (Fixture       *fixture,
                               gconstpointer  data)
{
  SynArticleView *gazette_view = view_at (fixture, 0);
  guint cost = syn_test_view_find_span (fixture, 0, "repairs cost");
  SynPassage *passage = syn_article_view_get_span (gazette_view, cost)->passage;
  guint n_div = 0;
  const SynDivergence *divs = syn_passage_get_divergences (passage, &n_div);
  g_autofree char *explanation = NULL;
  g_autofree char *description = NULL;
  FocusOn on = { fixture, GTK_WIDGET (gazette_view) };

  gtk_widget_grab_focus (GTK_WIDGET (gazette_view));
  syn_test_wait_until (has_focus, &on, "the Gazette's column to have the focus");
  press_until_selected (fixture, "j", syn_article_view_get_span (gazette_view, 0)->passage, "j to select the title");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (gazette_view), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Passage 1 of 7. In 3 of 3 sources, reworded. "
                                       "Changed: “reopens” here; “opens again” in herald.txt. "
                                       "Changed: “repairs” here; “opens again” in herald.txt.");
  press_until_selected (fixture, "j", syn_article_view_get_span (gazette_view, 1)->passage, "j for the next one");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (gazette_view), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Passage 2 of 7. In 3 of 3 sources, worded alike.");

  /* F8: the cost, the one conflict, read out as its tooltip reads. */
  press_until_selected (fixture, "F8", passage, "F8 to reach the cost");
  g_assert_cmpuint (n_div, >=, 1);
  g_assert_cmpint (divs[0].kind, ==, SYN_DIVERGENCE_NUMBER);
  explanation = syn_passage_dup_explanation (passage, &divs[0]);
  g_assert_nonnull (strstr (explanation, "2.4"));
  g_assert_nonnull (strstr (explanation, "3.1"));
  description = dup_property (gazette_view, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  g_assert_true (g_str_has_prefix (description, "Passage 5 of 7. In 3 of 3 sources, in conflict. Number differs: "));
  g_assert_nonnull (strstr (description, explanation));

  /* The Herald's column describes its counterpart, for when the reader
   * goes there; k goes back, and the description with it. */
  assert_property_contains (view_at (fixture, 1), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                            "Passage 5 of 8. In 3 of 3 sources, in conflict. "
                            "Number differs: 3.1 million here; 2.4 million in 2 other sources.");
  press_until_selected (fixture, "k", syn_article_view_get_span (gazette_view, cost - 1)->passage, "k to go back");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (gazette_view), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Passage 4 of 7. In 3 of 3 sources, worded alike.");

  /* The café only the Herald has: the other columns say they lack it. */
  syn_comparison_view_select_passage (fixture->view,
                                      syn_article_view_get_span (view_at (fixture, 1),
                                                                 syn_test_view_find_span (fixture, 1, "café"))->passage);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (view_at (fixture, 1)), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Passage 7 of 8. Only in this source.");
  assert_property_contains (gazette_view, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                            "The selected passage is not in this source. 7 passages, 1 in conflict, 0 only here.");

  /* Escape: the column says what it holds again. */
  press_until_selected (fixture, "Escape", NULL, "Escape to clear the selection");
  assert_property_contains (gazette_view, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "7 passages, 1 in conflict");
}

typedef struct {
  SynArticleView *view;
  guint           span;
} CaretAt;

static gboolean
caret_is_at (gpointer data)
{
  CaretAt *at = data;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (at->view));
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  return gtk_text_iter_get_offset (&iter) == syn_article_view_get_span (at->view, at->span)->start;
}

/* A screen reader reads the line at the caret when a column gets the
 * focus: the (hidden) caret follows the passage selected, in every column,
 * and j. */
static void
test_caret_follows_selection (Fixture       *fixture,
                              gconstpointer  data)
{
  SynArticleView *gazette_view = view_at (fixture, 0);
  guint cost = syn_test_view_find_span (fixture, 0, "repairs cost");
  SynPassage *passage = syn_article_view_get_span (gazette_view, cost)->passage;
  CaretAt here = { gazette_view, cost };
  CaretAt there = { view_at (fixture, 1), syn_test_view_find_span (fixture, 1, "3.1 million") };
  CaretAt next = { gazette_view, cost + 1 };
  FocusOn on = { fixture, GTK_WIDGET (gazette_view) };

  gtk_widget_grab_focus (GTK_WIDGET (gazette_view));
  syn_test_wait_until (has_focus, &on, "the Gazette's column to have the focus");
  syn_comparison_view_select_passage (fixture->view, passage);
  syn_test_wait_until (caret_is_at, &here, "the caret to reach the cost");
  syn_test_wait_until (caret_is_at, &there, "the Herald's caret to reach its cost");
  press_until_selected (fixture, "j", syn_article_view_get_span (gazette_view, cost + 1)->passage,
                        "j for the passage after the cost");
  syn_test_wait_until (caret_is_at, &next, "the caret to follow j");
}

/* A filter toggled from the keyboard changes nothing a screen reader
 * hears unless the focused column says it: its counts name what is hidden. */
static void
test_filter_counts (Fixture       *fixture,
                    gconstpointer  data)
{
  SynArticleView *gazette_view = view_at (fixture, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "view.conflicts-only", NULL));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (gazette_view), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "7 passages, 1 in conflict, 0 only here, 5 hidden by the filter. "
                                       "Press j and k to step through the passages, F8 for the next difference.");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "view.conflicts-only", NULL));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (gazette_view), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "7 passages, 1 in conflict, 0 only here. "
                                       "Press j and k to step through the passages, F8 for the next difference.");
}

/* A conflict's emblem is an image named by its mark and described as its
 * tooltip describes it. */
static void
test_emblems (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) images = g_ptr_array_new ();
  guint n_emblems = 0;

  for (guint c = 0; c < 3; c++)
    collect (GTK_WIDGET (view_at (fixture, c)), GTK_TYPE_IMAGE, images);
  for (guint i = 0; i < images->len; i++)
    {
      GtkWidget *image = g_ptr_array_index (images, i);
      const char *tooltip;

      if (!gtk_widget_has_css_class (image, "syn-emblem"))
        continue;
      n_emblems++;
      tooltip = gtk_widget_get_tooltip_text (image);
      gtk_test_accessible_assert_role (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_ROLE_IMG);
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_LABEL, "Number differs");
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, tooltip);
      g_assert_nonnull (strstr (tooltip, " here; "));
    }
  /* Every side of the conflict is marked: one emblem per column. */
  g_assert_cmpuint (n_emblems, ==, 3);
}

/* The detail pane is a named group; its versions a list, each item named
 * by its source and its marks, and Tab reaches them. */
static void
test_detail (Fixture       *fixture,
             gconstpointer  data)
{
  SynGroupDetail *detail = syn_comparison_view_get_detail (fixture->view);
  g_autoptr(GPtrArray) boxes = g_ptr_array_new ();
  GtkWidget *first_row = NULL;
  guint n_items = 0;
  FocusOn on = { fixture, NULL };

  syn_comparison_view_select_passage (fixture->view,
                                      syn_article_view_get_span (view_at (fixture, 0),
                                                                 syn_test_view_find_span (fixture, 0, "repairs cost"))->passage);
  syn_test_wait_frames (fixture->window, 3);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (detail)));
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (detail), GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (detail), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Every source’s version");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (detail), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "In 3 of 3 sources: 3 numbers differ");

  collect (GTK_WIDGET (detail), GTK_TYPE_BOX, boxes);
  for (guint i = 0; i < boxes->len; i++)
    {
      GtkWidget *box = g_ptr_array_index (boxes, i);

      if (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (box)) == GTK_ACCESSIBLE_ROLE_LIST)
        gtk_test_accessible_assert_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, "Versions");
      if (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (box)) != GTK_ACCESSIBLE_ROLE_LIST_ITEM ||
          !gtk_widget_get_visible (box))
        continue;
      n_items++;
      first_row = first_row != NULL ? first_row : box;
      assert_property_contains (box, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "The repairs cost");
    }
  g_assert_cmpuint (n_items, ==, 3);
  assert_property_contains (first_row, GTK_ACCESSIBLE_PROPERTY_LABEL,
                            "Source 1, Riverside library reopens after flood repairs: Number differs: 2.4 million here; "
                            "3.1 million in 1 other source.");

  /* From the close button, Tab goes to the first version. */
  for (GtkWidget *w = first_row; w != NULL; w = gtk_widget_get_parent (w))
    if (GTK_IS_BOX (w) && gtk_widget_get_first_child (w) != NULL && GTK_IS_BOX (gtk_widget_get_first_child (w)))
      {
        g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

        collect (w, GTK_TYPE_BUTTON, buttons);
        if (buttons->len > 0)
          {
            gtk_test_accessible_assert_property (GTK_ACCESSIBLE (g_ptr_array_index (buttons, 0)),
                                                 GTK_ACCESSIBLE_PROPERTY_LABEL, "Clear Selection");
            g_assert_true (gtk_widget_grab_focus (g_ptr_array_index (buttons, 0)));
            break;
          }
      }
  g_assert_true (syn_test_press_keys (GTK_WINDOW (fixture->window), "Tab"));
  on.widget = first_row;
  syn_test_wait_until (has_focus, &on, "Tab to reach the first version");
}

/* The overview's bars are buttons named by their source; the arrows move
 * between them and Enter takes the focus to that source's column. */
static void
test_overview (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) maps = g_ptr_array_new ();
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  FocusOn on = { fixture, NULL };

  collect (GTK_WIDGET (fixture->view), SYN_TYPE_SOURCE_MAP, maps);
  g_assert_cmpuint (maps->len, ==, 1);
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (maps->pdata[0]), GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (maps->pdata[0]), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Overview of all sources");
  collect (maps->pdata[0], GTK_TYPE_BUTTON, buttons);
  g_assert_cmpuint (buttons->len, ==, 3);
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (buttons->pdata[1]), GTK_ACCESSIBLE_ROLE_BUTTON);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (buttons->pdata[1]), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Source 2 of 3: Flooded Riverside library opens again");
  /* renamed with its column */
  {
    SynArticle *article = syn_article_view_get_article (syn_comparison_view_get_article_view (fixture->view, 1));

    syn_article_set_custom_name (article, "The Herald");
    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (buttons->pdata[1]), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                         "Source 2 of 3: The Herald");
    syn_article_set_custom_name (article, NULL);
  }
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (buttons->pdata[1]), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "8 passages: 1 reworded, 1 in conflict, 1 only here");

  g_assert_true (gtk_widget_grab_focus (buttons->pdata[0]));
  g_assert_true (syn_test_press_keys (GTK_WINDOW (fixture->window), "Right"));
  on.widget = buttons->pdata[1];
  syn_test_wait_until (has_focus, &on, "Right to reach the second source's bar");
  g_assert_true (syn_test_press_keys (GTK_WINDOW (fixture->window), "Return"));
  on.widget = GTK_WIDGET (view_at (fixture, 1));
  syn_test_wait_until (has_focus, &on, "Enter to take the focus to the second column");
}

typedef struct {
  SynArticleView *view;
  guint           span;
} SpanOf;

static gboolean
span_is_shown (gpointer data)
{
  SpanOf *of = data;

  return syn_article_view_span_is_shown (of->view, of->span);
}

/* Under the Conflicts filter the passages that agree fold away; the
 * description says so after the passage a fold follows, and Enter opens it. */
static void
test_fold_from_keyboard (Fixture       *fixture,
                         gconstpointer  data)
{
  SynArticleView *gazette_view = view_at (fixture, 0);
  guint cost = syn_test_view_find_span (fixture, 0, "repairs cost");
  FocusOn on = { fixture, GTK_WIDGET (gazette_view) };
  SpanOf after = { gazette_view, cost + 1 };
  g_autofree char *opened = NULL;
  guint n_folds;

  syn_comparison_view_set_conflicts_only (fixture->view, TRUE);
  syn_test_wait_frames (fixture->window, 2);
  n_folds = syn_article_view_get_n_folds (gazette_view);
  g_assert_cmpuint (n_folds, >=, 1);
  g_assert_false (syn_article_view_span_is_shown (gazette_view, cost + 1));
  gtk_widget_grab_focus (GTK_WIDGET (gazette_view));
  syn_test_wait_until (has_focus, &on, "the Gazette's column to have the focus");
  press_until_selected (fixture, "F8", syn_article_view_get_span (gazette_view, cost)->passage,
                        "F8 to reach the cost");
  assert_property_contains (gazette_view, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                            "in conflict. Number differs: ");
  assert_property_contains (gazette_view, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                            "2 passages agree. Enter shows them.");
  g_assert_true (syn_test_press_keys (GTK_WINDOW (fixture->window), "Return"));
  syn_test_wait_until (span_is_shown, &after, "Enter to open the fold after the cost");
  g_assert_cmpuint (syn_article_view_get_n_folds (gazette_view), ==, n_folds - 1);
  /* Opened, it is no longer announced. */
  opened = dup_property (gazette_view, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  g_assert_null (strstr (opened, "Enter shows"));
}

/* Every button that shows only an icon has a name to be read. */
static void
test_icon_buttons_named (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  guint n_icon_only = 0;

  collect (GTK_WIDGET (fixture->view), GTK_TYPE_BUTTON, buttons);
  collect (GTK_WIDGET (fixture->view), GTK_TYPE_MENU_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (buttons, i);
      const char *label = GTK_IS_BUTTON (button) ? gtk_button_get_label (GTK_BUTTON (button))
                                                 : gtk_menu_button_get_label (GTK_MENU_BUTTON (button));
      GtkWidget *parent = gtk_widget_get_parent (button);

      /* a menu button's inner toggle is named by the menu button */
      if (label != NULL || (parent != NULL && GTK_IS_MENU_BUTTON (parent)) ||
          gtk_widget_has_css_class (button, "syn-map-bar"))
        continue;
      /* (a GtkSearchBar's close button is GTK's own, named by GTK from 4.12) */
      if (gtk_widget_get_ancestor (button, GTK_TYPE_SEARCH_BAR) != NULL && gtk_widget_has_css_class (button, "close"))
        continue;
      n_icon_only++;
      if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL))
        g_error ("The button “%s” has no accessible name", gtk_widget_get_tooltip_text (button));
    }
  /* previous/next difference, fit, search, legend, previous/next match,
   * the rename buttons, the detail pane's close */
  g_assert_cmpuint (n_icon_only, >=, 10);
}

typedef struct {
  GtkWidget  *entry;
  const char *says;
} Says;

static gboolean
entry_describes (gpointer data)
{
  Says *says = data;
  g_autofree char *value = dup_property (says->entry, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);

  return g_str_equal (value, says->says);
}

/* Search by keys alone: Ctrl+F, the words, Enter; the entry is named and
 * says which match is shown, as the label beside it does. */
static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();
  FocusOn on = { fixture, NULL };

  collect (GTK_WIDGET (fixture->view), GTK_TYPE_SEARCH_ENTRY, entries);
  g_assert_cmpuint (entries->len, ==, 1);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (entries->pdata[0]), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Search all sources");
  g_assert_true (syn_test_press_keys (GTK_WINDOW (fixture->window), "ctrl+f"));
  on.widget = gtk_widget_get_first_child (entries->pdata[0]);
  while (on.widget != NULL && !GTK_IS_TEXT (on.widget))
    on.widget = gtk_widget_get_next_sibling (on.widget);
  syn_test_wait_until (has_focus, &on, "Ctrl+F to focus the search entry");
  /* "shelves" is in every version of the reading room's passage */
  for (const char *c = "shelves"; *c != '\0'; c++)
    {
      char key[2] = { *c, '\0' };

      g_assert_true (syn_test_press_keys (GTK_WINDOW (fixture->window), key));
    }
  syn_test_wait_until (entry_describes, &(Says) { entries->pdata[0], "3 matches" }, "the search to count");
  g_assert_true (syn_test_press_keys (GTK_WINDOW (fixture->window), "Return"));
  syn_test_wait_until (entry_describes, &(Says) { entries->pdata[0], "1 of 3" }, "Enter to show the first match");
}

/* Tab, pressed again and again, goes round every part of the view and
 * never stays put: the toolbar, each column, the overview's bars, the
 * detail pane's versions. */
static void
test_tab_round (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GHashTable) visited = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) map_buttons = g_ptr_array_new ();
  g_autoptr(GPtrArray) maps = g_ptr_array_new ();
  GtkWidget *previous = NULL;
  gboolean reached_row = FALSE;

  syn_comparison_view_select_passage (fixture->view,
                                      syn_article_view_get_span (view_at (fixture, 0),
                                                                 syn_test_view_find_span (fixture, 0, "repairs cost"))->passage);
  syn_test_wait_frames (fixture->window, 3);
  collect (GTK_WIDGET (fixture->view), SYN_TYPE_SOURCE_MAP, maps);
  collect (maps->pdata[0], GTK_TYPE_BUTTON, map_buttons);
  gtk_widget_grab_focus (GTK_WIDGET (view_at (fixture, 0)));
  for (guint i = 0; i < 40; i++)
    {
      GtkWidget *focus;

      g_assert_true (syn_test_press_keys (GTK_WINDOW (fixture->window), "Tab"));
      syn_test_wait_frames (fixture->window, 1);
      focus = focus_of (fixture);
      g_assert_nonnull (focus);
      if (focus == previous)
        g_error ("Tab stays on a %s", G_OBJECT_TYPE_NAME (focus));
      g_assert_true (gtk_widget_get_mapped (focus));
      previous = focus;
      g_hash_table_add (visited, focus);
      reached_row |= gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (focus)) == GTK_ACCESSIBLE_ROLE_LIST_ITEM;
    }
  for (guint c = 0; c < 3; c++)
    g_assert_true (g_hash_table_contains (visited, view_at (fixture, c)));
  g_assert_true (g_hash_table_contains (visited, map_buttons->pdata[0]));
  g_assert_true (reached_row);
}

/* The five real versions of one story beside the checkout, walked with the
 * keyboard alone under the Conflicts filter: F8 from conflict to conflict
 * and Enter on the folds, each step drawn. GTK 4.8 aborted here once,
 * finding the end of a wrapped line whose last passages were hidden. */
static void
test_seeds_by_keyboard (void)
{
  Fixture fixture = { 0, };

  if (syn_test_view_load_seeds (&fixture, TITLE, 1600, 940) == 0)
    return;
  g_assert_true (syn_test_press_keys (GTK_WINDOW (fixture.window), "j"));
  /* (Shift+Ctrl+D is the main window's; this is the view alone) */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.view), "view.conflicts-only", NULL));
  g_assert_true (syn_comparison_view_get_conflicts_only (fixture.view));
  for (guint i = 0; i < 6; i++)
    {
      SynPassage *passage;
      g_autofree char *description = NULL;

      g_assert_true (syn_test_press_keys (GTK_WINDOW (fixture.window), i % 2 == 0 ? "F8" : "Return"));
      syn_test_wait_frames (fixture.window, 2);
      passage = syn_comparison_view_get_selected_passage (fixture.view);
      g_assert_nonnull (passage);
      /* what is selected is said, in the column it is in */
      for (guint c = 0; c < syn_comparison_view_get_n_columns (fixture.view); c++)
        if (syn_article_view_get_article (view_at (&fixture, c)) == syn_passage_get_article (passage))
          description = dup_property (view_at (&fixture, c), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      g_assert_true (g_str_has_prefix (description, "Passage "));
    }
  fixture_tear_down (&fixture, NULL);
}

/* What the application does: the view's style sheets (the focus rings are
 * in them) and the emblems' icons from the resources. */
static void
load_style (void)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

  gtk_css_provider_load_from_resource (provider, "/io/github/synopsis_app/Synopsis/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  syn_style_init ();
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                    "/io/github/synopsis_app/Synopsis/icons");
}

int
main (int   argc,
      char *argv[])
{
  /* Not gtk_test_init(): see tests/test-view.c */
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();
  load_style ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

#define ADD(path, func) g_test_add ((path), Fixture, NULL, fixture_set_up, (func), fixture_tear_down)
  ADD ("/ui/a11y/columns", test_columns);
  ADD ("/ui/a11y/description-follows-keys", test_description_follows_keys);
  ADD ("/ui/a11y/filter-counts", test_filter_counts);
  ADD ("/ui/a11y/caret-follows-selection", test_caret_follows_selection);
  ADD ("/ui/a11y/emblems", test_emblems);
  ADD ("/ui/a11y/detail", test_detail);
  ADD ("/ui/a11y/overview", test_overview);
  ADD ("/ui/a11y/fold-from-keyboard", test_fold_from_keyboard);
  ADD ("/ui/a11y/icon-buttons-named", test_icon_buttons_named);
  ADD ("/ui/a11y/search", test_search);
  ADD ("/ui/a11y/tab-round", test_tab_round);
#undef ADD
  g_test_add_func ("/ui/a11y/seeds-by-keyboard", test_seeds_by_keyboard);

  return g_test_run ();
}
