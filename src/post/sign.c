/*
 * sign.c -- `folio sign IN.pdf --field NAME --p12 CERT.p12
 * [--password-file F] -o OUT.pdf`: a PAdES baseline B-B signature
 * (SubFilter ETSI.CAdES.detached, SHA-256, the signing-certificate-v2
 * attribute) in the named empty signature field, with a visible stamp in
 * the form GOST R 7.0.97 gives for the mark of an electronic signature.
 *
 * The signature is written as an incremental update: the input's bytes
 * stay as they are and new objects plus a new xref section follow them, so
 * a signature made before stays valid.  qpdf cannot write incremental
 * updates, so that part is written here by hand -- but only the framing
 * ("N 0 obj ... endobj", the xref table, the trailer): every object's text
 * comes from qpdf (qpdf_oh_unparse_resolved, raw stream data), and the
 * objects themselves are built in qpdf's memory, so object numbers, string
 * escapes and copied fonts are qpdf's work.  The result is read back with
 * qpdf before it replaces anything.
 *
 * What it does not do: timestamps (B-T), revocation data (B-LT), DocMDP
 * certification, GOST algorithms (OpenSSL's gost engine is not used here).
 * OpenSSL 3.0's CMS always adds a signing-time attribute, which PAdES
 * baseline says to leave out (the time is /M); with OpenSSL >= 3.2 the
 * CMS_NO_SIGNING_TIME flag leaves it out.
 */
#include <cairo-pdf.h>
#include <errno.h>
#include <openssl/cms.h>
#include <openssl/err.h>
#include <openssl/ess.h>
#include <openssl/pkcs12.h>
#include <openssl/x509.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/stat.h>
#include <unistd.h>

#include "internal.h"
#include "cryptodl.h"   /* libcrypto, opened by post_cmd_sign */

/* Room for the CMS object: the signer's certificate and chain, in hex. */
#define SIG_CONTENTS_BYTES 16384

typedef struct signer {
	EVP_PKEY *key;
	X509 *cert;
	STACK_OF(X509) *chain;
} signer;

static void
signer_free(signer *s)
{
	EVP_PKEY_free(s->key);
	X509_free(s->cert);
	sk_X509_pop_free(s->chain, X509_free);
}

