import Foundation
import LanternCore

// The Children in Need census as the DfE's XML lays it out (Message > Header, Children > Child).
// Codes are the DfE's own strings (`CINCodes` lists the valid ones); the store maps its tables
// into these values and `CINCensusXML` / `CINCensusChecks` never look anywhere else.

public struct CINCensusInput: Sendable, Equatable {
    public var header: CINHeader
    public var children: [CINChild]

    public init(header: CINHeader, children: [CINChild]) {
        self.header = header
        self.children = children
    }
}

public struct CINHeader: Sendable, Equatable {
    /// The census year; its end is the ReferenceDate (31 March), so rule 100 holds by construction.
    public var collectionYear: CollectionYear
    /// The DfE's 3-digit LA number (Birmingham is 330): configuration in the app.
    public var laNumber: String
    public var softwareCode: String
    public var release: String
    /// At least three digits, e.g. "001"; a resubmission takes the next number.
    public var serialNumber: String
    public var generatedAt: LocalDateTime

    public init(collectionYear: CollectionYear, laNumber: String, softwareCode: String = "Lantern",
                release: String, serialNumber: String, generatedAt: LocalDateTime) {
        self.collectionYear = collectionYear
        self.laNumber = laNumber
        self.softwareCode = softwareCode
        self.release = release
        self.serialNumber = serialNumber
        self.generatedAt = generatedAt
    }
}

/// A wall-clock time in England with no zone offset, as the census header's xs:dateTime is written.
public struct LocalDateTime: Sendable, Equatable, Hashable {
    public var day: Day
    public var hour: Int
    public var minute: Int
    public var second: Int

    public init(day: Day, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
    }

    /// The London wall-clock time of `instant`.
    public init(_ instant: Date, timeZone: TimeZone = Day.london) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.hour, .minute, .second], from: instant)
        self.init(day: Day(instant, timeZone: timeZone), hour: c.hour ?? 0, minute: c.minute ?? 0, second: c.second ?? 0)
    }

    /// `YYYY-MM-DDTHH:MM:SS`.
    public var iso: String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
        return "\(day.iso)T\(two(hour)):\(two(minute)):\(two(second))"
    }
}

public struct CINChild: Sendable, Equatable {
    public var identifiers: CINChildIdentifiers
    public var characteristics: CINChildCharacteristics
    /// One per episode of need (CINdetails), oldest first.
    public var episodes: [CINDetails]

    public init(identifiers: CINChildIdentifiers, characteristics: CINChildCharacteristics, episodes: [CINDetails]) {
        self.identifiers = identifiers
        self.characteristics = characteristics
        self.episodes = episodes
    }

    public var laChildID: String { identifiers.laChildID }
}

public struct CINChildIdentifiers: Sendable, Equatable {
    /// At most 20 letters and digits (rules 1570, 1580).
    public var laChildID: String
    public var upn: String?
    public var formerUPN: String?
    /// UN1..UN7: why there is no UPN.
    public var upnUnknown: String?
    public var birthDate: Day?
    /// For an unborn child, in place of `birthDate`.
    public var expectedBirthDate: Day?
    /// M, F or U (U for an unborn child).
    public var sex: String
    public var deathDate: Day?

    public init(laChildID: String, upn: String? = nil, formerUPN: String? = nil, upnUnknown: String? = nil,
                birthDate: Day? = nil, expectedBirthDate: Day? = nil, sex: String, deathDate: Day? = nil) {
        self.laChildID = laChildID
        self.upn = upn
        self.formerUPN = formerUPN
        self.upnUnknown = upnUnknown
        self.birthDate = birthDate
        self.expectedBirthDate = expectedBirthDate
        self.sex = sex
        self.deathDate = deathDate
    }
}

public struct CINChildCharacteristics: Sendable, Equatable {
    public var ethnicity: String
    /// Disability codes; ["NONE"] for none recorded; empty leaves the Disabilities element out.
    public var disabilities: [String]

