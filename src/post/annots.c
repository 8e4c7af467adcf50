/*
 * annots.c -- annotations the post stage adds from the area tree:
 *
 *   - an empty signature field over each signature line: the stylesheets
 *     put folio:signature-field="role.Person" on the block of a signature
 *     (stylesheets/common.xsl), the lines laid out under that block give
 *     the rectangle: between the end of the role text and the start of the
 *     name, standing on the name's baseline;
 *   - link annotations for fo:basic-link (the area tree's link areas),
 *     since cairo 1.16 damages the PDF when it writes them itself.
 *     Internal links point at the first line of the block with that id,
 *     as an explicit destination.
 *
 * Field names follow PDF's rule that a period separates levels: the field
 * "chair.Ivanov" is a terminal field "Ivanov" under a field "chair", so
 * every reader shows the full name chair.Ivanov.
 */
#include <cairo.h>
#include <glib.h>
#include <pango/pango.h>
#include <string.h>

#include "internal.h"

const char *
post_cairo_version(void)
{
	return cairo_version_string();
}

/* What a stamp needs above the baseline (GOST R 7.0.97 mark: five short
 * lines) and below it. */
#define FIELD_ABOVE FOLIO_PT(44)
#define FIELD_BELOW FOLIO_PT(5)
#define FIELD_GAP   FOLIO_PT(6)
#define FIELD_MIN_W FOLIO_PT(90)
#define FIELD_MAX_W FOLIO_PT(180)

typedef struct sigbox {
	const char *name;         /* arena of the FO tree */
	size_t page;
	folio_len last_base;      /* baseline of the lowest line */
	folio_len name_x0, name_x1; /* text of the rightmost line on it */
	folio_len role_x1;        /* right end of the other lines' text */
	folio_len x0, x1;         /* the block's lines' extent */
	bool has_role;
	bool placed;              /* its field is in the PDF: */
	folio_len left, right, bottom; /* where */
} sigbox;

static const char *
sig_name_of(const folio_fo *n)
{
	for (; n; n = n->parent) {
		const folio_value *v = folio_fo_specified(n, FOLIO_PROP_FOLIO_SIGNATURE_FIELD);
		if (v && v->str && *v->str)
			return v->str;
	}
	return NULL;
}

/* The text's horizontal extent of a line area. */
static void
line_text(const folio_area *a, folio_len *x0, folio_len *x1)
{
	PangoRectangle log;
	pango_layout_line_get_extents(a->line, NULL, &log);
	/* pango units are 1/1024 pt, the same scale as folio_len */
	*x0 = a->x + log.x;
	*x1 = a->x + log.x + log.width;
}

static void
sig_add_line(sigbox *b, const folio_area *a)
{
	folio_len t0, t1;
	line_text(a, &t0, &t1);
	if (t1 <= t0)
		return;
	if (a->x < b->x0)
		b->x0 = a->x;
	if (a->x + a->w > b->x1)
		b->x1 = a->x + a->w;
	if (a->baseline > b->last_base) {
		/* a lower line: the former name line was part of the role */
		if (b->name_x1 > b->name_x0) {
			b->has_role = true;
			if (b->name_x1 > b->role_x1)
				b->role_x1 = b->name_x1;
		}
		b->last_base = a->baseline;
		b->name_x0 = t0;
		b->name_x1 = t1;
	} else if (a->baseline == b->last_base && t0 > b->name_x0) {
		b->has_role = true;
		if (b->name_x1 > b->role_x1)
			b->role_x1 = b->name_x1;
		b->name_x0 = t0;
		b->name_x1 = t1;
	} else {
		b->has_role = true;
		if (t1 > b->role_x1)
			b->role_x1 = t1;
	}
}

/* Pre-order walk of one page, calling fn on every area. */
static void
walk_page(const folio_area *page, void (*fn)(const folio_area *, void *), void *ctx)
{
	const folio_area *a = page->first;
	while (a) {
		fn(a, ctx);
		if (a->first) {
			a = a->first;
			continue;
		}
		while (a && !a->next)
			a = a->parent == page ? NULL : a->parent;
		if (a)
			a = a->next;
	}
}

