"""`make bench` (its organisation part): rota over a folder of 500 teams of 8, in one process, against issue 17's targets.

Usage: python3 scripts/organisation_benchmark.py ROTA_BINARY  (stdlib only; run from the repository root)

Writes 500 team configs (the teams of Benchmarks/RotaBenchmarks/main.swift's organisation: 8 engineers, one
pipeline, some PTO, three major holidays, a 3-year feed window) into a temporary folder, then times, each the fastest
of RUNS runs, with the peak memory of that run (wait4's ru_maxrss):
  check      rota check --config DIR                      target <= 1 s
  export     rota export --config DIR --out OUT (fresh)   target <= 2 s and <= 500 MB
             (each run into a new empty folder, as a first export is; the folders are removed at the end)
  re-export  the same again, nothing changed              target <= 25% of a fresh export
Figures vary with the machine and its load; nothing here fails on them.
"""
import os
import shutil
import subprocess
import sys
import tempfile
import time

TEAMS = 500
RUNS = 3
AS_OF = "2026-12-01"


def team_yaml(seed):
    """One team of eight; like teamText in Benchmarks/RotaBenchmarks/main.swift, with a 3-year feed window."""
    lines = [f"team: Team {seed}", "engineers:"]
    for member in range(8):
        month = (seed + member) % 12 + 1
        lines.append(
            f"  - {{ id: e{member}, name: E{member}, email: t{seed}-e{member}@example.com, "
            f"pto: [{{ from: 2027-{month:02d}-03, to: 2027-{month:02d}-12 }}] }}"
        )
    order = ", ".join(f"e{(i + seed) % 8}" for i in range(8))
    lines += [
        "ownership: { primary: { min: 0, max: 8 }, secondary: { min: 0, max: 8 } }",
        "pipelines:",
        "  - { id: p, name: P, business_area: A, primary: e0, secondary: e1 }",
        f'rotation: {{ handoff: {{ time: "10:00" }}, time_zone: America/New_York, order: [{order}], start: 2026-01-05 }}',
        "holidays: { major: [thanksgiving, christmas, new-years-day] }",
        "feeds: { window: { past: 30d, future: 36m } }",
    ]
    return "\n".join(lines) + "\n"


def run(arguments):
    """Runs rota once; returns (seconds, peak MiB, exit status)."""
    start = time.monotonic()
    process = subprocess.Popen(arguments, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.monotonic() - start
    stderr = process.stderr.read().decode()
    process.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        sys.exit(f"{' '.join(arguments)} exited {code}:\n{stderr}")
    return elapsed, usage.ru_maxrss / 1024, code


def fastest(arguments, before=None, folder=None):
    """The fastest of RUNS runs; `folder` gives a last argument for each run (a new output folder)."""
    best = None
    for _ in range(RUNS):
        if before:
            before()
        figures = run(arguments + ([folder()] if folder else []))
        if best is None or figures[0] < best[0]:
            best = figures
    return best


def main():
    rota = sys.argv[1]
    with tempfile.TemporaryDirectory(prefix="rota-org-bench-") as scratch:
        teams = os.path.join(scratch, "teams")
        out = os.path.join(scratch, "out")
        os.mkdir(teams)
        for seed in range(TEAMS):
            with open(os.path.join(teams, f"team-{seed:03d}.yaml"), "w") as file:
                file.write(team_yaml(seed))

        check = fastest([rota, "check", "--config", teams, "--as-of", AS_OF])
        print(f"organisation, {TEAMS} teams of 8: check {check[0]:.2f} s, {check[1]:.0f} MiB (fastest of {RUNS}; target <= 1 s)")

        runs = iter(range(RUNS))
        fresh = fastest(
            [rota, "export", "--config", teams, "--as-of", AS_OF, "--quiet", "--out"],
            folder=lambda: os.path.join(scratch, f"fresh-{next(runs)}"),
        )
        for run in range(RUNS - 1):
            shutil.rmtree(os.path.join(scratch, f"fresh-{run}"))
        out = os.path.join(scratch, f"fresh-{RUNS - 1}")
        export = [rota, "export", "--config", teams, "--out", out, "--as-of", AS_OF, "--quiet"]
        size = sum(os.path.getsize(os.path.join(folder, name)) for folder, _, names in os.walk(out) for name in names)
        print(
            f"organisation, {TEAMS} teams x 3 years: export {fresh[0]:.2f} s, {fresh[1]:.0f} MiB peak, "
            f"{size / 1048576:.0f} MiB written (fastest of {RUNS}; target <= 2 s and <= 500 MB)"
        )
        again = fastest(export)
        print(
            f"organisation, {TEAMS} teams x 3 years: re-export with nothing changed {again[0]:.2f} s, {again[1]:.0f} MiB "
            f"peak = {100 * again[0] / fresh[0]:.0f}% of a fresh export (target <= 25%)"
        )


if __name__ == "__main__":
    main()
