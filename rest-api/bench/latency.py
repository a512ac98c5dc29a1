#!/usr/bin/env python3
"""Latency from a local job's process ending to its end state being visible through the API.

Starts the all-in-one service jar (rest-api/target/caesar-rest.jar, build it first with
./mvnw -B package -DskipTests) on a temporary home with a tiny app that sleeps, uploads a
small simulated image, then submits jobs one after the other and polls each job's status
every 10 ms. The process's end time is the modification time of the exit-code file the
job's wrapper writes as its last act; the latency is the time the API first reports the
end state minus that time.

Usage: rest-api/bench/latency.py [jobs=20] [port=18480]
"""
import contextlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
JAR = os.path.join(ROOT, "rest-api", "target", "caesar-rest.jar")
ENDED = ("SUCCESS", "FAILURE", "CANCELED", "TIMED-OUT")
APP = """name: sleeper
description: "Sleeps 0.3 s"
input: {kinds: [file], arg: "--inputfile={path}"}
launch:
  native: ["/bin/sh", "-c", "sleep 0.3", "sleeper"]
"""


def request(url, data=None, headers=None):
    req = urllib.request.Request(url, data=data, headers=headers or {})
    with urllib.request.urlopen(req, timeout=30) as response:
        return json.loads(response.read())


def upload(api, path):
    boundary = uuid.uuid4().hex
    with open(path, "rb") as f:
        content = f.read()
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"sky.fits\"\r\n"
            f"Content-Type: application/octet-stream\r\n\r\n").encode() + content + f"\r\n--{boundary}--\r\n".encode()
    return request(api + "/upload", body, {"Content-Type": f"multipart/form-data; boundary={boundary}"})["uuid"]


def simulate(image, *options):
    """Writes a simulated sky (and its truth CSV beside it) with the jar's `sfinder simulate`."""
    subprocess.run(["java", "-jar", JAR, "sfinder", "simulate", "--outfile=" + image, "--truth=" + image + ".csv",
                    *options], check=True, stdout=subprocess.DEVNULL)


def submit(api, app, file_id, options):
    """Submits a job on an uploaded file; returns its id."""
    body = json.dumps({"app": app, "data_inputs": {"data": file_id}, "job_options": options}).encode()
    return request(api + "/job", body, {"Content-Type": "application/json"})["job_id"]


def await_end(api, job_id, poll=0.01):
    """Polls a job's status until it ends; returns the status and the time it was first seen ended."""
    while True:
        status = request(f"{api}/job/{job_id}/status")
        if status["state"] in ENDED:
            return status, time.time()
        time.sleep(poll)


@contextlib.contextmanager
def running_service(work, port, *options):
    """Runs the all-in-one jar with its home under `work` for the block; yields the API's base URL."""
    home = os.path.join(work, "home")
    log = open(os.path.join(work, "service.log"), "w")
    jvm = os.environ.get("JAVA_OPTS", "").split()  # e.g. GC settings for the service's JVM
    service = subprocess.Popen(["java", *jvm, "-jar", JAR, f"--server.port={port}", f"--caesar.home={home}", *options],
                               stdout=log, stderr=subprocess.STDOUT)
    api = f"http://127.0.0.1:{port}/caesar/api/v1.0"
    try:
        for _ in range(600):
            try:
                request(api + "/apps")
                break
            except OSError:
                time.sleep(0.1)
        else:
            sys.exit("the service did not start; see " + log.name)
        yield api
    finally:
        service.terminate()
        service.wait(30)
        log.close()


def main():
    jobs = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    port = int(sys.argv[2]) if len(sys.argv) > 2 else 18480
    if not os.path.isfile(JAR):
        sys.exit(f"{JAR} is missing: run ./mvnw -B package -DskipTests first")
    work = tempfile.mkdtemp(prefix="latency-bench-")
    apps = os.path.join(work, "apps")
    os.makedirs(apps)
    with open(os.path.join(apps, "sleeper.yaml"), "w") as f:
        f.write(APP)
    image = os.path.join(work, "sky.fits")
    simulate(image, "--size=64")
    home = os.path.join(work, "home")
    try:
        with running_service(work, port, f"--caesar.apps.dir={apps}") as api:
            file_id = upload(api, image)
            latencies = []
            for i in range(jobs):
                job_id = submit(api, "sleeper", file_id, {})
                status, seen = await_end(api, job_id)
                exit_file = os.path.join(home, "jobs", "anonymous", f"job_{job_id}", ".exit_code")
                ended = os.stat(exit_file).st_mtime
                latencies.append((seen - ended) * 1000)
                print(f"job {i + 1:3d} {status['state']:8s} visible {latencies[-1]:6.0f} ms after its process ended")
            print(f"{jobs} jobs: median {statistics.median(latencies):.0f} ms, "
                  f"max {max(latencies):.0f} ms, min {min(latencies):.0f} ms")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
