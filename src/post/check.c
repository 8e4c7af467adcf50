/*
 * check.c -- `folio check FILE.pdf...`: reports, for a PDF from any
 * producer, the archival properties the post stage writes: PDF/A
 * identification, XMP agreeing with the Info dictionary, the OutputIntent,
 * a document ID, embedded fonts, no encryption / JavaScript / forbidden
 * actions, attachments (and their relationship), tags and language, and
 * signature fields.  One line per property: "ok", "FAIL" or "--" (not
 * required at this file's level).  Exit 0 when nothing failed.
 *
 * What it does not do: validate against the whole of ISO 19005 (fonts'
 * glyph widths, colour spaces inside content streams, XMP extension
 * schemas, ...).  docs/archiving.md says to run veraPDF for a verdict.
 *
 * Also `folio extract FILE.pdf [-o OUT]`: writes the attached source XML.
 */
#include "../xml/xml.h"

#include <errno.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "internal.h"

typedef struct report {
	int fails;
	folio_buf out;
} report;

static void
line(report *r, const char *status, const char *what, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void
line(report *r, const char *status, const char *what, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (!strcmp(status, "FAIL"))
		r->fails++;
	folio_buf_printf(&r->out, "  %-5s %-20s %s\n", status, what, msg);
}

/* ---- XMP ---- */

static const char NS_PDFAID[] = "http://www.aiim.org/pdfa/ns/id/";
static const char NS_DC[] = "http://purl.org/dc/elements/1.1/";
static const char NS_XMP[] = "http://ns.adobe.com/xap/1.0/";
static const char NS_PDF[] = "http://ns.adobe.com/pdf/1.3/";

/* The value of property ns:name anywhere in the packet: an element's text
 * (the first rdf:li for arrays; x-default first for rdf:Alt) or an
 * attribute of rdf:Description.  Owned by the caller (xmlFree), or NULL. */
static xmlChar *
xmp_value(xmlDocPtr x, const char *ns, const char *name)
{
	for (xmlNodePtr n = xmlDocGetRootElement(x); n;) {
		if (n->type == XML_ELEMENT_NODE) {
			xmlChar *a = xmlGetNsProp(n, BAD_CAST name, BAD_CAST ns);
			if (a)
				return a;
			if (n->ns && !strcmp((const char *)n->ns->href, ns) &&
			    !strcmp((const char *)n->name, name)) {
				xmlNodePtr li = NULL;
				for (xmlNodePtr c = n->children; c && !li; c = c->next)
					if (c->type == XML_ELEMENT_NODE)
						for (xmlNodePtr l = c->children; l; l = l->next)
							if (l->type == XML_ELEMENT_NODE &&
							    !strcmp((const char *)l->name, "li")) {
								xmlChar *lang = xmlNodeGetLang(l);
								bool dflt = lang && !strcmp((const char *)lang, "x-default");
								xmlFree(lang);
								if (!li || dflt)
									li = l;
								if (dflt)
									break;
							}
				return xmlNodeGetContent(li ? li : n);
			}
		}
		n = folio_xml_walk_next(n, true);
	}
	return NULL;
}

static xmlDocPtr
read_xmp(qpdf_data q)
{
	qpdf_oh m = qx_get(q, qpdf_get_root(q), "/Metadata");
	if (!qpdf_oh_is_stream(q, m))
		return NULL;
	unsigned char *buf = NULL;
	size_t len = 0;
	if (qpdf_oh_get_stream_data(q, m, qpdf_dl_generalized, NULL, &buf, &len) & QPDF_ERRORS)
		return NULL;
	xmlDocPtr x = xmlReadMemory((const char *)buf, (int)len, "xmp", NULL,
	                            XML_PARSE_NONET | XML_PARSE_NOERROR |
	                            XML_PARSE_NOWARNING);
	free(buf);
	return x;
}

/* Compares an Info entry with its XMP counterpart; appends a mismatch to
 * bad.  Dates are compared as instants written the same way. */
static void
agree(qpdf_data q, qpdf_oh info, xmlDocPtr x, const char *key, const char *ns,
      const char *prop, bool date, folio_buf *bad, int *n)
{
	const char *iv = qx_text_of(q, info, key);
	if (!iv)
		return;
	(*n)++;
	char *info_v = folio_strdup(iv);
	xmlChar *xv = x ? xmp_value(x, ns, prop) : NULL;
	bool same = false;
	if (xv && date) {
		char a[32], b[32], c[32];
		same = qx_date_pdf_to_iso(info_v, a) && qx_date_iso_to_pdf((char *)xv, b) &&
		       qx_date_pdf_to_iso(b, c) && !strcmp(a, c);
	} else if (xv) {
		same = !strcmp(info_v, (const char *)xv);
	}
	if (!same)
		folio_buf_printf(bad, "%s%s", bad->len ? ", " : "", key + 1);
	xmlFree(xv);
	free(info_v);
}

static int
check_xmp(report *r, qpdf_data q, int *part, char *conf)
{
	xmlDocPtr x = read_xmp(q);
	*part = 0;
	*conf = 0;
	if (x) {
		xmlChar *p = xmp_value(x, NS_PDFAID, "part");
		xmlChar *c = xmp_value(x, NS_PDFAID, "conformance");
		if (p)
			*part = atoi((const char *)p);
		if (c)
			*conf = (char)(c[0] & ~0x20);
		xmlFree(p);
		xmlFree(c);
	}
	if (*part)
		line(r, "ok", "PDF/A identification", "PDF/A-%d%c", *part, *conf ? *conf : '?');
	else
		line(r, "FAIL", "PDF/A identification",
		     x ? "the XMP metadata has no pdfaid:part" : "no XMP metadata stream");
	if (*part && *part != 1 && *conf != 'A' && *conf != 'B' && *conf != 'U')
		line(r, "FAIL", "PDF/A identification", "conformance \"%c\" is not A, B or U",
		     *conf ? *conf : '?');
	qpdf_oh info = qx_get(q, qpdf_get_trailer(q), "/Info");
	folio_buf bad = {0};
	int n = 0;
	agree(q, info, x, "/Title", NS_DC, "title", false, &bad, &n);
	agree(q, info, x, "/Author", NS_DC, "creator", false, &bad, &n);
	agree(q, info, x, "/Subject", NS_DC, "description", false, &bad, &n);
	agree(q, info, x, "/Keywords", NS_PDF, "Keywords", false, &bad, &n);
	agree(q, info, x, "/Creator", NS_XMP, "CreatorTool", false, &bad, &n);
	agree(q, info, x, "/Producer", NS_PDF, "Producer", false, &bad, &n);
	agree(q, info, x, "/CreationDate", NS_XMP, "CreateDate", true, &bad, &n);
	agree(q, info, x, "/ModDate", NS_XMP, "ModifyDate", true, &bad, &n);
	if (!x)
		line(r, *part ? "FAIL" : "--", "XMP metadata", "none");
	else if (bad.len)
		line(r, "FAIL", "XMP metadata", "differs from the Info dictionary in %s", bad.data);
	else
		line(r, "ok", "XMP metadata", "agrees with the Info dictionary (%d entries)", n);
	folio_buf_clear(&bad);
	if (x)
		xmlFreeDoc(x);
	return 0;
}

/* ---- document-level checks ---- */

static void
check_intent(report *r, qpdf_data q)
{
	qpdf_oh ois = qx_get(q, qpdf_get_root(q), "/OutputIntents");
	int n = qpdf_oh_is_array(q, ois) ? qpdf_oh_get_array_n_items(q, ois) : 0;
	for (int i = 0; i < n; i++) {
		qpdf_oh oi = qpdf_oh_get_array_item(q, ois, i);
		if (!qx_is_name(q, oi, "/S", "/GTS_PDFA1"))
			continue;
		qpdf_oh prof = qx_get(q, oi, "/DestOutputProfile");
		qpdf_oh nc = qx_get(q, prof, "/N");
		const char *id = qx_text_of(q, oi, "/OutputConditionIdentifier");
		if (!qpdf_oh_is_stream(q, prof) || !qpdf_oh_is_integer(q, nc)) {
			line(r, "FAIL", "OutputIntent", "GTS_PDFA1 without an ICC profile");
			return;
		}
		line(r, "ok", "OutputIntent", "GTS_PDFA1, ICC profile with %d components (%s)",
		     qpdf_oh_get_int_value_as_int(q, nc), id ? id : "no identifier");
		return;
	}
	line(r, "FAIL", "OutputIntent", n ? "none of type GTS_PDFA1" : "none");
}

typedef struct scan {
	int fonts, unembedded;
	folio_buf missing;      /* names of fonts not embedded */
	int js, forbidden, interpolate, no_print, no_ap;
	folio_buf actions;      /* forbidden action types seen */
} scan;

static bool
descriptor_embedded(qpdf_data q, qpdf_oh desc)
{
	return qpdf_oh_has_key(q, desc, "/FontFile") || qpdf_oh_has_key(q, desc, "/FontFile2") ||
	       qpdf_oh_has_key(q, desc, "/FontFile3");
}

static void
scan_font(scan *s, qpdf_data q, qpdf_oh f)
{
	if (qx_is_name(q, f, "/Subtype", "/Type3"))
		return;   /* glyphs are content streams in the file */
	s->fonts++;
	qpdf_oh desc = qx_get(q, f, "/FontDescriptor");
	if (qx_is_name(q, f, "/Subtype", "/Type0")) {
		qpdf_oh df = qx_get(q, f, "/DescendantFonts");
		if (qpdf_oh_is_array(q, df) && qpdf_oh_get_array_n_items(q, df) > 0)
			desc = qx_get(q, qpdf_oh_get_array_item(q, df, 0), "/FontDescriptor");
	}
	if (qpdf_oh_is_dictionary(q, desc) && descriptor_embedded(q, desc))
		return;
	s->unembedded++;
	qpdf_oh bf = qx_get(q, f, "/BaseFont");
	if (s->missing.len < 200)
		folio_buf_printf(&s->missing, "%s%s", s->missing.len ? ", " : "",
		                 qpdf_oh_is_name(q, bf) ? qpdf_oh_get_name(q, bf) + 1 : "?");
}

static void
scan_action(scan *s, qpdf_data q, qpdf_oh a)
{
	static const char *forbidden[] = {"/Launch", "/Sound", "/Movie", "/ResetForm",
	                                  "/ImportData", "/Hide", "/SetOCGState",
	                                  "/Rendition", "/Trans", "/GoTo3DView",
	                                  "/GoToR", "/SubmitForm", NULL};
	qpdf_oh t = qx_get(q, a, "/S");
	if (!qpdf_oh_is_name(q, t))
		return;
	const char *name = qpdf_oh_get_name(q, t);
	if (!strcmp(name, "/JavaScript")) {
		s->js++;
		return;
	}
	for (int i = 0; forbidden[i]; i++)
		if (!strcmp(name, forbidden[i])) {
			s->forbidden++;
			if (!strstr(s->actions.data ? s->actions.data : "", name + 1))
				folio_buf_printf(&s->actions, "%s%s", s->actions.len ? ", " : "", name + 1);
		}
}

static void
scan_annot(scan *s, qpdf_data q, qpdf_oh a)
{
	qpdf_oh f = qx_get(q, a, "/F");
	int flags = qpdf_oh_is_integer(q, f) ? qpdf_oh_get_int_value_as_int(q, f) : 0;
	bool popup = qx_is_name(q, a, "/Subtype", "/Popup");
	if (!popup && (!(flags & 4) || (flags & (1 | 2 | 32))))
		s->no_print++;
	if (!popup && !qx_is_name(q, a, "/Subtype", "/Link") && !qpdf_oh_has_key(q, a, "/AP"))
		s->no_ap++;
}

/* Every object once: fonts, actions, annotations, images. */
static void
scan_objects(scan *s, qpdf_data q)
{
	qpdf_oh size = qx_get(q, qpdf_get_trailer(q), "/Size");
	int n = qpdf_oh_is_integer(q, size) ? qpdf_oh_get_int_value_as_int(q, size) : 0;
	for (int id = 1; id < n; id++) {
		qpdf_oh o = qpdf_get_object_by_id(q, id, 0);
		qpdf_oh d = qpdf_oh_is_stream(q, o) ? qpdf_oh_get_dict(q, o) : o;
		if (!qpdf_oh_is_dictionary(q, d))
			continue;
		if (qx_is_name(q, d, "/Type", "/Font"))
			scan_font(s, q, d);
		if (qpdf_oh_has_key(q, d, "/S"))
			scan_action(s, q, d);
		if (qpdf_oh_has_key(q, d, "/JS"))
			s->js += !qx_is_name(q, d, "/S", "/JavaScript");
		if (qpdf_oh_has_key(q, d, "/AA"))
			s->forbidden++;
		if (qx_is_name(q, d, "/Type", "/Annot") ||
		    (qpdf_oh_has_key(q, d, "/Rect") && qpdf_oh_has_key(q, d, "/Subtype") &&
		     !qpdf_oh_is_stream(q, o)))
			scan_annot(s, q, d);
		if (qpdf_oh_is_stream(q, o) && qx_is_name(q, d, "/Subtype", "/Image")) {
			qpdf_oh i = qx_get(q, d, "/Interpolate");
			if (qpdf_oh_is_bool(q, i) && qpdf_oh_get_bool_value(q, i))
				s->interpolate++;
		}
	}
	qpdf_oh names = qx_get(q, qpdf_get_root(q), "/Names");
	if (qpdf_oh_has_key(q, names, "/JavaScript"))
		s->js++;
}

static void
check_objects(report *r, qpdf_data q, int part)
{
	scan s = {0};
	scan_objects(&s, q);
	if (s.unembedded)
		line(r, "FAIL", "fonts embedded", "%d of %d fonts not embedded: %s",
		     s.unembedded, s.fonts, s.missing.data);
	else
		line(r, "ok", "fonts embedded", "%d fonts, all embedded", s.fonts);
	qpdf_oh tr = qpdf_get_trailer(q);
	if (qpdf_oh_has_key(q, tr, "/Encrypt"))
		line(r, "FAIL", "encryption", "the file is encrypted");
	else
		line(r, "ok", "encryption", "none");
	if (s.js)
		line(r, "FAIL", "JavaScript", "%d JavaScript actions or scripts", s.js);
	else
		line(r, "ok", "JavaScript", "none");
	if (s.forbidden)
		line(r, "FAIL", "actions", "%d forbidden in PDF/A (%s%s)", s.forbidden,
		     s.actions.len ? s.actions.data : "",
		     s.actions.len ? "; or additional-actions /AA" : "additional-actions /AA");
	else
		line(r, "ok", "actions", "no launch, external, form or additional actions");
	if (s.interpolate)
		line(r, part ? "FAIL" : "--", "images", "%d with /Interpolate true", s.interpolate);
	if (s.no_print || s.no_ap)
		line(r, part ? "FAIL" : "--", "annotations",
		     "%d not printable or hidden, %d without an appearance", s.no_print, s.no_ap);
	qpdf_oh id = qx_get(q, tr, "/ID");
	if (qpdf_oh_is_array(q, id) && qpdf_oh_get_array_n_items(q, id) == 2)
		line(r, "ok", "document ID", "present");
	else
		line(r, "FAIL", "document ID", "no /ID in the trailer");
	folio_buf_clear(&s.missing);
	folio_buf_clear(&s.actions);
}

/* ---- attachments ---- */

/* Calls fn for every file specification in the EmbeddedFiles name tree
 * (recursion bounded by the depth limit of a hostile tree). */
static void
walk_names(qpdf_data q, qpdf_oh node, int depth,
           void (*fn)(qpdf_data, qpdf_oh, void *), void *ctx)
{
	if (depth > 32)
		return;
	qpdf_oh arr = qx_get(q, node, "/Names");
	int n = qpdf_oh_is_array(q, arr) ? qpdf_oh_get_array_n_items(q, arr) : 0;
	for (int i = 1; i < n; i += 2)
		fn(q, qpdf_oh_get_array_item(q, arr, i), ctx);
	qpdf_oh kids = qx_get(q, node, "/Kids");
	n = qpdf_oh_is_array(q, kids) ? qpdf_oh_get_array_n_items(q, kids) : 0;
	for (int i = 0; i < n; i++)
		walk_names(q, qpdf_oh_get_array_item(q, kids, i), depth + 1, fn, ctx);
}

typedef struct attlist {
	int n, no_rel, non_pdf;
	folio_buf desc;
	qpdf_oh source;         /* the filespec with AFRelationship Source */
	bool have_source;
} attlist;

static void
add_attachment(qpdf_data q, qpdf_oh spec, void *ctx)
{
	attlist *a = ctx;
	a->n++;
	const char *name = qx_text_of(q, spec, "/UF");
	if (!name)
		name = qx_text_of(q, spec, "/F");
	char *nm = folio_strdup(name ? name : "?");
	qpdf_oh rel = qx_get(q, spec, "/AFRelationship");
	qpdf_oh ef = qx_get(q, qx_get(q, spec, "/EF"), "/F");
	qpdf_oh sub = qx_get(q, ef, "/Subtype");
	/* copies: qpdf reuses the buffer of qpdf_oh_get_name */
	char *relname = qpdf_oh_is_name(q, rel) ? folio_strdup(qpdf_oh_get_name(q, rel) + 1) : NULL;
	char *mime = qpdf_oh_is_name(q, sub) ? folio_strdup(qpdf_oh_get_name(q, sub) + 1) : NULL;
	if (!relname)
		a->no_rel++;
	if (!mime || strcmp(mime, "application#2Fpdf"))
		a->non_pdf++;
	if (relname && !strcmp(relname, "Source") && !a->have_source) {
		a->source = spec;
		a->have_source = true;
	}
	if (a->desc.len < 300) {
		folio_buf_printf(&a->desc, "%s%s (%s", a->desc.len ? ", " : "", nm,
		                 relname ? relname : "no AFRelationship");
		if (mime) {
			folio_buf_puts(&a->desc, ", ");
			for (const char *p = mime; *p; p++)   /* text#2Fxml -> text/xml */
				if (!strncmp(p, "#2F", 3)) {
					folio_buf_puts(&a->desc, "/");
					p += 2;
				} else {
					folio_buf_add(&a->desc, p, 1);
				}
		}
		folio_buf_puts(&a->desc, ")");
	}
	free(relname);
	free(mime);
	free(nm);
}

static void
list_attachments(qpdf_data q, attlist *a)
{
	qpdf_oh ef = qx_get(q, qx_get(q, qpdf_get_root(q), "/Names"), "/EmbeddedFiles");
	walk_names(q, ef, 0, add_attachment, a);
}

static void
check_attachments(report *r, qpdf_data q, int part)
{
	attlist a = {0};
	list_attachments(q, &a);
	if (!a.n) {
		line(r, "ok", "attachments", "none");
		return;
	}
	if (part == 2 && a.non_pdf)
		line(r, "FAIL", "attachments", "%d: %s; PDF/A-2 allows PDF/A files only", a.n,
		     a.desc.data);
	else if (part >= 3 && a.no_rel)
		line(r, "FAIL", "attachments", "%d: %s; PDF/A-3 needs AFRelationship on each",
		     a.n, a.desc.data);
	else
		line(r, "ok", "attachments", "%d: %s", a.n, a.desc.data);
	folio_buf_clear(&a.desc);
}

/* ---- tags and signature fields ---- */

static void
check_tags(report *r, qpdf_data q, char conf)
{
	qpdf_oh root = qpdf_get_root(q);
	qpdf_oh mi = qx_get(q, qx_get(q, root, "/MarkInfo"), "/Marked");
	bool marked = qpdf_oh_is_bool(q, mi) && qpdf_oh_get_bool_value(q, mi);
	bool tree = qpdf_oh_is_dictionary(q, qx_get(q, root, "/StructTreeRoot"));
	const char *lang = qx_text_of(q, root, "/Lang");
	char *l = lang ? folio_strdup(lang) : NULL;
	const char *st = conf == 'A' ? "FAIL" : "--";
	if (marked && tree)
		line(r, "ok", "tags", "tagged (structure tree, MarkInfo), language %s",
		     l ? l : "not given");
	else
		line(r, st, "tags", "not tagged%s", conf == 'A' ? "" : " (level A and UA need it)");
	if (conf == 'A' && !l)
		line(r, "FAIL", "language", "no /Lang in the catalog");
	free(l);
}

static void
walk_fields(qpdf_data q, qpdf_oh arr, const char *prefix, bool sig, int depth,
            folio_buf *list, int *n, int *signed_n)
{
	int k = qpdf_oh_is_array(q, arr) ? qpdf_oh_get_array_n_items(q, arr) : 0;
	for (int i = 0; i < k && depth < 32; i++) {
		qpdf_oh f = qpdf_oh_get_array_item(q, arr, i);
		const char *t = qx_text_of(q, f, "/T");
		char *name = t ? (*prefix ? folio_asprintf("%s.%s", prefix, t) : folio_strdup(t))
		               : folio_strdup(prefix);
		bool is_sig = sig || qx_is_name(q, f, "/FT", "/Sig");
		qpdf_oh kids = qx_get(q, f, "/Kids");
		bool has_field_kids = false;
		int nk = qpdf_oh_is_array(q, kids) ? qpdf_oh_get_array_n_items(q, kids) : 0;
		for (int j = 0; j < nk; j++)
			if (qpdf_oh_has_key(q, qpdf_oh_get_array_item(q, kids, j), "/T"))
				has_field_kids = true;
		if (has_field_kids) {
			walk_fields(q, kids, name, is_sig, depth + 1, list, n, signed_n);
		} else if (is_sig) {
			bool s = qpdf_oh_is_dictionary(q, qx_get(q, f, "/V"));
			(*n)++;
			*signed_n += s;
			if (list->len < 400)
				folio_buf_printf(list, "%s%s (%s)", list->len ? ", " : "", name,
				                 s ? "signed" : "empty");
		}
		free(name);
	}
}

static void
check_fields(report *r, qpdf_data q)
{
	qpdf_oh form = qx_get(q, qpdf_get_root(q), "/AcroForm");
	folio_buf list = {0};
	int n = 0, signed_n = 0;
	walk_fields(q, qx_get(q, form, "/Fields"), "", false, 0, &list, &n, &signed_n);
	qpdf_oh na = qx_get(q, form, "/NeedAppearances");
	if (qpdf_oh_is_bool(q, na) && qpdf_oh_get_bool_value(q, na))
		line(r, "FAIL", "forms", "NeedAppearances is true (forbidden in PDF/A)");
	if (n)
		line(r, "ok", "signature fields", "%d: %s", n, list.data);
	else
		line(r, "--", "signature fields", "none");
	folio_buf_clear(&list);
}

static int
check_one(const char *path, FILE *out)
{
	folio_diags d = {0};
	qpdf_data q = qx_open(&d, path, NULL, 0);
	if (!q) {
		fprintf(stderr, "%s: error: %s\n", path, d.n ? d.items[0].message : "cannot read");
		folio_diags_clear(&d);
		return FOLIO_EUSAGE;
	}
	report r = {0};
	int part;
	char conf;
	check_xmp(&r, q, &part, &conf);
	check_intent(&r, q);
	check_objects(&r, q, part);
	check_attachments(&r, q, part);
	check_tags(&r, q, conf);
	check_fields(&r, q);
	if (qx_error(&d, q, path))
		line(&r, "FAIL", "reading", "%s", d.items[d.n - 1].message);
	fprintf(out, "%s: %s\n%s", path, r.fails ? "FAIL" : "ok", r.out.data);
	folio_buf_clear(&r.out);
	folio_diags_clear(&d);
	qx_close(&q);
	return r.fails ? FOLIO_EDOC : FOLIO_OK;
}

int
post_cmd_check(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "folio: error: check needs a PDF file (see 'folio --help')\n");
		return FOLIO_EUSAGE;
	}
	int worst = 0;
	for (int i = 1; i < argc; i++) {
		if (argv[i][0] == '-' && argv[i][1]) {
			fprintf(stderr, "folio: error: check: unknown option %s\n", argv[i]);
			return FOLIO_EUSAGE;
		}
		int rc = check_one(argv[i], stdout);
		if (rc > worst)
			worst = rc;
	}
	return worst;
}

