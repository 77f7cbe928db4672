"""Our scorer (pipeline/report/scoring.py) follows the GOLD_FORMAT.md rules of ../shared/score_records.py."""
import importlib.util
import json
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from pipeline.report.scoring import SCALAR_FIELDS, Counts, canon, load_gold, pairs, same_unit, scalar_ok, score
from shared_data import need_shared, shared_path


def _shared() -> Path:
    return shared_path()


def _record(doc_id="d1", **fields):
    rec = {"doc_id": doc_id, "title": None, "published": None, "author": None,
           "meeting": {"date": None, "kinds": [], "period": None, "venue": None}, "cluster": None,
           "members": [], "participants": [], "ranks": [], "heads": [], "legal_refs": []}
    rec.update(fields)
    return rec


def test_canon_folds_case_form_dashes_spaces_and_abbreviations():
    assert canon(unicodedata.normalize("NFD", " UBND  huyện Châu\u2013Thành. ")) == "ủy ban nhân dân huyện châu thành"
    assert canon(None) == ""


@pytest.mark.parametrize("a, b", [
    ("UBND huyện Kiên Lương", "Ủy ban nhân dân huyện Kiên Lương"),
    ("LĐLĐ huyện Châu Thành", "Liên đoàn Lao động huyện Châu Thành"),
    ("HĐND tỉnh", "Hội đồng nhân dân tỉnh"),
    ("Liên đoàn Lao động", "Liên đoàn Lao động huyện Kiên Lương"),
    ("huyện Châu Thành", "UBND huyện Châu Thành"),
    ("Thành phố Rạch Giá", "thành phố rạch giá"),
])
def test_same_unit_written_differently_matches(a, b):
    assert same_unit(a, b)
    assert same_unit(b, a)


@pytest.mark.parametrize("a, b", [
    ("Công an tỉnh Bắc Giang", "Công an tỉnh Lạng Sơn"),
    ("UBND huyện Kiên Lương", "UBND huyện Châu Thành"),
    ("Sở Nội vụ", "Sở Tư pháp"),
    ("huyện Châu Thành", ""),
    (None, "huyện Châu Thành"),
])
def test_units_with_disjoint_distinctive_words_never_match(a, b):
    assert not same_unit(a, b)


def test_matching_is_one_to_one_in_gold_order():
    gold = ["UBND huyện Kiên Lương", "Ủy ban nhân dân huyện Kiên Lương"]
    pred = ["huyện Kiên Lương"]

    assert pairs(gold, pred, same_unit) == [("UBND huyện Kiên Lương", "huyện Kiên Lương")]


def test_ranks_match_on_unit_and_rank():
    gold = {"ranks": [{"unit": "UBND huyện A Lưới", "rank": 1, "score": 96.5},
                      {"unit": "UBND huyện Phong Điền", "rank": 2, "score": None}]}
    pred = {"ranks": [{"unit": "Ủy ban nhân dân huyện A Lưới", "rank": 1, "score": None},  # unit + rank right
                      {"unit": "UBND huyện Phong Điền", "rank": 3}]}  # rank wrong

    counts = score({"d1": _record(**gold)}, {"d1": _record(**pred)}).lists["ranks"]

    assert (counts.tp, counts.gold, counts.pred) == (1, 2, 2)


def test_heads_match_on_unit_role_and_year():
    gold = {"heads": [{"unit": "huyện Châu Thành", "role": "truong", "year": 2024},
                      {"unit": "huyện Giồng Riềng", "role": "pho", "year": 2024}]}
    pred = {"heads": [{"unit": "UBND huyện Châu Thành", "role": "truong", "year": 2024},
                      {"unit": "huyện Giồng Riềng", "role": "pho", "year": 2023}]}

    counts = score({"d1": _record(**gold)}, {"d1": _record(**pred)}).lists["heads"]

    assert (counts.tp, counts.gold, counts.pred) == (1, 2, 2)


