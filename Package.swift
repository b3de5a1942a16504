// swift-tools-version:6.0
//
// talks: a recording archive and transcript indexer, Swedish first.
//
// The targets are layered; dependencies run one way:
//   TalksSystem (system calls) ← TalksAnalysis, TalksIngest, TalksIndex, TalksIndexing, TalksSearch, TalksServer, talks
//   TalksModel ← TalksAnalysis (its errors are TalksErrors)
//   TalksModel ← TalksTranscript ← TalksIngest
//   TalksModel + TalksAnalysis ← TalksIndex ← TalksSearch ← TalksServer ← talks
//   TalksIngest + TalksIndex ← TalksIndexing ← talks (the index never sees an archive)
// No package dependencies: Foundation, Dispatch, Glibc, XCTest and libxml2 only.
import Foundation
import PackageDescription

let swift6: [SwiftSetting] = [.swiftLanguageMode(.v6)]

let package = Package(
    name: "talks",
    products: [
        .executable(name: "talks", targets: ["talks"]),
        .library(name: "Talks", targets: [
            "TalksSystem", "TalksModel", "TalksTranscript", "TalksIngest", "TalksAnalysis",
            "TalksIndex", "TalksIndexing", "TalksSearch", "TalksServer",
        ]),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .target(name: "TalksSystem", swiftSettings: swift6),
        .target(name: "TalksModel", swiftSettings: swift6),
        .target(name: "TalksTranscript", dependencies: ["TalksModel"], swiftSettings: swift6),
        .target(name: "TalksIngest", dependencies: ["TalksSystem", "TalksModel", "TalksTranscript", "CLibXML2"], swiftSettings: swift6),
        .target(name: "TalksAnalysis", dependencies: ["TalksSystem", "TalksModel"], swiftSettings: swift6),
        .target(
            name: "TalksIndex", dependencies: ["TalksSystem", "TalksModel", "TalksAnalysis"],
            exclude: ["FORMAT.md"], swiftSettings: swift6
        ),
        .target(
            name: "TalksIndexing", dependencies: ["TalksSystem", "TalksModel", "TalksIngest", "TalksAnalysis", "TalksIndex"],
            swiftSettings: swift6
        ),
        .target(name: "TalksSearch", dependencies: ["TalksSystem", "TalksModel", "TalksAnalysis", "TalksIndex"], swiftSettings: swift6),
        .target(name: "TalksServer", dependencies: ["TalksSystem", "TalksModel", "TalksSearch", "TalksIndex"], swiftSettings: swift6),
        .executableTarget(
            name: "talks",
            dependencies: [
                "TalksSystem", "TalksModel", "TalksIngest", "TalksAnalysis", "TalksIndex", "TalksIndexing",
                "TalksSearch", "TalksServer",
            ],
            swiftSettings: swift6
        ),
    ]
)

/// Test targets mirror the library modules. Fixtures live in `Fixtures/` beside the tests
/// that use them and are found through `#filePath`, so no resource bundles are needed.
let testTargets: [(name: String, dependencies: [Target.Dependency])] = [
    ("TalksSystemTests", ["TalksSystem"]),
    ("TalksModelTests", ["TalksModel"]),
    ("TalksTranscriptTests", ["TalksTranscript", "TalksTestSupport"]),
    ("TalksIngestTests", ["TalksIngest", "TalksTestSupport"]),
    ("TalksAnalysisTests", ["TalksAnalysis", "TalksTestSupport"]),
    ("TalksIndexTests", ["TalksIndex", "TalksAnalysis", "TalksTestSupport"]),
    ("TalksIndexingTests", ["TalksIndexing", "TalksIndex", "TalksIngest"]),
    ("TalksSearchTests", ["TalksSearch", "TalksIndex", "TalksIndexing", "TalksTestSupport"]),
    ("TalksServerTests", ["TalksServer", "TalksSearch", "TalksIndex", "TalksIndexing", "TalksIngest", "TalksTestSupport"]),
    ("talksTests", ["talks", "TalksTestSupport"]),
]
/// What several test targets share (seeded randomness, the bad-input archive), built only for tests.
package.targets.append(.target(name: "TalksTestSupport", path: "Tests/TalksTestSupport", swiftSettings: swift6))
/// Folders a test target keeps beside its sources that are not Swift: read at run time, not built.
let testSupportFolders = ["Fixtures", "Scripts"]
package.targets += testTargets.map { test in
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Tests/\(test.name)")
    let present = testSupportFolders.filter {
        FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).path)
    }
    return .testTarget(name: test.name, dependencies: test.dependencies, exclude: present, swiftSettings: swift6)
}
