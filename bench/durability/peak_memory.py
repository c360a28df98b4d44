"""The peak resident memory of this process alone, for figures taken in a child process.

``getrusage(RUSAGE_SELF).ru_maxrss`` is not that on Linux: a child started by ``subprocess``
(vfork, then exec) inherits the parent's high-water mark, so a child of a test process that
has grown over a long run reports the parent's peak, not its own. The kernel's ``VmHWM``
line counts the child's own address space since exec.
"""

from __future__ import annotations

import resource
import sys
from pathlib import Path


def peak_rss_mb() -> float:
    """The most resident memory this process's own address space has used, in MB."""
    status = Path("/proc/self/status")
    if sys.platform.startswith("linux") and status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    scale = 1 if sys.platform == "darwin" else 1024  # bytes on macOS, kB elsewhere
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / scale / 1024
