# The commands a newcomer types.
PY ?= python3
VENV ?= .venv
BIN = $(VENV)/bin
export HF_HUB_OFFLINE = 1

.PHONY: demo serve test lint bench install clean

$(BIN)/marsad:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[api]'

install: $(BIN)/marsad

demo: install
	$(BIN)/marsad demo

serve: install
	$(BIN)/marsad serve

$(VENV)/.test-deps: pyproject.toml | $(BIN)/marsad
	$(BIN)/pip install -q -e '.[test]'
	touch $@

test: $(VENV)/.test-deps
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/pytest

lint: $(VENV)/.test-deps
	$(BIN)/ruff check src tests bench scripts

bench: $(VENV)/.test-deps
	$(BIN)/python bench/throughput.py

clean:
	rm -rf $(VENV) *.db
