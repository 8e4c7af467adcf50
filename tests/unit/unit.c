/*
 * unit.c -- folio's unit tests: one function per behaviour, each printing
 * "PASS name" or "FAIL name: reason" (tests/run.sh counts them).
 * Covers lengths and units, value parsing, property inheritance and
 * initial values, shorthand expansion, and the FO tree builder's warnings.
 */
#include <libxml/parser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib.h>
#include <hyphen.h>
#include <libdeflate.h>
#include <zlib.h>

#include "../../src/base/base.h"
#include "../../src/fo/fo.h"
#include "../../src/layout/internal.h"
#include "../../src/pipeline.h"
#include "../../src/post/post.h"
#include "../../src/post/qpdfx.h"
#include "../../src/xslt/typo.h"

static int failures;
static const char *current;
static bool current_failed;

#define CHECK(cond, ...)                                                  \
	do {                                                                  \
		if (!(cond) && !current_failed) {                                 \
			current_failed = true;                                        \
			printf("FAIL %s: ", current);                                 \
			printf(__VA_ARGS__);                                          \
			printf(" (line %d)\n", __LINE__);                             \
		}                                                                 \
	} while (0)

static void
run(const char *name, void (*fn)(void))
{
	current = name;
	current_failed = false;
	fn();
	if (current_failed)
		failures++;
	else
		printf("PASS %s\n", name);
}

static folio_len
len(const char *s)
{
	folio_len l = -12345;
	if (!folio_length_parse(s, FOLIO_PT(10), &l))
		return -99999;
	return l;
}

static void
test_units(void)
{
	CHECK(len("12pt") == FOLIO_PT(12), "12pt");
	CHECK(len("1in") == FOLIO_PT(72), "1in = 72pt");
	CHECK(len("2.54cm") == FOLIO_PT(72), "2.54cm = 72pt, got %d", len("2.54cm"));
	CHECK(len("25.4mm") == FOLIO_PT(72), "25.4mm = 72pt");
	CHECK(len("1pc") == FOLIO_PT(12), "1pc = 12pt");
	CHECK(len("1.5em") == FOLIO_PT(15), "em is relative to the font size");
	CHECK(len(" 3pt ") == FOLIO_PT(3), "blanks around are allowed");
	CHECK(len("-5mm") < 0, "negative lengths parse");
	CHECK(len("0") == 0, "a bare zero is a length");
}

static void
test_bad_lengths(void)
{
	CHECK(len("12") == -99999, "a number without unit is not a length");
	CHECK(len("12furlongs") == -99999, "unknown unit");
	CHECK(len("pt") == -99999, "unit without number");
	CHECK(len("") == -99999, "empty");
	CHECK(len("0x10pt") == -99999, "hex is not a number");
}

static void
test_absurd_lengths_clamp(void)
{
	folio_len l = len("1e308pt");
	CHECK(l == FOLIO_LEN_MAX, "1e308pt clamps to the maximum, got %d", l);
	l = len("-1e308pt");
	CHECK(l == -FOLIO_LEN_MAX, "-1e308pt clamps to the minimum");
}

static void
test_expressions(void)
{
	folio_arena *a = folio_arena_new();
	folio_value v;
	CHECK(folio_value_parse(a, FOLIO_PROP_PAGE_HEIGHT, "4.5 * 14.4pt", FOLIO_PT(12), &v) &&
	      v.kind == FOLIO_V_LEN && v.len == FOLIO_PT(64.8), "4.5 * 14.4pt");
	CHECK(folio_value_parse(a, FOLIO_PROP_SPACE_BEFORE, "(10pt + 2pt) div 2", FOLIO_PT(12), &v) &&
	      v.kind == FOLIO_V_LEN && v.len == FOLIO_PT(6), "(10pt + 2pt) div 2");
	CHECK(folio_value_parse(a, FOLIO_PROP_SPACE_BEFORE, "2em - 4pt", FOLIO_PT(10), &v) &&
	      v.kind == FOLIO_V_LEN && v.len == FOLIO_PT(16), "2em - 4pt");
	CHECK(folio_value_parse(a, FOLIO_PROP_SPACE_BEFORE, "max(3pt, 5pt)", FOLIO_PT(10), &v) &&
	      v.len == FOLIO_PT(5), "max()");
	CHECK(!folio_value_parse(a, FOLIO_PROP_SPACE_BEFORE, "3pt * 2pt", FOLIO_PT(10), &v),
	      "a length times a length is not a length");
	CHECK(!folio_value_parse(a, FOLIO_PROP_SPACE_BEFORE, "3pt div 0", FOLIO_PT(10), &v),
	      "division by zero is refused");
	CHECK(!folio_value_parse(a, FOLIO_PROP_SPACE_BEFORE, "((((3pt", FOLIO_PT(10), &v),
	      "unbalanced parentheses");
	folio_arena_free(a);
}

/* Tests may lower a limit through the environment, never raise it. */
static void
test_limit_lowered_only(void)
{
	const char *n = "FOLIO_UNIT_LIMIT";
	unsetenv(n);
	CHECK(folio_limit(n, 100) == 100, "unset: the limit");
	setenv(n, "7", 1);
	CHECK(folio_limit(n, 100) == 7, "lowered to 7");
	setenv(n, "1000", 1);
	CHECK(folio_limit(n, 100) == 100, "never raised");
	setenv(n, "0", 1);
	CHECK(folio_limit(n, 100) == 100, "0 is ignored");
	setenv(n, "-5", 1);
	CHECK(folio_limit(n, 100) == 100, "negative is ignored");
	setenv(n, "5x", 1);
	CHECK(folio_limit(n, 100) == 100, "not a number is ignored");
	unsetenv(n);
}

static void
test_len_format(void)
{
	char b[32];
	CHECK(!strcmp(folio_len_format(FOLIO_PT(12), b), "12"), "12 -> %s", b);
	CHECK(!strcmp(folio_len_format(FOLIO_PT(12.5), b), "12.5"), "12.5 -> %s", b);
	CHECK(!strcmp(folio_len_format(FOLIO_PT(-3.25), b), "-3.25"), "-3.25 -> %s", b);
	CHECK(!strcmp(folio_len_format(1, b), "0"), "tiny -> %s", b);
}

