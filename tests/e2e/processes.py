"""The programs a test starts: their logs, a clean stop, and (for a GUI program) its widgets found by
accessible name in the AT-SPI tree."""

import signal
import subprocess

from waits import DEFAULT_TIMEOUT, HarnessError, log, wait_until


class Process:
    """A started program with its log file. Output goes to a file so a long run never blocks."""

    def __init__(self, name, popen, log_path):
        self.name = name
        self.popen = popen
        self.log_path = log_path

    @property
    def pid(self):
        return self.popen.pid

    def running(self):
        return self.popen.poll() is None

    def output(self):
        return self.log_path.read_bytes() if self.log_path.exists() else b""

    def stop(self, timeout=15):
        """SIGTERM, wait, then SIGKILL. Returns the exit code (negative: killed by that signal)."""
        if self.popen.poll() is None:
            try:
                self.popen.send_signal(signal.SIGTERM)
                self.popen.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                log(f"{self.name} ignored SIGTERM for {timeout} s; killing it")
                self.popen.kill()
                self.popen.wait()
        return self.popen.returncode


class Mockd(Process):
    def __init__(self, name, popen, log_path, url):
        super().__init__(name, popen, log_path)
        self.url = url


class App(Process):
    """A GUI program under test; finds its widgets in the AT-SPI tree by accessible name."""

    def __init__(self, name, popen, log_path, desktop):
        super().__init__(name, popen, log_path)
        self.desktop = desktop

    def accessible(self, timeout=DEFAULT_TIMEOUT):
        """The program's AT-SPI application object (matched by process id)."""
        atspi = self.desktop.atspi

        def lookup():
            if not self.running():
                raise HarnessError(f"{self.name} exited with {self.popen.returncode}")
            root = atspi.Registry.getDesktop(0)
            for i in range(root.childCount):
                child = root.getChildAtIndex(i)
                if child is not None and child.get_process_id() == self.pid:
                    return child
            return None

        return wait_until(lookup, f"{self.name} on the accessibility bus", timeout)

    def find_all(self, name, role=None, showing=True):
        app = self.accessible()
        app.clear_cache()
        found = []
        self._collect(app, name, role, showing, found, depth=0)
        return found

    def find(self, name, role=None, showing=True, timeout=DEFAULT_TIMEOUT):
        """Waits for exactly one showing widget with this accessible name (and role name, if given)."""

        def lookup():
            if not self.running():
                raise HarnessError(f"{self.name} exited with {self.popen.returncode}")
            hits = self.find_all(name, role, showing)
            if len(hits) > 1 and role is None:
                # A form's caption label usually carries the same name as its field: want the field.
                hits = [h for h in hits if h.getRoleName() != "label"] or hits
            if len(hits) > 1:
                raise HarnessError(f"{len(hits)} widgets named {name!r}: {[h.getRoleName() for h in hits]}")
            return hits[0] if hits else None

        what = f"{name!r}" + (f" ({role})" if role else "") + f" in {self.name}"
        try:
            return wait_until(lookup, what, timeout)
        except HarnessError:
            self.desktop.dump_tree(self)
            raise

    def wait_for(self, name, role=None, timeout=DEFAULT_TIMEOUT):
        return self.find(name, role=role, timeout=timeout)

    def absent(self, name, role=None):
        return not self.find_all(name, role)

    def _collect(self, node, name, role, showing, found, depth):
        if depth > 40:
            return
        states = self.desktop.atspi
        for i in range(node.childCount):
            child = node.getChildAtIndex(i)
            if child is None:
                continue
            if showing and not child.getState().contains(states.STATE_SHOWING):
                continue
            if child.name == name and (role is None or child.getRoleName() == role):
                found.append(child)
            self._collect(child, name, role, showing, found, depth + 1)
