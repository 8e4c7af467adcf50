/*
 * table.c -- tables with the fixed layout: column widths from
 * fo:table-column (lengths, percentages, proportional-column-width()),
 * cells set into their own vertical lists, one box per row, the header
 * remembered so pagination can repeat it after a break.
 *
 * The table as a whole (spaces, keeps, breaks, its own border) is handled
 * by lay_block in block.c, which calls lay_table for the content.
 *
 * Not yet: rows that break across pages, number-rows-spanned, automatic
 * column widths from content (auto columns share the remaining width).
 */
#include "internal.h"

#include <string.h>

typedef struct cgrid cgrid;

typedef struct tcols {
	folio_len *w;     /* widths, malloc'd */
	folio_len *x;     /* x offsets from the table's start edge */
	int n;
	cgrid *grid;      /* collapsing border model: who borders whom */
} tcols;

/* ---- the collapsing border model ----
 * Each border between two cells, or between a cell and the table's edge,
 * is the winner of the borders that meet there: the wider, then the
 * stronger style (double, solid, dashed, dotted), then the cell's own
 * over its neighbour's or the table's (XSL 1.1 6.7.10, as FOP).  Every
 * cell draws its winners centred on its grid lines; its content starts
 * half a winner inside.  The grid maps each row and column of the table
 * (header, bodies and footer in order) to the cell that covers it. */

typedef struct gcell {
	const folio_fo *fo;
	int r0, r1, c0, c1;       /* rows and columns covered, inclusive */
} gcell;

struct cgrid {
	int nrows, ncols;
	int *at;                  /* nrows * ncols cell indexes, -1 for none */
	gcell *cells;
	int ncells;
	GHashTable *index;        /* fo -> 1 + its index in cells */
	folio_border edge[4];     /* the table's own borders */
};

static void
grid_release(void *p)
{
	cgrid *g = p;
	free(g->at);
	free(g->cells);
	g_hash_table_destroy(g->index);
}

static int
grid_count_rows(const folio_fo *table)
{
	int n = 0;
	for (const folio_fo *part = table->first; part; part = part->next)
		if (part->kind == FOLIO_FO_TABLE_HEADER || part->kind == FOLIO_FO_TABLE_BODY ||
		    part->kind == FOLIO_FO_TABLE_FOOTER)
			for (const folio_fo *r = folio_fo_child(part, FOLIO_FO_TABLE_ROW, NULL); r;
			     r = folio_fo_child(part, FOLIO_FO_TABLE_ROW, r))
				n++;
	return n;
}

/* Places one part's cells as make_row does (column-number, spans, cells
 * under row spans from above). */
static void
grid_part(cgrid *g, const folio_fo *part, int *row)
{
	int *occ = folio_calloc((size_t)g->ncols, sizeof *occ);
	int first = *row;
	int nrows = 0;
	for (const folio_fo *r = folio_fo_child(part, FOLIO_FO_TABLE_ROW, NULL); r;
	     r = folio_fo_child(part, FOLIO_FO_TABLE_ROW, r))
		nrows++;
	for (const folio_fo *r = folio_fo_child(part, FOLIO_FO_TABLE_ROW, NULL); r;
	     r = folio_fo_child(part, FOLIO_FO_TABLE_ROW, r), (*row)++) {
		int col = 0;
		for (const folio_fo *c = folio_fo_child(r, FOLIO_FO_TABLE_CELL, NULL); c;
		     c = folio_fo_child(r, FOLIO_FO_TABLE_CELL, c)) {
			int cn = (int)folio_fo_num(c, FOLIO_PROP_COLUMN_NUMBER, 0);
			if (cn > 0)
				col = cn - 1;
			while (col < g->ncols && occ[col] > 0)
				col++;
			if (col >= g->ncols)
				break;
			int span = (int)folio_fo_num(c, FOLIO_PROP_NUMBER_COLUMNS_SPANNED, 1);
			int rows = (int)folio_fo_num(c, FOLIO_PROP_NUMBER_ROWS_SPANNED, 1);
			span = span < 1 ? 1 : span > g->ncols - col ? g->ncols - col : span;
			rows = rows < 1 ? 1 : rows > first + nrows - *row ? first + nrows - *row : rows;
			gcell *gc = &g->cells[g->ncells];
			*gc = (gcell){c, *row, *row + rows - 1, col, col + span - 1};
			g_hash_table_insert(g->index, (gpointer)c, GINT_TO_POINTER(g->ncells + 1));
			for (int rr = gc->r0; rr <= gc->r1; rr++)
				for (int k = gc->c0; k <= gc->c1; k++)
					g->at[(size_t)rr * (size_t)g->ncols + (size_t)k] = g->ncells;
			g->ncells++;
			if (rows > 1)
				for (int k = col; k < col + span; k++)
					occ[k] = rows;
			col += span;
		}
		for (int k = 0; k < g->ncols; k++)
			if (occ[k] > 0)
				occ[k]--;
	}
	free(occ);
}

