"""Lists of units as reports write them: "gồm: A, B (Cụm phó), C và D", "và 02 Trung tâm Y tế
huyện A, Trung tâm Y tế huyện B", "và các sở: Tài chính, Dân tộc và Tôn giáo", a comma inside one
name ("Trung tâm Bảo trợ, chăm sóc người có công tỉnh")."""
from __future__ import annotations

import re
from functools import lru_cache

from extractors import vocab
from extractors.units import (
    _LOWER_TAIL_STOP,
    _head_word,
    _heads_or_places,
    _starts_unit,
    _stop_pattern,
    place_words,
    with_number,
)

_SEPARATORS = re.compile(r"\s*[,;](?!\d)\s*(?:và\s+)?|\s+(?:và|cùng với)\s+")


_SUBLIST = re.compile(r"(?:các|\d{1,2})\s+[^\W\d_]+(?:,\s*[^\W\d_]+)?\s*:")  # "... và các sở: A, B"
_COUNT = re.compile(r"\d{1,2}\s+(?=[A-ZĐ])")


@lru_cache(maxsize=1)
def _lower_head_start() -> re.Pattern:
    """A unit written with a lower-case head of two words or more ("công ty TNHH Hoàng Long")."""
    heads = [h.lower() for h in vocab.phrases("units", "head") if len(h.split()) >= 2]
    return re.compile(rf"(?:{vocab.alternation(heads)})\s")


def _lower_continuation(piece: str) -> bool:
    """Lower-case words with no verb or joiner, ending in a place word ("chăm sóc người có công tỉnh")."""
    piece = piece.strip(" .")
    words_ = piece.split()
    return bool(words_) and piece == piece.lower() and len(words_) <= 8 and words_[-1] in place_words() \
        and words_[0] not in place_words() and not _LOWER_TAIL_STOP.search(piece)


def unit_list_after(text: str, pos: int, end: int, headed: bool = False, numbered: bool = False
                    ) -> list[tuple[int, int]]:
    """Units enumerated from `pos`: "A, B (Cụm phó), C và D". The list ends at the first piece
    that does not start like a unit or that runs on into a clause ("... và Tuyên Quang tổ chức").
    "và" joins two units unless it sits inside one name ("Sở Kế hoạch và Đầu tư"); `headed` says
    the items share an implied head ("các sở: Giáo dục và Đào tạo, ...")."""
    items: list[tuple[int, int]] = []
    cursor = pos
    while cursor < end:
        sep = _next_separator(text, cursor, end, _heads_or_places(), _head_word(), headed)
        piece_end = sep.start() if sep else end
        if items and text[cursor - 2:cursor] == ", " and _lower_continuation(text[cursor:piece_end]):
            # "Trung tâm Bảo trợ, chăm sóc người có công tỉnh": the comma is inside the name
            items[-1] = (items[-1][0], cursor + len(text[cursor:piece_end].rstrip(" .")))
            closed = False
        else:
            # "Công ty cà phê 704, 734 và 731": a bare number after a numbered item is named like it
            numbered_like = bool(items) and text[items[-1][1] - 1].isdigit()
            number = _NUMBER_ITEM.match(text, cursor, piece_end) if numbered or numbered_like else None
            item, closed = ((cursor, number.end()), False) if number else _list_item(text, cursor, piece_end)
            if item is None:
                break
            items.append(item)
        if closed or not sep:
            break
        cursor = sep.end()
    return items


_GIVES = re.compile(r"\s+(?:trao\s+)?tặng\b", re.IGNORECASE)


def recipients_after(text: str, pos: int, end: int) -> list[tuple[int, int]]:
    """Units an award goes to ("... cho A và B; UBND tỉnh tặng bằng khen cho C"): the list after "cho", without
    the giver of the next award, who opens a new clause."""
    return [span for span in unit_list_after(text, pos, end) if not _GIVES.match(text, span[1])]


_NUMBER_ITEM = re.compile(r"\d{1,3}(?=\s*(?:[,;.]|và\b|$))")  # "các quận: 7, 12, Bình Tân": quận 7, quận 12
_PLACE_GROUP = re.compile(r"các\s+(?=\w+\s+[A-ZĐÀ-Ỵ])")
_INNER_PLACE_GROUP = re.compile(r"(?<=\s)các\s+(?=\w+\s+[A-ZĐÀ-Ỵ])")


