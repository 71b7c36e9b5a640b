#!/usr/bin/env bash
# Deploys to fly.io: builds each image on fly's remote builder, pushes it with a label naming the commit,
# deploys that image (migrations run as the backend's release_command), then checks the health endpoint
# from outside.
#
#   scripts/deploy.sh single      option A: fly.toml (one app: nginx + backend + embedded PostgreSQL)
#   scripts/deploy.sh split       option B: fly.backend.toml, then fly.frontend.toml
#
# Needs flyctl logged in (fly auth login) or FLY_API_TOKEN. Settings: DEPLOY_LABEL (default: the commit),
# NEXT_PUBLIC_SENTRY_DSN (a build argument of the web application), DRY_RUN=1 (print the commands only),
# SKIP_SMOKE_TEST=1. docs/DEPLOYMENT.md has the first-time set-up of each app.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

usage() {
  sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}
[ $# -ge 1 ] || usage
target="$1"
case "$target" in
  single | split) ;;
  *) usage ;;
esac

fly="${FLYCTL:-}"
if [ -z "$fly" ]; then
  fly="$(command -v flyctl || command -v fly || true)"
fi
if [ -z "$fly" ] && [ "${DRY_RUN:-}" != 1 ]; then
  echo "deploy.sh: flyctl is not installed (https://fly.io/docs/flyctl/install/)" >&2
  exit 1
fi
fly="${fly:-flyctl}"

label="${DEPLOY_LABEL:-}"
if [ -z "$label" ]; then
  label="$(git rev-parse --short=12 HEAD 2>/dev/null || date -u +%Y%m%d%H%M%S)"
  if [ -n "$(git status --porcelain 2>/dev/null || true)" ]; then
    label="$label-dirty-$(date -u +%Y%m%d%H%M%S)"
  fi
fi

run() {
  printf '+ %s\n' "$*" >&2
  [ "${DRY_RUN:-}" = 1 ] || "$@"
}

app_of() { # the app name in a fly configuration
  sed -n 's/^app *= *"\([^"]*\)".*/\1/p' "$1" | head -n 1
}

# deploy CONFIG [build arguments...]
deploy() {
  local config="$1" app image
  shift
  app="$(app_of "$config")"
  [ -n "$app" ] || { echo "deploy.sh: no app name in $config" >&2; exit 1; }
  image="registry.fly.io/$app:$label"
  echo "== $app ($config) as $image" >&2
  run "$fly" deploy --config "$config" --app "$app" --remote-only --build-only --push --image-label "$label" "$@"
  run "$fly" deploy --config "$config" --app "$app" --image "$image" --wait-timeout 10m \
    --env "SENTRY_RELEASE=$label"
}

# smoke_test URL: the health endpoint answers UP from outside (after the machines' own checks passed)
smoke_test() {
  local url="$1"
  [ "${SKIP_SMOKE_TEST:-}" != 1 ] || return 0
  echo "== checking $url" >&2
  if [ "${DRY_RUN:-}" = 1 ]; then
    printf '+ curl %s\n' "$url" >&2
    return 0
  fi
  local _
  for _ in $(seq 1 30); do
    if curl -fsS --max-time 10 "$url" | grep -q '"status":"UP"'; then
      echo "deploy.sh: $url is UP" >&2
      return 0
    fi
    sleep 10
  done
  echo "deploy.sh: $url did not answer UP within 5 minutes" >&2
  exit 1
}

web_build_args=()
if [ -n "${NEXT_PUBLIC_SENTRY_DSN:-}" ]; then
  web_build_args+=(--build-arg "NEXT_PUBLIC_SENTRY_DSN=$NEXT_PUBLIC_SENTRY_DSN")
fi
web_build_args+=(--build-arg "NEXT_PUBLIC_SENTRY_RELEASE=$label")

case "$target" in
  single)
    deploy fly.toml "${web_build_args[@]}"
    smoke_test "https://$(app_of fly.toml).fly.dev/actuator/health"
    ;;
  split)
    # The backend first: its release command migrates the database, and the new API is up before the web
    # application that calls it.
    deploy fly.backend.toml
    deploy fly.frontend.toml "${web_build_args[@]}"
    # Through the web app's nginx to the private backend: both answer.
    smoke_test "https://$(app_of fly.frontend.toml).fly.dev/actuator/health"
    ;;
  *)
    usage
    ;;
esac
echo "deploy.sh: deployed $label ($target)" >&2
