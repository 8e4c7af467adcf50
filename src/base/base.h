/*
 * base.h -- what every stage of folio shares: checked allocation, arenas,
 * growable buffers, fixed-point lengths, diagnostics and hard limits.
 *
 * Nothing here knows about XML, FO or PDF.  Ownership words follow the house
 * rules: *_new returns what the caller frees with the matching *_free;
 * *_free(NULL) is a no-op; every other returned pointer is borrowed.
 */
#ifndef FOLIO_BASE_H
#define FOLIO_BASE_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define FOLIO_VERSION "0.1.0"

/* ---- lengths ---------------------------------------------------------- */

/* One fixed-point length type for all layout arithmetic: 1/1024 pt, the
 * same scale as PANGO_SCALE when one device unit is one point. */
typedef int32_t folio_len;
#define FOLIO_LEN_SCALE 1024
#define FOLIO_PT(x) ((folio_len)((x) * FOLIO_LEN_SCALE))
/* Largest length folio accepts (about 2 km); absurd values are clamped. */
#define FOLIO_LEN_MAX ((folio_len)(INT32_MAX / 4))

/* Points as a double, for printing and for the cairo backend only. */
static inline double
folio_len_pt(folio_len l)
{
	return (double)l / FOLIO_LEN_SCALE;
}

/* Writes l as points with two decimals ("12.5", "0", "-3.25") into buf
 * (at least 24 bytes); deterministic, locale-independent.  Returns buf. */
char *folio_len_format(folio_len l, char *buf);

/* XSL writes URIs as url('x'), url("x") or url(x): copies the bare URI
 * into out (size n) and returns out. */
char *folio_uri_unwrap(const char *uri, char *out, size_t n);

/* ---- hard limits (each produces a diagnostic when hit) ---------------- */

#define FOLIO_LIMIT_INPUT_BYTES   (256L * 1024 * 1024) /* source or FO file */
#define FOLIO_LIMIT_DEPTH         1000     /* FO tree nesting */
#define FOLIO_LIMIT_PAGES         folio_limit("FOLIO_TEST_LIMIT_PAGES", 100000)
                                           /* pages in one page-sequence */
#define FOLIO_LIMIT_STALL_PAGES   1000     /* pages in a row on which
                                              pagination gets no further */
#define FOLIO_LIMIT_TABLE_COLUMNS 1000     /* columns in one table */
#define FOLIO_LIMIT_DIAGS         1000     /* diagnostics kept per document */
#define FOLIO_LIMIT_ENTRIES       100000   /* documents in one collection */
#define FOLIO_LIMIT_FONT_SIZE_PT  2000     /* larger font sizes are ignored */
#define FOLIO_LIMIT_XSLT_DEPTH    3000     /* nested template calls */
#define FOLIO_LIMIT_XSLT_SECONDS  60       /* CPU time of one transformation
                                              ($FOLIO_XSLT_TIME_LIMIT) */
#define FOLIO_LIMIT_WORD_CHARS    500      /* longer runs without a break
                                              opportunity get one (pango is
                                              quadratic on giant words) */
#define FOLIO_LIMIT_PARA_BYTES    (1024L * 1024) /* text of one paragraph:
                                              more is an error (a paragraph
                                              of hundreds of pages is no
                                              document, and costs minutes) */
#define FOLIO_LIMIT_PIECE_BYTES   32768    /* a block's text is given to
                                              pango in pieces of at most
                                              this (pango's line widths
                                              overflow past ~300 KB) */

/* value, or the number in environment variable name when that is smaller
 * and positive: tests reach a limit in a second instead of minutes (a
 * limit can be lowered this way, never raised). */
int folio_limit(const char *name, int value);

/* ---- allocation --------------------------------------------------------- */

/* Checked wrappers: they never return NULL (out of memory aborts with a
 * message), and the array forms check n * size for overflow. */
void *folio_malloc(size_t size);
void *folio_calloc(size_t n, size_t size);
void *folio_realloc_array(void *p, size_t n, size_t size);
char *folio_strdup(const char *s);
char *folio_strndup(const char *s, size_t n);
char *folio_asprintf(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));

/* ---- libraries opened on demand --------------------------------------- */

/* Opens soname (RTLD_NOW, RTLD_LOCAL) and stores the address of each
 * names[i] in *slots[i]: for a library most runs never need (librsvg,
 * libqrencode, libhyphen), which a cold start then does not load and
 * bind.  False, with no slot set, when the library or a name is missing.
 * Callers run it once (pthread_once) and keep the handle open. */
bool folio_dl_lookup(const char *soname, const char *const *names,
                     void **const *slots, size_t n);

