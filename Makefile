# rota's developer entry points. `make test` is what CI runs (.ci/run) and what the README gives.
SWIFT ?= swift
SWIFT_FILES = $(shell git ls-files '*.swift')
CORE_TARGETS = Sources/RotaModel Sources/Scheduler Sources/ICalendar Sources/RotaSync Sources/Runbooks Sources/CalendarSync Sources/StableHash Sources/Notifications
# Calls the pure core must never make (docs/style.md section 4): time, randomness, the environment, files, printing.
FORBIDDEN = Date\(\)|Date\.now|ContinuousClock\(\)|TimeZone\.current|Calendar\.current|Locale\.current|UUID\(\)|\.random\(|ProcessInfo|FileManager|print\(
# Sync decisions the CLI must leave to CalendarSync (README, Architecture): status codes, preconditions, retries.
# Not counted: help text (lines of a multi-line string that end in a backslash, and ArgumentHelp), and the ledger's
# file-lock wait (IO/LockWait.swift, IO/LedgerLock.swift), which retries a lock, not a request.
CLI_SYNC_WORDS = \b(412|423|429)\b|If-(None-)?Match|ifMatch|ifNoneMatch|[Rr]etr(y|ies|ied|ying)|Retry-After|[Bb]ackoff|RetryPolicy
CLI_SYNC_ALLOWED = ^Sources/rota/IO/(LockWait|LedgerLock)\.swift:

# The CalDAV servers the integration tests start on 127.0.0.1 (Tests/CalDAVTests), pinned; the stamp file is keyed
# on the pins, so changing a version rebuilds the virtualenv and an unchanged one is reused.
PYTHON ?= python3
VENV = .venv
SERVER_PINS = radicale==3.9.0 xandikos==0.4.10
VENV_STAMP = $(VENV)/.rota-stamp-$(subst ==,-,$(subst $() ,_,$(SERVER_PINS)))

.PHONY: build test run lint format bench bench-push fuzz help venv servers man completions install uninstall system-packages

help:
	@echo "make build   build rota (debug)"
	@echo "make test    run every test (what CI runs)"
	@echo "make venv    the Python virtualenv with Radicale and Xandikos for the CalDAV tests"
	@echo "make run     check the bundled config, show the next 12 weeks and this year's holidays, write feeds and runbooks,"
	@echo "             push the plan to a local Radicale and diff it"
	@echo "make lint    target-import check, forbidden calls in the pure core, swift-format lint"
	@echo "make format  format every Swift file in place"
	@echo "make bench   benchmarks (release build): planning, iCalendar write/read, peak memory, an organisation of 500"
	@echo "             teams (check, export, re-export), then make bench-push"
	@echo "make bench-push  rota push against Radicale, Xandikos, Cyrus and DAViCal: requests and wall time per phase"
	@echo "make fuzz    libFuzzer over the iCalendar reader (FUZZ_SECONDS, default 120)"
	@echo "make man     man pages (swift-argument-parser's generate-manual plugin) into out/man"
	@echo "make install release build, man pages and shell completions under PREFIX (default /usr/local)"

build: system-packages
	$(SWIFT) build

# The Debian packages of scripts/system-packages.txt (libxml2-dev, chromium, ...): installed with apt-get when that
# needs no password, else a stop within seconds naming the apt-get line. .ci/run uses the same list.
system-packages:
	@sh scripts/require-packages.sh

venv: $(VENV_STAMP)

servers: venv

$(VENV_STAMP): | system-packages
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet $(SERVER_PINS)
	touch $@

test: system-packages venv
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
	@echo
	@echo "== where everything is"
	@echo "out/feeds/schedule.html       the week-by-week schedule with fairness charts: open it in a browser"
	@echo "out/feeds/*.ics               the feeds (team, one per engineer, one per pipeline)"
	@echo "out/runbooks/index.html       the runbooks of the pipelines that report to investors (and .md)"
	@echo "To subscribe from a calendar app: run 'swift run rota serve' and add webcal://127.0.0.1:8080/feeds/team.ics"
	@echo "(docs/subscribing.md: Google, Apple, Outlook, Thunderbird); a shared CalDAV calendar: docs/caldav.md."

lint:
	$(SWIFT) build --explicit-target-dependency-import-check error
	@if grep -rnE '$(FORBIDDEN)' $(CORE_TARGETS); then \
		echo "error: the pure core must not read the clock, randomness, the environment or files, or print"; exit 1; \
	fi
	@if grep -rnE '$(CLI_SYNC_WORDS)' Sources/rota | grep -vE '$(CLI_SYNC_ALLOWED)' | grep -vE '\\$$|ArgumentHelp\('; then \
		echo "error: Sources/rota must only wire options to CalendarSync: status codes, preconditions, retries and"; \
		echo "       backoff belong in Sources/CalendarSync (move the logic there, or document a false positive in the Makefile)"; \
		exit 1; \
	fi
	$(SWIFT) format lint --strict --parallel $(SWIFT_FILES)

format:
	$(SWIFT) format format --in-place --parallel $(SWIFT_FILES)

bench:
	$(SWIFT) build -c release --product RotaBenchmarks
	$(SWIFT) run -c release --skip-build RotaBenchmarks
	$(SWIFT) build -c release --product rota
	$(PYTHON) scripts/organisation_benchmark.py $$($(SWIFT) build -c release --show-bin-path)/rota
	$(MAKE) bench-push

# rota push against Radicale, Xandikos (.venv), Cyrus and DAViCal (Debian packages, as root) behind the fault proxy
# (20 ms per request): about 1,000 events created, a no-op re-sync, a re-sync with 10% changed; requests and wall time per phase.
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

# Man pages from the command definitions (swift-argument-parser's GenerateManual plugin): rota.1 and rota.<command>.1.
MAN_OUTPUT = .build/plugins/GenerateManual/outputs/rota
man:
	$(SWIFT) package --allow-writing-to-package-directory generate-manual --configuration debug --multi-page --authors "the rota team"
	rm -rf out/man && mkdir -p out/man && cp $(MAN_OUTPUT)/*.1 out/man/

# Shell completions, generated by the built binary itself.
completions: build
	mkdir -p out/completions
	.build/debug/rota --generate-completion-script bash > out/completions/rota.bash
	.build/debug/rota --generate-completion-script zsh > out/completions/_rota
	.build/debug/rota --generate-completion-script fish > out/completions/rota.fish

# `make install PREFIX=$HOME/.local`: a release build with the Swift runtime linked in statically (so the binary runs
# on a machine without the toolchain), its man pages and completions. DESTDIR is honoured for packaging.
PREFIX ?= /usr/local
RELEASE_FLAGS = -c release --static-swift-stdlib
install: man
	$(SWIFT) build $(RELEASE_FLAGS) --product rota
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 \
		$(DESTDIR)$(PREFIX)/share/bash-completion/completions $(DESTDIR)$(PREFIX)/share/zsh/site-functions \
		$(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
	install -s -m 755 $$($(SWIFT) build $(RELEASE_FLAGS) --show-bin-path)/rota $(DESTDIR)$(PREFIX)/bin/rota
	install -m 644 out/man/*.1 $(DESTDIR)$(PREFIX)/share/man/man1/
	$(DESTDIR)$(PREFIX)/bin/rota --generate-completion-script bash > $(DESTDIR)$(PREFIX)/share/bash-completion/completions/rota
	$(DESTDIR)$(PREFIX)/bin/rota --generate-completion-script zsh > $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_rota
	$(DESTDIR)$(PREFIX)/bin/rota --generate-completion-script fish > $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/rota.fish
	@echo "installed $(DESTDIR)$(PREFIX)/bin/rota ($$($(DESTDIR)$(PREFIX)/bin/rota --version)), its man pages and completions"

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/rota $(DESTDIR)$(PREFIX)/share/man/man1/rota.*1 $(DESTDIR)$(PREFIX)/share/man/man1/rota.1 \
		$(DESTDIR)$(PREFIX)/share/bash-completion/completions/rota $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_rota \
		$(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/rota.fish
