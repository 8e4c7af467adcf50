/*
 * batch-jobs.c -- the job list of `folio batch`: expanding arguments into
 * documents (files, directories, globs, @lists, collection entries), naming
 * the outputs, sharding, deciding what is up to date, and the manifest.
 *
 * Everything here runs in the parent process before the workers start
 * (except batch_entry_bytes and batch_sha256_file, which workers call).
 * It does not render anything and does not print: problems with the
 * arguments go to jobs->usage_error, problems with a document become
 * failed jobs carrying their diagnostics.
 */
#include "batch-jobs.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <glib.h>
#include <glob.h>
#include <json-glib/json-glib.h>
#include <libgen.h>
#include <limits.h>
#include <libxml/xmlreader.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "xml/xml.h"

/* ---- hashing ---------------------------------------------------------- */

static void
hex_digest(GChecksum *c, char hex[65])
{
	snprintf(hex, 65, "%s", g_checksum_get_string(c));
}

static void
sha256_mem(const void *p, size_t n, char hex[65])
{
	GChecksum *c = g_checksum_new(G_CHECKSUM_SHA256);
	g_checksum_update(c, p, (gssize)n);
	hex_digest(c, hex);
	g_checksum_free(c);
}

/* Feeds a whole file to c; false when it cannot be read. */
static bool
digest_file(GChecksum *c, const char *path, uint64_t *size)
{
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		return false;
	char buf[65536];
	ssize_t n;
	uint64_t total = 0;
	while ((n = read(fd, buf, sizeof buf)) > 0) {
		g_checksum_update(c, (const guchar *)buf, n);
		total += (uint64_t)n;
	}
	close(fd);
	if (size)
		*size = total;
	return n == 0;
}

bool
batch_sha256_file(const char *path, char hex[65], uint64_t *size)
{
	GChecksum *c = g_checksum_new(G_CHECKSUM_SHA256);
	bool ok = digest_file(c, path, size);
	if (ok)
		hex_digest(c, hex);
	else
		hex[0] = 0;
	g_checksum_free(c);
	return ok;
}

/* ---- the list --------------------------------------------------------- */

static batch_job *
add_job(batch_jobs *jobs, const char *input)
{
	if (jobs->n == jobs->cap) {
		jobs->cap = jobs->cap ? 2 * jobs->cap : 64;
		jobs->v = folio_realloc_array(jobs->v, jobs->cap, sizeof *jobs->v);
	}
	batch_job *j = &jobs->v[jobs->n++];
	memset(j, 0, sizeof *j);
	j->input = folio_strdup(input);
	j->key = folio_strdup(input);
	j->pages = -1;
	return j;
}

static void
usage_error(batch_jobs *jobs, char *msg)
{
	if (jobs->usage_error)
		free(msg);
	else
		jobs->usage_error = msg;
}

/* A failed job whose diagnostics were collected in d (which is cleared). */
static void
fail_with(batch_job *j, folio_diags *d)
{
	folio_buf b = {0}, line = {0};
	for (size_t i = 0; i < d->n; i++) {
		folio_diag_format(&d->items[i], &line);
		folio_buf_printf(&b, "%c%s\n", "NWE"[d->items[i].severity], line.data);
		folio_buf_clear(&line);
	}
	free(j->diags);
	j->diags = b.data;
	j->state = JOB_FAILED;
	j->status = FOLIO_EDOC;
	folio_diags_clear(d);
}

/* The namespace of the root element, without parsing the whole file. */
static void
sniff_root(const char *path, char *ns, size_t n)
{
	ns[0] = 0;
	xmlTextReaderPtr r = xmlReaderForFile(path, NULL, XML_PARSE_NONET |
	                                      XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	if (!r)
		return;
	while (xmlTextReaderRead(r) == 1) {
		if (xmlTextReaderNodeType(r) != XML_READER_TYPE_ELEMENT)
			continue;
		const xmlChar *uri = xmlTextReaderConstNamespaceUri(r);
		if (uri)
			snprintf(ns, n, "%s", (const char *)uri);
		break;
	}
	xmlFreeTextReader(r);
}

/* "urn:folio:T" -> T (or "" for anything else). */
static void
type_from_ns(const char *ns, char *type, size_t n)
{
	type[0] = 0;
	if (strncmp(ns, "urn:folio:", 10) != 0)
		return;
	const char *t = ns + 10;
	for (const char *p = t; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-'))
			return;
	snprintf(type, n, "%s", t);
}

static bool
ends_with(const char *s, const char *suffix)
{
	size_t a = strlen(s), b = strlen(suffix);
	return a >= b && !strcmp(s + a - b, suffix);
}

/* DIR/REL with .xml replaced by .pdf. */
static char *
pdf_path(const char *dir, const char *rel)
{
	char *r = folio_asprintf("%s/%s", dir, rel);
	size_t n = strlen(r);
	if (n > 4 && !strcasecmp(r + n - 4, ".xml"))
		r[n - 4] = 0;
	char *p = folio_asprintf("%s.pdf", r);
	free(r);
	return p;
}

static void add_collection(batch_jobs *jobs, const batch_list_opts *o,
                           const char *path);

/* One source file; rel is its name below the output directory. */
static void
add_file(batch_jobs *jobs, const batch_list_opts *o, const char *path,
         const char *rel)
{
	char ns[256];
	sniff_root(path, ns, sizeof ns);
	if (!strcmp(ns, BATCH_NS_COLLECTION)) {
		add_collection(jobs, o, path);
		return;
	}
	batch_job *j = add_job(jobs, path);
	type_from_ns(ns, j->type, sizeof j->type);
	j->output = pdf_path(o->out_dir, rel);
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every *.xml below dir (hidden names and symbolic links to directories
 * are not followed), sorted by name at each level, output paths keeping
 * the relative directories. */
static void
walk_dir(batch_jobs *jobs, const batch_list_opts *o, const char *dir,
         const char *rel, int depth)
{
	if (depth > 64)
		return;
	DIR *d = opendir(dir);
	if (!d) {
		usage_error(jobs, folio_asprintf("%s: cannot read the directory: %s",
		                                 dir, strerror(errno)));
		return;
	}
	char **names = NULL;
	size_t n = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		names = folio_realloc_array(names, n + 1, sizeof *names);
		names[n++] = folio_strdup(e->d_name);
	}
	closedir(d);
	qsort(names, n, sizeof *names, cmp_str);
	for (size_t i = 0; i < n; i++) {
		char *path = folio_asprintf("%s%s%s", dir,
		                            ends_with(dir, "/") ? "" : "/", names[i]);
		char *r = rel[0] ? folio_asprintf("%s/%s", rel, names[i])
		                 : folio_strdup(names[i]);
		struct stat st;
		if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode))
			walk_dir(jobs, o, path, r, depth + 1);
		else if (ends_with(names[i], ".xml") && stat(path, &st) == 0 &&
		         S_ISREG(st.st_mode))
			add_file(jobs, o, path, r);
		free(path);
		free(r);
		free(names[i]);
	}
	free(names);
}

