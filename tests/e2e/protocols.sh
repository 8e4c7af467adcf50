#!/usr/bin/env bash
# e2e/protocols — renders every input/protocol-*.xml and reads the PDF back
# with independent tools (poppler-utils, qpdf): page size, embedded fonts,
# file structure, the text of the seed document in document order, page
# numbers; then `render -d` with several inputs, `transform` and `validate`.
#
# The expected text comes from the seed transcriptions in
# /work/shared/seeds (001_bf8d4c246595ffbe.txt, 002_e9f061eb0f5c844e.txt):
# key strings are hard-coded below, so the test does not need the seeds.
. "$(dirname "$0")/../lib.sh"
need_folio

# --- expected text, in document order -------------------------------------
# One key per line; "a | b" accepts either spelling (dates may be typeset
# as 30.11.2017 or 30 ноября 2017).  Compared case-insensitively, with all
# whitespace, NBSP, hyphens and dashes removed, so line breaks, hyphenation
# and justification do not matter.

keys_protocol_2017_smolensk() {
  cat <<'EOF'
протокол
20.11.2017 | 20 ноября 2017
Чуранов
Климов
Иваненкова
Гаврилов
Тапцов
Шаронов
Старко
О кластерной модели развития системы подготовки
О ключевых направлениях работы кластера
Об утверждении плана работы образовательно-производственного кластера
Принять к сведению доклад начальника отдела профессионального образования
Учредить на территории Смоленской области
Подписать Соглашение о создании
Утвердить президиум Координационного совета
Чуранов
Климов
Белокопытов
Направить Губернатору Смоленской области
Участникам Координационного совета внести предложения
30 ноября 2017 | 30.11.2017
ОГБПОУ СмолАПО разработать форму заявления
30 ноября 2017 | 30.11.2017
ОГБПОУ СмолАПО направить предложения организациям
08 декабря 2017 | 8 декабря 2017 | 08.12.2017
Принять к сведению доклад Кудрявцевой
Утвердить план работы образовательно-производственного кластера
EOF
}

# The short form: attendance, agenda, for each item only the speakers'
# names and the decisions.
keys_protocol_2021_tomsk_short() {
  cat <<'EOF'
ПРОТОКОЛ № 1
9 апреля 2021
ПРИСУТСТВОВАЛИ ОЧНО
Неизвестных
Жарких
ОНЛАЙН ПОДКЛЮЧЕНИЕ
Саидова
ПОВЕСТКА ЗАСЕДАНИЯ
(Д.М. Матвеев)
РЕШИЛИ
Секретарь Координационного совета
EOF
}

# The extract: one agenda item, the certification "Верно" with its date.
keys_protocol_2021_tomsk_extract() {
  cat <<'EOF'
ВЫПИСКА ИЗ ПРОТОКОЛА № 1
9 апреля 2021
ПРИСУТСТВОВАЛИ ОЧНО: 14 человек
ОНЛАЙН ПОДКЛЮЧЕНИЕ: 3 человека
ПОВЕСТКА ЗАСЕДАНИЯ
Обсуждение содержания Соглашения
СЛУШАЛИ
РЕШИЛИ
Создать рабочую группу
Верно
12.04.2021
EOF
}

keys_protocol_2021_tomsk() {
  cat <<'EOF'
протокол
09.04.2021 | 09 апреля 2021 | 9 апреля 2021
Неизвестных
Костарев
Беляев
Клоков
Доронин
Бенсон
Елисеев
Криков
Криволапов
Змеева
Лаврушенко
Представитель Департамента профессионального образования
Матвеев
Жарких
Филонова
Репин
Саидова
Представление целей и задач создания
Обсуждение содержания Соглашения
О структуре Плана работы
Утвердить сроком на 5 лет Председателем
Создать рабочую группу для определения формата Соглашения
28.05.2021 | 28 мая 2021
Создать рабочую группу для разработки Плана работы
12.04.2021 | 12 апреля 2021
Е.В. Жарких
EOF
}

# --- helpers ----------------------------------------------------------------

# text_in_order TEXT KEYS — every key of KEYS occurs in TEXT (pdftotext
# output), each after the previous one.  Prints the problem on failure.
cat >"$T/order.py" <<'EOF'
import re, sys, unicodedata
DROP = re.compile(r"[\s\-\u00ad\u2010-\u2015\u2212\u00ab\u00bb\"\u201c-\u201f]+")
def norm(s):
    s = unicodedata.normalize("NFKC", s).casefold().replace("ё", "е")
    return DROP.sub("", s)
