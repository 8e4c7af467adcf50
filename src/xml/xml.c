/*
 * xml.c -- safe parsing, XSD validation and error routing for libxml2.
 *
 * Error routing: libxml2 reports through a (thread-local) structured error
 * callback.  We install ours around every call and turn each xmlError into a
 * folio diagnostic, cleaning libxml2's wording a little: namespace URIs in
 * braces are dropped ("{urn:folio:protocol}date" reads "date") and the
 * column is found in the source text when libxml2 does not know it.
 */
#include "xml.h"

#include <errno.h>
#include <fcntl.h>
#include <libxml/parser.h>
#include <libxml/xmlschemas.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct folio_xml_schema {
	xmlSchemaPtr schema;   /* owned */
	char *path;            /* owned */
};

/* The current routing target, per thread (libxml2 keeps its error
 * handler per thread too): the front half checks a document in one thread
 * while it compiles the stylesheet in another (src/pipeline.c). */
static _Thread_local struct {
	folio_diags *diags;
	const folio_xml_doc *doc;
	int depth;
	bool skip_xpath;   /* during XSLT: libxslt reports these with a location */
	bool parsing;      /* in parse_owned: only the first syntax error counts */
	int syntax_errors; /* errors reported while parsing */
} route;

void
folio_xml_errors_skip_xpath(bool skip)
{
	route.skip_xpath = skip;
}

/* Removes "{uri}" namespace parts from libxml2 messages, but not value
 * sets such as "{'full', 'short'}": a namespace has no blanks, commas or
 * quotes and has a ':' in it. */
static void
strip_namespaces(char *s)
{
	char *w = s;
	for (char *r = s; *r;) {
		if (*r == '{') {
			char *end = strchr(r, '}');
			size_t n = end ? (size_t)(end - r) : 0;
			if (end && memchr(r, ':', n) && !memchr(r, ' ', n) &&
			    !memchr(r, ',', n) && !memchr(r, '\'', n)) {
				r = end + 1;
				continue;
			}
		}
		*w++ = *r++;
	}
	*w = 0;
}

static void
on_error(void *data, xmlErrorPtr e)
{
	(void)data;
	if (!route.diags || !e)
		return;
	if (route.skip_xpath && e->domain == XML_FROM_XPATH)
		return;
	/* after the first fatal syntax error libxml2 goes on reporting what
	 * follows from it ("tag mismatch" for every open element): noise */
	if (route.parsing && e->level >= XML_ERR_ERROR && route.syntax_errors++)
		return;
	folio_severity sev = e->level == XML_ERR_WARNING ? FOLIO_WARNING
	                                                 : FOLIO_ERROR;
	char msg[1024];
	snprintf(msg, sizeof msg, "%s", e->message ? e->message : "unknown error");
	strip_namespaces(msg);
	int line = e->line;
	int col = e->int2;
	xmlNodePtr node = e->node;
	if (node && e->domain == XML_FROM_SCHEMASV && route.doc &&
	    node->doc == route.doc->doc) {
		if (!line)
			line = xmlGetLineNo(node);
		if (!col)
			col = folio_xml_node_col(route.doc, node);
	}
	const char *file = e->file;
	if (route.doc && (!file || (route.doc->doc && route.doc->doc->URL &&
	                            !strcmp(file, (const char *)route.doc->doc->URL))))
		file = route.doc->path;
	const char *code = e->domain == XML_FROM_SCHEMASV ? "schema"
	                 : e->domain == XML_FROM_SCHEMASP ? "schema-file"
	                 : e->domain == XML_FROM_XSLT     ? "xslt"
	                                                  : "xml-syntax";
	folio_diags_add(route.diags, sev, code, file, line, col > 0 ? col : 1,
	                "%s", msg);
}

void
folio_xml_errors_push(folio_diags *d, const folio_xml_doc *x)
{
	route.diags = d;
	route.doc = x;
	route.depth++;
	xmlSetStructuredErrorFunc(NULL, on_error);
	xmlSetGenericErrorFunc(NULL, NULL);
}

void
folio_xml_errors_pop(void)
{
	if (--route.depth <= 0) {
		route.depth = 0;
		route.diags = NULL;
		route.doc = NULL;
	}
}