static void add_arg(batch_jobs *jobs, const batch_list_opts *o, const char *arg,
                    int depth);

/* @LIST: one argument per line; blank lines and lines starting with #
 * are ignored. */
static void
add_list(batch_jobs *jobs, const batch_list_opts *o, const char *list, int depth)
{
	FILE *f = fopen(list, "r");
	if (!f) {
		usage_error(jobs, folio_asprintf("%s: cannot read the list: %s", list,
		                                 strerror(errno)));
		return;
	}
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	while ((n = getline(&line, &cap, f)) >= 0) {
		while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r' ||
		                 line[n - 1] == ' ' || line[n - 1] == '\t'))
			line[--n] = 0;
		char *p = line;
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p && *p != '#')
			add_arg(jobs, o, p, depth + 1);
	}
	free(line);
	fclose(f);
}

static char *
base_name(const char *path)
{
	char *copy = folio_strdup(path);
	char *r = folio_strdup(basename(copy));
	free(copy);
	return r;
}

static void
add_arg(batch_jobs *jobs, const batch_list_opts *o, const char *arg, int depth)
{
	if (arg[0] == '@' && depth < 8) {
		add_list(jobs, o, arg + 1, depth);
		return;
	}
	struct stat st;
	if (stat(arg, &st) == 0) {
		if (S_ISDIR(st.st_mode)) {
			walk_dir(jobs, o, arg, "", 0);
		} else {
			char *b = base_name(arg);
			add_file(jobs, o, arg, b);
			free(b);
		}
		return;
	}
	if (!strpbrk(arg, "*?[")) {
		usage_error(jobs, folio_asprintf("%s: no such file or directory", arg));
		return;
	}
	glob_t g;
	if (glob(arg, 0, NULL, &g) != 0) {
		usage_error(jobs, folio_asprintf("%s: no file matches", arg));
		return;
	}
	for (size_t i = 0; i < g.gl_pathc; i++)
		add_arg(jobs, o, g.gl_pathv[i], depth + 1);
	globfree(&g);
}

void
batch_jobs_add_arg(batch_jobs *jobs, const batch_list_opts *o, const char *arg)
{
	add_arg(jobs, o, arg, 0);
}

/* ---- collections ------------------------------------------------------ */

/* Offset just past the markup at b[i] that is not an element tag -- a
 * comment, CDATA section, processing instruction or DOCTYPE (with its
 * internal subset) -- or i itself when b[i] starts an element tag.
 * Returns 0 when it does not end.  b is NUL-terminated. */
static size_t
skip_special(const char *b, size_t len, size_t i)
{
	const char *close = NULL;
	if (!strncmp(b + i, "<!--", 4))
		close = "-->";
	else if (!strncmp(b + i, "<![CDATA[", 9))
		close = "]]>";
	else if (b[i + 1] == '?')
		close = "?>";
	if (close) {
		const char *e = strstr(b + i, close);
		return e ? (size_t)(e - b) + strlen(close) : 0;
	}
	if (b[i + 1] != '!')
		return i;
	/* <!DOCTYPE ... [ ... ]> : quotes and the subset may hold '>' */
	char quote = 0;
	int bracket = 0;
	for (size_t k = i + 2; k < len; k++) {
		if (quote) {
			if (b[k] == quote)
				quote = 0;
		} else if (b[k] == '"' || b[k] == '\'') {
			quote = b[k];
		} else if (b[k] == '[') {
			bracket++;
		} else if (b[k] == ']') {
			bracket--;
		} else if (b[k] == '>' && bracket <= 0) {
			return k + 1;
		}
	}
	return 0;
}

/* Offset just past the '>' of the tag starting at b[i] (quoted attribute
 * values may hold '>'), or 0. */
static size_t
tag_end(const char *b, size_t len, size_t i)
{
	char quote = 0;
	for (size_t k = i + 1; k < len; k++) {
		if (quote) {
			if (b[k] == quote)
				quote = 0;
		} else if (b[k] == '"' || b[k] == '\'') {
			quote = b[k];
		} else if (b[k] == '>') {
			return k + 1;
		}
	}
	return 0;
}

/* The next element tag (start or end) at or after i: skips text,
 * comments, CDATA, processing instructions and a DOCTYPE.  Returns len
 * when there is none. */
static size_t
next_tag(const char *b, size_t len, size_t i)
{
	while (i < len) {
		if (b[i] != '<') {
			i++;
			continue;
		}
		size_t k = skip_special(b, len, i);
		if (k == i)
			return i;
		if (k == 0)
			return len;
		i = k;
	}
	return len;
}

