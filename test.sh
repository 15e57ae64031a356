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
# discards what is deleted, that took 20 s and more, one file at a time. Only where it has 2 GB
# free: a container's /dev/shm is often 64 MB, which a run (~200 MB, three kept) would fill.
shm_free_kb=$(df -Pk /dev/shm 2>/dev/null | awk 'NR == 2 && $4 ~ /^[0-9]+$/ { print $4 }' || true)
if [ -z "${TMPDIR:-}" ] && [ -w /dev/shm ] && [ "${shm_free_kb:-0}" -ge 2000000 ]; then
  export TMPDIR="/dev/shm/dlo-tests-$(id -u)"
  mkdir -p -m 700 "$TMPDIR"
fi
exec env -u PYTHONDONTWRITEBYTECODE .venv/bin/python -m pytest -n auto --dist loadscope --no-loadscope-reorder "$@"
