# Two commands run everything: `make run` (the app with demo data) and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint demo clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(STAMP)

run: $(STAMP)
	mkdir -p var
	$(BIN)/mattran migrate --noinput
	$(BIN)/mattran demo
	$(BIN)/mattran runserver 127.0.0.1:8000

test: $(STAMP)
	$(BIN)/ruff check mattran
	$(BIN)/pytest

demo: $(STAMP)
	mkdir -p var
	$(BIN)/mattran migrate --noinput
	$(BIN)/mattran demo --reset

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache .hypothesis
