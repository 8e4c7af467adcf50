/*
 * main.c -- the command line: subcommands, options, diagnostics on stderr,
 * exit codes (0 ok, 1 document errors, 2 usage / files / unknown type).
 */
#include <getopt.h>
#include <libgen.h>
#include <libxml/parser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "batch.h"
#include "fo/fo.h"
#include "image/image.h"
#include "layout/layout.h"
#include "pipeline.h"
#include "post/post.h"

static const char usage_text[] =
"Usage: folio COMMAND [OPTIONS] FILE...\n"
"\n"
"folio turns official documents written in XML (protocols, orders, plans,\n"
"reports, notes) into PDF: schema validation, XSLT to XSL-FO, its own\n"
"layout engine (pango), cairo PDF output.\n"
"\n"
"Commands:\n"
"  render IN.xml... [-o OUT.pdf | -d DIR]\n"
"                     the whole pipeline: validate, transform, lay out, draw.\n"
"                     One input may take -o; several need -d DIR (one PDF per\n"
"                     input, same base name).\n"
"  validate IN.xml... check each document against the schema of its type\n"
"                     and its business rules (schemas/TYPE-rules.xsl: quorum,\n"
"                     votes, numbering, deadlines, references); prints\n"
"                     diagnostics, exit 0 when there are no errors.\n"
"  transform IN.xml [-o OUT.fo]\n"
"                     validate and apply the stylesheet; writes the XSL-FO\n"
"                     (to standard output without -o).\n"
"  fo IN.fo -o OUT.pdf\n"
"                     lay out and draw an XSL-FO document directly.\n"
"  batch INPUT... -d DIR [-j N] [--manifest FILE] [--shard K/N] ...\n"
"                     many documents in parallel worker processes: files,\n"
"                     directories, globs, @lists, collections; skips what is\n"
"                     up to date (see 'folio batch --help', docs/batch.md).\n"
"  check FILE.pdf...  report the archival properties of any PDF (PDF/A\n"
"                     identification, XMP, OutputIntent, fonts, attachments,\n"
"                     tags, signature fields); exit 1 when one is missing.\n"
"  extract OUT.pdf [-o FILE]\n"
"                     write the source XML attached to the PDF.\n"
"  sign IN.pdf --field NAME --p12 CERT.p12 [--password-file F] -o OUT.pdf\n"
"                     sign the named signature field (PAdES B-B).\n"
"  sign --detached FILE --p12 CERT.p12 [--password-file F] [-o FILE.sig]\n"
"                     a detached CMS signature (DER) of any file.\n"
"  new TYPE           print a complete, valid example document of TYPE\n"
"                     (protocol, order, note, plan, report, document) to\n"
"                     start from: folio new protocol > my-protocol.xml\n"
"\n"
"Options:\n"
"  -o, --output FILE  the output file\n"
"  -d, --dir DIR      the output directory (render)\n"
"      --dump-fo FILE      write the FO tree with computed properties\n"
"                          ('-' = standard output)\n"
"      --dump-areas FILE   write the area tree with positions ('-' = stdout)\n"
"      --data-dir DIR      where schemas/ and stylesheets/ are (default: next\n"
"                          to the executable; or $FOLIO_DATA_DIR)\n"
"      --param NAME=VALUE  a stylesheet parameter (e.g. gost-edition=2025)\n"
"      --image-dir DIR     also read images below DIR (by default only\n"
"                          below the input's directory; never from the network)\n"
"      --force            render even when business rules report errors\n"
"                         (schema errors always stop)\n"
"      --pdfa=LEVEL       PDF/A level of the PDF: 2b (default), 3b, 2a, 3a,\n"
"                         or none (docs/archiving.md)\n"
"      --attach-source    attach the source XML (default with 3b and 3a;\n"
"                         needs PDF/A-3); --no-attach-source: do not\n"
"      --no-signature-fields  no empty signature fields over the\n"
"                         signature lines (protocols, orders, plans)\n"
"      --timings          a note per document with the wall time of each\n"
"                         stage (load, schema, ..., layout, render, post)\n"
"      --layout-threads=N  threads that set a flow's paragraphs: 0 (default)\n"
"                         one per core when the text is long enough, 1 one,\n"
"                         N up to N (at most 8); the PDF is the same bytes\n"
"  -q, --quiet        print errors only, no warnings or notes\n"
"  -h, --help         this text\n"
"  -V, --version      the version\n"
"\n"
"The document type comes from the root element's namespace, urn:folio:TYPE;\n"
"its schema is schemas/TYPE.xsd and its stylesheet stylesheets/TYPE.xsl.\n"
"\n"
"Diagnostics are printed as FILE:LINE:COL: error|warning: MESSAGE.\n"
"Exit status: 0 success; 1 the document has errors (malformed XML, schema\n"
"violations, layout errors); 2 usage errors, missing or unreadable input,\n"
"unknown document type, unwritable output, a library that cannot be opened\n"
"(libqpdf, libcrypto).  A failed run never leaves a partial output file and\n"
"never overwrites an existing one.\n"
"\n"
"Environment: FOLIO_DATA_DIR, SOURCE_DATE_EPOCH (PDF creation date),\n"
"FONTCONFIG_FILE (fonts).\n";

