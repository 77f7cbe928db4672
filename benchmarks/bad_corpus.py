"""The bad-input corpus (issue 14): every kind of bad file the issue and the trust issue name, made
by code (nothing checked in), each with the outcome a user must see: one `failed:` line with its
reason, or a documented clean outcome (stored whole, ignored as not a report, skipped as a copy).

    cases = corpus()                       # kind -> Case
    made = build(folder, report_text)      # kind -> the path the outcome names

tests/flows/test_bad_input_corpus.py ingests all of them in one run; benchmarks/worst_files.py
measures them one by one.
"""
from __future__ import annotations

import os
import random
import socket
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from benchmarks.bad_inputs import long_pdf, long_text, many_parts_docx, nested_html, zip_bomb_docx

FAILED, STORED, IGNORED, SKIPPED = "failed", "stored", "ignored", "skipped"
NOT_REGULAR = "not a regular file (a FIFO, device or socket)"
SLOW_TIMEOUT_S = 10  # THIDUA_FILE_TIMEOUT_S for a run over the corpus: the slow text must hit it


@dataclass(frozen=True)
class Case:
    kind: str
    make: Callable[[Path, str], Path | None]  # (folder, a good report's text) -> the path named, None: not here
    outcome: str
    reason: str = ""  # words the failed line must hold


# --------------------------------------------------------------------------- small builders

def _write(path: Path, data: bytes | str) -> Path:
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path


def _named(raw: bytes) -> Callable[[Path, str], Path]:
    """An empty file whose name is raw bytes (control characters, invalid UTF-8)."""
    return lambda d, r: _write(Path(os.fsdecode(os.fsencode(d) + b"/" + raw)), b"")


def _docx(path: Path, members: dict[str, bytes | str]) -> Path:
    from benchmarks.bad_inputs import CONTENT_TYPES

    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        for name, data in members.items():
            z.writestr(name, data)
    return path


def _document_xml(body: str, doctype: str = "") -> str:
    return (f'<?xml version="1.0" encoding="UTF-8"?>{doctype}<w:document xmlns:w="http://schemas.openxmlformats.org/'
            f'wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>')


def _rels() -> str:
    return ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
            '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/officeDocument" Target="word/document.xml"/></Relationships>')


def billion_laughs_docx(d: Path, report: str) -> Path:
    """document.xml declares entities that expand to 10^9 'lol's if a parser resolves them."""
    entities = '<!ENTITY a "lollollollollollollollollollol">' + "".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(8))
    body = f"<w:p><w:r><w:t>{report.splitlines()[0]} &i;</w:t></w:r></w:p>"
    return _docx(d / "cuoi_ty_lan.docx", {"_rels/.rels": _rels(),
                                          "word/document.xml": _document_xml(body, f"<!DOCTYPE w [{entities}]>")})


def external_entity_docx(d: Path, report: str) -> Path:
    """document.xml pulls /etc/passwd in through an external entity (XXE)."""
    body = f"<w:p><w:r><w:t>{report.splitlines()[0]} &x;</w:t></w:r></w:p>"
    return _docx(d / "xxe.docx", {"_rels/.rels": _rels(), "word/document.xml": _document_xml(
        body, '<!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]>')})


def zip_slip_docx(d: Path, report: str) -> Path:
    """A .docx whose members are named ../../ (a reader that unpacks it would write outside)."""
    paragraphs = "".join(f"<w:p><w:r><w:t>{line}</w:t></w:r></w:p>" for line in report.splitlines() if line.strip())
    return _docx(d / "zip_slip.docx", {"_rels/.rels": _rels(), "word/document.xml": _document_xml(paragraphs),
                                       "../../../../tmp/thidua_zip_slip.txt": "pwned"})


def empty_docx(d: Path, report: str) -> Path:
    return _docx(d / "trang.docx", {"_rels/.rels": _rels(), "word/document.xml": _document_xml("<w:p/>")})


def broken_xml_docx(d: Path, report: str) -> Path:
    return _docx(d / "xml_hong.docx", {"_rels/.rels": _rels(), "word/document.xml": "<w:document><w:body><w:p>"})


