"""What a run did, in numbers people read: counts by status, failures with reasons, throughput.

One `RunReport` per backfill, nightly or re-extraction run; it renders as Markdown (a Prefect
artifact, a cron mail) and as short log lines. Plain data over DocumentResults, no Prefect.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from pipeline.read.document import DocumentResult, Status

MAX_LISTED = 500  # failures listed in the Markdown report; the rest are counted


@dataclass
class RunReport:
    title: str
    results: list[DocumentResult]
    seconds: float
    extracted: int = 0  # files read and extracted in this run (not skipped)
    stopped: str | None = None  # why the run stopped before the end (database gone, disk full)
    stopped_exit_code: int = 0
    notes: list[str] = field(default_factory=list)  # what else happened (files moved, fields changed)
    details: list[tuple[str, str]] = field(default_factory=list)  # (document, what changed), listed apart
    done_word: str = "stored"  # what an OK file was: "stored" (ingest), "re-extracted"

    def count(self, status: Status) -> int:
        return sum(r.status == status for r in self.results)

    @property
    def failed(self) -> list[DocumentResult]:
        return [r for r in self.results if r.status == Status.FAILED]

    @property
    def files_per_s(self) -> float:
        return len(self.results) / self.seconds if self.seconds > 0 else 0.0

    @property
    def extracted_per_s(self) -> float:
        return self.extracted / self.seconds if self.seconds > 0 else 0.0

    @property
    def exit_code(self) -> int:
        """0 every file ok or skipped, 1 some failed, or the stopping problem's own code."""
        if self.stopped:
            return self.stopped_exit_code or 1
        return 1 if self.failed else 0

    def throughput(self) -> str:
        """Counts that add up to the files read: stored + skipped + failed."""
        ok, skipped, failed = self.count(Status.OK), self.count(Status.SKIPPED), self.count(Status.FAILED)
        return (f"{len(self.results)} file(s) in {self.seconds:.1f} s ({self.files_per_s:.1f} files/s): "
                f"{ok} {self.done_word}, {skipped} skipped, {failed} failed; "
                f"{self.extracted} went through extraction ({self.extracted_per_s:.1f} files/s)")

    def headline(self) -> str:
        return (f"{self.title}: {self.count(Status.OK)} ok, {self.count(Status.SKIPPED)} skipped, "
                f"{self.count(Status.FAILED)} failed")

    def lines(self, max_failures: int = 50) -> list[str]:
        """The summary as log lines: headline, throughput, notes, then the failures."""
        out = [self.headline(), self.throughput(), *self.notes]
        if self.stopped:
            out.append(f"stopped early: {self.stopped}")
        failed = self.failed
        out += [f"failed: {r.path}: {r.reason}" for r in failed[:max_failures]]
        if len(failed) > max_failures:
            out.append(f"... and {len(failed) - max_failures} more failed file(s)")
        return out

    def markdown(self) -> str:
        md = [f"# {_cell(self.title)}", ""]
        if self.stopped:
            md += [f"**Stopped early:** {_cell(self.stopped)}", ""]
        md += ["| status | files |", "|---|---:|"]
        md += [f"| {s.value} | {self.count(s)} |" for s in Status]
        md += [f"| **total** | **{len(self.results)}** |", "", f"Throughput: {self.throughput()}.", ""]
        md += [f"- {_cell(note)}" for note in self.notes]
        if self.notes:
            md.append("")
        if self.details:
            md += ["## Changes", "", "| document | change |", "|---|---|"]
            md += [f"| {_cell(doc)} | {_cell(change)} |" for doc, change in self.details[:MAX_LISTED]]
            if len(self.details) > MAX_LISTED:
                md.append(f"\n... and {len(self.details) - MAX_LISTED} more")
            md.append("")
        failed = self.failed
        if failed:
            md += [f"## Failed files ({len(failed)})", "", "| file | reason |", "|---|---|"]
            md += [f"| {_cell(r.path)} | {_cell(r.reason or '')} |" for r in failed[:MAX_LISTED]]
            if len(failed) > MAX_LISTED:
                md.append(f"\n... and {len(failed) - MAX_LISTED} more")
        return "\n".join(md).rstrip() + "\n"


def _cell(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def changes(results: list[DocumentResult]) -> tuple[list[str], list[tuple[str, str]]]:
    """Notes (how many updated, unchanged, flagged) and one line per updated document."""
    updated = [r for r in results if r.status == Status.OK and (r.reason or "").startswith("updated")]
    unchanged = sum(1 for r in results if r.status == Status.OK and r.reason == "unchanged")
    flagged = [r for r in results if "needs review" in (r.reason or "")]
    notes = [f"{len(updated)} updated, {unchanged} unchanged, {len(flagged)} flagged for review"]
    return notes, [(r.doc_id, r.reason or "") for r in updated]