static bool quiet;

static void
print_diags(folio_diags *d)
{
	folio_buf b = {0};
	for (size_t i = 0; i < d->n; i++) {
		if (quiet && d->items[i].severity != FOLIO_ERROR)
			continue;
		folio_diag_format(&d->items[i], &b);
		fprintf(stderr, "%s\n", b.data);
		folio_buf_clear(&b);
	}
	if (d->dropped)
		fprintf(stderr, "folio: %zu more diagnostics not shown\n", d->dropped);
	folio_diags_clear(d);
}

static int
fail_usage(const char *msg)
{
	fprintf(stderr, "folio: error: %s (see 'folio --help')\n", msg);
	return FOLIO_EUSAGE;
}

static char *
pdf_name(const char *dir, const char *in)
{
	char *copy = folio_strdup(in);
	char *base = basename(copy);
	char *dot = strrchr(base, '.');
	if (dot && dot != base)
		*dot = 0;
	char *r = folio_asprintf("%s/%s.pdf", dir, base);
	free(copy);
	return r;
}

typedef struct cli {
	const char *out, *dir, *data_dir;
	folio_session_opts so;
	const char **params;
	int nparams;
} cli;

static const struct option longopts[] = {
	{"output", required_argument, NULL, 'o'},
	{"dir", required_argument, NULL, 'd'},
	{"dump-fo", required_argument, NULL, 1},
	{"dump-areas", required_argument, NULL, 2},
	{"data-dir", required_argument, NULL, 3},
	{"param", required_argument, NULL, 4},
	{"list-fo-support", no_argument, NULL, 5},
	{"force", no_argument, NULL, 6},
	{"pdfa", required_argument, NULL, 7},
	{"attach-source", no_argument, NULL, 8},
	{"no-attach-source", no_argument, NULL, 9},
	{"no-signature-fields", no_argument, NULL, 10},
	{"image-dir", required_argument, NULL, 11},
	{"timings", no_argument, NULL, 12},
	{"layout-threads", required_argument, NULL, 13},
	{"quiet", no_argument, NULL, 'q'},
	{"help", no_argument, NULL, 'h'},
	{"version", no_argument, NULL, 'V'},
	{NULL, 0, NULL, 0},
};

/* folio new TYPE: prints schemas/examples/TYPE.xml. */
static int
cmd_new(const char *type, const char *data_dir, const char *argv0)
{
	if (!type)
		return fail_usage("new needs one document type, e.g. 'folio new protocol'");
	for (const char *p = type; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || *p == '-'))
			return fail_usage("a document type is a lower-case name such as protocol");
	char *dd = folio_data_dir_find(data_dir, argv0);
	char *path = folio_asprintf("%s/schemas/examples/%s.xml", dd ? dd : ".", type);
	FILE *f = fopen(path, "rb");
	int rc = FOLIO_OK;
	if (!f) {
		fprintf(stderr, "folio: error: no example for document type \"%s\" (%s)\n",
		        type, path);
		rc = FOLIO_EUSAGE;
	} else {
		char buf[8192];
		size_t n;
		while ((n = fread(buf, 1, sizeof buf, f)) > 0)
			fwrite(buf, 1, n, stdout);
		fclose(f);
	}
	free(path);
	free(dd);
	return rc;
}

/* Handles one option; returns -1 to go on, or an exit code. */
static int
option(cli *o, int c)
{
	switch (c) {
	case 'o': o->out = optarg; return -1;
	case 'd': o->dir = optarg; return -1;
	case 1: o->so.dump_fo = optarg; return -1;
	case 2: o->so.dump_areas = optarg; return -1;
	case 3: o->data_dir = optarg; return -1;
	case 4: {
		char *eq = strchr(optarg, '=');
		if (!eq)
			return fail_usage("--param needs NAME=VALUE");
		*eq = 0;
		o->params[2 * o->nparams] = optarg;
		o->params[2 * o->nparams + 1] = eq + 1;
		o->nparams++;
		return -1;
	}
	case 5: {
		folio_buf b = {0};
		folio_fo_support_doc(&b);
		fputs(b.data, stdout);
		folio_buf_clear(&b);
		return 0;
	}
	case 6: o->so.force = true; return -1;
	case 7: {
		folio_pdfa l;
		if (!folio_pdfa_parse(optarg, &l))
			return fail_usage("--pdfa takes 2b, 3b, 2a, 3a or none");
		o->so.pdfa = (int)l;
		return -1;
	}
	case 8: o->so.attach_source = 1; return -1;
	case 9: o->so.attach_source = -1; return -1;
	case 10: o->so.no_signature_fields = true; return -1;
	case 11: folio_image_allow_dir(optarg); return -1;
	case 12: o->so.timings = true; return -1;
	case 13: {
		char *end;
		long n = strtol(optarg, &end, 10);
		if (end == optarg || *end || n < 0 || n > 64)
			return fail_usage("--layout-threads takes a number from 0 to 64");
		o->so.layout_threads = (int)n;
		return -1;
	}
	case 'q': quiet = true; return -1;
	case 'h': fputs(usage_text, stdout); return 0;
	case 'V': printf("folio %s\n", FOLIO_VERSION); return 0;
	default: return fail_usage("unknown option");
	}
}

