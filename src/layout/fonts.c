/*
 * fonts.c -- the pango context folio lays out with, and fonts from FO
 * properties.
 *
 * One device unit is one point (resolution 72), so pango units are
 * folio_len.  Hinting and glyph position rounding are off: layout must not
 * depend on a screen grid, and the PDF gets the same positions.
 */
#include "internal.h"

#include <fontconfig/fontconfig.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

static guint
fd_hash(gconstpointer p)
{
	return pango_font_description_hash(p);
}

static gboolean
fd_equal(gconstpointer a, gconstpointer b)
{
	return pango_font_description_equal(a, b);
}

/* Fontconfig's configuration, built once per process before pango's own
 * initialisation would build it (pango then finds it current).  Two costs
 * of the default path are avoided, together about a fifth of a cold
 * `folio render`:
 *
 * - FcInit() also parses every file of fontconfig's conf.avail (only for
 *   the descriptions `fc-conflist` prints; none of those rules apply).
 * - With SOURCE_DATE_EPOCH set (reproducible builds, tests, benchmarks),
 *   fontconfig 2.14 stamps the cache files it writes with that date but
 *   checks them against the directory's real mtime when reading, so each
 *   run finds its caches stale, rescans every font file and writes them
 *   again.  The variable is hidden while the fonts are built so the cache
 *   carries the real mtime, which a later run (with or without the
 *   variable) accepts.  The caches hold the same fonts either way; only the
 *   stamp differs.  No other thread exists yet here: pango starts its
 *   initialisation thread with the first font map.
 *
 * Nothing changes for the fonts found or matched: the same configuration
 * file (FONTCONFIG_FILE or the system's) is loaded the same way.  On any
 * failure the configuration is dropped and pango's default path runs. */
static void
fontconfig_setup(void)
{
	static bool done;
	if (done)
		return;
	done = true;
	FcConfig *c = FcConfigCreate();
	if (!c)
		return;
	if (!FcConfigParseAndLoad(c, NULL, FcTrue)) {
		FcConfigDestroy(c);
		return;
	}
	FcStrList *cd = FcConfigGetCacheDirs(c);
	bool no_cache = cd && !FcStrListNext(cd);
	if (cd)
		FcStrListDone(cd);
	if (no_cache)   /* FcInit adds this one (and the system directory) */
		FcConfigParseAndLoadFromMemory(c, (const FcChar8 *)
			"<fontconfig><cachedir prefix=\"xdg\">fontconfig</cachedir>"
			"</fontconfig>", FcFalse);
	const char *env = getenv("SOURCE_DATE_EPOCH");
	char *sde = env ? g_strdup(env) : NULL;
	if (sde)
		unsetenv("SOURCE_DATE_EPOCH");
	FcBool ok = FcConfigBuildFonts(c);
	if (sde)
		setenv("SOURCE_DATE_EPOCH", sde, 1);
	g_free(sde);
	if (ok)
		FcConfigSetCurrent(c);   /* takes its own reference */
	FcConfigDestroy(c);
}

/* Does fontconfig find any font?  With none, pango sets text with line
 * extents it never fills in (valgrind: uninitialised values in every line
 * height and page break), so nothing can be laid out.  Asked once per
 * process: the fonts do not change while folio runs. */
static bool
any_font(PangoFontMap *map)
{
	static int known = -1;
	if (known < 0) {
		/* (listing families is no test: pango always lists its generic
		 * aliases; as in check_family, a loaded font has a family) */
		PangoContext *c = pango_font_map_create_context(map);
		PangoFontDescription *fd = pango_font_description_from_string("serif 10");
		PangoFont *f = pango_font_map_load_font(map, c, fd);
		PangoFontDescription *got = f ? pango_font_describe(f) : NULL;
		known = got && pango_font_description_get_family(got);
		if (got)
			pango_font_description_free(got);
		if (f)
			g_object_unref(f);
		pango_font_description_free(fd);
		g_object_unref(c);
	}
	return known;
}

