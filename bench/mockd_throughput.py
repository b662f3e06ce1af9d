#!/usr/bin/python3
"""Throughput of vigil-mockd's authenticated device list against the two most used mock servers.

In one run, on this machine: vigil-mockd serves GET /v1/devices for an account with 50 devices (real
bearer-token check, real SQLite store); throughput_floor (a bare QHttpServer route, the stack
vigil-mockd is built on: its floor, target >= 0.8 of it), json-server 0.17.4 and WireMock 3.13.2
serve the very same JSON as a constant body. Each gets a warm-up, then `wrk -t2 -c32 -d10s --latency`,
one server at a time. Prints requests/s and p99 of each and vigil-mockd's ratios to the faster peer
(target: >= 10x). The peers run as people start them (the target's reference numbers); WireMock runs a second time
tuned for load (no request journal, no request logging), which is much faster, for an honest view.

vigil-mockd and the floor run in turn (--rounds), so the load of a shared machine falls on both
alike; the median round counts, with the CPU each server spent per answer. With --profile, perf
samples vigil-mockd during one extra run and the bench prints where its time goes (per area, per
library, and its top functions).

Usage: bench/mockd_throughput.py [--build build/ci] [--duration 10s] [--warmup 5s] [--devices 50]
                                 [--rounds 3] [--profile] [--no-peers] [--mockd PATH]
Needs `tools/bootstrap --bench` (wrk, Java, json-server and WireMock in .tools/npm). Never prints the
token: wrk reads it from its environment. Exits non-zero only when the measurement itself is invalid
(a server did not start, answered errors, or served a different body).
"""

import argparse
import copy
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NPM = ROOT / ".tools" / "npm" / "node_modules"
LUA = Path(__file__).resolve().with_suffix(".lua")
DEMO_EMAIL = "demo@vigil.test"
DEMO_PASSWORD = "vigil-demo-2026"
TARGET_RATIO = 10.0
FLOOR_TARGET = 0.8
# Where vigil-mockd's samples go, by the first pattern that matches a symbol (or its library).
AREAS = [
    ("kernel: sockets, epoll, scheduling", r"^\[k\]|syscall|epoll|__libc_(send|recv|write|read)|writev"),
    ("token check (SHA-256, lookups)", r"TokenAuthenticator|Tokens::|crypto_hash|sha256|SessionStore|AccountStore"),
    ("request log and journal", r"RequestLog|RequestJournal|RequestAccounts|Redaction|JournalRoutes"),
    ("routing and dispatch", r"Router|HttpServer::|Responder|RequestContext|DatingSlot|FaultInjector|PathGlob"),
    ("device list (cache, ETag)", r"DeviceRoutes|DeviceService|etagMatches|QCryptographicHash"),
    ("HTTP date and time formatting", r"QDateTime|QLocale|QCalendar|QTimeZone|TimeFormat|QDate|QTime"),
    ("Qt HTTP server (parse, write)", r"QHttpServer|QAbstractHttpServer|http_parser|llhttp|HttpServerAdapter|"
                                       r"QTcpSocket|QAbstractSocket|QIODevice|QNativeSocketEngine"),
    ("Qt event loop and signals", r"QEventLoop|QEventDispatcher|QSocketNotifier|QMetaObject|QObject|QCoreApplication|"
                                  r"QTimer|QThreadData|doActivate|postEvent|sendEvent|processEvents|g_main"),
    ("memory (malloc/free)", r"malloc|free|_int_|operator new|operator delete|QArrayData|cfree|realloc"),
    ("strings and bytes", r"QString|QByteArray|QUtf8|QLatin1|memcpy|memmove|memcmp|strlen|QtPrivate::compare"),
]


def say(message):
    print(message, flush=True)


