/*
 * dump.c -- the area tree as deterministic text (--dump-areas): one line
 * per area, indented by depth, positions in points with two decimals,
 * lines with their text.  The golden tests compare these dumps.
 */
#include "internal.h"

#include <string.h>

static void
put_len(folio_buf *b, const char *name, folio_len v)
{
	char tmp[32];
	folio_buf_printf(b, " %s=%s", name, folio_len_format(v, tmp));
}

static void
dump_area(const folio_area *a, int depth, folio_buf *out)
{
	static const char *kinds[] = {"page", "region", "block", "line", "leader", "image",
	                              "link"};
	for (int i = 0; i < depth; i++)
		folio_buf_puts(out, "  ");
	folio_buf_puts(out, kinds[a->kind]);
	if (a->kind == FOLIO_AREA_PAGE)
		folio_buf_printf(out, " %s", a->page_label ? a->page_label : "");
	if (a->kind == FOLIO_AREA_REGION)
		folio_buf_printf(out, " %s", a->region_name);
	put_len(out, "x", a->x);
	put_len(out, "y", a->y);
	put_len(out, "w", a->w);
	put_len(out, "h", a->h);
	if (a->kind == FOLIO_AREA_BLOCK) {
		if (a->background >> 24)
			folio_buf_printf(out, " bg=#%06x", a->background & 0xffffff);
		static const char *sides = "base";
		for (int s = 0; s < 4; s++)
			if (a->border[s].width) {
				char tmp[32];
				folio_buf_printf(out, " border-%c=%s", sides[s],
				                 folio_len_format(a->border[s].width, tmp));
			}
	}
	if (a->kind == FOLIO_AREA_LINE) {
		put_len(out, "base", a->baseline);
		PangoLayout *pl = a->line->layout;
		const char *t = pango_layout_get_text(pl);
		folio_buf_puts(out, " \"");
		const char *s = t + a->line->start_index;
		int n = a->line->length;
		/* trailing line break characters are not shown */
		while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == ' '))
			n--;
		if (n >= 3 && !memcmp(s + n - 3, "\xe2\x80\xa8", 3))
			n -= 3;
		for (int i = 0; i < n; i++) {
			/* soft hyphens: invisible, except the one that ends a line */
			if (i + 1 < n && !memcmp(s + i, "\xc2\xad", 2)) {
				if (i + 2 == n)
					folio_buf_add(out, "-", 1);
				i++;
				continue;
			}
			if (s[i] == '"' || s[i] == '\\')
				folio_buf_add(out, "\\", 1);
			folio_buf_add(out, s + i, 1);
		}
		folio_buf_puts(out, "\"");
	}
	if (a->kind == FOLIO_AREA_LINK)
		folio_buf_printf(out, " %s=%s", a->link_internal ? "dest" : "uri", a->link);
	if (a->kind == FOLIO_AREA_LEADER) {
		folio_buf_puts(out, a->leader_pattern == FOLIO_LEADER_RULE ? " rule" : " dots");
		if (a->pattern_w > 0)
			put_len(out, "every", a->pattern_w);
	}
	folio_buf_puts(out, "\n");
}

void
folio_area_dump(const folio_area_tree *t, folio_buf *out)
{
	for (size_t p = 0; p < t->npages; p++) {
		/* non-recursive pre-order walk of one page */
		const folio_area *a = t->pages[p];
		int depth = 0;
		while (a) {
			dump_area(a, depth, out);
			if (a->first) {
				a = a->first;
				depth++;
				continue;
			}
			while (a && !a->next && depth > 0) {
				a = a->parent;
				depth--;
			}
			a = (a && depth > 0) ? a->next : NULL;
		}
	}
}
