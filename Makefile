# Eventwire developer commands. `make help` lists them.
PYTHON ?= python3.11
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: help up test test-fast check bench schemas constraints clean

help:  ## list the commands
	@grep -E '^[a-z-]+:.*##' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml constraints.txt
	@command -v $(PYTHON) >/dev/null || { echo "Eventwire needs $(PYTHON) (Python 3.11) on PATH"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -c constraints.txt -e '.[test,dev]'
	touch $(STAMP)

up: $(STAMP)  ## set up and run the whole stack on this machine (SQLite, no other services)
	$(VENV)/bin/eventwire up

test: $(STAMP)  ## set up and run the full test suite (needs the Redis and PostgreSQL of this machine)
	bash scripts/install-browser.sh
	$(PY) -m pytest

test-fast: $(STAMP)  ## unit and API tests only
	$(PY) -m pytest tests/unit tests/api tests/extraction -q

check: $(STAMP)  ## lint
	$(VENV)/bin/ruff check .

bench: $(STAMP)  ## run the benchmarks and print their figures
	$(PY) -m bench

schemas: $(STAMP)  ## regenerate schemas/json from the marshmallow schemas
	$(PY) -m schemas.export

constraints: $(STAMP)  ## re-pin every dependency after changing pyproject.toml
	( sed -n '1,2p' constraints.txt; $(PY) -m pip freeze --exclude-editable | grep -v '^eventwire' ) > constraints.tmp && mv constraints.tmp constraints.txt

clean:  ## remove the virtualenv and local data
	rm -rf $(VENV) var