/* The font map: one per process, so that fonts are found, opened and
 * their shaping data built once (a batch worker reuses them for every
 * document; a cold `folio render` loads the usual ones on a background
 * thread, folio_fonts_preload).  Used by one thread at a time: the
 * preloading thread is joined before layout, and the helpers that set a
 * flow's paragraphs beside the main thread have maps of their own
 * (fonts_init_own). */
static PangoFontMap *process_map;

static PangoFontMap *
font_map(void)
{
	fontconfig_setup();
	if (!process_map)
		process_map = pango_cairo_font_map_new();
	return process_map;
}

/* A context laid out with: points as device units, no hinting.  lang
 * ("ru"; NULL or "" for the locale's) is the language pango opens fonts
 * for when a run names none: the metrics of line heights (font_metrics)
 * and fonts checked by family.  pango keeps one font set per description
 * *and language*, each costing about half a millisecond to build (a
 * fontconfig match and sort on two new threads), so the context speaks the
 * document's language: the same font sets then serve the text's runs,
 * which carry that language as an attribute (para.c). */
static PangoContext *
context_new(PangoFontMap *map, const char *lang)
{
	PangoContext *c = pango_font_map_create_context(map);
	if (lang && *lang && strcmp(lang, "none"))
		pango_context_set_language(c, pango_language_from_string(lang));
	pango_cairo_context_set_resolution(c, 72);
	cairo_font_options_t *fo = cairo_font_options_create();
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	pango_cairo_context_set_font_options(c, fo);
	cairo_font_options_destroy(fo);
	pango_context_set_round_glyph_positions(c, FALSE);
	return c;
}

/* pango 1.50 computes a font's metrics (the first time they are asked for
 * a language) under a process-wide recursion guard, a plain `static int
 * in_get_metrics` in _pango_cairo_font_get_metrics (pangocairo-font.c; the
 * same in pango's main branch).  A thread that computes metrics while
 * another is doing so finds the guard set and skips the approximate
 * character width, which stays 0 in that font for good; pango's line
 * breaking takes a margin of three such widths (process_item), so that
 * font's hyphenated justified lines come out differently: 6 pt wider
 * than the measure, here.  Two threads laying out with font maps of their
 * own (shadow.c) hit it at their first fonts.  The font class's get_metrics
 * is therefore wrapped in a lock, recursive because pango computes the
 * metrics by laying out a sample text, which asks for metrics again. */
static pthread_mutex_t metrics_lock = PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP;
static PangoFontMetrics *(*pango_get_metrics)(PangoFont *, PangoLanguage *);

static PangoFontMetrics *
locked_get_metrics(PangoFont *font, PangoLanguage *lang)
{
	pthread_mutex_lock(&metrics_lock);
	PangoFontMetrics *m = pango_get_metrics(font, lang);
	pthread_mutex_unlock(&metrics_lock);
	return m;
}

static gpointer
wrap_metrics(gpointer data)
{
	layout *L = data;
	PangoFontDescription *fd = pango_font_description_from_string("serif 10");
	PangoFont *f = pango_context_load_font(L->pctx, fd);
	pango_font_description_free(fd);
	if (f) {
		PangoFontClass *k = PANGO_FONT_GET_CLASS(f);
		pango_get_metrics = k->get_metrics;
		if (pango_get_metrics)
			k->get_metrics = locked_get_metrics;
		g_object_unref(f);
	}
	return NULL;
}

void
fonts_threaded(layout *L)
{
	static GOnce once = G_ONCE_INIT;
	g_once(&once, wrap_metrics, L);
}

void
folio_fonts_setup(void)
{
	fontconfig_setup();
}

