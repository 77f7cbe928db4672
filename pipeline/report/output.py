"""The reports as tables a clerk can file: Vietnamese headers and labels ("Cụm trưởng", "Tổng kết"),
one sheet per cluster in XLSX with its chart, or one flat CSV with a cluster column."""
from __future__ import annotations

import re
from pathlib import Path
from collections.abc import Sequence

from pipeline.store.registry.names import slug
from pipeline.report.chart import Chart, rank_chart
from pipeline.report.checks import Issue
from pipeline.report.facts import ClusterInfo, DocRef
from pipeline.report.heads import HeadsReport, UnitHistory
from pipeline.report.rankings import RankingTable, rank_series
from pipeline.store.errors import InvalidInput
from pipeline.store.export import CLUSTER_KIND, KIND_LABELS, YES
from pipeline.store.sheets import Sheet, write_csv_table, write_workbook

RANK_HEADERS = ("Cụm/Khối", "Năm", "Hạng", "Đơn vị", "Điểm", "Đồng hạng", "Tên trong văn bản", "Văn bản nguồn",
                "Chờ xác nhận tên")
HEAD_HEADERS = ("Cụm/Khối", "Năm", "Vai trò", "Đơn vị", "Được bầu từ năm trước", "Có văn bản năm đó",
                "Văn bản nguồn")
SOURCE_HEADERS = ("Cụm/Khối", "Mã văn bản", "Tiêu đề", "Ngày", "Năm thi đua", "Loại hội nghị", "Đã sửa", "Cần xem lại")
CHECK_HEADERS = ("Loại lỗi", "Cụm/Khối", "Năm", "Nội dung", "Văn bản liên quan")
CHECK_LABELS = {"shared_rank": "Trùng hạng, không ghi đồng hạng", "rank_conflict": "Một đơn vị có hai hạng",
                "two_heads": "Hai đơn vị cùng làm trưởng",
                "head_not_serving": "Được bầu trưởng nhưng không thấy đảm nhiệm"}


def role_name(role: str, cluster: ClusterInfo) -> str:
    return f"{CLUSTER_KIND.get(cluster.kind, 'Cụm')} {'trưởng' if role == 'truong' else 'phó'}"


def short_title(c: ClusterInfo) -> str:
    """A sheet name within Excel's 31 characters: 'Cụm 2 Kiên Giang', 'Khối doanh nghiệp Phú Yên'."""
    where = c.province or ("liên tỉnh" if c.key.startswith("lien-tinh/") else "tỉnh chưa rõ")
    kind = CLUSTER_KIND.get(c.kind, "Cụm")
    if c.number is not None:
        return f"{kind} {c.number} {where}"
    words = re.split(r"(?i)thi đua", c.name, maxsplit=1)[-1].replace(",", " ").split()
    words = [w for w in words if w.lower() not in {"các", "tỉnh", "cụm", "khối"} and w not in where.split()]
    title = kind
    for w in words:
        if len(f"{title} {w} {where}") > 31:
            break
        title = f"{title} {w}"
    return f"{title} {where}"[:31]


def ranking_rows(table: RankingTable) -> list[list]:
    return [[table.cluster.label, table.year, r.rank, r.unit.name, r.score, YES if r.tie else "",
             "; ".join(r.written), "; ".join(r.doc_ids), YES if r.unit.pending else ""] for r in table.rows]


def source_rows(cluster: ClusterInfo, docs: Sequence[DocRef]) -> list[list]:
    return [[cluster.label, d.doc_id, d.title, d.date, d.year, "; ".join(KIND_LABELS.get(k, k) for k in d.kinds),
             YES if d.corrected else "", YES if d.needs_review else ""] for d in docs]


def heads_rows(report: HeadsReport) -> list[list]:
    c, rows = report.cluster, []
    for year in report.years:
        for role, entries in (("truong", year.heads), ("pho", year.deputies)):
            rows += [[c.label, year.year, role_name(role, c), e.unit.name, YES if e.elected_before else "",
                      YES if e.serving_recorded else "", "; ".join(e.doc_ids)] for e in entries]
    if report.due_next:
        n = report.due_next
        rows.append([c.label, n.year, f"Dự kiến {role_name('truong', c).lower()}", n.unit.name, "", "", n.why])
    return rows


