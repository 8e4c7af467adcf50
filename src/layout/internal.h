/*
 * internal.h -- shared by the files of src/layout only.
 *
 * The flow of a page-sequence is turned into a vertical list (vlist) of
 * boxes (lines, table rows: things with areas), glue (resolved spaces) and
 * penalties (break opportunities with a cost), much as TeX does.  Keeps,
 * widows and orphans become infinite penalties; break-before/after become
 * forced ones.  Pagination (page.c) then cuts the list into pages and
 * places the boxes' areas.  Blocks with backgrounds or borders are "decos":
 * each box knows its innermost deco, and placement draws every deco around
 * the part of it that lands on a page.
 */
#ifndef FOLIO_LAYOUT_INTERNAL_H
#define FOLIO_LAYOUT_INTERNAL_H

#include <limits.h>
#include <pango/pangocairo.h>

#include "layout.h"

#define PEN_INF 10000      /* no break here (keep "always", widows, orphans) */
/* A keep with an integer strength k makes a break cost PEN_KEEP + k: still
 * possible, but only when no cheaper break exists on the page. */
#define PEN_KEEP 1000
#define PEN_FORCE (-10000) /* a break must happen here */

/* A block with background or borders: drawn around its boxes per page. */
typedef struct deco {
	struct deco *parent;      /* enclosing deco, or NULL */
	const folio_fo *fo;       /* the block */
	folio_len x, w;           /* border rectangle, relative to the vlist's x */
	uint32_t background;
	folio_border border[4];
	int first_box, last_box;  /* vlist indexes of its first and last box */
	bool centred;             /* borders centred on the content's edges (a
	                             table in the collapsing model) */
} deco;

typedef struct blockgeo {
	folio_len start, end;     /* content edges: start-indent, end-indent */
	bool first_para;          /* the next paragraph starts the block */
} blockgeo;

/* A table with a header to repeat after page breaks. */
typedef struct tblinfo {
	folio_area *header;       /* areas of the header rows (y from 0) */
	folio_len header_h;       /* their height */
	bool omit_at_break;       /* table-omit-header-at-break="true" */
	folio_area *footer;       /* areas of the footer rows, repeated at the
	                             foot of each page the table breaks across
	                             (NULL: none, or table-omit-footer-at-break) */
	folio_len footer_h;
	/* to set the header or footer again for a page when they show its
	 * number (table_part_again) */
	bool header_pn, footer_pn;
	const folio_fo *header_fo, *footer_fo;
	folio_len *cw, *cx;       /* column widths and offsets (arena) */
	int ncols;
	struct cgrid *grid;       /* collapsing border model (table.c), or NULL */
	blockgeo geo;
	folio_len ref_w;
} tblinfo;

typedef enum vkind { V_BOX, V_GLUE, V_PENALTY } vkind;

typedef struct vitem vitem;

typedef struct vlist {
	vitem *items;             /* malloc'd array */
	int n, cap;
} vlist;

/* A footnote body, set at the width of the page body, waiting for the page
 * its citation lands on. */
typedef struct footnote {
	struct footnote *next;    /* the next footnote of the same box (or page) */
	vlist *v;                 /* its content (freed with the arena) */
	int from;                 /* first item still to place (a footnote that
	                             continues from an earlier page) */
	folio_len h;              /* natural height of items [from, n) */
} footnote;

/* A table cell whose content waits in its own vertical list until the row
 * is placed; [from, to) is the part still to place. */
typedef struct rowcell {
	const folio_fo *fo;
	vlist *v;                 /* content; shared by the parts of a split row,
	                             freed by the arena (rowbox_release) */
	int from, to;             /* items of v still to place */
	folio_len x, w;           /* border box, from the table's start edge */
	folio_len in_top, in_bottom, in_start;  /* padding + border inside */
	folio_border b[4];
	uint32_t bg;
	int rows;                 /* number-rows-spanned */
	folio_len span_h;         /* height across its rows (rows > 1), set
	                             when the row group is placed; 0 = the row's */
	bool kept_next;           /* the cell (or its last block) is kept with
	                             what follows: a cut must leave some of it
	                             for the next page */
} rowcell;

/* A table row in the vertical list: placed lazily, splittable at a page
 * end unless kept together. */
