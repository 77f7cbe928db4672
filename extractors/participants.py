"""People named as chairing, attending, directing, speaking or reporting, with title and
organisation: "đồng chí Lê Minh Liên - Phó Trưởng phòng Nội vụ huyện", "ông Hà Văn Chiến, Phó
Giám đốc Sở Nội vụ, ...", "Thiếu tướng X, Cục trưởng ...", "Phó Chủ tịch UBND tỉnh Trần Văn B".

A name counts when something vouches for it being a person at the meeting: a cue word before
it, a rank, or a title beside it. Bylines, photo credits and cited figures are left out.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from extractors import names as nm
from extractors import vocab
from extractors.context import Context
from pipeline.normalise.text import fold
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


@lru_cache(maxsize=1)
def _people_cue() -> re.Pattern:
    return re.compile(rf"(?<![^\W_])(?:{vocab.alternation(vocab.phrases('people', 'cue'))})\s*:?\s*$")


@lru_cache(maxsize=1)
def _rank_before() -> re.Pattern:
    return re.compile(rf"(?<![^\W_])(?:{vocab.alternation(vocab.phrases('titles', 'rank'))})\.?\s*$")


@lru_cache(maxsize=1)
def _cue_in_chunk() -> re.Pattern:
    return re.compile(rf"(?:^|\s)(?:{vocab.alternation(vocab.phrases('people', 'cue'))}|có|là)\s+")


@lru_cache(maxsize=1)
def _rank_at_end() -> re.Pattern:
    return re.compile(rf"(?:{vocab.alternation(vocab.phrases('titles', 'rank'))})\.?\s*$")


@lru_cache(maxsize=1)
def _party() -> re.Pattern:
    return re.compile(rf"(?:{vocab.alternation(vocab.phrases('titles', 'party'))})\b")


@lru_cache(maxsize=1)
def _unit_word_any_case() -> re.Pattern:
    return re.compile(rf"(?:{vocab.alternation(vocab.phrases('units', 'head'))})\b", re.IGNORECASE)


def _cue_before(text: str, start: int) -> tuple[bool, bool]:
    """(a cue word or rank directly before, a rank directly before)."""
    before = text[max(0, start - 40):start]
    cue, rank = _people_cue().search(before), _rank_before().search(before)
    return bool(cue or rank), bool(rank)


def _stop() -> re.Pattern:
    return vocab.compiled("people", "stop", flags=0)


def title_after(text: str, pos: int, limit: int) -> tuple[str | None, int]:
    """Comma-separated title segments after a name, each starting with a position word."""
    m = _TITLE_SEP.match(text, pos, limit)
    cursor = m.end() if m else pos
    segments: list[str] = []
    end = pos
    while cursor < limit and nm.title_start().match(text, cursor) and not _rank_then_name(text, cursor, limit):
        seg_end_m = _SEGMENT_END.search(text, cursor, limit)
        seg_end = seg_end_m.start() if seg_end_m else limit
        stop = _title_stop().search(text, cursor, seg_end)
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


def _rank_then_name(text: str, pos: int, limit: int) -> bool:
    """"..., Thiếu tướng Cao Văn B - Phó Chánh văn phòng": a rank and a name open the next person, not a title."""
    rank = vocab.compiled("titles", "rank", flags=0).match(text, pos, limit)
    run = nm.capitalised_runs(text, rank.end(), min(limit, rank.end() + 60)) if rank else []
    return bool(run and text[rank.end():run[0][0].start] == " " and nm.names_in_run(text, run[0], True))


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
    cue = _cue_in_chunk().search(chunk)
    while cue:
        chunk = chunk[cue.end():]
        cue = _cue_in_chunk().search(chunk)
    if re.search(r"(?:^|\s)(?:và|cùng|với)\s*$", chunk):
        return None  # "... Đắk Lắk và Ksor Phơk": the words before belong to someone else
    chunk = _rank_at_end().sub("", chunk).strip(" -")
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
    party = _party()
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
    unit_word = _unit_word_any_case()
    if nm.title_start().match(text, run[0].start) or unit_word.match(text, run[0].start):
        return []  # "Văn Phòng-Thống kê": a unit written in capitals, not a name
    title, _ = title_after(text, run[-1].end, sentence.end)
    if not title and not title_before(text, run[0].start, sentence.start):
        return []
    return [run]


@lru_cache(maxsize=1)
def _title_stop() -> re.Pattern:
    return re.compile(rf"\s(?:{vocab.alternation(vocab.phrases('people', 'stop'))})\b")


@lru_cache(maxsize=1)
def _blocked() -> re.Pattern:
    """Words after which a capitalised run is a place or a unit's name, not a person."""
    places = vocab.phrases("units", "head") + vocab.phrases("units", "place")
    return re.compile(rf"(?<![^\W_])(?:{vocab.alternation(places + ['phố', 'đường', 'Lăng', 'các', 'ủy', 'uỷ'])})\s*$")


