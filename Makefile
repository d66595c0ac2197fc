# The two commands of the README's quick start:
#   make demo   set everything up and run mtqa on seeds/
#   make test   set everything up and run the whole test suite
.PHONY: setup demo test lint-self

setup:
	@scripts/setup.sh

demo: setup
	@.venv/bin/mtqa lint seeds/ --exit-zero

test: setup
	@.venv/bin/python -m pytest -q

lint-self: setup
	@.venv/bin/ruff check mtqa tests bench
	@.venv/bin/lint-imports
