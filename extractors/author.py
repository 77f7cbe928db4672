"""Byline: a short name or initials on one of the last lines ("Thanh Tuấn - HND Kiên Lương",
"Tin, ảnh: THÀNH TRUNG", "LK", "V.G"). Photo credits and source notes are not bylines."""
from __future__ import annotations

import re

from extractors import units, vocab
from extractors.context import Context
from pipeline.record import Value

LAST_LINES = 4
_NAME_WORD = re.compile(r"^[A-ZĐÀ-Ỹ][a-zà-ỹđ]+$|^[A-ZĐÀ-Ỹ]+$|^([A-ZĐ]\.)+[A-ZĐÀ-Ỹ]*[a-zà-ỹđ]*$")


# Minutes, notices and other administrative documents are signed, not bylined: the names at
# their end are signatories ("THƯ KÝ", "CHỦ TRÌ", "TM. ...").
_ADMINISTRATIVE = re.compile(r"^\s*(BIÊN BẢN|THÔNG BÁO|BÁO CÁO|KẾ HOẠCH|QUYẾT ĐỊNH|TỜ TRÌNH|CÔNG VĂN)\b"
                             r"|^\s*Số\s*:\s*\d")
_SIGNATURE = re.compile(r"\b(THƯ KÝ|CHỦ TRÌ|CHỦ TỌA|NGƯỜI LẬP|TM\.|KT\.|CHỦ TỊCH|TRƯỞNG CỤM|CỤM TRƯỞNG|KHỐI TRƯỞNG)\b")


def find(ctx: Context) -> Value[str] | None:
    if any(_ADMINISTRATIVE.match(line.text) for line in ctx.lines[:12]):
        return None
    prefix = vocab.compiled("domain", "byline_prefix")
    not_byline = vocab.compiled("domain", "not_byline")
    for line in reversed(_without_menu(ctx.lines[-LAST_LINES:])):
        text = line.text.strip()
        start = line.start + (len(line.text) - len(line.text.lstrip()))
        m = prefix.match(text)
        if m:
            text, start = text[m.end():].strip(), start + m.end() + (len(text[m.end():]) - len(text[m.end():].lstrip()))
            if not text:
                return None  # an empty "Tác giả" field
        elif len(text) > 60:
            return _glued_byline(ctx, line)  # reached body text: no byline, unless one ends its last sentence
        elif not_byline.match(text) or _SIGNATURE.search(text):
            continue
        elif vocab.compiled("domain", "institution_byline").match(text):
            return Value[str](value=text, evidence=ctx.evidence(start, start + len(text)), confidence=0.7)
        name = _names(text) or re.split(r"\s+[-–(]\s*|\s*,\s*", text, maxsplit=1)[0].strip(" ./")
        words = name.split()
        if _names(text) or (1 <= len(words) <= 4 and len(name) <= 40 and all(_NAME_WORD.match(w) for w in words)):
            if len(words) == 1 and not (name.isupper() or "." in name):
                continue  # a single capitalised word is more likely a section name
            return Value[str](value=name, evidence=ctx.evidence(start, start + len(name)),
                              confidence=0.9 if m else 0.75)
        if len(text) > 60:
            return None  # reached body text: the excerpt has no byline
    return None


def _looks_like_name(part: str) -> bool:
    words = part.split()
    return 2 <= len(words) <= 4 and all(_NAME_WORD.match(w) for w in words)


def _names(text: str) -> str | None:
    """Several authors on one line ("Lê Văn C, Phạm Thị D", "Lê Văn C – Phạm Thị D"): the whole line is the
    byline. Parts joined by a dash must be written as names (not "Thanh Tuấn - HND Kiên Lương")."""
    parts = [p.strip(" ./") for p in re.split(r"\s*[,;]\s*|\s+[-–]\s+", text.strip())]
    dashed = bool(re.search(r"\s[-–]\s", text))
    if len(parts) >= 2 and len(text) <= 60 and all(_looks_like_name(p) for p in parts) and not (
            dashed and any(w.isupper() or units.head_at(p, 0) for p in parts for w in p.split())):
        return text.strip(" ./")
    return None


def _without_menu(lines: list) -> list:
    """A block of two or more section names in capitals at the very end ("VĂN BẢN CHỈ ĐẠO",
    "HỎI ĐÁP PHÁP LUẬT") is the site's menu, not a byline."""
    end = len(lines)
    while end > 0 and _menu_item(lines[end - 1].text):
        end -= 1
    return lines[:end] if len(lines) - end >= 2 else lines


def _menu_item(text: str) -> bool:
    text = text.strip()
    return len(text.split()) >= 2 and text.isupper()


_GLUED = re.compile(r"[.!?…]\s+((?:[A-ZĐÀ-Ỹ][a-zà-ỹđ]+\s+){1,3}[A-ZĐÀ-Ỹ][a-zà-ỹđ]+)\s*\|?\s*$")


def _glued_byline(ctx: Context, line) -> Value[str] | None:
    """"... tặng Bằng khen. Nguyễn Thị Vân |": a page that runs the byline on after the last sentence,
    a full name (family name first) with no closing full stop."""
    m = _GLUED.search(line.text)
    if not m or m.group(1).split()[0] not in vocab.phrases("surnames", "surname"):
        return None
    start = line.start + m.start(1)
    return Value[str](value=m.group(1), evidence=ctx.evidence(start, start + len(m.group(1))), confidence=0.6)
