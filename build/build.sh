#!/usr/bin/env bash
# Builds the ERP Guardian executable with PyInstaller from build/erp-guardian.spec.
#   build/build.sh              one file, windowed:  build/dist/erp-guardian[.exe]
#   build/build.sh --onedir     one folder:          build/dist/erp-guardian-onedir/
#   build/build.sh --no-trim    keep every Qt plugin and module the hooks collect (to measure
#                               what trimming saves):  build/dist/untrimmed/
#   build/build.sh --no-page-build   bundle frontend/dist as it is (CI builds it in its own step)
# PyInstaller's work files go to build/work/, its output to build/dist/ (neither is committed).
# PYTHON picks the interpreter (default: .venv/bin/python, or python on Windows runners).
set -euo pipefail
cd "$(dirname "$0")/.."

onedir=0
trim=1
page_build=1
for arg in "$@"; do
  case "$arg" in
    --onedir) onedir=1 ;;
    --no-trim) trim=0 ;;
    --no-page-build) page_build=0 ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "build.sh: unknown option $arg" >&2; exit 2 ;;
  esac
done

if [[ -z "${PYTHON:-}" ]]; then
  PYTHON=.venv/bin/python
  [[ -x "$PYTHON" ]] || PYTHON=python
fi

# The executable is built from exactly the versions in uv.lock (scripts/setup.sh installs them):
# refuse a .venv that has drifted from the lock. Elsewhere (a CI runner) the caller installs
# from the lock itself (see .github/workflows/windows.yml).
if [[ -x .venv/bin/uv && "$PYTHON" == .venv/bin/python ]]; then
  if ! UV_PROJECT_ENVIRONMENT=.venv .venv/bin/uv sync -q --locked --inexact --all-extras --check; then
    echo "build.sh: .venv differs from uv.lock; run scripts/setup.sh first" >&2
    exit 1
  fi
fi

if [[ $page_build == 1 ]]; then
  bash scripts/build-frontend.sh  # only when the page is missing or older than its sources
fi
if [[ ! -f frontend/dist/index.html ]]; then
  echo "build.sh: frontend/dist/index.html is missing; the page must be built first" >&2
  exit 1
fi

# The .qm catalogues are build output: compiled from the .ts sources every time.
bash scripts/update_translations.sh --compile

variant=$([[ $onedir == 1 ]] && echo onedir || echo onefile)
distpath=build/dist
if [[ $trim == 0 ]]; then
  variant="untrimmed-$variant"
  distpath=build/dist/untrimmed
fi

echo "build.sh: building the $variant executable"
ERP_GUARDIAN_ONEDIR=$onedir ERP_GUARDIAN_TRIM=$trim "$PYTHON" -m PyInstaller \
  --noconfirm --clean --log-level WARN \
  --workpath "build/work/$variant" --distpath "$distpath" \
  build/erp-guardian.spec

output="$distpath/erp-guardian"
[[ $onedir == 1 ]] && output="$distpath/erp-guardian-onedir"
[[ -e "$output.exe" ]] && output="$output.exe"
echo "build.sh: $(du -sh "$output" | cut -f1)  $output"
