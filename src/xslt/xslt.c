/*
 * xslt.c -- the one place that deals with libxslt's ownership rules
 * (xsltParseStylesheetFile takes over the stylesheet document; a
 * transformation context must outlive the result's use of its dictionary)
 * and its security preferences.
 */
#include "xslt.h"
#include "typo.h"

#include <errno.h>
#include <libexslt/exslt.h>
#include <libgen.h>
#include <libxml/xpathInternals.h>
#include <libxslt/extensions.h>
#include <libxslt/security.h>
#include <libxslt/transform.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/xsltutils.h>
#include <libxslt/documents.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>

struct folio_xslt {
	xsltStylesheetPtr sheet;  /* owned */
	char *dir;                /* owned; the data directory (the parent of the
	                             stylesheet's directory): reads allowed below */
	char *path;               /* owned; the stylesheet file */
};

static bool initialised;

/* libxslt reports through printf-style generic errors, in pieces.  We join
 * the pieces into lines and turn "runtime error: file F line N element E"
 * plus the next line into one diagnostic.  Per thread: two threads may
 * compile or apply stylesheets at once (src/pipeline.c); the handler
 * libxslt calls is the same function for both. */
static _Thread_local struct {
	folio_diags *diags;
	const char *sheet;   /* stylesheet path, for messages without a file */
	folio_buf pending;   /* text not yet ended by a newline */
	char *where;         /* a held "runtime error: ..." line */
	bool in_dump;        /* in the stack dump after a recursion error */
	bool refused;        /* check_read refused a file in this call */
} gen;

/* libxslt's lines that repeat what another line already said, or that
 * follow a recursion error with a dump of its whole call stack.  The dump
 * (xsltDebug: "Templates:", "#0 name r", "Variables:", then one bare line
 * per variable or parameter, "var v", "n") has no marker on its lines, so
 * everything after the recursion error is dropped: the transformation
 * stops there, and nothing else it says is news. */
