"""One settings object for the whole tool, read from THIDUA_* environment variables."""
import os
from functools import lru_cache
from pathlib import Path

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


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
    max_file_mb: float = 20.0  # larger inputs are refused, not read into memory
    log_level: str = "INFO"
    # Orchestration (flows/): documents per Prefect task, extraction processes, an optional Dask
    # scheduler for a backlog bigger than one machine, and how long an inbox file must be left
    # untouched before the nightly run takes it.
    batch_size: int = 100
    workers: int | None = None  # default: every CPU this process may use
    dask_address: str | None = None  # e.g. tcp://scheduler:8786
    inbox_min_age_s: float = 60.0
    # Bounds on what people type and ask (pipeline/storage/values.py, search.py, fixity.py).
    max_value_kb: float = Field(default=100.0, gt=0, allow_inf_nan=False)  # one correction value
    search_timeout_s: float = Field(default=30.0, gt=0, allow_inf_nan=False)  # one search, on the server too
    verify_sample: int = Field(default=50, ge=0)  # originals the nightly run re-checks, oldest-verified first

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