/* ---- deflate (deflate.c) ---------------------------------------------- */

/* folio defines zlib's deflate functions: the streams cairo and qpdf open
 * with deflateInit_ are compressed by libdeflate (same size, half the
 * time); the rest go to zlib.  This frees the libdeflate compressors kept
 * for reuse (for leak checkers; the process's end frees them too). */
void folio_deflate_release(void);

/* ---- arenas --------------------------------------------------------------- */

/* An arena owns many small allocations and frees them in one call.  Foreign
 * objects held by arena nodes (PangoLayout, cairo surfaces) are put on the
 * arena's release list and released by folio_arena_free, last added first. */
typedef struct folio_arena folio_arena;

folio_arena *folio_arena_new(void);
void folio_arena_free(folio_arena *a);
/* Zeroed memory that lives until the arena is freed. */
void *folio_arena_alloc(folio_arena *a, size_t size);
char *folio_arena_strdup(folio_arena *a, const char *s);
char *folio_arena_strndup(folio_arena *a, const char *s, size_t n);
/* Calls release(obj) when the arena is freed. */
void folio_arena_release(folio_arena *a, void (*release)(void *), void *obj);
/* Bytes handed out so far (for statistics). */
size_t folio_arena_used(const folio_arena *a);

/* ---- growable buffer ------------------------------------------------------ */

typedef struct folio_buf {
	char *data;  /* NUL-terminated contents; owned; NULL while empty */
	size_t len;  /* bytes used, not counting the terminating NUL */
	size_t cap;  /* bytes allocated */
} folio_buf;

void folio_buf_add(folio_buf *b, const char *s, size_t n);
void folio_buf_puts(folio_buf *b, const char *s);
void folio_buf_printf(folio_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void folio_buf_clear(folio_buf *b);   /* frees the contents */

/* ---- diagnostics ---------------------------------------------------------- */

typedef enum folio_severity {
	FOLIO_NOTE,
	FOLIO_WARNING,
	FOLIO_ERROR,
} folio_severity;

/* One problem with the document, pointing at the author's file. */
typedef struct folio_diag {
	folio_severity severity;
	const char *code;   /* stable short code, e.g. "xml-syntax"; static */
	char *file;         /* owned; may be NULL when there is no file */
	int line;           /* 1-based; 0 = unknown */
	int col;            /* 1-based; 0 = unknown */
	char *message;      /* owned, one line, no trailing period needed */
	size_t repeats;     /* 1, or how many times it came in a row (the same
	                       place, severity and message: a table's cells
	                       made from one source line); printed once */
} folio_diag;

/* The diagnostics of one run: collected while work continues, printed by
 * the command line, never by library code. */
typedef struct folio_diags {
	folio_diag *items;  /* owned array of n entries */
	size_t n, cap;
	size_t errors;      /* entries with severity FOLIO_ERROR */
	size_t warnings;    /* entries with severity FOLIO_WARNING */
	size_t dropped;     /* entries not kept past FOLIO_LIMIT_DIAGS */
} folio_diags;

void folio_diags_add(folio_diags *d, folio_severity sev, const char *code,
                     const char *file, int line, int col,
                     const char *fmt, ...)
	__attribute__((format(printf, 7, 8)));
void folio_diags_vadd(folio_diags *d, folio_severity sev, const char *code,
                      const char *file, int line, int col,
                      const char *fmt, va_list ap);
/* A point to come back to: diagnostics added after it can be dropped (for
 * work that is redone, such as a layout pass). */
typedef struct folio_diags_mark {
	size_t n, errors, warnings, dropped;
	size_t last_repeats;  /* repeats of entry n - 1 then */
} folio_diags_mark;
folio_diags_mark folio_diags_save(const folio_diags *d);
void folio_diags_restore(folio_diags *d, folio_diags_mark m);

/* Formats one diagnostic as "file:line:col: severity: message" into b,
 * with " (N times)" after a message that came N times in a row. */
void folio_diag_format(const folio_diag *g, folio_buf *b);
void folio_diags_clear(folio_diags *d);
/* Appends from's entries to to (within to's limit) and empties from. */
void folio_diags_move(folio_diags *to, folio_diags *from);

/* ---- status about the run ------------------------------------------------- */

/* Exit codes of the command line, and the status every stage returns. */
typedef enum folio_status {
	FOLIO_OK = 0,
	FOLIO_EDOC = 1,    /* the document has errors (diagnostics say which) */
	FOLIO_EUSAGE = 2,  /* missing file, unknown type, unwritable output */
} folio_status;

#endif
