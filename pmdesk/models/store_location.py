"""Is the store somewhere SQLite cannot keep it safe: a network file system or a sync folder?

SQLite's WAL needs shared memory that network file systems do not provide, and
cloud-drive clients copy a database file while it is being written, so either
can hand back a damaged or an older store. pmdesk keeps working but says so,
and points to the team library (Markdown in git) for sharing.
"""

from __future__ import annotations

import os
from pathlib import Path

#: file-system types that live on another machine (as /proc/mounts names them)
NETWORK_FILE_SYSTEMS = {
    "nfs", "nfs4", "cifs", "smb3", "smbfs", "ncpfs", "afs", "9p", "ceph", "glusterfs",
    "fuse.sshfs", "fuse.rclone", "fuse.s3fs", "davfs", "fuse.davfs2", "fuse.gcsfuse",
    "lustre", "gpfs", "beegfs",
}  # fmt: skip

#: folder names that desktop sync clients create and watch
SYNC_FOLDERS = {
    "dropbox", "onedrive", "google drive", "googledrive", "my drive", "icloud drive",
    "mobile documents", "icloud", "nextcloud", "owncloud", "box", "box sync", "pcloud drive",
    "mega", "megasync", "sync", "seafile", "tresorit", "yandex.disk", "syncthing",
}  # fmt: skip

_ADVICE = (
    "keep the store on this computer's own disk, and share postmortems through a team "
    "library (Markdown files in a git repository) instead"
)


def mount_type(path: Path, mounts: str | None = None) -> str | None:
    """The file-system type of the mount holding `path` (Linux /proc/mounts), or None."""
    if mounts is None:
        try:
            mounts = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None
    target = os.path.realpath(path)
    best, best_type = "", None
    for line in mounts.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point = fields[1].replace("\\040", " ")
        inside = target == point or target.startswith(point.rstrip("/") + "/")
        if inside and len(point) > len(best):
            best, best_type = point, fields[2]
    return best_type


def location_warning(store_path: Path, mounts: str | None = None) -> str | None:
    """One sentence on why this place is risky for the store, or None when it is not."""
    path = Path(store_path).expanduser()
    fs = mount_type(path.parent if not path.exists() else path, mounts)
    if fs in NETWORK_FILE_SYSTEMS:
        return (
            f"{path} is on a network file system ({fs}), where SQLite cannot lock the store "
            f"safely and changes can be lost; {_ADVICE}"
        )
    for part in Path(os.path.realpath(path)).parts[:-1]:
        if part.casefold() in SYNC_FOLDERS or part.casefold().startswith("onedrive - "):
            return (
                f"{path} is inside a sync folder ({part}), whose client may copy the store "
                f"while pmdesk writes it and hand back a damaged or older file; {_ADVICE}"
            )
    return None
