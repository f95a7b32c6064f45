import FluentKit
import Foundation
import LanternCore

/// A published comparison figure (England or statistical neighbours) for one measure and year.
public final class ComparisonFigureModel: Model, @unchecked Sendable {
    public static let schema = "comparison_figures"

    @ID(key: .id) public var id: UUID?
    @Enum(key: "measure") public var measure: ComparisonMeasure
    @Enum(key: "comparison_group") public var group: ComparisonGroup
    @Field(key: "year") public var year: Int
    @Field(key: "percent") public var percent: Double

    public init() {}

    public init(id: UUID? = nil, figure: ComparisonFigure) {
        self.id = id
        self.measure = figure.measure
        self.group = figure.group
        self.year = figure.year
        self.percent = figure.percent
    }

    public var figure: ComparisonFigure { ComparisonFigure(measure: measure, group: group, year: year, percent: percent) }
}

// Each model lists its fields: otherwise Fluent finds them by reflection for every row it reads,
// which was a third of a page's time at city scale. ModelFieldListTests checks each list.
extension ComparisonFigureModel {
    public var properties: [any AnyProperty] { [_id, _measure, _group, _year, _percent] }
}
