#!/usr/bin/env bash
# errors/fo-unknown — `folio fo` meets an FO element or a property outside
# XSL-FO: a warning naming it at its line, exit 0, the PDF is still written
# with the rest of the content.
. "$(dirname "$0")/../lib.sh"
need_folio

# run_case NAME FILE WORD TEXT — WORD must be named by the warning; TEXT
# (a block after the defect) must be in the PDF.
run_case() {
  local name=$1 in=$2 word=$3 text=$4 line pdf
  line=$(marker_line "$in")
  pdf="$T/$name.pdf"
  folio fo "$in" -o "$pdf"
  expect_rc "$name/exit-0" 0
  expect_warning "$name/warning" "$in" "$line" "$word"
  if is_pdf "$pdf"; then
    pass "$name/pdf"
    if pdftotext -enc UTF-8 "$pdf" - 2>/dev/null | tr -s '[:space:]' ' ' | grep -q -F -e "$text"; then
      pass "$name/rest-rendered"
    else
      fail "$name/rest-rendered" "'$text' is not in the PDF"
    fi
  else
    fail "$name/pdf" "no PDF written"
  fi
}

run_case element tests/errors/unknown-element.fo no-such-thing "Последний абзац."
run_case property tests/errors/unknown-property.fo foo-bar "Абзац с неизвестным свойством."

finish
