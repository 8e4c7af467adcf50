/*
 * vlist.c -- the vertical list: emitting boxes, glue and penalties with
 * space resolution and keeps, and placing a run of items as areas.
 */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

vitem *
vl_push(vlist *v, vkind kind)
{
	if (v->n == v->cap) {
		v->cap = v->cap ? v->cap * 2 : 4;
		v->items = folio_realloc_array(v->items, (size_t)v->cap, sizeof *v->items);
	}
	vitem *it = &v->items[v->n++];
	memset(it, 0, sizeof *it);
	it->kind = kind;
	return it;
}

void
vl_free(vlist *v)
{
	free(v->items);
	v->items = NULL;
	v->n = v->cap = 0;
}

static bool
last_is_box(const emitter *E)
{
	return E->out->n > 0 && E->out->items[E->out->n - 1].kind == V_BOX;
}

int
keep_cost(int strength)
{
	if (strength <= 0)
		return 0;
	if (strength == INT_MAX)
		return PEN_INF;
	return PEN_KEEP + (strength < 8000 ? strength : 8000);
}

void
keep_begin(emitter *E, int cost)
{
	if (E->nkeeps < 32) {
		E->kstart[E->nkeeps] = E->out->n + 1;
		E->kcost[E->nkeeps] = cost;
	}
	E->nkeeps++;
}

void
keep_end(emitter *E)
{
	if (E->nkeeps > 0)
		E->nkeeps--;
}

bool
in_keep(const emitter *E)
{
	return E->nkeeps > 0;
}

/* What a break opportunity placed now costs: the strongest keep that has
 * a box on both sides of it. */
static int
kept(const emitter *E)
{
	int cost = E->keep_next;
	int n = E->nkeeps < 32 ? E->nkeeps : 32;
	for (int i = 0; i < n; i++)
		if (E->last_box >= E->kstart[i] && E->kcost[i] > cost)
			cost = E->kcost[i];
	return cost;
}

void
em_flush_space(emitter *E)
{
	if (!E->have_space)
		return;
	E->have_space = false;
	folio_len s = E->space;
	folio_len min = E->space_min > 0 ? E->space_min : 0;
	bool retain = E->space_retain;
	E->space = 0;
	E->space_retain = false;
	if (s <= 0)
		return;
	/* a glue is a break opportunity only after a box (decide before the
	 * glue itself becomes the last item) */
	int pen = last_is_box(E) ? kept(E) : PEN_INF;
	vitem *it = vl_push(E->out, V_GLUE);
	it->h = s;
	it->pen = pen;
	it->retain = retain;
	it->shrink = s - min;
}

void
em_box(emitter *E, folio_len h, folio_area *areas, const folio_fo *fo)
{
	em_flush_space(E);
	if (last_is_box(E))
		em_penalty(E, 0);
	int idx = E->out->n;
	vitem *it = vl_push(E->out, V_BOX);
	E->last_box = idx + 1;
	it->h = h;
	it->areas = areas;
	it->deco = E->deco;
	it->table = E->table;
	it->is_header = E->row_header;
	it->is_footer = E->row_footer;
	it->fo = fo;
	if (E->L->nrefs)
		refs_box_emitted(E->L, E->out, idx);
	if (E->L->nmarks)
		marks_box_emitted(E->L, E->out, idx);
	if (E->L->pending_feet) {
		it->feet = E->L->pending_feet;
		E->L->pending_feet = NULL;
	}
	for (deco *d = E->deco; d; d = d->parent) {
		if (d->first_box < 0)
			d->first_box = idx;
		d->last_box = idx;
	}
	E->keep_next = 0;
}

void
em_penalty(emitter *E, int pen)
{
	int k = kept(E);
	if (k > pen)
		pen = k;
	vitem *it = vl_push(E->out, V_PENALTY);
	it->pen = pen;
}

void
em_space(emitter *E, folio_len s, folio_len min, bool retain, int prec)
{
	if (min > s)
		min = s;
	/* XSL 1.1 4.3.1: forcing spaces add up and suppress the others;
	 * else the highest precedence wins, then the largest space */
	if (!E->have_space ||
	    (prec == SPACE_FORCE && E->space_prec != SPACE_FORCE) ||
	    (prec != SPACE_FORCE && E->space_prec != SPACE_FORCE &&
	     (prec > E->space_prec || (prec == E->space_prec && s > E->space)))) {
		E->space = s;
		E->space_min = min;
		E->space_prec = prec;
	} else if (prec == SPACE_FORCE) {
		E->space += s;
		E->space_min += min;
	}
	E->space_retain = E->space_retain || retain;
	E->have_space = true;
}

void
em_force(emitter *E, const char *kind)
{
	E->have_space = false;
	E->space = 0;
	E->space_retain = false;
	int force = !strcmp(kind, "odd-page") ? 1 : !strcmp(kind, "even-page") ? 2
	          : !strcmp(kind, "column") ? 3 : 0;
	E->keep_next = 0;
	/* breaks with nothing between them are one break (a break-after and
	 * the next break-before); odd/even wins over a plain page break */
	vitem *prev = E->out->n ? &E->out->items[E->out->n - 1] : NULL;
	if (prev && prev->kind == V_PENALTY && prev->pen <= PEN_FORCE) {
		if (force == 1 || force == 2 || (force == 0 && prev->force == 3))
			prev->force = force;
		return;
	}
	vitem *it = vl_push(E->out, V_PENALTY);
	it->pen = PEN_FORCE;
	it->force = force;
}

