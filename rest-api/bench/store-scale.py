#!/usr/bin/env python3
"""The default store at scale: status and list reads at 1 job and at 100 000 jobs, side by side.

Starts the all-in-one service jar (build it first: ./mvnw -B package -DskipTests) with its
embedded store on a fixed loopback port, runs one real job as user `anonymous`, and measures
with wrk (16 connections):
  - GET /job/{id}/status           (req/s and p99)
  - GET /actuator/health/liveness  (the no-store reference)
  - GET /jobs for a user with 10 jobs (single-request latency, median of 50 sequential calls)
  - the service's idle CPU (share of one core over 30 s, no requests)
Then fills the store with N ended jobs of U users (StoreFiller, in bulk through the store's
wire port, numbered per owner as the service numbers them) and measures the same again, in
the same JVM and then in a service restarted on the filled store.

A MongoDB server is not available on these machines (no Docker image can be pulled), so the
MongoDB column is not measured here.

Each endpoint is loaded until its rate stops rising before it is measured: on 2 cores the
JIT compilers share the cores with the load and need one to two minutes to finish.

Usage: rest-api/bench/store-scale.py [jobs=100000] [users=100] [seconds=10]
Environment: MVN_OPTS (e.g. -o) for the classpath build; SERVICE_ARGS, extra service
arguments (e.g. --caesar.jobs.read-cache-max-age=0 to read the store on every status);
JAVA_OPTS, options of the service's JVM.
"""
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import latency  # noqa: E402  (service runner and API helpers)

ROOT = latency.ROOT


def wrk(url, seconds):
    out = subprocess.run(["wrk", "-t2", "-c16", f"-d{seconds}s", "--latency", url], check=True,
                         capture_output=True, text=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p99 = re.search(r"\s99%\s+([\d.]+)(us|ms|s)", out)
    scale = {"us": 0.001, "ms": 1, "s": 1000}[p99.group(2)]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return rps, float(p99.group(1)) * scale, int(errors.group(1)) if errors else 0


def steady(url, seconds, most=15):
    """Runs wrk until the rate stops rising (JIT warm-up: on 2 cores with wrk beside it the
    compilers need one to two minutes of load); returns the runs it took."""
    last = 0.0
    for run in range(1, most + 1):
        rps = wrk(url, seconds)[0]
        if rps < last * 1.05:
            return run
        last = rps
    return most


def single_latency(url, calls=50):
    times = []
    for _ in range(calls):
        start = time.perf_counter()
        with urllib.request.urlopen(url, timeout=30) as response:
            response.read()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), max(times)


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def thread_ticks(pid):
    ticks = {}
    for task in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{task}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            with open(f"/proc/{pid}/task/{task}/comm") as f:
                name = f.read().strip()
        except OSError:
            continue
        ticks[(task, name)] = int(fields[11]) + int(fields[12])
    return ticks


def idle_cpu(pid, seconds=30, settle=30):
    """Share of one core the service uses with no request, after `settle` seconds of rest, and its busiest threads."""
    time.sleep(settle)
    before, threads_before = cpu_seconds(pid), thread_ticks(pid)
    time.sleep(seconds)
    after, threads_after = cpu_seconds(pid), thread_ticks(pid)
    busy = sorted(((threads_after[k] - threads_before.get(k, 0), k[1]) for k in threads_after), reverse=True)[:3]
    hz = os.sysconf("SC_CLK_TCK")
    top = ", ".join(f"{name} {ticks / hz / seconds * 100:.1f} %" for ticks, name in busy if ticks > 0)
    return (after - before) / seconds * 100, top


def service_pid(port):
    out = subprocess.run(["ss", "-ltnpH", f"sport = :{port}"], capture_output=True, text=True).stdout
    return int(re.search(r"pid=(\d+)", out).group(1))


