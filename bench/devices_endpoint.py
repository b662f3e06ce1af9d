#!/usr/bin/python3
"""Latency of vigil-mockd's GET /v1/devices for an account with 10,000 devices.

One run: seeds the household scenario grown to 10,000 devices, signs in, then
  1. pages through the whole list (limit=1000) cold and warm, printing the time of each full walk;
  2. loads one full page (limit=1000) with `wrk -t1 -c4 --latency` and prints p50/p99;
  3. the same for GET /v1/me on the same server, as the baseline, and prints the ratio.
Usage: bench/devices_endpoint.py [--build build/ci] [--devices 10000] [--duration 10s]
Needs `tools/bootstrap --bench` (wrk). Never prints the token.
"""

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.dont_write_bytecode = True
sys.path.insert(0, str(Path(__file__).resolve().parent))

import mockd_throughput as mt  # noqa: E402  (shares the server, scenario and wrk helpers)


def walk(base, authorization, limit):
    """Pages through every device; returns (seconds, devices seen, pages)."""
    started = time.perf_counter()
    cursor, seen, pages = None, 0, 0
    while True:
        url = f"{base}/v1/devices?limit={limit}" + (f"&cursor={cursor}" if cursor else "")
        status, body = mt.http("GET", url, headers={"Authorization": authorization}, timeout=60)
        if status != 200:
            raise mt.BenchError(f"GET {url} answered {status}: {body[:200]!r}")
        document = json.loads(body)
        seen += len(document["devices"])
        pages += 1
        cursor = document.get("next_cursor")
        if not cursor:
            return time.perf_counter() - started, seen, pages


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--build", default=str(mt.ROOT / "build" / "ci"))
    parser.add_argument("--devices", type=int, default=10000)
    parser.add_argument("--duration", default="10s")
    parser.add_argument("--warmup", default="3s")
    args = parser.parse_args()
    args.threads, args.connections = 1, 4

    workdir = Path(tempfile.mkdtemp(prefix="vigil-bench-devices-"))
    household = mt.ROOT / "mock-server" / "scenarios" / "household.json"
    scenario = mt.make_scenario(household, args.devices - 1, workdir)
    started = time.perf_counter()
    server, base = mt.start_mockd(args, workdir, scenario)
    mt.say(f"devices_endpoint: vigil-mockd up with {args.devices} devices in {time.perf_counter() - started:.2f} s")
    try:
        status, body = mt.http("POST", f"{base}/v1/auth/login", {
            "email": mt.DEMO_EMAIL, "password": mt.DEMO_PASSWORD,
            "device": {"name": "Benchmark", "type": "computer", "os": "Linux", "app": "wrk"}}, timeout=60)
        if status != 200:
            raise mt.BenchError(f"login answered {status}: {body[:200]!r}")
        authorization = "Bearer " + json.loads(body)["access_token"]

        cold, seen, pages = walk(base, authorization, 1000)
        warm, _, _ = walk(base, authorization, 1000)
        mt.say(f"devices_endpoint.full_walk devices={seen} pages={pages} cold_ms={cold * 1000:.1f} "
               f"warm_ms={warm * 1000:.1f}")
        if seen != args.devices:
            mt.say(f"devices_endpoint: NOTE the list has {seen} devices, not {args.devices}")

        page = mt.measure("page(1000)", f"{base}/v1/devices?limit=1000", args, authorization)
        me = mt.measure("/v1/me", f"{base}/v1/me", args, authorization)
        mt.say(f"devices_endpoint.page_latency_ms p50={page['p50_ms']:.2f} p99={page['p99_ms']:.2f} "
               f"baseline_me_p50={me['p50_ms']:.2f} baseline_me_p99={me['p99_ms']:.2f} "
               f"ratio_p99={page['p99_ms'] / max(me['p99_ms'], 1e-6):.1f}x "
               f"bytes_per_page={page['bytes'] / max(page['requests'], 1):.0f}")
    except mt.BenchError as error:
        mt.say(f"devices_endpoint: FAILED: {error} (logs in {workdir})")
        return 1
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
