import Foundation

/// Runs one command's work for every team of a folder, a few teams at a time, and hands back each team's result in
/// the folder's order.
///
/// Teams are independent: one team's failure is its result and does not stop the others. The width defaults to the
/// machine's cores, so a folder of 500 teams uses them all while the output stays in file-name order.
enum TeamRunner {
    static func run<Output: Sendable>(
        _ teams: [TeamFolder.Team],
        width: Int = ProcessInfo.processInfo.activeProcessorCount,
        _ body: @escaping @Sendable (TeamFolder.Team) async throws -> Output
    ) async -> [Result<Output, CommandFailure>] {
        var results = [Result<Output, CommandFailure>?](repeating: nil, count: teams.count)
        await withTaskGroup(of: (Int, Result<Output, CommandFailure>).self) { group in
            var next = 0
            func start() {
                guard next < teams.count else { return }
                let index = next
                next += 1
                group.addTask {
                    do {
                        return (index, .success(try await body(teams[index])))
                    } catch let failure as CommandFailure {
                        return (index, .failure(failure))
                    } catch {
                        return (index, .failure(CommandFailure(unexpected: error, at: teams[index].configPath)))
                    }
                }
            }
            for _ in 0..<max(1, width) { start() }
            for await (index, result) in group {
                results[index] = result
                start()
            }
        }
        return results.compactMap { $0 }
    }
}

extension CommandFailure {
    /// An error no command turned into a `CommandFailure` (a bug, or a library error), still named by its team.
    init(unexpected error: any Error, at location: String) {
        self.init(
            message: String(describing: error),
            hint: "the other teams went on; run rota on this team alone (--config \(location)) for more detail",
            at: location
        )
    }
}