static folio_status
read_file(folio_diags *d, const char *path, char **bytes, size_t *len)
{
	int fd = open(path, O_RDONLY);
	struct stat st;
	if (fd < 0 || fstat(fd, &st) != 0) {
		folio_diags_add(d, FOLIO_ERROR, "io", path, 0, 0,
		                "cannot open: %s", strerror(errno));
		if (fd >= 0)
			close(fd);
		return FOLIO_EUSAGE;
	}
	if (S_ISDIR(st.st_mode)) {
		folio_diags_add(d, FOLIO_ERROR, "io", path, 0, 0,
		                "is a directory, not an XML file");
		close(fd);
		return FOLIO_EUSAGE;
	}
	if (st.st_size > FOLIO_LIMIT_INPUT_BYTES) {
		folio_diags_add(d, FOLIO_ERROR, "limit", path, 0, 0,
		                "file is %lld bytes, more than the limit of %ld",
		                (long long)st.st_size, FOLIO_LIMIT_INPUT_BYTES);
		close(fd);
		return FOLIO_EUSAGE;
	}
	size_t cap = (size_t)st.st_size + 1, n = 0;
	char *buf = folio_malloc(cap);
	for (;;) {
		if (n + 1 >= cap) {
			if (cap > FOLIO_LIMIT_INPUT_BYTES) {
				folio_diags_add(d, FOLIO_ERROR, "limit", path, 0, 0,
				                "file is larger than the limit of %ld bytes",
				                FOLIO_LIMIT_INPUT_BYTES);
				free(buf);
				close(fd);
				return FOLIO_EUSAGE;
			}
			cap *= 2;
			buf = folio_realloc_array(buf, cap, 1);
		}
		ssize_t r = read(fd, buf + n, cap - n - 1);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			folio_diags_add(d, FOLIO_ERROR, "io", path, 0, 0,
			                "cannot read: %s", strerror(errno));
			free(buf);
			close(fd);
			return FOLIO_EUSAGE;
		}
		if (r == 0)
			break;
		n += (size_t)r;
	}
	close(fd);
	buf[n] = 0;
	*bytes = buf;
	*len = n;
	return FOLIO_OK;
}

/* Column of "&name;" on the given line of x's text, or 1. */
static int
entity_col(const folio_xml_doc *x, long line, const char *name)
{
	const char *p = x->bytes, *end = x->bytes + x->len;
	for (long l = 1; l < line && p < end; p++)
		if (*p == '\n')
			l++;
	size_t n = strlen(name);
	for (const char *q = p; q < end && *q != '\n'; q++)
		if (*q == '&' && (size_t)(end - q) > n + 1 &&
		    !memcmp(q + 1, name, n) && q[n + 1] == ';')
			return (int)(q - p) + 1;
	return 1;
}

/* Entities in text are never expanded (an entity bomb or an external
 * entity would otherwise be), so a reference to one declared in a DTD
 * stays an entity reference node whose text would silently go missing.
 * (In attribute values libxml2 substitutes internal entities, bounded by
 * its amplification check, and refuses external ones.)  Each becomes an
 * error instead (the first few of them; the document fails either way).
 * Iterative pre-order walk: the tree may be deep. */
static void
report_entity_refs(folio_diags *d, const folio_xml_doc *x)
{
	enum { SHOWN = 10 };
	const xmlChar *seen[SHOWN];
	size_t nseen = 0, total = 0;
	xmlNodePtr node = xmlDocGetRootElement(x->doc);
	while (node) {
		if (node->type == XML_ENTITY_REF_NODE) {
			total++;
			bool known = false;
			for (size_t i = 0; i < nseen && !known; i++)
				known = xmlStrEqual(seen[i], node->name);
			if (!known && nseen < SHOWN) {
				seen[nseen++] = node->name;
				long line = xmlGetLineNo(node);
				folio_diags_add(d, FOLIO_ERROR, "xml-entity", x->path,
				                line > 0 ? (int)line : 0,
				                entity_col(x, line, (const char *)node->name),
				                "entity reference &%s; is not expanded: folio "
				                "does not expand DTD entities in text (an entity "
				                "can read files or explode in size); write the "
				                "text itself or a character reference (&#1071;)",
				                (const char *)node->name);
			}
		}
		if (node->children && node->type == XML_ELEMENT_NODE) {
			node = node->children;
			continue;
		}
		while (node && !node->next)
			node = node->parent && node->parent->type == XML_ELEMENT_NODE
			     ? node->parent : NULL;
		if (node)
			node = node->next;
	}
	if (total > nseen)
		folio_diags_add(d, FOLIO_NOTE, "xml-entity", x->path, 0, 0,
		                "%zu entity references in all", total);
}

