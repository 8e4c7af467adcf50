#!/usr/bin/env bash
# hostile/fuzz-regress — every input the fuzzers (tests/fuzz/, `make fuzz`)
# ever found a problem with, run through the normal binary: NAME.fo with
# `folio fo`, NAME.xml with `folio render`.  Each must end in exit 0 with a
# PDF, or exit 1/2 with an error diagnostic and no output -- never a
# signal, a sanitizer report (exit 99 under `make asan`) or a timeout.
# The file's name says which target found it and what it was.
. "$(dirname "$0")/../lib.sh"
need_folio

n=0
for f in tests/hostile/fuzz-regress/*.fo tests/hostile/fuzz-regress/*.xml; do
  [ -f "$f" ] || continue
  n=$((n + 1))
  name=$(basename "$f")
  case $f in *.fo) sub=fo ;; *) sub=render ;; esac
  rm -f "$T/out.pdf"
  # the area dump reads every line's text: out-of-range lines show there
  folio "$sub" "$f" -o "$T/out.pdf" --dump-areas "$T/areas"
  case $RC in
    0) if is_pdf "$T/out.pdf"; then pass "$name"; else fail "$name" "exit 0 but no PDF"; fi ;;
    1|2)
      if ! grep -q -E '(^|: )error: ' "$ERR"; then
        fail "$name" "exit $RC without an error diagnostic" "$ERR"
      elif [ -e "$T/out.pdf" ]; then
        fail "$name" "exit $RC but a PDF was written"
      else
        pass "$name"
      fi ;;
    *) fail "$name" "$(describe_rc)" "$ERR" ;;
  esac
done
[ "$n" -gt 0 ] || fail inputs "no inputs in tests/hostile/fuzz-regress/"
finish