def ole_docx(d: Path, report: str) -> Path:
    """What a password-protected Word file is: an OLE compound file, named .docx."""
    return _write(d / "co_mat_khau.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + random.Random(4).randbytes(8000))


def pdf_of(d: Path, name: str, pages: list[list[str]], **options) -> Path:
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(d / name), **options)
    for lines in pages:
        for row, line in enumerate(lines):
            pdf.drawString(72, 760 - 20 * row, line)
        pdf.showPage()
    pdf.save()
    return d / name


def encrypted_pdf(d: Path, report: str) -> Path:
    from reportlab.lib.pdfencrypt import StandardEncryption

    return pdf_of(d, "mat_khau.pdf", [["Bao cao tong ket"]],
                  encrypt=StandardEncryption("mat-khau", ownerPassword="chu-so-huu"))


def truncated_pdf(d: Path, report: str) -> Path:
    whole = pdf_of(d, "cat_cut.pdf", [["Bao cao tong ket"] * 20] * 3)
    return _write(whole, whole.read_bytes()[: whole.stat().st_size // 3])


def scanned_pdf(d: Path, report: str) -> Path:
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(d / "ban_scan.pdf"))
    pdf.rect(100, 100, 300, 400, fill=1)  # a drawing, no text: OCR finds nothing either
    pdf.showPage()
    pdf.save()
    return d / "ban_scan.pdf"


def cyclic_pdf(d: Path, report: str) -> Path:
    """A page tree whose Pages node lists itself as a kid."""
    objects = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
               "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>"]
    body, offsets = b"%PDF-1.4\n", []
    for number, obj in enumerate(objects, 1):
        offsets.append(len(body))
        body += f"{number} 0 obj\n{obj}\nendobj\n".encode()
    xref = len(body)
    body += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    body += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    body += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return _write(d / "vong_lap.pdf", body)


