#!/usr/bin/env python3
"""`make bench`: Kerwen, DuckDB and polars side by side on the five reference indicators.

Generates the microdata (Benchmarks/gen_microdata.py, deterministic) at each size, runs every
engine several times (wall time and peak memory of the process, median), checks that all engines
agree on every cell of I1–I5 to 1e-9 relative, prints a table and writes Benchmarks/RESULTS.md.

  bench.py [--sizes 1000000,10000000] [--runs 3] [--check-only]
"""
import argparse
import os
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, ".build", "bench-data")
KERWEN = os.path.join(ROOT, ".build", "release", "kerwen")


def run(cmd):
    """Runs a command; returns (seconds, peak RSS in MB)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{proc.stderr.read().decode()}")
    return elapsed, usage.ru_maxrss / 1024


def ingest_seconds(engine, data):
    """Reading the CSV alone, timed inside each engine: DuckDB and polars around their read in Python
    (after the imports), Kerwen by `kerwen run --timer` around its `load` statement."""
    if engine == "kerwen":
        err = subprocess.run([KERWEN, "run", "--timer", os.path.join(ROOT, "Benchmarks", "ingest.kw"), "--param", f"data={data}"],
                             check=True, capture_output=True, text=True).stderr
        load = [line for line in err.splitlines() if line.startswith(os.path.join(ROOT, "Benchmarks", "ingest.kw") + ":6:")]
        return float(load[0].split("time:")[1].split()[0])
    out = subprocess.run([sys.executable, os.path.join(ROOT, "Benchmarks", "reference.py"), engine, "--ingest", data],
                         check=True, capture_output=True, text=True).stdout
    return float(out.strip())


def data_for(n):
    os.makedirs(DATA, exist_ok=True)
    path = os.path.join(DATA, f"microdata_{n}.csv")
    pop = os.path.join(DATA, "population.csv")
    gen = os.path.join(ROOT, "Benchmarks", "gen_microdata.py")
    if not os.path.exists(path):
        subprocess.check_call([sys.executable, gen, str(n), path + ".tmp"])
        os.rename(path + ".tmp", path)
    if not os.path.exists(pop):
        subprocess.check_call([sys.executable, gen, "--population", pop])
    return path, pop


def commands(engine, data, pop, out):
    if engine == "kerwen":
        return [KERWEN, "run", os.path.join(ROOT, "Benchmarks", "five_indicators.kw"),
                "--param", f"data={data}", "--param", f"population={pop}", "--param", f"out={out}"]
    return [sys.executable, os.path.join(ROOT, "Benchmarks", "reference.py"), engine, data, pop, out]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="1000000,10000000")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--check-only", action="store_true")
    args = ap.parse_args()
    sys.path.insert(0, os.path.join(ROOT, "Benchmarks"))
    import compare
    engines = ["kerwen", "duckdb", "polars"]
    rows = []
    for n in [int(s) for s in args.sizes.split(",")]:
        data, pop = data_for(n)
        mb = os.path.getsize(data) / 1e6
        results = {}
        for engine in engines:
            out = os.path.join(ROOT, ".build", "bench-out", f"{engine}_{n}")
            os.makedirs(out, exist_ok=True)
            runs = [run(commands(engine, data, pop, out)) for _ in range(1 if args.check_only else args.runs)]
            ingest = 0.0 if args.check_only else statistics.median(ingest_seconds(engine, data) for _ in range(args.runs))
            results[engine] = (statistics.median(r[0] for r in runs), max(r[1] for r in runs), ingest)
        for engine in ["kerwen", "polars"]:
            bad = compare.main(os.path.join(ROOT, ".build", "bench-out", f"{engine}_{n}"),
                               os.path.join(ROOT, ".build", "bench-out", f"duckdb_{n}"))
            if bad:
                sys.exit(f"{engine} disagrees with duckdb at {n} rows on {bad} cells")
        print(f"{n:,} rows ({mb:.0f} MB): all engines agree on I1–I5 to 1e-9")
        if args.check_only:
            continue
        k = results["kerwen"][0]
        for engine in engines:
            t, m, ing = results[engine]
            rows.append((f"{n:,}", engine, t, m, k / t, ing, mb / ing))
    if args.check_only:
        return
    lines = ["| rows | engine | I1–I5 wall s (median) | peak MB | Kerwen ÷ engine | ingest s | ingest MB/s |",
             "|---|---|---|---|---|---|---|"]
    for r in rows:
        lines.append(f"| {r[0]} | {r[1]} | {r[2]:.2f} | {r[3]:.0f} | {r[4]:.2f} | {r[5]:.2f} | {r[6]:.0f} |")
    table = "\n".join(lines)
    print(table)
    with open(os.path.join(ROOT, "Benchmarks", "RESULTS.md"), "w") as f:
        f.write("# Benchmark results\n\nMeasured by `make bench` on this project's 2-core machine, "
                f"{time.strftime('%Y-%m-%d')}, {args.runs} runs each (median wall time, peak RSS). "
                "Ingest: reading the CSV into memory alone, timed inside each engine (DuckDB and polars "
                "around their read in Python, Kerwen by `kerwen run --timer` around its `load`).\n\n" + table + "\n")


if __name__ == "__main__":
    main()
