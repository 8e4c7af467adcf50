/*
 * dump.c -- the FO tree as deterministic text: one line per node, indented
 * by depth, with every property whose computed value differs from the
 * initial value (inherited values included, so a dump shows what layout
 * will see).  Text nodes print their content with white space made
 * visible.  Used by --dump-fo and the golden tests.
 */
#include "fo.h"
#include "props.h"

#include <string.h>

static void
dump_text(const folio_fo *n, folio_buf *out)
{
	folio_buf_puts(out, "\"");
	for (size_t i = 0; i < n->text_len; i++) {
		char c = n->text[i];
		if (c == '\n')
			folio_buf_puts(out, "\\n");
		else if (c == '\t')
			folio_buf_puts(out, "\\t");
		else if (c == '"' || c == '\\')
			folio_buf_printf(out, "\\%c", c);
		else
			folio_buf_add(out, &c, 1);
	}
	folio_buf_puts(out, "\"");
}

static void
dump_node(const folio_fo *n, int depth, folio_buf *out)
{
	for (int i = 0; i < depth; i++)
		folio_buf_puts(out, "  ");
	if (n->kind == FOLIO_FO_TEXT) {
		dump_text(n, out);
		folio_buf_puts(out, "\n");
		return;
	}
	folio_buf_printf(out, "%s @%d", folio_fo_name(n->kind), n->line);
	if (n->src_line)
		folio_buf_printf(out, " src=%d", n->src_line);
	for (int id = 0; id < FOLIO_PROP_COUNT; id++) {
		folio_value v = folio_fo_get(n, (folio_prop_id)id);
		const folio_value *init = folio_prop_initial_value((folio_prop_id)id);
		if (id == FOLIO_PROP_FONT_SIZE) {
			if (n->font_size == FOLIO_PT(12))
				continue;
		} else if (folio_value_equal(&v, init)) {
			continue;
		}
		folio_buf_printf(out, " %s=", folio_prop_name((folio_prop_id)id));
		folio_value_format(&v, out);
	}
	folio_buf_puts(out, "\n");
}

void
folio_fo_dump(const folio_fo_doc *doc, folio_buf *out)
{
	/* non-recursive pre-order walk */
	const folio_fo *n = doc->root;
	int depth = 0;
	while (n) {
		dump_node(n, depth, out);
		if (n->first) {
			n = n->first;
			depth++;
			continue;
		}
		while (n && !n->next) {
			n = n->parent;
			depth--;
		}
		if (n)
			n = n->next;
	}
}
