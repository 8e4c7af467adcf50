/*
 * deflate.c -- zlib's deflate streams, compressed by libdeflate.
 *
 * cairo compresses every page, font and image stream of a PDF, and qpdf
 * the streams the post stage writes, through zlib's deflate API
 * (deflateInit_, deflate with Z_NO_FLUSH, then Z_FINISH).  At the same
 * level libdeflate writes streams of the same size in half the time (a
 * third of cairo's output time was zlib's); it compresses a whole buffer
 * at once and has no streaming API, so it cannot simply be called in
 * zlib's place.
 *
 * folio's executable therefore defines zlib's deflate functions, which the
 * dynamic loader binds every library's calls to (the executable comes
 * first in the symbol search order).  A stream opened with deflateInit_
 * keeps its input until Z_FINISH, compresses it with libdeflate (a valid
 * zlib stream, with its Adler-32) and hands the result out in as many
 * calls as the caller's output buffer needs.  Everything else goes to
 * zlib itself, found with dlsym(RTLD_NEXT): streams opened with
 * deflateInit2_ (gzip, raw, other strategies), level 0, and any stream
 * that is flushed in the middle (Z_SYNC_FLUSH, Z_FULL_FLUSH, Z_BLOCK,
 * Z_PARTIAL_FLUSH), given parameters or a dictionary after its first
 * input, or grows past FZ_MAX_BUFFERED: such a stream is handed over to
 * zlib with the input it holds ("spilled"), and zlib's output is passed
 * on from then on.  Inflating is not touched.
 *
 * A stream is recognised as folio's by the first word of its state, a
 * value that no pointer (zlib's state begins with one) can have.
 */
#include "base.h"

#include <dlfcn.h>
#include <libdeflate.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#define FZ_MAGIC 0xF0110DEF1A7E0001ull   /* not a canonical address */
/* the most input a stream holds for libdeflate; tests lower it with
 * FOLIO_TEST_DEFLATE_MAX=N (bytes, only lower) */
#define FZ_MAX_BUFFERED (64 << 20)
#define FZ_CHUNK 65536

typedef struct fz {
	uint64_t magic;
	int level;
	size_t max;                /* FZ_MAX_BUFFERED, or a test's lower value */
	unsigned char *in;         /* input kept until Z_FINISH */
	size_t len, cap;
	unsigned char *out;        /* compressed bytes not yet handed out */
	size_t olen, opos, ocap;
	bool fed;                  /* deflate has taken input */
	bool ended;                /* all output produced (the stream's end) */
	z_stream *real;            /* spilled: zlib's own stream */
} fz;

/* zlib's functions, for what folio does not do itself */
static struct {
	int (*init)(z_streamp, int, const char *, int);
	int (*deflate)(z_streamp, int);
	int (*end)(z_streamp);
	int (*reset)(z_streamp);
	int (*reset_keep)(z_streamp);
	int (*params)(z_streamp, int, int);
	uLong (*bound)(z_streamp, uLong);
	int (*set_dictionary)(z_streamp, const Bytef *, uInt);
	int (*get_dictionary)(z_streamp, Bytef *, uInt *);
	int (*copy)(z_streamp, z_streamp);
	int (*prime)(z_streamp, int, int);
	int (*pending)(z_streamp, unsigned *, int *);
	int (*tune)(z_streamp, int, int, int, int);
	int (*set_header)(z_streamp, gz_headerp);
} zl;
static pthread_once_t zl_once = PTHREAD_ONCE_INIT;

