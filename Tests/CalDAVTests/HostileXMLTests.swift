import CalDAV
import Foundation
import Testing

/// Documents an attacker could send instead of a multistatus: each ends as an error value, with no crash, no file
/// read, no network access and no entity expansion.
@Suite struct HostileXMLTests {
    static func code(of xml: String, limits: DAVXML.Limits = .standard) -> CalDAVError.Code? {
        do {
            _ = try DAVXML.parse(Array(xml.utf8), limits: limits)
            return nil
        } catch let error as CalDAVError {
            return error.code
        } catch {
            return nil
        }
    }

    @Test func externalEntityPointingAtASecretFileIsRefusedAndNeverRead() throws {
        let secret = "rota-secret-\(UUID().uuidString)"
        let file = FileManager.default.temporaryDirectory.appending(path: "rota-xxe-\(UUID().uuidString).txt")
        try Data(secret.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let xxe = """
            <?xml version="1.0"?>
            <!DOCTYPE d:multistatus [<!ENTITY secret SYSTEM "\(file.absoluteString)">]>
            <d:multistatus xmlns:d="DAV:"><d:response><d:href>&secret;</d:href></d:response></d:multistatus>
            """
        var thrown: CalDAVError?
        do {
            _ = try Multistatus.parse(Array(xxe.utf8), requestURL: try #require(URL(string: "http://127.0.0.1/")))
        } catch let error as CalDAVError {
            thrown = error
        }
        let error = try #require(thrown)
        #expect(error.code == .xmlDoctype)
        #expect(!error.description.contains(secret))
        #expect(!error.detail.contains(secret))
    }

    @Test func externalDTDIsRefused() {
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE d:multistatus SYSTEM "http://127.0.0.1:9/evil.dtd">
            <d:multistatus xmlns:d="DAV:"/>
            """
        #expect(Self.code(of: xml) == .xmlDoctype)
    }

    @Test func entitiesAndDTDsPointingAtTheNetworkOpenNoConnection() throws {
        let listener = try #require(LoopbackListener())
        let url = "http://127.0.0.1:\(listener.port)/evil"
        let documents = [
            "<!DOCTYPE r [<!ENTITY e SYSTEM \"\(url).xml\">]><r xmlns=\"DAV:\">&e;</r>",
            "<!DOCTYPE r SYSTEM \"\(url).dtd\"><r xmlns=\"DAV:\"/>",
            "<!DOCTYPE r [<!ENTITY % p SYSTEM \"\(url).ent\"> %p;]><r xmlns=\"DAV:\"/>",
            "<r xmlns=\"DAV:\" xmlns:xi=\"http://www.w3.org/2001/XInclude\"><xi:include href=\"\(url).xml\"/></r>",
        ]
        for document in documents {
            _ = Self.code(of: document)
        }
        #expect(Self.code(of: documents[0]) == .xmlDoctype)
        #expect(Self.code(of: documents[1]) == .xmlDoctype)
        #expect(Self.code(of: documents[3]) == nil)
        #expect(!listener.wasConnected)
    }

    @Test func billionLaughsIsRefused() {
        var entities = "<!ENTITY lol0 \"lol\">"
        for level in 1...9 {
            entities += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">"
        }
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [\(entities)]>
            <d:multistatus xmlns:d="DAV:"><d:response><d:href>&lol9;</d:href></d:response></d:multistatus>
            """
        let code = Self.code(of: xml)
        #expect(code == .xmlDoctype || code == .xmlMalformed)
    }

    @Test func plainDoctypeIsRefused() {
        #expect(Self.code(of: "<!DOCTYPE html><html/>") == .xmlDoctype)
    }

    @Test func documentOverTheCapIsRefusedBeforeParsing() {
        let big =
            "<d:multistatus xmlns:d=\"DAV:\">" + String(repeating: "<d:response/>", count: 1000) + "</d:multistatus>"
        #expect(Self.code(of: big, limits: DAVXML.Limits(maxBytes: 4096)) == .xmlTooLarge)
        #expect(Self.code(of: big, limits: DAVXML.Limits(maxBytes: 1 << 20)) == nil)
    }

    @Test func documentOverTheDefaultCapIsRefused() {
        let bytes = [UInt8](repeating: UInt8(ascii: " "), count: DAVXML.Limits.standard.maxBytes + 1)
        #expect(throws: CalDAVError.self) { try DAVXML.parse(bytes) }
        do {
            _ = try DAVXML.parse(bytes)
        } catch let error as CalDAVError {
            #expect(error.code == .xmlTooLarge)
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test(arguments: [
        "<d:multistatus xmlns:d=\"DAV:\"><d:response>",
        "not xml at all",
        "",
        "<a><b></a></b>",
        "<d:x xmlns:d=\"DAV:\">&undefined;</d:x>",
        "<x>\u{0}</x>",
    ])
    func malformedXMLIsAnErrorValue(_ xml: String) {
        #expect(Self.code(of: xml) == .xmlMalformed)
    }

    @Test func malformedErrorSaysWhereAndWhatToDo() {
        do {
            _ = try DAVXML.parse(Array("<a>\n<b></a>".utf8))
            Issue.record("parsed a malformed document")
        } catch let error as CalDAVError {
            #expect(error.detail.contains("line"))
            #expect(!error.hint.isEmpty)
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }
}
