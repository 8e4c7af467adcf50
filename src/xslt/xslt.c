/*
 * xslt.c -- the one place that deals with libxslt's ownership rules
 * (xsltParseStylesheetFile takes over the stylesheet document; a
 * transformation context must outlive the result's use of its dictionary)
 * and its security preferences.
 */
#include "xslt.h"

#include <libexslt/exslt.h>
#include <libgen.h>
#include <libxml/xpathInternals.h>
#include <libxslt/extensions.h>
#include <libxslt/security.h>
#include <libxslt/transform.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/xsltutils.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct folio_xslt {
	xsltStylesheetPtr sheet;  /* owned */
	char *dir;                /* owned; the data directory (the parent of the
	                             stylesheet's directory): reads allowed below */
	char *path;               /* owned; the stylesheet file */
};

static bool initialised;

/* libxslt reports through printf-style generic errors, in pieces.  We join
 * the pieces into lines and turn "runtime error: file F line N element E"
 * plus the next line into one diagnostic. */
static struct {
	folio_diags *diags;
	const char *sheet;   /* stylesheet path, for messages without a file */
	folio_buf pending;   /* text not yet ended by a newline */
	char *where;         /* a held "runtime error: ..." line */
} gen;

static void
emit_line(const char *line)
{
	if (!strncmp(line, "runtime error", 13) ||
	    !strncmp(line, "compilation error", 17)) {
		free(gen.where);
		gen.where = folio_strdup(line);
		return;
	}
	char file[512] = "";
	int lineno = 0;
	if (gen.where) {
		const char *f = strstr(gen.where, "file ");
		if (f)
			sscanf(f, "file %511s line %d", file, &lineno);
	}
	folio_diags_add(gen.diags, FOLIO_ERROR, "xslt",
	                file[0] ? file : gen.sheet, lineno, lineno ? 1 : 0,
	                "%s", line);
	free(gen.where);
	gen.where = NULL;
}

static void
on_generic(void *ctx, const char *fmt, ...)
{
	(void)ctx;
	if (!gen.diags)
		return;
	va_list ap;
	va_start(ap, fmt);
	char tmp[1024];
	vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	folio_buf_puts(&gen.pending, tmp);
	char *nl;
	while (gen.pending.data && (nl = strchr(gen.pending.data, '\n'))) {
		*nl = 0;
		if (gen.pending.data[0])
			emit_line(gen.pending.data);
		size_t rest = gen.pending.len - (size_t)(nl + 1 - gen.pending.data);
		memmove(gen.pending.data, nl + 1, rest + 1);
		gen.pending.len = rest;
	}
}

static void
generic_push(folio_diags *d, const char *sheet)
{
	gen.diags = d;
	gen.sheet = sheet;
	xsltSetGenericErrorFunc(NULL, on_generic);
}

static void
generic_pop(void)
{
	if (gen.pending.len)
		emit_line(gen.pending.data);
	if (gen.where) {
		folio_diags_add(gen.diags, FOLIO_ERROR, "xslt", gen.sheet, 0, 0,
		                "%s", gen.where);
		free(gen.where);
		gen.where = NULL;
	}
	folio_buf_clear(&gen.pending);
	gen.diags = NULL;
}

/* folio:line(node-set?) -> number: the source line of the first node. */
static void
fn_line(xmlXPathParserContextPtr ctxt, int nargs)
{
	xmlNodePtr node = NULL;
	if (nargs > 1) {
		xmlXPathSetArityError(ctxt);
		return;
	}
	if (nargs == 1) {
		xmlXPathObjectPtr obj = valuePop(ctxt);
		if (obj && obj->type == XPATH_NODESET && obj->nodesetval &&
		    obj->nodesetval->nodeNr > 0)
			node = obj->nodesetval->nodeTab[0];
		xmlXPathFreeObject(obj);
	} else {
		node = ctxt->context->node;
	}
	long line = node ? xmlGetLineNo(node) : 0;
	valuePush(ctxt, xmlXPathNewFloat(line > 0 ? (double)line : 0));
}

static void
init_once(void)
{
	if (initialised)
		return;
	initialised = true;
	exsltRegisterAll();
	xsltRegisterExtModuleFunction(BAD_CAST "line", BAD_CAST FOLIO_FO_EXT_NS,
	                              fn_line);
}

/* Security: reading only below allowed directories; no writes, no net. */
static char *allowed_dirs[2];

static bool
path_allowed(const char *path)
{
	char real[PATH_MAX];
	if (!realpath(path, real))
		return false;
	for (int i = 0; i < 2; i++) {
		const char *dir = allowed_dirs[i];
		size_t n = dir ? strlen(dir) : 0;
		if (n && !strncmp(real, dir, n) && (real[n] == '/' || real[n] == 0))
			return true;
	}
	return false;
}

static int
check_read(xsltSecurityPrefsPtr sec, xsltTransformContextPtr ctxt,
           const char *value)
{
	(void)sec;
	if (!strncmp(value, "file://", 7))
		value += 7;
	if (strstr(value, "://")) {
		xsltTransformError(ctxt, NULL, NULL,
		                   "network access is not allowed: %s\n", value);
		return 0;
	}
	if (!path_allowed(value)) {
		xsltTransformError(ctxt, NULL, NULL,
		                   "reading %s is not allowed (outside folio's data "
		                   "directory and the source's directory)\n", value);
		return 0;
	}
	return 1;
}

