#!/usr/bin/python3
"""GET /v1/devices through HAProxy in front of two vigil-mockd on one PostgreSQL database, against one
instance asked directly (docs/qa-shared-server.md; the topology is tools/qa-shared-server).

One topology, three ways in, taken in turn in each round so a shared machine's load falls on all alike:
  direct        wrk → instance 1
  HAProxy, 1    wrk → HAProxy with instance 2 drained (the proxy's own cost)
  HAProxy, 2    wrk → HAProxy → both instances, round robin
The demo account holds --devices devices (the household scenario, grown); the bearer token comes from a
sign-in through HAProxy and reaches wrk through its environment (bench/mockd_throughput.lua), never a
command line. Prints requests/s, p50/p99 and the CPU every process spent per answer of each, and the
median round's ratios to `direct`.

Usage: bench/shared_throughput.py [--build build/ci] [--duration 5s] [--warmup 2s] [--devices 50]
                                  [--rounds 3] [--threads 2] [--connections 32]
Needs wrk (tools/bootstrap --bench), postgresql and haproxy (tools/bootstrap). Exits non-zero only when
the measurement is invalid (a server did not start, answered errors, or the ways in differ).
"""

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "tools" / "qa-shared-server"))

from mockd_throughput import (DEMO_EMAIL, DEMO_PASSWORD, BenchError, count_devices, cpu_seconds, http,  # noqa: E402
                              make_scenario, run_wrk, say)
from shared_server import SharedServer  # noqa: E402

PATH = "/v1/devices"


def measure(name, url, args, authorization, pids):
    """One wrk run; adds the CPU that `pids` spent per answer. Refuses runs with errors."""
    before = [cpu_seconds(pid) for pid in pids]
    result = run_wrk(url, args, args.duration, authorization)
    after = [cpu_seconds(pid) for pid in pids]
    if None not in before and None not in after and result["requests"]:
        result["cpu_us"] = 1e6 * sum(b - a for a, b in zip(before, after)) / result["requests"]
    if result["non2xx"] or result["socket_errors"]:
        raise BenchError(f"{name}: {result['non2xx']:.0f} non-2xx answers and {result['socket_errors']:.0f} socket "
                         "errors during the run; the numbers would mean nothing")
    return result


def show(name, result, direct=None):
    ratio = f"   {result['rps'] / direct['rps']:.2f}x direct" if direct else ""
    say(f"  {name:<12} {result['rps']:>9.0f} req/s   p50 {result['p50_ms']:7.2f} ms   p99 {result['p99_ms']:7.2f} ms"
        f"   CPU {result.get('cpu_us', 0):7.1f} us/answer{ratio}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--build", default=str(ROOT / "build" / "ci"), help="build folder with bin/vigil-mockd")
    parser.add_argument("--duration", default="5s")
    parser.add_argument("--warmup", default="2s")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--devices", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    mockd = Path(args.build) / "bin" / "vigil-mockd"
    if not mockd.exists():
        raise BenchError(f"{mockd} is missing: build first (tools/bench does)")
    say(f"shared_throughput: GET {PATH} ({args.devices} devices), wrk -t{args.threads} -c{args.connections} "
        f"-d{args.duration} after a {args.warmup} warm-up, {args.rounds} rounds; two vigil-mockd on one PostgreSQL "
        "database behind HAProxy (tools/qa-shared-server/haproxy.cfg)")
    with tempfile.TemporaryDirectory(prefix="shared-throughput-") as work:
        workdir = Path(work)
        # The benchmark's own sign-in adds a device: seed one fewer, so the list has exactly N.
        scenario = make_scenario(ROOT / "mock-server" / "scenarios" / "household.json", args.devices - 1, workdir)
        with SharedServer(workdir, mockd, scenario=scenario) as shared:
            first, second = shared.instances
            # Signed in through HAProxy on the first instance, so that `direct` and `HAProxy, 1` work even
            # where the second instance does not know the first one's tokens.
            shared.set_state(second.name, "drain")
            status, body = http("POST", f"{shared.url}/v1/auth/login", {
                "email": DEMO_EMAIL, "password": DEMO_PASSWORD,
                "device": {"name": "Benchmark", "type": "computer", "os": "Linux", "app": "wrk"}})
            if status != 200:
                raise BenchError(f"login through HAProxy answered {status}: {body[:300]!r}")
            authorization = "Bearer " + json.loads(body)["access_token"]
            shared.set_state(second.name, "ready")
            # Every way in must serve the same list: each instance, and HAProxy twice (both instances).
            answers = [http("GET", base + PATH, headers={"Authorization": authorization})
                       for base in (first.url, second.url, shared.url, shared.url)]
            both = all(status == 200 for status, _ in answers) and len({body for _, body in answers}) == 1
            if answers[0][0] != 200:
                raise BenchError(f"instance 1 answered the list with {answers[0][0]}: {answers[0][1][:300]!r}")
            say(f"  the list: {count_devices(answers[0][1])} devices, {len(answers[0][1])} bytes"
                + (", alike on every way in" if both else ""))
            if not both:
                say(f"  NOTE: instance 2 answers {answers[1][0]} {answers[1][1][:100]!r} with instance 1's token: "
                    "the instances do not share sessions; measuring `direct` and `HAProxy, 1` only")

            proxy = shared.haproxy.pid
            ways = [("direct", lambda: None, first.url, [first.pid]),
                    ("HAProxy, 1", lambda: shared.set_state(second.name, "drain"), shared.url, [proxy, first.pid])]
            if both:
                ways.append(("HAProxy, 2", lambda: shared.set_state(second.name, "ready"), shared.url,
                             [proxy, first.pid, second.pid]))
            last = ways[-1][0]
            for name, prepare, base, _ in ways:
                prepare()
                run_wrk(base + PATH, args, args.warmup, authorization)
            rounds = []
            for number in range(args.rounds):
                results = {}
                for name, prepare, base, pids in ways:
                    prepare()
                    results[name] = measure(name, base + PATH, args, authorization, pids)
                say(f"  round {number + 1}: " + ", ".join(
                    f"{name} {result['rps']:.0f} req/s" for name, result in results.items()) +
                    f"; {last} / direct = {results[last]['rps'] / results['direct']['rps']:.2f}")
                rounds.append(results)
            rounds.sort(key=lambda r: r[last]["rps"] / r["direct"]["rps"])
            median = rounds[len(rounds) // 2]
            say("median round:")
            for name, result in median.items():
                show(name, result, None if name == "direct" else median["direct"])
            codes = shared.stop()
            if any(code != 0 for code in codes.values()):
                raise BenchError(f"the instances exited with {codes} on SIGTERM")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BenchError as error:
        say(f"shared_throughput: {error}")
        sys.exit(1)
