"""A reportgen command that keeps running (`watch`, `serve`) in its own process, its messages read as
they come; deadlines only, no timings, so that a broken command fails instead of hanging."""

from __future__ import annotations

import queue
import signal
import subprocess
import sys
import threading
import time

DEADLINE = 120  # seconds; a command that works answers in about one


class Running:
    def __init__(self, command: str, root, *args: str):
        self.command = command
        self.process = subprocess.Popen([sys.executable, "-m", "reportgen", command, "--project", str(root), *args],
                                        stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
        self.lines: queue.Queue[str] = queue.Queue()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        with self.process.stderr:
            for line in self.process.stderr:
                self.lines.put(line.rstrip("\n"))

    def wait_for(self, predicate) -> list[str]:
        """The messages up to the first one for which `predicate` holds."""
        seen, end = [], time.monotonic() + DEADLINE
        while time.monotonic() < end:
            try:
                line = self.lines.get(timeout=1)
            except queue.Empty:
                assert self.process.poll() is None, f"reportgen {self.command} stopped: {seen}"
                continue
            seen.append(line)
            if predicate(line):
                return seen
        raise AssertionError(f"nothing matched before the deadline: {seen}")

    def stop(self) -> int:
        self.process.send_signal(signal.SIGINT)
        return self.process.wait(timeout=DEADLINE)