typedef struct rowbox {
	rowcell *cells;           /* arena array of n cells */
	int n;
	folio_len min_h;          /* block-progression-dimension of the row */
	folio_len start;          /* x of the table's start edge in the column */
	bool collapse;            /* border-collapse="collapse" */
	bool splittable;          /* may be cut at a page end */
	footnote *feet;           /* footnotes cited inside the cells */
	const folio_fo *rowfo;    /* the row (or the body for cell-only rows) */
	int brk;                  /* in a row group: 1 + the kind of a forced
	                             break after this row, 0 for none */
} rowbox;

/* Rows joined by cells that span rows: placed as one box, cut at a page
 * end between or inside rows (rows.c).  Arrays in the arena. */
typedef struct rowgroup {
	rowbox **rows;
	folio_len *h;             /* row heights (group_heights) */
	int n;
	bool splittable;
} rowgroup;

struct vitem {
	vkind kind;
	folio_len h;              /* box height or glue length */
	int pen;                  /* glue/penalty: cost of breaking here */
	int force;                /* forced break: 0 page, 1 odd-page, 2 even-page,
	                             3 column */
	folio_area *areas;        /* box: sibling list, y relative to the box top */
	deco *deco;               /* innermost deco around this box */
	tblinfo *table;           /* table this row box belongs to, if any */
	bool is_header;           /* a repeated-header row box */
	bool is_footer;           /* a row box of the table's final footer */
	bool retain;              /* glue: kept at the top of a page */
	folio_len shrink;         /* glue: how much it may shrink (optimum minus
	                             minimum) when that lets a page hold more */
	const char *page_label;   /* box: its page, once paginated */
	rowbox *row;              /* box: a table row placed lazily, or NULL */
	rowgroup *grp;            /* box: rows joined by row spans, or NULL */
	footnote *feet;           /* box: footnotes cited in it */
	const folio_fo *fo;       /* generating node, for diagnostics */
};

/* Where an id (or a page number in the flow) lands: boxes [first, end)
 * of vlist v; labels once the boxes are on pages. */
typedef struct refrec {
	const char *id;           /* arena/FO string; NULL for a page-number site */
	int site;                 /* page-number site number (flow order) */
	struct vlist *v;          /* list the indexes refer to; NULL once resolved */
	int first, end;           /* box range (INT_MIN while pending) */
	const char *first_label;  /* page of the first box */
	const char *last_label;   /* page of the last box */
} refrec;

/* The previous pass's results (owned copies). */
typedef struct prevref {
	const char *id, *first, *last;
	int site;
} prevref;

#define FOLIO_REF_PASSES 4

/* A fo:marker of a block in the flow: boxes [first, end) of the flow. */
typedef struct markrec {
	const char *cls;          /* marker-class-name */
	const folio_fo *marker;   /* the fo:marker */
	struct vlist *v;          /* the list first/end refer to (the flow once
	                             adopted from cells and labels) */
	int first, end;           /* INT_MIN while waiting for the next box */
} markrec;

/* Everything one layout run shares. */
typedef struct layout {
	folio_area *tail;         /* vl_place: the first part of a row cut at the
	                             end of the stretch, placed as its last box
	                             (inside the decos of the cut item) */
	folio_len tail_h;
	bool trial;               /* fitting a page only to see: rows are not cut */
	folio_diags *d;
	const folio_fo_doc *doc;
	folio_arena *arena;       /* the area tree's arena */
	PangoFontMap *fontmap;
	PangoContext *pctx;
	GHashTable *metrics;      /* PangoFontDescription* -> PangoFontMetrics* */
	const char *page_label;   /* page number text while laying out static
	                             content; NULL in the flow (first pass) */
	int warned_width;         /* warned about differing body widths */
	refrec *refs;             /* this pass's records (malloc'd) */
	int nrefs, caprefs;
	prevref *prev;            /* the previous pass's results (malloc'd) */
	int nprev;
	bool used_refs;           /* this pass set text from citations or sites */
	int sites;                /* flow page-number sites met in this pass */
	int warned_refs;          /* warned about an unresolved citation */
	double shrink_ratio;      /* share of each glue's shrink used while a
	                             page is placed (0..1); 0 elsewhere */
	folio_len body_w;         /* width of the page body (footnotes) */
	vlist *flow;              /* the flow's list while a sequence is laid out */
	markrec *marks;           /* markers of this page-sequence (malloc'd) */
	markrec *docmarks;        /* per class, the last marker of the earlier
	                             sequences (retrieve-boundary="document") */
	int ndocmarks, capdocmarks;
	int nmarks, capmarks;
	int page_from, page_to;   /* flow items on the page being made */
	bool page_cont_start;     /* item page_from began on an earlier page */
	bool page_cut_end;        /* item page_to - 1 goes on after this page */
	footnote *pending_feet;   /* footnotes waiting for the next box */
	footnote *carry;          /* footnote parts continuing on the next page */
	GHashTable *checked_families;  /* family lists checked (fonts.c) */
	/* Setting the flow's paragraphs on more cores (shadow.c) */
	size_t flow_bytes;        /* text bytes of the flow walked so far */
	struct helpers *helpers;  /* the main layout: helpers of the flow being
	                             laid out, or NULL */
	struct shadow *shadow;    /* a helper's own layout: its share */
	int threads;              /* this pass: the most threads a flow had */
	size_t paras, beside;     /* this pass: paragraphs set in flows with
	                             helpers, and those the helpers set */
} layout;

