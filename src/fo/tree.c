/*
 * tree.c -- builds the FO tree from an XSL-FO xmlDoc, iteratively.
 *
 * Checks each element and attribute against the tables and warns, with the
 * line, about what folio does not support (once per name, then counts the
 * rest so a large document does not drown its author in repeats).  Text
 * is kept raw; white-space handling belongs to layout, which knows the
 * line context.
 */
#include "fo.h"
#include "props.h"

#include <libgen.h>
#include <libxml/xmlsave.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <math.h>
#include <string.h>

#define FOLIO_EXT_NS "urn:folio:fo"

typedef struct pending {
	int id;
	const char *value;
	bool weak;
} pending;

typedef struct builder {
	folio_diags *d;
	folio_fo_doc *doc;
	/* names already warned about, with counts of repeats */
	struct { char *key; int repeats; } *seen;
	size_t nseen, capseen;
	/* properties collected for the element being built */
	pending *pend;
	size_t npend, cappend;
	/* the row made for cells given directly in a table body, while more
	 * cells may join it */
	folio_fo *open_row;
} builder;

void
folio_fo_diag(folio_diags *d, const folio_fo_doc *doc, const folio_fo *node,
              folio_severity sev, const char *code, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	const char *file = doc->fo_file;
	int line = node ? node->line : 0;
	for (const folio_fo *n = node; n && doc->src_file; n = n->parent)
		if (n->src_line > 0) {
			file = doc->src_file;
			line = n->src_line;
			break;
		}
	folio_diags_vadd(d, sev, code, file, line, line ? 1 : 0, fmt, ap);
	va_end(ap);
}

/* Returns true the first time key is seen; counts later sightings. */
static bool
first_time(builder *b, const char *key)
{
	for (size_t i = 0; i < b->nseen; i++)
		if (!strcmp(b->seen[i].key, key)) {
			b->seen[i].repeats++;
			return false;
		}
	if (b->nseen == b->capseen) {
		b->capseen = b->capseen ? 2 * b->capseen : 32;
		b->seen = folio_realloc_array(b->seen, b->capseen, sizeof *b->seen);
	}
	b->seen[b->nseen].key = folio_strdup(key);
	b->seen[b->nseen].repeats = 0;
	b->nseen++;
	return true;
}

static void
warn_once(builder *b, const folio_fo *node, const char *key, const char *fmt,
          const char *arg, const char *arg2)
{
	if (!first_time(b, key))
		return;
	folio_fo_diag(b->d, b->doc, node, FOLIO_WARNING, "fo-support", fmt, arg, arg2);
}

static void
collect(void *ctx, int id, const char *value, bool weak)
{
	builder *b = ctx;
	if (id < 0)
		return;
	if (b->npend == b->cappend) {
		b->cappend = b->cappend ? 2 * b->cappend : 16;
		b->pend = folio_realloc_array(b->pend, b->cappend, sizeof *b->pend);
	}
	/* shorthand expansions hand over values in their own buffers */
	b->pend[b->npend++] = (pending){id, folio_arena_strdup(b->doc->arena, value), weak};
}

/* A shorthand given as "inherit" stands for "inherit" on each property it
 * sets: expand it with a sample value to learn which, then collect each
 * as "inherit" (applied from the parent's computed value). */
static void
collect_inherit(void *ctx, int id, const char *value, bool weak)
{
	if (!weak)
		collect(ctx, id, "inherit", false);
}

static int
expand_inherit(builder *b, const char *name)
{
	static const char *samples[] = {"1pt solid black", "1pt", "solid", "black",
	                                "12pt serif", "white"};
	for (size_t i = 0; i < sizeof samples / sizeof *samples; i++) {
		size_t mark = b->npend;
		int r = folio_prop_expand(name, samples[i], collect_inherit, b);
		if (r == FOLIO_EXPAND_DONE || r == FOLIO_EXPAND_UNKNOWN ||
		    r == FOLIO_EXPAND_IGNORED)
			return r;
		b->npend = mark;
	}
	return FOLIO_EXPAND_BAD;
}

static void
add_spec(builder *b, folio_fo *node, folio_prop_id id, folio_value v)
{
	for (int i = 0; i < node->nspecs; i++)
		if (node->specs[i].id == id) {
			node->specs[i].v = v;
			return;
		}
	node->specs[node->nspecs++] = (folio_spec){id, v};
	(void)b;
}

