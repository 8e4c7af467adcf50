#!/usr/bin/env python3
"""bench/ab.py -- compares folio binaries (or anything taking the same
arguments) on one input, interleaved: each round runs every binary once,
in turn (the order reversed every other round), so that changes in the
machine's speed fall on all of them alike.
This machine's speed drifts by up to half over minutes; single series of
runs are not comparable, rounds are.

    bench/ab.py ROUNDS INPUT.xml BIN...

Each binary is run as `BIN render INPUT -o OUT.pdf` in the tests'
environment (tests/fonts.conf, SOURCE_DATE_EPOCH=0).  Prints, per binary,
the median wall time, its minimum and first quartile, and the median CPU
time (user + system of the process and its threads) in milliseconds;
then, for each binary after the first, the median of its per-round
differences from the first (wall and CPU) and the wall difference's mean
with its standard error: the figure to quote, since a round's binaries
ran within a fraction of a second of each other.
"""
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    rounds, inp, bins = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    env = dict(os.environ, FONTCONFIG_FILE=os.path.join(repo, "tests/fonts.conf"),
               LC_ALL="C.UTF-8", SOURCE_DATE_EPOCH="0", TZ="UTC")
    wall = {b: [] for b in bins}
    cpu = {b: [] for b in bins}
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "out.pdf")
        for r in range(rounds):
            for b in (bins if r % 2 == 0 else bins[::-1]):
                r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
                t0 = time.perf_counter()
                subprocess.run([b, "render", inp, "-o", out], env=env, check=True,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                wall[b].append((time.perf_counter() - t0) * 1000)
                r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
                cpu[b].append((r1.ru_utime - r0.ru_utime + r1.ru_stime - r0.ru_stime) * 1000)
    for b in bins:
        w = sorted(wall[b])
        print(f"{b}: wall median {statistics.median(w):.1f} ms (min {w[0]:.1f}, "
              f"q1 {w[len(w) // 4]:.1f}), cpu median {statistics.median(cpu[b]):.1f} ms")
    base = bins[0]
    for b in bins[1:]:
        dw = [x - y for x, y in zip(wall[b], wall[base])]
        dc = [x - y for x, y in zip(cpu[b], cpu[base])]
        se = statistics.stdev(dw) / len(dw) ** 0.5 if len(dw) > 1 else 0.0
        print(f"{b} - {base}: wall {statistics.median(dw):+.2f} ms median, "
              f"{statistics.mean(dw):+.2f} mean (standard error {se:.2f}), "
              f"cpu {statistics.median(dc):+.2f} ms median")


if __name__ == "__main__":
    main()
