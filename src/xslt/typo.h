/*
 * typo.h -- the no-break-space typography of the author's text, in C, for
 * stylesheets as the extension function folio:nbsp(string) (namespace
 * urn:folio:fo).  The rules are those of stylesheets/document.xsl
 * (document-typo-xslt, the fallback for other XSLT processors); see typo.c.
 */
#ifndef FOLIO_XSLT_TYPO_H
#define FOLIO_XSLT_TYPO_H

/* s (UTF-8, whitespace collapsed as by normalize-space()) with every space
 * between two words where a line must not break replaced by a NO-BREAK
 * SPACE (U+00A0).  Other spaces are kept as they are, and so is a space
 * next to a word that is not valid UTF-8.  Returns a new string the caller
 * frees with free(). */
char *folio_typo_nbsp(const char *s);

/* Registers folio:nbsp(string) -> string with libxslt (once, at start). */
void folio_typo_register(void);

#endif
