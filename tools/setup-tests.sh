#!/usr/bin/env bash
# What the tests compare Kerwen's files against, installed when missing: sdmx1, openpyxl and pandas in
# .build/test-venv (PyPI), and LibreOffice Calc (Debian's libreoffice-calc-nogui) to open the
# workbooks Kerwen writes; Chromium and pdftotext for the charts and the report. A missing reader
# makes its tests fail in CI and skip elsewhere.
set -uo pipefail
cd "$(dirname "$0")/.."
bash tools/test-venv.sh || echo "setup-tests: the Python readers could not be installed" >&2
if ! command -v soffice >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "setup-tests: installing libreoffice-calc-nogui" >&2
  $SUDO apt-get update -qq >/dev/null 2>&1
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends libreoffice-calc-nogui >/dev/null 2>&1 \
    || echo "setup-tests: LibreOffice could not be installed; its test will be skipped" >&2
fi
# Headless Chromium renders the SVG charts and prints the HTML report to PDF; poppler's pdftotext
# reads the PDF back; DejaVu has the Cyrillic and Turkmen/Uzbek Latin letters the charts use.
if { ! command -v chromium >/dev/null 2>&1 || ! command -v pdftotext >/dev/null 2>&1; } && command -v apt-get >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "setup-tests: installing chromium and poppler-utils" >&2
  $SUDO apt-get update -qq >/dev/null 2>&1
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium poppler-utils fonts-dejavu-core >/dev/null 2>&1 \
    || echo "setup-tests: Chromium could not be installed; the rendering tests will be skipped" >&2
fi
exit 0