static void
test_values(void)
{
	folio_arena *a = folio_arena_new();
	folio_value v;
	CHECK(folio_value_parse(a, FOLIO_PROP_COLOR, "#f00", FOLIO_PT(12), &v) &&
	      v.color == 0xffff0000u, "#f00");
	CHECK(folio_value_parse(a, FOLIO_PROP_COLOR, "rgb(0,128,255)", FOLIO_PT(12), &v) &&
	      v.color == 0xff0080ffu, "rgb()");
	CHECK(folio_value_parse(a, FOLIO_PROP_COLOR, "navy", FOLIO_PT(12), &v) &&
	      v.color == 0xff000080u, "named colour");
	CHECK(!folio_value_parse(a, FOLIO_PROP_COLOR, "#12345", FOLIO_PT(12), &v),
	      "five hex digits are not a colour");
	CHECK(folio_value_parse(a, FOLIO_PROP_START_INDENT, "50%", FOLIO_PT(12), &v) &&
	      v.kind == FOLIO_V_PCT && v.num == 50, "percent stays a percentage");
	CHECK(folio_value_parse(a, FOLIO_PROP_LINE_HEIGHT, "150%", FOLIO_PT(10), &v) &&
	      v.kind == FOLIO_V_LEN && v.len == FOLIO_PT(15),
	      "line-height percent is of the font size");
	CHECK(folio_value_parse(a, FOLIO_PROP_LINE_HEIGHT, "1.5", FOLIO_PT(10), &v) &&
	      v.kind == FOLIO_V_NUM && v.num == 1.5, "line-height number stays a number");
	CHECK(folio_value_parse(a, FOLIO_PROP_COLUMN_WIDTH,
	                        "proportional-column-width(3)", FOLIO_PT(12), &v) &&
	      v.kind == FOLIO_V_FUNC && v.num == 3 &&
	      !strcmp(v.str, "proportional-column-width"), "function value");
	CHECK(folio_value_parse(a, FOLIO_PROP_COLUMN_WIDTH,
	                        "proportional-column-width(25%)", FOLIO_PT(12), &v) &&
	      v.kind == FOLIO_V_FUNC && v.num == 25,
	      "a percentage in proportional-column-width() is its proportion (FOP)");
	CHECK(folio_value_parse(a, FOLIO_PROP_BORDER_BEFORE_WIDTH, "thin", FOLIO_PT(12), &v) &&
	      v.kind == FOLIO_V_LEN && v.len == FOLIO_PT(0.5), "thin border");
	CHECK(!folio_value_parse(a, FOLIO_PROP_SPACE_BEFORE, "12", FOLIO_PT(12), &v),
	      "a length property rejects a bare number");
	folio_arena_free(a);
}

static folio_fo_doc *
build(const char *fo, folio_diags *d)
{
	xmlDocPtr x = xmlReadMemory(fo, (int)strlen(fo), "t.fo", NULL, XML_PARSE_NONET);
	if (!x)
		return NULL;
	folio_fo_doc *doc = folio_fo_build(d, x, "t.fo", NULL);
	xmlFreeDoc(x);
	return doc;
}

#define FO_HEAD "<fo:root xmlns:fo='http://www.w3.org/1999/XSL/Format'>"

static folio_fo *
find(folio_fo *n, folio_fo_kind k, int nth)
{
	/* pre-order search for the nth node of kind k */
	for (; n; n = folio_fo_walk_next(n))
		if (n->kind == k && nth-- == 0)
			return n;
	return NULL;
}

static void
test_inheritance(void)
{
	folio_diags d = {0};
	folio_fo_doc *doc = build(FO_HEAD "<fo:block font-size='20pt' color='red' "
	    "space-before='5pt'><fo:block><fo:inline font-size='50%'>x</fo:inline>"
	    "</fo:block></fo:block></fo:root>", &d);
	CHECK(doc, "build");
	if (!doc)
		return;
	folio_fo *outer = find(doc->root, FOLIO_FO_BLOCK, 0);
	folio_fo *inner = find(doc->root, FOLIO_FO_BLOCK, 1);
	folio_fo *in = find(doc->root, FOLIO_FO_INLINE, 0);
	CHECK(inner->font_size == FOLIO_PT(20), "font-size inherits");
	CHECK(in->font_size == FOLIO_PT(10), "percent font-size of the parent");
	CHECK(folio_fo_color(inner, FOLIO_PROP_COLOR) == 0xffff0000u, "color inherits");
	CHECK(folio_fo_len(outer, FOLIO_PROP_SPACE_BEFORE, 0, -1) == FOLIO_PT(5),
	      "space-before on the outer block");
	CHECK(folio_fo_len(inner, FOLIO_PROP_SPACE_BEFORE, 0, -1) == 0,
	      "space-before does not inherit");
	CHECK(folio_fo_is(inner, FOLIO_PROP_TEXT_ALIGN, "start"), "initial text-align");
	CHECK(folio_fo_num(inner, FOLIO_PROP_WIDOWS, 0) == 2, "initial widows 2");
	CHECK(d.warnings == 0, "no warnings, got %zu", d.warnings);
	folio_fo_doc_free(doc);
	folio_diags_clear(&d);
}

static void
test_inherit_keyword_and_em(void)
{
	folio_diags d = {0};
	folio_fo_doc *doc = build(FO_HEAD "<fo:block font-size='10pt' "
	    "start-indent='3pt'><fo:block font-size='2em' space-after='1em' "
	    "margin-left='inherit'/></fo:block></fo:root>", &d);
	CHECK(doc, "build");
	if (!doc)
		return;
	folio_fo *inner = find(doc->root, FOLIO_FO_BLOCK, 1);
	CHECK(inner->font_size == FOLIO_PT(20), "2em font-size is of the parent's size");
	CHECK(folio_fo_len(inner, FOLIO_PROP_SPACE_AFTER, 0, -1) == FOLIO_PT(20),
	      "1em of the element's own font size, got %d",
	      folio_fo_len(inner, FOLIO_PROP_SPACE_AFTER, 0, -1));
	CHECK(folio_fo_len(inner, FOLIO_PROP_START_INDENT, 0, -1) == FOLIO_PT(3),
	      "start-indent inherits");
	folio_fo_doc_free(doc);
	folio_diags_clear(&d);
}

