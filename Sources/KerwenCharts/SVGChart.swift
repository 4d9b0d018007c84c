// A chart as SVG for publication: text as text (searchable, translatable), a <title> and a <desc>
// for screen readers, fonts that have Cyrillic and Turkmen/Uzbek Latin letters, the Okabe–Ito
// palette (told apart by colour-blind readers) and a dash pattern and marker shape per series (told
// apart in grey print). The same chart always gives the same bytes: numbers are written with fixed
// decimals and nothing depends on time or order of hashing.

import KerwenData

public struct SVGChart {
    public var width: Int
    public var height: Int

    public init(width: Int = 760, height: Int = 440) {
        self.width = max(320, min(width, 4000))
        self.height = max(200, min(height, 4000))
    }

    /// Okabe & Ito (2008), "Color Universal Design"; totals are drawn in black.
    public static let palette = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#999999"]
    static let dashes = ["", "6 3", "2 3", "8 3 2 3", "1 2", "10 4", "4 4", "6 2 2 2 2 2"]
    public static let fontFamily = "'DejaVu Sans', 'Noto Sans', 'Liberation Sans', Arial, sans-serif"

    func color(_ s: Int, _ chart: Chart) -> String { chart.series[s].isTotal ? "#000000" : Self.palette[s % Self.palette.count] }

    public func render(_ chart: Chart) -> String {
        var svg = Body()
        // A long title is wrapped at a space into lines that fit (bold 16 px: about 9.5 px a letter).
        let titleLines = chart.title.map { wrap($0, width: Double(width) - 40, letter: 9.5) } ?? []
        let titleHeight = titleLines.count * 22 + (titleLines.isEmpty ? 0 : 8)
        let legendRows = chart.kind == .bar && !(chart.series.count > 1) ? 0 : (chart.series.count + 3) / 4
        let left = 70.0, right = 45.0, top = Double(titleHeight + 30), bottom = Double(58 + legendRows * 20)
        var labelLeft = left
        if chart.kind == .bar, case .categories(let names) = chart.xAxis {
            labelLeft = min(260, 20 + 7.5 * Double(names.map(\.count).max() ?? 4))
        }
        let plot = (x: labelLeft, y: top, w: Double(width) - labelLeft - right, h: Double(height) - top - bottom)
        let description = chart.series.map { s in "\(s.name): \(s.points.filter { $0.y != nil }.count)" }.joined(separator: "; ")
        svg.line("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-labelledby=\"chart-title chart-desc\" font-family=\"\(Self.fontFamily)\" font-size=\"12\">")
        svg.line("<title id=\"chart-title\">\(escape(chart.title ?? chart.yLabel))</title>")
        svg.line("<desc id=\"chart-desc\">\(escape("\(chart.yLabel) / \(chart.xLabel) (\(chart.kind.rawValue)) — \(description)"))</desc>")
        svg.line("<rect width=\"\(width)\" height=\"\(height)\" fill=\"#ffffff\"/>")
        for (k, line) in titleLines.enumerated() {
            svg.line("<text x=\"\(f(Double(width) / 2))\" y=\"\(22 + 22 * k)\" text-anchor=\"middle\" font-size=\"16\" font-weight=\"bold\">\(escape(line))</text>")
        }
        // The values' name: above the y axis of lines, under the value axis of (horizontal) bars.
        if chart.kind == .bar {
            svg.line("<text x=\"\(f(plot.x + plot.w))\" y=\"\(f(plot.y + plot.h + 36))\" text-anchor=\"end\" fill=\"#333333\">\(escape(chart.yLabel))</text>")
        } else {
            svg.line("<text x=\"\(f(plot.x))\" y=\"\(f(top - 12))\" font-size=\"12\" fill=\"#333333\">\(escape(chart.yLabel))</text>")
        }
        switch chart.kind {
        case .bar: bars(chart, plot, &svg)
        case .line, .point: lines(chart, plot, &svg)
        }
        legend(chart, y: Double(height) - bottom + 54, &svg)
        svg.line("</svg>")
        return svg.text
    }

    // MARK: Lines and points

