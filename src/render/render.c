/*
 * render.c -- the cairo backend: page by page, areas in tree order
 * (backgrounds and borders of a block before its content), lines through
 * pango_cairo_show_layout_line at their baselines.
 */
#include "render.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "../image/image.h"
#include "tags.h"

static double
pt(folio_len l)
{
	return folio_len_pt(l);
}

static void
set_color(cairo_t *cr, uint32_t c)
{
	cairo_set_source_rgba(cr, ((c >> 16) & 255) / 255.0, ((c >> 8) & 255) / 255.0,
	                      (c & 255) / 255.0, ((c >> 24) & 255) / 255.0);
}

static void
draw_border_side(cairo_t *cr, const folio_area *a, int side)
{
	const folio_border *b = &a->border[side];
	if (!b->width || b->style == FOLIO_BORDER_NONE)
		return;
	double x = pt(a->x), y = pt(a->y), w = pt(a->w), h = pt(a->h), bw = pt(b->width);
	double rx, ry, rw, rh;   /* the strip of this side */
	switch (side) {
	case FOLIO_SIDE_BEFORE: rx = x; ry = y; rw = w; rh = bw; break;
	case FOLIO_SIDE_AFTER:  rx = x; ry = y + h - bw; rw = w; rh = bw; break;
	case FOLIO_SIDE_START:  rx = x; ry = y; rw = bw; rh = h; break;
	default:                rx = x + w - bw; ry = y; rw = bw; rh = h; break;
	}
	set_color(cr, b->color);
	if (b->style == FOLIO_BORDER_SOLID) {
		cairo_rectangle(cr, rx, ry, rw, rh);
		cairo_fill(cr);
		return;
	}
	if (b->style == FOLIO_BORDER_DOUBLE) {
		bool horiz = side == FOLIO_SIDE_BEFORE || side == FOLIO_SIDE_AFTER;
		double t = bw / 3;
		if (horiz) {
			cairo_rectangle(cr, rx, ry, rw, t);
			cairo_rectangle(cr, rx, ry + rh - t, rw, t);
		} else {
			cairo_rectangle(cr, rx, ry, t, rh);
			cairo_rectangle(cr, rx + rw - t, ry, t, rh);
		}
		cairo_fill(cr);
		return;
	}
	double dash = b->style == FOLIO_BORDER_DOTTED ? bw : 3 * bw;
	cairo_set_dash(cr, &dash, 1, 0);
	cairo_set_line_width(cr, bw);
	if (side == FOLIO_SIDE_BEFORE || side == FOLIO_SIDE_AFTER) {
		cairo_move_to(cr, rx, ry + rh / 2);
		cairo_line_to(cr, rx + rw, ry + rh / 2);
	} else {
		cairo_move_to(cr, rx + rw / 2, ry);
		cairo_line_to(cr, rx + rw / 2, ry + rh);
	}
	cairo_stroke(cr);
	cairo_set_dash(cr, NULL, 0, 0);
}

static void
draw_block(cairo_t *cr, const folio_area *a)
{
	if (a->background >> 24) {
		set_color(cr, a->background);
		cairo_rectangle(cr, pt(a->x), pt(a->y), pt(a->w), pt(a->h));
		cairo_fill(cr);
	}
	for (int s = 0; s < 4; s++)
		draw_border_side(cr, a, s);
}

static void
draw_leader(cairo_t *cr, const folio_area *a)
{
	if (a->leader_pattern == FOLIO_LEADER_RULE) {
		set_color(cr, a->color);
		cairo_rectangle(cr, pt(a->x), pt(a->y), pt(a->w), pt(a->h));
		cairo_fill(cr);
		return;
	}
	const folio_area *line = a->parent;
	if (!line || line->kind != FOLIO_AREA_LINE || !a->font)
		return;
	const char *pat = a->pattern ? a->pattern : ".";
	size_t plen = strlen(pat);
	PangoLayout *pl = pango_layout_new(pango_layout_get_context(line->line->layout));
	pango_layout_set_font_description(pl, a->font);
	pango_layout_set_text(pl, pat, (int)plen);
	PangoRectangle log;
	pango_layout_get_extents(pl, NULL, &log);
	set_color(cr, a->color);
	if (a->pattern_w > 0 && log.width > 0 && a->pattern_w > log.width) {
		/* one pattern at the start of each cell leader-pattern-width
		 * wide, from the leader's start (as FOP) */
		PangoLayoutLine *l = pango_layout_get_line_readonly(pl, 0);
		int n = a->w / a->pattern_w;
		for (int k = 0; k < n && k < 4096; k++) {
			cairo_move_to(cr, pt(a->x + (folio_len)k * a->pattern_w), pt(line->baseline));
			pango_cairo_show_layout_line(cr, l);
		}
	} else if (log.width > 0) {
		int n = a->w / log.width;
		if (n > 4096)
			n = 4096;
		if (n > 0) {
			GString *rep = g_string_sized_new((size_t)n * plen);
			for (int k = 0; k < n; k++)
				g_string_append_len(rep, pat, (gssize)plen);
			pango_layout_set_text(pl, rep->str, (int)rep->len);
			g_string_free(rep, TRUE);
			PangoLayoutLine *l = pango_layout_get_line_readonly(pl, 0);
			/* from the leader's start, as FOP sets them */
			cairo_move_to(cr, pt(a->x), pt(line->baseline));
			pango_cairo_show_layout_line(cr, l);
		}
	}
	g_object_unref(pl);
}

