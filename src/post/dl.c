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
#include <stddef.h>
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
	const char *const *names;   /* functions to look up ... */
	const size_t *offsets;      /* ... and where their pointers go in api */
	size_t n;
	void *api;
	const char *failure;        /* why it could not be opened */
} library;

/* (a GOnce function: the first caller opens, later ones wait for it) */
static gpointer
open_library(gpointer p)
{
	library *lib = p;
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

static bool
load(GOnce *once, library *lib, const char **why)
{
	g_once(once, open_library, lib);
	if (once->retval)
		return true;
	if (why)
		*why = lib->failure;
	return false;
}

#define NAME(f) #f,
#define QPDF_OFFSET(f) offsetof(struct folio_qpdf_api, f),
#define CRYPTO_OFFSET(f) offsetof(struct folio_crypto_api, f),

bool
folio_qpdf_load(const char **why)
{
	static const char *const names[] = {FOLIO_QPDF_FNS(NAME)};
	static const size_t offsets[] = {FOLIO_QPDF_FNS(QPDF_OFFSET)};
	static library lib = {FOLIO_QPDF_SONAME, names, offsets,
	                      G_N_ELEMENTS(names), &folio_qpdf, NULL};
	static GOnce once = G_ONCE_INIT;
	return load(&once, &lib, why);
}

bool
folio_crypto_load(const char **why)
{
	static const char *const names[] = {FOLIO_CRYPTO_FNS(NAME)};
	static const size_t offsets[] = {FOLIO_CRYPTO_FNS(CRYPTO_OFFSET)};
	static library lib = {FOLIO_CRYPTO_SONAME, names, offsets,
	                      G_N_ELEMENTS(names), &folio_crypto, NULL};
	static GOnce once = G_ONCE_INIT;
	return load(&once, &lib, why);
}
