#!/usr/bin/env bash
# tests/e2e/document-typo.sh -- the no-break-space typography of the
# document type (stylesheets/document.xsl, document-typo): each rule puts
# a NO-BREAK SPACE where a line must not break, ordinary pairs keep their
# space, in a short paragraph (word by word) and in a long one (halved
# until the pieces are short, with rule pairs spread over it so some fall
# on the seams).
. "$(dirname "$0")/../lib.sh"

NB=$'\xc2\xa0'
LONG='Решение комиссии от 6 марта 2013 г. № 2 принято по докладу Е.В. Жарких и с учётом мнения Иванова И.И. — все работы выполнить во 2 кв. 2014 года, долю довести до 20 % от общего объёма средств кластера, что составляет обычную практику развития территориальных кластеров с 12 апреля 2013 года и далее в течение всего периода реализации программы – без исключений.'
SHORT='Пункт 5 приказа № 12 от 1 июня 2020 г. отменить'
# the example document, with points 1 and 3.1 replaced by the cases
python3 - "$LONG" "$SHORT" >"$T/d.xml" <<'EOF'
import re, sys
s = open("schemas/examples/document.xml", encoding="utf-8").read()
s = re.sub(r'(<point n="1">)[^<]*(</point>)', lambda m: m.group(1) + sys.argv[1] + m.group(2), s, count=1)
s = re.sub(r'(<point n="3.1">)[^<]*(</point>)', lambda m: m.group(1) + sys.argv[2] + m.group(2), s, count=1)
sys.stdout.write(s)
EOF
folio transform "$T/d.xml" -o "$T/d.fo"
expect_rc document-typo/transform 0

has() {  # NAME TEXT -- TEXT (with $NB) is in the FO
  if grep -qF -- "$2" "$T/d.fo"; then pass "document-typo/$1"; else
    fail "document-typo/$1" "'$2' not in the FO" "$T/d.fo"; fi
}
has day-month "6${NB}марта${NB}2013${NB}г."
has number-sign "№${NB}2 "
has initials-surname "Е.В.${NB}Жарких"
has surname-initials "Иванова${NB}И.И.${NB}—"
has quarter "2${NB}кв.${NB}2014${NB}года,"
has percent "20${NB}%"
has month-year "12${NB}апреля${NB}2013${NB}года"
has en-dash "программы${NB}– без"
has plain-pairs "что составляет обычную практику развития"
has short-paragraph "Пункт 5 приказа №${NB}12 от 1${NB}июня${NB}2020${NB}г. отменить"
# nothing else of the long paragraph changed: with every NO-BREAK SPACE
# turned back into a space it is the source text
got=$(python3 -c 'import sys
fo = open(sys.argv[1], encoding="utf-8").read().replace("\u00a0", " ")
print("yes" if sys.argv[2] in fo else "no")' "$T/d.fo" "$LONG")
if [ "$got" = yes ]; then pass document-typo/text-unchanged; else
  fail document-typo/text-unchanged "the long paragraph differs from its source beyond spaces" "$T/d.fo"; fi

finish
