#!/usr/bin/python3
"""The shared QA server, end to end: PostgreSQL, two vigil-mockd on one database, HAProxy in front
(tools/qa-shared-server: the very haproxy.cfg docs/qa-shared-server.md gives a QA team).

`vigil-mockd simulate` signs devices in through HAProxy, two of them while HAProxy drains the second
instance and two while it drains the first, so each instance holds the event sockets of two devices.
Vigil, pointed at HAProxy like any service, signs every other device out (confirmation, step-up with
an emailed code read from the shared outbox through HAProxy). Whichever instance takes the sign-out,
every simulated device must be told (the simulators exit 0, each device refused with session_revoked),
both instances must list the same single remaining device, and their request journals must show that
both answered the devices' requests. No code, password or token may reach any log.
"""

import json
import os
import re
import sys
import urllib.parse
import urllib.request
from pathlib import Path

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent.parent / "tools" / "qa-shared-server"))

import harness  # noqa: E402
from harness import ADMIN_KEY, DEMO_EMAIL, DEMO_PASSWORD, Desktop, HarnessError, log, wait_until  # noqa: E402
from shared_server import SharedServer  # noqa: E402
from steps import LIVE_TIMEOUT, admin, establish_this_computer, open_sign_out_all_other, outbox, sign_in  # noqa: E402

VIGIL = os.environ.get("VIGIL_APP")
MOCKD = os.environ.get("VIGIL_MOCKD")
DEVICES_PER_INSTANCE = 2

ONLINE = re.compile(r"sim: device (?P<name>.+) online")
REFUSED = re.compile(r"sim: device (?P<name>.+) refused: (?P<code>\S+)")


def lines(proc, pattern):
    return [m for m in (pattern.fullmatch(line.strip()) for line in proc.output().decode(errors="replace").splitlines())
            if m]


def start_simulator(desk, shared, name, seed):
    """`vigil-mockd simulate` with DEVICES_PER_INSTANCE devices through HAProxy; waits until each
    holds its event socket."""
    sim = desk.start_app(name, [MOCKD, "simulate", "--server", shared.url, "--devices", str(DEVICES_PER_INSTANCE),
                                "--account", DEMO_EMAIL, "--seed", str(seed), "--tick-ms", "0"],
                         {"VIGIL_SIM_PASSWORD": DEMO_PASSWORD})

    def online():
        if not sim.running():
            raise HarnessError(f"{name} exited with {sim.popen.returncode}: {sim.output()[-2000:]!r}")
        return len(lines(sim, ONLINE)) >= DEVICES_PER_INSTANCE

    wait_until(online, f"{name}'s {DEVICES_PER_INSTANCE} devices to be online", LIVE_TIMEOUT)
    log(f"{name}: {[m.group('name') for m in lines(sim, ONLINE)]} online")
    return sim


def admin_get(base, path):
    request = urllib.request.Request(base + path, headers={"X-Admin-Key": ADMIN_KEY})
    with urllib.request.urlopen(request, timeout=10) as reply:
        return json.load(reply)


def journal(instance, path):
    query = urllib.parse.urlencode({"path": path, "limit": 5000})
    return admin_get(instance.url, f"/__admin/requests?{query}")["requests"]


def listed_devices(base):
    devices = admin_get(base, "/__admin/devices?account=" + urllib.parse.quote(DEMO_EMAIL))["devices"]
    return sorted(device["name"] for device in devices)


