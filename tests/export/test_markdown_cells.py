"""The table-cell reader gives what the plain character-by-character reading gives."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from pmdesk.export.markdown import cell, row, unescape_html
from pmdesk.export.markdown_parse import _cells


def reference_cells(line: str) -> list[str]:
    """The reading the regex version replaced: one step per character."""
    cells, current, i = [], [], 1
    while i < len(line):
        char = line[i]
        if char == "\\" and i + 1 < len(line):
            current.append(line[i : i + 2])
            i += 2
            continue
        if char == "|":
            cells.append("".join(current))
            current = []
        else:
            current.append(char)
        i += 1
    if "".join(current).strip():
        cells.append("".join(current))
    return [reference_decode(c.strip()) for c in cells]


def reference_decode(text: str) -> str:
    out, i = [], 0
    while i < len(text):
        nxt = text[i + 1] if i + 1 < len(text) else ""
        if text[i] == "\\" and nxt and not nxt.isalnum() and nxt.isascii():
            out.append(nxt)
            i += 2
        elif text.startswith("<br>", i):
            out.append("\n")
            i += 4
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


table_text = st.text(
    alphabet=st.sampled_from(list("ab |\\<br>-xé1 \t")) | st.characters(), max_size=60
).filter(lambda t: "\n" not in t)  # (a line: the reader splits the file at "\n")


@given(table_text)
def test_any_line_reads_as_the_character_by_character_reading(text):
    line = "|" + text
    # (entities such as &lt; are read as characters after the cell is split)
    assert _cells(line) == [unescape_html(c) for c in reference_cells(line)]


@given(st.lists(st.text(max_size=30).filter(lambda t: "\n" not in t and "\r" not in t), max_size=5))
def test_cells_written_by_the_exporter_read_back(texts):
    line = row(*(cell(t) for t in texts))
    assert _cells(line) == [unescape_html(c) for c in reference_cells(line)]


def test_escapes_pipes_and_line_breaks():
    assert _cells(r"| a \| b | c<br>d | \<br> | x\y | end\\") == [
        "a | b",
        "c\nd",
        "<br>",
        r"x\y",
        "end\\",
    ]
