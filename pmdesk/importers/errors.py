"""The one error every timeline importer raises for a file it cannot use."""

from __future__ import annotations

from pmdesk.errors import PmdeskError


class TimelineImportError(PmdeskError):
    """A timeline source that cannot be read: malformed, too big, unknown, or badly encoded."""


class CsvColumnsUnclear(TimelineImportError):
    """A CSV file whose time and text columns cannot be told by their names alone.

    It carries what the window needs for its column-mapping step: the column
    names and the best guess, so the user only confirms or corrects it.
    """

    def __init__(self, message: str, columns: list[str], guess: tuple[int, int] | None) -> None:
        super().__init__(message)
        self.columns = columns
        self.guess = guess
