"""The long fuzz run: python -m tests.fuzz --seconds 600 [--seed N] [--out DIR] [--no-big].

Rounds of mutated real workbooks (every 20th also through the CLI in Vietnamese and English) and of
hypothesis-generated CSVs, until the time budget is spent; the big sheets once at the start. Every failing input
is saved to --out with a note saying how it was made. Exit 1 if anything failed.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

from hypothesis import HealthCheck, given, seed, settings

from tests.fuzz import big
from tests.fuzz.csvgen import csv_tables
from tests.fuzz.harness import Harness, Outcome, make_template, run_cli
from tests.fuzz.hostile import HOSTILE, random_hostile, suffix
from tests.fuzz.mutate import Case, mutated_case

REPO = Path(__file__).resolve().parent.parent.parent


def save(outcome: Outcome, out: Path) -> None:
    """The failing input and a note on how it was made."""
    out.mkdir(parents=True, exist_ok=True)
    (out / outcome.case.name).write_bytes(outcome.case.data)
    (out / f"{outcome.case.name}.txt").write_text(str(outcome), encoding="utf-8")


def csv_round(harness: Harness, round_seed: int, examples: int = 50) -> list[Outcome]:
    """One round of hypothesis-generated CSVs; a failure is shrunk by hypothesis and comes last."""
    generated: list[Outcome] = []

    @seed(round_seed)
    @settings(max_examples=examples, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(csv_tables())
    def generated_csv(case: Case) -> None:
        outcome = harness.run(case)
        generated.append(outcome)
        assert not outcome.failed, str(outcome)

    try:
        generated_csv()
    except AssertionError:
        pass  # hypothesis has shrunk it; the last failing outcome is the minimal one
    except Exception as e:  # noqa: BLE001 - hypothesis' own errors (e.g. flaky) are reported, not fatal
        print(f"hypothesis stopped: {type(e).__name__}: {e}", flush=True)
    return generated


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m tests.fuzz", description=__doc__.splitlines()[0])
    p.add_argument("--seconds", type=float, default=600, help="time budget (default 600)")
    p.add_argument("--seed", type=int, default=None, help="seed of the mutations (default: from the clock)")
    p.add_argument("--bound", type=float, default=120, help="seconds one input may take before it counts as a hang")
    p.add_argument("--out", default=str(REPO / "test-output" / "fuzz"), help="where failing inputs are saved")
    p.add_argument("--no-big", action="store_true", help="skip the 1,000,000-row and 16,384-column inputs")
    args = p.parse_args(argv)
    run_seed = args.seed if args.seed is not None else int(time.time())
    out = Path(args.out)
    start = time.perf_counter()
    work = Path(tempfile.mkdtemp(prefix="reformdash-fuzz-"))
    template = make_template(work)
    failures: list[Outcome] = []
    counts = {"accepted": 0, "rejected": 0}
    cases = cli_cases = 0
    print(f"fuzz: seed {run_seed}, budget {args.seconds:.0f} s, bound {args.bound:.0f} s a case", flush=True)

    def fresh() -> Harness:
        db = work / f"run-{time.monotonic_ns()}.duckdb"
        shutil.copyfile(template, db)
        return Harness(db, bound=args.bound)

    def record(outcome: Outcome) -> None:
        counts[outcome.verdict] = counts.get(outcome.verdict, 0) + 1
        if outcome.failed:
            failures.append(outcome)
            save(outcome, out)
            print(f"FAIL {outcome}", flush=True)

    def cli(path: Path, options: dict, case: Case) -> None:
        nonlocal cli_cases
        for lang in ("vi", "en"):
            db = work / f"cli-{lang}.duckdb"
            shutil.copyfile(template, db)
            verdict, detail, seconds = run_cli(path, db, options, args.bound, lang)
            cli_cases += 1
            record(Outcome(case, verdict, seconds, f"CLI {lang}: {detail}"))

    def hostile(name: str, data: bytes, how: str) -> None:
        """A far-reaching or expanding file: only a refusal will do (an abort kills the CLI, not this run)."""
        nonlocal cli_cases
        path = work / name
        path.write_bytes(data)
        db = work / "hostile.duckdb"
        shutil.copyfile(template, db)
        verdict, detail, seconds = run_cli(path, db, {}, args.bound)
        cli_cases += 1
        outcome = Outcome(Case(name, data, {}, how), verdict, seconds, f"CLI: {detail}")
        if verdict == "accepted":
            outcome = Outcome(outcome.case, "crash", seconds, f"a hostile file was accepted: {detail}")
        record(outcome)
        path.unlink()

    if not args.no_big:
        for name, make in big.BIG.items():
            path = make()
            case = Case(path.name, b"", {}, f"big input {name}")
            cli(path, {}, case)
            print(f"big {name}: done", flush=True)
    for name, make in HOSTILE.items():
        hostile(f"pci_2019_{name}{suffix(name)}", make(), f"hostile file {name}")
    print(f"{len(HOSTILE)} hostile files: done", flush=True)

    harness = fresh()
    rng = random.Random(run_seed)
    round_no = 0
    while time.perf_counter() - start < args.seconds:
        for _ in range(50):
            if time.perf_counter() - start >= args.seconds:
                break
            case = mutated_case(rng, cases)
            cases += 1
            outcome = harness.run(case)
            record(outcome)
            if outcome.verdict == "hang":
                harness = fresh()  # the stuck thread keeps the old store
            if cases % 20 == 0:
                path = work / case.name
                path.write_bytes(case.data)
                cli(path, case.options, case)
                path.unlink()
                hostile(*random_hostile(rng))
        if time.perf_counter() - start >= args.seconds:
            break
        generated = csv_round(harness, run_seed + round_no)
        cases += len(generated)
        for outcome in generated:
            counts[outcome.verdict] = counts.get(outcome.verdict, 0) + 1
        failed = [o for o in generated if o.failed]
        if failed:
            record(failed[-1])
            counts[failed[-1].verdict] -= 1
            if any(o.verdict == "hang" for o in failed):
                harness = fresh()
        round_no += 1
        print(f"{time.perf_counter() - start:6.0f} s: {cases} inputs, {cli_cases} CLI runs, {counts}", flush=True)
    harness.close()
    seconds = time.perf_counter() - start
    print(f"fuzz: {cases} inputs in process and {cli_cases} CLI runs in {seconds:.0f} s (seed {run_seed}): "
          f"{counts.get('accepted', 0)} accepted, {counts.get('rejected', 0)} rejected, {len(failures)} failed")
    if failures:
        print(f"failing inputs saved in {out}")
    shutil.rmtree(work, ignore_errors=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
