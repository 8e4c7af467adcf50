#!/usr/bin/env bash
# e2e/batch-shards — four shards run by GNU parallel (Debian's `parallel`)
# together render exactly what one run renders: no document twice, none
# missed, the same bytes, and their manifests merge into the one run's.
# test-timeout: 120
. "$(dirname "$0")/../lib.sh"
. "$REPO/tests/batch-lib.sh"
need_folio
CMD_TIMEOUT=90

if ! command -v parallel >/dev/null 2>&1; then
  fail parallel-installed "GNU parallel is missing (make deps installs it)"
  finish
fi

in="$T/in"
gen_protocols "$in" 20
# and a collection, whose entries are spread over the shards too
{
  echo '<collection xmlns="urn:folio:collection" name="c-{number}">'
  for i in 101 102 103 104; do protocol_body "$i"; done
  echo '</collection>'
} >"$in/cluster.xml"

folio batch "$in" -d "$T/one" --manifest "$T/one.jsonl" -j 2
expect_rc single-run 0

# the shards, as a GNU parallel job would run them (one worker each)
export FOLIO T in
timeout -k 5 90 parallel --will-cite -j 4 \
  '"$FOLIO" batch "$in" -d "$T/sharded" -j 1 --shard {}/4 --manifest "$T/m-{}.jsonl" -q' \
  ::: 1 2 3 4 >"$T/par.log" 2>&1
rc=$?
if [ "$rc" -eq 0 ]; then pass shards-exit-0; else fail shards-exit-0 "parallel exit $rc" "$T/par.log"; fi

counts=""
for k in 1 2 3 4; do counts="$counts $(wc -l <"$T/m-$k.jsonl")"; done
if ! echo "$counts" | grep -q -w 0; then
  pass every-shard-has-work
else
  fail every-shard-has-work "documents per shard:$counts"
fi

tree_sums "$T/one" >"$T/one.sums"
tree_sums "$T/sharded" >"$T/sharded.sums"
if [ "$(wc -l <"$T/one.sums")" -eq 24 ] && cmp -s "$T/one.sums" "$T/sharded.sums"; then
  pass union-equals-one-run
else
  diff "$T/one.sums" "$T/sharded.sums" >"$T/d"
  fail union-equals-one-run "the PDFs differ from one run (24 expected)" "$T/d"
fi
all_pdfs_ok "$T/sharded" >"$T/q" && pass shard-outputs-pass-qpdf || fail shard-outputs-pass-qpdf "qpdf" "$T/q"

cat "$T"/m-[1-4].jsonl >"$T/merged.jsonl"
if python3 - "$T/one.jsonl" "$T/merged.jsonl" >"$T/mm" 2>&1 <<'EOF'
import json, os, sys
def load(p):
    recs = [json.loads(l) for l in open(p)]
    keys = [(r["input"], r["entry"]) for r in recs]
    if len(keys) != len(set(keys)):
        sys.exit(f"{p}: a document appears twice")
    return {k: r for k, r in zip(keys, recs)}
one, merged = load(sys.argv[1]), load(sys.argv[2])
if one.keys() != merged.keys():
    sys.exit(f"documents differ: {sorted(set(one) ^ set(merged))}")
for k, r in one.items():
    m = merged[k]
    if (r["status"], r["sha256"], r["pages"], os.path.basename(r["output"])) != \
       (m["status"], m["sha256"], m["pages"], os.path.basename(m["output"])):
        sys.exit(f"{k}: {r} != {m}")
EOF
then
  pass manifests-merge
else
  fail manifests-merge "merged shard manifests differ from the single run" "$T/mm"
fi
manifest_check "$T/merged.jsonl" >"$T/mc" 2>&1 && pass merged-manifest-valid || fail merged-manifest-valid "manifest" "$T/mc"

# the shard of a document does not depend on the machine: ask again, get
# the same split
folio batch "$in" -d "$T/sharded" --shard 2/4 --dry-run
awk '{print $2}' "$OUT" | sort >"$T/again"
python3 -c '
import json, sys
for l in open(sys.argv[1]):
    r = json.loads(l)
    print(r["input"] + ("#%d" % r["entry"] if r["entry"] else ""))' "$T/m-2.jsonl" | sort >"$T/was"
if [ -s "$T/again" ] && cmp -s "$T/again" "$T/was"; then
  pass shard-stable
else
  fail shard-stable "--dry-run of shard 2/4 lists other documents" "$OUT"
fi

finish
