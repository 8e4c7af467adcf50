/*
 * expr.c -- the XSL property expression language, for the values that are
 * not a plain length or keyword: arithmetic on numbers and lengths
 * ("4.5 * 14.4pt", "(10pt + 2mm) div 2", "-1em"), parentheses and the
 * numeric functions abs(), min(), max(), floor(), ceiling(), round().
 *
 * A recursive-descent parser over a bounded string (property values are
 * cut at 255 bytes), so recursion depth is bounded too.  What it does not
 * do: percentages inside expressions and the property-reading functions
 * (from-parent() and friends), which need the tree -- tree.c handles those
 * before calling here.
 */
#include "expr.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct ev {
	double v;      /* number, or length in points when len */
	bool len;      /* has the dimension of a length */
} ev;

typedef struct parser {
	const char *p;
	double em;     /* points per em */
	bool bad;
	int depth;
} parser;

static void
blanks(parser *P)
{
	while (isspace((unsigned char)*P->p))
		P->p++;
}

static bool
word(parser *P, const char *w)
{
	blanks(P);
	size_t n = strlen(w);
	if (strncmp(P->p, w, n))
		return false;
	if (isalpha((unsigned char)w[0]) && (isalnum((unsigned char)P->p[n]) || P->p[n] == '-'))
		return false;
	P->p += n;
	return true;
}

static ev expr(parser *P);

static ev
number(parser *P)
{
	ev r = {0, false};
	char *end;
	r.v = strtod(P->p, &end);
	if (end == P->p) {
		P->bad = true;
		return r;
	}
	P->p = end;
	static const struct { const char *u; double pt; } units[] = {
		{"pt", 1}, {"mm", 72 / 25.4}, {"cm", 72 / 2.54}, {"in", 72},
		{"pc", 12}, {"px", 1}, {"mpt", 0.001}, {"em", 0},
	};
	for (size_t i = 0; i < sizeof units / sizeof *units; i++) {
		size_t n = strlen(units[i].u);
		if (!strncmp(P->p, units[i].u, n) && !isalpha((unsigned char)P->p[n])) {
			r.v *= units[i].pt ? units[i].pt : P->em;
			r.len = true;
			P->p += n;
			break;
		}
	}
	if (*P->p == '%')
		P->bad = true;  /* percentages need a base: not here */
	return r;
}

static ev
call(parser *P, const char *name)
{
	ev a = expr(P), b = {0, false};
	bool two = false;
	if (word(P, ",")) {
		b = expr(P);
		two = true;
	}
	if (!word(P, ")"))
		P->bad = true;
	if (!strcmp(name, "abs"))
		a.v = fabs(a.v);
	else if (!strcmp(name, "floor"))
		a.v = floor(a.v);
	else if (!strcmp(name, "ceiling"))
		a.v = ceil(a.v);
	else if (!strcmp(name, "round"))
		a.v = floor(a.v + 0.5);
	else if (!strcmp(name, "min") && two)
		a.v = fmin(a.v, b.v);
	else if (!strcmp(name, "max") && two)
		a.v = fmax(a.v, b.v);
	else
		P->bad = true;
	return a;
}

static ev
primary(parser *P)
{
	ev r = {0, false};
	if (++P->depth > 64) {
		P->bad = true;
		return r;
	}
	blanks(P);
	if (word(P, "(")) {
		r = expr(P);
		if (!word(P, ")"))
			P->bad = true;
	} else if (*P->p == '-' ) {
		P->p++;
		r = primary(P);
		r.v = -r.v;
	} else if (*P->p == '+') {
		P->p++;
		r = primary(P);
	} else if (isdigit((unsigned char)*P->p) || *P->p == '.') {
		r = number(P);
	} else {
		char name[16];
		size_t n = 0;
		while (isalpha((unsigned char)P->p[n]) && n < sizeof name - 1) {
			name[n] = P->p[n];
			n++;
		}
		name[n] = 0;
		P->p += n;
		if (n && word(P, "("))
			r = call(P, name);
		else
			P->bad = true;
	}
	P->depth--;
	return r;
}

static ev
term(parser *P)
{
	ev a = primary(P);
	for (;;) {
		bool mul = word(P, "*"), div = !mul && word(P, "div"),
		     mod = !mul && !div && word(P, "mod");
		if (!mul && !div && !mod)
			return a;
		ev b = primary(P);
		if (mul) {
			if (a.len && b.len)
				P->bad = true;
			a.v *= b.v;
			a.len = a.len || b.len;
		} else if (b.v == 0 || b.len) {
			P->bad = true;   /* no division by zero or by a length */
		} else {
			a.v = div ? a.v / b.v : fmod(a.v, b.v);
		}
	}
}

static ev
expr(parser *P)
{
	ev a = term(P);
	for (;;) {
		blanks(P);
		int sign = *P->p == '+' ? 1 : *P->p == '-' ? -1 : 0;
		if (!sign)
			return a;
		P->p++;
		ev b = term(P);
		if (a.len != b.len && !(a.v == 0 || b.v == 0))
			P->bad = true;
		a.v += sign * b.v;
		a.len = a.len || b.len;
	}
}

bool
folio_expr_eval(const char *s, double em_pt, double *value, bool *is_length)
{
	parser P = {s, em_pt, false, 0};
	ev r = expr(&P);
	blanks(&P);
	if (P.bad || *P.p || !isfinite(r.v))
		return false;
	*value = r.v;
	*is_length = r.len;
	return true;
}