/* cairo tag attributes quote strings with '...': escape ' and \ */
static void
attr_string(folio_buf *b, const char *name, const char *v)
{
	folio_buf_printf(b, "%s='", name);
	for (const char *p = v; *p; p++) {
		if (*p == '\'' || *p == '\\')
			folio_buf_add(b, "\\", 1);
		folio_buf_add(b, p, 1);
	}
	folio_buf_add(b, "'", 1);
}

typedef struct rstate {
	cairo_surface_t *s;
	GHashTable *wanted;   /* ids some link or bookmark points to */
	GHashTable *placed;   /* ids whose destination is already in the PDF */
} rstate;

/* Link areas are not drawn: the post stage (src/post/annots.c) writes
 * their annotations with qpdf for every cairo version -- cairo 1.16
 * (Debian 12) writes link annotations that refer to an object it never
 * writes, which damages the PDF. */

/* The first line drawn for a block (or an ancestor) whose id is linked to
 * becomes that id's named destination. */
static const char *
dest_of(rstate *R, const folio_area *a)
{
	for (const folio_fo *n = a->fo; n; n = n->parent) {
		const char *id = folio_fo_str(n, FOLIO_PROP_ID);
		if (*id && g_hash_table_contains(R->wanted, id) &&
		    !g_hash_table_contains(R->placed, id)) {
			g_hash_table_add(R->placed, (gpointer)id);
			return id;
		}
	}
	return NULL;
}

static void
draw_area(cairo_t *cr, const folio_area *a, rstate *R)
{
	const char *dest = a->kind == FOLIO_AREA_LINE ? dest_of(R, a) : NULL;
	if (dest) {
		folio_buf b = {0};
		attr_string(&b, "name", dest);
		folio_buf_printf(&b, " x=%.2f y=%.2f", pt(a->x), pt(a->y));
		cairo_tag_begin(cr, CAIRO_TAG_DEST, b.data);
		cairo_tag_end(cr, CAIRO_TAG_DEST);
		folio_buf_clear(&b);
	}
	switch (a->kind) {
	case FOLIO_AREA_BLOCK:
		draw_block(cr, a);
		break;
	case FOLIO_AREA_LINE:
		cairo_set_source_rgb(cr, 0, 0, 0);
		cairo_move_to(cr, pt(a->x), pt(a->baseline));
		pango_cairo_show_layout_line(cr, a->line);
		break;
	case FOLIO_AREA_LEADER:
		draw_leader(cr, a);
		break;
	case FOLIO_AREA_IMAGE:
		folio_image_draw(a->image, cr, pt(a->x), pt(a->y), pt(a->content_w),
		                 pt(a->content_h));
		break;
	default:
		break;
	}
}

/* Ids that links and bookmarks point to. */
static void
collect_wanted(const folio_area_tree *t, const folio_fo *bm, GHashTable *set)
{
	for (size_t p = 0; p < t->npages; p++) {
		const folio_area *a = t->pages[p];
		while (a) {
			if (a->kind == FOLIO_AREA_LINK && a->link_internal)
				g_hash_table_add(set, (gpointer)a->link);
			if (a->first) {
				a = a->first;
				continue;
			}
			while (a && !a->next)
				a = a->parent;
			if (a)
				a = a->next;
		}
	}
	/* bookmarks: a pre-order walk of the bookmark tree */
	for (const folio_fo *n = bm; n;) {
		if (n->kind == FOLIO_FO_BOOKMARK) {
			const char *id = folio_fo_str(n, FOLIO_PROP_INTERNAL_DESTINATION);
			if (*id)
				g_hash_table_add(set, (gpointer)id);
		}
		if (n->first) {
			n = n->first;
			continue;
		}
		while (n && n != bm && !n->next)
			n = n->parent;
		n = (n && n != bm) ? n->next : NULL;
	}
}

