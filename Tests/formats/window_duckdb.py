"""DuckDB's answer for Kerwen's window functions on the same file (the test's reference).

  window_duckdb.py SERIES.csv OUT.csv
Previous and next periods by a self-join on year ± 1 (a missing year gives NULL, as Kerwen's lag by
period must); the rest with DuckDB's window functions.
"""
import sys

import duckdb

source, target = sys.argv[1:3]
con = duckdb.connect()
con.execute(f"CREATE TABLE t AS SELECT * FROM read_csv('{source}', header=true)")
con.execute(f"""COPY (
  SELECT t.country, t.year, t.value,
         p.value AS prev, n.value AS nxt,
         t.value - p.value AS d,
         CASE WHEN p.value <> 0 THEN (t.value - p.value) / p.value END AS g,
         SUM(t.value) OVER (PARTITION BY t.country ORDER BY t.year ROWS UNBOUNDED PRECEDING) AS c,
         AVG(t.value) OVER (PARTITION BY t.country ORDER BY t.year RANGE BETWEEN 2 PRECEDING AND CURRENT ROW) AS m,
         CASE WHEN t.value IS NOT NULL THEN RANK() OVER (PARTITION BY t.country ORDER BY t.value DESC NULLS LAST) END AS r,
         CASE WHEN t.value IS NOT NULL THEN DENSE_RANK() OVER (PARTITION BY t.country ORDER BY t.value DESC NULLS LAST) END AS dr,
         ROW_NUMBER() OVER (PARTITION BY t.country ORDER BY t.year) AS rn,
         t.value / SUM(t.value) OVER (PARTITION BY t.country) AS sh
  FROM t LEFT JOIN t p ON p.country = t.country AND p.year = t.year - 1
         LEFT JOIN t n ON n.country = t.country AND n.year = t.year + 1
) TO '{target}' (HEADER, DELIMITER ',')""")
