#!/usr/bin/env bash
# tests/leakcheck.sh — what `make leakcheck` runs: folio under valgrind
# (memcheck) over a representative set: goldens (tables, footnotes,
# graphics, markers), protocols and a report through the whole pipeline,
# validation, the error paths (malformed XML, a refused stylesheet read, an
# image left out).  Each run must report no invalid reads or writes and no
# definite or indirect leak beyond the library allocations named in
# tests/valgrind.supp.  ("Possibly lost" blocks are not counted: with
# GLib's type system, librsvg's and pango's static tables there are a
# dozen per run, all inside those libraries -- checked by hand with
# --show-leak-kinds=possible when this was written.)  Prints PASS/FAIL
# lines and "N passed, N failed".
set -u
cd "$(dirname "$0")/.." || exit 2
REPO=$(pwd -P)
export LC_ALL=C.UTF-8 FONTCONFIG_FILE="$REPO/tests/fonts.conf" SOURCE_DATE_EPOCH=0 TZ=UTC
export XDG_CACHE_HOME="${TMPDIR:-/tmp}/folio-test-cache-$(id -u)"
unset FOLIO_DATA_DIR
FOLIO=$REPO/${FOLIO_BUILD_DIR:-build}/folio
T=$(mktemp -d "${TMPDIR:-/tmp}/folio-leak.XXXXXX")
trap '[ -n "${KEEP:-}" ] || rm -rf "$T"' EXIT
passed=0 failed=0

# vg NAME ARGS... — folio ARGS under memcheck; its exit status is kept
# apart from valgrind's (42 = errors or leaks found).
vg() {
  local name=$1
  shift
  FOLIO_FULL_CLEANUP=1 valgrind -q --leak-check=full --show-leak-kinds=definite,indirect \
    --errors-for-leak-kinds=definite,indirect --error-exitcode=42 \
    --suppressions="$REPO/tests/valgrind.supp" --num-callers=40 \
    --log-file="$T/$name.vg" "$FOLIO" "$@" >"$T/$name.out" 2>"$T/$name.err"
  local rc=$?
  if [ "$rc" -eq 42 ] || [ -s "$T/$name.vg" ]; then
    echo "FAIL leak/$name: valgrind reports (exit $rc)"
    sed 's/^/    /' "$T/$name.vg" | head -40
    failed=$((failed + 1))
  elif [ "$rc" -ge 3 ]; then
    echo "FAIL leak/$name: folio exit $rc"
    head -5 "$T/$name.err" | sed 's/^/    /'
    failed=$((failed + 1))
  else
    echo "PASS leak/$name"
    passed=$((passed + 1))
  fi
}

for g in ${LEAK_GOLDENS:-table footnotes graphics markers table-row-span}; do
  vg "golden-$g" fo "tests/golden/$g.fo" -o "$T/$g.pdf" --dump-areas "$T/$g.areas" --dump-fo "$T/$g.fotree"
done
[ -n "${LEAK_ONLY_GOLDENS:-}" ] && { echo "$passed passed, $failed failed"; exit 0; }
vg protocol render input/protocol-2021-tomsk-short.xml -o "$T/p.pdf"
vg report render input/report-2024-smolensk-ict-cluster.xml -o "$T/r.pdf"
vg report-3-threads render --layout-threads=3 input/report-2024-smolensk-ict-cluster.xml -o "$T/r3.pdf"
vg order-transform transform input/order-2018-smolensk.xml -o "$T/o.fo"
vg validate-all validate input/*.xml
vg malformed render tests/errors/malformed.xml -o "$T/m.pdf"
vg schema-error render tests/errors/schema-bad-date.xml -o "$T/s.pdf"
vg fo-errors fo tests/errors/unknown-property.fo -o "$T/u.pdf"
# a stylesheet read refused, and an image left out
mkdir -p "$T/data" && cp -r schemas stylesheets "$T/data/"
printf '<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
<xsl:template match="/"><x><xsl:value-of select="document(%s)"/></x></xsl:template></xsl:stylesheet>\n' \
  "'/etc/passwd'" >"$T/data/schemas/note-rules.xsl"
vg xslt-refused validate --data-dir "$T/data" input/note-smolensk-sociocultural-cluster.xml
printf '<fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format"><fo:layout-master-set><fo:simple-page-master master-name="p"><fo:region-body/></fo:simple-page-master></fo:layout-master-set><fo:page-sequence master-reference="p"><fo:flow flow-name="xsl-region-body"><fo:block><fo:external-graphic src="/etc/passwd"/><fo:external-graphic src="missing.png"/>x</fo:block></fo:flow></fo:page-sequence></fo:root>\n' >"$T/img.fo"
vg image-refused fo "$T/img.fo" -o "$T/img.pdf"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
