# Hub Parentalité – the two commands a newcomer needs are `make run` and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
PG_URL ?= postgres://postgres@127.0.0.1:5432/hub_parentalite_ci
LOAD_DB_URL ?= postgres://postgres@127.0.0.1:5432/hub_parentalite_load
export DJANGO_SETTINGS_MODULE ?= hub.settings.dev
# One test process per core (pytest-xdist); a test class stays on one process (its setUpTestData runs
# once). Transactional tests run apart, after the others (see tests/conftest.py).
PYTEST_PARALLEL ?= -n auto --dist loadscope

BENCH_DB_URL ?= postgres://postgres@127.0.0.1:5432/hub_parentalite_bench

.PHONY: run test deps lint check test-sqlite test-postgres demo clean chromium load-test load-smoke screenshots production bench

$(BIN)/.installed: pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "$(PYTHON) est introuvable : installez Python 3.11." >&2; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $@

node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null 2>&1 || { echo "npm est introuvable : installez Node.js (paquets Debian nodejs et npm)." >&2; exit 1; }
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

deps: $(BIN)/.installed node_modules/.installed

demo: deps
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_departements
	$(BIN)/python manage.py load_communes --if-empty
	$(BIN)/python manage.py load_demo_content
	$(BIN)/python manage.py search_index rebuild

run: demo
	@echo ""
	@echo "  Site :            http://127.0.0.1:$(PORT)/"
	@echo "  Administration :  http://127.0.0.1:$(PORT)/admin/"
	@echo "  Comptes de démonstration (mot de passe : \$$DEMO_PASSWORD, sinon « parentalite-demo ») :"
	@echo "    admin-national  administration nationale (tous les départements)"
	@echo "    coord-nord      coordination du Nord (59)"
	@echo "    coord-gironde   coordination de la Gironde (33)"
	@echo "  Les courriels (envoyés par la file de tâches) s'affichent ici."
	@echo ""
	$(BIN)/python manage.py db_worker --no-startup-delay & worker=$$!; \
		trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
		$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

lint: deps
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache --no-logo

check: deps
	DJANGO_SETTINGS_MODULE=hub.settings.test $(BIN)/python manage.py check
	DJANGO_SETTINGS_MODULE=hub.settings.test $(BIN)/python manage.py makemigrations --check --dry-run
	SECRET_KEY=$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(64))') ALLOWED_HOSTS=hub.example.fr \
		DJANGO_SETTINGS_MODULE=hub.settings.production $(BIN)/python manage.py check --deploy --fail-level WARNING

# Headless Chromium for the accessibility and privacy checks (tests marked "browser").
chromium:
	@scripts/ensure-chromium || echo "Chromium indisponible : les tests navigateur seront ignorés (échec en CI)." >&2

test-sqlite: deps chromium
	DATABASE_URL= $(BIN)/python -m pytest -m "not transactional" $(PYTEST_PARALLEL)
	DATABASE_URL= $(BIN)/python -m pytest -m transactional

test-postgres: deps
	@scripts/ensure-postgres
	DATABASE_URL=$(PG_URL) $(BIN)/python -m pytest -m "not browser and not transactional" $(PYTEST_PARALLEL)
	DATABASE_URL=$(PG_URL) $(BIN)/python -m pytest -m "transactional and not browser"

test: lint check test-sqlite
	@if scripts/ensure-postgres; then \
		$(MAKE) --no-print-directory test-postgres; \
	elif [ "$$CI" = "true" ]; then \
		echo "PostgreSQL est requis en CI." >&2; exit 1; \
	else \
		echo "PostgreSQL indisponible : la suite n'a tourné que sur SQLite."; \
	fi

# Load test (gunicorn + PostgreSQL, production settings, demo content; recreates LOAD_DB_URL).
load-test: deps
	LOAD_DATABASE_URL=$(LOAD_DB_URL) scripts/load-test 50 60

load-smoke: deps
	LOAD_DATABASE_URL=$(LOAD_DB_URL) scripts/load-test 5 10

# The production set-up: Varnish (deploy/varnish/hub.vcl) in front of gunicorn, cache on Redis.
production: deps
	scripts/production

# 50,000 actions and 5,000 events on PostgreSQL, each page type cached, uncached and static.
bench: deps
	@scripts/ensure-postgres || { echo "PostgreSQL est requis pour le banc d'essai." >&2; exit 1; }
	BENCH_DATABASE_URL=$(BENCH_DB_URL) $(BIN)/python benchmarks/national_bench.py

# The journeys at 360 and 1280 px, from a throwaway demo database, into var/screenshots/.
screenshots: deps
	scripts/screenshots

clean:
	rm -rf $(VENV) node_modules var db.sqlite3*
