"""The emulation cluster the report is about: "Cụm thi đua số 2", "Khối thi đua 3",
"Cụm thi đua số VII", "Khối 9", or an unnumbered "Khối thi đua Nội chính Trung ương".

The cluster is the one the report mentions most, with its title and lead counting double.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from extractors import vocab
from extractors.context import Context
from pipeline.record import Cluster

ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_NUM = r"(?P<num>\d{1,2}|[IVXL]{1,5})(?![\w/%,.]\d)"
_NAMED_BY_ORGANISATION = re.compile(r"\b(?P<kind>Cụm|Khối)\s+(?P<org>Đoàn|Mặt trận|Công đoàn|Hội|Công an|Thanh niên|"
                                    r"Phụ nữ)\b[^.;:()\n]{0,60}")
_KIND = r"(?P<kind>[Cc]ụm|CỤM|[Kk]hối|KHỐI)"


@dataclass
class Mention:
    start: int
    end: int
    kind: str
    number: int | None
    name: str


def roman(text: str) -> int | None:
    if not re.fullmatch(r"M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})", text):
        return None
    total = 0
    for a, b in zip(text, text[1:] + " ", strict=True):
        total += -ROMAN[a] if ROMAN.get(b, 0) > ROMAN[a] else ROMAN[a]
    return total


@lru_cache(maxsize=1)
def _patterns() -> list[re.Pattern]:
    count = vocab.alternation(vocab.phrases("cluster", "count_noun"))
    not_count = rf"(?!\s*(?:{count})\b)"
    return [
        # Cụm thi đua số 2 / Cụm thi đua số VII: "số" marks the number, whatever follows it
        re.compile(rf"\b{_KIND}(?:\s+(?:thi\s+đua|THI\s+ĐUA|Thi\s+đua))?\s+(?:số|SỐ)\s+{_NUM}\b"),
        # Khối thi đua 3 / Cụm 3: without "số", "7 tỉnh" is a count
        re.compile(rf"\b{_KIND}(?:\s+(?:thi\s+đua|THI\s+ĐUA|Thi\s+đua))?\s+{_NUM}\b{not_count}"),
        # Cụm Đoàn số 2 / cụm các xã số 02: a short descriptor, then "số N"
        re.compile(rf"\b{_KIND}\s+(?:[^\s.,;:()]+\s+){{1,4}}?(?:số|SỐ)\s+{_NUM}\b{not_count}"),
        # Khối các sở quản lý nhà nước 1 / Khối thi đua 06 Công đoàn ngành Trung ương
        re.compile(rf"\b(?P<kind>Cụm|Khối)\s+(?:[a-zà-ỹđ]+\s+){{1,9}}?{_NUM}(?=\s*[:.,;\n]|$){not_count}"),
        # Khối thi đua Hợp tác xã III: a descriptor in any case, then a Roman number
        re.compile(rf"\b(?P<kind>Cụm|Khối)\s+thi\s+đua\s+(?:[^\W\d_]+\s+){{1,6}}?(?P<num>[IVX]{{1,5}})\b(?![\w/.-]){not_count}"),
    ]


def mentions(ctx: Context) -> list[Mention]:
    found: dict[int, Mention] = {}
    for pattern in _patterns():
        for m in pattern.finditer(ctx.text):
            raw = m.group("num")
            number = int(raw) if raw.isdigit() else roman(raw)
            if not number or m.start() in found:
                continue
            kind = "cum" if m.group("kind").lower() == "cụm" else "khoi"
            found[m.start()] = Mention(m.start(), m.end(), kind, number, ctx.text[m.start():m.end()])
    if not found:
        for m in _unnumbered(ctx):
            found[m.start] = m
    if not found:
        # "Cụm Đoàn thanh niên các tỉnh, thành ...": a cluster named by its organisation
        for m in _NAMED_BY_ORGANISATION.finditer(ctx.text):
            kind = "cum" if m.group("kind") == "Cụm" else "khoi"
            name = re.split(r"\s+(?:đã|tổ chức|gồm|bao gồm|với)\b", m.group(0))[0].strip(" ,")
            found[m.start()] = Mention(m.start(), m.start() + len(name), kind, None, name)
    if not found:
        found = {m.start: m for m in _bare(ctx)}
    return sorted(found.values(), key=lambda m: m.start)


# "toàn Cụm thi đua đạt ...", "do đồng chí X thường trực Khối trình bày": the cluster named by its word alone
_BARE = re.compile(r"\b(?P<kind>[cC]ụm|[kK]hối)\s+thi\s+đua\b|(?<=[a-zà-ỹđ] )(?P<cap>Cụm|Khối)\b"
                   r"(?!\s+(?:lượng|từ|công nghiệp|ngành|u|óc)\b)")


def _bare(ctx: Context) -> list[Mention]:
    out = []
    for m in _BARE.finditer(ctx.text):
        word = m.group("kind") or m.group("cap")
        kind = "cum" if word.lower() == "cụm" else "khoi"
        out.append(Mention(m.start(), m.end(), kind, None, m.group(0)))
    return out


def _unnumbered(ctx: Context) -> list[Mention]:
    stop = vocab.compiled("cluster", "name_stop")
    out = []
    for m in re.finditer(rf"\b{_KIND}\s+(?:thi\s+đua|THI\s+ĐUA|Thi\s+đua)\b", ctx.text):
        end = m.end()
        tail = ctx.text[end:end + 120]
        cut = len(tail)
        for pat in (stop, re.compile(r"[.;:()\n]|,\s+(?=[a-zà-ỹđ]+\s+(?!các\b)[a-zà-ỹđ])")):
            hit = pat.search(tail)
            if hit and hit.start() < cut:
                after_break = re.match(r"\W", tail[hit.start() - 1:hit.start()] or " ")
                cut = hit.start() if pat is not stop or after_break else cut
        descriptor = tail[:cut].strip(" ,-")
        if not descriptor or len(descriptor.split()) < 1:
            continue
        kind = "cum" if m.group("kind").lower() == "cụm" else "khoi"
        name = ctx.text[m.start():end] + " " + descriptor
        out.append(Mention(m.start(), end + tail.find(descriptor) + len(descriptor), kind, None, name))
    return out


def find(ctx: Context) -> Cluster | None:
    found = mentions(ctx)
    if not found:
        return None
    lead_end = ctx.sentences[1].end if len(ctx.sentences) > 1 else len(ctx.text)
    votes: Counter = Counter()
    for m in found:
        votes[(m.kind, m.number)] += 2 if m.start < lead_end else 1
    (kind, number), count = max(votes.items(), key=lambda kv: (kv[1], -_first(found, kv[0])))
    best = next(m for m in found if (m.kind, m.number) == (kind, number))
    total = sum(votes.values())
    confidence = round(min(0.95, 0.5 + 0.45 * count / total), 2)
    return Cluster(name=_clean_name(best.name), kind=kind, number=number,
                   evidence=ctx.evidence(best.start, best.end), confidence=confidence)


def _first(found: list[Mention], key) -> int:
    return next(m.start for m in found if (m.kind, m.number) == key)


def _clean_name(name: str) -> str:
    name = " ".join(name.split())
    return name[0].upper() + name[1:]
