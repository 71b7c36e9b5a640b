#!/usr/bin/env bash
# Opens psql on the embedded database of a running `make run` (DATA_DIR defaults to ./var).
# Any arguments go to psql, e.g. scripts/psql.sh -c 'select count(*) from users'.
set -euo pipefail
data_dir="${DATA_DIR:-./var}"
port_file="$data_dir/postgres.port"
if [ -n "${DATABASE_URL:-}" ]; then
  exec psql "$DATABASE_URL" "$@"
fi
password_file="$data_dir/secrets/postgres-password"
[ -f "$port_file" ] || { echo "No embedded database found in $data_dir (is \`make run\` running?)" >&2; exit 1; }
[ -r "$password_file" ] || { echo "Cannot read the database password $password_file" >&2; exit 1; }
# The embedded server asks every connection for the password the app generated into DATA_DIR/secrets.
PGPASSWORD="$(cat "$password_file")" exec psql -h localhost -p "$(cat "$port_file")" -U postgres trading_backtest "$@"
