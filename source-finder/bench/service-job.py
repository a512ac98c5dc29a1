#!/usr/bin/env python3
"""The whole job's time through the service: sfinder against SExtractor on the same upload.

Starts the all-in-one service jar (rest-api/target/caesar-rest.jar; build it first with
./mvnw -B package -DskipTests) on a temporary home, simulates a field with the jar's
`sfinder simulate` (the benchmark's sky: beam 4 px, seed = size), uploads it once, then
submits, in turn, `sfinder` with default options but both cores (nthreads=2; env SFINDER_OPTIONS,
a JSON object, sets its options instead: '{}' for the app's defaults, one thread) and, when
SExtractor is installed, `sextractor` with the benchmark's settings (detect-thresh 3,
detect-minarea 5). Each job's time runs from the submit request to the API reporting
SUCCESS, so it holds queueing, the JVM or process start, the run, and the monitor's
latency; the script learns of the end from the job's event stream (env WAIT=events, the
default) or by polling its status every 20 ms (WAIT=poll, the method until 2026-12-07).
After each pair of jobs the SExtractor process itself runs on the same file, with the
app's arguments, outside the service: the issue's target compares the whole sfinder job
with that process's wall time. The jobs alternate so that both see the same machine state, with a pause between
jobs (3 s by default, env PAUSE; a JVM that ended is replaced and warms up then rather
than during the next job), and a first pause after the start (15 s, env SETTLE). SETTLE=0
is the client that uploads and submits as soon as the port is open; the all-in-one service
opens it once its worker JVM and its job warm-up are done (run it with
--caesar.jobs.warm-up-jobs=0 to measure without the latter). Every job's time is printed: the first sfinder jobs
run in a JVM whose server compiler has not yet compiled the finder at the job's scale,
the later ones reuse its code. Beside each sfinder job: the finder's own run (from its
log), the time from the submit request to the job's start_date, and from its end_date to
the client learning of the end (the service's share of the job). Further arguments go to the service, e.g.
--caesar.scheduler.local.warm-jvms=0 for a JVM started per job, or
--caesar.scheduler.local.warm-jvm-jobs=1 for a fresh pre-started JVM per job.

Usage: source-finder/bench/service-job.py [size=4000] [jobs per app=5] [port=18481] [service option ...]
"""
import datetime
import os
import re
import shutil
import json
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "rest-api", "bench"))
from latency import await_end, request, running_service, simulate, submit, upload  # noqa: E402  (the latency benchmark's helpers)

JAR = os.path.join(ROOT, "rest-api", "target", "caesar-rest.jar")
# how the script learns that a job ended: "events" holds the job's event stream open (no load on
# the service while the job runs), "poll" asks for its status every 20 ms (50 requests a second,
# which on a 2-core machine take CPU from the job, most while the service's code is still cold)
WAIT = os.environ.get("WAIT", "events")
# the sfinder job's options: both cores by default (the app's own default is one thread)
SFINDER_OPTIONS = json.loads(os.environ.get("SFINDER_OPTIONS", '{"nthreads": 2}'))


def await_event(api, job_id):
    """Holds the job's event stream open until its `end` event; returns the status and when it came."""
    with urllib.request.urlopen(f"{api}/job/{job_id}/events", timeout=600) as response:
        event = None
        for raw in response:
            line = raw.decode("utf-8").rstrip("\r\n")
            if line.startswith("event:"):
                event = line[len("event:"):].strip()
            elif line.startswith("data:") and event == "end":
                return json.loads(line[len("data:"):]), time.time()
    raise OSError(f"the event stream of job {job_id} closed before its end")


def run_job(api, app, file_id, options):
    start = time.time()
    job_id = submit(api, app, file_id, options)
    if WAIT == "poll":
        status, seen = await_end(api, job_id, 0.02)
    else:
        status, seen = await_event(api, job_id)
    return status["state"], seen - start, job_id, start, seen


def finder_time(api, job_id, start, seen):
    """The finder's own run, as it printed it in the job log ("..., 0.43 s {read=...}"), and
    where the rest went: submit request to the job's start_date, end_date to the client
    learning of the end."""
    with urllib.request.urlopen(f"{api}/job/{job_id}/log", timeout=30) as response:
        found = re.search(r", ([0-9.]+) s \{", response.read().decode("utf-8", "replace"))
    job = request(f"{api}/job/{job_id}")
    dates = {key: datetime.datetime.fromisoformat(job[key].replace("Z", "+00:00")).timestamp()
             for key in ("start_date", "end_date") if job.get(key)}
    own = f"the finder's own run {float(found.group(1)):.2f} s" if found else "no finder time in the log"
    if len(dates) == 2:
        own += (f"; submit to start {(dates['start_date'] - start) * 1000:.0f} ms, "
                f"end to seen {(seen - dates['end_date']) * 1000:.0f} ms")
    return f" ({own})"


