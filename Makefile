# newsarchive: `make site` builds the sample archive into output/, `make test` runs every test.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
PORT ?= 8000
# What the targets below need installed first; `make site INSTALLED=` uses the venv as it is.
INSTALLED ?= $(STAMP)

.PHONY: install install-test site content build publish serve test test-lowest lint clean golden axe vnu bench eval-tags

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $(STAMP)

$(TEST_STAMP): $(STAMP)
	$(BIN)/pip install --quiet -e ".[test]"
	touch $(TEST_STAMP)

install: $(STAMP)  ## create .venv and install newsarchive (what a site needs, no test tools)

install-test: $(TEST_STAMP)  ## add the test tools to .venv

content: $(INSTALLED)  ## import the sample digests into content/
	$(BIN)/newsarchive import digests/*.txt

build: $(INSTALLED)  ## build output/ from content/
	$(BIN)/newsarchive build

site: content build  ## import the sample digests and build output/

publish: content  ## build with publishconf.py (absolute URLs, feeds)
	$(BIN)/newsarchive build --publish

serve: $(INSTALLED)  ## serve output/ at http://127.0.0.1:$(PORT)/
	$(BIN)/newsarchive serve --port $(PORT)


AXE_DIR := .cache/axe

axe: $(AXE_DIR)/node_modules/axe-core/axe.min.js  ## install axe-core (npm) for the accessibility tests

$(AXE_DIR)/node_modules/axe-core/axe.min.js:
	mkdir -p $(AXE_DIR)
	npm install --prefix $(AXE_DIR) --no-save --no-audit --no-fund axe-core@4

VNU_DIR := .cache/vnu

vnu: $(VNU_DIR)/node_modules/vnu-jar/build/dist/vnu.jar  ## install the Nu HTML checker (npm vnu-jar; runs on Java) for the validity tests

$(VNU_DIR)/node_modules/vnu-jar/build/dist/vnu.jar:
	mkdir -p $(VNU_DIR)
	npm install --prefix $(VNU_DIR) --no-save --no-audit --no-fund vnu-jar@26

TESTED ?= $(TEST_STAMP)

golden: $(TESTED)  ## rebuild the sample site and store it as the expected tree of the golden test
	NEWSARCHIVE_REFRESH_GOLDEN=1 $(BIN)/pytest -q tests/functional/test_golden.py

test: $(TESTED) axe vnu  ## the whole test suite (browser tests need chromium and chromium-driver)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/lint-imports
	$(BIN)/pytest

lint: $(TESTED)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/lint-imports

N ?= 10000
ROUNDS ?= 2
bench: $(INSTALLED)  ## newsarchive vs plain Pelican, Pelican + Pagefind, Hugo + Pagefind on N generated articles (N=1000, ROUNDS=1 to change)
	$(BIN)/pip install --quiet -e ".[bench]"
	$(BIN)/python -m benchmarks.bench --articles $(N) --rounds $(ROUNDS)

LOWEST ?= .cache/venv-lowest
UV ?= .cache/uv/bin/uv
test-lowest:  ## install the lowest versions pyproject.toml allows (uv --resolution lowest-direct) and run a smoke subset
	test -x $(UV) || ($(PYTHON) -m venv .cache/uv && .cache/uv/bin/pip install --quiet uv)
	rm -rf $(LOWEST)
	$(UV) venv --quiet --python $(PYTHON) $(LOWEST)
	VIRTUAL_ENV=$(LOWEST) $(UV) pip install --quiet --resolution lowest-direct -e ".[test]"
	$(LOWEST)/bin/python -m pytest -q -p no:cacheprovider tests/test_cli.py tests/ingest \
		tests/functional/test_site_pages.py tests/build/test_output_safety.py -k "not two_builds and not killing"

GOLD ?=
eval-tags: $(INSTALLED)  ## tag precision and recall on public gold data (GOLD=folder made by benchmarks/tags/prepare.py)
	@test -n "$(GOLD)" || { echo "usage: make eval-tags GOLD=folder (see benchmarks/tags/README.md)"; exit 2; }
	$(BIN)/python -m benchmarks.tags.evaluate --gold $(GOLD) $(if $(RECORD),--record "$(RECORD)")

clean:  ## remove built output and caches (keeps .venv and content/)
	rm -rf output cache .pytest_cache test-artifacts
