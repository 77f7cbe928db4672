"""One settings object for the whole tool, read from THIDUA_* environment variables."""
import os
from functools import lru_cache
from pathlib import Path
from typing import Annotated

from pydantic import Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
PositiveNumber = Annotated[float, Field(gt=0, allow_inf_nan=False)]


def default_home() -> Path:
    """Where the archive lives unless THIDUA_OUTPUT_DIR says otherwise: one per user, the same
    from any folder, a new terminal or a cron job ($XDG_DATA_HOME/thidua, ~/.local/share/thidua)."""
    data = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data) / "thidua"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="THIDUA_", env_file=".env", extra="ignore")

    output_dir: Path = Field(default_factory=default_home)  # the archive's home: database, originals, Prefect's files
    database_url: str | None = None  # default: sqlite file in output_dir
    archive_dir: Path | None = None  # default: output_dir/archive
    max_file_mb: PositiveNumber = 20.0  # larger inputs are refused, not read into memory
    # Bounds on the work one file may cost (pipeline/read/limits.py): bytes are not work. A small
    # .docx can unpack to a gigabyte, a small PDF can hold thousands of pages.
    max_docx_mb: PositiveNumber = 100.0  # a .docx unpacked (all its parts together)
    max_docx_parts: int = Field(default=2000, gt=0)  # members of a .docx package
    max_pdf_pages: int = Field(default=500, gt=0)
    max_text_chars: int = Field(default=2_000_000, gt=0)  # text read from one file, before normalising
    file_timeout_s: PositiveNumber = 300.0  # reading and extracting one file
    log_level: str = "WARNING"  # what the terminal shows of the logs (Prefect's UI gets INFO)
    # Orchestration (flows/): documents per Prefect task, extraction processes, an optional Dask
    # scheduler for a backlog bigger than one machine, and how long an inbox file must be left
    # untouched before the nightly run takes it.
    batch_size: int = Field(100, ge=1)
    workers: int | None = Field(None, ge=0)  # default (or 0): every CPU this process may use
    dask_address: str | None = None  # e.g. tcp://scheduler:8786
    inbox_min_age_s: float = Field(60.0, ge=0, allow_inf_nan=False)
    notify_url: str | None = None  # a webhook that hears of a failed, quarantining or late nightly run
    # The review web app: a session ends after this long unused, and at the latest this long after
    # login; this many failed logins for one name from one address lock it for the window.
    session_idle_minutes: float = 60.0
    session_max_hours: float = 12.0
    login_attempts: int = 5
    login_window_minutes: float = 15.0
    # Scans and legacy office files (pipeline/read/ocr.py, pipeline/read/office.py)
    ocr_language: str = "vie"
    ocr_dpi: int = 200  # ~2 s a page on one core; 300 dpi takes ~3.5 s for little gain
    ocr_page_timeout_s: float = 120.0
    office_timeout_s: float = 120.0  # one LibreOffice conversion
    # Bounds on what people type and ask (pipeline/store/values.py, search.py, fixity.py).
    max_value_kb: float = Field(default=100.0, gt=0, allow_inf_nan=False)  # one correction value
    search_timeout_s: float = Field(default=30.0, gt=0, allow_inf_nan=False)  # one search, on the server too
    verify_sample: int = Field(default=50, ge=0)  # originals the nightly run re-checks, oldest-verified first

    @field_validator("log_level")
    @classmethod
    def _known_level(cls, value: str) -> str:
        if value.strip().upper() not in LOG_LEVELS:
            raise ValueError(f"must be one of {', '.join(LOG_LEVELS)}")
        return value.strip().upper()

    @field_validator("output_dir", "archive_dir")
    @classmethod
    def _absolute(cls, folder: Path | None) -> Path | None:
        """Resolved once, when read: a relative THIDUA_OUTPUT_DIR means the folder it named then."""
        return None if folder is None else Path(os.path.abspath(os.path.expanduser(folder)))

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


def settings_problems(exc: ValidationError) -> list[str]:
    """One line per bad THIDUA_* value, in the words of the environment variable."""
    lines = []
    for error in exc.errors():
        name = "THIDUA_" + "_".join(str(part) for part in error["loc"]).upper()
        message = error["msg"].removeprefix("Value error, ").replace("Input should", "should")
        if error["type"] == "finite_number":
            message = "must be a finite number"
        lines.append(f"{name}={error.get('input')!s:.60} is not valid: {message}")
    return lines
