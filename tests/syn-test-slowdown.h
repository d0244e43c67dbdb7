/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Time limits in tests are bounds that only a runaway (quadratic work, a
 * hang, a frozen main loop) would cross, not benchmarks. A build under
 * AddressSanitizer, or a run under valgrind, is several times slower:
 * syn_test_slowdown() is the factor to stretch such bounds by.
 */
#pragma once

#include <glib.h>

#if defined(__SANITIZE_ADDRESS__)
# define SYN_TEST_SANITIZED 1
#elif defined(__has_feature)
# if __has_feature(address_sanitizer)
#  define SYN_TEST_SANITIZED 1
# endif
#endif

/* How much slower than a plain build this one runs: AddressSanitizer, or
 * what SYN_TEST_TIME_FACTOR says (valgrind, see .ci/fuzz). */
static inline double
syn_test_slowdown (void)
{
  const char *factor = g_getenv ("SYN_TEST_TIME_FACTOR");
  double f = factor != NULL ? g_ascii_strtod (factor, NULL) : 1.0;

#ifdef SYN_TEST_SANITIZED
  f = MAX (f, 4.0);
#endif
  return MAX (f, 1.0);
}
