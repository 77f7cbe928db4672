"""Properties of normalisation, over generated text (hypothesis): offsets point back into the
reader's text, normalising twice changes nothing, the output is NFC, and `unaccent` keeps one
character for one (search shows its matches from the text by the same offsets)."""
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.normalise.text import normalize, unaccent

VIETNAMESE = "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXYàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọ" \
             "ồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵÀÁẢÃẠÒÓỎÕỌÙÚỦŨỤỲÝỶỸỴ"
MARKS = "\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b"  # tones and vowel marks, as decomposed text has them
SPACES = " \u00a0\u2003\u3000\t"
PUNCTUATION = "-–—‐,.:;!?()\"'“”‘’/%|•"
INVISIBLE = "\u200b\ufeff\u00ad"
BREAKS = ["\n", "\r\n", "\f", "\u2028", "\n\n\n"]

# What readers hand over: Vietnamese in any composition, odd spaces, dashes and quotes, invisible
# characters, every kind of line break, digits, and some characters from anywhere.
reader_text = st.lists(
    st.one_of(st.text(alphabet=VIETNAMESE + "0123456789", min_size=1, max_size=8),
              st.text(alphabet=VIETNAMESE, min_size=1, max_size=3).map(lambda w: unicodedata.normalize("NFD", w)),
              st.sampled_from(list(MARKS + SPACES + PUNCTUATION + INVISIBLE)),
              st.sampled_from(BREAKS),
              st.sampled_from(["Hoà", "thuý", "Uỷ ban", "Liên-Phó Trưởng", "Tiến -Giám đốc", "Xem với cỡ chữ",
                               "Số lần đọc: 233", "khoẻ", "quý"]),
              st.characters(codec="utf-8", exclude_categories=("Cs", "Co", "Cn"))),
    max_size=40).map("".join)

SETTINGS = settings(max_examples=300, deadline=None)


@SETTINGS
@given(reader_text)
def test_every_offset_points_back_into_the_readers_text(source):
    norm = normalize(source)
    offsets = norm.to_original
    assert len(offsets) == len(norm.text) + 1
    assert all(0 <= o <= len(source) for o in offsets)
    assert offsets == sorted(offsets), "offsets go backwards"
    for i, ch in enumerate(norm.text):
        if ch.isalnum():  # a letter comes from the letter it was written as (tones, composition aside)
            origin = source[offsets[i]]
            same_letter = unaccent(ch) == unaccent(unicodedata.normalize("NFC", origin))[:1]
            same_base = unicodedata.normalize("NFKD", ch)[0].casefold() == \
                unicodedata.normalize("NFKD", origin)[0].casefold()
            assert same_letter or same_base, (i, ch, origin)


@SETTINGS
@given(reader_text)
def test_normalising_twice_changes_nothing(source):
    once = normalize(source).text
    assert normalize(once).text == once


@SETTINGS
@given(reader_text)
def test_the_output_is_nfc(source):
    assert unicodedata.is_normalized("NFC", normalize(source).text)


@SETTINGS
@given(st.text())
def test_unaccent_keeps_one_character_for_one_on_nfc_text(text):
    nfc = unicodedata.normalize("NFC", text)
    assert len(unaccent(nfc)) == len(nfc)


@SETTINGS
@given(reader_text)
def test_unaccent_of_normalised_text_has_its_offsets(source):
    text = normalize(source).text
    folded = unaccent(text)
    assert len(folded) == len(text)
    assert all(f == "d" or unicodedata.normalize("NFD", t)[0].lower() == f or f == t.lower() or f == t
               for t, f in zip(text, folded, strict=True))
