#!/usr/bin/env bash
# Measures what a trader waits for, end to end through the HTTP API of the real jar: one backtest
# (POST, then the event stream to its final event), a 78-combination optimisation (POST, then its
# status until completed; again with 30% held out, until its finish step stored the held-out
# results and the overfitting statistics), a Monte Carlo analysis (10,000 shuffles of the run's
# trades: POST, then its status until completed) and a walk-forward of 10 windows x 174 combinations
# (POST, then its event stream to its final event), each N times, printing p50/p95 beside the server's own time (a run's
# duration_ms: claim to stored result, bars loaded and engine run included), and previews
# (request to response, beside their engine_ms: evaluation, simulation, metrics). Twice: one all-in-one
# process, then an API-only process and a separate worker process on the same database
# (docs/PERFORMANCE.md, "End to end through the API"). Needs java, curl and jq; builds the jar
# (make build) only when it is missing. Everything runs on a throwaway DATA_DIR and free ports.
#   scripts/bench-api.sh [N]         N repetitions of each measurement (default 30)
#   BENCH_CSV=file scripts/bench-api.sh
#       daily bars (date,open,high,low,close,volume) to run on instead of the generated ones
#   BENCH_PORTFOLIO=1 scripts/bench-api.sh
#       also a portfolio run: 500 generated symbols x 10 years of daily bars (uploaded first, about a
#       minute), top-20 12-1 momentum rebalanced monthly (issue 17's end-to-end target)
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-30}"
jar="$root/backend/app/target/trading-backtest.jar"

for tool in java curl jq; do
  command -v "$tool" >/dev/null || { echo "bench-api: $tool is required" >&2; exit 1; }
done
if [ ! -f "$jar" ]; then
  echo "bench-api: building the jar (make build)" >&2
  make -C "$root" build >&2
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/bench-api.XXXXXX")"
pids=()
cleanup() {
  local pid
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  rm -rf "$work"
}
trap cleanup EXIT

# A port nothing listens on (bash's /dev/tcp connects, or fails when the port is free).
free_port() {
  local port
  while true; do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
}

# start_app NAME DATA_DIR [ENV=VALUE...] -- [APP ARGS...]: starts the jar and waits until it is
# ready; its port is then in app_port.
app_port=""
start_app() {
  local name="$1" data="$2" port management
  shift 2
  local env=()
  while [ "$1" != "--" ]; do
    env+=("$1")
    shift
  done
  shift
  port="$(free_port)"
  management="$(free_port)"
  mkdir -p "$data"
  env DATA_DIR="$data" PORT="$port" MANAGEMENT_PORT="$management" SEED_ONLINE=false \
    RATE_LIMIT_RUNS=0 RATE_LIMIT_PREVIEWS=0 "${env[@]}" \
    java -jar "$jar" "$@" >"$work/$name.log" 2>&1 &
  pids+=("$!")
  local deadline=$((SECONDS + 180))
  until curl -fsS -o /dev/null "http://localhost:$port/actuator/health/readiness" 2>/dev/null; do
    if [ "$SECONDS" -ge "$deadline" ] || ! kill -0 "${pids[-1]}" 2>/dev/null; then
      echo "bench-api: $name did not start; its log:" >&2
      tail -50 "$work/$name.log" >&2
      exit 1
    fi
    sleep 0.5
  done
  app_port="$port"
}

stop_last_apps() {
  local count="$1" pid
  for ((i = 0; i < count; i++)); do
    pid="${pids[-1]}"
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    unset 'pids[-1]'
  done
}

# Daily bars like Alphabet's of 2004-08-19 to 2013-12-31 (2,445 weekdays of a seeded random walk
# from 100), so that nothing needs the network.
generated_bars() {
  # Plain POSIX awk (no strftime): civil dates from day numbers (days since 1970-01-01).
  awk 'function civil(z,   era, doe, yoe, doy, mp, d, m, y) {
      z += 719468; era = int(z / 146097); doe = z - era * 146097
      yoe = int((doe - int(doe / 1460) + int(doe / 36524) - int(doe / 146096)) / 365)
      y = yoe + era * 400; doy = doe - (365 * yoe + int(yoe / 4) - int(yoe / 100))
      mp = int((5 * doy + 2) / 153); d = doy - int((153 * mp + 2) / 5) + 1
      m = mp < 10 ? mp + 3 : mp - 9
      return sprintf("%04d-%02d-%02d", y + (m <= 2), m, d)
    }
    BEGIN {
      srand(2004); print "date,open,high,low,close,volume"
      day = 12649; price = 100; n = 0
      while (day <= 16070) {
        weekday = (day + 4) % 7
        if (weekday != 0 && weekday != 6) {
          c = price * (1 + (rand() - 0.495) * 0.04)
          high = (price > c ? price : c) * (1 + rand() * 0.01)
          low = (price < c ? price : c) * (1 - rand() * 0.01)
          printf "%s,%.2f,%.2f,%.2f,%.2f,%d\n", civil(day), price, high, low, c, 1000000 + int(rand() * 9000000)
          price = c; n++
        }
        day++
      }
    }'
}

