"""Steps the end-to-end tests share: signing in, moving between sections, reading the device table
through AT-SPI the way a screen reader does, and waiting for a process to print a line."""

import json
import re
import urllib.parse
import urllib.request

from harness import ADMIN_KEY, DEMO_EMAIL, DEMO_PASSWORD, HarnessError, decode_secret, wait_until

LIVE_TIMEOUT = 30  # seconds for a live change to reach the app


KEYCHAIN_SERVICE = "Vigil"


def sign_in(desk, app, url, remember=False):
    """Signs in to the demo account from the sign-in window; returns the Overview's device count."""
    server = app.find("Server address")
    if desk.text_of(server).rstrip("/") != url:
        desk.type_text(server, url)
    desk.type_text(app.find("Email"), DEMO_EMAIL)
    desk.type_text(app.find("Password"), DEMO_PASSWORD)
    if remember:
        box = app.find("Remember me", role="check box")
        if not desk.is_checked(box):
            desk.click(box)
            wait_until(lambda: desk.is_checked(box), "Remember me to be ticked", 15)
    desk.click(app.find("Sign In", role="push button"))
    label = app.wait_for("Signed-in devices")
    return wait_until(lambda: re.search(r"\d", desk.text_of(label) or "") and desk.text_of(label),
                      "the Overview to show a device count", 30)


def open_section(desk, app, section):
    """Clicks the section in the sidebar, as a person would (selecting over AT-SPI moves no page)."""
    sidebar = app.find("Sections", role="list")
    item = wait_until(lambda: next((sidebar.getChildAtIndex(i) for i in range(sidebar.childCount)
                                    if sidebar.getChildAtIndex(i).name == section), None),
                      f"{section!r} in the sidebar", 15)
    desk.mouse_click(item)
    wait_until(lambda: desk.atspi.STATE_SELECTED in item.getState().getStates(), f"{section!r} to be selected", 15)


def table_rows(app, table):
    """Every body row of the table as a list of (cell name, cell description), read afresh."""
    app.accessible().clear_cache()
    table.clear_cache()
    grid = table.queryTable()
    rows = []
    for row in range(grid.nRows):
        cells = []
        for column in range(grid.nColumns):
            cell = grid.getAccessibleAt(row, column)
            if cell is not None:
                cells.append((cell.name or "", cell.description or ""))
        rows.append(cells)
    return rows


def device_row(app, table, name):
    """The cells of the one row whose name cell reads "<name>, …" (None if there is no such row)."""
    matches = [cells for cells in table_rows(app, table)
               if any(text == name or text.startswith(name + ",") for text, _ in cells)]
    if len(matches) > 1:
        raise HarnessError(f"{len(matches)} rows are named {name!r}: {matches}")
    return matches[0] if matches else None


def read_until(proc, pattern, what, timeout=LIVE_TIMEOUT):
    """Waits for a line of the process's output that matches `pattern`; fails if the process ends."""

    def match():
        for line in proc.output().decode(errors="replace").splitlines():
            found = pattern.fullmatch(line.strip())
            if found:
                return found
        if not proc.running():
            raise HarnessError(f"{proc.name} exited with {proc.popen.returncode} before {what}: "
                               f"{proc.output()[-2000:]!r}")
        return None

    return wait_until(match, what, timeout)


def refresh_tokens(desk):
    """The refresh tokens Vigil keeps in the keychain, by key ("refresh-token:<host:port>/<email>")."""
    found = {}
    for item in desk.secret_search("server", KEYCHAIN_SERVICE):
        key = item.get("user", "")
        if key.startswith("refresh-token:"):
            found[key] = decode_secret(desk.secret_lookup("server", KEYCHAIN_SERVICE, "user", key))
    return found


def outbox(mockd, to):
    """The codes vigil-mockd "sent" to `to`, newest last (GET /__admin/outbox, the QA route)."""
    request = urllib.request.Request(f"{mockd.url}/__admin/outbox?to={urllib.parse.quote(to)}",
                                     headers={"X-Admin-Key": ADMIN_KEY})
    with urllib.request.urlopen(request, timeout=10) as reply:
        messages = json.load(reply)["messages"]
    return sorted(messages, key=lambda message: message["sent_at"])
