"""People named as chairing, attending, directing, speaking or reporting, with title and
organisation: "đồng chí Lê Minh Liên - Phó Trưởng phòng Nội vụ huyện", "ông Hà Văn Chiến, Phó
Giám đốc Sở Nội vụ, ...", "Thiếu tướng X, Cục trưởng ...", "Phó Chủ tịch UBND tỉnh Trần Văn B".

A name counts when something vouches for it being a person at the meeting: a cue word before
it, a rank, or a title beside it. Bylines, photo credits and cited figures are left out.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from extractors import names as nm
from extractors import vocab
from extractors.context import Context
from pipeline.normalize import fold
from pipeline.record import Participant

_SEGMENT_END = re.compile(r"[;:.()\[\]]|,|\s-\s(?=đơn vị|đại diện)|$")
_TITLE_SEP = re.compile(r"\s*(?:[-,|]\s*)?")
_CAPTION = re.compile(r"^\s*(ảnh|nguồn|tin, ảnh|tin và ảnh|bài, ảnh|tin ảnh)\s*:", re.IGNORECASE)


@dataclass
class _Found:
    name: str
    start: int
    end: int
    title: str | None
    organization: str | None
    confidence: float


def _cue_before(text: str, start: int) -> tuple[bool, bool]:
    """(a cue word or rank directly before, a rank directly before)."""
    before = text[max(0, start - 40):start]
    cue = re.search(rf"(?<![^\W_])(?:{vocab.alternation(vocab.phrases('people', 'cue'))})\s*:?\s*$", before)
    rank = re.search(rf"(?<![^\W_])(?:{vocab.alternation(vocab.phrases('titles', 'rank'))})\.?\s*$", before)
    return bool(cue or rank), bool(rank)


def _stop() -> re.Pattern:
    return vocab.compiled("people", "stop", flags=0)


def title_after(text: str, pos: int, limit: int) -> tuple[str | None, int]:
    """Comma-separated title segments after a name, each starting with a position word."""
    m = _TITLE_SEP.match(text, pos, limit)
    cursor = m.end() if m else pos
    segments: list[str] = []
    end = pos
    while cursor < limit and nm.title_start().match(text, cursor):
        seg_end_m = _SEGMENT_END.search(text, cursor, limit)
        seg_end = seg_end_m.start() if seg_end_m else limit
        stop = re.compile(rf"\s(?:{vocab.alternation(vocab.phrases('people', 'stop'))})\b").search(text, cursor, seg_end)
        another = _next_person(text, cursor, seg_end)
        if another is not None and (stop is None or another < stop.start()):
            stop = re.compile(r"\s").match(text, another) or stop
        if stop:
            seg_end = stop.start()
        segment = text[cursor:seg_end].strip(" -")
        if not segment:
            break
        segments.append(segment)
        end = cursor + len(text[cursor:seg_end].rstrip(" -"))
        if stop or not seg_end_m or text[seg_end:seg_end + 1] != ",":
            break
        nxt = re.compile(r",\s*").match(text, seg_end)
        cursor = nxt.end() if nxt else seg_end + 1
    return (", ".join(segments) if segments else None), end


def _next_person(text: str, start: int, end: int) -> int | None:
    """Where "... và Rơ Châm Long, Phó Chủ tịch" starts a second person inside a title segment."""
    cue = re.search(r"\s(?:và|cùng)\s+(?:ông|bà|đồng chí|đ/c)\s+(?=[A-ZĐÀ-Ỵ])", text[start:end], re.IGNORECASE)
    if cue:
        return start + cue.start()
    for m in re.finditer(r"\svà\s+(?=[^\W\d_])", text[start:end]):
        pos = start + m.end()
        run = nm.capitalised_runs(text, pos, min(end, pos + 60))
        if run and run[0][0].start == pos and nm.names_in_run(text, run[0], False):
            return start + m.start()
        if run and run[0][0].start == pos and 2 <= len(run[0]) <= 5 and text[run[0][-1].end:run[0][-1].end + 1] == ",":
            return start + m.start()  # "... và Rơ Châm Long, Phó Chủ tịch": a capitalised run, then its title
    return None


def title_before(text: str, name_start: int, floor: int) -> str | None:
    """A title written before the name: "Phó Chủ tịch UBND tỉnh Trần Văn B"."""
    chunk_start = max(floor, name_start - 120)
    chunk = text[chunk_start:name_start]
    cut = max(chunk.rfind(c) for c in ",;:.(")
    if cut >= 0 and chunk[cut] == ":" and not chunk[cut + 1:].strip():
        # "các đồng chí Phó Chủ tịch Hội LHPN tỉnh: Trần Thị Mai Phương, ..."
        head = chunk[:cut]
        head_cut = max(head.rfind(c) for c in ",;.(")
        chunk = head[head_cut + 1:] if head_cut >= 0 else head
    else:
        chunk = chunk[cut + 1:] if cut >= 0 else chunk
    cue = re.search(rf"(?:^|\s)(?:{vocab.alternation(vocab.phrases('people', 'cue'))}|có|là)\s+", chunk)
    while cue:
        chunk = chunk[cue.end():]
        cue = re.search(rf"(?:^|\s)(?:{vocab.alternation(vocab.phrases('people', 'cue'))}|có|là)\s+", chunk)
    if re.search(r"(?:^|\s)(?:và|cùng|với)\s*$", chunk):
        return None  # "... Đắk Lắk và Ksor Phơk": the words before belong to someone else
    chunk = re.sub(rf"(?:{vocab.alternation(vocab.phrases('titles', 'rank'))})\.?\s*$", "", chunk).strip(" -")
    if chunk and nm.title_start().match(chunk) and not vocab.compiled("people", "stop", flags=0).search(chunk):
        return chunk
    return None


# positions whose last words name the unit itself: "Chánh Văn phòng UBND huyện" → "Văn phòng UBND huyện"
_UNIT_IN_POSITION = re.compile(r"(văn phòng|thanh tra|phòng|ban)$", re.IGNORECASE)
_CLUSTER_ROLE = re.compile(r"(cụm|khối)\s+(trưởng|phó)|(trưởng|phó)\s+(cụm|khối)", re.IGNORECASE)


def organization_of(title: str | None) -> str | None:
    """The unit of the first real post in the title ("Phó Giám đốc Sở Nội vụ" → "Sở Nội vụ");
    party memberships and cluster roles ("Cụm trưởng Cụm thi đua số 3") are not posts."""
    if not title:
        return None
    party = re.compile(rf"(?:{vocab.alternation(vocab.phrases('titles', 'party'))})\b")
    for segment in title.split(", "):
        if party.match(segment) or _CLUSTER_ROLE.match(segment):
            continue
        m = nm.title_start().match(segment)
        if not m:
            continue
        rest = segment[m.end():].strip()
        unit_word = _UNIT_IN_POSITION.search(m.group(0))
        if unit_word and rest:
            word = unit_word.group(1)
            return word[0].upper() + word[1:] + " " + rest
        if rest and (rest[0].isupper() or nm.unit_start().match(rest)):
            return rest
    return None


def _unlisted_name(ctx: Context, run, sentence) -> list:
    """A name whose family name is not in our list ("Y Bhăm Ênuôl, Giám đốc Sở ..."): accepted when a title
    follows or precedes it. (underthesea's POS check on top of this changed no score on dev, seeds or samples
    and took half the extraction time: benchmarks/ablation.py measures it.)"""
    text = ctx.text
    unit_word = re.compile(rf"(?:{vocab.alternation(vocab.phrases('units', 'head'))})\b", re.IGNORECASE)
    if nm.title_start().match(text, run[0].start) or unit_word.match(text, run[0].start):
        return []  # "Văn Phòng-Thống kê": a unit written in capitals, not a name
    title, _ = title_after(text, run[-1].end, sentence.end)
    if not title and not title_before(text, run[0].start, sentence.start):
        return []
    return [run]


def find(ctx: Context) -> list[Participant]:
    text = ctx.text
    byline = ctx.author_value
    cited = {fold(c) for c in vocab.phrases("people", "cited")}
    places = vocab.phrases("units", "head") + vocab.phrases("units", "place")
    blocked = re.compile(rf"(?<![^\W_])(?:{vocab.alternation(places + ['phố', 'đường', 'Lăng', 'các', 'ủy', 'uỷ'])})\s*$")
    covered: list[tuple[int, int]] = []  # title spans already read: names inside them are places
    cited_before = re.compile(rf"(?<![^\W_])(?:{vocab.alternation(vocab.phrases('people', 'cited_before'))})"
                              rf"(?:\s+(?:{vocab.alternation(vocab.phrases('titles', 'rank') + vocab.phrases('people', 'cue'))}))?\s*$",
                              re.IGNORECASE)
    found: dict[str, _Found] = {}
    for sentence in ctx.sentences:
        if _CAPTION.match(sentence.text):
            continue
        last_end = None
        shared_title = None
        for run in nm.capitalised_runs(text, sentence.start, sentence.end):
            cued_run, _ = _cue_before(text, run[0].start)
            lead = run[0].text in ("Ông", "Bà", "Anh", "Chị") and len(run) > 2
            if lead:
                run, cued_run = run[1:], True
            elif not cued_run and len(run) >= 4 and run[1].text not in nm.MIDDLE_NAMES \
                    and blocked.search(text[max(sentence.start, run[0].start - 25):run[0].start]):
                # "Chủ tịch UBND quận Ninh Kiều Huỳnh Văn Phước": the place name comes first (but
                # "... tỉnh Lê Thị Thu Trang" is a full name)
                run = run[2:]
            candidates = nm.names_in_run(text, run, cued_run)
            if not candidates and 2 <= len(run) <= 5 and not cued_run:
                candidates = _unlisted_name(ctx, run, sentence)
            for name_words in candidates:
                start, end = name_words[0].start, name_words[-1].end
                name = text[start:end]
                key = fold(name)
                if key in cited or (byline and key == fold(byline)):
                    continue
                if any(a <= start < b for a, b in covered) or cited_before.search(text[max(sentence.start, start - 45):start]):
                    continue  # inside someone's title, or a person only cited ("tiêu biểu là anh X")
                cued = cued_run if name_words[0] is run[0] else False
                if not cued and last_end is not None and re.fullmatch(r"\s*(?:,|;|và)\s*(?:(?:đồng chí|ông|bà)\s+)?", text[last_end:start]):
                    cued = True  # "các đồng chí: Lê Văn Tám, Nguyễn Thị Hoa và Đào Minh Khang"
                if blocked.search(text[max(sentence.start, start - 25):start]) and not cued:
                    # "Phó Chủ tịch UBND tỉnh Trần Văn Bảo": a title before a full name
                    if not (len(name_words) >= 3 and name_words[1].text in nm.MIDDLE_NAMES
                            and title_before(text, start, sentence.start)):
                        continue
                title, title_end = title_after(text, end, sentence.end)
                if title:
                    covered.append((end, title_end))
                before = title_before(text, start, sentence.start)
                if before:
                    title = before + (", " + title if title else "")
                    if text[:start].rstrip().endswith(":"):
                        shared_title = before
                elif title is None and shared_title and cued:
                    title = shared_title  # "...: A, B" share the title before the colon
                org = organization_of(title)
                if title is None:
                    rep = re.match(r"\s*(?:đại diện(?: cho)?)\s+(.+?)(?=\s(?:hướng dẫn|phát biểu|báo cáo|trình bày|trao|tặng)\b|[,.;]|$)", text[end:sentence.end])
                    if rep:
                        org = rep.group(1)
                if not (cued or title or org):
                    continue
                if not cued and title and all(_CLUSTER_ROLE.match(seg) for seg in title.split(", ")):
                    continue  # "Trường THPT Duy Tân, Cụm phó": a unit holding a role, not a person
                if not cued and re.search(r"\b[A-ZĐ]{2,}\s*$", text[max(sentence.start, start - 12):start]):
                    continue  # "Trường THPT Duy Tân", "PC Bình Thuận": part of a unit's name
                confidence = 0.9 if (cued and title) else 0.8 if title else 0.6
                last_end = max(end, title_end)
                prev = found.get(key)
                if prev is None:
                    found[key] = _Found(name, start, max(end, title_end), title, org, confidence)
                elif not prev.title and title:
                    prev.title, prev.organization, prev.confidence = title, org, max(prev.confidence, confidence)
    return [Participant(name=f.name, title=f.title, organization=f.organization,
                        evidence=ctx.evidence(f.start, f.end), confidence=f.confidence)
            for f in sorted(found.values(), key=lambda f: f.start)]