typedef struct collect {
	size_t page;
	sigbox *boxes;            /* owned array */
	size_t n;
	GHashTable *dests;        /* id -> dest (owned values) */
	GHashTable *wanted;       /* ids links point to */
	bool want_sigs;
} collect;

typedef struct dest {
	size_t page;
	folio_len x, y;
} dest;

static void
collect_area(const folio_area *a, void *ctx)
{
	collect *c = ctx;
	if (a->kind != FOLIO_AREA_LINE || !a->line)
		return;
	/* destinations: the first line of each linked block */
	for (const folio_fo *n = a->fo; n; n = n->parent) {
		const char *id = folio_fo_str(n, FOLIO_PROP_ID);
		if (*id && g_hash_table_contains(c->wanted, id) &&
		    !g_hash_table_contains(c->dests, id)) {
			dest *d = folio_calloc(1, sizeof *d);
			*d = (dest){c->page, a->x, a->y};
			g_hash_table_insert(c->dests, (gpointer)id, d);
		}
	}
	const char *name = c->want_sigs ? sig_name_of(a->fo) : NULL;
	if (!name)
		return;
	sigbox *b = NULL;
	for (size_t i = 0; i < c->n; i++)
		if (c->boxes[i].page == c->page && !strcmp(c->boxes[i].name, name))
			b = &c->boxes[i];
	if (!b) {
		c->boxes = folio_realloc_array(c->boxes, c->n + 1, sizeof *c->boxes);
		b = &c->boxes[c->n++];
		*b = (sigbox){.name = name, .page = c->page, .last_base = INT32_MIN,
		              .x0 = FOLIO_LEN_MAX, .x1 = -FOLIO_LEN_MAX};
	}
	sig_add_line(b, a);
}

static void
collect_links(const folio_area *a, void *ctx)
{
	collect *c = ctx;
	if (a->kind == FOLIO_AREA_LINK && a->link_internal && a->link)
		g_hash_table_add(c->wanted, (gpointer)a->link);
}

/* [x0 y0 x1 y1] in PDF space (y up from the bottom of the page). */
static qpdf_oh
rect(qpdf_data q, const folio_area *page, folio_len x0, folio_len top,
     folio_len x1, folio_len bottom)
{
	char s[160];
	snprintf(s, sizeof s, "[%.2f %.2f %.2f %.2f]", folio_len_pt(x0),
	         folio_len_pt(page->h - bottom), folio_len_pt(x1),
	         folio_len_pt(page->h - top));
	return qpdf_oh_parse(q, s);
}

static qpdf_oh
page_annots(qpdf_data q, qpdf_oh pg)
{
	qpdf_oh annots = qx_get(q, pg, "/Annots");
	if (!qpdf_oh_is_array(q, annots)) {
		annots = qpdf_oh_new_array(q);
		qpdf_oh_replace_key(q, pg, "/Annots", annots);
	}
	return annots;
}

static void
add_link(qpdf_data q, const folio_area_tree *t, size_t p, const folio_area *a,
         GHashTable *dests)
{
	qpdf_oh annot = qpdf_oh_parse(q, "<< /Type /Annot /Subtype /Link /F 4 "
	                                 "/Border [0 0 0] >>");
	qpdf_oh_replace_key(q, annot, "/Rect", rect(q, t->pages[p], a->x, a->y,
	                                            a->x + a->w, a->y + a->h));
	if (a->link_internal) {
		const dest *d = g_hash_table_lookup(dests, a->link);
		if (!d)
			return;   /* an id nothing was laid out for */
		qpdf_oh arr = qpdf_oh_new_array(q);
		qpdf_oh_append_item(q, arr, qpdf_get_page_n(q, d->page));
		qpdf_oh_append_item(q, arr, qx_name(q, "/XYZ"));
		qpdf_oh_append_item(q, arr, qpdf_oh_new_real_from_double(q, folio_len_pt(d->x), 2));
		qpdf_oh_append_item(q, arr, qpdf_oh_new_real_from_double(
		                                q, folio_len_pt(t->pages[d->page]->h - d->y), 2));
		qpdf_oh_append_item(q, arr, qpdf_oh_new_null(q));
		qpdf_oh_replace_key(q, annot, "/Dest", arr);
	} else {
		qpdf_oh act = qpdf_oh_parse(q, "<< /S /URI >>");
		/* URIs are 7-bit ASCII strings (PDF 12.6.4.7) */
		qpdf_oh_replace_key(q, act, "/URI", qpdf_oh_new_string(q, a->link));
		qpdf_oh_replace_key(q, annot, "/A", act);
	}
	qpdf_oh pg = qpdf_get_page_n(q, p);
	qpdf_oh_replace_key(q, annot, "/P", pg);
	qpdf_oh_append_item(q, page_annots(q, pg), qpdf_make_indirect_object(q, annot));
}

