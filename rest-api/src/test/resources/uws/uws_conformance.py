"""UWS 1.1 conformance run against a started caesar-rest, every document parsed by pyvo.

Usage: uws_conformance.py BASE APP FILE_UUID ALICE_TOKEN BOB_TOKEN
  BASE  the service root, e.g. http://127.0.0.1:8080
Prints one line per step and exits non-zero at the first failed check.
"""
import gzip
import io
import sys
import time

import requests
from pyvo.io.uws import parse_job, parse_job_list

base, app, data, alice_token, bob_token = sys.argv[1:6]
jobs_url = f"{base}/caesar/uws/v1.1/{app}"
alice = requests.Session()
alice.headers["Authorization"] = f"Bearer {alice_token}"
bob = requests.Session()
bob.headers["Authorization"] = f"Bearer {bob_token}"


def step(message):
    print(message, flush=True)


def job(session, url, **params):
    response = session.get(url, params=params)
    assert response.status_code == 200, (response.status_code, response.text)
    assert response.headers["Content-Type"].startswith("application/xml"), response.headers
    return parse_job(io.BytesIO(response.content), pedantic=True)


def job_list(session, **params):
    response = session.get(jobs_url, params=params)
    assert response.status_code == 200, (response.status_code, response.text)
    return parse_job_list(io.BytesIO(response.content), pedantic=True)


def post(session, url, expected=303, **form):
    response = session.post(url, data=form, allow_redirects=False)
    assert response.status_code == expected, (url, form, response.status_code, response.text)
    return response


def ids(jobrefs):
    return [ref.jobid for ref in jobrefs]


# create without PHASE=RUN: a PENDING job, held until run
before = ids(job_list(alice))
created = post(alice, jobs_url, data=data, sleep="2", runId="pyvo-run")
url = created.headers["Location"]
job_id = url.rsplit("/", 1)[1]
pending = job(alice, url)
assert pending.phase == "PENDING" and pending.jobid == job_id, (pending.phase, pending.jobid)
assert pending.runid == "pyvo-run" and pending.ownerid == "alice@example.org", (pending.runid, pending.ownerid)
step(f"created {job_id} -> 303, phase {pending.phase}")

# parameter errors: 400 with a message, nothing created
for bad in ({"data": data, "nope": "1"}, {"data": data, "sleep": "-5"}, {"sleep": "1"},
            {"data": data, "PHASE": "SUSPEND"}):
    response = alice.post(jobs_url, data=bad, allow_redirects=False)
    assert response.status_code == 400, (bad, response.status_code, response.text)
    assert response.text.strip(), bad
assert sorted(ids(job_list(alice))) == sorted(before + [job_id])
step("parameter errors -> 400, nothing created")

# run, then WAIT: blocks while EXECUTING and returns on the change
post(alice, f"{url}/phase", PHASE="RUN")
running = job(alice, url, WAIT="30")
assert running.phase in ("QUEUED", "EXECUTING", "COMPLETED"), running.phase
deadline = time.time() + 60
while running.phase == "QUEUED" and time.time() < deadline:
    running = job(alice, url, WAIT="30")
started = time.time()
done = job(alice, url, WAIT="30", PHASE="EXECUTING") if running.phase == "EXECUTING" else running
waited = time.time() - started
while done.phase in ("QUEUED", "EXECUTING") and time.time() < deadline:
    done = job(alice, url, WAIT="30")
assert done.phase == "COMPLETED", done.phase
assert waited < 25, waited
step(f"PHASE=RUN -> 303; WAIT returned {done.phase} after {waited:.1f} s")

# results: downloadable, with the advertised sizes and MIME types
assert len(done.results) >= 2, done.results
for result in done.results:
    response = alice.get(result.href)
    assert response.status_code == 200, (result.href, response.status_code)
    assert response.headers["Content-Type"].split(";")[0] == result.mimetype, (result.mimetype, response.headers)
    if result.id_ == "archive":
        # built on the fly, so its size is not advertised (pyvo reads the missing size as 0)
        assert gzip.decompress(response.content)
    else:
        assert int(result.size) > 0 and len(response.content) == int(result.size), (result.id_, result.size)
step(f"{len(done.results)} results downloaded: " + ", ".join(f"{r.id_} ({r.mimetype})" for r in done.results))

# sub-resources
assert alice.get(f"{url}/phase").text == "COMPLETED"
assert alice.get(f"{url}/owner").text == "alice@example.org"
assert int(alice.get(f"{url}/executionduration").text) > 0
assert alice.get(f"{url}/quote").status_code == 200
assert alice.get(f"{url}/destruction").status_code == 200
for sub in ("parameters", "results"):
    response = alice.get(f"{url}/{sub}")
    assert response.status_code == 200 and b"http://www.ivoa.net/xml/UWS/v1.0" in response.content, sub
assert alice.get(f"{url}/error").status_code == 404
step("sub-resources phase, owner, executionduration, quote, destruction, parameters, results, error")

# list filters
assert job_id in ids(job_list(alice, PHASE="COMPLETED"))
assert job_id not in ids(job_list(alice, PHASE="PENDING"))
assert job_id in ids(job_list(alice, PHASE=["PENDING", "COMPLETED"]))
assert len(job_list(alice, LAST="1")) == 1
assert job_id not in ids(job_list(alice, AFTER=str(done.creationtime) + "Z"))
assert alice.get(jobs_url, params={"PHASE": "FINISHED"}).status_code == 400
assert alice.get(jobs_url, params={"LAST": "0"}).status_code == 400
step("filters PHASE, AFTER, LAST")

# abort a running job
aborted_url = post(alice, jobs_url, data=data, sleep="120", PHASE="RUN").headers["Location"]
phase = job(alice, aborted_url).phase
while phase in ("QUEUED", "PENDING") and time.time() < deadline + 60:
    phase = job(alice, aborted_url, WAIT="10").phase
post(alice, f"{aborted_url}/phase", PHASE="ABORT")
aborted = job(alice, aborted_url)
assert aborted.phase == "ABORTED", aborted.phase
step(f"PHASE=ABORT -> 303, phase {aborted.phase}")

# another user's job does not exist for them; no token is 401
assert bob.get(url).status_code == 404
assert bob.delete(url, allow_redirects=False).status_code == 404
assert bob.post(f"{url}/phase", data={"PHASE": "ABORT"}, allow_redirects=False).status_code == 404
assert job_id not in ids(job_list(bob))
assert requests.get(url).status_code == 401
step("another user: 404; no token: 401")

# delete: ACTION=DELETE and HTTP DELETE, then 404
response = post(alice, url, ACTION="DELETE")
assert response.headers["Location"].rstrip("/") == jobs_url, response.headers["Location"]
assert alice.get(url).status_code == 404
response = alice.delete(aborted_url, allow_redirects=False)
assert response.status_code == 303, response.status_code
assert alice.get(aborted_url).status_code == 404
assert job_id not in ids(job_list(alice))
step("ACTION=DELETE and DELETE -> 303, then 404")
print("UWS conformance: OK")
