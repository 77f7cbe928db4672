"""The archivist's whole job, as a person does it, on real-size reports: a mixed backlog folder
(text, Word, PDF, a scan, a Word 97 file, a TCVN3 file, and what a real folder also holds: an empty
file, a photo, a second copy, two different reports with one name) -> `thidua ingest` in a terminal
-> search with and without diacritics -> one correction on a flagged record of each review reason
-> an XLSX export read back -> a cluster's heads -> a second ingest that reads nothing again, not
even the files that failed."""
from __future__ import annotations

import fcntl
import json
import os
import pty
import re
import select
import shutil
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

from legacy_inputs import SAMPLES, sample_text, tcvn3_bytes
from scan_inputs import render_pages

pytestmark = pytest.mark.slow

STYLE = re.compile(r"\x1b\[[0-9;]*m")  # colours: dropped
MOVES = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[()][0-9A-Za-z]|\r")  # cursor moves: a new line
WIDTH = 250  # the terminal's columns: a failed file's row fits on one line


def thidua_command() -> list[str]:
    script = Path(sys.executable).with_name("thidua")
    return [str(script)] if script.is_file() else [sys.executable, "-c", "from flows.cli import main; main()"]


class Archivist:
    """Runs `thidua` as the person does, in a working folder of their own (THIDUA_OUTPUT_DIR)."""

    def __init__(self, home: Path):
        self.home = home
        self.env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "THIDUA_"))}
        self.env.update(THIDUA_OUTPUT_DIR=str(home / "thidua"), COLUMNS=str(WIDTH), LINES="50")

    def run(self, *args: str, timeout: float = 300) -> subprocess.CompletedProcess:
        done = subprocess.run([*thidua_command(), *args], env=self.env, cwd=self.home, capture_output=True,
                              text=True, timeout=timeout)
        assert "Traceback" not in done.stderr, done.stderr
        return done

    def json_lines(self, *args: str) -> list[dict]:
        done = self.run(*args)
        assert done.returncode == 0, done.stderr
        return [json.loads(line) for line in done.stdout.splitlines() if line.strip()]

    def json_doc(self, *args: str) -> dict:
        done = self.run(*args)
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout)

    def in_terminal(self, *args: str, timeout: float = 900) -> tuple[int, str]:
        """Run in a pseudo-terminal (the progress bar is drawn only there): exit code and what the
        screen received, escape codes removed, each redraw of the bar on a line of its own."""
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 50, WIDTH, 0, 0))
        proc = subprocess.Popen([*thidua_command(), *args], stdin=slave, stdout=slave, stderr=slave, env=self.env,
                                cwd=self.home, close_fds=True)
        os.close(slave)
        received, deadline = bytearray(), time.monotonic() + timeout
        try:
            while time.monotonic() < deadline:
                ready, _, _ = select.select([master], [], [], 1.0)
                if not ready:
                    if proc.poll() is not None:
                        break
                    continue
                try:
                    chunk = os.read(master, 65536)
                except OSError:  # the command ended: the terminal is closed
                    break
                if not chunk:
                    break
                received += chunk
            else:
                proc.kill()
                pytest.fail(f"thidua {' '.join(args)} did not end in {timeout} s")
        finally:
            os.close(master)
        code = proc.wait(timeout=60)
        screen = received.decode("utf-8", "replace").replace("\r\n", "\n")
        return code, MOVES.sub("\n", STYLE.sub("", screen))