/* Offset just past the element starting at b[start], in a document
 * libxml2 already found well-formed: counts start and end tags.  Returns
 * 0 if the end is not found. */
static size_t
element_end(const char *b, size_t len, size_t start)
{
	int depth = 0;
	size_t i = start;
	while ((i = next_tag(b, len, i)) < len) {
		size_t k = tag_end(b, len, i);
		if (!k)
			return 0;
		if (b[i + 1] == '/')
			depth--;
		else if (b[k - 2] != '/')
			depth++;
		i = k;
		if (depth == 0)
			return i;
	}
	return 0;
}

/* Scanning a collection for its entries, counting lines on the way. */
typedef struct coll_scan {
	size_t at;          /* where the next entry is looked for */
	size_t counted;     /* bytes whose newlines are counted */
	int line;           /* the line of b[counted] (1-based) */
	size_t line_off;    /* where that line starts */
} coll_scan;

/* The next entry (child element of the root): its offset and end, and its
 * line and byte column.  False when there is none. */
static bool
next_entry(const batch_coll *c, coll_scan *s, size_t *off, size_t *end,
           int *line, int *col)
{
	const char *b = c->bytes;
	size_t i = next_tag(b, c->len, s->at);
	if (i >= c->len || b[i + 1] == '/')
		return false;
	*off = i;
	*end = element_end(b, c->len, i);
	if (!*end)
		return false;
	for (; s->counted < i; s->counted++) {
		if (b[s->counted] == '\n') {
			s->line++;
			s->line_off = s->counted + 1;
		}
	}
	*line = s->line;
	*col = (int)(i - s->line_off) + 1;
	s->at = *end;
	return true;
}

static void
xml_attr_escape(folio_buf *out, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '&': folio_buf_puts(out, "&amp;"); break;
		case '"': folio_buf_puts(out, "&quot;"); break;
		case '<': folio_buf_puts(out, "&lt;"); break;
		default: folio_buf_add(out, s, 1);
		}
	}
}

/* Namespace declarations in scope at the collection root that el does not
 * declare itself: the entry, cut out alone, needs them on its start tag.
 * (Entries are children of the root, so no prefix is declared twice.) */
static char *
inherited_ns(xmlNodePtr el)
{
	folio_buf b = {0};
	for (xmlNodePtr p = el->parent; p && p->type == XML_ELEMENT_NODE; p = p->parent) {
		for (xmlNsPtr ns = p->nsDef; ns; ns = ns->next) {
			bool shadowed = false;
			for (xmlNodePtr q = el; q != p && !shadowed; q = q->parent)
				for (xmlNsPtr d = q->nsDef; d && !shadowed; d = d->next)
					shadowed = (!d->prefix && !ns->prefix) ||
					           (d->prefix && ns->prefix &&
					            !strcmp((const char *)d->prefix,
					                    (const char *)ns->prefix));
			if (shadowed)
				continue;
			if (ns->prefix)
				folio_buf_printf(&b, " xmlns:%s=\"", (const char *)ns->prefix);
			else
				folio_buf_puts(&b, " xmlns=\"");
			xml_attr_escape(&b, (const char *)ns->href);
			folio_buf_puts(&b, "\"");
		}
	}
	return b.data;
}

/* A file-name-safe form of a field value: whitespace runs become one '-',
 * path separators and control characters '-', no leading dots. */
static void
name_safe(folio_buf *out, const char *v)
{
	bool dash = false, any = false;
	for (const unsigned char *p = (const unsigned char *)v; *p; p++) {
		bool sep = *p <= ' ' || *p == '/' || *p == '\\' || *p == ':' ||
		           *p == '*' || *p == '?' || *p == '"' || *p == '<' ||
		           *p == '>' || *p == '|' || *p == 0x7f;
		if (sep) {
			dash = any;
			continue;
		}
		if (*p == '.' && !any)
			continue;
		if (dash)
			folio_buf_puts(out, "-");
		dash = false;
		any = true;
		folio_buf_add(out, (const char *)p, 1);
	}
}

static xmlNodePtr
child_named(xmlNodePtr el, const char *name)
{
	for (xmlNodePtr c = el ? el->children : NULL; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE && !strcmp((const char *)c->name, name))
			return c;
	return NULL;
}

/* Breadth-first: the shallowest descendant element called name. */
static xmlNodePtr
descendant_named(xmlNodePtr root, const char *name)
{
	size_t cap = 64, head = 0, tail = 0;
	xmlNodePtr *q = folio_malloc(cap * sizeof *q);
	q[tail++] = root;
	xmlNodePtr found = NULL;
	while (head < tail && !found) {
		xmlNodePtr n = q[head++];
		for (xmlNodePtr c = n->children; c && !found; c = c->next) {
			if (c->type != XML_ELEMENT_NODE)
				continue;
			if (!strcmp((const char *)c->name, name))
				found = c;
			if (tail == cap)
				q = folio_realloc_array(q, cap *= 2, sizeof *q);
			q[tail++] = c;
		}
	}
	free(q);
	return found;
}

/* The value of one template field for entry el; NULL when it has none.
 *   {@attr}            an attribute of the entry's root element
 *   {a/b}, {a/@attr}   a path of child elements (and an attribute)
 *   {name}             the shallowest element called name, else an
 *                      attribute of the root */
