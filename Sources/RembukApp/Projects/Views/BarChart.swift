import Plot
import RembukCore

/// A horizontal bar chart drawn on the server as SVG: no script, a title and description for screen readers,
/// and always shown beside a table with the same numbers.
struct BarChart {
    struct Bar {
        var label: String
        var values: [Int64]
    }

    var id: String
    var title: String
    var summary: String
    var series: [String]
    var bars: [Bar]
    var format: (Int64) -> String

    static let width = 640, labelWidth = 232, plotWidth = 320

    func render() -> Node<HTML.BodyContext> {
        let axis = ChartScale.niceMax(bars.flatMap(\.values).max() ?? 0)
        let band = 12, gap = 10
        let rowHeight = band * series.count + gap
        let top = series.count > 1 ? 26 : 6
        let height = top + rowHeight * max(bars.count, 1)
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Self.width) \(height)\" role=\"img\" aria-labelledby=\"\(id)-t \(id)-d\">"
        svg += "<title id=\"\(id)-t\">\(Self.escape(title))</title><desc id=\"\(id)-d\">\(Self.escape(summary))</desc>"
        if series.count > 1 {
            for (n, name) in series.enumerated() {
                let x = Self.labelWidth + n * 150
                svg += "<rect x=\"\(x)\" y=\"4\" width=\"12\" height=\"12\" class=\"s\(n % 2)\"/><text x=\"\(x + 18)\" y=\"15\">\(Self.escape(name))</text>"
            }
        }
        for (row, bar) in bars.enumerated() {
            let y = top + row * rowHeight
            svg += "<text x=\"\(Self.labelWidth - 8)\" y=\"\(y + band * series.count / 2 + 4)\" text-anchor=\"end\">\(Self.escape(Self.short(bar.label)))</text>"
            for (n, value) in bar.values.enumerated() {
                let length = ChartScale.length(value, axis: axis, width: Self.plotWidth)
                let barY = y + n * band
                svg += "<rect x=\"\(Self.labelWidth)\" y=\"\(barY)\" width=\"\(length)\" height=\"\(band - 2)\" class=\"s\(n % 2)\"/>"
                svg += "<text x=\"\(Self.labelWidth + length + 4)\" y=\"\(barY + band - 3)\">\(Self.escape(format(value)))</text>"
            }
        }
        svg += "</svg>"
        return .element(named: "figure", nodes: [.class("chart"), .raw(svg)])
    }

    static func short(_ label: String) -> String {
        label.count <= 27 ? label : String(label.prefix(26)) + "…"
    }

    static func escape(_ text: String) -> String { HTMLEscape.attribute(text) }
}
