// Benchmarks of Rembuk's domain code. Run in release mode:
//   swift run -c release rembuk-bench            (every benchmark)
//   swift run -c release rembuk-bench allocation
// Results go to docs/PERFORMANCE.md with the date and the machine.
import Foundation
import RembukCore

func seconds(_ body: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func peakResidentMegabytes() -> Double {
    var usage = rusage()
    #if os(Linux)
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024   // kilobytes on Linux
    #else
    getrusage(RUSAGE_SELF, &usage)
    return Double(usage.ru_maxrss) / 1024 / 1024   // bytes on macOS
    #endif
}

/// 100 000 usulan over 17 kecamatan, three scorers each, per-kecamatan pagu with two agency ceilings:
/// rank and allocate every kecamatan, five times; report each run and the median.
func allocationBenchmark() {
    var random = SplitMix64(state: 42)
    let agencies = ["dinas-pupr", "disperkim", "dinkes", "disdik", "dlh", "distan", "dishub", "dpmd"]
    let kecamatan = 17
    let perKecamatan = 100_000 / kecamatan + 1
    let forums: [[RankedItem]] = (0..<kecamatan).map { k in
        (0..<perKecamatan).map { i in
            RankedItem(id: "k\(k)-u\(i)", score: .of((0..<3).map { _ in Int.random(in: 10_000...50_000, using: &random) }),
                       supports: Int.random(in: 0...40, using: &random), submittedAt: Int64.random(in: 0...5_000_000, using: &random),
                       cost: Int64.random(in: 5...500, using: &random) * 1_000_000, agency: agencies.randomElement(using: &random)!)
        }
    }
    let pagu = try! Pagu.make(total: 25_000_000_000, perAgency: ["dinkes": 2_000_000_000, "disdik": 3_000_000_000]).get()
    var times: [Double] = []
    var agreed = 0
    for _ in 0..<5 {
        times.append(seconds {
            agreed = forums.reduce(0) { $0 + Allocation.allocate($1, within: pagu).agreed.count }
        })
    }
    let total = forums.reduce(0) { $0 + $1.count }
    print(String(format: "allocation: %d usulan in %d kecamatan, %d agreed; runs %@ s; median %.3f s; peak RSS %.0f MB",
                 total, kecamatan, agreed, times.map { String(format: "%.3f", $0) }.joined(separator: " "),
                 times.sorted()[times.count / 2], peakResidentMegabytes()))
}

let benchmarks: [String: () -> Void] = ["allocation": allocationBenchmark]
let chosen = CommandLine.arguments.dropFirst()
for name in chosen.isEmpty ? Array(benchmarks.keys).sorted() : Array(chosen) {
    guard let run = benchmarks[name] else {
        FileHandle.standardError.write(Data("unknown benchmark \(name); known: \(benchmarks.keys.sorted().joined(separator: ", "))\n".utf8))
        exit(2)
    }
    run()
}
