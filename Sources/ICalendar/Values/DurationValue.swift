/// A DURATION value (RFC 5545 §3.3.6), such as an alarm's `TRIGGER:-PT15M`.
///
/// Weeks or days-and-time, never both, as the grammar has it (`P1W`, `-P1DT2H`); a day is a
/// nominal day (the same wall-clock time the next day), not 86,400 seconds. Fields hold magnitudes and
/// are never negative: the sign is ``isNegative``.
public struct DurationValue: Hashable, Sendable, CustomStringConvertible {
    /// Whether the duration points backwards, as a reminder before an event's start does.
    public let isNegative: Bool
    public let weeks: Int
    public let days: Int
    public let hours: Int
    public let minutes: Int
    public let seconds: Int

    /// A duration in whole weeks (`P2W`); a negative argument counts as zero.
    ///
    /// - Parameters:
    ///   - weeks: The number of weeks.
    ///   - isNegative: Whether the duration points backwards.
    public init(weeks: Int, isNegative: Bool = false) {
        self.isNegative = isNegative
        self.weeks = max(0, weeks)
        days = 0
        hours = 0
        minutes = 0
        seconds = 0
    }

    /// A duration in days and time (`P1DT12H`, `PT15M`); a negative argument counts as zero.
    ///
    /// - Parameters:
    ///   - days: Nominal days.
    ///   - hours: Hours.
    ///   - minutes: Minutes.
    ///   - seconds: Seconds.
    ///   - isNegative: Whether the duration points backwards.
    public init(days: Int = 0, hours: Int = 0, minutes: Int = 0, seconds: Int = 0, isNegative: Bool = false) {
        self.isNegative = isNegative
        weeks = 0
        self.days = max(0, days)
        self.hours = max(0, hours)
        self.minutes = max(0, minutes)
        self.seconds = max(0, seconds)
    }

    /// Reads `[+|-]P...` text such as `-P1D`, `PT15M` or `P2W`.
    ///
    /// - Parameter text: The value text.
    /// - Throws: ``ICalendarError/invalidValue`` when the text breaks the RFC 5545 §3.3.6 grammar.
    public init(parsing text: String) throws(ICalendarError) {
        if let simple = Self.simple(text) {
            self = simple
            return
        }
        var invalid: ICalendarError {
            ICalendarError(.invalidValue, "'\(text.prefix(40))' is not a DURATION (RFC 5545 §3.3.6)")
        }
        var rest = Substring(text)
        var negative = false
        if rest.first == "+" || rest.first == "-" {
            negative = rest.first == "-"
            rest = rest.dropFirst()
        }
        guard rest.first == "P" else { throw invalid }
        rest = rest.dropFirst()
        var fields: [Character: Int] = [:]
        var inTime = false
        var digits = ""
        var order: [Character] = []
        for character in rest {
            if character.isASCII, character.isNumber {
                guard digits.count < 9 else { throw invalid }
                digits.append(character)
            } else if character == "T", digits.isEmpty, !inTime {
                inTime = true
            } else {
                // Time units are kept lower case so "M" (minutes) never meets a date unit; only ASCII is
                // lower-cased, as `Character(_:)` would trap on a lower case of several characters.
                let unit: Character = inTime && character.isASCII ? Character(character.lowercased()) : character
                guard let value = Int(digits), fields[unit] == nil,
                    inTime ? "hms".contains(unit) : "WD".contains(unit)
                else { throw invalid }
                fields[unit] = value
                order.append(unit)
                digits = ""
            }
        }
        guard digits.isEmpty, !fields.isEmpty, order == order.sorted(by: Self.unitOrder),
            fields["W"] == nil || fields.count == 1, !(inTime && fields.keys.allSatisfy { $0 == "D" || $0 == "W" })
        else { throw invalid }
        if let weeks = fields["W"] {
            self.init(weeks: weeks, isNegative: negative)
        } else {
            self.init(
                days: fields["D"] ?? 0,
                hours: fields["h"] ?? 0,
                minutes: fields["m"] ?? 0,
                seconds: fields["s"] ?? 0,
                isNegative: negative
            )
        }
    }

    /// The RFC 5545 text: `-P1D`, `-PT15M`, `P2W`, `PT0S` for zero.
    public var description: String {
        var text = isNegative ? "-P" : "P"
        if weeks > 0 { return text + "\(weeks)W" }
        if days > 0 { text += "\(days)D" }
        if hours > 0 || minutes > 0 || seconds > 0 {
            text += "T"
            if hours > 0 { text += "\(hours)H" }
            if minutes > 0 { text += "\(minutes)M" }
            if seconds > 0 { text += "\(seconds)S" }
        } else if days == 0 {
            text += "T0S"
        }
        return text
    }

    /// The common one-unit forms (`-P1D`, `PT15M`, `P2W`) read from the bytes; `nil` for anything else,
    /// which ``init(parsing:)`` then reads in full.
    private static func simple(_ text: String) -> DurationValue? {
        var text = text
        // Contiguous bytes: indexing a String's UTF-8 view costs more than the whole parse.
        return text.withUTF8 { bytes -> DurationValue? in
            var index = 0
            var negative = false
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                negative = bytes[index] == UInt8(ascii: "-")
                index += 1
            }
            guard index < bytes.count, bytes[index] == UInt8(ascii: "P") else { return nil }
            index += 1
            let inTime = index < bytes.count && bytes[index] == UInt8(ascii: "T")
            if inTime { index += 1 }
            guard index < bytes.count else { return nil }
            let unit = bytes[bytes.count - 1]
            let digits = UnsafeBufferPointer(rebasing: bytes[index..<(bytes.count - 1)])
            guard (1...9).contains(digits.count), digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
            return simple(digits: digits, unit: unit, inTime: inTime, negative: negative)
        }
    }

    private static func simple(
        digits: UnsafeBufferPointer<UInt8>,
        unit: UInt8,
        inTime: Bool,
        negative: Bool
    ) -> DurationValue? {
        let value = digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }
        switch (inTime, unit) {
        case (false, UInt8(ascii: "W")): return DurationValue(weeks: value, isNegative: negative)
        case (false, UInt8(ascii: "D")): return DurationValue(days: value, isNegative: negative)
        case (true, UInt8(ascii: "H")), (true, UInt8(ascii: "h")):
            return DurationValue(hours: value, isNegative: negative)
        case (true, UInt8(ascii: "M")), (true, UInt8(ascii: "m")):
            return DurationValue(minutes: value, isNegative: negative)
        case (true, UInt8(ascii: "S")), (true, UInt8(ascii: "s")):
            return DurationValue(seconds: value, isNegative: negative)
        default: return nil
        }
    }

    private static func unitOrder(_ lhs: Character, _ rhs: Character) -> Bool {
        let ranks: [Character] = ["W", "D", "h", "m", "s"]
        return (ranks.firstIndex(of: lhs) ?? 0) < (ranks.firstIndex(of: rhs) ?? 0)
    }
}
