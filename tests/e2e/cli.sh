#!/usr/bin/env bash
# e2e/cli — the command line itself: --help, --version, usage errors, the
# data directory (default, --data-dir, FOLIO_DATA_DIR), dumps to stdout and
# their determinism.
. "$(dirname "$0")/../lib.sh"
need_folio

# A small valid protocol (quick to render) and a real one (for the dumps).
doc="$REPO/tests/errors/valid-protocol.xml"
real="$REPO/input/protocol-2021-tomsk.xml"
[ -f "$real" ] || real=$(ls "$REPO"/input/protocol-*.xml 2>/dev/null | head -n 1)

# A clean FO document for the `fo` subcommand.
minfo=tests/errors/minimal.fo

# --- help and version ---------------------------------------------------------

folio --help
expect_rc help-exit 0
missing=""
for word in render validate transform fo --dump-fo --dump-areas --data-dir; do
  grep -q -w -e "$word" "$OUT" || missing="$missing $word"
done
if [ -z "$missing" ]; then pass help-text; else fail help-text "--help does not mention:$missing" "$OUT"; fi

folio --version
expect_rc version-exit 0
if grep -q -E '[0-9]+(\.[0-9]+)+' "$OUT"; then
  pass version-text
else
  fail version-text "--version prints no version number on stdout" "$OUT"
fi

# --- usage errors: exit 2 with one line -------------------------------------

folio
expect_rc usage-no-args 2
folio no-such-command
expect_rc usage-unknown-command 2
expect_one_line usage-unknown-command-one-line
folio render "$doc" --no-such-option -o "$T/x.pdf"
expect_rc usage-unknown-option 2
expect_no_file usage-unknown-option-no-output "$T/x.pdf"
folio_in "$T" render "$doc"
expect_rc usage-render-needs-o-or-d 2
expect_clean_dir usage-render-needs-o-or-d-writes-nothing "$T" .stdout .stderr
folio render "$doc" "$doc" -o "$T/x.pdf"
expect_rc usage-render-several-inputs-need-d 2
folio fo "$minfo"
expect_rc usage-fo-needs-output 2

# --- data directory -----------------------------------------------------------

# Default: next to the executable, whatever the current directory.
mkdir -p "$T/elsewhere"
folio_in "$T/elsewhere" render "$doc" -o "$T/elsewhere/default.pdf"
expect_rc datadir-default-from-other-cwd 0
expect_pdf datadir-default-from-other-cwd-pdf "$T/elsewhere/default.pdf"

# --data-dir with an absolute path, from another directory.
folio_in "$T/elsewhere" render "$doc" -o "$T/elsewhere/abs.pdf" --data-dir "$REPO"
expect_rc datadir-option-absolute 0
expect_pdf datadir-option-absolute-pdf "$T/elsewhere/abs.pdf"

# --data-dir . : relative to the current directory (a copy of the data).
mkdir -p "$T/data"
cp -R "$REPO/schemas" "$REPO/stylesheets" "$T/data/"
folio_in "$T/data" render "$doc" -o "$T/elsewhere/dot.pdf" --data-dir .
expect_rc datadir-option-dot 0
expect_pdf datadir-option-dot-pdf "$T/elsewhere/dot.pdf"

# FOLIO_DATA_DIR pointing at the copy works ...
FOLIO_DATA_DIR="$T/data" folio_in "$T/elsewhere" render "$doc" -o "$T/elsewhere/env.pdf"
expect_rc datadir-env 0
# ... and pointing at an empty directory there is no schema: exit 2, no PDF.
mkdir -p "$T/empty"
FOLIO_DATA_DIR="$T/empty" folio_in "$T/elsewhere" render "$doc" -o "$T/elsewhere/none.pdf"
expect_rc datadir-env-empty-exit-2 2
expect_one_line datadir-env-empty-one-line
expect_no_file datadir-env-empty-no-output "$T/elsewhere/none.pdf"
# The command-line option wins over the environment.
FOLIO_DATA_DIR="$T/empty" folio_in "$T/elsewhere" render "$doc" -o "$T/elsewhere/both.pdf" --data-dir "$REPO"
expect_rc datadir-option-overrides-env 0

# --- dumps ---------------------------------------------------------------------

# `fo` with only a dump needs no -o; "-" is stdout.
folio fo "$minfo" --dump-areas -
expect_rc dump-areas-stdout-exit 0
if [ -s "$OUT" ]; then pass dump-areas-stdout-text; else fail dump-areas-stdout-text "nothing on stdout"; fi
folio fo "$minfo" --dump-fo -
expect_rc dump-fo-stdout-exit 0
if grep -q 'block' "$OUT"; then
  pass dump-fo-stdout-text
else
  fail dump-fo-stdout-text "the FO dump does not mention the block" "$OUT"
fi

# The same protocol twice gives byte-identical dumps.
for i in 1 2; do
  folio render "$real" -o "$T/det$i.pdf" --dump-fo "$T/det$i.fotree" --dump-areas "$T/det$i.areas"
  expect_rc "dump-render-$i-exit" 0
done
if [ ! -s "$T/det1.areas" ] || [ ! -s "$T/det1.fotree" ]; then
  fail dump-render-files "render --dump-fo/--dump-areas wrote empty or no files"
else
  pass dump-render-files
  if cmp -s "$T/det1.areas" "$T/det2.areas" && cmp -s "$T/det1.fotree" "$T/det2.fotree"; then
    pass dump-deterministic
  else
    diff "$T/det1.areas" "$T/det2.areas" >"$T/d.diff" 2>&1
    diff "$T/det1.fotree" "$T/det2.fotree" >>"$T/d.diff" 2>&1
    fail dump-deterministic "two runs gave different dumps" "$T/d.diff"
  fi
fi

finish
