#!/usr/bin/env bash
# Stops the development Slurm started by start.sh (slurmrestd, slurmd, slurmctld, munged).
# Idempotent.
set -uo pipefail

STATE_DIR="${SLURM_DEV_STATE_DIR:-/var/lib/caesar-slurm-dev}"

stop() {
  local pidfile="${2:-$STATE_DIR/$1.pid}"
  if [ -s "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
    local pid
    pid="$(cat "$pidfile")"
    kill "$pid"
    for _ in $(seq 1 20); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.5
    done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
  fi
  rm -f "$pidfile"
}

stop slurmrestd
stop slurmd
stop slurmctld
stop munged /run/munge/munged.pid
echo "slurm-dev: stopped" >&2
