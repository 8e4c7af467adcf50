/*
 * block.c -- block-level layout: blocks (indents, spaces, borders, padding,
 * backgrounds, keeps, breaks) and lists (label beside the first box of the
 * body).  Tables are in table.c; paragraphs in para.c.
 *
 * Recursion follows the FO tree's block nesting, which the tree builder
 * limits to FOLIO_LIMIT_DEPTH levels.
 */
#include "internal.h"

#include <pthread.h>
#include <qrencode.h>
#include <string.h>

#include "../image/image.h"

static const folio_prop_id width_ids[4] = {
	FOLIO_PROP_BORDER_BEFORE_WIDTH, FOLIO_PROP_BORDER_AFTER_WIDTH,
	FOLIO_PROP_BORDER_START_WIDTH, FOLIO_PROP_BORDER_END_WIDTH};
static const folio_prop_id style_ids[4] = {
	FOLIO_PROP_BORDER_BEFORE_STYLE, FOLIO_PROP_BORDER_AFTER_STYLE,
	FOLIO_PROP_BORDER_START_STYLE, FOLIO_PROP_BORDER_END_STYLE};
static const folio_prop_id color_ids[4] = {
	FOLIO_PROP_BORDER_BEFORE_COLOR, FOLIO_PROP_BORDER_AFTER_COLOR,
	FOLIO_PROP_BORDER_START_COLOR, FOLIO_PROP_BORDER_END_COLOR};
static const folio_prop_id padding_ids[4] = {
	FOLIO_PROP_PADDING_BEFORE, FOLIO_PROP_PADDING_AFTER,
	FOLIO_PROP_PADDING_START, FOLIO_PROP_PADDING_END};

void
border_of(const folio_fo *n, folio_border b[4], folio_len pct_base)
{
	for (int s = 0; s < 4; s++) {
		const char *st = folio_fo_kw(n, style_ids[s]);
		b[s].style = !strcmp(st, "dashed") ? FOLIO_BORDER_DASHED
		           : !strcmp(st, "dotted") ? FOLIO_BORDER_DOTTED
		           : !strcmp(st, "double") ? FOLIO_BORDER_DOUBLE
		           : (!strcmp(st, "none") || !strcmp(st, "hidden") || !*st)
		               ? FOLIO_BORDER_NONE : FOLIO_BORDER_SOLID;
		b[s].width = b[s].style == FOLIO_BORDER_NONE
		    ? 0 : folio_fo_len(n, width_ids[s], pct_base, FOLIO_PT(1));
		if (b[s].width < 0)
			b[s].width = 0;
		b[s].color = folio_fo_color(n, color_ids[s]);
	}
}

folio_len
padding_of(const folio_fo *n, int side, folio_len pct_base)
{
	folio_len p = folio_fo_len(n, padding_ids[side], pct_base, 0);
	return p < 0 ? 0 : p;
}

static bool
specified(const folio_fo *n, folio_prop_id id)
{
	return folio_fo_specified(n, id) != NULL;
}

/* A space's .precedence: an integer, or "force" (SPACE_FORCE). */
static int
precedence(const folio_fo *n, folio_prop_id id)
{
	const char *kw = folio_fo_kw(n, id);
	if (!strcmp(kw, "force"))
		return SPACE_FORCE;
	long v = strtol(kw, NULL, 10);
	return v > 1000000 ? 1000000 : v < -1000000 ? -1000000 : (int)v;
}

static void
release_image(void *img)
{
	folio_image_free(img);
}

/* One size of a graphic: "auto" gives the intrinsic size, percentages are
 * of it, scale-to-fit fits the viewport. */
static folio_len
content_dim(const folio_fo *n, folio_prop_id id, folio_len intrinsic,
            folio_len viewport, bool *given)
{
	folio_value v = folio_fo_get(n, id);
	*given = true;
	if (v.kind == FOLIO_V_LEN)
		return v.len;
	if (v.kind == FOLIO_V_PCT)
		return (folio_len)((double)intrinsic * v.num / 100);
	if (v.kind == FOLIO_V_KW && !strcmp(v.str, "scale-to-fit") && viewport > 0)
		return viewport;
	*given = false;
	return intrinsic;
}

