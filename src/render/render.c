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
	PangoLayout *pl = pango_layout_new(pango_layout_get_context(line->line->layout));
	pango_layout_set_font_description(pl, a->font);
	pango_layout_set_text(pl, ".", 1);
	PangoRectangle log;
	pango_layout_get_extents(pl, NULL, &log);
	if (log.width > 0) {
		int n = a->w / log.width;
		if (n > 0) {
			char *dots = g_malloc((size_t)n + 1);
			memset(dots, '.', (size_t)n);
			dots[n] = 0;
			pango_layout_set_text(pl, dots, n);
			g_free(dots);
			PangoLayoutLine *l = pango_layout_get_line_readonly(pl, 0);
			set_color(cr, a->color);
			cairo_move_to(cr, pt(a->x + a->w - n * log.width), pt(line->baseline));
			pango_cairo_show_layout_line(cr, l);
		}
	}
	g_object_unref(pl);
}

static void
draw_area(cairo_t *cr, const folio_area *a)
{
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
	cairo_t *cr = cairo_create(s);
	for (size_t p = 0; p < t->npages; p++) {
		const folio_area *page = t->pages[p];
		cairo_pdf_surface_set_size(s, pt(page->w), pt(page->h));
		/* pre-order, non-recursive */
		const folio_area *a = page->first;
		while (a) {
			draw_area(cr, a);
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
