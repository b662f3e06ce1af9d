#!/usr/bin/python3
"""Contract conformance, end to end: vigil talks to vigil-mockd through a Prism validating proxy.

`prism proxy api/openapi.yaml <mockd> --errors` (pinned by tools/bootstrap into .tools/npm) checks
every request Vigil sends and every answer vigil-mockd gives against api/openapi.yaml; with
`--errors` a violation is answered with a 4xx/5xx instead of being passed on, and logged. Vigil signs
in, lists the devices and signs one out with an emailed code (read from the outbox), all through the
proxy; the test fails if Prism reports any violation, or refused anything itself.

The event socket cannot go through Prism (it proxies plain HTTP, not a WebSocket upgrade), and Vigil
opens its socket on the server it signed in to. So the live connection fails here; the app must still
work (the list loads over HTTP, the sign-out finishes) and say so in its connection banner.
"""

import json
import os
import re
import socket
import sys
import urllib.error
import urllib.request
from pathlib import Path

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, str(Path(__file__).resolve().parent))

import harness  # noqa: E402
from harness import DEMO_EMAIL, Desktop, HarnessError, log, wait_until  # noqa: E402
from steps import (LIVE_TIMEOUT, device_cell, establish_this_computer, journal, open_section, outbox,  # noqa: E402
                   results_say, sign_in, table_rows)

VIGIL = os.environ.get("VIGIL_APP")
MOCKD = os.environ.get("VIGIL_MOCKD")
SOURCE = Path(os.environ.get("VIGIL_SOURCE_DIR") or Path(__file__).resolve().parents[2])
PRISM = SOURCE / ".tools/npm/node_modules/.bin/prism"

# Prism's own words for a contract problem (its validator's log lines and --errors answers).
VIOLATION = re.compile(r"Violation|✖|\[VALIDATOR\]|UNPROCESSABLE_ENTITY|INVALID_CONTENT_TYPE|NO_PATH_MATCHED|"
                       r"NO_METHOD_MATCHED|NOT_ACCEPTABLE|UNAUTHORIZED|prism/errors")
# The socket upgrade is not HTTP Prism can proxy (see above): its lines are reported, not failed on.
EVENTS_LINE = re.compile(r"/v1/events")


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_prism(desk, upstream):
    if not PRISM.exists():
        raise HarnessError(f"{PRISM} is missing; run tools/bootstrap")
    port = free_port()
    # A copy: Prism reloads a spec that changes under it, and the tree's copy may be mid-edit.
    spec = desk.root / "openapi.yaml"
    spec.write_bytes((SOURCE / "api/openapi.yaml").read_bytes())
    proc = desk._spawn("prism", [str(PRISM), "proxy", str(spec), upstream, "--errors",
                                 "--host", "127.0.0.1", "--port", str(port)])

    def listening():
        if not proc.running():
            raise HarnessError(f"prism exited with {proc.popen.returncode}: {proc.output()[-2000:]!r}")
        return b"Prism is listening" in proc.output()

    wait_until(listening, "Prism to listen", 90)
    url = f"http://127.0.0.1:{port}"
    log(f"prism proxy {url} -> {upstream}")
    return proc, url


def canary(prism, url):
    """Proves the check can fail: a sign-in without a password must come back as Prism's own 422 and
    leave a violation in its log. Returns the log's length after it, where the journey starts."""
    request = urllib.request.Request(f"{url}/v1/auth/login", data=json.dumps({"email": DEMO_EMAIL}).encode(),
                                     method="POST", headers={"Content-Type": "application/json"})
    try:
        urllib.request.urlopen(request, timeout=30).close()
        raise HarnessError("Prism let a sign-in without a password through: it is not validating")
    except urllib.error.HTTPError as error:
        body = error.read().decode(errors="replace")
        if error.code != 422 or "prism/errors" not in body:
            raise HarnessError(f"the canary got {error.code} {body[:300]!r}, not Prism's 422") from None
    wait_until(lambda: violations(prism)[0], "Prism to log the canary's violation", 30)
    return len(prism.output())


