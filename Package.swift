// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "rembuk",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "rembuk", targets: ["rembuk"]),
        .executable(name: "rembuk-bench", targets: ["RembukBench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.3"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/JohnSundell/Plot.git", from: "0.14.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
    ],
    targets: [
        .target(
            name: "RembukCore",
            dependencies: [
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.copy("Resources/wilayah.csv"), .copy("Resources/penduduk.csv")]
        ),
        .target(
            name: "RembukApp",
            dependencies: [
                "RembukCore",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "Plot", package: "Plot"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            resources: [.copy("Public")]
        ),
        .executableTarget(
            name: "rembuk",
            dependencies: ["RembukApp"]
        ),
        .executableTarget(
            name: "RembukBench",
            dependencies: ["RembukCore"],
            path: "bench/RembukBench"
        ),
        .testTarget(
            name: "RembukCoreTests",
            dependencies: ["RembukCore"]
        ),
        .testTarget(
            name: "RembukAppTests",
            dependencies: [
                "RembukApp",
                .product(name: "VaporTesting", package: "vapor"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