    public init(ethnicity: String, disabilities: [String] = []) {
        self.ethnicity = ethnicity
        self.disabilities = disabilities
    }
}

/// One episode of need: from referral to closure.
public struct CINDetails: Sendable, Equatable {
    public var referralDate: Day
    public var referralSource: String
    public var primaryNeedCode: String?
    public var closureDate: Day?
    public var reasonForClosure: String?
    /// An initial conference recorded against the episode rather than a section 47 enquiry (rule 2884: not both).
    public var initialCPCDate: Day?
    public var assessments: [CINAssessment]
    public var cinPlans: [CINPlanDates]
    public var section47Enquiries: [Section47]
    /// The referral led to no further action.
    public var referralNFA: Bool
    public var childProtectionPlans: [ChildProtectionPlan]

    public init(referralDate: Day, referralSource: String, primaryNeedCode: String? = nil, closureDate: Day? = nil,
                reasonForClosure: String? = nil, initialCPCDate: Day? = nil, assessments: [CINAssessment] = [],
                cinPlans: [CINPlanDates] = [], section47Enquiries: [Section47] = [], referralNFA: Bool = false,
                childProtectionPlans: [ChildProtectionPlan] = []) {
        self.referralDate = referralDate
        self.referralSource = referralSource
        self.primaryNeedCode = primaryNeedCode
        self.closureDate = closureDate
        self.reasonForClosure = reasonForClosure
        self.initialCPCDate = initialCPCDate
        self.assessments = assessments
        self.cinPlans = cinPlans
        self.section47Enquiries = section47Enquiries
        self.referralNFA = referralNFA
        self.childProtectionPlans = childProtectionPlans
    }
}

public struct CINAssessment: Sendable, Equatable {
    public var startDate: Day
    public var internalReviewDate: Day?
    /// The assessment is complete once authorised.
    public var authorisationDate: Day?
    /// Factors identified at assessment (codes such as "3B", "21"); recorded once authorised.
    public var factors: [String]

    public init(startDate: Day, internalReviewDate: Day? = nil, authorisationDate: Day? = nil, factors: [String] = []) {
        self.startDate = startDate
        self.internalReviewDate = internalReviewDate
        self.authorisationDate = authorisationDate
        self.factors = factors
    }
}

public struct CINPlanDates: Sendable, Equatable {
    public var startDate: Day
    public var endDate: Day?

    public init(startDate: Day, endDate: Day? = nil) {
        self.startDate = startDate
        self.endDate = endDate
    }
}

public struct Section47: Sendable, Equatable {
    public var startDate: Day
    public var initialCPCTarget: Day?
    public var initialCPCDate: Day?
    public var icpcNotRequired: Bool

    public init(startDate: Day, initialCPCTarget: Day? = nil, initialCPCDate: Day? = nil, icpcNotRequired: Bool = false) {
        self.startDate = startDate
        self.initialCPCTarget = initialCPCTarget
        self.initialCPCDate = initialCPCDate
        self.icpcNotRequired = icpcNotRequired
    }

    /// Finished: the conference was held, or it was decided none was needed.
    var isConcluded: Bool { initialCPCDate != nil || icpcNotRequired }
}

public struct ChildProtectionPlan: Sendable, Equatable {
    public var startDate: Day
    public var endDate: Day?
    public var initialCategoryOfAbuse: String
    public var latestCategoryOfAbuse: String
    public var numberOfPreviousPlans: Int
    public var reviewDates: [Day]

    public init(startDate: Day, endDate: Day? = nil, initialCategoryOfAbuse: String, latestCategoryOfAbuse: String,
                numberOfPreviousPlans: Int, reviewDates: [Day] = []) {
        self.startDate = startDate
        self.endDate = endDate
        self.initialCategoryOfAbuse = initialCategoryOfAbuse
        self.latestCategoryOfAbuse = latestCategoryOfAbuse
        self.numberOfPreviousPlans = numberOfPreviousPlans
        self.reviewDates = reviewDates
    }
}
