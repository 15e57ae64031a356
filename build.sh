#!/usr/bin/env bash
# The main job: set up (the first run installs), check every bundled regulation, render each
# into build/ (DOCX, HTML and PDF/A), and build the intranet site of the editions in force into
# public/. Preview the site with: .venv/bin/dlo site serve
set -euo pipefail
cd "$(dirname "$0")"
bash tools/setup.sh --run  # what running dlo needs, not the tests' tools
.venv/bin/dlo check || echo "build: dlo check reports errors (above); rendering what is valid" >&2
.venv/bin/dlo verify
# a regulation that cannot be rendered or published is reported and the others still are
failed=0
.venv/bin/dlo render --format docx --format html --format pdf || failed=1
.venv/bin/dlo site build || failed=1
if [ "$failed" != 0 ]; then
    echo "build: done with errors (above). Documents in build/, site in public/." >&2
    exit 1
fi
echo "build: done. Documents in build/, site in public/ (dlo site serve to preview it)."