def huge_image(d: Path, report: str) -> Path:
    """A small PNG whose header says 60,000 x 60,000 pixels (a decompression bomb)."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = zlib.compressobj(9)
    data = b"".join(rows.compress(b"\x00" + b"\xff" * 7500) for _ in range(2000)) + rows.flush()  # 1-bit
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 60000, 60000, 1, 0, 0, 0, 0))
    return _write(d / "anh_khong_lo.png", png + chunk(b"IDAT", data) + chunk(b"IEND", b""))


def socket_file(d: Path, report: str) -> Path:
    path = d / "o_cam.txt"
    with socket.socket(socket.AF_UNIX) as s:
        s.bind(str(path))  # the socket file stays after close
    return path


def device_file(d: Path, report: str) -> Path | None:
    """A character device (like /dev/zero: endless bytes) inside the folder; None without the right to make it."""
    path = d / "thiet_bi.txt"
    try:
        os.mknod(path, 0o666 | 0o020000, os.makedev(1, 5))
    except PermissionError:
        return None
    return path


def nul_after_4kb(d: Path, report: str) -> Path:
    body = (report + "\nHội nghị thống nhất nội dung công tác thi đua của cụm trong năm tới." * 60).encode()
    return _write(d / "co_nul.txt", body[:5000] + b"\x00" + body[5000:])


def inside_link(d: Path, report: str) -> Path:
    (d / "ban_goc").mkdir()
    _write(d / "ban_goc" / "goc.txt", report.replace("2022", "2021"))
    (d / "lien_ket.txt").symlink_to("ban_goc/goc.txt")
    return d / "lien_ket.txt"


def unreadable(d: Path, report: str) -> Path | None:
    """A report nobody may read; None as root, whom permissions do not stop."""
    if os.geteuid() == 0:
        return None
    path = _write(d / "khong_doc_duoc.txt", report)
    path.chmod(0)
    return path


def corpus(bomb_mb: int = 1024) -> dict[str, Case]:
    """Every kind; `bomb_mb`: what the .docx zip bomb unpacks to (1 GiB takes ~25 s to make)."""
    rng_text = bytes(random.Random(7).choices(bytes([*range(0x20, 0x7F), *range(0xC0, 0x100)]), k=6000))
    noise = bytearray(random.Random(2).randbytes(6000))
    noise[::50] = b"\x00" * len(noise[::50])
    cases = [
        # --- text
        Case("empty file", lambda d, r: _write(d / "rong.txt", b""), FAILED, "empty file"),
        Case("only spaces and newlines", lambda d, r: _write(d / "khoang_trang.txt", " \n\t\n" * 500), FAILED,
             "no text found"),
        Case("binary junk with NULs named .txt", lambda d, r: _write(d / "nhi_phan.txt", bytes(noise)), FAILED,
             "binary data, not text"),
        Case("a NUL byte past the first 4 KB", nul_after_4kb, STORED),
        Case("50 MB sparse file", lambda d, r: _sparse(d / "qua_lon.txt", 50), FAILED, "file too large"),
        Case("30 MB on a single line", lambda d, r: _write(d / "mot_dong.txt", r.replace("\n", " ") * (
            30 * 1024 * 1024 // len(r.encode()) + 1)), FAILED, "file too large"),
        Case("text of 2.1 M characters", lambda d, r: long_text(d / "dai.txt", r, 2_100_000), FAILED,
             "text too long ("),
        Case("text of 20 MB", lambda d, r: long_text(d / "rat_dai.txt", r, 12_000_000), FAILED,
             "text too long (at least"),
        Case("text slow to normalise (time limit)", lambda d, r: long_text(d / "cham.txt", r, 1_990_000), FAILED,
             f"took longer than {SLOW_TIMEOUT_S} s to read and extract (time limit)"),
        Case("English text, not Vietnamese", lambda d, r: _write(d / "tieng_anh.txt", "The annual review meeting of "
             "the provincial emulation cluster was held on Monday. " * 20), FAILED, "not plausible Vietnamese"),
        Case("TCVN3/VNI bytes no table converts", lambda d, r: _write(d / "ma_cu.txt", rng_text), FAILED,
             "could not be converted"),
        Case("rich markup :x: :100: [bold] in the text", lambda d, r: _write(
            d / "ky_hieu.txt", r + "\nKết quả :x: :100: [bold red]không in đậm[/bold red].\n"), STORED),
        # --- names
        Case("a newline in the file name", _named(b"hai\ndong.txt"), FAILED, "empty file"),
        Case("terminal escape codes in the file name", _named(b"mau\x1b[31mdo.txt"), FAILED, "empty file"),
        Case("a file name that is not UTF-8", _named(b"ten\xff\xfehong.txt"), FAILED, "empty file"),
        Case("rich markup in the file name", _named(b"[bold red]dam.txt"), FAILED, "empty file"),
        Case("a file name of 240 bytes", lambda d, r: _write(d / ("bao_cao_" * 29 + "x.txt"), r.replace(
            "2022", "2019")), STORED),
        # --- not regular files, links, things that are not reports
        Case("FIFO", lambda d, r: _fifo(d / "ong.txt"), FAILED, NOT_REGULAR),
        Case("character device", device_file, FAILED, NOT_REGULAR),
        Case("socket", socket_file, FAILED, NOT_REGULAR),
        Case("symbolic link out of the folder", lambda d, r: _link(d / "passwd.txt", "/etc/passwd"), FAILED,
             "symbolic link to outside the folder"),
        Case("dangling symbolic link", lambda d, r: _link(d / "mat_dich.txt", str(d / "khong_co.txt")), FAILED,
             "file not found"),
        Case("symbolic link loop", lambda d, r: _link(d / "vong.txt", str(d / "vong.txt")), FAILED,
             "cannot read file"),
        Case("symbolic link to a report inside the folder (archived once)", inside_link, SKIPPED),
        Case("unreadable (chmod 000)", unreadable, FAILED, "cannot read file"),
        Case("a folder named .txt", lambda d, r: _mkdir(d / "thu_muc.txt"), IGNORED),
        Case("Word lock file ~$", lambda d, r: _write(d / "~$bien_ban.docx", b"\x05Lan  " + b"\x00" * 150), IGNORED),
        Case("hidden file", lambda d, r: _write(d / ".an.txt", b"\x00\x01"), IGNORED),
        Case("unknown extension", lambda d, r: _write(d / "bao_cao.xyz", r), IGNORED),
        Case("a copy of a report under another name", lambda d, r: _write(d / "z_ban_sao.txt", r), SKIPPED),
        # --- .docx
        Case(".docx that is not a zip", lambda d, r: _write(d / "khong_phai_zip.docx", "Đây không phải Word. " * 40),
             FAILED, "not a valid .docx (not a zip archive)"),
        Case("zip that is not a .docx", lambda d, r: _docx(d / "zip_la.docx", {"ghi_chu.txt": "không phải Word"}),
             FAILED, "damaged .docx"),
        Case("password-protected Word (OLE) named .docx", ole_docx, FAILED, "may be a legacy .doc or encrypted"),
        Case(".docx zip bomb (1,000:1)", lambda d, r: zip_bomb_docx(d / "bom.docx", bomb_mb), FAILED,
             ".docx unpacks too large"),
        Case(".docx of 2,100 parts", lambda d, r: many_parts_docx(d / "nhieu_phan.docx", 2100), FAILED,
             ".docx holds too many parts"),
        Case(".docx billion laughs (entity expansion)", billion_laughs_docx, FAILED, "damaged .docx"),
        Case(".docx external entity (XXE)", external_entity_docx, STORED),  # the entity is not read
        Case(".docx members named ../ (zip slip)", zip_slip_docx, STORED),
        Case(".docx with no text", empty_docx, FAILED, "no text found"),
        Case(".docx with broken XML", broken_xml_docx, FAILED, "damaged"),
        # --- .pdf
        Case("encrypted PDF", encrypted_pdf, FAILED, "encrypted PDF"),
        Case("truncated PDF", truncated_pdf, FAILED, "damaged PDF"),
        Case("garbage after the %PDF header", lambda d, r: _write(
            d / "rac.pdf", b"%PDF-1.4\n" + random.Random(1).randbytes(4000)), FAILED, "damaged PDF"),
        Case("PDF of 2,000 pages", lambda d, r: long_pdf(d / "dai.pdf", 2000), FAILED,
             "PDF has too many pages (2000 > 500 limit)"),
        Case("PDF without a text layer or readable scan", scanned_pdf, FAILED, "no text layer"),
        Case("PDF whose page tree loops", cyclic_pdf, FAILED, "no text found"),
        Case("text file named .pdf", lambda d, r: _write(d / "la_van_ban.pdf", r.replace("2022", "2016")), FAILED,
             "not a PDF"),
        # --- HTML
        Case("HTML nested 255 <font> deep", lambda d, r: nested_html(d / "sau_255.html", r.replace(
            "2022", "2018"), 255), STORED),
        Case("HTML nested 10,000 <span> deep", lambda d, r: nested_html(d / "sau_10000.html", r.replace(
            "2022", "2017"), 10_000, "span"), STORED),
        Case("HTML nested 3,000 <div> deep", lambda d, r: _write(d / "khoi.html", "<html><body><p>" + r.splitlines()[0]
             + "</p>" + "<div>" * 3000 + "<p>" + r + "</p></body></html>"), FAILED, "HTML nested too deep"),
        Case("HTML of scripts and styles only", lambda d, r: _write(d / "chi_script.html", (
            "<html><head><style>p{}</style></head><body><script>var a=1;</script></body></html>")), FAILED,
             "no text found"),
        # --- images and office formats
        Case("PNG claiming 60,000 x 60,000 pixels", huge_image, FAILED, "image too large to read safely"),
        Case("damaged PNG", lambda d, r: _write(d / "anh_hong.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 500), FAILED,
             "not a readable image"),
    ]
    return {case.kind: case for case in cases}


def _sparse(path: Path, mb: int) -> Path:
    with path.open("wb") as fh:
        fh.truncate(mb * 1024 * 1024)  # on paper only: instant to make
    return path


def _fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def _link(path: Path, target: str) -> Path:
    path.symlink_to(target)
    return path


def _mkdir(path: Path) -> Path:
    path.mkdir()
    return path


def build(folder: Path, report: str, kinds: list[str] | None = None, bomb_mb: int = 1024) -> dict[str, Path]:
    """Make the corpus (or some of its kinds) in `folder`: kind -> path (kinds that cannot be made
    here, a device without the right to make one, are left out)."""
    folder.mkdir(parents=True, exist_ok=True)
    made = {}
    for kind, case in corpus(bomb_mb).items():
        if kinds is None or kind in kinds:
            path = case.make(folder, report)
            if path is not None:
                made[kind] = path
    return made