static void
zl_resolve(void)
{
	zl.init = (int (*)(z_streamp, int, const char *, int))dlsym(RTLD_NEXT, "deflateInit_");
	zl.deflate = (int (*)(z_streamp, int))dlsym(RTLD_NEXT, "deflate");
	zl.end = (int (*)(z_streamp))dlsym(RTLD_NEXT, "deflateEnd");
	zl.reset = (int (*)(z_streamp))dlsym(RTLD_NEXT, "deflateReset");
	zl.reset_keep = (int (*)(z_streamp))dlsym(RTLD_NEXT, "deflateResetKeep");
	zl.params = (int (*)(z_streamp, int, int))dlsym(RTLD_NEXT, "deflateParams");
	zl.bound = (uLong (*)(z_streamp, uLong))dlsym(RTLD_NEXT, "deflateBound");
	zl.set_dictionary = (int (*)(z_streamp, const Bytef *, uInt))
		dlsym(RTLD_NEXT, "deflateSetDictionary");
	zl.get_dictionary = (int (*)(z_streamp, Bytef *, uInt *))
		dlsym(RTLD_NEXT, "deflateGetDictionary");
	zl.copy = (int (*)(z_streamp, z_streamp))dlsym(RTLD_NEXT, "deflateCopy");
	zl.prime = (int (*)(z_streamp, int, int))dlsym(RTLD_NEXT, "deflatePrime");
	zl.pending = (int (*)(z_streamp, unsigned *, int *))dlsym(RTLD_NEXT, "deflatePending");
	zl.tune = (int (*)(z_streamp, int, int, int, int))dlsym(RTLD_NEXT, "deflateTune");
	zl.set_header = (int (*)(z_streamp, gz_headerp))dlsym(RTLD_NEXT, "deflateSetHeader");
}

/* zlib's function fn, or NULL (then the call fails as on an invalid
 * stream).  libz is loaded with cairo, so all of them exist. */
#define ZL(fn) (pthread_once(&zl_once, zl_resolve), zl.fn)

static fz *
ours(z_streamp strm)
{
	if (!strm || !strm->state)
		return NULL;
	fz *f = (fz *)(void *)strm->state;
	return f->magic == FZ_MAGIC ? f : NULL;
}

/* The start of each function: when strm is not folio's stream, the call
 * is zlib's fn(...); otherwise f is folio's stream. */
#define OURS_OR_ZLIB(f, strm, fn, ...)                                       \
	fz *f = ours(strm);                                                      \
	if (!f)                                                                  \
		return ZL(fn) ? zl.fn(__VA_ARGS__) : Z_STREAM_ERROR

/* ---- libdeflate compressors, kept for reuse (a level-6 compressor is
 * about half a megabyte; a PDF has dozens of streams) ---- */

#define POOL_PER_LEVEL 4
static struct libdeflate_compressor *pool[10][POOL_PER_LEVEL];
static int pooled[10];
static pthread_mutex_t pool_lock = PTHREAD_MUTEX_INITIALIZER;

static struct libdeflate_compressor *
compressor_take(int level)
{
	struct libdeflate_compressor *c = NULL;
	pthread_mutex_lock(&pool_lock);
	if (pooled[level])
		c = pool[level][--pooled[level]];
	pthread_mutex_unlock(&pool_lock);
	return c ? c : libdeflate_alloc_compressor(level);
}

static void
compressor_give(int level, struct libdeflate_compressor *c)
{
	pthread_mutex_lock(&pool_lock);
	if (pooled[level] < POOL_PER_LEVEL) {
		pool[level][pooled[level]++] = c;
		c = NULL;
	}
	pthread_mutex_unlock(&pool_lock);
	libdeflate_free_compressor(c);
}

void
folio_deflate_release(void)
{
	pthread_mutex_lock(&pool_lock);
	for (int l = 0; l < 10; l++) {
		while (pooled[l])
			libdeflate_free_compressor(pool[l][--pooled[l]]);
	}
	pthread_mutex_unlock(&pool_lock);
}

/* ---- output waiting for the caller's buffer ---- */

/* Appends n bytes of p to the buffer *buf (*len of *cap bytes used). */
static bool
append(unsigned char **buf, size_t *len, size_t *cap, const void *p, size_t n)
{
	if (!n)
		return true;
	if (*len + n > *cap) {
		size_t c = *cap ? *cap : FZ_CHUNK;
		while (c < *len + n)
			c *= 2;
		unsigned char *b = realloc(*buf, c);
		if (!b)
			return false;
		*buf = b;
		*cap = c;
	}
	memcpy(*buf + *len, p, n);
	*len += n;
	return true;
}

static bool
out_add(fz *f, const unsigned char *p, size_t n)
{
	return append(&f->out, &f->olen, &f->ocap, p, n);
}

/* Hand out what fits; true when nothing is left. */
static bool
drain(z_streamp strm, fz *f)
{
	size_t n = f->olen - f->opos;
	if (n > strm->avail_out)
		n = strm->avail_out;
	if (n) {
		memcpy(strm->next_out, f->out + f->opos, n);
		strm->next_out += n;
		strm->avail_out -= (uInt)n;
		strm->total_out += n;
		f->opos += n;
	}
	if (f->opos == f->olen) {
		f->opos = f->olen = 0;
		return true;
	}
	return false;
}

