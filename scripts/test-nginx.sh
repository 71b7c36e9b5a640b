#!/usr/bin/env bash
# nginx for real, in front of the real app: renders the repository's nginx/nginx.conf with free ports and
# temporary paths, starts Debian's nginx (installed if missing) before the app's jar, and checks through it
# what the container deployments rely on: static pages and deep links of the export, the API with a login,
# Server-Sent Events arriving unbuffered, gzip, cache and security headers, the body limit, and the answer
# when the backend is down.
#
# The topology is the Compose / fly.io one: nginx -> an API-only process (--mode=api, with the embedded
# PostgreSQL) and a separate worker process (--mode=worker) on the same database; the run's events reach
# the browser through nginx from whichever process changed the run.
#
#   scripts/test-nginx.sh             (needs the jar: built with the Maven wrapper when missing)
# Settings: STATIC_DIR (default frontend/out when it has an index.html, else a small fixture made here),
# KEEP_TMP=1 keeps the temporary folder (logs, rendered configuration) for a look afterwards.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
jar_source="backend/app/target/trading-backtest.jar"
started_at=$EPOCHREALTIME
passed=0
failed=0

say() { printf '== %s (%ss)\n' "$*" "$(elapsed)"; }
elapsed() { awk -v a="$started_at" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }'; }
pass() { passed=$((passed + 1)); printf '  ok   %s\n' "$1"; }
fail() { failed=$((failed + 1)); printf '  FAIL %s\n' "$1"; [ -z "${2:-}" ] || printf '       %s\n' "$2"; }
check() { # check NAME COMMAND...: passes when the command succeeds
  local name="$1"
  shift
  if "$@"; then pass "$name"; else fail "$name"; fi
}
die() { echo "test-nginx: $*" >&2; exit 1; }

# --- tools ---------------------------------------------------------------------------------------------
nginx_bin="$(command -v nginx || true)"
[ -n "$nginx_bin" ] || { [ -x /usr/sbin/nginx ] && nginx_bin=/usr/sbin/nginx; } || true
if [ -z "$nginx_bin" ]; then
  say "installing Debian's nginx"
  sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo -n)
  # RUNLEVEL=1: the package's service is not started (this script runs its own nginx).
  "${sudo[@]}" env RUNLEVEL=1 DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${sudo[@]}" env RUNLEVEL=1 DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null
  nginx_bin=/usr/sbin/nginx
fi
command -v curl >/dev/null || die "curl is required"
"$nginx_bin" -v 2>&1 | sed 's/^/   /'

if [ ! -f "$jar_source" ]; then
  say "building the jar"
  backend/mvnw -f backend/pom.xml -q -B -DskipTests package
fi

# --- a scratch folder, and cleaning up whatever happens -----------------------------------------------
work="$(mktemp -d "${TMPDIR:-/tmp}/test-nginx.XXXXXX")"
chmod 755 "$work"
api_pid=""
worker_pid=""
nginx_pid=""
sse_pid=""

stop() { # stop PID [SECONDS]: TERM, then KILL when it lingers
  local pid="$1" wait_s="${2:-30}" i
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < wait_s * 10; i++)); do
    kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; return 0; }
    sleep 0.1
  done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

cleanup() {
  local status=$?
  stop "$sse_pid" 2
  stop "$nginx_pid" 10
  stop "$worker_pid" 40
  stop "$api_pid" 40
  if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ]; then
    for log in api.log worker.log nginx/error.log; do
      if [ -s "$work/$log" ]; then
        echo "--- last lines of $log"
        tail -n 25 "$work/$log"
      fi
    done
  fi
  if [ "${KEEP_TMP:-}" = 1 ]; then
    echo "kept $work"
  else
    rm -rf "$work"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
  local port _
  for _ in $(seq 1 100); do
    port=$((20000 + RANDOM % 30000))
    if ! (: <"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  die "no free port found"
}