static cgrid *
grid_build(layout *L, const folio_fo *table, int ncols)
{
	if (folio_fo_is(table, FOLIO_PROP_BORDER_COLLAPSE, "separate"))
		return NULL;
	int nrows = grid_count_rows(table);
	int ncells = 0;
	for (const folio_fo *part = table->first; part; part = part->next)
		for (const folio_fo *r = part->first; r; r = r->next)
			if (r->kind == FOLIO_FO_TABLE_ROW)
				for (const folio_fo *c = r->first; c; c = c->next)
					ncells += c->kind == FOLIO_FO_TABLE_CELL;
	/* a giant grid is not worth it: cells keep their own borders */
	if (nrows == 0 || (size_t)nrows * (size_t)ncols > (size_t)4 << 20)
		return NULL;
	cgrid *g = folio_arena_alloc(L->arena, sizeof *g);
	memset(g, 0, sizeof *g);
	g->nrows = nrows;
	g->ncols = ncols;
	g->at = folio_calloc((size_t)nrows * (size_t)ncols, sizeof *g->at);
	memset(g->at, 0xff, (size_t)nrows * (size_t)ncols * sizeof *g->at);
	g->cells = folio_calloc((size_t)(ncells ? ncells : 1), sizeof *g->cells);
	g->index = g_hash_table_new(g_direct_hash, g_direct_equal);
	folio_arena_release(L->arena, grid_release, g);
	border_of(table, g->edge, 0);
	int row = 0;
	static const folio_fo_kind order[] = {FOLIO_FO_TABLE_HEADER, FOLIO_FO_TABLE_BODY,
	                                      FOLIO_FO_TABLE_FOOTER};
	for (int o = 0; o < 3; o++)
		for (const folio_fo *part = folio_fo_child(table, order[o], NULL); part;
		     part = folio_fo_child(table, order[o], part))
			grid_part(g, part, &row);
	return g;
}

static int
style_rank(int style)
{
	return style == FOLIO_BORDER_DOUBLE ? 4 : style == FOLIO_BORDER_SOLID ? 3
	     : style == FOLIO_BORDER_DASHED ? 2 : style == FOLIO_BORDER_DOTTED ? 1 : 0;
}

/* b wins over a? (a is the cell's own: it keeps ties) */
static bool
border_beats(const folio_border *b, const folio_border *a)
{
	if (b->width != a->width)
		return b->width > a->width;
	return style_rank(b->style) > style_rank(a->style);
}

/* The cell's borders after the collapsing model's resolution. */
static void
grid_resolve(const cgrid *g, const folio_fo *c, folio_border b[4], folio_len w)
{
	gpointer v = g_hash_table_lookup(g->index, c);
	if (!v)
		return;
	const gcell *gc = &g->cells[GPOINTER_TO_INT(v) - 1];
	folio_border res[4];
	memcpy(res, b, sizeof res);
	for (int side = 0; side < 4; side++) {
		bool vertical = side == FOLIO_SIDE_BEFORE || side == FOLIO_SIDE_AFTER;
		int from = vertical ? gc->c0 : gc->r0, to = vertical ? gc->c1 : gc->r1;
		int nr = side == FOLIO_SIDE_BEFORE ? gc->r0 - 1 : side == FOLIO_SIDE_AFTER ? gc->r1 + 1 : 0;
		int nc = side == FOLIO_SIDE_START ? gc->c0 - 1 : side == FOLIO_SIDE_END ? gc->c1 + 1 : 0;
		int opposite = side == FOLIO_SIDE_BEFORE ? FOLIO_SIDE_AFTER
		             : side == FOLIO_SIDE_AFTER ? FOLIO_SIDE_BEFORE
		             : side == FOLIO_SIDE_START ? FOLIO_SIDE_END : FOLIO_SIDE_START;
		for (int k = from; k <= to; k++) {
			int r = vertical ? nr : k, col = vertical ? k : nc;
			folio_border nb;
			if (r < 0 || r >= g->nrows || col < 0 || col >= g->ncols) {
				nb = g->edge[side];   /* the table's edge */
			} else {
				int idx = g->at[(size_t)r * (size_t)g->ncols + (size_t)col];
				if (idx < 0)
					continue;
				folio_border o[4];
				border_of(g->cells[idx].fo, o, w);
				nb = o[opposite];
			}
			if (border_beats(&nb, &res[side]))
				res[side] = nb;
		}
	}
	memcpy(b, res, sizeof res);
}

/* n + k for column counts read from the document (k within +-1e6, see
 * folio_fo_num): saturates where thousands of absurd spans would overflow */
static int
count_add(int n, double k)
{
	long s = (long)n + (long)k;
	return s > INT_MAX ? INT_MAX : s < INT_MIN ? INT_MIN : (int)s;
}

static int
count_row_columns(const folio_fo *row)
{
	int n = 0;
	for (const folio_fo *c = folio_fo_child(row, FOLIO_FO_TABLE_CELL, NULL); c;
	     c = folio_fo_child(row, FOLIO_FO_TABLE_CELL, c))
		n = count_add(n, folio_fo_num(c, FOLIO_PROP_NUMBER_COLUMNS_SPANNED, 1));
	return n;
}

/* The first row (or the cells directly in the first body) decides the
 * number of columns when there are no fo:table-column elements. */
static int
guess_columns(const folio_fo *table)
{
	for (const folio_fo *part = table->first; part; part = part->next) {
		if (part->kind != FOLIO_FO_TABLE_BODY && part->kind != FOLIO_FO_TABLE_HEADER)
			continue;
		const folio_fo *row = folio_fo_child(part, FOLIO_FO_TABLE_ROW, NULL);
		int n = row ? count_row_columns(row) : count_row_columns(part);
		if (n > 0)
			return n;
	}
	return 1;
}

