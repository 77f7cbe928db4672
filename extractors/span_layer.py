"""The span layer: one early component that marks, once, what the relation steps (ranks, heads, members)
talk about, as labelled `doc.spans` groups matched over the syllable tokens:

- "unit_mentions", label UNIT: a head word and its name ("UBND huyện Hòn Đất", "Công an tỉnh Kon Tum",
  "Lữ đoàn 962") or a place word and its name ("huyện Châu Thành", "Thành phố Rạch Giá");
- "role_mentions", labels truong / pho: role words ("Cụm trưởng", "phó khối"; patterns/heads.jsonl);
- "year_mentions", label YEAR: four-digit years 1990-2039;
- "title_mentions", label TITLE: positions (patterns/titles.jsonl);
- "person_mentions", label PER: a capitalised run that opens with a family name or follows a cue.

The matchers are built once from the pattern files (units.jsonl: head, place, stop, comma_name, event;
heads.jsonl; titles.jsonl; people.jsonl; surnames.jsonl; members.jsonl groups). A unit's extent is read
token by token from its head: capitalised syllables, place words and joiners, the lower-case second
syllable of a capitalised word ("Tư pháp"), a number naming the head ("Lữ đoàn 962"), "và" or a comma inside
a known name ("Sở Lao động - Thương binh và Xã hội", "Sở Văn hóa, Thể thao và Du lịch"). It ends before a
verb or preposition (label "stop"), any other punctuation ("Việt Nam.Các đại biểu"), a line break unless the
next line goes on in lower case, or after two capitalised syllables of a proper name ("Gia Lộc tiếp tục")."""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from extractors import vocab

KEYS = ("unit_mentions", "role_mentions", "year_mentions", "title_mentions", "person_mentions")
JOINERS = frozenset({"các", "tối", "cao", "&", "nhân", "dân", "kiểm", "tra", "ủy", "uỷ"})
_TRAILING = JOINERS - {"ủy", "uỷ", "cao", "tra", "dân"}  # never the last word of a name
_GLUE = frozenset({"-", "&", "'", "’"})
_MEASURES = frozenset({"%", "điểm", "tỷ", "triệu", "người", "lượt", "năm"})
_ROLE_AFTER_DASH = frozenset({"cụm", "khối", "trưởng", "phó"})


@lru_cache(maxsize=1)
def place_words() -> frozenset[str]:
    return frozenset(w.lower() for p in vocab.phrases("units", "place") for w in p.split())


def _words(phrase: str) -> list[str]:
    return phrase.replace(".", " .").split()


def _capitalised(t: Token) -> bool:
    return t.is_alpha and t.text[0].isupper()


def _abbreviation(t: Token) -> bool:
    return _is_abbreviation(t.text)


def _is_abbreviation(word: str) -> bool:
    return len(word) > 1 and word.isupper()


@dataclass
class UnitIndex:
    """The UNIT spans of one document by character offsets, for the relation steps' look-ups."""

    starts: dict[int, int] = field(default_factory=dict)  # start -> end
    ends: dict[int, int] = field(default_factory=dict)  # end -> start
    sorted_starts: list[int] = field(default_factory=list)

    @classmethod
    def of(cls, spans) -> UnitIndex:
        starts = {s.start_char: s.end_char for s in spans}
        return cls(starts, {e: s for s, e in starts.items()}, sorted(starts))

    def covering(self, start: int, end: int) -> tuple[int, int] | None:
        """The UNIT span that holds [start, end), if any."""
        i = bisect_left(self.sorted_starts, start + 1) - 1
        if i >= 0:
            s = self.sorted_starts[i]
            if self.starts[s] >= end:
                return s, self.starts[s]
        return None


