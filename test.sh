#!/usr/bin/env bash
# Runs the whole test suite (setting up first when needed).
set -euo pipefail
cd "$(dirname "$0")"
bash tools/setup.sh
exec .venv/bin/python -m pytest "$@"
