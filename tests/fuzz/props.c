/*
 * props.c -- fuzz target: property value parsing.  The input is
 * "name\0value": the name picks the property (or shorthand) by its index
 * into the table when it is one byte, by name otherwise; the value goes
 * through shorthand expansion, the typed parser of every property it
 * expands to, the length parser and the colour parser.
 */
#include <string.h>

#include "fuzz.h"

#include "../../src/fo/fo.h"
#include "../../src/fo/props.h"

typedef struct sink {
	folio_arena *arena;
} sink;

static void
set(void *ctx, int id, const char *value, bool weak)
{
	sink *k = ctx;
	folio_value v;
	if (id >= 0 && id < FOLIO_PROP_COUNT)
		folio_value_parse(k->arena, (folio_prop_id)id, value, FOLIO_PT(12), &v);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	fuzz_pin_env();
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > 4096)
		return 0;
	char *s = folio_malloc(size + 2);
	memcpy(s, data, size);
	s[size] = s[size + 1] = 0;
	const char *name = s;
	const char *value = s + strlen(s) + 1;
	if (value > s + size)
		value = "";
	sink k = {folio_arena_new()};
	int id = strlen(name) == 1 ? (unsigned char)name[0] % FOLIO_PROP_COUNT
	                           : folio_prop_lookup(name);
	folio_value v;
	if (id >= 0) {
		folio_value_parse(k.arena, (folio_prop_id)id, value, FOLIO_PT(12), &v);
		folio_buf b = {0};
		if (folio_value_parse(k.arena, (folio_prop_id)id, value, FOLIO_PT(12), &v))
			folio_value_format(&v, &b);
		folio_buf_clear(&b);
	}
	folio_prop_expand(name, value, set, &k);
	folio_font_shorthand(value, set, &k);
	folio_len l;
	folio_length_parse(value, FOLIO_PT(12), &l);
	uint32_t c;
	folio_color_parse(value, &c);
	folio_arena_free(k.arena);
	free(s);
	return 0;
}
