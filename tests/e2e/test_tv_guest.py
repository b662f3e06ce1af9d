#!/usr/bin/python3
"""Signing a TV in as a guest, end to end, read and driven through AT-SPI.

Real vigil-mockd, real vigil under Xvfb, and `vigil-mockd simulate --tv` as the TV: it asks for a
code (from a Lisbon address), prints it, and polls. Vigil's "Sign In a TV…" takes the code, shows the
TV with its place, approves it as a guest for 2 hours (the custom end starts 2 hours on) after
"Confirm It's You" with an emailed code, and says until when. The TV gets its tokens and streams,
and its row says so (streaming, "Guest · signs out in 2 h"). Then the service's clock moves 2 hours
through the admin API: the TV is refused, its row leaves the list live, and Vigil says "Guest access
for Hotel Room TV ended". No code, password or token may reach Vigil's or the service's log.
"""

import os
import re
import sys
from pathlib import Path

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, str(Path(__file__).resolve().parent))

import harness  # noqa: E402
from harness import ADMIN_KEY, DEMO_EMAIL, DEMO_PASSWORD, Desktop, HarnessError, log, wait_until  # noqa: E402
from steps import (LIVE_TIMEOUT, admin, device_row, establish_this_computer, find_prefixed, open_section,  # noqa: E402
                   outbox, read_until, sign_in)

VIGIL = os.environ.get("VIGIL_APP")
MOCKD = os.environ.get("VIGIL_MOCKD")

TV_NAME = "Room 212 TV"  # the household already has a "Hotel Room TV"
LISBON = "203.0.113.7"  # Lisbon in the demo GeoIP data
CODE = re.compile(r"sim: tv (?P<name>.+?) code: (?P<code>[0-9A-Z]{4}-[0-9A-Z]{4})( .*)?")
APPROVED = re.compile(r"sim: tv (?P<name>.+?) approved: (?P<access>.+)")
REFUSED = re.compile(r"sim: device (?P<name>.+) refused: (?P<code>\S+)")


def row_says(vigil, table, *words):
    """The TV's row when every one of `words` is in one of its cells, else None."""
    row = device_row(vigil, table, TV_NAME)
    if row is None:
        return None
    texts = [name for name, _ in row]
    return row if all(any(word in text for text in texts) for word in words) else None


