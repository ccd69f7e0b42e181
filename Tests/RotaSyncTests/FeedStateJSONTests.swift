import Foundation
import ICalendar
import RotaModel
import Testing

@testable import RotaSync

/// `.rota-feed-state.json` is written by hand now; a state file must come out byte for byte as Foundation's
/// `JSONEncoder` wrote it before, so an unchanged export leaves existing state files untouched and older rota
/// versions read what this one writes.
@Suite struct FeedStateJSONTests {
    /// What earlier versions wrote: the encoder's bytes and a newline.
    static func encoderBytes(_ state: FeedState) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return Array(try encoder.encode(state)) + Array("\n".utf8)
    }

    static func entry(
        _ text: String,
        sequence: Int = 0,
        feeds: [String] = ["team"],
        departed: [String]? = nil,
        copy: String? = nil
    ) -> FeedState.Entry {
        var entry = FeedState.Entry(
            sequence: sequence,
            contentHash: "00ff12ab34cd56ef",
            changed: LocalDate(daysSinceEpoch: 20_420),
            lastPublished: text,
            feeds: feeds,
            cancelled: sequence % 2 == 1,
            lastDay: LocalDate(daysSinceEpoch: 20_457)
        )
        entry.departedFeeds = departed
        entry.departedCopy = copy
        return entry
    }

    static let states: [FeedState] = [
        .empty,
        FeedState(events: ["shift-20261130@example.com": entry("BEGIN:VEVENT\r\nUID:x\r\nEND:VEVENT\r\n")]),
        FeedState(events: [
            // Keys sort by their bytes: upper case first, digits as text, non-ASCII last.
            "a10@x": entry("quote \" backslash \\ slash / tab \t", sequence: 3),
            "a9@x": entry("controls \u{0}\u{1}\u{8}\u{b}\u{c}\u{1f}\u{7f} end", feeds: []),
            "B1@x": entry("non-ASCII é 😀 Ω", departed: [], copy: ""),
            "holiday-christmas-2026@x": entry("line\nbreaks\r\nand\rreturns", departed: ["engineer-a", "engineer-b"]),
            "ä@x": entry("", sequence: 12, feeds: ["engineer-a", "pipeline-p", "team"], copy: "COPY\r\n"),
            "shift-20260105@x": entry("", sequence: 1_000_000),
            "shift-20260105T1000@x": entry("\u{2028}\u{feff}"),
        ]),
    ]

    @Test(arguments: states)
    func theStateIsWrittenAsTheEncoderWroteIt(state: FeedState) throws {
        let written = state.jsonBytes
        let expected = try Self.encoderBytes(state)
        #expect(String(decoding: written, as: UTF8.self) == String(decoding: expected, as: UTF8.self))
        #expect(written == expected)
    }

    @Test func whatIsWrittenReadsBackAsTheSameState() throws {
        let state = try #require(Self.states.last)
        #expect(try JSONDecoder().decode(FeedState.self, from: Data(state.jsonBytes)) == state)
    }

    @Test(arguments: states)
    func theFastReaderReadsWhatIsWrittenAsTheDecoderDoes(state: FeedState) throws {
        let pretty = state.jsonBytes
        #expect(FeedState(jsonBytes: pretty) == state)
        #expect(FeedState(jsonBytes: pretty) == (try JSONDecoder().decode(FeedState.self, from: Data(pretty))))
        // Compact JSON, as another tool might write it, reads the same way.
        let compact = Array(try JSONEncoder().encode(state))
        #expect(FeedState(jsonBytes: compact) == (try JSONDecoder().decode(FeedState.self, from: Data(compact))))
    }

    /// What the fast reader is not sure of goes to `JSONDecoder` (nil here), which reads it or says what is wrong.
    @Test(arguments: [
        #"{"events":{"u":{"cancelled":false,"changed":"2026-11-28","contentHash":"0","feeds":[],"lastDay":"2026-12-07","lastPublished":"","sequence":2,"note":1}}}"#,
        #"{"events":{"u":{"cancelled":false,"changed":"2026-11-28","contentHash":"0","feeds":[],"lastDay":"2026-12-07","lastPublished":"","sequence":02}}}"#,
        #"{"events":{"u":{"cancelled":false,"changed":"2026-11-28","contentHash":"0","feeds":[],"lastDay":"2026-12-07","lastPublished":"","sequence":2.0}}}"#,
        #"{"events":{"u":{"cancelled":false,"changed":"2026-02-30","contentHash":"0","feeds":[],"lastDay":"2026-12-07","lastPublished":"","sequence":2}}}"#,
        #"{"events":{"u":{"cancelled":false,"changed":"2026-11-28","contentHash":"0","feeds":[],"lastDay":"2026-12-07","lastPublished":"\ud83d\ude00","sequence":2}}}"#,
        #"{"events":{"u":{"cancelled":false,"changed":"2026-11-28","contentHash":"0","feeds":[],"lastDay":"2026-12-07","lastPublished":"","sequence":2}},"events":{}}"#,
        #"{"events":{"u":{"cancelled":false,"changed":"2026-11-28","contentHash":"0","feeds":[],"lastDay":"2026-12-07","sequence":2}}}"#,
        #"{"events":{}} x"#,
    ])
    func theFastReaderLeavesToTheDecoderWhatItIsNotSureOf(text: String) {
        #expect(FeedState(jsonBytes: Array(text.utf8)) == nil)
    }

    @Test func theFastReaderUndoesEveryEscape() throws {
        let text =
            #"{"events":{"u":{"cancelled":true,"changed":"2026-11-28","contentHash":"0","departedCopy":null,"#
            + #""departedFeeds":["a\/b"],"feeds":[ "team" ],"lastDay":"2026-12-07","#
            + #""lastPublished":"q\" b\\ s\/ \b\f\n\r\t \u0001\u00e9\u20ac","sequence":-0}}}"#
        let state = try #require(FeedState(jsonBytes: Array(text.utf8)))
        #expect(state == (try JSONDecoder().decode(FeedState.self, from: Data(text.utf8))))
        #expect(state.events["u"]?.lastPublished == "q\" b\\ s/ \u{8}\u{c}\n\r\t \u{1}é€")
    }

    /// The escaper checks eight bytes at a time: every character that needs an escape, at every position in and
    /// across those eight-byte steps, and in strings of every length around them, comes out as the encoder writes it.
    @Test func everyStringIsEscapedAsTheEncoderEscapesIt() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        let plain: [Character] = ["a", "Z", "0", " ", "/", "~", "\u{7f}", "é", "€", "😀", "!", "#", "]", "[", "{"]
        let special: [Character] = [
            "\"", "\\", "\n", "\r", "\r\n", "\t", "\u{0}", "\u{8}", "\u{c}", "\u{1f}", "\u{1b}",
        ]
        var generator = SystemRandomNumberGenerator()
        var cases: [String] = []
        for length in 0...24 {
            for position in 0..<max(length, 1) {
                for mark in special {
                    var characters = (0..<length).map { _ in plain.randomElement(using: &generator)! }
                    if length > 0 { characters[position] = mark }
                    cases.append(String(characters))
                }
            }
        }
        for _ in 0..<500 {
            let length = Int.random(in: 0...200, using: &generator)
            cases.append(
                String(
                    (0..<length).map { _ in
                        Int.random(in: 0..<8, using: &generator) == 0
                            ? special.randomElement(using: &generator)! : plain.randomElement(using: &generator)!
                    }
                )
            )
        }
        for text in cases {
            var written: [UInt8] = []
            JSONText.appendString(text, to: &written)
            let expected = Array(try encoder.encode(text))
            #expect(written == expected, "\(text.debugDescription)")
        }
    }
}