class SpanLayer:
    """Find (matchers built once, in __init__) and write (doc.spans groups, and the index on the context)."""

    def __init__(self, nlp: Language):
        # head words: one PhraseMatcher over lower case, then the first syllable as written ("Sở", not "sở");
        # a lower-case first syllable only before an abbreviation ("hội CCB xã Hòa Bình", "công ty TNHH")
        self.heads = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.head_forms: dict[str, set[tuple[str, ...]]] = {}
        for head in vocab.phrases("units", "head"):
            words = _words(head)
            forms = self.head_forms.setdefault(" ".join(words).lower(), set())
            forms.add((words[0],))
            if any(_is_abbreviation(w) for w in words[1:]):
                forms.add((words[0].lower(), *words[1:]))
        self.heads.add("UNIT", [nlp.make_doc(v) for k in self.head_forms for v in _wrapped(k)])
        self.places = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.places.add("PLACE", [nlp.make_doc(p.lower()) for p in vocab.phrases("units", "place")])
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        for label, rows in (("stop", vocab.phrases("units", "stop")), ("event", vocab.phrases("units", "event")),
                            ("comma_name", vocab.phrases("units", "comma_name")),
                            ("truong", [v for p in vocab.phrases("heads", "truong") for v in _wrapped(p)]),
                            ("pho", [v for p in vocab.phrases("heads", "pho") for v in _wrapped(p)]),
                            ("TITLE", vocab.phrases("titles", "position")),
                            ("cue", vocab.phrases("people", "cue")),
                            ("group", vocab.phrases("members", "group"))):
            self.lower.add(label, [nlp.make_doc(p) for p in rows])
        self.surnames = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.surnames.add("PER", [nlp.make_doc(p) for p in vocab.phrases("surnames")])
        self.years = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.years.add("YEAR", [nlp.make_doc(str(y)) for y in range(1990, 2040)])

    def written_as_head(self, span: Span) -> bool:
        words = tuple(t.text for t in span if not t.is_space)
        key = " ".join(t.lower_ for t in span if not t.is_space)
        return any(words[:len(form)] == form for form in self.head_forms.get(key, ()))

    def __call__(self, doc: Doc) -> Doc:
        found = Found.of(doc, self)
        doc.spans["unit_mentions"] = found.units()
        doc.spans["role_mentions"] = found.roles
        doc.spans["year_mentions"] = [Span(doc, s, e, label="YEAR") for _, s, e in self.years(doc)]
        doc.spans["title_mentions"] = filter_spans(found.titles)
        in_units = {i for u in doc.spans["unit_mentions"] for i in range(u.start, u.end)}
        doc.spans["person_mentions"] = [p for p in found.people() if p.start not in in_units]
        ctx = doc._.context
        if ctx is not None:
            ctx.units = UnitIndex.of(doc.spans["unit_mentions"])
        return doc


