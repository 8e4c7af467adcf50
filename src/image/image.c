/*
 * image.c -- see image.h.
 */
#include "image.h"
#include "../xml/xml.h"

#include <pthread.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <librsvg/rsvg.h>
#include <libxml/parser.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

struct folio_image {
	RsvgHandle *svg;            /* SVG, or NULL */
	cairo_surface_t *surface;   /* raster, or NULL */
	double w, h;                /* intrinsic size in points */
	int px_w, px_h;             /* raster: size in pixels */
};

static bool
inside(const char *path, const char *base)
{
	char rp[PATH_MAX], rb[PATH_MAX];
	if (!realpath(path, rp) || !realpath(base, rb))
		return false;
	size_t n = strlen(rb);
	return !strncmp(rp, rb, n) && (rp[n] == '/' || rp[n] == 0);
}

/* Directories allowed besides the document's own (--image-dir). */
static char **extra_dirs;
static size_t nextra;

void
folio_image_allow_dir(const char *dir)
{
	extra_dirs = folio_realloc_array(extra_dirs, nextra + 1, sizeof *extra_dirs);
	extra_dirs[nextra++] = folio_strdup(dir);
}

static bool
allowed(const char *path, const char *base_dir)
{
	if (inside(path, base_dir))
		return true;
	for (size_t i = 0; i < nextra; i++)
		if (inside(path, extra_dirs[i]))
			return true;
	return false;
}

static bool
read_all(const char *path, char **data, size_t *len)
{
	gchar *d;
	gsize n;
	if (!g_file_get_contents(path, &d, &n, NULL))
		return false;
	*data = d;
	*len = n;
	return true;
}

/* ---- SVG: the cost of <use> ----
 *
 * <use> draws another element again, and that one may use others: ten
 * levels of ten uses are 10^10 shapes in a 2 KB file.  librsvg stops at its
 * own instance limit, but only after seconds of work and 400 MB; so the
 * number of shapes an SVG would draw is counted first, on a parse of our
 * own (safe options), and an SVG over FOLIO_IMAGE_MAX_SVG_ELEMENTS, or
 * one whose references go round in a circle or too deep, is refused. */
typedef struct svgcount {
	GHashTable *ids;    /* id -> element (borrowed) */
	GHashTable *memo;   /* element -> count as double*, or &busy */
	double busy;        /* marker: being counted (a cycle if met again) */
	bool bad;           /* a cycle, or references too deep */
} svgcount;

static void
collect_ids(GHashTable *ids, xmlNodePtr root)
{
	for (xmlNodePtr n = root; n;) {
		if (n->type == XML_ELEMENT_NODE) {
			xmlChar *id = xmlGetProp(n, BAD_CAST "id");
			if (id)
				g_hash_table_insert(ids, g_strdup((char *)id), n);
			xmlFree(id);
		}
		n = folio_xml_walk_next(n, true);
	}
}

/* Shapes drawn for element n, counting what its <use>s draw; depth bounds
 * the recursion (libxml2 allows 256 levels of elements, so only chains of
 * references go deeper). */
static double
svg_cost(svgcount *c, xmlNodePtr n, int depth)
{
	double *known = g_hash_table_lookup(c->memo, n);
	if (known == &c->busy || depth > 1000) {
		c->bad = true;
		return 1e18;
	}
	if (known)
		return *known;
	g_hash_table_insert(c->memo, n, &c->busy);
	double total = 1;
	for (xmlNodePtr k = n->children; k && total < 1e12; k = k->next)
		if (k->type == XML_ELEMENT_NODE)
			total += svg_cost(c, k, depth + 1);
	if (!strcmp((const char *)n->name, "use")) {
		xmlChar *href = xmlGetNsProp(n, BAD_CAST "href",
		                             BAD_CAST "http://www.w3.org/1999/xlink");
		if (!href)
			href = xmlGetProp(n, BAD_CAST "href");
		xmlNodePtr t = href && href[0] == '#'
		             ? g_hash_table_lookup(c->ids, (char *)href + 1) : NULL;
		if (t)
			total += svg_cost(c, t, depth + 1);
		xmlFree(href);
	}
	double *v = g_new(double, 1);
	*v = total;
	g_hash_table_insert(c->memo, n, v);
	return total;
}

static void
free_count(gpointer p, gpointer self)
{
	if (p != self)
		g_free(p);
}

