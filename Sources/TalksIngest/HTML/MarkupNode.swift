import CLibXML2

/// An element (or attribute) in a `MarkupDocument`; holds the document so it stays alive.
///
/// Text leaves the tree only through `text()`, `attribute(_:)` and `FieldText` (see
/// `MarkupNode+Text.swift`), which count it against the document's `TextBudget`.
struct MarkupNode {
    let pointer: xmlNodePtr
    let document: MarkupDocument

    /// The lowercase local name, e.g. "meta".
    var name: String {
        pointer.pointee.name.map { String(cString: $0).lowercased() } ?? ""
    }

    var isElement: Bool { pointer.pointee.type == XML_ELEMENT_NODE }

    /// The namespace URI of the element, if any.
    var namespaceURI: String? {
        pointer.pointee.ns?.pointee.href.map { String(cString: $0) }
    }

    /// 1-based source line (libxml2 counts it while parsing). The C function is `xmlGetLineNo`.
    var line: Int? {
        let number = xmlGetLineNo(pointer)
        return number > 0 ? Int(number) : nil
    }

    /// The child nodes of every kind, in order.
    var children: [MarkupNode] {
        var result: [MarkupNode] = []
        var child = pointer.pointee.children
        while let node = child {
            result.append(MarkupNode(pointer: node, document: document))
            child = node.pointee.next
        }
        return result
    }

    /// Whether this is a text or CDATA node (whose text `FieldText.appendOwnText` takes).
    var isText: Bool {
        let type = pointer.pointee.type
        return type == XML_TEXT_NODE || type == XML_CDATA_SECTION_NODE
    }

    var parent: MarkupNode? {
        pointer.pointee.parent.map { MarkupNode(pointer: $0, document: document) }
    }
}