/* Where content goes and the geometry it inherits. */
typedef struct emitter {
	layout *L;
	vlist *out;
	folio_len ref_w;          /* width of the reference area */
	folio_len space;          /* pending resolved space (max of adjacent) */
	bool have_space;          /* a space is pending */
	bool space_retain;        /* the pending space has conditionality retain */
	folio_len space_min;      /* the minimum of the pending space */
	int space_prec;           /* its .precedence (SPACE_FORCE: "force") */
	int kstart[32];           /* open keep-togethers: 1 + the vlist index where
	                             each starts; a break after a box at or past
	                             it costs kcost[] */
	int kcost[32];
	int nkeeps;               /* how many are open (deeper ones not tracked) */
	int last_box;             /* 1 + the index of the last box; 0 = none */
	int keep_next;            /* the next break opportunity costs this much
	                             (a keep-with-next/previous); 0 = free */
	int lead_keep;            /* a keep-with-previous given before the first
	                             box (em_adopt keeps it) */
	deco *deco;               /* innermost open deco */
	tblinfo *table;           /* table whose rows are being emitted */
	bool row_header;          /* rows being emitted are header rows */
	const folio_fo *moved_break;  /* a row whose break-before was moved
	                                 before its table's header */
	bool row_footer;          /* rows being emitted are the final footer */
	int depth;                /* block nesting, for the limit */
} emitter;

/* Geometry of the block whose inline content is being set. */
/* ---- vlist.c ---- */
/* The cost of breaking a keep of strength k (folio_fo_keep's value). */
int keep_cost(int strength);
/* Opens / closes a keep-together of the given cost. */
void keep_begin(emitter *E, int cost);
void keep_end(emitter *E);
/* Is the emitter inside a keep-together that started before now? */
bool in_keep(const emitter *E);
vitem *vl_push(vlist *v, vkind kind);
void vl_free(vlist *v);
/* The header (or footer) rows of a table set again with label as the page
 * number; NULL when they do not show it. */
folio_area *table_part_again(layout *L, tblinfo *ti, bool footer, const char *label);
void em_box(emitter *E, folio_len h, folio_area *areas, const folio_fo *fo);
void em_penalty(emitter *E, int pen);
#define SPACE_FORCE INT_MAX   /* .precedence="force" */
void em_space(emitter *E, folio_len s, folio_len min, bool retain, int prec);
void em_force(emitter *E, const char *kind);
void em_keep_previous(emitter *E, int cost);
void em_flush_space(emitter *E);
/* Appends the items of sub's list (laid out on its own, e.g. inside a
 * block-container) shifted by dx, with the break before them, open keeps
 * and decos carried over; sub's list is left to be freed. */
void em_adopt(emitter *E, const emitter *sub, folio_len dx);
/* Places items [from, to) at (x0, y0) under parent, drawing decos; returns
 * the height used.  Leading glue and penalties are skipped. */
folio_len vl_place(layout *L, vlist *v, int from, int to, folio_len x0,
                   folio_len y0, folio_area *parent);
/* Total natural height of items [from, to), leading/trailing glue dropped. */
folio_len vl_height(vlist *v, int from, int to);

/* ---- areas ---- */
folio_area *area_new(layout *L, folio_area_kind kind, const folio_fo *fo);
void area_append(folio_area *parent, folio_area *child);
/* Appends the sibling list `list` to parent, shifting every area in the
 * subtrees by (dx, dy). */
void area_adopt(folio_area *parent, folio_area *list, folio_len dx, folio_len dy);
folio_area *area_clone(layout *L, const folio_area *a);
void area_shift(folio_area *a, folio_len dx, folio_len dy);