/* Run zlib's stream once with flush, collecting all its output. */
static int
real_run(fz *f, int flush)
{
	unsigned char tmp[FZ_CHUNK];
	int ret;
	do {
		f->real->next_out = tmp;
		f->real->avail_out = sizeof tmp;
		ret = zl.deflate(f->real, flush);
		if (ret == Z_STREAM_ERROR)
			return ret;
		if (!out_add(f, tmp, sizeof tmp - f->real->avail_out))
			return Z_MEM_ERROR;
	} while (f->real->avail_out == 0);
	return ret;
}

/* Hand the stream over to zlib, with the input it holds. */
static int
spill(fz *f)
{
	if (f->real)
		return Z_OK;
	if (!ZL(init) || !ZL(deflate))
		return Z_STREAM_ERROR;
	z_stream *r = calloc(1, sizeof *r);
	if (!r)
		return Z_MEM_ERROR;
	int ret = zl.init(r, f->level, ZLIB_VERSION, (int)sizeof(z_stream));
	if (ret != Z_OK) {
		free(r);
		return ret;
	}
	f->real = r;
	if (f->len) {
		r->next_in = f->in;
		r->avail_in = (uInt)f->len;
		ret = real_run(f, Z_NO_FLUSH);
		if (ret == Z_BUF_ERROR)
			ret = Z_OK;
	}
	free(f->in);
	f->in = NULL;
	f->len = f->cap = 0;
	return ret;
}

/* ---- the API ---- */

int
deflateInit_(z_streamp strm, int level, const char *version, int stream_size)
{
	if (level == Z_DEFAULT_COMPRESSION)
		level = 6;
	if (!strm || level < 1 || level > 9 || !version || version[0] != ZLIB_VERSION[0] ||
	    stream_size != (int)sizeof(z_stream)) {
		if (!ZL(init))
			return Z_STREAM_ERROR;
		return zl.init(strm, level, version, stream_size);
	}
	fz *f = calloc(1, sizeof *f);
	if (!f)
		return Z_MEM_ERROR;
	f->magic = FZ_MAGIC;
	f->level = level;
	f->max = (size_t)folio_limit("FOLIO_TEST_DEFLATE_MAX", FZ_MAX_BUFFERED);
	strm->state = (struct internal_state *)(void *)f;
	strm->total_in = strm->total_out = 0;
	strm->msg = NULL;
	strm->data_type = Z_UNKNOWN;
	strm->adler = 1;
	return Z_OK;
}

static int
finish(z_streamp strm, fz *f)
{
	struct libdeflate_compressor *c = compressor_take(f->level);
	size_t bound = c ? libdeflate_zlib_compress_bound(c, f->len) : 0;
	unsigned char *o = c ? malloc(bound ? bound : 1) : NULL;
	size_t n = o ? libdeflate_zlib_compress(c, f->len ? f->in : (const void *)"", f->len,
	                                        o, bound) : 0;
	if (c)
		compressor_give(f->level, c);
	if (!n) {   /* out of memory: zlib finishes it */
		free(o);
		int ret = spill(f);
		return ret == Z_OK ? Z_BUF_ERROR : ret;
	}
	strm->adler = f->len ? libdeflate_adler32(1, f->in, f->len) : 1;
	free(f->in);
	f->in = NULL;
	f->len = f->cap = 0;
	free(f->out);
	f->out = o;
	f->olen = n;
	f->opos = 0;
	f->ocap = bound;
	f->ended = true;
	return Z_OK;
}

static int
deflate_spilled(z_streamp strm, fz *f, int flush)
{
	int ret = Z_OK;
	uInt in0 = strm->avail_in;
	uLong out0 = strm->total_out;
	if (!f->ended) {
		f->real->next_in = strm->next_in;
		f->real->avail_in = strm->avail_in;
		ret = real_run(f, flush);
		size_t used = in0 - f->real->avail_in;
		strm->next_in += used;
		strm->avail_in -= (uInt)used;
		strm->total_in += used;
		strm->adler = f->real->adler;
		strm->data_type = f->real->data_type;
		if (ret == Z_STREAM_END)
			f->ended = true;
		else if (ret != Z_OK && ret != Z_BUF_ERROR)
			return ret;
	}
	bool empty = drain(strm, f);
	if (f->ended)
		return empty ? Z_STREAM_END : Z_OK;
	if (strm->avail_in == in0 && strm->total_out == out0)
		return Z_BUF_ERROR;
	return Z_OK;
}