# --- the static export -----------------------------------------------------------------------------------
static="$work/static"
source_dir="${STATIC_DIR:-frontend/out}"
if [ -f "$source_dir/index.html" ]; then
  # A copy: a frontend build running meanwhile must not change the files under the test.
  cp -R "$source_dir" "$static"
  static_kind="the export in $source_dir"
else
  mkdir -p "$static/strategies/_" "$static/_next/static/chunks"
  echo '<!doctype html><title>Trading Backtest</title><p>home' >"$static/index.html"
  echo '<!doctype html><title>Not found</title><p>404' >"$static/404.html"
  echo '<!doctype html><title>Log in</title><p>login' >"$static/login.html"
  echo '<!doctype html><title>Strategies</title><p>list' >"$static/strategies.html"
  echo '<!doctype html><title>New strategy</title><p>new' >"$static/strategies/new.html"
  echo '<!doctype html><title>Strategy</title><p>placeholder page for any id' >"$static/strategies/_.html"
  echo '0:{"placeholder":"rsc payload"}' >"$static/strategies/_.txt"
  echo '0:{"tree":"placeholder"}' >"$static/strategies/_/__next._tree.txt"
  for i in $(seq 1 200); do echo "export function f$i(a) { return a * $i + 'chunk'; }"; done \
    >"$static/_next/static/chunks/app-0f3c9a7b1d2e.js"
  static_kind="a fixture (no frontend/out)"
fi
chmod -R a+rX "$static"

# What to ask for: a page, a dynamic route's placeholder page, a hashed script.
page=""
for candidate in login strategies dashboard; do
  if [ -f "$static/$candidate.html" ]; then page="$candidate"; break; fi
done
[ -n "$page" ] || die "the export has none of login.html, strategies.html, dashboard.html"
placeholder="$(cd "$static" && find . -path ./_next -prune -o -type f -name '_.html' -print | head -n 1)"
[ -n "$placeholder" ] || die "the export has no dynamic route (no _.html page)"
placeholder="${placeholder#.}"    # /strategies/_.html
dyn_prefix="${placeholder%_.html}" # /strategies/
asset="$(cd "$static" && find ./_next/static -type f -name '*.js' -size +2k | head -n 1)"
[ -n "$asset" ] || die "the export has no script under _next/static"
asset="${asset#.}"

# --- the app: an API-only process with the embedded PostgreSQL ------------------------------------------
cp "$jar_source" "$work/app.jar" # a copy: a rebuild meanwhile must not pull the jar from under the JVM
api_port="$(free_port)"
api_management_port="$(free_port)"
say "starting the app (API only) on 127.0.0.1:$api_port; static files: $static_kind"
# The upload limit is small here so that the body-limit check sends only a few megabytes.
export MAX_UPLOAD_SIZE=2MB
java_opts=(-XX:TieredStopAtLevel=1 -Xss512k)
[ -z "${TEST_JAVA_OPTS:-}" ] || read -r -a java_opts <<<"$TEST_JAVA_OPTS"
env -u DATABASE_URL -u DATABASE_USERNAME -u DATABASE_PASSWORD -u JWT_SECRET -u REDIS_URL \
  DATA_DIR="$work/data" PORT="$api_port" SEED_SAMPLE_DATA=if-empty SEED_ONLINE=false WORKER_POLL_INTERVAL=5 \
  SPRING_PROFILES_ACTIVE="" APP_MODE=api MANAGEMENT_PORT="$api_management_port" TRUSTED_PROXIES=127.0.0.1 \
  java "${java_opts[@]}" -jar "$work/app.jar" --mode=api --server.address=127.0.0.1 \
  --management.server.address=127.0.0.1 >"$work/api.log" 2>&1 &
api_pid=$!

wait_healthy() { # wait_healthy PORT PID NAME SECONDS
  local port="$1" pid="$2" name="$3" seconds="$4" i
  for ((i = 0; i < seconds * 2; i++)); do
    kill -0 "$pid" 2>/dev/null || die "the $name process exited while starting (see its log above)"
    if curl -fsS -o /dev/null "http://127.0.0.1:$port/actuator/health" 2>/dev/null; then
      return 0
    fi
    sleep 0.5
  done
  die "the $name process did not become healthy within $seconds s"
}
wait_healthy "$api_port" "$api_pid" api 240
say "the app is up"

