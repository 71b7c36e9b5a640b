#!/usr/bin/env bash
# End-to-end tests in a real browser: starts the real app (a copy of the service jar, on a throwaway
# embedded PostgreSQL and a free port, serving frontend/out) and drives Debian's Chromium through
# frontend/e2e/run.mjs. Screenshots and the app's log land in frontend/e2e/artifacts/.
# Builds only what is missing: the jar (make build) and the static export (npm run build).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
jar=backend/app/target/trading-backtest.jar
artifacts=frontend/e2e/artifacts
export CHROMIUM=${CHROMIUM:-/usr/bin/chromium}

[ -x "$CHROMIUM" ] || { echo "Chromium is required at $CHROMIUM (apt-get install -y chromium)" >&2; exit 1; }
[ -d frontend/node_modules ] || (cd frontend && npm ci --no-audit --no-fund)
[ -f frontend/out/index.html ] || (cd frontend && npm run build)
[ -f "$jar" ] || backend/mvnw -f backend/pom.xml -B -q -DskipTests package

work=$(mktemp -d "${TMPDIR:-/tmp}/tb-e2e.XXXXXX")
# A copy, so that a rebuild while the tests run cannot pull the jar from under the JVM.
cp "$jar" "$work/app.jar"
port=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
mkdir -p "$artifacts"

DATA_DIR="$work/data" SEED_ONLINE=false SEED_SAMPLE_DATA=if-empty PORT="$port" FRONTEND_DIR="$root/frontend/out" \
  java -Xmx1g -jar "$work/app.jar" >"$work/app.log" 2>&1 &
app=$!
cleanup() {
  kill "$app" 2>/dev/null || true
  wait "$app" 2>/dev/null || true
  cp "$work/app.log" "$artifacts/app.log" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "== e2e: starting the app on port $port"
base="http://localhost:$port"
for _ in $(seq 1 180); do
  if ! kill -0 "$app" 2>/dev/null; then
    echo "The app stopped before it was ready:" >&2
    tail -50 "$work/app.log" >&2
    exit 1
  fi
  if node -e 'fetch(process.argv[1]).then(r=>r.json()).then(b=>process.exit(b.status==="UP"?0:1),()=>process.exit(1))' \
    "$base/actuator/health" 2>/dev/null; then
    break
  fi
  sleep 1
done
node -e 'fetch(process.argv[1]).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))' "$base/actuator/health" \
  || { echo "The app did not become healthy in 180 s:" >&2; tail -50 "$work/app.log" >&2; exit 1; }

echo "== e2e: running the browser tests"
status=0
BASE_URL="$base" node frontend/e2e/run.mjs || status=$?
echo "== e2e: the backtest, result, analytics and optimisation screens"
BASE_URL="$base" node frontend/e2e/backtests.mjs || status=$?
test "$status" -eq 0
