/*
 * pipeline.c -- connects the stages (see pipeline.h) and owns the output
 * files: temporary file beside the target, rename on success.
 */
#include "pipeline.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "fo/fo.h"
#include "image/image.h"
#include "layout/layout.h"
#include "post/post.h"
#include "render/render.h"
#include "xml/xml.h"
#include "xslt/xslt.h"

/* Wall time of each stage of one document (--timings). */
enum {
	T_LOAD, T_SCHEMA, T_VALIDATE, T_RULES, T_XSLT, T_WAIT, T_TRANSFORM,
	T_FO, T_PRELOAD_WAIT, T_LAYOUT, T_RENDER, T_POST, T_WRITE, T_N
};
/* schema, validate and rules run beside xslt-compile in a cold process
 * (see load_valid_xslt); "wait" is what the main thread waited for them */
static const char *const stage_names[T_N] = {
	"load", "schema", "validate", "rules", "xslt-compile", "wait",
	"transform", "fo-tree", "wait-preload", "layout", "render", "post",
	"write",
};

typedef struct timings {
	double ms[T_N];
	double last, start;   /* monotonic ms */
	int threads;          /* layout: threads that set paragraphs */
	double preload_ms;    /* the preloading thread's time, when it ran */
	size_t paras, beside; /* layout: paragraphs, and those set by helpers */
} timings;

typedef struct doctype {
	char name[64];
	folio_xml_schema *schema;   /* owned */
	folio_xslt *xslt;           /* owned; NULL until a transform needs it */
	folio_xslt *rules;          /* owned; business rules, or NULL */
	bool rules_loaded;          /* looked for schemas/TYPE-rules.xsl */
	bool rules_broken;          /* it exists but does not compile */
} doctype;

struct folio_session {
	folio_session_opts opts;
	char *data_dir;             /* owned */
	folio_diags diags;
	doctype *types;             /* owned array */
	size_t ntypes;
	char *mem;                  /* source bytes for the next load instead of
	                               reading the file (render_bytes), or NULL */
	size_t mem_len;
	size_t pages;               /* pages of the last rendered document */
	timings tm;                 /* of the current document */
	GThread *preload_thread;    /* loading hyphenation patterns and fonts */
	GThread *post_thread;       /* opening libqpdf */
	GThread *svg_thread;        /* opening librsvg */
	bool preloaded;             /* (once per session) */
	bool svg_started;           /* (once per session) */
	bool post_started;          /* (once per session) */
	char preload_lang[3];       /* the patterns' language */
	double preload_ms;          /* how long that thread took (--timings) */
};

static double
now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* Charges the time since the last mark to stage k. */
static void
mark(folio_session *s, int k)
{
	double t = now_ms();
	s->tm.ms[k] += t - s->tm.last;
	s->tm.last = t;
}

static void
timings_start(folio_session *s)
{
	memset(&s->tm, 0, sizeof s->tm);
	s->tm.start = s->tm.last = now_ms();
}

/* One note per document: "IN: timings: load 1.2 ms, ...". */
static void
timings_report(folio_session *s, const char *in)
{
	if (!s->opts.timings)
		return;
	char line[512];
	size_t n = 0;
	for (int k = 0; k < T_N; k++)
		if (s->tm.ms[k] >= 0.05 && n < sizeof line)
			n += (size_t)snprintf(line + n, sizeof line - n, "%s %.1f ms, ",
			                      stage_names[k], s->tm.ms[k]);
	if (n < sizeof line)
		n += (size_t)snprintf(line + n, sizeof line - n, "total %.1f ms",
		                      now_ms() - s->tm.start);
	if (s->tm.preload_ms > 0 && n < sizeof line)
		n += (size_t)snprintf(line + n, sizeof line - n, "; fonts and hyphenation "
		                      "loaded beside in %.1f ms", s->tm.preload_ms);
	if (s->tm.threads > 1 && n < sizeof line)
		snprintf(line + n, sizeof line - n, "; layout on %d threads, %zu of %zu "
		         "paragraphs set beside the main one", s->tm.threads,
		         s->tm.beside, s->tm.paras);
	folio_diags_add(&s->diags, FOLIO_NOTE, "timings", in, 0, 0, "timings: %s", line);
}

