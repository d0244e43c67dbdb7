/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One libFuzzer target, built once per check (SYN_FUZZ_CHECK names it; see
 * meson.build). The checks themselves live in fuzz-checks.c.
 */
#define G_LOG_DOMAIN "syn-fuzz"

#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include "fuzz-checks.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  syn_fuzz_init ();
  atexit (syn_fuzz_loader_cleanup);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  SYN_FUZZ_CHECK (data, size);
  return 0;
}
