"""A team library: postmortems as Markdown files in a git repository, indexed by a Store.

Free of Qt. `folder` reads and writes the files, `index` keeps the local store in
step with them, `merge` is git's merge driver, `sync` commits, pulls and pushes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pmdesk.lazy import lazy_exports

# Bound here, not lazily: the name `sync` is also its module's, which an import of the module
# would otherwise leave in its place.
from pmdesk.library.sync import SyncResult, init_library, sync

if TYPE_CHECKING:
    from pmdesk.library.folder import LibraryError, index_path
    from pmdesk.library.index import LibraryIndex, RefreshReport
    from pmdesk.library.merge import conflicted_fields, merge_files, merge_postmortems

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

# Imported when first used: `pmdesk gate` and the window's start need none of git's machinery.
__getattr__ = lazy_exports(
    __name__,
    {
        "LibraryError": "pmdesk.library.folder",
        "index_path": "pmdesk.library.folder",
        "LibraryIndex": "pmdesk.library.index",
        "RefreshReport": "pmdesk.library.index",
        "conflicted_fields": "pmdesk.library.merge",
        "merge_files": "pmdesk.library.merge",
        "merge_postmortems": "pmdesk.library.merge",
    },
)
