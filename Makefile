# Solidarity: every set-up step is here, so a fresh clone needs only Python 3.11+ and make.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
PG_URL ?= postgres://postgres@127.0.0.1:5432/postgres
export HOST PORT

.PHONY: run test test-postgres e2e screenshots lint format lock install messages clean help

help:
	@echo "make run            set up, load the demo data once and serve on http://$(HOST):$(PORT)"
	@echo "make test           set up and run the whole test suite (SQLite)"
	@echo "make test-postgres  the suite against the local PostgreSQL, in a throwaway database"
	@echo "make e2e            browser tests: Playwright driving Debian's chromium"
	@echo "make screenshots    take the pictures of docs/images/ in the six languages"
	@echo "make lint           ruff lint and format check, mypy type check"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(INSTALLED): pyproject.toml requirements.lock | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"
	$(BIN)/python -m pip install --quiet -c requirements.lock -e ".[dev]"
	touch $(INSTALLED)

install: $(INSTALLED) messages

messages: $(INSTALLED)
	@$(BIN)/python -m solidarity.translations

# The demo's e-mails link to the address served, unless SOLIDARITY_SITE_URL names another.
SITE_HOST := $(if $(filter 0.0.0.0 ::,$(HOST)),127.0.0.1,$(HOST))

run: install
	$(BIN)/solidarity migrate --no-input
	SOLIDARITY_SITE_URL="$${SOLIDARITY_SITE_URL:-http://$(SITE_HOST):$(PORT)}" $(BIN)/solidarity demo
	$(BIN)/solidarity serve --host $(HOST) --port $(PORT)

test: install
	SOLIDARITY_ENV=test $(BIN)/pytest -n 2 tests

test-postgres: install
	SOLIDARITY_ENV=test DATABASE_URL=$(PG_URL) $(BIN)/pytest -n 2 --create-db tests

e2e: install
	@test -x /usr/bin/chromium || { echo "make e2e needs Debian's chromium at /usr/bin/chromium (apt-get install chromium)"; exit 1; }
	SOLIDARITY_ENV=test $(BIN)/pytest e2e

screenshots: install
	@test -x /usr/bin/chromium || { echo "make screenshots needs Debian's chromium at /usr/bin/chromium (apt-get install chromium)"; exit 1; }
	$(BIN)/python -m e2e.screenshots

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

lock: $(BIN)/python
	$(BIN)/python -m pip freeze --exclude-editable | grep -v '^-e' > requirements.lock

clean:
	rm -rf $(VENV) var/static
