/*
 * pdfa.c -- folio_post_finish: turns cairo's PDF into PDF/A-2 or -3 (B or
 * A): Info dictionary and XMP packet written from one set of values, the
 * sRGB OutputIntent, the source XML as an associated file, then the
 * annotations of annots.c; written by qpdf with a content-derived /ID.
 *
 * What it does not do: convert colours (cairo draws in DeviceRGB, which the
 * sRGB OutputIntent covers), or check fonts (cairo embeds every font it
 * uses; `folio check` verifies).  The structure tree of the A levels comes
 * from tags.c.
 */
#include "post.h"

#include <errno.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "internal.h"
#include "qpdfx.h"

/* icc-profiles-free's sRGB profile (ICC v2, display class, 3 components). */
#ifndef FOLIO_SRGB_ICC
#define FOLIO_SRGB_ICC "/usr/share/color/icc/sRGB.icc"
#endif

bool
folio_pdfa_parse(const char *s, folio_pdfa *out)
{
	static const struct { const char *n; folio_pdfa l; } t[] = {
		{"none", FOLIO_PDFA_NONE}, {"2b", FOLIO_PDFA_2B}, {"2a", FOLIO_PDFA_2A},
		{"3b", FOLIO_PDFA_3B}, {"3a", FOLIO_PDFA_3A},
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		if (!strcasecmp(s, t[i].n)) {
			*out = t[i].l;
			return true;
		}
	return false;
}

int
folio_pdfa_part(folio_pdfa l)
{
	return l == FOLIO_PDFA_NONE ? 0 : (l == FOLIO_PDFA_2B || l == FOLIO_PDFA_2A) ? 2 : 3;
}

char
folio_pdfa_conformance(folio_pdfa l)
{
	return (l == FOLIO_PDFA_2A || l == FOLIO_PDFA_3A) ? 'A' : 'B';
}

/* XML character data (XMP values). */
static void
xml_text(folio_buf *b, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '<': folio_buf_puts(b, "&lt;"); break;
		case '>': folio_buf_puts(b, "&gt;"); break;
		case '&': folio_buf_puts(b, "&amp;"); break;
		default:
			/* control characters are not allowed in XML 1.0 */
			if ((unsigned char)*s < 0x20 && *s != '\t' && *s != '\n')
				folio_buf_puts(b, " ");
			else
				folio_buf_add(b, s, 1);
		}
	}
}

static void
xmp_alt(folio_buf *b, const char *prop, const char *v)
{
	if (!v)
		return;
	folio_buf_printf(b, "   <%s><rdf:Alt><rdf:li xml:lang=\"x-default\">", prop);
	xml_text(b, v);
	folio_buf_printf(b, "</rdf:li></rdf:Alt></%s>\n", prop);
}

static void
xmp_simple(folio_buf *b, const char *prop, const char *v)
{
	if (!v)
		return;
	folio_buf_printf(b, "   <%s>", prop);
	xml_text(b, v);
	folio_buf_printf(b, "</%s>\n", prop);
}

/* The values written to both Info and XMP. */
typedef struct docinfo {
	const char *title, *author, *subject, *keywords, *creator, *producer;
	char date_iso[32];   /* "" when there is no date */
	char date_pdf[32];
	const char *lang;
} docinfo;