def test_legal_refs_ignore_so_and_spacing_but_not_the_number():
    gold = {"legal_refs": ["489/QĐ-UBND", "584/QĐ-UBND"]}
    pred = {"legal_refs": ["số 489/QĐ - UBND", "548/QĐ-UBND"]}

    counts = score({"d1": _record(**gold)}, {"d1": _record(**pred)}).lists["legal_refs"]

    assert counts.tp == 1


def test_participants_match_by_name_and_titles_are_scored_apart():
    gold = {"participants": [{"name": "Hà Văn Chiến", "title": "Phó Giám đốc Sở Nội vụ"},
                             {"name": "Nguyễn Thị Thúy", "title": "Phó Chủ tịch UBND huyện"}]}
    pred = {"participants": [{"name": "hà văn chiến", "title": "Phó Giám đốc Sở Nội vụ"},
                             {"name": "Nguyễn Thị Thúy", "title": "Chủ tịch Hội Nông dân"}]}

    result = score({"d1": _record(**gold)}, {"d1": _record(**pred)})

    assert result.lists["participants"].tp == 2
    assert result.title_accuracy == 0.5


@pytest.mark.parametrize("name, gold, pred, ok", [
    ("meeting.period", 2017, "2017", True),
    ("meeting.period", None, None, True),
    ("meeting.period", 2017, None, False),
    ("cluster.number", 2, "hai", False),
    ("author", "Thanh  Tuấn", "thanh tuấn.", True),
    ("published", "2018-01-31", "2018-01-30", False),
    ("published", None, "", True),
])
def test_scalars(name, gold, pred, ok):
    assert scalar_ok(name, gold, pred) is ok


def test_empty_lists_on_both_sides_are_perfect_not_undefined():
    assert Counts().prf() == (1.0, 1.0, 1.0)
    assert Counts(tp=0, gold=2, pred=0).prf() == (0.0, 0.0, 0.0)


def test_headline_from_a_small_hand_scored_example():
    # lists: members 1 of 2 gold / 2 predicted, legal_refs 1/1 -> micro P = R = 2/3, F1 = 0.667
    # scalars: published, author, meeting.period right; meeting.date, cluster.kind, cluster.number wrong -> 0.5
    gold = _record(published="2024-01-12", author="Minh Anh", members=["huyện A Lưới", "huyện Nam Đông"],
                   legal_refs=["12/KH-UBND"], meeting={"date": "2024-01-10", "kinds": ["tong_ket"], "period": 2023},
                   cluster={"name": "Cụm thi đua số 3", "kind": "cum", "number": 3})
    pred = _record(published="2024-01-12", author="minh anh", members=["UBND huyện A Lưới", "huyện Phú Lộc"],
                   legal_refs=["số 12/KH-UBND"], meeting={"date": None, "kinds": ["tong_ket"], "period": "2023"},
                   cluster=None)

    result = score({"d1": gold}, {"d1": pred})

    assert result.headline() == "headline micro-F1 0.667 scalar-acc 0.500"
    assert result.lists["meeting.kinds"].tp == 1
    assert set(result.scalars) == set(SCALAR_FIELDS)


def test_a_document_without_prediction_counts_as_all_missed():
    gold = _record(members=["huyện A Lưới"], author="Minh Anh")

    result = score({"d1": gold, "d2": gold}, {"d1": gold})

    assert (result.lists["members"].tp, result.lists["members"].gold) == (1, 2)
    assert result.scalars["author"] == 0.5
    assert "d2" in result.misses and "d1" not in result.misses


def test_load_gold_keys_by_file_name(tmp_path):
    (tmp_path / "000_abc.json").write_text(json.dumps(_record("000_abc"), ensure_ascii=False), encoding="utf-8")
    (tmp_path / "ghi_chu.txt").write_text("không phải gold", encoding="utf-8")

    assert list(load_gold(tmp_path)) == ["000_abc"]


