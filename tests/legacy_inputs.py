"""Legacy versions of sample reports, made independently of the converters under test.

- TCVN3 bytes come from glibc (`iconv -t TCVN5712-1`), not from pipeline/read/legacy.py.
- VNI and VIQR are written here from their published rules (base letter, then the shape mark,
  then the tone mark), character by character.
- `encodable` gives the clean original the legacy versions can hold (curly quotes -> straight).
"""
from __future__ import annotations

import shutil
import subprocess
import unicodedata
from functools import cache
from pathlib import Path

import pytest

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
TXT_SAMPLES = ["kiengiang_cum4_thongbao_ketqua_2024.txt", "bentre_cum1_mocaynam_xetthidua_2023.txt",
               "hue_cum_matran_doanthe_chamdiem_2015.txt"]

_TONES = {"\u0301": 0, "\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0323": 4}  # sắc huyền hỏi ngã nặng
_PLAIN = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-", "…": "...", "»": ">>",
                        "²": "2", "\u00a0": " "})


def encodable(text: str) -> str:
    """The text with the few typographic characters no legacy code page holds made plain."""
    return unicodedata.normalize("NFC", text).translate(_PLAIN)


def sample_text(name: str) -> str:
    from pipeline.read import read_document

    return encodable(read_document(SAMPLES / name).text)


def _parts(ch: str) -> tuple[str, str, int | None]:
    """(base letter, shape: '' | '^' breve '(' horn '+', tone index or None)."""
    decomposed = unicodedata.normalize("NFD", ch)
    base, shape, tone = decomposed[0], "", None
    for mark in decomposed[1:]:
        if mark in _TONES:
            tone = _TONES[mark]
        else:
            shape = {"\u0302": "^", "\u0306": "(", "\u031b": "+"}[mark]
    return base, shape, tone


# VNI Windows: tone marks after a plain vowel; â/ê/ô and ă carry tone and shape in one mark.
_VNI_TONE = "ùøûõï"
_VNI_CIRCUMFLEX = "âáàåãä"  # no tone, then sắc huyền hỏi ngã nặng
_VNI_BREVE = "êéèúüë"
_VNI_WHOLE = {"đ": "ñ", "ơ": "ô", "ư": "ö", "í": "í", "ì": "ì", "ỉ": "æ", "ĩ": "ó", "ị": "ò", "ỵ": "î"}


def to_vni(text: str) -> str:
    out = []
    for ch in unicodedata.normalize("NFC", text):
        lower = ch.lower()
        upper = ch != lower
        if ord(ch) < 128:
            out.append(ch)
            continue
        if lower in _VNI_WHOLE:
            piece = _VNI_WHOLE[lower]
            out.append(piece.upper() if upper else piece)
            continue
        base, shape, tone = _parts(lower)
        if shape == "+":
            head, mark = ("ô" if base == "o" else "ö"), ("" if tone is None else _VNI_TONE[tone])
        elif shape == "^":
            head, mark = base, _VNI_CIRCUMFLEX[0 if tone is None else tone + 1]
        elif shape == "(":
            head, mark = base, _VNI_BREVE[0 if tone is None else tone + 1]
        else:
            head, mark = base, ("" if tone is None else _VNI_TONE[tone])
        piece = head + mark
        out.append(piece.upper() if upper else piece)
    return "".join(out)


def vni_bytes(text: str) -> bytes:
    return to_vni(text).encode("cp1252")


_VIQR_TONE = "'`?~."


def to_viqr(text: str) -> str:
    """RFC 1456: marks after the vowel; a '.' or '?' that follows a vowel as punctuation is
    escaped with a backslash."""
    out = []
    previous_vowel = False
    for ch in unicodedata.normalize("NFC", text):
        if ch in ".?'`~(^+" and previous_vowel:
            out.append("\\" + ch)
            previous_vowel = False
            continue
        if ch in "đĐ":
            out.append("dd" if ch == "đ" else "DD")
            previous_vowel = False
            continue
        base, shape, tone = _parts(ch)
        out.append(base + shape + ("" if tone is None else _VIQR_TONE[tone]))
        previous_vowel = base.lower() in "aeiouy"
    return "".join(out)


def iconv_available(charset: str = "TCVN5712-1") -> bool:
    if not shutil.which("iconv"):
        return False
    return subprocess.run(["iconv", "-f", "UTF-8", "-t", charset], input=b"a", capture_output=True).returncode == 0