int
deflate(z_streamp strm, int flush)
{
	OURS_OR_ZLIB(f, strm, deflate, strm, flush);
	if (flush < Z_NO_FLUSH || flush > Z_BLOCK || !strm->next_out ||
	    (strm->avail_in && !strm->next_in))
		return Z_STREAM_ERROR;
	if (strm->avail_out == 0)
		return Z_BUF_ERROR;
	if (f->real)
		return deflate_spilled(strm, f, flush);
	if (f->ended) {   /* handing out what Z_FINISH produced */
		if (flush != Z_FINISH)
			return Z_STREAM_ERROR;
		if (strm->avail_in)
			return Z_BUF_ERROR;
		return drain(strm, f) ? Z_STREAM_END : Z_OK;
	}
	if ((flush != Z_NO_FLUSH && flush != Z_FINISH) ||
	    f->len + strm->avail_in > f->max) {
		int ret = spill(f);
		if (ret != Z_OK)
			return ret;
		return deflate_spilled(strm, f, flush);
	}
	uInt n = strm->avail_in;
	if (n) {
		if (!append(&f->in, &f->len, &f->cap, strm->next_in, n))
			return Z_MEM_ERROR;
		strm->next_in += n;
		strm->avail_in = 0;
		strm->total_in += n;
		f->fed = true;
	}
	if (flush == Z_NO_FLUSH)
		return n ? Z_OK : Z_BUF_ERROR;
	int ret = finish(strm, f);
	if (ret == Z_BUF_ERROR && f->real)   /* zlib took over */
		return deflate_spilled(strm, f, flush);
	if (ret != Z_OK)
		return ret;
	return drain(strm, f) ? Z_STREAM_END : Z_OK;
}

/* Frees what f holds: zlib's stream, input, output. */
static void
fz_clear(fz *f)
{
	if (f->real) {
		if (ZL(end))
			zl.end(f->real);
		free(f->real);
	}
	free(f->in);
	free(f->out);
}

int
deflateEnd(z_streamp strm)
{
	OURS_OR_ZLIB(f, strm, end, strm);
	/* as zlib: Z_DATA_ERROR when input or output is thrown away */
	bool premature = (f->fed && !f->ended) || f->opos < f->olen;
	fz_clear(f);
	free(f);
	strm->state = NULL;
	return premature ? Z_DATA_ERROR : Z_OK;
}

static int
fz_reset(z_streamp strm, fz *f)
{
	int level = f->level;
	size_t max = f->max;
	fz_clear(f);
	memset(f, 0, sizeof *f);
	f->magic = FZ_MAGIC;
	f->level = level;
	f->max = max;
	strm->total_in = strm->total_out = 0;
	strm->msg = NULL;
	strm->data_type = Z_UNKNOWN;
	strm->adler = 1;
	return Z_OK;
}

int
deflateReset(z_streamp strm)
{
	OURS_OR_ZLIB(f, strm, reset, strm);
	return fz_reset(strm, f);
}

int
deflateResetKeep(z_streamp strm)
{
	OURS_OR_ZLIB(f, strm, reset_keep, strm);
	return fz_reset(strm, f);
}

uLong
deflateBound(z_streamp strm, uLong len)
{
	fz *f = ours(strm);
	if (!ZL(bound))
		return len + (len >> 3) + (len >> 6) + 64;
	if (!f || f->real)
		return zl.bound(f ? f->real : strm, len);
	/* zlib's bound for a stream it cannot see is its largest */
	uLong z = zl.bound(Z_NULL, len);
	size_t d = libdeflate_zlib_compress_bound(NULL, len);
	return z > d ? z : (uLong)d;
}

/* The functions folio's streams leave to zlib: the stream is spilled and
 * the call made on zlib's stream, collecting any output it writes (the
 * rest stays pending in zlib's stream for the next deflate). */
