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
	@# Not through a pipe: the tmux server of the prompt tests could keep it open.
	$(SWIFT) test --disable-swift-testing > .build/test.log 2>&1; status=$$?; cat .build/test.log; exit $$status

clean:
	rm -rf .build