static void
test_property_functions(void)
{
	folio_diags d = {0};
	folio_fo_doc *doc = build(FO_HEAD "<fo:block font-size='20pt' space-before='3pt'>"
	    "<fo:block font-size='from-parent(font-size) * 0.5' "
	    "space-before='inherited-property-value(space-before) + 2pt' "
	    "space-after='from-parent()'/></fo:block></fo:root>", &d);
	CHECK(doc, "build");
	if (!doc)
		return;
	folio_fo *inner = find(doc->root, FOLIO_FO_BLOCK, 1);
	CHECK(inner->font_size == FOLIO_PT(10), "from-parent(font-size) * 0.5, got %d",
	      inner->font_size);
	CHECK(folio_fo_len(inner, FOLIO_PROP_SPACE_BEFORE, 0, -1) == FOLIO_PT(5),
	      "inherited-property-value(space-before) + 2pt");
	CHECK(folio_fo_len(inner, FOLIO_PROP_SPACE_AFTER, 0, -1) == 0,
	      "from-parent() of a property the parent does not set is its initial value");
	CHECK(d.warnings == 0, "no warnings, got %zu", d.warnings);
	folio_fo_doc_free(doc);
	folio_diags_clear(&d);
}

static void
test_shorthands(void)
{
	folio_diags d = {0};
	folio_fo_doc *doc = build(FO_HEAD "<fo:block padding='1pt 2pt 3pt' "
	    "border='0.5pt dashed #00ff00' margin='4pt 5pt' "
	    "keep-together='always' space-before.optimum='7pt' "
	    "space-after.minimum='2pt' padding-left='9pt'/></fo:root>", &d);
	CHECK(doc, "build");
	if (!doc)
		return;
	folio_fo *b = find(doc->root, FOLIO_FO_BLOCK, 0);
	CHECK(folio_fo_len(b, FOLIO_PROP_PADDING_BEFORE, 0, -1) == FOLIO_PT(1), "padding top");
	CHECK(folio_fo_len(b, FOLIO_PROP_PADDING_END, 0, -1) == FOLIO_PT(2), "padding right");
	CHECK(folio_fo_len(b, FOLIO_PROP_PADDING_AFTER, 0, -1) == FOLIO_PT(3), "padding bottom");
	CHECK(folio_fo_len(b, FOLIO_PROP_PADDING_START, 0, -1) == FOLIO_PT(9),
	      "padding-left overrides the shorthand's left");
	CHECK(folio_fo_len(b, FOLIO_PROP_BORDER_START_WIDTH, 0, -1) == FOLIO_PT(0.5),
	      "border width");
	CHECK(folio_fo_is(b, FOLIO_PROP_BORDER_AFTER_STYLE, "dashed"), "border style");
	CHECK(folio_fo_color(b, FOLIO_PROP_BORDER_END_COLOR) == 0xff00ff00u, "border colour");
	CHECK(folio_fo_len(b, FOLIO_PROP_MARGIN_LEFT, 0, -1) == FOLIO_PT(5), "margin left");
	CHECK(folio_fo_len(b, FOLIO_PROP_MARGIN_BOTTOM, 0, -1) == FOLIO_PT(4), "margin bottom");
	CHECK(folio_fo_keep(b, FOLIO_PROP_KEEP_TOGETHER_WITHIN_PAGE) > 1000,
	      "keep-together sets within-page");
	CHECK(folio_fo_len(b, FOLIO_PROP_SPACE_BEFORE, 0, -1) == FOLIO_PT(7), ".optimum");
	CHECK(folio_fo_len(b, FOLIO_PROP_SPACE_AFTER, 0, -1) == FOLIO_PT(2),
	      ".minimum when nothing stronger is given");
	folio_fo_doc_free(doc);
	folio_diags_clear(&d);
}

static void
test_unknown_warns_with_line(void)
{
	folio_diags d = {0};
	folio_fo_doc *doc = build(FO_HEAD "\n<fo:block\n bogus-prop='1'>\n"
	    "<fo:nonsense/><fo:block z-index='2'/></fo:block></fo:root>", &d);
	CHECK(doc, "build");
	if (!doc)
		return;
	int seen_prop = 0, seen_elem = 0, seen_unsup = 0;
	for (size_t i = 0; i < d.n; i++) {
		/* libxml2 numbers an element by the line its start tag ends on */
		if (strstr(d.items[i].message, "bogus-prop") && d.items[i].line == 3)
			seen_prop++;
		if (strstr(d.items[i].message, "fo:nonsense") && d.items[i].line == 4)
			seen_elem++;
		if (strstr(d.items[i].message, "z-index") &&
		    d.items[i].severity == FOLIO_WARNING)
			seen_unsup++;
	}
	CHECK(seen_prop == 1, "unknown property warned at its line");
	CHECK(seen_elem == 1, "unknown element warned at its line");
	CHECK(seen_unsup == 1, "unsupported property warned");
	CHECK(find(doc->root, FOLIO_FO_BLOCK, 1) != NULL, "the rest is still built");
	folio_fo_doc_free(doc);
	folio_diags_clear(&d);
}

static void
test_not_fo(void)
{
	folio_diags d = {0};
	folio_fo_doc *doc = build("<html/>", &d);
	CHECK(!doc, "a non-FO root is refused");
	CHECK(d.errors == 1, "with one error");
	folio_diags_clear(&d);
}

static void
test_deep_nesting_refused(void)
{
	folio_buf b = {0};
	folio_buf_puts(&b, FO_HEAD);
	for (int i = 0; i < FOLIO_LIMIT_DEPTH + 10; i++)
		folio_buf_puts(&b, "<fo:block>");
	folio_buf_puts(&b, "x");
	for (int i = 0; i < FOLIO_LIMIT_DEPTH + 10; i++)
		folio_buf_puts(&b, "</fo:block>");
	folio_buf_puts(&b, "</fo:root>");
	folio_diags d = {0};
	xmlDocPtr x = xmlReadMemory(b.data, (int)b.len, "deep.fo", NULL,
	                            XML_PARSE_NONET | XML_PARSE_HUGE);
	folio_fo_doc *doc = x ? folio_fo_build(&d, x, "deep.fo", NULL) : NULL;
	CHECK(x != NULL, "parsed");
	CHECK(!doc && d.errors == 1, "nesting beyond the limit is an error");
	folio_fo_doc_free(doc);
	xmlFreeDoc(x);
	folio_buf_clear(&b);
	folio_diags_clear(&d);
}

