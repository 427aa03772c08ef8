# The README's commands. Each sets up .venv from requirements.txt first if it is missing or stale.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PORT   ?= 8888
JOBS   ?= auto
# Kernels get CurveZMQ keys (pyzmq ships libsodium): encrypted sockets, and no ipykernel warning per kernel.
KERNEL_ARGS := --KernelManager.transport_encryption=auto

.PHONY: setup lab test lint outputs validate reports clean screenshots lab-zh lab-en student-edition answer-key \
	classroom classroom-stop classroom-status classroom-add classroom-reset classroom-remove classroom-load release

$(STAMP): requirements.txt pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11+ is needed (pandas 3); set PYTHON=python3.11")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

# axe-core for the accessibility tests (tests/test_axe.py) and configurable-http-proxy for the class server (make
# classroom), at the versions package-lock.json pins. Without npm the step only warns: the accessibility tests then
# skip (CI installs npm and sets REQUIRE_BROWSER=1, so there they fail) and make classroom says what is missing.
NODE_STAMP := node_modules/.installed
$(NODE_STAMP): package.json package-lock.json
	@if command -v npm >/dev/null; then \
	    npm ci --ignore-scripts --no-audit --no-fund --loglevel=error && touch $(NODE_STAMP); \
	else echo "warning: npm not found (Debian: apt-get install nodejs npm): the axe-core accessibility tests will skip and make classroom cannot start" >&2; fi

setup: $(STAMP) $(NODE_STAMP)

# The notebooks are trusted first (a signature in the user's own Jupyter data folder, nothing in the files):
# JupyterLab sanitises the stored outputs of an untrusted notebook, dropping their <style>, so a reopened
# lesson would show its tables and cards unstyled until Run All.
# Offline: JupyterLab neither asks to fetch its news nor checks for updates (the settings in
# lib/biomfg/jupyter/lab/<both|zh|en>/overrides.json, and the server's own switches).
LAB_OPTS := --ServerApp.ip=127.0.0.1 --ServerApp.port=$(PORT) --allow-root --LabApp.extension_manager=readonly $(KERNEL_ARGS) \
	--LabApp.news_url=None --LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate
# One language at a time: `make lab-zh` / `make lab-en` (= `make lab LANGUAGE=zh`) make the lessons in that language
# alone into editions/zh/ (git-ignored; only what is stale; a notebook the student changed is kept unless FORCE=1),
# then open JupyterLab there, its menus in that language too (lib/biomfg/jupyter/lab/<lang>/overrides.json sets the
# default; a language the user picked in Settings stays). LANGUAGE is read from the command line only: in the
# environment it is gettext's list of interface languages (LANG, the locale, is not used at all).
# EDITION=student (`make lab-zh EDITION=student`): the student edition instead, without solutions, made into and
# opened from editions/student-zh/ (what a student with the repository types). Trusted like the lessons.
LANGUAGE_ARG := $(if $(filter command line,$(origin LANGUAGE)),$(LANGUAGE))
EDITION_LANGS := $(if $(LANGUAGE_ARG),$(LANGUAGE_ARG),zh en)
EDITION_OPTS = $(foreach l,$(EDITION_LANGS),--lang $(l)) $(if $(FORCE),--force) $(EDITION_ARGS)
EDITION_ARG := $(if $(filter command line,$(origin EDITION)),$(EDITION))
EDITION_KINDS := lang student
EDITION_DIR = editions/$(if $(filter student,$(EDITION_ARG)),student-)$(LANGUAGE_ARG)
EDITION_CMD = $(if $(filter student,$(EDITION_ARG)),student,editions)
lab: setup
ifneq ($(filter-out $(EDITION_KINDS),$(EDITION_ARG)),)
	$(error EDITION=$(EDITION_ARG) is not known; valid choices: $(EDITION_KINDS))
endif
ifeq ($(LANGUAGE_ARG),)
ifneq ($(EDITION_ARG),)
	$(error EDITION=$(EDITION_ARG) opens one language: make lab-zh EDITION=$(EDITION_ARG) (or lab-en))
