"""Running git itself, with the user's own configuration: pmdesk handles no credentials."""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

from pmdesk.errors import PmdeskError


class GitError(PmdeskError):
    """git is missing, or a git command failed in a way the user must see."""


@dataclass(frozen=True)
class GitResult:
    code: int
    out: str
    err: str

    @property
    def ok(self) -> bool:
        return self.code == 0

    def first_error_line(self) -> str:
        lines = [line.strip() for line in (self.err or self.out).splitlines() if line.strip()]
        return lines[0] if lines else f"git exited with status {self.code}"


def git(cwd: Path, *args: str, check: bool = True, input_text: str | None = None) -> GitResult:
    """Run `git args` in `cwd`; with `check`, a failure is a one-line GitError."""
    # Never wait for a password prompt in a terminal the user cannot see (the window, CI):
    # a remote that needs credentials the user's helpers do not supply counts as unreachable.
    env = {**os.environ, "GIT_TERMINAL_PROMPT": "0", "GIT_MERGE_AUTOEDIT": "no"}
    try:
        done = subprocess.run(
            ["git", *args],
            cwd=cwd,
            env=env,
            input=input_text,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            check=False,
        )
    except FileNotFoundError:
        raise GitError("git is not installed (or not on PATH); a team library needs it") from None
    result = GitResult(done.returncode, done.stdout, done.stderr)
    if check and not result.ok:
        raise GitError(f"git {args[0]} failed: {result.first_error_line()}")
    return result
