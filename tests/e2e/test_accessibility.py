#!/usr/bin/python3
"""Every control a screen reader lands on has a name: read through AT-SPI, as Orca would.

Real vigil-mockd, real vigil under Xvfb. Signed in, each sidebar item is first chosen with its own
AT-SPI action, as a screen reader does: its page must come on screen. The sign-in window, then every
section of the sidebar, then each page of the sign-out dialog (confirmation → method choice → code entry, then Esc) are
walked; any SHOWING button, field, check box, radio button, combo box, tab, list item or table cell
without an accessible name fails the test, with its role and path in the tree. Then Tab is pressed
through the Overview, Devices and Preferences pages: focus must move (never stuck on one widget) and
land only on named widgets. Last, the keyboard shortcuts: Ctrl+F focuses the device search, F5
reloads the devices.
"""

import os
import sys
import time
from pathlib import Path

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, str(Path(__file__).resolve().parent))

import harness  # noqa: E402
from harness import Desktop, HarnessError, log, wait_until  # noqa: E402
from steps import LIVE_TIMEOUT, open_section, open_sign_out_all_other, sign_in  # noqa: E402

VIGIL = os.environ.get("VIGIL_APP")
MOCKD = os.environ.get("VIGIL_MOCKD")

SECTIONS = ["Overview", "Devices", "Security", "Profiles", "Activity", "Preferences", "Help"]
# The interactive roles a person reaches with Tab or the arrow keys, plus the cells of tables and
# the items of lists, which a screen reader reads one by one.
NAMED_ROLES = {
    "push button", "toggle button", "check box", "radio button", "combo box", "text", "password text",
    "entry", "spin button", "page tab", "list item", "table cell", "menu item", "slider",
}
TAB_PRESSES = 20  # a label with a link takes two stops (the label, then its link)


def unnamed_controls(desk, app):
    """[(role, path)] of every showing control of the app (all its windows) that has no name."""
    acc = app.accessible()
    acc.clear_cache()
    showing = desk.atspi.STATE_SHOWING
    found = []

    def walk(node, path, depth):
        if depth > 40:
            return
        for i in range(node.childCount):
            child = node.getChildAtIndex(i)
            if child is None or not child.getState().contains(showing):
                continue
            role = child.getRoleName()
            here = f"{path} > {role} {child.name!r}" if child.name else f"{path} > {role}"
            if role in NAMED_ROLES and not (child.name or "").strip():
                found.append((role, here))
            # A table's cells are read row by row; a big table needs only its visible rows checked,
            # which AT-SPI already limits to the showing ones.
            walk(child, here, depth + 1)

    walk(acc, app.name, 0)
    return found


def audit(desk, app, where, failures):
    """Records the unnamed controls of what is on screen now under the label `where`."""
    found = unnamed_controls(desk, app)
    log(f"{where}: {len(found)} unnamed control(s)")
    for role, path in found:
        failures.append(f"{where}: unnamed {role}: {path}")
    if found:
        desk.screenshot(f"unnamed-{where.lower().replace(' ', '-')}")


ITEM_ROLES = {"list item", "table cell", "tree item", "page tab"}


def focused(desk, app):
    """The widget that has the keyboard focus (for a list or table: its current item), or None.

    Qt reports the current item of every list and table as focused, even when another widget has
    the focus; the one focused widget (not item) says where the focus really is."""
    acc = app.accessible()
    acc.clear_cache()
    focused_state, showing = desk.atspi.STATE_FOCUSED, desk.atspi.STATE_SHOWING
    hits = []  # (node, parent)

    def walk(node, depth):
        if depth > 40:
            return
        for i in range(node.childCount):
            child = node.getChildAtIndex(i)
            if child is None:
                continue
            states = child.getState()
            if not states.contains(showing):
                continue
            if states.contains(focused_state):
                hits.append((child, node))
            walk(child, depth + 1)

    walk(acc, 0)
    widgets = [node for node, _ in hits if node.getRoleName() not in ITEM_ROLES]
    if not widgets:
        return None
    widget = widgets[-1]  # the deepest
    items = [node for node, parent in hits if node.getRoleName() in ITEM_ROLES and parent == widget]
    return items[0] if items else widget


# Where Tab must go, in this order (other stops may come between), after the sidebar and the
# account button: top to bottom, left to right, as the page reads.
READING_ORDER = {
    "Overview": ["Sign Out of All Devices…", "Review Devices", "See Profiles", "Review Security",
                 "See Active Devices", "See Who's Watching", "See Newest Devices", "Review These Devices"],
    "Devices": ["Search devices"],
    "Preferences": ["Current server address", "Remember sign-in on this computer", "Sign Out of Vigil"],
}