def test():
    if not VIGIL or not MOCKD:
        raise HarnessError("VIGIL_APP and VIGIL_MOCKD must be set (ctest sets them)")
    with Desktop("tv_guest") as desk:
        mockd = desk.start_mockd()
        vigil = desk.start_app("vigil", [VIGIL, "--server", mockd.url])
        log(f"signed in: {sign_in(desk, vigil, mockd.url)!r}")
        establish_this_computer(mockd)  # approving a TV is guarded like a sign-out

        tv = desk.start_app("tv", [MOCKD, "simulate", "--server", mockd.url, "--tv", "--tv-name", TV_NAME,
                                   "--address", LISBON], {"VIGIL_ADMIN_KEY": ADMIN_KEY})
        code = read_until(tv, CODE, "the TV to show a code").group("code")
        log(f"TV shows a code of {len(code)} characters")

        open_section(desk, vigil, "Devices")
        desk.click(vigil.find("Sign In a TV", role="push button"))
        # Typed the way a person might (lower case, a space for the dash); the field shows it as the TV does.
        field = vigil.find("TV code")
        desk.focus(field)
        for char in code.lower().replace("-", " "):
            desk.atspi.Registry.generateKeyboardEvent(ord(char), None, desk.atspi.KEY_SYM)
        wait_until(lambda: desk.text_of(field) == code, f"the code field to read {code!r}", 15)
        desk.click(vigil.find("Look Up", role="push button"))

        # The TV as Vigil sees it: name, kind, place, and far from this computer.
        approve = vigil.find("Sign In TV", role="push button", timeout=LIVE_TIMEOUT)
        shown = desk.text_of(vigil.find("Device asking to sign in"))
        place = desk.text_of(vigil.find("Place"))
        if shown != TV_NAME or place != "Lisbon, Portugal":
            raise HarnessError(f"the dialog shows {shown!r} in {place!r}")
        warnings = [desk.text_of(w) or w.name for w in find_prefixed(vigil, "Warning: ")]
        log(f"place warning: {warnings!r}")
        # This computer is on loopback, which the service places where most of the account's devices
        # are (London): far from Lisbon.
        if not warnings or not warnings[0].startswith("Warning: This TV is in Lisbon, Portugal. You are in London."):
            raise HarnessError(f"unexpected warning {warnings!r}")

        # Guest for 2 hours: the custom end starts 2 hours from now.
        desk.click(vigil.find("Custom", role="radio button"))
        when = vigil.find("When it signs out")
        said = wait_until(lambda: (lambda text: text if text and re.search(r"\(in (2 h|1 h 59 min)\)\.$", text) else None)(
            desk.text_of(when)), "the dialog to say the TV signs out in 2 h", 15)
        log(f"dialog: {said!r}")
        desk.screenshot("tv-approval")
        desk.click(approve)

        # Confirm It's You: an emailed code, read from the service's outbox.
        desk.click(vigil.find("Email code", role="radio button"))
        desk.click(vigil.find("Continue", role="push button"))
        message = wait_until(lambda: (outbox(mockd, DEMO_EMAIL) or [None])[-1], "an emailed code in the outbox", 30)
        email_code = message["code"]
        desk.type_text(vigil.find("Verification code"), email_code)
        desk.click(vigil.find("Verify", role="push button"))

        result = vigil.find("Result", timeout=LIVE_TIMEOUT)
        text = wait_until(lambda: (lambda t: t if t and t.startswith(TV_NAME) else None)(desk.text_of(result)),
                          "the result", LIVE_TIMEOUT)
        if not re.fullmatch(rf"{re.escape(TV_NAME)} is signed in as a guest until .+ \d\d:\d\d\.", text):
            raise HarnessError(f"the result says {text!r}")
        log(f"result: {text!r}")
        desk.screenshot("tv-approved")
        desk.click(vigil.find("Done", role="push button"))

        approved = read_until(tv, APPROVED, "the TV to get its tokens", LIVE_TIMEOUT)
        if not approved.group("access").startswith("guest until "):
            raise HarnessError(f"the TV was let in as {approved.group('access')!r}")

        # Its row: streaming, and when it signs out by itself.
        table = vigil.find("Devices", role="table")
        row = wait_until(lambda: row_says(vigil, table, "streaming", "Guest · signs out in "),
                         f"{TV_NAME!r} to stream as a guest", LIVE_TIMEOUT)
        log(f"row: {[name for name, _ in row]!r}")
        if not any(re.fullmatch(r"Guest · signs out in (2 h|1 h 5\d min)", name) for name, _ in row):
            raise HarnessError(f"the row does not say it signs out in 2 hours: {row!r}")
        desk.screenshot("tv-guest-row")

        # Two hours later, by the service's clock.
        admin(mockd, "POST", "/__admin/clock", {"advance_seconds": 2 * 60 * 60})
        refused = read_until(tv, REFUSED, "the TV to be refused", LIVE_TIMEOUT)
        if refused.group("code") not in ("guest_ended", "session_revoked"):
            raise HarnessError(f"the TV reported {refused.group(0)!r}")
        log(f"TV: refused with {refused.group('code')!r}")
        wait_until(lambda: device_row(vigil, table, TV_NAME) is None, f"{TV_NAME!r} to leave the list", LIVE_TIMEOUT)
        ended = wait_until(lambda: find_prefixed(vigil, f"Note: Guest access for {TV_NAME} ended"),
                           "Vigil to say guest access ended", LIVE_TIMEOUT)
        log(f"Vigil says: {ended[0].name!r}")
        desk.screenshot("tv-guest-ended")

        desk.stop_app(tv)
        desk.stop_app(vigil)
        # The TV prints its code by design; Vigil and the service never log it.
        harness.assert_no_leak((vigil, mockd), [code, code.replace("-", ""), email_code, DEMO_PASSWORD])
        exit_code = mockd.stop()
        if exit_code != 0:
            raise HarnessError(f"vigil-mockd exited with {exit_code} on SIGTERM")


if __name__ == "__main__":
    harness.main_guard(test)