/* Resolves a font-size value against the parent's font size. */
static folio_len
font_size_of(const folio_value *v, folio_len parent)
{
	static const struct { const char *kw; double pt; } abs[] = {
		{"xx-small", 7}, {"x-small", 8.3}, {"small", 10}, {"medium", 12},
		{"large", 14.4}, {"x-large", 17.3}, {"xx-large", 20.7},
	};
	if (v->kind == FOLIO_V_LEN)
		return v->len;
	if (v->kind == FOLIO_V_PCT)
		return (folio_len)((double)parent * v->num / 100);
	if (v->kind == FOLIO_V_KW) {
		if (!strcmp(v->str, "larger"))
			return (folio_len)((double)parent * 1.2);
		if (!strcmp(v->str, "smaller"))
			return (folio_len)((double)parent / 1.2);
		for (size_t i = 0; i < sizeof abs / sizeof *abs; i++)
			if (!strcmp(v->str, abs[i].kw))
				return FOLIO_PT(abs[i].pt);
	}
	return parent;
}

/* Replaces from-parent(name), inherited-property-value(name) and
 * from-nearest-specified-value(name) in s by the value they stand for, as
 * text the expression parser reads ("12pt").  Returns s itself when there
 * is nothing to replace, else a string in the arena. */
static const char *
property_functions(builder *b, folio_fo *node, folio_prop_id self, const char *s)
{
	static const char *fns[] = {"from-parent(", "inherited-property-value(",
	                            "from-nearest-specified-value("};
	if (!strchr(s, '('))
		return s;
	folio_buf out = {0};
	const char *p = s;
	bool changed = false;
	while (*p) {
		int k = -1;
		for (int i = 0; i < 3; i++)
			if (!strncmp(p, fns[i], strlen(fns[i])))
				k = i;
		if (k < 0) {
			folio_buf_add(&out, p, 1);
			p++;
			continue;
		}
		const char *arg = p + strlen(fns[k]);
		const char *close = strchr(arg, ')');
		if (!close)
			break;
		char name[64];
		size_t n = (size_t)(close - arg);
		while (n && arg[n - 1] == ' ')
			n--;
		while (n && *arg == ' ') {
			arg++;
			n--;
		}
		snprintf(name, sizeof name, "%.*s", (int)n, arg);
		int id = n ? folio_prop_lookup(name) : (int)self;
		const folio_fo *from = k == 2 ? node : node->parent;
		folio_value v = {0};
		if (id >= 0 && from) {
			if (k == 2) {   /* the nearest ancestor-or-self that specifies it */
				for (const folio_fo *a = node->parent; a; a = a->parent)
					if (folio_fo_specified(a, (folio_prop_id)id)) {
						v = *folio_fo_specified(a, (folio_prop_id)id);
						break;
					}
			} else {
				v = folio_fo_get(from, (folio_prop_id)id);
			}
			if (id == FOLIO_PROP_FONT_SIZE && from) {
				v.kind = FOLIO_V_LEN;
				v.len = from->font_size;
			}
		}
		folio_buf val = {0};
		if (v.kind == FOLIO_V_LEN || v.kind == FOLIO_V_NUM)
			folio_value_format(&v, &val);
		else
			folio_buf_puts(&val, "0pt");
		folio_buf_add(&out, val.data, val.len);
		folio_buf_clear(&val);
		p = close + 1;
		changed = true;
	}
	if (*p)
		folio_buf_puts(&out, p);
	const char *r = changed && out.data ? folio_arena_strdup(b->doc->arena, out.data) : s;
	folio_buf_clear(&out);
	return r;
}

/* Absurd lengths (1e308pt: clamped by the parser to FOLIO_LEN_MAX) and
 * page sizes that are not positive are reported and ignored, so the
 * inherited or initial value applies; returns true for those. */