static int
fail(const char *file, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static int
fail(const char *file, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fprintf(stderr, "%s: error: ", file);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	return FOLIO_EUSAGE;
}

static bool
load_p12(const char *path, const char *pwfile, signer *s, int *rc)
{
	char pw[1024] = "";
	if (pwfile) {
		FILE *f = fopen(pwfile, "rb");
		if (!f) {
			*rc = fail(pwfile, "cannot read the password file: %s", strerror(errno));
			return false;
		}
		size_t n = fread(pw, 1, sizeof pw - 1, f);
		fclose(f);
		pw[n] = 0;
		pw[strcspn(pw, "\r\n")] = 0;
	}
	FILE *f = fopen(path, "rb");
	if (!f) {
		*rc = fail(path, "cannot read: %s", strerror(errno));
		return false;
	}
	PKCS12 *p12 = d2i_PKCS12_fp(f, NULL);
	fclose(f);
	bool ok = p12 && PKCS12_parse(p12, pw, &s->key, &s->cert, &s->chain) && s->key &&
	          s->cert;
	PKCS12_free(p12);
	if (!ok) {
		unsigned long e = ERR_get_error();
		*rc = fail(path, "not a PKCS#12 file with a key and a certificate, or a "
		           "wrong password (%s)", e ? ERR_reason_error_string(e) : "no details");
		return false;
	}
	return true;
}

/* ---- finding the field ---- */

typedef struct found {
	qpdf_oh widget;       /* the annotation to draw the stamp in */
	qpdf_oh field;        /* the field that gets /V (may be the widget) */
	bool named;           /* a terminal field of that name exists */
	bool ok;              /* ... and it is a signature field */
	bool is_signed;
} found;

static void
find_field(qpdf_data q, qpdf_oh arr, const char *prefix, const char *want, int depth,
           found *f)
{
	int k = qpdf_oh_is_array(q, arr) ? qpdf_oh_get_array_n_items(q, arr) : 0;
	for (int i = 0; i < k && depth < 32 && !f->named; i++) {
		qpdf_oh fld = qpdf_oh_get_array_item(q, arr, i);
		const char *t = qx_text_of(q, fld, "/T");
		char *name = t ? (*prefix ? folio_asprintf("%s.%s", prefix, t) : folio_strdup(t))
		               : folio_strdup(prefix);
		qpdf_oh kids = qx_get(q, fld, "/Kids");
		int nk = qpdf_oh_is_array(q, kids) ? qpdf_oh_get_array_n_items(q, kids) : 0;
		bool field_kids = nk && qpdf_oh_has_key(q, qpdf_oh_get_array_item(q, kids, 0), "/T");
		if (field_kids) {
			find_field(q, kids, name, want, depth + 1, f);
		} else if (!strcmp(name, want)) {
			/* a field merged with its widget, or the first of its widgets */
			f->widget = nk ? qpdf_oh_get_array_item(q, kids, 0) : fld;
			f->field = fld;
			/* /FT may be inherited from a parent field */
			qpdf_oh p = fld;
			for (int up = 0; up < 32 && qpdf_oh_is_dictionary(q, p) &&
			                 !qpdf_oh_has_key(q, p, "/FT"); up++)
				p = qx_get(q, p, "/Parent");
			f->ok = qx_is_name(q, p, "/FT", "/Sig");
			f->is_signed = qpdf_oh_has_key(q, fld, "/V");
			f->named = true;
			free(name);
			return;
		}
		free(name);
	}
}

/* ---- the stamp ---- */

typedef struct stamp_text {
	char serial[128], owner[512], from[16], to[16];
} stamp_text;

static void
asn1_date(const ASN1_TIME *t, char *out)
{
	struct tm tm;
	if (ASN1_TIME_to_tm(t, &tm))
		strftime(out, 16, "%d.%m.%Y", &tm);
	else
		strcpy(out, "?");
}

static void
cert_text(X509 *c, stamp_text *st)
{
	BIGNUM *bn = ASN1_INTEGER_to_BN(X509_get0_serialNumber(c), NULL);
	char *hex = bn ? BN_bn2hex(bn) : NULL;
	snprintf(st->serial, sizeof st->serial, "%s", hex ? hex : "?");
	OPENSSL_free(hex);
	BN_free(bn);
	X509_NAME *n = X509_get_subject_name(c);
	int i = X509_NAME_get_index_by_NID(n, NID_commonName, -1);
	unsigned char *u = NULL;
	if (i >= 0 && ASN1_STRING_to_UTF8(&u, X509_NAME_ENTRY_get_data(
	                                          X509_NAME_get_entry(n, i))) >= 0) {
		snprintf(st->owner, sizeof st->owner, "%s", (char *)u);
		OPENSSL_free(u);
	} else {
		X509_NAME_oneline(n, st->owner, sizeof st->owner);
	}
	asn1_date(X509_get0_notBefore(c), st->from);
	asn1_date(X509_get0_notAfter(c), st->to);
}

static cairo_status_t
mem_write(void *closure, const unsigned char *data, unsigned int len)
{
	folio_buf_add(closure, (const char *)data, len);
	return CAIRO_STATUS_SUCCESS;
}

/* Sets the largest type size (8pt down to 3pt) at which pl fits inner_h
 * without breaking a line inside a word; returns it. */
static double
fit(PangoLayout *pl, double inner_h, PangoRectangle *log)
{
	double size = 8;
	for (; size > 3; size -= 0.25) {
		PangoFontDescription *fd = pango_font_description_from_string("PT Sans");
		pango_font_description_set_size(fd, (int)(size * PANGO_SCALE));
		pango_layout_set_font_description(pl, fd);
		pango_font_description_free(fd);
		pango_layout_get_extents(pl, NULL, log);
		if (log->height / (double)PANGO_SCALE <= inner_h &&
		    !pango_layout_is_wrapped(pl))
			break;
	}
	return size;
}

/* Draws the mark into a one-page PDF of w x h points: a frame with
 * rounded corners, the heading in two lines, then certificate, owner and
 * validity; the type shrinks until everything fits. */
static void
draw_stamp(folio_buf *pdf, double w, double h, const stamp_text *st)
{
	cairo_surface_t *s = cairo_pdf_surface_create_for_stream(mem_write, pdf, w, h);
	cairo_t *cr = cairo_create(s);
	const double m = 3, r = 4;
	cairo_set_source_rgb(cr, 0.10, 0.20, 0.55);
	cairo_set_line_width(cr, 1);
	cairo_new_sub_path(cr);
	cairo_arc(cr, w - m - r, m + r, r, -G_PI / 2, 0);
	cairo_arc(cr, w - m - r, h - m - r, r, 0, G_PI / 2);
	cairo_arc(cr, m + r, h - m - r, r, G_PI / 2, G_PI);
	cairo_arc(cr, m + r, m + r, r, G_PI, 3 * G_PI / 2);
	cairo_close_path(cr);
	cairo_stroke(cr);
	/* the GOST form in five lines; a low field gets the same in three */
	char *markup[2] = {
		g_markup_printf_escaped("<b>ДОКУМЕНТ ПОДПИСАН\nЭЛЕКТРОННОЙ ПОДПИСЬЮ</b>\n"
		                        "<span size='smaller'>Сертификат: %s\nВладелец: %s\n"
		                        "Действителен с %s по %s</span>",
		                        st->serial, st->owner, st->from, st->to),
		g_markup_printf_escaped("<b>ДОКУМЕНТ ПОДПИСАН ЭЛЕКТРОННОЙ ПОДПИСЬЮ</b>\n"
		                        "<span size='smaller'>Сертификат: %s   Владелец: %s\n"
		                        "Действителен с %s по %s</span>",
		                        st->serial, st->owner, st->from, st->to),
	};
	PangoLayout *pl = pango_cairo_create_layout(cr);
	pango_layout_set_alignment(pl, PANGO_ALIGN_CENTER);
	pango_layout_set_wrap(pl, PANGO_WRAP_WORD_CHAR);
	double inner_w = w - 2 * m - 6, inner_h = h - 2 * m - 4;
	pango_layout_set_width(pl, (int)(inner_w * PANGO_SCALE));
	PangoRectangle log = {0};
	double best = 0;
	int pick = 0;
	for (int v = 0; v < 2; v++) {
		pango_layout_set_markup(pl, markup[v], -1);
		double size = fit(pl, inner_h, &log);
		if (size > best + 0.01) {
			best = size;
			pick = v;
		}
	}
	pango_layout_set_markup(pl, markup[pick], -1);
	fit(pl, inner_h, &log);
	cairo_move_to(cr, m + 3, (h - log.height / (double)PANGO_SCALE) / 2);
	pango_cairo_show_layout(cr, pl);
	g_object_unref(pl);
	g_free(markup[0]);
	g_free(markup[1]);
	cairo_destroy(cr);
	cairo_surface_finish(s);
	cairo_surface_destroy(s);
}

/* The stamp as a form XObject in q: the stamp page's content and its
 * resources (fonts with them) copied by qpdf.  q2 must stay open until q
 * is written. */
static qpdf_oh
stamp_xobject(qpdf_data q, qpdf_data q2, double w, double h)
{
	qpdf_oh page = qpdf_get_page_n(q2, 0);
	unsigned char *content = NULL;
	size_t len = 0;
	qpdf_oh_get_page_content_data(q2, page, &content, &len);
	qpdf_oh res2 = qx_get(q2, page, "/Resources");
	qpdf_oh res = qpdf_oh_is_indirect(q2, res2) ? qpdf_oh_copy_foreign_object(q, q2, res2)
	                                            : qpdf_oh_new_dictionary(q);
	char d[200];
	snprintf(d, sizeof d, "<< /Type /XObject /Subtype /Form /BBox [0 0 %.2f %.2f] >>", w, h);
	qpdf_oh x = qx_stream(q, d, content, len);
	qpdf_oh_replace_key(q, qpdf_oh_get_dict(q, x), "/Resources", res);
	free(content);
	return x;
}

static int write_file(const char *path, const void *data, size_t len);

/* ---- the incremental update ---- */

/* The offset after "startxref" at the end of the file, or -1. */
static long
prev_startxref(const char *pdf, size_t len)
{
	size_t from = len > 1024 ? len - 1024 : 0;
	long found = -1;
	for (size_t i = from; i + 9 < len; i++)
		if (!memcmp(pdf + i, "startxref", 9))
			found = strtol(pdf + i + 9, NULL, 10);
	return found;
}

typedef struct upd {
	folio_buf b;          /* the whole output: input bytes + update */
	long *off;            /* offsets by object id (0 = not written) */
	int maxid;
} upd;

static void
put_object(upd *u, qpdf_data q, int id)
{
	qpdf_oh o = qpdf_get_object_by_id(q, id, 0);
	if (id > u->maxid)
		return;
	u->off[id] = (long)u->b.len;
	folio_buf_printf(&u->b, "%d 0 obj\n", id);
	if (qpdf_oh_is_stream(q, o)) {
		unsigned char *data = NULL;
		size_t len = 0;
		qpdf_oh_get_stream_data(q, o, qpdf_dl_none, NULL, &data, &len);
		qpdf_oh dict = qpdf_oh_get_dict(q, o);
		qpdf_oh_remove_key(q, dict, "/Length");
		const char *txt = qpdf_oh_unparse_resolved(q, dict);
		size_t tl = strlen(txt);
		/* "<< ... >>" -> "<< ... /Length n >>" */
		folio_buf_add(&u->b, txt, tl >= 2 ? tl - 2 : tl);
		folio_buf_printf(&u->b, " /Length %zu >>\nstream\n", len);
		folio_buf_add(&u->b, (const char *)data, len);
		folio_buf_puts(&u->b, "\nendstream\nendobj\n");
		free(data);
	} else {
		folio_buf_puts(&u->b, qpdf_oh_unparse_resolved(q, o));
		folio_buf_puts(&u->b, "\nendobj\n");
	}
}

static void
put_xref(upd *u, long prev, qpdf_data q, int size)
{
	long xref = (long)u->b.len;
	folio_buf_puts(&u->b, "xref\n");
	for (int id = 1; id <= u->maxid;) {
		if (!u->off[id]) {
			id++;
			continue;
		}
		int end = id;
		while (end + 1 <= u->maxid && u->off[end + 1])
			end++;
		folio_buf_printf(&u->b, "%d %d\n", id, end - id + 1);
		for (int k = id; k <= end; k++)
			folio_buf_printf(&u->b, "%010ld 00000 n \n", u->off[k]);
		id = end + 1;
	}
	qpdf_oh tr = qpdf_get_trailer(q);
	folio_buf_printf(&u->b, "trailer\n<< /Size %d /Root %s", size,
	                 qpdf_oh_unparse(q, qx_get(q, tr, "/Root")));
	if (qpdf_oh_has_key(q, tr, "/Info"))
		folio_buf_printf(&u->b, " /Info %s", qpdf_oh_unparse(q, qx_get(q, tr, "/Info")));
	if (qpdf_oh_has_key(q, tr, "/ID"))
		folio_buf_printf(&u->b, " /ID %s", qpdf_oh_unparse(q, qx_get(q, tr, "/ID")));
	folio_buf_printf(&u->b, " /Prev %ld >>\nstartxref\n%ld\n%%%%EOF\n", prev, xref);
}

/* ---- CMS ---- */

static bool
add_signing_cert_v2(CMS_SignerInfo *si, X509 *cert, const EVP_MD *md)
{
	ESS_SIGNING_CERT_V2 *sc = OSSL_ESS_signing_cert_v2_new_init(md, cert, NULL, 0);
	if (!sc)
		return false;
	unsigned char *der = NULL;
	int len = i2d_ESS_SIGNING_CERT_V2(sc, &der);
	ESS_SIGNING_CERT_V2_free(sc);
	bool ok = len > 0 && CMS_signed_add1_attr_by_NID(si, NID_id_smime_aa_signingCertificateV2,
	                                                 V_ASN1_SEQUENCE, der, len);
	OPENSSL_free(der);
	return ok;
}

/* SHA-256, or the GOST R 34.11-2012 digest for a GOST R 34.10-2012 key
 * (those keys load only when OpenSSL's gost engine is configured, see
 * docs/archiving.md). */
static const EVP_MD *
digest_for(EVP_PKEY *key)
{
	const char *name = NULL;
	if (EVP_PKEY_is_a(key, "gost2012_256"))
		name = "md_gost12_256";
	else if (EVP_PKEY_is_a(key, "gost2012_512"))
		name = "md_gost12_512";
	const EVP_MD *md = name ? EVP_get_digestbyname(name) : NULL;
	return md ? md : EVP_sha256();
}

/* A detached CMS signature of data (the two byte ranges). */
static unsigned char *
cms_sign(signer *s, const unsigned char *data, size_t len, int *der_len)
{
	unsigned int flags = CMS_DETACHED | CMS_BINARY | CMS_PARTIAL | CMS_NOSMIMECAP;
#ifdef CMS_NO_SIGNING_TIME
	flags |= CMS_NO_SIGNING_TIME;
#endif
	CMS_ContentInfo *cms = CMS_sign(NULL, NULL, s->chain, NULL, flags);
	const EVP_MD *md = digest_for(s->key);
	CMS_SignerInfo *si = cms ? CMS_add1_signer(cms, s->cert, s->key, md, flags) : NULL;
	unsigned char *der = NULL;
	BIO *in = BIO_new_mem_buf(data, (int)len);
	if (si && add_signing_cert_v2(si, s->cert, md) && CMS_final(cms, in, NULL, flags))
		*der_len = i2d_CMS_ContentInfo(cms, &der);
	BIO_free(in);
	CMS_ContentInfo_free(cms);
	return der;
}

/* ---- the command ---- */

typedef struct sign_args {
	const char *in, *out, *field, *p12, *pwfile;
	bool detached;        /* --detached: a .sig file of any input */
} sign_args;

static int
parse_args(int argc, char **argv, sign_args *a)
{
	for (int i = 1; i < argc; i++) {
		const char *o = argv[i];
		bool has = i + 1 < argc;
		if ((!strcmp(o, "-o") || !strcmp(o, "--output")) && has)
			a->out = argv[++i];
		else if (!strcmp(o, "--field") && has)
			a->field = argv[++i];
		else if (!strcmp(o, "--p12") && has)
			a->p12 = argv[++i];
		else if (!strcmp(o, "--password-file") && has)
			a->pwfile = argv[++i];
		else if (!strcmp(o, "--detached"))
			a->detached = true;
		else if (o[0] == '-' && o[1])
			return fail("folio", "sign: unknown option or missing value: %s", o);
		else if (!a->in)
			a->in = o;
		else
			return fail("folio", "sign takes one input PDF");
	}
	if (a->detached && a->in && a->p12 && !a->field)
		return 0;
	if (!a->in || !a->out || !a->field || !a->p12 || a->detached)
		return fail("folio", "usage: folio sign IN.pdf --field NAME --p12 CERT.p12 "
		            "[--password-file F] -o OUT.pdf, or folio sign --detached FILE "
		            "--p12 CERT.p12 [--password-file F] [-o FILE.sig]");
	return 0;
}

static void
pdf_now(char *out)
{
	const char *sde = getenv("SOURCE_DATE_EPOCH");
	time_t t = sde && *sde ? (time_t)strtoll(sde, NULL, 10) : time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, 32, "D:%Y%m%d%H%M%SZ", &tm);
}

