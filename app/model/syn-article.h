/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "syn-decode.h"
#include "syn-source.h"

G_BEGIN_DECLS

#define SYN_TYPE_ARTICLE (syn_article_get_type ())

G_DECLARE_FINAL_TYPE (SynArticle, syn_article, SYN, ARTICLE, GObject)

/* One source of a comparison: a file, a web page or a pasted or built-in
 * text; its text
 * and its passages. Articles are created by SynComparison and keep their
 * identity across re-alignments (a new segment unit, a source added or
 * removed): only their passages are replaced then.
 *
 * The text stays in memory, so an article whose file is deleted while open
 * stays readable; #SynArticle:file-missing says so. */

/* The file it was read from, or NULL for a built-in text (the sample). */
GFile            *syn_article_get_file            (SynArticle *self);
/* A name to show: the file's display name, or the name given with the text. */
const char       *syn_article_get_name            (SynArticle *self);
/* The headline found by the core (a TITLE passage), or NULL when there is none. */
const char       *syn_article_get_title           (SynArticle *self);
/* "UTF-8", "UTF-16LE", "UTF-16BE" or "WINDOWS-1252". */
const char       *syn_article_get_encoding        (SynArticle *self);
/* TRUE when the file was not valid UTF-8 and Windows-1252 was assumed:
 * worth a notice. */
gboolean          syn_article_get_fallback_encoding (SynArticle *self);
/* The decoded UTF-8 text, NUL-terminated; passages' byte offsets refer to it. */
const char       *syn_article_get_text            (SynArticle *self,
                                                   gsize      *len);
/* The decoded text with its mapping back to the bytes on disk (for export),
 * or NULL when the text was extracted from a web page. */
const SynDecoded *syn_article_get_decoded         (SynArticle *self);
/* What was read: the text with where it came from and what it said of itself. */
SynSource        *syn_article_get_source          (SynArticle *self);
SynOrigin         syn_article_get_origin          (SynArticle *self);
/* The outlet a web page names ("AP News"), or NULL. */
const char       *syn_article_get_site            (SynArticle *self);
/* The page's publication date as it gives it (ISO 8601 mostly), or NULL. */
const char       *syn_article_get_published       (SynArticle *self);
/* The page's address (canonical, else the one fetched), or NULL. */
const char       *syn_article_get_url             (SynArticle *self);
/* What to call the article in a column header: the name the user gave,
 * else the outlet when the page names one, else the name. */
const char       *syn_article_get_label           (SynArticle *self);
/* The name the user gave the column (kept across re-alignments and in
 * saved comparisons), or NULL; setting NULL or blanks removes it. */
const char       *syn_article_get_custom_name     (SynArticle *self);
void              syn_article_set_custom_name     (SynArticle *self,
                                                   const char *name);

/* A GListModel of SynPassage, in text order. Do not modify it; it changes
 * (one items-changed replacing everything) when the comparison re-aligns. */
GListModel       *syn_article_get_passages        (SynArticle *self);
guint             syn_article_get_n_passages      (SynArticle *self);
/* Body passages that no other source carries (no group). */
guint             syn_article_get_n_unique        (SynArticle *self);
/* Passages grouped with at least one passage of another source. */
guint             syn_article_get_n_shared        (SynArticle *self);
guint             syn_article_get_n_boilerplate   (SynArticle *self);

/* The file was deleted or moved away since it was read; the text is kept. */
gboolean          syn_article_get_file_missing    (SynArticle *self);
/* The file on disk changed since it was read (a reload would show it). */
gboolean          syn_article_get_file_changed    (SynArticle *self);

G_END_DECLS
