# Field Guide to Python Web Frameworks. `make help` lists the targets.
SHELL := /bin/bash
.DEFAULT_GOAL := help

UV_VERSION := 0.13.9
TOOLS := .tools
UV := $(TOOLS)/bin/uv
export UV_PYTHON_DOWNLOADS := never
RUN := $(UV) run --locked --no-sync

.PHONY: help install serve build check test lint format schema new-task clean bench lighthouse build-time mutation

help: ## List the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(UV):
	python3 -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

.venv/.synced: $(UV) uv.lock pyproject.toml .python-version
	$(UV) sync --locked --compile-bytecode
	@touch $@

install: .venv/.synced ## Create .venv from uv.lock (Python from .python-version)

serve: install ## Check the inputs, then serve the site on http://127.0.0.1:8000 with live reload
	$(RUN) python -m fieldguide check
	$(RUN) mkdocs serve --dev-addr 127.0.0.1:8000

build: install ## Build the site into site/ (all or nothing)
	$(RUN) python -m fieldguide build

check: install ## Validate data, snippets and pages without building
	$(RUN) python -m fieldguide check

WORKERS ?= $(shell nproc)
# Two steps: everything but the site's tests on every core (pytest-xdist, one test module per
# worker at a time), with snippet coverage; then the tests of the site built from their outcomes.
# Plain `pytest` runs the same tests in one process, in that order.
test: install ## Run the whole test suite on every core, snippet coverage 100% (installs system packages as root)
	scripts/with-services.sh sh -c '$(RUN) pytest -n $(WORKERS) --dist loadfile -m "not site" --cov-fail-under=100 && $(RUN) pytest -m site --no-cov'

lint: install ## ruff check and format check, and the package's import rules (no cycles, layers)
	$(RUN) ruff check .
	$(RUN) ruff format --check .
	$(RUN) pytest -q --no-cov -p no:cacheprovider tests/test_imports.py

format: install ## Apply ruff's fixes and formatting
	$(RUN) ruff check --fix .
	$(RUN) ruff format .

bench: install ## Benchmark every framework (~35 min; needs wrk, valgrind, gcc) into data/benchmarks/
	$(RUN) python -m bench run $(BENCH_ARGS)

schema: install ## Regenerate data/schema/*.schema.json from fieldguide/models.py
	$(RUN) python -m fieldguide schema

new-task: install ## Scaffold a task: make new-task ID=caching TITLE="Caching"
	$(RUN) python -m fieldguide new-task $(ID) --title "$(TITLE)"

build-time: install ## Time the build: 3 fresh builds and 3 serve-style rebuilds, medians printed
	$(RUN) python scripts/build_time.py

TASK ?=
FRAMEWORK ?=
BUDGET ?= 300
mutation: install ## Mutation-test snippets: TASK=auth_token FRAMEWORK=quart (BUDGET= s each; all: ~16 h)
	$(RUN) python -m tests.mutation --task "$(TASK)" --framework "$(FRAMEWORK)" --budget $(BUDGET)

lighthouse: build ## Lighthouse scores and page weights of key pages (npm, Debian's chromium)
	scripts/lighthouse.sh site

clean: ## Remove the built site and caches (keeps .venv)
	rm -rf site .pytest_cache .coverage .coverage.*