@dataclass
class Found:
    """What the matchers found in one Doc, by token index."""

    doc: Doc
    layer: SpanLayer
    heads: dict[int, int]  # head word start token -> end token
    places: dict[int, int]
    stops: set[int]
    events: set[int]
    groups: set[int]
    comma_names: list[tuple[int, int]]
    roles: list[Span]
    role_starts: set[int]
    titles: list[Span]
    cues: set[int]

    @classmethod
    def of(cls, doc: Doc, layer: SpanLayer) -> Found:
        heads: dict[int, int] = {}
        for _, s, e in layer.heads(doc):
            if e > heads.get(s, s) and layer.written_as_head(doc[s:e]):
                heads[s] = e
        places = {s: e for _, s, e in layer.places(doc)}
        by_label: dict[str, list[tuple[int, int]]] = {}
        for label, s, e in layer.lower(doc):
            by_label.setdefault(doc.vocab.strings[label], []).append((s, e))
        roles = filter_spans([Span(doc, s, e, label=lab) for lab in ("truong", "pho") for s, e in by_label.get(lab, [])
                              if _whole(doc, s, e)])
        titles = [Span(doc, s, e, label="TITLE") for s, e in by_label.get("TITLE", []) if _whole(doc, s, e)]
        events = {s for s, _ in by_label.get("event", [])}
        return cls(doc, layer, {s: e for s, e in heads.items() if s not in events}, places,
                   {s for s, _ in by_label.get("stop", [])}, events, {s for s, _ in by_label.get("group", [])},
                   by_label.get("comma_name", []), roles, {r.start for r in roles}, titles,
                   {e for _, e in by_label.get("cue", [])})

    # units
    def units(self) -> list[Span]:
        doc, out = self.doc, []
        for s, e in self.heads.items():
            out.append(Span(doc, s, self.extent(s, e, headed=True), label="UNIT"))
        for s, e in self.places.items():
            if e < len(doc) and _capitalised(doc[e]) and doc[e - 1].whitespace_ and s not in self.heads:
                out.append(Span(doc, s, self.extent(s, e, headed=False), label="UNIT"))
        return filter_spans([sp for sp in out if sp.end > sp.start])

    def extent(self, start: int, head_end: int, headed: bool) -> int:
        """The token after the unit that starts at `start` and whose head or place word ends at `head_end`."""
        doc = self.doc
        end = self._read(head_end)
        if headed and end == head_end:
            end = self._number(end)
        while True:
            grown = self._comma_name(start, end) or (self._and(start, end) if headed else None)
            if grown is None:
                break
            end = grown
        last = doc[end - 1].text
        if headed and last.islower() and last.lower() not in place_words():
            # a head word alone ("Bệnh viện | đa khoa tỉnh") goes on only up to a place word
            end = self._lower_tail(end, to_place=end == head_end)
            if doc[end - 1].lower_ in place_words() and end < len(doc) and _capitalised(doc[end]):
                end = self._read(end)  # "Liên minh hợp tác xã tỉnh | Sóc Trăng"
        return end

    def _read(self, i: int) -> int:
        """Read the name's tokens from token i; returns the end token (trailing joiners trimmed)."""
        doc, n = self.doc, len(self.doc)
        end = i
        caps = 0  # capitalised syllables of a proper name just read (not head words or abbreviations)
        while i < n:
            t = doc[i]
            if t.is_space:
                if t.text == "\n" and i + 1 < n and doc[i + 1].is_alpha and doc[i + 1].text.islower() and \
                        i == end:
                    i += 1
                    continue
                break
            if not t.is_alpha:
                if not self._glue(i):
                    break
                i += 1
                continue
            if i > end and not doc[i - 1].is_space and not self._glue(i - 1):
                break
            if _capitalised(t):
                caps = 0 if (i in self.heads or _abbreviation(t)) else caps + 1
            else:
                low = t.text.lower()
                if i in self.stops:
                    break
                if low not in place_words() and low not in JOINERS:
                    prev = doc[i - 1] if i > 0 else None
                    if not (prev is not None and _capitalised(prev) and not _abbreviation(prev) and caps < 2):
                        break  # "Sở Tư pháp" goes on, "huyện Gia Lộc tiếp tục" does not
                caps = 0
            i += 1
            end = i
        while end > 0 and doc[end - 1].text.lower() in _TRAILING:
            end -= 1
        return end

    def _glue(self, i: int) -> bool:
        """Punctuation that joins two parts of one name: "Lao động - Thương binh", "TP. Hồ Chí Minh", "&"."""
        doc = self.doc
        t = doc[i]
        nxt = doc[i + 1] if i + 1 < len(doc) else None
        if nxt is None or not nxt.is_alpha or i == 0 or not doc[i - 1].is_alpha:
            return False
        if t.text == "." and doc[i - 1].text in ("TP", "Tp") and t.whitespace_ and _capitalised(nxt):
            return True
        if t.text not in _GLUE:
            return False
        # " - đơn vị ...", " - Cụm trưởng": a clause, not the name
        clause = not _capitalised(nxt) or nxt.lower_ in _ROLE_AFTER_DASH
        return not (t.text == "-" and doc[i - 1].whitespace_ and clause)

    def _number(self, end: int) -> int:
        """"Lữ đoàn 962", "Hải đoàn 38": a number after the head word is its name, unless it counts something."""
        doc = self.doc
        if end >= len(doc) or not doc[end - 1].whitespace_ or not doc[end].is_digit or len(doc[end].text) > 4:
            return end
        after = doc[end + 1] if end + 1 < len(doc) else None
        if after is not None and not doc[end].whitespace_ and after.text in "/.,:-" and end + 2 < len(doc) \
                and doc[end + 2].is_digit:
            return end
        nxt = end + 1 if after is None or not after.is_space else end + 2
        if nxt < len(doc) and (doc[nxt].lower_ in _MEASURES or nxt in self.groups):
            return end
        return end + 1

    def _comma_name(self, start: int, end: int) -> int | None:
        for s, e in self.comma_names:
            if start <= s < end < e:
                return self._read(e) if e < len(self.doc) and self.doc[e - 1].whitespace_ else e
        return None

    def _and(self, start: int, end: int) -> int | None:
        """"Sở Lao động - Thương binh và Xã hội": "và" after a lower-case word, inside a headed name."""
        doc = self.doc
        if end + 1 >= len(doc) or doc[end].lower_ != "và" or not doc[end - 1].text.islower() or \
                doc[end - 1].lower_ in place_words():
            return None  # "Bệnh viện Phổi tỉnh và ...": after its place, a name is complete
        nxt = end + 1
        if nxt in self.heads or nxt in self.role_starts or doc[nxt].lower_ in ("cụm", "khối") or \
                not _capitalised(doc[nxt]):
            return None
        if nxt in self.places and not (self.places[nxt] < len(doc) and not _capitalised(doc[self.places[nxt]])):
            return None  # "... và xã Bình Thành": a second unit ("Xã hội" goes on in lower case)
        grown = self._read(nxt)
        return grown if grown > nxt else None

    def _lower_tail(self, end: int, to_place: bool = False) -> int:
        """"Hội Chữ thập | đỏ tỉnh", "Sở Giao thông | vận tải được bầu": a head word's name that goes on in lower
        case, up to six words; it ends on its last place word ("Bệnh viện đa khoa tỉnh phong tặng"), else where
        the phrase ends: a verb or preposition of the stop list, punctuation, the end of the line."""
        doc, i, last_place = self.doc, end, None
        while i < len(doc) and i - end < 6:
            t = doc[i]
            if not t.is_alpha or not t.text.islower() or i in self.stops or i in self.role_starts or \
                    t.lower_ in ("và", "thi") or (i > end and not doc[i - 1].whitespace_):
                break
            if t.lower_ in place_words():
                last_place = i + 1
            i += 1
        if last_place is not None:
            return last_place
        if 0 < i - end <= 2 and i < len(doc) and _capitalised(doc[i]) and i not in self.heads:
            return self._read(i)  # "Đoàn Thanh niên | cộng sản | Hồ Chí Minh tỉnh"
        if to_place or i == end or i - end >= 6 or (i < len(doc) and doc[i].is_alpha and i not in self.stops):
            return end
        return i

    # people
    def people(self) -> list[Span]:
        """A run of two to five capitalised syllables that opens with a family name or follows a cue."""
        doc, out, after = self.doc, [], -1
        for i in sorted({s for _, s, _ in self.layer.surnames(doc)} | {c for c in self.cues if c < len(doc)}):
            if i < after or not _capitalised(doc[i]) or _abbreviation(doc[i]):
                continue
            j = i + 1
            while j < len(doc) and j - i < 5 and _capitalised(doc[j]) and not _abbreviation(doc[j]) and \
                    doc[j - 1].whitespace_ == " " and j not in self.heads:
                j += 1
            if 2 <= j - i <= 5:
                out.append(Span(doc, i, j, label="PER"))
                after = j
        return out


