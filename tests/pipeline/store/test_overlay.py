"""Corrections overlaid on machine records: paths, list items followed by key, review reasons."""
import json
from pathlib import Path

import pytest

from pipeline.record import Record
from pipeline.store.errors import InvalidCorrection
from pipeline.store.overlay import (FIELDS, from_export, overlay, parse_path, prepare_correction)

SAMPLES = Path(__file__).resolve().parents[3] / "samples"

MACHINE = {
    "doc_id": "cum2_2023", "title": "Cụm thi đua số 2 tổng kết năm 2023", "published": "2024-01-15",
    "author": None,
    "meeting": {"date": "2024-01-12", "kinds": ["tong_ket"], "period": 2023, "venue": "Hội trường"},
    "cluster": {"name": "Cụm thi đua số 2", "kind": "cum", "number": 2},
    "members": ["huyện Châu Thành", "huyện Giồng Riềng"],
    "participants": [{"name": "Nguyễn Văn An", "title": "Phó Chủ tịch UBND huyện", "organization": None},
                     {"name": "Trần Văn Bình", "title": "Phó Giám đốc Sở Nội vụ", "organization": "Sở Nội vụ"}],
    "ranks": [{"unit": "huyện Châu Thành", "rank": 1, "score": None}],
    "heads": [{"unit": "huyện Giồng Riềng", "role": "truong", "year": 2024}],
    "legal_refs": ["489/QĐ-UBND"],
}


def machine(**changes) -> Record:
    export = json.loads(json.dumps(MACHINE))
    for dotted, value in changes.items():
        *parents, last = dotted.split("__")
        node = export
        for p in parents:
            node = node[p]
        node[last] = value
    return from_export(export)


def correct(corrections, field, value, machine_record=None):
    m = machine_record or machine()
    effective = overlay(m, corrections).record
    correction, _, _ = prepare_correction(m, effective, field, value)
    return [*corrections, correction]


@pytest.mark.parametrize("text", ["title", "meeting.venue", "cluster", "cluster.number", "members[0]",
                                  "participants[1].title", "heads[0].year", "meeting.kinds[0]", "legal_refs"])
def test_known_paths_parse_and_print_back(text):
    assert str(parse_path(text)) == text


@pytest.mark.parametrize("text", ["doc_id", "meeting", "titel", "members[0].unit", "participants.title",
                                  "cluster[0]", "participants[x]", ""])
def test_unknown_paths_are_refused_with_the_allowed_ones(text):
    with pytest.raises(InvalidCorrection, match="meeting.venue"):
        parse_path(text)


def test_a_scalar_correction_wins_and_carries_no_machine_evidence():
    corrections = correct([], "meeting.venue", "Hội trường UBND huyện Châu Thành")
    effective = overlay(machine(), corrections).record
    assert effective.meeting.venue.value == "Hội trường UBND huyện Châu Thành"
    assert effective.meeting.venue.evidence is None and effective.meeting.venue.confidence == 1.0
    assert corrections[0].machine_value == "Hội trường"


def test_values_are_stored_in_canonical_gold_shape():
    corrections = correct([], "meeting.period", "2022")
    assert corrections[0].value == 2022


@pytest.mark.parametrize("field,value,message", [
    ("meeting.date", "15/01/2024", "meeting.date"),
    ("meeting.kinds", ["hop_mat"], "meeting.kinds\\[0\\]"),
    ("ranks[0].rank", "nhất", "ranks\\[0\\].rank"),
    ("cluster", {"name": "Cụm 1", "kind": "cum", "so": 1}, "no key"),
    ("members", "huyện Châu Thành", "JSON array"),
    ("participants[5]", {"name": "Lê Văn C"}, "has 2 item"),
])
def test_values_that_do_not_fit_are_refused_in_one_line(field, value, message):
    with pytest.raises(InvalidCorrection, match=message) as exc:
        correct([], field, value)
    assert "\n" not in str(exc.value)


def test_a_list_item_correction_follows_the_item_when_the_machine_reorders_the_list():
    corrections = correct([], "participants[1].title", "Giám đốc Sở Nội vụ")
    reordered = machine(participants=[MACHINE["participants"][1], MACHINE["participants"][0]])
    result = overlay(reordered, corrections, previous=machine())
    by_name = {p.name: p.title for p in result.record.participants}
    assert by_name == {"Trần Văn Bình": "Giám đốc Sở Nội vụ", "Nguyễn Văn An": "Phó Chủ tịch UBND huyện"}
    assert result.review_reasons == []


def test_items_can_be_added_and_removed_and_stay_so_after_re_extraction():
    corrections = correct([], "members[2]", "thành phố Rạch Giá")
    corrections = correct(corrections, "legal_refs[0]", None)
    effective = overlay(machine(), corrections).record.to_export()
    assert effective["members"] == ["huyện Châu Thành", "huyện Giồng Riềng", "thành phố Rạch Giá"]
    assert effective["legal_refs"] == []
    # The machine now finds the added member itself: no duplicate, nothing to review.
    later = machine(members=["thành phố Rạch Giá", "huyện Châu Thành", "huyện Giồng Riềng"])
    result = overlay(later, corrections, previous=machine())
    assert sorted(result.record.to_export()["members"]) == sorted(effective["members"])
    assert result.review_reasons == []


def test_a_corrected_field_the_machine_changes_its_mind_about_is_flagged_and_the_correction_kept():
    corrections = correct([], "meeting.venue", "Hội trường UBND huyện Châu Thành")
    result = overlay(machine(meeting__venue="Nhà văn hóa huyện"), corrections, previous=machine())
    assert result.record.meeting.venue.value == "Hội trường UBND huyện Châu Thành"
    assert [r["field"] for r in result.review_reasons] == ["meeting.venue"]
    assert "Nhà văn hóa huyện" in result.review_reasons[0]["message"]


def test_no_review_when_the_machine_is_unchanged_or_now_agrees():
    corrections = correct([], "meeting.venue", "Hội trường UBND huyện Châu Thành")
    assert overlay(machine(), corrections, previous=machine()).review_reasons == []
    agrees = machine(meeting__venue="Hội trường UBND huyện Châu Thành")
    assert overlay(agrees, corrections, previous=machine()).review_reasons == []


def test_a_correction_on_an_item_the_machine_no_longer_finds_is_flagged_not_lost():
    corrections = correct([], "participants[0].title", "Chủ tịch UBND huyện")
    gone = machine(participants=[MACHINE["participants"][1]])
    result = overlay(gone, corrections, previous=machine())
    assert len(result.review_reasons) == 1
    assert "no longer in the machine output" in result.review_reasons[0]["message"]
    assert corrections[0].value == "Chủ tịch UBND huyện"  # still stored, re-applied if the person returns


def test_a_later_correction_of_the_same_field_replaces_the_earlier_one_for_review():
    corrections = correct([], "meeting.venue", "Hội trường A")
    corrections = correct(corrections, "meeting.venue", "Hội trường B")
    result = overlay(machine(meeting__venue="Hội trường C"), corrections, previous=machine())
    assert result.record.meeting.venue.value == "Hội trường B"
    assert len(result.review_reasons) == 1


def test_gold_files_round_trip_through_the_record_model():
    golds = sorted(SAMPLES.glob("*.json"))
    if not golds:
        pytest.skip("no gold files in samples/")
    for gold in golds:
        export = json.loads(gold.read_text(encoding="utf-8"))
        again = from_export(export).to_export()
        assert again == {k: export.get(k, again[k]) for k in again}, gold.name
    assert set(again) == {"doc_id", *(f.split(".")[0] for f in FIELDS)}