/* Text of a cell as one string per block, for measuring. */
static void
cell_text(const folio_fo *cell, folio_buf *b)
{
	const folio_fo *n = cell->first;
	while (n && n != cell) {
		if (n->kind == FOLIO_FO_TEXT) {
			folio_buf_add(b, n->text, n->text_len);
		} else if (folio_fo_role_of(n->kind) == FOLIO_ROLE_BLOCK && b->len &&
		           b->data[b->len - 1] != '\n') {
			folio_buf_add(b, "\n", 1);
		}
		if (n->first) {
			n = n->first;
			continue;
		}
		while (n && n != cell && !n->next)
			n = n->parent;
		if (n && n != cell)
			n = n->next;
	}
}

/* The narrowest and widest a cell's content can be set: the longest word
 * and the longest unbroken paragraph, in the font of its first block. */
static void
measure_cell(layout *L, const folio_fo *cell, folio_len *minw, folio_len *maxw)
{
	folio_buf b = {0};
	cell_text(cell, &b);
	const folio_fo *style = cell;
	for (const folio_fo *n = cell->first; n; n = n->first)
		if (n->kind == FOLIO_FO_BLOCK)
			style = n;
	*minw = *maxw = 0;
	if (!b.len) {
		folio_buf_clear(&b);
		return;
	}
	/* collapse white space the way the paragraphs will */
	for (size_t i = 0; i < b.len; i++)
		if (b.data[i] == '\t' || b.data[i] == '\r')
			b.data[i] = ' ';
	PangoLayout *pl = pango_layout_new(L->pctx);
	PangoFontDescription *fd = font_of(style);
	pango_layout_set_font_description(pl, fd);
	pango_font_description_free(fd);
	pango_layout_set_text(pl, b.data, (int)b.len);
	PangoRectangle log;
	pango_layout_get_extents(pl, NULL, &log);
	*maxw = log.width;
	pango_layout_set_width(pl, 1);
	pango_layout_set_wrap(pl, PANGO_WRAP_WORD);
	pango_layout_get_extents(pl, NULL, &log);
	*minw = log.width;
	g_object_unref(pl);
	folio_buf_clear(&b);
}

/* table-layout="auto": column widths from the content, as browsers do --
 * every column gets at least its longest word and shares the rest in
 * proportion to how much it would like beyond that. */
static void
auto_widths(emitter *E, const folio_fo *table, folio_len width, tcols *tc,
            const bool *fixed)
{
	folio_len *mn = folio_calloc((size_t)tc->n, sizeof *mn);
	folio_len *mx = folio_calloc((size_t)tc->n, sizeof *mx);
	for (const folio_fo *part = table->first; part; part = part->next) {
		if (part->kind != FOLIO_FO_TABLE_BODY && part->kind != FOLIO_FO_TABLE_HEADER &&
		    part->kind != FOLIO_FO_TABLE_FOOTER)
			continue;
		for (const folio_fo *row = part->first; row; row = row->next) {
			if (row->kind != FOLIO_FO_TABLE_ROW)
				continue;
			int col = 0;
			for (const folio_fo *c = folio_fo_child(row, FOLIO_FO_TABLE_CELL, NULL);
			     c && col < tc->n; c = folio_fo_child(row, FOLIO_FO_TABLE_CELL, c)) {
				int span = (int)folio_fo_num(c, FOLIO_PROP_NUMBER_COLUMNS_SPANNED, 1);
				if (span == 1 && !fixed[col]) {
					folio_len a, b;
					measure_cell(E->L, c, &a, &b);
					folio_len pad = padding_of(c, FOLIO_SIDE_START, 0) +
					                padding_of(c, FOLIO_SIDE_END, 0) + FOLIO_PT(2);
					if (a + pad > mn[col])
						mn[col] = a + pad;
					if (b + pad > mx[col])
						mx[col] = b + pad;
				}
				col += span > 0 ? span : 1;
			}
		}
	}
	folio_len avail = width, smin = 0, smax = 0;
	for (int i = 0; i < tc->n; i++) {
		if (fixed[i])
			avail -= tc->w[i];
		else {
			smin += mn[i];
			smax += mx[i];
		}
	}
	for (int i = 0; i < tc->n; i++) {
		if (fixed[i])
			continue;
		if (smax <= avail)   /* everything fits unbroken: share the rest */
			tc->w[i] = mx[i] + (smax > 0 ? (folio_len)((double)(avail - smax) * mx[i] / smax)
			                              : (avail - smax) / tc->n);
		else if (smin >= avail)
			tc->w[i] = mn[i];
		else
			tc->w[i] = mn[i] + (folio_len)((double)(mx[i] - mn[i]) *
			                               (avail - smin) / (smax - smin));
	}
	for (int i = 0; i < tc->n; i++)
		tc->x[i + 1] = tc->x[i] + tc->w[i];
	free(mn);
	free(mx);
}

/* Without fo:table-column, a width given on a cell of the first row sets
 * its column (as FOP does); the other columns share what is left. */
