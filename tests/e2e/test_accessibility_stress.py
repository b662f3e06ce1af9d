#!/usr/bin/python3
"""A screen reader reads Vigil while its windows come and go: no crash (Qt 6.4 AT-SPI).

Real vigil-mockd, real vigil under Xvfb. A second process walks Vigil's whole accessibility tree
again and again, as a screen reader does when it reviews a screen: every window, widget, table
and table cell, with its name, role, states, parent and index. Meanwhile the account holder signs
in (the main window with the device table replaces the sign-in window), opens the Devices page
(the table fills), signs a device out with an emailed code (the sign-out results list fills), and
signs out of Vigil (the sign-in window replaces the main window, the table is emptied and the
results list is reset); then a support agent signs in (the support window), searches the customer,
opens the account (its device table fills) and signs out (the customer's data goes): 30 sign-ins
and sign-outs, each swapping windows. Vigil must still be running, and the walkers must have been reading the tree all
along. The service's clock moves 30 s before each support sign-in, so each gets a fresh
authenticator code without waiting; the service's state goes back to the scenario before each
holder sign-in, so every round has the same device to sign out.
"""

import base64
import hashlib
import hmac
import os
import re
import struct
import subprocess
import sys
from datetime import datetime
from pathlib import Path

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, str(Path(__file__).resolve().parent))

import harness  # noqa: E402
from harness import DEMO_EMAIL, Desktop, HarnessError, log, wait_until  # noqa: E402
from steps import (LIVE_TIMEOUT, admin, device_cell, establish_this_computer, open_section, outbox,  # noqa: E402
                   results_say, sign_in)

VIGIL = os.environ.get("VIGIL_APP")
MOCKD = os.environ.get("VIGIL_MOCKD")
ROUNDS = 15  # each round swaps windows twice: holder, then support
SUPPORT_EMAIL = "ada.support@vigil.test"
SUPPORT_PASSWORD = "vigil-support-2026"
SUPPORT_TOTP = "KRSXG5CTMVRXEZLU"
REASON = "Accessibility stress test: reading the account while windows change"
DEVICE = "Living Room TV"  # the holder's device each round signs out
WALKERS = 3  # a screen reader and its helpers (braille, magnifier) ask at the same time


def walk_forever(pid, stop_file, count_file):
    """The walker process: reads every node of the app `pid` until `stop_file` exists."""
    import pyatspi  # noqa: PLC0415 - the environment comes from the test process

    def walk(node, depth):
        if depth > 40:
            return
        # Everything a screen reader asks of a node; each call runs in Vigil's AT-SPI bridge.
        _ = (node.name, node.description, node.getRoleName(), node.getState().getStates(),
             node.getIndexInParent(), node.parent, node.getRelationSet())
        if node.getRoleName() == "table":
            grid = node.queryTable()
            for row in range(grid.nRows):
                for column in range(grid.nColumns):
                    cell = grid.getAccessibleAt(row, column)
                    if cell is not None:
                        _ = (cell.name, cell.description, cell.getState().getStates(), cell.getIndexInParent(),
                             cell.parent)
        for i in range(node.childCount):
            child = node.getChildAtIndex(i)
            if child is not None:
                walk(child, depth + 1)

    walks = 0
    while not os.path.exists(stop_file):
        try:
            desktop = pyatspi.Registry.getDesktop(0)
            for i in range(desktop.childCount):
                app = desktop.getChildAtIndex(i)
                if app is not None and app.get_process_id() == pid:
                    app.clear_cache()
                    walk(app, 0)
                    walks += 1
        except Exception:  # noqa: BLE001 - nodes vanish mid-walk; a screen reader carries on too
            pass
        Path(count_file).write_text(str(walks))


