// A chart drawn with text, in the terminal's width: lines and points on a braille canvas (2 × 4
// dots a character), horizontal bars with eighth blocks. Each series has its own marker, so series
// stay apart without colour (NO_COLOR, TERM=dumb, a file); with colour each has its own too. A
// missing value is a gap in its line and "na" beside its bar, never a zero.

import Foundation
import KerwenDiagnostics

public struct TerminalChart {
    public var width: Int
    /// Rows of the plotting area (lines and points).
    public var height: Int
    public var color: Bool

    public init(width: Int = 80, height: Int = 12, color: Bool = false) {
        self.width = max(30, min(width, 400))
        self.height = max(4, min(height, 100))
        self.color = color
    }

    public static let markers = ["●", "■", "▲", "◆", "○", "□", "△", "◇", "★", "✚", "✖", "◐"]
    public static let totalMarker = "◉"
    /// ANSI colours: blue, orange (yellow), green, magenta, cyan, red, then bright ones.
    static let colors = [34, 33, 32, 35, 36, 31, 94, 93, 92, 95, 96, 91]

    func marker(_ s: Int, _ chart: Chart) -> String {
        chart.series[s].isTotal ? Self.totalMarker : Self.markers[s % Self.markers.count]
    }

    func paint(_ text: String, _ s: Int?, _ chart: Chart) -> String {
        guard color, let s else { return text }
        let code = chart.series[s].isTotal ? "1" : String(Self.colors[s % Self.colors.count])
        return "\u{1B}[\(code)m\(text)\u{1B}[0m"
    }

    public func render(_ chart: Chart) -> String {
        var out = ""
        if let title = chart.title { out += (color ? "\u{1B}[1m\(title)\u{1B}[0m" : title) + "\n" }
        switch chart.kind {
        case .bar: out += bars(chart)
        case .line, .point: out += plotArea(chart)
        }
        // Bars name their series beside them (grouped) or under them (stacked).
        if chart.kind != .bar {
            out += chart.series.indices.map { paint(marker($0, chart), $0, chart) + " " + chart.series[$0].name }.joined(separator: "   ") + "\n"
        }
        return out
    }

    // MARK: Lines and points