class BenchError(RuntimeError):
    pass


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def http(method, url, body=None, headers=None, timeout=10):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, method=method, headers=dict(headers or {}))
    if data is not None:
        request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def wait_for(url, what, proc, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise BenchError(f"{what} exited with {proc.returncode} before answering")
        try:
            status, _ = http("GET", url, timeout=2)
            if status < 500:
                return
        except (urllib.error.URLError, ConnectionError, socket.timeout):
            pass
        time.sleep(0.1)
    raise BenchError(f"{what} did not answer {url} within {timeout} s")


class Server:
    def __init__(self, name, argv, workdir, env=None):
        self.name = name
        self.log = workdir / f"{name}.log"
        with open(self.log, "wb") as log:
            self.proc = subprocess.Popen(argv, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                         env=env, start_new_session=True)

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()
        return self.proc.returncode


def run_wrk(url, args, duration, authorization=None):
    env = dict(os.environ)
    env.pop("VIGIL_BENCH_AUTHORIZATION", None)
    if authorization:
        env["VIGIL_BENCH_AUTHORIZATION"] = authorization
    argv = ["wrk", f"-t{args.threads}", f"-c{args.connections}", f"-d{duration}", "--latency", "-s", str(LUA), url]
    result = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=600)
    match = re.search(r"^BENCH_RESULT (.*)$", result.stdout, re.M)
    if result.returncode != 0 or not match:
        raise BenchError(f"wrk failed ({result.returncode}): {result.stderr.strip() or result.stdout[-500:]}")
    values = dict(item.split("=", 1) for item in match.group(1).split())
    return {key: float(value) for key, value in values.items()}


def cpu_seconds(pid):
    """User + system CPU time of a process so far (Linux), or None."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return None


def timed_run(name, url, args, authorization=None, pid=None):
    """One wrk run with the server's CPU time; refuses runs with errors."""
    before = cpu_seconds(pid) if pid else None
    result = run_wrk(url, args, args.duration, authorization)
    after = cpu_seconds(pid) if pid else None
    # The server's own CPU per answer: what bounds its requests/s on an idle machine, and steadier
    # than requests/s while others share the cores.
    if before is not None and after is not None and result["requests"]:
        result["cpu_us"] = 1e6 * (after - before) / result["requests"]
    if result["non2xx"] or result["socket_errors"]:
        raise BenchError(f"{name}: {result['non2xx']:.0f} non-2xx answers and {result['socket_errors']:.0f} socket "
                         "errors during the run; the numbers would mean nothing")
    return result


def show(name, result):
    say(f"  {name:<12} {result['rps']:>10.0f} req/s   p50 {result['p50_ms']:7.2f} ms   p99 {result['p99_ms']:7.2f} ms"
        f"   ({result['requests']:.0f} requests, {result['bytes'] / max(result['requests'], 1):.0f} B each)"
        + (f"   CPU {result['cpu_us']:.1f} us/request" if "cpu_us" in result else ""))


def measure(name, url, args, authorization=None, pid=None):
    run_wrk(url, args, args.warmup, authorization)
    result = timed_run(name, url, args, authorization, pid)
    show(name, result)
    return result


# ---- the 50-device account --------------------------------------------------------------------------

def find_device_lists(node, path=()):
    """Yields (path, list) for every list named "devices" in a scenario."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "devices" and isinstance(value, list):
                yield path + (key,), value
            yield from find_device_lists(value, path + (key,))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from find_device_lists(value, path + (index,))


def make_scenario(source, count, workdir):
    """The bundled household scenario with the demo account's device list grown to `count` devices."""
    scenario = json.loads(source.read_text())
    lists = list(find_device_lists(scenario))
    if not lists:
        raise BenchError(f"no device list in {source}")
    # The demo account's list: the first one, in the account that has the demo email.
    chosen = lists[0][1]
    for path, devices in lists:
        owner = scenario
        for step in path[:-1]:
            owner = owner[step]
        if isinstance(owner, dict) and DEMO_EMAIL in json.dumps(owner)[:2000]:
            chosen = devices
            break
    if not chosen:
        raise BenchError("the demo account has no device to copy")
    templates = copy.deepcopy(chosen)
    while len(chosen) < count:
        device = copy.deepcopy(templates[len(chosen) % len(templates)])
        serial = len(chosen) + 1
        for key in ("id", "device_id"):
            if isinstance(device.get(key), str):
                device[key] = f"{device[key]}-bench{serial}"
        if isinstance(device.get("name"), str):
            device["name"] = f"{device['name']} {serial}"
        chosen.append(device)
    del chosen[count:]
    path = workdir / "scenario-50-devices.json"
    path.write_text(json.dumps(scenario, indent=2))
    return path


