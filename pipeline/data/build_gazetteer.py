"""Build pipeline/data/gazetteer.tsv, the compact list of Vietnam's administrative units that
pipeline/gazetteer.py reads, from the `vietnamadminunits` package (MIT licence, Tran Ngoc Minh Hieu;
pinned in constraints.txt, extra "gazetteer"). Its table `admin_units_legacy` holds the divisions
BEFORE the 2025 reform (63 provinces, 696 districts, ~10,040 communes, as of early 2025), which is
what the archive's reports (2009-2025) name. Nothing downloads anything: the package ships a SQLite
file, read here without importing the package (its runtime dependencies are not needed).

    pip install --no-deps -c constraints.txt vietnamadminunits   # or: --target DIR and PYTHONPATH=DIR
    python pipeline/data/build_gazetteer.py                      # rewrites pipeline/data/gazetteer.tsv

Output, one unit a line, tab-separated: level (p province, d district, w commune), code, parent code
(a district's province, a commune's district), type word (tỉnh, thành phố, huyện, quận, thị xã, xã,
phường, thị trấn), name without the type word, and, where it is not the name in lower case, the
name's comparison key (pipeline.gazetteer.key: tone placement, y/i, apostrophes), so loading is a split.
Province names are the project's spelling
(pipeline/store/registry/names.PROVINCES: "Thừa Thiên Huế", "Bà Rịa - Vũng Tàu").
"""
from __future__ import annotations

import importlib.util
import sqlite3
import sys
import unicodedata
from pathlib import Path

OUT = Path(__file__).with_name("gazetteer.tsv")
SOURCE = "vietnamadminunits"
# The package's short province names that the project (and the reports) spell otherwise.
PROVINCE_NAMES = {"Huế": "Thừa Thiên Huế"}


def _dataset() -> Path:
    spec = importlib.util.find_spec(SOURCE)  # finds the package without running its __init__
    if spec is None or not spec.submodule_search_locations:
        sys.exit(f"{SOURCE} is not installed: pip install --no-deps -c constraints.txt {SOURCE}")
    path = Path(next(iter(spec.submodule_search_locations))) / "data" / "dataset.db"
    if not path.exists():
        sys.exit(f"{path} not found: is this the {SOURCE} version pinned in constraints.txt?")
    return path


def _nfc(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


TYPES = ("thành phố", "thị trấn", "thị xã", "tỉnh", "huyện", "quận", "phường", "xã")


def _split(full: str) -> tuple[str, str]:
    """'Thành phố Hà Nội' -> ('thành phố', 'Hà Nội'); 'Phường 1' -> ('phường', '1'). (The package's short
    names add '(Thị trấn)' where a commune and a town share a name, and keep 'Phường 1' whole.)"""
    full = _nfc(full)
    for kind in TYPES:
        if full.lower().startswith(kind + " "):
            return kind, full[len(kind) + 1:].strip()
    raise ValueError(f"no type word in {full!r}")


def build() -> list[str]:
    con = sqlite3.connect(f"file:{_dataset()}?mode=ro", uri=True)
    rows = con.execute("select province, provinceCode, district, districtCode, ward, wardCode "
                       "from admin_units_legacy "
                       "order by provinceCode, districtCode, wardCode").fetchall()
    lines, seen = [], set()
    for province, p_code, district, d_code, ward, w_code in rows:
        p_kind, p_name = _split(province)
        units = [("p", p_code, "", p_kind, PROVINCE_NAMES.get(p_name, p_name)),
                 ("d", d_code, p_code, *_split(district))]
        if ward:
            units.append(("w", w_code, d_code, *_split(ward)))
        for level, code, parent, kind, name in units:
            if (level, code) not in seen:
                seen.add((level, code))
                lines.append("\t".join((level, code, parent, kind, name)))
    return lines


def _with_keys(lines: list[str]) -> list[str]:
    """A sixth column, the comparison key (pipeline.gazetteer.key), where it is not the name in lower case."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    from pipeline.gazetteer import key

    out = []
    for line in lines:
        name = line.split("\t")[4]
        out.append(line if key(name) == name.lower() else f"{line}\t{key(name)}")
    return out


def main() -> None:
    lines = _with_keys(build())
    header = (f"# built by pipeline/data/build_gazetteer.py from {SOURCE} (MIT) admin_units_legacy: "
              "the divisions before the 2025 reform\n# level\tcode\tparent\ttype\tname\t[key]\n")
    OUT.write_text(header + "\n".join(lines) + "\n", encoding="utf-8")
    counts = {lvl: sum(1 for x in lines if x[0] == lvl) for lvl in "pdw"}
    print(f"{OUT}: {counts['p']} provinces, {counts['d']} districts, {counts['w']} communes")


if __name__ == "__main__":
    main()