# --- nginx with the repository's configuration ---------------------------------------------------------
nginx_port="$(free_port)"
mkdir -p "$work/nginx"
NGINX_PORT="$nginx_port" NGINX_LISTEN_ADDRESS=127.0.0.1 BACKEND_UPSTREAM="127.0.0.1:$api_port" \
  STATIC_ROOT="$static" NGINX_RUN_DIR="$work/nginx/run" NGINX_WORKER_PROCESSES=2 \
  NGINX_ACCESS_LOG="$work/nginx/access.log" NGINX_ERROR_LOG="$work/nginx/error.log" \
  nginx/render.sh nginx/nginx.conf "$work/nginx"
nginx_globals="daemon off;"
# As root, nginx would hand its workers to `nobody`; run them as the current user instead.
[ "$(id -u)" -ne 0 ] || nginx_globals="$nginx_globals user root;"
"$nginx_bin" -t -q -c "$work/nginx/nginx.conf" -e "$work/nginx/error.log" -g "$nginx_globals" \
  || die "nginx rejects the rendered configuration"
"$nginx_bin" -c "$work/nginx/nginx.conf" -e "$work/nginx/error.log" -g "$nginx_globals" &
nginx_pid=$!
base="http://127.0.0.1:$nginx_port"
for ((i = 0; i < 50; i++)); do
  curl -fsS -o /dev/null "$base/actuator/health" 2>/dev/null && break
  kill -0 "$nginx_pid" 2>/dev/null || die "nginx exited while starting"
  sleep 0.2
done
say "nginx is up on $base in front of 127.0.0.1:$api_port"

# --- helpers over curl -----------------------------------------------------------------------------------
# fetch NAME [curl args...]: body in $work/NAME.body, headers in $work/NAME.headers, status in $status
status=""
fetch() {
  local name="$1"
  shift
  status="$(curl -sS -o "$work/$name.body" -D "$work/$name.headers" -w '%{http_code}' "$@")" || status="curl-failed"
}
header() { # header NAME FIELD: the field's value (last one), without CR
  grep -i "^$2:" "$work/$1.headers" | tail -n 1 | cut -d: -f2- | sed -e 's/^ *//' -e 's/\r$//'
}
header_count() { grep -ci "^$2:" "$work/$1.headers" || true; }
is() { [ "$1" = "$2" ]; }
has() { case "$1" in *"$2"*) return 0 ;; *) return 1 ;; esac; }
same_file() { cmp -s "$1" "$2"; }
json_field() { # json_field NAME KEY: the first string value of KEY in the body
  grep -o "\"$2\":\"[^\"]*\"" "$work/$1.body" | head -n 1 | cut -d'"' -f4
}
not_one_of() { # not_one_of VALUE CANDIDATES...
  local value="$1" candidate
  shift
  for candidate in "$@"; do [ "$value" != "$candidate" ] || return 1; done
}

# --- static pages ----------------------------------------------------------------------------------------
say "static pages"
fetch home "$base/"
check "GET / is the export's index page" is "$status" 200
check "  ... with the page itself" same_file "$work/home.body" "$static/index.html"
check "  ... as HTML" has "$(header home Content-Type)" text/html
check "  ... revalidated (Cache-Control: no-cache)" is "$(header home Cache-Control)" no-cache
check "  ... with a Content-Security-Policy" has "$(header home Content-Security-Policy)" "script-src 'self'"
check "  ... X-Frame-Options DENY" is "$(header home X-Frame-Options)" DENY
check "  ... X-Content-Type-Options nosniff" is "$(header home X-Content-Type-Options)" nosniff
check "  ... Referrer-Policy" is "$(header home Referrer-Policy)" strict-origin-when-cross-origin
check "  ... Permissions-Policy" has "$(header home Permissions-Policy)" "camera=()"
check "  ... no HSTS over plain HTTP" is "$(header_count home Strict-Transport-Security)" 0
check "  ... no nginx version" is "$(header home Server)" nginx
fetch home_https -H "X-Forwarded-Proto: https" "$base/"
check "HSTS when the edge says https" has "$(header home_https Strict-Transport-Security)" "max-age=31536000"

