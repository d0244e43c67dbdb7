/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The comparison for a screen reader. Colours, underlines, gutter bars and
 * bands say nothing to someone who listens, and GTK before 4.14 gives a
 * text view no accessible text at all, so the marks cannot be found by
 * walking the text. What can be heard is the focused widget's name and
 * description; so each column's text view is named by its source and
 * describes the passage the reader has reached — where it stands, how
 * many sources carry it, what kind of difference it is, every mark in it
 * with the same explanation its tooltip gives, and the fold line after it
 * — and the description follows j/k, F8 and clicks. Where GTK can
 * announce (4.14 and later), the new description is also said at once.
 *
 * What a screen reader receives is the AT-SPI tree, not GTK's properties:
 * tests/a11y-atspi.py reads it as Orca does. There GTK 4.8 names a control
 * GTK or libadwaita made but did not label by its type ("GtkMenuButton"),
 * and a button with a mnemonic twice ("_Open Open");
 * syn_a11y_name_controls() names those.
 */
#define G_LOG_DOMAIN "syn-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "syn-a11y.h"
#include "syn-compat.h"

/* Marks beyond this many are counted, not read out. */
#define MAX_MARKS_READ 8

static const char *
mark_name (SynDivergenceKind kind)
{
  switch (kind)
    {
    case SYN_DIVERGENCE_NUMBER:
      return _("Number differs");
    case SYN_DIVERGENCE_QUOTE:
      return _("Quotation differs");
    case SYN_DIVERGENCE_ADDED:
      return _("Added");
    case SYN_DIVERGENCE_CHANGED:
    default:
      return _("Changed");
    }
}

char *
syn_a11y_describe_mark (SynPassage          *passage,
                        const SynDivergence *divergence)
{
  g_autofree char *explanation = NULL;

  g_return_val_if_fail (SYN_IS_PASSAGE (passage), NULL);
  g_return_val_if_fail (divergence != NULL, NULL);

  explanation = syn_passage_dup_explanation (passage, divergence);
  if (explanation == NULL)
    return g_strdup (mark_name (divergence->kind));
  /* Translators: a mark's name and its explanation, "Number differs: 42 here; 38 in 2 other sources" */
  return g_strdup_printf (_("%s: %s"), mark_name (divergence->kind), explanation);
}

void
syn_a11y_label_emblem (GtkWidget           *emblem,
                       SynPassage          *passage,
                       const SynDivergence *divergence)
{
  g_autofree char *explanation = syn_passage_dup_explanation (passage, divergence);

  gtk_accessible_update_property (GTK_ACCESSIBLE (emblem),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, mark_name (divergence->kind),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, explanation != NULL ? explanation : "",
                                  -1);
}

static gboolean
is_conflict (SynDivergenceKind kind)
{
  return kind == SYN_DIVERGENCE_NUMBER || kind == SYN_DIVERGENCE_QUOTE;
}

char *
syn_a11y_describe_marks (SynPassage *passage)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint n = 0, read = 0;
  const SynDivergence *divs;

  g_return_val_if_fail (SYN_IS_PASSAGE (passage), NULL);

  divs = syn_passage_get_divergences (passage, &n);
  /* two rounds: the conflicts, then the rest */
  for (guint round = 0; round < 2; round++)
    for (guint i = 0; i < n && read < MAX_MARKS_READ; i++)
      {
        g_autofree char *mark = NULL;

        if (is_conflict (divs[i].kind) != (round == 0))
          continue;
        mark = syn_a11y_describe_mark (passage, &divs[i]);
        g_string_append_printf (text, "%s%s.", text->len > 0 ? " " : "", mark);
        read++;
      }
  if (read < n)
    {
      /* Translators: after the marks read out, how many were not */
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "And %u more difference.",
                                                            "And %u more differences.", n - read),
                                               n - read);

      g_string_append_printf (text, " %s", more);
    }
  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

static const char *
category_name (const SynSpan *span)
{
  switch (span->category)
    {
    case SYN_GROUP_CONFLICT:
      return _("in conflict");
    case SYN_GROUP_EXTRA:
      return _("with content added");
    case SYN_GROUP_REWORDED:
      return _("reworded");
    case SYN_GROUP_SAME:
    default:
      return _("worded alike");
    }
}

/* Who carries it: the same sentences as the gutter's tooltip. */
static char *
describe_support (const SynSpan *span,
                  guint          n_sources)
{
  g_autofree char *support = NULL;

  if (span->boilerplate)
    return g_strdup (_("Site furniture: left out of the comparison"));
  if (span->unique || span->group < 0)
    return g_strdup (_("Only in this source"));
  if (span->by_hand)
    support = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Linked by hand: in %u of %u source",
                                            "Linked by hand: in %u of %u sources", n_sources),
                               span->support, n_sources);
  else
    support = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "In %u of %u source", "In %u of %u sources",
                                            n_sources),
                               span->support, n_sources);
  /* Translators: who carries a passage, and how it differs: "In 3 of 5 sources, reworded" */
  return g_strdup_printf (_("%s, %s"), support, category_name (span));
}

/* Its place among the passages a reader steps through (furniture aside). */
static void
span_position (SynArticleView *view,
               guint           index,
               guint          *position,
               guint          *total)
{
  *position = *total = 0;
  for (guint i = 0; i < syn_article_view_get_n_spans (view); i++)
    {
      if (syn_article_view_get_span (view, i)->boilerplate)
        continue;
      (*total)++;
      if (i <= index)
        *position = *total;
    }
}

