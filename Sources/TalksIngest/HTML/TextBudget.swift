/// Counts the text readers take out of one parsed document and stops them at
/// `IngestLimits`: per field (one element's text or one attribute's value) and for the
/// document as a whole.
///
/// libxml2 keeps an XML entity reference as one small node however much text the entity
/// holds, so a 100 KB feed whose `<description>` references a 100 KB entity 2,000 times
/// parses in milliseconds and then expands to 200 MB when its text is read. An HTML page
/// cannot declare entities, but a reader that takes the text of nested elements one by one
/// (every `<strong>` inside the next) reads the same bytes again for each. Both are bounded
/// here, where the text is read, rather than in libxml2: talks reads text only through
/// `MarkupNode` and `PageText`, and each piece is counted before it is copied, so a
/// document over a limit fails after at most the limit's worth of work.
///
/// Every piece counts at least one byte, so nodes without text (empty entities, empty
/// elements) cannot make a walk endless either. The budget belongs to one document on one
/// thread, like the document itself.
final class TextBudget {
    /// The most text one field may hold: `IngestLimits.maximumFieldTextBytes`.
    let fieldLimit: Int
    /// The most text all fields of the document may hold together.
    let documentLimit: Int
    /// Bytes counted so far for this document.
    private(set) var spent = 0

    /// A budget for a document parsed from `documentBytes` bytes.
    init(documentBytes: Int, fieldLimit: Int = IngestLimits.maximumFieldTextBytes) {
        self.fieldLimit = fieldLimit
        documentLimit = IngestLimits.maximumDocumentTextBytes(documentBytes: documentBytes)
    }

    /// Counts `count` more bytes (at least one) of a field that has taken `fieldBytes` so far
    /// (updated). Returns the limit that would be passed, counting nothing then (the caller
    /// must stop reading), or nil.
    func spend(_ count: Int, fieldBytes: inout Int) -> TextLimitExceeded.Scope? {
        let cost = max(count, 1)
        guard cost <= fieldLimit - fieldBytes else { return .field }
        guard cost <= documentLimit - spent else { return .document }
        fieldBytes += cost
        spent += cost
        return nil
    }

    /// The limit of `scope`, in bytes.
    func limit(of scope: TextLimitExceeded.Scope) -> Int {
        scope == .field ? fieldLimit : documentLimit
    }
}

/// Which field of a document was being read, for the message of a `TextLimitExceeded`.
struct TextField: Sendable, Hashable {
    /// The element's name, e.g. "description".
    var element: String
    /// The attribute's name when the field is an attribute value.
    var attribute: String?
    /// The element's 1-based line, when libxml2 knows it.
    var line: Int?

    /// "<description>" or "the url attribute of <enclosure>".
    var name: String {
        attribute.map { "the \($0) attribute of <\(element)>" } ?? "<\(element)>"
    }
}

/// A document gave more text than `IngestLimits` allows, in one field or in all: an entity
/// amplification attack or a page built to be read over and over, never a real feed or page.
struct TextLimitExceeded: Error, Sendable, Hashable {
    enum Scope: Sendable, Hashable {
        /// One field passed `IngestLimits.maximumFieldTextBytes`.
        case field
        /// The document's fields together passed `IngestLimits.maximumDocumentTextBytes`.
        case document
    }

    var scope: Scope
    /// The field being read when the limit was passed.
    var field: TextField
    /// The limit that was passed, in bytes.
    var limit: Int

    /// The line to report: the field's.
    var line: Int? { field.line }

    /// What happened and why the document is refused, for a diagnostic that names the file.
    var message: String {
        switch scope {
        case .field:
            return "\(field.name) holds more than \(Self.size(limit)) of text, the limit for one field (entity references "
                + "expanded, nested elements included); reading stopped there"
        case .document:
            return "the text read from this document passed its limit of \(Self.size(limit)) (4 MiB plus twice the "
                + "file's size) at \(field.name): entity references or nested elements repeat the same text too often; "
                + "reading stopped there"
        }
    }

    /// "1 MiB (1048576 bytes)".
    static func size(_ bytes: Int) -> String {
        bytes % (1 << 20) == 0 ? "\(bytes >> 20) MiB (\(bytes) bytes)" : "\(bytes) bytes"
    }
}