def count_devices(body):
    document = json.loads(body)
    if isinstance(document, list):
        return len(document)
    if isinstance(document, dict):
        for key in ("devices", "items", "data"):
            if isinstance(document.get(key), list):
                return len(document[key])
        if isinstance(document.get("devices_count"), int):
            return document["devices_count"]
    return None


# ---- the run ----------------------------------------------------------------------------------------

def start_mockd(args, workdir, scenario):
    mockd = Path(args.mockd) if args.mockd else Path(args.build) / "bin" / "vigil-mockd"
    if not mockd.exists():
        raise BenchError(f"{mockd} is missing: build first (tools/bench does)")
    argv = [str(mockd), "--port", "0", "--db", str(workdir / "mockd.sqlite"), "--admin-key", secrets.token_hex(16)]
    if scenario:
        argv += ["--scenario", str(scenario)]
    server = Server("vigil-mockd", argv, workdir)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        first = server.log.read_bytes().split(b"\n", 1)
        if len(first) == 2:
            match = re.fullmatch(rb"listening on (http://127\.0\.0\.1:\d+)", first[0].strip())
            if not match:
                raise BenchError(f"vigil-mockd's first line is {first[0][:200]!r}")
            return server, match.group(1).decode()
        if server.proc.poll() is not None:
            raise BenchError(f"vigil-mockd exited with {server.proc.returncode}: {server.log.read_text()[-1000:]}")
        time.sleep(0.05)
    raise BenchError("vigil-mockd did not report its port")


def bench_mockd(args, workdir, notes):
    scenario = None
    household = ROOT / "mock-server" / "scenarios" / "household.json"
    if household.exists():
        # The benchmark's own sign-in adds a device: seed one fewer, so the list has exactly N.
        scenario = make_scenario(household, args.devices - 1, workdir)
    else:
        notes.append(f"{household.relative_to(ROOT)} does not exist yet: vigil-mockd runs its built-in seed")
    server, base = start_mockd(args, workdir, scenario)
    try:
        status, body = http("POST", f"{base}/v1/auth/login", {
            "email": DEMO_EMAIL, "password": DEMO_PASSWORD,
            "device": {"name": "Benchmark", "type": "computer", "os": "Linux", "app": "wrk"}})
        if status != 200:
            raise BenchError(f"login answered {status}: {body[:300]!r}")
        authorization = "Bearer " + json.loads(body)["access_token"]
        path = "/v1/devices"
        status, body = http("GET", base + path, headers={"Authorization": authorization})
        if status == 404:
            notes.append("GET /v1/devices does not exist yet: measured the authenticated GET /v1/me instead")
            path = "/v1/me"
            status, body = http("GET", base + path, headers={"Authorization": authorization})
        if status != 200:
            raise BenchError(f"GET {path} answered {status}: {body[:300]!r}")
        status, _ = http("GET", base + path)
        if status != 401:
            raise BenchError(f"GET {path} without a token answered {status}, not 401: no token check to measure")
        devices = count_devices(body)
        if path == "/v1/devices" and devices != args.devices:
            notes.append(f"the device list has {devices} devices, not {args.devices}")
        say(f"vigil-mockd: GET {path} with a bearer token, {len(body)} bytes, {devices} devices")
        if args.profile:
            run_wrk(base + path, args, args.warmup, authorization)
            with Profile(server.proc.pid, workdir) as profile:
                result = run_wrk(base + path, args, args.duration, authorization)
            say(f"  vigil-mockd  {result['rps']:>10.0f} req/s   p50 {result['p50_ms']:7.2f} ms   p99 "
                f"{result['p99_ms']:7.2f} ms   (under perf: slower than without)")
            print_profile(profile.report())
            print_libraries(profile.report())
        result, floor = against_floor(args, workdir, base + path, authorization, server.proc.pid, path, body)
        if authorization.split()[-1].encode() in server.log.read_bytes():
            raise BenchError("vigil-mockd logged the access token")
        return result, floor, path, body
    finally:
        code = server.stop()
        if code != 0:
            notes.append(f"vigil-mockd exited with {code} on SIGTERM (expected 0)")


