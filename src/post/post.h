/*
 * post.h -- the last stage: finishes the PDF cairo wrote for archiving and
 * signing, and reads finished PDFs back (check, extract, sign).
 *
 *   render (cairo PDF in memory) -> folio_post_finish -> output bytes
 *
 * Everything here goes through libqpdf's C API (qpdf-c.h): no home-made
 * PDF parser.  The one exception is the incremental update that `folio
 * sign` appends (sign.c), because qpdf cannot write incremental updates;
 * it only appends new objects and a new xref section after the bytes qpdf
 * wrote, and qpdf reads the result back to check it.
 *
 * What this stage adds (folio_post_finish):
 *   - PDF/A identification (part 2 or 3, conformance B or A) in an XMP
 *     metadata stream that agrees with the Info dictionary;
 *   - an OutputIntent with the sRGB ICC profile of icc-profiles-free;
 *   - a document /ID derived from the content (qpdf's deterministic ID);
 *   - the source XML as an associated file (AFRelationship /Source);
 *   - empty signature fields over the signature lines the layout placed
 *     (FO attribute folio:signature-field);
 *   - link annotations from the area tree (cairo 1.16 cannot write them).
 * Nothing in it depends on the time of day: the same input gives the same
 * bytes.
 */
#ifndef FOLIO_POST_H
#define FOLIO_POST_H

#include <stddef.h>

#include "../base/base.h"
#include "../layout/layout.h"

/* PDF/A levels.  The default is 0, so options left zero mean PDF/A-2b. */
typedef enum folio_pdfa {
	FOLIO_PDFA_2B = 0,
	FOLIO_PDFA_2A,
	FOLIO_PDFA_3B,
	FOLIO_PDFA_3A,
	FOLIO_PDFA_NONE,       /* plain PDF: no identification, no intent */
} folio_pdfa;

/* Parses "2b", "3a", "none" (case-insensitive); false when not a level. */
bool folio_pdfa_parse(const char *s, folio_pdfa *out);
/* 2 or 3 (0 for none), and 'B' or 'A'. */
int folio_pdfa_part(folio_pdfa l);
char folio_pdfa_conformance(folio_pdfa l);

typedef struct folio_post_opts {
	folio_pdfa pdfa;
	/* Document information; NULL = not given.  Written identically to the
	 * Info dictionary and the XMP packet. */
	const char *title, *author, *subject, *keywords;
	const char *lang;         /* "ru", "en-GB"; NULL = unknown */
	const char *date;         /* ISO 8601 "2021-04-09T00:00:00[Z|+hh:mm]",
	                             or NULL: keep the date cairo wrote */
	/* The source document to attach (AFRelationship /Source), or NULL. */
	const char *source_path;  /* read at finish time; its base name is the
	                             attachment's name */
	/* The layout, for signature fields and links; or NULL. */
	const folio_area_tree *tree;
	bool signature_fields;    /* create fields for folio:signature-field */
} folio_post_opts;

/* Finishes the PDF in (len bytes, as cairo wrote it) into out (appended).
 * Returns FOLIO_OK, FOLIO_EUSAGE (unreadable source to attach, missing
 * ICC profile) or FOLIO_EDOC, with a diagnostic against out_name. */
folio_status folio_post_finish(folio_diags *d, const unsigned char *in, size_t len,
                               const folio_post_opts *o, const char *out_name,
                               folio_buf *out);

/* The command-line tools of this stage: `folio check`, `folio extract`,
 * `folio sign`.  argv[0] is the command name.  Returns the exit status,
 * or -1 when cmd is not one of them. */
int folio_post_cli(const char *cmd, int argc, char **argv);

/* Opens libqpdf ahead of folio_post_finish (it is loaded on first use, not
 * linked; see qpdfdl.h), so that a thread with nothing else to do pays the
 * loading.  Safe from any thread; failures are reported when the post
 * stage runs. */
void folio_post_preload(void);

#endif
