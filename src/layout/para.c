/*
 * para.c -- one paragraph: the inline content between block boundaries,
 * with XSL white-space handling, set by pango into lines.
 *
 * White space: linefeed-treatment, white-space-collapse and
 * white-space-treatment are applied here, while the text is collected,
 * because only here is the position in the line known.  A preserved
 * linefeed becomes U+2028 (a line break inside one pango paragraph, so
 * text-indent is not applied again).
 *
 * Lines: pango breaks and justifies; folio positions each line itself
 * (alignment, text-indent, line-height with half-leading as XSL and FOP
 * do it) and emits one box per line, with widows/orphans as penalties.
 *
 * Leaders are U+FFFC with a shape attribute of the leader's width; on a
 * justified line they grow to fill it, up to leader-length.maximum.
 */
#include "internal.h"

#include <string.h>

#include "../image/image.h"

/* An inline object on a U+FFFC: a leader, or a graphic when img is set. */
typedef struct leader {
	int index;                 /* byte index of its U+FFFC */
	const folio_fo *fo;
	folio_len min, opt, max;   /* max < 0: unbounded (100%) */
	double pct[3];             /* leader lengths (min, opt, max) given in
	                              %: of the line, resolved when set; < 0
	                              for none */
	PangoAttrShape *shape;     /* owned by the attr list */
	struct folio_image *img;   /* a graphic (arena-owned), or NULL */
	folio_len vh;              /* graphic: viewport height */
	folio_len cw, ch;          /* graphic: content size */
	bool spacer;               /* fixed room (inline padding and border) */
} leader;

/* An inline with borders: the byte range of its content. */
typedef struct boxrec {
	int start, end;
	const folio_fo *fo;
} boxrec;

typedef struct mark {
	int index;                 /* byte index in the text */
	const char *id;            /* an id starting here, or NULL */
	int site;                  /* a flow page-number site, or -1 */
	footnote *foot;            /* a footnote cited here, or NULL */
} mark;

typedef struct linkrec {
	int start, end;            /* byte range of the link's text */
	const folio_fo *fo;        /* the fo:basic-link */
} linkrec;

struct para {
	layout *L;
	int word_chars;            /* characters since the last break chance */
	linkrec *links;            /* malloc'd */
	int nlinks, caplinks;
	boxrec *boxes;             /* malloc'd: inlines with borders */
	int nboxes, capboxes;
	mark *marks;               /* malloc'd */
	int nmarks, capmarks;
	folio_buf text;            /* UTF-8 */
	PangoAttrList *attrs;      /* owned */
	leader *leaders;           /* malloc'd */
	int nleaders, capleaders;
	bool content;              /* has something besides collapsed spaces */
	bool space;                /* the last character is a collapsible space */
	bool space_kept;           /* ... inside text kept together within a
	                              line: no line break may follow it */
	size_t total;              /* bytes of text taken since the paragraph
	                              began, over all its pieces */
	bool capped;               /* FOLIO_LIMIT_PARA_BYTES was reported */
	bool pieces_told;          /* the warning about pieces was given */
};

para *
para_new(layout *L)
{
	para *p = folio_calloc(1, sizeof *p);
	p->L = L;
	p->attrs = pango_attr_list_new();
	return p;
}

static void
para_reset(para *p)
{
	folio_buf_clear(&p->text);
	pango_attr_list_unref(p->attrs);
	p->attrs = pango_attr_list_new();
	p->nleaders = 0;
	p->nmarks = 0;
	p->nlinks = 0;
	p->nboxes = 0;
	p->content = false;
	p->space = false;
	p->total = 0;
	p->capped = false;
	p->pieces_told = false;
}

void
para_free(para *p)
{
	if (!p)
		return;
	folio_buf_clear(&p->text);
	pango_attr_list_unref(p->attrs);
	free(p->leaders);
	free(p->marks);
	free(p->links);
	free(p->boxes);
	free(p);
}

bool
para_empty(const para *p)
{
	return !p->content;
}

static bool
at_line_start(const para *p)
{
	if (p->text.len == 0)
		return true;
	/* after U+2028 (e2 80 a8) */
	return p->text.len >= 3 && !memcmp(p->text.data + p->text.len - 3,
	                                   "\xe2\x80\xa8", 3);
}

