import FluentKit
import LanternStore
import Testing

/// Every model lists its Fluent fields by hand (so that reading a row needs no reflection). A
/// field added to a model but not to its list would never be saved or read, so each list is
/// checked against what reflection finds, in the same order.
@Suite struct ModelFieldListTests {
    static let models: [any Model.Type] = [
        AdopterHouseholdModel.self, CaseAuditSectionModel.self, CaseAuditModel.self, CaseloadWeightsModel.self,
        ChildCaseModel.self, CaseNoteModel.self, DraftModel.self, DocumentModel.self, SupervisionModel.self,
        ComparisonFigureModel.self, ContactModel.self, ContactSubjectModel.self, NotSamePersonModel.self,
        EarlyHelpEpisodeModel.self, EarlyHelpChildModel.self, CouncilModel.self, LocalityModel.self, TeamModel.self,
        StaffUserModel.self, CalendarDayModel.self, PersonModel.self, AllocationModel.self, RelationshipModel.self,
        PersonAliasModel.self, PersonAddressModel.self, PersonMergeModel.self, UserSessionModel.self,
        RestrictedAccessModel.self, RetentionReviewModel.self, AuditEventModel.self, APITokenModel.self,
        BreakGlassModel.self, StaffEmploymentModel.self, TeamEstablishmentModel.self, SicknessAbsenceModel.self,
        ReferenceCounterModel.self,
    ]

    @Test(arguments: models.map { ModelCase(type: $0) })
    func eachListIsWhatReflectionFinds(_ model: ModelCase) {
        let instance = model.type.init()
        let listed = instance.properties.map { ObjectIdentifier($0 as AnyObject) }
        let reflected = Mirror(reflecting: instance).children.compactMap { $0.value as? any AnyProperty }
            .map { ObjectIdentifier($0 as AnyObject) }
        #expect(!reflected.isEmpty)
        #expect(listed == reflected, "\(model.type) lists \(listed.count) fields; reflection finds \(reflected.count)")
    }

    struct ModelCase: CustomTestStringConvertible, Sendable {
        let type: any Model.Type
        var testDescription: String { "\(type)" }
    }
}
