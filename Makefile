# Quick start: `make serve` runs the service on :8080, `make test` runs the tests.
# Each creates the virtualenv it needs (.venv) from the pinned requirements first.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8080
# the shared benchmark `make bench` reads at run time (its error-dense and scraped pages)
BENCH_DATA ?= ../shared/bench

.PHONY: serve test venv dev-venv bench clean-cache

$(VENV)/.runtime: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: $(VENV)/.runtime requirements-dev.txt
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

venv: $(VENV)/.runtime
dev-venv: $(VENV)/.dev

serve: $(VENV)/.runtime
	COPYDESK_BIND=0.0.0.0:$(PORT) $(PY) -m service serve

test: $(VENV)/.dev
	@./.ci/install-browser || echo "no Chromium: the browser tests will skip"
	$(PY) -m pytest -q

bench: $(VENV)/.dev
	$(PY) -m bench.perf --bench $(BENCH_DATA)