/* The non-terminal field for the part of name before the period (created
 * once per document), or null when the name has no period. */
static qpdf_oh
parent_field(qpdf_data q, qpdf_oh fields, const char *name, const char **leaf)
{
	const char *dot = strchr(name, '.');
	*leaf = dot ? dot + 1 : name;
	if (!dot)
		return qpdf_oh_new_null(q);
	char *role = folio_strndup(name, (size_t)(dot - name));
	int n = qpdf_oh_get_array_n_items(q, fields);
	qpdf_oh found = qpdf_oh_new_null(q);
	for (int i = 0; i < n; i++) {
		qpdf_oh f = qpdf_oh_get_array_item(q, fields, i);
		const char *t = qx_text_of(q, f, "/T");
		if (t && !strcmp(t, role) && !qpdf_oh_has_key(q, f, "/FT"))
			found = f;
	}
	if (qpdf_oh_is_null(q, found)) {
		qpdf_oh f = qpdf_oh_new_dictionary(q);
		qpdf_oh_replace_key(q, f, "/T", qx_text(q, role));
		qpdf_oh_replace_key(q, f, "/Kids", qpdf_oh_new_array(q));
		found = qpdf_make_indirect_object(q, f);
		qpdf_oh_append_item(q, fields, found);
	}
	free(role);
	return found;
}

/* The empty appearance of an unsigned field (PDF/A wants one on every
 * widget). */
static qpdf_oh
empty_appearance(qpdf_data q, double w, double h)
{
	char d[160];
	snprintf(d, sizeof d, "<< /Type /XObject /Subtype /Form /BBox [0 0 %.2f %.2f] "
	         "/Resources << >> >>", w, h);
	qpdf_oh x = qx_stream(q, d, "", 0);
	qpdf_oh ap = qpdf_oh_new_dictionary(q);
	qpdf_oh_replace_key(q, ap, "/N", x);
	return ap;
}

typedef struct clamp {
	const sigbox *b;
	folio_len left, right, top;
} clamp;

/* Lowers the field's top below any other text above it that it would
 * cover (the last lines of the text, the signature before). */
static void
clamp_area(const folio_area *a, void *ctx)
{
	clamp *c = ctx;
	if (a->kind != FOLIO_AREA_LINE || !a->line)
		return;
	const char *name = sig_name_of(a->fo);
	if (name && !strcmp(name, c->b->name))
		return;
	folio_len t0, t1;
	line_text(a, &t0, &t1);
	if (t1 <= t0 || t1 <= c->left || t0 >= c->right)
		return;
	/* 2pt more than the line box: glyphs may reach beyond it */
	folio_len bottom = a->y + a->h + FOLIO_PT(2);
	if (bottom - FOLIO_PT(2) <= c->b->last_base && bottom > c->top)
		c->top = bottom;
}