static void
xmp_packet(folio_buf *b, const docinfo *di, folio_pdfa level)
{
	/* the packet header's BOM and id are fixed by the XMP specification */
	folio_buf_puts(b, "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
	                  "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
	                  " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n");
	if (level != FOLIO_PDFA_NONE)
		folio_buf_printf(b, "  <rdf:Description rdf:about=\"\" "
		                 "xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n"
		                 "   <pdfaid:part>%d</pdfaid:part>\n"
		                 "   <pdfaid:conformance>%c</pdfaid:conformance>\n"
		                 "  </rdf:Description>\n",
		                 folio_pdfa_part(level), folio_pdfa_conformance(level));
	folio_buf_puts(b, "  <rdf:Description rdf:about=\"\" "
	                  "xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
	                  "   <dc:format>application/pdf</dc:format>\n");
	xmp_alt(b, "dc:title", di->title);
	if (di->author) {
		folio_buf_puts(b, "   <dc:creator><rdf:Seq><rdf:li>");
		xml_text(b, di->author);
		folio_buf_puts(b, "</rdf:li></rdf:Seq></dc:creator>\n");
	}
	xmp_alt(b, "dc:description", di->subject);
	if (di->lang) {
		folio_buf_puts(b, "   <dc:language><rdf:Bag><rdf:li>");
		xml_text(b, di->lang);
		folio_buf_puts(b, "</rdf:li></rdf:Bag></dc:language>\n");
	}
	folio_buf_puts(b, "  </rdf:Description>\n"
	                  "  <rdf:Description rdf:about=\"\" "
	                  "xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n");
	xmp_simple(b, "xmp:CreatorTool", di->creator);
	if (di->date_iso[0]) {
		xmp_simple(b, "xmp:CreateDate", di->date_iso);
		xmp_simple(b, "xmp:ModifyDate", di->date_iso);
		xmp_simple(b, "xmp:MetadataDate", di->date_iso);
	}
	folio_buf_puts(b, "  </rdf:Description>\n"
	                  "  <rdf:Description rdf:about=\"\" "
	                  "xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n");
	xmp_simple(b, "pdf:Producer", di->producer);
	xmp_simple(b, "pdf:Keywords", di->keywords);
	folio_buf_puts(b, "  </rdf:Description>\n </rdf:RDF>\n</x:xmpmeta>\n");
	/* room for in-place edits, as the XMP specification recommends */
	for (int i = 0; i < 8; i++)
		folio_buf_printf(b, "%100s\n", "");
	folio_buf_puts(b, "<?xpacket end=\"w\"?>");
}

static void
set_text(qpdf_data q, qpdf_oh dict, const char *key, const char *v)
{
	if (v)
		qpdf_oh_replace_key(q, dict, key, qx_text(q, v));
	else
		qpdf_oh_remove_key(q, dict, key);
}

/* Info and XMP from the options, falling back on what cairo wrote. */
static void
write_metadata(qpdf_data q, const folio_post_opts *o, docinfo *di)
{
	qpdf_oh trailer = qpdf_get_trailer(q), root = qpdf_get_root(q);
	qpdf_oh info = qx_get(q, trailer, "/Info");
	if (!qpdf_oh_is_dictionary(q, info)) {
		info = qpdf_make_indirect_object(q, qpdf_oh_new_dictionary(q));
		qpdf_oh_replace_key(q, trailer, "/Info", info);
	}
	/* copies: qx_text_of's strings live only until the next call */
	char *old_date = NULL;
	const char *cd = qx_text_of(q, info, "/CreationDate");
	if (cd)
		old_date = folio_strdup(cd);
	di->creator = "folio " FOLIO_VERSION;
	const char *date = o->date;
	char tmp[32];
	if (!date && old_date && qx_date_pdf_to_iso(old_date, tmp))
		date = tmp;
	if (date && qx_date_iso_to_pdf(date, di->date_pdf))
		qx_date_pdf_to_iso(di->date_pdf, di->date_iso);
	free(old_date);
	set_text(q, info, "/Title", di->title);
	set_text(q, info, "/Author", di->author);
	set_text(q, info, "/Subject", di->subject);
	set_text(q, info, "/Keywords", di->keywords);
	set_text(q, info, "/Creator", di->creator);
	set_text(q, info, "/Producer", di->producer);
	set_text(q, info, "/CreationDate", di->date_pdf[0] ? di->date_pdf : NULL);
	set_text(q, info, "/ModDate", di->date_pdf[0] ? di->date_pdf : NULL);
	qpdf_oh_remove_key(q, info, "/Trapped");

	folio_buf x = {0};
	xmp_packet(&x, di, o->pdfa);
	/* PDF/A: the metadata stream stays uncompressed (qpdf leaves
	 * /Type /Metadata streams alone) */
	qpdf_oh meta = qx_stream(q, "<< /Type /Metadata /Subtype /XML >>", x.data, x.len);
	folio_buf_clear(&x);
	qpdf_oh_replace_key(q, root, "/Metadata", meta);
	if (di->lang)
		qpdf_oh_replace_key(q, root, "/Lang", qx_text(q, di->lang));
}