def violations(prism, offset=0):
    """Prism's log lines (each with the lines that follow it) that report a contract problem."""
    lines = prism.output()[offset:].decode(errors="replace").splitlines()
    found, ignored = [], []
    for index, line in enumerate(lines):
        if VIOLATION.search(line):
            context = " | ".join(lines[max(0, index - 3):index + 3])
            (ignored if EVENTS_LINE.search(context) else found).append(context)
    return found, ignored






def test():
    if not VIGIL or not MOCKD:
        raise HarnessError("VIGIL_APP and VIGIL_MOCKD must be set (ctest sets them)")
    with Desktop("contract") as desk:
        mockd = desk.start_mockd()
        prism, url = start_prism(desk, mockd.url)
        offset = canary(prism, url)
        app = desk.start_app("vigil", [VIGIL, "--server", url])

        log(f"signed in through Prism: {sign_in(desk, app, url)!r}")
        establish_this_computer(mockd)
        open_section(desk, app, "Devices")
        table = app.find("Devices", role="table", timeout=LIVE_TIMEOUT)
        wait_until(lambda: len(table_rows(app, table)) >= 2, "the device table to fill", LIVE_TIMEOUT)
        log(f"device list through Prism: {len(table_rows(app, table))} rows")

        # Sign one device out with an emailed code.
        name = "Living Room TV"
        desk.mouse_click(device_cell(app, table, name))
        desk.click(app.find("Sign Out This Device", role="push button"))
        desk.click(app.find("Sign Out", role="push button"))
        desk.click(app.find("Email code", role="radio button"))
        desk.click(app.find("Continue", role="push button"))
        message = wait_until(lambda: (outbox(mockd, DEMO_EMAIL) or [None])[-1], "an emailed code in the outbox", 30)
        desk.type_text(app.find("Verification code"), message["code"])
        desk.click(app.find("Verify", role="push button"))
        said = wait_until(lambda: (lambda text: text if text and re.search(r"(?i)signed out|pending", text) else None)(
            results_say(app, name)), f"the results to say {name!r} is signed out", LIVE_TIMEOUT)
        log(f"sign-out through Prism: {said!r}")
        desk.click(app.find("Done", role="push button"))

        # The socket cannot go through the proxy (Prism holds the upgrade and never answers): after the
        # stream's ready timeout (20 s) the banner must say so and offer to reconnect, never spin forever.
        app.wait_for("Retry connection", role="push button", timeout=LIVE_TIMEOUT + 15)
        banner = app.find("Connection status")
        log(f"event socket through Prism: {banner.description or banner.name!r} (expected to fail: "
            "Prism does not proxy WebSocket upgrades)")
        if not re.search(r"(?i)reconnect|offline", banner.description or ""):
            raise HarnessError(f"the connection banner says {banner.description!r}")

        # Every route of the journey really went through the proxy to the service.
        for path in ("/v1/auth/login", "/v1/devices", "/v1/step-up", "/v1/step-up/verify", "/v1/devices/*sign-out"):
            if not journal(mockd, path):
                raise HarnessError(f"vigil-mockd never saw {path}: did the app bypass Prism?")

        code = desk.stop_app(app)
        if code != 0:
            raise HarnessError(f"vigil exited with {code} on SIGTERM")
        found, ignored = violations(prism, offset)
        for line in ignored:
            log(f"prism, event socket (not failed on): {line[:400]}")
        if found:
            for line in found:
                log(f"prism VIOLATION: {line[:800]}")
            raise HarnessError(f"Prism reported {len(found)} contract violation(s)")
        answered = re.findall(r"upstream call to (\S+) has returned (\d+)",
                              prism.output()[offset:].decode(errors="replace"))
        log(f"prism validated {len(answered)} answers, no violation")
        if not answered:
            raise HarnessError("Prism forwarded nothing")


if __name__ == "__main__":
    harness.main_guard(test)