void
em_keep_previous(emitter *E, int cost)
{
	for (int i = E->out->n - 1; i >= 0; i--) {
		vitem *it = &E->out->items[i];
		if (it->kind == V_BOX)
			break;
		if (it->pen > PEN_FORCE && it->pen < cost)
			it->pen = cost;
	}
	if (cost > E->keep_next)
		E->keep_next = cost;
	if (!E->last_box && cost > E->lead_keep)
		E->lead_keep = cost;   /* before any box: for whoever adopts this list */
}

void
em_adopt(emitter *E, const emitter *sub, folio_len dx)
{
	vlist *v = sub->out;
	em_flush_space(E);
	int base = E->out->n;
	bool first_box = true;
	deco **seen = NULL;
	int nseen = 0;
	for (int i = 0; i < v->n; i++) {
		if (v->items[i].kind == V_BOX && first_box) {
			/* the break before the first box: what keeps the list's
			 * start with what precedes it, and the keeps open here */
			first_box = false;
			if (last_is_box(E))
				em_penalty(E, sub->lead_keep);
			else if (sub->lead_keep)
				em_keep_previous(E, sub->lead_keep);
		}
		vitem *it = vl_push(E->out, v->items[i].kind);
		*it = v->items[i];
		for (folio_area *a = it->areas; a; a = a->next)
			area_shift(a, dx, 0);
		/* breaks inside cost at least what open keep-togethers say */
		if (it->kind != V_BOX && it->pen > PEN_FORCE) {
			int k = kept(E);
			if (k > it->pen)
				it->pen = k;
		}
		/* the list's decos now stand inside the open one */
		for (deco *d = it->deco; d; d = d->parent) {
			int k = 0;
			while (k < nseen && seen[k] != d)
				k++;
			if (k < nseen)
				break;
			seen = folio_realloc_array(seen, (size_t)nseen + 1, sizeof *seen);
			seen[nseen++] = d;
			d->x += dx;
			d->first_box += base;
			d->last_box += base;
			if (!d->parent) {
				d->parent = E->deco;
				break;
			}
		}
		if (!it->deco)
			it->deco = E->deco;
		if (it->kind == V_BOX) {
			int idx = E->out->n - 1;
			E->last_box = E->out->n;
			/* ids, markers and footnotes waiting for a box */
			if (E->L->nrefs)
				refs_box_emitted(E->L, E->out, idx);
			if (E->L->nmarks)
				marks_box_emitted(E->L, E->out, idx);
			if (E->L->pending_feet) {
				footnote **t = &it->feet;
				while (*t)
					t = &(*t)->next;
				*t = E->L->pending_feet;
				E->L->pending_feet = NULL;
			}
			for (deco *d = E->deco; d; d = d->parent) {
				if (d->first_box < 0)
					d->first_box = E->out->n - 1;
				d->last_box = E->out->n - 1;
			}
		}
	}
	free(seen);
	/* a keep-with-next at the list's end goes on after it */
	E->keep_next = first_box ? E->keep_next : sub->keep_next;
}

/* ---- areas ---- */

folio_area *
area_new(layout *L, folio_area_kind kind, const folio_fo *fo)
{
	folio_area *a = folio_arena_alloc(L->arena, sizeof *a);
	a->kind = kind;
	a->fo = fo;
	return a;
}

void
area_append(folio_area *parent, folio_area *child)
{
	child->parent = parent;
	child->next = NULL;
	if (parent->last)
		parent->last->next = child;
	else
		parent->first = child;
	parent->last = child;
}

void
area_shift(folio_area *a, folio_len dx, folio_len dy)
{
	a->x += dx;
	a->y += dy;
	if (a->kind == FOLIO_AREA_LINE)
		a->baseline += dy;
	for (folio_area *c = a->first; c; c = c->next)
		area_shift(c, dx, dy);
}

void
area_adopt(folio_area *parent, folio_area *list, folio_len dx, folio_len dy)
{
	while (list) {
		folio_area *next = list->next;
		area_shift(list, dx, dy);
		area_append(parent, list);
		list = next;
	}
}

folio_area *
area_clone(layout *L, const folio_area *a)
{
	folio_area *c = folio_arena_alloc(L->arena, sizeof *c);
	*c = *a;
	c->parent = c->first = c->last = c->next = NULL;
	for (const folio_area *k = a->first; k; k = k->next)
		area_append(c, area_clone(L, k));
	return c;
}

/* ---- placement ---- */

typedef struct extent {
	deco *d;
	folio_len top, bottom;
} extent;