pages = open(sys.argv[1], encoding="utf-8").read().split("\f")
# Drop the page number of page N >= 2 (its own line at the top or bottom).
for n in range(1, len(pages)):
    lines = pages[n].split("\n")
    filled = [i for i, l in enumerate(lines) if l.strip()]
    for i in filled[:2] + filled[-2:]:
        if lines[i].strip() == str(n + 1):
            del lines[i]
            break
    pages[n] = "\n".join(lines)
text = norm("\n".join(pages))
pos = 0
prev = "(start)"
for raw in open(sys.argv[2], encoding="utf-8"):
    raw = raw.strip()
    if not raw:
        continue
    alts = [norm(a) for a in raw.split(" | ")]
    hits = [(text.find(a, pos), a) for a in alts]
    hits = [(i, a) for i, a in hits if i >= 0]
    if not hits:
        where = "missing from the text" if all(text.find(a) < 0 for a in alts) \
            else "out of order (found only before %r)" % prev
        print("%r %s" % (raw, where))
        sys.exit(1)
    i, a = min(hits)
    pos = i + len(a)
    prev = raw
EOF
text_in_order() { python3 "$T/order.py" "$1" "$2"; }

# page_numbers BBOX-HTML — page 1 has no number in its top margin; on every
# page N >= 2 the topmost word is "N", above y = 57 pt (the 20 mm margin).
cat >"$T/pagenum.py" <<'EOF'
import html, re, sys
doc = open(sys.argv[1], encoding="utf-8").read()
pages = re.split(r"<page\b", doc)[1:]
word = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>')
bad = []
for n, page in enumerate(pages, 1):
    words = [(float(m.group(2)), float(m.group(4)), html.unescape(m.group(5)))
             for m in word.finditer(page)]
    if n == 1:
        for y0, y1, w in words:
            if y1 < 57 and re.fullmatch(r"\d+", w):
                bad.append("page 1 has %r in the top margin (y %.1f)" % (w, y0))
    elif not words:
        bad.append("page %d is empty" % n)
    else:
        y0, y1, w = min(words)
        if w != str(n) or y0 >= 57:
            bad.append("page %d: topmost word is %r at y %.1f, expected %r above 57pt"
                       % (n, w, y0, str(n)))
print("; ".join(bad))
sys.exit(1 if bad else 0)
EOF

# --- each protocol ----------------------------------------------------------

shopt -s nullglob
docs=("$REPO"/input/protocol-*.xml)
if [ "${#docs[@]}" -eq 0 ]; then
  fail inputs "no input/protocol-*.xml"
  finish
fi

