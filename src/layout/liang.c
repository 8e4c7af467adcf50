/*
 * liang.c -- hyphenation patterns (Liang's TeX patterns, in the .dic files
 * of libhyphen's dictionaries) read into a trie and matched with failure
 * links.
 *
 * Why not libhyphen's own loader: it builds its state machine through a
 * hash table of every pattern prefix and a realloc per transition, which
 * takes 4.5-6 ms for the Russian dictionary (4,700 patterns) and more for
 * the English one (106 KB); a cold `folio render` of a protocol is about
 * 60 ms.  This loader reads the same file in a fraction of a millisecond.
 *
 * It gives what libhyphen gives (tests/unit compares the two on every
 * word of the seed documents and a generated list): the same automaton
 * (a state is the longest suffix of the text read so far that begins a
 * pattern; only the pattern that state spells applies, which is why the
 * distributed dictionaries have their sub-patterns merged in), the same
 * left and right minimums (the larger of the caller's and the file's
 * LEFTHYPHENMIN / RIGHTHYPHENMIN).  Files with what this loader does not
 * do, a second level (NEXTLEVEL, compound words) or non-standard
 * hyphenation ("ff1f/f=f,1,3"), are left to libhyphen (hyphen.c).
 *
 * Words are single-byte strings in the dictionary's charset (KOI8-R for
 * Russian; ASCII words for the UTF-8 English file): hyphen.c converts
 * and leaves out the rest.
 */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct pnode {
	int edges;          /* first edge in the trie's edge list, -1: none */
	int fail;           /* longest proper suffix that is a node; -1 at the root */
	int match;          /* offset of the pattern's digits in digits[], -1 */
	unsigned char len;  /* letters in the pattern this node spells */
} pnode;

typedef struct pedge {
	unsigned char ch;
	int to;
	int next;           /* next edge of the same node, -1 */
} pedge;

struct folio_patterns {
	pnode *nodes;
	size_t nnodes, cap_nodes;
	pedge *edges;
	size_t nedges, cap_edges;
	char *digits;       /* per pattern: len + 1 digit values (0-9) */
	size_t ndigits, cap_digits;
	int lhmin, rhmin;   /* LEFTHYPHENMIN, RIGHTHYPHENMIN of the file */
};

static int
child(const folio_patterns *t, int n, unsigned char ch)
{
	for (int e = t->nodes[n].edges; e >= 0; e = t->edges[e].next)
		if (t->edges[e].ch == ch)
			return t->edges[e].to;
	return -1;
}

static int
node_new(folio_patterns *t)
{
	if (t->nnodes == t->cap_nodes) {
		t->cap_nodes = t->cap_nodes ? 2 * t->cap_nodes : 1024;
		t->nodes = folio_realloc_array(t->nodes, t->cap_nodes, sizeof *t->nodes);
	}
	t->nodes[t->nnodes] = (pnode){.edges = -1, .fail = -1, .match = -1};
	return (int)t->nnodes++;
}

static int
child_add(folio_patterns *t, int n, unsigned char ch)
{
	int c = child(t, n, ch);
	if (c >= 0)
		return c;
	c = node_new(t);
	if (t->nedges == t->cap_edges) {
		t->cap_edges = t->cap_edges ? 2 * t->cap_edges : 1024;
		t->edges = folio_realloc_array(t->edges, t->cap_edges, sizeof *t->edges);
	}
	t->edges[t->nedges] = (pedge){.ch = ch, .to = c, .next = t->nodes[n].edges};
	t->nodes[n].edges = (int)t->nedges++;
	t->nodes[c].len = (unsigned char)(t->nodes[n].len + 1);
	return c;
}

/* One pattern line ("a1b2c", ".аб1р"); a later line for the same letters
 * replaces an earlier one, as in libhyphen. */
static void
pattern_add(folio_patterns *t, const char *line)
{
	char letters[256], digits[257];
	int n = 0;
	digits[0] = 0;
	for (const unsigned char *p = (const unsigned char *)line; *p > ' '; p++) {
		if (*p >= '0' && *p <= '9') {
			digits[n] = (char)(*p - '0');
		} else if (n < (int)sizeof letters - 1) {
			letters[n++] = (char)*p;
			digits[n] = 0;
		}
	}
	if (!n)
		return;
	int node = 0;
	for (int i = 0; i < n; i++)
		node = child_add(t, node, (unsigned char)letters[i]);
	if (t->ndigits + (size_t)n + 1 > t->cap_digits) {
		t->cap_digits = 2 * (t->cap_digits + (size_t)n + 1);
		t->digits = folio_realloc_array(t->digits, t->cap_digits, 1);
	}
	t->nodes[node].match = (int)t->ndigits;
	memcpy(t->digits + t->ndigits, digits, (size_t)n + 1);
	t->ndigits += (size_t)n + 1;
}

