#!/usr/bin/env python3
"""Issue 12 figures (measured, never asserted): error-answer size and memory after hostile bodies, a signed-in
client's latency during a flood of unknown-user sign-ins, unknown vs known-user timing. Runs the Release server
on 127.0.0.1; every loop is bounded in count and time. Called by build/hardening.sh."""
import base64, hashlib, http.client, json, os, re, signal, socket, statistics, subprocess, sys, tempfile, threading, time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DLL = os.path.join(REPO, "samples/CaseServer/bin/Release/net10.0/CaseServer.dll")
MARKER = "collected; working set bytes: "

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]

class Server:
    def __init__(self, environment, extra_env=None, args=()):
        self.port = free_port()
        self.dir = tempfile.mkdtemp()
        env = dict(os.environ, ASPNETCORE_ENVIRONMENT=environment, CASESERVER_TEST_COLLECT_ON_SIGUSR1="1", **(extra_env or {}))
        self.out = open(os.path.join(self.dir, "out.log"), "w+")
        self.proc = subprocess.Popen(["dotnet", DLL, "--urls", f"http://127.0.0.1:{self.port}",
                                      f"--ConnectionStrings:Cases=Data Source={self.dir}/cases.db", *args],
                                     cwd=os.path.join(REPO, "samples/CaseServer"), env=env, stdout=self.out, stderr=subprocess.STDOUT)
        for _ in range(300):
            try:
                self.request("GET", "/api/cases/probe", auth=None)
                return
            except OSError:
                time.sleep(0.2)
        raise SystemExit("server did not start")

    def request(self, method, path, body=None, auth=("elastic", "changeme"), headers=None):
        c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
        h = {"kbn-xsrf": "true", "Content-Type": "application/json", **(headers or {})}
        if auth:
            h["Authorization"] = "Basic " + base64.b64encode(f"{auth[0]}:{auth[1]}".encode()).decode()
        start = time.perf_counter()
        c.request(method, path, body=body, headers=h)
        r = c.getresponse()
        data = r.read()
        elapsed = time.perf_counter() - start
        c.close()
        return r.status, len(data), elapsed

    def working_set_after_gc(self):
        self.out.flush()
        before = open(self.out.name).read().count(MARKER)
        os.kill(self.proc.pid, signal.SIGUSR1)
        for _ in range(600):
            text = open(self.out.name).read()
            if text.count(MARKER) > before:
                break
            time.sleep(0.1)
        for line in open(f"/proc/{self.proc.pid}/status"):
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
        return -1

    def stop(self):
        self.proc.terminate()
        self.proc.wait(30)

def numeric_tags():
    head = '{"title":"t","description":"d","settings":{"syncAlerts":false},"connector":{"id":"none","name":"none","type":".none","fields":null},"tags":['
    return (head + ",".join(["0"] * 524_000) + "]}").encode()

def unknown_keys():
    parts, size, i = [], 2, 0
    while size < 1024 * 1024 - 32:
        p = f'"k{i}":0'
        parts.append(p); size += len(p) + 1; i += 1
    return ("{" + ",".join(parts) + "}").encode()

def mib(n): return f"{n / 1048576:.1f} MiB"

def hostile_bodies(report):
    s = Server("Development")
    try:
        bodies = {"524,000 numeric tags": numeric_tags(), "1 MiB of unknown keys": unknown_keys()}
        s.request("POST", "/api/cases", body=b"{}")
        start = s.working_set_after_gc()
        for name, body in bodies.items():
            status, size, elapsed = s.request("POST", "/api/cases", body=body)
            report.append(f"- {name} ({len(body):,} bytes): {status}, answer {size:,} bytes, {elapsed * 1000:.0f} ms")
        results = []
        def client(c):
            for i in range(3):
                results.append(s.request("POST", "/api/cases", body=list(bodies.values())[(c + i) % 2]))
        threads = [threading.Thread(target=client, args=(c,)) for c in range(8)]
        t0 = time.perf_counter()
        [t.start() for t in threads]; [t.join() for t in threads]
        took = time.perf_counter() - t0
        after = s.working_set_after_gc()
        report.append(f"- 24 such requests from 8 clients in {took:.1f} s: statuses {sorted(set(r[0] for r in results))}, largest answer {max(r[1] for r in results):,} bytes")
        report.append(f"- working set after a forced collection: {mib(start)} before, {mib(after)} after (+{mib(after - start)}; bound 150 MB)")
    finally:
        s.stop()

