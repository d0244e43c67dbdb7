/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What each fuzz target checks, shared by the libFuzzer targets (which run
 * them on generated input) and by the regression test (which runs them on
 * the seed corpus and on every input a fuzzer ever crashed on). A check
 * aborts (g_assert) on anything wrong, which is what libFuzzer reports.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One fuzz target: its name (the corpus folder) and its check. */
typedef struct {
  const char *name;
  void      (*check) (const guint8 *data,
                      gsize         size);
} SynFuzzTarget;

/* Makes criticals and warnings fatal, as the tests' G_DEBUG does. */
void syn_fuzz_init           (void);

void syn_fuzz_check_decode    (const guint8 *data,
                               gsize         size);
void syn_fuzz_check_segment   (const guint8 *data,
                               gsize         size);
void syn_fuzz_check_normalize (const guint8 *data,
                               gsize         size);
/* Sources are cut from the input at each 0x1E byte (the ASCII record
 * separator, which no text holds), at most 12; export's first byte picks
 * the unit. */
void syn_fuzz_check_align     (const guint8 *data,
                               gsize         size);
void syn_fuzz_check_export    (const guint8 *data,
                               gsize         size);

/* Writes the input to a scratch file and loads it (fuzz-loader.c, which
 * needs the model library); the scratch file goes with the cleanup. */
void syn_fuzz_check_loader    (const guint8 *data,
                               gsize         size);
void syn_fuzz_loader_cleanup  (void);

/* The article extractor (fuzz-html.c, which needs the web library): the
 * first byte picks the character set the HTTP header gives, the rest is
 * the page. */
void syn_fuzz_check_html      (const guint8 *data,
                               gsize         size);

/* Reads the input as a saved comparison (fuzz-saved.c, model library):
 * refused with a SYN_SAVED_ERROR, or alignable and written back the same. */
void syn_fuzz_check_saved     (const guint8 *data,
                               gsize         size);

/* The core's targets, for the regression test. */
const SynFuzzTarget *syn_fuzz_core_targets (guint *n_targets);

/* A strict JSON (RFC 8259) reader, small enough to trust, for the export. */
typedef enum {
  SYN_JSON_NULL,
  SYN_JSON_BOOLEAN,
  SYN_JSON_NUMBER,
  SYN_JSON_STRING,
  SYN_JSON_ARRAY,
  SYN_JSON_OBJECT,
} SynJsonType;

typedef struct _SynJson SynJson;
struct _SynJson {
  SynJsonType  type;
  gboolean     boolean;
  double       number;
  char        *string;   /* STRING: the unescaped value (valid UTF-8) */
  gsize        string_len;
  GPtrArray   *items;    /* ARRAY, OBJECT: SynJson values */
  GPtrArray   *keys;     /* OBJECT: char * keys, parallel to items */
};

/* NULL (and @error set, with the byte offset) when @text is not valid JSON. */
SynJson    *syn_json_parse      (const char     *text,
                                 gsize           len,
                                 GError        **error);
void        syn_json_free       (SynJson        *json);
/* A member of an object, or NULL. */
SynJson    *syn_json_get        (const SynJson  *object,
                                 const char     *key);

/* Checks a "synopsis-comparison" export against its schema and against the
 * files on disk (@disk_lengths: each source's size): offsets within the
 * files, passages in text order, groups and divergences pointing at real
 * passages. Returns FALSE with a message in @error. */
gboolean    syn_json_check_export (const char    *text,
                                   gsize          len,
                                   const gsize   *disk_lengths,
                                   guint          n_sources,
                                   GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SynJson, syn_json_free)

G_END_DECLS