static folio_len
viewport_dim(const folio_fo *n, folio_prop_id a, folio_prop_id b, folio_len base)
{
	folio_value v = folio_fo_get(n, a);
	if (v.kind != FOLIO_V_LEN && v.kind != FOLIO_V_PCT)
		v = folio_fo_get(n, b);
	if (v.kind == FOLIO_V_LEN)
		return v.len;
	if (v.kind == FOLIO_V_PCT)
		return (folio_len)((double)base * v.num / 100);
	return -1;
}

/* libqrencode is opened on the first QR code, not linked: most documents
 * have none, and every linked library costs each cold start its loading
 * and symbol binding.  The prototypes come from qrencode.h. */
static struct {
	__typeof__(QRcode_encodeString) *encode;
	__typeof__(QRcode_free) *free;
} qr;

static void
qr_load(void)
{
	static const char *const names[] = {"QRcode_encodeString", "QRcode_free"};
	void **const slots[] = {(void **)&qr.encode, (void **)&qr.free};
	folio_dl_lookup("libqrencode.so.4", names, slots, 2);
}

/* A QR code as SVG: one path of unit squares, with the 4-module quiet zone
 * the standard asks for.  NULL with *why set when there is none. */
static char *
qr_svg(const char *data, const char **why)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	pthread_once(&once, qr_load);
	if (!qr.encode) {
		*why = "QR codes need libqrencode (libqrencode.so.4), which cannot be loaded";
		return NULL;
	}
	*why = "no data, or too much for a QR code";
	QRcode *q = data && *data ? qr.encode(data, 0, QR_ECLEVEL_M, QR_MODE_8, 1) : NULL;
	if (!q)
		return NULL;
	int n = q->width, side = n + 8;
	folio_buf b = {0};
	folio_buf_printf(&b, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" "
	                 "height=\"%d\" viewBox=\"0 0 %d %d\"><path fill=\"#000\" d=\"",
	                 side, side, side, side);
	for (int y = 0; y < n; y++)
		for (int x = 0; x < n; x++)
			if (q->data[y * n + x] & 1)
				folio_buf_printf(&b, "M%d %dh1v1h-1z", x + 4, y + 4);
	folio_buf_puts(&b, "\"/></svg>");
	qr.free(q);
	return b.data;
}

/* fo:external-graphic, fo:instream-foreign-object and folio:qr-code. */
static void
lay_graphic(emitter *E, para *p, const folio_fo *c, const blockgeo *geo)
{
	layout *L = E->L;
	const char *why = "unknown";
	folio_image *img;
	if (c->kind == FOLIO_FO_EXTERNAL_GRAPHIC) {
		img = folio_image_load(folio_fo_str(c, FOLIO_PROP_SRC), L->doc->base_dir, &why);
	} else if (c->kind == FOLIO_FO_QR_CODE) {
		char *svg = qr_svg(c->text, &why);
		img = svg ? folio_image_load_svg(svg, strlen(svg), &why) : NULL;
		free(svg);
	} else {
		img = c->text ? folio_image_load_svg(c->text, c->text_len, &why) : NULL;
	}
	if (!img) {
		folio_fo_diag(L->d, L->doc, c, FOLIO_WARNING, "image",
		              "graphic \"%s\" left out: %s",
		              c->kind == FOLIO_FO_EXTERNAL_GRAPHIC ? folio_fo_str(c, FOLIO_PROP_SRC)
		              : c->kind == FOLIO_FO_QR_CODE ? "folio:qr-code" : "instream SVG",
		              why);
		return;
	}
	folio_arena_release(L->arena, release_image, img);
	folio_len iw, ih;
	folio_image_size(img, &iw, &ih);
	if (c->kind == FOLIO_FO_QR_CODE)
		iw = ih = FOLIO_PT(25 * 72 / 25.4);   /* 25 mm unless content-width says */
	folio_len avail = E->ref_w - geo->start - geo->end;
	folio_len vw = viewport_dim(c, FOLIO_PROP_INLINE_PROGRESSION_DIMENSION, FOLIO_PROP_WIDTH, avail);
	folio_len vh = viewport_dim(c, FOLIO_PROP_BLOCK_PROGRESSION_DIMENSION, FOLIO_PROP_HEIGHT, avail);
	bool gw, gh;
	folio_len cw = content_dim(c, FOLIO_PROP_CONTENT_WIDTH, iw, vw, &gw);
	folio_len ch = content_dim(c, FOLIO_PROP_CONTENT_HEIGHT, ih, vh, &gh);
	bool uniform = !folio_fo_is(c, FOLIO_PROP_SCALING, "non-uniform");
	if (uniform && iw > 0 && ih > 0) {
		if (gw && !gh)
			ch = (folio_len)((double)cw * ih / iw);
		else if (gh && !gw)
			cw = (folio_len)((double)ch * iw / ih);
		else if (gw && gh) {   /* both given: keep the aspect, fit inside */
			double s = (double)cw / iw < (double)ch / ih ? (double)cw / iw
			                                              : (double)ch / ih;
			cw = (folio_len)(iw * s);
			ch = (folio_len)(ih * s);
		}
	}
	para_graphic(p, c, img, vw >= 0 ? vw : cw, vh >= 0 ? vh : ch, cw, ch);
}

