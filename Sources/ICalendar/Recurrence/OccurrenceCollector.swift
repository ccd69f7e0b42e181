/// Collects occurrences in ascending order, counting towards COUNT and dropping EXDATEs.
struct OccurrenceCollector {
    let first: CivilDay
    let last: CivilDay
    let countLimit: Int?
    let excluded: Set<Int>
    private(set) var days: [CivilDay] = []
    private(set) var isDone = false
    private var produced = 0

    init(first: CivilDay, last: CivilDay, countLimit: Int?, excluded: Set<Int>) {
        self.first = first
        self.last = last
        self.countLimit = countLimit
        self.excluded = excluded
    }

    /// Takes `day` if it is a new occurrence; the first offer is DTSTART, later ones must come after it.
    mutating func offer(_ day: CivilDay) {
        guard !isDone else { return }
        guard day > first || (produced == 0 && day == first) else { return }
        guard day <= last else {
            isDone = true
            return
        }
        produced += 1
        if !excluded.contains(day.daysSinceEpoch) { days.append(day) }
        if let countLimit, produced >= countLimit { isDone = true }
    }
}
