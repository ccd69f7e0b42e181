# rota's developer entry points. `make test` is what CI runs (.ci/run) and what the README gives.
SWIFT ?= swift
SWIFT_FILES = $(shell git ls-files '*.swift')
CORE_TARGETS = Sources/RotaModel Sources/Scheduler Sources/ICalendar Sources/RotaSync Sources/Runbooks
# Calls the pure core must never make (STYLE.md section 4): time, randomness, the environment, files, printing.
FORBIDDEN = Date\(\)|Date\.now|ContinuousClock\(\)|TimeZone\.current|Calendar\.current|Locale\.current|UUID\(\)|\.random\(|ProcessInfo|FileManager|print\(

# The CalDAV servers the integration tests start on 127.0.0.1 (Tests/CalDAVTests), pinned; the stamp file is keyed
# on the pins, so changing a version rebuilds the virtualenv and an unchanged one is reused.
PYTHON ?= python3
VENV = .venv
SERVER_PINS = radicale==3.9.0 xandikos==0.4.10
VENV_STAMP = $(VENV)/.rota-stamp-$(subst ==,-,$(subst $() ,_,$(SERVER_PINS)))

.PHONY: build test run lint format bench bench-push fuzz help venv servers

help:
	@echo "make build   build rota (debug)"
	@echo "make test    run every test (what CI runs)"
	@echo "make venv    the Python virtualenv with Radicale and Xandikos for the CalDAV tests"
	@echo "make run     check the bundled config, show the next 12 weeks and this year's holidays, write feeds and runbooks,"
	@echo "             push the plan to a local Radicale and diff it"
	@echo "make lint    target-import check, forbidden calls in the pure core, swift-format lint"
	@echo "make format  format every Swift file in place"
	@echo "make bench   benchmarks (release build): planning, iCalendar write/read, peak memory, then make bench-push"
	@echo "make bench-push  rota push against Radicale and Xandikos: requests and wall time per phase"
	@echo "make fuzz    libFuzzer over the iCalendar reader (FUZZ_SECONDS, default 120)"

build:
	$(SWIFT) build

venv: $(VENV_STAMP)

servers: venv

$(VENV_STAMP):
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet $(SERVER_PINS)
	touch $@

test: venv
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

run: build venv
	@echo "== rota check (fixtures/team.yaml)"
	@$(SWIFT) run --skip-build rota check
	@echo
	@echo "== rota plan (the next 12 weeks; nothing is recorded)"
	@$(SWIFT) run --skip-build rota plan
	@echo
	@echo "== rota holidays"
	@$(SWIFT) run --skip-build rota holidays
	@echo
	@echo "== rota export (out/feeds)"
	@$(SWIFT) run --skip-build rota export --out out/feeds
	@echo
	@echo "== rota runbooks (out/runbooks)"
	@$(SWIFT) run --skip-build rota runbooks --out out/runbooks
	@echo
	@sh scripts/push_demo.sh $$($(SWIFT) build --show-bin-path)/rota

lint:
	$(SWIFT) build --explicit-target-dependency-import-check error
	@if grep -rnE '$(FORBIDDEN)' $(CORE_TARGETS); then \
		echo "error: the pure core must not read the clock, randomness, the environment or files, or print"; exit 1; \
	fi
	$(SWIFT) format lint --strict --parallel $(SWIFT_FILES)

format:
	$(SWIFT) format format --in-place --parallel $(SWIFT_FILES)

bench:
	$(SWIFT) build -c release --product RotaBenchmarks
	$(SWIFT) run -c release --skip-build RotaBenchmarks
	$(MAKE) bench-push

# rota push against Radicale and Xandikos from .venv behind the fault proxy (20 ms per request): about 1,000 events
# created, a no-op re-sync, a re-sync with 10% changed; requests and wall time per phase.
bench-push: venv
	$(SWIFT) build -c release --product rota
	$(VENV)/bin/python scripts/push_benchmark.py $$($(SWIFT) build -c release --show-bin-path)/rota

FUZZ_SECONDS ?= 120
FUZZ_BINARY = .build/fuzz/icalendar-reader
fuzz:
	mkdir -p .build/fuzz/corpus
	cp fixtures/ics/golden/*.ics fixtures/ics/holidays/*.ics .build/fuzz/corpus/
	swiftc -O -sanitize=fuzzer,address -parse-as-library -module-name ICalendarFuzz \
		$$(find Sources/ICalendar -name '*.swift') Fuzz/ICalendarReaderFuzz.swift -o $(FUZZ_BINARY)
	$(FUZZ_BINARY) -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -print_final_stats=1 .build/fuzz/corpus
