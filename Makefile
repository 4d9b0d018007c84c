# Kerwen: `make demo` runs the quickstart on the bundled data; `make test` runs every test.
# Both install what they need on a fresh Debian machine with only Swift.

SHELL := /bin/bash
SWIFT ?= swift
KERWEN = .build/debug/kerwen

.PHONY: demo test build setup golden unit clean bench bench-check fuzz fuzz-smoke install

setup:
	@bash tools/setup.sh

build: setup
	$(SWIFT) build

demo: build
	$(KERWEN) run examples/quickstart.kw

# A release build copied to $(PREFIX)/bin (default ~/.local/bin), with the standard library beside it
# in $(PREFIX)/share/kerwen/stdlib (found there by the installed binary).
PREFIX ?= $(HOME)/.local
install: setup
	$(SWIFT) build -c release --product kerwen
	install -d $(PREFIX)/bin $(PREFIX)/share/kerwen
	install -m 755 .build/release/kerwen $(PREFIX)/bin/kerwen
	rm -rf $(PREFIX)/share/kerwen/stdlib && cp -R stdlib $(PREFIX)/share/kerwen/stdlib
	@echo "installed $(PREFIX)/bin/kerwen"

unit: build
	$(SWIFT) test --disable-swift-testing

test: build
	@bash tools/setup-tests.sh
	@$(MAKE) --no-print-directory bench-check
	@$(MAKE) --no-print-directory fuzz-smoke
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

# libFuzzer + AddressSanitizer over the parser, the CSV reader, the Open SDG layout and whole
# sessions: FUZZ_SECONDS per target (default 600), or FUZZ_RUNS executions (see Tests/README.md).
fuzz:
	FUZZ_SECONDS=$${FUZZ_SECONDS:-600} bash tools/fuzz.sh

# Part of `make test`: every target builds and runs 3,000 inputs from the committed corpus without a
# crash (a fixed seed, a fixed count and a fresh work corpus: the same inputs on every machine, so a
# faster or slower CI cannot meet an input the developer's run did not).
fuzz-smoke:
	rm -rf .build/fuzz/smoke-corpus
	FUZZ_RUNS=3000 FUZZ_SEED=1 FUZZ_WORK=.build/fuzz/smoke-corpus bash tools/fuzz.sh

clean:
	rm -rf .build