static void
first_row_widths(const folio_fo *table, folio_len width, int n, folio_len *w,
                 double *prop, double *props, folio_len *fixed)
{
	const folio_fo *row = NULL;
	for (const folio_fo *part = table->first; part && !row; part = part->next)
		if (part->kind == FOLIO_FO_TABLE_HEADER || part->kind == FOLIO_FO_TABLE_BODY)
			row = folio_fo_child(part, FOLIO_FO_TABLE_ROW, NULL);
	if (!row)
		return;
	int col = 0;
	for (const folio_fo *c = folio_fo_child(row, FOLIO_FO_TABLE_CELL, NULL); c && col < n;
	     c = folio_fo_child(row, FOLIO_FO_TABLE_CELL, c)) {
		int cn = (int)folio_fo_num(c, FOLIO_PROP_COLUMN_NUMBER, 0);
		if (cn > 0)
			col = cn - 1;
		int span = (int)folio_fo_num(c, FOLIO_PROP_NUMBER_COLUMNS_SPANNED, 1);
		const folio_value *v = folio_fo_specified(c, FOLIO_PROP_WIDTH);
		if (span == 1 && col < n && prop[col] > 0 && v &&
		    (v->kind == FOLIO_V_LEN || v->kind == FOLIO_V_PCT)) {
			w[col] = folio_fo_len(c, FOLIO_PROP_WIDTH, width, 0);
			*fixed += w[col];
			*props -= prop[col];
			prop[col] = 0;
		}
		col += span > 0 ? span : 1;
	}
}

static void
columns(emitter *E, const folio_fo *table, folio_len width, tcols *tc)
{
	int n = 0;
	for (const folio_fo *c = folio_fo_child(table, FOLIO_FO_TABLE_COLUMN, NULL); c;
	     c = folio_fo_child(table, FOLIO_FO_TABLE_COLUMN, c))
		n = count_add(n, folio_fo_num(c, FOLIO_PROP_NUMBER_COLUMNS_REPEATED, 1));
	bool guessed = n == 0;
	if (guessed)
		n = guess_columns(table);
	if (n > FOLIO_LIMIT_TABLE_COLUMNS) {
		folio_fo_diag(E->L->d, E->L->doc, table, FOLIO_WARNING, "limit",
		              "table has %d columns; only the first %d are laid out",
		              n, FOLIO_LIMIT_TABLE_COLUMNS);
		n = FOLIO_LIMIT_TABLE_COLUMNS;
	}
	if (n < 1)
		n = 1;
	tc->n = n;
	tc->w = folio_calloc((size_t)n, sizeof *tc->w);
	tc->x = folio_calloc((size_t)n + 1, sizeof *tc->x);
	double *prop = folio_calloc((size_t)n, sizeof *prop);
	double props = 0;
	folio_len fixed = 0;
	int i = 0;
	for (const folio_fo *c = folio_fo_child(table, FOLIO_FO_TABLE_COLUMN, NULL);
	     c && i < n; c = folio_fo_child(table, FOLIO_FO_TABLE_COLUMN, c)) {
		int rep = (int)folio_fo_num(c, FOLIO_PROP_NUMBER_COLUMNS_REPEATED, 1);
		folio_value v = folio_fo_get(c, FOLIO_PROP_COLUMN_WIDTH);
		for (int r = 0; r < rep && i < n; r++, i++) {
			if (v.kind == FOLIO_V_LEN || v.kind == FOLIO_V_PCT) {
				tc->w[i] = folio_fo_len(c, FOLIO_PROP_COLUMN_WIDTH, width, 0);
				fixed += tc->w[i];
			} else {
				prop[i] = v.kind == FOLIO_V_FUNC && v.num > 0 ? v.num : 1;
				props += prop[i];
			}
		}
	}
	for (; i < n; i++) {
		prop[i] = 1;
		props += 1;
	}
	if (guessed)
		first_row_widths(table, width, n, tc->w, prop, &props, &fixed);
	folio_len rest = width - fixed;
	for (i = 0; i < n; i++)
		if (prop[i] > 0)
			tc->w[i] = rest > 0 ? (folio_len)(rest * (prop[i] / props)) : 0;
	for (i = 0; i < n; i++)
		tc->x[i + 1] = tc->x[i] + tc->w[i];
	/* content-based widths only when asked for explicitly: FOP treats the
	 * initial value "auto" as fixed, and stylesheets written for it expect
	 * that */
	const folio_value *tl = folio_fo_specified(table, FOLIO_PROP_TABLE_LAYOUT);
	if (tl && tl->kind == FOLIO_V_KW && !strcmp(tl->str, "auto")) {
		bool *fixed = folio_calloc((size_t)n, sizeof *fixed);
		for (i = 0; i < n; i++)
			fixed[i] = prop[i] == 0;
		auto_widths(E, table, width, tc, fixed);
		free(fixed);
	}
	free(prop);
}

/* block-progression-dimension, or its corresponding height. */
static folio_len
min_height(const folio_fo *n)
{
	folio_len h = folio_fo_len(n, FOLIO_PROP_BLOCK_PROGRESSION_DIMENSION, 0, 0);
	folio_len h2 = folio_fo_len(n, FOLIO_PROP_HEIGHT, 0, 0);
	return h > h2 ? h : h2;
}

/* Sets one row: every cell's content goes into its own vertical list,
 * kept until pagination places the row (whole, or cut at a page end). */
