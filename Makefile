# Koers — the two commands a new user needs are `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
STAMP := $(VENV)/.installed
LINTED := src tests conftest.py $(wildcard bench)

SPECTRAL := tools/spectral/node_modules/.bin/spectral

.PHONY: help run test test-sqlite test-postgres lint lint-api format clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP) ## Create the environment, load the Brainport dataset and serve on http://127.0.0.1:$(PORT)
	@# A refused reload (data added on top of an older demo) is explained and the site still starts.
	-$(BIN)/koers demo
	$(BIN)/koers serve --port $(PORT)

lint: $(STAMP) ## ruff, mypy --strict and the migrations check
	$(BIN)/ruff check $(LINTED)
	$(BIN)/ruff format --check $(LINTED)
	$(BIN)/mypy src
	env -u KOERS_TEST_DATABASE_URL DJANGO_SETTINGS_MODULE=koers.conf.test $(BIN)/python manage.py makemigrations --check --dry-run

lint-api: ## Lint the committed OpenAPI document with Spectral and the NL API Design Rules
	@if [ -x $(SPECTRAL) ]; then \
		$(SPECTRAL) lint --fail-severity error -r docs/api/spectral.yaml docs/api/openapi.json; \
	elif [ "$$CI" = "true" ]; then \
		echo "Spectral is missing: npm ci --prefix tools/spectral" >&2; exit 1; \
	else echo "Spectral not installed (npm ci --prefix tools/spectral): API lint skipped"; fi

test: lint lint-api test-sqlite test-postgres ## Lint, then the whole suite on SQLite (and PostgreSQL if KOERS_TEST_DATABASE_URL is set)

test-sqlite: $(STAMP)
	env -u KOERS_TEST_DATABASE_URL $(BIN)/pytest -n 2 -q

test-postgres: $(STAMP)
	@if [ -n "$$KOERS_TEST_DATABASE_URL" ]; then \
		echo "== the suite again on PostgreSQL ($$KOERS_TEST_DATABASE_URL)"; \
		$(BIN)/pytest -n 2 -q -m "not browser"; \
	else echo "KOERS_TEST_DATABASE_URL not set: PostgreSQL run skipped"; fi

format: $(STAMP) ## Format the code with ruff
	$(BIN)/ruff format $(LINTED)
	$(BIN)/ruff check --fix $(LINTED)

clean: ## Remove the environment and local data
	rm -rf $(VENV) var