fetch page "$base/$page"
check "clean URL /$page is $page.html" is "$status" 200
check "  ... the page itself" same_file "$work/page.body" "$static/$page.html"
fetch slash "$base/$page/"
check "/$page/ redirects to /$page" is "$status $(header slash Location)" "301 /$page"

id="3f2c1b0a-9d8e-4f7a-8b6c-5d4e3f2a1b0c"
fetch deep "$base${dyn_prefix}$id"
check "deep link ${dyn_prefix}<id> answers 200" is "$status" 200
check "  ... with the route's placeholder page ${dyn_prefix}_.html" same_file "$work/deep.body" "$static$placeholder"
if [ -f "$static${dyn_prefix}_.txt" ]; then
  fetch deep_txt "$base${dyn_prefix}$id.txt"
  check "  ... and its RSC payload ${dyn_prefix}<id>.txt -> _.txt" same_file "$work/deep_txt.body" "$static${dyn_prefix}_.txt"
fi
nested=""
if [ -d "$static${dyn_prefix}_" ]; then
  nested="$(cd "$static${dyn_prefix}_" && find . -maxdepth 1 -type f -name '*.txt' | head -n 1)"
fi
if [ -n "$nested" ]; then
  nested="${nested#./}"
  fetch deep_nested "$base${dyn_prefix}$id/$nested"
  check "  ... and ${dyn_prefix}<id>/$nested -> _/$nested" same_file "$work/deep_nested.body" "$static${dyn_prefix}_/$nested"
fi
if [ -f "$static${dyn_prefix}new.html" ]; then
  fetch deep_new "$base${dyn_prefix}new"
  check "a real page under the route (${dyn_prefix}new) wins over the placeholder" \
    same_file "$work/deep_new.body" "$static${dyn_prefix}new.html"
fi
fetch missing "$base/no/such/page"
check "an unknown path is 404" is "$status" 404
if [ -f "$static/404.html" ]; then
  check "  ... with the export's 404 page" same_file "$work/missing.body" "$static/404.html"
fi

fetch asset -H "Accept-Encoding: gzip" "$base$asset"
check "hashed asset $asset answers 200" is "$status" 200
check "  ... cached for a year, immutable" is "$(header asset Cache-Control)" "public, max-age=31536000, immutable"
check "  ... gzip-compressed" is "$(header asset Content-Encoding)" gzip
check "  ... as JavaScript" has "$(header asset Content-Type)" javascript
check "  ... Vary: Accept-Encoding" has "$(header asset Vary)" Accept-Encoding
check "  ... security headers too" is "$(header asset X-Content-Type-Options)" nosniff

# --- the API -----------------------------------------------------------------------------------------------
say "API through nginx"
user="nginx$RANDOM$RANDOM"
fetch register -H 'Content-Type: application/json' \
  -d "{\"email\":\"$user@example.com\",\"username\":\"$user\",\"password\":\"correct horse 42\"}" \
  "$base/api/v1/auth/register"
check "POST /api/v1/auth/register signs up" has "200 201" "$status"
token="$(json_field register access_token)"
check "  ... and returns an access token" test -n "$token"
auth="Authorization: Bearer $token"
fetch me -H "$auth" -H "X-Request-Id: test-nginx-request-0001" "$base/api/v1/auth/me"
check "GET /api/v1/auth/me with the token" is "$status" 200
check "  ... is the new user" is "$(json_field me username)" "$user"
check "  ... JSON" has "$(header me Content-Type)" application/json
check "  ... the request id carried through to the backend and back" is "$(header me X-Request-Id)" test-nginx-request-0001
check "  ... one Content-Security-Policy (the backend's replaced, not doubled)" is "$(header_count me Content-Security-Policy)" 1
check "  ... the backend's Cache-Control kept" has "$(header me Cache-Control)" no-store
fetch anonymous "$base/api/v1/auth/me"
check "without a token: 401" is "$status" 401
check "  ... a problem document" has "$(header anonymous Content-Type)" application/problem+json
check "  ... the backend sees (in its links) the address the browser used" \
  has "$(header anonymous WWW-Authenticate)" "http://127.0.0.1:$nginx_port/"