folio_len
vl_height(vlist *v, int from, int to)
{
	folio_len y = 0, end = 0;
	bool started = false;
	for (int i = from; i < to; i++) {
		vitem *it = &v->items[i];
		if (it->kind == V_BOX) {
			started = true;
			y += it->h;
			end = y;
		} else if (it->kind == V_GLUE && (started || it->retain)) {
			y += it->h;
		}
	}
	return end;
}

/* A box from y, h tall, inside deco d and its ancestors: each deco's
 * extent grows to it (outermost first, so outer decos are drawn below
 * inner ones). */
static void
extend_decos(extent **ext, int *next, int *cap, deco *d, folio_len y, folio_len h)
{
	deco *chain[64];
	int nc = 0;
	for (; d && nc < 64; d = d->parent)
		chain[nc++] = d;
	for (int c = nc - 1; c >= 0; c--) {
		int k = 0;
		while (k < *next && (*ext)[k].d != chain[c])
			k++;
		if (k == *next) {
			if (*next == *cap) {
				*cap = *cap ? 2 * *cap : 8;
				*ext = folio_realloc_array(*ext, (size_t)*cap, sizeof **ext);
			}
			(*ext)[(*next)++] = (extent){chain[c], y, y + h};
		}
		(*ext)[k].bottom = y + h;
	}
}

folio_len
vl_place(layout *L, vlist *v, int from, int to, folio_len x0, folio_len y0,
         folio_area *parent)
{
	/* pass 1: box tops, and the extent of every deco on this stretch */
	extent *ext = NULL;
	int next = 0, cap = 0;
	folio_len y = 0, end = 0;
	bool started = false;
	for (int i = from; i < to; i++) {
		vitem *it = &v->items[i];
		if (it->kind == V_GLUE && (started || it->retain))
			y += it->h - (folio_len)(it->shrink * L->shrink_ratio);
		if (it->kind != V_BOX)
			continue;
		started = true;
		extend_decos(&ext, &next, &cap, it->deco, y, it->h);
		y += it->h;
		end = y;
	}
	folio_area *tail = L->tail;
	folio_len tail_h = L->tail_h, tail_y = y;
	L->tail = NULL;
	L->tail_h = 0;
	if (tail || tail_h) {
		/* the cut row: inside the decos of the item it was cut from */
		extend_decos(&ext, &next, &cap, to < v->n ? v->items[to].deco : NULL, y, tail_h);
		end = y + tail_h;
	}
	for (int k = 0; k < next; k++) {
		deco *d = ext[k].d;
		folio_area *a = area_new(L, FOLIO_AREA_BLOCK, d->fo);
		a->x = x0 + d->x;
		a->w = d->w;
		a->y = y0 + ext[k].top;
		a->h = ext[k].bottom - ext[k].top;
		a->background = d->background;
		memcpy(a->border, d->border, sizeof a->border);
		if (d->first_box < from)
			a->border[FOLIO_SIDE_BEFORE].width = 0;
		if (d->last_box >= to)
			a->border[FOLIO_SIDE_AFTER].width = 0;
		if (d->centred) {
			a->y -= a->border[FOLIO_SIDE_BEFORE].width / 2;
			a->h += (a->border[FOLIO_SIDE_BEFORE].width +
			         a->border[FOLIO_SIDE_AFTER].width) / 2;
		}
		area_append(parent, a);
	}
	free(ext);
	/* pass 2: move the boxes' areas into place */
	y = 0;
	started = false;
	for (int i = from; i < to; i++) {
		vitem *it = &v->items[i];
		if (it->kind == V_GLUE && (started || it->retain))
			y += it->h - (folio_len)(it->shrink * L->shrink_ratio);
		if (it->kind != V_BOX)
			continue;
		started = true;
		if (!it->areas && it->row)
			it->areas = row_areas(L, it->row, it->h);
		else if (!it->areas && it->grp)
			it->areas = group_areas(L, it->grp);
		area_adopt(parent, it->areas, x0, y0 + y);
		it->areas = NULL;
		y += it->h;
	}
	if (tail)
		area_adopt(parent, tail, x0, y0 + tail_y);
	return end;
}

/* ---- footnotes ---- */

static void
footnote_release(void *p)
{
	footnote *f = p;
	vl_free(f->v);
	free(f->v);
}

footnote *
footnote_set(layout *L, const folio_fo *body)
{
	footnote *f = folio_arena_alloc(L->arena, sizeof *f);
	f->v = folio_calloc(1, sizeof *f->v);
	folio_arena_release(L->arena, footnote_release, f);
	footnote *saved = L->pending_feet;
	L->pending_feet = NULL;
	emitter E = {.L = L, .out = f->v, .ref_w = L->body_w};
	lay_children(&E, body, (blockgeo){0, 0, true});
	L->pending_feet = saved;
	f->h = vl_height(f->v, 0, f->v->n);
	return f;
}

void
feet_collect(vlist *v, int from, int to, footnote **list)
{
	for (int i = from; i < to && i < v->n; i++) {
		footnote *f = v->items[i].feet;
		if (!f)
			continue;
		v->items[i].feet = NULL;
		footnote **tail = list;
		while (*tail)
			tail = &(*tail)->next;
		*tail = f;
	}
}
