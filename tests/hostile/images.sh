#!/usr/bin/env bash
# hostile/images — graphics that attack: a PNG declaring 100 000 x 100 000
# pixels, a decompression bomb (a PNG of 52 million pixels), a JPEG
# declaring 60 000 x 60 000, a truncated JPEG, SVGs that reference
# external files, the network or themselves, an SVG <use> bomb, and image
# paths that leave the input's directory (../../etc/passwd, absolute,
# file://, http://, a symlink).  Each graphic is left out with a warning
# naming it and the PDF is still made, fast and small; --image-dir DIR
# allows one more directory.  (docs/security.md)
# test-timeout: 120
. "$(dirname "$0")/../lib.sh"
need_folio
S=$T/src
mkdir -p "$S" "$T/o" "$T/elsewhere"

# png FILE W H [ROWS] — an RGB PNG; W x H zero pixels, or a header
# declaring W x H with only ROWS bytes of image data.
png() {
  python3 - "$@" <<'PY'
import struct, sys, zlib
out, w, h = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
def chunk(t, d):
    return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
c = zlib.compressobj(9)
if len(sys.argv) > 4:
    idat = zlib.compress(b"\0" * int(sys.argv[4]))
else:
    row = b"\0" * (3 * w + 1)
    idat = b"".join(c.compress(row) for _ in range(h)) + c.flush()
ihdr = struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)
open(out, "wb").write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b""))
PY
}

# doc FILE SRC — an FO document with one external-graphic of src SRC.
doc() {
  printf '<fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format"><fo:layout-master-set>
<fo:simple-page-master master-name="p" page-width="100mm" page-height="100mm">
<fo:region-body/></fo:simple-page-master></fo:layout-master-set>
<fo:page-sequence master-reference="p"><fo:flow flow-name="xsl-region-body">
<fo:block>before <fo:external-graphic src="%s"/> after</fo:block>
</fo:flow></fo:page-sequence></fo:root>\n' "$2" >"$1"
}

n_images() { pdfimages -list "$1" 2>/dev/null | tail -n +3 | grep -c .; }

# left_out NAME FILE WORD — exit 0, a PDF with the text and no image, a
# warning "graphic ... left out: ...WORD...", under 5 s and 200 MB.
left_out() {
  local name=$1 in=$2 word=$3 rss
  rm -f "$T/o/out.pdf"
  /usr/bin/time -f '%e %M' -o "$T/usage" timeout -k 5 "$CMD_TIMEOUT" "$FOLIO" fo "$in" \
    -o "$T/o/out.pdf" ${IMAGE_OPTS:-} >"$OUT" 2>"$ERR" </dev/null
  RC=$?
  expect_rc "$name/exit-0" 0
  expect_pdf "$name/pdf" "$T/o/out.pdf"
  if grep -q -E "^$in:[0-9]+:[0-9]+: warning: graphic .* left out: " "$ERR" && grep -q -F -e "$word" "$ERR"; then
    pass "$name/warning"
  else
    fail "$name/warning" "no 'graphic ... left out: ...$word' warning" "$ERR"
  fi
  if [ "$(n_images "$T/o/out.pdf")" -eq 0 ]; then pass "$name/no-image"
  else fail "$name/no-image" "an image is in the PDF"; fi
  if pdftotext "$T/o/out.pdf" - 2>/dev/null | tr -s '\n' ' ' | grep -q 'before.*after'; then pass "$name/text"
  else fail "$name/text" "the text around the graphic is missing"; fi
  read -r secs rss <"$T/usage" 2>/dev/null || { secs=99; rss=0; }
  if [ "${rss:-0}" -lt 200000 ] && awk -v s="$secs" 'BEGIN { exit !(s < 5) }'; then
    pass "$name/cheap"
  else
    fail "$name/cheap" "took $secs s and $rss KB"
  fi
}

# control: a small PNG beside the document is drawn
png "$S/ok.png" 20 10
doc "$S/ok.fo" ok.png
folio fo "$S/ok.fo" -o "$T/o/ok.pdf"
expect_rc control/exit-0 0
if [ "$(n_images "$T/o/ok.pdf")" -eq 1 ]; then pass control/image
else fail control/image "the PNG is not in the PDF" "$ERR"; fi

# --- pixels -----------------------------------------------------------------
png "$S/huge.png" 100000 100000 1000
doc "$S/huge.fo" huge.png
left_out png-100000x100000 "$S/huge.fo" 'too many pixels'
png "$S/bomb.png" 7200 7200
doc "$S/bomb.fo" bomb.png
left_out png-bomb "$S/bomb.fo" 'too many pixels'
jpeg=../shared/conformance/fo/images/bgimg72dpi.jpg
if [ -f "$jpeg" ]; then
  python3 - "$jpeg" "$S/huge.jpg" "$S/cut.jpg" <<'PY'
