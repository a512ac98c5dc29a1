#!/bin/bash
# Runs SExtractor in the job's output directory, with the contract of the original caesar images: writes the
# catalog's parameter file (the output columns), then runs source-extractor with the arguments of JOB_OPTIONS
# (split on blanks, never evaluated), or with the exact NUL-separated list in JOB_ARGS_FILE when given.
set -euo pipefail
cd "${JOB_OUTDIR:-${JOB_DIR:-.}}"
printf '%s\n' NUMBER X_IMAGE Y_IMAGE ALPHA_J2000 DELTA_J2000 FLUX_AUTO FLUXERR_AUTO FLUX_MAX \
  A_IMAGE B_IMAGE THETA_IMAGE FLAGS > catalog.param
if [ -n "${JOB_ARGS_FILE:-}" ] && [ -r "$JOB_ARGS_FILE" ]; then
  mapfile -d '' -t args < "$JOB_ARGS_FILE"
else
  set -f
  read -r -a args <<< "${JOB_OPTIONS:-}"
fi
exec /usr/bin/source-extractor "${args[@]}" "$@"
