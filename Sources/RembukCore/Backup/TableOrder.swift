/// The order in which tables can be filled without breaking a foreign key: every table after the tables it refers
/// to. Ties are broken by name, so the order is the same on every run and every engine.
public enum TableOrder {
    public struct Reference: Sendable, Hashable {
        public let table: String
        public let column: String
        public let referencedTable: String
        public let referencedColumn: String

        public init(table: String, column: String, referencedTable: String, referencedColumn: String) {
            self.table = table
            self.column = column
            self.referencedTable = referencedTable
            self.referencedColumn = referencedColumn
        }
    }

    public struct Cycle: Error, Sendable, Equatable, CustomStringConvertible {
        public let tables: [String]
        public var description: String { "foreign keys form a cycle between \(tables.joined(separator: ", "))" }
    }

    /// `tables` ordered so each comes after every other table it references (a table referring to itself is
    /// allowed: its rows are ordered by `parentsFirst`).
    public static func dependencyOrder(tables: [String], references: [Reference]) throws -> [String] {
        let known = Set(tables)
        var needs: [String: Set<String>] = [:]
        for table in tables { needs[table] = [] }
        for reference in references where reference.table != reference.referencedTable
            && known.contains(reference.table) && known.contains(reference.referencedTable) {
            needs[reference.table, default: []].insert(reference.referencedTable)
        }
        var ordered: [String] = []
        var placed: Set<String> = []
        while ordered.count < tables.count {
            let ready = needs.keys.filter { !placed.contains($0) && needs[$0, default: []].isSubset(of: placed) }.sorted()
            guard let next = ready.first else {
                throw Cycle(tables: needs.keys.filter { !placed.contains($0) }.sorted())
            }
            ordered.append(next)
            placed.insert(next)
        }
        return ordered
    }

    /// Indices of `rows` ordered so a row comes after the row its parent key points at (rows whose parent is absent
    /// or unknown come first, in their original order). `key` and `parent` read a row's own key and its parent's.
    public static func parentsFirst<Row, Key: Hashable>(_ rows: [Row], key: (Row) -> Key?, parent: (Row) -> Key?) -> [Int] {
        var indexOfKey: [Key: Int] = [:]
        for (index, row) in rows.enumerated() { if let id = key(row) { indexOfKey[id] = index } }
        var children: [Int: [Int]] = [:]
        var roots: [Int] = []
        for (index, row) in rows.enumerated() {
            if let up = parent(row), let parentIndex = indexOfKey[up], parentIndex != index {
                children[parentIndex, default: []].append(index)
            } else {
                roots.append(index)
            }
        }
        var ordered: [Int] = []
        ordered.reserveCapacity(rows.count)
        var queue = roots
        var head = 0
        while head < queue.count {
            let index = queue[head]
            head += 1
            ordered.append(index)
            queue.append(contentsOf: children[index] ?? [])
        }
        // Rows caught in a parent cycle are unreachable from a root; they keep their place at the end.
        if ordered.count < rows.count {
            let seen = Set(ordered)
            ordered.append(contentsOf: rows.indices.filter { !seen.contains($0) })
        }
        return ordered
    }
}
