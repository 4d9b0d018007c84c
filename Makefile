# Kerwen: `make demo` runs the quickstart on the bundled data; `make test` runs every test.
# Both install what they need on a fresh Debian machine with only Swift.

SHELL := /bin/bash
SWIFT ?= swift
KERWEN = .build/debug/kerwen

.PHONY: demo test build setup golden unit clean bench bench-check

setup:
	@bash tools/setup.sh

build: setup
	$(SWIFT) build

demo: build
	$(KERWEN) run examples/quickstart.kw

unit: build
	$(SWIFT) test --disable-swift-testing

test: build
	@$(MAKE) --no-print-directory bench-check
	@# Not through a pipe: the tmux server of the prompt tests could keep it open.
	$(SWIFT) test --disable-swift-testing > .build/test.log 2>&1; status=$$?; cat .build/test.log; exit $$status

# Kerwen, DuckDB and polars side by side at 1 M and 10 M rows (see Benchmarks/README.md).
bench: setup
	$(SWIFT) build -c release
	bash Benchmarks/setup.sh
	.build/bench-venv/bin/python Benchmarks/bench.py

# Agreement only, at 100 k rows (part of `make test`).
bench-check: setup
	$(SWIFT) build -c release
	@if bash Benchmarks/setup.sh; then \
	  .build/bench-venv/bin/python Benchmarks/bench.py --sizes 100000 --check-only; \
	else echo "bench-check skipped: duckdb/polars could not be installed from PyPI"; fi

clean:
	rm -rf .build