folio_session *
folio_session_new(const folio_session_opts *opts)
{
	folio_session *s = folio_calloc(1, sizeof *s);
	s->opts = *opts;
	s->data_dir = opts->data_dir ? folio_strdup(opts->data_dir) : NULL;
	return s;
}

static void
join(GThread **t)
{
	if (*t)
		g_thread_join(*t);
	*t = NULL;
}

/* Joins the thread loading hyphenation patterns and fonts (layout's). */
static void
preload_join(folio_session *s)
{
	if (s->preload_thread) {
		join(&s->preload_thread);
		s->tm.preload_ms = s->preload_ms;
	}
}

/* Joins the threads opening libqpdf and librsvg, if they run. */
static void
loaders_join(folio_session *s)
{
	join(&s->post_thread);
	join(&s->svg_thread);
}

void
folio_session_free(folio_session *s)
{
	if (!s)
		return;
	preload_join(s);
	loaders_join(s);
	for (size_t i = 0; i < s->ntypes; i++) {
		folio_xml_schema_free(s->types[i].schema);
		folio_xslt_free(s->types[i].xslt);
		folio_xslt_free(s->types[i].rules);
	}
	free(s->types);
	free(s->data_dir);
	folio_diags_clear(&s->diags);
	free(s);
}

folio_diags *
folio_session_diags(folio_session *s)
{
	return &s->diags;
}

static bool
is_dir(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

char *
folio_data_dir_find(const char *explicit_dir, const char *argv0)
{
	if (explicit_dir)
		return folio_strdup(explicit_dir);
	const char *env = getenv("FOLIO_DATA_DIR");
	if (env && *env)
		return folio_strdup(env);
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0)
		exe[n] = 0;
	else if (!argv0 || !realpath(argv0, exe))
		return NULL;
	char *dir = dirname(exe);
	const char *tries[] = {"%s/..", "%s", "%s/../share/folio"};
	for (int i = 0; i < 3; i++) {
		char *cand = folio_asprintf(tries[i], dir);
		char *schemas = folio_asprintf("%s/schemas", cand);
		bool ok = is_dir(schemas);
		free(schemas);
		if (ok) {
			char real[PATH_MAX];
			char *r = folio_strdup(realpath(cand, real) ? real : cand);
			free(cand);
			return r;
		}
		free(cand);
	}
	return NULL;
}

/* The document type of x: its entry in s->types (made on first sight,
 * once its schema file is known to exist); the schema is compiled by
 * schema_of. */
static doctype *
type_of(folio_session *s, folio_xml_doc *x, folio_status *st)
{
	char name[64];
	xmlNodePtr root = xmlDocGetRootElement(x->doc);
	if (!folio_xml_doc_type(x, name, sizeof name)) {
		folio_diags_add(&s->diags, FOLIO_ERROR, "doc-type", x->path,
		                (int)xmlGetLineNo(root), folio_xml_node_col(x, root),
		                "unknown document type: root element <%s>%s%s%s is not in a "
		                "folio namespace (urn:folio:TYPE)", (const char *)root->name,
		                root->ns ? " in namespace \"" : "",
		                root->ns ? (const char *)root->ns->href : "",
		                root->ns ? "\"" : "");
		*st = FOLIO_EUSAGE;
		return NULL;
	}
	for (size_t i = 0; i < s->ntypes; i++)
		if (!strcmp(s->types[i].name, name))
			return &s->types[i];
	if (!s->data_dir) {
		folio_diags_add(&s->diags, FOLIO_ERROR, "data-dir", x->path, 0, 0,
		                "cannot find folio's schemas/ and stylesheets/ (use "
		                "--data-dir or FOLIO_DATA_DIR)");
		*st = FOLIO_EUSAGE;
		return NULL;
	}
	char *xsd = folio_asprintf("%s/schemas/%s.xsd", s->data_dir, name);
	if (access(xsd, R_OK) != 0) {
		folio_diags_add(&s->diags, FOLIO_ERROR, "doc-type", x->path,
		                (int)xmlGetLineNo(root), folio_xml_node_col(x, root),
		                "unknown document type \"%s\": no schema %s", name, xsd);
		free(xsd);
		*st = FOLIO_EUSAGE;
		return NULL;
	}
	free(xsd);
	s->types = folio_realloc_array(s->types, s->ntypes + 1, sizeof *s->types);
	doctype *t = &s->types[s->ntypes++];
	memset(t, 0, sizeof *t);
	snprintf(t->name, sizeof t->name, "%s", name);
	return t;
}

