// swift-tools-version:6.0
//
// TranscriptReaderBenchmark: how fast TranscriptReader reads a transcript, in process, and
// what it makes of a rolling-caption track (cues before and after collapsing, words kept
// against words spoken). A separate package so the root package stays free of benchmark
// code; the only dependency is the root package itself, by path. Run it with
// `Benchmarks/rolling-captions.sh`, which builds it in release mode.
import PackageDescription

let package = Package(
    name: "TranscriptReaderBenchmark",
    dependencies: [.package(name: "talks", path: "../..")],
    targets: [
        .executableTarget(
            name: "TranscriptReaderBenchmark",
            dependencies: [.product(name: "Talks", package: "talks")],
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
    ]
)
