import Testing
@testable import LanternWeb

/// `lantern serve` finds its templates wherever it is started from.
@Suite struct ResourceRootTests {
    static let checkout = "/srv/lantern/"
    static func exists(_ path: String) -> Bool { path == checkout + ResourceRoot.marker }

    @Test func startedInItsCheckoutItUsesTheWorkingDirectory() {
        #expect(ResourceRoot.find(environment: [:], workingDirectory: "/srv/lantern", executablePath: "/usr/local/bin/lantern",
                                  exists: Self.exists) == Self.checkout)
    }

    @Test func startedElsewhereItUsesTheCheckoutItWasBuiltIn() {
        #expect(ResourceRoot.find(environment: [:], workingDirectory: "/tmp", executablePath: "/srv/lantern/.build/release/lantern",
                                  exists: Self.exists) == Self.checkout)
        // `.build/release` is a link to `.build/<triple>/release`, and the running executable's path is the real one.
        #expect(ResourceRoot.find(environment: [:], workingDirectory: "/tmp",
                                  executablePath: "/srv/lantern/.build/x86_64-unknown-linux-gnu/release/lantern", exists: Self.exists) == Self.checkout)
    }

    @Test func lanternRootComesFirst() {
        #expect(ResourceRoot.find(environment: ["LANTERN_ROOT": "/srv/lantern"], workingDirectory: "/tmp",
                                  executablePath: "/opt/lantern", exists: Self.exists) == Self.checkout)
    }

    @Test func nowhereToBeFoundIsNil() {
        #expect(ResourceRoot.find(environment: [:], workingDirectory: "/tmp", executablePath: "/opt/bin/lantern", exists: Self.exists) == nil)
    }
}
