"""A Python peer for bench:core: checks the same servers the way a short script would, one by one and with 32
threads (GET /rest/auth/1/session with the session's cookie, a new connection per check). Reads
{"sessions": [{"url", "cookie"}], "sample": n} on stdin and prints {"oneByOneMs", "threadedMs"} on stdout; the
one-by-one figure is measured on the first `sample` sessions and extrapolated to all of them."""
import json
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor


def check(session):
    request = urllib.request.Request(
        session["url"], headers={"Accept": "application/json", "Cookie": session["cookie"]}
    )
    with urllib.request.urlopen(request, timeout=60) as answer:
        answer.read()
        if answer.status != 200:
            raise RuntimeError(f"status {answer.status} from {session['url']}")


def main():
    job = json.load(sys.stdin)
    sessions = job["sessions"]
    sample = sessions[: max(1, min(job["sample"], len(sessions)))]
    started = time.perf_counter()
    for session in sample:
        check(session)
    one_by_one = (time.perf_counter() - started) * 1000 / len(sample) * len(sessions)
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=32) as pool:
        list(pool.map(check, sessions))
    threaded = (time.perf_counter() - started) * 1000
    json.dump({"oneByOneMs": one_by_one, "threadedMs": threaded}, sys.stdout)


main()