static bool
out_of_range(builder *b, folio_fo *node, folio_prop_id id, const char *text,
             const folio_value *v)
{
	if (v->kind != FOLIO_V_LEN)
		return false;
	const char *why = NULL;
	if (v->len >= FOLIO_LEN_MAX || v->len <= -FOLIO_LEN_MAX)
		why = "is out of range";
	else if ((id == FOLIO_PROP_PAGE_WIDTH || id == FOLIO_PROP_PAGE_HEIGHT) &&
	         v->len <= 0)
		why = "is not a positive length";
	if (!why)
		return false;
	folio_fo_diag(b->d, b->doc, node, FOLIO_WARNING, "limit",
	              "%s=\"%s\" on fo:%s %s; ignored", folio_prop_name(id), text,
	              folio_fo_name(node->kind), why);
	return true;
}

static void
apply_property(builder *b, folio_fo *node, const pending *p_in)
{
	pending pp = *p_in, *p = &pp;
	folio_prop_id id = (folio_prop_id)p->id;
	const char *name = folio_prop_name(id);
	p->value = property_functions(b, node, id, p->value);
	if (!strcmp(p->value, "inherit")) {
		if (node->parent)
			add_spec(b, node, id, folio_fo_get(node->parent, id));
		return;
	}
	folio_value v;
	folio_len base = id == FOLIO_PROP_FONT_SIZE && node->parent
	                     ? node->parent->font_size : node->font_size;
	if (!folio_value_parse(b->doc->arena, id, p->value, base, &v)) {
		/* a length without a unit: FOP reads it as pixels at 72 dpi,
		 * that is points; so do we, and say so */
		char *end = NULL;
		double n = strtod(p->value, &end);
		char withpt[64];
		if (end && end != p->value && !*end && isfinite(n) &&
		    snprintf(withpt, sizeof withpt, "%spt", p->value) < (int)sizeof withpt &&
		    folio_value_parse(b->doc->arena, id, withpt, base, &v)) {
			folio_fo_diag(b->d, b->doc, node, FOLIO_WARNING, "fo-value",
			              "length \"%s\" for %s on fo:%s has no unit; read as "
			              "%s (as FOP does)", p->value, name,
			              folio_fo_name(node->kind), withpt);
		} else {
			folio_fo_diag(b->d, b->doc, node, FOLIO_WARNING, "fo-value",
			              "invalid value \"%s\" for %s on fo:%s; ignored",
			              p->value, name, folio_fo_name(node->kind));
			return;
		}
	}
	if (out_of_range(b, node, id, p->value, &v))
		return;
	if (id == FOLIO_PROP_FONT_SIZE) {
		folio_len parent = node->parent ? node->parent->font_size : FOLIO_PT(12);
		folio_len fs = font_size_of(&v, parent);
		/* pango cannot make fonts of kilometres (and says so on stderr) */
		if (fs <= 0 || fs > FOLIO_PT(FOLIO_LIMIT_FONT_SIZE_PT)) {
			folio_fo_diag(b->d, b->doc, node, FOLIO_WARNING, "limit",
			              "font-size \"%s\" on fo:%s is outside 0..%dpt; ignored",
			              p->value, folio_fo_name(node->kind),
			              FOLIO_LIMIT_FONT_SIZE_PT);
			return;
		}
		node->font_size = fs;
		v.kind = FOLIO_V_LEN;
		v.len = node->font_size;
	}
	if (folio_prop_support(id) == FOLIO_SUPPORT_NONE) {
		const folio_value *init = folio_prop_initial_value(id);
		if (!folio_value_equal(&v, init)) {
			char key[160];
			snprintf(key, sizeof key, "prop:%s", name);
			warn_once(b, node, key, "property %s is not supported yet; "
			          "ignored (on fo:%s)", name, folio_fo_name(node->kind));
		}
	}
	add_spec(b, node, id, v);
}

