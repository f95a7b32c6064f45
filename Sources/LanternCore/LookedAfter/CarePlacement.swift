/// Where a looked-after child lives: the four 903 columns that together say "this placement".
/// A change to any of them is a change of placement (903 rule 435).
public struct CarePlacement: Hashable, Sendable, Codable {
    /// `PLACE`, e.g. U4 (foster placement, other carer, long term).
    public var type: String
    /// `PLACE_PROVIDER` PR0..PR5; blank for T0-T3 and Z11-Z14.
    public var provider: String?
    /// `PL_POST`.
    public var postcode: String?
    /// `URN`: the Ofsted unique reference number of the home or agency.
    public var urn: String?

    public init(type: String, provider: String?, postcode: String?, urn: String? = nil) {
        self.type = type
        self.provider = provider
        self.postcode = postcode
        self.urn = urn
    }

    /// T0-T4: hospital, holiday, carer's holiday, seven days or less.
    public var isTemporary: Bool { WorkflowCodeSets.temporaryPlacementTypes.contains(type) }

    var summary: String { [type, postcode].compactMap { $0 }.joined(separator: " at ") }

    func validate() throws(WorkflowRefusal) {
        guard WorkflowCodeSets.placementTypes.contains(type) else {
            let retired = ["P2", "H5", "Z1"].contains(type) ? " \(type) is no longer a valid placement type." : ""
            throw .unknownCode(type, field: "placement type",
                               allowed: "a 903 placement type such as U4 (foster care), K2 (children's home) or P1 (placed with parents).\(retired)")
        }
        if WorkflowCodeSets.placementTypesWithoutProvider.contains(type) {
            guard provider == nil else {
                throw WorkflowRefusal(.providerNotExpected, "A \(type) placement has no placement provider. Leave the provider blank.")
            }
        } else {
            guard let provider else {
                throw .missing("the placement provider (PR0 to PR5)", "the 903 records who provides every \(type) placement")
            }
            guard WorkflowCodeSets.placementProviders.contains(provider) else {
                throw .unknownCode(provider, field: "placement provider", allowed: "PR0 to PR5")
            }
        }
    }
}

extension WorkflowRefusal.Code {
    public static let providerNotExpected = Self("lookedafter.provider-not-expected")
}
