/*
 * bench/floor.c -- the floor of bench/peers.sh: the text of a document laid
 * out and drawn by the least code pango and cairo allow, with no XML, no
 * schema, no XSLT, no FO tree: one PangoLayout per paragraph (justified,
 * PT Serif at the paragraph's size, first-line indent), lines placed down
 * A4 pages with folio's margins, a new page when the next line does not
 * fit.  No hyphenation, tables, keeps or footnotes: what folio costs above
 * this is its own overhead plus the typography this loop does not do.
 *
 *   floor IN.txt OUT.pdf      IN: "SIZE<TAB>TEXT" lines (bench/fo2html.py --text)
 *
 * Prints "pages N" on stdout.  Built by bench/peers.sh:
 *   cc -O2 bench/floor.c $(pkg-config --cflags --libs pangocairo) -o floor
 */
#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MM (72.0 / 25.4)

int
main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: floor IN.txt OUT.pdf\n");
		return 2;
	}
	FILE *in = fopen(argv[1], "r");
	if (!in) {
		perror(argv[1]);
		return 2;
	}
	const double pw = 210 * MM, ph = 297 * MM;
	const double left = 30 * MM, right = 10 * MM, top = 20 * MM, bottom = 20 * MM;
	cairo_surface_t *surface = cairo_pdf_surface_create(argv[2], pw, ph);
	cairo_t *cr = cairo_create(surface);
	PangoLayout *layout = pango_cairo_create_layout(cr);
	/* one device unit is one point: sizes in points, not at 96 dpi */
	pango_cairo_context_set_resolution(pango_layout_get_context(layout), 72);
	pango_layout_context_changed(layout);
	PangoFontDescription *fd = pango_font_description_from_string("PT Serif");
	pango_layout_set_width(layout, (int)((pw - left - right) * PANGO_SCALE));
	pango_layout_set_justify(layout, TRUE);
	pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_indent(layout, (int)(12.5 * MM * PANGO_SCALE));

	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	double y = top;
	int pages = 1;
	while ((n = getline(&line, &cap, in)) > 0) {
		if (line[n - 1] == '\n')
			line[--n] = 0;
		char *tab = strchr(line, '\t');
		if (!tab)
			continue;
		pango_font_description_set_size(fd, (int)(atof(line) * PANGO_SCALE));
		pango_layout_set_font_description(layout, fd);
		pango_layout_set_text(layout, tab + 1, -1);
		PangoLayoutIter *it = pango_layout_get_iter(layout);
		do {
			PangoRectangle r;
			pango_layout_iter_get_line_extents(it, NULL, &r);
			double h = (double)r.height / PANGO_SCALE;
			double base = (double)(pango_layout_iter_get_baseline(it) - r.y) / PANGO_SCALE;
			if (y + h > ph - bottom) {
				cairo_show_page(cr);
				pages++;
				y = top;
			}
			cairo_move_to(cr, left + (double)r.x / PANGO_SCALE, y + base);
			pango_cairo_show_layout_line(cr, pango_layout_iter_get_line_readonly(it));
			y += h;
		} while (pango_layout_iter_next_line(it));
		pango_layout_iter_free(it);
	}
	free(line);
	fclose(in);
	pango_font_description_free(fd);
	g_object_unref(layout);
	cairo_destroy(cr);
	cairo_surface_finish(surface);
	int bad = cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS;
	cairo_surface_destroy(surface);
	printf("pages %d\n", pages);
	return bad;
}