api=""
auth=""
strategy=""
run_request=""
optimise_request=""
walk_forward_request=""

post() {
  curl -fsS "$api$1" -H "$auth" -H 'Content-Type: application/json' -d "$2"
}

run_body() {
  jq -cn --arg s "$strategy" '{strategy_id: $s, symbol: "GOOG", interval: "1d",
    start_date: "2004-01-01", end_date: "2013-12-31", initial_capital: 100000,
    parameters: {fast: 10, slow: 20}}'
}

# fast 5..30 step 5 (6) x slow 20..80 step 5 (13): 78 combinations.
optimise_body() {
  jq -cn --argjson run "$(run_body)" '{backtest: $run, objective: "sharpe_ratio",
    ranges: {fast: {from: 5, to: 30, step: 5}, slow: {from: 20, to: 80, step: 5}}}'
}

# fast 5..50 step 5 (10) x slow 20..200 step 10 (19) = 190, less the 16 with fast >= slow: 174
# combinations in each of 10 rolling windows (train parts 3 times as long as test parts): 1,740
# backtests.
walk_forward_body() {
  jq -cn --argjson run "$(run_body)" '{backtest: $run, objective: "sharpe_ratio",
    ranges: {fast: {from: 5, to: 50, step: 5}, slow: {from: 20, to: 200, step: 10}},
    param_constraints: ["fast < slow"], windows: {mode: "rolling", count: 10}}'
}

prepare_user() {
  local token bars
  token="$(curl -fsS "$api/auth/register" -H 'Content-Type: application/json' \
    -d '{"email":"bench@example.com","username":"bench","password":"bench-password-1"}' |
    jq -r .access_token)"
  auth="Authorization: Bearer $token"
  bars="$work/bars.csv"
  if [ -n "${BENCH_CSV:-}" ]; then
    cp "$BENCH_CSV" "$bars"
  else
    generated_bars >"$bars"
  fi
  curl -fsS -o /dev/null "$api/data/import" -H "$auth" -F "file=@$bars;filename=goog.csv" \
    -F symbol=GOOG -F interval=1d -F time_zone=America/New_York -F asset_class=stock
  strategy="$(post /strategies "$(jq -cn '{name: "SMA 10/20", code: "param fast = 10 in 2..50
param slow = 20 in 5..200
long_entry = crossover(sma(close, fast), sma(close, slow))
long_exit = crossunder(sma(close, fast), sma(close, slow))"}')" | jq -r .id)"
  run_request="$(run_body)"
  optimise_request="$(optimise_body)"
  walk_forward_request="$(walk_forward_body)"
}

# 500 symbols of 2,520 weekday bars from 2015-01-01 (seeded random walks, each its own drift and
# volatility) as P000.csv .. P499.csv in $1.
generated_universe() {
  awk -v dir="$1" 'function civil(z,   era, doe, yoe, doy, mp, d, m, y) {
      z += 719468; era = int(z / 146097); doe = z - era * 146097
      yoe = int((doe - int(doe / 1460) + int(doe / 36524) - int(doe / 146096)) / 365)
      y = yoe + era * 400; doy = doe - (365 * yoe + int(yoe / 4) - int(yoe / 100))
      mp = int((5 * doy + 2) / 153); d = doy - int((153 * mp + 2) / 5) + 1
      m = mp < 10 ? mp + 3 : mp - 9
      return sprintf("%04d-%02d-%02d", y + (m <= 2), m, d)
    }
    BEGIN {
      srand(17)
      for (s = 0; s < 500; s++) {
        file = sprintf("%s/P%03d.csv", dir, s)
        print "date,open,high,low,close,volume" > file
        drift = (rand() * 0.3 - 0.1) / 252; vol = 0.01 + rand() * 0.02
        day = 16436; price = 100; n = 0
        while (n < 2520) {
          weekday = (day + 4) % 7
          if (weekday != 0 && weekday != 6) {
            c = price * (1 + drift + (rand() - 0.5) * vol * 3.4)
            if (c < 1) c = 1
            printf "%s,%.4f,%.4f,%.4f,%.4f,1000\n", civil(day), price, (price > c ? price : c) * 1.005,
              (price < c ? price : c) * 0.995, c >> file
            price = c; n++
          }
          day++
        }
        close(file)
      }
    }'
}

