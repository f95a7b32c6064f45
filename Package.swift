// swift-tools-version:6.0
import PackageDescription

// Dependencies point one way: Core <- Synthetic, Returns <- Store <- Web <- lantern.
// LanternCore and LanternReturns are pure Swift (Foundation only), so most tests build in seconds.
let package = Package(
    name: "Lantern",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "lantern", targets: ["lantern"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.3"),
        .package(url: "https://github.com/vapor/fluent-kit.git", from: "1.57.0"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/vapor/leaf.git", from: "4.5.2"),
    ],
    targets: [
        .target(name: "LanternCore"),
        .target(name: "LanternSynthetic", dependencies: ["LanternCore"]),
        .target(name: "LanternReturns", dependencies: ["LanternCore"]),
        .target(name: "LanternStore", dependencies: [
            "LanternCore",
            .product(name: "FluentKit", package: "fluent-kit"),
            .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
            .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
        ]),
        .target(name: "LanternWeb", dependencies: [
            "LanternCore", "LanternStore", "LanternReturns", "LanternSynthetic",
            .product(name: "Vapor", package: "vapor"),
            .product(name: "Fluent", package: "fluent"),
            .product(name: "Leaf", package: "leaf"),
        ]),
        .executableTarget(name: "lantern", dependencies: ["LanternWeb"]),
        .target(name: "LanternTestSupport", path: "Tests/LanternTestSupport"),
        .testTarget(name: "LanternCoreTests", dependencies: ["LanternCore", "LanternSynthetic"]),
        .testTarget(name: "LanternReturnsTests", dependencies: ["LanternReturns", "LanternCore", "LanternTestSupport"]),
        .testTarget(name: "LanternWebTests", dependencies: [
            "LanternWeb", "LanternStore", "LanternCore", "LanternReturns", "LanternTestSupport",
            .product(name: "VaporTesting", package: "vapor"),
        ]),
    ]
)