void
marks_add(layout *L, const folio_fo *m, vlist *v, int first)
{
	if (L->nmarks == L->capmarks) {
		L->capmarks = L->capmarks ? 2 * L->capmarks : 16;
		L->marks = folio_realloc_array(L->marks, (size_t)L->capmarks, sizeof *L->marks);
	}
	L->marks[L->nmarks++] = (markrec){folio_fo_str(m, FOLIO_PROP_MARKER_CLASS_NAME),
	                                  m, v, first, -1};
}

void
marks_adopt(layout *L, vlist *from, vlist *to)
{
	for (int i = 0; i < L->nmarks; i++)
		if (L->marks[i].v == from) {
			L->marks[i].v = to;
			L->marks[i].first = L->marks[i].end = INT_MIN;
		}
}

void
marks_box_emitted(layout *L, vlist *v, int index)
{
	for (int i = L->nmarks - 1; i >= 0; i--)
		if (L->marks[i].v == v && L->marks[i].first == INT_MIN) {
			L->marks[i].first = index;
			L->marks[i].end = index + 1;
		}
}

/* Does marker k have a box in [from, to)?  *starts: its first box is there;
 * *ends: its last box is there. */
static bool
mark_on(layout *L, const markrec *k, int from, int to, bool *starts, bool *ends)
{
	int first = -1, last = -1;
	int end = k->end < 0 ? L->flow->n : k->end;
	for (int i = k->first; i < end && i < L->flow->n; i++)
		if (L->flow->items[i].kind == V_BOX) {
			if (first < 0)
				first = i;
			last = i;
		}
	if (first < 0) {
		first = last = k->first;  /* an empty block: where it stands */
		/* at the very end of the flow: on the last page */
		if (first >= from && first == to && to >= L->flow->n) {
			*starts = *ends = true;
			return true;
		}
	}
	/* a row cut at a page end starts on the first page and ends on the
	 * last it reaches */
	*starts = first >= from && first < to && !(first == from && L->page_cont_start);
	*ends = last >= from && last < to && !(last == to - 1 && L->page_cut_end);
	return last >= from && first < to;
}

const folio_fo *
marks_retrieve(layout *L, const folio_fo *rm)
{
	if (!L->flow)
		return NULL;
	const char *cls = folio_fo_str(rm, FOLIO_PROP_RETRIEVE_CLASS_NAME);
	const char *pos = folio_fo_kw(rm, FOLIO_PROP_RETRIEVE_POSITION);
	int from = L->page_from, to = L->page_to;
	const markrec *found = NULL, *before = NULL;
	for (int i = 0; i < L->nmarks; i++) {
		const markrec *k = &L->marks[i];
		if (strcmp(k->cls, cls) || k->v != L->flow || k->first < 0)
			continue;
		bool starts, ends;
		bool on = mark_on(L, k, from, to, &starts, &ends);
		if (k->first < from && !on)
			before = k;   /* the last one on an earlier page */
		if (!strcmp(pos, "first-including-carryover")) {
			if (on && !found)
				found = k;
		} else if (!strcmp(pos, "last-starting-within-page")) {
			if (starts)
				found = k;
		} else if (!strcmp(pos, "last-ending-within-page")) {
			if (ends)
				found = k;
		} else if (starts && !found) {   /* first-starting-within-page */
			found = k;
		}
	}
	if (!found && !strcmp(pos, "last-ending-within-page")) {
		/* a block still open at the page end counts as the last on it */
		for (int i = 0; i < L->nmarks; i++) {
			bool s2, e2;
			if (!strcmp(L->marks[i].cls, cls) && L->marks[i].v == L->flow &&
			    L->marks[i].first >= 0 &&
			    mark_on(L, &L->marks[i], from, to, &s2, &e2))
				found = &L->marks[i];
		}
	}
	const char *bnd = folio_fo_kw(rm, FOLIO_PROP_RETRIEVE_BOUNDARY);
	if (!found && !strcmp(bnd, "page"))
		return NULL;
	if (!found) {
		/* nothing on this page: the last marker of the class before it,
		 * including one whose block carries over onto this page */
		for (int i = 0; i < L->nmarks; i++) {
			const markrec *k = &L->marks[i];
			if (!strcmp(k->cls, cls) && k->v == L->flow && k->first >= 0 &&
			    k->first < from)
				found = k;
		}
		if (!found)
			found = before;
	}
	if (!found && !strcmp(bnd, "document"))
		for (int i = 0; i < L->ndocmarks; i++)
			if (!strcmp(L->docmarks[i].cls, cls))
				found = &L->docmarks[i];
	return found ? found->marker : NULL;
}

