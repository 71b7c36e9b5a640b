#!/usr/bin/env bash
# The supervisor of the single-app image (docker/Dockerfile.single, fly.toml): nginx on PORT in front of
# the backend on BACKEND_PORT, in one container. Both run as the unprivileged `app` user; if either one
# exits, the other is stopped and the container ends with that status, so the platform restarts the
# whole. SIGTERM (a deploy, `fly machine stop`) stops nginx gracefully and lets the backend finish its
# requests and shut its embedded PostgreSQL down cleanly.
#
# Started as root (fly.io mounts a new volume owned by root), it hands DATA_DIR to `app` and re-executes
# itself as `app`; started as any other user, it runs as that user.
set -euo pipefail

: "${PORT:=8080}"
: "${BACKEND_PORT:=8081}"
# The backend's actuator (Prometheus metrics) on a port of its own, beside BACKEND_PORT.
: "${MANAGEMENT_PORT:=8082}"
# nginx, on loopback, is the only proxy whose X-Forwarded-For/-Proto the backend believes.
: "${TRUSTED_PROXIES:=127.0.0.1}"
export MANAGEMENT_PORT TRUSTED_PROXIES
: "${DATA_DIR:=/data}"
: "${STATIC_ROOT:=/app/static}"
export DATA_DIR STATIC_ROOT
template="${NGINX_TEMPLATE:-/etc/trading-backtest/nginx.conf}"
conf_dir="${NGINX_CONF_DIR:-/tmp/nginx/conf}"
run_dir="${NGINX_RUN_DIR:-/tmp/nginx/run}"
backend_start="${BACKEND_START:-/app/bin/backend.sh}"

if [ "$(id -u)" -eq 0 ]; then
  mkdir -p "$DATA_DIR"
  if [ "$(stat -c %U "$DATA_DIR")" != app ]; then
    chown -R app:app "$DATA_DIR"
  fi
  # nginx opens /dev/stdout by name for its access log: the container's output pipes must be app's too.
  chown --dereference app "/proc/$$/fd/1" "/proc/$$/fd/2" 2>/dev/null || true
  exec setpriv --reuid=app --regid=app --init-groups --inh-caps=-all -- "$0" "$@"
fi

log() { echo "single.sh: $*" >&2; }

# nginx: the repository's template, rendered for this container.
NGINX_PORT="$PORT" BACKEND_UPSTREAM="127.0.0.1:$BACKEND_PORT" NGINX_RUN_DIR="$run_dir" \
  render-nginx-conf "$template" "$conf_dir"
nginx -t -q -c "$conf_dir/nginx.conf" -e stderr

backend_pid=""
nginx_pid=""
stopping=0
requested=0
shutdown() {
  stopping=1
  log "stopping"
  [ -z "$nginx_pid" ] || kill -QUIT "$nginx_pid" 2>/dev/null || true     # graceful: finish the requests in flight
  [ -z "$backend_pid" ] || kill -TERM "$backend_pid" 2>/dev/null || true # graceful: Spring Boot, then its PostgreSQL
}
trap 'requested=1; shutdown' TERM INT

# The backend: PORT is nginx's, so the backend gets its own. Neither its port nor MANAGEMENT_PORT is
# published by the platform (fly.toml's [metrics] scrapes /actuator/prometheus on MANAGEMENT_PORT over the
# private network).
PORT="$BACKEND_PORT" "$backend_start" "$@" &
backend_pid=$!
nginx -c "$conf_dir/nginx.conf" -e stderr -g 'daemon off;' &
nginx_pid=$!
log "backend (pid $backend_pid) on :$BACKEND_PORT (metrics :$MANAGEMENT_PORT), nginx (pid $nginx_pid) on :$PORT"

# Whichever ends first (or a signal), the other follows.
status=0
wait -n "$backend_pid" "$nginx_pid" || status=$?
if [ "$stopping" -eq 0 ]; then
  if kill -0 "$backend_pid" 2>/dev/null; then
    log "nginx exited ($status); stopping the backend"
  else
    log "the backend exited ($status); stopping nginx"
  fi
  shutdown
fi
wait "$backend_pid" 2>/dev/null || true
wait "$nginx_pid" 2>/dev/null || true
if [ "$requested" -eq 1 ]; then
  status=0 # stopped on request
fi
log "stopped ($status)"
exit "$status"