endif
	$(BIN)/jupyter trust --log-level=WARN notebooks/*.ipynb notebooks/briefings/*.ipynb
	$(BIN)/jupyter lab $(LAB_OPTS) --LabApp.app_settings_dir=$(CURDIR)/lib/biomfg/jupyter/lab/both $(LAB_ARGS) notebooks/00_start_here.ipynb
else
	$(BIN)/python -m biomfg $(EDITION_CMD) $(EDITION_OPTS)
	$(BIN)/jupyter trust --log-level=WARN $(EDITION_DIR)/*.ipynb
	$(BIN)/jupyter lab $(LAB_OPTS) --LabApp.app_settings_dir=$(CURDIR)/lib/biomfg/jupyter/lab/$(LANGUAGE_ARG) \
	    $(LAB_ARGS) $(EDITION_DIR)/00_start_here.ipynb
endif

lab-zh lab-en:
	@$(MAKE) --no-print-directory lab LANGUAGE=$(@:lab-%=%)

# For graded homework: the one-language editions without solutions, into editions/student-zh/ and student-en/
# (LANGUAGE=zh: one; `make lab-zh EDITION=student` makes one and opens it). For the teacher: a one-page table of every
# exercise's answer, then every exercise with its answer, solution, kind and marking notes, every open question with
# its model answer, zh and en, as offline HTML and A4 PDF, into editions/answer-key/ (EDITION_ARGS=--no-pdf: HTML).
student-edition: setup
	$(BIN)/python -m biomfg student $(EDITION_OPTS)

answer-key: setup
	$(BIN)/python -m biomfg answer-key $(foreach l,$(EDITION_LANGS),--lang $(l)) $(EDITION_ARGS)

# A class on one server (README, "A class on one server"): JupyterHub on this machine, one account and one copy of
# the lessons per student, offline. Needs root (sudo make classroom): the students' system accounts keep their files
# apart. Variables are read from the command line only (HOST, LANGUAGE, ... are often set in a shell's environment).
arg = $(if $(filter command line,$(origin $(1))),$($(1)))
CLASSROOM_OPTS = $(if $(call arg,CLASS),--class $(CLASS)) $(if $(call arg,HOST),--host $(HOST)) \
	--port $(if $(call arg,PORT),$(PORT),8000) $(if $(LANGUAGE_ARG),--language $(LANGUAGE_ARG)) \
	$(if $(EDITION_ARG),--edition $(EDITION_ARG)) $(if $(call arg,ACCOUNTS),--accounts $(ACCOUNTS)) \
	$(if $(call arg,PASSWORDS),--passwords $(PASSWORDS)) $(if $(call arg,CLASS_PASSWORD),--class-password '$(CLASS_PASSWORD)') \
	$(if $(call arg,TEACHER),--teacher $(TEACHER)) $(if $(call arg,IDLE_MINUTES),--idle-minutes $(IDLE_MINUTES)) \
	$(if $(call arg,MEM),--memory $(MEM)) $(if $(call arg,CPUS),--cpus $(CPUS)) $(if $(call arg,HOMES),--homes $(HOMES)) \
	$(if $(call arg,CERT),--cert $(CERT)) $(if $(call arg,KEY),--key $(KEY)) $(if $(call arg,INSECURE),--insecure)
classroom: setup
	@$(BIN)/python -m biomfg classroom start $(strip $(CLASSROOM_OPTS) $(if $(call arg,DETACH),--detach))
classroom-stop classroom-status: setup
	@$(BIN)/python -m biomfg classroom $(@:classroom-%=%)
# End of term: every student's account and work, and classroom/; asks first (YES=1: without asking)
classroom-remove: setup
	@$(BIN)/python -m biomfg classroom remove $(if $(call arg,YES),--yes)
classroom-add: setup
	@$(BIN)/python -m biomfg classroom add $(if $(call arg,CLASS),--class $(CLASS))
classroom-reset: setup
	@$(BIN)/python -m biomfg classroom reset --student '$(STUDENT)' $(strip $(if $(call arg,NOTEBOOK),--notebook $(NOTEBOOK)) $(if $(call arg,PASSWORD),--password))
# A class arriving at once, on a class server of its own (its own accounts and state, removed afterwards):
# STUDENTS log in within a minute, start their servers, open a lesson, Run All, change a widget, check an exercise.
# Writes bench/classroom.json (STUDENTS=30 is the figure the README's sizing table comes from).
classroom-load: setup
	@$(BIN)/python -m biomfg classroom load --students $(if $(call arg,STUDENTS),$(STUDENTS),30)

# A release (README, "Releases"): a clean tree, make test passing, then the dated version (YEAR.MONTH.N) in
# lib/biomfg/__init__.py and CITATION.cff, the changelog's Unreleased section as the release's, the data
# package's version if data/ changed, a commit and a tag vYEAR.MONTH.N. RELEASE_TESTS="..." runs other tests.
release: setup
	@$(BIN)/python -m biomfg release

lint: setup
	$(BIN)/ruff check lib tests notebooks bench

validate: setup
	$(BIN)/python -m biomfg validate

# Every test: lint, library, data, nbval over notebooks/, browser. The tests that hold wall time to an
# absolute limit (marked `timing`) run afterwards, one at a time: beside another worker they time its load.
test: lint
	$(BIN)/python -m pytest -n $(JOBS) --dist loadfile -m "not timing" --durations=25 tests notebooks \
	    --nbval --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg
	$(BIN)/python -m pytest -p no:xdist -m timing tests

# Re-execute every notebook in place so stored outputs match data/ (maintainers, after a data change).
outputs: setup
	$(BIN)/python -m biomfg outputs

# Every briefing as offline HTML + A4 PDF in zh and en, into reports/ (REPORT_ARGS: --region ID, --lang, --jobs N ...).
reports: setup
	$(BIN)/python -m biomfg reports $(REPORT_ARGS)

clean:
	rm -rf $(VENV) node_modules reports screenshots editions .pytest_cache .ruff_cache

# A PNG of every page the screen tests look at, into screenshots/ (git-ignored), to look at all at once:
# each lesson in JupyterLab (stored, Run All en, Run All zh), every Voilà page and slide, every report
# (HTML, and each PDF page). The tests' findings are printed too; SCREEN_PAGES=regex picks pages by name.
SCREEN_TESTS := tests/test_screen_lab.py tests/test_screen_voila.py tests/test_screen_slides.py tests/test_screen_reports.py
screenshots: setup
	rm -rf screenshots
	SCREENSHOTS=screenshots $(BIN)/python -m pytest -n $(JOBS) --dist loadfile -q -p no:cacheprovider $(SCREEN_TESTS); \
	    status=$$?; echo "screenshots: $$(ls screenshots | wc -l) PNG files in screenshots/"; exit $$status

# Live briefing: Voilà on 127.0.0.1 (default port 8866), code hidden, offline, projector theme.
# The root page is notebooks/present.ipynb (links every briefing, zh/en, page or slides). make present PORT=9000
# A page left shuts its kernel down (Voilà's unload beacon, with the _xsrf cookie present.XsrfCookie sets:
# voila-dashboards/voila#1458). Kernels with no open page (a tab closed without the beacon) are culled after
# 2 minutes idle; the page on screen keeps its kernel however long it stays.
CULL_ARGS := --MappingKernelManager.cull_idle_timeout=120 --MappingKernelManager.cull_interval=30 \
	--MappingKernelManager.cull_connected=False
# A cell that fails keeps its error output on the page (Voilà's default replaces it with "There was an error
# when executing cell [n]"): biomfg's own errors (a bad ?region= or ?lang=) are one line naming the valid
# choices (biomfg.errors), so the audience sees what to fix, where they are looking.
ERROR_ARGS := --VoilaConfiguration.show_tracebacks=True
# No blank wait: kernels started ahead for the start page and the briefings, warmed and waiting for their
# request; the _xsrf cookie Voilà's page-leave beacon needs. Both set in lib/biomfg/jupyter/present/voila.py.
PRESENT_CONFIG := $(CURDIR)/lib/biomfg/jupyter/present
PRESENT_PORT = $(if $(filter command line environment,$(origin PORT)),$(PORT),8866)
.PHONY: present
present: setup
	JUPYTER_PATH=$(CURDIR)/lib/biomfg/jupyter JUPYTER_CONFIG_PATH=$(PRESENT_CONFIG) $(BIN)/voila --no-browser --port=$(PRESENT_PORT) \
	    --Voila.ip=127.0.0.1 --template=biomfg_present $(KERNEL_ARGS) $(CULL_ARGS) $(ERROR_ARGS) $(PRESENT_ARGS) notebooks

# Every user-facing cost next to its floor (prints a table, writes bench/results.json).
# FULL=1 also times `make test` (~5 min); otherwise test_suite_s is carried over from the last FULL run.
.PHONY: bench
bench: setup
	$(BIN)/python -m bench $(if $(FULL),--full) $(BENCH_ARGS)
