"""OCR pages/s with every core busy (goal: >= 0.8 pages/s at 200 dpi on 2 cores) and .doc
conversions/s, through the same process pool a backfill uses (pipeline/pool.py).

Scans are rendered from the sample reports' text at 200 dpi (slightly turned, with specks, as in
the tests); .doc files are made from the sample .docx files by LibreOffice. The pool is started
and warmed up before the clock starts. Two figures each: the raw step (OCR of a page image,
LibreOffice conversion) and the whole read + extract of a file in the pool.

    .venv/bin/python benchmarks/ocr_throughput.py [--pages 8] [--docs 6] [--workers 2] [--workdir DIR]
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT)]  # the real packages first: tests/ has folders named like them
sys.path.append(str(ROOT / "tests"))  # the scan renderer the tests use


def _ocr_page(path: str) -> float:
    """OCR one page image; the CPU seconds Tesseract used (its own process, so it is exact)."""
    import resource

    from PIL import Image

    from pipeline.read.ocr import read_image

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    read_image(Image.open(path))
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def _convert(path: str) -> int:
    from pipeline.read.office import convert_to_docx

    return len(convert_to_docx(Path(path).read_bytes(), ".doc"))


def make_scans(folder: Path, pages: int) -> list[Path]:
    from scan_inputs import render_pages

    from pipeline.read import read_document

    texts = sorted((ROOT / "samples").glob("*.txt"))
    out: list[Path] = []
    for i in range(pages):
        text = read_document(texts[i % len(texts)]).text
        lines = [line for line in text.splitlines() if line.strip()]
        page = render_pages(lines, seed=i, max_pages=1)[0]
        path = folder / f"scan_{i:03d}.png"
        page.save(path, dpi=(200, 200))
        out.append(path)
    return out


def make_docs(folder: Path, docs: int) -> list[Path]:
    sources = sorted((ROOT / "samples").glob("*.docx"))
    profile = (folder / "lo-profile").as_uri()
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "doc:MS Word 97",
                    "--outdir", str(folder), *map(str, sources)], check=True, capture_output=True, timeout=600)
    made = sorted(folder.glob("*.doc"))
    out = []
    for i in range(docs):
        path = folder / f"doc_{i:03d}.doc"
        shutil.copyfile(made[i % len(made)], path)
        out.append(path)
    return out


def timed_pool(fn, jobs: list, workers: int) -> tuple[float, list]:
    from pipeline.pool import extraction_pool

    pool = extraction_pool(workers)
    started = time.perf_counter()
    results = list(pool.map(fn, jobs).result())
    return time.perf_counter() - started, results


def extract_in_pool(paths: list[Path], workers: int) -> tuple[float, int]:
    """Seconds to read and extract the files as a backfill batch does, and how many were ok."""
    from flows.extraction import EXTRACTOR
    from pipeline.ingest import Todo, extract_batch

    started = time.perf_counter()
    results = extract_batch([Todo(i, p, None) for i, p in enumerate(paths)], workers, EXTRACTOR)
    return time.perf_counter() - started, sum(r.status.value == "ok" for r in results)


def bench_ocr(workdir: Path, pages: int, workers: int) -> None:
    from pipeline.pool import extraction_pool
    from pipeline.read import ocr

    if ocr.problem():
        print(f"OCR: skipped ({ocr.problem()}; {ocr.INSTALL})")
        return
    scans = make_scans(workdir, pages)
    list(extraction_pool(workers).map(_ocr_page, [str(scans[0])] * workers).result())  # model read once per worker
    raw, cpu = timed_pool(_ocr_page, [str(p) for p in scans], workers)
    per_page = sum(cpu) / len(cpu)
    whole, ok = extract_in_pool(scans, workers)
    print(f"OCR, raw (one page image -> words): {len(scans) / raw:.2f} pages/s ({len(scans)} pages, {raw:.1f} s)")
    print(f"OCR CPU time: {per_page:.2f} s a page, so {workers / per_page:.2f} pages/s on {workers} idle cores")
    print(f"OCR, read + extract in the pool: {len(scans) / whole:.2f} pages/s ({ok}/{len(scans)} ok, "
          f"{whole:.1f} s); goal >= 0.8 pages/s")


def bench_doc(workdir: Path, count: int, workers: int) -> None:
    from pipeline.pool import extraction_pool
    from pipeline.read import office

    if office.soffice() is None:
        print(f".doc: skipped (LibreOffice missing; {office.INSTALL})")
        return
    docs = make_docs(workdir, count)
    list(extraction_pool(workers).map(_convert, [str(docs[0])] * workers).result())  # each worker's profile made
    raw, _ = timed_pool(_convert, [str(p) for p in docs], workers)
    whole, ok = extract_in_pool(docs, workers)
    print(f".doc, raw (LibreOffice -> .docx): {len(docs) / raw:.2f} documents/s ({len(docs)} files, {raw:.1f} s)")
    print(f".doc, read + extract in the pool: {len(docs) / whole:.2f} documents/s ({ok}/{len(docs)} ok, "
          f"{whole:.1f} s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=8)
    parser.add_argument("--docs", type=int, default=6)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--workdir", type=Path)
    args = parser.parse_args()

    from pipeline.pool import extraction_pool
    from pipeline.settings import get_settings

    workdir = Path(args.workdir or tempfile.mkdtemp(prefix="thidua-ocr-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    list(extraction_pool(args.workers).map(int, range(args.workers * 4)).result())  # workers started, models loaded
    print(f"workers: {args.workers}, OCR at {get_settings().ocr_dpi} dpi, OMP_THREAD_LIMIT=1 per process; "
          f"load average now {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs (others' jobs slow every figure)")
    bench_ocr(workdir, args.pages, args.workers)
    bench_doc(workdir, args.docs, args.workers)
    if not args.workdir:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
