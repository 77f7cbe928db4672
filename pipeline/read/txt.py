"""Plain text in UTF-8 (with or without BOM), UTF-16, Windows-1258, or pre-Unicode Vietnamese
(TCVN3, VNI, VIQR: chosen by which reads most like Vietnamese, pipeline/read/legacy.py)."""
from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from pipeline.read import legacy, limits
from pipeline.read.document import Origin, ReadError, ReadResult

# Letters only Vietnamese text uses; a decoding that yields many of them is the right one.
_VIETNAMESE = re.compile(r"[ăâđêôơưĂÂĐÊÔƠƯ\u0300\u0301\u0303\u0309\u0323àáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def read(data: bytes) -> ReadResult:
    limits.check_bytes_for_text(len(data))
    try:
        text, encoding = decode(data)
    except ReadError:
        if b"\x00" in data[:4096]:
            raise
        text, encoding = legacy.cp1252_view(data), "unknown"  # no code page fits: maybe TCVN3 (C0 codes)
    limits.check_text_length(len(text))  # before the legacy readings, which cost time per character
    trial = legacy.best_reading(text, _byte_readings(data, encoding))
    if trial.encoding:
        text, encoding = trial.text, trial.encoding
    if len(_CONTROL.findall(text)) > max(3, len(text) // 200):
        raise ReadError("binary data, not text", "is this really a text report? check the file type")
    stray = text.count("\ufffd")
    warnings = [f"{stray} byte(s) that are not valid {encoding} shown as \ufffd"] if stray else []
    return ReadResult(text=text.replace("\r\n", "\n").replace("\r", "\n"), origin=Origin.TEXT, encoding=encoding,
                      conversion=trial.encoding, plausibility=trial.score.score, warnings=warnings)


def _byte_readings(data: bytes, encoding: str) -> dict[str, str]:
    """Legacy readings of the bytes themselves (a code-page decoding would have garbled them)."""
    if encoding.startswith(("utf-8", "utf-16")):
        return {}
    return {legacy.TCVN3: legacy.decode_tcvn3(data), legacy.VNI: legacy.vni_to_unicode(legacy.cp1252_view(data))}


def decode(data: bytes) -> tuple[str, str]:
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(enc, errors="replace"), enc
    if b"\x00" in data[:4096]:
        even, odd = data[0:4096:2].count(0), data[1:4096:2].count(0)
        if odd > len(data[:4096]) // 4:
            return _strict(data, "utf-16-le")
        if even > len(data[:4096]) // 4:
            return _strict(data, "utf-16-be")
        raise ReadError("binary data, not text", "is this really a text report? check the file type")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    # UTF-8 with a few stray bytes: legacy code pages would turn every Vietnamese letter into
    # mojibake, so keep UTF-8 and let the stray bytes show as U+FFFD.
    lossy = data.decode("utf-8", errors="replace")
    stray = lossy.count("\ufffd")
    if sum(ord(ch) > 0x7f for ch in lossy) - stray >= 10 * stray:
        return lossy, "utf-8"
    candidates = []
    for enc in ("cp1258", "cp1252"):
        try:
            decoded = data.decode(enc)
        except UnicodeDecodeError:
            continue
        candidates.append((len(_VIETNAMESE.findall(decoded)), enc, decoded))
    best = from_bytes(data).best()
    if best is not None and best.encoding not in ("cp1258", "cp1252"):
        decoded = str(best)
        candidates.append((len(_VIETNAMESE.findall(decoded)), best.encoding, decoded))
    if not candidates:
        raise ReadError("unknown text encoding", "save the file as UTF-8")
    _, enc, decoded = max(candidates, key=lambda c: c[0])
    return decoded, enc


def _strict(data: bytes, enc: str) -> tuple[str, str]:
    try:
        return data.decode(enc), enc
    except UnicodeDecodeError:
        raise ReadError("binary data, not text", "is this really a text report? check the file type") from None
