/*
 * tags.c -- finishing the structure tree of PDF/A levels A.  cairo writes
 * the tree itself (src/render/tags.c, one element per FO structure);
 * here the post stage adds what cairo 1.16 cannot write: /Alt on each
 * Figure (from fox:alt-text or folio:alt-text on the graphic, in drawing
 * order, which is the order of the Figure elements), /MarkInfo, and the
 * viewer preference to show the title.  The catalog's /Lang comes from
 * pdfa.c.
 */
#include <string.h>
#include <strings.h>

#include "internal.h"

typedef struct alts {
	const char **v;     /* borrowed from the FO tree */
	size_t n, next;
	int missing;
} alts;

static void
collect_alts(const folio_area_tree *t, alts *al)
{
	for (size_t p = 0; p < t->npages; p++) {
		const folio_area *page = t->pages[p], *a = page->first;
		while (a) {
			if (a->kind == FOLIO_AREA_IMAGE) {
				al->v = folio_realloc_array(al->v, al->n + 1, sizeof *al->v);
				al->v[al->n++] = a->fo ? folio_fo_str(a->fo, FOLIO_PROP_FOLIO_ALT_TEXT) : "";
			}
			if (a->first) {
				a = a->first;
				continue;
			}
			while (a && !a->next)
				a = a->parent == page ? NULL : a->parent;
			if (a)
				a = a->next;
		}
	}
}

/* Pre-order over structure elements (recursion bounded by depth). */
static void
walk(qpdf_data q, qpdf_oh k, alts *al, int depth)
{
	if (depth > 200)
		return;
	if (qpdf_oh_is_array(q, k)) {
		int n = qpdf_oh_get_array_n_items(q, k);
		for (int i = 0; i < n; i++)
			walk(q, qpdf_oh_get_array_item(q, k, i), al, depth + 1);
		return;
	}
	if (!qpdf_oh_is_dictionary(q, k) || !qpdf_oh_has_key(q, k, "/S"))
		return;
	if (qx_is_name(q, k, "/S", "/Figure")) {
		const char *alt = al->next < al->n ? al->v[al->next] : "";
		al->next++;
		if (alt && *alt)
			qpdf_oh_replace_key(q, k, "/Alt", qx_text(q, alt));
		else
			al->missing++;
	}
	walk(q, qx_get(q, k, "/K"), al, depth + 1);
}

/* Is p (at most end) "/Span << /ActualText <hex> >> BDC EMC" with only
 * white space in the hex?  Returns its length, or 0. */
static size_t
empty_span(const char *p, const char *end)
{
	static const char head[] = "/Span << /ActualText <";
	size_t hl = sizeof head - 1;
	if ((size_t)(end - p) < hl || memcmp(p, head, hl))
		return 0;
	const char *q = p + hl, *hex = q;
	while (q < end && *q != '>')
		q++;
	size_t n = (size_t)(q - hex);
	/* FEFF then UTF-16BE code units that are all spaces or line breaks */
	if (n < 8 || n % 4 || strncasecmp(hex, "feff", 4))
		return 0;
	for (size_t i = 4; i < n; i += 4)
		if (strncasecmp(hex + i, "0020", 4) && strncasecmp(hex + i, "000a", 4) &&
		    strncasecmp(hex + i, "00a0", 4))
			return 0;
	static const char tail[] = "> >> BDC";
	size_t tl = sizeof tail - 1;
	if ((size_t)(end - q) < tl || memcmp(q, tail, tl))
		return 0;
	q += tl;
	while (q < end && (*q == ' ' || *q == '\n' || *q == '\r'))
		q++;
	if (end - q < 3 || memcmp(q, "EMC", 3))
		return 0;
	return (size_t)(q + 3 - p);
}

/* Removes cairo's empty ActualText spans (the space at the end of each
 * line, which has no glyph) from a content stream.  They are valid PDF,
 * but poppler (pdfinfo -struct-text, and readers built on it) stops
 * reading a structure element's text at the first nested EMC, so every
 * paragraph would lose all but its first line.  String literals are
 * skipped, so text that merely looks like the pattern is left alone. */
static size_t
strip_empty_spans(char *buf, size_t len)
{
	size_t o = 0;
	int depth = 0;   /* inside (...) */
	for (size_t i = 0; i < len;) {
		char c = buf[i];
		if (depth) {
			buf[o++] = c;
			i++;
			if (c == '\\' && i < len)
				buf[o++] = buf[i++];
			else if (c == '(')
				depth++;
			else if (c == ')')
				depth--;
			continue;
		}
		size_t n = c == '/' ? empty_span(buf + i, buf + len) : 0;
		if (n) {
			i += n;
			continue;
		}
		if (c == '(')
			depth = 1;
		buf[o++] = c;
		i++;
	}
	return o;
}

static void
strip_pages(qpdf_data q)
{
	int np = qpdf_get_num_pages(q);
	for (int p = 0; p < np; p++) {
		qpdf_oh c = qx_get(q, qpdf_get_page_n(q, (size_t)p), "/Contents");
		unsigned char *buf = NULL;
		size_t len = 0;
		QPDF_BOOL filtered = QPDF_FALSE;
		if (!qpdf_oh_is_stream(q, c) ||
		    (qpdf_oh_get_stream_data(q, c, qpdf_dl_generalized, &filtered, &buf, &len) &
		     QPDF_ERRORS) || !filtered) {
			free(buf);
			continue;
		}
		size_t n = strip_empty_spans((char *)buf, len);
		if (n != len)
			qpdf_oh_replace_stream_data(q, c, buf, n, qpdf_oh_new_null(q),
			                            qpdf_oh_new_null(q));
		free(buf);
	}
}

folio_status
post_tags(folio_diags *d, qpdf_data q, const folio_post_opts *o, const char *out_name)
{
	qpdf_oh root = qpdf_get_root(q);
	qpdf_oh str = qx_get(q, root, "/StructTreeRoot");
	if (!qpdf_oh_is_dictionary(q, str)) {
		folio_diags_add(d, FOLIO_ERROR, "pdfa", out_name, 0, 0,
		                "internal error: no structure tree for PDF/A level A");
		return FOLIO_EDOC;
	}
	alts al = {0};
	collect_alts(o->tree, &al);
	walk(q, qx_get(q, str, "/K"), &al, 0);
	if (al.missing)
		folio_diags_add(d, FOLIO_WARNING, "pdfa", out_name, 0, 0,
		                "%d figure%s without alternative text (fox:alt-text or "
		                "folio:alt-text on the graphic)", al.missing,
		                al.missing == 1 ? "" : "s");
	free(al.v);
	strip_pages(q);
	qpdf_oh_replace_key(q, root, "/MarkInfo", qpdf_oh_parse(q, "<< /Marked true >>"));
	qpdf_oh vp = qx_get(q, root, "/ViewerPreferences");
	if (!qpdf_oh_is_dictionary(q, vp)) {
		vp = qpdf_oh_new_dictionary(q);
		qpdf_oh_replace_key(q, root, "/ViewerPreferences", vp);
	}
	qpdf_oh_replace_key(q, vp, "/DisplayDocTitle", qpdf_oh_new_bool(q, QPDF_TRUE));
	return FOLIO_OK;
}
