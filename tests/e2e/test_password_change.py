#!/usr/bin/python3
"""Changing the password with "Sign out all devices", end to end.

Real vigil-mockd, real vigil under Xvfb driven through AT-SPI, and two simulated devices
(`vigil-mockd simulate`) signed in to the demo account. On the Security page the person types the
current password once (Vigil does the step-up with it), a new one twice, leaves "Sign out all devices"
ticked with "every device, this one included", and presses Change Password. Then: both simulated
devices are refused by the service (`session_revoked`), Vigil returns to its sign-in window, the old
password fails at the service while the new one works, and Vigil signs in again with the new one.
Neither password nor any token reaches a log.
"""

import json
import os
import re
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, str(Path(__file__).resolve().parent))

import harness  # noqa: E402
from harness import DEMO_EMAIL, DEMO_PASSWORD, Desktop, HarnessError, log, wait_until  # noqa: E402
from steps import LIVE_TIMEOUT, establish_this_computer, open_section, read_until, sign_in  # noqa: E402

VIGIL = os.environ.get("VIGIL_APP")
MOCKD = os.environ.get("VIGIL_MOCKD")

NEW_PASSWORD = "correct horse battery staple 7"
SIGNED_IN = re.compile(r"sim: device (?P<n>\d+) (?P<name>.+) signed in")
REFUSED = re.compile(r"sim: device (?P<name>.+) refused: (?P<code>\S+)")


def login_status(mockd, password):
    """The HTTP status of a sign-in to the demo account with `password` (200 or 401)."""
    body = json.dumps({"email": DEMO_EMAIL, "password": password}).encode()
    request = urllib.request.Request(f"{mockd.url}/v1/auth/login", data=body, method="POST",
                                     headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=15) as reply:
            return reply.status
    except urllib.error.HTTPError as error:
        return error.code


def refused_devices(sim):
    """{name: code} for every simulated device the service has refused so far."""
    found = {}
    for line in sim.output().decode(errors="replace").splitlines():
        match = REFUSED.fullmatch(line.strip())
        if match:
            found[match.group("name")] = match.group("code")
    return found


def test():
    if not VIGIL or not MOCKD:
        raise HarnessError("VIGIL_APP and VIGIL_MOCKD must be set (ctest sets them)")
    with Desktop("password-change") as desk:
        mockd = desk.start_mockd()
        sim = desk.start_app("simulator", [MOCKD, "simulate", "--server", mockd.url, "--devices", "2",
                                           "--account", DEMO_EMAIL, "--seed", "7", "--tick-ms", "0"],
                             {"VIGIL_SIM_PASSWORD": DEMO_PASSWORD})
        names = set()

        def both_signed_in():
            for line in sim.output().decode(errors="replace").splitlines():
                match = SIGNED_IN.fullmatch(line.strip())
                if match:
                    names.add(match.group("name"))
            if not sim.running():
                raise HarnessError(f"the simulator exited: {sim.output()[-2000:]!r}")
            return len(names) == 2

        wait_until(both_signed_in, "two simulated devices to sign in", LIVE_TIMEOUT)
        log(f"simulator: {sorted(names)} signed in")

        vigil = desk.start_app("vigil", [VIGIL, "--server", mockd.url])
        log(f"signed in: {sign_in(desk, vigil, mockd.url)!r}")
        establish_this_computer(mockd)
        open_section(desk, vigil, "Security")
        desk.type_text(vigil.find("Current password"), DEMO_PASSWORD)
        desk.type_text(vigil.find("New password"), NEW_PASSWORD)
        desk.type_text(vigil.find("Confirm new password"), NEW_PASSWORD)
        sign_out_all = vigil.find("Sign out all devices", role="check box")
        if not desk.is_checked(sign_out_all):
            raise HarnessError("'Sign out all devices' is not ticked by default")
        if not desk.is_checked(vigil.find("Every device, this one included", role="radio button")):
            raise HarnessError("'every device, this one included' is not the default choice")
        advice = desk.text_of(vigil.find("Password strength advice")) or ""
        log(f"strength advice: {advice!r}")
        desk.screenshot("password-filled")
        change = vigil.find("Change Password", role="push button")
        wait_until(lambda: change.getState().contains(desk.atspi.STATE_SENSITIVE),
                   "Change Password to be enabled", 15)
        desk.click(change)

        # Every device, this one included: Vigil returns to its sign-in window ...
        vigil.wait_for("Sign In", role="push button", timeout=LIVE_TIMEOUT)
        desk.screenshot("password-changed")
        log("Vigil is back at its sign-in window")
        # ... and both simulated devices were thrown out by the service.
        wait_until(lambda: len(refused_devices(sim)) == 2 or (not sim.running() and None),
                   "both simulated devices to be refused", LIVE_TIMEOUT)
        refused = refused_devices(sim)
        if set(refused) != names or set(refused.values()) != {"session_revoked"}:
            raise HarnessError(f"the simulator reported {refused!r} for {sorted(names)}")
        log(f"simulator: {refused!r}")

        # The old password fails, the new one works, at the service ...
        old, new = login_status(mockd, DEMO_PASSWORD), login_status(mockd, NEW_PASSWORD)
        if (old, new) != (401, 200):
            raise HarnessError(f"sign-in with the old password answered {old}, with the new one {new}")
        log("service: old password 401, new password 200")
        # ... and in Vigil.
        desk.type_text(vigil.find("Password"), NEW_PASSWORD)
        desk.click(vigil.find("Sign In", role="push button"))
        vigil.wait_for("Signed-in devices", timeout=LIVE_TIMEOUT)
        log("Vigil signed in again with the new password")

        desk.stop_app(sim)
        desk.stop_app(vigil)
        harness.assert_no_leak((vigil, sim, mockd), [DEMO_PASSWORD, NEW_PASSWORD])
        exit_code = mockd.stop()
        if exit_code != 0:
            raise HarnessError(f"vigil-mockd exited with {exit_code} on SIGTERM")


if __name__ == "__main__":
    harness.main_guard(test)
