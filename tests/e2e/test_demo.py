#!/usr/bin/python3
"""Demo mode: `vigil --demo` starts its own vigil-mockd, signs in, remembers nothing, and the child
service ends with Vigil, even when Vigil is killed (SIGKILL) and cannot stop it. The demo devices
that say they are online really are: signing the streaming Living Room TV out ends "signed out" at
once, while an offline one (the PlayStation 5) is pending until it reconnects. A person's devices go
together from the Profiles page: "Sign Out Sam's Devices (2)…" lists them, and each gets its result.
"""

import os
import re
import signal
import sys
from pathlib import Path

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, str(Path(__file__).resolve().parent))

import harness  # noqa: E402
from harness import DEMO_PASSWORD, Desktop, HarnessError, log, wait_until  # noqa: E402
from steps import LIVE_TIMEOUT, device_cell, find_prefixed, is_enabled, open_section, results_say  # noqa: E402

VIGIL = os.environ.get("VIGIL_APP")


def children(pid):
    try:
        tasks = Path(f"/proc/{pid}/task").iterdir()
        return [int(child) for task in tasks for child in (task / "children").read_text().split()]
    except FileNotFoundError:
        return []


def command_of(pid):
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except FileNotFoundError:
        return []


def alive(pid):
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        return state != "Z"
    except FileNotFoundError:
        return False


def sign_out_result(desk, vigil, table, name, verify_first):
    """Signs the demo device `name` out and returns what the results list says about it."""
    desk.mouse_click(device_cell(vigil, table, name))
    desk.click(vigil.find("Sign Out This Device", role="push button"))
    desk.click(vigil.find("Sign Out", role="push button"))
    if verify_first:  # later sign-outs reuse the still-valid step-up
        desk.click(vigil.find("Password", role="radio button"))
        desk.click(vigil.find("Continue", role="push button"))
        verify = vigil.wait_for("Verify", role="push button", timeout=LIVE_TIMEOUT)
        desk.type_text(vigil.find("Password", role="password text"), DEMO_PASSWORD)
        wait_until(lambda: verify.getState().contains(desk.atspi.STATE_SENSITIVE), "Verify to be enabled", 15)
        desk.click(verify)
    said = wait_until(lambda: (lambda text: text if text and re.search(r"(?i)signed out|pending", text) else None)(
        results_say(vigil, name)), f"a sign-out result for {name!r}", LIVE_TIMEOUT)
    desk.click(vigil.find("Done", role="push button"))
    return said


def test():
    if not VIGIL:
        raise HarnessError("VIGIL_APP must be set (ctest sets it)")
    with Desktop("demo") as desk:
        vigil = desk.start_app("vigil-demo", [VIGIL, "--demo"])
        label = vigil.wait_for("Signed-in devices")
        text = wait_until(lambda: any(c.isdigit() for c in desk.text_of(label)) and desk.text_of(label),
                          "the Overview to show a device count", 30)
        log(f"demo signed in: {text!r}")

        mockds = [pid for pid in children(vigil.pid) if command_of(pid)[0].endswith(b"vigil-mockd")]
        if len(mockds) != 1:
            raise HarnessError(f"expected one vigil-mockd child of vigil, found {mockds}")
        argv = b" ".join(command_of(mockds[0])).decode(errors="replace")
        if "--port 0" not in argv:
            raise HarnessError(f"the demo service does not use a free port: {argv}")
        log(f"demo service: pid {mockds[0]}")

        # Demo sign-ins are never remembered.
        if desk.secret_search("server", "Vigil"):
            raise HarnessError("demo mode wrote to the keychain")
        if desk.files_containing(DEMO_PASSWORD):
            raise HarnessError("the demo password is in a file under HOME")

        # Online demo devices are connected to the demo service; offline ones are not.
        open_section(desk, vigil, "Devices")
        table = vigil.find("Devices", role="table")
        said = sign_out_result(desk, vigil, table, "Living Room TV", verify_first=True)
        log(f"streaming device: {said!r}")
        if not said.endswith(": signed out"):
            raise HarnessError(f"the streaming Living Room TV was not signed out at once: {said!r}")
        said = sign_out_result(desk, vigil, table, "PlayStation 5", verify_first=False)
        log(f"offline device: {said!r}")
        if not re.search(r"(?i)pending", said):
            raise HarnessError(f"the offline PlayStation 5 is not pending: {said!r}")

        # Sam's devices from the Profiles page: the Living Room TV is gone, so the paused iPhone (online)
        # and Chrome on Windows (offline) are left. The step-up is still valid: no second verification.
        open_section(desk, vigil, "Profiles")
        sam = wait_until(lambda: (find_prefixed(vigil, "Sign Out Sam's Devices (2)", "push button") or [None])[0],
                         "Sam's card to offer signing out 2 devices", LIVE_TIMEOUT)
        desk.screenshot("profiles")
        desk.click(sam)
        lead = desk.text_of(vigil.find("What will be signed out")) or ""
        listed = desk.text_of(vigil.find("Devices to sign out")) or ""
        if "Sam's profile" not in lead or "Sam's iPhone" not in listed or "Chrome on Windows" not in listed:
            raise HarnessError(f"the confirmation does not list Sam's devices: {lead!r} {listed!r}")
        desk.screenshot("profile-confirm")
        desk.click(vigil.find("Sign Out of 2 Devices", role="push button"))
        for name, expected in (("Sam's iPhone", ": signed out"), ("Chrome on Windows", "pending")):
            said = wait_until(lambda: (lambda text: text if text and expected in text.lower() else None)(
                results_say(vigil, name)), f"{name!r} to be {expected.strip(': ')}", LIVE_TIMEOUT)
            log(f"Sam's device: {said!r}")
        desk.click(vigil.find("Done", role="push button"))
        none_left = wait_until(lambda: (find_prefixed(vigil, "Sign Out Sam's Devices (0)", "push button") or [None])[0],
                               "Sam's card to count no device", LIVE_TIMEOUT)
        if is_enabled(desk, none_left):
            raise HarnessError("signing out Sam's devices is still offered with none left")

        # Killed without a chance to clean up: the child must still go.
        os.kill(vigil.pid, signal.SIGKILL)
        vigil.popen.wait()
        wait_until(lambda: not alive(mockds[0]), "the demo vigil-mockd to end after vigil was killed", 30)
        log("the demo service ended with vigil")
        harness.assert_no_leak([vigil], [DEMO_PASSWORD])


if __name__ == "__main__":
    harness.main_guard(test)