    private func plotArea(_ chart: Chart) -> String {
        guard let (ylo, yhi) = chart.valueRange, let (xlo, xhi) = chart.xRange else { return "" }
        let scale = NiceScale(ylo, yhi, count: max(3, height / 3))
        let labels = scale.ticks.map { ValueText.number($0, decimals: scale.decimals) }
        let labelWidth = labels.map(\.displayWidth).max() ?? 1
        let cols = max(10, width - labelWidth - 2)
        let rows = height
        let dotsX = cols * 2, dotsY = rows * 4
        var dots = [UInt8](repeating: 0, count: cols * rows)
        var owner = [Int](repeating: -1, count: cols * rows)
        var overlay = [String?](repeating: nil, count: cols * rows)
        func px(_ x: Double) -> Int { xhi == xlo ? dotsX / 2 : place(fraction(x, xlo, xhi), dotsX) }
        func py(_ y: Double) -> Int { place(1 - fraction(y, scale.lo, scale.hi), dotsY) }
        // Braille dot bits by (column, row) within a cell.
        let bit: [[UInt8]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]
        func set(_ x: Int, _ y: Int, _ s: Int) {
            guard x >= 0, y >= 0, x < dotsX, y < dotsY else { return }
            let cell = (y / 4) * cols + x / 2
            dots[cell] |= bit[x % 2][y % 4]
            owner[cell] = s
        }
        func line(_ x0: Int, _ y0: Int, _ x1: Int, _ y1: Int, _ s: Int) {
            var x = x0, y = y0
            let dx = abs(x1 - x0), dy = -abs(y1 - y0), sx = x0 < x1 ? 1 : -1, sy = y0 < y1 ? 1 : -1
            var err = dx + dy
            while true {
                set(x, y, s)
                if x == x1 && y == y1 { break }
                let e2 = 2 * err
                if e2 >= dy { err += dy; x += sx }
                if e2 <= dx { err += dx; y += sy }
            }
        }
        for (s, series) in chart.series.enumerated() {
            let present = series.points.filter { $0.y != nil }.count
            // Markers on every point when there is room, else on a few, so series stay apart.
            let every = max(1, Int((Double(present) / Double(max(1, cols / 4))).rounded(.up)))
            var previous: (Int, Int)? = nil, k = 0
            for p in series.points {
                guard let y = p.y else { previous = nil; continue }
                let (x1, y1) = (px(p.x), py(y))
                if chart.kind == .line, let (x0, y0) = previous { line(x0, y0, x1, y1, s) } else { set(x1, y1, s) }
                if k % every == 0 || present <= cols / 4 { overlay[(y1 / 4) * cols + x1 / 2] = marker(s, chart); owner[(y1 / 4) * cols + x1 / 2] = s }
                previous = (x1, y1)
                k += 1
            }
        }
        // Rows, with the y labels on the rows their tick falls on.
        var tickRow: [Int: String] = [:]
        for (t, label) in zip(scale.ticks, labels) { tickRow[py(t) / 4] = label }
        var out = ""
        for r in 0..<rows {
            let label = tickRow[r] ?? ""
            out += String(repeating: " ", count: labelWidth - label.displayWidth) + label + (tickRow[r] != nil ? " ┤" : " │")
            // Runs of one series' cells painted once (one colour code per run, not per character).
            var run = "", runOwner: Int? = nil
            for c in 0..<cols {
                let cell = r * cols + c
                let (text, who): (String, Int?) = overlay[cell].map { ($0, owner[cell]) }
                    ?? (dots[cell] != 0 ? (String(UnicodeScalar(0x2800 + UInt32(dots[cell]))!), owner[cell]) : (" ", nil))
                if who != runOwner && !run.isEmpty { out += paint(run, runOwner, chart); run = "" }
                runOwner = who
                run += text
            }
            out += paint(run, runOwner, chart) + "\n"
        }
        out += xAxis(chart, xlo: xlo, xhi: xhi, cols: cols, indent: labelWidth + 1, position: { px($0) / 2 })
        return out
    }

    /// The axis line and its labels: round numbers, periods or categories that fit without overlapping.
    private func xAxis(_ chart: Chart, xlo: Double, xhi: Double, cols: Int, indent: Int, position: (Double) -> Int) -> String {
        var ticks: [Double]
        switch chart.xAxis {
        case .categories(let names): ticks = names.indices.map(Double.init)
        case .periods: ticks = NiceScale(xlo, xhi, count: max(2, cols / 10), integral: true).ticks.filter { $0 >= xlo && $0 <= xhi }
        case .numbers(let integral): ticks = NiceScale(xlo, xhi, count: max(2, cols / 10), integral: integral).ticks.filter { $0 >= xlo - 1e-9 && $0 <= xhi + 1e-9 }
        }
        if ticks.isEmpty { ticks = [xlo] }
        var axis = Array(repeating: "─", count: cols)
        var labels = Array(repeating: " ", count: cols + 40)
        var nextFree = 0
        for t in ticks {
            let c = min(cols - 1, max(0, position(t)))
            axis[c] = "┬"
            let text = Array(chart.xText(t))
            let start = max(0, min(c - text.count / 2, cols - text.count))
            guard start >= nextFree else { continue }
            for (k, ch) in text.enumerated() where start + k < labels.count { labels[start + k] = String(ch) }
            nextFree = start + text.count + 1
        }
        let pad = String(repeating: " ", count: indent)
        let labelLine = labels.joined().replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        return pad + "└" + axis.joined() + "\n" + pad + " " + labelLine + "\n"
    }

    // MARK: Bars

