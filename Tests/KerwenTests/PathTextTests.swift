// Kerwen splits the paths users write with its own code (NSString's path parts trap on `?`, `a/` and
// `//é` in this Foundation). Where NSString does not trap it is the reference; the inputs it traps on
// are checked against answers written by hand.

import Foundation
import KerwenData
import XCTest

final class PathTextTests: XCTestCase {
    /// Inputs NSString handles: Kerwen must agree with it.
    private let ordinary = ["data/2024/*.csv", "/a", "/", "a/b/", "a//b", "", "a.CSV", ".profile", "a.", "dir.v2/file",
                            "x.tar.gz", "../out/t.xlsx", "/tmp/kerwen/q1 2024.csv", "данные/файл.csv"]

    func testAgreesWithFoundationWhereFoundationDoesNotTrap() {
        for path in ordinary {
            let ns = path as NSString
            XCTAssertEqual(PathText.folder(of: path), ns.deletingLastPathComponent, path)
            XCTAssertEqual(PathText.lastPart(of: path), ns.lastPathComponent, path)
            XCTAssertEqual(PathText.fileExtension(of: path), ns.pathExtension, path)
        }
    }

    func testThePathsFoundationTrapsOn() {
        // (path, folder, last part, extension), by hand.
        let cases = [("?", "", "?", ""), ("a", "", "a", ""), ("é", "", "é", ""), ("a/", "", "a", ""), ("a//", "", "a", ""),
                     ("~", "", "~", ""), (".", "", ".", ""), ("//é", "/", "é", ""), ("//é.csv", "/", "é.csv", "csv")]
        for (path, folder, last, ext) in cases {
            XCTAssertEqual(PathText.folder(of: path), folder, path)
            XCTAssertEqual(PathText.lastPart(of: path), last, path)
            XCTAssertEqual(PathText.fileExtension(of: path), ext, path)
        }
    }
}
