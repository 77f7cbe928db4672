"""Run reports: counts, exit codes, Markdown and log lines."""
from pipeline.read.document import DocumentResult, Status
from pipeline.report.runs import MAX_LISTED, RunReport


def result(name: str, status: Status, reason: str | None = None) -> DocumentResult:
    return DocumentResult(path=f"/in/{name}", doc_id=name, status=status, reason=reason)


def test_counts_throughput_and_exit_codes():
    report = RunReport("Backfill", [result("a", Status.OK), result("b", Status.SKIPPED, "already archived"),
                                     result("c|d", Status.FAILED, "empty file")], seconds=2.0, extracted=2)
    assert (report.count(Status.OK), report.count(Status.SKIPPED), report.count(Status.FAILED)) == (1, 1, 1)
    assert report.exit_code == 1 and report.files_per_s == 1.5 and report.extracted_per_s == 1.0
    assert report.headline() == "Backfill: 1 ok, 1 skipped, 1 failed"
    assert report.lines()[-1] == "failed: /in/c|d: empty file"
    md = report.markdown()
    assert "| ok | 1 |" in md and "| **total** | **3** |" in md and "| /in/c\\|d | empty file |" in md
    assert RunReport("x", [result("a", Status.SKIPPED)], 1.0).exit_code == 0
    stopped = RunReport("x", [], 1.0, stopped="cannot connect to database", stopped_exit_code=2)
    assert stopped.exit_code == 2 and "**Stopped early:** cannot connect" in stopped.markdown()


def test_long_lists_are_cut_in_markdown_and_logs():
    failed = [result(f"f{i}", Status.FAILED, "empty file") for i in range(MAX_LISTED + 3)]
    report = RunReport("x", failed, 1.0, details=[("d", "updated: title")])
    assert "... and 3 more" in report.markdown() and "| d | updated: title |" in report.markdown()
    assert report.lines(max_failures=2)[-1] == f"... and {MAX_LISTED + 1} more failed file(s)"
