# Two commands for a fresh machine (Python 3.11 and pip, nothing else):
#   make reports   set up, validate the data, regenerate generated files and every report
#   make test      set up, then run the whole test suite
# Set-up is idempotent: .venv is created from the committed uv.lock when missing or stale.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
UV := $(PYTHON) -m uv

.PHONY: help reports test setup browser bench clean lint format core-test floors lab docs

.DEFAULT_GOAL := help

help: ## list the targets (this message)
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  make %-10s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

$(STAMP): pyproject.toml uv.lock
	@$(PYTHON) -m uv --version >/dev/null 2>&1 || $(PYTHON) -m pip install --quiet --disable-pip-version-check uv
	UV_PROJECT_ENVIRONMENT=$(VENV) $(UV) sync --locked --extra dev --python $(PYTHON) --quiet
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

# The core tests (load, validate, query; no report extras) on the other supported Pythons, from uv.lock.
# The interpreters are pyenv's on these machines (found, never downloaded: UV_PYTHON_DOWNLOADS=never).
CORE_PYTHONS ?= 3.12 3.13
core-test: ## run the core tests on Python 3.12 and 3.13 (pyenv's interpreters, from uv.lock)
	@for v in $(CORE_PYTHONS); do \
	  py=$$(ls -d $${PYENV_ROOT:-$$HOME/.pyenv}/versions/$$v.*/bin/python3 2>/dev/null | sort -V | tail -1); \
	  [ -n "$$py" ] || py=$$(command -v python$$v); \
	  [ -n "$$py" ] || { echo "Python $$v not found (pyenv or PATH)"; exit 1; }; \
	  echo "core tests on $$($$py --version)"; \
	  UV_PYTHON_DOWNLOADS=never UV_PROJECT_ENVIRONMENT=.venv-$$v $(UV) sync --locked --extra test --python $$py --quiet || exit 1; \
	  MIGRESEARCH_CORE_TESTS=1 .venv-$$v/bin/python -m pytest -q -p no:cacheprovider || exit 1; \
	done

# The declared floors are true: the core tests at the lowest versions the floors allow (uv's lowest-direct).
floors: $(STAMP) ## run the core tests at the lowest dependency versions pyproject.toml allows
	rm -rf .venv-lowest
	UV_PYTHON_DOWNLOADS=never $(UV) venv --quiet --python $(PYTHON) .venv-lowest
	$(UV) pip install --quiet -p .venv-lowest/bin/python --resolution lowest-direct -e ".[test]"
	MIGRESEARCH_CORE_TESTS=1 .venv-lowest/bin/python -W ignore::DeprecationWarning -m pytest -q -p no:cacheprovider -W ignore::DeprecationWarning

lab: $(STAMP) ## open JupyterLab on the notebooks, in .venv (the standard python3 kernel)
	$(BIN)/jupyter lab notebooks/

docs: $(STAMP) ## build the documentation site into site/ (strict: any warning fails)
	$(BIN)/python -m migresearch.build.docs
	$(BIN)/mkdocs build --strict --quiet

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
