"""DuckDB's PIVOT and UNPIVOT on the same table as Kerwen's pivot wider / pivot longer (the test's reference).

  pivot_duckdb.py wider LONG.csv OUT.csv     PIVOT long ON sex USING first(value) GROUP BY region, year, age
  pivot_duckdb.py longer WIDE.csv OUT.csv    wide UNPIVOT INCLUDE NULLS (value FOR sex IN every column but region, year, age)
"""
import sys

import duckdb

command, source, target = sys.argv[1:4]
con = duckdb.connect()
con.execute(f"CREATE TABLE t AS SELECT * FROM read_csv('{source}', header=true, all_varchar=false)")
if command == "wider":
    query = "PIVOT t ON sex USING first(value) GROUP BY region, year, age"
else:
    cols = [r[0] for r in con.execute("DESCRIBE t").fetchall() if r[0] not in ("region", "year", "age")]
    query = "SELECT * FROM t UNPIVOT INCLUDE NULLS (value FOR sex IN (" + ", ".join('"%s"' % c for c in cols) + "))"
con.execute(f"COPY ({query}) TO '{target}' (HEADER, DELIMITER ',')")
