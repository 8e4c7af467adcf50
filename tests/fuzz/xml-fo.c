/*
 * xml-fo.c -- fuzz target: bytes -> safe XML parse -> FO tree builder
 * (element and property tables, cascade, shorthands, depth limit) -> FO
 * dump.  No layout: that is the pipeline target's job.
 */
#include "fuzz.h"

#include "../../src/fo/fo.h"
#include "../../src/xml/xml.h"

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	fuzz_pin_env();
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	folio_diags d = {0};
	folio_status st;
	folio_xml_doc *x = folio_xml_load_memory(&d, "fuzz.fo", (const char *)data,
	                                         size, &st);
	if (x) {
		folio_fo_doc *fo = folio_fo_build(&d, x->doc, "fuzz.fo", NULL);
		if (fo) {
			folio_buf b = {0};
			folio_fo_dump(fo, &b);
			folio_buf_clear(&b);
		}
		folio_fo_doc_free(fo);
	}
	folio_xml_doc_free(x);
	folio_diags_clear(&d);
	return 0;
}
