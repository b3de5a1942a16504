// swift-tools-version:6.0
//
// Fuzz: libFuzzer targets for talks' parsers of untrusted input (issue 5, Reliability).
//
// This is a separate package on purpose: each executable links libFuzzer's driver
// (`libclang_rt.fuzzer_no_main`), which a plain `swift build` / `swift test` of the root
// package does not have, so the targets would not link there. Build and run them with
// `Fuzz/run.sh`, which passes the sanitizer and coverage flags. The only dependency is
// the root package itself, by path.
import PackageDescription

let swift6: [SwiftSetting] = [.swiftLanguageMode(.v6)]

/// One executable per parser; each depends on FuzzSupport (the libFuzzer entry point).
let fuzzTargets = [
    "FuzzWebVTT", "FuzzSRT", "FuzzEpisodeJSON", "FuzzQuery", "FuzzHTTP", "FuzzFeed", "FuzzEpisodeHTML", "FuzzHunspell",
]
/// The index codec's decoders, in a list of their own (parsers are added above).
let codecFuzzTargets = ["FuzzVarInt"]

let package = Package(
    name: "TalksFuzz",
    products: (fuzzTargets + codecFuzzTargets).map { .executable(name: $0, targets: [$0]) },
    dependencies: [.package(name: "talks", path: "..")],
    targets: [
        .target(name: "FuzzSupport", swiftSettings: swift6),
    ] + (fuzzTargets + codecFuzzTargets).map {
        .executableTarget(
            name: $0,
            dependencies: ["FuzzSupport", .product(name: "Talks", package: "talks")],
            swiftSettings: swift6
        )
    }
)
