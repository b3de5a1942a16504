import XCTest
import TalksModel
@testable import TalksIngest

/// `TextBudget` through `MarkupNode`: text is read as libxml2 would expand it (entities,
/// CDATA, nested elements), and a field or a document over its `IngestLimits` stops reading
/// with the field named.
final class TextBudgetTests: XCTestCase {
    private func document(_ xml: String) throws -> MarkupDocument {
        switch MarkupDocument.xml(Array(xml.utf8)) {
        case .success(let document): return document
        case .failure(let problem): throw problem
        }
    }

    private func field(_ document: MarkupDocument, _ expression: String) throws -> MarkupNode {
        try XCTUnwrap(document.select(expression).first, expression)
    }

    func testTextIsExpandedAsLibXML2ExpandsIt() throws {
        let document = try self.document("""
            <?xml version="1.0"?>
            <!DOCTYPE r [<!ENTITY e "abc"><!ENTITY f "x&e;y"><!ENTITY g "<b>fet</b>">]>
            <r><t>1 &f; <i>2</i><![CDATA[<3>]]><!-- inte --> &amp; &g;</t><u a="&f;-&e;" b="&lt;"/></r>
            """)
        XCTAssertEqual(try field(document, "//t").text(), "1 xabcy 2<3> & fet")
        let element = try field(document, "//u")
        XCTAssertEqual(try element.attribute("a"), "xabcy-abc")
        XCTAssertEqual(try element.attribute("b"), "<")
        XCTAssertNil(try element.attribute("c"))
        XCTAssertEqual(try field(document, "//u/@a").text(), "xabcy-abc")
    }

    func testAFieldAtTheLimitIsReadAndOneByteMoreStopsReading() throws {
        let limit = IngestLimits.maximumFieldTextBytes
        let atLimit = try document("<r>\n<t>" + String(repeating: "a", count: limit) + "</t></r>")
        XCTAssertEqual(try field(atLimit, "//t").text().utf8.count, limit)

        let over = try document("<r>\n<t>" + String(repeating: "a", count: limit + 1) + "</t></r>")
        XCTAssertThrowsError(try field(over, "//t").text()) { error in
            XCTAssertEqual(error as? TextLimitExceeded, TextLimitExceeded(scope: .field, field: TextField(element: "t", line: 2), limit: limit))
            XCTAssertEqual((error as? TextLimitExceeded)?.message,
                           "<t> holds more than 1 MiB (1048576 bytes) of text, the limit for one field (entity references "
                           + "expanded, nested elements included); reading stopped there")
        }
    }

    func testAnAmplifiedAttributeStopsAtTheFieldLimit() throws {
        let entity = String(repeating: "a", count: 100_000)
        let document = try self.document("<!DOCTYPE r [<!ENTITY big \"\(entity)\">]>\n<r>\n<enclosure url=\"\(String(repeating: "&big;", count: 2_000))\"/></r>")
        let enclosure = try field(document, "//enclosure")
        XCTAssertThrowsError(try enclosure.attribute("url")) { error in
            XCTAssertEqual((error as? TextLimitExceeded)?.field, TextField(element: "enclosure", attribute: "url", line: 3))
        }
        XCTAssertLessThanOrEqual(document.textBudget.spent, IngestLimits.maximumFieldTextBytes, "reading stopped at the limit")
    }

    func testFieldsUnderTheirLimitTogetherPassTheDocumentLimit() throws {
        let entity = String(repeating: "a", count: 100_000)
        let items = String(repeating: "<t>" + String(repeating: "&big;", count: 9) + "</t>\n", count: 60)
        let xml = "<!DOCTYPE r [<!ENTITY big \"\(entity)\">]>\n<r>\n\(items)</r>"
        let document = try self.document(xml)
        let limit = IngestLimits.maximumDocumentTextBytes(documentBytes: xml.utf8.count)
        XCTAssertEqual(document.textBudget.documentLimit, (4 << 20) + 2 * xml.utf8.count)
        var read = 0
        var failure: TextLimitExceeded?
        for node in document.select("//t") {
            do {
                read += try node.text().utf8.count
            } catch {
                failure = error
                break
            }
        }
        XCTAssertEqual(failure?.scope, .document)
        XCTAssertEqual(failure?.limit, limit)
        XCTAssertLessThanOrEqual(read, limit)
        XCTAssertGreaterThan(read, limit - 900_000 - 20, "every field that fits is read")
    }

    func testNestedEntitiesStopAtTheLimitOrAreRefusedByLibXML2() throws {
        var xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\">"
        var previous = "a"
        for name in ["b", "c", "d", "e", "f", "g", "h", "i"] {
            xml += "<!ENTITY \(name) \"" + String(repeating: "&\(previous);", count: 10) + "\">"
            previous = name
        }
        xml += "]>\n<r><t>&i;</t><u v=\"&i;\"/></r>"
        guard case .success(let document) = MarkupDocument.xml(Array(xml.utf8)) else { return }  // libxml2 refused it
        XCTAssertThrowsError(try field(document, "//t").text())
        XCTAssertThrowsError(try field(document, "//u").attribute("v"))
    }

    func testTheLimitsAreDocumentedFigures() {
        XCTAssertEqual(IngestLimits.maximumFieldTextBytes, 1_048_576)
        XCTAssertEqual(IngestLimits.maximumDocumentTextBytes(documentBytes: 0), 4_194_304)
        XCTAssertEqual(IngestLimits.maximumDocumentTextBytes(documentBytes: 1_000), 4_196_304)
        XCTAssertEqual(IngestLimits.maximumDocumentTextBytes(documentBytes: Int.max), Int.max, "saturates")
    }
}

extension XMLProblem: CustomStringConvertible {
    public var description: String { "line \(line ?? 0): \(message)" }
}