/* t's schema, compiled on first use; diagnostics into d. */
static folio_xml_schema *
schema_of(folio_session *s, doctype *t, folio_diags *d)
{
	if (!t->schema) {
		char *xsd = folio_asprintf("%s/schemas/%s.xsd", s->data_dir, t->name);
		t->schema = folio_xml_schema_load(d, xsd);
		free(xsd);
	}
	return t->schema;
}

static folio_xslt *
xslt_of(folio_session *s, doctype *t, folio_diags *d, folio_status *st)
{
	if (t->xslt)
		return t->xslt;
	char *xsl = folio_asprintf("%s/stylesheets/%s.xsl", s->data_dir, t->name);
	if (access(xsl, R_OK) != 0) {
		folio_diags_add(d, FOLIO_ERROR, "doc-type", xsl, 0, 0,
		                "no stylesheet for document type \"%s\"", t->name);
		free(xsl);
		*st = FOLIO_EUSAGE;
		return NULL;
	}
	t->xslt = folio_xslt_load(d, xsl);
	free(xsl);
	if (!t->xslt)
		*st = FOLIO_EUSAGE;
	return t->xslt;
}

/* The column of the first element start tag on a line of the source (the
 * rules give lines only). */
static int
line_col(const folio_xml_doc *x, int line)
{
	const char *p = x->bytes, *end = x->bytes + x->len;
	for (int l = 1; l < line && p < end; p++)
		if (*p == '\n')
			l++;
	for (const char *q = p; q < end && *q != '\n'; q++)
		if (*q == '<')
			return (int)(q - p) + 1;
	return 1;
}

/* Business rules: schemas/TYPE-rules.xsl, when it exists, turns the source
 * into <folio:diag code= severity= line=>message</folio:diag> elements. */
static folio_status
check_rules(folio_session *s, doctype *t, folio_xml_doc *x, folio_diags *d)
{
	if (!t->rules_loaded) {
		t->rules_loaded = true;
		char *path = folio_asprintf("%s/schemas/%s-rules.xsl", s->data_dir, t->name);
		if (access(path, R_OK) == 0) {
			t->rules = folio_xslt_load(d, path);
			t->rules_broken = !t->rules;
		}
		free(path);
	}
	/* a rules file that does not compile is a broken installation, not a
	 * document without rules */
	if (t->rules_broken)
		return FOLIO_EUSAGE;
	if (!t->rules)
		return FOLIO_OK;
	xmlDocPtr res = folio_xslt_apply(d, t->rules, x, s->opts.params);
	if (!res)
		return FOLIO_EDOC;
	folio_status st = FOLIO_OK;
	for (xmlNodePtr n = xmlDocGetRootElement(res); n; ) {
		if (n->type == XML_ELEMENT_NODE && !strcmp((const char *)n->name, "diag")) {
			xmlChar *code = xmlGetProp(n, BAD_CAST "code");
			xmlChar *sev = xmlGetProp(n, BAD_CAST "severity");
			xmlChar *line = xmlGetProp(n, BAD_CAST "line");
			xmlChar *msg = xmlNodeGetContent(n);
			int ln = line ? atoi((const char *)line) : 0;
			bool err = !sev || strcmp((const char *)sev, "warning");
			folio_diags_add(d, err ? FOLIO_ERROR : FOLIO_WARNING,
			                "rule", x->path, ln, ln > 0 ? line_col(x, ln) : 0,
			                "%s [%s]", msg ? (const char *)msg : "",
			                code ? (const char *)code : "rule");
			if (err && !s->opts.force)
				st = FOLIO_EDOC;
			xmlFree(code);
			xmlFree(sev);
			xmlFree(line);
			xmlFree(msg);
		}
		/* pre-order walk of the result (not into a diag) */
		n = folio_xml_walk_next(n, strcmp((const char *)n->name, "diag"));
	}
	xmlFreeDoc(res);
	return st;
}

/* Schema, validation and business rules of x (type t), diagnostics into
 * d, stage times into ms. */