def test():
    if not VIGIL or not MOCKD:
        raise HarnessError("VIGIL_APP and VIGIL_MOCKD must be set (ctest sets them)")
    with Desktop("shared-server") as desk, \
            SharedServer(desk.logs, MOCKD, admin_key=ADMIN_KEY, pg_host=os.environ.get("VIGIL_TEST_PG_HOST")) as shared:
        first, second = shared.instances
        log(f"HAProxy on {shared.url} in front of {first.url} and {second.url}")

        # Two devices whose sockets the first instance holds, two on the second.
        shared.set_state(second.name, "drain")
        sim_first = start_simulator(desk, shared, "simulator-1", 5)
        shared.set_state(second.name, "ready")
        shared.set_state(first.name, "drain")
        sim_second = start_simulator(desk, shared, "simulator-2", 6)
        shared.set_state(first.name, "ready")
        sockets = {instance.name: [entry for entry in journal(instance, "/v1/events") if entry["status"] == 101]
                   for instance in shared.instances}
        log(f"event sockets opened: { {name: len(entries) for name, entries in sockets.items()} }")
        for instance in shared.instances:
            if len(sockets[instance.name]) < DEVICES_PER_INSTANCE:
                raise HarnessError(f"{instance.name} opened {len(sockets[instance.name])} event sockets, "
                                   f"not {DEVICES_PER_INSTANCE}: HAProxy did not send the devices there")

        vigil = desk.start_app("vigil", [VIGIL, "--server", shared.url])
        log(f"signed in: {sign_in(desk, vigil, shared.url)!r}")
        establish_this_computer(shared)
        # Confirmed through one instance, established on both (session trust is shared through the
        # database and the change feed).
        for instance in shared.instances:
            wait_until(lambda instance=instance: not any(
                device["name"].startswith("Vigil on ") and device["new_until"]
                for device in admin_get(instance.url, "/__admin/devices?account=" + urllib.parse.quote(DEMO_EMAIL))[
                    "devices"]), f"this computer to be established on {instance.name}", 30)

        open_sign_out_all_other(desk, vigil)
        desk.click(vigil.find("Sign Out of All Other Devices", role="push button"))
        desk.click(vigil.find("Email code", role="radio button"))
        desk.click(vigil.find("Continue", role="push button"))
        message = wait_until(lambda: (outbox(shared, DEMO_EMAIL) or [None])[-1], "an emailed code in the outbox", 30)
        code = message["code"]
        desk.type_text(vigil.find("Verification code"), code)
        desk.click(vigil.find("Verify", role="push button"))

        # Every simulated device is told, on either instance: each simulator ends on its own, with 0,
        # once all its devices were refused.
        for sim in (sim_first, sim_second):
            wait_until(lambda sim=sim: not sim.running(), f"{sim.name} to end (every device signed out)", LIVE_TIMEOUT)
            refused = [m.group("code") for m in lines(sim, REFUSED)]
            if sim.popen.returncode != 0 or refused != ["session_revoked"] * DEVICES_PER_INSTANCE:
                raise HarnessError(f"{sim.name} exited with {sim.popen.returncode}, refused {refused}")
            log(f"{sim.name}: every device refused with session_revoked")
        desk.screenshot("signed-out")

        sign_outs = {instance.name: [entry for entry in journal(instance, "/v1/devices/sign-out")
                                     if entry["status"] == 200] for instance in shared.instances}
        took = [name for name, entries in sign_outs.items() if entries]
        if len(took) != 1 or len(sign_outs[took[0]]) != 1:
            raise HarnessError(f"expected one sign-out answered by one instance: {sign_outs}")
        log(f"{took[0]} took the sign-out; the other instance's devices were told all the same")

        # Both instances read one store: the same single device left, this computer.
        left = {instance.name: listed_devices(instance.url) for instance in shared.instances}
        if len(left[first.name]) != 1 or left[first.name] != left[second.name]:
            raise HarnessError(f"the instances list different devices after the sign-out: {left}")
        log(f"both instances list only {left[first.name]}")
        # And both answered the devices' other requests (sign-ins, status reports, lists).
        for instance in shared.instances:
            served = [entry for entry in journal(instance, "/v1/*") if entry["status"] and entry["status"] < 500]
            if not any(entry["path"] == "/v1/auth/login" for entry in served):
                raise HarnessError(f"{instance.name} took no sign-in: {[e['path'] for e in served]}")
            log(f"{instance.name} answered {len(served)} requests")

        desk.stop_app(vigil)
        processes = (vigil, sim_first, sim_second, *shared.instances)
        harness.assert_no_leak(processes, [code, DEMO_PASSWORD, ADMIN_KEY])
        codes = shared.stop()
        if any(code != 0 for code in codes.values()):
            raise HarnessError(f"the instances exited with {codes} on SIGTERM")


if __name__ == "__main__":
    harness.main_guard(test)
