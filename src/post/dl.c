/*
 * dl.c -- opens libqpdf (qpdfdl.h) and libcrypto (cryptodl.h) on first
 * use and fills their tables of function pointers.
 */
#define FOLIO_QPDF_NO_MACROS
#define FOLIO_CRYPTO_NO_MACROS
#include "cryptodl.h"
#include "qpdfdl.h"

#include <dlfcn.h>
#include <glib.h>
#include <pthread.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#ifndef FOLIO_QPDF_SONAME
#define FOLIO_QPDF_SONAME "libqpdf.so.29"      /* Debian 12; the Makefile asks */
#endif
#ifndef FOLIO_CRYPTO_SONAME
#define FOLIO_CRYPTO_SONAME "libcrypto.so.3"
#endif

struct folio_qpdf_api folio_qpdf;
struct folio_crypto_api folio_crypto;

typedef struct library {
	const char *soname;
	const char *test_env;       /* names another soname (tests: a library
	                               that cannot be opened) */
	const char *const *names;   /* functions to look up ... */
	const size_t *offsets;      /* ... and where their pointers go in api */
	size_t n;
	void *api;
	const char *failure;        /* why it could not be opened */
} library;

/* Opens the library and fills its table; NULL with lib->failure set. */
static void *
open_library(library *lib)
{
	const char *test = getenv(lib->test_env);
	if (test && *test)
		lib->soname = test;
	/* RTLD_LOCAL: nothing else in the process binds to its symbols */
	void *so = dlopen(lib->soname, RTLD_NOW | RTLD_LOCAL);
	if (!so) {
		const char *e = dlerror();
		lib->failure = e ? g_intern_string(e) : "dlopen failed";
		return NULL;
	}
	for (size_t i = 0; i < lib->n; i++) {
		void *sym = dlsym(so, lib->names[i]);
		if (!sym) {
			char *m = g_strdup_printf("%s has no %s", lib->soname, lib->names[i]);
			lib->failure = g_intern_string(m);
			g_free(m);
			return NULL;
		}
		memcpy((char *)lib->api + lib->offsets[i], &sym, sizeof sym);
	}
	return so;
}

#define NAME(f) #f,
#define QPDF_OFFSET(f) offsetof(struct folio_qpdf_api, f),
#define CRYPTO_OFFSET(f) offsetof(struct folio_crypto_api, f),

/* One library each, opened under pthread_once: the first caller opens it,
 * callers on other threads wait for it to finish. */
static const char *const qpdf_names[] = {FOLIO_QPDF_FNS(NAME)};
static const size_t qpdf_offsets[] = {FOLIO_QPDF_FNS(QPDF_OFFSET)};
static library qpdf_lib = {FOLIO_QPDF_SONAME, "FOLIO_TEST_QPDF_SONAME", qpdf_names,
                           qpdf_offsets, G_N_ELEMENTS(qpdf_names), &folio_qpdf, NULL};
static void *qpdf_so;
static void open_qpdf(void) { qpdf_so = open_library(&qpdf_lib); }

static const char *const crypto_names[] = {FOLIO_CRYPTO_FNS(NAME)};
static const size_t crypto_offsets[] = {FOLIO_CRYPTO_FNS(CRYPTO_OFFSET)};
static library crypto_lib = {FOLIO_CRYPTO_SONAME, "FOLIO_TEST_CRYPTO_SONAME", crypto_names,
                             crypto_offsets, G_N_ELEMENTS(crypto_names), &folio_crypto,
                             NULL};
static void *crypto_so;
static void open_crypto(void) { crypto_so = open_library(&crypto_lib); }

/* What a load function answers once its pthread_once has run. */
static bool
loaded(const void *so, const library *lib, const char **why)
{
	if (!so && why)
		*why = lib->failure;
	return so != NULL;
}

bool
folio_qpdf_load(const char **why)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	pthread_once(&once, open_qpdf);
	return loaded(qpdf_so, &qpdf_lib, why);
}

bool
folio_crypto_load(const char **why)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	pthread_once(&once, open_crypto);
	return loaded(crypto_so, &crypto_lib, why);
}