/* Parses bytes (owned from here on, NUL-terminated, len long) as the
 * document called path. */
static folio_xml_doc *
parse_owned(folio_diags *d, const char *path, char *bytes, size_t len,
            folio_status *status)
{
	folio_xml_doc *x = folio_calloc(1, sizeof *x);
	x->path = folio_strdup(path);
	x->bytes = bytes;
	x->len = len;
	if (len == 0) {
		folio_diags_add(d, FOLIO_ERROR, "xml-syntax", path, 1, 1,
		                "the file is empty");
		folio_xml_doc_free(x);
		*status = FOLIO_EDOC;
		return NULL;
	}
	/* No entity expansion, no DTD loading, no network; big line numbers.
	 * libxml2's own limits stay on (no XML_PARSE_HUGE): text nodes and
	 * names up to 10 MB, nesting up to 256 levels, entity amplification
	 * checks -- each refusal becomes an xml-syntax diagnostic. */
	int options = XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOXINCNODE;
	size_t before = d->errors;
	folio_xml_errors_push(d, x);
	route.parsing = true;
	route.syntax_errors = 0;
	x->doc = xmlReadMemory(bytes, (int)len, path, NULL, options);
	route.parsing = false;
	folio_xml_errors_pop();
	if (!x->doc || d->errors > before) {
		if (d->errors == before)
			folio_diags_add(d, FOLIO_ERROR, "xml-syntax", path, 1, 1,
			                "the file is not well-formed XML");
		folio_xml_doc_free(x);
		*status = FOLIO_EDOC;
		return NULL;
	}
	if (!xmlDocGetRootElement(x->doc)) {
		folio_diags_add(d, FOLIO_ERROR, "xml-syntax", path, 1, 1,
		                "the document has no root element");
		folio_xml_doc_free(x);
		*status = FOLIO_EDOC;
		return NULL;
	}
	report_entity_refs(d, x);
	if (d->errors > before) {
		folio_xml_doc_free(x);
		*status = FOLIO_EDOC;
		return NULL;
	}
	*status = FOLIO_OK;
	return x;
}

folio_xml_doc *
folio_xml_load(folio_diags *d, const char *path, folio_status *status)
{
	char *bytes;
	size_t len;
	*status = read_file(d, path, &bytes, &len);
	if (*status != FOLIO_OK)
		return NULL;
	return parse_owned(d, path, bytes, len, status);
}

folio_xml_doc *
folio_xml_load_memory(folio_diags *d, const char *name, const char *bytes,
                      size_t len, folio_status *status)
{
	if (len > (size_t)FOLIO_LIMIT_INPUT_BYTES) {
		folio_diags_add(d, FOLIO_ERROR, "limit", name, 0, 0,
		                "input is %zu bytes, more than the limit of %ld",
		                len, FOLIO_LIMIT_INPUT_BYTES);
		*status = FOLIO_EUSAGE;
		return NULL;
	}
	char *copy = folio_malloc(len + 1);
	memcpy(copy, bytes, len);
	copy[len] = 0;
	return parse_owned(d, name, copy, len, status);
}

folio_xml_doc *
folio_xml_load_bytes(folio_diags *d, const char *path, char *bytes, size_t len,
                     folio_status *status)
{
	return parse_owned(d, path, bytes, len, status);
}

void
folio_xml_doc_free(folio_xml_doc *x)
{
	if (!x)
		return;
	if (x->doc)
		xmlFreeDoc(x->doc);
	free(x->path);
	free(x->bytes);
	free(x);
}