int
main(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], "batch"))
		return folio_batch_main(argc - 1, argv + 1);
	cli o = {0};
	o.params = folio_calloc((size_t)argc * 2 + 1, sizeof *o.params);
	int c, r;
	/* options before the command, then the command, then the rest */
	while ((c = getopt_long(argc, argv, "+o:d:qhV", longopts, NULL)) != -1)
		if ((r = option(&o, c)) >= 0)
			return r;
	if (optind >= argc)
		return fail_usage("no command given");
	const char *cmd = argv[optind++];
	/* check, extract, sign: the post stage's own tools and options */
	if ((r = folio_post_cli(cmd, argc - optind + 1, argv + optind - 1)) >= 0)
		return r;
	/* getopt keeps the "+" (stop at the first operand) ordering it started
	 * with, so collect operands between the options by hand */
	char **in = folio_calloc((size_t)argc + 1, sizeof *in);
	int nin = 0;
	while (optind < argc) {
		if ((c = getopt_long(argc, argv, "+o:d:qhV", longopts, NULL)) != -1) {
			if ((r = option(&o, c)) >= 0)
				return r;
			continue;
		}
		if (optind < argc)
			in[nin++] = argv[optind++];
	}
	const char *out = o.out, *dir = o.dir;
	folio_session_opts so = o.so;
	const char **params = o.params;
	const char *data_dir = o.data_dir;
	if (!strcmp(cmd, "new"))
		return cmd_new(nin == 1 ? in[0] : NULL, o.data_dir, argv[0]);
	bool is_render = !strcmp(cmd, "render"), is_fo = !strcmp(cmd, "fo");
	bool is_validate = !strcmp(cmd, "validate"), is_transform = !strcmp(cmd, "transform");
	if (!is_render && !is_fo && !is_validate && !is_transform)
		return fail_usage("unknown command (render, validate, transform, fo, batch, new)");
	if (nin < 1)
		return fail_usage("no input file given");
	if ((is_fo || is_transform) && nin > 1)
		return fail_usage("this command takes one input file");
	if (out && dir)
		return fail_usage("give -o or -d, not both");
	if (so.attach_source > 0 && folio_pdfa_part((folio_pdfa)so.pdfa) == 2)
		return fail_usage("PDF/A-2 allows only PDF/A files as attachments: "
		                  "use --pdfa=3b (or 3a) with --attach-source");
	if (is_render && nin > 1 && !dir)
		return fail_usage("several inputs need -d DIR");
	if ((is_render || is_fo) && !out && !dir && !so.dump_fo && !so.dump_areas)
		return fail_usage("no output: give -o OUT.pdf (or -d DIR)");
	if (dir) {
		struct stat st;
		if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
			fprintf(stderr, "folio: %s: error: output directory does not exist\n", dir);
			return FOLIO_EUSAGE;
		}
	}

	LIBXML_TEST_VERSION
	char *dd = folio_data_dir_find(data_dir, argv[0]);
	so.data_dir = dd;
	so.params = params;
	folio_session *s = folio_session_new(&so);
	int worst = FOLIO_OK;
	for (int i = 0; i < nin; i++) {
		folio_status st;
		char *target = dir ? pdf_name(dir, in[i]) : NULL;
		if (is_validate)
			st = folio_pipeline_validate(s, in[i]);
		else if (is_transform)
			st = folio_pipeline_transform(s, in[i], out);
		else if (is_fo)
			st = folio_pipeline_fo(s, in[i], target ? target : out);
		else
			st = folio_pipeline_render(s, in[i], target ? target : out);
		free(target);
		print_diags(folio_session_diags(s));
		if ((int)st > worst)
			worst = (int)st;
	}
	/* The process ends here: the compiled stylesheets and schemas, the
	 * hyphenation dictionaries and libxml2's globals go with it (freeing
	 * them one by one cost 10 M instructions, 3 ms of a 60 ms render).
	 * FOLIO_FULL_CLEANUP=1 frees everything first, for leak checkers
	 * (tests/leakcheck.sh). */
	if (getenv("FOLIO_FULL_CLEANUP")) {
		folio_session_free(s);
		free(dd);
		free(params);
		free(in);
		folio_layout_cleanup();
		folio_deflate_release();
		xmlCleanupParser();
	}
	return worst;
}
