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
        var count = argc
        var arguments = argv
        return LLVMFuzzerRunDriver(&count, &arguments, test)
    }

    /// The input as bytes, run on a deep-stack thread exactly as the `kerwen` command runs everything.
    public static func bytes(_ start: UnsafePointer<UInt8>?, _ count: Int) -> [UInt8] {
        guard let start, count > 0 else { return [] }
        return Array(UnsafeBufferPointer(start: start, count: count))
    }

    public static func onDeepStack(_ body: @escaping () -> Void) {
        DeepStack.run { body() }
    }
}