def tab_through(desk, app, section, failures):
    """Presses Tab through a page: focus moves, only lands on named widgets, in reading order."""
    open_section(desk, app, section)
    visited = []
    for _ in range(TAB_PRESSES):
        desk.key("Tab")
        time.sleep(0.15)  # the key event reaches Qt asynchronously through XTest
        node = focused(desk, app)
        if node is None:
            continue
        role, name = node.getRoleName(), (node.name or "").strip()
        visited.append((role, name))
        if not name and role in NAMED_ROLES:
            failures.append(f"{section}: Tab lands on an unnamed {role}")
    distinct = set(visited)
    names = [n for _, n in visited]
    log(f"{section}: Tab visited {len(distinct)} widget(s): {names}")
    if len(distinct) < 3:
        failures.append(f"{section}: focus is stuck; Tab visited only {sorted(distinct)}")
    # Each expected stop must come, and after the one before it.
    position = 0
    for wanted in READING_ORDER.get(section, []):
        try:
            position = names.index(wanted, position)
        except ValueError:
            failures.append(f"{section}: Tab does not reach {wanted!r} in reading order (visited {names})")
            break


def page_showing(app, section):
    """Whether the section's page is on screen: its header's title label shows."""
    return bool(app.find_all(section, role="label"))


def select_sections_through_accessibility(desk, app, failures):
    """Chooses each sidebar item with its own AT-SPI action, as a screen reader does: the section's
    page must come on screen and the one before it leave."""
    sidebar = app.find("Sections", role="list")
    items = {sidebar.getChildAtIndex(i).name: sidebar.getChildAtIndex(i) for i in range(sidebar.childCount)}
    previous = "Overview"  # the page after signing in
    for section in SECTIONS[1:] + SECTIONS[:1]:
        item = items.get(section)
        if item is None:
            failures.append(f"sidebar: no item {section!r}")
            continue
        action = item.queryAction()
        names = [action.getName(i) for i in range(action.nActions)]
        if not names:
            failures.append(f"sidebar: {section!r} has no accessible action")
            continue
        toggle = next((i for i, name in enumerate(names) if name.lower() == "toggle"), 0)
        action.doAction(toggle)
        try:
            wait_until(lambda: page_showing(app, section) and not page_showing(app, previous),
                       f"the {section} page after its sidebar item's {names[toggle]!r} action", 10)
            log(f"sidebar: {names[toggle]!r} on {section!r} shows its page")
            previous = section
        except HarnessError:
            # `previous` stays: another page's label of the same name must not pass the next check.
            failures.append(f"sidebar: {names[toggle]!r} on {section!r} leaves the {previous} page on screen")
            desk.screenshot(f"sidebar-action-{section.lower()}")


def test():
    if not VIGIL or not MOCKD:
        raise HarnessError("VIGIL_APP and VIGIL_MOCKD must be set (ctest sets them)")
    failures = []
    with Desktop("accessibility") as desk:
        mockd = desk.start_mockd()
        vigil = desk.start_app("vigil", [VIGIL, "--server", mockd.url])
        vigil.wait_for("Sign In", role="push button")
        audit(desk, vigil, "Sign-in window", failures)
        log(f"signed in: {sign_in(desk, vigil, mockd.url)!r}")
        vigil.find("Overview", role="label")
        select_sections_through_accessibility(desk, vigil, failures)

        for section in SECTIONS:
            open_section(desk, vigil, section)
            if section == "Devices":
                table = vigil.find("Devices", role="table")
                wait_until(lambda: table.queryTable().nRows > 0, "device rows", LIVE_TIMEOUT)
            time.sleep(0.5)  # let the page lay out its loaded content before reading it
            audit(desk, vigil, section, failures)

        # The sign-out dialog, page by page, then Esc.
        open_sign_out_all_other(desk, vigil)
        confirm = vigil.find("Sign Out of All Other Devices", role="push button")
        audit(desk, vigil, "Sign-out confirmation", failures)
        desk.click(confirm)
        vigil.find("Email code", role="radio button")
        audit(desk, vigil, "Sign-out method choice", failures)
        desk.click(vigil.find("Email code", role="radio button"))
        desk.click(vigil.find("Continue", role="push button"))
        code = vigil.find("Verification code")
        audit(desk, vigil, "Sign-out code entry", failures)
        desk.focus(code)
        desk.key("Escape")
        wait_until(lambda: vigil.absent("Verification code"), "Esc to close the sign-out dialog", 15)
        log("Esc closed the sign-out dialog")

        # Focus order: Tab moves through each main page and only lands on named widgets.
        for section in ("Overview", "Devices", "Preferences"):
            tab_through(desk, vigil, section, failures)

        # Shortcuts: Ctrl+F focuses the device search.
        open_section(desk, vigil, "Devices")
        search = vigil.find("Search devices", role="text")
        desk.mouse_click(vigil.find("Devices", role="table"))
        desk.key_combo("ctrl+f")
        try:
            wait_until(lambda: search.getState().contains(desk.atspi.STATE_FOCUSED), "Ctrl+F to focus the search", 10)
            log("Ctrl+F focuses the device search")
        except HarnessError:
            failures.append("Devices: Ctrl+F does not focus the device search")

        if failures:
            desk.dump_tree(vigil)
        desk.stop_app(vigil)
        exit_code = mockd.stop()
        if exit_code != 0:
            raise HarnessError(f"vigil-mockd exited with {exit_code} on SIGTERM")
        if failures:
            raise HarnessError(f"{len(failures)} accessibility problem(s):\n  " + "\n  ".join(failures))


if __name__ == "__main__":
    harness.main_guard(test)