static void
test_diag_format(void)
{
	folio_diags d = {0};
	folio_diags_add(&d, FOLIO_ERROR, "x", "a.xml", 3, 7, "bad\nthing\n");
	folio_buf b = {0};
	folio_diag_format(&d.items[0], &b);
	CHECK(!strcmp(b.data, "a.xml:3:7: error: bad thing"), "got '%s'", b.data);
	folio_buf_clear(&b);
	folio_diags_clear(&d);
}

/* The same diagnostic several times in a row is kept once with a count;
 * counts, marks and moves between stores keep every occurrence. */
static void
test_diag_repeats(void)
{
	folio_diags d = {0};
	for (int i = 0; i < 5; i++)
		folio_diags_add(&d, FOLIO_WARNING, "overflow", "a.xml", 3, 1, "too wide");
	folio_diags_add(&d, FOLIO_WARNING, "overflow", "a.xml", 4, 1, "too wide");
	folio_diags_add(&d, FOLIO_WARNING, "overflow", "a.xml", 3, 1, "too wide");
	CHECK(d.n == 3 && d.warnings == 7, "three entries for 7 warnings, got %zu, %zu",
	      d.n, d.warnings);
	folio_buf b = {0};
	folio_diag_format(&d.items[0], &b);
	CHECK(!strcmp(b.data, "a.xml:3:1: warning: too wide (5 times)"), "got '%s'", b.data);
	folio_buf_clear(&b);
	folio_diag_format(&d.items[1], &b);
	CHECK(!strcmp(b.data, "a.xml:4:1: warning: too wide"), "once: no count, got '%s'", b.data);
	folio_buf_clear(&b);

	/* a mark restores the count of the entry before it */
	folio_diags_mark m = folio_diags_save(&d);
	folio_diags_add(&d, FOLIO_WARNING, "overflow", "a.xml", 3, 1, "too wide");
	folio_diags_add(&d, FOLIO_ERROR, "x", "a.xml", 9, 1, "later");
	folio_diags_restore(&d, m);
	CHECK(d.n == 3 && d.items[2].repeats == 1 && d.warnings == 7 && d.errors == 0,
	      "restored: n %zu, repeats %zu", d.n, d.items[2].repeats);

	/* moved into a store whose last entry is the same: one entry */
	folio_diags to = {0};
	folio_diags_add(&to, FOLIO_WARNING, "overflow", "a.xml", 3, 1, "too wide");
	folio_diags_move(&to, &d);
	CHECK(to.n == 3 && to.items[0].repeats == 6 && to.warnings == 8,
	      "moved: n %zu, repeats %zu, warnings %zu", to.n, to.items[0].repeats,
	      to.warnings);
	folio_diags_clear(&to);
	folio_diags_clear(&d);
}

/* post stage: the two date forms name the same instant */
static void
test_post_dates(void)
{
	char o[32], b[32];
	CHECK(qx_date_iso_to_pdf("2021-04-09T10:30:00+03:00", o) &&
	      !strcmp(o, "D:20210409103000+03'00'"), "ISO with zone -> PDF, got %s", o);
	CHECK(qx_date_iso_to_pdf("2021-04-09", o) && !strcmp(o, "D:20210409000000Z"),
	      "a date alone is midnight UTC, got %s", o);
	CHECK(qx_date_pdf_to_iso("D:20210409103000+03'00'", b) &&
	      !strcmp(b, "2021-04-09T10:30:00+03:00"), "PDF -> ISO, got %s", b);
	CHECK(qx_date_pdf_to_iso("19700101000000", b) && !strcmp(b, "1970-01-01T00:00:00Z"),
	      "cairo 1.16's date without D: and zone, got %s", b);
	CHECK(qx_date_pdf_to_iso("D:2021", b) && !strcmp(b, "2021-01-01T00:00:00Z"),
	      "a year alone, got %s", b);
	CHECK(!qx_date_iso_to_pdf("2021-13-01", o), "month 13 is not a date");
	CHECK(!qx_date_iso_to_pdf("yesterday", o), "words are not a date");
	CHECK(!qx_date_pdf_to_iso("D:20x1", b), "digits only");
}

static void
test_post_levels(void)
{
	folio_pdfa l;
	CHECK(folio_pdfa_parse("3B", &l) && l == FOLIO_PDFA_3B, "3B");
	CHECK(folio_pdfa_parse("none", &l) && l == FOLIO_PDFA_NONE, "none");
	CHECK(!folio_pdfa_parse("1b", &l), "PDF/A-1 is not offered");
	CHECK(folio_pdfa_part(FOLIO_PDFA_2A) == 2 && folio_pdfa_conformance(FOLIO_PDFA_2A) == 'A',
	      "2a");
	CHECK(folio_pdfa_part(FOLIO_PDFA_NONE) == 0, "none has no part");
	CHECK(FOLIO_PDFA_2B == 0, "zeroed options mean PDF/A-2b");
}

/* folio:nbsp's C side on what the random comparison with the stylesheet
 * (tests/e2e/document-typo-c.sh) does not reach: edges and bad input. */
#define NB "\xc2\xa0"

static bool
nbsp_is(const char *in, const char *want)
{
	char *got = folio_typo_nbsp(in);
	bool ok = !strcmp(got, want);
	free(got);
	return ok;
}

