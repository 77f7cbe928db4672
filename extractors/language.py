"""The spaCy Language the extractor runs in: one token per syllable or punctuation mark on the
normalised text (so a token's character offsets are evidence offsets), and the Doc extensions the
components write and read. No pyvi: `spacy.blank("vi")` would load it for word segmentation we do
not use."""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import registry
from spacy.vocab import Vocab

# a syllable or punctuation mark with the one space after it, or any other run of whitespace
_PIECES = re.compile(r"(\w+|[^\w\s])( ?)|(\s+)")

# What the components leave on the Doc, in pipeline order; `record` is assembled from the others.
EXTENSIONS = ("context", "title", "published", "author", "cluster", "legal_refs", "ranks", "kinds", "period",
              "meeting_date", "venue", "participants", "heads", "members", "misspellings", "record",
              "problems")  # problems: pipeline.record.Problem of each component that raised


class SyllableTokenizer:
    """Syllables, punctuation marks and whitespace other than one space after a token become tokens;
    `doc.text` is the input text exactly."""

    def __init__(self, vocab: Vocab):
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        pieces = _PIECES.findall(text)
        return Doc(self.vocab, words=[word or blank for word, _, blank in pieces],
                   spaces=[space == " " for _, space, _ in pieces])

    def to_disk(self, path, **kwargs) -> None:  # nothing to save: the tokenizer has no data
        return None

    def from_disk(self, path, **kwargs) -> SyllableTokenizer:
        return self


@registry.tokenizers("thidua.syllables.v1")
def create_syllable_tokenizer():
    def make(nlp: Language) -> SyllableTokenizer:
        return SyllableTokenizer(nlp.vocab)

    return make


class ThiduaDefaults(Language.Defaults):
    writing_system = {"direction": "ltr", "has_case": True, "has_letters": True}


@registry.languages("vi_thidua")
class ThiduaVietnamese(Language):
    """Vietnamese for reports: syllable tokens, no word segmentation model."""

    lang = "vi_thidua"
    Defaults = ThiduaDefaults


for _name in EXTENSIONS:
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)
