#!/usr/bin/env bash
# hostile/output — outputs that cannot be written: the path is a
# directory, the directory is read-only, the disk is full (a 16 KiB tmpfs
# when this runs as root and may mount; /dev/full always), a device as the
# output (/dev/null must stay a device).  Each: exit 2, one clear error
# line, no partial or temporary file, an existing file left as it was, and
# the other documents of a batch unaffected.  (docs/security.md)
. "$(dirname "$0")/../lib.sh"
need_folio

doc=tests/errors/valid-protocol.xml
fo=tests/errors/minimal.fo
M=$T/small
mkdir -p "$T/o" "$M"
trap 'umount "$M" 2>/dev/null; rm -rf "$T"' EXIT

# io_error NAME WORD — exit 2, exactly one line, an error saying WORD.
io_error() {
  expect_no_crash "$1/no-crash"
  expect_rc "$1/exit-2" 2
  expect_one_line "$1/one-line"
  if grep -q -E '^[^ ]+: error: ' "$ERR"; then pass "$1/form"
  else fail "$1/form" "not 'FILE: error: ...'" "$ERR"; fi
  if grep -q -F -e "$2" "$ERR"; then pass "$1/says-why"
  else fail "$1/says-why" "the error does not say '$2'" "$ERR"; fi
}

# --- a directory as the output --------------------------------------------------
mkdir -p "$T/o/dir.pdf"
folio render "$doc" -o "$T/o/dir.pdf"
io_error output-is-directory 'directory'
expect_clean_dir output-is-directory/nothing-inside "$T/o/dir.pdf"

# --- a full disk ------------------------------------------------------------------------
folio fo "$fo" -o /dev/full
io_error dev-full 'No space left'
if [ -c /dev/full ]; then pass dev-full/still-a-device; else fail dev-full/still-a-device "/dev/full was replaced"; fi

if [ "$(id -u)" = 0 ] && mount -t tmpfs -o size=16k tmpfs "$M" 2>/dev/null; then
  # a 2 KiB file that is there before, and must be there after
  head -c 2048 /dev/zero | tr '\0' 'k' >"$M/keep.pdf"
  folio render "$doc" -o "$M/keep.pdf"
  io_error full-disk 'No space left'
  if [ "$(tr -d 'k' <"$M/keep.pdf" | wc -c)" -eq 0 ] && [ "$(wc -c <"$M/keep.pdf")" -eq 2048 ]; then
    pass full-disk/existing-file-kept
  else
    fail full-disk/existing-file-kept "the file that was there was changed"
  fi
  expect_clean_dir full-disk/no-temp-file "$M" keep.pdf
  rm -f "$M/keep.pdf"
  folio render "$doc" -o "$M/new.pdf"
  io_error full-disk-new 'No space left'
  expect_clean_dir full-disk-new/no-partial-file "$M"
  # read-only: root ignores permissions, a read-only mount it cannot
  mount -o remount,ro "$M"
  folio render "$doc" -o "$M/ro.pdf"
  io_error read-only 'Read-only'
  expect_clean_dir read-only/nothing-written "$M"
  umount "$M"
else
  skip full-disk "needs root and mount for a small tmpfs (/dev/full above covers the error path)"
fi
# read-only for a normal user: a directory without write permission
mkdir -p "$T/ro"
chmod 555 "$T/ro"
if [ "$(id -u)" != 0 ]; then
  folio render "$doc" -o "$T/ro/x.pdf"
  io_error no-permission 'Permission denied'
  expect_clean_dir no-permission/nothing-written "$T/ro"
fi

