# make run   set up a local virtual environment and start Backstretch
# make test  set up everything and run the whole suite: lint, types, imports, tests
# make check the quick loop: lint, types, imports, core and ui tests (no end2end)
# make bench run the benchmarks and print medians
# make sound-timing  follow a whole routine (ROUTINE=desk-break) with real sound,
#            recorded, against its plan (takes as long as the routine)
# make schemas  regenerate the JSON Schemas from the model
# make screenshots  render every screen, light and dark, into screenshots/

VENV ?= .venv
PY := $(VENV)/bin/python
RUNTIME := $(VENV)/.runtime-installed
DEV := $(VENV)/.dev-installed

.PHONY: run test check lint bench sound-timing schemas screenshots clean

run: $(RUNTIME)
	@scripts/system-deps run
	$(VENV)/bin/backstretch $(ARGS)

test: $(DEV)
	@scripts/system-deps test
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m mypy
	$(VENV)/bin/lint-imports
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(PYTEST_ARGS)

check: $(DEV)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m mypy
	$(VENV)/bin/lint-imports
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q tests/core tests/ui $(PYTEST_ARGS)

lint: $(DEV)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m mypy

schemas: $(DEV)
	$(PY) -m backstretch_gui.core.schema --write

bench: $(DEV)
	$(PY) benchmarks/run.py
	QT_QPA_PLATFORM=offscreen $(PY) benchmarks/editor.py
	@scripts/system-deps test
	$(PY) benchmarks/gui.py
	$(PY) benchmarks/startup.py
	$(PY) benchmarks/audio.py
	$(PY) benchmarks/memory_stages.py

sound-timing: $(DEV)
	@scripts/system-deps test
	$(PY) benchmarks/routine_sound.py $(or $(ROUTINE),desk-break) $(ARGS)

screenshots: $(DEV)
	$(PY) scripts/screenshots.py
	QT_QPA_PLATFORM=offscreen $(PY) scripts/illustrations/contact_sheet.py

$(VENV)/pyvenv.cfg:
	@python=$$(scripts/find-python) && echo "Using $$python" && "$$python" -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip

$(RUNTIME): $(VENV)/pyvenv.cfg pyproject.toml
	$(PY) -m pip install -q -e .
	@touch $@

$(DEV): $(VENV)/pyvenv.cfg pyproject.toml
	$(PY) -m pip install -q -e '.[dev]'
	@touch $@ $(RUNTIME)

clean:
	rm -rf $(VENV) build dist .mypy_cache .pytest_cache .ruff_cache screenshots
