#!/usr/bin/env bash
# Loads the shipped sample market data (AAPL daily 2013, BTC/USD 1-minute bars from Bitstamp trades,
# both from ta4j's examples) into the database named by DATABASE_URL, or into the embedded one in
# DATA_DIR (default ./var). Existing bars at the same times are updated in place; safe to run twice.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
jar="backend/app/target/trading-backtest.jar"
if [ ! -f "$jar" ]; then
  make build
fi
exec java ${JAVA_OPTS:-} -jar "$jar" --spring.main.web-application-type=none --tb.marketdata.seed=always \
  --spring.main.banner-mode=off "$@"