SEXTRACTOR = "/usr/bin/source-extractor"


def sextractor_process(image, work):
    """Wall time of the SExtractor process itself on the image, run as the sextractor app runs it."""
    run_dir = tempfile.mkdtemp(dir=work)
    with open(os.path.join(run_dir, "catalog.param"), "w") as f:
        f.write("\n".join(["NUMBER", "X_IMAGE", "Y_IMAGE", "ALPHA_J2000", "DELTA_J2000", "FLUX_AUTO",
                           "FLUXERR_AUTO", "FLUX_MAX", "A_IMAGE", "B_IMAGE", "THETA_IMAGE", "FLAGS"]) + "\n")
    start = time.time()
    subprocess.run([SEXTRACTOR, image, "-CATALOG_NAME", "catalog-sextractor.dat", "-CATALOG_TYPE", "ASCII_HEAD",
                    "-PARAMETERS_NAME", "catalog.param", "-FILTER_NAME", "/usr/share/source-extractor/default.conv",
                    "-STARNNW_NAME", "/usr/share/source-extractor/default.nnw", "-DETECT_THRESH", "3",
                    "-DETECT_MINAREA", "5"], cwd=run_dir, check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    seconds = time.time() - start
    shutil.rmtree(run_dir, ignore_errors=True)
    return seconds


def main():
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 4000
    jobs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    port = int(sys.argv[3]) if len(sys.argv) > 3 else 18481
    service_options = sys.argv[4:]
    pause = float(os.environ.get("PAUSE", "3"))
    if not os.path.isfile(JAR):
        sys.exit(f"{JAR} is missing: run ./mvnw -B package -DskipTests first")
    work = tempfile.mkdtemp(prefix="service-job-bench-")
    image = os.path.join(work, "field.fits")
    simulate(image, f"--size={size}", f"--seed={size}")
    try:
        with running_service(work, port, *service_options) as api:
            time.sleep(float(os.environ.get("SETTLE", "15")))
            apps = request(api + "/apps")["apps"]
            file_id = upload(api, image)
            runs = {"sfinder": ("sfinder", SFINDER_OPTIONS)}
            if "sextractor" in apps:
                runs["sextractor"] = ("sextractor", {"detect-thresh": 3, "detect-minarea": 5})
            times = {name: [] for name in runs}
            process = os.path.isfile(SEXTRACTOR)
            if process:
                times["sextractor process"] = []
            print(f"# {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {os.cpu_count()} cores, "
                  f"{size}x{size} field, sfinder options {json.dumps(SFINDER_OPTIONS)}, submit to SUCCESS through the "
                  f"service (end seen by {WAIT}), load "
                  f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}, service options {service_options}")
            for i in range(jobs):
                for name, (app, options) in runs.items():
                    state, seconds, job_id, start, seen = run_job(api, app, file_id, options)
                    if state != "SUCCESS":
                        sys.exit(f"{name} job ended {state}")
                    times[name].append(seconds)
                    own = finder_time(api, job_id, start, seen) if name == "sfinder" else ""
                    print(f"{name} job {i + 1}: {seconds:.2f} s{own}", flush=True)
                    time.sleep(pause)
                if process:
                    seconds = sextractor_process(image, work)
                    times["sextractor process"].append(seconds)
                    print(f"sextractor process {i + 1}: {seconds:.2f} s", flush=True)
                    time.sleep(pause)
            for name, values in times.items():
                print(f"{name}: best {min(values):.2f} s, median {statistics.median(values):.2f} s over {jobs} runs")
            print(f"# load at the end {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
            if process:
                print(f"first sfinder job / SExtractor process median: "
                      f"{times['sfinder'][0] / statistics.median(times['sextractor process']):.2f}")
            for other in ("sextractor", "sextractor process"):
                if other in times:
                    what = "job" if other == "sextractor" else "process (the issue's reference)"
                    print(f"whole sfinder job / SExtractor {what}: best "
                          f"{min(times['sfinder']) / min(times[other]):.2f}, median "
                          f"{statistics.median(times['sfinder']) / statistics.median(times[other]):.2f} "
                          f"(target <= 0.5)")
    finally:
        shutil.rmtree(work, ignore_errors=True)

if __name__ == "__main__":
    main()
