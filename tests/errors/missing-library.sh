#!/usr/bin/env bash
# errors/missing-library — the libraries folio opens only when it needs
# them (src/post/dl.c: libqpdf to finish every PDF, libcrypto to sign) are
# missing at run time: one error line naming the library and why, exit 2
# (the system's fault, not the document's), no PDF.  FOLIO_TEST_QPDF_SONAME / FOLIO_TEST_CRYPTO_SONAME
# make folio look for a library that does not exist.
. "$(dirname "$0")/../lib.sh"
need_folio

doc=tests/errors/valid-protocol.xml
missing=libfolio-missing.so.0

for pdfa in 2b none; do
  FOLIO_TEST_QPDF_SONAME=$missing folio render --pdfa=$pdfa "$doc" -o "$T/p-$pdfa.pdf"
  expect_rc "qpdf-$pdfa-exit-2" 2
  expect_one_line "qpdf-$pdfa-one-line"
  check "qpdf-$pdfa-says-why" "the error should name libqpdf and the missing file" \
    grep -q "error: cannot open libqpdf, .*: $missing: cannot open shared object file" "$ERR"
  expect_no_file "qpdf-$pdfa-no-pdf" "$T/p-$pdfa.pdf"
done

# the same environment without the override renders (the test hook is
# the only difference)
folio render "$doc" -o "$T/ok.pdf"
expect_rc qpdf-present-exit-0 0
expect_pdf qpdf-present-pdf "$T/ok.pdf"

printf 'x\n' >"$T/pw"
FOLIO_TEST_CRYPTO_SONAME=$missing folio sign "$T/ok.pdf" --field chair.X \
  --p12 "$T/none.p12" --password-file "$T/pw" -o "$T/signed.pdf"
expect_rc crypto-exit-2 2
expect_one_line crypto-one-line
check crypto-says-why "the error should name libcrypto and the missing file" \
  grep -q "error: cannot open OpenSSL's libcrypto: $missing: cannot open shared object file" "$ERR"
expect_no_file crypto-no-pdf "$T/signed.pdf"

finish
