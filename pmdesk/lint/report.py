"""`pmdesk lint` on files: read them, lint them, print findings as text or JSON."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from pmdesk.errors import PmdeskError
from pmdesk.lint.engine import Linter
from pmdesk.lint.finding import Finding


class LintInputError(PmdeskError):
    """A file to lint that is missing or is not UTF-8 text."""


def read_input(name: str, stdin: TextIO | None = None) -> str:
    """The text of a file, or of standard input for "-"."""
    try:
        if name == "-":
            stream = stdin if stdin is not None else sys.stdin
            data = stream.buffer.read() if hasattr(stream, "buffer") else stream.read()
            return data.decode("utf-8") if isinstance(data, bytes) else data
        return Path(name).read_bytes().decode("utf-8")
    except FileNotFoundError:
        raise LintInputError(f"no such file: {name}") from None
    except IsADirectoryError:
        raise LintInputError(f"{name} is a folder, not a file") from None
    except UnicodeDecodeError as exc:
        raise LintInputError(f"{name} is not UTF-8 text (byte {exc.start})") from None
    except OSError as exc:
        raise LintInputError(f"cannot read {name}: {exc.strerror}") from None


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def finding_record(name: str, text: str, f: Finding) -> dict[str, Any]:
    line, column = line_col(text, f.start)
    return {"file": name, "line": line, "column": column, **f.to_dict()}


def format_text(name: str, text: str, findings: Sequence[Finding]) -> list[str]:
    out = []
    for f in findings:
        line, column = line_col(text, f.start)
        out.append(f"{name}:{line}:{column}: {f.category}: {f.message}")
        if f.suggestions:
            # the whole line as it would read, not just the replaced words
            start = text.rfind("\n", 0, f.start) + 1
            end = text.find("\n", f.end)
            end = len(text) if end < 0 else end
            rewritten = text[start : f.start] + f.suggestions[0] + text[f.end : end]
            out.append(f"    try: {rewritten.strip()}")
        elif f.prompt:
            out.append(f"    ask: {f.prompt}")
    return out


def run_lint(
    files: Sequence[str],
    *,
    linter: Linter,
    people: Sequence[str] = (),
    fmt: str = "text",
    stdout: TextIO | None = None,
) -> int:
    """Lint every file; 0 when nothing is a warning, 1 when something is."""
    stdout = stdout or sys.stdout
    names = list(files) or ["-"]
    texts = [(name, read_input(name)) for name in names]  # fail before printing anything
    records: list[dict[str, Any]] = []
    lines: list[str] = []
    warned = False
    for name, text in texts:
        linter.prefill(text, people)  # (a long text is judged in two processes at once)
        findings = linter.lint(text, people)
        warned = warned or any(f.is_warning for f in findings)
        if fmt == "json":
            records.extend(finding_record(name, text, f) for f in findings)
        else:
            lines.extend(format_text(name, text, findings))
    if fmt == "json":
        stdout.write(json.dumps(records, ensure_ascii=False, indent=2) + "\n")
    elif lines:
        stdout.write("\n".join(lines) + "\n")
    return 1 if warned else 0
