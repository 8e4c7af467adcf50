#!/usr/bin/env bash
# bench/run.sh -- layout cost of folio: renders a short (~3 pages) and a long
# (~300 pages) generated FO document several times each and reports the
# median wall time, ms per page and peak RSS, and the ratio of ms/page
# long/short (linear layout keeps it near 1; the target is <= 1.5) and
# whether peak RSS of the long one stays under 100 MiB.
# Not part of `make test`: run `make bench`.  Needs /usr/bin/time (package
# "time") for peak RSS.
set -eu
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
FOLIO=build/folio
out=$(mktemp -d "${TMPDIR:-/tmp}/folio-bench.XXXXXX")
trap 'rm -rf "$out"' EXIT
export FONTCONFIG_FILE="$PWD/tests/fonts.conf" LC_ALL=C.UTF-8 SOURCE_DATE_EPOCH=0

measure() {  # NAME FO -> prints "pages median_ms ms_per_page peak_kib"
  local name=$1 fo=$2 times=() rss=0 pages
  for i in $(seq "$RUNS"); do
    /usr/bin/time -f '%e %M' -o "$out/t" "$FOLIO" fo "$fo" -o "$out/$name.pdf" 2>/dev/null
    read -r sec kib < "$out/t"
    times+=("$sec")
    [ "$kib" -gt "$rss" ] && rss=$kib
  done
  pages=$(pdfinfo "$out/$name.pdf" | awk '/^Pages:/{print $2}')
  med=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}')
  awk -v n="$name" -v p="$pages" -v m="$med" -v r="$rss" \
    'BEGIN{printf "%-6s pages=%d median=%.0fms ms/page=%.2f peakRSS=%.1fMiB\n", n, p, m*1000, m*1000/p, r/1024}'
  echo "$pages $med $rss" > "$out/$name.res"
}

python3 bench/gen-fo.py 3 > "$out/short.fo"
python3 bench/gen-fo.py 300 > "$out/long.fo"
echo "folio $("$FOLIO" --version | cut -d' ' -f2), $RUNS runs each, $(nproc) cores"
measure short "$out/short.fo"
measure long "$out/long.fo"
read -r sp sm sr < "$out/short.res"
read -r lp lm lr < "$out/long.res"
awk -v sp="$sp" -v sm="$sm" -v lp="$lp" -v lm="$lm" -v lr="$lr" 'BEGIN{
  ratio = (lm/lp) / (sm/sp);
  printf "ms/page long/short = %.2f (target <= 1.5): %s\n", ratio, ratio <= 1.5 ? "ok" : "OVER";
  printf "peak RSS long = %.1f MiB (target < 100): %s\n", lr/1024, lr/1024 < 100 ? "ok" : "OVER" }'
