// swift-tools-version:6.0
import PackageDescription

/// Upcoming-feature flags every rota target builds with (docs/style.md section 7).
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "rota",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "rota", targets: ["rota"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
    ],
    targets: [
        // The command-line interface: the only target that reads files, the clock and the environment.
        .executableTarget(
            name: "rota",
            dependencies: [
                "RotaModel",
                "Scheduler",
                "RotaSync",
                "CalendarSync",
                "Notifications",
                "Runbooks",
                "ICalendar",
                "FeedServer",
                // No HTTP client of its own: downloads go through CalDAV's transport, the one GET path.
                "CalDAV",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        // The one stable (per-run and per-machine) hash, FNV-1a 64: content hashes, X-ROTA-HASH, entity tags. Its own
        // target so RotaSync and FeedServer share it without depending on each other.
        .target(
            name: "StableHash",
            swiftSettings: strictSettings
        ),
        // Pure: (config, ledger, as-of date, horizon) -> schedule; fairness figures. No clock, files or environment.
        .target(
            name: "Scheduler",
            dependencies: ["RotaModel", "ICalendar"],
            swiftSettings: strictSettings
        ),
        // Schedule -> calendar events and feeds; later, reconcile plan vs remote.
        .target(
            name: "RotaSync",
            dependencies: ["Scheduler", "ICalendar", "RotaModel", "StableHash"],
            swiftSettings: strictSettings
        ),
        // Pushing decided events to a CalDAV calendar: a pure per-event state machine (conditional writes, 412 re-read,
        // 423 serialization, backoff with jitter) and a thin executor on an injected clock. Knows nothing about rota.
        .target(
            name: "CalendarSync",
            dependencies: ["CalDAV", .product(name: "Logging", package: "swift-log")],
            swiftSettings: strictSettings
        ),
        // Pure: config + schedule -> runbooks (Markdown and printable HTML) for investor-facing pipelines.
        .target(
            name: "Runbooks",
            dependencies: ["Scheduler", "RotaModel", "ICalendar"],
            swiftSettings: strictSettings
        ),
        // `rota notify`: which chat messages are due at a moment (pure), their Slack-compatible JSON, and posting one
        // through CalDAV's HTTP transport with bounded retries on an injected clock.
        .target(
            name: "Notifications",
            dependencies: ["Scheduler", "RotaModel", "ICalendar", "CalDAV"],
            swiftSettings: strictSettings
        ),
        // `rota serve`: serves a FeedCatalog value over HTTP (conditional GET, tokens, access log). No rota model.
        .target(
            name: "FeedServer",
            dependencies: [
                "StableHash",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        // RFC 5545 values, writer and reader; knows nothing about rota, so it could be published alone.
        .target(
            name: "ICalendar",
            swiftSettings: strictSettings
        ),
        // Team config text -> validated values; holiday rules. Pure: no files, clock or environment.
        .target(
            name: "RotaModel",
            dependencies: ["ICalendar", .product(name: "Yams", package: "Yams")],
            swiftSettings: strictSettings
        ),
        // WebDAV/CalDAV client: pure request builders and multistatus parsers, plus an AsyncHTTPClient transport.
        // Knows nothing about rota, so it could be published alone.
        .target(
            name: "CalDAV",
            dependencies: [
                "CLibXML2",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        // Debian's libxml2 through pkg-config; the CalDAV target parses WebDAV responses with it.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // `make bench`: planning figures for a release build (wall time, peak memory). Not a test.
        .executableTarget(
            name: "RotaBenchmarks",
            dependencies: ["Scheduler", "RotaModel", "ICalendar"],
            path: "Benchmarks/RotaBenchmarks",
            swiftSettings: strictSettings
        ),
        // What the test targets share (test targets cannot import each other): the repository root, golden files, a
        // seeded random number generator.
        .target(
            name: "RotaTestSupport",
            path: "Tests/RotaTestSupport",
            swiftSettings: strictSettings
        ),
        // Real CalDAV servers (Radicale, Xandikos) and the fault proxy, started from `.venv` on 127.0.0.1 for one test;
        // shared by the CalDAVTests and rotaTests targets (test targets cannot import each other).
        .target(
            name: "ServerTestSupport",
            dependencies: ["CalDAV", "RotaTestSupport"],
            path: "Tests/ServerTestSupport",
            exclude: [
                "fault_proxy.py", "launch.py", "hostile_server.py", "cyrus_server.py", "davical_server.py",
                "webhook_receiver.py", "caldav_probe.py",
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "RotaModelTests",
            dependencies: ["RotaModel", "ICalendar", "RotaTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "SchedulerTests",
            dependencies: ["Scheduler", "RotaModel", "ICalendar", "RotaTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "RotaSyncTests",
            dependencies: ["RotaSync", "Scheduler", "RotaModel", "ICalendar", "RotaTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ICalendarTests",
            dependencies: ["ICalendar", "RotaTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "FeedServerTests",
            dependencies: [
                "FeedServer",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        // Builders and parsers against recorded responses, hostile XML, and a contract suite run against real
        // Radicale and Xandikos servers started on 127.0.0.1 from the `make venv` virtualenv.
        .testTarget(
            name: "CalDAVTests",
            dependencies: [
                "CalDAV",
                "ServerTestSupport",
                "RotaTestSupport",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "InMemoryLogging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        // The push state machine, write gate and executor, with a fake transport and a manual clock: no server.
        .testTarget(
            name: "CalendarSyncTests",
            dependencies: [
                "CalendarSync",
                "CalDAV",
                "RotaTestSupport",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "InMemoryLogging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "RunbooksTests",
            dependencies: ["Runbooks", "Scheduler", "RotaModel", "ICalendar", "RotaTestSupport"],
            swiftSettings: strictSettings
        ),
        // Due messages against golden files, the payload, the retry policy and delivery with a fake transport and clock.
        .testTarget(
            name: "NotificationsTests",
            dependencies: ["Notifications", "Scheduler", "RotaModel", "ICalendar", "CalDAV", "RotaTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "CLibXML2Tests",
            dependencies: ["CLibXML2"],
            swiftSettings: strictSettings
        ),
        // Runs the built `rota` binary end to end.
        .testTarget(
            name: "rotaTests",
            dependencies: ["rota", "CalDAV", "ServerTestSupport", "RotaTestSupport"],
            swiftSettings: strictSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
