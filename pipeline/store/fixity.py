"""Fixity, as archives check it: is every archived original still the bytes that were archived,
does each have its record, and does each record have its original?

`verify(repo)` re-reads every original (or, with `sample=N`, the N verified longest ago, as the
nightly run does) and returns one `Problem` per thing found wrong:

    missing      the record's original is not in the archive folder
    damaged      its bytes no longer hash to the sha256 it was archived under
    unreadable   it cannot be read (permissions, I/O error)
    no record    the original's document has no machine record
    no original  a document without any archived original
    orphan       a file in the archive folder that no record points to (full check only)

An original found whole gets `sources.verified_at`, so a rotating sample reaches every one.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from collections.abc import Callable

from sqlalchemy import exists, select, update

from pipeline.store.archive import PARTIAL_SUFFIX, sha256_file
from pipeline.store.models import DocumentRow, MachineRecordRow, SourceRow, utcnow

_UPDATE_CHUNK = 500


@dataclass(frozen=True)
class Problem:
    kind: str  # missing | damaged | unreadable | no record | no original | orphan
    where: str  # the archived file, or the document
    detail: str

    def line(self) -> str:
        """One line, whatever the file name holds."""
        return printable(f"{self.kind}: {self.where}: {self.detail}")


@dataclass
class FixityReport:
    checked: int  # originals re-read now
    total: int  # originals the archive holds
    seconds: float
    sample: bool
    problems: list[Problem] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        scope = f"{self.checked} of {self.total} original(s) (verified longest ago first)" if self.sample \
            else f"{self.checked} original(s)"
        found = "no damage" if self.clean else f"{len(self.problems)} problem(s)"
        return f"fixity: verified {scope} in {self.seconds:.1f} s: {found}"


@dataclass(frozen=True)
class _Original:
    source_id: int
    doc_id: str
    revision: int
    path: Path
    sha256: str


def verify(repo, sample: int | None = None, on_checked: Callable[[int], None] | None = None) -> FixityReport:
    """Check the archive; `sample`: only that many originals, those verified longest ago
    (never-verified first), and no search for orphan files."""
    started = time.perf_counter()
    originals, total = _originals(repo, sample)
    problems: list[Problem] = []
    whole: list[int] = []
    for original in originals:
        problem = _check(original)
        if problem is None:
            whole.append(original.source_id)
        else:
            problems.append(problem)
        if on_checked:
            on_checked(1)
    _mark_verified(repo, whole)
    problems += _records_without_originals(repo, [o.doc_id for o in originals] if sample is not None else None)
    if sample is None:
        problems += _orphans(repo, {o.path for o in originals})
    return FixityReport(len(originals), total, time.perf_counter() - started, sample is not None, problems)


def count_originals(repo) -> int:
    from sqlalchemy import func

    with repo.db.session() as s:
        return s.scalar(select(func.count()).select_from(SourceRow)) or 0


def _originals(repo, sample: int | None) -> tuple[list[_Original], int]:
    query = (select(SourceRow.id, DocumentRow.doc_id, SourceRow.revision, SourceRow.sha256, SourceRow.ext)
             .join(DocumentRow, DocumentRow.id == SourceRow.document_id))
    if sample is not None:
        query = query.order_by(SourceRow.verified_at.asc().nulls_first(), SourceRow.id).limit(sample)
    else:
        query = query.order_by(SourceRow.id)
    with repo.db.session() as s:
        rows = s.execute(query).all()
    total = count_originals(repo) if sample is not None else len(rows)
    return [_Original(sid, doc_id, rev, repo.archive.path_for(sha, ext), sha)
            for sid, doc_id, rev, sha, ext in rows], total


def _check(original: _Original) -> Problem | None:
    where = str(original.path)
    label = f"{original.doc_id} (file version {original.revision})"
    try:
        if not original.path.is_file():
            return Problem("missing", where, f"the original of {label} is not in the archive")
        found = sha256_file(original.path)
    except OSError as exc:
        return Problem("unreadable", where, f"the original of {label} cannot be read: {exc.strerror or exc}")
    if found != original.sha256:
        return Problem("damaged", where, f"the original of {label} has changed: sha256 {found[:16]}…, "
                                         f"archived as {original.sha256[:16]}…")
    return None


def _mark_verified(repo, source_ids: list[int]) -> None:
    now = utcnow()
    for i in range(0, len(source_ids), _UPDATE_CHUNK):
        with repo.db.session(write=True) as s:
            s.execute(update(SourceRow).where(SourceRow.id.in_(source_ids[i:i + _UPDATE_CHUNK]))
                      .values(verified_at=now))


def _records_without_originals(repo, doc_ids: list[str] | None) -> list[Problem]:
    """Documents with no archived original or no machine record (all, or those given)."""
    no_source = ~exists().where(SourceRow.document_id == DocumentRow.id)
    no_machine = ~exists().where(MachineRecordRow.document_id == DocumentRow.id)
    problems = []
    with repo.db.session() as s:
        for kind, condition, detail in (("no original", no_source, "the record has no archived original"),
                                        ("no record", no_machine, "the document has no extracted record")):
            query = select(DocumentRow.doc_id).where(condition).order_by(DocumentRow.doc_id)
            if doc_ids is not None:
                query = query.where(DocumentRow.doc_id.in_(doc_ids))
            problems += [Problem(kind, doc_id, detail) for doc_id in s.scalars(query)]
    return problems


def _orphans(repo, known: set[Path]) -> list[Problem]:
    """Files in the archive folder no record points to (temporary files of a running ingest aside)."""
    root = repo.archive.root
    if not root.is_dir():
        return []
    problems = []
    for path in sorted(p for p in root.rglob("*") if not p.is_dir()):
        if path.name.startswith(".") and path.name.endswith(PARTIAL_SUFFIX):
            continue
        if path not in known:
            problems.append(Problem("orphan", str(path), "a file in the archive that no record points to"))
    return problems


def printable(text: str) -> str:
    """Control characters and undecodable bytes shown escaped: one problem, one line."""
    return "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in text)
