#!/usr/bin/env bash
# e2e/layout-threads — a flow's paragraphs set on several threads
# (src/layout/shadow.c) give the same result as one thread: the same area
# tree for every golden FO file, the same PDF bytes for the seed documents,
# with more threads than cores as well; the helpers really set paragraphs
# (the --timings note counts them); a short document stays on one thread
# by default; a bad --layout-threads value is a usage error.
. "$(dirname "$0")/../lib.sh"
need_folio

# every golden FO file, forced onto 3 threads: the golden area tree
bad=""
for fo in tests/golden/*.fo; do
  name=$(basename "$fo" .fo)
  folio fo "$fo" --layout-threads=3 --dump-areas "$T/$name.areas" -o "$T/$name.pdf"
  if [ "$RC" -ne 0 ] || ! cmp -s "$T/$name.areas" "tests/golden/$name.areas"; then
    bad="$bad $name"
  fi
done
if [ -z "$bad" ]; then
  pass goldens-on-3-threads
else
  fail goldens-on-3-threads "area trees differ from the goldens on 3 threads:$bad"
fi

# seed documents: one thread, two, and four (more than this machine's
# cores): the same bytes
for doc in input/guidance-cluster-specialised-organisation.xml \
           input/report-2024-smolensk-ict-cluster.xml \
           input/protocol-2021-tomsk.xml; do
  name=$(basename "$doc" .xml)
  folio render "$doc" --layout-threads=1 -o "$T/$name-1.pdf"
  expect_rc "$name-one-thread" 0
  same=yes
  for n in 2 4; do
    folio render "$doc" --layout-threads=$n --timings -o "$T/$name-$n.pdf"
    expect_rc "$name-$n-threads" 0
    cmp -s "$T/$name-1.pdf" "$T/$name-$n.pdf" || same="no ($n threads)"
    # the helpers set paragraphs: otherwise the comparison proves nothing
    beside=$(sed -n "s/.*layout on $n threads, \([0-9]*\) of \([0-9]*\) paragraphs.*/\1/p" "$ERR")
    if [ -z "$beside" ] || [ "$beside" -eq 0 ]; then
      fail "$name-$n-threads-used" "no paragraph was set by a helper" "$ERR"
    else
      pass "$name-$n-threads-used"
    fi
  done
  if [ "$same" = yes ]; then
    pass "$name-same-pdf"
  else
    fail "$name-same-pdf" "the PDF differs from one thread's: $same"
  fi
done

# the default: a long document on every core (this machine's: one
# thread when it has one core), a short one on one thread
folio render --timings input/guidance-cluster-specialised-organisation.xml -o "$T/auto.pdf"
expect_rc auto-long 0
cores=$(nproc)
if [ "$cores" -ge 2 ]; then
  grep -q "layout on [2-8] threads" "$ERR" && auto=ok || auto=no
else
  grep -q "layout on" "$ERR" && auto=no || auto=ok
fi
if [ "$auto" = ok ]; then
  pass auto-long-threads
else
  fail auto-long-threads "a long document on $cores cores" "$ERR"
fi
if cmp -s "$T/auto.pdf" "$T/guidance-cluster-specialised-organisation-1.pdf"; then
  pass auto-same-pdf
else
  fail auto-same-pdf "the default setting changed the PDF"
fi
folio render --timings tests/errors/valid-protocol.xml -o "$T/short.pdf"
expect_rc auto-short 0
if grep -q "timings:" "$ERR" && ! grep -q "layout on" "$ERR"; then
  pass auto-short-one-thread
else
  fail auto-short-one-thread "a one-page protocol should stay on one thread" "$ERR"
fi

for v in x -1 65 2x; do
  folio render "--layout-threads=$v" tests/errors/valid-protocol.xml -o "$T/bad.pdf"
  expect_rc "bad-value-$v" 2
  check "bad-value-$v-message" "no usage message" \
    grep -q "layout-threads takes a number from 0 to 64" "$ERR"
done
expect_no_file bad-value-no-output "$T/bad.pdf"

finish