void
folio_fonts_preload(const char *const *descs, const char *lang)
{
	PangoFontMap *map = font_map();
	if (!map || !any_font(map))
		return;
	PangoContext *c = context_new(map, lang);
	for (; *descs; descs++) {
		PangoFontDescription *fd = pango_font_description_from_string(*descs);
		PangoFontMetrics *m = pango_context_get_metrics(c, fd, NULL);
		pango_font_metrics_unref(m);
		/* shaping builds the font's HarfBuzz data and glyph caches */
		PangoLayout *pl = pango_layout_new(c);
		pango_layout_set_font_description(pl, fd);
		/* in the document's script only: a run in another script opens
		 * font sets of its own language (an English word in Russian text
		 * is set as "en"), which the document may never need */
		pango_layout_set_text(pl, lang && !strcmp(lang, "ru") ?
		                      "Протокол № 1 от 2 марта 2021 г." :
		                      "Minutes No. 1 of 2 March 2021", -1);
		(void)pango_layout_get_line_count(pl);
		g_object_unref(pl);
		pango_font_description_free(fd);
	}
	g_object_unref(c);
}

void
fonts_release(void)
{
	if (process_map)
		g_object_unref(process_map);
	process_map = NULL;
}

/* L lays out with map (its reference is L's): a context and an empty
 * metrics cache. */
static void
use_map(layout *L, PangoFontMap *map)
{
	L->fontmap = map;
	L->pctx = context_new(map, folio_fo_str(L->doc->root, FOLIO_PROP_LANGUAGE));
	L->metrics = g_hash_table_new_full(fd_hash, fd_equal,
	                                   (GDestroyNotify)pango_font_description_free,
	                                   (GDestroyNotify)pango_font_metrics_unref);
}

bool
fonts_init(layout *L)
{
	PangoFontMap *map = font_map();
	if (!map)
		return false;
	if (!any_font(map)) {
		folio_fo_diag(L->d, L->doc, L->doc->root, FOLIO_ERROR, "font",
		              "no font can be loaded: fontconfig finds no fonts (check "
		              "FONTCONFIG_FILE and the installed fonts)");
		return false;
	}
	use_map(L, g_object_ref(map));
	return true;
}

void
fonts_init_own(layout *L)
{
	use_map(L, pango_cairo_font_map_new());
}

void
fonts_done(layout *L)
{
	if (L->metrics)
		g_hash_table_destroy(L->metrics);
	if (L->checked_families)
		g_hash_table_destroy(L->checked_families);
	L->checked_families = NULL;
	if (L->pctx)
		g_object_unref(L->pctx);
	L->metrics = NULL;
	L->pctx = NULL;
}

/* "'PT Serif', Times, serif" -> "PT Serif,Times,serif" */
static void
clean_family(const char *in, char *out, size_t size)
{
	size_t n = 0;
	bool lead = true;
	for (const char *p = in; *p && n + 1 < size; p++) {
		if (*p == '"' || *p == '\'')
			continue;
		if (*p == ',') {
			while (n && out[n - 1] == ' ')
				n--;
			out[n++] = ',';
			lead = true;
			continue;
		}
		if (lead && (*p == ' ' || *p == '\t'))
			continue;
		lead = false;
		out[n++] = *p;
	}
	while (n && out[n - 1] == ' ')
		n--;
	out[n] = 0;
}

static PangoWeight
weight_of(const folio_fo *node)
{
	const char *w = folio_fo_str(node, FOLIO_PROP_FONT_WEIGHT);
	if (!strcmp(w, "bold") || !strcmp(w, "bolder"))
		return PANGO_WEIGHT_BOLD;
	if (!strcmp(w, "normal") || !strcmp(w, "lighter") || !*w)
		return PANGO_WEIGHT_NORMAL;
	int n = atoi(w);
	if (n >= 100 && n <= 1000)
		return (PangoWeight)n;
	return PANGO_WEIGHT_NORMAL;
}

