"""The archive's log of backfill and nightly runs, which `thidua status` and the scheduler's check
read: the part of `Repository` about runs."""
from __future__ import annotations


from sqlalchemy import select

from pipeline.store.models import RunRow, utcnow

from pipeline.store.views import RunInfo, aware


class RunLog:
    """Mixed into `Repository` (which provides `db`)."""

    # --- runs -----------------------------------------------------------------------------------

    def start_run(self, kind: str, name: str) -> int:
        with self.db.session(write=True) as s:
            run = RunRow(kind=kind, name=name, state="running")
            s.add(run)
            s.flush()
            return run.id

    def finish_run(self, run_id: int, state: str, *, stored: int = 0, skipped: int = 0, failed: int = 0,
                   message: str | None = None) -> None:
        with self.db.session(write=True) as s:
            run = s.get(RunRow, run_id)
            if run is not None:
                run.state, run.finished_at, run.message = state, utcnow(), message
                run.stored, run.skipped, run.failed = stored, skipped, failed

    def runs(self, kind: str | None = None, limit: int = 10) -> list[RunInfo]:
        """The newest runs first."""
        query = select(RunRow).order_by(RunRow.id.desc()).limit(limit)
        if kind:
            query = query.where(RunRow.kind == kind)
        with self.db.session() as s:
            return [RunInfo(r.id, r.kind, r.name, r.state, aware(r.started_at),
                            aware(r.finished_at) if r.finished_at else None, r.stored, r.skipped, r.failed,
                            r.message) for r in s.scalars(query)]