def measure(label, api, base, status_url, jobs_url, seconds, pid):
    status = wrk(status_url, seconds)
    live = wrk(base + "/actuator/health/liveness", seconds)
    jobs = single_latency(jobs_url)
    cpu, top = idle_cpu(pid)
    print(f"{label:>12} | status {status[0]:7.0f} req/s p99 {status[1]:6.1f} ms (non-2xx {status[2]}) | "
          f"liveness {live[0]:7.0f} req/s p99 {live[1]:6.1f} ms | /jobs (10 jobs) median {jobs[0]:5.1f} ms "
          f"max {jobs[1]:5.1f} ms | idle CPU {cpu:4.1f} % of a core ({top})", flush=True)
    return status, live, jobs, cpu


def classpath():
    out = os.path.join(ROOT, "rest-api", "target", "bench.classpath")
    mvn = [os.path.join(ROOT, "mvnw"), "-B", "-q", *os.environ.get("MVN_OPTS", "").split(), "-pl", "rest-api",
           "test-compile", "dependency:build-classpath", f"-Dmdep.outputFile={out}", "-Dmdep.includeScope=test"]
    subprocess.run(mvn, check=True, cwd=ROOT)
    with open(out) as f:
        return os.path.join(ROOT, "rest-api", "target", "test-classes") + ":" + f.read().strip()


def main():
    jobs = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    users = int(sys.argv[2]) if len(sys.argv) > 2 else 100
    seconds = int(sys.argv[3]) if len(sys.argv) > 3 else 10
    port, store_port = 18481, 18482
    cp = classpath()
    work = tempfile.mkdtemp(prefix="store-scale-")
    image = os.path.join(work, "sky.fits")
    latency.simulate(image, "--size=64")
    service_args = (f"--caesar.embedded-store.port={store_port}", "--logging.level.root=WARN",
                    *os.environ.get("SERVICE_ARGS", "").split())
    try:
        with latency.running_service(work, port, *service_args) as api:
            base = f"http://127.0.0.1:{port}"
            pid = service_pid(port)
            file_id = latency.upload(api, image)
            ids = [latency.submit(api, "sextractor", file_id, {}) for _ in range(10)]
            for job_id in ids:
                latency.await_end(api, job_id, poll=0.1)
            status_url = f"{api}/job/{ids[0]}/status"
            jobs_url = f"{api}/jobs"
            print(f"# {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {os.cpu_count()} cores, "
                  f"wrk -t2 -c16 -d{seconds}s, user with 10 jobs", flush=True)
            warm = [steady(url, seconds) for url in (status_url, base + "/actuator/health/liveness", jobs_url)]
            print(f"warm-up until the rate stops rising: {warm} runs of {seconds} s", flush=True)
            small = measure("10 jobs", api, base, status_url, jobs_url, seconds, pid)
            subprocess.run(["java", "-cp", cp, "io.caesarrest.api.bench.StoreFiller",
                            f"mongodb://127.0.0.1:{store_port}/caesardb", str(jobs), str(users)], check=True)
            time.sleep(5)
            steady(status_url, seconds)
            large = measure(f"{jobs} jobs", api, base, status_url, jobs_url, seconds, pid)
            print(f"same JVM: status at {jobs} jobs / at 10 jobs: {large[0][0] / small[0][0]:.2f}; "
                  f"status / liveness at {jobs} jobs: {large[0][0] / large[1][0]:.2f}", flush=True)
        # a service whose store holds the jobs already (as after months of use), rather than one
        # that has just taken 100 000 inserts in 100 s (which leaves its heap sized for that load)
        started = time.time()
        with latency.running_service(work, port, *service_args) as api:
            print(f"restarted on the filled store: API up in {time.time() - started:.1f} s", flush=True)
            pid = service_pid(port)
            for url in (status_url, base + "/actuator/health/liveness", jobs_url):
                steady(url, seconds)
            restarted = measure(f"{jobs} jobs", api, base, status_url, jobs_url, seconds, pid)
            print(f"restarted: status at {jobs} jobs / at 10 jobs: {restarted[0][0] / small[0][0]:.2f}; "
                  f"status / liveness at {jobs} jobs: {restarted[0][0] / restarted[1][0]:.2f}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
