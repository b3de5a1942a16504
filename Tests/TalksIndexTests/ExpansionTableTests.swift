import XCTest
import TalksAnalysis
@testable import TalksIndex

/// The expansion tables written with each segment: inflection, folded and compound maps.
final class ExpansionTableTests: XCTestCase {
    var directory = ""

    override func setUp() {
        directory = TestArchive.temporaryDirectory(name)
    }

    override func tearDown() {
        TestArchive.cleanUp(directory)
    }

    private func segment() throws -> SegmentReader {
        let extra = TestArchive.episode("57", title: "Ost och post", cues: [
            (0, "Kostnaden för osten och posten ökade.", nil),
            (5, "Strategier och strategierna diskuterades, och Östergötland nämndes.", nil),
        ])
        try TestArchive.build(directory, [TestArchive.vreta, TestArchive.water, extra])
        return try XCTUnwrap(IndexReader.open(directory: directory).segments.first)
    }

    private func terms(_ ordinals: [Int], in segment: SegmentReader) -> Set<String> {
        Set(ordinals.map { segment.term(at: $0) })
    }

    func testInflectionKeyFindsEveryForm() throws {
        let segment = try segment()
        let forms = terms(segment.terms(withInflectionKey: ExpansionKeys.inflection("strategi")), in: segment)
        XCTAssertTrue(forms.isSuperset(of: ["strategin", "strategier", "strategierna"]), "\(forms)")
        let torka = terms(segment.terms(withInflectionKey: ExpansionKeys.inflection("torka")), in: segment)
        XCTAssertTrue(torka.isSuperset(of: ["torka", "torkan"]), "\(torka)")
        let region = terms(segment.terms(withInflectionKey: ExpansionKeys.inflection("östergötland")), in: segment)
        XCTAssertTrue(region.isSuperset(of: ["östergötland", "östergötlands"]), "\(region)")
        XCTAssertEqual(segment.terms(withInflectionKey: "finnsinte"), [])
    }

    func testFoldedKeyReachesWordsWithÅÄÖ() throws {
        let segment = try segment()
        let wetlands = terms(segment.terms(withFoldedKey: ExpansionKeys.folded("vatmarker")), in: segment)
        XCTAssertTrue(wetlands.contains("våtmarker"), "\(wetlands)")
        let region = terms(segment.terms(withFoldedKey: ExpansionKeys.folded("Ostergotland".lowercased())), in: segment)
        XCTAssertTrue(region.contains("östergötland"), "\(region)")
    }

    func testCompoundPartsFindCompoundsButNeverInventParts() throws {
        let segment = try segment()
        let strategy = terms(segment.compounds(withPartKey: ExpansionKeys.inflection("strategi")), in: segment)
        XCTAssertTrue(strategy.isSuperset(of: ["livsmedelsstrategi", "livsmedelsstrategin"]), "\(strategy)")
        let food = terms(segment.compounds(withPartKey: ExpansionKeys.inflection("livsmedel")), in: segment)
        XCTAssertTrue(food.contains("livsmedelsstrategi"), "\(food)")
        let cheese = terms(segment.compounds(withPartKey: ExpansionKeys.inflection("ost")), in: segment)
        XCTAssertFalse(cheese.contains("kostnaden"), "\(cheese)")
        XCTAssertFalse(cheese.contains("posten"), "\(cheese)")
        XCTAssertFalse(strategy.contains("strategi"), "whole words are not compounds of themselves")
    }

    func testTermOrdinalsInTablesAreValid() throws {
        let segment = try segment()
        for table in segment.expansions.tables {
            for index in 0..<table.entries.count {
                XCTAssertLessThan(Int(table.entries.unchecked(index)), segment.termCount)
            }
        }
    }

    func testCompoundLexiconSpansTheWholeIndex() throws {
        // "kost" and "chef" are said in the first commit only; "kostchefen" in the second.
        try TestArchive.build(directory, [TestArchive.episode("1", title: "Mat", cues: [(0, "Bra kost i skolan, sa en chef.", nil)])])
        let writer = try IndexWriter.open(directory: directory)
        try writer.add(TestArchive.episode("2", title: "Måltider", cues: [(0, "Kostchefen i kommunen berättar.", nil)]))
        try writer.commit()
        writer.close()
        let reader = try IndexReader.open(directory: directory)
        XCTAssertEqual(reader.segments.count, 2)
        let newest = reader.segments[1]
        XCTAssertNil(newest.termOrdinal("kost"), "the part is not in the new segment itself")
        let found = terms(newest.compounds(withPartKey: ExpansionKeys.inflection("kost")), in: newest)
        XCTAssertEqual(found, ["kostchefen"])
        let chef = terms(newest.compounds(withPartKey: ExpansionKeys.inflection("chef")), in: newest)
        XCTAssertEqual(chef, ["kostchefen"])
    }

    func testCommonWordsHelpSplitCompoundsWhoseLastPartIsNeverSaidAlone() throws {
        // "chef" never occurs on its own here; the common Swedish words supply it.
        try TestArchive.build(directory, [TestArchive.episode("1", title: "Mat", cues: [
            (0, "Hon är kostchef i kommunen och ansvarar för god kost.", nil),
        ])])
        let segment = try XCTUnwrap(IndexReader.open(directory: directory).segments.first)
        XCTAssertNil(segment.termOrdinal("chef"))
        XCTAssertEqual(terms(segment.compounds(withPartKey: ExpansionKeys.inflection("chef")), in: segment), ["kostchef"])
        XCTAssertEqual(terms(segment.compounds(withPartKey: ExpansionKeys.inflection("kost")), in: segment), ["kostchef"])
    }
}