int
folio_xml_node_col(const folio_xml_doc *x, xmlNodePtr node)
{
	long line = xmlGetLineNo(node);
	if (line <= 0 || !x->bytes || node->type != XML_ELEMENT_NODE)
		return 1;
	const char *p = x->bytes, *end = x->bytes + x->len;
	for (long l = 1; l < line && p < end; p++)
		if (*p == '\n')
			l++;
	const char *eol = memchr(p, '\n', (size_t)(end - p));
	if (!eol)
		eol = end;
	/* the start tag: '<' followed by [prefix:]name and a delimiter */
	size_t nlen = strlen((const char *)node->name);
	for (const char *q = p; q < eol; q++) {
		if (*q != '<')
			continue;
		const char *n = q + 1;
		const char *colon = NULL;
		for (const char *r = n; r < eol && *r != ' ' && *r != '>' &&
		                        *r != '/' && *r != '\t'; r++)
			if (*r == ':')
				colon = r;
		if (colon)
			n = colon + 1;
		if ((size_t)(eol - n) >= nlen &&
		    !memcmp(n, node->name, nlen) &&
		    strchr(" \t\r\n/>", n[nlen] ? n[nlen] : '>'))
			return (int)(q - p) + 1;
	}
	return 1;
}

folio_xml_schema *
folio_xml_schema_load(folio_diags *d, const char *path)
{
	folio_xml_errors_push(d, NULL);
	xmlSchemaParserCtxtPtr pc = xmlSchemaNewParserCtxt(path);
	xmlSchemaPtr schema = NULL;
	if (pc) {
		xmlSchemaSetParserStructuredErrors(pc, on_error, NULL);
		schema = xmlSchemaParse(pc);
		xmlSchemaFreeParserCtxt(pc);
	}
	folio_xml_errors_pop();
	if (!schema) {
		folio_diags_add(d, FOLIO_ERROR, "schema-file", path, 0, 0,
		                "cannot compile the schema");
		return NULL;
	}
	folio_xml_schema *s = folio_calloc(1, sizeof *s);
	s->schema = schema;
	s->path = folio_strdup(path);
	return s;
}

void
folio_xml_schema_free(folio_xml_schema *s)
{
	if (!s)
		return;
	xmlSchemaFree(s->schema);
	free(s->path);
	free(s);
}

folio_status
folio_xml_validate(folio_diags *d, folio_xml_schema *s, folio_xml_doc *x)
{
	size_t before = d->errors;
	folio_xml_errors_push(d, x);
	xmlSchemaValidCtxtPtr vc = xmlSchemaNewValidCtxt(s->schema);
	xmlSchemaSetValidStructuredErrors(vc, on_error, NULL);
	int rc = xmlSchemaValidateDoc(vc, x->doc);
	xmlSchemaFreeValidCtxt(vc);
	folio_xml_errors_pop();
	if (rc != 0 && d->errors == before)
		folio_diags_add(d, FOLIO_ERROR, "schema", x->path, 1, 1,
		                "the document does not match schema %s", s->path);
	return rc == 0 ? FOLIO_OK : FOLIO_EDOC;
}

const char *
folio_xml_doc_type(const folio_xml_doc *x, char *buf, size_t size)
{
	xmlNodePtr root = xmlDocGetRootElement(x->doc);
	if (!root || !root->ns || !root->ns->href)
		return NULL;
	const char *uri = (const char *)root->ns->href;
	const char *prefix = "urn:folio:";
	if (strncmp(uri, prefix, strlen(prefix)))
		return NULL;
	const char *t = uri + strlen(prefix);
	size_t n = strlen(t);
	if (n == 0 || n >= size || !strcmp(t, "fo"))
		return NULL;
	for (const char *p = t; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-'))
			return NULL;
	memcpy(buf, t, n + 1);
	return buf;
}

xmlNodePtr
folio_xml_walk_next(xmlNodePtr n, bool descend)
{
	if (descend && n->children && n->type == XML_ELEMENT_NODE)
		return n->children;
	while (n && !n->next)
		n = n->parent && n->parent->type == XML_ELEMENT_NODE ? n->parent : NULL;
	return n ? n->next : NULL;
}
