# The README's commands. Each sets up .venv from requirements.txt first if it is missing or stale.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PORT   ?= 8888
JOBS   ?= auto

.PHONY: setup lab test lint outputs validate reports clean

$(STAMP): requirements.txt pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11+ is needed (pandas 3); set PYTHON=python3.11")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

setup: $(STAMP)

lab: setup
	$(BIN)/jupyter lab --ServerApp.ip=127.0.0.1 --ServerApp.port=$(PORT) --allow-root \
	    --LabApp.extension_manager=readonly $(LAB_ARGS) notebooks/00_start_here.ipynb

lint: setup
	$(BIN)/ruff check lib tests notebooks bench

validate: setup
	$(BIN)/python -m biomfg validate

# Every test: lint, library, data, nbval over notebooks/, browser.
test: lint
	$(BIN)/python -m pytest -n $(JOBS) --dist loadfile tests notebooks \
	    --nbval --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg

# Re-execute every notebook in place so stored outputs match data/ (maintainers, after a data change).
outputs: setup
	$(BIN)/python -m biomfg outputs

# Every briefing as offline HTML + A4 PDF in zh and en, into reports/ (REPORT_ARGS: --region ID, --lang, --jobs N ...).
reports: setup
	$(BIN)/python -m biomfg reports $(REPORT_ARGS)

clean:
	rm -rf $(VENV) reports .pytest_cache .ruff_cache

# Live briefing: Voilà on 127.0.0.1 (default port 8866), code hidden, offline, projector theme.
# The root page is notebooks/present.ipynb (links every briefing, zh/en, page or slides). make present PORT=9000
PRESENT_PORT = $(if $(filter command line environment,$(origin PORT)),$(PORT),8866)
.PHONY: present
present: setup
	JUPYTER_PATH=$(CURDIR)/lib/biomfg/jupyter $(BIN)/voila --no-browser --port=$(PRESENT_PORT) \
	    --Voila.ip=127.0.0.1 --template=biomfg_present $(PRESENT_ARGS) notebooks

# Every user-facing cost next to its floor (prints a table, writes bench/results.json).
# FULL=1 also times `make test` (~5 min); otherwise test_suite_s is carried over from the last FULL run.
.PHONY: bench
bench: setup
	$(BIN)/python -m bench $(if $(FULL),--full) $(BENCH_ARGS)
