import Foundation

/// Charts drawn on the server as SVG, so they need no JavaScript and no network. Each chart has
/// a title and a text description for screen readers, and the numbers are also in a table.
enum SVGChart {
    struct Series: Sendable {
        let name: String
        let values: [Double?]
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// A line chart of percentages (0-100) by month.
    static func percentLines(title: String, labels: [String], series: [Series], target: Double? = nil) -> String {
        let width = 640.0, height = 260.0, left = 44.0, right = 12.0, top = 16.0, bottom = 40.0
        let plotW = width - left - right, plotH = height - top - bottom
        let step = labels.count > 1 ? plotW / Double(labels.count - 1) : 0
        func x(_ i: Int) -> Double { left + Double(i) * step }
        func y(_ v: Double) -> Double { top + plotH * (1 - min(max(v, 0), 100) / 100) }
        let colours = ["#1d70b8", "#d4351c", "#00703c", "#4c2c92", "#f47738", "#5694ca"]
        var svg = "<svg class=\"chart\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-labelledby=\"chart-title\"><title id=\"chart-title\">\(escape(title))</title>"
        for tick in stride(from: 0.0, through: 100.0, by: 25.0) {
            svg += "<line x1=\"\(left)\" x2=\"\(width - right)\" y1=\"\(y(tick))\" y2=\"\(y(tick))\" stroke=\"#b1b4b6\" stroke-width=\"1\"/>"
            svg += "<text x=\"\(left - 6)\" y=\"\(y(tick) + 4)\" text-anchor=\"end\" font-size=\"11\" fill=\"#505a5f\">\(Int(tick))%</text>"
        }
        let every = max(1, labels.count / 8)
        for (i, label) in labels.enumerated() where i % every == 0 {
            svg += "<text x=\"\(x(i))\" y=\"\(height - bottom + 18)\" text-anchor=\"middle\" font-size=\"11\" fill=\"#505a5f\">\(escape(label))</text>"
        }
        if let target {
            svg += "<line x1=\"\(left)\" x2=\"\(width - right)\" y1=\"\(y(target))\" y2=\"\(y(target))\" stroke=\"#0b0c0c\" stroke-dasharray=\"6 4\" stroke-width=\"1.5\"/>"
        }
        for (n, s) in series.enumerated() {
            let colour = colours[n % colours.count]
            var path = ""
            for (i, value) in s.values.enumerated() {
                guard let value else { continue }
                path += (path.isEmpty ? "M" : "L") + String(format: "%.1f %.1f ", x(i), y(value))
                svg += String(format: "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%@\"/>", x(i), y(value), colour)
            }
            if !path.isEmpty { svg += "<path d=\"\(path)\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2.5\"/>" }
            svg += "<rect x=\"\(left + Double(n) * 150)\" y=\"\(height - 14)\" width=\"12\" height=\"12\" fill=\"\(colour)\"/>"
            svg += "<text x=\"\(left + Double(n) * 150 + 16)\" y=\"\(height - 4)\" font-size=\"12\" fill=\"#0b0c0c\">\(escape(s.name))</text>"
        }
        return svg + "</svg>"
    }

    /// Horizontal bars of percentages, one per team: the small multiple for team variation.
    static func percentBars(title: String, rows: [(label: String, value: Double?)]) -> String {
        let rowHeight = 26.0, labelWidth = 190.0, width = 420.0
        let height = Double(rows.count) * rowHeight + 8
        var svg = "<svg class=\"chart chart--bars\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"\(escape(title))\">"
        for (i, row) in rows.enumerated() {
            let yPos = Double(i) * rowHeight + 4
            svg += "<text x=\"0\" y=\"\(yPos + 16)\" font-size=\"12\" fill=\"#0b0c0c\">\(escape(String(row.label.prefix(28))))</text>"
            if let value = row.value {
                let barWidth = (width - labelWidth - 50) * min(max(value, 0), 100) / 100
                svg += String(format: "<rect x=\"%.0f\" y=\"%.0f\" width=\"%.1f\" height=\"18\" fill=\"#1d70b8\"/>", labelWidth, yPos, barWidth)
                svg += String(format: "<text x=\"%.1f\" y=\"%.0f\" font-size=\"12\" fill=\"#0b0c0c\">%d%%</text>", labelWidth + barWidth + 4, yPos + 14, Int(value.rounded()))
            } else {
                svg += "<text x=\"\(labelWidth)\" y=\"\(yPos + 14)\" font-size=\"12\" fill=\"#505a5f\">no cases</text>"
            }
        }
        return svg + "</svg>"
    }

    /// One horizontal bar per row split into the share of each category (0-100, adding up to 100),
    /// with a legend: how a team's or theme's grades are spread.
    static func stackedShares(title: String, categories: [String], colours: [String], rows: [(label: String, shares: [Double])]) -> String {
        let rowHeight = 26.0, labelWidth = 190.0, width = 520.0, legendHeight = 24.0
        let barWidth = width - labelWidth - 10
        let height = Double(rows.count) * rowHeight + legendHeight + 8
        var svg = "<svg class=\"chart chart--bars\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"\(escape(title))\">"
        for (n, category) in categories.enumerated() {
            let x = Double(n) * 130
            svg += "<rect x=\"\(x)\" y=\"4\" width=\"12\" height=\"12\" fill=\"\(colours[n % colours.count])\"/>"
            svg += "<text x=\"\(x + 16)\" y=\"14\" font-size=\"12\" fill=\"#0b0c0c\">\(escape(category))</text>"
        }
        for (i, row) in rows.enumerated() {
            let yPos = legendHeight + Double(i) * rowHeight + 4
            svg += "<text x=\"0\" y=\"\(yPos + 14)\" font-size=\"12\" fill=\"#0b0c0c\">\(escape(String(row.label.prefix(28))))</text>"
            var x = labelWidth
            for (n, share) in row.shares.enumerated() where share > 0 {
                let w = barWidth * min(max(share, 0), 100) / 100
                svg += String(format: "<rect x=\"%.1f\" y=\"%.0f\" width=\"%.1f\" height=\"18\" fill=\"%@\"><title>%@: %d%%</title></rect>",
                              x, yPos, w, colours[n % colours.count], escape(categories[n]), Int(share.rounded()))
                x += w
            }
        }
        return svg + "</svg>"
    }
}