void
marks_sequence_end(layout *L)
{
	for (int i = 0; i < L->nmarks; i++) {
		const markrec *k = &L->marks[i];
		if (k->v != L->flow || k->first < 0)
			continue;
		int j = 0;
		while (j < L->ndocmarks && strcmp(L->docmarks[j].cls, k->cls))
			j++;
		if (j == L->ndocmarks) {
			if (L->ndocmarks == L->capdocmarks) {
				L->capdocmarks = L->capdocmarks ? 2 * L->capdocmarks : 8;
				L->docmarks = folio_realloc_array(L->docmarks, (size_t)L->capdocmarks,
				                                  sizeof *L->docmarks);
			}
			L->ndocmarks++;
		}
		L->docmarks[j] = (markrec){k->cls, k->marker, NULL, 0, 0};
	}
}

/* The walk over a block's children: inline content goes into a paragraph,
 * block-level children end it and are laid out in turn. */
/* An inline's (or fo:character's) id, padding and border: room before
 * and after its text, and its border drawn around each line fragment. */
typedef struct inline_deco {
	int bstart;
	folio_len room_e;
	bool bordered;
} inline_deco;

static inline_deco
inline_begin(para *p, const folio_fo *c)
{
	const char *id = folio_fo_str(c, FOLIO_PROP_ID);
	if (*id)
		para_mark_id(p, id);
	folio_border ib[4];
	border_of(c, ib, 0);
	inline_deco d = {para_pos(p),
	                 padding_of(c, FOLIO_SIDE_END, 0) + ib[FOLIO_SIDE_END].width,
	                 ib[0].width || ib[1].width || ib[2].width || ib[3].width};
	para_spacer(p, c, padding_of(c, FOLIO_SIDE_START, 0) + ib[FOLIO_SIDE_START].width);
	return d;
}

static void
inline_end(para *p, const folio_fo *c, const inline_deco *d)
{
	para_spacer(p, c, d->room_e);
	if (d->bordered)
		para_border(p, d->bstart, c);
}

static void
walk(emitter *E, para *p, const folio_fo *node, const folio_fo *block,
     blockgeo *geo)
{
	for (const folio_fo *c = node->first; c; c = c->next) {
		switch (c->kind) {
		case FOLIO_FO_TEXT:
			E->L->flow_bytes += c->text_len;   /* (shadow.c's measure) */
			if (node == block)   /* long text in pieces (para.c) */
				para_text_block(p, E, block, geo, c->text, c->text_len);
			else
				para_text(p, node, c->text, c->text_len);
			continue;
		case FOLIO_FO_LEADER:
			para_leader(p, c);
			continue;
		case FOLIO_FO_EXTERNAL_GRAPHIC:
		case FOLIO_FO_INSTREAM_FOREIGN_OBJECT:
		case FOLIO_FO_QR_CODE:
			/* (a helper leaves graphics to the main thread, which
			 * loads them: a paragraph with one is set there) */
			if (!E->L->shadow)
				lay_graphic(E, p, c, geo);
			continue;
		case FOLIO_FO_PAGE_NUMBER:
			para_page_number(p, c);
			continue;
		case FOLIO_FO_PAGE_NUMBER_CITATION:
		case FOLIO_FO_PAGE_NUMBER_CITATION_LAST:
			para_citation(p, c);
			continue;
		case FOLIO_FO_RETRIEVE_MARKER: {
			const folio_fo *m = marks_retrieve(E->L, c);
			if (m)
				walk(E, p, m, block, geo);
			continue;
		}
		case FOLIO_FO_CHARACTER: {
			const char *ch = folio_fo_str(c, FOLIO_PROP_CHARACTER);
			inline_deco d = inline_begin(p, c);
			para_text(p, c, ch, strlen(ch));
			inline_end(p, c, &d);
			continue;
		}
		case FOLIO_FO_FOOTNOTE:
			/* the citation in the text; the body at the foot of the page
			 * on which the citation's line lands */
			for (const folio_fo *f = c->first; f; f = f->next)
				if (f->kind == FOLIO_FO_INLINE)
					walk(E, p, f, block, geo);
			for (const folio_fo *f = c->first; f; f = f->next)
				if (f->kind == FOLIO_FO_FOOTNOTE_BODY)
					para_footnote(p, footnote_set(E->L, f));
			continue;
		default:
			break;
		}
		folio_fo_role role = folio_fo_role_of(c->kind);
		if (role == FOLIO_ROLE_INLINE) {
			inline_deco d = inline_begin(p, c);
			int start = para_pos(p);
			walk(E, p, c, block, geo);
			if (c->kind == FOLIO_FO_BASIC_LINK)
				para_link(p, start, c);
			inline_end(p, c, &d);
		} else if (role == FOLIO_ROLE_BLOCK) {
			para_flush(p, E, block, geo);
			if (!E->L->shadow || !shadow_skip(E->L, c))
				lay_block(E, c, *geo);
			geo->first_para = false;
		}
	}
}

