"""What staff read on the page instead of the archive's names: fields ("Người tham dự 1 · chức
vụ" for `participants[0].title`), stored values without JSON punctuation, and review reasons in
words a clerk reads ("Loại cuộc họp chưa chắc chắn", not "low confidence: meeting.kinds[0]")."""
from __future__ import annotations

import re

def show(value) -> str:
    """A stored value as staff read it (the template escapes it): no JSON punctuation."""
    if value is None or value == [] or value == "":
        return "—"
    if isinstance(value, dict):
        return ", ".join(f"{k}: {show(v)}" for k, v in value.items() if v is not None)
    if isinstance(value, list):
        return "; ".join(show(v) for v in value)
    return str(value)


FIELD_NAMES = {"title": "Tiêu đề", "published": "Ngày đăng", "author": "Tác giả", "meeting.date": "Ngày họp",
               "meeting.kinds": "Loại cuộc họp", "meeting.period": "Năm thi đua", "meeting.venue": "Địa điểm",
               "cluster": "Cụm/khối", "members": "Đơn vị thành viên", "participants": "Người tham dự",
               "ranks": "Xếp hạng", "heads": "Trưởng/phó cụm", "legal_refs": "Văn bản pháp lý"}
ATTR_NAMES = {"name": "họ tên", "title": "chức vụ", "organization": "cơ quan", "unit": "đơn vị", "rank": "hạng",
              "score": "điểm", "role": "vai trò", "year": "năm", "kind": "loại", "number": "số"}


def field_label(path: str | None) -> str:
    """`participants[0].title` as staff say it: "Người tham dự 1 · chức vụ"."""
    if not path or path in FIELD_NAMES:
        return FIELD_NAMES.get(path or "", "")
    match = re.match(r"^([a-z_.]+?)(?:\[(\d+)\])?(?:\.([a-z_]+))?$", path)
    if not match or match[1] not in FIELD_NAMES and match[1].split(".")[0] != "cluster":
        return path
    base = FIELD_NAMES.get(match[1]) or f"{FIELD_NAMES['cluster']} · {ATTR_NAMES.get(match[1].split('.')[1], '')}"
    text = f"{base} {int(match[2]) + 1}" if match[2] is not None else base
    return f"{text} · {ATTR_NAMES.get(match[3], match[3])}" if match[3] else text


def _subject(path: str) -> str:
    """A field path as the subject of a sentence; a meeting's kinds are one question, whichever item."""
    if path.startswith("meeting.kinds"):
        return FIELD_NAMES["meeting.kinds"]
    return field_label(path) or path


def reason_text(reason: dict | str) -> str:
    """A review reason (a stored dict {"kind", "field", "message", ...}) in Vietnamese."""
    if isinstance(reason, str):  # a bare message
        return reason
    kind, field = reason.get("kind", "conflict"), str(reason.get("field") or "")
    if kind == "low_confidence":
        subjects = list(dict.fromkeys(_subject(f) for f in reason.get("fields") or [field]))
        more = f" và {len(subjects) - 3} mục khác" if len(subjects) > 3 else ""
        return f"{', '.join(subjects[:3])}{more} chưa chắc chắn: máy đọc được nhưng không chắc, hãy đối chiếu văn bản"
    if kind == "empty":
        return "Máy không tìm được thông tin nào ngoài tiêu đề: đối chiếu văn bản và nhập tay"
    if kind == "extractor_failed":
        return f"Máy không trích xuất được {_subject(field).lower()}: để trống, hãy nhập tay"
    if kind == "text_loss":
        return "Một phần văn bản không đọc được: đối chiếu các giá trị với tệp gốc"
    if kind == "misspelling":
        where = f" ({reason['province']})" if reason.get("province") else ""
        return (f"{_subject(field)}: “{reason.get('written', '')}” không có trong danh mục đơn vị hành chính; "
                f"có phải là “{reason.get('proposed', '')}”{where}? Nếu đúng, hãy sửa tên đơn vị")
    if kind == "implausible":
        return "Văn bản đọc được có thể sai chữ: đối chiếu các giá trị với tệp gốc"
    return f"{_subject(field)}: máy đọc lại văn bản và nay khác với giá trị người đã sửa (giá trị sửa vẫn được giữ)"
