# Two commands do everything: `make report` and `make test` (both set up .venv first).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
ARTICLES := $(wildcard data/articles/*.txt data/articles/*.html data/articles/*.htm)
CORPORA := $(wildcard data/corpora/*/)

.PHONY: setup report test lab notebooks lint bench clean

$(STAMP): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	$(BIN)/pip install --quiet --no-deps -e .
	$(BIN)/python -m analysis.setup_nltk
	touch $(STAMP)

setup: $(STAMP)

report: $(STAMP)
	$(BIN)/python -m analysis $(ARTICLES) --out reports
	@for d in $(CORPORA); do \
		echo "corpus $$d"; \
		$(BIN)/python -m analysis corpus $$d --out reports/corpora/$$(basename $$d) || exit 1; \
	done

test: $(STAMP)
	$(BIN)/python -m pytest

lab: $(STAMP)
	$(BIN)/jupyter lab notebooks/

notebooks: $(STAMP)
	$(BIN)/python -m analysis.notebooks notebooks/*.ipynb

lint: $(STAMP)
	$(BIN)/ruff check analysis tests bench

bench: $(STAMP)
	$(BIN)/python bench/quotes.py
	$(BIN)/python bench/entities.py
	$(BIN)/python bench/timex.py
	$(BIN)/python bench/scale.py
	$(BIN)/python bench/pipeline.py
	$(BIN)/python bench/bench_terms.py
	$(BIN)/python bench/bench_syllables.py
	$(BIN)/python bench/pages.py
	$(BIN)/python bench/corpus.py

clean:
	rm -rf $(VENV) reports .nltk_data
