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

    /// `config` with the holidays of its `holidays.calendars`, read from files or downloaded.
    ///
    /// - Throws: `CommandFailure` naming the calendar (and the config line that names it) when one cannot be read or
    ///   used.
    static func resolve(_ config: TeamConfig, configPath: String) async throws -> TeamConfig {
        guard !config.holidays.calendars.isEmpty else { return config }
        var imported: [[ImportedHoliday]] = []
        for calendar in config.holidays.calendars {
            let bytes: [UInt8]
            switch await read(calendar, configPath: configPath) {
            case let .success(read): bytes = read
            case let .failure(failure):
                throw CommandFailure(
                    message: "cannot read holiday calendar \(calendar.source): \(failure.reason)",
                    hint: "a path is relative to the config's folder; a URL must answer 200 with an .ics file",
                    at: "\(calendar.location)"
                )
            }
            do {
                imported.append(try HolidayImport.holidays(from: bytes))
            } catch {
                throw CommandFailure(
                    rendered: "\(calendar.source):\(error.description)\n"
                        + "\(calendar.location): note: the holiday calendar named here"
                )
            }
        }
        do {
            return try config.addingHolidays(imported)
        } catch {
            throw CommandFailure(diagnostics: error.diagnostics, file: configPath)
        }
    }

    static func read(
        _ calendar: HolidayCalendarSource,
        configPath: String
    ) async -> Result<[UInt8], ReadFailure> {
        if calendar.isURL {
            return await HTTPGet.fetch(calendar.source, accept: "text/calendar", limit: maximumBytes)
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
