# Shortcuts for the same tasks as tasks.py (which needs only Python, not make).
PYTHON ?= python3

.PHONY: run test bench package lint
run:
	$(PYTHON) tasks.py run
test:
	$(PYTHON) tasks.py test
bench:
	$(PYTHON) tasks.py bench
package:
	$(PYTHON) tasks.py package
lint:
	.venv/bin/ruff check . && .venv/bin/ruff format --check .