fetch language -H "$auth" -H "Accept-Encoding: gzip" "$base/api/v1/strategies/language"
check "a large JSON answer (the language catalogue) is gzip-compressed" is "$status $(header language Content-Encoding)" "200 gzip"
fetch openapi "$base/api/v1/openapi.json"
check "the OpenAPI document" is "$status" 200
fetch docs -L "$base/docs"
check "Swagger UI at /docs (through its redirects)" is "$status" 200
check "  ... is Swagger UI" grep -qi swagger "$work/docs.body"
fetch health "$base/actuator/health"
check "/actuator/health is the backend's" is "$status" 200
check "  ... UP" grep -q '"status":"UP"' "$work/health.body"
fetch nginx_health "$base/nginx-health"
check "/nginx-health is nginx's own" is "$status $(cat "$work/nginx_health.body")" "200 ok"
fetch prometheus "$base/actuator/prometheus"
check "/actuator/prometheus is not published through nginx" is "$status" 404
fetch prometheus_app "http://127.0.0.1:$api_port/actuator/prometheus"
check "  ... nor on the backend's own port" is "$status" 404
fetch metrics "http://127.0.0.1:$api_management_port/actuator/prometheus"
check "the metrics are on the backend's management port (MANAGEMENT_PORT)" is "$status" 200
check "  ... with the API's response times" grep -q http_server_requests_seconds "$work/metrics.body"

# --- Server-Sent Events ----------------------------------------------------------------------------------
say "Server-Sent Events through nginx"
fetch strategy -H "$auth" -H 'Content-Type: application/json' \
  -d '{"name":"nginx test crossover","code":"long_entry = crossover(sma(close, 10), sma(close, 30))\nlong_exit = crossunder(sma(close, 10), sma(close, 30))"}' \
  "$base/api/v1/strategies"
check "POST /api/v1/strategies" is "$status" 201
strategy_id="$(json_field strategy id)"
fetch run -H "$auth" -H 'Content-Type: application/json' \
  -d "{\"strategy_id\":\"$strategy_id\",\"symbol\":\"AAPL\",\"interval\":\"1d\",\"start_date\":\"2013-01-01\",\"end_date\":\"2013-12-31\",\"initial_capital\":10000}" \
  "$base/api/v1/backtests"
check "POST /api/v1/backtests (AAPL 1d 2013) is accepted" is "$status" 202
run_id="$(json_field run id)"

# No process runs jobs yet: the run stays pending, and its stream stays open. The first event must reach
# the client now, not when the stream ends (that is what proxy_buffering off is for).
curl -sS -N --max-time 240 -H "$auth" -H "Accept-Encoding: gzip" -D "$work/sse.headers" \
  -o "$work/sse.body" "$base/api/v1/backtests/$run_id/events" 2>"$work/sse.err" &
sse_pid=$!
first_event_after=""
sse_opened=$EPOCHREALTIME
for ((i = 0; i < 100; i++)); do
  if grep -q '"status":"pending"' "$work/sse.body" 2>/dev/null; then
    first_event_after="$(awk -v a="$sse_opened" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.2f", b - a }')"
    break
  fi
  sleep 0.1
done
check "the first event (pending) arrives while the stream is open (after ${first_event_after:-never} s)" \
  test -n "$first_event_after"
check "  ... the stream is still open then" kill -0 "$sse_pid"
check "  ... as text/event-stream" has "$(header sse Content-Type)" text/event-stream
check "  ... not compressed" is "$(header_count sse Content-Encoding)" 0