static bool
noise(const char *line)
{
	if (!strcmp(line, "error") || strstr(line, " rights for ") ||
	    !strncmp(line, "Local file read for ", 20))
		return true;
	if (gen.in_dump)
		return true;
	/* after check_read refused a file, libxslt adds "xsl:include : unable
	 * to load F" (or "document() : failed to load ..." style lines) */
	if (gen.refused && strstr(line, "unable to load "))
		return true;
	if (strstr(line, "infinite template recursion") ||
	    strstr(line, "infinite variable recursion")) {
		gen.in_dump = true;
		return false;
	}
	return false;
}

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
	if (noise(line)) {
		/* a refusal said at compile time has no position; the
		 * xsl:include it refused has one: give it to the refusal */
		folio_diags *d = gen.diags;
		if (gen.refused && lineno && d->n && !d->items[d->n - 1].line &&
		    !strcmp(d->items[d->n - 1].file ? d->items[d->n - 1].file : "", file)) {
			d->items[d->n - 1].line = lineno;
			d->items[d->n - 1].col = 1;
		}
		free(gen.where);   /* its position belonged to the dropped line */
		gen.where = NULL;
		return;
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
	gen.in_dump = gen.refused = false;
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
	gen.in_dump = false;
	gen.refused = false;
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

/* libxslt loads imported stylesheets and document() files with
 * XSLT_PARSE_OPTIONS, which expand entities and load DTDs: an XXE in a
 * file beside the source would be read through document().  Every load
 * goes through this instead, with the options folio uses for sources (the
 * security preferences are still checked by the loader it wraps). */
static xsltDocLoaderFunc libxslt_loader;

/* Stylesheets (the main one and what it imports or includes) are parsed
 * without their whitespace-only text nodes: XSLT strips every one of
 * them anyway (outside xsl:text and xml:space="preserve", which libxml2
 * keeps: a blank node that is an element's only content, or under
 * xml:space="preserve", stays), and building them only for libxslt to
 * unlink and free them again was a tenth of compiling protocol.xsl.
 * Documents read with document() keep theirs. */
#define STYLESHEET_NO_BLANKS XML_PARSE_NOBLANKS

static xmlDocPtr
safe_loader(const xmlChar *uri, xmlDictPtr dict, int options, void *ctxt,
            xsltLoadType type)
{
	options &= ~(XML_PARSE_NOENT | XML_PARSE_DTDLOAD | XML_PARSE_DTDATTR |
	             XML_PARSE_DTDVALID | XML_PARSE_XINCLUDE | XML_PARSE_HUGE);
	options |= XML_PARSE_NONET;
	if (type == XSLT_LOAD_STYLESHEET)
		options |= STYLESHEET_NO_BLANKS;
	return libxslt_loader(uri, dict, options, ctxt, type);
}

static xsltSecurityPrefsPtr security_prefs(void);

void
folio_xslt_init(void)
{
	if (initialised)
		return;
	initialised = true;
	libxslt_loader = xsltDocDefaultLoader;
	xsltSetLoaderFunc(safe_loader);
	/* the defaults cover what happens outside a transformation: reading
	 * xsl:import and xsl:include while a stylesheet is compiled */
	xsltSetDefaultSecurityPrefs(security_prefs());
	exsltRegisterAll();
	xsltRegisterExtModuleFunction(BAD_CAST "line", BAD_CAST FOLIO_FO_EXT_NS,
	                              fn_line);
	folio_typo_register();
}

/* Security: reading only below allowed directories; no writes, no net.
 * Per thread, like gen. */
static _Thread_local char *allowed_dirs[2];

/* real: a path resolved by realpath(3) */
static bool
path_allowed(const char *real)
{
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
	gen.refused = true;   /* unless the read is allowed below */
	if (!strncmp(value, "file://", 7))
		value += 7;
	if (strstr(value, "://")) {
		xsltTransformError(ctxt, NULL, NULL,
		                   "network access is not allowed: %s\n", value);
		return 0;
	}
	char real[PATH_MAX];
	if (!realpath(value, real)) {
		/* (not "not allowed": a missing file in the data directory is a
		 * broken installation, and the message should say so) */
		xsltTransformError(ctxt, NULL, NULL, "cannot read %s: %s\n", value,
		                   strerror(errno));
		return 0;
	}
	if (!path_allowed(real)) {
		xsltTransformError(ctxt, NULL, NULL,
		                   "reading %s is not allowed (outside folio's data "
		                   "directory and the source's directory)\n", value);
		return 0;
	}
	gen.refused = false;
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
	folio_xslt_init();
	size_t before = d->errors;
	folio_xml_errors_push(d, NULL);
	generic_push(d, path);
	/* imports and includes: from the data directory only (the parent of
	 * the stylesheet's directory), as for reads during a transformation */
	char real[PATH_MAX];
	char *copy = folio_strdup(realpath(path, real) ? real : path);
	char *parent_copy = folio_strdup(dirname(copy));
	char *data_dir = folio_strdup(dirname(parent_copy));
	free(parent_copy);
	free(copy);
	allowed_dirs[0] = data_dir;
	/* Parse the stylesheet document ourselves with safe options, then hand
	 * it over: xsltParseStylesheetDoc owns it from here on. */
	xmlDocPtr doc = xmlReadFile(path, NULL, XML_PARSE_NONET | STYLESHEET_NO_BLANKS);
	xsltStylesheetPtr sheet = doc ? xsltParseStylesheetDoc(doc) : NULL;
	allowed_dirs[0] = NULL;
	generic_pop();
	folio_xml_errors_pop();
	if (!sheet) {
		if (doc)
			xmlFreeDoc(doc);
		if (d->errors == before)
			folio_diags_add(d, FOLIO_ERROR, "xslt", path, 0, 0,
			                "cannot compile the stylesheet");
		free(data_dir);
		return NULL;
	}
	folio_xslt *s = folio_calloc(1, sizeof *s);
	s->sheet = sheet;
	s->path = folio_strdup(path);
	/* reads are allowed in folio's data directory: the parent of the
	 * stylesheet's directory (schemas/ and stylesheets/ read each other's
	 * files, e.g. rules read the label catalogues) */
	s->dir = data_dir;
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

/* ---- the time limit ----
 *
 * Endless recursion ends at maxTemplateDepth, but a stylesheet can also do
 * endless work without going deep (two recursive calls per level, 2^60 of
 * them).  A CPU-time timer (SIGVTALRM, so sleeping and waiting do not
 * count) stops the engine: it sets the context's state to STOPPED, the
 * flag libxslt checks between instructions (what libxslt's own
 * xsltStopEngine does; a plain store, safe in a signal handler). */
static volatile sig_atomic_t timed_out;
static xsltTransformContextPtr running;

static void
on_timer(int sig)
{
	(void)sig;
	timed_out = 1;
	if (running)
		running->state = XSLT_STATE_STOPPED;
}

/* FOLIO_LIMIT_XSLT_SECONDS, or $FOLIO_XSLT_TIME_LIMIT when it is a
 * positive number of seconds (tests use a short one). */
static long
time_limit(void)
{
	const char *e = getenv("FOLIO_XSLT_TIME_LIMIT");
	long v = e ? strtol(e, NULL, 10) : 0;
	return v > 0 ? v : FOLIO_LIMIT_XSLT_SECONDS;
}

static void
timer_start(xsltTransformContextPtr ctxt, struct sigaction *old_sa,
            struct itimerval *old_it)
{
	timed_out = 0;
	running = ctxt;
	struct sigaction sa = {.sa_handler = on_timer};
	sigemptyset(&sa.sa_mask);
	sigaction(SIGVTALRM, &sa, old_sa);
	struct itimerval it = {.it_value = {.tv_sec = time_limit()}};
	setitimer(ITIMER_VIRTUAL, &it, old_it);
}

static void
timer_stop(const struct sigaction *old_sa, const struct itimerval *old_it)
{
	struct itimerval off = {0};
	setitimer(ITIMER_VIRTUAL, &off, NULL);
	sigaction(SIGVTALRM, old_sa, NULL);
	running = NULL;
	if (old_it->it_value.tv_sec || old_it->it_value.tv_usec)
		setitimer(ITIMER_VIRTUAL, old_it, NULL);
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
	ctxt->maxTemplateDepth = FOLIO_LIMIT_XSLT_DEPTH;
	struct sigaction old_sa;
	struct itimerval old_it;
	timer_start(ctxt, &old_sa, &old_it);
	xmlDocPtr res = xsltApplyStylesheetUser(s->sheet, src->doc, quoted, NULL,
	                                        NULL, ctxt);
	timer_stop(&old_sa, &old_it);
	if (timed_out)
		folio_diags_add(d, FOLIO_ERROR, "limit", s->path, 0, 0,
		                "the stylesheet ran for more than %ld s of CPU time on "
		                "%s and was stopped (FOLIO_XSLT_TIME_LIMIT)",
		                time_limit(), src->path);
	bool failed = ctxt->state != XSLT_STATE_OK || timed_out;
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
