/*
 * tags.c -- the structure tree of PDF/A levels A.
 */
#include "internal.h"

folio_status
post_tags(folio_diags *d, qpdf_data q, const folio_post_opts *o, const char *out_name)
{
	(void)q;
	(void)o;
	folio_diags_add(d, FOLIO_ERROR, "pdfa", out_name, 0, 0,
	                "PDF/A level A needs a structure tree, which folio does not "
	                "write yet: use --pdfa=2b or 3b");
	return FOLIO_EUSAGE;
}
