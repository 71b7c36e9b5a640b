#!/usr/bin/env bash
# Runs every benchmark of docs/PERFORMANCE.md: our engine against ta4j 0.22.2, in one JMH run.
#
#   backend/bench/run.sh                         # everything (about 45 minutes on the 2-core machine)
#   backend/bench/run.sh '\.SingleBacktestBench\.'   # extra arguments go to JMH (here: a subset)
#
# 1. builds and installs the engine with Java 17 (as make test / CI do);
# 2. builds the benchmarks with Java 21+ (ta4j 0.18+ needs it; the bench module only exists on JDK 21+);
# 3. prints the machine's real parallelism and a sanity check that both engines trade alike;
# 4. runs JMH, writing target/jmh-result.json and target/jmh-output.txt;
# 5. prints the ratio tables (target/report.md) made from the JSON by com.tradingbacktest.bench.Report.
#
# JAVA17_HOME and JAVA25_HOME override the JDKs (defaults: the Debian JDK 17 and Temurin 25).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
backend="$(dirname "$here")"
java17="${JAVA17_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}"
java25="${JAVA25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
for jdk in "$java17" "$java25"; do
  [ -x "$jdk/bin/java" ] || { echo "No JDK at $jdk (set JAVA17_HOME / JAVA25_HOME)" >&2; exit 1; }
done

cd "$backend"
echo "== Building the engine with $("$java17/bin/java" -version 2>&1 | head -1)"
JAVA_HOME="$java17" ./mvnw -B -q -DskipTests install -pl engine -am

echo "== Building the benchmarks with $("$java25/bin/java" -version 2>&1 | head -1)"
# Maven 3.9's Guice uses sun.misc.Unsafe, which JDK 24+ warns about: allow it quietly.
JAVA_HOME="$java25" MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow" \
  ./mvnw -B -q -DskipTests package -pl bench

jar="$here/target/benchmarks.jar"
out="$here/target"
java=("$java25/bin/java" --sun-misc-unsafe-memory-access=allow -Dslf4j.internal.verbosity=ERROR)

echo "== Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
"${java[@]}" -cp "$jar" com.tradingbacktest.bench.CpuScaling

echo "== Sanity: the same crossover on the same bars in both engines"
"${java[@]}" -Xms4g -Xmx4g -cp "$jar" com.tradingbacktest.bench.Sanity 10000 100000 1000000

echo "== JMH"
"${java[@]}" -jar "$jar" -rf json -rff "$out/jmh-result.json" \
  -jvmArgsPrepend "--sun-misc-unsafe-memory-access=allow -Dslf4j.internal.verbosity=ERROR" "$@" \
  2>&1 | tee "$out/jmh-output.txt"

echo "== Report"
"${java[@]}" -cp "$jar" com.tradingbacktest.bench.Report "$out/jmh-result.json" | tee "$out/report.md"
echo "Results: $out/jmh-result.json, $out/jmh-output.txt, $out/report.md"
