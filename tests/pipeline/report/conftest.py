"""Archives of generated reports for the registry and report tests (see report_corpus.py)."""
import pytest

from report_corpus import ingest, open_archive


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def archive(request, tmp_path_factory):
    """The whole corpus ingested once per module and database; tests must not change it."""
    folder = tmp_path_factory.mktemp(f"archive_{request.param}")
    repo, cleanup = open_archive(request.param, folder)
    try:
        ingest(repo, folder / "reports")
        yield repo
    finally:
        cleanup()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def fresh_archive(request, tmp_path):
    """The corpus in an archive of the test's own, which it may change (corrections, merges)."""
    repo, cleanup = open_archive(request.param, tmp_path)
    try:
        ingest(repo, tmp_path / "reports")
        yield repo
    finally:
        cleanup()
