# shellcheck shell=bash
# tests/batch-lib.sh — helpers for the folio batch tests (tests/e2e/batch*.sh,
# tests/hostile/kill.sh).  Source it after tests/lib.sh.

BATCH_BASE="$REPO/tests/errors/valid-protocol.xml"

# gen_protocols DIR N [FIRST] — writes DIR/p-NNNN.xml, N small valid
# protocols that differ in number, date and title (quick to render: one page).
gen_protocols() {
  local dir=$1 n=$2 first=${3:-1} i day
  mkdir -p "$dir"
  for ((i = first; i < first + n; i++)); do
    day=$(printf '%02d' $(((i % 28) + 1)))
    sed -e "s|<number>1</number>|<number>$i</number>|" \
        -e "s|<date>2021-04-09</date>|<date>2021-04-$day</date>|" \
        -e "s|на 2021 год.|на 2021 год, выпуск $i.|" \
        "$BATCH_BASE" >"$dir/p-$(printf '%04d' "$i").xml"
  done
}

# protocol_body [NUMBER] — the protocol without its XML declaration and
# comment, for building collections.
protocol_body() {
  sed -n '/^<protocol/,$p' "$BATCH_BASE" | sed -e "s|<number>1</number>|<number>${1:-1}</number>|"
}

# qpdf_ok PDF — qpdf --check finds no damage (exit 0; 3 = warnings only).
qpdf_ok() {
  local rc
  qpdf --check "$1" >/dev/null 2>&1
  rc=$?
  [ "$rc" -eq 0 ] || [ "$rc" -eq 3 ]
}

# all_pdfs_ok DIR — every *.pdf below DIR passes qpdf --check; prints the
# bad ones.
all_pdfs_ok() {
  local f bad=0
  while IFS= read -r -d '' f; do
    if ! qpdf_ok "$f"; then
      echo "damaged: $f"
      bad=1
    fi
  done < <(find "$1" -name '*.pdf' -print0)
  [ "$bad" -eq 0 ]
}

# manifest_check MANIFEST — every line is JSON with the documented fields;
# for each done/skipped record the sha256 (by sha256sum) and bytes match
# the PDF on disk
# and pages match pdfinfo.  Prints what is wrong.
manifest_check() {
  python3 - "$1" <<'EOF'
import json, os, subprocess, sys
bad = 0
keys = {"input", "entry", "output", "status", "sha256", "pages", "bytes", "ms",
        "diagnostics"}
for n, line in enumerate(open(sys.argv[1], encoding="utf-8"), 1):
    try:
        r = json.loads(line)
    except ValueError as e:
        print(f"line {n}: not JSON: {e}"); bad = 1; continue
    missing = keys - r.keys()
    if missing:
        print(f"line {n}: missing {sorted(missing)}"); bad = 1; continue
    if r["status"] not in ("done", "skipped", "failed"):
        print(f"line {n}: status {r['status']}"); bad = 1
    if r["status"] == "failed":
        if not r["diagnostics"]:
            print(f"line {n}: failed without diagnostics"); bad = 1
        continue
    data = open(r["output"], "rb").read()
    sha = subprocess.run(["sha256sum", r["output"]], capture_output=True,
                         text=True).stdout.split()[0]
    if sha != r["sha256"]:
        print(f"line {n}: sha256 differs from the file {r['output']}"); bad = 1
    if len(data) != r["bytes"]:
        print(f"line {n}: bytes {r['bytes']} but the file has {len(data)}"); bad = 1
    if r["pages"] is not None:
        info = subprocess.run(["pdfinfo", r["output"]], capture_output=True, text=True).stdout
        pages = int([l.split()[1] for l in info.splitlines() if l.startswith("Pages:")][0])
        if pages != r["pages"]:
            print(f"line {n}: pages {r['pages']} but pdfinfo says {pages}"); bad = 1
sys.exit(bad)
EOF
}

# tree_sums DIR — "relative-path sha256" of every PDF below DIR, sorted.
tree_sums() {
  (cd "$1" && find . -name '*.pdf' -print0 | sort -z | xargs -0 -r sha256sum)
}
