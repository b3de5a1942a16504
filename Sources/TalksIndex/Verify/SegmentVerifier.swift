/// Checks every byte of a segment: CRC footers, dictionary order, postings order and
/// bounds, cue ranges and stored records. Used by `talks verify`.
struct SegmentVerifier {
    let segment: SegmentReader

    func run() -> [IndexError] {
        var problems: [IndexError] = []
        for kind in FileKind.allCases {
            guard let file = segment.files[kind] else { continue }
            do { try FileContainer.verifyChecksum(file.bytes, file: file.name) } catch { problems.append(error) }
        }
        return problems
    }
}
