/*
 * fo.h -- the XSL-FO tree: typed elements with specified properties, and
 * the accessors that give layout their computed values (inheritance,
 * initial values, relative font sizes and em units resolved).
 *
 * Building the tree checks every element and property against the tables
 * in elements.def and props.def: what folio does not support is reported as
 * a warning with its line, never dropped silently.  The tree lives in one
 * arena and is read-only after folio_fo_build.  What this module does not
 * do: indents, percentages of widths, and anything else that needs the size
 * of a reference area -- that is layout's job.
 */
#ifndef FOLIO_FO_H
#define FOLIO_FO_H

#include <libxml/tree.h>

#include "../base/base.h"

#define FOLIO_FO_NS "http://www.w3.org/1999/XSL/Format"

typedef enum folio_fo_kind {
#define E(name, id, role, support, note) FOLIO_FO_##id,
#include "elements.def"
#undef E
	FOLIO_FO_KIND_COUNT
} folio_fo_kind;

typedef enum folio_prop_id {
#define P(name, id, inh, type, initial, support) FOLIO_PROP_##id,
#include "props.def"
#undef P
	FOLIO_PROP_COUNT
} folio_prop_id;

typedef enum folio_fo_role {
	FOLIO_ROLE_STRUCT,  /* page masters, tables' inner structure, ... */
	FOLIO_ROLE_BLOCK,   /* generates block areas */
	FOLIO_ROLE_INLINE,  /* generates inline content */
} folio_fo_role;

typedef enum folio_support {
	FOLIO_SUPPORT_FULL,
	FOLIO_SUPPORT_PARTIAL,
	FOLIO_SUPPORT_NONE,
} folio_support;

typedef enum folio_value_kind {
	FOLIO_V_NONE,   /* not specified / no value */
	FOLIO_V_LEN,    /* absolute length in len */
	FOLIO_V_PCT,    /* percentage in num (50 = 50%) */
	FOLIO_V_NUM,    /* plain number in num */
	FOLIO_V_KW,     /* keyword in str (lower case), e.g. "auto", "always" */
	FOLIO_V_COLOR,  /* colour in color */
	FOLIO_V_STR,    /* string in str (font-family list, names, format) */
	FOLIO_V_FUNC,   /* function call: name in str, numeric argument in num
	                   (proportional-column-width(N), body-start(), ...) */
} folio_value_kind;

/* One property value.  Strings are arena-owned. */
typedef struct folio_value {
	folio_value_kind kind;
	folio_len len;     /* FOLIO_V_LEN */
	double num;        /* FOLIO_V_NUM, FOLIO_V_PCT, FOLIO_V_FUNC argument */
	uint32_t color;    /* FOLIO_V_COLOR: 0xAARRGGBB; alpha 0 = transparent */
	const char *str;   /* FOLIO_V_KW, FOLIO_V_STR, FOLIO_V_FUNC name */
} folio_value;

/* A specified property on one node. */
typedef struct folio_spec {
	folio_prop_id id;
	folio_value v;
} folio_spec;

/* One node of the FO tree: an element, or a text run (FOLIO_FO_TEXT). */
typedef struct folio_fo {
	folio_fo_kind kind;
	bool implicit;        /* made by folio, not in the document: a table-row
	                         around cells given directly in a body */
	struct folio_fo *parent, *first, *last, *next, *prev; /* borrowed links */
	int line;             /* line of the element in the FO document */
	int src_line;         /* folio:line, the source document's line; 0 = none */
	folio_spec *specs;    /* arena array of nspecs specified properties */
	int nspecs;
	folio_len font_size;  /* computed font-size */
	const char *text;     /* FOLIO_FO_TEXT: UTF-8 text (arena), raw;
	                         instream-foreign-object: its content as XML */
	size_t text_len;      /* its length in bytes */
	size_t text_below;    /* bytes of the text nodes in this subtree, the
	                         content of fo:marker left out (what laying out
	                         the subtree's flow sets; src/layout/shadow.c) */
} folio_fo;

/* A built FO document. */
typedef struct folio_fo_doc {
	folio_arena *arena;   /* owns every node and string */
	folio_fo *root;       /* fo:root; never NULL after a successful build */
	const char *fo_file;  /* arena: the FO file name for diagnostics */
	const char *src_file; /* arena: the source XML file, or NULL */
	const char *base_dir; /* arena: relative image URIs are resolved here */
	size_t nodes;         /* number of nodes */
	/* document metadata from fo:declarations (x:xmpmeta), arena; or NULL */
	const char *meta_title, *meta_author, *meta_subject, *meta_keywords;
	const char *meta_date;  /* xmp:CreateDate as written (ISO 8601), for
	                           the post stage's reproducible dates */
	const folio_fo *bookmarks; /* fo:bookmark-tree, or NULL */
} folio_fo_doc;