static void
read_attributes(builder *b, xmlNodePtr x, folio_fo *node)
{
	b->npend = 0;
	for (xmlAttrPtr a = x->properties; a; a = a->next) {
		xmlChar *val = xmlNodeListGetString(x->doc, a->children, 1);
		const char *name = (const char *)a->name;
		const char *value = val ? (const char *)val : "";
		const char *ns = a->ns ? (const char *)a->ns->href : NULL;
		if (ns && !strcmp(ns, FOLIO_EXT_NS) && !strcmp(name, "line")) {
			node->src_line = atoi(value);
		} else if (ns && !strcmp(ns, FOLIO_EXT_NS) && !strcmp(name, "signature-field")) {
			/* folio extension for the post stage: the signature field
			 * over this block (a property, so lines reach it through
			 * their FO ancestors and --dump-fo shows it) */
			collect(b, FOLIO_PROP_FOLIO_SIGNATURE_FIELD, value, false);
		} else if (ns && (!strcmp(ns, FOLIO_EXT_NS) ||
		                  !strcmp(ns, "http://xmlgraphics.apache.org/fop/extensions")) &&
		           !strcmp(name, "alt-text")) {
			/* alternative text for the structure tree (tagged PDF) */
			collect(b, FOLIO_PROP_FOLIO_ALT_TEXT, value, false);
		} else if (ns && !strcmp(ns, (const char *)XML_XML_NAMESPACE) &&
		           !strcmp(name, "lang")) {
			char lang[16] = "", country[16] = "";
			sscanf(value, "%15[A-Za-z]-%15[A-Za-z]", lang, country);
			collect(b, FOLIO_PROP_LANGUAGE, lang, false);
			if (country[0])
				collect(b, FOLIO_PROP_COUNTRY, country, false);
		} else if (!ns && node->kind == FOLIO_FO_QR_CODE && !strcmp(name, "data")) {
			/* the QR code's payload, kept in node->text */
		} else if (!ns && (!strcmp(name, "space-before.minimum") ||
		                   !strcmp(name, "space-after.minimum"))) {
			/* the least the space may shrink to; also the space itself
			 * when no optimum is given */
			collect(b, folio_prop_lookup(name), value, false);
			collect(b, name[6] == 'b' ? FOLIO_PROP_SPACE_BEFORE : FOLIO_PROP_SPACE_AFTER,
			        value, true);
		} else if (!ns) {
			int id = folio_prop_lookup(name);
			if (id >= 0) {
				collect(b, id, value, false);
			} else {
				int r = !strcmp(value, "inherit")
				    ? expand_inherit(b, name)
				    : folio_prop_expand(name, value, collect, b);
				char key[160];
				snprintf(key, sizeof key, "prop:%s", name);
				if (r == FOLIO_EXPAND_UNKNOWN)
					warn_once(b, node, key, "unknown property %s on fo:%s; ignored",
					          name, folio_fo_name(node->kind));
				else if (r == FOLIO_EXPAND_BAD)
					folio_fo_diag(b->d, b->doc, node, FOLIO_WARNING, "fo-value",
					              "invalid value \"%s\" for %s; ignored", value, name);
				else if (r == FOLIO_EXPAND_IGNORED)
					warn_once(b, node, key, "property %s is not supported yet; "
					          "ignored (on fo:%s)", name, folio_fo_name(node->kind));
			}
		}
		xmlFree(val);
	}
	node->specs = folio_arena_alloc(b->doc->arena,
	                                (b->npend + 1) * sizeof *node->specs);
	node->font_size = node->parent ? node->parent->font_size : FOLIO_PT(12);
	/* font-size first (em units of the others depend on it), then strong
	 * values, then weak ones where no strong value was given. */
	for (size_t i = 0; i < b->npend; i++)
		if (b->pend[i].id == FOLIO_PROP_FONT_SIZE)
			apply_property(b, node, &b->pend[i]);
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < b->npend; i++) {
			const pending *p = &b->pend[i];
			if (p->id == FOLIO_PROP_FONT_SIZE || p->weak != (pass == 1))
				continue;
			if (p->weak && folio_fo_specified(node, (folio_prop_id)p->id))
				continue;
			apply_property(b, node, p);
		}
}

static folio_fo *
new_node(builder *b, folio_fo *parent, folio_fo_kind kind, int line)
{
	folio_fo *n = folio_arena_alloc(b->doc->arena, sizeof *n);
	n->kind = kind;
	n->line = line;
	n->parent = parent;
	n->font_size = parent ? parent->font_size : FOLIO_PT(12);
	if (parent) {
		n->prev = parent->last;
		if (parent->last)
			parent->last->next = n;
		else
			parent->first = n;
		parent->last = n;
	}
	b->doc->nodes++;
	return n;
}

static bool
all_space(const char *s)
{
	for (; *s; s++)
		if (!strchr(" \t\r\n", *s))
			return false;
	return true;
}

