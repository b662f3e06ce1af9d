"""Waiting with a deadline and failing: every wait of the e2e harness polls, nothing sleeps blind."""

import os
import time

# Generous, because the sanitizer build under Xvfb on a busy 2-core machine is slow to start.
DEFAULT_TIMEOUT = float(os.environ.get("VIGIL_E2E_TIMEOUT", "60"))


class HarnessError(AssertionError):
    pass


def log(message):
    print(f"[e2e {time.strftime('%H:%M:%S')}] {message}", flush=True)


def wait_until(predicate, what, timeout=DEFAULT_TIMEOUT, interval=0.05):
    """Polls `predicate` until it returns something truthy (returned), or fails after `timeout` s."""
    deadline = time.monotonic() + timeout
    last_error = None
    while True:
        try:
            value = predicate()
            if value:
                return value
        except HarnessError:
            raise  # a definite failure (a process died, a name is ambiguous): no point in waiting
        except Exception as error:  # noqa: BLE001 - AT-SPI raises many kinds while a window builds
            last_error = error
        if time.monotonic() > deadline:
            detail = f" (last error: {last_error!r})" if last_error else ""
            raise HarnessError(f"timed out after {timeout:.0f} s waiting for {what}{detail}")
        time.sleep(interval)


def read_line_from_fd(fd, timeout, what):
    """The first line a child process writes to `fd` (e.g. the display Xvfb picked), within `timeout` s."""
    deadline = time.monotonic() + timeout
    data = b""
    os.set_blocking(fd, False)
    while b"\n" not in data:
        try:
            chunk = os.read(fd, 256)
            if not chunk:
                break
            data += chunk
        except BlockingIOError:
            if time.monotonic() > deadline:
                raise HarnessError(f"timed out waiting for {what}")
            time.sleep(0.02)
    os.close(fd)
    line = data.split(b"\n", 1)[0].decode().strip()
    if not line:
        raise HarnessError(f"{what}: got nothing")
    return line
