# Podium: build, serve and test the static web app.
#
#   make serve   install what is missing, build, serve on http://127.0.0.1:8080
#   make test    install what is missing (incl. Chromium), fmt, clippy, unit tests, build, e2e
#   make build   build the release site into dist/
#   make single-file   build dist-single/podium.html, the whole site in one file (opens from file://)
#   make e2e     run the browser tests against an existing dist/
#   make bench   size vs a bare Leptos app, criterion benches, Chromium vs Pagefind (bench/RESULTS.md)
#   make fuzz    fuzz podium-core with cargo-fuzz, FUZZ_SECONDS (default 60) per target
#   make clean   remove build output
#
# Every target can be run again safely; scripts/setup.sh skips whatever is already installed.

SHELL := bash
MAKEFLAGS += --no-print-directory
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

# Trunk finds wasm-opt (npm binaryen) and wasm-bindgen/trunk (cargo install) on PATH.
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
# Trunk would otherwise ask GitHub whether a newer trunk exists.
export TRUNK_SKIP_VERSION_CHECK := true

TRUNK_FLAGS := --release --offline
HOST := 127.0.0.1
PORT := 8080

.PHONY: help setup-build setup-test setup-fuzz serve build single-file test fmt-check clippy unit e2e fuzz bench clean

help:
	@sed -n 's/^#   //p' Makefile

setup-build:
	@bash scripts/setup.sh build

setup-test:
	@bash scripts/setup.sh test

setup-fuzz:
	@bash scripts/setup.sh fuzz

serve: setup-build
	trunk serve $(TRUNK_FLAGS) --address $(HOST) --port $(PORT)

build: setup-build
	trunk build $(TRUNK_FLAGS)

# Inlines the wasm, JS glue and CSS of dist/ into one HTML file (scripts/single-file.mjs).
single-file: build
	node scripts/single-file.mjs dist dist-single/podium.html

fmt-check:
	cargo fmt --all --check

clippy:
	cargo clippy --workspace --all-targets --all-features -- -D warnings

unit:
	cargo test --workspace

e2e:
	@test -f dist/index.html || { echo "e2e: dist/index.html is missing; run 'make build' first" >&2; exit 1; }
	node --test e2e/*.test.mjs

# Four targets, FUZZ_SECONDS each, after building them (scripts/fuzz.sh; logs and totals in
# crates/podium-core/fuzz/logs/).
FUZZ_SECONDS ?= 60
fuzz: setup-fuzz
	FUZZ_SECONDS=$(FUZZ_SECONDS) bash scripts/fuzz.sh

# Not part of `make test`: about 10 minutes on 2 cores; writes target/bench/report.md
# (scripts/bench.sh; BENCH_SIZES, BENCH_ROUNDS, BENCH_SKIP as documented there).
bench: setup-test
	bash scripts/bench.sh

# In CI (CI=true) every fuzz target also runs for 60 s (about 7 minutes with the build).
test: setup-test
	$(MAKE) fmt-check
	$(MAKE) clippy
	$(MAKE) unit
	@if [ "$${CI:-}" = true ]; then $(MAKE) fuzz FUZZ_SECONDS=60; fi
	trunk build $(TRUNK_FLAGS)
	$(MAKE) e2e

clean:
	rm -rf dist dist-single e2e/screenshots e2e/results crates/podium-core/fuzz/target
	cargo clean