static void
add_text(builder *b, folio_fo *parent, xmlNodePtr x)
{
	const char *t = (const char *)x->content;
	if (!t || !*t)
		return;
	if (folio_fo_role_of(parent->kind) == FOLIO_ROLE_STRUCT &&
	    parent->kind != FOLIO_FO_TABLE_CELL && parent->kind != FOLIO_FO_MARKER &&
	    parent->kind != FOLIO_FO_BOOKMARK_TITLE) {
		if (!all_space(t)) {
			char key[96];
			snprintf(key, sizeof key, "text-in:%s", folio_fo_name(parent->kind));
			warn_once(b, parent, key, "text directly inside fo:%s is not "
			          "allowed; ignored%s", folio_fo_name(parent->kind), "");
		}
		return;
	}
	folio_fo *n = new_node(b, parent, FOLIO_FO_TEXT, (int)xmlGetLineNo(x));
	n->text_len = strlen(t);
	n->text = folio_arena_strndup(b->doc->arena, t, n->text_len);
	n->specs = NULL;
}

/* The text of the first element named `name` in namespace ns under x. */
static const char *
meta_text(builder *b, xmlNodePtr x, const char *ns, const char *name)
{
	xmlNodePtr n = x;
	while (n) {
		if (n->type == XML_ELEMENT_NODE && n->ns &&
		    !strcmp((const char *)n->ns->href, ns) && !strcmp((const char *)n->name, name)) {
			xmlChar *t = xmlNodeGetContent(n);
			char *r = NULL;
			if (t) {
				/* collapse white space */
				folio_buf buf = {0};
				bool sp = false;
				for (const xmlChar *c = t; *c; c++) {
					if (*c == ' ' || *c == '\n' || *c == '\t' || *c == '\r') {
						sp = buf.len > 0;
						continue;
					}
					if (sp)
						folio_buf_add(&buf, " ", 1);
					sp = false;
					folio_buf_add(&buf, (const char *)c, 1);
				}
				if (buf.len)
					r = folio_arena_strdup(b->doc->arena, buf.data);
				folio_buf_clear(&buf);
				xmlFree(t);
			}
			return r;
		}
		/* pre-order walk within x */
		if (n->children) {
			n = n->children;
			continue;
		}
		while (n && n != x && !n->next)
			n = n->parent;
		n = (n && n != x) ? n->next : NULL;
	}
	return NULL;
}

/* x:xmpmeta inside fo:declarations, as FOP reads it. */
static void
read_metadata(builder *b, xmlNodePtr x)
{
	static const char *dc = "http://purl.org/dc/elements/1.1/";
	static const char *pdf = "http://ns.adobe.com/pdf/1.3/";
	folio_fo_doc *d = b->doc;
	if (!d->meta_title)
		d->meta_title = meta_text(b, x, dc, "title");
	if (!d->meta_author)
		d->meta_author = meta_text(b, x, dc, "creator");
	if (!d->meta_subject)
		d->meta_subject = meta_text(b, x, dc, "description");
	if (!d->meta_subject)
		d->meta_subject = meta_text(b, x, dc, "subject");
	if (!d->meta_keywords)
		d->meta_keywords = meta_text(b, x, pdf, "Keywords");
	if (!d->meta_date)
		d->meta_date = meta_text(b, x, "http://ns.adobe.com/xap/1.0/", "CreateDate");
}

/* Cells given directly in a table body go into rows made for them, as if
 * the document had fo:table-row elements: a row ends after a cell with
 * ends-row="true" and before one with starts-row="true".  Every row-based
 * rule (spans, column-number, breaks, keeps) then applies alike. */
static folio_fo *
implicit_row(builder *b, folio_fo *part, xmlNodePtr cell, int line)
{
	folio_fo *row = b->open_row;
	bool open = row && row->parent == part && part->last == row &&
	            !(row->last && folio_fo_is(row->last, FOLIO_PROP_ENDS_ROW, "true"));
	xmlChar *starts = xmlGetProp(cell, BAD_CAST "starts-row");
	if (starts && !strcmp((const char *)starts, "true"))
		open = false;
	xmlFree(starts);
	if (!open) {
		row = b->open_row = new_node(b, part, FOLIO_FO_TABLE_ROW, line);
		row->implicit = true;
	}
	return row;
}

/* Decides what to do with an element: returns the new node, or NULL to
 * skip it and its content. */
