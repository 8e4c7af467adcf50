/*
 * xslt.h -- compiling stylesheets once and applying them to documents.
 *
 * Every transformation runs under security preferences that forbid writing
 * files, creating directories and any network access; document() may read
 * only files under the stylesheet's own directory tree and the source's
 * directory.  folio's extension functions (namespace urn:folio:fo):
 * folio:line() gives stylesheets the source line of a node, folio:nbsp()
 * puts NO-BREAK SPACEs into text (typo.h).
 */
#ifndef FOLIO_XSLT_H
#define FOLIO_XSLT_H

#include "../base/base.h"
#include "../xml/xml.h"

#define FOLIO_FO_EXT_NS "urn:folio:fo"

typedef struct folio_xslt folio_xslt;

/* Registers folio's extensions and loaders with libxslt, once per process;
 * called by folio_xslt_load, and by a caller before two threads compile or
 * apply stylesheets at the same time. */
void folio_xslt_init(void);

/* Compiles the stylesheet at path; NULL with diagnostics on failure. */
folio_xslt *folio_xslt_load(folio_diags *d, const char *path);
void folio_xslt_free(folio_xslt *s);

/* Applies s to src with the given string parameters (params is a
 * NULL-terminated list of name, value pairs; values are plain strings, not
 * XPath).  Returns a new document the caller frees with xmlFreeDoc, or NULL
 * with diagnostics. */
xmlDocPtr folio_xslt_apply(folio_diags *d, folio_xslt *s,
                           const folio_xml_doc *src, const char **params);

/* Serialises a result document as the stylesheet's xsl:output asks into
 * buf (UTF-8).  Returns FOLIO_OK or FOLIO_EDOC. */
folio_status folio_xslt_serialize(folio_xslt *s, xmlDocPtr result,
                                  folio_buf *buf);

#endif
