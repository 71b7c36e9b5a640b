#!/usr/bin/env bash
# Brings the PostgreSQL named by DATABASE_URL up to date, then exits: the Flyway migrations of
# backend/app/src/main/resources/db/migration, and JobRunr's own jobrunr_* tables.
#
#   DATABASE_URL=postgres://user:pass@host:5432/db?sslmode=require scripts/migrate.sh
#
# fly.io runs it as the release command (fly.backend.toml) before any new machine starts; run it by hand
# before pointing a new version at a shared database. The app migrates on start as well, so this is
# about doing it once, first, and failing the deploy instead of the machines when a migration fails.
#
# How: the service jar starts with Spring Framework's -Dspring.context.exit=onRefresh, which ends the
# JVM once the application context is refreshed. Flyway and JobRunr's table creation run during the
# refresh; the process ends before the web server opens a port, before any worker takes a job and before
# sample data is seeded. A failed migration fails the refresh, and this script exits non-zero.
# Without DATABASE_URL there is nothing to do: the embedded database migrates when the app starts.
#
# The jar: TB_JAR (set in the container images), else the repository's build (built when missing).
# Extra arguments go to the app, e.g. --spring.flyway.validate-on-migrate=false.
set -euo pipefail

if [ -z "${DATABASE_URL:-}" ]; then
  echo "migrate.sh: DATABASE_URL is not set. The embedded database migrates itself when the app starts;" \
    "give the database to migrate as DATABASE_URL=postgres://user:pass@host:5432/db" >&2
  exit 2
fi

jar="${TB_JAR:-}"
if [ -z "$jar" ]; then
  root="$(cd "$(dirname "$0")/.." && pwd)"
  jar="$root/backend/app/target/trading-backtest.jar"
  if [ ! -f "$jar" ]; then
    echo "migrate.sh: building the jar" >&2
    "$root/backend/mvnw" -f "$root/backend/pom.xml" -q -B -DskipTests package
  fi
fi
[ -f "$jar" ] || { echo "migrate.sh: no jar at $jar" >&2; exit 1; }

# The app refuses to start on an external database without the token-signing key. This process signs
# nothing, so any key does when none is given.
if [ -z "${JWT_SECRET:-}" ]; then
  JWT_SECRET="$(head -c 48 /dev/urandom | base64 | tr -d '\n')"
  export JWT_SECRET
fi

read -r -a java_opts <<<"${JAVA_OPTS:-}"
target="${DATABASE_URL#*://}"
target="${target#*@}"
echo "migrate.sh: migrating ${target%%\?*}" >&2
exec java "${java_opts[@]}" -Dspring.context.exit=onRefresh -jar "$jar" \
  --server.port=0 --management.server.port=0 --mode=api --tb.marketdata.seed=never --spring.main.banner-mode=off \
  --jobrunr.background-job-server.enabled=false --jobrunr.dashboard.enabled=false "$@"
