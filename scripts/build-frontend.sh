#!/usr/bin/env bash
# Builds the status page into frontend/dist when the build is missing or older than its sources.
set -euo pipefail
cd "$(dirname "$0")/../frontend"
[[ -f package.json ]] || exit 0
if [[ -f dist/index.html ]] && [[ -z $(find src index.html package.json package-lock.json \
      vite.config.ts tsconfig.json -newer dist/index.html -print -quit 2>/dev/null) ]]; then
  exit 0
fi
echo "build-frontend: building the status page"
npm run --silent build