def check_rows(issues: Sequence[Issue]) -> list[list]:
    return [[CHECK_LABELS[i.check], i.cluster, i.year, i.message, "; ".join(i.doc_ids)] for i in issues]


def charts_for(tables_by_cluster: dict[ClusterInfo, list[RankingTable]], folder: Path) -> dict[int, Chart]:
    """One PNG per cluster that has ranks, named after the cluster's key."""
    return {c.id: rank_chart(f"Xếp hạng {c.label}", rank_series(tables), folder / f"{slug(c.key)}.png")
            for c, tables in tables_by_cluster.items() if any(t.rows for t in tables)}


def write_rankings(tables_by_cluster: dict[ClusterInfo, list[RankingTable]], out: Path,
                   charts: dict[int, Chart] | None = None) -> int:
    """XLSX: one sheet per cluster (its chart beside the table), then the source documents; CSV: one table."""
    charts = charts or {}
    rows = {c: [row for t in tables for row in ranking_rows(t)] for c, tables in tables_by_cluster.items()}
    if _format(out) == "csv":
        return write_csv_table(RANK_HEADERS, [r for rs in rows.values() for r in rs], out)
    sheets = [Sheet(short_title(c), RANK_HEADERS, rows[c], [charts[c.id].path] if c.id in charts else [])
              for c in tables_by_cluster]
    sources = [r for c, tables in tables_by_cluster.items() for t in tables for r in source_rows(c, t.sources)]
    write_workbook([*sheets, Sheet("Văn bản nguồn", SOURCE_HEADERS, sources)], out)
    return sum(len(r) for r in rows.values())


def write_heads(reports: Sequence[HeadsReport], out: Path) -> int:
    rows = {r.cluster: heads_rows(r) for r in reports}
    if _format(out) == "csv":
        return write_csv_table(HEAD_HEADERS, [r for rs in rows.values() for r in rs], out)
    write_workbook([Sheet(short_title(c), HEAD_HEADERS, rs) for c, rs in rows.items()], out)
    return sum(len(r) for r in rows.values())


def write_checks(issues: Sequence[Issue], out: Path) -> int:
    if _format(out) == "csv":
        return write_csv_table(CHECK_HEADERS, check_rows(issues), out)
    write_workbook([Sheet("Kiểm tra", CHECK_HEADERS, check_rows(issues))], out)
    return len(issues)


def write_unit(history: UnitHistory, out: Path) -> int:
    clusters = [[history.unit.name, label, ", ".join(map(str, years))] for label, years in history.clusters.items()]
    ranks = [[history.unit.name, y, label, rank, score, "; ".join(docs)]
             for y, label, rank, score, docs in history.ranks]
    terms = [[history.unit.name, y, label, "trưởng" if role == "truong" else "phó", "; ".join(docs)]
             for y, label, role, docs in history.terms]
    if _format(out) == "csv":
        rows = [[h, y, label, f"Hạng {rank}" + (f" ({score:g} điểm)" if score is not None else ""), docs]
                for h, y, label, rank, score, docs in ranks]
        rows += [[h, y, label, role, docs] for h, y, label, role, docs in terms]
        return write_csv_table(("Đơn vị", "Năm", "Cụm/Khối", "Kết quả", "Văn bản nguồn"),
                               sorted(rows, key=lambda r: (r[1] or 0, r[2])), out)
    write_workbook([Sheet("Cụm, khối", ("Đơn vị", "Cụm/Khối", "Các năm"), clusters),
                    Sheet("Xếp hạng", ("Đơn vị", "Năm", "Cụm/Khối", "Hạng", "Điểm", "Văn bản nguồn"), ranks),
                    Sheet("Nhiệm kỳ trưởng, phó", ("Đơn vị", "Năm", "Cụm/Khối", "Vai trò", "Văn bản nguồn"), terms)],
                   out)
    return len(ranks) + len(terms)


def _format(out: Path) -> str:
    suffix = Path(out).suffix.lower().lstrip(".")
    if suffix not in {"csv", "xlsx"}:
        raise InvalidInput(f"cannot tell the format of {out}: name it .csv or .xlsx")
    return suffix
