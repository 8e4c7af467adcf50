/*
 * cli.c -- the post stage's commands: check, extract, sign (main.c hands
 * them over with one dispatch line).
 */
#include <string.h>

#include "internal.h"

int
folio_post_cli(const char *cmd, int argc, char **argv)
{
	if (!strcmp(cmd, "check"))
		return post_cmd_check(argc, argv);
	if (!strcmp(cmd, "extract"))
		return post_cmd_extract(argc, argv);
	if (!strcmp(cmd, "sign"))
		return post_cmd_sign(argc, argv);
	return -1;
}
