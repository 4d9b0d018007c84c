// Student's t quantile and tail (the intervals of a sampled indicator with `df:`), and the normal
// quantile, against R 4.1.1:
// `qt(p, df)` for 85 pairs of p and degrees of freedom (whole and fractional, 0.001 to 1e300), `pt` and
// `pbeta` for the tail and the incomplete beta. The numbers were printed by R with 17 digits:
//   Rscript -e 'for (p in ps) for (v in dfs) cat(sprintf("%.17g", qt(p, v)))'
// One is mpmath's instead (the tail solved by bisection at 40 digits, from the double nearest
// 0.999999): there R's own algorithm is 5.6e-11 off. On the pairs checked both ways mpmath agrees
// with R to 1e-15 (df 1, 92, 1e6, 1e7, 1e10) or 4e-14 (df 0.1), well inside the test's 1e-12.

@testable import KerwenEval
import Foundation
import XCTest

final class StudentTTests: XCTestCase {
    static let quantiles: [(p: Double, df: Double, t: Double)] = [
        (0.975, 1, 12.706204736174694),
        (0.975, 2, 4.3026527297494619),
        (0.975, 3, 3.1824463052837078),
        (0.975, 8, 2.3060041352041658),
        (0.975, 9, 2.2621571627982049),
        (0.975, 30, 2.0422724563012378),
        (0.975, 92, 1.98608631695113),
        (0.975, 1000, 1.9623390808264076),
        (0.975, 1000000, 1.9599663568141066),
        (0.975, 0.5, 164.55767348049446),
        (0.975, 2.5, 3.5746548420036919),
        (0.95, 1, 6.3137515146750376),
        (0.95, 2, 2.9199855803537238),
        (0.95, 3, 2.3533634348018246),
        (0.95, 8, 1.8595480375308966),
        (0.95, 9, 1.8331129326562365),
        (0.95, 30, 1.6972608865939569),
        (0.95, 92, 1.6615853969032335),
        (0.95, 1000, 1.6463788172854634),
        (0.95, 1000000, 1.644855150722039),
        (0.95, 0.5, 41.136000092879868),
        (0.95, 2.5, 2.5582186141359453),
        (0.995, 1, 63.656741162871526),
        (0.995, 2, 9.9248432009182892),
        (0.995, 3, 5.8409093097333544),
        (0.995, 8, 3.3553873313333953),
        (0.995, 9, 3.2498355415921254),
        (0.995, 30, 2.7499956535672254),
        (0.995, 92, 2.6303296083162877),
        (0.995, 1000, 2.5807546980659501),
        (0.995, 1000000, 2.5758342201053335),
        (0.995, 0.5, 4113.9645888042269),
        (0.995, 2.5, 7.1637281389488026),
        (0.9, 1, 3.0776835371752544),
        (0.9, 2, 1.8856180831641269),
        (0.9, 3, 1.6377443536962091),
        (0.9, 8, 1.3968153097438651),
        (0.9, 9, 1.3830287383966324),
        (0.9, 30, 1.3104150253913955),
        (0.9, 92, 1.2908213559138986),
        (0.9, 1000, 1.2823987214609247),
        (0.9, 1000000, 1.2815524121299389),
        (0.9, 0.5, 10.270324410234281),
        (0.9, 2.5, 1.7302509288071761),
        (0.6, 1, 0.32491969623290634),
        (0.6, 2, 0.28867513459481314),
        (0.6, 3, 0.27667066233268983),
        (0.6, 8, 0.26192109674883235),
        (0.6, 9, 0.26095533647391095),
        (0.6, 30, 0.25560536495191277),
        (0.6, 92, 0.25408098416025993),
        (0.6, 1000, 0.25341451583949876),
        (0.6, 1000000, 0.25334717053784167),
        (0.6, 0.5, 0.39797542678478237),
        (0.6, 2.5, 0.28145951274854752),
        (0.025, 1, -12.706204736174707),
        (0.025, 2, -4.3026527297494637),
        (0.025, 3, -3.1824463052837091),
        (0.025, 8, -2.3060041352041662),
        (0.025, 9, -2.2621571627982049),
        (0.025, 30, -2.0422724563012382),
        (0.025, 92, -1.98608631695113),
        (0.025, 1000, -1.9623390808264078),
        (0.025, 1000000, -1.9599663568141066),
        (0.025, 0.5, -164.55767348049446),
        (0.025, 2.5, -3.5746548420036932),
        (0.999999, 1, 318309.88617359026),
        (0.999999, 2, 707.10572051576708),
        (0.999999, 3, 103.29946777942895),
        (0.999999, 8, 12.10983466551056),
        (0.999999, 9, 10.720160409872824),
        (0.999999, 30, 5.8711171204086243),
        (0.999999, 92, 5.075997722045499),
        (0.999999, 1000, 4.78160862045244),
        (0.999999, 1000000, 4.7534523482738704),
        (0.999999, 0.5, 102849115625.71901),   // mpmath at 40 digits; R's qt gives 102849115631.43192 (5.6e-11 off)
        (0.999999, 2.5, 220.17342917570477),
        // Very many degrees of freedom (the normal quantile in the limit), and very few.
        (0.975, 10_000_000, 1.9599642217672049),
        (0.975, 1e10, 1.9599639847772807),
        (0.975, 9.2e18, 1.9599639845400536),
        (0.975, 1e300, 1.9599639845400536),
        (0.6, 1e300, 0.25334710313579978),
        (0.975, 0.1, 1682362288745.0776),
        (0.975, 0.01, 6.3641819283995872e+128),
        (0.6, 0.001, 1.2857646412928107e+95),
    ]

