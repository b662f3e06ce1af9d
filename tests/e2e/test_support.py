#!/usr/bin/python3
"""Support signs a device out with the holder's code, end to end.

Real vigil-mockd with the `support` scenario, a simulated device on the customer's (demo) account, and
the real vigil under Xvfb, driven through AT-SPI, three times:

1. The holder signs in, opens Security → Give Support a Code…, confirms it's them with the password and
   reads the one-time code off the dialog.
2. A support agent signs in (password + authenticator code), lands in support mode (the window title
   says so), searches the customer with a stated reason, opens the account, selects the simulated
   device on the read-only Devices tab, and signs it out with the customer's code; the results say
   "signed out" and the simulator is refused by the service. The customer's IP addresses appear only
   masked in the support window.
3. The holder signs in again: the Activity page shows both the support view and the support sign-out,
   with the agent's name and the reason.
No password, code or token reaches any log.
"""

import base64
import hashlib
import hmac
import os
import re
import struct
import sys
import time
from pathlib import Path

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, str(Path(__file__).resolve().parent))

import harness  # noqa: E402
from harness import DEMO_EMAIL, DEMO_PASSWORD, Desktop, HarnessError, log, wait_until  # noqa: E402
from steps import (LIVE_TIMEOUT, device_cell, establish_this_computer, open_section, read_until, results_say,  # noqa: E402
                   sign_in, table_rows)

VIGIL = os.environ.get("VIGIL_APP")
MOCKD = os.environ.get("VIGIL_MOCKD")

SUPPORT_EMAIL = "ada.support@vigil.test"
SUPPORT_PASSWORD = "vigil-support-2026"
SUPPORT_TOTP = "KRSXG5CTMVRXEZLU"
REASON = "Customer called: an unknown TV is streaming on the account"
SIGNED_IN = re.compile(r"sim: device 1 (?P<name>.+) signed in")
REFUSED = re.compile(r"sim: device (?P<name>.+) refused: (?P<code>\S+)")
# The authenticator codes typed in this run: the logs are swept for each.
CODES_TYPED = []
UNMASKED_IP = re.compile(r"\b\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}\b")


