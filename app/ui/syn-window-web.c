/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How web pages and pasted text reach a window.
 *
 * "Add from the Web" takes addresses, one per line (offering those on the
 * clipboard), and says which line is not one before it lets the user add
 * them. The addresses are then fetched
 * in the model's worker thread as files are read there, so the window's
 * progress, its Cancel and its toasts naming what failed serve both.
 *
 * Paste (Ctrl+V wherever no text field has the focus, and the menu) takes
 * what is on the clipboard in the order that keeps what the user meant:
 * files (copied in a file manager) are opened as files; text that is only
 * web addresses is fetched; a selection copied from a browser, which comes
 * as HTML, goes through the same extraction as a saved page, with the
 * address of the page recorded when the browser says it (Firefox in
 * text/x-moz-url-priv, Chromium in chromium/x-source-url); other text is
 * taken as it is. Text dropped on the window (a link dragged from a browser
 * that offers no URI list) is taken as pasted text is.
 */
#define G_LOG_DOMAIN "syn-ui"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "syn-compat.h"
#include "syn-model.h"
#include "syn-window-private.h"

/* Where a link or a selection is added: on the untouched sample or an empty
 * window it starts a comparison, else it joins the one shown. */
static void
add_or_open (SynWindow *self,
             GPtrArray *files)
{
  if (syn_window_is_disposable (self))
    syn_window_open_files (self, (GFile **) files->pdata, files->len);
  else
    syn_window_add_files (self, (GFile **) files->pdata, files->len);
}

/* Addresses */

/* The web addresses in @text, one per line, blank lines skipped, as GFiles
 * (an empty array when there is none). NULL when a line is something else:
 * then @bad_line is its number (from 1) and @bad_text the line. */
static GPtrArray *
parse_addresses (const char  *text,
                 guint       *bad_line,
                 char       **bad_text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = g_strstrip (lines[i]);

      if (*line == '\0')
        continue;
      if (!syn_fetch_is_web_uri (line))
        {
          *bad_line = i + 1;
          *bad_text = g_strdup (line);
          return NULL;
        }
      g_ptr_array_add (files, g_file_new_for_uri (line));
    }
  return g_steal_pointer (&files);
}

/* The web addresses @text holds when it holds nothing else, else NULL. */
static GPtrArray *
only_addresses (const char *text)
{
  g_autoptr(GPtrArray) files = NULL;
  g_autofree char *bad_text = NULL;
  guint bad_line;

  files = parse_addresses (text, &bad_line, &bad_text);
  if (files == NULL || files->len == 0)
    return NULL;
  return g_steal_pointer (&files);
}

/* The "Add from the Web" dialog */

typedef struct {
  SynWindow     *self;   /* weak: the dialog must not keep a closed window */
  GtkWidget     *view;
  GtkTextBuffer *buffer;
  GtkLabel      *error_label;
} WebDialog;

static void
web_dialog_free (WebDialog *data)
{
  g_clear_weak_pointer (&data->self);
  g_free (data);
}

static char *
buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Said as the user types, so "Add" is never a surprise. */
static void
addresses_changed_cb (GtkTextBuffer *buffer,
                      GtkWidget     *dialog)
{
  WebDialog *data = g_object_get_data (G_OBJECT (dialog), "syn-web-dialog");
  g_autofree char *text = buffer_text (buffer);
  g_autofree char *bad_text = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GPtrArray) files = NULL;
  guint bad_line = 0;

  files = parse_addresses (text, &bad_line, &bad_text);
  if (files == NULL)
    /* Translators: a line number, then the line */
    message = g_strdup_printf (_("Line %u is not a web address (http:// or https://): “%s”"),
                               bad_line, bad_text);
  gtk_label_set_text (data->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (data->error_label), message != NULL);
  syn_compat_alert_set_response_enabled (dialog, "add", files != NULL && files->len > 0);
}