static char *
field_value(xmlNodePtr el, const char *field)
{
	if (field[0] == '@') {
		xmlChar *v = xmlGetProp(el, BAD_CAST (field + 1));
		char *r = v ? folio_strdup((const char *)v) : NULL;
		xmlFree(v);
		return r;
	}
	xmlNodePtr n = el;
	if (strchr(field, '/')) {
		char *copy = folio_strdup(field), *save = NULL;
		for (char *step = strtok_r(copy, "/", &save); step && n;
		     step = strtok_r(NULL, "/", &save)) {
			if (step[0] == '@') {
				xmlChar *v = xmlGetProp(n, BAD_CAST (step + 1));
				free(copy);
				char *r = v ? folio_strdup((const char *)v) : NULL;
				xmlFree(v);
				return r;
			}
			n = child_named(n, step);
		}
		free(copy);
	} else {
		n = descendant_named(el, field);
		if (!n) {
			xmlChar *v = xmlGetProp(el, BAD_CAST field);
			char *r = v ? folio_strdup((const char *)v) : NULL;
			xmlFree(v);
			return r;
		}
	}
	if (!n)
		return NULL;
	xmlChar *v = xmlNodeGetContent(n);
	char *r = v ? folio_strdup((const char *)v) : NULL;
	xmlFree(v);
	return r;
}

/* Expands the name template for entry `index` of `count`; NULL with a
 * message in *why when a field has no value. */
static char *
expand_name(const char *tmpl, xmlNodePtr el, const char *type, int index,
            int count, const char *source, char **why)
{
	folio_buf b = {0};
	for (const char *p = tmpl; *p; ) {
		const char *close = *p == '{' ? strchr(p, '}') : NULL;
		if (!close) {
			folio_buf_add(&b, p++, 1);
			continue;
		}
		char *field = folio_strndup(p + 1, (size_t)(close - p - 1));
		char *v = NULL;
		if (!strcmp(field, "type"))
			v = folio_strdup(type);
		else if (!strcmp(field, "index"))
			v = folio_asprintf("%0*d", snprintf(NULL, 0, "%d", count), index);
		else if (!strcmp(field, "source"))
			v = folio_strdup(source);
		else
			v = field_value(el, field);
		size_t before = b.len;
		if (v)
			name_safe(&b, v);
		if (!v || b.len == before) {
			*why = folio_asprintf("the output name template field {%s} has no "
			                      "value in this entry", field);
			free(v);
			free(field);
			folio_buf_clear(&b);
			return NULL;
		}
		free(v);
		free(field);
		p = close + 1;
	}
	return b.data;
}

/* The BOM and XML declaration at the start of a file (kept in front of
 * every entry so the encoding stays declared). */
static void
prolog_of(batch_coll *c)
{
	const char *b = c->bytes;
	size_t i = 0;
	if (c->len >= 3 && !memcmp(b, "\xEF\xBB\xBF", 3))
		i = 3;
	if (!strncmp(b + i, "<?xml", 5) && strchr(" \t\r\n", b[i + 5])) {
		const char *e = strstr(b + i, "?>");
		if (e)
			i = (size_t)(e - b) + 2;
	}
	c->decl_len = i;
	c->decl_lines = 0;
	for (size_t k = 0; k < i; k++)
		c->decl_lines += b[k] == '\n';
}

static char *
strip_xml(const char *path)
{
	char *b = base_name(path);
	size_t n = strlen(b);
	if (n > 4 && !strcasecmp(b + n - 4, ".xml"))
		b[n - 4] = 0;
	return b;
}

/* A name from a template (which may come from the document itself) must
 * stay below the output directory: not absolute, no "." or ".." step. */
static bool
name_stays_inside(const char *name)
{
	if (name[0] == '/' || !name[0])
		return false;
	for (const char *p = name; *p; ) {
		size_t n = strcspn(p, "/");
		if (n == 0 || (n == 1 && p[0] == '.') || (n == 2 && !strncmp(p, "..", 2)))
			return false;
		p += n + (p[n] == '/');
	}
	return true;
}

/* One entry of a collection becomes one job. */
static void
add_entry(batch_jobs *jobs, const batch_list_opts *o, folio_xml_doc *x,
          xmlNodePtr el, int index, int count, const char *tmpl, coll_scan *scan)
{
	batch_coll *c = &jobs->colls[jobs->ncolls - 1];
	batch_job *j = add_job(jobs, x->path);
	free(j->key);
	j->key = folio_asprintf("%s#%d", x->path, index);
	j->entry = index;
	j->coll = jobs->ncolls - 1;
	if (el->ns)
		type_from_ns((const char *)el->ns->href, j->type, sizeof j->type);
	folio_diags d = {0};
	/* the entry's bytes, found by scanning (libxml2's line numbers of
	 * elements are approximate past line 65535) */
	size_t off, end;
	if (!next_entry(c, scan, &off, &end, &j->line, &j->col)) {
		folio_diags_add(&d, FOLIO_ERROR, "collection", x->path,
		                (int)xmlGetLineNo(el), 1,
		                "cannot find where entry %d starts and ends", index);
		fail_with(j, &d);
		return;
	}
	j->off = off;
	j->len = end - off;
	j->ns_inject = inherited_ns(el);
	char *src = strip_xml(x->path), *why = NULL;
	char *name = expand_name(tmpl, el, j->type[0] ? j->type : "document", index,
	                         count, src, &why);
	free(src);
	if (name && !name_stays_inside(name)) {
		why = folio_asprintf("the output name \"%s\" would leave the output "
		                     "directory", name);
		free(name);
		name = NULL;
	}
	if (!name) {
		folio_diags_add(&d, FOLIO_ERROR, "collection", x->path, j->line, j->col,
		                "%s", why);
		free(why);
		fail_with(j, &d);
		return;
	}
	j->output = folio_asprintf("%s/%s%s", o->out_dir, name,
	                           ends_with(name, ".pdf") ? "" : ".pdf");
	free(name);
}

/* A collection: <collection xmlns="urn:folio:collection" name="TEMPLATE">
 * whose child elements are whole documents. */
