"""Wire ingest benchmark driver (used by bench/ingest.sh): generates ninjs 2.x items, delivers them through push and
through a drop folder, and measures items/s and delivery-to-page time against a running Broadsheet.

  python3 bench/ingest.py generate DIR COUNT PREFIX SECTION
  python3 bench/ingest.py push BASE KEY DIR CONCURRENCY
  python3 bench/ingest.py drop FOLDER DIR
  python3 bench/ingest.py latency BASE KEY SECTION COUNT [FOLDER]
"""
import concurrent.futures, json, os, sys, time, urllib.error, urllib.request, uuid

WORDS = ("the council voted on tuesday to extend the harbour wall after storms flooded the lower town twice this "
         "winter and engineers said the new section would be finished before the autumn tides").split()


def item(prefix, n, section):
    body = "".join(f"<p>{' '.join(WORDS[(n + i) % len(WORDS):] + WORDS[:(n + i) % len(WORDS)])}.</p>" for i in range(8))
    return {
        "uri": f"urn:bench:{prefix}:{n}", "version": "1", "type": "text", "pubstatus": "usable",
        "language": "en", "headline": f"Bench {prefix} story {n}: harbour wall extended",
        "description_text": "The council extends the harbour wall after winter floods.",
        "body_html": body, "byline": "Bench Reporter",
        "versioncreated": "2026-03-01T08:00:00Z", "subject": [{"name": section, "code": section}],
    }


def generate(folder, count, prefix, section):
    os.makedirs(folder, exist_ok=True)
    for n in range(count):
        with open(os.path.join(folder, f"{prefix}-{n:05d}.json"), "w") as f:
            json.dump(item(prefix, n, section), f)


def post(base, key, body):
    request = urllib.request.Request(f"{base}/api/admin/ingest?source=Bench", data=body, method="POST", headers={
        "Authorization": f"Bearer {key}", "Content-Type": "application/vnd.iptc.ninjs+json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.load(response)


def push(base, key, folder, concurrency):
    files = sorted(os.path.join(folder, f) for f in os.listdir(folder))
    bodies = [open(f, "rb").read() for f in files]
    start = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(concurrency) as pool:
        receipts = list(pool.map(lambda b: post(base, key, b), bodies))
    elapsed = time.perf_counter() - start
    statuses = {}
    for r in receipts:
        for i in r["items"]:
            statuses[i["status"]] = statuses.get(i["status"], 0) + 1
    print(f"{len(bodies)}\t{elapsed:.2f}\t{len(bodies) / elapsed:.1f}\t{json.dumps(statuses)}")


def filed(folder):
    return sum(1 for sub in ("done", "quarantine") if os.path.isdir(os.path.join(folder, sub))
               for f in os.listdir(os.path.join(folder, sub)) if not f.endswith(".reason.txt"))


def drop(folder, source):
    files = sorted(os.listdir(source))
    before = filed(folder)
    start = time.perf_counter()
    for f in files:
        # As an FTP client configured for it does: a temporary name, renamed once complete.
        os.link(os.path.join(source, f), os.path.join(folder, f".{f}.part"))
        os.rename(os.path.join(folder, f".{f}.part"), os.path.join(folder, f))
    while filed(folder) - before < len(files):
        if time.perf_counter() - start > 600:
            sys.exit(f"only {filed(folder) - before} of {len(files)} files filed after 600 s")
        time.sleep(0.05)
    elapsed = time.perf_counter() - start
    quarantined = len([f for f in os.listdir(os.path.join(folder, "quarantine")) if not f.endswith(".reason.txt")])
    print(f"{len(files)}\t{elapsed:.2f}\t{len(files) / elapsed:.1f}\t{quarantined}")


def get_json(url, key=None):
    request = urllib.request.Request(url, headers={"Authorization": f"Bearer {key}"} if key else {})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.load(response)


def page_ok(url):
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status == 200
    except urllib.error.HTTPError:
        return False


def latency(base, key, section, count, folder=None):
    times = []
    for n in range(count):
        prefix = "lat" + uuid.uuid4().hex[:8]
        body = json.dumps(item(prefix, n, section)).encode()
        start = time.perf_counter()
        if folder is None:
            article = post(base, key, body)["items"][0]["articleId"]
        else:
            name = f"{prefix}.json"
            with open(os.path.join(folder, f".{name}.part"), "wb") as f:
                f.write(body)
            os.rename(os.path.join(folder, f".{name}.part"), os.path.join(folder, name))
            article = None
            while article is None:
                found = get_json(f"{base}/api/v1/articles?pageSize=5&section={section}")["items"]
                article = next((a["id"] for a in found if prefix in a["headline"]), None)
                if article is None:
                    time.sleep(0.01)
        while True:
            try:
                if page_ok(base + get_json(f"{base}/api/v1/articles/{article}")["url"]):
                    break
            except urllib.error.HTTPError:
                pass
            time.sleep(0.01)
        times.append(time.perf_counter() - start)
    times.sort()
    p = lambda q: times[min(len(times) - 1, int(q * len(times)))] * 1000
    print(f"{count}\t{p(0.5):.0f}\t{p(0.95):.0f}\t{times[-1] * 1000:.0f}")


if __name__ == "__main__":
    command, args = sys.argv[1], sys.argv[2:]
    if command == "generate":
        generate(args[0], int(args[1]), args[2], args[3])
    elif command == "push":
        push(args[0], args[1], args[2], int(args[3]))
    elif command == "drop":
        drop(args[0], args[1])
    elif command == "latency":
        latency(args[0], args[1], args[2], int(args[3]), args[4] if len(args) > 4 else None)
