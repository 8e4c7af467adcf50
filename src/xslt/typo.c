/*
 * typo.c -- folio:nbsp(string): NO-BREAK SPACEs where a line must not
 * break in the author's text, the rules of stylesheets/document.xsl
 * (template document-typo-xslt) in C.
 *
 * The stylesheet runs its template on every piece of the author's text;
 * in libxslt's interpreter that was some 200-300 M instructions of a
 * 100-page document, here it is one pass over the bytes.  document.xsl
 * calls folio:nbsp when function-available() says it is there and keeps
 * the template for other processors (xsltproc); tests/e2e/document-typo-c.sh
 * checks on thousands of random strings that both give the same bytes.
 *
 * A rule looks at the two words either side of a space (words are split at
 * U+0020 only, as str:tokenize($s, ' ') splits them) and counts characters,
 * not bytes, as XPath's string-length() and substring() do.  What this file
 * deliberately does not do: collapse whitespace (callers pass
 * normalize-space(); a space next to another space or at an end is kept as
 * it is), or know any language but the Russian words of the rules.
 */
#include "typo.h"

#include <glib.h>
#include <libxml/xpathInternals.h>
#include <libxslt/extensions.h>
#include <string.h>

#include "xslt.h"

/* One word of the string: bytes, not NUL-terminated. */
typedef struct word {
	const char *p;  /* borrowed, into the string */
	size_t n;       /* bytes */
} word;

#define NBSP "\xc2\xa0"

/* $document-capitals of document.xsl: no Ъ, Ы, Ь (no word starts with
 * them, so no initial is one). */
static const char capitals[] =
	"АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЭЮЯABCDEFGHIJKLMNOPQRSTUVWXYZ";

/* $document-months: the genitive, as in "6 марта". */
static const char *const months[] = {
	"января", "февраля", "марта", "апреля", "мая", "июня",
	"июля", "августа", "сентября", "октября", "ноября", "декабря",
};

/* The longest word a rule compares after dropping punctuation (a month,
 * or initials "А.Б."), in bytes; longer words need no copy. */
#define SHORT_WORD 32

static bool
same(word w, const char *lit)
{
	size_t n = strlen(lit);
	return w.n == n && !memcmp(w.p, lit, n);
}

static bool
starts(word w, const char *lit)
{
	size_t n = strlen(lit);
	return w.n >= n && !memcmp(w.p, lit, n);
}

static bool
in_set(gunichar c, const char *set)
{
	return g_utf8_strchr(set, -1, c) != NULL;
}

static bool
capital(gunichar c)
{
	return in_set(c, capitals);
}

/* The first and the last character (w not empty). */
static gunichar
first_char(word w)
{
	return g_utf8_get_char(w.p);
}

static gunichar
last_char(word w)
{
	return g_utf8_get_char(g_utf8_prev_char(w.p + w.n));
}

/* Only ASCII digits, at least one: translate($a, $digits, '') = ''. */
static bool
number(word w)
{
	if (!w.n)
		return false;
	for (size_t i = 0; i < w.n; i++)
		if (!g_ascii_isdigit(w.p[i]))
			return false;
	return true;
}

/* Starts with four digits (a year). */
static bool
year_first(word w)
{
	if (w.n < 4)
		return false;
	for (size_t i = 0; i < 4; i++)
		if (!g_ascii_isdigit(w.p[i]))
			return false;
	return true;
}

/* w without the characters of set (translate($b, set, '')) into buf;
 * false when that is longer than SHORT_WORD bytes. */
static bool
strip(word w, const char *set, char buf[SHORT_WORD], word *out)
{
	size_t n = 0;
	for (const char *q = w.p; q < w.p + w.n; q = g_utf8_next_char(q)) {
		if (in_set(g_utf8_get_char(q), set))
			continue;
		size_t k = (size_t)(g_utf8_next_char(q) - q);
		if (n + k > SHORT_WORD)
			return false;
		memcpy(buf + n, q, k);
		n += k;
	}
	*out = (word){buf, n};
	return true;
}

static bool
month(word w)
{
	for (size_t i = 0; i < G_N_ELEMENTS(months); i++)
		if (same(w, months[i]))
			return true;
	return false;
}

/* "А." or "А.Б.": capital letters, each followed by a period. */
static bool
initials(word w)
{
	gunichar c[4];
	int k = 0;
	for (const char *q = w.p; q < w.p + w.n; q = g_utf8_next_char(q)) {
		if (k == 4)
			return false;
		c[k++] = g_utf8_get_char(q);
	}
	if (k != 2 && k != 4)
		return false;
	return capital(c[0]) && c[1] == '.' &&
	       (k == 2 || (capital(c[2]) && c[3] == '.'));
}

