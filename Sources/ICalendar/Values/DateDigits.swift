/// A date's digits written straight into a string's storage: `2026-11-30` or `20261130`.
///
/// Every date a feed, a UID or the schedule page shows is written this way, thousands per team; padding each
/// part as its own string and joining them costs several times more. Only dates whose parts fit the widths
/// (year 0-9999, month and day 0-99) take this path; ``CivilDay`` writes any other the general way.
enum DateDigits {
    /// `year`, `month` and `day` as 4, 2 and 2 decimal digits with `separator` between them (none when nil), or nil
    /// when a part does not fit its width.
    static func text(year: Int, month: Int, day: Int, separator: UInt8?) -> String? {
        guard (0...9999).contains(year), (0...99).contains(month), (0...99).contains(day) else { return nil }
        let count = separator == nil ? 8 : 10
        return String(unsafeUninitializedCapacity: count) { buffer in
            var position = 0
            func write(_ value: Int, width: Int) {
                var rest = value
                for offset in stride(from: width - 1, through: 0, by: -1) {
                    buffer[position + offset] = UInt8(ascii: "0") + UInt8(rest % 10)
                    rest /= 10
                }
                position += width
            }
            func write(_ separator: UInt8?) {
                guard let separator else { return }
                buffer[position] = separator
                position += 1
            }
            write(year, width: 4)
            write(separator)
            write(month, width: 2)
            write(separator)
            write(day, width: 2)
            return position
        }
    }
}
