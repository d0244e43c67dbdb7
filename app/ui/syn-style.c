/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The style sheets for the dark and high-contrast styles, loaded by hand.
 *
 * AdwApplication loads style.css from the resources, and used to load
 * style-dark.css and style-hc.css beside it; libadwaita 1.9 deprecates
 * those (with a warning at every start) in favour of media queries in
 * style.css. But GTK's CSS knows @media only from 4.20, and GTK 4.8 warns
 * about an unknown @-rule, so style.css stays plain and the extra rules
 * live under names libadwaita does not look for (styles/dark.css,
 * styles/high-contrast.css). How they are applied depends on GTK:
 *
 *  - GTK ≥ 4.20, built against and running (syn_compat_css_has_media_queries()):
 *    one provider holding both sheets, each wrapped in its media query,
 *    exactly what style.css will hold once GTK 4.8 is dropped. A provider
 *    of our own does not follow the style manager by itself (libadwaita
 *    sets the preferences on its own providers only), so its
 *    prefers-color-scheme and prefers-contrast are kept in step with
 *    AdwStyleManager.
 *  - Older GTK: a provider per sheet, added to the display while the
 *    style manager is dark or in high contrast and removed otherwise —
 *    what AdwApplication did with style-dark.css.
 *
 * Either way at the same priority as style.css, added after it, so these
 * rules win over it.
 */
#define G_LOG_DOMAIN "syn-ui"

#include "config.h"

#include <adwaita.h>

#include "syn-compat.h"
#include "syn-style.h"

#define STYLES_PATH "/io/github/synopsis_app/Synopsis/styles/"

typedef struct {
  GdkDisplay     *display;
  GtkCssProvider *media;          /* GTK ≥ 4.20: both sheets, in media queries */
  GtkCssProvider *dark;           /* older GTK: one provider per sheet */
  GtkCssProvider *high_contrast;
  gboolean        dark_added;
  gboolean        high_contrast_added;
} SynStyle;

static SynStyle style;

static void
set_added (GtkCssProvider *provider,
           gboolean       *added,
           gboolean        wanted)
{
  if (*added == wanted)
    return;
  if (wanted)
    gtk_style_context_add_provider_for_display (style.display, GTK_STYLE_PROVIDER (provider),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  else
    gtk_style_context_remove_provider_for_display (style.display, GTK_STYLE_PROVIDER (provider));
  *added = wanted;
}

static void
update_cb (AdwStyleManager *manager)
{
  gboolean dark = adw_style_manager_get_dark (manager);
  gboolean high_contrast = adw_style_manager_get_high_contrast (manager);

  if (style.media != NULL)
    {
      syn_compat_css_provider_set_preferences (style.media, dark, high_contrast);
      return;
    }
  set_added (style.dark, &style.dark_added, dark);
  set_added (style.high_contrast, &style.high_contrast_added, high_contrast);
}

static char *
read_sheet (const char *name)
{
  g_autofree char *path = g_strconcat (STYLES_PATH, name, NULL);
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

  g_assert (bytes != NULL);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static GtkCssProvider *
new_media_provider (void)
{
  GtkCssProvider *provider = gtk_css_provider_new ();
  g_autofree char *dark = read_sheet ("dark.css");
  g_autofree char *high_contrast = read_sheet ("high-contrast.css");
  g_autofree char *css = g_strdup_printf ("@media (prefers-color-scheme: dark) {\n%s\n}\n"
                                          "@media (prefers-contrast: more) {\n%s\n}\n",
                                          dark, high_contrast);

  syn_compat_css_provider_load (provider, css);
  return provider;
}

static GtkCssProvider *
new_provider (const char *name)
{
  g_autofree char *path = g_strconcat (STYLES_PATH, name, NULL);
  GtkCssProvider *provider = gtk_css_provider_new ();

  gtk_css_provider_load_from_resource (provider, path);
  return provider;
}

void
syn_style_init (void)
{
  AdwStyleManager *manager;

  if (style.display != NULL)
    return;
  style.display = gdk_display_get_default ();
  if (style.display == NULL)
    return;
  manager = adw_style_manager_get_default ();

  if (syn_compat_css_has_media_queries ())
    {
      style.media = new_media_provider ();
      gtk_style_context_add_provider_for_display (style.display, GTK_STYLE_PROVIDER (style.media),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
    }
  if (style.media == NULL)
    {
      style.dark = new_provider ("dark.css");
      style.high_contrast = new_provider ("high-contrast.css");
    }
  g_signal_connect (manager, "notify::dark", G_CALLBACK (update_cb), NULL);
  g_signal_connect (manager, "notify::high-contrast", G_CALLBACK (update_cb), NULL);
  update_cb (manager);
}
