/*
 * render.h -- draws an area tree with cairo: PDF (fonts embedded as
 * subsets with ToUnicode maps, so text can be extracted).
 *
 * The renderer only draws what layout placed; it never measures or moves
 * anything.  Doubles appear here and nowhere else.
 */
#ifndef FOLIO_RENDER_H
#define FOLIO_RENDER_H

#include <stdio.h>

#include "../layout/layout.h"

typedef struct folio_render_meta {
	const char *title;        /* document title, or NULL */
	const char *subject;      /* or NULL */
	const char *create_date;  /* ISO 8601 "2021-04-09T00:00:00", or NULL
	                             (cairo then uses the current time) */
	const char *author;       /* or NULL */
	const char *keywords;     /* or NULL */
	const folio_fo *bookmarks; /* fo:bookmark-tree for the outline, or NULL */
	bool tagged;              /* write the structure tree (tags.c) */
} folio_render_meta;

/* Writes t as PDF to out (which stays open).  Returns FOLIO_OK, or
 * FOLIO_EUSAGE with a diagnostic when writing failed (disk full, ...). */
folio_status folio_render_pdf(folio_diags *d, const folio_area_tree *t,
                              FILE *out, const char *out_name,
                              const folio_render_meta *meta);

#endif
