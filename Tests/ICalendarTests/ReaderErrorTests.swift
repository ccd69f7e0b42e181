import ICalendar
import Testing

@Suite struct ReaderErrorTests {
    private func readError(reading text: String, asCalendar: Bool = false) -> ICalendarError? {
        do {
            if asCalendar {
                _ = try ICalendarReader.read(Array(text.utf8))
            } else {
                _ = try ICalendarReader.readComponents(Array(text.utf8))
            }
            return nil
        } catch {
            return error
        }
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let text: String
        let kind: ICalendarError
        let line: Int
        let column: Int
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "unterminated BEGIN",
            text: "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:1\nEND:VCALENDAR\n",
            kind: .mismatchedEnd,
            line: 4,
            column: 5
        ),
        Case(
            name: "BEGIN never closed",
            text: "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:1\n",
            kind: .unterminatedComponent,
            line: 2,
            column: 1
        ),
        Case(name: "END without BEGIN", text: "END:VEVENT\n", kind: .unexpectedEnd, line: 1, column: 5),
        Case(name: "END mismatch", text: "BEGIN:A\nBEGIN:B\nEND:A\nEND:B\n", kind: .mismatchedEnd, line: 3, column: 5),
        Case(
            name: "missing colon",
            text: "BEGIN:A\nDTSTART20260101\nEND:A\n",
            kind: .missingColon,
            line: 2,
            column: 16
        ),
        Case(
            name: "missing colon after parameter",
            text: "BEGIN:A\nX;P=1\nEND:A\n",
            kind: .missingColon,
            line: 2,
            column: 6
        ),
        Case(
            name: "bad date",
            text: "BEGIN:A\nDTSTART;VALUE=DATE:20261332\nEND:A\n",
            kind: .invalidDate,
            line: 2,
            column: 20
        ),
        Case(
            name: "bad date-time",
            text: "BEGIN:A\nDTSTAMP:20260101T250000Z\nEND:A\n",
            kind: .invalidDate,
            line: 2,
            column: 9
        ),
        Case(
            name: "DATE with a time",
            text: "BEGIN:A\nDTEND;VALUE=DATE:20260101T100000\nEND:A\n",
            kind: .invalidDate,
            line: 2,
            column: 18
        ),
        Case(name: "bad name", text: "BEGIN:A\nSUM MARY:x\nEND:A\n", kind: .invalidName, line: 2, column: 4),
        Case(name: "empty name", text: "BEGIN:A\n:x\nEND:A\n", kind: .invalidName, line: 2, column: 1),
        Case(name: "bad component name", text: "BEGIN:A B\nEND:A B\n", kind: .invalidName, line: 1, column: 7),
        Case(
            name: "parameter without =",
            text: "BEGIN:A\nDTSTART;VALUE:20260101\nEND:A\n",
            kind: .invalidParameter,
            line: 2,
            column: 14
        ),
        Case(
            name: "unclosed quote",
            text: "BEGIN:A\nX;CN=\"Ana:x\nEND:A\n",
            kind: .invalidParameter,
            line: 2,
            column: 6
        ),
        Case(
            name: "text after quote",
            text: "BEGIN:A\nX;CN=\"Ana\"x:v\nEND:A\n",
            kind: .invalidParameter,
            line: 2,
            column: 11
        ),
        Case(name: "property outside", text: "VERSION:2.0\n", kind: .propertyOutsideComponent, line: 1, column: 1),
        Case(name: "leading continuation", text: " BEGIN:A\n", kind: .unexpectedContinuation, line: 1, column: 1),
        Case(
            name: "error on a continuation line",
            text: "BEGIN:A\nDTSTART:2026\n 0101T25\nEND:A\n",
            kind: .invalidDate,
            line: 2,
            column: 9
        ),
        Case(
            name: "bad column after fold",
            text: "BEGIN:A\nX;P=1;\n Q:v\nEND:A\n",
            kind: .invalidParameter,
            line: 3,
            column: 3
        ),
    ]

    @Test(arguments: cases)
    func reportsLineAndColumn(_ testCase: Case) throws {
        let error = try #require(readError(reading: testCase.text))
        #expect(error.isSameKind(as: testCase.kind), "\(error)")
        #expect(error.line == testCase.line, "\(error)")
        #expect(error.column == testCase.column, "\(error)")
    }

    /// Cases where `read(_:)` reads events, whose dates are checked when the event ends: the first
    /// problem in the input must still be the one reported.
    static let eventCases: [Case] = {
        let head = "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:1\nDTSTAMP:20260101T000000Z\n"
        return [
            Case(
                name: "bad DTSTART before a missing colon",
                text: head + "DTSTART:20261332T100000\nSUMMARY no colon\nEND:VEVENT\nEND:VCALENDAR\n",
                kind: .invalidDate,
                line: 5,
                column: 9
            ),
            Case(
                name: "bad DTEND before invalid UTF-8",
                text: head + "DTSTART:20261201T100000\nDTEND:2026\nSUMMARY:\u{FF}\nEND:VEVENT\nEND:VCALENDAR\n",
                kind: .invalidDate,
                line: 6,
                column: 7
            ),
            Case(
                name: "bad EXDATE before the input ends",
                text: head + "DTSTART:20261201T100000\nEXDATE:20261208T100000,x\n",
                kind: .invalidDate,
                line: 6,
                column: 8
            ),
            Case(
                name: "bad DTSTART before a mismatched END",
                text: head + "DTSTART:x\nEND:VALARM\nEND:VCALENDAR\n",
                kind: .invalidDate,
                line: 5,
                column: 9
            ),
            Case(
                name: "a DTSTART list is checked whole",
                text: head + "DTSTART:20261201T100000,x\nEND:VEVENT\nEND:VCALENDAR\n",
                kind: .invalidDate,
                line: 5,
                column: 9
            ),
            Case(
                name: "a repeated DTSTART is checked",
                text: head + "DTSTART:20261201T100000\nDTSTART:x\nEND:VEVENT\nEND:VCALENDAR\n",
                kind: .invalidDate,
                line: 6,
                column: 9
            ),
            Case(
                name: "bad CREATED in an event that reads",
                text: head + "DTSTART:20261201T100000\nCREATED:x\nEND:VEVENT\nEND:VCALENDAR\n",
                kind: .invalidDate,
                line: 6,
                column: 9
            ),
            Case(
                name: "bad date in an alarm",
                text: head
                    + "DTSTART:20261201T100000\nBEGIN:VALARM\nDTSTART:x\nEND:VALARM\nEND:VEVENT\nEND:VCALENDAR\n",
                kind: .invalidDate,
                line: 7,
                column: 9
            ),
        ]
    }()

    @Test(arguments: eventCases)
    func readReportsTheFirstProblemInAnEvent(_ testCase: Case) throws {
        let error = try #require(readError(reading: testCase.text, asCalendar: true))
        #expect(error.isSameKind(as: testCase.kind), "\(error)")
        #expect(error.line == testCase.line, "\(error)")
        #expect(error.column == testCase.column, "\(error)")
        // The generic reader checks every date as it reads it: both must agree.
        let generic = try #require(readError(reading: testCase.text))
        #expect(generic.line == testCase.line && generic.column == testCase.column, "\(generic)")
    }

    @Test func descriptionReadsLineColErrorThenTheLineWithACaretThenAHint() throws {
        let error = try #require(readError(reading: "BEGIN:A\nDTSTART;VALUE=DATE:20261332\nEND:A\n"))
        #expect(
            error.description == """
                2:20: error: '20261332' is not a DATE (RFC 5545 §3.3.4, §3.3.5)
                    DTSTART;VALUE=DATE:20261332
                                       ^
                hint: write a DATE as YYYYMMDD and a DATE-TIME as YYYYMMDDTHHMMSS, with a trailing Z for UTC
                """
        )
    }

    @Test func kindsMatchAsPatterns() throws {
        let error = try #require(readError(reading: "BEGIN:A\n"))
        guard case .unterminatedComponent = error else {
            Issue.record("expected unterminatedComponent, got \(error)")
            return
        }
        #expect(!error.isSameKind(as: .missingColon))
        #expect(error.message.contains("BEGIN:A has no matching END:A"))
    }

    @Test func invalidUTF8IsRefusedWithItsPosition() throws {
        let bytes = Array("BEGIN:A\nSUMMARY:ab".utf8) + [0xFF] + Array("\nEND:A\n".utf8)
        do {
            _ = try ICalendarReader.readComponents(bytes)
            Issue.record("expected an error")
        } catch {
            #expect(error.isSameKind(as: .invalidUTF8))
            #expect(error.line == 2 && error.column == 11)
        }
    }

    @Test func typedErrorsPointAtTheOffendingProperty() throws {
        let text = """
            BEGIN:VCALENDAR
            VERSION:2.0
            PRODID:x
            BEGIN:VEVENT
            UID:a
            DTSTAMP:20260101T000000Z
            DTSTART:20260101T000000Z
            END:VEVENT
            BEGIN:VEVENT
            UID:b
            DTSTAMP:20260101T000000Z
            DTSTART:20260101T000000Z
            SEQUENCE:minus one
            END:VEVENT
            BEGIN:VEVENT
            UID:c
            END:VEVENT
            END:VCALENDAR

            """
        let invalid = try #require(readError(reading: text, asCalendar: true))
        #expect(invalid.isSameKind(as: .invalidValue) && invalid.line == 13 && invalid.column == 10, "\(invalid)")
        let missing = try #require(
            readError(reading: text.replacingSequence("SEQUENCE:minus one\n", with: ""), asCalendar: true)
        )
        #expect(missing.isSameKind(as: .missingProperty) && missing.line == 14 && missing.column == 1, "\(missing)")
    }

    @Test func readWantsExactlyOneCalendar() throws {
        #expect(readError(reading: "", asCalendar: true)?.isSameKind(as: .notACalendar) == true)
        let lone = try #require(readError(reading: "BEGIN:VEVENT\nEND:VEVENT\n", asCalendar: true))
        #expect(lone.isSameKind(as: .notACalendar) && lone.line == 1)
        let two = try #require(
            readError(reading: "BEGIN:VCALENDAR\nEND:VCALENDAR\nBEGIN:VCALENDAR\nEND:VCALENDAR\n", asCalendar: true)
        )
        #expect(two.isSameKind(as: .notACalendar) && two.line == 3)
        let version = try #require(
            readError(reading: "BEGIN:VCALENDAR\nVERSION:1.0\nEND:VCALENDAR\n", asCalendar: true)
        )
        #expect(version.isSameKind(as: .unsupportedVersion) && version.line == 2)
    }

    @Test func refusesDeepNestingAndHugeLinesWithoutCrashing() throws {
        let deep = String(repeating: "BEGIN:X\n", count: ICalendarReader.maximumNesting + 1)
        let nested = try #require(readError(reading: deep))
        #expect(nested.isSameKind(as: .nestingTooDeep) && nested.line == ICalendarReader.maximumNesting + 1)
        let fine = String(repeating: "BEGIN:X\n", count: 1000) + String(repeating: "END:X\n", count: 1000)
        #expect(try ICalendarReader.readComponents(Array(fine.utf8)).count == 1)

        let long = "BEGIN:X\nSUMMARY:" + String(repeating: "a", count: ICalendarReader.maximumLineLength) + "\nEND:X\n"
        let tooLong = try #require(readError(reading: long))
        #expect(tooLong.isSameKind(as: .lineTooLong) && tooLong.line == 2 && tooLong.sourceLine == nil)
        let folded =
            "BEGIN:X\nSUMMARY:"
            + String(
                repeating: String(repeating: "a", count: 100) + "\n ",
                count: ICalendarReader.maximumLineLength / 100 + 1
            )
        let foldedTooLong = try #require(readError(reading: folded + "\nEND:X\n"))
        #expect(foldedTooLong.isSameKind(as: .lineTooLong))
    }
}

extension String {
    fileprivate func replacingSequence(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
