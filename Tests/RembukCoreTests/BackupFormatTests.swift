import Foundation
import Testing
@testable import RembukCore

@Suite struct BackupFormatTests {
    let types: [BackupColumnType] = [.uuid, .time, .integer, .real, .text, .bytes, .text]

    @Test func everyKindOfCellSurvivesALine() throws {
        // given: awkward values of every kind
        let row: [BackupValue] = [.uuid(UUID()), .time(1_796_184_489_483_867), .integer(Int64.min), .real(0.1 + 0.2),
                                  .text("kutip \" garis\\miring\nbaris baru\u{0}\u{202E}مرحبا e\u{301}"), .bytes([0, 255, 10, 13]), .null]
        // when
        let line = BackupFormat.line(.row(row))
        let parsed = try BackupFormat.parse(Substring(line), types: types)
        // then
        #expect(!line.contains("\n"))
        #expect(parsed == .row(row))
    }

    @Test func numbersThatJSONCannotSpellAreKept() throws {
        // given
        let row: [BackupValue] = [.real(.infinity), .real(-.infinity), .real(-0.0), .real(1e-300), .integer(Int64.max)]
        let kinds: [BackupColumnType] = [.real, .real, .real, .real, .integer]
        // when
        let parsed = try BackupFormat.parse(Substring(BackupFormat.line(.row(row))), types: kinds)
        // then
        #expect(parsed == .row(row))
    }

    @Test func sectionMarksRoundTrip() throws {
        // given
        let lines: [BackupFormat.Line] = [
            .header(.init(created: "2026-12-02T04:00:00Z", engine: "sqlite", migrations: ["M001", "M002"])),
            .tableStart(.init(table: "accounts", columns: [.init(name: "id", type: .uuid)])),
            .tableEnd(.init(end: "accounts", rows: 7, checksum: String(repeating: "a", count: 64))),
            .trailer(.init(tables: 1, rows: 7)),
        ]
        // when / then
        for line in lines { #expect(try BackupFormat.parse(Substring(BackupFormat.line(line)), types: []) == line) }
    }

    @Test func aCutOrWrongLineIsRefused() {
        // given
        let row = BackupFormat.line(.row([.integer(1), .text("a")]))
        // when / then
        #expect(throws: BackupFormat.Malformed.self) { try BackupFormat.parse(Substring(row.dropLast(3)), types: [.integer, .text]) }
        #expect(throws: BackupFormat.Malformed.self) { try BackupFormat.parse(Substring(row), types: [.integer]) }
        #expect(throws: BackupFormat.Malformed.self) { try BackupFormat.parse("[\"x\"]", types: [.uuid]) }
        #expect(throws: BackupFormat.Malformed.self) { try BackupFormat.parse("{\"tabel\":1}", types: []) }
        #expect(throws: BackupFormat.Malformed.self) { try BackupFormat.parse("{\"table\":1}", types: []) }
    }

    @Test func timesAreWholeMicroseconds() {
        // given: a date with more precision than PostgreSQL keeps
        let date = Date(timeIntervalSince1970: 1_764_648_000.123_456_789)
        // when
        let value = BackupValue.time(date)
        // then
        #expect(value == .time(1_764_648_000_123_457))
        #expect(BackupValue.time(BackupValue.date(microseconds: 1_764_648_000_123_457)) == value)
    }
}

@Suite struct TableChecksumTests {
    @Test func theOrderOfRowsDoesNotMatter() {
        // given
        let rows: [[BackupValue]] = (0 ..< 50).map { [.integer(Int64($0)), .text("baris \($0)")] }
        var forward = TableChecksum(), backward = TableChecksum()
        // when
        rows.forEach { forward.add($0) }
        rows.reversed().forEach { backward.add($0) }
        // then
        #expect(forward == backward)
        #expect(forward.rows == 50)
        #expect(forward.hex.count == 64)
    }

    @Test func aMissingDuplicatedOrChangedRowChangesIt() {
        // given
        let rows: [[BackupValue]] = (0 ..< 5).map { [.integer(Int64($0)), .text("baris \($0)")] }
        func sum(_ rows: [[BackupValue]]) -> TableChecksum { var sum = TableChecksum(); rows.forEach { sum.add($0) }; return sum }
        let whole = sum(rows)
        // when / then
        #expect(sum(Array(rows.dropLast())) != whole)
        #expect(sum(rows + [rows[0]]).hex != sum(rows + [rows[1]]).hex)
        #expect(sum(rows.dropLast() + [[.integer(4), .text("baris 5")]]) != whole)
        // a text that looks like two cells is not two cells
        #expect(sum([[.text("ab"), .text("c")]]).hex != sum([[.text("a"), .text("bc")]]).hex)
        #expect(sum([[.null]]).hex != sum([[.text("")]]).hex)
        #expect(TableChecksum().hex == String(repeating: "0", count: 64))
    }
}

@Suite struct TableOrderTests {
    func reference(_ table: String, _ to: String) -> TableOrder.Reference {
        .init(table: table, column: to + "_id", referencedTable: to, referencedColumn: "id")
    }

    @Test func everyTableComesAfterTheTablesItRefersTo() throws {
        // given
        let references = [reference("usulan", "accounts"), reference("usulan_supports", "usulan"), reference("usulan_supports", "accounts"),
                          reference("comments", "comments"), reference("comments", "accounts")]
        // when
        let order = try TableOrder.dependencyOrder(tables: ["usulan_supports", "comments", "usulan", "accounts", "holidays"], references: references)
        // then
        #expect(order == ["accounts", "comments", "holidays", "usulan", "usulan_supports"])
    }

    @Test func aCycleIsReported() {
        // given / when / then
        #expect(throws: TableOrder.Cycle(tables: ["a", "b"])) {
            try TableOrder.dependencyOrder(tables: ["a", "b", "c"], references: [reference("a", "b"), reference("b", "a")])
        }
    }

    @Test func repliesComeAfterWhatTheyAnswer() {
        // given: (id, parent) with a reply listed before its comment, and a reply to a missing comment
        let rows: [(Int, Int?)] = [(3, 2), (1, nil), (2, 1), (4, 99), (5, 1)]
        // when
        let order = TableOrder.parentsFirst(rows, key: { $0.0 }, parent: { $0.1 }).map { rows[$0].0 }
        // then
        #expect(order.count == 5)
        #expect(order.firstIndex(of: 1)! < order.firstIndex(of: 2)!)
        #expect(order.firstIndex(of: 2)! < order.firstIndex(of: 3)!)
        #expect(order.firstIndex(of: 1)! < order.firstIndex(of: 5)!)
        #expect(Set(order) == [1, 2, 3, 4, 5])
    }

    @Test func rowsCaughtInACycleAreKept() {
        // given
        let rows: [(Int, Int?)] = [(1, 2), (2, 1), (3, nil)]
        // when
        let order = TableOrder.parentsFirst(rows, key: { $0.0 }, parent: { $0.1 })
        // then
        #expect(order == [2, 0, 1])
    }
}