static folio_status
check_doc(folio_session *s, doctype *t, folio_xml_doc *x, folio_diags *d,
          double ms[T_N])
{
	double t0 = now_ms();
	folio_status st = schema_of(s, t, d) ? FOLIO_OK : FOLIO_EUSAGE;
	double t1 = now_ms();
	ms[T_SCHEMA] += t1 - t0;
	if (st == FOLIO_OK)
		st = folio_xml_validate(d, t->schema, x);
	double t2 = now_ms();
	ms[T_VALIDATE] += t2 - t1;
	if (st == FOLIO_OK)
		st = check_rules(s, t, x, d);
	ms[T_RULES] += now_ms() - t2;
	return st;
}

/* Adds stage times measured apart (check_doc) to the document's. */
static void
charge(folio_session *s, const double ms[T_N])
{
	for (int k = 0; k < T_N; k++)
		s->tm.ms[k] += ms[k];
	s->tm.last = now_ms();
}

/* check_doc on this thread, into the session's diagnostics. */
static folio_status
check_here(folio_session *s, doctype *t, folio_xml_doc *x)
{
	double ms[T_N] = {0};
	folio_status st = check_doc(s, t, x, &s->diags, ms);
	charge(s, ms);
	return st;
}

static folio_xml_doc *
load_doc(folio_session *s, const char *in, folio_status *st)
{
	folio_xml_doc *x;
	if (s->mem) {
		x = folio_xml_load_bytes(&s->diags, in, s->mem, s->mem_len, st);
		s->mem = NULL;
	} else {
		x = folio_xml_load(&s->diags, in, st);
	}
	mark(s, T_LOAD);
	return x;
}

/* Load and validate: the shared first half. */
static folio_xml_doc *
load_valid(folio_session *s, const char *in, doctype **type, folio_status *st)
{
	folio_xml_doc *x = load_doc(s, in, st);
	if (!x)
		return NULL;
	*type = type_of(s, x, st);
	if (*type)
		*st = check_here(s, *type, x);
	if (!*type || *st != FOLIO_OK) {
		folio_xml_doc_free(x);
		return NULL;
	}
	return x;
}

/* ---- the front half in two threads ----
 *
 * A cold process spends about a third of a short document's time before
 * layout compiling: the schema and the business rules (validation) and the
 * stylesheet (transformation) do not depend on each other, so the
 * stylesheet is compiled while another thread compiles the schema and
 * checks the document; the hyphenation patterns are loaded beside them.
 * Each thread has its own diagnostics (merged in the order a sequential
 * run reports them) and error routing (src/xml, src/xslt keep theirs per
 * thread); the source document is only read by the checking thread until
 * it is joined, and the compiled objects are stored in the document
 * type's entry, in different fields, which nothing else touches until
 * then.  A warm session (folio batch, several inputs) has them already and
 * runs the stages in order. */
typedef struct check_job {
	folio_session *s;
	doctype *t;
	folio_xml_doc *x;
	folio_diags d;
	double ms[T_N];
	folio_status st;
} check_job;

static gpointer
check_thread(gpointer p)
{
	check_job *j = p;
	j->st = check_doc(j->s, j->t, j->x, &j->d, j->ms);
	return NULL;
}

/* What layout and the post stage load for themselves, loaded beside the
 * front half instead: the hyphenation patterns and the fonts folio's
 * stylesheets set by default (common.xsl: PT Serif; text, tables,
 * footnotes, headings) before layout, libqpdf (during layout) before the
 * post stage.  Other fonts load when layout meets them.  The loaders of
 * libqpdf and librsvg run at a lower priority: the document does not wait
 * for them.  The fonts' thread runs at the normal one: at a lower
 * priority, once the stylesheet compiled in a few milliseconds, layout
 * waited for it (--timings: "wait-preload"). */
static void
background(void)
{
	(void)setpriority(PRIO_PROCESS, (id_t)gettid(), 10);
}

static gpointer
preload_layout(gpointer p)
{
	static const char *const fonts[] = {
		"PT Serif 14", "PT Serif Bold 14", "PT Serif Italic 14",
		"PT Serif 12", "PT Serif 10", NULL,
	};
	folio_session *s = p;
	double t0 = now_ms();
	folio_hyphen_preload(s->preload_lang);
	folio_fonts_preload(fonts, s->preload_lang);
	s->preload_ms = now_ms() - t0;   /* read after the join */
	return NULL;
}

static gpointer
post_thread(gpointer unused)
{
	(void)unused;
	background();
	folio_post_preload();
	return NULL;
}

static gpointer
svg_thread(gpointer unused)
{
	(void)unused;
	background();
	folio_image_preload_svg();
	return NULL;
}