void
lay_children(emitter *E, const folio_fo *node, blockgeo geo)
{
	para *p = para_new(E->L);
	walk(E, p, node, node, &geo);
	para_flush(p, E, node, &geo);
	para_free(p);
}

static int keep_of(const folio_fo *n, folio_prop_id page, folio_prop_id column);

/* Label beside the body: the label is set on its own and its areas ride on
 * the body's first box. */
static void
lay_list_item(emitter *E, const folio_fo *item, blockgeo geo)
{
	const folio_fo *label = folio_fo_child(item, FOLIO_FO_LIST_ITEM_LABEL, NULL);
	const folio_fo *body = folio_fo_child(item, FOLIO_FO_LIST_ITEM_BODY, NULL);
	folio_len pdbs = folio_fo_len(item, FOLIO_PROP_PROVISIONAL_DISTANCE_BETWEEN_STARTS,
	                              E->ref_w, FOLIO_PT(24));
	folio_len pls = folio_fo_len(item, FOLIO_PROP_PROVISIONAL_LABEL_SEPARATION,
	                             E->ref_w, FOLIO_PT(6));
	folio_area *label_areas = NULL;
	folio_len label_h = 0;
	if (label) {
		blockgeo lg = {geo.start, geo.end, true};
		const folio_value *si = folio_fo_specified(label, FOLIO_PROP_START_INDENT);
		const folio_value *ei = folio_fo_specified(label, FOLIO_PROP_END_INDENT);
		if (si && si->kind != FOLIO_V_FUNC)
			lg.start = folio_fo_len(label, FOLIO_PROP_START_INDENT, E->ref_w, geo.start);
		else if (!si)
			lg.start = geo.start + folio_fo_len(label, FOLIO_PROP_MARGIN_LEFT, E->ref_w, 0);
		if (ei && ei->kind == FOLIO_V_FUNC && !strcmp(ei->str, "label-end"))
			lg.end = E->ref_w - (geo.start + pdbs - pls);
		else if (ei)
			lg.end = folio_fo_len(label, FOLIO_PROP_END_INDENT, E->ref_w, geo.end);
		vlist v = {0};
		emitter sub = {.L = E->L, .out = &v, .ref_w = E->ref_w, .depth = E->depth};
		const char *lid = folio_fo_str(label, FOLIO_PROP_ID);
		if (*lid)   /* the label rides on the body's first box */
			refs_at_next_box(E->L, &sub, lid, -1);
		lay_children(&sub, label, lg);
		refs_adopt(E->L, &v, E->out);
		marks_adopt(E->L, &v, E->out);
		folio_area holder = {0};
		label_h = vl_place(E->L, &v, 0, v.n, 0, 0, &holder);
		label_areas = holder.first;
		for (folio_area *a = label_areas; a; a = a->next)
			a->parent = NULL;
		vl_free(&v);
	}
	int start = E->out->n;
	if (body) {
		blockgeo bg = {geo.start, geo.end, true};
		const folio_value *si = folio_fo_specified(body, FOLIO_PROP_START_INDENT);
		const folio_value *ei = folio_fo_specified(body, FOLIO_PROP_END_INDENT);
		if (si && si->kind == FOLIO_V_FUNC && !strcmp(si->str, "body-start"))
			bg.start = geo.start + pdbs;
		else if (si)
			bg.start = folio_fo_len(body, FOLIO_PROP_START_INDENT, E->ref_w, geo.start);
		else    /* a margin stands for the indent (XSL 5.3.2) */
			bg.start = geo.start + folio_fo_len(body, FOLIO_PROP_MARGIN_LEFT, E->ref_w, 0);
		if (ei && ei->kind != FOLIO_V_FUNC)
			bg.end = folio_fo_len(body, FOLIO_PROP_END_INDENT, E->ref_w, geo.end);
		else if (!ei)
			bg.end = geo.end + folio_fo_len(body, FOLIO_PROP_MARGIN_RIGHT, E->ref_w, 0);
		/* a keep-with-previous on the label's first block keeps the
		 * item with what precedes it (the label rides on the body) */
		const folio_fo *lb = label ? folio_fo_child(label, FOLIO_FO_BLOCK, NULL) : NULL;
		int lkwp = lb ? keep_of(lb, FOLIO_PROP_KEEP_WITH_PREVIOUS_WITHIN_PAGE,
		                        FOLIO_PROP_KEEP_WITH_PREVIOUS_WITHIN_COLUMN) : 0;
		if (lkwp)
			em_keep_previous(E, lkwp);
		int kt = keep_cost(folio_fo_keep(body, FOLIO_PROP_KEEP_TOGETHER_WITHIN_PAGE));
		if (kt)
			keep_begin(E, kt);
		const char *bid = folio_fo_str(body, FOLIO_PROP_ID);
		int rec = *bid ? refs_open(E->L, E, bid) : -1;
		lay_children(E, body, bg);
		if (rec >= 0)
			refs_close(E->L, E, rec);
		if (kt)
			keep_end(E);
	}
	if (!label_areas)
		return;
	for (int i = start; i < E->out->n; i++) {
		vitem *it = &E->out->items[i];
		if (it->kind != V_BOX)
			continue;
		/* the label goes first: drawn (and read) before the body */
		folio_area *last = label_areas;
		while (last->next)
			last = last->next;
		last->next = it->areas;
		it->areas = label_areas;
		if (label_h > it->h)
			it->h = label_h;
		return;
	}
	em_box(E, label_h, label_areas, label);
}

