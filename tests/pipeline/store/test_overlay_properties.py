"""Property (hypothesis), on the real Repository over SQLite: whatever sequence of corrections and
re-extractions happens to a record, every correction is kept as it was made, and each one still
in force shows in the record, or the record is flagged for a person to look at (the machine no
longer finds the item the correction was made on)."""
import shutil
import uuid
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractors.run import process_path
from pipeline.store import open_repository
from pipeline.store.errors import InvalidCorrection
from pipeline.store.overlay import get_value, parse_path, set_value, validate

LETTERS = "aăâbcdđeêghiklmnoôơpqrstuưvxy ÀÁẠÔỚỦĐ"
words = st.text(alphabet=LETTERS, min_size=1, max_size=12).map(str.strip).filter(bool)
NAMES = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Em"]

SCALARS = {"title": words, "author": words, "meeting.venue": words, "meeting.period": st.integers(1990, 2035),
           "cluster.name": words, "legal_refs": st.lists(words, max_size=3)}

correction = st.one_of(
    st.tuples(st.just("correct"), st.sampled_from(sorted(SCALARS)), st.data()),
    st.tuples(st.just("correct_participant"), st.integers(0, 4), words),
)
reextraction = st.one_of(
    st.tuples(st.just("machine"), st.sampled_from(["title", "author", "meeting.venue"]), words),
    st.tuples(st.just("machine"), st.just("meeting.period"), st.integers(1990, 2035)),
    st.tuples(st.just("reverse_participants")),
    st.tuples(st.just("drop_participant"), st.integers(0, 4)),
    st.tuples(st.just("add_participant"), st.sampled_from(NAMES)),
    st.tuples(st.just("rename_participant"), st.integers(0, 4), st.sampled_from(NAMES)),
)


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    from benchmarks.corpus import write_reports

    root = tmp_path_factory.mktemp("overlay-properties")
    repo = open_repository(f"sqlite:///{(root / 'thidua.db').as_posix()}", root / "archive")
    base = write_reports(root / "base", 1, seed=3)[0]
    yield repo, base, root
    repo.close()


def new_document(repo, base: Path, root: Path):
    """A fresh document (its own bytes) for each example."""
    path = root / "in" / f"{uuid.uuid4().hex[:8]}.txt"
    path.parent.mkdir(exist_ok=True)
    shutil.copyfile(base, path)
    with path.open("a", encoding="utf-8") as fh:
        fh.write(f"\nSố hồ sơ {path.stem}\n")
    result = process_path(path)
    doc_id = repo.store_extraction(path, result.document.sha256, result.document, result.normalized_text,
                                   result.record).doc_id
    return doc_id, result.record.model_copy(update={"doc_id": doc_id}).model_dump(mode="json")


def reextract(repo, doc_id: str, machine: dict, step) -> dict:
    """Store new machine values, changed as `step` says (an upgraded extractor)."""
    dump = {**machine, "participants": list(machine["participants"])}
    people = dump["participants"]
    kind = step[0]
    if kind == "machine":
        set_value(dump, parse_path(step[1]), step[2])
    elif kind == "reverse_participants":
        people.reverse()
    elif kind == "drop_participant" and step[1] < len(people):
        del people[step[1]]
    elif kind == "add_participant" and all(p["name"] != step[1] for p in people):
        people.append({"name": step[1], "title": None, "organization": None, "evidence": None, "confidence": 0.9})
    elif kind == "rename_participant" and step[1] < len(people) and all(p["name"] != step[2] for p in people):
        people[step[1]] = {**people[step[1]], "name": step[2]}
    record = validate(dump)
    stored = repo.get(doc_id, with_text=True)
    repo.store_reextraction(doc_id, stored.sources[-1].sha256, stored.normalized_text, record)
    return record.model_dump(mode="json")


def correct(repo, doc_id: str, step, made: list, in_force: dict) -> None:
    effective = repo.get(doc_id).record.to_export()
    if step[0] == "correct":
        field, value = step[1], step[2].draw(SCALARS[step[1]])
        key = field
    else:
        people = effective["participants"]
        if step[1] >= len(people):
            return
        field, value = f"participants[{step[1]}].title", step[2]
        key = ("participant", people[step[1]]["name"])
    try:
        repo.correct(doc_id, field, value, user="Lan")
    except InvalidCorrection as exc:
        assert "nothing to change" in str(exc), exc
        return
    made.append((field, value))
    in_force[key] = value


def check(repo, doc_id: str, machine: dict, made: list, in_force: dict) -> None:
    stored = repo.get(doc_id)
    assert [(c.field, c.value) for c in stored.corrections] == made  # never lost, never changed
    export = stored.record.to_export()
    for key, value in in_force.items():
        if isinstance(key, str):
            assert get_value(export, parse_path(key)) == value, key
            continue
        name = key[1]
        shown = [p for p in export["participants"] if p["name"] == name]
        if any(p["name"] == name for p in machine["participants"]):
            assert shown and shown[0]["title"] == value, (name, export["participants"])
        else:  # the machine no longer finds this person: the record says so
            assert stored.needs_review and any(name.casefold() in r.casefold() for r in stored.review_reasons), \
                stored.review_reasons


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(steps=st.lists(st.one_of(correction, reextraction), min_size=1, max_size=10))
def test_every_correction_survives_any_sequence_of_corrections_and_reextractions(archive, steps):
    repo, base, root = archive
    doc_id, machine = new_document(repo, base, root)
    made: list = []
    in_force: dict = {}
    for step in steps:
        if step[0].startswith("correct"):
            correct(repo, doc_id, step, made, in_force)
        else:
            machine = reextract(repo, doc_id, machine, step)
        check(repo, doc_id, machine, made, in_force)