def start_floor(args, workdir, path, body):
    """throughput_floor: a bare QHttpServer route serving `body`, the floor vigil-mockd stands on."""
    exe = Path(args.build) / "bin" / "throughput_floor"
    if not exe.exists():
        raise BenchError(f"{exe} is missing: build it first (tools/bench does)")
    (workdir / "floor-body.json").write_bytes(body)
    server = Server("floor", [str(exe), "--body", str(workdir / "floor-body.json"), "--path", path], workdir)
    try:
        deadline = time.monotonic() + 15
        base = None
        while time.monotonic() < deadline and base is None:
            match = re.search(rb"listening on (http://127\.0\.0\.1:\d+)", server.log.read_bytes())
            if match:
                base = match.group(1).decode()
            elif server.proc.poll() is not None:
                raise BenchError(f"throughput_floor exited with {server.proc.returncode}")
            else:
                time.sleep(0.05)
        if base is None:
            raise BenchError("throughput_floor did not report its port")
        status, served = http("GET", base + path)
        if status != 200 or served != body:
            raise BenchError(f"throughput_floor served something else ({status})")
        return server, base + path
    except BaseException:
        server.stop()
        raise


def against_floor(args, workdir, url, authorization, pid, path, body):
    """Rounds of vigil-mockd then the floor, taken in turn so the shared machine's load falls on both
    alike; returns (vigil-mockd, floor) of the median round by requests/s ratio, and every ratio."""
    floor, floor_url = start_floor(args, workdir, path, body)
    try:
        run_wrk(url, args, args.warmup, authorization)
        run_wrk(floor_url, args, args.warmup)
        rounds = []
        for round_number in range(args.rounds):
            mockd = timed_run("vigil-mockd", url, args, authorization, pid)
            base = timed_run("QHttpServer", floor_url, args, pid=floor.proc.pid)
            say(f"  round {round_number + 1}: vigil-mockd {mockd['rps']:.0f} req/s, floor {base['rps']:.0f} req/s = "
                f"{mockd['rps'] / base['rps']:.2f}; CPU per answer {mockd.get('cpu_us', 0):.1f} vs "
                f"{base.get('cpu_us', 0):.1f} us = {base.get('cpu_us', 0) / max(mockd.get('cpu_us', 1), 1e-9):.2f}")
            rounds.append((mockd, base))
        rounds.sort(key=lambda pair: pair[0]["rps"] / pair[1]["rps"])
        mockd, base = rounds[len(rounds) // 2]
        show("vigil-mockd", mockd)
        show("QHttpServer", base)
        return mockd, base
    finally:
        floor.stop()


class Profile:
    """perf record on a running process, for the length of a `with` block."""

    def __init__(self, pid, workdir):
        self.data = workdir / "perf.data"
        self.pid = pid
        self.proc = None

    def __enter__(self):
        if shutil.which("perf"):
            self.proc = subprocess.Popen(["perf", "record", "-F", "1999", "-g", "-o", str(self.data), "-p",
                                          str(self.pid)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(0.5)
        return self

    def __exit__(self, *exc):
        if self.proc:
            self.proc.send_signal(signal.SIGINT)
            self.proc.wait(timeout=60)

    def report(self, children=False):
        """(share, symbol, library) rows of self time (or with callees), biggest first; empty without perf."""
        if not self.proc or not self.data.exists():
            return []
        result = subprocess.run(["perf", "report", "-i", str(self.data), "--children" if children else "--no-children",
                                 "--stdio", "--sort", "dso,symbol", "-g", "none", "--percent-limit", "0.05"],
                                capture_output=True, text=True, timeout=300)
        rows = []
        for line in result.stdout.splitlines():
            match = re.match(r"\s*([\d.]+)%\s+(?:([\d.]+)%\s+)?(\S+)\s+(\[[.k]\])\s+(.*)$", line)
            if match:
                share, _, dso, kind, symbol = match.groups()
                rows.append((float(share), f"{kind} {symbol.strip()}", dso))
        return rows


def print_libraries(rows):
    """Self time per library, and vigil-mockd's own top functions."""
    if not rows:
        return
    libraries = {}
    for share, _, dso in rows:
        name = "kernel" if dso.startswith("[kernel") else Path(dso).name
        libraries[name] = libraries.get(name, 0.0) + share
    say("  by library:")
    for name, share in sorted(libraries.items(), key=lambda item: -item[1])[:8]:
        say(f"    {share:5.1f} %  {name}")
    own = [row for row in rows if Path(row[2]).name == "vigil-mockd"]
    if own:
        say("  vigil-mockd's own functions:")
        for share, symbol, _ in own[:8]:
            say(f"    {share:5.1f} %  {symbol[:100]}")


def print_profile(rows):
    if not rows:
        say("  profile: perf is missing or recorded nothing (tools/bootstrap --bench installs it)")
        return
    areas = {name: 0.0 for name, _ in AREAS}
    other = 0.0
    for share, symbol, dso in rows:
        for name, pattern in AREAS:
            if re.search(pattern, symbol) or re.search(pattern, dso):
                areas[name] += share
                break
        else:
            other += share
    say("  where vigil-mockd's time goes during the run (perf, self time):")
    for name, share in sorted(areas.items(), key=lambda item: -item[1]):
        say(f"    {share:5.1f} %  {name}")
    say(f"    {other:5.1f} %  everything else")
    say("  top functions:")
    for share, symbol, dso in rows[:15]:
        say(f"    {share:5.1f} %  {symbol[:90]}  ({Path(dso).name})")


def bench_json_server(args, workdir, path, body, label="json-server", extra=()):
    cli = NPM / "json-server" / "lib" / "cli" / "bin.js"
    if not cli.exists():
        raise BenchError("json-server is missing: run tools/bootstrap --bench")
    (workdir / "db.json").write_text(json.dumps({"bench": json.loads(body)}))
    (workdir / "routes.json").write_text(json.dumps({path: "/bench"}))
    port = free_port()
    server = Server("json-server", ["node", str(cli), *extra, "--host", "127.0.0.1", "--port", str(port),
                                    "--routes", str(workdir / "routes.json"), str(workdir / "db.json")], workdir)
    url = f"http://127.0.0.1:{port}{path}"
    try:
        wait_for(url, label, server.proc)
        status, served = http("GET", url)
        if status != 200 or json.loads(served) != json.loads(body):
            raise BenchError(f"{label} served something else ({status})")
        return measure(label, url, args)
    finally:
        server.stop()


def bench_wiremock(args, workdir, path, body, label="WireMock", extra=()):
    jars = sorted((NPM / "wiremock" / "build").glob("wiremock-standalone-*.jar"))
    if not jars or not shutil.which("java"):
        raise BenchError("WireMock or Java is missing: run tools/bootstrap --bench")
    root = Path(tempfile.mkdtemp(prefix="wiremock-", dir=workdir))
    (root / "mappings").mkdir(parents=True)
    (root / "mappings" / "devices.json").write_text(json.dumps({
        "request": {"method": "GET", "url": path},
        "response": {"status": 200, "body": body.decode(), "headers": {"Content-Type": "application/json"}}}))
    port = free_port()
    server = Server("wiremock", ["java", "-jar", str(jars[-1]), "--port", str(port), "--bind-address", "127.0.0.1",
                                 "--root-dir", str(root), *extra,
                                 "--disable-banner"], workdir)
    url = f"http://127.0.0.1:{port}{path}"
    try:
        wait_for(url, label, server.proc, timeout=120)
        status, served = http("GET", url)
        if status != 200 or served != body:
            raise BenchError(f"{label} served something else ({status})")
        return measure(label, url, args)
    finally:
        server.stop()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--build", default=str(ROOT / "build" / "ci"), help="build folder with bin/vigil-mockd")
    parser.add_argument("--duration", default="10s")
    parser.add_argument("--warmup", default="5s")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--devices", type=int, default=50)
    parser.add_argument("--mockd", help="another vigil-mockd binary (e.g. an older build, for a before/after)")
    parser.add_argument("--rounds", type=int, default=3, help="vigil-mockd / floor rounds, taken in turn")
    parser.add_argument("--profile", action="store_true", help="perf vigil-mockd and print where its time goes")
    parser.add_argument("--no-peers", action="store_true", help="only vigil-mockd and its floor (no Node or Java)")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: run tools/bootstrap --bench")

    workdir = Path(tempfile.mkdtemp(prefix="vigil-bench-"))
    notes = []
    say(f"mockd_throughput: wrk -t{args.threads} -c{args.connections} -d{args.duration} after a {args.warmup} "
        f"warm-up, one server at a time, {os.cpu_count()} cores")
    try:
        mockd, floor, path, body = bench_mockd(args, workdir, notes)
        # The peers as people start them (the reference numbers of the target), and WireMock once
        # more tuned for load (no request journal), which is much faster: shown for honesty.
        if not args.no_peers:
            peers = {"json-server": bench_json_server(args, workdir, path, body),
                     "WireMock": bench_wiremock(args, workdir, path, body)}
            tuned = bench_wiremock(args, workdir, path, body, "WireMock*",
                                   ["--no-request-journal", "--disable-request-logging"])
    except BenchError as error:
        say(f"mockd_throughput: FAILED: {error} (logs in {workdir})")
        return 1
    say("")
    floor_ratio = mockd["rps"] / floor["rps"]
    say(f"mockd_throughput: vigil-mockd {mockd['rps']:.0f} req/s = {floor_ratio:.2f} of the constant-body floor "
        f"(median of {args.rounds} rounds) "
        f"(bare QHttpServer, {floor['rps']:.0f} req/s); target >= {FLOOR_TARGET} "
        f"{'met' if floor_ratio >= FLOOR_TARGET else 'MISSED'}")
    if "cpu_us" in mockd and "cpu_us" in floor:
        say(f"  CPU per answer: vigil-mockd {mockd['cpu_us']:.1f} us, floor {floor['cpu_us']:.1f} us = "
            f"{floor['cpu_us'] / mockd['cpu_us']:.2f} (the requests/s ratio a machine with cores to spare would see)")
    if args.no_peers:
        for note in notes:
            say(f"  note: {note}")
        shutil.rmtree(workdir, ignore_errors=True)
        return 0
    say("  (WireMock* = WireMock --no-request-journal --disable-request-logging)")
    say("")
    for name, peer in [*peers.items(), ("WireMock*", tuned)]:
        say(f"  vigil-mockd vs {name:<12} {mockd['rps'] / peer['rps']:6.1f}x the requests/s, "
            f"p99 {mockd['p99_ms']:.2f} ms vs {peer['p99_ms']:.2f} ms")
    fastest = max(peers, key=lambda name: peers[name]["rps"])
    ratio = mockd["rps"] / peers[fastest]["rps"]
    verdict = "met" if ratio >= TARGET_RATIO else "MISSED"
    say(f"mockd_throughput: vigil-mockd {mockd['rps']:.0f} req/s = {ratio:.1f}x the faster peer ({fastest}, "
        f"{peers[fastest]['rps']:.0f} req/s); target >= {TARGET_RATIO:.0f}x {verdict}; "
        f"{mockd['rps'] / tuned['rps']:.1f}x WireMock tuned for load")
    for note in notes:
        say(f"  note: {note}")
    shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
