#!/usr/bin/env bash
# Runs the whole test suite (setting up first when needed), spread over every core by pytest-xdist
# (-n auto; a later -n, e.g. `./test.sh -n 0`, overrides it). Arguments go to pytest. Each module
# runs on one worker (its fixtures made once), the slow modules first (tests/conftest.py).
# Compiled modules are cached even where PYTHONDONTWRITEBYTECODE is set: without the cache each
# worker compiles the package and rewrites the tests' asserts again, a few seconds every run.
set -euo pipefail
cd "$(dirname "$0")"
bash tools/setup.sh
# The tests' scratch folders in memory where there is a tmpfs (/dev/shm), unless TMPDIR is set:
# a run writes tens of thousands of files (projects, outputs, LibreOffice profiles) and pytest,
# keeping the last three runs' folders, deletes the oldest as the run ends; on a disk that
# discards what is deleted, that took 20 s and more, one file at a time.
if [ -z "${TMPDIR:-}" ] && [ -d /dev/shm ] && [ -w /dev/shm ]; then
  export TMPDIR="/dev/shm/dlo-tests-$(id -u)"
  mkdir -p -m 700 "$TMPDIR"
fi
exec env -u PYTHONDONTWRITEBYTECODE .venv/bin/python -m pytest -n auto --dist loadscope --no-loadscope-reorder "$@"
