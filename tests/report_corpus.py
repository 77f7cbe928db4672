"""An archive of generated reports: three clusters over several years, ingested through the real
pipeline (reader, normaliser, extractors, repository), on SQLite and on PostgreSQL.

- Kiên Giang, "Cụm thi đua số 2" of district People's Committees, 2019-2023; Châu Thành written
  as "UBND huyện Châu Thành", "huyện Châu Thành", "Ủy ban nhân dân huyện Châu Thành".
- Hà Nội, the Fatherland Front's "Cụm thi đua số 2" of districts, 2021-2023; written "Ủy ban MTTQ
  Việt Nam quận X", "UBMTTQ quận X", "Ủy ban Mặt trận Tổ quốc Việt Nam quận X", "quận X".
- An Giang, the labour unions' "Cụm thi đua số 1", 2022-2023; "Liên đoàn Lao động huyện Châu
  Thành" and "LĐLĐ huyện Châu Thành" (An Giang's Châu Thành, not Kiên Giang's).

Planted, with known answers: Kiên Giang 2022 has two units ranked 2nd with no tie stated, two heads
(An Biên elected, Châu Thành chairing as head), and An Biên never recorded serving; Hà Nội 2022
states a tie ("đồng hạng"); Hà Nội 2023 ranks Tây Hồ 2nd in one document and 3rd in another, and
Hoàn Kiếm, elected for 2023, is never recorded serving.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from storage_fixtures import create_schema, drop_schema, postgres_schema_url, require_postgres

ORDINAL = {1: "nhất", 2: "nhì", 3: "ba"}
KG = {"org": "tỉnh Kiên Giang", "host": "UBND huyện Châu Thành", "number": 2}
HN = {"org": "của Ủy ban MTTQ Việt Nam thành phố Hà Nội", "host": "Ủy ban MTTQ Việt Nam quận Ba Đình", "number": 2}
AG = {"org": "Liên đoàn Lao động tỉnh An Giang", "host": "Liên đoàn Lao động thành phố Long Xuyên", "number": 1}
KG_UNITS = ["UBND huyện Châu Thành", "UBND huyện Giồng Riềng", "UBND huyện Gò Quao", "UBND huyện An Biên"]
HN_UNITS = ["Ủy ban MTTQ Việt Nam quận Ba Đình", "UBMTTQ quận Hoàn Kiếm",
            "Ủy ban Mặt trận Tổ quốc Việt Nam quận Tây Hồ",
            "Ủy ban MTTQ Việt Nam quận Long Biên"]
AG_UNITS = ["Liên đoàn Lao động thành phố Long Xuyên", "LĐLĐ huyện Châu Phú", "Liên đoàn Lao động huyện Châu Thành",
            "Liên đoàn Lao động huyện Thoại Sơn"]


@dataclass
class Report:
    stem: str
    cluster: dict
    year: int
    ranks: list[tuple[str, int]]
    chair: str
    chair_is_head: bool = True
    elect: tuple[str, str] | None = None  # (head, deputy) for next year
    kind: str = "tổng kết"
    tie_note: str = ""
    members: list[str] = field(default_factory=list)
    day: int = 20

    def text(self) -> str:
        n, y = self.cluster["number"], self.year
        head = f", Cụm trưởng năm {y}" if self.chair_is_head else ""
        ranks = "; ".join(f"{u} xếp hạng {ORDINAL[r]}" for u, r in self.ranks) + self.tie_note + "."
        lines = [
            f"Cụm thi đua số {n} {self.kind} công tác thi đua, khen thưởng năm {y}", "",
            f"Ngày {self.day + 2}/12/{y} | Tác giả: Minh Anh", "",
            f"Ngày {self.day}/12/{y}, tại Hội trường {self.cluster['host']}, Cụm thi đua số {n} {self.cluster['org']} "
            f"tổ chức hội nghị {self.kind} công tác thi đua, khen thưởng năm {y}.",
            f"Đồng chí Nguyễn Văn An, Chủ tịch {self.chair}{head}, chủ trì hội nghị.", "",
        ]
        if self.members:
            lines += [f"Cụm thi đua số {n} gồm: {', '.join(self.members[:-1])} và {self.members[-1]}.", ""]
        lines.append(f"Kết quả chấm điểm: {ranks}")
        if self.elect:
            lines.append(f"Hội nghị thống nhất bầu {self.elect[0]} làm Cụm trưởng năm {y + 1}, "
                         f"{self.elect[1]} làm Cụm phó.")
        return "\n".join(lines) + "\n"


REPORTS = [
    Report("kg_2019", KG, 2019, [("UBND huyện Giồng Riềng", 1), ("UBND huyện Châu Thành", 2),
                                 ("UBND huyện An Biên", 3)],
           "UBND huyện Châu Thành", elect=("UBND huyện Giồng Riềng", "UBND huyện Gò Quao"), members=KG_UNITS),
    Report("kg_2020", KG, 2020, [("huyện Châu Thành", 1), ("UBND huyện Gò Quao", 2), ("UBND huyện Giồng Riềng", 3)],
           "UBND huyện Giồng Riềng", elect=("UBND huyện Gò Quao", "UBND huyện An Biên")),
    Report("kg_2021", KG, 2021, [("UBND huyện Gò Quao", 1), ("UBND huyện An Biên", 2),
                                 ("Ủy ban nhân dân huyện Châu Thành", 3)],
           "UBND huyện Gò Quao", elect=("UBND huyện An Biên", "UBND huyện Châu Thành"), members=KG_UNITS),
    Report("kg_2022", KG, 2022, [("UBND huyện Giồng Riềng", 1), ("UBND huyện Châu Thành", 2),
                                 ("UBND huyện Gò Quao", 2)],
           "UBND huyện Châu Thành", elect=("UBND huyện Giồng Riềng", "UBND huyện Gò Quao")),
    Report("kg_2023", KG, 2023, [("UBND huyện An Biên", 1), ("UBND huyện Châu Thành", 2), ("UBND huyện Gò Quao", 3)],
           "UBND huyện Giồng Riềng", members=KG_UNITS),
    Report("hn_2021", HN, 2021, [("Ủy ban MTTQ Việt Nam quận Tây Hồ", 1), ("UBMTTQ quận Hoàn Kiếm", 2),
                                 ("Ủy ban MTTQ Việt Nam quận Long Biên", 3)],
           "Ủy ban MTTQ Việt Nam quận Ba Đình",
           elect=("Ủy ban MTTQ Việt Nam quận Ba Đình", "Ủy ban MTTQ Việt Nam quận Tây Hồ"),
           members=HN_UNITS),
    Report("hn_2022", HN, 2022, [("Ủy ban MTTQ Việt Nam quận Tây Hồ", 1), ("Ủy ban MTTQ Việt Nam quận Hoàn Kiếm", 2),
                                 ("Ủy ban MTTQ Việt Nam quận Long Biên", 2)],
           "Ủy ban MTTQ Việt Nam quận Ba Đình", tie_note=" (đồng hạng)",
           elect=("Ủy ban MTTQ Việt Nam quận Hoàn Kiếm", "Ủy ban MTTQ Việt Nam quận Tây Hồ")),
    Report("hn_2023", HN, 2023, [("Ủy ban MTTQ Việt Nam quận Long Biên", 1), ("Ủy ban MTTQ Việt Nam quận Tây Hồ", 2),
                                 ("Ủy ban MTTQ Việt Nam quận Ba Đình", 3)],
           "Ủy ban MTTQ Việt Nam quận Hoàn Kiếm", chair_is_head=False, members=HN_UNITS),
    Report("hn_2023_chamdiem", HN, 2023, [("Ủy ban MTTQ Việt Nam quận Long Biên", 1), ("quận Tây Hồ", 3)],
           "Ủy ban MTTQ Việt Nam quận Long Biên", chair_is_head=False, kind="chấm điểm", day=10),
    Report("ag_2022", AG, 2022, [("LĐLĐ huyện Châu Phú", 1), ("Liên đoàn Lao động huyện Châu Thành", 2),
                                 ("Liên đoàn Lao động huyện Thoại Sơn", 3)],
           "Liên đoàn Lao động thành phố Long Xuyên", elect=("LĐLĐ huyện Châu Phú", "LĐLĐ huyện Châu Thành"),
           members=AG_UNITS),
    Report("ag_2023", AG, 2023, [("LĐLĐ huyện Châu Thành", 1), ("LĐLĐ thành phố Long Xuyên", 2),
                                 ("LĐLĐ huyện Châu Phú", 3)],
           "LĐLĐ huyện Châu Phú", elect=("LĐLĐ huyện Châu Thành", "Liên đoàn Lao động huyện Thoại Sơn")),
]


def write_corpus(folder: Path, reports=REPORTS) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for r in reports:
        path = folder / f"{r.stem}.txt"
        path.write_text(r.text(), encoding="utf-8")
        paths.append(path)
    return paths


def ingest(repo, folder: Path, reports=REPORTS) -> None:
    from flows.extraction import EXTRACTOR
    from pipeline.batches import ingest
    from pipeline.read.document import Status

    results = ingest(repo, write_corpus(folder, reports), extractor=EXTRACTOR)
    assert [r.status for r in results] == [Status.OK] * len(reports), [r.reason for r in results]


def open_archive(kind: str, folder: Path):
    """(repository, cleanup) on an empty SQLite file or a fresh PostgreSQL schema."""
    from pipeline.store import open_repository

    if kind == "sqlite":
        repo = open_repository(f"sqlite:///{(folder / 'thidua.db').as_posix()}", folder / "archive")
        return repo, repo.close
    require_postgres()
    schema = create_schema()
    repo = open_repository(postgres_schema_url(schema), folder / "archive")

    def cleanup():
        repo.close()
        drop_schema(schema)

    return repo, cleanup


def bare(value):
    """The same value with document ids as their file names (`kg_2019-1a2b3c4d` -> `kg_2019`):
    ids carry a hash of the original, the expected tables name the reports."""
    import re

    if isinstance(value, str):
        return re.sub(r"-[0-9a-f]{8}\b", "", value)
    if isinstance(value, dict):
        return {bare(k): bare(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return type(value)(bare(v) for v in value)
    return value
