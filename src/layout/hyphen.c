/*
 * hyphen.c -- hyphenation with libhyphen and Debian's TeX-derived pattern
 * dictionaries (hyphen-ru, hyphen-en-us).  A word gets soft hyphens
 * (U+00AD) at the allowed points; pango breaks lines there and draws the
 * hyphen.  hyphenation-push-character-count and
 * hyphenation-remain-character-count are libhyphen's left and right
 * minimums.
 *
 * Dictionaries are loaded once per process and kept (a batch reuses them);
 * folio_layout_cleanup() releases them.  Each keeps the words it has
 * hyphenated (official text repeats its words: the long seed document
 * asks for 60,000 words, 9,000 of them distinct), so libhyphen and the
 * charset conversion run once per distinct word; the cache is emptied
 * when it reaches CACHE_MAX words, which bounds a batch worker's memory.  Words that start with a capital
 * (abbreviations such as ОГБПОУ, proper names -- surnames are not split in
 * official documents) and words with letters the dictionary's charset
 * cannot encode are left whole.
 */
#include "internal.h"

#include <hyphen.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HYPHEN_DIR "/usr/share/hyphen"

#define CACHE_MAX 50000

typedef struct dict {
	char lang[16];
	folio_patterns *pt;    /* the patterns (liang.c), or NULL: */
	HyphenDict *hd;        /* libhyphen's, for files liang.c leaves to it;
	                          both NULL: no dictionary for this language */
	char charset[32];      /* the dictionary's first line */
	GIConv conv;           /* UTF-8 -> charset; (GIConv)-1 when UTF-8 */
	GHashTable *cache;     /* word with push/remain -> hyphenated word */
} dict;

/* libhyphen, opened only for a file liang.c leaves to it (none of
 * Debian's Russian and English ones): not linked, so a cold start does not
 * load and bind it.  The prototypes come from hyphen.h. */
static struct {
	__typeof__(hnj_hyphen_load) *load;
	__typeof__(hnj_hyphen_free) *free;
	__typeof__(hnj_hyphen_hyphenate3) *hyphenate3;
} hnj;

static void
hnj_open(void)
{
	static const char *const names[] = {
		"hnj_hyphen_load", "hnj_hyphen_free", "hnj_hyphen_hyphenate3",
	};
	void **const slots[] = {(void **)&hnj.load, (void **)&hnj.free,
	                        (void **)&hnj.hyphenate3};
	folio_dl_lookup("libhyphen.so.0", names, slots, 3);
}

/* libhyphen's dictionary of path, or NULL (no such file, or no libhyphen:
 * that language is then not hyphenated). */
static HyphenDict *
hnj_load(const char *path)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	pthread_once(&once, hnj_open);
	return hnj.load ? hnj.load(path) : NULL;
}

static dict dicts[16];
static int ndicts;
/* The dictionaries and their caches are shared by the threads that set a
 * flow's paragraphs (shadow.c): one at a time hyphenates. */
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static dict *
dict_for(const char *lang)
{
	char l[16];
	snprintf(l, sizeof l, "%s", lang);
	for (char *p = l; *p; p++)
		*p = (char)(*p == '-' ? '_' : g_ascii_tolower(*p));
	char *us = strchr(l, '_');
	if (us)
		*us = 0;   /* "ru_RU" -> "ru" */
	for (int i = 0; i < ndicts; i++)
		if (!strcmp(dicts[i].lang, l))
			return &dicts[i];
	if (ndicts == (int)(sizeof dicts / sizeof *dicts))
		return NULL;
	dict *d = &dicts[ndicts++];
	memset(d, 0, sizeof *d);
	snprintf(d->lang, sizeof d->lang, "%s", l);
	static const struct { const char *lang, *file; } files[] = {
		{"ru", "hyph_ru_RU.dic"}, {"en", "hyph_en_US.dic"},
	};
	/* tests give dictionaries of their own (tests/e2e/hyphen-files.sh) */
	const char *dir = getenv("FOLIO_TEST_HYPHEN_DIR");
	if (!dir || !*dir)
		dir = HYPHEN_DIR;
	char path[512] = "";
	for (size_t i = 0; i < sizeof files / sizeof *files; i++)
		if (!strcmp(files[i].lang, l))
			snprintf(path, sizeof path, "%s/%s", dir, files[i].file);
	/* the language comes from the document: only letters make a file
	 * name ("../x" names no dictionary, not a path) */
	bool letters = l[0] != 0;
	for (const char *p = l; *p; p++)
		letters = letters && *p >= 'a' && *p <= 'z';
	if (!path[0] && letters)
		snprintf(path, sizeof path, "%s/hyph_%s.dic", dir, l);
	d->conv = (GIConv)-1;
	bool unsupported = false;
	if (path[0])
		d->pt = folio_patterns_load(path, d->charset, sizeof d->charset, &unsupported);
	if (unsupported)
		d->hd = hnj_load(path);
	if ((d->pt || d->hd) && g_ascii_strcasecmp(d->charset, "UTF-8"))
		d->conv = g_iconv_open(d->charset, "UTF-8");
	d->cache = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
	return d;
}

void
folio_hyphen_preload(const char *lang)
{
	pthread_mutex_lock(&lock);
	dict_for(lang);
	pthread_mutex_unlock(&lock);
}

void
folio_layout_cleanup(void)
{
	for (int i = 0; i < ndicts; i++) {
		folio_patterns_free(dicts[i].pt);
		if (dicts[i].hd)
			hnj.free(dicts[i].hd);
		if (dicts[i].conv != (GIConv)-1)
			g_iconv_close(dicts[i].conv);
		if (dicts[i].cache)
			g_hash_table_destroy(dicts[i].cache);
	}
	ndicts = 0;
	fonts_release();
}

