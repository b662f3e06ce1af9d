"""End-to-end harness for Vigil: a private desktop and real processes, driven through accessibility.

One `Desktop` per test process (AT-SPI keeps global state in the process):

    with Desktop("signin") as desk:
        mockd = desk.start_mockd()
        app = desk.start_app("vigil", [VIGIL, "--server", mockd.url])
        desk.type_text(app.find("Email", role="text"), "demo@vigil.test")
        desk.click(app.find("Sign In", role="push button"))
        app.wait_for("Signed-in devices")

The desktop is Xvfb on a free display, a private D-Bus session bus, gnome-keyring (Secret Service)
unlocked with a known password in a fresh HOME, and the AT-SPI bus. Programs under test run with
QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1 so Qt exposes its widgets; the test finds them by accessible
name, as a screen reader would, types through XTest and presses buttons through their actions.

Runs with Debian's /usr/bin/python3 (pyatspi and gi come from Debian packages, not from pip).
Every wait polls with a deadline; a failure leaves a screenshot and all logs in the work folder.
"""

import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# The tests import everything through this module; the parts live in their own files.
from leaks import SECRET_PREFIXES, SECRET_SHAPES, TOKEN_PATTERN, assert_no_leak, decode_secret, find_leak  # noqa: F401
from processes import App, Mockd, Process
from waits import DEFAULT_TIMEOUT, HarnessError, log, read_line_from_fd, wait_until  # noqa: F401

DEMO_EMAIL = "demo@vigil.test"
DEMO_PASSWORD = "vigil-demo-2026"
ADMIN_KEY = "e2e-admin-key-0123456789abcdef"
KEYRING_PASSWORD = "e2e-keyring-password"