/* Does the FO tree have graphics that go through librsvg (SVG, QR codes;
 * an external graphic may be one)? */
static bool
has_vector_graphics(const folio_fo *n)
{
	for (; n; n = folio_fo_walk_next(n))
		if (n->kind == FOLIO_FO_INSTREAM_FOREIGN_OBJECT ||
		    n->kind == FOLIO_FO_QR_CODE || n->kind == FOLIO_FO_EXTERNAL_GRAPHIC)
			return true;
	return false;
}

/* The document's language as the stylesheets set it on fo:root: the first
 * two letters of the root's xml:lang, else Russian. */
static void
source_lang(const folio_xml_doc *x, char lang[3])
{
	xmlNodePtr root = xmlDocGetRootElement(x->doc);
	xmlChar *l = root ? xmlNodeGetLang(root) : NULL;
	snprintf(lang, 3, "%s", l && l[0] && l[1] ? (const char *)l : "ru");
	xmlFree(l);
}

/* Load, validate and compile the stylesheet: returns the document, with
 * *type and *xslt set, when it is valid and the stylesheet compiles.
 * preload: also start loading, on background threads, what layout and
 * the post stage will need (a render; not a transformation). */
static folio_xml_doc *
load_valid_xslt(folio_session *s, const char *in, bool preload, doctype **type,
                folio_xslt **xslt, folio_status *st)
{
	*xslt = NULL;
	folio_xml_doc *x = load_doc(s, in, st);
	if (!x)
		return NULL;
	doctype *t = *type = type_of(s, x, st);
	if (!t) {
		folio_xml_doc_free(x);
		return NULL;
	}
	if (preload && !s->preloaded) {
		s->preloaded = true;
		source_lang(x, s->preload_lang);
		folio_fonts_setup();   /* while this is the only thread */
		s->preload_thread = g_thread_try_new("folio-preload", preload_layout, s, NULL);
	}
	if (t->xslt && t->schema && t->rules_loaded) {
		/* warm: everything is compiled, nothing to overlap */
		*st = check_here(s, t, x);
		if (*st == FOLIO_OK)
			*xslt = xslt_of(s, t, &s->diags, st);
		mark(s, T_XSLT);
	} else {
		folio_xslt_init();   /* before two threads use libxslt */
		check_job j = {.s = s, .t = t, .x = x};
		GThread *th = g_thread_try_new("folio-check", check_thread, &j, NULL);
		if (!th)
			check_thread(&j);
		folio_diags dx = {0};
		folio_status xst = FOLIO_OK;
		*xslt = xslt_of(s, t, &dx, &xst);
		mark(s, T_XSLT);
		if (th)
			g_thread_join(th);
		mark(s, T_WAIT);
		charge(s, j.ms);
		/* in the order of a sequential run: the stylesheet's problems only
		 * matter for a valid document */
		folio_diags_move(&s->diags, &j.d);
		*st = j.st;
		if (*st == FOLIO_OK) {
			folio_diags_move(&s->diags, &dx);
			if (!*xslt)
				*st = xst;
		}
		folio_diags_clear(&dx);
	}
	if (*st != FOLIO_OK) {
		*xslt = NULL;
		folio_xml_doc_free(x);
		return NULL;
	}
	return x;
}

folio_status
folio_pipeline_validate(folio_session *s, const char *in)
{
	doctype *t;
	folio_status st;
	timings_start(s);
	folio_xml_doc *x = load_valid(s, in, &t, &st);
	folio_xml_doc_free(x);
	timings_report(s, in);
	return st;
}

/* ---- output files ---- */

typedef struct outfile {
	char *final;     /* owned */
	char *tmp;       /* owned; NULL when final is a device or pipe */
	FILE *f;
} outfile;

