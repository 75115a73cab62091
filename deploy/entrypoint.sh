#!/bin/sh
# Container start-up for Defection Desk (POSIX sh: the image has no bash requirement).
#
#   entrypoint.sh [desk run options]   schema up to date, bundled data loaded, then the bot
#   entrypoint.sh COMMAND [ARGS...]    any other desk command instead, e.g.
#                                      `docker compose run --rm bot backup - > desk-backup.json`
#
# Every step is idempotent, so a restart is harmless: `desk migrate` is a no-op at head, and
# `desk load` of unchanged bundled data changes nothing. Run one bot container per database.
set -eu

case "${1:-}" in
    "" | -*) ;; # nothing, or options such as --webhook URL: start the bot below
    *) exec desk "$@" ;;
esac

desk migrate
desk load
# exec: the bot replaces this shell as PID 1 and gets `docker stop`'s SIGTERM itself, so it
# stops polling cleanly instead of being killed at the end of the grace period.
exec desk run "$@"