/* Attributes of style for bytes [start, end). */
static void
add_style(para *p, const folio_fo *style, int start, int end)
{
	if (end <= start)
		return;
	PangoFontDescription *fd = font_of(style);
	PangoAttribute *a = pango_attr_font_desc_new(fd);
	pango_font_description_free(fd);
	a->start_index = (guint)start;
	a->end_index = (guint)end;
	pango_attr_list_insert(p->attrs, a);
	uint32_t c = folio_fo_color(style, FOLIO_PROP_COLOR);
	if ((c & 0xffffff) != 0) {
		a = pango_attr_foreground_new((guint16)(((c >> 16) & 255) * 257),
		                              (guint16)(((c >> 8) & 255) * 257),
		                              (guint16)((c & 255) * 257));
		a->start_index = (guint)start;
		a->end_index = (guint)end;
		pango_attr_list_insert(p->attrs, a);
	}
	if (style->kind != FOLIO_FO_BLOCK) {
		const folio_value *bg = folio_fo_specified(style, FOLIO_PROP_BACKGROUND_COLOR);
		if (bg && bg->kind == FOLIO_V_COLOR && (bg->color >> 24)) {
			uint32_t b = bg->color;
			a = pango_attr_background_new((guint16)(((b >> 16) & 255) * 257),
			                              (guint16)(((b >> 8) & 255) * 257),
			                              (guint16)((b & 255) * 257));
			a->start_index = (guint)start;
			a->end_index = (guint)end;
			pango_attr_list_insert(p->attrs, a);
		}
	}
	/* text-decoration and baseline-shift apply to the text of descendants:
	 * collect them from the inline ancestors up to the block */
	bool under = false, over = false, through = false;
	folio_len rise = 0;
	for (const folio_fo *n = style; n; n = n->parent) {
		const folio_value *td = folio_fo_specified(n, FOLIO_PROP_TEXT_DECORATION);
		if (td && (td->kind == FOLIO_V_KW || td->kind == FOLIO_V_STR) && td->str) {
			under |= !!strstr(td->str, "underline") && !strstr(td->str, "no-underline");
			over |= !!strstr(td->str, "overline") && !strstr(td->str, "no-overline");
			through |= !!strstr(td->str, "line-through") && !strstr(td->str, "no-line-through");
		}
		const folio_value *bs = folio_fo_specified(n, FOLIO_PROP_BASELINE_SHIFT);
		/* vertical-align, the CSS-like shorthand, as the shift it implies */
		const folio_value *va = bs ? NULL : folio_fo_specified(n, FOLIO_PROP_VERTICAL_ALIGN);
		if (va && va->kind == FOLIO_V_KW) {
			static const folio_value sup = {.kind = FOLIO_V_KW, .str = "super"};
			static const folio_value sub = {.kind = FOLIO_V_KW, .str = "sub"};
			if (!strcmp(va->str, "super") || !strcmp(va->str, "top") ||
			    !strcmp(va->str, "text-top"))
				bs = &sup;
			else if (!strcmp(va->str, "sub") || !strcmp(va->str, "bottom") ||
			         !strcmp(va->str, "text-bottom"))
				bs = &sub;
		}
		folio_fo *parent = n->parent;
		folio_len pfs = parent ? parent->font_size : n->font_size;
		if (bs && bs->kind == FOLIO_V_KW && !strcmp(bs->str, "super"))
			rise += pfs / 3;
		else if (bs && bs->kind == FOLIO_V_KW && !strcmp(bs->str, "sub"))
			rise -= pfs / 5;
		else if (bs && bs->kind == FOLIO_V_LEN)
			rise += bs->len;
		else if (bs && bs->kind == FOLIO_V_PCT)
			rise += (folio_len)((double)pfs * bs->num / 100);
		if (folio_fo_role_of(n->kind) != FOLIO_ROLE_INLINE)
			break;
	}
	if (under || over || through || rise) {
		PangoAttribute *extra[4] = {
			under ? pango_attr_underline_new(PANGO_UNDERLINE_SINGLE) : NULL,
			over ? pango_attr_overline_new(PANGO_OVERLINE_SINGLE) : NULL,
			through ? pango_attr_strikethrough_new(TRUE) : NULL,
			rise ? pango_attr_rise_new(rise) : NULL,
		};
		for (int i = 0; i < 4; i++)
			if (extra[i]) {
				extra[i]->start_index = (guint)start;
				extra[i]->end_index = (guint)end;
				pango_attr_list_insert(p->attrs, extra[i]);
			}
	}
	folio_value ls = folio_fo_get(style, FOLIO_PROP_LETTER_SPACING);
	if (ls.kind == FOLIO_V_LEN && ls.len) {
		a = pango_attr_letter_spacing_new(ls.len);
		a->start_index = (guint)start;
		a->end_index = (guint)end;
		pango_attr_list_insert(p->attrs, a);
	}
	/* word-spacing: pango has no such attribute, but letter spacing on the
	 * spaces alone widens exactly the gaps between words */
	folio_value ws = folio_fo_get(style, FOLIO_PROP_WORD_SPACING);
	if (ws.kind == FOLIO_V_LEN && ws.len)
		for (int i = start; i < end; i++)
			if (p->text.data[i] == ' ') {
				a = pango_attr_letter_spacing_new(ws.len + (ls.kind == FOLIO_V_LEN ? ls.len : 0));
				a->start_index = (guint)i;
				a->end_index = (guint)i + 1;
				pango_attr_list_insert(p->attrs, a);
			}
	/* visibility: hidden text keeps its place but is not drawn */
	if (folio_fo_is(style, FOLIO_PROP_VISIBILITY, "hidden") ||
	    folio_fo_is(style, FOLIO_PROP_VISIBILITY, "collapse")) {
		a = pango_attr_foreground_alpha_new(1);
		a->start_index = (guint)start;
		a->end_index = (guint)end;
		pango_attr_list_insert(p->attrs, a);
	}
	if (style->kind != FOLIO_FO_TEXT) {
		const char *lang = folio_fo_str(style, FOLIO_PROP_LANGUAGE);
		if (*lang && strcmp(lang, "none")) {
			a = pango_attr_language_new(pango_language_from_string(lang));
			a->start_index = (guint)start;
			a->end_index = (guint)end;
			pango_attr_list_insert(p->attrs, a);
		}
	}
}

static void para_text_raw(para *p, const folio_fo *style, const char *text,
                          size_t len);

static bool
letter_of_word(gunichar c)
{
	return g_unichar_isalnum(c) || c == '\'' || c == 0x2019;
}

/* after: the paragraph's text so far, since a word goes on across inline
 * boundaries ("ca<inline>pit</inline>al" is one word, capitalised once). */
static char *
transform_text(const char *kw, const char *text, size_t len, const folio_buf *after)
{
	if (!strcmp(kw, "uppercase"))
		return g_utf8_strup(text, (gssize)len);
	if (!strcmp(kw, "lowercase"))
		return g_utf8_strdown(text, (gssize)len);
	/* capitalize: the first letter of every word */
	GString *out = g_string_sized_new(len);
	bool word_start = true;
	if (after->len) {
		const char *last = g_utf8_find_prev_char(after->data, after->data + after->len);
		word_start = !last || !letter_of_word(g_utf8_get_char(last));
	}
	for (const char *q = text; q < text + len; q = g_utf8_next_char(q)) {
		gunichar c = g_utf8_get_char(q);
		if (word_start && g_unichar_isalpha(c))
			c = g_unichar_totitle(c);
		word_start = !letter_of_word(c);
		g_string_append_unichar(out, c);
	}
	return g_string_free(out, FALSE);
}

/* Counts len more bytes of text; past FOLIO_LIMIT_PARA_BYTES reports an
 * error (once) and returns true: the text is then dropped, since the
 * document fails anyway and setting it would only cost time. */
static bool
para_over_limit(para *p, const folio_fo *style, size_t len)
{
	if (!p->capped && p->total + len <= (size_t)FOLIO_LIMIT_PARA_BYTES) {
		p->total += len;
		return false;
	}
	if (!p->capped)
		folio_fo_diag(p->L->d, p->L->doc, style, FOLIO_ERROR, "limit",
		              "this paragraph has more than %ld bytes of text; "
		              "split it into several blocks", FOLIO_LIMIT_PARA_BYTES);
	p->capped = true;
	return true;
}

/* Text of one node: hyphenation points and text-transform first (each
 * makes a new string), then white-space handling into the paragraph. */
