/*
 * props.h -- internal to src/fo: shorthand expansion and helpers shared by
 * props.c and tree.c.
 */
#ifndef FOLIO_FO_PROPS_H
#define FOLIO_FO_PROPS_H

#include "fo.h"

/* Receives one expanded property; weak values (.minimum/.maximum) apply
 * only when no strong value is given for the same property. id may be -1
 * when an expansion names no known property. */
typedef void (*folio_prop_setter)(void *ctx, int id, const char *value,
                                  bool weak);

enum {
	FOLIO_EXPAND_UNKNOWN,  /* not a shorthand or alias folio knows */
	FOLIO_EXPAND_DONE,     /* expanded through set */
	FOLIO_EXPAND_BAD,      /* a known shorthand with an invalid value */
	FOLIO_EXPAND_IGNORED,  /* known, not supported: warn */
};

int folio_prop_expand(const char *name, const char *value,
                      folio_prop_setter set, void *ctx);
int folio_font_shorthand(const char *value, folio_prop_setter set, void *ctx);
int folio_fo_lookup(const char *name);
bool folio_color_parse(const char *s, uint32_t *out);
const folio_value *folio_prop_initial_value(folio_prop_id id);
bool folio_value_equal(const folio_value *a, const folio_value *b);

#endif