# A worker process on the same database picks the run up; its events reach this stream via LISTEN/NOTIFY.
worker_port="$(free_port)"
say "starting a worker process (--mode=worker) on the same database"
db_port="$(cat "$work/data/postgres.port")"
db_password="$(cat "$work/data/secrets/postgres-password")"
jwt_secret="$(cat "$work/data/secrets/jwt-secret")"
env -u REDIS_URL DATABASE_URL="jdbc:postgresql://localhost:$db_port/trading_backtest" DATABASE_USERNAME=postgres \
  DATABASE_PASSWORD="$db_password" JWT_SECRET="$jwt_secret" PORT="$worker_port" MANAGEMENT_PORT="$(free_port)" SEED_SAMPLE_DATA=never \
  WORKER_POLL_INTERVAL=5 DATA_DIR="$work/worker-data" SPRING_PROFILES_ACTIVE="" APP_MODE=worker \
  java "${java_opts[@]}" -jar "$work/app.jar" --mode=worker --server.address=127.0.0.1 \
  --management.server.address=127.0.0.1 >"$work/worker.log" 2>&1 &
worker_pid=$!
sse_done=""
for ((i = 0; i < 2400; i++)); do
  if ! kill -0 "$sse_pid" 2>/dev/null; then
    wait "$sse_pid" 2>/dev/null || true
    sse_pid=""
    sse_done=1
    break
  fi
  kill -0 "$worker_pid" 2>/dev/null || break
  sleep 0.1
done
check "the stream ends by itself after the final state" test -n "$sse_done"
last_status="$(grep '^data:' "$work/sse.body" | tail -n 1 | sed -n 's/.*"status":"\([a-z]*\)".*/\1/p')"
check "  ... which is completed" is "$last_status" completed
check "  ... after running" grep -q '"status":"running"' "$work/sse.body"
check "  ... events named status" is "$(grep -c '^event:status' "$work/sse.body")" "$(grep -c '^data:' "$work/sse.body")"
fetch result -H "$auth" "$base/api/v1/backtests/$run_id/status"
check "the run is completed (GET .../status)" grep -q '"status":"completed"' "$work/result.body"
say "the run completed"

# --- request size limit ----------------------------------------------------------------------------------
say "request body limit (MAX_UPLOAD_SIZE=$MAX_UPLOAD_SIZE)"
head -c 3145728 /dev/zero | tr '\0' 'a' >"$work/big.csv"
fetch too_big -H "$auth" -H 'Content-Type: text/csv' --data-binary "@$work/big.csv" "$base/api/v1/data/import"
check "a 3 MB body is refused by nginx with 413" is "$status" 413
check "  ... as a problem document" is "$(header too_big Content-Type)" application/problem+json
check "  ... of type payload-too-large" grep -q '"type":"/problems/payload-too-large"' "$work/too_big.body"
check "  ... with the security headers" is "$(header too_big X-Content-Type-Options)" nosniff
head -c 1048576 /dev/zero | tr '\0' 'b' >"$work/fits.csv"
fetch fits -H "$auth" -F "file=@$work/fits.csv" -F symbol=NGINXTEST -F interval=1d -F market=CUSTOM \
  -F currency=USD -F time_zone=UTC "$base/api/v1/data/import"
check "a 1 MB upload passes nginx (the backend answers $status)" not_one_of "$status" 413 502 503 curl-failed
check "  ... the backend's answer (it carries the request id)" test -n "$(header fits X-Request-Id)"

# --- the backend going away ------------------------------------------------------------------------------
say "backend stopped"
stop "$worker_pid" 40
worker_pid=""
stop "$api_pid" 40
api_pid=""
fetch down -H "$auth" "$base/api/v1/auth/me"
check "with the backend down, /api answers 503" is "$status" 503
check "  ... as a problem document" is "$(header down Content-Type)" application/problem+json
fetch down_health "$base/actuator/health"
check "  ... and the health check fails" is "$status" 503
fetch down_static "$base/"
check "  ... while the static pages are still served" is "$status" 200

say "done"
echo "nginx: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
