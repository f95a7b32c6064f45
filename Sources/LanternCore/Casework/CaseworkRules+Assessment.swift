/// Child and family assessments: start, see the child, hear the child, submit, authorise.
extension CaseworkRules {
    /// One open assessment per episode (census 8896), and a new one never starts before the
    /// last was authorised.
    static func startAssessment(on day: Day, in episode: inout EpisodeOfNeed) throws(WorkflowRefusal) {
        if let open = episode.openAssessment {
            throw WorkflowRefusal(.assessmentAlreadyOpen,
                                  "An assessment started on \(WorkflowDates.text(open.startDate)) is still open. It must be authorised before another assessment starts.")
        }
        if let lastAuthorised = episode.assessments.last?.authorisationDate {
            try WorkflowDates.notBefore(day, lastAuthorised, "the new assessment", "the last assessment's authorisation")
        }
        episode.assessments.append(.init(startDate: day))
    }

    static func recordWishesAndFeelings(on day: Day, in episode: inout EpisodeOfNeed) throws(WorkflowRefusal) {
        var assessment = try openAssessment(in: episode, toRecord: "the child's wishes and feelings")
        try WorkflowDates.notBefore(day, assessment.startDate, "the child's wishes and feelings", "the start of the assessment")
        assessment.wishesAndFeelingsRecordedOn = day
        episode.assessments[episode.assessments.count - 1] = assessment
    }

    static func submitAssessment(on day: Day, factors: [String], needsSupport: Bool,
                                 in episode: inout EpisodeOfNeed) throws(WorkflowRefusal) {
        var assessment = try openAssessment(in: episode, toRecord: "a submission")
        if let submission = assessment.submission {
            throw WorkflowRefusal(.assessmentAlreadySubmitted,
                                  "This assessment was already submitted for authorisation on \(WorkflowDates.text(submission.submittedOn)). A manager can authorise it or return it.")
        }
        try WorkflowDates.notBefore(day, assessment.startDate, "the submission", "the start of the assessment")
        if let lastReturn = assessment.returns.last {
            try WorkflowDates.notBefore(day, lastReturn.returnedOn, "the submission", "the manager's return of the assessment")
        }
        try checkFactors(factors, needsSupport: needsSupport)
        assessment.submission = .init(submittedOn: day, factors: factors, needsSupport: needsSupport)
        episode.assessments[episode.assessments.count - 1] = assessment
    }

    static func returnAssessment(on day: Day, reason: String, in episode: inout EpisodeOfNeed,
                                 by actor: WorkflowActor) throws(WorkflowRefusal) {
        try actor.require(.manager, to: "return an assessment")
        var assessment = try openAssessment(in: episode, toRecord: "a return")
        let submission = try submitted(assessment)
        try WorkflowDates.notBefore(day, submission.submittedOn, "returning the assessment", "its submission")
        guard !reason.hasNoText else {
            throw .missing("a reason", "say what the social worker needs to do before submitting the assessment again")
        }
        assessment.submission = nil
        assessment.returns.append(.init(returnedOn: day, returnedBy: actor.id, reason: reason))
        episode.assessments[episode.assessments.count - 1] = assessment
    }

