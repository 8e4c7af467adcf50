/*
 * base.c -- checked allocation, arenas, buffers, length formatting and the
 * diagnostics list.  No I/O except the out-of-memory message.
 */
#include "base.h"

#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void
out_of_memory(size_t size)
{
	fprintf(stderr, "folio: out of memory (%zu bytes)\n", size);
	abort();
}

void *
folio_malloc(size_t size)
{
	void *p = malloc(size ? size : 1);
	if (!p)
		out_of_memory(size);
	return p;
}

void *
folio_calloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		out_of_memory(n * size);
	return p;
}

void *
folio_realloc_array(void *p, size_t n, size_t size)
{
	if (size && n > SIZE_MAX / size)
		out_of_memory(SIZE_MAX);
	size_t bytes = n * size;
	p = realloc(p, bytes ? bytes : 1);
	if (!p)
		out_of_memory(n * size);
	return p;
}

char *
folio_strndup(const char *s, size_t n)
{
	char *r = folio_malloc(n + 1);
	memcpy(r, s, n);
	r[n] = 0;
	return r;
}

char *
folio_strdup(const char *s)
{
	return folio_strndup(s, strlen(s));
}

bool
folio_dl_lookup(const char *soname, const char *const *names,
                void **const *slots, size_t n)
{
	void *so = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
	if (!so)
		return false;
	void *found[16];
	if (n > sizeof found / sizeof *found)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!(found[i] = dlsym(so, names[i])))
			return false;
	for (size_t i = 0; i < n; i++)
		*slots[i] = found[i];
	return true;
}

char *
folio_asprintf(const char *fmt, ...)
{
	folio_buf b = {0};
	va_list ap;
	va_start(ap, fmt);
	char tmp[256];
	int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	if (n < 0)
		return folio_strdup("");
	if ((size_t)n < sizeof tmp)
		return folio_strdup(tmp);
	b.data = folio_malloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(b.data, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return b.data;
}

int
folio_limit(const char *name, int value)
{
	const char *e = getenv(name);
	if (!e || !*e)
		return value;
	char *end;
	long v = strtol(e, &end, 10);
	return !*end && v > 0 && v < value ? (int)v : value;
}

char *
folio_len_format(folio_len l, char *buf)
{
	/* round to hundredths of a point, away from zero at .5 */
	int64_t v = l;
	bool neg = v < 0;
	if (neg)
		v = -v;
	int64_t h = (v * 100 + FOLIO_LEN_SCALE / 2) / FOLIO_LEN_SCALE;
	int64_t whole = h / 100, frac = h % 100;
	if (h == 0)
		neg = false;
	if (frac == 0)
		sprintf(buf, "%s%lld", neg ? "-" : "", (long long)whole);
	else if (frac % 10 == 0)
		sprintf(buf, "%s%lld.%lld", neg ? "-" : "", (long long)whole,
		        (long long)(frac / 10));
	else
		sprintf(buf, "%s%lld.%02lld", neg ? "-" : "", (long long)whole,
		        (long long)frac);
	return buf;
}

/* ---- arena ---- */

typedef struct chunk {
	struct chunk *next;
	size_t used, cap;
	max_align_t data[];
} chunk;

typedef struct release {
	struct release *next;
	void (*fn)(void *);
	void *obj;
} release;

struct folio_arena {
	chunk *chunks;       /* newest first */
	release *releases;   /* newest first */
	size_t total;        /* bytes handed out */
};

folio_arena *
folio_arena_new(void)
{
	return folio_calloc(1, sizeof(folio_arena));
}

void
folio_arena_free(folio_arena *a)
{
	if (!a)
		return;
	for (release *r = a->releases; r;) {
		release *next = r->next;
		r->fn(r->obj);
		r = next;
	}
	for (chunk *c = a->chunks; c;) {
		chunk *next = c->next;
		free(c);
		c = next;
	}
	free(a);
}

void *
folio_arena_alloc(folio_arena *a, size_t size)
{
	size_t align = sizeof(max_align_t);
	size = (size + align - 1) / align * align;
	chunk *c = a->chunks;
	if (!c || c->cap - c->used < size) {
		size_t cap = size > 64 * 1024 ? size : 64 * 1024;
		c = folio_malloc(sizeof(chunk) + cap);
		c->used = 0;
		c->cap = cap;
		c->next = a->chunks;
		a->chunks = c;
	}
	void *p = (char *)c->data + c->used;
	c->used += size;
	a->total += size;
	memset(p, 0, size);
	return p;
}

char *
folio_arena_strndup(folio_arena *a, const char *s, size_t n)
{
	char *r = folio_arena_alloc(a, n + 1);
	memcpy(r, s, n);
	r[n] = 0;
	return r;
}

char *
folio_arena_strdup(folio_arena *a, const char *s)
{
	return folio_arena_strndup(a, s, strlen(s));
}

void
folio_arena_release(folio_arena *a, void (*fn)(void *), void *obj)
{
	release *r = folio_arena_alloc(a, sizeof *r);
	r->fn = fn;
	r->obj = obj;
	r->next = a->releases;
	a->releases = r;
}

size_t
folio_arena_used(const folio_arena *a)
{
	return a->total;
}

/* ---- buffer ---- */

void
folio_buf_add(folio_buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap * 2 : 256;
		while (cap < b->len + n + 1)
			cap *= 2;
		b->data = folio_realloc_array(b->data, cap, 1);
		b->cap = cap;
	}
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = 0;
}

