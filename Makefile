# Two commands for a fresh machine: `make run` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: help run test test-real lint format bench clean

# Plain `make` says what each target does (the first target is the default).
help:
	@echo "coach — make targets"
	@echo "  make run     create .venv, install coach in it and open the terminal app"
	@echo "  make test    install the test extras, run ruff and the whole test suite"
	@echo "  make test-real  whole sessions against a real model (COACH_TEST_BASE_URL=…/v1)"
	@echo "  make lint    ruff check and format check only"
	@echo "  make format  apply ruff format and fixes"
	@echo "  make bench   print the performance figures (bench/*.py)"
	@echo "  make clean   remove .venv and build leftovers"
	@echo ""
	@echo "For daily use, put the command on your PATH:  pipx install .   (or: pip install .)"
	@echo "Without installing: .venv/bin/coach after make run."

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed

run: $(VENV)/.installed
	$(BIN)/coach

test: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest -q -n 2

# Whole sessions against a real model server (minutes); skipped unless COACH_TEST_BASE_URL is set.
test-real: $(VENV)/.installed-test
	$(BIN)/python -m pytest -q -s tests_real

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.installed-test
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: $(VENV)/.installed-test
	$(BIN)/python bench/startup.py
	$(BIN)/python bench/interactive.py
	$(BIN)/python bench/turn_overhead.py
	$(BIN)/python bench/chat_prompt.py
	$(BIN)/python bench/resume.py
	$(BIN)/python bench/sessions_list.py
	$(BIN)/python bench/memory.py
	$(BIN)/python bench/big_reply.py
	$(BIN)/python bench/stream_render.py

clean:
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache
