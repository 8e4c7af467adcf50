#!/usr/bin/env bash
# bench/peers.sh -- folio side by side with Apache FOP and WeasyPrint, and a
# pango + cairo floor, on the same documents (`make bench` runs it after
# bench/run.sh; not part of `make test`).
#
#   protocol   input/protocol-2021-tomsk.xml (5 pages in folio)
#   long       input/guidance-cluster-specialised-organisation.xml (~49 pages)
#   batch      BATCH (default 1000) annual reports from bench/gen-reports.py
#
# What each tool is fed (prepared before any timing):
#   folio      the source XML (end to end: validation, rules, XSLT, layout, PDF)
#   FOP        the XSL-FO that `folio transform` writes, minus folio's source-
#              line attributes (bench/strip-folio.xsl), fonts configured to the
#              same PT / Liberation TrueType files (fop.xconf written below)
#   WeasyPrint HTML + CSS saying what that FO says (bench/fo2html.py)
#   floor      the same text, paragraph by paragraph (bench/floor.c)
#
# Single documents: RUNS (default 15) cold runs of each tool, interleaved
# (folio, FOP, WeasyPrint, floor, folio, ...) so that load from other
# processes falls on all of them alike; median wall time, median CPU time
# (user + sys), peak RSS (bench/rusage.py: wait4, in microseconds), pages
# by pdfinfo of each tool's own PDF.  Warm: the same document rendered
# WARM_DOCS times by a process that stays loaded (folio batch -j 1; FOP in
# one JVM, bench/FopBatch.java; WeasyPrint imported once,
# bench/weasy-batch.py), the mean of the second half.  Batch: folio batch
# -j JOBS, FOP in one warm JVM with JOBS threads, WeasyPrint in JOBS warm
# processes; BATCH_RUNS runs each (default 1).
#
# Output: Markdown tables on stdout (paste into docs/benchmarks.md), the
# load average before and after, and the command line.  Needs the
# BENCH_PACKAGES of the Makefile (fop, weasyprint, default-jdk-headless,
# time); `make bench` installs them.
set -eu -o pipefail
cd "$(dirname "$0")/.."
REPO=$PWD
RUNS=${RUNS:-15}
BATCH=${BATCH:-1000}
BATCH_RUNS=${BATCH_RUNS:-1}
WARM_DOCS=${WARM_DOCS:-20}
SINGLE=${SINGLE-protocol long}   # SINGLE= (empty) measures the batch only
JOBS=${JOBS:-$(nproc)}
FOLIO=$REPO/build/folio
export FONTCONFIG_FILE="$REPO/tests/fonts.conf" LC_ALL=C.UTF-8 SOURCE_DATE_EPOCH=0 TZ=UTC
export XDG_CACHE_HOME="${TMPDIR:-/tmp}/folio-bench-cache-$(id -u)"

for t in fop weasyprint javac xsltproc pdfinfo /usr/bin/time; do
  command -v "$t" >/dev/null || { echo "bench/peers.sh: $t is missing (make bench installs the peers)" >&2; exit 2; }
done
W=$(mktemp -d "${TMPDIR:-/tmp}/folio-peers.XXXXXX")
[ -n "${KEEP:-}" ] || trap 'rm -rf "$W"' EXIT
mkdir -p "$W/out" "$W/docs"
log() { printf '%s\n' "$*" >&2; }

# --- preparation (not timed) --------------------------------------------------

cat >"$W/fop.xconf" <<EOF
<?xml version="1.0"?>
<fop version="1.0">
  <renderers>
    <renderer mime="application/pdf">
      <fonts>
        <directory>/usr/share/fonts/truetype/paratype</directory>
        <directory>/usr/share/fonts/truetype/liberation2</directory>
      </fonts>
    </renderer>
  </renderers>
</fop>
EOF
FOP_CP=$(for j in fop xmlgraphics-commons batik-all commons-io commons-logging \
                  xml-apis xml-apis-ext fontbox2; do
           [ -f "/usr/share/java/$j.jar" ] && printf '%s:' "/usr/share/java/$j.jar"; done)
javac -nowarn -cp "$FOP_CP" -d "$W" bench/FopBatch.java
cc -O2 bench/floor.c $(pkg-config --cflags --libs pangocairo) -o "$W/floor"
# (a script, not a function: bench/rusage.py execs it)
printf '#!/bin/sh\nexec java -Dorg.apache.commons.logging.Log=org.apache.commons.logging.impl.NoOpLog -cp "%s" FopBatch "%s" "$@"\n' \
  "$FOP_CP$W" "$W/fop.xconf" >"$W/fop-batch"
chmod +x "$W/fop-batch"
fop_batch="$W/fop-batch"
# WeasyPrint's own Python (Debian's), whatever python3 is first on PATH
WEASY_PY=$(sed -n '1s/^#! *//p' "$(command -v weasyprint)")
[ -x "${WEASY_PY%% *}" ] || WEASY_PY=/usr/bin/python3

# to_fo XML FO -- what folio's stylesheet makes of XML, for FOP
to_fo() { "$FOLIO" transform "$1" | xsltproc bench/strip-folio.xsl - >"$2"; }

declare -A SRC=([protocol]=input/protocol-2021-tomsk.xml
                [long]=input/guidance-cluster-specialised-organisation.xml)
for d in protocol long; do
  cp "${SRC[$d]}" "$W/docs/$d.xml"
  to_fo "$W/docs/$d.xml" "$W/docs/$d.fo"
  python3 bench/fo2html.py "$W/docs/$d.fo" "$W/docs/$d.html"
  python3 bench/fo2html.py --text "$W/docs/$d.fo" "$W/docs/$d.txt"
done
# FOP builds its font cache (~/.fop) on the first run: not part of a timing
fop -q -c "$W/fop.xconf" -fo "$W/docs/protocol.fo" -pdf "$W/out/warmup.pdf" >/dev/null 2>&1

if [ "$BATCH" -gt 0 ]; then
log "generating $BATCH reports ..."
python3 bench/gen-reports.py "$BATCH" "$W/reports/xml"
mkdir -p "$W/reports/fo"
export FOLIO W REPO
ls "$W/reports/xml" | xargs -P "$JOBS" -n 50 sh -c '
  for f; do "$FOLIO" transform "$W/reports/xml/$f" |
    xsltproc "$REPO/bench/strip-folio.xsl" - >"$W/reports/fo/${f%.xml}.fo" || exit 1; done' sh
