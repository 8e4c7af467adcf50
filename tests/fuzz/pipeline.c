/*
 * pipeline.c -- fuzz target: the whole back half in memory: bytes as an
 * XSL-FO document -> FO tree -> layout (pango) -> area dump -> PDF written
 * to /dev/null.  Images are resolved against tests/golden (the base
 * directory of the seeds).
 */
#include <stdio.h>

#include "fuzz.h"

#include "../../src/fo/fo.h"
#include "../../src/layout/layout.h"
#include "../../src/render/render.h"
#include "../../src/xml/xml.h"

static FILE *devnull;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	fuzz_pin_env();
	devnull = fopen("/dev/null", "wb");
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* big inputs only find slowness we already bound with limits */
	if (size > 64 * 1024)
		return 0;
	folio_diags d = {0};
	folio_status st;
	folio_xml_doc *x = folio_xml_load_memory(&d, FUZZ_REPO "/tests/golden/fuzz.fo",
	                                         (const char *)data, size, &st);
	folio_fo_doc *fo = x ? folio_fo_build(&d, x->doc, x->path, NULL) : NULL;
	folio_area_tree *t = fo ? folio_layout_run(&d, fo) : NULL;
	if (t) {
		folio_buf b = {0};
		folio_area_dump(t, &b);
		folio_buf_clear(&b);
		folio_render_meta meta = {.title = "fuzz", .create_date = "2000-01-01T00:00:00",
		                          .bookmarks = fo->bookmarks};
		folio_render_pdf(&d, t, devnull, "/dev/null", &meta);
	}
	folio_area_tree_free(t);
	folio_fo_doc_free(fo);
	folio_xml_doc_free(x);
	folio_diags_clear(&d);
	return 0;
}
