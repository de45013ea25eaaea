# Two entry points for a fresh machine (python3, git, make): `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SAMPLE := tests/fixtures/hamas-russia-mediation.txt

.PHONY: setup demo test lint schema eval-setup clean phoenix cameo-verbs train

$(BIN)/.installed: requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24.2"
	$(BIN)/pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

setup: $(BIN)/.installed

demo: setup
	rm -f demo.db
	$(BIN)/tacitus ingest $(SAMPLE) --published 2024-06-11 --db sqlite:///demo.db
	$(BIN)/tacitus summary --db sqlite:///demo.db
	@echo "Browse it: .venv/bin/tacitus serve --db sqlite:///demo.db, then open http://127.0.0.1:8000/"

test: setup
	sh tests/web/install-browser.sh || echo "chromium could not be installed: the browser tests will skip"
	$(BIN)/ruff check src tests eval bench
	$(BIN)/ruff format --check src tests eval bench
	$(BIN)/python -m pytest -q

lint: setup
	$(BIN)/ruff check src tests eval bench
	$(BIN)/ruff format --check src tests eval bench

schema: setup
	$(BIN)/python -m tacitus.contract

# Regenerate the converted Phoenix actor and agent tables (src/tacitus/actors/data/phoenix-*.tsv) from the
# MIT-licensed dictionaries (see NOTICE); PHOENIX is the folder holding Phoenix.*.txt.
PHOENIX ?= ../shared/data-sources/phoenix-dictionaries
phoenix: setup
	$(BIN)/python -m tacitus.actors.convert_phoenix $(PHOENIX)

# The CAMEO verb lexicon (src/tacitus/events/data/cameo_verbs.tsv) from the PETRARCH-2 dictionary and the
# CAMEO→PLOVER table in ../shared; the converted file is committed, so this is only needed to regenerate it.
SHARED ?= ../shared
cameo-verbs: setup
	$(BIN)/python scripts/convert_cameo_verbs.py \
		--cameo $(SHARED)/data-sources/phoenix-dictionaries/CAMEO.2.0.txt \
		--mapping $(SHARED)/eval-data/plover-gsr/CAMEO2PLOVER-2021.txt

# The learned event decisions (src/tacitus/events/data/learned-*.json), from the tune part of ../shared/eval-data
# (or $$TACITUS_EVAL_DATA): fixed seed, CPU, about 2 minutes.
train: setup
	$(BIN)/python train/events_learned.py

# The evaluation baselines (textacy, HeidelTime) are heavy and never used at run time: only `make eval-setup`
# installs them. After changing dependencies in pyproject.toml:
#   uv pip compile pyproject.toml --extra dev --generate-hashes --python-version 3.11 -o requirements.lock
#   uv pip compile pyproject.toml --extra dev --extra eval --generate-hashes --python-version 3.11 -o requirements-eval.lock
eval-setup: setup
	$(BIN)/pip install --quiet --require-hashes -r requirements-eval.lock

clean:
	rm -rf $(VENV) demo.db
