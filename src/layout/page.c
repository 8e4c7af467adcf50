/*
 * page.c -- page masters and pagination: selects the master of every page
 * (simple masters, page-sequence-masters with single, repeatable and
 * conditional references), cuts each page-sequence's vertical list into
 * pages, repeats table headers after breaks, lays out static content per
 * page (so fo:page-number is right on every page), and builds the pages.
 *
 * The flow of a page-sequence is set at the body width of its first page;
 * pages whose body has another width get a warning (not re-set yet).
 */
#include "internal.h"

#include <stdio.h>
#include <string.h>

typedef struct master {
	const folio_fo *spm;                  /* the simple-page-master */
	folio_len pw, ph;                     /* page size */
	folio_len bx, by, bw, bh;             /* region-body rectangle */
	folio_len ax, aw;                     /* content rectangle x, width */
	folio_len before_y, before_h;         /* region-before */
	folio_len after_y, after_h;           /* region-after */
	const char *before_name, *after_name; /* region names */
	folio_len before_x, before_w;         /* region-before across the page */
	folio_len after_x, after_w;           /* region-after across the page */
	folio_len side_y, side_h;             /* region-start/-end vertically */
	folio_len start_w, end_w;             /* region-start/-end extents */
	const char *start_name, *end_name;
	folio_len ay, ah;                     /* content rectangle y, height */
	int cols;                             /* column-count of the body */
	folio_len gap;                        /* column-gap */
	folio_len cw;                         /* width of one column */
	const char *body_name;                /* region-name of the body */
} master;

static const folio_fo *
find_master(layout *L, const char *name)
{
	const folio_fo *lms = folio_fo_child(L->doc->root, FOLIO_FO_LAYOUT_MASTER_SET, NULL);
	if (!lms)
		return NULL;
	for (const folio_fo *m = lms->first; m; m = m->next)
		if ((m->kind == FOLIO_FO_SIMPLE_PAGE_MASTER ||
		     m->kind == FOLIO_FO_PAGE_SEQUENCE_MASTER) &&
		    !strcmp(folio_fo_str(m, FOLIO_PROP_MASTER_NAME), name))
			return m;
	return NULL;
}

static void
master_geometry(const folio_fo *spm, master *m)
{
	memset(m, 0, sizeof *m);
	m->spm = spm;
	m->pw = folio_fo_len(spm, FOLIO_PROP_PAGE_WIDTH, 0, FOLIO_PT(8.26 * 72));
	m->ph = folio_fo_len(spm, FOLIO_PROP_PAGE_HEIGHT, 0, FOLIO_PT(11 * 72));
	if (m->pw <= 0 || m->pw > FOLIO_PT(14400))
		m->pw = FOLIO_PT(8.26 * 72);
	if (m->ph <= 0 || m->ph > FOLIO_PT(14400))
		m->ph = FOLIO_PT(11 * 72);
	folio_len mt = folio_fo_len(spm, FOLIO_PROP_MARGIN_TOP, m->ph, 0);
	folio_len mb = folio_fo_len(spm, FOLIO_PROP_MARGIN_BOTTOM, m->ph, 0);
	folio_len ml = folio_fo_len(spm, FOLIO_PROP_MARGIN_LEFT, m->pw, 0);
	folio_len mr = folio_fo_len(spm, FOLIO_PROP_MARGIN_RIGHT, m->pw, 0);
	m->ax = ml;
	m->aw = m->pw - ml - mr;
	folio_len ah = m->ph - mt - mb;
	const folio_fo *rb = folio_fo_child(spm, FOLIO_FO_REGION_BODY, NULL);
	folio_len bt = 0, bb = 0, bl = 0, br = 0;
	if (rb) {
		bt = folio_fo_len(rb, FOLIO_PROP_MARGIN_TOP, ah, 0);
		bb = folio_fo_len(rb, FOLIO_PROP_MARGIN_BOTTOM, ah, 0);
		bl = folio_fo_len(rb, FOLIO_PROP_MARGIN_LEFT, m->aw, 0);
		br = folio_fo_len(rb, FOLIO_PROP_MARGIN_RIGHT, m->aw, 0);
	}
	m->bx = ml + bl;
	m->by = mt + bt;
	m->bw = m->aw - bl - br;
	m->bh = ah - bt - bb;
	if (m->bw < FOLIO_PT(1))
		m->bw = FOLIO_PT(1);
	if (m->bh < FOLIO_PT(1))
		m->bh = FOLIO_PT(1);
	m->body_name = rb && *folio_fo_str(rb, FOLIO_PROP_REGION_NAME)
	    ? folio_fo_str(rb, FOLIO_PROP_REGION_NAME) : "xsl-region-body";
	m->cols = rb ? (int)folio_fo_num(rb, FOLIO_PROP_COLUMN_COUNT, 1) : 1;
	if (m->cols < 1 || m->cols > 32)
		m->cols = 1;
	m->gap = rb ? folio_fo_len(rb, FOLIO_PROP_COLUMN_GAP, m->bw, FOLIO_PT(12)) : 0;
	m->cw = (m->bw - m->gap * (m->cols - 1)) / m->cols;
	if (m->cw < FOLIO_PT(1))
		m->cw = FOLIO_PT(1);
	const folio_fo *rbe = folio_fo_child(spm, FOLIO_FO_REGION_BEFORE, NULL);
	const folio_fo *raf = folio_fo_child(spm, FOLIO_FO_REGION_AFTER, NULL);
	m->before_y = mt;
	m->before_h = rbe ? folio_fo_len(rbe, FOLIO_PROP_EXTENT, ah, 0) : 0;
	m->after_h = raf ? folio_fo_len(raf, FOLIO_PROP_EXTENT, ah, 0) : 0;
	m->after_y = m->ph - mb - m->after_h;
	m->before_name = rbe && *folio_fo_str(rbe, FOLIO_PROP_REGION_NAME)
	    ? folio_fo_str(rbe, FOLIO_PROP_REGION_NAME) : (rbe ? "xsl-region-before" : NULL);
	m->after_name = raf && *folio_fo_str(raf, FOLIO_PROP_REGION_NAME)
	    ? folio_fo_str(raf, FOLIO_PROP_REGION_NAME) : (raf ? "xsl-region-after" : NULL);
	const folio_fo *rs = folio_fo_child(spm, FOLIO_FO_REGION_START, NULL);
	const folio_fo *re = folio_fo_child(spm, FOLIO_FO_REGION_END, NULL);
	m->ay = mt;
	m->ah = ah;
	m->start_w = rs ? folio_fo_len(rs, FOLIO_PROP_EXTENT, m->aw, 0) : 0;
	m->end_w = re ? folio_fo_len(re, FOLIO_PROP_EXTENT, m->aw, 0) : 0;
	m->start_name = rs && *folio_fo_str(rs, FOLIO_PROP_REGION_NAME)
	    ? folio_fo_str(rs, FOLIO_PROP_REGION_NAME) : (rs ? "xsl-region-start" : NULL);
	m->end_name = re && *folio_fo_str(re, FOLIO_PROP_REGION_NAME)
	    ? folio_fo_str(re, FOLIO_PROP_REGION_NAME) : (re ? "xsl-region-end" : NULL);
	/* precedence: a before/after region with precedence="true" spans the
	 * whole width and the side regions stop at it; otherwise it sits
	 * between the side regions */
	bool bp = rbe && folio_fo_is(rbe, FOLIO_PROP_PRECEDENCE, "true");
	bool ap = raf && folio_fo_is(raf, FOLIO_PROP_PRECEDENCE, "true");
	m->before_x = bp ? m->ax : m->ax + m->start_w;
	m->before_w = bp ? m->aw : m->aw - m->start_w - m->end_w;
	m->after_x = ap ? m->ax : m->ax + m->start_w;
	m->after_w = ap ? m->aw : m->aw - m->start_w - m->end_w;
	m->side_y = mt + (bp ? m->before_h : 0);
	m->side_h = ah - (bp ? m->before_h : 0) - (ap ? m->after_h : 0);
}

