"""Check collected reports against the evaluation exclusion lists (tools only, not part of thidua).

Usage: python samples/real/check_excluded.py SOURCES.tsv [SOURCES.tsv ...]

Each sources.tsv has a header and the columns file, url, province, sector, year, kind; `file` is
relative to the tsv's folder. For every row it prints the URL-hash verdict, the number of 12-word
fingerprints shared with ../shared/dev/excluded_shingles.txt (25 or more = excluded), and the
largest fingerprint overlap (share of the smaller text) with any dev text, seed, sample or other
collected text (near-duplicate check, 25 % or more).
Exit status 1 when any row is excluded or a near-duplicate.
"""
import csv
import hashlib
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"  # ../shared beside the project, as the tests expect
LIMIT = 25
NEAR_DUP = 0.25  # share of the smaller text's fingerprints


def url_hash(url: str) -> str:
    key = re.sub(r"^www\.", "", re.sub(r"^https?://", "", url.strip().lower())).rstrip("/")
    return hashlib.sha256(key.encode()).hexdigest()


def fingerprints(text: str) -> set[str]:
    words = re.findall(r"\w+", unicodedata.normalize("NFC", text).lower())
    return {hashlib.sha256(" ".join(words[i:i + 12]).encode()).hexdigest()[:16] for i in range(len(words) - 11)}


def read_list(path: Path) -> set[str]:
    return {ln.strip() for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")}


def reference_texts(skip: set[Path]) -> dict[str, set[str]]:
    paths = list((SHARED / "dev" / "texts").glob("*.txt")) + list((SHARED / "seeds").glob("*.txt"))
    paths += [p for p in (ROOT / "samples").rglob("*.txt") if p.resolve() not in skip]
    return {str(p): fingerprints(p.read_text(encoding="utf-8", errors="replace")) for p in paths}


def main(tsvs: list[str]) -> int:
    """Print one verdict line per collected report; 1 when any is excluded or a near-duplicate."""
    bad_urls = read_list(SHARED / "dev" / "excluded_urls.sha256")
    bad_prints = read_list(SHARED / "dev" / "excluded_shingles.txt")
    rows = []
    for tsv in map(Path, tsvs):
        with tsv.open(encoding="utf-8") as fh:
            rows += [(tsv.parent / r["file"], r["url"]) for r in csv.DictReader(fh, delimiter="\t")]
    refs = reference_texts({p.resolve() for p, _ in rows})
    collected = {str(p): fingerprints(p.read_text(encoding="utf-8")) for p, _ in rows}
    failed = 0
    for path, url in rows:
        prints = collected[str(path)]
        url_bad = url_hash(url) in bad_urls
        shared = len(prints & bad_prints)
        others = {**refs, **{k: v for k, v in collected.items() if k != str(path)}}
        near_name, near = max(((k, len(prints & v) / max(1, min(len(prints), len(v)))) for k, v in others.items()),
                              key=lambda kv: kv[1])
        verdict = "EXCLUDED" if url_bad or shared >= LIMIT else ("NEAR-DUP" if near >= NEAR_DUP else "ok")
        failed += verdict != "ok"
        print(f"{verdict}\t{path.name}\turl_listed={url_bad}\tshared_prints={shared}\t"
              f"max_overlap={near:.0%} ({Path(near_name).name})")
    print(f"{len(rows)} checked, {failed} excluded or near-duplicate")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
