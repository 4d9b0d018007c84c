#!/usr/bin/env python3
"""I1–I5 with DuckDB or polars, for side-by-side timing and agreement checks with Kerwen.

Usage: reference.py duckdb|polars DATA.csv POPULATION.csv OUTDIR
       reference.py duckdb|polars --ingest DATA.csv   (reads the CSV into memory only; prints the seconds
                                                      it took, without the interpreter's start and imports)
Writes I1.csv … I5.csv: key columns then value, sorted by the keys, values with repr (shortest round-trip).
"""
import csv
import os
import sys

QUERIES = {
    "I1": ("destination, sex, year",
           "SELECT destination, sex, year, sum(weight * (recruitment_cost_usd / monthly_income_usd * 100)) / sum(weight) AS value "
           "FROM m WHERE monthly_income_usd > 0 AND recruitment_cost_usd IS NOT NULL GROUP BY ALL"),
    "I2": ("destination, year",
           "SELECT destination, year, sum(remit_fee_usd) / sum(remit_amount_usd) * 100 AS value FROM m "
           "WHERE remit_amount_usd > 0 GROUP BY ALL"),
    "I3": ("origin_region, year",
           "SELECT origin_region, year, 100 * sum(CASE WHEN migratory_status = 'irregular' THEN weight ELSE 0 END) / sum(weight) AS value "
           "FROM m GROUP BY ALL"),
    "I4": ("origin_region, year",
           "SELECT g.origin_region, g.year, g.d / p.population * 100000 AS value FROM "
           "(SELECT origin_region, year, sum(weight * displaced_by_disaster) AS d FROM m GROUP BY ALL) g "
           "JOIN p ON g.origin_region = p.region AND g.year = p.year"),
    "I5": ("destination, age_group",
           "SELECT destination, age_group, quantile_cont(monthly_income_usd, 0.5) AS value FROM m "
           "WHERE monthly_income_usd IS NOT NULL GROUP BY ALL"),
}


def write(out, name, keys, rows):
    rows = sorted(rows, key=lambda r: tuple(r[:len(keys)]))
    with open(os.path.join(out, name + ".csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(keys + ["value"])
        for r in rows:
            w.writerow(list(r[:-1]) + [repr(float(r[-1]))])


def run_duckdb(data, pop, out):
    import duckdb
    con = duckdb.connect()
    con.execute("SET threads = 2")
    con.execute(f"CREATE TABLE m AS SELECT * FROM read_csv('{data}', header = true)")
    con.execute(f"CREATE TABLE p AS SELECT * FROM read_csv('{pop}', header = true)")
    for name, (keys, sql) in QUERIES.items():
        write(out, name, [k.strip() for k in keys.split(",")], con.execute(sql).fetchall())


def run_polars(data, pop, out):
    import polars as pl
    m = pl.read_csv(data)
    p = pl.read_csv(pop)
    i1 = (m.filter((pl.col("monthly_income_usd") > 0) & pl.col("recruitment_cost_usd").is_not_null())
          .with_columns(x=pl.col("recruitment_cost_usd") / pl.col("monthly_income_usd") * 100)
          .group_by("destination", "sex", "year")
          .agg(value=(pl.col("weight") * pl.col("x")).sum() / pl.col("weight").sum()))
    i2 = (m.filter(pl.col("remit_amount_usd") > 0).group_by("destination", "year")
          .agg(value=pl.col("remit_fee_usd").sum() / pl.col("remit_amount_usd").sum() * 100))
    i3 = (m.group_by("origin_region", "year")
          .agg(value=100 * pl.when(pl.col("migratory_status") == "irregular").then(pl.col("weight")).otherwise(0).sum()
               / pl.col("weight").sum()))
    i4 = (m.group_by("origin_region", "year").agg(d=(pl.col("weight") * pl.col("displaced_by_disaster")).sum())
          .join(p, left_on=["origin_region", "year"], right_on=["region", "year"])
          .with_columns(value=pl.col("d") / pl.col("population") * 100000).select("origin_region", "year", "value"))
    i5 = (m.filter(pl.col("monthly_income_usd").is_not_null()).group_by("destination", "age_group")
          .agg(value=pl.col("monthly_income_usd").median()))
    for name, df, keys in [("I1", i1, ["destination", "sex", "year"]), ("I2", i2, ["destination", "year"]),
                           ("I3", i3, ["origin_region", "year"]), ("I4", i4, ["origin_region", "year"]),
                           ("I5", i5, ["destination", "age_group"])]:
        write(out, name, keys, df.select(keys + ["value"]).rows())


def ingest(engine, data):
    """Seconds to read the whole CSV into the engine's memory (all columns, types inferred)."""
    import time
    if engine == "duckdb":
        import duckdb
        con = duckdb.connect()
        con.execute("SET threads = 2")
        start = time.perf_counter()
        con.execute(f"CREATE TABLE m AS SELECT * FROM read_csv('{data}', header = true)")
    else:
        import polars as pl
        start = time.perf_counter()
        m = pl.read_csv(data)
        assert m.height > 0
    return time.perf_counter() - start


if __name__ == "__main__":
    if sys.argv[2] == "--ingest":
        print(f"{ingest(sys.argv[1], sys.argv[3]):.4f}")
        sys.exit(0)
    engine, data, pop, out = sys.argv[1:5]
    os.makedirs(out, exist_ok=True)
    {"duckdb": run_duckdb, "polars": run_polars}[engine](data, pop, out)