python3 bench/fo2html.py --dir "$W/reports/fo" "$W/reports/html"
ls "$W"/reports/fo/*.fo >"$W/reports/fo.list"
ls "$W"/reports/html/*.html >"$W/reports/html.list"
fi

# --- measuring ------------------------------------------------------------------

# timed FILE CMD... -- runs CMD under bench/rusage.py (GNU time's wall, CPU
# and peak RSS, in microseconds rather than hundredths of a second);
# appends "wall cpu kib" to FILE
timed() {
  local res=$1
  shift
  python3 "$REPO/bench/rusage.py" "$W/t" "$@" >"$W/cmd.out" 2>"$W/cmd.err" || {
    log "failed: $*"; cat "$W/cmd.err" >&2; exit 1; }
  cat "$W/t" >>"$res"
}
median() { sort -n | awk '{a[NR]=$1} END{print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
pages_of() { pdfinfo "$1" | awk '/^Pages:/{print $2}'; }

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
for d in $SINGLE; do
  log "$d: $RUNS interleaved cold runs ..."
  for r in $(seq "$RUNS"); do
    timed "$W/$d.folio" "$FOLIO" render "$W/docs/$d.xml" -o "$W/out/folio-$d.pdf"
    timed "$W/$d.fop" fop -q -c "$W/fop.xconf" -fo "$W/docs/$d.fo" -pdf "$W/out/fop-$d.pdf"
    timed "$W/$d.weasy" weasyprint "$W/docs/$d.html" "$W/out/weasy-$d.pdf"
    timed "$W/$d.floor" "$W/floor" "$W/docs/$d.txt" "$W/out/floor-$d.pdf"
  done
  # warm: one loaded process, the same document WARM_DOCS times
  mkdir -p "$W/warm-$d/in" "$W/warm-$d/fop" "$W/warm-$d/weasy"
  for i in $(seq "$WARM_DOCS"); do
    cp "$W/docs/$d.xml" "$W/warm-$d/in/$(printf '%03d' "$i").xml"
    echo "$W/docs/$d.fo" >>"$W/warm-$d/fo.list"
    echo "$W/docs/$d.html" >>"$W/warm-$d/html.list"
  done
  "$FOLIO" batch "$W/warm-$d/in" -d "$W/warm-$d/folio" -j 1 -q --manifest "$W/warm-$d/m.jsonl"
  python3 -c '
import json, sys
ms = [json.loads(l)["ms"] for l in open(sys.argv[1])]
half = ms[len(ms) // 2:]
print("%.2f" % (sum(half) / len(half)))' "$W/warm-$d/m.jsonl" >"$W/$d.folio.warm"
  "$fop_batch" "$W/warm-$d/fo.list" "$W/warm-$d/fop" 1 | awk '{print $8}' >"$W/$d.fop.warm"
  $WEASY_PY bench/weasy-batch.py "$W/warm-$d/html.list" "$W/warm-$d/weasy" 1 | awk '{print $8}' >"$W/$d.weasy.warm"
done

[ "$BATCH" -gt 0 ] && log "batch of $BATCH reports, $JOBS workers each, $BATCH_RUNS run(s) ..."
for r in $( [ "$BATCH" -gt 0 ] && seq "$BATCH_RUNS"); do
  rm -rf "$W/b-folio" "$W/b-fop" "$W/b-weasy"
  mkdir -p "$W/b-fop" "$W/b-weasy"
  timed "$W/batch.folio" "$FOLIO" batch "$W/reports/xml" -d "$W/b-folio" -j "$JOBS" -q \
        --manifest "$W/batch.jsonl"
  timed "$W/batch.fop" "$fop_batch" "$W/reports/fo.list" "$W/b-fop" "$JOBS"
  cp "$W/cmd.out" "$W/batch.fop.out"
  timed "$W/batch.weasy" $WEASY_PY bench/weasy-batch.py "$W/reports/html.list" "$W/b-weasy" "$JOBS"
  cp "$W/cmd.out" "$W/batch.weasy.out"
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

# --- report ---------------------------------------------------------------------

col() { awk -v c="$2" '{print $c}' "$1" | median; }
echo "## Side by side (bench/peers.sh)"
echo
echo "$(date -u +%Y-%m-%d), $(nproc) cores, load average $LOAD_BEFORE before and $LOAD_AFTER after;"
echo "folio $("$FOLIO" --version | cut -d' ' -f2), $(fop -version 2>/dev/null | tail -1 | sed 's/Version //'),"
echo "WeasyPrint $(weasyprint --version | awk '{print $3}'), RUNS=$RUNS WARM_DOCS=$WARM_DOCS BATCH=$BATCH JOBS=$JOBS."
echo
[ -n "$SINGLE" ] && echo "| document | tool | pages | median wall | median CPU | pages/s (wall) | peak RSS | warm ms/doc |"
[ -n "$SINGLE" ] && echo "|---|---|---|---|---|---|---|---|"
for d in $SINGLE; do
  for t in folio fop weasy floor; do
    p=$(pages_of "$W/out/$t-$d.pdf")
    wall=$(col "$W/$d.$t" 1); cpu=$(col "$W/$d.$t" 2)
    rss=$(awk '{print $3}' "$W/$d.$t" | sort -n | tail -1)
    warm=$(cat "$W/$d.$t.warm" 2>/dev/null || echo "")
    name=$(case $t in folio) echo folio ;; fop) echo "FOP CLI" ;; weasy) echo WeasyPrint ;; floor) echo "pango+cairo floor" ;; esac)
    awk -v d="$d" -v n="$name" -v p="$p" -v w="$wall" -v c="$cpu" -v r="$rss" -v warm="$warm" 'BEGIN{
      printf "| %s | %s | %d | %.0f ms | %.0f ms | %.1f | %.0f MiB | %s |\n",
        d, n, p, w*1000, c*1000, p/w, r/1024, warm == "" ? "–" : sprintf("%.1f", warm) }'
    echo "$p $wall $cpu" >"$W/$d.$t.sum"
  done
done
echo
[ -n "$SINGLE" ] && echo "Ratios (cold): how many times longer the peer takes than folio; per page for the floor."
echo
for d in $SINGLE; do
  read -r fp fw fc <"$W/$d.folio.sum"
  read -r op ow oc <"$W/$d.fop.sum"
  read -r wp ww wc <"$W/$d.weasy.sum"
  read -r lp lw lc <"$W/$d.floor.sum"
  awk -v d="$d" -v fp="$fp" -v fw="$fw" -v fc="$fc" -v ow="$ow" -v oc="$oc" -v ww="$ww" -v wc="$wc" \
      -v lp="$lp" -v lw="$lw" -v lc="$lc" 'BEGIN{
    printf "- %s: FOP CLI / folio = %.1fx (CPU %.1fx); WeasyPrint / folio = %.1fx (CPU %.1fx); folio per page / floor per page = %.2fx (CPU %.2fx)\n",
      d, ow/fw, oc/fc, ww/fw, wc/fc, (fw/fp)/(lw/lp), (fc/fp)/(lc/lp) }'
done
echo
if [ "$BATCH" -gt 0 ]; then
echo "| batch of $BATCH reports | pages | wall | documents/s | pages/s | peak RSS (largest process) |"
echo "|---|---|---|---|---|---|"
fpages=$(python3 -c 'import json,sys; print(sum(json.loads(l)["pages"] for l in open(sys.argv[1])))' "$W/batch.jsonl")
opages=$(awk '{print $4}' "$W/batch.fop.out")
wpages=$(awk '{print $4}' "$W/batch.weasy.out")
for t in folio fop weasy; do
  p=$(case $t in folio) echo "$fpages" ;; fop) echo "$opages" ;; weasy) echo "$wpages" ;; esac)
  name=$(case $t in folio) echo "folio batch -j $JOBS" ;; fop) echo "FOP, one warm JVM, $JOBS threads" ;; weasy) echo "WeasyPrint, $JOBS warm processes" ;; esac)
  wall=$(col "$W/batch.$t" 1)
  rss=$(awk '{print $3}' "$W/batch.$t" | sort -n | tail -1)
  awk -v n="$name" -v p="$p" -v w="$wall" -v r="$rss" -v b="$BATCH" 'BEGIN{
    printf "| %s | %d | %.1f s | %.1f | %.1f | %.0f MiB |\n", n, p, w, b/w, p/w, r/1024 }'
  echo "$wall" >"$W/batch.$t.wall"
done
awk -v f="$(cat "$W/batch.folio.wall")" -v o="$(cat "$W/batch.fop.wall")" -v w="$(cat "$W/batch.weasy.wall")" 'BEGIN{
  printf "\nBatch throughput (documents/s): folio / FOP warm JVM = %.2fx, folio / WeasyPrint warm = %.2fx (wall time of the whole run, JVM and interpreter start-up included).\n", o/f, w/f }'
echo "FOP in-JVM: $(cat "$W/batch.fop.out"); WeasyPrint in-process: $(cat "$W/batch.weasy.out")."
echo
python3 - "$W/batch.jsonl" <<'EOF'
import json, sys
from collections import defaultdict
by = defaultdict(list)
for l in open(sys.argv[1]):
    r = json.loads(l)
    by[r["worker"]].append(r["worker_peak_rss_kib"])
print("folio workers' peak RSS (from the manifest, KiB): " + "; ".join(
    "worker %d: %d documents, after the 1st %d, the 100th %s, the last %d" %
    (i + 1, len(v), v[0], v[99] if len(v) > 99 else "-", v[-1])
    for i, v in enumerate(by.values())))
EOF
fi
echo
echo "Command: SINGLE='$SINGLE' RUNS=$RUNS WARM_DOCS=$WARM_DOCS BATCH=$BATCH BATCH_RUNS=$BATCH_RUNS JOBS=$JOBS bench/peers.sh"