portfolio_request=""

# Uploads the generated universe (as KRX symbols in won) and a top-20 momentum strategy.
prepare_portfolio() {
  local dir="$work/universe" s portfolio_strategy
  mkdir -p "$dir"
  generated_universe "$dir"
  for s in $(seq -f "P%03g" 0 499); do
    curl -fsS -o /dev/null "$api/data/import" -H "$auth" -F "file=@$dir/$s.csv;filename=$s.csv" \
      -F symbol="$s" -F interval=1d -F market=KRX -F currency=KRW -F time_zone=Asia/Seoul
  done
  portfolio_strategy="$(post /strategies "$(jq -cn '{name: "Top-20 momentum", code: "rebalance = monthly
momentum = close[21] / close[252] - 1
weight = top(20, momentum) ? 0.05 : 0"}')" | jq -r .id)"
  portfolio_request="$(jq -cn --arg s "$portfolio_strategy" --argjson symbols \
    "$(seq -f "P%03g" 0 499 | jq -R . | jq -cs .)" '{strategy_id: $s, symbols: $symbols,
    interval: "1d", start_date: "2015-01-01", end_date: "2024-12-31", initial_capital: 100000000}')"
}

# One portfolio run, timed as measure_run times one.
measure_portfolio() {
  local start answer id final
  start="$(now_ms)"
  answer="$(curl -fsS "$api/backtests" -H "$auth" -H 'Content-Type: application/json' -d "$portfolio_request")"
  id="$(id_of "$answer")"
  final="$(curl -fsS -N --max-time 120 "$api/backtests/$id/events" -H "$auth")"
  echo "$(($(now_ms) - start)) $(curl -fsS "$api/backtests/$id/status" -H "$auth" | jq -r .duration_ms)"
  [[ "${final##*data:}" == *'"completed"'* ]] || { echo "bench-api: portfolio run $id ended ${final##*data:}" >&2; exit 1; }
}

now_ms() {
  local t="${EPOCHREALTIME//[.,]/}"
  echo "$((t / 1000))"
}