static folio_status
out_open(folio_session *s, const char *path, outfile *o)
{
	memset(o, 0, sizeof *o);
	if (is_dir(path)) {
		folio_diags_add(&s->diags, FOLIO_ERROR, "io", path, 0, 0,
		                "cannot write: it is a directory");
		return FOLIO_EUSAGE;
	}
	struct stat st;
	bool exists = stat(path, &st) == 0;
	if ((exists && !S_ISREG(st.st_mode)) || !strncmp(path, "/dev/", 5) ||
	    !strncmp(path, "/proc/", 6)) {
		/* a device or a pipe (/dev/null, a FIFO), and whatever /dev and
		 * /proc name (/dev/stdout links to /proc/self/fd/1, which may be
		 * a plain file), is written in place: a file renamed over it
		 * would replace the device or the link (as root, in /dev) */
		o->f = fopen(path, "wb");
		if (!o->f) {
			folio_diags_add(&s->diags, FOLIO_ERROR, "io", path, 0, 0,
			                "cannot write: %s", strerror(errno));
			return FOLIO_EUSAGE;
		}
		o->final = folio_strdup(path);
		return FOLIO_OK;
	}
	/* a symbolic link to a file: the file is replaced, the link stays */
	char real[PATH_MAX];
	if (exists && realpath(path, real))
		path = real;
	char *copy = folio_strdup(path);
	char *dir = dirname(copy);
	char *base_copy = folio_strdup(path);
	o->tmp = folio_asprintf("%s/.%s.XXXXXX", dir, basename(base_copy));
	free(copy);
	free(base_copy);
	int fd = mkstemp(o->tmp);
	if (fd < 0) {
		folio_diags_add(&s->diags, FOLIO_ERROR, "io", path, 0, 0,
		                "cannot write: %s", strerror(errno));
		free(o->tmp);
		o->tmp = NULL;
		return FOLIO_EUSAGE;
	}
	mode_t mask = umask(0);
	umask(mask);
	fchmod(fd, 0666 & ~mask);
	o->f = fdopen(fd, "wb");
	o->final = folio_strdup(path);
	return FOLIO_OK;
}

static folio_status
out_close(folio_session *s, outfile *o, bool keep)
{
	folio_status st = FOLIO_OK;
	if (o->f) {
		if (keep && (fflush(o->f) != 0 ||
		             (o->tmp && fsync(fileno(o->f)) != 0))) {
			folio_diags_add(&s->diags, FOLIO_ERROR, "io", o->final, 0, 0,
			                "cannot write: %s", strerror(errno));
			keep = false;
			st = FOLIO_EUSAGE;
		}
		if (fclose(o->f) != 0 && keep) {
			folio_diags_add(&s->diags, FOLIO_ERROR, "io", o->final, 0, 0,
			                "cannot write: %s", strerror(errno));
			keep = false;
			st = FOLIO_EUSAGE;
		}
	}
	if (keep && o->tmp && rename(o->tmp, o->final) != 0) {
		folio_diags_add(&s->diags, FOLIO_ERROR, "io", o->final, 0, 0,
		                "cannot rename the finished file into place: %s",
		                strerror(errno));
		keep = false;
		st = FOLIO_EUSAGE;
	}
	if (!keep && o->tmp)
		unlink(o->tmp);
	free(o->tmp);
	free(o->final);
	memset(o, 0, sizeof *o);
	return st;
}

/* Writes text to path ("-" or NULL = stdout), atomically for files. */
static folio_status
write_text(folio_session *s, const char *path, const char *data, size_t len)
{
	if (!path || !strcmp(path, "-")) {
		fwrite(data, 1, len, stdout);
		fflush(stdout);
		return FOLIO_OK;
	}
	outfile o;
	folio_status st = out_open(s, path, &o);
	if (st != FOLIO_OK)
		return st;
	bool ok = fwrite(data, 1, len, o.f) == len;
	st = out_close(s, &o, ok);
	return ok ? st : FOLIO_EUSAGE;
}

/* ---- the back half: FO -> areas -> PDF ---- */

static void
iso_date(char *buf, size_t n)
{
	const char *sde = getenv("SOURCE_DATE_EPOCH");
	buf[0] = 0;
	if (!sde || !*sde)
		return;
	time_t t = (time_t)strtoll(sde, NULL, 10);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(buf, n, "%Y-%m-%dT%H:%M:%S", &tm);
}

/* The FO root's language ("ru"), or NULL. */
static const char *
doc_lang(const folio_fo_doc *fo)
{
	folio_value v = folio_fo_get(fo->root, FOLIO_PROP_LANGUAGE);
	if ((v.kind != FOLIO_V_STR && v.kind != FOLIO_V_KW) || !v.str || !*v.str ||
	    !strcmp(v.str, "none"))
		return NULL;
	return v.str;
}

/* cairo draws into memory; the post stage (PDF/A, attachment, fields)
 * finishes those bytes into f. */
