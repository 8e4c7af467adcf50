#!/usr/bin/env bash
# e2e/protocol-forms — the extract ("Выписка из протокола", form="extract")
# and the short form (form="short") of a protocol, read back from the PDF
# with pdftotext and qpdf (docs/protocol.md «Полная и краткая форма» and
# «Выписка из протокола»; gost-layout.md §3.2):
#   - input/protocol-2021-tomsk-extract.xml (item 2 of the Tomsk protocol):
#     ВЫПИСКА ИЗ ПРОТОКОЛА, the header, the attendance as head counts, the
#     agenda item 2 and its decision "2." only, the signature, then the
#     certification "Верно" + position + Е.В. Жарких + 12.04.2021;
#   - input/protocol-2021-tomsk-short.xml: every item title with its
#     speaker's name, every decision, the vote, none of the narrative;
#   - an extract naming item 9 of 3: PROTOCOL-EXTRACT-ITEM at the root's
#     line, no PDF (a PDF with --force); the same through --param; a
#     decision item="7" (error at its line); an extract whose item has no
#     linked decision (warning PROTOCOL-EXTRACT-NO-DECISION);
#   - every PDF passes qpdf --check.
# Texts are compared case-insensitively with whitespace, NBSP, soft
# hyphens, dashes and quotes removed, so line breaks and hyphenation do not
# matter.
. "$(dirname "$0")/../lib.sh"
need_folio

EXTRACT=input/protocol-2021-tomsk-extract.xml
SHORT=input/protocol-2021-tomsk-short.xml

# --- helpers ----------------------------------------------------------------

# texts.py TXT order KEY...   every KEY occurs in TXT (pdftotext -layout: a
#                             signature row is one line), each after the last
# texts.py TXT has KEY...     every KEY occurs
# texts.py TXT lacks KEY...   no KEY occurs
# texts.py TXT count N KEY    KEY occurs exactly N times
# Prints the first problem and exits 1.
cat >"$T/texts.py" <<'EOF'
import re, sys, unicodedata
DROP = re.compile(r"[\s\-\u00ad\u2010-\u2015\u2212\u00ab\u00bb\"\u201c-\u201f]+")
def norm(s):
    s = unicodedata.normalize("NFKC", s).casefold().replace("ё", "е")
    return DROP.sub("", s)
text = norm(open(sys.argv[1], encoding="utf-8").read())
mode, keys = sys.argv[2], sys.argv[3:]
if mode == "order":
    pos, prev = 0, "(start)"
    for k in keys:
        i = text.find(norm(k), pos)
        if i < 0:
            print("%r %s" % (k, "missing" if text.find(norm(k)) < 0
                             else "out of order (only before %r)" % prev))
            sys.exit(1)
        pos, prev = i + len(norm(k)), k
elif mode == "has":
    for k in keys:
        if norm(k) not in text:
            print("%r missing" % k); sys.exit(1)
elif mode == "lacks":
    for k in keys:
        if norm(k) in text:
            print("%r is printed" % k); sys.exit(1)
elif mode == "count":
    n, k = int(keys[0]), keys[1]
    got = text.count(norm(k))
    if got != n:
        print("%r printed %d times, expected %d" % (k, got, n)); sys.exit(1)
EOF

# text_check NAME TXT MODE ARGS... — one check over a pdftotext file.
text_check() {
  local name=$1 txt=$2
  shift 2
  if python3 "$T/texts.py" "$txt" "$@" >"$T/texts.out" 2>&1; then
    pass "$name"
  else
    fail "$name" "$(head -n 1 "$T/texts.out")"
  fi
}

# render_ok NAME IN PDF [ARGS...] — renders, exit 0, no diagnostics, a PDF
# that qpdf accepts; leaves the text in PDF.txt.
render_ok() {
  local name=$1 in=$2 pdf=$3
  shift 3
  rm -f "$pdf" "$pdf.txt"
  folio render "$@" "$in" -o "$pdf"
  expect_rc "$name/render" 0
  if [ -s "$ERR" ]; then fail "$name/no-diagnostics" "render printed diagnostics" "$ERR"; else pass "$name/no-diagnostics"; fi
  if ! is_pdf "$pdf"; then
    fail "$name/pdf" "no PDF written"
    return 1
  fi
  if qpdf --check "$pdf" >"$T/qpdf" 2>&1; then
    pass "$name/qpdf-check"
  else
    fail "$name/qpdf-check" "qpdf --check reports problems" "$T/qpdf"
  fi
  pdftotext -layout -enc UTF-8 "$pdf" "$pdf.txt" 2>/dev/null
}

