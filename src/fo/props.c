/*
 * props.c -- the element and property tables, value parsing, shorthand
 * expansion and the computed-value accessors.
 *
 * Values are parsed once, when the tree is built; layout reads them through
 * folio_fo_get and friends, which walk up the tree for inherited
 * properties.  Percentages stay percentages here (layout knows what they are
 * percentages of), except font-size and line-height, whose base is the
 * font size and is known at build time.
 */
#include "fo.h"
#include "props.h"
#include "expr.h"

#include <ctype.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- tables ---- */

static const struct {
	const char *name;
	folio_fo_role role;
	folio_support support;
	const char *note;
} elements[] = {
#define E(name, id, role, support, note) \
	{name, FOLIO_ROLE_##role, FOLIO_SUPPORT_##support, note},
#include "elements.def"
#undef E
};

typedef enum ptype { T_LEN, T_NUM, T_KW, T_COLOR, T_STR, T_KEEP } ptype;

static const struct {
	const char *name;
	bool inherited;
	ptype type;
	const char *initial;
	folio_support support;
} props[] = {
#define P(name, id, inh, type, initial, support) \
	{name, inh, T_##type, initial, FOLIO_SUPPORT_##support},
#include "props.def"
#undef P
};

const char *folio_fo_name(folio_fo_kind k) { return elements[k].name; }
folio_fo_role folio_fo_role_of(folio_fo_kind k) { return elements[k].role; }
folio_support folio_fo_support(folio_fo_kind k) { return elements[k].support; }
const char *folio_fo_note(folio_fo_kind k) { return elements[k].note; }
const char *folio_prop_name(folio_prop_id id) { return props[id].name; }
bool folio_prop_inherited(folio_prop_id id) { return props[id].inherited; }
folio_support folio_prop_support(folio_prop_id id) { return props[id].support; }
const char *folio_prop_initial(folio_prop_id id) { return props[id].initial; }

int
folio_prop_lookup(const char *name)
{
	for (int i = 0; i < FOLIO_PROP_COUNT; i++)
		if (!strcmp(props[i].name, name))
			return i;
	return -1;
}

int
folio_fo_lookup(const char *name)
{
	for (int i = 0; i < FOLIO_FO_TEXT; i++)
		if (!strcmp(elements[i].name, name))
			return i;
	return -1;
}

/* ---- lexical helpers ---- */

static const char *
skip_ws(const char *s)
{
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	return s;
}

/* Copies s without surrounding blanks into buf (size n). */
static void
trim_copy(const char *s, char *buf, size_t n)
{
	s = skip_ws(s);
	size_t len = strlen(s);
	while (len && isspace((unsigned char)s[len - 1]))
		len--;
	if (len >= n)
		len = n - 1;
	memcpy(buf, s, len);
	buf[len] = 0;
}

static folio_len
clamp_len(double pt)
{
	double v = pt * FOLIO_LEN_SCALE;
	if (!(v == v))
		return 0;
	if (v > FOLIO_LEN_MAX)
		return FOLIO_LEN_MAX;
	if (v < -FOLIO_LEN_MAX)
		return -FOLIO_LEN_MAX;
	return (folio_len)lround(v);
}

/* Parses a number at s; returns the end or NULL. */
static const char *
parse_number(const char *s, double *out)
{
	const char *p = s;
	if (*p == '+' || *p == '-')
		p++;
	if (!isdigit((unsigned char)*p) && !(*p == '.' && isdigit((unsigned char)p[1])))
		return NULL;
	char *end;
	*out = strtod(s, &end);
	/* strtod accepts hex, inf, nan and exponents: allow digits, '.', exp */
	for (const char *q = s; q < end; q++)
		if (!strchr("+-.0123456789eE", *q))
			return NULL;
	return end;
}

bool
folio_length_parse(const char *s, folio_len font_size, folio_len *out)
{
	double n;
	s = skip_ws(s);
	const char *u = parse_number(s, &n);
	if (!u)
		return false;
	static const struct { const char *unit; double pt; } units[] = {
		{"pt", 1}, {"mm", 72 / 25.4}, {"cm", 72 / 2.54}, {"in", 72},
		{"pc", 12}, {"px", 1}, /* FOP's default 72 dpi */
		{"mpt", 0.001},        /* FOP's millipoints */
	};
	char unit[8];
	trim_copy(u, unit, sizeof unit);
	for (char *c = unit; *c; c++)
		*c = (char)tolower((unsigned char)*c);
	if (!strcmp(unit, "em")) {
		*out = clamp_len(n * folio_len_pt(font_size));
		return true;
	}
	for (size_t i = 0; i < sizeof units / sizeof *units; i++)
		if (!strcmp(unit, units[i].unit)) {
			*out = clamp_len(n * units[i].pt);
			return true;
		}
	if (!unit[0] && n == 0) {
		*out = 0;
		return true;
	}
	return false;
}

static bool
is_ident(const char *s)
{
	if (!*s || !(isalpha((unsigned char)*s) || *s == '-' || *s == '_'))
		return false;
	for (; *s; s++)
		if (!(isalnum((unsigned char)*s) || *s == '-' || *s == '_'))
			return false;
	return true;
}

static const struct { const char *name; uint32_t rgb; } named_colors[] = {
	{"black", 0x000000}, {"silver", 0xc0c0c0}, {"gray", 0x808080},
	{"grey", 0x808080}, {"white", 0xffffff}, {"maroon", 0x800000},
	{"red", 0xff0000}, {"purple", 0x800080}, {"fuchsia", 0xff00ff},
	{"magenta", 0xff00ff}, {"green", 0x008000}, {"lime", 0x00ff00},
	{"olive", 0x808000}, {"yellow", 0xffff00}, {"navy", 0x000080},
	{"blue", 0x0000ff}, {"teal", 0x008080}, {"aqua", 0x00ffff},
	{"cyan", 0x00ffff}, {"orange", 0xffa500}, {"lightgray", 0xd3d3d3},
	{"lightgrey", 0xd3d3d3}, {"darkgray", 0xa9a9a9}, {"darkgrey", 0xa9a9a9},
	{"brown", 0xa52a2a}, {"pink", 0xffc0cb}, {"gold", 0xffd700},
	{"lightblue", 0xadd8e6}, {"lightyellow", 0xffffe0},
	{"lightgreen", 0x90ee90}, {"darkblue", 0x00008b}, {"darkred", 0x8b0000},
	{"darkgreen", 0x006400}, {"whitesmoke", 0xf5f5f5},
};

bool
folio_color_parse(const char *s, uint32_t *out)
{
	char buf[64];
	trim_copy(s, buf, sizeof buf);
	for (char *c = buf; *c; c++)
		*c = (char)tolower((unsigned char)*c);
	if (buf[0] == '#') {
		size_t n = strlen(buf + 1);
		for (size_t i = 1; i <= n; i++)
			if (!isxdigit((unsigned char)buf[i]))
				return false;
		unsigned long v = strtoul(buf + 1, NULL, 16);
		if (n == 3) {
			uint32_t r = (v >> 8) & 15, g = (v >> 4) & 15, b = v & 15;
			*out = 0xff000000u | (r * 17) << 16 | (g * 17) << 8 | (b * 17);
			return true;
		}
		if (n == 6 || n == 8) {
			*out = 0xff000000u | (uint32_t)(n == 8 ? v >> 8 : v);
			return true;
		}
		return false;
	}
	if (!strcmp(buf, "transparent")) {
		*out = 0;
		return true;
	}
	int r, g, b;
	if (sscanf(buf, "rgb(%d,%d,%d)", &r, &g, &b) == 3 ||
	    sscanf(buf, "rgb( %d , %d , %d )", &r, &g, &b) == 3) {
		r = r < 0 ? 0 : r > 255 ? 255 : r;
		g = g < 0 ? 0 : g > 255 ? 255 : g;
		b = b < 0 ? 0 : b > 255 ? 255 : b;
		*out = 0xff000000u | (uint32_t)r << 16 | (uint32_t)g << 8 | (uint32_t)b;
		return true;
	}
	for (size_t i = 0; i < sizeof named_colors / sizeof *named_colors; i++)
		if (!strcmp(buf, named_colors[i].name)) {
			*out = 0xff000000u | named_colors[i].rgb;
			return true;
		}
	return false;
}

static bool
is_border_width(folio_prop_id id)
{
	return id == FOLIO_PROP_BORDER_BEFORE_WIDTH ||
	       id == FOLIO_PROP_BORDER_AFTER_WIDTH ||
	       id == FOLIO_PROP_BORDER_START_WIDTH ||
	       id == FOLIO_PROP_BORDER_END_WIDTH;
}

/* Border width keywords, as FOP sizes them. */
static bool
border_keyword(const char *s, folio_len *out)
{
	if (!strcmp(s, "thin"))
		*out = FOLIO_PT(0.5);
	else if (!strcmp(s, "medium"))
		*out = FOLIO_PT(1);
	else if (!strcmp(s, "thick"))
		*out = FOLIO_PT(2);
	else
		return false;
	return true;
}

static bool
parse_func(folio_arena *arena, const char *s, folio_value *out)
{
	const char *open = strchr(s, '(');
	if (!open || s[strlen(s) - 1] != ')')
		return false;
	char name[64];
	size_t n = (size_t)(open - s);
	if (n == 0 || n >= sizeof name)
		return false;
	memcpy(name, s, n);
	name[n] = 0;
	if (!is_ident(name))
		return false;
	double arg = 0;
	const char *a = skip_ws(open + 1);
	if (*a != ')') {
		const char *e = parse_number(a, &arg);
		/* proportional-column-width(25%): FOP takes the number as
		 * the proportion, so do we */
		if (e && *skip_ws(e) == '%')
			e = skip_ws(e) + 1;
		if (!e || *skip_ws(e) != ')')
			return false;
	}
	out->kind = FOLIO_V_FUNC;
	out->str = arena ? folio_arena_strdup(arena, name) : NULL;
	out->num = arg;
	return true;
}

bool
folio_value_parse(folio_arena *arena, folio_prop_id id, const char *s,
                  folio_len font_size, folio_value *out)
{
	char buf[256];
	memset(out, 0, sizeof *out);
	ptype t = props[id].type;
	if (t == T_STR) {
		trim_copy(s, buf, sizeof buf);
		out->kind = FOLIO_V_STR;
		out->str = arena ? folio_arena_strdup(arena, buf) : props[id].initial;
		return true;
	}
	trim_copy(s, buf, sizeof buf);
	if (!buf[0])
		return false;
	char lower[256];
	for (size_t i = 0; i <= strlen(buf); i++)
		lower[i] = (char)tolower((unsigned char)buf[i]);
	if (t == T_COLOR) {
		if (!strcmp(lower, "currentcolor")) {
			out->kind = FOLIO_V_KW;
			out->str = "currentcolor";
			return true;
		}
		out->kind = FOLIO_V_COLOR;
		return folio_color_parse(buf, &out->color);
	}
	double n;
	const char *end = parse_number(buf, &n);
	if (end && *skip_ws(end) == '%') {
		out->kind = FOLIO_V_PCT;
		out->num = n;
		if (id == FOLIO_PROP_LINE_HEIGHT) {   /* of the font size */
			out->kind = FOLIO_V_LEN;
			out->len = clamp_len(n / 100 * folio_len_pt(font_size));
		}
		return t == T_LEN;
	}
	if (end && !*skip_ws(end)) {
		out->kind = FOLIO_V_NUM;
		out->num = n;
		if (t == T_LEN && id != FOLIO_PROP_LINE_HEIGHT && n != 0)
			return false;     /* a length needs a unit */
		if (t == T_LEN && id != FOLIO_PROP_LINE_HEIGHT) {
			out->kind = FOLIO_V_LEN;
			out->len = 0;
		}
		if (t == T_KW || t == T_KEEP) {
			out->kind = FOLIO_V_KW;
			out->str = arena ? folio_arena_strdup(arena, lower)
			                 : props[id].initial;
			if (t == T_KEEP) {
				out->kind = FOLIO_V_NUM;
			}
		}
		return true;
	}
	if (end && t == T_LEN && folio_length_parse(buf, font_size, &out->len)) {
		out->kind = FOLIO_V_LEN;
		return true;
	}
	if (is_border_width(id) && border_keyword(lower, &out->len)) {
		out->kind = FOLIO_V_LEN;
		return true;
	}
	if (is_ident(lower)) {
		out->kind = FOLIO_V_KW;
		out->str = arena ? folio_arena_strdup(arena, lower) : props[id].initial;
		return true;
	}
	if (t == T_LEN && parse_func(arena, lower, out))
		return true;
	/* an expression: "4.5 * 14.4pt", "(1cm + 2pt) div 2" */
	double v;
	bool is_len;
	if ((t == T_LEN || t == T_NUM) &&
	    folio_expr_eval(lower, folio_len_pt(font_size), &v, &is_len)) {
		if (is_len && t == T_LEN) {
			out->kind = FOLIO_V_LEN;
			out->len = clamp_len(v);
			return true;
		}
		if (!is_len && (t == T_NUM || id == FOLIO_PROP_LINE_HEIGHT || v == 0)) {
			out->kind = t == T_NUM || id == FOLIO_PROP_LINE_HEIGHT ? FOLIO_V_NUM
			                                                       : FOLIO_V_LEN;
			out->num = v;
			out->len = 0;
			return true;
		}
	}
	return false;
}

/* ---- shorthands and aliases ---- */

static const char *side_alias[][2] = {
	{"top", "before"}, {"bottom", "after"}, {"left", "start"}, {"right", "end"},
};

/* Splits s into at most max blank-separated tokens (parentheses kept
 * together) in buf; returns the count. */
static int
tokens(const char *s, char buf[][128], int max)
{
	int n = 0;
	s = skip_ws(s);
	while (*s && n < max) {
		int depth = 0;
		size_t len = 0;
		while (*s && (depth || !isspace((unsigned char)*s))) {
			if (*s == '(')
				depth++;
			else if (*s == ')' && depth)
				depth--;
			if (len < 127)
				buf[n][len++] = *s;
			s++;
		}
		buf[n++][len] = 0;
		s = skip_ws(s);
	}
	return *s ? -1 : n;
}

/* Sets four sides from a 1-4 value list in CSS order (top right bottom
 * left). fmt has one %s for the side name (before/after/start/end). */
static int
four_sides(const char *fmt, const char *value, folio_prop_setter set, void *ctx)
{
	char tok[4][128];
	int n = tokens(value, tok, 4);
	if (n < 1)
		return FOLIO_EXPAND_BAD;
	const char *top = tok[0];
	const char *right = n > 1 ? tok[1] : top;
	const char *bottom = n > 2 ? tok[2] : top;
	const char *left = n > 3 ? tok[3] : right;
	const char *vals[4] = {top, bottom, left, right};
	for (int i = 0; i < 4; i++) {
		char name[64];
		snprintf(name, sizeof name, fmt, side_alias[i][1]);
		set(ctx, folio_prop_lookup(name), vals[i], false);
	}
	return FOLIO_EXPAND_DONE;
}

static bool
is_border_style(const char *s)
{
	static const char *styles[] = {"none", "hidden", "dotted", "dashed",
		"solid", "double", "groove", "ridge", "inset", "outset"};
	for (size_t i = 0; i < sizeof styles / sizeof *styles; i++)
		if (!strcmp(s, styles[i]))
			return true;
	return false;
}

/* "1pt solid black" on one side (side = before/after/start/end). */
static int
border_side(const char *side, const char *value, folio_prop_setter set, void *ctx)
{
	char tok[4][128];
	int n = tokens(value, tok, 4);
	if (n < 1)
		return FOLIO_EXPAND_BAD;
	char name[64];
	for (int i = 0; i < n; i++) {
		uint32_t c;
		folio_len l;
		const char *what;
		if (is_border_style(tok[i]))
			what = "style";
		else if (folio_length_parse(tok[i], FOLIO_PT(12), &l) ||
		         border_keyword(tok[i], &l))
			what = "width";
		else if (folio_color_parse(tok[i], &c))
			what = "color";
		else
			return FOLIO_EXPAND_BAD;
		snprintf(name, sizeof name, "border-%s-%s", side, what);
		set(ctx, folio_prop_lookup(name), tok[i], false);
	}
	return FOLIO_EXPAND_DONE;
}

int
folio_prop_expand(const char *name, const char *value, folio_prop_setter set,
                  void *ctx)
{
	char buf[96];
	/* aliases: padding-top -> padding-before, border-left-color -> ... */
	for (int i = 0; i < 4; i++) {
		const char *from = side_alias[i][0], *to = side_alias[i][1];
		char pat[64];
		snprintf(pat, sizeof pat, "padding-%s", from);
		if (!strcmp(name, pat)) {
			snprintf(buf, sizeof buf, "padding-%s", to);
			set(ctx, folio_prop_lookup(buf), value, false);
			return FOLIO_EXPAND_DONE;
		}
		static const char *parts[] = {"width", "style", "color"};
		for (int j = 0; j < 3; j++) {
			snprintf(pat, sizeof pat, "border-%s-%s", from, parts[j]);
			if (!strcmp(name, pat)) {
				snprintf(buf, sizeof buf, "border-%s-%s", to, parts[j]);
				set(ctx, folio_prop_lookup(buf), value, false);
				return FOLIO_EXPAND_DONE;
			}
		}
		snprintf(pat, sizeof pat, "border-%s", from);
		if (!strcmp(name, pat))
			return border_side(to, value, set, ctx);
		snprintf(pat, sizeof pat, "border-%s", to);
		if (!strcmp(name, pat))
			return border_side(to, value, set, ctx);
	}
	if (!strcmp(name, "border")) {
		for (int i = 0; i < 4; i++)
			if (border_side(side_alias[i][1], value, set, ctx) != FOLIO_EXPAND_DONE)
				return FOLIO_EXPAND_BAD;
		return FOLIO_EXPAND_DONE;
	}
	if (!strcmp(name, "padding"))
		return four_sides("padding-%s", value, set, ctx);
	if (!strcmp(name, "border-width"))
		return four_sides("border-%s-width", value, set, ctx);
	if (!strcmp(name, "border-style"))
		return four_sides("border-%s-style", value, set, ctx);
	if (!strcmp(name, "border-color"))
		return four_sides("border-%s-color", value, set, ctx);
	if (!strcmp(name, "margin")) {
		char tok[4][128];
		int n = tokens(value, tok, 4);
		if (n < 1)
			return FOLIO_EXPAND_BAD;
		const char *v[4] = {tok[0], n > 1 ? tok[1] : tok[0],
		                    n > 2 ? tok[2] : tok[0],
		                    n > 3 ? tok[3] : (n > 1 ? tok[1] : tok[0])};
		set(ctx, FOLIO_PROP_MARGIN_TOP, v[0], false);
		set(ctx, FOLIO_PROP_MARGIN_RIGHT, v[1], false);
		set(ctx, FOLIO_PROP_MARGIN_BOTTOM, v[2], false);
		set(ctx, FOLIO_PROP_MARGIN_LEFT, v[3], false);
		return FOLIO_EXPAND_DONE;
	}
	/* compound components */
	static const struct { const char *base; folio_prop_id id; } spaces[] = {
		{"space-before", FOLIO_PROP_SPACE_BEFORE},
		{"space-after", FOLIO_PROP_SPACE_AFTER},
		{"inline-progression-dimension", FOLIO_PROP_INLINE_PROGRESSION_DIMENSION},
		{"block-progression-dimension", FOLIO_PROP_BLOCK_PROGRESSION_DIMENSION},
		{"border-separation", FOLIO_PROP_BORDER_SEPARATION},
		{"border-spacing", FOLIO_PROP_BORDER_SEPARATION},
	};
	for (size_t i = 0; i < sizeof spaces / sizeof *spaces; i++) {
		size_t n = strlen(spaces[i].base);
		if (strncmp(name, spaces[i].base, n))
			continue;
		const char *comp = name + n;
		if (!*comp && spaces[i].id == FOLIO_PROP_BORDER_SEPARATION) {
			set(ctx, spaces[i].id, value, false);
			return FOLIO_EXPAND_DONE;
		}
		if (!strcmp(comp, ".optimum")) {
			set(ctx, spaces[i].id, value, false);
			return FOLIO_EXPAND_DONE;
		}
		if (!strcmp(comp, ".minimum") || !strcmp(comp, ".maximum") ||
		    !strcmp(comp, ".length-bpd") || !strcmp(comp, ".length-ipd") ||
		    !strcmp(comp, ".block-progression-direction") ||
		    !strcmp(comp, ".inline-progression-direction")) {
			set(ctx, spaces[i].id, value, true);
			return FOLIO_EXPAND_DONE;
		}
	}
	static const char *keeps[] = {"keep-together", "keep-with-next",
	                              "keep-with-previous"};
	for (int i = 0; i < 3; i++)
		if (!strcmp(name, keeps[i])) {
			/* .within-line means nothing on blocks; only explicit */
			static const char *within[] = {"page", "column"};
			for (int j = 0; j < 2; j++) {
				snprintf(buf, sizeof buf, "%s.within-%s", keeps[i], within[j]);
				set(ctx, folio_prop_lookup(buf), value, false);
			}
			return FOLIO_EXPAND_DONE;
		}
	if (!strcmp(name, "leader-length")) {
		set(ctx, FOLIO_PROP_LEADER_LENGTH_MINIMUM, value, false);
		set(ctx, FOLIO_PROP_LEADER_LENGTH_OPTIMUM, value, false);
		set(ctx, FOLIO_PROP_LEADER_LENGTH_MAXIMUM, value, false);
		return FOLIO_EXPAND_DONE;
	}
	if (!strcmp(name, "page-break-before") || !strcmp(name, "page-break-after")) {
		folio_prop_id id = name[11] == 'b' ? FOLIO_PROP_BREAK_BEFORE
		                                   : FOLIO_PROP_BREAK_AFTER;
		char v[32];
		trim_copy(value, v, sizeof v);
		if (!strcmp(v, "always"))
			set(ctx, id, "page", false);
		else if (!strcmp(v, "avoid"))
			set(ctx, id == FOLIO_PROP_BREAK_BEFORE
			             ? FOLIO_PROP_KEEP_WITH_PREVIOUS_WITHIN_PAGE
			             : FOLIO_PROP_KEEP_WITH_NEXT_WITHIN_PAGE, "always", false);
		else if (!strcmp(v, "left") || !strcmp(v, "right"))
			set(ctx, id, !strcmp(v, "left") ? "even-page" : "odd-page", false);
		return FOLIO_EXPAND_DONE;
	}
	if (!strcmp(name, "page-break-inside")) {
		char v[32];
		trim_copy(value, v, sizeof v);
		if (!strcmp(v, "avoid"))
			set(ctx, FOLIO_PROP_KEEP_TOGETHER_WITHIN_PAGE, "always", false);
		return FOLIO_EXPAND_DONE;
	}
	if (!strcmp(name, "white-space")) {
		char v[32];
		trim_copy(value, v, sizeof v);
		if (!strcmp(v, "pre")) {
			set(ctx, FOLIO_PROP_LINEFEED_TREATMENT, "preserve", false);
			set(ctx, FOLIO_PROP_WHITE_SPACE_COLLAPSE, "false", false);
			set(ctx, FOLIO_PROP_WHITE_SPACE_TREATMENT, "preserve", false);
			set(ctx, FOLIO_PROP_WRAP_OPTION, "no-wrap", false);
		} else if (!strcmp(v, "nowrap")) {
			set(ctx, FOLIO_PROP_WRAP_OPTION, "no-wrap", false);
		} else if (strcmp(v, "normal")) {
			return FOLIO_EXPAND_BAD;
		}
		return FOLIO_EXPAND_DONE;
	}
	if (!strcmp(name, "background")) {
		char tok[6][128];
		int n = tokens(value, tok, 6);
		for (int i = 0; i < n; i++) {
			uint32_t c;
			if (folio_color_parse(tok[i], &c))
				set(ctx, FOLIO_PROP_BACKGROUND_COLOR, tok[i], false);
		}
		return n > 0 ? FOLIO_EXPAND_DONE : FOLIO_EXPAND_BAD;
	}
	if (!strcmp(name, "font"))
		return folio_font_shorthand(value, set, ctx);
	/* conditionality of padding and borders: discard is what we do */
	const char *dot = strrchr(name, '.');
	if (dot && (!strncmp(name, "padding-", 8) || !strncmp(name, "border-", 7)) &&
	    (!strcmp(dot, ".conditionality") || !strcmp(dot, ".length"))) {
		size_t n = (size_t)(dot - name);
		if (n >= sizeof buf)
			return FOLIO_EXPAND_UNKNOWN;
		memcpy(buf, name, n);
		buf[n] = 0;
		if (!strcmp(dot, ".length")) {
			int id = folio_prop_lookup(buf);
			if (id < 0)
				return folio_prop_expand(buf, value, set, ctx);
			set(ctx, id, value, false);
			return FOLIO_EXPAND_DONE;
		}
		return FOLIO_EXPAND_IGNORED;
	}
	return FOLIO_EXPAND_UNKNOWN;
}

/* font: [style] [variant] [weight] size[/line-height] family... */
int
folio_font_shorthand(const char *value, folio_prop_setter set, void *ctx)
{
	char tok[12][128];
	int n = tokens(value, tok, 12);
	if (n < 2)
		return FOLIO_EXPAND_BAD;
	int i = 0;
	for (; i < n; i++) {
		const char *t = tok[i];
		folio_len l;
		char *slash = strchr(tok[i], '/');
		if (slash)
			*slash = 0;
		if (folio_length_parse(t, FOLIO_PT(12), &l) || strchr(t, '%')) {
			set(ctx, FOLIO_PROP_FONT_SIZE, t, false);
			if (slash)
				set(ctx, FOLIO_PROP_LINE_HEIGHT, slash + 1, false);
			i++;
			break;
		}
		if (!strcmp(t, "italic") || !strcmp(t, "oblique") || !strcmp(t, "backslant"))
			set(ctx, FOLIO_PROP_FONT_STYLE, t, false);
		else if (!strcmp(t, "small-caps"))
			set(ctx, FOLIO_PROP_FONT_VARIANT, t, false);
		else if (!strcmp(t, "bold") || !strcmp(t, "bolder") ||
		         !strcmp(t, "lighter") || (isdigit((unsigned char)t[0]) && strlen(t) == 3))
			set(ctx, FOLIO_PROP_FONT_WEIGHT, t, false);
		else if (strcmp(t, "normal"))
			return FOLIO_EXPAND_BAD;
	}
	if (i >= n)
		return FOLIO_EXPAND_BAD;
	char fam[512] = "";
	for (; i < n; i++) {
		if (fam[0])
			strncat(fam, " ", sizeof fam - strlen(fam) - 1);
		strncat(fam, tok[i], sizeof fam - strlen(fam) - 1);
	}
	set(ctx, FOLIO_PROP_FONT_FAMILY, fam, false);
	return FOLIO_EXPAND_DONE;
}

/* ---- computed values ---- */

static folio_value initial_values[FOLIO_PROP_COUNT];
static bool initial_ready;

static void
init_initials(void)
{
	if (initial_ready)
		return;
	for (int i = 0; i < FOLIO_PROP_COUNT; i++)
		if (!folio_value_parse(NULL, (folio_prop_id)i, props[i].initial,
		                       FOLIO_PT(12), &initial_values[i]))
			initial_values[i].kind = FOLIO_V_NONE;
	initial_ready = true;
}

const folio_value *
folio_prop_initial_value(folio_prop_id id)
{
	init_initials();
	return &initial_values[id];
}

const folio_value *
folio_fo_specified(const folio_fo *node, folio_prop_id id)
{
	for (int i = 0; i < node->nspecs; i++)
		if (node->specs[i].id == id)
			return &node->specs[i].v;
	return NULL;
}

folio_value
folio_fo_get(const folio_fo *node, folio_prop_id id)
{
	for (const folio_fo *n = node; n; n = n->parent) {
		const folio_value *v = folio_fo_specified(n, id);
		if (v)
			return *v;
		if (!props[id].inherited)
			break;
	}
	return *folio_prop_initial_value(id);
}

folio_len
folio_fo_len(const folio_fo *node, folio_prop_id id, folio_len pct_base,
             folio_len dflt)
{
	folio_value v = folio_fo_get(node, id);
	if (v.kind == FOLIO_V_LEN)
		return v.len;
	if (v.kind == FOLIO_V_PCT)
		return clamp_len(v.num / 100 * folio_len_pt(pct_base));
	return dflt;
}

const char *
folio_fo_kw(const folio_fo *node, folio_prop_id id)
{
	folio_value v = folio_fo_get(node, id);
	return v.kind == FOLIO_V_KW && v.str ? v.str : "";
}

bool
folio_fo_is(const folio_fo *node, folio_prop_id id, const char *kw)
{
	return !strcmp(folio_fo_kw(node, id), kw);
}

uint32_t
folio_fo_color(const folio_fo *node, folio_prop_id id)
{
	folio_value v = folio_fo_get(node, id);
	if (v.kind == FOLIO_V_COLOR)
		return v.color;
	if (v.kind == FOLIO_V_KW && !strcmp(v.str, "currentcolor"))
		return folio_fo_color(node, FOLIO_PROP_COLOR);
	return 0xff000000u;
}

const char *
folio_fo_str(const folio_fo *node, folio_prop_id id)
{
	folio_value v = folio_fo_get(node, id);
	return (v.kind == FOLIO_V_STR || v.kind == FOLIO_V_KW) && v.str ? v.str : "";
}

double
folio_fo_num(const folio_fo *node, folio_prop_id id, double dflt)
{
	folio_value v = folio_fo_get(node, id);
	double n = dflt;
	if (v.kind == FOLIO_V_NUM)
		n = v.num;
	else if (v.kind == FOLIO_V_KW && v.str && isdigit((unsigned char)v.str[0]))
		n = atof(v.str);
	/* every caller converts to int (counts: columns, spans, widows):
	 * column-count="25555555555555" was undefined behaviour (found by the
	 * pipeline fuzzer).  No count means anything past a million. */
	if (isnan(n))
		return dflt;
	return n > 1e6 ? 1e6 : n < -1e6 ? -1e6 : n;
}

int
folio_fo_keep(const folio_fo *node, folio_prop_id id)
{
	folio_value v = folio_fo_get(node, id);
	if (v.kind == FOLIO_V_KW && !strcmp(v.str, "always"))
		return INT_MAX;
	if (v.kind == FOLIO_V_NUM)
		return v.num < 1 ? 1 : v.num > 1e6 ? 1000000 : (int)v.num;
	return 0;
}

folio_fo *
folio_fo_walk_next(const folio_fo *n)
{
	if (n->first)
		return n->first;
	while (n && !n->next)
		n = n->parent;
	return n ? n->next : NULL;
}

folio_fo *
folio_fo_child(const folio_fo *node, folio_fo_kind k, const folio_fo *prev)
{
	folio_fo *c = prev ? prev->next : node->first;
	for (; c; c = c->next)
		if (c->kind == k)
			return c;
	return NULL;
}

void
folio_value_format(const folio_value *v, folio_buf *out)
{
	char b[32];
	switch (v->kind) {
	case FOLIO_V_NONE: folio_buf_puts(out, "none?"); break;
	case FOLIO_V_LEN: folio_buf_printf(out, "%spt", folio_len_format(v->len, b)); break;
	case FOLIO_V_PCT: folio_buf_printf(out, "%g%%", v->num); break;
	case FOLIO_V_NUM: folio_buf_printf(out, "%g", v->num); break;
	case FOLIO_V_KW:
	case FOLIO_V_STR: folio_buf_puts(out, v->str ? v->str : ""); break;
	case FOLIO_V_COLOR:
		if (!(v->color >> 24))
			folio_buf_puts(out, "transparent");
		else
			folio_buf_printf(out, "#%06x", v->color & 0xffffff);
		break;
	case FOLIO_V_FUNC: folio_buf_printf(out, "%s(%g)", v->str, v->num); break;
	}
}

bool
folio_value_equal(const folio_value *a, const folio_value *b)
{
	if (a->kind != b->kind)
		return false;
	switch (a->kind) {
	case FOLIO_V_NONE: return true;
	case FOLIO_V_LEN: return a->len == b->len;
	case FOLIO_V_PCT:
	case FOLIO_V_NUM: return a->num == b->num;
	case FOLIO_V_COLOR: return a->color == b->color;
	case FOLIO_V_KW:
	case FOLIO_V_STR: return !strcmp(a->str ? a->str : "", b->str ? b->str : "");
	case FOLIO_V_FUNC: return !strcmp(a->str, b->str) && a->num == b->num;
	}
	return false;
}

void
folio_fo_support_doc(folio_buf *out)
{
	static const char *sup[] = {"yes", "partial", "no (warning)"};
	folio_buf_puts(out, "## Elements\n\n| element | supported | notes |\n|---|---|---|\n");
	for (int i = 0; i < FOLIO_FO_TEXT; i++)
		folio_buf_printf(out, "| fo:%s | %s | %s |\n", elements[i].name,
		                 sup[elements[i].support], elements[i].note);
	folio_buf_puts(out, "\n## Properties\n\n| property | inherited | initial | supported |\n|---|---|---|---|\n");
	for (int i = 0; i < FOLIO_PROP_COUNT; i++)
		folio_buf_printf(out, "| %s | %s | %s | %s |\n", props[i].name,
		                 props[i].inherited ? "yes" : "no", props[i].initial,
		                 sup[props[i].support]);
}