void
folio_buf_puts(folio_buf *b, const char *s)
{
	folio_buf_add(b, s, strlen(s));
}

void
folio_buf_printf(folio_buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char tmp[512];
	int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n < sizeof tmp) {
		folio_buf_add(b, tmp, (size_t)n);
		return;
	}
	char *big = folio_malloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(big, (size_t)n + 1, fmt, ap);
	va_end(ap);
	folio_buf_add(b, big, (size_t)n);
	free(big);
}

void
folio_buf_clear(folio_buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

/* ---- diagnostics ---- */

/* Adds a diagnostic whose message is one line already, standing for
 * `times` in a row. */
static void
diag_put(folio_diags *d, folio_severity sev, const char *code, const char *file,
         int line, int col, const char *msg, size_t times)
{
	if (sev == FOLIO_ERROR)
		d->errors += times;
	else if (sev == FOLIO_WARNING)
		d->warnings += times;
	/* the same as the last one: counted there, printed once */
	if (d->n) {
		folio_diag *last = &d->items[d->n - 1];
		if (last->severity == sev && last->line == line && last->col == col &&
		    !strcmp(last->code, code) && !strcmp(last->message, msg) &&
		    (last->file && file ? !strcmp(last->file, file) : last->file == file)) {
			last->repeats += times;
			return;
		}
	}
	if (d->n >= FOLIO_LIMIT_DIAGS) {
		d->dropped += times;
		return;
	}
	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 16;
		d->items = folio_realloc_array(d->items, d->cap, sizeof *d->items);
	}
	folio_diag *g = &d->items[d->n++];
	g->severity = sev;
	g->code = code;
	g->file = file ? folio_strdup(file) : NULL;
	g->line = line;
	g->col = col;
	g->message = folio_strdup(msg);
	g->repeats = times;
}

void
folio_diags_vadd(folio_diags *d, folio_severity sev, const char *code,
                 const char *file, int line, int col, const char *fmt,
                 va_list ap)
{
	char tmp[1024];
	vsnprintf(tmp, sizeof tmp, fmt, ap);
	/* one line: fold newlines and trailing blanks */
	size_t n = strlen(tmp);
	while (n && (tmp[n - 1] == '\n' || tmp[n - 1] == ' ' || tmp[n - 1] == '\r'))
		tmp[--n] = 0;
	for (char *p = tmp; *p; p++)
		if (*p == '\n' || *p == '\r' || *p == '\t')
			*p = ' ';
	diag_put(d, sev, code, file, line, col, tmp, 1);
}

void
folio_diags_add(folio_diags *d, folio_severity sev, const char *code,
                const char *file, int line, int col, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	folio_diags_vadd(d, sev, code, file, line, col, fmt, ap);
	va_end(ap);
}

void
folio_diag_format(const folio_diag *g, folio_buf *b)
{
	static const char *names[] = {"note", "warning", "error"};
	if (g->line > 0)
		folio_buf_printf(b, "%s:%d:%d: %s: %s", g->file ? g->file : "folio",
		                 g->line, g->col > 0 ? g->col : 1, names[g->severity],
		                 g->message);
	else
		folio_buf_printf(b, "%s: %s: %s", g->file ? g->file : "folio",
		                 names[g->severity], g->message);
	if (g->repeats > 1)
		folio_buf_printf(b, " (%zu times)", g->repeats);
}

folio_diags_mark
folio_diags_save(const folio_diags *d)
{
	return (folio_diags_mark){d->n, d->errors, d->warnings, d->dropped,
	                          d->n ? d->items[d->n - 1].repeats : 0};
}

void
folio_diags_restore(folio_diags *d, folio_diags_mark m)
{
	for (size_t i = m.n; i < d->n; i++) {
		free(d->items[i].file);
		free(d->items[i].message);
	}
	d->n = m.n;
	if (d->n)
		d->items[d->n - 1].repeats = m.last_repeats;
	d->errors = m.errors;
	d->warnings = m.warnings;
	d->dropped = m.dropped;
}

void
folio_diags_clear(folio_diags *d)
{
	for (size_t i = 0; i < d->n; i++) {
		free(d->items[i].file);
		free(d->items[i].message);
	}
	free(d->items);
	memset(d, 0, sizeof *d);
}

void
folio_diags_move(folio_diags *to, folio_diags *from)
{
	for (size_t i = 0; i < from->n; i++) {
		const folio_diag *g = &from->items[i];
		diag_put(to, g->severity, g->code, g->file, g->line, g->col,
		         g->message, g->repeats);
	}
	to->dropped += from->dropped;
	folio_diags_clear(from);
}

char *
folio_uri_unwrap(const char *uri, char *out, size_t n)
{
	while (*uri == ' ' || *uri == '\t' || *uri == '\n')
		uri++;
	size_t len = strlen(uri);
	while (len && (uri[len - 1] == ' ' || uri[len - 1] == '\n'))
		len--;
	if (len >= 5 && !strncmp(uri, "url(", 4) && uri[len - 1] == ')') {
		uri += 4;
		len -= 5;
		if (len >= 2 && (uri[0] == '\'' || uri[0] == '"') && uri[len - 1] == uri[0]) {
			uri++;
			len -= 2;
		}
	}
	snprintf(out, n, "%.*s", (int)len, uri);
	return out;
}
