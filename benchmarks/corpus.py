"""Generated Vietnamese emulation-meeting reports, for storage tests and benchmarks.

Each report is a plausible short news item (cluster, meeting, chair, members, ranks, heads,
legal references) whose wording varies with a seed, so every file has distinct bytes and the
extractors find real values in it. Usage: python benchmarks/corpus.py OUT_DIR [N]
"""
from __future__ import annotations

import random
import sys
from pathlib import Path

PROVINCES = ["Kiên Giang", "An Giang", "Hà Tĩnh", "Nghệ An", "Bình Định", "Sóc Trăng", "Lạng Sơn", "Quảng Ninh",
             "Thái Bình", "Đắk Lắk", "Phú Yên", "Cần Thơ", "Vĩnh Long", "Lâm Đồng", "Hà Giang", "Quảng Ngãi"]
DISTRICTS = ["huyện Châu Thành", "huyện Giồng Riềng", "thành phố Rạch Giá", "huyện Kiên Lương", "thị xã Hà Tiên",
             "huyện Hòn Đất", "huyện Tân Hiệp", "huyện Gò Quao", "huyện An Biên", "huyện Vĩnh Thuận",
             "huyện U Minh Thượng", "huyện Phú Quốc"]
VENUES = ["Hội trường UBND {d}", "Hội trường Liên đoàn Lao động {d}", "Trung tâm Hội nghị tỉnh",
          "Hội trường Huyện ủy {d}", "Nhà văn hóa {d}"]
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Hoàng", "Phan", "Võ", "Đặng", "Bùi"]
MIDDLE = ["Văn", "Thị", "Minh", "Hữu", "Quốc", "Thanh", "Ngọc"]
GIVEN = ["An", "Bình", "Chiến", "Dũng", "Hà", "Hùng", "Lan", "Long", "Mai", "Nam", "Phương", "Sơn", "Tâm", "Tuấn"]
TITLES = ["Phó Chủ tịch UBND {d}", "Chủ tịch UBND {d}", "Phó Giám đốc Sở Nội vụ",
          "Trưởng Ban Thi đua - Khen thưởng tỉnh", "Bí thư Huyện ủy {d}"]
KINDS = [("tổng kết công tác thi đua, khen thưởng năm {y}", "tổng kết"),
         ("sơ kết 6 tháng đầu năm {y}", "sơ kết"),
         ("ký kết giao ước thi đua năm {y}", "ký kết giao ước thi đua"),
         ("chấm điểm, bình xét thi đua năm {y}", "chấm điểm")]
AUTHORS = ["Thanh Tuấn", "Minh Anh", "LK", "Kim Chung", "Hồng Nhung", "PV"]
ORDINAL = ["nhất", "nhì", "ba"]


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"


def report(i: int, seed: int = 0) -> str:
    """The text of report number `i`; the same (i, seed) always gives the same text."""
    rng = random.Random(seed * 1_000_003 + i)
    year = 2015 + i % 10
    number = 1 + i % 9
    province = rng.choice(PROVINCES)
    members = rng.sample(DISTRICTS, 4)
    kind_title, kind_word = rng.choice(KINDS)
    day, month = 10 + rng.randrange(18), 1 + rng.randrange(12)
    chair, guest = _person(rng), _person(rng)
    venue = rng.choice(VENUES).format(d=members[0])
    decision = f"{100 + rng.randrange(900)}/QĐ-UBND"
    lines = [
        f"Cụm thi đua số {number} {kind_title.format(y=year)}",
        "",
        f"Ngày {day}/{month}/{year + (1 if month < 5 else 0)} | Tác giả: {rng.choice(AUTHORS)}",
        "",
        f"Ngày {day - 2}/{month}/{year + (1 if month < 5 else 0)}, tại {venue}, Cụm thi đua số {number} "
        f"tỉnh {province} tổ chức hội nghị {kind_word} công tác thi đua, khen thưởng năm {year}.",
        f"Đồng chí {chair}, {rng.choice(TITLES).format(d=members[0])}, chủ trì hội nghị. "
        f"Tham dự có ông {guest}, Phó Giám đốc Sở Nội vụ tỉnh {province}.",
        "",
        f"Cụm thi đua số {number} gồm: {', '.join(members[:-1])} và {members[-1]}.",
        "",
        "Kết quả chấm điểm: " + "; ".join(f"{unit} xếp hạng {ORDINAL[k]}" for k, unit in enumerate(members[:3])) + ".",
        f"Hội nghị thống nhất bầu {members[1]} làm Cụm trưởng năm {year + 1}, {members[2]} làm Cụm phó.",
        f"Căn cứ Quyết định số {decision} của UBND tỉnh {province} về công tác thi đua, khen thưởng.",
        "",
        f"(Bản tin số {i}, mã {seed}-{i:06d}.)",
    ]
    return "\n".join(lines) + "\n"


def write_reports(folder: Path, n: int, seed: int = 0, start: int = 0) -> list[Path]:
    """Write reports start..start+n-1 as UTF-8 .txt files named bao_cao_<i>.txt."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(start, start + n):
        path = folder / f"bao_cao_{i:06d}.txt"
        path.write_text(report(i, seed), encoding="utf-8")
        paths.append(path)
    return paths


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: python benchmarks/corpus.py OUT_DIR [N]")
    written = write_reports(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 100)
    print(f"wrote {len(written)} reports to {sys.argv[1]}")