void
para_text(para *p, const folio_fo *style, const char *text, size_t len)
{
	char *hyph = NULL, *cased = NULL;
	if (para_over_limit(p, style, len))
		return;
	if (folio_fo_is(style, FOLIO_PROP_HYPHENATE, "true")) {
		int push = (int)folio_fo_num(style, FOLIO_PROP_HYPHENATION_PUSH_CHARACTER_COUNT, 2);
		int remain = (int)folio_fo_num(style, FOLIO_PROP_HYPHENATION_REMAIN_CHARACTER_COUNT, 2);
		hyph = hyphenate_text(folio_fo_str(style, FOLIO_PROP_LANGUAGE), text, len,
		                      push < 1 ? 1 : push, remain < 1 ? 1 : remain);
		if (hyph) {
			text = hyph;
			len = strlen(hyph);
		}
	}
	const char *tt = folio_fo_kw(style, FOLIO_PROP_TEXT_TRANSFORM);
	if (*tt && strcmp(tt, "none") && g_utf8_validate(text, (gssize)len, NULL)) {
		cased = transform_text(tt, text, len, &p->text);
		text = cased;
		len = strlen(cased);
	}
	para_text_raw(p, style, text, len);
	g_free(cased);
	g_free(hyph);
}

static bool
is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Sets what the paragraph holds so far as lines, as one piece of a longer
 * paragraph: its size and limit state carry on. */
static void
piece_flush(para *p, emitter *E, const folio_fo *block, blockgeo *geo)
{
	size_t total = p->total;
	bool capped = p->capped, told = p->pieces_told;
	para_flush(p, E, block, geo);
	p->total = total;
	p->capped = capped;
	p->pieces_told = told;
}

/* Text directly in a block (no inline open around it).  pango gets a
 * paragraph in pieces of at most FOLIO_LIMIT_PIECE_BYTES, cut at a blank
 * (or, in a giant word, at a character): each piece ends a line.  Cutting
 * at a preserved linefeed changes nothing; elsewhere the reader sees a
 * short line, so that is a warning.  Without pieces pango is quadratic on
 * long paragraphs and its line widths overflow (one line, off the page). */
void
para_text_block(para *p, emitter *E, const folio_fo *block, blockgeo *geo,
                const char *text, size_t len)
{
	bool lf_kept = folio_fo_is(block, FOLIO_PROP_LINEFEED_TREATMENT, "preserve");
	/* too long: said at once, before any of it is set */
	if (p->capped || p->total + len > (size_t)FOLIO_LIMIT_PARA_BYTES) {
		para_over_limit(p, block, len);
		return;
	}
	while (len > 0) {
		size_t room = p->text.len < FOLIO_LIMIT_PIECE_BYTES
		            ? FOLIO_LIMIT_PIECE_BYTES - p->text.len : 0;
		if (len <= room) {
			para_text(p, block, text, len);
			return;
		}
		size_t cut = room;
		while (cut > room / 2 && !is_blank(text[cut]))
			cut--;
		if (cut <= room / 2) {
			cut = room;
			while (cut > 0 && ((unsigned char)text[cut] & 0xc0) == 0x80)
				cut--;
		}
		if (cut)
			para_text(p, block, text, cut);
		bool exact = lf_kept && text[cut] == '\n';
		if (!exact && !p->pieces_told) {
			folio_fo_diag(p->L->d, p->L->doc, block, FOLIO_WARNING, "limit",
			              "a paragraph of more than %d bytes is set in pieces: "
			              "a line ends after each piece", FOLIO_LIMIT_PIECE_BYTES);
			p->pieces_told = true;
		}
		piece_flush(p, E, block, geo);
		text += cut;
		len -= cut;
		if (len && is_blank(*text)) {   /* the blank became the line end */
			text++;
			len--;
		}
	}
}

static void
para_text_raw(para *p, const folio_fo *style, const char *text, size_t len)
{
	const char *lf = folio_fo_kw(style, FOLIO_PROP_LINEFEED_TREATMENT);
	bool collapse = !folio_fo_is(style, FOLIO_PROP_WHITE_SPACE_COLLAPSE, "false");
	const char *wst = folio_fo_kw(style, FOLIO_PROP_WHITE_SPACE_TREATMENT);
	bool keep_spaces = !strcmp(wst, "preserve");
	bool drop_spaces = !strcmp(wst, "ignore");
	/* white-space-treatment drops spaces next to linefeeds that stay
	 * linefeeds; linefeed-treatment has already made the others spaces (or
	 * nothing), as FOP reads the refinement order -- it matters only
	 * when white-space-collapse="false" */
	bool lf_kept = !strcmp(lf, "preserve");
	bool drop_before = lf_kept && (!strcmp(wst, "ignore-if-surrounding-linefeed") ||
	                               !strcmp(wst, "ignore-if-before-linefeed"));
	bool drop_after = lf_kept && (!strcmp(wst, "ignore-if-surrounding-linefeed") ||
	                              !strcmp(wst, "ignore-if-after-linefeed"));
	/* keep-together.within-line="always" (or wrap-option="no-wrap" on an
	 * inline; a block's is pango's wrap mode): its spaces are no break chances -- a word joiner (U+2060)
	 * after each keeps pango from breaking there while the space stays a
	 * space (it stretches when justified, goes at a paragraph's end) */
	bool kept = folio_fo_keep(style, FOLIO_PROP_KEEP_TOGETHER_WITHIN_LINE) == INT_MAX ||
	            (folio_fo_role_of(style->kind) != FOLIO_ROLE_BLOCK &&
	             folio_fo_is(style, FOLIO_PROP_WRAP_OPTION, "no-wrap"));
	int start = (int)p->text.len;
	for (size_t i = 0; i < len; i++) {
		char c = text[i];
		if (c == ' ' || c == '\t' || c == '\r') {
			size_t e = i;
			while (e < len && (text[e] == ' ' || text[e] == '\t' || text[e] == '\r'))
				e++;
			bool before_lf = e < len && text[e] == '\n';
			bool after_lf = i > 0 && text[i - 1] == '\n';
			if ((drop_before && before_lf) || (drop_after && after_lf)) {
				i = e - 1;   /* the whole run goes */
				continue;
			}
		}
		if (c == '\r')
			c = ' ';
		if (c == '\n') {
			if (!strcmp(lf, "preserve")) {
				/* spaces before a preserved linefeed go unless preserved */
				size_t had = p->text.len;
				while (!keep_spaces && p->text.len && p->text.data[p->text.len - 1] == ' ')
					p->text.data[--p->text.len] = 0;
				/* and so do the ends of earlier nodes' attributes over
				 * them, and this node's start: else a range ends inside
				 * the U+2028 added next and pango's lines run past the
				 * text (found by fuzzing) */
				if (p->text.len < had)
					pango_attr_list_update(p->attrs, (int)p->text.len,
					                       (int)(had - p->text.len), 0);
				if (start > (int)p->text.len)
					start = (int)p->text.len;
				folio_buf_puts(&p->text, "\xe2\x80\xa8");
				p->content = true;
				p->space = false;
				continue;
			}
			if (!strcmp(lf, "ignore"))
				continue;
			if (!strcmp(lf, "treat-as-zero-width-space")) {
				folio_buf_puts(&p->text, "\xe2\x80\x8b");
				continue;
			}
			c = ' ';
		}
		if (c == ' ' || c == '\t') {
			if (drop_spaces)
				continue;
			if (!keep_spaces && (at_line_start(p) || (collapse && p->space)))
				continue;
			if (collapse && !keep_spaces && p->space)
				continue;
			folio_buf_add(&p->text, " ", 1);
			p->space = true;
			p->space_kept = kept;
			p->word_chars = 0;
			continue;
		}
		if (c == '\xc2' && i + 1 < len && text[i + 1] == '\x85') {
			/* NEXT LINE (U+0085) is a forced line break (UAX #14):
			 * pango draws it as a missing glyph, U+2028 breaks */
			folio_buf_puts(&p->text, "\xe2\x80\xa8");
			p->content = true;
			p->space = false;
			i++;
			continue;
		}
		if (p->space && p->space_kept)
			folio_buf_puts(&p->text, "\xe2\x81\xa0");   /* U+2060 */
		folio_buf_add(&p->text, &c, 1);
		p->content = true;
		p->space = false;
		/* count characters (not UTF-8 continuation bytes) of this word */
		if (((unsigned char)c & 0xc0) != 0x80 &&
		    ++p->word_chars >= FOLIO_LIMIT_WORD_CHARS) {
			folio_buf_puts(&p->text, "\xe2\x80\x8b");   /* U+200B */
			p->word_chars = 0;
		}
	}
	add_style(p, style, start, (int)p->text.len);
}

