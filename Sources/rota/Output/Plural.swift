/// Counts in messages: `1 locked shift`, `14 locked shifts`.
enum Plural {
    static func count(_ number: Int, _ singular: String) -> String {
        "\(number) \(singular)\(number == 1 ? "" : "s")"
    }
}