static void
test_typo_nbsp(void)
{
	CHECK(nbsp_is("", ""), "empty string");
	CHECK(nbsp_is(" ", " ") && nbsp_is("     ", "     "), "only spaces are kept");
	CHECK(nbsp_is(" № 5 ", " №" NB "5 "), "edge spaces kept, inner rule applied");
	CHECK(nbsp_is("№  5", "№  5"), "a double space is no pair of words");
	CHECK(nbsp_is("6 марта 2013 г.", "6" NB "марта" NB "2013" NB "г."), "date");
	CHECK(nbsp_is("Е.В. Жарких, Жарких Е.В.", "Е.В." NB "Жарких, Жарких" NB "Е.В."),
	      "initials both orders");
	CHECK(nbsp_is("\xff № 5", "\xff №" NB "5") && nbsp_is("№ \xd0", "№ \xd0") &&
	      nbsp_is("5 \xf0", "5 \xf0") && nbsp_is("Ж\xd0 Е.В.", "Ж\xd0 Е.В."),
	      "a word of invalid UTF-8 keeps its spaces");
	/* 1.4 MB: "№ 1" 200,000 times, joined by spaces */
	size_t reps = 200000;
	folio_buf in = {0}, want = {0};
	for (size_t i = 0; i < reps; i++) {
		folio_buf_puts(&in, i ? " № 1" : "№ 1");
		folio_buf_puts(&want, i ? " №" NB "1" : "№" NB "1");
	}
	CHECK(in.len > 1000000, "the input is over 1 MB (%zu bytes)", in.len);
	CHECK(nbsp_is(in.data, want.data), "1 MB string");
	folio_buf_clear(&in);
	folio_buf_clear(&want);
}

/* ---- liang.c against libhyphen ---- */

/* Compares liang.c with libhyphen on words (single-byte, lower case, in
 * the file's charset) for several minimums; returns the words compared
 * and reports the first difference. */
static size_t
liang_compare(const char *dic, GPtrArray *words)
{
	char charset[32];
	bool unsupported;
	folio_patterns *pt = folio_patterns_load(dic, charset, sizeof charset, &unsupported);
	HyphenDict *hd = hnj_hyphen_load(dic);
	CHECK(pt && hd && !unsupported, "%s loads both ways", dic);
	if (!pt || !hd) {
		folio_patterns_free(pt);
		if (hd)
			hnj_hyphen_free(hd);
		return 0;
	}
	static const int mins[][2] = {{1, 1}, {2, 2}, {2, 3}, {3, 2}, {4, 4}};
	size_t compared = 0;
	for (guint w = 0; w < words->len; w++) {
		const char *word = words->pdata[w];
		int n = (int)strlen(word);
		for (size_t m = 0; m < sizeof mins / sizeof *mins; m++) {
			char a[128] = {0}, b[128] = {0};
			char **rep = NULL;
			int *pos = NULL, *cut = NULL;
			hnj_hyphen_hyphenate3(hd, word, n, a, NULL, &rep, &pos, &cut,
			                      mins[m][0], mins[m][1], 2, 2);
			CHECK(!rep, "%s: no non-standard hyphenation", dic);
			free(rep);
			free(pos);
			free(cut);
			folio_patterns_hyphenate(pt, word, n, b, mins[m][0], mins[m][1]);
			bool same = true;
			for (int i = 0; i < n; i++)
				same = same && ((a[i] & 1) == (b[i] & 1));
			CHECK(same, "%s, word %u (%d letters), minimums %d/%d: libhyphen %.*s, "
			      "liang.c %.*s", dic, w, n, mins[m][0], mins[m][1], n, a, n, b);
			compared++;
		}
	}
	folio_patterns_free(pt);
	hnj_hyphen_free(hd);
	return compared;
}

/* The words of the seed documents (letters only, lower case), each
 * converted to charset when it fits one byte per letter. */
static void
seed_words(const char *charset, GPtrArray *out, GHashTable *seen)
{
	char *root = folio_data_dir_find(NULL, NULL);
	char *dir = g_build_filename(root ? root : ".", "input", NULL);
	GDir *d = g_dir_open(dir, 0, NULL);
	CHECK(d != NULL, "cannot list %s", dir);
	const char *name;
	while (d && (name = g_dir_read_name(d))) {
		char *path = g_build_filename(dir, name, NULL), *text = NULL;
		if (g_str_has_suffix(name, ".xml") && g_file_get_contents(path, &text, NULL, NULL) &&
		    g_utf8_validate(text, -1, NULL)) {
			for (const char *p = text; *p; ) {
				const char *q = p;
				while (*q && g_unichar_isalpha(g_utf8_get_char(q)))
					q = g_utf8_next_char(q);
				if (q == p) {
					p = g_utf8_next_char(p);
					continue;
				}
				char *low = g_utf8_strdown(p, q - p);
				long chars = g_utf8_strlen(low, -1);
				char *enc = g_convert(low, -1, charset, "UTF-8", NULL, NULL, NULL);
				if (enc && (long)strlen(enc) == chars && chars < 100 &&
				    !g_hash_table_contains(seen, enc)) {
					g_hash_table_add(seen, enc);
					g_ptr_array_add(out, enc);
				} else {
					g_free(enc);
				}
				g_free(low);
				p = q;
			}
		}
		g_free(text);
		g_free(path);
	}
	if (d)
		g_dir_close(d);
	g_free(dir);
	free(root);
}

/* Random words over the letters of alphabet (UTF-8), converted. */
static void
random_words(const char *alphabet, const char *charset, int count, GPtrArray *out)
{
	glong na = g_utf8_strlen(alphabet, -1);
	GRand *r = g_rand_new_with_seed(7);
	for (int i = 0; i < count; i++) {
		GString *w = g_string_new(NULL);
		int n = g_rand_int_range(r, 1, 16);
		for (int k = 0; k < n; k++)
			g_string_append_unichar(w, g_utf8_get_char(
				g_utf8_offset_to_pointer(alphabet, g_rand_int_range(r, 0, (gint32)na))));
		char *enc = g_convert(w->str, -1, charset, "UTF-8", NULL, NULL, NULL);
		if (enc)
			g_ptr_array_add(out, enc);
		g_string_free(w, TRUE);
	}
	g_rand_free(r);
}

static void
test_liang_as_libhyphen(void)
{
	static const struct { const char *dic, *charset, *alphabet; } d[] = {
		{"/usr/share/hyphen/hyph_ru_RU.dic", "KOI8-R",
		 "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"},
		{"/usr/share/hyphen/hyph_en_US.dic", "UTF-8", "abcdefghijklmnopqrstuvwxyz"},
	};
	for (size_t i = 0; i < sizeof d / sizeof *d; i++) {
		GPtrArray *words = g_ptr_array_new_with_free_func(g_free);
		GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal);
		seed_words(d[i].charset, words, seen);
		guint from_seeds = words->len;
		random_words(d[i].alphabet, d[i].charset, 20000, words);
		CHECK(from_seeds > 200, "%s: only %u words from input/", d[i].dic, from_seeds);
		size_t n = liang_compare(d[i].dic, words);
		CHECK(n >= 5 * (size_t)words->len, "%s: %zu comparisons", d[i].dic, n);
		g_hash_table_destroy(seen);
		g_ptr_array_free(words, TRUE);
	}
}

