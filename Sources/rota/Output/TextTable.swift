/// Left-aligned columns separated by two spaces; widths come from the content, never from the terminal,
/// so the output is the same wherever it is printed.
struct TextTable {
    let header: [String]
    let rows: [[String]]

    func lines() -> [String] {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        return all.map { row in
            row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell.padding(toLength: widths[column])
            }.joined(separator: "  ").trailingSpacesTrimmed()
        }
    }
}

extension String {
    func padding(toLength length: Int) -> String {
        self + String(repeating: " ", count: max(0, length - count))
    }

    func trailingSpacesTrimmed() -> String {
        String(reversed().drop { $0 == " " }.reversed())
    }
}