# one_rule NAME FILE LINE SEVERITY CODE — stderr is exactly one diagnostic,
# FILE:LINE:COL: SEVERITY: ... [CODE], COL at the line's first '<'.
one_rule() {
  local name=$1 file=$2 line=$3 sev=$4 code=$5 col n p
  col=$(awk -v n="$line" 'NR == n { print index($0, "<"); exit }' "$file")
  p=$(_diag_prefix "$file" "$line")
  p=${p%'[0-9]+: '}
  n=$(grep -c -E ': (error|warning|note): ' "$ERR")
  if [ "$n" -ne 1 ]; then
    fail "$name" "expected one diagnostic, got $n" "$ERR"
  elif grep -q -E "${p}${col}: ${sev}: .* \\[${code}\\]\$" "$ERR"; then
    pass "$name"
  else
    fail "$name" "expected $file:$line:$col: $sev: ... [$code]" "$ERR"
  fi
}

# --- the extract ------------------------------------------------------------

pdf=$T/extract.pdf
if render_ok extract "$EXTRACT" "$pdf"; then
  txt=$pdf.txt
  text_check extract/title "$txt" has "ВЫПИСКА ИЗ ПРОТОКОЛА № 1"
  # Document order: header, head counts, the agenda's item 2, its
  # hearing, its decision with the original number, the signature, then
  # the certification mark.
  text_check extract/in-order "$txt" order \
    "ВЫПИСКА ИЗ ПРОТОКОЛА № 1" \
    "Координационного совета Промышленного образовательно-отраслевого кластера" \
    "9 апреля 2021 г." "г. Томск" \
    "ПРИСУТСТВОВАЛИ ОЧНО: 14 человек" \
    "ОНЛАЙН ПОДКЛЮЧЕНИЕ: 3 человека" \
    "ПОВЕСТКА ЗАСЕДАНИЯ:" \
    "2. Обсуждение содержания Соглашения" \
    "2. СЛУШАЛИ:" \
    "Д.М. Матвеев — Обсуждение содержания Соглашения" \
    "В ходе обсуждения определены основные направления" \
    "развитие механизмов государственно-частного партнерства" \
    "РЕШИЛИ:" \
    "2. Создать рабочую группу для определения формата Соглашения" \
    "Срок: 28.05.2021. Ответственный: Матвеев Д.М." \
    "Секретарь Координационного совета" "Е.В. Жарких" \
    "Верно" \
    "Секретарь Координационного совета" "Е.В. Жарких" \
    "12.04.2021"
  text_check extract/not-other-items "$txt" lacks \
    "Представление целей и задач" \
    "Кластер создается с целью" \
    "Для избрания Председателем" \
    "единогласно проголосовали" \
    "О структуре Плана работы" \
    "При составлении Плана учесть" \
    "Утвердить сроком на 5 лет" \
    "Создать рабочую группу для разработки Плана" \
    "1. СЛУШАЛИ" "3. СЛУШАЛИ"
  # attendance="count" is the default of an extract: no names, no
  # "(список прилагается)" (the list is in the protocol itself).
  text_check extract/head-counts-only "$txt" lacks \
    "Неизвестных" "Филонова" "Представитель Департамента" "список прилагается"
  text_check extract/one-certification "$txt" count 1 "Верно"
  text_check extract/one-title "$txt" count 1 "ВЫПИСКА"
fi

