# newsarchive: `make site` builds the sample archive into output/, `make test` runs every test.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PORT ?= 8000
# What the targets below need installed first; `make site INSTALLED=` uses the venv as it is.
INSTALLED ?= $(STAMP)

.PHONY: install site content build publish serve test lint clean golden axe vnu bench

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $(STAMP)

install: $(STAMP)  ## create .venv and install newsarchive with its test tools

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

golden: $(INSTALLED)  ## rebuild the sample site and store it as the expected tree of the golden test
	NEWSARCHIVE_REFRESH_GOLDEN=1 $(BIN)/pytest -q tests/functional/test_golden.py

test: $(INSTALLED) axe vnu  ## the whole test suite (browser tests need chromium and chromium-driver)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/pytest

lint: $(INSTALLED)
	$(BIN)/ruff check src tests benchmarks

N ?= 10000
ROUNDS ?= 2
bench: $(INSTALLED)  ## newsarchive vs plain Pelican on N generated articles (N=1000, ROUNDS=1 to change)
	$(BIN)/python -m benchmarks.bench --articles $(N) --rounds $(ROUNDS)

clean:  ## remove built output and caches (keeps .venv and content/)
	rm -rf output cache .pytest_cache test-artifacts