# --- devices as outputs stay devices ---------------------------------------------------
folio fo "$fo" -o /dev/null
expect_rc dev-null/exit-0 0
if [ -c /dev/null ]; then pass dev-null/still-a-device
else fail dev-null/still-a-device "/dev/null is no longer a character device"; fi
folio fo "$fo" --dump-areas /dev/stdout
expect_rc dev-stdout/exit-0 0
if grep -q '^page 1' "$OUT"; then pass dev-stdout/written; else fail dev-stdout/written "no area dump on stdout"; fi
if [ -L /dev/stdout ]; then pass dev-stdout/still-a-link
else fail dev-stdout/still-a-link "/dev/stdout is no longer a symbolic link"; fi
# a link to a file: the file gets the PDF, the link stays a link
echo old >"$T/o/target.pdf"
ln -s target.pdf "$T/o/link.pdf"
folio fo "$fo" -o "$T/o/link.pdf"
expect_rc symlink/exit-0 0
if [ -L "$T/o/link.pdf" ] && is_pdf "$T/o/target.pdf"; then pass symlink/target-written
else fail symlink/target-written "the link was replaced, or its target not written"; fi
mkfifo "$T/fifo"
cat "$T/fifo" >"$T/from-fifo" &
reader=$!
folio fo "$fo" -o "$T/fifo"
wait "$reader"
expect_rc fifo/exit-0 0
if [ -p "$T/fifo" ] && head -c 5 "$T/from-fifo" | grep -q '%PDF-'; then pass fifo/written
else fail fifo/written "the PDF did not come through the FIFO, or the FIFO was replaced"; fi

# --- a batch: one output fails, the others are made -------------------------------------
mkdir -p "$T/batch/in" "$T/batch/out/b.pdf"
for n in a b c; do cp "$doc" "$T/batch/in/$n.xml"; done
folio render -d "$T/batch/out" "$T/batch/in/a.xml" "$T/batch/in/b.xml" "$T/batch/in/c.xml"
expect_rc batch/exit-2 2
expect_pdf batch/a-made "$T/batch/out/a.pdf"
expect_pdf batch/c-made "$T/batch/out/c.pdf"
if grep -q -F "b.pdf" "$ERR" && [ "$(grep -c ': error: ' "$ERR")" -eq 1 ]; then pass batch/one-error
else fail batch/one-error "expected one error, about b.pdf" "$ERR"; fi
expect_clean_dir batch/no-temp-files "$T/batch/out" a.pdf b.pdf c.pdf

# ... and with `folio batch`, two document types (so the per-type dependency
# hashes are computed twice: make asan found the manifest reading them from
# freed memory), one output that is a directory, then a rerun that must skip
# the documents made
cp input/order-2018-smolensk.xml "$T/batch/in/d.xml"
mkdir -p "$T/batch2/b.pdf"
folio batch "$T/batch/in" -d "$T/batch2" -j 2 --manifest "$T/m.jsonl"
expect_no_crash batch-command/no-crash
expect_rc batch-command/exit-1 1
for n in a c d; do expect_pdf "batch-command/$n-made" "$T/batch2/$n.pdf"; done
if grep -q -E "^$T/batch2/b.pdf: error: cannot write: it is a directory" "$ERR"; then
  pass batch-command/error
else
  fail batch-command/error "no 'b.pdf: error: cannot write' line" "$ERR"
fi
expect_clean_dir batch-command/no-temp-files "$T/batch2" a.pdf b.pdf c.pdf d.pdf
if python3 - "$T/m.jsonl" <<'PY'
import json, re, sys
recs = {r["input"].rsplit("/", 1)[1]: r for r in map(json.loads, open(sys.argv[1]))}
ok = sorted(recs) == ["a.xml", "b.xml", "c.xml", "d.xml"]
ok = ok and [recs[k]["status"] for k in sorted(recs)] == ["done", "failed", "done", "done"]
deps = {k: r["deps_sha256"] for k, r in recs.items()}
ok = ok and all(re.fullmatch("[0-9a-f]{64}", d or "") for d in deps.values())
ok = ok and deps["a.xml"] == deps["b.xml"] == deps["c.xml"] != deps["d.xml"]
sys.exit(0 if ok else 1)
PY
then pass batch-command/manifest
else fail batch-command/manifest "records, statuses or per-type deps_sha256 wrong" "$T/m.jsonl"; fi
folio batch "$T/batch/in" -d "$T/batch2" --changed-only --manifest "$T/m.jsonl" --progress=plain
expect_rc batch-command/rerun-exit-1 1
if grep -q '0 done, 3 skipped, 1 failed' "$ERR"; then pass batch-command/rerun-skips-made
else fail batch-command/rerun-skips-made "expected 3 skipped (the hashes match the manifest)" "$ERR"; fi

finish
