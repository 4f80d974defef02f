#!/bin/sh
# Set up a fresh machine for reportgen: a virtual environment in .venv with reportgen installed.
#   sh tools/setup.sh          what `reportgen build` needs (Python packages only)
#   sh tools/setup.sh --test   also the test tools: pytest & co., LibreOffice and poppler (apt, as root)
set -eu
cd "$(dirname "$0")/.."

python3 -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
if [ "${1:-}" = "--test" ]; then
    .venv/bin/python -m pip install --quiet -e '.[test]'
    missing=""
    command -v soffice >/dev/null 2>&1 || missing="$missing libreoffice-writer-nogui"
    [ -e /usr/lib/libreoffice/program/libsclo.so ] || missing="$missing libreoffice-calc-nogui"
    command -v pdftotext >/dev/null 2>&1 || missing="$missing poppler-utils"
    # the tests edit DOCX files in LibreOffice Writer through UNO, from the system's Python
    [ -e /usr/lib/python3/dist-packages/uno.py ] || missing="$missing python3-uno"
    [ -e /usr/share/fonts/truetype/liberation2 ] || missing="$missing fonts-liberation2"
    # `reportgen serve` is tested in a real browser: Chromium and its WebDriver, driven by Selenium
    command -v chromium >/dev/null 2>&1 || missing="$missing chromium"
    command -v chromedriver >/dev/null 2>&1 || missing="$missing chromium-driver"
    # WeasyPrint subsets fonts with HarfBuzz when it has this library, and will require it in future versions.
    /sbin/ldconfig -p 2>/dev/null | grep -q libharfbuzz-subset.so.0 || missing="$missing libharfbuzz-subset0"
    # cairosvg draws SVG images into PNGs for the DOCX with the cairo library.
    /sbin/ldconfig -p 2>/dev/null | grep -q libcairo.so.2 || missing="$missing libcairo2"
    # reviewers' PDF annotations are also made by pdf.js, Firefox's PDF viewer, run by Node
    command -v node >/dev/null 2>&1 || missing="$missing nodejs npm"
    if [ -n "$missing" ]; then
        sudo=""
        [ "$(id -u)" = 0 ] || sudo="sudo"
        $sudo apt-get update -qq
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $missing >/dev/null
    fi
    [ -d .venv/pdfjs/node_modules/pdfjs-dist ] || npm install --silent --prefix .venv/pdfjs --no-audit --no-fund \
        pdfjs-dist@4.10.38 >/dev/null
else
    .venv/bin/python -m pip install --quiet -e .
fi
