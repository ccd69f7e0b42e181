import CalDAV
import Foundation
import ServerTestSupport
import Testing

/// `rota push` and `rota diff --calendar/--server` end to end: the built binary against real Radicale, Cyrus and
/// DAViCal (Basic auth) and Xandikos (no auth), with the fault proxy in front counting every request.
@Suite struct PushCommandTests {
    @Test(arguments: ServerKind.allCases)
    func discoveryCreatesTheCalendarAndASecondPushMakesNoWrites(_ kind: ServerKind) async throws {
        try await PushFixture.with(kind) { fixture in
            // No calendar yet: diff and push without --create say so.
            let none = try fixture.rota(["diff", "--server", fixture.proxyRoot])
            #expect(none.status == 2)
            #expect(none.standardError.contains("no calendar named 'Data Engineering on call'"))

            let first = try fixture.rota(["push", "--server", fixture.proxyRoot, "--create"])
            #expect(first.status == 0, "\(first.standardError)")
            let calendar = try PushFixture.calendarURL(first)
            #expect(calendar.absoluteString.hasSuffix("/data-engineering-on-call/"))
            let created = try #require(first.count("created"))
            #expect(created == 60)
            #expect(first.count("updated") == 0 && first.count("deleted") == 0)

            // Twelve months of the bundled plan, one resource per event, nothing twice.
            let counts = try await fixture.uidCounts(calendar)
            #expect(counts.count == created)
            #expect(counts.values.allSatisfy { $0 == 1 })
            #expect(counts.keys.allSatisfy { $0.hasSuffix("@oncall.example.com") })
            #expect(counts.keys.contains("shift-20271122@oncall.example.com"))

            // A shift on a holiday carries `CATEGORIES:On call,Holiday`; Cyrus stores it as two CATEGORIES lines, which
            // rota must read as the same event (issue 14: it used to call them edited on the server, forever).
            let categories = try await fixture.resources(calendar).map { resource in
                (resource.calendarData ?? "").split(whereSeparator: \.isNewline).filter { $0.hasPrefix("CATEGORIES") }
            }
            let split = categories.filter { $0 == ["CATEGORIES:On call", "CATEGORIES:Holiday"] }.count
            let joined = categories.filter { $0 == ["CATEGORIES:On call,Holiday"] }.count
            #expect((fixture.server.kind.splitsMultiValuedProperties ? split : joined) == 4, "\(categories)")
            #expect((fixture.server.kind.splitsMultiValuedProperties ? joined : split) == 0)

            // A second run finds the calendar by its name.
            let discovered = try fixture.rota(["diff", "--server", fixture.proxyRoot])
            #expect(discovered.status == 0, "\(discovered.standardOutput)\(discovered.standardError)")
            #expect(discovered.standardOutput.hasPrefix(calendar.absoluteString))
            #expect(
                discovered.standardOutput.hasSuffix("0 missing, 0 changed, 0 extra, 0 edited by hand, 60 in sync\n")
            )
            let again = try fixture.rota(["push", "--server", fixture.proxyRoot])
            #expect(again.status == 0)
            #expect(try PushFixture.calendarURL(again) == calendar)
            #expect(again.count("created") == 0 && again.count("unchanged") == 60)

            // With the calendar's URL known, a no-op push is exactly one REPORT and no write.
            try await fixture.clearLog()
            let noop = try fixture.rota(["push", "--calendar", calendar.absoluteString])
            #expect(noop.status == 0)
            #expect(noop.count("unchanged") == 60)
            let requests = try await fixture.requests()
            #expect(requests.count == 1, "\(requests)")
            #expect(requests.first?.hasPrefix("REPORT ") == true && requests.first?.hasSuffix("-> 207") == true)
            #expect(try await fixture.uidCounts(calendar) == counts)
        }
    }

    /// A calendar name with `&` is found again by `--server`: DAViCal escapes display names twice when read back
    /// (`ServerKind.escapesDisplayNamesTwice`), and discovery must still see the calendar it made.
    @Test(arguments: [ServerKind.davical, .radicale])
    func aCalendarNameWithAnAmpersandIsFoundAgain(_ kind: ServerKind) async throws {
        try await PushFixture.with(kind) { fixture in
            let name = ["--calendar-name", "Ops & SRE <on call>"]
            let first = try fixture.rota(["push", "--server", fixture.proxyRoot, "--create"] + name)
            #expect(first.status == 0, "\(first.standardError)")
            let calendar = try PushFixture.calendarURL(first)
            let again = try fixture.rota(["push", "--server", fixture.proxyRoot] + name)
            #expect(again.status == 0, "\(again.standardOutput)\(again.standardError)")
            #expect(try PushFixture.calendarURL(again) == calendar)
            #expect(again.count("created") == 0 && again.count("unchanged") == 60)
        }
    }

    @Test(arguments: ServerKind.allCases)
    func aNewPTOChangesOnlyTheShiftsItMoves(_ kind: ServerKind) async throws {
        try await PushFixture.with(kind) { fixture in
            let calendar = try fixture.createAndPush()
            let url = calendar.absoluteString
            let before = Dictionary(
                uniqueKeysWithValues: try await fixture.resources(calendar).map { ($0.url.path, $0.etag) }
            )

            // Chen's shift of 2027-03-01 (rotation week 60) collides with a new PTO.
            try fixture.editConfig(
                "    time_zone: America/New_York\n  - id: smith",
                "    time_zone: America/New_York\n    pto:\n      - { from: 2027-03-02, to: 2027-03-04 }\n  - id: smith"
            )
            let diff = try fixture.rota(["diff", "--calendar", url])
            #expect(diff.status == 1, "\(diff.standardError)")
            let moved = diff.lines("~")
            #expect(moved.count == 2, "\(diff.standardOutput)")
            #expect(moved.contains { $0.hasPrefix("~ 2027-03-01 ") && $0.contains("(shift-20270301@") })
            #expect(moved.allSatisfy { $0.contains("(shift-") })
            #expect(diff.lines("+").isEmpty && diff.lines("-").isEmpty && diff.lines("!").isEmpty)
            let uids = moved.compactMap { line in
                line.split(separator: "(").last.map { String($0.dropLast()) }
            }

            try await fixture.clearLog()
            let push = try fixture.rota(["push", "--calendar", url])
            #expect(push.status == 0, "\(push.standardError)")
            #expect(push.count("updated") == moved.count)
            #expect(push.count("created") == 0 && push.count("deleted") == 0)
            // k changes cost k+1 requests; Xandikos may answer 423 Locked to two writes at once, and those are retried.
            let requests = try await fixture.requests(exceptLocked: true)
            #expect(requests.filter { $0.hasPrefix("PUT ") }.count == moved.count, "\(requests)")
            #expect(requests.filter { $0.hasPrefix("REPORT ") }.count == 1)
            #expect(requests.count == moved.count + 1, "k changes cost k+1 requests: \(requests)")

            // Exactly the moved events have new ETags; every other resource is the same version.
            let after = try await fixture.resources(calendar)
            for resource in after {
                let isMoved = PushFixture.uids(in: resource.calendarData ?? "").contains { uids.contains($0) }
                #expect((resource.etag != before[resource.url.path]) == isMoved, "\(resource.url.path)")
            }
            let synced = try fixture.rota(["diff", "--calendar", url])
            #expect(synced.status == 0, "\(synced.standardOutput)")
        }
    }

    /// A week later the shift of 2027-03-01 starts inside the three-month lock window: its STATUS turns from
    /// TENTATIVE to CONFIRMED, which push writes as an update with a higher SEQUENCE, not as a hand edit.
    @Test(arguments: ServerKind.allCases)
    func aShiftComingInsideTheLockWindowIsUpdatedToConfirmed(_ kind: ServerKind) async throws {
        try await PushFixture.with(kind) { fixture in
            let calendar = try fixture.createAndPush()
            let url = calendar.absoluteString
            let uid = "shift-20270301@oncall.example.com"
            let resource = try await fixture.resource(uid: uid, in: calendar)
            let before = String(decoding: try await fixture.get(resource.url).body, as: UTF8.self)
            #expect(before.contains("STATUS:TENTATIVE\r\n") && before.contains("SEQUENCE:0\r\n"))

            let later = "2026-12-05"
            let diff = try fixture.rota(["diff", "--calendar", url], asOf: later)
            #expect(diff.status == 1, "\(diff.standardError)")
            let changed = diff.lines("~")
            #expect(changed.count == 1 && changed.first?.contains("(\(uid))") == true, "\(diff.standardOutput)")
            #expect(diff.standardOutput.contains("TENTATIVE") && diff.standardOutput.contains("CONFIRMED"))
            #expect(diff.lines("!").isEmpty)

            let push = try fixture.rota(["push", "--calendar", url], asOf: later)
            #expect(push.status == 0, "\(push.standardError)")
            #expect(push.count("updated") == 1 && push.count("drift") == 0)
            let after = String(decoding: try await fixture.get(resource.url).body, as: UTF8.self)
            #expect(after.contains("STATUS:CONFIRMED\r\n") && after.contains("SEQUENCE:1\r\n"))
            #expect(!after.contains("TENTATIVE"))
            #expect(try fixture.rota(["diff", "--calendar", url], asOf: later).status == 0)
        }
    }

    @Test(arguments: ServerKind.allCases)
    func anEventEditedByHandIsDriftUntilForced(_ kind: ServerKind) async throws {
        try await PushFixture.with(kind) { fixture in
            let calendar = try fixture.createAndPush()
            let url = calendar.absoluteString
            let uid = "shift-20270111@oncall.example.com"
            let resource = try await fixture.resource(uid: uid, in: calendar)
            let (body, etag) = try await fixture.get(resource.url)
            let text = String(decoding: body, as: UTF8.self)
            #expect(text.contains("X-ROTA-HASH"))
            let edited = text.replacingOccurrences(of: "SUMMARY:On call: Smith", with: "SUMMARY:On call: Smith (swap?)")
            #expect(edited != text)
            let current = try #require(etag)
            let status = try await fixture.put(edited, at: resource.url, ifMatch: current)
            #expect([200, 201, 204].contains(status))
            // What the server keeps of the edit (Cyrus rewrites what it stores; the others keep the bytes).
            let (storedEdit, _) = try await fixture.get(resource.url)
            #expect(String(decoding: storedEdit, as: UTF8.self).contains("SUMMARY:On call: Smith (swap?)"))

            let diff = try fixture.rota(["diff", "--calendar", url])
            #expect(diff.status == 1)
            #expect(
                diff.lines("!").count == 1 && diff.lines("!").first?.contains(uid) == true,
                "\(diff.standardOutput)"
            )
            #expect(diff.lines("~").isEmpty)

            let kept = try fixture.rota(["push", "--calendar", url])
            #expect(kept.status == 1)
            #expect(
                kept.standardOutput.contains("! 2027-01-11 On call: Smith (\(uid)): edited on the server, left alone")
            )
            #expect(kept.standardError.contains("rota push --force"))
            let (stillEdited, _) = try await fixture.get(resource.url)
            #expect(stillEdited == storedEdit)

            let forced = try fixture.rota(["push", "--calendar", url, "--force"])
            #expect(forced.status == 0, "\(forced.standardError)")
            #expect(forced.count("drift") == 1)
            let (restored, _) = try await fixture.get(resource.url)
            #expect(!String(decoding: restored, as: UTF8.self).contains("(swap?)"))
            #expect(try fixture.rota(["diff", "--calendar", url]).status == 0)
        }
    }

    @Test(arguments: ServerKind.allCases)
    func foreignEventsStayAndRemovedEventsAreDeleted(_ kind: ServerKind) async throws {
        try await PushFixture.with(kind) { fixture in
            let calendar = try fixture.createAndPush()
            let url = calendar.absoluteString
            let foreign = try await fixture.putForeignEvent(in: calendar)
            let (foreignBody, foreignETag) = try await fixture.get(foreign)

            let counts = try await fixture.uidCounts(calendar)
            let holiday = try #require(counts.keys.first { $0.hasPrefix("holiday-new-years-day-") }, "\(counts.keys)")
            try fixture.editConfig(
                "major: [thanksgiving, christmas, new-years-day]",
                "major: [thanksgiving, christmas]"
            )
            let diff = try fixture.rota(["diff", "--calendar", url])
            #expect(diff.status == 1)
            let removed = diff.lines("-")
            #expect(removed.contains { $0.contains("(\(holiday))") }, "\(diff.standardOutput)")
            #expect(diff.lines("+").isEmpty && diff.lines("!").isEmpty)
            #expect(diff.standardOutput.contains("1 other event"), "\(diff.standardOutput)")

            let push = try fixture.rota(["push", "--calendar", url])
            #expect(push.status == 0, "\(push.standardError)")
            #expect(push.count("deleted") == removed.count)
            #expect(push.standardOutput.contains("(1 other event left alone)"))
            let now = try await fixture.uidCounts(calendar)
            #expect(now[holiday] == nil)
            #expect(
                now.keys.allSatisfy { !$0.hasPrefix("holiday-new-years-day-") && !$0.hasPrefix("backup-new-years") }
            )
            #expect(now["team-offsite-2027@example.org"] == 1)
            #expect(now.values.allSatisfy { $0 == 1 })

            // Forcing and re-running never touch the foreign event: still byte-identical, same ETag.
            #expect(try fixture.rota(["push", "--calendar", url, "--force"]).status == 0)
            #expect(try fixture.rota(["diff", "--calendar", url]).status == 0)
            let (body, etag) = try await fixture.get(foreign)
            #expect(body == foreignBody && etag == foreignETag)
        }
    }

    /// `rota diff --ics` needs no CalDAV flags; `rota push` needs exactly one of `--calendar` and `--server`.
    @Test func whichSideToTalkToIsCheckedPerCommand() throws {
        let folder = try RotaBinary.temporaryFolder("push-usage")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try RotaBinary.run(["export", "--out", folder.path] + PushFixture.common).status == 0)
        let feed = try RotaBinary.run(
            ["diff", "--ics", folder.appendingPathComponent("team.ics").path] + PushFixture.common
        )
        #expect(feed.status == 0, "\(feed.standardError)")
        let neither = try RotaBinary.run(["push"] + PushFixture.common)
        #expect(neither.status == 2)
        #expect(neither.standardError.contains("give exactly one of --calendar URL and --server URL"))
        let both = try RotaBinary.run(
            ["push", "--calendar", "http://127.0.0.1:1/a/", "--server", "http://127.0.0.1:1/"] + PushFixture.common
        )
        #expect(both.status == 2)
        #expect(both.standardError.contains("give exactly one of --calendar URL and --server URL"))
    }

    @Test func diffExitCodesAndAWrongPasswordNeverPrinted() async throws {
        try await PushFixture.with(.radicale) { fixture in
            let calendar = try fixture.createAndPush()
            let url = calendar.absoluteString
            #expect(try fixture.rota(["diff", "--calendar", url]).status == 0)
            try fixture.editConfig("overrides: []", "overrides:\n  - { engineer: kim, shift: 2027-01-11 }")
            let differs = try fixture.rota(["diff", "--calendar", url, "--format", "json"])
            #expect(differs.status == 1)
            let object = try #require(
                try JSONSerialization.jsonObject(with: Data(differs.standardOutput.utf8)) as? [String: Any]
            )
            #expect(object["in_sync"] as? Bool == false)

            let wrong = "not-the-Pa55word-\(UUID().uuidString)"
            let denied = try fixture.rota(["diff", "--calendar", url], environment: ["ROTA_CALDAV_PASSWORD": wrong])
            #expect(denied.status == 2)
            #expect(denied.standardError.contains("401") || denied.standardError.lowercased().contains("auth"))
            #expect(!denied.standardError.contains(wrong) && !denied.standardOutput.contains(wrong))
            let refused = try fixture.rota(["push", "--calendar", url], environment: ["ROTA_CALDAV_PASSWORD": wrong])
            #expect(refused.status == 2)
            #expect(!refused.standardError.contains(wrong) && !refused.standardOutput.contains(wrong))
        }
    }
}