def _shared_scorer():
    script = need_shared("score_records.py")
    spec = importlib.util.spec_from_file_location("shared_score_records", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _gold_strings() -> tuple[list[str], list[str]]:
    """Unit names (members, ranks, heads, titles) and every other string value in the shared gold sets."""
    units, others = [], []
    for gold_dir in (_shared() / "gold", _shared() / "dev" / "gold"):
        for rec in load_gold(gold_dir).values() if gold_dir.is_dir() else ():
            units += rec.get("members") or []
            units += [r.get("unit") for r in (rec.get("ranks") or []) + (rec.get("heads") or [])]
            units += [p.get("title") for p in rec.get("participants") or []]
            others += [p.get("name") for p in rec.get("participants") or []] + [rec.get("author")]
    return [u for u in units if u], [o for o in others if o]


def test_canon_and_same_unit_agree_with_the_shared_scorer_on_every_gold_name():
    shared = _shared_scorer()
    units, others = _gold_strings()
    assert units, "no gold names found"
    for text in units + others + ["Hoà Bình", "Uỷ ban nhân dân tỉnh Khánh Hoà", "“Quận Ô Môn”"]:
        assert canon(text) == shared.norm(text), text
    for a in units:
        for b in units:
            assert same_unit(a, b) == shared.unit_match(a, b), (a, b)


@pytest.mark.parametrize("a, b, same", [
    ("Uỷ ban nhân dân tỉnh Hoà Bình", "UBND tỉnh Hòa Bình", True),
    ("Liên đoàn Lao động quận Ô Môn", "Liên đoàn Lao động quận Ninh Kiều", False),
    ("Công an huyện Phú Hoà", "Công an huyện Phú Hòa", True),
    ("Phòng Nội vụ thị xã Ba Đồn", "Phòng Nội vụ thị xã Ba Đồn, tỉnh Quảng Bình", True),
])
def test_same_unit_old_tones_and_places(a, b, same):
    assert same_unit(a, b) is same


def test_details_name_every_missed_and_extra_value_kinds_and_titles_included():
    gold = _record(members=["huyện A Lưới", "huyện Nam Đông"], meeting={"kinds": ["tong_ket", "trien_khai"]},
                   participants=[{"name": "Lê Văn Tám", "title": "Chủ tịch UBND huyện"}])
    pred = _record(members=["huyện A Lưới", "huyện Phú Lộc"], meeting={"kinds": ["tong_ket", "khac"]},
                   participants=[{"name": "Lê Văn Tám", "title": "Bí thư Huyện ủy"}])

    misses = score({"d1": gold}, {"d1": pred}).misses["d1"]

    assert "members: missed huyện Nam Đông" in misses
    assert "members: extra huyện Phú Lộc" in misses
    assert "meeting.kinds: missed trien_khai" in misses
    assert "meeting.kinds: extra khac" in misses
    assert any(m.startswith("title of Lê Văn Tám: gold 'Chủ tịch UBND huyện'") for m in misses)
    assert not any("A Lưới" in m for m in misses)


@pytest.mark.slow
@pytest.mark.parametrize("gold_rel, texts_rel", [("gold", "seeds"), ("dev/gold", "dev/texts")])
def test_headline_equals_the_shared_scorer(tmp_path, gold_rel, texts_rel):
    script, gold, seeds = need_shared("score_records.py"), need_shared(gold_rel), need_shared(texts_rel)
    thidua = [str(Path(sys.executable).with_name("thidua"))]
    if not Path(thidua[0]).is_file():
        thidua = [sys.executable, "-c", "from flows.cli import main; main()"]
    out = tmp_path / "predicted.jsonl"

    extracted = subprocess.run([*thidua, "extract", str(seeds), "--out", str(out)],
                               capture_output=True, text=True, timeout=300, check=False)
    assert extracted.returncode == 0, extracted.stderr
    reference = subprocess.run([sys.executable, str(script), str(gold), str(out)],
                               capture_output=True, text=True, timeout=120, check=True)
    ours = subprocess.run([*thidua, "eval", str(gold), str(seeds)], capture_output=True, text=True, timeout=300,
                          check=False)

    expected = reference.stdout.strip().splitlines()[-1]
    assert expected.startswith("headline micro-F1 ")
    assert ours.stdout.strip().splitlines()[-1] == expected
    preds = {r["doc_id"]: r for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    assert score(load_gold(gold), preds).headline() == expected
