/*
 * internal.h -- what the files of src/post/ share among themselves.
 */
#ifndef FOLIO_POST_INTERNAL_H
#define FOLIO_POST_INTERNAL_H

#include "post.h"
#include "qpdfx.h"

/* cairo's version string, for the Producer entry. */
const char *post_cairo_version(void);

/* annots.c: signature fields over folio:signature-field areas and link
 * annotations from the area tree's link areas. */
folio_status post_annots(folio_diags *d, qpdf_data q, const folio_post_opts *o,
                         const char *out_name);

/* tags.c: the structure tree of PDF/A levels A (MarkInfo, StructTreeRoot). */
folio_status post_tags(folio_diags *d, qpdf_data q, const folio_post_opts *o,
                       const char *out_name);

/* The CLI commands (cli.c dispatches). */
int post_cmd_check(int argc, char **argv);
int post_cmd_extract(int argc, char **argv);
int post_cmd_sign(int argc, char **argv);

#endif
