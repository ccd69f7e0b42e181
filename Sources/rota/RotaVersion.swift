/// rota's version, printed by `rota --version`.
enum RotaVersion {
    static let current = "0.1.0"
}