static rowbox *
make_row(emitter *E, const folio_fo *rowfo, const folio_fo *first, int count,
         const tcols *tc, blockgeo tgeo, int *occ, folio_len *out_h)
{
	layout *L = E->L;
	rowbox *rb = folio_arena_alloc(L->arena, sizeof *rb);
	rb->cells = folio_arena_alloc(L->arena, (size_t)(count ? count : 1) * sizeof *rb->cells);
	rb->collapse = !folio_fo_is(first ? first : rowfo, FOLIO_PROP_BORDER_COLLAPSE,
	                            "separate");
	rb->rowfo = rowfo;
	rb->start = tgeo.start;
	folio_arena_release(L->arena, rowbox_release, rb);
	int col = 0;
	if (rowfo && rowfo->kind == FOLIO_FO_TABLE_ROW)
		rb->min_h = min_height(rowfo);
	for (const folio_fo *c = first; c && rb->n < count; c = c->next) {
		if (c->kind != FOLIO_FO_TABLE_CELL)
			continue;
		/* column-number places a cell, even before cells of its row
		 * given earlier (FOP does the same) */
		int cn = (int)folio_fo_num(c, FOLIO_PROP_COLUMN_NUMBER, 0);
		if (cn > 0)
			col = cn - 1;
		while (occ && col < tc->n && occ[col] > 0)
			col++;   /* under a cell spanning rows from above */
		int span = (int)folio_fo_num(c, FOLIO_PROP_NUMBER_COLUMNS_SPANNED, 1);
		if (span < 1)
			span = 1;
		if (col >= tc->n)
			break;
		if (col + span > tc->n)
			span = tc->n - col;
		rowcell *cb = &rb->cells[rb->n++];
		cb->fo = c;
		cb->x = tc->x[col];
		cb->w = tc->x[col + span] - tc->x[col];
		cb->rows = (int)folio_fo_num(c, FOLIO_PROP_NUMBER_ROWS_SPANNED, 1);
		if (cb->rows < 1)
			cb->rows = 1;
		if (occ && cb->rows > 1)
			for (int k = col; k < col + span; k++)
				occ[k] = cb->rows;
		col += span;
		border_of(c, cb->b, cb->w);
		if (tc->grid)
			grid_resolve(tc->grid, c, cb->b, cb->w);
		folio_len k = rb->collapse ? 2 : 1;
		cb->in_top = padding_of(c, FOLIO_SIDE_BEFORE, cb->w) + cb->b[FOLIO_SIDE_BEFORE].width / k;
		cb->in_bottom = padding_of(c, FOLIO_SIDE_AFTER, cb->w) + cb->b[FOLIO_SIDE_AFTER].width / k;
		cb->in_start = padding_of(c, FOLIO_SIDE_START, cb->w) + cb->b[FOLIO_SIDE_START].width / k;
		folio_len in_end = padding_of(c, FOLIO_SIDE_END, cb->w) + cb->b[FOLIO_SIDE_END].width / k;
		/* indents inherited from outside the table do not apply inside a
		 * cell's content rectangle; indents given on the cell do */
		blockgeo g = {0, 0, true};
		if (folio_fo_specified(c, FOLIO_PROP_START_INDENT))
			g.start = folio_fo_len(c, FOLIO_PROP_START_INDENT, cb->w, 0) - tgeo.start;
		if (folio_fo_specified(c, FOLIO_PROP_END_INDENT))
			g.end = folio_fo_len(c, FOLIO_PROP_END_INDENT, cb->w, 0) - tgeo.end;
		if (g.start < 0)
			g.start = 0;
		if (g.end < 0)
			g.end = 0;
		cb->v = folio_calloc(1, sizeof *cb->v);
		emitter sub = {.L = L, .out = cb->v, .ref_w = cb->w - cb->in_start - in_end,
		               .depth = E->depth + 1};
		const char *cid = folio_fo_str(c, FOLIO_PROP_ID);
		if (*cid)
			refs_at_next_box(L, &sub, cid, -1);
		/* a cell's markers belong to its row (adopted below) */
		for (const folio_fo *m = folio_fo_child(c, FOLIO_FO_MARKER, NULL); m;
		     m = folio_fo_child(c, FOLIO_FO_MARKER, m))
			marks_add(L, m, cb->v, 0);
		lay_children(&sub, c, g);
		cb->kept_next = sub.keep_next > 0 ||
		                folio_fo_keep(c, FOLIO_PROP_KEEP_WITH_NEXT_WITHIN_PAGE);
		refs_adopt(L, cb->v, E->out);
		marks_adopt(L, cb->v, E->out);
		feet_collect(cb->v, 0, cb->v->n, &rb->feet);
		cb->to = cb->v->n;
		folio_len cmin = min_height(c);
		if (cmin > rb->min_h)
			rb->min_h = cmin;
		uint32_t bg = folio_fo_color(c, FOLIO_PROP_BACKGROUND_COLOR);
		if (!(bg >> 24) && rowfo && rowfo->kind == FOLIO_FO_TABLE_ROW)
			bg = folio_fo_color(rowfo, FOLIO_PROP_BACKGROUND_COLOR);
		cb->bg = bg;
	}
	*out_h = row_height(rb);
	return rb;
}

/* Rows joined by cells that span rows, while they are being set. */
typedef struct rowrun {
	rowbox **rows;            /* malloc'd */
	int n, cap;
} rowrun;

static void
run_add(rowrun *g, rowbox *rb)
{
	if (g->n == g->cap) {
		g->cap = g->cap ? 2 * g->cap : 4;
		g->rows = folio_realloc_array(g->rows, (size_t)g->cap, sizeof *g->rows);
	}
	g->rows[g->n++] = rb;
}

/* The run becomes one box: a row group placed (and cut) by pagination;
 * header rows are set at once, to be repeated. */