# The timed part forks nothing but curl (no jq, no pipes): on a busy 2-core machine every extra
# process start costs milliseconds that are the client's, not the service's.
id_of() {
  [[ "$1" =~ \"id\":\"([0-9a-f-]{36})\" ]] && echo "${BASH_REMATCH[1]}"
}

# One run: POST, then read the event stream until it ends with the final state. Prints
# "end-to-end-ms worker-ms".
measure_run() {
  local start answer id final
  start="$(now_ms)"
  answer="$(curl -fsS "$api/backtests" -H "$auth" -H 'Content-Type: application/json' -d "$run_request")"
  id="$(id_of "$answer")"
  final="$(curl -fsS -N --max-time 120 "$api/backtests/$id/events" -H "$auth")"
  echo "$(($(now_ms) - start)) $(curl -fsS "$api/backtests/$id/status" -H "$auth" | jq -r .duration_ms)"
  [[ "${final##*data:}" == *'"completed"'* ]] || { echo "bench-api: run $id ended ${final##*data:}" >&2; exit 1; }
}

# One optimisation: POST, then its status every 10 ms until completed. Prints "end-to-end-ms worker-ms".
measure_optimisation() {
  local start id state
  start="$(now_ms)"
  id="$(id_of "$(curl -fsS "$api/backtests/optimize" -H "$auth" -H 'Content-Type: application/json' \
    -d "$optimise_request")")"
  while true; do
    state="$(curl -fsS "$api/backtests/optimize/$id?limit=1" -H "$auth")"
    [[ "$state" == *'"status":"completed"'* ]] && break
    [[ "$state" == *'"status":"pending"'* || "$state" == *'"status":"running"'* ]] ||
      { echo "bench-api: optimisation $id ended: ${state:0:300}" >&2; exit 1; }
    sleep 0.01
  done
  echo "$(($(now_ms) - start)) $(jq -r .duration_ms <<<"$state")"
}

# The same optimisation with its last 30% held out, until the finish step has stored the held-out
# results and the statistics. Prints "end-to-end-ms worker-ms" (the grid's duration_ms).
measure_out_of_sample() {
  local start id state
  if [ -z "$out_of_sample_request" ]; then
    out_of_sample_request="$(jq -c '.out_of_sample = {fraction: 0.3}' <<<"$optimise_request")"
  fi
  start="$(now_ms)"
  id="$(id_of "$(curl -fsS "$api/backtests/optimize" -H "$auth" -H 'Content-Type: application/json' \
    -d "$out_of_sample_request")")"
  while true; do
    state="$(curl -fsS "$api/backtests/optimize/$id?limit=1" -H "$auth")"
    [[ "$state" =~ \"out_of_sample_bars\":[0-9]+,\"status\":\"completed\" ]] && break
    [[ "$state" == *'"status":"failed"'* || "$state" == *'"status":"cancelled"'* ]] &&
      { echo "bench-api: optimisation $id ended: ${state:0:300}" >&2; exit 1; }
    sleep 0.01
  done
  echo "$(($(now_ms) - start)) $(jq -r .duration_ms <<<"$state")"
}
out_of_sample_request=""

# A Monte Carlo analysis of a run with about a hundred round trips (SMA 5/10 over the ten years: 104
# on GOOG's real daily bars of 2004-2013, BENCH_CSV): 10,000 shuffles of its trades, POST then its
# status every 10 ms until completed. Prints "end-to-end-ms worker-ms".
measure_monte_carlo() {
  local start id state
  if [ -z "$monte_carlo_run" ]; then
    monte_carlo_run="$(id_of "$(post /backtests "$(jq -c '.parameters = {fast: 5, slow: 10}' <<<"$run_request")")")"
    curl -fsS -N -o /dev/null --max-time 120 "$api/backtests/$monte_carlo_run/events" -H "$auth"
    echo "  (Monte Carlo of a run with $(curl -fsS "$api/backtests/$monte_carlo_run" -H "$auth" |
      jq -r .result.round_trip_count) round trips)" >&2
  fi
  start="$(now_ms)"
  id="$(id_of "$(curl -fsS "$api/backtests/$monte_carlo_run/monte-carlo" -H "$auth" \
    -H 'Content-Type: application/json' -d '{"method":"shuffle","paths":10000}')")"
  while true; do
    state="$(curl -fsS "$api/backtests/$monte_carlo_run/monte-carlo/$id" -H "$auth")"
    [[ "$state" == *'"status":"completed"'* ]] && break
    [[ "$state" == *'"status":"queued"'* || "$state" == *'"status":"running"'* ]] ||
      { echo "bench-api: Monte Carlo $id ended: ${state:0:300}" >&2; exit 1; }
    sleep 0.01
  done
  echo "$(($(now_ms) - start)) $(jq -r .duration_ms <<<"$state")"
}
monte_carlo_run=""

# One walk-forward: POST, then read its event stream until it ends with the final state. Prints
# "end-to-end-ms server-ms" (the server's: its first slice's start to the stitched result stored).
measure_walk_forward() {
  local start answer id final
  start="$(now_ms)"
  answer="$(curl -fsS "$api/backtests/walk-forward" -H "$auth" -H 'Content-Type: application/json' \
    -d "$walk_forward_request")"
  id="$(id_of "$answer")"
  final="$(curl -fsS -N --max-time 300 "$api/backtests/walk-forward/$id/events" -H "$auth")"
  echo "$(($(now_ms) - start)) $(curl -fsS "$api/backtests/walk-forward/$id" -H "$auth" | jq -r .duration_ms)"
  [[ "${final##*data:}" == *'"completed"'* ]] || { echo "bench-api: walk-forward $id ended ${final##*data:}" >&2; exit 1; }
}

has_walk_forward() {
  curl -fsS "$api/openapi.json" | jq -e '.paths["/api/v1/backtests/walk-forward"].post' >/dev/null
}

# Preview latency (POST /backtests/preview, request to response), when the API has that endpoint.
measure_preview() {
  local start answer
  if [ "${#preview_bodies[@]}" -eq 0 ]; then
    for fast in $(seq 5 20); do
      preview_bodies+=("$(jq -c --argjson f "$fast" '.parameters.fast = $f' <<<"$run_request")")
    done
  fi
  # A slider being moved: each preview asks for another fast length, as the workbench would.
  preview_round=$(((preview_round + 1) % ${#preview_bodies[@]}))
  start="$(now_ms)"
  answer="$(curl -fsS "$api/backtests/preview" -H "$auth" -H 'Content-Type: application/json' \
    -d "${preview_bodies[$preview_round]}")" || { echo "bench-api: preview failed" >&2; exit 1; }
  echo "$(($(now_ms) - start)) $(jq -r '.engine_ms | round' <<<"$answer")"
}
preview_bodies=()
preview_round=0

has_preview() {
  curl -fsS "$api/openapi.json" | jq -e '.paths["/api/v1/backtests/preview"].post' >/dev/null
}

# p50/p95 (nearest rank) of a column of numbers on stdin.
percentiles() {
  sort -n | awk '{ v[NR] = $1 } END {
    if (NR == 0) { print "-"; exit }
    p50 = int((NR * 50 + 99) / 100); p95 = int((NR * 95 + 99) / 100)
    printf "p50 %5d ms  p95 %5d ms", v[p50], v[p95] }'
}

# measure LABEL FUNCTION: two warm-up rounds, then $runs measured ones; prints one table row.
measure() {
  local label="$1" fn="$2" samples="$work/samples" worker
  "$fn" >/dev/null
  "$fn" >/dev/null
  : >"$samples"
  for ((i = 0; i < runs; i++)); do
    "$fn" >>"$samples"
  done
  worker="$(awk '$2 != "-" { print $2 }' "$samples" | percentiles)"
  printf '  %-34s end to end %s   server %s\n' "$label" "$(awk '{ print $1 }' "$samples" | percentiles)" \
    "${worker:--}"
}

measure_all() {
  measure "run, 10 y daily, SMA 10/20" measure_run
  measure "optimisation, 78 combinations" measure_optimisation
  measure "optimisation, 78, 30% held out" measure_out_of_sample
  measure "Monte Carlo, 10,000 shuffles" measure_monte_carlo
  if has_walk_forward; then
    measure "walk-forward, 10 windows x 174" measure_walk_forward
  fi
  if has_preview; then
    measure "preview (request to response)" measure_preview
  else
    echo "  preview: POST /backtests/preview does not exist in this build; not measured"
  fi
  if [ -n "$portfolio_request" ]; then
    measure "portfolio, 500 x 10 y, top 20" measure_portfolio
  fi
}

echo "bench-api: $runs measured rounds each (after 2 warm-up rounds), $(nproc) cores, $(java -version 2>&1 | head -1)"

data="$work/data"
# The portfolio's 500 uploads need more than the 10 imports a minute an account may make.
start_app all "$data" RATE_LIMIT_IMPORTS=1000 -- --mode=all
api="http://localhost:$app_port/api/v1"
prepare_user
if [ -n "${BENCH_PORTFOLIO:-}" ]; then
  prepare_portfolio
fi
echo "one process (--mode=all):"
measure_all
stop_last_apps 1

start_app api "$data" -- --mode=api
api="http://localhost:$app_port/api/v1"
database_url="jdbc:postgresql://localhost:$(cat "$data/postgres.port")/trading_backtest"
# A worker serves no API, but every process with DATABASE_URL must have a JWT_SECRET.
start_app worker "$work/worker" DATABASE_URL="$database_url" DATABASE_USERNAME=postgres \
  DATABASE_PASSWORD="$(cat "$data/secrets/postgres-password")" \
  JWT_SECRET="$(head -c 48 /dev/urandom | base64 | tr -d '\n')" -- --mode=worker
token="$(curl -fsS "$api/auth/login" -H 'Content-Type: application/json' \
  -d '{"login":"bench","password":"bench-password-1"}' | jq -r .access_token)"
auth="Authorization: Bearer $token"
echo "API process (--mode=api) + worker process (--mode=worker), one database:"
measure_all
