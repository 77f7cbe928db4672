"""A newcomer reads the code one module at a time: no module of the project over 400 lines
(migrations, which are history, and tests excepted)."""
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("pipeline", "extractors", "flows", "web", "benchmarks", "samples")
LIMIT = 400


def test_no_module_is_over_400_lines():
    too_long = {str(path.relative_to(ROOT)): lines for package in PACKAGES
                for path in sorted((ROOT / package).rglob("*.py")) if "migrations" not in path.parts
                if (lines := len(path.read_text(encoding="utf-8").splitlines())) > LIMIT}
    assert not too_long, f"modules over {LIMIT} lines: {too_long}"
