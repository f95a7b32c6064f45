import Foundation
import LanternCore

extension SVGChart {
    /// A child's family as boxes on rows (adults above, the child and siblings, the child's own
    /// children below), each joined to the child by a line, with a dashed "lives with" box round
    /// the household. The same facts are in the table under it; `<desc>` says them in words.
    static func family(_ diagram: FamilyDiagram, childName: String) -> String {
        let boxW = 150.0, boxH = 46.0, gapX = 24.0, gapY = 54.0, margin = 16.0, boxPad = 10.0, labelH = 18.0
        let rowIndex = Dictionary(uniqueKeysWithValues: diagram.rows.enumerated().map { ($0.element, $0.offset) })
        func x(_ column: Int) -> Double { margin + boxPad + Double(column) * (boxW + gapX) }
        func y(_ row: FamilyDiagram.Row) -> Double { margin + labelH + boxPad + Double(rowIndex[row] ?? 0) * (boxH + gapY) }
        let width = x(diagram.columnCount) - gapX + boxPad + margin
        let height = y(diagram.rows.last ?? .children) + boxH + boxPad + margin

        let household = diagram.placements.filter(\.member.livesWithChild).filter { $0.member.role != nil }.map(\.member.name)
        let elsewhere = diagram.placements.filter { !$0.member.livesWithChild }.map(\.member.name)
        var description = household.isEmpty ? "\(childName) has nobody recorded as living with them."
            : "\(childName) lives with \(household.joined(separator: ", "))."
        if !elsewhere.isEmpty { description += " Also related, living elsewhere: \(elsewhere.joined(separator: ", "))." }

        var svg = "<svg class=\"chart chart--family\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-labelledby=\"family-title family-desc\">"
        svg += "<title id=\"family-title\">\(escape("Family diagram for \(childName)"))</title><desc id=\"family-desc\">\(escape(description))</desc>"

        // The household box first, so the people are drawn over it.
        let box = diagram.household
        let boxLeft = x(0) - boxPad, boxTop = y(box.rows.lowerBound) - boxPad - labelH
        let boxRight = x(box.columns - 1) + boxW + boxPad, boxBottom = y(box.rows.upperBound) + boxH + boxPad
        svg += String(format: "<rect x=\"%.0f\" y=\"%.0f\" width=\"%.0f\" height=\"%.0f\" rx=\"6\" fill=\"#f3f2f1\" stroke=\"#505a5f\" stroke-dasharray=\"6 4\"/>",
                      boxLeft, boxTop, boxRight - boxLeft, boxBottom - boxTop)
        svg += String(format: "<text x=\"%.0f\" y=\"%.0f\" font-size=\"12\" fill=\"#0b0c0c\">Lives with</text>", boxLeft + 8, boxTop + 14)

        guard let child = diagram.placements.first(where: { $0.member.role == nil }) else { return svg + "</svg>" }
        let childX = x(child.column) + boxW / 2, childY = y(child.row)
        for placement in diagram.placements where placement.member.role != nil {
            let cx = x(placement.column) + boxW / 2, top = y(placement.row)
            let (fromY, toY) = placement.row < child.row ? (top + boxH, childY) : placement.row > child.row ? (top, childY + boxH) : (top + boxH / 2, childY + boxH / 2)
            svg += String(format: "<line x1=\"%.0f\" y1=\"%.0f\" x2=\"%.0f\" y2=\"%.0f\" stroke=\"#505a5f\" stroke-width=\"1.5\"/>",
                          cx, fromY, childX, toY)
        }
        for placement in diagram.placements {
            let left = x(placement.column), top = y(placement.row)
            let isChild = placement.member.role == nil
            svg += String(format: "<rect x=\"%.0f\" y=\"%.0f\" width=\"%.0f\" height=\"%.0f\" rx=\"4\" fill=\"%@\" stroke=\"%@\" stroke-width=\"%@\"/>",
                          left, top, boxW, boxH, isChild ? "#d2e2f1" : "#ffffff", isChild ? "#1d70b8" : "#0b0c0c", isChild ? "3" : "1")
            svg += String(format: "<text x=\"%.0f\" y=\"%.0f\" font-size=\"13\" font-weight=\"bold\" fill=\"#0b0c0c\">", left + 8, top + 19)
                + escape(String(placement.member.name.prefix(20))) + "</text>"
            svg += String(format: "<text x=\"%.0f\" y=\"%.0f\" font-size=\"12\" fill=\"#505a5f\">", left + 8, top + 37)
                + escape(placement.member.role?.label ?? "This child") + "</text>"
        }
        return svg + "</svg>"
    }
}
