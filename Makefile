# Every target sets itself up: the first run creates .venv from the pinned requirements.
# One environment in two layers: what the build needs (requirements.txt), which `make check`,
# `make html`, `make serve` and `make publish` install, and what the tests add
# (requirements-test.txt), which `make test` and `make lint` install on top.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
BUILD_READY := $(VENV)/.build-requirements-installed
TEST_READY := $(VENV)/.test-requirements-installed
IMPORT_READY := $(VENV)/.import-requirements-installed
PIP_INSTALL := $(BIN)/python -m pip install --quiet --disable-pip-version-check
# A failed creation or install removes .venv, so the next run starts again instead of
# reusing a half-made environment (or one made by a Python that is too old).
DROP_VENV := { rm -rf $(VENV); echo "make: removed $(VENV), which could not be set up" >&2; exit 1; }
NEEDS_PYTHON := import sys; sys.exit(0 if sys.version_info >= (3, 11) else \
	"Python 3.11 or newer is needed; found %d.%d — install it, or name it: make PYTHON=python3.11" \
	% sys.version_info[:2])
# Checked before anything is installed: pip's own error for a Python that is too old
# ("No matching distribution found") does not say what is wrong.
CHECK_PYTHON = command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 or newer is needed; found no \
	$(PYTHON) — install it, or name it: make PYTHON=python3.11" >&2; exit 1; }; $(PYTHON) -c '$(NEEDS_PYTHON)'
EXPLAINER := PYTHONPATH=plugins $(BIN)/python -m explainer
PORT ?= 8000
PIP_COMPILE_OPTIONS := --quiet --strip-extras --allow-unsafe --no-emit-index-url --no-emit-find-links \
	--no-emit-trusted-host
LIGHTHOUSE := .lighthouse/node_modules/.bin/lighthouse

.PHONY: help serve html publish check import diff test quick lint format audit bench requirements clean

help:
	@echo "make serve    set up, build and serve the site on http://127.0.0.1:$(PORT)"
	@echo "make test     set up and run every test"
	@echo "make check    validate the content only (fast)"
	@echo "make import FILE=saved-page.html  write content/sources/<slug>.md from a saved page (or .txt)"
	@echo "make diff BASE=main  what this change does to the site: pages, citations, claims, timeline"
	@echo "make quick    the tests without browsers and whole-build kills (under a minute)"
	@echo "make html     development build into output/"
	@echo "make publish  production build (SITEURL=https://user.github.io/repo make publish)"
	@echo "make lint     ruff check and format check, and the stages' import order"
	@echo "make audit    Lighthouse (mobile) scores for each page type (needs Node.js)"
	@echo "make bench    build time against plain Pelican, 100 to 2,000 sources (about 7 minutes)"
	@echo "make requirements  pin requirements*.txt again from requirements*.in (needs the network)"
	@echo "make clean    remove build products (keeps .venv)"

$(VENV)/pyvenv.cfg:
	@$(CHECK_PYTHON)
	$(PYTHON) -m venv $(VENV) || $(DROP_VENV)

$(BUILD_READY): requirements.txt | $(VENV)/pyvenv.cfg
	@$(BIN)/python -c '$(NEEDS_PYTHON)' || $(DROP_VENV)
	$(PIP_INSTALL) -r requirements.txt || $(DROP_VENV)
	touch $@

# The tests import saved pages too, so the test layer sits on the import layer.
$(TEST_READY): requirements-test.txt $(IMPORT_READY)
	$(PIP_INSTALL) -r requirements-test.txt || $(DROP_VENV)
	touch $@

$(IMPORT_READY): requirements-import.txt $(BUILD_READY)
	$(PIP_INSTALL) -r requirements-import.txt || $(DROP_VENV)
	touch $@

# A development build's "Cite this page" gives the address `make serve` serves it on.
html: $(BUILD_READY)
	EXPLAINER_CITATION_SITEURL=http://127.0.0.1:$(PORT) $(EXPLAINER) build --settings pelicanconf.py

publish: $(BUILD_READY)
	$(EXPLAINER) build --settings publishconf.py

check: $(BUILD_READY)
	$(EXPLAINER) check --settings pelicanconf.py

# make import FILE=~/Downloads/article.html [SLUG=name]: never overwrites a source.
import: $(IMPORT_READY)
	$(EXPLAINER) import --settings pelicanconf.py "$(FILE)" $(if $(SLUG),--slug "$(SLUG)")

# make diff BASE=main: builds BASE and the working tree in a temporary folder and reports, as
# Markdown, the pages added, removed and changed, and the citations, quotations, claims and
# timeline entries that come and go. CI appends it to the pull request's job summary.
BASE ?= main
diff: $(BUILD_READY)
	@$(EXPLAINER) diff --base "$(BASE)" $(if $(SUMMARY),--summary "$(SUMMARY)") $(if $(ARTIFACT),--artifact "$(ARTIFACT)")

serve: html
	$(EXPLAINER) serve --port $(PORT)

test: lint
	$(BIN)/python -m pytest

# Spread over every CPU (pytest-xdist): each worker builds the site once, so two CPUs already
# halve the wait. `make test` stays in one process, where browser timings are steadier.
quick: $(TEST_READY)
	$(BIN)/python -m pytest -m "not browser and not slow" -n auto

# The stages' import order (.importlinter, ARCHITECTURE.md) is checked with the style.
lint: $(TEST_READY)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	PYTHONPATH=plugins $(BIN)/lint-imports --no-cache --no-logo

format: $(TEST_READY)
	$(BIN)/ruff format .

$(LIGHTHOUSE):
	npm install --no-audit --no-fund --prefix .lighthouse lighthouse@12.8.2

audit: html $(LIGHTHOUSE)
	$(BIN)/python tools/audit.py output $(LIGHTHOUSE)

bench: $(BUILD_READY)
	$(BIN)/python tools/bench.py

# pip-tools runs in a throwaway environment: the project's own never depends on it.
requirements:
	@$(CHECK_PYTHON)
	tools=$$(mktemp -d) && $(PYTHON) -m venv "$$tools" && "$$tools/bin/pip" install --quiet pip-tools \
	&& "$$tools/bin/pip-compile" $(PIP_COMPILE_OPTIONS) -o requirements.txt requirements.in \
	&& "$$tools/bin/pip-compile" $(PIP_COMPILE_OPTIONS) -o requirements-test.txt requirements-test.in \
	&& "$$tools/bin/pip-compile" $(PIP_COMPILE_OPTIONS) -o requirements-import.txt requirements-import.in; \
	status=$$?; rm -rf "$$tools"; exit $$status

clean:
	rm -rf output output.partial output.previous output.lock cache .pytest_cache
	find . -name __pycache__ -not -path './$(VENV)/*' -prune -exec rm -rf {} +