/* NULL when the SVG may be drawn, else why not. */
static const char *
svg_too_costly(const char *data, size_t len)
{
	xmlDocPtr doc = xmlReadMemory(data, (int)len, NULL, NULL,
	                              XML_PARSE_NONET | XML_PARSE_NOERROR |
	                              XML_PARSE_NOWARNING);
	if (!doc)
		return NULL;   /* librsvg will say what is wrong with it */
	svgcount c = {.ids = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL),
	              .memo = g_hash_table_new(g_direct_hash, g_direct_equal)};
	xmlNodePtr root = xmlDocGetRootElement(doc);
	collect_ids(c.ids, root);
	double n = root ? svg_cost(&c, root, 0) : 0;
	GList *vals = g_hash_table_get_values(c.memo);
	g_list_foreach(vals, free_count, &c.busy);
	g_list_free(vals);
	g_hash_table_destroy(c.memo);
	g_hash_table_destroy(c.ids);
	xmlFreeDoc(doc);
	if (c.bad)
		return "an SVG whose <use> references go round in a circle or too deep";
	if (n > FOLIO_IMAGE_MAX_SVG_ELEMENTS)
		return "an SVG that would draw too many shapes (<use> of <use>)";
	return NULL;
}

/* librsvg is opened on the first SVG, not linked: it and its own
 * dependencies cost every cold start about a millisecond of loading and
 * symbol binding, and most documents have no SVG.  The prototypes come
 * from rsvg.h, so the calls are checked as if linked. */
static struct {
	__typeof__(rsvg_handle_new_from_data) *new_from_data;
	__typeof__(rsvg_handle_get_intrinsic_size_in_pixels) *intrinsic_size;
	__typeof__(rsvg_handle_get_geometry_for_element) *geometry;
	__typeof__(rsvg_handle_render_document) *render;
} rsvg;

static void
rsvg_load(void)
{
	static const char *const names[] = {
		"rsvg_handle_new_from_data", "rsvg_handle_get_intrinsic_size_in_pixels",
		"rsvg_handle_get_geometry_for_element", "rsvg_handle_render_document",
	};
	void **const slots[] = {(void **)&rsvg.new_from_data, (void **)&rsvg.intrinsic_size,
	                        (void **)&rsvg.geometry, (void **)&rsvg.render};
	folio_dl_lookup("librsvg-2.so.2", names, slots, 4);
}

/* Opens librsvg once per process, from whichever thread asks first (a
 * background thread of `folio render` when the document has graphics,
 * folio_image_preload_svg; others wait for it). */
static bool
rsvg_open(void)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	pthread_once(&once, rsvg_load);
	return rsvg.render != NULL;
}

void
folio_image_preload_svg(void)
{
	(void)rsvg_open();
}

static folio_image *
from_svg(const char *data, size_t len, const char **why)
{
	GError *err = NULL;
	const char *costly = svg_too_costly(data, len);
	if (costly) {
		*why = costly;
		return NULL;
	}
	if (!rsvg_open()) {
		*why = "SVG images need librsvg (librsvg-2.so.2), which cannot be loaded";
		return NULL;
	}
	/* no external references: librsvg resolves none without a base file */
	RsvgHandle *h = rsvg.new_from_data((const guint8 *)data, len, &err);
	if (!h) {
		*why = "not a readable SVG document";
		g_clear_error(&err);
		return NULL;
	}
	gdouble w = 0, hh = 0;
	if (!rsvg.intrinsic_size(h, &w, &hh)) {
		RsvgRectangle ink, logical;
		if (rsvg.geometry(h, NULL, &ink, &logical, NULL)) {
			w = logical.width;
			hh = logical.height;
		}
	}
	if (w <= 0 || hh <= 0 || w > 1e5 || hh > 1e5) {
		w = w > 0 && w <= 1e5 ? w : 100;
		hh = hh > 0 && hh <= 1e5 ? hh : 100;
	}
	folio_image *img = folio_calloc(1, sizeof *img);
	img->svg = h;
	img->w = w;
	img->h = hh;
	return img;
}

/* Copies a pixbuf into a cairo image surface (cairo wants premultiplied
 * native-endian ARGB, gdk-pixbuf gives RGB(A) bytes). */
