/*
 * refs.c -- page numbers that layout must know before it can set text:
 * fo:page-number-citation(-last) for an id, and fo:page-number inside the
 * flow.  Each pass records where every id and every flow page number ends
 * up (first and last box in a vertical list); after pagination those boxes
 * know their pages.  The next pass sets the text with the numbers the
 * previous pass found; layout repeats until nothing changes (a changed
 * number can move line and page breaks), at most FOLIO_REF_PASSES times.
 */
#include "internal.h"

#include <string.h>

#define PENDING INT_MIN

static refrec *
add(layout *L, const char *id, int site)
{
	if (L->nrefs == L->caprefs) {
		L->caprefs = L->caprefs ? 2 * L->caprefs : 32;
		L->refs = folio_realloc_array(L->refs, (size_t)L->caprefs, sizeof *L->refs);
	}
	refrec *r = &L->refs[L->nrefs++];
	memset(r, 0, sizeof *r);
	r->id = id;
	r->site = site;
	return r;
}

int
refs_open(layout *L, emitter *E, const char *id)
{
	refrec *r = add(L, id, -1);
	r->v = E->out;
	r->first = E->out->n;
	r->end = -1;
	return (int)(r - L->refs);
}

void
refs_close(layout *L, emitter *E, int rec)
{
	L->refs[rec].end = E->out->n;
}

void
refs_at_next_box(layout *L, emitter *E, const char *id, int site)
{
	refrec *r = add(L, id, site);
	r->v = E->out;
	r->first = r->end = PENDING;
}

void
refs_box_emitted(layout *L, vlist *v, int index)
{
	for (int i = L->nrefs - 1; i >= 0; i--) {
		refrec *r = &L->refs[i];
		if (r->v != v || r->first != PENDING)
			continue;
		r->first = index;
		r->end = index + 1;
	}
}

void
refs_adopt(layout *L, vlist *from, vlist *to)
{
	for (int i = 0; i < L->nrefs; i++) {
		refrec *r = &L->refs[i];
		if (r->v != from)
			continue;
		r->v = to;
		r->first = r->end = PENDING;
	}
}

void
refs_resolve(layout *L, vlist *v)
{
	for (int i = 0; i < L->nrefs; i++) {
		refrec *r = &L->refs[i];
		if (r->v != v || r->first_label)
			continue;
		int end = r->end < 0 ? v->n : r->end;
		for (int k = r->first; k >= 0 && k < v->n && k < end; k++)
			if (v->items[k].kind == V_BOX && v->items[k].page_label) {
				if (!r->first_label)
					r->first_label = v->items[k].page_label;
				r->last_label = v->items[k].page_label;
			}
		/* an empty block: the page of the next box, else the previous one */
		for (int k = r->first; !r->first_label && k >= 0 && k < v->n; k++)
			if (v->items[k].kind == V_BOX && v->items[k].page_label)
				r->first_label = r->last_label = v->items[k].page_label;
		for (int k = (r->first < v->n ? r->first : v->n) - 1;
		     !r->first_label && k >= 0; k--)
			if (v->items[k].kind == V_BOX && v->items[k].page_label)
				r->first_label = r->last_label = v->items[k].page_label;
		r->v = NULL;
	}
}

void
refs_page_sequence(layout *L, const char *id, const char *first, const char *last)
{
	refrec *r = add(L, id, -1);
	r->first = r->end = -1;
	r->first_label = first;
	r->last_label = last;
}

/* The previous pass's answer for a citation; NULL when unknown. */
const char *
refs_lookup(layout *L, const char *id, bool last)
{
	for (int i = 0; i < L->nprev; i++)
		if (L->prev[i].id && !strcmp(L->prev[i].id, id))
			return last ? L->prev[i].last : L->prev[i].first;
	return NULL;
}

const char *
refs_site(layout *L, int site)
{
	for (int i = 0; i < L->nprev; i++)
		if (!L->prev[i].id && L->prev[i].site == site)
			return L->prev[i].first;
	return NULL;
}

/* Keeps this pass's results for the next one; true when they differ from
 * what this pass used (so another pass is needed). */
bool
refs_next_pass(layout *L)
{
	bool changed = L->used_refs && (L->nprev != L->nrefs);
	prevref *next = folio_calloc((size_t)L->nrefs + 1, sizeof *next);
	for (int i = 0; i < L->nrefs; i++) {
		refrec *r = &L->refs[i];
		next[i].id = r->id ? folio_strdup(r->id) : NULL;
		next[i].site = r->site;
		next[i].first = folio_strdup(r->first_label ? r->first_label : "");
		next[i].last = folio_strdup(r->last_label ? r->last_label : "");
		if (L->used_refs && !changed) {
			const char *old = r->id ? refs_lookup(L, r->id, false) : refs_site(L, r->site);
			const char *oldl = r->id ? refs_lookup(L, r->id, true) : old;
			if (!old || strcmp(old, next[i].first) || strcmp(oldl, next[i].last))
				changed = true;
		}
	}
	refs_free_prev(L);
	L->prev = next;
	L->nprev = L->nrefs;
	L->nrefs = 0;
	return changed;
}

void
refs_free_prev(layout *L)
{
	for (int i = 0; i < L->nprev; i++) {
		free((char *)L->prev[i].id);
		free((char *)L->prev[i].first);
		free((char *)L->prev[i].last);
	}
	free(L->prev);
	L->prev = NULL;
	L->nprev = 0;
}