static void
web_response_cb (GtkWidget  *dialog,
                 const char *response,
                 WebDialog  *data)
{
  g_autofree char *text = NULL;
  g_autofree char *bad_text = NULL;
  g_autoptr(GPtrArray) files = NULL;
  guint bad_line;

  if (!g_str_equal (response, "add") || data->self == NULL || data->self->in_dispose)
    return;
  text = buffer_text (data->buffer);
  files = parse_addresses (text, &bad_line, &bad_text);
  if (files != NULL && files->len > 0)
    add_or_open (data->self, files);
}

static GtkWidget *
new_addresses_view (WebDialog *data)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *view = gtk_text_view_new ();

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 10);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 10);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_input_hints (GTK_TEXT_VIEW (view), GTK_INPUT_HINT_NO_SPELLCHECK);
  gtk_text_view_set_input_purpose (GTK_TEXT_VIEW (view), GTK_INPUT_PURPOSE_URL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Web addresses, one per line"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 110);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 220);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_widget_add_css_class (scroller, "card");
  data->view = view;
  data->buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  return scroller;
}

static GtkWidget *
new_web_dialog_content (WebDialog *data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *error = gtk_label_new (NULL);

  gtk_box_append (GTK_BOX (box), new_addresses_view (data));
  gtk_label_set_wrap (GTK_LABEL (error), TRUE);
  gtk_label_set_xalign (GTK_LABEL (error), 0);
  gtk_widget_add_css_class (error, "error");
  gtk_widget_set_visible (error, FALSE);
  gtk_box_append (GTK_BOX (box), error);
  data->error_label = GTK_LABEL (error);
  return box;
}

/* Addresses copied before the dialog was opened are offered in it,
 * selected, so typing replaces them. */
static void
clipboard_addresses_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(GtkWidget) dialog = user_data;
  WebDialog *data = g_object_get_data (G_OBJECT (dialog), "syn-web-dialog");
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result, NULL);
  g_autoptr(GPtrArray) files = NULL;
  GtkTextIter start, end;

  if (text == NULL || gtk_text_buffer_get_char_count (data->buffer) > 0 ||
      (files = only_addresses (text)) == NULL)
    return;
  gtk_text_buffer_set_text (data->buffer, g_strstrip (text), -1);
  gtk_text_buffer_get_bounds (data->buffer, &start, &end);
  gtk_text_buffer_select_range (data->buffer, &end, &start);
}

static void
add_from_web_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  SynWindow *self = SYN_WINDOW (widget);
  WebDialog *data = g_new0 (WebDialog, 1);
  const char *heading = _("Add from the Web");
  const char *body = _("The addresses of the pages to compare, one per line");
  GtkWidget *content;
  GtkWidget *dialog;

  g_set_weak_pointer (&data->self, self);
  content = new_web_dialog_content (data);
  dialog = syn_compat_alert_new (GTK_WINDOW (self), heading, body);
  g_object_set_data_full (G_OBJECT (dialog), "syn-web-dialog", data, (GDestroyNotify) web_dialog_free);
  syn_compat_alert_add_response (dialog, "cancel", _("_Cancel"));
  syn_compat_alert_add_response (dialog, "add", _("_Add"));
  syn_compat_alert_set_response_appearance (dialog, "add", ADW_RESPONSE_SUGGESTED);
  syn_compat_alert_set_response_enabled (dialog, "add", FALSE);
  syn_compat_alert_set_default_response (dialog, "add");
  syn_compat_alert_set_close_response (dialog, "cancel");
  syn_compat_alert_set_extra_child (dialog, content);
  g_signal_connect (data->buffer, "changed", G_CALLBACK (addresses_changed_cb), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (web_response_cb), data);

  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), NULL, clipboard_addresses_cb,
                                 g_object_ref (dialog));

  syn_compat_dialog_present (dialog, GTK_WINDOW (self));
  syn_compat_dialog_set_focus (dialog, data->view);
}

/* Text given in memory: pasted or dropped */

/* "Pasted Text", or "Pasted Text 2" and on when the comparison has one;
 * "Dropped Text" likewise. */
