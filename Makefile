# Two entry points for a fresh machine: `make run` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install run test lint eval bench clean

$(STAMP): pyproject.toml constraints.txt
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' 2>/dev/null || { echo "error: Python 3.11 is needed (found '$(PYTHON)'); run 'make PYTHON=/path/to/python3.11'"; exit 2; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt -e ".[dev]"
	@touch $(STAMP)

install: $(STAMP)

# The main job as users run it: the Prefect backfill of samples/ into the archive (SQLite and the
# originals, in THIDUA_OUTPUT_DIR, by default ~/.local/share/thidua; a re-run skips what is archived),
# then the archived records as JSON lines (RECORDS), then where to look next.
RECORDS ?= outputs/samples.jsonl
run: $(STAMP)
	$(BIN)/thidua ingest samples
	$(BIN)/thidua export --format jsonl --out $(RECORDS)
	@printf '%s\n' '' 'Next, look at the result:' \
	  '  $(BIN)/thidua records list                  # every archived record (--needs-review: the review queue)' \
	  '  $(BIN)/thidua records show DOC_ID           # one record: values, review reasons, file versions' \
	  '  $(BIN)/thidua export --format xlsx --out outputs/records.xlsx   # for a spreadsheet (or csv, jsonl)' \
	  '  $(BIN)/thidua user add lan --role editor    # an account for the web page, then:' \
	  '  $(BIN)/thidua serve                         # the review web page at http://127.0.0.1:8000/'

# One test process per core (pytest-xdist): 14 min instead of 22 on two cores.
test: $(STAMP)
	$(BIN)/python -m pytest -n auto --dist worksteal

lint: $(STAMP)
	$(BIN)/ruff check .

eval: $(STAMP)
	$(BIN)/thidua eval samples samples

bench: $(STAMP)
	$(BIN)/python benchmarks/extract_throughput.py

clean:
	rm -rf $(VENV) outputs/*.jsonl outputs/*.xlsx
