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

# The requisite in a document: --param qr=1 puts it at the lower right of
# page 1 only (not on the appendices' first pages).
folio render input/order-2018-smolensk.xml -o "$T/order.pdf" --param qr=1
expect_rc qr/document-render 0
pdftoppm -png -r 300 -f 1 -l 2 "$T/order.pdf" "$T/o"
got=$(zbarimg -q --raw "$T"/o-1.png 2>/dev/null)
case "$got" in
  "АДМИНИСТРАЦИЯ СМОЛЕНСКОЙ ОБЛАСТИ|распоряжение|№ 344-р/адм|2018-04-13") pass qr/document-page-1 ;;
  *) fail qr/document-page-1 "zbarimg read '$got'" ;;
esac
if [ -z "$(zbarimg -q --raw "$T"/o-2.png 2>/dev/null)" ]; then
  pass qr/document-page-2-none
else
  fail qr/document-page-2-none "a QR code on page 2"
fi
folio render input/order-2018-smolensk.xml -o "$T/plain.pdf"
pdftoppm -png -r 300 -f 1 -l 1 "$T/plain.pdf" "$T/p1"
if [ -z "$(zbarimg -q --raw "$T"/p1-1.png 2>/dev/null)" ]; then
  pass qr/off-by-default
else
  fail qr/off-by-default "a QR code without --param qr=1"
fi
finish
