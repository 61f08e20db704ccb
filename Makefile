# Two commands on a fresh machine with Python 3.11+ and make: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)

.PHONY: install run serve test test-browser lint format bench eval-matching eval-text clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	$(BIN)/python -c "from rules.textsignals.morphology import warm_romance_dictionaries as w; w()"
	@rm -f $(VENV)/.installed-*
	@touch $(STAMP)

install: $(STAMP)

## Migrate, load the demo data, and serve on 127.0.0.1:8000 with a Celery worker and beat.
run: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo_data
	@scripts/serve-all.sh

## Serve without reloading demo data.
serve: install
	$(BIN)/python manage.py migrate --noinput
	@scripts/serve-all.sh

## The whole suite, in TEST_PROCESSES processes at once (pytest-xdist). Browser tests run
## where Debian's chromium is (or can be) installed.
TEST_PROCESSES ?= 2
test: install
	@scripts/ensure-chromium.sh || echo "chromium not available: browser tests will be skipped"
	$(BIN)/python manage.py makemigrations --check --dry-run > /dev/null || \
		(echo "Model changes without a migration: run manage.py makemigrations" && exit 1)
	@$(BIN)/pytest -n $(TEST_PROCESSES) $(PYTEST_ARGS); rc=$$?; \
		if [ $$rc -eq 5 ]; then echo "pytest collected no tests"; exit 1; fi; exit $$rc

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-logo

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

## Benchmarks: figures printed as per-second rates and ratios to the targets.
bench: install
	$(BIN)/python benchmarks/run_all.py

## Restricted-party matching quality, held out, on ../shared/data/ofac-sdn (README "Matching").
eval-matching: install
	$(BIN)/python benchmarks/eval_matching.py

## Text-signal quality: recall and false positives per language and category, on the
## reporting half of benchmarks/data/text_eval (README "Text signals").
eval-text: install
	$(BIN)/python benchmarks/eval_text.py

clean:
	rm -rf $(VENV) var