static void
add_collection(batch_jobs *jobs, const batch_list_opts *o, const char *path)
{
	folio_diags d = {0};
	folio_status st;
	folio_xml_doc *x = folio_xml_load(&d, path, &st);
	const char *enc = x && x->doc->encoding ? (const char *)x->doc->encoding : "";
	if (x && (!strncasecmp(enc, "UTF-16", 6) || !strncasecmp(enc, "UCS", 3) ||
	          !strncasecmp(enc, "UTF-32", 6))) {
		folio_diags_add(&d, FOLIO_ERROR, "collection", path, 1, 1,
		                "a collection must be in UTF-8 or another encoding "
		                "compatible with ASCII, not %s", enc);
		folio_xml_doc_free(x);
		x = NULL;
	}
	if (!x) {
		batch_job *j = add_job(jobs, path);
		fail_with(j, &d);
		return;
	}
	jobs->colls = folio_realloc_array(jobs->colls, jobs->ncolls + 1,
	                                  sizeof *jobs->colls);
	batch_coll *c = &jobs->colls[jobs->ncolls++];
	memset(c, 0, sizeof *c);
	c->path = folio_strdup(path);
	c->bytes = x->bytes;
	c->len = x->len;
	x->bytes = NULL;
	prolog_of(c);

	xmlNodePtr root = xmlDocGetRootElement(x->doc);
	xmlChar *attr = xmlGetProp(root, BAD_CAST "name");
	const char *tmpl = o->name_template ? o->name_template
	                 : attr ? (const char *)attr : "{source}-{index}.pdf";
	int count = 0;
	for (xmlNodePtr el = root->children; el; el = el->next)
		count += el->type == XML_ELEMENT_NODE;
	if (count > FOLIO_LIMIT_ENTRIES) {
		folio_diags_add(&d, FOLIO_ERROR, "limit", path, (int)xmlGetLineNo(root),
		                folio_xml_node_col(x, root), "the collection holds %d "
		                "documents; folio takes at most %d from one file", count,
		                FOLIO_LIMIT_ENTRIES);
		fail_with(add_job(jobs, path), &d);
	} else if (count == 0) {
		folio_diags_add(&d, FOLIO_ERROR, "collection", path,
		                (int)xmlGetLineNo(root), folio_xml_node_col(x, root),
		                "the collection holds no documents");
		fail_with(add_job(jobs, path), &d);
	}
	/* entries start after the root's start tag */
	coll_scan scan = {.line = 1};
	size_t root_at = next_tag(c->bytes, c->len, 0);
	scan.at = root_at < c->len ? tag_end(c->bytes, c->len, root_at) : c->len;
	int index = 0;
	for (xmlNodePtr el = root->children; el && count <= FOLIO_LIMIT_ENTRIES;
	     el = el->next)
		if (el->type == XML_ELEMENT_NODE)
			add_entry(jobs, o, x, el, ++index, count, tmpl, &scan);
	xmlFree(attr);
	folio_xml_doc_free(x);
}

char *
batch_entry_bytes(const batch_jobs *jobs, const batch_job *j, size_t *len)
{
	const batch_coll *c = &jobs->colls[j->coll];
	int newlines = j->line - 1 - c->decl_lines;
	if (newlines < 0)
		newlines = 0;
	size_t inject = j->ns_inject ? strlen(j->ns_inject) : 0;
	size_t n = c->decl_len + (size_t)newlines + (size_t)(j->col - 1) + j->len + inject;
	char *b = folio_malloc(n + 1), *w = b;
	memcpy(w, c->bytes, c->decl_len);
	w += c->decl_len;
	memset(w, '\n', (size_t)newlines);
	w += newlines;
	memset(w, ' ', (size_t)(j->col - 1));
	w += j->col - 1;
	/* "<name" then the inherited declarations, then the rest */
	const char *e = c->bytes + j->off;
	size_t name_len = strcspn(e, " \t\r\n/>");
	memcpy(w, e, name_len);
	w += name_len;
	memcpy(w, j->ns_inject ? j->ns_inject : "", inject);
	w += inject;
	memcpy(w, e + name_len, j->len - name_len);
	w += j->len - name_len;
	*w = 0;
	*len = (size_t)(w - b);
	return b;
}

/* ---- shards and outputs ----------------------------------------------- */

static void
drop_job(batch_job *j)
{
	free(j->input);
	free(j->key);
	free(j->output);
	free(j->ns_inject);
	free(j->diags);
	memset(j, 0, sizeof *j);
}

void
batch_jobs_shard(batch_jobs *jobs, unsigned k, unsigned n)
{
	size_t kept = 0;
	for (size_t i = 0; i < jobs->n; i++) {
		batch_job *j = &jobs->v[i];
		/* the first 8 bytes of SHA-256(key), big-endian, modulo n */
		char hex[65];
		sha256_mem(j->key, strlen(j->key), hex);
		char first[17];
		memcpy(first, hex, 16);
		first[16] = 0;
		uint64_t h = strtoull(first, NULL, 16);
		if (h % n == k - 1) {
			jobs->v[kept++] = *j;
		} else {
			drop_job(j);
		}
	}
	jobs->n = kept;
}

static bool
same_source(const batch_job *a, const batch_job *b)
{
	char ra[PATH_MAX], rb[PATH_MAX];
	return a->entry == b->entry && realpath(a->input, ra) && realpath(b->input, rb) &&
	       !strcmp(ra, rb);
}

bool
batch_jobs_check_outputs(batch_jobs *jobs)
{
	GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal);
	bool ok = true;
	for (size_t i = 0; i < jobs->n && ok; i++) {
		batch_job *j = &jobs->v[i];
		if (!j->output)
			continue;
		batch_job *other = g_hash_table_lookup(seen, j->output);
		if (other && same_source(other, j)) {
			drop_job(j);   /* named twice (overlapping globs): once is enough */
			continue;
		}
		if (other) {
			usage_error(jobs, folio_asprintf("%s and %s would both write %s "
			                                 "(change the name template or the "
			                                 "inputs)", other->key, j->key,
			                                 j->output));
			ok = false;
		}
		g_hash_table_insert(seen, j->output, j);
	}
	g_hash_table_destroy(seen);
	size_t kept = 0;
	for (size_t i = 0; i < jobs->n; i++)
		if (jobs->v[i].input)
			jobs->v[kept++] = jobs->v[i];
	jobs->n = kept;
	return ok;
}

