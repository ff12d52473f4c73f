"""Where pmdesk keeps its files: the store, the settings, the user's lint rules."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "pmdesk"
DB_ENV = "PMDESK_DB"
CONFIG_ENV = "PMDESK_CONFIG_DIR"
CACHE_ENV = "PMDESK_CACHE_DIR"
DB_FILENAME = "pmdesk.db"


def default_db_path() -> Path:
    """The store in the platform's per-user data folder."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / DB_FILENAME


def db_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The store to use: `--db` first, then $PMDESK_DB, then the default."""
    if explicit:
        return Path(explicit).expanduser()
    from_env = os.environ.get(DB_ENV, "").strip()
    if from_env:
        return Path(from_env).expanduser()
    return default_db_path()


def config_dir() -> Path:
    """Settings and user rule files; $PMDESK_CONFIG_DIR overrides (tests use it)."""
    from_env = os.environ.get(CONFIG_ENV, "").strip()
    if from_env:
        return Path(from_env).expanduser()
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def cache_dir() -> Path:
    """What pmdesk can rebuild (which stores were checked); $PMDESK_CACHE_DIR overrides it,
    and without it a $PMDESK_CONFIG_DIR (as tests set) keeps the cache beside the settings."""
    from_env = os.environ.get(CACHE_ENV, "").strip()
    if from_env:
        return Path(from_env).expanduser()
    if os.environ.get(CONFIG_ENV, "").strip():
        return config_dir() / "cache"
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))