static cairo_surface_t *
surface_of(GdkPixbuf *pb)
{
	int w = gdk_pixbuf_get_width(pb), h = gdk_pixbuf_get_height(pb);
	int nch = gdk_pixbuf_get_n_channels(pb), stride = gdk_pixbuf_get_rowstride(pb);
	bool alpha = gdk_pixbuf_get_has_alpha(pb);
	const guchar *src = gdk_pixbuf_read_pixels(pb);
	cairo_surface_t *s = cairo_image_surface_create(
	    alpha ? CAIRO_FORMAT_ARGB32 : CAIRO_FORMAT_RGB24, w, h);
	cairo_surface_flush(s);
	unsigned char *dst = cairo_image_surface_get_data(s);
	int dstride = cairo_image_surface_get_stride(s);
	for (int y = 0; y < h; y++) {
		const guchar *p = src + (size_t)y * stride;
		uint32_t *q = (uint32_t *)(dst + (size_t)y * dstride);
		for (int x = 0; x < w; x++, p += nch) {
			uint32_t a = alpha ? p[3] : 255;
			uint32_t r = p[0] * a / 255, g = p[1] * a / 255, b = p[2] * a / 255;
			q[x] = a << 24 | r << 16 | g << 8 | b;
		}
	}
	cairo_surface_mark_dirty(s);
	return s;
}

/* The loader's size-prepared signal: the header has been read.  An image
 * of more than FOLIO_IMAGE_MAX_PIXELS is refused here, before its pixels
 * are allocated and decoded (a small PNG can declare 100,000 x 100,000, or
 * inflate to gigabytes): a size of 0 x 0 makes gdk-pixbuf's loaders stop
 * with an error. */
static void
on_size(GdkPixbufLoader *ld, int w, int h, gpointer data)
{
	bool *too_big = data;
	if (w <= 0 || h <= 0 || (long)w * h > FOLIO_IMAGE_MAX_PIXELS) {
		*too_big = true;
		gdk_pixbuf_loader_set_size(ld, 0, 0);   /* loaders stop at 0 x 0 */
	}
}

/* Does a PNG's header declare more than FOLIO_IMAGE_MAX_PIXELS?  gdk-pixbuf's
 * PNG loader refuses some sizes itself (100,000 x 100,000) before it sends
 * size-prepared, with an error that says only that the file cannot be
 * read; the IHDR chunk (always first, at a fixed offset) says why. */
static bool
png_too_big(const char *data, size_t len)
{
	static const char sig[8] = "\x89PNG\r\n\x1a\n";
	if (len < 24 || memcmp(data, sig, 8) || memcmp(data + 12, "IHDR", 4))
		return false;
	const unsigned char *p = (const unsigned char *)data + 16;
	uint64_t w = (uint64_t)p[0] << 24 | p[1] << 16 | p[2] << 8 | p[3];
	uint64_t h = (uint64_t)p[4] << 24 | p[5] << 16 | p[6] << 8 | p[7];
	return w * h > (uint64_t)FOLIO_IMAGE_MAX_PIXELS;
}