    private func bars(_ chart: Chart) -> String {
        guard case .categories(let names) = chart.xAxis, let (lo, hi) = chart.valueRange else { return "" }
        let grouped = chart.series.count > 1 && !chart.stacked
        let seriesWidth = grouped ? (chart.series.map { $0.name.displayWidth }.max() ?? 0) + 3 : 0
        let labelWidth = min(30, names.map(\.displayWidth).max() ?? 1)
        let valueTexts = chart.series.flatMap { $0.points.compactMap { $0.y.map { ValueText.number($0, decimals: chart.decimals) } } }
        let valueWidth = max(2, valueTexts.map(\.displayWidth).max() ?? 2)
        let cols = max(10, width - labelWidth - seriesWidth - valueWidth - 4)
        let zero = place(fraction(0, lo, hi), cols + 1)
        /// Columns a bar of `v` takes from zero (in eighths of a column too).
        func length(_ v: Double) -> Double { abs(fraction(v, lo, hi) - fraction(0, lo, hi)) * Double(cols) }
        let eighths = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
        let shades = ["█", "▓", "▒", "░"]
        func cut(_ s: String, _ w: Int) -> String {
            s.displayWidth <= w ? s + String(repeating: " ", count: w - s.displayWidth) : String(s.prefix(w - 1)) + "…"
        }
        /// A bar from zero to `v`, as text of `cols` columns.
        func bar(_ v: Double, _ s: Int, fill: String = "█") -> String {
            let length = length(v)
            if v >= 0 {
                let whole = Int(length), part = Int(((length - Double(whole)) * 8).rounded(.down))
                let body = String(repeating: fill, count: whole) + (fill == "█" ? eighths[min(7, part)] : "")
                return String(repeating: " ", count: zero) + paint(body, s, chart) + String(repeating: " ", count: max(0, cols - zero - body.count))
            }
            let whole = max(1, Int(length.rounded()))
            return String(repeating: " ", count: max(0, zero - whole)) + paint(String(repeating: fill, count: min(whole, zero)), s, chart)
                + String(repeating: " ", count: cols - zero)
        }
        var out = ""
        for (c, name) in names.enumerated() {
            let x = Double(c)
            if chart.stacked {
                var text = "", used = 0, total = 0.0, any = false
                for (s, series) in chart.series.enumerated() {
                    guard let y = series.points.first(where: { $0.x == x })?.y, y >= 0 else { continue }
                    let w = Int(length(y).rounded())
                    text += paint(String(repeating: shades[s % shades.count], count: w), s, chart)
                    used += w; total += y; any = true
                }
                out += cut(name, labelWidth) + " │" + text + String(repeating: " ", count: max(0, cols - used)) + " "
                    + (any ? ValueText.number(total, decimals: chart.decimals) : "na") + "\n"
                continue
            }
            for (s, series) in chart.series.enumerated() {
                let y = series.points.first(where: { $0.x == x })?.y
                let label = s == 0 || !grouped ? cut(name, labelWidth) : String(repeating: " ", count: labelWidth)
                let tag = grouped ? " " + paint(marker(s, chart), s, chart) + " " + cut(series.name, seriesWidth - 3) : ""
                let body = y.map { bar($0, s) } ?? String(repeating: " ", count: cols)
                out += label + tag + " │" + body + " " + (y.map { ValueText.number($0, decimals: chart.decimals) } ?? "na") + "\n"
            }
        }
        // The scale under the bars: zero and the ends.
        let pad = String(repeating: " ", count: labelWidth + seriesWidth + 1)
        let loText = ValueText.number(lo), hiText = ValueText.number(hi)
        var scaleLine = Array(repeating: " ", count: cols + 1)
        func put(_ text: String, at c: Int) {
            let start = max(0, min(c, cols + 1 - text.count))
            for (k, ch) in text.enumerated() where start + k < scaleLine.count { scaleLine[start + k] = String(ch) }
        }
        put(loText, at: 0)
        if lo < 0 && hi > 0 { put("0", at: zero) }
        put(hiText, at: cols - hiText.count + 1)
        out += pad + "└" + String(repeating: "─", count: cols) + "\n" + pad + " " + scaleLine.joined().replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) + "\n"
        if chart.stacked {
            out += chart.series.indices.map { paint(shades[$0 % shades.count], $0, chart) + " " + chart.series[$0].name }.joined(separator: "   ") + "\n"
        }
        return out
    }
}

extension String {
    /// Columns the text takes in a terminal (DisplayWidth: wide CJK characters count two).
    var displayWidth: Int { DisplayWidth.of(self) }
}
