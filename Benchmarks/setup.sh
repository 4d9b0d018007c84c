#!/usr/bin/env bash
# A local virtual environment with DuckDB, polars and numpy for the benchmark (PyPI only).
set -euo pipefail
cd "$(dirname "$0")/.."
venv=.build/bench-venv
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import duckdb, polars, numpy" 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q --disable-pip-version-check duckdb polars numpy
fi