static char *
new_text_name (SynWindow *self,
               gboolean   dropped)
{
  GListModel *articles = syn_comparison_get_articles (syn_window_get_comparison (self));

  for (guint n = 1;; n++)
    {
      g_autofree char *name = NULL;
      gboolean taken = FALSE;

      if (n == 1)
        name = g_strdup (dropped ? _("Dropped Text") : _("Pasted Text"));
      else
        /* Translators: the second, third… text pasted or dropped */
        name = g_strdup_printf (dropped ? _("Dropped Text %u") : _("Pasted Text %u"), n);

      for (guint i = 0; i < g_list_model_get_n_items (articles) && !taken; i++)
        {
          g_autoptr(SynArticle) article = g_list_model_get_item (articles, i);

          taken = g_str_equal (syn_article_get_name (article), name);
        }
      if (!taken)
        return g_steal_pointer (&name);
    }
}

typedef struct {
  SynWindow         *self;
  GdkClipboard      *clipboard;
  GdkContentFormats *formats;   /* with what they deserialize to */
  GCancellable      *cancellable;
  char              *text;
  char              *html;
  char              *url;
} Paste;

static void
paste_free (Paste *paste)
{
  g_object_unref (paste->self);
  g_clear_object (&paste->clipboard);
  g_clear_pointer (&paste->formats, gdk_content_formats_unref);
  g_clear_object (&paste->cancellable);
  g_free (paste->text);
  g_free (paste->html);
  g_free (paste->url);
  g_free (paste);
}

static Paste *
paste_new (SynWindow    *self,
           GdkClipboard *clipboard)
{
  Paste *paste = g_new0 (Paste, 1);

  paste->self = g_object_ref (self);
  paste->cancellable = g_object_ref (self->cancellable);
  if (clipboard != NULL)
    {
      paste->clipboard = g_object_ref (clipboard);
      paste->formats = gdk_content_formats_union_deserialize_gtypes (
        gdk_content_formats_ref (gdk_clipboard_get_formats (clipboard)));
    }
  return paste;
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

static void
source_made_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  SynWindow *self = SYN_WINDOW (object);
  Paste *paste = g_task_get_task_data (G_TASK (result));
  g_autoptr(SynSource) source = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  source = g_task_propagate_pointer (G_TASK (result), &error);
  if (self->in_dispose || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (source == NULL)
    {
      /* Translators: the argument is a phrase: "holds no readable text" */
      message = g_strdup_printf (paste->clipboard != NULL ? _("What was pasted %s") : _("What was dropped %s"),
                                 error->message);
      _syn_window_add_toast (self, message, SYN_WINDOW_FAILURE_TOAST_TIMEOUT);
      return;
    }
  /* A page is known by its address, as a fetched one is. */
  name = paste->url != NULL ? g_strdup (paste->url) : new_text_name (self, paste->clipboard == NULL);
  _syn_window_add_source (self, source, name);
}

static void
make_source_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  Paste *paste = task_data;
  GError *error = NULL;
  SynSource *source = syn_source_new_pasted (paste->html, paste->text, paste->url, &error);

  if (source == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, source, (GDestroyNotify) syn_source_unref);
}

/* The last step of a paste or a drop: addresses alone are fetched, other
 * text is extracted (HTML) or decoded in a worker thread, as files are. */
static void
add_pasted (Paste *paste)
{
  g_autoptr(GPtrArray) files = NULL;
  GTask *task;

  /* Cancelled with the rest of what the window was doing. */
  if (paste->self->in_dispose || g_cancellable_is_cancelled (paste->cancellable))
    {
      paste_free (paste);
      return;
    }
  if (paste->html == NULL && is_blank (paste->text))
    {
      _syn_window_add_toast (paste->self, paste->clipboard != NULL
                             ? _("The clipboard holds no text to add")
                             : _("Nothing to add: the text dropped is empty"), 5);
      paste_free (paste);
      return;
    }
  if (paste->html == NULL && (files = only_addresses (paste->text)) != NULL)
    {
      add_or_open (paste->self, files);
      paste_free (paste);
      return;
    }
  if (is_blank (paste->text))
    g_clear_pointer (&paste->text, g_free);
  task = g_task_new (paste->self, paste->cancellable, source_made_cb, NULL);
  g_task_set_task_data (task, paste, (GDestroyNotify) paste_free);
  g_task_run_in_thread (task, make_source_thread);
  g_object_unref (task);
}