/* A leader length; a percentage (of the line's width, known only when
 * the paragraph is set) goes to *pct and gives dflt for now. */
static folio_len
leader_len(const folio_fo *n, folio_prop_id id, folio_len dflt, double *pct)
{
	folio_value v = folio_fo_get(n, id);
	*pct = -1;
	if (v.kind == FOLIO_V_LEN)
		return v.len;
	if (v.kind == FOLIO_V_PCT) {
		if (v.num >= 100)
			return -1;   /* the whole line: unbounded */
		*pct = v.num > 0 ? v.num : 0;
	}
	return dflt;
}

/* Leader lengths given in % of the line, now that its width is known. */
static void
leaders_resolve(para *p, folio_len width)
{
	for (int i = 0; i < p->nleaders; i++) {
		leader *l = &p->leaders[i];
		if (l->img || l->spacer || (l->pct[0] < 0 && l->pct[1] < 0 && l->pct[2] < 0))
			continue;
		folio_len *v[3] = {&l->min, &l->opt, &l->max};
		for (int k = 0; k < 3; k++)
			if (l->pct[k] >= 0)
				*v[k] = (folio_len)((double)width * l->pct[k] / 100);
		if (l->opt < l->min)
			l->opt = l->min;
		if (l->max >= 0 && l->opt > l->max)
			l->opt = l->max;
		l->shape->logical_rect.width = l->shape->ink_rect.width = l->opt;
	}
}

static leader *
new_object(para *p)
{
	if (p->nleaders == p->capleaders) {
		p->capleaders = p->capleaders ? 2 * p->capleaders : 4;
		p->leaders = folio_realloc_array(p->leaders, (size_t)p->capleaders,
		                                 sizeof *p->leaders);
	}
	leader *l = &p->leaders[p->nleaders++];
	memset(l, 0, sizeof *l);
	return l;
}

/* Puts object l at the end of the text: U+FFFC with a shape attribute of
 * the given logical rectangle, in the style of l's node. */
static void
put_object(para *p, leader *l, PangoRectangle r)
{
	l->index = (int)p->text.len;
	folio_buf_puts(&p->text, "\xef\xbf\xbc");
	PangoAttribute *a = pango_attr_shape_new(&r, &r);
	a->start_index = (guint)l->index;
	a->end_index = (guint)p->text.len;
	l->shape = (PangoAttrShape *)a;
	pango_attr_list_insert(p->attrs, a);
	add_style(p, l->fo, l->index, (int)p->text.len);
	p->content = true;
	p->space = false;
}

void
para_graphic(para *p, const folio_fo *node, struct folio_image *img,
             folio_len vw, folio_len vh, folio_len cw, folio_len ch)
{
	leader *l = new_object(p);
	l->fo = node;
	l->img = img;
	l->index = (int)p->text.len;
	l->min = l->opt = l->max = vw;
	l->vh = vh;
	l->cw = cw;
	l->ch = ch;
	/* graphics one after the other with nothing between them are no line
	 * break chance (pango's line breaking would take U+FFFC as one; FOP
	 * does not break there) */
	if (p->text.len >= 3 && !memcmp(p->text.data + p->text.len - 3, "\xef\xbf\xbc", 3))
		folio_buf_puts(&p->text, "\xe2\x81\xa0");   /* U+2060 */
	/* the graphic stands on the baseline */
	put_object(p, l, (PangoRectangle){0, -vh, vw, vh});
}

void
para_spacer(para *p, const folio_fo *node, folio_len w)
{
	if (w <= 0)
		return;
	leader *l = new_object(p);
	l->fo = node;
	l->spacer = true;
	l->min = l->opt = l->max = w;
	put_object(p, l, (PangoRectangle){0, 0, w, 0});
}

void
para_border(para *p, int start, const folio_fo *node)
{
	if ((int)p->text.len <= start)
		return;
	if (p->nboxes == p->capboxes) {
		p->capboxes = p->capboxes ? 2 * p->capboxes : 4;
		p->boxes = folio_realloc_array(p->boxes, (size_t)p->capboxes, sizeof *p->boxes);
	}
	p->boxes[p->nboxes++] = (boxrec){start, (int)p->text.len, node};
}

