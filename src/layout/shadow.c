/*
 * shadow.c -- the paragraphs of a long flow set on several cores.
 *
 * Most of a long document's layout time goes to pango setting paragraphs
 * into lines (itemizing, shaping with HarfBuzz, breaking).  A paragraph's
 * lines depend only on its text, its attributes, its width and a few
 * settings, not on the page it lands on: the flow is set whole before it is
 * cut into pages (internal.h).  So the flow's text is cut into shares of
 * about equal bytes.  The main thread lays the flow out as always and sets
 * the first share itself; each other share has a helper thread that walks
 * the same flow with a layout of its own (arena, diagnostics, font map and
 * context: pango's objects are never used by two threads at once), counts
 * the blocks before its share without laying them out, sets the
 * paragraphs of its share and keeps them in flow order.  On reaching a
 * share, the main thread joins its helper and takes each paragraph whose
 * text, attributes, width and settings are the same as its own; any other
 * it sets itself (a paragraph with a graphic or a leader, one that
 * straddles the edge of a share), so the result is what one thread would
 * have made, byte for byte.  Everything else (areas, keeps, footnotes,
 * references, diagnostics) stays with the main thread.
 *
 * The shares are measured in bytes of the flow's text nodes (walk counts
 * them as it meets them, shadow_skip counts a skipped block at once from
 * the FO tree's text_below), so the main thread and a helper agree on
 * which share a paragraph is in.
 */
#include "internal.h"

#include <sched.h>
#include <stdint.h>
#include <string.h>

/* With the default setting (folio_layout_threads(0)), each thread gets at
 * least this many bytes of text: below it, a helper's own font map and
 * walk cost more than it saves (a short protocol stays on one thread). */
#define SHARE_MIN 24000
#define MAX_THREADS 8
/* How far past its last match the main thread looks for a paragraph in a
 * helper's list (the helper kept one the main thread does not set). */
#define WINDOW 16

typedef struct kept {
	const folio_fo *block;
	folio_len width, indent;
	bool justify, justify_last, wrap, overlong;
	int len;
	PangoLayout *pl;          /* NULL once taken */
} kept;

struct shadow {
	GThread *thread;          /* NULL once joined (or never started) */
	size_t from, to;          /* its share: flow bytes in (from, to] */
	layout L;                 /* its own layout state */
	vlist v;
	emitter E;
	const folio_fo *flow;
	blockgeo geo;
	folio_diags d;            /* its diagnostics, dropped: the main thread
	                             meets the same and reports them */
	kept *k;                  /* paragraphs set, in flow order */
	int n, cap;
	int next;                 /* main thread: first entry not yet passed */
};

typedef struct helpers {
	int n;                    /* threads, the main one included */
	size_t *bounds;           /* share k: flow bytes in (bounds[k], bounds[k + 1]] */
	struct shadow *h;         /* h[k] for k = 1 .. n - 1 */
	int joined;               /* helpers 1 .. joined are joined */
} helpers;

static int threads_setting;

void
folio_layout_threads(int n)
{
	threads_setting = n;
}

static int
cpus(void)
{
	cpu_set_t set;
	if (sched_getaffinity(0, sizeof set, &set) == 0)
		return CPU_COUNT(&set);
	return (int)g_get_num_processors();
}

/* Drops a helper's layout state (not what it kept). */
static void
release(struct shadow *h)
{
	vl_free(&h->v);
	free(h->L.refs);
	free(h->L.marks);
	free(h->L.docmarks);
	h->L.refs = NULL;
	h->L.marks = NULL;
	h->L.docmarks = NULL;
	fonts_done(&h->L);
	if (h->L.fontmap)
		g_object_unref(h->L.fontmap);
	h->L.fontmap = NULL;
	folio_arena_free(h->L.arena);
	h->L.arena = NULL;
	folio_diags_clear(&h->d);
}

static gpointer
run(gpointer p)
{
	struct shadow *h = p;
	fonts_init_own(&h->L);
	lay_children(&h->E, h->flow, h->geo);
	release(h);
	return NULL;
}