def _list_item(text: str, start: int, piece_end: int) -> tuple[tuple[int, int] | None, bool]:
    """One item of a list and whether the list closes after it (it ran on into a clause)."""
    count = _COUNT.match(text, start, piece_end)
    if count:
        start = count.end()  # "và 02 Trung tâm Y tế huyện A, Trung tâm Y tế huyện B"
    lead = _PLACE_GROUP.match(text, start, piece_end)
    if lead and lead.end() < piece_end and text[lead.end():piece_end].split()[0].lower() in place_words():
        start = lead.end()  # "và các huyện Châu Thành"
    inner = _INNER_PLACE_GROUP.search(text, start, piece_end) if _head_word().match(text, start) else None
    if inner and text[inner.end():piece_end].split()[0].lower() in place_words():
        start = inner.end()  # "Liên đoàn Lao động các huyện Phú An, Tân Lập": the units are the places
    # a remark in parentheses belongs to the item: "Mỹ Thạnh (cụm trưởng"
    stop_m = _stop_pattern().search(text, start, piece_end)
    stop = stop_m.start() if stop_m else piece_end
    number = _NUMBER_ITEM.match(text, stop + 1, piece_end) if stop_m and stop_m.group("num") else None
    if number and not text[number.end():piece_end].strip():
        stop = number.end()  # "Công ty cà phê 704": the number closing the item is its name
    while stop > start and text[stop - 1] in " .:-":
        stop -= 1
    piece = text[start:stop]
    # a headed name may run long ("Ban Quản lý dự án đầu tư xây dựng các công trình giao thông tỉnh")
    longest = 20 if _head_word().match(piece) else 12
    if not piece or not (piece[0].isupper() or piece.split()[0].lower() in place_words()
                         or _lower_head_start().match(piece) or _lower_head_then_name(piece)) \
            or len(piece.split()) > longest:
        return None, True
    if not all(_looks_like_name_word(w) for w in piece.split()):
        return None, True
    closed = bool(stop_m) and not any(stop_m.group(g) for g in ("data", "num", "paren", "role"))
    return with_number(text, (start, stop)), closed


def _lower_head_then_name(piece: str) -> bool:
    """A head word written in lower case before a capitalised name ("sở Tư pháp", "ban Dân tộc tỉnh")."""
    words_ = piece.split()
    return len(words_) > 1 and words_[1][:1].isupper() and bool(_head_word().fullmatch(words_[0].capitalize()))


def _looks_like_name_word(word: str) -> bool:
    return bool(re.match(r"[\w&’'.,\-–]+$", word))


def _next_separator(text: str, pos: int, end: int, heads, head_only, headed: bool):
    """The next list separator, skipping "và" inside one unit name and commas inside parentheses."""
    protected = [(m.start(), m.end()) for m in vocab.compiled("units", "comma_name").finditer(text, pos, end)]
    for m in _SEPARATORS.finditer(text, pos, end):
        if any(a <= m.start() < b for a, b in protected):
            continue  # "Sở Văn hóa, Thể thao và Du lịch" is one name
        if m.group(0).strip() == "và":
            first = text[pos:m.start()]
            numbers = first.rstrip()[-1:].isdigit() and _NUMBER_ITEM.match(text, m.end())
            if numbers or _names_meet(text, m.start(), m.end()) or _SUBLIST.match(text, m.end()):
                return m  # "Chi cục Thuế và Cảng vụ Hàng hải": a name ended, another begins
            first_is_headed = headed or bool(head_only.match(first))
            if first_is_headed and not _starts_unit(text, m.end(), heads):
                continue
        return m
    return None


_FOREIGN_NAMED = re.compile(r"\s*(?:[^\W\d_][^\s,;.()]*\s+){1,4}(?:Group|Corporation|Corp|JSC|Holdings|Company)\b")


def _names_meet(text: str, before: int, after: int) -> bool:
    """After a capitalised word, "và" starts a second unit when a count ("và 02 Trung tâm ...") or a name
    in the foreign company style ("và Phú Mỹ Group") follows."""
    if re.match(r"\d{1,2}\s+[A-ZĐ]", text[after:after + 8]):
        return True
    prev = text[max(0, before - 30):before].split()
    return bool(prev and prev[-1][0].isupper() and _FOREIGN_NAMED.match(text, after))
