"""What a person may type into the archive: bounded, storable the same way on SQLite and PostgreSQL.

A correction value, a user name or a reason is refused, with one line, when it is too big
(THIDUA_MAX_VALUE_KB, default 100 KB: a record is copied into its version snapshot on every
edit), nested too deeply, or holds something one of the two databases cannot store: a NUL
character, a lone surrogate, an integer beyond what the record's number columns hold, NaN or
infinity. So the same value is accepted, or refused, on both backends.
"""
from __future__ import annotations

import json
import math
from typing import Any

from pipeline.store.errors import InvalidCorrection, InvalidInput

MAX_DEPTH = 16  # GOLD_FORMAT values nest three levels; anything deeper is not a record value
INT_MIN, INT_MAX = -(2 ** 31), 2 ** 31 - 1  # the record's number columns (cluster number, year) are 32-bit


def max_value_bytes() -> int:
    from pipeline.settings import get_settings

    return int(get_settings().max_value_kb * 1024)


def check_text(what: str, text: str) -> None:
    """A string both databases store as typed: no NUL, no lone surrogate."""
    if "\x00" in text:
        raise InvalidCorrection(f"{what} contains a NUL character (\\u0000), which cannot be stored; remove it")
    bad = next((ch for ch in text if "\ud800" <= ch <= "\udfff"), None)
    if bad is not None:
        raise InvalidCorrection(f"{what} contains an invalid character (lone surrogate U+{ord(bad):04X}); "
                                "check the text's encoding")


def check_value(value: Any, what: str = "the value") -> None:
    """Refuse (InvalidCorrection, one line) what cannot be stored the same way everywhere."""
    _walk(value, what, 0)
    size = len(json.dumps(value, ensure_ascii=False).encode("utf-8"))
    limit = max_value_bytes()
    if size > limit:
        raise InvalidCorrection(f"{what} is {size / 1024:.0f} KB; a correction may hold at most {limit / 1024:.0f} KB "
                                "(THIDUA_MAX_VALUE_KB)")


def _walk(value: Any, what: str, depth: int) -> None:
    if depth > MAX_DEPTH:
        raise InvalidCorrection(f"{what} is nested more than {MAX_DEPTH} levels deep; a record value is not")
    if isinstance(value, bool) or value is None:
        return
    if isinstance(value, int):
        if not INT_MIN <= value <= INT_MAX:
            raise InvalidCorrection(f"{what} has the number {_short_int(value)}, out of range "
                                    f"({INT_MIN} to {INT_MAX})")
    elif isinstance(value, float):
        if not math.isfinite(value):
            raise InvalidCorrection(f"{what} has the number {value}, which cannot be stored; give a finite number")
    elif isinstance(value, str):
        check_text(what, value)
    elif isinstance(value, dict):
        for key, item in value.items():
            check_text(f"a key in {what}", str(key))
            _walk(item, what, depth + 1)
    elif isinstance(value, list):
        for item in value:
            _walk(item, what, depth + 1)


def _short_int(value: int) -> str:
    digits = str(abs(value)) if value.bit_length() < 10_000 else None
    if digits is None or len(digits) > 30:
        return f"{'-' if value < 0 else ''}(a {len(digits) if digits else 'many'}-digit number)"
    return str(value)


def parse_json_value(raw: str) -> Any:
    """VALUE as JSON ('"Hội trường A"', 2, null, {...}); anything that is not JSON is a string.
    JSON nested too deeply for the parser is refused with one line, not a traceback."""
    try:
        return json.loads(raw)
    except json.JSONDecodeError:
        return raw
    except RecursionError:
        raise InvalidCorrection(f"the value is nested more than {MAX_DEPTH} levels deep; a record value is not") \
            from None
    except ValueError as exc:  # Python's limit on the digits of an integer
        raise InvalidCorrection(f"the value cannot be read: {exc}") from None


def check_person(user: str, reason: str | None) -> None:
    """Who and why, as the audit log keeps them (the name column holds 200 characters everywhere)."""
    check_text("the user name", user)
    if len(user.strip()) > 200:
        raise InvalidCorrection("the user name is longer than 200 characters")
    if reason is not None:
        check_value(reason, "the reason")


def check_record_size(export: dict) -> None:
    """A record is copied into a version snapshot on every edit: keep it within ten values' size."""
    size = len(json.dumps(export, ensure_ascii=False).encode("utf-8"))
    limit = 10 * max_value_bytes()
    if size > limit:
        raise InvalidCorrection(f"the record would be {size / 1024:.0f} KB with this correction; a record may hold "
                                f"at most {limit / 1024:.0f} KB (10 x THIDUA_MAX_VALUE_KB)")


def cluster_number(cluster: str) -> int | None:
    """The number in `--cluster 2`, None for a name; digits that are no cluster number
    ("²", 99999999999999999999999) are refused with one line."""
    text = cluster.strip()
    if not text.isdigit():
        return None
    if not text.isascii() or len(text) > 9:
        raise InvalidInput(f"not a cluster number: {cluster!r} (give a number such as 2, or part of the name)")
    return int(text)
