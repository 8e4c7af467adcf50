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
CONFORMANCE_TIMEOUT=20 "$KIT/run" "$FOLIO fo {in} -o {out}" > "$T/out" 2>&1
sed -n '/^ran ok:/,$p' "$T/out"

ran=$(sed -n 's/^ran ok: \([0-9]*\) of \([0-9]*\)$/\1 \2/p' "$T/out")
read -r ok total <<< "$ran"
passed=$(sed -n 's/^conformance: \([0-9]*\) passed.*/\1/p' "$T/out")
strict=$(sed -n 's/^strict.*: \([0-9]*\) of .*/\1/p' "$T/out")

if [ -n "$ok" ] && [ "$ok" = "$total" ]; then
  pass "conformance/no-crash-or-timeout"
else
  fail "conformance/no-crash-or-timeout" "ran ok: ${ok:-?} of ${total:-?}"
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