/* Builds the FO tree from an XSL-FO document.  fo_file names the FO for
 * diagnostics (the .fo path, or "<transform>" when it came from XSLT);
 * src_file, when not NULL, is the source XML that folio:line attributes
 * point into.  Returns a tree the caller frees with folio_fo_doc_free, or
 * NULL with errors (not an fo:root, nesting too deep). */
folio_fo_doc *folio_fo_build(folio_diags *d, xmlDocPtr doc,
                             const char *fo_file, const char *src_file);
void folio_fo_doc_free(folio_fo_doc *doc);

/* Adds a diagnostic about node, pointing at the source line when the
 * stylesheet recorded one, else at the FO line. */
void folio_fo_diag(folio_diags *d, const folio_fo_doc *doc, const folio_fo *node,
                   folio_severity sev, const char *code, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));

/* ---- tables ---- */
const char *folio_fo_name(folio_fo_kind k);          /* "block" */
folio_fo_role folio_fo_role_of(folio_fo_kind k);
folio_support folio_fo_support(folio_fo_kind k);
const char *folio_fo_note(folio_fo_kind k);
const char *folio_prop_name(folio_prop_id id);       /* "space-before" */
bool folio_prop_inherited(folio_prop_id id);
folio_support folio_prop_support(folio_prop_id id);
const char *folio_prop_initial(folio_prop_id id);
/* Looks a property up by name (no shorthands); -1 when unknown. */
int folio_prop_lookup(const char *name);

/* ---- value parsing (exposed for tests) ---- */

/* Parses s as a value of property id for a node whose computed font-size
 * is font_size (em units); strings go to arena.  Returns false when s is
 * not a valid value of the property. */
bool folio_value_parse(folio_arena *arena, folio_prop_id id, const char *s,
                       folio_len font_size, folio_value *out);
/* Parses a length with a unit ("1.25cm", "14pt", "2em"); false if not one. */
bool folio_length_parse(const char *s, folio_len font_size, folio_len *out);

/* ---- computed values ---- */

/* The value of property id on node: specified there, else inherited from
 * the parent (inherited properties), else the initial value.  Never NULL
 * kind for known initial values; FOLIO_V_NONE for "no value". */
folio_value folio_fo_get(const folio_fo *node, folio_prop_id id);
/* The value specified on node itself, or NULL. */
const folio_value *folio_fo_specified(const folio_fo *node, folio_prop_id id);

/* Convenience accessors. */
/* A length; percentages are taken of pct_base, keywords and auto give dflt. */
folio_len folio_fo_len(const folio_fo *node, folio_prop_id id,
                       folio_len pct_base, folio_len dflt);
/* A keyword ("" when the value is not a keyword). */
const char *folio_fo_kw(const folio_fo *node, folio_prop_id id);
bool folio_fo_is(const folio_fo *node, folio_prop_id id, const char *kw);
uint32_t folio_fo_color(const folio_fo *node, folio_prop_id id);
/* A string property (font-family, names). */
const char *folio_fo_str(const folio_fo *node, folio_prop_id id);
/* A number (widows, orphans, ...), dflt when not a number. */
/* A number property (a count), within -1e6..1e6 so that it converts to
 * int; dflt when it is not a number. */
double folio_fo_num(const folio_fo *node, folio_prop_id id, double dflt);
/* A keep strength: 0 = auto, INT_MAX = always, else the integer. */
int folio_fo_keep(const folio_fo *node, folio_prop_id id);

/* Child iteration helper: the next child element of kind k after prev (or
 * the first when prev is NULL). */
folio_fo *folio_fo_child(const folio_fo *node, folio_fo_kind k,
                         const folio_fo *prev);
/* The node after n in a pre-order walk of n's tree (its first child, else
 * the next sibling of n or of its nearest ancestor), or NULL at the end. */
folio_fo *folio_fo_walk_next(const folio_fo *n);

/* ---- dump ---- */

/* Writes the tree with every property whose computed value differs from
 * its initial value, as deterministic text. */
void folio_fo_dump(const folio_fo_doc *doc, folio_buf *out);
/* Writes a value as text ("14pt", "50%", "always", "#ff0000"). */
void folio_value_format(const folio_value *v, folio_buf *out);

/* Writes docs/fo-support.md's table (Markdown) from the tables. */
void folio_fo_support_doc(folio_buf *out);

#endif