/* Adds to q: the stamp XObject, a placeholder for the signature
 * dictionary; points the widget at both.  Returns the signature
 * dictionary's object id. */
static int
prepare(qpdf_data q, qpdf_data q2, qpdf_oh widget, qpdf_oh field, double w, double h)
{
	qpdf_oh x = stamp_xobject(q, q2, w, h);
	qpdf_oh sig = qpdf_make_indirect_object(q, qpdf_oh_new_dictionary(q));
	qpdf_oh ap = qpdf_oh_new_dictionary(q);
	qpdf_oh_replace_key(q, ap, "/N", x);
	qpdf_oh_replace_key(q, widget, "/AP", ap);
	/* /V belongs on the field: the widget itself when they are merged */
	qpdf_oh_replace_key(q, field, "/V", sig);
	qpdf_oh form = qx_get(q, qpdf_get_root(q), "/AcroForm");
	/* SignaturesExist | AppendOnly */
	qpdf_oh_replace_key(q, form, "/SigFlags", qpdf_oh_new_integer(q, 3));
	return qpdf_oh_get_object_id(q, sig);
}

static void
put_sig_dict(upd *u, qpdf_data q, int id, const char *owner, const char *date,
             size_t *br_at, size_t *contents_at)
{
	u->off[id] = (long)u->b.len;
	qpdf_oh name = qx_text(q, owner);
	folio_buf_printf(&u->b, "%d 0 obj\n<< /Type /Sig /Filter /Adobe.PPKLite "
	                 "/SubFilter /ETSI.CAdES.detached /M (%s) /Name %s /ByteRange ",
	                 id, date, qpdf_oh_unparse(q, name));
	*br_at = u->b.len;
	folio_buf_printf(&u->b, "[0 %10d %10d %10d]", 0, 0, 0);
	folio_buf_puts(&u->b, " /Contents ");
	*contents_at = u->b.len;
	folio_buf_puts(&u->b, "<");
	for (int i = 0; i < SIG_CONTENTS_BYTES; i++)
		folio_buf_puts(&u->b, "00");
	folio_buf_puts(&u->b, "> >>\nendobj\n");
}