    private func lines(_ chart: Chart, _ plot: (x: Double, y: Double, w: Double, h: Double), _ svg: inout Body) {
        guard let (ylo, yhi) = chart.valueRange, let (xlo, xhi) = chart.xRange else { return }
        let scale = NiceScale(ylo, yhi, count: 6)
        func X(_ x: Double) -> Double { plot.x + fraction(x, xlo, xhi) * plot.w }
        func Y(_ y: Double) -> Double { plot.y + (1 - fraction(y, scale.lo, scale.hi)) * plot.h }
        svg.line("<g class=\"grid\" stroke=\"#dddddd\" stroke-width=\"1\">")
        for t in scale.ticks { svg.line("<line x1=\"\(f(plot.x))\" y1=\"\(f(Y(t)))\" x2=\"\(f(plot.x + plot.w))\" y2=\"\(f(Y(t)))\"/>") }
        svg.line("</g>")
        svg.line("<g class=\"y-axis\" text-anchor=\"end\" fill=\"#333333\">")
        for t in scale.ticks { svg.line("<text x=\"\(f(plot.x - 6))\" y=\"\(f(Y(t) + 4))\">\(escape(ValueText.number(t, decimals: scale.decimals)))</text>") }
        svg.line("</g>")
        // The x axis: round numbers or periods, or every category that fits.
        var ticks: [Double]
        switch chart.xAxis {
        case .categories(let names): ticks = names.indices.map(Double.init)
        case .periods: ticks = NiceScale(xlo, xhi, count: 8, integral: true).ticks.filter { $0 >= xlo && $0 <= xhi }
        case .numbers(let integral): ticks = NiceScale(xlo, xhi, count: 8, integral: integral).ticks.filter { $0 >= xlo - 1e-9 && $0 <= xhi + 1e-9 }
        }
        if ticks.isEmpty { ticks = [xlo] }
        let every = max(1, Int((Double(ticks.count) * 60 / plot.w).rounded(.up)))
        svg.line("<line class=\"x-axis\" x1=\"\(f(plot.x))\" y1=\"\(f(plot.y + plot.h))\" x2=\"\(f(plot.x + plot.w))\" y2=\"\(f(plot.y + plot.h))\" stroke=\"#333333\"/>")
        svg.line("<g class=\"x-labels\" text-anchor=\"middle\" fill=\"#333333\">")
        for (k, t) in ticks.enumerated() where k % every == 0 {
            svg.line("<text x=\"\(f(X(t)))\" y=\"\(f(plot.y + plot.h + 18))\">\(escape(chart.xText(t)))</text>")
        }
        svg.line("</g>")
        svg.line("<text x=\"\(f(plot.x + plot.w))\" y=\"\(f(plot.y + plot.h + 36))\" text-anchor=\"end\" fill=\"#333333\">\(escape(chart.xLabel))</text>")
        for (s, series) in chart.series.enumerated() {
            let stroke = color(s, chart), width = series.isTotal ? 3.0 : 2.0
            svg.line("<g class=\"series\" data-name=\"\(escape(series.name))\">")
            if chart.kind == .line {
                // One polyline per run of present values: a missing value breaks the line.
                var run: [String] = []
                func flush() {
                    if run.count > 1 {
                        let dash = Self.dashes[s % Self.dashes.count]
                        svg.line("<polyline fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"\(f(width))\"\(dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\"") points=\"\(run.joined(separator: " "))\"/>")
                    }
                    run = []
                }
                for p in series.points { if let y = p.y { run.append("\(f(X(p.x))),\(f(Y(y)))") } else { flush() } }
                flush()
            }
            let present = series.points.filter { $0.y != nil }
            if chart.kind == .point || present.count <= 60 {
                for p in present { svg.line(markerShape(s, chart, x: X(p.x), y: Y(p.y!), fill: stroke)) }
            }
            svg.line("</g>")
        }
    }

    /// A marker shape per series (circle, square, triangle, diamond, then hollow ones).
    private func markerShape(_ s: Int, _ chart: Chart, x: Double, y: Double, fill: String, role: String = "point") -> String {
        let r = chart.series[s].isTotal ? 4.5 : 3.5
        let hollow = (s / 4) % 2 == 1 && !chart.series[s].isTotal
        let paint = hollow ? "fill=\"#ffffff\" stroke=\"\(fill)\" stroke-width=\"1.5\"" : "fill=\"\(fill)\""
        switch chart.series[s].isTotal ? 0 : s % 4 {
        case 1: return "<rect class=\"\(role)\" x=\"\(f(x - r))\" y=\"\(f(y - r))\" width=\"\(f(2 * r))\" height=\"\(f(2 * r))\" \(paint)/>"
        case 2: return "<path class=\"\(role)\" d=\"M\(f(x)),\(f(y - r - 1))L\(f(x + r + 1)),\(f(y + r))L\(f(x - r - 1)),\(f(y + r))Z\" \(paint)/>"
        case 3: return "<path class=\"\(role)\" d=\"M\(f(x)),\(f(y - r - 1))L\(f(x + r + 1)),\(f(y))L\(f(x)),\(f(y + r + 1))L\(f(x - r - 1)),\(f(y))Z\" \(paint)/>"
        default: return "<circle class=\"\(role)\" cx=\"\(f(x))\" cy=\"\(f(y))\" r=\"\(f(r))\" \(paint)/>"
        }
    }

    // MARK: Bars

    private func bars(_ chart: Chart, _ plot: (x: Double, y: Double, w: Double, h: Double), _ svg: inout Body) {
        guard case .categories(let names) = chart.xAxis, let (lo, hi) = chart.valueRange else { return }
        let scale = NiceScale(lo, hi, count: 6)
        func X(_ v: Double) -> Double { plot.x + fraction(v, scale.lo, scale.hi) * plot.w }
        let perCategory = chart.stacked ? 1 : chart.series.count
        let band = plot.h / Double(max(1, names.count))
        let barHeight = band * 0.8 / Double(perCategory)
        svg.line("<g class=\"grid\" stroke=\"#dddddd\" stroke-width=\"1\">")
        for t in scale.ticks { svg.line("<line x1=\"\(f(X(t)))\" y1=\"\(f(plot.y))\" x2=\"\(f(X(t)))\" y2=\"\(f(plot.y + plot.h))\"/>") }
        svg.line("</g>")
        svg.line("<g class=\"x-labels\" text-anchor=\"middle\" fill=\"#333333\">")
        for t in scale.ticks { svg.line("<text x=\"\(f(X(t)))\" y=\"\(f(plot.y + plot.h + 18))\">\(escape(ValueText.number(t, decimals: scale.decimals)))</text>") }
        svg.line("</g>")
        svg.line("<g class=\"categories\" text-anchor=\"end\" fill=\"#333333\">")
        for (c, name) in names.enumerated() {
            svg.line("<text x=\"\(f(plot.x - 8))\" y=\"\(f(plot.y + band * (Double(c) + 0.5) + 4))\">\(escape(name))</text>")
        }
        svg.line("</g>")
        for (s, series) in chart.series.enumerated() {
            svg.line("<g class=\"series\" data-name=\"\(escape(series.name))\" fill=\"\(color(s, chart))\">")
            for p in series.points {
                let c = Int(p.x.rounded())
                let y0 = plot.y + band * Double(c) + band * 0.1 + (chart.stacked ? 0 : barHeight * Double(s))
                guard let v = p.y else {
                    svg.line("<text class=\"missing\" x=\"\(f(X(0) + 4))\" y=\"\(f(y0 + barHeight / 2 + 4))\" fill=\"#333333\">na</text>")
                    continue
                }
                var start = 0.0
                if chart.stacked {
                    // Below this series: the same sign's values of the series before it.
                    for earlier in chart.series[..<s] {
                        if let e = earlier.points.first(where: { $0.x == p.x })?.y, (e >= 0) == (v >= 0) { start += e }
                    }
                }
                let a = X(start), b = X(start + v)
                if !chart.stacked {
                    // The value at the end of its bar (left of it for a negative one).
                    let anchor = v < 0 ? "end" : "start", x = v < 0 ? min(a, b) - 4 : max(a, b) + 4
                    svg.line("<text class=\"value\" x=\"\(f(x))\" y=\"\(f(y0 + barHeight / 2 + 4))\" text-anchor=\"\(anchor)\" fill=\"#333333\" font-size=\"11\">\(escape(ValueText.number(v, decimals: chart.decimals)))</text>")
                }
                svg.line("<rect class=\"bar\" x=\"\(f(min(a, b)))\" y=\"\(f(y0))\" width=\"\(f(abs(b - a)))\" height=\"\(f(barHeight))\"\(s % 2 == 1 && !series.isTotal ? " stroke=\"#333333\" stroke-width=\"0.5\"" : "")><title>\(escape("\(names[c]) · \(series.name): \(ValueText.number(v, decimals: chart.decimals))"))</title></rect>")
            }
            svg.line("</g>")
        }
        svg.line("<line class=\"zero\" x1=\"\(f(X(0)))\" y1=\"\(f(plot.y))\" x2=\"\(f(X(0)))\" y2=\"\(f(plot.y + plot.h))\" stroke=\"#333333\"/>")
    }

    private func legend(_ chart: Chart, y: Double, _ svg: inout Body) {
        guard chart.kind != .bar || chart.series.count > 1 else { return }
        svg.line("<g class=\"legend\" fill=\"#333333\">")
        for (s, series) in chart.series.enumerated() {
            let x = 20.0 + Double(s % 4) * (Double(width) - 40) / 4, yy = y + Double(s / 4) * 20
            if chart.kind == .bar {
                svg.line("<rect x=\"\(f(x))\" y=\"\(f(yy - 9))\" width=\"12\" height=\"12\" fill=\"\(color(s, chart))\"/>")
            } else {
                let dash = Self.dashes[s % Self.dashes.count]
                svg.line("<line x1=\"\(f(x))\" y1=\"\(f(yy - 3))\" x2=\"\(f(x + 24))\" y2=\"\(f(yy - 3))\" stroke=\"\(color(s, chart))\" stroke-width=\"2\"\(dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\"")/>")
                svg.line(markerShape(s, chart, x: x + 12, y: yy - 3, fill: color(s, chart), role: "key"))
            }
            svg.line("<text x=\"\(f(x + 30))\" y=\"\(f(yy + 1))\">\(escape(series.name))</text>")
        }
        svg.line("</g>")
    }

    /// Words of `text` in lines of at most `width` pixels (`letter` pixels a character).
    func wrap(_ text: String, width: Double, letter: Double) -> [String] {
        let most = max(10, Int(width / letter))
        var lines: [String] = [], line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty, line.count + 1 + word.count > most { lines.append(line); line = "" }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    /// Coordinates with two decimals, always the same text for the same number.
    func f(_ x: Double) -> String { ValueText.fixed(x, 2) }

    func escape(_ s: String) -> String { XMLText.escaped(s) }

    struct Body {
        var text = ""
        mutating func line(_ s: String) { text += s + "\n" }
    }
}
