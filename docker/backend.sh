#!/usr/bin/env bash
# Starts the service in a container image: java with JAVA_OPTS, then the jar with any arguments
# (e.g. --mode=worker). JAVA_OPTS holds the memory flags for small machines (see the Dockerfiles);
# override it whole, e.g. JAVA_OPTS="-XX:MaxRAMPercentage=70 -XX:+UseSerialGC".
set -euo pipefail
jar="${TB_JAR:-/app/trading-backtest.jar}"
read -r -a java_opts <<<"${JAVA_OPTS:-}"
exec java "${java_opts[@]}" -jar "$jar" "$@"