gboolean
_syn_window_drop_text (SynWindow  *self,
                       const char *text)
{
  Paste *paste;

  if (is_blank (text))
    return FALSE;
  paste = paste_new (self, NULL);
  paste->text = g_strdup (text);
  add_pasted (paste);
  return TRUE;
}

/* The clipboard */

/* Clipboard bytes as UTF-8: browsers write some types in UTF-16 (Firefox's
 * text/x-moz-url-priv, and its text/html in older versions), with or
 * without a byte order mark. */
static char *
clipboard_string (GBytes *bytes)
{
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  const char *charset = NULL;

  if (len >= 2 && (guchar) data[0] == 0xFF && (guchar) data[1] == 0xFE)
    charset = "UTF-16LE", data += 2, len -= 2;
  else if (len >= 2 && (guchar) data[0] == 0xFE && (guchar) data[1] == 0xFF)
    charset = "UTF-16BE", data += 2, len -= 2;
  else if (len >= 2 && memchr (data, '\0', len) != NULL)
    charset = data[0] == '\0' ? "UTF-16BE" : "UTF-16LE";
  else if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    data += 3, len -= 3;

  if (charset != NULL)
    {
      /* A string: whatever follows a U+0000 is dropped. */
      g_autofree char *converted = g_convert (data, len & ~(gsize) 1, "UTF-8", charset, NULL, NULL, NULL);

      return converted != NULL ? g_utf8_make_valid (converted, -1) : NULL;
    }
  return g_utf8_make_valid (data, len);
}

static void
read_stream_spliced_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (g_output_stream_splice_finish (G_OUTPUT_STREAM (object), result, &error) < 0)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task,
                           g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (object)),
                           (GDestroyNotify) g_bytes_unref);
}

static void
read_stream_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GTask *task = user_data;
  GError *error = NULL;
  g_autoptr(GInputStream) in = gdk_clipboard_read_finish (GDK_CLIPBOARD (object), result, NULL, &error);
  g_autoptr(GOutputStream) out = NULL;

  if (in == NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  out = g_memory_output_stream_new_resizable ();
  g_output_stream_splice_async (out, in,
                                G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE | G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                                G_PRIORITY_DEFAULT, g_task_get_cancellable (task), read_stream_spliced_cb, task);
}

/* Reads one MIME type of the clipboard as a string (see clipboard_string()). */
static void
read_mime_type_async (Paste               *paste,
                      const char          *mime_type,
                      GAsyncReadyCallback  callback)
{
  const char *mime_types[] = { mime_type, NULL };
  GTask *task = g_task_new (paste->clipboard, paste->cancellable, callback, paste);

  gdk_clipboard_read_async (paste->clipboard, mime_types, G_PRIORITY_DEFAULT, paste->cancellable,
                            read_stream_cb, task);
}

static char *
read_mime_type_finish (GAsyncResult *result)
{
  g_autoptr(GBytes) bytes = g_task_propagate_pointer (G_TASK (result), NULL);

  return bytes != NULL ? clipboard_string (bytes) : NULL;
}

/* Where browsers say which page a selection was copied from. */
static const char * const source_url_types[] = {
  "text/x-moz-url-priv",    /* Firefox */
  "chromium/x-source-url",  /* Chromium, Chrome */
};

static const char *
offered_url_type (Paste *paste)
{
  for (guint i = 0; i < G_N_ELEMENTS (source_url_types); i++)
    if (gdk_content_formats_contain_mime_type (paste->formats, source_url_types[i]))
      return source_url_types[i];
  return NULL;
}

