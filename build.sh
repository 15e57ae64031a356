#!/usr/bin/env bash
# The main job: set up (first run only installs), check and render every bundled regulation
# into build/.
set -euo pipefail
cd "$(dirname "$0")"
bash tools/setup.sh
.venv/bin/dlo check || echo "build: dlo check found errors (see above); rendering what is valid" >&2
.venv/bin/dlo render
