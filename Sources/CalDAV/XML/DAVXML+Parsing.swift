import CLibXML2
import Foundation

extension DAVXML {
    /// Runs `xmlInitParser` once per process, before the first parse, so parses on several threads are safe.
    private static let parserInitialised: Void = { xmlInitParser() }()

    /// Parses an XML document from memory into an element tree, safely.
    ///
    /// libxml2 runs with `XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING` and none of `NOENT`, `DTDLOAD`,
    /// `DTDATTR`, `DTDVALID` or `HUGE`: no network, no external entity, no entity expansion, libxml2's default depth and
    /// size limits. A document that declares a DOCTYPE is refused outright (no CalDAV server sends one), so an XXE or
    /// billion-laughs document ends as an error value with nothing read or expanded.
    ///
    /// - Parameters:
    ///   - bytes: the document.
    ///   - limits: the size cap.
    /// - Returns: the root element.
    /// - Throws: ``CalDAVError`` with code ``CalDAVError/Code/xmlTooLarge``, ``CalDAVError/Code/xmlMalformed`` or
    ///   ``CalDAVError/Code/xmlDoctype``.
    public static func parse(_ bytes: [UInt8], limits: Limits = .standard) throws -> Element {
        guard bytes.count <= limits.maxBytes, bytes.count <= Int(Int32.max) else {
            throw CalDAVError(
                .xmlTooLarge,
                detail: "the XML document has \(bytes.count) bytes, more than the limit of \(limits.maxBytes)",
                hint: "raise the client's XML size limit if the server really sends documents this large"
            )
        }
        guard !bytes.isEmpty else {
            throw CalDAVError(.xmlMalformed, detail: "the XML document is empty", hint: malformedHint)
        }
        _ = parserInitialised
        guard let context = xmlNewParserCtxt() else {
            throw CalDAVError(.xmlMalformed, detail: "libxml2 could not allocate a parser", hint: malformedHint)
        }
        defer { xmlFreeParserCtxt(context) }
        let options = Int32(
            bitPattern: XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
        )
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.flatMap { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    xmlCtxtReadMemory(context, $0, Int32(buffer.count), "response.xml", nil, options)
                }
            }
        }
        guard let document else {
            throw CalDAVError(.xmlMalformed, detail: lastError(of: context), hint: malformedHint)
        }
        defer { xmlFreeDoc(document) }
        guard document.pointee.intSubset == nil, document.pointee.extSubset == nil else {
            throw CalDAVError(
                .xmlDoctype,
                detail: "the XML document declares a DOCTYPE, which CalDAV servers never send; it was not used",
                hint: "check that the URL points at a CalDAV server and not at something impersonating one"
            )
        }
        guard let root = xmlDocGetRootElement(document) else {
            throw CalDAVError(.xmlMalformed, detail: "the XML document has no root element", hint: malformedHint)
        }
        return element(from: root)
    }

    private static let malformedHint =
        "the server sent a broken response; check the URL points at a CalDAV server, and retry"

    private static func lastError(of context: xmlParserCtxtPtr) -> String {
        guard let error = xmlCtxtGetLastError(context), let message = error.pointee.message else {
            return "the response is not well-formed XML"
        }
        let text = String(cString: message).trimmingCharacters(in: .whitespacesAndNewlines)
        return "the response is not well-formed XML: line \(error.pointee.line): \(text)"
    }

    /// The name of an element or attribute from its namespace and local name (empty when absent).
    private static func name(_ ns: xmlNsPtr?, _ localName: UnsafePointer<xmlChar>?) -> Name {
        let namespace = ns.flatMap { $0.pointee.href.map { String(cString: $0) } } ?? ""
        return Name(namespace, localName.map { String(cString: $0) } ?? "")
    }

    private static func element(from node: UnsafeMutablePointer<xmlNode>) -> Element {
        var attributes: [Attribute] = []
        var attribute = node.pointee.properties
        while let current = attribute {
            var value = ""
            var valueNode = current.pointee.children
            while let part = valueNode {
                if let content = part.pointee.content { value += String(cString: content) }
                valueNode = part.pointee.next
            }
            attributes.append(Attribute(name: name(current.pointee.ns, current.pointee.name), value: value))
            attribute = current.pointee.next
        }
        var text = ""
        var children: [Element] = []
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                children.append(element(from: current))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content { text += String(cString: content) }
            default:
                break
            }
            child = current.pointee.next
        }
        return Element(
            name: name(node.pointee.ns, node.pointee.name),
            attributes: attributes,
            text: text,
            children: children
        )
    }
}
