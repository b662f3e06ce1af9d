#!/usr/bin/python3
"""The harness tests itself against a tiny widget app (fixture/main.cpp), apart from vigil.

Proves: the private desktop comes up (Xvfb, D-Bus, an unlocked keyring that keeps a secret, AT-SPI);
widgets are found by accessible name; real typing reaches the right field (the fixture only lets the
right password through); actions press buttons and toggle check boxes; a missing widget fails fast
with a tree dump; files holding a secret are found.
"""

import os
import sys
from pathlib import Path

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, str(Path(__file__).resolve().parent))

import harness  # noqa: E402
from harness import Desktop, HarnessError, wait_until  # noqa: E402

FIXTURE = os.environ.get("VIGIL_E2E_FIXTURE")


def test():
    if not FIXTURE:
        raise HarnessError("VIGIL_E2E_FIXTURE is not set (ctest sets it)")
    with Desktop("harness") as desk:
        app = desk.start_app("fixture", [FIXTURE])

        email = app.find("Email", role="text")
        desk.type_text(email, "Demo@Vigil.test: ok")  # upper case and shifted symbols too
        password = app.find("Password")
        if password.getRoleName() != "password text":
            raise HarnessError(f"the Password field has role {password.getRoleName()!r}")
        desk.type_text(password, "fixture-password")

        remember = app.find("Remember me", role="check box")
        if desk.is_checked(remember):
            raise HarnessError("Remember me starts ticked")
        desk.click(remember)
        wait_until(lambda: desk.is_checked(remember), "Remember me to be ticked", 15)

        # A missing widget fails quickly and leaves the tree behind for the reader.
        try:
            app.find("No Such Widget", timeout=1)
        except HarnessError:
            pass
        else:
            raise HarnessError("find() returned a widget that does not exist")
        if not (desk.logs / "fixture-tree.log").read_text().count("push button 'Sign In'"):
            raise HarnessError("the tree dump lacks the Sign In button")

        desk.click(app.find("Sign In", role="push button"))
        summary = app.wait_for("Signed-in devices")
        text = desk.text_of(summary)
        if text != "Demo@Vigil.test: ok: 3 devices, remember me on":
            raise HarnessError(f"the fixture says {text!r}")
        if not app.absent("Password"):
            raise HarnessError("the sign-in window is still showing")

        # The secret helpers work on the real keyring, and the file scan finds what it should.
        (desk.home / "probe.txt").write_text("vrt_" + "x" * 40)
        if desk.files_containing("vrt_" + "x" * 40) != [desk.home / "probe.txt"]:
            raise HarnessError("files_containing() missed a file")
        if not harness.TOKEN_PATTERN.search(b"Bearer vat_" + b"A" * 43):
            raise HarnessError("TOKEN_PATTERN does not match an access token")
        for prefix in harness.SECRET_PREFIXES:
            if not harness.find_leak(b"x " + prefix.encode() + b"A" * 43 + b" y"):
                raise HarnessError(f"find_leak() misses a {prefix} token")
        for planted in (b'{"code":"123456"}', b"otp=123456", b"abcd-efgh-jk12", b"7KQ2-M9XF"):
            if not harness.find_leak(b"log: " + planted):
                raise HarnessError(f"find_leak() misses {planted[:4]!r}…")
        if not harness.find_leak(b"typed 481516 here", ["481516"]) or harness.find_leak(b"x 14815162", ["481516"]):
            raise HarnessError("find_leak() does not treat a known code as a whole number")
        if harness.find_leak(b'{"code":"<redacted>"} code=[redacted] vrt_[redacted] <token:1a2b3c4d> invalid_code'):
            raise HarnessError("find_leak() reports redacted output")
        if desk.screenshot("fixture") is None:
            raise HarnessError("no screenshot")


if __name__ == "__main__":
    harness.main_guard(test)
