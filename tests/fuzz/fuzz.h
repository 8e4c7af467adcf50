/*
 * fuzz.h -- shared by folio's libFuzzer targets (tests/fuzz/NAME.c, built by
 * `make fuzz`): a pinned environment and a quiet diagnostics sink.
 *
 * Each target's LLVMFuzzerTestOneInput must free everything it made: leaks
 * count as findings (libFuzzer's -detect_leaks).  Diagnostics are
 * collected and thrown away; a crash, a sanitizer report, a timeout or an
 * out-of-memory is the finding.
 */
#ifndef FOLIO_FUZZ_H
#define FOLIO_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "../../src/base/base.h"

/* Fonts and locale as in tests/run.sh (FUZZ_REPO is set by the Makefile:
 * the repository root). */
static inline void
fuzz_pin_env(void)
{
	setenv("LC_ALL", "C.UTF-8", 1);
	setenv("FONTCONFIG_FILE", FUZZ_REPO "/tests/fonts.conf", 1);
	setenv("SOURCE_DATE_EPOCH", "0", 1);
	setenv("TZ", "UTC", 1);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

#endif
