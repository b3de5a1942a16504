import CLibXML2
#if canImport(Glibc)
import Glibc
#endif

/// A parsed HTML or XML document owned by Swift: libxml2's tree, freed exactly once.
///
/// libxml2 hands out raw pointers (`xmlDocPtr`, `xmlNodePtr`, XPath objects) that must be
/// freed by the right function. This class owns the document (`xmlFreeDoc` in `deinit`), every
/// XPath evaluation frees its context and result before returning, and `MarkupNode` keeps
/// its document alive, so no pointer outlives the tree it points into. Parsing never touches
/// the network (`NONET`) and never prints: libxml2's error output is silenced with
/// `NOERROR | NOWARNING` and a structured error handler that drops messages.
///
/// Each document carries a `TextBudget`: libxml2 bounds what it parses, not what reading the
/// parsed tree expands to (an entity reference is one small node however much text it stands
/// for), so every field read from the tree is counted against `IngestLimits`.
final class MarkupDocument {
    let pointer: xmlDocPtr
    /// What readers may still take out of this document (`MarkupNode.text()`, `attribute(_:)`).
    let textBudget: TextBudget

    private init(pointer: xmlDocPtr, documentBytes: Int) {
        self.pointer = pointer
        textBudget = TextBudget(documentBytes: documentBytes)
    }

    deinit {
        xmlFreeDoc(pointer)
    }

    /// Parses HTML the way browsers forgive it. Valid UTF-8 is read as UTF-8 (libxml2 would
    /// otherwise assume Latin-1 when a page declares no charset); other bytes are left to
    /// libxml2's detection from `<meta charset>`. The corresponding C function is `htmlReadMemory`.
    static func html(_ bytes: [UInt8]) -> MarkupDocument? {
        _ = libraryInitialized
        silenceErrors()
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue
            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue)
        let encoding: String? = String(validating: bytes, as: UTF8.self) != nil ? "UTF-8" : nil
        guard bytes.count < Int(Int32.max) else { return nil }
        let document: xmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { characters in
                htmlReadMemory(characters.baseAddress, Int32(characters.count), nil, encoding, options)
            }
        }
        return document.map { MarkupDocument(pointer: $0, documentBytes: bytes.count) }
    }

    /// Parses XML with namespaces, without loading external entities or DTDs (no `NOENT`,
    /// no `DTDLOAD`) and without network access; `HUGE` is not set, so libxml2's own limits
    /// on text, nesting and entity loops apply. Internal entities stay references in the tree
    /// (no `NOENT`), so their expansion happens only when text is read, under `textBudget`
    /// (libxml2 2.9 has no `xmlCtxtSetMaxAmplification`, and its entity check looks at one
    /// entity at a time, so 2,000 references to one 100 KB entity pass it).
    /// The corresponding C function is `xmlReadMemory`.
    static func xml(_ bytes: [UInt8]) -> Result<MarkupDocument, XMLProblem> {
        _ = libraryInitialized
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue
            | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NOCDATA.rawValue)
        guard bytes.count < Int(Int32.max) else { return .failure(XMLProblem(line: nil, message: "the document is too large")) }
        // libxml2 goes on after the first well-formedness error and would report the last
        // one; the first is the one to fix, so a handler keeps it.
        let collector = FirstErrorCollector()
        xmlSetStructuredErrorFunc(Unmanaged.passUnretained(collector).toOpaque()) { context, error in
            guard let context, let error else { return }
            let collector = Unmanaged<FirstErrorCollector>.fromOpaque(context).takeUnretainedValue()
            guard collector.problem == nil, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
            let message = error.pointee.message.map { String(cString: $0) } ?? "not well-formed XML"
            let line = Int(error.pointee.line)
            collector.problem = XMLProblem(line: line > 0 ? line : nil, message: message.trimmingWhitespace)
        }
        let document: xmlDocPtr? = withExtendedLifetime(collector) {
            bytes.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { characters in
                    xmlReadMemory(characters.baseAddress, Int32(characters.count), nil, nil, options)
                }
            }
        }
        silenceErrors()
        guard let document else {
            return .failure(collector.problem ?? XMLProblem(line: nil, message: "not well-formed XML"))
        }
        return .success(MarkupDocument(pointer: document, documentBytes: bytes.count))
    }

    /// The root element, if the document has one.
    var root: MarkupNode? {
        xmlDocGetRootElement(pointer).map { MarkupNode(pointer: $0, document: self) }
    }

    /// Evaluates an XPath expression from `context` (the document when nil) and returns the
    /// element and attribute nodes it selects, in document order. An invalid expression
    /// selects nothing. The corresponding C functions are `xmlXPathNewContext`,
    /// `xmlXPathRegisterNs` and `xmlXPathNodeEval`.
    func select(_ expression: String, from context: MarkupNode? = nil, namespaces: [String: String] = [:]) -> [MarkupNode] {
        Self.silenceErrors()
        guard let xpath = xmlXPathNewContext(pointer) else { return [] }
        defer { xmlXPathFreeContext(xpath) }
        for (prefix, uri) in namespaces {
            _ = xmlXPathRegisterNs(xpath, prefix, uri)
        }
        let start = context?.pointer ?? xmlDocGetRootElement(pointer)
        guard let result = xmlXPathNodeEval(start, expression, xpath) else { return [] }
        defer { xmlXPathFreeObject(result) }
        guard let set = result.pointee.nodesetval else { return [] }
        let count = Int(set.pointee.nodeNr)
        guard count > 0, let table = set.pointee.nodeTab else { return [] }
        var nodes: [MarkupNode] = []
        nodes.reserveCapacity(count)
        for index in 0..<count {
            if let node = table[index] { nodes.append(MarkupNode(pointer: node, document: self)) }
        }
        return nodes
    }

    /// libxml2 must be initialised once before threads use it (ingest loads episodes in
    /// parallel); Swift runs a static initialiser exactly once, thread-safely.
    /// The corresponding C function is `xmlInitParser`.
    static let libraryInitialized: Bool = {
        xmlInitParser()
        return true
    }()

    /// Installs a structured error handler that drops libxml2's messages for this thread
    /// (libxml2 keeps error handlers per thread), so nothing reaches stderr.
    static func silenceErrors() {
        xmlSetStructuredErrorFunc(nil) { _, _ in }
    }
}

/// Keeps the first error libxml2 reports while parsing one document on this thread.
private final class FirstErrorCollector {
    var problem: XMLProblem?
}

/// Why an XML document could not be parsed, as libxml2 put it.
struct XMLProblem: Error, Sendable, Hashable {
    var line: Int?
    var message: String
}
