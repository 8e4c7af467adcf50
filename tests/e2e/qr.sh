#!/usr/bin/env bash
# tests/e2e/qr.sh -- folio:qr-code (the GOST R 7.0.97-2025 QR requisite)
# must decode, with an independent reader (zbarimg), to exactly its data.
. "$(dirname "$0")/../lib.sh"

FO=tests/golden/qr-code.fo
folio fo "$FO" -o "$T/qr.pdf"
expect_rc qr/render 0
grep -q 'warning: graphic "folio:qr-code" left out' "$ERR" \
  && pass qr/empty-data-warns || fail qr/empty-data-warns "no warning for empty data" "$ERR"
pdftoppm -png -r 150 -f 1 -l 1 "$T/qr.pdf" "$T/p"
got=$(zbarimg -q --raw "$T"/p-1.png 2>/dev/null)
want='Администрация Смоленской области|РАСПОРЯЖЕНИЕ|344-р/адм|2018-04-13'
if [ "$got" = "$want" ]; then
  pass qr/decodes
else
  fail qr/decodes "zbarimg read '$got'"
fi
finish
