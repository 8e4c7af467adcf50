/*
 * pipeline.h -- runs the stages for one document; the only place they meet.
 *
 *   load -> validate -> XSLT -> FO tree -> layout -> render -> post
 *
 * A session holds what is reused across documents of one run (compiled
 * schemas and stylesheets per document type) and the options.  Every call
 * leaves its diagnostics in session->diags; the caller prints and clears
 * them.  Outputs are written to a temporary file beside the target and
 * renamed into place only on success, so a failure never leaves a partial
 * or clobbered file.
 *
 * Threads: the first document of a session (a cold `folio render`) is
 * checked (schema, business rules) on a second thread while the main
 * thread compiles its stylesheet, and two background threads load the
 * hyphenation patterns and default fonts (joined before layout) and
 * libqpdf (used by the post stage).  Everything after the transformation
 * runs on the calling thread.  A session is used by one thread at a time;
 * the pipeline.c comment "the front half in two threads" says what each
 * thread may touch.
 */
#ifndef FOLIO_PIPELINE_H
#define FOLIO_PIPELINE_H

#include "base/base.h"

typedef struct folio_session_opts {
	const char *data_dir;     /* schemas/ and stylesheets/ live here */
	const char *dump_fo;      /* write the FO tree here ("-" = stdout), or NULL */
	const char *dump_areas;   /* write the area tree here, or NULL */
	const char **params;      /* NULL-terminated name/value pairs for XSLT */
	bool force;               /* render despite business-rule errors */
	/* post stage (src/post/post.h) */
	/* (all zero = the defaults: PDF/A-2b, source attached for PDF/A-3,
	 * signature fields where the stylesheets mark them) */
	int pdfa;                 /* a folio_pdfa level; FOLIO_PDFA_NONE = plain */
	int attach_source;        /* attach the source XML: 1 yes, -1 no,
	                             0 by level (yes for PDF/A-3) */
	bool no_signature_fields; /* skip folio:signature-field fields */
	bool timings;             /* print each stage's wall time (--timings) */
	int layout_threads;       /* folio_layout_threads: 0 = one per core when
	                             the flow is long, 1 = one */
} folio_session_opts;

typedef struct folio_session folio_session;

folio_session *folio_session_new(const folio_session_opts *opts);
void folio_session_free(folio_session *s);
/* Diagnostics of the last call(s); owned by the session. */
folio_diags *folio_session_diags(folio_session *s);

/* Checks the document against its type's schema. */
folio_status folio_pipeline_validate(folio_session *s, const char *in);
/* Validates and transforms; writes the XSL-FO to out (NULL = stdout). */
folio_status folio_pipeline_transform(folio_session *s, const char *in,
                                      const char *out);
/* The whole pipeline from a source document to out (a PDF path; NULL
 * only when a dump is requested). */
folio_status folio_pipeline_render(folio_session *s, const char *in,
                                   const char *out);
/* folio_pipeline_render on a source held in memory: bytes[0..len) (malloc'd,
 * NUL-terminated, taken over) read as if it were the file name, which
 * diagnostics and relative references use (folio batch collections). */
folio_status folio_pipeline_render_bytes(folio_session *s, const char *name,
                                         char *bytes, size_t len,
                                         const char *out);
/* Pages of the document the last render call laid out (0 if it failed
 * before layout). */
size_t folio_session_pages(const folio_session *s);
/* Renders an XSL-FO file directly. */
folio_status folio_pipeline_fo(folio_session *s, const char *in, const char *out);

/* Finds the data directory: explicit, $FOLIO_DATA_DIR, or next to the
 * executable (its directory's parent, the directory itself, or
 * ../share/folio).  Returns a string the caller frees, or NULL. */
char *folio_data_dir_find(const char *explicit_dir, const char *argv0);

#endif