/* changed: ids of existing objects qpdf changed (0 = none), written
 * again in the update. */
static int
write_update(const sign_args *a, qpdf_data q, const char *pdf, size_t len, int first_new,
             int sig_id, const int changed[3], signer *s, const stamp_text *st)
{
	long prev = prev_startxref(pdf, len);
	if (prev < 0)
		return fail(a->in, "no startxref at the end of the file");
	upd u = {0};
	/* objects qpdf made for us are numbered from first_new up */
	int last = first_new;
	for (int id = first_new, misses = 0; misses < 64; id++) {
		if (qpdf_oh_is_null(q, qpdf_get_object_by_id(q, id, 0)))
			misses++;
		else
			last = id, misses = 0;
	}
	u.maxid = last;
	u.off = folio_calloc((size_t)last + 1, sizeof *u.off);
	folio_buf_add(&u.b, pdf, len);
	if (pdf[len - 1] != '\n')
		folio_buf_puts(&u.b, "\n");
	for (int i = 0; i < 3; i++)
		if (changed[i] && !u.off[changed[i]])
			put_object(&u, q, changed[i]);
	size_t br_at = 0, contents_at = 0;
	char date[32];
	pdf_now(date);
	for (int id = first_new; id <= last; id++) {
		if (id == sig_id)
			put_sig_dict(&u, q, id, st->owner, date, &br_at, &contents_at);
		else if (!qpdf_oh_is_null(q, qpdf_get_object_by_id(q, id, 0)))
			put_object(&u, q, id);
	}
	put_xref(&u, prev, q, last + 1);
	/* the byte ranges: everything but the <hex> of /Contents */
	size_t c0 = contents_at, c1 = contents_at + 2 + 2 * SIG_CONTENTS_BYTES;
	char br[64];
	snprintf(br, sizeof br, "[0 %10zu %10zu %10zu]", c0, c1, u.b.len - c1);
	memcpy(u.b.data + br_at, br, strlen(br));
	unsigned char *signed_data = folio_malloc(u.b.len - (c1 - c0));
	memcpy(signed_data, u.b.data, c0);
	memcpy(signed_data + c0, u.b.data + c1, u.b.len - c1);
	int der_len = 0;
	unsigned char *der = cms_sign(s, signed_data, u.b.len - (c1 - c0), &der_len);
	free(signed_data);
	int rc = 0;
	if (!der || der_len <= 0) {
		unsigned long e = ERR_get_error();
		rc = fail(a->p12, "cannot sign: %s", e ? ERR_reason_error_string(e) : "CMS failed");
	} else if (der_len > SIG_CONTENTS_BYTES) {
		rc = fail(a->p12, "the signature (%d bytes) does not fit the %d reserved",
		          der_len, SIG_CONTENTS_BYTES);
	} else {
		for (int i = 0; i < der_len; i++) {
			char hx[3];
			snprintf(hx, sizeof hx, "%02X", der[i]);
			memcpy(u.b.data + c0 + 1 + 2 * i, hx, 2);
		}
	}
	OPENSSL_free(der);
	if (!rc) {
		/* read the result back before it replaces anything */
		folio_diags d = {0};
		qpdf_data chk = qx_open(&d, a->out, (const unsigned char *)u.b.data, u.b.len);
		if (!chk)
			rc = fail(a->out, "internal error: the signed PDF does not read back: %s",
			          d.n ? d.items[0].message : "?");
		qx_close(&chk);
		folio_diags_clear(&d);
	}
	if (!rc)
		rc = write_file(a->out, u.b.data, u.b.len);
	folio_buf_clear(&u.b);
	free(u.off);
	return rc;
}

