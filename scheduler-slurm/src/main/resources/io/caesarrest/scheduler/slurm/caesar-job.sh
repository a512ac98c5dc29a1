#!/bin/bash
# caesar-rest batch job. The text is the same for every job: each value (command line,
# paths, image) arrives in the job's environment, so nothing a user typed is ever
# parsed by this shell.
#   CAESAR_JOB_DIR       the job dir as the node sees it (working dir)
#   CAESAR_EXIT_CODE_FILE  where, in the job dir, the app's exit code is written
#   CAESAR_ARGC, CAESAR_ARG_<i>   the native command line, one variable per argument
#   CAESAR_IMAGE         a Singularity/Apptainer image to run instead (container apps)
#   CAESAR_CONTAINER_RUNTIME, CAESAR_BINDC, CAESAR_BIND_<i>, CAESAR_PROCS
#   CAESAR_SUBMIT_DELAY  seconds to wait first, for network mounts to catch up

# Slurm signals the whole job when it cancels or times it out: end without an
# exit-code file, so that only Slurm's verdict counts
trap 'exit 143' TERM INT

cd "$CAESAR_JOB_DIR" || exit 1
if [ "${CAESAR_SUBMIT_DELAY:-0}" -gt 0 ]; then
  sleep "$CAESAR_SUBMIT_DELAY"
fi

if [ -n "${CAESAR_IMAGE:-}" ]; then
  command=()
  if [ "${CAESAR_PROCS:-1}" -gt 1 ]; then
    command=(mpirun --np "$CAESAR_PROCS")
  fi
  command+=("$CAESAR_CONTAINER_RUNTIME" run --containall --no-home)
  for ((i = 0; i < ${CAESAR_BINDC:-0}; i++)); do
    bind="CAESAR_BIND_$i"
    command+=(-B "${!bind}")
  done
  command+=("$CAESAR_IMAGE")
else
  command=()
  for ((i = 0; i < CAESAR_ARGC; i++)); do
    argument="CAESAR_ARG_$i"
    command+=("${!argument}")
    unset "$argument"
  done
fi

"${command[@]}"
code=$?
printf '%s\n' "$code" > "$CAESAR_EXIT_CODE_FILE.tmp" \
  && mv -f "$CAESAR_EXIT_CODE_FILE.tmp" "$CAESAR_EXIT_CODE_FILE"
exit "$code"
