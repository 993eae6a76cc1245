# SPDX-FileCopyrightText: Collectiv'Récup developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The two commands of the README, on Debian 12 (as root, or with sudo for the first run):
#   make run    installs what is missing, builds, starts Collectiv'Récup
#   make test   installs what the tests need, builds with -Werror, runs every suite
# Also: build, bench, format, check-format, install, package, clean.

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := build

BUILD_DIR ?= build
TEST_BUILD_DIR ?= build-test
SANITIZE_BUILD_DIR ?= build-sanitize
# LeakSanitizer's tracer itself crashes now and then at exit on this kernel (a whole suite passed,
# then "LeakSanitizer has encountered a fatal error"): leaks are checked on request only.
SANITIZE_LEAKS ?= 0
FUZZ_BUILD_DIR ?= build-fuzz
FUZZ_SECONDS ?= 60
BUILD_TYPE ?= RelWithDebInfo
TEST_BUILD_TYPE ?= Debug
JOBS ?= 2
APP ?= $(BUILD_DIR)/app/collectiv-recup
BENCH ?= $(BUILD_DIR)/tests/bench/recup-bench
BENCH_ARGS ?=
CTEST_ARGS ?=
FORMAT_DIRS := core ui app tests

.PHONY: run build test test-sanitize fuzz bench format check-format install package clean deps deps-test configure translations

deps:
	bash packaging/install-deps.sh run

deps-test:
	bash packaging/install-deps.sh test

# Configures $(BUILD_DIR) once; later builds let Ninja re-run CMake when it has to.
configure: deps
	@if [ ! -f $(BUILD_DIR)/build.ninja ]; then \
	    echo "cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE)"; \
	    cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE); \
	fi

# The two programs only: the test suites are built by `make test`, in their own folder.
build: configure
	cmake --build $(BUILD_DIR) --parallel $(JOBS) --target collectiv-recup collectiv-recup-admin

run: build
	@if [ -z "$${DISPLAY:-}" ] && [ -z "$${WAYLAND_DISPLAY:-}" ]; then \
	    echo "Collectiv'Récup a besoin d'une session graphique (ni DISPLAY ni WAYLAND_DISPLAY) : lancez-le depuis le bureau, ou sans écran avec : xvfb-run -a make run" >&2; \
	    exit 1; \
	fi
	@if [ ! -x $(APP) ]; then echo "$(APP) n'a pas été construit." >&2; exit 1; fi
	$(APP)

# Warnings are errors here, as in CI; the tests run against a throwaway PostgreSQL.
test: deps-test
	cmake -S . -B $(TEST_BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=$(TEST_BUILD_TYPE) \
	    -DRECUP_WERROR=ON -DBUILD_TESTING=ON
	cmake --build $(TEST_BUILD_DIR) --parallel $(JOBS)
	bash tests/run-tests.sh $(TEST_BUILD_DIR) $(CTEST_ARGS)

# The whole suite again on a build with AddressSanitizer and UndefinedBehaviorSanitizer: any
# report fails the run. SANITIZE_LEAKS=1 adds LeakSanitizer (tests/sanitizers.supp lists what
# third-party libraries keep until exit).
test-sanitize: deps-test
	cmake -S . -B $(SANITIZE_BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DRECUP_WERROR=ON \
	    -DBUILD_TESTING=ON -DRECUP_SANITIZE=ON
	cmake --build $(SANITIZE_BUILD_DIR) --parallel $(JOBS)
	ASAN_OPTIONS=detect_leaks=$(SANITIZE_LEAKS):abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1 \
	LSAN_OPTIONS=suppressions=$(CURDIR)/tests/sanitizers.supp:print_suppressions=0 \
	UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
	    bash tests/run-tests.sh $(SANITIZE_BUILD_DIR) $(CTEST_ARGS)

# Each libFuzzer target for FUZZ_SECONDS (clang, AddressSanitizer, UndefinedBehaviorSanitizer),
# starting from tests/fuzz/corpus/; a crash fails the run and names the input to keep there.
fuzz: deps-test
	CC=clang CXX=clang++ cmake -S . -B $(FUZZ_BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	    -DBUILD_TESTING=ON -DRECUP_FUZZ=ON
	cmake --build $(FUZZ_BUILD_DIR) --parallel $(JOBS) --target recup-fuzz-targets
	bash tests/fuzz/run-fuzzers.sh $(FUZZ_BUILD_DIR) $(FUZZ_SECONDS)

# The benchmark runs on the optimised build, against its own throwaway cluster.
bench: deps-test configure
	cmake --build $(BUILD_DIR) --parallel $(JOBS) --target recup-bench
	@cluster=$$(mktemp -d "$${TMPDIR:-/tmp}/recup-bench-pg.XXXXXX"); \
	trap 'bash tests/pg-cluster.sh stop "$$cluster"' EXIT; \
	conninfo=$$(bash tests/pg-cluster.sh start "$$cluster"); \
	echo "$(BENCH) --postgres \"$$conninfo\" $(BENCH_ARGS)"; \
	QT_QPA_PLATFORM=offscreen $(BENCH) --postgres "$$conninfo" $(BENCH_ARGS)

# Every C++ file we own, found on disk so that new files are formatted before their first commit.
format_files = $$(find $(wildcard $(FORMAT_DIRS)) -type f \( -name '*.cpp' -o -name '*.h' \) | sort)

format:
	@command -v clang-format >/dev/null || { echo "clang-format manque : packaging/install-deps.sh test" >&2; exit 1; }
	@files=$(format_files); [ -z "$$files" ] || clang-format -i $$files

# Lists the files to reformat and shows the first differences, not thousands of lines.
check-format:
	@command -v clang-format >/dev/null || { echo "clang-format manque : packaging/install-deps.sh test" >&2; exit 1; }
	@files=$(format_files); \
	if [ -n "$$files" ] && ! report=$$(clang-format --dry-run -Werror $$files 2>&1); then \
	    echo "$$report" | sed -n 1,40p >&2; \
	    echo "check-format : fichiers à reformater (lancez : make format) :" >&2; \
	    echo "$$report" | grep -oE '^[^: ]+\.(cpp|h):[0-9]+' | cut -d: -f1 | sort -u | sed 's/^/  /' >&2; \
	    exit 1; \
	fi; \
	echo "check-format : $$(echo $$files | wc -w) fichier(s) au format."

install: build
	cmake --install $(BUILD_DIR)

package: build
	cd $(BUILD_DIR) && cpack -G DEB

clean:
	rm -rf $(BUILD_DIR) $(TEST_BUILD_DIR)

# Refreshes the French catalogue from the sources; then translate what is marked unfinished.
translations:
	/usr/lib/qt6/bin/lupdate -no-obsolete -locations none -source-language en \
	    -target-language fr core ui app -ts translations/collectiv-recup_fr.ts
