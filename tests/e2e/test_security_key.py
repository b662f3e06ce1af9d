#!/usr/bin/python3
"""A security key, end to end, read and driven through AT-SPI.

Real vigil-mockd, and vigil as a test build runs it (vigil_e2e_software_key: the same program with a
software FIDO2 key that makes real ES256 signatures, its credentials in a key file). Security → "Add a
Key…" asks "Confirm It's You" (the password), the key is touched, named "Desk Key" and listed as never
used. Then the step-up token runs out by the service's clock, a simulated device is signed out from its
details pane, and "Confirm It's You" offers "Use a security key" first: the key signs the service's
challenge, the service verifies the signature for real, and the device is signed out. The key's row
then says when it was last used. No password, code or token may reach Vigil's or the service's log.
"""

import os
import re
import sys
from pathlib import Path

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, str(Path(__file__).resolve().parent))

import harness  # noqa: E402
from harness import DEMO_EMAIL, DEMO_PASSWORD, Desktop, HarnessError, log, wait_until  # noqa: E402
from steps import (LIVE_TIMEOUT, admin, device_cell, device_row, establish_this_computer, open_section,  # noqa: E402
                   read_until, results_say, sign_in)

APP = os.environ.get("VIGIL_E2E_SOFTWARE_KEY_APP")
MOCKD = os.environ.get("VIGIL_MOCKD")

SIGNED_IN = re.compile(r"sim: device 1 (?P<name>.+) signed in")
REFUSED = re.compile(r"sim: device (?P<name>.+) refused: (?P<code>\S+)")
KEY_NAME = "Desk Key"


def key_rows(desk, vigil):
    """The Security Keys list's rows, as a screen reader reads them (name and description)."""
    keys = vigil.find("Your security keys", role="list")
    vigil.accessible().clear_cache()
    keys.clear_cache()
    return [(keys.getChildAtIndex(i).name, keys.getChildAtIndex(i).description) for i in range(keys.childCount)]


def test():
    if not APP or not MOCKD:
        raise HarnessError("VIGIL_E2E_SOFTWARE_KEY_APP and VIGIL_MOCKD must be set (ctest sets them)")
    with Desktop("security_key") as desk:
        key_file = desk.root / "software-key.json"
        mockd = desk.start_mockd()
        vigil = desk.start_app("vigil", [APP, "--server", mockd.url], {"VIGIL_TEST_SECURITY_KEY_FILE": str(key_file)})
        log(f"signed in: {sign_in(desk, vigil, mockd.url)!r}")
        establish_this_computer(mockd)  # adding a key is an owner action, like a sign-out

        # Security → Add a Key…: confirm with the password, then the key, then its name.
        open_section(desk, vigil, "Security")
        desk.click(vigil.find("Add a Key", role="push button"))
        desk.click(vigil.find("Password", role="radio button"))
        desk.click(vigil.find("Continue", role="push button"))
        desk.type_text(vigil.find("Password", role="password text"), DEMO_PASSWORD)
        desk.click(vigil.find("Verify", role="push button"))
        name = vigil.find("Security key name", timeout=LIVE_TIMEOUT)
        desk.type_text(name, KEY_NAME)
        desk.screenshot("security-key-name")
        desk.click(vigil.find("Add key", role="push button"))
        added = vigil.find("Security key added", timeout=LIVE_TIMEOUT)
        said = wait_until(lambda: desk.text_of(added), "the dialog to say the key is added", LIVE_TIMEOUT)
        if not said.startswith(f"“{KEY_NAME}” is added."):
            raise HarnessError(f"the dialog says {said!r}")
        desk.screenshot("security-key-added")
        desk.click(vigil.find("Done", role="push button"))
        rows = wait_until(lambda: key_rows(desk, vigil) or None, "the key in the list", LIVE_TIMEOUT)
        if rows != [(KEY_NAME, "Never used")]:
            raise HarnessError(f"the Security Keys list reads {rows!r}")
        if not key_file.exists():
            raise HarnessError("the software key kept no credential")
        log(f"keys: {rows!r}")

        # A device to sign out; the step-up token from adding the key is let run out on the service.
        sim = desk.start_app("simulator", [MOCKD, "simulate", "--server", mockd.url, "--devices", "1",
                                           "--account", DEMO_EMAIL, "--seed", "7", "--tick-ms", "0"],
                             {"VIGIL_SIM_PASSWORD": DEMO_PASSWORD})
        device = read_until(sim, SIGNED_IN, "the simulated device to sign in").group("name")
        admin(mockd, "POST", "/__admin/clock", {"advance_seconds": 6 * 60})

        open_section(desk, vigil, "Devices")
        table = vigil.find("Devices", role="table")
        desk.mouse_click(device_cell(vigil, table, device))
        desk.click(vigil.find("Sign Out This Device", role="push button"))
        desk.click(vigil.find("Sign Out", role="push button"))

        # Confirm It's You: the key first (and chosen), then it signs.
        key = vigil.find("Use a security key", role="radio button", timeout=LIVE_TIMEOUT)
        if not desk.is_checked(key):
            raise HarnessError("'Use a security key' is not the chosen method")
        desk.screenshot("security-key-choice")
        desk.click(vigil.find("Continue", role="push button"))
        said = wait_until(lambda: (lambda text: text if text and text.endswith(": signed out") else None)(
            results_say(vigil, device)), f"the results to say {device!r} is signed out", LIVE_TIMEOUT)
        log(f"results: {said!r}")
        desk.screenshot("security-key-signed-out")
        refused = read_until(sim, REFUSED, "the simulator to be refused", LIVE_TIMEOUT)
        if refused.group("name") != device or refused.group("code") != "session_revoked":
            raise HarnessError(f"the simulator reported {refused.group(0)!r}")
        wait_until(lambda: device_row(vigil, table, device) is None, f"{device!r} to leave the list", LIVE_TIMEOUT)
        desk.click(vigil.find("Done", role="push button"))

        # The key's row says it was used just now.
        open_section(desk, vigil, "Security")
        used = wait_until(lambda: (lambda r: r if r and r[0][1].startswith("Last used") else None)(key_rows(desk, vigil)),
                          "the key's row to say when it was last used", LIVE_TIMEOUT)
        log(f"keys: {used!r}")

        desk.stop_app(sim)
        desk.stop_app(vigil)
        harness.assert_no_leak((vigil, mockd), [DEMO_PASSWORD])
        exit_code = mockd.stop()
        if exit_code != 0:
            raise HarnessError(f"vigil-mockd exited with {exit_code} on SIGTERM")


if __name__ == "__main__":
    harness.main_guard(test)
