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

    @property
    def effective_database_url(self) -> str:
        return self.database_url or f"sqlite:///{(self.output_dir / 'thidua.db').as_posix()}"

    @property
    def effective_archive_dir(self) -> Path:
        return self.archive_dir or self.output_dir / "archive"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