@lru_cache(maxsize=1)
def _cited_before() -> re.Pattern:
    cues = vocab.phrases("titles", "rank") + vocab.phrases("people", "cue")
    return re.compile(rf"(?<![^\W_])(?:{vocab.alternation(vocab.phrases('people', 'cited_before'))})"
                      rf"(?:\s+(?:{vocab.alternation(cues)}))?\s*$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _cited() -> frozenset[str]:
    return frozenset(fold(c) for c in vocab.phrases("people", "cited"))


_NEXT_IN_LIST = re.compile(r"\s*(?:,|;|và)\s*(?:(?:đồng chí|ông|bà)\s+)?")
_REPRESENTS = re.compile(r"\s*(?:đại diện(?: cho)?)\s+(.+?)(?=\s(?:hướng dẫn|phát biểu|báo cáo|trình bày|trao|tặng)\b|"
                         r"[,.;]|$)")
_CAPITALS_BEFORE = re.compile(r"\b[A-ZĐ]{2,}\s*$")


def find(ctx: Context) -> list[Participant]:
    reader = _Reader(ctx)
    for sentence in ctx.sentences:
        if not _CAPTION.match(sentence.text):
            reader.read(sentence)
    return [Participant(name=f.name, title=f.title, organization=f.organization,
                        evidence=ctx.evidence(f.start, f.end), confidence=f.confidence)
            for f in sorted(reader.found.values(), key=lambda f: f.start)]


class _Reader:
    """People in one document, sentence by sentence; a list after a colon shares its title."""

    def __init__(self, ctx: Context):
        self.ctx, self.text, self.byline = ctx, ctx.text, ctx.author_value
        self.covered: list[tuple[int, int]] = []  # title spans already read: names inside them are places
        self.found: dict[str, _Found] = {}

    def read(self, sentence) -> None:
        self.last_end, self.shared_title = None, None
        for run in nm.capitalised_runs(self.text, sentence.start, sentence.end):
            run, cued_run = self._trim_run(run, sentence)
            candidates = nm.names_in_run(self.text, run, cued_run)
            if not candidates and 2 <= len(run) <= 5 and not cued_run:
                candidates = _unlisted_name(self.ctx, run, sentence)
            for name_words in candidates:
                self._candidate(name_words, cued_run and name_words[0] is run[0], sentence)

    def _trim_run(self, run, sentence):
        text = self.text
        cued_run, _ = _cue_before(text, run[0].start)
        if run[0].text in ("Ông", "Bà", "Anh", "Chị") and len(run) > 2:
            return run[1:], True
        if not cued_run and len(run) >= 4 and run[1].text not in nm.MIDDLE_NAMES \
                and _blocked().search(text[max(sentence.start, run[0].start - 25):run[0].start]):
            # "Chủ tịch UBND quận Ninh Kiều Huỳnh Văn Phước": the place name comes first (but
            # "... tỉnh Lê Thị Thu Trang" is a full name)
            return run[2:], cued_run
        return run, cued_run

    def _candidate(self, name_words, cued: bool, sentence) -> None:
        text = self.text
        start, end = name_words[0].start, name_words[-1].end
        key = fold(text[start:end])
        if key in _cited() or (self.byline and key == fold(self.byline)):
            return
        if any(a <= start < b for a, b in self.covered) or \
                _cited_before().search(text[max(sentence.start, start - 45):start]):
            return  # inside someone's title, or a person only cited ("tiêu biểu là anh X")
        if not cued and self.last_end is not None and _NEXT_IN_LIST.fullmatch(text[self.last_end:start]):
            cued = True  # "các đồng chí: Lê Văn Tám, Nguyễn Thị Hoa và Đào Minh Khang"
        if _blocked().search(text[max(sentence.start, start - 25):start]) and not cued and not (
                len(name_words) >= 3 and name_words[1].text in nm.MIDDLE_NAMES
                and title_before(text, start, sentence.start)):
            return  # a place before the name, unless a title precedes a full name ("Chủ tịch UBND tỉnh Trần Văn Bảo")
        title, title_end = self._title(start, end, cued, sentence)
        org = organization_of(title)
        if title is None and (rep := _REPRESENTS.match(text[end:sentence.end])):
            org = rep.group(1)
        if self._not_a_person(start, cued, title, org, sentence):
            return
        self.last_end = max(end, title_end)
        found = _Found(text[start:end], start, max(end, title_end), title, org,
                       0.9 if (cued and title) else 0.8 if title else 0.6)
        self._store(key, found)

    def _title(self, start: int, end: int, cued: bool, sentence) -> tuple[str | None, int]:
        text = self.text
        title, title_end = title_after(text, end, sentence.end)
        if title:
            self.covered.append((end, title_end))
        before = title_before(text, start, sentence.start)
        if before:
            title = before + (", " + title if title else "")
            if text[:start].rstrip().endswith(":"):
                self.shared_title = before
        elif title is None and self.shared_title and cued:
            title = self.shared_title  # "...: A, B" share the title before the colon
        return title, title_end

    def _not_a_person(self, start: int, cued: bool, title: str | None, org: str | None, sentence) -> bool:
        if not (cued or title or org):
            return True
        if not cued and title and all(_CLUSTER_ROLE.match(seg) for seg in title.split(", ")):
            return True  # "Trường THPT Duy Tân, Cụm phó": a unit holding a role, not a person
        # "Trường THPT Duy Tân", "PC Bình Thuận": part of a unit's name
        return not cued and bool(_CAPITALS_BEFORE.search(self.text[max(sentence.start, start - 12):start]))

    def _store(self, key: str, found: _Found) -> None:
        prev = self.found.get(key)
        if prev is None:
            self.found[key] = found
        elif not prev.title and found.title:
            prev.title, prev.organization = found.title, found.organization
            prev.confidence = max(prev.confidence, found.confidence)