/* Every rule below needs one of these (the stylesheet's own shortcut, and
 * most pairs of words fail it): a period in either word, a first word
 * ending in №, a digit starting either word, a dash starting the second. */
static bool
candidate(word a, word b)
{
	return g_ascii_isdigit(a.p[0]) || g_ascii_isdigit(b.p[0]) ||
	       b.p[0] == '-' || starts(b, "–") || starts(b, "—") ||
	       memchr(a.p, '.', a.n) || memchr(b.p, '.', b.n) ||
	       (a.n >= 3 && !memcmp(a.p + a.n - 3, "№", 3));
}

/* Does the space between words a and b (neither empty, valid UTF-8) have
 * to be a NO-BREAK SPACE?  The rules in document-sep's order. */
static bool
no_break(word a, word b)
{
	char buf[SHORT_WORD];
	word t;
	/* № 5 */
	if (last_char(a) == 0x2116)
		return true;
	/* before a dash */
	if (starts(b, "–") || starts(b, "—") || same(b, "-"))
		return true;
	bool num = number(a);
	/* 6 марта */
	if (num && a.n <= 2 && strip(b, ",;:.)»", buf, &t) && month(t))
		return true;
	/* марта 2013 */
	if (month(a) && year_first(b))
		return true;
	/* 2013 г. / 2013 года */
	if (num && a.n == 4 && (starts(b, "г.") || starts(b, "год")))
		return true;
	/* 2 кв. 2014 */
	if (num && starts(b, "кв."))
		return true;
	if (same(a, "кв.") && year_first(b))
		return true;
	/* 20 % */
	if (num && starts(b, "%"))
		return true;
	/* Е.В. Жарких */
	if (initials(a) && capital(first_char(b)))
		return true;
	/* Жарких Е.В. (the cheap tests first: most pairs end here) */
	return g_utf8_strlen(a.p, (gssize)a.n) > 1 && capital(first_char(a)) &&
	       !in_set(last_char(a), ".,;:)") && memchr(b.p, '.', b.n) &&
	       strip(b, ",;:)»", buf, &t) && initials(t);
}

char *
folio_typo_nbsp(const char *s)
{
	size_t n = strlen(s);
	size_t spaces = 0;
	for (size_t i = 0; i < n; i++)
		spaces += s[i] == ' ';
	/* each space may become two bytes */
	char *out = folio_malloc(n + spaces + 1);
	char *o = out;
	const char *p = s, *end = s + n;
	const char *sp;
	while ((sp = memchr(p, ' ', (size_t)(end - p)))) {
		word a = {p, (size_t)(sp - p)};
		const char *next = memchr(sp + 1, ' ', (size_t)(end - sp - 1));
		word b = {sp + 1, (size_t)((next ? next : end) - sp - 1)};
		memcpy(o, a.p, a.n);
		o += a.n;
		/* the rules step through characters: only valid UTF-8 gets
		 * them (what libxml2 hands a stylesheet always is) */
		if (a.n && b.n && candidate(a, b) &&
		    g_utf8_validate(a.p, (gssize)a.n, NULL) &&
		    g_utf8_validate(b.p, (gssize)b.n, NULL) && no_break(a, b)) {
			memcpy(o, NBSP, 2);
			o += 2;
		} else {
			*o++ = ' ';
		}
		p = sp + 1;
	}
	memcpy(o, p, (size_t)(end - p));
	o += end - p;
	*o = 0;
	return out;
}

/* folio:nbsp(string) -> string */
static void
fn_nbsp(xmlXPathParserContextPtr ctxt, int nargs)
{
	if (nargs != 1) {
		xmlXPathSetArityError(ctxt);
		return;
	}
	xmlChar *s = xmlXPathPopString(ctxt);
	if (!s) {
		if (ctxt->error == XPATH_EXPRESSION_OK)
			xmlXPathSetError(ctxt, XPATH_MEMORY_ERROR);
		return;
	}
	char *r = folio_typo_nbsp((const char *)s);
	xmlFree(s);
	valuePush(ctxt, xmlXPathNewString(BAD_CAST r));
	free(r);
}

void
folio_typo_register(void)
{
	xsltRegisterExtModuleFunction(BAD_CAST "nbsp", BAD_CAST FOLIO_FO_EXT_NS,
	                              fn_nbsp);
}
