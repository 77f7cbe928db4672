"""Fixity: damaged, missing and orphan originals and records without originals are each found and
named; a sample rotates through the archive, oldest-verified first (SQLite and PostgreSQL)."""
import os

from sqlalchemy import select, text

from extractors.run import process_path
from pipeline.store.fixity import verify
from pipeline.store.models import SourceRow


def store(repo, path):
    result = process_path(path)
    return repo.store_extraction(path, result.document.sha256, result.document, result.normalized_text,
                                 result.record).doc_id


def overwrite(path, data: bytes) -> None:
    os.chmod(path, 0o644)  # archived originals are read-only
    path.write_bytes(data)


def test_a_whole_archive_is_clean_and_every_kind_of_damage_is_one_line(repository, reports):
    docs = [store(repository, p) for p in reports(5)]
    clean = verify(repository)
    assert clean.clean and clean.checked == 5 and "no damage" in clean.summary()

    originals = {d: repository.get(d).sources[0].archive_path for d in docs}
    overwrite(originals[docs[0]], originals[docs[0]].read_bytes() + b"x")  # bit rot
    originals[docs[1]].unlink()  # lost
    orphan = originals[docs[2]].parent / ("0" * 64 + ".txt")
    orphan.write_bytes(b"left behind")
    odd = repository.archive.root / "ab" / "bad\nname.txt"  # a name that could forge a second line
    odd.parent.mkdir(parents=True, exist_ok=True)
    odd.write_bytes(b"?")
    with repository.db.session(write=True) as s:  # a record that lost its original row
        doc_pk = s.execute(text("SELECT id FROM documents WHERE doc_id = :d"), {"d": docs[3]}).scalar()
        s.execute(text("DELETE FROM sources WHERE document_id = :d"), {"d": doc_pk})
    os.unlink(originals[docs[3]])  # (its file went with it)

    report = verify(repository)
    lines = [p.line() for p in report.problems]
    assert all("\n" not in line for line in lines)
    kinds = sorted(p.kind for p in report.problems)
    assert kinds == ["damaged", "missing", "no original", "no record", "orphan", "orphan"], lines
    assert any(line.startswith(f"damaged: {originals[docs[0]]}") and docs[0] in line for line in lines)
    assert any(line.startswith(f"missing: {originals[docs[1]]}") for line in lines)
    assert f"orphan: {orphan}: a file in the archive that no record points to" in lines
    assert any("bad\\nname.txt" in line for line in lines)
    assert f"no original: {docs[3]}: the record has no archived original" in lines
    assert report.checked == 4 and "6 problem(s)" in report.summary()


def test_a_sample_checks_those_verified_longest_ago_first(repository, reports):
    for p in reports(5):
        store(repository, p)
    seen = []
    for _ in range(3):
        report = verify(repository, sample=2)
        assert report.clean and report.total == 5 and "2 of 5 original(s)" in report.summary()
        with repository.db.session() as s:
            seen.append(sorted(s.scalars(select(SourceRow.id).where(SourceRow.verified_at.is_not(None)))))
    assert [len(ids) for ids in seen] == [2, 4, 5]  # never-verified first: all five within three nights
    with repository.db.session() as s:
        oldest = s.scalars(select(SourceRow.id).order_by(SourceRow.verified_at, SourceRow.id)).first()
    path = next(src.archive_path for d in repository.doc_ids() for src in repository.get(d).sources
                if src.revision == 1 and _source_id(repository, src.sha256) == oldest)
    overwrite(path, b"changed")
    damaged = verify(repository, sample=1)
    assert [p.kind for p in damaged.problems] == ["damaged"]
    assert verify(repository, sample=1).problems[0].kind == "damaged"  # still first: never verified since


def _source_id(repo, sha256):
    with repo.db.session() as s:
        return s.scalar(select(SourceRow.id).where(SourceRow.sha256 == sha256))
