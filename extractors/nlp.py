"""underthesea on candidate spans and lines only (never whole documents), its tags carried onto a
spaCy Doc whose tokens sit on our own normalised-text offsets.

Not part of the extraction pipeline: every use tried changed no headline score on dev, seeds,
samples, samples/real, samples/heldout or samples/heldout2 (benchmarks/ablation.py keeps measuring
each one), so none is kept for show:
- POS: a capitalised run with an unlisted family name and a title beside it is one proper noun
  ("Y Bhăm Ênuôl, Giám đốc Sở ...") - `is_proper_name`;
- NER: the same run is one person (B-PER, I-PER) - `is_person`;
- POS: an unlisted name without a title, after a comma or "và" in a list of people - `is_proper_name`;
- POS: a line that ends on a classifier, preposition, conjunction or determiner ("... có ông" /
  "Nguyễn Tiến Dũng, ...") does not end its sentence - `line_ends_open`;
- sentence splitter: a line break inside what it reads as one sentence does not end it - `one_sentence`.
Models are underthesea's bundled CRF models (no downloads), loaded lazily once per process, under a
lock so that two extraction threads of one process never use them half-loaded.
"""
from __future__ import annotations

import re
import threading
import unicodedata
from functools import lru_cache

_SYLLABLE = re.compile(r"\w+|[^\w\s]", re.UNICODE)
# underthesea loads its models lazily into module globals, visible before they are loaded: two
# threads of one process (in-process extraction of two batches, --workers 1) must not race there.
_UNDERTHESEA = threading.Lock()


def analyse(text: str, start: int, end: int):
    """A spaCy Doc over text[start:end], one token per syllable, each tagged with the POS of the
    underthesea word it belongs to (B-/I- prefixed); token.idx + start is the offset in `text`."""
    from spacy.tokens import Doc
    from underthesea import pos_tag

    chunk = text[start:end]
    spans = [(m.start(), m.end()) for m in _SYLLABLE.finditer(chunk)]
    words = [chunk[a:b] for a, b in spans]
    spaces = [b < len(chunk) and chunk[b:b + 1].isspace() for _, b in spans]
    doc = Doc(_vocab(), words=words, spaces=spaces)
    with _UNDERTHESEA:
        tagged = pos_tag(chunk)
    tags = _align(words, tagged)
    for token, tag in zip(doc, tags, strict=True):
        token.tag_ = tag
    return doc


@lru_cache(maxsize=1)
def _vocab():
    from extractors.language import ThiduaVietnamese

    return ThiduaVietnamese().vocab


def _align(syllables: list[str], tagged: list[tuple[str, str]]) -> list[str]:
    """underthesea normalises characters and merges syllables into words; map its tags back
    onto our syllables in order, leaving "O" where the two disagree."""
    out = ["O"] * len(syllables)
    i = 0
    for word, tag in tagged:
        parts = _SYLLABLE.findall(unicodedata.normalize("NFC", word))
        for k, part in enumerate(parts):
            j = i
            while j < len(syllables) and j < i + 3 and syllables[j].lower() != part.lower():
                j += 1
            if j < len(syllables) and syllables[j].lower() == part.lower():
                out[j] = ("B-" if k == 0 else "I-") + tag
                i = j + 1
    return out


# word classes a sentence cannot end on: classifier ("ông", "bà"), preposition, conjunction, determiner
_OPEN_TAGS = frozenset({"Nc", "E", "C", "CC", "L"})


def line_ends_open(text: str, line_start: int, end: int) -> bool:
    """Does the line text[line_start:end] end on a word that cannot close a sentence, to underthesea
    ("Tham dự hội nghị có ông" / "Nguyễn Tiến Dũng, ...")? Only the line's last words are tagged."""
    from underthesea import pos_tag

    chunk = text[max(line_start, end - 40):end]
    with _UNDERTHESEA:
        tagged = pos_tag(chunk)
    return bool(tagged) and tagged[-1][1] in _OPEN_TAGS


def one_sentence(chunk: str) -> bool:
    """Does underthesea's sentence splitter read `chunk` as one sentence?"""
    from underthesea import sent_tokenize

    with _UNDERTHESEA:
        return len(sent_tokenize(chunk)) <= 1


def is_proper_name(text: str, start: int, end: int, sentence_start: int, sentence_end: int) -> bool:
    """Does underthesea read text[start:end] as one proper noun (Np) in its sentence?"""
    doc = analyse(text, sentence_start, sentence_end)
    inside = [t for t in doc if start <= sentence_start + t.idx < end]
    return bool(inside) and inside[0].tag_ == "B-Np" and all(t.tag_ in ("B-Np", "I-Np") for t in inside) and \
        all(t.tag_ == "I-Np" for t in inside[1:])


def is_person(text: str, start: int, end: int, sentence_start: int, sentence_end: int) -> bool:
    """Does underthesea's NER tagger read text[start:end] as one person (B-PER, then I-PER)?"""
    from underthesea import ner

    sentence = text[sentence_start:sentence_end]
    with _UNDERTHESEA:
        tagged = ner(sentence)
    pos, tags = 0, []
    for word, _, _, tag in tagged:
        at = sentence.find(word, pos)
        if at < 0:
            continue
        pos = at + len(word)
        if start <= sentence_start + at < end:
            tags.append(tag)
    return bool(tags) and tags[0] == "B-PER" and all(t == "I-PER" for t in tags[1:])


def organisations(text: str, sentence_start: int, sentence_end: int) -> list[tuple[int, int]]:
    """Organisations (B-ORG, then I-ORG) that underthesea's NER tagger reads in the sentence, as offsets
    in `text`: a candidate source of UNIT spans for the span layer (benchmarks/ablation.py measures it)."""
    from underthesea import ner

    sentence = text[sentence_start:sentence_end]
    with _UNDERTHESEA:
        tagged = ner(sentence)
    out: list[tuple[int, int]] = []
    pos = 0
    for word, _, _, tag in tagged:
        at = sentence.find(word, pos)
        if at < 0:
            continue
        pos = at + len(word)
        if tag == "B-ORG" or (tag == "I-ORG" and out and out[-1][1] >= sentence_start + at - 1):
            if tag == "B-ORG":
                out.append((sentence_start + at, sentence_start + pos))
            else:
                out[-1] = (out[-1][0], sentence_start + pos)
    return out
