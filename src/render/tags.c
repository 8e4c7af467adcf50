/*
 * tags.c -- the structure tree of a tagged PDF (PDF/A levels a), through
 * cairo's tag API: as the renderer walks the areas, each line and image is
 * drawn inside the structure elements of its FO ancestors:
 *
 *   fo:root                      Document
 *   fo:block (role="H1" ...)     the role when it is a standard type
 *   fo:block with block children Div
 *   other fo:block               P
 *   fo:list-block / -item        L / LI
 *   list-item-label / -body      Lbl / LBody
 *   fo:table, table-header/-body/-footer, table-row
 *                                Table, THead/TBody/TFoot, TR
 *   fo:table-cell                TD (TH in a table-header)
 *   external-graphic, instream-foreign-object, folio:qr-code
 *                                Figure (its /Alt is added by the post stage)
 *
 * Elements open across pages as long as the content continues; the page's
 * static content (running heads, page numbers) closes them, so a paragraph
 * broken by a page comes out as two P elements.  cairo 1.16 has no
 * artifacts: static content is tagged as P of its own.
 *
 * cairo 1.16 validates tag names and nesting; an unknown name would make
 * the whole PDF fail, so only the names above are ever used.
 */
#include <string.h>

#include "tags.h"

static const char *const known_roles[] = {
	"H", "H1", "H2", "H3", "H4", "H5", "H6", "P", "Div", "BlockQuote", "Caption",
	"Note", "Code", "Quote", "TOC", "TOCI", "Index", "Sect", "Art", "Part", NULL,
};

static bool
has_block_children(const folio_fo *n)
{
	for (const folio_fo *c = n->first; c; c = c->next)
		if (c->kind == FOLIO_FO_BLOCK || c->kind == FOLIO_FO_BLOCK_CONTAINER ||
		    c->kind == FOLIO_FO_TABLE || c->kind == FOLIO_FO_LIST_BLOCK ||
		    c->kind == FOLIO_FO_TABLE_AND_CAPTION)
			return true;
	return false;
}

static bool
in_header(const folio_fo *n)
{
	for (; n && n->kind != FOLIO_FO_TABLE; n = n->parent)
		if (n->kind == FOLIO_FO_TABLE_HEADER)
			return true;
	return false;
}

/* The structure type of an FO node, or NULL when it has none. */
static const char *
tag_of(const folio_fo *n)
{
	switch (n->kind) {
	case FOLIO_FO_BLOCK:
	case FOLIO_FO_BLOCK_CONTAINER: {
		const char *role = folio_fo_str(n, FOLIO_PROP_ROLE);
		for (int i = 0; role && *role && known_roles[i]; i++)
			if (!strcmp(role, known_roles[i]))
				return known_roles[i];
		return has_block_children(n) ? "Div" : "P";
	}
	case FOLIO_FO_LIST_BLOCK: return "L";
	case FOLIO_FO_LIST_ITEM: return "LI";
	case FOLIO_FO_LIST_ITEM_LABEL: return "Lbl";
	case FOLIO_FO_LIST_ITEM_BODY: return "LBody";
	case FOLIO_FO_TABLE: return "Table";
	case FOLIO_FO_TABLE_HEADER: return "THead";
	case FOLIO_FO_TABLE_BODY: return "TBody";
	case FOLIO_FO_TABLE_FOOTER: return "TFoot";
	case FOLIO_FO_TABLE_ROW: return "TR";
	case FOLIO_FO_TABLE_CELL: return in_header(n) ? "TH" : "TD";
	case FOLIO_FO_EXTERNAL_GRAPHIC:
	case FOLIO_FO_INSTREAM_FOREIGN_OBJECT:
	case FOLIO_FO_QR_CODE:
		return "Figure";
	default:
		return NULL;
	}
}

void
folio_tags_begin(folio_tags *t, cairo_t *cr)
{
	memset(t, 0, sizeof *t);
	cairo_tag_begin(cr, "Document", "");
}

static void
close_to(folio_tags *t, cairo_t *cr, int depth)
{
	while (t->depth > depth) {
		t->depth--;
		cairo_tag_end(cr, t->names[t->depth]);
	}
}

/* Opens and closes elements so that what a is drawn inside is its FO
 * ancestors' structure. */
void
folio_tags_area(folio_tags *t, cairo_t *cr, const folio_area *a)
{
	if (a->kind != FOLIO_AREA_LINE && a->kind != FOLIO_AREA_IMAGE)
		return;
	const folio_fo *chain[FOLIO_TAGS_DEPTH];
	int n = 0;
	for (const folio_fo *f = a->fo; f; f = f->parent)
		if (tag_of(f)) {
			if (n == FOLIO_TAGS_DEPTH)
				memmove(chain, chain + 1, (FOLIO_TAGS_DEPTH - 1) * sizeof *chain), n--;
			chain[n++] = f;
		}
	/* chain is leaf first; compare root first */
	int common = 0;
	while (common < t->depth && common < n && t->fo[common] == chain[n - 1 - common])
		common++;
	/* a new image never shares its Figure with the one before */
	if (a->kind == FOLIO_AREA_IMAGE && common == n && common > 0)
		common--;
	close_to(t, cr, common);
	for (int i = common; i < n; i++) {
		const folio_fo *f = chain[n - 1 - i];
		t->fo[t->depth] = f;
		t->names[t->depth] = tag_of(f);
		cairo_tag_begin(cr, t->names[t->depth], "");
		t->depth++;
	}
}

void
folio_tags_end(folio_tags *t, cairo_t *cr)
{
	close_to(t, cr, 0);
	cairo_tag_end(cr, "Document");
}
