import Glibc

/// libFuzzer's driver, linked from `libclang_rt.fuzzer_no_main` (see `Fuzz/run.sh`).
///
/// It parses libFuzzer's own command-line flags from `argv` and calls `callback` once per
/// input; it returns only when fuzzing stops (time limit, run count, or a crash).
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// The body under test. libFuzzer's callback is a C function pointer, which cannot capture
/// context, so the body is kept here; it is set once, before the driver starts, and the
/// driver calls it from one thread only (`-jobs`/`-workers` use separate processes).
nonisolated(unsafe) private var fuzzBody: ([UInt8]) -> Void = { _ in }

/// Runs libFuzzer with `body` as the fuzz target and exits with the driver's status.
///
/// `body` receives each input as bytes. It must return normally for every input; a crash
/// (a Swift trap such as an overflow, an index out of range or a failed `precondition`, or
/// a memory error found by AddressSanitizer) is what libFuzzer reports and saves.
public func runFuzzer(_ body: @escaping ([UInt8]) -> Void) -> Never {
    fuzzBody = body
    var argumentCount = CommandLine.argc
    var arguments = CommandLine.unsafeArgv
    let status = withUnsafeMutablePointer(to: &arguments) { pointer in
        LLVMFuzzerRunDriver(
            &argumentCount,
            UnsafeMutableRawPointer(pointer).assumingMemoryBound(
                to: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?.self)
        ) { data, size in
            let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
            fuzzBody(bytes)
            return 0
        }
    }
    exit(status)
}

/// Fails the run (a trap libFuzzer reports as a crash) when an invariant does not hold.
/// Unlike `assert`, this also checks in optimised builds.
public func check(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String,
                  file: StaticString = #file, line: UInt = #line) {
    if !condition() {
        fatalError("invariant violated: \(message())", file: file, line: line)
    }
}

/// Lines in `bytes`, counting LF, CR LF and a lone CR each as one line break (as the
/// WebVTT, SubRip and JSON readers do), so 1 for input without a break.
public func lineCount(_ bytes: [UInt8]) -> Int {
    var count = 1
    var index = 0
    while index < bytes.count {
        if bytes[index] == 0x0A {
            count += 1
        } else if bytes[index] == 0x0D {
            count += 1
            if index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
        }
        index += 1
    }
    return count
}