/* A file with what liang.c does not do goes to libhyphen; a small file of
 * its own gives the breaks its patterns say. */
static void
test_liang_files(void)
{
	char dir[] = "/tmp/folio-unit-liang.XXXXXX";
	CHECK(mkdtemp(dir) != NULL, "mkdtemp");
	char *two = g_build_filename(dir, "two.dic", NULL);
	char *repl = g_build_filename(dir, "repl.dic", NULL);
	char *plain = g_build_filename(dir, "plain.dic", NULL);
	g_file_set_contents(two, "UTF-8\n1a1\nNEXTLEVEL\n1b1\n", -1, NULL);
	g_file_set_contents(repl, "ISO8859-1\nc1k/k=k,1,2\n", -1, NULL);
	/* "hyphenation" with a few of TeX's patterns, merged as the
	 * distributed files are: hy-phen-ation */
	g_file_set_contents(plain, "UTF-8\nLEFTHYPHENMIN 2\n% a comment\nhy3ph\nhe2n\n"
	                    "hena4\nhen5at\n1na\nn2at\n1tio\n2io\no2n\n", -1, NULL);
	char cs[32];
	bool unsupported = false;
	CHECK(!folio_patterns_load(two, cs, sizeof cs, &unsupported) && unsupported,
	      "NEXTLEVEL is left to libhyphen");
	CHECK(!folio_patterns_load(repl, cs, sizeof cs, &unsupported) && unsupported,
	      "non-standard hyphenation is left to libhyphen");
	CHECK(!folio_patterns_load("/nonexistent.dic", cs, sizeof cs, &unsupported) &&
	      !unsupported, "a missing file is no dictionary");
	folio_patterns *pt = folio_patterns_load(plain, cs, sizeof cs, &unsupported);
	CHECK(pt && !strcmp(cs, "UTF-8"), "plain file loads, charset %s", cs);
	if (pt) {
		char h[16] = {0};
		folio_patterns_hyphenate(pt, "hyphenation", 11, h, 2, 2);
		GString *got = g_string_new(NULL);
		for (int i = 0; i < 11; i++) {
			g_string_append_c(got, "hyphenation"[i]);
			if (h[i] & 1)
				g_string_append_c(got, '-');
		}
		HyphenDict *hd = hnj_hyphen_load(plain);
		char a[16] = {0};
		char **rep = NULL;
		int *pos = NULL, *cut = NULL;
		hnj_hyphen_hyphenate3(hd, "hyphenation", 11, a, NULL, &rep, &pos, &cut, 2, 2, 2, 2);
		bool same = true;
		for (int i = 0; i < 11; i++)
			same = same && (a[i] & 1) == (h[i] & 1);
		CHECK(same, "as libhyphen: %.11s against %.11s", a, h);
		CHECK(!strcmp(got->str, "hy-phen-ation"), "hyphenation -> %s", got->str);
		hnj_hyphen_free(hd);
		g_string_free(got, TRUE);
		folio_patterns_free(pt);
	}
	unlink(two);
	unlink(repl);
	unlink(plain);
	rmdir(dir);
	g_free(two);
	g_free(repl);
	g_free(plain);
}

/* ---- deflate.c: zlib's deflate API over libdeflate ---- */

/* inflate (zlib's own; folio does not define it) of a zlib stream (wbits
 * 15) or gzip stream (31): the bytes, or NULL when the stream is bad */
static GByteArray *
inflate_all(const unsigned char *z, size_t n, int wbits)
{
	z_stream s = {0};
	if (inflateInit2(&s, wbits) != Z_OK)
		return NULL;
	GByteArray *out = g_byte_array_new();
	s.next_in = (Bytef *)z;
	s.avail_in = (uInt)n;
	int ret;
	do {
		unsigned char buf[4096];
		s.next_out = buf;
		s.avail_out = sizeof buf;
		ret = inflate(&s, Z_NO_FLUSH);
		g_byte_array_append(out, buf, (guint)(sizeof buf - s.avail_out));
	} while (ret == Z_OK);
	inflateEnd(&s);
	if (ret != Z_STREAM_END) {
		g_byte_array_free(out, TRUE);
		return NULL;
	}
	return out;
}

/* Compresses data through strm in pieces of `in` bytes into an output
 * buffer of `out` bytes at a time, as cairo and qpdf do; returns the
 * stream, and counts Z_STREAM_END answers in *ends. */
static GByteArray *
deflate_pieces(z_stream *strm, const unsigned char *data, size_t n, size_t in,
               size_t out, int *ends)
{
	GByteArray *z = g_byte_array_new();
	unsigned char *buf = g_malloc(out);
	size_t at = 0;
	*ends = 0;
	for (;;) {
		size_t take = n - at < in ? n - at : in;
		strm->next_in = (Bytef *)data + at;
		strm->avail_in = (uInt)take;
		int flush = at + take == n ? Z_FINISH : Z_NO_FLUSH;
		int ret;
		do {
			strm->next_out = buf;
			strm->avail_out = (uInt)out;
			ret = deflate(strm, flush);
			g_byte_array_append(z, buf, (guint)(out - strm->avail_out));
			if (ret == Z_STREAM_END)
				(*ends)++;
		} while (ret == Z_OK && (strm->avail_out == 0 || flush == Z_FINISH));
		at += take - strm->avail_in;
		if (flush == Z_FINISH || (ret != Z_OK && ret != Z_BUF_ERROR))
			break;
	}
	g_free(buf);
	return z;
}

static bool
same_bytes(const GByteArray *a, const unsigned char *b, size_t n)
{
	return a && a->len == n && (n == 0 || !memcmp(a->data, b, n));
}

/* Gives strm all n bytes of in and cap bytes of out, then Z_FINISH: the
 * answer of that one deflate call. */
