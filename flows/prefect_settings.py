"""Whether a Prefect API is configured, read without importing Prefect or the pipeline: the command
line asks before anything else starts, so a Ctrl-C meanwhile still finds nothing begun."""
from __future__ import annotations

import os
import tomllib
from pathlib import Path


def prefect_api_configured(environ: dict[str, str] | None = None, cwd: Path | None = None) -> bool:
    """Whether Prefect's settings name an API server, read without importing Prefect (its import
    alone costs about a second): PREFECT_API_URL in the environment, in ./.env, in the active
    profile of PREFECT_HOME/profiles.toml, or `[api] url` in ./prefect.toml."""
    environ = os.environ if environ is None else environ
    cwd = Path.cwd() if cwd is None else cwd
    if environ.get("PREFECT_API_URL"):
        return True
    env_file = cwd / ".env"
    if env_file.is_file() and any(line.strip().startswith("PREFECT_API_URL=") and line.split("=", 1)[1].strip()
                                  for line in env_file.read_text(errors="replace").splitlines()):
        return True
    if _toml(cwd / "prefect.toml").get("api", {}).get("url"):
        return True
    home = Path(environ.get("PREFECT_HOME") or Path.home() / ".prefect")
    profiles = _toml(Path(environ.get("PREFECT_PROFILES_PATH") or home / "profiles.toml"))
    active = environ.get("PREFECT_PROFILE") or profiles.get("active") or "ephemeral"
    return bool(profiles.get("profiles", {}).get(active, {}).get("PREFECT_API_URL"))


def _toml(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
        return {}