import struct, sys
d = open(sys.argv[1], "rb").read()
open(sys.argv[3], "wb").write(d[: len(d) // 2])
i = 2
while i < len(d):
    m, n = d[i + 1], struct.unpack(">H", d[i + 2:i + 4])[0]
    if m in (0xC0, 0xC1, 0xC2):
        d = d[: i + 5] + struct.pack(">HH", 60000, 60000) + d[i + 9:]
        break
    i += 2 + n
open(sys.argv[2], "wb").write(d)
PY
  doc "$S/huge-jpeg.fo" huge.jpg
  left_out jpeg-60000x60000 "$S/huge-jpeg.fo" 'too many pixels'
  doc "$S/cut.fo" cut.jpg
  left_out jpeg-truncated "$S/cut.fo" 'truncated'
else
  fail jpeg/setup "no JPEG at $jpeg to start from"
fi

# --- SVG ------------------------------------------------------------------------
secret_png=$T/elsewhere/secret.png
png "$secret_png" 30 30
cat >"$S/ext.svg" <<SVG
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="50" height="50">
  <image xlink:href="file://$secret_png" width="30" height="30"/>
  <image xlink:href="$secret_png" x="10" width="30" height="30"/>
  <image xlink:href="ok.png" x="20" width="30" height="30"/>
  <image xlink:href="http://127.0.0.1:9/x.png" width="30" height="30"/>
  <rect width="5" height="5" fill="red"/>
</svg>
SVG
doc "$S/svg-ext.fo" ext.svg
folio fo "$S/svg-ext.fo" -o "$T/o/svg.pdf"
expect_rc svg-external/exit-0 0
expect_pdf svg-external/pdf "$T/o/svg.pdf"
# the SVG is drawn as vectors; any raster in the PDF came from a reference
if [ "$(n_images "$T/o/svg.pdf")" -eq 0 ]; then pass svg-external/nothing-fetched
else fail svg-external/nothing-fetched "an image referenced by the SVG was embedded"; fi
cat >"$S/self.svg" <<'SVG'
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="50" height="50">
  <g id="a"><use xlink:href="#a"/><rect width="5" height="5"/></g>
  <use xlink:href="self.svg#a"/>
  <image xlink:href="self.svg" width="10" height="10"/>
</svg>
SVG
doc "$S/svg-self.fo" self.svg
folio fo "$S/svg-self.fo" -o "$T/o/self.pdf"
expect_no_crash svg-self-reference/no-crash
expect_rc svg-self-reference/exit-0 0
if grep -q -F 'in a circle' "$ERR"; then pass svg-self-reference/warning
else fail svg-self-reference/warning "no warning about the circle of references" "$ERR"; fi
# <use> bomb: 10 levels of 10 uses of the level below (10^10 rectangles)
python3 - "$S/bomb.svg" <<'PY'
import sys
parts = ['<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="50" height="50"><defs>',
         '<rect id="l0" width="1" height="1"/>']
for i in range(1, 11):
    parts.append('<g id="l%d">' % i + "".join('<use xlink:href="#l%d"/>' % (i - 1) for _ in range(10)) + "</g>")
parts.append('</defs><use xlink:href="#l10"/></svg>')
open(sys.argv[1], "w").write("".join(parts))
PY
doc "$S/svg-bomb.fo" bomb.svg
left_out svg-use-bomb "$S/svg-bomb.fo" 'too many shapes'

# --- paths outside the document's directory --------------------------------------
ln -s "$secret_png" "$S/link.png"
i=0
for src in ../../../../../../../etc/passwd "$secret_png" "file://$secret_png" \
           "url('file://$secret_png')" ../elsewhere/secret.png link.png \
           http://127.0.0.1:9/x.png https://example.invalid/x.png; do
  i=$((i + 1))
  doc "$S/path-$i.fo" "$src"
  left_out "path-$i" "$S/path-$i.fo" ''
done
# ... unless --image-dir allows the other directory (never the network)
doc "$S/allowed.fo" "$secret_png"
folio fo "$S/allowed.fo" -o "$T/o/allowed.pdf" --image-dir "$T/elsewhere"
expect_rc image-dir/exit-0 0
if [ "$(n_images "$T/o/allowed.pdf")" -eq 1 ]; then pass image-dir/allowed
else fail image-dir/allowed "the image in --image-dir was not drawn" "$ERR"; fi
doc "$S/net.fo" http://127.0.0.1:9/x.png
IMAGE_OPTS="--image-dir /" left_out image-dir/network "$S/net.fo" 'network'

finish
