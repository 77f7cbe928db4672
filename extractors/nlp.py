"""The NLP layer: underthesea's word segmentation and POS tags, carried into a spaCy Doc whose
tokens sit on our own normalised-text offsets, with a SpanRuler over the title vocabulary.

underthesea tags proper names well (Np) but is slow and weak on organisations, so extractors
call this only on the few sentences rules cannot settle, e.g. to confirm a name whose family
name is not in patterns/surnames.jsonl ("Y Bhăm Ênuôl, Giám đốc Sở ..."). Models load lazily,
once per process, from the packages themselves (no downloads).
"""
from __future__ import annotations

import re
import threading
import unicodedata
from functools import lru_cache

from extractors import vocab

_SYLLABLE = re.compile(r"\w+|[^\w\s]", re.UNICODE)
# underthesea loads its models lazily into module globals, visible before they are loaded: two
# threads of one process (in-process extraction of two batches, --workers 1) must not race there.
_UNDERTHESEA = threading.Lock()


@lru_cache(maxsize=1)
def pipeline():
    """spaCy's blank Vietnamese pipeline with a SpanRuler of titles, ranks and person cues."""
    import spacy

    nlp = spacy.blank("vi")
    ruler = nlp.add_pipe("span_ruler", config={"spans_key": "cues", "validate": True})
    patterns = []
    for name, labels in (("titles", None), ("people", ("cue",))):
        for entry in vocab.entries(name):
            if labels and entry["label"] not in labels:
                continue
            tokens = [{"LOWER": w.lower()} for w in _SYLLABLE.findall(entry["pattern"])]
            patterns.append({"label": entry["label"].upper(), "pattern": tokens})
    ruler.add_patterns(patterns)
    return nlp


def analyse(text: str, start: int, end: int):
    """A spaCy Doc over text[start:end], one token per syllable, each tagged with the POS of the
    underthesea word it belongs to (B-/I- prefixed); token.idx + start is the offset in `text`."""
    from spacy.tokens import Doc
    from underthesea import pos_tag

    chunk = text[start:end]
    spans = [(m.start(), m.end()) for m in _SYLLABLE.finditer(chunk)]
    words = [chunk[a:b] for a, b in spans]
    spaces = [b < len(chunk) and chunk[b:b + 1].isspace() for _, b in spans]
    nlp = pipeline()
    doc = Doc(nlp.vocab, words=words, spaces=spaces)
    with _UNDERTHESEA:
        tagged = pos_tag(chunk)
    tags = _align(words, tagged)
    for token, tag in zip(doc, tags):
        token.tag_ = tag
    return nlp.get_pipe("span_ruler")(doc)


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


def is_proper_name(text: str, start: int, end: int, sentence_start: int, sentence_end: int) -> bool:
    """Does underthesea read text[start:end] as one proper noun (Np) in its sentence?"""
    doc = analyse(text, sentence_start, sentence_end)
    inside = [t for t in doc if start <= sentence_start + t.idx < end]
    return bool(inside) and inside[0].tag_ == "B-Np" and all(t.tag_ in ("B-Np", "I-Np") for t in inside) and \
        all(t.tag_ == "I-Np" for t in inside[1:])
