#!/usr/bin/env bash
# Keeps the Qt translations in step with the sources.
#   scripts/update_translations.sh            refresh resources/translations/*.ts from every
#                                             tr()/_tr()/QCoreApplication.translate() in
#                                             tray_app/ (pyside6-lupdate), then compile them
#   scripts/update_translations.sh --compile  only compile the .ts files to .qm (lrelease)
# After a refresh, new texts are "unfinished" in the .ts: write their German in the
# <translation> element (or with pyside6-linguist); tests/i18n/test_translations_complete.py
# fails until every text is translated and no vanished one is left.
# Module-level helpers spelled `_tr(text)` are read as tr() (-tr-function-alias); lupdate files
# them under the empty context, which is why those helpers translate with context "".
# LUPDATE / LRELEASE / TS_FILES may be set; KEEP_OBSOLETE=1 keeps dropped texts, marked
# "vanished" (the completeness test runs it so on a copy, to name them).
set -euo pipefail
cd "$(dirname "$0")/.."

bin=.venv/bin
[[ -x "$bin/pyside6-lupdate" ]] || bin=$(dirname "$(command -v pyside6-lupdate)")
LUPDATE=${LUPDATE:-$bin/pyside6-lupdate}
LRELEASE=${LRELEASE:-$bin/pyside6-lrelease}
read -r -a ts_files <<< "${TS_FILES:-$(echo resources/translations/*.ts)}"

if [[ "${1:-}" != "--compile" ]]; then
  mapfile -t sources < <(grep -rlE --include='*.py' '(\b|_)tr\(|translate\(' tray_app | sort)
  drop=(-no-obsolete); [[ "${KEEP_OBSOLETE:-}" == 1 ]] && drop=()
  "$LUPDATE" -silent -tr-function-alias 'tr+=_tr' -locations none "${drop[@]}" \
    "${sources[@]}" -ts "${ts_files[@]}"
fi
for ts in "${ts_files[@]}"; do
  "$LRELEASE" -silent "$ts" -qm "${ts%.ts}.qm"
done
