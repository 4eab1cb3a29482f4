# Two commands for a fresh machine (Python 3.11 and pip, nothing else):
#   make reports   set up, validate the data, regenerate generated files and every report
#   make test      set up, then run the whole test suite
# Set-up is idempotent: .venv is created from the committed uv.lock when missing or stale.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
UV := $(PYTHON) -m uv

.PHONY: help reports test setup browser bench clean lint format

.DEFAULT_GOAL := help

help: ## list the targets (this message)
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  make %-10s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

$(STAMP): pyproject.toml uv.lock
	@$(PYTHON) -m uv --version >/dev/null 2>&1 || $(PYTHON) -m pip install --quiet --disable-pip-version-check uv
	UV_PROJECT_ENVIRONMENT=$(VENV) $(UV) sync --locked --extra dev --python $(PYTHON) --quiet
	$(BIN)/python -m ipykernel install --sys-prefix --name migresearch --display-name "migresearch (Python 3.11)" >/dev/null
	@touch $(STAMP)

setup: $(STAMP) ## create or refresh .venv from uv.lock (idempotent)

# Debian's Chromium for the headless-browser tests (installed, never downloaded by a test tool).
browser: ## install Debian's chromium for the browser tests (as root)
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null); \
	  else echo "chromium not found: install Debian's chromium package to run the browser tests"; fi; }

# Validate the data and regenerate the catalog only when a data file or the package changed;
# `migresearch build` then decides per report from content hashes what to rebuild.
CHECKED := $(VENV)/.data-checked
$(CHECKED): $(STAMP) $(wildcard data/*.csv) $(wildcard src/migresearch/*.py src/migresearch/*/*.py)
	$(BIN)/migresearch validate
	$(BIN)/migresearch catalog
	@touch $@

reports: $(CHECKED) ## validate the data, regenerate the catalog and every report
	$(BIN)/migresearch build

test: $(STAMP) browser ## run the whole test suite
	$(BIN)/python -m pytest -q

bench: $(STAMP) ## run the benchmarks (ratios measured side by side)
	UV_PROJECT_ENVIRONMENT=$(VENV) $(UV) pip install --quiet -p $(VENV) -r bench/requirements.txt
	$(BIN)/python bench/validate.py
	$(BIN)/python bench/figures.py
	$(BIN)/python bench/build.py

lint: $(STAMP) ## format check, lint, type check (mypy) and the import-layer contract
	$(BIN)/ruff format --check src tests bench
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy
	$(BIN)/lint-imports --no-logo

format: $(STAMP) ## format the code and apply ruff's safe fixes
	$(BIN)/ruff format src tests bench
	$(BIN)/ruff check --fix src tests bench

clean: ## remove .venv and the generated reports
	rm -rf $(VENV) reports/en reports/es reports/index.html reports/manifest.json
