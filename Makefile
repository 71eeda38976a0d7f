# Quick start: `make serve` runs the service on :8080, `make test` runs the tests.
# Each creates the virtualenv it needs (.venv) from the pinned requirements first.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8080
# the shared benchmark `make bench` reads at run time (its error-dense and scraped pages)
BENCH_DATA ?= ../shared/bench

.PHONY: serve test venv dev-venv bench clean-cache prose-pools

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

# the Debian documentation packages bench.clean_prose's pools read (tune3, tune5, tune6, heldout3,
# heldout4; the other pools read what Python and Debian's base system install). Run as root.
PROSE_POOL_PACKAGES := cfi-en debian-handbook doc-debian debian-faq debian-reference-en \
	developers-reference debian-edu-doc-en aptitude-doc-en \
	autoconf-doc gnu-standards aspell-doc borgbackup-doc m4-doc haproxy-doc cflow-doc \
	gnucash-docs lilypond-doc-html gimp-help-en \
	png-definitive-guide speakup-doc solfege-doc putty-doc supervisor-doc nut-doc
# the packages whose documentation bench.heldout_pairs swaps its errors into (its DOC_SOURCES; npm's
# documentation comes with nodejs).
PAIRS_PACKAGES := nodejs dpkg-dev libexpat1-dev time bc ninja-build python3 xtrans-dev libjs-underscore \
	libffi8 python3-setuptools libjs-bootstrap openssl systemd procps libpango-1.0-0 python3-httplib2 \
	libxml2 libgtk-3-common
prose-pools:
	apt-get install --yes --no-install-recommends $(PROSE_POOL_PACKAGES) $(PAIRS_PACKAGES)