void
para_leader(para *p, const folio_fo *node)
{
	leader *l = new_object(p);
	l->fo = node;
	l->index = (int)p->text.len;
	l->min = leader_len(node, FOLIO_PROP_LEADER_LENGTH_MINIMUM, 0, &l->pct[0]);
	l->opt = leader_len(node, FOLIO_PROP_LEADER_LENGTH_OPTIMUM, FOLIO_PT(12), &l->pct[1]);
	l->max = leader_len(node, FOLIO_PROP_LEADER_LENGTH_MAXIMUM, -1, &l->pct[2]);
	if (l->min < 0)
		l->min = 0;
	if (l->opt < 0)
		l->opt = l->min;
	if (l->max >= 0 && l->opt > l->max)
		l->opt = l->max;
	put_object(p, l, (PangoRectangle){0, 0, l->opt, 0});
}

static void
add_mark(para *p, const char *id, int site)
{
	if (p->nmarks == p->capmarks) {
		p->capmarks = p->capmarks ? 2 * p->capmarks : 8;
		p->marks = folio_realloc_array(p->marks, (size_t)p->capmarks, sizeof *p->marks);
	}
	p->marks[p->nmarks++] = (mark){(int)p->text.len, id, site, NULL};
}

void
para_footnote(para *p, footnote *f)
{
	add_mark(p, NULL, -2);
	p->marks[p->nmarks - 1].foot = f;
	p->marks[p->nmarks - 1].index = p->text.len ? (int)p->text.len - 1 : 0;
}

int
para_pos(const para *p)
{
	return (int)p->text.len;
}

void
para_link(para *p, int start, const folio_fo *link)
{
	if ((int)p->text.len <= start)
		return;
	if (p->nlinks == p->caplinks) {
		p->caplinks = p->caplinks ? 2 * p->caplinks : 4;
		p->links = folio_realloc_array(p->links, (size_t)p->caplinks, sizeof *p->links);
	}
	p->links[p->nlinks++] = (linkrec){start, (int)p->text.len, link};
}

/* The part of bytes [start, end) that lies on line, as x positions from
 * the line's start (x0 <= x1); false when none of it does. */
static bool
line_span(PangoLayoutLine *line, int start, int end, int *x0, int *x1)
{
	int from = line->start_index, to = from + line->length;
	if (end <= from || start >= to)
		return false;
	pango_layout_line_index_to_x(line, start > from ? start : from, FALSE, x0);
	pango_layout_line_index_to_x(line, end < to ? end : to, FALSE, x1);
	if (*x1 < *x0) {
		int t = *x0;
		*x0 = *x1;
		*x1 = t;
	}
	return true;
}

/* Borders of the inlines on this line: one rectangle per line fragment,
 * open at a side where the inline continues on another line. */
static void
add_border_areas(para *p, emitter *E, PangoLayoutLine *line, folio_area *la)
{
	int from = line->start_index, to = from + line->length;
	for (int i = 0; i < p->nboxes; i++) {
		boxrec *k = &p->boxes[i];
		int x0, x1;
		if (!line_span(line, k->start, k->end, &x0, &x1))
			continue;
		folio_area *a = area_new(E->L, FOLIO_AREA_BLOCK, k->fo);
		border_of(k->fo, a->border, 0);
		if (k->start < from)
			a->border[FOLIO_SIDE_START].width = 0;
		if (k->end > to)
			a->border[FOLIO_SIDE_END].width = 0;
		folio_len asc = k->fo->font_size * 9 / 10, desc = k->fo->font_size / 4;
		folio_len pb = padding_of(k->fo, FOLIO_SIDE_BEFORE, 0);
		folio_len pa = padding_of(k->fo, FOLIO_SIDE_AFTER, 0);
		a->x = la->x + x0;
		a->w = x1 - x0;
		a->y = la->baseline - asc - pb - a->border[FOLIO_SIDE_BEFORE].width;
		a->h = asc + desc + pb + pa + a->border[FOLIO_SIDE_BEFORE].width +
		       a->border[FOLIO_SIDE_AFTER].width;
		area_append(la, a);
	}
}

/* Clickable rectangles of the links that touch this line. */
static void
add_link_areas(para *p, emitter *E, PangoLayoutLine *line, folio_area *la)
{
	for (int i = 0; i < p->nlinks; i++) {
		linkrec *k = &p->links[i];
		int x0, x1;
		if (!line_span(line, k->start, k->end, &x0, &x1))
			continue;
		const char *dest = folio_fo_str(k->fo, FOLIO_PROP_INTERNAL_DESTINATION);
		bool internal = *dest != 0;
		if (!internal)
			dest = folio_fo_str(k->fo, FOLIO_PROP_EXTERNAL_DESTINATION);
		if (!*dest)
			continue;
		char uri[2048];
		folio_uri_unwrap(dest, uri, sizeof uri);
		folio_area *a = area_new(E->L, FOLIO_AREA_LINK, k->fo);
		a->x = la->x + x0;
		a->w = x1 - x0;
		a->y = la->y;
		a->h = la->h;
		a->link = folio_arena_strdup(E->L->arena, uri);
		a->link_internal = internal;
		area_append(la, a);
	}
}

void
para_mark_id(para *p, const char *id)
{
	add_mark(p, id, -1);
}

static void
add_text_run(para *p, const folio_fo *node, const char *t)
{
	int start = (int)p->text.len;
	folio_buf_puts(&p->text, t);
	add_style(p, node, start, (int)p->text.len);
	p->content = true;
	p->space = false;
}

void
para_citation(para *p, const folio_fo *node)
{
	layout *L = p->L;
	const char *id = folio_fo_str(node, FOLIO_PROP_REF_ID);
	bool last = node->kind == FOLIO_FO_PAGE_NUMBER_CITATION_LAST;
	const char *t = refs_lookup(L, id, last);
	L->used_refs = true;
	if (!t && L->nprev > 0 && !L->warned_refs) {
		L->warned_refs = 1;
		folio_fo_diag(L->d, L->doc, node, FOLIO_WARNING, "ref-id",
		              "page-number-citation: no element has id \"%s\"", id);
	}
	add_text_run(p, node, t && *t ? t : "?");
}

