import RotaModel

extension PlanState {
    // MARK: Pass 3: PTO

    /// Moves every engineer off the shifts their PTO touches, in time order: first by swapping with the
    /// nearest shift of an engineer who is free then (so counts stay even), else by handing the shift to
    /// someone available.
    mutating func resolvePTO() {
        for index in slots.indices where !slots[index].locked && slots[index].holiday == nil {
            let away = slots[index].engineer
            guard let pto = ptoRange(away, forShift: index) else { continue }
            let ptoText = "\(name(away)) is on PTO \(pto.span)"
            let partner = nearby(index).first { candidate in
                guard isMovable(candidate, forShiftAt: index) else { return false }
                let other = slots[candidate].engineer
                return other != away && isAvailable(other, forShift: index) && isAvailable(away, forShift: candidate)
            }
            if let partner {
                let other = slots[partner].engineer
                swap(index, partner)
                slots[index].kind = .swap
                slots[index].reasons = [
                    ShiftReason(
                        kind: .ptoSwap,
                        text: "swapped with \(name(away)) (shift of \(grid.handOffDate(partner))): \(ptoText)"
                    )
                ]
                slots[partner].kind = .swap
                slots[partner].reasons = [
                    ShiftReason(
                        kind: .ptoSwap,
                        text: "swapped with \(name(other)) (shift of \(grid.handOffDate(index))): \(ptoText)"
                    )
                ]
            } else if let cover = leastBusy(
                config.rotation.order.rotated(after: away).filter {
                    isAvailable($0, forShift: index)
                },
                around: index
            ) {
                slots[index].engineer = cover
                slots[index].kind = .swap
                slots[index].reasons = [
                    ShiftReason(kind: .ptoCover, text: "covers for \(name(away)): \(ptoText); no swap was possible")
                ]
            } else {
                slots[index].reasons.append(
                    ShiftReason(
                        kind: .everyoneAway,
                        text: "everyone is away; \(name(away)) stays on call: add an override"
                    )
                )
            }
        }
    }
}

extension PlanState {
    /// The candidate with the fewest shifts within the search radius of `index`; ties keep the
    /// candidates' order, so a long absence is spread over the team instead of falling on one engineer.
    func leastBusy(_ candidates: [EngineerID], around index: Int) -> EngineerID? {
        let radius = Self.searchRadius(config)
        let nearby = slots[max(0, index - radius)..<min(slots.count, index + radius + 1)]
        let load = Dictionary(grouping: nearby, by: \.engineer).mapValues(\.count)
        return candidates.enumerated().min {
            ((load[$0.element] ?? 0), $0.offset) < ((load[$1.element] ?? 0), $1.offset)
        }?
        .element
    }
}

extension Array where Element: Equatable {
    /// The elements after `element`, wrapping around, without `element` itself.
    func rotated(after element: Element) -> [Element] {
        guard let position = firstIndex(of: element) else { return self }
        return Array(self[(position + 1)...] + self[..<position])
    }
}
