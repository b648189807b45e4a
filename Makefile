# Gongkai: `make run` starts the platform with demo data; `make test` runs every test.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test bench lint install install-dev clean-var

$(BIN)/python:
	bash scripts/bootstrap-venv.sh "$(PYTHON)" "$(VENV)"

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[dev,postgres]'
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

## make run: install, migrate the SQLite database in var/, load the demo data once, serve.
run: $(VENV)/.installed
	bash scripts/system-deps.sh run
	$(BIN)/gongkai migrate --noinput
	$(BIN)/gongkai demo
	$(BIN)/gongkai serve --host $(HOST) --port $(PORT)

## make test: install dev dependencies and missing Debian packages, then every test
## (SQLite, PostgreSQL on 127.0.0.1, headless Chromium).
test: $(VENV)/.installed-dev
	bash scripts/system-deps.sh test
	bash scripts/test.sh

bench: $(VENV)/.installed-dev
	$(BIN)/python -m gongkai.bench all --json

## make lint: ruff, mypy, and pip-audit over the installed packages (scripts/dependency-audit.py)
lint: $(VENV)/.installed-dev
	$(BIN)/ruff check src tests
	$(BIN)/mypy
	$(BIN)/python scripts/dependency-audit.py

clean-var:
	rm -rf var
