#!/usr/bin/env bash
# Measures market-data speed on the real embedded PostgreSQL: a 1M-row CSV import (parse, COPY, upsert)
# and reading 1M bars into the engine's columns. Prints the figures (see docs/DATA.md).
# Usage: scripts/bench-data.sh [rows]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/backend/mvnw" -q -B -f "$root/backend/pom.xml" -DskipTests install -pl engine
"$root/backend/mvnw" -B -f "$root/backend/pom.xml" test -pl app -Dtest=MarketDataBenchmark \
  -Dsurefire.excludedGroups= -Dsurefire.failIfNoSpecifiedTests=false -Dbench.rows="${1:-1000000}" \
  -Dlogging.level.com.tradingbacktest.app.marketdata.BarImporter=DEBUG \
  | grep -E "generated|parse run|import run|load run|blocks rebuilt|rows of BENCH|Tests run:"
