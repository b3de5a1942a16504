import CLibXML2
#if canImport(Glibc)
import Glibc
#endif

extension MarkupNode {
    /// All text inside, entity references expanded, as libxml2's `xmlNodeGetContent` gives
    /// it; for an attribute node, its value. Read as one field of the document's
    /// `TextBudget`: throws as soon as the field or the document passes its limit.
    func text() throws(TextLimitExceeded) -> String {
        var field = FieldText(node: self)
        switch pointer.pointee.type {
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
            _ = try field.appendOwnText(of: self)
        case XML_ENTITY_REF_NODE:
            try field.appendEntity(referencedBy: pointer)
        default:
            // Elements and attributes: their children (an attribute's are text and entity references).
            try field.appendNodes(from: pointer.pointee.children)
        }
        return field.takeString()
    }

    /// The value of the attribute `name` without a namespace, entity references expanded,
    /// read as one field of the document's `TextBudget`; nil when the element has no such
    /// attribute. Unlike `xmlGetProp`, defaults declared in a DTD are not applied.
    func attribute(_ name: String) throws(TextLimitExceeded) -> String? {
        guard isElement else { return nil }
        var property = pointer.pointee.properties
        while let current = property {
            if current.pointee.ns == nil, let attributeName = current.pointee.name,
                strcmp(UnsafeRawPointer(attributeName).assumingMemoryBound(to: CChar.self), name) == 0
            {
                var field = FieldText(node: self, attribute: name)
                try field.appendNodes(from: current.pointee.children)
                return field.takeString()
            }
            property = current.pointee.next
        }
        return nil
    }
}

/// The text of one field on its way out of a document: pieces are counted against the
/// document's `TextBudget` before they are copied, so reading stops at the first piece over
/// a limit.
struct FieldText {
    /// The node the field belongs to (its element, for an attribute), named in errors.
    let node: MarkupNode
    /// The attribute's name when the field is an attribute value.
    let attribute: String?
    private var bytes: [UInt8] = []
    /// Bytes counted for this field so far (at least one per piece).
    private var counted = 0

    init(node: MarkupNode, attribute: String? = nil) {
        self.node = node
        self.attribute = attribute
    }

    /// What the field is, for the error; computed only when a limit is passed.
    private var fieldDescription: TextField {
        let element = node.isElement ? node.name : (node.parent?.name ?? node.name)
        return TextField(element: element, attribute: attribute ?? (node.pointer.pointee.type == XML_ATTRIBUTE_NODE ? node.name : nil),
                         line: node.line ?? node.parent?.line)
    }

    /// Counts one node without text (an element or entity reference) as one byte.
    mutating func countNode() throws(TextLimitExceeded) {
        try count(1)
    }

    private mutating func count(_ bytes: Int) throws(TextLimitExceeded) {
        let budget = node.document.textBudget
        if let scope = budget.spend(bytes, fieldBytes: &counted) {
            throw TextLimitExceeded(scope: scope, field: fieldDescription, limit: budget.limit(of: scope))
        }
    }

    /// Appends `text`, a NUL-terminated libxml2 string. Only as many bytes as the limits
    /// allow are measured before the limit check, so a huge text node costs no more than that.
    mutating func append(_ text: UnsafePointer<xmlChar>) throws(TextLimitExceeded) {
        let budget = node.document.textBudget
        let allowed = max(0, min(budget.fieldLimit - counted, budget.documentLimit - budget.spent))
        let length = strnlen(UnsafeRawPointer(text).assumingMemoryBound(to: CChar.self), allowed + 1)
        try count(length)
        bytes.append(contentsOf: UnsafeBufferPointer(start: text, count: length))
    }

    /// Appends the text of a text or CDATA node and returns true; false for other nodes.
    mutating func appendOwnText(of textNode: MarkupNode) throws(TextLimitExceeded) -> Bool {
        guard textNode.isText else { return false }
        if let content = textNode.pointer.pointee.content {
            try append(content)
        } else {
            try countNode()
        }
        return true
    }

    /// Appends the text of `first`, its following siblings and everything inside them, in
    /// document order, entering entity references. An explicit stack instead of recursion:
    /// entities may nest deeply.
    mutating func appendNodes(from first: xmlNodePtr?) throws(TextLimitExceeded) {
        var pending: [xmlNodePtr] = []
        if let first { pending.append(first) }
        while let current = pending.popLast() {
            if let next = current.pointee.next { pending.append(next) }
            switch current.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content { try append(content) } else { try countNode() }
            case XML_ENTITY_REF_NODE:
                try countNode()
                if let child = Self.entityContent(referencedBy: current) { pending.append(child) }
            default:
                try countNode()
                // An entity reference's children point at its declaration; handled above.
                if let child = current.pointee.children { pending.append(child) }
            }
        }
    }

    /// Appends the expanded text of the entity `reference` names.
    mutating func appendEntity(referencedBy reference: xmlNodePtr) throws(TextLimitExceeded) {
        try countNode()
        try appendNodes(from: Self.entityContent(referencedBy: reference))
    }

    /// The first node of the parsed content of the entity a reference names, as libxml2's
    /// own `xmlNodeGetContent` finds it. The corresponding C function is `xmlGetDocEntity`.
    private static func entityContent(referencedBy reference: xmlNodePtr) -> xmlNodePtr? {
        guard let name = reference.pointee.name, let entity = xmlGetDocEntity(reference.pointee.doc, name) else { return nil }
        return entity.pointee.children
    }

    /// The text so far, as a string (invalid UTF-8 repaired), and starts a new piece of the
    /// same field: what was counted stays counted.
    mutating func takeString() -> String {
        defer { bytes.removeAll(keepingCapacity: true) }
        return String(decoding: bytes, as: UTF8.self)
    }
}