void
para_page_number(para *p, const folio_fo *node)
{
	layout *L = p->L;
	const char *t = L->page_label;
	if (!t) {
		int site = L->sites++;
		t = refs_site(L, site);
		L->used_refs = true;
		add_mark(p, NULL, site);
		if (!t || !*t)
			t = "1";
	}
	int start = (int)p->text.len;
	folio_buf_puts(&p->text, t);
	add_style(p, node, start, (int)p->text.len);
	p->content = true;
	p->space = false;
}

/* ---- setting lines ---- */

typedef enum align { AL_START, AL_CENTER, AL_END, AL_JUSTIFY } align;

static align
align_of(const char *kw)
{
	if (!strcmp(kw, "center"))
		return AL_CENTER;
	if (!strcmp(kw, "end") || !strcmp(kw, "right") || !strcmp(kw, "outside"))
		return AL_END;
	if (!strcmp(kw, "justify"))
		return AL_JUSTIFY;
	return AL_START;
}

/* Is the line the last of the paragraph or ended by a forced break? */
static bool
is_last_line(PangoLayout *pl, PangoLayoutLine *line, bool final)
{
	if (final)
		return true;
	const char *t = pango_layout_get_text(pl);
	int end = line->start_index + line->length;
	return end >= 3 && !memcmp(t + end - 3, "\xe2\x80\xa8", 3);
}

