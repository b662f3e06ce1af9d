#!/usr/bin/python3
"""Sign in through the real window, remember the sign-in in the real keychain, come back signed in.

Real vigil-mockd, real vigil under Xvfb, real Secret Service (gnome-keyring) on a private D-Bus.
Checks that the refresh token lives in the keychain and nowhere in the test's HOME, that no log holds
the password or any token, and that a restarted vigil signs itself in from the keychain.
"""

import os
import re
import sys
from pathlib import Path

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, str(Path(__file__).resolve().parent))

import harness  # noqa: E402
from harness import DEMO_EMAIL, DEMO_PASSWORD, Desktop, HarnessError, log, wait_until  # noqa: E402
from steps import device_cookies, refresh_tokens  # noqa: E402

VIGIL = os.environ.get("VIGIL_APP")
def signed_in_devices(desk, app):
    """Waits for the Overview's device summary and returns its text (it must name a count)."""
    label = app.wait_for("Signed-in devices")
    text = wait_until(lambda: re.search(r"\d", desk.text_of(label) or "") and desk.text_of(label),
                      "the Overview to show a device count", 30)
    return text


def test():
    if not VIGIL or not os.environ.get("VIGIL_MOCKD"):
        raise HarnessError("VIGIL_APP and VIGIL_MOCKD must be set (ctest sets them)")
    with Desktop("signin") as desk:
        mockd = desk.start_mockd()
        key = f"refresh-token:{mockd.url}/{DEMO_EMAIL}"
        # Debug output on, so a secret in any log line at any level is caught.
        env = {"QT_LOGGING_RULES": "vigil.*.debug=true"}

        # 1. First start: the sign-in window, typed into like a person would.
        vigil = desk.start_app("vigil", [VIGIL, "--server", mockd.url], env)
        server = vigil.find("Server address")
        if desk.text_of(server).rstrip("/") != mockd.url:
            desk.type_text(server, mockd.url)
        desk.type_text(vigil.find("Email"), DEMO_EMAIL)
        desk.type_text(vigil.find("Password"), DEMO_PASSWORD)
        remember = vigil.find("Remember me", role="check box")
        if not desk.is_checked(remember):
            desk.click(remember)
            wait_until(lambda: desk.is_checked(remember), "Remember me to be ticked", 15)
        desk.click(vigil.find("Sign In", role="push button"))
        log(f"signed in: {signed_in_devices(desk, vigil)!r}")
        desk.screenshot("signed-in")

        # 2. The refresh token is in the keychain under the agreed key, and in no file of HOME.
        tokens = wait_until(lambda: refresh_tokens(desk), "a refresh token in the keychain", 30)
        if list(tokens) != [key]:
            raise HarnessError(f"keychain keys {list(tokens)}, expected [{key!r}]")
        first_token = tokens[key]
        if not first_token.startswith("vrt_"):
            raise HarnessError("the keychain entry is not a refresh token (no vrt_ prefix)")
        for secret in (first_token, DEMO_PASSWORD):
            hits = desk.files_containing(secret)
            if hits:
                raise HarnessError(f"a secret is on disk in {[str(h.relative_to(desk.home)) for h in hits]}")
        log("refresh token is in the keychain and in no file under HOME")

        # 2b. So is this computer's device cookie, next to it, and in no file of HOME either.
        cookie_key = "device-cookie:" + key.split(":", 1)[1]
        cookies = wait_until(lambda: device_cookies(desk), "a device cookie in the keychain", 30)
        if list(cookies) != [cookie_key] or not cookies[cookie_key].startswith("vdc_"):
            raise HarnessError(f"keychain device cookies {list(cookies)}, expected [{cookie_key!r}] with vdc_")
        if desk.files_containing(cookies[cookie_key]):
            raise HarnessError("the device cookie is on disk")
        log("device cookie is in the keychain and in no file under HOME")

        # 3. Quit, start again: signed in from the keychain, no typing.
        code = desk.stop_app(vigil)
        log(f"vigil stopped ({code})")
        again = desk.start_app("vigil-2", [VIGIL, "--server", mockd.url], env)
        log(f"signed in again from the keychain: {signed_in_devices(desk, again)!r}")
        if not again.absent("Password"):
            raise HarnessError("the restarted vigil shows a password field")
        desk.screenshot("restored")

        # The refresh token rotated on use, and the keychain holds the new one.
        def rotated_token():
            token = refresh_tokens(desk).get(key)
            return token if token and token != first_token else None

        rotated = wait_until(rotated_token, "the rotated refresh token in the keychain", 30)
        if not rotated.startswith("vrt_") or desk.files_containing(rotated):
            raise HarnessError("the rotated refresh token is not (only) in the keychain")

        desk.stop_app(again)
        code = mockd.stop()
        if code != 0:
            raise HarnessError(f"vigil-mockd exited with {code} on SIGTERM")
        harness.assert_no_leak([vigil, again, mockd], [DEMO_PASSWORD, first_token, rotated, cookies[cookie_key]])


if __name__ == "__main__":
    harness.main_guard(test)
