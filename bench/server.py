"""`streamlit run` in its own process group on a free port of 127.0.0.1: for the browser benchmark and tests."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

START_TIMEOUT = 120  # seconds until /_stcore/health answers
STOP_TIMEOUT = 10  # seconds after SIGTERM before SIGKILL


def free_port() -> int:
    """A port nobody listens on now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def healthy(url: str) -> bool:
    """True when the server answers its health check."""
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError):
        return False


class Server:
    """`streamlit run SCRIPT` on 127.0.0.1, logging to a file; stop() ends its whole process group."""

    def __init__(self, script: Path, cwd: Path, env: dict, log: Path):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = log
        command = [sys.executable, "-m", "streamlit", "run", str(script), "--server.address", "127.0.0.1",
                   "--server.port", str(self.port), "--server.headless", "true",
                   "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"]
        with open(log, "wb") as out:
            self.process = subprocess.Popen(command, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT,
                                            stdin=subprocess.DEVNULL, start_new_session=True)

    def wait_healthy(self, timeout: float = START_TIMEOUT) -> None:
        """Return once the server answers; RuntimeError with the log's tail if it exits or takes too long."""
        deadline = time.monotonic() + timeout
        while not healthy(f"{self.base}/_stcore/health"):
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"streamlit did not start within {timeout:.0f} s:\n"
                                   f"{self.log.read_text(errors='replace')[-3000:]}")
            time.sleep(0.2)

    def peak_mb(self) -> tuple[float, float]:
        """(VmHWM, VmRSS) of the server process in MB."""
        fields = {}
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            key, _, value = line.partition(":")
            if key in ("VmHWM", "VmRSS"):
                fields[key] = int(value.split()[0]) / 1024
        return fields["VmHWM"], fields["VmRSS"]

    def stop(self) -> None:
        """SIGTERM the server's process group, SIGKILL it if it is still there after STOP_TIMEOUT."""
        if self.process.poll() is not None:
            return
        try:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            try:
                os.killpg(self.process.pid, signal.SIGKILL)
            except ProcessLookupError:
                return
            self.process.wait(timeout=STOP_TIMEOUT)
        except ProcessLookupError:
            pass