static folio_image *
from_raster(const char *data, size_t len, const char **why)
{
	if (png_too_big(data, len)) {
		*why = "image has too many pixels";
		return NULL;
	}
	GdkPixbufLoader *ld = gdk_pixbuf_loader_new();
	GError *err = NULL;
	bool too_big = false;
	g_signal_connect(ld, "size-prepared", G_CALLBACK(on_size), &too_big);
	/* fed in slices, so a refusal stops the decoding early */
	bool ok = true;
	for (size_t off = 0; ok && off < len && !too_big; off += 65536)
		ok = gdk_pixbuf_loader_write(ld, (const guchar *)data + off,
		                             len - off < 65536 ? len - off : 65536, &err);
	if (too_big) {
		*why = "image has too many pixels";
		g_clear_error(&err);
		gdk_pixbuf_loader_close(ld, NULL);
		g_object_unref(ld);
		return NULL;
	}
	ok = ok && gdk_pixbuf_loader_close(ld, &err);
	GdkPixbuf *pb = ok ? gdk_pixbuf_loader_get_pixbuf(ld) : NULL;
	if (!pb) {
		*why = "not a readable PNG or JPEG image (or truncated)";
		g_clear_error(&err);
		if (!ok)
			gdk_pixbuf_loader_close(ld, NULL);
		g_object_unref(ld);
		return NULL;
	}
	int pw = gdk_pixbuf_get_width(pb), ph = gdk_pixbuf_get_height(pb);
	if ((long)pw * ph > FOLIO_IMAGE_MAX_PIXELS) {
		*why = "image has too many pixels";
		g_object_unref(ld);
		return NULL;
	}
	GdkPixbufFormat *fmt = gdk_pixbuf_loader_get_format(ld);
	bool jpeg = fmt && !strcmp(gdk_pixbuf_format_get_name(fmt), "jpeg");
	/* gdk-pixbuf decodes a truncated JPEG without an error (grey below the
	 * cut), and the PDF would get the broken stream as it is: a JPEG must
	 * end with its EOI marker (some writers pad a few bytes after it) */
	size_t tail = len < 64 ? len : 64;
	if (jpeg && !memmem(data + len - tail, tail, "\xff\xd9", 2)) {
		*why = "a truncated JPEG (no end marker)";
		g_object_unref(ld);
		return NULL;
	}
	cairo_surface_t *s = surface_of(pb);
	if (jpeg) {
		/* the PDF gets the original JPEG stream, not a re-encoding */
		unsigned char *copy = folio_malloc(len);
		memcpy(copy, data, len);
		cairo_surface_set_mime_data(s, CAIRO_MIME_TYPE_JPEG, copy, len, free, copy);
	}
	/* the size in points follows the image's resolution (72 dpi when the
	 * file does not say), as FOP does */
	double xdpi = 72, ydpi = 72;
	const char *o = gdk_pixbuf_get_option(pb, "x-dpi");
	if (o && atof(o) > 1)
		xdpi = atof(o);
	o = gdk_pixbuf_get_option(pb, "y-dpi");
	if (o && atof(o) > 1)
		ydpi = atof(o);
	g_object_unref(ld);
	folio_image *img = folio_calloc(1, sizeof *img);
	img->surface = s;
	img->w = pw * 72.0 / xdpi;
	img->h = ph * 72.0 / ydpi;
	img->px_w = pw;
	img->px_h = ph;
	return img;
}

folio_image *
folio_image_load(const char *uri, const char *base_dir, const char **why)
{
	char u[PATH_MAX];
	folio_uri_unwrap(uri, u, sizeof u);
	const char *p = u;
	if (!strncmp(p, "file://", 7))
		p += 7;
	else if (!strncmp(p, "file:", 5))
		p += 5;
	if (strstr(p, "://")) {
		*why = "images from the network are not allowed";
		return NULL;
	}
	char path[PATH_MAX];
	int n = p[0] == '/' ? snprintf(path, sizeof path, "%s", p)
	                    : snprintf(path, sizeof path, "%s/%s", base_dir, p);
	if (n < 0 || (size_t)n >= sizeof path || !allowed(path, base_dir)) {
		*why = "the image is missing or outside the document's directory "
		       "(--image-dir allows another)";
		return NULL;
	}
	char *data;
	size_t len;
	if (!read_all(path, &data, &len)) {
		*why = "cannot read the image file";
		return NULL;
	}
	folio_image *img;
	bool svg = (len > 5 && (memmem(data, len < 512 ? len : 512, "<svg", 4) ||
	                        memmem(data, len < 512 ? len : 512, "<?xml", 5)));
	img = svg ? from_svg(data, len, why) : from_raster(data, len, why);
	g_free(data);
	return img;
}

folio_image *
folio_image_load_svg(const char *svg, size_t len, const char **why)
{
	return from_svg(svg, len, why);
}

void
folio_image_free(folio_image *img)
{
	if (!img)
		return;
	if (img->svg)
		g_object_unref(img->svg);
	if (img->surface)
		cairo_surface_destroy(img->surface);
	free(img);
}

void
folio_image_size(const folio_image *img, folio_len *w, folio_len *h)
{
	*w = (folio_len)(img->w * FOLIO_LEN_SCALE);
	*h = (folio_len)(img->h * FOLIO_LEN_SCALE);
}

void
folio_image_draw(folio_image *img, cairo_t *cr, double x, double y, double w,
                 double h)
{
	if (w <= 0 || h <= 0)
		return;
	cairo_save(cr);
	if (img->svg) {
		RsvgRectangle vp = {x, y, w, h};
		rsvg.render(img->svg, cr, &vp, NULL);   /* img->svg: rsvg_open() worked */
	} else if (img->surface) {
		cairo_translate(cr, x, y);
		cairo_scale(cr, w / img->px_w, h / img->px_h);
		cairo_set_source_surface(cr, img->surface, 0, 0);
		cairo_paint(cr);
	}
	cairo_restore(cr);
}