/* fo:block-container: a reference area.  With width (or
 * inline-progression-dimension) its content is set at that width; with a
 * height it is one box of that height that does not break. */
static void
lay_container(emitter *E, const folio_fo *node, blockgeo geo)
{
	folio_len avail = E->ref_w - geo.start - geo.end;
	folio_value w = folio_fo_get(node, FOLIO_PROP_INLINE_PROGRESSION_DIMENSION);
	if (w.kind != FOLIO_V_LEN && w.kind != FOLIO_V_PCT)
		w = folio_fo_get(node, FOLIO_PROP_WIDTH);
	/* a percentage is of the containing reference area's width */
	folio_len width = w.kind == FOLIO_V_LEN ? w.len
	                : w.kind == FOLIO_V_PCT ? (folio_len)((double)E->ref_w * w.num / 100)
	                                        : avail;
	if (width < 0)
		width = 0;   /* indents wider than the area: words go one a line */
	folio_value h = folio_fo_get(node, FOLIO_PROP_BLOCK_PROGRESSION_DIMENSION);
	if (h.kind != FOLIO_V_LEN)
		h = folio_fo_get(node, FOLIO_PROP_HEIGHT);
	/* the container's own background and borders go around its width */
	if (E->deco && E->deco->fo == node)
		E->deco->w += width - avail;
	/* the container is a reference area: indents inside it are measured
	 * from its edges, percentages from its width */
	vlist v = {0};
	emitter sub = {.L = E->L, .out = &v, .ref_w = width, .depth = E->depth + 1};
	lay_children(&sub, node, (blockgeo){0, 0, true});
	refs_adopt(E->L, &v, E->out);
	marks_adopt(E->L, &v, E->out);
	if (h.kind != FOLIO_V_LEN) {
		/* only the width is set: the content still breaks across pages */
		em_adopt(E, &sub, geo.start);
		vl_free(&v);
		return;
	}
	folio_area holder = {0};
	vl_place(E->L, &v, 0, v.n, geo.start, 0, &holder);
	footnote *feet = NULL;
	feet_collect(&v, 0, v.n, &feet);
	vl_free(&v);
	for (folio_area *a = holder.first; a; a = a->next)
		a->parent = NULL;
	em_box(E, h.len > 0 ? h.len : 0, holder.first, node);
	E->out->items[E->out->n - 1].feet = feet;
}

