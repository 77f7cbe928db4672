"""What the command line tells its users: `-h` on every command, help in plain words (no Python
types, no ranges, no jargon, every argument and option described, no line cut mid-sentence),
`--version`, document ids whole in an 80-column terminal, a compact `records history`."""
import os
import re
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from extractors.run import process_path
from flows.cli import app
from pipeline.store.repository import MACHINE
import storage_fixtures

db_url, storage_env, reports = storage_fixtures.db_url, storage_fixtures.storage_env, storage_fixtures.reports
runner = CliRunner()
NOISE = [re.compile(p) for p in (r"<[\w\[\]., |]+>",  # <list[Path]>, <int range>, <bool>
                                  r"\[x\s*[<>]=?", r"<=\s*x", r"\brange\b")]
JARGON = ("GOLD_FORMAT", "Prefect task", "flow", "task runner", "artifact")


def _commands():
    """(words after `thidua`, click command) for every command and group of the tree."""

    def walk(command, path):
        yield path, command
        for name, sub in sorted(getattr(command, "commands", {}).items()):
            yield from walk(sub, [*path, name])

    return list(walk(typer.main.get_command(app), []))


COMMANDS = _commands()
IDS = [" ".join(path) or "thidua" for path, _ in COMMANDS]


def _help(path: list[str], flag: str, width: int | None = None) -> str:
    extra = {"terminal_width": width, "max_content_width": width} if width else {}
    result = runner.invoke(app, [*path, flag], prog_name="thidua", **extra)
    assert result.exit_code == 0, result.output
    return result.output


def test_the_tree_holds_every_command():
    assert {"extract", "eval", "ingest", "reextract", "export", "search", "records list", "records history",
            "db status", "schedule", "deploy", "status", "report rankings", "units merge", "verify", "doctor",
            "serve", "user add"} <= set(IDS)


@pytest.mark.parametrize(("path", "command"), COMMANDS, ids=IDS)
def test_dash_h_is_help_in_plain_words(path, command):
    shown = _help(path, "-h")
    assert shown == _help(path, "--help")
    assert shown.startswith("Usage: ") and f"{' '.join(['thidua', *path])}" in shown.splitlines()[0]
    for pattern in NOISE:
        assert not pattern.search(shown), f"type noise {pattern.search(shown).group()!r} in:\n{shown}"
    for word in JARGON:
        assert word.lower() not in shown.lower(), f"{word!r} in:\n{shown}"
    for param in command.params:
        assert (param.help or "").strip(), f"{' '.join(path)}: {param.name} has no description"


@pytest.mark.parametrize(("path", "command"), COMMANDS, ids=IDS)
def test_help_is_never_cut_mid_sentence(path, command):
    """On a wide terminal every paragraph and every option's description is one line: line breaks
    come from the terminal's width, never from the source."""
    lines = [" ".join(line.split()) for line in _help(path, "--help", width=1000).splitlines()]
    paragraphs = [" ".join(p.split()) for p in (command.help or "").split("\n\n") if p.strip()]
    described = [" ".join(param.help.split()) for param in command.params if param.help]
    for text in paragraphs + described:
        assert any(text in line for line in lines), f"{text!r} is cut across lines in:\n" + "\n".join(lines)


def test_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.output.strip() == f"thidua {version('thidua')}"


def _thidua_command() -> list[str]:
    script = Path(sys.executable).with_name("thidua")
    return [str(script)] if script.is_file() else [sys.executable, "-c", "from flows.cli import main; main()"]


def _store(paths) -> list[str]:
    from pipeline.store import open_repository

    with open_repository() as repo:
        return [repo.store_extraction(p, r.document.sha256, r.document, r.normalized_text, r.record).doc_id
                for p, r in ((p, process_path(p)) for p in paths)]


def test_document_ids_are_whole_in_an_80_column_terminal(storage_env, reports):
    paths = []
    for i, path in enumerate(reports(3)):
        long_name = path.with_name(f"bao-cao-so-ket-cong-tac-thi-dua-khen-thuong-cum-thi-dua-so-{i}{path.suffix}")
        paths.append(path.rename(long_name))
    doc_ids = _store(paths)
    assert min(map(len, doc_ids)) > 60
    shown = subprocess.run([*_thidua_command(), "records", "list"], capture_output=True, text=True, timeout=300,
                           env={**os.environ, "COLUMNS": "80"})
    assert shown.returncode == 0, shown.stderr
    lines = shown.stdout.splitlines()
    assert max(map(len, lines)) <= 80, shown.stdout
    for doc_id in doc_ids:
        assert any(doc_id in line for line in lines), f"{doc_id} is cut in:\n{shown.stdout}"


def test_records_list_reads_at_80_columns_in_a_pipe(storage_env, reports):
    """Each title reads as a sentence (not folded into narrow table columns), every line fits."""
    doc_ids = _store(reports(4))
    from pipeline.store import open_repository

    with open_repository() as repo:
        titles = {r.doc_id: r.title for r in repo.list() if r.doc_id in doc_ids}
    assert all(titles.values())
    shown = subprocess.run([*_thidua_command(), "records", "list"], capture_output=True, text=True, timeout=300,
                           env={**os.environ, "COLUMNS": "80"})
    assert shown.returncode == 0, shown.stderr
    assert max(map(len, shown.stdout.splitlines())) <= 80, shown.stdout
    words = " ".join(shown.stdout.split())
    for doc_id, title in titles.items():
        assert doc_id in words and " ".join(title.split()) in words, f"{title!r} does not read in:\n{shown.stdout}"


def test_records_history_is_one_short_line_per_change(storage_env, reports):
    doc_id = _store(reports(1))[0]
    long_title = "Báo cáo tổng kết công tác thi đua, khen thưởng năm 2023 và phương hướng nhiệm vụ năm 2024 " * 2
    for field, value, user in (("title", long_title, "Lan"), ("meeting.venue", "Hội trường A", "Minh")):
        result = runner.invoke(app, ["records", "set", doc_id, field, value, "-u", user, "-r", "theo biên bản"])
        assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["records", "history", doc_id])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 3, result.stdout  # the first reading, then the two corrections
    first, title, venue = lines
    assert re.match(rf"\d{{4}}-\d\d-\d\d \d\d:\d\d  v1  {MACHINE}  ingest  whole record  \(ingested from .*\.txt\)$",
                    first), first
    assert "  v2  Lan  correct  title: " in title and " → " in title and title.endswith("(theo biên bản)")
    assert "…" in title and len(title) < 160 and long_title.strip() not in title  # values shortened
    assert venue.endswith('meeting.venue: null → "Hội trường A"  (theo biên bản)') or \
        re.search(r'meeting\.venue: ".*" → "Hội trường A"  \(theo biên bản\)$', venue), venue
