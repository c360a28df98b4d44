"""One running copy of the app per data folder, claimed as it starts and held until it exits."""

from __future__ import annotations

from pathlib import Path

from app.paths import AppPaths
from app.store.instance_lock import DataInUse, InstanceLock

_claimed: dict[Path, InstanceLock] = {}


def claim_data_folder(paths: AppPaths) -> bool:
    """Hold the data folder's lock for the life of this process; False when another running
    copy holds it (nothing is touched then). The operating system frees it when we exit."""
    if paths.data_dir in _claimed:
        return True
    try:
        lock = InstanceLock(paths.data_dir).acquire()
    except DataInUse:
        return False
    _claimed[paths.data_dir] = lock
    return True