static int
finish_in_one(z_stream *strm, const unsigned char *in, size_t n, unsigned char *out,
              size_t cap)
{
	strm->next_in = (Bytef *)in;
	strm->avail_in = (uInt)n;
	strm->next_out = out;
	strm->avail_out = (uInt)cap;
	return deflate(strm, Z_FINISH);
}

/* Does the stream z (zlen bytes; wbits as for inflateInit2) inflate to
 * the n bytes of data? */
static bool
reads_back(const unsigned char *z, size_t zlen, int wbits, const unsigned char *data,
           size_t n)
{
	GByteArray *back = inflate_all(z, zlen, wbits);
	bool same = same_bytes(back, data, n);
	if (back)
		g_byte_array_free(back, TRUE);
	return same;
}

static void
test_deflate_streams(void)
{
	/* text-like and random data, as content streams and fonts are */
	size_t n = 300000;
	unsigned char *text = g_malloc(n), *noise = g_malloc(n);
	GRand *r = g_rand_new_with_seed(7);
	for (size_t i = 0; i < n; i++) {
		text[i] = (unsigned char)"BT /f-0-0 1 Tf 12 0 0 12 56.7 780.2 Tm [(Pro)15(tokol)]TJ ET\n"
		          [(i * 7 + i / 61) % 62];
		noise[i] = (unsigned char)g_rand_int(r);
	}
	g_rand_free(r);
	const unsigned char *datas[] = {text, noise};
	size_t sizes[] = {0, 1, 100, 65536, n};
	size_t ins[] = {1, 7, 16384, 1 << 20};
	size_t outs[] = {1, 13, 16384};
	for (int d = 0; d < 2; d++)
		for (int si = 0; si < 5; si++)
			for (int ii = 0; ii < 4; ii++)
				for (int oi = 0; oi < 3; oi++) {
					size_t len = sizes[si];
					if ((ins[ii] < 100 || outs[oi] < 100) && len > 65536)
						continue;   /* too slow byte by byte; covered below that */
					z_stream s = {0};
					CHECK(deflateInit(&s, Z_DEFAULT_COMPRESSION) == Z_OK, "init");
					int ends;
					GByteArray *z = deflate_pieces(&s, datas[d], len, ins[ii], outs[oi], &ends);
					GByteArray *back = inflate_all(z->data, z->len, 15);
					CHECK(same_bytes(back, datas[d], len),
					      "round trip: data %d, %zu bytes in pieces of %zu, output %zu",
					      d, len, ins[ii], outs[oi]);
					CHECK(ends == 1, "one Z_STREAM_END, got %d (%zu bytes, in %zu, out %zu)",
					      ends, len, ins[ii], outs[oi]);
					CHECK(s.total_in == len && s.total_out == z->len,
					      "totals %lu/%lu for %zu/%u", s.total_in, s.total_out, len, z->len);
					CHECK(s.adler == adler32(adler32(0, NULL, 0), datas[d], (uInt)len),
					      "adler32 of %zu bytes", len);
					/* the stream is libdeflate's: the same bytes as its
					 * whole-buffer call at zlib's default level */
					struct libdeflate_compressor *c = libdeflate_alloc_compressor(6);
					size_t cap = libdeflate_zlib_compress_bound(c, len);
					unsigned char *want = g_malloc(cap);
					size_t wn = libdeflate_zlib_compress(c, len ? datas[d] : text, len, want, cap);
					CHECK(same_bytes(z, want, wn), "compressed by libdeflate (%u bytes, "
					      "libdeflate %zu) for %zu bytes", z->len, wn, len);
					g_free(want);
					libdeflate_free_compressor(c);
					CHECK(deflateEnd(&s) == Z_OK, "end after finish");
					if (back)
						g_byte_array_free(back, TRUE);
					g_byte_array_free(z, TRUE);
				}

	/* a whole input in one call into a buffer of deflateBound's size */
	z_stream s = {0};
	CHECK(deflateInit(&s, 9) == Z_OK, "init 9");
	uLong bound = deflateBound(&s, (uLong)n);
	unsigned char *big = g_malloc(bound);
	CHECK(finish_in_one(&s, noise, n, big, bound) == Z_STREAM_END,
	      "deflateBound holds incompressible data");
	CHECK(reads_back(big, s.total_out, 15, noise, n), "round trip at level 9");
	/* reset: the same input gives the same bytes */
	uLong first = s.total_out;
	unsigned char *copy = g_memdup2(big, first);
	CHECK(deflateReset(&s) == Z_OK && s.total_in == 0 && s.total_out == 0, "reset");
	CHECK(finish_in_one(&s, noise, n, big, bound) == Z_STREAM_END && s.total_out == first &&
	      !memcmp(big, copy, first), "after a reset, the same stream again");
	CHECK(deflateEnd(&s) == Z_OK, "end");
	g_free(copy);
	g_free(big);

	/* input thrown away is reported as zlib reports it */
	CHECK(deflateInit(&s, 6) == Z_OK, "init");
	unsigned char small[64];
	s.next_in = text;
	s.avail_in = 1000;
	s.next_out = small;
	s.avail_out = sizeof small;
	CHECK(deflate(&s, Z_NO_FLUSH) == Z_OK && s.avail_in == 0, "input taken");
	CHECK(deflate(&s, Z_NO_FLUSH) == Z_BUF_ERROR, "no input, no progress: Z_BUF_ERROR");
	CHECK(deflateEnd(&s) == Z_DATA_ERROR, "end before finishing: Z_DATA_ERROR");

	g_free(text);
	g_free(noise);
}

/* The calls folio leaves to zlib: a flush in the middle, parameters after
 * input, a copy, and streams opened with deflateInit2. */
