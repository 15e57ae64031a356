#!/usr/bin/env bash
# Installs what dlo_docs needs on a fresh Debian/Ubuntu machine: system packages where they are
# missing and we may install them, then a virtual environment in .venv with the package.
#   tools/setup.sh --run   what running dlo needs (./build.sh): LibreOffice for PDF and jemalloc
#                          to speed it up, fonts with Kazakh letters; the package alone
#   tools/setup.sh         that, and what the tests and the developers' checks need (./test.sh,
#                          .ci/run): poppler for PDF checks, OpenSSL to check exported signatures,
#                          NSS's certutil to give pdfsig a trusted CA, Chromium for the browser
#                          test, pandoc for the corpus benchmark's comparison; the package with its
#                          test and dev extras; under CI also nginx, whose test runs the example
#                          configuration of docs/ (no service is started)
# Safe to run again: it only installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=all
[ "${1:-}" = "--run" ] && mode=run

need=()
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-writer-nogui)
fc-list 2>/dev/null | grep -qi "Liberation Serif" || need+=(fonts-liberation2)
# LibreOffice converts ~22 % faster with jemalloc as its allocator: dlo preloads it where found,
# in the places dlo_docs/render/soffice.py looks (this machine's multiarch folder, lib64, lib)
jemalloc_found() {
  local arch f
  arch="$(python3 -c 'import sysconfig; print(sysconfig.get_config_var("MULTIARCH") or "")' 2>/dev/null || true)"
  for f in ${arch:+"/usr/lib/$arch/libjemalloc.so.2"} /usr/lib64/libjemalloc.so.2 /usr/lib/libjemalloc.so.2; do
    [ -f "$f" ] && return 0
  done
  return 1
}
jemalloc_found || need+=(libjemalloc2)
command -v fc-list >/dev/null 2>&1 || need+=(fontconfig)
if [ "$mode" = all ]; then
  command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
  command -v openssl >/dev/null 2>&1 || need+=(openssl)
  command -v certutil >/dev/null 2>&1 || need+=(libnss3-tools)  # pdfsig's trust store, in tests
  command -v chromium >/dev/null 2>&1 || need+=(chromium)
  command -v pandoc >/dev/null 2>&1 || need+=(pandoc)  # tests/benchmarks/bench_corpus.py only
  # CI only (.ci/run sets CI): a real nginx runs the web server example (tests/test_site_nginx.py)
  if [ -n "${CI:-}" ] && ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ]; then
    need+=(nginx-light)
  fi
fi
[ -x .venv/bin/python ] || python3 -c "import ensurepip, venv" 2>/dev/null || need+=(python3-venv)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "setup: installing ${need[*]}"
    # no service is started by what is installed (nginx would serve port 80): Debian's
    # policy-rc.d says so while apt-get runs, where the machine has none of its own
    policy="${DLO_POLICY_RC_D:-/usr/sbin/policy-rc.d}"
    if [ ! -e "$policy" ]; then
      printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod 755 "$policy"
      trap 'rm -f "$policy"' EXIT
    fi
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  else
    echo "setup: please install: ${need[*]} (apt-get install ${need[*]}); continuing without them" >&2
  fi
fi

if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
# The package is installed in editable mode, so a change of the code needs no new install; one of
# pyproject.toml (dependencies, packages, commands) or of tools/constraints.txt (the versions
# installed: those the suite last passed with) does: pip runs again only then (it takes seconds
# even when everything is installed, on every ./test.sh). The stamp says what was installed from
# which of them: "HASH all" (with the test and dev extras) or "HASH run".
stamp=.venv/.dlo-installed-from
wanted="$(.venv/bin/python -c 'import hashlib; print(hashlib.sha256(open("pyproject.toml", "rb").read() + open("tools/constraints.txt", "rb").read()).hexdigest())')"
have="$(cat "$stamp" 2>/dev/null || true)"
if [ "$have" = "$wanted all" ] || [ "$have" = "$wanted $mode" ]; then
  installed=yes
else
  installed=no
fi
if [ "$installed" = no ] || ! .venv/bin/python -c 'import dlo_docs.entry' 2>/dev/null; then
  if [ "$mode" = all ]; then
    .venv/bin/python -m pip install -q --disable-pip-version-check -c tools/constraints.txt \
      -e '.[test,dev]'
  else
    .venv/bin/python -m pip install -q --disable-pip-version-check -c tools/constraints.txt -e .
  fi
  echo "$wanted $mode" > "$stamp"
fi
# dlo's modules compiled once here, whatever PYTHONDONTWRITEBYTECODE says (set on some machines,
# under which every run of dlo would compile the whole package again: twice a render's time);
# only the modules changed since are compiled, so this takes a moment
.venv/bin/python -m compileall -q dlo_docs >/dev/null || true
echo "setup: ready (.venv/bin/dlo)"
