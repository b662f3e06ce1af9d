#!/usr/bin/python3
"""Live device status: a simulated device streams, then drops off, and the running Vigil shows both.

Real vigil-mockd, real vigil under Xvfb, and `vigil-mockd simulate` as a separate client of the
service (its own sign-in, its own event socket). The Devices table is read through AT-SPI the way a
screen reader reads it: the row's cells ("Streaming", the profile) and the name cell's accessible
text ("Hotel Room TV, streaming, profile Sam"). The device goes offline by being killed (SIGKILL):
nothing signs it out, its socket just closes, and the service must notice and tell Vigil.
"""

import os
import re
import signal
import sys
from pathlib import Path

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, str(Path(__file__).resolve().parent))

import harness  # noqa: E402
from harness import DEMO_EMAIL, DEMO_PASSWORD, Desktop, HarnessError, log, wait_until  # noqa: E402
from steps import LIVE_TIMEOUT, device_row, open_section, read_until, sign_in, table_rows  # noqa: E402

VIGIL = os.environ.get("VIGIL_APP")
MOCKD = os.environ.get("VIGIL_MOCKD")

SIGNED_IN = re.compile(r"sim: device 1 (?P<name>.+) signed in")
STREAMING = re.compile(r"sim: device (?P<name>.+) status streaming profile=(?P<profile>\S+)(?: .*)?")


def shows(cells, status, profile=None):
    """The row shows the status word in a cell and says it in the name cell's accessible text."""
    texts = [text for text, _ in cells]
    if status.capitalize() not in texts:
        return False
    spoken = next((text for text in texts if f", {status.lower()}" in text), None)
    if spoken is None:
        return False
    if profile is not None:
        return profile in texts and f", profile {profile}" in spoken
    return True


def test():
    if not VIGIL or not MOCKD:
        raise HarnessError("VIGIL_APP and VIGIL_MOCKD must be set (ctest sets them)")
    with Desktop("devices-live") as desk:
        mockd = desk.start_mockd()
        vigil = desk.start_app("vigil", [VIGIL, "--server", mockd.url])
        log(f"signed in: {sign_in(desk, vigil, mockd.url)!r}")

        open_section(desk, vigil, "Devices")
        table = vigil.find("Devices", role="table")
        wait_until(lambda: len(table_rows(vigil, table)) > 0, "the Devices table to fill", 30)
        before = table_rows(vigil, table)
        log(f"Devices table: {len(before)} rows before the simulator")

        # The simulator is a separate client; the password goes through its environment, not argv.
        sim = desk.start_app("simulator", [MOCKD, "simulate", "--server", mockd.url, "--devices", "1",
                                           "--account", DEMO_EMAIL, "--seed", "3", "--tick-ms", "0"],
                             {"VIGIL_SIM_PASSWORD": DEMO_PASSWORD})
        name = read_until(sim, SIGNED_IN, "the simulated device to sign in").group("name")
        streaming = read_until(sim, STREAMING, "the simulated device to report streaming")
        if streaming.group("name") != name:
            raise HarnessError(f"streaming was reported by {streaming.group('name')!r}, not {name!r}")
        profile = streaming.group("profile")
        log(f"simulator: {name!r} streams on profile {profile!r}")
        if any(text == name or text.startswith(name + ",") for cells in before for text, _ in cells):
            raise HarnessError(f"{name!r} was in the table before the simulator signed it in")

        def streaming_row():
            cells = device_row(vigil, table, name)
            return cells if cells and shows(cells, "streaming", profile) else None

        try:
            cells = wait_until(streaming_row, f"the row of {name!r} to show Streaming with {profile!r}", LIVE_TIMEOUT)
        except HarnessError as error:
            raise HarnessError(f"{error}; the row reads {device_row(vigil, table, name)!r}") from None
        log(f"row: {cells!r}")
        desk.screenshot("streaming")

        # Gone without a word: the process dies, the kernel closes its sockets, nothing signs out.
        os.kill(sim.pid, signal.SIGKILL)
        sim.popen.wait()
        log("simulator killed")

        def offline_row():
            cells = device_row(vigil, table, name)
            return cells if cells and shows(cells, "offline") else None

        try:
            cells = wait_until(offline_row, f"the row of {name!r} to say Offline", LIVE_TIMEOUT)
        except HarnessError as error:
            raise HarnessError(f"{error}; the row reads {device_row(vigil, table, name)!r}") from None
        log(f"row: {cells!r}")
        desk.screenshot("offline")

        harness.assert_no_leak([sim], [DEMO_PASSWORD])
        desk.stop_app(sim)
        desk.stop_app(vigil)
        code = mockd.stop()
        if code != 0:
            raise HarnessError(f"vigil-mockd exited with {code} on SIGTERM")


if __name__ == "__main__":
    harness.main_guard(test)
