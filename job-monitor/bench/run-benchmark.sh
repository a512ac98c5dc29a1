#!/usr/bin/env bash
# Benchmark of the job monitor's reconciliation cycle on the embedded store.
#
# Usage: job-monitor/bench/run-benchmark.sh [jobs] [fraction changed per cycle] [cycles]
#   defaults: 10000 0.01 10
# Environment: MVN_OPTS (e.g. -o).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
classpath_file="job-monitor/target/bench.classpath"
./mvnw -B -q ${MVN_OPTS:-} -pl job-monitor -am install -DskipTests
./mvnw -B -q ${MVN_OPTS:-} -pl job-monitor test-compile dependency:build-classpath \
	-Dmdep.outputFile="$root/$classpath_file" -Dmdep.includeScope=test
echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
exec java -Xmx1g -cp "job-monitor/target/test-classes:job-monitor/target/classes:$(cat "$classpath_file")" \
	io.caesarrest.monitor.bench.ReconcilerBenchmark "${1:-10000}" "${2:-0.01}" "${3:-10}"
