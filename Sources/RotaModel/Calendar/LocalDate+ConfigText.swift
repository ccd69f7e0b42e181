import ICalendar

extension LocalDate {
    /// Parses `YYYY-MM-DD` exactly as ``CivilDay/init(iso:)`` does, from the text's UTF-8 bytes.
    ///
    /// A config writes a few dates per engineer and a folder of teams holds hundreds of configs. `init(iso:)` splits
    /// the text and checks each Character through a generic that cannot be specialised from this module, which made
    /// dates a tenth of decoding a config; the accepted form is ten ASCII bytes, so the bytes say everything.
    /// `LocalDateTests` checks that both parsers agree on many generated texts.
    ///
    /// - Parameter text: A date as a config or ledger writes it.
    package init?(configText text: String) {
        let utf8 = text.utf8
        guard utf8.count == 10 else { return nil }
        var parts = (year: 0, month: 0, day: 0)
        for (offset, byte) in utf8.enumerated() {
            if offset == 4 || offset == 7 {
                guard byte == UInt8(ascii: "-") else { return nil }
                continue
            }
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            let digit = Int(byte - UInt8(ascii: "0"))
            switch offset {
            case 0..<4: parts.year = parts.year * 10 + digit
            case 5..<7: parts.month = parts.month * 10 + digit
            default: parts.day = parts.day * 10 + digit
            }
        }
        self.init(year: parts.year, month: parts.month, day: parts.day)
    }
}
