#!/bin/sh
# Nightly backup of the reformdash database, kept REFORMDASH_BACKUP_KEEP_DAYS days (default 30).
# Works while the dashboard runs (a consistent snapshot). Exit 0 ok, non-zero on failure (systemd logs it).
set -eu
DIR="${REFORMDASH_BACKUP_DIR:-/var/backups/reformdash}"
KEEP="${REFORMDASH_BACKUP_KEEP_DAYS:-30}"
PYTHON="${REFORMDASH_PYTHON:-/opt/reformdash/.venv/bin/python}"
case "$KEEP" in ''|*[!0-9]*) echo "REFORMDASH_BACKUP_KEEP_DAYS must be a whole number of days, not '$KEEP'" >&2; exit 2;; esac
umask 077
mkdir -p "$DIR"
FILE="$DIR/reformdash-$(date +%Y-%m-%d_%H%M).zip"
"$PYTHON" -m reformdash backup "$FILE"
# keep KEEP days: delete older backups of ours only (never the one just made)
find "$DIR" -maxdepth 1 -type f -name 'reformdash-*.zip' -mtime +"$KEEP" ! -path "$FILE" -print -delete
