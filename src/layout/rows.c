/*
 * rows.c -- table rows in pagination: their height, their areas (built
 * when the row is placed, not when it is set), and cutting a row at a page
 * end.  A row is cut by cutting every cell at its last legal break that
 * fits; cells that cannot break put nothing on the first page.  The parts
 * share the cells' vertical lists and differ in the ranges they place.
 */
#include "internal.h"

#include <string.h>

void
rowbox_release(void *p)
{
	/* registered once per row when it is set; the parts of a split row
	 * share these lists and are not registered */
	rowbox *rb = p;
	for (int i = 0; i < rb->n; i++) {
		if (rb->cells[i].v) {
			vl_free(rb->cells[i].v);
			free(rb->cells[i].v);
			rb->cells[i].v = NULL;
		}
	}
}

folio_len
cell_height(const rowcell *c)
{
	return vl_height(c->v, c->from, c->to) + c->in_top + c->in_bottom;
}

/* A part of a cut cell loses its padding and border on the cut side
 * (before: the continuation's top; else the first part's bottom) unless
 * their conditionality is "retain". */
static void
cell_cut_edge(rowcell *c, bool before, bool collapse)
{
	int side = before ? FOLIO_SIDE_BEFORE : FOLIO_SIDE_AFTER;
	folio_len *in = before ? &c->in_top : &c->in_bottom;
	if (!folio_fo_is(c->fo, before ? FOLIO_PROP_PADDING_BEFORE_CONDITIONALITY
	                               : FOLIO_PROP_PADDING_AFTER_CONDITIONALITY, "retain"))
		*in -= padding_of(c->fo, side, c->w);
	if (!folio_fo_is(c->fo, before ? FOLIO_PROP_BORDER_BEFORE_WIDTH_CONDITIONALITY
	                               : FOLIO_PROP_BORDER_AFTER_WIDTH_CONDITIONALITY, "retain")) {
		*in -= c->b[side].width / (collapse ? 2 : 1);
		c->b[side].width = 0;
	}
	if (*in < 0)
		*in = 0;
}

folio_len
row_height(const rowbox *rb)
{
	folio_len h = rb->min_h;
	for (int i = 0; i < rb->n; i++) {
		if (rb->cells[i].rows > 1)
			continue;   /* spans rows: counted for the group */
		folio_len ch = cell_height(&rb->cells[i]);
		if (ch > h)
			h = ch;
	}
	return h;
}

folio_area *
row_areas(layout *L, rowbox *rb, folio_len h)
{
	folio_area holder = {0};
	for (int i = 0; i < rb->n; i++) {
		rowcell *c = &rb->cells[i];
		folio_len ch = c->span_h > 0 ? c->span_h : h;
		folio_area *ca = area_new(L, FOLIO_AREA_BLOCK, c->fo);
		memcpy(ca->border, c->b, sizeof c->b);
		ca->x = rb->start + c->x;
		ca->w = c->w;
		ca->y = 0;
		ca->h = ch;
		if (rb->collapse) {
			ca->x -= c->b[FOLIO_SIDE_START].width / 2;
			ca->w += (c->b[FOLIO_SIDE_START].width + c->b[FOLIO_SIDE_END].width) / 2;
			ca->y -= c->b[FOLIO_SIDE_BEFORE].width / 2;
			ca->h += (c->b[FOLIO_SIDE_BEFORE].width + c->b[FOLIO_SIDE_AFTER].width) / 2;
		}
		ca->background = c->bg;
		const char *da = folio_fo_kw(c->fo, FOLIO_PROP_DISPLAY_ALIGN);
		folio_len free = ch - cell_height(c);
		folio_len dy = !strcmp(da, "center") ? free / 2 : !strcmp(da, "after") ? free : 0;
		vl_place(L, c->v, c->from, c->to, rb->start + c->x + c->in_start,
		         c->in_top + dy, ca);
		area_append(&holder, ca);
	}
	for (folio_area *a = holder.first; a; a = a->next)
		a->parent = NULL;
	return holder.first;
}

