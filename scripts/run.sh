#!/usr/bin/env bash
# The main job: set up what is missing, build the page if stale, start ERP Guardian.
# Arguments go to `erp-guardian` (default: the tray app; headless where there is no display).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build-frontend.sh
exec .venv/bin/erp-guardian "$@"