static void
run_emit(emitter *E, rowrun *run, folio_area **hold, folio_len *hold_h)
{
	layout *L = E->L;
	rowgroup *g = folio_arena_alloc(L->arena, sizeof *g);
	g->rows = folio_arena_alloc(L->arena, (size_t)run->n * sizeof *g->rows);
	g->h = folio_arena_alloc(L->arena, (size_t)run->n * sizeof *g->h);
	memcpy(g->rows, run->rows, (size_t)run->n * sizeof *g->rows);
	g->n = run->n;
	/* (a row kept together is not cut inside: group_split breaks the
	 * group above it) */
	g->splittable = !hold && !in_keep(E);
	folio_len y = group_heights(g);
	folio_area *areas = NULL;
	if (hold) {
		areas = group_areas(L, g);
		for (folio_area *a = areas; a; a = a->next) {
			folio_area *cl = area_clone(L, a);
			area_shift(cl, 0, *hold_h);
			folio_area **t = hold;
			while (*t)
				t = &(*t)->next;
			*t = cl;
		}
		*hold_h += y;
	}
	em_box(E, y, areas, g->rows[0]->rowfo);
	footnote *feet = NULL;
	for (int j = 0; j < g->n; j++) {
		footnote **t = &feet;
		while (*t)
			t = &(*t)->next;
		*t = g->rows[j]->feet;
	}
	E->out->items[E->out->n - 1].feet = feet;
	if (!hold)
		E->out->items[E->out->n - 1].grp = g;
	/* keep-with-next of the last row, and of cells ending with the group
	 * (their last block's too), keeps the group with what follows */
	int kwn = 0;
	const rowbox *last = g->rows[g->n - 1];
	if (last->rowfo && last->rowfo->kind == FOLIO_FO_TABLE_ROW)
		kwn = keep_cost(folio_fo_keep(last->rowfo, FOLIO_PROP_KEEP_WITH_NEXT_WITHIN_PAGE));
	for (int j = 0; j < g->n; j++)
		for (int i = 0; i < g->rows[j]->n; i++)
			if (g->rows[j]->cells[i].kept_next &&
			    j + g->rows[j]->cells[i].rows >= g->n && kwn < PEN_INF)
				kwn = PEN_INF;
	if (kwn > E->keep_next)
		E->keep_next = kwn;
	run->n = 0;
}

/* A break keyword of the row or any of its cells ("" for none). */
static const char *
row_kw(const folio_fo *row, folio_prop_id id)
{
	static const char *breaks[] = {"page", "odd-page", "even-page", "column"};
	for (const folio_fo *n = row; n; n = n == row ? row->first : n->next) {
		if (n != row && n->kind != FOLIO_FO_TABLE_CELL)
			continue;
		const char *kw = folio_fo_kw(n, id);
		for (int i = 0; i < 4; i++)
			if (!strcmp(kw, breaks[i]))
				return kw;
	}
	return "";
}

static const char *kinds[] = {"page", "odd-page", "even-page", "column"};

const char *
table_first_break(const folio_fo *table)
{
	const folio_fo *b1 = folio_fo_child(table, FOLIO_FO_TABLE_BODY, NULL);
	const folio_fo *r1 = b1 ? folio_fo_child(b1, FOLIO_FO_TABLE_ROW, NULL) : NULL;
	return r1 ? row_kw(r1, FOLIO_PROP_BREAK_BEFORE) : "";
}

static int
kind_index(const char *kw)
{
	for (int i = 0; i < 4; i++)
		if (!strcmp(kw, kinds[i]))
			return i;
	return 0;
}

/* The breaks before and after a row: its own, its cells', and those
 * before the first (after the last) content of a cell; a break between a
 * cell's contents cuts the row there when it is placed (row_forced). */
static void
row_breaks(const folio_fo *row, const rowbox *rb, const char **bb, const char **ba)
{
	*bb = row_kw(row, FOLIO_PROP_BREAK_BEFORE);
	*ba = row_kw(row, FOLIO_PROP_BREAK_AFTER);
	for (int i = 0; i < rb->n; i++) {
		int k = cell_edge_force(&rb->cells[i], true);
		if (!**bb && k >= 0)
			*bb = kinds[k];
		k = rb->cells[i].rows > 1 ? -1 : cell_edge_force(&rb->cells[i], false);
		if (!**ba && k >= 0)
			*ba = kinds[k];
	}
}

static int
row_keep(const folio_fo *row, folio_prop_id id)
{
	int k = folio_fo_keep(row, id);
	for (const folio_fo *c = row->first; c && !k; c = c->next)
		if (c->kind == FOLIO_FO_TABLE_CELL && id != FOLIO_PROP_KEEP_TOGETHER_WITHIN_PAGE) {
			k = folio_fo_keep(c, id);
			/* a keep-with-next of a cell's last block (with-previous of
			 * its first) keeps the row with the next (previous) one */
			const folio_fo *b = NULL;
			for (const folio_fo *x = c->first; x; x = x->next)
				if (folio_fo_role_of(x->kind) == FOLIO_ROLE_BLOCK) {
					if (!b || id == FOLIO_PROP_KEEP_WITH_NEXT_WITHIN_PAGE)
						b = x;
				}
			if (!k && b)
				k = folio_fo_keep(b, id);
		}
	return k;
}