/* The last legal break in [from, to) whose content fits in avail; returns
 * from when none does. */
int
vl_break_within(const vlist *v, int from, int to, folio_len avail)
{
	folio_len y = 0;
	int best = from;
	bool started = false;
	for (int k = from; k < to; k++) {
		const vitem *it = &v->items[k];
		if (it->kind == V_BOX) {
			if (started && y + it->h > avail)
				break;
			if (!started && it->h > avail)
				break;
			y += it->h;
			started = true;
		} else if (it->kind == V_GLUE) {
			if (started && it->pen < PEN_INF)
				best = k;
			y += started ? it->h : 0;
		} else if (started && it->pen < PEN_INF) {
			best = k;
		}
		if (k == to - 1 && started && y <= avail)
			best = to;
	}
	return best;
}

bool
row_forced(const rowbox *rb, folio_len *h, int *kind)
{
	bool found = false;
	for (int i = 0; i < rb->n; i++) {
		const rowcell *c = &rb->cells[i];
		folio_len y = 0;
		bool started = false;
		for (int k = c->from; k < c->to; k++) {
			const vitem *it = &c->v->items[k];
			if (it->kind == V_BOX) {
				y += it->h;
				started = true;
			} else if (it->kind == V_GLUE) {
				y += started ? it->h : 0;
			} else if (started && it->pen <= PEN_FORCE &&
			           vl_height(c->v, k + 1, c->to) > 0) {
				folio_len ch = vl_height(c->v, c->from, k) + c->in_top + c->in_bottom;
				if (!found || ch < *h) {
					*h = ch;
					*kind = it->force;
				}
				found = true;
				break;
			}
		}
	}
	return found;
}

int
cell_edge_force(const rowcell *c, bool before)
{
	if (before) {
		for (int k = c->from; k < c->to; k++) {
			const vitem *it = &c->v->items[k];
			if (it->kind == V_BOX)
				return -1;
			if (it->kind == V_PENALTY && it->pen <= PEN_FORCE)
				return it->force;
		}
	} else {
		for (int k = c->to - 1; k >= c->from; k--) {
			const vitem *it = &c->v->items[k];
			if (it->kind == V_BOX)
				return -1;
			if (it->kind == V_PENALTY && it->pen <= PEN_FORCE)
				return it->force;
		}
	}
	return -1;
}

rowbox *
row_split(layout *L, rowbox *rb, folio_len avail, bool at_top, folio_len *h1,
          folio_len *h2)
{
	int *cut = folio_calloc((size_t)rb->n + 1, sizeof *cut);
	bool any = false, rest = false, empty = false;
	/* content kept with what follows its cell may not all stay on this
	 * page: the cut line moves up to its last break, for every cell (a
	 * row is cut at one height, as FOP does) */
	for (int i = 0; i < rb->n; i++) {
		rowcell *c = &rb->cells[i];
		folio_len all = vl_height(c->v, c->from, c->to);
		if (!c->kept_next || all <= 0 || c->in_top + all > avail)
			continue;
		int k = vl_break_within(c->v, c->from, c->to, all - 1);
		folio_len line = c->in_top + vl_height(c->v, c->from, k);
		rowcell part = *c;
		cell_cut_edge(&part, false, rb->collapse);
		if (line + part.in_bottom < avail)
			avail = line + part.in_bottom;
	}
	for (int i = 0; i < rb->n; i++) {
		rowcell *c = &rb->cells[i];
		/* the first part keeps its bottom padding and border only when
		 * they are retained (cell_cut_edge) */
		rowcell part = *c;
		cell_cut_edge(&part, false, rb->collapse);
		folio_len room = avail - c->in_top - part.in_bottom;
		cut[i] = room > 0 ? vl_break_within(c->v, c->from, c->to, room) : c->from;
		if (vl_height(c->v, c->from, cut[i]) > 0)
			any = true;
		else if (!at_top && vl_height(c->v, c->from, c->to) > 0)
			empty = true;   /* this cell would start only on the next page */
		if (vl_height(c->v, cut[i], c->to) > 0)
			rest = true;
	}
	/* a row is cut only when every cell with content starts on this page,
	 * unless the row begins the page (then it must be cut somewhere) */
	if (!any || !rest || empty) {
		free(cut);
		return NULL;
	}
	rowbox *first = folio_arena_alloc(L->arena, sizeof *first);
	*first = *rb;
	first->cells = folio_arena_alloc(L->arena, (size_t)rb->n * sizeof *first->cells);
	memcpy(first->cells, rb->cells, (size_t)rb->n * sizeof *first->cells);
	first->min_h = 0;
	for (int i = 0; i < rb->n; i++) {
		first->cells[i].to = cut[i];
		rb->cells[i].from = cut[i];
		/* padding and borders at the cut go unless retained
		 * (conditionality, "discard" by default) */
		cell_cut_edge(&first->cells[i], false, rb->collapse);
		cell_cut_edge(&rb->cells[i], true, rb->collapse);
	}
	free(cut);
	*h1 = row_height(first);
	*h2 = row_height(rb);
	return first;
}