static folio_status
add_output_intent(folio_diags *d, qpdf_data q, const char *out_name)
{
	size_t len;
	char *icc = qx_read_file(FOLIO_SRGB_ICC, &len);
	if (!icc) {
		folio_diags_add(d, FOLIO_ERROR, "pdfa", out_name, 0, 0,
		                "cannot read the sRGB ICC profile %s: %s (install "
		                "icc-profiles-free, or use --pdfa=none)",
		                FOLIO_SRGB_ICC, strerror(errno));
		return FOLIO_EUSAGE;
	}
	qpdf_oh prof = qx_stream(q, "<< /N 3 /Alternate /DeviceRGB >>", icc, len);
	free(icc);
	qpdf_oh oi = qpdf_oh_parse(q, "<< /Type /OutputIntent /S /GTS_PDFA1 "
	                              "/OutputConditionIdentifier (sRGB IEC61966-2.1) "
	                              "/Info (sRGB IEC61966-2.1) "
	                              "/RegistryName (http://www.color.org) >>");
	qpdf_oh_replace_key(q, oi, "/DestOutputProfile", prof);
	qpdf_oh arr = qpdf_oh_new_array(q);
	qpdf_oh_append_item(q, arr, qpdf_make_indirect_object(q, oi));
	qpdf_oh_replace_key(q, qpdf_get_root(q), "/OutputIntents", arr);
	return FOLIO_OK;
}

/* What PDF/A forbids in what cairo writes: /Interpolate true on images
 * (cairo asks for smooth scaling).  Walks every object once. */
static void
sanitize(qpdf_data q)
{
	qpdf_oh size = qx_get(q, qpdf_get_trailer(q), "/Size");
	int n = qpdf_oh_is_integer(q, size) ? qpdf_oh_get_int_value_as_int(q, size) : 0;
	for (int id = 1; id < n; id++) {
		qpdf_oh obj = qpdf_get_object_by_id(q, id, 0);
		if (!qpdf_oh_is_stream(q, obj))
			continue;
		qpdf_oh dict = qpdf_oh_get_dict(q, obj);
		if (qpdf_oh_has_key(q, dict, "/Interpolate"))
			qpdf_oh_remove_key(q, dict, "/Interpolate");
	}
}

/* A date for the attachment's /Params: the document's date. */
static folio_status
attach_source(folio_diags *d, qpdf_data q, const folio_post_opts *o,
              const docinfo *di, const char *out_name)
{
	size_t len;
	char *data = qx_read_file(o->source_path, &len);
	if (!data) {
		folio_diags_add(d, FOLIO_ERROR, "io", o->source_path, 0, 0,
		                "cannot read the source to attach: %s", strerror(errno));
		return FOLIO_EUSAGE;
	}
	char *copy = folio_strdup(o->source_path);
	const char *base = basename(copy);
	char *pdict = di->date_pdf[0]
	                  ? folio_asprintf("<< /Type /EmbeddedFile /Subtype /text#2Fxml "
	                                   "/Params << /Size %zu /ModDate (%s) >> >>",
	                                   len, di->date_pdf)
	                  : folio_asprintf("<< /Type /EmbeddedFile /Subtype /text#2Fxml "
	                                   "/Params << /Size %zu >> >>", len);
	qpdf_oh ef = qx_stream(q, pdict, data, len);
	free(pdict);
	free(data);
	qpdf_oh spec = qpdf_oh_parse(q, "<< /Type /Filespec /AFRelationship /Source "
	                                "/Desc (Source XML of this document) >>");
	qpdf_oh_replace_key(q, spec, "/F", qx_text(q, base));
	qpdf_oh_replace_key(q, spec, "/UF", qx_text(q, base));
	qpdf_oh efd = qpdf_oh_new_dictionary(q);
	qpdf_oh_replace_key(q, efd, "/F", ef);
	qpdf_oh_replace_key(q, efd, "/UF", ef);
	qpdf_oh_replace_key(q, spec, "/EF", efd);
	spec = qpdf_make_indirect_object(q, spec);

	qpdf_oh root = qpdf_get_root(q);
	qpdf_oh names = qx_get(q, root, "/Names");
	if (!qpdf_oh_is_dictionary(q, names)) {
		names = qpdf_oh_new_dictionary(q);
		qpdf_oh_replace_key(q, root, "/Names", names);
	}
	qpdf_oh tree = qpdf_oh_new_dictionary(q);
	qpdf_oh arr = qpdf_oh_new_array(q);
	qpdf_oh_append_item(q, arr, qx_text(q, base));
	qpdf_oh_append_item(q, arr, spec);
	qpdf_oh_replace_key(q, tree, "/Names", arr);
	qpdf_oh_replace_key(q, names, "/EmbeddedFiles", tree);
	qpdf_oh af = qpdf_oh_new_array(q);
	qpdf_oh_append_item(q, af, spec);
	qpdf_oh_replace_key(q, root, "/AF", af);
	free(copy);
	(void)out_name;
	return FOLIO_OK;
}

