#!/usr/bin/env python3
"""bench/rusage.py OUT CMD... -- runs CMD (stdout, stderr inherited) and
writes "wall_s cpu_s maxrss_kib" to OUT, like GNU time's '%e %U+%S %M' but
with microseconds instead of hundredths: a cold folio run is tens of
milliseconds, where /usr/bin/time's 10 ms steps are a tenth of the figure.
Wall time is from just before the fork to the child's exit; CPU time and
peak RSS are the child's (and its waited-for children's) own, from wait4.
Exits with the child's status."""
import os
import sys
import time

out, argv = sys.argv[1], sys.argv[2:]
t0 = time.perf_counter()
pid = os.fork()
if pid == 0:
    try:
        os.execvp(argv[0], argv)
    finally:
        os._exit(127)
_, status, ru = os.wait4(pid, 0)
wall = time.perf_counter() - t0
with open(out, "w") as f:
    f.write("%.6f %.6f %d\n" % (wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss))
sys.exit(os.waitstatus_to_exitcode(status) if os.WIFEXITED(status) else 1)