static int
on_real(fz *f, unsigned char *tmp, size_t size)
{
	int ret = spill(f);
	if (ret != Z_OK)
		return ret;
	f->real->next_in = Z_NULL;
	f->real->avail_in = 0;
	f->real->next_out = tmp;
	f->real->avail_out = (uInt)size;
	return Z_OK;
}

/* The body of such a function: zlib's fn(strm, ...) for another stream,
 * fn(zlib's stream, ...) for folio's. */
#define LEFT_TO_ZLIB(strm, fn, ...)                                          \
	do {                                                                     \
		OURS_OR_ZLIB(f_, strm, fn, strm, __VA_ARGS__);                       \
		if (!ZL(fn))                                                         \
			return Z_STREAM_ERROR;                                           \
		unsigned char tmp_[256];                                             \
		int ret_ = on_real(f_, tmp_, sizeof tmp_);                           \
		if (ret_ != Z_OK)                                                    \
			return ret_;                                                     \
		ret_ = zl.fn(f_->real, __VA_ARGS__);                                 \
		if (!out_add(f_, tmp_, sizeof tmp_ - f_->real->avail_out))           \
			return Z_MEM_ERROR;                                              \
		strm->adler = f_->real->adler;                                       \
		return ret_;                                                         \
	} while (0)

int
deflateParams(z_streamp strm, int level, int strategy)
{
	fz *f = ours(strm);
	int l = level == Z_DEFAULT_COMPRESSION ? 6 : level;
	if (f && !f->real && !f->fed && !f->ended && l >= 1 && l <= 9 &&
	    strategy == Z_DEFAULT_STRATEGY) {
		f->level = l;
		return Z_OK;
	}
	LEFT_TO_ZLIB(strm, params, level, strategy);
}

int
deflateSetDictionary(z_streamp strm, const Bytef *dict, uInt len)
{
	LEFT_TO_ZLIB(strm, set_dictionary, dict, len);
}

int
deflateGetDictionary(z_streamp strm, Bytef *dict, uInt *len)
{
	LEFT_TO_ZLIB(strm, get_dictionary, dict, len);
}

int
deflatePrime(z_streamp strm, int bits, int value)
{
	LEFT_TO_ZLIB(strm, prime, bits, value);
}

int
deflateTune(z_streamp strm, int good_length, int max_lazy, int nice_length, int max_chain)
{
	LEFT_TO_ZLIB(strm, tune, good_length, max_lazy, nice_length, max_chain);
}

int
deflateSetHeader(z_streamp strm, gz_headerp head)
{
	OURS_OR_ZLIB(f, strm, set_header, strm, head);
	return Z_STREAM_ERROR;   /* as zlib for a stream without a gzip wrapper */
}

int
deflatePending(z_streamp strm, unsigned *pending, int *bits)
{
	OURS_OR_ZLIB(f, strm, pending, strm, pending, bits);
	unsigned p = 0;
	int b = 0;
	if (f->real && !f->ended && ZL(pending)) {
		int ret = zl.pending(f->real, &p, &b);
		if (ret != Z_OK)
			return ret;
	}
	p += (unsigned)(f->olen - f->opos);
	if (pending)
		*pending = p;
	if (bits)
		*bits = b;
	return Z_OK;
}

int
deflateCopy(z_streamp dest, z_streamp source)
{
	OURS_OR_ZLIB(f, source, copy, dest, source);
	if (!dest)
		return Z_STREAM_ERROR;
	fz *g = calloc(1, sizeof *g);
	if (!g)
		return Z_MEM_ERROR;
	*g = *f;
	g->in = NULL;
	g->out = NULL;
	g->real = NULL;
	g->cap = g->len;
	g->ocap = g->olen;
	if ((f->len && !(g->in = malloc(f->len))) ||
	    (f->olen && !(g->out = malloc(f->olen)))) {
		free(g->in);
		free(g);
		return Z_MEM_ERROR;
	}
	if (f->len)
		memcpy(g->in, f->in, f->len);
	if (f->olen)
		memcpy(g->out, f->out, f->olen);
	if (f->real) {
		g->real = calloc(1, sizeof *g->real);
		if (!g->real || !ZL(copy) || zl.copy(g->real, f->real) != Z_OK) {
			free(g->real);
			free(g->in);
			free(g->out);
			free(g);
			return Z_MEM_ERROR;
		}
	}
	*dest = *source;
	dest->state = (struct internal_state *)(void *)g;
	return Z_OK;
}
