# Kerwen: `make demo` runs the quickstart on the bundled data; `make test` runs every test.
# Both install what they need on a fresh Debian machine with only Swift.

SHELL := /bin/bash
SWIFT ?= swift
KERWEN = .build/debug/kerwen

.PHONY: demo test build setup golden unit clean

setup:
	@bash tools/setup.sh

build: setup
	$(SWIFT) build

demo: build
	$(KERWEN) run examples/quickstart.kw

unit: build
	$(SWIFT) test --disable-swift-testing

test: build
	$(SWIFT) test --disable-swift-testing 2>&1 | tee .build/test.log; exit $${PIPESTATUS[0]}

clean:
	rm -rf .build