def totp(secret, at):
    """RFC 6238: SHA-1, 30-second step, 6 digits."""
    digest = hmac.new(base64.b32decode(secret), struct.pack(">Q", int(at // 30)), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    return f"{(struct.unpack('>I', digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1_000_000:06d}"


def service_now(mockd):
    """The service's clock after moving it on by one code step (each step's code works once)."""
    admin(mockd, "POST", "/__admin/clock", {"advance_seconds": 30})
    now = admin(mockd, "GET", "/__admin/clock")["now"]
    return datetime.fromisoformat(now.replace("Z", "+00:00")).timestamp()


def sign_device_out(desk, vigil, mockd, table):
    """Signs DEVICE out with an emailed code and waits until the results list says how it went."""
    sent = len(outbox(mockd, DEMO_EMAIL))
    desk.mouse_click(device_cell(vigil, table, DEVICE))
    desk.click(vigil.find("Sign Out This Device", role="push button"))
    desk.click(vigil.find("Sign Out", role="push button"))
    desk.click(vigil.find("Email code", role="radio button"))
    desk.click(vigil.find("Continue", role="push button"))
    message = wait_until(lambda: (outbox(mockd, DEMO_EMAIL)[sent:] or [None])[-1], "an emailed code", LIVE_TIMEOUT)
    desk.type_text(vigil.find("Verification code"), message["code"])
    desk.click(vigil.find("Verify", role="push button"))
    wait_until(lambda: (lambda text: text if text and re.search(r"(?i)signed out|pending", text) else None)(
        results_say(vigil, DEVICE)), f"the results to say {DEVICE!r} is signed out", LIVE_TIMEOUT)
    desk.click(vigil.find("Done", role="push button"))


def holder_round(desk, vigil, mockd):
    admin(mockd, "POST", "/__admin/reset")
    sign_in(desk, vigil, mockd.url)
    establish_this_computer(mockd)
    open_section(desk, vigil, "Devices")
    table = vigil.find("Devices", role="table")
    wait_until(lambda: table.queryTable().nRows > 0, "device rows", LIVE_TIMEOUT)
    sign_device_out(desk, vigil, mockd, table)
    open_section(desk, vigil, "Preferences")
    desk.click(vigil.find("Sign Out of Vigil", role="push button"))
    vigil.wait_for("Sign In", role="push button", timeout=LIVE_TIMEOUT)


def open_customer(desk, vigil):
    """Opens the customer the search found; returns the account's device table."""
    customers = vigil.find("Customers")
    for _ in range(3):
        # The results are drawn again when the search answers: a row found just before is gone (its
        # path unknown) or a click on it selects nothing. Then find and choose the row once more.
        try:
            first = wait_until(lambda: customers.childCount > 0 and next(
                (customers.getChildAtIndex(i) for i in range(customers.childCount)
                 if "@vigil.test" in (customers.getChildAtIndex(i).name or "")), None), "the customer", LIVE_TIMEOUT)
            desk.mouse_click(first)
            desk.key("Return")
            return wait_until(lambda: next(iter(vigil.find_all("Devices", role="table")), None),
                              "the customer's device table", 10)
        except Exception as error:  # noqa: BLE001 - a vanished row reads as an AT-SPI error
            if not vigil.running():
                raise
            log(f"the customer did not open ({error}); choosing it again")
    raise HarnessError("the customer's account did not open")


def support_round(desk, vigil, mockd):
    desk.type_text(vigil.find("Email"), SUPPORT_EMAIL)
    desk.type_text(vigil.find("Password"), SUPPORT_PASSWORD)
    desk.click(vigil.find("Sign In", role="push button"))
    code = vigil.wait_for("Verification code", timeout=LIVE_TIMEOUT)
    desk.type_text(code, totp(SUPPORT_TOTP, service_now(mockd)))
    desk.click(vigil.find("Verify", role="push button"))
    desk.type_text(vigil.wait_for("Customer search", timeout=LIVE_TIMEOUT), DEMO_EMAIL)
    desk.click(vigil.find("Search", role="push button"))
    desk.type_text(vigil.find("Reason"), REASON)
    desk.click(vigil.find("Open Account", role="push button"))
    table = open_customer(desk, vigil)
    wait_until(lambda: table.queryTable().nRows > 0, "the customer's device rows", LIVE_TIMEOUT)
    desk.click(vigil.find("Sign Out of Vigil", role="push button"))
    vigil.wait_for("Sign In", role="push button", timeout=LIVE_TIMEOUT)


def walker_count(path):
    try:
        return int(path.read_text() or 0)
    except (OSError, ValueError):
        return 0


def test():
    if not VIGIL or not MOCKD:
        raise HarnessError("VIGIL_APP and VIGIL_MOCKD must be set (ctest sets them)")
    with Desktop("accessibility-stress") as desk:
        mockd = desk.start_mockd(scenario="support")
        vigil = desk.start_app("vigil", [VIGIL, "--server", mockd.url])
        vigil.wait_for("Sign In", role="push button")
        stop_file = desk.root / "walker.stop"
        count_files = [desk.root / f"walker-{i}.count" for i in range(WALKERS)]
        walkers = [subprocess.Popen([sys.executable, __file__, "--walk", str(vigil.pid), str(stop_file), str(path)],
                                    env={**os.environ, **desk.env}) for path in count_files]

        def walks():
            return sum(walker_count(path) for path in count_files)

        try:
            for round_ in range(1, ROUNDS + 1):
                holder_round(desk, vigil, mockd)
                support_round(desk, vigil, mockd)
                log(f"round {round_}: holder and support signed in and out; the walkers read the tree "
                    f"{walks()} times")
                if not vigil.running():
                    raise HarnessError(f"vigil exited with {vigil.popen.returncode} in round {round_}")
        finally:
            stop_file.write_text("stop")
            for walker in walkers:
                walker.wait(timeout=60)
        # Fewer walks than rounds would mean the walkers were mostly stuck, not reading along.
        if walks() < ROUNDS:
            raise HarnessError(f"the walkers read the tree only {walks()} times in {ROUNDS} rounds")
        if not vigil.running():
            raise HarnessError(f"vigil exited with {vigil.popen.returncode}")
        log(f"vigil survived {ROUNDS} rounds while the walkers read its tree {walks()} times")


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "--walk":
        walk_forever(int(sys.argv[2]), sys.argv[3], sys.argv[4])
    else:
        harness.main_guard(test)