def _backlog(folder: Path, soffice_convert) -> dict[str, Path]:
    """A backlog as a clerk's share holds it; name -> path of each file."""
    work = folder.parent / "making"
    work.mkdir()
    files: dict[str, Path] = {}

    def put(name: str, where: str, data: bytes | None = None, source: Path | None = None) -> None:
        path = folder / where
        path.parent.mkdir(parents=True, exist_ok=True)
        if source is not None:
            shutil.copyfile(source, path)
        else:
            path.write_bytes(data)
        files[name] = path

    put("txt", "2024/bacninh_cum6_congan_tongket_2024.txt", source=SAMPLES / "bacninh_cum6_congan_tongket_2024.txt")
    put("docx", "2021/quangngai_khoi4_tongket_2021.docx", source=SAMPLES / "quangngai_khoi4_tongket_2021.docx")
    put("pdf", "2018/angiang_khoi_vhxh_tongket_2018.pdf", source=SAMPLES / "angiang_khoi_vhxh_tongket_2018.pdf")
    docx = work / "nghean_cum5_bienban_chamdiem_2023.docx"
    shutil.copyfile(SAMPLES / docx.name, docx)
    put("doc", "2023/nghean_cum5_bienban_chamdiem_2023.doc", source=soffice_convert(docx, "doc:MS Word 97"))
    scan = work / "scan.png"
    lines = sample_text("hue_cum_matran_doanthe_chamdiem_2015.txt").splitlines()
    render_pages(lines, max_pages=1)[0].save(scan, dpi=(200, 200))
    put("scan", "scans/hue_chamdiem_2015.png", source=scan)
    put("tcvn3", "cu/kiengiang_cum4_thongbao_ketqua_2024.txt",
        tcvn3_bytes(sample_text("kiengiang_cum4_thongbao_ketqua_2024.txt")))
    # two different reports with one name, in two folders
    put("same_name_a", "cum4/baocao.txt", source=SAMPLES / "hatinh_cum4_tongket_2022.txt")
    put("same_name_b", "cum2/baocao.txt", source=SAMPLES / "binhdinh_cum2_trienkhai_2024.txt")
    put("copy", "ban sao/bacninh_cum6_congan_tongket_2024 (1).txt",
        source=SAMPLES / "bacninh_cum6_congan_tongket_2024.txt")
    # what makes a record need a person: a doubtful reading, a damaged file, a cover page alone
    put("doubtful", "2017/lamdong_khoi_hoidacthu_bangiao_2017.txt",
        source=SAMPLES / "lamdong_khoi_hoidacthu_bangiao_2017.txt")
    text = (SAMPLES / "daklak_cumVII_hoinongdan_tongket_2021.txt").read_bytes()
    cuts = [text.index(b"\n", len(text) * k // 4) + 1 for k in (1, 2, 3)]
    damaged = b"".join(text[a:b] + b"\xff\xfe" for a, b in zip([0, *cuts], cuts, strict=False)) + text[cuts[-1]:]
    put("damaged", "2021/daklak_cumVII_hoinongdan_tongket_2021.txt", damaged)
    put("cover", "moi/trang_bia.txt", COVER.encode())
    put("empty", "moi/bao_cao_chua_gui.txt", b"")
    put("photo", "anh/hoi_nghi.jpg", _photo(work / "photo.jpg").read_bytes())
    return files


COVER = """HỒ SƠ LƯU TRỮ

Tập tài liệu này gồm các văn bản được sắp xếp theo thứ tự thời gian để cán bộ tra cứu khi cần.
Người mượn hồ sơ ghi rõ họ tên, ngày mượn và ngày trả vào sổ theo dõi đặt tại phòng lưu trữ.
Khi trả hồ sơ, đề nghị kiểm tra lại số trang và giữ nguyên thứ tự các văn bản như khi nhận.
"""


def _photo(path: Path) -> Path:
    """A photo of a meeting hall, as far as a reader can tell: colour and grain, no text."""
    from PIL import Image, ImageFilter

    noise = Image.effect_noise((640, 480), 60).convert("RGB")
    gradient = Image.linear_gradient("L").resize((640, 480)).convert("RGB")
    Image.blend(noise, gradient, 0.6).filter(ImageFilter.GaussianBlur(2)).save(path, quality=85)
    return path


def _frames(screen: str, total: int) -> list[tuple[int, str]]:
    """Each redraw of the progress bar: (files done, the line)."""
    return [(int(m.group(1)), line) for line in screen.splitlines()
            if (m := re.search(rf"\b(\d+)/{total}\b", line))]


def _reason(message: str) -> tuple[str, str]:
    """(kind, field) of a review reason as `records list` gives it."""
    if message.startswith("low confidence: "):
        return "low_confidence", message.removeprefix("low confidence: ").split(" ")[0]
    if message.startswith("nothing extracted"):
        return "empty", "record"
    if message.startswith("part of the text could not be read"):
        return "text_loss", "text"
    if message.startswith("extracting "):
        return "extractor_failed", message.split(" ")[1]
    return "conflict", message.split(":")[0]


def _correction(field: str, record: dict, reason: str) -> tuple[str, str]:
    """A correction a person makes for a review reason: (field path, JSON value)."""
    if field in {"record", "text"}:  # nothing extracted, or part of the text lost: fill in the venue
        return "meeting.venue", json.dumps("Hội trường UBND tỉnh")
    if field.startswith("meeting.kinds"):
        return field, json.dumps("tong_ket")
    if field.startswith("cluster"):
        return "cluster.name", json.dumps((record.get("cluster") or {}).get("name") or "Cụm thi đua số 1")
    if re.fullmatch(r"ranks\[\d+\]", field):
        return f"{field}.rank", "1"
    if field == "meeting.date":
        return field, json.dumps("2023-12-20")
    if field == "meeting.period":
        return field, json.dumps("năm 2023")
    match = re.fullmatch(r"(\w+)\[(\d+)\](?:\.(\w+))?", field)
    assert match, f"no correction known for {field} ({reason})"
    items = record
    for part in match.group(1).split("."):
        items = items[part]
    item = items[int(match.group(2))]
    if isinstance(item, str):  # members[2]: the unit's name, as the person reads it in the original
        return field, json.dumps(" ".join(item.split()))
    attr = match.group(3) or next(k for k in ("unit", "name", "symbol", "title") if k in item)
    value = item.get(attr)
    return f"{match.group(1)}[{match.group(2)}].{attr}", json.dumps(value if isinstance(value, int) else
                                                                    " ".join(str(value or "đã kiểm tra").split()))


def test_archivist_journey(tmp_path, soffice_convert, tesseract):
    person = Archivist(tmp_path)
    backlog = tmp_path / "hoso"
    files = _backlog(backlog, soffice_convert)
    total = len(files)
    bad = {files["empty"]: "empty file", files["photo"]: ""}

    # 1. the first ingest, in a terminal, as the person runs it
    started = time.monotonic()
    code, screen = person.in_terminal("ingest", str(backlog))
    waited = time.monotonic() - started
    assert code == 1, screen  # two files could not be read
    assert "Traceback" not in screen, screen
    out = tmp_path / "thidua"
    assert f"archive: {out / 'archive'}; database: sqlite:///{out / 'thidua.db'}" in screen, screen
    frames = _frames(screen, total)
    done = [n for n, _ in frames]
    assert done and done[-1] == total, f"the bar must end at {total}/{total}:\n{screen}"
    assert any(0 < n < total for n in done), f"the bar must move with the files, not jump:\n{screen}"
    assert any(re.search(r"\b\d+:\d\d:\d\d\b", line) for n, line in frames if 0 < n < total), \
        f"an ETA must be shown while files are left:\n{screen}"
    for path, words in bad.items():
        rows = [line for line in screen.splitlines() if path.name in line and "│" in line]
        assert len(rows) == 1 and words in rows[0], f"one clear line for {path.name}:\n{screen}"
    summary = re.search(rf"{total} file\(s\) in ([\d.]+) s .*: (\d+) stored, 1 skipped, 2 failed", screen)
    assert summary, screen
    assert float(summary.group(1)) >= 0.8 * waited - 2, f"the time said ({summary.group(1)} s) is the time waited " \
                                                        f"({waited:.1f} s)"
    records = person.json_lines("records", "list", "--json")
    assert len(records) == int(summary.group(2)) == total - 3
    shown = {r["doc_id"]: person.json_doc("records", "show", r["doc_id"]) for r in records}
    where = {Path(s["sources"][0]["source_path"]).resolve(): doc_id for doc_id, s in shown.items()}
    assert files["same_name_a"].resolve() in where and files["same_name_b"].resolve() in where
    assert where[files["same_name_a"].resolve()] != where[files["same_name_b"].resolve()]
    copy_of = where[files["txt"].resolve()]
    assert str(files["copy"].resolve()) in shown[copy_of]["sources"][0]["also_found_at"]

    # 2. search, with and without diacritics, finds the same report
    for words in ("Bộ Công an", "bo cong an"):
        hits = person.json_lines("search", words, "--json")
        assert copy_of in [h["doc_id"] for h in hits], (words, hits)

    # 3. one correction on a flagged record of each review reason
    flagged = person.json_lines("records", "list", "--needs-review", "--json")
    assert flagged, "this backlog has records to review"
    by_kind: dict[str, tuple[str, str]] = {}
    for r in flagged:
        for message in r["review_reasons"]:
            kind, field = _reason(message)
            by_kind.setdefault(kind, (r["doc_id"], field))
    assert {"low_confidence", "text_loss", "empty"} <= set(by_kind), by_kind
    for kind, (doc_id, field) in sorted(by_kind.items()):
        record = shown[doc_id]["record"]
        path, value = _correction(field, record, kind)
        fixed = person.run("records", "set", doc_id, path, value, "--user", "lan", "--reason", "theo bản gốc")
        assert fixed.returncode == 0, f"{kind}: records set {doc_id} {path} {value}:\n{fixed.stderr}"
        after = person.json_doc("records", "show", doc_id)
        assert any(c["field"] == path and c["user"] == "lan" for c in after["corrections"]), after["corrections"]

    # 4. the records in a spreadsheet, read back
    from openpyxl import load_workbook

    xlsx = tmp_path / "hoso.xlsx"
    exported = person.run("export", "--format", "xlsx", "--out", str(xlsx))
    assert exported.returncode == 0, exported.stderr
    sheet = load_workbook(xlsx, read_only=True).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    header, body = rows[0], rows[1:]
    assert len(body) == len(records)
    ids, venue = header.index("Mã văn bản"), header.index("Địa điểm")
    assert {row[ids] for row in body} == {r["doc_id"] for r in records}
    corrected = {by_kind["empty"][0], by_kind["text_loss"][0]}  # their venue was corrected
    assert {row[ids] for row in body if row[venue] == "Hội trường UBND tỉnh"} >= corrected

    # 5. a cluster's heads
    cluster = shown[copy_of]["record"]["cluster"]["name"]
    heads = person.run("report", "heads", "--cluster", cluster)
    assert heads.returncode == 0, heads.stderr
    assert "Cụm thi đua số 6" in heads.stdout and copy_of in " ".join(heads.stdout.split()), heads.stdout

    # 6. the same folder again: nothing is read again, not even the files that failed
    started = time.monotonic()
    again = person.run("ingest", str(backlog))
    assert again.returncode == 0, again.stderr
    assert "2 file(s) failed before with the same bytes; --retry-failed to try again" in again.stderr, again.stderr
    assert f"{total} file(s) in" in again.stderr and "0 went through extraction" in again.stderr, again.stderr
    assert "failed:" not in again.stderr, again.stderr
    assert time.monotonic() - started < 60, "a re-run with nothing new answers from the hashes alone"
    assert len(person.json_lines("records", "list", "--json")) == len(records)
