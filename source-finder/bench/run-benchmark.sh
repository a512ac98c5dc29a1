#!/usr/bin/env bash
# Benchmark of the built-in source finder (sfinder) against simulated truth and, when the Debian
# package source-extractor is installed, against SExtractor on the same images.
#
# Usage: source-finder/bench/run-benchmark.sh [sizes] [curve fields]
#   sizes         comma-separated image sides for speed, memory and the per-S/N table (default 4000,8000)
#   curve fields  completeness-reliability curves, each SIZExBEAM[xENTRIES] (default
#                 4000x4,4000x3.5x16032,8000x4,2048x6; pass "" to skip)
# Then the real images of ../shared/data (1904-66 against Aegean's catalog, the Scorpio field) and a
# simulated image without BUNIT, each beside SExtractor when it is installed.
# Environment: HEAP (default 796m = 3 x 8000^2 float bytes + 64 MiB, the memory target), MVN_OPTS (e.g. -o),
# SHARED_DATA (default ../shared/data next to the project).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
sizes="${1:-4000,8000}"
curves="${2-4000x4,4000x3.5x16032,8000x4,2048x6}"
shared="${SHARED_DATA:-$root/../shared/data}"
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
	io.caesarrest.finder.bench.FinderBenchmark "$work" "$sizes" "$curves" "$shared"
