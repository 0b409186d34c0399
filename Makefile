# The README's two commands: `make run` (demo site) and `make test` (the whole suite).
# Both create .venv if it is missing and install what they need first.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PYTEST_ARGS ?=

.PHONY: run test messages lint format check clean

$(BIN)/python:
	@echo "==> Creating $(VENV) with $(PYTHON)"
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --upgrade pip

# Stamps: reinstall only when a requirements file changes.
$(VENV)/.installed-run: requirements.txt | $(BIN)/python
	@echo "==> Installing dependencies (requirements.txt)"
	$(BIN)/python -m pip install -r requirements.txt
	@touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(BIN)/python
	@echo "==> Installing dependencies (requirements-dev.txt)"
	$(BIN)/python -m pip install -r requirements-dev.txt
	@touch $@ $(VENV)/.installed-run

# The interface in Spanish: compile site/locale/*/LC_MESSAGES/django.po (needs gettext's msgfmt).
messages: $(VENV)/.installed-run
	$(BIN)/python manage.py compilemessages --ignore=.venv --ignore=var

run: $(VENV)/.installed-run messages
	@mkdir -p var
	@echo "==> Migrating the database (var/db.sqlite3 unless DATABASE_URL is set)"
	$(BIN)/python manage.py migrate --noinput
	@echo "==> Loading demo content"
	$(BIN)/python manage.py load_demo_content
	@echo "==> Serving the site at http://127.0.0.1:8000 (admin at /admin/)"
	$(BIN)/python manage.py runserver 127.0.0.1:8000

# Two sessions: the demo tests share one loaded demo (demo/tests/conftest.py). Exit status 5
# ("no tests collected", e.g. under -k) is a pass.
test: $(VENV)/.installed-dev messages
	@mkdir -p var
	$(BIN)/python -m pytest $(PYTEST_ARGS) || [ $$? -eq 5 ]
	$(BIN)/python -m pytest $(PYTEST_ARGS) demo/tests || [ $$? -eq 5 ]

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.installed-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

check: $(VENV)/.installed-dev
	$(BIN)/python manage.py check
	$(BIN)/python manage.py makemigrations --check --dry-run

clean:
	rm -rf $(VENV) var
