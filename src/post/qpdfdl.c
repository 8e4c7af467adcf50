/*
 * qpdfdl.c -- opens libqpdf on first use (see qpdfdl.h).
 */
#define FOLIO_QPDF_NO_MACROS
#include "qpdfdl.h"

#include <dlfcn.h>
#include <glib.h>

#ifndef FOLIO_QPDF_SONAME
#define FOLIO_QPDF_SONAME "libqpdf.so.29"   /* Debian 12; the Makefile asks */
#endif

struct folio_qpdf_api folio_qpdf;

static const char *failure;   /* set once, by the first caller */

static gpointer
open_qpdf(gpointer unused)
{
	(void)unused;
	/* RTLD_LOCAL: nothing else in the process binds to its symbols */
	void *so = dlopen(FOLIO_QPDF_SONAME, RTLD_NOW | RTLD_LOCAL);
	if (!so) {
		const char *e = dlerror();
		failure = e ? g_intern_string(e) : "dlopen failed";
		return NULL;
	}
#define FOLIO_QPDF_SYM(f)                                   \
	if (!(*(void **)&folio_qpdf.f = dlsym(so, #f))) {       \
		failure = "the library lacks " #f;                 \
		return NULL;                                       \
	}
	FOLIO_QPDF_FNS(FOLIO_QPDF_SYM)
#undef FOLIO_QPDF_SYM
	return so;
}

bool
folio_qpdf_load(const char **why)
{
	static GOnce once = G_ONCE_INIT;
	g_once(&once, open_qpdf, NULL);
	if (once.retval)
		return true;
	if (why)
		*why = failure;
	return false;
}