def totp(secret, at=None):
    """RFC 6238: SHA-1, 30-second step, 6 digits."""
    key = base64.b32decode(secret)
    counter = int((time.time() if at is None else at) // 30)
    digest = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF
    return f"{value % 1_000_000:06d}"


def holder_creates_code(desk, vigil, mockd):
    log(f"holder signed in: {sign_in(desk, vigil, mockd.url)!r}")
    establish_this_computer(mockd)
    open_section(desk, vigil, "Security")
    desk.click(vigil.find("Give Support a Code", role="push button"))
    # Step-up with the password (the first method offered to an account without an authenticator).
    desk.click(vigil.find("Password", role="radio button"))
    desk.click(vigil.find("Continue", role="push button"))
    verify = vigil.wait_for("Verify", role="push button", timeout=LIVE_TIMEOUT)
    desk.type_text(vigil.find("Password", role="password text"), DEMO_PASSWORD)
    wait_until(lambda: verify.getState().contains(desk.atspi.STATE_SENSITIVE), "Verify to be enabled", 15)
    desk.click(verify)
    label = vigil.wait_for("Support code", timeout=LIVE_TIMEOUT)
    code = wait_until(lambda: (lambda text: text if re.fullmatch(r"[2-9A-Z]{4}-[2-9A-Z]{4}", text) else None)(
        (desk.text_of(label) or "").strip()), "the support code on screen", LIVE_TIMEOUT)
    validity = desk.text_of(vigil.find("How long the code is valid")) or ""
    if not validity.startswith("Valid for"):
        raise HarnessError(f"the code dialog says {validity!r} about its validity")
    desk.screenshot("holder-code")
    desk.click(vigil.find("Close", role="push button"))
    wait_until(lambda: vigil.absent("Support code"), "the code dialog to close", 15)
    # Out of Vigil (the keychain entry goes too), so the next sign-in is the support agent's.
    open_section(desk, vigil, "Preferences")
    desk.click(vigil.find("Sign Out of Vigil", role="push button"))
    return code


def support_signs_out(desk, vigil, mockd, code, name):
    vigil.wait_for("Sign In", role="push button")
    server = vigil.find("Server address")
    if (desk.text_of(server) or "").rstrip("/") != mockd.url:
        desk.type_text(server, mockd.url)
    desk.type_text(vigil.find("Email"), SUPPORT_EMAIL)
    desk.type_text(vigil.find("Password"), SUPPORT_PASSWORD)
    desk.click(vigil.find("Sign In", role="push button"))
    code_field = vigil.wait_for("Verification code", timeout=LIVE_TIMEOUT)
    # Not in the last seconds of a step, so the code is still good when it arrives.
    if time.time() % 30 > 25:
        time.sleep(30 - time.time() % 30 + 0.5)
    one_time = totp(SUPPORT_TOTP)
    CODES_TYPED.append(one_time)
    desk.type_text(code_field, one_time)
    desk.click(vigil.find("Verify", role="push button"))
    vigil.wait_for("Customer search", timeout=LIVE_TIMEOUT)
    frame = wait_until(lambda: next((child for child in (vigil.accessible().getChildAtIndex(i)
                                                          for i in range(vigil.accessible().childCount))
                                     if child is not None and "Support Mode" in (child.name or "")), None),
                       "a window titled Support Mode", 15)
    log(f"support window: {frame.name!r}")

    desk.type_text(vigil.find("Customer search"), DEMO_EMAIL)
    desk.click(vigil.find("Search", role="push button"))
    desk.type_text(vigil.find("Reason"), REASON)
    desk.screenshot("support-reason")
    desk.click(vigil.find("Open Account", role="push button"))
    customers = vigil.find("Customers")
    first = wait_until(lambda: customers.childCount > 0 and next(
        (customers.getChildAtIndex(i) for i in range(customers.childCount)
         if "d***@vigil.test" in (customers.getChildAtIndex(i).name or "")), None),
        "the customer in the results, masked", LIVE_TIMEOUT)
    desk.mouse_click(first)
    desk.key("Return")
    shown = wait_until(lambda: next((text for text in [desk.text_of(vigil.find("Reason: " + REASON))]
                                     if text), None), "the reason on screen", LIVE_TIMEOUT)
    log(f"on screen: {shown!r}")

    table = vigil.find("Devices", role="table")
    cell = device_cell(vigil, table, name)
    rows = table_rows(vigil, table)
    for cells in rows:
        for text, description in cells:
            for address in UNMASKED_IP.findall(text + " " + description):
                raise HarnessError(f"an unmasked IP address {address!r} in the support window: {cells}")
    if not vigil.absent("Sign Out This Device", role="push button"):
        raise HarnessError("the read-only Devices tab offers the holder's sign-out button")
    desk.mouse_click(cell)
    desk.screenshot("support-devices")
    desk.click(vigil.find("Sign Out Devices With Customer's Code", role="push button"))
    desk.type_text(vigil.find("Customer's code"), code)
    desk.click(vigil.find("Continue", role="push button"))
    listed = desk.text_of(vigil.find("Devices to sign out")) or ""
    if name not in listed:
        raise HarnessError(f"the confirmation does not name {name!r}: {listed!r}")
    desk.click(vigil.find("Sign Out", role="push button"))
    said = wait_until(lambda: (lambda text: text if text and text.endswith(": signed out") else None)(
        results_say(vigil, name)), f"the results to say {name!r} is signed out", LIVE_TIMEOUT)
    log(f"support results: {said!r}")
    desk.screenshot("support-results")
    desk.click(vigil.find("Done", role="push button"))
    desk.click(vigil.find("Sign Out of Vigil", role="push button"))


def holder_reads_activity(desk, vigil, mockd):
    log(f"holder signed in again: {sign_in(desk, vigil, mockd.url)!r}")
    open_section(desk, vigil, "Activity")
    table = vigil.find("Activity", role="table")

    seen = []

    def both():
        # A screen reader hears each row as its summary (name) and what happened (description).
        texts = [" ".join(f"{text} {description}" for text, description in cells[:1])
                 for cells in table_rows(vigil, table)]
        seen[:] = texts
        viewed = next((t for t in texts if "Ada (Support)" in t and "viewed your devices" in t and REASON in t), None)
        signed = next((t for t in texts if "Ada (Support)" in t and "with your support code" in t and REASON in t),
                      None)
        return (viewed, signed) if viewed and signed else None

    try:
        viewed, signed = wait_until(both, "the support view and sign-out in the holder's Activity", LIVE_TIMEOUT)
    except HarnessError:
        log("activity rows: " + " | ".join(seen))
        raise
    log(f"holder's activity: {viewed!r} / {signed!r}")
    desk.screenshot("holder-activity")


def test():
    if not VIGIL or not MOCKD:
        raise HarnessError("VIGIL_APP and VIGIL_MOCKD must be set (ctest sets them)")
    with Desktop("support") as desk:
        mockd = desk.start_mockd(scenario="support")
        sim = desk.start_app("simulator", [MOCKD, "simulate", "--server", mockd.url, "--devices", "1",
                                           "--account", DEMO_EMAIL, "--seed", "11", "--tick-ms", "0"],
                             {"VIGIL_SIM_PASSWORD": DEMO_PASSWORD})
        name = read_until(sim, SIGNED_IN, "the simulated device to sign in").group("name")
        log(f"simulator: {name!r} signed in")

        # One Vigil, three people in turn: holder, support agent, holder again.
        vigil = desk.start_app("vigil", [VIGIL, "--server", mockd.url])
        code = holder_creates_code(desk, vigil, mockd)
        log("holder: support code created, signed out of Vigil")

        support_signs_out(desk, vigil, mockd, code, name)
        refused = read_until(sim, REFUSED, "the simulator to be refused", LIVE_TIMEOUT)
        if refused.group("name") != name or refused.group("code") != "session_revoked":
            raise HarnessError(f"the simulator reported {refused.group(0)!r}")
        log(f"simulator: refused with {refused.group('code')!r}; support signed out of Vigil")

        vigil.wait_for("Sign In", role="push button", timeout=LIVE_TIMEOUT)
        holder_reads_activity(desk, vigil, mockd)
        desk.stop_app(vigil)
        desk.stop_app(sim)

        secrets = [DEMO_PASSWORD, SUPPORT_PASSWORD, code, code.replace("-", ""), *CODES_TYPED]
        harness.assert_no_leak((vigil, sim, mockd), secrets)
        exit_code = mockd.stop()
        if exit_code != 0:
            raise HarnessError(f"vigil-mockd exited with {exit_code} on SIGTERM")


if __name__ == "__main__":
    harness.main_guard(test)
