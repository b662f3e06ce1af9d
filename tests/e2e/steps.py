"""Steps the end-to-end tests share: signing in, moving between sections, reading the device table
through AT-SPI the way a screen reader does, and waiting for a process to print a line."""

import json
import re
import socket
import time
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
    """Clicks the section in the sidebar, as a person would."""
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


def keychain_entries(desk, kind):
    """Vigil's keychain entries of one kind ("refresh-token", "device-cookie"), by key
    ("<kind>:<scheme>://<host:port>/<email>")."""
    found = {}
    for item in desk.secret_search("server", KEYCHAIN_SERVICE):
        key = item.get("user", "")
        if key.startswith(kind + ":"):
            found[key] = decode_secret(desk.secret_lookup("server", KEYCHAIN_SERVICE, "user", key))
    return found


def refresh_tokens(desk):
    """The refresh tokens Vigil keeps in the keychain, by key."""
    return keychain_entries(desk, "refresh-token")


def device_cookies(desk):
    """The device cookies Vigil keeps in the keychain (proof that this computer signed in before)."""
    return keychain_entries(desk, "device-cookie")


def outbox(mockd, to):
    """The codes vigil-mockd "sent" to `to`, newest last (GET /__admin/outbox, the QA route)."""
    request = urllib.request.Request(f"{mockd.url}/__admin/outbox?to={urllib.parse.quote(to)}",
                                     headers={"X-Admin-Key": ADMIN_KEY})
    with urllib.request.urlopen(request, timeout=10) as reply:
        messages = json.load(reply)["messages"]
    return sorted(messages, key=lambda message: message["sent_at"])


# ---- QA admin API and fault injection (tests/e2e/test_faults.py, test_contract.py) ----------------

FAULT_KINDS = (
    ("status", {"type": "status", "status": 500,
                "body": {"error": "internal_error", "message": "Injected by the end-to-end fault test."}}),
    ("drop", {"type": "drop"}),
    ("empty", {"type": "empty", "status": 200}),
    ("garbage", {"type": "garbage", "bytes": 64}),
    ("truncated", {"type": "truncated"}),
)
LATENCY = {"type": "latency", "ms": 1500}
# A message that offers the person a next step, in the words ApiError::suggestedAction uses.
NEXT_STEP = re.compile(r"(?i)try again|check |wait |sign in again|retry|reconnect")


def establish_this_computer(mockd):
    """Confirms Vigil's sign-in on this computer through the QA admin API, as the owner would from a
    device they have used for long: the service's young-session guard keeps a sign-in from minutes ago
    from signing other devices out or changing security settings, and the calling test does that."""
    name = ("Vigil on " + socket.gethostname())[:64]
    devices = admin(mockd, "GET", "/__admin/devices?account=" + urllib.parse.quote(DEMO_EMAIL))["devices"]
    new = [device["id"] for device in devices if device["name"] == name and device["new_until"]]
    if not new:
        raise HarnessError(f"no new device named {name!r} to confirm: {devices}")
    for device_id in new:
        admin(mockd, "POST", f"/__admin/devices/{device_id}/confirm")


def admin(mockd, method, path, body=None):
    """One call to vigil-mockd's admin API; returns the decoded JSON answer (None when empty)."""
    data = json.dumps(body).encode() if body is not None else None
    headers = {"X-Admin-Key": ADMIN_KEY}
    if data is not None:
        headers["Content-Type"] = "application/json"
    request = urllib.request.Request(mockd.url + path, data=data, method=method, headers=headers)
    with urllib.request.urlopen(request, timeout=10) as reply:
        raw = reply.read()
    return json.loads(raw) if raw else None


def add_fault(mockd, path, action, method=None):
    """Adds a fault rule for every request to `path` (a pattern); returns its id."""
    match = {"path": path}
    if method:
        match["method"] = method
    return admin(mockd, "POST", "/__admin/faults", {"match": match, "action": action})["id"]


def clear_faults(mockd):
    admin(mockd, "DELETE", "/__admin/faults")


def journal(mockd, path):
    """The request journal's entries for `path` (a pattern), oldest first."""
    query = urllib.parse.urlencode({"path": path, "limit": 5000})
    return admin(mockd, "GET", f"/__admin/requests?{query}")["requests"]


def wait_faulted(mockd, path, kind, after_seq, timeout=LIVE_TIMEOUT):
    """Waits until the journal shows a request to `path` newer than `after_seq` that the fault `kind` hit."""

    def hit():
        return next((entry for entry in journal(mockd, path)
                     if entry["seq"] > after_seq and (entry.get("fault") or {}).get("type") == kind), None)

    return wait_until(hit, f"a {path} request hit by the {kind} fault", timeout, interval=0.25)


def last_seq(mockd):
    entries = journal(mockd, "*")
    return entries[-1]["seq"] if entries else 0


def find_prefixed(app, prefix, role=None):
    """Every showing widget whose accessible name starts with `prefix` (InlineMessage: "Error: …")."""
    acc = app.accessible()
    acc.clear_cache()
    found = []
    states = app.desktop.atspi

    def walk(node, depth):
        if depth > 40:
            return
        for i in range(node.childCount):
            child = node.getChildAtIndex(i)
            if child is None or not child.getState().contains(states.STATE_SHOWING):
                continue
            if (child.name or "").startswith(prefix) and (role is None or child.getRoleName() == role):
                found.append(child)
            walk(child, depth + 1)

    walk(acc, 0)
    return found


def is_enabled(desk, accessible):
    return accessible.getState().contains(desk.atspi.STATE_SENSITIVE)

def device_cell(app, table, name):
    """The name cell of the demo device `name` (never this computer's own row)."""

    def lookup():
        app.accessible().clear_cache()
        grid = table.queryTable()
        for row in range(grid.nRows):
            cell = grid.getAccessibleAt(row, 0)
            if cell is not None and (cell.name == name or (cell.name or "").startswith(name + ",")):
                return cell
        return None

    return wait_until(lookup, f"a row for {name!r}", LIVE_TIMEOUT)


def results_say(app, name):
    """What the sign-out results list says about the device, e.g. "Living Room TV: signed out"."""
    app.accessible().clear_cache()
    results = app.find("Signed-out devices", role="list")
    results.clear_cache()
    texts = [results.getChildAtIndex(i).name or "" for i in range(results.childCount)]
    return next((text for text in texts if name in text), None)


def open_sign_out_all_other(desk, app):
    """Opens "Sign Out of All Devices…" on the Overview and picks "All Other Devices…" from its menu."""
    open_section(desk, app, "Overview")
    desk.mouse_click(app.find("Sign Out of All Devices…", role="push button"))
    # Qt 6.4 does not put an open popup menu in the AT-SPI tree; the keyboard picks the first item.
    for key in ("Down", "Return"):
        time.sleep(0.3)  # the popup is a window of its own; let it take each key before the next
        desk.key(key)
