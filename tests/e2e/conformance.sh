#!/usr/bin/env bash
# tests/e2e/conformance.sh -- the XSL-FO conformance kit (../shared/
# conformance, Apache FOP's own test documents with FOP's results) must not
# lose ground: no case may crash or time out, and the pass and strict counts
# must stay at or above the floors below.  Raise the floors when the engine
# gets better; never lower them to make a change pass.
# test-timeout: 600
. "$(dirname "$0")/../lib.sh"

PASS_FLOOR=251
STRICT_FLOOR=213

KIT="$REPO/../shared/conformance"
if [ ! -x "$KIT/run" ]; then
  skip "conformance/kit" "no conformance kit beside the repository"
  finish
fi
# the kit picks its own fonts.conf (Liberation, as FOP had)
unset FONTCONFIG_FILE
# The kit scores one case at a time (python and pdftotext for each, most
# of its four minutes), so the cases are dealt into one share per core (at
# most four), each share scored by a run of its own (a case's exact name
# selects that case), and the shares' counts added up.
jobs=$(nproc 2>/dev/null || echo 1)
[ "$jobs" -gt 4 ] && jobs=4
[ "$jobs" -lt 1 ] && jobs=1
mapfile -t cases < <(cd "$KIT/fo" && ls -- *.fo | sed 's/\.fo$//')
for ((k = 0; k < jobs; k++)); do
  share=()
  for ((i = k; i < ${#cases[@]}; i += jobs)); do share+=("${cases[i]}"); done
  pattern=$(IFS='|'; printf '%s' "${share[*]}")
  CONFORMANCE_TIMEOUT=20 "$KIT/run" "$FOLIO fo {in} -o {out}" "$pattern" \
    > "$T/out.$k" 2>&1 &
done
wait
# the cases' lines, then the summary lines with every share's counts added
for ((k = 0; k < jobs; k++)); do sed '/^ran ok:/,$d' "$T/out.$k"; done > "$T/out"
cat "$T/out".* | awk '
  /^(ran ok|page count equal|page sizes equal|positions within tolerance|strict \(.*\)): [0-9]+ of [0-9]+$/ {
    key = $0; sub(/: [0-9]+ of [0-9]+$/, "", key)
    if (!(key in n)) order[++m] = key
    n[key] += $(NF - 2); t[key] += $NF; next }
  /^conformance: [0-9]+ passed, [0-9]+ failed/ { p += $2; f += $4; seen = 1 }
  END {
    for (i = 1; i <= m; i++) printf "%s: %d of %d\n", order[i], n[order[i]], t[order[i]]
    if (seen) printf "conformance: %d passed, %d failed\n", p, f }' > "$T/summary"
cat "$T/summary" >> "$T/out"
sed -n '/^ran ok:/,$p' "$T/out"

ran=$(sed -n 's/^ran ok: \([0-9]*\) of \([0-9]*\)$/\1 \2/p' "$T/out")
read -r ok total <<< "$ran"
passed=$(sed -n 's/^conformance: \([0-9]*\) passed.*/\1/p' "$T/out")
strict=$(sed -n 's/^strict.*: \([0-9]*\) of .*/\1/p' "$T/out")

# (every case counted: a share whose run failed would be missing)
if [ -n "$ok" ] && [ "$ok" = "$total" ] && [ "$total" = "${#cases[@]}" ]; then
  pass "conformance/no-crash-or-timeout"
else
  fail "conformance/no-crash-or-timeout" "ran ok: ${ok:-?} of ${total:-?} (${#cases[@]} cases)"
  grep -E 'error|timeout|crash' "$T/out" | head -10
fi
if [ -n "$passed" ] && [ "$passed" -ge "$PASS_FLOOR" ]; then
  pass "conformance/passed-at-least-$PASS_FLOOR"
else
  fail "conformance/passed-at-least-$PASS_FLOOR" "passed ${passed:-?}"
fi
if [ -n "$strict" ] && [ "$strict" -ge "$STRICT_FLOOR" ]; then
  pass "conformance/strict-at-least-$STRICT_FLOOR"
else
  fail "conformance/strict-at-least-$STRICT_FLOOR" "strict ${strict:-?}"
fi
finish