/* ---- fonts.c ---- */
bool fonts_init(layout *L);
/* A font map and context of L's own (a helper thread's: shadow.c). */
void fonts_init_own(layout *L);
/* Makes pango's font metrics safe to compute on several threads at once
 * (a lock around them); call before a second thread lays out. */
void fonts_threaded(layout *L);
void fonts_done(layout *L);
/* Drops the process's font map (folio_layout_cleanup). */
void fonts_release(void);
PangoFontDescription *font_of(const folio_fo *node);   /* caller frees */
void font_metrics(layout *L, const folio_fo *node, folio_len *ascent,
                  folio_len *descent);
folio_len line_height_of(const folio_fo *node);

/* ---- block.c ---- */
/* Lays out the children of a flow-like node (flow, static-content, cell,
 * list-item-body) into E. */
void lay_children(emitter *E, const folio_fo *node, blockgeo geo);
void lay_block(emitter *E, const folio_fo *node, blockgeo parent);
void border_of(const folio_fo *n, folio_border b[4], folio_len pct_base);
folio_len padding_of(const folio_fo *n, int side, folio_len pct_base);

void marks_add(layout *L, const folio_fo *m, vlist *v, int first);
/* Markers recorded in a cell's or label's list move to the next box of
 * `to` (the row or item that carries them). */
void marks_adopt(layout *L, vlist *from, vlist *to);
void marks_box_emitted(layout *L, vlist *v, int index);
/* The marker a fo:retrieve-marker shows on the page being made, or NULL. */
const folio_fo *marks_retrieve(layout *L, const folio_fo *rm);
/* Keeps the last marker of each class of the sequence ending now. */
void marks_sequence_end(layout *L);

/* ---- para.c ---- */
typedef struct para para;
para *para_new(layout *L);
void para_free(para *p);
bool para_empty(const para *p);
/* Adds the inline content of node (text, inline elements) to p.  Block
 * children met inside inlines are returned through flush callbacks: the
 * caller's lay_children handles them. */
void para_text(para *p, const folio_fo *style, const char *text, size_t len);
void para_leader(para *p, const folio_fo *node);
/* Fixed room of width w (an inline's start or end padding and border). */
void para_spacer(para *p, const folio_fo *node, folio_len w);
/* An inline with borders over [start, now). */
void para_border(para *p, int start, const folio_fo *node);
struct folio_image;
void para_graphic(para *p, const folio_fo *node, struct folio_image *img,
                  folio_len vw, folio_len vh, folio_len cw, folio_len ch);
void para_page_number(para *p, const folio_fo *node);
void para_citation(para *p, const folio_fo *node);
void para_mark_id(para *p, const char *id);
/* Byte position in the paragraph, and a link over [start, now). */
int para_pos(const para *p);
void para_link(para *p, int start, const folio_fo *link);
/* A footnote cited at the current position (its body already set). */
void para_footnote(para *p, footnote *f);
/* Sets a footnote body into a footnote of its own. */
footnote *footnote_set(layout *L, const folio_fo *body);
/* Moves the footnotes of the boxes in v to the list *to. */
void feet_collect(vlist *v, int from, int to, footnote **list);
/* Sets the paragraph as lines into E for the block `block`. */
void para_flush(para *p, emitter *E, const folio_fo *block, blockgeo *geo);
/* Text directly in block: like para_text, but long text is set in pieces
 * (FOLIO_LIMIT_PIECE_BYTES), each flushed as lines into E. */
void para_text_block(para *p, emitter *E, const folio_fo *block, blockgeo *geo,
                     const char *text, size_t len);

/* What pango sets a paragraph with (para_flush). */
typedef struct shapekey {
	const folio_fo *block;
	const char *text;
	int len;
	PangoAttrList *attrs;
	folio_len width, indent;
	bool justify, justify_last, wrap;
} shapekey;
/* The paragraph k describes, set into lines on the calling thread. */
PangoLayout *para_shape(layout *L, const shapekey *k, bool *overlong);

/* ---- shadow.c ---- */
/* Starts helpers that set the paragraphs of later parts of the flow while
 * E (the main thread) sets the first; none for a short flow, in a batch
 * worker, or on one core. */
void shadow_start(layout *L, const emitter *E, const folio_fo *flow, blockgeo geo);
/* Joins the helpers and drops what they set and nobody took. */
void shadow_finish(layout *L);
/* A helper: is block c wholly outside its share (then counted, not
 * laid out)? */
