import FluentKit

/// Every migration, in order. The same list runs on SQLite and PostgreSQL; add to the end, never edit
/// a migration that has shipped.
public enum LanternMigrations {
    public static var all: [any Migration] {
        [
            CreateOrganisation(),
            CreateSessions(),
            CreateAuditTrail(),
            CreatePeople(),
            CreateFrontDoor(),
            CreateCasework(),
            CreateEarlyHelp(),
            AddSocialWorkerEpisodes(),
            AddSecurityControls(),
            AddFamilyRecords(),
            AddPersonMerges(),
            AddPersonAddresses(),
            CreateCaseAudits(),
            CreateWorkforce(),
            CreateComparisonFigures(),
            CreateCaseloadWeights(),
            AddChangeStamps(),
            CreateAdopterHouseholds(),
            AddLookupIndexes(),
            AddCaseRecordSpans(),
            AddCaseloadVersions(),
            AddCaseloadIndexes(),
        ]
    }
}
