#!/bin/sh
# Starts one role of caesar-rest from the service image: CAESAR_SERVICE is all-in-one (default), rest-api,
# job-monitor, accounter or store (the embedded MongoDB-compatible store on its own). Arguments go to the
# service (e.g. --caesar.scheduler.type=slurm). `caesar-service health` is the image's health check.
set -eu
app=/app/caesar-rest.jar
role="${CAESAR_SERVICE:-all-in-one}"

if [ "${1:-}" = health ]; then
  if [ "$role" = store ]; then
    exec bash -c "exec 3<>/dev/tcp/127.0.0.1/${CAESAR_STORE_PORT:-27017}"
  fi
  exec curl -fsS -o /dev/null "http://127.0.0.1:${SERVER_PORT:-8080}/actuator/health/liveness"
fi

# The image holds the three applications on one class path: each role switches off the parts that belong to
# the others (unless set explicitly), so that only the job monitor runs jobs and only the accounter counts.
case "$role" in
  all-in-one) main=io.caesarrest.api.CaesarRestApplication ;;
  rest-api) main=io.caesarrest.api.CaesarRestApplication
    export CAESAR_MONITOR_ENABLED="${CAESAR_MONITOR_ENABLED:-false}" CAESAR_ACCOUNTER_ENABLED="${CAESAR_ACCOUNTER_ENABLED:-false}" ;;
  job-monitor) main=io.caesarrest.monitor.JobMonitorApplication
    export CAESAR_ACCOUNTER_ENABLED="${CAESAR_ACCOUNTER_ENABLED:-false}" ;;
  accounter) main=io.caesarrest.accounting.AccounterApplication
    export CAESAR_MONITOR_ENABLED="${CAESAR_MONITOR_ENABLED:-false}" ;;
  store) main=io.caesarrest.store.EmbeddedStoreServer ;;
  *) echo "caesar-service: CAESAR_SERVICE must be all-in-one, rest-api, job-monitor, accounter or store, not '$role'" >&2
     exit 2 ;;
esac

if [ "$(id -u)" = 0 ]; then
  # Started as root (compose does this): make the home directory the service user's, join the group of the
  # Docker socket if one is mounted (the job monitor's container launcher), then run as that user.
  home="${CAESAR_HOME:-/var/lib/caesar}"
  # the service user's own home (the Docker client keeps its settings there)
  export HOME=/var/lib/caesar
  mkdir -p "$home"
  chown caesar:caesar "$home"
  groups="$(id -g caesar)"
  if [ -S /var/run/docker.sock ]; then
    groups="$groups,$(stat -c %g /var/run/docker.sock)"
  fi
  # shellcheck disable=SC2086 # JAVA_OPTS holds several options
  exec setpriv --reuid=caesar --regid=caesar --groups="$groups" -- java $JAVA_OPTS -cp "$app" "$main" "$@"
fi
# shellcheck disable=SC2086
exec java $JAVA_OPTS -cp "$app" "$main" "$@"