static folio_fo *
add_element(builder *b, folio_fo *parent, xmlNodePtr x)
{
	const char *ns = x->ns ? (const char *)x->ns->href : "";
	const char *name = (const char *)x->name;
	int line = (int)xmlGetLineNo(x);
	char key[160];
	if (!strcmp(ns, FOLIO_EXT_NS) && !strcmp(name, "qr-code") && parent) {
		/* folio's own extension elements */
		folio_fo *n = new_node(b, parent, FOLIO_FO_QR_CODE, line);
		xmlChar *data = xmlGetProp(x, BAD_CAST "data");
		n->text = folio_arena_strdup(b->doc->arena, data ? (const char *)data : "");
		n->text_len = strlen(n->text);
		xmlFree(data);
		/* the other attributes are FO properties (content-width, ...) */
		read_attributes(b, x, n);
		return n;
	}
	if (strcmp(ns, FOLIO_FO_NS)) {
		/* foreign elements are allowed in fo:declarations and inside
		 * fo:instream-foreign-object (skipped with it) */
		if (parent && parent->kind == FOLIO_FO_DECLARATIONS) {
			read_metadata(b, x);
			return NULL;
		}
		snprintf(key, sizeof key, "elem:{%s}%s", ns, name);
		if (first_time(b, key)) {
			folio_fo tmp = {.line = line, .parent = parent};
			folio_fo_diag(b->d, b->doc, &tmp, FOLIO_WARNING, "fo-support",
			              "element %s%s%s is not XSL-FO; skipped with its content",
			              *ns ? ns : "", *ns ? ":" : "", name);
		}
		return NULL;
	}
	int k = folio_fo_lookup(name);
	folio_fo tmp = {.line = line, .parent = parent};
	if (k < 0) {
		snprintf(key, sizeof key, "elem:%s", name);
		if (first_time(b, key))
			folio_fo_diag(b->d, b->doc, &tmp, FOLIO_WARNING, "fo-support",
			              "unknown FO element fo:%s; skipped with its content",
			              name);
		return NULL;
	}
	folio_support sup = folio_fo_support((folio_fo_kind)k);
	snprintf(key, sizeof key, "elem:%s", name);
	if (sup == FOLIO_SUPPORT_NONE) {
		if (first_time(b, key))
			folio_fo_diag(b->d, b->doc, &tmp, FOLIO_WARNING, "fo-support",
			              "fo:%s is not supported yet; skipped with its content",
			              name);
		return NULL;
	}
	if (sup == FOLIO_SUPPORT_PARTIAL && first_time(b, key))
		folio_fo_diag(b->d, b->doc, &tmp, FOLIO_WARNING, "fo-support",
		              "fo:%s is only partly supported: %s", name,
		              folio_fo_note((folio_fo_kind)k));
	if (k == FOLIO_FO_TABLE_CELL && parent && (parent->kind == FOLIO_FO_TABLE_BODY ||
	    parent->kind == FOLIO_FO_TABLE_HEADER || parent->kind == FOLIO_FO_TABLE_FOOTER))
		parent = implicit_row(b, parent, x, line);
	folio_fo *n = new_node(b, parent, (folio_fo_kind)k, line);
	read_attributes(b, x, n);
	return n;
}

/* Keeps the first element inside fo:instream-foreign-object as standalone
 * XML text (namespaces declared on ancestors included). */
static void
keep_foreign(builder *b, folio_fo *n, xmlNodePtr x)
{
	xmlNodePtr e = x->children;
	while (e && e->type != XML_ELEMENT_NODE)
		e = e->next;
	if (!e)
		return;
	xmlDocPtr d = xmlNewDoc(BAD_CAST "1.0");
	xmlNodePtr copy = xmlDocCopyNode(e, d, 1);
	xmlDocSetRootElement(d, copy);
	xmlReconciliateNs(d, copy);
	xmlChar *mem = NULL;
	int len = 0;
	xmlDocDumpMemory(d, &mem, &len);
	if (mem) {
		n->text = folio_arena_strndup(b->doc->arena, (const char *)mem, (size_t)len);
		n->text_len = (size_t)len;
	}
	xmlFree(mem);
	xmlFreeDoc(d);
}

