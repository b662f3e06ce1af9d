#!/usr/bin/python3
"""Signing a device out, end to end: the journey a person takes, read and driven through AT-SPI.

Real vigil-mockd, real vigil under Xvfb, and `vigil-mockd simulate` as the device to throw out (its
own sign-in, its own event socket). Vigil signs in, the simulated device appears in the Devices
table, its row's details pane offers "Sign Out This Device…", the confirmation names it and keeps
the safe button the default, the verification asks for an email code — read here from the
service's outbox, as the demo inbox does — and the results say "Signed out". The simulator must
then report that the service refused it. Last, "every device, including this one" from the Overview
(reusing the still-valid step-up) returns Vigil to its sign-in window and empties the keychain. No
code, password or token may reach any log.
"""

import os
import re
import sys
import time
from pathlib import Path

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, str(Path(__file__).resolve().parent))

import harness  # noqa: E402
from harness import DEMO_EMAIL, DEMO_PASSWORD, Desktop, HarnessError, log, wait_until  # noqa: E402
from steps import (LIVE_TIMEOUT, device_cell, device_row, establish_this_computer, open_section, outbox,  # noqa: E402
                   read_until, refresh_tokens, results_say, sign_in, table_rows)

VIGIL = os.environ.get("VIGIL_APP")
MOCKD = os.environ.get("VIGIL_MOCKD")

SIGNED_IN = re.compile(r"sim: device 1 (?P<name>.+) signed in")
REFUSED = re.compile(r"sim: device (?P<name>.+) refused: (?P<code>\S+)")






def test():
    if not VIGIL or not MOCKD:
        raise HarnessError("VIGIL_APP and VIGIL_MOCKD must be set (ctest sets them)")
    with Desktop("signout") as desk:
        mockd = desk.start_mockd()
        vigil = desk.start_app("vigil", [VIGIL, "--server", mockd.url])
        log(f"signed in: {sign_in(desk, vigil, mockd.url, remember=True)!r}")
        establish_this_computer(mockd)
        wait_until(lambda: refresh_tokens(desk), "a refresh token in the keychain", 30)

        sim = desk.start_app("simulator", [MOCKD, "simulate", "--server", mockd.url, "--devices", "1",
                                           "--account", DEMO_EMAIL, "--seed", "5", "--tick-ms", "0"],
                             {"VIGIL_SIM_PASSWORD": DEMO_PASSWORD})
        name = read_until(sim, SIGNED_IN, "the simulated device to sign in").group("name")
        log(f"simulator: {name!r} signed in")

        open_section(desk, vigil, "Devices")
        table = vigil.find("Devices", role="table")
        cell = device_cell(vigil, table, name)
        desk.mouse_click(cell)
        sign_out = vigil.find("Sign Out This Device", role="push button")
        desk.click(sign_out)

        # The confirmation: names the device, says profiles are kept, and the safe choice is default.
        confirm = vigil.find("Sign Out", role="push button")
        kept = vigil.find("What is kept")
        if "kept" not in (desk.text_of(kept) or ""):
            raise HarnessError(f"the confirmation does not say what is kept: {desk.text_of(kept)!r}")
        listed = desk.text_of(vigil.find("Devices to sign out")) or ""
        if name not in listed:
            raise HarnessError(f"the confirmation does not name {name!r}: {listed!r}")
        desk.screenshot("confirm")
        desk.click(confirm)

        # Step-up: an emailed code, read from the service's outbox like the demo inbox does.
        desk.click(vigil.find("Email code", role="radio button"))
        desk.click(vigil.find("Continue", role="push button"))
        message = wait_until(lambda: (outbox(mockd, DEMO_EMAIL) or [None])[-1], "an emailed code in the outbox", 30)
        code = message["code"]
        if not re.fullmatch(r"\d{6}", code):
            raise HarnessError(f"the outbox holds {code!r}, not a 6-digit code")
        desk.type_text(vigil.find("Verification code"), code)
        desk.screenshot("verify")
        desk.click(vigil.find("Verify", role="push button"))

        # Results: this device, signed out now (it is online, so not "pending").
        said = wait_until(lambda: (lambda text: text if text and text.endswith(": signed out") else None)(
            results_say(vigil, name)), f"the results to say {name!r} is signed out", LIVE_TIMEOUT)
        log(f"results: {said!r}")
        desk.screenshot("results")

        refused = read_until(sim, REFUSED, "the simulator to be refused", LIVE_TIMEOUT)
        if refused.group("name") != name or refused.group("code") != "session_revoked":
            raise HarnessError(f"the simulator reported {refused.group(0)!r}")
        log(f"simulator: refused with {refused.group('code')!r}")
        wait_until(lambda: device_row(vigil, table, name) is None, f"{name!r} to leave the Devices table",
                   LIVE_TIMEOUT)
        log(f"table: {len(table_rows(vigil, table))} rows, {name!r} gone")

        # Then every device, this one included, from the Overview. The step-up from a minute ago is
        # still good, so no second verification; Vigil ends up at its sign-in window, keychain empty.
        desk.click(vigil.find("Done", role="push button"))
        open_section(desk, vigil, "Overview")
        desk.mouse_click(vigil.find("Sign Out of All Devices…", role="push button"))  # opens its menu
        # Qt 6.4 does not put an open popup menu in the AT-SPI tree; the keyboard picks the second item.
        for key in ("Down", "Down", "Return"):
            time.sleep(0.3)  # the popup is a window of its own; let it take each key before the next
            desk.key(key)
        included = desk.text_of(vigil.find("This device")) or ""
        if "included" not in included:
            raise HarnessError(f"the confirmation does not say this device is included: {included!r}")
        desk.click(vigil.find("Sign Out of All Devices", role="push button"))
        vigil.wait_for("Sign In", role="push button", timeout=LIVE_TIMEOUT)
        wait_until(lambda: not refresh_tokens(desk), "the keychain entry to be removed", 30)
        desk.screenshot("signed-out-everywhere")
        log("every device signed out: Vigil is at its sign-in window and the keychain holds no token")

        desk.stop_app(sim)
        desk.stop_app(vigil)
        harness.assert_no_leak((vigil, sim, mockd), [code, DEMO_PASSWORD])
        exit_code = mockd.stop()
        if exit_code != 0:
            raise HarnessError(f"vigil-mockd exited with {exit_code} on SIGTERM")


if __name__ == "__main__":
    harness.main_guard(test)
