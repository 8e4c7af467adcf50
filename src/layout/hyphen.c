/*
 * hyphen.c -- hyphenation with libhyphen and Debian's TeX-derived pattern
 * dictionaries (hyphen-ru, hyphen-en-us).  A word gets soft hyphens
 * (U+00AD) at the allowed points; pango breaks lines there and draws the
 * hyphen.  hyphenation-push-character-count and
 * hyphenation-remain-character-count are libhyphen's left and right
 * minimums.
 *
 * Dictionaries are loaded once per process and kept (a batch reuses them);
 * folio_layout_cleanup() releases them.  Words that start with a capital
 * (abbreviations such as ОГБПОУ, proper names -- surnames are not split in
 * official documents) and words with letters the dictionary's charset
 * cannot encode are left whole.
 */
#include "internal.h"

#include <hyphen.h>
#include <stdio.h>
#include <string.h>

#define HYPHEN_DIR "/usr/share/hyphen"

typedef struct dict {
	char lang[16];
	HyphenDict *hd;        /* NULL: no dictionary for this language */
	char charset[32];      /* the dictionary's first line */
} dict;

static dict dicts[16];
static int ndicts;

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
	char path[256] = "";
	for (size_t i = 0; i < sizeof files / sizeof *files; i++)
		if (!strcmp(files[i].lang, l))
			snprintf(path, sizeof path, "%s/%s", HYPHEN_DIR, files[i].file);
	if (!path[0])
		snprintf(path, sizeof path, "%s/hyph_%s.dic", HYPHEN_DIR, l);
	FILE *f = fopen(path, "r");
	if (!f)
		return d;
	if (fgets(d->charset, sizeof d->charset, f))
		d->charset[strcspn(d->charset, "\r\n ")] = 0;
	fclose(f);
	d->hd = hnj_hyphen_load(path);
	return d;
}

void
folio_layout_cleanup(void)
{
	for (int i = 0; i < ndicts; i++)
		if (dicts[i].hd)
			hnj_hyphen_free(dicts[i].hd);
	ndicts = 0;
}

/* Hyphenates one word (UTF-8, letters only) into out. */
static void
hyphenate_word(dict *d, const char *w, size_t len, int push, int remain,
               GString *out)
{
	glong nchars = g_utf8_strlen(w, (gssize)len);
	/* words with a capital are left whole: abbreviations (ОГБПОУ) and
	 * proper names (surnames are not split in official documents) */
	bool capital = g_unichar_isupper(g_utf8_get_char(w));
	if (nchars < push + remain || capital || nchars > 60) {
		g_string_append_len(out, w, (gssize)len);
		return;
	}
	char *lower = g_utf8_strdown(w, (gssize)len);
	bool utf8 = !g_ascii_strcasecmp(d->charset, "UTF-8");
	char *enc = utf8 ? g_strdup(lower)
	                 : g_convert(lower, -1, d->charset, "UTF-8", NULL, NULL, NULL);
	g_free(lower);
	/* single-byte encodings only: one byte per letter */
	if (!enc || (long)strlen(enc) != nchars) {
		g_free(enc);
		g_string_append_len(out, w, (gssize)len);
		return;
	}
	int n = (int)strlen(enc);
	char *hyph = g_malloc0((size_t)n + 5);
	char **rep = NULL;
	int *pos = NULL, *cut = NULL;
	int rc = hnj_hyphen_hyphenate3(d->hd, enc, n, hyph, NULL, &rep, &pos, &cut,
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
}

char *
hyphenate_text(const char *lang, const char *text, size_t len, int push, int remain)
{
	dict *d = lang && *lang && strcmp(lang, "none") ? dict_for(lang) : NULL;
	if (!d || !d->hd || !g_utf8_validate(text, (gssize)len, NULL))
		return NULL;
	GString *out = g_string_sized_new(len + len / 4);
	const char *p = text, *end = text + len;
	while (p < end) {
		const char *q = p;
		while (q < end && g_unichar_isalpha(g_utf8_get_char(q)))
			q = g_utf8_next_char(q);
		if (q > p) {
			hyphenate_word(d, p, (size_t)(q - p), push, remain, out);
			p = q;
		} else {
			const char *next = g_utf8_next_char(p);
			g_string_append_len(out, p, next - p);
			p = next;
		}
	}
	return g_string_free(out, FALSE);
}