char *
syn_a11y_describe_span (SynArticleView *view,
                        guint           index)
{
  const SynSpan *span;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *support = NULL;
  g_autofree char *marks = NULL;
  guint position, total;
  int fold;

  g_return_val_if_fail (SYN_IS_ARTICLE_VIEW (view), NULL);
  g_return_val_if_fail (index < syn_article_view_get_n_spans (view), NULL);

  span = syn_article_view_get_span (view, index);
  span_position (view, index, &position, &total);
  if (!span->boilerplate)
    g_string_append_printf (text, _("Passage %u of %u."), position, total);
  support = describe_support (span, syn_article_view_get_n_sources (view));
  g_string_append_printf (text, "%s%s.", text->len > 0 ? " " : "", support);
  marks = syn_a11y_describe_marks (span->passage);
  if (marks != NULL)
    g_string_append_printf (text, " %s", marks);
  fold = syn_article_view_get_fold_after (view, index);
  if (fold >= 0)
    {
      g_autofree char *fold_text = syn_article_view_dup_fold_text (view, fold);
      const char *words = fold_text;

      /* the line's words without its "⋯", which would be read out */
      while (*words != '\0' && !g_unichar_isalnum (g_utf8_get_char (words)))
        words = g_utf8_next_char (words);

      /* the fold line's own words ("⋯ 6 passages agree"), and how to open it */
      g_string_append_printf (text, " %s. %s", words, _("Enter shows them."));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* "31 passages, 2 in conflict, 3 only here", and how many of them the
 * filter hides: a filter toggled from the keyboard is heard that way. */
static char *
describe_counts (guint n_passages,
                 guint n_conflict,
                 guint n_unique,
                 guint n_hidden)
{
  g_autofree char *passages = NULL;
  g_autofree char *conflicts = NULL;
  g_autofree char *unique = NULL;
  g_autofree char *hidden = NULL;

  passages = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u passage", "%u passages", n_passages), n_passages);
  conflicts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u in conflict", "%u in conflict", n_conflict),
                               n_conflict);
  unique = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u only here", "%u only here", n_unique), n_unique);
  if (n_hidden == 0)
    /* Translators: a column's counts for a screen reader: "31 passages, 2 in conflict, 3 only here" */
    return g_strdup_printf (_("%s, %s, %s"), passages, conflicts, unique);
  hidden = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u hidden by the filter", "%u hidden by the filter",
                                         n_hidden),
                            n_hidden);
  /* Translators: a column's counts under a filter: "31 passages, 2 in conflict, 3 only here, 26 hidden by the filter" */
  return g_strdup_printf (_("%s, %s, %s, %s"), passages, conflicts, unique, hidden);
}

char *
syn_a11y_describe_article (SynArticleView *view)
{
  guint n_passages = 0, n_unique = 0, n_conflict = 0, n_hidden = 0;
  g_autofree char *counts = NULL;

  g_return_val_if_fail (SYN_IS_ARTICLE_VIEW (view), NULL);

  for (guint i = 0; i < syn_article_view_get_n_spans (view); i++)
    {
      const SynSpan *span = syn_article_view_get_span (view, i);

      if (span->boilerplate)
        continue;
      n_passages++;
      n_unique += span->unique;
      n_conflict += span->group >= 0 && span->category == SYN_GROUP_CONFLICT;
      n_hidden += !syn_article_view_span_is_shown (view, i);
    }
  if (n_passages == 0)
    return g_strdup (_("Empty: this source has no text"));
  counts = describe_counts (n_passages, n_conflict, n_unique, n_hidden);
  /* Translators: a column's summary for a screen reader: "31 passages, 2 in conflict, 3 only here." */
  return g_strdup_printf (_("%s. Press j and k to step through the passages, F8 for the next difference."), counts);
}

void
syn_a11y_update_view (SynArticleView *view,
                      int             index,
                      gboolean        lacks_selection,
                      gboolean        announce)
{
  g_autofree char *text = NULL;

  g_return_if_fail (SYN_IS_ARTICLE_VIEW (view));

  if (index >= 0 && (guint) index < syn_article_view_get_n_spans (view))
    text = syn_a11y_describe_span (view, index);
  else if (lacks_selection)
    {
      g_autofree char *counts = syn_a11y_describe_article (view);

      text = g_strdup_printf ("%s %s", _("The selected passage is not in this source."), counts);
    }
  else
    text = syn_a11y_describe_article (view);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
  if (announce)
    syn_compat_accessible_announce (GTK_ACCESSIBLE (view), text);
}

/* GTK 4.8 joins a mnemonic button's raw label and its label widget's text
 * ("_Open Open"); the label's text alone is its name. */
static void
name_mnemonic_button (GtkButton *button)
{
  GtkWidget *child = gtk_button_get_child (button);

  if (!GTK_IS_LABEL (child) || !gtk_label_get_use_underline (GTK_LABEL (child)))
    return;
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_label_get_text (GTK_LABEL (child)), -1);
}

/* The split button's arrow says only its tooltip, which is its name. */
static void
name_split_button (AdwSplitButton *split)
{
  const char *tooltip = adw_split_button_get_dropdown_tooltip (split);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (split)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_MENU_BUTTON (child) && tooltip != NULL && tooltip[0] != '\0')
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
}

void
syn_a11y_name_controls (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_BUTTON (root))
    name_mnemonic_button (GTK_BUTTON (root));
  if (ADW_IS_SPLIT_BUTTON (root))
    name_split_button (ADW_SPLIT_BUTTON (root));
  /* the search bar's own close button, an icon only */
  if (GTK_IS_BUTTON (root) && gtk_widget_has_css_class (root, "close")
      && gtk_widget_get_ancestor (root, GTK_TYPE_SEARCH_BAR) != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Close Search"), -1);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    syn_a11y_name_controls (child);
}