/* ---- rows joined by row spans ---- */

folio_len
group_heights(rowgroup *g)
{
	for (int j = 0; j < g->n; j++)
		g->h[j] = row_height(g->rows[j]);
	for (int j = 0; j < g->n; j++)
		for (int i = 0; i < g->rows[j]->n; i++) {
			rowcell *c = &g->rows[j]->cells[i];
			if (c->rows < 2)
				continue;
			int last = j + c->rows - 1 < g->n ? j + c->rows - 1 : g->n - 1;
			folio_len sum = 0;
			for (int k = j; k <= last; k++)
				sum += g->h[k];
			folio_len need = cell_height(c);
			if (need > sum)
				g->h[last] += need - sum;
		}
	folio_len total = 0;
	for (int j = 0; j < g->n; j++) {
		for (int i = 0; i < g->rows[j]->n; i++) {
			rowcell *c = &g->rows[j]->cells[i];
			if (c->rows < 2)
				continue;
			int last = j + c->rows - 1 < g->n ? j + c->rows - 1 : g->n - 1;
			c->span_h = 0;
			for (int k = j; k <= last; k++)
				c->span_h += g->h[k];
		}
		total += g->h[j];
	}
	return total;
}

folio_area *
group_areas(layout *L, rowgroup *g)
{
	group_heights(g);
	folio_area holder = {0};
	folio_len y = 0;
	for (int j = 0; j < g->n; j++) {
		folio_area *areas = row_areas(L, g->rows[j], g->h[j]);
		while (areas) {
			folio_area *next = areas->next;
			area_shift(areas, 0, y);
			area_append(&holder, areas);
			areas = next;
		}
		y += g->h[j];
	}
	for (folio_area *a = holder.first; a; a = a->next)
		a->parent = NULL;
	return holder.first;
}

/* A copy of a row with room for extra cells. */
static rowbox *
row_copy(layout *L, const rowbox *rb, int extra)
{
	rowbox *r = folio_arena_alloc(L->arena, sizeof *r);
	*r = *rb;
	r->cells = folio_arena_alloc(L->arena, (size_t)(rb->n + extra + 1) * sizeof *r->cells);
	memcpy(r->cells, rb->cells, (size_t)rb->n * sizeof *r->cells);
	return r;
}

