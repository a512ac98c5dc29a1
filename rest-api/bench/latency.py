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
    subprocess.run(["java", "-cp", JAR, "-Dloader.main=io.caesarrest.finder.cli.SourceFinderCommand",
                    "org.springframework.boot.loader.launch.PropertiesLauncher", "simulate",
                    "--outfile=" + image, "--truth=" + image + ".csv", "--size=64"],
                   check=True, stdout=subprocess.DEVNULL)
    home = os.path.join(work, "home")
    log = open(os.path.join(work, "service.log"), "w")
    service = subprocess.Popen(["java", "-jar", JAR, f"--server.port={port}", f"--caesar.home={home}",
                                f"--caesar.apps.dir={apps}"], stdout=log, stderr=subprocess.STDOUT)
    api = f"http://127.0.0.1:{port}/caesar/api/v1.0"
    try:
        for _ in range(600):
            try:
                request(api + "/apps")
                break
            except OSError:
                time.sleep(0.1)
        file_id = upload(api, image)
        latencies = []
        for i in range(jobs):
            body = json.dumps({"app": "sleeper", "data_inputs": {"data": file_id}, "job_options": {}}).encode()
            job_id = request(api + "/job", body, {"Content-Type": "application/json"})["job_id"]
            while True:
                status = request(f"{api}/job/{job_id}/status")
                if status["state"] in ("SUCCESS", "FAILURE", "CANCELED", "TIMED-OUT"):
                    seen = time.time()
                    break
                time.sleep(0.01)
            exit_file = os.path.join(home, "jobs", "anonymous", f"job_{job_id}", ".exit_code")
            ended = os.stat(exit_file).st_mtime
            latencies.append((seen - ended) * 1000)
            print(f"job {i + 1:3d} {status['state']:8s} visible {latencies[-1]:6.0f} ms after its process ended")
        print(f"{jobs} jobs: median {statistics.median(latencies):.0f} ms, "
              f"max {max(latencies):.0f} ms, min {min(latencies):.0f} ms")
    finally:
        service.terminate()
        service.wait(30)
        log.close()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
