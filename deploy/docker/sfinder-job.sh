#!/bin/bash
# The built-in source finder as an app image, with the contract of the original caesar images: the service
# passes the app's arguments in JOB_OPTIONS and the job's directories in JOB_DIR and JOB_OUTDIR. When the
# service also gives JOB_ARGS_FILE (the arguments, NUL-separated), that exact list is used instead.
set -euo pipefail
cd "${JOB_OUTDIR:-${JOB_DIR:-.}}"
if [ -n "${JOB_ARGS_FILE:-}" ] && [ -r "$JOB_ARGS_FILE" ]; then
  mapfile -d '' -t args < "$JOB_ARGS_FILE"
else
  # split on blanks, never evaluated: no expansion, no globbing
  set -f
  read -r -a args <<< "${JOB_OPTIONS:-}"
fi
# shellcheck disable=SC2086 # JAVA_OPTS holds several options
exec java ${JAVA_OPTS:-} -XX:+UseParallelGC -XX:TieredStopAtLevel=1 -cp /app/caesar-rest.jar \
  io.caesarrest.finder.cli.SourceFinderCommand find "${args[@]}" "$@"
