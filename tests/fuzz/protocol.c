/*
 * protocol.c -- fuzz target: the front half of a protocol, the path a
 * secretary's document takes: bytes -> safe parse -> schemas/protocol.xsd
 * -> business rules -> stylesheets/protocol.xsl -> FO -> layout -> PDF,
 * through the same session API the command line uses.  Seeds are valid
 * protocols, so mutations that stay schema-valid reach the XSLT and the
 * layout engine.  The input goes through a file in a private temporary
 * directory (the pipeline reads files) and the PDF is written beside it.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "fuzz.h"

#include "../../src/pipeline.h"

static folio_session *session;
static char dir[] = "/tmp/folio-fuzz-protocol.XXXXXX";
static char *in, *out;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	fuzz_pin_env();
	if (!mkdtemp(dir))
		abort();
	in = folio_asprintf("%s/in.xml", dir);
	out = folio_asprintf("%s/out.pdf", dir);
	static folio_session_opts so = {.data_dir = FUZZ_REPO};
	session = folio_session_new(&so);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > 64 * 1024)
		return 0;
	FILE *f = fopen(in, "wb");
	if (!f)
		abort();
	fwrite(data, 1, size, f);
	fclose(f);
	folio_pipeline_render(session, in, out);
	folio_diags_clear(folio_session_diags(session));
	unlink(out);
	return 0;
}