bool shadow_skip(layout *L, const folio_fo *c);
/* A helper: sets k if it is in its share and keeps it for the main thread. */
void shadow_keep(layout *L, const shapekey *k);
/* The main thread: the layout a helper set for k (the caller owns it), or
 * NULL; waits for the helper of k's part. */
PangoLayout *shadow_take(layout *L, const shapekey *k, bool *overlong);

/* ---- table.c, rows.c ---- */
void lay_table(emitter *E, const folio_fo *table, blockgeo geo);
/* A break-before on the first row of a table's body, which acts before
 * the table (its border and header); "" for none. */
const char *table_first_break(const folio_fo *table);
folio_len row_height(const rowbox *rb);
folio_len cell_height(const rowcell *c);
/* The last legal break in items [from, to) of v whose content fits in
 * avail (to when everything fits); from when none does. */
int vl_break_within(const vlist *v, int from, int to, folio_len avail);
/* Areas of the row's remaining content in a row of height h. */
folio_area *row_areas(layout *L, rowbox *rb, folio_len h);
/* Cuts the row so that a first part fits in avail (at_top: the row begins
 * the page, so a cell may be left empty in the first part): returns that part (with
 * its height in *h1) and leaves the rest in rb (its height in *h2), or
 * NULL when nothing of the row fits. */
/* A forced break inside a cell, with content before and after it in the
 * part still to place: the height the row's first part takes up to it
 * (insets included), and the break's kind; false when there is none. */
bool row_forced(const rowbox *rb, folio_len *h, int *kind);
/* Where a cell's forced breaks with nothing before (or after) them in the
 * cell act on the whole row: the kind, or -1. */
int cell_edge_force(const rowcell *c, bool before);
/* Row heights of a group (a spanning cell taller than its rows makes the
 * last of them taller); returns the group's height. */
folio_len group_heights(rowgroup *g);
folio_area *group_areas(layout *L, rowgroup *g);
/* A forced break after a row of the group but its last: the height up to
 * it and its kind; false when there is none. */
bool group_forced(rowgroup *g, folio_len *h, int *kind);
/* Cuts a group so that its first part (returned) fits in avail; g keeps
 * the rest.  NULL when no part can go there. */
rowgroup *group_split(layout *L, rowgroup *g, folio_len avail, bool at_top,
                      folio_len *h1, folio_len *h2);
rowbox *row_split(layout *L, rowbox *rb, folio_len avail, bool at_top,
                  folio_len *h1, folio_len *h2);
void rowbox_release(void *rb);

/* ---- hyphen.c ---- */
/* text with soft hyphens at the hyphenation points of lang, or NULL when
 * there is no dictionary; the caller g_free()s it. */
char *hyphenate_text(const char *lang, const char *text, size_t len, int push,
                     int remain);

/* ---- liang.c ---- */
/* Hyphenation patterns of a libhyphen .dic file.  charset gets the file's
 * first line ("KOI8-R").  NULL when the file cannot be read, or when it
 * uses what liang.c does not do (*unsupported: NEXTLEVEL, non-standard
 * hyphenation), which libhyphen then loads. */
typedef struct folio_patterns folio_patterns;
folio_patterns *folio_patterns_load(const char *path, char *charset,
                                    size_t charset_size, bool *unsupported);
void folio_patterns_free(folio_patterns *t);
/* hyph[i] (n chars, '0'..'9'): odd where word (n single-byte letters,
 * lower case, in the file's charset) may break after letter i, with at
 * least lhmin letters before and rhmin after (or the file's minimums when
 * larger), as libhyphen's hnj_hyphen_hyphenate3 says. */
void folio_patterns_hyphenate(const folio_patterns *t, const char *word, int n,
                              char *hyph, int lhmin, int rhmin);

/* ---- refs.c ---- */
int refs_open(layout *L, emitter *E, const char *id);
void refs_close(layout *L, emitter *E, int rec);
void refs_at_next_box(layout *L, emitter *E, const char *id, int site);
void refs_box_emitted(layout *L, vlist *v, int index);
void refs_adopt(layout *L, vlist *from, vlist *to);
void refs_resolve(layout *L, vlist *v);
void refs_page_sequence(layout *L, const char *id, const char *first, const char *last);
const char *refs_lookup(layout *L, const char *id, bool last);
const char *refs_site(layout *L, int site);
bool refs_next_pass(layout *L);
void refs_free_prev(layout *L);

/* ---- page.c ---- */
const char *format_page_number(layout *L, int n, const char *format);

#endif