def tcvn3_bytes(text: str) -> bytes:
    """TCVN 5712 as glibc writes it (the capitals with tones in 0x80-0x9F and C0 codes)."""
    if not iconv_available():
        pytest.skip("glibc iconv with TCVN5712-1 is not available")
    done = subprocess.run(["iconv", "-f", "UTF-8", "-t", "TCVN5712-1"], input=text.encode(), capture_output=True)
    assert done.returncode == 0, done.stderr
    return done.stdout


def iconv_decode(data: bytes) -> str:
    done = subprocess.run(["iconv", "-f", "TCVN5712-1", "-t", "UTF-8"], input=data, capture_output=True)
    assert done.returncode == 0, done.stderr
    return unicodedata.normalize("NFC", done.stdout.decode())


# A .VnTime font shows a letter's lower-case code; capitals with tones are typed in .VnTimeH.
def tcvn3_runs(text: str) -> list[tuple[str, str]]:
    """(run text as Word stores it, font name) runs for text typed with .VnTime/.VnTimeH."""
    if not iconv_available():
        pytest.skip("glibc iconv with TCVN5712-1 is not available (it gives the TCVN3 codes)")
    runs: list[tuple[str, str]] = []
    for ch in unicodedata.normalize("NFC", text):
        if ord(ch) < 128:
            code, font = ch, ".VnTime"
        else:
            lower = ch.lower()
            code = _vn3_code(lower)
            font = ".VnTimeH" if ch != lower and _vn3_code(ch) is None else ".VnTime"
            code = _vn3_code(ch) if font == ".VnTime" else code
        if runs and runs[-1][1] == font:
            runs[-1] = (runs[-1][0] + code, font)
        else:
            runs.append((code, font))
    return runs


@cache
def _vn3_code(ch: str) -> str | None:
    """The Windows-1252 character of ch's TCVN3 code in 0xA1-0xFF (glibc), or None."""
    data = subprocess.run(["iconv", "-f", "UTF-8", "-t", "TCVN5712-1"], input=ch.encode(),
                          capture_output=True).stdout
    return data.decode("latin-1") if len(data) == 1 and data[0] >= 0xA1 else None


# --- documents -----------------------------------------------------------------------------------

def make_docx(path: Path, paragraphs: list[list[tuple[str, str | None]]]) -> Path:
    """A .docx with one paragraph per item, each a list of (text, font name or None) runs."""
    import docx

    document = docx.Document()
    for runs in paragraphs:
        p = document.add_paragraph()
        for text, font in runs:
            run = p.add_run(text)
            if font:
                run.font.name = font
    document.save(path)
    return path


DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def vntime_font(folder: Path, capitals: bool = False) -> Path:
    """DejaVu Sans renamed .VnTime (.VnTimeH), with the TCVN3 codes drawing the Vietnamese
    letters (capitals in the H font) as the real fonts do: text drawn in it has a TCVN3 text
    layer under a .VnTime font name."""
    from fontTools.ttLib import TTFont

    name = ".VnTimeH" if capitals else ".VnTime"
    font = TTFont(str(DEJAVU))
    for record in font["name"].names:
        if record.nameID in (1, 4, 6):
            record.string = name
    glyphs = font.getBestCmap()
    table = {}
    for byte in range(0xA1, 0x100):
        letter = iconv_decode(bytes([byte]))
        letter = letter.upper() if capitals else letter
        if len(letter) == 1 and ord(letter) in glyphs:
            table[byte] = glyphs[ord(letter)]
    for sub in font["cmap"].tables:
        if sub.isUnicode():
            sub.cmap.update(table)
    out = folder / f"{name.strip('.')}.ttf"
    font.save(str(out))
    return out


def make_text_pdf(path: Path, lines: list[str], fonts: dict[str, Path], runs_of) -> Path:
    """Lines wrapped and drawn as text runs (`runs_of(line)` -> [(text, font name)]), pages
    as needed; `fonts` maps each font name to its TrueType file."""
    import textwrap

    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    for name, file in fonts.items():
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(file)))
    c = canvas.Canvas(str(path))
    y = 800
    for line in lines:
        for part in textwrap.wrap(line, 95) or [""]:
            if y < 60:
                c.showPage()
                y = 800
            x = 40
            for text, font in runs_of(part):
                c.setFont(font, 9)
                c.drawString(x, y, text)
                x += pdfmetrics.stringWidth(text, font, 9)
            y -= 13
        y -= 8
    c.showPage()
    c.save()
    return path
