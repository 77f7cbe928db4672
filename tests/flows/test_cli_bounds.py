"""Bad values and queries typed at the command line: one `error:` line and exit 2, never a
traceback; output for scripts is the document's text as it is (no rich emoji or markup)."""
import json

import pytest
from typer.testing import CliRunner

from extractors.run import process_path
from flows.cli import app
from pipeline.store import open_repository

runner = CliRunner()


def thidua(*args: str):
    result = runner.invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result


@pytest.fixture
def doc(storage_env, reports):
    path = reports(1)[0]
    path.write_text(path.read_text(encoding="utf-8") + "\nGhi chú của văn thư :x: :100: [bold]đậm[/bold]\n",
                    encoding="utf-8")
    result = process_path(path)
    with open_repository() as repo:
        return repo.store_extraction(path, result.document.sha256, result.document, result.normalized_text,
                                     result.record).doc_id


BAD_SETS = {
    "integer over 2^63": ("meeting.period", str(2 ** 63 + 5), "out of range"),
    "integer of 5,000 digits": ("meeting.period", "9" * 5000, "cannot be read"),
    "lone surrogate in JSON": ("title", '"H\\ud800i"', "lone surrogate"),
    "lone surrogate from the shell": ("title", "bad\udcffname", "lone surrogate"),
    "60k-deep JSON": ("members", "[" * 60_000 + "]" * 60_000, "nested more than"),
    "NUL character": ("title", '"a\\u0000b"', "NUL character"),
    "NaN": ("ranks[0].score", "NaN", "finite number"),
    "200 KB value": ("title", "x" * 200_000, "at most 100 KB"),
    "unknown field": ("titel", "x", "unknown field"),
}


@pytest.mark.parametrize("case", sorted(BAD_SETS))
def test_records_set_refuses_bad_values_with_one_line(doc, case):
    field, value, message = BAD_SETS[case]
    result = thidua("records", "set", doc, field, value, "--user", "Lan")
    assert result.exit_code == 2, result.output[-2000:]
    errors = [line for line in result.output.splitlines() if line.strip()]
    assert len(errors) == 1 and errors[0].startswith("error:") and message in errors[0], errors[:3]
    assert "Traceback" not in result.output
    assert json.loads(thidua("records", "show", doc).stdout)["version"] == 1


@pytest.mark.parametrize("args", [("--cluster", "99999999999999999999999"), ("--cluster", "²"),
                                  ("--year", "99999999999999999999")])
def test_records_list_refuses_numbers_that_are_none(doc, args):
    result = thidua("records", "list", *args)
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "not a cluster number" in result.output or "Invalid value for '--year'" in result.output


def test_a_search_of_one_word_400_times_says_it_was_cut(doc):
    result = thidua("search", " ".join(["ghi"] * 400), "--json")
    assert result.exit_code == 0
    assert "note: the query was cut" in result.output
    hits = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert [h["doc_id"] for h in hits] == [doc]


def test_json_output_is_the_documents_text_not_rich_markup(doc):
    title = ":x: :100: [bold]Tiêu đề[/bold] :smile:"
    assert thidua("records", "set", doc, "title", title, "--user", ":100:").exit_code == 0
    shown = json.loads(thidua("records", "show", doc).stdout)
    assert shown["record"]["title"] == title and shown["corrections"][0]["user"] == ":100:"
    listed = json.loads(thidua("records", "list", "--json").stdout)
    assert listed["title"] == title
    history = [json.loads(line) for line in thidua("records", "history", doc, "--json").stdout.splitlines()]
    assert history[-1]["new_value"] == title and history[-1]["actor"] == ":100:"
    hits = [json.loads(line) for line in thidua("search", "ghi chú văn thư", "--json").stdout.splitlines()]
    assert ":x: :100: [bold]đậm[/bold]" in hits[0]["snippet"]
    table = thidua("records", "list").stdout
    assert ":x:" in table and "❌" not in table and "💯" not in table
