import CLibXML2
import Testing

/// Proves from the first day that libxml2 links and parses the way the CalDAV client will use it:
/// from memory, network off, elements matched by namespace URI and local name.
@Suite struct LibXML2ParsingTests {
    static let multistatus = """
        <?xml version="1.0" encoding="utf-8"?>
        <d:multistatus xmlns:d="DAV:" xmlns:cal="urn:ietf:params:xml:ns:caldav">
          <d:response>
            <d:href>/chen/oncall/</d:href>
            <d:propstat>
              <d:prop><d:displayname>On call</d:displayname><cal:calendar-description>Team</cal:calendar-description></d:prop>
              <d:status>HTTP/1.1 200 OK</d:status>
            </d:propstat>
          </d:response>
        </d:multistatus>
        """

    /// (namespace URI, local name, text) of every element, depth first.
    static func elements(of xml: String) -> [(String, String, String)]? {
        xmlInitParser()
        let bytes = Array(xml.utf8)
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        guard let context = xmlNewParserCtxt() else { return nil }
        defer { xmlFreeParserCtxt(context) }
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.flatMap { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    xmlCtxtReadMemory(context, $0, Int32(buffer.count), "response.xml", "UTF-8", options)
                }
            }
        }
        guard let document else { return nil }
        defer { xmlFreeDoc(document) }
        var found: [(String, String, String)] = []
        func walk(_ node: UnsafeMutablePointer<xmlNode>?) {
            var current = node
            while let element = current {
                if element.pointee.type == XML_ELEMENT_NODE {
                    let namespace = element.pointee.ns.flatMap { $0.pointee.href.map { String(cString: $0) } } ?? ""
                    let name = String(cString: element.pointee.name)
                    var text = ""
                    if let content = xmlNodeGetContent(element) {
                        text = String(cString: content)
                        rota_xmlFree(content)
                    }
                    found.append((namespace, name, text))
                    walk(element.pointee.children)
                }
                current = element.pointee.next
            }
        }
        walk(xmlDocGetRootElement(document))
        return found
    }

    @Test func parsesNamespacedMultistatus() throws {
        let elements = try #require(Self.elements(of: Self.multistatus))
        let names = elements.map { "\($0.0) \($0.1)" }
        #expect(names.first == "DAV: multistatus")
        #expect(names.contains("urn:ietf:params:xml:ns:caldav calendar-description"))
        let displayName = elements.first { $0.0 == "DAV:" && $0.1 == "displayname" }
        #expect(displayName?.2 == "On call")
        let href = elements.first { $0.1 == "href" }
        #expect(href?.2 == "/chen/oncall/")
    }

    @Test func rejectsMalformedXML() {
        #expect(Self.elements(of: "<d:multistatus xmlns:d=\"DAV:\"><d:response>") == nil)
    }

    @Test func doesNotExpandExternalEntities() throws {
        let xxe = """
            <?xml version="1.0"?>
            <!DOCTYPE r [<!ENTITY secret SYSTEM "file:///etc/hostname">]>
            <r xmlns="DAV:">&secret;</r>
            """
        let elements = try #require(Self.elements(of: xxe))
        #expect(elements.first?.2 == "")
    }
}
