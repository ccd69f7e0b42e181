/// Writes a ledger as the YAML text `LedgerLoader` reads, byte-identical for equal ledgers.
///
/// The form is meant for review in pull requests: a header comment, `version: 1`, then `shifts:`,
/// `holidays:` and `credits:`, each a block list with one flow mapping per line, so a new decision is a
/// new line in the diff. Keys are written in a fixed order:
///
/// - shifts: `start, engineer, recorded`
/// - holidays: `holiday, year, shift, engineer, reason, note, recorded`
/// - credits: `engineer, days, holiday, year, recorded`
/// - swaps: `shift, engineer, give_back: { shift, engineer }, cause, recorded` (only when there are any)
///
/// An empty list is written `shifts: []`. Entries are sorted as `Ledger` documents (`ordered(_:)`).
package enum LedgerWriter {
    /// The ledger's text.
    ///
    /// - Parameters:
    ///   - ledger: The entries to write, in any order.
    ///   - team: The team's name, for the header comment.
    /// - Returns: YAML text ending with a newline.
    package static func text(_ ledger: Ledger, team: String) -> String {
        let ledger = ordered(ledger)
        var lines = [
            "# rota ledger for \(commentText(team)): decisions recorded by `rota plan --record`.",
            "# Review it like the config; entries are appended, never rewritten.",
            "version: 1",
        ]
        lines += section(
            "shifts",
            ledger.shifts.map {
                [("start", "\($0.start)"), ("engineer", id($0.engineer.rawValue)), ("recorded", "\($0.recorded)")]
            }
        )
        lines += section(
            "holidays",
            ledger.holidays.map {
                [
                    ("holiday", id($0.holiday.rawValue)), ("year", "\($0.year)"), ("shift", "\($0.shift)"),
                    ("engineer", id($0.engineer.rawValue)), ("reason", $0.reason.rawValue),
                    ("note", quoted($0.note)), ("recorded", "\($0.recorded)"),
                ]
            }
        )
        lines += section(
            "credits",
            ledger.credits.map {
                [
                    ("engineer", id($0.engineer.rawValue)), ("days", "\($0.days)"),
                    ("holiday", id($0.holiday.rawValue)), ("year", "\($0.year)"), ("recorded", "\($0.recorded)"),
                ]
            }
        )
        if !ledger.swaps.isEmpty {
            lines += section(
                "swaps",
                ledger.swaps.map { swap in
                    var fields = [("shift", "\(swap.shift)"), ("engineer", id(swap.engineer.rawValue))]
                    if let giveBack = swap.giveBack {
                        fields.append(
                            (
                                "give_back",
                                "{ shift: \(giveBack.shift), engineer: \(id(giveBack.engineer.rawValue)) }"
                            )
                        )
                    }
                    return fields + [("cause", quoted(swap.cause)), ("recorded", "\(swap.recorded)")]
                }
            )
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The same entries in the order `Ledger` documents; the loader returns entries in this order too.
    ///
    /// Shifts sort by start, holiday decisions by shift then holiday id, credits by recorded date then
    /// engineer. Later fields break the remaining ties, so equal ledgers always come out the same.
    static func ordered(_ ledger: Ledger) -> Ledger {
        Ledger(
            shifts: ledger.shifts.sorted {
                ($0.start, $0.engineer, $0.recorded) < ($1.start, $1.engineer, $1.recorded)
            },
            holidays: ledger.holidays.sorted {
                let lhs = ($0.shift, $0.holiday, $0.year, $0.engineer, $0.reason.rawValue, $0.note)
                let rhs = ($1.shift, $1.holiday, $1.year, $1.engineer, $1.reason.rawValue, $1.note)
                return lhs == rhs ? $0.recorded < $1.recorded : lhs < rhs
            },
            credits: ledger.credits.sorted {
                ($0.recorded, $0.engineer, $0.holiday, $0.year, $0.days)
                    < ($1.recorded, $1.engineer, $1.holiday, $1.year, $1.days)
            },
            // Swaps apply in the order they were recorded; the sort is stable, so one day's keep file order.
            swaps: ledger.swaps.enumerated().sorted {
                ($0.element.recorded, $0.offset) < ($1.element.recorded, $1.offset)
            }
            .map(\.element)
        )
    }

    /// A YAML double-quoted scalar that reads back as exactly `text` (YAML 1.1 §5.7 escapes).
    ///
    /// Escaped: `"` and `\`, C0 and C1 controls and DEL (libyaml refuses them raw), and the characters
    /// YAML treats as line breaks inside quotes (U+0085, U+2028, U+2029), which would otherwise be folded
    /// into spaces. U+FEFF and the noncharacters U+FFFE and U+FFFF are escaped too. Everything else,
    /// including all other Unicode, is written as is.
    private static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\t": result += "\\t"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case _ where needsEscape(scalar): result += escaped(scalar)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    /// An id written plain when it is one (`chen`), quoted otherwise so that any value reads back.
    ///
    /// `null` is a valid id but YAML's null when plain.
    private static func id(_ text: String) -> String {
        IdentifierSyntax.isValid(text) && text != "null" ? text : quoted(text)
    }

    private static func section(_ key: String, _ entries: [[(key: String, value: String)]]) -> [String] {
        guard !entries.isEmpty else { return ["\(key): []"] }
        return ["\(key):"]
            + entries.map { entry in
                "  - { " + entry.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + " }"
            }
    }

    /// The team's name as comment text: anything that would end the comment line or that YAML refuses
    /// becomes a space.
    private static func commentText(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            result.unicodeScalars.append(needsEscape(scalar) ? " " : scalar)
        }
        return result
    }

    /// Whether YAML would refuse `scalar` raw or read it as a line break: C0 and C1 controls, DEL,
    /// U+2028, U+2029, U+FEFF and the noncharacters U+FFFE and U+FFFF.
    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF: return true
        default: return false
        }
    }

    /// `\xHH` or `\uHHHH`; only scalars up to U+FFFF are ever escaped.
    private static func escaped(_ scalar: Unicode.Scalar) -> String {
        let digits = String(scalar.value, radix: 16, uppercase: true)
        let width = scalar.value <= 0xFF ? 2 : 4
        return (width == 2 ? "\\x" : "\\u") + String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