/* ---- extract ---- */

static int
write_atomic(const char *path, const unsigned char *data, size_t len)
{
	if (!path || !strcmp(path, "-"))
		return fwrite(data, 1, len, stdout) == len && fflush(stdout) == 0 ? 0 : -1;
	char *tmp = folio_asprintf("%s.folio-XXXXXX", path);
	int fd = mkstemp(tmp);
	if (fd >= 0) {
		/* mkstemp makes 0600; a new file gets what umask allows */
		mode_t mask = umask(0);
		umask(mask);
		fchmod(fd, 0666 & ~mask);
	}
	if (fd < 0) {
		free(tmp);
		return -1;
	}
	FILE *f = fdopen(fd, "wb");
	bool ok = f && fwrite(data, 1, len, f) == len;
	ok = (f && fclose(f) == 0) && ok;
	if (ok && rename(tmp, path) != 0)
		ok = false;
	if (!ok)
		unlink(tmp);
	free(tmp);
	return ok ? 0 : -1;
}

int
post_cmd_extract(int argc, char **argv)
{
	const char *in = NULL, *out = NULL;
	for (int i = 1; i < argc; i++) {
		if ((!strcmp(argv[i], "-o") || !strcmp(argv[i], "--output")) && i + 1 < argc)
			out = argv[++i];
		else if (argv[i][0] == '-' && argv[i][1])
			return fprintf(stderr, "folio: error: extract: unknown option %s\n", argv[i]),
			       FOLIO_EUSAGE;
		else if (!in)
			in = argv[i];
		else
			return fprintf(stderr, "folio: error: extract takes one PDF\n"), FOLIO_EUSAGE;
	}
	if (!in)
		return fprintf(stderr, "folio: error: extract needs a PDF file\n"), FOLIO_EUSAGE;
	folio_diags d = {0};
	qpdf_data q = qx_open(&d, in, NULL, 0);
	if (!q) {
		fprintf(stderr, "%s: error: %s\n", in, d.n ? d.items[0].message : "cannot read");
		folio_diags_clear(&d);
		return FOLIO_EUSAGE;
	}
	attlist a = {0};
	list_attachments(q, &a);
	int rc = FOLIO_OK;
	unsigned char *buf = NULL;
	size_t len = 0;
	qpdf_oh ef = a.have_source ? qx_get(q, qx_get(q, a.source, "/EF"), "/F")
	                           : qpdf_oh_new_null(q);
	if (!a.have_source) {
		fprintf(stderr, "%s: error: no attached source (an embedded file with "
		        "AFRelationship /Source)\n", in);
		rc = FOLIO_EDOC;
	} else if (!qpdf_oh_is_stream(q, ef) ||
	           (qpdf_oh_get_stream_data(q, ef, qpdf_dl_all, NULL, &buf, &len) & QPDF_ERRORS)) {
		fprintf(stderr, "%s: error: the attached source cannot be read\n", in);
		rc = FOLIO_EDOC;
	} else if (write_atomic(out, buf, len) != 0) {
		fprintf(stderr, "%s: error: cannot write: %s\n", out ? out : "-", strerror(errno));
		rc = FOLIO_EUSAGE;
	}
	free(buf);
	folio_buf_clear(&a.desc);
	folio_diags_clear(&d);
	qx_close(&q);
	return rc;
}
