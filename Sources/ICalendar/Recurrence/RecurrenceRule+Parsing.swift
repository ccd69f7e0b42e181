extension RecurrenceRule {
    /// Parses RRULE text such as `FREQ=YEARLY;BYMONTH=11;BYDAY=4TH` (RFC 5545 §3.3.10).
    ///
    /// Part names are case-insensitive and may come in any order; each may appear once.
    ///
    /// - Parameter text: The RRULE value, without `RRULE:`.
    /// - Throws: ``ICalendarError/invalidRecurrence`` for text that breaks the grammar or its rules
    ///   (no FREQ, COUNT with UNTIL, BYMONTHDAY with WEEKLY, an ordinal in a DAILY BYDAY, ...);
    ///   ``ICalendarError/unsupportedRecurrence`` for valid parts this library does not expand.
    public init(parsing text: String) throws(ICalendarError) {
        var seen: [String] = []
        var frequency: Frequency?
        var rule = RecurrenceRule(frequency: .daily)
        for part in text.split(separator: ";", omittingEmptySubsequences: true) {
            let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard pieces.count == 2 else { throw Self.invalid("'\(part.prefix(40))' is not NAME=VALUE") }
            let name = pieces[0].uppercased()
            let value = String(pieces[1])
            guard !seen.contains(name) else { throw Self.invalid("\(name) appears twice") }
            seen.append(name)
            switch name {
            case "FREQ":
                switch value.uppercased() {
                case "SECONDLY", "MINUTELY", "HOURLY": throw Self.unsupported("FREQ=\(value.uppercased())")
                default:
                    guard let parsed = Frequency(rawValue: value.uppercased()) else {
                        throw Self.invalid("FREQ=\(value.prefix(20)) is not a frequency")
                    }
                    frequency = parsed
                }
            case "INTERVAL": rule.interval = try Self.number(value, name, in: 1...Self.maximumNumber)
            case "COUNT": rule.end = .count(try Self.number(value, name, in: 1...Self.maximumNumber))
            case "UNTIL":
                do throws(ICalendarError) {
                    rule.end = .until(try DateTimeValue(valueText: value))
                } catch {
                    throw Self.invalid("UNTIL=\(value.prefix(40)) is not a DATE or DATE-TIME")
                }
            case "BYMONTH": rule.byMonth = try Self.numbers(value, name, allowed: 1...12)
            case "BYMONTHDAY":
                rule.byMonthDay = try Self.numbers(value, name, allowed: -31...31)
                guard !rule.byMonthDay.contains(0) else { throw Self.invalid("BYMONTHDAY=0 is not a day") }
            case "BYDAY":
                rule.byDay = try value.split(separator: ",", omittingEmptySubsequences: false).map {
                    (item) throws(ICalendarError) in try Self.weekdayRule(item)
                }
            case "WKST":
                guard let day = Weekday(rawValue: value.uppercased()) else {
                    throw Self.invalid("WKST=\(value.prefix(20)) is not a weekday")
                }
                rule.weekStart = day
            case "BYSETPOS", "BYWEEKNO", "BYYEARDAY", "BYHOUR", "BYMINUTE", "BYSECOND":
                throw Self.unsupported(name)
            default:
                guard name.hasPrefix("X-") else { throw Self.invalid("\(name.prefix(20)) is not an RRULE part") }
            }
        }
        guard let frequency else { throw Self.invalid("FREQ is missing") }
        guard !(seen.contains("COUNT") && seen.contains("UNTIL")) else {
            throw Self.invalid("COUNT and UNTIL must not both appear")
        }
        rule.frequency = frequency
        try rule.validateCombinations()
        self = rule
    }

    /// The BYxxx combinations RFC 5545 §3.3.10 marks N/A, and ordinal ranges per frequency.
    func validateCombinations() throws(ICalendarError) {
        if frequency == .weekly, !byMonthDay.isEmpty {
            throw Self.invalid("BYMONTHDAY must not be used with FREQ=WEEKLY")
        }
        let ordinals = byDay.compactMap(\.ordinal)
        guard let largest = ordinals.map(abs).max() else { return }
        switch frequency {
        case .daily, .weekly:
            throw Self.invalid("BYDAY ordinals such as 2MO need FREQ=MONTHLY or YEARLY")
        case .monthly:
            guard largest <= 5 else { throw Self.invalid("a monthly BYDAY ordinal lies within -5...5") }
        case .yearly:
            guard largest <= (byMonth.isEmpty ? 53 : 5) else {
                throw Self.invalid("a yearly BYDAY ordinal lies within -53...53, or -5...5 with BYMONTH")
            }
        }
    }

    private static func weekdayRule(_ item: Substring) throws(ICalendarError) -> WeekdayRule {
        let text = item.uppercased()
        guard text.count >= 2, let weekday = Weekday(rawValue: String(text.suffix(2))) else {
            throw invalid("BYDAY entry '\(item.prefix(20))' is not a weekday such as MO, 2SU or -1FR")
        }
        let prefix = text.dropLast(2)
        guard !prefix.isEmpty else { return WeekdayRule(weekday) }
        let digits = prefix.first == "+" || prefix.first == "-" ? prefix.dropFirst() : prefix
        guard (1...2).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }),
            let magnitude = Int(digits), (1...53).contains(magnitude)
        else { throw invalid("BYDAY entry '\(item.prefix(20))' has an ordinal outside 1...53") }
        return WeekdayRule(weekday, ordinal: prefix.first == "-" ? -magnitude : magnitude)
    }

    private static func numbers(
        _ value: String,
        _ name: String,
        allowed: ClosedRange<Int>
    ) throws(ICalendarError) -> [Int] {
        var result: [Int] = []
        for item in value.split(separator: ",", omittingEmptySubsequences: false) {
            result.append(try number(String(item), name, in: allowed))
        }
        return result
    }

    private static func number(_ text: String, _ name: String, in range: ClosedRange<Int>) throws(ICalendarError) -> Int
    {
        let digits = text.first == "+" || text.first == "-" ? text.dropFirst() : Substring(text)
        guard !digits.isEmpty, digits.count <= 9, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
            let number = Int(text.first == "+" ? String(digits) : text), range.contains(number)
        else {
            throw invalid("\(name)=\(text.prefix(20)) must be a number in \(range.lowerBound)...\(range.upperBound)")
        }
        return number
    }

    static func invalid(_ message: String) -> ICalendarError {
        ICalendarError(.invalidRecurrence, "invalid RRULE: \(message)")
    }

    static func unsupported(_ part: String) -> ICalendarError {
        ICalendarError(.unsupportedRecurrence, "RRULE part \(part) is not supported")
    }
}
