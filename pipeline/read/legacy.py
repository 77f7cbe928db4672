"""Pre-Unicode Vietnamese text: TCVN3 (ABC, the .VnTime fonts), VNI (VNI-Times) and VIQR.

Text typed in a legacy font reaches us as the font's byte values read as Windows-1252 letters:
TCVN3 "Héi nghÞ" and VNI "Hoäi nghò" are both "Hội nghị". Where the font is known (a .docx
run, a PDF character) its name says which table to use; otherwise every table is tried and the
one whose output reads most like Vietnamese (pipeline/normalise/vietnamese.py) wins.

Tables:
- TCVN3: glibc's TCVN5712-1 (`iconv -f TCVN5712-1`) for bytes 0xA1-0xFF, the range the
  .VnTime fonts use (tests compare it with iconv byte by byte). Bytes 0x80-0xA0 are left alone:
  Word files typed in .VnTime use them for curly quotes and dashes. Capitals typed in the "H"
  fonts (.VnTimeH) use the lower-case codes and are upper-cased by font name.
- VNI (Windows): a base letter followed by mark characters; built below from its rules.
- VIQR (RFC 1456): ASCII marks after the vowel: a( a^ e^ o^ o+ u+ dd, tones ' ` ? ~ .
  (in a run of three D's, "GDDDT", the pair is the last two: GDĐT).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from pipeline.normalise.vietnamese import Plausibility, plausibility, valid_letters

TCVN3, TCVN3_CAPS, VNI, VIQR = "tcvn3", "tcvn3-caps", "vni", "viqr"

# glibc TCVN5712-1, bytes 0xA1..0xFF (0xB0-0xB4 are combining tone marks)
_TCVN3_HIGH = ("ĂÂÊÔƠƯĐăâêôơưđẰ\u0300\u0309\u0303\u0301\u0323àảãáạẲằẳẵắẴẮẦẨẪẤỀặầẩẫấậèỂẻẽéẹềểễếệìỉỄẾỒĩíịòỔỏõóọ"
               "ồổỗốộờởỡớợùỖủũúụừửữứựỳỷỹýỵỐ")
# A PDF text layer made with a .VnTime font gives U+2212 for the soft-hyphen code 0xAD (ư)
# and U+2219 for 0xB7 (ã); both only count as letters next to a letter.
_PDF_SUBSTITUTES = re.compile(r"(?<=[^\W\d_])[\u2212\u2219]|[\u2212\u2219](?=[^\W\d_])")


# The rest of TCVN 5712 (VN1): the capitals with tones that a TCVN3 text file carries in
# 0x80-0x9F and in control codes that are not line breaks or tabs.
_TCVN3_LOW = dict(zip([0x01, 0x02, 0x04, 0x05, 0x06, *range(0x11, 0x18)], "ÚỤỪỬỮỨỰỲỶỸÝỴ", strict=True))
_TCVN3_C1 = "ÀẢÃÁẠẶẬÈẺẼÉẸỆÌỈĨÍỊÒỎÕÓỌỘỜỞỠỚỢÙỦŨ"


@lru_cache(maxsize=1)
def _tcvn3_table() -> dict[int, str]:
    return {0xA1 + i: ch for i, ch in enumerate(_TCVN3_HIGH)}


@lru_cache(maxsize=1)
def _tcvn3_bytes_table() -> dict[int, str]:
    return {**_TCVN3_LOW, **{0x80 + i: ch for i, ch in enumerate(_TCVN3_C1)}, **_tcvn3_table()}


def decode_tcvn3(data: bytes) -> str:
    """A TCVN 5712 byte stream (a .txt file), as `iconv -f TCVN5712-1` reads it."""
    return unicodedata.normalize("NFC", data.decode("latin-1").translate(_tcvn3_bytes_table()))


def tcvn3_to_unicode(text: str, capitals: bool = False) -> str:
    """TCVN3 text seen as Windows-1252/Latin-1 characters -> Unicode (NFC)."""
    text = _PDF_SUBSTITUTES.sub(lambda m: "\xad" if m.group(0) == "\u2212" else "\xb7", text)
    out = unicodedata.normalize("NFC", text.translate(_tcvn3_table()))
    return out.upper() if capitals else out


# --- VNI ---------------------------------------------------------------------------------------
_VNI_TONES = {"ù": "\u0301", "ø": "\u0300", "û": "\u0309", "õ": "\u0303", "ï": "\u0323"}
_VNI_CIRCUMFLEX = {"â": "", "á": "\u0301", "à": "\u0300", "å": "\u0309", "ã": "\u0303", "ä": "\u0323"}
_VNI_BREVE = {"ê": "", "é": "\u0301", "è": "\u0300", "ú": "\u0309", "ü": "\u0303", "ë": "\u0323"}
_VNI_SINGLE = {"ñ": "đ", "ô": "ơ", "ö": "ư", "í": "í", "ì": "ì", "æ": "ỉ", "ó": "ĩ", "ò": "ị", "î": "ỵ"}


@lru_cache(maxsize=1)
def _vni_pairs() -> dict[str, str]:
    """VNI sequence -> Unicode letter, for every case combination of base and mark."""
    pairs: dict[str, str] = {}

    def add(seq: str, letter: str) -> None:
        letter = unicodedata.normalize("NFC", letter)
        for base_upper in (False, True):
            for mark_upper in (False, True):
                source = (seq[0].upper() if base_upper else seq[0]) + \
                         "".join(c.upper() if mark_upper else c for c in seq[1:])
                pairs.setdefault(source, letter.upper() if base_upper else letter)

    for single, letter in _VNI_SINGLE.items():
        add(single, letter)
    for base in "aeiouy":
        for mark, tone in _VNI_TONES.items():
            add(base + mark, base + tone)
    for horn, letter in (("ô", "ơ"), ("ö", "ư")):
        for mark, tone in _VNI_TONES.items():
            add(horn + mark, letter + tone)
    for base in "aeo":
        for mark, tone in _VNI_CIRCUMFLEX.items():
            add(base + mark, base + "\u0302" + tone)
    for mark, tone in _VNI_BREVE.items():
        add("a" + mark, "a\u0306" + tone)
    return pairs


@lru_cache(maxsize=1)
def _vni_pattern() -> re.Pattern:
    keys = sorted(_vni_pairs(), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, keys)))


def vni_to_unicode(text: str) -> str:
    pairs = _vni_pairs()
    return unicodedata.normalize("NFC", _vni_pattern().sub(lambda m: pairs[m.group(0)], text))


# --- VIQR --------------------------------------------------------------------------------------
_VIQR_TONES = {"'": "\u0301", "`": "\u0300", "?": "\u0309", "~": "\u0303", ".": "\u0323"}
_VIQR_SHAPES = {"(": "\u0306", "^": "\u0302", "+": "\u031b"}
_VIQR = re.compile(r"\\([(^+'`?~.])|([dD])([dD])(?=(?:[dD]{2})*(?![dD]))|([aeiouyAEIOUY])([(^+])?([`'?~.])?")


def viqr_to_unicode(text: str) -> str:
    def one(m: re.Match) -> str:
        if m.group(1):  # "\." is a literal full stop
            return m.group(1)
        if m.group(2):
            return "Đ" if m.group(2) == "D" else "đ"
        vowel, shape, tone = m.group(4), m.group(5), m.group(6)
        if shape and not _shape_fits(vowel, shape):
            return m.group(0)
        if tone in (".", "?") and _ends_sentence(m.string, m.end()):
            return unicodedata.normalize("NFC", vowel + (_VIQR_SHAPES[shape] if shape else "")) + tone
        return unicodedata.normalize("NFC", vowel + (_VIQR_SHAPES[shape] if shape else "")
                                     + (_VIQR_TONES[tone] if tone else ""))

    return _VIQR.sub(one, text)


def _shape_fits(vowel: str, shape: str) -> bool:
    return vowel.lower() in {"(": "a", "^": "aeo", "+": "ou"}[shape]


def _ends_sentence(text: str, end: int) -> bool:
    """RFC 1456 escapes a full stop after a vowel ("\\."); an unescaped one is still taken as
    punctuation at the end of a line or of the text, where files written by hand leave them."""
    rest = text[end:end + 1]
    return not rest or rest in "\n\r"


# --- choosing ----------------------------------------------------------------------------------
CONVERTERS = {TCVN3: tcvn3_to_unicode, VNI: vni_to_unicode, VIQR: viqr_to_unicode}
_LEGACY_SIGNS = {TCVN3: re.compile(r"[\xa1-\xae\xb5-\xfe]"), VNI: re.compile(r"[a-zA-Z][\xc0-\xfc]|[ñÑöÖ]")}


@dataclass(frozen=True)
class Trial:
    encoding: str | None  # None: the text as it was
    text: str
    score: Plausibility


def best_reading(text: str, readings: dict[str, str] | None = None) -> Trial:
    """The text as given, or with its TCVN3, VNI or VIQR lines converted (or one of `readings`,
    other decodings of the same bytes): whichever reads most like Vietnamese. A conversion must
    make at least three more words valid Vietnamese to be chosen."""
    best = Trial(None, text, plausibility(text))
    if not _LEGACY_CHARS.search(text):
        return best  # plain ASCII without VIQR marks, or Unicode beyond Latin-1 only
    # Other decodings of the bytes first (the most faithful), then each table on the whole text,
    # then on the lines that read better converted; a later one must do clearly better.
    wholes = [(name, convert(text)) for name, convert in CONVERTERS.items()]
    lines = [(name, _by_line(text, whole)) for name, whole in wholes]
    for name, converted in [*(readings or {}).items(), *wholes, *lines]:
        if converted == text:
            continue
        trial = Trial(name, converted, plausibility(converted))
        if trial.score.score > best.score.score and trial.score.valid >= best.score.valid + 3:
            best = trial
    return best


_LEGACY_CHARS = re.compile(r"[\x80-\xff]|[aeiouyAEIOUY][(^+'`?~.]|[dD][dD]")


def _by_line(text: str, whole: str) -> str:
    """Only the lines that read better converted (`whole` is the text converted): a file can mix
    Unicode and legacy lines, and a table applied to Unicode Vietnamese garbles it (TCVN3 reads
    "à" as "Ổ")."""
    if whole == text or whole.count("\n") != text.count("\n"):
        return text
    out = []
    for line, converted in zip(text.split("\n"), whole.split("\n"), strict=True):
        keep = converted == line or valid_letters(converted) <= valid_letters(line)
        out.append(line if keep else converted)
    return "\n".join(out)


def looks_legacy(text: str) -> str | None:
    """Which legacy encoding raw text resembles (for the failure message), or None."""
    letters = max(1, sum(ch.isalpha() for ch in text))
    for name, sign in _LEGACY_SIGNS.items():
        if 0.03 < len(sign.findall(text)) / letters < 0.4:  # random bytes are not a legacy text
            return name
    return None


_SUBSET = re.compile(r"^[A-Z]{6}\+")
_STYLE = re.compile(r"[,-](Bold|Italic|BoldItalic|Regular|Oblique)\w*$", re.IGNORECASE)


@lru_cache(maxsize=1024)
def font_encoding(font: str | None) -> str | None:
    """The legacy encoding a font name implies: .VnTime -> tcvn3, .VnTimeH -> tcvn3-caps,
    VNI-Times -> vni; None for a Unicode font (PDF subset prefixes and styles ignored)."""
    if not font:
        return None
    name = _STYLE.sub("", _SUBSET.sub("", font.strip()))
    if re.match(r"vni[-_ ]", name, re.IGNORECASE):
        return VNI
    if re.match(r"\.?vn", name, re.IGNORECASE):
        return TCVN3_CAPS if name.endswith("H") else TCVN3
    return None


def convert_run(text: str, encoding: str | None) -> str:
    """One run of text in a font whose encoding is known."""
    if encoding in (TCVN3, TCVN3_CAPS):
        return tcvn3_to_unicode(text, capitals=encoding == TCVN3_CAPS)
    if encoding == VNI:
        return vni_to_unicode(text)
    return text


def cp1252_view(data: bytes) -> str:
    """Bytes as the characters a legacy font's text shows in Windows (1252; Latin-1 where
    1252 has no character), so the same tables serve bytes, .docx runs and PDF text layers."""
    return "".join(_CP1252[b] for b in data)


_CP1252 = [bytes([b]).decode("cp1252", errors="strict") if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else chr(b)
           for b in range(256)]
