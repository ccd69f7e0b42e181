import Foundation

/// JSON as every rota command writes it.
///
/// Keys are snake_case (from the Swift property names) and sorted; output is indented, slashes are not
/// escaped, and a final newline ends it, so the same value always gives the same bytes.
enum JSONOutput {
    static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }
}
