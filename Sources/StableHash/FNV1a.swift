/// The 64-bit FNV-1a hash (Fowler, Noll, Vo; offset basis 0xcbf29ce484222325, prime 0x100000001b3).
///
/// rota needs hashes that are the same in every run and on every machine, unlike `Hasher`, which is seeded
/// per process: the feed state's content hashes, the `X-ROTA-HASH` that reveals hand edits, and the
/// entity tags `rota serve` sends. They all use this one implementation, in a target of its own so that
/// the feed server (which knows nothing about rota's model) and the sync code share it without depending
/// on each other. Not cryptographic: it detects change, it does not resist forgery.
package enum FNV1a {
    /// The hash of `bytes`.
    package static func hash(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// The hash of `bytes` as 16 lower-case hex digits (leading zeros kept).
    package static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = String(hash(bytes), radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
