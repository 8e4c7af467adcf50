/*
 * qpdfx.c -- small helpers over libqpdf's C API for the post stage (see
 * qpdfx.h), and the two date formats (ISO 8601 for XMP, D:... for PDF).
 */
#include "qpdfx.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void
folio_post_preload(void)
{
	folio_qpdf_load(NULL);
}

bool
qx_available(folio_diags *d, const char *name)
{
	const char *why = NULL;
	if (folio_qpdf_load(&why))
		return true;
	folio_diags_add(d, FOLIO_ERROR, "library", name, 0, 0,
	                "cannot open libqpdf, which finishes the PDF (PDF/A, "
	                "signature fields, metadata): %s", why);
	return false;
}

qpdf_data
qx_open(folio_diags *d, const char *name, const unsigned char *buf, size_t len)
{
	if (!qx_available(d, name))
		return NULL;
	qpdf_data q = qpdf_init();
	qpdf_silence_errors(q);
	qpdf_set_suppress_warnings(q, QPDF_TRUE);
	QPDF_ERROR_CODE e = buf ? qpdf_read_memory(q, name, (const char *)buf,
	                                           (unsigned long long)len, NULL)
	                        : qpdf_read(q, name, NULL);
	if (e & QPDF_ERRORS) {
		qx_error(d, q, name);
		qx_close(&q);
		return NULL;
	}
	return q;
}

void
qx_close(qpdf_data *q)
{
	if (!q || !*q)
		return;
	while (qpdf_has_error(*q))
		qpdf_get_error(*q);
	while (qpdf_more_warnings(*q))
		qpdf_next_warning(*q);
	qpdf_cleanup(q);
}

bool
qx_error(folio_diags *d, qpdf_data q, const char *name)
{
	if (!qpdf_has_error(q))
		return false;
	qpdf_error e = qpdf_get_error(q);
	const char *detail = e ? qpdf_get_error_message_detail(q, e) : NULL;
	folio_diags_add(d, FOLIO_ERROR, "pdf", name, 0, 0, "%s",
	                detail && *detail ? detail : "cannot read the PDF");
	return true;
}

qpdf_oh
qx_name(qpdf_data q, const char *name)
{
	return qpdf_oh_new_name(q, name);
}

qpdf_oh
qx_text(qpdf_data q, const char *utf8)
{
	return qpdf_oh_new_unicode_string(q, utf8);
}

qpdf_oh
qx_get(qpdf_data q, qpdf_oh dict, const char *key)
{
	if (!qpdf_oh_is_dictionary(q, dict) && !qpdf_oh_is_stream(q, dict))
		return qpdf_oh_new_null(q);
	if (qpdf_oh_is_stream(q, dict))
		dict = qpdf_oh_get_dict(q, dict);
	return qpdf_oh_get_key(q, dict, key);
}

bool
qx_is_name(qpdf_data q, qpdf_oh dict, const char *key, const char *name)
{
	return qpdf_oh_is_name_and_equals(q, qx_get(q, dict, key), name);
}

const char *
qx_text_of(qpdf_data q, qpdf_oh dict, const char *key)
{
	qpdf_oh v = qx_get(q, dict, key);
	if (!qpdf_oh_is_string(q, v))
		return NULL;
	return qpdf_oh_get_utf8_value(q, v);
}

qpdf_oh
qx_stream(qpdf_data q, const char *dict_src, const void *data, size_t len)
{
	qpdf_oh s = qpdf_oh_new_stream(q);
	qpdf_oh_replace_stream_data(q, s, data, len, qpdf_oh_new_null(q),
	                            qpdf_oh_new_null(q));
	qpdf_oh dict = qpdf_oh_get_dict(q, s);
	qpdf_oh src = qpdf_oh_parse(q, dict_src);
	qpdf_oh_begin_dict_key_iter(q, src);
	while (qpdf_oh_dict_more_keys(q)) {
		const char *k = qpdf_oh_dict_next_key(q);
		qpdf_oh_replace_key(q, dict, k, qpdf_oh_get_key(q, src, k));
	}
	return qpdf_make_indirect_object(q, s);
}

