"""One running copy of the app per data folder, claimed as it starts and held until it exits."""

from __future__ import annotations

import logging
from pathlib import Path

from app.paths import AppPaths
from app.store.instance_lock import DataFolderUnwritable, DataInUse, InstanceLock

log = logging.getLogger(__name__)

_claimed: dict[Path, InstanceLock] = {}


def claim_data_folder(paths: AppPaths) -> bool:
    """Hold the data folder's lock for the life of this process; False when another running
    copy holds it (nothing is touched then). The operating system frees it when we exit.

    A folder where no lock file can be made is read-only: no copy can change anything there,
    so this one goes on (and the store says it cannot be written when it is opened)."""
    if paths.data_dir in _claimed:
        return True
    try:
        lock = InstanceLock(paths.data_dir).acquire()
    except DataInUse:
        return False
    except DataFolderUnwritable as exc:
        log.info("no lock on a folder that cannot be written: %s", exc)
        return True
    _claimed[paths.data_dir] = lock
    return True