def _wrapped(phrase: str) -> list[str]:
    """The phrase, and the phrase hard-wrapped at each of its spaces ("Khối\nphó"): one token per line break."""
    words = phrase.split()
    return [" ".join(words)] + [" ".join(words[:i]) + " \n" + " ".join(words[i:]) for i in range(1, len(words))]


def _whole(doc: Doc, s: int, e: int) -> bool:
    """A match that is not part of a longer word."""
    return (s == 0 or not doc[s - 1].is_alpha or doc[s - 1].whitespace_ != "") and \
        (e >= len(doc) or not doc[e].is_alpha or doc[e - 1].whitespace_ != "")


# look-ups for the unit readers (extractors/units.py), over the text that carries the layer
def unit_ending(text: str, pos: int, floor: int) -> tuple[int, int] | None:
    """The span layer's UNIT that ends just before `pos` (spaces between), or before the short form in brackets
    that ends there ("Công ty Điện lực Vĩnh Long (PC Vĩnh Long) đạt ...")."""
    index = text.units
    end = len(text[:pos].rstrip())
    if text[end - 1:end] == ")":
        opening = text.rfind("(", max(floor, end - 40), end)
        end = len(text[:opening].rstrip()) if opening > floor else end
    start = index.ends.get(end)
    return (start, end) if start is not None and start >= floor else None


def unit_starting(text: str, pos: int, ceiling: int) -> tuple[int, int] | None:
    """The span layer's UNIT that starts at `pos` or just after it (spaces between), within `ceiling`."""
    start = pos + len(text[pos:pos + 8]) - len(text[pos:pos + 8].lstrip(" "))
    end = text.units.starts.get(start)
    return (start, end) if end is not None and end <= ceiling else None


def clipped(text, span: tuple[int, int] | None) -> tuple[int, int] | None:
    """A unit read from the string that opens with a UNIT of the span layer ends where that UNIT ends: never
    with the words after it ("Công an tỉnh Quảng Bình đại diện")."""
    if span is None:
        return None
    end = text.units.starts.get(span[0])
    return (span[0], end) if end is not None and end < span[1] else span
