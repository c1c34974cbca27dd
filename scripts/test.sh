#!/usr/bin/env bash
# Every check and test, after installing what they need. .ci/run calls exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test

echo "== lint and types"
# ruff skips folders named build by default; the packaging scripts are named explicitly.
.venv/bin/ruff check . build/*.py
.venv/bin/ruff format --check . build/*.py
.venv/bin/mypy
# The Windows branches of the product, type-checked here (not run); tests and benchmarks
# are Linux-only (they send SIGKILL and SIGSTOP).
.venv/bin/mypy --platform win32 tray_app backend status_kit/src build/*.py

if [[ -f frontend/package.json ]]; then
  echo "== frontend: types, lint, unit tests, build"
  npm --prefix frontend run --silent typecheck
  npm --prefix frontend run --silent lint
  npm --prefix frontend run --silent test
  bash scripts/build-frontend.sh
fi

echo "== python tests"
mkdir -p artifacts
# The Qt tests run in a process of their own: garbage holding Qt objects, collected later on a
# worker thread of another test, crashes the interpreter (see tray_app/gui/gc_guard.py).
.venv/bin/pytest -m "not exe" --ignore=tests/gui "$@"
.venv/bin/pytest -m "not exe" tests/gui "$@"

if [[ -f build/build.sh ]]; then
  echo "== executable: build, then smoke tests on the built file"
  bash build/build.sh
  .venv/bin/pytest -m exe tests/exe "$@"
fi
