#!/usr/bin/env bash
# A local virtual environment with the independent readers and writers the format tests compare
# against: sdmx1 (SDMX-ML and SDMX-CSV), openpyxl (xlsx), pandas (PyPI only). Made once, reused.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=.build/test-venv
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import sdmx, openpyxl, pandas" 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q --disable-pip-version-check sdmx1 openpyxl pandas
fi