static void
add_field(qpdf_data q, const folio_area_tree *t, sigbox *b, const sigbox *all,
          size_t nall, qpdf_oh fields, GHashTable *seen)
{
	folio_len right = b->name_x0 - FIELD_GAP;
	folio_len left = b->has_role ? b->role_x1 + FIELD_GAP : b->x0;
	if (right - left > FIELD_MAX_W)
		left = right - FIELD_MAX_W;
	if (right - left < FIELD_MIN_W) {
		/* no room beside the name: over the name itself */
		left = b->name_x0;
		right = left + FIELD_MIN_W;
	}
	/* the same name twice (one signer on two pages): number the later */
	char *name = folio_strdup(b->name);
	for (int k = 2; g_hash_table_contains(seen, name); k++) {
		free(name);
		name = folio_asprintf("%s%d", b->name, k);
	}
	g_hash_table_add(seen, name);
	const folio_area *page = t->pages[b->page];
	clamp c = {b, left, right, b->last_base - FIELD_ABOVE};
	walk_page(page, clamp_area, &c);
	/* nor over a field placed before it (the signature above) */
	for (size_t i = 0; i < nall; i++) {
		const sigbox *o = &all[i];
		if (o == b || !o->placed || o->page != b->page || o->right <= left ||
		    o->left >= right)
			continue;
		if (o->bottom <= b->last_base && o->bottom > c.top)
			c.top = o->bottom;
	}
	b->placed = true;
	b->left = left;
	b->right = right;
	b->bottom = b->last_base + FIELD_BELOW;
	const char *leaf;
	qpdf_oh parent = parent_field(q, fields, name, &leaf);
	qpdf_oh w = qpdf_oh_parse(q, "<< /Type /Annot /Subtype /Widget /FT /Sig /F 4 >>");
	qpdf_oh_replace_key(q, w, "/T", qx_text(q, leaf));
	qpdf_oh_replace_key(q, w, "/Rect", rect(q, page, left, c.top, right,
	                                        b->last_base + FIELD_BELOW));
	qpdf_oh_replace_key(q, w, "/AP", empty_appearance(q, folio_len_pt(right - left),
	                                                  folio_len_pt(b->last_base + FIELD_BELOW - c.top)));
	qpdf_oh pg = qpdf_get_page_n(q, b->page);
	qpdf_oh_replace_key(q, w, "/P", pg);
	w = qpdf_make_indirect_object(q, w);
	if (qpdf_oh_is_null(q, parent)) {
		qpdf_oh_append_item(q, fields, w);
	} else {
		qpdf_oh_replace_key(q, w, "/Parent", parent);
		qpdf_oh_append_item(q, qx_get(q, parent, "/Kids"), w);
	}
	qpdf_oh_append_item(q, page_annots(q, pg), w);
}

folio_status
post_annots(folio_diags *d, qpdf_data q, const folio_post_opts *o, const char *out_name)
{
	const folio_area_tree *t = o->tree;
	if ((size_t)qpdf_get_num_pages(q) != t->npages) {
		folio_diags_add(d, FOLIO_ERROR, "pdf", out_name, 0, 0,
		                "internal error: %d PDF pages for %zu laid out",
		                qpdf_get_num_pages(q), t->npages);
		return FOLIO_EDOC;
	}
	collect c = {.dests = g_hash_table_new_full(g_str_hash, g_str_equal, NULL, free),
	             .wanted = g_hash_table_new(g_str_hash, g_str_equal),
	             .want_sigs = o->signature_fields};
	for (c.page = 0; c.page < t->npages; c.page++)
		walk_page(t->pages[c.page], collect_links, &c);
	for (c.page = 0; c.page < t->npages; c.page++)
		walk_page(t->pages[c.page], collect_area, &c);
	for (size_t p = 0; p < t->npages; p++) {
		const folio_area *a = t->pages[p]->first;
		while (a) {
			if (a->kind == FOLIO_AREA_LINK && a->link && *a->link)
				add_link(q, t, p, a, c.dests);
			if (a->first) {
				a = a->first;
				continue;
			}
			while (a && !a->next)
				a = a->parent == t->pages[p] ? NULL : a->parent;
			if (a)
				a = a->next;
		}
	}
	if (c.n) {
		qpdf_oh form = qpdf_oh_parse(q, "<< /SigFlags 1 >>");
		qpdf_oh fields = qpdf_oh_new_array(q);
		qpdf_oh_replace_key(q, form, "/Fields", fields);
		GHashTable *seen = g_hash_table_new_full(g_str_hash, g_str_equal, free, NULL);
		for (size_t i = 0; i < c.n; i++)
			if (c.boxes[i].name_x1 > c.boxes[i].name_x0)
				add_field(q, t, &c.boxes[i], c.boxes, c.n, fields, seen);
		g_hash_table_destroy(seen);
		qpdf_oh_replace_key(q, qpdf_get_root(q), "/AcroForm",
		                    qpdf_make_indirect_object(q, form));
	}
	free(c.boxes);
	g_hash_table_destroy(c.dests);
	g_hash_table_destroy(c.wanted);
	return FOLIO_OK;
}
