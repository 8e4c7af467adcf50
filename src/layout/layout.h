/*
 * layout.h -- from the FO tree to the area tree: pages of positioned
 * blocks, lines, rules and leaders.
 *
 * Text goes to pango one paragraph at a time; pagination then places whole
 * lines, so paragraphs split across pages and no line is drawn outside its
 * region.  The area tree keeps references to pango lines (owned by the
 * tree's arena) for the renderer to draw.  Coordinates are absolute on the
 * page, in folio_len, y growing downwards from the top edge.
 *
 * What layout does not do yet: row splitting inside tables, footnotes at
 * the page bottom, markers, page-number citations, hyphenation.
 */
#ifndef FOLIO_LAYOUT_H
#define FOLIO_LAYOUT_H

#include <pango/pango.h>

#include "../base/base.h"
#include "../fo/fo.h"

typedef enum folio_area_kind {
	FOLIO_AREA_PAGE,    /* one sheet: w x h is the page size */
	FOLIO_AREA_REGION,  /* region-body / -before / -after viewport */
	FOLIO_AREA_BLOCK,   /* a block, cell or list part with background or
	                       borders (other blocks leave no area of their own) */
	FOLIO_AREA_LINE,    /* one line of text: a pango line on a baseline */
	FOLIO_AREA_LEADER,  /* a leader inside a line: rule or dots */
	FOLIO_AREA_IMAGE,   /* a graphic inside a line */
	FOLIO_AREA_LINK,    /* the clickable part of a line (fo:basic-link) */
} folio_area_kind;

typedef struct folio_border {
	folio_len width;    /* 0 when there is no border on this side */
	uint32_t color;     /* 0xAARRGGBB */
	uint8_t style;      /* FOLIO_BORDER_* */
} folio_border;

enum { FOLIO_BORDER_NONE, FOLIO_BORDER_SOLID, FOLIO_BORDER_DASHED,
       FOLIO_BORDER_DOTTED, FOLIO_BORDER_DOUBLE };
enum { FOLIO_SIDE_BEFORE, FOLIO_SIDE_AFTER, FOLIO_SIDE_START, FOLIO_SIDE_END };

typedef struct folio_area {
	folio_area_kind kind;
	struct folio_area *parent, *first, *last, *next; /* borrowed links */
	folio_len x, y, w, h;       /* border rectangle, absolute on the page */
	const folio_fo *fo;         /* generating FO node (borrowed); may be NULL */
	/* FOLIO_AREA_PAGE */
	int page_number;            /* the number printed (after initial-page-number) */
	const char *page_label;     /* the number as formatted (arena) */
	/* FOLIO_AREA_REGION */
	const char *region_name;    /* "xsl-region-body", ... (static) */
	/* FOLIO_AREA_BLOCK */
	uint32_t background;        /* 0xAARRGGBB; alpha 0 = none */
	folio_border border[4];     /* indexed by FOLIO_SIDE_* */
	/* FOLIO_AREA_LINE */
	PangoLayoutLine *line;      /* borrowed from a layout the arena owns */
	folio_len baseline;         /* absolute y of the baseline */
	/* FOLIO_AREA_LEADER: rule (style, thickness) or dots drawn with font */
	int leader_pattern;         /* FOLIO_LEADER_* */
	folio_len thickness;        /* rule thickness */
	uint32_t color;             /* rule or dots colour */
	PangoFontDescription *font; /* dots: font (owned by the arena) */
	const char *pattern;        /* dots / use-content: the text repeated */
	folio_len pattern_w;        /* leader-pattern-width; 0: the pattern's
	                               own width (use-font-metrics) */
	/* FOLIO_AREA_IMAGE: the graphic (owned by the arena) drawn at
	 * (x, y) in content_w x content_h; w x h is its viewport */
	struct folio_image *image;
	folio_len content_w, content_h;
	/* FOLIO_AREA_LINK: an id in the document, or a URI */
	const char *link;           /* the id or bare URI (arena) */
	bool link_internal;         /* link is an id (internal-destination) */
} folio_area;

enum { FOLIO_LEADER_SPACE, FOLIO_LEADER_RULE, FOLIO_LEADER_DOTS };

/* The result of layout. */
typedef struct folio_area_tree {
	folio_arena *arena;         /* owns areas, strings, pango objects */
	folio_area **pages;         /* arena array of npages page areas */
	size_t npages;
	PangoFontMap *fontmap;      /* kept for the renderer (a reference) */
	/* how the flows' paragraphs were set (--timings): the most threads
	 * one flow had, and of the paragraphs set in flows (the last pass),
	 * how many came from helper threads */
	int threads;
	size_t paras, paras_beside;
} folio_area_tree;

/* Lays out doc.  Returns a tree the caller frees with folio_area_tree_free,
 * or NULL with errors.  Problems with the document (content that does not
 * fit, unsupported values) are warnings in d. */
folio_area_tree *folio_layout_run(folio_diags *d, const folio_fo_doc *doc);
void folio_area_tree_free(folio_area_tree *t);

/* How many threads set the paragraphs of a flow (src/layout/shadow.c):
 * 1 = the calling thread only (a batch worker: its siblings use the other
 * cores), n >= 2 = up to n, 0 = as many as there are cores, when the flow
 * has enough text for each.  The output is the same either way. */
void folio_layout_threads(int n);

/* Releases what layout keeps for the whole process (hyphenation
 * dictionaries, the font map).  Optional; for leak checkers. */
void folio_layout_cleanup(void);
/* Loads the hyphenation dictionary of lang ("ru") ahead of layout, so that
 * another thread can do it while the document is transformed.  Not
 * thread-safe against layout itself: the caller joins that thread before
 * folio_layout_run. */
void folio_hyphen_preload(const char *lang);
/* Builds fontconfig's configuration; call before any other thread exists
 * (it hides SOURCE_DATE_EPOCH from fontconfig for a moment, see fonts.c). */
void folio_fonts_setup(void);
/* Opens the fonts of descs (pango descriptions such as "PT Serif 14",
 * NULL-terminated) for text in lang ("ru", the document's language) in
 * the process's font map, ahead of layout; the same rule as
 * folio_hyphen_preload: joined before folio_layout_run. */
void folio_fonts_preload(const char *const *descs, const char *lang);

/* Writes the area tree as deterministic text (--dump-areas). */
void folio_area_dump(const folio_area_tree *t, folio_buf *out);

#endif