class Desktop:
    """Xvfb + D-Bus session + unlocked gnome-keyring + AT-SPI, and the processes a test starts."""

    def __init__(self, name, workdir=None, size="1280x800x24"):
        base = Path(workdir or os.environ.get("VIGIL_E2E_WORKDIR") or tempfile.gettempdir())
        base.mkdir(parents=True, exist_ok=True)
        self.name = name
        self.root = Path(tempfile.mkdtemp(prefix=f"{name}-", dir=base))
        self.home = self.root / "home"
        self.logs = self.root / "logs"
        self.home.mkdir()
        self.logs.mkdir()
        self.size = size
        self.display = None
        self.atspi = None
        self._services = []
        self._processes = []
        self.env = self._base_env()

    def _base_env(self):
        env = {k: v for k, v in os.environ.items()
               if not k.startswith(("DBUS_", "XDG_", "GNOME_KEYRING", "AT_SPI", "WAYLAND", "QT_"))
               and k not in ("DISPLAY", "XAUTHORITY", "SSH_AUTH_SOCK")}
        env.update({
            "HOME": str(self.home),
            "XDG_CONFIG_HOME": str(self.home / ".config"),
            "XDG_DATA_HOME": str(self.home / ".local/share"),
            "XDG_CACHE_HOME": str(self.home / ".cache"),
            "XDG_STATE_HOME": str(self.home / ".local/state"),
            "XDG_RUNTIME_DIR": str(self.root / "runtime"),
            "LANG": "C.UTF-8",
            "LC_ALL": "C.UTF-8",
            "QT_QPA_PLATFORM": "xcb",
            "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1",
            "QT_ACCESSIBILITY": "1",
            "NO_AT_BRIDGE": "0",
            "ASAN_OPTIONS": os.environ.get("ASAN_OPTIONS", "detect_leaks=0:abort_on_error=1"),
            "UBSAN_OPTIONS": os.environ.get("UBSAN_OPTIONS", "print_stacktrace=1:halt_on_error=1"),
        })
        (self.root / "runtime").mkdir(mode=0o700)
        return env

    # ---- lifecycle -------------------------------------------------------------------------------

    def __enter__(self):
        try:
            self.start()
        except BaseException:
            self.stop(failed=True)
            raise
        return self

    def __exit__(self, exc_type, exc, tb):
        failed = exc_type is not None
        if failed:
            log(f"FAILED: {exc}")
            self.screenshot("failure")
        self.stop(failed=failed)
        return False

    def start(self):
        log(f"work folder {self.root}")
        self._start_xvfb()
        self._start_dbus()
        self._start_keyring()
        self._start_atspi()

    def stop(self, failed=False):
        for proc in reversed(self._processes):
            code = proc.stop()
            if code not in (0, None, -signal.SIGTERM):
                log(f"{proc.name} exited with {code}")
        for proc in reversed(self._services):
            proc.stop(timeout=5)
        self._processes.clear()
        self._services.clear()
        if failed or os.environ.get("VIGIL_E2E_KEEP"):
            log(f"kept logs and screenshots in {self.root}")
            for path in sorted(self.logs.glob("*.log")):
                tail = path.read_bytes()[-3000:].decode(errors="replace")
                log(f"--- last lines of {path.name} ---\n{tail}")
        else:
            shutil.rmtree(self.root, ignore_errors=True)

    # ---- services --------------------------------------------------------------------------------

    def _spawn(self, name, argv, env=None, stdin=None, pass_fds=(), service=False):
        log_path = self.logs / f"{name}.log"
        handle = open(log_path, "ab")
        popen = subprocess.Popen(argv, env=env or self.env, stdin=stdin if stdin is not None else subprocess.DEVNULL,
                                 stdout=handle, stderr=subprocess.STDOUT, pass_fds=pass_fds,
                                 start_new_session=True)
        handle.close()
        proc = Process(name, popen, log_path)
        (self._services if service else self._processes).append(proc)
        return proc

    def _start_xvfb(self):
        read_fd, write_fd = os.pipe()
        self._spawn("xvfb", ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", self.size,
                             "-nolisten", "tcp", "-noreset"], pass_fds=(write_fd,), service=True)
        os.close(write_fd)
        self.display = ":" + read_line_from_fd(read_fd, 30, "Xvfb to pick a display")
        self.env["DISPLAY"] = self.display
        log(f"Xvfb on {self.display}")

    def _start_dbus(self):
        read_fd, write_fd = os.pipe()
        self._spawn("dbus", ["dbus-daemon", "--session", "--nofork", "--nopidfile",
                             f"--print-address={write_fd}"], pass_fds=(write_fd,), service=True)
        os.close(write_fd)
        self.env["DBUS_SESSION_BUS_ADDRESS"] = read_line_from_fd(read_fd, 30, "the D-Bus session bus")

    def _name_has_owner(self, name):
        result = subprocess.run(
            ["dbus-send", "--session", "--print-reply", "--dest=org.freedesktop.DBus", "/org/freedesktop/DBus",
             "org.freedesktop.DBus.NameHasOwner", f"string:{name}"],
            env=self.env, capture_output=True, text=True, timeout=10)
        return "boolean true" in result.stdout

    def _start_keyring(self):
        # --unlock reads the password from stdin and creates the login keyring (the Secret Service
        # default collection) in the fresh HOME, so nothing ever prompts.
        proc = self._spawn("gnome-keyring", ["gnome-keyring-daemon", "--foreground", "--unlock",
                                             "--components=secrets"], stdin=subprocess.PIPE, service=True)
        proc.popen.stdin.write(KEYRING_PASSWORD.encode())
        proc.popen.stdin.close()
        wait_until(lambda: self._name_has_owner("org.freedesktop.secrets"), "gnome-keyring on the session bus", 30)
        # A round trip proves the default collection exists and is unlocked.
        probe = ["e2e-probe", "harness"]
        subprocess.run(["secret-tool", "store", "--label=e2e probe", *probe], input=b"ok", env=self.env,
                       check=True, timeout=20)
        if self.secret_lookup(*probe) != b"ok":
            raise HarnessError("the keyring did not keep a secret")
        subprocess.run(["secret-tool", "clear", *probe], env=self.env, check=True, timeout=20)

    def _start_atspi(self):
        self._spawn("at-spi-bus", ["/usr/libexec/at-spi-bus-launcher", "--launch-immediately"], service=True)
        wait_until(lambda: self._name_has_owner("org.a11y.Bus"), "the AT-SPI bus launcher", 30)
        # pyatspi finds the buses through these variables, so they must be in our own environment
        # before it is imported.
        for key in ("DISPLAY", "DBUS_SESSION_BUS_ADDRESS", "XDG_RUNTIME_DIR", "HOME"):
            os.environ[key] = self.env[key]
        import pyatspi  # noqa: PLC0415 - needs the environment above

        self.atspi = pyatspi
        wait_until(lambda: pyatspi.Registry.getDesktop(0) is not None, "the AT-SPI registry", 30)

    # ---- programs under test ---------------------------------------------------------------------

    def start_mockd(self, mockd=None, db=None, scenario=None, extra_args=(), name="mockd"):
        """Starts vigil-mockd on a free port with a database in the work folder; returns a Mockd."""
        mockd = mockd or os.environ.get("VIGIL_MOCKD")
        if not mockd:
            raise HarnessError("no vigil-mockd: pass mockd= or set VIGIL_MOCKD")
        argv = [mockd, "--port", "0", "--db", str(db or self.root / f"{name}.sqlite"), "--admin-key", ADMIN_KEY]
        if scenario:
            argv += ["--scenario", str(scenario)]
        argv += list(extra_args)
        proc = self._spawn(name, argv)

        def listening():
            if not proc.running():
                raise HarnessError(f"{name} exited with {proc.popen.returncode}: {proc.output()[-2000:]!r}")
            first = proc.output().split(b"\n", 1)
            if len(first) < 2:
                return None
            match = re.fullmatch(rb"listening on (http://127\.0\.0\.1:\d+)", first[0].strip())
            if not match:
                raise HarnessError(f"{name} printed {first[0]!r} as its first line")
            return match.group(1).decode()

        url = wait_until(listening, f"{name} to listen", 30)
        mockd_proc = Mockd(name, proc.popen, proc.log_path, url)
        self._processes[self._processes.index(proc)] = mockd_proc
        log(f"{name} listening on {url}")
        return mockd_proc

    def start_app(self, name, argv, extra_env=None):
        """Starts a GUI program on this desktop; returns an App (log file: logs/<name>.log)."""
        env = dict(self.env)
        env.update(extra_env or {})
        proc = self._spawn(name, list(argv), env=env)
        app = App(name, proc.popen, proc.log_path, self)
        self._processes[self._processes.index(proc)] = app
        log(f"started {name} (pid {app.pid})")
        return app

    def stop_app(self, app, timeout=15):
        code = app.stop(timeout)
        self._processes.remove(app)
        return code

    # ---- input -----------------------------------------------------------------------------------

    def mouse_click(self, accessible):
        """A real left click (XTest) in the middle of the widget."""
        extents = accessible.queryComponent().getExtents(self.atspi.DESKTOP_COORDS)
        if extents.width <= 0 or extents.height <= 0:
            raise HarnessError(f"{accessible.name!r} has no area on screen")
        self.atspi.Registry.generateMouseEvent(extents.x + extents.width // 2, extents.y + extents.height // 2,
                                               "b1c")

    def focus(self, accessible):
        """Clicks into the widget: with no window manager that is also what activates its window."""
        self.mouse_click(accessible)
        wait_until(lambda: accessible.getState().contains(self.atspi.STATE_FOCUSED),
                   f"focus on {accessible.name!r}", 15)

    def type_text(self, accessible, text, clear=True):
        """Focuses the field and types `text` with real key events (XTest), as a person would."""
        self.focus(accessible)
        if clear:
            self.key_combo("ctrl+a")
            self.key("BackSpace")
        for char in text:
            # X keysyms equal the code points of Latin-1; XTest adds Shift where the layout needs it.
            self.atspi.Registry.generateKeyboardEvent(ord(char), None, self.atspi.KEY_SYM)
        if accessible.getRoleName() != "password text":
            wait_until(lambda: self.text_of(accessible) == text, f"{accessible.name!r} to read {text!r}", 15)

    def key(self, name):
        """Presses one key by its X keysym name ("Return", "Tab", "a", ...)."""
        keysym = _KEYSYMS.get(name, ord(name) if len(name) == 1 else None)
        if keysym is None:
            raise HarnessError(f"unknown key {name!r}")
        self.atspi.Registry.generateKeyboardEvent(keysym, None, self.atspi.KEY_SYM)

    def key_combo(self, combo):
        """Presses e.g. "ctrl+a": the modifiers are locked around the key, then released."""
        *mods, last = combo.split("+")
        mask = 0
        for mod in mods:
            mask |= _MODIFIER_MASKS[mod]
        self.atspi.Registry.generateKeyboardEvent(mask, None, self.atspi.KEY_LOCKMODIFIERS)
        try:
            self.key(last)
        finally:
            self.atspi.Registry.generateKeyboardEvent(mask, None, self.atspi.KEY_UNLOCKMODIFIERS)

    def click(self, accessible):
        """Invokes the widget's press/toggle action, like activating it from the keyboard."""
        action = accessible.queryAction()
        names = [action.getName(i).lower() for i in range(action.nActions)]
        for wanted in ("press", "click", "toggle", "activate"):
            if wanted in names:
                action.doAction(names.index(wanted))
                return
        raise HarnessError(f"{accessible.name!r} has no press action (has {names})")

    def is_checked(self, accessible):
        return accessible.getState().contains(self.atspi.STATE_CHECKED)

    def text_of(self, accessible):
        """The visible text of a label or field (falls back to the accessible description/name)."""
        try:
            text = accessible.queryText()
            return text.getText(0, text.characterCount)
        except NotImplementedError:
            return accessible.description or accessible.name

    # ---- evidence --------------------------------------------------------------------------------

    def screenshot(self, name):
        if not self.display:
            return None
        path = self.root / f"{name}.png"
        result = subprocess.run(["import", "-display", self.display, "-window", "root", str(path)],
                                capture_output=True, timeout=30)
        if result.returncode == 0:
            log(f"screenshot {path}")
            return path
        log(f"screenshot failed: {result.stderr.decode(errors='replace')}")
        return None

    def dump_tree(self, app, path=None):
        """Writes the app's accessibility tree (role, name, states) to a log, for failed lookups."""
        path = path or self.logs / f"{app.name}-tree.log"
        lines = []

        def walk(node, depth):
            if depth > 40:
                return
            for i in range(node.childCount):
                child = node.getChildAtIndex(i)
                if child is None:
                    continue
                showing = child.getState().contains(self.atspi.STATE_SHOWING)
                lines.append(f"{'  ' * depth}{child.getRoleName()} {child.name!r}{'' if showing else ' (hidden)'}")
                walk(child, depth + 1)

        try:
            app_acc = app.accessible(timeout=2)
            app_acc.clear_cache()
            walk(app_acc, 0)
        except Exception as error:  # noqa: BLE001 - best effort while failing
            lines.append(f"(no tree: {error!r})")
        path.write_text("\n".join(lines) + "\n")
        log(f"accessibility tree of {app.name} in {path}")

    # ---- secrets ---------------------------------------------------------------------------------

    def secret_lookup(self, *attributes):
        result = subprocess.run(["secret-tool", "lookup", *attributes], env=self.env, capture_output=True,
                                timeout=20)
        return result.stdout if result.returncode == 0 else None

    def secret_search(self, *attributes):
        """secret-tool search --all: a list of {attribute: value} dicts, each with its 'secret'."""
        # secret-tool prints an item's label and secret on stdout but its attributes on stderr, each
        # line flushed: only one pipe for both keeps every attribute with its own item (reading the
        # two streams one after the other gave the last item every item's attributes).
        result = subprocess.run(["secret-tool", "search", "--all", "--unlock", *attributes], env=self.env,
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=20)
        items = []
        current = None
        for line in result.stdout.decode(errors="replace").splitlines():
            if line.startswith("["):
                current = {}
                items.append(current)
            elif current is not None and " = " in line:
                key, value = line.split(" = ", 1)
                key = key.strip()
                if key.startswith("attribute."):
                    key = key[len("attribute."):]
                current[key] = value
        return items

    def files_containing(self, needle, folder=None):
        """Every file under `folder` (default: the test's HOME) whose bytes contain `needle`."""
        folder = Path(folder or self.home)
        needle = needle.encode() if isinstance(needle, str) else needle
        hits = []
        for path in folder.rglob("*"):
            if path.is_file() and not path.is_symlink():
                try:
                    if needle in path.read_bytes():
                        hits.append(path)
                except OSError:
                    pass
        return hits


_KEYSYMS = {"BackSpace": 0xFF08, "Tab": 0xFF09, "Return": 0xFF0D, "Escape": 0xFF1B, "Home": 0xFF50,
            "Left": 0xFF51, "Up": 0xFF52, "Right": 0xFF53, "Down": 0xFF54, "End": 0xFF57, "Delete": 0xFFFF,
            "space": 0x20}
_MODIFIER_MASKS = {"shift": 1 << 0, "ctrl": 1 << 2, "alt": 1 << 3}


def main_guard(test):
    """Runs `test()`; prints PASS/FAIL and exits with a code ctest understands."""
    if sys.executable != "/usr/bin/python3" and not os.environ.get("VIGIL_E2E_ANY_PYTHON"):
        log(f"note: running under {sys.executable}; pyatspi comes from Debian's /usr/bin/python3")
    started = time.monotonic()
    try:
        test()
    except Exception as error:  # noqa: BLE001 - report and fail
        log(f"FAIL after {time.monotonic() - started:.1f} s: {error}")
        raise SystemExit(1) from None
    log(f"PASS in {time.monotonic() - started:.1f} s")