static void
report_repeats(builder *b)
{
	for (size_t i = 0; i < b->nseen; i++) {
		if (b->seen[i].repeats > 0) {
			const char *k = strchr(b->seen[i].key, ':') + 1;
			folio_diags_add(b->d, FOLIO_NOTE, "fo-support", b->doc->src_file
			                ? b->doc->src_file : b->doc->fo_file, 0, 0,
			                "%s: %d more use%s not reported", k,
			                b->seen[i].repeats, b->seen[i].repeats > 1 ? "s" : "");
		}
		free(b->seen[i].key);
	}
	free(b->seen);
}

/* Sets text_below on every node, in one pass after the children (the
 * tree may be deep: no recursion). */
static void
count_text(folio_fo *root)
{
	folio_fo *n = root;
	while (n) {
		if (n->first) {
			n = n->first;
			continue;
		}
		for (;;) {   /* n and its subtree are counted: leave it */
			if (n->kind == FOLIO_FO_TEXT)
				n->text_below = n->text_len;
			if (n == root)
				return;
			if (n->kind != FOLIO_FO_MARKER)
				n->parent->text_below += n->text_below;
			if (n->next) {
				n = n->next;
				break;
			}
			n = n->parent;
		}
	}
}

folio_fo_doc *
folio_fo_build(folio_diags *d, xmlDocPtr xdoc, const char *fo_file,
               const char *src_file)
{
	xmlNodePtr xroot = xmlDocGetRootElement(xdoc);
	if (!xroot || !xroot->ns || strcmp((const char *)xroot->ns->href, FOLIO_FO_NS) ||
	    strcmp((const char *)xroot->name, "root")) {
		folio_diags_add(d, FOLIO_ERROR, "fo-root", fo_file,
		                xroot ? (int)xmlGetLineNo(xroot) : 1, 1,
		                "the document is not XSL-FO: its root must be fo:root");
		return NULL;
	}
	builder b = {.d = d};
	folio_fo_doc *doc = folio_calloc(1, sizeof *doc);
	doc->arena = folio_arena_new();
	doc->fo_file = folio_arena_strdup(doc->arena, fo_file);
	doc->src_file = src_file ? folio_arena_strdup(doc->arena, src_file) : NULL;
	char *copy = folio_strdup(src_file ? src_file : fo_file);
	doc->base_dir = folio_arena_strdup(doc->arena, dirname(copy));
	free(copy);
	b.doc = doc;
	doc->root = add_element(&b, NULL, xroot);

	/* Iterative pre-order walk over the XML, mirroring it in the FO tree. */
	xmlNodePtr x = xroot->children;
	folio_fo *parent = doc->root;
	int depth = 1;
	bool ok = true;
	while (x && ok) {
		xmlNodePtr descend = NULL;
		if (x->type == XML_ELEMENT_NODE) {
			folio_fo *n = add_element(&b, parent, x);
			if (n && n->kind == FOLIO_FO_INSTREAM_FOREIGN_OBJECT) {
				keep_foreign(&b, n, x);
			} else if (n && x->children) {
				if (depth + 1 > FOLIO_LIMIT_DEPTH) {
					folio_fo_diag(d, doc, n, FOLIO_ERROR, "limit",
					              "elements nested deeper than %d levels",
					              FOLIO_LIMIT_DEPTH);
					ok = false;
					break;
				}
				descend = x->children;
				parent = n;
				depth++;
			}
		} else if (x->type == XML_TEXT_NODE || x->type == XML_CDATA_SECTION_NODE) {
			add_text(&b, parent, x);
		}
		if (descend) {
			x = descend;
			continue;
		}
		while (x && !x->next && x->parent != xroot) {
			x = x->parent;
			parent = parent->parent;
			if (parent->implicit)
				parent = parent->parent;
			depth--;
		}
		x = x ? x->next : NULL;
	}
	report_repeats(&b);
	free(b.pend);
	count_text(doc->root);
	doc->bookmarks = folio_fo_child(doc->root, FOLIO_FO_BOOKMARK_TREE, NULL);
	if (!ok) {
		folio_fo_doc_free(doc);
		return NULL;
	}
	return doc;
}

void
folio_fo_doc_free(folio_fo_doc *doc)
{
	if (!doc)
		return;
	folio_arena_free(doc->arena);
	free(doc);
}
