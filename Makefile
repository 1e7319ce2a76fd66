# Tipoff — two commands: `make run` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
export TIPOFF_TEST_DATABASE_URL ?= postgresql://postgres@127.0.0.1:5432/test

.PHONY: run test test-sqlite test-postgres install install-test chromium caddy oidc-provider lint bench fuzz clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test

## Serve on http://127.0.0.1:8000 with SQLite under ./data (migrates first).
run: install
	$(BIN)/tipoff serve --host 127.0.0.1 --port 8000

## Browser tests drive Debian's Chromium (never a downloaded build).
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
		echo "installing Debian's chromium for the browser tests"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

## The https tests put Debian's Caddy in front of `tipoff serve` (tls internal, loopback).
caddy:
	@command -v caddy >/dev/null 2>&1 || { \
		echo "installing Debian's caddy for the https tests"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq caddy >/dev/null; }

## Single sign-on is tested against a real OpenID provider (npm `oidc-provider`, pinned by
## tests/oidc/package-lock.json) on loopback; Node 20+ and npm come with the machine.
oidc-provider: tests/oidc/node_modules/.installed

tests/oidc/node_modules/.installed: tests/oidc/package.json tests/oidc/package-lock.json
	cd tests/oidc && npm ci --no-audit --no-fund --loglevel=error
	touch $@

## The whole suite, once on SQLite and once on PostgreSQL.
test: install-test chromium caddy oidc-provider
	TIPOFF_TEST_DB=sqlite $(BIN)/pytest
	TIPOFF_TEST_DB=postgres $(BIN)/pytest

test-sqlite: install-test
	TIPOFF_TEST_DB=sqlite $(BIN)/pytest $(ARGS)

test-postgres: install-test
	TIPOFF_TEST_DB=postgres $(BIN)/pytest $(ARGS)

## A long randomised pass for developers (a few minutes per database): fresh random
## examples, TIPOFF_FUZZ_SCALE x the examples of every property test (tests/fuzzing.py).
## Keep each case it finds as a plain test; `make test` stays deterministic.
## Property tests written with tests.fuzzing.examples() join by adding their file here.
FUZZ_SCALE ?= 20
FUZZ_TESTS ?= tests/api/test_schema_fuzz.py tests/core/test_textrules.py
## The calendar pre-selection's property test (pytest -m fuzz) joins with fresh seeds and
## TIPOFF_FUZZ_EXAMPLES (default in the test) generated feeds.
fuzz: install-test
	TIPOFF_FUZZ=1 TIPOFF_FUZZ_SCALE=$(FUZZ_SCALE) TIPOFF_TEST_DB=sqlite $(BIN)/pytest -p no:cacheprovider -o timeout=3600 $(FUZZ_TESTS) $(ARGS)
	TIPOFF_FUZZ=1 TIPOFF_FUZZ_SCALE=$(FUZZ_SCALE) TIPOFF_TEST_DB=postgres $(BIN)/pytest -p no:cacheprovider -o timeout=3600 $(FUZZ_TESTS) $(ARGS)
	TIPOFF_FUZZ=1 TIPOFF_TEST_DB=sqlite $(BIN)/pytest -m fuzz -p no:cacheprovider -o timeout=3600 $(ARGS)

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/pytest -q -p no:cacheprovider tests/test_architecture.py  # imports flow one way

bench: install-test
	$(BIN)/python bench/sync.py
	$(BIN)/python bench/brief.py
	$(BIN)/python bench/tip_write.py
	$(BIN)/python bench/push.py
	$(BIN)/python bench/load.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
