import Fluent
import Foundation
import RembukCore

/// One year's planning cycle (for the budget year `year`), with the dates of its phases.
public final class PlanningCycle: Model, @unchecked Sendable {
    public static let schema = "planning_cycles"

    @ID(key: .id) public var id: UUID?
    @Field(key: "year") public var year: Int
    @OptionalField(key: "settings") public var settingsJSON: String?
    @Children(for: \.$cycle) public var phases: [CyclePhase]
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}
}

/// The dates of one phase of a cycle; days are stored as ISO text (`2026-01-02`), which sorts as dates.
public final class CyclePhase: Model, @unchecked Sendable {
    public static let schema = "cycle_phases"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "cycle_id") public var cycle: PlanningCycle
    @Field(key: "phase") public var phase: String
    @Field(key: "starts_on") public var startsOn: String
    @Field(key: "ends_on") public var endsOn: String

    public init() {}

    var range: DayRange? {
        guard let start = LocalDate(iso: startsOn), let end = LocalDate(iso: endsOn) else { return nil }
        return DayRange(start: start, end: end)
    }
}

extension PlanningCycle {
    /// The schedule of a cycle whose phases are loaded.
    var schedule: PlanningSchedule? {
        var ranges: [PlanningPhase: DayRange] = [:]
        for phase in $phases.value ?? [] {
            if let kind = PlanningPhase(rawValue: phase.phase), let range = phase.range { ranges[kind] = range }
        }
        return try? PlanningSchedule.make(year: year, phases: ranges).get()
    }

    /// The cycle whose phase `phase` runs on `day`, if any.
    static func open(_ phase: PlanningPhase, on day: LocalDate, db: any Database) async throws -> PlanningCycle? {
        let cycles = try await PlanningCycle.query(on: db).filter(\.$year ~~ [day.year + 1, day.year]).with(\.$phases).all()
        return cycles.first { $0.schedule?.isOpen(phase, on: day) == true }
    }
}