static void
emit_rows(emitter *E, const folio_fo *part, const tcols *tc, blockgeo tgeo,
          folio_area **hold, folio_len *hold_h)
{
	/* cells given directly in a body are in rows made for them (tree.c) */
	const folio_fo *row = folio_fo_child(part, FOLIO_FO_TABLE_ROW, NULL);
	if (!row)
		return;
	const char *pid = folio_fo_str(part, FOLIO_PROP_ID);
	int rec = *pid ? refs_open(E->L, E, pid) : -1;
	int *occ = folio_calloc((size_t)tc->n, sizeof *occ);
	rowrun grp = {0};
	int span_brk[64] = {0};   /* breaks due after the group's rows */
	for (; row; row = folio_fo_child(part, FOLIO_FO_TABLE_ROW, row)) {
		folio_len h;
		int count = 0;
		for (const folio_fo *c = row->first; c; c = c->next)
			count += c->kind == FOLIO_FO_TABLE_CELL;
		/* rows joined by cells spanning rows are set as one group */
		bool spanning = false;
		for (int k = 0; k < tc->n; k++)
			spanning |= occ[k] > 0;
		for (const folio_fo *c = row->first; c && !spanning; c = c->next)
			spanning = c->kind == FOLIO_FO_TABLE_CELL &&
			           folio_fo_num(c, FOLIO_PROP_NUMBER_ROWS_SPANNED, 1) > 1;
		if (spanning) {
			rowbox *rb = make_row(E, row, folio_fo_child(row, FOLIO_FO_TABLE_CELL, NULL),
			                      count, tc, tgeo, occ, &h);
			/* breaks between rows of a group cut it there */
			const char *bb, *ba;
			row_breaks(row, rb, &bb, &ba);
			if (*bb && !grp.n && row != E->moved_break)
				em_force(E, bb);
			else if (*bb)
				grp.rows[grp.n - 1]->brk = 1 + kind_index(bb);
			if (*ba)
				rb->brk = 1 + kind_index(ba);
			if (grp.n < 64 && span_brk[grp.n] && !rb->brk)
				rb->brk = span_brk[grp.n];
			/* a break after a spanning cell's content acts after the
			 * last row it spans */
			for (int i = 0; i < rb->n; i++) {
				int k = rb->cells[i].rows > 1 ? cell_edge_force(&rb->cells[i], false) : -1;
				int at = grp.n + rb->cells[i].rows - 1;
				if (k >= 0 && at < 64 && !span_brk[at])
					span_brk[at] = 1 + k;
			}
			run_add(&grp, rb);
			for (int k = 0; k < tc->n; k++)
				if (occ[k] > 0)
					occ[k]--;
			bool open = false;
			for (int k = 0; k < tc->n; k++)
				open |= occ[k] > 0;
			if (!open) {
				memset(span_brk, 0, sizeof span_brk);
				run_emit(E, &grp, hold, hold_h);
				if (rb->brk)
					em_force(E, kinds[rb->brk - 1]);
				rb->brk = 0;
			}
			continue;
		}
		rowbox *rb = make_row(E, row, folio_fo_child(row, FOLIO_FO_TABLE_CELL, NULL),
		                      count, tc, tgeo, occ, &h);
		folio_area *areas = hold ? row_areas(E->L, rb, h) : NULL;
		if (hold) {
			for (folio_area *a = areas; a; a = a->next) {
				folio_area *cl = area_clone(E->L, a);
				area_shift(cl, 0, *hold_h);
				folio_area **t = hold;
				while (*t)
					t = &(*t)->next;
				*t = cl;
			}
			*hold_h += h;
		}
		/* breaks and keeps of the row and of its cells act on the row */
		const char *bb, *ba;
		row_breaks(row, rb, &bb, &ba);
		if (*bb && row != E->moved_break)
			em_force(E, bb);
		int kwp = keep_cost(row_keep(row, FOLIO_PROP_KEEP_WITH_PREVIOUS_WITHIN_PAGE));
		if (kwp)
			em_keep_previous(E, kwp);
		const char *rid = folio_fo_str(row, FOLIO_PROP_ID);
		if (*rid)
			refs_at_next_box(E->L, E, rid, -1);
		em_box(E, h, areas, row);
		E->out->items[E->out->n - 1].feet = rb->feet;
		if (!hold)
			E->out->items[E->out->n - 1].row = rb;
		/* a row with a set height (on it or a cell) moves whole to the
		 * next page rather than being cut, as in FOP (it is still cut
		 * when it does not fit any page) */
		rb->splittable = !hold && !in_keep(E) && rb->min_h == 0 &&
		                 !row_keep(row, FOLIO_PROP_KEEP_TOGETHER_WITHIN_PAGE);
		int kwn = keep_cost(row_keep(row, FOLIO_PROP_KEEP_WITH_NEXT_WITHIN_PAGE));
		if (kwn > E->keep_next)
			E->keep_next = kwn;
		if (*ba)
			em_force(E, ba);
	}
	if (grp.n)
		run_emit(E, &grp, hold, hold_h);
	if (rec >= 0)
		refs_close(E->L, E, rec);
	free(grp.rows);
	free(occ);
}

static bool
shows_page_number(const folio_fo *n)
{
	for (const folio_fo *c = n ? n->first : NULL; c; c = c->next)
		if (c->kind == FOLIO_FO_PAGE_NUMBER || shows_page_number(c))
			return true;
	return false;
}

/* Records in L that point into a scratch list about to be freed. */
static void
forget_list(layout *L, vlist *v)
{
	/* what the scratch rows recorded was added last: drop it, so that an
	 * id there does not shadow the same id where the rows really stand */
	while (L->nrefs && L->refs[L->nrefs - 1].v == v)
		L->nrefs--;
	while (L->nmarks && L->marks[L->nmarks - 1].v == v)
		L->nmarks--;
	for (int i = 0; i < L->nmarks; i++)
		if (L->marks[i].v == v)
			L->marks[i].v = NULL;
	for (int i = 0; i < L->nrefs; i++)
		if (L->refs[i].v == v)
			L->refs[i].v = NULL;
}