void
batch_jobs_free(batch_jobs *jobs)
{
	for (size_t i = 0; i < jobs->n; i++) {
		batch_job *j = &jobs->v[i];
		free(j->input);
		free(j->key);
		free(j->output);
		free(j->ns_inject);
		free(j->diags);
	}
	free(jobs->v);
	for (size_t i = 0; i < jobs->ncolls; i++) {
		free(jobs->colls[i].path);
		free(jobs->colls[i].bytes);
	}
	free(jobs->colls);
	free(jobs->usage_error);
	memset(jobs, 0, sizeof *jobs);
}

bool
batch_mkdirs_for(const char *path)
{
	char *p = folio_strdup(path);
	char *slash = strrchr(p, '/');
	if (!slash) {
		free(p);
		return true;
	}
	*slash = 0;
	for (char *q = p + 1; *q; q++) {
		if (*q != '/')
			continue;
		*q = 0;
		mkdir(p, 0777);
		*q = '/';
	}
	bool ok = mkdir(p, 0777) == 0 || errno == EEXIST;
	free(p);
	return ok;
}

/* Temporary files are ".BASE.XXXXXX" beside BASE (see pipeline.c). */
static void
clean_dir(const char *dir, GHashTable *targets, size_t *removed)
{
	DIR *d = opendir(dir);
	if (!d)
		return;
	struct dirent *e;
	while ((e = readdir(d))) {
		size_t n = strlen(e->d_name);
		if (e->d_name[0] != '.' || n < 9 || e->d_name[n - 7] != '.')
			continue;
		bool xs = true;   /* mkstemp's six letters and digits */
		for (size_t k = n - 6; k < n; k++)
			xs = xs && ((e->d_name[k] >= 'a' && e->d_name[k] <= 'z') ||
			            (e->d_name[k] >= 'A' && e->d_name[k] <= 'Z') ||
			            (e->d_name[k] >= '0' && e->d_name[k] <= '9'));
		if (!xs)
			continue;
		char *base = folio_strndup(e->d_name + 1, n - 8);
		char *target = folio_asprintf("%s/%s", dir, base);
		if (g_hash_table_contains(targets, target)) {
			char *stale = folio_asprintf("%s/%s", dir, e->d_name);
			if (unlink(stale) == 0)
				(*removed)++;
			free(stale);
		}
		free(target);
		free(base);
	}
	closedir(d);
}

static char *
dir_of(const char *path)
{
	char *copy = folio_strdup(path);
	char *r = folio_strdup(dirname(copy));
	free(copy);
	return r;
}

size_t
batch_clean_stale(const batch_jobs *jobs, const char *extra)
{
	GHashTable *targets = g_hash_table_new_full(g_str_hash, g_str_equal, free, NULL);
	GHashTable *dirs = g_hash_table_new_full(g_str_hash, g_str_equal, free, NULL);
	for (size_t i = 0; i <= jobs->n; i++) {
		const char *out = i < jobs->n ? jobs->v[i].output : extra;
		if (!out)
			continue;
		char *dir = dir_of(out), *b = base_name(out);
		g_hash_table_add(targets, folio_asprintf("%s/%s", dir, b));
		g_hash_table_add(dirs, dir);
		free(b);
	}
	size_t removed = 0;
	GHashTableIter it;
	gpointer key;
	g_hash_table_iter_init(&it, dirs);
	while (g_hash_table_iter_next(&it, &key, NULL))
		clean_dir(key, targets, &removed);
	g_hash_table_destroy(targets);
	g_hash_table_destroy(dirs);
	return removed;
}

/* ---- up to date? ------------------------------------------------------- */

/* What the previous manifest said about one job. */
typedef struct prev_rec {
	char sha256[65], in_sha256[65], deps_sha256[65];
	int64_t pages;
	char *output;       /* owned */
} prev_rec;

/* The schemas and stylesheets one document type depends on. */
typedef struct type_deps {
	char type[64];
	struct timespec newest;  /* latest modification time, folio included */
	char sha256[65];         /* folio, those files and the parameters */
} type_deps;

struct batch_state {
	char *data_dir;          /* owned */
	const char **params;     /* borrowed; NULL-terminated name/value pairs */
	char *salt;              /* owned; other options that change the PDF */
	char **files;            /* owned; data files, sorted: "schemas/x.xsd" */
	size_t nfiles;
	char **types;            /* owned; known types (schemas/T.xsd) */
	size_t ntypes;
	struct timespec exe_mtime;
	char exe_sha256[65];
	type_deps *deps;         /* owned cache */
	size_t ndeps;
	GHashTable *prev;        /* key -> prev_rec*, both owned */
};

/* Is schema path (named T.xsd, t_len = strlen(T)) a document type, that
 * is, the schema of urn:folio:T?  The modules the types' schemas include
 * (common.xsd, requisites.xsd, measures.xsd) have no target namespace:
 * their files are shared by every type that includes them. */
static bool
is_type_schema(const char *path, const char *name, size_t t_len)
{
	gchar *text = NULL;
	if (!g_file_get_contents(path, &text, NULL, NULL))
		return false;
	char *want = folio_asprintf("targetNamespace=\"urn:folio:%.*s\"", (int)t_len, name);
	bool yes = strstr(text, want) != NULL;
	free(want);
	g_free(text);
	return yes;
}