static folio_status
render_post(folio_session *s, const folio_area_tree *tree, const folio_fo_doc *fo,
            const folio_render_meta *meta, const char *src_name, FILE *f,
            const char *out)
{
	char *mem = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&mem, &len);
	if (!m) {
		folio_diags_add(&s->diags, FOLIO_ERROR, "io", out, 0, 0,
		                "cannot render: %s", strerror(errno));
		return FOLIO_EUSAGE;
	}
	folio_status st = folio_render_pdf(&s->diags, tree, m, out, meta);
	fclose(m);
	mark(s, T_RENDER);
	const folio_session_opts *so = &s->opts;
	bool attach = so->attach_source > 0 ||
	              (so->attach_source == 0 && folio_pdfa_part(so->pdfa) == 3);
	/* the file name, not the path, so the bytes do not depend on where
	 * folio was run */
	char *title = folio_strdup(fo->meta_title ? fo->meta_title
	                           : src_name ? src_name : fo->fo_file);
	folio_post_opts po = {
		.pdfa = (folio_pdfa)so->pdfa,
		.title = fo->meta_title ? title : basename(title),
		.author = fo->meta_author,
		.subject = fo->meta_subject,
		.keywords = fo->meta_keywords,
		.lang = doc_lang(fo),
		/* SOURCE_DATE_EPOCH when set, else the document's own date */
		.date = meta->create_date ? meta->create_date : fo->meta_date,
		/* the source XML, or for `folio fo` the FO file itself */
		.source_path = !attach ? NULL : src_name ? src_name : fo->fo_file,
		.tree = tree,
		.signature_fields = !so->no_signature_fields,
	};
	folio_buf b = {0};
	if (st == FOLIO_OK)
		st = folio_post_finish(&s->diags, (const unsigned char *)mem, len, &po, out, &b);
	mark(s, T_POST);
	if (st == FOLIO_OK && fwrite(b.data, 1, b.len, f) != b.len) {
		folio_diags_add(&s->diags, FOLIO_ERROR, "io", out, 0, 0,
		                "cannot write the PDF: %s", strerror(errno));
		st = FOLIO_EUSAGE;
	}
	folio_buf_clear(&b);
	free(title);
	free(mem);
	return st;
}

/* FO -> areas -> PDF.  Takes *fodoc and frees it as soon as the FO tree
 * is built (the tree copies what it needs), so the XML does not sit in
 * memory during layout. */
static folio_status
back_half(folio_session *s, xmlDocPtr *fodoc, const char *fo_name,
          const char *src_name, const char *out)
{
	/* check the output first: no point in laying out for nowhere */
	outfile o = {0};
	folio_status st = FOLIO_OK;
	if (out && (st = out_open(s, out, &o)) != FOLIO_OK)
		return st;
	folio_fo_doc *fo = folio_fo_build(&s->diags, *fodoc, fo_name, src_name);
	xmlFreeDoc(*fodoc);
	*fodoc = NULL;
	/* librsvg loads while layout sets the text before the first graphic
	 * (a cold render: later documents of a session have it) */
	if (fo && !s->svg_started && has_vector_graphics(fo->root)) {
		s->svg_started = true;
		s->svg_thread = g_thread_try_new("folio-rsvg", svg_thread, NULL, NULL);
	}
	/* libqpdf (with gnutls and the C++ runtime, thousands of symbol
	 * bindings) loads while the text is laid out: layout keeps one core
	 * busy and leaves the other idle, where the stages before it (the
	 * stylesheet's compilation, validation, fonts) fill both */
	if (fo && out && !s->post_started) {
		s->post_started = true;
		s->post_thread = g_thread_try_new("folio-qpdf", post_thread, NULL, NULL);
	}
	mark(s, T_FO);
	folio_area_tree *tree = NULL;
	if (!fo) {
		st = FOLIO_EDOC;
		goto done;
	}
	if (s->opts.dump_fo) {
		folio_buf b = {0};
		folio_fo_dump(fo, &b);
		st = write_text(s, s->opts.dump_fo, b.data ? b.data : "", b.len);
		folio_buf_clear(&b);
		if (st != FOLIO_OK)
			goto done;
	}
	preload_join(s);
	mark(s, T_PRELOAD_WAIT);
	folio_layout_threads(s->opts.layout_threads);
	tree = folio_layout_run(&s->diags, fo);
	mark(s, T_LAYOUT);
	if (!tree) {
		st = FOLIO_EDOC;
		goto done;
	}
	s->pages = tree->npages;
	s->tm.threads = tree->threads;
	s->tm.paras = tree->paras;
	s->tm.beside = tree->paras_beside;
	if (s->opts.dump_areas) {
		folio_buf b = {0};
		folio_area_dump(tree, &b);
		st = write_text(s, s->opts.dump_areas, b.data ? b.data : "", b.len);
		folio_buf_clear(&b);
		if (st != FOLIO_OK)
			goto done;
	}
	if (out) {
		char date[32];
		iso_date(date, sizeof date);
		folio_render_meta meta = {
			.title = fo->meta_title ? fo->meta_title : src_name ? src_name : fo_name,
			.subject = fo->meta_subject,
			.author = fo->meta_author,
			.keywords = fo->meta_keywords,
			.create_date = date[0] ? date : NULL,
			.bookmarks = fo->bookmarks,
			/* PDF/A levels a: the structure tree */
			.tagged = s->opts.pdfa != FOLIO_PDFA_NONE &&
			          folio_pdfa_conformance((folio_pdfa)s->opts.pdfa) == 'A',
		};
		st = render_post(s, tree, fo, &meta, src_name, o.f, out);
	}
done:
	if (out) {
		folio_status cst = out_close(s, &o, st == FOLIO_OK);
		if (st == FOLIO_OK)
			st = cst;
		mark(s, T_WRITE);
	}
	folio_area_tree_free(tree);
	folio_fo_doc_free(fo);
	return st;
}