folio_area *
table_part_again(layout *L, tblinfo *ti, bool footer, const char *label)
{
	if (!(footer ? ti->footer_pn : ti->header_pn) || !label)
		return NULL;
	vlist scratch = {0};
	emitter FE = {.L = L, .out = &scratch, .ref_w = ti->ref_w};
	tcols tc = {ti->cw, ti->cx, ti->ncols, ti->grid};
	const char *saved = L->page_label;
	L->page_label = label;
	folio_area *areas = NULL;
	folio_len h = 0;
	emit_rows(&FE, footer ? ti->footer_fo : ti->header_fo, &tc, ti->geo, &areas, &h);
	L->page_label = saved;
	forget_list(L, &scratch);
	vl_free(&scratch);
	return areas;
}

void
lay_table(emitter *E, const folio_fo *table, blockgeo geo)
{
	folio_len avail = E->ref_w - geo.start - geo.end;
	folio_len width = avail;
	folio_value wv = folio_fo_get(table, FOLIO_PROP_INLINE_PROGRESSION_DIMENSION);
	if (wv.kind != FOLIO_V_LEN && wv.kind != FOLIO_V_PCT)
		wv = folio_fo_get(table, FOLIO_PROP_WIDTH);
	if (wv.kind == FOLIO_V_LEN)
		width = wv.len;
	else if (wv.kind == FOLIO_V_PCT)
		width = (folio_len)((double)avail * wv.num / 100);
	tcols tc;
	columns(E, table, width, &tc);
	tc.grid = grid_build(E->L, table, tc.n);
	tblinfo *saved_t = E->table;
	bool saved_h = E->row_header;
	const folio_fo *header = folio_fo_child(table, FOLIO_FO_TABLE_HEADER, NULL);
	const folio_fo *footer = folio_fo_child(table, FOLIO_FO_TABLE_FOOTER, NULL);
	tblinfo *ti = NULL;
	if (header || footer) {
		ti = folio_arena_alloc(E->L->arena, sizeof *ti);
		ti->omit_at_break = folio_fo_is(table, FOLIO_PROP_TABLE_OMIT_HEADER_AT_BREAK, "true");
		ti->header_fo = header;
		ti->footer_fo = footer;
		ti->header_pn = shows_page_number(header);
		ti->footer_pn = shows_page_number(footer);
		ti->ncols = tc.n;
		ti->grid = tc.grid;
		ti->cw = folio_arena_alloc(E->L->arena, (size_t)(tc.n + 1) * sizeof *ti->cw);
		ti->cx = folio_arena_alloc(E->L->arena, (size_t)(tc.n + 1) * sizeof *ti->cx);
		memcpy(ti->cw, tc.w, (size_t)tc.n * sizeof *ti->cw);
		memcpy(ti->cx, tc.x, (size_t)(tc.n + 1) * sizeof *ti->cx);
		ti->geo = geo;
		ti->ref_w = E->ref_w;
	}
	/* the footer's rows, set once more for the foot of every page the
	 * table breaks across */
	if (footer && !folio_fo_is(table, FOLIO_PROP_TABLE_OMIT_FOOTER_AT_BREAK, "true")) {
		vlist scratch = {0};
		emitter FE = *E;
		FE.out = &scratch;
		emit_rows(&FE, footer, &tc, geo, &ti->footer, &ti->footer_h);
		forget_list(E->L, &scratch);
		vl_free(&scratch);
	}
	/* a break before the first body row was made the table's own
	 * (table_first_break): the header stays with that row */
	const folio_fo *saved_moved = E->moved_break;
	if (*table_first_break(table))
		E->moved_break = folio_fo_child(folio_fo_child(table, FOLIO_FO_TABLE_BODY, NULL),
		                                FOLIO_FO_TABLE_ROW, NULL);
	if (header) {
		E->table = ti;
		E->row_header = true;
		/* the header rows stay together and with the first body row */
		keep_begin(E, PEN_INF);
		emit_rows(E, header, &tc, geo, &ti->header, &ti->header_h);
		keep_end(E);
		E->row_header = false;
		E->keep_next = PEN_INF;
	}
	E->table = ti;
	for (const folio_fo *b = folio_fo_child(table, FOLIO_FO_TABLE_BODY, NULL); b;
	     b = folio_fo_child(table, FOLIO_FO_TABLE_BODY, b))
		emit_rows(E, b, &tc, geo, NULL, NULL);
	/* a break after the last body row comes after the footer */
	int trailing = -1;
	if (footer && E->out->n && E->out->items[E->out->n - 1].kind == V_PENALTY &&
	    E->out->items[E->out->n - 1].pen <= PEN_FORCE) {
		trailing = E->out->items[E->out->n - 1].force;
		E->out->n--;
	}
	if (footer && ti && ti->footer) {
		/* the final footer stays with the last body row */
		em_keep_previous(E, PEN_INF);
		E->row_footer = true;
		keep_begin(E, PEN_INF);
		emit_rows(E, footer, &tc, geo, NULL, NULL);
		keep_end(E);
		E->row_footer = false;
	} else if (footer) {
		E->table = NULL;
		emit_rows(E, footer, &tc, geo, NULL, NULL);
	}
	if (trailing >= 0)
		em_force(E, kinds[trailing]);
	E->table = saved_t;
	E->row_header = saved_h;
	E->moved_break = saved_moved;
	free(tc.w);
	free(tc.x);
}