    func testQuantilesMatchR() {
        for (p, df, t) in Self.quantiles {
            XCTAssertEqual(StudentT.quantile(p, degrees: df), t, accuracy: 1e-12 * abs(t), "qt(\(p), \(df))")
        }
    }

    func testTailAndIncompleteBetaMatchR() {
        XCTAssertEqual(StudentT.upperTail(2, degrees: 8), 0.04025811897863131, accuracy: 1e-15)        // pt(2, 8, lower.tail = FALSE)
        XCTAssertEqual(StudentT.upperTail(0.5, degrees: 0.5), 0.37865903646471832, accuracy: 1e-15)    // pt(0.5, 0.5, lower.tail = FALSE)
        XCTAssertEqual(StudentT.regularizedBeta(0.3, a: 2.5, b: 0.5), 0.018927124071945644, accuracy: 1e-16)   // pbeta(0.3, 2.5, 0.5)
    }

    // The normal quantile (intervals without `df:`, and the start of the expansion for many degrees
    // of freedom) against R's qnorm.
    func testNormalQuantilesMatchR() {
        let expected: [(p: Double, z: Double)] = [
            (0.975, 1.9599639845400536), (0.95, 1.6448536269514715), (0.6, 0.25334710313579978), (0.995, 2.5758293035488999),
            (0.999999, 4.7534243088170891), (0.005, -2.5758293035488999), (1e-10, -6.3613409024040557), (0.5, 0),
        ]
        for (p, z) in expected {
            XCTAssertEqual(Interpreter.normalQuantile(p), z, accuracy: 1e-15 * max(1, abs(z)), "qnorm(\(p))")
        }
    }

    // R's qt gives Inf: no finite t leaves 2.5 % above it.
    func testTooFewDegreesOfFreedomGiveAnInfiniteQuantile() {
        XCTAssertEqual(StudentT.quantile(0.975, degrees: 0.001), .infinity)
        XCTAssertEqual(StudentT.quantile(0.975, degrees: 1e-300), .infinity)
        XCTAssertEqual(StudentT.quantile(0.025, degrees: 1e-300), -.infinity)
        XCTAssertEqual(StudentT.quantile(0.975, degrees: 5e-324), .infinity)   // the smallest double: half of it is 0
        XCTAssertEqual(StudentT.quantile(0.975, degrees: 1e-310), .infinity)
    }

    // Over degrees of freedom from 1e-320 to 1e300 (five steps a decade): never nan, never below
    // the normal quantile, never larger with more degrees of freedom (infinite only at the start).
    func testMonotoneFromNoDegreesToTheNormal() {
        for p in [0.6, 0.9, 0.975, 0.999999] {
            let z = Interpreter.normalQuantile(p)
            var previous = Double.infinity
            for k in -1_600...1_500 {
                let df = Foundation.pow(10, Double(k) / 5)
                let t = StudentT.quantile(p, degrees: df)
                XCTAssertFalse(t.isNaN, "qt(\(p), \(df))")
                XCTAssertGreaterThanOrEqual(t, z * (1 - 1e-15), "qt(\(p), \(df))")
                XCTAssertLessThanOrEqual(t, previous * (1 + 1e-12), "qt(\(p), \(df)) after \(previous)")
                previous = t
            }
            XCTAssertEqual(previous, z, accuracy: 1e-15 * z)
        }
    }

    func testOutsideTheDomainIsNotANumber() {
        XCTAssertEqual(StudentT.quantile(0.5, degrees: 3), 0)
        XCTAssertTrue(StudentT.quantile(0.975, degrees: 0).isNaN)
        XCTAssertTrue(StudentT.quantile(0.975, degrees: -1).isNaN)
        XCTAssertTrue(StudentT.quantile(1, degrees: 5).isNaN)
        XCTAssertTrue(StudentT.quantile(0, degrees: 5).isNaN)
        XCTAssertTrue(StudentT.quantile(.nan, degrees: 5).isNaN)
    }
}
