#!/usr/bin/env bash
# Installs everything ERP Guardian needs on a Debian machine (run as root or with sudo):
# Debian packages, a Python virtual environment with the project, and the page's npm packages.
#   scripts/setup.sh          what running needs
#   scripts/setup.sh --test   also what the tests need (Xvfb, a tray host, Chromium, ...)
set -euo pipefail
cd "$(dirname "$0")/.."

want_test=false
[[ "${1:-}" == "--test" ]] && want_test=true

# Qt's xcb plugin and fonts for a real screen; harmless where they are already there.
packages=(libglib2.0-0 libgl1 libegl1 libxkbcommon0 libxkbcommon-x11-0 libfreetype6 libfontconfig1
          libdbus-1-3 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
          libxcb-render-util0 libxcb-shape0 libxcb-xkb1 nodejs npm python3-venv)
if $want_test; then
  # xauth: xvfb only recommends it, and xvfb-run fails without it.
  packages+=(xvfb xauth trayer xdotool imagemagick x11-utils chromium binutils prometheus)
fi

missing=()
for pkg in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing+=("$pkg")
done
# Node and npm may come from elsewhere than Debian (the machine image has its own).
if command -v node >/dev/null && command -v npm >/dev/null; then
  missing=("${missing[@]/nodejs}"); missing=("${missing[@]/npm}")
fi
# python3-venv is only needed where the interpreter lacks venv.
if python3 -c "import venv, ensurepip" 2>/dev/null; then missing=("${missing[@]/python3-venv}"); fi
read -r -a missing <<< "${missing[*]}"
if ((${#missing[@]})); then
  echo "setup: installing Debian packages: ${missing[*]}"
  SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
fi

if [[ ! -x .venv/bin/python ]]; then
  echo "setup: creating .venv"
  python3 -m venv .venv
fi
# uv.lock pins every Python package (PySide6 included), so the tests and the executable are
# built from the same versions on every machine; `uv lock` after a change to a pyproject.toml.
UV_VERSION=0.13.8
stamp=.venv/.installed-$(cat pyproject.toml status_kit/pyproject.toml uv.lock | sha1sum | cut -c1-12)
if [[ ! -e "$stamp" ]]; then
  echo "setup: installing the Python packages from uv.lock"
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q "uv==$UV_VERSION"
  # --inexact keeps uv itself, which the lock does not list; --locked fails on a stale lock.
  UV_PROJECT_ENVIRONMENT=.venv UV_LINK_MODE=copy .venv/bin/uv sync -q --locked --inexact \
    --all-extras
  rm -f .venv/.installed-*; touch "$stamp"
fi

# The Qt translations (.qm) are compiled from resources/translations/*.ts, never committed.
bash scripts/update_translations.sh --compile

if [[ -f frontend/package-lock.json ]]; then
  lock_stamp=frontend/node_modules/.installed-$(sha1sum frontend/package-lock.json | cut -c1-12)
  if [[ ! -e "$lock_stamp" ]]; then
    echo "setup: installing the page's npm packages"
    npm --prefix frontend ci --no-audit --no-fund --loglevel=error
    touch "$lock_stamp"
  fi
fi
