"""Accuracy per format: the sample reports made into each format archives hold, scored against
their gold (micro-F1 and scalar accuracy, as `thidua eval`), with how many came out "ok".

Text files become UTF-8, Windows-1258, TCVN3 (glibc iconv), VNI and VIQR versions; the first
--scans of them are also rendered as scanned PDFs (200 dpi, turned, specks: OCR); the sample
.docx files become Word 97 .doc files (LibreOffice). Each version is read as an archivist's
file would be, so a failure counts as an empty record.

    .venv/bin/python benchmarks/legacy_formats.py [--scans 6] [--workdir DIR]
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT)]  # the real packages first: tests/ has folders named like them
sys.path.append(str(ROOT / "tests"))  # the input builders the tests use


def versions(workdir: Path, scans: int, with_doc: bool) -> dict[str, list[Path]]:
    from legacy_inputs import encodable, tcvn3_bytes, to_viqr, vni_bytes
    from scan_inputs import render_pages, save_pdf

    from pipeline.read import read_document
    from tests.conftest import cp1258_bytes

    writers = {"utf-8": lambda t: t.encode("utf-8"), "cp1258": cp1258_bytes, "tcvn3": tcvn3_bytes,
               "vni": vni_bytes, "viqr": lambda t: to_viqr(t).encode("ascii")}
    out: dict[str, list[Path]] = {name: [] for name in (*writers, "utf-8, same", "scanned pdf", "doc")}
    texts = sorted((ROOT / "samples").glob("*.txt"))
    for i, path in enumerate(texts):
        text = encodable(read_document(path).text)
        stem = path.stem
        for name, write in writers.items():
            target = workdir / name / f"{stem}.txt"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(write(text))
            out[name].append(target)
        if i < scans:
            out["utf-8, same"].append(out["utf-8"][-1])  # the typed text of the scanned reports
            target = workdir / "scanned" / f"{stem}.pdf"
            target.parent.mkdir(parents=True, exist_ok=True)
            lines = [line for line in text.splitlines() if line.strip()]
            out["scanned pdf"].append(save_pdf(render_pages(lines, seed=i), target))
    if with_doc:
        folder = workdir / "doc"
        folder.mkdir(exist_ok=True)
        sources = sorted((ROOT / "samples").glob("*.docx"))
        subprocess.run(["soffice", f"-env:UserInstallation={(workdir / 'lo').as_uri()}", "--headless",
                        "--convert-to", "doc:MS Word 97", "--outdir", str(folder), *map(str, sources)],
                       check=True, capture_output=True, timeout=600)
        out["doc"] = sorted(folder.glob("*.doc"))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scans", type=int, default=6)
    parser.add_argument("--workdir", type=Path)
    args = parser.parse_args()

    from extractors.run import process_path
    from pipeline.read import ocr
    from pipeline.read import office
    from pipeline.report.scoring import score

    workdir = Path(args.workdir or tempfile.mkdtemp(prefix="thidua-formats-"))
    scans = 0 if ocr.problem() else args.scans
    golds = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in (ROOT / "samples").glob("*.json")}
    print(f"{'format':<12} {'files':>5} {'ok':>4} {'micro-F1':>9} {'scalar-acc':>11}  mean plausibility")
    for name, paths in versions(workdir, scans, office.soffice() is not None).items():
        if not paths:
            continue
        results = [process_path(p) for p in paths]
        ok = [r for r in results if r.status.value == "ok"]
        preds = {r.doc_id: r.record.to_export() for r in ok}
        s = score({p.stem: golds[p.stem] for p in paths if p.stem in golds}, preds)
        plaus = [r.record.origin.plausibility for r in ok if r.record.origin and r.record.origin.plausibility]
        mean = f"{sum(plaus) / len(plaus):.3f}" if plaus else "-"
        print(f"{name:<12} {len(paths):>5} {len(ok):>4} {s.micro_f1:>9.3f} {s.scalar_accuracy:>11.3f}  {mean}")
    if not args.workdir:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