typedef struct pagectx {
	int index;      /* 0-based index of the page in its sequence */
	int number;     /* page number */
	bool last;      /* the page is the last of the sequence */
	bool blank;     /* a page inserted to satisfy odd/even */
} pagectx;

static bool
conditions_match(const folio_fo *c, const pagectx *pc)
{
	const char *pos = folio_fo_kw(c, FOLIO_PROP_PAGE_POSITION);
	const char *oe = folio_fo_kw(c, FOLIO_PROP_ODD_OR_EVEN);
	const char *bl = folio_fo_kw(c, FOLIO_PROP_BLANK_OR_NOT_BLANK);
	if (!strcmp(pos, "first") && pc->index != 0)
		return false;
	if (!strcmp(pos, "rest") && pc->index == 0)
		return false;
	if (!strcmp(pos, "last") && !pc->last)
		return false;
	if (!strcmp(pos, "only") && !(pc->last && pc->index == 0))
		return false;
	if (!strcmp(oe, "odd") && pc->number % 2 == 0)
		return false;
	if (!strcmp(oe, "even") && pc->number % 2 != 0)
		return false;
	if (!strcmp(bl, "blank") && !pc->blank)
		return false;
	if (!strcmp(bl, "not-blank") && pc->blank)
		return false;
	return true;
}

static int
max_repeats(const folio_fo *n)
{
	folio_value v = folio_fo_get(n, FOLIO_PROP_MAXIMUM_REPEATS);
	if (v.kind == FOLIO_V_KW && v.str[0] >= '0' && v.str[0] <= '9')
		return atoi(v.str);
	return INT_MAX;
}

/* Whether the sequence's masters have one for page-position="only". */
static bool
has_position_only(const folio_fo *m)
{
	for (const folio_fo *s = m && m->kind != FOLIO_FO_SIMPLE_PAGE_MASTER ? m->first : NULL;
	     s; s = s->next)
		for (const folio_fo *c = folio_fo_child(s, FOLIO_FO_CONDITIONAL_PAGE_MASTER_REFERENCE, NULL);
		     c; c = folio_fo_child(s, FOLIO_FO_CONDITIONAL_PAGE_MASTER_REFERENCE, c))
			if (folio_fo_is(c, FOLIO_PROP_PAGE_POSITION, "only"))
				return true;
	return false;
}

/* The simple-page-master for a page, or NULL when the name is unknown. */
static const folio_fo *
select_master(layout *L, const folio_fo *m, const pagectx *pc)
{
	if (!m || m->kind == FOLIO_FO_SIMPLE_PAGE_MASTER)
		return m;
	int idx = pc->index;
	const folio_fo *lastref = NULL;
	for (const folio_fo *s = m->first; s; s = s->next) {
		int max = s->kind == FOLIO_FO_SINGLE_PAGE_MASTER_REFERENCE ? 1 : max_repeats(s);
		if (s->kind == FOLIO_FO_SINGLE_PAGE_MASTER_REFERENCE ||
		    s->kind == FOLIO_FO_REPEATABLE_PAGE_MASTER_REFERENCE) {
			lastref = s;
			if (idx < max)
				return find_master(L, folio_fo_str(s, FOLIO_PROP_MASTER_REFERENCE));
			idx -= max;
		} else if (s->kind == FOLIO_FO_REPEATABLE_PAGE_MASTER_ALTERNATIVES) {
			lastref = s;
			if (idx < max)
				break;
			idx -= max;
		}
	}
	if (!lastref)
		return NULL;
	if (lastref->kind != FOLIO_FO_REPEATABLE_PAGE_MASTER_ALTERNATIVES)
		return find_master(L, folio_fo_str(lastref, FOLIO_PROP_MASTER_REFERENCE));
	for (const folio_fo *c = folio_fo_child(lastref, FOLIO_FO_CONDITIONAL_PAGE_MASTER_REFERENCE, NULL);
	     c; c = folio_fo_child(lastref, FOLIO_FO_CONDITIONAL_PAGE_MASTER_REFERENCE, c))
		if (conditions_match(c, pc))
			return find_master(L, folio_fo_str(c, FOLIO_PROP_MASTER_REFERENCE));
	const folio_fo *c = folio_fo_child(lastref, FOLIO_FO_CONDITIONAL_PAGE_MASTER_REFERENCE, NULL);
	return c ? find_master(L, folio_fo_str(c, FOLIO_PROP_MASTER_REFERENCE)) : NULL;
}

