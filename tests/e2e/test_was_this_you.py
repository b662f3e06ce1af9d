#!/usr/bin/python3
""""Was this you?", end to end: an intruder who has the password signs in, and the owner's Vigil —
signed in on this computer long enough to be established — answers it.

Real vigil-mockd, real vigil under Xvfb, read and driven through AT-SPI, and a stand-in for the
desktop's notification service (fake_notifications.py) on the test desktop's session bus. The
intruder signs in through the API: Vigil's desktop notification asks "Was this you?" with both
answers, the Devices table marks the intruder's device as new, and the Overview recommends
confirming it. The intruder's own session is refused (403 session_too_new) when it tries to sign
the owner's computer out. The owner answers "No, Sign It Out…" on the notification: the sign-out
journey runs (confirmation, an emailed code) and the intruder's next request is refused.
"""

import json
import os
import socket
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, str(Path(__file__).resolve().parent))

import harness  # noqa: E402
from harness import DEMO_EMAIL, DEMO_PASSWORD, Desktop, HarnessError, log, wait_until  # noqa: E402
from steps import (LIVE_TIMEOUT, device_row, establish_this_computer, open_section, outbox,  # noqa: E402
                   results_say, sign_in)

VIGIL = os.environ.get("VIGIL_APP")
MOCKD = os.environ.get("VIGIL_MOCKD")
FAKE_NOTIFICATIONS = Path(__file__).resolve().parent / "fake_notifications.py"
INTRUDER = "Intruder's Laptop"


def call(mockd, method, path, token=None, body=None):
    """One API call as a plain client; returns (status, decoded JSON or None)."""
    data = json.dumps(body).encode() if body is not None else None
    headers = {"Content-Type": "application/json"} if data is not None else {}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    request = urllib.request.Request(mockd.url + path, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as reply:
            raw = reply.read()
            return reply.status, json.loads(raw) if raw else None
    except urllib.error.HTTPError as error:
        raw = error.read()
        return error.code, json.loads(raw) if raw else None


def notifications(proc):
    """Every Notify the stand-in service received so far, oldest first."""
    lines = proc.output().decode(errors="replace").splitlines()
    return [json.loads(line[len("notify "):]) for line in lines if line.startswith("notify ")]


def test():
    if not VIGIL or not MOCKD:
        raise HarnessError("VIGIL_APP and VIGIL_MOCKD must be set (ctest sets them)")
    with Desktop("was-this-you") as desk:
        notifier = desk._spawn("notifications", ["/usr/bin/python3", str(FAKE_NOTIFICATIONS)], stdin=subprocess.PIPE)
        wait_until(lambda: b"ready" in notifier.output(), "the notification service on the session bus", 30)
        mockd = desk.start_mockd()
        vigil = desk.start_app("vigil", [VIGIL, "--server", mockd.url])
        sign_in(desk, vigil, mockd.url)

        # A sign-in from minutes ago is new: Vigil says so on its own card. Then the owner's computer
        # is made established (as if signed in for days), and the card says so at once.
        open_section(desk, vigil, "Devices")
        vigil.wait_for("This device is new")
        establish_this_computer(mockd)
        wait_until(lambda: vigil.absent("This device is new"), "Vigil to know its sign-in is established",
                   LIVE_TIMEOUT)

        # The intruder signs in with the password from another computer.
        status, tokens = call(mockd, "POST", "/v1/auth/login", body={
            "email": DEMO_EMAIL, "password": DEMO_PASSWORD,
            "device": {"name": INTRUDER, "type": "computer", "os": "Windows", "app": "Chrome"}})
        if status != 200:
            raise HarnessError(f"the intruder's sign-in answered {status}: {tokens}")
        intruder = tokens["access_token"]
        log("intruder signed in")

        # "Was this you?" on the desktop, with both answers.
        alert = wait_until(lambda: next((n for n in notifications(notifier) if INTRUDER in n["body"]), None),
                           "a desktop notification about the intruder's sign-in", LIVE_TIMEOUT)
        log(f"notification: {alert['summary']!r} {alert['body']!r} {alert['actions']}")
        if alert["summary"] != "Was this you?":
            raise HarnessError(f"the notification asks {alert['summary']!r}")
        labels = dict(zip(alert["actions"][::2], alert["actions"][1::2]))
        if labels.get("vigil-it-was-me") != "Yes, It Was Me…" or labels.get("vigil-not-me") != "No, Sign It Out…":
            raise HarnessError(f"the notification offers {labels}")

        # The device list marks it as new (the badge's words, as a screen reader hears them) …
        table = vigil.find("Devices", role="table")
        row = wait_until(lambda: device_row(vigil, table, INTRUDER), f"a row for {INTRUDER!r}", LIVE_TIMEOUT)
        if not row[0][0].endswith(", new, not confirmed yet"):
            raise HarnessError(f"the intruder's row reads {row[0][0]!r}")
        desk.screenshot("devices-new")
        # … and the Overview asks the owner to look at it.
        open_section(desk, vigil, "Overview")
        vigil.wait_for("1 new device is waiting for you to confirm it")
        vigil.find("Review New Devices", role="push button")
        desk.screenshot("overview-new")

        # The intruder cannot sign the owner's computer out: its session is new.
        status, listing = call(mockd, "GET", "/v1/devices", intruder)
        owner = ("Vigil on " + socket.gethostname())[:64]
        owner_id = next(d["id"] for d in listing["devices"] if d["name"] == owner)
        status, refusal = call(mockd, "POST", f"/v1/devices/{owner_id}/sign-out", intruder)
        if status != 403 or (refusal or {}).get("error") != "session_too_new":
            raise HarnessError(f"the intruder signing the owner out answered {status}: {refusal}")
        log(f"intruder refused: {status} {refusal['error']}, new until {refusal.get('new_until')}")

        # The owner answers "No, Sign It Out…" on the notification: the sign-out journey for that device.
        notifier.popen.stdin.write(f"{alert['id']} vigil-not-me\n".encode())
        notifier.popen.stdin.flush()
        listed = desk.text_of(vigil.find("Devices to sign out")) or ""
        if INTRUDER not in listed:
            raise HarnessError(f"the confirmation does not name {INTRUDER!r}: {listed!r}")
        desk.click(vigil.find("Sign Out", role="push button"))
        desk.click(vigil.find("Email code", role="radio button"))
        desk.click(vigil.find("Continue", role="push button"))
        code = wait_until(lambda: (outbox(mockd, DEMO_EMAIL) or [None])[-1], "an emailed code", 30)["code"]
        desk.type_text(vigil.find("Verification code"), code)
        desk.click(vigil.find("Verify", role="push button"))
        said = wait_until(lambda: (lambda text: text if text and ("signed out" in text or "ending" in text) else None)(
            results_say(vigil, INTRUDER)), f"the results to say {INTRUDER!r} is out", LIVE_TIMEOUT)
        log(f"results: {said!r}")

        status, answer = call(mockd, "GET", "/v1/devices", intruder)
        if status != 401:
            raise HarnessError(f"the intruder's next request answered {status}: {answer}")
        log(f"intruder's next request: {status} {(answer or {}).get('error')}")

        notifier.popen.stdin.close()
        desk.stop_app(vigil)
        harness.assert_no_leak((vigil, mockd), [code, DEMO_PASSWORD, intruder])
        if mockd.stop() != 0:
            raise HarnessError("vigil-mockd did not exit cleanly on SIGTERM")


if __name__ == "__main__":
    harness.main_guard(test)