/* On justified lines, leaders take up the free space (up to their max). */
static bool
stretch_leaders(para *p, PangoLayout *pl, folio_len width, align a, align last)
{
	bool changed = false;
	PangoLayoutIter *it = pango_layout_get_iter(pl);
	do {
		PangoLayoutLine *line = pango_layout_iter_get_line_readonly(it);
		bool lastl = is_last_line(pl, line, pango_layout_iter_at_last_line(it));
		if ((lastl ? last : a) != AL_JUSTIFY)
			continue;
		int from = line->start_index, to = from + line->length;
		PangoRectangle log;
		pango_layout_line_get_extents(line, NULL, &log);
		folio_len avail = width - (line->is_paragraph_start
		                           ? pango_layout_get_indent(pl) : 0);
		folio_len free = avail - log.width - 16;
		int n = 0;
		for (int i = 0; i < p->nleaders; i++)
			if (p->leaders[i].index >= from && p->leaders[i].index < to &&
			    !p->leaders[i].img && !p->leaders[i].spacer)
				n++;
		if (!n || free <= 0)
			continue;
		for (int i = 0; i < p->nleaders; i++) {
			leader *l = &p->leaders[i];
			if (l->index < from || l->index >= to || l->img || l->spacer)
				continue;
			folio_len w = l->shape->logical_rect.width + free / n;
			if (l->max >= 0 && w > l->max)
				w = l->max;
			if (w != l->shape->logical_rect.width) {
				l->shape->logical_rect.width = w;
				l->shape->ink_rect.width = w;
				changed = true;
			}
		}
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
	if (changed) {
		pango_layout_set_attributes(pl, p->attrs);
		pango_layout_context_changed(pl);
	}
	return changed;
}

/* The non-blank text inside a leader, depth first. */
static void
leader_text(const folio_fo *n, folio_buf *t, const folio_fo **style)
{
	for (const folio_fo *c = n->first; c; c = c->next) {
		if (c->kind == FOLIO_FO_TEXT) {
			size_t had = t->len;
			for (size_t k = 0; k < c->text_len; k++)
				if (!strchr(" \t\r\n", c->text[k]))
					folio_buf_add(t, c->text + k, 1);
			if (!had && t->len)
				*style = n;   /* the pattern is set in its font */
		} else if (c->kind != FOLIO_FO_INSTREAM_FOREIGN_OBJECT) {
			leader_text(c, t, style);
		}
	}
}

static void
add_leader_areas(para *p, emitter *E, PangoLayout *pl, PangoLayoutLine *line,
                 folio_area *la, folio_len line_x_in_layout)
{
	int from = line->start_index, to = from + line->length;
	for (int i = 0; i < p->nleaders; i++) {
		leader *l = &p->leaders[i];
		if (l->index < from || l->index >= to || l->spacer)
			continue;
		if (l->img) {
			PangoRectangle pos;
			pango_layout_index_to_pos(pl, l->index, &pos);
			folio_area *a = area_new(E->L, FOLIO_AREA_IMAGE, l->fo);
			a->image = l->img;
			a->x = la->x + (pos.x - line_x_in_layout);
			a->w = l->shape->logical_rect.width;
			a->h = l->vh;
			a->y = la->baseline - l->vh;
			a->content_w = l->cw;
			a->content_h = l->ch;
			area_append(la, a);
			continue;
		}
		const char *pat = folio_fo_kw(l->fo, FOLIO_PROP_LEADER_PATTERN);
		int kind = !strcmp(pat, "rule") ? FOLIO_LEADER_RULE
		         : (!strcmp(pat, "dots") || !strcmp(pat, "use-content"))
		               ? FOLIO_LEADER_DOTS : FOLIO_LEADER_SPACE;
		if (kind == FOLIO_LEADER_SPACE)
			continue;
		PangoRectangle pos;
		pango_layout_index_to_pos(pl, l->index, &pos);
		folio_area *a = area_new(E->L, FOLIO_AREA_LEADER, l->fo);
		a->leader_pattern = kind;
		a->x = la->x + (pos.x - line_x_in_layout);
		a->w = l->shape->logical_rect.width;
		a->thickness = folio_fo_len(l->fo, FOLIO_PROP_RULE_THICKNESS, 0, FOLIO_PT(1));
		a->color = folio_fo_color(l->fo, FOLIO_PROP_COLOR);
		a->y = la->baseline - a->thickness;
		a->h = a->thickness;
		if (kind == FOLIO_LEADER_DOTS) {
			a->pattern = ".";
			const folio_fo *style = l->fo;
			if (!strcmp(pat, "use-content")) {
				/* the text of the leader's content, repeated (graphics
				 * and the inlines' own borders are not drawn) */
				folio_buf t = {0};
				leader_text(l->fo, &t, &style);
				if (!t.len) {   /* nothing to repeat */
					folio_buf_clear(&t);
					continue;
				}
				a->pattern = folio_arena_strdup(E->L->arena, t.data);
				folio_buf_clear(&t);
			}
			/* leader-pattern-width: one pattern per cell that wide */
			folio_value pw = folio_fo_get(l->fo, FOLIO_PROP_LEADER_PATTERN_WIDTH);
			if (pw.kind == FOLIO_V_LEN || pw.kind == FOLIO_V_PCT)
				a->pattern_w = folio_fo_len(l->fo, FOLIO_PROP_LEADER_PATTERN_WIDTH,
				                            E->ref_w, 0);
			a->font = font_of(style);
			folio_arena_release(E->L->arena,
			                    (void (*)(void *))pango_font_description_free,
			                    a->font);
			a->y = la->y;
			a->h = la->h;
		}
		area_append(la, a);
	}
}

/* The text of line set alone, justified to width or not (both its
 * attributes and text taken from pl); NULL when pango gives more than one
 * line. */
static PangoLayoutLine *
set_alone(layout *L, PangoLayout *pl, PangoAttrList *attrs, PangoLayoutLine *line,
          folio_len width, bool justify)
{
	const char *text = pango_layout_get_text(pl);
	int start = line->start_index, len = line->length;
	while (len > 0 && (text[start + len - 1] == ' ' || text[start + len - 1] == '\n'))
		len--;
	PangoAttrList *copy = pango_attr_list_copy(attrs);
	pango_attr_list_update(copy, 0, start, 0);
	PangoLayout *one = pango_layout_new(L->pctx);
	folio_arena_release(L->arena, g_object_unref, one);
	/* a line broken at a soft hyphen shows the hyphen only at a break:
	 * set alone, it gets a real one */
	char *own = NULL;
	if (len >= 2 && !memcmp(text + start + len - 2, "\xc2\xad", 2)) {
		own = g_strndup(text + start, (gsize)len);
		own[len - 2] = '-';
		own[len - 1] = 0;
		len--;
	}
	pango_layout_set_text(one, own ? own : text + start, len);
	g_free(own);
	pango_layout_set_attributes(one, copy);
	pango_attr_list_unref(copy);
	pango_layout_set_width(one, width);
	pango_layout_set_wrap(one, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_justify(one, justify);
	pango_layout_set_justify_last_line(one, justify);
	if (pango_layout_get_line_count(one) != 1)
		return NULL;
	return pango_layout_get_line_readonly(one, 0);
}

/* Is the line's text one word (spaces only at its end)? */
static bool
single_word(const char *s, int n)
{
	while (n > 0 && s[n - 1] == ' ')
		n--;
	return n > 0 && !memchr(s, ' ', (size_t)n);
}

/* Is there text in the line, not only objects (graphics, leaders) and
 * word joiners?  A row of graphics too wide overflows, as in FOP: cutting
 * it would not keep anything more readable. */
static bool
has_text(const char *s, int n)
{
	for (const char *q = s; q < s + n; q = g_utf8_next_char(q)) {
		gunichar c = g_utf8_get_char(q);
		if (c != 0xfffc && c != 0x2060 && c != ' ')
			return true;
	}
	return false;
}

/* Does a line of the layout hold one word wider than the line? */
static bool
overlong_word(PangoLayout *pl, const char *text, folio_len width, folio_len indent)
{
	bool found = false;
	PangoLayoutIter *it = pango_layout_get_iter(pl);
	int k = 0;
	do {
		PangoLayoutLine *line = pango_layout_iter_get_line_readonly(it);
		PangoRectangle log;
		pango_layout_iter_get_line_extents(it, NULL, &log);
		folio_len avail = width - (k == 0 ? indent : 0);
		if (log.width > avail + FOLIO_PT(0.5) &&
		    single_word(text + line->start_index, line->length) &&
		    has_text(text + line->start_index, line->length))
			found = true;
		k++;
	} while (!found && pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
	return found;
}

/* The paragraph k describes, set by pango into lines (the costly part of
 * para_flush, which a helper may have done already: shadow.c).  *overlong
 * tells that a word wider than the line made it cut words at the edge. */
PangoLayout *
para_shape(layout *L, const shapekey *k, bool *overlong)
{
	PangoLayout *pl = pango_layout_new(L->pctx);
	pango_layout_set_text(pl, k->text, k->len);
	pango_layout_set_attributes(pl, k->attrs);
	pango_layout_set_alignment(pl, PANGO_ALIGN_LEFT);
	pango_layout_set_wrap(pl, PANGO_WRAP_WORD);
	pango_layout_set_justify(pl, k->justify);
	pango_layout_set_justify_last_line(pl, k->justify_last);
	/* pango indents the first line by a positive indent and all others by
	 * a negative one; XSL moves only the first line either way */
	pango_layout_set_width(pl, k->wrap ? k->width + (k->indent < 0 ? -k->indent : 0) : -1);
	pango_layout_set_indent(pl, k->indent);
	/* Words are not cut to fit (as in FOP), but in a real column (a few
	 * ems wide) a word wider than the column is cut at the edge rather
	 * than run into the next cell; degenerate widths overflow.  Either
	 * way the author is warned (para_flush). */
	*overlong = false;
	if (k->wrap && k->width >= 3 * k->block->font_size &&
	    overlong_word(pl, k->text, k->width, k->indent)) {
		pango_layout_set_wrap(pl, PANGO_WRAP_WORD_CHAR);
		*overlong = true;
	}
	(void)pango_layout_get_line_count(pl);   /* set now, on this thread */
	return pl;
}

void
para_flush(para *p, emitter *E, const folio_fo *block, blockgeo *geo)
{
	if (!p->content) {
		/* ids of inlines with no text (a wrapper around blocks, an empty
		 * wrapper) stand at the next box */
		bool feet = false;
		for (int m = 0; m < p->nmarks; m++) {
			if (!p->marks[m].foot && p->marks[m].id)
				refs_at_next_box(E->L, E, p->marks[m].id, p->marks[m].site);
			if (p->marks[m].foot) {
				footnote **t = &E->L->pending_feet;
				while (*t)
					t = &(*t)->next;
				*t = p->marks[m].foot;
				feet = true;
			}
		}
		/* a footnote cited by an empty inline still goes on the page:
		 * an empty box here carries it */
		if (feet)
			em_box(E, 0, NULL, block);
		para_reset(p);
		return;
	}
	size_t untrimmed = p->text.len;
	while (p->text.len && p->text.data[p->text.len - 1] == ' ')
		p->text.data[--p->text.len] = 0;
	/* attributes must not reach past the text (see para_text_raw) */
	if (p->text.len < untrimmed)
		pango_attr_list_update(p->attrs, (int)p->text.len,
		                       (int)(untrimmed - p->text.len), 0);
	layout *L = E->L;
	folio_len width = E->ref_w - geo->start - geo->end;
	if (width < FOLIO_PT(1))
		width = FOLIO_PT(1);
	folio_len indent = geo->first_para
	    ? folio_fo_len(block, FOLIO_PROP_TEXT_INDENT, width, 0) : 0;
	align a = align_of(folio_fo_kw(block, FOLIO_PROP_TEXT_ALIGN));
	const char *lastkw = folio_fo_kw(block, FOLIO_PROP_TEXT_ALIGN_LAST);
	align last = !strcmp(lastkw, "relative") ? (a == AL_JUSTIFY ? AL_START : a)
	                                         : align_of(lastkw);
	bool wrap = !folio_fo_is(block, FOLIO_PROP_WRAP_OPTION, "no-wrap");

	leaders_resolve(p, width);
	shapekey key = {block, p->text.data, (int)p->text.len, p->attrs, width, indent,
	                a == AL_JUSTIFY, last == AL_JUSTIFY, wrap};
	if (L->shadow) {
		/* a helper (shadow.c) sets the text of its share and nothing else */
		if (!p->nleaders)
			shadow_keep(L, &key);
		geo->first_para = false;
		para_reset(p);
		return;
	}
	bool overlong = false;
	PangoLayout *pl = p->nleaders ? NULL : shadow_take(L, &key, &overlong);
	if (!pl)
		pl = para_shape(L, &key, &overlong);
	folio_arena_release(L->arena, g_object_unref, pl);
	if (overlong)
		folio_fo_diag(L->d, L->doc, block, FOLIO_WARNING, "overflow",
		              "a word is wider than the space for the line (%.1f pt) "
		              "and is cut at its edge", width / 1024.0);
	if (p->nleaders && stretch_leaders(p, pl, width, a, last))
		(void)pango_layout_get_line_count(pl);

	folio_len a0, d0;
	font_metrics(L, block, &a0, &d0);
	folio_len lh = line_height_of(block);
	folio_len half = (lh - (a0 + d0)) / 2;
	/* line-stacking-strategy="font-height": every line is the block's
	 * nominal line, whatever its inline content (raised footnote marks
	 * included); max-height and line-height let the content extend it */
	bool font_height = folio_fo_is(block, FOLIO_PROP_LINE_STACKING_STRATEGY,
	                               "font-height");
	int nlines = pango_layout_get_line_count(pl);
	int orphans = (int)folio_fo_num(block, FOLIO_PROP_ORPHANS, 2);
	int widows = (int)folio_fo_num(block, FOLIO_PROP_WIDOWS, 2);

	PangoLayoutIter *it = pango_layout_get_iter(pl);
	bool warned = false;
	int k = 0;
	do {
		PangoLayoutLine *line = pango_layout_iter_get_line_readonly(it);
		PangoRectangle log;
		pango_layout_iter_get_line_extents(it, NULL, &log);
		folio_len baseline = pango_layout_iter_get_baseline(it);
		folio_len asc = baseline - log.y, desc = log.y + log.height - baseline;
		folio_len A = asc > a0 ? asc : a0, D = desc > d0 ? desc : d0;
		if (font_height)
			A = a0, D = d0;
		folio_len h = A + D + 2 * half;
		bool lastl = is_last_line(pl, line, pango_layout_iter_at_last_line(it));
		align al = lastl ? last : a;
		bool first = line->is_paragraph_start && k == 0;
		folio_len x0 = geo->start + (first ? indent : 0);
		folio_len avail = width - (first ? indent : 0);
		folio_len x = x0;
		/* words are not cut to fit (as in FOP): a word wider than the
		 * line overflows it, and the author hears of it once */
		if (log.width > avail + FOLIO_PT(0.5) && wrap && !warned &&
		    single_word(p->text.data + line->start_index, line->length)) {
			warned = true;
			folio_fo_diag(L->d, L->doc, block, FOLIO_WARNING, "overflow",
			              "a word is wider than the space for the line "
			              "(%.1f pt for %.1f pt) and overflows it",
			              log.width / 1024.0, avail / 1024.0);
		}
		if (al == AL_CENTER)
			x = x0 + (avail - log.width) / 2;
		else if (al == AL_END)
			x = x0 + avail - log.width;

		/* text-align-last="justify" under a non-justified text-align: pango
		 * justifies a last line only together with all others, so the line
		 * is set again on its own, justified to the width available */
		if (lastl && al == AL_JUSTIFY && a != AL_JUSTIFY && !p->nleaders &&
		    !p->nlinks && line->length > 0) {
			PangoLayoutLine *jl = set_alone(L, pl, p->attrs, line, avail, true);
			if (jl) {
				line = jl;
				pango_layout_line_get_extents(line, NULL, &log);
			}
		}
		/* a justified line of one word: pango spreads its letters; it
		 * stays as it is instead (FOP does the same) */
		if (al == AL_JUSTIFY && !p->nleaders && !p->nlinks && !p->nboxes &&
		    line->length > 0 && single_word(pango_layout_get_text(line->layout) +
		                                    line->start_index, line->length)) {
			PangoLayoutLine *nl = set_alone(L, pl, p->attrs, line, avail, false);
			if (nl) {
				line = nl;
				pango_layout_line_get_extents(line, NULL, &log);
			}
		}
		folio_area *la = area_new(L, FOLIO_AREA_LINE, block);
		la->line = line;
		la->x = x;
		la->y = 0;
		la->w = log.width;
		la->h = h;
		la->baseline = half + A;
		if (p->nleaders)
			add_leader_areas(p, E, pl, line, la, log.x);
		if (p->nlinks)
			add_link_areas(p, E, line, la);
		if (p->nboxes)
			add_border_areas(p, E, line, la);
		if (k > 0)
			em_penalty(E, (k >= orphans && nlines - k >= widows) ? 0 : PEN_INF);
		bool final = pango_layout_iter_at_last_line(it);
		for (int m = 0; m < p->nmarks; m++)
			if (p->marks[m].index >= line->start_index &&
			    (final || p->marks[m].index < line->start_index + line->length))
			{
				if (p->marks[m].foot) {
					footnote **t = &L->pending_feet;
					while (*t)
						t = &(*t)->next;
					*t = p->marks[m].foot;
				} else {
					refs_at_next_box(L, E, p->marks[m].id, p->marks[m].site);
				}
			}
		em_box(E, h, la, block);
		k++;
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
	geo->first_para = false;
	para_reset(p);
}
