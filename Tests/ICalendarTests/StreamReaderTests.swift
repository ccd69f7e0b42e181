import ICalendar
import RotaTestSupport
import Testing

/// ``ICalendarStreamReader`` reads what ``ICalendarReader/readComponents(_:)`` reads, with the same errors at the
/// same line and column, wherever the input is cut into pieces: inside a CR LF, a folded line, a UTF-8 sequence or a
/// byte order mark (issue 17: `rota diff --ics` reads a feed in pieces of 1 MiB).
@Suite struct StreamReaderTests {
    /// A document with everything a cut could break: a byte order mark, CR LF and bare LF line ends, empty lines,
    /// lines folded with a space and with a tab, a fold inside a UTF-8 sequence (a careless folder), 4-byte
    /// scalars, a nested VALARM and two top-level components.
    static let awkward: [UInt8] =
        [0xEF, 0xBB, 0xBF]
        + Array(
            ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n\r\nBEGIN:VEVENT\r\nUID:1@example.com\r\n"
                + "DTSTART:20260105T090000Z\r\nSUMMARY:Hand-off 😀 日本語 with a long line that was\r\n  folded once\r\n"
                + "\tand twice with a tab\r\nDESCRIPTION:caf").utf8
        )
        + [0xC3, 0x0D, 0x0A, 0x20, 0xA9]  // "café" folded between the two bytes of é
        + Array(
            (" done\\, really\r\nBEGIN:VALARM\nTRIGGER:-P1D\nACTION:DISPLAY\nEND:VALARM\nEND:VEVENT\n\n"
                + "BEGIN:VTODO\r\nUID:2\r\nSUMMARY;LANGUAGE=\"de:CH\":Grüße\r\nEND:VTODO\r\nEND:VCALENDAR\r\n"
                + "BEGIN:VCALENDAR\r\nX-SECOND:yes\r\nBEGIN:VEVENT\r\nUID:3\r\nEND:VEVENT\r\nEND:VCALENDAR").utf8
        )

    /// The documents read: the awkward one, the fixtures, and generated calendars of every kind of text.
    static func documents() throws -> [[UInt8]] {
        var documents = [awkward]
        for fixture in [
            "golden/team-calendar.ics", "holidays/google-us-holidays.ics", "holidays/apple-uk-holidays.ics",
        ] {
            documents.append(try ICSFixtures.bytes(fixture))
        }
        var generator = DocumentGenerator(seed: 0x57_4EA4)
        for _ in 0..<20 {
            documents.append(ICalendarWriter.write(generator.document()))
        }
        return documents
    }

    @Test func everyDocumentReadsAsWholeWhereverItIsCut() throws {
        var random = SeededGenerator(seed: 17)
        for (index, document) in try Self.documents().enumerated() {
            let whole = try ICalendarReader.readComponents(document)
            for _ in 0..<30 {
                let sizes = Self.randomSizes(for: document.count, using: &random)
                let streamed = Self.assemble(try Self.read(document, inPiecesOf: sizes))
                #expect(streamed == whole, "document \(index), pieces \(sizes.prefix(20))")
                if streamed != whole { return }
            }
        }
    }

    /// Every place a cut can fall, one byte at a time.
    @Test func theAwkwardDocumentReadsAsWholeInOneBytePieces() throws {
        let whole = try ICalendarReader.readComponents(Self.awkward)
        let streamed = try Self.read(Self.awkward, inPiecesOf: Array(repeating: 1, count: Self.awkward.count))
        #expect(Self.assemble(streamed) == whole)
        #expect(streamed.count == 5)  // VEVENT, VTODO, VCALENDAR, VEVENT, VCALENDAR
        #expect(streamed.first.map { if case .child(_, parent: "VCALENDAR") = $0 { true } else { false } } == true)
    }

    /// An event is handed over when its END line is read, not at the end of the input.
    @Test func anEventIsHandedOverAsSoonAsItCloses() throws {
        var reader = ICalendarStreamReader()
        let first = Array("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:1\r\nEND:VEVENT\r\nBEGIN:VEV".utf8)
        let closed = try first.withUnsafeBufferPointer { (piece) throws(ICalendarError) in try reader.read(piece) }
        #expect(closed.count == 1)
        guard case .child(let event, parent: "VCALENDAR") = closed.first else {
            Issue.record("expected the VEVENT, got \(closed)")
            return
        }
        #expect(event.property(.uid)?.value == "1")
    }

    /// Each of the reader's error cases fails the same way, at the same line and column with the same quoted line,
    /// wherever it is cut; so does a component never closed whose BEGIN line was read many pieces before.
    @Test func errorsAreThoseOfTheWholeReaderWhereverTheInputIsCut() throws {
        var texts = ReaderErrorTests.cases.map { Array($0.text.utf8) }
        texts.append(Array(("BEGIN:VCALENDAR\r\n" + String(repeating: "X-PAD:padding\r\n", count: 200)).utf8))
        texts.append(
            Array(
                ("BEGIN:VCALENDAR\r\nbegin:vevent\r\n" + String(repeating: "X-PAD:padding\r\n", count: 200)
                    + "DTSTART:20260230T090000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n").utf8
            )
        )
        var random = SeededGenerator(seed: 4)
        for text in texts {
            let expected: ICalendarError
            do {
                _ = try ICalendarReader.readComponents(text)
                continue  // a case about ICalendarReader.read alone
            } catch {
                expected = error
            }
            for sizes in [[1], [7], [64]] + (0..<10).map({ _ in Self.randomSizes(for: text.count, using: &random) }) {
                do {
                    _ = try Self.read(text, inPiecesOf: sizes)
                    Issue.record("no error reading \(String(decoding: text, as: UTF8.self)) in pieces \(sizes)")
                } catch {
                    #expect(error == expected, "pieces \(sizes.prefix(20))")
                    #expect(error.description == expected.description)
                }
            }
        }
    }

    /// Piece sizes that cover `count` bytes: mostly small, so cuts fall everywhere, sometimes large.
    static func randomSizes(for count: Int, using random: inout SeededGenerator) -> [Int] {
        var sizes: [Int] = []
        var covered = 0
        while covered < count {
            let size =
                Bool.random(using: &random)
                ? Int.random(in: 1...5, using: &random) : Int.random(in: 1...400, using: &random)
            sizes.append(size)
            covered += size
        }
        return sizes
    }

    /// `document` read in pieces of `sizes` bytes (the last size repeated as long as needed).
    static func read(_ document: [UInt8], inPiecesOf sizes: [Int]) throws(ICalendarError) -> [StreamedComponent] {
        var reader = ICalendarStreamReader()
        var closed: [StreamedComponent] = []
        var start = 0
        var next = 0
        while start < document.count {
            let size = sizes[min(next, sizes.count - 1)]
            next += 1
            let end = min(document.count, start + size)
            closed += try document[start..<end].withUnsafeBufferPointer { (piece) throws(ICalendarError) in
                try reader.read(piece)
            }
            start = end
        }
        return closed + (try reader.finish())
    }

    /// The top-level components the streamed ones make, each with the children handed over before it, which must
    /// name it as their parent.
    static func assemble(_ streamed: [StreamedComponent]) -> [Component] {
        var roots: [Component] = []
        var children: [(component: Component, parent: String)] = []
        for closed in streamed {
            switch closed {
            case .child(let child, let parent):
                children.append((child, parent))
            case .topLevel(var root):
                #expect(root.components.isEmpty)
                #expect(children.allSatisfy { $0.parent == root.name })
                root.components = children.map(\.component)
                children = []
                roots.append(root)
            }
        }
        #expect(children.isEmpty)
        return roots
    }
}