static int
write_file(const char *path, const void *data, size_t len)
{
	char *tmp = folio_asprintf("%s.folio-XXXXXX", path);
	int fd = mkstemp(tmp);
	if (fd >= 0) {
		/* mkstemp makes 0600; a new file gets what umask allows */
		mode_t mask = umask(0);
		umask(mask);
		fchmod(fd, 0666 & ~mask);
	}
	FILE *f = fd >= 0 ? fdopen(fd, "wb") : NULL;
	bool ok = f && fwrite(data, 1, len, f) == len;
	ok = (f && fclose(f) == 0) && ok;
	if (!ok || rename(tmp, path) != 0) {
		unlink(tmp);
		free(tmp);
		return fail(path, "cannot write: %s", strerror(errno));
	}
	free(tmp);
	return 0;
}

/* folio sign --detached FILE: a DER CMS signature of the file's bytes
 * beside it (FILE.sig), as Russian document exchange systems take it. */
static int
sign_detached(const sign_args *a, signer *s)
{
	size_t len;
	char *data = qx_read_file(a->in, &len);
	if (!data)
		return fail(a->in, "cannot read: %s", strerror(errno));
	int der_len = 0;
	unsigned char *der = cms_sign(s, (const unsigned char *)data, len, &der_len);
	free(data);
	int rc;
	if (!der || der_len <= 0) {
		unsigned long e = ERR_get_error();
		rc = fail(a->p12, "cannot sign: %s", e ? ERR_reason_error_string(e) : "CMS failed");
	} else {
		char *out = a->out ? folio_strdup(a->out) : folio_asprintf("%s.sig", a->in);
		rc = write_file(out, der, (size_t)der_len);
		free(out);
	}
	OPENSSL_free(der);
	return rc;
}

