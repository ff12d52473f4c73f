"""A team library: postmortems as Markdown files in a git repository, indexed by a Store.

Free of Qt. `folder` reads and writes the files, `index` keeps the local store in
step with them, `merge` is git's merge driver, `sync` commits, pulls and pushes.
"""

from pmdesk.library.folder import LibraryError, index_path
from pmdesk.library.index import LibraryIndex, RefreshReport
from pmdesk.library.merge import conflicted_fields, merge_files, merge_postmortems
from pmdesk.library.sync import SyncResult, init_library, sync

__all__ = [
    "LibraryError",
    "LibraryIndex",
    "RefreshReport",
    "SyncResult",
    "conflicted_fields",
    "index_path",
    "init_library",
    "merge_files",
    "merge_postmortems",
    "sync",
]
