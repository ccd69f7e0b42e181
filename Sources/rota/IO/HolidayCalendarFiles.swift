import ArgumentParser
import Foundation
import ICalendar
import RotaModel
import RotaSync

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Reads the iCalendar holiday calendars a config names and adds their holidays to it.
enum HolidayCalendarFiles {
    /// Why a calendar could not be read, in words for the error message.
    struct ReadFailure: Error {
        let reason: String
        init(_ reason: String) { self.reason = reason }
    }

    /// Public holiday calendars are a few hundred kilobytes; more than this is not one.
    static let maximumBytes = 8 << 20

    /// `config` with the holidays of its `holidays.calendars`, or the problems printed and exit code 2.
    static func resolve(_ config: TeamConfig, configPath: String) throws -> TeamConfig {
        guard !config.holidays.calendars.isEmpty else { return config }
        var standardError = StandardError()
        var imported: [[ImportedHoliday]] = []
        for calendar in config.holidays.calendars {
            let bytes: [UInt8]
            switch read(calendar, configPath: configPath) {
            case let .success(read): bytes = read
            case let .failure(failure):
                print(
                    "\(calendar.location): error: cannot read holiday calendar \(calendar.source): \(failure.reason)\n"
                        + "hint: a path is relative to the config's folder; a URL must answer 200 with an .ics file",
                    to: &standardError
                )
                throw ExitCode.rotaError
            }
            do {
                imported.append(try HolidayImport.holidays(from: bytes))
            } catch {
                print("\(calendar.source):\(error.description)", to: &standardError)
                print("\(calendar.location): note: the holiday calendar named here", to: &standardError)
                throw ExitCode.rotaError
            }
        }
        do {
            return try config.addingHolidays(imported)
        } catch {
            DiagnosticPrinter.print(error.diagnostics, file: configPath, to: &standardError)
            throw ExitCode.rotaError
        }
    }

    private static func read(_ calendar: HolidayCalendarSource, configPath: String) -> Result<[UInt8], ReadFailure> {
        if calendar.isURL { return download(calendar.source) }
        let path =
            calendar.source.hasPrefix("/")
            ? calendar.source
            : URL(fileURLWithPath: configPath).deletingLastPathComponent().appendingPathComponent(calendar.source).path
        switch BoundedFileReader.read(path, limit: maximumBytes) {
        case let .success(bytes): return .success(bytes)
        case let .failure(.cannotOpen(reason)): return .failure(ReadFailure("\(path): \(reason)"))
        case .failure(.isDirectory): return .failure(ReadFailure("\(path) is a directory"))
        case .failure(.tooLarge): return .failure(ReadFailure("\(path) is larger than \(maximumBytes >> 20) MiB"))
        }
    }

    /// Downloads a calendar with a 20-second timeout.
    ///
    /// rota's own HTTP client arrives with the CalDAV work; until then
    /// Foundation's is enough for a public, unauthenticated holiday calendar.
    private static func download(_ address: String) -> Result<[UInt8], ReadFailure> {
        guard let url = URL(string: address) else { return .failure(ReadFailure("not a valid URL")) }
        var request = URLRequest(url: url, timeoutInterval: 20)
        request.setValue("text/calendar", forHTTPHeaderField: "Accept")
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        URLSession.shared.dataTask(with: request) { data, response, error in
            outcome.set(data: data, status: (response as? HTTPURLResponse)?.statusCode, error: error)
            done.signal()
        }.resume()
        guard done.wait(timeout: .now() + 25) == .success else {
            return .failure(ReadFailure("no answer within 25 seconds"))
        }
        return outcome.result(limit: maximumBytes)
    }

    /// The download's result, handed from URLSession's queue to the waiting thread.
    private final class Outcome: @unchecked Sendable {
        // Safe: written once on URLSession's queue before the semaphore is signalled, read after the wait.
        private var data: Data?
        private var status: Int?
        private var error: (any Error)?

        func set(data: Data?, status: Int?, error: (any Error)?) {
            self.data = data
            self.status = status
            self.error = error
        }

        func result(limit: Int) -> Result<[UInt8], ReadFailure> {
            if let error { return .failure(ReadFailure(error.localizedDescription)) }
            guard let status, status == 200 else {
                return .failure(ReadFailure("HTTP status \(status.map(String.init) ?? "none")"))
            }
            guard let data, data.count <= limit else { return .failure(ReadFailure("larger than \(limit >> 20) MiB")) }
            return .success(Array(data))
        }
    }
}
