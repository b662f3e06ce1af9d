#!/usr/bin/python3
"""A shared QA server on this machine: PostgreSQL, several vigil-mockd on one database, HAProxy in front.

As a program (docs/qa-shared-server.md):

    tools/qa-shared-server/shared_server.py --mockd build/ci/bin/vigil-mockd [--port 8080]

starts a throw-away PostgreSQL (tools/test-postgres), two vigil-mockd instances on one database and
HAProxy with tools/qa-shared-server/haproxy.cfg, prints the addresses and runs until Ctrl-C. The
admin key comes from VIGIL_ADMIN_KEY (at least 16 characters) and is never on a command line.

As a module (the end-to-end test tests/e2e/test_shared_server.py, bench/shared_throughput.py):

    with SharedServer(workdir, mockd) as shared:
        shared.url                  # HAProxy
        shared.instances[0].url     # one instance, directly
        shared.set_state("mockd2", "maint")   # HAProxy's runtime API: take an instance out
"""

import argparse
import json
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
HAPROXY_CFG = HERE / "haproxy.cfg"
TEST_POSTGRES = ROOT / "tools" / "test-postgres"
# The server names in haproxy.cfg, in the order of the instances.
SERVER_NAMES = ("mockd1", "mockd2")


class SharedServerError(RuntimeError):
    pass


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(predicate, what, timeout=30, interval=0.05):
    """Polls `predicate` until it returns something truthy (returned); fails after `timeout` s."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise SharedServerError(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(interval)


def postgres_bindir():
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"), key=lambda p: int(p.parent.parent.name))
    if not found:
        raise SharedServerError("no PostgreSQL server binaries (apt-get install postgresql)")
    return found[-1].parent


class Child:
    """A started program; its output goes to a log file so a long run never blocks on a pipe."""

    def __init__(self, name, argv, log_path, env):
        self.name = name
        self.log_path = log_path
        # A fresh log: a reused work folder must not offer the last run's "listening on" line.
        with open(log_path, "wb") as log:
            self.popen = subprocess.Popen(argv, env=env, stdin=subprocess.DEVNULL, stdout=log,
                                          stderr=subprocess.STDOUT, start_new_session=True)

    @property
    def pid(self):
        return self.popen.pid

    def running(self):
        return self.popen.poll() is None

    def output(self):
        return self.log_path.read_bytes() if self.log_path.exists() else b""

    def stop(self, timeout=15):
        """SIGTERM, wait, then SIGKILL; returns the exit code (negative: the signal that ended it)."""
        if self.popen.poll() is None:
            self.popen.send_signal(signal.SIGTERM)
            try:
                self.popen.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.popen.kill()
                self.popen.wait()
        return self.popen.returncode


class Instance(Child):
    """One vigil-mockd; `url` once it listens."""

    url = None

    def wait_listening(self, timeout=60):
        def listening():
            if not self.running():
                raise SharedServerError(f"{self.name} exited with {self.popen.returncode}: "
                                        f"{self.output()[-2000:].decode(errors='replace')}")
            # stdout and stderr share the log: a warning on stderr may come before the first line.
            match = re.search(rb"^listening on (http://127\.0\.0\.1:\d+)\n", self.output(), re.M)
            return match.group(1).decode() if match else None

        self.url = wait_for(listening, f"{self.name} to listen", timeout)
        return self.url


class SharedServer:
    """PostgreSQL (one started here, or the one at `pg_host`), `instances` vigil-mockd on one fresh
    database, HAProxy in front. A context manager; stop() also removes what it started."""

    def __init__(self, workdir, mockd, instances=2, admin_key=None, pg_host=None, scenario=None,
                 extra_args=(), lb_port=0, env=None):
        if not 1 <= instances <= len(SERVER_NAMES):
            raise SharedServerError(f"haproxy.cfg names {len(SERVER_NAMES)} servers; asked for {instances}")
        self.workdir = Path(workdir)
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.mockd = str(mockd)
        self.count = instances
        self.admin_key = admin_key or secrets.token_hex(16)
        self.scenario = scenario
        self.extra_args = list(extra_args)
        self.lb_port = lb_port
        self.env = dict(env if env is not None else os.environ)
        self.env["VIGIL_ADMIN_KEY"] = self.admin_key
        self.pg_host = pg_host
        self._own_pg = None
        self.database = None
        self.instances = []
        self.haproxy = None
        self.url = None
        # A Unix socket path may not exceed 107 bytes: HAProxy's and PostgreSQL's live under /tmp.
        self._sockets = Path(tempfile.mkdtemp(prefix="vigil-qa-", dir="/tmp"))
        # Under root, PostgreSQL runs as an unprivileged user who must reach its folder inside.
        self._sockets.chmod(0o755)
        self.admin_socket = self._sockets / "haproxy.sock"

    def __enter__(self):
        try:
            self.start()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc):
        self.stop()
        return False

    # ---- start and stop ------------------------------------------------------------------------

    def start(self):
        self._start_postgres()
        self._create_database()
        # The first migrates and seeds; the others find the database ready (started one by one, so
        # the logs read in order; they would also wait for each other on an advisory lock).
        for index in range(self.count):
            self._start_instance(index)
        self._start_haproxy()
        return self

    def stop(self):
        """Stops HAProxy, then the instances (returns their exit codes), then its own PostgreSQL."""
        codes = {}
        if self.haproxy:
            self.haproxy.stop(timeout=5)
        for instance in reversed(self.instances):
            codes[instance.name] = instance.stop()
        self.instances = []
        self.haproxy = None
        if self._own_pg:
            subprocess.run([str(TEST_POSTGRES), "stop", str(self._own_pg)], check=False, capture_output=True)
            self._own_pg = None
        if self.admin_socket.exists():
            self.admin_socket.unlink()
        if self._sockets.exists():
            try:
                self._sockets.rmdir()
            except OSError:
                pass
        return codes

    def _start_postgres(self):
        if self.pg_host:
            return
        self._own_pg = self._sockets / "pg"
        result = subprocess.run([str(TEST_POSTGRES), "start", str(self._own_pg)], capture_output=True, text=True,
                                timeout=180)
        if result.returncode != 0:
            raise SharedServerError(f"tools/test-postgres start failed: {result.stderr.strip()}")
        self.pg_host = str(self._own_pg / "socket")

    def _create_database(self):
        self.database = "vigil_qa_" + secrets.token_hex(6)
        result = subprocess.run([str(postgres_bindir() / "createdb"), "-h", self.pg_host, "-U", "vigil", self.database],
                                capture_output=True, text=True, timeout=60)
        if result.returncode != 0:
            raise SharedServerError(f"createdb failed: {result.stderr.strip()}")

    def database_url(self):
        return f"postgresql://vigil@/{self.database}?host={urllib.parse.quote(self.pg_host, safe='')}"

    def _start_instance(self, index):
        name = SERVER_NAMES[index]
        argv = [self.mockd, "--port", "0", "--db", self.database_url()]
        if self.scenario:
            argv += ["--scenario", str(self.scenario)]
        argv += self.extra_args
        instance = Instance(name, argv, self.workdir / f"{name}.log", self.env)
        self.instances.append(instance)
        instance.wait_listening()

    def _start_haproxy(self):
        port = self.lb_port or free_port()
        env = dict(self.env)
        env["VIGIL_LB_BIND"] = f"127.0.0.1:{port}"
        env["VIGIL_LB_ADMIN_SOCKET"] = str(self.admin_socket)
        for index, name in enumerate(SERVER_NAMES):
            # With fewer instances the missing server lines point at the first one (same service).
            instance = self.instances[index] if index < len(self.instances) else self.instances[0]
            env[f"VIGIL_MOCKD{index + 1}"] = instance.url.removeprefix("http://")
        self.haproxy = Child("haproxy", ["haproxy", "-f", str(HAPROXY_CFG), "-db"], self.workdir / "haproxy.log", env)
        self.url = f"http://127.0.0.1:{port}"

        def every_server_up():
            if not self.haproxy.running():
                raise SharedServerError(f"haproxy exited with {self.haproxy.popen.returncode}: "
                                        f"{self.haproxy.output()[-2000:].decode(errors='replace')}")
            try:
                states = self.server_states()
            except OSError:
                return False
            return all(states.get(name) == "UP" for name in SERVER_NAMES)

        wait_for(every_server_up, "HAProxy to see every instance up", 30, interval=0.1)

    # ---- HAProxy's runtime API -----------------------------------------------------------------

    def runtime(self, command):
        """One command on HAProxy's runtime API socket; returns its answer."""
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
            sock.settimeout(10)
            sock.connect(str(self.admin_socket))
            sock.sendall(command.encode() + b"\n")
            answer = b""
            while chunk := sock.recv(65536):
                answer += chunk
        return answer.decode()

    def server_states(self):
        """{server name: "UP" | "DOWN" | "MAINT" | "DRAIN" | …} of the backend, from `show stat`."""
        lines = self.runtime("show stat").splitlines()
        if not lines or not lines[0].startswith("# "):
            return {}
        header = lines[0][2:].split(",")
        states = {}
        for line in lines[1:]:
            row = dict(zip(header, line.split(",")))
            if row.get("pxname") == "mockd" and row.get("svname") in SERVER_NAMES:
                states[row["svname"]] = row.get("status", "").split(" ")[0]
        return states

    def set_state(self, server, state):
        """`ready`, `drain` (no new connections) or `maint` (out): waits until HAProxy says so."""
        answer = self.runtime(f"set server mockd/{server} state {state}").strip()
        if answer:
            raise SharedServerError(f"HAProxy refused 'set server mockd/{server} state {state}': {answer}")
        wanted = {"ready": "UP", "drain": "DRAIN", "maint": "MAINT"}[state]
        wait_for(lambda: self.server_states().get(server) == wanted, f"{server} to be {wanted} in HAProxy", 30)

    # ---- the service ---------------------------------------------------------------------------

    def admin(self, base, method, path, body=None):
        """One admin call to `base` (HAProxy or one instance); returns (status, raw body)."""
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(base + path, data=data, method=method,
                                         headers={"X-Admin-Key": self.admin_key, "Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=10) as reply:
                return reply.status, reply.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mockd", default=str(ROOT / "build" / "ci" / "bin" / "vigil-mockd"),
                        help="the vigil-mockd program (default: build/ci/bin/vigil-mockd)")
    parser.add_argument("--port", type=int, default=0, help="HAProxy's port (default: a free one)")
    parser.add_argument("--instances", type=int, default=2, choices=range(1, len(SERVER_NAMES) + 1))
    parser.add_argument("--scenario", help="a scenario name or file for the first start (default: household)")
    parser.add_argument("--workdir", help="where the logs go (default: a new folder under /tmp)")
    args, extra = parser.parse_known_args()
    if extra and extra[0] == "--":
        extra = extra[1:]
    workdir = Path(args.workdir or tempfile.mkdtemp(prefix="vigil-qa-logs-"))
    key = os.environ.get("VIGIL_ADMIN_KEY", "")
    if len(key) < 16:
        parser.error("set VIGIL_ADMIN_KEY to the admin key (at least 16 characters); it is never on a command line")
    stop = []
    signal.signal(signal.SIGTERM, lambda *_: stop.append(True))
    with SharedServer(workdir, args.mockd, args.instances, key, scenario=args.scenario, extra_args=extra,
                      lb_port=args.port) as shared:
        print(f"listening on {shared.url}", flush=True)
        for instance in shared.instances:
            print(f"instance {instance.name} on {instance.url}", flush=True)
        print(f"database {shared.database_url()}", flush=True)
        print(f"HAProxy runtime API on {shared.admin_socket}; logs in {workdir}", flush=True)
        try:
            while not stop and shared.haproxy.running() and all(i.running() for i in shared.instances):
                time.sleep(0.5)
        except KeyboardInterrupt:
            pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
