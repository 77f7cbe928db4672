"""Is this text Vietnamese? The share of its words that are valid Vietnamese syllables.

A reader can hand back text that is technically text but meaningless: a legacy-font document
read as Latin-1 ("Héi nghÞ tæng kÕt"), VNI pairs ("Hoäi nghò"), random bytes. Such text must
never become an "ok" empty record, so every document gets a plausibility score: valid syllables
/ words checked. A syllable is valid when it splits into an onset and a rhyme Vietnamese spells
(c/k, g/gh, ng/ngh before the right vowels) and a rhyme ending in p, t, c, ch carries only the
sắc or nặng tone. Abbreviations in capitals (UBND, HĐND) and one-letter words are not checked.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

PLAUSIBLE = 0.6  # below this share of valid syllables a text is not accepted as Vietnamese
MIN_WORDS = 5  # fewer checked words than this: too little text to judge by the share alone

TONE_MARKS = {"\u0300": "huyen", "\u0301": "sac", "\u0303": "nga", "\u0309": "hoi", "\u0323": "nang"}
_STOP_TONES = {None, "sac", "nang"}  # the only tones a syllable ending in p, t, c, ch may carry

_RHYMES = ["a", "ai", "ao", "au", "ay", "am", "an", "ang", "anh", "ap", "at", "ac", "ach", "ăm", "ăn", "ăng", "ăp",
           "ăt", "ăc", "âu", "ây", "âm", "ân", "âng", "âp", "ât", "âc", "e", "eo", "em", "en", "eng", "ep", "et", "ec",
           "ê", "êu", "êm", "ên", "ênh", "êp", "êt", "êch", "i", "ia", "iu", "im", "in", "inh", "ip", "it", "ich",
           "iêu", "iêm", "iên", "iêng", "iêp", "iêt", "iêc", "ya", "yêu", "yêm", "yên", "yêng", "yêt", "y", "o", "oi",
           "om", "on", "ong", "op", "ot", "oc", "ô", "ôi", "ôm", "ôn", "ông", "ôp", "ôt", "ôc", "ơ", "ơi", "ơm", "ơn",
           "ơp", "ơt", "ơng", "u", "ua", "ui", "um", "un", "ung", "up", "ut", "uc", "uôi", "uôm", "uôn", "uông", "uôt",
           "uôc", "ư", "ưa", "ưi", "ưu", "ưm", "ưn", "ưng", "ưt", "ưc", "ươi", "ươu", "ươm", "ươn", "ương", "ươp",
           "ươt", "ươc", "oa", "oai", "oay", "oan", "oang", "oanh", "oat", "oac", "oach", "oam", "oap", "oăn", "oăng",
           "oăt", "oăc", "oăm", "oe", "oeo", "oen", "oet", "oem", "oong", "ooc", "uân", "uâng", "uât", "uây", "uê",
           "uêch", "uênh", "uêu", "uy", "uya", "uyu", "uych", "uynh", "uyt", "uyp", "uyên", "uyêt", "uyn", "uơ"]
_ONSETS = ["ngh", "ng", "gh", "gi", "kh", "nh", "ph", "th", "tr", "ch", "qu", "b", "c", "d", "đ", "g", "h", "k", "l",
           "m", "n", "p", "r", "s", "t", "v", "x"]
_FRONT = ("i", "e", "ê", "y")  # vowels that take k, gh, ngh instead of c, g, ng

_WORD = re.compile(r"[^\W\d_]+")


def _split_tone(word: str) -> tuple[str, str | None] | None:
    """(the word without its tone, the tone), or None when it carries two tones."""
    tones = [TONE_MARKS[c] for c in unicodedata.normalize("NFD", word) if c in TONE_MARKS]
    if len(tones) > 1:
        return None
    bare = "".join(c for c in unicodedata.normalize("NFD", word) if c not in TONE_MARKS)
    return unicodedata.normalize("NFC", bare), (tones[0] if tones else None)


@lru_cache(maxsize=65536)
def is_syllable(word: str) -> bool:
    """True for one valid Vietnamese syllable (any case, any tone placement)."""
    split = _split_tone(word.lower())
    if split is None:
        return False
    bare, tone = split
    for m in _all_splits(bare):
        onset, rhyme = m
        if rhyme.endswith(("p", "t", "c", "ch")) and tone not in _STOP_TONES:
            continue
        if _spelled_right(onset, rhyme):
            return True
    return False


def _all_splits(bare: str) -> list[tuple[str, str]]:
    """Every onset/rhyme split of a toneless syllable ('gin' is gi+n? no: g+in)."""
    splits = []
    for onset in ("", *_ONSETS):
        if bare.startswith(onset) and bare[len(onset):] in _rhyme_set():
            splits.append((onset, bare[len(onset):]))
    return splits


@lru_cache(maxsize=1)
def _rhyme_set() -> frozenset[str]:
    return frozenset(_RHYMES)


def _spelled_right(onset: str, rhyme: str) -> bool:
    front = rhyme.startswith(_FRONT)
    if onset in ("k", "gh", "ngh"):
        return front
    if onset in ("c", "ng", "g"):
        return not front or (onset == "g" and rhyme.startswith("i"))  # gì, gìn: g + i
    if onset == "qu":
        return not rhyme.startswith(("u", "o"))
    return True


@dataclass(frozen=True)
class Plausibility:
    score: float  # valid / checked
    checked: int
    valid: int

    @property
    def plausible(self) -> bool:
        if self.checked < MIN_WORDS:
            return self.valid > 0 and self.score >= PLAUSIBLE
        return self.score >= PLAUSIBLE

    def describe(self) -> str:
        return f"{self.score:.0%} of {self.checked} words are Vietnamese syllables"


def plausibility(text: str, limit: int = 20000) -> Plausibility:
    """Score the first `limit` words (enough to judge; a 300-page report stays cheap)."""
    valid = checked = 0
    for m in _WORD.finditer(unicodedata.normalize("NFC", text)):
        word = m.group(0)
        if len(word) < 2:
            continue
        ok = is_syllable(word)
        if not ok and word.isupper():
            continue  # UBND, HĐND, TP: abbreviations
        checked += 1
        valid += ok
        if checked >= limit:
            break
    return Plausibility(valid / checked if checked else 0.0, checked, valid)


def valid_letters(text: str) -> int:
    """Letters in valid syllables: compares two readings of one line ("Pha.m" has as many valid
    words as "Phạm" once split at the marks, but fewer letters in them)."""
    return sum(len(m.group(0)) for m in _WORD.finditer(unicodedata.normalize("NFC", text))
               if len(m.group(0)) > 1 and is_syllable(m.group(0)))
