#!/bin/bash
set -euo pipefail
if [ -n "${JOB_ARGS_FILE:-}" ] && [ -r "$JOB_ARGS_FILE" ]; then
  mapfile -d '' -t args < "$JOB_ARGS_FILE"
else
  set -f
  read -r -a args <<< "${JOB_OPTIONS:-}"
fi
exec "${args[@]}"
