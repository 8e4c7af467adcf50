/*
 * sign.c -- `folio sign`.
 */
#include <stdio.h>

#include "internal.h"

int
post_cmd_sign(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fprintf(stderr, "folio: error: sign is not available yet\n");
	return FOLIO_EUSAGE;
}