void
shadow_start(layout *L, const emitter *E, const folio_fo *flow, blockgeo geo)
{
	L->flow_bytes = 0;
	L->helpers = NULL;
	int n = threads_setting;
	if (n == 1)
		return;
	size_t total = flow->text_below;
	if (n <= 0) {
		n = cpus();
		if ((size_t)n > total / SHARE_MIN)
			n = (int)(total / SHARE_MIN);
	}
	if (n > MAX_THREADS)
		n = MAX_THREADS;
	if (n < 2 || total < (size_t)n)
		return;
	helpers *hs = folio_calloc(1, sizeof *hs);
	hs->n = n;
	hs->bounds = folio_calloc((size_t)n + 1, sizeof *hs->bounds);
	for (int k = 0; k <= n; k++)
		hs->bounds[k] = total / (size_t)n * (size_t)k;
	hs->bounds[n] = SIZE_MAX;
	hs->h = folio_calloc((size_t)n, sizeof *hs->h);
	fonts_threaded(L);
	for (int k = 1; k < n; k++) {
		struct shadow *h = &hs->h[k];
		h->from = hs->bounds[k];
		h->to = hs->bounds[k + 1];
		h->flow = flow;
		h->geo = geo;
		/* the previous pass's page numbers are only read, by every
		 * thread, until this flow is done */
		h->L = (layout){.d = &h->d, .doc = L->doc, .arena = folio_arena_new(),
		                .prev = L->prev, .nprev = L->nprev, .body_w = L->body_w,
		                .flow = &h->v, .shadow = h};
		h->E = (emitter){.L = &h->L, .out = &h->v, .ref_w = E->ref_w};
		h->thread = g_thread_try_new("folio-layout", run, h, NULL);
		if (!h->thread)   /* that share is set by the main thread */
			release(h);
	}
	L->helpers = hs;
	if (n > L->threads)
		L->threads = n;
}

static void
join(struct shadow *h)
{
	if (h->thread)
		g_thread_join(h->thread);
	h->thread = NULL;
}

void
shadow_finish(layout *L)
{
	helpers *hs = L->helpers;
	if (!hs)
		return;
	for (int k = 1; k < hs->n; k++) {
		struct shadow *h = &hs->h[k];
		join(h);
		for (int i = 0; i < h->n; i++)
			if (h->k[i].pl)
				g_object_unref(h->k[i].pl);
		free(h->k);
	}
	free(hs->h);
	free(hs->bounds);
	free(hs);
	L->helpers = NULL;
}

bool
shadow_skip(layout *L, const folio_fo *c)
{
	struct shadow *h = L->shadow;
	if (L->flow_bytes > h->to)   /* past its share: nothing more to set */
		return true;
	size_t n = c->text_below;
	if (L->flow_bytes + n > h->from)
		return false;
	L->flow_bytes += n;
	return true;
}

void
shadow_keep(layout *L, const shapekey *k)
{
	struct shadow *h = L->shadow;
	if (L->flow_bytes <= h->from || L->flow_bytes > h->to)
		return;
	if (h->n == h->cap) {
		h->cap = h->cap ? 2 * h->cap : 256;
		h->k = folio_realloc_array(h->k, (size_t)h->cap, sizeof *h->k);
	}
	kept *e = &h->k[h->n++];
	*e = (kept){k->block, k->width, k->indent, k->justify, k->justify_last,
	            k->wrap, false, k->len, NULL};
	e->pl = para_shape(L, k, &e->overlong);
}

static bool
same(const kept *e, const shapekey *k)
{
	return e->pl && e->block == k->block && e->len == k->len &&
	       e->width == k->width && e->indent == k->indent &&
	       e->justify == k->justify && e->justify_last == k->justify_last &&
	       e->wrap == k->wrap &&
	       !memcmp(pango_layout_get_text(e->pl), k->text, (size_t)k->len) &&
	       pango_attr_list_equal(pango_layout_get_attributes(e->pl), k->attrs);
}

PangoLayout *
shadow_take(layout *L, const shapekey *k, bool *overlong)
{
	helpers *hs = L->helpers;
	if (!hs)
		return NULL;
	int part = 0;
	for (int s = hs->n - 1; s >= 1 && !part; s--)
		if (L->flow_bytes > hs->bounds[s])
			part = s;
	L->paras++;
	if (!part)
		return NULL;
	while (hs->joined < part)
		join(&hs->h[++hs->joined]);
	struct shadow *h = &hs->h[part];
	for (int i = h->next; i < h->n && i < h->next + WINDOW; i++) {
		if (same(&h->k[i], k)) {
			PangoLayout *pl = h->k[i].pl;
			*overlong = h->k[i].overlong;
			h->k[i].pl = NULL;
			h->next = i + 1;
			L->beside++;
			return pl;
		}
	}
	return NULL;
}