static const char *
roman(int n, bool upper, char *buf)
{
	static const struct { int v; const char *s; } r[] = {
		{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"},
		{90, "xc"}, {50, "l"}, {40, "xl"}, {10, "x"}, {9, "ix"}, {5, "v"},
		{4, "iv"}, {1, "i"}};
	buf[0] = 0;
	if (n <= 0 || n >= 5000) {
		sprintf(buf, "%d", n);
		return buf;
	}
	for (int i = 0; i < 13; i++)
		while (n >= r[i].v) {
			strcat(buf, r[i].s);
			n -= r[i].v;
		}
	if (upper)
		for (char *p = buf; *p; p++)
			*p = (char)(*p - 'a' + 'A');
	return buf;
}

const char *
format_page_number(layout *L, int n, const char *format)
{
	char buf[64];
	if (!strcmp(format, "i") || !strcmp(format, "I")) {
		roman(n, format[0] == 'I', buf);
	} else if ((!strcmp(format, "a") || !strcmp(format, "A")) && n > 0) {
		char tmp[16];
		int k = 0;
		for (int v = n; v > 0 && k < 15; v = (v - 1) / 26)
			tmp[k++] = (char)((format[0]) + (v - 1) % 26);
		for (int i = 0; i < k; i++)
			buf[i] = tmp[k - 1 - i];
		buf[k] = 0;
	} else {
		int width = 0;
		for (const char *f = format; *f == '0'; f++)
			width++;
		if (format[0] == '0' && format[width] == '1')
			width++;
		else
			width = 0;
		snprintf(buf, sizeof buf, "%0*d", width, n);
	}
	return folio_arena_strdup(L->arena, buf);
}

/* Finds where the page that starts at item i ends.  Returns the end of its
 * content (exclusive); *next is where the next page starts. */
typedef struct cut {
	int next;          /* where the next page starts */
	int force;         /* forced break kind that ended the page, or -1 */
	bool part;         /* a row (or row group) is cut at the page end */
	const folio_fo *broke;   /* content kept together was broken (its fo) */
	folio_area *part_areas;  /* the areas of its first part */
	folio_len part_h;  /* its height */
	folio_len part_y;  /* where it goes, from the top of the body */
} cut;

/* Cuts row j so that a part fills the rest of the page (from y on). */
static bool
try_row_split(layout *L, vitem *it, folio_len y, folio_len H, bool at_top, int j,
              cut *c, bool forced)
{
	/* a row kept together is still cut when it cannot fit on any page */
	bool splittable = it->row ? it->row->splittable : it->grp ? it->grp->splittable : false;
	if ((!it->row && !it->grp) || H - y <= 0 || L->trial ||
	    (!forced && !splittable && !(at_top && it->h > H)))
		return false;
	folio_len h1, h2;
	if (it->row) {
		rowbox *part = row_split(L, it->row, H - y, at_top, &h1, &h2);
		if (!part)
			return false;
		c->part_areas = row_areas(L, part, h1);
	} else {
		rowgroup *part = group_split(L, it->grp, H - y, at_top, &h1, &h2);
		if (!part)
			return false;
		c->part_areas = group_areas(L, part);
	}
	c->part = true;
	c->part_h = h1;
	c->part_y = y;
	c->next = j;
	it->h = h2;
	return true;
}

static folio_len
feet_height(const footnote *f)
{
	folio_len h = 0;
	for (; f; f = f->next)
		h += f->h;
	return h;
}

/* How much of each space's shrink a page needs so that items [from, to)
 * fit in avail: 0 when they fit as they are, at most 1. */
static double
shrink_ratio(vlist *v, int from, int to, folio_len avail)
{
	folio_len natural = vl_height(v, from, to);
	if (natural <= avail)
		return 0;
	/* only glue between boxes counts: trailing glue is not placed */
	folio_len shrink = 0, pending = 0;
	bool started = false;
	for (int k = from; k < to; k++) {
		if (v->items[k].kind == V_BOX) {
			if (started)
				shrink += pending;
			pending = 0;
			started = true;
		} else if (v->items[k].kind == V_GLUE && started) {
			pending += v->items[k].shrink;
		}
	}
	if (shrink <= 0)
		return 0;
	double r = (double)(natural - avail) / shrink;
	return r > 1 ? 1 : r;
}

/* Height of the first box of the first footnote of a list. */
static folio_len
first_line(const footnote *f)
{
	for (int k = f ? f->from : 0; f && k < f->v->n; k++)
		if (f->v->items[k].kind == V_BOX)
			return f->v->items[k].h;
	return 0;
}

static int
fit_page(layout *L, vlist *v, int i, folio_len H, folio_len sep_h, cut *c)
{
	folio_len y = 0, foot = L->carry ? feet_height(L->carry) + sep_h : 0;
	int best = -1;         /* the last free break (cost 0) */
	folio_len best_y = 0, best_foot = 0;  /* y (spaces at their minimum) and
	                                         footnotes at that break */
	int cheap = -1;        /* the least costly kept break, the later if equal */
	bool started = false;
	folio_len shrink = 0;  /* how much the glue so far on the page can give */
	memset(c, 0, sizeof *c);
	c->force = -1;
	int *next = &c->next, *force = &c->force;
	for (int j = i; j < v->n; j++) {
		vitem *it = &v->items[j];
		if (!started && it->kind != V_BOX) {
			/* discarded at the top of a page, unless retained */
			if (it->kind == V_GLUE && it->retain)
				y += it->h;
			continue;
		}
		if (it->kind == V_BOX) {
			folio_len fh = feet_height(it->feet);
			folio_len extra = fh ? fh + (foot ? 0 : sep_h) : 0;
			/* a body row needs room for its table's repeated footer */
			folio_len tf = it->table && it->table->footer && !it->is_header &&
			               !it->is_footer ? it->table->footer_h : 0;
			extra += tf;
			folio_len ys = y - shrink;  /* y with every space at its minimum */
			folio_len fh_row;
			int fkind;
			/* a forced break inside a cell cuts the row there */
			if (((it->row && row_forced(it->row, &fh_row, &fkind)) ||
			     (it->grp && group_forced(it->grp, &fh_row, &fkind))) &&
			    ys + fh_row + foot + extra <= H &&
			    try_row_split(L, it, ys, ys + fh_row, !started, j, c, true)) {
				c->force = fkind;
				return j;
			}
			if (ys + it->h + foot + extra > H &&
			    try_row_split(L, it, ys, H - foot - extra, !started, j, c, false))
				return j;
			/* the box fits but not all of its footnotes: it stays, its
			 * first footnote starts here and continues on the next page */
			if (fh && started && ys + it->h + foot + extra > H &&
			    ys + it->h + foot + (foot ? 0 : sep_h) + first_line(it->feet) <= H &&
			    (j + 1 >= v->n || (v->items[j + 1].kind != V_BOX &&
			                       v->items[j + 1].pen < PEN_INF))) {
				*next = j + 1;
				return j + 1;
			}
			if (started && ys + it->h + foot + extra > H) {
				/* rows kept together with what follows them (no free
				 * break after the last free one): the first of them is
				 * cut to fill the page rather than leaving it short, as
				 * FOP does -- the keeps are between rows, not inside */
				/* (the row may come after boxes glued to it, such as
				 * its table's top border) */
				int b = best + 1;
				folio_len yb = best_y;
				if (best >= 0 && v->items[best].kind == V_GLUE)
					yb += v->items[best].h;
				while (best >= 0 && b < j && !v->items[b].row && !v->items[b].grp &&
				       (v->items[b].kind != V_BOX || !v->items[b].feet) &&
				       (v->items[b].kind == V_BOX || v->items[b].pen >= PEN_INF ||
				        v->items[b].kind == V_GLUE)) {
					if (v->items[b].kind != V_PENALTY)
						yb += v->items[b].h;
					b++;
				}
				if (best >= 0 && b < j && (v->items[b].row || v->items[b].grp) &&
				    !L->trial) {
					vitem *rb = &v->items[b];
					folio_len rtf = rb->table && rb->table->footer && !rb->is_header &&
					                !rb->is_footer ? rb->table->footer_h : 0;
					/* (strictly inside it: its end is kept with what
					 * follows) */
					folio_len lim = H - best_foot - rtf;
					if (yb + rb->h <= lim)
						lim = yb + rb->h - 1;
					if (!feet_height(rb->feet) &&
					    try_row_split(L, rb, yb, lim, false, b, c, false))
						return b;
				}
				if (best >= 0) {
					*next = best + 1;
					return best;
				}
				if (cheap >= 0) {   /* break the weakest keep */
					*next = cheap + 1;
					return cheap;
				}
				c->broke = it->fo;   /* reported by the caller */
				*next = j;
				return j;
			}
			if (!started && it->h > H && !L->trial)
				folio_fo_diag(L->d, L->doc, it->fo, FOLIO_WARNING, "overflow",
				              "content is taller than the page body and overflows it");
			y += it->h;
			foot += extra - tf;
			started = true;
		} else if (it->kind == V_GLUE) {
			if (it->pen == 0) {
				best = j;
				best_y = y - shrink;
				best_foot = foot;
			} else if (it->pen < PEN_INF &&
			           (cheap < 0 || it->pen <= v->items[cheap].pen)) {
				cheap = j;
			}
			shrink += it->shrink;
			y += it->h;
		} else if (it->pen <= PEN_FORCE) {
			*force = it->force;
			*next = j + 1;
			return j;
		} else if (it->pen == 0) {
			best = j;
			best_y = y - shrink;
			best_foot = foot;
		} else if (it->pen < PEN_INF &&
		           (cheap < 0 || it->pen <= v->items[cheap].pen)) {
			cheap = j;
		}
	}
	*next = v->n;
	return v->n;
}

static bool
has_boxes(vlist *v, int from, int to)
{
	for (int i = from; i < to; i++)
		if (v->items[i].kind == V_BOX)
			return true;
	return false;
}

static void
place_static(layout *L, const folio_fo *ps, const char *name, folio_area *page,
             folio_len x, folio_len y, folio_len w, folio_len h)
{
	if (!name)
		return;
	for (const folio_fo *sc = folio_fo_child(ps, FOLIO_FO_STATIC_CONTENT, NULL); sc;
	     sc = folio_fo_child(ps, FOLIO_FO_STATIC_CONTENT, sc)) {
		if (strcmp(folio_fo_str(sc, FOLIO_PROP_FLOW_NAME), name))
			continue;
		folio_area *r = area_new(L, FOLIO_AREA_REGION, sc);
		r->region_name = !strcmp(name, "xsl-region-after") ? "xsl-region-after"
		               : !strcmp(name, "xsl-region-before") ? "xsl-region-before"
		               : !strcmp(name, "xsl-region-start") ? "xsl-region-start"
		               : !strcmp(name, "xsl-region-end") ? "xsl-region-end"
		                                                    : "static";
		r->x = x;
		r->y = y;
		r->w = w;
		r->h = h;
		vlist v = {0};
		emitter E = {.L = L, .out = &v, .ref_w = w};
		lay_children(&E, sc, (blockgeo){0, 0, true});
		vl_place(L, &v, 0, v.n, x, y, r);
		vl_free(&v);
		area_append(page, r);
		return;
	}
}

static const folio_fo *
static_content(const folio_fo *ps, const char *name)
{
	for (const folio_fo *sc = folio_fo_child(ps, FOLIO_FO_STATIC_CONTENT, NULL); sc;
	     sc = folio_fo_child(ps, FOLIO_FO_STATIC_CONTENT, sc))
		if (!strcmp(folio_fo_str(sc, FOLIO_PROP_FLOW_NAME), name))
			return sc;
	return NULL;
}

static folio_len
separator_height(layout *L, const folio_fo *ps, folio_len w)
{
	const folio_fo *sc = static_content(ps, "xsl-footnote-separator");
	if (!sc)
		return 0;
	vlist v = {0};
	emitter E = {.L = L, .out = &v, .ref_w = w};
	lay_children(&E, sc, (blockgeo){0, 0, true});
	folio_len h = vl_height(&v, 0, v.n);
	vl_free(&v);
	return h;
}

/* Footnote bodies at the bottom of the body region, under the separator,
 * in at most `room` of height: what does not fit (the rest of a footnote
 * cut at a legal break, and the footnotes after it) becomes L->carry. */
static void
place_feet(layout *L, const folio_fo *ps, footnote *feet, folio_len sep_h,
           const master *pm, folio_area *body, folio_len room)
{
	/* decide what goes on this page */
	folio_len used = 0;
	footnote *f = feet, *carry = NULL;
	int cut_at = -1;
	for (; f; f = f->next) {
		if (used + f->h <= room - sep_h)
			used += f->h;
		else
			break;
	}
	if (f) {
		int n = f->v->n;
		int k = vl_break_within(f->v, f->from, n, room - sep_h - used);
		if (k <= f->from && !used)   /* nothing fits at all: place one box */
			for (k = f->from; k < n && f->v->items[k].kind != V_BOX; k++)
				;
		if (k > f->from && k <= n) {
			cut_at = k;
			used += vl_height(f->v, f->from, k);
		}
		carry = f;
	}
	folio_len y = pm->by + pm->bh - used - sep_h;
	const folio_fo *sc = static_content(ps, "xsl-footnote-separator");
	if (sc && used > 0) {
		vlist v = {0};
		emitter E = {.L = L, .out = &v, .ref_w = pm->bw};
		lay_children(&E, sc, (blockgeo){0, 0, true});
		vl_place(L, &v, 0, v.n, pm->bx, y, body);
		vl_free(&v);
	}
	y += sep_h;
	for (footnote *g = feet; g && g != carry; g = g->next) {
		vl_place(L, g->v, g->from, g->v->n, pm->bx, y, body);
		y += g->h;
	}
	if (carry && cut_at > carry->from) {
		vl_place(L, carry->v, carry->from, cut_at, pm->bx, y, body);
		carry->from = cut_at;
		carry->h = vl_height(carry->v, cut_at, carry->v->n);
		if (carry->h == 0)
			carry = carry->next;
	}
	L->carry = carry;
}

/* One column of a page: items [from, end), a row cut at its end. */
typedef struct colfit {
	int from, end;
	cut ct;
	tblinfo *rep;      /* table whose header is repeated at its top */
	folio_len top;     /* height of that header */
} colfit;

/* Whether some page master has a region-body the flow can go to: only
 * then are pages whose body has another name left empty (the flow waits
 * for a page it maps to, as FOP does). */
static bool
flow_mappable(layout *L, const char *flow_name)
{
	const folio_fo *lms = folio_fo_child(L->doc->root, FOLIO_FO_LAYOUT_MASTER_SET, NULL);
	for (const folio_fo *m = lms ? lms->first : NULL; m; m = m->next) {
		if (m->kind != FOLIO_FO_SIMPLE_PAGE_MASTER)
			continue;
		const folio_fo *rb = folio_fo_child(m, FOLIO_FO_REGION_BODY, NULL);
		const char *n = rb && *folio_fo_str(rb, FOLIO_PROP_REGION_NAME)
		    ? folio_fo_str(rb, FOLIO_PROP_REGION_NAME) : "xsl-region-body";
		if (rb && !strcmp(n, flow_name))
			return true;
	}
	return false;
}

/* A table broken across pages (or columns) gets its header again. */
static tblinfo *
repeated_header(vlist *v, int i, const vitem *prev_box)
{
	int first_box = i;
	while (first_box < v->n && v->items[first_box].kind != V_BOX)
		first_box++;
	if (first_box < v->n && prev_box && v->items[first_box].table &&
	    v->items[first_box].table == prev_box->table &&
	    !v->items[first_box].is_header && v->items[first_box].table->header &&
	    !v->items[first_box].table->omit_at_break)
		return v->items[first_box].table;
	return NULL;
}

/* Height of what is kept together from item i on: up to the first break
 * that a keep does not forbid. */
static folio_len
kept_height(vlist *v, int i)
{
	bool started = false;
	for (int k = i; k < v->n; k++) {
		const vitem *it = &v->items[k];
		if (it->kind == V_BOX)
			started = true;
		else if (started && it->pen < PEN_INF)
			return vl_height(v, i, k);
	}
	return vl_height(v, i, v->n);
}

/* Fits the columns of one page from item i on; returns how many. */
static int
fit_columns(layout *L, vlist *v, int i, const master *pm, const vitem **prev_box,
            folio_len sep_h, colfit *cf, int *force)
{
	int ncols = 0;
	*force = -1;
	while (ncols < pm->cols && ncols < 32) {
		colfit *c = &cf[ncols++];
		c->from = i;
		c->rep = repeated_header(v, i, *prev_box);
		c->top = c->rep ? c->rep->header_h : 0;
		c->end = fit_page(L, v, i, pm->bh - c->top, sep_h, &c->ct);
		*force = c->ct.force;
		if (c->end > c->from || c->ct.part)
			for (int k = c->from; k <= c->end && k < v->n; k++)
				if (v->items[k].kind == V_BOX && (k < c->end || c->ct.part))
					*prev_box = &v->items[k];
		i = c->ct.next;
		if (!has_boxes(v, i, v->n) || (*force >= 0 && *force != 3))
			break;
	}
	return ncols;
}

/* Whether all the rest of the flow, from start, fits one page on master
 * spm (tried without cutting anything); if so the page takes it: *pm, the
 * columns and what follows are set from that try. */
static bool
rest_fits(layout *L, vlist *v, int start, const folio_fo *spm, const vitem *prev0,
          folio_len sep_h, master *pm, colfit *cf, int *ncols, int *next, int *force,
          const vitem **prev_box)
{
	master om;
	master_geometry(spm, &om);
	colfit c2[32];
	int f2 = -1;
	const vitem *prev2 = prev0;
	L->trial = true;
	int n2 = fit_columns(L, v, start, &om, &prev2, sep_h, c2, &f2);
	L->trial = false;
	int i2 = c2[n2 - 1].ct.next;
	if (c2[n2 - 1].ct.part || has_boxes(v, i2, v->n))
		return false;
	*pm = om;
	memcpy(cf, c2, sizeof c2);
	*ncols = n2;
	*next = i2;
	*force = f2;
	*prev_box = prev2;
	return true;
}

typedef struct pagelist {
	folio_area **pages;
	size_t n, cap;
} pagelist;

static folio_area *
new_page(layout *L, pagelist *pl, const folio_fo *ps, const master *m, int number,
         const char *format)
{
	folio_area *page = area_new(L, FOLIO_AREA_PAGE, m->spm);
	page->w = m->pw;
	page->h = m->ph;
	page->page_number = number;
	page->page_label = format_page_number(L, number, format);
	L->page_label = page->page_label;
	place_static(L, ps, m->before_name, page, m->before_x, m->before_y,
	             m->before_w, m->before_h);
	place_static(L, ps, m->after_name, page, m->after_x, m->after_y,
	             m->after_w, m->after_h);
	place_static(L, ps, m->start_name, page, m->ax, m->side_y, m->start_w, m->side_h);
	place_static(L, ps, m->end_name, page, m->ax + m->aw - m->end_w, m->side_y,
	             m->end_w, m->side_h);
	L->page_label = NULL;
	folio_area *body = area_new(L, FOLIO_AREA_REGION, m->spm);
	body->region_name = "xsl-region-body";
	body->x = m->bx;
	body->y = m->by;
	body->w = m->bw;
	body->h = m->bh;
	area_append(page, body);
	if (pl->n == pl->cap) {
		pl->cap = pl->cap ? 2 * pl->cap : 16;
		pl->pages = folio_realloc_array(pl->pages, pl->cap, sizeof *pl->pages);
	}
	pl->pages[pl->n++] = page;
	return body;
}

/* Whether force-page-count adds a blank page after a sequence of pages
 * pages ending on number last_number. */
static bool
count_adds(const char *fpc, int pages, int last_number)
{
	return (!strcmp(fpc, "even") && pages % 2) ||
	       (!strcmp(fpc, "odd") && pages % 2 == 0) ||
	       (!strcmp(fpc, "end-on-even") && last_number % 2) ||
	       (!strcmp(fpc, "end-on-odd") && last_number % 2 == 0);
}

/* A page with only its static content (a blank page, or one the flow does
 * not reach), its master chosen for pc; the flow stands at item at.
 * Returns its label. */
static const char *
empty_page(layout *L, pagelist *pl, const folio_fo *ps, const folio_fo *m,
           const folio_fo *spm, pagectx pc, int at, const char *format)
{
	const folio_fo *sel = select_master(L, m, &pc);
	master g;
	master_geometry(sel ? sel : spm, &g);
	L->page_from = L->page_to = at;
	L->page_cont_start = L->page_cut_end = false;
	new_page(L, pl, ps, &g, pc.number, format);
	return pl->pages[pl->n - 1]->page_label;
}

/* force-page-count, with "auto" resolved from the next sequence's
 * initial-page-number. */
static const char *
forced_count(const folio_fo *ps)
{
	const char *f = folio_fo_kw(ps, FOLIO_PROP_FORCE_PAGE_COUNT);
	if (strcmp(f, "auto"))
		return f;
	const folio_fo *next = ps->next;
	while (next && next->kind != FOLIO_FO_PAGE_SEQUENCE)
		next = next->next;
	if (!next)
		return "no-force";
	folio_value ipn = folio_fo_get(next, FOLIO_PROP_INITIAL_PAGE_NUMBER);
	int n = ipn.kind == FOLIO_V_NUM ? (int)ipn.num
	      : (ipn.kind == FOLIO_V_KW && ipn.str[0] >= '0' && ipn.str[0] <= '9') ? atoi(ipn.str)
	                                                                            : 0;
	if (n > 0)
		return n % 2 ? "end-on-even" : "end-on-odd";
	if (ipn.kind == FOLIO_V_KW && !strcmp(ipn.str, "auto-odd"))
		return "end-on-even";
	if (ipn.kind == FOLIO_V_KW && !strcmp(ipn.str, "auto-even"))
		return "end-on-odd";
	return "no-force";
}

/* Lays out one page-sequence, appending its pages; returns the number of
 * the last page. */
static int
lay_sequence(layout *L, const folio_fo *ps, int number, pagelist *pl)
{
	const char *mref = folio_fo_str(ps, FOLIO_PROP_MASTER_REFERENCE);
	const folio_fo *m = find_master(L, mref);
	if (!m) {
		folio_fo_diag(L->d, L->doc, ps, FOLIO_ERROR, "fo-master",
		              "no page master named \"%s\"", mref);
		return number - 1;
	}
	const char *format = folio_fo_str(ps, FOLIO_PROP_FORMAT);
	pagectx pc = {0, number, false, false};
	const folio_fo *spm = select_master(L, m, &pc);
	if (!spm) {
		folio_fo_diag(L->d, L->doc, ps, FOLIO_ERROR, "fo-master",
		              "page master \"%s\" selects no simple-page-master", mref);
		return number - 1;
	}
	/* the flow is set at the width of the first page that takes it (a
	 * first page for another flow, a cover, does not count) */
	master first;
	master_geometry(spm, &first);
	const folio_fo *fl = folio_fo_child(ps, FOLIO_FO_FLOW, NULL);
	const char *fname = fl ? folio_fo_str(fl, FOLIO_PROP_FLOW_NAME) : "";
	for (int k = 1; k < 8 && fl && strcmp(first.body_name, fname); k++) {
		pagectx kc = {k, number + k, false, false};
		const folio_fo *ks = select_master(L, m, &kc);
		master km;
		master_geometry(ks ? ks : spm, &km);
		if (!strcmp(km.body_name, fname))
			first = km;
	}

	L->body_w = first.bw;
	folio_len sep_h = separator_height(L, ps, first.bw);
	vlist v = {0};
	emitter E = {.L = L, .out = &v, .ref_w = first.cw};
	L->flow = &v;
	L->nmarks = 0;
	L->carry = NULL;
	const folio_fo *flow = folio_fo_child(ps, FOLIO_FO_FLOW, NULL);
	if (flow) {
		/* markers directly in the flow (FOP takes them): they belong to
		 * all of it */
		for (const folio_fo *mk = folio_fo_child(flow, FOLIO_FO_MARKER, NULL); mk;
		     mk = folio_fo_child(flow, FOLIO_FO_MARKER, mk))
			marks_add(L, mk, &v, 0);
		shadow_start(L, &E, flow, (blockgeo){0, 0, true});
		lay_children(&E, flow, (blockgeo){0, 0, true});
		shadow_finish(L);
		for (int k = 0; k < L->nmarks; k++)
			if (L->marks[k].v == &v && L->marks[k].end == -1 &&
			    L->marks[k].marker->parent == flow)
				L->marks[k].end = v.n;
	}

	bool last_after = false;   /* an empty last page follows the flow */
	const char *flow_name = flow ? folio_fo_str(flow, FOLIO_PROP_FLOW_NAME) : "";
	bool mappable = flow && flow_mappable(L, flow_name);
	int unmapped = 0;   /* consecutive pages whose body is not the flow's */
	int i = 0, index = 0, pending_force = -1;
	int stalled = 0;   /* pages in a row that did not get past item i */
	const vitem *prev_box = NULL;
	bool cont = false;   /* the last page ended inside a cut row */
	const char *first_label = NULL, *last_label = NULL;
	do {
		if (index >= FOLIO_LIMIT_PAGES) {
			folio_fo_diag(L->d, L->doc, ps, FOLIO_ERROR, "limit",
			              "more than %d pages", FOLIO_LIMIT_PAGES);
			break;
		}
		/* odd-page / even-page breaks may need a blank page first */
		if ((pending_force == 1 || pending_force == 2) &&
		    (number % 2 == 1) != (pending_force == 1)) {
			empty_page(L, pl, ps, m, spm, (pagectx){index, number, false, true}, i, format);
			index++;
			number++;
		}
		pc = (pagectx){index, number, false, false};
		const folio_fo *sel = select_master(L, m, &pc);
		master pm;
		master_geometry(sel ? sel : spm, &pm);
		if (mappable && strcmp(flow_name, pm.body_name)) {
			if (++unmapped <= 64) {
				/* a page for another flow: only its static content */
				L->page_from = L->page_to = i;
				L->page_cont_start = L->page_cut_end = false;
				new_page(L, pl, ps, &pm, number, format);
				if (!first_label)
					first_label = pl->pages[pl->n - 1]->page_label;
				last_label = pl->pages[pl->n - 1]->page_label;
				index++;
				number++;
				continue;
			}
			folio_fo_diag(L->d, L->doc, flow, FOLIO_WARNING, "fo-master",
			              "no page of this sequence has a region-body named \"%s\"; "
			              "the flow is placed on the next page anyway", flow_name);
		}
		unmapped = 0;
		if (pm.cw != first.cw && !L->warned_width) {
			L->warned_width = 1;
			folio_fo_diag(L->d, L->doc, ps, FOLIO_WARNING, "fo-master",
			              "pages of this sequence have body regions of different "
			              "widths; the flow is set at the width of the first page");
		}
		/* fit every column of the page first (markers see the whole page) */
		colfit cf[32];
		int start = i, force = -1;
		/* what is left of a row cut at the last page end (see below) */
		folio_len start_h = i < v.n ? v.items[i].h : 0;
		const vitem *prev0 = prev_box;
		int ncols = fit_columns(L, &v, i, &pm, &prev_box, sep_h, cf, &force);
		i = cf[ncols - 1].ct.next;
		if (ncols == 1 && cf[0].ct.broke && !cf[0].ct.part && pc.index < FOLIO_LIMIT_PAGES) {
			/* content kept together from the top of this page does not fit
			 * it but fits the next, taller page: this page stays empty (as
			 * FOP does); else the keep is broken, with a warning */
			folio_len kept = kept_height(&v, start);
			pagectx nc = {index + 1, number + 1, false, false};
			const folio_fo *ns = select_master(L, m, &nc);
			master nm;
			master_geometry(ns ? ns : spm, &nm);
			if (nm.bh > pm.bh && kept <= nm.bh && kept > pm.bh - cf[0].top) {
				cf[0].end = start;
				cf[0].ct.next = start;
				i = start;
				force = -1;
				prev_box = prev0;
				cf[0].ct.broke = NULL;
			}
		}
		for (int c = 0; c < ncols; c++)
			if (cf[c].ct.broke)
				folio_fo_diag(L->d, L->doc, cf[c].ct.broke, FOLIO_WARNING, "keep",
				              "content kept together does not fit on one page; "
				              "broken anyway");
		bool finished = !cf[ncols - 1].ct.part && !has_boxes(&v, i, v.n);
		if (!finished && index == 0 && has_position_only(m) &&
		    !count_adds(forced_count(ps), 1, number)) {
			/* FOP sets the first page on the page-position="only" master
			 * first: when the whole flow fits it, that is the one page */
			pagectx oc = {0, number, true, false};
			const folio_fo *os = select_master(L, m, &oc);
			if (os && os != sel && rest_fits(L, &v, start, os, prev0, sep_h, &pm, cf,
			                                 &ncols, &i, &force, &prev_box)) {
				sel = os;
				finished = true;
			}
		}
		if (finished && !count_adds(forced_count(ps), index + 1, number)) {
			/* the last page: a master for page-position="last" may differ
			 * (unless force-page-count adds a blank page after it).  When
			 * the rest does not fit that master, the page keeps its own and
			 * a last page follows, empty but for its static content (what
			 * FOP does). */
			pagectx lc = {index, number, true, false};
			const folio_fo *ls = select_master(L, m, &lc);
			if (ls && ls != sel) {
				if (!rest_fits(L, &v, start, ls, prev0, sep_h, &pm, cf, &ncols, &i,
				               &force, &prev_box)) {
					/* (only when that following page would get another
					 * master than this one, as in FOP) */
					pagectx nc = {index + 1, number + 1, true, false};
					const folio_fo *ns = select_master(L, m, &nc);
					last_after = ns && ns != sel;
				}
			}
		}
		L->page_from = start;
		L->page_to = cf[ncols - 1].ct.part ? cf[ncols - 1].end + 1 : cf[ncols - 1].end;
		L->page_cont_start = cont;
		L->page_cut_end = cont = cf[ncols - 1].ct.part;
		folio_area *body = new_page(L, pl, ps, &pm, number, format);
		const char *label = pl->pages[pl->n - 1]->page_label;
		if (!first_label)
			first_label = label;
		last_label = label;
		footnote *feet = L->carry;
		L->carry = NULL;
		folio_len flow_h = 0;
		for (int c = 0; c < ncols; c++) {
			folio_len x = pm.bx + c * (pm.cw + pm.gap);
			if (cf[c].rep) {
				folio_area *again = table_part_again(L, cf[c].rep, false, label);
				if (again)
					area_adopt(body, again, x, pm.by);
				else
					for (const folio_area *a = cf[c].rep->header; a; a = a->next)
						area_adopt(body, area_clone(L, a), x, pm.by);
			}
			L->shrink_ratio = shrink_ratio(&v, cf[c].from, cf[c].end, pm.bh - cf[c].top);
			if (cf[c].ct.part) {
				L->tail = cf[c].ct.part_areas;
				L->tail_h = cf[c].ct.part_h;
			}
			folio_len h = cf[c].top + vl_place(L, &v, cf[c].from, cf[c].end, x,
			                                   pm.by + cf[c].top, body);
			L->shrink_ratio = 0;
			for (int k = cf[c].from; k < cf[c].end; k++)
				if (v.items[k].kind == V_BOX)
					v.items[k].page_label = label;
			feet_collect(&v, cf[c].from, cf[c].end, &feet);
			if (cf[c].ct.part)
				feet_collect(&v, cf[c].end, cf[c].end + 1, &feet);
			/* a table continuing on the next page gets its footer */
			const vitem *lastb = NULL;
			for (int k = cf[c].end - 1 + (cf[c].ct.part ? 1 : 0); k >= cf[c].from; k--)
				if (k < v.n && v.items[k].kind == V_BOX) {
					lastb = &v.items[k];
					break;
				}
			if (lastb && lastb->table && lastb->table->footer && !lastb->is_footer &&
			    !lastb->is_header) {
				folio_area *again = table_part_again(L, lastb->table, true, label);
				if (again)
					area_adopt(body, again, x, pm.by + h);
				else
					for (const folio_area *a = lastb->table->footer; a; a = a->next)
						area_adopt(body, area_clone(L, a), x, pm.by + h);
				h += lastb->table->footer_h;
			}
			if (h > flow_h)
				flow_h = h;
		}
		if (feet)
			place_feet(L, ps, feet, sep_h, &pm, body, pm.bh - flow_h);
		int next = i;
		pending_force = force;
		i = next;
		index++;
		number++;
		/* no-progress detector: a bug or an input that makes pagination
		 * stand still ends here, not in an endless loop of pages.  A row
		 * cut over pages stays at item i, but what is left of it gets
		 * shorter: that is progress (a table cell of 1,100 pages is a
		 * document, not a loop) */
		bool moved = i != start || (i < v.n && v.items[i].h < start_h);
		stalled = moved ? 0 : stalled + 1;
		if (stalled >= FOLIO_LIMIT_STALL_PAGES) {
			folio_fo_diag(L->d, L->doc, ps, FOLIO_ERROR, "limit",
			              "pagination made no progress over %d pages; stopped",
			              FOLIO_LIMIT_STALL_PAGES);
			break;
		}
	} while (i < v.n && has_boxes(&v, i, v.n));
	/* footnotes that still continue get pages of their own */
	for (int guard = 0; L->carry && guard < 1000; guard++) {
		pc = (pagectx){index, number, true, false};
		const folio_fo *fs = select_master(L, m, &pc);
		master fm;
		master_geometry(fs ? fs : spm, &fm);
		L->page_from = L->page_to = v.n;
		folio_area *body = new_page(L, pl, ps, &fm, number, format);
		last_label = pl->pages[pl->n - 1]->page_label;
		footnote *feet = L->carry;
		L->carry = NULL;
		place_feet(L, ps, feet, sep_h, &fm, body, fm.bh);
		index++;
		number++;
	}
	L->carry = NULL;
	if (last_after && index < FOLIO_LIMIT_PAGES) {
		last_label = empty_page(L, pl, ps, m, spm, (pagectx){index, number, true, false},
		                        v.n, format);
		index++;
		number++;
	}
	/* force-page-count: blank pages at the end */
	if (count_adds(forced_count(ps), index, number - 1)) {
		last_label = empty_page(L, pl, ps, m, spm, (pagectx){index, number, true, true},
		                        v.n, format);
		number++;
	}
	refs_resolve(L, &v);
	marks_sequence_end(L);
	L->flow = NULL;
	const char *psid = folio_fo_str(ps, FOLIO_PROP_ID);
	if (*psid)
		refs_page_sequence(L, psid, first_label, last_label);
	vl_free(&v);
	return number - 1;
}

/* One pass over every page-sequence into t (whose arena is fresh). */
static void
lay_document(layout *L, pagelist *pl)
{
	int number = 1;
	L->ndocmarks = 0;
	for (const folio_fo *ps = L->doc->root->first; ps; ps = ps->next) {
		if (ps->kind != FOLIO_FO_PAGE_SEQUENCE)
			continue;
		folio_value ipn = folio_fo_get(ps, FOLIO_PROP_INITIAL_PAGE_NUMBER);
		if (ipn.kind == FOLIO_V_NUM)
			number = (int)ipn.num;
		else if (ipn.kind == FOLIO_V_KW && ipn.str[0] >= '0' && ipn.str[0] <= '9')
			number = atoi(ipn.str);
		else if (ipn.kind == FOLIO_V_KW && !strcmp(ipn.str, "auto-odd") && number % 2 == 0)
			number++;
		else if (ipn.kind == FOLIO_V_KW && !strcmp(ipn.str, "auto-even") && number % 2 == 1)
			number++;
		number = lay_sequence(L, ps, number, pl) + 1;
	}
	/* an id on fo:root stands for the whole document */
	const char *rid = folio_fo_str(L->doc->root, FOLIO_PROP_ID);
	if (*rid && pl->n)
		refs_page_sequence(L, rid, pl->pages[0]->page_label,
		                   pl->pages[pl->n - 1]->page_label);
}

folio_area_tree *
folio_layout_run(folio_diags *d, const folio_fo_doc *doc)
{
	layout L = {.d = d, .doc = doc};
	size_t errors0 = d->errors;
	if (!fonts_init(&L)) {
		if (d->errors == errors0)   /* (no fonts at all: said already) */
			folio_diags_add(d, FOLIO_ERROR, "font", doc->fo_file, 0, 0,
			                "cannot open the font system (fontconfig)");
		return NULL;
	}
	folio_area_tree *t = NULL;
	pagelist pl = {0};
	size_t before = d->errors;
	folio_diags_mark mark = folio_diags_save(d);
	/* Citations and page numbers in the flow are set with the numbers the
	 * previous pass found; repeat until they no longer change. */
	bool unsettled = false;
	for (int pass = 0; pass < FOLIO_REF_PASSES; pass++) {
		if (t) {
			folio_area_tree_free(t);
			folio_diags_restore(d, mark);
		}
		t = folio_calloc(1, sizeof *t);
		t->arena = folio_arena_new();
		L.arena = t->arena;
		L.used_refs = false;
		L.sites = 0;
		L.warned_width = 0;
		L.warned_refs = 0;
		L.threads = 1;
		L.paras = L.beside = 0;
		pl.n = 0;
		lay_document(&L, &pl);
		bool changed = refs_next_pass(&L);
		if (!L.used_refs || !changed)
			break;
		unsettled = pass == FOLIO_REF_PASSES - 1;
	}
	/* citations whose numbers move the pages they cite (a cycle) keep the
	 * last pass's numbers: said, not hidden */
	if (unsettled)
		folio_diags_add(d, FOLIO_WARNING, "refs", doc->fo_file, doc->root->line, 1,
		                "page numbers still changed after %d layout passes "
		                "(citations that move what they cite); the last "
		                "pass's numbers are used", FOLIO_REF_PASSES);
	refs_free_prev(&L);
	free(L.refs);
	free(L.marks);
	free(L.docmarks);
	if (pl.n == 0 && d->errors == before)
		folio_diags_add(d, FOLIO_ERROR, "fo-empty", doc->fo_file, doc->root->line, 1,
		                "the document has no fo:page-sequence, so no pages");
	t->pages = folio_arena_alloc(t->arena, (pl.n + 1) * sizeof *t->pages);
	if (pl.n)   /* pl.pages is NULL when there are none: memcpy's UB */
		memcpy(t->pages, pl.pages, pl.n * sizeof *t->pages);
	t->npages = pl.n;
	t->threads = L.threads;
	t->paras = L.paras;
	t->paras_beside = L.beside;
	free(pl.pages);
	t->fontmap = g_object_ref(L.fontmap);
	fonts_done(&L);
	g_object_unref(L.fontmap);
	if (d->errors > before || t->npages == 0) {
		folio_area_tree_free(t);
		return NULL;
	}
	return t;
}

void
folio_area_tree_free(folio_area_tree *t)
{
	if (!t)
		return;
	folio_arena_free(t->arena);
	if (t->fontmap)
		g_object_unref(t->fontmap);
	free(t);
}
