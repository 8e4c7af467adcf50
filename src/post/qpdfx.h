/*
 * qpdfx.h -- the few helpers every file of the post stage needs on top of
 * libqpdf's C API (internal to src/post/).
 *
 * qpdf's C API keeps handles (qpdf_oh) inside the qpdf_data object; they
 * are all released by qpdf_cleanup, so the code here never releases single
 * handles.  Errors stick in the qpdf_data (qpdf_has_error) and are turned
 * into one diagnostic by qx_error.
 */
#ifndef FOLIO_POST_QPDFX_H
#define FOLIO_POST_QPDFX_H

#include "qpdfdl.h"   /* <qpdf/qpdf-c.h>, called through pointers */

#include "../base/base.h"

/* Is libqpdf there (opened on first use)?  false with an error against
 * name: the system lacks the library, which is not the document's fault
 * (exit status 2). */
bool qx_available(folio_diags *d, const char *name);
/* Opens a PDF from memory (buf must outlive q: qpdf reads it lazily) or
 * from the file name (when buf is NULL).  Returns NULL with a diagnostic against name. */
qpdf_data qx_open(folio_diags *d, const char *name, const unsigned char *buf,
                  size_t len);
/* Consumes any error and warnings left in *q (so qpdf prints nothing of
 * its own) and frees it; *q becomes NULL. */
void qx_close(qpdf_data *q);
/* When q has an error: adds it as a diagnostic and returns true. */
bool qx_error(folio_diags *d, qpdf_data q, const char *name);

/* Shorthands. */
qpdf_oh qx_name(qpdf_data q, const char *name);                /* "/Type" */
qpdf_oh qx_text(qpdf_data q, const char *utf8);                /* text string */
qpdf_oh qx_get(qpdf_data q, qpdf_oh dict, const char *key);    /* or null */
bool qx_is_name(qpdf_data q, qpdf_oh dict, const char *key, const char *name);
/* A dictionary's text string value as UTF-8 (owned by q until the next
 * call), or NULL when the key is missing or not a string. */
const char *qx_text_of(qpdf_data q, qpdf_oh dict, const char *key);
/* A new indirect stream with data and the dictionary entries of dict_src
 * (a PDF dictionary in text, e.g. "<< /Type /Metadata >>"). */
qpdf_oh qx_stream(qpdf_data q, const char *dict_src, const void *data, size_t len);
/* Reads a whole file; NULL (errno set) when it cannot. */
char *qx_read_file(const char *path, size_t *len);

/* Date forms: ISO 8601 (XMP) <-> PDF date strings.  Both write into
 * out (at least 32 bytes); false when in is not a date. */
bool qx_date_iso_to_pdf(const char *iso, char *out);
bool qx_date_pdf_to_iso(const char *pdf, char *out);

#endif