char *
qx_read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	folio_buf b = {0};
	char chunk[65536];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
		if (b.len + n > (size_t)FOLIO_LIMIT_INPUT_BYTES) {
			fclose(f);
			folio_buf_clear(&b);
			errno = EFBIG;
			return NULL;
		}
		folio_buf_add(&b, chunk, n);
	}
	int err = ferror(f);
	fclose(f);
	if (err) {
		folio_buf_clear(&b);
		errno = EIO;
		return NULL;
	}
	*len = b.len;
	return b.data ? b.data : folio_strdup("");
}

/* "2021-04-09T10:30:00+03:00" -> "D:20210409103000+03'00'"; no zone is
 * taken as UTC ("Z"), so both forms always name the same instant. */
bool
qx_date_iso_to_pdf(const char *iso, char *out)
{
	int Y, M, D, h = 0, m = 0, s = 0, n = 0;
	if (sscanf(iso, "%4d-%2d-%2d%n", &Y, &M, &D, &n) != 3)
		return false;
	const char *p = iso + n;
	if (*p == 'T') {
		int k = 0;
		if (sscanf(p, "T%2d:%2d:%2d%n", &h, &m, &s, &k) < 3 || !k)
			return false;
		p += k;
		if (*p == '.')
			for (p++; *p >= '0' && *p <= '9'; p++)
				;
	}
	char zone[16] = "Z";
	int zh, zm;
	if ((*p == '+' || *p == '-') && sscanf(p + 1, "%2d:%2d", &zh, &zm) == 2 &&
	    zh >= 0 && zh < 24 && zm >= 0 && zm < 60)
		snprintf(zone, sizeof zone, "%c%02d'%02d'", *p, zh, zm);
	else if (*p && *p != 'Z')
		return false;
	if (Y < 0 || Y > 9999 || M < 1 || M > 12 || D < 1 || D > 31 || h < 0 || h > 23 ||
	    m < 0 || m > 59 || s < 0 || s > 60)
		return false;
	snprintf(out, 32, "D:%04d%02d%02d%02d%02d%02d%s", Y, M, D, h, m, s, zone);
	return true;
}

/* "D:20210409103000+03'00'" (also without "D:", as cairo 1.16 writes it,
 * and with the trailing parts missing) -> "2021-04-09T10:30:00+03:00". */
bool
qx_date_pdf_to_iso(const char *pdf, char *out)
{
	if (!strncmp(pdf, "D:", 2))
		pdf += 2;
	int v[6] = {0, 1, 1, 0, 0, 0};
	const int w[6] = {4, 2, 2, 2, 2, 2};
	const char *p = pdf;
	for (int i = 0; i < 6; i++) {
		if (!(*p >= '0' && *p <= '9'))
			break;
		int x = 0;
		for (int k = 0; k < w[i]; k++, p++) {
			if (!(*p >= '0' && *p <= '9'))
				return false;
			x = x * 10 + (*p - '0');
		}
		v[i] = x;
		if (i == 0 && p - pdf != 4)
			return false;
	}
	if (p == pdf)
		return false;
	char zone[16] = "Z";
	if (*p == '+' || *p == '-') {
		int zh = 0, zm = 0;
		sscanf(p + 1, "%2d'%2d", &zh, &zm);
		zh = zh < 0 || zh > 23 ? 0 : zh;
		zm = zm < 0 || zm > 59 ? 0 : zm;
		snprintf(zone, sizeof zone, "%c%02d:%02d", *p, zh, zm);
	}
	snprintf(out, 32, "%04d-%02d-%02dT%02d:%02d:%02d%s", v[0], v[1], v[2], v[3],
	         v[4], v[5], zone);
	return true;
}
