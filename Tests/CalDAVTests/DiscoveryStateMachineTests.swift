import CalDAV
import Foundation
import ServerTestSupport
import Testing

/// Table tests of discovery's transitions, fed with recorded answers; no I/O.
@Suite struct DiscoveryStateMachineTests {
    static func multistatus(_ server: ServerKind, _ name: String) throws -> CalDAVResponse {
        CalDAVResponse(status: 207, body: try CalDAVFixtures.bytes(server, name))
    }

    static func sentURL(_ action: DiscoveryStateMachine.Action) -> String? {
        guard case .send(let request) = action else { return nil }
        return "\(request.method) \(request.url.absoluteString)"
    }

    static func failure(_ action: DiscoveryStateMachine.Action) -> CalDAVError? {
        guard case .failed(let error) = action else { return nil }
        return error
    }

    @Test(arguments: ServerKind.virtualenvServers)
    func wellKnownPrincipalHomeCalendars(_ server: ServerKind) throws {
        let base = try CalDAVFixtures.url("/")
        var machine = DiscoveryStateMachine(baseURL: base)
        #expect(Self.sentURL(machine.start()) == "PROPFIND http://127.0.0.1:5232/.well-known/caldav")
        let principal = server == .radicale ? "/alice/" : "/user/"
        let home = server == .radicale ? "/alice/" : "/user/calendars/"
        #expect(
            Self.sentURL(machine.receive(try Self.multistatus(server, "principal.xml")))
                == "PROPFIND http://127.0.0.1:5232\(principal)"
        )
        #expect(
            Self.sentURL(machine.receive(try Self.multistatus(server, "home-set.xml")))
                == "PROPFIND http://127.0.0.1:5232\(home)"
        )
        let finished = machine.receive(try Self.multistatus(server, "calendars.xml"))
        guard case .finished(let discovery) = finished else {
            Issue.record("expected discovery to finish, got \(finished)")
            return
        }
        #expect(discovery.principal == (try CalDAVFixtures.url(principal)))
        #expect(discovery.calendarHome == (try CalDAVFixtures.url(home)))
        #expect(discovery.calendars.contains { $0.displayName == "On call & more" })
        #expect(discovery.calendars.allSatisfy { $0.isCalendar })
    }

    @Test func aMissingWellKnownFallsBackToTheGivenURL() throws {
        let base = try CalDAVFixtures.url("/dav/")
        var machine = DiscoveryStateMachine(baseURL: base)
        _ = machine.start()
        #expect(Self.sentURL(machine.receive(CalDAVResponse(status: 404))) == "PROPFIND http://127.0.0.1:5232/dav/")
        #expect(
            Self.sentURL(machine.receive(try Self.multistatus(.radicale, "principal.xml")))
                == "PROPFIND http://127.0.0.1:5232/alice/"
        )
    }

    @Test func badCredentialsFailAtOnce() throws {
        var machine = DiscoveryStateMachine(baseURL: try CalDAVFixtures.url("/"))
        _ = machine.start()
        let error = Self.failure(machine.receive(CalDAVResponse(status: 401)))
        #expect(error?.code == .unauthorized)
        #expect(error?.status == 401)
    }

    @Test func noPrincipalAnywhereIsADiscoveryError() throws {
        var machine = DiscoveryStateMachine(baseURL: try CalDAVFixtures.url("/"))
        _ = machine.start()
        _ = machine.receive(CalDAVResponse(status: 404))
        let empty = Array("<d:multistatus xmlns:d=\"DAV:\"/>".utf8)
        let error = Self.failure(machine.receive(CalDAVResponse(status: 207, body: empty)))
        #expect(error?.code == .discovery)
        #expect(error?.hint.isEmpty == false)
    }

    @Test func aPrincipalWithoutHomeIsADiscoveryError() throws {
        var machine = DiscoveryStateMachine(baseURL: try CalDAVFixtures.url("/"))
        _ = machine.start()
        _ = machine.receive(try Self.multistatus(.radicale, "principal.xml"))
        let error = Self.failure(machine.receive(try Self.multistatus(.radicale, "principal.xml")))
        #expect(error?.code == .discovery)
        #expect(error?.url == (try CalDAVFixtures.url("/alice/")))
    }

    @Test func transportFailuresEndDiscoveryAndLaterAnswersAreRefused() throws {
        var machine = DiscoveryStateMachine(baseURL: try CalDAVFixtures.url("/"))
        _ = machine.start()
        let dropped = CalDAVError(.connection, detail: "reset", hint: "retry")
        #expect(Self.failure(machine.transportFailed(dropped)) == dropped)
        #expect(Self.failure(machine.receive(CalDAVResponse(status: 207)))?.code == .discovery)
    }
}