    /// A manager authorises only a submitted assessment in which the child was seen and their
    /// wishes and feelings recorded (Working Together 2023: the child is seen and their views
    /// heard). The census measures the 45 working days from referral to this date.
    static func authoriseAssessment(on day: Day, primaryNeed: String?, in episode: inout EpisodeOfNeed,
                                    by actor: WorkflowActor) throws(WorkflowRefusal) {
        try actor.require(.manager, to: "authorise an assessment")
        var assessment = try openAssessment(in: episode, toRecord: "an authorisation")
        let submission = try submitted(assessment)
        try WorkflowDates.notBefore(day, submission.submittedOn, "the authorisation", "the submission")
        guard episode.childSeen.contains(where: { (assessment.startDate...day).contains($0.date) }) else {
            throw WorkflowRefusal(.childNotSeen,
                                  "The child has not been seen since the assessment started on \(WorkflowDates.text(assessment.startDate)). Record a visit where the child was seen before authorising it.")
        }
        guard let heard = assessment.wishesAndFeelingsRecordedOn, heard <= day else {
            throw WorkflowRefusal(.wishesAndFeelingsMissing,
                                  "The child's wishes and feelings have not been recorded for this assessment. Record them before authorising it.")
        }
        if let primaryNeed { try checkPrimaryNeed(primaryNeed) }
        // Census 8610: a referral that led to further action must say what the child's main need is.
        if submission.needsSupport, (primaryNeed ?? episode.primaryNeed) == nil {
            throw .missing("the child's primary need (N0 to N9)", "the assessment found that the child needs support")
        }
        assessment.authorisation = .init(authorisedOn: day, authorisedBy: actor.id)
        episode.assessments[episode.assessments.count - 1] = assessment
        if let primaryNeed { episode.primaryNeed = primaryNeed }
    }

    /// Census rules on factors identified at assessment: known codes (the obsolete 18A and 19A
    /// are not accepted), no duplicates (8898), "21 no factors identified" only on its own (8869)
    /// and only when no further action follows. An empty list would draw query 8897Q, so "21"
    /// is how a practitioner says "none".
    static func checkFactors(_ factors: [String], needsSupport: Bool) throws(WorkflowRefusal) {
        guard !factors.isEmpty else {
            throw .missing("at least one factor identified at assessment", "use 21 (no factors identified) if there were none")
        }
        if let unknown = factors.first(where: { !WorkflowCodeSets.assessmentFactors.contains($0) }) {
            let hint = unknown == "18A" || unknown == "19A"
                ? "\(unknown) is no longer used: choose \(unknown.prefix(2))B (by another child) or \(unknown.prefix(2))C (by an adult)"
                : "a factor code from the CIN census list, such as 1B, 3A or 16A"
            throw .unknownCode(unknown, field: "factor identified at assessment", allowed: hint)
        }
        var seen = Set<String>()
        if let repeated = factors.first(where: { !seen.insert($0).inserted }) {
            throw WorkflowRefusal(.invalidFactors, "Factor \(repeated) is listed more than once. Record each factor once.")
        }
        if factors.contains(WorkflowCodeSets.noFactorsIdentified) {
            guard factors.count == 1 else {
                throw WorkflowRefusal(.invalidFactors,
                                      "Factor 21 (no factors identified) cannot be combined with other factors. Remove 21, or remove the others.")
            }
            guard !needsSupport else {
                throw WorkflowRefusal(.invalidFactors,
                                      "Factor 21 (no factors identified) can only be used when the assessment finds no further action is needed. Record the factors that led to support.")
            }
        }
    }

    private static func openAssessment(in episode: EpisodeOfNeed, toRecord what: String) throws(WorkflowRefusal) -> EpisodeOfNeed.Assessment {
        guard let open = episode.openAssessment else {
            throw WorkflowRefusal(.noOpenAssessment, "There is no open assessment to record \(what) against. Start an assessment first.")
        }
        return open
    }

    private static func submitted(_ assessment: EpisodeOfNeed.Assessment) throws(WorkflowRefusal) -> EpisodeOfNeed.Assessment.Submission {
        guard let submission = assessment.submission else {
            throw WorkflowRefusal(.assessmentNotSubmitted,
                                  "The assessment has not been submitted. The social worker submits it, with the factors identified, before a manager reviews it.")
        }
        return submission
    }
}

extension WorkflowRefusal.Code {
    public static let assessmentAlreadyOpen = Self("casework.assessment-already-open")
    public static let noOpenAssessment = Self("casework.no-open-assessment")
    public static let assessmentAlreadySubmitted = Self("casework.assessment-already-submitted")
    public static let assessmentNotSubmitted = Self("casework.assessment-not-submitted")
    public static let childNotSeen = Self("casework.child-not-seen")
    public static let wishesAndFeelingsMissing = Self("casework.wishes-and-feelings-missing")
    public static let invalidFactors = Self("casework.invalid-factors")
}
