#!/usr/bin/env bash
# Loads the shipped sample market data (AAPL daily 2013, BTC/USD 1-minute bars from Bitstamp trades,
# both from ta4j's examples, and the eight generated SYN-* daily symbols, labelled synthetic) into the database named by DATABASE_URL, or into the embedded one in
# DATA_DIR (default ./var). Existing bars at the same times are updated in place; safe to run twice.
# The app does the loading as it becomes ready (SEED_SAMPLE_DATA=always); it is started on a free
# loopback port, API only, and stopped once /actuator/health/readiness says it is ready, which is
# after the seeding has finished.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
jar="${TB_JAR:-backend/app/target/trading-backtest.jar}"
if [ ! -f "$jar" ]; then
  make build
fi
# An external database needs JWT_SECRET to start; this process signs no token, so any key does.
if [ -n "${DATABASE_URL:-}" ] && [ -z "${JWT_SECRET:-}" ]; then
  JWT_SECRET="$(head -c 48 /dev/urandom | base64 | tr -d '\n')"
  export JWT_SECRET
fi
port=$((20000 + RANDOM % 30000))
read -r -a java_opts <<<"${JAVA_OPTS:-}"
java "${java_opts[@]}" -jar "$jar" --server.address=127.0.0.1 --server.port="$port" --mode=api \
  --management.server.port=0 --tb.marketdata.seed=always --spring.main.banner-mode=off "$@" &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true' EXIT
until curl -fsS -o /dev/null "http://127.0.0.1:$port/actuator/health/readiness" 2>/dev/null; do
  if ! kill -0 "$pid" 2>/dev/null; then
    wait "$pid" && status=0 || status=$?
    echo "seed.sh: the app stopped before it was ready (exit $status)" >&2
    exit 1
  fi
  sleep 1
done
echo "seed.sh: sample data loaded" >&2
