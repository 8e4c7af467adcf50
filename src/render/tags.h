/*
 * tags.h -- structure tags for tagged PDF (internal to src/render/; see
 * tags.c for the mapping from FO elements to structure types).
 */
#ifndef FOLIO_RENDER_TAGS_H
#define FOLIO_RENDER_TAGS_H

#include <cairo.h>

#include "../layout/layout.h"

/* Deeper FO nesting keeps only its innermost elements. */
#define FOLIO_TAGS_DEPTH 64

typedef struct folio_tags {
	const folio_fo *fo[FOLIO_TAGS_DEPTH];   /* the open elements, root first */
	const char *names[FOLIO_TAGS_DEPTH];    /* their structure types */
	int depth;
} folio_tags;

void folio_tags_begin(folio_tags *t, cairo_t *cr);
/* Before drawing a: closes and opens elements as its FO ancestors say. */
void folio_tags_area(folio_tags *t, cairo_t *cr, const folio_area *a);
void folio_tags_end(folio_tags *t, cairo_t *cr);

#endif