# The same file printed as the full protocol (--param form=full): all
# items and decisions, the attendees by name, the certification (a
# certified copy).
pdf=$T/extract-as-full.pdf
if render_ok extract-as-full "$EXTRACT" "$pdf" --param form=full; then
  text_check extract-as-full/all "$pdf.txt" order \
    "ПРОТОКОЛ № 1" "Неизвестных" \
    "1. СЛУШАЛИ" "2. СЛУШАЛИ" "3. СЛУШАЛИ" \
    "1. Утвердить сроком на 5 лет" \
    "2. Создать рабочую группу для определения формата" \
    "3. Создать рабочую группу для разработки Плана" \
    "Верно" "12.04.2021"
  text_check extract-as-full/no-extract-title "$pdf.txt" lacks "ВЫПИСКА"
fi

# "Выписка верна" instead of "Верно"; attendance="list" prints the names.
sed -e 's/<certified /<certified label="Выписка верна" /' \
    -e 's/ form="extract"/ attendance="list"&/' "$EXTRACT" >"$T/extract-variant.xml"
pdf=$T/extract-variant.pdf
if render_ok extract-variant "$T/extract-variant.xml" "$pdf"; then
  text_check extract-variant/label "$pdf.txt" order \
    "ВЫПИСКА ИЗ ПРОТОКОЛА" "Неизвестных Михаил Николаевич" "Саидова" \
    "2. Создать рабочую группу" "Выписка верна" "Е.В. Жарких" "12.04.2021"
  text_check extract-variant/no-count "$pdf.txt" lacks "14 человек"
fi

# Two items, through the parameters, of a protocol whose decisions are
# inside the items (the 2017 seed): their own numbers, the others absent.
pdf=$T/extract-2017.pdf
rm -f "$pdf"
folio render --param form=extract --param extract="1 3" input/protocol-2017-smolensk.xml -o "$pdf"
expect_rc extract-2017/render 0
if is_pdf "$pdf"; then
  if qpdf --check "$pdf" >"$T/qpdf" 2>&1; then pass extract-2017/qpdf-check; else fail extract-2017/qpdf-check "qpdf --check reports problems" "$T/qpdf"; fi
  pdftotext -layout -enc UTF-8 "$pdf" "$pdf.txt" 2>/dev/null
  text_check extract-2017/items "$pdf.txt" order \
    "ВЫПИСКА ИЗ ПРОТОКОЛА" "ПРИСУТСТВОВАЛИ: 7 человек" \
    "1. О кластерной модели" "3. Об утверждении плана работы" \
    "1. О кластерной модели" "1. Принять к сведению доклад" \
    "3. Об утверждении плана работы" "Утвердить план работы образовательно-производственного кластера" \
    "В.С. Чуранов" "М.В. Белокопытов"
  text_check extract-2017/not-item-2 "$pdf.txt" lacks "О ключевых направлениях работы кластера"
else
  fail extract-2017/pdf "no PDF written" "$ERR"
fi

# --- the short form ---------------------------------------------------------

pdf=$T/short.pdf
if render_ok short "$SHORT" "$pdf"; then
  txt=$pdf.txt
  text_check short/in-order "$txt" order \
    "ПРОТОКОЛ № 1" \
    "ПРИСУТСТВОВАЛИ ОЧНО:" "Неизвестных Михаил Николаевич" \
    "ОНЛАЙН ПОДКЛЮЧЕНИЕ:" "Саидова Юлия Насриддиновна" \
    "ПОВЕСТКА ЗАСЕДАНИЯ:" \
    "1. Представление целей и задач" "(Д.М. Матвеев)" \
    "Участники заседания единогласно проголосовали за предложенную кандидатуру." \
    "2. Обсуждение содержания Соглашения" "(Д.М. Матвеев)" \
    "3. О структуре Плана работы" "(Д.М. Матвеев)" \
    "РЕШИЛИ:" \
    "1. Утвердить сроком на 5 лет Председателем" \
    "Костарева Максима Михайловича" \
    "2. Создать рабочую группу для определения формата Соглашения" \
    "Срок: 28.05.2021. Ответственный: Матвеев Д.М." \
    "3. Создать рабочую группу для разработки Плана работы" \
    "Срок: 12.04.2021. Ответственный: Матвеев Д.М." \
    "Секретарь Координационного совета" "Е.В. Жарких"
  text_check short/speaker-per-item "$txt" count 3 "(Д.М. Матвеев)"
  text_check short/no-narrative "$txt" lacks \
    "Кластер создается с целью" \
    "повышение качества управления в организациях" \
    "Состав Кластера" \
    "Органы государственной власти" \
    "Всего в составе Промышленного образовательно-отраслевого кластера" \
    "Представители организаций, входящих в Кластер, образуют" \
    "Для избрания Председателем" \
    "В ходе обсуждения определены" \
    "При составлении Плана учесть" \
    "СЛУШАЛИ" "ВЫСТУПИЛИ" "ВЫПИСКА" "Верно"