rowgroup *
group_split(layout *L, rowgroup *g, folio_len avail, bool at_top, folio_len *h1,
            folio_len *h2)
{
	group_heights(g);
	/* a cell kept with what follows may not end on this page: the cut
	 * line goes up to its last break (as in row_split) */
	folio_len top = 0;
	for (int r = 0; r < g->n; top += g->h[r], r++)
		for (int i = 0; i < g->rows[r]->n; i++) {
			rowcell *c = &g->rows[r]->cells[i];
			folio_len all = vl_height(c->v, c->from, c->to);
			if (!c->kept_next || all <= 0 || top + c->in_top + all > avail)
				continue;
			int k = vl_break_within(c->v, c->from, c->to, all - 1);
			folio_len line = top + c->in_top + vl_height(c->v, c->from, k);
			if (line < avail)
				avail = line;
		}
	/* rows that fit whole; row j is the first that does not */
	folio_len y = 0;
	int j = 0;
	while (j < g->n && y + g->h[j] <= avail) {
		y += g->h[j];
		j++;
	}
	if (j >= g->n)
		return NULL;
	/* cells spanning into row j from above */
	int carried = 0;
	for (int r = 0; r < j; r++)
		for (int i = 0; i < g->rows[r]->n; i++)
			carried += r + g->rows[r]->cells[i].rows - 1 >= j;
	/* row j itself is cut when all its cells can start here, and it is
	 * not kept together (then the group breaks above it) */
	rowbox *rj = row_copy(L, g->rows[j], carried);
	folio_len a, b;
	bool kept = rj->rowfo && rj->rowfo->kind == FOLIO_FO_TABLE_ROW &&
	            folio_fo_keep(rj->rowfo, FOLIO_PROP_KEEP_TOGETHER_WITHIN_PAGE) &&
	            !(at_top && j == 0);
	rowbox *first_j = avail - y > 0 && !kept
	                  ? row_split(L, rj, avail - y, at_top && j == 0, &a, &b) : NULL;
	if (!first_j && j == 0)
		return NULL;
	/* cells spanning from above are cut at the page end, not at the top
	 * of row j (as FOP does) */
	folio_len cut_y = avail;
	int nfirst = j + (first_j ? 1 : 0);

	rowgroup *f = folio_arena_alloc(L->arena, sizeof *f);
	f->rows = folio_arena_alloc(L->arena, (size_t)(nfirst + 1) * sizeof *f->rows);
	f->h = folio_arena_alloc(L->arena, (size_t)(nfirst + 1) * sizeof *f->h);
	f->n = nfirst;
	f->splittable = g->splittable;
	top = 0;
	for (int r = 0; r < j; r++) {
		rowbox *orig = g->rows[r];
		rowbox *fr = row_copy(L, orig, 0);
		for (int i = 0; i < fr->n; i++) {
			rowcell *c = &fr->cells[i];
			if (r + c->rows - 1 < j)
				continue;
			/* spans past the cut: its content is cut at the cut line,
			 * the rest starts the rest's first row */
			rowcell rest = *c;
			folio_len room = cut_y - top - c->in_top - c->in_bottom;
			int k = room > 0 ? vl_break_within(c->v, c->from, c->to, room) : c->from;
			c->to = k;
			c->rows = nfirst - r;
			rest.from = k;
			rest.rows = r + rest.rows - j;
			if (rest.rows < 1)
				rest.rows = 1;
			rj->cells[rj->n++] = rest;
		}
		f->rows[r] = fr;
		top += g->h[r];
	}
	if (first_j) {
		for (int i = 0; i < first_j->n; i++)
			if (first_j->cells[i].rows > 1)
				first_j->cells[i].rows = 1;
		f->rows[j] = first_j;
	}
	/* the rest: row j (what is left of it) and the rows after it */
	rowbox **rows = folio_arena_alloc(L->arena, (size_t)(g->n - j + 1) * sizeof *rows);
	folio_len *hs = folio_arena_alloc(L->arena, (size_t)(g->n - j + 1) * sizeof *hs);
	rows[0] = rj;
	for (int r = j + 1; r < g->n; r++)
		rows[r - j] = g->rows[r];
	g->rows = rows;
	g->h = hs;
	g->n -= j;
	*h1 = group_heights(f);
	*h2 = group_heights(g);
	return f;
}

bool
group_forced(rowgroup *g, folio_len *h, int *kind)
{
	group_heights(g);
	folio_len y = 0;
	for (int j = 0; j + 1 < g->n; j++) {
		y += g->h[j];
		if (g->rows[j]->brk) {
			*h = y;
			*kind = g->rows[j]->brk - 1;
			return true;
		}
	}
	return false;
}