static char *
bookmark_title(const folio_fo *bm)
{
	folio_buf b = {0};
	const folio_fo *t = folio_fo_child(bm, FOLIO_FO_BOOKMARK_TITLE, NULL);
	bool sp = false;
	for (const folio_fo *c = t ? t->first : NULL; c; c = c->next) {
		if (c->kind != FOLIO_FO_TEXT)
			continue;
		for (size_t i = 0; i < c->text_len; i++) {
			char ch = c->text[i];
			if (ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r') {
				sp = b.len > 0;
				continue;
			}
			if (sp)
				folio_buf_add(&b, " ", 1);
			sp = false;
			folio_buf_add(&b, &ch, 1);
		}
	}
	return b.data ? b.data : folio_strdup("");
}

/* The outline, one level per nesting of fo:bookmark (recursion bounded by
 * the FO tree's depth limit). */
static void
add_outline(rstate *R, const folio_fo *parent, int parent_id)
{
	for (const folio_fo *bm = folio_fo_child(parent, FOLIO_FO_BOOKMARK, NULL); bm;
	     bm = folio_fo_child(parent, FOLIO_FO_BOOKMARK, bm)) {
		const char *id = folio_fo_str(bm, FOLIO_PROP_INTERNAL_DESTINATION);
		const char *uri = folio_fo_str(bm, FOLIO_PROP_EXTERNAL_DESTINATION);
		folio_buf b = {0};
		if (*id && g_hash_table_contains(R->placed, id))
			attr_string(&b, "dest", id);
		else if (*uri)
			attr_string(&b, "uri", uri);
		else
			folio_buf_puts(&b, "page=1");
		char *title = bookmark_title(bm);
		int flags = folio_fo_is(bm, FOLIO_PROP_STARTING_STATE, "hide")
		                ? 0 : CAIRO_PDF_OUTLINE_FLAG_OPEN;
		int me = cairo_pdf_surface_add_outline(R->s, parent_id, title, b.data, flags);
		free(title);
		folio_buf_clear(&b);
		add_outline(R, bm, me);
	}
}

static cairo_status_t
write_out(void *closure, const unsigned char *data, unsigned int len)
{
	FILE *f = closure;
	return fwrite(data, 1, len, f) == len ? CAIRO_STATUS_SUCCESS
	                                      : CAIRO_STATUS_WRITE_ERROR;
}

folio_status
folio_render_pdf(folio_diags *d, const folio_area_tree *t, FILE *out,
                 const char *out_name, const folio_render_meta *meta)
{
	if (t->npages == 0)
		return FOLIO_EDOC;
	cairo_surface_t *s = cairo_pdf_surface_create_for_stream(
	    write_out, out, pt(t->pages[0]->w), pt(t->pages[0]->h));
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "folio " FOLIO_VERSION);
	if (meta && meta->title)
		cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, meta->title);
	if (meta && meta->subject)
		cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_SUBJECT, meta->subject);
	if (meta && meta->create_date)
		cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE,
		                               meta->create_date);
	if (meta && meta->author)
		cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_AUTHOR, meta->author);
	if (meta && meta->keywords)
		cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_KEYWORDS, meta->keywords);
	rstate R = {s, g_hash_table_new(g_str_hash, g_str_equal),
	            g_hash_table_new(g_str_hash, g_str_equal)};
	collect_wanted(t, meta ? meta->bookmarks : NULL, R.wanted);
	cairo_t *cr = cairo_create(s);
	folio_tags tags;
	bool tagged = meta && meta->tagged;
	for (size_t p = 0; p < t->npages; p++) {
		const folio_area *page = t->pages[p];
		cairo_pdf_surface_set_size(s, pt(page->w), pt(page->h));
		/* after the first page's size: cairo 1.16 loses a structure
		 * element begun before it */
		if (tagged && p == 0)
			folio_tags_begin(&tags, cr);
		/* pre-order, non-recursive */
		const folio_area *a = page->first;
		while (a) {
			if (tagged)
				folio_tags_area(&tags, cr, a);
			draw_area(cr, a, &R);
			if (a->first) {
				a = a->first;
				continue;
			}
			while (a && !a->next)
				a = a->parent == page ? NULL : a->parent;
			if (a)
				a = a->next;
		}
		cairo_show_page(cr);
	}
	if (tagged)
		folio_tags_end(&tags, cr);
	if (meta && meta->bookmarks)
		add_outline(&R, meta->bookmarks, CAIRO_PDF_OUTLINE_ROOT);
	g_hash_table_destroy(R.wanted);
	g_hash_table_destroy(R.placed);
	cairo_destroy(cr);
	cairo_surface_finish(s);
	cairo_status_t st = cairo_surface_status(s);
	cairo_surface_destroy(s);
	if (st != CAIRO_STATUS_SUCCESS || fflush(out) != 0 || ferror(out)) {
		folio_diags_add(d, FOLIO_ERROR, "io", out_name, 0, 0,
		                "cannot write the PDF: %s",
		                st != CAIRO_STATUS_SUCCESS ? cairo_status_to_string(st)
		                                           : strerror(errno));
		return FOLIO_EUSAGE;
	}
	return FOLIO_OK;
}