PangoFontDescription *
font_of(const folio_fo *node)
{
	PangoFontDescription *fd = pango_font_description_new();
	char fam[512];
	clean_family(folio_fo_str(node, FOLIO_PROP_FONT_FAMILY), fam, sizeof fam);
	pango_font_description_set_family(fd, fam[0] ? fam : "sans-serif");
	folio_len size = node->font_size > 0 ? node->font_size : FOLIO_PT(12);
	pango_font_description_set_absolute_size(fd, size);
	pango_font_description_set_weight(fd, weight_of(node));
	const char *st = folio_fo_kw(node, FOLIO_PROP_FONT_STYLE);
	pango_font_description_set_style(fd, !strcmp(st, "italic") ? PANGO_STYLE_ITALIC
	                                     : !strcmp(st, "oblique") ? PANGO_STYLE_OBLIQUE
	                                                              : PANGO_STYLE_NORMAL);
	if (folio_fo_is(node, FOLIO_PROP_FONT_VARIANT, "small-caps"))
		pango_font_description_set_variant(fd, PANGO_VARIANT_SMALL_CAPS);
	return fd;
}

static bool
is_generic(const char *f)
{
	static const char *const g[] = {"serif", "sans-serif", "sans", "monospace",
	                                "mono", "cursive", "fantasy", "system-ui"};
	for (size_t i = 0; i < sizeof g / sizeof *g; i++)
		if (!g_ascii_strcasecmp(f, g[i]))
			return true;
	return false;
}

/* The first time a family list is used: an error when no font can be
 * loaded at all (an empty fontconfig setup draws nothing), a warning when
 * none of the named families is installed and fontconfig substitutes
 * another.  A list ending in a generic family asks for substitution. */
static void
check_family(layout *L, const folio_fo *node, const PangoFontDescription *fd)
{
	const char *fam = pango_font_description_get_family(fd);
	if (!fam)
		return;
	if (!L->checked_families)
		L->checked_families = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	if (g_hash_table_contains(L->checked_families, fam))
		return;
	g_hash_table_add(L->checked_families, g_strdup(fam));
	PangoFont *font = pango_font_map_load_font(L->fontmap, L->pctx, fd);
	PangoFontDescription *got = font ? pango_font_describe(font) : NULL;
	const char *got_fam = got ? pango_font_description_get_family(got) : NULL;
	if (!got_fam) {
		folio_fo_diag(L->d, L->doc, node, FOLIO_ERROR, "font",
		              "no font can be loaded for \"%s\": fontconfig finds no "
		              "fonts (check FONTCONFIG_FILE and the installed fonts)", fam);
	} else {
		bool found = false;
		gchar **names = g_strsplit(fam, ",", -1);
		for (gchar **n = names; *n && !found; n++)
			found = is_generic(*n) || !g_ascii_strcasecmp(*n, got_fam);
		g_strfreev(names);
		if (!found)
			folio_fo_diag(L->d, L->doc, node, FOLIO_WARNING, "font",
			              "font \"%s\" is not installed; using \"%s\"", fam,
			              got_fam);
	}
	if (got)
		pango_font_description_free(got);
	if (font)
		g_object_unref(font);
}

void
font_metrics(layout *L, const folio_fo *node, folio_len *ascent,
             folio_len *descent)
{
	PangoFontDescription *fd = font_of(node);
	PangoFontMetrics *m = g_hash_table_lookup(L->metrics, fd);
	if (!m) {
		check_family(L, node, fd);
		m = pango_context_get_metrics(L->pctx, fd, NULL);
		g_hash_table_insert(L->metrics, fd, m);
	} else {
		pango_font_description_free(fd);
	}
	*ascent = pango_font_metrics_get_ascent(m);
	*descent = pango_font_metrics_get_descent(m);
}

folio_len
line_height_of(const folio_fo *node)
{
	folio_value v = folio_fo_get(node, FOLIO_PROP_LINE_HEIGHT);
	folio_len fs = node->font_size;
	if (v.kind == FOLIO_V_LEN)
		return v.len;
	if (v.kind == FOLIO_V_NUM)
		return (folio_len)(v.num * fs);
	return (folio_len)(1.2 * fs);  /* "normal", as FOP has it */
}
