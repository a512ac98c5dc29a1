#!/usr/bin/env bash
# Benchmark of the built-in source finder (sfinder) against simulated truth and, when the Debian
# package source-extractor is installed, against SExtractor on the same images.
#
# Usage: source-finder/bench/run-benchmark.sh [sizes] [curve seeds]
#   sizes        comma-separated image sides (default 4000,8000)
#   curve seeds  seed thresholds of the completeness-reliability curve, run on the first size
#                (default 3.5,4,4.5,5,5.5; pass "" to skip)
# Environment: HEAP (default 796m = 3 x 8000^2 float bytes + 64 MiB, the memory target), MVN_OPTS (e.g. -o).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
sizes="${1:-4000,8000}"
seeds="${2-3.5,4,4.5,5,5.5}"
classpath_file="source-finder/target/bench.classpath"
if [[ ! -f "$classpath_file" || ! -d source-finder/target/test-classes/io/caesarrest/finder/bench ]]; then
	./mvnw -B -q ${MVN_OPTS:-} -pl source-finder test-compile dependency:build-classpath \
		-Dmdep.outputFile="$root/$classpath_file" -Dmdep.includeScope=test
fi
work="source-finder/target/bench"
mkdir -p "$work"
echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
exec java -Xmx"${HEAP:-796m}" -Djava.awt.headless=true \
	-cp "source-finder/target/test-classes:source-finder/target/classes:$(cat "$classpath_file")" \
	io.caesarrest.finder.bench.FinderBenchmark "$work" "$sizes" "$seeds"
