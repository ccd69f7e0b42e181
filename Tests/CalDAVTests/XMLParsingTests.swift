import CalDAV
import Testing

/// The element tree: namespaces by URI, not prefix; attributes; text and CDATA; the escaper checked by parsing.
@Suite struct XMLParsingTests {
    @Test func matchesByNamespaceURINotPrefix() throws {
        let radicaleStyle =
            "<multistatus xmlns=\"DAV:\" xmlns:C=\"urn:ietf:params:xml:ns:caldav\"><C:calendar-data>x</C:calendar-data></multistatus>"
        let xandikosStyle =
            "<ns0:multistatus xmlns:ns0=\"DAV:\" xmlns:ns1=\"urn:ietf:params:xml:ns:caldav\"><ns1:calendar-data>x</ns1:calendar-data></ns0:multistatus>"
        for xml in [radicaleStyle, xandikosStyle] {
            let root = try DAVXML.parse(Array(xml.utf8))
            #expect(root.name == .dav("multistatus"))
            #expect(root.child(.calDAV("calendar-data"))?.text == "x")
            #expect(root.child(.dav("calendar-data")) == nil)
        }
    }

    @Test func readsAttributesTextAndCDATA() throws {
        let xml =
            "<c:comp xmlns:c=\"urn:ietf:params:xml:ns:caldav\" name=\"VEVENT\">a &amp; b<![CDATA[ <raw> ]]>&#233;</c:comp>"
        let root = try DAVXML.parse(Array(xml.utf8))
        #expect(root.attribute(DAVXML.Name("", "name")) == "VEVENT")
        #expect(root.text == "a & b <raw> \u{e9}")
    }

    @Test func normalisesCRLFInsideText() throws {
        let root = try DAVXML.parse(Array("<x>BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n</x>".utf8))
        #expect(root.text == "BEGIN:VCALENDAR\nEND:VCALENDAR\n")
    }

    static let awkward = [
        "On call & more",
        "<script>alert(\"x\")</script>",
        "quotes \" and ' apostrophes",
        "tab\tnew\nline\r\nreturn",
        "]]> and &amp; literal",
        "emoji \u{1F4C5} and \u{00e9}",
        "control \u{1}\u{8} dropped",
    ]

    @Test(arguments: awkward)
    func escapedTextParsesBackToTheSameText(_ text: String) throws {
        let xml = "<x a=\"\(DAVXML.escapeAttribute(text))\">\(DAVXML.escapeText(text))</x>"
        let root = try DAVXML.parse(Array(xml.utf8))
        let expected = text.unicodeScalars.filter { $0.value >= 0x20 || [0x9, 0xA, 0xD].contains($0.value) }
        #expect(root.attribute(DAVXML.Name("", "a")) == String(String.UnicodeScalarView(expected)))
        #expect(root.text == String(String.UnicodeScalarView(expected)))
    }
}