static xmlDocPtr
transform(folio_session *s, const char *in, bool preload, folio_xml_doc **src,
          doctype **t, folio_status *st)
{
	folio_xslt *x;
	*src = load_valid_xslt(s, in, preload, t, &x, st);
	if (!*src)
		return NULL;
	xmlDocPtr fo = folio_xslt_apply(&s->diags, x, *src, s->opts.params);
	mark(s, T_TRANSFORM);
	if (!fo)
		*st = FOLIO_EDOC;
	return fo;
}

folio_status
folio_pipeline_transform(folio_session *s, const char *in, const char *out)
{
	folio_xml_doc *src;
	doctype *t;
	folio_status st;
	timings_start(s);
	xmlDocPtr fo = transform(s, in, false, &src, &t, &st);
	if (fo) {
		folio_buf b = {0};
		st = folio_xslt_serialize(t->xslt, fo, &b);
		if (st == FOLIO_OK)
			st = write_text(s, out, b.data ? b.data : "", b.len);
		folio_buf_clear(&b);
		xmlFreeDoc(fo);
		mark(s, T_WRITE);
	}
	folio_xml_doc_free(src);
	timings_report(s, in);
	return st;
}

size_t
folio_session_pages(const folio_session *s)
{
	return s->pages;
}

folio_status
folio_pipeline_render_bytes(folio_session *s, const char *name, char *bytes,
                            size_t len, const char *out)
{
	s->mem = bytes;
	s->mem_len = len;
	folio_status st = folio_pipeline_render(s, name, out);
	free(s->mem);   /* still set only if nothing loaded it */
	s->mem = NULL;
	return st;
}

folio_status
folio_pipeline_render(folio_session *s, const char *in, const char *out)
{
	s->pages = 0;
	folio_xml_doc *src;
	doctype *t;
	folio_status st;
	timings_start(s);
	xmlDocPtr fo = transform(s, in, true, &src, &t, &st);
	if (fo) {
		char *name = folio_asprintf("%s (transformed)", in);
		folio_xml_doc_free(src);   /* the FO carries the source lines now */
		src = NULL;
		st = back_half(s, &fo, name, in, out);
		free(name);
	}
	preload_join(s);
	loaders_join(s);
	folio_xml_doc_free(src);
	timings_report(s, in);
	return st;
}

folio_status
folio_pipeline_fo(folio_session *s, const char *in, const char *out)
{
	folio_status st;
	timings_start(s);
	folio_xml_doc *x = folio_xml_load(&s->diags, in, &st);
	mark(s, T_LOAD);
	if (x)
		st = back_half(s, &x->doc, in, NULL, out);
	loaders_join(s);
	folio_xml_doc_free(x);
	timings_report(s, in);
	return st;
}