static void
url_read_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Paste *paste = user_data;
  g_autofree char *url = read_mime_type_finish (result);

  /* Firefox's text/x-moz-url carries a title on a second line. */
  if (url != NULL)
    {
      url[strcspn (url, "\r\n")] = '\0';
      g_strstrip (url);
    }
  if (syn_fetch_is_web_uri (url))
    paste->url = g_steal_pointer (&url);
  add_pasted (paste);
}

static void
html_read_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Paste *paste = user_data;
  const char *url_type;

  paste->html = read_mime_type_finish (result);
  if (is_blank (paste->html))
    g_clear_pointer (&paste->html, g_free);
  if (paste->html != NULL && (url_type = offered_url_type (paste)) != NULL)
    read_mime_type_async (paste, url_type, url_read_cb);
  else
    add_pasted (paste);
}

static void
text_read_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Paste *paste = user_data;
  g_autoptr(GPtrArray) files = NULL;

  paste->text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result, NULL);
  /* A link copied in a browser comes as HTML too: the address is what the
   * user meant. */
  if (paste->text != NULL && (files = only_addresses (paste->text)) != NULL)
    {
      if (!paste->self->in_dispose)
        add_or_open (paste->self, files);
      paste_free (paste);
    }
  else if (gdk_content_formats_contain_mime_type (paste->formats, "text/html"))
    read_mime_type_async (paste, "text/html", html_read_cb);
  else
    add_pasted (paste);
}

static void
read_text (Paste *paste)
{
  if (gdk_content_formats_contain_gtype (paste->formats, G_TYPE_STRING))
    gdk_clipboard_read_text_async (paste->clipboard, paste->cancellable, text_read_cb, paste);
  else if (gdk_content_formats_contain_mime_type (paste->formats, "text/html"))
    read_mime_type_async (paste, "text/html", html_read_cb);
  else
    add_pasted (paste);
}

static void
files_read_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  Paste *paste = user_data;
  const GValue *value = gdk_clipboard_read_value_finish (GDK_CLIPBOARD (object), result, NULL);
  GSList *list = value != NULL ? g_value_get_boxed (value) : NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new ();

  for (GSList *l = list; l != NULL; l = l->next)
    g_ptr_array_add (files, l->data);
  if (files->len == 0)
    {
      read_text (paste);
      return;
    }
  if (!paste->self->in_dispose)
    add_or_open (paste->self, files);
  paste_free (paste);
}

static void
paste_source_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  SynWindow *self = SYN_WINDOW (widget);
  GdkClipboard *clipboard = gtk_widget_get_clipboard (widget);
  Paste *paste;

  /* A dialog inside the window has the keys: they are not meant for the
   * comparison behind it. */
  if (syn_compat_window_shows_dialog (GTK_WINDOW (self)))
    return;
  paste = paste_new (self, clipboard);

  if (gdk_content_formats_contain_gtype (paste->formats, GDK_TYPE_FILE_LIST))
    gdk_clipboard_read_value_async (clipboard, GDK_TYPE_FILE_LIST, G_PRIORITY_DEFAULT, paste->cancellable,
                                    files_read_cb, paste);
  else if (gdk_content_formats_contain_gtype (paste->formats, G_TYPE_STRING) ||
           gdk_content_formats_contain_mime_type (paste->formats, "text/html"))
    read_text (paste);
  else
    {
      _syn_window_add_toast (self, _("The clipboard holds no text to add"), 5);
      paste_free (paste);
    }
}

void
_syn_window_class_init_web (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.add-from-web", NULL, add_from_web_activated);
  gtk_widget_class_install_action (widget_class, "win.paste-source", NULL, paste_source_activated);
  /* The window's own keys come after the focused widget's: Ctrl+V in the
   * search entry still pastes into it. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_v, GDK_CONTROL_MASK, "win.paste-source", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Insert, GDK_SHIFT_MASK, "win.paste-source", NULL);
}