def flood(report, seconds=10, attackers=32):
    s = Server("Development")
    try:
        s.request("GET", "/api/cases/unknown")  # the signed-in client's credentials, verified once
        stop = time.time() + seconds
        statuses, legit = {}, []
        lock = threading.Lock()
        def attacker(a):
            n = 0
            while time.time() < stop and n < 100_000:
                st, _, _ = s.request("GET", "/api/cases/x", auth=(f"attacker{a}-{n}", "guess")); n += 1
                with lock: statuses[st] = statuses.get(st, 0) + 1
        def legitimate():
            while time.time() < stop:
                st, _, el = s.request("GET", "/api/cases/unknown")
                legit.append((st, el)); time.sleep(0.1)
        threads = [threading.Thread(target=attacker, args=(a,)) for a in range(attackers)] + [threading.Thread(target=legitimate)]
        [t.start() for t in threads]; [t.join() for t in threads]
        lat = sorted(el for _, el in legit)
        report.append(f"- {attackers} connections of unknown-user sign-ins for {seconds} s (same address as the signed-in client): attacker answers {dict(sorted(statuses.items()))}")
        report.append(f"- signed-in client: {len(legit)} requests, statuses {sorted(set(st for st, _ in legit))}, median {statistics.median(lat) * 1000:.1f} ms, p90 {lat[int(len(lat) * 0.9)] * 1000:.1f} ms, max {lat[-1] * 1000:.1f} ms")
    finally:
        s.stop()

def pbkdf2_hash(password, iterations):
    salt = os.urandom(16)
    key = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, iterations, 32)
    return f"PBKDF2-SHA256${iterations}${base64.b64encode(salt).decode()}${base64.b64encode(key).decode()}"

def timing(report, label, environment, env, known_user, pairs=15):
    generous = {"CaseServer__Security__FailedAttempts__PerAddress": "1000000", "CaseServer__Security__FailedAttempts__PerUsername": "1000000"}
    s = Server(environment, {**generous, **env})
    try:
        unknown, known = [], []
        for i in range(pairs):
            unknown.append(s.request("GET", "/api/cases/x", auth=(f"nobody{i}", "wrong"))[2])
            known.append(s.request("GET", "/api/cases/x", auth=(known_user, f"wrong{i}"))[2])
        mu, mk = statistics.median(unknown), statistics.median(known)
        report.append(f"- {label}: unknown user median {mu * 1000:.0f} ms, known user with a wrong password {mk * 1000:.0f} ms (ratio {max(mu, mk) / min(mu, mk):.2f}x; {pairs} interleaved pairs)")
    finally:
        s.stop()

def main():
    report = [f"# Issue 12 figures, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}", "",
              f"Machine: {os.cpu_count()} logical CPUs (shared with other work: expect noise). Release build; server on 127.0.0.1.", "",
              "## Hostile bodies"]
    hostile_bodies(report)
    report += ["", "## Unknown-user flood"]
    flood(report)
    report += ["", "## Unknown user vs known user with a wrong password"]
    timing(report, "Development (elastic, 100,000 iterations)", "Development", {}, "elastic")
    timing(report, "Production (one user, a 310,000-iteration hash)", "Production",
           {"CaseServer__Users__bob__PasswordHash": pbkdf2_hash("bob's password", 310_000)}, "bob")
    text = "\n".join(report) + "\n"
    print(text)
    os.makedirs(os.path.join(REPO, "build/results"), exist_ok=True)
    with open(os.path.join(REPO, "build/results", time.strftime("%Y-%m-%d", time.gmtime()) + "-hardening.md"), "w") as f:
        f.write(text)

if __name__ == "__main__":
    main()
