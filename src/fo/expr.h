/*
 * expr.h -- internal to src/fo: the property expression evaluator.
 */
#ifndef FOLIO_FO_EXPR_H
#define FOLIO_FO_EXPR_H

#include <stdbool.h>

/* Evaluates s; on success stores the value (points when *is_length, a pure
 * number otherwise) and returns true. em_pt is the font size in points. */
bool folio_expr_eval(const char *s, double em_pt, double *value, bool *is_length);

#endif
