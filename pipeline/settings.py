"""One settings object for the whole tool, read from THIDUA_* environment variables."""
from functools import lru_cache
from pathlib import Path

from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="THIDUA_", env_file=".env", extra="ignore")

    output_dir: Path = Path("outputs")
    database_url: str | None = None  # default: sqlite file in output_dir
    archive_dir: Path | None = None  # default: output_dir/archive
    max_file_mb: float = 20.0  # larger inputs are refused, not read into memory
    log_level: str = "INFO"
    # Orchestration (flows/): documents per Prefect task, extraction processes, an optional Dask
    # scheduler for a backlog bigger than one machine, and how long an inbox file must be left
    # untouched before the nightly run takes it.
    batch_size: int = 100
    workers: int | None = None  # default: every CPU this process may use
    dask_address: str | None = None  # e.g. tcp://scheduler:8786
    inbox_min_age_s: float = 60.0
    # Scans and legacy office files (pipeline/ocr.py, pipeline/readers/office.py)
    ocr_language: str = "vie"
    ocr_dpi: int = 200  # ~2 s a page on one core; 300 dpi takes ~3.5 s for little gain
    ocr_page_timeout_s: float = 120.0
    office_timeout_s: float = 120.0  # one LibreOffice conversion

    @property
    def effective_workers(self) -> int:
        if self.workers:
            return max(1, self.workers)
        import os

        return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)

    @property
    def effective_database_url(self) -> str:
        return self.database_url or f"sqlite:///{(self.output_dir / 'thidua.db').as_posix()}"

    @property
    def effective_archive_dir(self) -> Path:
        return self.archive_dir or self.output_dir / "archive"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