static char *hyphenate_locked(dict *d, const char *text, size_t len, int push,
                              int remain);

/* The word (UTF-8, letters only) with soft hyphens, newly allocated. */
static char *
hyphenate_new(dict *d, const char *w, size_t len, int push, int remain);

/* Hyphenates one word (UTF-8, letters only) into out. */
static void
hyphenate_word(dict *d, const char *w, size_t len, int push, int remain,
               GString *out)
{
	/* the key: push and remain (small numbers), then the word; words
	 * longer than the buffer (never hyphenated: over 60 letters) skip the
	 * cache */
	char key[256];
	if (len + 3 > sizeof key) {
		char *h = hyphenate_new(d, w, len, push, remain);
		g_string_append(out, h);
		g_free(h);
		return;
	}
	key[0] = (char)(1 + (push & 63));
	key[1] = (char)(1 + (remain & 63));
	memcpy(key + 2, w, len);
	key[len + 2] = 0;
	const char *hit = g_hash_table_lookup(d->cache, key);
	if (hit) {
		g_string_append(out, hit);
		return;
	}
	char *h = hyphenate_new(d, w, len, push, remain);
	g_string_append(out, h);
	if (g_hash_table_size(d->cache) >= CACHE_MAX)
		g_hash_table_remove_all(d->cache);
	g_hash_table_insert(d->cache, g_strdup(key), h);
}

/* The letter at *p and the length of its UTF-8 sequence (0: not a
 * letter).  ASCII and the Russian alphabet are decided here, the rest by
 * GLib's tables: most text is the former, and this runs on every
 * character of the document. */
static int
letter_len(const char *p, const char *end)
{
	unsigned char c = (unsigned char)*p;
	if (c < 0x80)
		return g_ascii_isalpha(c) ? 1 : 0;
	if ((c == 0xd0 || c == 0xd1) && p + 1 < end) {
		/* U+0400..U+047F: А..я (U+0410..U+044F) and Ё, ё are letters */
		unsigned cp = ((c & 0x1fu) << 6) | ((unsigned char)p[1] & 0x3fu);
		if ((cp >= 0x410 && cp <= 0x44f) || cp == 0x401 || cp == 0x451)
			return 2;
	}
	const char *next = g_utf8_next_char(p);
	return g_unichar_isalpha(g_utf8_get_char(p)) ? (int)(next - p) : 0;
}

static char *
hyphenate_new(dict *d, const char *w, size_t len, int push, int remain)
{
	GString *out = g_string_sized_new(len + len / 2);
	glong nchars = g_utf8_strlen(w, (gssize)len);
	/* words with a capital are left whole: abbreviations (ОГБПОУ) and
	 * proper names (surnames are not split in official documents) */
	bool capital = g_unichar_isupper(g_utf8_get_char(w));
	if (nchars < push + remain || capital || nchars > 60) {
		g_string_append_len(out, w, (gssize)len);
		return g_string_free(out, FALSE);
	}
	char *lower = g_utf8_strdown(w, (gssize)len);
	char *enc = d->conv == (GIConv)-1
	          ? g_strdup(lower)
	          : g_convert_with_iconv(lower, -1, d->conv, NULL, NULL, NULL);
	g_free(lower);
	/* single-byte encodings only: one byte per letter */
	if (!enc || (long)strlen(enc) != nchars) {
		g_free(enc);
		g_string_append_len(out, w, (gssize)len);
		return g_string_free(out, FALSE);
	}
	int n = (int)strlen(enc);
	char *hyph = g_malloc0((size_t)n + 5);
	char **rep = NULL;
	int *pos = NULL, *cut = NULL;
	int rc = 0;
	if (d->pt)
		folio_patterns_hyphenate(d->pt, enc, n, hyph, push, remain);
	else
		rc = hnj.hyphenate3(d->hd, enc, n, hyph, NULL, &rep, &pos, &cut,
		                    push, remain, 2, 2);
	const char *p = w;
	for (int i = 0; i < n && p < w + len; i++) {
		const char *next = g_utf8_next_char(p);
		g_string_append_len(out, p, next - p);
		if (rc == 0 && (hyph[i] & 1) && i < n - 1 && !(rep && rep[i]))
			g_string_append(out, "\xc2\xad");
		p = next;
	}
	if (rep) {
		for (int i = 0; i < n; i++)
			free(rep[i]);
		free(rep);
	}
	free(pos);
	free(cut);
	g_free(hyph);
	g_free(enc);
	return g_string_free(out, FALSE);
}

char *
hyphenate_text(const char *lang, const char *text, size_t len, int push, int remain)
{
	if (!lang || !*lang || !strcmp(lang, "none"))
		return NULL;
	pthread_mutex_lock(&lock);
	char *r = hyphenate_locked(dict_for(lang), text, len, push, remain);
	pthread_mutex_unlock(&lock);
	return r;
}

static char *
hyphenate_locked(dict *d, const char *text, size_t len, int push, int remain)
{
	if (!d || (!d->pt && !d->hd) || !g_utf8_validate(text, (gssize)len, NULL))
		return NULL;
	GString *out = g_string_sized_new(len + len / 4);
	const char *p = text, *end = text + len;
	while (p < end) {
		const char *q = p;
		int n;
		while (q < end && (n = letter_len(q, end)) > 0)
			q += n;
		if (q > p) {
			hyphenate_word(d, p, (size_t)(q - p), push, remain, out);
			p = q;
		} else {
			/* up to the next letter, copied in one piece */
			q = g_utf8_next_char(p);
			while (q < end && !letter_len(q, end))
				q = g_utf8_next_char(q);
			g_string_append_len(out, p, q - p);
			p = q;
		}
	}
	return g_string_free(out, FALSE);
}
