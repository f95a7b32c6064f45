/// What a practitioner records about a looked-after child. The 903 episode rows are derived
/// from these, never typed in.
public enum CareEvent: Hashable, Sendable, Codable {
    case startedToBeLookedAfter(StartOfCare)
    case placementChanged(PlacementChange)
    case legalStatusChanged(on: Day, legalStatus: String)
    /// `reason` is the 903 REC code (E11..E17).
    case ceasedToBeLookedAfter(on: Day, reason: String)
    case wentMissing(on: Day, kind: MissingEpisode.Kind)
    case returnedFromMissing(on: Day)
    /// For the child's most recent missing episode.
    case returnInterviewOffered(on: Day, accepted: Bool)

    public var date: Day {
        switch self {
        case .startedToBeLookedAfter(let start): start.date
        case .placementChanged(let change): change.date
        case .legalStatusChanged(let day, _), .ceasedToBeLookedAfter(let day, _), .wentMissing(let day, _),
             .returnedFromMissing(let day), .returnInterviewOffered(let day, _):
            day
        }
    }
}

/// The start of a period of care: the first row of it in the 903.
public struct StartOfCare: Hashable, Sendable, Codable {
    public var date: Day
    /// `LS`, e.g. C1 interim care order or V2 accommodated under section 20.
    public var legalStatus: String
    /// `CIN`: N1..N8, fixed for the whole period (903 rule 504).
    public var categoryOfNeed: String
    public var placement: CarePlacement
    /// `HOME_POST`: where the child lived before coming into care.
    public var homePostcode: String?

    public init(date: Day, legalStatus: String, categoryOfNeed: String, placement: CarePlacement, homePostcode: String?) {
        self.date = date
        self.legalStatus = legalStatus
        self.categoryOfNeed = categoryOfNeed
        self.placement = placement
        self.homePostcode = homePostcode
    }
}

/// A move to a new placement, or a change of type with the same carers.
public struct PlacementChange: Hashable, Sendable, Codable {
    public var date: Day
    public var placement: CarePlacement
    /// `REASON_PLACE_CHANGE` (CARPL, CLOSE, ALLEG, …): needed for a move between two ordinary
    /// placements, not for a move into or out of a temporary one.
    public var reason: String?
    /// The child stays with the same carers (e.g. short-term foster care becoming long term):
    /// the 903 codes that T (or B with a legal status change) instead of P (or U).
    public var sameCarers: Bool

    public init(date: Day, placement: CarePlacement, reason: String?, sameCarers: Bool = false) {
        self.date = date
        self.placement = placement
        self.reason = reason
        self.sameCarers = sameCarers
    }
}

/// A time the child was missing from placement, or away from it without authorisation.
public struct MissingEpisode: Hashable, Sendable, Codable {
    /// 903 `MISSING`.
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        case missing = "M"
        case awayWithoutAuthorisation = "A"
    }

    public var kind: Kind
    public var start: Day
    public var end: Day?
    public var returnInterview: ReturnInterview?

    public var isOpen: Bool { end == nil }

    /// Statutory guidance on children who run away or go missing (DfE, 2014): a return
    /// interview is offered after every missing episode; Annex A asks whether it was accepted.
    public struct ReturnInterview: Hashable, Sendable, Codable {
        public var offeredOn: Day
        public var accepted: Bool
    }
}