static folio_status
write_out(folio_diags *d, qpdf_data q, const char *out_name, folio_buf *out)
{
	qpdf_init_write_memory(q);
	/* the /ID is a digest of the content: same input, same bytes */
	qpdf_set_deterministic_ID(q, QPDF_TRUE);
	qpdf_set_compress_streams(q, QPDF_TRUE);
	qpdf_set_object_stream_mode(q, qpdf_o_preserve);
	/* PDF/A: an end-of-line marker before every endstream */
	qpdf_set_newline_before_endstream(q, QPDF_TRUE);
	/* associated files (/AF) are a PDF 1.7-era feature; PDF/A-2 and -3
	 * are based on PDF 1.7 */
	qpdf_set_minimum_pdf_version(q, "1.7");
	if ((qpdf_write(q) & QPDF_ERRORS) || qx_error(d, q, out_name))
		return FOLIO_EDOC;
	folio_buf_add(out, (const char *)qpdf_get_buffer(q), qpdf_get_buffer_length(q));
	return FOLIO_OK;
}

folio_status
folio_post_finish(folio_diags *d, const unsigned char *in, size_t len,
                  const folio_post_opts *o, const char *out_name, folio_buf *out)
{
	if (!qx_available(d, out_name))
		return FOLIO_EUSAGE;
	qpdf_data q = qx_open(d, out_name, in, len);
	if (!q)
		return FOLIO_EDOC;
	folio_status st = FOLIO_OK;
	docinfo di = {
		.title = o->title, .author = o->author, .subject = o->subject,
		.keywords = o->keywords, .lang = o->lang,
	};
	char *producer = folio_asprintf("folio %s (cairo %s, qpdf %s)", FOLIO_VERSION,
	                                post_cairo_version(), qpdf_get_qpdf_version());
	di.producer = producer;
	write_metadata(q, o, &di);
	if (o->pdfa != FOLIO_PDFA_NONE) {
		sanitize(q);
		st = add_output_intent(d, q, out_name);
	}
	if (st == FOLIO_OK && o->source_path)
		st = attach_source(d, q, o, &di, out_name);
	if (st == FOLIO_OK && o->tree)
		st = post_annots(d, q, o, out_name);
	if (st == FOLIO_OK && o->tree && folio_pdfa_conformance(o->pdfa) == 'A' &&
	    o->pdfa != FOLIO_PDFA_NONE)
		st = post_tags(d, q, o, out_name);
	if (st == FOLIO_OK && qx_error(d, q, out_name))
		st = FOLIO_EDOC;
	if (st == FOLIO_OK)
		st = write_out(d, q, out_name, out);
	free(producer);
	qx_close(&q);
	return st;
}