static void
list_data(batch_state *s, const char *sub)
{
	char *dir = folio_asprintf("%s/%s", s->data_dir, sub);
	DIR *d = opendir(dir);
	struct dirent *e;
	while (d && (e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		char *path = folio_asprintf("%s/%s", dir, e->d_name);
		struct stat st;
		if (stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
			s->files = folio_realloc_array(s->files, s->nfiles + 1, sizeof *s->files);
			s->files[s->nfiles++] = folio_asprintf("%s/%s", sub, e->d_name);
			size_t n = strlen(e->d_name);
			if (!strcmp(sub, "schemas") && ends_with(e->d_name, ".xsd") &&
			    is_type_schema(path, e->d_name, n - 4)) {
				s->types = folio_realloc_array(s->types, s->ntypes + 1,
				                               sizeof *s->types);
				s->types[s->ntypes++] = folio_strndup(e->d_name, n - 4);
			}
		}
		free(path);
	}
	if (d)
		closedir(d);
	free(dir);
}

static void
prev_free(gpointer p)
{
	prev_rec *r = p;
	free(r->output);
	free(r);
}

static void
copy_hex(char dst[65], JsonObject *o, const char *member)
{
	const char *v = json_object_has_member(o, member)
	              ? json_object_get_string_member(o, member) : NULL;
	snprintf(dst, 65, "%s", v && strlen(v) == 64 ? v : "");
}

/* Reads a manifest written by an earlier run (later lines win). */
static void
read_manifest(batch_state *s, const char *path)
{
	FILE *f = fopen(path, "r");
	if (!f)
		return;
	JsonParser *parser = json_parser_new();
	char *line = NULL;
	size_t cap = 0;
	while (getline(&line, &cap, f) > 0) {
		if (!json_parser_load_from_data(parser, line, -1, NULL))
			continue;   /* a line cut short by a kill: ignore it */
		JsonNode *root = json_parser_get_root(parser);
		if (!root || !JSON_NODE_HOLDS_OBJECT(root))
			continue;
		JsonObject *o = json_node_get_object(root);
		if (!json_object_has_member(o, "input") || !json_object_has_member(o, "status"))
			continue;
		const char *status = json_object_get_string_member(o, "status");
		if (!status || (strcmp(status, "done") && strcmp(status, "skipped")))
			continue;
		const char *input = json_object_get_string_member(o, "input");
		int64_t entry = json_object_has_member(o, "entry") &&
		                !json_object_get_null_member(o, "entry")
		              ? json_object_get_int_member(o, "entry") : 0;
		const char *out = json_object_has_member(o, "output")
		                ? json_object_get_string_member(o, "output") : NULL;
		if (!input || !out)
			continue;
		prev_rec *r = folio_calloc(1, sizeof *r);
		copy_hex(r->sha256, o, "sha256");
		copy_hex(r->in_sha256, o, "input_sha256");
		copy_hex(r->deps_sha256, o, "deps_sha256");
		r->pages = json_object_has_member(o, "pages") &&
		           !json_object_get_null_member(o, "pages")
		         ? json_object_get_int_member(o, "pages") : -1;
		r->output = folio_strdup(out);
		char *key = entry ? folio_asprintf("%s#%lld", input, (long long)entry)
		                  : folio_strdup(input);
		g_hash_table_replace(s->prev, key, r);
	}
	free(line);
	g_object_unref(parser);
	fclose(f);
}

batch_state *
batch_state_new(const char *data_dir, const char **params, const char *salt,
                const char *manifest)
{
	batch_state *s = folio_calloc(1, sizeof *s);
	s->data_dir = folio_strdup(data_dir ? data_dir : ".");
	s->params = params;
	s->salt = folio_strdup(salt ? salt : "");
	list_data(s, "schemas");
	list_data(s, "stylesheets");
	qsort(s->files, s->nfiles, sizeof *s->files, cmp_str);
	struct stat st;
	if (stat("/proc/self/exe", &st) == 0)
		s->exe_mtime = st.st_mtim;
	if (!batch_sha256_file("/proc/self/exe", s->exe_sha256, NULL))
		strcpy(s->exe_sha256, "unknown");
	s->prev = g_hash_table_new_full(g_str_hash, g_str_equal, free, prev_free);
	if (manifest) {
		read_manifest(s, manifest);
		char *part = folio_asprintf("%s.part", manifest);
		read_manifest(s, part);
		free(part);
	}
	return s;
}

void
batch_state_free(batch_state *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->nfiles; i++)
		free(s->files[i]);
	for (size_t i = 0; i < s->ntypes; i++)
		free(s->types[i]);
	free(s->files);
	free(s->types);
	free(s->deps);
	free(s->data_dir);
	free(s->salt);
	g_hash_table_destroy(s->prev);
	free(s);
}

/* Does data file f ("schemas/protocol-rules.xsl") belong to type t? */
static bool
file_of_type(const char *f, const char *t)
{
	const char *b = strchr(f, '/') + 1;
	size_t n = strlen(t);
	return !strncmp(b, t, n) && (b[n] == '.' || b[n] == '-');
}

/* A type's own files (T.xsd, T-rules.xsl, T.xsl) and the shared ones
 * (files of no type: common.xsd, common.xsl, labels-*.xml, the modules
 * requisites.* and measures.*; see is_type_schema).  An unknown
 * type depends on everything. */
static bool
depends_on(const batch_state *s, const char *type, const char *f)
{
	if (!type[0])
		return true;
	if (file_of_type(f, type))
		return true;
	for (size_t i = 0; i < s->ntypes; i++)
		if (file_of_type(f, s->types[i]))
			return false;
	return true;
}

static bool
ts_after(struct timespec a, struct timespec b)
{
	return a.tv_sec > b.tv_sec || (a.tv_sec == b.tv_sec && a.tv_nsec > b.tv_nsec);
}

