#!/usr/bin/env bash
# e2e/hyphen-files — hyphenation dictionaries folio reads itself (liang.c)
# and those it leaves to libhyphen, opened on demand (a second level,
# NEXTLEVEL): the same patterns give the same lines either way; a language
# without a dictionary is set without hyphens.  FOLIO_TEST_HYPHEN_DIR
# stands for /usr/share/hyphen.
. "$(dirname "$0")/../lib.sh"
need_folio

dir="$T/hyphen"
mkdir -p "$dir"
# the same patterns: "b1a" breaks between b and a
printf 'UTF-8\nLEFTHYPHENMIN 2\nRIGHTHYPHENMIN 2\nb1a\n' >"$dir/hyph_xx.dic"
printf 'UTF-8\nLEFTHYPHENMIN 2\nRIGHTHYPHENMIN 2\nNEXTLEVEL\nb1a\n' >"$dir/hyph_yy.dic"

# fo NAME LANG: a narrow block of "baba..." in LANG
fo() {
  cat >"$T/$1.fo" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format">
  <fo:layout-master-set><fo:simple-page-master master-name="p" page-width="120pt" page-height="300pt" margin="10pt"><fo:region-body/></fo:simple-page-master></fo:layout-master-set>
  <fo:page-sequence master-reference="p"><fo:flow flow-name="xsl-region-body" font-family="PT Serif" font-size="12pt">
    <fo:block hyphenate="true" language="$2">babababababababababa babababababababababa</fo:block>
  </fo:flow></fo:page-sequence>
</fo:root>
EOF
}
# a language that is no file name: "../../up" would make hyph_../../up.dic,
# that is up.dic beside the dictionaries (through a directory "hyph_..")
mkdir -p "$dir/hyph_.."
printf 'UTF-8\nLEFTHYPHENMIN 2\nRIGHTHYPHENMIN 2\nb1a\n' >"$dir/up.dic"
for pair in xx:xx yy:yy zz:zz up:../../up; do
  n=${pair%%:*}
  fo "$n" "${pair#*:}"
  FOLIO_TEST_HYPHEN_DIR="$dir" folio fo "$T/$n.fo" --dump-areas "$T/$n.areas" -o "$T/$n.pdf"
  expect_rc $n-exit 0
  grep '^ *line ' "$T/$n.areas" | sed 's/.*"\(.*\)"/\1/' >"$T/$n.lines"
done

if grep -q -- '-$' "$T/xx.lines" && grep -q -- 'b-$' "$T/xx.lines" &&
   ! grep -v -- '-$' "$T/xx.lines" | sed '$d' | grep -q .; then
  pass own-patterns-hyphenate
else
  fail own-patterns-hyphenate "expected every line but the last to end in b-" "$T/xx.lines"
fi
if cmp -s "$T/xx.lines" "$T/yy.lines"; then
  pass libhyphen-same-lines
else
  fail libhyphen-same-lines "a NEXTLEVEL file (libhyphen) set other lines" "$T/yy.lines"
fi
if ! grep -q -- '-$' "$T/up.lines"; then
  pass language-is-no-path
else
  fail language-is-no-path "language=\"../../up\" read a dictionary outside the directory" "$T/up.lines"
fi
if ! grep -q -- '-$' "$T/zz.lines"; then
  pass no-dictionary-no-hyphens
else
  fail no-dictionary-no-hyphens "hyphens without a dictionary" "$T/zz.lines"
fi

finish