static void
test_deflate_to_zlib(void)
{
	const char *words = "Протокол заседания совета кластера. ";
	size_t wl = strlen(words), n = wl * 400;
	unsigned char *data = g_malloc(n);
	for (size_t i = 0; i < n; i++)
		data[i] = (unsigned char)words[i % wl];

	/* Z_SYNC_FLUSH: what came before can be read without the rest */
	z_stream s = {0};
	CHECK(deflateInit(&s, 6) == Z_OK, "init");
	size_t cap = deflateBound(&s, (uLong)n) + 64;
	unsigned char *z = g_malloc(cap);
	s.next_in = data;
	s.avail_in = (uInt)(n / 2);
	s.next_out = z;
	s.avail_out = (uInt)cap;
	CHECK(deflate(&s, Z_NO_FLUSH) == Z_OK, "first half");
	CHECK(deflate(&s, Z_SYNC_FLUSH) == Z_OK, "sync flush");
	size_t at_sync = s.total_out;
	z_stream i = {0};
	inflateInit(&i);
	unsigned char *half = g_malloc(n);
	i.next_in = z;
	i.avail_in = (uInt)at_sync;
	i.next_out = half;
	i.avail_out = (uInt)n;
	int iret = inflate(&i, Z_SYNC_FLUSH);
	CHECK((iret == Z_OK || iret == Z_BUF_ERROR) && i.total_out == n / 2 &&
	      !memcmp(half, data, n / 2), "after a sync flush the first half reads back "
	      "(%lu of %zu bytes)", i.total_out, n / 2);
	inflateEnd(&i);
	g_free(half);
	/* parameters after input, then the rest */
	CHECK(deflateParams(&s, 1, Z_DEFAULT_STRATEGY) == Z_OK, "params after input");
	z_stream c = {0};
	CHECK(deflateCopy(&c, &s) == Z_OK, "copy");
	s.next_in = data + n / 2;
	s.avail_in = (uInt)(n - n / 2);
	CHECK(deflate(&s, Z_FINISH) == Z_STREAM_END, "finish");
	CHECK(reads_back(z, s.total_out, 15, data, n), "round trip through zlib");
	/* the copy finishes on its own */
	unsigned char *z2 = g_malloc(cap);
	memcpy(z2, z, at_sync);
	size_t before = c.total_out;
	CHECK(finish_in_one(&c, data + n / 2, n - n / 2, z2 + before, cap - before) ==
	      Z_STREAM_END, "copy finishes");
	CHECK(reads_back(z2, c.total_out, 15, data, n), "the copy's stream reads back");
	deflateEnd(&c);
	deflateEnd(&s);
	g_free(z2);

	/* a stream longer than the most folio holds (lowered for the test to
	 * 1000 bytes) is handed to zlib as it comes: it reads back, and the
	 * bytes are not libdeflate's */
	setenv("FOLIO_TEST_DEFLATE_MAX", "1000", 1);
	CHECK(deflateInit(&s, 6) == Z_OK, "init");
	int ends;
	GByteArray *spilled = deflate_pieces(&s, data, n, 700, 4096, &ends);
	deflateEnd(&s);
	unsetenv("FOLIO_TEST_DEFLATE_MAX");
	CHECK(ends == 1 && reads_back(spilled->data, spilled->len, 15, data, n),
	      "a stream over the limit reads back");
	struct libdeflate_compressor *ld = libdeflate_alloc_compressor(6);
	size_t ldcap = libdeflate_zlib_compress_bound(ld, n);
	unsigned char *ldout = g_malloc(ldcap);
	size_t ldn = libdeflate_zlib_compress(ld, data, n, ldout, ldcap);
	CHECK(!same_bytes(spilled, ldout, ldn), "a stream over the limit is zlib's");
	CHECK(deflateInit(&s, 6) == Z_OK, "init");
	GByteArray *whole = deflate_pieces(&s, data, n, 700, 4096, &ends);
	deflateEnd(&s);
	CHECK(same_bytes(whole, ldout, ldn), "without the lowered limit, libdeflate's");
	g_byte_array_free(whole, TRUE);
	g_byte_array_free(spilled, TRUE);
	g_free(ldout);
	libdeflate_free_compressor(ld);

	/* deflateInit2 (here gzip) is zlib's */
	CHECK(deflateInit2(&s, 6, Z_DEFLATED, 31, 8, Z_DEFAULT_STRATEGY) == Z_OK, "init2");
	CHECK(finish_in_one(&s, data, n, z, cap) == Z_STREAM_END, "gzip finish");
	CHECK(reads_back(z, s.total_out, 31, data, n), "gzip round trip");
	deflateEnd(&s);

	/* a dictionary before the first input */
	CHECK(deflateInit(&s, 6) == Z_OK, "init");
	CHECK(deflateSetDictionary(&s, data, (uInt)wl) == Z_OK, "dictionary");
	CHECK(finish_in_one(&s, data, n, z, cap) == Z_STREAM_END, "finish with dictionary");
	z_stream in = {0};
	inflateInit(&in);
	unsigned char *out = g_malloc(n);
	in.next_in = z;
	in.avail_in = (uInt)s.total_out;
	in.next_out = out;
	in.avail_out = (uInt)n;
	iret = inflate(&in, Z_FINISH);
	if (iret == Z_NEED_DICT) {
		inflateSetDictionary(&in, data, (uInt)wl);
		iret = inflate(&in, Z_FINISH);
	}
	CHECK(iret == Z_STREAM_END && in.total_out == n && !memcmp(out, data, n),
	      "a dictionary's stream reads back (%d)", iret);
	inflateEnd(&in);
	deflateEnd(&s);
	g_free(out);
	g_free(z);
	g_free(data);
	folio_deflate_release();
}

int
main(void)
{
	run("units", test_units);
	run("bad-lengths", test_bad_lengths);
	run("absurd-lengths-clamp", test_absurd_lengths_clamp);
	run("len-format", test_len_format);
	run("limit-lowered-only", test_limit_lowered_only);
	run("expressions", test_expressions);
	run("values", test_values);
	run("inheritance", test_inheritance);
	run("inherit-keyword-and-em", test_inherit_keyword_and_em);
	run("shorthands", test_shorthands);
	run("property-functions", test_property_functions);
	run("unknown-warns-with-line", test_unknown_warns_with_line);
	run("not-fo", test_not_fo);
	run("deep-nesting-refused", test_deep_nesting_refused);
	run("diag-format", test_diag_format);
	run("diag-repeats", test_diag_repeats);
	run("post-dates", test_post_dates);
	run("post-levels", test_post_levels);
	run("typo-nbsp", test_typo_nbsp);
	run("liang-as-libhyphen", test_liang_as_libhyphen);
	run("liang-files", test_liang_files);
	run("deflate-streams", test_deflate_streams);
	run("deflate-to-zlib", test_deflate_to_zlib);
	xmlCleanupParser();
	return failures ? 1 : 0;
}
