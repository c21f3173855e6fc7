# Every target sets itself up: the first run creates .venv from the pinned requirements.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
READY := $(VENV)/.requirements-installed
EXPLAINER := PYTHONPATH=plugins $(BIN)/python -m explainer
PORT ?= 8000
LIGHTHOUSE := .lighthouse/node_modules/.bin/lighthouse

.PHONY: help serve html publish check test lint format audit bench clean

help:
	@echo "make serve    set up, build and serve the site on http://127.0.0.1:$(PORT)"
	@echo "make test     set up and run every test"
	@echo "make check    validate the content only (fast)"
	@echo "make html     development build into output/"
	@echo "make publish  production build (SITEURL=https://user.github.io/repo make publish)"
	@echo "make lint     ruff check and format check"
	@echo "make audit    Lighthouse (mobile) scores for each page type (needs Node.js)"
	@echo "make bench    build time against plain Pelican, 100 to 2,000 sources (about 7 minutes)"
	@echo "make clean    remove build products (keeps .venv)"

$(READY): requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

html: $(READY)
	$(EXPLAINER) build --settings pelicanconf.py

publish: $(READY)
	$(EXPLAINER) build --settings publishconf.py

check: $(READY)
	$(EXPLAINER) check --settings pelicanconf.py

serve: html
	$(EXPLAINER) serve --port $(PORT)

test: lint
	$(BIN)/python -m pytest

lint: $(READY)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(READY)
	$(BIN)/ruff format .

$(LIGHTHOUSE):
	npm install --no-audit --no-fund --prefix .lighthouse lighthouse@12.8.2

audit: html $(LIGHTHOUSE)
	$(BIN)/python tools/audit.py output $(LIGHTHOUSE)

bench: $(READY)
	$(BIN)/python tools/bench.py

clean:
	rm -rf output output.partial cache .pytest_cache
	find . -name __pycache__ -not -path './$(VENV)/*' -prune -exec rm -rf {} +
