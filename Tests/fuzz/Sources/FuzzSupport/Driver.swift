// SwiftPM renames an executable target's `main` to `<target>_main` and links `main` to it; each fuzz
// target defines that symbol and hands control to libFuzzer's driver with its own test function.

import KerwenDiagnostics

public typealias FuzzTest = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ test: FuzzTest) -> CInt

public enum Fuzz {
    public static func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ test: FuzzTest) -> CInt {
        // The whole driver runs on one deep-stack thread, as the `kerwen` command runs everything:
        // every input then meets the same stack as in production, without a thread per input.
        let arguments = Arguments(count: argc, values: argv)
        return DeepStack.run {
            var count = arguments.count
            var values = arguments.values
            return LLVMFuzzerRunDriver(&count, &values, test)
        }
    }

    /// The input as bytes.
    public static func bytes(_ start: UnsafePointer<UInt8>?, _ count: Int) -> [UInt8] {
        guard let start, count > 0 else { return [] }
        return Array(UnsafeBufferPointer(start: start, count: count))
    }

}

/// argv crosses to the driver's thread; it lives for the whole process.
private struct Arguments: @unchecked Sendable {
    let count: CInt
    let values: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
}