static xsltSecurityPrefsPtr
security_prefs(void)
{
	xsltSecurityPrefsPtr sec = xsltNewSecurityPrefs();
	xsltSetSecurityPrefs(sec, XSLT_SECPREF_WRITE_FILE, xsltSecurityForbid);
	xsltSetSecurityPrefs(sec, XSLT_SECPREF_CREATE_DIRECTORY, xsltSecurityForbid);
	xsltSetSecurityPrefs(sec, XSLT_SECPREF_WRITE_NETWORK, xsltSecurityForbid);
	xsltSetSecurityPrefs(sec, XSLT_SECPREF_READ_NETWORK, xsltSecurityForbid);
	xsltSetSecurityPrefs(sec, XSLT_SECPREF_READ_FILE, check_read);
	return sec;
}

folio_xslt *
folio_xslt_load(folio_diags *d, const char *path)
{
	init_once();
	size_t before = d->errors;
	folio_xml_errors_push(d, NULL);
	generic_push(d, path);
	/* Parse the stylesheet document ourselves with safe options, then hand
	 * it over: xsltParseStylesheetDoc owns it from here on. */
	xmlDocPtr doc = xmlReadFile(path, NULL, XML_PARSE_NONET);
	xsltStylesheetPtr sheet = doc ? xsltParseStylesheetDoc(doc) : NULL;
	generic_pop();
	folio_xml_errors_pop();
	if (!sheet) {
		if (doc)
			xmlFreeDoc(doc);
		if (d->errors == before)
			folio_diags_add(d, FOLIO_ERROR, "xslt", path, 0, 0,
			                "cannot compile the stylesheet");
		return NULL;
	}
	folio_xslt *s = folio_calloc(1, sizeof *s);
	s->sheet = sheet;
	s->path = folio_strdup(path);
	char real[PATH_MAX];
	char *copy = folio_strdup(realpath(path, real) ? real : path);
	/* reads are allowed in folio's data directory: the parent of the
	 * stylesheet's directory (schemas/ and stylesheets/ read each other's
	 * files, e.g. rules read the label catalogues) */
	char *dir = dirname(copy);
	char *parent_copy = folio_strdup(dir);
	s->dir = folio_strdup(dirname(parent_copy));
	free(parent_copy);
	free(copy);
	return s;
}

void
folio_xslt_free(folio_xslt *s)
{
	if (!s)
		return;
	xsltFreeStylesheet(s->sheet);
	free(s->dir);
	free(s->path);
	free(s);
}

/* Quotes a string parameter as an XPath literal. */
static char *
xpath_literal(const char *v)
{
	if (!strchr(v, '\''))
		return folio_asprintf("'%s'", v);
	if (!strchr(v, '"'))
		return folio_asprintf("\"%s\"", v);
	return folio_strdup("''"); /* both quote kinds: not worth concat() */
}

xmlDocPtr
folio_xslt_apply(folio_diags *d, folio_xslt *s, const folio_xml_doc *src,
                 const char **params)
{
	size_t n = 0;
	while (params && params[2 * n])
		n++;
	const char **quoted = folio_calloc(2 * n + 1, sizeof *quoted);
	for (size_t i = 0; i < n; i++) {
		quoted[2 * i] = params[2 * i];
		quoted[2 * i + 1] = xpath_literal(params[2 * i + 1]);
	}

	char real[PATH_MAX];
	char *copy = folio_strdup(realpath(src->path, real) ? real : src->path);
	allowed_dirs[0] = s->dir;
	allowed_dirs[1] = folio_strdup(dirname(copy));
	free(copy);

	size_t before = d->errors;
	folio_xml_errors_push(d, src);
	generic_push(d, s->path);
	folio_xml_errors_skip_xpath(true);
	xsltTransformContextPtr ctxt = xsltNewTransformContext(s->sheet, src->doc);
	xsltSecurityPrefsPtr sec = security_prefs();
	xsltSetCtxtSecurityPrefs(sec, ctxt);
	ctxt->maxTemplateDepth = 3000;
	xmlDocPtr res = xsltApplyStylesheetUser(s->sheet, src->doc, quoted, NULL,
	                                        NULL, ctxt);
	bool failed = ctxt->state != XSLT_STATE_OK;
	xsltFreeTransformContext(ctxt);
	xsltFreeSecurityPrefs(sec);
	folio_xml_errors_skip_xpath(false);
	generic_pop();
	folio_xml_errors_pop();

	free(allowed_dirs[1]);
	allowed_dirs[0] = allowed_dirs[1] = NULL;
	for (size_t i = 0; i < n; i++)
		free((char *)quoted[2 * i + 1]);
	free(quoted);

	if (!res || failed || d->errors > before) {
		if (d->errors == before)
			folio_diags_add(d, FOLIO_ERROR, "xslt", src->path, 0, 0,
			                "the stylesheet failed on this document");
		if (res)
			xmlFreeDoc(res);
		return NULL;
	}
	return res;
}

folio_status
folio_xslt_serialize(folio_xslt *s, xmlDocPtr result, folio_buf *buf)
{
	xmlChar *mem = NULL;
	int len = 0;
	if (xsltSaveResultToString(&mem, &len, result, s->sheet) != 0)
		return FOLIO_EDOC;
	if (mem)
		folio_buf_add(buf, (const char *)mem, (size_t)len);
	xmlFree(mem);
	return FOLIO_OK;
}
