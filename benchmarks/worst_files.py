"""Time and peak memory of `thidua extract` on the files that cost work, not bytes (issue 14): each
made here, beside one good report, and run in a fresh process measured with `resource`. Every bad
file must fail (or, nested HTML, be read whole) in seconds and well under 1 GB.

    .venv/bin/python benchmarks/worst_files.py [--keep FOLDER]
    .venv/bin/python benchmarks/worst_files.py --corpus    # every kind of benchmarks/bad_corpus.py, one by one

Times include starting `thidua` (the first line, the good report alone, is the baseline).
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from benchmarks import bad_corpus  # noqa: E402
from benchmarks.bad_inputs import long_pdf, long_text, nested_html, zip_bomb_docx  # noqa: E402

GOOD = ROOT / "samples" / "hatinh_cum4_tongket_2022.txt"


def cases(report: str) -> dict:
    return {
        "1 MB .docx unpacking to 1 GiB": lambda d: zip_bomb_docx(d / "bom.docx", 1024),
        "2,000-page PDF (1.7 MB)": lambda d: long_pdf(d / "dai.pdf", 2000, lines=35),
        "text of 2.1 M characters": lambda d: long_text(d / "dai.txt", report, 2_100_000),
        "text of 20 MB": lambda d: long_text(d / "rat_dai.txt", report, 12_000_000),
        "HTML, 10,000 unclosed <font>": lambda d: nested_html(d / "sau.html", report, 10_000),
    }


def corpus_cases() -> dict:
    """Every kind of the bad-input corpus (the 1 GiB zip bomb included); kinds that cannot be made
    here (a device without the right to make one) come back as None and are listed as such."""
    def make(kind):
        return lambda d: bad_corpus.build(d, GOOD.read_text(encoding="utf-8"), kinds=[kind]).get(kind)

    return {"good report alone (baseline)": lambda d: d / GOOD.name,
            **{kind: make(kind) for kind in bad_corpus.corpus()}}


def measure(folder: Path) -> tuple[float, float, str]:
    """Seconds, peak MB of the thidua process (RUSAGE_CHILDREN of this fresh wrapper), last line."""
    wrapper = ("import resource, subprocess, sys\n"
               "done = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
               "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)\n"
               "print(([l for l in done.stderr.splitlines() if l.startswith('failed: ')] or ['ok'])[-1])\n")
    started = time.monotonic()
    out = subprocess.run([sys.executable, "-c", wrapper, str(Path(sys.executable).with_name("thidua")), "extract",
                          str(folder), "--out", str(folder.parent / "out.jsonl")],
                         capture_output=True, text=True,
                         env={**os.environ, "COLUMNS": "400", "THIDUA_FILE_TIMEOUT_S": str(bad_corpus.SLOW_TIMEOUT_S)})
    peak, line = out.stdout.splitlines()[:2]
    return time.monotonic() - started, float(peak), line


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="make the files here and keep them")
    parser.add_argument("--corpus", action="store_true", help="every kind of the bad-input corpus, one by one")
    args = parser.parse_args()
    base = args.keep or Path(tempfile.mkdtemp(prefix="thidua-worst-"))
    todo = corpus_cases() if args.corpus else cases(GOOD.read_text(encoding="utf-8"))
    print(f"{'file':<62} {'seconds':>8} {'peak MB':>8}  outcome")
    worst = {"seconds": (0.0, ""), "peak MB": (0.0, "")}
    try:
        for number, (name, make) in enumerate(todo.items()):
            folder = base / f"{number:02d}" / "lo"
            shutil.rmtree(folder.parent, ignore_errors=True)
            folder.mkdir(parents=True)
            shutil.copyfile(GOOD, folder / GOOD.name)
            bad = make(folder)
            if bad is None:
                print(f"{name:<62} {'-':>8} {'-':>8}  not made here (no right to make it)")
                continue
            seconds, peak, line = measure(folder)
            print(f"{name:<62} {seconds:8.1f} {peak:8.0f}  {line.replace(str(bad), bad.name)[:100]}", flush=True)
            worst["seconds"] = max(worst["seconds"], (seconds, name))
            worst["peak MB"] = max(worst["peak MB"], (peak, name))
    finally:
        if args.keep is None:
            shutil.rmtree(base, ignore_errors=True)
    for what, (value, name) in worst.items():
        print(f"worst {what}: {value:.1f} ({name})")
    print(f"(this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB)")


if __name__ == "__main__":
    main()
