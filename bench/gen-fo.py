#!/usr/bin/env python3
"""Writes an XSL-FO document of about N pages of official-looking text:
numbered points, justified hyphenated paragraphs, a bullet list and a plan
table per section, footnotes, page numbers "N of M" (a citation that makes
layout run twice), running headers from markers.  Deterministic: the same N
gives the same bytes.  Usage: gen-fo.py PAGES > out.fo"""
import sys

WORDS = ("организация профессионального образования кластер развития "
         "подготовки кадров региона работодателей мероприятия обеспечение "
         "реализации программы взаимодействия участников соглашения "
         "координационного совета деятельности направления качества").split()

def para(seed, n):
    return " ".join(WORDS[(seed * 7 + i * 3) % len(WORDS)] for i in range(n))

def main():
    pages = int(sys.argv[1])
    sections = max(1, round(pages / 1.4))
    out = []
    w = out.append
    w('<?xml version="1.0" encoding="UTF-8"?>\n'
      '<fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format" language="ru" hyphenate="true">\n'
      '<fo:layout-master-set><fo:simple-page-master master-name="A4" page-width="210mm" '
      'page-height="297mm" margin="10mm 10mm 20mm 30mm"><fo:region-body margin-top="10mm"/>'
      '<fo:region-before extent="10mm"/></fo:simple-page-master></fo:layout-master-set>\n'
      '<fo:page-sequence master-reference="A4" id="seq">\n'
      '<fo:static-content flow-name="xsl-region-before"><fo:block font-family="PT Serif" '
      'font-size="10pt" text-align-last="justify"><fo:retrieve-marker retrieve-class-name="s"/>'
      '<fo:leader/><fo:page-number/> из <fo:page-number-citation-last ref-id="seq"/>'
      '</fo:block></fo:static-content>\n'
      '<fo:static-content flow-name="xsl-footnote-separator"><fo:block><fo:leader '
      'leader-pattern="rule" leader-length="40mm" rule-thickness="0.5pt"/></fo:block>'
      '</fo:static-content>\n'
      '<fo:flow flow-name="xsl-region-body" font-family="PT Serif" font-size="14pt" '
      'text-align="justify">\n')
    for s in range(1, sections + 1):
        w(f'<fo:block font-weight="bold" text-align="center" space-before="12pt" '
          f'space-after="6pt" keep-with-next="always"><fo:marker marker-class-name="s">'
          f'Раздел {s}</fo:marker>{s}. Раздел {s}</fo:block>\n')
        for p in range(1, 5):
            w(f'<fo:block text-indent="1.25cm">{s}.{p}. {para(s * 10 + p, 45)}')
            if p == 2:
                w(f'<fo:footnote><fo:inline baseline-shift="super" font-size="9pt">{s}</fo:inline>'
                  f'<fo:footnote-body><fo:block font-size="10pt">{s} {para(s, 12)}</fo:block>'
                  f'</fo:footnote-body></fo:footnote>')
            w('.</fo:block>\n')
        w('<fo:list-block provisional-distance-between-starts="1cm">\n')
        for i in range(3):
            w(f'<fo:list-item><fo:list-item-label end-indent="label-end()"><fo:block>–</fo:block>'
              f'</fo:list-item-label><fo:list-item-body start-indent="body-start()"><fo:block>'
              f'{para(s + i, 14)};</fo:block></fo:list-item-body></fo:list-item>\n')
        w('</fo:list-block>\n')
        w('<fo:table table-layout="fixed" width="100%" font-size="12pt" space-before="6pt">'
          '<fo:table-column column-width="15mm"/><fo:table-column column-width="proportional-column-width(3)"/>'
          '<fo:table-column column-width="proportional-column-width(1)"/>'
          '<fo:table-header><fo:table-row>')
        for h in ("№", "Мероприятие", "Срок"):
            w(f'<fo:table-cell border="0.5pt solid black" padding="2pt"><fo:block font-weight="bold">{h}</fo:block></fo:table-cell>')
        w('</fo:table-row></fo:table-header><fo:table-body>')
        for r in range(1, 5):
            w('<fo:table-row>')
            for c in (f"{s}.{r}", para(s * r, 10), "I квартал"):
                w(f'<fo:table-cell border="0.5pt solid black" padding="2pt"><fo:block text-align="start">{c}</fo:block></fo:table-cell>')
            w('</fo:table-row>')
        w('</fo:table-body></fo:table>\n')
    w('</fo:flow></fo:page-sequence></fo:root>\n')
    sys.stdout.write("".join(out))

main()