/* Failure links, breadth first: a node's parents are done before it. */
static void
link_failures(folio_patterns *t)
{
	int *queue = folio_calloc(t->nnodes, sizeof *queue);
	size_t head = 0, tail = 0;
	for (int e = t->nodes[0].edges; e >= 0; e = t->edges[e].next) {
		t->nodes[t->edges[e].to].fail = 0;
		queue[tail++] = t->edges[e].to;
	}
	while (head < tail) {
		int v = queue[head++];
		for (int e = t->nodes[v].edges; e >= 0; e = t->edges[e].next) {
			int u = t->edges[e].to, f = t->nodes[v].fail, to = -1;
			for (; f >= 0 && (to = child(t, f, t->edges[e].ch)) < 0; f = t->nodes[f].fail)
				;
			t->nodes[u].fail = f < 0 ? 0 : to;
			queue[tail++] = u;
		}
	}
	free(queue);
}

folio_patterns *
folio_patterns_load(const char *path, char *charset, size_t charset_size,
                    bool *unsupported)
{
	*unsupported = false;
	FILE *f = fopen(path, "r");
	if (!f)
		return NULL;
	folio_patterns *t = folio_calloc(1, sizeof *t);
	node_new(t);   /* the root */
	char line[512];
	if (charset_size)
		charset[0] = 0;
	if (fgets(line, sizeof line, f) && charset_size)
		snprintf(charset, charset_size, "%.*s", (int)strcspn(line, "\r\n "), line);
	while (fgets(line, sizeof line, f)) {
		if (line[0] == '%')
			continue;
		if (!strncmp(line, "LEFTHYPHENMIN", 13))
			t->lhmin = atoi(line + 13);
		else if (!strncmp(line, "RIGHTHYPHENMIN", 14))
			t->rhmin = atoi(line + 14);
		else if (!strncmp(line, "COMPOUND", 8) || !strncmp(line, "NOHYPHEN", 8))
			;   /* for compound words, which letters-only words are not */
		else if (!strncmp(line, "NEXTLEVEL", 9) || strchr(line, '/'))
			*unsupported = true;
		else
			pattern_add(t, line);
		if (*unsupported)
			break;
	}
	fclose(f);
	if (*unsupported) {
		folio_patterns_free(t);
		return NULL;
	}
	link_failures(t);
	return t;
}

void
folio_patterns_free(folio_patterns *t)
{
	if (!t)
		return;
	free(t->nodes);
	free(t->edges);
	free(t->digits);
	free(t);
}

void
folio_patterns_hyphenate(const folio_patterns *t, const char *word, int n,
                         char *hyph, int lhmin, int rhmin)
{
	/* ".word." and one value per gap: v[k] lies after prep[k] */
	char stackbuf[2][128];
	char *prep = n + 3 <= (int)sizeof stackbuf[0] ? stackbuf[0] : folio_malloc((size_t)n + 3);
	char *v = n + 3 <= (int)sizeof stackbuf[1] ? stackbuf[1] : folio_malloc((size_t)n + 3);
	prep[0] = '.';
	memcpy(prep + 1, word, (size_t)n);
	prep[n + 1] = '.';
	memset(v, 0, (size_t)n + 3);
	int s = 0;
	for (int i = 0; i < n + 2; i++) {
		unsigned char ch = (unsigned char)prep[i];
		int to;
		while ((to = child(t, s, ch)) < 0 && s > 0)
			s = t->nodes[s].fail;
		s = to < 0 ? 0 : to;
		const pnode *nd = &t->nodes[s];
		if (nd->match < 0)
			continue;
		/* the digit before the pattern's letter k goes after prep[start + k - 1] */
		int start = i - nd->len + 1;
		const char *d = t->digits + nd->match;
		for (int k = 0; k <= nd->len; k++) {
			int at = start + k - 1;
			if (at >= 0 && d[k] > v[at])
				v[at] = d[k];
		}
	}
	/* hyph[i]: after the word's letter i (prep[i + 1]); none after the last */
	for (int i = 0; i < n; i++)
		hyph[i] = (char)('0' + (i < n - 1 ? v[i + 1] : 0));
	if (lhmin < t->lhmin)
		lhmin = t->lhmin;
	if (rhmin < t->rhmin)
		rhmin = t->rhmin;
	if (lhmin <= 0)
		lhmin = 2;
	if (rhmin <= 0)
		rhmin = 2;
	/* at least lhmin letters before a break and rhmin after it */
	for (int i = 0; i < n && i < lhmin - 1; i++)
		hyph[i] = '0';
	for (int i = n - 1; i > 0 && i >= n - rhmin; i--)
		hyph[i] = '0';
	if (prep != stackbuf[0])
		free(prep);
	if (v != stackbuf[1])
		free(v);
}
