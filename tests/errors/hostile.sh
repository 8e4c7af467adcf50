#!/usr/bin/env bash
# errors/hostile — inputs that must never crash or hang folio: an empty
# file, binary bytes, absurd nesting, an entity bomb, an external entity.
# Exit 1 with a diagnostic (status below 128: no signal), nothing written,
# no file contents pulled in.
. "$(dirname "$0")/../lib.sh"
need_folio

mkdir -p "$T/o" "$T/in"
: >"$T/in/empty.xml"
: >"$T/in/empty.fo"
printf '\000\001\002%%PDF\000\377\376<\000r\000o\000o\000t\000>\000' >"$T/in/binary.xml"
cp "$T/in/binary.xml" "$T/in/binary.fo"

# bad_input NAME SUBCOMMAND FILE — exit 1, an error line naming FILE, no
# crash, no output.
bad_input() {
  local name=$1 sub=$2 in=$3
  folio "$sub" "$in" -o "$T/o/out.pdf"
  expect_no_crash "$name/no-crash"
  expect_rc "$name/exit-1" 1
  if grep -q -F -e "$in:" "$ERR" && grep -q -E ': error: ' "$ERR"; then
    pass "$name/diagnostic"
  else
    fail "$name/diagnostic" "no '$in:LINE:COL: error:' line" "$ERR"
  fi
  expect_no_file "$name/no-output" "$T/o/out.pdf"
}

bad_input empty-xml render "$T/in/empty.xml"
bad_input binary-xml render "$T/in/binary.xml"
bad_input empty-fo fo "$T/in/empty.fo"
bad_input binary-fo fo "$T/in/binary.fo"
folio validate "$T/in/empty.xml" "$T/in/binary.xml"
expect_rc validate-empty-binary-exit-1 1

# 100 000 nested elements.
python3 -c '
import sys
n = 100000
sys.stdout.write("<protocol xmlns=\"urn:folio:protocol\">" + "<a>" * n + "</a>" * n + "</protocol>\n")
' >"$T/in/deep.xml"
bad_input deep-nesting render "$T/in/deep.xml"

# Billion laughs: entities are not expanded, so nothing blows up.
{
  echo '<?xml version="1.0"?>'
  echo '<!DOCTYPE protocol ['
  echo '  <!ENTITY l0 "ha">'
  for i in 1 2 3 4 5 6 7 8 9; do
    printf '  <!ENTITY l%d "' "$i"
    for _ in 1 2 3 4 5 6 7 8 9 10; do printf '&l%d;' "$((i - 1))"; done
    printf '">\n'
  done
  echo ']>'
  echo '<protocol xmlns="urn:folio:protocol"><title>&l9;</title></protocol>'
} >"$T/in/laughs.xml"
folio render "$T/in/laughs.xml" -o "$T/o/laughs.pdf"
expect_no_crash entity-bomb/no-crash
expect_rc entity-bomb/exit-1 1

# An external entity must not be read: valid-protocol.xml whose <body> is
# an entity naming a local file.  Expanded, the file's text would become
# the body and show up in the FO; unexpanded, the body is empty (exit 1).
secret="folio-secret-$$-$RANDOM"
printf '%s\n' "$secret" >"$T/secret.txt"
sed -e "s|^<protocol |<!DOCTYPE protocol [ <!ENTITY x SYSTEM \"file://$T/secret.txt\"> ]>\n<protocol |" \
    -e 's|<body>[^<]*</body>|<body>\&x;</body>|' tests/errors/valid-protocol.xml >"$T/in/xxe.xml"
if ! grep -q -F '&x;' "$T/in/xxe.xml"; then
  fail external-entity/setup "could not build the test input from valid-protocol.xml"
fi
folio transform "$T/in/xxe.xml"
expect_no_crash external-entity/no-crash
if grep -q -F -e "$secret" "$OUT" "$ERR"; then
  fail external-entity/not-read "the entity's file was read into the output"
else
  pass external-entity/not-read
fi
folio render "$T/in/xxe.xml" -o "$T/o/xxe.pdf"
if [ -f "$T/o/xxe.pdf" ] && pdftotext "$T/o/xxe.pdf" - 2>/dev/null | grep -q -F -e "$secret"; then
  fail external-entity/not-in-pdf "the entity's file was read into the PDF"
else
  pass external-entity/not-in-pdf
fi

finish