int
post_cmd_sign(int argc, char **argv)
{
	sign_args a = {0};
	int rc = parse_args(argc, argv, &a);
	if (rc)
		return rc;
	const char *why = NULL;
	if (!folio_crypto_load(&why))
		return fail(a.p12 ? a.p12 : "folio", "cannot open OpenSSL's libcrypto: %s", why);
	signer s = {0};
	if (!load_p12(a.p12, a.pwfile, &s, &rc))
		return rc;
	if (a.detached) {
		rc = sign_detached(&a, &s);
		signer_free(&s);
		return rc;
	}
	size_t len;
	char *pdf = qx_read_file(a.in, &len);
	if (!pdf || len < 16) {
		signer_free(&s);
		free(pdf);
		return fail(a.in, "cannot read: %s", pdf ? "too short for a PDF" : strerror(errno));
	}
	folio_diags d = {0};
	qpdf_data q = qx_open(&d, a.in, (const unsigned char *)pdf, len), q2 = NULL;
	folio_buf stamp = {0};
	found f = {0};
	if (!q) {
		rc = fail(a.in, "%s", d.n ? d.items[0].message : "cannot read the PDF");
		goto done;
	}
	find_field(q, qx_get(q, qx_get(q, qpdf_get_root(q), "/AcroForm"), "/Fields"), "",
	           a.field, 0, &f);
	if (!f.named || !f.ok) {
		fail(a.in, f.named ? "the field %s is not a signature field"
		                   : "no signature field named %s (folio check lists them)",
		     a.field);
		rc = FOLIO_EDOC;
		goto done;
	}
	if (f.is_signed) {
		fail(a.in, "the field %s is already signed", a.field);
		rc = FOLIO_EDOC;
		goto done;
	}
	qpdf_oh r = qx_get(q, f.widget, "/Rect");
	double v[4] = {0, 0, 0, 0};
	for (int i = 0; i < 4 && qpdf_oh_is_array(q, r); i++)
		v[i] = qpdf_oh_get_numeric_value(q, qpdf_oh_get_array_item(q, r, i));
	double w = v[2] > v[0] ? v[2] - v[0] : v[0] - v[2];
	double h = v[3] > v[1] ? v[3] - v[1] : v[1] - v[3];
	if (w < 10 || h < 10) {
		rc = fail(a.in, "the field %s has no room for a stamp (%.0f x %.0f pt)", a.field, w, h);
		goto done;
	}
	stamp_text st;
	cert_text(s.cert, &st);
	draw_stamp(&stamp, w, h, &st);
	q2 = qx_open(&d, "stamp", (const unsigned char *)stamp.data, stamp.len);
	if (!q2) {
		rc = fail(a.in, "internal error: the stamp does not read back");
		goto done;
	}
	/* qpdf numbers new objects after the highest existing one */
	qpdf_oh size = qx_get(q, qpdf_get_trailer(q), "/Size");
	int first_new = 1;
	for (int id = 1, n = qpdf_oh_get_int_value_as_int(q, size); id < n; id++)
		if (!qpdf_oh_is_null(q, qpdf_get_object_by_id(q, id, 0)))
			first_new = id + 1;
	qpdf_oh form = qx_get(q, qpdf_get_root(q), "/AcroForm");
	int changed[3] = {
		qpdf_oh_get_object_id(q, f.widget),
		qpdf_oh_get_object_id(q, f.field),
		/* a direct AcroForm is written with its catalog */
		qpdf_oh_is_indirect(q, form) ? qpdf_oh_get_object_id(q, form)
		                             : qpdf_oh_get_object_id(q, qpdf_get_root(q)),
	};
	int sig_id = prepare(q, q2, f.widget, f.field, w, h);
	if (sig_id < first_new || !changed[0] || !changed[1] || qx_error(&d, q, a.in)) {
		rc = fail(a.in, "internal error: cannot prepare the update%s%s",
		          d.n ? ": " : "", d.n ? d.items[d.n - 1].message : "");
		goto done;
	}
	rc = write_update(&a, q, pdf, len, first_new, sig_id, changed, &s, &st);
done:
	folio_buf_clear(&stamp);
	folio_diags_clear(&d);
	if (q2)
		qx_close(&q2);
	if (q)
		qx_close(&q);
	signer_free(&s);
	free(pdf);
	return rc;
}
