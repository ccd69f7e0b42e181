import Foundation

/// JSON as every rota command writes it: sorted keys, two-space indentation, unescaped slashes and a
/// final newline, so the same value always gives the same bytes.
enum JSONOutput {
    static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }
}
