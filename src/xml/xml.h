/*
 * xml.h -- loading XML safely and validating it against an XSD.
 *
 * Loading never touches the network, never loads external DTDs and never
 * expands entities; every problem becomes a diagnostic with the file, line
 * and column.  Nothing is printed by libxml2 itself.  This module does not
 * know what document types exist: it reports the root's namespace and the
 * caller decides.
 */
#ifndef FOLIO_XML_H
#define FOLIO_XML_H

#include <libxml/tree.h>

#include "../base/base.h"

/* A loaded document and the bytes it came from (for column lookups and
 * later for attaching the source to the PDF). */
typedef struct folio_xml_doc {
	xmlDocPtr doc;     /* owned */
	char *path;        /* owned; the path as the user gave it */
	char *bytes;       /* owned; the file contents, NUL-terminated */
	size_t len;        /* length of bytes */
} folio_xml_doc;

/* Reads and parses path.  Returns a document the caller frees with
 * folio_xml_doc_free, or NULL with *status set: FOLIO_EUSAGE when the file
 * cannot be read or is too big, FOLIO_EDOC when it is not well-formed (the
 * diagnostics say where). */
folio_xml_doc *folio_xml_load(folio_diags *d, const char *path,
                              folio_status *status);
/* Parses bytes[0..len) (malloc'd, NUL-terminated; taken over, freed even on
 * failure) as if read from path: diagnostics and relative references use
 * path.  For documents cut out of a larger file (folio batch collections). */
folio_xml_doc *folio_xml_load_bytes(folio_diags *d, const char *path,
                                    char *bytes, size_t len,
                                    folio_status *status);
/* The same for a document already in memory (bytes are copied); name is
 * what diagnostics call it. */
folio_xml_doc *folio_xml_load_memory(folio_diags *d, const char *name,
                                     const char *bytes, size_t len,
                                     folio_status *status);
void folio_xml_doc_free(folio_xml_doc *x);

/* The next element-tree node after n in document order (pre-order), not
 * entering n's children when descend is false; NULL at the end.  The walk
 * stays below the first non-element ancestor (the document node). */
xmlNodePtr folio_xml_walk_next(xmlNodePtr n, bool descend);

/* Column (1-based) of the start tag of node in the source, or 1 when it
 * cannot be found.  node must belong to x. */
int folio_xml_node_col(const folio_xml_doc *x, xmlNodePtr node);

/* A compiled XSD, reusable for many documents. */
typedef struct folio_xml_schema folio_xml_schema;

/* Compiles the schema at path; NULL with diagnostics on failure. */
folio_xml_schema *folio_xml_schema_load(folio_diags *d, const char *path);
void folio_xml_schema_free(folio_xml_schema *s);

/* Validates x against s, adding one diagnostic per violation.  Returns
 * FOLIO_OK or FOLIO_EDOC. */
folio_status folio_xml_validate(folio_diags *d, folio_xml_schema *s,
                                folio_xml_doc *x);

/* The document type named by the root element's namespace "urn:folio:T":
 * copies T (letters, digits, '-') into buf and returns buf, or returns NULL
 * when the root is not in such a namespace. */
const char *folio_xml_doc_type(const folio_xml_doc *x, char *buf, size_t size);

/* Installs folio's structured error handler for libxml2 / libxslt calls
 * made until the matching pop, routing their messages to d.  Library
 * messages are never printed. */
void folio_xml_errors_push(folio_diags *d, const folio_xml_doc *x);
void folio_xml_errors_pop(void);
/* While set, XPath errors are not routed (libxslt reports the same problem
 * again with the stylesheet's file and line). */
void folio_xml_errors_skip_xpath(bool skip);

#endif
