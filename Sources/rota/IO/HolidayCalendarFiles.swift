import ArgumentParser
import Foundation
import ICalendar
import RotaModel
import RotaSync

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
        if calendar.isURL {
            return HTTPGet.fetch(calendar.source, accept: "text/calendar", limit: maximumBytes)
                .mapError { ReadFailure($0.reason) }
        }
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
}
