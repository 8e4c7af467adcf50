/*
 * image.h -- graphics for fo:external-graphic and fo:instream-foreign-object:
 * PNG and JPEG (through gdk-pixbuf; JPEG data is handed to cairo as it is,
 * so the PDF embeds the original JPEG), and SVG (librsvg, drawn as
 * vectors).
 *
 * Loading checks where a file comes from: only files under the allowed
 * base directory (the directory of the document), never URLs, and never
 * images of more than FOLIO_IMAGE_MAX_PIXELS pixels.  Layout asks for the
 * intrinsic size; render draws.  This module is the only one that knows
 * gdk-pixbuf's and librsvg's ownership rules.
 */
#ifndef FOLIO_IMAGE_H
#define FOLIO_IMAGE_H

#include <cairo.h>

#include "../base/base.h"

#define FOLIO_IMAGE_MAX_PIXELS (50L * 1000 * 1000)
/* Shapes an SVG may draw, counting what <use> repeats. */
#define FOLIO_IMAGE_MAX_SVG_ELEMENTS 100000

typedef struct folio_image folio_image;

/* Loads the image at uri (a path or file: URI, resolved against base_dir).
 * Returns an image freed with folio_image_free, or NULL with *why set to a
 * static reason. */
folio_image *folio_image_load(const char *uri, const char *base_dir,
                              const char **why);
/* Also allows images below dir (the --image-dir option); the process
 * keeps the list until exit.  Network URLs stay refused. */
void folio_image_allow_dir(const char *dir);
/* Loads an SVG document given as text (instream-foreign-object). */
folio_image *folio_image_load_svg(const char *svg, size_t len, const char **why);
/* Opens librsvg (loaded on the first SVG, not linked) ahead of need; safe
 * from any thread. */
void folio_image_preload_svg(void);
void folio_image_free(folio_image *img);

/* Intrinsic size in points (pixels at 72 dpi unless the file says). */
void folio_image_size(const folio_image *img, folio_len *w, folio_len *h);

/* Draws img scaled into the rectangle (x, y, w, h) in points. */
void folio_image_draw(folio_image *img, cairo_t *cr, double x, double y,
                      double w, double h);

#endif
