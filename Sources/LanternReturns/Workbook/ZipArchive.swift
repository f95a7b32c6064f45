import Foundation

/// A zip archive whose entries are stored uncompressed: all an .xlsx needs, with no compression
/// library. Entries carry a fixed timestamp (1 January 1980) so the same input always gives the
/// same bytes. Classic (non-ZIP64) format: fine for the lists an inspection asks for, which are
/// nowhere near its 4 GB / 65,535-entry limits. Also used for subject access bundles.
public struct ZipArchive {
    private var body: [UInt8] = []
    private var centralDirectory: [UInt8] = []
    private var entryCount = 0

    public init() {}

    /// MS-DOS date for 1980-01-01 (year offset 0, month 1, day 1); time 00:00.
    private static let dosDate: UInt16 = (1 << 5) | 1
    private static let dosTime: UInt16 = 0
    private static let version: UInt16 = 20
    /// Bit 11: names are UTF-8.
    private static let utf8Names: UInt16 = 1 << 11

    public mutating func add(path: String, contents: [UInt8]) {
        let name = Array(path.utf8)
        let crc = CRC32.checksum(contents)
        let offset = UInt32(body.count)
        let fields = Self.entryFields(crc: crc, size: contents.count, nameLength: name.count)
        var local: [UInt8] = []
        local.appendLE(UInt32(0x0403_4B50))
        body += local + fields + name + contents

        var central: [UInt8] = []
        central.appendLE(UInt32(0x0201_4B50))
        central.appendLE(Self.version)  // made by
        central += fields
        central.appendLE(UInt16(0))  // comment
        central.appendLE(UInt16(0))  // disk
        central.appendLE(UInt16(0))  // internal attributes
        central.appendLE(UInt32(0))  // external attributes
        central.appendLE(offset)
        centralDirectory += central + name
        entryCount += 1
    }

    /// The run of fields the local header and the central directory share, from "version needed"
    /// to "extra field length".
    private static func entryFields(crc: UInt32, size: Int, nameLength: Int) -> [UInt8] {
        var fields: [UInt8] = []
        fields.appendLE(version)
        fields.appendLE(utf8Names)
        fields.appendLE(UInt16(0))  // method: stored
        fields.appendLE(dosTime)
        fields.appendLE(dosDate)
        fields.appendLE(crc)
        fields.appendLE(UInt32(size))  // compressed
        fields.appendLE(UInt32(size))  // uncompressed
        fields.appendLE(UInt16(nameLength))
        fields.appendLE(UInt16(0))  // extra field length
        return fields
    }

    public mutating func add(path: String, text: String) {
        add(path: path, contents: Array(text.utf8))
    }

    public var data: Data {
        var end: [UInt8] = []
        end.appendLE(UInt32(0x0605_4B50))
        end.appendLE(UInt16(0))
        end.appendLE(UInt16(0))
        end.appendLE(UInt16(entryCount))
        end.appendLE(UInt16(entryCount))
        end.appendLE(UInt32(centralDirectory.count))
        end.appendLE(UInt32(body.count))
        end.appendLE(UInt16(0))
        return Data(body + centralDirectory + end)
    }
}

/// CRC-32 as zip uses it (IEEE 802.3, reflected polynomial 0xEDB88320).
enum CRC32 {
    private static let table: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = (c & 1) != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func checksum(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return crc ^ 0xFFFF_FFFF
    }
}

extension Array where Element == UInt8 {
    /// Zip stores every number little-endian.
    mutating func appendLE<T: FixedWidthInteger>(_ value: T) {
        Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
    }
}