static const type_deps *
deps_of(batch_state *s, const char *type)
{
	for (size_t i = 0; i < s->ndeps; i++)
		if (!strcmp(s->deps[i].type, type))
			return &s->deps[i];
	s->deps = folio_realloc_array(s->deps, s->ndeps + 1, sizeof *s->deps);
	type_deps *d = &s->deps[s->ndeps++];
	memset(d, 0, sizeof *d);
	snprintf(d->type, sizeof d->type, "%s", type);
	d->newest = s->exe_mtime;
	GChecksum *c = g_checksum_new(G_CHECKSUM_SHA256);
	g_checksum_update(c, (const guchar *)s->exe_sha256, 64);
	for (size_t i = 0; i < s->nfiles; i++) {
		if (!depends_on(s, type, s->files[i]))
			continue;
		char *path = folio_asprintf("%s/%s", s->data_dir, s->files[i]);
		struct stat st;
		if (stat(path, &st) == 0 && ts_after(st.st_mtim, d->newest))
			d->newest = st.st_mtim;
		g_checksum_update(c, (const guchar *)s->files[i], strlen(s->files[i]) + 1);
		digest_file(c, path, NULL);
		free(path);
	}
	for (size_t i = 0; s->params && s->params[i]; i++)
		g_checksum_update(c, (const guchar *)s->params[i], strlen(s->params[i]) + 1);
	g_checksum_update(c, (const guchar *)s->salt, strlen(s->salt) + 1);
	hex_digest(c, d->sha256);
	g_checksum_free(c);
	return d;
}

void
batch_state_decide(batch_state *s, const batch_jobs *jobs, batch_job *j,
                   bool force, bool changed_only)
{
	if (j->state == JOB_FAILED)
		return;
	struct stat in_st, out_st;
	bool have_in = stat(j->input, &in_st) == 0;
	if (j->entry) {
		const batch_coll *c = &jobs->colls[j->coll];
		sha256_mem(c->bytes + j->off, j->len, j->in_sha256);
	} else if (!batch_sha256_file(j->input, j->in_sha256, NULL)) {
		j->in_sha256[0] = 0;
	}
	const type_deps *d = deps_of(s, j->type);
	memcpy(j->deps_sha256, d->sha256, sizeof j->deps_sha256);
	j->state = JOB_PENDING;
	if (force || !have_in || !j->in_sha256[0] || stat(j->output, &out_st) != 0 ||
	    !S_ISREG(out_st.st_mode))
		return;
	prev_rec *r = g_hash_table_lookup(s->prev, j->key);
	if (changed_only) {
		if (!r || strcmp(r->in_sha256, j->in_sha256) ||
		    strcmp(r->deps_sha256, d->sha256) || strcmp(r->output, j->output))
			return;
	} else if (!ts_after(out_st.st_mtim, in_st.st_mtim) ||
	           !ts_after(out_st.st_mtim, d->newest)) {
		return;
	}
	/* the output is what it should be: record what it is */
	if (!batch_sha256_file(j->output, j->sha256, &j->bytes))
		return;
	if (changed_only && strcmp(r->sha256, j->sha256)) {
		j->sha256[0] = 0;   /* the PDF was changed since: render again */
		return;
	}
	j->pages = r && !strcmp(r->sha256, j->sha256) ? r->pages : -1;
	j->state = JOB_SKIPPED;
}

/* ---- manifest ------------------------------------------------------------ */

static void
add_str(JsonBuilder *b, const char *member, const char *v)
{
	json_builder_set_member_name(b, member);
	if (!v || !*v) {
		json_builder_add_null_value(b);
		return;
	}
	/* file names and messages may hold bytes that are not UTF-8 */
	char *valid = g_utf8_make_valid(v, -1);
	json_builder_add_string_value(b, valid);
	g_free(valid);
}

static void
add_int(JsonBuilder *b, const char *member, int64_t v, bool known)
{
	json_builder_set_member_name(b, member);
	if (known)
		json_builder_add_int_value(b, v);
	else
		json_builder_add_null_value(b);
}

void
batch_manifest_line(FILE *f, const batch_job *j)
{
	static const char *states[] = {"pending", "running", "done", "skipped", "failed"};
	JsonBuilder *b = json_builder_new();
	json_builder_begin_object(b);
	add_str(b, "input", j->input);
	add_int(b, "entry", j->entry, j->entry > 0);
	add_str(b, "output", j->output);
	add_str(b, "status", states[j->state]);
	bool pdf = j->state == JOB_DONE || j->state == JOB_SKIPPED;
	add_str(b, "sha256", pdf ? j->sha256 : NULL);
	add_int(b, "pages", j->pages, pdf && j->pages >= 0);
	add_int(b, "bytes", (int64_t)j->bytes, pdf);
	add_int(b, "ms", j->ms, j->state != JOB_SKIPPED);
	add_str(b, "type", j->type);
	add_int(b, "worker", j->worker, j->worker > 0);
	add_int(b, "worker_peak_rss_kib", j->rss_kib, j->rss_kib > 0);
	add_str(b, "input_sha256", j->in_sha256);
	add_str(b, "deps_sha256", j->deps_sha256);
	json_builder_set_member_name(b, "diagnostics");
	json_builder_begin_array(b);
	for (const char *p = j->diags; p && *p; ) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		if (n > 1) {
			char *line = folio_strndup(p + 1, n - 1);
			char *valid = g_utf8_make_valid(line, -1);
			json_builder_add_string_value(b, valid);
			g_free(valid);
			free(line);
		}
		p += n + (nl ? 1 : 0);
	}
	json_builder_end_array(b);
	json_builder_end_object(b);
	JsonGenerator *g = json_generator_new();
	JsonNode *root = json_builder_get_root(b);
	json_generator_set_root(g, root);
	gchar *text = json_generator_to_data(g, NULL);
	fprintf(f, "%s\n", text);
	g_free(text);
	json_node_unref(root);
	g_object_unref(g);
	g_object_unref(b);
}

size_t
batch_clean_stale_one(const char *output)
{
	batch_job j = {.output = (char *)output};
	batch_jobs one = {.v = &j, .n = 1};
	return batch_clean_stale(&one, NULL);
}