fi

# --- a bad extract ----------------------------------------------------------

# extract="9" in a protocol of 3 items: an error at the root's line.
bad=$T/extract-item-9.xml
sed 's/ extract="2"/ extract="9"/' "$EXTRACT" >"$bad"
root_line=$(grep -n -m1 '<protocol ' "$bad" | cut -d: -f1)
folio validate "$bad"
expect_rc bad-extract/validate-exit-1 1
one_rule bad-extract/validate-diagnostic "$bad" "$root_line" error PROTOCOL-EXTRACT-ITEM
if grep -q -F 'вопрос 9' "$ERR"; then pass bad-extract/names-the-item; else fail bad-extract/names-the-item "the message does not name item 9" "$ERR"; fi
rm -f "$T/bad.pdf"
folio render "$bad" -o "$T/bad.pdf"
expect_rc bad-extract/render-exit-1 1
one_rule bad-extract/render-diagnostic "$bad" "$root_line" error PROTOCOL-EXTRACT-ITEM
expect_no_file bad-extract/no-pdf "$T/bad.pdf"
folio render --force "$bad" -o "$T/bad.pdf"
expect_rc bad-extract/force-exit-0 0
one_rule bad-extract/force-still-reports "$bad" "$root_line" error PROTOCOL-EXTRACT-ITEM
if is_pdf "$T/bad.pdf" && qpdf --check "$T/bad.pdf" >"$T/qpdf" 2>&1; then
  pass bad-extract/force-pdf-qpdf-check
else
  fail bad-extract/force-pdf-qpdf-check "no PDF, or qpdf --check reports problems" "$T/qpdf"
fi

# The same through the parameters, on the full Tomsk protocol.
full=input/protocol-2021-tomsk.xml
folio validate --param form=extract --param extract=9 "$full"
expect_rc bad-extract-param/exit-1 1
one_rule bad-extract-param/diagnostic "$full" "$(grep -n -m1 '<protocol ' "$full" | cut -d: -f1)" error PROTOCOL-EXTRACT-ITEM

# form="extract" without extract: nothing named.
sed 's/ extract="2"//' "$EXTRACT" >"$T/extract-none.xml"
folio validate "$T/extract-none.xml"
expect_rc extract-none/exit-1 1
one_rule extract-none/diagnostic "$T/extract-none.xml" "$root_line" error PROTOCOL-EXTRACT-ITEM

# A decision linked to item 7: an error at the decision's line.
sed 's/<decision item="3">/<decision item="7">/' "$EXTRACT" >"$T/decision-item-7.xml"
folio validate "$T/decision-item-7.xml"
expect_rc decision-item-7/exit-1 1
one_rule decision-item-7/diagnostic "$T/decision-item-7.xml" \
  "$(grep -n -m1 '<decision item="7">' "$T/decision-item-7.xml" | cut -d: -f1)" error PROTOCOL-EXTRACT-ITEM

# Decisions not linked to items: the extract would have no decision — a
# warning at item 2, and the PDF is still written.
sed 's/<decision item="[0-9]*">/<decision>/' "$EXTRACT" >"$T/unlinked.xml"
item2=$(grep -n '<item>' "$T/unlinked.xml" | sed -n 2p | cut -d: -f1)
rm -f "$T/unlinked.pdf"
folio render "$T/unlinked.xml" -o "$T/unlinked.pdf"
expect_rc unlinked/render-exit-0 0
one_rule unlinked/warning "$T/unlinked.xml" "$item2" warning PROTOCOL-EXTRACT-NO-DECISION
expect_pdf unlinked/pdf "$T/unlinked.pdf"

finish
