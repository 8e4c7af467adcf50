#!/usr/bin/env python3
"""bench/weasy-batch.py LIST OUTDIR PROCESSES -- WeasyPrint kept loaded, for
bench/peers.sh: renders every HTML file named in LIST (one path per line; a
path may repeat) to OUTDIR/NNNN.pdf in PROCESSES worker processes that
import WeasyPrint once, the way a service keeping it warm would.

Prints one line: documents, pages, seconds (from the first start to the
last end, interpreter start-up excluded) and warm_ms_per_doc (mean wall
time per document over the second half)."""
import sys
import time
from multiprocessing import Pool


FONTS = None


def render(job):
    # A service keeps its FontConfiguration: fontconfig is not asked again
    # for every document (as the command line must).
    global FONTS
    from weasyprint import HTML
    from weasyprint.text.fonts import FontConfiguration
    if FONTS is None:
        FONTS = FontConfiguration()
    i, path, outdir = job
    doc = HTML(path).render(font_config=FONTS)
    doc.write_pdf(f"{outdir}/{i:04d}.pdf")
    return len(doc.pages)


def warm_up(_):
    import weasyprint  # noqa: F401  (the import is the expensive part)
    return 0


def main():
    files = [l.strip() for l in open(sys.argv[1]) if l.strip()]
    outdir, procs = sys.argv[2], int(sys.argv[3])
    with Pool(procs) as pool:
        pool.map(warm_up, range(2 * procs), chunksize=1)
        t0 = time.monotonic()
        pages, half_at = 0, None
        jobs = [(i + 1, f, outdir) for i, f in enumerate(files)]
        for n, p in enumerate(pool.imap(render, jobs), 1):
            pages += p
            if n == len(files) // 2:
                half_at = time.monotonic()
        t1 = time.monotonic()
    rest = len(files) - len(files) // 2
    warm = (t1 - half_at) * 1000 / rest if half_at and rest else 0
    print(f"documents {len(files)} pages {pages} seconds {t1 - t0:.3f} "
          f"warm_ms_per_doc {warm:.2f} failed 0")


if __name__ == "__main__":
    main()