for doc in "${docs[@]}"; do
  base=$(basename "$doc" .xml)
  pdf="$T/$base.pdf"
  folio render "$doc" -o "$pdf"
  expect_rc "$base/render" 0
  if [ "$RC" -ne 0 ] || ! is_pdf "$pdf"; then
    fail "$base/pdf" "no PDF written"
    continue
  fi
  # The only diagnostic allowed is the one the seed deserves: the 2017
  # original numbers two decisions "4." (a warning from the rules).
  grep -v 'warning: .*\[PROTOCOL-DECISION-DUP\]$' "$ERR" > "$T/unexpected" || true
  if [ -s "$T/unexpected" ]; then
    fail "$base/no-diagnostics" "render printed diagnostics" "$T/unexpected"
  else
    pass "$base/no-diagnostics"
  fi

  # Pages: at least one, all A4.
  pages=$(pdfinfo "$pdf" | awk '/^Pages:/ { print $2 }')
  if [ "${pages:-0}" -ge 1 ]; then pass "$base/pages"; else fail "$base/pages" "page count '${pages:-?}'"; fi
  pdfinfo -f 1 -l "${pages:-1}" "$pdf" >"$T/info"
  if awk '/^Page +[0-9]+ size:/ {
            n++; w = $4; h = $6
            if (w < 594.78 || w > 595.78 || h < 841.39 || h > 842.39) { print; bad++ }
          }
          END { exit (n == 0 || bad) }' "$T/info" >"$T/bad-sizes"; then
    pass "$base/a4"
  else
    fail "$base/a4" "pages not 595.28 x 841.89 pt" "$T/bad-sizes"
  fi

  # Fonts: all embedded, PT Serif among them.
  pdffonts "$pdf" >"$T/fonts" 2>&1
  if awk 'NR > 2 && $(NF-4) != "yes" { print; bad++ } END { exit (NR <= 2 || bad) }' \
      "$T/fonts" >"$T/bad-fonts"; then
    pass "$base/fonts-embedded"
  else
    cat "$T/fonts" >>"$T/bad-fonts"
    fail "$base/fonts-embedded" "fonts missing or not embedded" "$T/bad-fonts"
  fi
  if awk 'NR > 2' "$T/fonts" | grep -q -i -E 'PT.?Serif'; then
    pass "$base/fonts-pt-serif"
  else
    fail "$base/fonts-pt-serif" "PT Serif not used" "$T/fonts"
  fi

  # Structure.
  if qpdf --check "$pdf" >"$T/qpdf" 2>&1; then
    pass "$base/qpdf-check"
  else
    fail "$base/qpdf-check" "qpdf --check reports problems" "$T/qpdf"
  fi

  # Text, in document order.
  pdftotext -enc UTF-8 "$pdf" "$T/$base.txt" 2>"$T/pdftotext.err"
  keys_fn="keys_${base//-/_}"
  if declare -F "$keys_fn" >/dev/null; then
    "$keys_fn" >"$T/$base.keys"
    if text_in_order "$T/$base.txt" "$T/$base.keys" >"$T/order.out" 2>&1; then
      pass "$base/text-in-order"
    else
      fail "$base/text-in-order" "$(head -n 1 "$T/order.out")"
    fi
  else
    skip "$base/text-in-order" "no key strings for this input"
  fi

  # Page numbers.
  if [ "${pages:-0}" -ge 2 ]; then
    pdftotext -bbox -enc UTF-8 "$pdf" "$T/$base.html" 2>/dev/null
    if python3 "$T/pagenum.py" "$T/$base.html" >"$T/pagenum.out" 2>&1; then
      pass "$base/page-numbers"
    else
      fail "$base/page-numbers" "$(head -n 1 "$T/pagenum.out")"
    fi
  else
    skip "$base/page-numbers" "single page"
  fi
done

# --- several inputs into a directory ----------------------------------------

mkdir -p "$T/out"
folio render "${docs[@]}" -d "$T/out"
expect_rc render-dir 0
names=()
for doc in "${docs[@]}"; do
  base=$(basename "$doc" .xml)
  names+=("$base.pdf")
  expect_pdf "render-dir/$base.pdf" "$T/out/$base.pdf"
done
expect_clean_dir render-dir/nothing-else "$T/out" "${names[@]}"

# --- transform and validate -------------------------------------------------

doc=${docs[0]}
folio transform "$doc"
expect_rc transform-stdout 0
cp "$OUT" "$T/stdout.fo"
if [ ! -s "$T/stdout.fo" ]; then
  fail transform-fo-root "nothing on stdout"
elif xmllint --noout "$T/stdout.fo" 2>"$T/xmllint.err"; then
  root=$(xmllint --xpath 'concat(namespace-uri(/*), " ", local-name(/*))' "$T/stdout.fo" 2>/dev/null)
  if [ "$root" = "http://www.w3.org/1999/XSL/Format root" ]; then
    pass transform-fo-root
  else
    fail transform-fo-root "root element is '$root', expected fo:root"
  fi
else
  fail transform-fo-root "stdout is not well-formed XML" "$T/xmllint.err"
fi
folio transform "$doc" -o "$T/file.fo"
expect_rc transform-o 0
if [ ! -s "$T/file.fo" ]; then
  fail transform-o-file "-o wrote no file"
elif cmp -s "$T/file.fo" "$T/stdout.fo"; then
  pass transform-o-same-as-stdout
else
  fail transform-o-same-as-stdout "-o output differs from stdout output"
fi

folio validate "$REPO"/input/*.xml
expect_rc validate-inputs 0
if grep -q ': error: ' "$ERR"; then
  fail validate-inputs-no-errors "error lines on stderr" "$ERR"
else
  pass validate-inputs-no-errors
fi

finish
