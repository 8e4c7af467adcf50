<?xml version="1.0"?>
<!-- bench/strip-folio.xsl: the XSL-FO folio's stylesheets produce, minus
     folio's own source-line attributes (urn:folio:fo), which Apache FOP
     rejects in its strict validation.  Nothing else changes. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:folio="urn:folio:fo" exclude-result-prefixes="folio">
  <xsl:template match="@folio:*"/>
  <xsl:template match="folio:*"/>
  <xsl:template match="*">
    <xsl:element name="{name()}" namespace="{namespace-uri()}">
      <xsl:apply-templates select="@*|node()"/>
    </xsl:element>
  </xsl:template>
  <xsl:template match="@*|text()|comment()|processing-instruction()">
    <xsl:copy/>
  </xsl:template>
</xsl:stylesheet>