/* The cost of breaking the stronger of a keep's page and column forms. */
static int
keep_of(const folio_fo *n, folio_prop_id page, folio_prop_id column)
{
	int a = keep_cost(folio_fo_keep(n, page)), b = keep_cost(folio_fo_keep(n, column));
	return a > b ? a : b;
}

void
lay_block(emitter *E, const folio_fo *node, blockgeo parent)
{
	layout *L = E->L;
	if (E->depth >= FOLIO_LIMIT_DEPTH)
		return;
	E->depth++;
	const char *id = folio_fo_str(node, FOLIO_PROP_ID);
	int rec = *id ? refs_open(L, E, id) : -1;
	int mfirst = L->nmarks;
	folio_len rw = E->ref_w;
	folio_border b[4];
	border_of(node, b, rw);
	folio_len pad[4];
	for (int s = 0; s < 4; s++)
		pad[s] = padding_of(node, s, rw);
	/* a table in the collapsing border model takes no room for its border
	 * or padding: its borders take part in its cells' (table.c), and are
	 * drawn centred on the outer grid lines (also where no cell is) */
	folio_border centred[4];
	bool collapsed = node->kind == FOLIO_FO_TABLE &&
	                 !folio_fo_is(node, FOLIO_PROP_BORDER_COLLAPSE, "separate");
	if (collapsed) {
		memcpy(centred, b, sizeof centred);
		for (int s = 0; s < 4; s++) {
			b[s].width = 0;
			pad[s] = 0;
		}
	}

	blockgeo geo = {parent.start, parent.end, true};
	if (specified(node, FOLIO_PROP_START_INDENT))
		geo.start = folio_fo_len(node, FOLIO_PROP_START_INDENT, rw, parent.start);
	else
		geo.start = parent.start + folio_fo_len(node, FOLIO_PROP_MARGIN_LEFT, rw, 0) +
		            b[FOLIO_SIDE_START].width + pad[FOLIO_SIDE_START];
	if (specified(node, FOLIO_PROP_END_INDENT))
		geo.end = folio_fo_len(node, FOLIO_PROP_END_INDENT, rw, parent.end);
	else
		geo.end = parent.end + folio_fo_len(node, FOLIO_PROP_MARGIN_RIGHT, rw, 0) +
		          b[FOLIO_SIDE_END].width + pad[FOLIO_SIDE_END];

	const char *bb = folio_fo_kw(node, FOLIO_PROP_BREAK_BEFORE);
	if (node->kind == FOLIO_FO_TABLE && !strcmp(bb, "auto"))
		bb = table_first_break(node);
	if (!strcmp(bb, "page") || !strcmp(bb, "odd-page") || !strcmp(bb, "even-page") ||
	    !strcmp(bb, "column"))
		em_force(E, bb);
	/* markers stand after the block's break-before */
	for (const folio_fo *m = folio_fo_child(node, FOLIO_FO_MARKER, NULL); m;
	     m = folio_fo_child(node, FOLIO_FO_MARKER, m))
		marks_add(L, m, E->out, E->out->n);
	folio_len sb = specified(node, FOLIO_PROP_SPACE_BEFORE)
	    ? folio_fo_len(node, FOLIO_PROP_SPACE_BEFORE, rw, 0)
	    : folio_fo_len(node, FOLIO_PROP_MARGIN_TOP, rw, 0);
	/* a margin stands for a space with conditionality "retain" (XSL 1.1
	 * 5.3.2, as FOP reads it): kept at the top of a page */
	if (sb > 0)
		em_space(E, sb, folio_fo_len(node, FOLIO_PROP_SPACE_BEFORE_MINIMUM, rw, sb),
		         !specified(node, FOLIO_PROP_SPACE_BEFORE) ||
		         folio_fo_is(node, FOLIO_PROP_SPACE_BEFORE_CONDITIONALITY, "retain"),
		         precedence(node, FOLIO_PROP_SPACE_BEFORE_PRECEDENCE));
	int kwp = keep_of(node, FOLIO_PROP_KEEP_WITH_PREVIOUS_WITHIN_PAGE,
	                  FOLIO_PROP_KEEP_WITH_PREVIOUS_WITHIN_COLUMN);
	if (kwp)
		em_keep_previous(E, kwp);

	uint32_t bgc = folio_fo_color(node, FOLIO_PROP_BACKGROUND_COLOR);
	bool decorated = (bgc >> 24) || b[0].width || b[1].width || b[2].width ||
	                 b[3].width;
	if (collapsed)
		decorated = decorated || centred[0].width || centred[1].width ||
		            centred[2].width || centred[3].width;
	deco *d = NULL;
	if (decorated) {
		d = folio_arena_alloc(L->arena, sizeof *d);
		memset(d, 0, sizeof *d);
		d->parent = E->deco;
		d->fo = node;
		d->x = geo.start - pad[FOLIO_SIDE_START] - b[FOLIO_SIDE_START].width;
		d->w = rw - geo.end + pad[FOLIO_SIDE_END] + b[FOLIO_SIDE_END].width - d->x;
		d->background = bgc;
		memcpy(d->border, b, sizeof d->border);
		if (collapsed) {
			memcpy(d->border, centred, sizeof d->border);
			d->x -= centred[FOLIO_SIDE_START].width / 2;
			d->w += (centred[FOLIO_SIDE_START].width + centred[FOLIO_SIDE_END].width) / 2;
			d->centred = true;
		}
		d->first_box = d->last_box = -1;
		E->deco = d;
	}
	folio_len top = pad[FOLIO_SIDE_BEFORE] + b[FOLIO_SIDE_BEFORE].width;
	if (top > 0) {
		em_box(E, top, NULL, node);
		E->keep_next = PEN_INF;
	}
	int together = keep_of(node, FOLIO_PROP_KEEP_TOGETHER_WITHIN_PAGE,
	                       FOLIO_PROP_KEEP_TOGETHER_WITHIN_COLUMN);
	if (together)
		keep_begin(E, together);
	if (node->kind == FOLIO_FO_LIST_ITEM)
		lay_list_item(E, node, geo);
	else if (node->kind == FOLIO_FO_BLOCK_CONTAINER)
		lay_container(E, node, geo);
	else if (node->kind == FOLIO_FO_TABLE)
		lay_table(E, node, geo);
	else
		lay_children(E, node, geo);
	if (together)
		keep_end(E);
	folio_len bottom = pad[FOLIO_SIDE_AFTER] + b[FOLIO_SIDE_AFTER].width;
	if (bottom > 0) {
		/* a keep-with-next of the content's end goes on past the
		 * bottom border */
		int kn = E->keep_next;
		if (d && d->first_box < 0) {
			em_box(E, bottom, NULL, node);
		} else {
			em_keep_previous(E, PEN_INF);
			em_box(E, bottom, NULL, node);
		}
		E->keep_next = kn;
	}
	if (d)
		E->deco = d->parent;
	folio_len sa = specified(node, FOLIO_PROP_SPACE_AFTER)
	    ? folio_fo_len(node, FOLIO_PROP_SPACE_AFTER, rw, 0)
	    : folio_fo_len(node, FOLIO_PROP_MARGIN_BOTTOM, rw, 0);
	if (sa > 0)
		em_space(E, sa, folio_fo_len(node, FOLIO_PROP_SPACE_AFTER_MINIMUM, rw, sa),
		         !specified(node, FOLIO_PROP_SPACE_AFTER) ||
		         folio_fo_is(node, FOLIO_PROP_SPACE_AFTER_CONDITIONALITY, "retain"),
		         precedence(node, FOLIO_PROP_SPACE_AFTER_PRECEDENCE));
	int kwn = keep_of(node, FOLIO_PROP_KEEP_WITH_NEXT_WITHIN_PAGE,
	                  FOLIO_PROP_KEEP_WITH_NEXT_WITHIN_COLUMN);
	if (kwn > E->keep_next)
		E->keep_next = kwn;
	const char *ba = folio_fo_kw(node, FOLIO_PROP_BREAK_AFTER);
	if (!strcmp(ba, "page") || !strcmp(ba, "odd-page") || !strcmp(ba, "even-page") ||
	    !strcmp(ba, "column"))
		em_force(E, ba);
	if (rec >= 0)
		refs_close(L, E, rec);
	for (int k = mfirst; k < L->nmarks; k++)
		if (L->marks[k].end == -1 && L->marks[k].v == E->out)
			L->marks[k].end = E->out->n;
	E->depth--;
}
