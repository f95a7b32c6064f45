/// Re-referrals: a referral within 12 months of a previous referral for the same child, the
/// DfE's national measure (Characteristics of children in need; about 22% for England).
public enum ReReferral {
    /// Whether the referral on `referralDate` came within 12 calendar months of an earlier one.
    /// "Within 12 months" includes the same date a year on; referrals on the same day are the
    /// same referral, not a previous one.
    public static func isReReferral(_ referralDate: Day, previousReferrals: some Sequence<Day>) -> Bool {
        referralsInTwelveMonths(before: referralDate, among: previousReferrals) > 0
    }

    /// How many of `referrals` fell in the 12 months before `referralDate` (Annex A list 3,
    /// "Number of referrals in last 12 months"), not counting the referral itself. Counted
    /// forward from each earlier referral, so 28 Feb 2023 reaches 28 Feb 2024 but not 29 Feb.
    public static func referralsInTwelveMonths(before referralDate: Day, among referrals: some Sequence<Day>) -> Int {
        referrals.filter { $0 < referralDate && referralDate <= $0.adding(months: 12) }.count
    }
}
