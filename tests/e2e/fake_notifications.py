#!/usr/bin/python3
"""A stand-in for the desktop's notification service (org.freedesktop.Notifications) on the test
desktop's session bus, as GNOME Shell or Plasma would offer it: prints each Notify as one JSON line
("notify {...}") and, for each line "<id> <action key>" read from stdin, sends ActionInvoked — what
a person clicking one of the notification's buttons makes the desktop send."""

import json
import sys
import threading

from gi.repository import Gio, GLib

NAME = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"
XML = f"""<node><interface name="{NAME}">
<method name="Notify"><arg type="s" direction="in"/><arg type="u" direction="in"/><arg type="s" direction="in"/>
  <arg type="s" direction="in"/><arg type="s" direction="in"/><arg type="as" direction="in"/>
  <arg type="a{{sv}}" direction="in"/><arg type="i" direction="in"/><arg type="u" direction="out"/></method>
<method name="GetCapabilities"><arg type="as" direction="out"/></method>
<method name="CloseNotification"><arg type="u" direction="in"/></method>
<method name="GetServerInformation"><arg type="s" direction="out"/><arg type="s" direction="out"/>
  <arg type="s" direction="out"/><arg type="s" direction="out"/></method>
<signal name="ActionInvoked"><arg type="u"/><arg type="s"/></signal>
<signal name="NotificationClosed"><arg type="u"/><arg type="u"/></signal>
</interface></node>"""

state = {"next": 1, "connection": None}


def on_call(_connection, _sender, _path, _interface, method, params, invocation):
    if method == "Notify":
        app, _replaces, _icon, summary, body, actions, _hints, _timeout = params.unpack()
        ident = state["next"]
        state["next"] += 1
        invocation.return_value(GLib.Variant("(u)", (ident,)))
        print("notify " + json.dumps({"id": ident, "app": app, "summary": summary, "body": body,
                                      "actions": actions}), flush=True)
    elif method == "GetCapabilities":
        invocation.return_value(GLib.Variant("(as)", (["actions", "body"],)))
    elif method == "GetServerInformation":
        invocation.return_value(GLib.Variant("(ssss)", ("fake", "vigil-e2e", "1", "1.2")))
    else:
        invocation.return_value(None)


def invoke(ident, key):
    state["connection"].emit_signal(None, PATH, NAME, "ActionInvoked", GLib.Variant("(us)", (ident, key)))
    print(f"invoked {ident} {key}", flush=True)
    return False


def read_commands():
    for line in sys.stdin:
        parts = line.split()
        if len(parts) == 2:
            GLib.idle_add(invoke, int(parts[0]), parts[1])
    GLib.idle_add(loop.quit)


def acquired(connection, _name):
    state["connection"] = connection
    connection.register_object(PATH, Gio.DBusNodeInfo.new_for_xml(XML).interfaces[0], on_call, None, None)


loop = GLib.MainLoop()
Gio.bus_own_name(Gio.BusType.SESSION, NAME, Gio.BusNameOwnerFlags.NONE, acquired,
                 lambda *_: print("ready", flush=True), lambda *_: (print("name lost", flush=True), loop.quit()))
threading.Thread(target=read_commands, daemon=True).start()
loop.run()
