#if canImport(Glibc)
import Glibc
#endif

/// Who a connection comes from, as far as the per-address connection limit is concerned:
/// an IPv4 address, or the /64 network of an IPv6 address.
///
/// One IPv6 host usually holds a whole /64 (privacy addresses change within it), so
/// counting single IPv6 addresses would let one client open a connection from each of
/// 2^64 addresses; the /64 is what one client controls. An IPv4-mapped IPv6 address
/// (`::ffff:192.0.2.1`) counts as the IPv4 address it maps.
enum ClientAddress: Hashable, Sendable, CustomStringConvertible {
    case ipv4(UInt32)
    /// The first 64 bits of the address.
    case ipv6Network(UInt64)
    /// The kernel did not say (not an IP socket); all such connections share one count.
    case unknown

    /// The address in a `sockaddr_storage` filled by `accept`.
    init(_ storage: sockaddr_storage) {
        var storage = storage
        switch Int32(storage.ss_family) {
        case AF_INET:
            let address = withUnsafePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { $0.pointee.sin_addr.s_addr }
            }
            self = .ipv4(UInt32(bigEndian: address))
        case AF_INET6:
            let bytes = withUnsafePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { pointer in
                    withUnsafeBytes(of: pointer.pointee.sin6_addr) { Array($0) }
                }
            }
            guard bytes.count == 16 else {
                self = .unknown
                return
            }
            if bytes[0..<10].allSatisfy({ $0 == 0 }) && bytes[10] == 0xFF && bytes[11] == 0xFF {
                self = .ipv4(bytes[12..<16].reduce(0) { $0 << 8 | UInt32($1) })
            } else {
                self = .ipv6Network(bytes[0..<8].reduce(0) { $0 << 8 | UInt64($1) })
            }
        default:
            self = .unknown
        }
    }

    var description: String {
        switch self {
        case .ipv4(let address):
            return [24, 16, 8, 0].map { String(address >> UInt32($0) & 0xFF) }.joined(separator: ".")
        case .ipv6Network(let network):
            return stride(from: 48, through: 0, by: -16).map { String(network >> UInt64($0) & 0xFFFF, radix: 16) }
                .joined(separator: ":") + "::/64"
        case .unknown:
            return "an unknown address"
        }
    }
}
