/// The 64-bit FNV-1a hash (Fowler, Noll, Vo; offset basis 0xcbf29ce484222325, prime 0x100000001b3).
///
/// rota needs hashes that are the same in every run and on every machine, unlike `Hasher`, which is seeded
/// per process: the feed state's content hashes, the `X-ROTA-HASH` that reveals hand edits, and the
/// entity tags `rota serve` sends. They all use this one implementation, in a target of its own so that
/// the feed server (which knows nothing about rota's model) and the sync code share it without depending
/// on each other. Not cryptographic: it detects change, it does not resist forgery.
package enum FNV1a {
    /// The hash of no bytes, where every hash starts.
    package static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    private static let prime: UInt64 = 0x0000_0100_0000_01B3

    /// The hash of `bytes`.
    ///
    /// Arrays and other contiguous collections are hashed straight from their storage: a generic
    /// iterator called from another module is not specialised, and stepping it byte by byte cost more
    /// than the hash itself (a feed export hashes every event it writes).
    package static func hash(_ bytes: some Sequence<UInt8>) -> UInt64 {
        if let contiguous = bytes.withContiguousStorageIfAvailable({ Self.hash(UnsafeRawBufferPointer($0)) }) {
            return contiguous
        }
        var hash = offsetBasis
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* prime
        }
        return hash
    }

    /// The hash of the bytes in `buffer`, or of `hash`'s bytes followed by them.
    ///
    /// Hashing two pieces one after the other, the second continuing the first, gives the hash of the
    /// two joined, without joining them.
    package static func hash(_ buffer: UnsafeRawBufferPointer, continuing hash: UInt64 = offsetBasis) -> UInt64 {
        var hash = hash
        for byte in buffer {
            hash ^= UInt64(byte)
            hash = hash &* prime
        }
        return hash
    }

    /// The hash of `bytes` as 16 lower-case hex digits (leading zeros kept).
    package static func hex(_ bytes: some Sequence<UInt8>) -> String {
        hex(of: hash(bytes))
    }

    /// `hash` as 16 lower-case hex digits (leading zeros kept).
    package static func hex(of hash: UInt64) -> String {
        String(unsafeUninitializedCapacity: 16) { digits in
            let alphabet: StaticString = "0123456789abcdef"
            for index in 0..<16 {
                let nibble = Int((hash >> (UInt64(15 - index) * 4)) & 0xF)
                digits[index] = alphabet.utf8Start[nibble]
            }
            return 16
        }
    }
}
