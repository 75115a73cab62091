#!/usr/bin/env bash
# The desk's gettext catalog with Babel's tools (README, "Translations"):
#
#     bash bot/locale/catalog.sh update   extract the English strings, merge them into each
#                                         language's desk.po (new ones untranslated), compile
#     bash bot/locale/catalog.sh check    fail when a string is missing from a catalog or
#                                         stale in it, or untranslated, or desk.mo is not
#                                         desk.po compiled (tests/run.sh runs this)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
PYBABEL="${PYBABEL:-pybabel}"
PYTHON="${PYTHON:-python3}"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

# No file/line locations: they would make every catalog stale at each edit of any module.
"$PYBABEL" -q extract -F bot/locale/babel.cfg -k N_ -k lazy -c CAVEAT --no-location \
    --sort-output --project "Defection Desk" --version 0.1.0 -o "$TMP/desk.pot" bot handlers

case "${1:-check}" in
update)
    "$PYBABEL" update -N -i "$TMP/desk.pot" -d bot/locale -D desk --ignore-pot-creation-date
    "$PYBABEL" compile -d bot/locale -D desk --statistics
    ;;
check)
    if ! "$PYBABEL" -q update -N --check -i "$TMP/desk.pot" -d bot/locale -D desk \
        --ignore-pot-creation-date; then
        echo "catalog out of date: run 'bash bot/locale/catalog.sh update', translate, commit" >&2
        exit 1
    fi
    for po in bot/locale/*/LC_MESSAGES/desk.po; do
        lang="$(basename "$(dirname "$(dirname "$po")")")"
        mkdir -p "$TMP/$lang/LC_MESSAGES"
        cp "$po" "$TMP/$lang/LC_MESSAGES/desk.po"
        "$PYBABEL" -q compile -d "$TMP" -D desk -l "$lang"
        # The same messages (the header aside: it names the Babel version that compiled it).
        if ! "$PYTHON" - "$TMP/$lang/LC_MESSAGES/desk.mo" "${po%.po}.mo" <<'PY'; then
import gettext, sys
fresh, kept = (gettext.GNUTranslations(open(p, "rb"))._catalog for p in sys.argv[1:])
sys.exit(0 if {k: v for k, v in fresh.items() if k != ""} == {k: v for k, v in kept.items() if k != ""} else 1)
PY
            echo "${po%.po}.mo is not $po compiled: run 'bash bot/locale/catalog.sh update'" >&2
            exit 1
        fi
    done
    ;;
*)
    echo "usage: bash bot/locale/catalog.sh update|check" >&2
    exit 2
    ;;
esac
